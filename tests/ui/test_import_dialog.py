"""The import dialog with generated files: columns mapped, buckets counted, options re-read, never frozen."""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import shiboken6
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from liasmart_desktop.core.importing import (
    EncodingSource,
    ImportFileError,
    ImportNote,
    ImportProblem,
    ImportReport,
    Note,
    RowProblem,
    RowReason,
    RowStatus,
    import_file,
    write_problem_rows,
)
from liasmart_desktop.core.paths import open_data_dir
from liasmart_desktop.core.settings import AppSettings
from liasmart_desktop.ui import import_messages
from liasmart_desktop.ui.dialogs import import_dialog
from liasmart_desktop.ui.dialogs.import_dialog import ImportDialog
from liasmart_desktop.ui.models.import_preview_model import Column
from liasmart_desktop.ui.services import AppServices
from liasmart_desktop.ui.widgets.country_picker import CountryPicker
from tests.core.importing.builders import write_xlsx

WAIT_MS = 5000


@pytest.fixture
def services(tmp_path: Path) -> Iterator[AppServices]:
    app_services = AppServices(
        open_data_dir(str(tmp_path / "data")), settings=AppSettings(default_country="CN")
    )
    yield app_services
    app_services.shutdown()


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    """Two sheets: "Clients" with a row in every bucket, "Staff" with two recipients."""
    return write_xlsx(
        tmp_path / "clients.xlsx",
        {
            "Clients": [
                ["Name", "Mobile", "Office", "City"],
                ["Ann", "13912345678", "+852 2123 4567", "Beijing"],
                ["Bob", "139 1234 5678", "+852 2123 4568", "Shanghai"],
                ["Cat", None, "+852 2123 4569", "Shenzhen"],
                [],
                ["Dan", "12", "+852 2123 4570", "Wuhan"],
                ["Eve", "1.39123E+10", "+852 2123 4571", "Xi'an"],
            ],
            "Staff": [["Tel", "Who"], ["+8613800138000", "Zoe"], ["13800138001", "Yan"]],
        },
    )


@pytest.fixture
def gbk_csv(tmp_path: Path) -> Path:
    """Chinese Excel's "Save as CSV": GBK without a BOM."""
    path = tmp_path / "名单.csv"
    path.write_bytes("姓名,手机号码,城市\n张三,13912345678,北京\n李四,13812345678,上海\n".encode("gbk"))
    return path


def open_dialog(qtbot: QtBot, services: AppServices, path: Path | None) -> ImportDialog:
    dialog = ImportDialog(services, path)
    qtbot.addWidget(dialog)
    wait_idle(qtbot, dialog)
    return dialog


def wait_idle(qtbot: QtBot, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)


def choose(combo: QComboBox, value: object) -> None:
    """Pick the item holding ``value`` as a user would (``activated`` is only sent for users)."""
    if isinstance(combo, CountryPicker):
        combo.set_country(str(value or ""))
        return
    index = combo.findData(value) if value is not None else 0
    if index < 0:
        index = combo.findText(str(value))
    assert index >= 0, f"{value!r} is not in the list"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def current(dialog: ImportDialog) -> ImportReport:
    """The report shown now (a call, so a type checker does not carry facts over from earlier reads)."""
    return dialog.report


def label(dialog: ImportDialog, name: str) -> str:
    widget = getattr(dialog, name)
    assert isinstance(widget, QLabel)
    return widget.text()


def bucket_texts(dialog: ImportDialog) -> dict[RowStatus, str]:
    return {status: widget.text() for status, widget in dialog._bucket_labels.items()}


def shown_rows(dialog: ImportDialog) -> list[object]:
    model = dialog.preview_model
    return [model.data(model.index(row, Column.ROW)) for row in range(model.rowCount())]


# ---------------------------------------------------------------------- reading and mapping


