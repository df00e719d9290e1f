"""The asyncio protocol: one per TCP connection, HTTP/1.1 keep-alive, one request at a time.

Requests on a connection are answered in order: while one waits for its (simulated) latency,
later bytes are only buffered. Delays use ``loop.call_later``, never a blocking sleep, so one
thread serves thousands of requests a second however slow the simulated provider is.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import struct
import sys
from dataclasses import dataclass, field

from liasmart_desktop.sandbox.config import SandboxConfig
from liasmart_desktop.sandbox.ledger import Ledger
from liasmart_desktop.sandbox.params import password_in_query, read_params, route
from liasmart_desktop.sandbox.provider import (
    Call,
    Provider,
    Reply,
    ReplyAction,
    failure,
    json_body,
    new_entry,
)
from liasmart_desktop.sandbox.wire import HttpError, Request, RequestParser, encode_response

log = logging.getLogger(__name__)

CONTINUE_RESPONSE = b"HTTP/1.1 100 Continue\r\n\r\n"
ALLOWED_METHODS = frozenset({"GET", "POST"})
#: SO_LINGER on, zero seconds: close() then sends RST instead of FIN (struct linger differs on Windows).
RESET_LINGER = struct.pack("HH" if sys.platform == "win32" else "ii", 1, 0)


@dataclass(slots=True)
class ServerState:
    """What all connections of one server share. ``latency_s`` may be set from any thread."""

    config: SandboxConfig
    provider: Provider
    ledger: Ledger
    latency_s: float
    connections: set[SandboxProtocol] = field(default_factory=set)


class SandboxProtocol(asyncio.Protocol):
    """Reads requests, lets the provider decide, writes each reply in one piece (or withholds it)."""

    def __init__(self, state: ServerState) -> None:
        self._state = state
        config = state.config
        self._parser = RequestParser(
            max_header_bytes=config.max_header_bytes, max_body_bytes=config.max_body_bytes
        )
        self._transport: asyncio.Transport | None = None
        self._loop = asyncio.get_running_loop()
        self._connection = 0
        self._busy = False  # a request is being answered; later bytes wait in the parser
        self._eof = False  # the client has sent all it will send
        self._tls = False
        self._continued: object | None = None  # the head that already got "100 Continue"
        self._timer: asyncio.Handle | None = None
        self._idle_timer: asyncio.TimerHandle | None = None
        self._last_activity = self._loop.time()

    # ------------------------------------------------------------------ asyncio callbacks

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        """Count the connection; turn Nagle off (replies are single writes); start the idle timer."""
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport
        self._tls = transport.get_extra_info("sslcontext") is not None
        # asyncio already does this for plain TCP; said here because the throughput depends on it.
        transport.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._connection = self._state.ledger.connection_opened()
        self._state.connections.add(self)
        self._arm_idle_timer(self._state.config.idle_timeout_s)

    def data_received(self, data: bytes) -> None:
        """Buffer the bytes and answer the next request unless one is still being answered."""
        self._last_activity = self._loop.time()
        self._parser.feed(data)
        if not self._busy:
            self._next()

    def eof_received(self) -> bool:
        """The client finished sending: close now, or once the reply still due has been written."""
        self._eof = True
        # TLS cannot half-close, so there the pending reply is lost with the connection.
        return self._busy and not self._tls

    def connection_lost(self, exc: Exception | None) -> None:
        """Cancel what is pending; record a request cut off mid-way."""
        for timer in (self._timer, self._idle_timer):
            if timer is not None:
                timer.cancel()
        self._state.connections.discard(self)
        self._transport = None
        if self._parser.has_partial:
            head = self._parser.head
            entry = new_entry(
                self._state.ledger.next_seq(),
                self._connection,
                head.method if head is not None else "",
                head.path if head is not None else "",
                endpoint=route(head.path, self._state.config.base_path) if head is not None else None,
                complete=False,
            )
            self._state.ledger.record(entry)

    def abort(self) -> None:
        """Close the connection at once (server shutdown)."""
        assert self._transport is not None  # set from connection_made until connection_lost
        self._transport.abort()

    # ------------------------------------------------------------------ requests

    def _next(self) -> None:
        try:
            request = self._parser.next_request()
        except HttpError as exc:
            self._busy = True
            self._parser.discard()  # the rest of the stream cannot be trusted
            entry = new_entry(
                self._state.ledger.next_seq(),
                self._connection,
                "",
                "",
                http_status=exc.status,
                remarks=exc.remarks,
            )
            self._state.ledger.record(entry)
            self._schedule(Reply(exc.status, json_body(failure(exc.remarks)), close=True), keep_alive=False)
            return
        if request is None:
            head = self._parser.head
            if head is not None and head.expects_continue and self._continued is not head:
                assert self._transport is not None  # bytes arrive only on a live connection
                self._continued = head
                self._transport.write(CONTINUE_RESPONSE)
            return
        self._busy = True
        self._handle(request)

    def _handle(self, request: Request) -> None:
        head = request.head
        state = self._state
        endpoint = route(head.path, state.config.base_path)
        seq = state.ledger.next_seq()
        try:
            call = self._call(request, endpoint)
        except HttpError as exc:
            # 405 closes the connection: a HEAD client would not expect the body that follows.
            allow = (("Allow", "GET, POST"),) if exc.status == 405 else ()
            reply = Reply(exc.status, json_body(failure(exc.remarks)), headers=allow, close=exc.status == 405)
            entry = new_entry(
                seq,
                self._connection,
                head.method,
                head.path,
                endpoint=endpoint,
                http_status=exc.status,
                remarks=exc.remarks,
                password_in_url=password_in_query(head.query),
            )
        else:
            reply, entry = state.provider.handle(call, seq)
            if entry["fault"] is not None:
                log.debug("sandbox request %d: injected fault %s", seq, entry["fault"])
        state.ledger.record(entry)
        self._schedule(reply, keep_alive=head.keep_alive and not reply.close)

    def _call(self, request: Request, endpoint: str | None) -> Call:
        head = request.head
        if endpoint is None:
            raise HttpError(404, "Not Found")
        if head.method not in ALLOWED_METHODS:
            raise HttpError(405, "Method Not Allowed")
        return Call(self._connection, head.method, head.path, endpoint, read_params(request))

    def _schedule(self, reply: Reply, *, keep_alive: bool) -> None:
        delay = self._state.latency_s + reply.extra_delay_s
        if delay > 0:
            self._timer = self._loop.call_later(delay, self._deliver, reply, keep_alive)
        else:
            self._deliver(reply, keep_alive)

    def _deliver(self, reply: Reply, keep_alive: bool) -> None:
        transport = self._transport
        if transport is None or transport.is_closing():
            return
        if reply.action is ReplyAction.DROP:
            transport.close()
            return
        if reply.action is ReplyAction.RESET:
            transport.get_extra_info("socket").setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, RESET_LINGER)
            transport.abort()
            return
        data = encode_response(
            reply.status,
            reply.body,
            content_type=reply.content_type,
            keep_alive=keep_alive,
            headers=reply.headers,
        )
        if reply.action is ReplyAction.DRIP:
            self._drip(data, 0, keep_alive)
            return
        transport.write(data)
        self._finish(keep_alive)

    def _drip(self, data: bytes, index: int, keep_alive: bool) -> None:
        transport = self._transport
        if transport is None or transport.is_closing():
            return
        transport.write(data[index : index + 1])
        if index + 1 >= len(data):
            self._finish(keep_alive)
            return
        interval_s = self._state.config.drip_interval_ms / 1000.0
        self._last_activity = self._loop.time()
        self._timer = self._loop.call_later(interval_s, self._drip, data, index + 1, keep_alive)

    def _finish(self, keep_alive: bool) -> None:
        transport = self._transport
        assert transport is not None  # called right after a write on a live connection
        self._timer = None
        self._last_activity = self._loop.time()
        if not keep_alive:
            transport.close()
        elif self._parser.has_partial:
            # Pipelined bytes wait for the next loop turn: no recursion however many are queued.
            self._timer = self._loop.call_soon(self._resume)
        else:
            self._busy = False
            if self._eof:
                transport.close()

    def _resume(self) -> None:
        self._timer = None
        self._busy = False
        self._next()
        if self._eof and not self._busy:
            assert self._transport is not None  # this callback is cancelled when the connection goes
            self._transport.close()

    # ------------------------------------------------------------------ idle connections

    def _arm_idle_timer(self, delay_s: float | None) -> None:
        if delay_s is not None:
            self._idle_timer = self._loop.call_later(delay_s, self._check_idle)

    def _check_idle(self) -> None:
        timeout_s = self._state.config.idle_timeout_s
        assert timeout_s is not None
        idle_s = self._loop.time() - self._last_activity
        # One timer per connection, re-armed lazily, instead of a new timer per request.
        if self._busy:
            self._arm_idle_timer(timeout_s)
        elif idle_s < timeout_s:
            self._arm_idle_timer(timeout_s - idle_s)
        else:
            assert self._transport is not None  # the timer is cancelled when the connection goes
            self._transport.close()
