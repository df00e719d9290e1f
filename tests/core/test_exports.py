"""Excel-safe exports: no cell becomes a formula, phones stay text, failures leave nothing behind."""

from __future__ import annotations

import csv
import gc
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from liasmart_desktop.core.exports import neutralise, write_csv, write_xlsx

HOSTILE = ["=cmd|' /C calc'!A0", "+8613912345678", "-1", "@SUM(A1)", "\tx", "\rx", "plain"]


@pytest.mark.parametrize("value", HOSTILE)
def test_csv_neutralises_formula_starts(tmp_path: Path, value: str) -> None:
    path = tmp_path / "out.csv"
    assert write_csv(path, ["v"], [[value]]) == 1
    with path.open(encoding="utf-8-sig", newline="") as handle:
        cell = list(csv.reader(handle))[1][0]
    assert cell == (value if value == "plain" else "'" + value)
    assert neutralise("abc") == "abc"


def test_csv_writes_numbers_and_empty_cells(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_csv(path, ["a", "b", "c"], [[1, None, Decimal("1.50")]])
    assert path.read_text(encoding="utf-8-sig").splitlines() == ["a,b,c", "1,,1.50"]
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_xlsx_keeps_every_text_as_text(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    rows = [[value, "8613912345678", 3, Decimal("0.05"), None] for value in HOSTILE] + [
        ["bad\x01char", "", 1, 1, 1]
    ]
    assert write_xlsx(path, ["text", "phone", "n", "price", "none"], rows, text_columns=[1]) == len(rows)
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    cells = list(sheet.iter_rows(min_row=2))
    assert all(row[0].data_type == "s" for row in cells)
    # XML turns a stored CR into LF when read back; the point is that nothing became a formula.
    assert [row[0].value for row in cells[:-1]] == [v.replace("\r", "\n") for v in HOSTILE]
    assert cells[-1][0].value == "bad\ufffdchar"
    assert cells[0][1].value == "8613912345678"
    assert cells[0][1].number_format == "@"
    assert cells[0][3].value == pytest.approx(0.05)


def test_failed_exports_leave_no_file_and_no_open_writer(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_xlsx(tmp_path / "missing" / "x.xlsx", ["a"], [["1"]])

    def rows() -> Iterator[list[str]]:
        yield ["1"]
        raise RuntimeError("reading the journal failed")

    with pytest.raises(RuntimeError):
        write_xlsx(tmp_path / "x.xlsx", ["a"], rows())
    with pytest.raises(RuntimeError):
        write_csv(tmp_path / "x.csv", ["a"], rows())
    gc.collect()
    assert list(tmp_path.iterdir()) == []
