"""``liasmart optout add|remove|import|list``: the do-not-message list, and how ``import`` shows its rows.

Numbers are read by the importer's rule (``--country`` for national numbers), every one before
anything changes: one that is not a number is exit 2 and nothing is added or removed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from liasmart_desktop.cli.commands import Action, Command, add_actions, add_json_option, run_action
from liasmart_desktop.cli.commands.import_list import add_import_options, describe_row_problem, read_list
from liasmart_desktop.cli.context import CliContext
from liasmart_desktop.cli.errors import CliError, ExitCode
from liasmart_desktop.core.optout import OptOutEntry, OptOutList
from liasmart_desktop.core.sending.campaigns import os_user
from liasmart_desktop.core.sending.schedule import journal_zoned_text as journal_time

#: Numbers listed in the human-readable summary of ``optout list`` (``--json`` lists all).
SHOWN_NUMBERS = 50
EXPORT_HEADINGS = ("Phone", "Reason", "Added at (UTC)", "Added by")


def optout_list(ctx: CliContext) -> OptOutList:
    """The do-not-message list of this data folder."""
    return OptOutList(ctx.paths.lists_file)


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def _add_numbers(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "numbers", nargs="+", metavar="NUMBER", help="phone numbers (national ones with --country)"
    )


def _add_add_arguments(parser: argparse.ArgumentParser) -> None:
    _add_numbers(parser)
    parser.add_argument("--reason", default="", metavar="TEXT", help="why (kept with each number)")


def run_add(ctx: CliContext) -> int:
    """Add numbers; those already listed keep the date and reason they were first added with."""
    change = optout_list(ctx).add(
        ctx.args.numbers,
        ctx.args.reason,
        country=ctx.country or None,
        home_regions=ctx.home_regions,
        by=os_user(),
    )
    already = f" ({_plural(len(change.unchanged), 'number')} already on it)" if change.unchanged else ""
    ctx.say(f"Added {_plural(len(change.changed), 'number')} to the do-not-message list{already}.")
    return int(ExitCode.OK)


def run_remove(ctx: CliContext) -> int:
    """Take numbers off the list (numbers that were not on it are named, and are no error)."""
    change = optout_list(ctx).remove(
        ctx.args.numbers, country=ctx.country or None, home_regions=ctx.home_regions
    )
    ctx.say(f"Removed {_plural(len(change.changed), 'number')} from the do-not-message list.")
    if change.unchanged:
        ctx.warn("Not on the list: " + ", ".join(f"+{phone}" for phone in change.unchanged) + ".")
    return int(ExitCode.OK)


def _add_import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="an .xlsx, .xls, .ods, .csv, .tsv or .txt file")
    add_import_options(parser)
    parser.add_argument("--reason", default="", metavar="TEXT", help="why (kept with each number)")
    add_json_option(parser)


def run_import(ctx: CliContext) -> int:
    """Add every number of a spreadsheet (the same importer and number rule as ``import``)."""
    report = read_list(ctx, ctx.args.file)
    reason = ctx.args.reason or f"imported from {Path(ctx.args.file).name}"
    result = optout_list(ctx).import_report(report, reason, by=os_user())
    problems = [
        {"row": p.row, "original": p.original, "status": p.status.value, "reason": describe_row_problem(p)}
        for p in result.problems
    ]
    if ctx.json_mode:
        ctx.print_json(
            {
                "file": report.source,
                "rows": result.rows,
                "added": len(result.change.changed),
                "already": len(result.change.unchanged),
                "problems": problems,
            }
        )
        return int(ExitCode.OK)
    added = _plural(len(result.change.changed), "number")
    ctx.say(
        f"{report.source}: {_plural(result.rows, 'row')}; added {added} to the do-not-message list, "
        f"{len(result.change.unchanged):,} already on it."
    )
    for problem in problems[:SHOWN_NUMBERS]:
        ctx.say(f"  row {problem['row']:<6} {problem['original'] or '(empty)'}: {problem['reason']}")
    return int(ExitCode.OK)


def _entry_fields(entry: OptOutEntry) -> dict[str, str]:
    return {
        "phone": entry.phone,
        "reason": entry.reason,
        "added_at": entry.added_at,
        "added_by": entry.added_by,
    }


def _add_list_arguments(parser: argparse.ArgumentParser) -> None:
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print one JSON document on stdout")
    output.add_argument("--xlsx", metavar="FILE", help="write the list as an Excel workbook")
    output.add_argument("--csv", metavar="FILE", help="write the list as an Excel-safe CSV file")


def run_list(ctx: CliContext) -> int:
    """The listed numbers, most recently added first (or an export of them)."""
    listed = optout_list(ctx)
    target = ctx.args.xlsx or ctx.args.csv
    if target:
        path = Path(target)
        try:
            rows = listed.export(
                path, EXPORT_HEADINGS, xlsx=bool(ctx.args.xlsx), sheet_title="Do not message"
            )
        except OSError as exc:
            raise CliError(
                ExitCode.USAGE, f"Cannot write {path} ({exc.strerror or exc}); choose another file."
            ) from exc
        ctx.say(f"Wrote {_plural(rows, 'number')} to {path}.")
        return int(ExitCode.OK)
    entries = listed.entries()
    if ctx.json_mode:
        ctx.print_json({"numbers": [_entry_fields(entry) for entry in entries]})
    elif not entries:
        ctx.say("The do-not-message list is empty.")
    else:
        ctx.say(f"{_plural(len(entries), 'number')} on the do-not-message list:")
        for entry in entries[:SHOWN_NUMBERS]:
            why = f"  {entry.reason}" if entry.reason else ""
            ctx.say(f"  +{entry.phone:<16} {journal_time(entry.added_at)}{why}")
        if len(entries) > SHOWN_NUMBERS:
            ctx.say(f"  … and {len(entries) - SHOWN_NUMBERS:,} more (--json lists all).")
    return int(ExitCode.OK)


ACTIONS: list[Action] = [
    ("add", "add numbers to the list", _add_add_arguments, run_add),
    ("remove", "take numbers off the list", _add_numbers, run_remove),
    ("import", "add the numbers of a spreadsheet", _add_import_arguments, run_import),
    ("list", "show (or export) the list", _add_list_arguments, run_list),
]


def _add_optout_arguments(parser: argparse.ArgumentParser) -> None:
    add_actions(parser, "optout_action", ACTIONS)


COMMANDS = [
    Command(
        "optout",
        "the do-not-message list: add, remove, import, list",
        _add_optout_arguments,
        run_action("optout_action", ACTIONS),
    )
]
