"""The task runner: results, failures and progress arrive on the GUI thread; cancel is seen by the task."""

from __future__ import annotations

import threading
import time

from pytestqt.qtbot import QtBot

from liasmart_desktop.ui.workers.task_runner import TaskContext, TaskRunner


def test_result_and_progress_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    gui = threading.get_ident()
    seen: dict[str, object] = {}
    progress: list[tuple[object, int]] = []

    def work(ctx: TaskContext) -> int:
        seen["worker"] = threading.get_ident()
        for i in range(5):
            ctx.progress(i)
            time.sleep(0.06)
        return 42

    def on_progress(value: object) -> None:
        progress.append((value, threading.get_ident()))

    handle = runner.run(
        work, lambda v: seen.update(result=(v, threading.get_ident())), on_progress=on_progress
    )
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert seen["result"] == (42, gui)
    assert seen["worker"] != gui
    assert progress
    assert all(thread == gui for _, thread in progress)
    assert not runner.busy
    runner.wait()


def test_failure_and_cancel(qtbot: QtBot) -> None:
    runner = TaskRunner()
    failures: list[BaseException] = []

    def work(ctx: TaskContext) -> None:
        while not ctx.is_cancelled():
            time.sleep(0.01)
        raise RuntimeError("cancelled by the user")

    handle = runner.run(work, lambda _v: None, failures.append)
    assert runner.busy
    handle.cancel()
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert str(failures[0]) == "cancelled by the user"
    assert handle.done
    runner.wait()


def test_results_for_a_deleted_owner_are_dropped(qtbot: QtBot) -> None:
    import shiboken6
    from PySide6.QtCore import QObject

    runner = TaskRunner()
    owner = QObject()
    delivered: list[object] = []
    release = threading.Event()

    def work(_ctx: TaskContext) -> int:
        release.wait(5)
        return 1

    handle = runner.run(work, delivered.append, delivered.append, owner=owner)
    shiboken6.delete(owner)
    release.set()
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert delivered == []
    runner.wait()
