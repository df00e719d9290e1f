"""What a campaign's texts carry: characters T loses, long messages, and the 255-part ceiling."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from liasmart_desktop.core.text import (
    LONG_MESSAGE_PARTS,
    MAX_PARTS,
    EncodingPolicy,
    SendTextIssue,
    SendTextProblem,
    analyze,
    check_texts,
)


@dataclass(frozen=True)
class Message:
    text: str
    segments: int


def messages(*texts: str, policy: EncodingPolicy = EncodingPolicy.AUTO) -> list[Message]:
    return [Message(text, analyze(text, policy).segments) for text in texts]


def test_plain_short_texts_have_no_problem() -> None:
    assert check_texts("auto", messages("Hello", "你好")) == ()
    assert check_texts("T", messages("Hello €", policy=EncodingPolicy.GSM7)) == ()
    assert check_texts("U", messages("Hello")) == ()
    assert check_texts("auto", []) == ()


def test_forced_t_names_every_character_it_would_lose_in_order() -> None:
    found = check_texts("T", messages("你好 Ann", "Hi 张三, 你好", policy=EncodingPolicy.GSM7))
    assert found == (SendTextProblem(SendTextIssue.LOST_CHARACTERS, ("你", "好", "张", "三")),)
    assert not found[0].blocks_sending


def test_automatic_or_unicode_never_loses_characters() -> None:
    assert check_texts(EncodingPolicy.AUTO, messages("你好")) == ()
    assert check_texts(EncodingPolicy.UCS2, messages("你好", policy=EncodingPolicy.UCS2)) == ()


def test_more_than_ten_parts_needs_a_confirmation() -> None:
    ten = "x" * 153 * LONG_MESSAGE_PARTS
    assert analyze(ten).segments == LONG_MESSAGE_PARTS
    assert check_texts("auto", messages(ten)) == ()
    found = check_texts("auto", messages(ten, ten + "x", "x" * 5000))
    assert found == (SendTextProblem(SendTextIssue.LONG_MESSAGE, parts=33, limit=10, messages=2),)
    assert not found[0].blocks_sending


def test_more_than_255_parts_blocks_sending_and_hides_the_long_question() -> None:
    found = check_texts("auto", messages("x" * 153 * MAX_PARTS, "x" * (153 * MAX_PARTS + 1)))
    assert found == (SendTextProblem(SendTextIssue.TOO_MANY_PARTS, parts=256, limit=255, messages=1),)
    assert found[0].blocks_sending


def test_several_problems_come_most_serious_first() -> None:
    text = "你" + "x" * (153 * MAX_PARTS + 1)
    found = check_texts("T", messages(text, policy=EncodingPolicy.GSM7))
    assert [problem.code for problem in found] == [
        SendTextIssue.TOO_MANY_PARTS,
        SendTextIssue.LOST_CHARACTERS,
    ]


@pytest.mark.parametrize("policy", ["auto", "T", "U"])
def test_policy_may_be_its_value(policy: str) -> None:
    assert check_texts(policy, messages("Hi")) == ()
