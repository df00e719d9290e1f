"""A tiny HTTP(S) server on 127.0.0.1 for tests that need real sockets, TLS and library logging."""

from __future__ import annotations

import json
import socket
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, ClassVar, Self

JSON_HEADERS = {"Content-Type": "application/json"}


@dataclass(frozen=True)
class Received:
    """One request as the server saw it."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass(frozen=True)
class Reply:
    """What the server answers."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=lambda: dict(JSON_HEADERS))


def json_reply(data: Any, status: int = 200) -> Reply:
    """A JSON answer."""
    return Reply(status, json.dumps(data).encode())


Responder = Callable[[Received], Reply]


def _accepted(_: Received) -> Reply:
    return json_reply({"message_id": 26471304, "status": "S", "remarks": "Message Submitted Sucessfully"})


class _Handler(BaseHTTPRequestHandler):
    disable_nagle_algorithm = True  # small replies leave at once instead of waiting for an ACK
    server: _Server
    requests_seen: ClassVar[list[Received]]

    def _record(self) -> Received:
        length = int(self.headers.get("Content-Length") or 0)
        received = Received(
            method=self.command,
            path=self.path,
            headers={key.lower(): value for key, value in self.headers.items()},
            body=self.rfile.read(length) if length else b"",
        )
        with self.server.lock:
            self.server.received.append(received)
        return received

    def _answer(self, reply: Reply) -> None:
        self.send_response(reply.status)
        for key, value in reply.headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(reply.body)

    def do_POST(self) -> None:
        self._answer(self.server.responder(self._record()))

    def do_GET(self) -> None:
        self._answer(self.server.responder(self._record()))

    def do_CONNECT(self) -> None:
        # Acting as an office proxy that wants a login: the tunnel is refused.
        self._record()
        self._answer(Reply(407, b"", {"Proxy-Authenticate": 'Basic realm="office"'}))

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
        """Keep the test output quiet."""


class _Server(ThreadingHTTPServer):
    daemon_threads = False  # server_close() joins the handler threads: nothing outlives a test
    block_on_close = True

    def __init__(self, responder: Responder) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.responder = responder
        self.received: list[Received] = []
        self.lock = threading.Lock()


class LocalServer:
    """``with LocalServer(responder) as server:`` serves on ``server.url`` until the block ends."""

    def __init__(self, responder: Responder = _accepted, *, tls: ssl.SSLContext | None = None) -> None:
        self._server = _Server(responder)
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self._scheme = "https" if tls is not None else "http"
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.02,), name="local-server", daemon=True
        )

    @property
    def url(self) -> str:
        """The base URL, e.g. ``http://127.0.0.1:43210``."""
        return f"{self._scheme}://127.0.0.1:{self._server.server_address[1]}"

    @property
    def received(self) -> list[Received]:
        """The requests seen so far."""
        with self._server.lock:
            return list(self._server.received)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)


class RawTcpServer:
    """Accepts one connection on 127.0.0.1, reads one request, then misbehaves as told.

    ``hang_up``: close without answering (the provider may have processed it). Otherwise the
    connection stays silent until ``release`` is set (a reply that never comes).
    """

    def __init__(self, *, hang_up: bool) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(10)
        self._hang_up = hang_up
        self.release = threading.Event()
        self.request_seen = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="raw-server", daemon=True)

    @property
    def url(self) -> str:
        """The base URL."""
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    def _serve(self) -> None:
        try:
            conn, _ = self._listener.accept()
        except OSError:  # closed before anyone connected
            return
        with conn:
            data = b""
            while not _complete(data):
                chunk = conn.recv(65536)
                if not chunk:
                    return
                data += chunk
            self.request_seen.set()
            if not self._hang_up:
                self.release.wait(timeout=10)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release.set()
        self._listener.close()
        self._thread.join(timeout=10)


def _complete(data: bytes) -> bool:
    """Whether ``data`` holds a whole request: headers and ``Content-Length`` bytes of body."""
    head, sep, body = data.partition(b"\r\n\r\n")
    if not sep:
        return False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return len(body) >= int(value)
    return True


def unused_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port: int = probe.getsockname()[1]
    return port