def test_workbook_is_read_with_columns_mapped_and_buckets_counted(
    qtbot: QtBot, services: AppServices, workbook: Path
) -> None:
    dialog = open_dialog(qtbot, services, workbook)
    report = dialog.report
    assert dialog.error_text == ""
    assert report.sheet == "Clients"
    assert report.phone_column == "Mobile"
    assert report.country == "CN"
    assert (report.counts.recipients, report.counts.invalid, report.counts.missing) == (1, 1, 1)
    assert (report.counts.damaged, report.counts.duplicate, report.empty_rows) == (1, 1, 1)
    assert bucket_texts(dialog) == {
        RowStatus.RECIPIENT: "1 recipient will get the message",
        RowStatus.INVALID: "1 number is not a valid phone number",
        RowStatus.MISSING: "1 row has no phone number",
        RowStatus.DAMAGED: "1 number was damaged by Excel",
        RowStatus.DUPLICATE: "1 row repeats a number already in the list",
        RowStatus.AMBIGUOUS: "0 numbers could be in more than one country",
    }
    assert label(dialog, "_empty_rows_label") == "1 empty row skipped"
    assert dialog._ok_button.text() == "Use 1 recipient"
    assert dialog._ok_button.isEnabled()
    assert [dialog._sheet_combo.itemText(i) for i in range(dialog._sheet_combo.count())] == [
        "Clients",
        "Staff",
    ]
    assert dialog._phone_combo.currentText() == "Mobile (column B)"
    assert dialog._phone_combo.count() == 4
    assert label(dialog, "_fields_label") == "Merge fields for the message: {Name} {Office} {City}"
    assert "Column names are taken from row 1." in label(dialog, "_details_label")
    assert "5 data rows read." in label(dialog, "_details_label")
    assert not dialog._encoding_combo.isEnabled()  # a workbook has no text encoding
    assert not dialog._delimiter_combo.isEnabled()
    assert dialog._country_combo.currentData() == "CN"
    assert dialog._export_button.isEnabled()
    assert shown_rows(dialog) == [2, 3, 4, 6, 7]
    assert dialog.path == workbook
    assert workbook.name in dialog.windowTitle()


def test_filter_shows_one_bucket_and_counts_are_in_the_list(
    qtbot: QtBot, services: AppServices, workbook: Path
) -> None:
    dialog = open_dialog(qtbot, services, workbook)
    combo = dialog._filter_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "All rows (5)",
        "Will be sent (1)",
        "All rows with problems (4)",
        "Invalid (1)",
        "Missing (1)",
        "Damaged by Excel (1)",
        "Duplicate (1)",
        "Country unclear (0)",
    ]
    combo.setCurrentIndex(3)
    assert shown_rows(dialog) == [6]
    combo.setCurrentIndex(2)
    assert shown_rows(dialog) == [3, 4, 6, 7]
    dialog._reload_button.click()  # a new read keeps the filter
    wait_idle(qtbot, dialog)
    assert combo.currentIndex() == 2
    assert shown_rows(dialog) == [3, 4, 6, 7]
    combo.setCurrentIndex(0)
    assert shown_rows(dialog) == [2, 3, 4, 6, 7]


def test_choosing_another_sheet_reads_it(qtbot: QtBot, services: AppServices, workbook: Path) -> None:
    dialog = open_dialog(qtbot, services, workbook)
    with qtbot.waitSignal(dialog.import_finished, timeout=WAIT_MS) as finished:
        choose(dialog._sheet_combo, "Staff")
    report = finished.args[0]
    assert isinstance(report, ImportReport)
    assert report.sheet == "Staff"
    assert dialog.report is report
    assert report.counts.recipients == 2
    assert dialog._ok_button.text() == "Use 2 recipients"
    assert dialog._sheet_combo.currentText() == "Staff"
    assert dialog._phone_combo.currentText() == "Tel (column A)"
    assert label(dialog, "_fields_label") == "Merge fields for the message: {Who}"
    with qtbot.assertNotEmitted(dialog.import_finished, wait=50):
        choose(dialog._sheet_combo, "Staff")  # the sheet shown: nothing to do


def test_choosing_the_phone_column_changes_the_result(
    qtbot: QtBot, services: AppServices, workbook: Path
) -> None:
    dialog = open_dialog(qtbot, services, workbook)
    choose(dialog._phone_combo, "Office")
    wait_idle(qtbot, dialog)
    report = dialog.report
    assert report.phone_column == "Office"
    assert report.counts.recipients == 5  # Hong Kong numbers written with their country code
    assert dialog._phone_combo.currentText() == "Office (column C)"
    assert label(dialog, "_fields_label") == "Merge fields for the message: {Name} {Mobile} {City}"
    model = dialog.preview_model
    assert model.data(model.index(0, Column.PHONE_AS_SENT)) == "+85221234567"


