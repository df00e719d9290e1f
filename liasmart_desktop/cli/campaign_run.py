"""What ``send``, ``resume`` and ``resend`` share: the connection, progress, the output, the exit code.

Every campaign rule lives in the core's ``CampaignService``; this module only opens connections
where the service says a campaign goes, shows progress, and prints what the service reports.
"""

from __future__ import annotations

import contextlib
import signal
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

from liasmart_desktop.cli.context import CliContext, dump_json
from liasmart_desktop.cli.errors import ExitCode
from liasmart_desktop.cli.wording import describe_record, describe_stop, state_word
from liasmart_desktop.core.api.client import LiaSmartClient
from liasmart_desktop.core.api.payloads import Balance
from liasmart_desktop.core.credentials import Credentials
from liasmart_desktop.core.sending.campaigns import CampaignService, Reach
from liasmart_desktop.core.sending.engine import SendControl
from liasmart_desktop.core.sending.records import Campaign, MessageRecord, Pacing, Route
from liasmart_desktop.core.sending.schedule import from_utc_text, zoned_text
from liasmart_desktop.core.sending.schedule import journal_zoned_text as journal_time
from liasmart_desktop.core.sending.states import CampaignStatus, MessageState, SetAsideStatus, StopReason
from liasmart_desktop.core.sending.summaries import CampaignOverview, Progress, RunReport, RunResult
from liasmart_desktop.core.settings import check_pacing
from liasmart_desktop.sandbox import SandboxConfig, SandboxServer

#: Credentials for the built-in simulator, which accepts any; never a real password.
SANDBOX_CREDENTIALS = Credentials("SANDBOX", "sandbox-practice")
SANDBOX_DLR_DELAY_S = 2.0
SANDBOX_LEDGER_ENTRIES = 100
PROGRESS_EVERY_S = 0.5
_OPEN = (MessageState.PENDING, MessageState.IN_FLIGHT, MessageState.RETRY_WAIT)


def service(ctx: CliContext) -> CampaignService:
    """The campaign service on this data folder's journal."""
    return CampaignService(ctx.paths.journal_file)


def reach(ctx: CliContext) -> Reach:
    """The command line reaches the account of ``--api-id`` (or the saved one) and a fresh simulator."""
    return Reach(api_id=ctx.api_id, sandbox=True)


def explicit_pacing(ctx: CliContext) -> Pacing | None:
    """``--concurrency``/``--rate`` when given (checked; the other one from the settings), else ``None``."""
    concurrency = getattr(ctx.args, "concurrency", None)
    rate = getattr(ctx.args, "rate", None)
    if concurrency is None and rate is None:
        return None
    # ``is None``, not ``or``: "--concurrency 0" is a mistake to report, not a request for the default.
    pacing = Pacing(
        ctx.settings.concurrency if concurrency is None else concurrency,
        ctx.settings.rate_per_second if rate is None else rate,
    )
    check_pacing(pacing.concurrency, pacing.rate_per_s)
    return pacing


def saved_pacing(ctx: CliContext) -> Pacing:
    """The pacing in the settings (what a new campaign gets without options)."""
    return Pacing(ctx.settings.concurrency, ctx.settings.rate_per_second)


def _explicit_base_url(ctx: CliContext) -> str | None:
    return getattr(ctx.args, "base_url", None) or ctx.env.get("LIASMART_BASE_URL") or None


def check_balance(ctx: CliContext, *, concurrency: int = 1) -> Balance:
    """A balance query: proves the credentials and the IP allow-list without sending anything."""
    with ctx.client(max_connections=concurrency) as client:
        balance = client.check_balance()
    if not ctx.json_mode:
        ctx.warn(f"Balance: {balance.amount:,} {balance.currency}".rstrip())
    return balance


@contextlib.contextmanager
def connection(ctx: CliContext, route: Route, *, preflight: bool = True) -> Iterator[LiaSmartClient]:
    """The client for where the campaign goes: a fresh simulator, or its account at its address.

    A real campaign's balance is checked first (``preflight``): a refused account stops here.
    """
    concurrency = route.pacing.concurrency
    if route.sandbox:
        # Nobody reads the built-in simulator's ledger: keeping it short keeps a large send's memory flat.
        config = SandboxConfig(dlr_delay_s=SANDBOX_DLR_DELAY_S, ledger_memory_entries=SANDBOX_LEDGER_ENTRIES)
        server = SandboxServer(config).start()
        try:
            with LiaSmartClient(
                SANDBOX_CREDENTIALS, base_url=server.base_url, max_connections=concurrency
            ) as client:
                yield client
        finally:
            server.stop()
        return
    base_url = _explicit_base_url(ctx) or route.base_url or None
    with ctx.client(max_connections=concurrency, base_url=base_url) as client:
        if preflight:
            balance = client.check_balance()
            if not ctx.json_mode:
                ctx.warn(f"Balance: {balance.amount:,} {balance.currency}".rstrip())
        yield client


