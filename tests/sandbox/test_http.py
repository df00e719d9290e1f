"""HTTP/1.1 on raw sockets: keep-alive, pipelining, malformed requests, limits, half-close, idle timeout."""

from __future__ import annotations

import json
import socket
import time

import pytest

from liasmart_desktop.sandbox import SandboxServer
from liasmart_desktop.sandbox.wire import HttpError, RequestParser, parse_head
from tests.sandbox.conftest import (
    CREDENTIALS,
    ServerFactory,
    http_request,
    raw_exchange,
    read_all,
    read_response,
    send_body,
)

BALANCE_BODY = json.dumps(CREDENTIALS).encode()


def balance_request(*, headers: dict[str, str] | None = None, version: str = "HTTP/1.1") -> bytes:
    return http_request("POST", "/api/CheckBalance", BALANCE_BODY, headers=headers, version=version)


def status_line(response: bytes) -> bytes:
    return response.split(b"\r\n", 1)[0]


def test_one_write_per_reply_with_the_expected_headers(sandbox: SandboxServer) -> None:
    with socket.create_connection(("127.0.0.1", sandbox.port), timeout=5) as sock:
        sock.sendall(balance_request())
        response = read_response(sock)

    head = response.split(b"\r\n\r\n")[0].decode().split("\r\n")
    assert head[0] == "HTTP/1.1 200 OK"
    assert "Server: LiaSmart-Sandbox" in head
    assert "Connection: keep-alive" in head
    assert any(line.startswith("Date: ") and line.endswith(" GMT") for line in head)


def test_pipelined_requests_are_answered_in_order(start_sandbox: ServerFactory) -> None:
    server = start_sandbox(latency_ms=20)
    send = http_request("POST", "/api/SendSMS", json.dumps(send_body()).encode())
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(send + balance_request() + send)
        replies = [read_response(sock) for _ in range(3)]

    assert b'"status": "S"' in replies[0]
    assert b"BalanceAmount" in replies[1]
    assert b'"status": "S"' in replies[2]
    assert [entry["connection"] for entry in server.ledger()] == [1, 1, 1]


def test_a_request_arriving_while_one_is_pending_waits_its_turn(start_sandbox: ServerFactory) -> None:
    server = start_sandbox(latency_ms=100)
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(http_request("POST", "/api/SendSMS", json.dumps(send_body()).encode()))
        time.sleep(0.03)
        sock.sendall(balance_request())
        first, second = read_response(sock), read_response(sock)

    assert b'"status": "S"' in first
    assert b"BalanceAmount" in second


def test_connection_close_and_http_1_0(sandbox: SandboxServer) -> None:
    closing = raw_exchange(sandbox.port, balance_request(headers={"Connection": "close"}))
    old = raw_exchange(sandbox.port, balance_request(version="HTTP/1.0"))

    assert b"Connection: close" in closing
    assert status_line(old) == b"HTTP/1.1 200 OK"
    assert b"Connection: close" in old


def test_http_1_0_keep_alive_is_honoured(sandbox: SandboxServer) -> None:
    request = balance_request(version="HTTP/1.0", headers={"Connection": "Keep-Alive"})
    with socket.create_connection(("127.0.0.1", sandbox.port), timeout=5) as sock:
        sock.sendall(request)
        first = read_response(sock)
        sock.sendall(request)
        second = read_response(sock)

    assert b"Connection: keep-alive" in first
    assert b"BalanceAmount" in second


