"""The sender ID rule: alphanumeric up to the configured length, numeric up to 15 digits, ASCII only."""

from __future__ import annotations

import pytest

from liasmart_desktop.core.sender_id import SenderIdProblem, SenderIdRule, check_sender_id


@pytest.mark.parametrize(
    ("sender_id", "problem"),
    [
        ("LIASMART", None),
        ("Shop 24", None),
        ("A" * 11, None),
        ("A" * 12, SenderIdProblem.TOO_LONG),
        ("8613912345678", None),
        ("1" * 16, SenderIdProblem.NUMERIC_TOO_LONG),
        ("", SenderIdProblem.EMPTY),
        ("   ", SenderIdProblem.EMPTY),
        (" LIA", SenderIdProblem.SURROUNDING_SPACE),
        ("LIАSMART", SenderIdProblem.NOT_ASCII),  # a Cyrillic А
        ("ＬＩＡ", SenderIdProblem.NOT_ASCII),
        ("LIA-SMART", SenderIdProblem.BAD_CHARACTER),
    ],
)
def test_default_rule(sender_id: str, problem: SenderIdProblem | None) -> None:
    assert check_sender_id(sender_id) is problem


def test_the_rule_is_configurable() -> None:
    strict = SenderIdRule(max_alphanumeric=6, max_numeric=10, allow_space=False)
    assert check_sender_id("SHOP24", strict) is None
    assert check_sender_id("SHOP245", strict) is SenderIdProblem.TOO_LONG
    assert check_sender_id("SHOP 2", strict) is SenderIdProblem.BAD_CHARACTER
    assert check_sender_id("12345678901", strict) is SenderIdProblem.NUMERIC_TOO_LONG
