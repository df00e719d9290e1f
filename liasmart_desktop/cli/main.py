"""``liasmart``: parse the command line, run one command, turn every failure into an exit code, a sentence."""

from __future__ import annotations

import argparse
import io
import logging
import os
import sys
import traceback
from collections.abc import Mapping, Sequence
from typing import TextIO

from liasmart_desktop import __version__
from liasmart_desktop.cli.commands import (
    Command,
    account,
    analyze,
    campaign,
    common_options,
    import_list,
    optout,
    results,
    sandbox,
    schedule,
    templates,
)
from liasmart_desktop.cli.context import CliContext
from liasmart_desktop.cli.errors import CliError, ExitCode
from liasmart_desktop.cli.messages import describe_error
from liasmart_desktop.core.errors import LiaSmartError
from liasmart_desktop.core.logs import configure_logging, redact

log = logging.getLogger(__name__)

COMMANDS: tuple[Command, ...] = (
    *analyze.COMMANDS,
    *import_list.COMMANDS,
    *campaign.COMMANDS,
    *results.COMMANDS,
    *optout.COMMANDS,
    *templates.COMMANDS,
    *schedule.COMMANDS,
    *account.COMMANDS,
    *sandbox.COMMANDS,
)


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, one sub-parser per command."""
    parser = argparse.ArgumentParser(
        prog="liasmart",
        description="Send SMS through the LiaSmart API. The API password is read from "
        "LIASMART_API_PASSWORD or the OS keyring (see `liasmart login`), never from an option.",
    )
    parser.add_argument("--version", action="version", version=f"liasmart {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    common = common_options()
    for command in COMMANDS:
        child = sub.add_parser(command.name, help=command.help, description=command.help, parents=[common])
        command.add_arguments(child)
        child.set_defaults(handler=command.run)
    return parser


def _setup_logging(ctx: CliContext) -> None:
    debug = bool(ctx.args.debug)
    try:
        log_dir = ctx.paths.log_dir
    except LiaSmartError:
        log_dir = None  # the command itself reports an unusable data folder when it needs one
    configure_logging(log_dir, debug=debug, stream=ctx.stderr if debug else None)


def _show_traceback(ctx: CliContext, exc: BaseException) -> None:
    if ctx.args.debug:
        ctx.stderr.write(redact("".join(traceback.format_exception(exc))))


def _base_url_or_empty(ctx: CliContext) -> str:
    try:
        return ctx.base_url
    except LiaSmartError:
        return ""


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass  # stdout is not a real file (tests pass a StringIO)


def main(
    argv: Sequence[str] | None = None,
    *,
    env: Mapping[str, str] | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    stdin: TextIO | None = None,
) -> int:
    """Run ``liasmart`` with ``argv``; return the exit code (see ``ExitCode``)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed usage or help
        return int(exc.code or 0)
    ctx = CliContext(args, env=env, stdout=stdout, stderr=stderr, stdin=stdin)
    _setup_logging(ctx)
    try:
        return int(args.handler(ctx))
    except CliError as exc:
        ctx.warn(exc.message)
        return int(exc.exit_code)
    except LiaSmartError as exc:
        log.info("command %s failed: %s", args.command, exc)
        code, sentence = describe_error(exc, _base_url_or_empty(ctx))
        ctx.warn(sentence)
        _show_traceback(ctx, exc)
        return int(code)
    except KeyboardInterrupt:
        ctx.warn("Stopped.")
        return int(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        # The reader (``| head``) went away: not our error. Point stdout at nothing so the
        # interpreter's final flush does not complain either.
        _silence_stdout()
        return int(ExitCode.OK)
    except Exception as exc:  # the last line of defence: one sentence, no traceback
        log.exception("unexpected error in %s", args.command)
        ctx.warn(
            f"Unexpected error ({type(exc).__name__}); this is a bug. "
            "Run the command again with --debug to see the details."
        )
        _show_traceback(ctx, exc)
        return int(ExitCode.INTERNAL)


if __name__ == "__main__":
    sys.exit(main())
