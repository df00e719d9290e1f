"""What can be wrong with a message text: codes and the characters involved, never user prose.

Decisions (docs/decisions.md, "What a message text becomes"):

* Empty text, text of only spaces and invisible characters, C0/C1 control characters (all but TAB,
  LF and FF; CR has become LF by then), lone surrogates (they cannot be encoded) and the bidi
  embedding, override and isolate controls U+202A–U+202E and U+2066–U+2069 (they can make a text
  read differently from what is sent, "Trojan Source", CVE-2021-42574) **block sending**. The text is
  never cleaned silently: the caller shows the problem and may offer ``lookalikes.replace_lookalikes``,
  which removes such characters only when asked.
* Zero-width and other invisible format characters (ZWSP, word joiner, BOM, soft hyphen, LRM, RLM,
  ALM) are a **warning**: harmless to send, but one of them turns a GSM message into Unicode.
  ZWJ and ZWNJ are not reported: emoji sequences and Persian or Indic spelling need them.
* TAB is sendable in Unicode; it forces Unicode like any other non-GSM character and has a
  look-alike (a space).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

BIDI_CONTROLS: Final = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
INVISIBLE_CHARACTERS: Final = frozenset(
    "\u00ad\u061c\u180e\u200b\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"
)
#: C0 and C1 control characters (Unicode category Cc) that must not be sent. TAB, LF and FF are
#: sendable; CR has become LF before anything is counted.
CONTROL_CHARACTERS: Final = frozenset(
    chr(code) for code in (*range(0x20), *range(0x7F, 0xA0)) if chr(code) not in "\t\n\f\r"
)
_SPACE_LIKE: Final = INVISIBLE_CHARACTERS | BIDI_CONTROLS


class TextIssue(enum.StrEnum):
    """A kind of problem found in a message text."""

    EMPTY = "empty"
    BLANK = "blank"
    CONTROL_CHARACTER = "control_character"
    LONE_SURROGATE = "lone_surrogate"
    BIDI_CONTROL = "bidi_control"
    INVISIBLE_CHARACTER = "invisible_character"
    #: Encoding T was forced although these characters are not in the GSM alphabet: the provider will
    #: replace or drop them. Shown so the user confirms knowingly; ``auto`` never produces it.
    NOT_IN_GSM_ALPHABET = "not_in_gsm_alphabet"

    @property
    def blocks_sending(self) -> bool:
        """Whether a message with this problem must not be sent as it is."""
        return self in _BLOCKING


_BLOCKING: Final = frozenset(
    {
        TextIssue.EMPTY,
        TextIssue.BLANK,
        TextIssue.CONTROL_CHARACTER,
        TextIssue.LONE_SURROGATE,
        TextIssue.BIDI_CONTROL,
    }
)


@dataclass(frozen=True, slots=True)
class TextProblem:
    """One problem and the distinct characters that cause it, in order of first appearance."""

    code: TextIssue
    characters: tuple[str, ...] = ()


_ISSUE_OF: Final = MappingProxyType(
    {
        **dict.fromkeys(CONTROL_CHARACTERS, TextIssue.CONTROL_CHARACTER),
        **dict.fromkeys(BIDI_CONTROLS, TextIssue.BIDI_CONTROL),
        **dict.fromkeys(INVISIBLE_CHARACTERS, TextIssue.INVISIBLE_CHARACTER),
    }
)
_SURROGATES: Final = "\ud800-\udfff"
# One C-level scan tells whether any character needs a closer look (most texts have none). It
# matches exactly the characters of _ISSUE_OF and the lone surrogates.
_RISKY_PATTERN: Final = re.compile("[" + re.escape("".join(sorted(_ISSUE_OF))) + _SURROGATES + "]")


def character_issue(char: str) -> TextIssue | None:
    """The problem a single character causes, if any."""
    if "\ud800" <= char <= "\udfff":
        return TextIssue.LONE_SURROGATE
    return _ISSUE_OF.get(char)


def _is_blank(text: str) -> bool:
    stripped = text.strip()
    return all(char.isspace() or char in _SPACE_LIKE for char in stripped)


_NO_PROBLEMS: Final[tuple[TextProblem, ...]] = ()
_EMPTY: Final = (TextProblem(TextIssue.EMPTY),)
_BLANK: Final = (TextProblem(TextIssue.BLANK),)


def find_problems(text: str) -> tuple[TextProblem, ...]:
    """The problems of a normalized ``text``, each with its distinct characters in order of appearance."""
    if not text:
        return _EMPTY
    if _RISKY_PATTERN.search(text) is None:  # the common case: one scan in C
        return _BLANK if text.isspace() else _NO_PROBLEMS
    found: dict[TextIssue, list[str]] = {}
    for char in dict.fromkeys(_RISKY_PATTERN.findall(text)):
        found.setdefault(_ISSUE_OF.get(char, TextIssue.LONE_SURROGATE), []).append(char)
    problems = [TextProblem(issue, tuple(chars)) for issue, chars in found.items()]
    if _is_blank(text):
        problems.insert(0, TextProblem(TextIssue.BLANK))
    return tuple(problems)
