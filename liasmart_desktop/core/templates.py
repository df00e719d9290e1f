"""Saved message templates: a text with its merge fields, and optionally a sender ID and a type, by name.

They live in the lists file (``lists_store.py``). Names are unique whatever their case ("Reminder"
and "reminder" are one template). Saving under a name that exists replaces that template; renaming
onto another template's name is refused. Every check happens before anything is written.
"""

from __future__ import annotations

import enum
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from liasmart_desktop.core.errors import LiaSmartError
from liasmart_desktop.core.lists_store import open_lists, write
from liasmart_desktop.core.sender_id import SenderIdProblem, check_sender_id
from liasmart_desktop.core.sending.records import utc_now

MAX_NAME_CHARS = 80
SMS_TYPES = frozenset({"", "P", "T"})


class SavedTemplateProblem(enum.Enum):
    """Why a template could not be saved, renamed, found or deleted; the error names the template."""

    NO_NAME = "no_name"  # empty or only spaces
    NAME_TOO_LONG = "name_too_long"  # more than MAX_NAME_CHARS characters
    NO_TEXT = "no_text"  # empty or only spaces
    BAD_SENDER_ID = "bad_sender_id"  # ``sender_problem`` says why
    BAD_TYPE = "bad_type"  # not P or T
    NOT_FOUND = "not_found"
    NAME_TAKEN = "name_taken"  # renaming onto another template's name


class SavedTemplateError(LiaSmartError):
    """A template operation was refused; nothing was changed."""

    def __init__(
        self, code: SavedTemplateProblem, name: str = "", *, sender_problem: SenderIdProblem | None = None
    ) -> None:
        super().__init__(f"{code.value}: {name!r}")
        self.code = code
        self.name = name
        self.sender_problem = sender_problem


@dataclass(frozen=True, slots=True)
class SavedTemplate:
    """A saved message; ``sender_id`` and ``sms_type`` are "" when the template leaves them to the sender."""

    name: str
    text: str
    sender_id: str = ""
    sms_type: str = ""
    updated_at: str = ""
    updated_by: str = ""


def _template(row: sqlite3.Row) -> SavedTemplate:
    return SavedTemplate(
        row["name"], row["text"], row["sender_id"], row["sms_type"], row["updated_at"], row["updated_by"]
    )


def check_name(name: str) -> str:
    """The name without surrounding spaces, if it can be one; ``SavedTemplateError`` otherwise."""
    cleaned = name.strip()
    if not cleaned:
        raise SavedTemplateError(SavedTemplateProblem.NO_NAME, name)
    if len(cleaned) > MAX_NAME_CHARS:
        raise SavedTemplateError(SavedTemplateProblem.NAME_TOO_LONG, cleaned)
    return cleaned


def check_template(template: SavedTemplate) -> SavedTemplate:
    """The template with a checked name; ``SavedTemplateError`` naming the first problem otherwise."""
    name = check_name(template.name)
    if not template.text.strip():
        raise SavedTemplateError(SavedTemplateProblem.NO_TEXT, name)
    if template.sender_id:
        problem = check_sender_id(template.sender_id)
        if problem is not None:
            raise SavedTemplateError(SavedTemplateProblem.BAD_SENDER_ID, name, sender_problem=problem)
    if template.sms_type not in SMS_TYPES:
        raise SavedTemplateError(SavedTemplateProblem.BAD_TYPE, name)
    return SavedTemplate(name, template.text, template.sender_id, template.sms_type)


class TemplateBook:
    """The saved templates in the lists file at ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def save(self, template: SavedTemplate, *, by: str = "") -> SavedTemplate:
        """Save ``template`` under its name, replacing one of the same name (whatever its case)."""
        checked = check_template(template)
        with open_lists(self.path) as conn, write(conn, self.path):
            conn.execute("DELETE FROM templates WHERE name=?", (checked.name,))
            conn.execute(
                "INSERT INTO templates(name, text, sender_id, sms_type, updated_at, updated_by) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (checked.name, checked.text, checked.sender_id, checked.sms_type, utc_now(), by),
            )
            return _template(conn.execute("SELECT * FROM templates WHERE name=?", (checked.name,)).fetchone())

    def all(self) -> list[SavedTemplate]:
        """Every template, by name."""
        if not self.path.exists():
            return []
        with open_lists(self.path) as conn:
            rows = conn.execute("SELECT * FROM templates ORDER BY name COLLATE NOCASE").fetchall()
        return [_template(row) for row in rows]

    def get(self, name: str) -> SavedTemplate:
        """The template called ``name`` (any case); ``SavedTemplateError(NOT_FOUND)`` otherwise."""
        wanted = name.strip()
        found = next((t for t in self.all() if t.name.casefold() == wanted.casefold()), None)
        if found is None:
            raise SavedTemplateError(SavedTemplateProblem.NOT_FOUND, wanted)
        return found

    def rename(self, old: str, new: str, *, by: str = "") -> SavedTemplate:
        """Give a template another name (a change of case only is allowed)."""
        name = check_name(new)
        if not self.path.exists():  # no templates yet: nothing to rename, and no file made to say so
            raise SavedTemplateError(SavedTemplateProblem.NOT_FOUND, old.strip())
        with open_lists(self.path) as conn, write(conn, self.path):
            current = conn.execute("SELECT * FROM templates WHERE name=?", (old.strip(),)).fetchone()
            if current is None:
                raise SavedTemplateError(SavedTemplateProblem.NOT_FOUND, old.strip())
            taken = conn.execute("SELECT name FROM templates WHERE name=?", (name,)).fetchone()
            if taken is not None and taken[0] != current["name"]:
                raise SavedTemplateError(SavedTemplateProblem.NAME_TAKEN, name)
            conn.execute(
                "UPDATE templates SET name=?, updated_at=?, updated_by=? WHERE name=?",
                (name, utc_now(), by, current["name"]),
            )
            return _template(conn.execute("SELECT * FROM templates WHERE name=?", (name,)).fetchone())

    def delete(self, name: str) -> None:
        """Delete the template called ``name``; ``SavedTemplateError(NOT_FOUND)`` when there is none."""
        wanted = name.strip()
        if not self.path.exists():
            raise SavedTemplateError(SavedTemplateProblem.NOT_FOUND, wanted)
        with open_lists(self.path) as conn, write(conn, self.path):
            if conn.execute("DELETE FROM templates WHERE name=?", (wanted,)).rowcount == 0:
                raise SavedTemplateError(SavedTemplateProblem.NOT_FOUND, wanted)
