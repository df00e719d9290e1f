"""The import preview model: every row in file order, its bucket with text and icon, filtering by bucket."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QIcon
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from liasmart_desktop.core.importing import (
    FileFormat,
    ImportCounts,
    ImportOptions,
    ImportReport,
    Recipient,
    RowStatus,
    import_file,
)
from liasmart_desktop.ui.models.import_preview_model import (
    ENTRY_ROLE,
    STATUS_ROLE,
    Column,
    ImportPreviewModel,
    preview_rows,
)

HORIZONTAL = Qt.Orientation.Horizontal
DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
DECORATION = Qt.ItemDataRole.DecorationRole
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole


@pytest.fixture
def report(tmp_path: Path) -> ImportReport:
    """One row in every bucket, an empty row, and a short row (fewer cells than columns)."""
    path = tmp_path / "list.csv"
    path.write_text(
        "Name,Mobile,City\n"
        "Ann,13912345678,Beijing\n"
        "Bob,139 1234 5678,Shanghai\n"
        "Cat,,Shenzhen\n"
        "\n"
        "Dan,12,Wuhan\n"
        "Eve,1.39123E+10,Xi'an\n"
        "Fay,+86 138 0013 8000\n",
        encoding="utf-8",
    )
    return import_file(path, ImportOptions(country="CN"))


def cell(model: ImportPreviewModel, row: int, column: int, role: int = DISPLAY) -> object:
    return model.data(model.index(row, column), role)


def test_rows_are_in_file_order_with_bucket_reason_and_both_phones(
    qtbot: QtBot, qtmodeltester: ModelTester, report: ImportReport
) -> None:
    model = ImportPreviewModel()
    qtmodeltester.check(model)
    model.load(report)
    assert model.rowCount() == report.rows == 6
    assert model.columnCount() == len(Column) + 2  # Name and City; Mobile is the phone column
    assert [cell(model, r, Column.ROW) for r in range(6)] == [2, 3, 4, 6, 7, 8]
    assert [cell(model, r, Column.STATUS) for r in range(6)] == [
        "Will be sent",
        "Duplicate",
        "Missing",
        "Invalid",
        "Damaged by Excel",
        "Will be sent",
    ]
    assert cell(model, 0, Column.REASON) == ""
    assert cell(model, 1, Column.REASON) == "The same number as row 2, which is kept."
    assert cell(model, 2, Column.REASON) == "The phone cell is empty."
    assert cell(model, 3, Column.REASON) == "Too short for a phone number (2 digits)."
    assert str(cell(model, 4, Column.REASON)).startswith("Excel has turned this number into scientific")
    assert [cell(model, r, Column.PHONE_AS_READ) for r in (0, 1, 5)] == [
        "13912345678",
        "139 1234 5678",
        "+86 138 0013 8000",
    ]
    assert [cell(model, r, Column.PHONE_AS_SENT) for r in (0, 1, 5)] == [
        "+8613912345678",
        "",
        "+8613800138000",
    ]
    assert [cell(model, 0, c) for c in (len(Column), len(Column) + 1)] == ["Ann", "Beijing"]
    assert cell(model, 5, len(Column) + 1) == ""  # the row has no City cell
    qtmodeltester.check(model)


def test_status_has_an_icon_and_tooltips_give_the_whole_reason(report: ImportReport) -> None:
    model = ImportPreviewModel()
    model.load(report)
    icon = cell(model, 3, Column.STATUS, DECORATION)
    assert isinstance(icon, QIcon)
    assert not icon.isNull()
    assert cell(model, 3, Column.STATUS, DECORATION) is icon  # cached per bucket
    assert cell(model, 3, Column.REASON, DECORATION) is None
    assert cell(model, 3, Column.STATUS, TOOLTIP) == cell(model, 3, Column.REASON)
    assert cell(model, 0, Column.REASON, TOOLTIP) == "Will be sent"
    assert cell(model, 0, Column.PHONE_AS_READ, TOOLTIP) is None
    assert cell(model, 0, Column.ROW, ALIGNMENT) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )
    assert cell(model, 0, Column.STATUS, ALIGNMENT) is None
    assert cell(model, 3, Column.ROW, STATUS_ROLE) is RowStatus.INVALID
    entry = cell(model, 0, Column.ROW, ENTRY_ROLE)
    assert isinstance(entry, Recipient)
    assert entry.phone == "8613912345678"
    assert cell(model, 0, Column.ROW, Qt.ItemDataRole.FontRole) is None
    assert model.data(QModelIndex()) is None


def test_headers_name_the_fixed_columns_then_the_files_columns(report: ImportReport) -> None:
    model = ImportPreviewModel()
    model.load(report)
    titles = [model.headerData(c, HORIZONTAL) for c in range(model.columnCount())]
    assert titles == [
        "Row",
        "Status",
        "Reason",
        "Phone in the file",
        "Will be sent to",
        "Country",
        "Name",
        "City",
    ]
    assert model.headerData(len(Column) + 1, HORIZONTAL, TOOLTIP) == "Column C of the file"
    assert model.headerData(Column.PHONE_AS_SENT, HORIZONTAL, TOOLTIP) == (
        "The number with its country code, as it will be sent"
    )
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.headerData(0, HORIZONTAL, Qt.ItemDataRole.FontRole) is None
    assert model.headerData(99, HORIZONTAL) is None


def test_filtering_by_bucket(qtmodeltester: ModelTester, report: ImportReport) -> None:
    model = ImportPreviewModel()
    model.load(report)
    qtmodeltester.check(model)
    model.set_statuses([RowStatus.INVALID, RowStatus.MISSING])
    assert model.statuses() == {RowStatus.INVALID, RowStatus.MISSING}
    assert [cell(model, r, Column.ROW) for r in range(model.rowCount())] == [4, 6]
    assert model.status(1) is RowStatus.INVALID
    assert model.entry(0).row == 4
    qtmodeltester.check(model)
    model.set_statuses([RowStatus.RECIPIENT])
    assert [cell(model, r, Column.ROW) for r in range(model.rowCount())] == [2, 8]
    model.set_statuses(list(RowStatus))  # every bucket: no filtering at all
    assert model.rowCount() == 6
    model.set_statuses([])
    assert model.rowCount() == 6
    qtmodeltester.check(model)


def test_the_filter_survives_a_new_report_and_repeating_it_does_not_reset(
    qtbot: QtBot, report: ImportReport
) -> None:
    model = ImportPreviewModel()
    model.set_statuses([RowStatus.DUPLICATE])
    model.load(report, preview_rows(report))
    assert model.rowCount() == 1
    with qtbot.assertNotEmitted(model.modelReset):
        model.set_statuses([RowStatus.DUPLICATE])
    assert model.report is report


def test_unloading_leaves_an_empty_model(qtmodeltester: ModelTester, report: ImportReport) -> None:
    model = ImportPreviewModel()
    model.load(report)
    qtmodeltester.check(model)
    model.load(None)
    assert model.report is None
    assert model.rowCount() == 0
    assert model.columnCount() == len(Column)
    assert model.headerData(len(Column), HORIZONTAL) is None
    assert model.rowCount(model.index(0, 0)) == 0


def test_a_table_has_no_children(report: ImportReport) -> None:
    model = ImportPreviewModel()
    model.load(report)
    parent = model.index(0, 0)
    assert model.rowCount(parent) == 0
    assert model.columnCount(parent) == 0


def _large_report(rows: int) -> ImportReport:
    recipients = tuple(
        Recipient(row=n + 2, phone=f"86139{n:08d}", original=f"139{n:08d}", values=(f"139{n:08d}", f"n{n}"))
        for n in range(rows)
    )
    return ImportReport(
        source="big.csv",
        format=FileFormat.TEXT,
        sheet=None,
        sheets=(),
        columns=("Mobile", "Name"),
        column_letters=("A", "B"),
        phone_column="Mobile",
        phone_column_index=0,
        header_row=1,
        rows=rows,
        empty_rows=0,
        recipients=recipients,
        problems=(),
        counts=ImportCounts(recipients=rows),
        country="CN",
    )


def test_one_hundred_thousand_rows_load_and_filter_in_one_reset(qtbot: QtBot) -> None:
    report = _large_report(100_000)
    model = ImportPreviewModel()
    with qtbot.waitSignal(model.modelReset, timeout=1000):
        model.load(report, preview_rows(report))
    assert model.rowCount() == 100_000
    assert cell(model, 99_999, len(Column)) == "n99999"
    with qtbot.waitSignal(model.modelReset, timeout=1000):
        model.set_statuses([RowStatus.INVALID])
    assert model.rowCount() == 0
