"""Recompute something off the GUI thread as the user types: wait for a pause, keep only the latest result.

Typing into the message or the paste box asks for a new campaign estimate on every keystroke. A
``LatestTask`` waits until the requests pause (the debounce), runs the newest one on the shared
``TaskRunner``, cancels the one still running, and delivers a result only if no newer request came in
meanwhile. A task calls ``checkpoint`` between chunks of work, which raises ``StaleTaskError`` to
stop early once superseded, so a stale render of 100,000 rows does not keep a thread busy.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal, Slot

from liasmart_desktop.ui.workers.task_runner import TaskContext, TaskHandle, TaskRunner

log = logging.getLogger(__name__)

T = TypeVar("T")
#: The pause in typing after which the latest request runs.
DEFAULT_DELAY_MS = 300


class StaleTaskError(Exception):
    """Raised inside a task that noticed a newer request superseded it (``TaskContext.is_cancelled``)."""


def checkpoint(context: TaskContext) -> None:
    """Stop the task (``StaleTaskError``) if a newer request superseded it; else let the GUI thread in.

    A long pure-Python task holds the GIL for the interpreter's whole switch interval (5 ms) each
    time the GUI thread wants it back, and handling one keystroke wants it back many times: calling
    this every millisecond or so of work keeps typing smooth while the task runs.
    """
    if context.is_cancelled():
        raise StaleTaskError
    time.sleep(0)  # releases the GIL: a waiting GUI thread takes it now, not at the next switch


class LatestTask(QObject):
    """Runs the latest of a burst of requests after a pause; stale results are dropped, never shown.

    Signals:
        busy_changed(bool): a request is waiting or running (True), or its result was delivered.
    """

    busy_changed = Signal(bool)

    def __init__(
        self, tasks: TaskRunner, delay_ms: int = DEFAULT_DELAY_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._delay_ms = delay_ms
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._generation = 0
        self._start_next: Callable[[], None] | None = None
        self._running: TaskHandle[Any] | None = None
        self._busy = False

    @property
    def busy(self) -> bool:
        """Whether a request is waiting for its pause or running (its result is not delivered yet)."""
        return self._busy

    def request(
        self,
        fn: Callable[[TaskContext], T],
        on_result: Callable[[T], None],
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        delay_ms: int | None = None,
    ) -> None:
        """Run ``fn`` after the pause unless another request comes first; ``on_result`` gets its value.

        ``fn`` runs on a pool thread and must not touch Qt; the callbacks run on the GUI thread.
        A failure other than ``StaleTaskError`` is logged and handed to ``on_failure``.
        """
        self._generation += 1
        generation = self._generation
        if self._running is not None:
            self._running.cancel()  # its result would be dropped: let it stop at its next checkpoint
            self._running = None

        def start() -> None:
            self._running = self._tasks.run(
                fn,
                lambda value: self._deliver(generation, on_result, value),
                lambda error: self._fail(generation, on_failure, error),
                owner=self,
            )

        self._start_next = start
        self._timer.start(self._delay_ms if delay_ms is None else delay_ms)
        self._set_busy(True)

    def cancel(self) -> None:
        """Forget the waiting request and drop the result of the running one."""
        self._generation += 1
        self._timer.stop()
        self._start_next = None
        if self._running is not None:
            self._running.cancel()
            self._running = None
        self._set_busy(False)

    @Slot()
    def _on_timer_timeout(self) -> None:
        start, self._start_next = self._start_next, None
        if start is not None:
            start()

    def _current(self, generation: int) -> bool:
        # The result of a task may arrive after this object was deleted with its panel.
        return shiboken6.isValid(self) and generation == self._generation

    def _deliver(self, generation: int, on_result: Callable[[T], None], value: T) -> None:
        if not self._current(generation):
            return
        self._running = None
        # The result is in place before "not busy" is announced, so listeners see both together.
        on_result(value)
        self._set_busy(False)

    def _fail(
        self, generation: int, on_failure: Callable[[BaseException], None] | None, error: BaseException
    ) -> None:
        if isinstance(error, StaleTaskError) or not self._current(generation):
            return
        self._running = None
        # Estimates are computed from data already checked, so a failure is a bug: log it, and let
        # the caller say the figure is unavailable rather than interrupt typing with a dialog.
        log.error("background computation failed", exc_info=error)
        if on_failure is not None:
            on_failure(error)
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)
