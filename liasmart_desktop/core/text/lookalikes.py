"""Safe look-alike replacements for characters that force Unicode, as advice with counts before and after.

Only characters whose replacement keeps the meaning are listed: typographic quotes and apostrophes,
dashes and the minus sign, the ellipsis, odd spaces, Unicode line separators, full-width ASCII, and
the invisible and control characters that ``problems.py`` reports (replaced by nothing). Letters are
never changed: ``é`` stays ``é`` (it is GSM anyway) and ``ç``, ``á`` or ``ł`` have no entry, because
dropping an accent changes a word. Full-width letters map to their ASCII forms, which is their
Unicode compatibility (NFKC) equivalent, not a different letter.

Nothing here changes a text on its own: ``advise`` reports what a replacement would do (the part
count before and after, like Sinch, which converts only when that saves parts), and
``replace_lookalikes`` is the explicit action the user chose. Some replacements change the length:
``…`` becomes ``...`` (three characters), which the ``after`` analysis shows.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from liasmart_desktop.core.text.analysis import EncodingPolicy, TextAnalysis, analyze
from liasmart_desktop.core.text.gsm import GSM_CHARACTERS
from liasmart_desktop.core.text.problems import BIDI_CONTROLS, CONTROL_CHARACTERS, INVISIBLE_CHARACTERS

_FULL_WIDTH_FIRST, _FULL_WIDTH_LAST = 0xFF01, 0xFF5E  # ！ … ～, the full-width forms of ! … ~
_FULL_WIDTH_OFFSET: Final = 0xFEE0


class LookalikeKind(enum.StrEnum):
    """Why a character may be replaced: the GUI groups and explains replacements by kind."""

    QUOTE = "quote"
    DASH = "dash"
    ELLIPSIS = "ellipsis"
    SPACE = "space"
    LINE_BREAK = "line_break"
    FULL_WIDTH = "full_width"
    INVISIBLE = "invisible"
    CONTROL = "control"


def _table() -> dict[str, tuple[str, LookalikeKind]]:
    table: dict[str, tuple[str, LookalikeKind]] = {}

    def add(characters: Iterable[str], replacement: str, kind: LookalikeKind) -> None:
        for char in characters:
            table[char] = (replacement, kind)

    # ‘ ’ ‚ ‛ ′ ‵ ´ ` ʹ ʻ ʼ ‹ ›  and  “ ” „ ‟ ″ ‶ « »
    add("\u2018\u2019\u201a\u201b\u2032\u2035\u00b4`\u02b9\u02bb\u02bc\u2039\u203a", "'", LookalikeKind.QUOTE)
    add("\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb", '"', LookalikeKind.QUOTE)
    # ‐ ‑ ‒ – — ― − ﹘ ﹣
    add("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63", "-", LookalikeKind.DASH)
    add("\u2026", "...", LookalikeKind.ELLIPSIS)
    # TAB, no-break space, ogham space, en quad … hair space, narrow no-break, medium math, ideographic
    spaces = "\t\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
    add(spaces, " ", LookalikeKind.SPACE)
    add("\u000b\u0085\u2028\u2029", "\n", LookalikeKind.LINE_BREAK)
    for code in range(_FULL_WIDTH_FIRST, _FULL_WIDTH_LAST + 1):
        ascii_form = chr(code - _FULL_WIDTH_OFFSET)
        if ascii_form in GSM_CHARACTERS:
            table[chr(code)] = (ascii_form, LookalikeKind.FULL_WIDTH)
    add(sorted(INVISIBLE_CHARACTERS), "", LookalikeKind.INVISIBLE)
    add(sorted(BIDI_CONTROLS | (CONTROL_CHARACTERS - table.keys())), "", LookalikeKind.CONTROL)
    return table


#: Character → (replacement, kind). Every replacement is made of GSM characters.
LOOKALIKES: Final[Mapping[str, tuple[str, LookalikeKind]]] = MappingProxyType(_table())


@dataclass(frozen=True, slots=True)
class Replacement:
    """One look-alike a text contains, what it would become and how often it occurs."""

    character: str
    replacement: str
    kind: LookalikeKind
    occurrences: int


@dataclass(frozen=True, slots=True)
class LookalikeAdvice:
    """What replacing every safe look-alike of a text would change."""

    before: TextAnalysis
    #: The analysis of the text with all ``replacements`` made.
    after: TextAnalysis
    replacements: tuple[Replacement, ...]

    @property
    def unreplaceable(self) -> tuple[str, ...]:
        """Characters that still force Unicode afterwards (no safe look-alike: Chinese, emoji, ç …)."""
        return self.after.unicode_characters

    @property
    def parts_saved(self) -> int:
        """Parts per message the replacements save (negative when they would cost parts)."""
        return self.before.segments - self.after.segments

    @property
    def worthwhile(self) -> bool:
        """Whether offering the replacement makes sense: it saves at least one part."""
        return self.parts_saved > 0


def replace_lookalikes(text: str, characters: Iterable[str] | None = None) -> str:
    """``text`` with its look-alikes replaced: all of them, or only those in ``characters``.

    The caller calls this only on an explicit user choice; characters without an entry in
    ``LOOKALIKES`` are left as they are.
    """
    chosen = LOOKALIKES.keys() if characters is None else set(characters) & LOOKALIKES.keys()
    table = {ord(char): LOOKALIKES[char][0] for char in chosen}
    return text.translate(table)


def advise(text: str, policy: EncodingPolicy = EncodingPolicy.AUTO) -> LookalikeAdvice:
    """Which characters of ``text`` have safe look-alikes, and the part count before and after."""
    before = analyze(text, policy)
    replacements = tuple(
        Replacement(char, *LOOKALIKES[char], before.text.count(char))
        for char in before.unicode_characters
        if char in LOOKALIKES
    )
    if not replacements:
        return LookalikeAdvice(before, before, ())
    after = analyze(replace_lookalikes(before.text, (r.character for r in replacements)), policy)
    return LookalikeAdvice(before, after, replacements)
