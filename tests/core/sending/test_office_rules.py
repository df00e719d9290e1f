"""The office rules in the campaign service, for both front ends: the do-not-message list on every send,
resume and resend; the spend guard before anything changes; scheduled campaigns that wait for their
time; quiet hours held where messages are claimed; the record of who sent what.

A refusal is checked to have changed nothing (messages, campaigns, events) and sent nothing; the
provider's requests are the proof of what left.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import httpx
import openpyxl
import pytest

from liasmart_desktop.core.errors import CampaignError, CampaignProblem, ConfigError
from liasmart_desktop.core.exports import Cell
from liasmart_desktop.core.importing import parse_pasted_numbers
from liasmart_desktop.core.optout import OptOutList
from liasmart_desktop.core.sending.campaigns import CampaignService, os_user, wait_a_while
from liasmart_desktop.core.sending.engine import SendControl
from liasmart_desktop.core.sending.journal import REASON_OPTED_OUT, Journal
from liasmart_desktop.core.sending.prepare import PreparedCampaign, prepare_campaign
from liasmart_desktop.core.sending.record_export import CAMPAIGN_COLUMNS, EVENT_COLUMNS, RecordWords
from liasmart_desktop.core.sending.records import Campaign, Event
from liasmart_desktop.core.sending.schedule import ScheduleError, ScheduleProblem, from_utc_text
from liasmart_desktop.core.sending.spend_guard import SpendProblem, SpendRefusedError, SpendRules
from liasmart_desktop.core.sending.states import (
    CampaignStatus,
    EventKind,
    MessageState,
    SetAsideStatus,
    StopReason,
)
from liasmart_desktop.core.sending.summaries import Progress
from liasmart_desktop.core.sending.timeline import OutcomePoint, outcome_timeline
from tests.core.sending.conftest import MockProvider
from tests.core.sending.test_campaigns import API_ID, PACING, REAL, SANDBOX, Recorder, snapshot, stored
from tests.helpers.journal_states import settle

NUMBERS = ["8613900000000", "8613900000001", "8613900000002"]


@dataclass
class Provider(MockProvider):
    """The mock provider, answering balance queries too (and counting them)."""

    balance: str = "100.00"
    balance_checks: int = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/CheckBalance"):
            self.balance_checks += 1
            return httpx.Response(200, json={"BalanceAmount": self.balance, "CurrenceCode": "USD"})
        return super().__call__(request)

    def phones(self) -> list[str]:
        return [request["phonenumber"] for request in self.requests]


@dataclass
class Clock:
    """A clock the test moves: local time for days and schedules, epoch seconds for the engine."""

    # Today: the journal stamps messages with the computer's clock, and "sent today" counts by it.
    moment: datetime = field(default_factory=lambda: datetime.now().astimezone().replace(microsecond=0))
    sleeps: list[float] = field(default_factory=list)

    def now(self) -> datetime:
        return self.moment

    def wall(self) -> float:
        return self.moment.timestamp()

    def advance(self, seconds: float) -> None:
        self.moment += timedelta(seconds=seconds)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "journal.sqlite3"


@pytest.fixture
def provider() -> Provider:
    return Provider()


@pytest.fixture
def recorder(provider: Provider) -> Recorder:
    return Recorder(provider)


@pytest.fixture
def clock() -> Clock:
    return Clock()


def make_service(path: Path, recorder: Recorder, clock: Clock, **options: object) -> CampaignService:
    def sleep(_control: SendControl, seconds: float) -> None:
        clock.sleeps.append(seconds)
        clock.advance(seconds)

    defaults: dict[str, object] = {"now": clock.now, "wall": clock.wall, "sleep": sleep}
    return CampaignService(path, engine_config=recorder.config, **{**defaults, **options})  # type: ignore[arg-type]


@pytest.fixture
def service(path: Path, recorder: Recorder, clock: Clock) -> CampaignService:
    return make_service(path, recorder, clock)


def prepared(
    sms_type: str = "P", quiet_hours: str = "", *, sandbox: bool = False, text: str = "Hello"
) -> PreparedCampaign:
    return prepare_campaign(
        parse_pasted_numbers("\n".join("+" + n for n in NUMBERS), None),
        text,
        sender_id="LIASMART",
        sms_type=sms_type,
        source_name="list.xlsx",
        source_fingerprint="f1",
        sandbox=sandbox,
        base_url="" if sandbox else "https://api.example/api",
        quiet_hours=quiet_hours,
        template_name="Greeting",
    )


# ---------------------------------------------------------------------------------------- opt-out


def test_a_number_listed_after_the_review_is_set_aside_at_send(
    service: CampaignService, provider: Provider
) -> None:
    ready = prepared()
    service.optout.add([NUMBERS[1]], "asked by phone")
    report = service.send(ready, REAL, Recorder(provider).connect, pacing=PACING)
    assert sorted(provider.phones()) == [NUMBERS[0], NUMBERS[2]]
    [row] = service.set_aside(report.campaign.code)
    assert (row.row, row.status, row.reason_data["reason"]) == (2, SetAsideStatus.OPTED_OUT, "asked by phone")
    assert report.campaign.template_name == "Greeting"


def test_prepare_sets_listed_rows_aside_with_when_and_why(tmp_path: Path) -> None:
    optout = OptOutList(tmp_path / "lists.sqlite3")
    optout.add(["+" + NUMBERS[0]], "complained")
    report = parse_pasted_numbers("\n".join("+" + n for n in NUMBERS), None)
    ready = prepare_campaign(report, "Hi", sender_id="LIA", sms_type="P", opted_out=optout.lookup(NUMBERS))
    assert [m.phone for m in ready.messages] == NUMBERS[1:]
    [row] = ready.set_aside
    assert (row.row, row.original, row.status) == (1, "+" + NUMBERS[0], SetAsideStatus.OPTED_OUT)
    assert row.reason_data["reason"] == "complained"


def test_resume_withholds_numbers_listed_since_the_campaign_was_created(
    service: CampaignService, path: Path, recorder: Recorder, provider: Provider
) -> None:
    code = stored(path, 3)
    service.optout.add(["+8613900000101"], "stop")
    report = service.resume(code, REAL, recorder.connect)
    assert report is not None
    assert report.withheld == 1
    assert "8613900000101" not in provider.phones()
    assert len(provider.phones()) == 2
    with Journal.open(path) as journal:
        held = [m for m in journal.messages(journal.campaign(code).id) if m.phone == "8613900000101"]
        assert [(m.state, m.reason) for m in held] == [(MessageState.CANCELLED, REASON_OPTED_OUT)]
        events = journal.events(journal.campaign(code).id)
    assert (EventKind.WITHHELD, {"count": 1}) in [(e.kind, dict(e.data)) for e in events]


def test_a_campaign_whose_every_open_number_is_listed_finishes_without_connecting(
    service: CampaignService, path: Path, recorder: Recorder
) -> None:
    code = stored(path, 2)
    service.optout.add(["+8613900000100", "+8613900000101"])
    report = service.resume(code, REAL, recorder.connect)
    assert report is not None
    assert report.result.status is CampaignStatus.FINISHED
    assert report.result.counts[MessageState.CANCELLED] == 2
    assert recorder.routes == []


def test_resend_never_sends_to_a_listed_number(
    service: CampaignService, path: Path, recorder: Recorder, provider: Provider
) -> None:
    code = stored(path, 3)
    with Journal.open(path) as journal:
        settle(journal, journal.campaign(code), [MessageState.UNKNOWN] * 3)
    service.optout.add(["+8613900000100"])
    assert service.withheld_count(code, MessageState.UNKNOWN) == 1
    report = service.resend(code, MessageState.UNKNOWN, REAL, recorder.connect)
    assert (report.resent, report.withheld) == (2, 1)
    assert sorted(provider.phones()) == ["8613900000101", "8613900000102"]
    overview = service.overview(code)
    assert overview.counts[MessageState.UNKNOWN] == 1  # the listed number keeps its state
    resend = next(e for e in service.events(code) if e.kind is EventKind.RESEND)
    assert dict(resend.data) == {"count": 2, "state": "unknown", "by": os_user(), "withheld": 1}


def test_a_resend_to_listed_numbers_only_changes_and_sends_nothing(
    service: CampaignService, path: Path, recorder: Recorder, provider: Provider
) -> None:
    code = stored(path, 2)
    with Journal.open(path) as journal:
        settle(journal, journal.campaign(code), [MessageState.REJECTED, MessageState.ACCEPTED])
    service.optout.add(["+8613900000100"])
    before = snapshot(path)
    with pytest.raises(CampaignError) as refused:
        service.resend(code, MessageState.REJECTED, REAL, recorder.connect)
    assert refused.value.code is CampaignProblem.ALL_OPTED_OUT
    assert snapshot(path) == before
    assert provider.requests == []


# ---------------------------------------------------------------------------------------- spend guard

PRICED = SpendRules(price_per_part=Decimal("1.00"), currency="USD")


def test_a_send_over_the_balance_stores_and_sends_nothing(
    service: CampaignService, path: Path, recorder: Recorder, provider: Provider
) -> None:
    provider.balance = "2.00"
    with pytest.raises(SpendRefusedError) as refused:
        service.send(prepared(), REAL, recorder.connect, pacing=PACING, spend=PRICED)
    check = refused.value.check
    assert (refused.value.code, check.parts, check.cost, check.balance and check.balance.amount) == (
        SpendProblem.OVER_BALANCE,
        3,
        Decimal("3.00"),
        Decimal("2.00"),
    )
    assert service.history() == []
    assert (provider.requests, provider.balance_checks) == ([], 1)


def test_a_send_within_the_balance_goes(
    service: CampaignService, recorder: Recorder, provider: Provider
) -> None:
    provider.balance = "3.00"
    report = service.send(prepared(), REAL, recorder.connect, pacing=PACING, spend=PRICED)
    assert report.result.counts[MessageState.ACCEPTED] == 3
    assert provider.balance_checks == 1


def test_without_a_price_the_balance_is_not_asked(
    service: CampaignService, recorder: Recorder, provider: Provider
) -> None:
    service.send(prepared(), REAL, recorder.connect, pacing=PACING, spend=SpendRules(daily_limit_parts=10))
    assert provider.balance_checks == 0


def test_the_daily_limit_counts_parts_already_sent_today_through_the_same_account(
    service: CampaignService, recorder: Recorder, provider: Provider, clock: Clock
) -> None:
    limit = SpendRules(daily_limit_parts=5)
    assert service.parts_sent_today(False, API_ID) == 0  # no journal yet
    service.send(prepared(), REAL, recorder.connect, pacing=PACING, spend=limit)
    service.send(prepared(sandbox=True), SANDBOX, recorder.connect, pacing=PACING, spend=limit)
    assert service.parts_sent_today(False, API_ID) == 3  # the sandbox's practice does not count
    assert service.parts_sent_today(True, "") == 3
    with pytest.raises(SpendRefusedError) as refused:
        service.send(prepared(), REAL, recorder.connect, pacing=PACING, spend=limit)
    check = refused.value.check
    assert (refused.value.code, check.sent_today, check.parts, check.daily_limit_parts) == (
        SpendProblem.OVER_DAILY_LIMIT,
        3,
        3,
        5,
    )
    assert len(provider.requests) == 6
    assert len(service.history()) == 2


def test_a_resend_over_the_daily_limit_queues_nothing(
    service: CampaignService, path: Path, recorder: Recorder, provider: Provider
) -> None:
    service.send(prepared(), REAL, recorder.connect, pacing=PACING)
    code = stored(path, 3)
    with Journal.open(path) as journal:
        settle(journal, journal.campaign(code), [MessageState.UNKNOWN] * 3, now=time.time())
    before = snapshot(path)
    with pytest.raises(SpendRefusedError):
        service.resend(
            code, MessageState.UNKNOWN, REAL, recorder.connect, spend=SpendRules(daily_limit_parts=8)
        )
    assert snapshot(path) == before
    assert len(provider.requests) == 3


# ---------------------------------------------------------------------------------------- scheduling


def test_a_scheduled_campaign_is_stored_and_nothing_is_sent(
    service: CampaignService, recorder: Recorder, provider: Provider, clock: Clock
) -> None:
    at = clock.moment + timedelta(hours=2)
    campaign = service.schedule(prepared(), REAL, recorder.connect, at=at, pacing=PACING)
    assert campaign.status is CampaignStatus.SCHEDULED
    assert campaign.scheduled_at is not None
    assert from_utc_text(campaign.scheduled_at) == at
    assert provider.requests == []
    assert recorder.routes == []  # no price: nobody was asked for a balance
    assert [o.campaign.code for o in service.scheduled()] == [campaign.code]
    assert service.due() == []
    assert service.unfinished() is None  # waiting for its time is not unfinished
    [created, scheduled] = service.events(campaign.code)
    assert (created.kind, scheduled.kind) == (EventKind.CREATED, EventKind.SCHEDULED)
    assert dict(scheduled.data) == {"at": campaign.scheduled_at, "by": os_user()}
    clock.advance(2 * 3600)
    assert [o.campaign.code for o in service.due()] == [campaign.code]


def test_the_real_wait_wakes_when_asked_to_stop() -> None:
    control = SendControl()
    threading.Timer(0.05, control.stop).start()
    started = time.monotonic()
    wait_a_while(control, 30)
    assert time.monotonic() - started < 10


def test_a_schedule_in_the_past_stores_nothing(
    service: CampaignService, path: Path, recorder: Recorder, clock: Clock
) -> None:
    with pytest.raises(ScheduleError) as refused:
        service.schedule(prepared(), REAL, recorder.connect, at=clock.moment, pacing=PACING)
    assert refused.value.code is ScheduleProblem.IN_THE_PAST
    assert not path.exists()
    assert service.scheduled() == []


def test_the_spend_guard_also_refuses_a_schedule(
    service: CampaignService, recorder: Recorder, provider: Provider, clock: Clock
) -> None:
    provider.balance = "1.00"
    at = clock.moment + timedelta(days=1)
    with pytest.raises(SpendRefusedError):
        service.schedule(prepared(), REAL, recorder.connect, at=at, pacing=PACING, spend=PRICED)
    assert not service.journal_path.exists()  # refused before anything was made
    # The daily limit counts the parts of the day it is scheduled for (none were sent tomorrow).
    service.send(prepared(), REAL, recorder.connect, pacing=PACING)
    limit = SpendRules(daily_limit_parts=4)
    service.schedule(prepared(), REAL, recorder.connect, at=at, pacing=PACING, spend=limit)
    with pytest.raises(SpendRefusedError):
        service.schedule(
            prepared(),
            REAL,
            recorder.connect,
            at=clock.moment + timedelta(minutes=5),
            pacing=PACING,
            spend=limit,
        )


def test_resume_waits_for_the_time_then_sends_everything(
    service: CampaignService, recorder: Recorder, provider: Provider, clock: Clock
) -> None:
    at = clock.moment + timedelta(minutes=3)
    code = service.schedule(prepared(), REAL, recorder.connect, at=at, pacing=PACING).code

    def sleep(_control: SendControl, seconds: float) -> None:
        assert provider.requests == []  # nothing leaves while it waits
        clock.sleeps.append(seconds)
        clock.advance(seconds)

    waiting = make_service(service.journal_path, recorder, clock, sleep=sleep)
    report = waiting.resume(code, REAL, recorder.connect)
    assert report is not None
    assert clock.moment >= at
    assert sum(clock.sleeps) == pytest.approx(3 * 60)
    assert max(clock.sleeps) <= 15  # looks at the campaign again every few seconds
    assert report.result.status is CampaignStatus.FINISHED
    assert sorted(provider.phones()) == NUMBERS


def test_resume_at_once_sends_a_scheduled_campaign_now(
    service: CampaignService, recorder: Recorder, provider: Provider, clock: Clock
) -> None:
    code = service.schedule(
        prepared(), REAL, recorder.connect, at=clock.moment + timedelta(days=3), pacing=PACING
    ).code
    report = service.resume(code, REAL, recorder.connect, at_once=True)
    assert report is not None
    assert clock.sleeps == []
    assert len(provider.requests) == 3


def test_stopping_while_waiting_sends_and_changes_nothing(
    service: CampaignService, path: Path, recorder: Recorder, provider: Provider, clock: Clock
) -> None:
    code = service.schedule(
        prepared(), REAL, recorder.connect, at=clock.moment + timedelta(hours=1), pacing=PACING
    ).code
    control = SendControl()

    def sleep(_control: SendControl, seconds: float) -> None:
        clock.advance(seconds)
        control.stop()  # Ctrl-C while waiting

    before = snapshot(path)
    report = make_service(path, recorder, clock, sleep=sleep).resume(
        code, REAL, recorder.connect, control=control
    )
    assert report is not None
    assert report.result.status is CampaignStatus.SCHEDULED
    assert report.result.stop is not None
    assert report.result.stop.reason is StopReason.USER_PAUSE
    assert snapshot(path) == before
    assert provider.requests == []


def test_a_time_changed_while_waiting_is_waited_for(
    service: CampaignService, path: Path, recorder: Recorder, provider: Provider, clock: Clock
) -> None:
    first = clock.moment + timedelta(minutes=2)
    code = service.schedule(prepared(), REAL, recorder.connect, at=first, pacing=PACING).code
    later = clock.moment + timedelta(minutes=5)

    def sleep(_control: SendControl, seconds: float) -> None:
        if not any(e.kind is EventKind.RESCHEDULED for e in service.events(code)):
            service.reschedule(code, later)
        assert provider.requests == []
        clock.advance(seconds)

    make_service(path, recorder, clock, sleep=sleep).resume(code, REAL, recorder.connect)
    assert clock.moment >= later
    assert len(provider.requests) == 3
    moved = next(e for e in service.events(code) if e.kind is EventKind.RESCHEDULED)
    assert moved.data["by"] == os_user()
    assert from_utc_text(moved.data["was"]) == first
    assert from_utc_text(moved.data["at"]) == later


def test_a_campaign_not_due_under_the_lock_is_waited_for_again(
    path: Path, recorder: Recorder, provider: Provider, clock: Clock
) -> None:
    at = clock.moment + timedelta(minutes=5)
    readings = iter([at, at - timedelta(seconds=1)])  # the clock set back between the wait and the lock

    def now() -> datetime:
        return next(readings, at + timedelta(seconds=1))

    service = make_service(path, recorder, clock)
    code = service.schedule(prepared(), REAL, recorder.connect, at=at, pacing=PACING).code
    service = make_service(path, recorder, clock, now=now)
    report = service.resume(code, REAL, recorder.connect)
    assert report is not None
    assert len(provider.requests) == 3


def test_resume_without_a_name_takes_the_next_scheduled_campaign(
    service: CampaignService, recorder: Recorder, provider: Provider, clock: Clock
) -> None:
    later = service.schedule(
        prepared(), REAL, recorder.connect, at=clock.moment + timedelta(minutes=30), pacing=PACING
    )
    sooner = service.schedule(
        prepared(), REAL, recorder.connect, at=clock.moment + timedelta(minutes=2), pacing=PACING
    )
    report = service.resume(None, REAL, recorder.connect)
    assert report is not None
    assert report.campaign.code == sooner.code
    assert service.overview(later.code).campaign.status is CampaignStatus.SCHEDULED


def test_changing_the_time(service: CampaignService, recorder: Recorder, clock: Clock) -> None:
    campaign = service.schedule(
        prepared(), REAL, recorder.connect, at=clock.moment + timedelta(hours=1), pacing=PACING
    )
    with pytest.raises(ScheduleError) as past:
        service.reschedule(campaign.code, clock.moment - timedelta(minutes=1))
    assert past.value.code is ScheduleProblem.IN_THE_PAST
    moved = service.reschedule(campaign.code, clock.moment + timedelta(days=1))
    assert moved.scheduled_at is not None
    assert from_utc_text(moved.scheduled_at) == clock.moment + timedelta(days=1)
    sent = service.send(prepared(), REAL, recorder.connect, pacing=PACING).campaign
    with pytest.raises(ScheduleError) as not_scheduled:
        service.reschedule(sent.code, clock.moment + timedelta(days=1))
    assert (not_scheduled.value.code, not_scheduled.value.text) == (ScheduleProblem.NOT_SCHEDULED, sent.code)


def test_a_cancelled_scheduled_campaign_is_never_sent(
    service: CampaignService, recorder: Recorder, provider: Provider, clock: Clock
) -> None:
    code = service.schedule(
        prepared(), REAL, recorder.connect, at=clock.moment + timedelta(hours=1), pacing=PACING
    ).code
    assert service.cancel(code) == 3
    cancel = next(e for e in service.events(code) if e.kind is EventKind.CANCEL)
    assert dict(cancel.data) == {"count": 3, "by": os_user()}
    with pytest.raises(CampaignError) as refused:
        service.resume(code, REAL, recorder.connect, at_once=True)
    assert refused.value.code is CampaignProblem.CANCELLED
    assert service.scheduled() == []
    clock.advance(7200)
    assert service.due() == []
    assert provider.requests == []


def test_a_campaign_cancelled_while_its_resume_waits_is_not_sent(
    service: CampaignService, path: Path, recorder: Recorder, provider: Provider, clock: Clock
) -> None:
    code = service.schedule(
        prepared(), REAL, recorder.connect, at=clock.moment + timedelta(hours=1), pacing=PACING
    ).code

    def sleep(_control: SendControl, seconds: float) -> None:
        service.cancel(code)
        clock.advance(seconds)

    with pytest.raises(CampaignError) as refused:
        make_service(path, recorder, clock, sleep=sleep).resume(code, REAL, recorder.connect)
    assert refused.value.code is CampaignProblem.CANCELLED
    assert provider.requests == []


# ---------------------------------------------------------------------------------------- quiet hours


def window_around(moment: datetime) -> str:
    """Quiet hours from an hour before ``moment`` to an hour after it (local time)."""
    start, end = moment - timedelta(hours=1), moment + timedelta(hours=1)
    return f"{start:%H:%M}-{end:%H:%M}"


def test_quiet_hours_hold_promotional_messages_where_they_are_claimed(
    path: Path, recorder: Recorder, provider: Provider, clock: Clock
) -> None:
    service = make_service(path, recorder, clock)
    ready = prepared("P", window_around(clock.moment))
    assert ready.spec.quiet_hours == window_around(clock.moment)
    done: list[object] = []
    reports: list[Progress] = []
    thread = threading.Thread(
        target=lambda: done.append(
            service.send(ready, REAL, recorder.connect, pacing=PACING, on_progress=reports.append)
        )
    )
    thread.start()
    try:
        deadline = time.monotonic() + 1.0
        while time.monotonic() < deadline:  # the engine looks several times; nothing leaves
            assert provider.requests == []
            time.sleep(0.05)
        assert service.history()[0].campaign.status is CampaignStatus.SENDING
    finally:
        clock.advance(3600 + 60)  # past the window's end
        thread.join(10)
    assert done
    assert sorted(provider.phones()) == NUMBERS
    # While held, each report said until when (the window's end, to the minute); the last one did not.
    window_end = (clock.moment - timedelta(seconds=60)).replace(second=0, microsecond=0)
    held = {p.held_until for p in reports if p.held_until is not None}
    assert held == {window_end.astimezone(UTC)}
    assert reports[-1].held_until is None


def test_quiet_hours_do_not_hold_transactional_messages(
    path: Path, recorder: Recorder, provider: Provider, clock: Clock
) -> None:
    service = make_service(path, recorder, clock)
    report = service.send(prepared("T", window_around(clock.moment)), REAL, recorder.connect, pacing=PACING)
    assert report.result.status is CampaignStatus.FINISHED
    assert len(provider.requests) == 3


def test_quiet_hours_that_are_no_window_are_refused_before_anything() -> None:
    with pytest.raises(ConfigError):
        prepared("P", "25:00-26:00")


# ---------------------------------------------------------------------------------------- the record


def test_the_outcomes_over_time(service: CampaignService, path: Path) -> None:
    code = stored(path, 4)
    with Journal.open(path) as journal:
        campaign = journal.campaign(code)
        assert outcome_timeline(journal, campaign.id) == []
        claimed = settle(
            journal,
            campaign,
            [MessageState.ACCEPTED, MessageState.ACCEPTED, MessageState.UNKNOWN, MessageState.REJECTED],
        )
        journal.record_delivery(
            [(claimed[0].pk, "DELIVRD", "delivered", ""), (claimed[1].pk, "UNDELIV", "failed", "x")]
        )
        points = outcome_timeline(journal, campaign.id)
        assert points[0] == OutcomePoint(points[0].at)  # starts from nothing
        last = points[-1]
        assert (last.accepted, last.delivered, last.failed, last.unknown) == (2, 1, 1, 1)
        assert [p.at for p in points] == sorted(p.at for p in points)
        thin = outcome_timeline(journal, campaign.id, max_points=3)
        assert len(thin) == 3
        assert (thin[0], thin[-1]) == (points[0], points[-1])
    assert service.timeline(code) == points


def test_the_record_of_who_sent_what_exports_every_campaign_and_event(
    service: CampaignService, recorder: Recorder, clock: Clock, tmp_path: Path
) -> None:
    sent = service.send(prepared(), REAL, recorder.connect, pacing=PACING).campaign
    waiting = service.schedule(
        prepared(), REAL, recorder.connect, at=clock.moment + timedelta(hours=1), pacing=PACING
    )
    service.cancel(waiting.code)

    def account(campaign: Campaign) -> str:
        return campaign.api_id or "sandbox"

    def event(e: Event) -> str:
        return e.kind.value.upper()

    def when(iso: str | None) -> Cell:
        return iso or ""

    words = RecordWords(
        campaigns_title="Campaigns",
        events_title="Events",
        campaign_headings=[c.upper() for c in CAMPAIGN_COLUMNS],
        event_headings=[c.upper() for c in EVENT_COLUMNS],
        time=when,
        account=account,
        sms_type=str.lower,
        status=lambda c: c.status.value,
        event=event,
    )
    target = tmp_path / "record.xlsx"
    assert service.export_record(target, words) == 2
    book = openpyxl.load_workbook(target)
    campaigns = list(book["Campaigns"].iter_rows(values_only=True))
    assert campaigns[0] == tuple(c.upper() for c in CAMPAIGN_COLUMNS)
    rows = {row[0]: dict(zip(CAMPAIGN_COLUMNS, row, strict=True)) for row in campaigns[1:]}
    first = rows[sent.code]
    assert (first["created_by"], first["account"], first["template_name"], first["text"]) == (
        os_user() or None,
        API_ID,
        "Greeting",
        "Hello",
    )
    assert (first["source_name"], first["source_fingerprint"], first["accepted"]) == ("list.xlsx", "f1", 3)
    assert rows[waiting.code]["status"] == "cancelled"
    assert rows[waiting.code]["scheduled_at"] == waiting.scheduled_at
    events = [
        dict(zip(EVENT_COLUMNS, row, strict=True))
        for row in book["Events"].iter_rows(min_row=2, values_only=True)
    ]
    kinds = [(e["code"], e["what"]) for e in events]
    assert (waiting.code, "SCHEDULED") in kinds
    assert (waiting.code, "CANCEL") in kinds
    created = next(e for e in events if e["what"] == "CREATED")
    assert created["by"] == (os_user() or None)


def test_nothing_scheduled_or_sent_without_a_journal(service: CampaignService) -> None:
    assert (service.scheduled(), service.due(), service.parts_sent_today(True, "")) == ([], [], 0)


def test_campaign_data_survives_a_round_trip_through_the_journal(
    service: CampaignService, recorder: Recorder, clock: Clock
) -> None:
    ready = dataclasses.replace(prepared("P", "21:00-07:30"))
    campaign = service.schedule(
        ready, REAL, recorder.connect, at=clock.moment + timedelta(hours=1), pacing=PACING
    )
    loaded = service.load(campaign.code).campaign
    assert (loaded.quiet_hours, loaded.template_name, loaded.status) == (
        "21:00-07:30",
        "Greeting",
        CampaignStatus.SCHEDULED,
    )
