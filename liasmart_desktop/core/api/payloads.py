"""Request bodies and lenient parsing of LiaSmart's replies into typed values (no raw dicts leave here)."""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any


class Endpoint(enum.Enum):
    """The three API methods, by their path names."""

    SEND_SMS = "SendSMS"
    CHECK_BALANCE = "CheckBalance"
    GET_DELIVERY_STATUS = "GetDeliveryStatus"


@dataclass(frozen=True, slots=True)
class SmsMessage:
    """One SMS to one number, as SendSMS takes it (phone: country code + number, digits only)."""

    phone: str
    text: str
    sender_id: str
    sms_type: str  # "P" promotional, "T" transactional
    encoding: str  # "T" GSM text, "U" Unicode
    uid: str | None = None
    callback_url: str | None = None

    def params(self) -> dict[str, str]:
        """The SendSMS parameters (credentials are added by the client)."""
        params = {
            "sms_type": self.sms_type,
            "encoding": self.encoding,
            "sender_id": self.sender_id,
            "phonenumber": self.phone,
            "textmessage": self.text,
        }
        if self.uid:
            params["uid"] = self.uid
        if self.callback_url:
            params["callback_url"] = self.callback_url
        return params


@dataclass(frozen=True, slots=True)
class Balance:
    """The account balance: money in the account currency, not a count of messages."""

    amount: Decimal
    currency: str
    message: str = ""


class DeliveryState(enum.Enum):
    """Where a message stands according to the provider's ``DLRStatus`` word."""

    DELIVERED = "delivered"
    FAILED = "failed"
    PENDING = "pending"
    OTHER = "other"

    @property
    def is_final(self) -> bool:
        """Whether polling this message again can still change the answer."""
        return self in {DeliveryState.DELIVERED, DeliveryState.FAILED}


_DELIVERED_WORDS = frozenset({"delivered", "delivrd", "deliver", "success", "successful"})
_FAILED_WORDS = frozenset(
    {
        "failed",
        "fail",
        "undeliverable",
        "undelivered",
        "undeliv",
        "rejected",
        "rejectd",
        "expired",
        "error",
        "blocked",
    }
)
_PENDING_WORDS = frozenset(
    {
        "pending",
        "submitted",
        "sent",
        "accepted",
        "enroute",
        "queued",
        "buffered",
        "processing",
        "acceptd",
    }
)


def delivery_state(word: str) -> DeliveryState:
    """Map a raw ``DLRStatus`` word to a state; unknown words are ``OTHER`` (kept raw by callers)."""
    key = word.strip().lower().replace(" ", "").replace("_", "")
    if key in _DELIVERED_WORDS:
        return DeliveryState.DELIVERED
    if key in _FAILED_WORDS:
        return DeliveryState.FAILED
    if not key or key in _PENDING_WORDS:
        return DeliveryState.PENDING
    return DeliveryState.OTHER


@dataclass(frozen=True, slots=True)
class DeliveryReport:
    """What GetDeliveryStatus says about one message; ``status`` is the provider's raw word."""

    message_id: str
    status: str
    state: DeliveryState
    phone: str = ""
    error_code: str = ""
    error_description: str = ""
    sent_at: str = ""
    parts: int | None = None
    cost: Decimal | None = None
    remarks: str = ""


class BodyError(ValueError):
    """The reply body is not the JSON object we can read."""


def build_body(params: Mapping[str, str]) -> bytes:
    """Serialise a request body. ASCII-escaped JSON survives any server's idea of the charset."""
    return json.dumps(dict(params), ensure_ascii=True, separators=(",", ":")).encode("ascii")


def _reject_constant(name: str) -> Any:
    raise BodyError(f"non-standard JSON constant {name}")


