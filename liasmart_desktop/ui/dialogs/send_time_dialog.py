"""Change when a scheduled campaign is sent: a date and time on this computer's clock (not in the past)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from liasmart_desktop.core.sending.schedule import ScheduleError, check_send_time
from liasmart_desktop.ui.office_messages import describe_office_error
from liasmart_desktop.ui.widgets.send_time_edit import SendTimeEdit

_ERROR_STYLE = "color: #d32f2f;"


class SendTimeDialog(QDialog):
    """Asks for a new send time; ``accepted`` only with a time in the future (``moment()``)."""

    def __init__(self, name: str, current: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change the time"))
        intro = QLabel(self.tr("When should “{name}” be sent?").format(name=name), self)
        intro.setWordWrap(True)
        self.time_edit = SendTimeEdit(self)
        self.time_edit.set_moment(current)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(_ERROR_STYLE)
        self.error_label.setVisible(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.time_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def moment(self) -> datetime:
        """The chosen time."""
        return self.time_edit.moment()

    def accept(self) -> None:
        """Override: a time now or in the past is refused, with a sentence."""
        try:
            check_send_time(self.moment(), datetime.now().astimezone())
        except ScheduleError as exc:
            self.error_label.setText(describe_office_error(exc) or "")
            self.error_label.setVisible(True)
            return
        super().accept()
