"""The send engine: claims messages durably, sends them on worker threads, records every outcome.

One coordinator thread (the caller's) owns the journal; ``concurrency`` worker threads share one
thread-safe API client and only do HTTP. Measured on this kind of machine (docs/decisions.md,
"Threads, not asyncio, for sending"): a shared synchronous httpx client in 32 threads reaches ~95 %
of the ideal rate at 50 ms latency using about half a core, while AsyncClient collapses at high
concurrency — hence threads.

Each turn of the coordinator is one journal statement (``Claims.advance``): the outcomes that
arrived and the claims that replace them, committed together before any new request leaves.
Workers hand outcomes back through a queue. Under 32 busy threads every time the coordinator gives
up Python's GIL (each SQLite call does) it waits to get it back, and that wait delays every
free slot; so a turn makes as few SQLite calls as it can (benchmarks/send_throughput.py).

Rules (docs/architecture.md, "Sending"):
- a message is ``in_flight`` in a committed transaction before its request is written; claims are
  grouped per batch of requests about to leave, so a crash leaves at most ``concurrency`` unknown;
- only "provably not sent" (connect errors) and "come back later" (408/429) are retried, with the
  same uid; anything ambiguous becomes ``unknown`` and is never resent without a confirmed action;
- an account-level refusal pauses at once (the message goes back to ``pending``); the circuit
  breaker (``breaker.py``) decides which other outcomes pause; pause and cancel stop new claims at
  once, so each worker finishes at most the request it already has.
"""

from __future__ import annotations

import dataclasses
import logging
import queue
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from liasmart_desktop.core.api.outcome import Outcome, OutcomeKind, Reason
from liasmart_desktop.core.api.payloads import SmsMessage
from liasmart_desktop.core.errors import JournalError
from liasmart_desktop.core.logs import mask_phone
from liasmart_desktop.core.sending.breaker import (
    DEFAULT_NETWORK_DOWN_S,
    DEFAULT_UNKNOWN_STREAK_LIMIT,
    BreakerRules,
    CircuitBreaker,
)
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.pacing import BACKOFF_BASE_S, BACKOFF_CAP_S, TokenBucket, backoff_delay_s
from liasmart_desktop.core.sending.records import (
    Campaign,
    ClaimedMessage,
    Stop,
    Transition,
)
from liasmart_desktop.core.sending.states import CampaignStatus, MessageState, StopReason
from liasmart_desktop.core.sending.storage import aside_path
from liasmart_desktop.core.sending.summaries import Progress, RunResult
from liasmart_desktop.core.sending.throttle import DEFAULT_THROTTLE_RULES, RateController, ThrottleRules

log = logging.getLogger(__name__)

DEFAULT_CONCURRENCY = 8
DEFAULT_RATE_PER_S = 20.0
#: Progress reaches the caller at most this often.
PROGRESS_INTERVAL_S = 0.05
#: How often the coordinator wakes while waiting, so pause and cancel are seen promptly.
IDLE_WAKE_S = 0.25
#: How often a run checks that its journal's file is still in place (a ``stat``: cheap, not free).
JOURNAL_CHECK_S = 1.0


class SmsSender(Protocol):
    """What the engine needs from the API client (``LiaSmartClient`` satisfies it)."""

    def send_sms(self, message: SmsMessage) -> Outcome:
        """Submit one message and classify the result."""
        ...


@dataclass(frozen=True, slots=True)
class EngineConfig:
    """Pacing and circuit-breaker settings."""

    concurrency: int = DEFAULT_CONCURRENCY
    rate_per_s: float = DEFAULT_RATE_PER_S
    unknown_streak_limit: int = DEFAULT_UNKNOWN_STREAK_LIMIT
    network_down_s: float = DEFAULT_NETWORK_DOWN_S
    progress_interval_s: float = PROGRESS_INTERVAL_S
    backoff_base_s: float = BACKOFF_BASE_S
    backoff_cap_s: float = BACKOFF_CAP_S
    throttle_rules: ThrottleRules = DEFAULT_THROTTLE_RULES
    journal_check_s: float = JOURNAL_CHECK_S

    def __post_init__(self) -> None:
        if self.concurrency < 1 or self.rate_per_s <= 0 or self.unknown_streak_limit < 1:
            raise ValueError("concurrency, rate and the unknown-streak limit must be positive")

    @property
    def breaker_rules(self) -> BreakerRules:
        """The circuit breaker's limits from this configuration."""
        return BreakerRules(
            unknown_streak_limit=self.unknown_streak_limit, network_down_s=self.network_down_s
        )


