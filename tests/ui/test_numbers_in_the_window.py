"""Every reading shown: the import's "country unclear" bucket and Country column, the review's countries,
the test number, and the workbook whose list is on its second sheet — in English and in Chinese."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from liasmart_desktop.core.importing import RowStatus, parse_pasted_numbers
from liasmart_desktop.core.sending.prepare import prepare_campaign
from liasmart_desktop.sandbox import SandboxConfig
from liasmart_desktop.ui import countries
from liasmart_desktop.ui.dialogs.import_dialog import ImportDialog
from liasmart_desktop.ui.dialogs.review_dialog import PhoneNumberDialog, ReviewDialog
from liasmart_desktop.ui.models.import_preview_model import Column
from liasmart_desktop.ui.services import AppServices
from liasmart_desktop.ui.widgets.destinations_view import destination_lines, foreign_destinations
from tests.core.importing.builders import write_xlsx
from tests.core.importing.test_loose_ends import formula_workbook
from tests.ui.language_support import ui_language
from tests.ui.support import make_review, make_services

WAIT_MS = 20_000
# The GBK list: national numbers of Chinese customers, one full-width, one with +86.
LIST = (
    "姓名,手机号码\n张三,13512345678\n李四,13912345678\n王五,１５８１２３４５６７８\n赵六,+86 137 1234 5678\n"
)


@pytest.fixture(autouse=True)
def american_computer(monkeypatch: pytest.MonkeyPatch) -> None:
    """The computer's locale is en_US: the United States and China are the likely home countries."""
    monkeypatch.setattr(countries, "system_region", lambda: "US")


@pytest.fixture
def services(tmp_path: Path) -> Iterator[AppServices]:
    made = make_services(tmp_path)
    yield made
    made.shutdown()


@pytest.fixture
def gbk_list(tmp_path: Path) -> Path:
    path = tmp_path / "客户.csv"
    path.write_bytes(LIST.encode("gbk"))
    return path


