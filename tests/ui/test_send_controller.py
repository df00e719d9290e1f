"""The send worker on its QThread, driven by the controller against the sandbox: every message answered,
pause/resume/cancel, failures reported, no thread left behind."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from liasmart_desktop.core.api.client import LiaSmartClient
from liasmart_desktop.core.sending.campaigns import CampaignService, Reach
from liasmart_desktop.core.sending.engine import SendControl
from liasmart_desktop.core.sending.records import Pacing, Route
from liasmart_desktop.core.sending.states import CampaignStatus, MessageState
from liasmart_desktop.core.sending.summaries import Progress, RunReport
from liasmart_desktop.sandbox import SandboxConfig, SandboxServer
from liasmart_desktop.ui.controllers.send_controller import SendController, SendState
from liasmart_desktop.ui.services import SANDBOX_CREDENTIALS
from liasmart_desktop.ui.workers.send_worker import SendJob
from tests.ui.support import make_campaign, records


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    server = SandboxServer(SandboxConfig(latency_ms=5)).start()
    yield server
    server.stop()


def state_of(controller: SendController) -> SendState:
    """Read the state through a call, so the type checker does not pin it between calls."""
    return controller.state


def job(path: Path, code: str, server: SandboxServer, concurrency: int = 4, rate: float = 1000.0) -> SendJob:
    """Resume ``code`` (a sandbox campaign) at the given pace through the campaign service."""

    def connect(route: Route) -> LiaSmartClient:
        return LiaSmartClient(
            SANDBOX_CREDENTIALS, base_url=server.base_url, max_connections=route.pacing.concurrency
        )

    def run(
        control: SendControl, on_progress: Callable[[Progress], None], _created: object
    ) -> RunReport | None:
        return CampaignService(path).resume(
            code,
            Reach(sandbox=True),
            connect,
            pacing=Pacing(concurrency, rate),
            control=control,
            on_progress=on_progress,
        )

    return SendJob(run)


def test_a_send_fills_every_message_and_reports_in_batches(
    qtbot: QtBot, tmp_path: Path, sandbox: SandboxServer
) -> None:
    path = tmp_path / "j.sqlite3"
    campaign = make_campaign(path, 200, sandbox=True)
    controller = SendController()
    progress: list[Progress] = []
    states: list[SendState] = []
    controller.progressed.connect(progress.append)
    controller.state_changed.connect(states.append)
    with qtbot.waitSignal(controller.finished, timeout=30_000) as finished:
        assert controller.start(job(path, campaign.code, sandbox))
        assert not controller.start(job(path, campaign.code, sandbox))  # a second start is a no-op
    report: RunReport = finished.args[0]
    result = report.result
    assert result.status is CampaignStatus.FINISHED
    assert result.counts[MessageState.ACCEPTED] == 200
    assert states[0] is SendState.RUNNING
    assert states[-1] is SendState.IDLE
    assert {m.pk for p in progress for m in p.changed} == {r.pk for r in records(path, campaign)}
    assert len(progress) < 200  # batched, never one signal per message
    assert len(sandbox.ledger()) == 200


def test_pause_resume_and_cancel(qtbot: QtBot, tmp_path: Path, sandbox: SandboxServer) -> None:
    path = tmp_path / "j.sqlite3"
    campaign = make_campaign(path, 400, sandbox=True)
    controller = SendController()
    controller.start(job(path, campaign.code, sandbox, concurrency=2, rate=100.0))
    controller.pause()
    assert state_of(controller) is SendState.PAUSED
    qtbot.wait(300)
    received = len(sandbox.ledger())
    qtbot.wait(300)
    assert len(sandbox.ledger()) <= received + 2  # at most the requests already in flight
    controller.resume()
    assert state_of(controller) is SendState.RUNNING
    qtbot.waitUntil(lambda: len(sandbox.ledger()) > received + 5, timeout=10_000)
    with qtbot.waitSignal(controller.finished, timeout=30_000) as finished:
        controller.cancel()
    result = finished.args[0].result
    assert result.status is CampaignStatus.CANCELLED
    assert result.counts[MessageState.CANCELLED] > 0
    assert result.counts[MessageState.IN_FLIGHT] == 0
    assert state_of(controller) is SendState.IDLE


def test_a_second_sender_on_the_same_journal_fails_cleanly(
    qtbot: QtBot, tmp_path: Path, sandbox: SandboxServer
) -> None:
    from liasmart_desktop.core.sending.lock import LockBusyError, SenderLock

    path = tmp_path / "j.sqlite3"
    campaign = make_campaign(path, 3, sandbox=True)
    lock = SenderLock(path)
    lock.acquire()
    try:
        controller = SendController()
        with qtbot.waitSignal(controller.failed, timeout=10_000) as failed:
            controller.start(job(path, campaign.code, sandbox))
        assert isinstance(failed.args[0], LockBusyError)
        assert controller.state is SendState.IDLE
    finally:
        lock.release()
    assert sandbox.ledger() == []


def test_closing_during_a_send_stops_after_the_requests_in_flight(
    qtbot: QtBot, tmp_path: Path, sandbox: SandboxServer
) -> None:
    path = tmp_path / "j.sqlite3"
    campaign = make_campaign(path, 2000, sandbox=True)
    controller = SendController()
    controller.start(job(path, campaign.code, sandbox, concurrency=4, rate=200.0))
    qtbot.waitUntil(lambda: len(sandbox.ledger()) > 3, timeout=10_000)
    assert controller.shutdown()
    assert controller.state is SendState.IDLE
    counts = dict.fromkeys(MessageState, 0)
    for record in records(path, campaign):
        counts[record.state] += 1
    assert counts[MessageState.IN_FLIGHT] == 0
    assert counts[MessageState.PENDING] > 0
    assert counts[MessageState.ACCEPTED] == len(sandbox.ledger())