def per_second(rate: float) -> str:
    """A rate for people: whole numbers from 10 up, two significant digits below."""
    return f"{rate:,.0f}" if rate >= 10 else f"{rate:.2g}"


class ProgressLine:
    """A one-line progress display on stderr (only on a terminal, never with --json)."""

    def __init__(self, ctx: CliContext) -> None:
        self._ctx = ctx
        self.enabled = not ctx.json_mode and ctx.stderr.isatty()
        self._last = 0.0
        self._started = time.monotonic()

    def __call__(self, progress: Progress) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self._last < PROGRESS_EVERY_S and not progress.done):
            return
        self._last = now
        counts = progress.counts
        total = sum(counts.values())
        done = sum(counts[s] for s in MessageState if s not in _OPEN)
        rate = done / max(now - self._started, 1e-6)
        pace = f"pace {per_second(progress.rate_per_s)}/s"
        if progress.held_until is not None:
            pace = f"quiet hours: nothing leaves before {zoned_text(progress.held_until)}"
        elif progress.rate_per_s < progress.target_rate_per_s:
            pace += f" of {per_second(progress.target_rate_per_s)}: LiaSmart asked to slow down"
        line = (
            f"\r{done:,}/{total:,} done · accepted {counts[MessageState.ACCEPTED]:,} · "
            f"rejected {counts[MessageState.REJECTED]:,} · unknown {counts[MessageState.UNKNOWN]:,} · "
            f"{rate:,.0f} msg/s ({pace})"
        )
        try:
            self._ctx.stderr.write(line + ("\n" if progress.done else ""))
            self._ctx.stderr.flush()
        except OSError:  # the terminal went away (SIGHUP): sending goes on without a progress line
            self.enabled = False

    @property
    def callback(self) -> ProgressLine | None:
        """Itself when shown; without a terminal nobody sees it, and no reports keep the engine lean."""
        return self if self.enabled else None


#: The signals that stop a run cleanly, and the exit code each ends it with.
STOP_SIGNALS: dict[int, ExitCode] = {
    signal.SIGINT: ExitCode.INTERRUPTED,
    signal.SIGTERM: ExitCode.TERMINATED,
    **({signal.SIGHUP: ExitCode.HANGUP} if hasattr(signal, "SIGHUP") else {}),
}


@dataclass
class Interruption:
    """Which signal stopped the run (``None``: none did)."""

    signum: int | None = None

    @property
    def exit_code(self) -> ExitCode | None:
        """The exit code the signal asks for."""
        return None if self.signum is None else STOP_SIGNALS[self.signum]


@contextlib.contextmanager
def signals_stop(control: SendControl) -> Iterator[Interruption]:
    """Ctrl-C, SIGTERM and SIGHUP end the run cleanly: nothing more is claimed, the requests in flight
    finish and are recorded (none is left unknown), the rest can be resumed. Without this a SIGTERM
    or SIGHUP would end the process at once, leaving every request in flight unknown."""
    caught = Interruption()

    def handler(signum: int, _frame: FrameType | None) -> None:
        caught.signum = caught.signum or signum  # the first signal names the exit
        control.stop()

    previous: dict[int, Any] = {}
    try:
        for signum in STOP_SIGNALS:
            previous[signum] = signal.signal(signum, handler)
    except ValueError:  # not the main thread (tests calling main() from a worker): no handlers
        pass
    try:
        yield caught
    finally:
        for signum, earlier in previous.items():
            signal.signal(signum, earlier)


def message_fields(m: MessageRecord) -> dict[str, object]:
    """One message in ``--json`` output (the contract's fields first)."""
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
    ctx: CliContext, campaigns: CampaignService, campaign: Campaign, extra: Mapping[str, object]
) -> None:
    """One JSON document, streamed message by message so a 100,000-message campaign stays small in memory.

    It names the rows set aside (and why); when some were set aside because their number is on the
    do-not-message list, ``counts`` adds ``opted_out`` (otherwise ``counts`` holds message states only).
    """
    overview = campaigns.overview(campaign.code)
    counts = overview.counts
    set_aside = campaigns.set_aside(campaign.code) if overview.set_aside else []  # most lists have none
    opted_out = sum(1 for row in set_aside if row.status is SetAsideStatus.OPTED_OUT)
    head = {
        "campaign": campaign.code,
        **extra,
        "set_aside": [
            {"row": s.row, "original": s.original, "status": s.status.value, "reason": describe_record(s)}
            for s in set_aside
        ],
        "counts": {**counts_fields(counts), **({"opted_out": opted_out} if opted_out else {})},
    }
    text = dump_json(head)
    out = ctx.stdout
    out.write(text[:-1] + ', "messages": [')
    for index, message in enumerate(campaigns.messages(campaign.code)):
        out.write(("," if index else "") + dump_json(message_fields(message)))
    out.write("]}\n")
    out.flush()


