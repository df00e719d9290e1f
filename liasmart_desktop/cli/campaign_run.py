"""What ``send``, ``resume`` and ``resend`` share: the provider, the run, the output, the exit code."""

from __future__ import annotations

import contextlib
import signal
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import FrameType

from liasmart_desktop.cli.context import CliContext, dump_json
from liasmart_desktop.cli.errors import ExitCode
from liasmart_desktop.cli.wording import describe_stop, state_word
from liasmart_desktop.core.api.client import LiaSmartClient
from liasmart_desktop.core.api.payloads import Balance
from liasmart_desktop.core.credentials import Credentials
from liasmart_desktop.core.sending.engine import EngineConfig, Progress, RunResult, SendControl, SendEngine
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.records import Campaign, MessageRecord
from liasmart_desktop.core.sending.states import MessageState, StopReason
from liasmart_desktop.core.settings import MAX_CONCURRENCY, MAX_RATE_PER_S
from liasmart_desktop.sandbox import SandboxConfig, SandboxServer

#: Credentials for the built-in simulator, which accepts any; never a real password.
SANDBOX_CREDENTIALS = Credentials("SANDBOX", "sandbox-practice")
SANDBOX_DLR_DELAY_S = 2.0
SANDBOX_LEDGER_ENTRIES = 100
PROGRESS_EVERY_S = 0.5
_OPEN = (MessageState.PENDING, MessageState.IN_FLIGHT, MessageState.RETRY_WAIT)


@dataclass(frozen=True, slots=True)
class Provider:
    """A connected API client and what it points at."""

    client: LiaSmartClient
    base_url: str
    sandbox: bool


@contextlib.contextmanager
def provider(
    ctx: CliContext, *, sandbox: bool, concurrency: int, base_url: str | None = None
) -> Iterator[Provider]:
    """A client for LiaSmart (credentials from the environment or keyring) or for a fresh sandbox."""
    if sandbox:
        # Nobody reads the built-in simulator's ledger: keeping it short keeps a large send's memory flat.
        config = SandboxConfig(dlr_delay_s=SANDBOX_DLR_DELAY_S, ledger_memory_entries=SANDBOX_LEDGER_ENTRIES)
        server = SandboxServer(config).start()
        try:
            with LiaSmartClient(
                SANDBOX_CREDENTIALS, base_url=server.base_url, max_connections=concurrency
            ) as client:
                yield Provider(client, server.base_url, sandbox=True)
        finally:
            server.stop()
        return
    with ctx.client(max_connections=concurrency, base_url=base_url) as client:
        yield Provider(client, client.base_url, sandbox=False)


def engine_config(ctx: CliContext) -> EngineConfig:
    """Concurrency and rate from the options, else the saved settings (``ValueError`` when out of range)."""
    concurrency = getattr(ctx.args, "concurrency", None)
    rate = getattr(ctx.args, "rate", None)
    # ``is None``, not ``or``: "--concurrency 0" is a mistake to report, not a request for the default.
    concurrency = ctx.settings.concurrency if concurrency is None else concurrency
    rate = ctx.settings.rate_per_second if rate is None else rate
    if not (1 <= concurrency <= MAX_CONCURRENCY and 0 < rate <= MAX_RATE_PER_S):
        raise ValueError(f"concurrency {concurrency}, rate {rate}")
    return EngineConfig(concurrency=concurrency, rate_per_s=rate)


def preflight(ctx: CliContext, where: Provider) -> Balance:
    """A balance query: proves the credentials and the IP allow-list without sending anything."""
    balance = where.client.check_balance()
    if not ctx.json_mode:
        ctx.warn(f"Balance: {balance.amount:,} {balance.currency}".rstrip())
    return balance


class _ProgressLine:
    """A one-line progress display on stderr (only on a terminal, never with --json)."""

    def __init__(self, ctx: CliContext, total: int) -> None:
        self._ctx = ctx
        self._total = total
        self.enabled = not ctx.json_mode and ctx.stderr.isatty()
        self._last = 0.0
        self._started = time.monotonic()

    def __call__(self, progress: Progress) -> None:
        now = time.monotonic()
        if now - self._last < PROGRESS_EVERY_S and not progress.done:
            return
        self._last = now
        counts = progress.counts
        done = sum(counts[s] for s in MessageState if s not in _OPEN)
        rate = done / max(now - self._started, 1e-6)
        line = (
            f"\r{done:,}/{self._total:,} done · accepted {counts[MessageState.ACCEPTED]:,} · "
            f"rejected {counts[MessageState.REJECTED]:,} · unknown {counts[MessageState.UNKNOWN]:,} · "
            f"{rate:,.0f} msg/s"
        )
        self._ctx.stderr.write(line + ("\n" if progress.done else ""))
        self._ctx.stderr.flush()


