"""The review's spend guard: the estimated cost against the balance and the parts against the daily limit.

The figures come from the core's ``check_spend``; over either limit the box says both figures and what
to do, and the review offers no send. The sending process checks again just before anything leaves.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from liasmart_desktop.core.api.payloads import Balance
from liasmart_desktop.core.sending.spend_guard import SpendCheck, SpendRules, check_spend, counted_day
from liasmart_desktop.ui.controllers.office_controller import OfficeController
from liasmart_desktop.ui.office_messages import describe_spend

_REFUSED_STYLE = "color: #d32f2f; font-weight: bold;"


class SpendGuardBox(QGroupBox):
    """Shows the spend guard's figures for a campaign of ``parts``; ``allows()`` says whether it may go.

    Signals:
        changed(): the answer changed (the balance or today's count arrived, or the day changed).
    """

    changed = Signal()

    def __init__(self, parts: int, office: OfficeController, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Spend guard"), parent)
        self._parts = parts
        self._office = office
        self._rules: SpendRules = office.spend_rules()
        self._balance: Balance | None = None
        self._balance_known = self._rules.price_per_part is None  # no price: the balance is not needed
        self._sent_today: int | None = None if self._rules.daily_limit_parts is not None else 0
        self._day: date | None = None  # the scheduled day the parts count against (None: today)
        self.label = QLabel(self.tr("Checking the balance and today's parts…"), self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAccessibleName(self.tr("Spend guard"))
        QVBoxLayout(self).addWidget(self.label)
        self.set_day(None)

    def check(self) -> SpendCheck | None:
        """The figures, once everything they need is known."""
        if not self._balance_known or self._sent_today is None:
            return None
        return check_spend(
            self._rules, self._parts, sent_today=self._sent_today, balance=self._balance, day=self._day
        )

    def allows(self) -> bool:
        """Whether the campaign may go (``False`` while the figures are still coming)."""
        check = self.check()
        return check is not None and check.allowed

    def set_balance(self, balance: Balance | None) -> None:
        """The balance just checked (``None`` when it could not be: the sending process asks again)."""
        self._balance, self._balance_known = balance, True
        self._show()

    def set_day(self, day: datetime | None) -> None:
        """Count the parts already sent on ``day`` (today when ``None``): a scheduled campaign's day."""
        self._day = counted_day(day, datetime.now().astimezone())
        if self._rules.daily_limit_parts is None:
            self._show()
            return
        self._sent_today = None
        self._show()
        self._office.parts_sent_on(day, self, self._on_parts_counted, self._on_parts_failed)

    @Slot(object)
    def _on_parts_counted(self, parts: int) -> None:
        self._sent_today = parts
        self._show()

    @Slot(object)
    def _on_parts_failed(self, _error: BaseException) -> None:
        self._sent_today = 0  # the sending process counts again before anything leaves
        self._show()

    def _show(self) -> None:
        check = self.check()
        if check is not None:
            self.label.setText(describe_spend(check))
            self.label.setStyleSheet("" if check.allowed else _REFUSED_STYLE)
        self.changed.emit()
