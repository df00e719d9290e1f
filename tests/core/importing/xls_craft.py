"""Hand-made legacy .xls files: BIFF records in a compound file, small enough to sit in its mini stream.

xlwt pads every Workbook stream past the mini stream's 4,096-byte cutoff, so the small-stream path
and the damaged containers the reader must refuse are built here, byte by byte.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence

SECTOR = 512
MINI = 64
FREE, END, FAT_SECTOR = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def record(kind: int, payload: bytes = b"") -> bytes:
    """One BIFF record: type, length, payload."""
    return struct.pack("<HH", kind, len(payload)) + payload


def bof(sheet: bool = False) -> bytes:
    """A BIFF8 BOF record (workbook globals, or a worksheet)."""
    return record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010 if sheet else 0x0005, 0, 0, 0, 0))


def dimensions(first_row: int, last_row: int, first_column: int, last_column: int) -> bytes:
    """A BIFF8 DIMENSIONS record (rows 32-bit, columns 16-bit; "last" is one past the last)."""
    return record(0x0200, struct.pack("<IIHHH", first_row, last_row, first_column, last_column, 0))


def number(row: int, column: int, value: float = 1.0) -> bytes:
    """A NUMBER cell."""
    return record(0x0203, struct.pack("<HHHd", row, column, 0, value))


def workbook_stream(sheets: Sequence[tuple[str, Sequence[bytes]]], *, biff5_names: bool = False) -> bytes:
    """Globals with one BOUNDSHEET per sheet, then each sheet's records between BOF and EOF."""
    bodies = [bof(sheet=True) + b"".join(records) + record(0x000A) for _, records in sheets]

    def boundsheet(position: int, name: str) -> bytes:
        encoded = name.encode("latin-1")
        flags = b"" if biff5_names else b"\x00"
        return record(0x0085, struct.pack("<IBBB", position, 0, 0, len(encoded)) + flags + encoded)

    globals_size = len(bof()) + sum(len(boundsheet(0, name)) for name, _ in sheets) + len(record(0x000A))
    position, parts = globals_size, []
    for (name, _), body in zip(sheets, bodies, strict=True):
        parts.append(boundsheet(position, name))
        position += len(body)
    return bof() + b"".join(parts) + record(0x000A) + b"".join(bodies)


def _entry(name: str, kind: int, start: int, size: int) -> bytes:
    encoded = (name + "\0").encode("utf-16-le") if name else b""
    entry = bytearray(128)
    entry[: len(encoded)] = encoded
    struct.pack_into("<H", entry, 64, len(encoded))
    entry[66] = kind
    struct.pack_into("<III", entry, 68, FREE, FREE, FREE)  # no siblings, no child
    struct.pack_into("<II", entry, 116, start, size)
    return bytes(entry)


def compound(stream: bytes, *, stream_name: str = "Workbook") -> bytearray:
    """A version-3 compound file holding ``stream`` (under 4,096 bytes) in its mini stream.

    Sectors: 0 the FAT, 1 the directory, 2 the mini FAT, 3… the mini stream.
    """
    mini_sectors = -(-len(stream) // MINI)
    container = stream.ljust(mini_sectors * MINI, b"\0")
    data_sectors = -(-len(container) // SECTOR)
    header = bytearray(SECTOR)
    header[:8] = MAGIC
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIII", header, 0x2C, 1, 1, 0, 4096)
    struct.pack_into("<IIII", header, 0x3C, 2, 1, END, 0)
    struct.pack_into("<I", header, 0x4C, 0)
    for index in range(1, 109):
        struct.pack_into("<I", header, 0x4C + 4 * index, FREE)
    fat = [FAT_SECTOR, END, END, *range(4, 3 + data_sectors), END]
    fat_sector = struct.pack(f"<{SECTOR // 4}I", *fat, *[FREE] * (SECTOR // 4 - len(fat)))
    directory = (
        _entry("Root Entry", 5, 3, len(container))
        + _entry(stream_name, 2, 0, len(stream))
        + _entry("", 0, 0, 0) * 2
    )
    mini_fat = [*range(1, mini_sectors), END]
    mini_fat_sector = struct.pack(f"<{SECTOR // 4}I", *mini_fat, *[FREE] * (SECTOR // 4 - len(mini_fat)))
    body = container.ljust(data_sectors * SECTOR, b"\0")
    return bytearray(bytes(header) + fat_sector + directory + mini_fat_sector + body)
