"""Shared pieces for the API tests: a canary password, a MockTransport-backed client, raw replies."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import httpx

from liasmart_desktop.core.api import Endpoint, LiaSmartClient, Outcome, SmsMessage
from liasmart_desktop.core.api.outcome import RawResponse
from liasmart_desktop.core.credentials import Credentials

#: One canary per test run: it must never show up anywhere but inside a request body.
CANARY = f"CANARY-{uuid.uuid4()}"
API_ID = "API43404236"
CREDENTIALS = Credentials(API_ID, CANARY)
BASE_URL = "https://api.liasmart.test/api"
UID = "c7-12-1"

Handler = Callable[[httpx.Request], httpx.Response]


def sms(uid: str | None = UID, **changes: Any) -> SmsMessage:
    """A SendSMS message for tests."""
    fields: dict[str, Any] = {
        "phone": "8613912345678",
        "text": "Hello 你好",
        "sender_id": "LIASMART",
        "sms_type": "P",
        "encoding": "U",
        "uid": uid,
    }
    fields.update(changes)
    return SmsMessage(**fields)


def raw(
    body: bytes | str | Any = b"", status: int = 200, headers: Mapping[str, str] | None = None
) -> RawResponse:
    """A capped reply as the client hands it to ``classify`` (non-bytes bodies become JSON)."""
    if isinstance(body, str):
        data = body.encode()
    elif isinstance(body, bytes):
        data = body
    else:
        data = json.dumps(body).encode()
    return RawResponse(status, {key.lower(): value for key, value in (headers or {}).items()}, data)


def respond(
    body: bytes | str | Any = b"", status: int = 200, headers: Mapping[str, str] | None = None
) -> Handler:
    """A MockTransport handler that always gives the same reply."""
    reply = raw(body, status, headers)

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(reply.status_code, headers=dict(reply.headers), content=reply.body)

    return handler


def raising(exc: BaseException) -> Handler:
    """A MockTransport handler that fails the way a transport would."""

    def handler(request: httpx.Request) -> httpx.Response:
        raise exc

    return handler


class Recorder:
    """Wraps a handler and keeps every request it saw."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return self.handler(request)


@contextmanager
def mock_client(handler: Handler, **kwargs: Any) -> Iterator[tuple[LiaSmartClient, Recorder]]:
    """A client whose requests go to ``handler`` instead of the network."""
    recorder = Recorder(handler)
    kwargs.setdefault("base_url", BASE_URL)
    with LiaSmartClient(CREDENTIALS, transport=httpx.MockTransport(recorder), **kwargs) as client:
        yield client, recorder


def call(
    endpoint: Endpoint,
    handler: Handler,
    *,
    sent_uid: str | None = UID,
    asked_message_id: str = "26471304",
    **kwargs: Any,
) -> tuple[Outcome, list[httpx.Request]]:
    """Make one call through ``LiaSmartClient`` with a mock transport; return the outcome and requests.

    ``_call`` is used for the two query methods so the outcome itself can be compared; the public
    ``check_balance``/``get_delivery_status`` are tested on their own.
    """
    with mock_client(handler, **kwargs) as (client, recorder):
        if endpoint is Endpoint.SEND_SMS:
            outcome = client.send_sms(sms(uid=sent_uid))
        elif endpoint is Endpoint.CHECK_BALANCE:
            outcome = client._call(Endpoint.CHECK_BALANCE, {})
        else:
            outcome = client._call(
                Endpoint.GET_DELIVERY_STATUS,
                {"message_id": asked_message_id},
                asked_message_id=asked_message_id,
            )
    return outcome, recorder.requests
