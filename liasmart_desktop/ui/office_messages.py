"""Translated sentences for the office rules: the do-not-message list, templates, the spend guard,
scheduled sending and quiet hours, and a campaign's audit trail (``ui/messages.py`` hands these over).

Texts are marked with ``QT_TRANSLATE_NOOP`` and translated when shown; placeholders are ``{named}``.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from liasmart_desktop.core.importing import RowProblem, RowReason
from liasmart_desktop.core.lists_store import ListsError, ListsProblem
from liasmart_desktop.core.optout import OptOutError
from liasmart_desktop.core.sender_id import SenderIdProblem
from liasmart_desktop.core.sending.record_export import CAMPAIGN_COLUMNS, EVENT_COLUMNS, RecordWords
from liasmart_desktop.core.sending.records import Campaign, Event, SetAsideRow
from liasmart_desktop.core.sending.report import local_time
from liasmart_desktop.core.sending.schedule import (
    ScheduleError,
    ScheduleProblem,
    from_utc_text,
)
from liasmart_desktop.core.sending.schedule import journal_zoned_text as journal_time
from liasmart_desktop.core.sending.spend_guard import SpendCheck, SpendProblem, SpendRefusedError
from liasmart_desktop.core.sending.spend_guard import money_text as money
from liasmart_desktop.core.sending.states import CampaignStatus, EventKind, MessageState
from liasmart_desktop.core.templates import MAX_NAME_CHARS, SavedTemplateError, SavedTemplateProblem
from liasmart_desktop.ui.import_messages import describe_row_problem

CONTEXT = "OfficeMessages"


def tr(source: object, /, **values: object) -> str:
    """Translate ``source`` (marked with ``QT_TRANSLATE_NOOP``) and fill its ``{named}`` placeholders."""
    translated = QCoreApplication.translate(CONTEXT, str(source))
    return translated.format(**values) if values else translated


_SENTENCES = QT_TRANSLATE_NOOP("OfficeMessages", "{first} {second}")


def _join(parts: Iterable[str]) -> str:
    sentences = [part for part in parts if part]
    text = sentences[0] if sentences else ""
    for sentence in sentences[1:]:
        text = tr(_SENTENCES, first=text, second=sentence)
    return text


# ---------------------------------------------------------------------------------------- spend guard

_SPEND: dict[SpendProblem, object] = {
    SpendProblem.OVER_BALANCE: QT_TRANSLATE_NOOP(
        "OfficeMessages",
        "The estimated cost ({cost}) is more than the balance ({balance}). Top up the account, or send to "
        "fewer people.",
    ),
    SpendProblem.OVER_DAILY_LIMIT: QT_TRANSLATE_NOOP(
        "OfficeMessages",
        "These {parts} parts and the {sent} already sent today make {total}, more than the daily limit of "
        "{limit} parts. Send the rest tomorrow, or raise the limit in Settings.",
    ),
}
#: The same two for a scheduled campaign's day (not today).
_OVER_LIMIT_ON_DAY = QT_TRANSLATE_NOOP(
    "OfficeMessages",
    "These {parts} parts on {day} and the {sent} already sent that day make {total}, more than the daily "
    "limit of {limit} parts. Send the rest another day, or raise the limit in Settings.",
)
_WITHIN_LIMIT_ON_DAY = QT_TRANSLATE_NOOP(
    "OfficeMessages", "Within the daily limit: {total} of {limit} parts on {day} ({sent} sent already)."
)
_NOTHING_SENT = QT_TRANSLATE_NOOP("OfficeMessages", "Nothing was sent.")
_WITHIN_BUDGET = QT_TRANSLATE_NOOP("OfficeMessages", "Within the balance: {cost} of {balance}.")
_WITHIN_LIMIT = QT_TRANSLATE_NOOP(
    "OfficeMessages", "Within the daily limit: {total} of {limit} parts today ({sent} sent already)."
)
_NO_LIMITS = QT_TRANSLATE_NOOP(
    "OfficeMessages", "No daily limit is set, and without a price per part the cost cannot be compared."
)


def describe_spend(check: SpendCheck, *, refused: bool = False) -> str:
    """What the spend guard found: each limit's two figures, and what to do when one is broken
    (``refused``: a run was refused, so also that nothing was sent)."""
    figures = {
        "cost": money(check.cost or Decimal(0), check.currency),
        "balance": money(check.balance.amount, check.balance.currency) if check.balance else "—",
        "parts": f"{check.parts:,}",
        "sent": f"{check.sent_today:,}",
        "total": f"{check.parts_today:,}",
        "limit": f"{check.daily_limit_parts or 0:,}",
        "day": check.day.isoformat() if check.day else "",
    }
    on_day = check.day is not None
    if check.problems:
        sentences = [
            tr(
                _OVER_LIMIT_ON_DAY
                if on_day and problem is SpendProblem.OVER_DAILY_LIMIT
                else _SPEND[problem],
                **figures,
            )
            for problem in check.problems
        ]
        return _join([*sentences, tr(_NOTHING_SENT) if refused else ""])
    parts = []
    if check.cost is not None and check.balance is not None:
        parts.append(tr(_WITHIN_BUDGET, **figures))
    if check.daily_limit_parts is not None:
        parts.append(tr(_WITHIN_LIMIT_ON_DAY if on_day else _WITHIN_LIMIT, **figures))
    return _join(parts) or tr(_NO_LIMITS)


# ---------------------------------------------------------------------------------------- errors

_SCHEDULE: dict[ScheduleProblem, object] = {
    ScheduleProblem.BAD_TIME: QT_TRANSLATE_NOOP(
        "OfficeMessages", "“{text}” is not a date and time to send at."
    ),
    ScheduleProblem.IN_THE_PAST: QT_TRANSLATE_NOOP(
        "OfficeMessages", "{text} has already passed. Choose a time in the future, or send now."
    ),
    ScheduleProblem.SKIPPED_BY_CLOCK_CHANGE: QT_TRANSLATE_NOOP(
        "OfficeMessages",
        "{text} does not exist on this computer's clock (the clocks go forward). Choose another time.",
    ),
    ScheduleProblem.NOT_SCHEDULED: QT_TRANSLATE_NOOP(
        "OfficeMessages",
        "This campaign is no longer waiting for its time: it was sent, started or cancelled.",
    ),
}
_LISTS: dict[ListsProblem, object] = {
    ListsProblem.UNUSABLE: QT_TRANSLATE_NOOP(
        "OfficeMessages",
        "The do-not-message list and the templates cannot be saved ({detail}). Free some disk space and try "
        "again; nothing was changed.",
    ),
    ListsProblem.DAMAGED: QT_TRANSLATE_NOOP(
        "OfficeMessages",
        "The file of the do-not-message list and the templates is damaged ({detail}). Nothing was sent. "
        "Restore {path} from a backup.",
    ),
    ListsProblem.NEWER_SCHEMA: QT_TRANSLATE_NOOP(
        "OfficeMessages", "The do-not-message list was saved by a newer version of this app. Update it."
    ),
}
_TEMPLATES: dict[SavedTemplateProblem, object] = {
    SavedTemplateProblem.NO_NAME: QT_TRANSLATE_NOOP("OfficeMessages", "Give the template a name."),
    SavedTemplateProblem.NAME_TOO_LONG: QT_TRANSLATE_NOOP(
        "OfficeMessages", "The name is too long: use at most {limit} characters."
    ),
    SavedTemplateProblem.NO_TEXT: QT_TRANSLATE_NOOP(
        "OfficeMessages", "Write the message first: a template needs a text."
    ),
    SavedTemplateProblem.BAD_SENDER_ID: QT_TRANSLATE_NOOP(
        "OfficeMessages", "The template cannot keep this sender ID: {why}"
    ),
    SavedTemplateProblem.BAD_TYPE: QT_TRANSLATE_NOOP(
        "OfficeMessages", "A template's type is promotional (P) or transactional (T)."
    ),
    SavedTemplateProblem.NOT_FOUND: QT_TRANSLATE_NOOP(
        "OfficeMessages", "There is no template “{name}” any more. It may have been deleted elsewhere."
    ),
    SavedTemplateProblem.NAME_TAKEN: QT_TRANSLATE_NOOP(
        "OfficeMessages", "There is already a template called “{name}”. Choose another name."
    ),
}
_SENDER_IDS: dict[SenderIdProblem, object] = {
    SenderIdProblem.EMPTY: QT_TRANSLATE_NOOP("OfficeMessages", "it is empty."),
    SenderIdProblem.SURROUNDING_SPACE: QT_TRANSLATE_NOOP("OfficeMessages", "it starts or ends with a space."),
    SenderIdProblem.NOT_ASCII: QT_TRANSLATE_NOOP(
        "OfficeMessages", "it may hold only plain Latin letters and digits."
    ),
    SenderIdProblem.BAD_CHARACTER: QT_TRANSLATE_NOOP(
        "OfficeMessages", "it may hold only letters, digits and spaces."
    ),
    SenderIdProblem.TOO_LONG: QT_TRANSLATE_NOOP("OfficeMessages", "it is longer than 11 characters."),
    SenderIdProblem.NUMERIC_TOO_LONG: QT_TRANSLATE_NOOP(
        "OfficeMessages", "a sender ID of digits has at most 15 of them."
    ),
}
_NOT_A_NUMBER = QT_TRANSLATE_NOOP("OfficeMessages", "“{number}” cannot be used as it is: {why}")


def describe_office_error(error: BaseException) -> str | None:
    """A sentence for an office-rule error; ``None`` for any other error."""
    if isinstance(error, SpendRefusedError):
        return describe_spend(error.check, refused=True)
    if isinstance(error, ScheduleError):
        return tr(_SCHEDULE[error.code], text=error.text)
    if isinstance(error, OptOutError):
        problem = RowProblem(
            0, error.number, error.status, error.reason or RowReason.TOO_SHORT, (), error.params
        )
        return tr(_NOT_A_NUMBER, number=error.number, why=describe_row_problem(problem))
    if isinstance(error, SavedTemplateError):
        why = tr(_SENDER_IDS[error.sender_problem]) if error.sender_problem else ""
        return tr(_TEMPLATES[error.code], name=error.name, limit=MAX_NAME_CHARS, why=why)
    if isinstance(error, ListsError):
        return tr(_LISTS[error.code], detail=error.detail, path=str(error.path))
    return None


# ---------------------------------------------------------------------------------------- rows and events

_OPTED_OUT = QT_TRANSLATE_NOOP(
    "OfficeMessages", "The number is on the do-not-message list (added {date}{reason}); it is never messaged."
)
_OPTED_OUT_REASON = QT_TRANSLATE_NOOP("OfficeMessages", ": “{reason}”")
#: A message not sent because its number joined the list after the campaign was made.
WITHHELD_MESSAGE = QT_TRANSLATE_NOOP(
    "OfficeMessages", "Not sent: the number was added to the do-not-message list after the campaign was made."
)


def describe_opted_out(row: SetAsideRow) -> str:
    """Why a row whose number is on the do-not-message list got no message."""
    added = str(row.reason_data.get("added_at", ""))
    reason = str(row.reason_data.get("reason", "")).strip()
    date = f"{from_utc_text(added):%Y-%m-%d}" if added else "—"
    return tr(_OPTED_OUT, date=date, reason=tr(_OPTED_OUT_REASON, reason=reason) if reason else "")


_EVENTS: dict[EventKind, object] = {
    EventKind.CREATED: QT_TRANSLATE_NOOP("OfficeMessages", "Created"),
    EventKind.SCHEDULED: QT_TRANSLATE_NOOP("OfficeMessages", "Scheduled for {at}"),
    EventKind.RESCHEDULED: QT_TRANSLATE_NOOP("OfficeMessages", "Time changed to {at} (was {was})"),
    EventKind.SENDING: QT_TRANSLATE_NOOP("OfficeMessages", "Sending started"),
    EventKind.PAUSED: QT_TRANSLATE_NOOP("OfficeMessages", "Sending stopped"),
    EventKind.FINISHED: QT_TRANSLATE_NOOP("OfficeMessages", "Finished"),
    EventKind.CANCELLED: QT_TRANSLATE_NOOP("OfficeMessages", "Ended by a cancel"),
    EventKind.CANCEL: QT_TRANSLATE_NOOP("OfficeMessages", "{count} unsent messages cancelled"),
    EventKind.RECOVERED: QT_TRANSLATE_NOOP(
        "OfficeMessages", "{count} messages on their way when the app stopped marked Unknown"
    ),
    EventKind.RESEND: QT_TRANSLATE_NOOP("OfficeMessages", "{count} {state} messages sent again"),
    EventKind.ACCOUNT_ADOPTED: QT_TRANSLATE_NOOP(
        "OfficeMessages", "Recorded as belonging to the account {api_id}"
    ),
    EventKind.RELEASED: QT_TRANSLATE_NOOP("OfficeMessages", "{count} messages waiting to retry sent at once"),
    EventKind.WITHHELD: QT_TRANSLATE_NOOP(
        "OfficeMessages", "{count} unsent messages withheld: their numbers joined the do-not-message list"
    ),
}
_WITHHELD_ON_RESEND = QT_TRANSLATE_NOOP(
    "OfficeMessages", "({count} to numbers on the do-not-message list were not)"
)
_RESEND_STATES: dict[str, object] = {
    MessageState.UNKNOWN.value: QT_TRANSLATE_NOOP("OfficeMessages", "unknown"),
    MessageState.REJECTED.value: QT_TRANSLATE_NOOP("OfficeMessages", "rejected"),
}


def describe_event(event: Event) -> str:
    """One step of a campaign's record, in words (who did it is shown beside it)."""
    data = event.data
    text = tr(
        _EVENTS[event.kind],
        at=journal_time(data.get("at")),
        was=journal_time(data.get("was")),
        count=f"{int(data.get('count', 0)):,}",
        state=tr(_RESEND_STATES.get(str(data.get("state", "")), "")),
        api_id=data.get("api_id", ""),
    )
    if data.get("withheld"):
        text = tr(_SENTENCES, first=text, second=tr(_WITHHELD_ON_RESEND, count=f"{int(data['withheld']):,}"))
    return text


