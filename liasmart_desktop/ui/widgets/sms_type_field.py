"""Promotional or transactional: two choices side by side, the chosen one explained in one plain line."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

PROMOTIONAL = "P"
TRANSACTIONAL = "T"


class SmsTypeField(QWidget):
    """The LiaSmart ``type``: ``P`` (promotional) or ``T`` (transactional).

    One row of choices and one line saying what the chosen type is for (both explanations are the
    choices' tooltips and accessible descriptions), so the form stays low enough for small screens.

    Signals:
        changed(): the other type was chosen.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = QLabel(self.tr("Message type:"), self)
        self._promotional = QRadioButton(self.tr("Promot&ional (P)"), self)
        self._promotional.setObjectName("promotionalRadio")
        self._transactional = QRadioButton(self.tr("&Transactional (T)"), self)
        self._transactional.setObjectName("transactionalRadio")
        self._help = {
            self._promotional: self.tr("Offers, news and invitations sent to many people at once."),
            self._transactional: self.tr(
                "Messages a person expects from you: codes, order, delivery and appointment notices."
            ),
        }
        self._explanation = QLabel(self)
        self._explanation.setObjectName("smsTypeExplanation")
        self._explanation.setWordWrap(True)
        self._group = QButtonGroup(self)
        choices = QHBoxLayout()
        choices.setContentsMargins(0, 0, 0, 0)
        for button, help_text in self._help.items():
            button.setAccessibleDescription(help_text)
            button.setToolTip(help_text)
            self._group.addButton(button)
            choices.addWidget(button)
        choices.addStretch(1)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setVerticalSpacing(2)
        layout.addWidget(self._label, 0, 0)
        layout.addLayout(choices, 0, 1)
        layout.addWidget(self._explanation, 1, 1)
        layout.setColumnStretch(1, 1)
        self._promotional.setChecked(True)
        self._explain()
        self._group.buttonToggled.connect(self._on_group_button_toggled)

    def sms_type(self) -> str:
        """``P`` or ``T``."""
        return TRANSACTIONAL if self._transactional.isChecked() else PROMOTIONAL

    def set_sms_type(self, sms_type: str) -> None:
        """Choose ``P`` or ``T``."""
        (self._transactional if sms_type == TRANSACTIONAL else self._promotional).setChecked(True)

    def explanation(self) -> str:
        """What the chosen type is for, as shown under the choices."""
        return self._explanation.text()

    def _explain(self) -> None:
        chosen = self._transactional if self._transactional.isChecked() else self._promotional
        self._explanation.setText(self._help[chosen])

    @Slot(QAbstractButton, bool)
    def _on_group_button_toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self._explain()
            self.changed.emit()
