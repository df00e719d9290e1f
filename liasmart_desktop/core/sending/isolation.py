"""Sending in a child process, so the threads of the process that asked never wait behind the sender's.

The desktop app's window must stay calm while thirty-two HTTP threads and the journal's coordinator
run flat out: in one process they all take turns on Python's GIL, and the window's paint and timer
callbacks wait in that queue (docs/decisions.md, "Sending in its own process"). So the app runs each
sending operation of ``CampaignService`` (send, resume, resend) in a child process:

- the parent writes one ``IsolatedJob`` to the child's stdin, then control words (pause, resume,
  cancel, stop) whenever the user presses a button;
- the child writes what the operation reports to its stdout: the stored campaign, progress batches,
  then the ``RunReport`` or the error that ended it;
- the journal's sender lock works across processes as before; if the child dies, the lock goes with
  it and messages it left in flight become ``unknown`` at the next resume, as after any crash;
- if the parent goes away, the child sees its stdin close, stops claiming and drains.

Every frame is a 4-byte little-endian length and a pickle; both ends are this module.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import os
import pickle
import queue
import signal
import struct
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, NoReturn

from liasmart_desktop.core.api.client import LiaSmartClient
from liasmart_desktop.core.credentials import Credentials
from liasmart_desktop.core.errors import CredentialError, CredentialProblem, LiaSmartError
from liasmart_desktop.core.logs import configure_logging
from liasmart_desktop.core.sending.campaigns import DEFAULT_PACING, CampaignService, Reach
from liasmart_desktop.core.sending.engine import SendControl
from liasmart_desktop.core.sending.prepare import PreparedCampaign
from liasmart_desktop.core.sending.records import Pacing, Route
from liasmart_desktop.core.sending.spend_guard import NO_LIMITS, SpendRules
from liasmart_desktop.core.sending.states import MessageState
from liasmart_desktop.core.sending.summaries import LoadedCampaign, Progress, RunReport

log = logging.getLogger(__name__)

#: The frozen app's executable runs the child when started with this first argument.
CHILD_FLAG = "--run-sender"
_LENGTH = struct.Struct("<I")
#: How often the parent looks for a pressed button while no report arrives.
CONTROL_POLL_S = 0.05


class JobKind(enum.Enum):
    """Which ``CampaignService`` operation the child runs."""

    SEND = "send"
    RESUME = "resume"
    RESEND = "resend"


class Control(enum.Enum):
    """What the parent tells the child while it sends (``SendControl``'s methods by name)."""

    PAUSE = "pause"
    RESUME = "resume"
    CANCEL = "cancel"
    STOP = "stop"


@dataclass(frozen=True, slots=True)
class ClientOptions:
    """How the child opens its connection (the password travels only through the pipe, in memory)."""

    credentials: Credentials | None  # None: no account can be used (the service refuses a real campaign)
    base_url: str
    use_system_trust_store: bool = False
    require_uid_echo: bool = False


@dataclass(frozen=True, slots=True)
class IsolatedJob:
    """One sending operation for the child: ``prepared`` for a send, ``campaign`` (a code) otherwise."""

    journal_path: Path
    kind: JobKind
    reach: Reach
    client: ClientOptions
    prepared: PreparedCampaign | None = None
    campaign: str | None = None
    state: MessageState | None = None
    pacing: Pacing | None = None
    fallback: Pacing = DEFAULT_PACING
    log_dir: Path | None = None
    #: The spend guard's rules (the child asks for the balance itself, just before the run).
    spend: SpendRules = NO_LIMITS
    #: A scheduled campaign goes now, not at its time (the user chose "Send now").
    at_once: bool = False


class SenderStoppedError(LiaSmartError):
    """The sending process ended without a report (killed, or crashed); ``returncode`` as the OS gave it."""

    def __init__(self, returncode: int | None) -> None:
        super().__init__(f"the sending process stopped with exit code {returncode}")
        self.returncode = returncode


# ---------------------------------------------------------------------------------------- frames


def write_frame(stream: IO[bytes], value: object) -> None:
    """Write one value as a length-prefixed pickle and flush."""
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)) + data)
    stream.flush()


