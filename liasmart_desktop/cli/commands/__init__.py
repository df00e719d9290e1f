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


def add_json_option(parser: argparse.ArgumentParser) -> None:
    """The ``--json`` switch: one JSON document on stdout instead of text."""
    parser.add_argument("--json", action="store_true", help="print one JSON document on stdout")
