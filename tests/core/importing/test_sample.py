"""The sample spreadsheet: expected headers, the phone column as Text, and it imports back cleanly."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from liasmart_desktop.core.exports import TEXT_FORMAT
from liasmart_desktop.core.importing import ImportOptions, import_file
from liasmart_desktop.core.importing.sample import EXAMPLE_PHONES, SampleSheet, write_sample_spreadsheet


def test_default_sample_imports_back_with_two_recipients(tmp_path: Path) -> None:
    path = write_sample_spreadsheet(tmp_path / "sample.xlsx")
    assert path == tmp_path / "sample.xlsx"
    report = import_file(path, ImportOptions(country="CN"))
    assert report.columns == ("Phone", "Name", "City")
    assert report.phone_column == "Phone"
    assert report.header_row == 1
    assert report.counts.recipients == 2
    assert report.rows == 2
    assert [r.phone for r in report.recipients] == ["12015550123", "61491570156"]
    assert [r.original for r in report.recipients] == list(EXAMPLE_PHONES)
    assert report.fields(report.recipients[0]) == {
        "Phone": EXAMPLE_PHONES[0],
        "Name": "Alice",
        "City": "New York",
    }


def test_examples_import_without_a_default_country(tmp_path: Path) -> None:
    report = import_file(write_sample_spreadsheet(tmp_path / "s.xlsx"))
    assert report.counts.recipients == 2


def test_phone_column_is_text_formatted_for_cells_and_the_whole_column(tmp_path: Path) -> None:
    path = write_sample_spreadsheet(tmp_path / "sample.xlsx")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    assert sheet.title == "Recipients"
    assert sheet.column_dimensions["A"].number_format == TEXT_FORMAT
    assert [sheet.cell(row, 1).number_format for row in (1, 2, 3)] == [TEXT_FORMAT] * 3
    assert [sheet.cell(row, 1).data_type for row in (1, 2, 3)] == ["s"] * 3
    assert sheet.cell(2, 2).number_format != TEXT_FORMAT  # only the phone column
    assert all(sheet.cell(1, column).font.b for column in (1, 2, 3))
    assert sheet.freeze_panes == "A2"
    assert sheet.max_row == 3
    workbook.close()


def test_translated_words_are_written_as_text_and_import_back(tmp_path: Path) -> None:
    sample = SampleSheet(
        headers=("手机号码", "姓名", "备注"),
        rows=((EXAMPLE_PHONES[0], "张伟", "=1+1"), (EXAMPLE_PHONES[1], "王芳", "@home")),
        title="收件人名单 with a title longer than Excel allows",
    )
    path = write_sample_spreadsheet(str(tmp_path / "样例.xlsx"), sample)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    assert len(sheet.title) == 31
    assert sheet.cell(2, 3).value == "=1+1"
    assert sheet.cell(2, 3).data_type == "s"  # never a formula
    workbook.close()
    report = import_file(path)
    assert report.phone_column == "手机号码"
    assert report.counts.recipients == 2
    assert report.fields(report.recipients[0])["备注"] == "=1+1"


def test_overwrites_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "sample.xlsx"
    target.write_bytes(b"old")
    write_sample_spreadsheet(target)
    assert import_file(target).counts.recipients == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sample.xlsx"]  # no temporary file left


@pytest.mark.parametrize(
    ("headers", "rows"),
    [
        ((), ()),
        (("Phone", "Name"), (("+1 201-555-0123",),)),
    ],
)
def test_rows_must_match_the_headers(headers: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> None:
    with pytest.raises(ValueError, match="one value per header"):
        SampleSheet(headers=headers, rows=rows)
