"""The message text box: plain text, with the characters that force Unicode and the merge fields marked."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from typing import Final

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from liasmart_desktop.core.text import compile_template

#: The text-format property that says why a range is marked (a ``Mark`` value); tests read it back.
MARK_PROPERTY: Final = int(QTextFormat.Property.UserProperty) + 1
#: A warm hue blended into the palette's base colour, so the mark reads on light and dark themes.
_UNICODE_HUE: Final = QColor(255, 176, 0)
_UNICODE_HUE_SHARE: Final = 0.45
_PROBLEM_UNDERLINE: Final = QColor(220, 50, 47)
#: Qt's document separators that ``toRawText`` keeps: a paragraph break, and the line break that
#: Shift+Enter inserts. Both are an ordinary line break in the message (LF), never Unicode.
_LINE_BREAKS: Final = str.maketrans({"\u2029": "\n", "\u2028": "\n"})


class Mark(enum.IntEnum):
    """Why a range of the message is marked."""

    UNICODE = 1  # a character that makes the message Unicode (or is lost under a forced T)
    FIELD = 2  # a merge field that matches a column
    BAD_FIELD = 3  # a merge field that matches no column, or several


def _blend(base: QColor, hue: QColor, share: float) -> QColor:
    keep = 1.0 - share
    return QColor(
        round(base.red() * keep + hue.red() * share),
        round(base.green() * keep + hue.green() * share),
        round(base.blue() * keep + hue.blue() * share),
    )


def _utf16_offsets(text: str) -> list[int]:
    """Qt positions (UTF-16 units) of each character of ``text``, plus the end."""
    offsets = [0]
    for char in text:
        offsets.append(offsets[-1] + (2 if ord(char) > 0xFFFF else 1))
    return offsets


class MessageHighlighter(QSyntaxHighlighter):
    """Marks characters that force Unicode and merge fields, with colours taken from the palette.

    Colour is never the only signal: Unicode characters are also underlined (and listed by the
    counter), fields are bold, and a bad field has a wavy underline (and a sentence under the form).
    """

    def __init__(self, document: QTextDocument, palette: QPalette) -> None:
        super().__init__(document)
        self._unicode: frozenset[str] = frozenset()
        self._columns: tuple[str, ...] = ()
        self._formats = self._make_formats(palette)

    @staticmethod
    def _make_formats(palette: QPalette) -> dict[Mark, QTextCharFormat]:
        unicode_format = QTextCharFormat()
        unicode_format.setBackground(
            _blend(palette.color(QPalette.ColorRole.Base), _UNICODE_HUE, _UNICODE_HUE_SHARE)
        )
        unicode_format.setForeground(palette.color(QPalette.ColorRole.Text))
        unicode_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        unicode_format.setProperty(MARK_PROPERTY, int(Mark.UNICODE))
        field_format = QTextCharFormat()
        field_format.setFontWeight(QFont.Weight.Bold)
        field_format.setForeground(palette.color(QPalette.ColorRole.Link))
        field_format.setProperty(MARK_PROPERTY, int(Mark.FIELD))
        bad_field_format = QTextCharFormat()
        bad_field_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        bad_field_format.setUnderlineColor(_PROBLEM_UNDERLINE)
        bad_field_format.setProperty(MARK_PROPERTY, int(Mark.BAD_FIELD))
        return {Mark.UNICODE: unicode_format, Mark.FIELD: field_format, Mark.BAD_FIELD: bad_field_format}

    def set_palette(self, palette: QPalette) -> None:
        """Take the colours from a new palette (light or dark theme)."""
        self._formats = self._make_formats(palette)
        self.rehighlight()

    def set_unicode_characters(self, characters: Iterable[str]) -> None:
        """The characters to mark as forcing Unicode (the counter's list)."""
        chosen = frozenset(characters)
        if chosen != self._unicode:
            self._unicode = chosen
            self.rehighlight()

    def set_columns(self, columns: Sequence[str]) -> None:
        """The columns merge fields may name (none: every field is marked as a problem)."""
        chosen = tuple(columns)
        if chosen != self._columns:
            self._columns = chosen
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        """Override: mark one line of the message."""
        has_unicode = bool(self._unicode) and not self._unicode.isdisjoint(text)
        if not has_unicode and "{" not in text:
            return
        offsets = _utf16_offsets(text)
        if has_unicode:
            unicode_format = self._formats[Mark.UNICODE]
            for index, char in enumerate(text):
                if char in self._unicode:
                    self.setFormat(offsets[index], offsets[index + 1] - offsets[index], unicode_format)
        if "{" in text:
            # The same parser as the send engine, so a field marked good is a field that will be filled.
            for field in compile_template(text, self._columns).fields:
                end = text.index("}", field.position) + 1
                mark = Mark.FIELD if field.column else Mark.BAD_FIELD
                start = offsets[field.position]
                self.setFormat(start, offsets[end] - start, self._formats[mark])


class MessageEditor(QPlainTextEdit):
    """Where the message is written. Tab moves the focus on (a tab character would make it Unicode).

    It asks for a few lines only and grows into the room the form leaves: Qt's default height hint
    (about twelve lines) made the compose form taller than a 700-pixel screen.
    """

    #: Lines the box asks for (and never has fewer of).
    LINES = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self._highlighter = MessageHighlighter(self.document(), self.palette())
        self.setMinimumHeight(self._lines_height(self.LINES))

    def _lines_height(self, lines: int) -> int:
        margins = self.contentsMargins()
        document_margin = round(self.document().documentMargin())
        return (
            self.fontMetrics().lineSpacing() * lines + margins.top() + margins.bottom() + 2 * document_margin
        )

    def sizeHint(self) -> QSize:
        """Override: a few lines high (the layout gives it more when there is room)."""
        return QSize(super().sizeHint().width(), self._lines_height(self.LINES))

    def message_text(self) -> str:
        """The text as typed: nothing replaced, except Qt's line separators, which become LF.

        ``toPlainText`` would also turn a no-break space into a space, silently making a Unicode
        message look like a cheaper one; ``toRawText`` keeps it.
        """
        return self.document().toRawText().translate(_LINE_BREAKS)

    def set_unicode_characters(self, characters: Iterable[str]) -> None:
        """Mark these characters wherever they occur."""
        self._highlighter.set_unicode_characters(characters)

    def set_columns(self, columns: Sequence[str]) -> None:
        """The columns merge fields may name."""
        self._highlighter.set_columns(columns)

    def insert_field(self, column: str) -> None:
        """Insert ``{column}`` at the cursor (replacing a selection) and return the focus to the text."""
        self.insertPlainText("{" + column + "}")
        self.setFocus()

    def replace_text(self, text: str) -> None:
        """Replace the whole text as one step that Undo (Ctrl+Z) reverts."""
        cursor = self.textCursor()
        position = cursor.position()
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        cursor.endEditBlock()
        cursor.setPosition(min(position, self.document().characterCount() - 1))
        self.setTextCursor(cursor)

    def changeEvent(self, event: QEvent) -> None:
        """Override: follow a switch between light and dark palettes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._highlighter.set_palette(self.palette())
