"""The send engine against the real sandbox server, one fault kind at a time and all of them mixed.

Every test checks the final state of every message against the sandbox's ledger (what the server
received and processed): nothing ambiguous is sent again, "come back later" and "not sent" are
retried with the same uid, ``F`` is rejected, account refusals pause with the rest pending.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from liasmart_desktop.core.api.client import LiaSmartClient, Timeouts
from liasmart_desktop.core.api.outcome import Outcome
from liasmart_desktop.core.api.payloads import SmsMessage
from liasmart_desktop.core.credentials import Credentials
from liasmart_desktop.core.sending.claims import Claims
from liasmart_desktop.core.sending.engine import EngineConfig, SendEngine
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.records import Campaign, Transition
from liasmart_desktop.core.sending.states import CampaignStatus, MessageState, StopReason
from liasmart_desktop.core.sending.summaries import RunResult
from liasmart_desktop.sandbox import FaultKind, SandboxConfig, SandboxServer
from tests.core.sending.conftest import make_campaign, phone
from tests.helpers.ledger_checks import check_against_ledger, send_requests

#: Short enough that the "slow" and "drip" faults end within a second, long enough for a loaded CI box.
TIMEOUTS = Timeouts(connect_s=2.0, read_s=0.4, write_s=2.0, pool_s=2.0, deadline_s=0.4)
QUICK = EngineConfig(concurrency=1, rate_per_s=1000.0, backoff_base_s=0.02, backoff_cap_s=0.2)
COUNT = 6
FAULTED_ROW_INDEX = 2  # the third message gets the fault


@pytest.fixture
def start_sandbox() -> Iterator[Callable[..., SandboxServer]]:
    servers: list[SandboxServer] = []

    def start(**fields: Any) -> SandboxServer:
        fields.setdefault("slow_ms", 3000.0)
        fields.setdefault("drip_interval_ms", 2.0)
        fields.setdefault("huge_bytes", 200_000)
        server = SandboxServer(SandboxConfig(**fields)).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


def client_for(server: SandboxServer, concurrency: int = 1) -> LiaSmartClient:
    return LiaSmartClient(
        Credentials("API43404236", "sandbox-engine-pw"),
        base_url=server.base_url,
        max_connections=concurrency,
        timeouts=TIMEOUTS,
    )


def send(
    journal: Journal, server: SandboxServer, campaign: Campaign, config: EngineConfig = QUICK
) -> RunResult:
    with client_for(server, config.concurrency) as client:
        return SendEngine(journal, client, config).run(journal.campaign(campaign.id))


def by_row(journal: Journal, campaign: Campaign) -> dict[int, Any]:
    return {m.row: m for m in journal.messages(campaign.id)}


@dataclass(frozen=True)
class Expect:
    """What one fault does to the message it hits."""

    state: MessageState  # after the first run
    requests: int  # SendSMS requests the server saw for that message's uid in the first run
    processed: bool  # whether the server processed it
    stop: StopReason | None = None  # why the first run stopped (None: it finished)
    reason: str = ""


EXPECTED: dict[FaultKind, Expect] = {
    FaultKind.HTTP500: Expect(MessageState.UNKNOWN, 1, True, reason="server_error"),
    FaultKind.HTTP503: Expect(MessageState.UNKNOWN, 1, False, reason="server_error"),
    FaultKind.HTTP429: Expect(MessageState.ACCEPTED, 2, True),
    FaultKind.HTTP408: Expect(MessageState.ACCEPTED, 2, True),
    FaultKind.HTTP401: Expect(MessageState.PENDING, 1, False, StopReason.ACCOUNT_REFUSED, "credentials"),
    FaultKind.HTML: Expect(MessageState.UNKNOWN, 1, True, reason="server_error"),
    FaultKind.REDIRECT: Expect(MessageState.UNKNOWN, 1, False, StopReason.CONFIGURATION, "redirect"),
    FaultKind.DROP: Expect(MessageState.UNKNOWN, 1, True, reason="connection_lost"),
    FaultKind.RESET: Expect(MessageState.UNKNOWN, 1, False, reason="connection_lost"),
    FaultKind.SLOW: Expect(MessageState.UNKNOWN, 1, True, reason="read_timeout"),
    FaultKind.DRIP: Expect(MessageState.UNKNOWN, 1, True, reason="deadline"),
    FaultKind.TRUNCATED: Expect(MessageState.UNKNOWN, 1, True, reason="not_json"),
    FaultKind.GARBLED: Expect(MessageState.UNKNOWN, 1, True, reason="not_json"),
    FaultKind.EMPTY: Expect(MessageState.UNKNOWN, 1, True, reason="empty_body"),
    FaultKind.HUGE: Expect(MessageState.UNKNOWN, 1, True, reason="body_too_large"),
    FaultKind.STATUS_F: Expect(MessageState.REJECTED, 1, False, reason="remarks"),
    FaultKind.REFUSE: Expect(MessageState.PENDING, 1, False, StopReason.ACCOUNT_REFUSED, "ip_not_allowed"),
    FaultKind.UID_MISMATCH: Expect(MessageState.UNKNOWN, 1, True, StopReason.CONFIGURATION, "uid_mismatch"),
}


def test_every_fault_kind_has_an_expectation() -> None:
    assert set(EXPECTED) == set(FaultKind)


@pytest.mark.parametrize("kind", list(FaultKind), ids=lambda kind: kind.value)
def test_one_fault_kind_against_the_ledger(
    kind: FaultKind, journal: Journal, start_sandbox: Callable[..., SandboxServer]
) -> None:
    expect = EXPECTED[kind]
    server = start_sandbox(retry_after=1 if kind is FaultKind.HTTP429 else None, seed=1)
    campaign = make_campaign(journal, COUNT)
    faulted = phone(FAULTED_ROW_INDEX)
    server.fault_for_phone(faulted, kind, times=1)

    result = send(journal, server, campaign)

    rows = by_row(journal, campaign)
    hit = rows[FAULTED_ROW_INDEX + 2]
    assert hit.state is expect.state, (hit.state, hit.reason)
    if expect.reason:
        assert hit.reason == expect.reason
    assert result.stop_reason is expect.stop
    requests = [e for e in send_requests(server.ledger(), campaign.code) if e["phonenumber"] == faulted]
    assert len(requests) == expect.requests
    assert {e["uid"] for e in requests} == {f"{campaign.code}-{hit.row}-1"}  # retried with the same uid
    assert requests[0]["fault"] == kind.value
    assert any(e["processed"] for e in requests) is expect.processed
    counts = check_against_ledger(journal.messages(campaign.id), server.ledger(), campaign=campaign.code)

    if expect.stop is None:
        assert result.status is CampaignStatus.FINISHED
        others = [m for row, m in rows.items() if row != hit.row]
        assert all(m.state is MessageState.ACCEPTED for m in others)
        return
    # Paused at once: the messages after the faulted one were never sent and wait as pending.
    assert result.status is CampaignStatus.PAUSED
    assert counts["accepted"] == FAULTED_ROW_INDEX
    assert counts["pending"] == COUNT - FAULTED_ROW_INDEX - (expect.state is not MessageState.PENDING)
    # Resuming sends what is pending (the refused message too) and never the unknown one.
    again = send(journal, server, campaign)
    assert again.status is CampaignStatus.FINISHED
    final = check_against_ledger(journal.messages(campaign.id), server.ledger(), campaign=campaign.code)
    unknown = 1 if expect.state is MessageState.UNKNOWN else 0
    assert final == {"accepted": COUNT - unknown, **({"unknown": 1} if unknown else {})}


def test_429_holds_every_claim_for_retry_after(
    journal: Journal, start_sandbox: Callable[..., SandboxServer], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once the engine has read a 429 with Retry-After, nothing is claimed until that time has passed.

    The hold is checked where it is decided, at the claims: a request claimed before the 429's answer
    was read (the other slot's answer can come back first and free its slot, as often as the 429's
    thread is kept waiting) may still reach the server after the 429, and that is no breach.
    """
    server = start_sandbox(retry_after=1)
    campaign = make_campaign(journal, 4)
    server.plan_faults([FaultKind.HTTP429])
    turns: list[tuple[float, list[Transition], int]] = []
    advance = Claims.advance

    def recording(self: Claims, transitions: Sequence[Transition], limit: int, now_wall: float) -> Any:
        claimed = advance(self, transitions, limit, now_wall)
        turns.append((now_wall, list(transitions), len(claimed)))
        return claimed

    monkeypatch.setattr(Claims, "advance", recording)
    result = send(journal, server, campaign, EngineConfig(concurrency=2, rate_per_s=1000.0))
    assert result.counts[MessageState.ACCEPTED] == 4
    [(read_at, retry_at)] = [
        (index, t.not_before)
        for index, (_, transitions, _) in enumerate(turns)
        for t in transitions
        if t.state is MessageState.RETRY_WAIT
    ]
    assert retry_at is not None
    claimed_later = [wall for wall, _, claimed in turns[read_at:] if claimed]
    assert claimed_later  # the rest and the retry
    assert min(claimed_later) >= retry_at - 0.05  # 0.05: the two clocks are read one line apart
    # At the server, the throttled message itself came again only after Retry-After.
    requests = send_requests(server.ledger(), campaign.code)
    limited = next(e for e in requests if e["fault"] == "http429")
    [retried] = [e for e in requests if e["uid"] == limited["uid"] and e["seq"] > limited["seq"]]
    waited = datetime.fromisoformat(retried["time"]) - datetime.fromisoformat(limited["time"])
    assert waited.total_seconds() >= 0.95
    check_against_ledger(journal.messages(campaign.id), server.ledger(), campaign=campaign.code)


