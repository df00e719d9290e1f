"""The results model: Qt's model checks, batched updates, filtering, 100k rows."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from liasmart_desktop.core.sending.records import MessageRecord
from liasmart_desktop.core.sending.states import MessageState
from liasmart_desktop.ui.messages import local_time_text
from liasmart_desktop.ui.models.results_model import (
    RECORD_ROLE,
    STATE_ROLE,
    Column,
    ResultsFilter,
    ResultsModel,
)
from tests.ui.support import make_campaign, records


def _records(tmp_path: Path, count: int) -> list[MessageRecord]:
    path = tmp_path / "j.sqlite3"
    return records(path, make_campaign(path, count))


def test_model_passes_qt_checks_and_shows_each_column(
    qtbot: QtBot, qtmodeltester: ModelTester, tmp_path: Path
) -> None:
    model = ResultsModel()
    rows = _records(tmp_path, 5)
    model.load(rows)
    qtmodeltester.check(model)
    index = model.index(0, Column.PHONE)
    assert model.data(index) == "+86 139 0000 0000"  # readable; exports keep the digits
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == "+" + rows[0].phone
    assert model.data(model.index(0, Column.STATE)) == "Waiting to send"
    assert model.data(model.index(0, Column.STATE), Qt.ItemDataRole.DecorationRole) is not None
    assert model.data(model.index(0, Column.STATE), STATE_ROLE) is MessageState.PENDING
    assert model.data(model.index(0, Column.ROW), RECORD_ROLE) == rows[0]
    assert model.data(model.index(0, Column.REASON)) == "Not sent yet."
    assert model.headerData(Column.MESSAGE_ID, Qt.Orientation.Horizontal) == "Message ID"
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None


def test_a_batch_updates_in_place_and_appends_new_rows(qtbot: QtBot, tmp_path: Path) -> None:
    model = ResultsModel()
    rows = _records(tmp_path, 3)
    model.load(rows[:2])
    accepted = dataclasses.replace(rows[1], state=MessageState.ACCEPTED, message_id="7300000000000000001")
    with qtbot.waitSignals([model.dataChanged, model.rowsInserted]):
        model.apply([accepted, rows[2]])
    assert model.rowCount() == 3
    assert model.data(model.index(1, Column.MESSAGE_ID)) == "7300000000000000001"
    assert model.data(model.index(1, Column.STATE)) == "Accepted"


def test_filter_by_state_and_search(qtmodeltester: ModelTester, tmp_path: Path) -> None:
    model = ResultsModel()
    rows = _records(tmp_path, 4)
    rows[0] = dataclasses.replace(rows[0], state=MessageState.UNKNOWN, reason="read_timeout")
    model.load(rows)
    proxy = ResultsFilter()
    proxy.setSourceModel(model)
    proxy.set_states({MessageState.UNKNOWN})
    assert proxy.rowCount() == 1
    qtmodeltester.check(proxy)
    assert "may or may not have been delivered" in proxy.data(proxy.index(0, Column.REASON))
    proxy.set_states(())
    proxy.set_search(rows[2].phone[-6:])
    assert proxy.rowCount() == 1
    proxy.set_search("")
    assert proxy.rowCount() == 4


def test_a_hundred_thousand_rows_load_as_one_reset(tmp_path: Path) -> None:
    model = ResultsModel()
    base = _records(tmp_path, 1)[0]
    many = [dataclasses.replace(base, pk=i, row=i + 2) for i in range(100_000)]
    model.load(many)
    assert model.rowCount() == 100_000
    model.apply([dataclasses.replace(many[99_999], state=MessageState.ACCEPTED)])
    assert model.data(model.index(99_999, Column.STATE)) == "Accepted"


def test_local_time_formats_and_tolerates_bad_values() -> None:
    assert local_time_text(None) == ""
    assert local_time_text("not a time") == "not a time"
    assert local_time_text("2026-11-25T12:00:00.000Z")[:4] == "2026"
