"""What the text carries, in the app: the compose form names lost characters (from the whole list), tells
of long messages, stops past 255 parts, and the plain question before Send gives parts and cost."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from liasmart_desktop.core.importing import parse_pasted_numbers
from liasmart_desktop.core.sending.prepare import PreparedCampaign, prepare_campaign
from liasmart_desktop.core.settings import AppSettings
from liasmart_desktop.ui.dialogs.text_confirm_dialog import confirm_texts
from liasmart_desktop.ui.widgets.compose_panel import ComposePanel
from liasmart_desktop.ui.widgets.message_editor import MessageEditor
from tests.ui.compose_support import child, compose_panel, import_csv, is_shown, shown_text

LONG_TEXT = "x" * 5000  # 33 parts of 153


@pytest.fixture
def panel(tmp_path: Path) -> Iterator[ComposePanel]:
    with compose_panel(tmp_path, sender_ids=("LIASMART",), default_country="CN") as (made, _services):
        yield made


def write(panel: ComposePanel, text: str) -> None:
    child(panel, MessageEditor, "messageEditor").setPlainText(text)


def force_standard_characters(panel: ComposePanel) -> None:
    encoding = child(panel, QComboBox, "encodingCombo")
    encoding.setCurrentIndex(encoding.findData("T"))


def test_characters_lost_from_the_merged_values_are_named(
    panel: ComposePanel, qtbot: QtBot, tmp_path: Path
) -> None:
    report, path = import_csv(tmp_path, ["phone,name", "+8613900000001,Ann", "+8613900000002,张三"])
    panel.set_import(report, path)
    force_standard_characters(panel)
    write(panel, "Hello {name}")
    assert not is_shown(panel, "counterWarnings")  # the typed text alone loses nothing
    qtbot.waitUntil(lambda: is_shown(panel, "counterWarnings"), timeout=10_000)
    warning = shown_text(panel, "counterWarnings")
    assert warning.startswith("Standard characters (T) cannot carry 张 三: they would be lost")
    assert "you are asked before sending" in warning
    assert not panel.problems()  # asked at Send, not refused


def test_a_long_message_is_told_and_more_than_255_parts_stops_the_review(
    panel: ComposePanel, qtbot: QtBot
) -> None:
    child(panel, QPlainTextEdit, "pastedNumbers").setPlainText("+8613900000001")
    write(panel, LONG_TEXT)
    assert shown_text(panel, "counterWarnings") == (
        "A message has 33 parts, more than 10, and every part is charged: you are asked before sending."
    )
    write(panel, "x" * (153 * 255 + 1))
    qtbot.waitUntil(lambda: "256 parts" in " ".join(panel.problems()), timeout=10_000)
    assert not panel.review_action.isEnabled()
    write(panel, "Hello")
    qtbot.waitUntil(lambda: not panel.problems(), timeout=10_000)
    assert not is_shown(panel, "counterWarnings")


# ---------------------------------------------------------------------- the question before Send


def prepared(text: str, policy: str = "auto", count: int = 2) -> PreparedCampaign:
    numbers = "\n".join(f"+86139000000{i:02d}" for i in range(count))
    report = parse_pasted_numbers(numbers, None)
    return prepare_campaign(report, text, sender_id="ACME", sms_type="P", encoding_policy=policy)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Every question and warning shown; questions are answered with ``answers[0]["reply"]``."""
    asked: list[dict[str, Any]] = [{"reply": QMessageBox.StandardButton.No}]

    def question(_parent: object, title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append({"kind": "question", "title": title, "text": text})
        reply: QMessageBox.StandardButton = asked[0]["reply"]
        return reply

    def warning(_parent: object, title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append({"kind": "warning", "title": title, "text": text})
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", warning)
    return asked


def test_nothing_to_ask_sends_without_a_question(answers: list[dict[str, Any]]) -> None:
    assert confirm_texts(None, prepared("Hello"), AppSettings())
    assert len(answers) == 1


def test_a_long_message_asks_with_parts_and_cost_per_recipient(answers: list[dict[str, Any]]) -> None:
    settings = AppSettings(price_per_part=Decimal("0.05"), currency="CNY")
    assert not confirm_texts(None, prepared(LONG_TEXT, count=100), settings)
    asked = answers[1]
    assert asked["title"] == "Check the message before sending"
    assert asked["text"] == (
        "A message has 33 parts, and each part is charged: 1.65 CNY per recipient, up to 165.00 CNY for "
        "all 100 messages.\n\nSend it anyway?"
    )
    answers[0]["reply"] = QMessageBox.StandardButton.Yes
    assert confirm_texts(None, prepared(LONG_TEXT), settings)


def test_without_a_price_the_question_counts_parts(answers: list[dict[str, Any]]) -> None:
    confirm_texts(None, prepared(LONG_TEXT), AppSettings())
    assert answers[1]["text"].startswith(
        "A message has 33 parts, and each part is charged like a whole message: each recipient of it costs "
        "33 times the price of one part."
    )


def test_lost_characters_are_named_in_the_question(answers: list[dict[str, Any]]) -> None:
    assert not confirm_texts(None, prepared("你好 Li", "T"), AppSettings())
    assert answers[1]["text"] == (
        "Standard characters (T) cannot carry 你 好: phones will show question marks or nothing in their "
        "place.\n\nSend it anyway?"
    )


def test_more_than_255_parts_is_refused_without_a_question(answers: list[dict[str, Any]]) -> None:
    assert not confirm_texts(None, prepared("x" * (153 * 255 + 1)), AppSettings())
    assert answers[1]["kind"] == "warning"
    assert answers[1]["text"] == (
        "A message would need 256 parts, but at most 255 parts can make one message. Shorten it."
    )
