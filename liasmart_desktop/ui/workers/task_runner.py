"""Run a Qt-free callable off the GUI thread; its result, failure and progress come back on the GUI thread.

One small helper for every short task (balance check, import, export, delivery refresh), after
Anki's ``QueryOp``: the task never touches a widget, the callbacks always run on the GUI thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

T = TypeVar("T")
#: Progress reaches the GUI at most this often (the design's ~20 updates per second).
PROGRESS_INTERVAL_S = 0.05


class TaskContext:
    """Given to a task: report progress, and ask whether the user cancelled."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancelled = threading.Event()
        self._last_progress = 0.0

    def progress(self, value: object) -> None:
        """Report progress (thinned to at most one update per ``PROGRESS_INTERVAL_S``)."""
        now = time.monotonic()
        if now - self._last_progress >= PROGRESS_INTERVAL_S:
            self._last_progress = now
            self._relay.progressed.emit(value)

    def is_cancelled(self) -> bool:
        """Whether ``TaskHandle.cancel`` was called."""
        return self._cancelled.is_set()

    def cancel(self) -> None:
        """Ask the task to stop (it checks ``is_cancelled``)."""
        self._cancelled.set()


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from the pool thread are queued to its slots.

    Signals:
        succeeded(object), failed(object), progressed(object)
    """

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(object)

    def __init__(
        self,
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None] | None,
        on_progress: Callable[[Any], None] | None,
        on_done: Callable[[_Relay], None],
        owner: QObject | None = None,
    ) -> None:
        super().__init__()
        self._owner = owner
        self._on_success = on_success
        self._on_failure = on_failure
        self._on_progress = on_progress
        self._on_done = on_done
        self.finished = False
        self.succeeded.connect(self._on_relay_succeeded)
        self.failed.connect(self._on_relay_failed)
        self.progressed.connect(self._on_relay_progressed)

    def _owner_gone(self) -> bool:
        # A result arriving after its window closed has nobody to show it to.
        return self._owner is not None and not shiboken6.isValid(self._owner)

    @Slot(object)
    def _on_relay_succeeded(self, value: object) -> None:
        self.finished = True
        self._on_done(self)
        if not self._owner_gone():
            self._on_success(value)

    @Slot(object)
    def _on_relay_failed(self, error: object) -> None:
        self.finished = True
        self._on_done(self)
        if self._on_failure is not None and isinstance(error, BaseException) and not self._owner_gone():
            self._on_failure(error)

    @Slot(object)
    def _on_relay_progressed(self, value: object) -> None:
        if self._on_progress is not None and not self.finished and not self._owner_gone():
            self._on_progress(value)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[TaskContext], object], context: TaskContext, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._context = context
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn(self._context)
        except BaseException as exc:  # noqa: BLE001 - every failure is handed to the GUI thread
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


class TaskHandle(Generic[T]):
    """A running task: cancel it, or ask whether it is done."""

    def __init__(self, context: TaskContext, relay: _Relay) -> None:
        self._context = context
        self._relay = relay

    def cancel(self) -> None:
        """Ask the task to stop; its failure callback gets the task's cancellation error."""
        self._context.cancel()

    @property
    def done(self) -> bool:
        """Whether the result (or failure) has been delivered."""
        return self._relay.finished


class TaskRunner(QObject):
    """A thread pool for short, Qt-free tasks."""

    MAX_THREADS = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(self.MAX_THREADS)
        self._relays: set[_Relay] = set()

    def run(
        self,
        fn: Callable[[TaskContext], T],
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[Any], None] | None = None,
        *,
        owner: QObject | None = None,
    ) -> TaskHandle[T]:
        """Start ``fn(context)`` on the pool; the callbacks run later on the GUI thread.

        With ``owner``, the callbacks are skipped once that object has been deleted.
        """
        relay = _Relay(on_success, on_failure, on_progress, self._relays.discard, owner)
        self._relays.add(relay)
        context = TaskContext(relay)
        self._pool.start(_Job(fn, context, relay))
        return TaskHandle(context, relay)

    @property
    def busy(self) -> bool:
        """Whether any task has not delivered its result yet."""
        return bool(self._relays)

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Block until the pool is idle (shutdown and tests); callbacks still need the event loop."""
        return self._pool.waitForDone(timeout_ms)
