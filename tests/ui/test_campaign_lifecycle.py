"""The app drives campaigns through the core's service: a campaign keeps its account and mode across a
restart, and every sending action holds the journal's sender lock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from liasmart_desktop.core.errors import CampaignError, CampaignProblem
from liasmart_desktop.core.sending.isolation import SenderStoppedError
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.lock import LockBusyError, SenderLock
from liasmart_desktop.core.sending.records import Campaign
from liasmart_desktop.core.sending.states import CampaignStatus, MessageState
from liasmart_desktop.sandbox import SandboxConfig
from liasmart_desktop.ui.main_window import MainWindow
from liasmart_desktop.ui.messages import describe_error
from liasmart_desktop.ui.services import AppServices
from tests.helpers.journal_states import settle
from tests.ui.support import make_campaign, make_services, records

API_ID = "API43404236"


class Boxes:
    """Records every message box the window opens, answering questions with ``answer``."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton) -> None:
        self.shown: list[tuple[str, str, str]] = []

        def box(kind: str, result: QMessageBox.StandardButton) -> object:
            def show(_parent: object, title: str, text: str, *_a: object) -> QMessageBox.StandardButton:
                self.shown.append((kind, title, text))
                return result

            return show

        for kind in ("information", "warning"):
            monkeypatch.setattr(QMessageBox, kind, box(kind, QMessageBox.StandardButton.Ok))
        monkeypatch.setattr(QMessageBox, "question", box("question", answer))

    def kinds(self) -> list[str]:
        return [kind for kind, _title, _text in self.shown]


@pytest.fixture
def services(tmp_path: Path) -> Iterator[AppServices]:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    services = make_services(tmp_path, api_id=API_ID, default_country="CN")
    yield services
    services.shutdown()


def sends(services: AppServices) -> list[object]:
    """What reached the simulator's SendSMS (balance checks do not count)."""
    sandbox = services.sandbox
    assert sandbox is not None
    return [entry for entry in sandbox.ledger() if entry["endpoint"] == "SendSMS"]


def open_window(qtbot: QtBot, services: AppServices) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    return window


def close(window: MainWindow) -> None:
    window.sending.shutdown()
    shiboken6.delete(window)


def real_campaign(services: AppServices, count: int = 3) -> Campaign:
    """A campaign confirmed for the real account that never started (it had no password yet)."""
    return make_campaign(services.paths.journal_file, count, api_id=API_ID, name="customers.xlsx 2026-12-06")


