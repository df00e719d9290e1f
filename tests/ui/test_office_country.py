"""The office's country from the first start: asked once, pre-filled, saved, changed in Settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from liasmart_desktop.core.settings import load_settings
from liasmart_desktop.sandbox import SandboxConfig
from liasmart_desktop.ui import countries
from liasmart_desktop.ui.controllers.account_controller import AccountController
from liasmart_desktop.ui.dialogs.office_country_dialog import (
    OfficeCountryDialog,
    ask_office_country,
    needs_office_country,
)
from liasmart_desktop.ui.dialogs.settings_dialog import SettingsDialog
from liasmart_desktop.ui.main_window import MainWindow
from liasmart_desktop.ui.services import AppServices
from tests.ui.language_support import ui_language
from tests.ui.support import make_services


@pytest.fixture
def region(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """Set ``[0]`` to the region the computer's locale names."""
    chosen: list[str | None] = ["SG"]
    monkeypatch.setattr(countries, "system_region", lambda: chosen[0])
    return chosen


@pytest.fixture
def services(tmp_path: Path) -> Iterator[AppServices]:
    made = make_services(tmp_path)
    yield made
    made.shutdown()


def ask(qtbot: QtBot, services: AppServices) -> OfficeCountryDialog:
    dialog = ask_office_country(services)
    assert dialog is not None
    qtbot.addWidget(dialog)
    return dialog


@pytest.mark.usefixtures("region")
def test_first_start_asks_pre_filled_from_the_system_region_and_saves(
    qtbot: QtBot, services: AppServices
) -> None:
    dialog = ask(qtbot, services)
    assert dialog.isVisible()
    assert dialog.picker.country() == "SG"
    assert dialog.picker.currentText() == "Singapore · SG · +65"
    with qtbot.waitSignal(services.settings_changed):
        dialog.use_button.click()
    assert (services.settings.default_country, services.settings.country_asked) == ("SG", True)
    saved = load_settings(services.paths.settings_file)
    assert (saved.default_country, saved.country_asked) == ("SG", True)
    assert not needs_office_country(services)
    assert ask_office_country(services) is None  # once answered, never again


def test_the_chinese_ui_pre_fills_china_with_chinese_names(
    qtbot: QtBot,
    services: AppServices,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    region: list[str | None],
) -> None:
    region[0] = "US"
    with ui_language("zh_CN", tmp_path / "qm", monkeypatch):
        dialog = ask(qtbot, services)
        assert dialog.windowTitle() == "您办公室所在的国家/地区"
        assert dialog.picker.country() == "CN"
        assert dialog.picker.currentText() == "中国 · CN · +86"
        united_states = dialog.picker.findData("US")
        assert dialog.picker.itemText(united_states) == "美国 (United States) · US · +1"
        dialog.picker.set_country("US")
        dialog.use_button.click()
    assert services.settings.default_country == "US"


@pytest.mark.usefixtures("region")
def test_ask_me_later_saves_nothing_and_asks_again(qtbot: QtBot, services: AppServices) -> None:
    dialog = ask(qtbot, services)
    dialog.later_button.click()
    assert services.settings.default_country == ""
    assert not services.settings.country_asked
    assert not services.paths.settings_file.exists()
    assert ask(qtbot, services) is not None


def test_no_country_is_an_answer_too(qtbot: QtBot, services: AppServices, region: list[str | None]) -> None:
    region[0] = None  # a "C" locale names no region: nothing is proposed
    dialog = ask(qtbot, services)
    assert dialog.picker.country() == ""
    dialog.use_button.click()
    assert (services.settings.default_country, services.settings.country_asked) == ("", True)
    assert not needs_office_country(services)


@pytest.mark.usefixtures("region")
def test_a_settings_file_that_cannot_be_written_keeps_the_question_open(
    qtbot: QtBot, services: AppServices
) -> None:
    services.paths.settings_file.mkdir()  # a folder where the file should be
    dialog = ask(qtbot, services)
    dialog.use_button.click()
    assert dialog.isVisible()
    assert dialog.error_label.isVisibleTo(dialog)
    assert dialog.error_label.text().startswith("The settings could not be saved (")
    assert not services.settings.country_asked


@pytest.mark.usefixtures("region")
def test_a_known_country_is_never_asked(tmp_path: Path) -> None:
    services = make_services(tmp_path, default_country="CN")
    try:
        assert ask_office_country(services) is None
    finally:
        services.shutdown()


@pytest.mark.usefixtures("region")
def test_the_window_asks_at_start_and_settings_changes_it(qtbot: QtBot, tmp_path: Path) -> None:
    old_format = QSettings.defaultFormat()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    services = make_services(tmp_path)
    services.start_sandbox(SandboxConfig(dlr_delay_s=0.0))
    window = MainWindow(services)
    qtbot.addWidget(window)
    try:
        window.show()
        window.start()
        dialog = window.findChild(OfficeCountryDialog)
        assert dialog is not None
        qtbot.waitUntil(dialog.isVisible)
        dialog.use_button.click()
        assert services.settings.default_country == "SG"

        settings = SettingsDialog(services, AccountController(services))
        qtbot.addWidget(settings)
        assert settings._country_combo.country() == "SG"
        settings._country_combo.set_country("CN")
        with qtbot.waitSignal(services.settings_changed):
            settings.accept()
        assert services.settings.default_country == "CN"
    finally:
        services.shutdown()
        shiboken6.delete(window)
        QSettings.setDefaultFormat(old_format)
