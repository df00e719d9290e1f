"""The ledger: one JSON object per request received, in memory and optionally as JSON lines on disk.

It is the ground truth tests compare a client's view with ("did that SMS go out?"). The API
password is never in it: an entry says only whether the password travelled in the URL and whether
the credentials matched.
"""

from __future__ import annotations

import json
import os
import threading
from collections import Counter, deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO, TypedDict

#: Owner read/write only: the ledger holds phone numbers.
LEDGER_FILE_MODE = 0o600


class LedgerEntry(TypedDict):
    """One request as the sandbox saw it and what it did with it."""

    seq: int  # 1, 2, … in the order requests were handled
    time: str  # ISO 8601 UTC, milliseconds
    connection: int  # which TCP connection carried it (equal numbers: keep-alive reuse)
    method: str  # HTTP method ('' when the request line was unreadable)
    path: str  # the URL path without the query string (which may hold a password)
    endpoint: str | None  # SendSMS, CheckBalance or GetDeliveryStatus; None for other paths
    api_id: str | None
    password_in_url: bool  # the password travelled in the query string
    credentials_ok: bool | None  # None: the request never got as far as a credentials check
    phonenumber: str | None
    uid: str | None
    sms_type: str | None
    encoding: str | None
    sender_id: str | None
    callback_url: str | None  # where the client asked for delivery reports to be pushed
    text_length: int | None  # characters of textmessage
    parts: int | None  # SMS parts charged (accepted messages only)
    fault: str | None  # the injected fault kind, if any
    processed: bool  # the SMS counts as sent (accepted and charged)
    status: str | None  # "S" or "F" as decided by the provider; None when it decided nothing
    remarks: str | None
    message_id: str | None  # issued by SendSMS, or asked about by GetDeliveryStatus
    http_status: int | None  # the status line sent (or to be sent); None when no reply is sent
    answered: bool  # a reply is (or will be) written; False for drop, reset and incomplete requests
    complete: bool  # the whole request arrived (False: the connection ended mid-request)


@dataclass(frozen=True, slots=True)
class SandboxStats:
    """Counts since the server started."""

    requests: int = 0
    processed: int = 0
    status_s: int = 0
    status_f: int = 0
    connections: int = 0
    by_endpoint: Mapping[str, int] = field(default_factory=dict)
    by_fault: Mapping[str, int] = field(default_factory=dict)
    by_http_status: Mapping[int, int] = field(default_factory=dict)


class Ledger:
    """Thread-safe: the server's loop appends, any thread reads a snapshot."""

    def __init__(self, path: Path | None, *, fsync: bool, memory_entries: int | None) -> None:
        self._lock = threading.Lock()
        self._entries: deque[LedgerEntry] = deque(maxlen=memory_entries)
        self._fsync = fsync
        self._seq = 0
        self._connections = 0
        self._counts: Counter[str] = Counter()
        self._endpoints: Counter[str] = Counter()
        self._faults: Counter[str] = Counter()
        self._statuses: Counter[int] = Counter()
        self._path = path
        self._file: TextIO | None = None

    def open_file(self) -> None:
        """Open the ledger file, if one was asked for (created private; appended to if it exists)."""
        if self._path is not None and self._file is None:
            fd = os.open(self._path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, LEDGER_FILE_MODE)
            self._file = os.fdopen(fd, "a", encoding="utf-8", newline="\n")

    def next_seq(self) -> int:
        """The sequence number for the next entry (called on the server's loop only)."""
        self._seq += 1
        return self._seq

    def connection_opened(self) -> int:
        """Count a new connection; return its number."""
        with self._lock:
            self._connections += 1
            return self._connections

    def record(self, entry: LedgerEntry) -> None:
        """Append one entry (and one flushed line to the file)."""
        with self._lock:
            self._entries.append(entry)
            self._counts["requests"] += 1
            self._counts["processed"] += entry["processed"]
            if entry["status"] == "S":
                self._counts["status_s"] += 1
            elif entry["status"] == "F":
                self._counts["status_f"] += 1
            if entry["endpoint"] is not None:
                self._endpoints[entry["endpoint"]] += 1
            if entry["fault"] is not None:
                self._faults[entry["fault"]] += 1
            if entry["http_status"] is not None:
                self._statuses[entry["http_status"]] += 1
            if self._file is not None:
                self._file.write(json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n")
                self._file.flush()
                if self._fsync:
                    os.fsync(self._file.fileno())

    def entries(self) -> list[LedgerEntry]:
        """A snapshot: copies of the entries kept in memory, oldest first."""
        with self._lock:
            return [entry.copy() for entry in self._entries]

    def stats(self) -> SandboxStats:
        """The counts so far."""
        with self._lock:
            return SandboxStats(
                requests=self._counts["requests"],
                processed=self._counts["processed"],
                status_s=self._counts["status_s"],
                status_f=self._counts["status_f"],
                connections=self._connections,
                by_endpoint=dict(self._endpoints),
                by_fault=dict(self._faults),
                by_http_status=dict(self._statuses),
            )

    def close(self) -> None:
        """Close the ledger file; later entries stay in memory only."""
        with self._lock:
            if self._file is not None:
                self._file.close()
                self._file = None
