"""Encoding, units and segments of one message text, counted the way operators bill it.

* Encoding ``T`` (GSM 7-bit) when every character is in the GSM 03.38 default alphabet or its
  extension table, otherwise ``U`` (UCS-2). The caller may force either (``EncodingPolicy``).
* ``characters`` are Unicode code points of the normalized text (``normalization.py``), which is
  what is sent: ``é`` is one character however it was typed, an emoji outside the BMP is one
  character (two units), and a skin-tone emoji or a flag is two code points, so two characters.
* ``units``: septets for ``T`` (an extension character such as ``€`` or ``]`` takes two: the escape
  and the character); UTF-16 code units for ``U`` (a character outside the BMP takes two; ``€`` takes
  one).
* A single part holds 160 septets or 70 UTF-16 units. A longer message is split into parts of 153
  septets or 67 units (the rest of each part is the concatenation header). An escape pair or a
  surrogate pair is never split across two parts: the part ends one unit early, and this can add a
  whole part (153 ``]`` are three parts, not two).
* Empty text has 0 segments: nothing is sent and nothing is billed. It carries the blocking problem
  ``empty`` so the send engine refuses it; every non-empty text has at least one segment.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from liasmart_desktop.core.text.gsm import (
    EXTENSION_PATTERN,
    NON_BASIC_PATTERN,
    NON_GSM_PATTERN,
    non_gsm_characters,
)
from liasmart_desktop.core.text.normalization import normalize_text
from liasmart_desktop.core.text.problems import TextIssue, TextProblem, find_problems

SINGLE_PART_SEPTETS: Final = 160
MULTI_PART_SEPTETS: Final = 153
SINGLE_PART_UCS2_UNITS: Final = 70
MULTI_PART_UCS2_UNITS: Final = 67

_UTF16: Final = "utf-16-le"
_UTF16_UNIT_BYTES: Final = 2
_ASTRAL_PATTERN: Final = re.compile("[\U00010000-\U0010ffff]")


class Encoding(enum.StrEnum):
    """The LiaSmart ``encoding`` parameter: ``T`` for GSM 7-bit text, ``U`` for Unicode (UCS-2)."""

    GSM7 = "T"
    UCS2 = "U"

    @property
    def single_part_units(self) -> int:
        """Units that fit in a message of one part."""
        return SINGLE_PART_SEPTETS if self is Encoding.GSM7 else SINGLE_PART_UCS2_UNITS

    @property
    def multi_part_units(self) -> int:
        """Units per part once a message needs more than one."""
        return MULTI_PART_SEPTETS if self is Encoding.GSM7 else MULTI_PART_UCS2_UNITS


class EncodingPolicy(enum.StrEnum):
    """How the encoding is chosen: from the text (``auto``), or forced by the user."""

    AUTO = "auto"
    GSM7 = "T"
    UCS2 = "U"


@dataclass(frozen=True, slots=True)
class TextAnalysis:
    """What one message costs and why; ``text`` is exactly what is sent."""

    text: str
    encoding: Encoding
    units: int
    segments: int
    #: Units still free in the last part (in a single part: up to 160 or 70).
    remaining: int
    #: Units left empty at part ends because an escape or surrogate pair may not straddle them.
    padding: int
    problems: tuple[TextProblem, ...]
    policy: EncodingPolicy = EncodingPolicy.AUTO

    @property
    def characters(self) -> int:
        """Code points of the normalized text."""
        return len(self.text)

    @property
    def unicode_characters(self) -> tuple[str, ...]:
        """The distinct characters outside the GSM alphabet, in order of first appearance.

        They are the characters that force ``U`` (under a forced ``T``, the ones that would be lost).
        Derived on access: a campaign of Chinese messages never needs the list for every row.
        """
        return non_gsm_characters(self.text)

    @property
    def per_segment(self) -> int:
        """Units per part as it applies: 160 or 70 for one part, 153 or 67 once split."""
        if self.segments > 1:
            return self.encoding.multi_part_units
        return self.encoding.single_part_units

    @property
    def double_unit_characters(self) -> int:
        """Characters that take two units (extension characters in ``T``, non-BMP in ``U``)."""
        return self.units - self.characters

    @property
    def blocks_sending(self) -> bool:
        """Whether a problem forbids sending this text as it is."""
        return any(problem.code.blocks_sending for problem in self.problems)

    @property
    def to_save_part(self) -> int:
        """Characters to delete from the end so that the message needs one part fewer (0 for one part).

        Exact, including extension characters, surrogate pairs, padding at part ends and a text that
        becomes ``T`` once its last Unicode character is gone.
        """
        if self.segments <= 1:
            return 0
        length = len(self.text)
        low, high = 1, length  # deleting everything always saves a part
        while low < high:
            middle = (low + high) // 2
            if _measure(self.text[: length - middle], self.policy).segments < self.segments:
                high = middle
            else:
                low = middle + 1
        return low


def _pack(units: int, per_part: int, pair_offsets: Iterable[int]) -> tuple[int, int, int]:
    """Parts, units free in the last part and padding, for units of which pairs start at ``pair_offsets``.

    Walks only the pairs (ascending unit offsets), not every character.
    """
    parts, start, padding = 1, 0, 0
    for offset in pair_offsets:
        if offset >= start + per_part:
            skipped = (offset - start) // per_part
            parts += skipped
            start += skipped * per_part
        if offset + 2 > start + per_part:  # the pair would straddle: the next part starts with it
            padding += start + per_part - offset
            parts += 1
            start = offset
    if units > start + per_part:
        extra = -(-(units - start - per_part) // per_part)
        parts += extra
        start += extra * per_part
    return parts, per_part - (units - start), padding


def _split(text: str, encoding: Encoding, units: int, pairs: bool) -> tuple[int, int, int]:
    """Parts, units free in the last part and padding of a text longer than one part."""
    per_part = encoding.multi_part_units
    if not pairs:
        parts = -(-units // per_part)
        return parts, parts * per_part - units, 0
    pattern = EXTENSION_PATTERN if encoding is Encoding.GSM7 else _ASTRAL_PATTERN
    # The k-th two-unit character at code point i starts at unit offset i + k.
    offsets = (match.start() + index for index, match in enumerate(pattern.finditer(text)))
    return _pack(units, per_part, offsets)


def _empty(encoding: Encoding, policy: EncodingPolicy) -> TextAnalysis:
    return TextAnalysis(
        "", encoding, 0, 0, encoding.single_part_units, 0, (TextProblem(TextIssue.EMPTY),), policy
    )


_EMPTY_BY_POLICY: Final = {
    EncodingPolicy.AUTO: _empty(Encoding.GSM7, EncodingPolicy.AUTO),
    EncodingPolicy.GSM7: _empty(Encoding.GSM7, EncodingPolicy.GSM7),
    EncodingPolicy.UCS2: _empty(Encoding.UCS2, EncodingPolicy.UCS2),
}
# Module-level names: this function runs once per recipient, and a global is cheaper to reach
# than an attribute of an enum class.
_GSM7, _UCS2 = Encoding.GSM7, Encoding.UCS2
_AUTO, _FORCE_UCS2 = EncodingPolicy.AUTO, EncodingPolicy.UCS2
_find_non_basic = NON_BASIC_PATTERN.search
_find_non_gsm = NON_GSM_PATTERN.search
_find_extensions = EXTENSION_PATTERN.findall
_NO_PROBLEMS: Final[tuple[TextProblem, ...]] = ()
_BLANK: Final = (TextProblem(TextIssue.BLANK),)


def _measure(text: str, policy: EncodingPolicy) -> TextAnalysis:
    """The analysis of an already normalized ``text``."""
    if not text:
        return _EMPTY_BY_POLICY[policy]
    special = _find_non_basic(text)
    if special is None:
        # Only default-alphabet characters, the usual case: one scan decides nearly everything,
        # and no risky character can be present (they are all outside the GSM alphabet).
        gsm, first_special = True, len(text)
        problems = _BLANK if text.isspace() else _NO_PROBLEMS
    else:
        first_special = special.start()
        gsm = _find_non_gsm(text, first_special) is None
        problems = find_problems(text)
    if policy is _FORCE_UCS2 or (not gsm and policy is _AUTO):
        encoding, single = _UCS2, SINGLE_PART_UCS2_UNITS
        units = len(text.encode(_UTF16, "surrogatepass")) // _UTF16_UNIT_BYTES
        pairs = units > len(text)
    else:
        encoding, single = _GSM7, SINGLE_PART_SEPTETS
        doubled = len(_find_extensions(text, first_special))
        units = len(text) + doubled
        pairs = doubled > 0
        if not gsm:
            lost = TextProblem(TextIssue.NOT_IN_GSM_ALPHABET, non_gsm_characters(text))
            problems = (*problems, lost)
    if units <= single:
        segments, remaining, padding = 1, single - units, 0
    else:
        segments, remaining, padding = _split(text, encoding, units, pairs)
    return TextAnalysis(text, encoding, units, segments, remaining, padding, problems, policy)


def analyze(text: str, policy: EncodingPolicy = EncodingPolicy.AUTO) -> TextAnalysis:
    """Normalize ``text`` (LF line breaks, NFC) and count it for ``policy``."""
    return _measure(normalize_text(text), policy)
