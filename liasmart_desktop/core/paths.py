"""Where LiaSmart Desktop keeps its data: settings, journal and logs, per user and private."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from liasmart_desktop.core.errors import ConfigError, ConfigProblem

HOME_ENV = "LIASMART_HOME"
APP_DIR_NAME = "LiaSmartDesktop"
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
#: Beside the journal, and apart from it: a journal moved aside after damage keeps the lists in place.
LISTS_FILE_NAME = "lists.sqlite3"


@dataclass(frozen=True, slots=True)
class DataPaths:
    """The files and folders inside one data directory."""

    root: Path

    @property
    def settings_file(self) -> Path:
        """The JSON settings file (no secrets in it)."""
        return self.root / "settings.json"

    @property
    def journal_file(self) -> Path:
        """The SQLite journal of campaigns and messages."""
        return self.root / "journal.sqlite3"

    @property
    def lists_file(self) -> Path:
        """The SQLite file of the office's lists: the do-not-message numbers and the saved templates."""
        return self.root / LISTS_FILE_NAME

    @property
    def log_dir(self) -> Path:
        """Rotating log files (redacted)."""
        return self.root / "logs"

    @property
    def view_state_file(self) -> Path:
        """Window geometry and other view state the GUI restores (an INI file; no settings, no secrets)."""
        return self.root / "view-state.ini"


def default_data_dir() -> Path:
    """Return the per-user data directory of this operating system (not created)."""
    return platformdirs.user_data_path(APP_DIR_NAME, appauthor=False, roaming=False)


def resolve_data_dir(option: str | None = None, env: Mapping[str, str] | None = None) -> Path:
    """Pick the data directory: an explicit option, then ``LIASMART_HOME``, then the per-user default."""
    environ = os.environ if env is None else env
    chosen = option or environ.get(HOME_ENV) or ""
    if chosen.strip():
        return Path(chosen).expanduser().resolve()
    return default_data_dir()


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed; on POSIX make the folder itself owner-only.

    A file in the way makes ``mkdir`` raise ``FileExistsError``, so success means a folder.
    """
    try:
        path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
        if os.name == "posix":
            current = stat.S_IMODE(path.stat().st_mode)
            if current & 0o077:
                path.chmod(PRIVATE_DIR_MODE)
    except OSError as exc:
        raise ConfigError(
            ConfigProblem.DATA_DIR_UNUSABLE, exc.strerror or str(exc), subject=str(path)
        ) from exc
    return path


def find_data_dir(option: str | None = None, env: Mapping[str, str] | None = None) -> DataPaths:
    """Resolve the data directory without creating it (a command that changes nothing leaves no folder).

    Something other than a folder in its place is a ``ConfigError(DATA_DIR_UNUSABLE)`` at once.
    """
    root = resolve_data_dir(option, env)
    if root.exists() and not root.is_dir():
        raise ConfigError(ConfigProblem.DATA_DIR_UNUSABLE, os.strerror(errno.ENOTDIR), subject=str(root))
    return DataPaths(root)


def open_data_dir(option: str | None = None, env: Mapping[str, str] | None = None) -> DataPaths:
    """Resolve and create the data directory, owner-only, and return its layout."""
    root = ensure_private_dir(resolve_data_dir(option, env))
    ensure_private_dir(root / "logs")
    return DataPaths(root)


def create_private_file(path: Path) -> None:
    """Create ``path`` empty with owner-only permissions unless it exists (before SQLite opens it).

    An existing file readable by others is made owner-only too, as ``ensure_private_dir`` does.
    """
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, PRIVATE_FILE_MODE)
    try:
        if os.name == "posix" and stat.S_IMODE(os.fstat(fd).st_mode) & 0o077:
            os.fchmod(fd, PRIVATE_FILE_MODE)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success fsync it and rename it over ``path``."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with tmp.open("rb+") as handle:
            os.fsync(handle.fileno())
        tmp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
