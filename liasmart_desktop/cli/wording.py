"""English words for campaign results: states, why a run stopped, why a message or row is where it is."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from liasmart_desktop.cli.commands.import_list import describe_row_problem
from liasmart_desktop.cli.messages import describe_outcome
from liasmart_desktop.cli.office_wording import OPTED_OUT_MESSAGE
from liasmart_desktop.cli.optout_rows import describe_set_aside
from liasmart_desktop.core.api.outcome import Outcome, OutcomeKind, Reason
from liasmart_desktop.core.sending.journal import REASON_CANCELLED, REASON_INTERRUPTED, REASON_OPTED_OUT
from liasmart_desktop.core.sending.prepare import import_problem
from liasmart_desktop.core.sending.records import MessageRecord, SetAsideRow, Stop
from liasmart_desktop.core.sending.states import MessageState, SetAsideStatus, StopReason
from liasmart_desktop.core.text import TextIssue

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
    StopReason.ACCOUNT_REFUSED: "LiaSmart refused the account, so nothing more was sent. Fix it "
    "(credentials, IP allow-list, balance, message type), then run `liasmart resume {code}`.",
    StopReason.TOO_MANY_UNKNOWN: "Paused after several messages in a row got no clear answer; LiaSmart or "
    "the network may be in trouble. Try `liasmart resume {code}` later.",
    StopReason.MOSTLY_REJECTED: "Paused because most recent messages were rejected; check the sender ID and "
    "message type, then run `liasmart resume {code}`.",
    StopReason.NETWORK_DOWN: "Paused because LiaSmart could not be reached for several minutes; check the "
    "connection, then run `liasmart resume {code}`.",
    StopReason.RATE_LIMITED_LONG: "Paused because LiaSmart asked to wait for a long time; run "
    "`liasmart resume {code}` later.",
    StopReason.CONFIGURATION: "Paused because an answer did not fit the request; check the base URL and any "
    "proxy, then run `liasmart resume {code}`.",
    StopReason.JOURNAL_FAILED: "Stopped because the journal could not be written ({detail}); nothing more "
    "was sent. Free disk space, then run `liasmart resume {code}`.",
    StopReason.JOURNAL_GONE: "Stopped because the journal was deleted or replaced while sending, so nothing "
    "more was sent; {detail}",
}
_JOURNAL_COPY: Final = (
    "everything it held, this run's results included, was saved as {path} (keep it: it is the only record "
    "of campaign {code})."
)
_NO_JOURNAL_COPY: Final = "no copy of it could be saved either."
#: How the answer behind a stop is read (the kind decides "refused" or "said no").
_STOP_OUTCOME_KINDS: Final = {
    StopReason.ACCOUNT_REFUSED: OutcomeKind.REFUSED,
    StopReason.MOSTLY_REJECTED: OutcomeKind.REJECTED,
    StopReason.RATE_LIMITED_LONG: OutcomeKind.RETRY_LATER,
    StopReason.NETWORK_DOWN: OutcomeKind.NOT_SENT,
}
_TEXT_ISSUES: Final = {
    TextIssue.EMPTY: "it is empty",
    TextIssue.BLANK: "it holds only spaces",
    TextIssue.CONTROL_CHARACTER: "a control character",
    TextIssue.LONE_SURROGATE: "a broken character",
    TextIssue.BIDI_CONTROL: "a hidden text-direction mark",
    TextIssue.INVISIBLE_CHARACTER: "an invisible character",
    TextIssue.NOT_IN_GSM_ALPHABET: "characters the standard alphabet cannot carry",
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
    SetAsideStatus.BLOCKED_TEXT: "The personalised text cannot be sent as it is ({problems}).",
}


def state_word(state: MessageState) -> str:
    """A message state in plain words."""
    return _STATE_WORDS[state]


def describe_stop(stop: Stop, code: str) -> str:
    """Why a run stopped and what to do, with the answer behind it in words."""
    detail = stop.detail or "no detail"
    if stop.reason is StopReason.JOURNAL_GONE:
        detail = _JOURNAL_COPY.format(path=stop.detail, code=code) if stop.detail else _NO_JOURNAL_COPY
    sentence = _STOP_SENTENCES[stop.reason].format(detail=detail, code=code)
    if stop.cause is None:
        return sentence
    kind = _STOP_OUTCOME_KINDS.get(stop.reason, OutcomeKind.UNKNOWN)
    remarks = stop.detail if kind in {OutcomeKind.REFUSED, OutcomeKind.REJECTED} else ""
    why = describe_outcome(Outcome(kind, stop.cause, remarks=remarks, retry_after_s=stop.wait_s))
    return f"{sentence} {why}"


def _describe_message(m: MessageRecord) -> str:
    if m.state is MessageState.ACCEPTED:
        return "Accepted by LiaSmart."
    if m.state is MessageState.REJECTED:
        return f"Rejected by LiaSmart: {m.remarks or 'no reason given'}."
    if m.state is MessageState.UNKNOWN:
        what = _UNKNOWN_REASONS.get(m.reason, f"No clear answer from LiaSmart ({m.reason})")
        return f"{what}; it may or may not have been delivered."
    if m.reason == REASON_OPTED_OUT:
        return OPTED_OUT_MESSAGE
    if m.state is MessageState.CANCELLED or m.reason == REASON_CANCELLED:
        return "Cancelled before it was sent."
    if m.remarks or m.reason:
        return f"Not sent yet ({m.remarks or m.reason})."
    return "Not sent yet."


def _describe_set_aside(s: SetAsideRow) -> str:
    if s.status is SetAsideStatus.MISSING_VALUE:
        return _SET_ASIDE_SENTENCES[s.status].format(fields=", ".join(s.reason_data.get("fields", ())))
    if s.status is SetAsideStatus.BLOCKED_TEXT:
        problems = [_TEXT_ISSUES[TextIssue(code)] for code in s.reason_data.get("problems", ())]
        return _SET_ASIDE_SENTENCES[s.status].format(problems=", ".join(problems))
    if s.status is SetAsideStatus.OPTED_OUT:
        return describe_set_aside(s)
    problem = import_problem(s)
    assert problem is not None  # the other statuses were answered above
    return describe_row_problem(problem)


def _text_problems(rows: Sequence[SetAsideRow]) -> str:
    codes = dict.fromkeys(code for row in rows for code in row.reason_data.get("problems", ()))
    return ", ".join(_TEXT_ISSUES[TextIssue(code)] for code in codes)


def describe_nothing_to_send(rows: int, set_aside: Sequence[SetAsideRow]) -> str:
    """Why not one row of a list gives a message, by what set the rows aside (``liasmart import`` only
    explains the rows the list itself set aside, not those the text did)."""
    blocked = [row for row in set_aside if row.status is SetAsideStatus.BLOCKED_TEXT]
    if len(blocked) == len(set_aside):  # the text is the trouble, not the list
        return (
            f"No message can be sent as it is ({_text_problems(blocked)}); change the text (--text) or the "
            "values it takes from the list."
        )
    parts = []
    listed = sum(1 for row in set_aside if row.status.from_import)
    if listed:
        parts.append(f"{listed:,} were set aside when the list was read (`liasmart import` shows why)")
    opted_out = sum(1 for row in set_aside if row.status is SetAsideStatus.OPTED_OUT)
    if opted_out:
        parts.append(f"{opted_out:,} are on the do-not-message list")
    empty = [row for row in set_aside if row.status is SetAsideStatus.MISSING_VALUE]
    if empty:
        fields = ", ".join(dict.fromkeys(f for row in empty for f in row.reason_data.get("fields", ())))
        parts.append(f"in {len(empty):,} a merge field is empty ({fields})")
    if blocked:
        parts.append(f"in {len(blocked):,} the message cannot be sent as it is ({_text_problems(blocked)})")
    return f"None of the {rows:,} rows can be sent: {'; '.join(parts)}."


def describe_record(record: MessageRecord | SetAsideRow) -> str:
    """The plain-English reason shown in reports for a message or a set-aside row."""
    if isinstance(record, MessageRecord):
        return _describe_message(record)
    return _describe_set_aside(record)
