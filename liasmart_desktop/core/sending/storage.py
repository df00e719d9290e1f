"""The journal's file on disk: made whole or not at all, kept aside when lost, told apart from its storage.

- A new journal is built beside its path and linked into place complete (``create_journal``), so a journal
  of 0 bytes is never one being made: it is one whose history was lost (truncated, or zeroed by a
  disk that filled), and it is kept aside (``set_aside``), never silently replaced by a new one.
- An SQLite error means either trouble with the storage under the file (full, read-only, not a
  file, an I/O error: ``WRITE_FAILED``, "free space, check permissions") or damage (anything else:
  ``CORRUPT``, "move it aside, keep it for support"); ``journal_error`` tells which.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from pathlib import Path

from liasmart_desktop.core.errors import JournalError, JournalProblem
from liasmart_desktop.core.paths import create_private_file
from liasmart_desktop.core.sending.schema import SCHEMA, SCHEMA_VERSION

#: SQLite's primary result codes about the storage under the file or another process holding it …
_STORAGE_CODES = frozenset(
    {
        sqlite3.SQLITE_FULL,
        sqlite3.SQLITE_READONLY,
        sqlite3.SQLITE_IOERR,
        sqlite3.SQLITE_CANTOPEN,
        sqlite3.SQLITE_PERM,
        sqlite3.SQLITE_BUSY,
        sqlite3.SQLITE_LOCKED,
        sqlite3.SQLITE_NOLFS,
        sqlite3.SQLITE_PROTOCOL,
    }
)
#: … and those that say its content is damaged.
_DAMAGE_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
_PRIMARY_CODE_MASK = 0xFF
#: The files SQLite keeps beside a journal in WAL mode; they belong with it wherever it goes.
COMPANIONS = ("-wal", "-shm")


def journal_error(
    exc: OSError | sqlite3.Error, path: Path, otherwise: JournalProblem = JournalProblem.CORRUPT
) -> JournalError:
    """The journal problem behind an error of the file system or of SQLite, about ``path``.

    An error that is neither about storage nor damage (a table missing, a constraint) is ``otherwise``:
    the schema is not sound when reading, the change was refused when writing.
    """
    if isinstance(exc, OSError):
        return JournalError(JournalProblem.WRITE_FAILED, exc.strerror or str(exc), subject=str(path))
    code = getattr(exc, "sqlite_errorcode", None)
    primary = None if code is None else code & _PRIMARY_CODE_MASK
    if primary in _STORAGE_CODES:
        problem = JournalProblem.WRITE_FAILED
    elif primary in _DAMAGE_CODES:
        problem = JournalProblem.CORRUPT
    else:
        problem = otherwise
    return JournalError(problem, str(exc), subject=str(path))


def file_identity(path: Path) -> tuple[int, int, int] | None:
    """(device, inode, size) of the file at ``path``; ``None`` when there is none."""
    try:
        found = path.stat()
    except FileNotFoundError:
        return None
    return found.st_dev, found.st_ino, found.st_size


def aside_path(path: Path, label: str) -> Path:
    """A free name beside ``path`` for a copy kept aside: ``journal.sqlite3.<label>-<date-time>``."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.name}.{label}-{stamp}")
    number = 1
    while any(Path(f"{candidate}{suffix}").exists() for suffix in ("", *COMPANIONS)):
        number += 1
        candidate = path.with_name(f"{path.name}.{label}-{stamp}-{number}")
    return candidate


def set_aside(path: Path, label: str) -> Path:
    """Move the journal at ``path`` and the files SQLite keeps beside it to a free name; return it.

    The write-ahead log keeps its place beside the copy, so whatever it holds can still be read there.
    """
    target = aside_path(path, label)
    for suffix in ("", *COMPANIONS):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").rename(f"{target}{suffix}")
    return target


def create_journal(path: Path) -> None:
    """Make a new, empty journal at ``path``, complete before it appears there.

    Built under a temporary name (tables, WAL mode, schema version), flushed to disk, then linked
    into place; if another process made one first, that one is kept. A write-ahead log left beside
    ``path`` by a journal that was deleted (its process killed) would be replayed into the new one,
    so it is set aside first. The caller holds the sender lock.
    """
    if any(Path(f"{path}{suffix}").exists() for suffix in COMPANIONS):
        set_aside(path, "orphan")
    building = path.with_name(f".{path.name}.{os.getpid()}.new")
    _remove(building)  # left by a crash while building
    try:
        create_private_file(building)
        conn = sqlite3.connect(building, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.executescript(SCHEMA)
            conn.execute("INSERT INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        finally:
            conn.close()  # the last connection: SQLite checkpoints and removes its write-ahead log
        with building.open("rb+") as handle:
            os.fsync(handle.fileno())
        _link(building, path)
    finally:
        _remove(building)


def _remove(path: Path) -> None:
    for suffix in ("", *COMPANIONS):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _link(source: Path, target: Path) -> None:
    """``target`` becomes ``source`` unless it already exists (then it is left as it is)."""
    try:
        os.link(source, target)
    except FileExistsError:
        return  # another process made the journal first: use theirs
    except OSError:
        # No hard links here (FAT, some network shares): a rename. Only the sender-lock holder makes
        # journals, so nobody can have made one since the check above.
        if not target.exists():
            source.rename(target)
