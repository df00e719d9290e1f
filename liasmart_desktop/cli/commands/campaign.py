"""Sending commands: ``send``, ``resume`` and ``resend`` (the results commands are in results.py)."""

from __future__ import annotations

import argparse
from pathlib import Path
from urllib.parse import urlsplit

from liasmart_desktop.cli.campaign_run import (
    confirm,
    engine_config,
    finish,
    preflight,
    provider,
    run_campaign,
)
from liasmart_desktop.cli.commands import Command, add_json_option
from liasmart_desktop.cli.commands.import_list import add_import_options, read_list
from liasmart_desktop.cli.context import CliContext
from liasmart_desktop.cli.errors import CliError, ExitCode
from liasmart_desktop.cli.messages import describe_template_problem
from liasmart_desktop.cli.send_checks import (
    add_send_check_options,
    check_campaign_texts,
    check_numbers,
    numbers_to,
)
from liasmart_desktop.core.importing import ImportReport
from liasmart_desktop.core.sender_id import SenderIdProblem, check_sender_id
from liasmart_desktop.core.sending.prepare import PreparedCampaign, file_fingerprint, prepare_campaign
from liasmart_desktop.core.sending.records import Campaign
from liasmart_desktop.core.sending.session import SendingSession
from liasmart_desktop.core.sending.states import CampaignStatus, MessageState
from liasmart_desktop.core.settings import MAX_CONCURRENCY, MAX_RATE_PER_S
from liasmart_desktop.core.text import TemplateError

_SENDER_ID_SENTENCES = {
    SenderIdProblem.EMPTY: "The sender ID is empty; give the one registered on your LiaSmart account.",
    SenderIdProblem.SURROUNDING_SPACE: "The sender ID starts or ends with a space; remove it.",
    SenderIdProblem.NOT_ASCII: "The sender ID may hold only plain Latin letters and digits (no accented, "
    "Chinese or look-alike letters).",
    SenderIdProblem.BAD_CHARACTER: "The sender ID may hold only letters, digits and spaces.",
    SenderIdProblem.TOO_LONG: "The sender ID is longer than 11 characters, the most a text sender can have.",
    SenderIdProblem.NUMERIC_TOO_LONG: "A numeric sender ID has at most 15 digits.",
}


def _add_send_arguments(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--file", metavar="FILE", help="a recipient list (.xlsx, .xls, .ods, .csv, .tsv, .txt)"
    )
    source.add_argument("--to", metavar="N1,N2,…", help="phone numbers separated by commas")
    add_import_options(parser, for_send=True)
    parser.add_argument("--text", required=True, help="the message; {column} inserts a value from the file")
    parser.add_argument(
        "--sender-id", required=True, metavar="ID", help="a sender ID registered on the account"
    )
    parser.add_argument(
        "--type", required=True, choices=["P", "T"], dest="sms_type", help="P promotional, T transactional"
    )
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


def _check_options(ctx: CliContext) -> None:
    problem = check_sender_id(ctx.args.sender_id)
    if problem is not None:
        raise CliError(ExitCode.USAGE, _SENDER_ID_SENTENCES[problem])
    callback = _callback_url(ctx)
    if callback and (urlsplit(callback).scheme not in {"https", "http"} or not urlsplit(callback).hostname):
        raise CliError(ExitCode.USAGE, f"The callback URL “{callback}” is not a web address (https://…).")
    try:
        engine_config(ctx)
    except ValueError as exc:
        raise CliError(
            ExitCode.USAGE,
            f"--concurrency must be 1 to {MAX_CONCURRENCY}, and --rate above 0 and at most "
            f"{MAX_RATE_PER_S:g} per second.",
        ) from exc


def _prepare(
    ctx: CliContext, report: ImportReport, source: str, fingerprint: str, base_url: str
) -> PreparedCampaign:
    args = ctx.args
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
            base_url=base_url,
        )
    except TemplateError as exc:
        clauses = "; ".join(describe_template_problem(p, report.columns) for p in exc.problems)
        raise CliError(ExitCode.USAGE, f"The message text cannot be used: {clauses}.") from exc
    if not prepared.messages:
        raise CliError(
            ExitCode.USAGE,
            f"None of the {report.rows:,} rows can be sent to ({len(prepared.set_aside):,} set aside); "
            "`liasmart import` shows why.",
        )
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


def _same_list_before(
    ctx: CliContext, session: SendingSession, prepared: PreparedCampaign
) -> Campaign | None:
    if not prepared.spec.source_fingerprint:
        return None
    for earlier in session.journal.campaigns():
        if (earlier.source_fingerprint, earlier.template) == (
            prepared.spec.source_fingerprint,
            prepared.spec.template,
        ):
            return earlier
    return None


