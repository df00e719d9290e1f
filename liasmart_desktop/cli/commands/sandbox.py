"""``liasmart sandbox``: run the LiaSmart-compatible simulator on 127.0.0.1."""

from __future__ import annotations

import argparse
import math
from decimal import Decimal, InvalidOperation
from pathlib import Path

from liasmart_desktop.cli.commands import Command
from liasmart_desktop.cli.context import CliContext
from liasmart_desktop.cli.errors import CliError, ExitCode
from liasmart_desktop.sandbox import FaultKind, SandboxConfig, serve_forever
from liasmart_desktop.sandbox.config import (
    DEFAULT_BALANCE,
    DEFAULT_DLR_DELAY_S,
    DEFAULT_PRICE_PER_PART,
    DEFAULT_RETRY_AFTER_S,
    DEFAULT_SLOW_MS,
    MAX_PORT,
)

#: The password the sandbox expects, when it should check one (never a command-line option).
SANDBOX_PASSWORD_ENV = "LIASMART_SANDBOX_PASSWORD"  # noqa: S105 - a variable name, not a password


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        "The base URL is the first line on stdout. Any non-empty API ID and password are accepted "
        f"unless --api-id names the one to accept; set {SANDBOX_PASSWORD_ENV} to check the password too."
    )
    # Values are taken as text and checked in _config, so a bad one gets one clear sentence.
    parser.add_argument("--port", default="0", metavar="N", help="port (default: any free port)")
    parser.add_argument("--latency-ms", default="0", metavar="MS", help="delay before every reply")
    parser.add_argument(
        "--fail-rate",
        default="0",
        metavar="X",
        help='share of SendSMS requests refused with "F" (0 to 1)',
    )
    parser.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="KIND=RATE",
        help="inject a fault into that share of SendSMS requests (repeatable); kinds: "
        + ", ".join(kind.value for kind in FaultKind),
    )
    parser.add_argument("--ledger", metavar="FILE", help="append one JSON line per request to FILE")
    parser.add_argument("--fsync-ledger", action="store_true", help="fsync the ledger after every line")
    parser.add_argument("--seed", metavar="N", help="seed for the random faults (repeatable runs)")
    parser.add_argument("--balance", default=str(DEFAULT_BALANCE), metavar="AMOUNT", help="starting balance")
    parser.add_argument(
        "--price-per-part",
        default=str(DEFAULT_PRICE_PER_PART),
        metavar="AMOUNT",
        help="what one SMS part costs",
    )
    parser.add_argument(
        "--dlr-delay-s",
        default=str(DEFAULT_DLR_DELAY_S),
        metavar="S",
        help='seconds a delivery status stays "Pending"',
    )
    parser.add_argument(
        "--dlr-fail-rate", default="0", metavar="X", help='share of delivery reports that end "Failed"'
    )
    parser.add_argument(
        "--retry-after",
        default=str(DEFAULT_RETRY_AFTER_S),
        metavar="SECONDS",
        help="Retry-After sent with 429 and 503, or 'none' for no header",
    )
    parser.add_argument("--retry-after-date", action="store_true", help="send Retry-After as an HTTP date")
    parser.add_argument(
        "--slow-ms",
        default=f"{DEFAULT_SLOW_MS:g}",
        metavar="MS",
        help="how late the 'slow' fault answers",
    )
    parser.add_argument(
        "--sender-id",
        action="append",
        default=[],
        metavar="ID",
        help="accept only these sender IDs (repeatable; default: any)",
    )
    parser.add_argument(
        "--no-transactional",
        action="store_true",
        help='refuse sms_type "T" like an account without transactional SMS',
    )


def _number(option: str, text: str, *, low: float = 0.0, high: float = math.inf) -> float:
    try:
        value = float(text)
    except ValueError:
        raise CliError(ExitCode.USAGE, f"{option} must be a number, not {text!r}.") from None
    if not (math.isfinite(value) and low <= value <= high):
        bounds = f"between {low:g} and {high:g}" if math.isfinite(high) else f"{low:g} or more"
        raise CliError(ExitCode.USAGE, f"{option} must be {bounds}, not {text}.")
    return value


