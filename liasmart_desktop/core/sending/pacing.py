"""Pacing on a monotonic clock: a token bucket for messages per second, capped back-off with jitter."""

from __future__ import annotations

import random
from collections.abc import Callable

BACKOFF_BASE_S = 1.0
BACKOFF_CAP_S = 60.0


class TokenBucket:
    """At most ``rate_per_s`` messages per second on average, with a burst of ``burst``.

    ``initial`` tokens are there at the start (default: a full burst).

    The clock is monotonic, so a wall-clock jump (DST, NTP, sleep) causes neither a burst nor a stall.
    """

    def __init__(
        self, rate_per_s: float, burst: float, clock: Callable[[], float], *, initial: float | None = None
    ) -> None:
        if rate_per_s <= 0 or burst < 1:
            raise ValueError("rate must be positive and burst at least 1")
        self._rate = rate_per_s
        self._burst = burst
        self._clock = clock
        self._tokens = burst if initial is None else min(burst, initial)
        self._stamp = clock()

    @property
    def rate_per_s(self) -> float:
        """The current rate."""
        return self._rate

    def set_rate(self, rate_per_s: float) -> None:
        """Change the rate from now on (tokens earned so far are kept); how far a 429 may slow it is
        the throttle's rule (``throttle.py``), not the bucket's."""
        if rate_per_s <= 0:
            raise ValueError("rate must be positive")
        self._refill()
        self._rate = rate_per_s

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(self._burst, self._tokens + (now - self._stamp) * self._rate)
        self._stamp = now

    def available(self) -> int:
        """Whole tokens available now."""
        self._refill()
        return int(self._tokens)

    def take(self, count: int) -> None:
        """Spend ``count`` tokens (the caller checked ``available``)."""
        self._refill()
        self._tokens -= count

    def seconds_until_next(self) -> float:
        """How long until one more whole token is available (0 if one is)."""
        self._refill()
        missing = 1.0 - self._tokens
        return 0.0 if missing <= 0 else missing / self._rate


def backoff_delay_s(
    retries: int, rng: random.Random, *, base_s: float = BACKOFF_BASE_S, cap_s: float = BACKOFF_CAP_S
) -> float:
    """Capped exponential back-off with full jitter: uniform in [base/2, min(cap, base·2^retries)]."""
    ceiling = min(cap_s, base_s * (2 ** min(retries, 30)))
    return rng.uniform(min(base_s / 2, ceiling), ceiling)
