"""Campaigns, owned once by the core: create and send, resume, resend, cancel, recover, history, reports.

The command line and the desktop app drive campaigns only through ``CampaignService``, so the two
cannot behave differently. Every operation that sends holds the journal's sender lock from its
first change to its last record; every check (the campaign's account and mode, its status, the
pacing) happens before anything changes, so a refused operation has changed nothing.

A campaign belongs to its account and mode: it records the API ID it goes through (never the
password) and whether it is a sandbox campaign. It is never sent through another account, a
sandbox campaign never leaves for a real provider and a real one never goes to the simulator. A
campaign written before accounts were recorded adopts the first account that resumes it
(``RunReport.adopted`` says so, once).
"""

from __future__ import annotations

import contextlib
import dataclasses
import getpass
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from liasmart_desktop.core.errors import CampaignError, CampaignProblem, JournalError, JournalProblem
from liasmart_desktop.core.sending.connection import Connect
from liasmart_desktop.core.sending.delivery import (
    DEFAULT_STATUS_CONCURRENCY,
    DEFAULT_STATUS_RATE_PER_S,
    RefreshSummary,
    refresh_delivery,
)
from liasmart_desktop.core.sending.engine import (
    DEFAULT_CONCURRENCY,
    DEFAULT_RATE_PER_S,
    EngineConfig,
    SendControl,
    SendEngine,
)
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.prepare import PreparedCampaign
from liasmart_desktop.core.sending.records import (
    Campaign,
    CampaignSpec,
    Event,
    MessageRecord,
    NewMessage,
    Pacing,
    Route,
    SetAsideRow,
)
from liasmart_desktop.core.sending.report import Describe, export_report
from liasmart_desktop.core.sending.session import SendingSession
from liasmart_desktop.core.sending.states import CampaignStatus, MessageState
from liasmart_desktop.core.sending.summaries import (
    CampaignOverview,
    LoadedCampaign,
    Progress,
    RunReport,
    RunResult,
)
from liasmart_desktop.core.sending.trial_message import send_test_message
from liasmart_desktop.core.settings import check_pacing

DEFAULT_PACING = Pacing(DEFAULT_CONCURRENCY, DEFAULT_RATE_PER_S)
STATUS_PACING = Pacing(DEFAULT_STATUS_CONCURRENCY, DEFAULT_STATUS_RATE_PER_S)
ProgressCallback = Callable[[Progress], None]


@dataclass(frozen=True, slots=True)
class Reach:
    """Where the front end can send right now: a real account (its API ID, "" when none can be used)
    and whether the simulator is available. The CLI reaches both; the app one or the other.

    ``sandbox_url`` is the address of a simulator that keeps running (the app's), "" when each
    connection starts a fresh one (the CLI's): only the simulator that accepted a message knows it.
    """

    api_id: str = ""
    sandbox: bool = False
    sandbox_url: str = ""


def os_user() -> str:
    """The operating-system user (who started a campaign), "" when the system does not say."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name and no password-database entry (a bare container)
        return ""


def default_name(source_name: str, created: datetime) -> str:
    """The list's file name and the date ("" for typed numbers: the front end words those)."""
    return f"{source_name} {created:%Y-%m-%d}" if source_name else ""


def local_now() -> datetime:
    """This computer's local time, with its zone."""
    return datetime.now().astimezone()


def default_engine_config(pacing: Pacing) -> EngineConfig:
    """The send engine's settings for a pacing (tests and benchmarks pass their own)."""
    return EngineConfig(concurrency=pacing.concurrency, rate_per_s=pacing.rate_per_s)


def check_reach(campaign: Campaign | CampaignSpec, reach: Reach, code: str = "") -> None:
    """Raise ``CampaignError`` unless the campaign can go out through what the front end reaches."""
    name = campaign.name
    if campaign.sandbox:
        if not reach.sandbox:
            raise CampaignError(CampaignProblem.NEEDS_SANDBOX, campaign=code, name=name)
        return
    if not reach.api_id:
        raise CampaignError(CampaignProblem.NEEDS_ACCOUNT, campaign=code, name=name, account=campaign.api_id)
    if campaign.api_id and campaign.api_id != reach.api_id:
        raise CampaignError(
            CampaignProblem.WRONG_ACCOUNT,
            campaign=code,
            name=name,
            account=campaign.api_id,
            current=reach.api_id,
        )


