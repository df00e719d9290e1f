"""The circuit breaker: which outcomes stop a whole send, decided from outcomes and a clock alone.

A pure policy (no threads, no journal): the send engine shows it every outcome in the order they
arrive and stops claiming when it returns a ``Stop``. Rules (docs/architecture.md, "Sending"):

- the account refused (credentials, IP allow-list, balance, message type …): stop at once;
- an answer that says the setup is wrong (a redirect, a reply about another message): stop at once;
- N ambiguous outcomes in a row: stop (LiaSmart or the network is in trouble);
- most of the recent outcomes rejected (a wrong sender ID, say): stop;
- the provider unreachable for longer than ``network_down_s``: stop;
- the provider asked to wait longer than we accept (a capped Retry-After): stop.
"""

from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass

from liasmart_desktop.core.api.outcome import Outcome, OutcomeKind, Reason
from liasmart_desktop.core.sending.records import Stop
from liasmart_desktop.core.sending.states import StopReason

#: N consecutive ambiguous outcomes stop the campaign.
DEFAULT_UNKNOWN_STREAK_LIMIT = 5
#: The provider unreachable for this long (no answer at all) stops the campaign.
DEFAULT_NETWORK_DOWN_S = 300.0
#: The "most messages rejected" rule looks at this many recent outcomes …
REJECTION_WINDOW = 20
#: … and stops when at least this many of them were rejections.
REJECTION_LIMIT = 16

# Outcomes that say "the setup is wrong", not "this message is unlucky".
_SETUP_WRONG = frozenset({Reason.REDIRECT, Reason.UID_MISMATCH})


@dataclass(frozen=True, slots=True)
class BreakerRules:
    """The breaker's limits."""

    unknown_streak_limit: int = DEFAULT_UNKNOWN_STREAK_LIMIT
    network_down_s: float = DEFAULT_NETWORK_DOWN_S
    rejection_window: int = REJECTION_WINDOW
    rejection_limit: int = REJECTION_LIMIT


class CircuitBreaker:
    """Watches outcomes; ``observe`` returns the ``Stop`` that an outcome trips, else ``None``."""

    def __init__(self, rules: BreakerRules | None = None) -> None:
        self.rules = rules or BreakerRules()
        self.unknown_streak = 0
        self._first_unreachable_at: float | None = None
        self._recent: deque[OutcomeKind] = deque(maxlen=self.rules.rejection_window)
        self._rejection_remarks: Counter[str] = Counter()

    def observe(self, outcome: Outcome, now: float) -> Stop | None:
        """Take one outcome, seen at monotonic time ``now``."""
        kind = outcome.kind
        self._recent.append(kind)
        if kind is not OutcomeKind.NOT_SENT:
            self._first_unreachable_at = None
        if kind is OutcomeKind.UNKNOWN:
            return self._unknown(outcome)
        if kind is not OutcomeKind.NOT_SENT:
            self.unknown_streak = 0
        if kind is OutcomeKind.REFUSED:
            return Stop(StopReason.ACCOUNT_REFUSED, outcome.reason, outcome.remarks)
        if kind is OutcomeKind.REJECTED:
            return self._rejected(outcome)
        if kind is OutcomeKind.NOT_SENT:
            return self._unreachable(outcome, now)
        if kind is OutcomeKind.RETRY_LATER and outcome.retry_after_capped:
            return Stop(StopReason.RATE_LIMITED_LONG, outcome.reason, wait_s=outcome.retry_after_s)
        return None

    def _unknown(self, outcome: Outcome) -> Stop | None:
        self.unknown_streak += 1
        if outcome.reason in _SETUP_WRONG:
            return Stop(StopReason.CONFIGURATION, outcome.reason, outcome.detail)
        if self.unknown_streak >= self.rules.unknown_streak_limit:
            return Stop(StopReason.TOO_MANY_UNKNOWN, outcome.reason, str(self.unknown_streak))
        return None

    def _rejected(self, outcome: Outcome) -> Stop | None:
        self._rejection_remarks[outcome.remarks] += 1
        rejected = sum(1 for kind in self._recent if kind is OutcomeKind.REJECTED)
        if len(self._recent) >= self.rules.rejection_window and rejected >= self.rules.rejection_limit:
            remark = self._rejection_remarks.most_common(1)[0][0]
            return Stop(StopReason.MOSTLY_REJECTED, Reason.REMARKS, remark)
        return None

    def _unreachable(self, outcome: Outcome, now: float) -> Stop | None:
        if self._first_unreachable_at is None:
            self._first_unreachable_at = now
        elif now - self._first_unreachable_at >= self.rules.network_down_s:
            return Stop(StopReason.NETWORK_DOWN, outcome.reason, outcome.detail)
        return None
