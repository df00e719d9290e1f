"""The simulated provider: checks a call, processes it, picks its fault and says what to answer.

Everything here runs on the server's event loop; it decides, the protocol does the I/O.
"""

from __future__ import annotations

import email.utils
import enum
import hmac
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from liasmart_desktop.sandbox.account import Account
from liasmart_desktop.sandbox.config import SandboxConfig
from liasmart_desktop.sandbox.faults import FaultKind, FaultSelector
from liasmart_desktop.sandbox.ledger import LedgerEntry
from liasmart_desktop.sandbox.params import CHECK_BALANCE, GET_DELIVERY_STATUS, SEND_SMS, CallParams

JSON_TYPE = "application/json; charset=utf-8"
TEXT_TYPE = "text/plain; charset=utf-8"
HTML_TYPE = "text/html; charset=utf-8"
SUBMITTED_REMARKS = "Message Submitted Sucessfully"  # sic: the provider's own spelling
BAD_CREDENTIALS = "Invalid API Credentials"
INVALID_NUMBER = "Invalid Mobile Number"
INVALID_MESSAGE_ID = "Invalid Message ID"
INSUFFICIENT_BALANCE = "Insufficient Balance"
TRANSACTIONAL_NOT_ALLOWED = "Transactional SMS is Not Allowed For Your Account"
MIN_PHONE_DIGITS = 7
MAX_PHONE_DIGITS = 15
SEND_PARAMS = ("sms_type", "encoding", "sender_id", "phonenumber", "textmessage")
SMS_TYPES = frozenset({"P", "T"})
ENCODINGS = frozenset({"T", "U"})
REDIRECT_LOCATION = "/maintenance"
HTML_PAGES = {
    502: "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
    "</center><hr><center>nginx</center></body></html>\n",
    200: "<!DOCTYPE html><html><head><title>Scheduled maintenance</title></head><body>"
    "<h1>We'll be back soon</h1><p>The service is down for maintenance.</p></body></html>\n",
}


class ReplyAction(enum.Enum):
    """What the protocol does with a decision."""

    ANSWER = "answer"  # write the response (after the latency and any extra delay)
    DRIP = "drip"  # write the response one byte at a time
    DROP = "drop"  # close the connection without a reply
    RESET = "reset"  # reset the connection (RST) without a reply


@dataclass(slots=True)  # one per request: a frozen dataclass's __init__ costs several times more
class Reply:
    """An HTTP reply to be written (or withheld)."""

    status: int
    body: bytes = b""
    content_type: str = JSON_TYPE
    headers: tuple[tuple[str, str], ...] = ()
    action: ReplyAction = ReplyAction.ANSWER
    extra_delay_s: float = 0.0
    close: bool = False


@dataclass(slots=True)  # one per request: a frozen dataclass's __init__ costs several times more
class Call:
    """One API call as the protocol read it."""

    connection: int
    method: str
    path: str
    endpoint: str
    params: CallParams


@dataclass(slots=True)
class _Result:
    """The provider's own verdict before any fault is applied."""

    data: dict[str, Any]
    credentials_ok: bool
    status: str | None = None
    remarks: str | None = None
    message_id: str | None = None
    parts: int | None = None
    processed: bool = False


def json_body(data: dict[str, Any]) -> bytes:
    """A reply body as the provider writes it (UTF-8, Chinese text kept)."""
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def failure(remarks: str) -> dict[str, Any]:
    """The provider's failure object."""
    return {"status": "F", "remarks": remarks}


class _IsoClock:
    """The ledger's time stamp, ISO 8601 UTC with milliseconds; the part up to the second is cached."""

    def __init__(self) -> None:
        self._cached = (-1, "")  # one tuple, swapped whole: servers on other threads share it

    def __call__(self) -> str:
        now = time.time()
        whole = int(now)
        second, prefix = self._cached
        if whole != second:
            prefix = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(whole))
            self._cached = (whole, prefix)
        return f"{prefix}.{int((now - whole) * 1000):03d}Z"


now_iso = _IsoClock()


def new_entry(
    seq: int,
    connection: int,
    method: str,
    path: str,
    *,
    endpoint: str | None = None,
    params: CallParams | None = None,
    http_status: int | None = None,
    remarks: str | None = None,
    complete: bool = True,
    password_in_url: bool = False,
) -> LedgerEntry:
    """A ledger entry with what the request said; the verdict fields are filled in by the caller."""
    values = params.values if params is not None else {}
    text = values.get("textmessage")
    return LedgerEntry(
        seq=seq,
        time=now_iso(),
        connection=connection,
        method=method,
        path=path,
        endpoint=endpoint,
        api_id=values.get("api_id"),
        password_in_url=params.password_in_url if params is not None else password_in_url,
        credentials_ok=None,
        phonenumber=values.get("phonenumber"),
        uid=values.get("uid"),
        sms_type=values.get("sms_type"),
        encoding=values.get("encoding"),
        sender_id=values.get("sender_id"),
        callback_url=values.get("callback_url"),
        text_length=None if text is None else len(text),
        parts=None,
        fault=None,
        processed=False,
        status=None,
        remarks=remarks,
        message_id=values.get("message_id") if endpoint == GET_DELIVERY_STATUS else None,
        http_status=http_status,
        answered=http_status is not None,
        complete=complete,
    )


