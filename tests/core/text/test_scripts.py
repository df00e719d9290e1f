"""Texts written in a script outside the GSM alphabet are recognised as such."""

from __future__ import annotations

import pytest

from liasmart_desktop.core.text import analyze, is_script_letter, written_in_unicode_script


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("您好，您的订单已发货。", True),
        ("Привет", True),
        ("مرحبا", True),
        ("안녕하세요", True),
        ("It’s “great” – thanks", False),
        ("Ça va? ça va.", False),
        ("Hello 😀", False),
        ("，。！", False),
    ],
)
def test_script_detection(text: str, expected: bool) -> None:
    assert written_in_unicode_script(analyze(text).unicode_characters) is expected


def test_only_letters_count() -> None:
    assert is_script_letter("中")
    assert not is_script_letter("，")
    assert not is_script_letter("a")
