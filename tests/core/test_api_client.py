"""``LiaSmartClient`` with a mock transport: request shape, body cap, deadline, queries, TLS knobs."""

from __future__ import annotations

import gzip
import inspect
import json
import ssl
from collections.abc import Iterator
from decimal import Decimal

import httpx
import pytest

from liasmart_desktop import __version__
from liasmart_desktop.core.api import (
    CONNECT_TIMEOUT_S,
    POOL_TIMEOUT_S,
    READ_TIMEOUT_S,
    REQUEST_DEADLINE_S,
    WRITE_TIMEOUT_S,
    Balance,
    DeliveryState,
    Endpoint,
    LiaSmartClient,
    OutcomeKind,
    Reason,
)
from liasmart_desktop.core.api import outcome as outcome_module
from liasmart_desktop.core.api.tls import certifi_context
from liasmart_desktop.core.errors import ApiError, ConfigError, ConfigProblem
from tests.core.api_support import (
    API_ID,
    BASE_URL,
    CREDENTIALS,
    UID,
    Handler,
    call,
    mock_client,
    raising,
    respond,
    sms,
)

ACCEPTED_BODY = {
    "message_id": 26471304,
    "status": "S",
    "remarks": "Message Submitted Sucessfully",
    "uid": UID,
}


def test_send_sms_posts_json_to_the_method_url() -> None:
    with mock_client(respond(ACCEPTED_BODY)) as (client, recorder):
        outcome = client.send_sms(sms(callback_url="https://hooks.example/dlr"))
    assert (outcome.kind, outcome.message_id, outcome.uid) == (OutcomeKind.ACCEPTED, "26471304", UID)
    (request,) = recorder.requests
    assert request.method == "POST"
    assert str(request.url) == f"{BASE_URL}/SendSMS"
    assert request.url.query == b""
    assert request.headers["content-type"] == "application/json"
    assert request.headers["accept"] == "application/json"
    assert request.headers["user-agent"] == f"LiaSmartDesktop/{__version__}"
    assert request.content.isascii()  # non-ASCII text travels \\u-escaped
    assert json.loads(request.content) == {
        "api_id": API_ID,
        "api_password": CREDENTIALS.password,
        "sms_type": "P",
        "encoding": "U",
        "sender_id": "LIASMART",
        "phonenumber": "8613912345678",
        "textmessage": "Hello 你好",
        "uid": UID,
        "callback_url": "https://hooks.example/dlr",
    }


@pytest.mark.parametrize("uid", [None, ""])
def test_no_uid_no_callback_are_left_out(uid: str | None) -> None:
    with mock_client(respond({"message_id": 1, "status": "S", "uid": None})) as (client, recorder):
        outcome = client.send_sms(sms(uid=uid))
    assert outcome.kind is OutcomeKind.ACCEPTED
    body = json.loads(recorder.requests[0].content)
    assert "uid" not in body
    assert "callback_url" not in body


def test_base_url_is_checked_and_trimmed() -> None:
    with mock_client(respond(ACCEPTED_BODY), base_url=BASE_URL + "//") as (client, recorder):
        assert client.base_url == BASE_URL
        client.send_sms(sms())
    assert str(recorder.requests[0].url) == f"{BASE_URL}/SendSMS"


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("http://api.liasmart.com/api", ConfigProblem.INSECURE_BASE_URL),
        ("ftp://api.liasmart.com/api", ConfigProblem.BAD_BASE_URL),
        ("https://ä..com/api", ConfigProblem.BAD_BASE_URL),
    ],
)
def test_bad_base_url_is_a_config_error(url: str, code: ConfigProblem) -> None:
    with pytest.raises(ConfigError) as info:
        LiaSmartClient(CREDENTIALS, base_url=url)
    assert info.value.code is code


def test_redirect_is_not_followed() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/SendSMS"):
            return httpx.Response(301, headers={"Location": "https://api.liasmart.test/api/Moved"})
        return httpx.Response(200, json=ACCEPTED_BODY)  # the redirect target: must never be asked

    outcome, requests = call(Endpoint.SEND_SMS, handler)
    assert (outcome.kind, outcome.reason) == (OutcomeKind.UNKNOWN, Reason.REDIRECT)
    assert outcome.detail == "https://api.liasmart.test/api/Moved"
    assert [str(r.url) for r in requests] == [f"{BASE_URL}/SendSMS"]


