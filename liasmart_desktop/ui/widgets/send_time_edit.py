"""A date-and-time picker for a send time, on this computer's clock, with its zone shown beside it."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, QTimeZone, Signal, Slot
from PySide6.QtWidgets import QDateTimeEdit, QHBoxLayout, QLabel, QWidget

from liasmart_desktop.core.sending.schedule import local

#: Shown to the minute, like ``send --at`` takes it.
DISPLAY_FORMAT = "yyyy-MM-dd HH:mm"
#: A new picker proposes this far ahead (rounded to the next quarter hour).
DEFAULT_AHEAD = timedelta(hours=1)
QUARTER_HOUR_MIN = 15


def next_quarter_hour(moment: datetime, ahead: timedelta = DEFAULT_AHEAD) -> datetime:
    """``moment + ahead`` rounded up to a quarter hour (a time people would pick)."""
    later = local(moment + ahead).replace(second=0, microsecond=0)
    extra = -later.minute % QUARTER_HOUR_MIN
    return later + timedelta(minutes=extra)


class SendTimeEdit(QWidget):
    """A calendar picker and a time field, local time, with the zone ("UTC+08:00") beside them.

    Signals:
        changed(): the chosen time changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QDateTimeEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(DISPLAY_FORMAT)
        self.edit.setTimeZone(QTimeZone.systemTimeZone())
        self.edit.setAccessibleName(self.tr("Date and time to send"))
        self.zone_label = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.zone_label, 1)
        self.set_moment(next_quarter_hour(datetime.now().astimezone()))
        self.edit.dateTimeChanged.connect(self._on_edit_date_time_changed)

    def moment(self) -> datetime:
        """The chosen time (aware, this computer's zone)."""
        seconds = self.edit.dateTime().toSecsSinceEpoch()
        return datetime.fromtimestamp(seconds).astimezone()

    def set_moment(self, moment: datetime) -> None:
        """Show ``moment`` (to the minute) on this computer's clock."""
        self.edit.setDateTime(
            QDateTime.fromSecsSinceEpoch(int(moment.replace(second=0, microsecond=0).timestamp()))
        )
        self._show_zone()

    def _show_zone(self) -> None:
        offset = self.moment().strftime("%z")
        self.zone_label.setText(
            self.tr("UTC{offset}, this computer's time").format(offset=f"{offset[:3]}:{offset[3:]}")
        )

    @Slot(QDateTime)
    def _on_edit_date_time_changed(self, _moment: QDateTime) -> None:
        self._show_zone()
        self.changed.emit()
