"""Promotional or transactional: two choices, each explained in one plain line."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QWidget,
)

PROMOTIONAL = "P"
TRANSACTIONAL = "T"


class SmsTypeField(QGroupBox):
    """The LiaSmart ``type``: ``P`` (promotional) or ``T`` (transactional).

    Signals:
        changed(): the other type was chosen.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Message type"), parent)
        self._promotional = QRadioButton(self.tr("Promot&ional (P)"), self)
        self._promotional.setObjectName("promotionalRadio")
        self._transactional = QRadioButton(self.tr("&Transactional (T)"), self)
        self._transactional.setObjectName("transactionalRadio")
        promotional_help = self.tr("Offers, news and invitations sent to many people at once.")
        transactional_help = self.tr(
            "Messages a person expects from you: codes, order, delivery and appointment notices."
        )
        self._group = QButtonGroup(self)
        layout = QGridLayout(self)
        for row, (button, help_text) in enumerate(
            ((self._promotional, promotional_help), (self._transactional, transactional_help))
        ):
            button.setAccessibleDescription(help_text)
            explanation = QLabel(help_text, self)
            explanation.setWordWrap(True)
            layout.addWidget(button, row, 0)
            layout.addWidget(explanation, row, 1)
            self._group.addButton(button)
        layout.setColumnStretch(1, 1)
        self._promotional.setChecked(True)
        self._group.buttonToggled.connect(self._on_group_button_toggled)

    def sms_type(self) -> str:
        """``P`` or ``T``."""
        return TRANSACTIONAL if self._transactional.isChecked() else PROMOTIONAL

    def set_sms_type(self, sms_type: str) -> None:
        """Choose ``P`` or ``T``."""
        (self._transactional if sms_type == TRANSACTIONAL else self._promotional).setChecked(True)

    @Slot(QAbstractButton, bool)
    def _on_group_button_toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self.changed.emit()
