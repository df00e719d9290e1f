"""Every fault kind, what the client sees and what the ledger says; planned, phone-keyed and random faults."""

from __future__ import annotations

import email.utils
import json
import socket
import time
from datetime import UTC, datetime
from decimal import Decimal

import httpx
import pytest

from liasmart_desktop.sandbox import FaultKind, SandboxServer
from liasmart_desktop.sandbox.faults import FaultSelector
from tests.sandbox.conftest import CREDENTIALS, ServerFactory, http_request, send_body


def only_entry(server: SandboxServer) -> dict[str, object]:
    (entry,) = server.ledger()
    return dict(entry)


@pytest.mark.parametrize(
    ("kind", "status", "processed"),
    [
        (FaultKind.HTTP500, 500, True),
        (FaultKind.HTTP503, 503, False),
        (FaultKind.HTTP429, 429, False),
        (FaultKind.HTTP408, 408, False),
        (FaultKind.HTTP401, 401, False),
        (FaultKind.HTML, 502, True),
        (FaultKind.REDIRECT, 302, False),
        (FaultKind.GARBLED, 200, True),
        (FaultKind.EMPTY, 200, True),
        (FaultKind.TRUNCATED, 200, True),
    ],
)
def test_reply_faults(
    client: httpx.Client, sandbox: SandboxServer, kind: FaultKind, status: int, processed: bool
) -> None:
    sandbox.plan_faults([kind])

    response = client.post("/SendSMS", json=send_body())

    assert response.status_code == status
    assert kind.processes is processed
    entry = only_entry(sandbox)
    assert entry["fault"] == kind.value
    assert entry["processed"] is processed
    assert entry["http_status"] == status
    assert entry["answered"] is True
    assert (entry["status"] == "S") is processed
    assert (entry["message_id"] is not None) is processed
    if status == 200:
        with pytest.raises(json.JSONDecodeError):
            json.loads(response.content)
    # The fault hit one request only; the next is normal.
    assert client.post("/SendSMS", json=send_body()).json()["status"] == "S"


def test_html_page_and_its_200_variant(start_sandbox: ServerFactory) -> None:
    for html_status in (502, 200):
        server = start_sandbox(html_status=html_status)
        server.plan_faults(["html"])
        response = httpx.post(server.base_url + "/SendSMS", json=send_body())
        assert response.status_code == html_status
        assert response.headers["content-type"].startswith("text/html")
        assert response.text.lstrip().startswith("<")


def test_truncated_json_is_half_a_body_with_a_matching_length(
    client: httpx.Client, sandbox: SandboxServer
) -> None:
    sandbox.plan_faults([None, "truncated"])
    whole = client.post("/SendSMS", json=send_body()).content

    cut = client.post("/SendSMS", json=send_body()).content

    assert len(cut) == len(whole) // 2
    assert cut.startswith(b'{"message_id": ')


