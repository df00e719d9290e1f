"""How fast to send while the provider answers 429: a pure policy of answers and a clock, like ``breaker.py``.

The rate is the target less ``gain`` times the share of 429s among the answers of the last
``window_s`` seconds, never below ``floor_share`` of the target. It backs off in proportion to how
often the provider says "too many", and it recovers as those answers age out of the window: within
``window_s`` seconds of the last 429, however few messages went out meanwhile.

The rule it replaces halved the rate on every 429 and recovered 2 % per success; that converges to
zero whenever 429s come more often than 1 in 35, so a provider answering 5 % of requests with 429
made a 100-per-second send crawl at 2 per second (issue 11). Here 5 % of 429s costs 15 % of the
rate. A provider whose real limit is half the target is met at about 0.58 of the target with about
one request in seven answered 429; each of those waits and goes again with the same uid, so nothing
is lost or doubled. A ``Retry-After`` is honoured by the engine on top of this (every claim waits).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

#: The answers of this many recent seconds decide the rate; a 429 stops counting this long after it.
WINDOW_S = 5.0
#: Each point of 429 share takes this many points off the rate …
GAIN = 3.0
#: … but never more than down to this share of the target.
FLOOR_SHARE = 0.25


@dataclass(frozen=True, slots=True)
class ThrottleRules:
    """The policy's constants."""

    window_s: float = WINDOW_S
    gain: float = GAIN
    floor_share: float = FLOOR_SHARE


DEFAULT_THROTTLE_RULES = ThrottleRules()


class RateController:
    """Watches the provider's answers; ``rate_per_s`` is how fast to send at a given moment."""

    def __init__(self, target_per_s: float, rules: ThrottleRules | None = None) -> None:
        self.target_per_s = target_per_s
        self.rules = rules or DEFAULT_THROTTLE_RULES
        self._answers: deque[tuple[float, bool]] = deque()
        self._throttled = 0

    def observe(self, throttled: bool, now: float) -> None:
        """Take one answer of the provider (``throttled``: it was a 429), seen at monotonic time ``now``."""
        self._answers.append((now, throttled))
        self._throttled += throttled
        self._forget(now)

    def _forget(self, now: float) -> None:
        horizon = now - self.rules.window_s
        answers = self._answers
        while answers and answers[0][0] <= horizon:
            _, throttled = answers.popleft()
            self._throttled -= throttled

    def share(self, now: float) -> float:
        """The share of 429s among the answers of the window ending at ``now`` (0 when there were none)."""
        self._forget(now)
        return self._throttled / len(self._answers) if self._answers else 0.0

    def rate_per_s(self, now: float) -> float:
        """The rate to send at, at monotonic time ``now``."""
        if not self._throttled:  # the common case, without a 429 in the window: no arithmetic
            return self.target_per_s
        rules = self.rules
        return self.target_per_s * max(rules.floor_share, 1.0 - rules.gain * self.share(now))
