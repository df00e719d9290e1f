"""The message as one chosen recipient will receive it, with that message's own encoding and parts."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget

from liasmart_desktop.core.text import Encoding, TextAnalysis
from liasmart_desktop.ui.widgets.compose_wording import encoding_name, number
from liasmart_desktop.ui.widgets.icon_label import INFORMATION, WARNING, IconLabel


class PreviewView(QGroupBox):
    """A recipient chooser and the text they get, exactly as it will be sent (normalised, fields filled).

    Signals:
        recipient_changed(int): another recipient was chosen (0-based position in the list).
    """

    recipient_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Preview"), parent)
        self._recipient = QSpinBox(self)
        self._recipient.setObjectName("previewRecipient")
        self._recipient.setAccessibleName(self.tr("Recipient to preview"))
        self._recipient.setMinimum(1)
        self._recipient_label = QLabel(self.tr("Previe&w for recipient:"), self)
        self._recipient_label.setBuddy(self._recipient)
        self._who = QLabel(self)
        self._who.setObjectName("previewWho")
        self._who.setWordWrap(True)
        self._text = QPlainTextEdit(self)
        self._text.setObjectName("previewText")
        self._text.setReadOnly(True)
        self._text.setTabChangesFocus(True)
        self._text.setAccessibleName(self.tr("Message preview"))
        self._text.setMaximumHeight(self._text.fontMetrics().lineSpacing() * 6)
        self._status = IconLabel("previewStatus", self)
        chooser = QHBoxLayout()
        chooser.addWidget(self._recipient_label)
        chooser.addWidget(self._recipient)
        chooser.addWidget(self._who, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        layout.addWidget(self._text)
        layout.addWidget(self._status)
        self.set_recipient_count(0)
        self._recipient.valueChanged.connect(self._on_recipient_value_changed)

    def set_recipient_count(self, count: int) -> None:
        """How many recipients can be chosen (0: the message is previewed without one)."""
        self._recipient.blockSignals(True)
        self._recipient.setMaximum(max(count, 1))
        self._recipient.blockSignals(False)
        self._recipient.setSuffix(self.tr(" of {total}").format(total=number(count)) if count else "")
        self._recipient.setEnabled(count > 0)
        self._recipient_label.setEnabled(count > 0)

    def recipient_index(self) -> int:
        """The chosen recipient's position in the list, or -1 without recipients."""
        return self._recipient.value() - 1 if self._recipient.isEnabled() else -1

    def set_recipient_index(self, index: int) -> None:
        """Choose the recipient at ``index`` (0-based)."""
        self._recipient.setValue(index + 1)

    def show_message(self, who: str, analysis: TextAnalysis) -> None:
        """Show the text to be sent to ``who`` and what it costs."""
        self._who.setText(who)
        self._text.setPlainText(analysis.text)
        status = self.tr("{encoding} · Characters: {characters} · Parts: {parts}").format(
            encoding=encoding_name(analysis.encoding),
            characters=number(analysis.characters),
            parts=number(analysis.segments),
        )
        self._status.show_text(status, WARNING if analysis.encoding is Encoding.UCS2 else INFORMATION)

    def show_note(self, who: str, note: str) -> None:
        """Show why there is no message to preview for ``who``."""
        self._who.setText(who)
        self._text.clear()
        self._status.show_text(note, WARNING)

    @Slot(int)
    def _on_recipient_value_changed(self, value: int) -> None:
        self.recipient_changed.emit(value - 1)