def test_first_row_is_data_names_columns_by_letters(
    qtbot: QtBot, services: AppServices, workbook: Path
) -> None:
    dialog = open_dialog(qtbot, services, workbook)
    dialog._header_check.click()
    wait_idle(qtbot, dialog)
    report = dialog.report
    assert report.header_row is None
    assert report.columns == ("A", "B", "C", "D")
    assert report.rows == 6  # the old header row is now a data row
    assert shown_rows(dialog)[0] == 1
    assert dialog._phone_combo.currentText() == "C"  # no header names: the column most full of numbers
    assert "“C” was chosen because it holds phone numbers" in label(dialog, "_notes_label")
    assert "No header row" in label(dialog, "_details_label")
    dialog._header_check.click()
    wait_idle(qtbot, dialog)
    assert dialog.report.header_row == 1


def test_default_country_comes_from_settings_and_changing_it_reads_again(
    qtbot: QtBot, services: AppServices, tmp_path: Path
) -> None:
    path = tmp_path / "national.csv"
    path.write_text("Phone,Name\n13912345678,Li\n0412 345 678,Kylie\n", encoding="utf-8")
    dialog = open_dialog(qtbot, services, path)
    assert current(dialog).country == "CN"
    assert [r.phone for r in current(dialog).recipients] == ["8613912345678"]
    choose(dialog._country_combo, "AU")
    wait_idle(qtbot, dialog)
    assert current(dialog).country == "AU"
    assert [r.phone for r in current(dialog).recipients] == ["61412345678"]
    choose(dialog._country_combo, None)
    wait_idle(qtbot, dialog)
    assert current(dialog).country is None
    # Without a country, a Chinese mobile is not guessed: it is set aside with its reading.
    assert (current(dialog).counts.ambiguous, current(dialog).counts.invalid) == (1, 1)
    assert not dialog._ok_button.isEnabled()
    assert dialog._ok_button.text() == "No recipients to use"
    model = dialog.preview_model
    assert "Default country list" in str(model.data(model.index(1, Column.REASON)))
    assert "Choose the default country" in str(model.data(model.index(0, Column.REASON)))


def test_an_unknown_country_in_the_settings_is_shown_and_explained(qtbot: QtBot, tmp_path: Path) -> None:
    services = AppServices(open_data_dir(str(tmp_path / "d")), settings=AppSettings(default_country="ZZ"))
    try:
        path = tmp_path / "list.csv"
        path.write_text("Phone\n13912345678\n", encoding="utf-8")
        dialog = open_dialog(qtbot, services, path)
        assert dialog._country_combo.country() == ""
        assert (
            dialog.error_text == "“ZZ” is not a country code; choose a country in the Default country list."
        )
        choose(dialog._country_combo, "CN")
        wait_idle(qtbot, dialog)
        assert dialog.error_text == ""
        assert dialog.report.counts.recipients == 1
    finally:
        services.shutdown()


# ---------------------------------------------------------------------- text files


def test_gbk_csv_encoding_is_guessed_shown_and_overridable(
    qtbot: QtBot, services: AppServices, gbk_csv: Path
) -> None:
    dialog = open_dialog(qtbot, services, gbk_csv)
    report = dialog.report
    assert report.encoding == "gb18030"
    assert report.columns == ("姓名", "手机号码", "城市")
    assert report.counts.recipients == 2
    assert dialog._encoding_combo.isEnabled()
    assert dialog._delimiter_combo.isEnabled()
    assert not dialog._sheet_combo.isEnabled()
    assert dialog._encoding_combo.itemText(0) == "Automatic (found: gb18030, guessed)"
    assert dialog._delimiter_combo.itemText(0) == "Automatic (found: Comma ( , ))"
    assert "read as gb18030" in label(dialog, "_notes_label")
    assert not dialog._notes_label.isHidden()

    choose(dialog._encoding_combo, "utf-8")
    wait_idle(qtbot, dialog)
    assert dialog.error_text.startswith("The file is not valid utf-8 text (line 1)")
    assert not dialog._ok_button.isEnabled()
    assert not dialog._error_label.isHidden()
    assert dialog._encoding_combo.isEnabled()  # so the user can put it right
    assert dialog.preview_model.rowCount() == 0

    choose(dialog._encoding_combo, "gb18030")
    wait_idle(qtbot, dialog)
    assert dialog.error_text == ""
    assert dialog._error_label.isHidden()
    assert dialog.report.encoding == "gb18030"
    assert dialog.report.notes == ()  # chosen, not guessed
    assert dialog._encoding_combo.itemText(0) == "Automatic (found: gb18030, guessed)"
    assert dialog._ok_button.isEnabled()


