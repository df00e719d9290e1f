"""``Retry-After``: delay-seconds and HTTP-date forms, capped, and garbage ignored."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liasmart_desktop.core.api.retry_after import MAX_RETRY_AFTER_S, RetryAfter, parse_retry_after

NOW = datetime(2026, 10, 21, 7, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("7", RetryAfter(7.0, capped=False)),
        (" 7 ", RetryAfter(7.0, capped=False)),
        ("0", RetryAfter(0.0, capped=False)),
        ("600", RetryAfter(600.0, capped=False)),
        ("601", RetryAfter(MAX_RETRY_AFTER_S, capped=True)),
        ("86400", RetryAfter(MAX_RETRY_AFTER_S, capped=True)),
        ("999999999999", RetryAfter(MAX_RETRY_AFTER_S, capped=True)),
        ("9" * 5000, RetryAfter(MAX_RETRY_AFTER_S, capped=True)),
        ("Wed, 21 Oct 2026 07:00:30 GMT", RetryAfter(30.0, capped=False)),
        ("Wednesday, 21-Oct-26 07:01:00 GMT", RetryAfter(60.0, capped=False)),  # RFC 850 form
        ("Wed Oct 21 07:02:00 2026", RetryAfter(120.0, capped=False)),  # asctime form, no zone: GMT
        ("Wed, 21 Oct 2026 09:00:30 +0200", RetryAfter(30.0, capped=False)),
        ("Wed, 21 Oct 2026 06:59:00 GMT", RetryAfter(0.0, capped=False)),  # already past
        ("Thu, 22 Oct 2026 07:00:00 GMT", RetryAfter(MAX_RETRY_AFTER_S, capped=True)),
    ],
)
def test_parse(value: str, expected: RetryAfter) -> None:
    assert parse_retry_after(value, NOW) == expected


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "   ",
        "-5",
        "1.5",
        "soon",
        "٧",
        "Wed, 32 Oct 2026 07:00:00 GMT",
        "Wed, 21 Oct 99999 07:00:00 GMT",
    ],
)
def test_unreadable_is_none(value: str | None) -> None:
    assert parse_retry_after(value, NOW) is None


def test_date_without_a_given_now_uses_the_clock() -> None:
    soon = datetime.now(UTC) + timedelta(seconds=120)
    parsed = parse_retry_after(format_datetime(soon, usegmt=True))
    assert parsed is not None
    assert 110 <= parsed.seconds <= 120
    assert not parsed.capped


@settings(max_examples=300, database=None, deadline=None)
@given(st.text(max_size=60))
def test_never_raises_and_stays_in_range(value: str) -> None:
    parsed = parse_retry_after(value, NOW)
    if parsed is not None:
        assert 0.0 <= parsed.seconds <= MAX_RETRY_AFTER_S
        if parsed.capped:
            assert parsed.seconds == MAX_RETRY_AFTER_S
