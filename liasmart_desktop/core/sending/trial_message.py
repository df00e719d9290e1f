"""One test message to the user's own number, sent through the real engine and journal like any campaign.

A test costs money and reaches a phone, so it gets the same guarantees as a campaign: a one-message
campaign (``source_name`` ``TEST_SOURCE_NAME``) is stored, and the message is claimed durably before
its request leaves. A test is never retried in the background or left for "resume": when the message
provably was not sent (no connection, "come back later", the account refused), the campaign is
cancelled and the reason is raised, so the person waiting at the review screen hears it at once.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from liasmart_desktop.core.api.outcome import Outcome, OutcomeKind
from liasmart_desktop.core.api.payloads import SmsMessage
from liasmart_desktop.core.errors import ApiError, JournalError, JournalProblem
from liasmart_desktop.core.sending.connection import Connect
from liasmart_desktop.core.sending.engine import EngineConfig, SendControl, SendEngine, SmsSender
from liasmart_desktop.core.sending.records import (
    TEST_SOURCE_NAME,
    CampaignSpec,
    MessageRecord,
    NewMessage,
    Pacing,
    Route,
)
from liasmart_desktop.core.sending.session import SendingSession
from liasmart_desktop.core.sending.states import CampaignStatus, MessageState

#: One message, one request. The rate is high only so the engine sees at once that nothing is left.
TEST_PACING = Pacing(concurrency=1, rate_per_s=100.0)
TEST_ENGINE_CONFIG = EngineConfig(concurrency=TEST_PACING.concurrency, rate_per_s=TEST_PACING.rate_per_s)
# Outcomes after which the message was provably not sent and would only be retried later.
_NOT_SENT_KINDS = frozenset({OutcomeKind.NOT_SENT, OutcomeKind.RETRY_LATER, OutcomeKind.REFUSED})


class _TestSender:
    """Hands the request to the client, keeps its outcome, and cancels the run when nothing was sent.

    The engine calls ``send_sms`` on its worker thread; ``SendControl`` is safe to set from there.
    """

    def __init__(self, client: SmsSender) -> None:
        self._client = client
        self.control = SendControl()
        self.outcome: Outcome | None = None

    def send_sms(self, message: SmsMessage) -> Outcome:
        outcome = self._client.send_sms(message)
        self.outcome = outcome
        if outcome.kind in _NOT_SENT_KINDS:
            self.control.cancel()
        return outcome


def send_test_message(
    journal_path: Path, spec: CampaignSpec, message: NewMessage, connect: Connect
) -> MessageRecord:
    """Store ``message`` as a one-message campaign and send it through ``SendEngine``.

    Args:
        journal_path: the journal; its sender lock is held while the test is sent.
        spec: the campaign being reviewed (sender ID, type, callback URL, account and mode are kept;
            the caller has checked that they can be reached).
        message: the rendered text with the tester's own number as ``phone``.
        connect: opens the connection (``LiaSmartClient``) on the calling thread.

    Returns:
        The stored message: ``accepted``, ``rejected`` (remarks say why) or ``unknown``.

    Raises:
        ApiError: the message was provably not sent; the outcome says why (the campaign is cancelled).
        JournalError: the journal could not record the test (nothing more is sent).
        LockBusyError: another sender holds the journal.
    """
    test_spec = dataclasses.replace(
        spec, source_name=TEST_SOURCE_NAME, source_fingerprint="", name="", pacing=TEST_PACING
    )
    route = Route(test_spec.sandbox, test_spec.api_id, test_spec.base_url, TEST_PACING)
    with SendingSession(journal_path) as session, connect(route) as client:
        sender = _TestSender(client)
        journal = session.journal
        campaign = journal.create_campaign(test_spec, [message])
        result = SendEngine(journal, sender, TEST_ENGINE_CONFIG).run(campaign, sender.control)
        if not journal.is_finished(campaign.id):
            # Paused by an account-level refusal or a journal failure: a test is never left to resume.
            journal.cancel_pending(campaign.id)
            journal.set_status(campaign.id, CampaignStatus.CANCELLED, result.stop)
        [record] = journal.messages(campaign.id)
    if record.state is MessageState.CANCELLED and sender.outcome is not None:
        raise ApiError(sender.outcome)
    if record.state is MessageState.CANCELLED or record.state.is_open:
        detail = result.stop.detail if result.stop else ""
        raise JournalError(JournalProblem.WRITE_FAILED, detail, subject=str(journal_path))
    return record
