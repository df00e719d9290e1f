"""The results as an office worker reads them: what sending is doing in words, an estimate that pauses with
the send, the real share done after a cancel, the rows set aside, searching as the numbers are shown,
the list's values, delivery counts, and a sentence where a button is off or a filter finds nothing."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.records import (
    Campaign,
    CampaignSpec,
    MessageRecord,
    NewMessage,
    SetAsideRow,
)
from liasmart_desktop.core.sending.states import CampaignStatus, MessageState, SetAsideStatus
from liasmart_desktop.core.sending.summaries import Progress
from liasmart_desktop.ui.controllers.campaign_controller import VALUE_SEPARATOR
from liasmart_desktop.ui.controllers.send_controller import SendState
from liasmart_desktop.ui.i18n import Translations
from liasmart_desktop.ui.models.results_model import SET_ASIDE, STATE_ROLE, Column, ResultsModel
from liasmart_desktop.ui.widgets.results_panel import ResultsPanel

NAMES = ["张伟", "王芳", "Maria Lopez"]


class Clock:
    """A monotonic clock the test moves."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr("liasmart_desktop.ui.widgets.results_panel.time.monotonic", fake)
    return fake


@pytest.fixture
def stored(tmp_path: Path) -> tuple[Campaign, list[MessageRecord], list[SetAsideRow]]:
    """A campaign of 300 messages to a list with a name column, and two rows set aside."""
    journal = Journal.open(tmp_path / "journal.sqlite3")
    campaign = journal.create_campaign(
        CampaignSpec(
            template="Hi {name}",
            sender_id="SHOP",
            sms_type="P",
            columns=("name", "phone"),
            phone_column="phone",
            source_name="customers.xlsx",
            name="May offer",
        ),
        [
            NewMessage(
                row=i + 2,
                phone=f"86137{i:08d}" if i < 3 else f"86139{i:08d}",
                text=f"Hi {NAMES[i % 3]}",
                encoding="U",
                segments=1,
                fields={"name": f"{NAMES[i % 3]} {i}", "phone": f"139{i:08d}"},
            )
            for i in range(300)
        ],
        [
            SetAsideRow(
                row=400,
                original="8.61391E+12",
                status=SetAsideStatus.DAMAGED,
                reason="scientific_notation",
                fields={"name": "Broken", "phone": "8.61391E+12"},
            ),
            SetAsideRow(
                row=401, original="", status=SetAsideStatus.MISSING, reason="empty", fields={"name": "Nobody"}
            ),
        ],
    )
    records = list(journal.messages(campaign.id, with_fields=False))
    set_aside = journal.set_aside_rows(campaign.id)
    journal.close()
    return campaign, records, set_aside


def counts(**by_state: int) -> dict[MessageState, int]:
    result = dict.fromkeys(MessageState, 0)
    for name, count in by_state.items():
        result[MessageState[name.upper()]] = count
    return result


def progress(campaign: Campaign, **by_state: int) -> Progress:
    return Progress(
        campaign.id,
        counts(**by_state),
        [],
        in_flight=0,
        paused=False,
        rate_per_s=10.0,
        target_rate_per_s=10.0,
    )


def test_paused_is_said_in_words_and_the_estimate_waits_with_the_send(
    qtbot: QtBot, clock: Clock, stored: tuple[Campaign, list[MessageRecord], list[SetAsideRow]]
) -> None:
    campaign, records, set_aside = stored
    panel = ResultsPanel()
    qtbot.addWidget(panel)
    panel.set_send_state(SendState.RUNNING)
    panel.show_campaign(campaign, records, set_aside)  # a send stores its campaign once running
    assert panel.state_text == "Sending…"
    clock.now += 10
    panel.apply_progress(progress(campaign, accepted=100, pending=200))
    assert panel.progress_text.text().endswith("about 20 s left")

    panel.set_send_state(SendState.PAUSED)
    assert panel.state_text == "Paused"
    clock.now += 600  # ten minutes of pause
    panel.apply_progress(progress(campaign, accepted=101, pending=199))  # an answer still on its way
    assert panel.progress_text.text().endswith("about 20 s left once resumed")  # frozen, not 10 minutes

    panel.set_send_state(SendState.RUNNING)
    clock.now += 10
    panel.apply_progress(progress(campaign, accepted=201, pending=99))
    # 99 left at 201 sent in 20 s of sending (the pause not counted): about 10 s.
    assert panel.progress_text.text().endswith("about 10 s left")


