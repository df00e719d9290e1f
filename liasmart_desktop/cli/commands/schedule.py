"""``liasmart reschedule`` and ``liasmart cancel``: change a scheduled campaign's time, or cancel a campaign.

Additions to the contract, so the command line can do what History does in the app.
"""

from __future__ import annotations

import argparse

from liasmart_desktop.cli.campaign_run import confirm, service
from liasmart_desktop.cli.commands import Command
from liasmart_desktop.cli.context import CliContext
from liasmart_desktop.cli.errors import CliError, ExitCode
from liasmart_desktop.cli.office_options import send_time
from liasmart_desktop.core.sending.schedule import journal_zoned_text as journal_time
from liasmart_desktop.core.sending.states import CampaignStatus


def _add_reschedule_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("campaign", metavar="CAMPAIGN", help="a scheduled campaign")
    parser.add_argument("--at", required=True, metavar='"YYYY-MM-DD HH:MM"', help="the new local time")


def run_reschedule(ctx: CliContext) -> int:
    """Move a scheduled campaign to another time (in the future)."""
    at = send_time(ctx)
    assert at is not None  # --at is required
    campaign = service(ctx).reschedule(ctx.args.campaign, at)
    ctx.say(f"Campaign {campaign.code} is now scheduled for {journal_time(campaign.scheduled_at)}.")
    return int(ExitCode.OK)


def _add_cancel_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("campaign", metavar="CAMPAIGN", help="the campaign")
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")


def run_cancel(ctx: CliContext) -> int:
    """Cancel a campaign that is not being sent: its unsent messages will never be sent."""
    campaigns = service(ctx)
    overview = campaigns.overview(ctx.args.campaign)
    campaign = overview.campaign
    if campaign.status is CampaignStatus.CANCELLED:
        ctx.say(f"Campaign {campaign.code} was already cancelled.")
        return int(ExitCode.OK)
    question = (
        f"Cancel campaign {campaign.code}? Its {overview.waiting:,} unsent message(s) will never be sent."
    )
    if not ctx.args.yes and not confirm(ctx, question):
        raise CliError(ExitCode.USAGE, "Nothing was cancelled (confirm on a terminal, or add --yes).")
    count = campaigns.cancel(campaign.code)
    ctx.say(f"Campaign {campaign.code} cancelled; {count:,} unsent message(s) will never be sent.")
    return int(ExitCode.OK)


COMMANDS = [
    Command(
        "reschedule", "change the time of a scheduled campaign", _add_reschedule_arguments, run_reschedule
    ),
    Command(
        "cancel",
        "cancel a campaign that is not being sent (a scheduled one too)",
        _add_cancel_arguments,
        run_cancel,
    ),
]