def test_delimiter_override(qtbot: QtBot, services: AppServices, tmp_path: Path) -> None:
    path = tmp_path / "list.txt"
    path.write_text("Phone;Name\n13912345678;Li\n13812345678;Wang\n", encoding="utf-8")
    dialog = open_dialog(qtbot, services, path)
    assert current(dialog).delimiter == ";"
    assert current(dialog).columns == ("Phone", "Name")
    choose(dialog._delimiter_combo, "|")
    wait_idle(qtbot, dialog)
    assert current(dialog).delimiter == "|"
    assert current(dialog).columns == ("Phone;Name",)
    assert dialog._delimiter_combo.itemText(0) == "Automatic (found: Semicolon ( ; ))"
    choose(dialog._delimiter_combo, None)
    wait_idle(qtbot, dialog)
    assert current(dialog).columns == ("Phone", "Name")
    assert import_messages.delimiter_name("#") == "“#”"


# ---------------------------------------------------------------------- progress, cancel, errors


def slow_import_function(started: threading.Event) -> Any:
    """An import that waits, polling its cancel check, until it is cancelled (or five seconds pass)."""

    def slow(path: Path, options: Any, *, on_progress: Any, should_cancel: Any) -> ImportReport:
        started.set()
        for _ in range(500):
            if should_cancel():
                break
            threading.Event().wait(0.01)
        return import_file(path, options, on_progress=on_progress, should_cancel=should_cancel)

    return slow


