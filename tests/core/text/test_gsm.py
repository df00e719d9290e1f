"""The GSM 03.38 tables as data, and the character checks built on them."""

from __future__ import annotations

import pytest

from liasmart_desktop.core.text.gsm import (
    GSM_BASIC_CHARACTERS,
    GSM_BASIC_TABLE,
    GSM_CHARACTERS,
    GSM_EXTENSION_CHARACTERS,
    GSM_EXTENSION_TABLE,
    is_gsm,
    non_gsm_characters,
)


def test_basic_table_has_128_septets_with_the_escape_left_empty() -> None:
    assert len(GSM_BASIC_TABLE) == 128
    assert GSM_BASIC_TABLE[0x1B] is None
    assert len(GSM_BASIC_CHARACTERS) == 127


@pytest.mark.parametrize(
    ("septet", "char"),
    [
        (0x00, "@"),
        (0x01, "£"),
        (0x09, "Ç"),
        (0x0A, "\n"),
        (0x0D, "\r"),
        (0x10, "Δ"),
        (0x11, "_"),
        (0x24, "¤"),
        (0x40, "¡"),
        (0x5F, "§"),
        (0x60, "¿"),
        (0x7F, "à"),
    ],
)
def test_basic_table_positions_follow_ts_23_038(septet: int, char: str) -> None:
    assert GSM_BASIC_TABLE[septet] == char


def test_extension_table_holds_the_ten_escaped_characters() -> None:
    assert frozenset("\f^{}\\[~]|€") == GSM_EXTENSION_CHARACTERS
    assert GSM_EXTENSION_TABLE[0x65] == "€"
    assert GSM_EXTENSION_TABLE[0x3C] == "["
    assert not GSM_EXTENSION_CHARACTERS & GSM_BASIC_CHARACTERS
    assert GSM_CHARACTERS == GSM_BASIC_CHARACTERS | GSM_EXTENSION_CHARACTERS


@pytest.mark.parametrize("text", ["é£Ä", "Müller señor è à ù", "Price: 10€ [promo]", "ΔΦΓΛΩΠΨΣΘΞ", ""])
def test_gsm_texts(text: str) -> None:
    assert is_gsm(text)


@pytest.mark.parametrize("text", ["ç", "`", "’", "\t", "á", "中", "😀", "\u00a0", "\x1b"])
def test_non_gsm_characters(text: str) -> None:
    assert not is_gsm(text)


def test_non_gsm_characters_are_distinct_in_order_of_first_appearance() -> None:
    assert non_gsm_characters("It’s “great” – it’s “fine”") == ("’", "“", "”", "–")
    assert non_gsm_characters("plain GSM text €") == ()
