"""A campaign's results as rows: every source row (sent or set aside) with its state, reason and times.

Two layouts. The machine report (``liasmart report --csv/--xlsx``) has every column under English
snake_case names, state values as the journal stores them and times as ISO 8601 UTC: scripts read it.
The report for people (the app's export) has the columns a person needs, under the words, state names
and sheet title the front end passes in ``ReportWording``, and local times a spreadsheet reads as
dates. The core holds no wording: the reasons come from the caller's ``describe`` either way.
"""

from __future__ import annotations

import enum
import heapq
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from liasmart_desktop.core.exports import Cell, write_csv, write_xlsx
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.records import Campaign, MessageRecord, SetAsideRow
from liasmart_desktop.core.sending.states import MessageState, SetAsideStatus


class ReportColumn(enum.Enum):
    """A column of the report after the row number and the list's own columns (value: its machine name)."""

    PHONE = "phone"
    STATE = "state"
    REASON = "reason"
    REMARKS = "remarks"
    MESSAGE_ID = "message_id"
    PARTS = "parts"
    ENCODING = "encoding"
    ATTEMPT = "attempt"
    UID = "uid"
    SENT_AT = "sent_at"
    FINISHED_AT = "finished_at"
    DELIVERY_STATUS = "delivery_status"
    DELIVERY_CHECKED_AT = "delivery_checked_at"


#: The machine report's own columns, after the row number and the source file's columns.
RESULT_COLUMNS = tuple(column.value for column in ReportColumn)
#: The report for people: no provider remarks (the reason says it in words), no attempt or request ID.
PEOPLE_COLUMNS = (
    ReportColumn.PHONE,
    ReportColumn.STATE,
    ReportColumn.REASON,
    ReportColumn.DELIVERY_STATUS,
    ReportColumn.MESSAGE_ID,
    ReportColumn.PARTS,
    ReportColumn.SENT_AT,
    ReportColumn.FINISHED_AT,
    ReportColumn.DELIVERY_CHECKED_AT,
)
_TIME_COLUMNS = frozenset({ReportColumn.SENT_AT, ReportColumn.FINISHED_AT, ReportColumn.DELIVERY_CHECKED_AT})
#: Columns kept as text in a workbook, so a spreadsheet never turns them into numbers.
_TEXT_COLUMNS = (ReportColumn.PHONE, ReportColumn.MESSAGE_ID, ReportColumn.UID)
#: Widths (in characters) of the report for people's columns: wide enough for their usual content.
_PEOPLE_WIDTHS = {
    ReportColumn.PHONE: 16,
    ReportColumn.STATE: 12,
    ReportColumn.REASON: 50,
    ReportColumn.DELIVERY_STATUS: 14,
    ReportColumn.MESSAGE_ID: 14,
    ReportColumn.PARTS: 6,
    ReportColumn.SENT_AT: 20,
    ReportColumn.FINISHED_AT: 20,
    ReportColumn.DELIVERY_CHECKED_AT: 20,
}
_ROW_WIDTH = 7
_SOURCE_COLUMN_WIDTH = 14

Describe = Callable[[MessageRecord | SetAsideRow], str]


@dataclass(frozen=True, slots=True)
class ReportWording:
    """The words of a report for people, given by the front end in the user's language."""

    #: The row number column's heading.
    row: str
    headers: Mapping[ReportColumn, str]
    #: A message state or a set-aside status in words.
    states: Mapping[MessageState | SetAsideStatus, str]
    #: A delivery state (``delivered``, ``failed``, ``pending``) in words; others keep LiaSmart's own word.
    delivery: Mapping[str, str]
    #: The worksheet's name (the campaign's name); characters a sheet name cannot hold are replaced.
    sheet_title: str
    #: A result column's heading when the list has a column of that name (``{name}`` is filled in).
    renamed: str = "{name} (2)"


def _header(campaign: Campaign, row: str, results: list[str], renamed: str) -> list[str]:
    """``row``, the source columns in their order, then the result columns (renamed if they clash)."""
    source = list(campaign.columns)
    taken = {name.casefold() for name in source}
    return [
        row,
        *source,
        *(renamed.format(name=name) if name.casefold() in taken else name for name in results),
    ]


def report_header(campaign: Campaign) -> list[str]:
    """The machine report's header: ``row``, the source columns, then ``RESULT_COLUMNS``."""
    return _header(campaign, "row", list(RESULT_COLUMNS), "result_{name}")


def _text_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: a Chinese character is as wide as two Latin ones."""
    return sum(2 if ord(char) > 0x2E7F else 1 for char in text)


def _people_widths(campaign: Campaign, header: list[str]) -> list[float]:
    usual = [_ROW_WIDTH, *[_SOURCE_COLUMN_WIDTH] * len(campaign.columns), *_PEOPLE_WIDTHS.values()]
    return [float(max(width, _text_width(title) + 2)) for width, title in zip(usual, header, strict=True)]


def local_time(iso_utc: str | None) -> datetime | None:
    """A journal time (ISO 8601 UTC) as this computer's local time, without a zone (what Excel stores)."""
    if not iso_utc:
        return None
    return datetime.fromisoformat(iso_utc).astimezone().replace(tzinfo=None)


