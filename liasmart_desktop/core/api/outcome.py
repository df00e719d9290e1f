"""The one rule that turns any reply or transport failure into an outcome the sender can act on.

    accepted     the provider took the message (or answered the query)
    rejected     the provider refused this one request; its remark says why      → not retried
    refused      the account or the setup is refused (credentials, IP allow-list,
                 balance, transactional not allowed, TLS certificate, proxy, URL) → stop everything
    not_sent     the request provably never reached the provider                  → retry, back-off
    retry_later  the provider asked us to come back (408, 429 + Retry-After)      → retry after delay
    unknown      it may or may not have been processed (read timeout, connection
                 lost after writing, 5xx, HTML, garbled or truncated JSON, odd
                 values)                                                          → never auto-retried

LiaSmart answers HTTP 200 for both success and failure; success is read from the body only.
"""

from __future__ import annotations

import enum
import re
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx

from liasmart_desktop.core.api.payloads import (
    Balance,
    BodyError,
    DeliveryReport,
    Endpoint,
    message_id_value,
    parse_balance,
    parse_delivery_report,
    parse_object,
    text_value,
)
from liasmart_desktop.core.api.retry_after import parse_retry_after


class OutcomeKind(enum.Enum):
    """What the sender may do next (see the module docstring)."""

    ACCEPTED = "accepted"
    REJECTED = "rejected"
    REFUSED = "refused"
    NOT_SENT = "not_sent"
    RETRY_LATER = "retry_later"
    UNKNOWN = "unknown"


class Reason(enum.Enum):
    """The cause behind an outcome, for messages and logs."""

    OK = "ok"
    REMARKS = "remarks"
    BAD_REQUEST = "bad_request"
    CREDENTIALS = "credentials"
    IP_NOT_ALLOWED = "ip_not_allowed"
    INSUFFICIENT_BALANCE = "insufficient_balance"
    TRANSACTIONAL_NOT_ALLOWED = "transactional_not_allowed"
    ACCOUNT_DISABLED = "account_disabled"
    ENDPOINT_NOT_FOUND = "endpoint_not_found"
    PROXY = "proxy"
    TLS_CERTIFICATE = "tls_certificate"
    TLS_ERROR = "tls_error"
    CONFIGURATION = "configuration"
    CONNECT_FAILED = "connect_failed"
    CONNECT_TIMEOUT = "connect_timeout"
    POOL_TIMEOUT = "pool_timeout"
    REQUEST_TIMEOUT = "request_timeout"
    RATE_LIMITED = "rate_limited"
    READ_TIMEOUT = "read_timeout"
    WRITE_TIMEOUT = "write_timeout"
    CONNECTION_LOST = "connection_lost"
    DEADLINE = "deadline"
    SERVER_ERROR = "server_error"
    REDIRECT = "redirect"
    UNEXPECTED_HTTP_STATUS = "unexpected_http_status"
    BODY_TOO_LARGE = "body_too_large"
    EMPTY_BODY = "empty_body"
    NOT_JSON = "not_json"
    UNEXPECTED_SHAPE = "unexpected_shape"
    MISSING_STATUS = "missing_status"
    UNEXPECTED_STATUS = "unexpected_status"
    MISSING_MESSAGE_ID = "missing_message_id"
    UID_MISMATCH = "uid_mismatch"
    UID_MISSING = "uid_missing"
    MESSAGE_ID_MISMATCH = "message_id_mismatch"
    UNEXPECTED_ERROR = "unexpected_error"


@dataclass(frozen=True, slots=True)
class Outcome:
    """The classified result of one API call. ``detail`` is technical text for logs, never secret."""

    kind: OutcomeKind
    reason: Reason
    http_status: int | None = None
    remarks: str = ""
    message_id: str | None = None
    uid: str | None = None
    retry_after_s: float | None = None
    retry_after_capped: bool = False
    detail: str = ""
    balance: Balance | None = None
    report: DeliveryReport | None = None

    @property
    def reached_provider(self) -> bool | None:
        """``False`` when provably not sent, ``True`` when the provider answered, ``None`` if unknowable."""
        if self.kind is OutcomeKind.NOT_SENT:
            return False
        if self.kind is OutcomeKind.UNKNOWN:
            return None
        return self.http_status is not None


@dataclass(frozen=True, slots=True)
class RawResponse:
    """A reply read with a size cap: status, lower-cased headers and (at most the capped) body."""

    status_code: int
    headers: Mapping[str, str]
    body: bytes
    too_large: bool = False


class DeadlineExceededError(Exception):
    """Our own overall per-request deadline passed while the reply was still trickling in."""


