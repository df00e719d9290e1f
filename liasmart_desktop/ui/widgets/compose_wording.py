"""Sentences the compose form shows for the core's text, template and sender-ID codes, translated.

Every sentence is a literal in a ``QCoreApplication.translate("ComposeWording", …)`` call so that
``pyside6-lupdate`` collects it; ``{named}`` placeholders are filled after translation. Literal
braces are passed in as placeholders (``{open}``, ``{close}``) so translators never escape them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Final

from PySide6.QtCore import QCoreApplication, QLocale

from liasmart_desktop.core.sender_id import SenderIdProblem, SenderIdRule
from liasmart_desktop.core.text import (
    Encoding,
    SendTextIssue,
    SendTextProblem,
    TemplateIssue,
    TemplateProblem,
    TextIssue,
    TextProblem,
)

#: At most this many characters are listed in a sentence; the rest is an ellipsis.
SHOWN_CHARACTERS: Final = 12


def number(value: int) -> str:
    """An integer with the locale's digit grouping (1,234 / 1 234)."""
    return QLocale().toString(value)


def encoding_name(encoding: Encoding) -> str:
    """The encoding in plain words, with the letter LiaSmart uses."""
    if encoding is Encoding.GSM7:
        return QCoreApplication.translate("ComposeWording", "Standard characters (T)")
    return QCoreApplication.translate("ComposeWording", "Unicode (U)")


def show_character(char: str) -> str:
    """A character as a person can see it: itself, or its code (U+00A0) when it is invisible."""
    category = unicodedata.category(char)
    if char.isprintable() and not char.isspace() and not category.startswith(("M", "C", "Z")):
        return char
    return f"U+{ord(char):04X}"


def show_characters(chars: Iterable[str]) -> str:
    """Characters separated by spaces, at most ``SHOWN_CHARACTERS`` of them."""
    shown = list(chars)
    text = " ".join(show_character(char) for char in shown[:SHOWN_CHARACTERS])
    return text + (" …" if len(shown) > SHOWN_CHARACTERS else "")


def sender_id_problem(problem: SenderIdProblem, rule: SenderIdRule, sender_id: str) -> str:
    """Why a sender ID cannot be used, and what to do."""
    if problem is SenderIdProblem.EMPTY:
        return QCoreApplication.translate(
            "ComposeWording", "Choose or type a sender ID: the name registered on your LiaSmart account."
        )
    if problem is SenderIdProblem.SURROUNDING_SPACE:
        return QCoreApplication.translate(
            "ComposeWording", "The sender ID starts or ends with a space. Remove the space."
        )
    if problem is SenderIdProblem.NOT_ASCII:
        return QCoreApplication.translate(
            "ComposeWording",
            "The sender ID may hold only plain Latin letters (A–Z, without accents), digits and spaces.",
        )
    if problem is SenderIdProblem.BAD_CHARACTER:
        return QCoreApplication.translate(
            "ComposeWording", "The sender ID may hold only letters, digits and spaces."
        )
    if problem is SenderIdProblem.TOO_LONG:
        return QCoreApplication.translate(
            "ComposeWording", "The sender ID has {length} characters; at most {limit} are allowed."
        ).format(length=number(len(sender_id)), limit=number(rule.max_alphanumeric))
    return QCoreApplication.translate(
        "ComposeWording", "A sender ID made only of digits may have at most {limit} digits."
    ).format(limit=number(rule.max_numeric))


