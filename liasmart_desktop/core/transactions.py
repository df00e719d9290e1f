"""One SQLite change, whole or not at all: ``BEGIN IMMEDIATE … COMMIT``, rolled back on any error.

The journal and the lists file both write this way; each turns SQLite's errors into its own
(``to_error``), so callers see one kind of error per file.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator


@contextlib.contextmanager
def immediate(
    conn: sqlite3.Connection, to_error: Callable[[sqlite3.Error], Exception]
) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE … COMMIT`` (on disk when it returns); any error rolls the change back, and an
    SQLite error is raised as ``to_error(error)``."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise to_error(exc) from exc
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise to_error(exc) from exc
        raise
