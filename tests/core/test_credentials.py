"""The API password lives only in a secure OS keyring (or one environment variable, or memory)."""

from __future__ import annotations

from typing import TypeVar

import keyring
import keyring.backend
import keyring.backends.chainer
import keyring.backends.fail
import keyring.backends.null
import keyring.errors
import pytest
from keyring.compat import properties

from liasmart_desktop.core.credentials import (
    API_ID_ENV,
    KEYRING_SERVICE,
    PASSWORD_ENV,
    Credentials,
    check_api_id,
    delete_password,
    keyring_status,
    read_password,
    resolve_credentials,
    save_password,
)
from liasmart_desktop.core.errors import CredentialError, CredentialProblem
from tests.helpers.memory_keyring import MemoryKeyring

API_ID = "API43404236"
SECRET = "CANARY-keyring-7f3a"

_Backend = TypeVar("_Backend", bound=type[keyring.backend.KeyringBackend])


def unregistered(cls: _Backend) -> _Backend:
    """Keep a test double out of keyring's registry, so its auto-detection never picks one."""
    registry: set[type] = getattr(keyring.backend.KeyringBackend, "_classes")  # noqa: B009
    registry.discard(cls)
    return cls


@unregistered
class AltLikeKeyring(MemoryKeyring):
    """Stands in for keyrings.alt's PlaintextKeyring: claims a good priority, lives in keyrings.alt."""

    priority = 1


AltLikeKeyring.__module__ = "keyrings.alt.file"


@unregistered
class LowPriorityKeyring(MemoryKeyring):
    """A backend keyring itself would not recommend (recommended ones rank 1 or more)."""

    priority = 0


@unregistered
class BrokenPriorityKeyring(MemoryKeyring):
    """A backend whose priority check fails (not viable on this system)."""

    @properties.classproperty
    def priority(self) -> float:  # type: ignore[override]  # a class property, keyring's own spelling
        raise RuntimeError("no D-Bus")


@unregistered
class EmptyChainer(keyring.backends.chainer.ChainerBackend):
    """keyring's chainer when no backend is viable."""

    backends: list[MemoryKeyring] = []  # noqa: RUF012 - replaces keyring's class property


@unregistered
class ExplodingKeyring(MemoryKeyring):
    """Every operation fails the way a locked or broken store does, quoting the password."""

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked(f"locked while reading {SECRET}")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError(f"could not store {password}")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.InitError(f"could not delete {SECRET}")


def _chainer(*backends: MemoryKeyring) -> keyring.backends.chainer.ChainerBackend:
    @unregistered
    class Chainer(keyring.backends.chainer.ChainerBackend):
        pass

    Chainer.backends = list(backends)  # type: ignore[assignment]
    return Chainer()


# ---------------------------------------------------------------- with a secure store


def test_save_read_delete(memory_keyring: MemoryKeyring) -> None:
    save_password(f"  {API_ID} ", "s3cret-密钥")
    assert memory_keyring.store == {(KEYRING_SERVICE, API_ID): "s3cret-密钥"}
    assert read_password(API_ID) == "s3cret-密钥"
    assert delete_password(API_ID) is True
    assert memory_keyring.store == {}
    assert read_password(API_ID) is None
    assert delete_password(API_ID) is False


