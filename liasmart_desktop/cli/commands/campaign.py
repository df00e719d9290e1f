"""Sending commands: ``send``, ``resume`` and ``resend`` (the results commands are in results.py)."""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from liasmart_desktop.cli.campaign_run import (
    ProgressLine,
    check_balance,
    confirm,
    connection,
    explicit_pacing,
    finish,
    reach,
    report_scheduled,
    saved_pacing,
    say_if_waiting,
    service,
    signals_stop,
)
from liasmart_desktop.cli.commands import Command, add_json_option
from liasmart_desktop.cli.commands.import_list import add_import_options, read_list
from liasmart_desktop.cli.commands.optout import optout_list
from liasmart_desktop.cli.context import CliContext
from liasmart_desktop.cli.errors import CliError, ExitCode
from liasmart_desktop.cli.messages import describe_template_problem
from liasmart_desktop.cli.office_options import (
    add_send_options,
    add_spend_options,
    apply_template,
    quiet_hours,
    send_time,
    spend_rules,
    timing_lines,
)
from liasmart_desktop.cli.office_wording import SENDER_ID_SENTENCES
from liasmart_desktop.cli.send_checks import (
    add_send_check_options,
    check_campaign_texts,
    check_numbers,
    numbers_to,
)
from liasmart_desktop.cli.wording import describe_nothing_to_send
from liasmart_desktop.core.api.client import LiaSmartClient
from liasmart_desktop.core.importing import ImportReport
from liasmart_desktop.core.sender_id import check_sender_id
from liasmart_desktop.core.sending.engine import SendControl
from liasmart_desktop.core.sending.prepare import PreparedCampaign, file_fingerprint, prepare_campaign
from liasmart_desktop.core.sending.records import Pacing, Route
from liasmart_desktop.core.sending.spend_guard import enforce
from liasmart_desktop.core.sending.states import MessageState
from liasmart_desktop.core.sending.summaries import LoadedCampaign
from liasmart_desktop.core.text import TemplateError

_SENDER_ID_SENTENCES = SENDER_ID_SENTENCES


def _add_send_arguments(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--file", metavar="FILE", help="a recipient list (.xlsx, .xls, .ods, .csv, .tsv, .txt)"
    )
    source.add_argument("--to", metavar="N1,N2,…", help="phone numbers separated by commas")
    add_import_options(parser, for_send=True)
    message = parser.add_mutually_exclusive_group(required=True)
    message.add_argument("--text", help="the message; {column} inserts a value from the file")
    message.add_argument(
        "--template", metavar="NAME", help="a saved template's text (and sender ID and type)"
    )
    parser.add_argument("--sender-id", metavar="ID", help="a sender ID registered on the account")
    parser.add_argument("--type", choices=["P", "T"], dest="sms_type", help="P promotional, T transactional")
    parser.add_argument(
        "--encoding",
        dest="encoding_policy",
        choices=["auto", "T", "U"],
        default="auto",
        help="message encoding: auto (detected from the text), T (GSM text) or U (Unicode)",
    )
    add_send_check_options(parser)
    parser.add_argument(
        "--sandbox", action="store_true", help="send to the built-in simulator, not to LiaSmart"
    )
    _add_pacing(parser)
    parser.add_argument(
        "--callback-url",
        metavar="URL",
        help="where LiaSmart should push delivery reports (default: the saved setting)",
    )
    add_send_options(parser)
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    add_json_option(parser)


