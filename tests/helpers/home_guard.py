"""A pytest plugin that keeps the whole test run out of the user's own folders, and fails when it is not.

At start-up it points ``HOME`` and the XDG and Windows user-folder variables at a fresh folder of its
own (so the platform's defaults for settings, data, logs and caches land there, in this process and
in every program a test starts), then fails the test that writes anything into it, and the run when
something was written there outside a test. Tests write into ``tmp_path`` and ``LIASMART_HOME``.

Loaded by ``tests/conftest.py``; ``tests/test_home_guard.py`` runs it on tests that misbehave.
On Windows, ``platformdirs`` asks the system for the known folders rather than reading these
variables, so there the guard sees what the variables cover (Qt's own ``APPDATA`` use, for one).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

#: Each user-folder variable and where it points inside the guard's folder.
USER_FOLDERS = {
    "HOME": "home",
    "USERPROFILE": "home",
    "XDG_CONFIG_HOME": "home/.config",
    "XDG_DATA_HOME": "home/.local/share",
    "XDG_CACHE_HOME": "home/.cache",
    "XDG_STATE_HOME": "home/.local/state",
    "APPDATA": "home/AppData/Roaming",
    "LOCALAPPDATA": "home/AppData/Local",
}

_root_key = pytest.StashKey[Path]()
_saved_key = pytest.StashKey[dict[str, str | None]]()
_blamed_key = pytest.StashKey[set[str]]()


def written_files(root: Path) -> dict[str, tuple[int, int]]:
    """Every file and folder under ``root`` but its home folder (relative path → size and time)."""
    found: dict[str, tuple[int, int]] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs:
            path = Path(folder) / name
            if path != root / "home":
                found[path.relative_to(root).as_posix() + "/"] = (0, 0)
        for name in files:
            path = Path(folder) / name
            stat = path.lstat()
            found[path.relative_to(root).as_posix()] = (stat.st_size, stat.st_mtime_ns)
    return found


def describe(root: Path, paths: list[str]) -> str:
    """The sentence naming what was written where."""
    listing = "\n".join(f"  {root / path}" for path in sorted(paths))
    return (
        "into what would be the user's own folders, not into a temporary folder (write into "
        "tmp_path, and give the app LIASMART_HOME):\n" + listing
    )


def pytest_configure(config: pytest.Config) -> None:
    """Point the user-folder variables at a fresh folder before any test (or program it starts) runs."""
    root = Path(tempfile.mkdtemp(prefix="liasmart-tests-user-folders-"))
    config.stash[_root_key] = root
    config.stash[_saved_key] = {name: os.environ.get(name) for name in USER_FOLDERS}
    config.stash[_blamed_key] = set()
    for name, relative in USER_FOLDERS.items():
        os.environ[name] = str(root / relative)
    (root / "home").mkdir()


@pytest.fixture(autouse=True)
def nothing_written_outside(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail the test that wrote into the guarded folders (checked after its own teardown)."""
    root = request.config.stash[_root_key]
    before = written_files(root)
    yield
    after = written_files(root)
    changed = [path for path, stamp in after.items() if before.get(path) != stamp]
    if changed:
        request.config.stash[_blamed_key].update(changed)
        pytest.fail("This test wrote " + describe(root, changed), pytrace=False)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run when anything is in the guarded folders at its end (written outside any test)."""
    root = session.config.stash[_root_key]
    leftovers = [path for path in written_files(root) if path not in session.config.stash[_blamed_key]]
    if leftovers:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        message = (
            "Something running outside a single test (a shared fixture, collection, a program left "
            "running) wrote " + describe(root, leftovers)
        )
        if reporter is not None:
            reporter.write_sep("=", "user folders guard", red=True)
            reporter.write_line(message)
        if session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_unconfigure(config: pytest.Config) -> None:
    """Give the variables back; remove the guard's folder unless it holds evidence."""
    for name, value in config.stash[_saved_key].items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    root = config.stash[_root_key]
    if not written_files(root):
        shutil.rmtree(root, ignore_errors=True)
