"""The journal's SQLite schema, at its newest version (``migrations.py`` brings older journals up to it)."""

from __future__ import annotations

SCHEMA_VERSION = 3

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS campaigns (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    finished_at TEXT,
    template TEXT NOT NULL,
    sender_id TEXT NOT NULL,
    sms_type TEXT NOT NULL,
    encoding_policy TEXT NOT NULL,
    callback_url TEXT NOT NULL DEFAULT '',
    source_name TEXT NOT NULL DEFAULT '',
    source_fingerprint TEXT NOT NULL DEFAULT '',
    columns TEXT NOT NULL DEFAULT '[]',
    phone_column TEXT NOT NULL DEFAULT '',
    sandbox INTEGER NOT NULL DEFAULT 0,
    base_url TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    stop_reason TEXT NOT NULL DEFAULT '',
    stop_detail TEXT NOT NULL DEFAULT '',
    -- version 2: the account and mode a campaign belongs to, its pacing, a name, who started it
    api_id TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    concurrency INTEGER,
    rate_per_s REAL,
    created_by TEXT NOT NULL DEFAULT '',
    stop_cause TEXT NOT NULL DEFAULT '',
    stop_wait_s REAL,
    -- version 3: the saved template it came from, its quiet hours, when it is to be sent
    template_name TEXT NOT NULL DEFAULT '',
    quiet_hours TEXT NOT NULL DEFAULT '',
    scheduled_at TEXT
);
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    row INTEGER NOT NULL,
    phone TEXT NOT NULL,
    fields TEXT NOT NULL DEFAULT '{}',
    text TEXT NOT NULL,
    encoding TEXT NOT NULL,
    segments INTEGER NOT NULL,
    state TEXT NOT NULL,
    attempt INTEGER NOT NULL DEFAULT 1,
    uid TEXT,
    retries INTEGER NOT NULL DEFAULT 0,
    not_before REAL,
    message_id TEXT,
    remarks TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    http_status INTEGER,
    created_at TEXT NOT NULL,
    sent_at TEXT,
    finished_at TEXT,
    dlr_status TEXT NOT NULL DEFAULT '',
    dlr_state TEXT NOT NULL DEFAULT '',
    dlr_error TEXT NOT NULL DEFAULT '',
    dlr_checked_at TEXT
);
CREATE INDEX IF NOT EXISTS messages_by_state ON messages(campaign_id, state, id);
CREATE TABLE IF NOT EXISTS set_aside (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    row INTEGER NOT NULL,
    original TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT NOT NULL,
    reason_data TEXT NOT NULL DEFAULT '{}',
    first_row INTEGER,
    fields TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL DEFAULT '{}'
);
"""

MESSAGE_COLUMNS = (
    "id, campaign_id, row, phone, fields, text, encoding, segments, state, attempt, uid, message_id, "
    "remarks, reason, http_status, created_at, sent_at, finished_at, dlr_status, dlr_state, dlr_error, "
    "dlr_checked_at"
)
MESSAGE_COLUMN_NAMES = tuple(name.strip() for name in MESSAGE_COLUMNS.split(","))
#: Messages by id as one JSON array of arrays (``MESSAGE_COLUMNS`` order): one SQLite step per query.
MESSAGES_BY_ID_JSON_SQL = (
    f"SELECT json_group_array(json(j)) FROM (SELECT json_array({MESSAGE_COLUMNS}) AS j FROM messages "  # noqa: S608
    "WHERE id IN (SELECT value FROM json_each(?)))"
)

# One statement per send-engine turn (``Claims.advance``): outcomes of answered requests and new
# claims, each row guarded by the state it must be in, committed (fsynced) when the statement ends.
# One statement means one SQLite step, so the coordinator gives up Python's GIL once per turn instead
# of once per row; under 32 busy HTTP threads every give-up costs a wait (benchmarks/send_throughput.py).
# Each element of the JSON array is
# [pk, kind ('c' claim | 'r' record), expected state, new state, uid, sent_at, reason, remarks,
#  message_id, http_status, retries, not_before, finished_at].
TURN_SQL = """
WITH turn(pk, kind, expect, state, uid, sent_at, reason, remarks, message_id, http_status, retries,
          not_before, finished_at) AS (
    SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'),
           json_extract(value, '$[3]'), json_extract(value, '$[4]'), json_extract(value, '$[5]'),
           json_extract(value, '$[6]'), json_extract(value, '$[7]'), json_extract(value, '$[8]'),
           json_extract(value, '$[9]'), json_extract(value, '$[10]'), json_extract(value, '$[11]'),
           json_extract(value, '$[12]')
    FROM json_each(?)
)
UPDATE messages SET (state, uid, sent_at, reason, remarks, message_id, http_status, retries, not_before,
                     finished_at) = (
    SELECT t.state,
           CASE t.kind WHEN 'c' THEN t.uid ELSE messages.uid END,
           CASE t.kind WHEN 'c' THEN t.sent_at ELSE messages.sent_at END,
           CASE t.kind WHEN 'r' THEN t.reason ELSE messages.reason END,
           CASE t.kind WHEN 'r' THEN t.remarks ELSE messages.remarks END,
           CASE t.kind WHEN 'r' THEN COALESCE(t.message_id, messages.message_id) ELSE messages.message_id END,
           CASE t.kind WHEN 'r' THEN t.http_status ELSE messages.http_status END,
           CASE t.kind WHEN 'r' THEN t.retries ELSE messages.retries END,
           t.not_before,
           CASE t.kind WHEN 'r' THEN t.finished_at ELSE messages.finished_at END
    FROM turn t WHERE t.pk = messages.id
)
WHERE id IN (SELECT pk FROM turn) AND state = (SELECT t.expect FROM turn t WHERE t.pk = messages.id)
"""

# What a claim needs, read as one JSON value (one step) and sorted by the caller: the order rows reach
# an aggregate is not guaranteed. Columns: id, row, phone, text, encoding, segments, attempt, retries,
# not_before.
_CLAIM_JSON = "json_array(id, row, phone, text, encoding, segments, attempt, retries, not_before)"
DUE_WAITING_SQL = (
    f"SELECT json_group_array(json(j)) FROM (SELECT {_CLAIM_JSON} AS j FROM messages "  # noqa: S608 - constants
    "WHERE campaign_id=? AND state='retry_wait' AND not_before <= ? ORDER BY not_before, id LIMIT ?)"
)
PENDING_AHEAD_SQL = (
    f"SELECT json_group_array(json(j)) FROM (SELECT {_CLAIM_JSON} AS j FROM messages "  # noqa: S608 - constants
    "WHERE campaign_id=? AND state='pending' AND id > ? ORDER BY id LIMIT ?)"
)