# "IP" as a word of its own (also next to Chinese text: "IP不在白名单"), not inside "ship" or "zip".
_IP_WORD_RE = re.compile(r"(?<![a-z0-9])ip(?:s|v4|v6)?(?![a-z])")
# With the word "IP", these name the IP allow-list. Alone they do not: "Sender ID not whitelisted" or
# "号码不在白名单" is about this message (the fault matrix keeps those row-level).
_IP_REFUSAL_FRAGMENTS = (
    "whitelist",
    "white list",
    "white-list",
    "allowlist",
    "allow list",
    "allow-list",
    "not allowed",
    "not authori",
    "unauthori",
    "denied",
    "invalid ip",
    "白名单",
    "不允许",
    "未授权",
)
# Other account-level remark fragments, checked in this order on the lower-cased remark.
_ACCOUNT_REMARKS: tuple[tuple[Reason, tuple[str, ...]], ...] = (
    (
        Reason.TRANSACTIONAL_NOT_ALLOWED,
        ("transactional sms is not allowed", "transactional not allowed"),
    ),
    (
        Reason.INSUFFICIENT_BALANCE,
        (
            "insufficient balance",
            "low balance",
            "insufficient credit",
            "not enough balance",
            "no balance",
            "insufficient fund",
            "balance is low",
            "余额不足",
        ),
    ),
    (
        Reason.ACCOUNT_DISABLED,
        (
            "account suspended",
            "account blocked",
            "account inactive",
            "account disabled",
            "account expired",
            "account deactivated",
            "account is suspended",
            "account is blocked",
            "account is inactive",
            "account is disabled",
            "account has expired",
            "账号已停用",
            "账户已停用",
        ),
    ),
    (
        Reason.CREDENTIALS,
        (
            "invalid api",
            "api_id",
            "api id",
            "api_password",
            "password",
            "credential",
            "authenticat",
            "unauthori",
            "invalid user",
            "invalid login",
            "login failed",
            "密码",
            "鉴权",
            "认证失败",
        ),
    ),
)


def account_reason(remarks: str) -> Reason | None:
    """The account-level cause named by a failure remark, ``None`` for a row-level remark."""
    text = " ".join(remarks.lower().split())
    if _IP_WORD_RE.search(text) and any(fragment in text for fragment in _IP_REFUSAL_FRAGMENTS):
        return Reason.IP_NOT_ALLOWED
    for reason, fragments in _ACCOUNT_REMARKS:
        if any(fragment in text for fragment in fragments):
            return reason
    return None


def _failure(remarks: str, http_status: int, *, row_level: OutcomeKind) -> Outcome:
    reason = account_reason(remarks)
    if reason is not None:
        return Outcome(OutcomeKind.REFUSED, reason, http_status, remarks=remarks)
    return Outcome(row_level, Reason.REMARKS, http_status, remarks=remarks)


