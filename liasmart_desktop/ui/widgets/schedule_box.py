"""The review's "when": send now, or at a chosen local time (a past time is refused), and when it will end."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from liasmart_desktop.core.sending.prepare import PreparedCampaign
from liasmart_desktop.core.sending.records import Pacing
from liasmart_desktop.core.sending.schedule import (
    ScheduleError,
    check_send_time,
    estimate_finish,
    parse_quiet_hours,
)
from liasmart_desktop.core.sending.schedule import zoned_text as local_time
from liasmart_desktop.ui.office_messages import describe_office_error
from liasmart_desktop.ui.widgets.send_time_edit import SendTimeEdit

_ERROR_STYLE = "color: #d32f2f;"


class ScheduleBox(QGroupBox):
    """ "Send now" or "Send at…" with date and time pickers; says when the campaign will finish.

    Signals:
        changed(): the choice or the time changed (the review updates its send button).
    """

    changed = Signal()

    def __init__(self, prepared: PreparedCampaign, pacing: Pacing, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("When to send"), parent)
        self._count = len(prepared.messages)
        self._pacing = pacing
        spec = prepared.spec
        self._quiet = parse_quiet_hours(spec.quiet_hours) if spec.sms_type == "P" else None
        self.now_radio = QRadioButton(self.tr("Send &now"))
        self.at_radio = QRadioButton(self.tr("Send &at:"))
        self.now_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.now_radio)
        group.addButton(self.at_radio)
        self.time_edit = SendTimeEdit(self)
        self.time_edit.setEnabled(False)
        self.finish_label = QLabel(self)
        self.finish_label.setWordWrap(True)
        self.finish_label.setAccessibleName(self.tr("When the campaign will finish"))
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(_ERROR_STYLE)
        self.error_label.setVisible(False)
        # One row for the choice, so the review still fits a 700-pixel screen.
        choice = QHBoxLayout()
        choice.addWidget(self.now_radio)
        choice.addWidget(self.at_radio)
        choice.addWidget(self.time_edit, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(choice)
        layout.addWidget(self.finish_label)
        layout.addWidget(self.error_label)
        self.at_radio.toggled.connect(self._on_at_radio_toggled)
        self.time_edit.changed.connect(self._on_time_edit_changed)
        self._refresh()

    def scheduled_at(self) -> datetime | None:
        """The chosen send time, or ``None`` to send now."""
        return self.time_edit.moment() if self.at_radio.isChecked() else None

    def problem(self, now: datetime | None = None) -> str | None:
        """Why the chosen time cannot be used (shown in the box too), ``None`` when it can."""
        at = self.scheduled_at()
        text = None
        if at is not None:
            try:
                check_send_time(at, now or datetime.now().astimezone())
            except ScheduleError as exc:
                text = describe_office_error(exc)
        self.error_label.setText(text or "")
        self.error_label.setVisible(text is not None)
        return text

    def _refresh(self) -> None:
        at = self.scheduled_at()
        start = at or datetime.now().astimezone()
        finish = estimate_finish(start, self._count, self._pacing.rate_per_s, self._quiet)
        lines = []
        if self._quiet is not None:
            lines.append(
                self.tr("Quiet hours {window}: promotional messages wait while they last.").format(
                    window=self._quiet.text
                )
            )
        if finish is None:
            lines.append(
                self.tr("At this rate the send would take more than ten years; raise the rate in Settings.")
            )
        else:
            lines.append(self.tr("Expected to finish about {time}.").format(time=local_time(finish)))
        self.finish_label.setText("\n".join(lines))
        self.problem()

    def send_text(self) -> str:
        """The review's send button: "Send N messages" or "Schedule N messages"."""
        count = f"{self._count:,}"
        if self.at_radio.isChecked():
            if self._count == 1:
                return self.tr("&Schedule 1 message")
            return self.tr("&Schedule {count} messages").format(count=count)
        if self._count == 1:
            return self.tr("&Send 1 message")
        return self.tr("&Send {count} messages").format(count=count)

    @Slot(bool)
    def _on_at_radio_toggled(self, checked: bool) -> None:
        self.time_edit.setEnabled(checked)
        self._refresh()
        self.changed.emit()

    @Slot()
    def _on_time_edit_changed(self) -> None:
        self._refresh()
        self.changed.emit()
