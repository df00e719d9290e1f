"""A journal written by version 1 opens in place: its campaigns adopt an account, its texts become data."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from liasmart_desktop.core.api.outcome import Reason
from liasmart_desktop.core.errors import JournalError, JournalProblem
from liasmart_desktop.core.sending import journal as journal_module
from liasmart_desktop.core.sending import migrations
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.migrations import migrate
from liasmart_desktop.core.sending.records import Stop
from liasmart_desktop.core.sending.schema import SCHEMA_VERSION
from liasmart_desktop.core.sending.states import CampaignStatus, EventKind, StopReason

# The schema version 1 wrote (liasmart_desktop/core/sending/schema.py as it was released).
V1_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE campaigns (
    id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    finished_at TEXT, template TEXT NOT NULL, sender_id TEXT NOT NULL, sms_type TEXT NOT NULL,
    encoding_policy TEXT NOT NULL, callback_url TEXT NOT NULL DEFAULT '',
    source_name TEXT NOT NULL DEFAULT '', source_fingerprint TEXT NOT NULL DEFAULT '',
    columns TEXT NOT NULL DEFAULT '[]', phone_column TEXT NOT NULL DEFAULT '',
    sandbox INTEGER NOT NULL DEFAULT 0, base_url TEXT NOT NULL DEFAULT '', status TEXT NOT NULL,
    stop_reason TEXT NOT NULL DEFAULT '', stop_detail TEXT NOT NULL DEFAULT ''
);
CREATE TABLE messages (
    id INTEGER PRIMARY KEY, campaign_id INTEGER NOT NULL REFERENCES campaigns(id), row INTEGER NOT NULL,
    phone TEXT NOT NULL, fields TEXT NOT NULL DEFAULT '{}', text TEXT NOT NULL, encoding TEXT NOT NULL,
    segments INTEGER NOT NULL, state TEXT NOT NULL, attempt INTEGER NOT NULL DEFAULT 1, uid TEXT,
    retries INTEGER NOT NULL DEFAULT 0, not_before REAL, message_id TEXT, remarks TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '', http_status INTEGER, created_at TEXT NOT NULL, sent_at TEXT,
    finished_at TEXT, dlr_status TEXT NOT NULL DEFAULT '', dlr_state TEXT NOT NULL DEFAULT '',
    dlr_error TEXT NOT NULL DEFAULT '', dlr_checked_at TEXT
);
CREATE INDEX messages_by_state ON messages(campaign_id, state, id);
CREATE TABLE set_aside (
    id INTEGER PRIMARY KEY, campaign_id INTEGER NOT NULL REFERENCES campaigns(id), row INTEGER NOT NULL,
    original TEXT NOT NULL, status TEXT NOT NULL, reason TEXT NOT NULL,
    reason_data TEXT NOT NULL DEFAULT '{}', first_row INTEGER, fields TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY, campaign_id INTEGER, at TEXT NOT NULL, kind TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
INSERT INTO meta VALUES ('schema_version', '1');
"""
T = "2026-11-01T10:00:00.000Z"


def write_v1(path: Path) -> None:
    conn = sqlite3.connect(path)
    # Version 1 kept its journal in WAL mode too. (Four openers switching a file in the rollback mode to
    # WAL at once can meet "database is locked": SQLite does not wait for that switch.)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.executescript(V1_SCHEMA)
    conn.executemany(
        "INSERT INTO campaigns(code, created_at, updated_at, template, sender_id, sms_type, encoding_policy, "
        "source_name, sandbox, status, stop_reason, stop_detail) VALUES (?, ?, ?, 'Hi', 'LIA', 'P', 'auto', "
        "?, ?, ?, ?, ?)",
        [
            (
                "aaaaaa",
                T,
                T,
                "list.xlsx",
                0,
                "paused",
                "account_refused",
                "ip_not_allowed: IP not Whitelisted",
            ),
            ("bbbbbb", T, T, "", 1, "paused", "user_pause", ""),
            ("cccccc", T, T, "x.csv", 0, "paused", "too_many_unknown", "odd: not a reason code"),
        ],
    )
    conn.executemany(
        "INSERT INTO events(campaign_id, at, kind, detail) VALUES (1, ?, ?, ?)",
        [
            (T, "created", ""),
            (T, "sending", ""),
            (T, "recovered", "2 in-flight message(s) marked unknown"),
            (T, "resend", "1 unknown message(s) queued again"),
            (T, "cancel", "3 message(s) cancelled"),
            (T, "paused", "account_refused ip_not_allowed: IP not Whitelisted"),
        ],
    )
    conn.executemany(
        "INSERT INTO set_aside(campaign_id, row, original, status, reason, reason_data) "
        "VALUES (1, ?, 'x', ?, ?, ?)",
        [
            (3, "missing_value", "empty_field", '{"fields": "name, city"}'),
            (4, "blocked_text", "bidi_control", '{"problems": "bidi_control, control_character"}'),
            (5, "invalid", "too_short", '{"digits": 2}'),
        ],
    )
    conn.commit()
    conn.close()