def open_import(qtbot: QtBot, services: AppServices, path: Path) -> ImportDialog:
    dialog = ImportDialog(services, path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    return dialog


def cells(dialog: ImportDialog, column: int) -> list[object]:
    model = dialog.preview_model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_without_a_country_the_import_shows_the_unclear_bucket_with_both_readings(
    qtbot: QtBot, services: AppServices, gbk_list: Path
) -> None:
    dialog = open_import(qtbot, services, gbk_list)
    assert dialog.report.counts.ambiguous == 3
    assert dialog._bucket_labels[RowStatus.AMBIGUOUS].text() == "3 numbers could be in more than one country"
    assert cells(dialog, Column.STATUS) == ["Country unclear"] * 3 + ["Will be sent"]
    reasons = cells(dialog, Column.REASON)
    assert reasons[0] == (
        "This number could be +1 351-234-5678 (United States) or +86 135 1234 5678 (China), so it is not "
        "sent on a guess. Choose the default country, or write the number with + and its country code."
    )
    assert str(reasons[1]).startswith(
        "The number has no country code and no default country is chosen; "
        "it would be +86 139 1234 5678 (China)"
    )
    assert cells(dialog, Column.COUNTRY) == [
        "United States +1 / China +86",
        "China +86",
        "Canada +1 / China +86",
        "China +86",
    ]
    assert cells(dialog, Column.PHONE_AS_SENT) == ["", "", "", "+8613712345678"]


def test_choosing_china_in_the_import_dialog_sends_all_four_to_china(
    qtbot: QtBot, services: AppServices, gbk_list: Path
) -> None:
    dialog = open_import(qtbot, services, gbk_list)
    dialog._country_combo.set_country("CN")
    qtbot.waitUntil(lambda: not dialog.busy and dialog.report.country == "CN", timeout=WAIT_MS)
    assert dialog.report.counts.recipients == 4
    assert cells(dialog, Column.COUNTRY) == ["China +86"] * 4


def test_in_chinese_countries_are_named_in_chinese(
    qtbot: QtBot, services: AppServices, gbk_list: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "invalid.csv"
    path.write_text("手机号码\n14012345678\n13512345678\n", encoding="utf-8")
    with ui_language("zh_CN", tmp_path / "qm", monkeypatch):
        dialog = open_import(qtbot, services, gbk_list)
        assert cells(dialog, Column.STATUS)[0] == "国家不明确"
        assert str(cells(dialog, Column.REASON)[0]).startswith(
            "这个号码可能是 +1 351-234-5678（美国）或 +86 135 1234 5678（中国），因此不会凭猜测发送。"
        )
        assert cells(dialog, Column.COUNTRY)[1] == "中国 +86"
        assert dialog._country_combo.itemText(dialog._country_combo.findData("CN")) == "中国 · CN · +86"
        dialog._country_combo.set_country("CN")
        dialog.load_file(path)
        qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
        # Issue 14, item 9: "不是 CN 的有效手机号码" mixed languages; the country is named in Chinese.
        assert cells(dialog, Column.REASON)[0] == "不是中国的有效电话号码。"


def test_a_workbook_with_a_note_first_opens_on_the_list_with_every_sheet_offered(
    qtbot: QtBot, services: AppServices, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "名单.xlsx",
        {
            "说明": [["请在第二个工作表填写名单"]],
            "名单": [["姓名", "手机号码"], ["张三", "+86 139 1234 5678"]],
        },
    )
    dialog = open_import(qtbot, services, path)
    assert dialog.error_text == ""
    assert dialog.report.sheet == "名单"
    sheets = dialog._sheet_combo
    assert sheets.isEnabled()
    assert [sheets.itemText(i) for i in range(sheets.count())] == ["说明", "名单"]
    assert sheets.currentText() == "名单"
    assert dialog._notes_label.text().startswith("The first sheet “说明” holds no list of phone numbers")
    # Choosing the note sheet says why it cannot be used, and the picker still offers both.
    sheets.setCurrentIndex(0)
    sheets.activated.emit(0)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    assert "No column looks like phone numbers" in dialog.error_text
    assert sheets.isEnabled()
    assert [sheets.itemText(i) for i in range(sheets.count())] == ["说明", "名单"]


def test_the_sheet_picker_says_why_it_is_greyed(qtbot: QtBot, services: AppServices, gbk_list: Path) -> None:
    dialog = ImportDialog(services)
    qtbot.addWidget(dialog)
    assert (dialog._sheet_combo.isEnabled(), dialog._sheet_combo.placeholderText()) == (
        False,
        "Choose a workbook first",
    )
    dialog.load_file(gbk_list)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    assert dialog._sheet_combo.placeholderText() == "A text file has no sheets"


# ---------------------------------------------------------------------- the review


def review(qtbot: QtBot, services: AppServices, numbers: str) -> ReviewDialog:
    report = parse_pasted_numbers(
        numbers, services.settings.default_country or None, home_regions=("US", "CN")
    )
    prepared = prepare_campaign(report, "Hello", sender_id="ACME", sms_type="P", sandbox=True)
    services.start_sandbox(SandboxConfig(dlr_delay_s=0))
    dialog = make_review(services, prepared)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.balance_label.text() != "Checking…", timeout=WAIT_MS)
    return dialog


def test_the_review_counts_each_country_and_names_the_unexpected_one(qtbot: QtBot, tmp_path: Path) -> None:
    services = make_services(tmp_path, default_country="CN")
    try:
        dialog = review(qtbot, services, "13900000001\n13900000002\n+12015550123\n+2015550123")
        view = dialog.destinations_view
        assert view.text().splitlines() == [
            "China +86: 2",
            "Egypt +20: 1",
            "United States +1: 1",
            "⚠ Not China: Egypt +20 (1), United States +1 (1). Check these numbers before sending.",
        ]
        assert view.foreign == ["EG", "US"]
    finally:
        services.shutdown()


def test_the_review_lists_unclear_numbers_among_the_rows_set_aside(
    qtbot: QtBot, services: AppServices
) -> None:
    dialog = review(qtbot, services, "13512345678\n+8613900000001")
    assert dialog.destinations_view.text() == "China +86: 1"
    assert not dialog.destinations_view.foreign  # no default country: nothing to compare with
    assert "• Number that could be in more than one country" in dialog.set_aside_label.text()


def test_destination_lines_and_foreign_countries() -> None:
    assert destination_lines({"CN": 1200, "": 1, "US": 3}) == [
        "China +86: 1,200",
        "United States +1: 3",
        "No country: 1",
    ]
    assert foreign_destinations({"CN": 2, "US": 0, "HK": 1}, "CN") == ["HK"]


# ---------------------------------------------------------------------- the test number


def test_the_test_number_box_takes_a_national_number_of_the_default_country(qtbot: QtBot) -> None:
    # Issue 12: the box refused 13900000000 although China was the default country.
    dialog = PhoneNumberDialog("CN")
    qtbot.addWidget(dialog)
    dialog.phone_edit.setText("13900000000")
    dialog.accept()
    assert (dialog.result(), dialog.phone) == (PhoneNumberDialog.DialogCode.Accepted, "8613900000000")


def test_the_test_number_box_without_a_country_shows_both_readings(qtbot: QtBot) -> None:
    dialog = PhoneNumberDialog("")
    qtbot.addWidget(dialog)
    dialog.phone_edit.setText("13512345678")
    dialog.accept()
    assert dialog.phone == ""
    assert dialog.error_label.text().startswith(
        "This number could be +1 351-234-5678 (United States) or +86 135 1234 5678 (China)"
    )


# ---------------------------------------------------------------------- importer loose ends


def test_a_nul_byte_is_named_and_the_encoding_stays_changeable(
    qtbot: QtBot, services: AppServices, tmp_path: Path
) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(b"name,phone\nAnn,139123\x0045678\n")
    dialog = open_import(qtbot, services, path)
    assert dialog.error_text.startswith("Row 2 (column B) holds a NUL byte")
    assert dialog._encoding_combo.isEnabled()


def test_formula_cells_say_to_recalculate_in_excel(
    qtbot: QtBot, services: AppServices, tmp_path: Path
) -> None:
    dialog = open_import(qtbot, services, formula_workbook(tmp_path / "f.xlsx"))
    reasons = dict(zip(cells(dialog, Column.ROW), cells(dialog, Column.REASON), strict=True))
    assert str(reasons[3]).startswith("The cell holds a formula whose value was never calculated")
    assert str(reasons[5]).startswith("The cell's formula gives #N/A instead of a phone number")
    assert cells(dialog, Column.STATUS)[1] == "Damaged by Excel"
