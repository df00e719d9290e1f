"""The journal: durability settings, crash recovery, resend, the sender lock, delivery polling."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import httpx
import pytest

from liasmart_desktop.core.api.outcome import Outcome, OutcomeKind, Reason
from liasmart_desktop.core.api.payloads import DeliveryReport, DeliveryState
from liasmart_desktop.core.errors import ApiError, JournalError, JournalProblem
from liasmart_desktop.core.sending.delivery import refresh_delivery
from liasmart_desktop.core.sending.engine import EngineConfig, SendEngine
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.lock import LockBusyError, SenderLock
from liasmart_desktop.core.sending.records import CampaignSpec, NewMessage, SetAsideRow, Stop, Transition
from liasmart_desktop.core.sending.session import SendingSession
from liasmart_desktop.core.sending.states import (
    CampaignStatus,
    EventKind,
    MessageState,
    SetAsideStatus,
    StopReason,
)
from tests.core.sending.conftest import MockProvider, make_campaign, make_client


def test_journal_is_wal_full_sync_and_private(journal: Journal) -> None:
    assert journal.pragma("journal_mode") == "wal"
    assert journal.pragma("synchronous") == 2
    if os.name == "posix":
        assert stat.S_IMODE(journal.path.stat().st_mode) == 0o600


def test_campaign_round_trip_and_lookup(journal: Journal) -> None:
    spec = CampaignSpec(
        template="Hi {name}",
        sender_id="LIA",
        sms_type="T",
        callback_url="https://example.com/dlr",
        source_name="list.xlsx",
        source_fingerprint="abc",
        columns=("name", "phone"),
        phone_column="phone",
        sandbox=True,
        base_url="http://127.0.0.1:1/api",
    )
    campaign = journal.create_campaign(
        spec,
        [NewMessage(2, "8613900000001", "Hi 张三", "U", 1, {"name": "张三", "phone": "13900000001"})],
        [SetAsideRow(3, "12", SetAsideStatus.INVALID, "too_short", {"digits": 2}, None, {"name": "x"})],
    )
    assert journal.campaign(campaign.code) == campaign
    assert journal.campaign(str(campaign.id)) == campaign
    assert journal.campaign() == campaign
    assert campaign.columns == ("name", "phone")
    assert campaign.sandbox
    assert campaign.status is CampaignStatus.READY
    (message,) = journal.messages(campaign.id)
    assert message.fields == {"name": "张三", "phone": "13900000001"}
    (aside,) = journal.set_aside_rows(campaign.id)
    assert (aside.row, aside.status, aside.reason_data) == (3, SetAsideStatus.INVALID, {"digits": 2})
    assert journal.set_aside_count(campaign.id) == 1
    assert journal.campaigns() == [campaign]


def test_unknown_campaigns_are_errors(tmp_path: Path) -> None:
    journal = Journal.open(tmp_path / "j.sqlite3")
    with pytest.raises(JournalError) as empty:
        journal.campaign()
    assert empty.value.code is JournalProblem.NO_CAMPAIGNS
    make_campaign(journal, 1)
    with pytest.raises(JournalError) as missing:
        journal.campaign("nope")
    assert missing.value.code is JournalProblem.NO_SUCH_CAMPAIGN
    journal.close()


def test_in_flight_messages_become_unknown_after_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    journal = Journal.open(path)
    campaign = make_campaign(journal, 5)
    claimed = journal.claims(campaign).advance([], 2, 0.0)
    assert [m.uid for m in claimed] == [f"{campaign.code}-2-1", f"{campaign.code}-3-1"]
    journal.close()  # the "crash": nothing recorded for the two claimed messages

    with SendingSession(path) as session:
        assert session.recovered == 2
        counts = session.journal.counts(campaign.id)
        assert counts[MessageState.UNKNOWN] == 2
        assert counts[MessageState.PENDING] == 3
        assert session.journal.newest_unfinished() == session.journal.campaign(campaign.id)
        provider = MockProvider()
        with make_client(provider) as client:
            result = SendEngine(session.journal, client, EngineConfig(rate_per_s=1000.0)).run(
                session.journal.campaign(campaign.id)
            )
        assert result.counts[MessageState.UNKNOWN] == 2
        assert len(provider.requests) == 3  # the two unknown ones were not sent again
        recovered = [e.data for e in session.journal.events(campaign.id) if e.kind is EventKind.RECOVERED]
        assert recovered == [{"count": 2}]
        assert session.journal.newest_unfinished() is None


def test_resend_is_a_new_attempt_with_a_new_uid(journal: Journal) -> None:
    campaign = make_campaign(journal, 2)
    claims = journal.claims(campaign)
    claimed = claims.advance([], 2, 0.0)
    claims.advance(
        [
            Transition(claimed[0].pk, MessageState.UNKNOWN, reason="read_timeout"),
            Transition(
                claimed[1].pk, MessageState.REJECTED, reason="remarks", remarks="Invalid Mobile Number"
            ),
        ],
        0,
        0.0,
    )
    journal.set_status(campaign.id, CampaignStatus.FINISHED)
    with pytest.raises(ValueError, match="resent"):
        journal.resend(campaign.id, MessageState.ACCEPTED)
    assert journal.resend(campaign.id, MessageState.UNKNOWN) == 1
    with pytest.raises(JournalError) as nothing:
        journal.resend(campaign.id, MessageState.UNKNOWN)
    assert nothing.value.code is JournalProblem.NOTHING_TO_RESEND
    assert journal.campaign(campaign.id).status is CampaignStatus.READY
    provider = MockProvider()
    with make_client(provider) as client:
        SendEngine(journal, client, EngineConfig(rate_per_s=1000.0)).run(journal.campaign(campaign.id))
    assert provider.uids() == [f"{campaign.code}-2-2"]
    first = next(m for m in journal.messages(campaign.id) if m.row == 2)
    assert (first.state, first.attempt) == (MessageState.ACCEPTED, 2)
    resends = [e.data for e in journal.events(campaign.id) if e.kind is EventKind.RESEND]
    assert resends == [{"count": 1, "state": "unknown"}]


def test_release_waiting_and_cancel(journal: Journal) -> None:
    campaign = make_campaign(journal, 3)
    claims = journal.claims(campaign)
    claimed = claims.advance([], 2, 0.0)
    claims.advance(
        [Transition(m.pk, MessageState.RETRY_WAIT, retries=1, not_before=9e12) for m in claimed], 0, 0.0
    )
    assert claims.next_retry_time() == 9e12
    assert claims.advance([], 5, 100.0)[0].row == 4  # waiting ones are not due yet
    assert journal.release_waiting(campaign.id) == 2
    assert journal.release_waiting(campaign.id) == 0
    counts = journal.counts(campaign.id)
    assert {
        state
        for state in (MessageState.PENDING, MessageState.IN_FLIGHT, MessageState.RETRY_WAIT)
        if counts[state]
    } == {MessageState.PENDING, MessageState.IN_FLIGHT}
    assert journal.cancel_pending(campaign.id) == 2
    assert journal.counts(campaign.id)[MessageState.CANCELLED] == 2


def test_a_corrupt_journal_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    with pytest.raises(JournalError) as bad:
        Journal.open(path)
    assert bad.value.code is JournalProblem.CORRUPT


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    Journal.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    with pytest.raises(JournalError) as newer:
        Journal.open(path)
    assert newer.value.code is JournalProblem.NEWER_SCHEMA


def test_a_second_sender_is_refused_and_a_killed_ones_lock_is_free(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    with SendingSession(path):
        with pytest.raises(LockBusyError) as busy:
            SendingSession(path).__enter__()
        assert busy.value.holder_pid == os.getpid()
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys, time
                from pathlib import Path
                from liasmart_desktop.core.sending.lock import SenderLock
                SenderLock(Path({str(path)!r})).acquire()
                print("locked", flush=True)
                time.sleep(60)
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "locked"
        with pytest.raises(LockBusyError):
            SenderLock(path).acquire()
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        lock = SenderLock(path)
        lock.acquire()
        assert lock.held
        lock.release()
        assert not lock.held
    finally:
        child.kill()
        child.wait()
        if child.stdout:
            child.stdout.close()


class _StatusClient:
    def __init__(self, answers: dict[str, DeliveryReport | ApiError]) -> None:
        self.answers = answers
        self.asked: list[str] = []

    def get_delivery_status(self, message_id: str) -> DeliveryReport:
        self.asked.append(message_id)
        answer = self.answers[message_id]
        if isinstance(answer, ApiError):
            raise answer
        return answer


def _accepted_campaign(journal: Journal, count: int) -> list[str]:
    claims = journal.claims(make_campaign(journal, count))
    claimed = claims.advance([], count, 0.0)
    claims.advance(
        [
            Transition(m.pk, MessageState.ACCEPTED, reason="ok", message_id=str(1000 + i))
            for i, m in enumerate(claimed)
        ],
        0,
        0.0,
    )
    return [str(1000 + i) for i in range(count)]


def _report(message_id: str, word: str) -> DeliveryReport:
    return DeliveryReport(
        message_id, word, DeliveryState(word.lower()) if word != "Pending" else DeliveryState.PENDING
    )


def test_refresh_records_statuses_and_polls_only_open_ones(journal: Journal) -> None:
    ids = _accepted_campaign(journal, 4)
    campaign = journal.campaign()
    rejected = ApiError(Outcome(OutcomeKind.REJECTED, Reason.REMARKS, 200, remarks="Invalid Message ID"))
    client = _StatusClient(
        {
            ids[0]: _report(ids[0], "Delivered"),
            ids[1]: _report(ids[1], "Failed"),
            ids[2]: _report(ids[2], "Pending"),
            ids[3]: rejected,
        }
    )
    summary = refresh_delivery(journal, campaign, client, rate_per_s=1000.0)
    assert (summary.checked, summary.delivered, summary.failed, summary.pending, summary.errors) == (
        3,
        1,
        1,
        1,
        1,
    )
    by_id = {m.message_id: m for m in journal.messages(campaign.id)}
    assert by_id[ids[0]].dlr_status == "Delivered"
    assert by_id[ids[0]].dlr_checked_at
    assert by_id[ids[3]].dlr_error == "Invalid Message ID"
    client.asked.clear()
    refresh_delivery(journal, campaign, client, rate_per_s=1000.0)
    assert sorted(client.asked) == sorted([ids[2], ids[3]])  # final answers are not asked again


def test_refresh_stops_on_an_account_refusal(journal: Journal) -> None:
    ids = _accepted_campaign(journal, 2)
    refused = ApiError(Outcome(OutcomeKind.REFUSED, Reason.CREDENTIALS, 401))
    client = _StatusClient({ids[0]: refused, ids[1]: _report(ids[1], "Delivered")})
    with pytest.raises(ApiError):
        refresh_delivery(journal, journal.campaign(), client, rate_per_s=1000.0)
    delivered = [m for m in journal.messages(journal.campaign().id) if m.dlr_status == "Delivered"]
    assert len(delivered) == 1  # what was learnt before the refusal is kept


def test_engine_marks_campaign_paused_in_the_journal(journal: Journal) -> None:
    provider = MockProvider(script=lambda _n, _b: httpx.Response(401, json={"status": "F"}))
    campaign = make_campaign(journal, 2)
    with make_client(provider) as client:
        SendEngine(journal, client, EngineConfig(concurrency=1, rate_per_s=1000.0)).run(campaign)
    stored = journal.campaign(campaign.id)
    assert stored.status is CampaignStatus.PAUSED
    assert stored.stop is not None
    assert (stored.stop.reason, stored.stop.cause) == (StopReason.ACCOUNT_REFUSED, Reason.CREDENTIALS)


def test_status_changes_are_the_audit_trail_and_an_account_is_adopted_only_once(journal: Journal) -> None:
    campaign = make_campaign(journal, 1)
    journal.set_status(campaign.id, CampaignStatus.READY)  # not an event: nothing happened yet
    journal.set_status(campaign.id, CampaignStatus.PAUSED, Stop(StopReason.USER_PAUSE))
    assert [(e.kind, dict(e.data)) for e in journal.events(campaign.id)] == [
        (EventKind.CREATED, {}),
        (EventKind.PAUSED, {"reason": "user_pause"}),
    ]
    assert journal.adopt_account(campaign.id, "API1")
    assert not journal.adopt_account(campaign.id, "API2")
    assert journal.campaign(campaign.id).api_id == "API1"
    sandbox = make_campaign(journal, 1, sandbox=True)
    assert not journal.adopt_account(sandbox.id, "API1")  # a sandbox campaign never gets an account
