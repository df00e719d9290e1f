"""What ``send`` refuses before anything leaves: ``--to`` numbers of unclear country, and texts that lose
characters, need ``--allow-long`` or cannot be sent at all (shared/cli.md, "Where a number goes" and
"What the text carries"). Each refusal is exit 2 with one sentence, and nothing has been touched.
"""

from __future__ import annotations

import argparse
import unicodedata
from typing import Final

from liasmart_desktop.cli.commands.import_list import describe_import_error, describe_row_problem
from liasmart_desktop.cli.context import CliContext
from liasmart_desktop.cli.errors import CliError, ExitCode
from liasmart_desktop.core.importing import ImportFileError, ImportReport, RowStatus, parse_pasted_numbers
from liasmart_desktop.core.sending.prepare import PreparedCampaign
from liasmart_desktop.core.text import (
    LONG_MESSAGE_PARTS,
    SendTextIssue,
    SendTextProblem,
    check_texts,
)

#: Ambiguous numbers quoted in the refusal; the rest are counted.
SHOWN_NUMBERS: Final = 3
#: Characters quoted in the refusal; the rest are counted.
SHOWN_CHARACTERS: Final = 12


def add_send_check_options(parser: argparse.ArgumentParser) -> None:
    """``--allow-long``: the explicit yes a message of more than 10 parts needs."""
    parser.add_argument(
        "--allow-long",
        action="store_true",
        help=f"send messages of more than {LONG_MESSAGE_PARTS} parts (every part is charged)",
    )


def numbers_to(ctx: CliContext) -> ImportReport:
    """The ``--to`` numbers read by the number rule (an unknown ``--country`` is exit 2, not a bug)."""
    try:
        return parse_pasted_numbers(
            ctx.args.to.replace(",", "\n"), ctx.country or None, home_regions=ctx.home_regions
        )
    except ImportFileError as exc:
        raise CliError(ExitCode.USAGE, describe_import_error(exc)) from exc


def check_numbers(ctx: CliContext, report: ImportReport) -> None:
    """``--to`` never sends a number that could go to two countries: exit 2 naming its readings."""
    if not ctx.args.to:
        return
    unclear = report.problems_with(RowStatus.AMBIGUOUS)
    if not unclear:
        return
    quoted = " ".join(f"{p.original}: {describe_row_problem(p)}" for p in unclear[:SHOWN_NUMBERS])
    more = len(unclear) - SHOWN_NUMBERS
    tail = f" ({more:,} more number(s) like these.)" if more > 0 else ""
    raise CliError(
        ExitCode.USAGE,
        f"Nothing was sent: {len(unclear):,} number(s) given with --to could go to more than one country. "
        f"{quoted}{tail}",
    )


def show_character(char: str) -> str:
    """A character as a person can read it in a terminal: itself in quotes, or its code (U+200B)."""
    if char.isprintable() and not char.isspace() and not unicodedata.category(char).startswith(("M", "C")):
        return f"“{char}”"
    return f"U+{ord(char):04X}"


def describe_text_problem(problem: SendTextProblem, *, allow_long: bool) -> str | None:
    """The sentence that refuses a campaign's texts (None: this problem does not stop the send)."""
    parts, limit, messages = f"{problem.parts:,}", f"{problem.limit:,}", problem.messages
    which = "A message" if messages == 1 else f"{messages:,} messages (the longest)"
    if problem.code is SendTextIssue.TOO_MANY_PARTS:
        return (
            f"Nothing was sent: {which} would need {parts} parts, and at most {limit} parts can make one "
            "message; shorten the text (or the merge values)."
        )
    if problem.code is SendTextIssue.LOST_CHARACTERS:
        shown = ", ".join(show_character(char) for char in problem.characters[:SHOWN_CHARACTERS])
        more = len(problem.characters) - SHOWN_CHARACTERS
        shown += f" and {more:,} more" if more > 0 else ""
        return (
            f"Nothing was sent: --encoding T cannot carry {shown}; phones would show question marks or "
            "nothing in their place. Use --encoding auto (or U), or remove those characters."
        )
    if allow_long:
        return None
    return (
        f"Nothing was sent: {which} would be {parts} parts long, and every part is charged; more than "
        f"{limit} parts is sent only with --allow-long."
    )


def check_campaign_texts(ctx: CliContext, prepared: PreparedCampaign) -> None:
    """Exit 2 when the texts lose characters, pass 255 parts, or pass 10 parts without ``--allow-long``."""
    allow_long = bool(getattr(ctx.args, "allow_long", False))
    for problem in check_texts(prepared.spec.encoding_policy, prepared.messages):
        sentence = describe_text_problem(problem, allow_long=allow_long)
        if sentence is not None:
            raise CliError(ExitCode.USAGE, sentence)