def _message_values(m: MessageRecord, describe: Describe) -> dict[ReportColumn, Cell]:
    return {
        ReportColumn.PHONE: m.phone,
        ReportColumn.STATE: m.state.value,
        ReportColumn.REASON: describe(m),
        ReportColumn.REMARKS: m.remarks,
        ReportColumn.MESSAGE_ID: m.message_id or "",
        ReportColumn.PARTS: m.segments,
        ReportColumn.ENCODING: m.encoding,
        ReportColumn.ATTEMPT: m.attempt,
        ReportColumn.UID: m.uid or "",
        ReportColumn.SENT_AT: m.sent_at or "",
        ReportColumn.FINISHED_AT: m.finished_at or "",
        ReportColumn.DELIVERY_STATUS: m.dlr_status,
        ReportColumn.DELIVERY_CHECKED_AT: m.dlr_checked_at or "",
    }


def _set_aside_values(s: SetAsideRow, describe: Describe) -> dict[ReportColumn, Cell]:
    return {
        ReportColumn.PHONE: s.original,
        ReportColumn.STATE: s.status.value,
        ReportColumn.REASON: describe(s),
    }


def _machine_cells(campaign: Campaign, entry: MessageRecord | SetAsideRow, describe: Describe) -> list[Cell]:
    values = (
        _message_values(entry, describe)
        if isinstance(entry, MessageRecord)
        else _set_aside_values(entry, describe)
    )
    return [
        entry.row,
        *(entry.fields.get(column, "") for column in campaign.columns),
        *(values.get(column, "") for column in ReportColumn),
    ]


def _people_cells(
    campaign: Campaign, entry: MessageRecord | SetAsideRow, describe: Describe, wording: ReportWording
) -> list[Cell]:
    if isinstance(entry, MessageRecord):
        values = _message_values(entry, describe)
        values[ReportColumn.STATE] = wording.states[entry.state]
        word = wording.delivery.get(entry.dlr_state)
        if entry.dlr_status and word is not None:
            values[ReportColumn.DELIVERY_STATUS] = word
        for column in _TIME_COLUMNS:
            values[column] = local_time(str(values[column]))
    else:
        values = _set_aside_values(entry, describe)
        values[ReportColumn.STATE] = wording.states[entry.status]
    return [
        entry.row,
        *(entry.fields.get(column, "") for column in campaign.columns),
        *(values.get(column) for column in PEOPLE_COLUMNS),
    ]


def _entries(journal: Journal, campaign: Campaign) -> Iterator[MessageRecord | SetAsideRow]:
    """Every row of the campaign in source-row order, messages and set-aside rows merged."""
    messages: Iterator[MessageRecord | SetAsideRow] = journal.messages(campaign.id)
    aside: Iterator[MessageRecord | SetAsideRow] = iter(journal.set_aside_rows(campaign.id))
    # A message sorts before a set-aside row of the same number (there is none: each row is one or the other).
    return heapq.merge(messages, aside, key=_row_order)


def _row_order(entry: MessageRecord | SetAsideRow) -> tuple[int, int]:
    return entry.row, 0 if isinstance(entry, MessageRecord) else 1


def report_rows(journal: Journal, campaign: Campaign, describe: Describe) -> Iterator[list[Cell]]:
    """The machine report's rows, in source-row order."""
    return (_machine_cells(campaign, entry, describe) for entry in _entries(journal, campaign))


def export_report(
    journal: Journal,
    campaign: Campaign,
    path: Path,
    describe: Describe,
    *,
    xlsx: bool,
    wording: ReportWording | None = None,
) -> int:
    """Write the report as XLSX (phone and IDs as text cells) or Excel-safe CSV; return the row count.

    Without ``wording`` it is the machine report; with it, the report for people.
    """
    widths: list[float] = []
    if wording is None:
        header = report_header(campaign)
        columns: tuple[ReportColumn, ...] = tuple(ReportColumn)
        rows = report_rows(journal, campaign, describe)
        sheet_title = f"Campaign {campaign.code}"
    else:
        results = [wording.headers[column] for column in PEOPLE_COLUMNS]
        header = _header(campaign, wording.row, results, wording.renamed)
        columns = PEOPLE_COLUMNS
        rows = (_people_cells(campaign, entry, describe, wording) for entry in _entries(journal, campaign))
        sheet_title = wording.sheet_title
        widths = _people_widths(campaign, header)
    if not xlsx:
        return write_csv(path, header, rows)
    offset = 1 + len(campaign.columns)
    text_columns = [offset + columns.index(column) for column in _TEXT_COLUMNS if column in columns]
    return write_xlsx(
        path, header, rows, sheet_title=sheet_title, text_columns=text_columns, column_widths=widths
    )
