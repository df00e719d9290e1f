"""Request bodies and the lenient readers of LiaSmart's replies; a fuzz check that nothing escapes."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liasmart_desktop.core.api import DeliveryState, Endpoint, OutcomeKind, classify
from liasmart_desktop.core.api.outcome import RawResponse
from liasmart_desktop.core.api.payloads import (
    BodyError,
    build_body,
    decimal_value,
    delivery_state,
    int_value,
    message_id_value,
    parse_balance,
    parse_delivery_report,
    parse_object,
    text_value,
)
from tests.core.api_support import sms


def test_endpoints_are_the_documented_paths() -> None:
    assert [e.value for e in Endpoint] == ["SendSMS", "CheckBalance", "GetDeliveryStatus"]


def test_sms_params() -> None:
    assert sms(uid="u1", callback_url="https://h/dlr").params() == {
        "sms_type": "P",
        "encoding": "U",
        "sender_id": "LIASMART",
        "phonenumber": "8613912345678",
        "textmessage": "Hello 你好",
        "uid": "u1",
        "callback_url": "https://h/dlr",
    }
    assert "uid" not in sms(uid=None).params()
    assert "callback_url" not in sms(callback_url="").params()


def test_build_body_is_compact_ascii_json() -> None:
    body = build_body({"textmessage": "你好 😀", "api_id": "A1"})
    assert body == b'{"textmessage":"\\u4f60\\u597d \\ud83d\\ude00","api_id":"A1"}'
    assert json.loads(body) == {"textmessage": "你好 😀", "api_id": "A1"}


# ---------------------------------------------------------------- parse_object


def test_parse_object_lowercases_keys_and_keeps_integers_exact() -> None:
    data = parse_object(b'{"Message_ID": 12345678901234567890123, "BalanceAmount": 1.10}')
    assert data == {"message_id": "12345678901234567890123", "balanceamount": Decimal("1.10")}


def test_parse_object_unwraps_a_one_element_list() -> None:
    assert parse_object(b'[{"Status": "S"}]') == {"status": "S"}


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (b"", "empty"),
        (b"\xef\xbb\xbf  ", "empty"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b"  <html>", "html"),
        (b"{'status': 'S'}", "garbled"),
        (b'{"a": NaN}', "non-standard JSON constant NaN"),
        (b'{"a": Infinity}', "non-standard JSON constant Infinity"),
        (b"[1, 2]", "a JSON list, not an object"),
        (b"[[{}]]", "a JSON list, not an object"),
        (b"true", "a JSON bool, not an object"),
        (b"1.5", "a JSON Decimal, not an object"),
        (b"[" * 100_000, "nested too deeply"),
    ],
)
def test_parse_object_problems(body: bytes, problem: str) -> None:
    with pytest.raises(BodyError, match=f"^{problem}$"):
        parse_object(body)


# ---------------------------------------------------------------- scalar readers


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        ({"x": 1}, ""),
        ([1], ""),
        (True, "true"),
        (False, "false"),
        (Decimal("5.0"), "5"),
        (Decimal("2.5E1"), "25"),
        (Decimal("1.50"), "1.50"),
        (Decimal("1E+5000"), "1E+5000"),
        ("  padded  ", "padded"),
        ("12345678901234567890", "12345678901234567890"),
    ],
)
def test_text_value(value: Any, text: str) -> None:
    assert text_value({"k": value}, "k") == text


def test_text_value_takes_the_first_present_key() -> None:
    assert text_value({"b": "B", "c": "C"}, "a", "b", "c") == "B"
    assert text_value({"a": None, "c": "C"}, "a", "b", "c") == "C"
    assert text_value({}, "a") == ""


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("26471304", "26471304"),
        ("1234567890123456789", "1234567890123456789"),
        (" x-1 ", "x-1"),
        (Decimal(26471304), "26471304"),
        (Decimal("2.6471304E7"), "26471304"),
        (Decimal(-3), "-3"),
        (Decimal("1.5"), None),
        (Decimal("1E+40"), None),
        (Decimal("0.0"), None),
        (None, None),
        (True, None),
        ({}, None),
        ([], None),
        ("", None),
        ("0", None),
        ("NULL", None),
        ("None", None),
    ],
)
def test_message_id_value(value: Any, expected: str | None) -> None:
    assert message_id_value(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1000", Decimal(1000)),
        (Decimal("12.50"), Decimal("12.50")),
        (7, Decimal(7)),
        (2.5, Decimal("2.5")),
        (" 3.25 ", Decimal("3.25")),
        ("1,234", Decimal(1234)),
        ("1,234,567.891", Decimal("1234567.891")),
        ("-1,000.5", Decimal("-1000.5")),
        ("1,5", None),  # a decimal comma: never read as 15
        ("1.234,56", None),
        ("12,34", None),
        (",123", None),
        ("1,2345", None),
        ("NaN", None),
        ("Infinity", None),
        ("-inf", None),
        ("", None),
        ("plenty", None),
        (None, None),
        (True, None),
        ({}, None),
        ([], None),
    ],
)
def test_decimal_value(value: Any, expected: Decimal | None) -> None:
    assert decimal_value(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2", 2), (Decimal("3.0"), 3), ("1.5", None), ("x", None), (None, None), ("1e999999999", None)],
)
def test_int_value(value: Any, expected: int | None) -> None:
    assert int_value(value) == expected


# ---------------------------------------------------------------- balance and delivery readers


def test_parse_balance_absent() -> None:
    assert parse_balance({"currencecode": "USD"}) is None
    assert parse_balance({"balanceamount": "lots", "balance": 5}) is None  # the first key present decides


def test_parse_delivery_report_needs_dlrstatus() -> None:
    assert parse_delivery_report({"message_id": "1"}, "1") is None
    report = parse_delivery_report({"dlrstatus": None, "phone": "861", "sentdate": "d"}, "asked")
    assert report is not None
    assert (report.message_id, report.status, report.state) == ("asked", "", DeliveryState.PENDING)
    assert (report.phone, report.sent_at, report.parts, report.cost) == ("861", "d", None, None)


@pytest.mark.parametrize(
    ("word", "state"),
    [
        ("Delivered", DeliveryState.DELIVERED),
        (" DELIVRD ", DeliveryState.DELIVERED),
        ("success", DeliveryState.DELIVERED),
        ("Failed", DeliveryState.FAILED),
        ("UNDELIV", DeliveryState.FAILED),
        ("Expired", DeliveryState.FAILED),
        ("REJECTD", DeliveryState.FAILED),
        ("Pending", DeliveryState.PENDING),
        ("EN_ROUTE", DeliveryState.PENDING),
        ("Submitted", DeliveryState.PENDING),
        ("", DeliveryState.PENDING),
        ("Gone Fishing", DeliveryState.OTHER),
    ],
)
def test_delivery_state(word: str, state: DeliveryState) -> None:
    assert delivery_state(word) is state


def test_only_delivered_and_failed_are_final() -> None:
    assert {s for s in DeliveryState if s.is_final} == {DeliveryState.DELIVERED, DeliveryState.FAILED}


# ---------------------------------------------------------------- fuzz: every reply is classified


_json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
_json = st.recursive(
    _json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=6),
    max_leaves=20,
)
_reply_keys = st.sampled_from(
    ["status", "Status", "message_id", "remarks", "uid", "BalanceAmount", "CurrenceCode", "DLRStatus", "x"]
)
_replies = st.dictionaries(_reply_keys, _json, max_size=6).map(lambda d: json.dumps(d).encode())


@settings(max_examples=300, database=None, deadline=None)
@given(
    endpoint=st.sampled_from(list(Endpoint)),
    status=st.integers(100, 599),
    body=st.binary(max_size=64) | _replies,
    retry_after=st.none() | st.text(max_size=40),
    sent_uid=st.none() | st.text(max_size=8),
    require_uid_echo=st.booleans(),
)
def test_classify_never_raises(
    endpoint: Endpoint,
    status: int,
    body: bytes,
    retry_after: str | None,
    sent_uid: str | None,
    require_uid_echo: bool,
) -> None:
    headers = {} if retry_after is None else {"retry-after": retry_after}
    outcome = classify(
        endpoint,
        RawResponse(status, headers, body),
        sent_uid=sent_uid,
        asked_message_id="1",
        require_uid_echo=require_uid_echo,
    )
    if outcome.kind is OutcomeKind.ACCEPTED:
        # Success is read from a 2xx body only, and a SendSMS success always names its message.
        assert 200 <= status < 300
        if endpoint is Endpoint.SEND_SMS:
            assert outcome.message_id
            assert parse_object(body)["status"] == "S"