def test_an_empty_password_is_not_saved(memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(CredentialError) as info:
        save_password(API_ID, "")
    assert info.value.code is CredentialProblem.NO_PASSWORD
    assert memory_keyring.store == {}


def test_memory_backend_is_secure() -> None:
    status = keyring_status()
    assert status.backend == "tests.helpers.memory_keyring.MemoryKeyring"
    assert status.secure


@pytest.mark.parametrize(
    ("backend", "name"),
    [
        (keyring.backends.fail.Keyring(), "keyring.backends.fail.Keyring"),
        (keyring.backends.null.Keyring(), "keyring.backends.null.Keyring"),
        (AltLikeKeyring(), "keyrings.alt.file.AltLikeKeyring"),
        (LowPriorityKeyring(), f"{__name__}.LowPriorityKeyring"),
        (BrokenPriorityKeyring(), f"{__name__}.BrokenPriorityKeyring"),
        (EmptyChainer(), f"{__name__}.EmptyChainer"),
    ],
    ids=["fail", "null", "keyrings.alt", "low-priority", "priority-raises", "empty-chainer"],
)
def test_insecure_backends_are_refused(backend: keyring.backend.KeyringBackend, name: str) -> None:
    keyring.set_keyring(backend)
    assert keyring_status().backend == name
    assert keyring_status().secure is False
    for attempt in (
        lambda: save_password(API_ID, SECRET),
        lambda: read_password(API_ID),
        lambda: delete_password(API_ID),
    ):
        with pytest.raises(CredentialError) as info:
            attempt()
        assert info.value.code is CredentialProblem.NO_SECURE_STORE
        assert info.value.backend == name
    if isinstance(backend, MemoryKeyring):
        assert backend.store == {}  # nothing was written


def test_chainer_is_secure_only_when_every_link_is() -> None:
    keyring.set_keyring(_chainer(MemoryKeyring(), MemoryKeyring()))
    assert keyring_status().secure
    plain = AltLikeKeyring()
    keyring.set_keyring(_chainer(MemoryKeyring(), plain))
    assert not keyring_status().secure
    with pytest.raises(CredentialError):
        save_password(API_ID, SECRET)
    assert plain.store == {}


@pytest.mark.parametrize(
    "attempt",
    [
        lambda: save_password(API_ID, SECRET),
        lambda: read_password(API_ID),
        lambda: delete_password(API_ID),
    ],
    ids=["save", "read", "delete"],
)
def test_store_failures_do_not_quote_the_password(attempt: object) -> None:
    keyring.set_keyring(ExplodingKeyring())
    assert callable(attempt)
    with pytest.raises(CredentialError) as info:
        attempt()
    error = info.value
    assert error.code is CredentialProblem.STORE_FAILED
    assert error.backend == f"{__name__}.ExplodingKeyring"
    assert error.detail in {"KeyringLocked", "PasswordSetError", "InitError"}
    assert SECRET not in str(error)
    assert SECRET not in repr(error)
    assert error.__cause__ is None
    assert error.__suppress_context__  # the original message (with the password) is not chained


# ---------------------------------------------------------------- API IDs


@pytest.mark.parametrize("api_id", ["API43404236", " API43404236\n", "a", "a" * 64, "api_id.test-1"])
def test_good_api_ids(api_id: str) -> None:
    assert check_api_id(api_id) == api_id.strip()


@pytest.mark.parametrize("api_id", ["API 4340", "a" * 65, "API\n1", "АПИ1", "api/1", "api;1", "id@x"])
def test_bad_api_ids(api_id: str) -> None:
    with pytest.raises(CredentialError) as info:
        check_api_id(api_id)
    assert info.value.code is CredentialProblem.BAD_API_ID


@pytest.mark.parametrize("api_id", ["", "   "])
def test_missing_api_id(api_id: str) -> None:
    with pytest.raises(CredentialError) as info:
        check_api_id(api_id)
    assert info.value.code is CredentialProblem.NO_API_ID
    assert str(info.value) == "no_api_id"


# ---------------------------------------------------------------- resolve_credentials


def test_environment_password_wins(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.set_password(KEYRING_SERVICE, API_ID, "from-keyring")
    env = {PASSWORD_ENV: "from-env"}
    assert resolve_credentials(API_ID, env, session_password="typed") == Credentials(API_ID, "from-env")


def test_session_password_comes_next(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.set_password(KEYRING_SERVICE, API_ID, "from-keyring")
    assert resolve_credentials(API_ID, {}, session_password="typed") == Credentials(API_ID, "typed")


def test_keyring_password_comes_last(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.set_password(KEYRING_SERVICE, API_ID, "from-keyring")
    assert resolve_credentials(API_ID, {PASSWORD_ENV: ""}) == Credentials(API_ID, "from-keyring")


def test_no_password_anywhere() -> None:
    with pytest.raises(CredentialError) as info:
        resolve_credentials(API_ID, {})
    assert info.value.code is CredentialProblem.NO_PASSWORD
    assert info.value.backend == "tests.helpers.memory_keyring.MemoryKeyring"


def test_insecure_keyring_and_no_other_source() -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    with pytest.raises(CredentialError) as info:
        resolve_credentials(API_ID, {})
    assert info.value.code is CredentialProblem.NO_SECURE_STORE
    # The environment still works without any keyring.
    assert resolve_credentials(API_ID, {PASSWORD_ENV: "from-env"}).password == "from-env"


def test_api_id_from_the_environment(memory_keyring: MemoryKeyring) -> None:
    env = {API_ID_ENV: " API1 ", PASSWORD_ENV: "pw-1"}
    assert resolve_credentials(None, env) == Credentials("API1", "pw-1")
    assert resolve_credentials("API2", env) == Credentials("API2", "pw-1")


def test_process_environment_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(API_ID_ENV, "API7")
    monkeypatch.setenv(PASSWORD_ENV, "pw-7")
    assert resolve_credentials(None) == Credentials("API7", "pw-7")


@pytest.mark.parametrize(
    ("api_id", "code"),
    [
        (None, CredentialProblem.NO_API_ID),
        ("", CredentialProblem.NO_API_ID),
        ("no way", CredentialProblem.BAD_API_ID),
    ],
)
def test_resolve_needs_a_good_api_id(api_id: str | None, code: CredentialProblem) -> None:
    with pytest.raises(CredentialError) as info:
        resolve_credentials(api_id, {PASSWORD_ENV: "pw"})
    assert info.value.code is code


def test_credentials_hide_the_password() -> None:
    credentials = Credentials(API_ID, SECRET)
    assert repr(credentials) == f"Credentials(api_id={API_ID!r})"
    assert str(credentials) == f"Credentials(api_id={API_ID!r}, password=<hidden>)"
    assert SECRET not in f"{credentials} {credentials!r} {[credentials]}"
    assert credentials.password == SECRET
