"""The ``liasmart`` commands; each module lists its ``COMMANDS`` and main.py collects them."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass

from liasmart_desktop.cli.context import CliContext


@dataclass(frozen=True, slots=True)
class Command:
    """One sub-command: its name, one-line help, its own options and what it runs."""

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[CliContext], int]


def common_options() -> argparse.ArgumentParser:
    """The options every command accepts after its name (a parent parser)."""
    common = argparse.ArgumentParser(add_help=False)
    group = common.add_argument_group("common options")
    group.add_argument(
        "--home", metavar="DIR", help="data folder (settings, journal, logs); env LIASMART_HOME"
    )
    group.add_argument("--base-url", metavar="URL", help="API base URL; env LIASMART_BASE_URL")
    group.add_argument("--api-id", metavar="ID", help="API ID; env LIASMART_API_ID")
    group.add_argument(
        "--country",
        metavar="ISO2",
        help="default country for national-format numbers; env LIASMART_COUNTRY",
    )
    group.add_argument("--debug", action="store_true", help="log details to stderr and show tracebacks")
    return common


Action = tuple[str, str, Callable[[argparse.ArgumentParser], None], Callable[[CliContext], int]]


def add_actions(parser: argparse.ArgumentParser, dest: str, actions: list[Action]) -> None:
    """Sub-commands of a command (``optout add``): each takes the common options after its name too."""
    sub = parser.add_subparsers(dest=dest, metavar="ACTION", required=True)
    common = common_options()
    for name, help_text, add, _run in actions:
        add(sub.add_parser(name, help=help_text, description=help_text, parents=[common]))


def run_action(dest: str, actions: list[Action]) -> Callable[[CliContext], int]:
    """The command that runs the chosen action."""
    runs = {name: run for name, _help, _add, run in actions}
    return lambda ctx: runs[getattr(ctx.args, dest)](ctx)


def add_json_option(parser: argparse.ArgumentParser) -> None:
    """The ``--json`` switch: one JSON document on stdout instead of text."""
    parser.add_argument("--json", action="store_true", help="print one JSON document on stdout")
