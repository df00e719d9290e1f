"""The one country picker: every country, found by code, English, Chinese or its own name."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from liasmart_desktop.ui import countries
from liasmart_desktop.ui.controllers.account_controller import AccountController
from liasmart_desktop.ui.dialogs.import_dialog import ImportDialog
from liasmart_desktop.ui.dialogs.office_country_dialog import OfficeCountryDialog
from liasmart_desktop.ui.dialogs.settings_dialog import SettingsDialog
from liasmart_desktop.ui.widgets.country_picker import CountryPicker
from tests.ui.support import make_services

#: The offscreen platform cannot raise the completer's popup or grab the keyboard for it; harmless.
POPUP = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


@pytest.fixture
def picker(qtbot: QtBot) -> CountryPicker:
    widget = CountryPicker(none_text="None")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_every_country_is_listed_after_the_none_item(picker: CountryPicker) -> None:
    assert picker.count() == 1 + len(countries.country_entries("en")) > 240
    assert (picker.itemText(0), picker.country()) == ("None", "")
    china = picker.findData("CN")
    assert picker.itemText(china) == "China (中国) · CN · +86"


@POPUP
def edit(picker: CountryPicker) -> QLineEdit:
    """The picker's line edit, its text selected so that typing replaces it."""
    line_edit = picker.lineEdit()
    assert line_edit is not None
    line_edit.selectAll()
    return line_edit


def type_text(qtbot: QtBot, picker: CountryPicker, text: str) -> None:
    """Type as a person does: keys for Latin letters, the input method's commit for Chinese."""
    if text.isascii():
        qtbot.keyClicks(edit(picker), text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit(picker), event)


@POPUP
@pytest.mark.parametrize("typed", ["CN", "cn", "China", "中国", "chin"])
def test_typing_a_code_or_a_name_then_enter_picks_it(picker: CountryPicker, qtbot: QtBot, typed: str) -> None:
    edit(picker)
    with qtbot.waitSignal(picker.country_changed) as changed:
        type_text(qtbot, picker, typed)
        qtbot.keyClick(edit(picker), Qt.Key.Key_Return)
    assert changed.args == ["CN"]
    assert picker.currentText() == picker.itemText(picker.findData("CN"))


def test_cn_finds_china_before_cambodia() -> None:
    entries = countries.country_entries("en")
    assert [entry.code for entry in countries.search("CN", entries)][:1] == ["CN"]
    assert [entry.code for entry in countries.search("KH", entries)][:1] == ["KH"]
    assert countries.search("", entries) == list(entries)
    assert countries.search("zzzz", entries) == []


def test_native_and_chinese_names_find_a_country() -> None:
    entries = countries.country_entries("en")
    assert countries.search("Deutschland", entries)[0].code == "DE"
    assert countries.search("美国", entries)[0].code == "US"


@POPUP
def test_text_that_finds_nothing_keeps_the_chosen_country(picker: CountryPicker, qtbot: QtBot) -> None:
    picker.set_country("SG")
    edit(picker)
    qtbot.keyClicks(edit(picker), "nowhere")
    qtbot.keyClick(edit(picker), Qt.Key.Key_Return)
    assert picker.country() == "SG"
    assert picker.currentText() == picker.itemText(picker.findData("SG"))


def test_choosing_from_the_list_reports_the_code(picker: CountryPicker, qtbot: QtBot) -> None:
    with qtbot.waitSignal(picker.country_changed) as changed:
        picker.setCurrentIndex(picker.findData("HK"))
    assert changed.args == ["HK"]
    picker.set_country("")
    assert picker.country() == ""
    picker.set_country("XX")
    assert picker.country() == ""


@POPUP
def test_the_completer_lists_the_best_matches_first(picker: CountryPicker, qtbot: QtBot) -> None:
    edit(picker)
    qtbot.keyClicks(edit(picker), "CN")
    completer = picker.completer()
    assert completer is not None
    popup_model = completer.completionModel()
    assert popup_model.index(0, 0).data() == picker.itemText(picker.findData("CN"))


@POPUP
def test_one_picker_everywhere_and_cn_is_china_in_each(qtbot: QtBot, tmp_path: Path) -> None:
    services = make_services(tmp_path, default_country="SG")
    try:
        settings = SettingsDialog(services, AccountController(services))
        importer = ImportDialog(services)
        first_start = OfficeCountryDialog(services)
        for dialog in (settings, importer, first_start):
            qtbot.addWidget(dialog)
            found = dialog.findChildren(CountryPicker)
            assert len(found) == 1, dialog
            found_picker = found[0]
            edit(found_picker)
            type_text(qtbot, found_picker, "CN")
            qtbot.keyClick(edit(found_picker), Qt.Key.Key_Return)
            assert found_picker.country() == "CN", dialog
        with qtbot.waitSignal(services.settings_changed):
            settings.accept()
        assert services.settings.default_country == "CN"
    finally:
        services.shutdown()
