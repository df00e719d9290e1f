"""Which proxy carries requests to the provider: the office's, as the environment names it.

``LiaSmartClient`` sends through one ``httpx.HTTPTransport`` rather than an ``httpx.Client`` (the
client layer doubled the CPU a request costs: ``benchmarks/send_throughput.py``), so the proxy is
chosen here, once, for the one host the client talks to. The rules are httpx's ``trust_env`` rules:

- ``HTTPS_PROXY`` (``HTTP_PROXY`` for ``http://``), else ``ALL_PROXY``, read with the standard
  library's ``getproxies`` (which also reads the system settings on Windows and macOS);
- ``NO_PROXY`` lists what goes direct: ``*`` everything; ``example.com`` that host and its subdomains;
  ``.example.com`` only its subdomains; an IP address or ``localhost`` that host; ``https://host:port``
  that origin;
- this computer (the sandbox) never goes through a proxy.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.request import getproxies

import httpx

from liasmart_desktop.core.api.urls import is_loopback_host


def environment_proxy(url: httpx.URL) -> str | None:
    """The proxy URL requests to ``url`` go through, or ``None`` to connect directly."""
    if is_loopback_host(url.host):
        return None
    found = getproxies()
    if any(_goes_direct(entry.strip(), url) for entry in found.get("no", "").split(",")):
        return None
    proxy = found.get(url.scheme) or found.get("all")
    if not proxy:
        return None
    return proxy if "://" in proxy else f"http://{proxy}"


def _goes_direct(entry: str, url: httpx.URL) -> bool:
    """Whether one ``NO_PROXY`` entry covers ``url``."""
    if not entry:
        return False
    if entry == "*":
        return True
    if "://" in entry:
        origin = httpx.URL(entry)
        if origin.host in {"", "*"} and origin.port is None:
            return False  # no more specific than the proxy variable itself, which httpx lets win
        return (
            origin.scheme in {url.scheme, "all"}
            and (origin.port is None or origin.port == url.port)
            and _host_matches(origin.host, url.host)
        )
    if entry.lower() == "localhost" or _is_address(entry):
        return entry.strip("[]").lower() == url.host.lower()
    return _host_matches(f"*{entry}", url.host)


def _host_matches(pattern: str, host: str) -> bool:
    """``*.example.com``: subdomains only; ``*example.com``: it and its subdomains; else exactly."""
    if pattern in {"", "*"}:
        return True
    if pattern.startswith("*."):
        expression = rf".+\.{re.escape(pattern[2:])}"
    elif pattern.startswith("*"):
        expression = rf"(.+\.)?{re.escape(pattern[1:])}"
    else:
        expression = re.escape(pattern)
    return re.fullmatch(expression, host, flags=re.IGNORECASE) is not None


def _is_address(entry: str) -> bool:
    try:
        ipaddress.ip_address(entry.strip("[]"))
    except ValueError:
        return False
    return True
