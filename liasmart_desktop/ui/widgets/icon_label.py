"""A line of text with a standard icon in front, so a warning is never told by colour alone."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QStyle, QWidget

ICON_SIZE_PX: Final = 16
WARNING: Final = QStyle.StandardPixmap.SP_MessageBoxWarning
INFORMATION: Final = QStyle.StandardPixmap.SP_MessageBoxInformation
GOOD: Final = QStyle.StandardPixmap.SP_DialogApplyButton


class IconLabel(QWidget):
    """Word-wrapped plain text with an optional icon; the text is also its accessible name."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._icon = QLabel(self)
        self._icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._icon.hide()
        self._text = QLabel(self)
        self._text.setWordWrap(True)
        self._text.setTextFormat(Qt.TextFormat.PlainText)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self._text, 1)

    def show_text(self, text: str, icon: QStyle.StandardPixmap | None = None) -> None:
        """Show ``text`` with a standard icon (or none)."""
        self._text.setText(text)
        self._text.setAccessibleName(text)
        if icon is None:
            self._icon.clear()
            self._icon.hide()
        else:
            pixmap = QApplication.style().standardIcon(icon).pixmap(ICON_SIZE_PX, ICON_SIZE_PX)
            self._icon.setPixmap(pixmap)
            self._icon.show()

    def text(self) -> str:
        """The text shown."""
        return self._text.text()
