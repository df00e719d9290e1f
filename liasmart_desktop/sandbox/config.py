"""``SandboxConfig``: how the sandbox behaves from the start (runtime changes go through the server)."""

from __future__ import annotations

import ipaddress
import os
import ssl
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from liasmart_desktop.sandbox.faults import FaultKind, check_rates
from liasmart_desktop.sandbox.params import SEND_SMS

DEFAULT_HOST = "127.0.0.1"
DEFAULT_BASE_PATH = "/api"
DEFAULT_LATENCY_MS = 0.0
DEFAULT_BALANCE = Decimal(10000)
DEFAULT_PRICE_PER_PART = Decimal("0.01")
DEFAULT_CURRENCY = "USD"
#: Delivery reports stay "Pending" this long after the message was accepted.
DEFAULT_DLR_DELAY_S = 5.0
DEFAULT_RETRY_AFTER_S = 2
#: Beyond the client's 30 s read timeout and its 60 s per-request deadline.
DEFAULT_SLOW_MS = 120_000.0
#: The "slow drip" of the fault matrix: one byte every 0.8 s.
DEFAULT_DRIP_INTERVAL_MS = 800.0
DEFAULT_HUGE_BYTES = 10 * 1024 * 1024
#: Real servers close idle keep-alive connections; clients must cope with a stale pooled one.
DEFAULT_IDLE_TIMEOUT_S = 60.0
DEFAULT_MAX_BODY_BYTES = 64 * 1024
DEFAULT_MAX_HEADER_BYTES = 16 * 1024
#: The in-memory ledger keeps the newest entries only, so a sandbox left running does not grow forever.
DEFAULT_LEDGER_MEMORY_ENTRIES = 100_000
DEFAULT_STATUS_F_REMARKS = "Invalid Mobile Number"
DEFAULT_REFUSE_REMARKS = "IP not Whitelisted"
HTML_STATUSES = frozenset({200, 502})
MAX_PORT = 65535


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_non_negative(name: str, value: float) -> None:
    if not value >= 0:  # also refuses NaN
        raise ValueError(f"{name} must be zero or more, not {value}")


