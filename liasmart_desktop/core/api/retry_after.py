"""``Retry-After`` in both of its forms (delay-seconds and HTTP-date), capped."""

from __future__ import annotations

import email.utils
from dataclasses import dataclass
from datetime import UTC, datetime

#: A provider asking us to wait longer than this is treated as "pause and ask the user".
MAX_RETRY_AFTER_S = 600.0
_MAX_DELAY_DIGITS = 12


@dataclass(frozen=True, slots=True)
class RetryAfter:
    """A parsed delay: ``seconds`` already capped; ``capped`` tells that the server asked for more."""

    seconds: float
    capped: bool


def parse_retry_after(value: str | None, now: datetime | None = None) -> RetryAfter | None:
    """Parse a ``Retry-After`` header; ``None`` for a missing or unreadable value.

    ``7`` → 7 s; ``Wed, 21 Oct 2026 07:28:00 GMT`` → the time until then (0 if past);
    anything larger than ``MAX_RETRY_AFTER_S`` is capped and flagged.
    """
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    seconds: float
    if text.isascii() and text.isdigit():
        # int() refuses digit strings past 4300 characters; anything this long is "for ever" anyway.
        seconds = float(int(text)) if len(text) <= _MAX_DELAY_DIGITS else float("inf")
    else:
        try:
            when = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:  # RFC 9110 dates are GMT; a naive result means it was written without a zone
            when = when.replace(tzinfo=UTC)
        current = now if now is not None else datetime.now(UTC)
        seconds = max(0.0, (when - current).total_seconds())
    if seconds > MAX_RETRY_AFTER_S:
        return RetryAfter(MAX_RETRY_AFTER_S, capped=True)
    return RetryAfter(seconds, capped=False)