def test_429_with_an_http_date_is_honoured(
    journal: Journal, start_sandbox: Callable[..., SandboxServer]
) -> None:
    server = start_sandbox(retry_after=1, retry_after_http_date=True)
    campaign = make_campaign(journal, 3)
    server.plan_faults([FaultKind.HTTP429])
    result = send(journal, server, campaign)
    assert result.counts[MessageState.ACCEPTED] == 3
    requests = send_requests(server.ledger(), campaign.code)
    assert [e["fault"] for e in requests] == ["http429", None, None, None]
    # The refused message went again with the same uid (another may have left in between).
    assert [e["uid"] for e in requests[1:]].count(requests[0]["uid"]) == 1
    check_against_ledger(journal.messages(campaign.id), server.ledger(), campaign=campaign.code)


def test_ambiguous_outcomes_in_a_row_pause_and_are_never_resent(
    journal: Journal, start_sandbox: Callable[..., SandboxServer]
) -> None:
    server = start_sandbox()
    campaign = make_campaign(journal, 20)
    server.plan_faults(
        [FaultKind.DROP, FaultKind.HTTP500, FaultKind.GARBLED, FaultKind.EMPTY, FaultKind.HTML]
    )
    result = send(journal, server, campaign)
    assert result.stop_reason is StopReason.TOO_MANY_UNKNOWN
    assert result.counts[MessageState.UNKNOWN] == 5
    assert result.counts[MessageState.PENDING] == 15
    again = send(journal, server, campaign)
    assert again.status is CampaignStatus.FINISHED
    counts = check_against_ledger(journal.messages(campaign.id), server.ledger(), campaign=campaign.code)
    assert counts == {"accepted": 15, "unknown": 5}
    assert len(send_requests(server.ledger(), campaign.code)) == 20  # nothing sent twice


