"""The office rules' options of ``send``, ``resume`` and ``resend`` (``../shared/cli.md``, "Additions").

``send --template NAME`` (the text, and the sender ID and type unless given), ``--at "YYYY-MM-DD HH:MM"``
(local time; creates the campaign ``scheduled`` and sends nothing now), ``--quiet-hours HH:MM-HH:MM``
(or the saved setting: promotional messages wait inside it), and the spend guard's
``--price-per-part`` and ``--daily-limit PARTS`` (or the saved settings). Every one is checked before
anything is read, asked or stored.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from decimal import Decimal, InvalidOperation

from liasmart_desktop.cli.commands.templates import template_book
from liasmart_desktop.cli.context import CliContext
from liasmart_desktop.cli.errors import CliError, ExitCode
from liasmart_desktop.core.errors import ConfigError, ConfigProblem, ValueRule
from liasmart_desktop.core.sending.campaigns import local_now
from liasmart_desktop.core.sending.prepare import PreparedCampaign
from liasmart_desktop.core.sending.records import Pacing
from liasmart_desktop.core.sending.schedule import estimate_finish, parse_quiet_hours, parse_send_time
from liasmart_desktop.core.sending.schedule import zoned_text as local_time
from liasmart_desktop.core.sending.spend_guard import SpendRules
from liasmart_desktop.core.settings import check_daily_limit


def add_spend_options(parser: argparse.ArgumentParser) -> None:
    """The spend guard's options (send, resume, resend)."""
    parser.add_argument(
        "--price-per-part",
        metavar="AMOUNT",
        help="the price of one part, to compare the cost with the balance (default: the saved setting)",
    )
    parser.add_argument(
        "--daily-limit",
        type=int,
        metavar="PARTS",
        help="the most parts sent in one day, those sent earlier today included (default: the saved setting)",
    )


def add_send_options(parser: argparse.ArgumentParser) -> None:
    """``send``'s own office options (``--template`` is in the group with ``--text``)."""
    parser.add_argument(
        "--at",
        metavar='"YYYY-MM-DD HH:MM"',
        help="send at this local time instead of now (nothing is sent now)",
    )
    parser.add_argument(
        "--quiet-hours",
        metavar="HH:MM-HH:MM",
        help="promotional (P) messages wait inside this daily window (default: the saved setting)",
    )
    add_spend_options(parser)


def spend_rules(ctx: CliContext) -> SpendRules:
    """The spend guard's rules: the options, else the saved settings (``ConfigError`` names a bad option)."""
    settings = ctx.settings
    price = settings.price_per_part
    given = getattr(ctx.args, "price_per_part", None)
    if given is not None:
        try:
            price = Decimal(given.strip())
        except InvalidOperation:
            price = Decimal("NaN")
        if not (price.is_finite() and price >= 0):
            raise ConfigError(
                ConfigProblem.BAD_VALUE, given, subject="--price-per-part", rule=ValueRule.ZERO_OR_MORE
            )
    limit = getattr(ctx.args, "daily_limit", None)
    if limit is not None:
        check_daily_limit(limit, "--daily-limit")
    return SpendRules(price, settings.currency, settings.daily_limit_parts if limit is None else limit)


def apply_template(ctx: CliContext) -> None:
    """Fill ``--text`` (and ``--sender-id``/``--type`` unless given) from ``--template``; the sender ID and
    type must come from one or the other."""
    args = ctx.args
    args.template_name = ""
    if args.template:
        template = template_book(ctx).get(args.template)
        args.template_name = template.name
        args.text = template.text
        args.sender_id = args.sender_id if args.sender_id is not None else template.sender_id
        args.sms_type = args.sms_type or template.sms_type
    if not args.sender_id:
        where = f"the template “{args.template_name}” has none; " if args.template else ""
        raise CliError(ExitCode.USAGE, f"No sender ID: {where}give --sender-id.")
    if not args.sms_type:
        where = f"the template “{args.template_name}” has none; " if args.template else ""
        raise CliError(ExitCode.USAGE, f"No message type: {where}give --type P or --type T.")


def quiet_hours(ctx: CliContext) -> str:
    """``--quiet-hours``, else the saved setting (checked, naming what was wrong)."""
    given = getattr(ctx.args, "quiet_hours", None)
    if given is not None:
        parse_quiet_hours(given, "--quiet-hours")
        return str(given)
    return ctx.settings.quiet_hours


def send_time(ctx: CliContext, now: datetime | None = None) -> datetime | None:
    """``--at`` as an aware local time in the future (``ScheduleError`` otherwise); ``None`` to send now."""
    text = getattr(ctx.args, "at", None)
    return None if text is None else parse_send_time(text, now or local_now())


def timing_lines(prepared: PreparedCampaign, pacing: Pacing, at: datetime | None) -> list[str]:
    """When the campaign starts and will finish, and the quiet hours that hold it (for the plan)."""
    spec = prepared.spec
    start = at or local_now()
    quiet = parse_quiet_hours(spec.quiet_hours) if spec.sms_type == "P" else None
    finish = estimate_finish(start, len(prepared.messages), pacing.rate_per_s, quiet)
    lines = [f"Scheduled for {local_time(start)}; nothing is sent before then."] if at else []
    if quiet is not None:
        lines.append(f"Quiet hours {quiet.text}: promotional messages wait while they last.")
    if finish is None:
        lines.append("At this rate the send would take more than ten years; give a higher --rate.")
    else:
        lines.append(f"Expected to finish about {local_time(finish)}.")
    return lines
