"""Help › About: the one version, the folders, and a diagnostic summary without secrets or numbers."""

from __future__ import annotations

import platform
from collections.abc import Iterator
from pathlib import Path

import PySide6
import pytest
import shiboken6
from PySide6.QtCore import QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from liasmart_desktop import __version__
from liasmart_desktop.core.credentials import save_password
from liasmart_desktop.ui.dialogs.about_dialog import AboutDialog
from liasmart_desktop.ui.main_window import MainWindow
from liasmart_desktop.ui.services import AppServices
from tests.helpers.memory_keyring import MemoryKeyring
from tests.ui.support import make_services

PASSWORD = "CANARY-about-5f0e-password"
TEST_PHONE = "8613912345678"


@pytest.fixture
def services(tmp_path: Path, memory_keyring: MemoryKeyring) -> Iterator[AppServices]:
    made = make_services(tmp_path, api_id="API43404236", test_phone=TEST_PHONE, default_country="CN")
    save_password("API43404236", PASSWORD)
    yield made
    made.shutdown()


@pytest.fixture
def dialog(qtbot: QtBot, services: AppServices) -> AboutDialog:
    shown = AboutDialog(services)
    qtbot.addWidget(shown)
    return shown


def labels(dialog: AboutDialog) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel)]


def test_the_about_box_names_the_version_and_the_folders(dialog: AboutDialog, services: AppServices) -> None:
    texts = labels(dialog)
    assert f"LiaSmart Desktop {__version__}" in texts
    assert str(services.paths.root) in texts
    assert str(services.paths.log_dir) in texts


def test_the_diagnostic_summary_is_copied_without_password_or_numbers(
    qtbot: QtBot, dialog: AboutDialog, services: AppServices
) -> None:
    QGuiApplication.clipboard().clear()
    dialog.copy_button.click()
    summary = QGuiApplication.clipboard().text()
    for expected in (
        f"LiaSmart Desktop: {__version__} (Python environment)",
        f"Python: {platform.python_version()}",
        f"Qt: {qVersion()} (PySide6 {PySide6.__version__})",
        "Password store: tests.helpers.memory_keyring.MemoryKeyring",
        f"Data folder: {services.paths.root}",
        f"Logs: {services.paths.log_dir}",
        "Mode: live",
    ):
        assert expected in summary
    assert PASSWORD not in summary
    assert "13912345678" not in summary
    assert "API43404236" not in summary
    assert dialog.status.text() == "Copied. Paste it into your email to support."


def test_the_logs_button_opens_the_logs_folder(
    dialog: AboutDialog, services: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    dialog.logs_button.click()
    assert [url.toLocalFile() for url in opened] == [str(services.paths.log_dir)]


def test_help_about_opens_it(qtbot: QtBot, services: AppServices, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[AboutDialog] = []

    def exec_(self: AboutDialog) -> int:
        opened.append(self)
        return 0

    monkeypatch.setattr(AboutDialog, "exec", exec_)
    window = MainWindow(services)
    qtbot.addWidget(window)
    try:
        about = next(a for a in window.findChildren(QAction) if a.text() == "&About LiaSmart Desktop")
        about.trigger()
    finally:
        shiboken6.delete(window)
    assert len(opened) == 1