@pytest.fixture
def slow_import(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Reads are slow until cancelled; the event is set when one has started."""
    started = threading.Event()
    monkeypatch.setattr(import_dialog, "import_file", slow_import_function(started))
    return started


def test_stop_during_a_slow_read_leaves_no_thread_running(
    qtbot: QtBot, services: AppServices, workbook: Path, slow_import: threading.Event
) -> None:
    dialog = ImportDialog(services, workbook)
    qtbot.addWidget(dialog)
    assert dialog.busy
    assert slow_import.wait(WAIT_MS)
    assert not dialog._progress_bar.isHidden()
    assert not dialog._stop_button.isHidden()
    assert not dialog._ok_button.isEnabled()
    dialog._stop_button.click()
    assert label(dialog, "_status_label") == "Stopping…"
    wait_idle(qtbot, dialog)
    assert label(dialog, "_status_label") == "Reading stopped. Press Reload to read the file again."
    assert dialog._progress_bar.isHidden()
    assert dialog._stop_button.isHidden()
    assert not dialog._ok_button.isEnabled()
    assert dialog.error_text == ""
    qtbot.waitUntil(lambda: not services.tasks.busy, timeout=WAIT_MS)
    assert services.tasks.wait(WAIT_MS)
    with pytest.raises(RuntimeError, match="no import"):
        _ = dialog.report


def test_closing_during_a_read_cancels_it_and_ignores_its_result(
    qtbot: QtBot, services: AppServices, workbook: Path, slow_import: threading.Event
) -> None:
    dialog = ImportDialog(services, workbook)
    qtbot.addWidget(dialog)
    assert slow_import.wait(WAIT_MS)
    with qtbot.assertNotEmitted(dialog.import_finished), qtbot.assertNotEmitted(dialog.import_failed):
        dialog.reject()
        qtbot.waitUntil(lambda: not services.tasks.busy, timeout=WAIT_MS)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert services.tasks.wait(WAIT_MS)


def test_a_newer_read_supersedes_an_older_one(qtbot: QtBot, services: AppServices, workbook: Path) -> None:
    dialog = ImportDialog(services, workbook)
    qtbot.addWidget(dialog)
    finished: list[ImportReport] = []
    dialog.import_finished.connect(finished.append)
    choose(dialog._country_combo, "HK")  # before the first read has answered
    dialog._reload_button.click()
    wait_idle(qtbot, dialog)
    qtbot.waitUntil(lambda: not services.tasks.busy, timeout=WAIT_MS)
    assert [report.country for report in finished] == ["HK"]
    assert dialog.report.country == "HK"


def test_progress_is_shown_while_rows_are_read(qtbot: QtBot, services: AppServices, tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text("Phone\n" + "".join(f"139{n:08d}\n" for n in range(5000)), encoding="utf-8")
    dialog = ImportDialog(services, path)
    qtbot.addWidget(dialog)
    from liasmart_desktop.core.importing import ImportProgress, ImportStage

    dialog._on_import_progressed(dialog._generation, ImportProgress(ImportStage.ROWS, 2000, 5000))
    assert dialog._progress_bar.maximum() == 5000
    assert dialog._progress_bar.value() == 2000
    assert label(dialog, "_status_label") == "Reading rows: 2,000 of 5,000"
    dialog._on_import_progressed(dialog._generation, ImportProgress(ImportStage.READING))
    assert dialog._progress_bar.maximum() == 0  # busy indicator
    dialog._on_import_progressed(dialog._generation - 1, ImportProgress(ImportStage.ROWS, 1, 5000))
    assert dialog._progress_bar.maximum() == 0  # an old read's progress is ignored
    wait_idle(qtbot, dialog)
    assert dialog.report.counts.recipients == 5000
    assert dialog._ok_button.text() == "Use 5,000 recipients"


def test_a_corrupt_file_shows_one_sentence_and_disables_ok(
    qtbot: QtBot, services: AppServices, tmp_path: Path
) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    dialog = ImportDialog(services, path)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.import_failed, timeout=WAIT_MS) as failed:
        pass
    sentence = failed.args[0]
    with pytest.raises(ImportFileError) as raised:
        import_file(path)
    assert sentence == import_messages.describe_import_error(raised.value)
    assert dialog.error_text == sentence
    assert label(dialog, "_error_label") == sentence
    assert not dialog._ok_button.isEnabled()
    assert not dialog._export_button.isEnabled()
    assert dialog._counts_box.isHidden()
    assert dialog.preview_model.rowCount() == 0


def test_an_empty_first_sheet_lets_the_user_pick_the_one_with_the_list(
    qtbot: QtBot, services: AppServices, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "book.xlsx", {"Sheet1": [], "List": [["Phone"], ["13912345678"]]})
    dialog = open_dialog(qtbot, services, path)
    choose(dialog._sheet_combo, "Sheet1")
    wait_idle(qtbot, dialog)
    assert dialog.error_text == (
        "The sheet “Sheet1” is empty; choose the sheet with the list in the Sheet list "
        "(other sheets: “List”)."
    )
    assert dialog._sheet_combo.isEnabled()
    assert not dialog._phone_combo.isEnabled()
    choose(dialog._sheet_combo, "List")
    wait_idle(qtbot, dialog)
    assert dialog.error_text == ""
    assert dialog.report.counts.recipients == 1


def test_no_phone_column_offers_the_columns_to_choose_from(
    qtbot: QtBot, services: AppServices, tmp_path: Path
) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Name,Ref\nLi,A1\nWang,B2\n", encoding="utf-8")
    dialog = open_dialog(qtbot, services, path)
    assert dialog.error_text.startswith("No column looks like phone numbers")
    assert [dialog._phone_combo.itemText(i) for i in range(dialog._phone_combo.count())] == ["Name", "Ref"]
    assert dialog._phone_combo.currentIndex() == -1
    choose(dialog._phone_combo, "Ref")
    wait_idle(qtbot, dialog)
    assert dialog.error_text == ""
    assert dialog.report.phone_column == "Ref"
    assert dialog.report.counts.invalid == 2


def test_an_unexpected_failure_is_a_sentence_too(
    qtbot: QtBot, services: AppServices, workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object, **__: object) -> ImportReport:
        raise ZeroDivisionError

    monkeypatch.setattr(import_dialog, "import_file", broken)
    dialog = open_dialog(qtbot, services, workbook)
    assert dialog.error_text == ("Something went wrong (ZeroDivisionError). Details are in the log file.")
    assert not dialog._ok_button.isEnabled()


def test_every_file_problem_has_a_sentence() -> None:
    samples: dict[str, object] = {
        "path": "x.xlsx",
        "detail": "d",
        "size_bytes": 3 * 1024 * 1024,
        "limit_bytes": 1024 * 1024,
        "kind": "xlsx",
        "count": 12345,
        "limit": 100000,
        "member": "xl/sheet1.xml",
        "ratio": 500,
        "sheet": "S",
        "sheets": ("S", "T"),
        "header_row": 1,
        "cells": 2000000,
        "row": 3,
        "column": "B",
        "length": 40000,
        "encoding": "utf-8",
        "line": 2,
        "delimiter": "ab",
        "columns": ("A", "B"),
        "country": "ZZ",
    }
    for problem in ImportProblem:
        sentence = import_messages.describe_import_error(ImportFileError(problem, **samples))  # type: ignore[arg-type]
        assert sentence
        assert "{" not in sentence, problem
    too_large = ImportFileError(
        ImportProblem.FILE_TOO_LARGE, size_bytes=3 * 1024 * 1024, limit_bytes=1024 * 1024
    )
    assert import_messages.describe_import_error(too_large) == (
        "The file is 3.0 MB, more than the 1.0 MB limit; split the list into smaller files."
    )
    many = ImportFileError(ImportProblem.TOO_MANY_ROWS, limit=1_000_000)
    assert "1,000,000" in import_messages.describe_import_error(many)
    assert import_messages.describe_import_error(
        ImportFileError(ImportProblem.UNSUPPORTED_FORMAT, kind="pdf")
    )
    assert "check that this is the right file" in import_messages.describe_import_error(
        ImportFileError(ImportProblem.SHEET_EMPTY, sheet="", sheets="")
    )
    assert import_messages.describe_import_error(
        ImportFileError(ImportProblem.SHEET_EMPTY, sheet="A", sheets="A")
    ) == ("The sheet “A” is empty; check that this is the right file.")
    assert import_messages.describe_import_error(
        ImportFileError(ImportProblem.HEADER_ONLY, header_row=1)
    ) == ("The file has only a header row (row 1) and no data rows; add the recipients below it.")


# ---------------------------------------------------------------------- files out


def _save_as(monkeypatch: pytest.MonkeyPatch, path: Path, selected_filter: str = "") -> list[str]:
    asked: list[str] = []

    def fake(_parent: QWidget, _title: str, suggested: str, _filters: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(path), selected_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


def test_export_rows_with_problems_to_xlsx_reads_back(
    qtbot: QtBot, services: AppServices, workbook: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(qtbot, services, workbook)
    target = tmp_path / "to fix.xlsx"
    asked = _save_as(monkeypatch, target)
    dialog._export_button.click()
    qtbot.waitUntil(lambda: label(dialog, "_status_label").startswith("Saved"), timeout=WAIT_MS)
    assert label(dialog, "_status_label") == f"Saved 4 rows with problems to {target}."
    assert asked == [str(workbook.with_name("clients - rows to fix.xlsx"))]
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["Row", "Status", "Reason", "Name", "Mobile", "Office", "City"]
    assert [row[:2] for row in rows[1:]] == [
        [3, "Duplicate"],
        [4, "Missing"],
        [6, "Invalid"],
        [7, "Damaged by Excel"],
    ]
    assert rows[3][2] == "Too short for a phone number (2 digits)."
    again = import_file(target)
    assert again.phone_column == "Mobile"
    assert again.rows == 4


def test_export_to_csv_adds_the_suffix_of_the_chosen_type(
    qtbot: QtBot, services: AppServices, workbook: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(qtbot, services, workbook)
    _save_as(monkeypatch, tmp_path / "to fix", import_dialog._tr(import_dialog.CSV_FILTER))
    dialog._export_button.click()
    target = tmp_path / "to fix.csv"
    qtbot.waitUntil(lambda: label(dialog, "_status_label").startswith("Saved"), timeout=WAIT_MS)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["Row", "Status", "Reason"]
    assert len(rows) == 5


def test_a_failed_save_is_a_sentence(
    qtbot: QtBot, services: AppServices, workbook: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(qtbot, services, workbook)
    target = tmp_path / "fix.xlsx"
    target.mkdir()  # a folder of that name: the file cannot take its place
    _save_as(monkeypatch, target)
    dialog._export_button.click()
    qtbot.waitUntil(lambda: "could not be saved" in label(dialog, "_status_label"), timeout=WAIT_MS)
    assert str(target) in label(dialog, "_status_label")


def test_cancelled_save_dialogs_do_nothing(
    qtbot: QtBot, services: AppServices, workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(qtbot, services, workbook)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_: ("", "")))
    dialog._export_button.click()
    dialog._sample_button.click()
    assert not services.tasks.busy
    assert label(dialog, "_status_label") == ""


def test_sample_spreadsheet_downloads_and_imports_back(
    qtbot: QtBot, services: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(qtbot, services, None)
    _save_as(monkeypatch, tmp_path / "my sample")
    dialog._sample_button.click()
    target = tmp_path / "my sample.xlsx"
    qtbot.waitUntil(lambda: label(dialog, "_status_label").startswith("Saved the sample"), timeout=WAIT_MS)
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    assert sheet.column_dimensions["A"].number_format == "@"
    dialog.load_file(target)
    wait_idle(qtbot, dialog)
    assert dialog.report.columns == ("Phone", "Name", "City")
    assert dialog.report.counts.recipients == 2
    assert dialog._ok_button.text() == "Use 2 recipients"


# ---------------------------------------------------------------------- choosing files, accepting


def test_without_a_file_nothing_can_be_used_until_one_is_chosen(
    qtbot: QtBot, services: AppServices, workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(qtbot, services, None)
    assert not dialog._ok_button.isEnabled()
    assert dialog._ok_button.text() == "No recipients to use"
    assert not dialog._reload_button.isEnabled()
    assert not dialog._export_button.isEnabled()
    assert dialog._counts_box.isHidden()
    assert dialog._error_icon.isHidden()
    assert dialog._notes_icon.isHidden()
    assert dialog._progress_bar.isHidden()
    assert dialog.focusWidget() is dialog._choose_button
    with pytest.raises(RuntimeError, match="no file"):
        _ = dialog.path
    dialog._reload_button.click()
    assert not dialog.busy
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_: (str(workbook), "")))
    dialog._choose_button.click()
    wait_idle(qtbot, dialog)
    assert dialog.path == workbook
    assert dialog._ok_button.isEnabled()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_: ("", "")))
    dialog._choose_button.click()  # cancelled: the file stays
    assert dialog.path == workbook


def test_ok_accepts_with_the_report_and_path(qtbot: QtBot, services: AppServices, workbook: Path) -> None:
    dialog = open_dialog(qtbot, services, workbook)
    dialog._ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.report.source == str(workbook)
    assert dialog.path == workbook


def test_a_dropped_file_is_read(qtbot: QtBot, services: AppServices, workbook: Path) -> None:
    dialog = open_dialog(qtbot, services, None)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(workbook))])
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    dialog.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    dialog.dropEvent(drop)
    wait_idle(qtbot, dialog)
    assert dialog.path == workbook
    two = QMimeData()
    two.setUrls([QUrl.fromLocalFile(str(workbook)), QUrl("https://example.com/x.csv")])
    refused = QDragEnterEvent(
        QPoint(5, 5), Qt.DropAction.CopyAction, two, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    dialog.dragEnterEvent(refused)
    assert not refused.isAccepted()


# ---------------------------------------------------------------------- keyboard and accessibility


def test_controls_have_accessible_names_mnemonics_and_a_tab_order(
    qtbot: QtBot, services: AppServices
) -> None:
    dialog = open_dialog(qtbot, services, None)
    for combo in dialog.findChildren(QComboBox):
        assert combo.accessibleName(), combo
    assert dialog._table.accessibleName() == "Preview of the rows"
    assert dialog._progress_bar.accessibleName()
    buddies = {lbl.buddy() for lbl in dialog.findChildren(QLabel) if lbl.buddy() is not None}
    for widget in (dialog._sheet_combo, dialog._phone_combo, dialog._country_combo, dialog._encoding_combo):
        assert widget in buddies
    assert dialog._open_shortcut.key() == QKeySequence(QKeySequence.StandardKey.Open)
    assert dialog._reload_shortcut.key() == QKeySequence(QKeySequence.StandardKey.Refresh)
    order: list[QWidget] = []
    step: QWidget | None = dialog._file_edit.nextInFocusChain()
    while step is not None and step is not dialog._file_edit:
        if step.focusPolicy() & Qt.FocusPolicy.TabFocus and not isinstance(step, QLabel):
            order.append(step)
        step = step.nextInFocusChain()
    assert order[:3] == [dialog._choose_button, dialog._reload_button, dialog._sheet_combo]
    assert order.index(dialog._sheet_combo) < order.index(dialog._phone_combo) < order.index(dialog._table)
    assert order.index(dialog._table) < order.index(dialog._ok_button)
    assert not dialog._table.tabKeyNavigation()
    assert "&" in dialog._export_button.text()
    assert "&" in dialog._sample_button.text()


def test_results_arriving_after_the_dialog_is_destroyed_are_dropped(
    qtbot: QtBot,
    services: AppServices,
    workbook: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    slow_import: threading.Event,
) -> None:
    release = threading.Event()

    def held_write(*args: Any, **kwargs: Any) -> int:
        release.wait(WAIT_MS / 1000)
        return write_problem_rows(*args, **kwargs)

    monkeypatch.setattr("liasmart_desktop.ui.dialogs.import_dialog.write_problem_rows", held_write)
    monkeypatch.setattr(import_dialog, "import_file", import_file)  # the first read is quick
    dialog = ImportDialog(services, workbook)  # not given to qtbot: the test destroys it
    wait_idle(qtbot, dialog)
    _save_as(monkeypatch, tmp_path / "fix.xlsx")
    dialog._export_button.click()
    monkeypatch.setattr(import_dialog, "import_file", slow_import_function(slow_import))
    dialog._reload_button.click()
    assert dialog.busy
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=WAIT_MS)
    release.set()
    qtbot.waitUntil(lambda: not services.tasks.busy, timeout=WAIT_MS)
    assert (tmp_path / "fix.xlsx").exists()


def test_an_unexpected_save_failure_is_a_sentence(
    qtbot: QtBot, services: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object) -> Path:
        raise ValueError

    monkeypatch.setattr("liasmart_desktop.ui.dialogs.import_dialog.write_sample_spreadsheet", broken)
    dialog = open_dialog(qtbot, services, None)
    _save_as(monkeypatch, tmp_path / "sample.xlsx")
    dialog._sample_button.click()
    qtbot.waitUntil(lambda: label(dialog, "_status_label") != "", timeout=WAIT_MS)
    assert label(dialog, "_status_label") == "Something went wrong (ValueError). Details are in the log file."


def test_every_row_reason_and_note_has_a_sentence() -> None:
    params: dict[str, str | int] = {
        "count": 2,
        "extension": "123",
        "character": "x",
        "kind": "date",
        "digits": 3,
        "country": "CN",
        "first_row": 2,
    }
    for reason in RowReason:
        problem = RowProblem(
            row=3, original="x", status=RowStatus.INVALID, reason=reason, values=(), params=params
        )
        sentence = import_messages.describe_row_problem(problem)
        assert sentence
        assert "{" not in sentence, reason
    kinds = {"boolean": "a true/false value", "time": "a time", "duration": "a duration", "odd": "odd"}
    for kind, words in kinds.items():
        problem = RowProblem(3, "x", RowStatus.INVALID, RowReason.NOT_A_NUMBER, (), {"kind": kind})
        assert import_messages.describe_row_problem(problem) == f"The cell holds {words}, not a phone number."
    anywhere = RowProblem(3, "x", RowStatus.INVALID, RowReason.INVALID_FOR_COUNTRY, (), {"country": ""})
    assert import_messages.describe_row_problem(anywhere) == "Not a valid phone number."
    unsaid = RowProblem(3, "x", RowStatus.INVALID, RowReason.TOO_SHORT, ())
    assert import_messages.describe_row_problem(unsaid) == "Too short for a phone number (? digits)."
    note_params: dict[str, str | int] = {"encoding": "gb18030", "row": 1, "column": "B", "name": "Name (B)"}
    for code in ImportNote:
        assert "{" not in import_messages.describe_note(Note(code, note_params))
    assert import_messages.bucket_count(RowStatus.RECIPIENT, 1234) == "1,234 recipients will get the message"
    assert import_messages.use_recipients(1234) == "Use 1,234 recipients"
    assert import_messages.saved_problem_rows(1, "x.csv") == "Saved 1 row with a problem to x.csv."
    assert import_messages.encoding_source_name(EncodingSource.BOM) == "from the file's encoding mark"
