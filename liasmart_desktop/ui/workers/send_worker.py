"""The send engine on its own QThread: the worker only drives the core engine and relays its progress."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from liasmart_desktop.core.api.client import LiaSmartClient
from liasmart_desktop.core.sending.engine import EngineConfig, Progress, SendControl, SendEngine
from liasmart_desktop.core.sending.session import SendingSession


@dataclass(frozen=True, slots=True)
class SendJob:
    """Which campaign to send, from which journal, through which client, at what pace."""

    journal_path: Path
    campaign_code: str
    make_client: Callable[[int], LiaSmartClient]  # called on the worker thread with the concurrency
    config: EngineConfig


class SendWorker(QObject):
    """Created without a parent, moved to a QThread and started from ``thread.started``.

    The engine already thins its progress to one report per 50 ms (≈ 20 signals a second at most),
    each carrying every message that changed since the previous one.

    Signals:
        progressed(object): a core ``Progress``.
        finished(object): the core ``RunResult``.
        failed(object): the exception that stopped the run (a ``LiaSmartError`` or a bug).
        recovered(int): messages found in flight after a crash, now unknown.
    """

    progressed = Signal(object)
    finished = Signal(object)
    failed = Signal(object)
    recovered = Signal(int)

    def __init__(self, job: SendJob, control: SendControl) -> None:
        super().__init__()
        self._job = job
        self._control = control

    @Slot()
    def run(self) -> None:
        """Open the journal (taking the sender lock), build the client here, run the engine."""
        try:
            with SendingSession(self._job.journal_path) as session:
                if session.recovered:
                    self.recovered.emit(session.recovered)
                campaign = session.journal.campaign(self._job.campaign_code)
                with self._job.make_client(self._job.config.concurrency) as client:
                    engine = SendEngine(session.journal, client, self._job.config, on_progress=self._relay)
                    result = engine.run(campaign, self._control)
        except Exception as exc:  # noqa: BLE001 - reported to the GUI, which explains it
            self.failed.emit(exc)
            return
        self.finished.emit(result)

    def _relay(self, progress: Progress) -> None:
        self.progressed.emit(progress)
