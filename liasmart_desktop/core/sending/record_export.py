"""The record of who sent what, as a workbook an office keeps: one sheet of campaigns, one of their events.

Each campaign row says who started it (the operating-system user), the template and its text, the
list's file name and fingerprint, the account or the sandbox, its status, schedule and counts; the
events sheet lists every step of every campaign with its time (created, scheduled, sent, paused,
resent, cancelled …). The columns are fixed here; their headings and every word in the cells come
from the front end (``RecordWords``), so the core writes no user wording.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from liasmart_desktop.core.exports import Cell, Sheet, write_xlsx_sheets
from liasmart_desktop.core.sending.records import Campaign, Event
from liasmart_desktop.core.sending.states import EventKind, MessageState
from liasmart_desktop.core.sending.summaries import CampaignOverview

#: The campaign sheet's columns, in order (``RecordWords.campaign_headings`` names them).
CAMPAIGN_COLUMNS = (
    "code",
    "name",
    "created_at",
    "created_by",
    "account",
    "sender_id",
    "type",
    "template_name",
    "text",
    "source_name",
    "source_fingerprint",
    "status",
    "scheduled_at",
    "quiet_hours",
    "messages",
    "accepted",
    "rejected",
    "unknown",
    "cancelled",
    "waiting",
    "set_aside",
)
#: The events sheet's columns, in order.
EVENT_COLUMNS = ("code", "name", "at", "what", "by")


@dataclass(frozen=True, slots=True)
class RecordWords:
    """What the front end says: the sheets' titles and headings, and the words for values."""

    campaigns_title: str
    events_title: str
    campaign_headings: Sequence[str]  # one per CAMPAIGN_COLUMNS
    event_headings: Sequence[str]  # one per EVENT_COLUMNS
    time: Callable[[str | None], Cell]  # a journal time (ISO 8601 UTC) as the sheet shows it
    account: Callable[[Campaign], str]  # the API ID, or the sandbox in words
    sms_type: Callable[[str], str]
    status: Callable[[Campaign], str]
    event: Callable[[Event], str]


def _campaign_row(overview: CampaignOverview, words: RecordWords) -> list[Cell]:
    campaign, counts = overview.campaign, overview.counts
    return [
        campaign.code,
        campaign.name,
        words.time(campaign.created_at),
        campaign.created_by,
        words.account(campaign),
        campaign.sender_id,
        words.sms_type(campaign.sms_type),
        campaign.template_name,
        campaign.template,
        campaign.source_name,
        campaign.source_fingerprint,
        words.status(campaign),
        words.time(campaign.scheduled_at),
        campaign.quiet_hours,
        overview.total,
        counts.get(MessageState.ACCEPTED, 0),
        counts.get(MessageState.REJECTED, 0),
        counts.get(MessageState.UNKNOWN, 0),
        counts.get(MessageState.CANCELLED, 0),
        overview.waiting,
        overview.set_aside,
    ]


def _event_rows(
    overviews: Iterable[CampaignOverview], events: Mapping[int, Sequence[Event]], words: RecordWords
) -> Iterator[list[Cell]]:
    for overview in overviews:
        campaign = overview.campaign
        for event in events.get(campaign.id, ()):
            by = event.data.get("by") or (campaign.created_by if event.kind is EventKind.CREATED else "")
            yield [campaign.code, campaign.name, words.time(event.at), words.event(event), str(by)]


def write_record(
    path: Path,
    overviews: Sequence[CampaignOverview],
    events: Mapping[int, Sequence[Event]],
    words: RecordWords,
) -> int:
    """Write the workbook; return the number of campaigns in it."""
    write_xlsx_sheets(
        path,
        [
            Sheet(
                words.campaigns_title,
                words.campaign_headings,
                (_campaign_row(overview, words) for overview in overviews),
                text_columns=(CAMPAIGN_COLUMNS.index("source_fingerprint"),),
            ),
            Sheet(words.events_title, words.event_headings, _event_rows(overviews, events, words)),
        ],
    )
    return len(overviews)
