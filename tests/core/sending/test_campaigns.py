"""The campaign service: one lifecycle for both front ends, each campaign bound to its account and mode.

Every refusal is checked to have changed nothing (no state, no event, no request), and every
operation that sends is checked to hold the sender lock.
"""

from __future__ import annotations

import dataclasses
import getpass
import sqlite3
from datetime import datetime
from pathlib import Path

import httpx
import pytest

from liasmart_desktop.core.api.client import LiaSmartClient
from liasmart_desktop.core.errors import (
    CampaignError,
    CampaignProblem,
    ConfigError,
    JournalError,
    JournalProblem,
)
from liasmart_desktop.core.importing import parse_pasted_numbers
from liasmart_desktop.core.sending import campaigns as campaigns_module
from liasmart_desktop.core.sending.campaigns import CampaignService, Reach, default_name, os_user
from liasmart_desktop.core.sending.engine import EngineConfig
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.lock import LockBusyError, SenderLock
from liasmart_desktop.core.sending.prepare import PreparedCampaign, prepare_campaign
from liasmart_desktop.core.sending.records import CampaignSpec, NewMessage, Pacing, Route, Transition
from liasmart_desktop.core.sending.states import CampaignStatus, EventKind, MessageState
from liasmart_desktop.core.sending.summaries import LoadedCampaign
from tests.core.sending.conftest import MockProvider, make_client
from tests.helpers.journal_states import settle

API_ID = "API43404236"
OTHER_ID = "API99999999"
REAL = Reach(api_id=API_ID)
SANDBOX = Reach(sandbox=True, sandbox_url="http://127.0.0.1:9/api")
PACING = Pacing(4, 1000.0)
NOW = datetime(2026, 12, 6, 9, 30).astimezone()


class Recorder:
    """Connects every route to one mock provider and remembers the routes and paces asked for."""

    def __init__(self, provider: MockProvider | None = None) -> None:
        self.provider = provider or MockProvider()
        self.routes: list[Route] = []
        self.paces: list[Pacing] = []

    def connect(self, route: Route) -> LiaSmartClient:
        self.routes.append(route)
        return make_client(self.provider)

    def config(self, pacing: Pacing) -> EngineConfig:
        self.paces.append(pacing)
        return EngineConfig(concurrency=pacing.concurrency, rate_per_s=pacing.rate_per_s, backoff_base_s=0.01)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "journal.sqlite3"


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def service(path: Path, recorder: Recorder) -> CampaignService:
    return CampaignService(path, engine_config=recorder.config, now=lambda: NOW)


def prepared(count: int = 3, *, sandbox: bool = False, source: str = "list.xlsx") -> PreparedCampaign:
    numbers = "\n".join(f"+86139000000{i:02d}" for i in range(count))
    return prepare_campaign(
        parse_pasted_numbers(numbers, None),
        "Hello",
        sender_id="LIASMART",
        sms_type="P",
        sandbox=sandbox,
        source_name=source,
        source_fingerprint="f1" if source else "",
        base_url="" if sandbox else "https://api.example/api",
    )


def stored(path: Path, count: int, **spec: object) -> str:
    """A campaign written as an earlier run (or an earlier version) left it; returns its code."""
    fields = {"template": "Hi", "sender_id": "LIASMART", "sms_type": "P", "api_id": API_ID, **spec}
    with Journal.open(path) as journal:
        campaign = journal.create_campaign(
            CampaignSpec(**fields),  # type: ignore[arg-type]
            [NewMessage(i + 2, f"86139000001{i:02d}", f"Hi {i}", "T", 1) for i in range(count)],
        )
        return campaign.code


