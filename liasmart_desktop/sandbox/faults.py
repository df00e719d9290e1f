"""Fault kinds and the thread-safe choice of which fault, if any, the next request gets."""

from __future__ import annotations

import enum
import random
import threading
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from liasmart_desktop.sandbox.params import SEND_SMS

#: Rates are probabilities per request; their sum is the chance that a request gets any fault.
MAX_TOTAL_FAULT_RATE = 1.0


class FaultKind(enum.Enum):
    """What the sandbox does instead of (or after) answering normally.

    ``processes`` tells whether the request is still processed (the SMS counts as sent, the balance
    is charged, the ledger says ``processed: true``) before the fault hits. The ledger is the truth a
    test compares the client's view with: a dropped reply to a processed request is the case that
    must never be resent automatically.
    """

    HTTP500 = "http500"  # processed, then 500: the provider failed while answering
    HTTP503 = "http503"  # not processed: overloaded, refused up front (with Retry-After)
    HTTP429 = "http429"  # not processed: rate limited (with Retry-After, seconds or HTTP-date)
    HTTP408 = "http408"  # not processed: the server timed the request out
    HTTP401 = "http401"  # not processed: an authentication layer in front refused it
    HTML = "html"  # processed, then a gateway's HTML error page (status 200 or 502)
    REDIRECT = "redirect"  # not processed: 302 to somewhere else
    DROP = "drop"  # processed, then the connection closes without a reply
    RESET = "reset"  # not processed: the connection is reset (RST) without a reply
    SLOW = "slow"  # processed, the reply comes far later than any client read timeout
    DRIP = "drip"  # processed, the reply trickles out one byte at a time
    TRUNCATED = "truncated"  # processed, the JSON body is cut in half (Content-Length matches)
    GARBLED = "garbled"  # processed, a 200 whose body is not JSON
    EMPTY = "empty"  # processed, a 200 with an empty body
    HUGE = "huge"  # processed, a 200 with a body of megabytes
    STATUS_F = "status_f"  # not processed: a row-level "F" such as "Invalid Mobile Number"
    REFUSE = "refuse"  # not processed: an account-level "F" such as "IP not Whitelisted"
    UID_MISMATCH = "uid_mismatch"  # processed, an "S" carrying a different uid

    @property
    def processes(self) -> bool:
        """Whether a valid request is still processed (an SMS accepted and charged) before the fault."""
        return self in _PROCESSING

    @classmethod
    def parse(cls, value: FaultKind | str) -> FaultKind:
        """``FaultKind`` from itself or its name (``"drop"``, ``"DROP"``); ``ValueError`` otherwise."""
        if isinstance(value, FaultKind):
            return value
        try:
            return cls(value.strip().lower())
        except ValueError:
            names = ", ".join(kind.value for kind in cls)
            raise ValueError(f"unknown fault kind {value!r}; known kinds: {names}") from None


_PROCESSING = frozenset(
    {
        FaultKind.HTTP500,
        FaultKind.HTML,
        FaultKind.DROP,
        FaultKind.SLOW,
        FaultKind.DRIP,
        FaultKind.TRUNCATED,
        FaultKind.GARBLED,
        FaultKind.EMPTY,
        FaultKind.HUGE,
        FaultKind.UID_MISMATCH,
    }
)


def check_rates(rates: Mapping[FaultKind, float]) -> None:
    """Raise ``ValueError`` unless every rate is in [0, 1] and they add up to at most 1."""
    for kind, rate in rates.items():
        if not 0.0 <= rate <= 1.0:
            raise ValueError(f"the rate of {kind.value} must be between 0 and 1, not {rate}")
    if sum(rates.values()) > MAX_TOTAL_FAULT_RATE + 1e-9:
        raise ValueError("the fault rates add up to more than 1")


@dataclass(slots=True)
class _PhoneFault:
    kind: FaultKind | None
    remaining: int | None  # None: every request to that number


class FaultSelector:
    """Decides each request's fault: phone-keyed first, then the planned sequence, then the rates.

    Every method may be called from any thread; the choice itself is made on the server's loop.
    """

    def __init__(
        self,
        rates: Mapping[FaultKind, float],
        *,
        seed: int | None,
        endpoints: Iterable[str],
    ) -> None:
        check_rates(rates)
        self._lock = threading.Lock()
        self._rates = {kind: rate for kind, rate in rates.items() if rate > 0}
        self._random = random.Random(seed)  # noqa: S311 - simulation, not security
        self._endpoints = frozenset(endpoints)
        self._plan: deque[FaultKind | None] = deque()
        self._phones: dict[str, _PhoneFault] = {}

    def set_rate(self, kind: FaultKind, rate: float) -> None:
        """Change one kind's rate at run time (``ValueError`` if the total would pass 1)."""
        with self._lock:
            rates = {**self._rates, kind: rate}
            check_rates(rates)
            self._rates = {name: value for name, value in rates.items() if value > 0}

    def rates(self) -> dict[FaultKind, float]:
        """The current non-zero rates."""
        with self._lock:
            return dict(self._rates)

    def plan(self, faults: Iterable[FaultKind | str | None]) -> None:
        """Queue faults for the next SendSMS requests, one each, in order (``None``: no fault)."""
        planned = [None if fault is None else FaultKind.parse(fault) for fault in faults]
        with self._lock:
            self._plan.extend(planned)

    def planned(self) -> int:
        """How many planned faults are still waiting for a request."""
        with self._lock:
            return len(self._plan)

    def for_phone(self, phone: str, kind: FaultKind | str | None, times: int | None = None) -> None:
        """Give SendSMS requests to ``phone`` this fault (``times`` requests, or all); ``None`` clears."""
        if times is not None and times < 1:
            raise ValueError("times must be at least 1")
        parsed = None if kind is None else FaultKind.parse(kind)
        with self._lock:
            if parsed is None and times is None:
                self._phones.pop(phone, None)
            else:
                self._phones[phone] = _PhoneFault(parsed, times)

    def choose(self, endpoint: str, phone: str) -> FaultKind | None:
        """The fault for one request to ``endpoint`` (``"SendSMS"`` …) for ``phone`` ('' if none)."""
        with self._lock:
            if endpoint == SEND_SMS:
                keyed = self._phones.get(phone)
                if keyed is not None:
                    if keyed.remaining is not None:
                        keyed.remaining -= 1
                        if keyed.remaining == 0:
                            del self._phones[phone]
                    return keyed.kind
                if self._plan:
                    return self._plan.popleft()
            if not self._rates or endpoint not in self._endpoints:
                return None
            draw = self._random.random()
            for kind, rate in self._rates.items():
                if draw < rate:
                    return kind
                draw -= rate
            return None
