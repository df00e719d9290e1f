"""A push button that shows and triggers a ``QAction``, so a menu item, a shortcut and a button are one."""

from __future__ import annotations

import re

from PySide6.QtCore import Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QWidget

#: A mnemonic in brackets after the text, as Chinese and Japanese translations write it: ``导入(&I)``.
_BRACKETED_MNEMONIC = re.compile(r"\s*[(（]&[^&\s][)）]")


def plain_text(action_text: str) -> str:
    """An action's text without its mnemonic ampersand and ellipsis, for accessible names."""
    text = _BRACKETED_MNEMONIC.sub("", action_text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


class ActionButton(QPushButton):
    """Mirrors its action's text, icon, tooltip (with the shortcut) and enabled state."""

    def __init__(self, action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._action = action
        self.clicked.connect(action.trigger)
        action.changed.connect(self._on_action_changed)
        self._on_action_changed()

    @Slot()
    def _on_action_changed(self) -> None:
        action = self._action
        self.setText(action.text())
        self.setIcon(action.icon())
        self.setEnabled(action.isEnabled())
        self.setAccessibleName(plain_text(action.text()))
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        tip = action.toolTip()
        self.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
