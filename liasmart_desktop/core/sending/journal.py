"""The journal: campaigns and every message's state in SQLite (WAL, ``synchronous=FULL``), never a password.

A message is claimed (``in_flight``, its ``uid`` written) in a committed, fsynced transaction
before its request is written; its outcome is committed after. A crash therefore leaves at most
the claimed-but-unanswered messages ``in_flight``, and ``recover_in_flight`` turns them into
``unknown`` on the next start — never back into ``pending``.
"""

from __future__ import annotations

import contextlib
import json
import re
import secrets
import sqlite3
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from liasmart_desktop.core.errors import JournalError, JournalProblem
from liasmart_desktop.core.paths import create_private_file
from liasmart_desktop.core.sending.records import (
    Campaign,
    CampaignSpec,
    ClaimedMessage,
    MessageRecord,
    NewMessage,
    SetAsideRecord,
    SetAsideRow,
    Transition,
    campaign_record,
    message_record,
    utc_now,
)
from liasmart_desktop.core.sending.schema import (
    DUE_WAITING_SQL,
    MESSAGE_COLUMN_NAMES,
    MESSAGE_COLUMNS,
    MESSAGES_BY_ID_JSON_SQL,
    PENDING_AHEAD_SQL,
    SCHEMA,
    SCHEMA_VERSION,
    TURN_SQL,
)
from liasmart_desktop.core.sending.states import (
    RESENDABLE_STATES,
    CampaignStatus,
    MessageState,
    StopReason,
)

SQLITE_SYNCHRONOUS_FULL = 2
BUSY_TIMEOUT_MS = 10_000
CAMPAIGN_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
CAMPAIGN_CODE_LENGTH = 6
#: Reason recorded on messages found ``in_flight`` after a crash.
REASON_INTERRUPTED = "interrupted"
REASON_CANCELLED = "cancelled"
#: Pending messages read ahead by one query while sending.
READ_AHEAD = 256
_SURROGATE = re.compile("[\ud800-\udfff]")


def _storable(text: str | None) -> str | None:
    """``text`` without lone surrogates (a reply's JSON may hold ``\\ud800``; SQLite stores UTF-8 only)."""
    if text is None or text.isascii():
        return text
    return _SURROGATE.sub("\ufffd", text)


@dataclass(slots=True)
class _Sendable:
    """What the sender knows of one campaign's sendable messages; valid while it holds the sender lock.

    Pending messages are read ahead in id order, many per query, and handed out by ``advance``; the
    earliest retry time is remembered, so a turn reads the journal only when something is due.
    """

    after: int = 0  # pending messages with a higher id have not been read yet
    pending: deque[list[Any]] = field(default_factory=deque)
    exhausted: bool = False  # the last read found every pending message
    wait_known: bool = False
    next_wait: float | None = None  # the earliest ``not_before`` of a waiting message (None: none)


