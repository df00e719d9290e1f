"""The header row, column names, and which column holds the phone numbers.

Header row, when the file has one: among the first ``HEADER_SCAN_ROWS`` non-empty rows, the first that
names the phone column (the ``--phone-column`` name, else a known phone header such as ``手机号码`` or
``Mobile``); failing that, the first row at least half as full as the fullest one, so a one-cell title
block above a wider table is skipped. If that row holds a phone number, a number or a date, the file
has no header row after all, and every row is data (reported as a note).

Column names are matched with ``core.text.names.header_key`` (case, width, spaces, underscores and
invisible characters ignored), the key the merge fields use, so a column the importer names is the
column ``{name}`` finds, and two columns never share a key. Recognising a phone header is looser still:
punctuation is ignored too, so ``Phone-No.`` and ``手机号：`` are phone headers.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence

from liasmart_desktop.core.importing.problems import RowStatus
from liasmart_desktop.core.importing.sheet_data import CellValue, column_letters
from liasmart_desktop.core.text.names import header_key

HEADER_SCAN_ROWS = 20
CONTENT_SAMPLE_ROWS = 200  # data rows looked at to find the phone column by its content
MIN_PHONE_SHARE = 0.5  # a column is the phone column if at least half its filled cells are phones

# Exact names, most specific first: a mobile column beats a general "phone" one.
_MOBILE_HEADERS = (
    "mobile mobilephone mobilenumber mobileno mobilephonenumber cell cellphone cellnumber "
    "cellphonenumber msisdn sms smsnumber 手机 手机号 手机号码 移动电话 手機 手機號 手機號碼 行動電話"
)
_PHONE_HEADERS = (
    "phone phonenumber phoneno telephone telephonenumber tel telno contactnumber contactno whatsapp "
    "电话 电话号码 联系电话 联系方式 联系号码 号码 電話 電話號碼 聯絡電話 聯繫電話 號碼 number"
)
PHONE_HEADER_TIERS: tuple[tuple[str, ...], ...] = (
    tuple(_MOBILE_HEADERS.split()),
    tuple(_PHONE_HEADERS.split()),
)
PHONE_HEADER_NAMES = frozenset(name for tier in PHONE_HEADER_TIERS for name in tier)
PHONE_HEADER_FRAGMENTS = ("mobile", "phone", "msisdn", "手机", "手機", "电话", "電話", "号码", "號碼")


def phone_header_key(text: str) -> str:
    """``header_key`` without punctuation, for recognising phone headers however they are written."""
    return "".join(ch for ch in header_key(text) if unicodedata.category(ch)[0] != "P")


def _filled(texts: Sequence[str]) -> int:
    return sum(1 for text in texts if text.strip())


def find_header_row(
    rows: Sequence[Sequence[str]],
    cells: Sequence[Sequence[CellValue]],
    *,
    phone_column: str | None,
    looks_like_phone: Callable[[CellValue], bool],
) -> int | None:
    """Index into ``rows`` (non-empty rows, as text) of the header row, or None when there is none."""
    wanted = {phone_header_key(phone_column)} if phone_column else PHONE_HEADER_NAMES
    keyed = [{phone_header_key(text) for text in row} for row in rows]
    for index, keys in enumerate(keyed):
        if keys & wanted:
            return index
    widest = max(map(_filled, rows))
    chosen = next(
        index
        for index, row in enumerate(rows)
        if _filled(row) * 2 >= widest and _filled(row) >= min(2, widest)
    )
    if any(looks_like_phone(cell) for cell in cells[chosen]):
        return None
    return chosen


def looks_like_data(status: RowStatus, cell: CellValue) -> bool:
    """Whether a cell in a header candidate is surely data: a phone number, a number or a date."""
    if status in (RowStatus.RECIPIENT, RowStatus.DAMAGED):
        return True
    return cell is not None and not isinstance(cell, str)


def name_columns(header: Sequence[str], width: int, first_column: int) -> tuple[list[str], list[int]]:
    """Unique column names: the header text, the column letters where it is blank, a suffix on repeats.

    Returns the names and the indexes of the columns whose (non-blank) header text had to change.
    """
    names: list[str] = []
    renamed: list[int] = []
    used: set[str] = set()
    for index in range(width):
        letters = column_letters(first_column + index)
        text = header[index].strip() if index < len(header) else ""
        name = text or letters
        while header_key(name) in used:
            name = f"{name} ({letters})"
        if text and name != text:
            renamed.append(index)
        used.add(header_key(name))
        names.append(name)
    return names, renamed


def find_named_column(name: str, columns: Sequence[str], first_column: int) -> int | None:
    """The column a user named: by its header (matched loosely), else by its letters (``B``)."""
    key = header_key(name)
    for index, column in enumerate(columns):
        if header_key(column) == key:
            return index
    for index in range(len(columns)):
        if column_letters(first_column + index).casefold() == key:
            return index
    return None


def guess_phone_column_by_header(columns: Sequence[str]) -> int | None:
    """The phone column by its header name: exact names by tier, then names containing a phone word."""
    keys = [phone_header_key(column) for column in columns]
    for tier in PHONE_HEADER_TIERS:
        for index, key in enumerate(keys):
            if key in tier:
                return index
    for index, key in enumerate(keys):
        if any(fragment in key for fragment in PHONE_HEADER_FRAGMENTS):
            return index
    return None


def guess_phone_column_by_content(
    sample: Sequence[Sequence[CellValue]], width: int, is_phone: Callable[[CellValue], bool]
) -> int | None:
    """The column whose filled cells are most often phone numbers (at least half of them)."""
    best, best_share = None, MIN_PHONE_SHARE
    for index in range(width):
        filled = [row[index] for row in sample if index < len(row) and row[index] not in (None, "")]
        if not filled:
            continue
        share = sum(map(is_phone, filled)) / len(filled)
        if share >= best_share and (best is None or share > best_share):
            best, best_share = index, share
    return best
