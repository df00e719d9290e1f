"""``LiaSmartClient`` over real sockets on 127.0.0.1: plain HTTP, TLS with a test CA, proxies, faults."""

from __future__ import annotations

import json
import ssl
from collections.abc import Iterator

import pytest
import trustme

from liasmart_desktop.core.api import LiaSmartClient, OutcomeKind, Reason
from liasmart_desktop.core.api import client as client_module
from tests.core.api_support import CREDENTIALS, UID, sms
from tests.core.local_server import LocalServer, RawTcpServer, unused_port

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    """A certificate authority no trust store knows."""
    return trustme.CA()


def _server_context(ca: trustme.CA, *names: str) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ca.issue_cert(*names).configure_cert(context)
    return context


def _trusting(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context()
    ca.configure_trust(context)
    return context


@pytest.fixture
def tls_server(ca: trustme.CA) -> Iterator[LocalServer]:
    with LocalServer(tls=_server_context(ca, "127.0.0.1", "localhost")) as server:
        yield server


def test_plain_http_to_this_computer(monkeypatch: pytest.MonkeyPatch) -> None:
    with LocalServer() as server, LiaSmartClient(CREDENTIALS, base_url=f"{server.url}/api/") as client:
        outcome = client.send_sms(sms())
    assert (outcome.kind, outcome.message_id) == (OutcomeKind.ACCEPTED, "26471304")
    (request,) = server.received
    assert (request.method, request.path) == ("POST", "/api/SendSMS")
    assert request.headers["content-type"] == "application/json"
    assert json.loads(request.body)["uid"] == UID


def test_proxy_variables_are_ignored_for_this_computer(monkeypatch: pytest.MonkeyPatch) -> None:
    dead_proxy = f"http://127.0.0.1:{unused_port()}"
    for name in PROXY_VARIABLES:
        monkeypatch.setenv(name, dead_proxy)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    with LocalServer() as server, LiaSmartClient(CREDENTIALS, base_url=f"{server.url}/api") as client:
        outcome = client.send_sms(sms())
    assert outcome.kind is OutcomeKind.ACCEPTED
    assert len(server.received) == 1


def test_proxy_variables_are_used_for_the_provider(monkeypatch: pytest.MonkeyPatch) -> None:
    with LocalServer() as proxy:
        for name in PROXY_VARIABLES:
            monkeypatch.setenv(name, proxy.url)
        monkeypatch.delenv("NO_PROXY", raising=False)
        monkeypatch.delenv("no_proxy", raising=False)
        with LiaSmartClient(CREDENTIALS, base_url="https://api.liasmart.test/api") as client:
            outcome = client.send_sms(sms())
    # The office proxy wants a login (407 to CONNECT): a setup problem, nothing was sent.
    assert (outcome.kind, outcome.reason) == (OutcomeKind.REFUSED, Reason.PROXY)
    assert outcome.reached_provider is False
    (tunnel,) = proxy.received
    assert (tunnel.method, tunnel.path) == ("CONNECT", "api.liasmart.test:443")
    assert CREDENTIALS.password not in repr(tunnel)


def test_untrusted_certificate_is_refused(tls_server: LocalServer) -> None:
    with LiaSmartClient(CREDENTIALS, base_url=f"{tls_server.url}/api") as client:
        outcome = client.send_sms(sms())
    assert (outcome.kind, outcome.reason) == (OutcomeKind.REFUSED, Reason.TLS_CERTIFICATE)
    assert "CERTIFICATE_VERIFY_FAILED" in outcome.detail
    assert outcome.reached_provider is False
    assert tls_server.received == []


def test_untrusted_certificate_is_refused_by_the_system_store(tls_server: LocalServer) -> None:
    base_url = f"{tls_server.url}/api"
    with LiaSmartClient(CREDENTIALS, base_url=base_url, use_system_trust_store=True) as client:
        outcome = client.send_sms(sms())
    assert (outcome.kind, outcome.reason) == (OutcomeKind.REFUSED, Reason.TLS_CERTIFICATE)
    assert tls_server.received == []


def test_a_context_trusting_the_ca_gets_through(ca: trustme.CA, tls_server: LocalServer) -> None:
    base_url = f"{tls_server.url}/api"
    with LiaSmartClient(CREDENTIALS, base_url=base_url, ssl_context=_trusting(ca)) as client:
        outcome = client.send_sms(sms())
        second = client.send_sms(sms(uid=None))  # a second request on the same pool
    assert (outcome.kind, outcome.message_id) == (OutcomeKind.ACCEPTED, "26471304")
    assert second.kind is OutcomeKind.ACCEPTED
    assert len(tls_server.received) == 2


def test_a_certificate_for_another_host_is_refused(ca: trustme.CA) -> None:
    with (
        LocalServer(tls=_server_context(ca, "api.liasmart.com")) as server,
        LiaSmartClient(CREDENTIALS, base_url=f"{server.url}/api", ssl_context=_trusting(ca)) as client,
    ):
        outcome = client.send_sms(sms())
    assert (outcome.kind, outcome.reason) == (OutcomeKind.REFUSED, Reason.TLS_CERTIFICATE)
    assert server.received == []


def test_nobody_listening_is_not_sent() -> None:
    base_url = f"http://127.0.0.1:{unused_port()}/api"
    with LiaSmartClient(CREDENTIALS, base_url=base_url) as client:
        outcome = client.send_sms(sms())
    assert (outcome.kind, outcome.reason) == (OutcomeKind.NOT_SENT, Reason.CONNECT_FAILED)
    assert outcome.reached_provider is False


def test_hang_up_after_the_request_is_unknown() -> None:
    with RawTcpServer(hang_up=True) as server, LiaSmartClient(CREDENTIALS, base_url=server.url) as client:
        outcome = client.send_sms(sms())
    assert server.request_seen.is_set()
    assert (outcome.kind, outcome.reason) == (OutcomeKind.UNKNOWN, Reason.CONNECTION_LOST)
    assert outcome.reached_provider is None


def test_no_reply_in_time_is_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(client_module, "READ_TIMEOUT_S", 0.2)
    with RawTcpServer(hang_up=False) as server, LiaSmartClient(CREDENTIALS, base_url=server.url) as client:
        outcome = client.send_sms(sms())
    assert server.request_seen.is_set()
    assert (outcome.kind, outcome.reason) == (OutcomeKind.UNKNOWN, Reason.READ_TIMEOUT)
