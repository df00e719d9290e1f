"""The journal: campaigns and every message's state in SQLite (WAL, ``synchronous=FULL``), never a password.

A message is claimed (``in_flight``, its ``uid`` written) in a committed, fsynced transaction
before its request is written (``claims.py``); its outcome is committed after. A crash therefore
leaves at most the claimed-but-unanswered messages ``in_flight``, and ``recover_in_flight`` turns
them into ``unknown`` on the next start — never back into ``pending``.

The journal guards its history (issue 11). A new journal is built beside its path and linked into
place whole, so a journal of 0 bytes is never one being made: it is one whose history was lost, and
it is moved aside (never silently replaced by a new one) with ``EMPTIED`` naming where. Opening a
journal that is up to date writes nothing, so reading changes nothing. A sender checks now and
then that the file it writes is still the one at its path (``still_in_place``). The write-ahead log
is cut back after checkpoints (``WAL_SIZE_LIMIT_BYTES``) and checkpointed after a campaign is
stored, so a large campaign does not need twice its size on disk for the rest of the send.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from liasmart_desktop.core.errors import JournalError, JournalProblem
from liasmart_desktop.core.paths import create_private_file
from liasmart_desktop.core.sending.claims import Claims
from liasmart_desktop.core.sending.migrations import migrate
from liasmart_desktop.core.sending.records import (
    Campaign,
    CampaignSpec,
    Event,
    MessageRecord,
    NewMessage,
    SetAsideRow,
    Stop,
    campaign_record,
    event_record,
    message_record,
    set_aside_record,
    utc_now,
)
from liasmart_desktop.core.sending.schema import (
    MESSAGE_COLUMN_NAMES,
    MESSAGE_COLUMNS,
    MESSAGES_BY_ID_JSON_SQL,
    SCHEMA,
    SCHEMA_VERSION,
)
from liasmart_desktop.core.sending.states import (
    RESENDABLE_STATES,
    CampaignStatus,
    EventKind,
    MessageState,
)
from liasmart_desktop.core.sending.storage import create_journal, file_identity, journal_error, set_aside
from liasmart_desktop.core.transactions import immediate

SQLITE_SYNCHRONOUS_FULL = 2
BUSY_TIMEOUT_MS = 10_000
#: The write-ahead log is cut back to this size when it starts over after a checkpoint (SQLite would
#: otherwise keep it as large as it ever grew: as large as the biggest campaign stored).
WAL_SIZE_LIMIT_BYTES = 4 * 1024 * 1024
CAMPAIGN_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
CAMPAIGN_CODE_LENGTH = 6
#: Reason recorded on messages found ``in_flight`` after a crash.
REASON_INTERRUPTED = "interrupted"
REASON_CANCELLED = "cancelled"
#: Reason recorded on unsent messages withheld because their number joined the do-not-message list.
REASON_OPTED_OUT = "opted_out"
_STATUS_EVENTS = {
    CampaignStatus.READY: None,
    CampaignStatus.SCHEDULED: None,
    CampaignStatus.SENDING: EventKind.SENDING,
    CampaignStatus.PAUSED: EventKind.PAUSED,
    CampaignStatus.FINISHED: EventKind.FINISHED,
    CampaignStatus.CANCELLED: EventKind.CANCELLED,
}


def _schema_version(conn: sqlite3.Connection) -> int | None:
    """The schema version a journal records; ``None`` when it has no tables yet."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone() is None:
        return None
    row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    return None if row is None else int(row[0])


def _writing(conn: sqlite3.Connection, path: Path) -> contextlib.AbstractContextManager[sqlite3.Connection]:
    """One change of the journal; SQLite's errors become the journal's."""
    return immediate(conn, lambda exc: journal_error(exc, path, JournalProblem.WRITE_FAILED))


