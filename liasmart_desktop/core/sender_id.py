"""Sender ID rules: the common industry rule by default, configurable because LiaSmart publishes none.

Default: up to 11 ASCII letters, digits or spaces with at least one letter (alphanumeric), or a
numeric sender of up to 15 digits (the E.164 maximum). No leading or trailing spaces, no look-alike
letters from other scripts.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

MAX_ALPHANUMERIC_CHARS = 11
MAX_NUMERIC_DIGITS = 15


class SenderIdProblem(enum.Enum):
    """Why a sender ID cannot be used."""

    EMPTY = "empty"
    SURROUNDING_SPACE = "surrounding_space"
    NOT_ASCII = "not_ascii"
    BAD_CHARACTER = "bad_character"
    TOO_LONG = "too_long"
    NUMERIC_TOO_LONG = "numeric_too_long"


@dataclass(frozen=True, slots=True)
class SenderIdRule:
    """The limits a sender ID must respect (kept in the settings so an office can adapt them)."""

    max_alphanumeric: int = MAX_ALPHANUMERIC_CHARS
    max_numeric: int = MAX_NUMERIC_DIGITS
    allow_space: bool = True


def check_sender_id(sender_id: str, rule: SenderIdRule | None = None) -> SenderIdProblem | None:
    """``None`` when ``sender_id`` follows the rule, otherwise the first problem found."""
    rule = rule or SenderIdRule()
    if not sender_id.strip():
        return SenderIdProblem.EMPTY
    if sender_id != sender_id.strip():
        return SenderIdProblem.SURROUNDING_SPACE
    if not sender_id.isascii():
        return SenderIdProblem.NOT_ASCII
    if not all(c.isalnum() or (rule.allow_space and c == " ") for c in sender_id):
        return SenderIdProblem.BAD_CHARACTER
    if sender_id.isdigit():
        return SenderIdProblem.NUMERIC_TOO_LONG if len(sender_id) > rule.max_numeric else None
    if len(sender_id) > rule.max_alphanumeric:
        return SenderIdProblem.TOO_LONG
    return None
