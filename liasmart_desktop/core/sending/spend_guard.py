"""The spend guard: before anything leaves, the estimated cost against the balance and the parts against a
daily limit (parts already sent that day count).

A run the guard refuses sends nothing and changes nothing: ``CampaignService`` checks it under the
sender lock before it stores a campaign or queues a message, and raises ``SpendRefusedError`` with
every figure, so each front end can say both numbers and what to do. The cost is only compared when
the price per part is known and the balance is in the same currency (an unnamed currency is taken as
the account's).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from liasmart_desktop.core.api.payloads import Balance
from liasmart_desktop.core.errors import LiaSmartError
from liasmart_desktop.core.sending.schedule import local, to_utc_text


def money_text(amount: Decimal, currency: str = "") -> str:
    """``1,234.50 USD``: grouped, at least two decimals, never rounded (the same in every language)."""
    exponent = amount.as_tuple().exponent
    text = f"{amount:,}" if isinstance(exponent, int) and exponent < -2 else f"{amount:,.2f}"
    return f"{text} {currency}".strip()


class SpendProblem(enum.Enum):
    """Which limit a run would break."""

    OVER_BALANCE = "over_balance"  # cost (parts × price) above the balance
    OVER_DAILY_LIMIT = "over_daily_limit"  # parts sent today + these parts above the daily limit


@dataclass(frozen=True, slots=True)
class SpendRules:
    """The office's limits: the price per part (``None``: unknown), the most parts a day (``None``: none)."""

    price_per_part: Decimal | None = None
    currency: str = ""
    daily_limit_parts: int | None = None


NO_LIMITS = SpendRules()


@dataclass(frozen=True, slots=True)
class SpendCheck:
    """A run's figures against the rules, and the limits it breaks (none: it may go)."""

    parts: int
    cost: Decimal | None
    currency: str
    balance: Balance | None
    sent_today: int
    daily_limit_parts: int | None
    problems: tuple[SpendProblem, ...]
    #: The local day the parts count against when it is not today (a scheduled campaign's day).
    day: date | None = None

    @property
    def allowed(self) -> bool:
        """Whether the run may go."""
        return not self.problems

    @property
    def parts_today(self) -> int:
        """Parts sent that day (``day``, else today) once this run is done."""
        return self.sent_today + self.parts


class SpendRefusedError(LiaSmartError):
    """A local safety rule refused the run: nothing was sent, stored or changed. ``check`` has the figures."""

    def __init__(self, check: SpendCheck) -> None:
        super().__init__(
            "refused by the spend guard: "
            + ", ".join(problem.value for problem in check.problems)
            + f" (parts {check.parts}, cost {check.cost}, balance {check.balance and check.balance.amount}, "
            f"sent today {check.sent_today}, daily limit {check.daily_limit_parts})"
        )
        self.check = check
        self.code = check.problems[0]


def same_currency(first: str, second: str) -> bool:
    """Whether two amounts can be compared (an unnamed currency is taken as the account's)."""
    return not first or not second or first.strip().casefold() == second.strip().casefold()


def day_bounds(moment: datetime) -> tuple[str, str]:
    """Local midnight of ``moment``'s day and of the next, as the journal writes times (ISO 8601 UTC)."""
    day = local(moment).date()
    # Through the naive wall time: the zone's offset at midnight may differ from now's (summer time).
    return tuple(  # type: ignore[return-value]
        to_utc_text(datetime.combine(day + timedelta(days=days), time()).astimezone()) for days in (0, 1)
    )


def counted_day(day: datetime | None, now: datetime) -> date | None:
    """The local day a run on ``day`` counts against, ``None`` when that is today (``now``'s day)."""
    if day is None or local(day).date() == local(now).date():
        return None
    return local(day).date()


def check_spend(
    rules: SpendRules,
    parts: int,
    *,
    sent_today: int = 0,
    balance: Balance | None = None,
    day: date | None = None,
) -> SpendCheck:
    """The figures of a run of ``parts`` and the limits it breaks (changes nothing, raises nothing);
    ``sent_today`` is what was sent on ``day`` when one is given (not today)."""
    cost = None if rules.price_per_part is None else rules.price_per_part * parts
    problems: list[SpendProblem] = []
    if (
        cost is not None
        and balance is not None
        and same_currency(rules.currency, balance.currency)
        and cost > balance.amount
    ):
        problems.append(SpendProblem.OVER_BALANCE)
    if rules.daily_limit_parts is not None and sent_today + parts > rules.daily_limit_parts:
        problems.append(SpendProblem.OVER_DAILY_LIMIT)
    return SpendCheck(
        parts=parts,
        cost=cost,
        currency=rules.currency or (balance.currency if balance else ""),
        balance=balance,
        sent_today=sent_today,
        daily_limit_parts=rules.daily_limit_parts,
        problems=tuple(problems),
        day=day,
    )


def enforce(check: SpendCheck) -> SpendCheck:
    """``check`` when the run may go; ``SpendRefusedError`` otherwise."""
    if not check.allowed:
        raise SpendRefusedError(check)
    return check
