"""The .xls measurement: the compound file read safely, every sheet's reach, damaged containers refused."""

from __future__ import annotations

import struct

import pytest

from liasmart_desktop.core.importing import ImportFileError, ImportProblem
from liasmart_desktop.core.importing.legacy_xls import SheetReach, measure_xls
from tests.core.importing.xls_craft import (
    END,
    SECTOR,
    bof,
    compound,
    dimensions,
    number,
    record,
    workbook_stream,
)


def corrupt(data: bytes | bytearray) -> str:
    with pytest.raises(ImportFileError) as caught:
        measure_xls(bytes(data))
    assert (caught.value.code, caught.value.params["kind"]) == (ImportProblem.CORRUPT, "xls")
    return str(caught.value.params["detail"])


def test_a_small_workbook_in_the_mini_stream_is_measured() -> None:
    stream = workbook_stream(
        [("List", [dimensions(0, 3, 0, 2), number(0, 0), number(2, 1)]), ("Other", [dimensions(0, 0, 0, 0)])]
    )
    [first, second] = measure_xls(bytes(compound(stream)))
    assert (first.name, first.claimed_cells, first.rows, first.columns) == ("List", 6, 3, 2)
    assert (second.name, second.claimed_cells, second.rows, second.columns) == ("Other", 0, 0, 0)
    assert first.extent().cells == 6


def test_a_biff5_book_stream_with_plain_names() -> None:
    stream = workbook_stream([("Alt", [number(4, 0)])], biff5_names=True)
    [reach] = measure_xls(bytes(compound(stream, stream_name="Book")))
    assert (reach.name, reach.rows, reach.columns) == ("Alt", 5, 1)


def test_mulrk_error_cells_and_formula_errors() -> None:
    mulrk = record(0x00BD, struct.pack("<HH", 1, 2) + b"\0" * 12 + struct.pack("<H", 7))
    boolerr_error = record(0x0205, struct.pack("<HHHBB", 3, 0, 0, 0x07, 1))
    boolerr_bool = record(0x0205, struct.pack("<HHHBB", 4, 0, 0, 1, 0))
    formula_error = record(
        0x0006, struct.pack("<HHH", 5, 0, 0) + b"\x02\x00\x17\x00\x00\x00\xff\xff" + b"\0" * 6
    )
    formula_number = record(0x0006, struct.pack("<HHHd", 6, 0, 0, 1.5) + b"\0" * 6)
    stream = workbook_stream([("S", [mulrk, boolerr_error, boolerr_bool, formula_error, formula_number])])
    [reach] = measure_xls(bytes(compound(stream)))
    assert (reach.rows, reach.columns) == (7, 8)
    assert reach.errors == {(4, 0): "#DIV/0!", (6, 0): "#REF!"}


def test_an_embedded_chart_substream_is_skipped() -> None:
    chart = [bof(), number(60000, 250), bof(), record(0x000A), record(0x000A)]
    stream = workbook_stream([("S", [number(0, 0), *chart, number(1, 0)])])
    [reach] = measure_xls(bytes(compound(stream)))
    assert (reach.rows, reach.columns) == (2, 1)


@pytest.mark.parametrize(
    ("record_bytes", "claimed"),
    [
        (record(0x0200, struct.pack("<HHHHH", 0, 100, 0, 4, 0)), 400),  # BIFF5: 16-bit rows
        (dimensions(0, 10, 300, 5), 50),  # a first column past IV reads as A
        (dimensions(0, 0, 0, 0), 0),  # nothing claimed
    ],
)
def test_dimensions_as_calamine_reads_them(record_bytes: bytes, claimed: int) -> None:
    [reach] = measure_xls(bytes(compound(workbook_stream([("S", [record_bytes])]))))
    assert reach.claimed_cells == claimed


def test_short_records_are_refused() -> None:
    assert corrupt(compound(workbook_stream([("S", [record(0x0200, b"\0" * 4)])]))) == (
        "a DIMENSIONS record is too short"
    )
    assert corrupt(compound(workbook_stream([("S", [record(0x0203, b"\0")])]))) == "a record ends early"
    assert corrupt(compound(workbook_stream([("S", [dimensions(5, 2, 0, 1)])]))) == (
        "a DIMENSIONS record ends before it starts"
    )


def test_damaged_containers_are_refused() -> None:
    good = compound(workbook_stream([("S", [number(0, 0)])]))
    assert corrupt(good[:100]) == "shorter than a compound file header"
    odd = bytearray(good)
    struct.pack_into("<H", odd, 0x1E, 10)
    assert corrupt(odd) == "unusual sector sizes"
    far = bytearray(good)
    struct.pack_into("<I", far, 0x30, 100)  # the directory in a sector the file does not have
    struct.pack_into("<I", far, SECTOR + 4 * 100, END)
    assert corrupt(far) == "sector 100 past the end of the file"
    looping = bytearray(good)
    struct.pack_into("<I", looping, SECTOR + 4 * 1, 1)  # the directory's sector points to itself
    assert corrupt(looping) == "a sector chain is broken or loops"
    nameless = bytearray(good)
    nameless[SECTOR * 2 + 128 : SECTOR * 2 + 136] = "Book".encode("utf-16-le")
    nameless[SECTOR * 2 + 128 + 66] = 1  # a storage, not a stream
    assert corrupt(nameless) == "no Workbook stream"
    bloated = bytearray(good)
    struct.pack_into("<I", bloated, SECTOR * 2 + 128 + 120, 10**9)
    assert corrupt(bloated) == "the Workbook stream claims 1000000000 bytes"


def test_extra_sector_tables_are_followed_and_a_looping_one_refused() -> None:
    good = compound(workbook_stream([("S", [number(0, 0)])]))
    # A DIFAT sector (sector 5, past the end of the chain data) listing no further FAT sectors.
    extended = bytearray(good) + struct.pack(f"<{SECTOR // 4}I", *[0xFFFFFFFF] * (SECTOR // 4 - 1), END)
    struct.pack_into("<II", extended, 0x44, (len(extended) - SECTOR) // SECTOR - 1, 1)
    [reach] = measure_xls(bytes(extended))
    assert reach.rows == 1
    looping = bytearray(extended)
    last = (len(looping) - SECTOR) // SECTOR - 1
    struct.pack_into("<I", looping, len(looping) - 4, last)  # the DIFAT sector names itself as next
    assert corrupt(looping) == "the sector table loops"


def test_a_sheet_reach_knows_its_extent() -> None:
    reach = SheetReach("S", rows=3, columns=2)
    assert (reach.extent().name, reach.extent().cells) == ("S", 6)


def test_streams_without_end_records_and_utf16_names() -> None:
    # A BOUNDSHEET whose name is UTF-16 (flag 1), and neither the globals nor the sheet ends with EOF.
    name = "名单".encode("utf-16-le")
    sheet_at = len(bof()) + 4 + 8 + len(name)
    boundsheet = record(0x0085, struct.pack("<IBBBB", sheet_at, 0, 0, 2, 1) + name)
    stream = bof() + boundsheet + bof(sheet=True) + number(2, 3)
    [reach] = measure_xls(bytes(compound(stream)))
    assert (reach.name, reach.rows, reach.columns) == ("名单", 3, 4)


def test_a_file_cut_short_in_its_last_sector_is_read_as_padded() -> None:
    good = compound(workbook_stream([("S", [number(0, 0)])]))
    [reach] = measure_xls(bytes(good[:-100]))
    assert reach.rows == 1
    assert corrupt(good[:SECTOR]) == "sector 0 past the end of the file"
