"""The canary password (G14): only ever inside a POST body, never in a URL, header, repr or log record."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import httpx
import pytest

from liasmart_desktop.core.api import Endpoint, LiaSmartClient, Outcome
from liasmart_desktop.core.errors import ApiError
from tests.core.api_support import CANARY, CREDENTIALS, call, mock_client, raising, respond, sms
from tests.core.local_server import LocalServer, Received, Reply, json_reply
from tests.core.test_api_classification import ALL_ROWS, EXCEPTION_ROWS

CANARY_BYTES = CANARY.encode()


def _assert_only_in_body(request: httpx.Request) -> None:
    assert request.method == "POST"
    assert CANARY not in str(request.url)
    assert CANARY not in request.url.query.decode()
    assert request.headers["content-type"] == "application/json"
    for name, value in request.headers.multi_items():
        assert CANARY not in name
        assert CANARY not in value
    assert request.content.count(CANARY_BYTES) == 1
    assert json.loads(request.content)["api_password"] == CANARY


@pytest.mark.parametrize("endpoint", list(Endpoint))
def test_password_travels_only_in_the_json_body(endpoint: Endpoint) -> None:
    _, requests = call(endpoint, respond({"status": "F", "remarks": "nope"}))
    (request,) = requests
    _assert_only_in_body(request)


def test_public_query_methods_send_it_the_same_way() -> None:
    with mock_client(respond({"BalanceAmount": 1, "CurrenceCode": "USD"})) as (client, recorder):
        client.check_balance()
    with mock_client(respond({"DLRStatus": "Delivered"})) as (client, more):
        client.get_delivery_status("26471304")
    for request in recorder.requests + more.requests:
        _assert_only_in_body(request)


def _all_outcomes() -> Iterator[Outcome]:
    for row in ALL_ROWS:
        yield call(row.endpoint, respond(row.body, row.status, row.headers))[0]
    for _, exc, _, _ in EXCEPTION_ROWS:
        yield call(Endpoint.SEND_SMS, raising(exc))[0]


def test_no_repr_or_str_holds_the_password() -> None:
    with mock_client(respond({})) as (client, _):
        texts = [repr(client), str(client)]
    texts += [repr(CREDENTIALS), str(CREDENTIALS), f"{CREDENTIALS}", f"{CREDENTIALS!r}"]
    for outcome in _all_outcomes():
        error = ApiError(outcome)
        texts += [repr(outcome), str(outcome), repr(error), str(error)]
    assert texts
    for text in texts:
        assert CANARY not in text


@pytest.fixture
def everything_at_debug(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """Root, httpx, httpcore and every logger created so far log everything into caplog."""
    caplog.set_level(logging.DEBUG)
    names = {"httpx", "httpcore", "httpcore.connection", "httpcore.http11", "httpcore.proxy"}
    names |= {
        name for name, item in logging.root.manager.loggerDict.items() if isinstance(item, logging.Logger)
    }
    for name in sorted(names):
        caplog.set_level(logging.DEBUG, logger=name)
    return caplog


def _record_texts(caplog: pytest.LogCaptureFixture) -> list[str]:
    texts = [caplog.text]
    for record in caplog.records:
        texts += [record.getMessage(), repr(record.args), record.exc_text or "", repr(record.__dict__)]
    return texts


def test_no_log_record_holds_the_password(everything_at_debug: pytest.LogCaptureFixture) -> None:
    for _ in _all_outcomes():
        pass

    def answer(request: Received) -> Reply:
        return json_reply({"message_id": 42, "status": "S", "remarks": "ok"})

    with (
        LocalServer(answer) as server,
        LiaSmartClient(CREDENTIALS, base_url=f"{server.url}/api") as client,
    ):
        assert client.send_sms(sms()).message_id == "42"
        with pytest.raises(ApiError):
            client.check_balance()
    (received,) = [r for r in server.received if r.path == "/api/SendSMS"]
    assert CANARY not in received.path
    assert all(CANARY not in value for value in received.headers.values())
    assert json.loads(received.body)["api_password"] == CANARY

    records = everything_at_debug.records
    # The real connection logged its request headers and body events at DEBUG, and none holds it.
    assert any(r.name == "httpcore.http11" and "send_request_body" in r.getMessage() for r in records)
    for text in _record_texts(everything_at_debug):
        assert CANARY not in text
