"""TLS contexts: verification is always on; the trust store is certifi's or the operating system's."""

from __future__ import annotations

import functools
import ssl

import certifi


@functools.cache
def certifi_context() -> ssl.SSLContext:
    """A verifying context over certifi's CA bundle (shipped with the app, so frozen builds work)."""
    return ssl.create_default_context(cafile=certifi.where())


def system_context() -> ssl.SSLContext:
    """A verifying context over the operating system's trust store, for offices whose proxy
    re-signs TLS with a company certificate installed on every PC."""
    import truststore  # noqa: PLC0415 - only offices that ask for it pay for the import

    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def make_ssl_context(*, use_system_trust_store: bool) -> ssl.SSLContext:
    """Pick the trust store; there is deliberately no way to turn verification off."""
    return system_context() if use_system_trust_store else certifi_context()
