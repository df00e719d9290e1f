"""Starting and stopping, keep-alive, concurrency, latency, configuration checks and ``serve_forever``."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from liasmart_desktop.sandbox import FaultKind, SandboxConfig, SandboxServer, serve_forever
from liasmart_desktop.sandbox.account import Account
from liasmart_desktop.sandbox.faults import FaultSelector
from liasmart_desktop.sandbox.ledger import Ledger
from liasmart_desktop.sandbox.protocol import SandboxProtocol, ServerState
from liasmart_desktop.sandbox.provider import Provider, Reply, ReplyAction
from liasmart_desktop.sandbox.server import _install_stop_signals
from tests.sandbox.conftest import CREDENTIALS, ServerFactory, http_request, send_body


def test_context_manager_starts_and_stops() -> None:
    with SandboxServer() as server:
        assert server.port > 0
        assert server.base_url == f"http://127.0.0.1:{server.port}/api"
        assert httpx.post(server.base_url + "/CheckBalance", json=CREDENTIALS).status_code == 200
        port = server.port
    with pytest.raises(httpx.ConnectError):
        httpx.post(f"http://127.0.0.1:{port}/api/CheckBalance", json=CREDENTIALS)


def test_stop_cuts_open_connections_and_is_idempotent(start_sandbox: ServerFactory) -> None:
    server = start_sandbox(slow_ms=60_000)
    server.plan_faults(["slow"])
    request = http_request("POST", "/api/SendSMS", json.dumps(send_body()).encode())
    with (
        socket.create_connection(("127.0.0.1", server.port), timeout=5) as idle,
        socket.create_connection(("127.0.0.1", server.port), timeout=5) as waiting,
    ):
        waiting.sendall(request)
        deadline = time.monotonic() + 5
        while not server.ledger():  # the slow request has been processed; its reply is pending
            assert time.monotonic() < deadline
            time.sleep(0.01)
        started = time.monotonic()
        server.stop()
        server.stop()
        assert time.monotonic() - started < 2
        for sock in (idle, waiting):
            with contextlib.suppress(ConnectionResetError):  # an aborted connection may surface as a reset
                assert sock.recv(1024) == b""


def test_a_server_starts_once(sandbox: SandboxServer) -> None:
    with pytest.raises(RuntimeError, match="already started"):
        sandbox.start()


def test_a_taken_port_raises_from_start(sandbox: SandboxServer) -> None:
    with pytest.raises(OSError, match="in use"):
        SandboxServer(SandboxConfig(port=sandbox.port)).start()


def test_an_unwritable_ledger_raises_from_start(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="No such file"):
        SandboxServer(SandboxConfig(ledger_path=tmp_path / "missing" / "ledger.jsonl")).start()


def test_stop_before_start_is_harmless() -> None:
    SandboxServer().stop()


def test_keep_alive_reuses_one_connection(client: httpx.Client, sandbox: SandboxServer) -> None:
    for _ in range(5):
        client.post("/SendSMS", json=send_body())

    assert {entry["connection"] for entry in sandbox.ledger()} == {1}
    assert sandbox.stats().connections == 1


def test_concurrent_requests_are_all_answered(start_sandbox: ServerFactory) -> None:
    server = start_sandbox(latency_ms=20)
    limits = httpx.Limits(max_connections=16, max_keepalive_connections=16)
    with httpx.Client(base_url=server.base_url, limits=limits, timeout=10) as client:

        def send(index: int) -> str:
            data = client.post("/SendSMS", json=send_body(uid=f"c1-{index}-1")).json()
            assert data["uid"] == f"c1-{index}-1"
            return str(data["message_id"])

        started = time.monotonic()
        with ThreadPoolExecutor(16) as pool:
            ids = list(pool.map(send, range(160)))
        elapsed = time.monotonic() - started

    assert len(set(ids)) == 160
    assert server.stats().processed == 160
    assert server.balance == Decimal("9998.40")
    # 160 requests of 20 ms over 16 connections: about 0.2 s if they overlap, 3.2 s if not.
    assert elapsed < 2.0
    assert sorted(entry["seq"] for entry in server.ledger()) == list(range(1, 161))


def test_latency_can_change_at_run_time(client: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.set_latency_ms(150)
    started = time.monotonic()
    client.post("/CheckBalance", json=CREDENTIALS)
    slow = time.monotonic() - started
    sandbox.set_latency_ms(0)
    started = time.monotonic()
    client.post("/CheckBalance", json=CREDENTIALS)
    fast = time.monotonic() - started

    assert slow >= 0.15
    assert fast < slow
    with pytest.raises(ValueError, match="zero or more"):
        sandbox.set_latency_ms(-1)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"host": "0.0.0.0"}, "this computer only"),
        ({"host": "example.com"}, "this computer only"),
        ({"port": 70000}, "port must be between"),
        ({"latency_ms": -1}, "latency_ms must be zero or more"),
        ({"slow_ms": float("nan")}, "slow_ms must be zero or more"),
        ({"fail_rate": 1.5}, "fail_rate must be between 0 and 1"),
        ({"dlr_fail_rate": -0.1}, "dlr_fail_rate must be between 0 and 1"),
        ({"fault_rates": {"drop": 0.7}, "fail_rate": 0.5}, "add up to more than 1"),
        ({"fault_rates": {"nope": 0.1}}, "unknown fault kind"),
        ({"phone_faults": {"1234567": "nope"}}, "unknown fault kind"),
        ({"phone_faults": {"": "drop"}}, "needs a phone number"),
        ({"balance": Decimal(-1)}, "balance must be zero or more"),
        ({"price_per_part": Decimal("NaN")}, "price_per_part must be zero or more"),
        ({"ledger_memory_entries": 0}, "at least 1"),
        ({"retry_after": -5}, "retry_after must be zero or more"),
        ({"html_status": 500}, "html_status must be 200 or 502"),
        ({"huge_bytes": 0}, "must be positive"),
        ({"idle_timeout_s": 0}, "idle_timeout_s must be positive"),
    ],
)
def test_config_checks(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        SandboxConfig(**fields)


def test_config_normalises() -> None:
    config = SandboxConfig(
        base_path="api/",
        balance=5,  # type: ignore[arg-type]  # callers without type checking pass plain numbers
        ledger_path="ledger.jsonl",  # type: ignore[arg-type]
        fault_rates={"drop": 0.1, "DROP": 0.1},
        fail_rate=0.2,
        host="localhost",
    )

    assert config.base_path == "/api"
    assert config.balance == Decimal(5)
    assert config.ledger_path == Path("ledger.jsonl")
    assert config.fault_rate_map() == {FaultKind.DROP: 0.2, FaultKind.STATUS_F: 0.2}
    assert config.scheme == "http"
    assert config.host == "127.0.0.1"


def test_ipv6_loopback_base_url_has_brackets() -> None:
    # Not started: CI machines without IPv6 on loopback must still pass.
    assert SandboxServer(SandboxConfig(host="::1", port=8080)).base_url == "http://[::1]:8080/api"


# ---------------------------------------------------------------------- serve_forever


def _stop_after_one_request(signum: int) -> tuple[list[str], threading.Thread | None, dict[str, Any]]:
    announced: list[str] = []
    result: dict[str, Any] = {}
    threads: list[threading.Thread] = []

    def client_then_signal() -> None:
        try:
            result["status"] = httpx.post(announced[0] + "/SendSMS", json=send_body()).json()["status"]
        finally:
            os.kill(os.getpid(), signum)

    def announce(base_url: str) -> None:
        announced.append(base_url)
        thread = threading.Thread(target=client_then_signal)
        threads.append(thread)
        thread.start()

    stats = serve_forever(SandboxConfig(), announce)
    result["stats"] = stats
    for thread in threads:
        thread.join()
    return announced, threads[0] if threads else None, result


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_serve_forever_stops_cleanly_on_a_signal(signum: int) -> None:
    previous = signal.getsignal(signum)

    announced, _, result = _stop_after_one_request(signum)

    assert announced[0].startswith("http://127.0.0.1:")
    assert result["status"] == "S"
    assert result["stats"].processed == 1
    assert signal.getsignal(signum) == previous  # the handlers are removed again


def test_serve_forever_returns_on_keyboard_interrupt() -> None:
    def announce(base_url: str) -> None:
        raise KeyboardInterrupt

    assert serve_forever(SandboxConfig(), announce).requests == 0


def test_serve_forever_raises_when_the_port_is_taken(sandbox: SandboxServer) -> None:
    with pytest.raises(OSError, match="in use"):
        serve_forever(SandboxConfig(port=sandbox.port), lambda url: None)


def test_stop_signals_are_not_installed_off_the_main_thread() -> None:
    installed: list[object] = []

    def run() -> None:
        loop = asyncio.new_event_loop()
        try:
            installed.append(_install_stop_signals(loop, lambda: None))
        finally:
            loop.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()

    assert installed == [[]]


# ---------------------------------------------------------------------- protocol guards


class _ClosingTransport(asyncio.Transport):
    """A transport that is already closing: late timers must write nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.written: list[bytes] = []

    def is_closing(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> None:
        self.written.append(bytes(data))

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return default


def test_late_replies_on_a_closing_connection_are_dropped() -> None:
    async def scenario() -> list[bytes]:
        config = SandboxConfig(idle_timeout_s=None)
        ledger = Ledger(None, fsync=False, memory_entries=None)
        account = Account(config)
        faults = FaultSelector({}, seed=None, endpoints=())
        state = ServerState(config, Provider(config, account, faults), ledger, latency_s=0.0)
        protocol = SandboxProtocol(state)
        transport = _ClosingTransport()
        protocol._transport = transport
        protocol._deliver(Reply(200, b"{}"), True)
        protocol._deliver(Reply(200, b"{}", action=ReplyAction.DRIP), True)
        protocol._drip(b"data", 1, True)
        return transport.written

    assert asyncio.run(scenario()) == []
