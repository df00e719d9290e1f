"""The circuit breaker as a pure policy: outcomes and a clock in, a ``Stop`` out, no threads."""

from __future__ import annotations

import pytest

from liasmart_desktop.core.api.outcome import Outcome, OutcomeKind, Reason
from liasmart_desktop.core.sending.breaker import BreakerRules, CircuitBreaker
from liasmart_desktop.core.sending.records import Stop
from liasmart_desktop.core.sending.states import StopReason

ACCEPTED = Outcome(OutcomeKind.ACCEPTED, Reason.OK, 200, message_id="1")
UNKNOWN = Outcome(OutcomeKind.UNKNOWN, Reason.READ_TIMEOUT, detail="ReadTimeout")
NOT_SENT = Outcome(OutcomeKind.NOT_SENT, Reason.CONNECT_FAILED, detail="refused")
REJECTED = Outcome(OutcomeKind.REJECTED, Reason.REMARKS, 200, remarks="Sender ID not approved")
OTHER_REJECTION = Outcome(OutcomeKind.REJECTED, Reason.REMARKS, 200, remarks="Invalid Mobile Number")


def feed(breaker: CircuitBreaker, outcomes: list[Outcome], now: float = 0.0) -> list[Stop | None]:
    return [breaker.observe(outcome, now) for outcome in outcomes]


def test_an_account_refusal_stops_at_once_with_its_cause() -> None:
    refused = Outcome(OutcomeKind.REFUSED, Reason.IP_NOT_ALLOWED, 200, remarks="IP not Whitelisted")
    assert CircuitBreaker().observe(refused, 0.0) == Stop(
        StopReason.ACCOUNT_REFUSED, Reason.IP_NOT_ALLOWED, "IP not Whitelisted"
    )


def test_n_ambiguous_outcomes_in_a_row_stop_and_any_answer_resets_the_streak() -> None:
    breaker = CircuitBreaker(BreakerRules(unknown_streak_limit=3))
    assert feed(breaker, [UNKNOWN, UNKNOWN, ACCEPTED, UNKNOWN, UNKNOWN]) == [None] * 5
    assert breaker.observe(UNKNOWN, 0.0) == Stop(StopReason.TOO_MANY_UNKNOWN, Reason.READ_TIMEOUT, "3")
    # Not reaching the provider is not an answer: it neither resets nor feeds the streak.
    breaker = CircuitBreaker(BreakerRules(unknown_streak_limit=2))
    assert feed(breaker, [UNKNOWN, NOT_SENT]) == [None, None]
    assert breaker.unknown_streak == 1


@pytest.mark.parametrize("reason", [Reason.REDIRECT, Reason.UID_MISMATCH])
def test_an_answer_that_shows_a_wrong_setup_stops_at_once(reason: Reason) -> None:
    outcome = Outcome(OutcomeKind.UNKNOWN, reason, 302, detail="elsewhere")
    assert CircuitBreaker().observe(outcome, 0.0) == Stop(StopReason.CONFIGURATION, reason, "elsewhere")


def test_mostly_rejected_recent_outcomes_stop_naming_the_commonest_remark() -> None:
    breaker = CircuitBreaker(BreakerRules(rejection_window=5, rejection_limit=4))
    stops = feed(breaker, [ACCEPTED, REJECTED, OTHER_REJECTION, REJECTED])
    assert stops == [None] * 4  # fewer than a full window seen
    assert breaker.observe(REJECTED, 0.0) == Stop(
        StopReason.MOSTLY_REJECTED, Reason.REMARKS, "Sender ID not approved"
    )
    calm = CircuitBreaker(BreakerRules(rejection_window=5, rejection_limit=4))
    assert feed(calm, [REJECTED, ACCEPTED, REJECTED, ACCEPTED, REJECTED, ACCEPTED]) == [None] * 6


def test_a_provider_unreachable_for_too_long_stops_and_an_answer_restarts_the_clock() -> None:
    breaker = CircuitBreaker(BreakerRules(network_down_s=60.0))
    assert breaker.observe(NOT_SENT, 0.0) is None
    assert breaker.observe(NOT_SENT, 59.0) is None
    assert breaker.observe(ACCEPTED, 59.5) is None
    assert breaker.observe(NOT_SENT, 100.0) is None  # the clock starts again here
    assert breaker.observe(NOT_SENT, 159.9) is None
    assert breaker.observe(NOT_SENT, 160.0) == Stop(StopReason.NETWORK_DOWN, Reason.CONNECT_FAILED, "refused")


def test_a_retry_after_beyond_the_cap_stops_and_a_short_one_does_not() -> None:
    short = Outcome(OutcomeKind.RETRY_LATER, Reason.RATE_LIMITED, 429, retry_after_s=2.0)
    capped = Outcome(
        OutcomeKind.RETRY_LATER, Reason.RATE_LIMITED, 429, retry_after_s=300.0, retry_after_capped=True
    )
    breaker = CircuitBreaker(BreakerRules(unknown_streak_limit=2))
    assert feed(breaker, [UNKNOWN, short]) == [None, None]
    assert breaker.unknown_streak == 0
    assert breaker.observe(capped, 0.0) == Stop(
        StopReason.RATE_LIMITED_LONG, Reason.RATE_LIMITED, wait_s=300.0
    )
