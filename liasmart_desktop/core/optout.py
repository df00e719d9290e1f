"""The do-not-message (opt-out) list: numbers that must never be messaged, with when and why they were added.

In many countries keeping such a list is the law. It lives in the lists file (``lists_store.py``);
every number enters through the one number rule of the importer (``read_number``), so a number on
the list matches however it was written in a spreadsheet. Import and send set listed rows aside as
``opted_out`` (``prepare.py``), and the campaign service withholds listed numbers again each time a
campaign is sent, resumed or resent (``campaigns.py``): a number added after a campaign was created
is still never sent to.
"""

from __future__ import annotations

import enum
import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from liasmart_desktop.core.errors import LiaSmartError
from liasmart_desktop.core.exports import Cell, write_csv, write_xlsx
from liasmart_desktop.core.importing import ImportReport, RowProblem, RowReason, RowStatus, normalise_phone
from liasmart_desktop.core.importing.regions import DEFAULT_HOME_REGIONS
from liasmart_desktop.core.lists_store import open_lists, write
from liasmart_desktop.core.sending.records import SetAsideRow, utc_now
from liasmart_desktop.core.sending.states import SetAsideStatus

#: The set-aside reason code of a row whose number is on the list.
OPTED_OUT_REASON = "opted_out"
#: Numbers looked up per query (SQLite's json_each handles any size; this keeps memory flat).
LOOKUP_BATCH = 5000


class OptOutProblem(enum.Enum):
    """Why a number could not be added to or removed from the list; nothing was changed."""

    NOT_A_NUMBER = "not_a_number"  # number (as given), status, reason (``RowReason``) and params


class OptOutError(LiaSmartError):
    """A number given for the list is not one a message could be sent to (so it cannot be listed either)."""

    def __init__(
        self,
        code: OptOutProblem,
        *,
        number: str,
        status: RowStatus,
        reason: RowReason | None,
        params: Mapping[str, str | int],
    ) -> None:
        super().__init__(f"{code.value}: {number!r} {status.value} {reason.value if reason else ''}".strip())
        self.code = code
        self.number = number
        self.status = status
        self.reason = reason
        self.params = dict(params)


@dataclass(frozen=True, slots=True)
class OptOutEntry:
    """A listed number (country code + number, digits only), why, when (ISO 8601 UTC) and by whom."""

    phone: str
    reason: str
    added_at: str
    added_by: str = ""


@dataclass(frozen=True, slots=True)
class Change:
    """What adding or removing numbers did: the numbers changed, and those that already were as asked."""

    changed: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ListImport:
    """What importing a spreadsheet into the list did; ``problems`` are the rows that held no number."""

    rows: int
    change: Change
    problems: tuple[RowProblem, ...] = field(default=())


def read_number(text: str, country: str | None, home_regions: tuple[str, ...] = DEFAULT_HOME_REGIONS) -> str:
    """A number for the list, by the importer's rule (country code + number); ``OptOutError`` otherwise
    (a number that could be read in two countries is refused like any other, never guessed).

    The only place the list reads a typed number, so it follows the importer whenever that rule changes.
    """
    result = normalise_phone(text, country, home_regions=home_regions)
    if result.status is not RowStatus.RECIPIENT:
        raise OptOutError(
            OptOutProblem.NOT_A_NUMBER,
            number=text,
            status=result.status,
            reason=result.reason,
            params=result.params,
        )
    return result.phone


def _entry(row: sqlite3.Row) -> OptOutEntry:
    return OptOutEntry(row["phone"], row["reason"], row["added_at"], row["added_by"])


def opted_out_row(
    row: int, original: str, entry: OptOutEntry, fields: Mapping[str, str] | None = None
) -> SetAsideRow:
    """The set-aside row of a list row (or a message) whose number is on the list, with when and why."""
    return SetAsideRow(
        row=row,
        original=original,
        status=SetAsideStatus.OPTED_OUT,
        reason=OPTED_OUT_REASON,
        reason_data={"added_at": entry.added_at, "reason": entry.reason},
        fields=dict(fields or {}),
    )


