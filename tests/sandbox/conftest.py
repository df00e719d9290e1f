"""Fixtures for the sandbox tests: a server factory, an httpx client, raw sockets and a valid SendSMS body."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from liasmart_desktop.sandbox import SandboxConfig, SandboxServer

CLIENT_TIMEOUT_S = 5.0
RAW_TIMEOUT_S = 5.0


def send_body(**overrides: Any) -> dict[str, Any]:
    """A valid SendSMS body; ``None`` values remove a parameter."""
    body: dict[str, Any] = {
        "api_id": "API43404236",
        "api_password": "sandbox-test-password",
        "sms_type": "P",
        "encoding": "T",
        "sender_id": "LIASMART",
        "phonenumber": "8613912345678",
        "textmessage": "Your code is 123456",
        "uid": "c1-1-1",
    }
    body.update(overrides)
    return {key: value for key, value in body.items() if value is not None}


CREDENTIALS = {"api_id": "API43404236", "api_password": "sandbox-test-password"}

ServerFactory = Callable[..., SandboxServer]


@pytest.fixture
def start_sandbox() -> Iterator[ServerFactory]:
    """``start_sandbox(**config_fields)`` → a started server, stopped after the test."""
    servers: list[SandboxServer] = []

    def start(**fields: Any) -> SandboxServer:
        server = SandboxServer(SandboxConfig(**fields)).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def sandbox(start_sandbox: ServerFactory) -> SandboxServer:
    """A default sandbox with a fixed seed and a short delivery delay."""
    return start_sandbox(seed=7, dlr_delay_s=0.2)


@pytest.fixture
def client(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    """An httpx client for ``sandbox`` (base URL set)."""
    with httpx.Client(base_url=sandbox.base_url, timeout=CLIENT_TIMEOUT_S) as http:
        yield http


def raw_exchange(port: int, data: bytes, *, shutdown_write: bool = False) -> bytes:
    """Send raw bytes, read until the server closes the connection."""
    with socket.create_connection(("127.0.0.1", port), timeout=RAW_TIMEOUT_S) as sock:
        sock.sendall(data)
        if shutdown_write:
            sock.shutdown(socket.SHUT_WR)
        return read_all(sock)


def read_all(sock: socket.socket) -> bytes:
    """Everything until EOF."""
    chunks = []
    while chunk := sock.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


def read_response(sock: socket.socket) -> bytes:
    """Exactly one response with a Content-Length (head and body)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        assert chunk, f"connection closed after {data!r}"
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(
        int(line.split(b":", 1)[1])
        for line in head.split(b"\r\n")
        if line.lower().startswith(b"content-length:")
    )
    while len(body) < length:
        chunk = sock.recv(65536)
        assert chunk, "connection closed mid-body"
        body += chunk
    assert len(body) == length, "more bytes than one response"
    return head + b"\r\n\r\n" + body


def http_request(
    method: str,
    path: str,
    body: bytes = b"",
    *,
    headers: dict[str, str] | None = None,
    version: str = "HTTP/1.1",
) -> bytes:
    """A raw request with Host and Content-Length (when there is a body)."""
    lines = [f"{method} {path} {version}", "Host: 127.0.0.1"]
    all_headers = {"Content-Type": "application/json", **(headers or {})}
    if body:
        all_headers.setdefault("Content-Length", str(len(body)))
    lines += [f"{name}: {value}" for name, value in all_headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
