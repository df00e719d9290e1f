"""Delivery reports arrive by themselves: recent campaigns are asked about gently and only where their
messages went (their own account, or the very simulator that took them), never beside a send."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from liasmart_desktop.core.importing import parse_pasted_numbers
from liasmart_desktop.core.sending.campaigns import CampaignService
from liasmart_desktop.core.sending.delivery import RefreshSummary
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.prepare import prepare_campaign
from liasmart_desktop.core.sending.records import Campaign, Pacing
from liasmart_desktop.core.sending.states import MessageState
from liasmart_desktop.sandbox import SandboxConfig
from liasmart_desktop.ui.controllers.account_controller import AccountController
from liasmart_desktop.ui.controllers.campaign_controller import CampaignController, DeliveryUpdate
from liasmart_desktop.ui.controllers.delivery_poller import DeliveryPoller
from liasmart_desktop.ui.controllers.send_controller import SendState
from liasmart_desktop.ui.services import AppServices
from tests.helpers.journal_states import settle
from tests.ui.support import make_campaign, make_services


@pytest.fixture
def services(tmp_path: Path) -> Iterator[AppServices]:
    made = make_services(tmp_path, default_country="CN")
    made.start_sandbox(SandboxConfig(dlr_delay_s=0.0))
    yield made
    made.shutdown()


def status_requests(services: AppServices) -> list[str]:
    sandbox = services.sandbox
    assert sandbox is not None
    return [
        str(entry.get("message_id")) for entry in sandbox.ledger() if entry["endpoint"] == "GetDeliveryStatus"
    ]


def sent_in_this_sandbox(services: AppServices, account: AccountController, count: int) -> Campaign:
    report = parse_pasted_numbers("\n".join(f"139{i:08d}" for i in range(count)), "CN")
    prepared = prepare_campaign(
        report, "Hello", sender_id="LIASMART", sms_type="P", sandbox=True, base_url=services.base_url()
    )
    service = CampaignService(services.paths.journal_file)
    return service.send(prepared, account.reach(), account.open_connection, pacing=Pacing(2, 100.0)).campaign


def accepted_elsewhere(services: AppServices, **spec: object) -> Campaign:
    campaign = make_campaign(services.paths.journal_file, 2, **spec)
    with Journal.open(services.paths.journal_file) as journal:
        settle(journal, campaign, [MessageState.ACCEPTED, MessageState.ACCEPTED])
    return campaign


def test_a_pass_asks_only_where_the_messages_went(qtbot: QtBot, services: AppServices) -> None:
    account = AccountController(services)
    campaigns = CampaignController(services, account)
    here = sent_in_this_sandbox(services, account, 3)
    accepted_elsewhere(services, sandbox=True, base_url="http://127.0.0.1:1/api")  # a sandbox long gone
    accepted_elsewhere(services, api_id="API43404236")  # a real account's: not through the sandbox
    done: list[list[DeliveryUpdate]] = []
    failures: list[BaseException] = []
    owner = QObject()
    campaigns.delivery_pass(owner, done.append, failures.append, budget_s=10.0, recent_days=3.0)
    qtbot.waitUntil(lambda: bool(done), timeout=15_000)
    assert failures == []  # the unreachable campaigns were left out, not refused
    [update] = done[0]
    assert update.campaign.code == here.code
    assert update.summary.delivered == 3
    assert sorted(r.dlr_state for r in update.changed) == ["delivered"] * 3
    assert all(r.dlr_checked_at for r in update.changed)
    assert len(status_requests(services)) == 3  # nothing asked about the other two

    # Campaigns older than the window are left to the Refresh button.
    done.clear()
    campaigns.delivery_pass(owner, done.append, failures.append, budget_s=10.0, recent_days=0.0)
    qtbot.waitUntil(lambda: bool(done), timeout=15_000)
    assert done[0] == []
    assert len(status_requests(services)) == 3


@dataclass
class FakeSending:
    state: SendState = SendState.IDLE


@dataclass
class FakeHandle:
    done: bool = False
    cancelled: bool = False

    def cancel(self) -> None:
        self.cancelled = True


@dataclass
class FakeCampaigns:
    """What the poller needs from the campaign controller: the send state and a pass to start."""

    sending: FakeSending = field(default_factory=FakeSending)
    passes: list[tuple[Callable[[list[DeliveryUpdate]], None], Callable[[BaseException], None]]] = field(
        default_factory=list
    )
    handles: list[FakeHandle] = field(default_factory=list)

    def delivery_pass(
        self,
        _owner: QObject,
        on_done: Callable[[list[DeliveryUpdate]], None],
        on_failed: Callable[[BaseException], None],
        *,
        budget_s: float,
        recent_days: float,
    ) -> FakeHandle:
        assert (budget_s, recent_days) == (30.0, 3.0)
        self.passes.append((on_done, on_failed))
        self.handles.append(FakeHandle())
        return self.handles[-1]


def update(checked: int) -> DeliveryUpdate:
    summary = RefreshSummary(checked=checked, delivered=checked, failed=0, pending=0, errors=0)
    return DeliveryUpdate(campaign=None, summary=summary, changed=[])  # type: ignore[arg-type]


def test_the_schedule_slows_down_waits_for_sends_and_stops(qtbot: QtBot) -> None:
    fake = FakeCampaigns()
    poller = DeliveryPoller(fake, schedule_ms=(20, 40, 80, 160))  # type: ignore[arg-type]
    seen: list[DeliveryUpdate] = []
    failures: list[BaseException] = []
    poller.updated.connect(seen.append)
    poller.failed.connect(failures.append)

    poller.start()
    assert poller.waiting
    qtbot.waitUntil(lambda: len(fake.passes) == 1, timeout=2_000)
    fake.handles[-1].done = True
    fake.passes[-1][0]([update(checked=3)])  # reports still coming: check again a little later
    assert seen[-1].summary.checked == 3
    assert poller._timer.interval() == 40

    fake.sending.state = SendState.RUNNING  # never beside a send
    qtbot.wait(150)
    assert len(fake.passes) == 1
    assert poller.waiting
    fake.sending.state = SendState.IDLE
    qtbot.waitUntil(lambda: len(fake.passes) == 2, timeout=2_000)
    fake.handles[-1].done = True
    fake.passes[-1][1](OSError("offline"))  # a failure is tried again at the next check
    assert isinstance(failures[-1], OSError)
    assert poller._timer.interval() == 80

    qtbot.waitUntil(lambda: len(fake.passes) == 3, timeout=2_000)
    fake.passes[-1][0]([update(checked=0)])  # nothing waited for a report: no hurry
    assert poller._timer.interval() == 160
    fake.handles[-1].done = True

    poller.start()  # a new send: soon again
    assert poller._timer.interval() == 20
    qtbot.waitUntil(lambda: len(fake.passes) == 4, timeout=2_000)
    poller.stop()
    assert fake.handles[-1].cancelled
    fake.passes[-1][0]([])  # a pass ending after the stop schedules nothing
    assert not poller.waiting
