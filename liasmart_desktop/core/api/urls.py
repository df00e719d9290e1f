"""The API base URL: always HTTPS, except plain HTTP to this computer (the sandbox)."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

import httpx

from liasmart_desktop.core.api.payloads import Endpoint
from liasmart_desktop.core.errors import ConfigError, ConfigProblem

LOOPBACK_NAMES = frozenset({"localhost"})


def is_loopback_host(host: str) -> bool:
    """Whether ``host`` names this computer (``127.0.0.1``, ``::1``, ``localhost``)."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_base_url(url: str) -> str:
    """Return the base URL without a trailing slash, or raise ``ConfigError`` saying what is wrong."""
    text = url.strip()
    if any(char.isspace() or not char.isprintable() for char in text):
        raise ConfigError(ConfigProblem.BAD_BASE_URL, "no spaces or control characters", subject=text)
    try:
        parts = urlsplit(text)
        _ = parts.port  # raises for a port that is not a number from 0 to 65535
        httpx.URL(text)  # the client parses it again; a host httpx cannot encode must fail here
    except (ValueError, httpx.InvalidURL) as exc:
        raise ConfigError(ConfigProblem.BAD_BASE_URL, str(exc), subject=text) from exc
    if parts.scheme not in {"https", "http"} or not parts.hostname:
        raise ConfigError(ConfigProblem.BAD_BASE_URL, "expected https://host/path", subject=text)
    if parts.username or parts.password or parts.query or parts.fragment:
        raise ConfigError(ConfigProblem.BAD_BASE_URL, "no user, query or fragment allowed", subject=text)
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        raise ConfigError(
            ConfigProblem.INSECURE_BASE_URL, "plain http is only for this computer", subject=text
        )
    return text.rstrip("/")


def endpoint_url(base_url: str, endpoint: Endpoint) -> str:
    """``https://api.liasmart.com/api`` + ``SendSMS`` → ``https://api.liasmart.com/api/SendSMS``."""
    return f"{base_url}/{endpoint.value}"
