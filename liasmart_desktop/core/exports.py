"""Excel-safe exports: CSV with formula-looking cells neutralised, XLSX with every text cell stored as text.

Phone numbers stay digit strings (an XLSX text cell; a CSV field Excel opens as text is impossible
without a wrapper, so CSV keeps the digits and relies on the user importing the column as text).
Times are written as dates a spreadsheet understands: a date cell in XLSX, ``2026-11-25 14:05:00`` in CSV.
Both writers go through a temporary file and an atomic rename, so a crash never leaves half a file
under the chosen name.
"""

from __future__ import annotations

import contextlib
import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from liasmart_desktop.core.paths import atomic_path

#: OWASP CSV-injection list: a cell starting with one of these may be run as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
#: Characters XML 1.0 (and so XLSX) cannot hold.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
XLSX_MAX_CELL_CHARS = 32_767
#: Excel's "Text" number format: the cell keeps what was typed.
TEXT_FORMAT = "@"
#: How a date cell shows (and how a CSV writes a time, which Excel reads back as a date).
DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
_CSV_TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
#: Characters a worksheet's name cannot hold, and its longest length.
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\\/*?:\[\]\x00-\x1f]")
SHEET_TITLE_MAX_CHARS = 31

Cell = str | int | float | Decimal | datetime | None


def neutralise(value: str) -> str:
    """Prefix ``'`` to text a spreadsheet would take for a formula (``=1+1``, ``+86…``, ``@SUM``)."""
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, datetime):
        return value.strftime(_CSV_TIME_FORMAT)
    return str(value)


def safe_sheet_title(name: str) -> str:
    """A worksheet name Excel accepts: no ``\\ / * ? : [ ]``, not quoted, at most 31 characters."""
    title = _SHEET_TITLE_FORBIDDEN.sub(" ", name).strip().strip("'").strip()
    return title[:SHEET_TITLE_MAX_CHARS].strip() or "Results"


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> int:
    """Write UTF-8 with a BOM (so Excel reads Chinese correctly); return the number of data rows."""
    count = 0
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([_csv_cell(h) for h in header])
        for row in rows:
            writer.writerow([_csv_cell(value) for value in row])
            count += 1
    return count


def _xlsx_text(value: str) -> str:
    return _ILLEGAL_XML.sub("\ufffd", value)[:XLSX_MAX_CELL_CHARS]


@dataclass(frozen=True, slots=True)
class Sheet:
    """One worksheet of a workbook: its title, header, rows and the columns kept as Excel text (0-based)."""

    title: str
    header: Sequence[str]
    rows: Iterable[Sequence[Cell]]
    text_columns: Iterable[int] = ()
    #: Widths (in characters) of the first columns; given, the heading row also stays in view.
    column_widths: Sequence[float] = ()


def write_xlsx(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    *,
    sheet_title: str = "Results",
    text_columns: Iterable[int] = (),
    column_widths: Sequence[float] = (),
) -> int:
    """Write a workbook whose text cells can never become formulas; return the number of data rows.

    ``text_columns`` (0-based) get Excel's Text format as well, so a user editing a phone number
    in Excel keeps its digits. ``column_widths`` (in characters) widen the first columns, and then the
    heading row stays in view while scrolling.
    """
    return write_xlsx_sheets(path, [Sheet(sheet_title, header, rows, text_columns, column_widths)])


def write_xlsx_sheets(path: Path, sheets: Sequence[Sheet]) -> int:
    """Write a workbook of several sheets (as ``write_xlsx``); return the data rows of them all."""
    from openpyxl import Workbook  # noqa: PLC0415 - only exports pay for openpyxl's import
    from openpyxl.cell import WriteOnlyCell  # noqa: PLC0415
    from openpyxl.cell.cell import Cell as XlsxCell  # noqa: PLC0415
    from openpyxl.utils import get_column_letter  # noqa: PLC0415
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet  # noqa: PLC0415

    count = 0
    with atomic_path(path) as tmp:  # first: a folder that does not exist fails before any writing
        workbook = Workbook(write_only=True)
        written: list[WriteOnlyWorksheet] = []

        def cells(sheet: WriteOnlyWorksheet, values: Sequence[Cell], text_set: set[int]) -> list[XlsxCell]:
            out = []
            for index, value in enumerate(values):
                if isinstance(value, str):
                    cell = WriteOnlyCell(sheet, value=_xlsx_text(value))
                    # openpyxl stores text starting with "=" as a formula; force it back to text.
                    cell.data_type = "s"
                else:
                    cell = WriteOnlyCell(sheet, value=float(value) if isinstance(value, Decimal) else value)
                    if isinstance(value, datetime):
                        cell.number_format = DATE_TIME_FORMAT
                if index in text_set:
                    cell.number_format = TEXT_FORMAT
                out.append(cell)
            return out

        try:
            for spec in sheets:
                sheet = workbook.create_sheet(title=safe_sheet_title(spec.title))
                written.append(sheet)
                for index, width in enumerate(spec.column_widths, start=1):
                    sheet.column_dimensions[get_column_letter(index)].width = width
                if spec.column_widths:
                    sheet.freeze_panes = "A2"
                text_set = set(spec.text_columns)
                sheet.append(cells(sheet, list(spec.header), text_set))
                for row in spec.rows:
                    sheet.append(cells(sheet, row, text_set))
                    count += 1
            workbook.save(tmp)
        except BaseException:
            for sheet in written:
                with contextlib.suppress(Exception):
                    sheet.close()  # a half-written sheet's generator would otherwise complain at exit
            raise
    return count
