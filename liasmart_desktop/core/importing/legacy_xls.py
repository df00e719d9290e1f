"""Legacy .xls measured before python-calamine loads it: each sheet's grid, and its error cells.

python-calamine parses every sheet of an .xls as it opens the workbook, and for each one reserves
room for the whole grid its DIMENSIONS record claims (``cells.reserve(rows * cols)``, tens of bytes a
cell) and then allocates the rectangle its cells span. A 20 KB file claiming 65,536 x 65,535 cells,
or holding one cell at IV65536, would ask for gigabytes. So the compound file (CFB, the OLE2
container) is read here, its ``Workbook`` stream walked record by record (MS-XLS: BOUNDSHEET gives
each sheet's offset; DIMENSIONS and the cell records give its reach), and a sheet beyond the limits
is refused before calamine sees the file.

The same walk notes the cells whose value is an error (``#N/A`` …): python-calamine returns them as
empty, and the importer reports them as formulas to recalculate rather than as missing numbers.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass, field

from liasmart_desktop.core.importing.extents import Extent
from liasmart_desktop.core.importing.problems import ImportFileError, ImportProblem

_HEADER_BYTES = 512
_FREE, _END_OF_CHAIN = 0xFFFFFFFF, 0xFFFFFFFE
_HEADER_DIFAT_ENTRIES = 109
_DIRECTORY_ENTRY_BYTES = 128
_STREAM, _ROOT = 2, 5
_WORKBOOK_STREAMS = ("Workbook", "Book")  # BIFF8, then BIFF5
_BOF, _EOF, _BOUNDSHEET, _DIMENSIONS = 0x0809, 0x000A, 0x0085, 0x0200
_FORMULA, _BOOLERR, _MULRK = 0x0006, 0x0205, 0x00BD
#: The cell records python-calamine keeps (BLANK and MULBLANK it skips): each starts with row, column.
_CELLS = frozenset({0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD, 0x0006})
#: BoolErr and formula error codes (MS-XLS 2.5.10 BErr) as Excel shows them.
ERROR_TEXTS = {
    0x00: "#NULL!",
    0x07: "#DIV/0!",
    0x0F: "#VALUE!",
    0x17: "#REF!",
    0x1D: "#NAME?",
    0x24: "#NUM!",
    0x2A: "#N/A",
}


def _corrupt(detail: str) -> ImportFileError:
    return ImportFileError(ImportProblem.CORRUPT, kind="xls", detail=detail)


class _Compound:
    """Just enough of a compound file to read one stream, every chain checked for loops and bounds."""

    def __init__(self, data: bytes) -> None:
        if len(data) < _HEADER_BYTES:
            raise _corrupt("shorter than a compound file header")
        self._sector = 1 << _u16(data, 0x1E)
        self._mini_sector = 1 << _u16(data, 0x20)
        if self._sector not in (512, 4096) or self._mini_sector != 64:
            raise _corrupt("unusual sector sizes")
        # A last sector cut short reads as zeros (some writers do not pad the file to a whole sector).
        self._data = data + b"\0" * (-(len(data) - _HEADER_BYTES) % self._sector)
        self._sectors = (len(self._data) - _HEADER_BYTES) // self._sector
        self._fat = self._read_fat()
        self._mini_cutoff = _u32(self._data, 0x38)

    def _offset(self, sector: int) -> int:
        if sector >= self._sectors:
            raise _corrupt(f"sector {sector} past the end of the file")
        return (sector + 1) * self._sector

    def _read_fat(self) -> list[int]:
        data = self._data
        fat_sectors = [_u32(data, 0x4C + 4 * index) for index in range(_HEADER_DIFAT_ENTRIES)]
        next_difat, per_sector = _u32(data, 0x44), self._sector // 4 - 1
        for _ in range(self._sectors + 1):
            if next_difat in (_FREE, _END_OF_CHAIN):
                break
            at = self._offset(next_difat)
            fat_sectors += [_u32(data, at + 4 * index) for index in range(per_sector)]
            next_difat = _u32(data, at + 4 * per_sector)
        else:
            raise _corrupt("the sector table loops")
        fat: list[int] = []
        for sector in fat_sectors:
            if sector in (_FREE, _END_OF_CHAIN):
                continue
            at = self._offset(sector)
            fat += struct.unpack_from(f"<{self._sector // 4}I", data, at)
        return fat

    def _chain(self, start: int, table: list[int], limit: int) -> Iterator[int]:
        sector, seen = start, 0
        while sector != _END_OF_CHAIN:
            if sector >= len(table) or seen > limit:
                raise _corrupt("a sector chain is broken or loops")
            yield sector
            seen += 1
            sector = table[sector]

    def _read(self, start: int, size: int) -> bytes:
        parts = [
            self._data[self._offset(s) : self._offset(s) + self._sector]
            for s in self._chain(start, self._fat, self._sectors)
        ]
        return b"".join(parts)[:size] if size >= 0 else b"".join(parts)

    def stream(self, names: tuple[str, ...]) -> bytes:
        """The first of ``names`` the file holds as a stream."""
        directory = self._read(_u32(self._data, 0x30), -1)
        entries = {}
        for at in range(0, len(directory) - _DIRECTORY_ENTRY_BYTES + 1, _DIRECTORY_ENTRY_BYTES):
            length = min(_u16(directory, at + 64), 64)
            name = directory[at : at + max(length - 2, 0)].decode("utf-16-le", "replace")
            kind = directory[at + 66]
            entries[name] = (kind, _u32(directory, at + 116), _u32(directory, at + 120))
        root = next((entry for entry in entries.values() if entry[0] == _ROOT), None)
        for name in names:
            kind, start, size = entries.get(name, (0, 0, 0))
            if kind != _STREAM:
                continue
            if size > len(self._data) * 2:
                raise _corrupt(f"the {name} stream claims {size} bytes")
            if size >= self._mini_cutoff or root is None:
                return self._read(start, size)
            return self._read_mini(root, start, size)
        raise _corrupt("no Workbook stream")

    def _read_mini(self, root: tuple[int, int, int], start: int, size: int) -> bytes:
        mini_stream = self._read(root[1], root[2])
        mini_fat_bytes = self._read(_u32(self._data, 0x3C), -1) if _u32(self._data, 0x40) else b""
        mini_fat = list(struct.unpack(f"<{len(mini_fat_bytes) // 4}I", mini_fat_bytes))
        step = self._mini_sector
        limit = len(mini_stream) // step + 1
        return b"".join(mini_stream[s * step : (s + 1) * step] for s in self._chain(start, mini_fat, limit))[
            :size
        ]


def _u16(data: bytes, at: int) -> int:
    if at + 2 > len(data):
        raise _corrupt("a record ends early")
    return int.from_bytes(data[at : at + 2], "little")


def _u32(data: bytes, at: int) -> int:
    """A 32-bit field; callers check that records are long enough (sectors are whole)."""
    return int.from_bytes(data[at : at + 4], "little")


def _records(stream: bytes, start: int) -> Iterator[tuple[int, bytes]]:
    at = start
    while at + 4 <= len(stream):
        kind, length = _u16(stream, at), _u16(stream, at + 2)
        yield kind, stream[at + 4 : at + 4 + length]
        at += 4 + length


@dataclass(slots=True)
class SheetReach:
    """How far one sheet reaches, as python-calamine would allocate it, and its error cells."""

    name: str
    claimed_cells: int = 0  # what the DIMENSIONS record asks calamine to reserve
    rows: int = 0  # from row 1 to the last row with a cell calamine keeps
    columns: int = 0  # from column A to the last such column
    errors: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column) 1-based, 0-based

    def extent(self) -> Extent:
        """The rectangle from A1 its cells reach."""
        return Extent(self.name, self.rows, self.columns)

    def _cell(self, row: int, column: int) -> None:
        self.rows = max(self.rows, row + 1)
        self.columns = max(self.columns, column + 1)

    def read(self, kind: int, record: bytes) -> None:
        """Take one record of the sheet's substream into account."""
        if kind == _DIMENSIONS:
            self._dimensions(record)
        elif kind == _MULRK:
            self._cell(_u16(record, 0), max(_u16(record, 2), _u16(record, len(record) - 2)))
        elif kind in _CELLS:
            row, column = _u16(record, 0), _u16(record, 2)
            self._cell(row, column)
            error = _error_of(kind, record)
            if error is not None:
                self.errors[(row + 1, column)] = error

    def _dimensions(self, record: bytes) -> None:
        if len(record) >= 14:
            first_row, last_row = _u32(record, 0), _u32(record, 4)
            first_column, last_column = _u16(record, 8), _u16(record, 10)
        elif len(record) >= 8:
            first_row, last_row, first_column, last_column = (_u16(record, 2 * i) for i in range(4))
        else:
            raise _corrupt("a DIMENSIONS record is too short")
        if first_column > 0xFF or last_column < first_column:
            first_column = 0  # as calamine reads it
        if last_row < 1 or last_column < 1:
            return  # calamine reserves one cell
        rows, columns = last_row - first_row, last_column - first_column
        if rows < 0:
            # calamine's unsigned arithmetic would wrap round to a reservation of billions of cells.
            raise _corrupt("a DIMENSIONS record ends before it starts")
        self.claimed_cells = max(self.claimed_cells, rows * columns)