class SendControl:
    """Pause, resume and cancel, safe to call from any thread (the GUI sets them directly)."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._paused = False
        self._cancelled = False
        self._stopped = False

    def _set(self, **flags: bool) -> None:
        with self._changed:
            for name, value in flags.items():
                setattr(self, f"_{name}", value)
            self._changed.notify_all()

    def pause(self) -> None:
        """Stop claiming new messages; in-flight requests finish."""
        self._set(paused=True)

    def resume(self) -> None:
        """Continue after a pause."""
        self._set(paused=False)

    def cancel(self) -> None:
        """Stop for good: unsent messages become ``cancelled`` once in-flight requests finish."""
        self._set(cancelled=True)

    def stop(self) -> None:
        """End the run as soon as in-flight requests finish, leaving the rest to resume later."""
        self._set(stopped=True)

    @property
    def stopped(self) -> bool:
        """Whether a stop was asked for."""
        return self._stopped

    @property
    def paused(self) -> bool:
        """Whether a pause was asked for."""
        return self._paused

    @property
    def cancelled(self) -> bool:
        """Whether a cancel was asked for."""
        return self._cancelled

    def wait(self, timeout_s: float) -> None:
        """Sleep up to ``timeout_s``, waking early when pause, resume or cancel is called."""
        with self._changed:
            self._changed.wait(max(0.0, timeout_s))


class SendEngine:
    """Drive one campaign from its journal to the provider.

    Args:
        journal: the open journal; only the calling thread touches it.
        sender: a thread-safe client (one ``LiaSmartClient`` shared by all workers).
        config: pacing and breaker settings.
        on_progress: called on the calling thread, at most every ``progress_interval_s``.
        clock: monotonic time; wall: epoch time (persisted retry times); rng: jitter.
    """

    def __init__(
        self,
        journal: Journal,
        sender: SmsSender,
        config: EngineConfig | None = None,
        *,
        on_progress: Callable[[Progress], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
        rng: random.Random | None = None,
    ) -> None:
        self._journal = journal
        self._sender = sender
        self._config = config or EngineConfig()
        self._on_progress = on_progress
        self._clock = clock
        self._wall = wall
        self._rng = rng or random.Random()  # noqa: S311 - jitter, not cryptography

    def run(self, campaign: Campaign, control: SendControl | None = None) -> RunResult:
        """Send until the campaign is finished, paused by a breaker, or cancelled. Blocking.

        A user pause holds the run (nothing is claimed) until ``control.resume()`` or ``cancel()``.
        The caller holds the journal's ``SenderLock`` and has called ``recover_in_flight``.
        """
        control = control or SendControl()
        run = _Run(self, campaign, control)
        return run.execute()


class _Run:
    """The state of one ``SendEngine.run`` call."""

    def __init__(self, engine: SendEngine, campaign: Campaign, control: SendControl) -> None:
        self.engine = engine
        self.journal = engine._journal
        self.claims = self.journal.claims(campaign)
        self.config = engine._config
        self.campaign = campaign
        self.control = control
        self.bucket = TokenBucket(
            self.config.rate_per_s,
            burst=max(1.0, min(float(self.config.concurrency), self.config.rate_per_s)),
            clock=engine._clock,
            # Starting empty-handed, the first second carries at most rate + 1 requests, not a burst on top
            # (docs/guarantees.md, G9); the burst only keeps tokens earned during a slow turn at high rates.
            initial=1.0,
        )
        self.throttle = RateController(self.config.rate_per_s, self.config.throttle_rules)
        self.hold_until = 0.0  # monotonic: no claims before this (a 429 said Retry-After)
        self.claim_at = 0.0  # monotonic: nothing is claimable before this (the last claim came up short)
        self.drained = False  # the last claim found fewer sendable messages than it asked for
        self.journal_checked_at: float | None = None  # monotonic: when the journal's file was last checked
        self.breaker = CircuitBreaker(self.config.breaker_rules)
        self.stop: Stop | None = None
        self.counts = self.journal.counts(campaign.id)
        self.changed: list[int] = []
        self.last_progress = 0.0
        self.in_flight: dict[int, ClaimedMessage] = {}
        # Workers hand their outcomes back through this queue; only this thread touches the journal.
        self.answers: queue.SimpleQueue[tuple[ClaimedMessage, Outcome]] = queue.SimpleQueue()
        self.jobs: queue.SimpleQueue[ClaimedMessage | None] = queue.SimpleQueue()
        self.unrecorded: list[Transition] = []

    # ------------------------------------------------------------------ main loop

    def execute(self) -> RunResult:
        self.journal.set_status(self.campaign.id, CampaignStatus.SENDING)
        workers = [
            threading.Thread(target=self._work, name=f"liasmart-send-{n}", daemon=True)
            for n in range(self.config.concurrency)
        ]
        for worker in workers:
            worker.start()
        try:
            self._loop()
        finally:
            # Every request already handed out is waited for and recorded, so a clean stop leaves
            # no message in flight.
            for _ in workers:
                self.jobs.put(None)
            for worker in workers:
                worker.join()
            self._take_answers(block_s=None)
            self._commit(want=0)
        return self._finish()

    def _loop(self) -> None:
        while True:
            self._check_control()
            for message in self._commit(want=self._wanted()):
                self.jobs.put(message)
            if self.in_flight:
                self._take_answers(block_s=self._busy_wait())
            elif self.stop is not None:
                return
            elif self.control.paused:
                self._emit(force=True)
                self.control.wait(IDLE_WAKE_S)
            elif self.drained and self.journal.is_finished(self.campaign.id):
                return
            else:
                self.control.wait(self._idle_wait())
            self._emit()

    def _check_control(self) -> None:
        if self.stop is None and self.control.cancelled:
            self.stop = Stop(StopReason.CANCELLED)
        elif self.stop is None and self.control.stopped:
            self.stop = Stop(StopReason.USER_PAUSE)
        elif self.stop is None and self._journal_gone():
            log.error("the journal %s was deleted or replaced while sending", self.journal.path)
            self.stop = Stop(StopReason.JOURNAL_GONE)

    def _journal_gone(self) -> bool:
        """Whether the journal's file was deleted, replaced or cut short (checked now and then): every
        record written after that would be lost with it, so nothing more is sent."""
        now = self.engine._clock()
        last = self.journal_checked_at
        if last is not None and now - last < self.config.journal_check_s:
            return False
        self.journal_checked_at = now
        return not self.journal.still_in_place()

    def _wanted(self) -> int:
        """How many messages to claim now: free slots, within the rate, unless held, paused or stopped."""
        if self.stop is not None or self.control.paused:
            return 0
        now = self.engine._clock()
        if now < self.hold_until or now < self.claim_at:
            return 0
        rate = self.throttle.rate_per_s(now)
        if rate != self.bucket.rate_per_s:
            self.bucket.set_rate(rate)
        return max(0, min(self.config.concurrency - len(self.in_flight), self.bucket.available()))

    def _resume_at(self) -> float:
        """The monotonic time claiming may succeed again (after a 429 hold or a short claim)."""
        return max(self.hold_until, self.claim_at)

    def _busy_wait(self) -> float:
        """Requests are in flight: wake at the first answer, or when a free slot could be filled."""
        if self.stop is not None or self.control.paused or len(self.in_flight) >= self.config.concurrency:
            return IDLE_WAKE_S
        until = self._resume_at() - self.engine._clock()
        if until <= 0:
            until = self.bucket.seconds_until_next()
        return min(IDLE_WAKE_S, until)

    def _idle_wait(self) -> float:
        """Nothing in flight and nothing claimable now: sleep until a token, a retry time or the hold ends."""
        until = self._resume_at() - self.engine._clock()
        if until <= 0:
            until = self.bucket.seconds_until_next()
        return max(0.001, min(IDLE_WAKE_S, until))

    def _commit(self, want: int) -> list[ClaimedMessage]:
        """Record the answers taken so far and claim ``want`` more in one durable transaction."""
        transitions = self.unrecorded
        if not transitions and want <= 0:
            return []
        try:
            claimed = self.claims.advance(transitions, want, self.engine._wall())
        except JournalError as exc:
            # Nothing claimed is sent; answers stay unrecorded and are tried again, and if the journal
            # never recovers they are in flight there and become unknown on restart.
            if self.stop is None or self.stop.reason is not StopReason.JOURNAL_FAILED:
                self.stop = Stop(StopReason.JOURNAL_FAILED, None, exc.detail)
            return []
        self.unrecorded = []
        # Counted in memory: a GROUP BY over a 100k-message campaign per turn would cost more than HTTP.
        for transition in transitions:
            self.counts[MessageState.IN_FLIGHT] -= 1
            self.counts[transition.state] += 1
            self.changed.append(transition.pk)
        if want > 0:
            self._claimed(claimed, want)
        return claimed

    def _claimed(self, claimed: list[ClaimedMessage], wanted: int) -> None:
        self.bucket.take(len(claimed))
        for message in claimed:
            self.in_flight[message.pk] = message
            self.counts[message.from_state] -= 1
            self.counts[MessageState.IN_FLIGHT] += 1
            self.changed.append(message.pk)
        # The last message claimed is as good as a short claim: without it a run at a low rate would wait
        # for one more token (1/rate seconds: forever at 1e-9 per second) only to find nothing to send.
        self.drained = len(claimed) < wanted or self.claims.nothing_left()
        if self.drained:
            # Nothing more is sendable now: look again when the first waiting message is due (or soon),
            # instead of asking the journal in a loop while the last requests are out.
            now = self.engine._clock()
            next_retry = self.claims.next_retry_time()
            due_in = IDLE_WAKE_S if next_retry is None else next_retry - self.engine._wall()
            self.claim_at = now + max(0.0, min(IDLE_WAKE_S, due_in))

    def _work(self) -> None:
        """A worker thread: one request per claimed message handed over; ``None`` ends it."""
        while (message := self.jobs.get()) is not None:
            try:
                outcome = self.engine._sender.send_sms(self._sms(message))
            except Exception as exc:  # noqa: BLE001 - the client classifies; this is a last resort
                outcome = Outcome(OutcomeKind.UNKNOWN, Reason.UNEXPECTED_ERROR, detail=type(exc).__name__)
            self.answers.put((message, outcome))

    def _take_answers(self, block_s: float | None) -> None:
        """Turn the answers that arrived into transitions; wait up to ``block_s`` for the first one."""
        try:
            first = self.answers.get(timeout=block_s) if block_s is not None else self.answers.get_nowait()
        except queue.Empty:
            return
        batch = [first]
        while True:
            try:
                batch.append(self.answers.get_nowait())
            except queue.Empty:
                break
        for message, outcome in batch:
            del self.in_flight[message.pk]
            self.unrecorded.append(self._transition(message, outcome))

    def _sms(self, message: ClaimedMessage) -> SmsMessage:
        return SmsMessage(
            phone=message.phone,
            text=message.text,
            sender_id=self.campaign.sender_id,
            sms_type=self.campaign.sms_type,
            encoding=message.encoding,
            uid=message.uid,
            callback_url=self.campaign.callback_url or None,
        )

    # ------------------------------------------------------------------ outcomes

    @staticmethod
    def _to(
        message: ClaimedMessage,
        state: MessageState,
        outcome: Outcome,
        *,
        retries: int | None = None,
        not_before: float | None = None,
        keep_message_id: bool = True,
    ) -> Transition:
        return Transition(
            pk=message.pk,
            state=state,
            reason=outcome.reason.value,
            remarks=outcome.remarks,
            message_id=outcome.message_id if keep_message_id else None,
            http_status=outcome.http_status,
            retries=message.retries if retries is None else retries,
            not_before=not_before,
        )

    def _transition(self, message: ClaimedMessage, outcome: Outcome) -> Transition:
        kind = outcome.kind
        if log.isEnabledFor(logging.DEBUG):  # masking every number costs more than the check
            log.debug(
                "message %s to %s: %s %s",
                message.uid,
                mask_phone(message.phone),
                kind.value,
                outcome.reason.value,
            )
        now = self.engine._clock()
        tripped = self.breaker.observe(outcome, now)
        if tripped is not None:
            self._pause(tripped)
        if kind is not OutcomeKind.NOT_SENT:  # the provider answered: how often it said "too many" paces us
            self.throttle.observe(outcome.reason is Reason.RATE_LIMITED, now)
        if kind is OutcomeKind.ACCEPTED:
            return self._to(message, MessageState.ACCEPTED, outcome)
        if kind is OutcomeKind.REJECTED:
            return self._to(message, MessageState.REJECTED, outcome, keep_message_id=False)
        if kind is OutcomeKind.REFUSED:
            # Refused before any SMS: the message goes back to the queue and the whole send stops.
            return self._to(message, MessageState.PENDING, outcome, keep_message_id=False)
        if kind is OutcomeKind.NOT_SENT:
            return self._retry_not_sent(message, outcome)
        if kind is OutcomeKind.RETRY_LATER:
            return self._retry_later(message, outcome)
        return self._to(message, MessageState.UNKNOWN, outcome)

    def _retry_not_sent(self, message: ClaimedMessage, outcome: Outcome) -> Transition:
        return self._retry(message, outcome, self._backoff(message.retries))

    def _retry_later(self, message: ClaimedMessage, outcome: Outcome) -> Transition:
        delay = outcome.retry_after_s
        if delay is None:
            # No Retry-After: this message waits its back-off and the throttle slows the rest.
            return self._retry(message, outcome, self._backoff(message.retries))
        transition = self._retry(message, outcome, delay)
        # The provider said how long to wait, for the account, not one message: hold every claim. The
        # monotonic clock is read after the wall clock that dated the message's retry, so the hold never
        # ends before that message is due (a thread switch between the two reads would let the next
        # message overtake it).
        self.hold_until = max(self.hold_until, self.engine._clock() + delay)
        return transition

    def _retry(self, message: ClaimedMessage, outcome: Outcome, delay: float) -> Transition:
        """The message waits ``delay`` seconds, then goes again with the same uid."""
        not_before = self.engine._wall() + delay
        self.claim_at = min(self.claim_at, self.engine._clock() + delay)  # claimable again then
        return self._to(
            message,
            MessageState.RETRY_WAIT,
            outcome,
            retries=message.retries + 1,
            not_before=not_before,
            keep_message_id=False,
        )

    def _backoff(self, retries: int) -> float:
        return backoff_delay_s(
            retries, self.engine._rng, base_s=self.config.backoff_base_s, cap_s=self.config.backoff_cap_s
        )

    def _pause(self, stop: Stop) -> None:
        if self.stop is None:
            log.warning(
                "pausing campaign %s: %s (%s)",
                self.campaign.code,
                stop.reason.value,
                stop.cause.value if stop.cause else "",
            )
            self.stop = stop

    # ------------------------------------------------------------------ progress and the end

    def _emit(self, *, force: bool = False, done: bool = False) -> None:
        callback = self.engine._on_progress
        if callback is None:
            self.changed.clear()
            return
        now = self.engine._clock()
        if not (force or done or now - self.last_progress >= self.config.progress_interval_s):
            return
        self.last_progress = now
        pks = sorted(set(self.changed))
        self.changed.clear()
        held = None if done or self.stop is not None else self.claims.held_until(self.engine._wall())
        callback(
            Progress(
                campaign_id=self.campaign.id,
                counts=dict(self.counts),
                changed=self.journal.messages_by_pk(pks),
                in_flight=len(self.in_flight),
                paused=self.control.paused
                or (self.stop is not None and self.stop.reason is not StopReason.CANCELLED),
                rate_per_s=self.bucket.rate_per_s,
                target_rate_per_s=self.config.rate_per_s,
                done=done,
                held_until=None if held is None else datetime.fromtimestamp(held, UTC),
            )
        )

    def _keep_copy(self, stop: Stop, status: CampaignStatus) -> Stop:
        """The journal's file is gone but this connection still holds it all: save it beside the path.

        The stop's detail names the copy ("" when it could not be written either).
        """
        target = aside_path(self.journal.path, "recovered")
        kept = dataclasses.replace(stop, detail=str(target))
        self.journal.set_status(self.campaign.id, status, kept)
        try:
            self.journal.save_copy(target)
        except JournalError as exc:
            log.warning("no copy of the journal could be saved: %s", exc)
            return stop
        return kept

    def _finish(self) -> RunResult:
        campaign_id = self.campaign.id
        stop = self.stop
        # The loop ends only on a stop or once the journal says nothing is open.
        if stop is not None and stop.reason is StopReason.CANCELLED:
            self.journal.cancel_pending(campaign_id)
            status = CampaignStatus.CANCELLED
        elif stop is not None:
            status = CampaignStatus.PAUSED
        else:
            status = CampaignStatus.FINISHED
        if stop is not None and stop.reason is StopReason.JOURNAL_GONE:
            stop = self._keep_copy(stop, status)
        else:
            self.journal.set_status(campaign_id, status, stop)
        self.counts = self.journal.counts(campaign_id)
        self._emit(done=True)
        return RunResult(status=status, counts=dict(self.counts), stop=stop)
