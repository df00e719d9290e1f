"""How far a sheet's cells reach, found by scanning its XML before python-calamine loads it.

python-calamine allocates the whole rectangle from the first to the last used cell (32 bytes a cell),
so a 5 KB .xlsx with one value in XFD1048576 asks for 550 GB and aborts the process, and a small .ods
can repeat one cell a billion times. These scanners bound the rectangle from the raw XML first.

For .xlsx, Excel and every common writer open each cell with one canonical ``r="A1"``; then a few
literal-prefix regex searches (about 0.15 s for a 100k-row sheet) find the only cells that could break
a limit: those with as many letters or digits as the limit has. Anything else calamine also accepts —
cells without a reference, ``r='A1'``, ``r = "a1"``, a repeated ``r=`` (calamine keeps the last),
prefixed elements — sends the sheet to the exact pass, which follows every element as calamine
places it (about 0.6 s per 100k rows). Numbers are read with a cap that cannot overflow.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass

from liasmart_desktop.core.importing.formats import FileFormat
from liasmart_desktop.core.importing.problems import ImportFileError, ImportProblem
from liasmart_desktop.core.importing.sheet_data import column_index, column_letters

HEAD_BYTES = 64 * 1024  # the root element of every real part sits in its first few hundred bytes
_XLSX_ROOT = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?worksheet[\s>/]")
_XLSX_TAG = re.compile(rb"<(?:[\w.-]+:)?(c|row)(?=[\s/>])([^>]*)>")
# calamine reads any quoting and spacing of r=, and the last r= of a cell that repeats it.
_XLSX_R_ATTRIBUTE = re.compile(rb"\sr\s*=\s*([\"'])(.*?)\1", re.DOTALL)
_CELL_REF = re.compile(rb"([A-Za-z]+)(\d+)")
_ROW_REF = re.compile(rb"\d+")
# The quick pass holds only for cells that open with one canonical r="A1" (what Excel writes).
_XLSX_RLESS_CELL = re.compile(rb'<c(?:[>/\t\r\n]| (?!r="))')
_XLSX_RLESS_ROW = re.compile(rb'<row(?:[>/\t\r\n]| (?!r="))')
_XLSX_ODD_CELL = re.compile(rb'<c r="(?:(?![A-Z]{1,3}[0-9]{1,7}")|[^"]*"[^>]*?\sr\s*=)')
_XLSX_PREFIXED = re.compile(rb":(?:c|row)[\s/>]")
_ODS_ROOT = re.compile(rb"<(?:[\w.-]+:)?document-content[\s>/]")
_ODS_TAG = re.compile(rb"<(/?)(?:[\w.-]+:)?(table|table-row|table-cell|covered-table-cell)(?=[\s/>])([^>]*)>")
_ODS_ROWS_REPEATED = re.compile(rb"number-rows-repeated\s*=\s*[\"'](\d+)")
_ODS_COLUMNS_REPEATED = re.compile(rb"number-columns-repeated\s*=\s*[\"'](\d+)")
_ODS_NAME = re.compile(rb"[\s:]name\s*=\s*([\"'])(.*?)\1", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Extent:
    """The rectangle from A1 that a sheet's non-empty cells can reach (an upper bound)."""

    name: str
    rows: int
    columns: int

    @property
    def cells(self) -> int:
        """Cells in the rectangle, what python-calamine will allocate."""
        return self.rows * self.columns


class SheetScanner:
    """Feeds whole tags to ``_scan``: each block ends before the last ``<`` of the data so far."""

    needs_exact = False  # the quick pass found something only the exact pass can measure

    def __init__(self) -> None:
        self._carry = b""

    def feed(self, chunk: bytes) -> None:
        data = self._carry + chunk
        cut = data.rfind(b"<")
        if cut <= 0:
            self._carry = data
            return
        self._carry = data[cut:]
        self._scan(data[:cut])

    def extents(self, part: str) -> list[Extent]:
        """What the scanned part's sheets reach, once every chunk was fed."""
        if self._carry:
            self._scan(self._carry)
            self._carry = b""
        return self._extents(part)

    def _scan(self, block: bytes) -> None:
        raise NotImplementedError

    def _extents(self, part: str) -> list[Extent]:
        raise NotImplementedError


_QUICK_PASS_BREAKERS = (_XLSX_RLESS_CELL, _XLSX_RLESS_ROW, _XLSX_ODD_CELL, _XLSX_PREFIXED)


def _bound(digits: bytes) -> int:
    """A number from the XML that never overflows: past 10 digits it is over every limit anyway."""
    return int(digits.lstrip(b"0")[:10] or b"0")


def _reference(pattern: re.Pattern[bytes], value: bytes) -> re.Match[bytes]:
    match = pattern.fullmatch(value)
    if match is None:
        # calamine refuses such references too ("$A$1", "1A"); nothing can be measured from them.
        raise ImportFileError(ImportProblem.CORRUPT, kind="xlsx", detail=f"cell reference {value[:20]!r}")
    return match


@functools.lru_cache(maxsize=8)
def _big_cells(letters: int, digits: int) -> re.Pattern[bytes]:
    # Any cell past the limits has at least as many letters, or digits, as the limits themselves.
    return re.compile(rb'<c r="([A-Z]{%d,}\d+|[A-Z]+\d{%d,})"([^>]*)>' % (letters, digits))


