"""Put stored messages into given states through the send engine's own statement (``Claims.advance``)."""

from __future__ import annotations

from collections.abc import Sequence

from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.records import Campaign, ClaimedMessage, Transition
from liasmart_desktop.core.sending.states import MessageState


def settle(
    journal: Journal, campaign: Campaign, outcomes: Sequence[MessageState], *, now: float = 0.0
) -> list[ClaimedMessage]:
    """Claim ``len(outcomes)`` messages in row order and record one outcome for each, as a run would.

    ``IN_FLIGHT`` leaves a message claimed and unanswered (what a crash leaves); an accepted message
    gets a message ID.
    """
    claims = journal.claims(campaign)
    claimed = claims.advance([], len(outcomes), now)
    claims.advance(
        [
            Transition(
                pk=message.pk,
                state=state,
                reason="ok" if state is MessageState.ACCEPTED else state.value,
                message_id=str(1000 + message.pk) if state is MessageState.ACCEPTED else None,
            )
            for message, state in zip(claimed, outcomes, strict=True)
            if state is not MessageState.IN_FLIGHT
        ],
        0,
        now,
    )
    return claimed
