"""The journal when things go wrong: unusable files, locked or damaged databases, another writer
changing messages under the sender, replies the database cannot store; and the sender lock's edges."""

from __future__ import annotations

import os
import secrets
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from liasmart_desktop.core.errors import JournalError, JournalProblem
from liasmart_desktop.core.sending.claims import READ_AHEAD
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.lock import LockBusyError, SenderLock
from liasmart_desktop.core.sending.records import CampaignSpec, NewMessage, Transition
from liasmart_desktop.core.sending.session import SendingSession
from liasmart_desktop.core.sending.states import MessageState
from tests.core.sending.conftest import make_campaign

SPEC = CampaignSpec(template="Hi", sender_id="LIASMART", sms_type="P")


@pytest.fixture
def other(journal: Journal) -> Iterator[sqlite3.Connection]:
    """A second connection to the same file, as another process would have."""
    conn = sqlite3.connect(journal.path, isolation_level=None)
    yield conn
    conn.close()


def test_a_journal_in_a_missing_folder_cannot_be_written(tmp_path: Path) -> None:
    with pytest.raises(JournalError) as missing:
        Journal.open(tmp_path / "no-such-folder" / "journal.sqlite3")
    assert missing.value.code is JournalProblem.WRITE_FAILED


def test_quick_check_failure_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    journal = Journal.open(path)
    make_campaign(journal, 1)
    journal.close()
    # Smuggle a NULL into a NOT NULL column behind SQLite's back, as a damaged file might hold.
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA writable_schema=ON")
    conn.execute(
        "UPDATE sqlite_master SET sql=replace(sql, 'phone TEXT NOT NULL', 'phone TEXT') WHERE name='messages'"
    )
    conn.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("UPDATE messages SET phone=NULL")
    conn.execute("PRAGMA writable_schema=ON")
    conn.execute(
        "UPDATE sqlite_master SET sql=replace(sql, 'phone TEXT,', 'phone TEXT NOT NULL,') "
        "WHERE name='messages'"
    )
    conn.close()
    with pytest.raises(JournalError) as damaged:
        Journal.open(path)
    assert damaged.value.code is JournalProblem.CORRUPT
    assert "NULL value in messages.phone" in damaged.value.detail


@pytest.mark.skipif(os.name == "nt", reason="':memory:' is not a file name there")
def test_a_journal_that_cannot_use_wal_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # ":memory:" is a database SQLite cannot put in WAL mode, as a network folder may be.
    monkeypatch.chdir(tmp_path)
    with pytest.raises(JournalError) as volatile:
        Journal.open(Path(":memory:"))
    assert volatile.value.code is JournalProblem.NOT_DURABLE
    assert "journal_mode=memory" in volatile.value.detail


def test_a_journal_locked_by_another_writer_is_a_write_failure(
    journal: Journal, other: sqlite3.Connection
) -> None:
    campaign = make_campaign(journal, 3)
    journal._conn.execute("PRAGMA busy_timeout=50")
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(JournalError) as begin:
            journal.create_campaign(SPEC, [])
        assert begin.value.code is JournalProblem.WRITE_FAILED
        # The send engine's one-statement turn fails the same way and claims nothing.
        claims = journal.claims(campaign)
        with pytest.raises(JournalError) as turn:
            claims.advance([], 2, time.time())
        assert turn.value.code is JournalProblem.WRITE_FAILED
    finally:
        other.execute("ROLLBACK")
    assert [m.row for m in claims.advance([], 2, time.time())] == [2, 3]  # read afresh, nothing lost


def test_a_statement_that_fails_inside_a_transaction_rolls_back(journal: Journal) -> None:
    bad = NewMessage(row=2, phone=None, text="Hi", encoding="T", segments=1)  # type: ignore[arg-type]
    with pytest.raises(JournalError) as failed:
        journal.create_campaign(SPEC, [bad])
    assert failed.value.code is JournalProblem.WRITE_FAILED
    assert journal.campaigns() == []  # the campaign row went with the failed message row


def test_a_query_on_a_damaged_schema_is_corrupt(journal: Journal, other: sqlite3.Connection) -> None:
    campaign = make_campaign(journal, 2)
    other.execute("DROP TABLE events")
    with pytest.raises(JournalError) as broken:
        journal.events(campaign.id)
    assert broken.value.code is JournalProblem.CORRUPT
    # A turn that cannot read what to claim fails cleanly too.
    other.execute("ALTER TABLE messages RENAME TO gone")
    with pytest.raises(JournalError) as unreadable:
        journal.claims(campaign).advance([], 1, time.time())
    assert unreadable.value.code is JournalProblem.CORRUPT


