"""The three API methods answer like LiaSmart, in GET, POST-JSON and POST-form form."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import httpx
import pytest

from liasmart_desktop.sandbox import SandboxServer
from tests.sandbox.conftest import CREDENTIALS, ServerFactory, send_body


def exact_json(response: httpx.Response) -> dict[str, Any]:
    """The body with integers kept as text, so 19-digit IDs are compared exactly."""
    data = json.loads(response.content, parse_int=str)
    assert isinstance(data, dict)
    return data


def test_send_sms_post_json_succeeds_with_a_19_digit_id(client: httpx.Client) -> None:
    response = client.post("/SendSMS", json=send_body())

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    data = exact_json(response)
    assert data["status"] == "S"
    assert data["remarks"] == "Message Submitted Sucessfully"
    assert data["uid"] == "c1-1-1"
    message_id = data["message_id"]
    assert len(message_id) == 19
    assert int(message_id) > 2**53
    # Neighbouring IDs collide as floats: a client that lets one become a float is caught.
    second = exact_json(client.post("/SendSMS", json=send_body()))["message_id"]
    assert int(second) == int(message_id) + 1
    assert float(second) == float(message_id)


def test_send_sms_without_uid_answers_null(client: httpx.Client) -> None:
    data = client.post("/SendSMS", json=send_body(uid=None)).json()

    assert data["status"] == "S"
    assert data["uid"] is None


def test_send_sms_get_form_puts_the_password_in_the_url_and_the_ledger_says_so(
    client: httpx.Client, sandbox: SandboxServer
) -> None:
    response = client.get("/SendSMS", params=send_body())

    assert response.json()["status"] == "S"
    (entry,) = sandbox.ledger()
    assert entry["method"] == "GET"
    assert entry["password_in_url"] is True
    assert entry["path"] == "/api/SendSMS"  # never the query string
    assert entry["processed"] is True


def test_send_sms_post_form_is_accepted(client: httpx.Client, sandbox: SandboxServer) -> None:
    response = client.post("/SendSMS", data=send_body())

    assert response.json()["status"] == "S"
    assert sandbox.ledger()[0]["password_in_url"] is False


@pytest.mark.parametrize("path", ["/sendsms", "/SENDSMS", "/SendSMS/", "/Send%53MS"])
def test_method_names_match_case_insensitively(client: httpx.Client, path: str) -> None:
    assert client.post(path, json=send_body()).json()["status"] == "S"


def test_check_balance_get_and_post(client: httpx.Client) -> None:
    by_get = client.get("/CheckBalance", params=CREDENTIALS)
    by_post = client.post("/CheckBalance", json=CREDENTIALS)

    for response in (by_get, by_post):
        assert response.status_code == 200
        assert response.json() == {"BalanceAmount": 10000, "CurrenceCode": "USD"}


def test_delivery_status_get_and_post_have_the_documented_fields(client: httpx.Client) -> None:
    message_id = exact_json(client.post("/SendSMS", json=send_body(textmessage="héllo")))["message_id"]

    by_post = client.post("/GetDeliveryStatus", json={**CREDENTIALS, "message_id": message_id})
    by_get = client.get("/GetDeliveryStatus", params={**CREDENTIALS, "message_id": message_id})

    for response in (by_post, by_get):
        data = exact_json(response)
        assert set(data) == {
            "message_id",
            "PhoneNumber",
            "SMSMessage",
            "MessageType",
            "MessageLength",
            "MessageParts",
            "ClientCost",
            "DLRStatus",
            "SMSID",
            "ErrorCode",
            "ErrorDescription",
            "SentDateUTC",
            "Remarks",
        }
        assert data["message_id"] == message_id
        assert data["PhoneNumber"] == "8613912345678"
        assert data["SMSMessage"] == "héllo"
        assert data["MessageType"] == "P"
        assert data["MessageLength"] == "5"
        assert data["MessageParts"] == "1"
        assert Decimal(str(data["ClientCost"])) == Decimal("0.01")
        assert data["DLRStatus"] == "Pending"


def test_numeric_message_id_in_json_is_found(client: httpx.Client) -> None:
    message_id = exact_json(client.post("/SendSMS", json=send_body()))["message_id"]

    data = client.post("/GetDeliveryStatus", json={**CREDENTIALS, "message_id": int(message_id)}).json()

    assert data["DLRStatus"] == "Pending"


def test_unknown_path_is_a_json_404(client: httpx.Client, sandbox: SandboxServer) -> None:
    outside = client.get(f"http://127.0.0.1:{sandbox.port}/other")
    unknown_method = client.post("/SendSMSMulti", json=send_body())

    for response in (outside, unknown_method):
        assert response.status_code == 404
        assert response.json() == {"status": "F", "remarks": "Not Found"}
    entries = sandbox.ledger()
    assert [entry["endpoint"] for entry in entries] == [None, None]
    assert [entry["http_status"] for entry in entries] == [404, 404]


def test_other_http_methods_are_405_with_allow(client: httpx.Client, sandbox: SandboxServer) -> None:
    response = client.put("/SendSMS", json=send_body())

    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"
    assert response.headers["connection"] == "close"
    assert sandbox.ledger()[0]["endpoint"] == "SendSMS"


@pytest.mark.parametrize(
    ("base_path", "url_path"), [("", "/SendSMS"), ("/", "/SendSMS"), ("v2/api/", "/v2/api/SendSMS")]
)
def test_base_path_is_configurable(start_sandbox: ServerFactory, base_path: str, url_path: str) -> None:
    server = start_sandbox(base_path=base_path)

    assert server.base_url == f"http://127.0.0.1:{server.port}{url_path.removesuffix('/SendSMS')}"
    response = httpx.post(server.base_url + "/SendSMS", json=send_body())
    assert response.json()["status"] == "S"


def test_json_scalars_of_other_types_are_read_as_text(client: httpx.Client, sandbox: SandboxServer) -> None:
    body = send_body(phonenumber=8613912345678, uid=None, callback_url=None)
    body["flash"] = True
    body["unused"] = None
    body["ratio"] = 1.5

    assert client.post("/SendSMS", json=body).json()["status"] == "S"
    assert sandbox.ledger()[0]["phonenumber"] == "8613912345678"


def test_boolean_json_value_is_read_as_text(client: httpx.Client, sandbox: SandboxServer) -> None:
    assert client.post("/SendSMS", json=send_body(sender_id=False)).json()["status"] == "S"
    assert sandbox.ledger()[0]["sender_id"] == "false"


def test_body_without_content_type_is_sniffed(client: httpx.Client) -> None:
    as_json = client.post("/SendSMS", content=json.dumps(send_body()).encode(), headers={"Content-Type": ""})
    as_form = client.post(
        "/SendSMS",
        content=str(httpx.QueryParams(send_body())).encode(),
        headers={"Content-Type": ""},
    )

    assert as_json.json()["status"] == "S"
    assert as_form.json()["status"] == "S"


def test_query_and_body_parameters_merge_with_the_body_winning(client: httpx.Client) -> None:
    response = client.post("/SendSMS", params={"phonenumber": "123", "uid": "q"}, json=send_body(uid="b"))

    assert response.json()["uid"] == "b"
