"""Rows as a reader hands them over, cell values as readers return them, and their text as shown."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from liasmart_desktop.core.importing.formats import FileFormat

CellValue = (
    str | int | float | bool | datetime.date | datetime.datetime | datetime.time | datetime.timedelta | None
)
Row = tuple[int, Sequence[CellValue]]  # (row number as the spreadsheet program shows it, cells)

EXCEL_EXACT_LIMIT = 10**15  # Excel keeps 15 significant digits: integers below this are exact

_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class EncodingSource(enum.Enum):
    """How a text file's encoding was chosen."""

    GIVEN = "given"  # the user named it
    BOM = "bom"  # the file starts with a byte-order mark
    UTF16_PATTERN = "utf16_pattern"  # UTF-16 without a BOM, recognised by its NUL bytes
    UTF8 = "utf8"  # the whole file is valid UTF-8
    GUESSED = "guessed"  # a legacy code page, chosen by how plausible its characters are


@dataclass(frozen=True, slots=True)
class SheetData:
    """One sheet (or a text file) ready to be read row by row."""

    format: FileFormat
    sheet: str | None  # None for a text file
    sheets: tuple[str, ...]  # the visible worksheets
    rows: Iterator[Row]  # only rows that hold something or lie between rows that do
    total_rows: int  # for progress: the last row number, or the number of records
    first_column: int = 0  # 0-based column index of the first cell of each row
    encoding: str | None = None
    encoding_source: EncodingSource | None = None
    delimiter: str | None = None
    #: Cells a reader returns as empty whose formula has no value ("" when none was calculated) or
    #: whose value is an error ("#N/A"), by (row number, 0-based column index).
    formula_errors: Mapping[tuple[int, int], str] = field(default_factory=dict)


def column_letters(index: int) -> str:
    """``0`` → ``A``, ``25`` → ``Z``, ``26`` → ``AA`` (as spreadsheet programs name columns)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = _LETTERS[remainder] + letters
    return letters


def column_index(letters: str) -> int:
    """``A`` → ``0``, ``AA`` → ``26``: the inverse of :func:`column_letters` (upper-case letters)."""
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


def excel_text_value(text: str) -> str:
    """The value of Excel's ``="0123"`` text wrapper (how CSV exports keep leading zeros): ``0123``."""
    if text.startswith('="') and text.endswith('"') and len(text) >= 3:
        return text[2:-1]
    return text


def _number_text(value: int | float) -> str:
    if isinstance(value, int) or not value.is_integer():
        return repr(value)
    if abs(value) < EXCEL_EXACT_LIMIT:
        return str(int(value))
    return format(value, ".15g")  # the digits past 15 are not real; do not print them


def display_text(value: CellValue) -> str:
    """A cell as text, as a person reads it: whole numbers as exact digits, never ``1.39e+10``."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return _number_text(value)
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return _duration_text(value)


def _duration_text(value: datetime.timedelta) -> str:
    # As Excel shows a [h]:mm:ss cell: 26:00:00, not "1 day, 2:00:00".
    seconds = round(value.total_seconds())
    hours, rest = divmod(abs(seconds), 3600)
    return f"{'-' * (seconds < 0)}{hours}:{rest // 60:02d}:{rest % 60:02d}"