def parse_object(body: bytes) -> dict[str, Any]:
    """Parse a reply into a dict with lower-cased keys; integers stay exact (as text).

    A one-element list holding an object is unwrapped (some sibling deployments answer so).
    """
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BodyError("not UTF-8") from exc
    if not text.strip():
        raise BodyError("empty")
    try:
        data = json.loads(text, parse_int=str, parse_float=Decimal, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise BodyError("html" if text.lstrip().startswith("<") else "garbled") from exc
    except RecursionError as exc:  # "[[[[…" nested deeper than the parser's stack: no reply of ours
        raise BodyError("nested too deeply") from exc
    if isinstance(data, list) and len(data) == 1:
        data = data[0]
    if not isinstance(data, dict):
        raise BodyError(f"a JSON {type(data).__name__}, not an object")
    return {str(key).lower(): value for key, value in data.items()}


#: Digits a whole number written with a fraction or exponent (``2.6471304E7``) may have. Beyond it,
#: ``int()`` of ``1e999999999`` would build a huge number and ``str()`` of it raises ``ValueError``.
_MAX_WHOLE_DIGITS = 40


def _whole_number_text(value: Decimal) -> str | None:
    """``Decimal("2.6471304E7")`` → ``"26471304"``; ``None`` for a fraction or an absurd exponent."""
    if value.adjusted() >= _MAX_WHOLE_DIGITS or value != value.to_integral_value():
        return None
    return str(int(value))


def text_value(data: Mapping[str, Any], *keys: str) -> str:
    """The first present key's value as stripped text ('' when absent or null)."""
    for key in keys:
        value = data.get(key)
        if value is None or isinstance(value, dict | list):
            continue
        if isinstance(value, bool):
            return str(value).lower()
        if isinstance(value, Decimal):
            return _whole_number_text(value) or str(value)
        return str(value).strip()
    return ""


def message_id_value(value: Any) -> str | None:
    """A provider message ID as exact text; ``None`` for missing, null, empty, zero or non-scalar."""
    if value is None or isinstance(value, bool | dict | list):
        return None
    if isinstance(value, Decimal):
        value = _whole_number_text(value)
        if value is None:
            return None
    text = str(value).strip()
    if not text or text.lower() in {"0", "null", "none"}:
        return None
    return text


#: ``1,234,567.89``: commas only as thousands separators. ``1,5`` (a decimal comma) is not read as 15.
_THOUSANDS_RE = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def decimal_value(value: Any) -> Decimal | None:
    """A money amount as ``Decimal``; ``None`` when it is not a finite number."""
    if value is None or isinstance(value, bool | dict | list):
        return None
    text = str(value).strip()
    if "," in text:
        if not _THOUSANDS_RE.fullmatch(text):
            return None
        text = text.replace(",", "")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def int_value(value: Any) -> int | None:
    """A whole number, or ``None``."""
    number = decimal_value(value)
    if number is None:
        return None
    whole = _whole_number_text(number)
    return None if whole is None else int(whole)


def parse_balance(data: Mapping[str, Any]) -> Balance | None:
    """Read ``BalanceAmount``/``CurrenceCode`` (and the sibling spellings); ``None`` if absent."""
    for key in ("balanceamount", "balance", "amount", "credit", "credits"):
        if key in data:
            amount = decimal_value(data[key])
            if amount is None:
                return None
            currency = text_value(data, "currencecode", "currencycode", "currency", "currency_code")
            return Balance(amount=amount, currency=currency, message=text_value(data, "message"))
    return None


def parse_delivery_report(data: Mapping[str, Any], asked_id: str) -> DeliveryReport | None:
    """Read the GetDeliveryStatus field set; ``None`` when there is no ``DLRStatus``."""
    if "dlrstatus" not in data:
        return None
    word = text_value(data, "dlrstatus")
    return DeliveryReport(
        message_id=message_id_value(data.get("message_id")) or asked_id,
        status=word,
        state=delivery_state(word),
        phone=text_value(data, "phonenumber", "phone"),
        error_code=text_value(data, "errorcode"),
        error_description=text_value(data, "errordescription"),
        sent_at=text_value(data, "sentdateutc", "sentdate"),
        parts=int_value(data.get("messageparts")),
        cost=decimal_value(data.get("clientcost")),
        remarks=text_value(data, "remarks"),
    )
