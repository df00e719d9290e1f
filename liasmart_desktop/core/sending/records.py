"""What the journal stores and returns: campaigns, messages, claims, transitions, set-aside rows, events."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from liasmart_desktop.core.api.outcome import Reason
from liasmart_desktop.core.sending.states import (
    CampaignStatus,
    EventKind,
    MessageState,
    SetAsideStatus,
    StopReason,
)

#: ``source_name`` of the campaign a test message is stored in (History shows it as "Test message").
TEST_SOURCE_NAME = "test message"


def utc_now() -> str:
    """The current time as ISO 8601 UTC text with milliseconds (what the journal stores)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True, slots=True)
class Pacing:
    """How fast a campaign goes out: requests in flight at once, and messages per second at most."""

    concurrency: int
    rate_per_s: float


@dataclass(frozen=True, slots=True)
class Route:
    """Where a campaign's requests go: the simulator or the account (API ID) at its address, and how fast.

    Front ends open the connection from it (``engine.Connect``); the core has already checked that the
    campaign may go there.
    """

    sandbox: bool
    api_id: str
    base_url: str
    pacing: Pacing


@dataclass(frozen=True, slots=True)
class Stop:
    """Why a run stopped: the reason, the API outcome behind it (if any), and the provider's words."""

    reason: StopReason
    cause: Reason | None = None
    detail: str = ""
    #: How long the provider asked to wait (a Retry-After beyond what we accept), in seconds.
    wait_s: float | None = None


@dataclass(frozen=True, slots=True)
class CampaignSpec:
    """What a campaign sends, where its recipients came from, and where it goes (account and mode)."""

    template: str
    sender_id: str
    sms_type: str
    encoding_policy: str = "auto"
    callback_url: str = ""
    source_name: str = ""
    source_fingerprint: str = ""
    columns: tuple[str, ...] = ()
    phone_column: str = ""
    sandbox: bool = False
    base_url: str = ""
    #: The API ID the campaign is sent through ("" for a sandbox campaign). Never the password.
    api_id: str = ""
    #: A name people recognise (the list's file name and the date, unless the user chose one).
    name: str = ""
    pacing: Pacing | None = None
    #: Who started it: the operating-system user.
    created_by: str = ""
    #: The saved template the text came from ("" when typed).
    template_name: str = ""
    #: "HH:MM-HH:MM" (local time): promotional messages are not sent inside it ("" none).
    quiet_hours: str = ""
    #: When a scheduled campaign is to be sent (ISO 8601 UTC); ``None`` sends at once.
    scheduled_at: str | None = None


@dataclass(frozen=True, slots=True)
class NewMessage:
    """One rendered message to store: the row it came from, the number, the exact text to send."""

    row: int
    phone: str
    text: str
    encoding: str
    segments: int
    fields: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SetAsideRow:
    """A row of the list that will not be sent, with its status and reason code (and the reason's data)."""

    row: int
    original: str
    status: SetAsideStatus
    reason: str
    reason_data: Mapping[str, Any] = field(default_factory=dict)
    first_row: int | None = None
    fields: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Campaign:
    """A campaign as stored."""

    id: int
    code: str
    created_at: str
    updated_at: str
    finished_at: str | None
    template: str
    sender_id: str
    sms_type: str
    encoding_policy: str
    callback_url: str
    source_name: str
    source_fingerprint: str
    columns: tuple[str, ...]
    phone_column: str
    sandbox: bool
    base_url: str
    status: CampaignStatus
    stop: Stop | None
    #: "" when the campaign predates recorded accounts (it adopts the first account that resumes it).
    api_id: str = ""
    name: str = ""
    pacing: Pacing | None = None
    created_by: str = ""
    template_name: str = ""
    quiet_hours: str = ""
    scheduled_at: str | None = None

    @property
    def is_test(self) -> bool:
        """Whether this is a test message sent from the review, not a campaign to a list."""
        return self.source_name == TEST_SOURCE_NAME


@dataclass(frozen=True, slots=True)
class ClaimedMessage:
    """A message claimed for sending: everything its request needs."""

    pk: int
    row: int
    phone: str
    text: str
    encoding: str
    segments: int
    attempt: int
    uid: str
    retries: int
    from_state: MessageState


