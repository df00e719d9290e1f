"""``LiaSmartClient``: POST-with-JSON calls to SendSMS, CheckBalance and GetDeliveryStatus.

The password travels only in the JSON body of a POST: never in a URL (which httpx logs at INFO
and proxies record), a log line, an exception or a ``repr``. One client may be shared by many
sender threads; its connection pool is sized to the concurrency so no request waits on the pool.
"""

from __future__ import annotations

import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Self

import httpx

from liasmart_desktop import __version__
from liasmart_desktop.core.api.outcome import (
    DeadlineExceededError,
    Outcome,
    OutcomeKind,
    RawResponse,
    classify,
)
from liasmart_desktop.core.api.payloads import (
    Balance,
    DeliveryReport,
    Endpoint,
    SmsMessage,
    build_body,
)
from liasmart_desktop.core.api.proxies import environment_proxy
from liasmart_desktop.core.api.tls import make_ssl_context
from liasmart_desktop.core.api.urls import check_base_url, endpoint_url
from liasmart_desktop.core.credentials import Credentials
from liasmart_desktop.core.errors import ApiError
from liasmart_desktop.core.logs import register_secret
from liasmart_desktop.core.settings import DEFAULT_BASE_URL

CONNECT_TIMEOUT_S = 10.0
#: Generous: a provider answering in 10 s must not turn messages into "unknown".
READ_TIMEOUT_S = 30.0
WRITE_TIMEOUT_S = 10.0
POOL_TIMEOUT_S = 10.0
#: The read timeout is per chunk; this bounds a reply that trickles in byte by byte.
REQUEST_DEADLINE_S = 60.0
#: An HTML error page from a proxy can be large; nothing we read is longer than a few hundred bytes.
MAX_RESPONSE_BYTES = 64 * 1024
#: Well below common server idle timeouts, so a pooled connection is rarely closed under us.
KEEPALIVE_EXPIRY_S = 4.0
DEFAULT_MAX_CONNECTIONS = 8


@dataclass(frozen=True, slots=True)
class Timeouts:
    """How long a request may take, phase by phase, and overall (``deadline_s``)."""

    connect_s: float
    read_s: float
    write_s: float
    pool_s: float
    deadline_s: float


def default_timeouts() -> Timeouts:
    """The module constants, read when a client is made."""
    return Timeouts(CONNECT_TIMEOUT_S, READ_TIMEOUT_S, WRITE_TIMEOUT_S, POOL_TIMEOUT_S, REQUEST_DEADLINE_S)


