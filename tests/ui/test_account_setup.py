"""Without an account and outside the sandbox nothing can be sent: Send is not offered anywhere (checklist,
menu, review), the banner and the checklist say what to set up, and a failure is titled by what failed."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from liasmart_desktop.core.errors import CampaignError, CampaignProblem
from liasmart_desktop.core.importing import parse_pasted_numbers
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.prepare import prepare_campaign
from liasmart_desktop.core.sending.states import MessageState
from liasmart_desktop.ui.controllers.campaign_controller import ReadyCampaign, Step
from liasmart_desktop.ui.dialogs.review_dialog import ReviewDialog
from liasmart_desktop.ui.i18n import Translations
from liasmart_desktop.ui.main_window import MainWindow
from liasmart_desktop.ui.services import AppServices
from tests.helpers.journal_states import settle
from tests.ui.compose_support import child
from tests.ui.support import make_campaign, make_services

NUMBERS = "13900000001\n13900000002"


class Boxes:
    """Records every message box the window opens (questions are answered Yes)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.shown: list[tuple[str, str, str]] = []

        def box(kind: str) -> object:
            def show(_parent: object, title: str, text: str, *_a: object) -> QMessageBox.StandardButton:
                self.shown.append((kind, title, text))
                return QMessageBox.StandardButton.Yes if kind == "question" else QMessageBox.StandardButton.Ok

            return show

        for kind in ("information", "warning", "question"):
            monkeypatch.setattr(QMessageBox, kind, box(kind))


@pytest.fixture
def services(tmp_path: Path) -> Iterator[AppServices]:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    made = make_services(
        tmp_path, default_country="CN", sender_ids=("LIASMART",), default_sender_id="LIASMART"
    )
    yield made
    made.shutdown()


@pytest.fixture
def window(qtbot: QtBot, services: AppServices) -> Iterator[MainWindow]:
    win = MainWindow(services)  # no sandbox, no API ID, no password
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.sending.shutdown()
    shiboken6.delete(win)


def compose(qtbot: QtBot, win: MainWindow) -> None:
    child(win.compose, QPlainTextEdit, "messageEditor").setPlainText("Hello from the office")
    child(win.compose, QPlainTextEdit, "pastedNumbers").setPlainText(NUMBERS)
    qtbot.waitUntil(lambda: not win.compose.problems()[1:], timeout=10_000)


def test_without_an_account_send_is_offered_nowhere_and_the_checklist_says_what_to_set_up(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    reviews: list[ReviewDialog] = []

    def review(dialog: ReviewDialog) -> int:
        reviews.append(dialog)
        return 0

    monkeypatch.setattr(ReviewDialog, "exec", review)
    compose(qtbot, window)
    assert window.banner.isVisible()
    assert "No LiaSmart account is set up" in window.banner.label.text()
    assert window.banner.sandbox_button.isVisible()
    [problem] = window.compose.problems()
    assert problem.startswith("Set up your LiaSmart account first (Settings: API ID and password)")
    assert not window.compose.review_action.isEnabled()
    assert not window.review_action.isEnabled()
    assert "Set up your LiaSmart account" in window.review_action.toolTip()
    window.review_action.trigger()
    window.compose.review_action.trigger()
    qtbot.wait(300)
    assert reviews == []  # nothing prepared, no review opened
    assert "No account set up" in window.status_area.connection.text()

    # The banner's way out: practise in the sandbox; then sending is offered.
    window.banner.sandbox_button.click()
    assert window.services.sandbox_mode
    assert "Sandbox mode" in window.banner.label.text()
    assert not window.banner.sandbox_button.isVisible()
    assert window.compose.problems() == []
    assert window.review_action.isEnabled()
    assert window.compose.review_action.isEnabled()


def test_the_checklist_and_the_banner_are_worded_in_chinese(
    qtbot: QtBot, services: AppServices, built_translations: Translations
) -> None:
    assert built_translations.install("zh_CN")
    win = MainWindow(services)
    qtbot.addWidget(win)
    try:
        assert win.compose.problems()[0].startswith("请先设置您的 LiaSmart 账户")
        assert win.banner.label.text().startswith("尚未设置 LiaSmart 账户")
    finally:
        shiboken6.delete(win)


def test_the_review_offers_no_send_without_an_account(qtbot: QtBot, window: MainWindow) -> None:
    report = parse_pasted_numbers(NUMBERS, "CN")
    prepared = prepare_campaign(report, "Hello", sender_id="LIASMART", sms_type="P")
    dialog = ReviewDialog(
        window.services,
        ReadyCampaign(prepared, None),
        window.campaigns,
        window.account,
        window,
        rng=random.Random(1),
    )
    qtbot.addWidget(dialog)
    assert not dialog.send_button.isEnabled()
    assert not dialog.test_button.isEnabled()
    assert dialog.warning_label.isVisibleTo(dialog)
    assert dialog.warning_label.text().startswith("⚠ No LiaSmart account is set up, so nothing can be sent.")


def test_failures_are_titled_by_what_failed(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    boxes = Boxes(monkeypatch)
    for step in Step:
        window.campaigns.failed.emit(step, "Because.")
    titles = [title for _kind, title, _text in boxes.shown]
    assert titles == [
        "The messages could not be prepared",
        "The campaign could not be opened",
        "Delivery reports not checked",
        "The results were not saved",
        "The history could not be read",
    ]
    window.sending.failed.emit(CampaignError(CampaignProblem.NEEDS_ACCOUNT, account="API1"))
    window.sending.failed.emit(OSError("disk full"))
    assert [title for _kind, title, _text in boxes.shown[-2:]] == ["Not sent", "Sending stopped"]
    assert all(title != "Something went wrong" for _kind, title, _text in boxes.shown)


def test_resuming_a_real_campaign_without_its_account_says_what_to_set_up(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes = Boxes(monkeypatch)
    campaign = make_campaign(window.services.paths.journal_file, 2, api_id="API43404236", name="May offer")
    with Journal.open(window.services.paths.journal_file) as journal:
        settle(journal, campaign, [MessageState.ACCEPTED])
    with qtbot.waitSignal(window.campaigns.loaded, timeout=10_000):
        window.campaigns.open(campaign.code)
    assert not window.resume_action.isEnabled()  # nothing can be sent from here
    assert window.results.refresh_reason == (
        "Its delivery reports come through the account API43404236: set up that account in Settings "
        "(and leave the sandbox) to ask for them."
    )
    assert not window.refresh_action.isEnabled()
    with qtbot.waitSignal(window.sending.failed, timeout=10_000):
        window.campaigns.resume(campaign.code)  # asked anyway (the core refuses)
    [(kind, title, text)] = boxes.shown
    assert (kind, title) == ("warning", "Not sent")
    assert "through the account API43404236" in text
    assert "set up that account in Settings" in text
    assert text.endswith("Nothing was sent.")
