"""The office proxy the environment names (core/api/proxies.py): httpx's own ``trust_env`` rules.

Each case is also checked against ``httpx.Client(trust_env=True)`` itself, so the rules stay the
ones httpx documents, not an approximation of them.
"""

from __future__ import annotations

import urllib.request

import httpx
import pytest
from httpx import _utils as httpx_utils

from liasmart_desktop.core.api import proxies
from liasmart_desktop.core.api.proxies import environment_proxy

PROVIDER = httpx.URL("https://api.liasmart.com/api")
PROXY = "http://proxy.office.example:3128"


@pytest.fixture(autouse=True)
def no_proxy_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    # Only the variables set here: on Windows and macOS ``getproxies`` also reads the system settings.
    monkeypatch.setattr(proxies, "getproxies", urllib.request.getproxies_environment)
    monkeypatch.setattr(httpx_utils, "getproxies", urllib.request.getproxies_environment)
    for name in ("NO_PROXY", "no_proxy", "HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "REQUEST_METHOD"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


def _httpx_choice(url: httpx.URL) -> str | None:
    """The proxy ``httpx.Client`` would use for ``url`` (from its mounts, as it picks them)."""
    with httpx.Client(trust_env=True) as client:
        transport = client._transport_for_url(url)
    pool = getattr(transport, "_pool", None)
    proxy_url = getattr(pool, "_proxy_url", None)
    if proxy_url is None:
        return None
    return f"{proxy_url.scheme.decode()}://{proxy_url.host.decode()}:{proxy_url.port}"


@pytest.mark.parametrize(
    ("variables", "url", "expected"),
    [
        ({}, PROVIDER, None),
        ({"HTTPS_PROXY": PROXY}, PROVIDER, PROXY),
        ({"ALL_PROXY": PROXY}, PROVIDER, PROXY),
        ({"HTTPS_PROXY": "proxy.office.example:3128"}, PROVIDER, PROXY),
        ({"HTTP_PROXY": PROXY}, PROVIDER, None),  # http_proxy is for http:// only
        ({"HTTPS_PROXY": PROXY, "NO_PROXY": "*"}, PROVIDER, None),
        ({"HTTPS_PROXY": PROXY, "NO_PROXY": "liasmart.com"}, PROVIDER, None),
        ({"HTTPS_PROXY": PROXY, "NO_PROXY": "intranet, api.liasmart.com"}, PROVIDER, None),
        ({"HTTPS_PROXY": PROXY, "NO_PROXY": ".liasmart.com"}, PROVIDER, None),
        ({"HTTPS_PROXY": PROXY, "NO_PROXY": ".liasmart.com"}, httpx.URL("https://liasmart.com/api"), PROXY),
        ({"HTTPS_PROXY": PROXY, "NO_PROXY": "smart.com"}, PROVIDER, PROXY),  # not a suffix at a dot
        ({"HTTPS_PROXY": PROXY, "NO_PROXY": "https://api.liasmart.com"}, PROVIDER, None),
        ({"HTTPS_PROXY": PROXY, "NO_PROXY": "http://api.liasmart.com"}, PROVIDER, PROXY),
        ({"HTTPS_PROXY": PROXY, "NO_PROXY": "all://api.liasmart.com:8443"}, PROVIDER, PROXY),
        (
            {"HTTPS_PROXY": PROXY, "NO_PROXY": "all://api.liasmart.com:8443"},
            httpx.URL("https://api.liasmart.com:8443/api"),
            None,
        ),
        ({"HTTPS_PROXY": PROXY, "NO_PROXY": "all://*"}, PROVIDER, PROXY),  # httpx lets the proxy win
        ({"HTTPS_PROXY": PROXY, "NO_PROXY": "all://*:8443"}, httpx.URL("https://a.example:8443/"), None),
        ({"HTTPS_PROXY": PROXY, "NO_PROXY": "https://*.liasmart.com"}, PROVIDER, None),
        ({"HTTPS_PROXY": PROXY, "NO_PROXY": "10.1.2.3"}, httpx.URL("https://10.1.2.3/api"), None),
        ({"HTTPS_PROXY": PROXY, "NO_PROXY": "10.1.2.3"}, httpx.URL("https://10.1.2.4/api"), PROXY),
        ({"HTTPS_PROXY": PROXY, "NO_PROXY": "::1,fd00::5"}, httpx.URL("https://[fd00::5]/api"), None),
        ({"HTTPS_PROXY": PROXY, "NO_PROXY": "LOCALHOST"}, httpx.URL("https://localhost.example/api"), PROXY),
        ({"HTTPS_PROXY": PROXY, "NO_PROXY": ",,"}, PROVIDER, PROXY),
    ],
)
def test_the_environment_names_the_proxy_as_httpx_reads_it(
    monkeypatch: pytest.MonkeyPatch, variables: dict[str, str], url: httpx.URL, expected: str | None
) -> None:
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    assert environment_proxy(url) == expected
    assert _httpx_choice(url) == expected


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]"])
def test_this_computer_never_goes_through_a_proxy(monkeypatch: pytest.MonkeyPatch, host: str) -> None:
    monkeypatch.setenv("ALL_PROXY", PROXY)
    monkeypatch.setenv("HTTP_PROXY", PROXY)
    assert environment_proxy(httpx.URL(f"http://{host}:8080/api")) is None
