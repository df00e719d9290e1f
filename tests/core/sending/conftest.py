"""Helpers for send-engine tests: a journal with a campaign and a scriptable mock provider."""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from liasmart_desktop.core.api.client import LiaSmartClient
from liasmart_desktop.core.credentials import Credentials
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.records import Campaign, CampaignSpec, NewMessage

FIRST_MESSAGE_ID = 7_300_000_000_000_000_001  # above 2**53: must survive as text


def phone(i: int) -> str:
    return f"86139{i:08d}"


def ok_reply(body: dict[str, str], message_id: int) -> httpx.Response:
    return httpx.Response(
        200, json={"message_id": message_id, "status": "S", "remarks": "Submitted", "uid": body.get("uid")}
    )


@dataclass
class MockProvider:
    """A MockTransport handler: answers S unless ``script`` says otherwise for a request."""

    script: Callable[[int, dict[str, str]], httpx.Response | Exception | None] = lambda _n, _b: None
    requests: list[dict[str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    ids: Iterator[int] = field(default_factory=lambda: itertools.count(FIRST_MESSAGE_ID))

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        with self.lock:
            number = len(self.requests)
            self.requests.append(body)
            message_id = next(self.ids)
        answer = self.script(number, body)
        if isinstance(answer, Exception):
            raise answer
        return answer if answer is not None else ok_reply(body, message_id)

    def uids(self) -> list[str]:
        return [r["uid"] for r in self.requests]


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    j = Journal.open(tmp_path / "journal.sqlite3")
    yield j
    j.close()


def make_campaign(journal: Journal, count: int, **spec: object) -> Campaign:
    fields = {"template": "Hello", "sender_id": "LIASMART", "sms_type": "P", **spec}
    return journal.create_campaign(
        CampaignSpec(**fields),  # type: ignore[arg-type]
        [
            NewMessage(row=i + 2, phone=phone(i), text=f"Hello {i}", encoding="T", segments=1)
            for i in range(count)
        ],
    )


def make_client(provider: MockProvider) -> LiaSmartClient:
    return LiaSmartClient(
        Credentials("API1", "secret-pw"), max_connections=32, transport=httpx.MockTransport(provider)
    )
