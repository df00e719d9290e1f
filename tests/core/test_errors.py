"""Core errors carry codes and data; their text is a short technical summary without secrets."""

from __future__ import annotations

from liasmart_desktop.core.api import Outcome, OutcomeKind, Reason
from liasmart_desktop.core.errors import (
    ApiError,
    ConfigError,
    ConfigProblem,
    CredentialError,
    CredentialProblem,
    JournalError,
    JournalProblem,
    LiaSmartError,
)


def test_config_error() -> None:
    error = ConfigError(ConfigProblem.BAD_VALUE, "1 to 64", subject="concurrency")
    assert isinstance(error, LiaSmartError)
    assert (error.code, error.detail, error.subject) == (ConfigProblem.BAD_VALUE, "1 to 64", "concurrency")
    assert str(error) == "bad_value: concurrency 1 to 64"
    assert str(ConfigError(ConfigProblem.DATA_DIR_UNUSABLE)) == "data_dir_unusable:"


def test_credential_error() -> None:
    error = CredentialError(CredentialProblem.STORE_FAILED, "KeyringLocked", backend="x.Keyring")
    assert (error.code, error.detail, error.backend) == (
        CredentialProblem.STORE_FAILED,
        "KeyringLocked",
        "x.Keyring",
    )
    assert str(error) == "store_failed: KeyringLocked"
    assert str(CredentialError(CredentialProblem.NO_PASSWORD)) == "no_password"


def test_api_error_carries_the_outcome() -> None:
    outcome = Outcome(OutcomeKind.UNKNOWN, Reason.READ_TIMEOUT, detail="ReadTimeout: timed out")
    error = ApiError(outcome)
    assert error.outcome is outcome
    assert str(error) == "unknown: read_timeout ReadTimeout: timed out"
    assert str(ApiError(Outcome(OutcomeKind.REFUSED, Reason.CREDENTIALS, 401))) == "refused: credentials"


def test_journal_error() -> None:
    error = JournalError(JournalProblem.CORRUPT, "database disk image is malformed", subject="/x/journal")
    assert isinstance(error, LiaSmartError)
    assert (error.code, error.subject) == (JournalProblem.CORRUPT, "/x/journal")
    assert str(error) == "corrupt: /x/journal database disk image is malformed"
