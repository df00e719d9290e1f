"""A test message goes through the real engine and journal, is journaled first, and is never left open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx
import pytest

from liasmart_desktop.core.api.outcome import OutcomeKind, Reason
from liasmart_desktop.core.errors import ApiError, JournalError, JournalProblem
from liasmart_desktop.core.sending import trial_message
from liasmart_desktop.core.sending.engine import EngineConfig, SendControl
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.lock import LockBusyError
from liasmart_desktop.core.sending.records import TEST_SOURCE_NAME, Campaign, CampaignSpec, NewMessage, Stop
from liasmart_desktop.core.sending.session import SendingSession
from liasmart_desktop.core.sending.states import CampaignStatus, MessageState, StopReason
from liasmart_desktop.core.sending.summaries import RunResult
from liasmart_desktop.core.sending.trial_message import send_test_message
from tests.core.sending.conftest import FIRST_MESSAGE_ID, MockProvider, make_client

SPEC = CampaignSpec(
    template="Hello {name}",
    sender_id="LIASMART",
    sms_type="T",
    source_name="list.xlsx",
    source_fingerprint="abc123",
    columns=("phone", "name"),
    phone_column="phone",
)
MESSAGE = NewMessage(
    row=2, phone="8613900000001", text="Hello Ann", encoding="T", segments=1, fields={"name": "Ann"}
)


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "journal.sqlite3"


def send(journal_path: Path, provider: MockProvider):
    return send_test_message(journal_path, SPEC, MESSAGE, lambda _route: make_client(provider))


def stored(journal_path: Path) -> tuple[Campaign, Journal]:
    journal = Journal.open(journal_path)
    [campaign] = journal.campaigns()
    return campaign, journal


def test_accepted_test_is_a_finished_one_message_campaign(journal_path: Path) -> None:
    seen: list[str] = []

    def script(_n: int, body: dict[str, str]) -> None:
        # Another connection sees only committed data: the claim is durable before the request leaves.
        with sqlite3.connect(journal_path) as other:
            row = other.execute("SELECT state FROM messages WHERE uid=?", (body["uid"],)).fetchone()
        seen.append(row[0] if row else "missing")

    provider = MockProvider(script=script)
    record = send(journal_path, provider)

    assert seen == ["in_flight"]
    assert record.state is MessageState.ACCEPTED
    assert record.message_id == str(FIRST_MESSAGE_ID)
    assert (record.phone, record.text, record.row) == (MESSAGE.phone, MESSAGE.text, MESSAGE.row)
    [request] = provider.requests
    assert request["phonenumber"] == MESSAGE.phone
    assert request["sender_id"] == "LIASMART"
    assert request["sms_type"] == "T"
    campaign, journal = stored(journal_path)
    try:
        assert campaign.source_name == TEST_SOURCE_NAME
        assert campaign.source_fingerprint == ""  # never taken for "this list was sent before"
        assert campaign.template == SPEC.template
        assert campaign.status is CampaignStatus.FINISHED
        assert request["uid"] == f"{campaign.code}-2-1"
        assert journal.newest_unfinished() is None
    finally:
        journal.close()


def test_rejected_test_is_returned_with_the_remarks(journal_path: Path) -> None:
    provider = MockProvider(
        script=lambda _n, _b: httpx.Response(200, json={"status": "F", "remarks": "Sender ID not approved"})
    )
    record = send(journal_path, provider)
    assert record.state is MessageState.REJECTED
    assert record.remarks == "Sender ID not approved"


def test_unknown_test_is_returned_and_never_sent_again(journal_path: Path) -> None:
    provider = MockProvider(script=lambda _n, _b: httpx.ReadTimeout("slow"))
    record = send(journal_path, provider)
    assert record.state is MessageState.UNKNOWN
    assert len(provider.requests) == 1
    campaign, journal = stored(journal_path)
    journal.close()
    assert campaign.status is CampaignStatus.FINISHED


@pytest.mark.parametrize(
    ("answer", "kind", "reason"),
    [
        (httpx.ConnectError("refused"), OutcomeKind.NOT_SENT, Reason.CONNECT_FAILED),
        (httpx.Response(429, headers={"Retry-After": "1"}), OutcomeKind.RETRY_LATER, Reason.RATE_LIMITED),
        (
            httpx.Response(200, json={"status": "F", "remarks": "Invalid API credentials"}),
            OutcomeKind.REFUSED,
            Reason.CREDENTIALS,
        ),
    ],
)
def test_a_test_that_was_not_sent_raises_and_is_cancelled(
    journal_path: Path, answer: object, kind: OutcomeKind, reason: Reason
) -> None:
    provider = MockProvider(script=lambda _n, _b: answer)  # type: ignore[arg-type,return-value]
    with pytest.raises(ApiError) as caught:
        send(journal_path, provider)
    assert (caught.value.outcome.kind, caught.value.outcome.reason) == (kind, reason)
    assert len(provider.requests) == 1  # no retry in the background
    campaign, journal = stored(journal_path)
    try:
        assert campaign.status is CampaignStatus.CANCELLED
        assert [m.state for m in journal.messages(campaign.id)] == [MessageState.CANCELLED]
        assert journal.newest_unfinished() is None  # never offered for "resume"
    finally:
        journal.close()


class _EngineThatStops:
    """Stands in for SendEngine: the journal "failed" before anything was sent."""

    claim = False

    def __init__(self, journal: Journal, _sender: object, _config: EngineConfig) -> None:
        self._journal = journal

    def run(self, campaign: Campaign, _control: SendControl) -> RunResult:
        if self.claim:
            self._journal.claims(campaign).advance([], 1, 0.0)
        stop = Stop(StopReason.JOURNAL_FAILED, None, "disk full")
        self._journal.set_status(campaign.id, CampaignStatus.PAUSED, stop)
        return RunResult(CampaignStatus.PAUSED, self._journal.counts(campaign.id), stop)


class _EngineThatLeavesInFlight(_EngineThatStops):
    claim = True


@pytest.mark.parametrize(
    ("engine", "state"),
    [(_EngineThatStops, MessageState.CANCELLED), (_EngineThatLeavesInFlight, MessageState.IN_FLIGHT)],
)
def test_a_journal_failure_is_raised(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch, engine: type, state: MessageState
) -> None:
    monkeypatch.setattr(trial_message, "SendEngine", engine)
    provider = MockProvider()
    with pytest.raises(JournalError) as caught:
        send(journal_path, provider)
    assert caught.value.code is JournalProblem.WRITE_FAILED
    assert caught.value.detail == "disk full"
    assert provider.requests == []
    campaign, journal = stored(journal_path)
    try:
        assert [m.state for m in journal.messages(campaign.id)] == [state]
    finally:
        journal.close()


def test_another_sender_holding_the_journal_stops_the_test(journal_path: Path) -> None:
    provider = MockProvider()
    with SendingSession(journal_path), pytest.raises(LockBusyError):
        send(journal_path, provider)
    assert provider.requests == []
    journal = Journal.open(journal_path)
    try:
        assert journal.campaigns() == []
    finally:
        journal.close()