def test_gzip_body_is_decoded() -> None:
    body = gzip.compress(json.dumps(ACCEPTED_BODY).encode())
    outcome, _ = call(Endpoint.SEND_SMS, respond(body, headers={"Content-Encoding": "gzip"}))
    assert outcome.kind is OutcomeKind.ACCEPTED


def test_broken_compression_is_unknown() -> None:
    outcome, _ = call(Endpoint.SEND_SMS, respond(b"not gzip at all", headers={"Content-Encoding": "gzip"}))
    assert (outcome.kind, outcome.reason) == (OutcomeKind.UNKNOWN, Reason.NOT_JSON)
    assert outcome.detail.startswith("DecodingError: ")


# ---------------------------------------------------------------- the overall deadline


class FakeClock:
    """A monotonic clock that only moves when told to."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class DripStream(httpx.SyncByteStream):
    """A reply that arrives in pieces; each piece moves the fake clock on."""

    def __init__(self, pieces: list[bytes], clock: FakeClock, step_s: float) -> None:
        self.pieces = pieces
        self.clock = clock
        self.step_s = step_s
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        for piece in self.pieces:
            self.clock.now += self.step_s
            yield piece

    def close(self) -> None:
        self.closed = True


def _pieces() -> list[bytes]:
    text = json.dumps(ACCEPTED_BODY).encode()
    return [text[i : i + 8] for i in range(0, len(text), 8)]


def test_slow_drip_past_the_deadline_is_unknown() -> None:
    clock = FakeClock()
    pieces = _pieces()
    stream = DripStream(pieces, clock, step_s=REQUEST_DEADLINE_S / 3)
    with mock_client(lambda request: httpx.Response(200, stream=stream), clock=clock) as (client, _):
        outcome = client.send_sms(sms())
    assert (outcome.kind, outcome.reason) == (OutcomeKind.UNKNOWN, Reason.DEADLINE)
    assert outcome.detail == f"DeadlineExceededError: no complete reply within {REQUEST_DEADLINE_S:g} s"
    assert stream.closed  # the connection is given up, not left half-read
    assert clock.now - 1000.0 < len(pieces) * REQUEST_DEADLINE_S / 3  # stopped before the end


def test_reply_in_pieces_within_the_deadline_is_read() -> None:
    clock = FakeClock()
    pieces = _pieces()
    stream = DripStream(pieces, clock, step_s=REQUEST_DEADLINE_S / (len(pieces) + 1))
    with mock_client(lambda request: httpx.Response(200, stream=stream), clock=clock) as (client, _):
        outcome = client.send_sms(sms())
    assert (outcome.kind, outcome.message_id) == (OutcomeKind.ACCEPTED, "26471304")


# ---------------------------------------------------------------- nothing escapes


def test_a_parser_failure_is_unknown_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(body: bytes) -> None:
        raise ValueError("parser bug")

    monkeypatch.setattr(outcome_module, "parse_object", explode)
    outcome, _ = call(Endpoint.SEND_SMS, respond(ACCEPTED_BODY))
    assert (outcome.kind, outcome.reason) == (OutcomeKind.UNKNOWN, Reason.UNEXPECTED_ERROR)
    assert outcome.detail == "ValueError: parser bug"


def test_closed_client_gives_an_outcome() -> None:
    with mock_client(respond(ACCEPTED_BODY)) as (client, recorder):
        pass
    outcome = client.send_sms(sms())
    assert (outcome.kind, outcome.reason) == (OutcomeKind.UNKNOWN, Reason.UNEXPECTED_ERROR)
    assert recorder.requests == []


# ---------------------------------------------------------------- CheckBalance and GetDeliveryStatus


def test_check_balance_returns_the_balance() -> None:
    with mock_client(respond({"BalanceAmount": "1,000.25", "CurrenceCode": "USD"})) as (client, recorder):
        balance = client.check_balance()
    assert balance == Balance(Decimal("1000.25"), "USD")
    (request,) = recorder.requests
    assert str(request.url) == f"{BASE_URL}/CheckBalance"
    assert json.loads(request.content) == {"api_id": API_ID, "api_password": CREDENTIALS.password}


@pytest.mark.parametrize(
    ("handler", "kind", "reason"),
    [
        (
            respond({"status": "F", "remarks": "IP not Whitelisted"}),
            OutcomeKind.REFUSED,
            Reason.IP_NOT_ALLOWED,
        ),
        (respond({"Message": "OK"}), OutcomeKind.UNKNOWN, Reason.UNEXPECTED_SHAPE),
        (respond(b"", 503), OutcomeKind.UNKNOWN, Reason.SERVER_ERROR),
        (raising(httpx.ConnectError("refused")), OutcomeKind.NOT_SENT, Reason.CONNECT_FAILED),
    ],
)
def test_check_balance_raises_with_the_outcome(handler: Handler, kind: OutcomeKind, reason: Reason) -> None:
    with mock_client(handler) as (client, _), pytest.raises(ApiError) as info:
        client.check_balance()
    assert (info.value.outcome.kind, info.value.outcome.reason) == (kind, reason)
    assert str(info.value).startswith(f"{kind.value}: {reason.value}")


def test_get_delivery_status_returns_the_report() -> None:
    big_id = "1234567890123456789"
    body = f'{{"message_id": {big_id}, "DLRStatus": "DELIVRD", "ErrorCode": 0, "MessageParts": 2}}'
    with mock_client(respond(body)) as (client, recorder):
        report = client.get_delivery_status(big_id)
    assert (report.message_id, report.state, report.status) == (big_id, DeliveryState.DELIVERED, "DELIVRD")
    assert (report.error_code, report.parts) == ("0", 2)
    (request,) = recorder.requests
    assert str(request.url) == f"{BASE_URL}/GetDeliveryStatus"
    assert json.loads(request.content)["message_id"] == big_id


@pytest.mark.parametrize(
    ("body", "kind", "reason"),
    [
        ({"status": "F", "remarks": "Invalid Message ID"}, OutcomeKind.REJECTED, Reason.REMARKS),
        ({"message_id": 5, "DLRStatus": "Delivered"}, OutcomeKind.UNKNOWN, Reason.MESSAGE_ID_MISMATCH),
        ({"message_id": 26471304}, OutcomeKind.UNKNOWN, Reason.UNEXPECTED_SHAPE),
    ],
)
def test_get_delivery_status_raises_with_the_outcome(body: object, kind: OutcomeKind, reason: Reason) -> None:
    with mock_client(respond(body)) as (client, _), pytest.raises(ApiError) as info:
        client.get_delivery_status("26471304")
    assert (info.value.outcome.kind, info.value.outcome.reason) == (kind, reason)


# ---------------------------------------------------------------- construction


def test_every_request_carries_the_named_timeouts() -> None:
    with mock_client(respond(ACCEPTED_BODY)) as (client, recorder):
        client.send_sms(sms())
        client.send_sms(sms())
    for request in recorder.requests:
        timeout = request.extensions["timeout"]
        assert (timeout["connect"], timeout["read"], timeout["write"], timeout["pool"]) == (
            CONNECT_TIMEOUT_S,
            READ_TIMEOUT_S,
            WRITE_TIMEOUT_S,
            POOL_TIMEOUT_S,
        )
    assert len(recorder.requests) == 2
    assert READ_TIMEOUT_S < REQUEST_DEADLINE_S


def test_there_is_no_way_to_turn_verification_off() -> None:
    parameters = inspect.signature(LiaSmartClient).parameters
    assert "verify" not in parameters
    assert not any("insecure" in name or "no_verify" in name for name in parameters)
    with pytest.raises(TypeError):
        LiaSmartClient(CREDENTIALS, verify=False)  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("verify_mode", "check_hostname"),
    [(ssl.CERT_NONE, False), (ssl.CERT_OPTIONAL, False), (ssl.CERT_REQUIRED, False)],
)
def test_a_non_verifying_context_is_refused(verify_mode: ssl.VerifyMode, check_hostname: bool) -> None:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = check_hostname
    context.verify_mode = verify_mode
    with pytest.raises(ValueError, match="must verify"):
        LiaSmartClient(CREDENTIALS, ssl_context=context)


def test_a_verifying_context_is_accepted() -> None:
    with LiaSmartClient(CREDENTIALS, ssl_context=certifi_context()) as client:
        assert client.base_url == "https://api.liasmart.com/api"


def test_repr_names_the_account_only() -> None:
    with mock_client(respond(ACCEPTED_BODY)) as (client, _):
        assert repr(client) == f"LiaSmartClient(base_url={BASE_URL!r}, api_id={API_ID!r})"