class OptOutList:
    """The list in the lists file at ``path``; every change is one transaction, checked before it starts."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def add(
        self,
        numbers: Sequence[str],
        reason: str = "",
        *,
        country: str | None = None,
        home_regions: tuple[str, ...] = DEFAULT_HOME_REGIONS,
        by: str = "",
    ) -> Change:
        """Add typed numbers (all read first: one that is not a number changes nothing).

        A number already listed keeps the date and reason it was first added with.
        """
        phones = [read_number(number, country, home_regions) for number in numbers]
        return self.add_phones(phones, reason, by=by)

    def add_phones(self, phones: Iterable[str], reason: str = "", *, by: str = "") -> Change:
        """Add numbers already read by the importer's rule (country code + number)."""
        now = utc_now()
        changed: list[str] = []
        unchanged: list[str] = []
        with open_lists(self.path) as conn, write(conn, self.path):
            for phone in dict.fromkeys(phones):
                cursor = conn.execute(
                    "INSERT OR IGNORE INTO optout(phone, reason, added_at, added_by) VALUES (?, ?, ?, ?)",
                    (phone, reason.strip(), now, by),
                )
                (changed if cursor.rowcount else unchanged).append(phone)
        return Change(tuple(changed), tuple(unchanged))

    def remove(
        self,
        numbers: Sequence[str],
        *,
        country: str | None = None,
        home_regions: tuple[str, ...] = DEFAULT_HOME_REGIONS,
    ) -> Change:
        """Take typed numbers off the list (all read first); ``unchanged`` are those that were not on it."""
        phones = [read_number(number, country, home_regions) for number in numbers]
        if not self.path.exists():  # an empty list: none of them was on it, and no file is made to say so
            return Change((), tuple(dict.fromkeys(phones)))
        changed: list[str] = []
        unchanged: list[str] = []
        with open_lists(self.path) as conn, write(conn, self.path):
            for phone in dict.fromkeys(phones):
                cursor = conn.execute("DELETE FROM optout WHERE phone=?", (phone,))
                (changed if cursor.rowcount else unchanged).append(phone)
        return Change(tuple(changed), tuple(unchanged))

    def import_report(self, report: ImportReport, reason: str = "", *, by: str = "") -> ListImport:
        """Add every number of an imported spreadsheet; its rows without a number are reported back."""
        change = self.add_phones((recipient.phone for recipient in report.recipients), reason, by=by)
        problems = tuple(problem for problem in report.problems if problem.status is not RowStatus.DUPLICATE)
        return ListImport(rows=report.rows, change=change, problems=problems)

    def entries(self) -> list[OptOutEntry]:
        """Every listed number, most recently added first."""
        if not self.path.exists():
            return []
        with open_lists(self.path) as conn:
            rows = conn.execute("SELECT * FROM optout ORDER BY added_at DESC, phone").fetchall()
        return [_entry(row) for row in rows]

    def lookup(self, phones: Iterable[str]) -> dict[str, OptOutEntry]:
        """The listed entries among ``phones`` (an empty list asks nothing of the disk)."""
        if not self.path.exists():
            return {}
        wanted = list(dict.fromkeys(phones))
        found: dict[str, OptOutEntry] = {}
        with open_lists(self.path) as conn:
            for start in range(0, len(wanted), LOOKUP_BATCH):
                batch = json.dumps(wanted[start : start + LOOKUP_BATCH])
                for row in conn.execute(
                    "SELECT * FROM optout WHERE phone IN (SELECT value FROM json_each(?))", (batch,)
                ):
                    found[row["phone"]] = _entry(row)
        return found

    def export(self, path: Path, headings: Sequence[str], *, xlsx: bool, sheet_title: str = "") -> int:
        """Write the list (number, reason, added at, added by) as XLSX or Excel-safe CSV; return the rows.

        ``headings`` and ``sheet_title`` are the front end's words."""
        rows: list[Sequence[Cell]] = [
            (entry.phone, entry.reason, entry.added_at, entry.added_by) for entry in self.entries()
        ]
        if xlsx:
            return write_xlsx(path, headings, rows, sheet_title=sheet_title or "optout", text_columns=(0,))
        return write_csv(path, headings, rows)
