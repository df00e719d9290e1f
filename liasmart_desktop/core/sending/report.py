"""A campaign's results as rows: every source row (sent or set aside) with its state, reason and times.

The wording of reasons is the caller's (the CLI writes English, the GUI its own language), so
``report_rows`` takes a function that turns a message or a set-aside row into a sentence.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator
from pathlib import Path

from liasmart_desktop.core.exports import Cell, write_csv, write_xlsx
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.records import Campaign, MessageRecord, SetAsideRow

#: The report's own columns, after the row number and the source file's columns.
RESULT_COLUMNS = (
    "phone",
    "state",
    "reason",
    "remarks",
    "message_id",
    "parts",
    "encoding",
    "attempt",
    "uid",
    "sent_at",
    "finished_at",
    "delivery_status",
    "delivery_checked_at",
)

Describe = Callable[[MessageRecord | SetAsideRow], str]


def report_header(campaign: Campaign) -> list[str]:
    """``row``, the source columns in their order, then the result columns (renamed if they clash)."""
    source = list(campaign.columns)
    taken = {name.casefold() for name in source}
    results = [f"result_{name}" if name.casefold() in taken else name for name in RESULT_COLUMNS]
    return ["row", *source, *results]


def _message_cells(campaign: Campaign, m: MessageRecord, describe: Describe) -> list[Cell]:
    return [
        m.row,
        *(m.fields.get(column, "") for column in campaign.columns),
        m.phone,
        m.state.value,
        describe(m),
        m.remarks,
        m.message_id or "",
        m.segments,
        m.encoding,
        m.attempt,
        m.uid or "",
        m.sent_at or "",
        m.finished_at or "",
        m.dlr_status,
        m.dlr_checked_at or "",
    ]


def _set_aside_cells(campaign: Campaign, s: SetAsideRow, describe: Describe) -> list[Cell]:
    return [
        s.row,
        *(s.fields.get(column, "") for column in campaign.columns),
        s.original,
        s.status.value,
        describe(s),
        *[""] * (len(RESULT_COLUMNS) - 3),
    ]


def report_rows(journal: Journal, campaign: Campaign, describe: Describe) -> Iterator[list[Cell]]:
    """Every row of the campaign in source-row order, messages and set-aside rows merged."""
    messages = ((m.row, 0, _message_cells(campaign, m, describe)) for m in journal.messages(campaign.id))
    aside = ((s.row, 1, _set_aside_cells(campaign, s, describe)) for s in journal.set_aside_rows(campaign.id))
    for _row, _kind, cells in heapq.merge(messages, aside, key=lambda item: (item[0], item[1])):
        yield cells


def export_report(journal: Journal, campaign: Campaign, path: Path, describe: Describe, *, xlsx: bool) -> int:
    """Write the report as XLSX (phone and IDs as text cells) or Excel-safe CSV; return the row count."""
    header = report_header(campaign)
    rows = report_rows(journal, campaign, describe)
    if not xlsx:
        return write_csv(path, header, rows)
    offset = 1 + len(campaign.columns)
    text_columns = [offset + RESULT_COLUMNS.index(name) for name in ("phone", "message_id", "uid")]
    return write_xlsx(path, header, rows, sheet_title=f"Campaign {campaign.code}", text_columns=text_columns)