def _add_pacing(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--concurrency", type=int, metavar="N", help="requests in flight at once (1–64)")
    parser.add_argument("--rate", type=float, metavar="PER_SECOND", help="messages per second at most")


def _recipients(ctx: CliContext) -> tuple[ImportReport, str, str]:
    args = ctx.args
    if args.file:
        report = read_list(ctx, args.file)
        path = Path(args.file)
        return report, path.name, file_fingerprint(path)
    return numbers_to(ctx), "", ""


def _callback_url(ctx: CliContext) -> str:
    """``--callback-url``, else the saved setting (the desktop app passes it on too)."""
    return str(ctx.args.callback_url or ctx.settings.callback_url)


def _check_options(ctx: CliContext) -> Pacing:
    """Every option of ``send`` checked before anything is read, asked or stored; the pacing to send at."""
    apply_template(ctx)
    if not ctx.args.text.strip():
        raise CliError(ExitCode.USAGE, "The message text is empty; write the message with --text.")
    problem = check_sender_id(ctx.args.sender_id)
    if problem is not None:
        raise CliError(ExitCode.USAGE, _SENDER_ID_SENTENCES[problem])
    callback = _callback_url(ctx)
    if callback and (urlsplit(callback).scheme not in {"https", "http"} or not urlsplit(callback).hostname):
        raise CliError(ExitCode.USAGE, f"The callback URL “{callback}” is not a web address (https://…).")
    return explicit_pacing(ctx) or saved_pacing(ctx)


def _prepare(ctx: CliContext, report: ImportReport, source: str, fingerprint: str) -> PreparedCampaign:
    args = ctx.args
    listed = optout_list(ctx).lookup(recipient.phone for recipient in report.recipients)
    try:
        prepared = prepare_campaign(
            report,
            args.text,
            sender_id=args.sender_id,
            sms_type=args.sms_type,
            encoding_policy=args.encoding_policy,
            callback_url=_callback_url(ctx),
            source_name=source,
            source_fingerprint=fingerprint,
            sandbox=args.sandbox,
            base_url="" if args.sandbox else ctx.base_url,
            opted_out=listed,
            template_name=args.template_name,
            quiet_hours=quiet_hours(ctx),
        )
    except TemplateError as exc:
        clauses = "; ".join(describe_template_problem(p, report.columns) for p in exc.problems)
        raise CliError(ExitCode.USAGE, f"The message text cannot be used: {clauses}.") from exc
    if not prepared.messages:
        raise CliError(ExitCode.USAGE, describe_nothing_to_send(report.rows, prepared.set_aside))
    check_campaign_texts(ctx, prepared)
    return prepared


def _plan_lines(ctx: CliContext, prepared: PreparedCampaign) -> list[str]:
    count = len(prepared.messages)
    parts = prepared.total_segments
    kind = "transactional" if prepared.spec.sms_type == "T" else "promotional"
    lines = [
        (
            f"{count:,} message(s) from {prepared.spec.sender_id} ({kind}), {parts:,} part(s) in all; "
            f"{prepared.unicode_messages:,} in Unicode."
        ),
    ]
    price = ctx.settings.price_per_part
    if price is not None:
        lines.append(f"Estimated cost: {price * parts:,} {ctx.settings.currency}".rstrip() + ".")
    if prepared.set_aside:
        lines.append(f"{len(prepared.set_aside):,} row(s) set aside (see `liasmart report` after sending).")
    first = prepared.messages[0]
    lines.append(f"First message, to {first.phone}: {first.text}")
    return lines


def _typed_numbers_name(count: int) -> str:
    return f"{count:,} typed number{'s' if count != 1 else ''} {datetime.now().astimezone():%Y-%m-%d}"


def run_send(ctx: CliContext) -> int:
    """Import, render, check the balance, confirm, then create the campaign and send it."""
    pacing = _check_options(ctx)
    at, rules = send_time(ctx), spend_rules(ctx)
    sandbox = bool(ctx.args.sandbox)
    if not sandbox:
        ctx.credentials()  # a missing API ID or password is said before the list is read
    report, source, fingerprint = _recipients(ctx)
    check_numbers(ctx, report)
    if report.counts.recipients == 0:
        raise CliError(ExitCode.USAGE, "There are no phone numbers to send to; `liasmart import` shows why.")
    prepared = _prepare(ctx, report, source, fingerprint)
    if not source:
        prepared = dataclasses.replace(
            prepared,
            spec=dataclasses.replace(prepared.spec, name=_typed_numbers_name(len(prepared.messages))),
        )
    campaigns = service(ctx)
    balance = None if sandbox else check_balance(ctx)
    where = dataclasses.replace(prepared.spec, api_id="" if sandbox else ctx.api_id)
    enforce(campaigns.spend_check(where, prepared.total_segments, rules, balance, at))  # exit 6: nothing sent
    for line in [*_plan_lines(ctx, prepared), *timing_lines(prepared, pacing, at)]:
        ctx.warn(line)
    earlier = campaigns.same_list_before(prepared.spec)
    if earlier is not None:
        ctx.warn(f"This list and text were already sent on {earlier.created_at} (campaign {earlier.code}).")
    question = f"{'Schedule' if at else 'Send'} {len(prepared.messages):,} messages?"
    if not ctx.args.yes and not confirm(ctx, question):
        if not ctx.stdin.isatty():
            raise CliError(
                ExitCode.USAGE,
                "Nothing was sent: confirm on a terminal, or add --yes to send without asking.",
            )
        ctx.warn("Nothing was sent.")
        return int(ExitCode.OK)

    def created(loaded: LoadedCampaign) -> None:
        ctx.warn(
            f"Campaign {loaded.campaign.code} created; sending (Ctrl-C stops after the messages in flight)."
        )

    def connect(route: Route) -> AbstractContextManager[LiaSmartClient]:
        return connection(ctx, route, preflight=False)  # the balance was checked before asking

    if at is not None:
        scheduled = campaigns.schedule(prepared, reach(ctx), connect, at=at, pacing=pacing, spend=rules)
        return report_scheduled(ctx, campaigns, scheduled)
    control = SendControl()
    with signals_stop(control) as interruption:
        result = campaigns.send(
            prepared,
            reach(ctx),
            connect,
            pacing=pacing,
            spend=rules,
            control=control,
            on_progress=ProgressLine(ctx).callback,
            on_created=created,
        )
    return finish(ctx, campaigns, result, interruption)


def _connect(ctx: CliContext) -> Callable[[Route], AbstractContextManager[LiaSmartClient]]:
    return lambda route: connection(ctx, route)


def run_resume(ctx: CliContext) -> int:
    """Continue a stopped or crashed campaign; messages left in flight are reported unknown, not resent."""
    pacing = explicit_pacing(ctx)
    rules = spend_rules(ctx)
    campaigns = service(ctx)
    control = SendControl()
    say_if_waiting(
        ctx, campaigns.check_run(ctx.args.campaign, reach(ctx), pacing=pacing, fallback=saved_pacing(ctx))
    )
    with signals_stop(control) as interruption:
        report = campaigns.resume(
            ctx.args.campaign,
            reach(ctx),
            _connect(ctx),
            pacing=pacing,
            fallback=saved_pacing(ctx),
            spend=rules,
            at_once=ctx.args.now,
            control=control,
            on_progress=ProgressLine(ctx).callback,
        )
    if report is None:
        if ctx.json_mode:
            ctx.print_json({"campaign": None, "counts": {}, "messages": []})
        else:
            ctx.say("Nothing to resume: every campaign is finished.")
        return int(interruption.exit_code or ExitCode.OK)
    return finish(ctx, campaigns, report, interruption)


def _add_resend_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("campaign", metavar="CAMPAIGN", help="the campaign")
    parser.add_argument(
        "--state", required=True, choices=["unknown", "rejected"], help="which messages to send again"
    )
    _add_pacing(parser)
    add_spend_options(parser)
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    add_json_option(parser)


def run_resend(ctx: CliContext) -> int:
    """The explicit, confirmed action that sends unknown or rejected messages again as new attempts."""
    state = MessageState(ctx.args.state)
    pacing = explicit_pacing(ctx)
    rules = spend_rules(ctx)
    campaigns = service(ctx)
    where = reach(ctx)
    # Every check before the question, and nothing changes until it is answered.
    checked = campaigns.check_run(
        ctx.args.campaign, where, resend=state, pacing=pacing, fallback=saved_pacing(ctx)
    )
    assert checked is not None  # a named campaign is found or raises
    count = checked.counts[state]
    code = checked.campaign.code
    risk = (
        "they may already have been delivered, so some people may get the message twice, and each one "
        "is charged again"
        if state is MessageState.UNKNOWN
        else "LiaSmart refused them before; unless the cause is fixed they will be refused again"
    )
    ctx.warn(f"{count:,} {state.value} message(s) in campaign {code}: {risk}.")
    withheld = campaigns.withheld_count(code, state)
    if withheld:
        ctx.warn(f"{withheld:,} of them go to numbers on the do-not-message list and are not sent again.")
    if not ctx.args.yes and not confirm(ctx, f"Send these {count:,} messages again?"):
        raise CliError(
            ExitCode.USAGE,
            "Nothing was sent again (confirm on a terminal, or add --yes to send without asking).",
        )
    control = SendControl()
    with signals_stop(control) as interruption:
        report = campaigns.resend(
            code,
            state,
            where,
            _connect(ctx),
            pacing=pacing,
            fallback=saved_pacing(ctx),
            spend=rules,
            control=control,
            on_progress=ProgressLine(ctx).callback,
        )
    return finish(ctx, campaigns, report, interruption)


def _add_resume_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "campaign", nargs="?", metavar="CAMPAIGN", help="the campaign (default: the newest unfinished)"
    )
    _add_pacing(parser)
    parser.add_argument("--now", action="store_true", help="send a scheduled campaign now, not at its time")
    add_spend_options(parser)
    add_json_option(parser)


COMMANDS = [
    Command("send", "create a campaign and send it", _add_send_arguments, run_send),
    Command("resume", "continue an unfinished campaign", _add_resume_arguments, run_resume),
    Command(
        "resend", "send unknown or rejected messages again (confirmed)", _add_resend_arguments, run_resend
    ),
]
