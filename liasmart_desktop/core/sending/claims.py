"""Handing one campaign's sendable messages to the send engine: claim durably, record outcomes, in one step.

A message is claimed (``in_flight``, its ``uid`` written) in a committed, fsynced statement before
its request is written; the outcomes of answered requests are committed in the same statement as
the next claims (``advance``), so a turn of the engine costs one SQLite step. Only the process
holding the journal's sender lock may use this (``session.py``).

A promotional campaign with quiet hours claims nothing inside them (``schedule.QuietHold``): the
rule sits here, where every message is claimed, so no front end and no engine can send around it.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from liasmart_desktop.core.errors import JournalError, JournalProblem
from liasmart_desktop.core.sending.records import Campaign, ClaimedMessage, Transition, utc_now
from liasmart_desktop.core.sending.schedule import QuietHold, quiet_hours_for
from liasmart_desktop.core.sending.schema import DUE_WAITING_SQL, PENDING_AHEAD_SQL, TURN_SQL
from liasmart_desktop.core.sending.states import MessageState
from liasmart_desktop.core.sending.storage import journal_error

#: Pending messages read ahead by one query while sending.
READ_AHEAD = 256
_SURROGATE = re.compile("[\ud800-\udfff]")


def storable(text: str | None) -> str | None:
    """``text`` without lone surrogates (a reply's JSON may hold ``\\ud800``; SQLite stores UTF-8 only)."""
    if text is None or text.isascii():
        return text
    return _SURROGATE.sub("\ufffd", text)


@dataclass(slots=True)
class _Sendable:
    """What the sender knows of the campaign's sendable messages; valid while it holds the sender lock.

    Pending messages are read ahead in id order, many per query, and handed out by ``advance``; the
    earliest retry time is remembered, so a turn reads the journal only when something is due.
    """

    after: int = 0  # pending messages with a higher id have not been read yet
    pending: deque[list[Any]] = field(default_factory=deque)
    exhausted: bool = False  # the last read found every pending message
    wait_known: bool = False
    next_wait: float | None = None  # the earliest ``not_before`` of a waiting message (None: none)


class Claims:
    """One campaign's claim queue on the journal's connection (made by ``Journal.claims``)."""

    def __init__(
        self, conn: sqlite3.Connection, lock: threading.RLock, path: Path, campaign: Campaign
    ) -> None:
        self._conn = conn
        self._lock = lock
        self._path = path
        self._campaign = campaign
        self._sendable = _Sendable()
        quiet = quiet_hours_for(campaign.sms_type, campaign.quiet_hours)
        self._quiet = QuietHold(quiet) if quiet is not None else None

    def _query(self, sql: str, params: Sequence[Any]) -> list[sqlite3.Row]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise journal_error(exc, self._path) from exc

    def next_retry_time(self) -> float | None:
        """The earliest wall-clock time (epoch seconds) a waiting message may be retried."""
        with self._lock:
            value = self._query(
                "SELECT MIN(not_before) FROM messages WHERE campaign_id=? AND state='retry_wait'",
                (self._campaign.id,),
            )[0][0]
        return None if value is None else float(value)

    def held_until(self, now_wall: float) -> float | None:
        """When the campaign's quiet hours stop holding its claims (epoch seconds), ``None`` when they
        do not hold them now."""
        return None if self._quiet is None else self._quiet.ends_at(now_wall)

    def nothing_left(self) -> bool:
        """Whether the last claim took the campaign's last sendable message (nothing pending or waiting).

        Known from what was read ahead, so it costs no query while messages remain to be claimed.
        """
        sendable = self._sendable
        if sendable.pending or not sendable.exhausted:
            return False
        return self._next_wait() is None

    def _next_wait(self) -> float | None:
        """The earliest retry time of a waiting message, read only when not known yet."""
        sendable = self._sendable
        if not sendable.wait_known:
            sendable.next_wait = self.next_retry_time()
            sendable.wait_known = True
        return sendable.next_wait

    def advance(self, transitions: Sequence[Transition], limit: int, now_wall: float) -> list[ClaimedMessage]:
        """Record answered requests and claim up to ``limit`` more in one durable statement.

        Waiting messages whose time has come go first, then ``pending`` ones in row order. The
        ``uid`` is ``<campaign code>-<row>-<attempt>``. The claims are on disk before this returns
        (so before any of their requests is written), and an outcome costs no commit of its own.
        Inside the campaign's quiet hours nothing is claimed.
        """
        if limit > 0 and self._quiet is not None and self._quiet.holds(now_wall):
            limit = 0
        if not transitions and limit <= 0:
            return []
        with self._lock:
            try:
                candidates = self._candidates(limit, now_wall) if limit > 0 else []
                now = utc_now()
                claims = [self._claimed(row, state) for row, state in candidates]
                payload = [_outcome_row(t, now) for t in transitions]
                payload += [
                    [m.pk, "c", m.from_state.value, "in_flight", m.uid, now, *[None] * 7] for m in claims
                ]
                before = self._conn.total_changes
                self._conn.execute(TURN_SQL, (json.dumps(payload),))
                # ``rowcount`` is -1 for a statement that starts with WITH; the connection's count is exact.
                changed = self._conn.total_changes - before
            except (sqlite3.Error, JournalError) as exc:
                self._sendable = _Sendable()  # nothing was written; read afresh next time
                if isinstance(exc, JournalError):
                    raise
                raise journal_error(exc, self._path, JournalProblem.WRITE_FAILED) from exc
            if changed != len(payload):
                # A message was not in the state it should have been (only another writer ignoring the
                # sender lock could do that): send only the claims the journal really holds.
                self._sendable = _Sendable()
                return self._confirmed(claims, now)
            self._note(transitions)
            return claims

    def _note(self, transitions: Sequence[Transition]) -> None:
        sendable = self._sendable
        for t in transitions:
            if t.state is MessageState.PENDING:
                self._sendable = _Sendable()  # sendable again: read from the start
                return
            if t.state is MessageState.RETRY_WAIT and sendable.wait_known and t.not_before is not None:
                earliest = sendable.next_wait
                sendable.next_wait = t.not_before if earliest is None else min(earliest, t.not_before)

    def _claimed(self, row: list[Any], state: MessageState) -> ClaimedMessage:
        pk, number, phone, text, encoding, segments, attempt, retries, _ = row
        return ClaimedMessage(
            pk=pk,
            row=number,
            phone=phone,
            text=text,
            encoding=encoding,
            segments=segments,
            attempt=attempt,
            uid=f"{self._campaign.code}-{number}-{attempt}",
            retries=retries,
            from_state=state,
        )

    def _json_rows(self, sql: str, params: Sequence[Any]) -> list[list[Any]]:
        """The rows of a query that aggregates them into one JSON array (one SQLite step, not one per row)."""
        return list(json.loads(self._query(sql, params)[0][0]))

    def _candidates(self, limit: int, now_wall: float) -> list[tuple[list[Any], MessageState]]:
        """Up to ``limit`` messages to claim: waiting ones that are due first, then pending in id order."""
        sendable = self._sendable
        campaign_id = self._campaign.id
        out: list[tuple[list[Any], MessageState]] = []
        next_wait = self._next_wait()
        if next_wait is not None and next_wait <= now_wall:
            due = self._json_rows(DUE_WAITING_SQL, (campaign_id, now_wall, limit))
            due.sort(key=lambda r: (r[8], r[0]))
            out += [(row, MessageState.RETRY_WAIT) for row in due]
            sendable.wait_known = False  # the earliest of the rest is read again next time
        while len(out) < limit:
            if not sendable.pending:
                if sendable.exhausted:
                    break
                ahead = self._json_rows(PENDING_AHEAD_SQL, (campaign_id, sendable.after, READ_AHEAD))
                ahead.sort(key=lambda r: r[0])
                sendable.pending.extend(ahead)
                sendable.exhausted = len(ahead) < READ_AHEAD
                if not ahead:
                    break
                sendable.after = ahead[-1][0]
            out.append((sendable.pending.popleft(), MessageState.PENDING))
        return out

    def _confirmed(self, claims: list[ClaimedMessage], sent_at: str) -> list[ClaimedMessage]:
        """The claims the journal holds as this turn wrote them (in flight, this uid, this time)."""
        uids = {m.pk: m.uid for m in claims}
        rows = self._query(
            "SELECT id, uid, state, sent_at FROM messages WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(uids)),),
        )
        held = {
            r["id"]
            for r in rows
            if (r["state"], r["uid"], r["sent_at"]) == (MessageState.IN_FLIGHT.value, uids[r["id"]], sent_at)
        }
        return [m for m in claims if m.pk in held]


def _outcome_row(t: Transition, now: str) -> list[Any]:
    return [
        t.pk,
        "r",
        MessageState.IN_FLIGHT.value,
        t.state.value,
        None,
        None,
        t.reason,
        storable(t.remarks),
        storable(t.message_id),
        t.http_status,
        t.retries,
        t.not_before,
        None if t.state.is_open else now,
    ]
