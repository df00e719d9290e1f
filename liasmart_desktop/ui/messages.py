"""The one place that turns the core's codes into translated sentences for the window.

Texts are marked with ``QT_TRANSLATE_NOOP`` so ``pyside6-lupdate`` collects them, and translated
when shown. Placeholders are ``{named}`` and filled after translation; ``tests/ui/test_translations.py``
checks every translation keeps its placeholders.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from urllib.parse import urlsplit

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from liasmart_desktop.core.api.outcome import Outcome, OutcomeKind, Reason
from liasmart_desktop.core.errors import (
    ApiError,
    CampaignError,
    CampaignProblem,
    ConfigError,
    ConfigProblem,
    CredentialError,
    CredentialProblem,
    JournalError,
    JournalProblem,
    ValueRule,
)
from liasmart_desktop.core.sending.isolation import SenderStoppedError
from liasmart_desktop.core.sending.journal import REASON_CANCELLED, REASON_INTERRUPTED, REASON_OPTED_OUT
from liasmart_desktop.core.sending.lock import LockBusyError
from liasmart_desktop.core.sending.prepare import import_problem
from liasmart_desktop.core.sending.records import Campaign, MessageRecord, SetAsideRow, Stop
from liasmart_desktop.core.sending.report import ReportColumn, ReportWording
from liasmart_desktop.core.sending.states import MessageState, SetAsideStatus, StopReason
from liasmart_desktop.core.text import TextIssue
from liasmart_desktop.ui.import_messages import describe_row_problem
from liasmart_desktop.ui.office_messages import WITHHELD_MESSAGE, describe_office_error, describe_opted_out
from liasmart_desktop.ui.office_messages import tr as office_tr

CONTEXT = "Messages"


def tr(text: object, **values: object) -> str:
    """Translate ``text`` (marked with ``QT_TRANSLATE_NOOP``) and fill its ``{named}`` placeholders."""
    translated = QCoreApplication.translate(CONTEXT, str(text))
    return translated.format(**values) if values else translated


#: Two sentences one after the other: a space in English, nothing between Chinese sentences.
_TWO_SENTENCES = QT_TRANSLATE_NOOP("Messages", "{first} {second}")


def join_sentences(sentences: Iterable[str]) -> str:
    """Sentences one after another as the language writes them (``A. B.``, ``甲。乙。``); empties dropped."""
    parts = [sentence for sentence in sentences if sentence]
    if not parts:
        return ""
    template = QCoreApplication.translate(CONTEXT, str(_TWO_SENTENCES))
    text = parts[0]
    for sentence in parts[1:]:
        text = template.format(first=text, second=sentence)
    return text


STATE_NAMES: dict[MessageState, object] = {
    MessageState.PENDING: QT_TRANSLATE_NOOP("Messages", "Waiting to send"),
    MessageState.IN_FLIGHT: QT_TRANSLATE_NOOP("Messages", "Sending"),
    MessageState.RETRY_WAIT: QT_TRANSLATE_NOOP("Messages", "Will retry"),
    MessageState.ACCEPTED: QT_TRANSLATE_NOOP("Messages", "Accepted"),
    MessageState.REJECTED: QT_TRANSLATE_NOOP("Messages", "Rejected"),
    MessageState.UNKNOWN: QT_TRANSLATE_NOOP("Messages", "Unknown"),
    MessageState.CANCELLED: QT_TRANSLATE_NOOP("Messages", "Cancelled"),
}

_OUTCOME: dict[Reason, object] = {
    Reason.CREDENTIALS: QT_TRANSLATE_NOOP(
        "Messages", "LiaSmart did not accept the API ID or password. Check them in Settings."
    ),
    Reason.IP_NOT_ALLOWED: QT_TRANSLATE_NOOP(
        "Messages",
        "LiaSmart refused this computer's internet address. Ask LiaSmart to add it to your account's "
        "IP allow-list.",
    ),
    Reason.INSUFFICIENT_BALANCE: QT_TRANSLATE_NOOP(
        "Messages", "Your LiaSmart balance is too low. Top it up, then continue."
    ),
    Reason.TRANSACTIONAL_NOT_ALLOWED: QT_TRANSLATE_NOOP(
        "Messages",
        "Your account may not send transactional messages. Send them as promotional, or ask "
        "LiaSmart to enable transactional SMS.",
    ),
    Reason.ACCOUNT_DISABLED: QT_TRANSLATE_NOOP(
        "Messages", "LiaSmart says your account is suspended or disabled. Contact LiaSmart."
    ),
    Reason.ENDPOINT_NOT_FOUND: QT_TRANSLATE_NOOP(
        "Messages",
        "The server at {host} does not offer the LiaSmart API. Check the API address in Settings › Advanced.",
    ),
    Reason.PROXY: QT_TRANSLATE_NOOP(
        "Messages", "The proxy server refused the connection. Check your network's proxy settings."
    ),
    Reason.TLS_CERTIFICATE: QT_TRANSLATE_NOOP(
        "Messages",
        "The security certificate of {host} could not be verified, so nothing was sent. If your office "
        "network inspects secure connections, turn on “Use the system certificate store” in "
        "Settings › Advanced.",
    ),
    Reason.TLS_ERROR: QT_TRANSLATE_NOOP(
        "Messages", "A secure connection to {host} could not be set up. Check the API address."
    ),
    Reason.CONFIGURATION: QT_TRANSLATE_NOOP(
        "Messages", "The request to {host} could not be made. Check the API address."
    ),
    Reason.CONNECT_FAILED: QT_TRANSLATE_NOOP(
        "Messages", "Could not connect to {host}. Check the internet connection."
    ),
    Reason.CONNECT_TIMEOUT: QT_TRANSLATE_NOOP(
        "Messages", "Connecting to {host} took too long. Check the internet connection."
    ),
    Reason.POOL_TIMEOUT: QT_TRANSLATE_NOOP("Messages", "No connection became free in time. Try again."),
    Reason.REQUEST_TIMEOUT: QT_TRANSLATE_NOOP(
        "Messages", "LiaSmart did not receive the whole request in time. Try again."
    ),
    Reason.RATE_LIMITED: QT_TRANSLATE_NOOP("Messages", "LiaSmart asked to slow down. Try again in a moment."),
    Reason.READ_TIMEOUT: QT_TRANSLATE_NOOP("Messages", "LiaSmart did not answer in time."),
    Reason.WRITE_TIMEOUT: QT_TRANSLATE_NOOP("Messages", "Sending the request took too long."),
    Reason.CONNECTION_LOST: QT_TRANSLATE_NOOP(
        "Messages", "The connection was lost before LiaSmart answered."
    ),
    Reason.DEADLINE: QT_TRANSLATE_NOOP("Messages", "The answer took too long to arrive."),
    Reason.SERVER_ERROR: QT_TRANSLATE_NOOP("Messages", "LiaSmart had a server error (HTTP {status})."),
    Reason.REDIRECT: QT_TRANSLATE_NOOP(
        "Messages", "The server sent the request elsewhere instead of answering. Check the API address."
    ),
    Reason.REMARKS: QT_TRANSLATE_NOOP("Messages", "LiaSmart said: {remarks}"),
    Reason.UID_MISMATCH: QT_TRANSLATE_NOOP("Messages", "The answer was about a different message."),
}
_UNREADABLE_ANSWER = QT_TRANSLATE_NOOP(
    "Messages", "The answer from {host} could not be read. A proxy or a login page may be in the way."
)

_CONFIG: dict[ConfigProblem, object] = {
    ConfigProblem.BAD_BASE_URL: QT_TRANSLATE_NOOP(
        "Messages", "The API address “{subject}” cannot be used ({detail})."
    ),
    ConfigProblem.INSECURE_BASE_URL: QT_TRANSLATE_NOOP(
        "Messages", "The API address must start with https://."
    ),
    ConfigProblem.SETTINGS_UNREADABLE: QT_TRANSLATE_NOOP(
        "Messages",
        "The settings file {subject} cannot be read ({detail}). Fix or delete it; nothing was changed.",
    ),
    ConfigProblem.SETTINGS_UNWRITABLE: QT_TRANSLATE_NOOP(
        "Messages", "The settings could not be saved ({detail}). Free some disk space and try again."
    ),
    ConfigProblem.SETTINGS_INVALID: QT_TRANSLATE_NOOP(
        "Messages",
        "The setting “{subject}” in the settings file is wrong ({detail}). Fix or delete the file.",
    ),
    ConfigProblem.DATA_DIR_UNUSABLE: QT_TRANSLATE_NOOP(
        "Messages", "The data folder {subject} cannot be used ({detail})."
    ),
    ConfigProblem.BAD_VALUE: QT_TRANSLATE_NOOP("Messages", "“{subject}” must be {detail}."),
}
#: What a value must be (``ConfigError.rule``), with its bounds filled in.
VALUE_RULES: dict[ValueRule, object] = {
    ValueRule.COUNTRY_CODE: QT_TRANSLATE_NOOP("Messages", "a two-letter country code such as CN"),
    ValueRule.SMS_TYPE: QT_TRANSLATE_NOOP("Messages", "P (promotional) or T (transactional)"),
    ValueRule.RANGE: QT_TRANSLATE_NOOP("Messages", "a whole number from {low} to {high}"),
    ValueRule.POSITIVE_AT_MOST: QT_TRANSLATE_NOOP("Messages", "above 0 and at most {high}"),
    ValueRule.ZERO_OR_MORE: QT_TRANSLATE_NOOP("Messages", "a number, zero or more"),
    ValueRule.TIME_WINDOW: QT_TRANSLATE_NOOP("Messages", "two different times of day, such as 21:00-08:00"),
}
#: The settings a ``ConfigError`` may name, as the Settings dialog calls them.
SETTING_NAMES: dict[str, object] = {
    "default_country": QT_TRANSLATE_NOOP("Messages", "Default country"),
    "sms_type": QT_TRANSLATE_NOOP("Messages", "Message type"),
    "concurrency": QT_TRANSLATE_NOOP("Messages", "Messages sent at once"),
    "rate_per_second": QT_TRANSLATE_NOOP("Messages", "Messages per second"),
    "sender_id_max_chars": QT_TRANSLATE_NOOP("Messages", "Longest sender ID"),
    "price_per_part": QT_TRANSLATE_NOOP("Messages", "Price per part"),
    "daily_limit_parts": QT_TRANSLATE_NOOP("Messages", "Daily limit"),
    "quiet_hours": QT_TRANSLATE_NOOP("Messages", "Quiet hours"),
}

_CAMPAIGN: dict[CampaignProblem, object] = {
    CampaignProblem.WRONG_ACCOUNT: QT_TRANSLATE_NOOP(
        "Messages",
        "This campaign belongs to the LiaSmart account {account}, and a campaign is only ever sent through "
        "its own account. The account set up now is {current}. Nothing was sent.",
    ),
    CampaignProblem.NEEDS_ACCOUNT: QT_TRANSLATE_NOOP(
        "Messages",
        "This campaign goes to real phones through {through}. To continue it, set up that account in "
        "Settings (and leave the sandbox if you are practising). Nothing was sent.",
    ),
    CampaignProblem.NEEDS_SANDBOX: QT_TRANSLATE_NOOP(
        "Messages",
        "This is a practice campaign: it is only ever sent to the sandbox. Switch to the sandbox "
        "(Settings › Practice in the sandbox) to continue it. Nothing was sent.",
    ),
    CampaignProblem.CANCELLED: QT_TRANSLATE_NOOP(
        "Messages", "This campaign was cancelled; its unsent messages stay unsent."
    ),
    CampaignProblem.SANDBOX_GONE: QT_TRANSLATE_NOOP(
        "Messages",
        "This practice campaign went to a sandbox that has stopped since, so its delivery status cannot "
        "be asked.",
    ),
    CampaignProblem.ALL_OPTED_OUT: QT_TRANSLATE_NOOP(
        "Messages",
        "Every one of these messages goes to a number on the do-not-message list, so none is sent again.",
    ),
}
#: Why a campaign's delivery statuses cannot be asked for from here (the sending sentences do not fit).
_REFRESH_REFUSED: dict[CampaignProblem, object] = {
    CampaignProblem.WRONG_ACCOUNT: QT_TRANSLATE_NOOP(
        "Messages",
        "Its delivery reports come through the account {account}, which is not the one set up now "
        "({current}).",
    ),
    CampaignProblem.NEEDS_ACCOUNT: QT_TRANSLATE_NOOP(
        "Messages",
        "Its delivery reports come through {through}: set up that account in Settings (and leave the "
        "sandbox) to ask for them.",
    ),
    CampaignProblem.NEEDS_SANDBOX: QT_TRANSLATE_NOOP(
        "Messages",
        "This practice campaign's reports come from the sandbox: switch to the sandbox to ask for them.",
    ),
}
_THE_ACCOUNT = QT_TRANSLATE_NOOP("Messages", "the account {api_id}")
_A_REAL_ACCOUNT = QT_TRANSLATE_NOOP("Messages", "your LiaSmart account")

_CREDENTIAL: dict[CredentialProblem, object] = {
    CredentialProblem.NO_API_ID: QT_TRANSLATE_NOOP("Messages", "No API ID is set. Enter it in Settings."),
    CredentialProblem.BAD_API_ID: QT_TRANSLATE_NOOP(
        "Messages", "The API ID is not valid. Copy it from your LiaSmart account."
    ),
    CredentialProblem.NO_PASSWORD: QT_TRANSLATE_NOOP(
        "Messages", "No API password is saved. Enter it in Settings."
    ),
    CredentialProblem.NO_SECURE_STORE: QT_TRANSLATE_NOOP(
        "Messages",
        "This computer has no secure password store, so the password is kept only until you close the app.",
    ),
    CredentialProblem.STORE_FAILED: QT_TRANSLATE_NOOP(
        "Messages", "The system password store did not respond ({detail}). Unlock it and try again."
    ),
}

_JOURNAL: dict[JournalProblem, object] = {
    JournalProblem.CORRUPT: QT_TRANSLATE_NOOP(
        "Messages", "The history file is damaged ({detail}). Nothing was sent."
    ),
    JournalProblem.NEWER_SCHEMA: QT_TRANSLATE_NOOP(
        "Messages", "The history was written by a newer version of this app. Update it."
    ),
    JournalProblem.NOT_DURABLE: QT_TRANSLATE_NOOP(
        "Messages",
        "The history cannot be kept crash-safe in this folder. Keep the data folder on a local disk.",
    ),
    JournalProblem.WRITE_FAILED: QT_TRANSLATE_NOOP(
        "Messages",
        "The history cannot be written ({detail}). Nothing more is sent until it can: free some disk space.",
    ),
    JournalProblem.NO_SUCH_CAMPAIGN: QT_TRANSLATE_NOOP("Messages", "That campaign is not in the history."),
    JournalProblem.NO_CAMPAIGNS: QT_TRANSLATE_NOOP("Messages", "Nothing has been sent yet."),
    JournalProblem.NOTHING_TO_RESEND: QT_TRANSLATE_NOOP(
        "Messages", "There are no such messages to send again."
    ),
    JournalProblem.EMPTIED: QT_TRANSLATE_NOOP(
        "Messages",
        "The history file was empty, so the record of earlier campaigns is gone from it. It was kept as "
        "{detail}; nothing was sent. Restore the history from a backup, or try again to start a new one.",
    ),
}

_STOP: dict[StopReason, object] = {
    StopReason.USER_PAUSE: QT_TRANSLATE_NOOP("Messages", "Stopped. The rest can be sent later from History."),
    StopReason.CANCELLED: QT_TRANSLATE_NOOP("Messages", "Cancelled. Messages not yet sent will not be sent."),
    StopReason.ACCOUNT_REFUSED: QT_TRANSLATE_NOOP(
        "Messages", "Sending stopped: {detail} Fix it, then press Resume."
    ),
    StopReason.TOO_MANY_UNKNOWN: QT_TRANSLATE_NOOP(
        "Messages",
        "Sending paused: several messages in a row got no clear answer. LiaSmart or the network may "
        "be in trouble; press Resume to try again.",
    ),
    StopReason.MOSTLY_REJECTED: QT_TRANSLATE_NOOP(
        "Messages",
        "Sending paused: most recent messages were rejected ({detail}). Check the sender ID and the "
        "message type.",
    ),
    StopReason.NETWORK_DOWN: QT_TRANSLATE_NOOP(
        "Messages",
        "Sending paused: LiaSmart could not be reached for several minutes. Check the connection, "
        "then press Resume.",
    ),
    StopReason.RATE_LIMITED_LONG: QT_TRANSLATE_NOOP(
        "Messages", "Sending paused: LiaSmart asked to wait a long time. Press Resume later."
    ),
    StopReason.CONFIGURATION: QT_TRANSLATE_NOOP(
        "Messages", "Sending paused: an answer did not match the request. Check the API address and proxy."
    ),
    StopReason.JOURNAL_FAILED: QT_TRANSLATE_NOOP(
        "Messages",
        "Sending stopped: the history could not be written. Free some disk space, then press Resume.",
    ),
    StopReason.JOURNAL_GONE: QT_TRANSLATE_NOOP(
        "Messages",
        "Sending stopped: the history file was deleted or replaced while sending, so nothing more was "
        "sent. A copy of what it held: {detail}",
    ),
}

_MESSAGE_REASONS: dict[str, object] = {
    REASON_INTERRUPTED: QT_TRANSLATE_NOOP(
        "Messages",
        "The app stopped while this message was being sent. It may or may not have been delivered.",
    ),
    REASON_CANCELLED: QT_TRANSLATE_NOOP("Messages", "Cancelled before it was sent."),
}
_OFFICE_REASONS: dict[str, object] = {REASON_OPTED_OUT: WITHHELD_MESSAGE}
_UNKNOWN_GENERIC = QT_TRANSLATE_NOOP(
    "Messages", "No clear answer from LiaSmart ({reason}). It may or may not have been delivered."
)
_ACCEPTED = QT_TRANSLATE_NOOP("Messages", "Accepted by LiaSmart.")
_REJECTED = QT_TRANSLATE_NOOP("Messages", "Rejected by LiaSmart: {remarks}")
_WAITING = QT_TRANSLATE_NOOP("Messages", "Not sent yet.")
_LOCKED = QT_TRANSLATE_NOOP(
    "Messages", "Another copy of LiaSmart Desktop is sending right now. Wait for it to finish."
)
_UNEXPECTED = QT_TRANSLATE_NOOP("Messages", "Something went wrong ({kind}). Details are in the log file.")
_SENDER_STOPPED = QT_TRANSLATE_NOOP(
    "Messages",
    "The sending process stopped unexpectedly (exit code {code}). Press Resume to continue: messages that "
    "were on their way are marked Unknown and are not sent again by themselves.",
)


_SET_ASIDE_NAME = QT_TRANSLATE_NOOP("Messages", "Set aside")
_TEST_CAMPAIGN = QT_TRANSLATE_NOOP("Messages", "Test message")
_TYPED_NUMBERS_CAMPAIGN = QT_TRANSLATE_NOOP("Messages", "Typed numbers {date}")
_SECONDS = QT_TRANSLATE_NOOP("Messages", "{seconds} s")
_MINUTES = QT_TRANSLATE_NOOP("Messages", "{minutes} min {seconds} s")
_HOURS = QT_TRANSLATE_NOOP("Messages", "{hours} h {minutes} min")


def state_name(state: MessageState) -> str:
    """A message state in the user's language."""
    return tr(STATE_NAMES[state])


