"""Scheduled campaigns while the app is open: each is sent when its time comes; those whose time came
while the app was closed are offered at start-up rather than sent behind the user's back.

The time rule is the core's (``CampaignService.due``; a resume waits for a campaign's time, so nothing
goes early even if this looked too soon). A campaign this app cannot send from here (another account,
or the sandbox) is left waiting, as is one the user put off or one that was already started once in
this session: nothing is retried behind the user's back.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from liasmart_desktop.core.errors import CampaignError
from liasmart_desktop.core.sending.campaigns import check_reach
from liasmart_desktop.core.sending.summaries import CampaignOverview
from liasmart_desktop.ui.controllers.account_controller import AccountController
from liasmart_desktop.ui.controllers.campaign_controller import CampaignController
from liasmart_desktop.ui.controllers.send_controller import SendState

#: How often the journal is asked for campaigns whose time has come.
CHECK_INTERVAL_MS = 20_000


class SchedulerController(QObject):
    """Starts due scheduled campaigns, one at a time, while nothing else is being sent.

    Signals:
        overdue_found(object): the ``CampaignOverview`` list whose time came while the app was closed
            (the window asks; ``release`` sends them, otherwise they wait).
        started(str): the code of a scheduled campaign it started sending.
    """

    overdue_found = Signal(object)
    started = Signal(str)

    def __init__(
        self,
        campaigns: CampaignController,
        account: AccountController,
        parent: QObject | None = None,
        *,
        interval_ms: int = CHECK_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self._campaigns = campaigns
        self._account = account
        self._held: set[str] = set()
        self._checking = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        campaigns.sending.state_changed.connect(self._on_sending_state_changed)

    def start(self) -> None:
        """At start-up: find campaigns that became due while the app was closed, then keep watching."""
        self._checking = True
        self._campaigns.office.due(self, self._on_startup_due, self._on_check_failed)
        self._timer.start()

    def stop(self) -> None:
        """Stop watching (the window is closing)."""
        self._timer.stop()

    def release(self, codes: Iterable[str]) -> None:
        """The user chose to send these now: they go when nothing else is being sent."""
        self._held.difference_update(codes)
        self.check_now()

    def check_now(self) -> None:
        """Look for a due campaign now (the timer does this every ``CHECK_INTERVAL_MS``)."""
        if self._checking or self._campaigns.sending.state is not SendState.IDLE:
            return
        self._checking = True
        self._campaigns.office.due(self, self._on_due, self._on_check_failed)

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.check_now()

    @Slot(object)
    def _on_sending_state_changed(self, state: SendState) -> None:
        # A send just ended: a campaign that came due meanwhile goes next.
        if state is SendState.IDLE and self._timer.isActive():
            self.check_now()

    def _sendable(self, overviews: list[CampaignOverview]) -> list[CampaignOverview]:
        reach = self._account.reach()
        found = []
        for overview in overviews:
            try:
                check_reach(overview.campaign, reach, overview.campaign.code)
            except CampaignError:
                continue  # it waits: History says why when the user opens it
            found.append(overview)
        return found

    @Slot(object)
    def _on_startup_due(self, overviews: list[CampaignOverview]) -> None:
        self._checking = False
        overdue = self._sendable(overviews)
        if overdue:
            self._held.update(overview.campaign.code for overview in overdue)
            self.overdue_found.emit(overdue)

    @Slot(object)
    def _on_due(self, overviews: list[CampaignOverview]) -> None:
        self._checking = False
        if self._campaigns.sending.state is not SendState.IDLE:
            return
        for overview in self._sendable(overviews):
            code = overview.campaign.code
            if code in self._held:
                continue
            self._held.add(code)  # started once: never again without the user
            if self._campaigns.resume(code):
                self.started.emit(code)
            return

    @Slot(object)
    def _on_check_failed(self, _error: BaseException) -> None:
        # The next tick tries again; a journal that cannot be read is reported where the user looks.
        self._checking = False
