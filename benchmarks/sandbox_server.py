"""Sustained requests per second of the sandbox server against a stdlib baseline, measured in one run.

Each server runs in its own process; the load generator is a raw-socket asyncio client in this
process (keep-alive connections, one request in flight per connection), light enough that the
server is the side that saturates. CPU use of both sides is printed so that claim can be checked.
Where the OS allows it, client and server are pinned to different CPUs: otherwise Linux tends to
wake the two ping-ponging processes on the same CPU and each runs at half speed, which measures
the scheduler instead of the server.

    .venv/bin/python -m benchmarks.sandbox_server          # about 45 s
    .venv/bin/python benchmarks/sandbox_server.py --seconds 1 --rounds 1
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

WARMUP_S = 0.5
DEFAULT_SECONDS = 3.0
#: The two servers alternate, so a neighbour's load on a shared machine hits both alike; medians are compared.
DEFAULT_ROUNDS = 3
CONCURRENCY = 32
SLOW_LATENCY_MS = 50.0
REQUEST_BODY = json.dumps(
    {
        "api_id": "API43404236",
        "api_password": "benchmark-password",
        "sms_type": "P",
        "encoding": "U",
        "sender_id": "LIASMART",
        "phonenumber": "8613912345678",
        "textmessage": "您的验证码是 123456，五分钟内有效。",
        "uid": "bench-1-1",
    },
    ensure_ascii=True,
).encode("ascii")


# ---------------------------------------------------------------------- servers (child processes)


def _serve_sandbox(latency_ms: float, ledger: str | None) -> None:
    from decimal import Decimal

    from liasmart_desktop.sandbox import SandboxConfig, serve_forever

    config = SandboxConfig(
        latency_ms=latency_ms,
        balance=Decimal(10) ** 12,
        seed=1,
        ledger_path=Path(ledger) if ledger else None,
        ledger_memory_entries=10_000,
    )
    serve_forever(config, lambda url: print(url.split(":")[2].split("/")[0], flush=True))


class _BaselineHandler(BaseHTTPRequestHandler):
    """The same SendSMS JSON from the standard library's threaded server, Nagle disabled (trap 1)."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    latency_s = 0.0
    next_id = 2**62

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        params = json.loads(body)
        if self.latency_s:
            time.sleep(self.latency_s)
        _BaselineHandler.next_id += 1
        reply = json.dumps(
            {
                "message_id": _BaselineHandler.next_id,
                "status": "S",
                "remarks": "Message Submitted Sucessfully",
                "uid": params.get("uid"),
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass


def _serve_baseline(latency_ms: float) -> None:
    _BaselineHandler.latency_s = latency_ms / 1000.0
    server = ThreadingHTTPServer(("127.0.0.1", 0), _BaselineHandler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


# ---------------------------------------------------------------------- load generator


class _LoadClient(asyncio.Protocol):
    """One keep-alive connection sending the next request as soon as the previous reply is complete."""

    def __init__(self, request: bytes, run: _Run) -> None:
        self._request = request
        self._run = run
        self._buffer = bytearray()
        self._transport: asyncio.Transport | None = None
        self.closed = asyncio.get_running_loop().create_future()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport
        transport.write(self._request)

    def data_received(self, data: bytes) -> None:
        self._buffer += data
        end = self._buffer.find(b"\r\n\r\n")
        if end < 0:
            return
        head = bytes(self._buffer[:end]).lower()
        length = 0
        for line in head.split(b"\r\n"):
            if line.startswith(b"content-length:"):
                length = int(line[len(b"content-length:") :])
        if len(self._buffer) < end + 4 + length:
            return
        ok = head.startswith(b"http/1.1 200")
        del self._buffer[: end + 4 + length]
        self._run.done(ok)
        assert self._transport is not None
        if self._run.running:
            self._transport.write(self._request)
        else:
            self._transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.closed.done():
            self.closed.set_result(None)


@dataclass
class _Run:
    running: bool = True
    counting: bool = False
    completed: int = 0
    errors: int = 0

    def done(self, ok: bool) -> None:
        if self.counting:
            self.completed += 1
            self.errors += not ok


def _process_cpu_s(pid: int) -> float | None:
    """User + system CPU seconds of a process (Linux /proc; None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Row:
    """One measurement; CPU figures cover exactly the counted window."""

    label: str
    rate: float
    errors: int
    client_cpu: float  # share of one core
    server_cpu: float | None  # share of one core (None where /proc is missing)

    @property
    def server_us_per_request(self) -> float | None:
        """Server CPU per request: its ceiling is 1e6 / this many requests per second per core."""
        return None if self.server_cpu is None else self.server_cpu / self.rate * 1e6


async def _load(label: str, port: int, server_pid: int, concurrency: int, seconds: float) -> Row:
    request = (
        f"POST /api/SendSMS HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(REQUEST_BODY)}\r\n\r\n"
    ).encode() + REQUEST_BODY
    loop = asyncio.get_running_loop()
    run = _Run()
    clients = []
    for _ in range(concurrency):
        _, client = await loop.create_connection(lambda: _LoadClient(request, run), "127.0.0.1", port)
        clients.append(client)
    await asyncio.sleep(WARMUP_S)
    run.counting = True
    server0, cpu0, t0 = _process_cpu_s(server_pid), time.process_time(), time.perf_counter()
    await asyncio.sleep(seconds)
    run.counting = False
    elapsed, cpu, server1 = time.perf_counter() - t0, time.process_time() - cpu0, _process_cpu_s(server_pid)
    run.running = False
    await asyncio.wait_for(asyncio.gather(*(client.closed for client in clients)), timeout=10)
    server_cpu = None if server0 is None or server1 is None else (server1 - server0) / elapsed
    return Row(label, run.completed / elapsed, run.errors, cpu / elapsed, server_cpu)


def _cpus() -> tuple[int, int] | None:
    """(client CPU, server CPU) when this process may run on two or more CPUs and can pin itself."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    allowed = sorted(os.sched_getaffinity(0))
    return (allowed[0], allowed[1]) if len(allowed) >= 2 else None


PINNED = _cpus()


def measure(label: str, serve_args: list[str], concurrency: int, seconds: float) -> Row:
    """Start a server process, load it, stop it."""
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    with subprocess.Popen(
        [sys.executable, "-m", "benchmarks.sandbox_server", "--serve", *serve_args],
        stdout=subprocess.PIPE,
        text=True,
        cwd=root,
        env=env,
    ) as server:
        try:
            if PINNED is not None:  # before it accepts: its threads inherit the main thread's CPU set
                os.sched_setaffinity(server.pid, {PINNED[1]})
            assert server.stdout is not None
            port = int(server.stdout.readline())
            return asyncio.run(_load(label, port, server.pid, concurrency, seconds))
        finally:
            server.terminate()
            server.wait(10)


def _print_row(row: Row, ideal: float | None = None) -> None:
    share = f"{row.rate / ideal:4.0%} of ideal" if ideal else ""
    cost = row.server_us_per_request
    server = (
        ""
        if row.server_cpu is None or cost is None
        else f"  server CPU {row.server_cpu:4.0%} {cost:4.0f} µs/req"
    )
    print(
        f"{row.label:<52} {row.rate:7,.0f} req/s  client CPU {row.client_cpu:4.0%}{server}"
        f"  errors {row.errors}  {share}"
    )


def _median_row(label: str, rows: list[Row]) -> Row:
    rates = sorted(rows, key=lambda row: row.rate)
    middle = rates[len(rates) // 2]
    return Row(label, middle.rate, sum(row.errors for row in rows), middle.client_cpu, middle.server_cpu)


def _cheapest(rows: list[Row]) -> Row:
    """The round with the least server CPU per request (the one least disturbed by other work)."""
    return min(rows, key=lambda row: row.server_us_per_request or float("inf"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=DEFAULT_SECONDS, help="measured seconds per row")
    parser.add_argument("--rounds", type=int, default=DEFAULT_ROUNDS, help="alternating rounds at 0 ms")
    parser.add_argument("--serve", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        kind, latency_ms, *rest = args.serve
        if kind == "sandbox":
            _serve_sandbox(float(latency_ms), rest[0] if rest else None)
        else:
            _serve_baseline(float(latency_ms))
        return
    seconds = args.seconds
    print(f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, {seconds:g} s per row after a warm-up")
    if PINNED is not None:
        os.sched_setaffinity(0, {PINNED[0]})
        print(f"load generator pinned to CPU {PINNED[0]}, servers to CPU {PINNED[1]}")
    print(f"POST /api/SendSMS with a JSON body, {CONCURRENCY} keep-alive connections unless said otherwise.")
    print("The sandbox validates, charges, issues an ID and writes a ledger entry per request;")
    print("the baseline only parses the JSON and answers. 'µs/req' is the server's CPU per request.\n")
    sandbox_rows: list[Row] = []
    baseline_rows: list[Row] = []
    for round_number in range(1, args.rounds + 1):
        sandbox_rows.append(
            measure(f"[{round_number}] sandbox (asyncio), 0 ms", ["sandbox", "0"], CONCURRENCY, seconds)
        )
        _print_row(sandbox_rows[-1])
        baseline_rows.append(
            measure(
                f"[{round_number}] baseline ThreadingHTTPServer, no Nagle, 0 ms",
                ["baseline", "0"],
                CONCURRENCY,
                seconds,
            )
        )
        _print_row(baseline_rows[-1])
    sandbox = _median_row("median: sandbox, 0 ms", sandbox_rows)
    baseline = _median_row("median: baseline, 0 ms", baseline_rows)
    print()
    _print_row(sandbox)
    _print_row(baseline)
    print(f"{'ratio sandbox / baseline (median req/s)':<52} {sandbox.rate / baseline.rate:7.2f}x")
    sandbox_cost = _cheapest(sandbox_rows).server_us_per_request
    baseline_cost = _cheapest(baseline_rows).server_us_per_request
    if sandbox_cost is not None and baseline_cost is not None:
        # CPU per request is steadier than req/s on a machine that other work shares.
        print(
            f"{'server CPU per request, baseline / sandbox (best)':<52} {baseline_cost / sandbox_cost:7.2f}x"
        )
    print()
    _print_row(measure("sandbox, 0 ms, 1 connection (sequential)", ["sandbox", "0"], 1, seconds))
    ledger = Path(tempfile.gettempdir()) / f"sandbox-bench-{os.getpid()}.jsonl"
    try:
        _print_row(
            measure(
                "sandbox, 0 ms, ledger file (flushed per line)",
                ["sandbox", "0", str(ledger)],
                CONCURRENCY,
                seconds,
            )
        )
    finally:
        ledger.unlink(missing_ok=True)
    ideal = CONCURRENCY / (SLOW_LATENCY_MS / 1000.0)
    latency_s = SLOW_LATENCY_MS / 1000
    print(f"\nat {SLOW_LATENCY_MS:g} ms latency, ideal = {CONCURRENCY} / {latency_s:g} s = {ideal:.0f} req/s")
    for kind in ("sandbox", "baseline"):
        _print_row(
            measure(
                f"{kind}, {SLOW_LATENCY_MS:g} ms latency", [kind, str(SLOW_LATENCY_MS)], CONCURRENCY, seconds
            ),
            ideal,
        )


if __name__ == "__main__":
    main()
