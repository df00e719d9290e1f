"""The states a message and a campaign can be in, and why a send stopped."""

from __future__ import annotations

import enum


class MessageState(enum.Enum):
    """Where one message stands (shared/design.md, the send state machine)."""

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
