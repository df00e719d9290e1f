"""The compose form's background work: only the latest request runs, and a stale render stops early."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from unittest.mock import Mock

import pytest
from pytestqt.qtbot import QtBot

from liasmart_desktop.core.text import compile_template
from liasmart_desktop.ui.services import AppServices
from liasmart_desktop.ui.widgets.compose_panel import render_summary
from liasmart_desktop.ui.workers.latest_task import LatestTask, StaleTaskError, checkpoint
from liasmart_desktop.ui.workers.task_runner import TaskContext
from tests.ui.compose_support import import_csv
from tests.ui.support import make_services


@pytest.fixture
def services(qtbot: QtBot, tmp_path: Path) -> Iterator[AppServices]:
    services = make_services(tmp_path)
    yield services
    services.shutdown()


def test_a_burst_of_requests_runs_only_the_last(services: AppServices, qtbot: QtBot) -> None:
    latest = LatestTask(services.tasks, delay_ms=50)
    ran: list[int] = []
    results: list[int] = []
    busy: list[bool] = []
    latest.busy_changed.connect(busy.append)

    def job(value: int) -> Callable[[TaskContext], int]:
        def run(_context: TaskContext) -> int:
            ran.append(value)
            return value * 10

        return run

    for value in range(5):
        latest.request(job(value), results.append)
    qtbot.waitUntil(lambda: results == [40])
    assert ran == [4]
    assert busy == [True, False]
    assert not latest.busy


def test_a_running_task_is_cancelled_by_a_newer_request(services: AppServices, qtbot: QtBot) -> None:
    latest = LatestTask(services.tasks, delay_ms=0)
    started = threading.Event()
    results: list[str] = []
    failures: list[BaseException] = []

    def slow(context: TaskContext) -> str:
        started.set()
        while True:  # a long render: it stops only when superseded
            checkpoint(context)
            threading.Event().wait(0.001)

    latest.request(slow, results.append, failures.append)
    qtbot.waitUntil(started.is_set)
    latest.request(lambda _context: "new", results.append, failures.append)
    qtbot.waitUntil(lambda: results == ["new"])
    assert services.tasks.wait(5000)
    qtbot.wait(10)
    assert failures == []  # the stale task's StaleTaskError is expected, not a failure


def test_a_failure_is_logged_and_reported(
    services: AppServices, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    latest = LatestTask(services.tasks, delay_ms=0)
    failures: list[BaseException] = []

    def broken(_context: TaskContext) -> None:
        raise ValueError("bug")

    latest.request(broken, lambda _value: None, failures.append)
    qtbot.waitUntil(lambda: bool(failures))
    assert isinstance(failures[0], ValueError)
    assert "background computation failed" in caplog.text
    assert not latest.busy


def test_cancel_drops_the_waiting_request(services: AppServices, qtbot: QtBot) -> None:
    latest = LatestTask(services.tasks, delay_ms=20)
    results: list[int] = []
    latest.request(lambda _context: 1, results.append)
    latest.cancel()
    qtbot.wait(80)
    assert results == []
    assert not latest.busy


def test_a_superseded_render_stops_before_the_next_chunk(tmp_path: Path) -> None:
    report, _path = import_csv(tmp_path, ["phone,name", "13912345678,Li", "13912345679,Wang"])
    template = compile_template("Hi {name}", report.columns)
    context = Mock(spec=TaskContext)
    context.is_cancelled.return_value = False
    assert render_summary(template, report, context).summary.total_segments == 2
    context.is_cancelled.return_value = True
    with pytest.raises(StaleTaskError):
        render_summary(template, report, context)
