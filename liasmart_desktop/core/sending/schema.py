"""The journal's SQLite schema (version 1)."""

from __future__ import annotations

SCHEMA_VERSION = 1

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
    stop_detail TEXT NOT NULL DEFAULT ''
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
    detail TEXT NOT NULL DEFAULT ''
);
"""

MESSAGE_COLUMNS = (
    "id, campaign_id, row, phone, fields, text, encoding, segments, state, attempt, uid, message_id, "
    "remarks, reason, http_status, created_at, sent_at, finished_at, dlr_status, dlr_state, dlr_error, "
    "dlr_checked_at"
)
