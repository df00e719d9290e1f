"""Core errors carry codes and data; their text is a short technical summary without secrets."""

from __future__ import annotations

from liasmart_desktop.core.api import Outcome, OutcomeKind, Reason
from liasmart_desktop.core.errors import (
    ApiError,
    Bounds,
    CampaignError,
    CampaignProblem,
    ConfigError,
    ConfigProblem,
    CredentialError,
    CredentialProblem,
    JournalError,
    JournalProblem,
    LiaSmartError,
    ValueRule,
)


def test_config_error() -> None:
    error = ConfigError(ConfigProblem.SETTINGS_UNREADABLE, "not valid JSON", subject="/x/settings.json")
    assert isinstance(error, LiaSmartError)
    assert (error.code, error.detail, error.subject, error.rule) == (
        ConfigProblem.SETTINGS_UNREADABLE,
        "not valid JSON",
        "/x/settings.json",
        None,
    )
    assert str(error) == "settings_unreadable: /x/settings.json not valid JSON"
    assert str(ConfigError(ConfigProblem.DATA_DIR_UNUSABLE)) == "data_dir_unusable: "


def test_a_value_out_of_range_carries_its_rule_and_bounds_not_words() -> None:
    error = ConfigError(
        ConfigProblem.BAD_VALUE, subject="concurrency", rule=ValueRule.RANGE, bounds=Bounds(1, 64)
    )
    assert (error.rule, error.bounds, error.detail) == (ValueRule.RANGE, Bounds(1, 64), "")
    assert str(error) == "bad_value: concurrency range 1..64"
    at_most = ConfigError(
        ConfigProblem.BAD_VALUE, subject="rate", rule=ValueRule.POSITIVE_AT_MOST, bounds=Bounds(None, 1000)
    )
    assert str(at_most) == "bad_value: rate positive_at_most 1000"


def test_campaign_error_names_the_accounts() -> None:
    error = CampaignError(CampaignProblem.WRONG_ACCOUNT, campaign="abc123", account="API1", current="API2")
    assert (error.code, error.campaign, error.account, error.current) == (
        CampaignProblem.WRONG_ACCOUNT,
        "abc123",
        "API1",
        "API2",
    )
    assert str(error) == "wrong_account: campaign abc123 account 'API1' current 'API2'"


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
