"""Results commands: ``report``, ``campaigns`` and ``refresh`` (only refresh calls the API)."""

from __future__ import annotations

import argparse
from contextlib import AbstractContextManager
from pathlib import Path

from liasmart_desktop.cli.campaign_run import (
    connection,
    counts_fields,
    local_iso,
    reach,
    service,
    write_results_json,
)
from liasmart_desktop.cli.commands import Command, add_json_option
from liasmart_desktop.cli.context import CliContext
from liasmart_desktop.cli.errors import CliError, ExitCode
from liasmart_desktop.cli.office_wording import describe_event
from liasmart_desktop.cli.wording import describe_record, state_word
from liasmart_desktop.core.api.client import LiaSmartClient
from liasmart_desktop.core.sending.records import Route
from liasmart_desktop.core.sending.schedule import journal_zoned_text as journal_time
from liasmart_desktop.core.sending.states import CampaignStatus
from liasmart_desktop.core.sending.summaries import CampaignOverview


def _campaign_fields(overview: CampaignOverview) -> dict[str, object]:
    campaign = overview.campaign
    return {
        "campaign": campaign.code,
        "name": campaign.name,
        "created_at": campaign.created_at,
        "status": campaign.status.value,
        "stop_reason": campaign.stop.reason.value if campaign.stop else None,
        "source": campaign.source_name,
        "sender_id": campaign.sender_id,
        "type": campaign.sms_type,
        "sandbox": campaign.sandbox,
        "api_id": campaign.api_id or None,
        "counts": counts_fields(overview.counts),
        "set_aside": overview.set_aside,
        "scheduled_at": local_iso(campaign.scheduled_at),
        "quiet_hours": campaign.quiet_hours or None,
        "created_by": campaign.created_by,
        "template_name": campaign.template_name or None,
        "source_fingerprint": campaign.source_fingerprint or None,
    }


def _summary_line(overview: CampaignOverview) -> str:
    campaign = overview.campaign
    parts = ", ".join(f"{n:,} {state_word(state)}" for state, n in overview.counts.items() if n)
    name = f" “{campaign.name}”" if campaign.name else ""
    where = " [sandbox]" if campaign.sandbox else (f" [{campaign.api_id}]" if campaign.api_id else "")
    status = campaign.status.value
    if campaign.scheduled_at and campaign.status is CampaignStatus.SCHEDULED:
        status = f"scheduled for {journal_time(campaign.scheduled_at)}"
    return f"{campaign.code}{name}  {campaign.created_at}  {status}{where}: {parts or 'empty'}"


def _add_report_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("campaign", nargs="?", metavar="CAMPAIGN", help="the campaign (default: the newest)")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print one JSON document on stdout")
    output.add_argument("--xlsx", metavar="FILE", help="write an Excel workbook (numbers kept as text)")
    output.add_argument("--csv", metavar="FILE", help="write an Excel-safe CSV file")


def run_report(ctx: CliContext) -> int:
    """The campaign's results: JSON, an Excel-safe export, or a summary."""
    campaigns = service(ctx)
    overview = campaigns.overview(ctx.args.campaign)
    campaign = overview.campaign
    target = ctx.args.xlsx or ctx.args.csv
    if target:
        path = Path(target)
        try:
            rows = campaigns.export(campaign.code, path, describe_record, xlsx=bool(ctx.args.xlsx))
        except OSError as exc:
            raise CliError(
                ExitCode.USAGE, f"Cannot write {path} ({exc.strerror or exc}); choose another file."
            ) from exc
        ctx.say(
            f"Wrote {rows:,} row(s) of campaign {campaign.code} to {path} "
            "(it holds phone numbers: keep it safe)."
        )
    elif ctx.json_mode:
        events = [
            {"at": e.at, "kind": e.kind.value, "data": dict(e.data), "what": describe_event(e)}
            for e in campaigns.events(campaign.code)
        ]
        extra = {"status": campaign.status.value, "events": events}
        write_results_json(ctx, campaigns, campaign, extra)
    else:
        ctx.say(_summary_line(overview))
        for s in campaigns.set_aside(campaign.code)[:20]:
            ctx.say(f"  row {s.row:<6} set aside: {describe_record(s)}")
        who = f"by {campaign.created_by}" if campaign.created_by else "by an unknown user"
        template = f", template “{campaign.template_name}”" if campaign.template_name else ""
        ctx.say(f"Started {who}{template}; list {campaign.source_name or '(typed numbers)'}.")
        for event in campaigns.events(campaign.code):
            ctx.say(f"  {journal_time(event.at)}  {describe_event(event)}")
    return int(ExitCode.OK)


def run_campaigns(ctx: CliContext) -> int:
    """Every campaign in the journal with its counts, newest first."""
    overviews = service(ctx).history()
    if ctx.json_mode:
        ctx.print_json({"campaigns": [_campaign_fields(overview) for overview in overviews]})
    elif not overviews:
        ctx.say("No campaigns yet.")
    else:
        for overview in overviews:
            ctx.say(_summary_line(overview))
    return int(ExitCode.OK)


def _add_refresh_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("campaign", nargs="?", metavar="CAMPAIGN", help="the campaign (default: the newest)")
    add_json_option(parser)


def run_refresh(ctx: CliContext) -> int:
    """Poll the delivery status of the campaign's accepted messages that have no final answer yet."""
    campaigns = service(ctx)

    def connect(route: Route) -> AbstractContextManager[LiaSmartClient]:
        return connection(ctx, route, preflight=False)

    summary = campaigns.refresh(ctx.args.campaign, reach(ctx), connect)
    code = campaigns.overview(ctx.args.campaign).campaign.code
    fields = {
        "campaign": code,
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
            f"Campaign {code}: checked {summary.checked:,} — {summary.delivered:,} delivered, "
            f"{summary.failed:,} failed, {summary.pending:,} still pending"
            + (f", {summary.errors:,} unknown to LiaSmart" if summary.errors else "")
            + "."
        )
    return int(ExitCode.OK)


def _add_json_only(parser: argparse.ArgumentParser) -> None:
    add_json_option(parser)


COMMANDS = [
    Command("report", "show or export a campaign's results", _add_report_arguments, run_report),
    Command("campaigns", "list the campaigns in the journal", _add_json_only, run_campaigns),
    Command("refresh", "refresh the delivery status of a campaign", _add_refresh_arguments, run_refresh),
]