def test_campaign_codes_are_unique_even_when_the_random_draw_repeats(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    draws = iter("aaaaaaaaaaaabbbbbb")
    monkeypatch.setattr(secrets, "choice", lambda _alphabet: next(draws))
    first = journal.create_campaign(SPEC, [])
    second = journal.create_campaign(SPEC, [])
    assert (first.code, second.code) == ("aaaaaa", "bbbbbb")


def test_claims_follow_row_order_across_read_ahead_batches(journal: Journal) -> None:
    count = READ_AHEAD + 10
    claims = journal.claims(make_campaign(journal, count))
    rows: list[int] = []
    while claimed := claims.advance([], 7, time.time()):
        rows += [m.row for m in claimed]
    assert rows == list(range(2, count + 2))
    assert claims.advance([], 7, time.time()) == []
    assert claims.advance([], 0, time.time()) == []


def test_a_message_changed_by_another_writer_is_not_handed_out(
    journal: Journal, other: sqlite3.Connection
) -> None:
    campaign = make_campaign(journal, 6)
    claims = journal.claims(campaign)
    assert [m.row for m in claims.advance([], 1, time.time())] == [2]  # rows 3… are read ahead
    other.execute("UPDATE messages SET state='cancelled' WHERE row=3")
    claimed = claims.advance([], 2, time.time())
    assert [m.row for m in claimed] == [4]  # row 3 is not claimed, row 4 is, and only it is sent
    states = {m.row: m.state for m in journal.messages(campaign.id)}
    assert (states[3], states[4]) == (MessageState.CANCELLED, MessageState.IN_FLIGHT)
    assert [m.row for m in claims.advance([], 5, time.time())] == [5, 6, 7]  # read afresh


def test_a_message_made_pending_again_is_claimed_again_in_row_order(journal: Journal) -> None:
    claims = journal.claims(make_campaign(journal, 4))
    first, second = claims.advance([], 2, time.time())
    # An account refusal puts the message back: it goes before the later rows.
    claims.advance([Transition(first.pk, MessageState.PENDING, "ip_not_allowed")], 0, time.time())
    assert [m.row for m in claims.advance([], 2, time.time())] == [2, 4]
    assert second.row == 3


def test_waiting_messages_are_claimed_when_due_earliest_first(journal: Journal) -> None:
    claims = journal.claims(make_campaign(journal, 5))
    now = time.time()
    a, b, c = claims.advance([], 3, now)
    waits = [
        Transition(a.pk, MessageState.RETRY_WAIT, "connect_failed", retries=1, not_before=now + 0.2),
        Transition(b.pk, MessageState.RETRY_WAIT, "connect_failed", retries=1, not_before=now + 0.1),
    ]
    assert [m.row for m in claims.advance(waits, 1, now)] == [5]  # not due yet: pending first
    claims.advance([Transition(c.pk, MessageState.RETRY_WAIT, "rate_limited", not_before=now + 5)], 0, now)
    due = claims.advance([], 5, now + 0.3)
    assert [(m.row, m.from_state, m.retries) for m in due] == [
        (3, MessageState.RETRY_WAIT, 1),
        (2, MessageState.RETRY_WAIT, 1),
        (6, MessageState.PENDING, 0),
    ]
    assert claims.next_retry_time() == pytest.approx(now + 5)
    assert claims.advance([], 5, now + 6)[0].row == 4


def test_text_a_database_cannot_store_is_kept_readable(journal: Journal) -> None:
    campaign = make_campaign(journal, 2)
    claims = journal.claims(campaign)
    one, two = claims.advance([], 2, time.time())
    lone = "Invalid \ud800 number"  # a JSON reply may carry a lone surrogate ("\\ud800")
    claims.advance(
        [
            Transition(one.pk, MessageState.REJECTED, "remarks", remarks=lone),
            Transition(two.pk, MessageState.ACCEPTED, "ok", remarks=lone, message_id="7\udfff"),
        ],
        0,
        0.0,
    )
    stored = {m.row: m for m in journal.messages(campaign.id)}
    assert stored[2].remarks == stored[3].remarks == "Invalid \ufffd number"
    assert stored[3].message_id == "7\ufffd"
    journal.record_delivery([])
    assert journal.is_finished(campaign.id)


def test_opening_a_damaged_journal_for_sending_releases_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    with pytest.raises(JournalError):
        SendingSession(path).__enter__()
    lock = SenderLock(path)
    lock.acquire()  # free again
    lock.release()
    lock.release()  # releasing twice is harmless
    assert not lock.held


def test_a_busy_lock_whose_holder_cannot_be_read(tmp_path: Path) -> None:
    fcntl = pytest.importorskip("fcntl")  # POSIX; Windows cannot even read a locked region
    path = tmp_path / "j.sqlite3"
    lock_path = tmp_path / "j.sqlite3.lock"
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.write(fd, b"not a pid")
        with pytest.raises(LockBusyError) as busy:
            SenderLock(path).acquire()
        assert busy.value.holder_pid is None
    finally:
        os.close(fd)


def test_claims_on_a_campaign_with_nothing_pending(journal: Journal) -> None:
    assert journal.claims(make_campaign(journal, 0)).advance([], 3, time.time()) == []
