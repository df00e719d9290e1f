"""Delivery status: poll GetDeliveryStatus for accepted messages that have no final answer yet.

Reports can take hours to settle, so this is a polling job with a "last checked" time per message,
rate-limited, least recently checked first. It never changes a message's send state.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from concurrent import futures
from dataclasses import dataclass
from typing import Protocol

from liasmart_desktop.core.api.outcome import OutcomeKind
from liasmart_desktop.core.api.payloads import DeliveryReport, DeliveryState
from liasmart_desktop.core.errors import ApiError
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.pacing import TokenBucket
from liasmart_desktop.core.sending.records import Campaign, MessageRecord

DEFAULT_STATUS_RATE_PER_S = 5.0
DEFAULT_STATUS_CONCURRENCY = 4
STATUS_BATCH = 200
#: The provider's answer when it no longer (or not yet) knows a message ID.
REJECTED_STATE = "rejected"


class StatusClient(Protocol):
    """What polling needs from the API client (``LiaSmartClient`` satisfies it)."""

    def get_delivery_status(self, message_id: str) -> DeliveryReport:
        """Ask the provider about one message."""
        ...


@dataclass(frozen=True, slots=True)
class RefreshSummary:
    """What one refresh pass found."""

    checked: int
    delivered: int
    failed: int
    pending: int
    errors: int


def _error_text(report: DeliveryReport) -> str:
    return " ".join(part for part in (report.error_code, report.error_description) if part)


def refresh_delivery(
    journal: Journal,
    campaign: Campaign,
    client: StatusClient,
    *,
    rate_per_s: float = DEFAULT_STATUS_RATE_PER_S,
    concurrency: int = DEFAULT_STATUS_CONCURRENCY,
    should_stop: Callable[[], bool] = lambda: False,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> RefreshSummary:
    """Check every accepted, not yet final message once; record the raw status word and the time.

    A refusal of the account (credentials, IP) stops the pass and raises ``ApiError``; an answer
    about one message ID ("Invalid Message ID") is recorded on that message.
    """
    bucket = TokenBucket(rate_per_s, burst=max(1.0, min(float(concurrency), rate_per_s)), clock=clock)
    tally: Counter[str] = Counter()
    seen: set[int] = set()
    with futures.ThreadPoolExecutor(concurrency, thread_name_prefix="liasmart-status") as pool:
        while not should_stop():
            batch = [m for m in journal.needing_delivery_check(campaign.id, STATUS_BATCH) if m.pk not in seen]
            if not batch:
                break
            updates: list[tuple[int, str, str, str]] = []
            jobs: dict[futures.Future[DeliveryReport], MessageRecord] = {}
            for message in batch:
                if should_stop():
                    break
                while bucket.available() < 1:
                    sleep(bucket.seconds_until_next())
                bucket.take(1)
                seen.add(message.pk)
                jobs[pool.submit(client.get_delivery_status, message.message_id or "")] = message
            refused: ApiError | None = None
            for future in futures.as_completed(jobs):
                message = jobs[future]
                try:
                    report = future.result()
                except ApiError as exc:
                    if exc.outcome.kind is not OutcomeKind.REJECTED:
                        refused = refused or exc
                        continue
                    tally["errors"] += 1
                    updates.append((message.pk, "", REJECTED_STATE, exc.outcome.remarks))
                    continue
                tally["checked"] += 1
                key = report.state.value if report.state.is_final else "pending"
                tally[key] += 1
                updates.append((message.pk, report.status, report.state.value, _error_text(report)))
            journal.record_delivery(updates)
            if refused is not None:
                raise refused
    return RefreshSummary(
        checked=tally["checked"],
        delivered=tally[DeliveryState.DELIVERED.value],
        failed=tally[DeliveryState.FAILED.value],
        pending=tally["pending"],
        errors=tally["errors"],
    )