def set_aside_name() -> str:
    """What the results call a row of the list that got no message."""
    return tr(_SET_ASIDE_NAME)


def typed_numbers_name(date: str) -> str:
    """The name of a campaign sent to typed or pasted numbers (a list's campaign is named after its file)."""
    return tr(_TYPED_NUMBERS_CAMPAIGN, date=date)


def campaign_title(campaign: Campaign) -> str:
    """The name people know a campaign by: the one it was given, else its list's file, never its code."""
    if campaign.is_test:
        return tr(_TEST_CAMPAIGN)
    if campaign.name:
        return campaign.name
    if campaign.source_name:
        return campaign.source_name
    return typed_numbers_name(local_time_text(campaign.created_at)[:10])


def local_time_text(iso_utc: str | None) -> str:
    """A journal time (ISO 8601 UTC) as this computer's local date and time, to the minute
    (``2026-01-31 14:05``; the export has seconds); "" for none, and text that is no time as it is."""
    if not iso_utc:
        return ""
    try:
        moment = datetime.fromisoformat(iso_utc).astimezone()
    except ValueError:
        return iso_utc
    return moment.strftime("%Y-%m-%d %H:%M")


def duration_text(seconds: float) -> str:
    """A duration, shortly: ``45 s``, ``2 min 30 s``, ``1 h 20 min``."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return tr(_HOURS, hours=hours, minutes=minutes)
    if minutes:
        return tr(_MINUTES, minutes=minutes, seconds=secs)
    return tr(_SECONDS, seconds=secs)


def _host(base_url: str) -> str:
    return urlsplit(base_url).hostname or base_url or "LiaSmart"


def describe_outcome(outcome: Outcome, base_url: str = "") -> str:
    """A sentence for an API outcome that was not a success."""
    template = _OUTCOME.get(outcome.reason, _UNREADABLE_ANSWER)
    if outcome.kind is OutcomeKind.REFUSED and outcome.reason is Reason.REMARKS and not outcome.remarks:
        template = _UNREADABLE_ANSWER
    return tr(template, host=_host(base_url), status=outcome.http_status or "?", remarks=outcome.remarks)


def describe_error(error: BaseException, base_url: str = "") -> str:
    """A sentence for any error the core raises (and a plain one for anything else)."""
    if isinstance(error, ApiError):
        return describe_outcome(error.outcome, base_url)
    if isinstance(error, LockBusyError):
        return tr(_LOCKED)
    if isinstance(error, SenderStoppedError):
        return tr(_SENDER_STOPPED, code=error.returncode if error.returncode is not None else "?")
    if isinstance(error, ConfigError):
        return describe_config_error(error)
    if isinstance(error, CampaignError):
        return describe_campaign_error(error)
    if isinstance(error, CredentialError):
        return tr(_CREDENTIAL[error.code], detail=error.detail)
    if isinstance(error, JournalError):
        return tr(_JOURNAL[error.code], detail=error.detail, subject=error.subject)
    # The office rules' errors (spend guard, schedule, lists, templates) have words of their own.
    return describe_office_error(error) or tr(_UNEXPECTED, kind=type(error).__name__)


def nothing_was_sent(error: BaseException) -> bool:
    """Whether a send was refused before its first request (so the window says "Not sent")."""
    return isinstance(error, CampaignError | LockBusyError | CredentialError | ConfigError)


def count_text(count: int, one: str, many: str) -> str:
    """``one`` for a single item, else ``many`` with ``{count}`` filled in (other placeholders stay)."""
    return one if count == 1 else many.replace("{count}", f"{count:,}")


def describe_rule(error: ConfigError) -> str:
    """What a value must be, in words; the technical detail when the error names no rule."""
    if error.rule is None:
        return error.detail
    bounds = error.bounds
    low = "" if bounds.low is None else f"{bounds.low:,g}"
    high = "" if bounds.high is None else f"{bounds.high:,g}"
    return tr(VALUE_RULES[error.rule], low=low, high=high)


def describe_config_error(error: ConfigError) -> str:
    """A sentence for a settings or data-folder problem."""
    subject = error.subject
    if subject in SETTING_NAMES:
        subject = tr(SETTING_NAMES[subject])
    return tr(_CONFIG[error.code], subject=subject, detail=describe_rule(error))


def _campaign_sentence(template: object, error: CampaignError) -> str:
    through = tr(_THE_ACCOUNT, api_id=error.account) if error.account else tr(_A_REAL_ACCOUNT)
    return tr(template, account=error.account, through=through, current=error.current)


def describe_campaign_error(error: CampaignError) -> str:
    """Why a campaign cannot be sent, resumed or resent from here."""
    return _campaign_sentence(_CAMPAIGN[error.code], error)


def describe_refresh_refusal(error: CampaignError) -> str:
    """Why a campaign's delivery statuses cannot be asked for from here now."""
    return _campaign_sentence(_REFRESH_REFUSED.get(error.code, _CAMPAIGN[error.code]), error)


