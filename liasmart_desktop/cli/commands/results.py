"""Results commands: ``report``, ``campaigns`` and ``refresh`` (only refresh calls the API)."""

from __future__ import annotations

import argparse
from pathlib import Path

from liasmart_desktop.cli.campaign_run import counts_fields, write_results_json
from liasmart_desktop.cli.commands import Command, add_json_option
from liasmart_desktop.cli.context import CliContext
from liasmart_desktop.cli.errors import CliError, ExitCode
from liasmart_desktop.cli.wording import describe_record, state_word
from liasmart_desktop.core.sending.delivery import refresh_delivery
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.records import Campaign
from liasmart_desktop.core.sending.report import export_report


def _open_journal(ctx: CliContext) -> Journal:
    # Reading needs no sender lock: SQLite's WAL lets a reader see the last committed state.
    return Journal.open(ctx.paths.journal_file)


def _campaign_fields(journal: Journal, campaign: Campaign) -> dict[str, object]:
    return {
        "campaign": campaign.code,
        "created_at": campaign.created_at,
        "status": campaign.status.value,
        "stop_reason": campaign.stop_reason.value if campaign.stop_reason else None,
        "source": campaign.source_name,
        "sender_id": campaign.sender_id,
        "type": campaign.sms_type,
        "sandbox": campaign.sandbox,
        "counts": counts_fields(journal.counts(campaign.id)),
        "set_aside": journal.set_aside_count(campaign.id),
    }


def _summary_line(journal: Journal, campaign: Campaign) -> str:
    counts = journal.counts(campaign.id)
    parts = ", ".join(f"{n:,} {state_word(state)}" for state, n in counts.items() if n)
    source = f" from {campaign.source_name}" if campaign.source_name else ""
    sandbox = " [sandbox]" if campaign.sandbox else ""
    status = f"{campaign.status.value}{sandbox}{source}"
    return f"{campaign.code}  {campaign.created_at}  {status}: {parts or 'empty'}"


def _add_report_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("campaign", nargs="?", metavar="CAMPAIGN", help="the campaign (default: the newest)")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print one JSON document on stdout")
    output.add_argument("--xlsx", metavar="FILE", help="write an Excel workbook (numbers kept as text)")
    output.add_argument("--csv", metavar="FILE", help="write an Excel-safe CSV file")


def run_report(ctx: CliContext) -> int:
    """The campaign's results: JSON, an Excel-safe export, or a summary."""
    journal = _open_journal(ctx)
    try:
        campaign = journal.campaign(ctx.args.campaign)
        target = ctx.args.xlsx or ctx.args.csv
        if target:
            path = Path(target)
            try:
                rows = export_report(journal, campaign, path, describe_record, xlsx=bool(ctx.args.xlsx))
            except OSError as exc:
                raise CliError(
                    ExitCode.USAGE, f"Cannot write {path} ({exc.strerror or exc}); choose another file."
                ) from exc
            ctx.say(
                f"Wrote {rows:,} row(s) of campaign {campaign.code} to {path} "
                "(it holds phone numbers: keep it safe)."
            )
        elif ctx.json_mode:
            set_aside = [
                {"row": s.row, "original": s.original, "status": s.status, "reason": describe_record(s)}
                for s in journal.set_aside_rows(campaign.id)
            ]
            write_results_json(
                ctx, journal, campaign, {"status": campaign.status.value, "set_aside": set_aside}
            )
        else:
            ctx.say(_summary_line(journal, campaign))
            for s in journal.set_aside_rows(campaign.id)[:20]:
                ctx.say(f"  row {s.row:<6} set aside: {describe_record(s)}")
        return int(ExitCode.OK)
    finally:
        journal.close()


def run_campaigns(ctx: CliContext) -> int:
    """Every campaign in the journal with its counts, newest first."""
    journal = _open_journal(ctx)
    try:
        campaigns = journal.campaigns()
        if ctx.json_mode:
            ctx.print_json({"campaigns": [_campaign_fields(journal, c) for c in campaigns]})
        elif not campaigns:
            ctx.say("No campaigns yet.")
        else:
            for campaign in campaigns:
                ctx.say(_summary_line(journal, campaign))
        return int(ExitCode.OK)
    finally:
        journal.close()


def _add_refresh_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("campaign", nargs="?", metavar="CAMPAIGN", help="the campaign (default: the newest)")
    add_json_option(parser)


def run_refresh(ctx: CliContext) -> int:
    """Poll the delivery status of the campaign's accepted messages that have no final answer yet."""
    journal = _open_journal(ctx)
    try:
        campaign = journal.campaign(ctx.args.campaign)
        if campaign.sandbox:
            raise CliError(
                ExitCode.USAGE,
                f"Campaign {campaign.code} went to the sandbox, which has stopped since; "
                "its delivery statuses cannot be refreshed.",
            )
        explicit_url = getattr(ctx.args, "base_url", None) or ctx.env.get("LIASMART_BASE_URL")
        with ctx.client(max_connections=4, base_url=explicit_url or campaign.base_url or None) as client:
            summary = refresh_delivery(journal, campaign, client)
        fields = {
            "campaign": campaign.code,
            "checked": summary.checked,
            "delivered": summary.delivered,
            "failed": summary.failed,
            "pending": summary.pending,
            "errors": summary.errors,
        }
        if ctx.json_mode:
            ctx.print_json(fields)
        else:
            ctx.say(
                f"Campaign {campaign.code}: checked {summary.checked:,} — {summary.delivered:,} delivered, "
                f"{summary.failed:,} failed, {summary.pending:,} still pending"
                + (f", {summary.errors:,} unknown to LiaSmart" if summary.errors else "")
                + "."
            )
        return int(ExitCode.OK)
    finally:
        journal.close()


def _add_json_only(parser: argparse.ArgumentParser) -> None:
    add_json_option(parser)


COMMANDS = [
    Command("report", "show or export a campaign's results", _add_report_arguments, run_report),
    Command("campaigns", "list the campaigns in the journal", _add_json_only, run_campaigns),
    Command("refresh", "refresh the delivery status of a campaign", _add_refresh_arguments, run_refresh),
]