def snapshot(
    path: Path,
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Everything a refusal must leave as it was: messages, campaigns and events."""
    with sqlite3.connect(path) as conn:
        return (
            conn.execute("SELECT * FROM messages ORDER BY id").fetchall(),
            conn.execute("SELECT * FROM campaigns ORDER BY id").fetchall(),
            conn.execute("SELECT * FROM events ORDER BY id").fetchall(),
        )


# ---------------------------------------------------------------------------------------- send


def test_a_send_records_its_account_mode_name_pacing_and_who_started_it(
    service: CampaignService, recorder: Recorder
) -> None:
    seen: list[LoadedCampaign] = []
    report = service.send(prepared(), REAL, recorder.connect, pacing=PACING, on_created=seen.append)
    campaign = report.campaign
    assert (campaign.api_id, campaign.sandbox, campaign.pacing) == (API_ID, False, PACING)
    assert campaign.name == "list.xlsx 2026-12-06"
    assert campaign.created_by == os_user()
    assert report.result.status is CampaignStatus.FINISHED
    assert report.result.counts[MessageState.ACCEPTED] == 3
    # Shown before the first request left: every message still pending.
    [loaded] = seen
    assert [r.state for r in loaded.records] == [MessageState.PENDING] * 3
    assert recorder.routes == [Route(False, API_ID, "https://api.example/api", PACING)]
    assert recorder.paces == [PACING]


def test_a_sandbox_send_records_no_account(service: CampaignService, recorder: Recorder) -> None:
    report = service.send(prepared(sandbox=True, source=""), SANDBOX, recorder.connect, pacing=PACING)
    assert (report.campaign.api_id, report.campaign.sandbox, report.campaign.name) == ("", True, "")
    assert recorder.routes[0].sandbox


@pytest.mark.parametrize(
    ("sandbox", "reach", "problem"),
    [
        (True, REAL, CampaignProblem.NEEDS_SANDBOX),
        (False, SANDBOX, CampaignProblem.NEEDS_ACCOUNT),
        (False, Reach(), CampaignProblem.NEEDS_ACCOUNT),
    ],
)
def test_a_send_that_cannot_go_where_it_was_prepared_for_stores_nothing(
    service: CampaignService,
    path: Path,
    recorder: Recorder,
    sandbox: bool,
    reach: Reach,
    problem: CampaignProblem,
) -> None:
    with pytest.raises(CampaignError) as refused:
        service.send(prepared(sandbox=sandbox), reach, recorder.connect, pacing=PACING)
    assert refused.value.code is problem
    assert not path.exists()
    assert recorder.provider.requests == []


def test_a_send_at_an_impossible_pace_stores_nothing(
    service: CampaignService, path: Path, recorder: Recorder
) -> None:
    with pytest.raises(ConfigError) as bad:
        service.send(prepared(), REAL, recorder.connect, pacing=Pacing(0, 10.0))
    assert bad.value.subject == "concurrency"
    assert not path.exists()


def test_sending_holds_the_sender_lock(service: CampaignService, path: Path, recorder: Recorder) -> None:
    with SenderLock(path), pytest.raises(LockBusyError):
        service.send(prepared(), REAL, recorder.connect, pacing=PACING)
    assert service.history() == []
    assert recorder.provider.requests == []


# ---------------------------------------------------------------------------------------- resume


def test_resume_under_another_account_changes_and_sends_nothing(
    service: CampaignService, path: Path, recorder: Recorder
) -> None:
    code = stored(path, 4)
    with Journal.open(path) as journal:
        settle(journal, journal.campaign(code), [MessageState.ACCEPTED, MessageState.IN_FLIGHT])
    before = snapshot(path)
    with pytest.raises(CampaignError) as refused:
        service.resume(code, Reach(api_id=OTHER_ID), recorder.connect)
    error = refused.value
    assert (error.code, error.campaign, error.account, error.current) == (
        CampaignProblem.WRONG_ACCOUNT,
        code,
        API_ID,
        OTHER_ID,
    )
    assert snapshot(path) == before  # not even the crashed message was touched
    assert recorder.provider.requests == []


def test_resume_under_its_own_account_finishes_without_a_duplicate(
    service: CampaignService, path: Path, recorder: Recorder
) -> None:
    code = stored(path, 4, pacing=Pacing(2, 500.0))
    with Journal.open(path) as journal:
        settle(journal, journal.campaign(code), [MessageState.ACCEPTED, MessageState.IN_FLIGHT])
    report = service.resume(None, REAL, recorder.connect)
    assert report is not None
    assert report.recovered == 1
    counts = report.result.counts
    assert (counts[MessageState.ACCEPTED], counts[MessageState.UNKNOWN]) == (3, 1)
    assert [r["phonenumber"] for r in recorder.provider.requests] == ["8613900000102", "8613900000103"]
    assert recorder.paces == [Pacing(2, 500.0)]  # the campaign's own pace


def test_explicit_pacing_overrides_and_a_campaign_without_one_uses_the_fallback(
    service: CampaignService, path: Path, recorder: Recorder
) -> None:
    first = stored(path, 1, pacing=Pacing(2, 500.0))
    service.resume(first, REAL, recorder.connect, pacing=Pacing(3, 300.0))
    second = stored(path, 1)
    service.resume(second, REAL, recorder.connect, fallback=Pacing(5, 50.0))
    assert recorder.paces == [Pacing(3, 300.0), Pacing(5, 50.0)]
    third = stored(path, 1)
    with pytest.raises(ConfigError):
        service.resume(third, REAL, recorder.connect, pacing=Pacing(1, 5000.0))


def test_a_campaign_from_before_accounts_adopts_the_first_account_once(
    service: CampaignService, path: Path, recorder: Recorder
) -> None:
    code = stored(path, 3, api_id="")
    with Journal.open(path) as journal:
        settle(journal, journal.campaign(code), [MessageState.ACCEPTED])
        journal.set_status(journal.campaign(code).id, CampaignStatus.PAUSED)
    first = service.resume(code, REAL, recorder.connect)
    assert first is not None
    assert (first.adopted, first.campaign.api_id) == (True, API_ID)
    assert [e.data for e in service.events(code) if e.kind is EventKind.ACCOUNT_ADOPTED] == [
        {"api_id": API_ID}
    ]
    with pytest.raises(CampaignError) as refused:
        service.resume(code, Reach(api_id=OTHER_ID), recorder.connect)
    assert refused.value.code is CampaignProblem.WRONG_ACCOUNT
    again = service.resume(code, REAL, recorder.connect)
    assert again is not None
    assert not again.adopted


@pytest.mark.parametrize(
    ("sandbox", "reach", "problem"),
    [
        (True, REAL, CampaignProblem.NEEDS_SANDBOX),
        (False, SANDBOX, CampaignProblem.NEEDS_ACCOUNT),
    ],
)
def test_a_campaign_never_changes_mode(
    service: CampaignService,
    path: Path,
    recorder: Recorder,
    sandbox: bool,
    reach: Reach,
    problem: CampaignProblem,
) -> None:
    code = stored(path, 2, sandbox=sandbox)
    before = snapshot(path)
    with pytest.raises(CampaignError) as refused:
        service.resume(code, reach, recorder.connect)
    assert refused.value.code is problem
    assert snapshot(path) == before
    assert recorder.provider.requests == []


def test_resuming_a_paused_campaign_sends_its_waiting_messages_at_once(
    service: CampaignService, path: Path, recorder: Recorder
) -> None:
    code = stored(path, 2)
    with Journal.open(path) as journal:
        campaign = journal.campaign(code)
        claims = journal.claims(campaign)
        [first] = claims.advance([], 1, 0.0)
        claims.advance(
            [Transition(first.pk, MessageState.RETRY_WAIT, "rate_limited", not_before=9e12)], 0, 0.0
        )
        journal.set_status(campaign.id, CampaignStatus.PAUSED)
    report = service.resume(code, REAL, recorder.connect)
    assert report is not None
    assert (report.released, report.result.counts[MessageState.ACCEPTED]) == (1, 2)


def test_resume_with_nothing_open_returns_none_and_a_crash_only_leaves_unknowns(
    service: CampaignService, path: Path, recorder: Recorder
) -> None:
    assert service.resume(None, REAL, recorder.connect) is None
    code = stored(path, 1)
    with Journal.open(path) as journal:
        settle(journal, journal.campaign(code), [MessageState.IN_FLIGHT])
    report = service.resume(None, REAL, recorder.connect)
    assert report is not None
    assert (report.recovered, report.result.status) == (1, CampaignStatus.FINISHED)
    assert report.result.counts[MessageState.UNKNOWN] == 1
    assert recorder.routes == []  # nothing to send: no connection at all
    assert service.resume(None, REAL, recorder.connect) is None


def test_a_cancelled_campaign_is_not_resumed(
    service: CampaignService, path: Path, recorder: Recorder
) -> None:
    code = stored(path, 2)
    assert service.cancel(code) == 2
    assert service.cancel(code) == 0
    assert service.overview(code).campaign.status is CampaignStatus.CANCELLED
    with pytest.raises(CampaignError) as refused:
        service.resume(code, REAL, recorder.connect)
    assert refused.value.code is CampaignProblem.CANCELLED


def test_recover_marks_what_a_crash_left_in_flight(service: CampaignService, path: Path) -> None:
    code = stored(path, 3)
    with Journal.open(path) as journal:
        settle(journal, journal.campaign(code), [MessageState.IN_FLIGHT, MessageState.IN_FLIGHT])
    assert service.recover() == 2
    assert service.recover() == 0
    unfinished = service.unfinished()
    assert unfinished is not None
    assert (unfinished.waiting, unfinished.in_flight, unfinished.total) == (1, 0, 3)


# ---------------------------------------------------------------------------------------- resend


def test_resend_checks_everything_before_it_changes_anything(
    service: CampaignService, path: Path, recorder: Recorder
) -> None:
    code = stored(path, 3)
    with Journal.open(path) as journal:
        settle(
            journal,
            journal.campaign(code),
            [MessageState.UNKNOWN, MessageState.ACCEPTED, MessageState.REJECTED],
        )
        journal.set_status(journal.campaign(code).id, CampaignStatus.FINISHED)
    before = snapshot(path)
    for bad in (Pacing(0, 10.0), Pacing(4, 5000.0)):
        with pytest.raises(ConfigError):
            service.resend(code, MessageState.UNKNOWN, REAL, recorder.connect, pacing=bad)
    with pytest.raises(CampaignError):
        service.resend(code, MessageState.UNKNOWN, Reach(api_id=OTHER_ID), recorder.connect)
    with SenderLock(path), pytest.raises(LockBusyError):
        service.resend(code, MessageState.UNKNOWN, REAL, recorder.connect)
    assert snapshot(path) == before
    assert recorder.provider.requests == []

    report = service.resend(code, MessageState.UNKNOWN, REAL, recorder.connect)
    assert report.resent == 1
    assert [r["uid"] for r in recorder.provider.requests] == [f"{code}-2-2"]
    with pytest.raises(JournalError) as nothing:
        service.resend(code, MessageState.UNKNOWN, REAL, recorder.connect)
    assert nothing.value.code is JournalProblem.NOTHING_TO_RESEND
    overview = service.check_run(code, REAL, resend=MessageState.REJECTED)
    assert overview is not None
    assert overview.counts[MessageState.REJECTED] == 1


# ---------------------------------------------------------------------------------------- reading


def test_history_overview_load_and_the_same_list_check(
    service: CampaignService, path: Path, recorder: Recorder
) -> None:
    assert service.history() == []
    assert service.unfinished() is None
    assert service.same_list_before(prepared().spec) is None  # no journal yet
    first = service.send(prepared(), REAL, recorder.connect, pacing=PACING).campaign
    sandbox = service.send(prepared(sandbox=True), SANDBOX, recorder.connect, pacing=PACING).campaign
    assert [o.campaign.code for o in service.history()] == [sandbox.code, first.code]
    earlier = service.same_list_before(dataclasses.replace(prepared().spec, api_id=API_ID))
    assert earlier is not None
    assert earlier.code == first.code  # the sandbox practice of the same list does not count
    assert service.same_list_before(dataclasses.replace(prepared().spec, template="Other")) is None
    assert service.same_list_before(prepared(source="").spec) is None  # typed numbers have no file

    loaded = service.load(first.code)
    assert [r.state for r in loaded.records] == [MessageState.ACCEPTED] * 3
    assert loaded.records[0].fields == {}  # the grid does not need the source columns
    assert service.load(first.code, with_fields=True).records[0].fields != {}
    assert [m.row for m in service.messages(first.code)] == [1, 2, 3]
    assert service.set_aside(first.code) == []
    assert service.overview().campaign.code == sandbox.code
    assert [e.kind for e in service.events(first.code)][:2] == [EventKind.CREATED, EventKind.SENDING]
    renamed = service.rename(first.code, "  May offer ")
    assert renamed.name == "May offer"


def test_export_writes_every_row(service: CampaignService, recorder: Recorder, tmp_path: Path) -> None:
    campaign = service.send(prepared(), REAL, recorder.connect, pacing=PACING).campaign
    target = tmp_path / "out.csv"
    assert service.export(campaign.code, target, lambda _record: "why", xlsx=False) == 3
    assert target.read_text(encoding="utf-8-sig").count("why") == 3


# ---------------------------------------------------------------------------------------- refresh, test


def test_delivery_status_is_asked_only_where_the_messages_went(
    service: CampaignService, path: Path, recorder: Recorder
) -> None:
    real = stored(path, 1)
    practice = stored(path, 1, sandbox=True, api_id="", base_url=SANDBOX.sandbox_url)
    gone = stored(path, 1, sandbox=True, api_id="", base_url="http://127.0.0.1:1/api")
    for code in (real, practice, gone):
        with Journal.open(path) as journal:
            settle(journal, journal.campaign(code), [MessageState.ACCEPTED])

    def delivered(_n: int, body: dict[str, str]) -> httpx.Response:
        return httpx.Response(200, json={"message_id": body["message_id"], "DLRStatus": "Delivered"})

    statuses = MockProvider(script=delivered)
    status_recorder = Recorder(statuses)
    assert service.refresh(real, REAL, status_recorder.connect).delivered == 1
    assert service.refresh(practice, SANDBOX, status_recorder.connect).delivered == 1
    for code, reach, problem in (
        (gone, SANDBOX, CampaignProblem.SANDBOX_GONE),
        (practice, Reach(sandbox=True), CampaignProblem.SANDBOX_GONE),
        (real, Reach(api_id=OTHER_ID), CampaignProblem.WRONG_ACCOUNT),
    ):
        with pytest.raises(CampaignError) as refused:
            service.refresh(code, reach, status_recorder.connect)
        assert refused.value.code is problem
    assert len(statuses.requests) == 2


def test_a_test_message_goes_where_the_campaign_would(
    service: CampaignService, path: Path, recorder: Recorder
) -> None:
    campaign = prepared()
    message = dataclasses.replace(campaign.messages[0], phone="8613800000000")
    record = service.send_test(campaign, message, REAL, recorder.connect)
    assert record.state is MessageState.ACCEPTED
    [test] = [o.campaign for o in service.history()]
    assert test.is_test
    assert (test.api_id, test.sandbox) == (API_ID, False)
    with pytest.raises(CampaignError) as refused:
        service.send_test(campaign, message, SANDBOX, recorder.connect)
    assert refused.value.code is CampaignProblem.NEEDS_ACCOUNT
    assert len(recorder.provider.requests) == 1


# ---------------------------------------------------------------------------------------- helpers


def test_names_and_the_operating_system_user(monkeypatch: pytest.MonkeyPatch) -> None:
    assert default_name("list.xlsx", NOW) == "list.xlsx 2026-12-06"
    assert default_name("", NOW) == ""

    def no_user() -> str:
        raise OSError("no login name")

    monkeypatch.setattr(getpass, "getuser", no_user)
    assert os_user() == ""
    assert campaigns_module.local_now().tzinfo is not None


def test_the_default_engine_settings_follow_the_pacing(path: Path, recorder: Recorder) -> None:
    report = CampaignService(path).send(prepared(1), REAL, recorder.connect, pacing=Pacing(1, 1000.0))
    assert report.result.counts[MessageState.ACCEPTED] == 1