def describe_stop(stop: Stop) -> str:
    """Why a send stopped and what to do."""
    detail = stop.detail
    if stop.reason is StopReason.ACCOUNT_REFUSED:
        template = _OUTCOME.get(stop.cause) if stop.cause is not None else None
        detail = (
            tr(template, host="LiaSmart", status="?", remarks=stop.detail)
            if template is not None
            else stop.detail or "—"
        )
    return tr(_STOP[stop.reason], detail=detail or "—")


def describe_message(message: MessageRecord) -> str:
    """Why a message is in its state, in plain words."""
    state = message.state
    if state is MessageState.ACCEPTED:
        return tr(_ACCEPTED)
    if state is MessageState.REJECTED:
        return tr(_REJECTED, remarks=message.remarks or "—")
    if message.reason in _MESSAGE_REASONS:
        return tr(_MESSAGE_REASONS[message.reason])
    if message.reason in _OFFICE_REASONS:
        return office_tr(_OFFICE_REASONS[message.reason])
    if state is MessageState.UNKNOWN:
        try:
            reason_text = tr(
                _OUTCOME[Reason(message.reason)],
                host="LiaSmart",
                status=message.http_status or "?",
                remarks=message.remarks,
            )
        except (ValueError, KeyError):
            reason_text = message.reason
        # Inside brackets the reason's own full stop would end the sentence twice: "(… 500).)".
        return tr(_UNKNOWN_GENERIC, reason=reason_text.rstrip(".。"))
    return tr(_WAITING)