class XlsxFastScanner(SheetScanner):
    """The quick pass: finds the cells that could break a limit, and whether the quick pass is enough."""

    def __init__(self, max_rows: int, max_columns: int) -> None:
        super().__init__()
        self._letters = len(column_letters(max_columns - 1))
        self._digits = len(str(max_rows))
        self._big = _big_cells(self._letters, self._digits)
        self.needs_exact = False
        self._rows = 0
        self._columns = 0

    def _scan(self, block: bytes) -> None:
        if self.needs_exact:
            return
        if any(pattern.search(block) for pattern in _QUICK_PASS_BREAKERS):
            self.needs_exact = True
            return
        for ref, attributes in self._big.findall(block):
            if attributes.endswith(b"/"):
                continue  # an empty, formatted cell: calamine keeps no value for it
            letters = ref.rstrip(b"0123456789")
            self._rows = max(self._rows, int(ref[len(letters) :]))
            self._columns = max(self._columns, column_index(letters.decode()) + 1)

    def _extents(self, part: str) -> list[Extent]:
        # The bound: cells that were not candidates stay below the candidates' thresholds.
        below_rows = 10 ** (self._digits - 1) - 1
        below_columns = sum(26**width for width in range(1, self._letters))
        return [Extent(part, max(self._rows, below_rows), max(self._columns, below_columns))]


class XlsxExactScanner(SheetScanner):
    """Follows every row and cell element as python-calamine places them (references or counting)."""

    def __init__(self) -> None:
        super().__init__()
        self._row = 0
        self._column = 0
        self._rows = 0
        self._columns = 0

    def _scan(self, block: bytes) -> None:
        for name, attributes in _XLSX_TAG.findall(block):
            references = _XLSX_R_ATTRIBUTE.findall(attributes)
            ref = references[-1][1] if references else None
            if name == b"row":
                self._row = _bound(_reference(_ROW_REF, ref)[0]) if ref is not None else self._row + 1
                self._column = 0
                continue
            row = self._row
            if ref is not None:
                cell = _reference(_CELL_REF, ref)
                self._column = column_index(cell[1][:10].upper().decode()) + 1
                row = _bound(cell[2])
            else:
                self._column += 1
            if not attributes.endswith(b"/"):
                self._rows = max(self._rows, row)
                self._columns = max(self._columns, self._column)

    def _extents(self, part: str) -> list[Extent]:
        return [Extent(part, self._rows, self._columns)]


def _repeat(pattern: re.Pattern[bytes], attributes: bytes) -> int:
    match = pattern.search(attributes)
    return _bound(match[1]) if match else 1


class OdsScanner(SheetScanner):
    """Follows every table, row and cell of an .ods, repeats included, per table."""

    def __init__(self) -> None:
        super().__init__()
        self._tables: list[Extent] = []
        self._name = ""
        self._row = 0  # rows before the current one
        self._rows = 0
        self._columns = 0
        self._row_repeat = 1
        self._column = 0
        self._row_end = 0  # columns up to the row's last non-empty cell

    def _scan(self, block: bytes) -> None:
        for closing, tag, attributes in _ODS_TAG.findall(block):
            if tag == b"table":
                if closing:
                    self._tables.append(Extent(self._name, self._rows, self._columns))
                else:
                    name = _ODS_NAME.search(attributes)
                    self._name = html.unescape(name[2].decode("utf-8", "replace")) if name else ""
                    self._row = self._rows = self._columns = 0
            elif tag == b"table-row":
                if not closing:
                    self._row_repeat = _repeat(_ODS_ROWS_REPEATED, attributes)
                    self._column = self._row_end = 0
                if closing or attributes.endswith(b"/"):
                    self._end_row()
            elif not closing:
                repeat = _repeat(_ODS_COLUMNS_REPEATED, attributes)
                if b"value-type" in attributes or not attributes.endswith(b"/"):
                    self._row_end = self._column + repeat
                self._column += repeat

    def _end_row(self) -> None:
        self._row += self._row_repeat
        if self._row_end:
            self._rows = self._row
            self._columns = max(self._columns, self._row_end)

    def _extents(self, part: str) -> list[Extent]:
        return self._tables


def scanner_for(
    part_format: FileFormat, name: str, head: bytes, max_rows: int, max_columns: int
) -> SheetScanner | None:
    """The scanner for a part (its name and first ``HEAD_BYTES``), or None when it holds no cells.

    An .xlsx part is a sheet when its root element is a worksheet or it sits in a ``worksheets/``
    folder; the quick pass serves only an unprefixed root found at the start, anything else gets
    the exact pass (the OpenXML SDK writes prefixed elements). An .ods keeps its cells in
    ``content.xml``.
    """
    if part_format is FileFormat.XLSX:
        root = _XLSX_ROOT.search(head[:HEAD_BYTES])
        if root is not None and root[1] is None:
            return XlsxFastScanner(max_rows, max_columns)
        if root is not None or "worksheets/" in name:
            return XlsxExactScanner()
        return None
    if part_format is FileFormat.ODS and (name == "content.xml" or _ODS_ROOT.search(head[:HEAD_BYTES])):
        return OdsScanner()
    return None
