"""HTTP/1.1 on the wire: an incremental request parser and the response encoder (no I/O here)."""

from __future__ import annotations

import email.utils
import http
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

HEAD_END = b"\r\n\r\n"
SERVER_NAME = "LiaSmart-Sandbox"
SUPPORTED_VERSIONS = frozenset({"HTTP/1.0", "HTTP/1.1"})
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")  # RFC 9110 token: methods and header names
_REASONS = {status.value: status.phrase for status in http.HTTPStatus}


class HttpError(Exception):
    """A request the server answers with an error status and then closes the connection."""

    def __init__(self, status: int, remarks: str) -> None:
        super().__init__(remarks)
        self.status = status
        self.remarks = remarks


@dataclass(slots=True)  # one per request: a frozen dataclass's __init__ costs several times more
class RequestHead:
    """The request line and headers (names lower-cased)."""

    method: str
    path: str  # percent-encoded, as sent
    query: str
    version: str
    headers: dict[str, str]
    content_length: int

    @property
    def keep_alive(self) -> bool:
        """HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 only when asked to keep it."""
        tokens = {token.strip().lower() for token in self.headers.get("connection", "").split(",")}
        if self.version == "HTTP/1.1":
            return "close" not in tokens
        return "keep-alive" in tokens

    @property
    def expects_continue(self) -> bool:
        """The client waits for ``100 Continue`` before sending the body (curl does for big bodies)."""
        return self.headers.get("expect", "").lower() == "100-continue"


@dataclass(slots=True)  # one per request: a frozen dataclass's __init__ costs several times more
class Request:
    """A complete request."""

    head: RequestHead
    body: bytes


def _split_target(target: str) -> tuple[str, str]:
    if target.startswith(("http://", "https://")):  # absolute-form, which servers must accept
        parts = urlsplit(target)
        return parts.path or "/", parts.query
    if not target.startswith("/"):
        raise HttpError(400, "Bad Request: the request target must be a path")
    path, _, query = target.partition("?")
    return path, query


def _parse_headers(lines: Sequence[str]) -> dict[str, str]:
    headers: dict[str, str] = {}
    for line in lines:
        name, colon, value = line.partition(":")
        if not colon or _TOKEN.fullmatch(name) is None:
            raise HttpError(400, "Bad Request: malformed header line")
        key = name.lower()
        value = value.strip(" \t")
        if key in headers:
            if key == "content-length" and headers[key] != value:
                raise HttpError(400, "Bad Request: conflicting Content-Length headers")
            if key != "content-length":
                headers[key] = f"{headers[key]}, {value}"
        else:
            headers[key] = value
    return headers


def parse_head(data: bytes, *, max_body_bytes: int) -> RequestHead:
    """Parse the bytes before the blank line; raise ``HttpError`` for anything malformed."""
    lines = data.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) != 3 or _TOKEN.fullmatch(parts[0]) is None:
        raise HttpError(400, "Bad Request: malformed request line")
    method, target, version = parts
    if version not in SUPPORTED_VERSIONS:
        raise HttpError(400, "Bad Request: only HTTP/1.0 and HTTP/1.1 are spoken here")
    path, query = _split_target(target)
    headers = _parse_headers(lines[1:])
    if "transfer-encoding" in headers:
        raise HttpError(501, "Not Implemented: send the body with a Content-Length")
    length_text = headers.get("content-length", "0")
    if not (length_text.isascii() and length_text.isdigit()):
        raise HttpError(400, "Bad Request: invalid Content-Length")
    content_length = int(length_text)
    if content_length > max_body_bytes:
        raise HttpError(413, f"Payload Too Large: at most {max_body_bytes} bytes")
    return RequestHead(method, path, query, version, headers, content_length)


class RequestParser:
    """Collects bytes and cuts complete requests out of them, one at a time."""

    def __init__(self, *, max_header_bytes: int, max_body_bytes: int) -> None:
        self._buffer = bytearray()
        self._head: RequestHead | None = None
        self._max_header_bytes = max_header_bytes
        self._max_body_bytes = max_body_bytes

    def feed(self, data: bytes) -> None:
        """Add received bytes."""
        self._buffer += data

    @property
    def head(self) -> RequestHead | None:
        """The head of a request whose body has not fully arrived yet."""
        return self._head

    @property
    def has_partial(self) -> bool:
        """Whether part of a request has arrived (its head, or some bytes of it)."""
        return self._head is not None or bool(self._buffer.strip())

    def discard(self) -> None:
        """Forget everything buffered (after a malformed request the stream cannot be resynchronised)."""
        self._buffer.clear()
        self._head = None

    def next_request(self) -> Request | None:
        """The next complete request, or ``None`` until more bytes arrive; ``HttpError`` if malformed."""
        if self._head is None:
            end = self._buffer.find(HEAD_END)
            if end < 0:
                if len(self._buffer) > self._max_header_bytes:
                    raise HttpError(431, "Request Header Fields Too Large")
                return None
            if end > self._max_header_bytes:
                raise HttpError(431, "Request Header Fields Too Large")
            # Blank lines before a request line are allowed (RFC 9112 section 2.2).
            self._head = parse_head(
                bytes(self._buffer[:end]).lstrip(b"\r\n"), max_body_bytes=self._max_body_bytes
            )
            del self._buffer[: end + len(HEAD_END)]
        length = self._head.content_length
        if len(self._buffer) < length:
            return None
        request = Request(self._head, bytes(self._buffer[:length]))
        del self._buffer[:length]
        self._head = None
        return request


class _DateCache:
    """The ``Date`` header changes once a second; formatting it per request would be waste."""

    def __init__(self) -> None:
        # One tuple, swapped whole: servers on other threads may read it at the same time.
        self._cached = (-1, "")

    def __call__(self) -> str:
        now = int(time.time())
        second, value = self._cached
        if now != second:
            value = email.utils.formatdate(now, usegmt=True)
            self._cached = (now, value)
        return value


http_date_now = _DateCache()


def encode_response(
    status: int,
    body: bytes,
    *,
    content_type: str,
    keep_alive: bool,
    headers: Sequence[tuple[str, str]] = (),
) -> bytes:
    """The whole response in one buffer, so it leaves in one write (no Nagle/delayed-ACK stall)."""
    lines = [
        f"HTTP/1.1 {status} {_REASONS.get(status, 'Unknown')}",
        f"Date: {http_date_now()}",
        f"Server: {SERVER_NAME}",
        f"Content-Type: {content_type}",
        f"Content-Length: {len(body)}",
        f"Connection: {'keep-alive' if keep_alive else 'close'}",
    ]
    lines.extend(f"{name}: {value}" for name, value in headers)
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
