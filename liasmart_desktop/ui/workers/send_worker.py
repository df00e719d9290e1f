"""The send engine on its own QThread: the worker runs one campaign operation and relays what it reports.

It holds no business logic: the job is a call of the core's ``CampaignService`` (send, resume or
resend) prepared by the campaign controller; the worker gives it the pause/cancel control and
turns its callbacks into signals.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal, Slot

from liasmart_desktop.core.sending.engine import SendControl
from liasmart_desktop.core.sending.summaries import LoadedCampaign, Progress, RunReport

#: What a job is given: the control, where progress goes, where the created campaign goes.
JobRun = Callable[
    [SendControl, Callable[[Progress], None], Callable[[LoadedCampaign], None]], RunReport | None
]


@dataclass(frozen=True, slots=True)
class SendJob:
    """One sending operation of the campaign service, run on the worker thread."""

    run: JobRun


class SendWorker(QObject):
    """Created without a parent, moved to a QThread and started from ``thread.started``.

    The engine already thins its progress to one report per 50 ms (≈ 20 signals a second at most),
    each carrying every message that changed since the previous one.

    Signals:
        created(object): a ``LoadedCampaign`` just stored, before its first request leaves.
        progressed(object): a core ``Progress``.
        finished(object): the core ``RunReport`` (``None``: there was nothing to send).
        failed(object): the exception that stopped the run (a ``LiaSmartError`` or a bug).
    """

    created = Signal(object)
    progressed = Signal(object)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, job: SendJob, control: SendControl) -> None:
        super().__init__()
        self._job = job
        self._control = control

    @Slot()
    def run(self) -> None:
        """Run the job here, on the worker thread (the client is created here too)."""
        try:
            report = self._job.run(self._control, self.progressed.emit, self.created.emit)
        except Exception as exc:  # noqa: BLE001 - reported to the GUI, which explains it
            self.failed.emit(exc)
            return
        self.finished.emit(report)