def run_send(ctx: CliContext) -> int:
    """Import, render, check the balance, confirm, then create the campaign and send it."""
    _check_options(ctx)
    report, source, fingerprint = _recipients(ctx)
    check_numbers(ctx, report)
    if report.counts.recipients == 0:
        raise CliError(ExitCode.USAGE, "There are no phone numbers to send to; `liasmart import` shows why.")
    config = engine_config(ctx)
    with provider(ctx, sandbox=ctx.args.sandbox, concurrency=config.concurrency) as where:
        prepared = _prepare(ctx, report, source, fingerprint, where.base_url)
        preflight(ctx, where)
        with SendingSession(ctx.paths.journal_file) as session:
            for line in _plan_lines(ctx, prepared):
                ctx.warn(line)
            earlier = _same_list_before(ctx, session, prepared)
            if earlier is not None:
                ctx.warn(
                    f"This list and text were already sent on {earlier.created_at} (campaign {earlier.code})."
                )
            if not ctx.args.yes and not confirm(ctx, f"Send {len(prepared.messages):,} messages?"):
                if not ctx.stdin.isatty():
                    raise CliError(
                        ExitCode.USAGE,
                        "Nothing was sent: confirm on a terminal, or add --yes to send without asking.",
                    )
                ctx.warn("Nothing was sent.")
                return int(ExitCode.OK)
            campaign = session.journal.create_campaign(prepared.spec, prepared.messages, prepared.set_aside)
            ctx.warn(
                f"Campaign {campaign.code} created; sending (Ctrl-C stops after the messages in flight)."
            )
            result = run_campaign(ctx, session.journal, campaign, where)
            return finish(ctx, session.journal, campaign, result, session.recovered)


def _resume(ctx: CliContext, session: SendingSession, campaign: Campaign) -> int:
    journal = session.journal
    if campaign.status is CampaignStatus.CANCELLED:
        raise CliError(
            ExitCode.USAGE, f"Campaign {campaign.code} was cancelled; its unsent messages stay unsent."
        )
    if campaign.status is CampaignStatus.PAUSED:
        # The user decided it is time: messages a breaker left waiting (a long Retry-After) go now.
        journal.release_waiting(campaign.id)
    explicit_url = getattr(ctx.args, "base_url", None) or ctx.env.get("LIASMART_BASE_URL")
    config = engine_config(ctx)
    with provider(
        ctx,
        sandbox=campaign.sandbox,
        concurrency=config.concurrency,
        base_url=explicit_url or campaign.base_url,
    ) as where:
        if not journal.is_finished(campaign.id):
            preflight(ctx, where)
        result = run_campaign(ctx, journal, campaign, where)
        return finish(ctx, journal, campaign, result, session.recovered)


def run_resume(ctx: CliContext) -> int:
    """Continue a stopped or crashed campaign; messages left in flight are reported unknown, not resent."""
    with SendingSession(ctx.paths.journal_file) as session:
        journal = session.journal
        campaign = journal.campaign(ctx.args.campaign) if ctx.args.campaign else journal.newest_unfinished()
        if campaign is None:
            if session.recovered:
                ctx.warn(
                    f"{session.recovered:,} message(s) left in flight by a crash are now marked unknown."
                )
            if ctx.json_mode:
                ctx.print_json({"campaign": None, "counts": {}, "messages": []})
            else:
                ctx.say("Nothing to resume: every campaign is finished.")
            return int(ExitCode.OK)
        return _resume(ctx, session, campaign)


def _add_resend_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("campaign", metavar="CAMPAIGN", help="the campaign")
    parser.add_argument(
        "--state", required=True, choices=["unknown", "rejected"], help="which messages to send again"
    )
    _add_pacing(parser)
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    add_json_option(parser)


def run_resend(ctx: CliContext) -> int:
    """The explicit, confirmed action that sends unknown or rejected messages again as new attempts."""
    state = MessageState(ctx.args.state)
    with SendingSession(ctx.paths.journal_file) as session:
        journal = session.journal
        campaign = journal.campaign(ctx.args.campaign)
        count = journal.counts(campaign.id)[state]
        risk = (
            "they may already have been delivered, so some people may get the message twice, and each one "
            "is charged again"
            if state is MessageState.UNKNOWN
            else "LiaSmart refused them before; unless the cause is fixed they will be refused again"
        )
        ctx.warn(f"{count:,} {state.value} message(s) in campaign {campaign.code}: {risk}.")
        if count and not ctx.args.yes and not confirm(ctx, f"Send these {count:,} messages again?"):
            raise CliError(
                ExitCode.USAGE,
                "Nothing was sent again (confirm on a terminal, or add --yes to send without asking).",
            )
        journal.resend(campaign.id, state)
        return _resume(ctx, session, journal.campaign(campaign.id))


def _add_resume_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "campaign", nargs="?", metavar="CAMPAIGN", help="the campaign (default: the newest unfinished)"
    )
    _add_pacing(parser)
    add_json_option(parser)


COMMANDS = [
    Command("send", "create a campaign and send it", _add_send_arguments, run_send),
    Command("resume", "continue an unfinished campaign", _add_resume_arguments, run_resume),
    Command(
        "resend", "send unknown or rejected messages again (confirmed)", _add_resend_arguments, run_resend
    ),
]
