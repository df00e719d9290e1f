"""History: campaigns from the journal (read off the GUI thread), their counts, and opening one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from liasmart_desktop.core.paths import open_data_dir
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.records import (
    TEST_SOURCE_NAME,
    Campaign,
    CampaignSpec,
    NewMessage,
    SetAsideRow,
    Stop,
)
from liasmart_desktop.core.sending.states import CampaignStatus, MessageState, SetAsideStatus, StopReason
from liasmart_desktop.core.sending.summaries import CampaignOverview
from liasmart_desktop.core.settings import AppSettings
from liasmart_desktop.ui.controllers.account_controller import AccountController
from liasmart_desktop.ui.controllers.campaign_controller import CampaignController
from liasmart_desktop.ui.dialogs.history_dialog import HistoryDialog
from liasmart_desktop.ui.messages import local_time_text
from liasmart_desktop.ui.models.history_model import (
    CODE_ROLE,
    HistoryColumn,
    HistoryTableModel,
)
from liasmart_desktop.ui.services import AppServices
from tests.helpers.journal_states import settle


@pytest.fixture
def services(tmp_path: Path) -> Iterator[AppServices]:
    services = AppServices(open_data_dir(str(tmp_path / "home")), settings=AppSettings())
    yield services
    services.shutdown()


def add_campaign(
    journal: Journal,
    count: int,
    outcomes: dict[int, MessageState],
    status: CampaignStatus,
    *,
    stop: StopReason | None = None,
    set_aside: int = 0,
    **spec: object,
) -> Campaign:
    fields = {"template": "Hello", "sender_id": "LIASMART", "sms_type": "P", **spec}
    campaign = journal.create_campaign(
        CampaignSpec(**fields),  # type: ignore[arg-type]
        [
            NewMessage(row=i + 2, phone=f"86139{i:08d}", text=f"Hello {i}", encoding="T", segments=1)
            for i in range(count)
        ],
        [
            SetAsideRow(row=100 + i, original="x", status=SetAsideStatus.INVALID, reason="letters")
            for i in range(set_aside)
        ],
    )
    settle(journal, campaign, list(outcomes.values()))
    journal.set_status(campaign.id, status, Stop(stop) if stop else None)
    return campaign


@pytest.fixture
def campaigns(services: AppServices) -> list[Campaign]:
    """Three campaigns: a finished list, a test message, and a stopped sandbox send (newest)."""
    journal = Journal.open(services.paths.journal_file)
    try:
        finished = add_campaign(
            journal,
            5,
            {
                0: MessageState.ACCEPTED,
                1: MessageState.ACCEPTED,
                2: MessageState.REJECTED,
                3: MessageState.UNKNOWN,
            },
            CampaignStatus.FINISHED,
            set_aside=2,
            source_name="customers.xlsx",
            sms_type="T",
            api_id="API43404236",
        )
        test = add_campaign(
            journal, 1, {0: MessageState.ACCEPTED}, CampaignStatus.FINISHED, source_name=TEST_SOURCE_NAME
        )
        stopped = add_campaign(
            journal,
            3,
            {0: MessageState.ACCEPTED},
            CampaignStatus.PAUSED,
            stop=StopReason.USER_PAUSE,
            sandbox=True,
            name="Practice 2026-12-06",
        )
        return [stopped, test, finished]
    finally:
        journal.close()


def controller(services: AppServices) -> CampaignController:
    return CampaignController(services, AccountController(services))


def open_dialog(qtbot: QtBot, services: AppServices) -> HistoryDialog:
    dialog = HistoryDialog(controller(services))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.loading)
    return dialog


def cell(model: HistoryTableModel, row: int, column: HistoryColumn) -> object:
    return model.index(row, column).data()


def test_campaigns_are_listed_newest_first_with_their_counts(
    qtbot: QtBot, qtmodeltester: object, services: AppServices, campaigns: list[Campaign]
) -> None:
    dialog = open_dialog(qtbot, services)
    model = dialog.model
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 3
    assert [model.index(r, 0).data(CODE_ROLE) for r in range(3)] == [c.code for c in campaigns]
    assert dialog._status_label.text() == "3 campaigns."

    row = [cell(model, 0, column) for column in HistoryColumn]
    assert row[HistoryColumn.NAME] == "Practice 2026-12-06"
    assert row[HistoryColumn.STATUS] == "Stopped – can be continued"
    assert row[HistoryColumn.ACCOUNT] == "Sandbox (practice)"
    assert row[HistoryColumn.MESSAGES :: 1][:5] == ["3", "1", "0", "0", "2"]
    assert model.index(0, HistoryColumn.STATUS).data(Qt.ItemDataRole.FontRole).bold()
    assert "Stopped" in model.index(0, HistoryColumn.STATUS).data(Qt.ItemDataRole.ToolTipRole)

    assert cell(model, 1, HistoryColumn.NAME) == "Test message"
    assert cell(model, 1, HistoryColumn.STATUS) == "Finished"
    assert cell(model, 1, HistoryColumn.ACCOUNT) == "—"  # recorded before accounts were

    finished = [cell(model, 2, column) for column in HistoryColumn]
    assert finished[HistoryColumn.NAME] == "customers.xlsx"
    assert finished[HistoryColumn.ACCOUNT] == "API43404236"
    assert finished[HistoryColumn.TYPE] == "Transactional"
    assert finished[HistoryColumn.SENDER] == "LIASMART"
    assert finished[HistoryColumn.CODE] == campaigns[2].code
    assert finished[HistoryColumn.MESSAGES : HistoryColumn.WAITING + 1] == ["5", "2", "1", "1", "1"]
    assert model.index(2, HistoryColumn.ACCEPTED).data(Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )
    tooltip = model.index(2, HistoryColumn.MESSAGES).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == (
        "2 accepted, 1 rejected, 1 unknown, 1 not sent yet, 0 cancelled; 2 rows of the list were set aside."
    )
    assert "may or may not" in str(model.headerData(HistoryColumn.UNKNOWN, Qt.Orientation.Horizontal, 3))

    # The newest is selected; its details say what can be done.
    assert dialog.selected_code() == campaigns[0].code
    assert dialog._open_button.isEnabled()
    assert "continue sending the rest" in dialog._detail_label.text()
    dialog._table.selectRow(2)
    assert "1 message got no clear answer" in dialog._detail_label.text()


def test_open_with_the_button(qtbot: QtBot, services: AppServices, campaigns: list[Campaign]) -> None:
    dialog = open_dialog(qtbot, services)
    dialog._table.selectRow(1)
    with qtbot.waitSignal(dialog.campaign_opened) as opened:
        dialog._open_button.click()
    assert opened.args == [campaigns[1].code]
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_open_with_a_double_click(qtbot: QtBot, services: AppServices, campaigns: list[Campaign]) -> None:
    dialog = open_dialog(qtbot, services)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog._table
    rect = table.visualRect(dialog.model.index(2, HistoryColumn.NAME))
    with qtbot.waitSignal(dialog.campaign_opened) as opened:
        # WORKAROUND: QTest's double click alone does not reach an item view in Qt 6; a real one
        # starts with a press and release.
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [campaigns[2].code]
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_open_with_enter_emits_once(qtbot: QtBot, services: AppServices, campaigns: list[Campaign]) -> None:
    dialog = open_dialog(qtbot, services)
    dialog.show()
    qtbot.waitExposed(dialog)
    codes: list[str] = []
    dialog.campaign_opened.connect(codes.append)
    dialog._table.setFocus()
    qtbot.keyClick(dialog._table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog._table, Qt.Key.Key_Return)
    assert codes == [campaigns[1].code]
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_escape_closes_without_opening(
    qtbot: QtBot, services: AppServices, campaigns: list[Campaign]
) -> None:
    dialog = open_dialog(qtbot, services)
    dialog.show()
    with qtbot.assertNotEmitted(dialog.campaign_opened):
        qtbot.keyClick(dialog._table, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_an_empty_history_says_so_and_creates_no_journal(qtbot: QtBot, services: AppServices) -> None:
    dialog = open_dialog(qtbot, services)
    assert dialog.model.rowCount() == 0
    assert dialog._status_label.text() == "Nothing has been sent from this computer yet."
    assert not dialog._open_button.isEnabled()
    dialog._open_button.click()  # disabled; and with nothing selected nothing opens
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert not services.paths.journal_file.exists()


def test_refresh_shows_new_campaigns_and_keeps_the_selection(
    qtbot: QtBot, services: AppServices, campaigns: list[Campaign]
) -> None:
    dialog = open_dialog(qtbot, services)
    dialog._table.selectRow(2)
    journal = Journal.open(services.paths.journal_file)
    try:
        newest = add_campaign(journal, 1, {}, CampaignStatus.READY)
    finally:
        journal.close()
    dialog._refresh_button.click()
    assert dialog.loading
    qtbot.waitUntil(lambda: not dialog.loading)
    assert dialog.model.code_at(0) == newest.code
    assert cell(dialog.model, 0, HistoryColumn.STATUS) == "Not started – can be continued"
    assert dialog.selected_code() == campaigns[2].code
    assert dialog._status_label.text() == "4 campaigns."


def test_a_damaged_journal_is_explained(qtbot: QtBot, services: AppServices) -> None:
    services.paths.journal_file.write_bytes(b"this is not a database" * 100)
    dialog = open_dialog(qtbot, services)
    assert "damaged" in dialog._status_label.text()
    assert dialog.model.rowCount() == 0


def test_one_campaign_and_results_after_closing_are_ignored(
    qtbot: QtBot, services: AppServices, campaigns: list[Campaign]
) -> None:
    dialog = HistoryDialog(controller(services))
    qtbot.addWidget(dialog)
    dialog.reject()  # closed before the journal was read
    services.tasks.wait()
    qtbot.wait(50)
    assert dialog.model.rowCount() == 0

    journal = Journal.open(services.paths.journal_file)
    try:
        only = journal.campaign(campaigns[0].code)
    finally:
        journal.close()
    model = HistoryTableModel()
    counts = {**dict.fromkeys(MessageState, 0), MessageState.UNKNOWN: 2}
    model.set_campaigns([CampaignOverview(only, counts, 0)])
    assert model.rowCount() == 1
    assert "2 messages got no clear answer" in model.details_at(0)
    assert model.row_of("missing") == -1
    assert model.data(model.index(0, 0), Qt.ItemDataRole.CheckStateRole) is None
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DecorationRole) is None


def test_local_time_text(qapp: object) -> None:
    assert local_time_text("not a time") == "not a time"
    shown = local_time_text("2026-01-02T03:04:05.678Z")
    assert shown[:4] == "2026"
    assert len(shown) == len("2026-01-02 03:04")
