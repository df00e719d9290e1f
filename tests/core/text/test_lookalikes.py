"""Look-alike advice: counts before and after, explicit replacement only, accents never touched."""

from __future__ import annotations

import unicodedata

import pytest

from liasmart_desktop.core.text import (
    LOOKALIKES,
    Encoding,
    EncodingPolicy,
    LookalikeKind,
    Replacement,
    advise,
    replace_lookalikes,
)
from liasmart_desktop.core.text.gsm import GSM_CHARACTERS, is_gsm


def test_curly_quotes_and_dash_would_make_the_text_gsm() -> None:
    advice = advise("It’s “great” – thanks")
    assert advice.replacements == (
        Replacement("’", "'", LookalikeKind.QUOTE, 1),
        Replacement("“", '"', LookalikeKind.QUOTE, 1),
        Replacement("”", '"', LookalikeKind.QUOTE, 1),
        Replacement("–", "-", LookalikeKind.DASH, 1),
    )
    assert advice.before.encoding is Encoding.UCS2
    assert advice.after.encoding is Encoding.GSM7
    assert advice.after.text == 'It\'s "great" - thanks'
    assert advice.unreplaceable == ()
    # One part either way: the replacement would save nothing, so it is not worth offering.
    assert (advice.before.segments, advice.after.segments, advice.parts_saved) == (1, 1, 0)
    assert not advice.worthwhile


def test_saving_a_part_is_worthwhile() -> None:
    advice = advise("a" * 100 + "’")
    assert (advice.before.segments, advice.after.segments) == (2, 1)
    assert advice.parts_saved == 1
    assert advice.worthwhile


def test_the_text_itself_is_never_changed_by_advice() -> None:
    text = "It’s"
    advice = advise(text)
    assert advice.before.text == "It’s"
    assert text == "It’s"


def test_ellipsis_becomes_three_characters_and_the_counts_show_it() -> None:
    advice = advise("Wait…")
    assert advice.replacements == (Replacement("…", "...", LookalikeKind.ELLIPSIS, 1),)
    assert (advice.before.characters, advice.after.characters) == (5, 7)


def test_a_replacement_can_cost_parts_and_then_is_not_worthwhile() -> None:
    # 69 Chinese characters and an ellipsis: still Unicode afterwards, and two units longer.
    advice = advise("中" * 69 + "…")
    assert (advice.before.segments, advice.after.segments) == (1, 2)
    assert advice.parts_saved == -1
    assert not advice.worthwhile
    assert advice.unreplaceable == ("中",)


def test_accents_are_never_stripped() -> None:
    text = "Ça va? ça va, señor Łódź – ok"
    advice = advise(text)
    assert [r.character for r in advice.replacements] == ["–"]
    assert advice.after.text == "Ça va? ça va, señor Łódź - ok"
    assert advice.unreplaceable == ("ç", "Ł", "ó", "ź")


def test_no_lookalikes_means_after_is_before() -> None:
    advice = advise("中文")
    assert advice.replacements == ()
    assert advice.after is advice.before


def test_odd_spaces_invisible_and_full_width() -> None:
    text = "ＡＢＣ１２３！\u00a0a\u2009b\u200bc\u3000d\u2028e"
    advice = advise(text)
    assert advice.after.text == "ABC123! a bc d\ne"
    assert advice.after.encoding is Encoding.GSM7
    kinds = {r.character: r.kind for r in advice.replacements}
    assert kinds["Ａ"] is LookalikeKind.FULL_WIDTH
    assert kinds["\u00a0"] is LookalikeKind.SPACE
    assert kinds["\u200b"] is LookalikeKind.INVISIBLE
    assert kinds["\u2028"] is LookalikeKind.LINE_BREAK


def test_occurrences_are_counted() -> None:
    advice = advise("’’’ and ’")
    assert advice.replacements == (Replacement("’", "'", LookalikeKind.QUOTE, 4),)


def test_replace_only_the_chosen_characters() -> None:
    assert replace_lookalikes("“It’s”", ["’"]) == "“It's”"
    assert replace_lookalikes("“It’s”") == '"It\'s"'
    assert replace_lookalikes("ça va…", ["ç"]) == "ça va…"  # ç has no look-alike: left alone


def test_control_and_bidi_characters_can_be_removed_on_request() -> None:
    assert replace_lookalikes("pay \u202eusd\x00\tnow") == "pay usd now"
    advice = advise("a\u202eb")
    assert advice.before.blocks_sending
    assert not advice.after.blocks_sending
    assert advice.replacements[0].kind is LookalikeKind.CONTROL


def test_advice_under_forced_gsm_reduces_the_lost_characters() -> None:
    advice = advise("It’s 😀", EncodingPolicy.GSM7)
    assert advice.before.unicode_characters == ("’", "😀")
    assert advice.after.unicode_characters == ("😀",)
    assert advice.after.encoding is Encoding.GSM7


@pytest.mark.parametrize(("char", "entry"), sorted(LOOKALIKES.items()))
def test_every_entry_is_safe(char: str, entry: tuple[str, LookalikeKind]) -> None:
    replacement, _kind = entry
    assert char not in GSM_CHARACTERS
    assert is_gsm(replacement)
    # A letter or digit only ever becomes its own compatibility form (Ａ → A), never another letter:
    # no accent is dropped, ç never becomes c. (Modifier letters such as ʼ are apostrophes.)
    if any(ch.isalnum() for ch in replacement) or unicodedata.category(char) in {"Lu", "Ll", "Lt", "Lo"}:
        assert replacement == unicodedata.normalize("NFKC", char)


@pytest.mark.parametrize("letter", list("çáíóúêâîôûëïÿłźżśćńőűąęšžčřďťňÁÍÓÚÊ"))
def test_accented_letters_have_no_entry(letter: str) -> None:
    assert letter not in LOOKALIKES
