"""Settings' office rules: the daily limit of parts, and quiet hours for promotional messages."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTime, Slot
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSpinBox, QTimeEdit, QWidget

from liasmart_desktop.core.sending.schedule import parse_quiet_hours
from liasmart_desktop.core.settings import MAX_DAILY_LIMIT_PARTS, AppSettings

TIME_FORMAT = "HH:mm"
DEFAULT_QUIET = (QTime(21, 0), QTime(8, 0))


class OfficeRulesFields(QObject):
    """The two fields Settings shows on its sending tab (``daily_limit`` and ``quiet_hours`` widgets).

    Signals:
        none.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.daily_limit = QSpinBox(parent)
        self.daily_limit.setRange(0, MAX_DAILY_LIMIT_PARTS)
        self.daily_limit.setSingleStep(100)
        self.daily_limit.setSpecialValueText(self.tr("No limit"))
        self.daily_limit.setAccessibleName(self.tr("Most parts sent in one day"))
        self.quiet_hours = QWidget(parent)
        self.quiet_check = QCheckBox(self.tr("Hold promotional messages from"), self.quiet_hours)
        self.quiet_start = QTimeEdit(self.quiet_hours)
        self.quiet_end = QTimeEdit(self.quiet_hours)
        for edit, name in (
            (self.quiet_start, self.tr("Quiet hours start")),
            (self.quiet_end, self.tr("Quiet hours end")),
        ):
            edit.setDisplayFormat(TIME_FORMAT)
            edit.setAccessibleName(name)
        layout = QHBoxLayout(self.quiet_hours)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.quiet_check)
        layout.addWidget(self.quiet_start)
        layout.addWidget(QLabel(self.tr("to"), self.quiet_hours))
        layout.addWidget(self.quiet_end)
        layout.addStretch(1)
        self.quiet_check.toggled.connect(self._on_quiet_check_toggled)

    def fill(self, settings: AppSettings) -> None:
        """Show the saved values."""
        self.daily_limit.setValue(settings.daily_limit_parts or 0)
        hours = parse_quiet_hours(settings.quiet_hours)
        start, end = (
            (QTime(hours.start.hour, hours.start.minute), QTime(hours.end.hour, hours.end.minute))
            if hours
            else DEFAULT_QUIET
        )
        self.quiet_start.setTime(start)
        self.quiet_end.setTime(end)
        self.quiet_check.setChecked(hours is not None)
        self._on_quiet_check_toggled(hours is not None)

    def values(self) -> dict[str, Any]:
        """``daily_limit_parts`` and ``quiet_hours`` as the settings keep them (checked by the settings)."""
        limit = self.daily_limit.value()
        quiet = ""
        if self.quiet_check.isChecked():
            start, end = (edit.time().toString(TIME_FORMAT) for edit in (self.quiet_start, self.quiet_end))
            quiet = f"{start}-{end}"
        return {"daily_limit_parts": limit or None, "quiet_hours": quiet}

    @Slot(bool)
    def _on_quiet_check_toggled(self, checked: bool) -> None:
        self.quiet_start.setEnabled(checked)
        self.quiet_end.setEnabled(checked)
