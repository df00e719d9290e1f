"""What the journal stores and returns: campaigns, messages, claims, transitions, set-aside rows."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any

from liasmart_desktop.core.sending.states import CampaignStatus, MessageState, StopReason


def utc_now() -> str:
    """The current time as ISO 8601 UTC text with seconds (what the journal stores)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True, slots=True)
class CampaignSpec:
    """What a campaign sends and where its recipients came from."""

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
    """A spreadsheet row that will not be sent, with the importer's status and reason code."""

    row: int
    original: str
    status: str
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
    stop_reason: StopReason | None
    stop_detail: str


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
    """A message's new state after an outcome (written by ``Journal.record``)."""

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
class SetAsideRecord:
    """A stored set-aside row."""

    row: int
    original: str
    status: str
    reason: str
    reason_data: Mapping[str, Any]
    first_row: int | None
    fields: Mapping[str, str]


_NO_FIELDS: Mapping[str, str] = MappingProxyType({})


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


def campaign_record(row: sqlite3.Row) -> Campaign:
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
        stop_reason=StopReason(row["stop_reason"]) if row["stop_reason"] else None,
        stop_detail=row["stop_detail"],
    )
