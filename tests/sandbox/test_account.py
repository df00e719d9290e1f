"""Balance, parts, insufficient balance and delivery reports that settle after a delay."""

from __future__ import annotations

import time
from decimal import Decimal

import httpx
import pytest

from liasmart_desktop.sandbox import SandboxConfig, SandboxServer
from liasmart_desktop.sandbox.account import Account, count_parts
from tests.sandbox.conftest import CREDENTIALS, ServerFactory, send_body


@pytest.mark.parametrize(
    ("text", "encoding", "parts"),
    [
        ("", "T", 1),
        ("a" * 160, "T", 1),
        ("a" * 161, "T", 2),
        ("a" * 306, "T", 2),
        ("a" * 307, "T", 3),
        ("€" * 80, "T", 1),  # extension characters take two septets
        ("€" * 81, "T", 2),
        ("{" * 80 + "a", "T", 2),
        ("字" * 70, "U", 1),
        ("字" * 71, "U", 2),
        ("字" * 134, "U", 2),
        ("字" * 135, "U", 3),
        ("😀" * 35, "U", 1),  # a surrogate pair is two UTF-16 units
        ("😀" * 36, "U", 2),
    ],
)
def test_count_parts(text: str, encoding: str, parts: int) -> None:
    assert count_parts(text, encoding) == parts


def balance_of(client: httpx.Client) -> Decimal:
    return Decimal(str(client.post("/CheckBalance", json=CREDENTIALS).json()["BalanceAmount"]))


def test_balance_decreases_by_price_per_part(start_sandbox: ServerFactory) -> None:
    server = start_sandbox(balance=Decimal(1), price_per_part=Decimal("0.05"))
    with httpx.Client(base_url=server.base_url) as client:
        client.post("/SendSMS", json=send_body(textmessage="a" * 200))  # 2 parts
        client.post("/SendSMS", json=send_body(textmessage="字" * 10, encoding="U"))  # 1 part

        assert balance_of(client) == Decimal("0.85")
    assert server.balance == Decimal("0.85")
    assert [entry["parts"] for entry in server.ledger()[:2]] == [2, 1]


def test_insufficient_balance_refuses_without_charging(start_sandbox: ServerFactory) -> None:
    server = start_sandbox(balance=Decimal("0.02"), price_per_part=Decimal("0.01"))
    with httpx.Client(base_url=server.base_url) as client:
        assert client.post("/SendSMS", json=send_body()).json()["status"] == "S"
        too_long = client.post("/SendSMS", json=send_body(textmessage="a" * 161)).json()
        assert too_long == {"status": "F", "remarks": "Insufficient Balance"}
        assert client.post("/SendSMS", json=send_body()).json()["status"] == "S"
        assert client.post("/SendSMS", json=send_body()).json()["remarks"] == "Insufficient Balance"
        assert balance_of(client) == 0

    processed = [entry["processed"] for entry in server.ledger() if entry["endpoint"] == "SendSMS"]
    assert processed == [True, False, True, False]


def test_set_balance_at_run_time(client: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.set_balance(Decimal(0))

    assert client.post("/SendSMS", json=send_body()).json()["remarks"] == "Insufficient Balance"
    assert balance_of(client) == 0


def status_of(client: httpx.Client, message_id: str) -> dict[str, object]:
    data = client.post("/GetDeliveryStatus", json={**CREDENTIALS, "message_id": message_id}).json()
    assert isinstance(data, dict)
    return data


def send(client: httpx.Client, **overrides: object) -> str:
    data = client.post("/SendSMS", json=send_body(**overrides)).json()
    assert data["status"] == "S"
    return str(data["message_id"])


def test_delivery_status_is_pending_then_delivered(client: httpx.Client) -> None:
    message_id = send(client)

    pending = status_of(client, message_id)
    assert pending["DLRStatus"] == "Pending"
    assert pending["ErrorCode"] == ""
    deadline = time.monotonic() + 3
    while status_of(client, message_id)["DLRStatus"] == "Pending":
        assert time.monotonic() < deadline, "the delivery report never settled"
        time.sleep(0.05)
    delivered = status_of(client, message_id)
    assert delivered["DLRStatus"] == "Delivered"
    assert delivered["ErrorDescription"] == ""
    assert delivered["SentDateUTC"] == pending["SentDateUTC"]


def test_failed_delivery_by_rate_and_by_phone(start_sandbox: ServerFactory) -> None:
    always = start_sandbox(dlr_delay_s=0, dlr_fail_rate=1.0)
    by_phone = start_sandbox(dlr_delay_s=0, dlr_fail_phones=frozenset({"447700900123"}))
    with httpx.Client(base_url=always.base_url) as client:
        failed = status_of(client, send(client))
        assert failed["DLRStatus"] == "Failed"
        assert failed["ErrorCode"] == "101"
        assert failed["ErrorDescription"] == "Absent Subscriber"
    with httpx.Client(base_url=by_phone.base_url) as client:
        assert status_of(client, send(client, phonenumber="447700900123"))["DLRStatus"] == "Failed"
        assert status_of(client, send(client, phonenumber="447700900124"))["DLRStatus"] == "Delivered"


def test_dlr_fail_rate_is_seeded(start_sandbox: ServerFactory) -> None:
    def outcomes() -> list[object]:
        server = start_sandbox(dlr_delay_s=0, dlr_fail_rate=0.5, seed=11)
        with httpx.Client(base_url=server.base_url) as client:
            return [status_of(client, send(client))["DLRStatus"] for _ in range(20)]

    first = outcomes()
    assert first == outcomes()
    assert set(first) == {"Delivered", "Failed"}


def test_message_ids_are_seeded(start_sandbox: ServerFactory) -> None:
    ids = []
    for _ in range(2):
        server = start_sandbox(seed=3)
        with httpx.Client(base_url=server.base_url) as client:
            ids.append(send(client))
    assert ids[0] == ids[1]


def test_old_messages_are_forgotten_past_the_limit() -> None:
    account = Account(SandboxConfig(), max_messages=2)
    first, second, third = (account.submit("8613912345678", "hi", "P", "T") for _ in range(3))
    assert first is not None
    assert second is not None
    assert third is not None

    assert account.lookup(first.message_id) is None
    assert account.lookup(f" {second.message_id} ") is second
    assert account.lookup(third.message_id) is third


def test_fractional_balance_and_cost_are_json_numbers() -> None:
    account = Account(SandboxConfig(balance=Decimal("2.6"), price_per_part=Decimal("0.25"), dlr_delay_s=0))
    message = account.submit("8613912345678", "x" * 200, "T", "T")
    assert message is not None

    reply = account.balance_reply()
    assert reply == {"BalanceAmount": 2.1, "CurrenceCode": "USD"}
    assert isinstance(reply["BalanceAmount"], float)
    assert account.delivery_report(message)["ClientCost"] == 0.5
