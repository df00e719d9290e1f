"""Bad parameters and bad bodies get the provider's "F" (HTTP 200) or an HTTP 4xx, and nothing is sent."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from liasmart_desktop.sandbox import SandboxServer
from tests.sandbox.conftest import CREDENTIALS, ServerFactory, send_body


def failure_of(client: httpx.Client, body: dict[str, Any], path: str = "/SendSMS") -> str:
    response = client.post(path, json=body)
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "F"
    assert "message_id" not in data
    remarks = data["remarks"]
    assert isinstance(remarks, str)
    return remarks


@pytest.mark.parametrize(
    ("overrides", "remarks"),
    [
        ({"sms_type": None}, "Missing Parameter sms_type"),
        ({"encoding": None}, "Missing Parameter encoding"),
        ({"sender_id": None}, "Missing Parameter sender_id"),
        ({"phonenumber": None}, "Missing Parameter phonenumber"),
        ({"textmessage": None}, "Missing Parameter textmessage"),
        ({"sms_type": "X"}, "Invalid SMS Type"),
        ({"encoding": "utf8"}, "Invalid Encoding"),
        ({"phonenumber": "+8613912345678"}, "Invalid Mobile Number"),
        ({"phonenumber": "008613912345678"}, "Invalid Mobile Number"),
        ({"phonenumber": "013912345678"}, "Invalid Mobile Number"),
        ({"phonenumber": "123456"}, "Invalid Mobile Number"),
        ({"phonenumber": "1234567890123456"}, "Invalid Mobile Number"),
        ({"phonenumber": "86 139 1234"}, "Invalid Mobile Number"),
        ({"phonenumber": "８６１３９１２３４５６７８"}, "Invalid Mobile Number"),  # full-width digits
        ({"textmessage": "  "}, "Message Text is Empty"),
        ({"sender_id": " "}, "Invalid Sender ID"),
        ({"api_id": ""}, "Invalid API Credentials"),
        ({"api_password": None}, "Invalid API Credentials"),
    ],
)
def test_invalid_send_is_refused_and_not_processed(
    client: httpx.Client, sandbox: SandboxServer, overrides: dict[str, Any], remarks: str
) -> None:
    assert failure_of(client, send_body(**overrides)) == remarks

    (entry,) = sandbox.ledger()
    assert entry["status"] == "F"
    assert entry["remarks"] == remarks
    assert entry["processed"] is False
    assert entry["message_id"] is None
    assert sandbox.balance == 10000


@pytest.mark.parametrize("phone", ["1234567", "123456789012345"])
def test_phone_length_bounds_are_inclusive(client: httpx.Client, phone: str) -> None:
    assert client.post("/SendSMS", json=send_body(phonenumber=phone)).json()["status"] == "S"


def test_lower_case_type_and_encoding_are_accepted(client: httpx.Client) -> None:
    assert client.post("/SendSMS", json=send_body(sms_type="t", encoding="u")).json()["status"] == "S"


def test_sender_ids_can_be_restricted(start_sandbox: ServerFactory) -> None:
    server = start_sandbox(sender_ids=frozenset({"LIASMART"}))
    with httpx.Client(base_url=server.base_url) as client:
        assert client.post("/SendSMS", json=send_body()).json()["status"] == "S"
        assert failure_of(client, send_body(sender_id="OTHER")) == "Invalid Sender ID"


def test_transactional_can_be_disallowed(start_sandbox: ServerFactory) -> None:
    server = start_sandbox(allow_transactional=False)
    with httpx.Client(base_url=server.base_url) as client:
        assert client.post("/SendSMS", json=send_body(sms_type="P")).json()["status"] == "S"
        assert (
            failure_of(client, send_body(sms_type="T")) == "Transactional SMS is Not Allowed For Your Account"
        )


def test_configured_credentials_are_checked(start_sandbox: ServerFactory) -> None:
    server = start_sandbox(api_id="API1", api_password="right")
    with httpx.Client(base_url=server.base_url) as client:
        good = send_body(api_id="API1", api_password="right")
        assert client.post("/SendSMS", json=good).json()["status"] == "S"
        assert failure_of(client, {**good, "api_password": "wrong"}) == "Invalid API Credentials"
        assert failure_of(client, {**good, "api_id": "API2"}) == "Invalid API Credentials"
        assert failure_of(client, {"api_id": "API1", "api_password": "x"}, "/CheckBalance") == (
            "Invalid API Credentials"
        )
        assert failure_of(client, {"api_id": "API1", "message_id": "1"}, "/GetDeliveryStatus") == (
            "Invalid API Credentials"
        )
    assert [entry["credentials_ok"] for entry in server.ledger()] == [True, False, False, False, False]


def test_credentials_can_change_at_run_time(client: httpx.Client, sandbox: SandboxServer) -> None:
    assert client.post("/SendSMS", json=send_body()).json()["status"] == "S"

    sandbox.set_credentials("API43404236", "changed-at-the-provider")

    assert failure_of(client, send_body()) == "Invalid API Credentials"
    assert (
        client.post("/SendSMS", json=send_body(api_password="changed-at-the-provider")).json()["status"]
        == "S"
    )
    sandbox.set_credentials(None, None)
    assert client.post("/SendSMS", json=send_body(api_id="any", api_password="any")).json()["status"] == "S"


def test_any_non_empty_credentials_are_accepted_by_default(client: httpx.Client) -> None:
    assert client.post("/CheckBalance", json={"api_id": "a", "api_password": "b"}).status_code == 200
    assert failure_of(client, {"api_id": "a"}, "/CheckBalance") == "Invalid API Credentials"


@pytest.mark.parametrize(
    ("content", "content_type", "status", "remarks"),
    [
        (b"{not json", "application/json", 400, "Bad Request: the body is not valid JSON"),
        (b"\xff\xfe{}", "application/json", 400, "Bad Request: the body is not valid JSON"),
        (b"[1, 2]", "application/json", 400, "Bad Request: the JSON body must be an object"),
        (b'{"api_id": {"x": 1}}', "application/json", 400, "Bad Request: parameter api_id must be a string"),
        (b"api_id=\xff", "application/x-www-form-urlencoded", 400, "Bad Request: the form body is not UTF-8"),
        (b"<xml/>", "application/xml", 415, "Unsupported Media Type: send JSON or a form"),
    ],
)
def test_unreadable_bodies_are_http_errors(
    client: httpx.Client,
    sandbox: SandboxServer,
    content: bytes,
    content_type: str,
    status: int,
    remarks: str,
) -> None:
    response = client.post("/SendSMS", content=content, headers={"Content-Type": content_type})

    assert response.status_code == status
    assert response.json() == {"status": "F", "remarks": remarks}
    (entry,) = sandbox.ledger()
    assert entry["http_status"] == status
    assert entry["endpoint"] == "SendSMS"
    assert entry["processed"] is False
    # The connection survives a request that was read completely.
    assert client.post("/CheckBalance", json=CREDENTIALS).status_code == 200
    assert sandbox.ledger()[1]["connection"] == entry["connection"]


def test_json_vendor_media_type_and_charset_parameter_are_json(client: httpx.Client) -> None:
    for content_type in ("application/vnd.api+json", "application/json; charset=utf-8", "text/json"):
        response = client.post(
            "/CheckBalance",
            content=b'{"api_id": "a", "api_password": "b"}',
            headers={"Content-Type": content_type},
        )
        assert response.json()["CurrenceCode"] == "USD"


def test_form_parameters_first_occurrence_wins(client: httpx.Client, sandbox: SandboxServer) -> None:
    body = "&".join(f"{key}={value}" for key, value in send_body().items()) + "&uid=second"

    response = client.post(
        "/SendSMS", content=body.encode(), headers={"Content-Type": "application/x-www-form-urlencoded"}
    )

    assert response.json()["uid"] == "c1-1-1"


def test_missing_message_id_and_unknown_message_id(client: httpx.Client) -> None:
    assert failure_of(client, CREDENTIALS, "/GetDeliveryStatus") == "Missing Parameter message_id"
    assert (
        failure_of(client, {**CREDENTIALS, "message_id": "12345"}, "/GetDeliveryStatus")
        == "Invalid Message ID"
    )
