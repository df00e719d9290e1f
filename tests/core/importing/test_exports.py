"""The list of rows to fix: every problem row, phone kept as text, no cell a formula, and it imports back."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import openpyxl.xml
import pytest

from liasmart_desktop.core.importing import (
    ImportOptions,
    ImportReport,
    RowProblem,
    RowStatus,
    import_file,
    write_problem_rows,
)
from liasmart_desktop.core.importing.exports import csv_phone_cell, require_defused_openpyxl

HEADINGS = ("Row", "Status", "Reason")


def describe(problem: RowProblem) -> tuple[str, str]:
    return problem.status.value, problem.reason.value


def report_with_problems(tmp_path: Path) -> ImportReport:
    text = (
        "name,phone,note\n"
        "=cmd|' /C calc'!A0,13912345678,ok\n"
        "@SUM(A1),1.39123E+10,-2\n"
        "Bob,,+hello\n"
        "Dup,139 1234 5678,\tx\n"
        "Eve,12345,\n"
    )
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8")
    return import_file(path, ImportOptions(country="CN"))


def test_csv_export_is_formula_safe_and_keeps_phones_as_text(tmp_path: Path) -> None:
    report = report_with_problems(tmp_path)
    target = tmp_path / "fix.csv"
    assert write_problem_rows(report, target, headings=HEADINGS, describe=describe) == 4
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel opens UTF-8 with a BOM correctly
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["Row", "Status", "Reason", "name", "phone", "note"]
    assert rows[1] == ["3", "damaged", "scientific_notation", "'@SUM(A1)", "'1.39123E+10", "'-2"]
    assert rows[2] == ["4", "missing", "empty", "Bob", "", "'+hello"]
    assert rows[3] == ["5", "duplicate", "duplicate", "Dup", "'139 1234 5678", "'\tx"]
    assert rows[4] == ["6", "invalid", "invalid_for_country", "Eve", "'12345", ""]


def test_fixed_csv_imports_as_written(tmp_path: Path) -> None:
    report = report_with_problems(tmp_path)
    target = tmp_path / "fix.csv"
    write_problem_rows(report, target, headings=HEADINGS, describe=describe, statuses=[RowStatus.DUPLICATE])
    again = import_file(target, ImportOptions(country="CN", phone_column="phone"))
    assert [(r.row, r.phone) for r in again.recipients] == [(2, "8613912345678")]


def test_xlsx_export_stores_every_text_cell_as_text(tmp_path: Path) -> None:
    report = report_with_problems(tmp_path)
    target = tmp_path / "fix.xlsx"
    assert write_problem_rows(report, target, headings=HEADINGS, describe=describe, sheet_title="待修正") == 4
    book = openpyxl.load_workbook(target)
    try:
        sheet = book["待修正"]
        cells = [cell for row in sheet.iter_rows() for cell in row]
        assert all(cell.data_type != "f" for cell in cells)
        assert sheet["D2"].value == "@SUM(A1)"
        assert (sheet["E2"].value, sheet["E2"].number_format) == ("1.39123E+10", "@")
        assert sheet["A2"].value == 3
    finally:
        book.close()


def test_xlsx_sheet_title_defaults(tmp_path: Path) -> None:
    report = report_with_problems(tmp_path)
    target = tmp_path / "to-fix.xlsx"
    write_problem_rows(report, target, headings=HEADINGS, describe=describe)
    book = openpyxl.load_workbook(target, read_only=True)
    try:
        assert book.sheetnames == ["to-fix"]
    finally:
        book.close()


def test_openpyxl_must_use_defusedxml(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert openpyxl.xml.DEFUSEDXML is True
    require_defused_openpyxl()
    monkeypatch.setattr(openpyxl.xml, "DEFUSEDXML", False)
    with pytest.raises(RuntimeError, match="defusedxml"):
        write_problem_rows(
            report_with_problems(tmp_path), tmp_path / "x.xlsx", headings=HEADINGS, describe=describe
        )


@pytest.mark.parametrize(
    ("text", "cell"),
    [("13912345678", "'13912345678"), ("+86 139", "'+86 139"), ("=1+1", "'=1+1"), ("n/a", "n/a"), ("", "")],
)
def test_csv_phone_cell(text: str, cell: str) -> None:
    assert csv_phone_cell(text) == cell
