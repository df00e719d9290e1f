"""The adaptive rate's pure policy: answers and a clock in, a rate out (no threads, no sleeping)."""

from __future__ import annotations

import random

import pytest

from liasmart_desktop.core.sending.throttle import FLOOR_SHARE, WINDOW_S, RateController, ThrottleRules

TARGET = 100.0


def feed(
    controller: RateController, start: float, seconds: float, per_s: float, throttled_share: float
) -> float:
    """Answers at ``per_s`` for ``seconds``, every ``1 / throttled_share``-th a 429; returns the end time."""
    every = round(1 / throttled_share) if throttled_share else 0
    now = start
    for n in range(round(seconds * per_s)):
        now = start + n / per_s
        controller.observe(bool(every) and n % every == 0, now)
    return now


def test_without_429s_the_target_rate_holds() -> None:
    controller = RateController(TARGET)
    assert controller.rate_per_s(0.0) == TARGET
    feed(controller, 0.0, 10.0, TARGET, 0.0)
    assert controller.rate_per_s(10.0) == TARGET
    assert controller.share(10.0) == 0.0


def test_a_steady_five_percent_of_429s_costs_a_share_not_the_send() -> None:
    """The old rule (halve per 429, +2 % per success) sank to its floor at 1 in 35; this one stays near."""
    controller = RateController(TARGET)
    now = feed(controller, 0.0, 30.0, TARGET, 0.05)
    assert controller.share(now) == pytest.approx(0.05, abs=0.005)
    assert controller.rate_per_s(now) == pytest.approx(TARGET * (1 - 3 * 0.05), rel=0.02)


def test_the_cut_is_in_proportion_to_the_share_with_a_floor_well_above_zero() -> None:
    rates = []
    for share in (0.1, 0.2, 0.5, 1.0):
        controller = RateController(TARGET)
        now = feed(controller, 0.0, 4.0, 50.0, share)
        rates.append(controller.rate_per_s(now))
    assert rates[0] > rates[1] > rates[2]
    assert rates[2] == rates[3] == TARGET * FLOOR_SHARE  # every answer a 429: slow, never stopped


def test_recovery_is_measured_in_seconds_not_in_successes() -> None:
    controller = RateController(TARGET)
    now = feed(controller, 0.0, 2.0, 50.0, 1.0)
    assert controller.rate_per_s(now) == TARGET * FLOOR_SHARE
    # No answer at all afterwards (every claim held, say): the rate still comes back once the 429s age out.
    assert controller.rate_per_s(now + WINDOW_S / 2) == TARGET * FLOOR_SHARE
    assert controller.rate_per_s(now + WINDOW_S + 0.001) == TARGET
    # Successes alone do not bring it back before the window has passed.
    again = RateController(TARGET)
    end = feed(again, 0.0, 1.0, 50.0, 1.0)
    for n in range(1000):
        again.observe(False, end + 0.001 * (n + 1))
    assert again.rate_per_s(end + 1.0) < TARGET


def test_the_rate_follows_a_provider_limit_without_collapsing() -> None:
    """A provider that takes 50 per second and answers 429 to the rest: the rate settles near its limit."""
    limit, rng = 50.0, random.Random(4)
    controller = RateController(TARGET)
    now, rates = 0.0, []
    while now < 60.0:
        rate = controller.rate_per_s(now)
        controller.observe(rng.random() > limit / rate, now)
        now += 1 / rate
        rates.append(rate)
    settled = rates[len(rates) // 2 :]
    assert limit <= sum(settled) / len(settled) <= 0.65 * TARGET
    assert min(settled) >= TARGET * FLOOR_SHARE


def test_rules_can_be_chosen() -> None:
    controller = RateController(10.0, ThrottleRules(window_s=1.0, gain=1.0, floor_share=0.5))
    controller.observe(True, 0.0)
    controller.observe(False, 0.1)
    assert controller.rate_per_s(0.2) == pytest.approx(5.0)
    assert controller.rate_per_s(1.05) == pytest.approx(10.0)  # the 429 left the window, the success stays
    assert controller.share(1.05) == 0.0
