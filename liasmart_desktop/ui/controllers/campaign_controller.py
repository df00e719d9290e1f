"""The campaign flows behind the window: prepare, send, resume, resend, open, history, refresh, export, test.

Every campaign rule is the core's ``CampaignService``; this controller only runs its calls off the GUI
thread (sending on the send worker, everything else through the task runner) and reports back with
signals or the caller's callbacks. Views never open the journal themselves.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, Signal, Slot

from liasmart_desktop.core.errors import CampaignError, LiaSmartError
from liasmart_desktop.core.importing import ImportReport
from liasmart_desktop.core.sending.campaigns import CampaignService, check_reach
from liasmart_desktop.core.sending.delivery import RefreshSummary
from liasmart_desktop.core.sending.engine import SendControl
from liasmart_desktop.core.sending.isolation import IsolatedJob, JobKind, run_isolated
from liasmart_desktop.core.sending.prepare import PreparedCampaign, file_fingerprint, prepare_campaign
from liasmart_desktop.core.sending.records import Campaign, MessageRecord, Pacing
from liasmart_desktop.core.sending.states import MessageState
from liasmart_desktop.core.sending.summaries import CampaignOverview, LoadedCampaign, Progress, RunReport
from liasmart_desktop.ui.controllers.account_controller import AccountController
from liasmart_desktop.ui.controllers.office_controller import OfficeController
from liasmart_desktop.ui.controllers.send_controller import SendController
from liasmart_desktop.ui.messages import describe_error, describe_record
from liasmart_desktop.ui.services import AppServices
from liasmart_desktop.ui.workers.send_worker import SendJob
from liasmart_desktop.ui.workers.task_runner import TaskContext

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class SendRequest:
    """What the compose form asks to send (a ``ComposeState`` reduced to what preparing needs)."""

    text: str
    sender_id: str
    sms_type: str
    encoding_policy: str
    report: ImportReport
    source_path: Path | None
    #: The saved template the text came from ("" when typed).
    template_name: str = ""


@dataclass(frozen=True, slots=True)
class ReadyCampaign:
    """A prepared campaign for the review, and the campaign that already sent this text to this list."""

    prepared: PreparedCampaign
    sent_before: Campaign | None


@dataclass(frozen=True, slots=True)
class UnfinishedCampaign:
    """A campaign a crash or a stop left unfinished, and why it cannot go on from here (if it cannot)."""

    overview: CampaignOverview
    refusal: CampaignError | None


class CampaignController(QObject):
    """Runs campaign work off the GUI thread and reports back.

    Signals:
        prepared(object): a ``ReadyCampaign`` for the review.
        loaded(object): a ``LoadedCampaign`` to show (also when a send stores a new one).
        finished(object): the ``RunReport`` of a send, resume or resend (``None``: nothing to send).
        refreshed(object): a ``RefreshSummary``.
        exported(str, int): the file written and its row count.
        unfinished_found(object): an ``UnfinishedCampaign`` (at start-up).
        failed(str): a translated sentence saying what went wrong and what to do.
    """

    prepared = Signal(object)
    loaded = Signal(object)
    finished = Signal(object)
    refreshed = Signal(object)
    exported = Signal(str, int)
    unfinished_found = Signal(object)
    failed = Signal(str)

    def __init__(
        self, services: AppServices, account: AccountController, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._account = account
        self.sending = SendController(self)
        self._service = CampaignService(services.paths.journal_file)
        #: The office rules (do-not-message list, templates, spend guard, schedules, record).
        self.office = OfficeController(services, account, self._service, self)
        self.current: Campaign | None = None
        self.sending.created.connect(self._on_sending_created)
        self.sending.finished.connect(self._on_sending_finished)

    def _run(self, work: Callable[[TaskContext], T], done: Callable[[T], None]) -> None:
        self._services.tasks.run(work, done, self._on_task_failed, owner=self)

    @Slot(object)
    def _on_task_failed(self, error: BaseException) -> None:
        if not isinstance(error, LiaSmartError):
            log.error("task failed", exc_info=error)
        self.failed.emit(describe_error(error, self._services.base_url()))

    def _pacing(self) -> Pacing:
        settings = self._services.settings
        return Pacing(settings.concurrency, settings.rate_per_second)

    # ------------------------------------------------------------------ prepare and send

    def prepare(self, request: SendRequest) -> None:
        """Render every message, work out the cost, look for the same list sent before; emit ``prepared``."""
        services = self._services
        settings = services.settings
        base_url = services.base_url()
        reach = self._account.reach()
        service = self._service

        def work(_ctx: TaskContext) -> ReadyCampaign:
            path = request.source_path
            listed = service.optout.lookup(recipient.phone for recipient in request.report.recipients)
            prepared = prepare_campaign(
                request.report,
                request.text,
                sender_id=request.sender_id,
                sms_type=request.sms_type,
                encoding_policy=request.encoding_policy,
                callback_url=settings.callback_url,
                source_name=path.name if path else "",
                source_fingerprint=file_fingerprint(path) if path and path.exists() else "",
                sandbox=reach.sandbox,
                base_url=base_url,
                opted_out=listed,
                template_name=request.template_name,
                quiet_hours=settings.quiet_hours,
            )
            spec = dataclasses.replace(prepared.spec, api_id=reach.api_id)
            return ReadyCampaign(prepared, service.same_list_before(spec))

        self._run(work, self.prepared.emit)

    def _job(self, kind: JobKind) -> IsolatedJob:
        """A sending job for the current mode, account and settings."""
        return IsolatedJob(
            journal_path=self._service.journal_path,
            kind=kind,
            reach=self._account.reach(),
            client=self._account.client_options(),
            fallback=self._pacing(),
            log_dir=self._services.paths.log_dir,
            spend=self.office.spend_rules(),
        )

    def _start(self, job: IsolatedJob) -> bool:
        """Run one sending operation of the campaign service in its own process (``False`` while busy)."""

        def run(
            control: SendControl,
            on_progress: Callable[[Progress], None],
            on_created: Callable[[LoadedCampaign], None],
        ) -> RunReport | None:
            return run_isolated(job, control, on_progress, on_created)

        return self.sending.start(SendJob(run))

    def send(self, prepared: PreparedCampaign, name: str = "") -> bool:
        """Store the campaign and send it (``False`` while another send runs)."""
        if name:
            prepared = dataclasses.replace(prepared, spec=dataclasses.replace(prepared.spec, name=name))
        return self._start(
            dataclasses.replace(self._job(JobKind.SEND), prepared=prepared, pacing=self._pacing())
        )

    def resume(self, code: str, *, at_once: bool = False) -> bool:
        """Continue campaign ``code`` at its own pace, or send a scheduled one (when its time has come, or
        now with ``at_once``); ``False`` while another send runs."""
        return self._start(dataclasses.replace(self._job(JobKind.RESUME), campaign=code, at_once=at_once))

    def resend(self, state: MessageState) -> bool:
        """Send the current campaign's unknown or rejected messages again (the caller confirmed)."""
        if self.current is None:
            return False
        job = dataclasses.replace(self._job(JobKind.RESEND), campaign=self.current.code, state=state)
        return self._start(job)

    @Slot(object)
    def _on_sending_created(self, loaded: LoadedCampaign) -> None:
        self.current = loaded.campaign
        self.loaded.emit(loaded)

    @Slot(object)
    def _on_sending_finished(self, report: RunReport | None) -> None:
        self.finished.emit(report)
        if self.current is not None:
            self.open(self.current.code)

    # ------------------------------------------------------------------ reading

    def open(self, code: str) -> None:
        """Load a campaign's messages and emit ``loaded``."""
        service = self._service

        def work(_ctx: TaskContext) -> LoadedCampaign:
            return service.load(code)

        self._run(work, self._on_opened)

    @Slot(object)
    def _on_opened(self, loaded: LoadedCampaign) -> None:
        self.current = loaded.campaign
        self.loaded.emit(loaded)

    def find_unfinished(self) -> None:
        """Look for a campaign a crash or a stop left unfinished; emit ``unfinished_found`` if any."""
        service, reach = self._service, self._account.reach()

        def work(_ctx: TaskContext) -> UnfinishedCampaign | None:
            overview = service.unfinished()
            if overview is None:
                return None
            try:
                check_reach(overview.campaign, reach, overview.campaign.code)
            except CampaignError as refusal:
                return UnfinishedCampaign(overview, refusal)
            return UnfinishedCampaign(overview, None)

        self._run(work, self._on_unfinished_checked)

    @Slot(object)
    def _on_unfinished_checked(self, found: UnfinishedCampaign | None) -> None:
        if found is not None:
            self.unfinished_found.emit(found)

    def history(
        self,
        owner: QObject,
        on_done: Callable[[list[CampaignOverview]], None],
        on_failed: Callable[[BaseException], None],
    ) -> None:
        """Read every campaign with its counts; the answer goes to ``owner``'s callbacks."""
        service = self._service

        def work(_ctx: TaskContext) -> list[CampaignOverview]:
            return service.history()

        self._services.tasks.run(work, on_done, on_failed, owner=owner)

    # ------------------------------------------------------------------ refresh, export, test

    def refresh(self) -> None:
        """Poll delivery statuses of the current campaign, then reload it."""
        campaign = self.current
        if campaign is None:
            return
        service, reach, connect = self._service, self._account.reach(), self._account.open_connection

        def work(ctx: TaskContext) -> RefreshSummary:
            return service.refresh(campaign.code, reach, connect, should_stop=ctx.is_cancelled)

        self._run(work, self._on_refreshed)

    @Slot(object)
    def _on_refreshed(self, summary: RefreshSummary) -> None:
        self.refreshed.emit(summary)
        if self.current is not None:
            self.open(self.current.code)

    def export(self, path: Path) -> None:
        """Write the current campaign's report (``.xlsx`` or Excel-safe ``.csv`` by extension)."""
        campaign = self.current
        if campaign is None:
            return
        service = self._service

        def work(_ctx: TaskContext) -> tuple[str, int]:
            xlsx = path.suffix.lower() != ".csv"
            return str(path), service.export(campaign.code, path, describe_record, xlsx=xlsx)

        self._run(work, self._on_exported)

    @Slot(object)
    def _on_exported(self, written: tuple[str, int]) -> None:
        self.exported.emit(*written)

    def send_test(
        self,
        prepared: PreparedCampaign,
        phone: str,
        owner: QObject,
        on_done: Callable[[MessageRecord], None],
        on_failed: Callable[[BaseException], None],
    ) -> None:
        """Send the first message's text to ``phone`` (the user's own number), holding the sender lock."""
        message = dataclasses.replace(prepared.messages[0], phone=phone)
        service, reach, connect = self._service, self._account.reach(), self._account.open_connection

        def work(_ctx: TaskContext) -> MessageRecord:
            return service.send_test(prepared, message, reach, connect)

        self._services.tasks.run(work, on_done, on_failed, owner=owner)
