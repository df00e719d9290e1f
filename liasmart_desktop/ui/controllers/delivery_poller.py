"""Delivery reports arrive by themselves: while the app is open, recent campaigns' accepted messages are
asked about now and then, gently, off the GUI thread.

Reports settle within minutes to hours, so the checks come soon after a send and then less and less
often. Only campaigns that can be asked about from here are (their own account, or the simulator that
took them: the core's rule), never while a send runs, and a pass asks for a bounded time, least recently
asked messages first, so that a large campaign is covered over several passes.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Final

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from liasmart_desktop.core.errors import LiaSmartError
from liasmart_desktop.ui.controllers.campaign_controller import CampaignController, DeliveryUpdate
from liasmart_desktop.ui.controllers.send_controller import SendState
from liasmart_desktop.ui.workers.task_runner import TaskHandle

log = logging.getLogger(__name__)

#: Pauses before each check after a send (or start-up); the last one repeats while the app stays open.
SCHEDULE_MS: Final = (20_000, 60_000, 120_000, 300_000, 600_000, 900_000)
#: Campaigns started longer ago than this are not asked about by themselves ("Refresh" still can).
RECENT_DAYS: Final = 3.0
#: One pass asks for at most this long (about 150 messages at the core's gentle status pace).
PASS_BUDGET_S: Final = 30.0


class DeliveryPoller(QObject):
    """Schedules delivery-status passes through ``CampaignController.delivery_pass``.

    Signals:
        updated(object): a ``DeliveryUpdate`` for each campaign a pass asked about.
        failed(object): the error that stopped a pass (it is tried again at the next check).
    """

    updated = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        campaigns: CampaignController,
        parent: QObject | None = None,
        *,
        schedule_ms: Sequence[int] = SCHEDULE_MS,
        budget_s: float = PASS_BUDGET_S,
        recent_days: float = RECENT_DAYS,
    ) -> None:
        super().__init__(parent)
        self._campaigns = campaigns
        self._schedule = tuple(schedule_ms)
        self._budget_s = budget_s
        self._recent_days = recent_days
        self._step = 0
        self._stopped = False
        self._task: TaskHandle[list[DeliveryUpdate]] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def waiting(self) -> bool:
        """Whether a check is scheduled."""
        return self._timer.isActive()

    @property
    def busy(self) -> bool:
        """Whether a pass is asking now."""
        return self._task is not None and not self._task.done

    def start(self) -> None:
        """Check soon, then less and less often (after start-up, and again after every send)."""
        self._step, self._stopped = 0, False
        self._timer.start(self._schedule[0])

    def stop(self) -> None:
        """No more checks; a pass under way stops after the request it is waiting for."""
        self._stopped = True
        self._timer.stop()
        if self._task is not None:
            self._task.cancel()

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self._campaigns.sending.state is not SendState.IDLE or self.busy:
            self._timer.start(self._schedule[self._step])  # never beside a send; try again later
            return
        self._task = self._campaigns.delivery_pass(
            self,
            self._on_pass_done,
            self._on_pass_failed,
            budget_s=self._budget_s,
            recent_days=self._recent_days,
        )

    def _next(self, nothing_left: bool) -> None:
        if self._stopped:
            return
        last = len(self._schedule) - 1
        self._step = last if nothing_left else min(self._step + 1, last)
        self._timer.start(self._schedule[self._step])

    def _on_pass_done(self, updates: list[DeliveryUpdate]) -> None:
        for update in updates:
            self.updated.emit(update)
        # Nothing was waiting for a report: no hurry until the next send.
        self._next(nothing_left=not any(update.summary.checked for update in updates))

    def _on_pass_failed(self, error: BaseException) -> None:
        if isinstance(error, LiaSmartError):
            log.warning("delivery reports could not be checked: %s", error)
        else:
            log.error("delivery reports could not be checked", exc_info=error)
        self.failed.emit(error)
        self._next(nothing_left=False)
