"""The sender ID: the account's saved IDs to pick from, any other to type, checked as you type."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker, Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QCompleter, QVBoxLayout, QWidget

from liasmart_desktop.core.sender_id import SenderIdRule, check_sender_id
from liasmart_desktop.ui.widgets.compose_wording import sender_id_problem
from liasmart_desktop.ui.widgets.icon_label import WARNING, IconLabel


class SenderIdField(QWidget):
    """An editable list of sender IDs with a plain-language error right under it.

    An empty field shows no error (the form lists what is missing); anything typed that breaks the
    rule says why at once.

    Signals:
        changed(): the sender ID changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rule = SenderIdRule()
        self._combo = QComboBox(self)
        self._combo.setObjectName("senderIdCombo")
        self._combo.setEditable(True)
        self._combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Inline completion would silently finish what is typed; a popup only suggests.
        completer = QCompleter(self._combo.model(), self._combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._combo.setCompleter(completer)
        self._combo.setAccessibleName(self.tr("Sender ID"))
        self._combo.setToolTip(
            self.tr("The name or number the message comes from, as registered with LiaSmart.")
        )
        self._error = IconLabel("senderIdError", self)
        self._error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._combo)
        layout.addWidget(self._error)
        self.setFocusProxy(self._combo)
        self._combo.editTextChanged.connect(self._on_combo_edit_text_changed)

    def set_choices(self, sender_ids: Sequence[str], current: str) -> None:
        """Offer ``sender_ids`` and show ``current`` (which may be none of them)."""
        with QSignalBlocker(self._combo):
            self._combo.clear()
            self._combo.addItems(list(sender_ids))
            self._combo.setCurrentIndex(self._combo.findText(current))
            self._combo.setEditText(current)
        self._on_combo_edit_text_changed(current)

    def set_rule(self, rule: SenderIdRule) -> None:
        """Check against ``rule`` from now on."""
        self._rule = rule
        self._on_combo_edit_text_changed(self.sender_id())

    def sender_id(self) -> str:
        """The sender ID as shown (not trimmed: a stray space is reported, not hidden)."""
        return self._combo.currentText()

    def problem(self) -> str | None:
        """Why the sender ID cannot be used, or ``None``."""
        sender_id = self.sender_id()
        problem = check_sender_id(sender_id, self._rule)
        return None if problem is None else sender_id_problem(problem, self._rule, sender_id)

    @Slot(str)
    def _on_combo_edit_text_changed(self, text: str) -> None:
        problem = self.problem() if text else None
        self._error.show_text(problem or "", WARNING)
        self._error.setVisible(problem is not None)
        self._combo.setAccessibleDescription(problem or "")
        self.changed.emit()