def _error_of(kind: int, record: bytes) -> str | None:
    """The error text of a BoolErr or formula cell whose value is an error (``#N/A``), else None."""
    if kind == _BOOLERR and len(record) >= 8 and record[7] == 1:
        return ERROR_TEXTS.get(record[6], "#N/A")
    if kind == _FORMULA and len(record) >= 14 and record[12:14] == b"\xff\xff" and record[6] == 2:
        return ERROR_TEXTS.get(record[8], "#N/A")
    return None


def measure_xls(data: bytes) -> list[SheetReach]:
    """Every sheet of an .xls, as its BOUNDSHEET records list them (hidden ones too: calamine reads all)."""
    stream = _Compound(data).stream(_WORKBOOK_STREAMS)
    sheets: list[tuple[int, str]] = []
    for kind, record in _records(stream, 0):
        if kind == _BOUNDSHEET and len(record) >= 8:
            sheets.append((_u32(record, 0), _sheet_name(record)))
        elif kind == _EOF:
            break
    return [_measure_sheet(stream, position, name) for position, name in sheets]


def _sheet_name(record: bytes) -> str:
    length = record[6]
    if len(record) == 7 + length:  # BIFF5: the name's bytes right after its length
        return record[7:].decode("latin-1")
    if record[7] & 1:  # BIFF8: a flags byte, 1 = UTF-16
        return record[8 : 8 + 2 * length].decode("utf-16-le", "replace")
    return record[8 : 8 + length].decode("latin-1")


def _measure_sheet(stream: bytes, position: int, name: str) -> SheetReach:
    reach = SheetReach(name)
    depth = 0  # nested substreams (an embedded chart) carry cell-like records calamine skips
    for index, (kind, record) in enumerate(_records(stream, position)):
        if kind == _BOF and index:
            depth += 1
        elif kind == _EOF:
            if not depth:
                break
            depth -= 1
        elif not depth:
            reach.read(kind, record)
    return reach
