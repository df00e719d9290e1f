"""The campaign flows behind the window: prepare, send, resume, resend, open, history, refresh, export, test.

Every campaign rule is the core's ``CampaignService``; this controller only runs its calls off the GUI
thread (sending on the send worker, everything else through the task runner) and reports back with
signals or the caller's callbacks. Views never open the journal themselves.
"""

from __future__ import annotations

import dataclasses
import enum
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, Signal, Slot

from liasmart_desktop.core.errors import CampaignError, LiaSmartError
from liasmart_desktop.core.importing import ImportReport
from liasmart_desktop.core.sending.campaigns import CampaignService, Reach, check_reach, check_refresh_reach
from liasmart_desktop.core.sending.connection import Connect
from liasmart_desktop.core.sending.delivery import RefreshSummary
from liasmart_desktop.core.sending.engine import SendControl
from liasmart_desktop.core.sending.isolation import IsolatedJob, JobKind, run_isolated
from liasmart_desktop.core.sending.prepare import PreparedCampaign, file_fingerprint, prepare_campaign
from liasmart_desktop.core.sending.records import Campaign, MessageRecord, Pacing, utc_now
from liasmart_desktop.core.sending.states import MessageState
from liasmart_desktop.core.sending.summaries import CampaignOverview, LoadedCampaign, Progress, RunReport
from liasmart_desktop.ui.controllers.account_controller import AccountController
from liasmart_desktop.ui.controllers.office_controller import OfficeController
from liasmart_desktop.ui.controllers.send_controller import SendController
from liasmart_desktop.ui.messages import describe_error, describe_record, report_wording
from liasmart_desktop.ui.services import AppServices
from liasmart_desktop.ui.workers.send_worker import SendJob
from liasmart_desktop.ui.workers.task_runner import TaskContext, TaskHandle

OnError = Callable[[BaseException], None]

log = logging.getLogger(__name__)
T = TypeVar("T")
#: Between the values of a row's list columns in ``ShownCampaign.values`` (no spreadsheet cell holds it).
VALUE_SEPARATOR = "\x1f"


class Step(enum.Enum):
    """What the controller was doing when something failed (the window titles its message by it)."""

    PREPARE = "prepare"
    OPEN = "open"
    REFRESH = "refresh"
    EXPORT = "export"
    FIND_UNFINISHED = "find_unfinished"


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
class ShownCampaign:
    """A campaign as the results show it: its messages and set-aside rows, and each message's values of
    the list's other columns (a name, a shop …), joined by ``VALUE_SEPARATOR``, to be seen and searched.

    Only the joined values are kept, not every message's field dictionary: a fifth of the memory.
    """

    loaded: LoadedCampaign
    columns: tuple[str, ...]
    values: Mapping[int, str]


@dataclass(frozen=True, slots=True)
class CampaignValues:
    """The list values of a campaign's messages, read after the messages themselves (message key → values)."""

    campaign_id: int
    values: Mapping[int, str]


@dataclass(frozen=True, slots=True)
class DeliveryUpdate:
    """What asking for delivery reports found: the counts, and the messages whose status was asked for."""

    campaign: Campaign
    summary: RefreshSummary
    changed: list[MessageRecord]


def list_columns(campaign: Campaign) -> tuple[str, ...]:
    """The list's columns shown beside each number (every column but the phone column)."""
    return tuple(column for column in campaign.columns if column != campaign.phone_column)


def read_values(service: CampaignService, campaign: Campaign) -> dict[int, str]:
    """Each message's values of the list's columns, joined (read in one pass; nothing else is kept)."""
    columns = list_columns(campaign)
    if not columns:
        return {}
    return {
        record.pk: VALUE_SEPARATOR.join(record.fields.get(column, "") for column in columns)
        for record in service.messages(campaign.code)
    }


def _refusal(campaign: Campaign, reach: Reach) -> CampaignError | None:
    try:
        check_refresh_reach(campaign, reach)
    except CampaignError as refusal:
        # Kept as a value: without its traceback, which would keep the caller's frames (the window) alive.
        return refusal.with_traceback(None)
    return None


def _ask_delivery(
    service: CampaignService,
    reach: Reach,
    connect: Connect,
    campaign: Campaign,
    should_stop: Callable[[], bool],
) -> DeliveryUpdate:
    """Ask for a campaign's delivery statuses; return the messages asked about as they are now."""
    started = utc_now()
    summary = service.refresh(campaign.code, reach, connect, should_stop=should_stop)
    changed = []
    if summary.checked:
        changed = [
            record
            for record in service.load(campaign.code).records
            if record.dlr_checked_at and record.dlr_checked_at >= started
        ]
    return DeliveryUpdate(campaign, summary, changed)


@dataclass(frozen=True, slots=True)
class UnfinishedCampaign:
    """A campaign a crash or a stop left unfinished, and why it cannot go on from here (if it cannot)."""

    overview: CampaignOverview
    refusal: CampaignError | None


