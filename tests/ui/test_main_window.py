"""The main window end to end against the sandbox: compose, review, send, watch, pause, resend, close."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import openpyxl
import pytest
import shiboken6
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from liasmart_desktop.core.sending.states import MessageState
from liasmart_desktop.sandbox import FaultKind, SandboxConfig
from liasmart_desktop.ui import main_window as main_window_module
from liasmart_desktop.ui.controllers.delivery_poller import DeliveryPoller
from liasmart_desktop.ui.controllers.send_controller import SendState
from liasmart_desktop.ui.dialogs.review_dialog import ReviewDialog
from liasmart_desktop.ui.main_window import MainWindow
from liasmart_desktop.ui.widgets.icon_label import IconLabel
from tests.ui.compose_support import child, import_csv
from tests.ui.support import make_services

NUMBERS = "\n".join(f"139{i:08d}" for i in range(40))


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    services = make_services(
        tmp_path, default_country="CN", sender_ids=("LIASMART",), default_sender_id="LIASMART"
    )
    services.start_sandbox(SandboxConfig(dlr_delay_s=0.0))
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    # Dialogs answer by themselves: review says "send", questions say "yes".
    monkeypatch.setattr(ReviewDialog, "exec", lambda _self: ReviewDialog.DialogCode.Accepted)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *_a, **_k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "information", lambda *_a, **_k: QMessageBox.StandardButton.Ok)
    yield win
    win.sending.shutdown()
    services.shutdown()
    shiboken6.delete(win)


def compose(
    qtbot: QtBot, win: MainWindow, numbers: str = NUMBERS, text: str = "Hello from the office"
) -> None:
    child(win.compose, QPlainTextEdit, "messageEditor").setPlainText(text)
    child(win.compose, QPlainTextEdit, "pastedNumbers").setPlainText(numbers)
    qtbot.waitUntil(lambda: not win.compose.problems(), timeout=10_000)


def send(qtbot: QtBot, win: MainWindow) -> None:
    with qtbot.waitSignal(win.sending.finished, timeout=60_000):
        win.review_action.trigger()
    qtbot.waitUntil(lambda: win.sending.state is SendState.IDLE, timeout=10_000)


def sends(win: MainWindow) -> list[dict[str, object]]:
    sandbox = win.services.sandbox
    assert sandbox is not None
    return [dict(entry) for entry in sandbox.ledger() if entry["endpoint"] == "SendSMS"]


def state_of(win: MainWindow) -> SendState:
    return win.sending.state


def grid_states(win: MainWindow) -> list[MessageState]:
    return [record.state for record in win.results.model.records()]


def test_the_window_starts_in_sandbox_mode_with_a_banner(window: MainWindow) -> None:
    assert window.banner.isVisible()
    assert "Sandbox" in window.status_area.connection.text()
    assert window.review_action.shortcut().toString() == "Ctrl+Return"
    assert window.import_action.shortcut().toString() == "Ctrl+I"


def test_review_then_send_fills_the_grid_with_every_message_accepted(
    qtbot: QtBot, window: MainWindow
) -> None:
    compose(qtbot, window)
    send(qtbot, window)
    qtbot.waitUntil(lambda: len(window.results.model.records()) == 40, timeout=10_000)
    qtbot.waitUntil(lambda: set(grid_states(window)) == {MessageState.ACCEPTED}, timeout=10_000)
    assert len(sends(window)) == 40
    assert all(entry["password_in_url"] is False for entry in sends(window))
    assert window.results.export_button.isEnabled()
    assert not window.results.resend_unknown_button.isEnabled()


def test_pause_resume_and_cancel_from_the_menu(qtbot: QtBot, window: MainWindow) -> None:
    window.services.sandbox.set_latency_ms(30)  # type: ignore[union-attr]
    compose(qtbot, window, "\n".join(f"139{i:08d}" for i in range(300)))
    window.review_action.trigger()
    qtbot.waitUntil(lambda: window.sending.state is SendState.RUNNING, timeout=10_000)
    window.pause_action.trigger()
    assert state_of(window) is SendState.PAUSED
    assert window.results.resume_button.isEnabled()
    window.resume_action.trigger()
    assert state_of(window) is SendState.RUNNING
    with qtbot.waitSignal(window.sending.finished, timeout=60_000):
        window.cancel_action.trigger()
    qtbot.waitUntil(lambda: MessageState.CANCELLED in grid_states(window), timeout=10_000)
    assert MessageState.IN_FLIGHT not in grid_states(window)


def test_resend_unknown_asks_and_sends_only_them_again(qtbot: QtBot, window: MainWindow) -> None:
    sandbox = window.services.sandbox
    assert sandbox is not None
    sandbox.plan_faults([FaultKind.HTTP500, FaultKind.DROP])
    compose(qtbot, window, "\n".join(f"139{i:08d}" for i in range(6)))
    send(qtbot, window)
    qtbot.waitUntil(lambda: grid_states(window).count(MessageState.UNKNOWN) == 2, timeout=10_000)
    assert window.results.resend_unknown_button.isEnabled()
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_a: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(QMessageBox, "question", question)
        with qtbot.waitSignal(window.sending.finished, timeout=30_000):
            window.results.resend_unknown_button.click()
    assert asked[0].startswith("Send 2 unknown messages again?")
    assert "twice" in asked[0]
    qtbot.waitUntil(lambda: set(grid_states(window)) == {MessageState.ACCEPTED}, timeout=10_000)
    attempts = {record.attempt for record in window.results.model.records()}
    assert attempts == {1, 2}
    assert len(sends(window)) == 8


def test_closing_during_a_send_asks_then_stops_cleanly(qtbot: QtBot, window: MainWindow) -> None:
    window.services.sandbox.set_latency_ms(50)  # type: ignore[union-attr]
    compose(qtbot, window, "\n".join(f"139{i:08d}" for i in range(200)))
    window.review_action.trigger()
    qtbot.waitUntil(lambda: window.sending.state is SendState.RUNNING, timeout=10_000)
    window.close()
    assert state_of(window) is SendState.IDLE
    settings = main_window_module.view_settings(window.services.paths)
    assert settings.value("window/geometry") is not None
    assert window.services.paths.view_state_file.is_file()


def test_the_window_size_is_kept_in_the_data_folder(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(790, 580)  # the offscreen screen is 800 × 600; restoring keeps a window on it
    closed = window.size()
    assert (closed.width(), closed.height()) != (1200, 760)
    window.close()
    assert window.services.paths.view_state_file.is_file()
    again = MainWindow(window.services)
    qtbot.addWidget(again)
    assert again.size() == closed


def test_filters_and_search_narrow_the_grid(qtbot: QtBot, window: MainWindow) -> None:
    sandbox = window.services.sandbox
    assert sandbox is not None
    sandbox.plan_faults([FaultKind.STATUS_F])
    compose(qtbot, window, "\n".join(f"139{i:08d}" for i in range(5)))
    send(qtbot, window)
    qtbot.waitUntil(lambda: MessageState.REJECTED in grid_states(window), timeout=10_000)
    combo = window.results.state_filter
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData("rejected"))
    assert window.results.proxy.rowCount() == 1
    combo.setCurrentIndex(combo.findData("all"))
    window.results.search.setText("13900000004")
    qtbot.waitUntil(lambda: window.results.proxy.rowCount() == 1, timeout=5_000)


def test_refresh_delivery_status_fills_the_delivery_column(qtbot: QtBot, window: MainWindow) -> None:
    compose(qtbot, window, "\n".join(f"139{i:08d}" for i in range(3)))
    send(qtbot, window)
    qtbot.waitUntil(window.results.refresh_button.isEnabled, timeout=10_000)
    window.results.refresh_button.click()
    qtbot.waitUntil(
        lambda: {r.dlr_status for r in window.results.model.records()} == {"Delivered"}, timeout=10_000
    )
    assert window.statusBar().currentMessage().startswith("Delivery reports checked: 3 delivered")


# ---------------------------------------------------------------------- after a send, and on the way in


def test_after_a_finished_send_a_fresh_message_is_offered(qtbot: QtBot, window: MainWindow) -> None:
    compose(qtbot, window, "\n".join(f"139{i:08d}" for i in range(3)))
    send(qtbot, window)
    qtbot.waitUntil(lambda: set(grid_states(window)) == {MessageState.ACCEPTED}, timeout=10_000)
    assert window.pages.currentWidget() is window.results
    name = window.results.title.text()
    assert name.startswith("Typed numbers ")  # named for people, never by its code
    readiness = window.compose.findChild(QWidget, "composeProblems")
    assert isinstance(readiness, IconLabel)
    assert readiness.text().startswith(f"This message was just sent to this list as “{name}”.")
    assert not child(window.compose, QPushButton, "newMessageButton").isHidden()
    assert not window.results.new_message_button.isHidden()

    window.results.new_message_button.click()
    assert window.pages.currentWidget() is window.compose
    assert child(window.compose, QPlainTextEdit, "messageEditor").toPlainText() == ""
    assert child(window.compose, QPlainTextEdit, "pastedNumbers").toPlainText() == ""
    qtbot.waitUntil(lambda: "Write the message." in window.compose.problems(), timeout=5_000)
    assert window.compose.state().sender_id == "LIASMART"  # the sender ID stays
    assert child(window.compose, QPushButton, "newMessageButton").isHidden()


def test_a_paused_send_is_not_taken_for_a_finished_one(qtbot: QtBot, window: MainWindow) -> None:
    window.services.sandbox.set_latency_ms(30)  # type: ignore[union-attr]
    compose(qtbot, window, "\n".join(f"139{i:08d}" for i in range(200)))
    window.review_action.trigger()
    qtbot.waitUntil(lambda: window.sending.state is SendState.RUNNING, timeout=10_000)
    window.pause_action.trigger()
    assert window.results.state_text == "Paused"
    assert window.pages.tabText(window.RESULTS_PAGE) == "&2 Results (paused)"
    with qtbot.waitSignal(window.sending.finished, timeout=60_000):
        window.sending.stop()
    assert child(window.compose, QPushButton, "newMessageButton").isHidden()
    assert window.results.new_message_button.isHidden()


class FakeImportDialog:
    """Stands in for the import dialog: "Use this list" with a prepared list."""

    DialogCode = QDialog.DialogCode
    made: ClassVar[list[FakeImportDialog]] = []
    list_path: ClassVar[Path]

    def __init__(self, _services: object, _path: object, _parent: object) -> None:
        self.report, self.path = import_csv(self.list_path.parent, ["name,phone", "Li,13900000001"])
        FakeImportDialog.made.append(self)

    def exec(self) -> QDialog.DialogCode:
        return QDialog.DialogCode.Accepted


def test_importing_over_pasted_numbers_asks_first_and_remembers_the_folder(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "lists"
    folder.mkdir()
    FakeImportDialog.list_path = folder / "customers.csv"
    monkeypatch.setattr(main_window_module, "ImportDialog", FakeImportDialog)
    compose(qtbot, window, "13900000007\n13900000008")
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_a: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    window.import_action.trigger()
    assert asked[0].startswith(
        "You also typed or pasted 2 numbers. The imported list is sent instead of them"
    )
    assert window.compose.state().source_path is None  # kept the pasted numbers
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    window.import_action.trigger()
    assert window.compose.state().source_path == FakeImportDialog.list_path
    assert window.services.settings.last_folder == str(folder)
    assert window.services.start_folder() == folder
    saved = json.loads(window.services.paths.settings_file.read_text(encoding="utf-8"))
    assert saved["last_folder"] == str(folder)  # in the data folder's settings, not Qt's own place


def test_export_opens_in_the_last_folder_under_the_campaigns_name(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compose(qtbot, window, "13900000001")
    send(qtbot, window)
    offered: list[str] = []
    target = tmp_path / "reports" / "may.xlsx"
    target.parent.mkdir()

    def save_name(_parent: object, _title: str, suggested: str, _filters: str) -> tuple[str, str]:
        offered.append(suggested)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    start = window.services.start_folder()  # the documents folder (or home) the first time
    with qtbot.waitSignal(window.campaigns.exported, timeout=10_000):
        window.export_action.trigger()
    name = window.results.title.text()
    assert Path(offered[0]) == start / (name.replace(":", "-") + ".xlsx")  # a name every system allows
    assert Path(offered[0]).is_absolute()  # not the working folder
    assert window.services.settings.last_folder == str(target.parent)
    assert window.statusBar().currentMessage().startswith(f"Saved 1 row to {target}.")
    book = openpyxl.load_workbook(target)
    assert book.active is not None
    assert book.active.title == name.replace(":", " ")[:31]
    header = [cell.value for cell in book.active[1]]
    assert header[0] == "Row"
    assert header[header.index("Sent to") :][:3] == ["Sent to", "Result", "Reason"]


def test_delivery_reports_arrive_by_themselves(qtbot: QtBot, window: MainWindow) -> None:
    window.poller.stop()
    window.poller = DeliveryPoller(window.campaigns, window, schedule_ms=(50, 100), budget_s=5.0)
    window.poller.updated.connect(window._on_poller_updated)
    compose(qtbot, window, "\n".join(f"139{i:08d}" for i in range(3)))
    send(qtbot, window)
    window.poller.start()
    qtbot.waitUntil(lambda: window.results.model.delivery_counts().get("delivered", 0) == 3, timeout=15_000)
    assert window.results.delivery_text.text().startswith("Delivery reports: 3 delivered")
    assert "last checked" in window.results.delivery_text.text()
    window.poller.stop()
