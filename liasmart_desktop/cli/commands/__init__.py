"""The ``liasmart`` commands; each module lists its ``COMMANDS`` and main.py collects them."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass

from liasmart_desktop.cli.context import CliContext
from liasmart_desktop.cli.errors import CliError, ExitCode


@dataclass(frozen=True, slots=True)
class Command:
    """One sub-command: its name, one-line help, its own options and what it runs."""

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[CliContext], int]


def add_json_option(parser: argparse.ArgumentParser) -> None:
    """The ``--json`` switch: one JSON document on stdout instead of text."""
    parser.add_argument("--json", action="store_true", help="print one JSON document on stdout")


def not_available_yet(name: str, arrives_with: str) -> Callable[[CliContext], int]:
    """A handler for a command whose capability lands in a later version: say so, exit 2."""

    def run(_ctx: CliContext) -> int:
        raise CliError(
            ExitCode.USAGE,
            f"`liasmart {name}` is not available in this version yet; it arrives with {arrives_with}.",
        )

    return run
