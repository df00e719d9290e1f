"""Whether a text is written in a script the GSM alphabet cannot hold (Chinese, Cyrillic, Arabic …).

Such a text is Unicode by nature: pointing at each of its characters as "the ones that force
Unicode" helps nobody, while a stray curly quote in English text is worth pointing at.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

#: First word of the Unicode character names of scripts that are always outside the GSM alphabet.
_NON_GSM_SCRIPTS = frozenset(
    {
        "CJK",
        "HANGUL",
        "HIRAGANA",
        "KATAKANA",
        "BOPOMOFO",
        "CYRILLIC",
        "ARABIC",
        "HEBREW",
        "THAI",
        "DEVANAGARI",
        "BENGALI",
        "TAMIL",
        "TELUGU",
        "GUJARATI",
        "GURMUKHI",
        "KANNADA",
        "MALAYALAM",
        "SINHALA",
        "KHMER",
        "LAO",
        "MYANMAR",
        "GEORGIAN",
        "ARMENIAN",
        "ETHIOPIC",
        "TIBETAN",
        "MONGOLIAN",
        "YI",
    }
)


def is_script_letter(character: str) -> bool:
    """Whether ``character`` is a letter of a script outside the GSM alphabet."""
    if not unicodedata.category(character).startswith("L"):
        return False
    name = unicodedata.name(character, "")
    return name.split(" ", 1)[0] in _NON_GSM_SCRIPTS


def written_in_unicode_script(characters: Iterable[str]) -> bool:
    """Whether any of ``characters`` (a text's non-GSM characters) is such a letter."""
    return any(is_script_letter(character) for character in characters)
