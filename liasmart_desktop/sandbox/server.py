"""``SandboxServer`` (a loop on a daemon thread: tests, the GUI) and ``serve_forever`` (the CLI)."""

from __future__ import annotations

import asyncio
import logging
import signal
import threading
from collections.abc import Callable, Iterable
from decimal import Decimal
from types import TracebackType
from typing import Self

from liasmart_desktop.sandbox.account import Account
from liasmart_desktop.sandbox.config import SandboxConfig
from liasmart_desktop.sandbox.faults import FaultKind, FaultSelector
from liasmart_desktop.sandbox.ledger import Ledger, LedgerEntry, SandboxStats
from liasmart_desktop.sandbox.protocol import SandboxProtocol, ServerState
from liasmart_desktop.sandbox.provider import Provider

log = logging.getLogger(__name__)

#: Enough for hundreds of clients connecting at once in a benchmark.
LISTEN_BACKLOG = 1024
STOP_TIMEOUT_S = 10.0


class _Engine:
    """One server's shared state and its listening socket; lives on one event loop."""

    def __init__(self, config: SandboxConfig) -> None:
        self.config = config
        self.ledger = Ledger(
            config.ledger_path, fsync=config.fsync_ledger, memory_entries=config.ledger_memory_entries
        )
        self.account = Account(config)
        self.faults = FaultSelector(
            config.fault_rate_map(), seed=config.seed, endpoints=config.fault_endpoints
        )
        for phone, kind in config.phone_faults.items():
            self.faults.for_phone(phone, kind)
        self.state = ServerState(
            config=config,
            provider=Provider(config, self.account, self.faults),
            ledger=self.ledger,
            latency_s=config.latency_ms / 1000.0,
        )
        self.server: asyncio.Server | None = None
        self.port = config.port

    async def listen(self) -> str:
        """Start listening; return the base URL."""
        state = self.state
        self.ledger.open_file()
        try:
            self.server = await asyncio.get_running_loop().create_server(
                lambda: SandboxProtocol(state),
                self.config.host,
                self.config.port,
                ssl=self.config.ssl_context,
                backlog=LISTEN_BACKLOG,
            )
        except BaseException:
            self.ledger.close()
            raise
        self.port = self.server.sockets[0].getsockname()[1]
        log.info("sandbox listening on %s", self.base_url)
        return self.base_url

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT/api`` (``https`` with TLS)."""
        host = f"[{self.config.host}]" if ":" in self.config.host else self.config.host
        return f"{self.config.scheme}://{host}:{self.port}{self.config.base_path}"

    async def close(self) -> None:
        """Stop listening and cut every open connection."""
        assert self.server is not None  # only called after listen() succeeded
        self.server.close()
        for connection in list(self.state.connections):
            connection.abort()
        await self.server.wait_closed()
        # Let the aborted transports run connection_lost before the loop goes away.
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        log.info("sandbox stopped after %d requests", self.ledger.stats().requests)


class SandboxServer:
    """A LiaSmart-compatible server on 127.0.0.1, run by a daemon thread.

    ``with SandboxServer(SandboxConfig(...)) as sandbox:`` starts it; ``sandbox.base_url`` is what a
    client uses; ``sandbox.ledger()`` says what the server received and did. All methods are
    thread-safe.
    """

    def __init__(self, config: SandboxConfig | None = None) -> None:
        self._engine = _Engine(config or SandboxConfig())
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None

    @property
    def config(self) -> SandboxConfig:
        """The configuration it was started with."""
        return self._engine.config

    @property
    def port(self) -> int:
        """The TCP port (known once started)."""
        return self._engine.port

    @property
    def base_url(self) -> str:
        """The API base URL, e.g. ``http://127.0.0.1:54321/api``."""
        return self._engine.base_url

    def start(self) -> Self:
        """Start listening; return once connections are accepted (raise ``OSError`` if the port is taken)."""
        if self._thread is not None:
            raise RuntimeError("the sandbox server was already started")
        self._thread = threading.Thread(target=self._run, name="liasmart-sandbox", daemon=True)
        self._thread.start()
        self._ready.wait()
        if self._error is not None:
            self._thread.join()
            raise self._error
        return self

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        try:
            try:
                loop.run_until_complete(self._engine.listen())
            except BaseException as exc:  # noqa: BLE001 - handed to the starting thread
                self._error = exc
                return
            self._loop = loop
            self._ready.set()
            loop.run_forever()
            loop.run_until_complete(self._engine.close())
        finally:
            self._ready.set()
            loop.close()

    def stop(self) -> None:
        """Stop the server, cut open connections and close the ledger file. Safe to call twice."""
        loop, thread = self._loop, self._thread
        if loop is not None and thread is not None and thread.is_alive():
            loop.call_soon_threadsafe(loop.stop)
            thread.join(STOP_TIMEOUT_S)
        self._engine.ledger.close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def ledger(self) -> list[LedgerEntry]:
        """A snapshot of the ledger (oldest first)."""
        return self._engine.ledger.entries()

    def stats(self) -> SandboxStats:
        """Counts of requests, outcomes, faults and connections."""
        return self._engine.ledger.stats()

    def plan_faults(self, faults: Iterable[FaultKind | str | None]) -> None:
        """Queue faults for the next SendSMS requests, one each in order (``None``: answer normally)."""
        self._engine.faults.plan(faults)

    def planned_faults(self) -> int:
        """How many planned faults have not been used yet."""
        return self._engine.faults.planned()

    def fault_for_phone(self, phone: str, kind: FaultKind | str | None, *, times: int | None = None) -> None:
        """Give SendSMS requests to ``phone`` this fault (the next ``times``, or all); ``None`` clears."""
        self._engine.faults.for_phone(phone, kind, times)

    def set_fault_rate(self, kind: FaultKind | str, rate: float) -> None:
        """Change the random rate of one fault kind (``ValueError`` if the rates then add up past 1)."""
        self._engine.faults.set_rate(FaultKind.parse(kind), rate)

    def set_latency_ms(self, latency_ms: float) -> None:
        """Change the delay before every reply."""
        if not latency_ms >= 0:
            raise ValueError(f"latency must be zero or more milliseconds, not {latency_ms}")
        self._engine.state.latency_s = latency_ms / 1000.0

    def set_credentials(self, api_id: str | None, api_password: str | None) -> None:
        """Accept only this API ID and password from now on (``None``: any non-empty value), e.g. to
        simulate a password changed at the provider in the middle of a send."""
        self._engine.state.provider.set_credentials(api_id, api_password)

    @property
    def balance(self) -> Decimal:
        """The account's money left."""
        return self._engine.account.balance

    def set_balance(self, amount: Decimal) -> None:
        """Set the account's money left."""
        self._engine.account.set_balance(amount)


def _install_stop_signals(loop: asyncio.AbstractEventLoop, stop: Callable[[], None]) -> list[signal.Signals]:
    """Route SIGINT and SIGTERM to ``stop``; return those installed (none on Windows, off the main thread)."""
    installed: list[signal.Signals] = []
    for signum in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(signum, stop)
        except (NotImplementedError, RuntimeError, ValueError):
            break  # Windows, or not the main thread: Ctrl-C still arrives as KeyboardInterrupt
        installed.append(signum)
    return installed


def serve_forever(config: SandboxConfig, announce: Callable[[str], None]) -> SandboxStats:
    """Serve in the calling thread until Ctrl-C or SIGTERM; ``announce(base_url)`` once listening.

    Returns the final counts. A port already in use raises ``OSError`` before ``announce``.
    """
    engine = _Engine(config)

    async def main() -> None:
        stopped = asyncio.Event()
        base_url = await engine.listen()
        _install_stop_signals(asyncio.get_running_loop(), stopped.set)
        try:
            announce(base_url)
            await stopped.wait()
        finally:
            await engine.close()

    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        log.info("sandbox interrupted")
    finally:
        engine.ledger.close()
    return engine.ledger.stats()
