"""The GSM 03.38 (3GPP TS 23.038) default alphabet and its extension table, as data."""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Final

#: Septet value → character of the default alphabet. 0x1B is the escape to the extension table
#: (``None``); 0x09 is capital Ç, as in TS 23.038 (lower-case ç is not in the alphabet).
GSM_BASIC_TABLE: Final[tuple[str | None, ...]] = (
    *"@£$¥èéùìòÇ\nØø\rÅå",
    *"Δ_ΦΓΛΩΠΨΣΘΞ",
    None,
    *"ÆæßÉ",
    *" !\"#¤%&'()*+,-./",
    *"0123456789:;<=>?",
    *"¡ABCDEFGHIJKLMNO",
    *"PQRSTUVWXYZÄÖÑÜ§",
    *"¿abcdefghijklmno",
    *"pqrstuvwxyzäöñüà",
)

#: Septet after the escape (0x1B) → character. Each costs two septets: the escape and this one.
#: CR2 (0x0D) and SS2 (0x1B) have no character of their own and are left out.
GSM_EXTENSION_TABLE: Final = MappingProxyType(
    {
        0x0A: "\f",
        0x14: "^",
        0x28: "{",
        0x29: "}",
        0x2F: "\\",
        0x3C: "[",
        0x3D: "~",
        0x3E: "]",
        0x40: "|",
        0x65: "€",
    }
)

GSM_BASIC_CHARACTERS: Final = frozenset(char for char in GSM_BASIC_TABLE if char is not None)
GSM_EXTENSION_CHARACTERS: Final = frozenset(GSM_EXTENSION_TABLE.values())
GSM_CHARACTERS: Final = GSM_BASIC_CHARACTERS | GSM_EXTENSION_CHARACTERS


def _character_class(characters: frozenset[str], *, negate: bool = False, repeat: bool = False) -> str:
    body = "".join(re.escape(char) for char in sorted(characters))
    return f"[{'^' if negate else ''}{body}]{'+' if repeat else ''}"


# Regular expressions scan in C; a Python loop over every character would be the slow part of a
# campaign of 100,000 messages (benchmarks/text_engine.py).
NON_GSM_PATTERN: Final = re.compile(_character_class(GSM_CHARACTERS, negate=True))
#: Anything but the default alphabet: an extension character or a non-GSM one.
NON_BASIC_PATTERN: Final = re.compile(_character_class(GSM_BASIC_CHARACTERS, negate=True))
GSM_RUN_PATTERN: Final = re.compile(_character_class(GSM_CHARACTERS, repeat=True))
EXTENSION_PATTERN: Final = re.compile(_character_class(GSM_EXTENSION_CHARACTERS))


def is_gsm(text: str) -> bool:
    """Whether every character of ``text`` is in the GSM default alphabet or its extension table."""
    return NON_GSM_PATTERN.search(text) is None


def non_gsm_characters(text: str) -> tuple[str, ...]:
    """The distinct characters of ``text`` outside the GSM alphabet, in order of first appearance."""
    # Deleting the GSM runs in C leaves only the few characters that need a Python-level look.
    return tuple(dict.fromkeys(GSM_RUN_PATTERN.sub("", text)))
