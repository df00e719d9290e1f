"""Importer loose ends (issue 12, item 5): a stray NUL byte, formulas without a value, and a legacy .xls
that claims a huge grid.

Before: a CSV with one NUL byte was "neither a spreadsheet nor a text file"; a phone cell holding an
uncalculated formula or #N/A was "The phone cell is empty"; and a 20 KB .xls whose DIMENSIONS record
claims 2^28 x 256 cells aborted the whole process inside python-calamine ("memory allocation of
2748779059200 bytes failed").
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from liasmart_desktop.core.importing import (
    ImportFileError,
    ImportOptions,
    ImportProblem,
    RowReason,
    RowStatus,
    import_file,
)
from liasmart_desktop.core.importing.formats import Container, sniff_container
from liasmart_desktop.core.importing.formula_cells import MAX_CARRY_BYTES, XlsxFormulaCells
from liasmart_desktop.core.importing.limits import ImportLimits
from tests.core.importing.builders import write_xls

CN = ImportOptions(country="CN")
ROOT = Path(__file__).resolve().parents[3]


def refused(path: Path, options: ImportOptions = CN) -> tuple[ImportProblem, dict[str, object]]:
    with pytest.raises(ImportFileError) as caught:
        import_file(path, options)
    return caught.value.code, dict(caught.value.params)


# ---------------------------------------------------------------------- a stray NUL byte


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_a_stray_nul_byte_is_named_with_its_row(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes("姓名,手机号码\n张三,13912345678\n李四,1381234\x005678\n".encode(encoding))
    assert refused(path) == (ImportProblem.NUL_BYTE, {"row": 3, "column": "B"})


def test_a_nul_byte_far_into_the_file_is_named_too(tmp_path: Path) -> None:
    rows = "".join(f"Name {i},139{i:08d}\n" for i in range(2000))
    path = tmp_path / "list.csv"
    path.write_bytes(("Name,Phone\n" + rows + "Zed\x00,13900000000\n").encode())
    assert refused(path) == (ImportProblem.NUL_BYTE, {"row": 2002, "column": "A"})


@pytest.mark.parametrize(
    "head",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",  # SUB inside: not text
        b"a,b\n\x01\x00\x02",  # other control bytes beside the NUL
        b"a,b\n" + b"\x00" * 9 + b"1,2\n",  # too many NULs to be stray
    ],
)
def test_binary_files_stay_refused_as_binary(head: bytes) -> None:
    with pytest.raises(ImportFileError) as caught:
        sniff_container(head)
    assert dict(caught.value.params) == {"kind": "binary"}


def test_a_dos_end_of_file_mark_is_text() -> None:
    assert sniff_container(b"phone\n13912345678\n\x00\x1a") is Container.TEXT


# ---------------------------------------------------------------------- formulas without a value


def formula_workbook(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["phone", "name", "total"])
    sheet.append(["13912345678", "Ann", "=1+1"])  # a formula elsewhere changes nothing
    sheet.append(["=A2", "Bob", 3])  # openpyxl writes no value for it: never calculated
    sheet.append([None, "Cat", 4])  # really empty
    sheet.append([None, "Dan", 5])
    sheet["A5"].value = "#N/A"
    sheet["A5"].data_type = "e"
    sheet.append(["13812345678", "Eve", 6])
    workbook.save(path)
    return path


def test_formula_and_error_cells_are_not_called_empty(tmp_path: Path) -> None:
    report = import_file(formula_workbook(tmp_path / "formulas.xlsx"), CN)
    found = {(p.row, p.status, p.reason, dict(p.params).get("error")) for p in report.problems}
    assert found == {
        (3, RowStatus.DAMAGED, RowReason.FORMULA_NOT_CALCULATED, ""),
        (4, RowStatus.MISSING, RowReason.EMPTY, None),
        (5, RowStatus.DAMAGED, RowReason.FORMULA_NOT_CALCULATED, "#N/A"),
    }
    assert report.counts.recipients == 2
    assert report.counts.total == report.rows


def test_an_error_cell_in_a_legacy_xls(tmp_path: Path) -> None:
    # xlwt writes a boolean as a BoolErr record; turning its flag on makes it the error #N/A.
    path = write_xls(tmp_path / "errors.xls", {"S": [["phone"], ["13912345678"], [True], ["13812345678"]]})
    data = bytearray(path.read_bytes())
    at = data.find(b"\x05\x02\x08\x00\x02\x00\x00\x00")  # BoolErr, 8 bytes, row 3 (index 2), column A
    assert at > 0
    data[at + 10 : at + 12] = b"\x2a\x01"  # #N/A, fError
    path.write_bytes(bytes(data))
    report = import_file(path, CN)
    [problem] = report.problems
    assert (problem.row, problem.status, dict(problem.params)) == (3, RowStatus.DAMAGED, {"error": "#N/A"})


def test_formula_cells_cut_across_chunks_are_found() -> None:
    xml = (
        b'<sheetData><row r="1"><c r="A1"><f>B1</f><v/></c><c r="B1" t="e"><v>#REF!</v></c></row></sheetData>'
    )
    for cut in range(1, len(xml)):
        cells = XlsxFormulaCells()
        cells.feed(xml[:cut])
        cells.feed(xml[cut:])
        assert cells.finish() == {(1, 0): "", (1, 1): "#REF!"}, cut


def test_formula_cells_ignore_calculated_and_text_formulas() -> None:
    cells = XlsxFormulaCells()
    cells.feed(b"text before any tag")
    cells.feed(
        b'<c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="str"><f>""</f><v></v></c>'
        b'<c r="C1" s="1"/><c r="D1" t="e"><v></v></c>'
    )
    assert cells.finish() == {(1, 3): "#N/A"}


def test_a_giant_cell_is_not_followed() -> None:
    cells = XlsxFormulaCells()
    cells.feed(b'<c r="A1"><f>1</f><is><t>' + b"x" * (MAX_CARRY_BYTES + 1))
    cells.feed(b"</t></is></c>")
    assert cells.finish() == {}


# ---------------------------------------------------------------------- a legacy .xls that claims a huge grid


def patched_dimensions(path: Path, rows: int, columns: int, first_row: int = 0) -> Path:
    data = bytearray(path.read_bytes())
    at = data.find(b"\x00\x02\x0e\x00")  # DIMENSIONS, 14 bytes (BIFF8)
    assert at > 0
    data[at + 4 : at + 16] = (
        first_row.to_bytes(4, "little")
        + rows.to_bytes(4, "little")
        + b"\x00\x00"
        + columns.to_bytes(2, "little")
    )
    path.write_bytes(bytes(data))
    return path


def test_a_huge_claimed_grid_is_refused_before_calamine_opens_the_file(tmp_path: Path) -> None:
    path = patched_dimensions(
        write_xls(tmp_path / "claim.xls", {"S": [["phone"], ["13912345678"]]}), 0x0FFFFFFF, 0x100
    )
    assert refused(path) == (
        ImportProblem.SHEET_TOO_LARGE,
        {"sheet": "S", "cells": 0x0FFFFFFF * 0x100, "limit": 6_000_000},
    )


def test_the_process_survives_the_crafted_file(tmp_path: Path) -> None:
    # Without the measurement python-calamine aborts the interpreter (SIGABRT), so it runs apart.
    path = patched_dimensions(write_xls(tmp_path / "claim.xls", {"S": [["phone"]]}), 0x0FFFFFFF, 0x100)
    code = (
        "import sys; from liasmart_desktop.core.importing import import_file, ImportFileError\n"
        "try:\n    import_file(sys.argv[1])\nexcept ImportFileError as exc:\n    print(exc.code.value)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, env=env, check=False
    )
    assert (done.returncode, done.stdout.strip()) == (0, "sheet_too_large")


def test_a_huge_hidden_sheet_is_refused_too(tmp_path: Path) -> None:
    # calamine parses every sheet when it opens an .xls, hidden ones included.
    path = write_xls(tmp_path / "hidden.xls", {"S": [["phone"], ["13912345678"]], "H": [["x"]]}, hidden=["H"])
    data = bytearray(path.read_bytes())
    second = data.find(b"\x00\x02\x0e\x00", data.find(b"\x00\x02\x0e\x00") + 1)
    data[second + 8 : second + 16] = (
        (0x00100000).to_bytes(4, "little") + b"\x00\x00" + (0xFF).to_bytes(2, "little")
    )
    path.write_bytes(bytes(data))
    assert refused(path)[1]["sheet"] == "H"


def test_a_far_cell_is_refused_as_too_many_columns(tmp_path: Path) -> None:
    path = write_xls(tmp_path / "far.xls", {"S": [["phone", "x"], ["13912345678", "y"]]})
    data = bytearray(path.read_bytes())
    at = data.find(b"\xfd\x00\x0a\x00\x01\x00\x01\x00")  # LabelSst, row 2, column B
    assert at > 0
    data[at + 6 : at + 8] = (300).to_bytes(2, "little")
    path.write_bytes(bytes(data))
    code, params = refused(path)
    assert code is ImportProblem.TOO_MANY_COLUMNS
    assert (params["count"], params["limit"]) == (301, 100)


def test_a_claim_within_the_limits_reads_normally(tmp_path: Path) -> None:
    rows = [["phone"], *([f"+86139{i:08d}"] for i in range(600))]  # a Workbook stream past the mini stream
    path = patched_dimensions(write_xls(tmp_path / "big.xls", {"S": rows}), 1000, 10)
    report = import_file(path, ImportOptions(country="CN", limits=ImportLimits(max_sheet_cells=10_000)))
    assert report.counts.recipients == 600


def test_a_claim_ending_before_it_starts_is_corrupt(tmp_path: Path) -> None:
    path = patched_dimensions(write_xls(tmp_path / "odd.xls", {"S": [["phone"]]}), 5, 1, first_row=9)
    code, params = refused(path)
    assert (code, params["kind"]) == (ImportProblem.CORRUPT, "xls")
