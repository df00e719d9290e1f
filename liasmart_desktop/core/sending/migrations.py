"""Bringing a journal written by an older version up to the newest schema, in place and in one transaction.

A campaign from version 1 has no recorded account: its ``api_id`` stays "" and it adopts the first
account that resumes it (``campaigns.py``). Its stop reason's detail was packed as ``"code: detail"``;
the code moves to ``stop_cause``. Its events' free-text details become data.

Version 3 adds what the office rules record: the saved template a campaign came from, its quiet
hours for promotional messages, and the time a scheduled campaign is to be sent. Campaigns from
before keep "" and ``NULL``: no template name, no quiet hours, not scheduled.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable

from liasmart_desktop.core.api.outcome import Reason
from liasmart_desktop.core.sending.states import StopReason

_REASONS = frozenset(reason.value for reason in Reason)
_STOP_REASONS = frozenset(reason.value for reason in StopReason)
_LEADING_COUNT = re.compile(r"^(\d+)\s*(\w+)?")


def _add_columns(conn: sqlite3.Connection, table: str, columns: dict[str, str]) -> None:
    # A step runs inside the caller's transaction: it is never half done, so no column exists yet.
    for name, definition in columns.items():
        conn.execute(f"ALTER TABLE {table} ADD COLUMN {name} {definition}")


def _event_data(kind: str, detail: str) -> dict[str, object]:
    """Version 1 wrote "3 in-flight message(s) marked unknown", "2 unknown message(s) queued again",
    "account_refused ip_not_allowed: …" …"""
    match = _LEADING_COUNT.match(detail)
    if kind in {"cancel", "recovered", "resend"} and match:
        data: dict[str, object] = {"count": int(match.group(1))}
        if kind == "resend" and match.group(2):
            data["state"] = match.group(2)
        return data
    first = detail.split(" ", 1)[0]
    return {"reason": first} if first in _STOP_REASONS else {}


def _split(value: object) -> object:
    return [part.strip() for part in value.split(",") if part.strip()] if isinstance(value, str) else value


def _to_version_2(conn: sqlite3.Connection) -> None:
    _add_columns(
        conn,
        "campaigns",
        {
            "api_id": "TEXT NOT NULL DEFAULT ''",
            "name": "TEXT NOT NULL DEFAULT ''",
            "concurrency": "INTEGER",
            "rate_per_s": "REAL",
            "created_by": "TEXT NOT NULL DEFAULT ''",
            "stop_cause": "TEXT NOT NULL DEFAULT ''",
            "stop_wait_s": "REAL",
        },
    )
    _add_columns(conn, "events", {"data": "TEXT NOT NULL DEFAULT '{}'"})
    for pk, detail in conn.execute(
        "SELECT id, stop_detail FROM campaigns WHERE stop_reason != '' AND stop_detail LIKE '%:%'"
    ).fetchall():
        code, _, rest = str(detail).partition(":")
        if code.strip() in _REASONS:
            conn.execute(
                "UPDATE campaigns SET stop_cause=?, stop_detail=? WHERE id=?",
                (code.strip(), rest.strip(), pk),
            )
    conn.execute("UPDATE campaigns SET name=source_name WHERE name=''")
    # Version 1 joined the empty fields and the blocking text problems into one text; now they are lists.
    for pk, data in conn.execute(
        "SELECT id, reason_data FROM set_aside WHERE status IN ('missing_value', 'blocked_text')"
    ).fetchall():
        values = {key: _split(value) for key, value in json.loads(data).items()}
        conn.execute("UPDATE set_aside SET reason_data=? WHERE id=?", (json.dumps(values), pk))
    for pk, kind, detail in conn.execute("SELECT id, kind, detail FROM events").fetchall():
        conn.execute("UPDATE events SET data=? WHERE id=?", (json.dumps(_event_data(kind, detail)), pk))


def _to_version_3(conn: sqlite3.Connection) -> None:
    _add_columns(
        conn,
        "campaigns",
        {
            "template_name": "TEXT NOT NULL DEFAULT ''",
            "quiet_hours": "TEXT NOT NULL DEFAULT ''",
            "scheduled_at": "TEXT",
        },
    )


#: The step that brings a journal of version N to version N + 1.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _to_version_2, 2: _to_version_3}


def migrate(conn: sqlite3.Connection, version: int, target: int) -> None:
    """Run every step from ``version`` to ``target`` (the caller holds a write transaction)."""
    for step in range(version, target):
        MIGRATIONS[step](conn)