@contextlib.contextmanager
def _ctrl_c_stops(control: SendControl) -> Iterator[None]:
    """Ctrl-C ends the run cleanly (in-flight requests finish, the rest can be resumed)."""

    def handler(_signum: int, _frame: FrameType | None) -> None:
        control.stop()

    try:
        previous = signal.signal(signal.SIGINT, handler)
    except ValueError:  # not the main thread (tests calling main() from a worker): no handler
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def run_campaign(ctx: CliContext, journal: Journal, campaign: Campaign, where: Provider) -> RunResult:
    """Send the campaign's open messages; Ctrl-C stops after the requests in flight."""
    control = SendControl()
    total = sum(journal.counts(campaign.id).values())
    line = _ProgressLine(ctx, total)
    # Without a terminal nobody sees the line: no progress reports at all keeps the engine lean.
    engine = SendEngine(journal, where.client, engine_config(ctx), on_progress=line if line.enabled else None)
    with _ctrl_c_stops(control):
        return engine.run(campaign, control)


def message_fields(m: MessageRecord) -> dict[str, object]:
    """One message in ``--json`` output (shared/cli.md fields first)."""
    return {
        "row": m.row,
        "phone": m.phone,
        "state": m.state.value,
        "message_id": m.message_id,
        "remarks": m.remarks,
        "uid": m.uid,
        "segments": m.segments,
        "encoding": m.encoding,
        "attempt": m.attempt,
        "reason": m.reason,
        "delivery_status": m.dlr_status,
    }


def counts_fields(counts: Mapping[MessageState, int]) -> dict[str, int]:
    """Counts per state, every state present."""
    return {state.value: counts.get(state, 0) for state in MessageState}


def write_results_json(
    ctx: CliContext, journal: Journal, campaign: Campaign, extra: Mapping[str, object]
) -> None:
    """One JSON document, streamed message by message so a 100,000-message campaign stays small in memory."""
    head = {"campaign": campaign.code, **extra, "counts": counts_fields(journal.counts(campaign.id))}
    text = dump_json(head)
    out = ctx.stdout
    out.write(text[:-1] + ', "messages": [')
    for index, message in enumerate(journal.messages(campaign.id)):
        out.write(("," if index else "") + dump_json(message_fields(message)))
    out.write("]}\n")
    out.flush()


def exit_code(result: RunResult) -> ExitCode:
    """0 when every message ended accepted or rejected; 3 refused; 4 unreachable; 1 otherwise."""
    if result.stop_reason is StopReason.ACCOUNT_REFUSED:
        return ExitCode.REFUSED
    if result.stop_reason is StopReason.NETWORK_DOWN:
        return ExitCode.UNREACHABLE
    settled = {MessageState.ACCEPTED, MessageState.REJECTED}
    if any(count and state not in settled for state, count in result.counts.items()):
        return ExitCode.UNFINISHED
    return ExitCode.OK


def finish(ctx: CliContext, journal: Journal, campaign: Campaign, result: RunResult, recovered: int) -> int:
    """Print the outcome (JSON or a summary, and why a run stopped) and return the exit code."""
    code = exit_code(result)
    if recovered:
        ctx.warn(
            f"{recovered:,} message(s) were being sent when the previous run stopped; they are marked "
            "unknown (they may have been delivered) and were not sent again."
        )
    if result.stop_reason is not None:
        ctx.warn(describe_stop(result.stop_reason, result.stop_detail, campaign.code))
    if ctx.json_mode:
        write_results_json(ctx, journal, campaign, {"status": result.status.value})
        return int(code)
    parts = ", ".join(f"{count:,} {state_word(state)}" for state, count in result.counts.items() if count)
    ctx.say(f"Campaign {campaign.code}: {result.status.value} — {parts or 'no messages'}.")
    if result.counts.get(MessageState.UNKNOWN):
        ctx.say(
            "Unknown messages may or may not have been delivered. Send them again only if you accept that "
            f"some may arrive twice: `liasmart resend {campaign.code} --state unknown`."
        )
    return int(code)


def confirm(ctx: CliContext, question: str) -> bool:
    """Ask on the terminal; refuse (``False``) when stdin is not one."""
    if not ctx.stdin.isatty():
        return False
    ctx.stderr.write(question + " [y/N] ")
    ctx.stderr.flush()
    return ctx.stdin.readline().strip().lower() in {"y", "yes"}
