"""A campaign's outcomes over time: how many messages were accepted, delivered, failed or unknown by when.

The app draws it as a small chart beside the record of who sent what. Each point counts everything
known up to its time; a long campaign is thinned to ``MAX_POINTS`` points spread over its events, so
the curve keeps its shape and its last point is always the final count.
"""

from __future__ import annotations

from dataclasses import dataclass

from liasmart_desktop.core.sending.journal import Journal

MAX_POINTS = 240
OUTCOMES = ("accepted", "delivered", "failed", "unknown")


@dataclass(frozen=True, slots=True)
class OutcomePoint:
    """Counts known at ``at`` (ISO 8601 UTC)."""

    at: str
    accepted: int = 0
    delivered: int = 0
    failed: int = 0
    unknown: int = 0


def outcome_timeline(journal: Journal, campaign_id: int, max_points: int = MAX_POINTS) -> list[OutcomePoint]:
    """The campaign's cumulative outcomes, from nothing at its first outcome to its counts now."""
    times = journal.outcome_times(campaign_id)
    if not times:
        return []
    counts = dict.fromkeys(OUTCOMES, 0)
    points = [OutcomePoint(times[0][0])]
    for at, kind in times:
        counts[kind] += 1
        points.append(OutcomePoint(at, **counts))
    if len(points) <= max_points:
        return points
    last = len(points) - 1
    picks = sorted({round(i * last / (max_points - 1)) for i in range(max_points)})
    return [points[i] for i in picks]
