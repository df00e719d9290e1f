"""``liasmart import``: read a recipient list and report what would be sent."""

from __future__ import annotations

import argparse

from liasmart_desktop.cli.commands import Command, add_json_option, not_available_yet


def add_import_options(parser: argparse.ArgumentParser, *, for_send: bool = False) -> None:
    """The options shared by ``import`` and ``send --file``.

    On ``send``, ``--encoding`` is the message encoding (auto|T|U, per the CLI contract), so the
    file's text encoding is ``--file-encoding`` there; ``import`` accepts both spellings.
    """
    parser.add_argument(
        "--sheet", metavar="NAME", help="the worksheet to read (default: the first visible one)"
    )
    parser.add_argument("--no-header", action="store_true", help="the first row is data; columns are A, B, …")
    parser.add_argument("--phone-column", metavar="NAME", help="the column holding the phone numbers")
    flags = ["--file-encoding"] if for_send else ["--encoding", "--file-encoding"]
    parser.add_argument(
        *flags,
        dest="file_encoding",
        metavar="ENC",
        help="the text encoding of a CSV/TXT file (default: detected)",
    )


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="an .xlsx, .xls, .csv, .tsv or .txt file")
    add_import_options(parser)
    add_json_option(parser)


COMMANDS = [
    Command(
        "import",
        "read a recipient list and report what would be sent",
        _add_arguments,
        not_available_yet("import", "the recipient importer"),
    )
]