class CampaignController(QObject):
    """Runs campaign work off the GUI thread and reports back.

    Signals:
        prepared(object): a ``ReadyCampaign`` for the review.
        loaded(object): a ``ShownCampaign`` to show (also when a send stores a new one).
        values_read(object): ``CampaignValues`` of a campaign a send just stored.
        finished(object): the ``RunReport`` of a send, resume or resend (``None``: nothing to send).
        refreshed(object): a ``DeliveryUpdate`` the user asked for.
        exported(str, int): the file written and its row count.
        unfinished_found(object): an ``UnfinishedCampaign`` (at start-up).
        failed(object, str): the ``Step`` that failed and a translated sentence saying what went wrong
            and what to do.
    """

    prepared = Signal(object)
    loaded = Signal(object)
    values_read = Signal(object)
    finished = Signal(object)
    refreshed = Signal(object)
    exported = Signal(str, int)
    unfinished_found = Signal(object)
    failed = Signal(object, str)

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

    def _run(self, step: Step, work: Callable[[TaskContext], T], done: Callable[[T], None]) -> None:
        def failed(error: BaseException) -> None:
            self._on_task_failed(step, error)

        self._services.tasks.run(work, done, failed, owner=self)

    def _on_task_failed(self, step: Step, error: BaseException) -> None:
        if not isinstance(error, LiaSmartError):
            log.error("%s failed", step.value, exc_info=error)
        self.failed.emit(step, describe_error(error, self._services.base_url()))

    @property
    def service(self) -> CampaignService:
        """The campaign service (for the delivery poller; views never call it)."""
        return self._service

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

        self._run(Step.PREPARE, work, self.prepared.emit)

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
        campaign = self.current = loaded.campaign
        self.loaded.emit(ShownCampaign(loaded, list_columns(campaign), {}))
        if list_columns(campaign):
            service = self._service

            def work(_ctx: TaskContext) -> CampaignValues:
                return CampaignValues(campaign.id, read_values(service, campaign))

            self._run(Step.OPEN, work, self.values_read.emit)

    @Slot(object)
    def _on_sending_finished(self, report: RunReport | None) -> None:
        self.finished.emit(report)
        if self.current is not None:
            self.open(self.current.code)

    # ------------------------------------------------------------------ reading

    def open(self, code: str) -> None:
        """Load a campaign's messages, set-aside rows and list values, and emit ``loaded``."""
        service = self._service

        def work(_ctx: TaskContext) -> ShownCampaign:
            loaded = service.load(code)
            campaign = loaded.campaign
            return ShownCampaign(loaded, list_columns(campaign), read_values(service, campaign))

        self._run(Step.OPEN, work, self._on_opened)

    @Slot(object)
    def _on_opened(self, shown: ShownCampaign) -> None:
        self.current = shown.loaded.campaign
        self.loaded.emit(shown)

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

        self._run(Step.FIND_UNFINISHED, work, self._on_unfinished_checked)

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
        """Ask for the delivery statuses of the current campaign's accepted messages; emit ``refreshed``."""
        campaign = self.current
        if campaign is None:
            return
        service, reach, connect = self._service, self._account.reach(), self._account.open_connection

        def work(ctx: TaskContext) -> DeliveryUpdate:
            return _ask_delivery(service, reach, connect, campaign, ctx.is_cancelled)

        self._run(Step.REFRESH, work, self.refreshed.emit)

    def delivery_pass(
        self,
        owner: QObject,
        on_done: Callable[[list[DeliveryUpdate]], None],
        on_failed: OnError,
        *,
        budget_s: float,
        recent_days: float,
    ) -> TaskHandle[list[DeliveryUpdate]]:
        """Ask, for at most ``budget_s`` seconds, for the delivery statuses of the accepted messages of
        campaigns started in the last ``recent_days`` days that can be asked about from here (their own
        account, or the simulator running now). Least recently asked first, so passes take turns."""
        service, reach, connect = self._service, self._account.reach(), self._account.open_connection

        def work(ctx: TaskContext) -> list[DeliveryUpdate]:
            deadline = time.monotonic() + budget_s

            def should_stop() -> bool:
                return ctx.is_cancelled() or time.monotonic() > deadline

            # Journal times are ISO 8601 UTC text, so they compare as text.
            since = (datetime.now(UTC) - timedelta(days=recent_days)).isoformat(timespec="milliseconds")
            since = since.replace("+00:00", "Z")
            updates = []
            for overview in service.history():
                campaign = overview.campaign
                if (
                    campaign.is_test
                    or not overview.counts.get(MessageState.ACCEPTED, 0)
                    or campaign.created_at < since
                    or _refusal(campaign, reach) is not None
                ):
                    continue
                if should_stop():
                    break
                updates.append(_ask_delivery(service, reach, connect, campaign, should_stop))
            return updates

        return self._services.tasks.run(work, on_done, on_failed, owner=owner)

    def refresh_refusal(self, campaign: Campaign) -> CampaignError | None:
        """Why ``campaign``'s delivery statuses cannot be asked for from here now (``None``: they can)."""
        return _refusal(campaign, self._account.reach())

    def export(self, path: Path) -> None:
        """Write the current campaign's report (``.xlsx`` or Excel-safe ``.csv`` by extension)."""
        campaign = self.current
        if campaign is None:
            return
        service = self._service

        wording = report_wording(campaign)

        def work(_ctx: TaskContext) -> tuple[str, int]:
            xlsx = path.suffix.lower() != ".csv"
            return str(path), service.export(campaign.code, path, describe_record, xlsx=xlsx, wording=wording)

        self._run(Step.EXPORT, work, self._on_exported)

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
