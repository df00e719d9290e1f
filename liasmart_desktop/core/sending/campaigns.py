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

The office rules are checked here too, for both front ends: numbers on the do-not-message list are
withheld every time a campaign is sent, resumed or resent; the spend guard refuses a run over the
balance or the daily limit before anything changes (``spend_guard.py``); a scheduled campaign is
stored with its time and nothing of it is sent before that time (``schedule.py``); quiet hours hold
promotional messages where they are claimed (``claims.py``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import getpass
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from liasmart_desktop.core.api.payloads import Balance
from liasmart_desktop.core.errors import CampaignError, CampaignProblem, JournalError, JournalProblem
from liasmart_desktop.core.optout import OptOutList
from liasmart_desktop.core.paths import LISTS_FILE_NAME, ensure_private_dir
from liasmart_desktop.core.sending.connection import Connect, ProviderClient
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
from liasmart_desktop.core.sending.prepare import PreparedCampaign, withhold_opted_out
from liasmart_desktop.core.sending.record_export import RecordWords, write_record
from liasmart_desktop.core.sending.records import (
    Campaign,
    CampaignSpec,
    Event,
    MessageRecord,
    NewMessage,
    Pacing,
    Route,
    SetAsideRow,
    Stop,
)
from liasmart_desktop.core.sending.report import Describe, ReportWording, export_report
from liasmart_desktop.core.sending.schedule import (
    ScheduleError,
    ScheduleProblem,
    check_send_time,
    from_utc_text,
    to_utc_text,
)
from liasmart_desktop.core.sending.session import SendingSession
from liasmart_desktop.core.sending.spend_guard import (
    NO_LIMITS,
    SpendCheck,
    SpendRules,
    check_spend,
    counted_day,
    day_bounds,
    enforce,
)
from liasmart_desktop.core.sending.states import CampaignStatus, MessageState, StopReason
from liasmart_desktop.core.sending.summaries import (
    CampaignOverview,
    LoadedCampaign,
    Progress,
    RunReport,
    RunResult,
)
from liasmart_desktop.core.sending.timeline import OutcomePoint, outcome_timeline
from liasmart_desktop.core.sending.trial_message import send_test_message
from liasmart_desktop.core.settings import check_pacing

DEFAULT_PACING = Pacing(DEFAULT_CONCURRENCY, DEFAULT_RATE_PER_S)
STATUS_PACING = Pacing(DEFAULT_STATUS_CONCURRENCY, DEFAULT_STATUS_RATE_PER_S)
ProgressCallback = Callable[[Progress], None]
#: While waiting for a scheduled campaign's time, its record is read again this often (a changed time counts).
SCHEDULE_CHECK_S = 15.0
_UNSENT = (MessageState.PENDING, MessageState.RETRY_WAIT)


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


def wait_a_while(control: SendControl, seconds: float) -> None:
    """Wait ``seconds`` for a scheduled campaign's time, waking early when asked to stop."""
    control.wait(seconds)


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


def check_refresh_reach(campaign: Campaign, reach: Reach) -> None:
    """Raise ``CampaignError`` unless the campaign's delivery statuses can be asked for through ``reach``:
    its own account, or the very simulator that took its messages (``Reach.sandbox_url``)."""
    if campaign.sandbox and (not reach.sandbox_url or reach.sandbox_url != campaign.base_url):
        raise CampaignError(CampaignProblem.SANDBOX_GONE, campaign=campaign.code, name=campaign.name)
    check_reach(campaign, reach, campaign.code)


@dataclass(frozen=True, slots=True)
class _Continue:
    """What ``resume`` and ``resend`` were asked for."""

    reach: Reach
    connect: Connect
    resend: MessageState | None
    pacing: Pacing | None
    fallback: Pacing
    spend: SpendRules
    at_once: bool
    control: SendControl
    on_progress: ProgressCallback | None


class CampaignService:
    """Every campaign operation on one journal file.

    Reading needs no lock (SQLite's WAL lets a reader see the last committed state); every change
    that can lead to a request holds the sender lock, and a second sender gets ``LockBusyError``.

    ``now`` (local time: days, schedules), ``wall`` (epoch seconds: retry times, quiet hours) and
    ``sleep`` (waiting for a scheduled time) are the clock; tests pass one of their own.
    """

    def __init__(
        self,
        journal_path: Path,
        *,
        engine_config: Callable[[Pacing], EngineConfig] = default_engine_config,
        now: Callable[[], datetime] = local_now,
        wall: Callable[[], float] = time.time,
        sleep: Callable[[SendControl, float], None] = wait_a_while,
        lists_path: Path | None = None,
    ) -> None:
        self.journal_path = journal_path
        self._engine_config = engine_config
        self._now = now
        self._wall = wall
        self._sleep = sleep
        self.optout = OptOutList(lists_path or journal_path.with_name(LISTS_FILE_NAME))

    # ------------------------------------------------------------------ reading

    @contextlib.contextmanager
    def _reading(self) -> Iterator[Journal]:
        """The journal, opened without creating it (``NO_CAMPAIGNS`` when there is none) or changing it."""
        with Journal.open(self.journal_path, create=False) as journal:
            yield journal

    @contextlib.contextmanager
    def _changing(self) -> Iterator[Journal]:
        """The journal, created (with its data folder) when there is none, for a change that sends
        nothing (storing a campaign for later); sending itself goes through ``SendingSession``."""
        ensure_private_dir(self.journal_path.parent)
        with Journal.open(self.journal_path) as journal:
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

    def timeline(self, ref: str) -> list[OutcomePoint]:
        """A campaign's outcomes over time (accepted, delivered, failed, unknown so far), for its chart."""
        with self._reading() as journal:
            return outcome_timeline(journal, journal.campaign(ref).id)

    def export_record(self, path: Path, words: RecordWords) -> int:
        """Write the record of who sent what (every campaign and its audit trail) as a workbook."""
        with self._reading() as journal:  # one opening for the campaigns and their trails
            overviews = [self._overview(journal, campaign) for campaign in journal.campaigns()]
            events = {overview.campaign.id: journal.events(overview.campaign.id) for overview in overviews}
        return write_record(path, overviews, events, words)

    def export(
        self,
        ref: str | None,
        path: Path,
        describe: Describe,
        *,
        xlsx: bool,
        wording: ReportWording | None = None,
    ) -> int:
        """Write a campaign's results (every row, sent or set aside) as XLSX or Excel-safe CSV.

        Without ``wording`` the machine report (the command line's); with it, the report for people.
        """
        with self._reading() as journal:
            return export_report(journal, journal.campaign(ref), path, describe, xlsx=xlsx, wording=wording)

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
        if ref is not None or resend is not None:
            campaign: Campaign | None = journal.campaign(ref)
        else:
            # A stopped or crashed campaign first; else the scheduled one whose time comes first.
            campaign = journal.newest_unfinished() or next(iter(journal.scheduled()), None)
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

    # ------------------------------------------------------------------ the office rules' checks

    def parts_sent_today(self, sandbox: bool, api_id: str, day: datetime | None = None) -> int:
        """Parts sent on ``day`` (today by default, local time) through this account or the sandbox."""
        if not self.journal_path.exists():
            return 0
        with self._reading() as journal:
            return journal.parts_sent_between(*day_bounds(day or self._now()), sandbox=sandbox, api_id=api_id)

    def spend_check(
        self,
        where: Campaign | CampaignSpec,
        parts: int,
        spend: SpendRules,
        balance: Balance | None = None,
        day: datetime | None = None,
    ) -> SpendCheck:
        """The spend guard's figures for a run of ``parts`` on ``day`` (today by default); raises nothing,
        changes nothing (front ends show it before asking; the run checks again)."""
        sent_today = (
            self.parts_sent_today(where.sandbox, where.api_id, day)
            if spend.daily_limit_parts is not None
            else 0
        )
        counted = counted_day(day, self._now())
        return check_spend(spend, parts, sent_today=sent_today, balance=balance, day=counted)

    def _spend(
        self,
        journal: Journal,
        where: Campaign | CampaignSpec,
        parts: int,
        spend: SpendRules,
        client: ProviderClient | None,
    ) -> SpendCheck:
        """The spend guard for a run of ``parts`` now (runs go today; a schedule is checked by
        ``spend_check``): raises ``SpendRefusedError`` before anything changes."""
        sent_today = (
            journal.parts_sent_between(*day_bounds(self._now()), sandbox=where.sandbox, api_id=where.api_id)
            if spend.daily_limit_parts is not None
            else 0
        )
        balance = client.check_balance() if client is not None and spend.price_per_part is not None else None
        return enforce(check_spend(spend, parts, sent_today=sent_today, balance=balance))

    def _screen(self, prepared: PreparedCampaign) -> PreparedCampaign:
        """``prepared`` with the numbers on the do-not-message list set aside (also those listed since
        the front end prepared it)."""
        return withhold_opted_out(prepared, self.optout.lookup(m.phone for m in prepared.messages))

    def withheld_count(self, ref: str, state: MessageState) -> int:
        """How many of a campaign's messages in ``state`` go to numbers now on the do-not-message list."""
        with self._reading() as journal:
            unsent = journal.unsent_numbers(journal.campaign(ref).id, (state,))
        listed = self.optout.lookup(phone for _, phone, _ in unsent)
        return sum(1 for _, phone, _ in unsent if phone in listed)

    # ------------------------------------------------------------------ sending (under the sender lock)

    def send(
        self,
        prepared: PreparedCampaign,
        reach: Reach,
        connect: Connect,
        *,
        pacing: Pacing,
        spend: SpendRules = NO_LIMITS,
        control: SendControl | None = None,
        on_progress: ProgressCallback | None = None,
        on_created: Callable[[LoadedCampaign], None] | None = None,
    ) -> RunReport:
        """Store the prepared campaign for the account or simulator ``reach`` gives, then send it.

        The spend guard and the do-not-message list are checked under the lock before it is stored.
        ``on_created`` sees the stored campaign with its messages before the first request leaves.
        """
        spec = self._spec_for(prepared.spec, reach, pacing)
        check_reach(spec, reach)
        check_pacing(pacing.concurrency, pacing.rate_per_s)
        with SendingSession(self.journal_path) as session:
            journal = session.journal
            prepared = self._screen(prepared)
            route = Route(spec.sandbox, spec.api_id, spec.base_url, pacing)
            with connect(route) as client:
                self._spend(journal, spec, prepared.total_segments, spend, client)
                campaign = journal.create_campaign(spec, prepared.messages, prepared.set_aside)
                if on_created is not None:
                    on_created(
                        LoadedCampaign(
                            campaign,
                            list(journal.messages(campaign.id, with_fields=False)),
                            journal.set_aside_rows(campaign.id),
                        )
                    )
                result = self._engine(journal, campaign, pacing, client, control, on_progress)
            return RunReport(journal.campaign(campaign.id), result, recovered=session.recovered)

    def _spec_for(self, spec: CampaignSpec, reach: Reach, pacing: Pacing) -> CampaignSpec:
        return dataclasses.replace(
            spec,
            api_id="" if spec.sandbox else reach.api_id,
            name=spec.name or default_name(spec.source_name, self._now()),
            pacing=pacing,
            created_by=spec.created_by or os_user(),
        )

    def schedule(
        self,
        prepared: PreparedCampaign,
        reach: Reach,
        connect: Connect,
        *,
        at: datetime,
        pacing: Pacing,
        spend: SpendRules = NO_LIMITS,
    ) -> Campaign:
        """Store the prepared campaign to be sent at ``at`` (aware, in the future); nothing is sent now.

        The spend guard is checked now as well (the daily limit against the parts already sent on that
        day), and again when it is sent. Its messages wait ``pending`` with the campaign ``scheduled``.
        """
        check_send_time(at, self._now())
        spec = dataclasses.replace(self._spec_for(prepared.spec, reach, pacing), scheduled_at=to_utc_text(at))
        check_reach(spec, reach)
        check_pacing(pacing.concurrency, pacing.rate_per_s)
        prepared = self._screen(prepared)
        route = Route(spec.sandbox, spec.api_id, spec.base_url, pacing)
        balance = None
        if spend.price_per_part is not None:
            with connect(route) as client:
                balance = client.check_balance()
        # Checked before the journal is touched: a refused schedule leaves no journal (the run checks again).
        enforce(self.spend_check(spec, prepared.total_segments, spend, balance, at))
        with self._changing() as journal:
            return journal.create_campaign(spec, prepared.messages, prepared.set_aside)

    def reschedule(self, ref: str, at: datetime) -> Campaign:
        """Move a scheduled campaign to ``at`` (aware, in the future)."""
        check_send_time(at, self._now())
        self.overview(ref)  # there is such a campaign (a journal is found, not made, to say there is none)
        with SendingSession(self.journal_path) as session:
            journal = session.journal
            campaign = journal.campaign(ref)
            if not journal.reschedule(campaign.id, to_utc_text(at), by=os_user()):
                raise ScheduleError(ScheduleProblem.NOT_SCHEDULED, text=campaign.code)
            return journal.campaign(campaign.id)

    def scheduled(self) -> list[CampaignOverview]:
        """Campaigns waiting for their time, soonest first."""
        if not self.journal_path.exists():
            return []
        with self._reading() as journal:
            return [self._overview(journal, campaign) for campaign in journal.scheduled()]

    def due(self) -> list[CampaignOverview]:
        """Scheduled campaigns whose time has come, soonest first."""
        if not self.journal_path.exists():
            return []
        with self._reading() as journal:
            return [
                self._overview(journal, campaign)
                for campaign in journal.scheduled(due_by=to_utc_text(self._now()))
            ]

    def _is_due(self, campaign: Campaign) -> bool:
        return campaign.scheduled_at is None or from_utc_text(campaign.scheduled_at) <= self._now()

    def _wait_until_due(self, code: str, control: SendControl) -> RunReport | None:
        """Wait for a scheduled campaign's time (``None`` then); a report that nothing was sent if asked to
        stop first. Its record is read again as it waits: a changed time or a cancel counts."""
        while True:
            overview = self.overview(code)
            campaign = overview.campaign
            if campaign.status is not CampaignStatus.SCHEDULED or self._is_due(campaign):
                return None
            if control.stopped or control.cancelled:
                result = RunResult(campaign.status, overview.counts, Stop(StopReason.USER_PAUSE))
                return RunReport(campaign, result)
            assert campaign.scheduled_at is not None  # a scheduled campaign always has its time
            left = (from_utc_text(campaign.scheduled_at) - self._now()).total_seconds()
            self._sleep(control, min(left, SCHEDULE_CHECK_S))

    def resume(
        self,
        ref: str | None,
        reach: Reach,
        connect: Connect,
        *,
        pacing: Pacing | None = None,
        fallback: Pacing = DEFAULT_PACING,
        spend: SpendRules = NO_LIMITS,
        at_once: bool = False,
        control: SendControl | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> RunReport | None:
        """Continue a stopped or crashed campaign, or send a scheduled one (the newest unfinished, else the
        next scheduled, when ``ref`` is ``None``).

        Messages a crash left in flight become ``unknown`` and are not sent again; messages waiting
        for a retry in a paused campaign go at once (the user decided it is time). A scheduled campaign
        is sent when its time comes (this waits for it) or at once with ``at_once``. Without ``pacing``
        the campaign continues at its own. ``None`` when there is nothing to resume.
        """
        run = _Continue(
            reach, connect, None, pacing, fallback, spend, at_once, control or SendControl(), on_progress
        )
        return self._continue(ref, run)

    def resend(
        self,
        ref: str,
        state: MessageState,
        reach: Reach,
        connect: Connect,
        *,
        pacing: Pacing | None = None,
        fallback: Pacing = DEFAULT_PACING,
        spend: SpendRules = NO_LIMITS,
        control: SendControl | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> RunReport:
        """The explicit, confirmed action: send ``unknown`` or ``rejected`` messages again as new attempts
        (never to a number now on the do-not-message list)."""
        run = _Continue(
            reach, connect, state, pacing, fallback, spend, True, control or SendControl(), on_progress
        )
        report = self._continue(ref, run)
        assert report is not None  # a named campaign is always found or raises
        return report

    def _continue(self, ref: str | None, run: _Continue) -> RunReport | None:
        # Every check first, without the lock and without changing anything.
        checked = self.check_run(ref, run.reach, resend=run.resend, pacing=run.pacing, fallback=run.fallback)
        if checked is None:
            return None
        code = checked.campaign.code
        while True:
            if not run.at_once:
                stopped = self._wait_until_due(code, run.control)
                if stopped is not None:
                    return stopped
            with SendingSession(self.journal_path) as session:
                # Checked again under the lock: another sender may have moved the campaign meanwhile.
                campaign = self._check_campaign(session.journal, code, run.reach, run.resend)
                assert campaign is not None  # found by its code above
                if run.at_once or self._is_due(campaign):
                    return self._go(session, campaign, run)
            # Its time was moved later while this waited: wait again, without the lock.

    def _go(self, session: SendingSession, campaign: Campaign, run: _Continue) -> RunReport:
        """Send what is left of ``campaign`` (or its ``resend`` messages again), holding the sender lock."""
        journal = session.journal
        resend, reach = run.resend, run.reach
        chosen = self._pacing(campaign, run.pacing, run.fallback)
        unsent = journal.unsent_numbers(campaign.id, (resend,) if resend is not None else _UNSENT)
        listed = self.optout.lookup(phone for _, phone, _ in unsent)
        withheld = [pk for pk, phone, _ in unsent if phone in listed]
        parts = sum(segments for _, phone, segments in unsent if phone not in listed)
        if resend is not None and len(withheld) == len(unsent):
            raise CampaignError(CampaignProblem.ALL_OPTED_OUT, campaign=campaign.code, name=campaign.name)
        sending = len(unsent) > len(withheld)
        route = Route(campaign.sandbox, campaign.api_id or reach.api_id, campaign.base_url, chosen)
        with contextlib.ExitStack() as stack:
            client = stack.enter_context(run.connect(route)) if sending else None
            self._spend(journal, campaign, parts, run.spend, client)
            # Every check has passed: the changes start here.
            adopted = (
                not campaign.sandbox
                and not campaign.api_id
                and journal.adopt_account(campaign.id, reach.api_id)
            )
            released = resent = 0
            if resend is not None:
                resent = journal.resend(campaign.id, resend, skip=withheld, by=os_user())
            else:
                journal.withhold(campaign.id, withheld)
                if campaign.status is CampaignStatus.PAUSED:
                    released = journal.release_waiting(campaign.id)
            campaign = journal.campaign(campaign.id)
            if client is None or journal.is_finished(campaign.id):
                # Only messages a crash left in flight (now unknown) or listed numbers were open.
                journal.set_status(campaign.id, CampaignStatus.FINISHED)
                result = RunResult(CampaignStatus.FINISHED, journal.counts(campaign.id))
            else:
                result = self._engine(journal, campaign, chosen, client, run.control, run.on_progress)
        return RunReport(
            journal.campaign(campaign.id),
            result,
            recovered=session.recovered,
            adopted=adopted,
            released=released,
            resent=resent,
            withheld=len(withheld),
        )

    def _engine(
        self,
        journal: Journal,
        campaign: Campaign,
        pacing: Pacing,
        client: ProviderClient,
        control: SendControl | None,
        on_progress: ProgressCallback | None,
    ) -> RunResult:
        engine = SendEngine(
            journal, client, self._engine_config(pacing), on_progress=on_progress, wall=self._wall
        )
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
            check_refresh_reach(campaign, reach)
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
        """Cancel a campaign that is not being sent (a scheduled one too): its unsent messages will never
        be sent. The audit trail records who cancelled it."""
        with SendingSession(self.journal_path) as session:
            journal = session.journal
            campaign = journal.campaign(ref)
            if campaign.status is CampaignStatus.CANCELLED:
                return 0
            count = journal.cancel_pending(campaign.id, by=os_user())
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
