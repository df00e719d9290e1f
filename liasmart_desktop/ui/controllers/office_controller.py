"""The office rules behind the window: the do-not-message list, saved templates, the spend guard's figures,
scheduled campaigns and the record of who sent what.

Every rule is the core's (``core/optout.py``, ``core/templates.py``, ``CampaignService``); this controller
only runs their calls off the GUI thread and hands the answers to the caller's callbacks. Views never
open the lists file or the journal themselves.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from liasmart_desktop.core.importing import ImportOptions, import_file
from liasmart_desktop.core.optout import Change, ListImport, OptOutEntry
from liasmart_desktop.core.sending.campaigns import CampaignService, os_user
from liasmart_desktop.core.sending.prepare import PreparedCampaign
from liasmart_desktop.core.sending.record_export import RecordWords
from liasmart_desktop.core.sending.records import Campaign, Event, Pacing
from liasmart_desktop.core.sending.spend_guard import SpendRules
from liasmart_desktop.core.sending.summaries import CampaignOverview
from liasmart_desktop.core.sending.timeline import OutcomePoint
from liasmart_desktop.core.templates import SavedTemplate, TemplateBook
from liasmart_desktop.ui import countries
from liasmart_desktop.ui.controllers.account_controller import AccountController
from liasmart_desktop.ui.services import AppServices
from liasmart_desktop.ui.workers.task_runner import TaskContext

T = TypeVar("T")
OnFailed = Callable[[BaseException], None]


@dataclass(frozen=True, slots=True)
class CampaignRecord:
    """One campaign as its record shows it: the campaign with its counts, its audit trail, its outcomes."""

    overview: CampaignOverview
    events: list[Event]
    timeline: list[OutcomePoint]


class OfficeController(QObject):
    """Runs the office rules' work off the GUI thread; answers go to the caller's callbacks.

    Signals:
        optout_changed(): the do-not-message list changed (open lists refresh).
        templates_changed(): the saved templates changed (the compose form's picker refreshes).
        scheduled_changed(): a campaign was scheduled, moved or cancelled (History refreshes).
    """

    optout_changed = Signal()
    templates_changed = Signal()
    scheduled_changed = Signal()

    def __init__(
        self,
        services: AppServices,
        account: AccountController,
        service: CampaignService,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._account = account
        self._service = service
        self._templates = TemplateBook(services.paths.lists_file)

    def _run(
        self, work: Callable[[], T], owner: QObject, on_done: Callable[[T], None], on_failed: OnFailed
    ) -> None:
        def task(_ctx: TaskContext) -> T:
            return work()

        self._services.tasks.run(task, on_done, on_failed, owner=owner)

    def _then(self, signal: Any, on_done: Callable[[T], None]) -> Callable[[T], None]:
        """``on_done`` after telling every listener (``signal``) that something changed."""

        def done(value: T) -> None:
            signal.emit()
            on_done(value)

        return done

    # ------------------------------------------------------------------ the do-not-message list

    def optout_entries(
        self, owner: QObject, on_done: Callable[[list[OptOutEntry]], None], on_failed: OnFailed
    ) -> None:
        """Every listed number, most recently added first."""
        self._run(self._service.optout.entries, owner, on_done, on_failed)

    def add_optout(
        self,
        numbers: list[str],
        reason: str,
        owner: QObject,
        on_done: Callable[[Change], None],
        on_failed: OnFailed,
    ) -> None:
        """Add typed numbers (read with the default country); one that is not a number changes nothing."""
        country = self._services.settings.default_country or None
        homes, optout = countries.home_regions(), self._service.optout

        def work() -> Change:
            return optout.add(numbers, reason, country=country, home_regions=homes, by=os_user())

        self._run(work, owner, self._then(self.optout_changed, on_done), on_failed)

    def add_optout_phones(
        self,
        phones: Iterable[str],
        reason: str,
        owner: QObject,
        on_done: Callable[[Change], None],
        on_failed: OnFailed,
    ) -> None:
        """Add numbers already read (country code + number): the rows of a campaign's results."""
        wanted, optout = list(phones), self._service.optout

        def work() -> Change:
            return optout.add_phones(wanted, reason, by=os_user())

        self._run(work, owner, self._then(self.optout_changed, on_done), on_failed)

    def remove_optout(
        self, phones: Iterable[str], owner: QObject, on_done: Callable[[Change], None], on_failed: OnFailed
    ) -> None:
        """Take listed numbers (country code + number) off the list."""
        wanted, optout = ["+" + phone for phone in phones], self._service.optout

        def work() -> Change:
            return optout.remove(wanted)

        self._run(work, owner, self._then(self.optout_changed, on_done), on_failed)

    def import_optout(
        self, path: Path, owner: QObject, on_done: Callable[[ListImport], None], on_failed: OnFailed
    ) -> None:
        """Add every number of a spreadsheet (the importer finds the phone column)."""
        options = ImportOptions(country=self._services.settings.default_country or None)
        optout = self._service.optout

        def work() -> ListImport:
            return optout.import_report(import_file(path, options), path.name, by=os_user())

        self._run(work, owner, self._then(self.optout_changed, on_done), on_failed)

    def export_optout(
        self,
        path: Path,
        headings: tuple[str, ...],
        sheet_title: str,
        owner: QObject,
        on_done: Callable[[int], None],
        on_failed: OnFailed,
    ) -> None:
        """Write the list as ``.xlsx`` (or Excel-safe ``.csv`` by its extension)."""
        optout = self._service.optout

        def work() -> int:
            return optout.export(path, headings, xlsx=path.suffix.lower() != ".csv", sheet_title=sheet_title)

        self._run(work, owner, on_done, on_failed)

    # ------------------------------------------------------------------ templates

    def templates(
        self, owner: QObject, on_done: Callable[[list[SavedTemplate]], None], on_failed: OnFailed
    ) -> None:
        """Every saved template, by name."""
        self._run(self._templates.all, owner, on_done, on_failed)

    def save_template(
        self,
        template: SavedTemplate,
        owner: QObject,
        on_done: Callable[[SavedTemplate], None],
        on_failed: OnFailed,
    ) -> None:
        """Save a template (replacing one of the same name)."""
        book = self._templates

        def work() -> SavedTemplate:
            return book.save(template, by=os_user())

        self._run(work, owner, self._then(self.templates_changed, on_done), on_failed)

    def rename_template(
        self,
        old: str,
        new: str,
        owner: QObject,
        on_done: Callable[[SavedTemplate], None],
        on_failed: OnFailed,
    ) -> None:
        """Give a template another name."""
        book = self._templates

        def work() -> SavedTemplate:
            return book.rename(old, new, by=os_user())

        self._run(work, owner, self._then(self.templates_changed, on_done), on_failed)

    def delete_template(
        self, name: str, owner: QObject, on_done: Callable[[None], None], on_failed: OnFailed
    ) -> None:
        """Delete a template."""
        book = self._templates

        def work() -> None:
            book.delete(name)

        self._run(work, owner, self._then(self.templates_changed, on_done), on_failed)

    # ------------------------------------------------------------------ the spend guard

    def spend_rules(self) -> SpendRules:
        """The saved price per part, currency and daily limit."""
        settings = self._services.settings
        return SpendRules(settings.price_per_part, settings.currency, settings.daily_limit_parts)

    def parts_sent_on(
        self, day: datetime | None, owner: QObject, on_done: Callable[[int], None], on_failed: OnFailed
    ) -> None:
        """Parts sent on ``day`` (today when ``None``) through the current account, or in the sandbox."""
        reach, service = self._account.reach(), self._service

        def work() -> int:
            return service.parts_sent_today(reach.sandbox, reach.api_id, day)

        self._run(work, owner, on_done, on_failed)

    # ------------------------------------------------------------------ scheduled campaigns

    def pacing(self) -> Pacing:
        """The pacing new campaigns get (from the settings)."""
        settings = self._services.settings
        return Pacing(settings.concurrency, settings.rate_per_second)

    def schedule(
        self,
        prepared: PreparedCampaign,
        at: datetime,
        owner: QObject,
        on_done: Callable[[Campaign], None],
        on_failed: OnFailed,
        name: str = "",
    ) -> None:
        """Store the campaign to be sent at ``at``; nothing is sent now (the spend guard checks it)."""
        if name:
            prepared = dataclasses.replace(prepared, spec=dataclasses.replace(prepared.spec, name=name))
        service, reach, connect = self._service, self._account.reach(), self._account.open_connection
        pacing, rules = self.pacing(), self.spend_rules()

        def work() -> Campaign:
            return service.schedule(prepared, reach, connect, at=at, pacing=pacing, spend=rules)

        self._run(work, owner, self._then(self.scheduled_changed, on_done), on_failed)

    def reschedule(
        self,
        code: str,
        at: datetime,
        owner: QObject,
        on_done: Callable[[Campaign], None],
        on_failed: OnFailed,
    ) -> None:
        """Move a scheduled campaign to ``at``."""
        work = functools.partial(self._service.reschedule, code, at)
        self._run(work, owner, self._then(self.scheduled_changed, on_done), on_failed)

    def cancel(self, code: str, owner: QObject, on_done: Callable[[int], None], on_failed: OnFailed) -> None:
        """Cancel a campaign that is not being sent (a scheduled one too)."""
        work = functools.partial(self._service.cancel, code)
        self._run(work, owner, self._then(self.scheduled_changed, on_done), on_failed)

    def due(
        self, owner: QObject, on_done: Callable[[list[CampaignOverview]], None], on_failed: OnFailed
    ) -> None:
        """Scheduled campaigns whose time has come, soonest first."""
        self._run(self._service.due, owner, on_done, on_failed)

    # ------------------------------------------------------------------ the record of who sent what

    def record(
        self, code: str, owner: QObject, on_done: Callable[[CampaignRecord], None], on_failed: OnFailed
    ) -> None:
        """A campaign with its audit trail and its outcomes over time."""
        service = self._service

        def work() -> CampaignRecord:
            return CampaignRecord(service.overview(code), service.events(code), service.timeline(code))

        self._run(work, owner, on_done, on_failed)

    def export_record(
        self,
        path: Path,
        words: RecordWords,
        owner: QObject,
        on_done: Callable[[int], None],
        on_failed: OnFailed,
    ) -> None:
        """Write every campaign and its audit trail as a workbook."""
        self._run(functools.partial(self._service.export_record, path, words), owner, on_done, on_failed)
