"""The send engine's state machine, breakers and controls, against a scripted mock provider."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from pathlib import Path

import httpx
import pytest

from liasmart_desktop.core.api.outcome import Outcome, Reason
from liasmart_desktop.core.api.payloads import SmsMessage
from liasmart_desktop.core.errors import JournalError, JournalProblem
from liasmart_desktop.core.sending.claims import Claims
from liasmart_desktop.core.sending.engine import EngineConfig, SendControl, SendEngine
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.records import Stop
from liasmart_desktop.core.sending.session import SendingSession
from liasmart_desktop.core.sending.states import CampaignStatus, MessageState, StopReason
from liasmart_desktop.core.sending.summaries import Progress
from liasmart_desktop.core.sending.throttle import FLOOR_SHARE
from tests.core.sending.conftest import FIRST_MESSAGE_ID, MockProvider, make_campaign, make_client

FAST = EngineConfig(concurrency=4, rate_per_s=1000.0)


def run(journal: Journal, provider: MockProvider, count: int, config: EngineConfig = FAST, **kw):
    control = kw.pop("control", None)
    campaign = make_campaign(journal, count)
    with make_client(provider) as client:
        result = SendEngine(journal, client, config, **kw).run(campaign, control)
    return campaign, result


def states(journal: Journal, campaign_id: int) -> dict[int, MessageState]:
    return {m.row: m.state for m in journal.messages(campaign_id)}


def test_every_message_accepted_with_exact_ids_and_uids(journal: Journal) -> None:
    provider = MockProvider()
    campaign, result = run(journal, provider, 30)
    assert result.status is CampaignStatus.FINISHED
    assert result.counts[MessageState.ACCEPTED] == 30
    messages = list(journal.messages(campaign.id))
    assert {m.message_id for m in messages} == {str(FIRST_MESSAGE_ID + i) for i in range(30)}
    assert sorted(provider.uids()) == sorted(f"{campaign.code}-{m.row}-1" for m in messages)
    assert journal.campaign(campaign.id).status is CampaignStatus.FINISHED
    assert all(m.sent_at and m.finished_at for m in messages)


def test_claim_is_committed_before_the_request_leaves(journal: Journal) -> None:
    seen: list[str] = []

    def check(_n: int, body: dict[str, str]) -> None:
        # A separate connection sees only committed data: the claim must already be durable.
        with sqlite3.connect(journal.path) as other:
            row = other.execute("SELECT state FROM messages WHERE uid=?", (body["uid"],)).fetchone()
        seen.append(row[0] if row else "missing")

    run(journal, MockProvider(script=check), 20)
    assert seen == ["in_flight"] * 20


def test_row_level_failure_is_rejected_and_sending_continues(journal: Journal) -> None:
    def script(n: int, _b: dict[str, str]) -> httpx.Response | None:
        if n % 3 == 0:
            return httpx.Response(200, json={"status": "F", "remarks": "Invalid Mobile Number"})
        return None

    campaign, result = run(journal, MockProvider(script=script), 12)
    assert result.status is CampaignStatus.FINISHED
    assert result.counts[MessageState.REJECTED] == 4
    rejected = [m for m in journal.messages(campaign.id) if m.state is MessageState.REJECTED]
    assert {m.remarks for m in rejected} == {"Invalid Mobile Number"}
    assert all(m.message_id is None for m in rejected)


def test_account_refusal_pauses_at_once_and_leaves_the_rest_pending(journal: Journal) -> None:
    provider = MockProvider(
        script=lambda n, _b: (
            httpx.Response(200, json={"status": "F", "remarks": "IP not Whitelisted"}) if n >= 5 else None
        )
    )
    campaign, result = run(journal, provider, 50, EngineConfig(concurrency=4, rate_per_s=1000.0))
    assert result.status is CampaignStatus.PAUSED
    assert result.stop_reason is StopReason.ACCOUNT_REFUSED
    assert result.stop == Stop(StopReason.ACCOUNT_REFUSED, Reason.IP_NOT_ALLOWED, "IP not Whitelisted")
    # At most the requests already in flight left after the first refusal.
    assert len(provider.requests) <= 5 + 4
    assert result.counts[MessageState.ACCEPTED] == 5
    assert result.counts[MessageState.PENDING] == 50 - 5
    assert journal.campaign(campaign.id).stop == result.stop  # stored as it is, not as text


def test_ambiguous_outcomes_become_unknown_are_not_resent_and_trip_the_breaker(journal: Journal) -> None:
    provider = MockProvider(script=lambda _n, _b: httpx.Response(500, text="boom"))
    campaign, result = run(journal, provider, 40, EngineConfig(concurrency=1, rate_per_s=1000.0))
    assert result.stop_reason is StopReason.TOO_MANY_UNKNOWN
    assert result.counts[MessageState.UNKNOWN] == 5
    assert len(provider.requests) == 5
    assert len(set(provider.uids())) == 5
    # A second run (resume) does not send the unknown ones again.
    provider.script = lambda _n, _b: None
    with make_client(provider) as client:
        again = SendEngine(journal, client, FAST).run(journal.campaign(campaign.id))
    assert again.status is CampaignStatus.FINISHED
    assert again.counts[MessageState.UNKNOWN] == 5
    assert len(provider.uids()) == len(set(provider.uids())) == 40


def test_not_sent_is_retried_with_the_same_uid(journal: Journal) -> None:
    failures = {"left": 3}

    def script(_n: int, _b: dict[str, str]) -> Exception | None:
        if failures["left"]:
            failures["left"] -= 1
            return httpx.ConnectError("refused")
        return None

    provider = MockProvider(script=script)
    quick = EngineConfig(concurrency=1, rate_per_s=1000.0, backoff_base_s=0.01)
    campaign, result = run(journal, provider, 1, quick)
    assert result.counts[MessageState.ACCEPTED] == 1
    assert provider.uids() == [f"{campaign.code}-2-1"] * 4


def test_retry_after_holds_every_claim_then_retries(journal: Journal) -> None:
    times: list[float] = []

    def script(n: int, _b: dict[str, str]) -> httpx.Response | None:
        times.append(time.monotonic())
        if n == 0:
            return httpx.Response(429, headers={"Retry-After": "1"})
        return None

    campaign, result = run(
        journal, MockProvider(script=script), 3, EngineConfig(concurrency=1, rate_per_s=1000.0)
    )
    assert result.counts[MessageState.ACCEPTED] == 3
    assert times[1] - times[0] >= 0.95  # nothing left before Retry-After passed
    first = next(m for m in journal.messages(campaign.id) if m.row == 2)
    assert first.state is MessageState.ACCEPTED


def test_a_429_without_retry_after_holds_only_its_own_message(journal: Journal) -> None:
    """Issue 11: every such 429 used to hold all claims for its back-off and halve the rate; at 5 % of
    429s that made a send crawl. Now the message waits its back-off while the others go on, slower."""

    def script(n: int, _b: dict[str, str]) -> httpx.Response | None:
        return httpx.Response(429) if n == 0 else None

    provider = MockProvider(script=script)
    updates: list[Progress] = []
    config = EngineConfig(concurrency=2, rate_per_s=1000.0, backoff_base_s=2.0, progress_interval_s=0.0)
    campaign, result = run(journal, provider, 20, config, on_progress=updates.append)
    assert result.counts[MessageState.ACCEPTED] == 20
    first = f"{campaign.code}-2-1"
    # The throttled message went again last, with the same uid: nobody waited for it.
    assert provider.uids()[0] == provider.uids()[-1] == first
    assert first not in provider.uids()[1:-1]
    assert len(provider.uids()) == 21
    slowed = [u.rate_per_s for u in updates if u.rate_per_s < u.target_rate_per_s]
    assert slowed  # the progress shows the pace it slowed to …
    assert min(slowed) >= 1000.0 * FLOOR_SHARE  # … never below the floor
    assert all(u.target_rate_per_s == 1000.0 for u in updates)


def test_a_tiny_rate_ends_with_its_last_message(journal: Journal) -> None:
    """Issue 11: after its one message a run at 1e-9 per second waited 1/rate for a token to find nothing."""
    campaign = make_campaign(journal, 1)
    control = SendControl()
    results: list[object] = []
    with make_client(MockProvider()) as client:
        engine = SendEngine(journal, client, EngineConfig(concurrency=1, rate_per_s=1e-9))
        worker = threading.Thread(target=lambda: results.append(engine.run(campaign, control)))
        worker.start()
        worker.join(timeout=30.0)  # a hang, not a time: the run ends at once or in 31 years
        lingered = worker.is_alive()
        control.stop()
        worker.join()
    assert not lingered
    assert results[0].status is CampaignStatus.FINISHED  # type: ignore[attr-defined]


def test_an_excessive_retry_after_pauses_the_campaign(journal: Journal) -> None:
    provider = MockProvider(script=lambda _n, _b: httpx.Response(429, headers={"Retry-After": "86400"}))
    _, result = run(journal, provider, 5, EngineConfig(concurrency=1, rate_per_s=1000.0))
    assert result.stop_reason is StopReason.RATE_LIMITED_LONG
    assert result.counts[MessageState.RETRY_WAIT] == 1
    assert result.counts[MessageState.PENDING] == 4


def test_a_redirect_pauses_at_once(journal: Journal) -> None:
    provider = MockProvider(
        script=lambda _n, _b: httpx.Response(302, headers={"Location": "https://elsewhere.example/"})
    )
    _, result = run(journal, provider, 10, EngineConfig(concurrency=1, rate_per_s=1000.0))
    assert result.stop_reason is StopReason.CONFIGURATION
    assert len(provider.requests) == 1


def test_mostly_rejected_pauses(journal: Journal) -> None:
    provider = MockProvider(
        script=lambda _n, _b: httpx.Response(200, json={"status": "F", "remarks": "Sender ID not approved"})
    )
    _, result = run(journal, provider, 100, EngineConfig(concurrency=1, rate_per_s=1000.0))
    assert result.stop_reason is StopReason.MOSTLY_REJECTED
    assert result.stop == Stop(StopReason.MOSTLY_REJECTED, Reason.REMARKS, "Sender ID not approved")
    assert result.counts[MessageState.REJECTED] == 20
    assert result.counts[MessageState.PENDING] == 80


def test_network_down_too_long_pauses(journal: Journal) -> None:
    provider = MockProvider(script=lambda _n, _b: httpx.ConnectError("no route"))
    config = EngineConfig(concurrency=1, rate_per_s=1000.0, network_down_s=0.0, backoff_base_s=0.01)
    _, result = run(journal, provider, 3, config)
    assert result.stop_reason is StopReason.NETWORK_DOWN
    assert result.counts[MessageState.UNKNOWN] == 0


def test_cancel_stops_claiming_and_cancels_the_rest(journal: Journal) -> None:
    control = SendControl()

    def script(n: int, _b: dict[str, str]) -> None:
        if n == 3:
            control.cancel()

    provider = MockProvider(script=script)
    _, result = run(journal, provider, 100, EngineConfig(concurrency=2, rate_per_s=1000.0), control=control)
    assert result.status is CampaignStatus.CANCELLED
    assert len(provider.requests) <= 4 + 2
    assert result.counts[MessageState.ACCEPTED] == len(provider.requests)
    assert result.counts[MessageState.CANCELLED] == 100 - len(provider.requests)
    assert result.counts[MessageState.IN_FLIGHT] == 0


def test_pause_holds_the_run_until_resumed(journal: Journal) -> None:
    control = SendControl()
    paused_at: list[float] = []
    times: list[float] = []

    def script(n: int, _b: dict[str, str]) -> None:
        times.append(time.monotonic())
        if n == 2:
            control.pause()
            paused_at.append(time.monotonic())
            threading.Timer(0.5, control.resume).start()

    provider = MockProvider(script=script)
    updates: list[Progress] = []
    _, result = run(
        journal,
        provider,
        6,
        EngineConfig(concurrency=1, rate_per_s=1000.0),
        control=control,
        on_progress=updates.append,
    )
    assert result.status is CampaignStatus.FINISHED
    assert times[3] - paused_at[0] >= 0.45
    assert any(u.paused for u in updates)
    assert updates[-1].done
    assert updates[-1].counts[MessageState.ACCEPTED] == 6


def test_progress_reports_every_change_in_batches(journal: Journal) -> None:
    updates: list[Progress] = []
    campaign, _ = run(journal, MockProvider(), 40, on_progress=updates.append)
    changed_rows = {m.row for u in updates for m in u.changed}
    assert changed_rows == {m.row for m in journal.messages(campaign.id)}
    assert len(updates) < 40 * 2
    assert updates[-1].done
    assert updates[-1].in_flight == 0


def test_rate_limit_spaces_requests(journal: Journal) -> None:
    times: list[float] = []

    def script(_n: int, _b: dict[str, str]) -> None:
        times.append(time.monotonic())

    run(journal, MockProvider(script=script), 6, EngineConfig(concurrency=4, rate_per_s=10.0))
    # One at once, then 10 per second.
    assert times[-1] - times[0] >= (6 - 1) / 10.0 * 0.95


def test_no_second_carries_more_than_the_rate_plus_one(journal: Journal) -> None:
    """G9: measured over any one-second window, never more than R + 1 requests, from the very start."""
    times: list[float] = []
    lock = threading.Lock()

    def script(_n: int, _b: dict[str, str]) -> None:
        with lock:
            times.append(time.monotonic())

    rate = 20.0
    run(journal, MockProvider(script=script), 26, EngineConfig(concurrency=8, rate_per_s=rate))
    times.sort()
    busiest = max(sum(1 for t in times if start <= t < start + 1.0) for start in times)
    assert busiest <= rate + 1


def test_a_failed_claim_sends_nothing(journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_claim(*_a: object, **_k: object) -> list[object]:
        raise JournalError(JournalProblem.WRITE_FAILED, "disk full")

    monkeypatch.setattr(Claims, "advance", broken_claim)
    provider = MockProvider()
    _, result = run(journal, provider, 3)
    assert result.stop_reason is StopReason.JOURNAL_FAILED
    assert provider.requests == []
    assert result.counts[MessageState.PENDING] == 3


def test_config_values_must_be_positive() -> None:
    for bad in ({"concurrency": 0}, {"rate_per_s": 0.0}, {"unknown_streak_limit": 0}):
        with pytest.raises(ValueError, match="positive"):
            EngineConfig(**bad)


def test_stop_ends_the_run_after_the_requests_in_flight(journal: Journal) -> None:
    control = SendControl()

    def script(n: int, _b: dict[str, str]) -> None:
        if n == 2:
            control.stop()

    provider = MockProvider(script=script)
    campaign, result = run(
        journal, provider, 20, EngineConfig(concurrency=2, rate_per_s=1000.0), control=control
    )
    assert control.stopped
    assert (result.status, result.stop_reason) == (CampaignStatus.PAUSED, StopReason.USER_PAUSE)
    assert result.counts[MessageState.IN_FLIGHT] == 0
    assert result.counts[MessageState.ACCEPTED] == len(provider.requests) <= 3 + 2
    assert result.counts[MessageState.PENDING] == 20 - len(provider.requests)
    assert journal.newest_unfinished() == journal.campaign(campaign.id)


def test_a_journal_that_stops_recording_leaves_answers_in_flight_for_recovery(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once the journal cannot be written, nothing more is sent; what was
    answered but not recorded is in flight there and becomes unknown on the next start."""
    path = tmp_path / "j.sqlite3"
    with SendingSession(path) as session:
        journal = session.journal
        campaign = make_campaign(journal, 10)
        real_advance = Claims.advance
        failures = {"n": 0}

        def failing_once_answers_come(claims: Claims, *args: object) -> object:
            if args[0]:  # the first turn that records an answer, and every one after it
                failures["n"] += 1
                raise JournalError(JournalProblem.WRITE_FAILED, "disk full")
            return real_advance(claims, *args)  # type: ignore[arg-type]

        monkeypatch.setattr(Claims, "advance", failing_once_answers_come)
        provider = MockProvider(script=lambda _n, _b: time.sleep(0.05))
        with make_client(provider) as client:
            result = SendEngine(journal, client, EngineConfig(concurrency=3, rate_per_s=1000.0)).run(campaign)
        assert result.stop == Stop(StopReason.JOURNAL_FAILED, None, "disk full")
        sent = len(provider.requests)
        assert 1 <= sent <= 3  # what was claimed before the first answer; nothing after the failure
        assert failures["n"] >= 2  # the answers were offered again before giving up
        assert result.counts[MessageState.IN_FLIGHT] == sent
        assert result.counts[MessageState.PENDING] == 10 - sent
    with SendingSession(path) as session:
        assert session.recovered == sent
        assert session.journal.counts(campaign.id)[MessageState.UNKNOWN] == sent