class LiaSmartClient:
    """A thread-safe client for the three LiaSmart API methods.

    Args:
        credentials: the API ID and password.
        base_url: ``https://…/api``; plain ``http`` only to this computer (the sandbox).
        max_connections: the pool size; keep it at least the number of threads sharing the client.
        use_system_trust_store: verify TLS against the OS store instead of certifi's bundle.
        ssl_context: a verifying context to use instead (tests pass one trusting their own CA);
            one that skips certificate or host name checks is refused with ``ValueError``.
        transport: an httpx transport to use instead of the network (tests pass ``MockTransport``).
        require_uid_echo: a SendSMS success must echo our ``uid`` or it is treated as unknown.
        clock: a monotonic clock, for the per-request deadline.
        timeouts: per-phase timeouts and the overall deadline (default: the module constants).
    """

    def __init__(
        self,
        credentials: Credentials,
        *,
        base_url: str = DEFAULT_BASE_URL,
        max_connections: int = DEFAULT_MAX_CONNECTIONS,
        use_system_trust_store: bool = False,
        ssl_context: ssl.SSLContext | None = None,
        transport: httpx.BaseTransport | None = None,
        require_uid_echo: bool = False,
        clock: Callable[[], float] = time.monotonic,
        timeouts: Timeouts | None = None,
    ) -> None:
        if ssl_context is not None and not (
            ssl_context.verify_mode == ssl.CERT_REQUIRED and ssl_context.check_hostname
        ):
            # A context is for extra trust (a test CA, an office root), never for less checking.
            raise ValueError("ssl_context must verify the certificate and the host name")
        self._base_url = check_base_url(base_url)
        self._credentials = credentials
        self._require_uid_echo = require_uid_echo
        self._clock = clock
        timeouts = timeouts or default_timeouts()
        self._deadline_s = timeouts.deadline_s
        register_secret(credentials.password)
        pool = max(1, max_connections)
        # One transport, not an ``httpx.Client``: the client's per-request work (URL and header merging,
        # cookies, redirect and auth hooks) cost as much CPU as HTTP itself, and 32 sender threads share
        # one GIL (benchmarks/send_throughput.py). Redirects are not followed; proxies come from
        # ``proxies.py``, which applies httpx's own environment rules.
        self._transport = transport or httpx.HTTPTransport(
            verify=ssl_context or make_ssl_context(use_system_trust_store=use_system_trust_store),
            limits=httpx.Limits(
                max_connections=pool,
                max_keepalive_connections=pool,
                keepalive_expiry=KEEPALIVE_EXPIRY_S,
            ),
            proxy=environment_proxy(httpx.URL(self._base_url)),
        )
        self._extensions = {
            "timeout": httpx.Timeout(
                connect=timeouts.connect_s,
                read=timeouts.read_s,
                write=timeouts.write_s,
                pool=timeouts.pool_s,
            ).as_dict()
        }
        self._closed = False
        # Parsed once: every send would otherwise parse the same URL and normalise the same headers.
        self._urls = {endpoint: httpx.URL(endpoint_url(self._base_url, endpoint)) for endpoint in Endpoint}
        self._headers = httpx.Headers(
            {
                "User-Agent": f"LiaSmartDesktop/{__version__}",
                "Accept": "application/json",
                "Content-Type": "application/json",
            }
        )

    def __repr__(self) -> str:
        return f"LiaSmartClient(base_url={self._base_url!r}, api_id={self._credentials.api_id!r})"

    @property
    def base_url(self) -> str:
        """The checked base URL, without a trailing slash."""
        return self._base_url

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the pooled connections; later calls send nothing."""
        self._closed = True
        self._transport.close()

    def send_sms(self, message: SmsMessage) -> Outcome:
        """Submit one message; every result, failures included, comes back as an ``Outcome``."""
        return self._call(Endpoint.SEND_SMS, message.params(), sent_uid=message.uid)

    def check_balance(self) -> Balance:
        """Return the balance; raise ``ApiError`` with the outcome otherwise.

        It proves the credentials and the IP allow-list without sending an SMS.
        """
        outcome = self._call(Endpoint.CHECK_BALANCE, {})
        if outcome.kind is not OutcomeKind.ACCEPTED or outcome.balance is None:
            raise ApiError(outcome)
        return outcome.balance

    def get_delivery_status(self, message_id: str) -> DeliveryReport:
        """Return what the provider knows about ``message_id``; raise ``ApiError`` otherwise."""
        outcome = self._call(
            Endpoint.GET_DELIVERY_STATUS, {"message_id": message_id}, asked_message_id=message_id
        )
        if outcome.kind is not OutcomeKind.ACCEPTED or outcome.report is None:
            raise ApiError(outcome)
        return outcome.report

    def _call(
        self,
        endpoint: Endpoint,
        params: dict[str, str],
        *,
        sent_uid: str | None = None,
        asked_message_id: str = "",
    ) -> Outcome:
        body = build_body(
            {
                "api_id": self._credentials.api_id,
                "api_password": self._credentials.password,
                **params,
            }
        )
        try:
            raw = self._post(self._urls[endpoint], body)
        except Exception as exc:  # noqa: BLE001 - every failure is classified, none escapes
            return classify(endpoint, exc)
        try:
            return classify(
                endpoint,
                raw,
                sent_uid=sent_uid,
                asked_message_id=asked_message_id,
                require_uid_echo=self._require_uid_echo,
            )
        except Exception as exc:  # noqa: BLE001 - a reply the parser chokes on is unknown, not a crash
            return classify(endpoint, exc)

    def _post(self, url: httpx.URL, body: bytes) -> RawResponse:
        if self._closed:
            raise RuntimeError("the client was closed")
        deadline = self._clock() + self._deadline_s
        request = httpx.Request("POST", url, content=body, headers=self._headers, extensions=self._extensions)
        response = self._transport.handle_request(request)
        try:
            headers = {key.lower(): value for key, value in response.headers.items()}
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_RESPONSE_BYTES:
                    return RawResponse(response.status_code, headers, b"", too_large=True)
                if self._clock() > deadline:
                    raise DeadlineExceededError(f"no complete reply within {self._deadline_s:g} s")
                chunks.append(chunk)
            return RawResponse(response.status_code, headers, b"".join(chunks))
        finally:
            response.close()