def _check_fraction(name: str, value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must be between 0 and 1, not {value}")


@dataclass(frozen=True, slots=True)
class SandboxConfig:
    """How the sandbox behaves. Every field has a working default; ``SandboxConfig()`` is a
    well-behaved provider on a free port that accepts any non-empty credentials.

    ``api_id``/``api_password`` left ``None`` accept any non-empty value; set them to check.
    ``fault_rates`` maps fault kinds (or their names) to per-request probabilities; ``fail_rate``
    adds to the ``status_f`` rate. Random faults hit only the endpoints in ``fault_endpoints``.
    ``retry_after`` is sent on 429 and 503: an int is seconds (or an HTTP-date that many seconds
    ahead with ``retry_after_http_date``), a string goes out verbatim, ``None`` sends no header.
    """

    host: str = DEFAULT_HOST
    port: int = 0
    base_path: str = DEFAULT_BASE_PATH
    latency_ms: float = DEFAULT_LATENCY_MS
    fault_rates: Mapping[FaultKind | str, float] = field(default_factory=dict)
    fail_rate: float = 0.0
    fault_endpoints: frozenset[str] = frozenset({SEND_SMS})
    phone_faults: Mapping[str, FaultKind | str] = field(default_factory=dict)
    seed: int | None = None
    ledger_path: Path | None = None
    fsync_ledger: bool = False
    ledger_memory_entries: int | None = DEFAULT_LEDGER_MEMORY_ENTRIES
    api_id: str | None = None
    api_password: str | None = field(default=None, repr=False)
    balance: Decimal = DEFAULT_BALANCE
    currency: str = DEFAULT_CURRENCY
    price_per_part: Decimal = DEFAULT_PRICE_PER_PART
    allow_transactional: bool = True
    sender_ids: frozenset[str] | None = None
    dlr_delay_s: float = DEFAULT_DLR_DELAY_S
    dlr_fail_rate: float = 0.0
    dlr_fail_phones: frozenset[str] = frozenset()
    retry_after: int | str | None = DEFAULT_RETRY_AFTER_S
    retry_after_http_date: bool = False
    slow_ms: float = DEFAULT_SLOW_MS
    drip_interval_ms: float = DEFAULT_DRIP_INTERVAL_MS
    html_status: int = 502
    huge_bytes: int = DEFAULT_HUGE_BYTES
    status_f_remarks: str = DEFAULT_STATUS_F_REMARKS
    refuse_remarks: str = DEFAULT_REFUSE_REMARKS
    idle_timeout_s: float | None = DEFAULT_IDLE_TIMEOUT_S
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    max_header_bytes: int = DEFAULT_MAX_HEADER_BYTES
    ssl_context: ssl.SSLContext | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not _is_loopback(self.host):
            raise ValueError(f"the sandbox listens on this computer only, not on {self.host!r}")
        if self.host.lower() == "localhost":
            # "localhost" may bind 127.0.0.1 and ::1 on two different free ports; one address is clearer.
            object.__setattr__(self, "host", DEFAULT_HOST)
        if not 0 <= self.port <= MAX_PORT:
            raise ValueError(f"port must be between 0 and {MAX_PORT}, not {self.port}")
        for name in ("latency_ms", "slow_ms", "drip_interval_ms", "dlr_delay_s"):
            _check_non_negative(name, getattr(self, name))
        _check_fraction("fail_rate", self.fail_rate)
        _check_fraction("dlr_fail_rate", self.dlr_fail_rate)
        check_rates(self.fault_rate_map())
        for phone, kind in self.phone_faults.items():
            FaultKind.parse(kind)  # raises for an unknown name
            if not phone:
                raise ValueError("a phone fault needs a phone number")
        # Normalise so ``/api``, ``api/`` and ``/api/`` mean the same prefix; "" or "/" is the root.
        object.__setattr__(
            self, "base_path", "/" + self.base_path.strip("/") if self.base_path.strip("/") else ""
        )
        object.__setattr__(self, "balance", Decimal(str(self.balance)))
        object.__setattr__(self, "price_per_part", Decimal(str(self.price_per_part)))
        _check_non_negative("balance", float(self.balance))
        _check_non_negative("price_per_part", float(self.price_per_part))
        if self.ledger_path is not None:
            object.__setattr__(self, "ledger_path", Path(os.fspath(self.ledger_path)))
        if self.ledger_memory_entries is not None and self.ledger_memory_entries < 1:
            raise ValueError("ledger_memory_entries must be at least 1 (or None to keep all)")
        if isinstance(self.retry_after, int) and self.retry_after < 0:
            raise ValueError(f"retry_after must be zero or more seconds, not {self.retry_after}")
        if self.html_status not in HTML_STATUSES:
            raise ValueError(f"html_status must be 200 or 502, not {self.html_status}")
        if self.huge_bytes < 1 or self.max_body_bytes < 1 or self.max_header_bytes < 1:
            raise ValueError("huge_bytes, max_body_bytes and max_header_bytes must be positive")
        if self.idle_timeout_s is not None and not self.idle_timeout_s > 0:
            raise ValueError(f"idle_timeout_s must be positive (or None), not {self.idle_timeout_s}")

    def fault_rate_map(self) -> dict[FaultKind, float]:
        """``fault_rates`` with the names parsed and ``fail_rate`` added to ``status_f``."""
        rates: dict[FaultKind, float] = {}
        for kind, rate in self.fault_rates.items():
            parsed = FaultKind.parse(kind)
            rates[parsed] = rates.get(parsed, 0.0) + rate
        if self.fail_rate:
            rates[FaultKind.STATUS_F] = rates.get(FaultKind.STATUS_F, 0.0) + self.fail_rate
        return rates

    @property
    def scheme(self) -> str:
        """``https`` when an ``ssl_context`` is set, else ``http``."""
        return "https" if self.ssl_context is not None else "http"
