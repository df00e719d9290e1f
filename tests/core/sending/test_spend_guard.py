"""The spend guard's arithmetic: cost against balance, parts against the daily limit, and what it reports."""

from __future__ import annotations

import pickle
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from liasmart_desktop.core.api.payloads import Balance
from liasmart_desktop.core.sending.spend_guard import (
    NO_LIMITS,
    SpendProblem,
    SpendRefusedError,
    SpendRules,
    check_spend,
    counted_day,
    day_bounds,
    enforce,
    money_text,
    same_currency,
)

PRICE = SpendRules(price_per_part=Decimal("0.05"), currency="USD")


def test_no_rules_allow_anything() -> None:
    check = check_spend(NO_LIMITS, 1_000_000, sent_today=10**9, balance=Balance(Decimal(0), "USD"))
    assert check.allowed
    assert (check.cost, check.problems, check.parts_today) == (None, (), 10**9 + 1_000_000)
    assert enforce(check) is check


def test_a_cost_within_the_balance_goes() -> None:
    check = check_spend(PRICE, 200, balance=Balance(Decimal("10.00"), "USD"))
    assert (check.allowed, check.cost, check.currency) == (True, Decimal("10.00"), "USD")


def test_a_cost_above_the_balance_is_refused_with_both_figures() -> None:
    balance = Balance(Decimal("10.00"), "USD")
    check = check_spend(PRICE, 201, balance=balance)
    assert check.problems == (SpendProblem.OVER_BALANCE,)
    with pytest.raises(SpendRefusedError) as refused:
        enforce(check)
    error = refused.value
    assert error.code is SpendProblem.OVER_BALANCE
    assert (error.check.cost, error.check.balance) == (Decimal("10.05"), balance)
    assert "over_balance" in str(error)


def test_without_a_balance_or_in_another_currency_the_cost_is_not_compared() -> None:
    assert check_spend(PRICE, 10**6).allowed
    assert check_spend(PRICE, 10**6, balance=Balance(Decimal(1), "CNY")).allowed
    # A balance without a currency is taken as the account's.
    assert not check_spend(PRICE, 10**6, balance=Balance(Decimal(1), "")).allowed
    assert check_spend(SpendRules(Decimal(1)), 5, balance=Balance(Decimal(2), "HKD")).currency == "HKD"


def test_the_daily_limit_counts_what_was_sent_today() -> None:
    rules = SpendRules(daily_limit_parts=1000)
    assert check_spend(rules, 400, sent_today=600).allowed
    check = check_spend(rules, 401, sent_today=600)
    assert check.problems == (SpendProblem.OVER_DAILY_LIMIT,)
    assert (check.parts_today, check.daily_limit_parts, check.sent_today) == (1001, 1000, 600)


def test_both_limits_at_once_are_both_reported() -> None:
    rules = SpendRules(Decimal(1), "USD", daily_limit_parts=10)
    check = check_spend(rules, 11, balance=Balance(Decimal(5), "usd"))
    assert check.problems == (SpendProblem.OVER_BALANCE, SpendProblem.OVER_DAILY_LIMIT)
    error = SpendRefusedError(check)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.code, copy.check) == (SpendProblem.OVER_BALANCE, check)


def test_currencies_compare_without_case_or_spaces() -> None:
    assert same_currency("USD", " usd ")
    assert same_currency("", "CNY")
    assert not same_currency("USD", "CNY")


def test_a_scheduled_day_other_than_today_travels_with_the_figures() -> None:
    now = datetime(2026, 3, 28, 15, 0).astimezone()
    assert counted_day(None, now) is None
    assert counted_day(now + timedelta(hours=2), now) is None  # later today is today
    assert counted_day(now + timedelta(days=2), now) == date(2026, 3, 30)
    check = check_spend(SpendRules(daily_limit_parts=2), 3, day=date(2026, 3, 30))
    assert (check.day, check.problems) == (date(2026, 3, 30), (SpendProblem.OVER_DAILY_LIMIT,))
    assert check_spend(SpendRules(daily_limit_parts=2), 3).day is None


def test_a_day_runs_from_local_midnight_to_the_next() -> None:
    moment = datetime(2026, 3, 28, 15, 0).astimezone()
    since, until = day_bounds(moment)
    midnight = datetime(2026, 3, 28).astimezone().astimezone(UTC)
    next_midnight = datetime(2026, 3, 29).astimezone().astimezone(UTC)
    assert since == midnight.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    assert until == next_midnight.isoformat(timespec="milliseconds").replace("+00:00", "Z")


@pytest.mark.parametrize(
    ("amount", "currency", "shown"),
    [
        ("1234.5", "USD", "1,234.50 USD"),
        ("0.0375", "USD", "0.0375 USD"),  # a price of part of a cent is never rounded away
        ("12", "", "12.00"),
        ("-3.1", "CNY", "-3.10 CNY"),
    ],
)
def test_money_is_grouped_with_two_decimals_at_least(amount: str, currency: str, shown: str) -> None:
    assert money_text(Decimal(amount), currency) == shown
