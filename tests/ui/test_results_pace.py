"""The results panel says when LiaSmart slowed the send down, and by how much (issue 11), and when quiet
hours hold it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.records import CampaignSpec, NewMessage
from liasmart_desktop.core.sending.schedule import zoned_text
from liasmart_desktop.core.sending.states import MessageState
from liasmart_desktop.core.sending.summaries import Progress
from liasmart_desktop.ui.widgets.results_panel import ResultsPanel


def test_progress_text_shows_the_pace_only_while_slowed(qtbot: QtBot, tmp_path: Path) -> None:
    panel, campaign_id, counts = _panel(qtbot, tmp_path)
    panel.apply_progress(
        Progress(campaign_id, counts, [], 0, False, rate_per_s=85.0, target_rate_per_s=100.0)
    )
    assert panel.progress_text.text().endswith(
        "slowed to 85.0 of 100.0 a second: LiaSmart asked to slow down"
    )
    panel.apply_progress(
        Progress(campaign_id, counts, [], 0, False, rate_per_s=100.0, target_rate_per_s=100.0)
    )
    assert "slow" not in panel.progress_text.text()  # at full pace there is nothing to say
    panel.apply_progress(
        Progress(campaign_id, counts, [], 0, False, rate_per_s=85.0, target_rate_per_s=100.0, done=True)
    )
    assert "slow" not in panel.progress_text.text()  # nor once the run is over


def test_progress_text_says_until_when_quiet_hours_hold_the_send(qtbot: QtBot, tmp_path: Path) -> None:
    panel, campaign_id, counts = _panel(qtbot, tmp_path)
    until = datetime(2026, 1, 11, 7, 0, tzinfo=UTC)
    held = Progress(campaign_id, counts, [], 0, False, 100.0, 100.0, held_until=until)
    panel.apply_progress(held)
    assert panel.progress_text.text().endswith(f"quiet hours: nothing leaves before {zoned_text(until)}")
    panel.apply_progress(Progress(campaign_id, counts, [], 0, False, 100.0, 100.0))
    assert "quiet" not in panel.progress_text.text()


def _panel(qtbot: QtBot, tmp_path: Path) -> tuple[ResultsPanel, int, dict[MessageState, int]]:
    with Journal.open(tmp_path / "journal.sqlite3") as journal:
        campaign = journal.create_campaign(
            CampaignSpec(template="Hi", sender_id="LIASMART", sms_type="T"),
            [NewMessage(row=2, phone="8613900000001", text="Hi", encoding="T", segments=1)],
        )
        records = list(journal.messages(campaign.id))
    panel = ResultsPanel()
    qtbot.addWidget(panel)
    panel.show_campaign(campaign, records)
    return panel, campaign.id, dict.fromkeys(MessageState, 0) | {MessageState.PENDING: 1}