_SET_ASIDE: dict[SetAsideStatus, object] = {
    SetAsideStatus.MISSING_VALUE: QT_TRANSLATE_NOOP(
        "Messages",
        "A merge field has no value in this row ({fields}); nothing was sent, so no message "
        "shows an empty gap.",
    ),
    SetAsideStatus.BLOCKED_TEXT: QT_TRANSLATE_NOOP(
        "Messages", "The personalised text cannot be sent as it is ({problems})."
    ),
}
#: What is wrong with a personalised text that cannot be sent, as a short phrase.
_TEXT_ISSUES: dict[TextIssue, object] = {
    TextIssue.EMPTY: QT_TRANSLATE_NOOP("Messages", "it is empty"),
    TextIssue.BLANK: QT_TRANSLATE_NOOP("Messages", "it holds only spaces"),
    TextIssue.CONTROL_CHARACTER: QT_TRANSLATE_NOOP("Messages", "a control character"),
    TextIssue.LONE_SURROGATE: QT_TRANSLATE_NOOP("Messages", "a broken character"),
    TextIssue.BIDI_CONTROL: QT_TRANSLATE_NOOP("Messages", "a hidden text-direction mark"),
    TextIssue.INVISIBLE_CHARACTER: QT_TRANSLATE_NOOP("Messages", "an invisible character"),
    TextIssue.NOT_IN_GSM_ALPHABET: QT_TRANSLATE_NOOP(
        "Messages", "characters the standard alphabet cannot carry"
    ),
}
#: Between the items of a list inside a sentence (", " in English, "、" in Chinese).
_LIST_SEPARATOR = QT_TRANSLATE_NOOP("Messages", ", ")