@pytest.mark.parametrize(
    ("request_bytes", "status", "remarks"),
    [
        (b"GARBAGE\r\n\r\n", 400, "malformed request line"),
        (b"GET /api/CheckBalance HTTP/2.0\r\n\r\n", 400, "only HTTP/1.0 and HTTP/1.1"),
        (b"GET api/CheckBalance HTTP/1.1\r\n\r\n", 400, "must be a path"),
        (b"GET /api/CheckBalance HTTP/1.1\r\nNo colon here\r\n\r\n", 400, "malformed header line"),
        (b"GET /api/CheckBalance HTTP/1.1\r\n folded: x\r\n\r\n", 400, "malformed header line"),
        (
            b"POST /api/CheckBalance HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
            400,
            "conflicting Content-Length",
        ),
        (b"POST /api/CheckBalance HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400, "invalid Content-Length"),
        (
            b"POST /api/CheckBalance HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            501,
            "Content-Length",
        ),
        (b"POST /api/SendSMS HTTP/1.1\r\nContent-Length: 65537\r\n\r\n", 413, "at most 65536 bytes"),
    ],
)
def test_malformed_requests_get_an_error_and_a_closed_connection(
    sandbox: SandboxServer, request_bytes: bytes, status: int, remarks: str
) -> None:
    response = raw_exchange(sandbox.port, request_bytes)

    assert status_line(response).startswith(f"HTTP/1.1 {status} ".encode())
    assert b"Connection: close" in response
    body = json.loads(response.split(b"\r\n\r\n", 1)[1])
    assert body["status"] == "F"
    assert remarks in body["remarks"]
    (entry,) = sandbox.ledger()  # no second "incomplete" entry for the bytes left behind
    assert entry["http_status"] == status
    assert entry["processed"] is False


def test_oversized_headers_are_431(start_sandbox: ServerFactory) -> None:
    server = start_sandbox(max_header_bytes=1024)
    huge_header = b"GET /api/CheckBalance HTTP/1.1\r\nX-Pad: " + b"a" * 2000
    finished_but_huge = huge_header + b"\r\n\r\n"

    for request in (huge_header, finished_but_huge):
        assert (
            status_line(raw_exchange(server.port, request)) == b"HTTP/1.1 431 Request Header Fields Too Large"
        )


def test_repeated_headers_are_joined(sandbox: SandboxServer) -> None:
    request = (
        b"POST /api/CheckBalance HTTP/1.1\r\nConnection: keep-alive\r\nConnection: close\r\n"
        b"Content-Length: %d\r\nContent-Length: %d\r\n\r\n" % (len(BALANCE_BODY), len(BALANCE_BODY))
    ) + BALANCE_BODY

    response = raw_exchange(sandbox.port, request)

    assert b"BalanceAmount" in response
    assert b"Connection: close" in response


def test_absolute_form_target_and_leading_blank_lines(sandbox: SandboxServer) -> None:
    absolute = http_request("POST", f"http://127.0.0.1:{sandbox.port}/api/CheckBalance", BALANCE_BODY)
    bare_host = http_request("GET", "http://127.0.0.1", headers={"Connection": "close"})

    assert b"BalanceAmount" in raw_exchange(sandbox.port, b"\r\n" + absolute, shutdown_write=True)
    assert status_line(raw_exchange(sandbox.port, bare_host)) == b"HTTP/1.1 404 Not Found"
    assert [entry["path"] for entry in sandbox.ledger()] == ["/api/CheckBalance", "/"]


def test_expect_100_continue(sandbox: SandboxServer) -> None:
    head = http_request(
        "POST",
        "/api/CheckBalance",
        headers={"Expect": "100-continue", "Content-Length": str(len(BALANCE_BODY))},
    )
    with socket.create_connection(("127.0.0.1", sandbox.port), timeout=5) as sock:
        sock.sendall(head)
        assert sock.recv(1024) == b"HTTP/1.1 100 Continue\r\n\r\n"
        sock.sendall(BALANCE_BODY[:10])
        time.sleep(0.05)  # a second partial read must not send a second 100 Continue
        sock.sendall(BALANCE_BODY[10:])
        assert status_line(read_response(sock)) == b"HTTP/1.1 200 OK"


def test_request_cut_off_mid_body_is_recorded_incomplete(sandbox: SandboxServer) -> None:
    body = json.dumps(send_body()).encode()
    request = http_request("POST", "/api/SendSMS", body)

    assert raw_exchange(sandbox.port, request[:-10], shutdown_write=True) == b""

    (entry,) = sandbox.ledger()
    assert entry["complete"] is False
    assert entry["endpoint"] == "SendSMS"
    assert entry["method"] == "POST"
    assert entry["processed"] is False
    assert entry["answered"] is False
    assert entry["http_status"] is None


def test_request_cut_off_mid_head_is_recorded_incomplete(sandbox: SandboxServer) -> None:
    assert raw_exchange(sandbox.port, b"POST /api/Send", shutdown_write=True) == b""

    (entry,) = sandbox.ledger()
    assert entry["complete"] is False
    assert entry["method"] == ""
    assert entry["endpoint"] is None


def test_connecting_and_closing_records_nothing(sandbox: SandboxServer) -> None:
    assert raw_exchange(sandbox.port, b"", shutdown_write=True) == b""
    assert raw_exchange(sandbox.port, b"\r\n", shutdown_write=True) == b""

    assert sandbox.ledger() == []
    assert sandbox.stats().connections == 2


def test_half_close_while_a_reply_is_pending_still_gets_the_reply(start_sandbox: ServerFactory) -> None:
    server = start_sandbox(latency_ms=100)

    response = raw_exchange(server.port, balance_request(), shutdown_write=True)

    assert b"BalanceAmount" in response


def test_half_close_after_pipelined_requests_answers_them_all(sandbox: SandboxServer) -> None:
    response = raw_exchange(sandbox.port, balance_request() * 3, shutdown_write=True)

    assert response.count(b"BalanceAmount") == 3


def test_half_close_after_a_request_and_a_partial_one(start_sandbox: ServerFactory) -> None:
    server = start_sandbox(latency_ms=100)  # the end of the stream arrives while the first is pending

    response = raw_exchange(
        server.port, balance_request() + b"POST /api/SendSMS HTTP/1.1\r\n", shutdown_write=True
    )

    assert response.count(b"BalanceAmount") == 1
    first, second = server.ledger()
    assert first["complete"] is True
    assert second["complete"] is False


def test_idle_connections_are_closed(start_sandbox: ServerFactory) -> None:
    server = start_sandbox(idle_timeout_s=0.3, latency_ms=400)
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        time.sleep(0.15)
        # Activity re-arms the timer, and a reply slower than the timeout does not count as idle.
        sock.sendall(balance_request())
        assert b"BalanceAmount" in read_response(sock)
        server.set_latency_ms(0)
        sock.sendall(balance_request())
        assert b"BalanceAmount" in read_response(sock)
        started = time.monotonic()
        assert read_all(sock) == b""
        assert 0.2 <= time.monotonic() - started < 2


def test_no_idle_timeout(start_sandbox: ServerFactory) -> None:
    server = start_sandbox(idle_timeout_s=None)
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(balance_request())
        assert b"BalanceAmount" in read_response(sock)


def test_parser_keeps_partial_requests_until_complete() -> None:
    parser = RequestParser(max_header_bytes=1024, max_body_bytes=1024)
    request = balance_request()

    def state() -> tuple[bool, str | None]:  # a call, so the type checker does not carry narrowing over
        return parser.has_partial, None if parser.head is None else parser.head.method

    parser.feed(request[:20])
    assert parser.next_request() is None
    assert state() == (True, None)
    parser.feed(request[20:-5])
    assert parser.next_request() is None
    assert state() == (True, "POST")
    parser.feed(request[-5:])
    complete = parser.next_request()
    assert complete is not None
    assert complete.body == BALANCE_BODY
    assert state() == (False, None)


def test_parse_head_rejects_a_bad_method_token() -> None:
    with pytest.raises(HttpError) as caught:
        parse_head(b"G(T / HTTP/1.1", max_body_bytes=10)
    assert caught.value.status == 400