def test_all_fault_kinds_mixed_at_concurrency_8(
    journal: Journal, start_sandbox: Callable[..., SandboxServer]
) -> None:
    """Random faults of every kind (seeded), resumed after every pause until finished."""
    rates = dict.fromkeys(FaultKind, 0.02)
    server = start_sandbox(fault_rates=rates, seed=20261125, retry_after=0, latency_ms=2.0)
    campaign = make_campaign(journal, 300)
    config = EngineConfig(concurrency=8, rate_per_s=1000.0, backoff_base_s=0.02, backoff_cap_s=0.2)
    runs = 0
    while not journal.is_finished(campaign.id):
        runs += 1
        assert runs <= 60, "the campaign should finish after a bounded number of resumes"
        send(journal, server, campaign, config)
    assert runs > 1  # the pausing kinds did pause it
    ledger = server.ledger()
    counts = check_against_ledger(journal.messages(campaign.id), ledger, campaign=campaign.code)
    assert set(counts) <= {"accepted", "rejected", "unknown"}
    assert sum(counts.values()) == 300
    faults = {e["fault"] for e in send_requests(ledger, campaign.code)}
    assert faults >= {kind.value for kind in FaultKind}  # every kind did occur
    rejected = {m.uid for m in journal.messages(campaign.id) if m.state is MessageState.REJECTED}
    assert rejected
    for uid in rejected:  # rejected because the provider said F (after any retries with the same uid)
        assert [e["fault"] for e in send_requests(ledger) if e["uid"] == uid][-1] == "status_f"