class Provider:
    """Answers SendSMS, CheckBalance and GetDeliveryStatus like LiaSmart, with faults on request."""

    def __init__(
        self,
        config: SandboxConfig,
        account: Account,
        faults: FaultSelector,
        *,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self._config = config
        self._account = account
        self._faults = faults
        self._wall_clock = wall_clock
        self._expected: tuple[bytes | None, bytes | None] = (None, None)
        self.set_credentials(config.api_id, config.api_password)

    def set_credentials(self, api_id: str | None, api_password: str | None) -> None:
        """The API ID and password to accept from now on (``None``: any non-empty value)."""
        self._expected = (
            None if api_id is None else api_id.encode("utf-8"),
            None if api_password is None else api_password.encode("utf-8"),
        )

    def handle(self, call: Call, seq: int) -> tuple[Reply, LedgerEntry]:
        """Decide the reply to one call and the ledger entry that records it."""
        params = call.params
        fault = self._faults.choose(call.endpoint, params.get("phonenumber") or "")
        entry = new_entry(seq, call.connection, call.method, call.path, endpoint=call.endpoint, params=params)
        credentials_ok = self._credentials_ok(params)
        if fault is not None and not fault.processes:
            result = self._unprocessed_fault(fault, credentials_ok)
        else:
            result = self._process(call.endpoint, params, credentials_ok)
        reply = self._reply(fault, result, params)
        answered = reply.action not in {ReplyAction.DROP, ReplyAction.RESET}
        entry["credentials_ok"] = result.credentials_ok
        entry["fault"] = None if fault is None else fault.value
        entry["processed"] = result.processed
        entry["status"] = result.status
        entry["remarks"] = result.remarks
        entry["parts"] = result.parts
        entry["http_status"] = reply.status if answered else None
        entry["answered"] = answered
        if result.message_id is not None:
            entry["message_id"] = result.message_id
        return reply, entry

    # ------------------------------------------------------------------ the provider's verdict

    def _credentials_ok(self, params: CallParams) -> bool:
        api_id = (params.get("api_id") or "").encode("utf-8")
        password = (params.get("api_password") or "").encode("utf-8")
        if not api_id or not password:
            return False
        expected_id, expected_password = self._expected  # one read: replaced whole from other threads
        id_ok = expected_id is None or hmac.compare_digest(api_id, expected_id)
        password_ok = expected_password is None or hmac.compare_digest(password, expected_password)
        return id_ok and password_ok

    def _process(self, endpoint: str, params: CallParams, credentials_ok: bool) -> _Result:
        if not credentials_ok:
            return _Result(failure(BAD_CREDENTIALS), False, "F", BAD_CREDENTIALS)
        if endpoint == SEND_SMS:
            return self._send_sms(params)
        if endpoint == CHECK_BALANCE:
            return _Result(self._account.balance_reply(), True)
        return self._delivery_status(params)

    def _send_problem(self, values: dict[str, str]) -> str | None:
        for name in SEND_PARAMS:
            if name not in values:
                return f"Missing Parameter {name}"
        sms_type = values["sms_type"].strip().upper()
        phone = values["phonenumber"].strip()
        sender_id = values["sender_id"].strip()
        if sms_type not in SMS_TYPES:
            return "Invalid SMS Type"
        if values["encoding"].strip().upper() not in ENCODINGS:
            return "Invalid Encoding"
        # Country code + number, digits only: a "+", "00" or national leading "0" is refused.
        digits_ok = phone.isascii() and phone.isdigit() and not phone.startswith("0")
        if not (digits_ok and MIN_PHONE_DIGITS <= len(phone) <= MAX_PHONE_DIGITS):
            return INVALID_NUMBER
        if not values["textmessage"].strip():
            return "Message Text is Empty"
        allowed = self._config.sender_ids
        if not sender_id or (allowed is not None and sender_id not in allowed):
            return "Invalid Sender ID"
        if sms_type == "T" and not self._config.allow_transactional:
            return TRANSACTIONAL_NOT_ALLOWED
        return None

    def _send_sms(self, params: CallParams) -> _Result:
        values = params.values
        problem = self._send_problem(values)
        if problem is not None:
            return _Result(failure(problem), True, "F", problem)
        message = self._account.submit(
            values["phonenumber"].strip(),
            values["textmessage"],
            values["sms_type"].strip().upper(),
            values["encoding"].strip().upper(),
        )
        if message is None:
            return _Result(failure(INSUFFICIENT_BALANCE), True, "F", INSUFFICIENT_BALANCE)
        data = {
            "message_id": int(message.message_id),
            "status": "S",
            "remarks": SUBMITTED_REMARKS,
            "uid": params.get("uid"),
        }
        return _Result(data, True, "S", SUBMITTED_REMARKS, message.message_id, message.parts, processed=True)

    def _delivery_status(self, params: CallParams) -> _Result:
        asked = params.get("message_id")
        if asked is None:
            return _Result(failure("Missing Parameter message_id"), True, "F", "Missing Parameter message_id")
        message = self._account.lookup(asked)
        if message is None:
            return _Result(failure(INVALID_MESSAGE_ID), True, "F", INVALID_MESSAGE_ID)
        return _Result(self._account.delivery_report(message), True)

    def _unprocessed_fault(self, fault: FaultKind, credentials_ok: bool) -> _Result:
        if fault is FaultKind.STATUS_F:
            remarks = self._config.status_f_remarks
        elif fault is FaultKind.REFUSE:
            remarks = self._config.refuse_remarks
        else:
            return _Result({}, credentials_ok)
        return _Result(failure(remarks), credentials_ok, "F", remarks)

    # ------------------------------------------------------------------ what goes on the wire

    def _retry_after(self) -> tuple[tuple[str, str], ...]:
        value = self._config.retry_after
        if value is None:
            return ()
        if isinstance(value, str):
            return (("Retry-After", value),)
        if self._config.retry_after_http_date:
            return (("Retry-After", email.utils.formatdate(self._wall_clock() + value, usegmt=True)),)
        return (("Retry-After", str(value)),)

    def _reply(self, fault: FaultKind | None, result: _Result, params: CallParams) -> Reply:
        if fault is None or fault in {FaultKind.STATUS_F, FaultKind.REFUSE}:
            return Reply(200, json_body(result.data))
        body = json_body(result.data)
        simple = {
            FaultKind.HTTP500: lambda: Reply(500, b"Internal Server Error\n", TEXT_TYPE),
            FaultKind.HTTP503: lambda: Reply(
                503, b"Service Unavailable\n", TEXT_TYPE, headers=self._retry_after()
            ),
            FaultKind.HTTP429: lambda: Reply(
                429, json_body(failure("Too Many Requests")), headers=self._retry_after()
            ),
            FaultKind.HTTP408: lambda: Reply(408, b"Request Timeout\n", TEXT_TYPE, close=True),
            FaultKind.HTTP401: lambda: Reply(401, json_body(failure("Unauthorized"))),
            FaultKind.HTML: lambda: Reply(
                self._config.html_status, HTML_PAGES[self._config.html_status].encode(), HTML_TYPE
            ),
            FaultKind.REDIRECT: lambda: Reply(
                302, b"", TEXT_TYPE, headers=(("Location", REDIRECT_LOCATION),)
            ),
            FaultKind.DROP: lambda: Reply(200, action=ReplyAction.DROP),
            FaultKind.RESET: lambda: Reply(200, action=ReplyAction.RESET),
            FaultKind.SLOW: lambda: Reply(200, body, extra_delay_s=self._config.slow_ms / 1000.0),
            FaultKind.DRIP: lambda: Reply(200, body, action=ReplyAction.DRIP),
            FaultKind.TRUNCATED: lambda: Reply(200, body[: len(body) // 2]),
            FaultKind.GARBLED: lambda: Reply(200, _garbled(result), TEXT_TYPE),
            FaultKind.EMPTY: lambda: Reply(200, b""),
            FaultKind.HUGE: lambda: Reply(200, _huge(result, self._config.huge_bytes)),
            FaultKind.UID_MISMATCH: lambda: Reply(200, json_body(_other_uid(result, params))),
        }
        return simple[fault]()


def _garbled(result: _Result) -> bytes:
    # What a misconfigured sibling deployment might say: readable, but not JSON.
    return f"status={result.status or ''}&message_id={result.message_id or ''}\n".encode()


def _huge(result: _Result, size: int) -> bytes:
    head = json_body({**result.data, "padding": ""})[:-2]  # reopen the padding string
    return head + b"x" * max(0, size - len(head) - 2) + b'"}'


def _other_uid(result: _Result, params: CallParams) -> dict[str, Any]:
    if result.status != "S":
        return result.data
    sent = params.get("uid")
    return {**result.data, "uid": f"{sent}-other" if sent else "sandbox-unexpected-uid"}