def join_list(items: Iterable[str]) -> str:
    """Items one after another as the language lists them (``a, b``, ``甲、乙``)."""
    return tr(_LIST_SEPARATOR).join(items)


#: A delivery state the core derives from LiaSmart's status word (``DeliveryState`` values), in words.
DELIVERY_NAMES: dict[str, object] = {
    "delivered": QT_TRANSLATE_NOOP("Messages", "Delivered"),
    "failed": QT_TRANSLATE_NOOP("Messages", "Not delivered"),
    "pending": QT_TRANSLATE_NOOP("Messages", "Waiting for the report"),
}
#: A set-aside row's result in an export: why it was not sent, in two or three words.
_SET_ASIDE_STATES: dict[SetAsideStatus, object] = {
    SetAsideStatus.INVALID: QT_TRANSLATE_NOOP("Messages", "Not sent: not a valid number"),
    SetAsideStatus.MISSING: QT_TRANSLATE_NOOP("Messages", "Not sent: no number"),
    SetAsideStatus.DAMAGED: QT_TRANSLATE_NOOP("Messages", "Not sent: number damaged by Excel"),
    SetAsideStatus.DUPLICATE: QT_TRANSLATE_NOOP("Messages", "Not sent: number repeated"),
    SetAsideStatus.MISSING_VALUE: QT_TRANSLATE_NOOP("Messages", "Not sent: empty merge field"),
    SetAsideStatus.BLOCKED_TEXT: QT_TRANSLATE_NOOP("Messages", "Not sent: text cannot be sent"),
}
_REPORT_ROW = QT_TRANSLATE_NOOP("Messages", "Row")
#: A result column's heading when the list has a column of the same name.
_REPORT_RENAMED = QT_TRANSLATE_NOOP("Messages", "{name} (result)")
_REPORT_HEADERS: dict[ReportColumn, object] = {
    ReportColumn.PHONE: QT_TRANSLATE_NOOP("Messages", "Sent to"),
    ReportColumn.STATE: QT_TRANSLATE_NOOP("Messages", "Result"),
    ReportColumn.REASON: QT_TRANSLATE_NOOP("Messages", "Reason"),
    ReportColumn.REMARKS: QT_TRANSLATE_NOOP("Messages", "LiaSmart's remark"),
    ReportColumn.MESSAGE_ID: QT_TRANSLATE_NOOP("Messages", "Message ID"),
    ReportColumn.PARTS: QT_TRANSLATE_NOOP("Messages", "Parts"),
    ReportColumn.ENCODING: QT_TRANSLATE_NOOP("Messages", "Encoding"),
    ReportColumn.ATTEMPT: QT_TRANSLATE_NOOP("Messages", "Attempt"),
    ReportColumn.UID: QT_TRANSLATE_NOOP("Messages", "Request ID"),
    ReportColumn.SENT_AT: QT_TRANSLATE_NOOP("Messages", "Sent"),
    ReportColumn.FINISHED_AT: QT_TRANSLATE_NOOP("Messages", "Answered"),
    ReportColumn.DELIVERY_STATUS: QT_TRANSLATE_NOOP("Messages", "Delivery"),
    ReportColumn.DELIVERY_CHECKED_AT: QT_TRANSLATE_NOOP("Messages", "Delivery checked"),
}


