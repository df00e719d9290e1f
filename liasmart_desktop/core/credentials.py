"""The API ID and password: the password lives only in the OS keyring (or one environment variable).

Never a plaintext fallback: where the keyring has no secure backend (headless Linux gets keyring's
``fail`` backend), saving refuses with ``CredentialProblem.NO_SECURE_STORE`` and callers ask for the
password per run instead. ``keyrings.alt`` is refused because it silently stores plain text.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import keyring
import keyring.backend
import keyring.errors

from liasmart_desktop.core.errors import CredentialError, CredentialProblem

KEYRING_SERVICE = "LiaSmart Desktop"
API_ID_ENV = "LIASMART_API_ID"
PASSWORD_ENV = "LIASMART_API_PASSWORD"  # noqa: S105 - the variable name, not a secret
#: keyring ranks recommended backends at priority 1 or more; fail/null/plaintext ones rank lower.
MIN_SECURE_PRIORITY = 1.0
_API_ID_RE = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")
_INSECURE_MODULE_PREFIXES = ("keyrings.alt", "keyring.backends.fail", "keyring.backends.null")


@dataclass(frozen=True, slots=True)
class Credentials:
    """An API ID and its password; the password is left out of ``repr`` and ``str``."""

    api_id: str
    password: str = field(repr=False)

    def __str__(self) -> str:
        return f"Credentials(api_id={self.api_id!r}, password=<hidden>)"


@dataclass(frozen=True, slots=True)
class KeyringStatus:
    """Which password store is active and whether it may hold the API password."""

    backend: str
    secure: bool


def _backend_name(backend: keyring.backend.KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _is_secure(backend: keyring.backend.KeyringBackend) -> bool:
    sub_backends = getattr(backend, "backends", None)
    if sub_backends is not None:  # keyring's ChainerBackend
        return bool(sub_backends) and all(_is_secure(b) for b in sub_backends)
    if type(backend).__module__.startswith(_INSECURE_MODULE_PREFIXES):
        return False
    try:
        priority = float(backend.priority)
    except Exception:  # noqa: BLE001 - a backend's priority property may raise when it is not viable
        return False
    return priority >= MIN_SECURE_PRIORITY


def keyring_status() -> KeyringStatus:
    """Describe the active keyring backend."""
    backend = keyring.get_keyring()
    return KeyringStatus(backend=_backend_name(backend), secure=_is_secure(backend))


def check_api_id(api_id: str) -> str:
    """Return the API ID stripped, or raise ``CredentialError`` if it cannot be one."""
    cleaned = api_id.strip()
    if not cleaned:
        raise CredentialError(CredentialProblem.NO_API_ID)
    if not _API_ID_RE.match(cleaned):
        raise CredentialError(CredentialProblem.BAD_API_ID, "letters, digits, '.', '_' or '-' only")
    return cleaned


def _secure_backend() -> keyring.backend.KeyringBackend:
    backend = keyring.get_keyring()
    if not _is_secure(backend):
        raise CredentialError(CredentialProblem.NO_SECURE_STORE, backend=_backend_name(backend))
    return backend


def save_password(api_id: str, password: str) -> None:
    """Store the password for ``api_id`` in the OS keyring; refuse insecure stores."""
    api_id = check_api_id(api_id)
    if not password:
        raise CredentialError(CredentialProblem.NO_PASSWORD)
    backend = _secure_backend()
    try:
        backend.set_password(KEYRING_SERVICE, api_id, password)
    except keyring.errors.KeyringError as exc:
        raise CredentialError(
            CredentialProblem.STORE_FAILED, type(exc).__name__, backend=_backend_name(backend)
        ) from None


def read_password(api_id: str) -> str | None:
    """Return the stored password for ``api_id``, ``None`` when none is stored."""
    api_id = check_api_id(api_id)
    backend = _secure_backend()
    try:
        return backend.get_password(KEYRING_SERVICE, api_id)
    except keyring.errors.KeyringError as exc:
        raise CredentialError(
            CredentialProblem.STORE_FAILED, type(exc).__name__, backend=_backend_name(backend)
        ) from None


def delete_password(api_id: str) -> bool:
    """Remove the stored password for ``api_id``; return whether one was there."""
    api_id = check_api_id(api_id)
    backend = _secure_backend()
    try:
        backend.delete_password(KEYRING_SERVICE, api_id)
    except keyring.errors.PasswordDeleteError:
        return False
    except keyring.errors.KeyringError as exc:
        raise CredentialError(
            CredentialProblem.STORE_FAILED, type(exc).__name__, backend=_backend_name(backend)
        ) from None
    return True


def resolve_credentials(
    api_id: str | None, env: Mapping[str, str] | None = None, *, session_password: str | None = None
) -> Credentials:
    """Find the credentials: the given API ID (else ``LIASMART_API_ID``), then the password from
    ``LIASMART_API_PASSWORD``, a password the user typed this session, or the keyring.

    Raises ``CredentialError`` naming what is missing; ``NO_SECURE_STORE`` when the only place
    left to look is a keyring without a secure backend.
    """
    environ = os.environ if env is None else env
    chosen = check_api_id(api_id or environ.get(API_ID_ENV, ""))
    password = environ.get(PASSWORD_ENV) or session_password
    if password:
        return Credentials(chosen, password)
    stored = read_password(chosen)
    if not stored:
        raise CredentialError(CredentialProblem.NO_PASSWORD, backend=keyring_status().backend)
    return Credentials(chosen, stored)