# ---------------------------------------------------------------------------------------- the record workbook

_CAMPAIGN_HEADINGS = (
    QT_TRANSLATE_NOOP("OfficeMessages", "Code"),
    QT_TRANSLATE_NOOP("OfficeMessages", "Campaign"),
    QT_TRANSLATE_NOOP("OfficeMessages", "Created"),
    QT_TRANSLATE_NOOP("OfficeMessages", "Created by"),
    QT_TRANSLATE_NOOP("OfficeMessages", "Account"),
    QT_TRANSLATE_NOOP("OfficeMessages", "Sender ID"),
    QT_TRANSLATE_NOOP("OfficeMessages", "Type"),
    QT_TRANSLATE_NOOP("OfficeMessages", "Template"),
    QT_TRANSLATE_NOOP("OfficeMessages", "Message text"),
    QT_TRANSLATE_NOOP("OfficeMessages", "List file"),
    QT_TRANSLATE_NOOP("OfficeMessages", "List fingerprint (SHA-256)"),
    QT_TRANSLATE_NOOP("OfficeMessages", "Status"),
    QT_TRANSLATE_NOOP("OfficeMessages", "Scheduled for"),
    QT_TRANSLATE_NOOP("OfficeMessages", "Quiet hours"),
    QT_TRANSLATE_NOOP("OfficeMessages", "Messages"),
    QT_TRANSLATE_NOOP("OfficeMessages", "Accepted"),
    QT_TRANSLATE_NOOP("OfficeMessages", "Rejected"),
    QT_TRANSLATE_NOOP("OfficeMessages", "Unknown"),
    QT_TRANSLATE_NOOP("OfficeMessages", "Cancelled"),
    QT_TRANSLATE_NOOP("OfficeMessages", "Not sent yet"),
    QT_TRANSLATE_NOOP("OfficeMessages", "Rows set aside"),
)
_EVENT_HEADINGS = (
    QT_TRANSLATE_NOOP("OfficeMessages", "Code"),
    QT_TRANSLATE_NOOP("OfficeMessages", "Campaign"),
    QT_TRANSLATE_NOOP("OfficeMessages", "Time"),
    QT_TRANSLATE_NOOP("OfficeMessages", "What happened"),
    QT_TRANSLATE_NOOP("OfficeMessages", "By"),
)
_STATUSES: dict[CampaignStatus, object] = {
    CampaignStatus.READY: QT_TRANSLATE_NOOP("OfficeMessages", "Not started"),
    CampaignStatus.SCHEDULED: QT_TRANSLATE_NOOP("OfficeMessages", "Scheduled"),
    CampaignStatus.SENDING: QT_TRANSLATE_NOOP("OfficeMessages", "Sending"),
    CampaignStatus.PAUSED: QT_TRANSLATE_NOOP("OfficeMessages", "Stopped"),
    CampaignStatus.FINISHED: QT_TRANSLATE_NOOP("OfficeMessages", "Finished"),
    CampaignStatus.CANCELLED: QT_TRANSLATE_NOOP("OfficeMessages", "Cancelled"),
}
_SANDBOX = QT_TRANSLATE_NOOP("OfficeMessages", "Sandbox (practice)")
_TYPES: dict[str, object] = {
    "P": QT_TRANSLATE_NOOP("OfficeMessages", "Promotional"),
    "T": QT_TRANSLATE_NOOP("OfficeMessages", "Transactional"),
}