def _cause_chain(exc: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def _classify_connect_error(exc: httpx.ConnectError) -> Outcome:
    detail = f"{type(exc).__name__}: {exc}"
    for cause in _cause_chain(exc):
        if isinstance(cause, ssl.SSLCertVerificationError):
            return Outcome(OutcomeKind.REFUSED, Reason.TLS_CERTIFICATE, detail=detail)
        if isinstance(cause, ssl.SSLEOFError | ssl.SSLZeroReturnError | ssl.SSLSyscallError):
            break  # the connection dropped during the handshake: a network failure, not a TLS verdict
        if isinstance(cause, ssl.SSLError):
            return Outcome(OutcomeKind.REFUSED, Reason.TLS_ERROR, detail=detail)
    if "CERTIFICATE_VERIFY_FAILED" in str(exc):
        return Outcome(OutcomeKind.REFUSED, Reason.TLS_CERTIFICATE, detail=detail)
    return Outcome(OutcomeKind.NOT_SENT, Reason.CONNECT_FAILED, detail=detail)


# Checked in order: subclasses before their bases.
_EXCEPTION_RULES: tuple[tuple[type[BaseException], OutcomeKind, Reason], ...] = (
    (httpx.ConnectTimeout, OutcomeKind.NOT_SENT, Reason.CONNECT_TIMEOUT),
    (httpx.PoolTimeout, OutcomeKind.NOT_SENT, Reason.POOL_TIMEOUT),
    (httpx.ReadTimeout, OutcomeKind.UNKNOWN, Reason.READ_TIMEOUT),
    (httpx.WriteTimeout, OutcomeKind.UNKNOWN, Reason.WRITE_TIMEOUT),
    (httpx.ProxyError, OutcomeKind.REFUSED, Reason.PROXY),
    (httpx.UnsupportedProtocol, OutcomeKind.REFUSED, Reason.CONFIGURATION),
    (httpx.LocalProtocolError, OutcomeKind.REFUSED, Reason.CONFIGURATION),
    (httpx.InvalidURL, OutcomeKind.REFUSED, Reason.CONFIGURATION),
    (httpx.TooManyRedirects, OutcomeKind.UNKNOWN, Reason.REDIRECT),
    (DeadlineExceededError, OutcomeKind.UNKNOWN, Reason.DEADLINE),
    (httpx.TransportError, OutcomeKind.UNKNOWN, Reason.CONNECTION_LOST),
    (httpx.DecodingError, OutcomeKind.UNKNOWN, Reason.NOT_JSON),
)


def _classify_exception(exc: BaseException) -> Outcome:
    if isinstance(exc, httpx.ConnectError):
        return _classify_connect_error(exc)
    detail = f"{type(exc).__name__}: {exc}"
    for exc_type, kind, reason in _EXCEPTION_RULES:
        if isinstance(exc, exc_type):
            return Outcome(kind, reason, detail=detail)
    # Anything we did not foresee happened while the request may have been on the wire.
    return Outcome(OutcomeKind.UNKNOWN, Reason.UNEXPECTED_ERROR, detail=detail)


def _status_only(status: int, headers: Mapping[str, str], now: datetime | None) -> Outcome | None:
    """Outcomes decided by the HTTP status alone (``None``: read the body)."""
    if 300 <= status < 400:
        return Outcome(OutcomeKind.UNKNOWN, Reason.REDIRECT, status, detail=headers.get("location", ""))
    if status in {408, 429}:
        retry = parse_retry_after(headers.get("retry-after"), now)
        return Outcome(
            OutcomeKind.RETRY_LATER,
            Reason.REQUEST_TIMEOUT if status == 408 else Reason.RATE_LIMITED,
            status,
            retry_after_s=None if retry is None else retry.seconds,
            retry_after_capped=retry is not None and retry.capped,
        )
    if status == 407:
        return Outcome(OutcomeKind.REFUSED, Reason.PROXY, status)
    if status in {404, 410}:
        return Outcome(OutcomeKind.REFUSED, Reason.ENDPOINT_NOT_FOUND, status)
    if status in {405, 415}:
        return Outcome(OutcomeKind.REFUSED, Reason.CONFIGURATION, status)
    if status >= 500:
        return Outcome(OutcomeKind.UNKNOWN, Reason.SERVER_ERROR, status)
    return None


def _error_status(status: int, data: Mapping[str, Any] | None) -> Outcome:
    """401/403 and 400/413/422: refused or rejected, with the body's remark when there is one."""
    remarks = text_value(data, "remarks", "message", "error") if data is not None else ""
    named = account_reason(remarks)
    if status in {401, 403}:
        return Outcome(OutcomeKind.REFUSED, named or Reason.CREDENTIALS, status, remarks=remarks)
    if status in {400, 413, 422}:
        if named is not None:
            return Outcome(OutcomeKind.REFUSED, named, status, remarks=remarks)
        return Outcome(OutcomeKind.REJECTED, Reason.BAD_REQUEST, status, remarks=remarks)
    return Outcome(OutcomeKind.UNKNOWN, Reason.UNEXPECTED_HTTP_STATUS, status, remarks=remarks)


def _classify_send(
    data: Mapping[str, Any], status: int, sent_uid: str | None, require_uid_echo: bool
) -> Outcome:
    remarks = text_value(data, "remarks")
    if "status" not in data or data["status"] is None:
        return Outcome(OutcomeKind.UNKNOWN, Reason.MISSING_STATUS, status, remarks=remarks)
    word = data["status"]
    if word == "F":
        return _failure(remarks, status, row_level=OutcomeKind.REJECTED)
    if word != "S":
        return Outcome(
            OutcomeKind.UNKNOWN,
            Reason.UNEXPECTED_STATUS,
            status,
            remarks=remarks,
            detail=repr(word),
        )
    message_id = message_id_value(data.get("message_id"))
    echoed = text_value(data, "uid") or None
    sent = sent_uid or None  # an empty uid is not sent at all (SmsMessage.params)
    if message_id is None:
        return Outcome(OutcomeKind.UNKNOWN, Reason.MISSING_MESSAGE_ID, status, remarks=remarks, uid=echoed)
    # A reply naming another uid, or one when we sent none, may belong to another request.
    if echoed is not None and echoed != sent:
        return Outcome(
            OutcomeKind.UNKNOWN,
            Reason.UID_MISMATCH,
            status,
            remarks=remarks,
            message_id=message_id,
            uid=echoed,
        )
    if echoed is None and sent is not None and require_uid_echo:
        return Outcome(
            OutcomeKind.UNKNOWN, Reason.UID_MISSING, status, remarks=remarks, message_id=message_id
        )
    return Outcome(
        OutcomeKind.ACCEPTED, Reason.OK, status, remarks=remarks, message_id=message_id, uid=echoed
    )


def _is_failure(data: Mapping[str, Any]) -> bool:
    return text_value(data, "status").upper() == "F"


def _classify_balance(data: Mapping[str, Any], status: int) -> Outcome:
    remarks = text_value(data, "remarks", "message")
    if _is_failure(data):
        # A balance query has no row to blame: every failure is about the account.
        return Outcome(
            OutcomeKind.REFUSED, account_reason(remarks) or Reason.REMARKS, status, remarks=remarks
        )
    balance = parse_balance(data)
    if balance is None:
        return Outcome(OutcomeKind.UNKNOWN, Reason.UNEXPECTED_SHAPE, status, remarks=remarks)
    return Outcome(OutcomeKind.ACCEPTED, Reason.OK, status, remarks=remarks, balance=balance)


def _classify_delivery(data: Mapping[str, Any], status: int, asked_id: str) -> Outcome:
    if _is_failure(data):
        return _failure(text_value(data, "remarks", "message"), status, row_level=OutcomeKind.REJECTED)
    report = parse_delivery_report(data, asked_id)
    if report is None:
        return Outcome(
            OutcomeKind.UNKNOWN,
            Reason.UNEXPECTED_SHAPE,
            status,
            remarks=text_value(data, "remarks"),
        )
    if asked_id and report.message_id != asked_id:
        # A report about another message must never mark this one delivered or failed.
        return Outcome(
            OutcomeKind.UNKNOWN,
            Reason.MESSAGE_ID_MISMATCH,
            status,
            remarks=report.remarks,
            message_id=report.message_id,
            detail=f"asked about {asked_id!r}",
        )
    return Outcome(
        OutcomeKind.ACCEPTED,
        Reason.OK,
        status,
        remarks=report.remarks,
        message_id=report.message_id,
        report=report,
    )


def _classify_response(
    endpoint: Endpoint,
    response: RawResponse,
    *,
    sent_uid: str | None,
    asked_message_id: str,
    require_uid_echo: bool,
    now: datetime | None,
) -> Outcome:
    status = response.status_code
    # The status alone decides first: a 429 or a 404 stays one even when a proxy's page is huge.
    decided = _status_only(status, response.headers, now)
    if decided is not None:
        return decided
    data: dict[str, Any] | None = None
    problem = ""
    if not response.too_large:
        try:
            data = parse_object(response.body)
        except BodyError as exc:
            problem = str(exc)
    if not 200 <= status < 300:
        return _error_status(status, data)
    if response.too_large:
        return Outcome(OutcomeKind.UNKNOWN, Reason.BODY_TOO_LARGE, status)
    if data is None:
        if problem == "empty":
            reason = Reason.EMPTY_BODY
        elif problem.startswith("a JSON"):
            reason = Reason.UNEXPECTED_SHAPE
        else:
            reason = Reason.NOT_JSON
        return Outcome(OutcomeKind.UNKNOWN, reason, status, detail=problem)
    if endpoint is Endpoint.SEND_SMS:
        return _classify_send(data, status, sent_uid, require_uid_echo)
    if endpoint is Endpoint.CHECK_BALANCE:
        return _classify_balance(data, status)
    return _classify_delivery(data, status, asked_message_id)


def classify(
    endpoint: Endpoint,
    result: RawResponse | BaseException,
    *,
    sent_uid: str | None = None,
    asked_message_id: str = "",
    require_uid_echo: bool = False,
    now: datetime | None = None,
) -> Outcome:
    """Classify the reply to (or the failure of) one request to ``endpoint``.

    Args:
        endpoint: which API method was called; it decides how a 200 body is read.
        result: the capped reply, or the exception the request raised.
        sent_uid: the ``uid`` we sent; an echoed different one makes the outcome unknown.
        asked_message_id: for GetDeliveryStatus, the ID asked about.
        require_uid_echo: treat a SendSMS success without an echoed ``uid`` as unknown.
        now: the current time, for ``Retry-After`` dates (tests pass a fixed one).
    """
    if isinstance(result, BaseException):
        return _classify_exception(result)
    return _classify_response(
        endpoint,
        result,
        sent_uid=sent_uid,
        asked_message_id=asked_message_id,
        require_uid_echo=require_uid_echo,
        now=now,
    )
