"""Which API method a path names, and its parameters from the query string, a JSON or a form body."""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote

from liasmart_desktop.sandbox.wire import HttpError, Request

SEND_SMS = "SendSMS"
CHECK_BALANCE = "CheckBalance"
GET_DELIVERY_STATUS = "GetDeliveryStatus"
#: Method names are matched case-insensitively, as the provider's own server does.
ENDPOINTS = {name.lower(): name for name in (SEND_SMS, CHECK_BALANCE, GET_DELIVERY_STATUS)}
PASSWORD_PARAM = "api_password"  # noqa: S105 - a parameter name, not a password
JSON_TYPES = frozenset({"application/json", "text/json"})
FORM_TYPE = "application/x-www-form-urlencoded"


def route(path: str, base_path: str) -> str | None:
    """The endpoint named by ``path`` under ``base_path`` (``/api/sendsms`` → ``SendSMS``), or ``None``."""
    prefix = base_path + "/"
    decoded = unquote(path)
    if not decoded.startswith(prefix):
        return None
    return ENDPOINTS.get(decoded[len(prefix) :].rstrip("/").lower())


@dataclass(slots=True)  # one per request: a frozen dataclass's __init__ costs several times more
class CallParams:
    """The parameters of one call (names lower-cased) and where the password travelled."""

    values: dict[str, str]
    password_in_url: bool

    def get(self, name: str) -> str | None:
        """One parameter, ``None`` when absent."""
        return self.values.get(name)


def _scalar(name: str, value: object) -> str | None:
    if isinstance(value, str) or value is None:
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    raise HttpError(400, f"Bad Request: parameter {name} must be a string")


def _json_params(body: bytes) -> dict[str, str]:
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise HttpError(400, "Bad Request: the body is not valid JSON") from None
    if not isinstance(data, dict):
        raise HttpError(400, "Bad Request: the JSON body must be an object")
    values: dict[str, str] = {}
    for key, value in data.items():
        text = _scalar(key, value)
        if text is not None:
            values[key.lower()] = text
    return values


def _form_params(text: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for key, value in parse_qsl(text, keep_blank_values=True):
        values.setdefault(key.lower(), value)  # the first occurrence wins, as in most frameworks
    return values


def _body_params(request: Request) -> dict[str, str]:
    body = request.body
    if not body.strip():
        return {}
    media_type = request.head.headers.get("content-type", "").partition(";")[0].strip().lower()
    if media_type in JSON_TYPES or media_type.endswith("+json"):
        return _json_params(body)
    if media_type == FORM_TYPE:
        try:
            return _form_params(body.decode("utf-8"))
        except UnicodeDecodeError:
            raise HttpError(400, "Bad Request: the form body is not UTF-8") from None
    if not media_type:  # no Content-Type: be lenient like the provider and look at the body
        return _json_params(body) if body.lstrip().startswith(b"{") else _form_params(body.decode("latin-1"))
    raise HttpError(415, "Unsupported Media Type: send JSON or a form")


def password_in_query(query: str) -> bool:
    """Whether the query string carries the API password (the ledger records that, never the value)."""
    return bool(query) and PASSWORD_PARAM in _form_params(query)


def read_params(request: Request) -> CallParams:
    """Query-string parameters overlaid with the body's (``HttpError`` for an unreadable body)."""
    query = _form_params(request.head.query) if request.head.query else {}
    values = {**query, **_body_params(request)}
    return CallParams(values, password_in_url=PASSWORD_PARAM in query)
