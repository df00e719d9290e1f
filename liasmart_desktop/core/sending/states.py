"""The states a message and a campaign can be in, why a send stopped, and what the audit trail records."""

from __future__ import annotations

import enum


class MessageState(enum.Enum):
    """Where one message stands (docs/architecture.md, "The message state machine")."""

    PENDING = "pending"  # not sent yet
    IN_FLIGHT = "in_flight"  # claimed durably; its request may be on the wire
    RETRY_WAIT = "retry_wait"  # provably not received, or the provider asked us to wait
    ACCEPTED = "accepted"  # the provider took it (message_id known)
    REJECTED = "rejected"  # the provider refused it (remarks say why)
    UNKNOWN = "unknown"  # may or may not have been sent: never resent without a confirmed action
    CANCELLED = "cancelled"  # the user cancelled before it was sent

    @property
    def is_open(self) -> bool:
        """Whether the campaign still has work to do for this message."""
        return self in OPEN_STATES


OPEN_STATES = frozenset({MessageState.PENDING, MessageState.IN_FLIGHT, MessageState.RETRY_WAIT})
RESENDABLE_STATES = frozenset({MessageState.UNKNOWN, MessageState.REJECTED})


class CampaignStatus(enum.Enum):
    """Where a campaign stands as a whole."""

    READY = "ready"  # created, not started
    SCHEDULED = "scheduled"  # created to be sent at its ``scheduled_at`` time; nothing sent before it
    SENDING = "sending"
    PAUSED = "paused"  # stopped by the user or by a circuit breaker; can be resumed
    FINISHED = "finished"  # nothing pending, in flight or waiting
    CANCELLED = "cancelled"


class StopReason(enum.Enum):
    """Why a run stopped before the campaign finished."""

    USER_PAUSE = "user_pause"
    CANCELLED = "cancelled"
    ACCOUNT_REFUSED = "account_refused"  # credentials, IP allow-list, balance, transactional, TLS, proxy …
    TOO_MANY_UNKNOWN = "too_many_unknown"  # N ambiguous outcomes in a row
    MOSTLY_REJECTED = "mostly_rejected"  # most recent messages rejected (a wrong sender ID, say)
    NETWORK_DOWN = "network_down"  # the provider has been unreachable for too long
    RATE_LIMITED_LONG = "rate_limited_long"  # the provider asked us to wait longer than we accept
    CONFIGURATION = "configuration"  # a redirect or a mixed-up reply: the setup needs a look
    JOURNAL_FAILED = "journal_failed"  # the journal could not be written: nothing more is sent
    JOURNAL_GONE = "journal_gone"  # its file was deleted or replaced while sending (detail: the copy kept)


class SetAsideStatus(enum.Enum):
    """Why a row of the list gets no message: the importer's buckets, then the ones rendering adds."""

    INVALID = "invalid"
    MISSING = "missing"
    DAMAGED = "damaged"
    DUPLICATE = "duplicate"
    AMBIGUOUS = "ambiguous"  # a number that could be read in two countries (both readings in the data)
    MISSING_VALUE = "missing_value"  # a merge field is empty in this row
    BLOCKED_TEXT = "blocked_text"  # the rendered text must not be sent (a hidden character, blank …)
    OPTED_OUT = "opted_out"  # the number is on the do-not-message list; data: added_at, reason

    @property
    def from_import(self) -> bool:
        """Whether the importer set the row aside (its reason is a ``RowReason``)."""
        return self not in _LATER_STATUSES


#: Set aside after the import: while rendering the text, or by the do-not-message list.
_LATER_STATUSES = frozenset(
    {SetAsideStatus.MISSING_VALUE, SetAsideStatus.BLOCKED_TEXT, SetAsideStatus.OPTED_OUT}
)


class EventKind(enum.Enum):
    """What the audit trail of a campaign records; each event carries data, never wording."""

    CREATED = "created"
    SENDING = "sending"  # a run started
    PAUSED = "paused"
    FINISHED = "finished"
    CANCELLED = "cancelled"  # the campaign ended by a cancel
    CANCEL = "cancel"  # data: count (messages cancelled), by (who asked, when known)
    RECOVERED = "recovered"  # data: count (in-flight messages marked unknown after a crash)
    RESEND = "resend"  # data: count, state, by (who asked), withheld (numbers on the do-not-message list)
    ACCOUNT_ADOPTED = "account_adopted"  # data: api_id (a campaign from before accounts were recorded)
    RELEASED = "released"  # data: count (waiting messages made sendable by a resume)
    SCHEDULED = "scheduled"  # data: at (ISO 8601 UTC), by
    RESCHEDULED = "rescheduled"  # data: at, was (ISO 8601 UTC), by
    WITHHELD = "withheld"  # data: count (unsent messages whose number is now on the do-not-message list)
