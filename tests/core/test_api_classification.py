"""The classification table: every reply and every failure maps to one outcome and one reason.

Each row is checked twice: straight through ``classify`` and through ``LiaSmartClient`` with an
``httpx.MockTransport`` answering the same bytes (the two outcomes must be identical).
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from email.utils import format_datetime
from typing import Any

import httpcore
import httpx
import pytest

from liasmart_desktop.core.api import Endpoint, Outcome, OutcomeKind, Reason, classify
from liasmart_desktop.core.api.client import MAX_RESPONSE_BYTES
from liasmart_desktop.core.api.outcome import DeadlineExceededError, RawResponse, account_reason
from liasmart_desktop.core.api.payloads import Balance, DeliveryState
from liasmart_desktop.core.api.retry_after import MAX_RETRY_AFTER_S
from tests.core.api_support import UID, call, raising, raw, respond

SEND = Endpoint.SEND_SMS
BALANCE = Endpoint.CHECK_BALANCE
STATUS = Endpoint.GET_DELIVERY_STATUS
ACCEPTED = OutcomeKind.ACCEPTED
REJECTED = OutcomeKind.REJECTED
REFUSED = OutcomeKind.REFUSED
NOT_SENT = OutcomeKind.NOT_SENT
RETRY_LATER = OutcomeKind.RETRY_LATER
UNKNOWN = OutcomeKind.UNKNOWN

#: 19 digits, above 2**53: a float would turn it into 1234567890123456768.
BIG_ID = "1234567890123456789"
assert int(BIG_ID) > 2**53
assert str(int(float(BIG_ID))) != BIG_ID

NOW = datetime(2026, 10, 21, 7, 0, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Row:
    """One row of the table: a reply to ``endpoint`` and what it must become."""

    id: str
    endpoint: Endpoint
    body: Any
    kind: OutcomeKind
    reason: Reason
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    sent_uid: str | None = UID
    require_uid_echo: bool = False
    expect: dict[str, Any] = field(default_factory=dict)


def ok(message_id: Any = 26471304, **extra: Any) -> dict[str, Any]:
    return {"message_id": message_id, "status": "S", "remarks": "Message Submitted Sucessfully", **extra}


def failed(remarks: str) -> dict[str, Any]:
    return {"status": "F", "remarks": remarks}


ACCOUNT_REMARKS = [
    ("IP not Whitelisted", Reason.IP_NOT_ALLOWED),
    ("Your IP 203.0.113.9 is not in the white list", Reason.IP_NOT_ALLOWED),
    ("Invalid IP", Reason.IP_NOT_ALLOWED),
    ("IP不在白名单", Reason.IP_NOT_ALLOWED),
    ("Transactional SMS is Not Allowed For Your Account", Reason.TRANSACTIONAL_NOT_ALLOWED),
    ("Insufficient Balance", Reason.INSUFFICIENT_BALANCE),
    ("Your balance is low", Reason.INSUFFICIENT_BALANCE),
    ("余额不足", Reason.INSUFFICIENT_BALANCE),
    ("Invalid Credentials", Reason.CREDENTIALS),
    ("Invalid API ID or Password", Reason.CREDENTIALS),
    ("Authentication failed", Reason.CREDENTIALS),
    ("密码错误", Reason.CREDENTIALS),
    ("Account Suspended", Reason.ACCOUNT_DISABLED),
    ("Your account  is\nsuspended", Reason.ACCOUNT_DISABLED),
    ("账号已停用", Reason.ACCOUNT_DISABLED),
]

ROW_LEVEL_REMARKS = [
    "Invalid Mobile Number",
    "Sender ID not whitelisted",
    "号码不在白名单",
    "Message text is empty",
    "Invalid Sender ID",
    "Shipping to this zip code is not allowed",
]

SEND_ROWS = [
    # ---- S: accepted only with a real message_id
    Row("s-int-id", SEND, ok(), ACCEPTED, Reason.OK, expect={"message_id": "26471304", "uid": None}),
    Row(
        "s-19-digit-id",
        SEND,
        f'{{"message_id": {BIG_ID}, "status": "S"}}',
        ACCEPTED,
        Reason.OK,
        expect={"message_id": BIG_ID},
    ),
    Row("s-string-id", SEND, ok("ab-26471304"), ACCEPTED, Reason.OK, expect={"message_id": "ab-26471304"}),
    Row("s-19-digit-string-id", SEND, ok(BIG_ID), ACCEPTED, Reason.OK, expect={"message_id": BIG_ID}),
    Row(
        "s-exponent-id",
        SEND,
        '{"message_id": 2.6471304E7, "status": "S"}',
        ACCEPTED,
        Reason.OK,
        expect={"message_id": "26471304"},
    ),
    Row(
        "s-remarks-kept",
        SEND,
        ok(),
        ACCEPTED,
        Reason.OK,
        expect={"remarks": "Message Submitted Sucessfully", "http_status": 200},
    ),
    Row(
        "s-utf8-bom",
        SEND,
        b"\xef\xbb\xbf" + b'{"message_id": 5, "status": "S"}',
        ACCEPTED,
        Reason.OK,
        expect={"message_id": "5"},
    ),
    Row("s-list-wrapped", SEND, [ok()], ACCEPTED, Reason.OK, expect={"message_id": "26471304"}),
    Row(
        "s-upper-case-keys",
        SEND,
        {"MESSAGE_ID": 7, "STATUS": "S"},
        ACCEPTED,
        Reason.OK,
        expect={"message_id": "7"},
    ),
    Row("s-missing-id", SEND, {"status": "S"}, UNKNOWN, Reason.MISSING_MESSAGE_ID),
    Row("s-null-id", SEND, ok(None), UNKNOWN, Reason.MISSING_MESSAGE_ID),
    Row("s-zero-id", SEND, ok(0), UNKNOWN, Reason.MISSING_MESSAGE_ID),
    Row("s-zero-string-id", SEND, ok("0"), UNKNOWN, Reason.MISSING_MESSAGE_ID),
    Row("s-empty-id", SEND, ok(""), UNKNOWN, Reason.MISSING_MESSAGE_ID),
    Row("s-blank-id", SEND, ok("  "), UNKNOWN, Reason.MISSING_MESSAGE_ID),
    Row("s-null-word-id", SEND, ok("null"), UNKNOWN, Reason.MISSING_MESSAGE_ID),
    Row("s-fraction-id", SEND, '{"message_id": 1.5, "status": "S"}', UNKNOWN, Reason.MISSING_MESSAGE_ID),
    Row(
        "s-huge-exponent-id",
        SEND,
        '{"message_id": 1e5000, "status": "S"}',
        UNKNOWN,
        Reason.MISSING_MESSAGE_ID,
    ),
    Row("s-bool-id", SEND, ok(True), UNKNOWN, Reason.MISSING_MESSAGE_ID),
    Row("s-object-id", SEND, ok({"id": 1}), UNKNOWN, Reason.MISSING_MESSAGE_ID),
    # ---- uid echo
    Row("uid-equal", SEND, ok(uid=UID), ACCEPTED, Reason.OK, expect={"uid": UID}),
    Row("uid-equal-as-number", SEND, ok(uid=123), ACCEPTED, Reason.OK, sent_uid="123", expect={"uid": "123"}),
    Row(
        "uid-different",
        SEND,
        ok(uid="c7-13-1"),
        UNKNOWN,
        Reason.UID_MISMATCH,
        expect={"uid": "c7-13-1", "message_id": "26471304"},
    ),
    Row("uid-echoed-but-none-sent", SEND, ok(uid="c7-13-1"), UNKNOWN, Reason.UID_MISMATCH, sent_uid=None),
    Row("uid-null-echo", SEND, ok(uid=None), ACCEPTED, Reason.OK, expect={"uid": None}),
    Row("uid-missing-not-required", SEND, ok(), ACCEPTED, Reason.OK),
    Row(
        "uid-missing-required",
        SEND,
        ok(),
        UNKNOWN,
        Reason.UID_MISSING,
        require_uid_echo=True,
        expect={"message_id": "26471304"},
    ),
    Row("uid-null-required", SEND, ok(uid=None), UNKNOWN, Reason.UID_MISSING, require_uid_echo=True),
    Row("uid-empty-required", SEND, ok(uid=""), UNKNOWN, Reason.UID_MISSING, require_uid_echo=True),
    Row("uid-equal-required", SEND, ok(uid=UID), ACCEPTED, Reason.OK, require_uid_echo=True),
    Row("uid-required-none-sent", SEND, ok(), ACCEPTED, Reason.OK, sent_uid=None, require_uid_echo=True),
    Row(
        "uid-missing-id-wins",
        SEND,
        {"status": "S", "uid": UID},
        UNKNOWN,
        Reason.MISSING_MESSAGE_ID,
        expect={"uid": UID},
    ),
    # ---- F
    *[
        Row(f"f-row-{i}", SEND, failed(remark), REJECTED, Reason.REMARKS, expect={"remarks": remark})
        for i, remark in enumerate(ROW_LEVEL_REMARKS)
    ],
    Row(
        "f-with-zero-id",
        SEND,
        {"status": "F", "remarks": "Invalid Mobile Number", "message_id": 0},
        REJECTED,
        Reason.REMARKS,
    ),
    Row("f-no-remarks", SEND, {"status": "F"}, REJECTED, Reason.REMARKS, expect={"remarks": ""}),
    Row(
        "f-numeric-remark",
        SEND,
        '{"status": "F", "remarks": 1e5000}',
        REJECTED,
        Reason.REMARKS,
        expect={"remarks": "1E+5000"},
    ),
    *[
        Row(
            f"f-account-{reason.value}-{i}", SEND, failed(remark), REFUSED, reason, expect={"remarks": remark}
        )
        for i, (remark, reason) in enumerate(ACCOUNT_REMARKS)
    ],
    # ---- status words
    Row(
        "status-lower-s",
        SEND,
        {"status": "s", "message_id": 1},
        UNKNOWN,
        Reason.UNEXPECTED_STATUS,
        expect={"detail": "'s'"},
    ),
    Row("status-lower-f", SEND, {"status": "f", "remarks": "x"}, UNKNOWN, Reason.UNEXPECTED_STATUS),
    Row("status-success", SEND, {"status": "Success", "message_id": 1}, UNKNOWN, Reason.UNEXPECTED_STATUS),
    Row("status-padded", SEND, {"status": " S", "message_id": 1}, UNKNOWN, Reason.UNEXPECTED_STATUS),
    Row("status-number", SEND, {"status": 1, "message_id": 1}, UNKNOWN, Reason.UNEXPECTED_STATUS),
    Row("status-true", SEND, {"status": True, "message_id": 1}, UNKNOWN, Reason.UNEXPECTED_STATUS),
    Row(
        "status-missing",
        SEND,
        {"message_id": 1, "remarks": "?"},
        UNKNOWN,
        Reason.MISSING_STATUS,
        expect={"remarks": "?"},
    ),
    Row("status-null", SEND, {"status": None, "message_id": 1}, UNKNOWN, Reason.MISSING_STATUS),
    # ---- bodies that are not our JSON object
    Row(
        "html-200",
        SEND,
        "<!DOCTYPE html><html><body>Login</body></html>",
        UNKNOWN,
        Reason.NOT_JSON,
        expect={"detail": "html"},
    ),
    Row("empty-body", SEND, b"", UNKNOWN, Reason.EMPTY_BODY, expect={"detail": "empty"}),
    Row("blank-body", SEND, b" \r\n ", UNKNOWN, Reason.EMPTY_BODY),
    Row(
        "truncated-json",
        SEND,
        '{"message_id": 26471304, "status": "S',
        UNKNOWN,
        Reason.NOT_JSON,
        expect={"detail": "garbled"},
    ),
    Row(
        "json-list",
        SEND,
        [ok(), ok()],
        UNKNOWN,
        Reason.UNEXPECTED_SHAPE,
        expect={"detail": "a JSON list, not an object"},
    ),
    Row("json-empty-list", SEND, [], UNKNOWN, Reason.UNEXPECTED_SHAPE),
    Row("json-number", SEND, "42", UNKNOWN, Reason.UNEXPECTED_SHAPE),
    Row("json-string", SEND, '"S"', UNKNOWN, Reason.UNEXPECTED_SHAPE),
    Row("json-null", SEND, "null", UNKNOWN, Reason.UNEXPECTED_SHAPE),
    Row(
        "nan-constant",
        SEND,
        '{"message_id": NaN, "status": "S"}',
        UNKNOWN,
        Reason.NOT_JSON,
        expect={"detail": "non-standard JSON constant NaN"},
    ),
    Row(
        "infinity-constant",
        SEND,
        '{"message_id": 1, "status": "S", "x": -Infinity}',
        UNKNOWN,
        Reason.NOT_JSON,
    ),
    Row(
        "not-utf8",
        SEND,
        b'{"status": "S", "message_id": 1, "remarks": "caf\xe9"}',
        UNKNOWN,
        Reason.NOT_JSON,
        expect={"detail": "not UTF-8"},
    ),
    Row(
        "nested-too-deep",
        SEND,
        "[" * 50_000,
        UNKNOWN,
        Reason.NOT_JSON,
        expect={"detail": "nested too deeply"},
    ),
    Row("no-content-204", SEND, b"", UNKNOWN, Reason.EMPTY_BODY, status=204),
    # ---- HTTP status decides
    *[
        Row(
            f"redirect-{code}",
            SEND,
            "<html>moved</html>",
            UNKNOWN,
            Reason.REDIRECT,
            status=code,
            headers={"Location": "https://elsewhere.test/api/SendSMS"},
            expect={"detail": "https://elsewhere.test/api/SendSMS", "http_status": code},
        )
        for code in (301, 302, 303, 307, 308)
    ],
    Row("redirect-without-location", SEND, b"", UNKNOWN, Reason.REDIRECT, status=302, expect={"detail": ""}),
    *[
        Row(
            f"bad-request-{code}",
            SEND,
            failed("Missing parameter textmessage"),
            REJECTED,
            Reason.BAD_REQUEST,
            status=code,
            expect={"remarks": "Missing parameter textmessage"},
        )
        for code in (400, 413, 422)
    ],
    Row(
        "bad-request-html",
        SEND,
        "<html>Bad Request</html>",
        REJECTED,
        Reason.BAD_REQUEST,
        status=400,
        expect={"remarks": ""},
    ),
    Row(
        "bad-request-message-key",
        SEND,
        {"message": "Bad phonenumber"},
        REJECTED,
        Reason.BAD_REQUEST,
        status=422,
        expect={"remarks": "Bad phonenumber"},
    ),
    Row(
        "bad-request-account", SEND, failed("IP not Whitelisted"), REFUSED, Reason.IP_NOT_ALLOWED, status=400
    ),
    Row(
        "bad-request-balance",
        SEND,
        {"error": "Insufficient balance"},
        REFUSED,
        Reason.INSUFFICIENT_BALANCE,
        status=422,
    ),
    Row("unauthorized-401", SEND, b"", REFUSED, Reason.CREDENTIALS, status=401),
    Row("forbidden-403", SEND, "<html>Forbidden</html>", REFUSED, Reason.CREDENTIALS, status=403),
    Row("forbidden-403-ip", SEND, failed("IP not Whitelisted"), REFUSED, Reason.IP_NOT_ALLOWED, status=403),
    Row("not-found-404", SEND, b"", REFUSED, Reason.ENDPOINT_NOT_FOUND, status=404),
    Row("gone-410", SEND, b"", REFUSED, Reason.ENDPOINT_NOT_FOUND, status=410),
    Row("method-405", SEND, b"", REFUSED, Reason.CONFIGURATION, status=405),
    Row("media-type-415", SEND, b"", REFUSED, Reason.CONFIGURATION, status=415),
    Row("proxy-auth-407", SEND, b"", REFUSED, Reason.PROXY, status=407),
    Row(
        "request-timeout-408",
        SEND,
        b"",
        RETRY_LATER,
        Reason.REQUEST_TIMEOUT,
        status=408,
        expect={"retry_after_s": None},
    ),
    Row(
        "request-timeout-408-retry-after",
        SEND,
        b"",
        RETRY_LATER,
        Reason.REQUEST_TIMEOUT,
        status=408,
        headers={"Retry-After": "3"},
        expect={"retry_after_s": 3.0, "retry_after_capped": False},
    ),
    Row(
        "rate-limited-seconds",
        SEND,
        b"",
        RETRY_LATER,
        Reason.RATE_LIMITED,
        status=429,
        headers={"Retry-After": "7"},
        expect={"retry_after_s": 7.0, "retry_after_capped": False},
    ),
    Row(
        "rate-limited-missing",
        SEND,
        b"",
        RETRY_LATER,
        Reason.RATE_LIMITED,
        status=429,
        expect={"retry_after_s": None, "retry_after_capped": False},
    ),
    Row(
        "rate-limited-garbage",
        SEND,
        b"",
        RETRY_LATER,
        Reason.RATE_LIMITED,
        status=429,
        headers={"Retry-After": "soon-ish"},
        expect={"retry_after_s": None, "retry_after_capped": False},
    ),
    Row(
        "rate-limited-huge",
        SEND,
        b"",
        RETRY_LATER,
        Reason.RATE_LIMITED,
        status=429,
        headers={"Retry-After": "86400"},
        expect={"retry_after_s": MAX_RETRY_AFTER_S, "retry_after_capped": True},
    ),
    Row(
        "rate-limited-absurd",
        SEND,
        b"",
        RETRY_LATER,
        Reason.RATE_LIMITED,
        status=429,
        headers={"Retry-After": "9" * 5000},
        expect={"retry_after_s": MAX_RETRY_AFTER_S, "retry_after_capped": True},
    ),
    *[
        Row(f"server-error-{code}", SEND, "<html>oops</html>", UNKNOWN, Reason.SERVER_ERROR, status=code)
        for code in (500, 502, 503, 504, 599)
    ],
    Row(
        "server-error-503-retry-after",
        SEND,
        b"",
        UNKNOWN,
        Reason.SERVER_ERROR,
        status=503,
        headers={"Retry-After": "5"},
        expect={"retry_after_s": None},
    ),
    *[
        Row(
            f"other-4xx-{code}",
            SEND,
            failed("whatever"),
            UNKNOWN,
            Reason.UNEXPECTED_HTTP_STATUS,
            status=code,
            expect={"remarks": "whatever"},
        )
        for code in (402, 409, 418, 451)
    ],
    Row("other-status-199", SEND, ok(), UNKNOWN, Reason.UNEXPECTED_HTTP_STATUS, status=199),
]

BALANCE_ROWS = [
    Row(
        "balance-vendor-spelling",
        BALANCE,
        {"BalanceAmount": 1000, "CurrenceCode": "USD"},
        ACCEPTED,
        Reason.OK,
        expect={"balance": Balance(Decimal(1000), "USD")},
    ),
    Row(
        "balance-with-message",
        BALANCE,
        {"BalanceAmount": "12.50", "CurrenceCode": "CNY", "Message": "OK"},
        ACCEPTED,
        Reason.OK,
        expect={"balance": Balance(Decimal("12.50"), "CNY", "OK"), "remarks": "OK"},
    ),
    Row(
        "balance-thousands",
        BALANCE,
        {"BalanceAmount": "1,234,567.89", "CurrencyCode": "USD"},
        ACCEPTED,
        Reason.OK,
        expect={"balance": Balance(Decimal("1234567.89"), "USD")},
    ),
    Row(
        "balance-decimal-comma",
        BALANCE,
        {"BalanceAmount": "1,5", "CurrenceCode": "EUR"},
        UNKNOWN,
        Reason.UNEXPECTED_SHAPE,
    ),
    Row(
        "balance-other-spelling",
        BALANCE,
        {"balance": 3.25, "currency": "EUR"},
        ACCEPTED,
        Reason.OK,
        expect={"balance": Balance(Decimal("3.25"), "EUR")},
    ),
    Row(
        "balance-amount-key",
        BALANCE,
        {"Amount": 7, "Currency_Code": "SGD"},
        ACCEPTED,
        Reason.OK,
        expect={"balance": Balance(Decimal(7), "SGD")},
    ),
    Row(
        "balance-credit-key",
        BALANCE,
        {"Credit": "-2.5", "CurrencyCode": "USD"},
        ACCEPTED,
        Reason.OK,
        expect={"balance": Balance(Decimal("-2.5"), "USD")},
    ),
    Row(
        "balance-credits",
        BALANCE,
        {"credits": "0"},
        ACCEPTED,
        Reason.OK,
        expect={"balance": Balance(Decimal(0), "")},
    ),
    Row(
        "balance-list-wrapped",
        BALANCE,
        [{"BalanceAmount": 5, "CurrenceCode": "USD"}],
        ACCEPTED,
        Reason.OK,
        expect={"balance": Balance(Decimal(5), "USD")},
    ),
    Row(
        "balance-f-credentials",
        BALANCE,
        failed("Invalid API Credentials"),
        REFUSED,
        Reason.CREDENTIALS,
        expect={"remarks": "Invalid API Credentials"},
    ),
    Row("balance-f-ip", BALANCE, failed("IP not Whitelisted"), REFUSED, Reason.IP_NOT_ALLOWED),
    Row("balance-f-other", BALANCE, failed("Something else"), REFUSED, Reason.REMARKS),
    Row(
        "balance-lower-f",
        BALANCE,
        {"status": "f", "message": "Account Suspended"},
        REFUSED,
        Reason.ACCOUNT_DISABLED,
        expect={"remarks": "Account Suspended"},
    ),
    Row(
        "balance-missing-amount",
        BALANCE,
        {"CurrenceCode": "USD", "Message": "OK"},
        UNKNOWN,
        Reason.UNEXPECTED_SHAPE,
        expect={"remarks": "OK"},
    ),
    Row("balance-null-amount", BALANCE, {"BalanceAmount": None}, UNKNOWN, Reason.UNEXPECTED_SHAPE),
    Row("balance-text-amount", BALANCE, {"BalanceAmount": "plenty"}, UNKNOWN, Reason.UNEXPECTED_SHAPE),
    Row("balance-html", BALANCE, "<html></html>", UNKNOWN, Reason.NOT_JSON),
    Row("balance-401", BALANCE, b"", REFUSED, Reason.CREDENTIALS, status=401),
    Row("balance-500", BALANCE, b"", UNKNOWN, Reason.SERVER_ERROR, status=500),
]

DLR = {
    "message_id": 26471304,
    "PhoneNumber": "8613912345678",
    "SMSMessage": "Hello 你好",
    "MessageType": "Unicode",
    "MessageLength": 8,
    "MessageParts": 1,
    "ClientCost": "0.0450",
    "DLRStatus": "Delivered",
    "SMSID": "9f2c",
    "ErrorCode": "000",
    "ErrorDescription": "Delivered",
    "SentDateUTC": "2026-10-21T07:00:00",
    "Remarks": "ok",
}

STATUS_ROWS = [
    Row(
        "dlr-documented", STATUS, DLR, ACCEPTED, Reason.OK, expect={"message_id": "26471304", "remarks": "ok"}
    ),
    Row("dlr-list-wrapped", STATUS, [DLR], ACCEPTED, Reason.OK),
    Row(
        "dlr-no-id-uses-asked",
        STATUS,
        {"DLRStatus": "Pending"},
        ACCEPTED,
        Reason.OK,
        expect={"message_id": "26471304"},
    ),
    Row(
        "dlr-other-id",
        STATUS,
        {**DLR, "message_id": 99},
        UNKNOWN,
        Reason.MESSAGE_ID_MISMATCH,
        expect={"message_id": "99", "detail": "asked about '26471304'"},
    ),
    Row(
        "dlr-f-invalid-id",
        STATUS,
        failed("Invalid Message ID"),
        REJECTED,
        Reason.REMARKS,
        expect={"remarks": "Invalid Message ID"},
    ),
    Row("dlr-f-account", STATUS, failed("IP not Whitelisted"), REFUSED, Reason.IP_NOT_ALLOWED),
    Row(
        "dlr-f-message-key",
        STATUS,
        {"status": "F", "message": "Invalid Message ID"},
        REJECTED,
        Reason.REMARKS,
        expect={"remarks": "Invalid Message ID"},
    ),
    Row(
        "dlr-missing-status",
        STATUS,
        {"message_id": 26471304, "Remarks": "?"},
        UNKNOWN,
        Reason.UNEXPECTED_SHAPE,
        expect={"remarks": "?"},
    ),
    Row("dlr-404", STATUS, b"", REFUSED, Reason.ENDPOINT_NOT_FOUND, status=404),
]

ALL_ROWS = SEND_ROWS + BALANCE_ROWS + STATUS_ROWS


def _direct(row: Row) -> Outcome:
    return classify(
        row.endpoint,
        raw(row.body, row.status, row.headers),
        sent_uid=row.sent_uid,
        asked_message_id="26471304" if row.endpoint is STATUS else "",
        require_uid_echo=row.require_uid_echo,
        now=NOW,
    )


def _check(outcome: Outcome, row: Row) -> None:
    assert (outcome.kind, outcome.reason) == (row.kind, row.reason), outcome
    assert outcome.http_status == row.status
    for name, value in row.expect.items():
        assert getattr(outcome, name) == value, (name, outcome)


@pytest.mark.parametrize("row", ALL_ROWS, ids=[row.id for row in ALL_ROWS])
def test_classify_row(row: Row) -> None:
    _check(_direct(row), row)


@pytest.mark.parametrize("row", ALL_ROWS, ids=[row.id for row in ALL_ROWS])
def test_row_through_client(row: Row) -> None:
    outcome, requests = call(
        row.endpoint,
        respond(row.body, row.status, row.headers),
        sent_uid=row.sent_uid,
        require_uid_echo=row.require_uid_echo,
    )
    _check(outcome, row)
    assert outcome == _direct(row)
    assert len(requests) == 1  # redirects included: never followed


def test_ids_stay_exact_text() -> None:
    outcome = classify(SEND, raw(f'{{"status":"S","message_id":{BIG_ID},"uid":"{UID}"}}'), sent_uid=UID)
    assert outcome.message_id == BIG_ID
    assert isinstance(outcome.message_id, str)


@pytest.mark.parametrize(("remark", "reason"), ACCOUNT_REMARKS)
def test_account_reason_names_account_remarks(remark: str, reason: Reason) -> None:
    assert account_reason(remark) is reason


@pytest.mark.parametrize("remark", [*ROW_LEVEL_REMARKS, "", "Invalid Message ID"])
def test_account_reason_leaves_row_remarks_alone(remark: str) -> None:
    assert account_reason(remark) is None


# ---------------------------------------------------------------- Retry-After with a fixed clock


@pytest.mark.parametrize(
    ("header", "seconds", "capped"),
    [
        ("Wed, 21 Oct 2026 07:02:00 GMT", 120.0, False),
        ("Wed, 21 Oct 2026 06:00:00 GMT", 0.0, False),  # in the past: go now
        ("Wed, 21 Oct 2026 09:00:00 GMT", MAX_RETRY_AFTER_S, True),
    ],
)
def test_rate_limited_http_date(header: str, seconds: float, capped: bool) -> None:
    outcome = classify(SEND, raw(b"", 429, {"Retry-After": header}), now=NOW)
    assert (outcome.kind, outcome.reason) == (RETRY_LATER, Reason.RATE_LIMITED)
    assert outcome.retry_after_s == seconds
    assert outcome.retry_after_capped is capped


def test_rate_limited_http_date_through_client() -> None:
    when = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=90)
    outcome, _ = call(SEND, respond(b"", 429, {"Retry-After": format_datetime(when, usegmt=True)}))
    assert (outcome.kind, outcome.reason) == (RETRY_LATER, Reason.RATE_LIMITED)
    assert outcome.retry_after_s is not None
    assert 80 <= outcome.retry_after_s <= 90
    assert not outcome.retry_after_capped


# ---------------------------------------------------------------- a capped body


def test_status_decides_before_the_body_cap() -> None:
    huge = RawResponse(429, {"retry-after": "7"}, b"", too_large=True)
    outcome = classify(SEND, huge)
    assert (outcome.kind, outcome.reason, outcome.retry_after_s) == (RETRY_LATER, Reason.RATE_LIMITED, 7.0)


@pytest.mark.parametrize(
    ("status", "kind", "reason"),
    [
        (200, UNKNOWN, Reason.BODY_TOO_LARGE),
        (401, REFUSED, Reason.CREDENTIALS),
        (400, REJECTED, Reason.BAD_REQUEST),
        (404, REFUSED, Reason.ENDPOINT_NOT_FOUND),
        (429, RETRY_LATER, Reason.RATE_LIMITED),
        (302, UNKNOWN, Reason.REDIRECT),
        (502, UNKNOWN, Reason.SERVER_ERROR),
        (409, UNKNOWN, Reason.UNEXPECTED_HTTP_STATUS),
    ],
)
def test_body_larger_than_the_cap(status: int, kind: OutcomeKind, reason: Reason) -> None:
    page = b"<html>" + b"x" * MAX_RESPONSE_BYTES + b"</html>"
    outcome, _ = call(SEND, respond(page, status))
    assert (outcome.kind, outcome.reason, outcome.http_status) == (kind, reason, status)


def test_body_exactly_at_the_cap_is_read() -> None:
    body = b'{"message_id": 1, "status": "S"}'
    body += b" " * (MAX_RESPONSE_BYTES - len(body))
    outcome, _ = call(SEND, respond(body))
    assert (outcome.kind, outcome.message_id) == (ACCEPTED, "1")


# ---------------------------------------------------------------- delivery words


@pytest.mark.parametrize(
    ("word", "state"),
    [
        ("Delivered", DeliveryState.DELIVERED),
        ("DELIVRD", DeliveryState.DELIVERED),
        ("Failed", DeliveryState.FAILED),
        ("UNDELIV", DeliveryState.FAILED),
        ("Expired", DeliveryState.FAILED),
        ("Rejected", DeliveryState.FAILED),
        ("Pending", DeliveryState.PENDING),
        ("Sent", DeliveryState.PENDING),
        ("", DeliveryState.PENDING),
        ("Mysterious Limbo", DeliveryState.OTHER),
    ],
)
def test_delivery_words(word: str, state: DeliveryState) -> None:
    outcome, _ = call(STATUS, respond({**DLR, "DLRStatus": word}))
    assert outcome.kind is ACCEPTED
    assert outcome.report is not None
    assert outcome.report.state is state
    assert outcome.report.status == word  # the raw word is kept


def test_documented_delivery_fields() -> None:
    outcome, _ = call(STATUS, respond(DLR))
    report = outcome.report
    assert report is not None
    assert report.message_id == "26471304"
    assert report.phone == "8613912345678"
    assert report.error_code == "000"
    assert report.error_description == "Delivered"
    assert report.sent_at == "2026-10-21T07:00:00"
    assert report.parts == 1
    assert report.cost == Decimal("0.0450")
    assert report.remarks == "ok"
    assert report.state.is_final


# ---------------------------------------------------------------- exceptions


def _with_cause(exc: BaseException, cause: BaseException, *, context_only: bool = False) -> BaseException:
    if context_only:
        exc.__context__ = cause
    else:
        exc.__cause__ = cause
    return exc


def _cycle() -> BaseException:
    first = httpx.ConnectError("first")
    second = OSError("second")
    first.__cause__ = second
    second.__cause__ = first
    return first


CERT_FAILURE = "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate"

EXCEPTION_ROWS: list[tuple[str, BaseException, OutcomeKind, Reason]] = [
    (
        "connect-refused",
        httpx.ConnectError("[Errno 111] Connection refused"),
        NOT_SENT,
        Reason.CONNECT_FAILED,
    ),
    (
        "dns-failure",
        httpx.ConnectError("[Errno -2] Name or service not known"),
        NOT_SENT,
        Reason.CONNECT_FAILED,
    ),
    (
        "tls-cert-cause",
        _with_cause(httpx.ConnectError("handshake"), ssl.SSLCertVerificationError(1, CERT_FAILURE)),
        REFUSED,
        Reason.TLS_CERTIFICATE,
    ),
    (
        "tls-cert-context",
        _with_cause(httpx.ConnectError("handshake"), ssl.SSLCertVerificationError(1, "x"), context_only=True),
        REFUSED,
        Reason.TLS_CERTIFICATE,
    ),
    (
        "tls-cert-two-deep",
        _with_cause(
            httpx.ConnectError("handshake"),
            _with_cause(httpcore.ConnectError("inner"), ssl.SSLCertVerificationError(1, "x")),
        ),
        REFUSED,
        Reason.TLS_CERTIFICATE,
    ),
    (
        "tls-eof",
        _with_cause(httpx.ConnectError("EOF occurred"), ssl.SSLEOFError(8, "EOF")),
        NOT_SENT,
        Reason.CONNECT_FAILED,
    ),
    (
        "tls-zero-return",
        _with_cause(httpx.ConnectError("closed"), ssl.SSLZeroReturnError(6, "zero")),
        NOT_SENT,
        Reason.CONNECT_FAILED,
    ),
    (
        "tls-syscall",
        _with_cause(httpx.ConnectError("reset"), ssl.SSLSyscallError(5, "syscall")),
        NOT_SENT,
        Reason.CONNECT_FAILED,
    ),
    (
        "tls-other",
        _with_cause(httpx.ConnectError("handshake"), ssl.SSLError(1, "[SSL: WRONG_VERSION_NUMBER]")),
        REFUSED,
        Reason.TLS_ERROR,
    ),
    ("tls-message-only", httpx.ConnectError(CERT_FAILURE), REFUSED, Reason.TLS_CERTIFICATE),
    ("cause-cycle", _cycle(), NOT_SENT, Reason.CONNECT_FAILED),
    ("connect-timeout", httpx.ConnectTimeout("timed out"), NOT_SENT, Reason.CONNECT_TIMEOUT),
    ("pool-timeout", httpx.PoolTimeout("no connection free"), NOT_SENT, Reason.POOL_TIMEOUT),
    ("read-timeout", httpx.ReadTimeout("timed out"), UNKNOWN, Reason.READ_TIMEOUT),
    ("write-timeout", httpx.WriteTimeout("timed out"), UNKNOWN, Reason.WRITE_TIMEOUT),
    ("read-error", httpx.ReadError("[Errno 104] Connection reset by peer"), UNKNOWN, Reason.CONNECTION_LOST),
    ("write-error", httpx.WriteError("[Errno 32] Broken pipe"), UNKNOWN, Reason.CONNECTION_LOST),
    (
        "remote-protocol",
        httpx.RemoteProtocolError("Server disconnected without sending a response."),
        UNKNOWN,
        Reason.CONNECTION_LOST,
    ),
    ("close-error", httpx.CloseError("close failed"), UNKNOWN, Reason.CONNECTION_LOST),
    ("proxy-error", httpx.ProxyError("407 Proxy Authentication Required"), REFUSED, Reason.PROXY),
    (
        "unsupported-protocol",
        httpx.UnsupportedProtocol("Request URL has an unsupported protocol 'ftp://'."),
        REFUSED,
        Reason.CONFIGURATION,
    ),
    ("local-protocol", httpx.LocalProtocolError("Illegal header value"), REFUSED, Reason.CONFIGURATION),
    ("invalid-url", httpx.InvalidURL("Invalid port"), REFUSED, Reason.CONFIGURATION),
    ("decoding", httpx.DecodingError("Error -3 while decompressing data"), UNKNOWN, Reason.NOT_JSON),
    (
        "too-many-redirects",
        httpx.TooManyRedirects("Exceeded maximum allowed redirects."),
        UNKNOWN,
        Reason.REDIRECT,
    ),
    ("deadline", DeadlineExceededError("no complete reply within 60 s"), UNKNOWN, Reason.DEADLINE),
    ("unexpected-runtime", RuntimeError("something odd"), UNKNOWN, Reason.UNEXPECTED_ERROR),
    ("unexpected-key", KeyError("x"), UNKNOWN, Reason.UNEXPECTED_ERROR),
]


@pytest.mark.parametrize(
    ("exc", "kind", "reason"),
    [row[1:] for row in EXCEPTION_ROWS],
    ids=[row[0] for row in EXCEPTION_ROWS],
)
def test_exception_rows(exc: BaseException, kind: OutcomeKind, reason: Reason) -> None:
    direct = classify(SEND, exc)
    assert (direct.kind, direct.reason) == (kind, reason)
    assert direct.http_status is None
    assert direct.detail.startswith(f"{type(exc).__name__}: ")
    outcome, requests = call(SEND, raising(exc))
    assert outcome == direct
    assert len(requests) == 1


def test_every_endpoint_classifies_exceptions_alike() -> None:
    for endpoint in Endpoint:
        assert classify(endpoint, httpx.ConnectTimeout("x")).kind is NOT_SENT
        assert classify(endpoint, httpx.ReadTimeout("x")).kind is UNKNOWN


# ---------------------------------------------------------------- reached_provider


@pytest.mark.parametrize(
    ("outcome", "reached"),
    [
        (Outcome(NOT_SENT, Reason.CONNECT_FAILED), False),
        (Outcome(UNKNOWN, Reason.READ_TIMEOUT), None),
        (Outcome(UNKNOWN, Reason.SERVER_ERROR, 500), None),
        (Outcome(ACCEPTED, Reason.OK, 200, message_id="1"), True),
        (Outcome(REJECTED, Reason.REMARKS, 200), True),
        (Outcome(RETRY_LATER, Reason.RATE_LIMITED, 429), True),
        (Outcome(REFUSED, Reason.CREDENTIALS, 401), True),
        (Outcome(REFUSED, Reason.TLS_CERTIFICATE), False),
        (Outcome(REFUSED, Reason.PROXY), False),
    ],
)
def test_reached_provider(outcome: Outcome, reached: bool | None) -> None:
    assert outcome.reached_provider is reached
