"""Owns the send worker and its thread, and the one state the window's buttons follow."""

from __future__ import annotations

import enum

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from liasmart_desktop.core.sending.engine import SendControl
from liasmart_desktop.core.sending.summaries import LoadedCampaign, Progress, RunReport
from liasmart_desktop.ui.workers.send_worker import SendJob, SendWorker

#: How long closing the window waits for the requests in flight (a little over the read timeout).
SHUTDOWN_WAIT_MS = 35_000


class SendState(enum.Enum):
    """What the sending side of the app is doing."""

    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    STOPPING = "stopping"


class SendController(QObject):
    """Start, pause, resume, cancel and stop a send; never ``QThread.terminate()``.

    Pause, resume and cancel set a thread-safe flag directly: the worker's thread is busy in the
    engine, so a queued slot call would only run after the send.

    Signals:
        state_changed(object): the new ``SendState``.
        created(object): a ``LoadedCampaign`` just stored, before its first request leaves.
        progressed(object): a core ``Progress`` (≤ ~20 a second).
        finished(object): the core ``RunReport`` (``None`` when there was nothing to send).
        failed(object): the exception that stopped the run.
    """

    state_changed = Signal(object)
    created = Signal(object)
    progressed = Signal(object)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = SendState.IDLE
        self._thread: QThread | None = None
        self._worker: SendWorker | None = None
        self._control = SendControl()

    @property
    def state(self) -> SendState:
        """The current state."""
        return self._state

    def _set_state(self, state: SendState) -> None:
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)

    def start(self, job: SendJob) -> bool:
        """Send ``job`` on a new thread; ``False`` (and nothing happens) while a send is running."""
        if self._state is not SendState.IDLE:
            return False
        self._control = SendControl()
        thread = QThread(self)
        thread.setObjectName("liasmart-send")
        worker = SendWorker(job, self._control)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        # Quit from the worker's own thread: the GUI thread may be blocked in ``shutdown``'s wait.
        worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        worker.failed.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        worker.created.connect(self._on_worker_created)
        worker.progressed.connect(self._on_worker_progressed)
        worker.finished.connect(self._on_worker_finished)
        worker.failed.connect(self._on_worker_failed)
        self._thread, self._worker = thread, worker
        self._set_state(SendState.RUNNING)
        thread.start()
        return True

    def pause(self) -> None:
        """Stop claiming new messages; in-flight requests finish."""
        if self._state is SendState.RUNNING:
            self._control.pause()
            self._set_state(SendState.PAUSED)

    def resume(self) -> None:
        """Continue after a pause."""
        if self._state is SendState.PAUSED:
            self._control.resume()
            self._set_state(SendState.RUNNING)

    def cancel(self) -> None:
        """Stop for good: what is not sent yet is cancelled."""
        if self._state in {SendState.RUNNING, SendState.PAUSED}:
            self._control.cancel()
            self._set_state(SendState.STOPPING)

    def stop(self) -> None:
        """End the run after the requests in flight, leaving the rest to resume later."""
        if self._state in {SendState.RUNNING, SendState.PAUSED}:
            self._control.stop()
            self._set_state(SendState.STOPPING)

    def shutdown(self, timeout_ms: int = SHUTDOWN_WAIT_MS) -> bool:
        """Stop and wait for the thread (closing the window); ``False`` if it did not end in time."""
        self.stop()
        thread = self._thread
        if thread is None:
            return True
        finished = thread.wait(timeout_ms)
        self._cleanup()
        return finished

    @Slot(object)
    def _on_worker_created(self, loaded: LoadedCampaign) -> None:
        self.created.emit(loaded)

    @Slot(object)
    def _on_worker_progressed(self, progress: Progress) -> None:
        self.progressed.emit(progress)

    @Slot(object)
    def _on_worker_finished(self, report: RunReport | None) -> None:
        self._cleanup()
        self.finished.emit(report)

    @Slot(object)
    def _on_worker_failed(self, error: BaseException) -> None:
        self._cleanup()
        self.failed.emit(error)

    def _cleanup(self) -> None:
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        if thread is not None:
            thread.quit()
            thread.wait()
            thread.deleteLater()
        if worker is not None:
            worker.deleteLater()
        self._set_state(SendState.IDLE)
