"""Line breaks and Unicode normalization: the text that is counted is the text that is sent."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liasmart_desktop.core.text import normalize_text


@pytest.mark.parametrize(
    ("raw", "sent"),
    [
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("a\r\n\r\nb\r", "a\n\nb\n"),
        ("a\n\rb", "a\n\nb"),
        ("e\u0301", "é"),
        ("A\u030a", "Å"),
        ("\u2126", "Ω"),  # the Ohm sign is canonically the Greek capital omega, which is GSM
        ("plain", "plain"),
    ],
)
def test_line_breaks_become_lf_and_text_becomes_nfc(raw: str, sent: str) -> None:
    assert normalize_text(raw) == sent


def test_accents_and_compatibility_forms_are_kept() -> None:
    # NFC, not NFKC: full-width letters and ligatures are not rewritten behind the user's back.
    assert normalize_text("ｆｕｌｌ ﬁ ç") == "ｆｕｌｌ ﬁ ç"


def test_lone_surrogates_pass_through_unchanged() -> None:
    assert normalize_text("a\ud800") == "a\ud800"


@given(st.text(alphabet=st.sampled_from("ae\u0301\u0308\r\n中 A\u030a")) | st.text())
def test_normalization_is_idempotent_and_leaves_no_cr(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert "\r" not in once
    assert unicodedata.is_normalized("NFC", once)