def test_after_a_cancel_the_bar_shows_the_share_really_sent(
    qtbot: QtBot, clock: Clock, stored: tuple[Campaign, list[MessageRecord], list[SetAsideRow]]
) -> None:
    campaign, records, set_aside = stored
    panel = ResultsPanel()
    qtbot.addWidget(panel)
    panel.show_campaign(campaign, records, set_aside)
    panel.set_send_state(SendState.RUNNING)
    panel.apply_progress(progress(campaign, accepted=110, rejected=5, unknown=5, pending=180))
    panel.set_send_state(SendState.STOPPING)
    assert panel.state_text == "Stopping…"
    panel.apply_progress(progress(campaign, accepted=110, rejected=5, unknown=5, cancelled=180))
    panel.set_send_state(SendState.IDLE)
    panel.update_campaign(dataclasses.replace(campaign, status=CampaignStatus.CANCELLED))
    assert (panel.progress.value(), panel.progress.maximum()) == (120, 300)
    assert panel.progress.text() == "120 of 300 sent (40%)"
    assert panel.progress_percent == 40
    assert panel.state_text == "Cancelled"
    assert "about" not in panel.progress_text.text()
    assert panel.new_message_button.isVisible() or not panel.isVisible()
    assert not panel.new_message_button.isHidden()


def test_set_aside_rows_are_shown_with_their_reason_and_can_be_filtered(
    qtbot: QtBot, stored: tuple[Campaign, list[MessageRecord], list[SetAsideRow]]
) -> None:
    campaign, records, set_aside = stored
    panel = ResultsPanel()
    qtbot.addWidget(panel)
    panel.show_campaign(campaign, records, set_aside, columns=("name",))
    model = panel.model
    assert model.rowCount() == 302
    last = model.rowCount() - 2
    assert model.data(model.index(last, Column.ROW)) == 400
    assert model.data(model.index(last, Column.PHONE)) == "8.61391E+12"  # as it was in the file
    assert model.data(model.index(last, Column.STATE)) == "Set aside"
    assert "scientific notation" in str(model.data(model.index(last, Column.REASON)))
    assert model.data(model.index(last, Column.REASON), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(last, Column.VALUES)) == "Broken"
    assert model.data(model.index(last, Column.STATE), STATE_ROLE) == SET_ASIDE
    assert "2 rows of the list set aside" in panel.details.text()
    assert panel.title.text() == "May offer"  # its name, never its code
    assert campaign.code not in panel.title.text() + panel.details.text()

    panel.state_filter.setCurrentIndex(panel.state_filter.findData("set_aside"))
    assert panel.proxy.rowCount() == 2
    assert panel.state_filter.currentText() == "Set aside (not sent)"


def test_search_finds_numbers_as_shown_and_the_lists_values(
    qtbot: QtBot, stored: tuple[Campaign, list[MessageRecord], list[SetAsideRow]]
) -> None:
    campaign, records, set_aside = stored
    panel = ResultsPanel()
    qtbot.addWidget(panel)
    values = {r.pk: f"{NAMES[(r.row - 2) % 3]} {r.row - 2}" for r in records}
    panel.show_campaign(campaign, records, set_aside, columns=("name",), values=values)
    model = panel.model
    assert model.data(model.index(0, Column.PHONE)) == "+86 137 0000 0000"
    assert model.data(model.index(0, Column.VALUES)) == "张伟 0"

    def found(text: str) -> int:
        panel.search.setText(text)
        panel.apply_search_now()
        return panel.proxy.rowCount()

    assert found("+86 137") == 3  # typed as the grid shows it
    assert found("137 0000 0001") == 1
    assert found("8613700000002") == 1  # or as digits
    assert found("maria lopez 299") == 1  # a merge value, any case
    assert found("张伟 297") == 1
    assert found("8.61391") == 1  # a set-aside row, as it was in the file
    assert found("nobody") == 1

    # Nothing found: a sentence instead of an empty grid.
    assert found("no such thing") == 0
    assert panel.empty_note.isVisibleTo(panel)
    assert "No row contains “no such thing”" in panel.empty_note.text()
    panel.state_filter.setCurrentIndex(panel.state_filter.findData("rejected"))
    assert "No row among “Rejected” contains “no such thing”" in panel.empty_note.text()
    assert found("") == 0
    assert panel.empty_note.text() == "No row is “Rejected”. Choose “All rows” to see every row."
    panel.state_filter.setCurrentIndex(0)
    assert not panel.empty_note.isVisibleTo(panel)