def status_word(status: CampaignStatus) -> str:
    """A campaign's status in a word."""
    return tr(_STATUSES[status])


def account_words(campaign: Campaign) -> str:
    """The account a campaign goes through, or the sandbox."""
    return tr(_SANDBOX) if campaign.sandbox else campaign.api_id or "—"


def record_words() -> RecordWords:
    """The record workbook's words in the user's language (times as local date-and-time cells, which a
    spreadsheet sorts and filters as times)."""
    assert len(_CAMPAIGN_HEADINGS) == len(CAMPAIGN_COLUMNS)  # one heading per column
    assert len(_EVENT_HEADINGS) == len(EVENT_COLUMNS)
    return RecordWords(
        campaigns_title=tr(QT_TRANSLATE_NOOP("OfficeMessages", "Campaigns")),
        events_title=tr(QT_TRANSLATE_NOOP("OfficeMessages", "What happened")),
        campaign_headings=[tr(heading) for heading in _CAMPAIGN_HEADINGS],
        event_headings=[tr(heading) for heading in _EVENT_HEADINGS],
        time=local_time,
        account=account_words,
        sms_type=lambda sms_type: tr(_TYPES.get(sms_type, sms_type)),
        status=lambda campaign: status_word(campaign.status),
        event=describe_event,
    )
