"""Which characters are problems, found the same way by the fast scan and by the classification."""

from __future__ import annotations

import itertools

import pytest

from liasmart_desktop.core.text.gsm import GSM_CHARACTERS
from liasmart_desktop.core.text.problems import (
    BIDI_CONTROLS,
    CONTROL_CHARACTERS,
    INVISIBLE_CHARACTERS,
    TextIssue,
    TextProblem,
    character_issue,
    find_problems,
)


@pytest.mark.parametrize(
    ("char", "issue"),
    [
        ("\x00", TextIssue.CONTROL_CHARACTER),
        ("\x1b", TextIssue.CONTROL_CHARACTER),
        ("\x7f", TextIssue.CONTROL_CHARACTER),
        ("\x9f", TextIssue.CONTROL_CHARACTER),
        ("\t", None),
        ("\u202d", TextIssue.BIDI_CONTROL),
        ("\u2068", TextIssue.BIDI_CONTROL),
        ("\ufeff", TextIssue.INVISIBLE_CHARACTER),
        ("\u200f", TextIssue.INVISIBLE_CHARACTER),
        ("\udfff", TextIssue.LONE_SURROGATE),
        ("\u200d", None),
        ("中", None),
    ],
)
def test_character_issue(char: str, issue: TextIssue | None) -> None:
    assert character_issue(char) is issue


def test_empty_text_is_its_own_problem() -> None:
    assert find_problems("") == (TextProblem(TextIssue.EMPTY),)


def test_no_gsm_character_is_a_problem() -> None:
    # CR is GSM and a control character, but it has become LF before anything is counted.
    assert all(character_issue(char) is None for char in GSM_CHARACTERS - {"\r"})


def test_sets_do_not_overlap() -> None:
    for first, second in itertools.combinations([BIDI_CONTROLS, CONTROL_CHARACTERS, INVISIBLE_CHARACTERS], 2):
        assert not first & second


def test_the_fast_scan_finds_every_problem_character() -> None:
    # The scan decides whether the classification runs at all, so the two must agree everywhere.
    for code in [*range(0x3100), *range(0xD800, 0xE000), *range(0xFE00, 0x10000)]:
        char = chr(code)
        if char in GSM_CHARACTERS:
            continue
        issue = character_issue(char)
        expected = () if issue is None else (TextProblem(issue, (char,)),)
        assert find_problems("x" + char) == expected, hex(code)