def exit_code(result: RunResult) -> ExitCode:
    """0 when every message ended accepted or rejected; 3 refused; 4 unreachable; 2 when the journal
    could not be written or went away (the data folder's trouble); 1 otherwise."""
    if result.stop_reason is StopReason.ACCOUNT_REFUSED:
        return ExitCode.REFUSED
    if result.stop_reason is StopReason.NETWORK_DOWN:
        return ExitCode.UNREACHABLE
    if result.stop_reason in {StopReason.JOURNAL_FAILED, StopReason.JOURNAL_GONE}:
        return ExitCode.USAGE
    settled = {MessageState.ACCEPTED, MessageState.REJECTED}
    if any(count and state not in settled for state, count in result.counts.items()):
        return ExitCode.UNFINISHED
    return ExitCode.OK


def finish(
    ctx: CliContext, campaigns: CampaignService, report: RunReport, interruption: Interruption | None = None
) -> int:
    """Print the outcome (JSON or a summary, and why a run stopped) and return the exit code.

    A run a signal stopped exits with that signal's code. If the terminal is gone by then (SIGHUP),
    the results stay in the journal and the exit code still says how the run ended.
    """
    signalled = interruption.exit_code if interruption is not None else None
    code = signalled or exit_code(report.result)
    try:
        _print_outcome(ctx, campaigns, report)
    except OSError:
        if signalled is None:
            raise
    return int(code)


def _print_outcome(ctx: CliContext, campaigns: CampaignService, report: RunReport) -> None:
    result, campaign = report.result, report.campaign
    if report.recovered:
        ctx.warn(
            f"{report.recovered:,} message(s) were being sent when the previous run stopped; they are "
            "marked unknown (they may have been delivered) and were not sent again."
        )
    if report.adopted:
        ctx.warn(
            f"Campaign {campaign.code} was created before campaigns recorded their account; it now belongs "
            f"to API ID {campaign.api_id} and will only ever be sent through it."
        )
    if report.withheld:
        ctx.warn(
            f"{report.withheld:,} message(s) go to numbers on the do-not-message list; they were not sent."
        )
    if result.stop is not None:
        ctx.warn(describe_stop(result.stop, campaign.code))
    if ctx.json_mode:
        if result.stop_reason is StopReason.JOURNAL_GONE:
            # The journal at its path is not this campaign's any more; the copy kept aside is.
            kept = result.stop.detail if result.stop is not None else ""
            campaigns = CampaignService(Path(kept)) if kept else campaigns
        write_results_json(ctx, campaigns, campaign, {"status": result.status.value})
        return
    parts = ", ".join(f"{count:,} {state_word(state)}" for state, count in result.counts.items() if count)
    ctx.say(f"Campaign {campaign.code}: {result.status.value} — {parts or 'no messages'}.")
    if result.counts.get(MessageState.UNKNOWN):
        ctx.say(
            "Unknown messages may or may not have been delivered. Send them again only if you accept that "
            f"some may arrive twice: `liasmart resend {campaign.code} --state unknown`."
        )


def confirm(ctx: CliContext, question: str) -> bool:
    """Ask on the terminal; refuse (``False``) when stdin is not one."""
    if not ctx.stdin.isatty():
        return False
    ctx.stderr.write(question + " [y/N] ")
    ctx.stderr.flush()
    return ctx.stdin.readline().strip().lower() in {"y", "yes"}


def report_scheduled(ctx: CliContext, campaigns: CampaignService, campaign: Campaign) -> int:
    """Say that a campaign waits for its time (``send --at``): exit 0, nothing was sent."""
    when = journal_time(campaign.scheduled_at)
    if ctx.json_mode:
        extra = {"status": campaign.status.value, "scheduled_at": local_iso(campaign.scheduled_at)}
        write_results_json(ctx, campaigns, campaign, extra)
    else:
        ctx.say(
            f"Campaign {campaign.code} is scheduled for {when}; nothing was sent. Run `liasmart resume "
            f"{campaign.code}` to send it then (it waits for its time; --now sends at once)."
        )
    return int(ExitCode.OK)


def say_if_waiting(ctx: CliContext, overview: CampaignOverview | None) -> None:
    """Before ``resume`` waits for a scheduled campaign's time, say so (and how to stop)."""
    if overview is None or ctx.args.now:
        return
    campaign = overview.campaign
    if campaign.status is CampaignStatus.SCHEDULED and not ctx.json_mode:
        ctx.warn(
            f"Campaign {campaign.code} is scheduled for {journal_time(campaign.scheduled_at)}; waiting until "
            "then (Ctrl-C stops, and nothing is sent before that time)."
        )


def local_iso(iso_utc: str | None) -> str | None:
    """A journal time (ISO 8601 UTC) as local ISO 8601 with its offset, for JSON (``None`` stays)."""
    return from_utc_text(iso_utc).isoformat(timespec="minutes") if iso_utc else None