def text_problem(problem: TextProblem) -> str:
    """A problem of the message text in plain words (blocking ones say how to fix them)."""
    characters = show_characters(problem.characters)
    code = problem.code
    if code is TextIssue.EMPTY:
        return QCoreApplication.translate("ComposeWording", "Write the message.")
    if code is TextIssue.BLANK:
        return QCoreApplication.translate(
            "ComposeWording", "The message holds only spaces or invisible characters. Write the message."
        )
    if code is TextIssue.CONTROL_CHARACTER:
        return QCoreApplication.translate(
            "ComposeWording",
            "The message contains control characters that cannot be sent ({characters}). "
            "Use “Replace look-alikes” to remove them.",
        ).format(characters=characters)
    if code is TextIssue.LONE_SURROGATE:
        return QCoreApplication.translate(
            "ComposeWording",
            "The message contains broken characters ({characters}). Retype the text around them.",
        ).format(characters=characters)
    if code is TextIssue.BIDI_CONTROL:
        return QCoreApplication.translate(
            "ComposeWording",
            "The message contains text-direction characters ({characters}) that can make it read "
            "differently from what is sent. Use “Replace look-alikes” to remove them.",
        ).format(characters=characters)
    if code is TextIssue.INVISIBLE_CHARACTER:
        return QCoreApplication.translate(
            "ComposeWording",
            "The message contains invisible characters ({characters}); each one makes it Unicode.",
        ).format(characters=characters)
    # NOT_IN_GSM_ALPHABET: the same words as for the whole list's messages.
    return send_text_problem(SendTextProblem(SendTextIssue.LOST_CHARACTERS, problem.characters))


def template_problem(problem: TemplateProblem, *, has_list: bool) -> str:
    """A problem of the message's merge fields; ``has_list`` says whether a list was imported."""
    field = "{" + problem.field + "}"
    code = problem.code
    if code is TemplateIssue.UNCLOSED_BRACE:
        return QCoreApplication.translate(
            "ComposeWording",
            "A merge field opens with {open} but is never closed with {close}. "
            "To send a brace itself, type it twice.",
        ).format(open="{", close="}")
    if code is TemplateIssue.STRAY_CLOSING_BRACE:
        return QCoreApplication.translate(
            "ComposeWording",
            "There is a {close} without a matching {open}. To send a brace itself, type it twice.",
        ).format(open="{", close="}")
    if code is TemplateIssue.EMPTY_FIELD_NAME:
        return QCoreApplication.translate(
            "ComposeWording", "There is an empty merge field {field}. Put a column name between the braces."
        ).format(field="{}")
    if code is TemplateIssue.UNKNOWN_FIELD and has_list:
        return QCoreApplication.translate(
            "ComposeWording",
            "The merge field {field} matches no column of the list. Use “Insert field” to pick a column.",
        ).format(field=field)
    if code is TemplateIssue.UNKNOWN_FIELD:
        return QCoreApplication.translate(
            "ComposeWording",
            "The merge field {field} needs an imported list with that column. Import the list, or type "
            "each brace twice to send it as text.",
        ).format(field=field)
    if code is TemplateIssue.AMBIGUOUS_FIELD:
        return QCoreApplication.translate(
            "ComposeWording",
            "The merge field {field} could mean several columns ({columns}). Use “Insert field” to pick one.",
        ).format(field=field, columns=", ".join(problem.candidates))
    return QCoreApplication.translate(
        "ComposeWording",
        "{field} is sent as it is written, not filled in, because its braces are doubled.",
    ).format(field=field)


def send_text_problem(problem: SendTextProblem) -> str:
    """What the messages carry that is asked about before Send (or that stops it), in plain words."""
    code = problem.code
    if code is SendTextIssue.LOST_CHARACTERS:
        return QCoreApplication.translate(
            "ComposeWording",
            "Standard characters (T) cannot carry {characters}: they would be lost, and phones show "
            "question marks or nothing in their place. Choose Automatic to keep them; otherwise you are "
            "asked before sending.",
        ).format(characters=show_characters(problem.characters))
    if code is SendTextIssue.LONG_MESSAGE:
        return QCoreApplication.translate(
            "ComposeWording",
            "A message has {parts} parts, more than {limit}, and every part is charged: you are asked "
            "before sending.",
        ).format(parts=number(problem.parts), limit=number(problem.limit))
    return QCoreApplication.translate(
        "ComposeWording",
        "A message would need {parts} parts, but at most {limit} parts can make one message. Shorten it.",
    ).format(parts=number(problem.parts), limit=number(problem.limit))