def _integer(option: str, text: str, *, low: int = 0, high: int | None = None) -> int:
    try:
        value = int(text)
    except ValueError:
        raise CliError(ExitCode.USAGE, f"{option} must be a whole number, not {text!r}.") from None
    if value < low or (high is not None and value > high):
        bounds = f"between {low} and {high}" if high is not None else f"{low} or more"
        raise CliError(ExitCode.USAGE, f"{option} must be {bounds}, not {text}.")
    return value


def _money(option: str, text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise CliError(
            ExitCode.USAGE, f"{option} must be an amount such as 100 or 0.05, not {text!r}."
        ) from None
    if not value.is_finite() or value < 0:
        raise CliError(ExitCode.USAGE, f"{option} must be an amount of zero or more, not {text}.")
    return value


def _faults(specs: list[str]) -> dict[FaultKind | str, float]:
    rates: dict[FaultKind | str, float] = {}
    for spec in specs:
        name, equals, rate = spec.partition("=")
        if not equals:
            raise CliError(ExitCode.USAGE, f"--fault takes KIND=RATE, such as drop=0.05, not {spec!r}.")
        try:
            kind = FaultKind.parse(name)
        except ValueError as exc:
            raise CliError(ExitCode.USAGE, f"--fault: {exc}.") from None
        rates[kind] = rates.get(kind, 0.0) + _number(f"The rate of {kind.value}", rate, high=1.0)
    return rates


def _retry_after(text: str) -> int | None:
    if text.strip().lower() == "none":
        return None
    return _integer("--retry-after", text)


def _config(ctx: CliContext) -> SandboxConfig:
    args = ctx.args
    try:
        return SandboxConfig(
            port=_integer("--port", args.port, high=MAX_PORT),
            latency_ms=_number("--latency-ms", args.latency_ms),
            fail_rate=_number("--fail-rate", args.fail_rate, high=1.0),
            fault_rates=_faults(args.fault),
            seed=None if args.seed is None else _integer("--seed", args.seed),
            ledger_path=Path(args.ledger) if args.ledger else None,
            fsync_ledger=args.fsync_ledger,
            # The common --api-id, when given, is the one API ID the sandbox accepts.
            api_id=args.api_id or None,
            api_password=ctx.env.get(SANDBOX_PASSWORD_ENV) or None,
            balance=_money("--balance", args.balance),
            price_per_part=_money("--price-per-part", args.price_per_part),
            dlr_delay_s=_number("--dlr-delay-s", args.dlr_delay_s),
            dlr_fail_rate=_number("--dlr-fail-rate", args.dlr_fail_rate, high=1.0),
            retry_after=_retry_after(args.retry_after),
            retry_after_http_date=args.retry_after_date,
            slow_ms=_number("--slow-ms", args.slow_ms),
            sender_ids=frozenset(args.sender_id) if args.sender_id else None,
            allow_transactional=not args.no_transactional,
        )
    except ValueError as exc:  # combinations SandboxConfig refuses, e.g. fault rates adding up past 1
        text = str(exc)
        raise CliError(ExitCode.USAGE, f"{text[:1].upper()}{text[1:]}.") from None


def run_sandbox(ctx: CliContext) -> int:
    """Serve until Ctrl-C or SIGTERM; the base URL is the first line on stdout."""
    config = _config(ctx)

    def announce(base_url: str) -> None:
        ctx.say(base_url)
        ledger = f"; ledger: {config.ledger_path}" if config.ledger_path is not None else ""
        ctx.warn(f"LiaSmart sandbox running at {base_url}{ledger}. Press Ctrl-C to stop.")

    try:
        stats = serve_forever(config, announce)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        if exc.filename is not None:
            raise CliError(
                ExitCode.USAGE, f"Cannot write the ledger file {exc.filename}: {reason}."
            ) from None
        raise CliError(
            ExitCode.USAGE, f"Cannot listen on {config.host} port {config.port}: {reason}."
        ) from None
    requests = f"{stats.requests} request{'' if stats.requests == 1 else 's'}"
    ctx.warn(f"Sandbox stopped after {requests} ({stats.processed} messages accepted).")
    return ExitCode.OK


COMMANDS = [
    Command(
        "sandbox",
        "run the LiaSmart-compatible simulator on 127.0.0.1",
        _add_arguments,
        run_sandbox,
    )
]
