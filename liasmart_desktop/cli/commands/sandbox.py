"""``liasmart sandbox``: run the LiaSmart-compatible simulator on 127.0.0.1."""

from __future__ import annotations

import argparse

from liasmart_desktop.cli.commands import Command, not_available_yet


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=0, metavar="N", help="port (default: any free port)")


COMMANDS = [
    Command(
        "sandbox",
        "run the LiaSmart-compatible simulator on 127.0.0.1",
        _add_arguments,
        not_available_yet("sandbox", "the sandbox server"),
    )
]