def read_frame(stream: IO[bytes]) -> Any:
    """Read one value; ``EOFError`` when the other end has closed."""
    head = _read_exactly(stream, _LENGTH.size)
    return pickle.loads(_read_exactly(stream, _LENGTH.unpack(head)[0]))  # noqa: S301 - our own child


def _read_exactly(stream: IO[bytes], size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = stream.read(size - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


# ---------------------------------------------------------------------------------------- the child


def _connect(options: ClientOptions) -> Callable[[Route], LiaSmartClient]:
    def connect(route: Route) -> LiaSmartClient:
        if options.credentials is None:
            raise CredentialError(CredentialProblem.NO_PASSWORD)
        return LiaSmartClient(
            options.credentials,
            base_url=options.base_url,
            max_connections=route.pacing.concurrency,
            use_system_trust_store=options.use_system_trust_store,
            require_uid_echo=options.require_uid_echo,
        )

    return connect


def _listen(stream: IO[bytes], control: SendControl) -> None:
    """Apply the parent's control words; when the parent goes away, stop after the requests in flight."""
    try:
        while True:
            word = Control(read_frame(stream))
            getattr(control, word.value)()
    except EOFError:
        control.stop()


def run_job(
    job: IsolatedJob, control: SendControl, report: Callable[[str, object], None]
) -> RunReport | None:
    """Run ``job`` here, reporting ``("created", LoadedCampaign)`` and ``("progress", Progress)``."""
    service = CampaignService(job.journal_path)
    connect = _connect(job.client)

    def on_progress(progress: Progress) -> None:
        report("progress", progress)

    def on_created(loaded: LoadedCampaign) -> None:
        report("created", loaded)

    if job.kind is JobKind.SEND:
        assert job.prepared is not None  # a send job always has one
        assert job.pacing is not None
        return service.send(
            job.prepared,
            job.reach,
            connect,
            pacing=job.pacing,
            spend=job.spend,
            control=control,
            on_progress=on_progress,
            on_created=on_created,
        )
    if job.kind is JobKind.RESEND:
        assert job.campaign is not None  # a resend job always names them
        assert job.state is not None
        return service.resend(
            job.campaign,
            job.state,
            job.reach,
            connect,
            pacing=job.pacing,
            fallback=job.fallback,
            spend=job.spend,
            control=control,
            on_progress=on_progress,
        )
    return service.resume(
        job.campaign,
        job.reach,
        connect,
        pacing=job.pacing,
        fallback=job.fallback,
        spend=job.spend,
        at_once=job.at_once,
        control=control,
        on_progress=on_progress,
    )


def child_main(source: IO[bytes], sink: IO[bytes]) -> int:
    """The child's whole life: read the job, run it while listening for control words, report the end."""
    job: IsolatedJob = read_frame(source)
    if job.log_dir is not None:
        configure_logging(job.log_dir)
    control = SendControl()
    threading.Thread(target=_listen, args=(source, control), name="liasmart-control", daemon=True).start()
    lock = threading.Lock()

    def report(kind: str, value: object) -> None:
        with lock:
            write_frame(sink, (kind, value))

    try:
        result = run_job(job, control, report)
    except Exception as exc:  # noqa: BLE001 - every failure goes back to the parent, which explains it
        log.info("sending job failed: %s", exc)
        report("error", exc)
        return 1
    report("done", result)
    return 0


def main() -> NoReturn:
    """Entry point of the child process (``python -m liasmart_desktop.core.sending.isolation``)."""
    # Ctrl-C in the terminal that started the app reaches the whole process group: the app decides.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write into the report stream
    code = child_main(source, sink)
    # The control listener may still be blocked reading stdin: interpreter shutdown would wait on it.
    logging.shutdown()
    os._exit(code)


# ---------------------------------------------------------------------------------------- the parent


def child_command(executable: str | None = None, *, frozen: bool | None = None) -> list[str]:
    """How to start the child: a frozen build's console ``liasmart`` (beside the app) with ``CHILD_FLAG``,
    or this module under this interpreter."""
    executable = executable or sys.executable
    if not (getattr(sys, "frozen", False) if frozen is None else frozen):
        return [executable, "-m", "liasmart_desktop.core.sending.isolation"]
    own = Path(executable)
    console = own.with_name("liasmart" + own.suffix)
    return [str(console if console.exists() else own), CHILD_FLAG]


@contextlib.contextmanager
def _child() -> Iterator[tuple[subprocess.Popen[bytes], IO[bytes], IO[bytes]]]:
    """The child process with its stdin (jobs and control words) and stdout (reports)."""
    # No console window for the child of a windowed app on Windows (the flag is 0 elsewhere).
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    process = subprocess.Popen(  # noqa: S603 - our own executable and module, no shell
        child_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, creationflags=flags
    )
    source, reports = process.stdin, process.stdout
    assert source is not None  # Popen made both pipes
    assert reports is not None
    try:
        yield process, source, reports
    finally:
        # Closing stdin tells a child still running to stop after the requests in flight; its
        # reports are closed only once it has ended, so the reader thread is never cut mid-read.
        with contextlib.suppress(OSError):
            source.close()
        process.wait()
        reports.close()


def _reader(stream: IO[bytes], inbox: queue.SimpleQueue[tuple[str, object]]) -> None:
    try:
        while True:
            inbox.put(read_frame(stream))
    except EOFError:
        inbox.put(("eof", None))


class _ControlForwarder:
    """Sends the parent's ``SendControl`` changes to the child, once each."""

    def __init__(self, control: SendControl, stream: IO[bytes]) -> None:
        self._control = control
        self._stream = stream
        self._sent = (False, False, False)  # paused, cancelled, stopped

    def forward(self) -> None:
        now = (self._control.paused, self._control.cancelled, self._control.stopped)
        if now == self._sent:
            return
        paused, cancelled, stopped = now
        with contextlib.suppress(OSError):  # the child is gone: the reader reports it
            if paused != self._sent[0]:
                write_frame(self._stream, Control.PAUSE if paused else Control.RESUME)
            if cancelled and not self._sent[1]:
                write_frame(self._stream, Control.CANCEL)
            if stopped and not self._sent[2]:
                write_frame(self._stream, Control.STOP)
        self._sent = now


def run_isolated(
    job: IsolatedJob,
    control: SendControl,
    on_progress: Callable[[Progress], None],
    on_created: Callable[[LoadedCampaign], None],
) -> RunReport | None:
    """Run ``job`` in a child process; block until it ends. Raises what the operation raised there, or
    ``SenderStoppedError`` when the child died without a word."""
    with _child() as (process, source, reports):
        with contextlib.suppress(OSError):  # a child that died at once: the reader reports it
            write_frame(source, job)
        inbox: queue.SimpleQueue[tuple[str, object]] = queue.SimpleQueue()
        threading.Thread(target=_reader, args=(reports, inbox), name="liasmart-reports", daemon=True).start()
        forwarder = _ControlForwarder(control, source)
        while True:
            forwarder.forward()
            try:
                kind, value = inbox.get(timeout=CONTROL_POLL_S)
            except queue.Empty:
                continue
            if kind == "progress":
                on_progress(value)  # type: ignore[arg-type]
            elif kind == "created":
                on_created(value)  # type: ignore[arg-type]
            elif kind == "done":
                return value  # type: ignore[return-value]
            elif kind == "error":
                raise value  # type: ignore[misc]
            else:
                break
    raise SenderStoppedError(process.returncode)


if __name__ == "__main__":
    # Run the module by its own name: the job's pickled classes (JobKind …) must be the same objects.
    import importlib

    importlib.import_module("liasmart_desktop.core.sending.isolation").main()
