"""English words for campaign results: states, why a run stopped, why a message or row is where it is."""

from __future__ import annotations

from typing import Final

from liasmart_desktop.cli.commands.import_list import describe_row_problem
from liasmart_desktop.core.api.outcome import Reason
from liasmart_desktop.core.sending.journal import REASON_CANCELLED, REASON_INTERRUPTED
from liasmart_desktop.core.sending.prepare import import_problem
from liasmart_desktop.core.sending.records import MessageRecord, SetAsideRow, Stop
from liasmart_desktop.core.sending.states import MessageState, SetAsideStatus, StopReason

_STATE_WORDS: Final = {
    MessageState.PENDING: "not sent yet",
    MessageState.IN_FLIGHT: "being sent",
    MessageState.RETRY_WAIT: "waiting to retry",
    MessageState.ACCEPTED: "accepted",
    MessageState.REJECTED: "rejected",
    MessageState.UNKNOWN: "unknown",
    MessageState.CANCELLED: "cancelled",
}

_STOP_SENTENCES: Final = {
    StopReason.USER_PAUSE: "Stopped on request; the rest can be sent with `liasmart resume {code}`.",
    StopReason.CANCELLED: "Cancelled; the messages not yet sent will not be sent.",
    StopReason.ACCOUNT_REFUSED: "LiaSmart refused the account ({detail}); nothing more was sent. Fix it "
    "(credentials, IP allow-list, balance, message type), then run `liasmart resume {code}`.",
    StopReason.TOO_MANY_UNKNOWN: "Paused after several messages in a row got no clear answer ({detail}); "
    "LiaSmart or the network may be in trouble. Try `liasmart resume {code}` later.",
    StopReason.MOSTLY_REJECTED: "Paused because most recent messages were rejected ({detail}); check the "
    "sender ID and message type, then run `liasmart resume {code}`.",
    StopReason.NETWORK_DOWN: "Paused because LiaSmart could not be reached for several minutes ({detail}); "
    "check the connection, then run `liasmart resume {code}`.",
    StopReason.RATE_LIMITED_LONG: "Paused because LiaSmart asked to wait for a long time ({detail}); run "
    "`liasmart resume {code}` later.",
    StopReason.CONFIGURATION: "Paused because an answer did not fit the request ({detail}); check the base "
    "URL and any proxy, then run `liasmart resume {code}`.",
    StopReason.JOURNAL_FAILED: "Stopped because the journal could not be written ({detail}); nothing more "
    "was sent. Free disk space, then run `liasmart resume {code}`.",
}

_UNKNOWN_REASONS: Final = {
    REASON_INTERRUPTED: "The program stopped while this message was being sent",
    Reason.READ_TIMEOUT.value: "LiaSmart did not answer in time",
    Reason.WRITE_TIMEOUT.value: "Sending the request timed out",
    Reason.CONNECTION_LOST.value: "The connection was lost before LiaSmart answered",
    Reason.DEADLINE.value: "The answer took too long to arrive",
    Reason.SERVER_ERROR.value: "LiaSmart reported a server error",
    Reason.UID_MISMATCH.value: "The answer was about another message",
}

_SET_ASIDE_SENTENCES: Final = {
    SetAsideStatus.MISSING_VALUE: "A merge field has no value in this row ({fields}); nothing was sent so "
    "the message never shows an empty gap.",
    SetAsideStatus.BLOCKED_TEXT: "The personalised text contains characters that must not be sent "
    "({problems}).",
}


def state_word(state: MessageState) -> str:
    """A message state in plain words."""
    return _STATE_WORDS[state]


def describe_stop(stop: Stop, code: str) -> str:
    """Why a run stopped and what to do."""
    detail = ": ".join(part for part in (stop.cause.value if stop.cause else "", stop.detail) if part)
    return _STOP_SENTENCES[stop.reason].format(detail=detail or "no detail", code=code)


def _describe_message(m: MessageRecord) -> str:
    if m.state is MessageState.ACCEPTED:
        return "Accepted by LiaSmart."
    if m.state is MessageState.REJECTED:
        return f"Rejected by LiaSmart: {m.remarks or 'no reason given'}."
    if m.state is MessageState.UNKNOWN:
        what = _UNKNOWN_REASONS.get(m.reason, f"No clear answer from LiaSmart ({m.reason})")
        return f"{what}; it may or may not have been delivered."
    if m.state is MessageState.CANCELLED or m.reason == REASON_CANCELLED:
        return "Cancelled before it was sent."
    if m.remarks or m.reason:
        return f"Not sent yet ({m.remarks or m.reason})."
    return "Not sent yet."


def _describe_set_aside(s: SetAsideRow) -> str:
    if s.status in _SET_ASIDE_SENTENCES:
        return _SET_ASIDE_SENTENCES[s.status].format(**{k: str(v) for k, v in s.reason_data.items()})
    problem = import_problem(s)
    assert problem is not None  # the other statuses were answered above
    return describe_row_problem(problem)


def describe_record(record: MessageRecord | SetAsideRow) -> str:
    """The plain-English reason shown in reports for a message or a set-aside row."""
    if isinstance(record, MessageRecord):
        return _describe_message(record)
    return _describe_set_aside(record)