class Journal:
    """The SQLite journal. One connection, guarded by a lock; open one ``Journal`` per thread that needs it
    when you can, but sharing one is safe."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self._lock = threading.RLock()
        self.path = path
        self._sendable: dict[int, _Sendable] = {}

    @classmethod
    def open(cls, path: Path) -> Journal:
        """Open (creating it private if new) and check the journal: WAL, FULL sync, intact, known schema."""
        try:
            if not path.exists():
                create_private_file(path)
            conn = sqlite3.connect(
                path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
            )
        except (OSError, sqlite3.Error) as exc:
            raise JournalError(JournalProblem.WRITE_FAILED, str(exc), subject=str(path)) from exc
        conn.row_factory = sqlite3.Row
        try:
            cls._prepare(conn, path)
        except BaseException:
            conn.close()
            raise
        return cls(conn, path)

    @staticmethod
    def _prepare(conn: sqlite3.Connection, path: Path) -> None:
        try:
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys=ON")
            synchronous = conn.execute("PRAGMA synchronous").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise JournalError(JournalProblem.CORRUPT, str(exc), subject=str(path)) from exc
        if check != "ok":
            raise JournalError(JournalProblem.CORRUPT, str(check), subject=str(path))
        if str(mode).lower() != "wal" or synchronous != SQLITE_SYNCHRONOUS_FULL:
            raise JournalError(JournalProblem.NOT_DURABLE, f"journal_mode={mode} synchronous={synchronous}")
        conn.executescript(SCHEMA)
        row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is None:
            conn.execute("INSERT INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        elif int(row[0]) > SCHEMA_VERSION:
            raise JournalError(JournalProblem.NEWER_SCHEMA, f"schema {row[0]}", subject=str(path))

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._conn.close()

    def pragma(self, name: str) -> Any:
        """Read a PRAGMA (tests check the durability settings with it)."""
        with self._lock:
            return self._conn.execute(f"PRAGMA {name}").fetchone()[0]

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE … COMMIT``; with ``synchronous=FULL`` the commit is on disk when this returns."""
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise JournalError(JournalProblem.WRITE_FAILED, str(exc), subject=str(self.path)) from exc
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException as exc:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise JournalError(JournalProblem.WRITE_FAILED, str(exc), subject=str(self.path)) from exc
                raise

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise JournalError(JournalProblem.CORRUPT, str(exc), subject=str(self.path)) from exc

    def _log_event(
        self, conn: sqlite3.Connection, campaign_id: int | None, kind: str, detail: str = ""
    ) -> None:
        conn.execute(
            "INSERT INTO events(campaign_id, at, kind, detail) VALUES (?, ?, ?, ?)",
            (campaign_id, utc_now(), kind, detail),
        )

    # ------------------------------------------------------------------ campaigns

    def _new_code(self, conn: sqlite3.Connection) -> str:
        while True:
            code = "".join(secrets.choice(CAMPAIGN_CODE_ALPHABET) for _ in range(CAMPAIGN_CODE_LENGTH))
            if conn.execute("SELECT 1 FROM campaigns WHERE code=?", (code,)).fetchone() is None:
                return code

    def create_campaign(
        self,
        spec: CampaignSpec,
        messages: Iterable[NewMessage],
        set_aside: Iterable[SetAsideRow] = (),
    ) -> Campaign:
        """Store a campaign with all its messages (``pending``) and set-aside rows in one transaction."""
        now = utc_now()
        with self._transaction() as conn:
            code = self._new_code(conn)
            cursor = conn.execute(
                "INSERT INTO campaigns(code, created_at, updated_at, template, sender_id, sms_type, "
                "encoding_policy, callback_url, source_name, source_fingerprint, columns, phone_column, "
                "sandbox, base_url, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    code,
                    now,
                    now,
                    spec.template,
                    spec.sender_id,
                    spec.sms_type,
                    spec.encoding_policy,
                    spec.callback_url,
                    spec.source_name,
                    spec.source_fingerprint,
                    json.dumps(list(spec.columns), ensure_ascii=False),
                    spec.phone_column,
                    int(spec.sandbox),
                    spec.base_url,
                    CampaignStatus.READY.value,
                ),
            )
            campaign_id = int(cursor.lastrowid or 0)
            conn.executemany(
                "INSERT INTO messages(campaign_id, row, phone, fields, text, encoding, segments, state, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?)",
                (
                    (
                        campaign_id,
                        m.row,
                        m.phone,
                        json.dumps(dict(m.fields), ensure_ascii=False),
                        m.text,
                        m.encoding,
                        m.segments,
                        now,
                    )
                    for m in messages
                ),
            )
            conn.executemany(
                "INSERT INTO set_aside(campaign_id, row, original, status, reason, reason_data, first_row, "
                "fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    (
                        campaign_id,
                        s.row,
                        s.original,
                        s.status,
                        s.reason,
                        json.dumps(dict(s.reason_data), ensure_ascii=False, default=str),
                        s.first_row,
                        json.dumps(dict(s.fields), ensure_ascii=False),
                    )
                    for s in set_aside
                ),
            )
            self._log_event(conn, campaign_id, "created")
        return self.campaign(campaign_id)

    def campaign(self, ref: int | str | None = None) -> Campaign:
        """A campaign by numeric ID or code; ``None`` means the newest one."""
        if ref is None:
            rows = self._query("SELECT * FROM campaigns ORDER BY id DESC LIMIT 1")
            if not rows:
                raise JournalError(JournalProblem.NO_CAMPAIGNS)
            return campaign_record(rows[0])
        text = str(ref).strip()
        rows = self._query(
            "SELECT * FROM campaigns WHERE code=? OR id=? ORDER BY code=? DESC LIMIT 1", (text, text, text)
        )
        if not rows:
            raise JournalError(JournalProblem.NO_SUCH_CAMPAIGN, subject=text)
        return campaign_record(rows[0])

    def campaigns(self) -> list[Campaign]:
        """All campaigns, newest first."""
        return [campaign_record(row) for row in self._query("SELECT * FROM campaigns ORDER BY id DESC")]

    def newest_unfinished(self) -> Campaign | None:
        """The newest campaign that still has pending, in-flight or waiting messages."""
        rows = self._query(
            "SELECT c.* FROM campaigns c WHERE c.status != ? AND EXISTS (SELECT 1 FROM messages m "
            "WHERE m.campaign_id = c.id AND m.state IN ('pending', 'in_flight', 'retry_wait')) "
            "ORDER BY c.id DESC LIMIT 1",
            (CampaignStatus.CANCELLED.value,),
        )
        return campaign_record(rows[0]) if rows else None

    def set_status(
        self, campaign_id: int, status: CampaignStatus, reason: StopReason | None = None, detail: str = ""
    ) -> None:
        """Record the campaign's status (and why it stopped)."""
        now = utc_now()
        finished = now if status in {CampaignStatus.FINISHED, CampaignStatus.CANCELLED} else None
        with self._transaction() as conn:
            conn.execute(
                "UPDATE campaigns SET status=?, stop_reason=?, stop_detail=?, updated_at=?, "
                "finished_at=COALESCE(?, finished_at) WHERE id=?",
                (status.value, reason.value if reason else "", detail, now, finished, campaign_id),
            )
            self._log_event(
                conn, campaign_id, status.value, f"{reason.value if reason else ''} {detail}".strip()
            )

    def counts(self, campaign_id: int) -> dict[MessageState, int]:
        """How many messages are in each state (every state present, zero included)."""
        counts = dict.fromkeys(MessageState, 0)
        for row in self._query(
            "SELECT state, COUNT(*) FROM messages WHERE campaign_id=? GROUP BY state", (campaign_id,)
        ):
            counts[MessageState(row[0])] = row[1]
        return counts

    def set_aside_count(self, campaign_id: int) -> int:
        """How many rows of the source were set aside."""
        return int(self._query("SELECT COUNT(*) FROM set_aside WHERE campaign_id=?", (campaign_id,))[0][0])

    def is_finished(self, campaign_id: int) -> bool:
        """True when no message is pending, in flight or waiting (the definition of finished)."""
        return not self._query(
            "SELECT 1 FROM messages WHERE campaign_id=? "
            "AND state IN ('pending', 'in_flight', 'retry_wait') LIMIT 1",
            (campaign_id,),
        )

    def next_retry_time(self, campaign_id: int) -> float | None:
        """The earliest wall-clock time (epoch seconds) a waiting message may be retried."""
        rows = self._query(
            "SELECT MIN(not_before) FROM messages WHERE campaign_id=? AND state='retry_wait'", (campaign_id,)
        )
        value = rows[0][0]
        return None if value is None else float(value)

    def recover_in_flight(self) -> int:
        """After a crash: every ``in_flight`` message becomes ``unknown`` (never ``pending``).

        Only call this while holding the sender lock, when no other process can be sending.
        """
        now = utc_now()
        with self._transaction() as conn:
            affected = conn.execute(
                "SELECT campaign_id, COUNT(*) FROM messages WHERE state='in_flight' GROUP BY campaign_id"
            ).fetchall()
            conn.execute(
                "UPDATE messages SET state='unknown', reason=?, finished_at=? WHERE state='in_flight'",
                (REASON_INTERRUPTED, now),
            )
            self._sendable.clear()
            for campaign_id, count in affected:
                self._log_event(
                    conn, campaign_id, "recovered", f"{count} in-flight message(s) marked unknown"
                )
        return sum(count for _, count in affected)

    def claim(self, campaign: Campaign, limit: int, now_wall: float) -> list[ClaimedMessage]:
        """Mark up to ``limit`` sendable messages ``in_flight`` and commit before returning them.

        Waiting messages whose time has come go first, then ``pending`` ones in row order. The
        ``uid`` is ``<campaign code>-<row>-<attempt>``, stored before the request leaves. Only the
        process holding the sender lock may claim.
        """
        return self.advance(campaign, (), limit, now_wall)

    def record(self, transitions: Sequence[Transition]) -> None:
        """Commit the outcomes of answered requests (each applies only to a message still in flight)."""
        if not transitions:
            return
        now = utc_now()
        with self._transaction() as conn:
            conn.executemany(
                "UPDATE messages SET state=?, reason=?, remarks=?, message_id=COALESCE(?, message_id), "
                "http_status=?, retries=?, not_before=?, finished_at=? WHERE id=? AND state='in_flight'",
                (
                    (
                        t.state.value,
                        t.reason,
                        _storable(t.remarks),
                        _storable(t.message_id),
                        t.http_status,
                        t.retries,
                        t.not_before,
                        None if t.state.is_open else now,
                        t.pk,
                    )
                    for t in transitions
                ),
            )
            self._sendable.clear()

    def advance(
        self, campaign: Campaign, transitions: Sequence[Transition], limit: int, now_wall: float
    ) -> list[ClaimedMessage]:
        """Record answered requests and claim up to ``limit`` more in one durable statement.

        The send engine's one commit per turn: the claims are on disk before this returns (so before
        any of their requests is written), and an outcome costs no commit of its own. Only the process
        holding the sender lock may call it.
        """
        if not transitions and limit <= 0:
            return []
        with self._lock:
            sendable = self._sendable.setdefault(campaign.id, _Sendable())
            try:
                candidates = self._candidates(sendable, campaign, limit, now_wall) if limit > 0 else []
                now = utc_now()
                claims = [self._claimed(campaign, row, state) for row, state in candidates]
                payload = [self._outcome_row(t, now) for t in transitions]
                payload += [
                    [m.pk, "c", m.from_state.value, "in_flight", m.uid, now, *[None] * 7] for m in claims
                ]
                before = self._conn.total_changes
                self._conn.execute(TURN_SQL, (json.dumps(payload),))
                # ``rowcount`` is -1 for a statement that starts with WITH; the connection's count is exact.
                changed = self._conn.total_changes - before
            except (sqlite3.Error, JournalError) as exc:
                self._sendable.pop(campaign.id, None)  # nothing was written; read afresh next time
                if isinstance(exc, JournalError):
                    raise
                raise JournalError(JournalProblem.WRITE_FAILED, str(exc), subject=str(self.path)) from exc
            if changed != len(payload):
                # A message was not in the state it should have been (only another writer ignoring the
                # sender lock could do that): send only the claims the journal really holds.
                self._sendable.pop(campaign.id, None)
                return self._confirmed(claims, now)
            for t in transitions:
                if t.state is MessageState.PENDING:
                    self._sendable.pop(campaign.id, None)  # sendable again: read from the start
                    break
                if t.state is MessageState.RETRY_WAIT and sendable.wait_known and t.not_before is not None:
                    earliest = sendable.next_wait
                    sendable.next_wait = t.not_before if earliest is None else min(earliest, t.not_before)
            return claims

    @staticmethod
    def _outcome_row(t: Transition, now: str) -> list[Any]:
        return [
            t.pk,
            "r",
            MessageState.IN_FLIGHT.value,
            t.state.value,
            None,
            None,
            t.reason,
            _storable(t.remarks),
            _storable(t.message_id),
            t.http_status,
            t.retries,
            t.not_before,
            None if t.state.is_open else now,
        ]

    @staticmethod
    def _claimed(campaign: Campaign, row: list[Any], state: MessageState) -> ClaimedMessage:
        pk, number, phone, text, encoding, segments, attempt, retries, _ = row
        return ClaimedMessage(
            pk=pk,
            row=number,
            phone=phone,
            text=text,
            encoding=encoding,
            segments=segments,
            attempt=attempt,
            uid=f"{campaign.code}-{number}-{attempt}",
            retries=retries,
            from_state=state,
        )

    def _json_rows(self, sql: str, params: Sequence[Any]) -> list[list[Any]]:
        """The rows of a query that aggregates them into one JSON array (one SQLite step, not one per row)."""
        return list(json.loads(self._query(sql, params)[0][0]))

    def _candidates(
        self, sendable: _Sendable, campaign: Campaign, limit: int, now_wall: float
    ) -> list[tuple[list[Any], MessageState]]:
        """Up to ``limit`` messages to claim: waiting ones that are due first, then pending in id order."""
        out: list[tuple[list[Any], MessageState]] = []
        if not sendable.wait_known:
            value = self._query(
                "SELECT MIN(not_before) FROM messages WHERE campaign_id=? AND state='retry_wait'",
                (campaign.id,),
            )[0][0]
            sendable.next_wait = None if value is None else float(value)
            sendable.wait_known = True
        if sendable.next_wait is not None and sendable.next_wait <= now_wall:
            due = self._json_rows(DUE_WAITING_SQL, (campaign.id, now_wall, limit))
            due.sort(key=lambda r: (r[8], r[0]))
            out += [(row, MessageState.RETRY_WAIT) for row in due]
            sendable.wait_known = False  # the earliest of the rest is read again next time
        while len(out) < limit:
            if not sendable.pending:
                if sendable.exhausted:
                    break
                ahead = self._json_rows(PENDING_AHEAD_SQL, (campaign.id, sendable.after, READ_AHEAD))
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

    def cancel_pending(self, campaign_id: int) -> int:
        """Cancel every message not yet sent (``pending`` or waiting); return how many."""
        now = utc_now()
        with self._transaction() as conn:
            cursor = conn.execute(
                "UPDATE messages SET state='cancelled', reason=?, not_before=NULL, finished_at=? "
                "WHERE campaign_id=? AND state IN ('pending', 'retry_wait')",
                (REASON_CANCELLED, now, campaign_id),
            )
            count = cursor.rowcount
            self._sendable.pop(campaign_id, None)
            self._log_event(conn, campaign_id, "cancel", f"{count} message(s) cancelled")
        return count

    def release_waiting(self, campaign_id: int) -> int:
        """Make waiting messages sendable at once (used when the user resumes a paused campaign)."""
        with self._transaction() as conn:
            cursor = conn.execute(
                "UPDATE messages SET state='pending', not_before=NULL "
                "WHERE campaign_id=? AND state='retry_wait'",
                (campaign_id,),
            )
            self._sendable.pop(campaign_id, None)
        return cursor.rowcount

    def resend(self, campaign_id: int, state: MessageState) -> int:
        """The explicit, confirmed action: ``unknown`` or ``rejected`` messages become ``pending`` again
        as a new attempt (so a new ``uid``); logged as an event. Returns how many."""
        if state not in RESENDABLE_STATES:
            raise ValueError(f"only {sorted(s.value for s in RESENDABLE_STATES)} can be resent")
        with self._transaction() as conn:
            cursor = conn.execute(
                "UPDATE messages SET state='pending', attempt=attempt+1, retries=0, uid=NULL, "
                "message_id=NULL, remarks='', reason='', http_status=NULL, not_before=NULL, sent_at=NULL, "
                "finished_at=NULL "
                "WHERE campaign_id=? AND state=?",
                (campaign_id, state.value),
            )
            count = cursor.rowcount
            if count == 0:
                raise JournalError(JournalProblem.NOTHING_TO_RESEND, subject=state.value)
            self._sendable.pop(campaign_id, None)
            conn.execute(
                "UPDATE campaigns SET status=?, stop_reason='', stop_detail='', finished_at=NULL, "
                "updated_at=? WHERE id=?",
                (CampaignStatus.READY.value, utc_now(), campaign_id),
            )
            self._log_event(conn, campaign_id, "resend", f"{count} {state.value} message(s) queued again")
        return count

    # ------------------------------------------------------------------ reading

    def messages(
        self, campaign_id: int, *, batch: int = 2000, with_fields: bool = True
    ) -> Iterator[MessageRecord]:
        """Every message of a campaign in row order, read in batches (memory stays flat).

        ``with_fields=False`` leaves out the source columns (the results grid does not show them).
        """
        last = -1
        while True:
            rows = self._query(
                f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE campaign_id=? AND id > ? ORDER BY id LIMIT ?",  # noqa: S608 - constant column list
                (campaign_id, last, batch),
            )
            if not rows:
                return
            for row in rows:
                yield message_record(row, with_fields=with_fields)
            last = rows[-1]["id"]

    def messages_by_pk(self, pks: Sequence[int]) -> list[MessageRecord]:
        """The given messages in ``pk`` order (for progress updates while sending: one step per query)."""
        if not pks:
            return []
        rows = self._json_rows(MESSAGES_BY_ID_JSON_SQL, (json.dumps(list(pks)),))
        rows.sort(key=lambda values: values[0])
        return [message_record(dict(zip(MESSAGE_COLUMN_NAMES, values, strict=True))) for values in rows]

    def set_aside_rows(self, campaign_id: int) -> list[SetAsideRecord]:
        """The rows the import set aside, in row order."""
        return [
            SetAsideRecord(
                row=r["row"],
                original=r["original"],
                status=r["status"],
                reason=r["reason"],
                reason_data=json.loads(r["reason_data"]),
                first_row=r["first_row"],
                fields=json.loads(r["fields"]),
            )
            for r in self._query(
                "SELECT row, original, status, reason, reason_data, first_row, fields FROM set_aside "
                "WHERE campaign_id=? ORDER BY row",
                (campaign_id,),
            )
        ]

    def events(self, campaign_id: int) -> list[tuple[str, str, str]]:
        """The campaign's audit trail: (time, kind, detail)."""
        return [
            (r["at"], r["kind"], r["detail"])
            for r in self._query(
                "SELECT at, kind, detail FROM events WHERE campaign_id=? ORDER BY id", (campaign_id,)
            )
        ]

    # ------------------------------------------------------------------ delivery status

    def needing_delivery_check(self, campaign_id: int, limit: int) -> list[MessageRecord]:
        """Accepted messages whose delivery status is not final yet, least recently checked first."""
        rows = self._query(
            f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE campaign_id=? AND state='accepted' "  # noqa: S608
            "AND message_id IS NOT NULL AND dlr_state NOT IN ('delivered', 'failed') "
            "ORDER BY dlr_checked_at IS NOT NULL, dlr_checked_at, id LIMIT ?",
            (campaign_id, limit),
        )
        return [message_record(row) for row in rows]

    def record_delivery(self, updates: Sequence[tuple[int, str, str, str]]) -> None:
        """Store polled delivery statuses: (message pk, raw DLRStatus word, state, error text)."""
        if not updates:
            return
        now = utc_now()
        with self._transaction() as conn:
            conn.executemany(
                "UPDATE messages SET dlr_status=?, dlr_state=?, dlr_error=?, dlr_checked_at=? WHERE id=?",
                ((status, state, error, now, pk) for pk, status, state, error in updates),
            )