@dataclass(frozen=True, slots=True)
class Transition:
    """A message's new state after its request was answered (recorded by ``Claims.advance``)."""

    pk: int
    state: MessageState
    reason: str = ""
    remarks: str = ""
    message_id: str | None = None
    http_status: int | None = None
    retries: int = 0
    not_before: float | None = None


@dataclass(frozen=True, slots=True)
class MessageRecord:
    """A stored message, as reports and the results grid show it."""

    pk: int
    campaign_id: int
    row: int
    phone: str
    fields: Mapping[str, str]
    text: str
    encoding: str
    segments: int
    state: MessageState
    attempt: int
    uid: str | None
    message_id: str | None
    remarks: str
    reason: str
    http_status: int | None
    created_at: str
    sent_at: str | None
    finished_at: str | None
    dlr_status: str
    dlr_state: str
    dlr_error: str
    dlr_checked_at: str | None


@dataclass(frozen=True, slots=True)
class Event:
    """One entry of a campaign's audit trail: when, what, and its data (counts, states, account)."""

    at: str
    kind: EventKind
    data: Mapping[str, Any]


#: One shared empty mapping for records read without their source columns (typed read-only; a plain
#: dict, because records travel between processes and a mapping proxy does not pickle).
_NO_FIELDS: Mapping[str, str] = {}


def message_record(row: sqlite3.Row | Mapping[str, Any], *, with_fields: bool = True) -> MessageRecord:
    """A message from its database row (the source columns parsed only when asked for)."""
    return MessageRecord(
        pk=row["id"],
        campaign_id=row["campaign_id"],
        row=row["row"],
        phone=row["phone"],
        fields=json.loads(row["fields"]) if with_fields else _NO_FIELDS,
        text=row["text"],
        encoding=row["encoding"],
        segments=row["segments"],
        state=MessageState(row["state"]),
        attempt=row["attempt"],
        uid=row["uid"],
        message_id=row["message_id"],
        remarks=row["remarks"],
        reason=row["reason"],
        http_status=row["http_status"],
        created_at=row["created_at"],
        sent_at=row["sent_at"],
        finished_at=row["finished_at"],
        dlr_status=row["dlr_status"],
        dlr_state=row["dlr_state"],
        dlr_error=row["dlr_error"],
        dlr_checked_at=row["dlr_checked_at"],
    )


def _stop(row: sqlite3.Row) -> Stop | None:
    if not row["stop_reason"]:
        return None
    cause = row["stop_cause"]
    return Stop(
        StopReason(row["stop_reason"]),
        Reason(cause) if cause else None,
        row["stop_detail"],
        row["stop_wait_s"],
    )


def campaign_record(row: sqlite3.Row) -> Campaign:
    """A campaign from its database row."""
    concurrency, rate = row["concurrency"], row["rate_per_s"]
    return Campaign(
        id=row["id"],
        code=row["code"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        finished_at=row["finished_at"],
        template=row["template"],
        sender_id=row["sender_id"],
        sms_type=row["sms_type"],
        encoding_policy=row["encoding_policy"],
        callback_url=row["callback_url"],
        source_name=row["source_name"],
        source_fingerprint=row["source_fingerprint"],
        columns=tuple(json.loads(row["columns"])),
        phone_column=row["phone_column"],
        sandbox=bool(row["sandbox"]),
        base_url=row["base_url"],
        status=CampaignStatus(row["status"]),
        stop=_stop(row),
        api_id=row["api_id"],
        name=row["name"],
        pacing=Pacing(concurrency, rate) if concurrency and rate else None,
        created_by=row["created_by"],
        template_name=row["template_name"],
        quiet_hours=row["quiet_hours"],
        scheduled_at=row["scheduled_at"],
    )


def set_aside_record(row: sqlite3.Row) -> SetAsideRow:
    """A set-aside row from its database row."""
    return SetAsideRow(
        row=row["row"],
        original=row["original"],
        status=SetAsideStatus(row["status"]),
        reason=row["reason"],
        reason_data=json.loads(row["reason_data"]),
        first_row=row["first_row"],
        fields=json.loads(row["fields"]),
    )


def event_record(row: sqlite3.Row) -> Event:
    """An audit-trail entry from its database row."""
    return Event(at=row["at"], kind=EventKind(row["kind"]), data=json.loads(row["data"]))
