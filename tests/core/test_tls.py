"""TLS contexts: always verifying; certifi's bundle or the operating system's store."""

from __future__ import annotations

import ssl

import truststore

from liasmart_desktop.core.api.tls import certifi_context, make_ssl_context, system_context


def test_certifi_context_verifies() -> None:
    context = make_ssl_context(use_system_trust_store=False)
    assert context is certifi_context()  # built once
    assert type(context) is ssl.SSLContext
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname
    assert context.cert_store_stats()["x509_ca"] > 50  # certifi's roots are loaded


def test_system_context_is_truststore() -> None:
    context = make_ssl_context(use_system_trust_store=True)
    assert isinstance(context, truststore.SSLContext)
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname
    assert system_context() is not context  # a fresh one each time: nothing shared to tamper with
