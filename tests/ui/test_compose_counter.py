"""The compose form's live counter, Unicode highlighting, look-alike replacement and encoding override."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QComboBox, QPushButton
from pytestqt.qtbot import QtBot

from liasmart_desktop.ui.dialogs.lookalikes_dialog import LookalikesDialog
from liasmart_desktop.ui.widgets.compose_panel import ComposePanel
from liasmart_desktop.ui.widgets.message_editor import MARK_PROPERTY, Mark, MessageEditor
from tests.ui.compose_support import child, compose_panel, import_csv, is_shown, shown_text


@pytest.fixture
def panel(qtbot: QtBot, tmp_path: Path) -> Iterator[ComposePanel]:
    with compose_panel(tmp_path, sender_ids=("LIASMART",), default_country="CN") as (panel, _services):
        yield panel


def editor_of(panel: ComposePanel) -> MessageEditor:
    return child(panel, MessageEditor, "messageEditor")


def marks(editor: MessageEditor, block_number: int = 0) -> list[tuple[int, int, int]]:
    """(start, length, Mark) of every range the highlighter marked in one line of the editor."""
    block = editor.document().findBlockByNumber(block_number)
    return [
        (r.start, r.length, int(r.format.property(MARK_PROPERTY)))
        for r in block.layout().formats()
        if r.format.hasProperty(MARK_PROPERTY)
    ]


def test_typing_the_161st_standard_character_makes_two_parts(panel: ComposePanel, qtbot: QtBot) -> None:
    editor = editor_of(panel)
    editor.setPlainText("a" * 159)
    qtbot.keyClicks(editor, "a")
    assert shown_text(panel, "counterCharacters") == "160"
    assert shown_text(panel, "counterParts") == "1 (up to 160 characters each)"
    assert shown_text(panel, "counterRemaining") == "0"
    assert "Standard characters (T)" in shown_text(panel, "counterEncoding")
    assert not is_shown(panel, "counterSavePart")

    qtbot.keyClicks(editor, "a")
    assert shown_text(panel, "counterCharacters") == "161"
    assert shown_text(panel, "counterParts") == "2 (up to 153 characters each)"
    assert shown_text(panel, "counterRemaining") == str(2 * 153 - 161)
    assert is_shown(panel, "counterSavePart")
    assert shown_text(panel, "counterSavePart") == "Remove 1 character from the end."


def test_remove_n_characters_counts_the_characters_that_count_twice(panel: ComposePanel) -> None:
    editor_of(panel).setPlainText("a" * 150 + "€" * 10)  # 170 septets: two parts, 10 € to drop … or 5
    assert shown_text(panel, "counterCharacters") == "160 (10 of them count twice: €)"
    assert shown_text(panel, "counterParts").startswith("2 ")
    assert shown_text(panel, "counterSavePart") == "Remove 5 characters from the end."


def test_chinese_text_is_unicode_and_says_why(panel: ComposePanel) -> None:
    editor_of(panel).setPlainText("你好，世界")
    assert "Unicode (U), detected from the text" in shown_text(panel, "counterEncoding")
    assert shown_text(panel, "counterParts") == "1 (up to 70 characters each)"
    assert shown_text(panel, "counterRemaining") == "65"
    assert is_shown(panel, "counterForcingUnicode")
    assert "script" in shown_text(panel, "counterForcingUnicode")
    assert marks(editor_of(panel)) == []  # every character would be marked: no help
    assert not is_shown(panel, "counterLookalikes")  # a plain comma would save nothing here


def test_a_curly_quote_makes_the_text_unicode_and_is_marked_in_the_editor(panel: ComposePanel) -> None:
    editor = editor_of(panel)
    editor.setPlainText("It’s fine")
    assert "Unicode (U)" in shown_text(panel, "counterEncoding")
    assert "’" in shown_text(panel, "counterForcingUnicode")
    assert marks(editor) == [(2, 1, Mark.UNICODE)]

    editor.setPlainText("It's fine")
    assert "Standard characters (T)" in shown_text(panel, "counterEncoding")
    assert marks(editor) == []


def test_marks_use_qt_positions_after_an_emoji_and_follow_every_line(panel: ComposePanel) -> None:
    editor = editor_of(panel)
    editor.setPlainText("ok\n😀 ’")
    assert marks(editor, 0) == []
    # The emoji takes two UTF-16 units in Qt's positions, so the quote starts at 3, not 2.
    assert marks(editor, 1) == [(0, 2, Mark.UNICODE), (3, 1, Mark.UNICODE)]


def test_a_decomposed_accent_stays_standard_and_a_no_break_space_is_not_hidden(panel: ComposePanel) -> None:
    editor = editor_of(panel)
    editor.setPlainText("Cafe\u0301")  # e + combining acute: é once normalised, a GSM letter
    assert "Standard characters (T)" in shown_text(panel, "counterEncoding")
    assert marks(editor) == []

    editor.setPlainText("10\u00a0EUR")  # toPlainText() would quietly turn this into a space
    assert "Unicode (U)" in shown_text(panel, "counterEncoding")
    assert marks(editor) == [(2, 1, Mark.UNICODE)]
    assert panel.state().text == "10\u00a0EUR"


def test_merge_fields_are_marked_good_or_bad(panel: ComposePanel, tmp_path: Path) -> None:
    report, path = import_csv(tmp_path, ["phone,name", "13912345678,Li"])
    panel.set_import(report, path)
    editor = editor_of(panel)
    editor.setPlainText("Hi {name}, {nickname}")
    assert marks(editor) == [(3, 6, Mark.FIELD), (11, 10, Mark.BAD_FIELD)]
    assert (
        shown_text(panel, "counterCharacters") == "5 plus the merge fields"
    )  # "Hi , ": fields are counted per recipient


def test_look_alikes_show_the_parts_before_and_after_and_change_only_when_confirmed(
    panel: ComposePanel, qtbot: QtBot
) -> None:
    editor = editor_of(panel)
    original = "It’s “on” – " + "a" * 70
    editor.setPlainText(original)
    advice = shown_text(panel, "counterLookalikes")
    assert "from 2 (Unicode (U)) to 1 (Standard characters (T))" in advice
    assert panel.lookalikes_action.isEnabled()

    panel.lookalikes_action.trigger()
    dialog = child(panel, LookalikesDialog, "lookalikesDialog")
    assert dialog.isVisible()
    counts = shown_text(dialog, "lookalikesCounts")
    assert "Before: Unicode (U), parts per message: 2" in counts
    assert "After: Standard characters (T), parts per message: 1" in counts
    assert "’ → ' (times: 1)" in shown_text(dialog, "lookalikesList")
    assert editor.message_text() == original  # showing the advice changed nothing

    dialog.reject()
    qtbot.waitUntil(lambda: panel.findChild(LookalikesDialog) is None)
    assert editor.message_text() == original

    panel.lookalikes_action.trigger()
    dialog = child(panel, LookalikesDialog, "lookalikesDialog")
    qtbot.mouseClick(child(dialog, QPushButton, "replaceButton"), Qt.MouseButton.LeftButton)
    assert editor.message_text() == 'It\'s "on" - ' + "a" * 70
    assert shown_text(panel, "counterParts").startswith("1 ")
    assert not panel.lookalikes_action.isEnabled()

    editor.undo()  # one step, as the user may want the curly quotes back
    assert editor.message_text() == original


def test_forcing_standard_characters_on_unicode_text_warns_that_characters_are_lost(
    panel: ComposePanel,
) -> None:
    editor_of(panel).setPlainText("你好 Li")
    assert not is_shown(panel, "counterWarnings")
    encoding = child(panel, QComboBox, "encodingCombo")
    encoding.setCurrentIndex(encoding.findData("T"))
    assert "Standard characters (T), chosen by you" in shown_text(panel, "counterEncoding")
    assert is_shown(panel, "counterWarnings")
    warning = shown_text(panel, "counterWarnings")
    assert "你 好" in warning
    assert "lost" in warning
    assert panel.state().encoding_policy == "T"

    encoding.setCurrentIndex(encoding.findData("U"))
    assert "Unicode (U), chosen by you" in shown_text(panel, "counterEncoding")
    assert not is_shown(panel, "counterWarnings")


@pytest.mark.parametrize(
    ("base", "text"),
    [(QColor(255, 255, 255), QColor(0, 0, 0)), (QColor(30, 30, 30), QColor(230, 230, 230))],
    ids=["light", "dark"],
)
def test_marks_follow_the_palette_and_stay_readable(panel: ComposePanel, base: QColor, text: QColor) -> None:
    editor = editor_of(panel)
    editor.setPlainText("’")
    palette = QPalette(editor.palette())
    palette.setColor(QPalette.ColorRole.Base, base)
    palette.setColor(QPalette.ColorRole.Text, text)
    editor.setPalette(palette)
    ranges = editor.document().firstBlock().layout().formats()
    foreground, background = ranges[0].format.foreground().color(), ranges[0].format.background().color()
    assert foreground == text
    assert background not in (base, QColor(255, 255, 255))
    assert contrast(background, foreground) >= 4.5


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two colours."""

    def luminance(color: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(color.redF())
            + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF())
        )

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_a_curly_quote_in_a_mostly_latin_text_is_still_pointed_at(panel: ComposePanel) -> None:
    editor = editor_of(panel)
    editor.setPlainText("Ça va – merci")
    assert "marked in the text" in shown_text(panel, "counterForcingUnicode")
    assert marks(editor)