class Journal:
    """The SQLite journal: one connection, guarded by a lock (sharing one ``Journal`` between threads is
    safe). Use it as a context manager, or call ``close``."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self._lock = threading.RLock()
        self.path = path
        # The file as opened; a sender compares it with what is at the path now (``still_in_place``).
        self._identity = file_identity(path) or (0, 0, 0)

    @classmethod
    def open(cls, path: Path, *, create: bool = True) -> Journal:
        """Open and check the journal: WAL, FULL sync, intact, known schema.

        A missing journal is created (private) when ``create``, else ``NO_CAMPAIGNS`` is raised: a
        command that only reads leaves no journal behind. A journal of 0 bytes is moved aside and
        ``EMPTIED`` raised. A journal written by an older version is brought up to date in place.
        """
        try:
            found = file_identity(path)
            if found is None:
                if not create:
                    raise JournalError(JournalProblem.NO_CAMPAIGNS, subject=str(path))
                create_journal(path)
            elif found[2] == 0:
                raise JournalError(JournalProblem.EMPTIED, str(set_aside(path, "empty")), subject=str(path))
            conn = sqlite3.connect(
                path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
            )
        except (OSError, sqlite3.Error) as exc:
            raise journal_error(exc, path) from exc
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
            conn.execute(f"PRAGMA journal_size_limit={WAL_SIZE_LIMIT_BYTES}")
            synchronous = conn.execute("PRAGMA synchronous").fetchone()[0]
            version = _schema_version(conn)
        except sqlite3.Error as exc:
            raise journal_error(exc, path) from exc
        if check != "ok":
            raise JournalError(JournalProblem.CORRUPT, str(check), subject=str(path))
        if str(mode).lower() != "wal" or synchronous != SQLITE_SYNCHRONOUS_FULL:
            raise JournalError(JournalProblem.NOT_DURABLE, f"journal_mode={mode} synchronous={synchronous}")
        if version == SCHEMA_VERSION:
            return  # up to date: opening it writes nothing
        if version is not None and version > SCHEMA_VERSION:
            raise JournalError(JournalProblem.NEWER_SCHEMA, f"schema {version}", subject=str(path))
        try:
            conn.executescript(SCHEMA)
        except sqlite3.Error as exc:
            raise journal_error(exc, path, JournalProblem.WRITE_FAILED) from exc
        with _writing(conn, path):  # a migration is never left half done
            Journal._bring_up_to_date(conn)

    @staticmethod
    def _bring_up_to_date(conn: sqlite3.Connection) -> None:
        """Migrate to the current schema; the version is read again inside the write transaction, so
        of two openers only the first migrates (the tables with no version were only just made)."""
        version = _schema_version(conn)
        if version is None or version < SCHEMA_VERSION:
            migrate(conn, version or SCHEMA_VERSION, SCHEMA_VERSION)
            conn.execute(
                "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
            )

    def still_in_place(self) -> bool:
        """Whether the file at the journal's path is still the one this connection writes, no smaller
        than it was (a file deleted, replaced or truncated under a sender would take its records away)."""
        try:
            now = file_identity(self.path)
        except OSError:
            return False
        if now is None or now[:2] != self._identity[:2] or now[2] < self._identity[2]:
            return False
        self._identity = now
        return True

    def save_copy(self, target: Path) -> None:
        """Write everything this connection sees to a new file ``target`` (after the journal's file was
        deleted or replaced, the connection still holds the campaign: this keeps it)."""
        try:
            create_private_file(target)
            copy = sqlite3.connect(target)
        except (OSError, sqlite3.Error) as exc:
            raise journal_error(exc, target) from exc
        try:
            with self._lock:
                self._conn.backup(copy)
        except sqlite3.Error as exc:
            raise journal_error(exc, target) from exc
        finally:
            copy.close()

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def pragma(self, name: str) -> Any:
        """Read a PRAGMA (tests check the durability settings with it)."""
        with self._lock:
            return self._conn.execute(f"PRAGMA {name}").fetchone()[0]

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE … COMMIT``; with ``synchronous=FULL`` the commit is on disk when this returns."""
        with self._lock, _writing(self._conn, self.path) as conn:
            yield conn

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise journal_error(exc, self.path) from exc

    @staticmethod
    def _log_event(
        conn: sqlite3.Connection, campaign_id: int | None, kind: EventKind, **data: object
    ) -> None:
        conn.execute(
            "INSERT INTO events(campaign_id, at, kind, data) VALUES (?, ?, ?, ?)",
            (campaign_id, utc_now(), kind.value, json.dumps(data, ensure_ascii=False)),
        )

    # ------------------------------------------------------------------ campaigns

    def _new_code(self, conn: sqlite3.Connection) -> str:
        while True:
            code = "".join(secrets.choice(CAMPAIGN_CODE_ALPHABET) for _ in range(CAMPAIGN_CODE_LENGTH))
            if conn.execute("SELECT 1 FROM campaigns WHERE code=?", (code,)).fetchone() is None:
                return code

    def create_campaign(
        self, spec: CampaignSpec, messages: Iterable[NewMessage], set_aside: Iterable[SetAsideRow] = ()
    ) -> Campaign:
        """Store a campaign with all its messages (``pending``) and set-aside rows in one transaction."""
        now = utc_now()
        pacing = spec.pacing
        with self._transaction() as conn:
            code = self._new_code(conn)
            cursor = conn.execute(
                "INSERT INTO campaigns(code, created_at, updated_at, template, sender_id, sms_type, "
                "encoding_policy, callback_url, source_name, source_fingerprint, columns, phone_column, "
                "sandbox, base_url, status, api_id, name, concurrency, rate_per_s, created_by, "
                "template_name, quiet_hours, scheduled_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                    (CampaignStatus.SCHEDULED if spec.scheduled_at else CampaignStatus.READY).value,
                    "" if spec.sandbox else spec.api_id,
                    spec.name,
                    pacing.concurrency if pacing else None,
                    pacing.rate_per_s if pacing else None,
                    spec.created_by,
                    spec.template_name,
                    spec.quiet_hours,
                    spec.scheduled_at,
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
                        s.status.value,
                        s.reason,
                        json.dumps(dict(s.reason_data), ensure_ascii=False, default=str),
                        s.first_row,
                        json.dumps(dict(s.fields), ensure_ascii=False),
                    )
                    for s in set_aside
                ),
            )
            self._log_event(conn, campaign_id, EventKind.CREATED)
            if spec.scheduled_at:
                self._log_event(
                    conn, campaign_id, EventKind.SCHEDULED, at=spec.scheduled_at, by=spec.created_by
                )
        self._checkpoint()
        return self.campaign(campaign_id)

    def _checkpoint(self) -> None:
        """Copy the write-ahead log into the journal, so it starts over (and is cut back to
        ``WAL_SIZE_LIMIT_BYTES``) with the next change, instead of staying as large as the campaign
        just stored for the whole send. Passive: it never waits for a reader, and a busy one only
        leaves the log as it was."""
        with self._lock, contextlib.suppress(sqlite3.Error):
            self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

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
        """The newest campaign that still has pending, in-flight or waiting messages (a scheduled one waits
        for its time: it is not unfinished)."""
        rows = self._query(
            "SELECT c.* FROM campaigns c WHERE c.status NOT IN (?, ?) AND EXISTS (SELECT 1 FROM messages m "
            "WHERE m.campaign_id = c.id AND m.state IN ('pending', 'in_flight', 'retry_wait')) "
            "ORDER BY c.id DESC LIMIT 1",
            (CampaignStatus.CANCELLED.value, CampaignStatus.SCHEDULED.value),
        )
        return campaign_record(rows[0]) if rows else None

    def set_status(self, campaign_id: int, status: CampaignStatus, stop: Stop | None = None) -> None:
        """Record the campaign's status (and why it stopped)."""
        now = utc_now()
        finished = now if status in {CampaignStatus.FINISHED, CampaignStatus.CANCELLED} else None
        with self._transaction() as conn:
            conn.execute(
                "UPDATE campaigns SET status=?, stop_reason=?, stop_cause=?, stop_detail=?, stop_wait_s=?, "
                "updated_at=?, finished_at=COALESCE(?, finished_at) WHERE id=?",
                (
                    status.value,
                    stop.reason.value if stop else "",
                    stop.cause.value if stop and stop.cause else "",
                    stop.detail if stop else "",
                    stop.wait_s if stop else None,
                    now,
                    finished,
                    campaign_id,
                ),
            )
            kind = _STATUS_EVENTS[status]
            if kind is not None:
                data = {"reason": stop.reason.value} if stop else {}
                self._log_event(conn, campaign_id, kind, **data)

    def adopt_account(self, campaign_id: int, api_id: str) -> bool:
        """Record ``api_id`` on a campaign that has no account yet; ``False`` if it already had one."""
        with self._transaction() as conn:
            cursor = conn.execute(
                "UPDATE campaigns SET api_id=?, updated_at=? WHERE id=? AND api_id='' AND sandbox=0",
                (api_id, utc_now(), campaign_id),
            )
            adopted = cursor.rowcount == 1
            if adopted:
                self._log_event(conn, campaign_id, EventKind.ACCOUNT_ADOPTED, api_id=api_id)
        return adopted

    def rename(self, campaign_id: int, name: str) -> None:
        """Give the campaign the name people know it by."""
        with self._transaction() as conn:
            conn.execute(
                "UPDATE campaigns SET name=?, updated_at=? WHERE id=?", (name, utc_now(), campaign_id)
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

    # ------------------------------------------------------------------ sending (under the sender lock)

    def claims(self, campaign: Campaign) -> Claims:
        """The campaign's claim queue for one run of the send engine (only while holding the sender lock)."""
        return Claims(self._conn, self._lock, self.path, campaign)

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
            for campaign_id, count in affected:
                self._log_event(conn, campaign_id, EventKind.RECOVERED, count=count)
        return sum(count for _, count in affected)

    def cancel_pending(self, campaign_id: int, *, by: str = "") -> int:
        """Cancel every message not yet sent (``pending`` or waiting); return how many (``by``: who asked)."""
        now = utc_now()
        with self._transaction() as conn:
            cursor = conn.execute(
                "UPDATE messages SET state='cancelled', reason=?, not_before=NULL, finished_at=? "
                "WHERE campaign_id=? AND state IN ('pending', 'retry_wait')",
                (REASON_CANCELLED, now, campaign_id),
            )
            count = cursor.rowcount
            self._log_event(conn, campaign_id, EventKind.CANCEL, count=count, **({"by": by} if by else {}))
        return count

    def release_waiting(self, campaign_id: int) -> int:
        """Make waiting messages sendable at once (used when the user resumes a paused campaign)."""
        with self._transaction() as conn:
            cursor = conn.execute(
                "UPDATE messages SET state='pending', not_before=NULL "
                "WHERE campaign_id=? AND state='retry_wait'",
                (campaign_id,),
            )
            count = cursor.rowcount
            if count:
                self._log_event(conn, campaign_id, EventKind.RELEASED, count=count)
        return count

    def resend(self, campaign_id: int, state: MessageState, *, skip: Sequence[int] = (), by: str = "") -> int:
        """The explicit, confirmed action: ``unknown`` or ``rejected`` messages become ``pending`` again
        as a new attempt (so a new ``uid``); logged as an event with who asked. Returns how many.

        Messages in ``skip`` (by ``pk``: numbers now on the do-not-message list) keep their state."""
        if state not in RESENDABLE_STATES:
            raise ValueError(f"only {sorted(s.value for s in RESENDABLE_STATES)} can be resent")
        with self._transaction() as conn:
            cursor = conn.execute(
                "UPDATE messages SET state='pending', attempt=attempt+1, retries=0, uid=NULL, "
                "message_id=NULL, remarks='', reason='', http_status=NULL, not_before=NULL, sent_at=NULL, "
                "finished_at=NULL "
                "WHERE campaign_id=? AND state=? AND id NOT IN (SELECT value FROM json_each(?))",
                (campaign_id, state.value, json.dumps(list(skip))),
            )
            count = cursor.rowcount
            if count == 0:
                raise JournalError(JournalProblem.NOTHING_TO_RESEND, subject=state.value)
            conn.execute(
                "UPDATE campaigns SET status=?, stop_reason='', stop_cause='', stop_detail='', "
                "stop_wait_s=NULL, finished_at=NULL, updated_at=? WHERE id=?",
                (CampaignStatus.READY.value, utc_now(), campaign_id),
            )
            extra: dict[str, object] = {"by": by} if by else {}
            if skip:
                extra["withheld"] = len(skip)
            self._log_event(conn, campaign_id, EventKind.RESEND, count=count, state=state.value, **extra)
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
        rows: list[list[Any]] = json.loads(
            self._query(MESSAGES_BY_ID_JSON_SQL, (json.dumps(list(pks)),))[0][0]
        )
        rows.sort(key=lambda values: values[0])
        return [message_record(dict(zip(MESSAGE_COLUMN_NAMES, values, strict=True))) for values in rows]

    def set_aside_rows(self, campaign_id: int) -> list[SetAsideRow]:
        """The rows the import set aside, in row order."""
        return [
            set_aside_record(r)
            for r in self._query(
                "SELECT row, original, status, reason, reason_data, first_row, fields FROM set_aside "
                "WHERE campaign_id=? ORDER BY row",
                (campaign_id,),
            )
        ]

    def events(self, campaign_id: int) -> list[Event]:
        """The campaign's audit trail, oldest first."""
        return [
            event_record(r)
            for r in self._query(
                "SELECT at, kind, data FROM events WHERE campaign_id=? ORDER BY id", (campaign_id,)
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

    # ------------------------------------------------------------------ office rules

    def scheduled(self, due_by: str | None = None) -> list[Campaign]:
        """Scheduled campaigns, soonest first; only those due at ``due_by`` (ISO 8601 UTC) when given."""
        rows = self._query(
            "SELECT * FROM campaigns WHERE status=? AND (? IS NULL OR scheduled_at <= ?) "
            "ORDER BY scheduled_at, id",
            (CampaignStatus.SCHEDULED.value, due_by, due_by),
        )
        return [campaign_record(row) for row in rows]

    def reschedule(self, campaign_id: int, at: str, *, by: str = "") -> bool:
        """Move a scheduled campaign to ``at`` (ISO 8601 UTC); ``False`` when it is not scheduled."""
        with self._transaction() as conn:
            was = conn.execute(
                "SELECT scheduled_at FROM campaigns WHERE id=? AND status=?",
                (campaign_id, CampaignStatus.SCHEDULED.value),
            ).fetchone()
            if was is None:
                return False
            conn.execute(
                "UPDATE campaigns SET scheduled_at=?, updated_at=? WHERE id=?", (at, utc_now(), campaign_id)
            )
            self._log_event(conn, campaign_id, EventKind.RESCHEDULED, at=at, was=was[0], by=by)
        return True

    def unsent_numbers(self, campaign_id: int, states: Iterable[MessageState]) -> list[tuple[int, str, int]]:
        """``(pk, phone, parts)`` of the campaign's messages in ``states`` (what a run is about to send)."""
        rows = self._query(
            "SELECT id, phone, segments FROM messages WHERE campaign_id=? "
            "AND state IN (SELECT value FROM json_each(?)) ORDER BY id",
            (campaign_id, json.dumps([state.value for state in states])),
        )
        return [(row[0], row[1], row[2]) for row in rows]

    def withhold(self, campaign_id: int, pks: Sequence[int]) -> int:
        """Unsent messages ``pks`` will never be sent (their number joined the do-not-message list)."""
        if not pks:
            return 0
        with self._transaction() as conn:
            cursor = conn.execute(
                "UPDATE messages SET state='cancelled', reason=?, not_before=NULL, finished_at=? "
                "WHERE campaign_id=? AND state IN ('pending', 'retry_wait') "
                "AND id IN (SELECT value FROM json_each(?))",
                (REASON_OPTED_OUT, utc_now(), campaign_id, json.dumps(list(pks))),
            )
            count = cursor.rowcount
            self._log_event(conn, campaign_id, EventKind.WITHHELD, count=count)
        return count

    def parts_sent_between(self, since: str, until: str, *, sandbox: bool, api_id: str) -> int:
        """Parts that left in ``[since, until)`` (ISO 8601 UTC) through this account or the sandbox.

        Accepted messages, those on their way and those that may have arrived (``unknown``) count: each
        may be charged. Rejected and unsent ones do not.
        """
        row = self._query(
            "SELECT COALESCE(SUM(m.segments), 0) FROM messages m JOIN campaigns c ON c.id = m.campaign_id "
            "WHERE m.sent_at >= ? AND m.sent_at < ? AND m.state IN ('accepted', 'unknown', 'in_flight') "
            "AND c.sandbox = ? AND c.api_id = ?",
            (since, until, int(sandbox), "" if sandbox else api_id),
        )
        return int(row[0][0])

    def outcome_times(self, campaign_id: int) -> list[tuple[str, str]]:
        """When each outcome became known, oldest first: ``(time, "accepted" | "unknown" | "delivered" |
        "failed")`` (a delivery report's time is when it was polled)."""
        rows = self._query(
            "SELECT finished_at, state FROM messages WHERE campaign_id=? "
            "AND state IN ('accepted', 'unknown') AND finished_at IS NOT NULL "
            "UNION ALL SELECT dlr_checked_at, dlr_state FROM messages WHERE campaign_id=? "
            "AND dlr_state IN ('delivered', 'failed') AND dlr_checked_at IS NOT NULL ORDER BY 1",
            (campaign_id, campaign_id),
        )
        return [(row[0], row[1]) for row in rows]