class _StopsTheServerAfter:
    """A sender that, after its ``n``-th answer, takes the server down (nothing else is in flight:
    concurrency 1) and brings it back on the same port ``down_s`` later."""

    def __init__(
        self,
        client: LiaSmartClient,
        server: SandboxServer,
        n: int,
        restart: Callable[[], None],
        down_s: float,
    ) -> None:
        self._client = client
        self._server = server
        self._n = n
        self._restart = restart
        self._down_s = down_s
        self.answers = 0
        self.timer: threading.Timer | None = None

    def send_sms(self, message: SmsMessage) -> Outcome:
        outcome = self._client.send_sms(message)
        self.answers += 1
        if self.answers == self._n:
            self._server.stop()
            self.timer = threading.Timer(self._down_s, self._restart)
            self.timer.start()
        return outcome


def test_a_provider_down_for_a_while_loses_nothing_and_makes_no_unknown(
    journal: Journal, start_sandbox: Callable[..., SandboxServer], tmp_path: Path
) -> None:
    """G6: connection refused is "not sent": retried with the same uid, all accepted once it is back."""
    first = start_sandbox(ledger_path=tmp_path / "first.jsonl")
    port = first.port
    second: list[SandboxServer] = []

    def restart() -> None:
        second.append(start_sandbox(port=port, ledger_path=tmp_path / "second.jsonl"))

    campaign = make_campaign(journal, 12)
    config = EngineConfig(concurrency=1, rate_per_s=1000.0, backoff_base_s=0.05, backoff_cap_s=0.2)
    with client_for(first) as client:
        sender = _StopsTheServerAfter(client, first, 4, restart, down_s=0.8)
        result = SendEngine(journal, sender, config).run(campaign)
    assert sender.timer is not None
    sender.timer.join()
    assert result.status is CampaignStatus.FINISHED
    assert result.counts[MessageState.ACCEPTED] == 12
    assert result.counts[MessageState.UNKNOWN] == 0
    ledger = first.ledger() + second[0].ledger()
    check_against_ledger(journal.messages(campaign.id), ledger, campaign=campaign.code)
    fifth = next(m for m in journal.messages(campaign.id) if m.row == 6)
    assert fifth.uid == f"{campaign.code}-6-1"  # the retries kept the first attempt's uid
    assert len(send_requests(ledger, campaign.code)) == 12  # refused connections never reached a ledger