def test_garbled_body_is_text(client: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.plan_faults(["garbled"])

    response = client.post("/SendSMS", json=send_body())

    assert response.text == f"status=S&message_id={only_entry(sandbox)['message_id']}\n"


def test_redirect_points_to_this_server(client: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.plan_faults(["redirect"])

    assert client.post("/SendSMS", json=send_body()).headers["location"] == "/maintenance"


def test_408_closes_the_connection(client: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.plan_faults(["http408"])

    assert client.post("/SendSMS", json=send_body()).headers["connection"] == "close"
    client.post("/SendSMS", json=send_body())
    first, second = sandbox.ledger()
    assert first["connection"] != second["connection"]


def test_429_and_503_carry_retry_after_seconds(client: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.plan_faults(["http429", "http503"])

    limited = client.post("/SendSMS", json=send_body())
    unavailable = client.post("/SendSMS", json=send_body())

    assert limited.headers["retry-after"] == "2"
    assert limited.json() == {"status": "F", "remarks": "Too Many Requests"}
    assert unavailable.headers["retry-after"] == "2"


def test_retry_after_as_http_date(start_sandbox: ServerFactory) -> None:
    server = start_sandbox(retry_after=30, retry_after_http_date=True)
    server.plan_faults(["http429"])

    value = httpx.post(server.base_url + "/SendSMS", json=send_body()).headers["retry-after"]

    when = email.utils.parsedate_to_datetime(value)
    assert value.endswith(" GMT")
    assert 25 <= (when - datetime.now(UTC)).total_seconds() <= 31


@pytest.mark.parametrize(("setting", "header"), [("soon-ish", "soon-ish"), (None, None), (0, "0")])
def test_retry_after_verbatim_or_absent(
    start_sandbox: ServerFactory, setting: int | str | None, header: str | None
) -> None:
    server = start_sandbox(retry_after=setting)
    server.plan_faults(["http429"])

    response = httpx.post(server.base_url + "/SendSMS", json=send_body())

    assert response.status_code == 429
    assert response.headers.get("retry-after") == header


def test_drop_processes_then_closes_without_a_reply(client: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.plan_faults(["drop"])

    with pytest.raises(httpx.RemoteProtocolError):
        client.post("/SendSMS", json=send_body())

    entry = only_entry(sandbox)
    assert entry["fault"] == "drop"
    assert entry["processed"] is True
    assert entry["status"] == "S"
    assert entry["http_status"] is None
    assert entry["answered"] is False
    assert sandbox.balance == Decimal("9999.99")  # it was charged


def test_reset_closes_without_processing(sandbox: SandboxServer) -> None:
    sandbox.plan_faults(["reset"])
    request = http_request("POST", "/api/SendSMS", json.dumps(send_body()).encode())

    with socket.create_connection(("127.0.0.1", sandbox.port), timeout=5) as sock:
        sock.sendall(request)
        with pytest.raises(ConnectionResetError):
            sock.recv(1024)

    entry = only_entry(sandbox)
    assert entry["processed"] is False
    assert entry["status"] is None
    assert entry["answered"] is False
    assert sandbox.balance == 10000


def test_reset_surfaces_in_httpx_as_a_transport_error(client: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.plan_faults(["reset"])

    with pytest.raises(httpx.TransportError):
        client.post("/SendSMS", json=send_body())


def test_slow_reply_outlasts_a_read_timeout_but_was_processed(
    start_sandbox: ServerFactory,
) -> None:
    server = start_sandbox(slow_ms=60_000)
    server.plan_faults(["slow"])

    with httpx.Client(base_url=server.base_url, timeout=httpx.Timeout(5.0, read=0.2)) as client:
        started = time.monotonic()
        with pytest.raises(httpx.ReadTimeout):
            client.post("/SendSMS", json=send_body())
        assert time.monotonic() - started < 2

    entry = only_entry(server)
    assert entry["processed"] is True
    assert entry["answered"] is True
    assert entry["http_status"] == 200


def test_slow_reply_does_arrive_when_the_client_waits(start_sandbox: ServerFactory) -> None:
    server = start_sandbox(slow_ms=300)
    server.plan_faults(["slow"])
    started = time.monotonic()

    response = httpx.post(server.base_url + "/SendSMS", json=send_body(), timeout=5)

    assert time.monotonic() - started >= 0.3
    assert response.json()["status"] == "S"


def test_drip_sends_one_byte_at_a_time(start_sandbox: ServerFactory) -> None:
    server = start_sandbox(drip_interval_ms=500)
    server.plan_faults(["drip"])

    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(http_request("POST", "/api/SendSMS", json.dumps(send_body()).encode()))
        assert sock.recv(1024) == b"H"  # the next byte is half a second away


def test_drip_reply_is_complete_and_the_connection_reusable(start_sandbox: ServerFactory) -> None:
    server = start_sandbox(drip_interval_ms=0)
    server.plan_faults(["drip"])

    with httpx.Client(base_url=server.base_url, timeout=5) as client:
        assert client.post("/SendSMS", json=send_body()).json()["status"] == "S"
        assert client.post("/SendSMS", json=send_body()).json()["status"] == "S"

    first, second = server.ledger()
    assert first["fault"] == "drip"
    assert first["connection"] == second["connection"]


def test_huge_body_is_json_of_the_configured_size(start_sandbox: ServerFactory) -> None:
    server = start_sandbox(huge_bytes=200_000)
    server.plan_faults(["huge"])

    response = httpx.post(server.base_url + "/SendSMS", json=send_body())

    assert len(response.content) == 200_000
    assert response.json()["status"] == "S"


def test_status_f_is_a_row_level_refusal(client: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.plan_faults(["status_f"])

    assert client.post("/SendSMS", json=send_body()).json() == {
        "status": "F",
        "remarks": "Invalid Mobile Number",
    }
    entry = only_entry(sandbox)
    assert entry["processed"] is False
    assert entry["status"] == "F"


def test_refuse_is_an_account_level_refusal(start_sandbox: ServerFactory) -> None:
    server = start_sandbox(refuse_remarks="IP not Whitelisted")
    server.plan_faults(["refuse"])

    data = httpx.post(server.base_url + "/SendSMS", json=send_body()).json()

    assert data == {"status": "F", "remarks": "IP not Whitelisted"}
    assert only_entry(server)["processed"] is False


def test_uid_mismatch_answers_s_with_another_uid(client: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.plan_faults(["uid_mismatch", "uid_mismatch", "uid_mismatch"])

    with_uid = client.post("/SendSMS", json=send_body(uid="c1-7-1")).json()
    without_uid = client.post("/SendSMS", json=send_body(uid=None)).json()
    refused = client.post("/SendSMS", json=send_body(phonenumber="12")).json()

    assert with_uid["status"] == "S"
    assert with_uid["uid"] == "c1-7-1-other"
    assert without_uid["uid"] == "sandbox-unexpected-uid"
    assert refused == {"status": "F", "remarks": "Invalid Mobile Number"}
    assert [entry["processed"] for entry in sandbox.ledger()] == [True, True, False]


def test_a_processing_fault_on_an_invalid_request_processes_nothing(
    client: httpx.Client, sandbox: SandboxServer
) -> None:
    sandbox.plan_faults(["http500"])

    assert client.post("/SendSMS", json=send_body(textmessage="")).status_code == 500
    entry = only_entry(sandbox)
    assert entry["processed"] is False
    assert entry["remarks"] == "Message Text is Empty"


def test_plan_faults_is_consumed_in_order_by_send_requests_only(
    client: httpx.Client, sandbox: SandboxServer
) -> None:
    sandbox.plan_faults([FaultKind.HTTP500, None, "http429"])

    statuses = []
    for _ in range(4):
        client.post("/CheckBalance", json=CREDENTIALS)  # never consumes a planned fault
        statuses.append(client.post("/SendSMS", json=send_body()).status_code)

    assert statuses == [500, 200, 429, 200]
    assert sandbox.planned_faults() == 0
    faults = [entry["fault"] for entry in sandbox.ledger() if entry["endpoint"] == "SendSMS"]
    assert faults == ["http500", None, "http429", None]


def test_phone_faults_take_precedence_and_can_be_limited(
    client: httpx.Client, sandbox: SandboxServer
) -> None:
    sandbox.plan_faults(["http503"])
    sandbox.fault_for_phone("447700900001", "http500", times=2)
    sandbox.fault_for_phone("447700900002", FaultKind.STATUS_F)

    def status(phone: str) -> int:
        return client.post("/SendSMS", json=send_body(phonenumber=phone)).status_code

    assert [status("447700900001") for _ in range(3)] == [500, 500, 503]
    assert client.post("/SendSMS", json=send_body(phonenumber="447700900002")).json()["status"] == "F"
    assert client.post("/SendSMS", json=send_body(phonenumber="447700900002")).json()["status"] == "F"
    sandbox.fault_for_phone("447700900002", None)
    assert client.post("/SendSMS", json=send_body(phonenumber="447700900002")).json()["status"] == "S"


def test_a_phone_can_be_exempted_for_some_requests(client: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.set_fault_rate("http500", 1.0)
    sandbox.fault_for_phone("447700900003", None, times=1)

    statuses = [
        client.post("/SendSMS", json=send_body(phonenumber="447700900003")).status_code for _ in range(2)
    ]

    assert statuses == [200, 500]


def test_phone_faults_from_the_config(start_sandbox: ServerFactory) -> None:
    server = start_sandbox(phone_faults={"447700900004": "http503"})

    assert (
        httpx.post(server.base_url + "/SendSMS", json=send_body(phonenumber="447700900004")).status_code
        == 503
    )


def test_random_faults_follow_the_seed_and_the_rates(start_sandbox: ServerFactory) -> None:
    def faults() -> list[object]:
        server = start_sandbox(seed=42, fault_rates={"http500": 0.25, FaultKind.HTTP503: 0.25})
        with httpx.Client(base_url=server.base_url) as client:
            for _ in range(60):
                client.post("/SendSMS", json=send_body())
                client.post("/CheckBalance", json=CREDENTIALS)
        return [entry["fault"] for entry in server.ledger()]

    first = faults()
    assert first == faults()
    sends, balances = first[::2], first[1::2]
    assert set(sends) == {"http500", "http503", None}
    assert 10 <= sends.count(None) <= 50
    assert set(balances) == {None}  # random faults hit SendSMS only by default


def test_fail_rate_is_a_status_f_rate(start_sandbox: ServerFactory) -> None:
    server = start_sandbox(fail_rate=1.0)

    data = httpx.post(server.base_url + "/SendSMS", json=send_body()).json()

    assert data == {"status": "F", "remarks": "Invalid Mobile Number"}
    assert server.stats().status_f == 1


def test_random_faults_on_other_endpoints_when_configured(start_sandbox: ServerFactory) -> None:
    server = start_sandbox(
        fault_rates={"refuse": 1.0},
        fault_endpoints=frozenset({"CheckBalance", "GetDeliveryStatus"}),
    )
    with httpx.Client(base_url=server.base_url) as client:
        assert client.post("/SendSMS", json=send_body()).json()["status"] == "S"
        assert client.post("/CheckBalance", json=CREDENTIALS).json()["remarks"] == "IP not Whitelisted"
        server.set_fault_rate("refuse", 0)
        server.set_fault_rate("uid_mismatch", 1.0)
        assert client.post("/CheckBalance", json=CREDENTIALS).json()["CurrenceCode"] == "USD"
    assert [entry["processed"] for entry in server.ledger()] == [True, False, False]


def test_set_fault_rate_validates() -> None:
    selector = FaultSelector({FaultKind.DROP: 0.5}, seed=1, endpoints={"SendSMS"})

    with pytest.raises(ValueError, match="add up to more than 1"):
        selector.set_rate(FaultKind.HTTP500, 0.6)
    with pytest.raises(ValueError, match="between 0 and 1"):
        selector.set_rate(FaultKind.HTTP500, -0.1)
    selector.set_rate(FaultKind.DROP, 0)
    assert selector.rates() == {}


def test_phone_fault_times_must_be_positive(sandbox: SandboxServer) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        sandbox.fault_for_phone("447700900001", "drop", times=0)


def test_fault_kind_parse() -> None:
    assert FaultKind.parse(" DROP ") is FaultKind.DROP
    assert FaultKind.parse(FaultKind.SLOW) is FaultKind.SLOW
    with pytest.raises(ValueError, match="unknown fault kind 'nope'; known kinds: http500"):
        FaultKind.parse("nope")
    with pytest.raises(ValueError, match="unknown fault kind"):
        SandboxServer().plan_faults(["nope"])


def test_stats_count_faults_outcomes_and_connections(client: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.plan_faults(["status_f", "drop"])
    client.post("/SendSMS", json=send_body())
    with pytest.raises(httpx.RemoteProtocolError):
        client.post("/SendSMS", json=send_body())
    client.post("/SendSMS", json=send_body())
    client.get("/nowhere")

    stats = sandbox.stats()
    assert stats.requests == 4
    assert stats.processed == 2
    assert stats.status_s == 2
    assert stats.status_f == 1
    assert stats.connections == 2
    assert stats.by_endpoint == {"SendSMS": 3}
    assert stats.by_fault == {"status_f": 1, "drop": 1}
    assert stats.by_http_status == {200: 2, 404: 1}
