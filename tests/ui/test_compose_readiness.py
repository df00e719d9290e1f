"""When the compose form lets the user go on to review, what it hands over, and how it is used by keyboard."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from liasmart_desktop.ui.widgets.compose_panel import ComposePanel
from liasmart_desktop.ui.widgets.message_editor import MessageEditor
from tests.ui.compose_support import child, compose_panel, import_csv, shown_text


@pytest.fixture
def panel(qtbot: QtBot, tmp_path: Path) -> Iterator[ComposePanel]:
    with compose_panel(tmp_path, default_country="CN") as (panel, _services):
        yield panel


def fill_in(panel: ComposePanel, qtbot: QtBot) -> None:
    child(panel, QComboBox, "senderIdCombo").setEditText("LIASMART")
    child(panel, MessageEditor, "messageEditor").setPlainText("Your parcel is ready.")
    child(panel, QPlainTextEdit, "pastedNumbers").setPlainText("13912345678")
    qtbot.waitUntil(lambda: panel.problems() == [])


def test_review_is_offered_only_when_nothing_is_missing(panel: ComposePanel, qtbot: QtBot) -> None:
    review = child(panel, QPushButton, "reviewButton")
    assert panel.problems() == [
        "Choose or type a sender ID: the name registered on your LiaSmart account.",
        "Write the message.",
        "Add recipients: paste phone numbers or import a list.",
    ]
    assert not review.isEnabled()
    assert not panel.review_action.isEnabled()
    assert shown_text(panel, "composeProblems").startswith("Before review:\n• Choose")

    fill_in(panel, qtbot)
    assert review.isEnabled()
    assert shown_text(panel, "composeProblems") == "Ready for review."
    with qtbot.waitSignal(panel.review_requested):
        qtbot.mouseClick(review, Qt.MouseButton.LeftButton)

    child(panel, MessageEditor, "messageEditor").setPlainText("   ")
    assert panel.problems() == ["The message holds only spaces or invisible characters. Write the message."]
    assert not review.isEnabled()
    with qtbot.assertNotEmitted(panel.review_requested):
        panel.review_action.trigger()


def test_merge_field_problems_block_review_and_say_what_to_do(
    panel: ComposePanel, qtbot: QtBot, tmp_path: Path
) -> None:
    fill_in(panel, qtbot)
    editor = child(panel, MessageEditor, "messageEditor")
    editor.setPlainText("Hello {name}")
    assert panel.problems() == [
        (
            "The merge field {name} needs an imported list with that column. Import the list, or type each "
            "brace twice to send it as text."
        )
    ]
    editor.setPlainText("Price {{5}} {")
    assert panel.problems() == [
        "A merge field opens with { but is never closed with }. To send a brace itself, type it twice."
    ]
    editor.setPlainText("Price {{5}}")
    assert panel.problems() == []
    assert child(panel, QPlainTextEdit, "previewText").toPlainText() == "Price {5}"

    panel.set_import(*import_csv(tmp_path, ["phone,name,note", "13912345678,,x"]))
    editor.setPlainText("Hello {nam}")
    assert panel.problems() == [
        "The merge field {nam} matches no column of the list. Use “Insert field” to pick a column."
    ]
    editor.setPlainText("Hello {name}")
    qtbot.waitUntil(lambda: bool(panel.problems()))
    assert panel.problems() == [
        "No recipient would get this message: each one lacks a value for a merge field."
    ]
    editor.setPlainText("Hello {note}")
    qtbot.waitUntil(lambda: panel.problems() == [])


def test_the_state_holds_what_the_form_shows(panel: ComposePanel, qtbot: QtBot, tmp_path: Path) -> None:
    fill_in(panel, qtbot)
    child(panel, QRadioButton, "transactionalRadio").click()
    encoding = child(panel, QComboBox, "encodingCombo")
    encoding.setCurrentIndex(encoding.findData("U"))
    state = panel.state()
    assert (state.sender_id, state.sms_type, state.encoding_policy, state.text) == (
        "LIASMART",
        "T",
        "U",
        "Your parcel is ready.",
    )
    assert state.recipients is not None
    assert state.recipients.recipients[0].phone == "8613912345678"
    assert state.source_path is None

    report, path = import_csv(tmp_path, ["phone", "13912345679", "13912345680"])
    with qtbot.waitSignal(panel.changed):
        panel.set_import(report, path)
    assert panel.state().recipients is report
    assert panel.state().source_path == path
    panel.clear_import()
    assert panel.state().source_path is None


def test_editing_stops_while_a_send_runs(panel: ComposePanel, qtbot: QtBot) -> None:
    fill_in(panel, qtbot)
    panel.set_busy(True)
    assert child(panel, MessageEditor, "messageEditor").isReadOnly()
    assert child(panel, QPlainTextEdit, "pastedNumbers").isReadOnly()
    assert not child(panel, QComboBox, "senderIdCombo").isEnabled()
    assert not child(panel, QPushButton, "importButton").isEnabled()
    assert not child(panel, QPushButton, "reviewButton").isEnabled()
    assert panel.problems() == ["Wait until the current send has finished."]
    panel.set_busy(False)
    assert panel.problems() == []
    assert child(panel, QPushButton, "reviewButton").isEnabled()


def test_import_button_asks_the_window_for_the_import_dialog(panel: ComposePanel, qtbot: QtBot) -> None:
    with qtbot.waitSignal(panel.import_requested):
        qtbot.mouseClick(child(panel, QPushButton, "importButton"), Qt.MouseButton.LeftButton)


def test_panel_shortcuts_work_from_the_keyboard(panel: ComposePanel, qtbot: QtBot) -> None:
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    editor = child(panel, MessageEditor, "messageEditor")
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    editor.setPlainText("It’s " + "a" * 70)
    qtbot.keyClick(
        editor, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: panel.findChild(QWidget, "lookalikesDialog") is not None)


def test_every_control_has_an_accessible_name_and_a_sensible_tab_order(panel: ComposePanel) -> None:
    controls = {
        QComboBox: ["senderIdCombo", "encodingCombo"],
        QPlainTextEdit: ["messageEditor", "pastedNumbers", "previewText"],
        QSpinBox: ["previewRecipient"],
        QAbstractButton: [
            "insertFieldButton",
            "lookalikesButton",
            "importButton",
            "clearImportButton",
            "reviewButton",
        ],
    }
    for kind, names in controls.items():
        for name in names:
            assert child(panel, kind, name).accessibleName(), name
    buddies = {label.buddy() for label in panel.findChildren(QLabel) if label.buddy() is not None}
    assert {child(panel, QComboBox, "encodingCombo"), child(panel, MessageEditor, "messageEditor")} <= buddies

    order = ["senderIdCombo", "promotionalRadio", "encodingCombo", "messageEditor", "insertFieldButton"]
    order += ["lookalikesButton", "pastedNumbers", "importButton", "previewRecipient", "reviewButton"]
    seen = ["senderIdCombo"]
    widget: QWidget | None = child(panel, QComboBox, "senderIdCombo").nextInFocusChain()
    while widget is not None and widget is not panel:
        if widget.objectName() in order and widget.objectName() not in seen:
            seen.append(widget.objectName())
        widget = widget.nextInFocusChain()
    assert seen == order


def test_mnemonics_are_unique_within_the_panel(panel: ComposePanel) -> None:
    texts = [label.text() for label in panel.findChildren(QLabel)]
    texts += [button.text() for button in panel.findChildren(QAbstractButton)]
    letters = [match.group(1).casefold() for text in texts for match in re.finditer(r"&([^&])", text)]
    assert len(letters) == len(set(letters)), sorted(letters)
    assert len(letters) >= 10
