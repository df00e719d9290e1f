"""Plain-English sentences for the office rules on the command line: the do-not-message list, templates,
the spend guard, scheduled sending and quiet hours, and the campaign's audit trail."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Final

from liasmart_desktop.cli.commands.import_list import describe_row_problem
from liasmart_desktop.cli.errors import ExitCode
from liasmart_desktop.core.errors import LiaSmartError
from liasmart_desktop.core.importing import RowProblem, RowReason
from liasmart_desktop.core.lists_store import ListsError, ListsProblem
from liasmart_desktop.core.optout import OptOutError, OptOutProblem
from liasmart_desktop.core.sender_id import SenderIdProblem
from liasmart_desktop.core.sending.records import Event
from liasmart_desktop.core.sending.schedule import (
    SEND_TIME_FORMAT,
    ScheduleError,
    ScheduleProblem,
    local,
)
from liasmart_desktop.core.sending.schedule import journal_zoned_text as journal_time
from liasmart_desktop.core.sending.schedule import zoned_text as local_time
from liasmart_desktop.core.sending.spend_guard import SpendCheck, SpendProblem, SpendRefusedError
from liasmart_desktop.core.sending.spend_guard import money_text as money
from liasmart_desktop.core.sending.states import EventKind, MessageState
from liasmart_desktop.core.templates import MAX_NAME_CHARS, SavedTemplateError, SavedTemplateProblem

SENDER_ID_SENTENCES: Final = {
    SenderIdProblem.EMPTY: "The sender ID is empty; give the one registered on your LiaSmart account.",
    SenderIdProblem.SURROUNDING_SPACE: "The sender ID starts or ends with a space; remove it.",
    SenderIdProblem.NOT_ASCII: "The sender ID may hold only plain Latin letters and digits (no accented, "
    "Chinese or look-alike letters).",
    SenderIdProblem.BAD_CHARACTER: "The sender ID may hold only letters, digits and spaces.",
    SenderIdProblem.TOO_LONG: "The sender ID is longer than 11 characters, the most a text sender can have.",
    SenderIdProblem.NUMERIC_TOO_LONG: "A numeric sender ID has at most 15 digits.",
}
_LISTS: Final = {
    ListsProblem.UNUSABLE: "The lists file {path} (the do-not-message list and the templates) cannot be "
    "used ({detail}); check the data folder's free space and permissions. Nothing was changed.",
    ListsProblem.DAMAGED: "The lists file {path} is damaged ({detail}); nothing was sent or changed. Move it "
    "aside and restore it from a backup: it holds the do-not-message list.",
    ListsProblem.NEWER_SCHEMA: "The lists file {path} was written by a newer version of LiaSmart Desktop; "
    "update this one.",
}
_TEMPLATES: Final = {
    SavedTemplateProblem.NO_NAME: "A template needs a name.",
    SavedTemplateProblem.NAME_TOO_LONG: "The template name “{name}” is too long; use at most "
    f"{MAX_NAME_CHARS} characters.",
    SavedTemplateProblem.NO_TEXT: "The template “{name}” has no text; give it with --text.",
    SavedTemplateProblem.BAD_SENDER_ID: "The template “{name}” cannot be saved: {sender}",
    SavedTemplateProblem.BAD_TYPE: "The template “{name}” must be of type P (promotional) or T "
    "(transactional).",
    SavedTemplateProblem.NOT_FOUND: "There is no template “{name}”; `liasmart templates list` shows them.",
    SavedTemplateProblem.NAME_TAKEN: "There is already a template called “{name}”; choose another name.",
}
_SCHEDULE: Final = {
    ScheduleProblem.BAD_TIME: '“{text}” is not a time to send at; write it as "YYYY-MM-DD HH:MM" in this '
    'computer\'s local time, for example "{example}".',
    ScheduleProblem.IN_THE_PAST: "{text} has already passed (it is {now} now); give a time in the future, or "
    "leave out --at to send now.",
    ScheduleProblem.SKIPPED_BY_CLOCK_CHANGE: "{text} does not exist on this computer's clock (the clocks go "
    "forward then); choose another time.",
    ScheduleProblem.NOT_SCHEDULED: "Campaign {text} is not waiting for its time (it was sent, started or "
    "cancelled), so its time cannot be changed.",
}
_SPEND: Final = {
    SpendProblem.OVER_BALANCE: "the estimated cost, {cost} ({parts} part(s) × {price}), is more than the "
    "balance, {balance}: top up the account or send to fewer people",
    SpendProblem.OVER_DAILY_LIMIT: "{parts} part(s) now and {sent} already sent today make {total}, more "
    "than the daily limit of {limit} parts: send the rest tomorrow, or raise the limit (--daily-limit or "
    "the saved setting)",
}
#: The daily limit of a scheduled campaign's day (not today).
_OVER_LIMIT_ON_DAY: Final = (
    "{parts} part(s) on {day} and {sent} already sent that day make {total}, more than the daily limit of "
    "{limit} parts: send the rest another day, or raise the limit (--daily-limit or the saved setting)"
)
_EVENTS: Final = {
    EventKind.CREATED: "created{by}",
    EventKind.SCHEDULED: "scheduled for {at}{by}",
    EventKind.RESCHEDULED: "moved to {at} (was {was}){by}",
    EventKind.SENDING: "sending started",
    EventKind.PAUSED: "stopped ({reason})",
    EventKind.FINISHED: "finished",
    EventKind.CANCELLED: "ended by a cancel",
    EventKind.CANCEL: "{count} unsent message(s) cancelled{by}",
    EventKind.RECOVERED: "{count} message(s) on their way when a sender stopped marked unknown",
    EventKind.RESEND: "{count} {state} message(s) sent again{by}{withheld}",
    EventKind.ACCOUNT_ADOPTED: "recorded as belonging to API ID {api_id}",
    EventKind.RELEASED: "{count} message(s) waiting to retry sent at once on resume",
    EventKind.WITHHELD: "{count} unsent message(s) withheld: their numbers joined the do-not-message list",
}
#: Why a message was not sent, for the reasons the office rules record.
OPTED_OUT_MESSAGE: Final = (
    "Not sent: the number was added to the do-not-message list after the campaign was made."
)


def describe_spend(check: SpendCheck) -> str:
    """Why the spend guard refused, with both figures of each limit, and what to do."""
    clauses = []
    for problem in check.problems:
        balance = check.balance
        wording = _SPEND[problem]
        if problem is SpendProblem.OVER_DAILY_LIMIT and check.day is not None:
            wording = _OVER_LIMIT_ON_DAY
        clauses.append(
            wording.format(
                cost=money(check.cost or Decimal(0), check.currency),
                parts=f"{check.parts:,}",
                price=money((check.cost or Decimal(0)) / max(check.parts, 1), check.currency),
                balance=money(balance.amount, balance.currency) if balance else "",
                sent=f"{check.sent_today:,}",
                total=f"{check.parts_today:,}",
                limit=f"{check.daily_limit_parts or 0:,}",
                day=check.day.isoformat() if check.day else "",
            )
        )
    return "Nothing was sent: " + "; and ".join(clauses) + "."


def describe_event(event: Event) -> str:
    """One step of a campaign's audit trail."""
    data = event.data
    by = f" by {data['by']}" if data.get("by") else ""
    withheld = (
        f"; {data['withheld']:,} to numbers on the do-not-message list were not"
        if data.get("withheld")
        else ""
    )
    state = data.get("state", "")
    return _EVENTS[event.kind].format(
        by=by,
        at=journal_time(data.get("at")),
        was=journal_time(data.get("was")),
        reason=str(data.get("reason", "")).replace("_", " ") or "no reason given",
        count=f"{data.get('count', 0):,}",
        state=MessageState(state).value if state else "",
        withheld=withheld,
        api_id=data.get("api_id", ""),
    )


