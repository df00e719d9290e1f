"""The campaign flows behind the window: prepare, create and send, open, resume, resend, refresh, export.

Every step that reads or writes the journal, renders a list or calls the API runs through the task
runner or the send controller, never on the GUI thread; results come back as signals.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, Signal, Slot

from liasmart_desktop.core.api.client import LiaSmartClient
from liasmart_desktop.core.errors import LiaSmartError
from liasmart_desktop.core.sending.delivery import RefreshSummary, refresh_delivery
from liasmart_desktop.core.sending.engine import EngineConfig, RunResult
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.prepare import PreparedCampaign, file_fingerprint, prepare_campaign
from liasmart_desktop.core.sending.records import Campaign, MessageRecord
from liasmart_desktop.core.sending.report import export_report
from liasmart_desktop.core.sending.states import MessageState
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
    report: object  # ImportReport (kept loose so this module does not depend on the widget)
    source_path: Path | None


@dataclass(frozen=True, slots=True)
class LoadedCampaign:
    """A campaign and its messages, read off the GUI thread."""

    campaign: Campaign
    records: list[MessageRecord]


class CampaignController(QObject):
    """Runs campaign work off the GUI thread and reports back.

    Signals:
        prepared(object): a ``PreparedCampaign`` ready for review.
        loaded(object): a ``LoadedCampaign`` to show.
        refreshed(object): a ``RefreshSummary``.
        exported(str, int): the file written and its row count.
        unfinished_found(object): a ``LoadedCampaign`` with messages still to send (at start-up).
        failed(str): a translated sentence saying what went wrong and what to do.
    """

    prepared = Signal(object)
    loaded = Signal(object)
    refreshed = Signal(object)
    exported = Signal(str, int)
    unfinished_found = Signal(object)
    failed = Signal(str)

    def __init__(self, services: AppServices, sender: SendController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._sender = sender
        self.current: Campaign | None = None
        sender.finished.connect(self._on_sender_finished)

    @property
    def journal_path(self) -> Path:
        """The journal file in the data folder."""
        return self._services.paths.journal_file

    def _run(self, work: Callable[[TaskContext], T], done: Callable[[T], None]) -> None:
        self._services.tasks.run(work, done, self._on_task_failed, owner=self)

    @Slot(object)
    def _on_task_failed(self, error: BaseException) -> None:
        if not isinstance(error, LiaSmartError):
            log.error("task failed", exc_info=error)
        self.failed.emit(describe_error(error, self._services.base_url()))

    # ------------------------------------------------------------------ prepare and send

    def prepare(self, request: SendRequest) -> None:
        """Render every message and work out the cost, then emit ``prepared``."""
        services = self._services
        settings = services.settings
        base_url = services.base_url()
        sandbox = services.sandbox_mode

        def work(_ctx: TaskContext) -> PreparedCampaign:
            path = request.source_path
            return prepare_campaign(
                request.report,  # type: ignore[arg-type]
                request.text,
                sender_id=request.sender_id,
                sms_type=request.sms_type,
                encoding_policy=request.encoding_policy,
                callback_url=settings.callback_url,
                source_name=path.name if path else "",
                source_fingerprint=file_fingerprint(path) if path and path.exists() else "",
                sandbox=sandbox,
                base_url=base_url,
            )

        self._run(work, self.prepared.emit)

    def send(self, prepared: PreparedCampaign) -> None:
        """Store the campaign (off the GUI thread), show it, then start sending it."""

        def work(_ctx: TaskContext) -> LoadedCampaign:
            journal = Journal.open(self.journal_path)
            try:
                campaign = journal.create_campaign(prepared.spec, prepared.messages, prepared.set_aside)
                return LoadedCampaign(campaign, list(journal.messages(campaign.id, with_fields=False)))
            finally:
                journal.close()

        self._run(work, self._on_created)

    @Slot(object)
    def _on_created(self, loaded: LoadedCampaign) -> None:
        self.current = loaded.campaign
        self.loaded.emit(loaded)
        self.start(loaded.campaign.code)

    def start(self, code: str) -> bool:
        """Send (or continue) campaign ``code`` on the worker thread."""
        services = self._services
        try:
            services.credentials()  # say now, not from the worker, when the password is missing
        except LiaSmartError as exc:
            self.failed.emit(describe_error(exc))
            return False
        settings = services.settings
        job = SendJob(
            journal_path=self.journal_path,
            campaign_code=code,
            make_client=self._make_client,
            config=EngineConfig(concurrency=settings.concurrency, rate_per_s=settings.rate_per_second),
        )
        return self._sender.start(job)

    def _make_client(self, concurrency: int) -> LiaSmartClient:
        return self._services.make_client(max_connections=concurrency)

    @Slot(object)
    def _on_sender_finished(self, _result: RunResult) -> None:
        if self.current is not None:
            self.open(self.current.code)

    # ------------------------------------------------------------------ open, resume, resend

    def open(self, code: str) -> None:
        """Load a campaign's messages and emit ``loaded``."""

        def work(_ctx: TaskContext) -> LoadedCampaign:
            journal = Journal.open(self.journal_path)
            try:
                campaign = journal.campaign(code)
                return LoadedCampaign(campaign, list(journal.messages(campaign.id, with_fields=False)))
            finally:
                journal.close()

        self._run(work, self._on_opened)

    @Slot(object)
    def _on_opened(self, loaded: LoadedCampaign) -> None:
        self.current = loaded.campaign
        self.loaded.emit(loaded)

    def find_unfinished(self) -> None:
        """Look for a campaign a crash or a stop left unfinished; emit ``unfinished_found`` if any."""
        if not self.journal_path.exists():
            return

        def work(_ctx: TaskContext) -> LoadedCampaign | None:
            journal = Journal.open(self.journal_path)
            try:
                campaign = journal.newest_unfinished()
                if campaign is None:
                    return None
                return LoadedCampaign(campaign, list(journal.messages(campaign.id, with_fields=False)))
            finally:
                journal.close()

        self._run(work, self._on_unfinished_checked)

    @Slot(object)
    def _on_unfinished_checked(self, found: LoadedCampaign | None) -> None:
        if found is not None:
            self.unfinished_found.emit(found)

    def resend(self, state: MessageState) -> None:
        """Queue the current campaign's unknown or rejected messages again (the caller confirmed)."""
        campaign = self.current
        if campaign is None:
            return

        def work(_ctx: TaskContext) -> int:
            journal = Journal.open(self.journal_path)
            try:
                return journal.resend(campaign.id, state)
            finally:
                journal.close()

        self._run(work, self._on_resend_queued)

    @Slot(object)
    def _on_resend_queued(self, _count: int) -> None:
        if self.current is not None:
            self.start(self.current.code)

    # ------------------------------------------------------------------ refresh and export

    def refresh(self) -> None:
        """Poll delivery statuses of the current campaign, then reload it."""
        campaign = self.current
        if campaign is None:
            return
        services = self._services

        def work(ctx: TaskContext) -> RefreshSummary:
            journal = Journal.open(self.journal_path)
            try:
                with services.make_client(max_connections=4) as client:
                    return refresh_delivery(journal, campaign, client, should_stop=ctx.is_cancelled)
            finally:
                journal.close()

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

        def work(_ctx: TaskContext) -> tuple[str, int]:
            journal = Journal.open(self.journal_path)
            try:
                xlsx = path.suffix.lower() != ".csv"
                return str(path), export_report(journal, campaign, path, describe_record, xlsx=xlsx)
            finally:
                journal.close()

        self._run(work, self._on_exported)

    @Slot(object)
    def _on_exported(self, written: tuple[str, int]) -> None:
        self.exported.emit(*written)