class CampaignService:
    """Every campaign operation on one journal file.

    Reading needs no lock (SQLite's WAL lets a reader see the last committed state); every change
    that can lead to a request holds the sender lock, and a second sender gets ``LockBusyError``.
    """

    def __init__(
        self,
        journal_path: Path,
        *,
        engine_config: Callable[[Pacing], EngineConfig] = default_engine_config,
        now: Callable[[], datetime] = local_now,
    ) -> None:
        self.journal_path = journal_path
        self._engine_config = engine_config
        self._now = now

    # ------------------------------------------------------------------ reading

    @contextlib.contextmanager
    def _reading(self) -> Iterator[Journal]:
        """The journal, opened without creating it (``NO_CAMPAIGNS`` when there is none) or changing it."""
        with Journal.open(self.journal_path, create=False) as journal:
            yield journal

    def history(self) -> list[CampaignOverview]:
        """Every campaign with its counts, newest first (none when nothing was ever sent)."""
        if not self.journal_path.exists():
            return []
        with self._reading() as journal:
            return [self._overview(journal, campaign) for campaign in journal.campaigns()]

    @staticmethod
    def _overview(journal: Journal, campaign: Campaign) -> CampaignOverview:
        return CampaignOverview(campaign, journal.counts(campaign.id), journal.set_aside_count(campaign.id))

    def overview(self, ref: str | None = None) -> CampaignOverview:
        """One campaign (the newest when ``ref`` is ``None``) with its counts."""
        with self._reading() as journal:
            return self._overview(journal, journal.campaign(ref))

    def load(self, ref: str | None = None, *, with_fields: bool = False) -> LoadedCampaign:
        """A campaign with its messages (source columns only when asked for) and its set-aside rows."""
        with self._reading() as journal:
            campaign = journal.campaign(ref)
            return LoadedCampaign(
                campaign,
                list(journal.messages(campaign.id, with_fields=with_fields)),
                journal.set_aside_rows(campaign.id),
            )

    def messages(self, ref: str) -> Iterator[MessageRecord]:
        """A campaign's messages one by one, in row order (memory stays flat for a large campaign)."""
        with self._reading() as journal:
            yield from journal.messages(journal.campaign(ref).id)

    def set_aside(self, ref: str) -> list[SetAsideRow]:
        """The rows of a campaign's list that got no message, with why, in row order."""
        with self._reading() as journal:
            return journal.set_aside_rows(journal.campaign(ref).id)

    def events(self, ref: str) -> list[Event]:
        """A campaign's audit trail, oldest first."""
        with self._reading() as journal:
            return journal.events(journal.campaign(ref).id)

    def unfinished(self) -> CampaignOverview | None:
        """The newest campaign that still has messages to send, or ``None``."""
        if not self.journal_path.exists():
            return None
        with self._reading() as journal:
            campaign = journal.newest_unfinished()
            return None if campaign is None else self._overview(journal, campaign)

    def same_list_before(self, spec: CampaignSpec) -> Campaign | None:
        """The newest campaign that sent this text to this list in the same mode, if any."""
        if not spec.source_fingerprint or not self.journal_path.exists():
            return None
        with self._reading() as journal:
            for earlier in journal.campaigns():
                if (earlier.source_fingerprint, earlier.template, earlier.sandbox) == (
                    spec.source_fingerprint,
                    spec.template,
                    spec.sandbox,
                ):
                    return earlier
        return None

    def export(self, ref: str | None, path: Path, describe: Describe, *, xlsx: bool) -> int:
        """Write a campaign's results (every row, sent or set aside) as XLSX or Excel-safe CSV."""
        with self._reading() as journal:
            return export_report(journal, journal.campaign(ref), path, describe, xlsx=xlsx)

    def rename(self, ref: str, name: str) -> Campaign:
        """Give a campaign the name people know it by."""
        with self._reading() as journal:
            campaign = journal.campaign(ref)
            journal.rename(campaign.id, name.strip())
            return journal.campaign(campaign.id)

    # ------------------------------------------------------------------ checking (nothing changes)

    def _pacing(self, campaign: Campaign, pacing: Pacing | None, fallback: Pacing) -> Pacing:
        chosen = pacing or campaign.pacing or fallback
        check_pacing(chosen.concurrency, chosen.rate_per_s)
        return chosen

    def _check_campaign(
        self, journal: Journal, ref: str | None, reach: Reach, resend: MessageState | None
    ) -> Campaign | None:
        """The campaign to run (``None``: nothing to resume), after every check that can refuse."""
        campaign = (
            journal.campaign(ref) if ref is not None or resend is not None else journal.newest_unfinished()
        )
        if campaign is None:
            return None
        if campaign.status is CampaignStatus.CANCELLED:
            raise CampaignError(CampaignProblem.CANCELLED, campaign=campaign.code, name=campaign.name)
        check_reach(campaign, reach, campaign.code)
        if resend is not None and not journal.counts(campaign.id)[resend]:
            raise JournalError(JournalProblem.NOTHING_TO_RESEND, subject=resend.value)
        return campaign

    def check_run(
        self,
        ref: str | None,
        reach: Reach,
        *,
        resend: MessageState | None = None,
        pacing: Pacing | None = None,
        fallback: Pacing = DEFAULT_PACING,
    ) -> CampaignOverview | None:
        """Everything ``resume``/``resend`` would check, changing nothing; the campaign it would send.

        Front ends call it before asking for a confirmation (a resend's count) or showing a refusal.
        """
        if ref is None and resend is None and not self.journal_path.exists():
            return None  # nothing was ever sent: nothing to resume
        with self._reading() as journal:
            campaign = self._check_campaign(journal, ref, reach, resend)
            if campaign is None:
                return None
            self._pacing(campaign, pacing, fallback)
            return self._overview(journal, campaign)

    # ------------------------------------------------------------------ sending (under the sender lock)

    def send(
        self,
        prepared: PreparedCampaign,
        reach: Reach,
        connect: Connect,
        *,
        pacing: Pacing,
        control: SendControl | None = None,
        on_progress: ProgressCallback | None = None,
        on_created: Callable[[LoadedCampaign], None] | None = None,
    ) -> RunReport:
        """Store the prepared campaign for the account or simulator ``reach`` gives, then send it.

        ``on_created`` sees the stored campaign with its messages before the first request leaves.
        """
        spec = self._spec_for(prepared.spec, reach, pacing)
        check_reach(spec, reach)
        check_pacing(pacing.concurrency, pacing.rate_per_s)
        with SendingSession(self.journal_path) as session:
            journal = session.journal
            campaign = journal.create_campaign(spec, prepared.messages, prepared.set_aside)
            if on_created is not None:
                on_created(
                    LoadedCampaign(
                        campaign,
                        list(journal.messages(campaign.id, with_fields=False)),
                        journal.set_aside_rows(campaign.id),
                    )
                )
            result = self._run(journal, campaign, pacing, connect, control, on_progress)
            return RunReport(journal.campaign(campaign.id), result, recovered=session.recovered)

    def _spec_for(self, spec: CampaignSpec, reach: Reach, pacing: Pacing) -> CampaignSpec:
        return dataclasses.replace(
            spec,
            api_id="" if spec.sandbox else reach.api_id,
            name=spec.name or default_name(spec.source_name, self._now()),
            pacing=pacing,
            created_by=spec.created_by or os_user(),
        )

    def resume(
        self,
        ref: str | None,
        reach: Reach,
        connect: Connect,
        *,
        pacing: Pacing | None = None,
        fallback: Pacing = DEFAULT_PACING,
        control: SendControl | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> RunReport | None:
        """Continue a stopped or crashed campaign (the newest unfinished one when ``ref`` is ``None``).

        Messages a crash left in flight become ``unknown`` and are not sent again; messages waiting
        for a retry in a paused campaign go at once (the user decided it is time). Without ``pacing``
        the campaign continues at its own. ``None`` when there is nothing to resume.
        """
        return self._continue(ref, reach, connect, None, pacing, fallback, control, on_progress)

    def resend(
        self,
        ref: str,
        state: MessageState,
        reach: Reach,
        connect: Connect,
        *,
        pacing: Pacing | None = None,
        fallback: Pacing = DEFAULT_PACING,
        control: SendControl | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> RunReport:
        """The explicit, confirmed action: send ``unknown`` or ``rejected`` messages again as new attempts."""
        report = self._continue(ref, reach, connect, state, pacing, fallback, control, on_progress)
        assert report is not None  # a named campaign is always found or raises
        return report

    def _continue(
        self,
        ref: str | None,
        reach: Reach,
        connect: Connect,
        resend: MessageState | None,
        pacing: Pacing | None,
        fallback: Pacing,
        control: SendControl | None,
        on_progress: ProgressCallback | None,
    ) -> RunReport | None:
        # Every check first, without the lock and without changing anything.
        checked = self.check_run(ref, reach, resend=resend, pacing=pacing, fallback=fallback)
        if checked is None:
            return None
        with SendingSession(self.journal_path) as session:
            journal = session.journal
            # Checked again under the lock: another sender may have moved the campaign meanwhile.
            campaign = self._check_campaign(journal, checked.campaign.code, reach, resend)
            assert campaign is not None  # found by its code above
            chosen = self._pacing(campaign, pacing, fallback)
            adopted = (
                not campaign.sandbox
                and not campaign.api_id
                and journal.adopt_account(campaign.id, reach.api_id)
            )
            released = resent = 0
            if resend is not None:
                resent = journal.resend(campaign.id, resend)
            elif campaign.status is CampaignStatus.PAUSED:
                released = journal.release_waiting(campaign.id)
            campaign = journal.campaign(campaign.id)
            if journal.is_finished(campaign.id):
                # Only messages a crash left in flight were open: they are unknown now, nothing to send.
                journal.set_status(campaign.id, CampaignStatus.FINISHED)
                result = RunResult(CampaignStatus.FINISHED, journal.counts(campaign.id))
            else:
                result = self._run(journal, campaign, chosen, connect, control, on_progress)
            return RunReport(
                journal.campaign(campaign.id),
                result,
                recovered=session.recovered,
                adopted=adopted,
                released=released,
                resent=resent,
            )

    def _run(
        self,
        journal: Journal,
        campaign: Campaign,
        pacing: Pacing,
        connect: Connect,
        control: SendControl | None,
        on_progress: ProgressCallback | None,
    ) -> RunResult:
        route = Route(campaign.sandbox, campaign.api_id, campaign.base_url, pacing)
        with connect(route) as sender:
            engine = SendEngine(journal, sender, self._engine_config(pacing), on_progress=on_progress)
            return engine.run(campaign, control)

    def refresh(
        self,
        ref: str | None,
        reach: Reach,
        connect: Connect,
        *,
        should_stop: Callable[[], bool] = lambda: False,
    ) -> RefreshSummary:
        """Ask the provider for the delivery status of a campaign's accepted messages not final yet.

        Only where the messages went knows them: the campaign's account, or the very simulator that
        took them (``Reach.sandbox_url``).
        """
        with self._reading() as journal:
            campaign = journal.campaign(ref)
            if campaign.sandbox and (not reach.sandbox_url or reach.sandbox_url != campaign.base_url):
                raise CampaignError(CampaignProblem.SANDBOX_GONE, campaign=campaign.code, name=campaign.name)
            check_reach(campaign, reach, campaign.code)
            route = Route(campaign.sandbox, campaign.api_id, campaign.base_url, STATUS_PACING)
            with connect(route) as client:
                return refresh_delivery(
                    journal,
                    campaign,
                    client,
                    rate_per_s=STATUS_PACING.rate_per_s,
                    concurrency=STATUS_PACING.concurrency,
                    should_stop=should_stop,
                )

    def cancel(self, ref: str) -> int:
        """Cancel a campaign that is not being sent: its unsent messages will never be sent."""
        with SendingSession(self.journal_path) as session:
            journal = session.journal
            campaign = journal.campaign(ref)
            if campaign.status is CampaignStatus.CANCELLED:
                return 0
            count = journal.cancel_pending(campaign.id)
            journal.set_status(campaign.id, CampaignStatus.CANCELLED)
            return count

    def recover(self) -> int:
        """After a crash: messages left in flight become ``unknown``; returns how many (takes the lock)."""
        with SendingSession(self.journal_path) as session:
            return session.recovered

    def send_test(
        self, prepared: PreparedCampaign, message: NewMessage, reach: Reach, connect: Connect
    ) -> MessageRecord:
        """Send one message of a campaign under review to the user's own number (see ``trial_message``)."""
        spec = self._spec_for(prepared.spec, reach, DEFAULT_PACING)
        check_reach(spec, reach)
        return send_test_message(self.journal_path, spec, message, connect)
