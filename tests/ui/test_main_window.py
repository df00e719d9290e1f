"""The main window end to end against the sandbox: compose, review, send, watch, pause, resend, close."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QComboBox, QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from liasmart_desktop.core.sending.states import MessageState
from liasmart_desktop.sandbox import FaultKind, SandboxConfig
from liasmart_desktop.ui import main_window as main_window_module
from liasmart_desktop.ui.controllers.send_controller import SendState
from liasmart_desktop.ui.dialogs.review_dialog import ReviewDialog
from liasmart_desktop.ui.main_window import MainWindow
from tests.ui.compose_support import child
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
    assert "Send 2 unknown message(s) again?" in asked[0]
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
    assert window.results.proxy.rowCount() == 1


def test_refresh_delivery_status_fills_the_delivery_column(qtbot: QtBot, window: MainWindow) -> None:
    compose(qtbot, window, "\n".join(f"139{i:08d}" for i in range(3)))
    send(qtbot, window)
    qtbot.waitUntil(window.results.refresh_button.isEnabled, timeout=10_000)
    window.results.refresh_button.click()
    qtbot.waitUntil(
        lambda: {r.dlr_status for r in window.results.model.records()} == {"Delivered"}, timeout=10_000
    )
    assert "refreshed" in window.statusBar().currentMessage()