def test_a_sender_that_raises_makes_the_message_unknown(journal: Journal) -> None:
    class Broken:
        def send_sms(self, message: SmsMessage) -> Outcome:
            raise RuntimeError("bug in a sender")

    campaign = make_campaign(journal, 2)
    result = SendEngine(journal, Broken(), EngineConfig(concurrency=1, rate_per_s=1000.0)).run(campaign)
    assert result.counts[MessageState.UNKNOWN] == 2
    assert {m.reason for m in journal.messages(campaign.id)} == {"unexpected_error"}


def test_a_reply_with_a_lone_surrogate_is_recorded_not_a_crash(journal: Journal) -> None:
    body = b'{"status": "F", "remarks": "bad \\ud800 number"}'  # JSON may escape a lone surrogate
    provider = MockProvider(script=lambda _n, _b: httpx.Response(200, content=body))
    campaign, result = run(journal, provider, 1)
    assert result.counts[MessageState.REJECTED] == 1
    assert next(journal.messages(campaign.id)).remarks == "bad \ufffd number"


def test_the_coordinator_does_not_spin_while_the_last_requests_are_out(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    real_advance = Claims.advance

    def counting(claims: Claims, *args: object) -> object:
        calls.append(1)
        return real_advance(claims, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Claims, "advance", counting)
    provider = MockProvider(script=lambda _n, _b: time.sleep(0.3))
    run(journal, provider, 3, EngineConfig(concurrency=4, rate_per_s=1000.0))
    # Claims as tokens come, the answers, a look for more: a dozen turns at most, not a busy loop
    # (which made thousands of journal calls in those 0.3 s).
    assert len(calls) <= 12


def test_debug_log_lines_mask_phone_numbers(journal: Journal, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="liasmart_desktop.core.sending.engine")
    campaign, _ = run(journal, MockProvider(), 2)
    lines = [r.getMessage() for r in caplog.records if r.name.endswith("engine")]
    assert any(f"{campaign.code}-2-1 to **********000: accepted ok" in line for line in lines)
    assert not any("8613900000000" in line for line in lines)
