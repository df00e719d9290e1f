"""Recipients in the compose form: pasted numbers, an imported list, merge fields, preview and totals."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QComboBox, QLabel, QMenu, QPlainTextEdit, QPushButton, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from liasmart_desktop.core.settings import updated
from liasmart_desktop.ui.services import AppServices
from liasmart_desktop.ui.widgets.compose_panel import ComposePanel
from liasmart_desktop.ui.widgets.message_editor import MessageEditor
from liasmart_desktop.ui.workers.task_runner import TaskContext
from tests.ui.compose_support import child, compose_panel, import_csv, is_shown, shown_text

SETTINGS: dict[str, object] = {
    "sender_ids": ("LIASMART", "SHOP"),
    "default_sender_id": "SHOP",
    "default_country": "CN",
    "price_per_part": Decimal("0.05"),
    "currency": "CNY",
}
LIST = [
    "phone,name,city",
    "13912345678,Li Lei,Beijing",
    "13912345679,张三,Shanghai",
    "13912345680,,Shenzhen",
    "13912345681," + "Alexandra " * 16 + ",Wuhan",
    "abc,Bad,Row",
    "13912345678,Again,Row",
]


@pytest.fixture
def composed(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[ComposePanel, AppServices]]:
    with compose_panel(tmp_path, **SETTINGS) as made:
        yield made


@pytest.fixture
def panel(composed: tuple[ComposePanel, AppServices]) -> ComposePanel:
    return composed[0]


def paste(panel: ComposePanel, text: str) -> None:
    child(panel, QPlainTextEdit, "pastedNumbers").setPlainText(text)


def test_pasted_numbers_are_counted_with_the_importer_rules(panel: ComposePanel, qtbot: QtBot) -> None:
    paste(panel, "13912345678, 139 1234 5678; abc")
    assert shown_text(panel, "pastedCounts") == "Counting the numbers…"
    assert "Counting the pasted numbers…" in panel.problems()
    qtbot.waitUntil(lambda: shown_text(panel, "pastedCounts").startswith("Ready"))
    counts = shown_text(panel, "pastedCounts")
    assert counts.splitlines() == ["Ready: 1 · Not valid: 1 · Repeated: 1", "Cannot be used: abc"]
    recipients = panel.state().recipients
    assert recipients is not None
    assert [r.phone for r in recipients.recipients] == ["8613912345678"]
    assert panel.state().source_path is None


def test_national_numbers_without_a_default_country_say_what_to_set(qtbot: QtBot, tmp_path: Path) -> None:
    with compose_panel(tmp_path, sender_ids=("SHOP",)) as (panel, services):
        note = child(panel, QLabel, "pasteCountry")
        assert (
            note.text()
            == "No default country is set (Settings): write each number with + and its country code."
        )
        paste(panel, "13912345678")
        qtbot.waitUntil(lambda: shown_text(panel, "pastedCounts").startswith("Ready"))
        # Not guessed: a Chinese mobile without a country is set aside, with what to do.
        assert shown_text(panel, "pastedCounts").startswith("Ready: 0 · Country unclear: 1\n")
        assert "choose the default country in Settings" in shown_text(panel, "pastedCounts")
        assert "None of the pasted numbers can be used" in " ".join(panel.problems())

        services.save_settings(updated(services.settings, default_country="CN"))
        qtbot.waitUntil(lambda: shown_text(panel, "pastedCounts") == "Ready: 1")
        assert panel.problems() == ["Write the message."]
        assert note.text() == "Numbers without a country code are read as numbers of China +86 (Settings)."


def test_a_number_no_home_country_reads_still_asks_for_the_country(qtbot: QtBot, tmp_path: Path) -> None:
    with compose_panel(tmp_path, sender_ids=("SHOP",)) as (panel, _services):
        paste(panel, "07911123456")
        qtbot.waitUntil(lambda: shown_text(panel, "pastedCounts").startswith("Ready"))
        assert "need the default country" in shown_text(panel, "pastedCounts")


def test_state_never_returns_numbers_older_than_the_box(panel: ComposePanel) -> None:
    paste(panel, "13912345678\n13912345679")
    recipients = panel.state().recipients  # asked before the count arrived: counted on the spot
    assert recipients is not None
    assert recipients.counts.recipients == 2


def test_sender_id_is_checked_with_a_plain_sentence_beside_it(
    composed: tuple[ComposePanel, AppServices],
) -> None:
    panel, services = composed
    combo = child(panel, QComboBox, "senderIdCombo")
    assert [combo.itemText(i) for i in range(combo.count())] == ["LIASMART", "SHOP"]
    assert panel.state().sender_id == "SHOP"
    assert not is_shown(panel, "senderIdError")

    combo.setEditText("MY SHOP IS GREAT")
    assert is_shown(panel, "senderIdError")
    error = shown_text(panel, "senderIdError")
    assert error == "The sender ID has 16 characters; at most 11 are allowed."
    assert error in panel.problems()
    assert combo.accessibleDescription() == error

    combo.setEditText("SHOP!")
    assert shown_text(panel, "senderIdError") == "The sender ID may hold only letters, digits and spaces."
    combo.setEditText("")
    assert not is_shown(panel, "senderIdError")  # empty: listed under the form, not shouted at
    assert panel.problems()[0].startswith("Choose or type a sender ID")

    services.save_settings(updated(services.settings, sender_id_max_chars=4))
    combo.setEditText("SHOPS")
    assert shown_text(panel, "senderIdError") == "The sender ID has 5 characters; at most 4 are allowed."


def test_an_import_offers_its_columns_as_fields_and_can_be_cleared(
    panel: ComposePanel, tmp_path: Path
) -> None:
    report, path = import_csv(tmp_path, LIST)
    insert = child(panel, QPushButton, "insertFieldButton")
    assert not insert.isEnabled()

    panel.set_import(report, path)
    assert insert.isEnabled()
    menu = child(panel, QMenu, "insertFieldMenu")
    assert [action.text() for action in menu.actions()] == ["phone", "name", "city"]
    summary = shown_text(panel, "importSummary")
    assert "customers.csv" in summary
    assert "Ready: 4 · Not valid: 1 · Repeated: 1" in summary
    assert not is_shown(panel, "pastedNumbers")

    editor = child(panel, MessageEditor, "messageEditor")
    editor.setPlainText("Dear , see you")
    cursor = editor.textCursor()
    cursor.setPosition(len("Dear "))
    editor.setTextCursor(cursor)
    menu.actions()[1].trigger()
    assert editor.message_text() == "Dear {name}, see you"
    state = panel.state()
    assert state.recipients is report
    assert state.source_path == path

    child(panel, QPushButton, "clearImportButton").click()
    assert not is_shown(panel, "importSummary")
    assert not insert.isEnabled()
    assert panel.state().recipients is None
    assert is_shown(panel, "pastedNumbers")


def test_the_whole_list_is_counted_with_each_recipients_values(
    panel: ComposePanel, tmp_path: Path, qtbot: QtBot
) -> None:
    child(panel, MessageEditor, "messageEditor").setPlainText("Hello {name}, your order is ready.")
    report, path = import_csv(tmp_path, LIST)
    panel.set_import(report, path)
    qtbot.waitUntil(lambda: shown_text(panel, "campaignTotals").startswith("Messages"))
    lines = shown_text(panel, "campaignTotals").splitlines()
    # Li Lei: 1 part; 张三: 1 Unicode part; the long name: 2 parts; the empty name: set aside.
    assert lines == [
        "Messages: 3 · Parts: 4",
        "Estimated cost: 0.20 CNY",
        "Recipients in Unicode because of their values (张 三): 1",
        "Recipients needing more parts because of their values: 1",
        "Recipients set aside because a merge field is empty: 1",
    ]


def test_pasted_numbers_get_a_total_too(panel: ComposePanel, qtbot: QtBot) -> None:
    child(panel, MessageEditor, "messageEditor").setPlainText("a" * 161)
    paste(panel, "13912345678\n13912345679\n13912345679")
    qtbot.waitUntil(lambda: shown_text(panel, "campaignTotals").startswith("Messages"))
    assert shown_text(panel, "campaignTotals").splitlines() == [
        "Messages: 2 · Parts: 4",
        "Estimated cost: 0.20 CNY",
    ]


def test_the_cost_follows_the_price_in_settings(
    composed: tuple[ComposePanel, AppServices], tmp_path: Path, qtbot: QtBot
) -> None:
    panel, services = composed
    child(panel, MessageEditor, "messageEditor").setPlainText("Hello {name}")
    panel.set_import(*import_csv(tmp_path, LIST[:3]))
    qtbot.waitUntil(lambda: shown_text(panel, "campaignTotals").startswith("Messages"))
    assert "Estimated cost: 0.10 CNY" in shown_text(panel, "campaignTotals")
    services.save_settings(updated(services.settings, price_per_part=None))
    assert "Set a price per part in Settings" in shown_text(panel, "campaignTotals")


def test_the_preview_shows_a_chosen_recipients_message(panel: ComposePanel, tmp_path: Path) -> None:
    child(panel, MessageEditor, "messageEditor").setPlainText("Hello {name}’s family")
    panel.set_import(*import_csv(tmp_path, LIST))
    preview = child(panel, QPlainTextEdit, "previewText")
    recipient = child(panel, QSpinBox, "previewRecipient")
    assert recipient.maximum() == 4
    assert preview.toPlainText() == "Hello Li Lei’s family"
    assert shown_text(panel, "previewWho") == "Row 2 · +86 139 1234 5678"

    recipient.setValue(2)
    assert preview.toPlainText() == "Hello 张三’s family"
    assert shown_text(panel, "previewStatus") == "Unicode (U) · Characters: 17 · Parts: 1"

    recipient.setValue(3)
    assert preview.toPlainText() == ""
    assert "no value for {name}" in shown_text(panel, "previewStatus")


def test_typing_renders_the_list_once_per_pause_not_per_keystroke(
    composed: tuple[ComposePanel, AppServices], tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel, services = composed
    editor = child(panel, MessageEditor, "messageEditor")
    editor.setPlainText("Hello {name}")
    panel.set_import(*import_csv(tmp_path, LIST))
    qtbot.waitUntil(lambda: shown_text(panel, "campaignTotals").startswith("Messages"))

    started: list[Callable[[TaskContext], Any]] = []
    run = services.tasks.run

    def counting_run(fn: Callable[[TaskContext], Any], *args: Any, **kwargs: Any) -> Any:
        started.append(fn)
        return run(fn, *args, **kwargs)

    monkeypatch.setattr(services.tasks, "run", counting_run)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, ", welcome back!")
    assert started == []  # still typing
    qtbot.waitUntil(lambda: not child(panel, QWidget, "campaignTotals").isEnabled(), timeout=1000)
    qtbot.waitUntil(lambda: child(panel, QWidget, "campaignTotals").isEnabled())
    assert len(started) == 1
    assert panel.problems() == []
