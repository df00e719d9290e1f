"""Errors raised by the core: codes and data for the GUI and the CLI to render, never user prose.

    LiaSmartError
     ├── ConfigError        code: ConfigProblem       settings, data directory, base URL
     ├── CredentialError    code: CredentialProblem   API ID, password, OS keyring
     ├── ApiError           outcome: api.Outcome      a balance or status call that did not succeed
     ├── JournalError       code: JournalProblem      the SQLite journal of campaigns and messages
     └── CampaignError      code: CampaignProblem     an operation a campaign does not allow (its account,
                                                      its mode, its status)

Row-level problems (an invalid phone number, a rejected message) are data in reports and journal
rows, not exceptions. ``str()`` of every error is a short technical summary for logs; it never holds
the API password.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from liasmart_desktop.core.api.outcome import Outcome


class LiaSmartError(Exception):
    """Base of every error the core raises on purpose.

    Errors travel between processes (the sending process reports to the app through a pipe), so each
    one pickles as its class, its message and its attributes, whatever its ``__init__`` takes.
    """

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_error, (type(self), self.args, self.__dict__))


def _rebuild_error(
    cls: type[LiaSmartError], args: tuple[object, ...], state: dict[str, object]
) -> LiaSmartError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class ConfigProblem(enum.Enum):
    """What is wrong with the configuration."""

    BAD_BASE_URL = "bad_base_url"
    INSECURE_BASE_URL = "insecure_base_url"
    SETTINGS_UNREADABLE = "settings_unreadable"
    SETTINGS_UNWRITABLE = "settings_unwritable"
    SETTINGS_INVALID = "settings_invalid"
    DATA_DIR_UNUSABLE = "data_dir_unusable"
    BAD_VALUE = "bad_value"


class ValueRule(enum.Enum):
    """What a setting or option must be (``ConfigProblem.BAD_VALUE`` names the rule it broke)."""

    COUNTRY_CODE = "country_code"  # two upper-case letters (ISO 3166-1 alpha-2)
    SMS_TYPE = "sms_type"  # P or T
    RANGE = "range"  # a whole number from ``low`` to ``high``
    POSITIVE_AT_MOST = "positive_at_most"  # above 0, at most ``high``
    ZERO_OR_MORE = "zero_or_more"  # a number, zero or more
    TIME_WINDOW = "time_window"  # two different times of day, HH:MM-HH:MM


@dataclass(frozen=True, slots=True)
class Bounds:
    """The limits a ``ValueRule`` speaks of (numbers; the front ends format them)."""

    low: float | None = None
    high: float | None = None


def _bounds_text(bounds: Bounds) -> str:
    return "..".join(f"{value:g}" if value is not None else "" for value in (bounds.low, bounds.high)).strip(
        "."
    )


class ConfigError(LiaSmartError):
    """The configuration (settings file, option, environment) cannot be used as it is.

    ``BAD_VALUE`` and ``SETTINGS_INVALID`` about a value out of range carry the ``rule`` it broke and
    its ``bounds``; ``detail`` is technical text for logs and for problems that have no rule.
    """

    def __init__(
        self,
        code: ConfigProblem,
        detail: str = "",
        *,
        subject: str = "",
        rule: ValueRule | None = None,
        bounds: Bounds = Bounds(),
    ) -> None:
        parts = (subject, rule.value if rule else "", _bounds_text(bounds), detail)
        super().__init__(f"{code.value}: " + " ".join(part for part in parts if part))
        self.code = code
        self.detail = detail
        self.subject = subject
        self.rule = rule
        self.bounds = bounds


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
    EMPTIED = "emptied"  # the file was 0 bytes: its history is gone; it was kept aside as ``detail``


class JournalError(LiaSmartError):
    """The journal cannot be opened, read or written, or a named campaign is not in it."""

    def __init__(self, code: JournalProblem, detail: str = "", *, subject: str = "") -> None:
        super().__init__(f"{code.value}: {subject} {detail}".strip())
        self.code = code
        self.detail = detail
        self.subject = subject


class CampaignProblem(enum.Enum):
    """Why a campaign operation was refused (nothing was changed or sent)."""

    WRONG_ACCOUNT = "wrong_account"  # the campaign belongs to ``account``; this is ``current``
    NEEDS_ACCOUNT = "needs_account"  # a real campaign, but no account can be used now (sandbox, none set up)
    NEEDS_SANDBOX = "needs_sandbox"  # a sandbox campaign, but only a real account can be used now
    CANCELLED = "cancelled"  # a cancelled campaign is not sent any more
    SANDBOX_GONE = "sandbox_gone"  # the simulator that took a sandbox campaign has stopped since
    ALL_OPTED_OUT = (
        "all_opted_out"  # a resend whose every message goes to a number on the do-not-message list
    )


class CampaignError(LiaSmartError):
    """A campaign cannot be sent, resumed or resent as asked; nothing was changed.

    ``campaign`` is its code, ``name`` its name; ``account`` the API ID it belongs to ("" for the
    sandbox) and ``current`` the API ID that was to be used ("" when none).
    """

    def __init__(
        self,
        code: CampaignProblem,
        *,
        campaign: str = "",
        name: str = "",
        account: str = "",
        current: str = "",
    ) -> None:
        super().__init__(f"{code.value}: campaign {campaign} account {account!r} current {current!r}")
        self.code = code
        self.campaign = campaign
        self.name = name
        self.account = account
        self.current = current
