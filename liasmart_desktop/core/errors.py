"""Errors raised by the core: codes and data for the GUI and the CLI to render, never user prose.

    LiaSmartError
     ├── ConfigError        code: ConfigProblem       settings, data directory, base URL
     ├── CredentialError    code: CredentialProblem   API ID, password, OS keyring
     ├── ApiError           outcome: api.Outcome      a balance or status call that did not succeed
     └── JournalError       code: JournalProblem      the SQLite journal of campaigns and messages

Row-level problems (an invalid phone number, a rejected message) are data in reports and journal
rows, not exceptions. ``str()`` of every error is a short technical summary for logs; it never holds
the API password.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from liasmart_desktop.core.api.outcome import Outcome


class LiaSmartError(Exception):
    """Base of every error the core raises on purpose."""


class ConfigProblem(enum.Enum):
    """What is wrong with the configuration."""

    BAD_BASE_URL = "bad_base_url"
    INSECURE_BASE_URL = "insecure_base_url"
    SETTINGS_UNREADABLE = "settings_unreadable"
    SETTINGS_UNWRITABLE = "settings_unwritable"
    SETTINGS_INVALID = "settings_invalid"
    DATA_DIR_UNUSABLE = "data_dir_unusable"
    BAD_VALUE = "bad_value"


class ConfigError(LiaSmartError):
    """The configuration (settings file, option, environment) cannot be used as it is."""

    def __init__(self, code: ConfigProblem, detail: str = "", *, subject: str = "") -> None:
        super().__init__(f"{code.value}: {subject} {detail}".strip())
        self.code = code
        self.detail = detail
        self.subject = subject


class CredentialProblem(enum.Enum):
    """Why the API credentials could not be found, stored or read."""

    NO_API_ID = "no_api_id"
    BAD_API_ID = "bad_api_id"
    NO_PASSWORD = "no_password"  # noqa: S105 - an error code
    NO_SECURE_STORE = "no_secure_store"
    STORE_FAILED = "store_failed"


class CredentialError(LiaSmartError):
    """The API credentials are missing or the OS keyring could not be used."""

    def __init__(self, code: CredentialProblem, detail: str = "", *, backend: str = "") -> None:
        super().__init__(f"{code.value}: {detail}".strip(": "))
        self.code = code
        self.detail = detail
        self.backend = backend


class ApiError(LiaSmartError):
    """A query to the API (balance, delivery status) did not give a usable answer."""

    def __init__(self, outcome: Outcome) -> None:
        super().__init__(f"{outcome.kind.value}: {outcome.reason.value} {outcome.detail}".strip())
        self.outcome = outcome


class JournalProblem(enum.Enum):
    """Why the journal (the SQLite file of campaigns and messages) cannot be used."""

    CORRUPT = "corrupt"
    NEWER_SCHEMA = "newer_schema"
    NOT_DURABLE = "not_durable"
    WRITE_FAILED = "write_failed"
    NO_SUCH_CAMPAIGN = "no_such_campaign"
    NO_CAMPAIGNS = "no_campaigns"
    NOTHING_TO_RESEND = "nothing_to_resend"


class JournalError(LiaSmartError):
    """The journal cannot be opened, read or written, or a named campaign is not in it."""

    def __init__(self, code: JournalProblem, detail: str = "", *, subject: str = "") -> None:
        super().__init__(f"{code.value}: {subject} {detail}".strip())
        self.code = code
        self.detail = detail
        self.subject = subject
