"""HTTPS with a trustme certificate: a client trusting the CA connects, one that does not is refused."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from decimal import Decimal

import httpx
import pytest
import trustme

from liasmart_desktop.core.api.client import LiaSmartClient
from liasmart_desktop.core.api.outcome import OutcomeKind, Reason
from liasmart_desktop.core.api.payloads import SmsMessage
from liasmart_desktop.core.credentials import Credentials
from liasmart_desktop.sandbox import SandboxServer
from tests.sandbox.conftest import CREDENTIALS, ServerFactory, send_body


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def tls_sandbox(start_sandbox: ServerFactory, ca: trustme.CA) -> SandboxServer:
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(server_context)
    return start_sandbox(ssl_context=server_context, dlr_delay_s=0)


@pytest.fixture
def trusting_context(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context()
    ca.configure_trust(context)
    return context


@pytest.fixture
def tls_client(tls_sandbox: SandboxServer, trusting_context: ssl.SSLContext) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=tls_sandbox.base_url, verify=trusting_context, timeout=5) as client:
        yield client


def test_base_url_is_https(tls_sandbox: SandboxServer) -> None:
    assert tls_sandbox.base_url == f"https://127.0.0.1:{tls_sandbox.port}/api"


def test_a_client_trusting_the_ca_connects_and_keeps_the_connection(
    tls_client: httpx.Client, tls_sandbox: SandboxServer
) -> None:
    assert tls_client.post("/SendSMS", json=send_body()).json()["status"] == "S"
    assert tls_client.post("/CheckBalance", json=CREDENTIALS).json()["CurrenceCode"] == "USD"

    first, second = tls_sandbox.ledger()
    assert first["connection"] == second["connection"]


def test_a_client_not_trusting_the_ca_is_refused(tls_sandbox: SandboxServer) -> None:
    with (
        httpx.Client(verify=ssl.create_default_context(), timeout=5) as client,
        pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"),
    ):
        client.post(tls_sandbox.base_url + "/SendSMS", json=send_body())

    assert tls_sandbox.ledger() == []


def test_faults_work_over_tls(tls_client: httpx.Client, tls_sandbox: SandboxServer) -> None:
    tls_sandbox.plan_faults(["drop", "reset", "http429"])

    with pytest.raises(httpx.RemoteProtocolError):
        tls_client.post("/SendSMS", json=send_body())
    with pytest.raises(httpx.TransportError):
        tls_client.post("/SendSMS", json=send_body())
    assert tls_client.post("/SendSMS", json=send_body()).status_code == 429

    assert [entry["processed"] for entry in tls_sandbox.ledger()] == [True, False, False]


def test_the_project_client_talks_to_the_sandbox(
    tls_sandbox: SandboxServer, trusting_context: ssl.SSLContext
) -> None:
    credentials = Credentials("API43404236", "sandbox-test-password")
    message = SmsMessage("8613912345678", "您好", "LIASMART", "P", "U", uid="c9-1-1")
    with LiaSmartClient(credentials, base_url=tls_sandbox.base_url, ssl_context=trusting_context) as client:
        accepted = client.send_sms(message)
        tls_sandbox.plan_faults(["uid_mismatch"])
        mismatched = client.send_sms(message)
        balance = client.check_balance()
        report = client.get_delivery_status(accepted.message_id or "")

    assert accepted.kind is OutcomeKind.ACCEPTED
    assert accepted.message_id == tls_sandbox.ledger()[0]["message_id"]
    assert accepted.uid == "c9-1-1"
    assert mismatched.kind is OutcomeKind.UNKNOWN
    assert mismatched.reason is Reason.UID_MISMATCH
    assert balance.amount == Decimal("9999.98")
    assert report.status == "Delivered"
    assert report.message_id == accepted.message_id
