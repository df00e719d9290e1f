"""``liasmart analyze``: encoding and segment count of a message."""

from __future__ import annotations

import argparse

from liasmart_desktop.cli.commands import Command, add_json_option, not_available_yet


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "text", nargs="?", metavar="TEXT", help="the message text, or - to read it from stdin"
    )
    add_json_option(parser)
    parser.add_argument(
        "--jsonl",
        action="store_true",
        help="read one JSON string per stdin line, write one JSON object per line",
    )


COMMANDS = [
    Command(
        "analyze",
        "show the encoding and segment count of a message",
        _add_arguments,
        not_available_yet("analyze", "the message text engine"),
    )
]
