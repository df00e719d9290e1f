"""Campaign commands: ``send``, ``resume``, ``resend``, ``report``, ``campaigns`` and ``refresh``."""

from __future__ import annotations

import argparse

from liasmart_desktop.cli.commands import Command, add_json_option, not_available_yet
from liasmart_desktop.cli.commands.import_list import add_import_options

_ENGINE = "the send engine"


def _add_send_arguments(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--file", metavar="FILE", help="a recipient list (.xlsx, .xls, .csv, .tsv, .txt)")
    source.add_argument("--to", metavar="N1,N2,…", help="phone numbers separated by commas")
    add_import_options(parser, for_send=True)
    parser.add_argument("--text", required=True, help="the message; {column} inserts a value from the file")
    parser.add_argument(
        "--sender-id", required=True, metavar="ID", help="a sender ID registered on the account"
    )
    parser.add_argument(
        "--type",
        required=True,
        choices=["P", "T"],
        dest="sms_type",
        help="P promotional, T transactional",
    )
    parser.add_argument(
        "--encoding",
        dest="encoding_policy",
        choices=["auto", "T", "U"],
        default="auto",
        help="message encoding: auto (detected from the text), T (GSM text) or U (Unicode)",
    )
    parser.add_argument(
        "--sandbox", action="store_true", help="send to the built-in simulator, not to LiaSmart"
    )
    parser.add_argument("--concurrency", type=int, metavar="N", help="requests in flight at once")
    parser.add_argument("--rate", type=float, metavar="PER_SECOND", help="messages per second at most")
    parser.add_argument("--callback-url", metavar="URL", help="where LiaSmart should push delivery reports")
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    add_json_option(parser)


def _add_optional_campaign(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("campaign", nargs="?", metavar="CAMPAIGN", help="the campaign (default: the newest)")
    add_json_option(parser)


def _add_resend_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("campaign", metavar="CAMPAIGN", help="the campaign")
    parser.add_argument(
        "--state",
        required=True,
        choices=["unknown", "rejected"],
        help="which messages to send again",
    )
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    add_json_option(parser)


def _add_report_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("campaign", nargs="?", metavar="CAMPAIGN", help="the campaign (default: the newest)")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print one JSON document on stdout")
    output.add_argument("--xlsx", metavar="FILE", help="write an Excel workbook")
    output.add_argument("--csv", metavar="FILE", help="write an Excel-safe CSV file")


def _add_json_only(parser: argparse.ArgumentParser) -> None:
    add_json_option(parser)


COMMANDS = [
    Command(
        "send",
        "create a campaign and send it",
        _add_send_arguments,
        not_available_yet("send", _ENGINE),
    ),
    Command(
        "resume",
        "continue an unfinished campaign",
        _add_optional_campaign,
        not_available_yet("resume", _ENGINE),
    ),
    Command(
        "resend",
        "send unknown or rejected messages again (confirmed)",
        _add_resend_arguments,
        not_available_yet("resend", _ENGINE),
    ),
    Command(
        "report",
        "show or export a campaign's results",
        _add_report_arguments,
        not_available_yet("report", _ENGINE),
    ),
    Command(
        "campaigns",
        "list the campaigns in the journal",
        _add_json_only,
        not_available_yet("campaigns", _ENGINE),
    ),
    Command(
        "refresh",
        "refresh the delivery status of a campaign",
        _add_optional_campaign,
        not_available_yet("refresh", _ENGINE),
    ),
]