def test_a_version_1_journal_is_brought_up_to_date_in_place(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    write_v1(path)
    with Journal.open(path) as journal:
        assert journal.pragma("user_version") == 0
        first, second, third = sorted(journal.campaigns(), key=lambda c: c.id)
        assert (first.api_id, first.name, first.pacing, first.created_by) == ("", "list.xlsx", None, "")
        assert first.stop == Stop(StopReason.ACCOUNT_REFUSED, Reason.IP_NOT_ALLOWED, "IP not Whitelisted")
        assert (second.sandbox, second.name, second.stop) == (True, "", Stop(StopReason.USER_PAUSE))
        assert third.stop == Stop(StopReason.TOO_MANY_UNKNOWN, None, "odd: not a reason code")
        assert first.status is CampaignStatus.PAUSED
        assert [dict(s.reason_data) for s in journal.set_aside_rows(first.id)] == [
            {"fields": ["name", "city"]},
            {"problems": ["bidi_control", "control_character"]},
            {"digits": 2},
        ]
        events = [(e.kind, dict(e.data)) for e in journal.events(first.id)]
        assert events == [
            (EventKind.CREATED, {}),
            (EventKind.SENDING, {}),
            (EventKind.RECOVERED, {"count": 2}),
            (EventKind.RESEND, {"count": 1, "state": "unknown"}),
            (EventKind.CANCEL, {"count": 3}),
            (EventKind.PAUSED, {"reason": "account_refused"}),
        ]
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT value FROM meta").fetchone()[0] == str(SCHEMA_VERSION)
    with Journal.open(path) as again:  # a second open finds nothing to do
        assert len(again.campaigns()) == 3


def test_two_openers_migrate_once(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    write_v1(path)
    errors: list[BaseException] = []

    def open_and_close() -> None:
        try:
            Journal.open(path).close()
        except BaseException as exc:  # noqa: BLE001 - reported to the test
            errors.append(exc)

    threads = [threading.Thread(target=open_and_close) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with Journal.open(path) as journal:
        assert [e.kind for e in journal.events(1)].count(EventKind.CREATED) == 1
        assert len(journal.campaigns()) == 3


def write_v2(path: Path) -> None:
    """A journal as version 2 left it: version 1's tables brought up by the version 2 step."""
    write_v1(path)
    conn = sqlite3.connect(path)
    migrate(conn, 1, 2)
    conn.execute("UPDATE meta SET value='2' WHERE key='schema_version'")
    conn.execute("UPDATE campaigns SET api_id='API1', created_by='ann' WHERE code='aaaaaa'")
    conn.commit()
    conn.close()


def test_a_version_2_journal_gains_the_office_rules_columns_and_keeps_its_campaigns(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    write_v2(path)
    with sqlite3.connect(path) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(campaigns)")}
    assert not columns & {"template_name", "quiet_hours", "scheduled_at"}
    with Journal.open(path) as journal:
        first = journal.campaign("aaaaaa")
        assert (first.api_id, first.created_by, first.status) == ("API1", "ann", CampaignStatus.PAUSED)
        # Nothing from before is scheduled, held by quiet hours or tied to a saved template.
        assert (first.template_name, first.quiet_hours, first.scheduled_at) == ("", "", None)
        assert journal.scheduled() == []
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT value FROM meta").fetchone()[0] == "3"


def test_a_second_opener_finds_the_work_done_inside_its_write_transaction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The version is read again under the write lock: an opener that lost the race migrates nothing."""
    path = tmp_path / "journal.sqlite3"
    write_v1(path)
    Journal.open(path).close()  # the first opener
    steps: list[tuple[int, int]] = []
    monkeypatch.setattr(journal_module, "migrate", lambda _conn, low, high: steps.append((low, high)))
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        Journal._bring_up_to_date(conn)
        conn.execute("COMMIT")
    finally:
        conn.close()
    assert steps == []


@pytest.mark.parametrize("failure", [sqlite3.OperationalError("disk I/O error"), ValueError("odd data")])
def test_a_migration_that_fails_leaves_the_journal_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: Exception
) -> None:
    path = tmp_path / "journal.sqlite3"
    write_v1(path)

    def half_done(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE campaigns ADD COLUMN api_id TEXT NOT NULL DEFAULT ''")
        raise failure

    monkeypatch.setitem(migrations.MIGRATIONS, 1, half_done)
    with pytest.raises((JournalError, ValueError)) as failed:
        Journal.open(path)
    if isinstance(failure, sqlite3.Error):
        assert isinstance(failed.value, JournalError)
        assert failed.value.code is JournalProblem.WRITE_FAILED
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT value FROM meta").fetchone()[0] == "1"
        columns = {row[1] for row in conn.execute("PRAGMA table_info(campaigns)")}
    assert "api_id" not in columns


def test_a_journal_that_cannot_be_migrated_now_is_a_write_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process holds the write lock for longer than we wait: nothing changes, one sentence."""
    path = tmp_path / "journal.sqlite3"
    write_v1(path)
    monkeypatch.setattr(journal_module, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        with pytest.raises(JournalError) as busy:
            Journal.open(path)
        assert busy.value.code is JournalProblem.WRITE_FAILED
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_journal_left_half_made_is_completed_or_refused_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An older version made the file before its tables; a crash between left only part of them."""
    path = tmp_path / "journal.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    monkeypatch.setattr(journal_module, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another process writing: the tables cannot be made now
        with pytest.raises(JournalError) as busy:
            Journal.open(path)
        assert busy.value.code is JournalProblem.WRITE_FAILED
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Journal.open(path) as journal:  # once it can, the journal is completed
        assert journal.campaigns() == []
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT value FROM meta").fetchone()[0] == str(SCHEMA_VERSION)
