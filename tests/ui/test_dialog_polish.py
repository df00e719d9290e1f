"""Dialogs that fit and speak the user's language: Qt's own file dialog in Chinese, the review within a
700-pixel screen, a Test button that stays put, History at a sensible size with the message text."""

from __future__ import annotations

import dataclasses
import os
import random
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QLibraryInfo, QPoint, QSettings, QTranslator
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from liasmart_desktop.core.errors import CredentialError, CredentialProblem
from liasmart_desktop.core.importing import parse_pasted_numbers
from liasmart_desktop.core.paths import DataPaths
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.prepare import prepare_campaign
from liasmart_desktop.core.sending.records import CampaignSpec, NewMessage, SetAsideRow
from liasmart_desktop.core.sending.states import SetAsideStatus
from liasmart_desktop.sandbox import SandboxConfig
from liasmart_desktop.ui import i18n
from liasmart_desktop.ui.app import keep_qt_settings_in
from liasmart_desktop.ui.controllers.account_controller import AccountController
from liasmart_desktop.ui.controllers.campaign_controller import CampaignController, ReadyCampaign
from liasmart_desktop.ui.dialogs.history_dialog import HistoryDialog
from liasmart_desktop.ui.dialogs.review_dialog import ReviewDialog
from liasmart_desktop.ui.dialogs.settings_dialog import SettingsDialog
from liasmart_desktop.ui.i18n import Translations, load_qt_catalogue
from liasmart_desktop.ui.models.history_model import HistoryColumn
from liasmart_desktop.ui.qt_strings import qt_own_texts
from liasmart_desktop.ui.services import AppServices
from tests.ui.i18n_support import TS_FILES
from tests.ui.support import make_services
from tests.ui.test_translations import read_ts

#: A 700-pixel screen less a title bar and a taskbar.
SCREEN_ROOM_PX = 640


@pytest.fixture
def services(tmp_path: Path) -> Iterator[AppServices]:
    made = make_services(tmp_path, default_country="CN")
    yield made
    made.shutdown()


def test_qts_own_file_dialog_is_wholly_chinese(
    qtbot: QtBot, built_translations: Translations, tmp_path: Path
) -> None:
    # The app keeps Qt's own settings (the file dialog's last folders) in the data folder, as here.
    keep_qt_settings_in(DataPaths(tmp_path))
    try:
        assert built_translations.install("zh_CN")
        assert qt_own_texts() == ("查找范围(&L)：", "文件类型(&T)：", "驱动器", "文件夹")
        dialog = QFileDialog()
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
        shiboken6.delete(dialog)  # it saves its last folders as it goes: while the path is ours
        assert labels["lookInLabel"] == "查找范围(&L)："
        assert labels["fileTypeLabel"] == "文件类型(&T)："
        assert labels["fileNameLabel"].startswith("文件名称")  # from Qt's own catalogue
        built_translations.install("en")
        assert qt_own_texts()[0] == "&Look in:"
    finally:  # Qt's default again for the tests after this one
        config = os.environ.get("XDG_CONFIG_HOME", str(Path.home() / ".config"))
        for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(kind, QSettings.Scope.UserScope, config)


def test_qts_catalogue_is_found_beside_the_apps_when_qt_has_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    bundled = tmp_path / "resources-i18n"
    bundled.mkdir()
    shutil.copy2(Path(qt_folder) / "qtbase_zh_CN.qm", bundled)
    monkeypatch.setattr(
        i18n, "qt_translation_folders", lambda: [str(tmp_path / "no-such-folder"), str(bundled)]
    )
    assert load_qt_catalogue(QTranslator(), "zh_CN")
    monkeypatch.setattr(i18n, "qt_translation_folders", lambda: [str(tmp_path / "no-such-folder")])
    assert not load_qt_catalogue(QTranslator(), "zh_CN")