def test_a_real_campaign_is_not_sent_to_the_simulator_after_a_restart_in_sandbox_mode(
    qtbot: QtBot, services: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    campaign = real_campaign(services)
    services.start_sandbox(SandboxConfig(dlr_delay_s=0.0))  # the restart: no password, so the sandbox
    boxes = Boxes(monkeypatch, QMessageBox.StandardButton.Yes)
    window = open_window(qtbot, services)
    try:
        window.start()
        qtbot.waitUntil(lambda: bool(boxes.shown), timeout=10_000)
        [(kind, title, text)] = boxes.shown
        # Not "Resume sending?": the offer says whose campaign it is and why it cannot go on here.
        assert (kind, title) == ("information", "Unfinished campaign")
        assert "Campaign “customers.xlsx 2026-12-06”" in text
        assert f"sent through the account {API_ID}" in text
        assert "leave the sandbox if you are practising" in text
        # Asking anyway is refused by the core, and nothing reaches the simulator.
        with qtbot.waitSignal(window.sending.failed, timeout=10_000) as failed:
            assert window.campaigns.resume(campaign.code)
        error = failed.args[0]
        assert isinstance(error, CampaignError)
        assert error.code is CampaignProblem.NEEDS_ACCOUNT
        assert boxes.shown[-1][0] == "warning"
        assert "Nothing was sent" in boxes.shown[-1][2]
        assert sends(services) == []
        assert {r.state for r in records(services.paths.journal_file, campaign)} == {MessageState.PENDING}
    finally:
        close(window)


def test_the_resume_offer_names_the_account_and_resumes_through_it(
    qtbot: QtBot, services: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    practice = make_campaign(services.paths.journal_file, 2, sandbox=True, name="Practice")
    services.start_sandbox(SandboxConfig(dlr_delay_s=0.0))
    boxes = Boxes(monkeypatch, QMessageBox.StandardButton.Yes)
    window = open_window(qtbot, services)
    try:
        with qtbot.waitSignal(window.campaigns.finished, timeout=20_000):
            window.start()
        [(_kind, title, text)] = [b for b in boxes.shown if b[0] == "question"]
        assert title == "Resume sending?"
        assert "Campaign “Practice” (a practice campaign (sandbox))" in text
        states = {r.state for r in records(services.paths.journal_file, practice)}
        assert states == {MessageState.ACCEPTED}
    finally:
        close(window)


def test_resend_in_the_app_holds_the_sender_lock(
    qtbot: QtBot, services: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.start_sandbox(SandboxConfig(dlr_delay_s=0.0))
    campaign = make_campaign(services.paths.journal_file, 2, sandbox=True)
    with Journal.open(services.paths.journal_file) as journal:
        settle(journal, campaign, [MessageState.UNKNOWN, MessageState.UNKNOWN])
        journal.set_status(campaign.id, CampaignStatus.FINISHED)
    Boxes(monkeypatch, QMessageBox.StandardButton.Yes)
    window = open_window(qtbot, services)
    try:
        with qtbot.waitSignal(window.campaigns.loaded, timeout=10_000):
            window.campaigns.open(campaign.code)
        with SenderLock(services.paths.journal_file):  # another window, or the command line, is sending
            with qtbot.waitSignal(window.sending.failed, timeout=10_000) as failed:
                window._on_results_resend_requested(MessageState.UNKNOWN)
            assert isinstance(failed.args[0], LockBusyError)
        stored = records(services.paths.journal_file, campaign)
        assert [(r.state, r.attempt) for r in stored] == [(MessageState.UNKNOWN, 1)] * 2
        assert sends(services) == []
        # Once the lock is free the same action goes through, as new attempts.
        with qtbot.waitSignal(window.campaigns.finished, timeout=20_000):
            window._on_results_resend_requested(MessageState.UNKNOWN)
        stored = records(services.paths.journal_file, campaign)
        assert [(r.state, r.attempt) for r in stored] == [(MessageState.ACCEPTED, 2)] * 2
    finally:
        close(window)


def test_a_resume_that_recovers_messages_left_in_flight_says_so(
    qtbot: QtBot, services: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.start_sandbox(SandboxConfig(dlr_delay_s=0.0))
    campaign = make_campaign(services.paths.journal_file, 3, sandbox=True)
    with Journal.open(services.paths.journal_file) as journal:
        settle(journal, campaign, [MessageState.IN_FLIGHT])
    boxes = Boxes(monkeypatch, QMessageBox.StandardButton.Yes)
    window = open_window(qtbot, services)
    try:
        with qtbot.waitSignal(window.campaigns.finished, timeout=20_000):
            window.start()
        question = next(text for kind, _title, text in boxes.shown if kind == "question")
        # One message, in the singular: never "message(s)".
        assert "1 message was on its way when the app stopped; it will be marked Unknown" in question
        assert "(s)" not in question
        interrupted = [text for kind, title, text in boxes.shown if title == "Interrupted messages"]
        assert interrupted
        assert interrupted[0].startswith("1 message was being sent when the app last stopped.")
        counts = [r.state for r in records(services.paths.journal_file, campaign)]
        assert sorted(s.value for s in counts) == ["accepted", "accepted", "unknown"]
    finally:
        close(window)


def test_a_sending_process_that_died_is_explained(qapp: object) -> None:
    sentence = describe_error(SenderStoppedError(-9))
    assert "stopped unexpectedly (exit code -9)" in sentence
    assert "Press Resume" in sentence
    assert "exit code ?" in describe_error(SenderStoppedError(None))