def describe_office_error(exc: LiaSmartError) -> tuple[ExitCode, str] | None:
    """The exit code and sentence for an office-rule error; ``None`` for any other error."""
    if isinstance(exc, SpendRefusedError):
        return ExitCode.LOCAL_RULE, describe_spend(exc.check)
    if isinstance(exc, ScheduleError):
        now = local(exc.now) if exc.now else local(datetime.now().astimezone())
        example = f"{now.replace(hour=18, minute=30):{SEND_TIME_FORMAT}}"
        return ExitCode.USAGE, _SCHEDULE[exc.code].format(text=exc.text, now=local_time(now), example=example)
    if isinstance(exc, OptOutError):
        return ExitCode.USAGE, describe_optout_error(exc)
    if isinstance(exc, SavedTemplateError):
        sender = SENDER_ID_SENTENCES[exc.sender_problem] if exc.sender_problem else ""
        return ExitCode.USAGE, _TEMPLATES[exc.code].format(name=exc.name, sender=sender)
    if isinstance(exc, ListsError):
        return ExitCode.USAGE, _LISTS[exc.code].format(path=exc.path, detail=exc.detail)
    return None


def describe_optout_error(exc: OptOutError) -> str:
    """Why a number cannot go on (or come off) the do-not-message list."""
    assert exc.code is OptOutProblem.NOT_A_NUMBER  # the only problem
    why = describe_row_problem(
        RowProblem(0, exc.number, exc.status, exc.reason or RowReason.TOO_SHORT, (), exc.params)
    )
    return f"“{exc.number}” cannot be used as it is: {why} Nothing was changed."