def every_kind_set_aside() -> list[SetAsideRow]:
    reasons = {
        SetAsideStatus.INVALID: "letters",
        SetAsideStatus.MISSING: "empty",
        SetAsideStatus.DAMAGED: "scientific_notation",
        SetAsideStatus.DUPLICATE: "duplicate",
        SetAsideStatus.MISSING_VALUE: "empty_field",
        SetAsideStatus.BLOCKED_TEXT: "control_character",
    }
    return [
        SetAsideRow(row=100 + i, original="x", status=status, reason=reason, first_row=2)
        for i, (status, reason) in enumerate(reasons.items())
    ]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_review_with_every_kind_of_set_aside_row_fits_a_700_pixel_screen(
    qtbot: QtBot, services: AppServices, built_translations: Translations, language: str
) -> None:
    built_translations.install(language)
    services.start_sandbox(SandboxConfig(dlr_delay_s=0))
    report = parse_pasted_numbers("\n".join(f"139{i:08d}" for i in range(5)), "CN")
    prepared = prepare_campaign(
        report,
        "Dear customer, your order has shipped and will arrive within three working days. Thank you!",
        sender_id="ACME",
        sms_type="P",
        sandbox=True,
        source_name="customers.xlsx",
    )
    prepared = dataclasses.replace(prepared, set_aside=tuple(every_kind_set_aside()))
    account = AccountController(services)
    campaigns = CampaignController(services, account)
    earlier = Journal.open(services.paths.journal_file)
    try:
        sent_before = earlier.create_campaign(
            CampaignSpec(template="x", sender_id="ACME", sms_type="P", name="Earlier"),
            [NewMessage(row=2, phone="8613900000000", text="x", encoding="T", segments=1)],
        )
    finally:
        earlier.close()
    dialog = ReviewDialog(
        services, ReadyCampaign(prepared, sent_before), campaigns, account, rng=random.Random(3)
    )
    account.setParent(dialog)
    campaigns.setParent(dialog)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.balance_label.text() not in {"Checking…", "正在查询…"}, timeout=10_000)
    dialog.adjustSize()
    assert dialog.warning_label.isVisible()  # the same list again: the tallest case
    assert len(dialog.set_aside_label.text().splitlines()) == 8
    assert dialog.height() <= SCREEN_ROOM_PX, dialog.size()
    assert dialog.width() <= 1000, dialog.size()


def test_the_test_connection_button_stays_put_as_its_message_grows(
    qtbot: QtBot, services: AppServices
) -> None:
    dialog = SettingsDialog(services, AccountController(services))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    button = dialog._test_button

    def where() -> QPoint:
        return button.mapTo(dialog, QPoint(0, 0))

    before = where()
    dialog._test_result.setText("Connecting…")
    qtbot.wait(10)
    assert where() == before
    dialog._on_test_failed(CredentialError(CredentialProblem.STORE_FAILED, "the keyring is locked " * 8))
    qtbot.wait(10)
    assert dialog._test_result.height() > 2 * dialog._test_result.fontMetrics().height()  # several lines
    assert where() == before


def test_history_opens_at_a_sensible_size_and_shows_the_message(qtbot: QtBot, services: AppServices) -> None:
    journal = Journal.open(services.paths.journal_file)
    try:
        journal.create_campaign(
            CampaignSpec(
                template="Hi {name},\nyour order\nhas shipped.", sender_id="S", sms_type="P", name="June"
            ),
            [NewMessage(row=2, phone="8613900000000", text="x", encoding="T", segments=1)],
        )
    finally:
        journal.close()
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(1024, 700)
    parent.show()
    dialog = HistoryDialog(CampaignController(services, AccountController(services)), parent)
    qtbot.waitUntil(lambda: not dialog.loading)
    assert dialog.width() <= 1000
    assert dialog.width() <= parent.width()
    model = dialog.model
    assert model.index(0, HistoryColumn.NAME).data() == "June"
    assert model.index(0, HistoryColumn.MESSAGE).data() == "Hi {name}, your order has shipped."
    assert model.details_at(0).startswith("Message: “Hi {name},\nyour order\nhas shipped.”")
    shiboken6.delete(dialog)


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda path: path.stem)
def test_no_text_counts_with_a_bracketed_plural(ts: Path) -> None:
    """“message(s)” reads as a form, not a sentence: one and many are worded apart."""
    assert [str(m) for m in read_ts(ts) if "(s)" in m.source] == []
