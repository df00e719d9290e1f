"""The base URL: HTTPS, or plain HTTP to this computer only; nothing hidden in it."""

from __future__ import annotations

import pytest

from liasmart_desktop.core.api import Endpoint
from liasmart_desktop.core.api.urls import check_base_url, endpoint_url, is_loopback_host
from liasmart_desktop.core.errors import ConfigError, ConfigProblem


@pytest.mark.parametrize(
    ("url", "checked"),
    [
        ("https://api.liasmart.com/api", "https://api.liasmart.com/api"),
        ("https://api.liasmart.com/api/", "https://api.liasmart.com/api"),
        ("  https://api.liasmart.com/api//  ", "https://api.liasmart.com/api"),
        ("HTTPS://API.LIASMART.COM/api", "HTTPS://API.LIASMART.COM/api"),
        ("https://api.liasmart.com:8443", "https://api.liasmart.com:8443"),
        ("https://例子.中国/api", "https://例子.中国/api"),
        ("http://127.0.0.1:8000/api", "http://127.0.0.1:8000/api"),
        ("http://localhost:8000/api/", "http://localhost:8000/api"),
        ("http://LOCALHOST/api", "http://LOCALHOST/api"),
        ("http://[::1]:8000/api", "http://[::1]:8000/api"),
        ("http://127.0.0.2/api", "http://127.0.0.2/api"),  # all of 127/8 is this computer
    ],
)
def test_accepted(url: str, checked: str) -> None:
    assert check_base_url(url) == checked


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("http://api.liasmart.com/api", ConfigProblem.INSECURE_BASE_URL),
        ("http://10.0.0.5/api", ConfigProblem.INSECURE_BASE_URL),
        ("http://localhost.evil.example/api", ConfigProblem.INSECURE_BASE_URL),
        ("ftp://api.liasmart.com/api", ConfigProblem.BAD_BASE_URL),
        ("file:///etc/passwd", ConfigProblem.BAD_BASE_URL),
        ("javascript:alert(1)", ConfigProblem.BAD_BASE_URL),
        ("api.liasmart.com/api", ConfigProblem.BAD_BASE_URL),
        ("https:///api", ConfigProblem.BAD_BASE_URL),
        ("", ConfigProblem.BAD_BASE_URL),
        ("https://user:pw@api.liasmart.com/api", ConfigProblem.BAD_BASE_URL),
        ("https://user@api.liasmart.com/api", ConfigProblem.BAD_BASE_URL),
        ("https://api.liasmart.com/api?api_password=x", ConfigProblem.BAD_BASE_URL),
        ("https://api.liasmart.com/api#frag", ConfigProblem.BAD_BASE_URL),
        ("https://api.liasmart.com:99999/api", ConfigProblem.BAD_BASE_URL),
        ("https://api.liasmart.com:port/api", ConfigProblem.BAD_BASE_URL),
        ("https://[::1/api", ConfigProblem.BAD_BASE_URL),
        ("https://ä..com/api", ConfigProblem.BAD_BASE_URL),
        ("https://api.lia smart.com/api", ConfigProblem.BAD_BASE_URL),
        ("https://api.liasmart.com/a\tpi", ConfigProblem.BAD_BASE_URL),
        ("https://api.liasmart.com/api\r\nX-Injected: 1", ConfigProblem.BAD_BASE_URL),
    ],
)
def test_refused(url: str, code: ConfigProblem) -> None:
    with pytest.raises(ConfigError) as info:
        check_base_url(url)
    assert info.value.code is code
    assert info.value.subject == url.strip()


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("localhost", True),
        ("LocalHost", True),
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("::1", True),
        ("api.liasmart.com", False),
        ("10.0.0.1", False),
        ("fe80::1%eth0", False),
        ("", False),
    ],
)
def test_is_loopback_host(host: str, loopback: bool) -> None:
    assert is_loopback_host(host) is loopback


def test_endpoint_url() -> None:
    base = check_base_url("https://api.liasmart.com/api/")
    assert [endpoint_url(base, e) for e in Endpoint] == [
        "https://api.liasmart.com/api/SendSMS",
        "https://api.liasmart.com/api/CheckBalance",
        "https://api.liasmart.com/api/GetDeliveryStatus",
    ]