def delivery_name(state: str) -> str | None:
    """A delivery state in words (``None`` for a state without a name: LiaSmart's own word is shown)."""
    name = DELIVERY_NAMES.get(state)
    return None if name is None else tr(name)


def report_wording(campaign: Campaign) -> ReportWording:
    """The words of an exported report, in the user's language, named after the campaign."""
    states: dict[MessageState | SetAsideStatus, str] = {state: state_name(state) for state in MessageState}
    states.update({status: tr(words) for status, words in _SET_ASIDE_STATES.items()})
    return ReportWording(
        row=tr(_REPORT_ROW),
        headers={column: tr(words) for column, words in _REPORT_HEADERS.items()},
        states=states,
        delivery={state: tr(words) for state, words in DELIVERY_NAMES.items()},
        sheet_title=campaign_title(campaign),
        renamed=tr(_REPORT_RENAMED),
    )


def describe_record(record: MessageRecord | SetAsideRow) -> str:
    """The reason column of an export: a message's state, or why a row was set aside."""
    if isinstance(record, MessageRecord):
        return describe_message(record)
    if record.status is SetAsideStatus.MISSING_VALUE:
        return tr(_SET_ASIDE[record.status], fields=join_list(record.reason_data.get("fields", ())))
    if record.status is SetAsideStatus.BLOCKED_TEXT:
        problems = (tr(_TEXT_ISSUES[TextIssue(code)]) for code in record.reason_data.get("problems", ()))
        return tr(_SET_ASIDE[record.status], problems=join_list(problems))
    if record.status is SetAsideStatus.OPTED_OUT:
        return describe_opted_out(record)
    problem = import_problem(record)
    assert problem is not None  # the other statuses were answered above
    return describe_row_problem(problem)