def test_the_values_of_a_send_arrive_after_its_messages(
    qtbot: QtBot, stored: tuple[Campaign, list[MessageRecord], list[SetAsideRow]]
) -> None:
    campaign, records, set_aside = stored
    panel = ResultsPanel()
    qtbot.addWidget(panel)
    panel.show_campaign(campaign, records, set_aside, columns=("name", "shop"))
    assert panel.model.data(panel.model.index(0, Column.VALUES)) == ""
    panel.set_values(campaign.id + 1, {records[0].pk: "Other"})  # another campaign's: ignored
    panel.set_values(campaign.id, {records[0].pk: f"张伟{VALUE_SEPARATOR}Kowloon"})
    index = panel.model.index(0, Column.VALUES)
    assert panel.model.data(index) == "张伟 · Kowloon"
    assert panel.model.data(index, Qt.ItemDataRole.ToolTipRole) == "name: 张伟\nshop: Kowloon"
    panel.search.setText("kowloon")
    panel.apply_search_now()
    assert panel.proxy.rowCount() == 1


def test_refresh_says_why_it_is_off_and_delivery_counts_show_without_a_press(
    qtbot: QtBot, stored: tuple[Campaign, list[MessageRecord], list[SetAsideRow]]
) -> None:
    campaign, records, set_aside = stored
    panel = ResultsPanel()
    qtbot.addWidget(panel)
    assert not panel.refresh_button.isEnabled()
    assert panel.refresh_reason == "Open a campaign to ask for its delivery reports."
    panel.show_campaign(campaign, records, set_aside)
    assert panel.refresh_reason.startswith("No message of this campaign was accepted")
    accepted = [
        dataclasses.replace(r, state=MessageState.ACCEPTED, message_id=str(r.pk)) for r in records[:3]
    ]
    panel.apply_progress(Progress(campaign.id, counts(accepted=3, pending=297), accepted, 0, False, 1.0, 1.0))
    panel.set_send_state(SendState.RUNNING)
    assert panel.refresh_reason == "Delivery reports can be asked for once sending has stopped."
    panel.set_send_state(SendState.IDLE)
    assert panel.refresh_button.isEnabled()
    assert panel.refresh_reason == ""
    panel.set_refresh_blocker("This practice campaign went to a sandbox that has stopped since.")
    assert not panel.refresh_button.isEnabled()
    assert (
        panel.refresh_button.toolTip() == "This practice campaign went to a sandbox that has stopped since."
    )
    assert panel.refresh_button.accessibleDescription() == panel.refresh_button.toolTip()
    assert panel.delivery_text.text() == (
        "Delivery reports: 0 delivered · 0 not delivered · 3 waiting · not checked yet"
    )

    checked = "2026-12-06T09:30:00.000Z"
    panel.apply_delivery(
        [
            dataclasses.replace(
                accepted[0], dlr_status="DELIVRD", dlr_state="delivered", dlr_checked_at=checked
            ),
            dataclasses.replace(
                accepted[1], dlr_status="UNDELIV", dlr_state="failed", dlr_checked_at=checked
            ),
        ]
    )
    assert panel.delivery_text.text().startswith(
        "Delivery reports: 1 delivered · 1 not delivered · 1 waiting · last checked 2026-12-06 "
    )
    assert panel.model.data(panel.model.index(0, Column.DELIVERY)) == "Delivered"


def test_a_hundred_thousand_rows_search_by_number_and_value(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    journal = Journal.open(path)
    campaign = journal.create_campaign(
        CampaignSpec(template="Hi", sender_id="S", sms_type="P"),
        [NewMessage(row=2, phone="8613900000000", text="Hi", encoding="T", segments=1)],
    )
    base = next(iter(journal.messages(campaign.id)))
    journal.close()
    many = [dataclasses.replace(base, pk=i, row=i + 2, phone=f"86139{i:08d}") for i in range(100_000)]
    model = ResultsModel()
    model.load(many, columns=("name",), values={i: f"Customer {i}" for i in range(100_000)})
    assert model.matching("+86 139 0009 9999") == {99_999}
    assert model.matching("customer 12345") == {12_345}
    assert model.matching("  ") is None


def test_the_grid_speaks_chinese(
    qtbot: QtBot,
    built_translations: Translations,
    stored: tuple[Campaign, list[MessageRecord], list[SetAsideRow]],
) -> None:
    assert built_translations.install("zh_CN")
    campaign, records, set_aside = stored
    panel = ResultsPanel()
    qtbot.addWidget(panel)
    panel.show_campaign(campaign, records, set_aside)
    model = panel.model
    assert model.data(model.index(model.rowCount() - 1, Column.STATE)) == "已排除"
    assert model.headerData(Column.VALUES, Qt.Orientation.Horizontal) == "名单内容"
    assert "名单中有 2 行被排除" in panel.details.text()
    panel.set_send_state(SendState.PAUSED)
    assert panel.state_text == "已暂停"
