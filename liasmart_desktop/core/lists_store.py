"""The office's lists file: SQLite (WAL, ``synchronous=FULL``) holding the do-not-message numbers and the
saved templates, in the data folder beside the journal.

It is a file of its own so the lists outlive a journal that is moved aside, and so the command line
and the app can change them at the same time without losing either's change (each change is one
transaction). Its schema has a version; a newer one is refused rather than misread.
"""

from __future__ import annotations

import contextlib
import enum
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from liasmart_desktop.core.errors import LiaSmartError
from liasmart_desktop.core.paths import create_private_file, ensure_private_dir
from liasmart_desktop.core.transactions import immediate

LISTS_SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 10_000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS optout (
    phone TEXT PRIMARY KEY,
    reason TEXT NOT NULL DEFAULT '',
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS templates (
    name TEXT PRIMARY KEY COLLATE NOCASE,
    text TEXT NOT NULL,
    sender_id TEXT NOT NULL DEFAULT '',
    sms_type TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT ''
);
"""


class ListsProblem(enum.Enum):
    """Why the lists file cannot be used; the error names the file and a technical detail for logs."""

    UNUSABLE = "unusable"  # cannot be created, opened or written (permissions, disk full, a folder)
    DAMAGED = "damaged"  # not a database, or it fails its integrity check
    NEWER_SCHEMA = "newer_schema"  # written by a newer version of the app


class ListsError(LiaSmartError):
    """The lists file cannot be read or written; nothing was changed."""

    def __init__(self, code: ListsProblem, path: Path, detail: str = "") -> None:
        super().__init__(f"{code.value}: {path} {detail}".strip())
        self.code = code
        self.path = path
        self.detail = detail


def _prepare(conn: sqlite3.Connection, path: Path) -> None:
    try:
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise ListsError(ListsProblem.DAMAGED, path, "quick_check failed")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        conn.executescript(_SCHEMA)
        row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    except sqlite3.DatabaseError as exc:
        raise ListsError(ListsProblem.DAMAGED, path, str(exc)) from exc
    if row is None:
        with write(conn, path):
            conn.execute(
                "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)",
                (str(LISTS_SCHEMA_VERSION),),
            )
    elif int(row[0]) > LISTS_SCHEMA_VERSION:
        raise ListsError(ListsProblem.NEWER_SCHEMA, path, f"schema {row[0]}")


@contextlib.contextmanager
def open_lists(path: Path) -> Iterator[sqlite3.Connection]:
    """The lists file, checked and brought to the current schema; a missing one is created private, with
    its data folder (only to change it: what only reads asks first whether there is one)."""
    try:
        if not path.exists():
            ensure_private_dir(path.parent)
            create_private_file(path)
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except (OSError, sqlite3.Error) as exc:
        raise ListsError(ListsProblem.UNUSABLE, path, str(exc)) from exc
    conn.row_factory = sqlite3.Row
    try:
        _prepare(conn, path)
        yield conn
    finally:
        conn.close()


def write(conn: sqlite3.Connection, path: Path) -> contextlib.AbstractContextManager[sqlite3.Connection]:
    """One change: ``BEGIN IMMEDIATE … COMMIT`` (on disk when it returns), rolled back on any error."""
    return immediate(conn, lambda exc: ListsError(ListsProblem.UNUSABLE, path, str(exc)))
