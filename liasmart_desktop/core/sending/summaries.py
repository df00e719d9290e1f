"""What campaign operations report: progress while sending, how a run ended, a campaign with its counts.

Plain frozen records, so the views can show them without reaching the code that produces them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from liasmart_desktop.core.sending.records import Campaign, MessageRecord, SetAsideRow, Stop
from liasmart_desktop.core.sending.states import OPEN_STATES, CampaignStatus, MessageState, StopReason


@dataclass(frozen=True, slots=True)
class Progress:
    """A batched progress report: counts per state and the messages that changed since the last one."""

    campaign_id: int
    counts: Mapping[MessageState, int]
    changed: Sequence[MessageRecord]
    in_flight: int
    paused: bool
    rate_per_s: float  # the pace now: the target, or less while the provider answers 429
    target_rate_per_s: float  # the pace asked for
    done: bool = False
    held_until: datetime | None = None  # quiet hours hold every claim until then (UTC)


@dataclass(frozen=True, slots=True)
class RunResult:
    """How a run ended."""

    status: CampaignStatus
    counts: Mapping[MessageState, int]
    stop: Stop | None = None

    @property
    def stop_reason(self) -> StopReason | None:
        """Why the run stopped before the campaign finished (``None`` when it did not)."""
        return self.stop.reason if self.stop else None


@dataclass(frozen=True, slots=True)
class CampaignOverview:
    """A campaign with its message counts (what History and ``liasmart campaigns`` list)."""

    campaign: Campaign
    counts: dict[MessageState, int]
    set_aside: int

    @property
    def total(self) -> int:
        """Messages stored for the campaign (set-aside rows not included)."""
        return sum(self.counts.values())

    @property
    def waiting(self) -> int:
        """Messages not sent yet (pending, waiting to retry, or being sent)."""
        return sum(self.counts.get(state, 0) for state in OPEN_STATES)

    @property
    def in_flight(self) -> int:
        """Messages a stopped sender left on their way (they become unknown when it is resumed)."""
        return self.counts.get(MessageState.IN_FLIGHT, 0)


@dataclass(frozen=True, slots=True)
class LoadedCampaign:
    """A campaign with every message and every set-aside row (what the results grid shows)."""

    campaign: Campaign
    records: list[MessageRecord]
    set_aside: list[SetAsideRow]


@dataclass(frozen=True, slots=True)
class RunReport:
    """What a send, resume or resend did."""

    campaign: Campaign
    result: RunResult
    #: Messages an earlier sender left in flight, now ``unknown`` (may or may not have arrived).
    recovered: int = 0
    #: The campaign had no recorded account and now belongs to the one it was resumed with.
    adopted: bool = False
    #: Messages waiting for a retry that were sent at once because the user resumed.
    released: int = 0
    #: Messages queued again by a resend.
    resent: int = 0
    #: Messages not sent (or not sent again) because their number is now on the do-not-message list.
    withheld: int = 0
