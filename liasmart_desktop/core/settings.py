"""Domain settings (API ID, base URL, country, pacing …) saved as versioned JSON; never the password."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from liasmart_desktop.core.errors import Bounds, ConfigError, ConfigProblem, ValueRule
from liasmart_desktop.core.paths import atomic_path
from liasmart_desktop.core.sending.schedule import parse_quiet_hours

SCHEMA_VERSION = 1
DEFAULT_BASE_URL = "https://api.liasmart.com/api"
MAX_CONCURRENCY = 64
MAX_RATE_PER_S = 1000.0
MAX_SENDER_ID_CHARS = 15
#: The largest daily limit the settings take (a hundred million parts is no limit any office has).
MAX_DAILY_LIMIT_PARTS = 100_000_000
#: Keys that must never be read from or written to the settings file.
SECRET_KEYS = frozenset({"api_password", "password"})


@dataclass(frozen=True, slots=True)
class AppSettings:
    """Everything the user configures except the API password (which lives in the OS keyring)."""

    api_id: str = ""
    base_url: str = DEFAULT_BASE_URL
    default_country: str = ""
    #: The first-start question about the office's country was answered (with a country or "none").
    country_asked: bool = False
    sender_ids: tuple[str, ...] = ()
    default_sender_id: str = ""
    sms_type: str = "P"
    price_per_part: Decimal | None = None
    currency: str = ""
    concurrency: int = 8
    rate_per_second: float = 20.0
    callback_url: str = ""
    language: str = ""
    use_system_trust_store: bool = False
    require_uid_echo: bool = False
    #: Where "Send a test to my number" sends (country code + number, or a national number).
    test_phone: str = ""
    #: The longest alphanumeric sender ID the account accepts (the common rule is 11).
    sender_id_max_chars: int = 11
    #: The most parts sent in one day (parts already sent that day count); ``None`` for no limit.
    daily_limit_parts: int | None = None
    #: "HH:MM-HH:MM" local time in which promotional messages wait ("" for none).
    quiet_hours: str = ""
    #: The folder a list was last imported from or results exported to (file choosers open there).
    last_folder: str = ""
    #: Keys written by a newer version, kept so saving does not lose them.
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        check_settings(self)


def _bad(subject: str, rule: ValueRule, low: float | None = None, high: float | None = None) -> ConfigError:
    return ConfigError(ConfigProblem.BAD_VALUE, subject=subject, rule=rule, bounds=Bounds(low, high))


def check_pacing(concurrency: int, rate_per_second: float) -> None:
    """Raise ``ConfigError(BAD_VALUE)`` naming ``concurrency`` or ``rate_per_second`` when out of range."""
    if not 1 <= concurrency <= MAX_CONCURRENCY:
        raise _bad("concurrency", ValueRule.RANGE, 1, MAX_CONCURRENCY)
    # ``not 0 < x`` also refuses NaN, which compares false with everything.
    if not 0 < rate_per_second <= MAX_RATE_PER_S:
        raise _bad("rate_per_second", ValueRule.POSITIVE_AT_MOST, None, MAX_RATE_PER_S)


def check_settings(s: AppSettings) -> None:
    """Raise ``ConfigError(BAD_VALUE)`` naming the first setting that is out of range, and its rule."""
    country = s.default_country
    if country and not (len(country) == 2 and country.isascii() and country.isalpha() and country.isupper()):
        raise _bad("default_country", ValueRule.COUNTRY_CODE)
    if s.sms_type not in {"P", "T"}:
        raise _bad("sms_type", ValueRule.SMS_TYPE)
    check_pacing(s.concurrency, s.rate_per_second)
    if not 1 <= s.sender_id_max_chars <= MAX_SENDER_ID_CHARS:
        raise _bad("sender_id_max_chars", ValueRule.RANGE, 1, MAX_SENDER_ID_CHARS)
    # "NaN" would make the comparison itself raise; "Infinity" is no price.
    if s.price_per_part is not None and not (s.price_per_part.is_finite() and s.price_per_part >= 0):
        raise _bad("price_per_part", ValueRule.ZERO_OR_MORE)
    check_daily_limit(s.daily_limit_parts)
    parse_quiet_hours(s.quiet_hours)


def check_daily_limit(parts: int | None, subject: str = "daily_limit_parts") -> None:
    """Raise ``ConfigError(BAD_VALUE)`` naming ``subject`` unless ``parts`` is ``None`` or in range."""
    if parts is not None and not 1 <= parts <= MAX_DAILY_LIMIT_PARTS:
        raise _bad(subject, ValueRule.RANGE, 1, MAX_DAILY_LIMIT_PARTS)


def _is_secret_key(key: str) -> bool:
    """``api_password``, ``API_Password`` …: a secret under any spelling is never kept or written."""
    return key.strip().lower() in SECRET_KEYS


_FIELD_TYPES: dict[str, type | tuple[type, ...]] = {
    "api_id": str,
    "base_url": str,
    "default_country": str,
    "country_asked": bool,
    "sender_ids": list,
    "default_sender_id": str,
    "sms_type": str,
    "price_per_part": (str, int, float, type(None)),
    "currency": str,
    "concurrency": int,
    "rate_per_second": (int, float),
    "callback_url": str,
    "language": str,
    "use_system_trust_store": bool,
    "require_uid_echo": bool,
    "test_phone": str,
    "sender_id_max_chars": int,
    "daily_limit_parts": (int, type(None)),
    "quiet_hours": str,
    "last_folder": str,
}


def settings_from_dict(data: dict[str, Any]) -> AppSettings:
    """Build settings from parsed JSON, tolerating missing and unknown keys, checking types."""
    version = data.get("schema_version", SCHEMA_VERSION)
    if not isinstance(version, int) or isinstance(version, bool):
        raise ConfigError(
            ConfigProblem.SETTINGS_INVALID, f"unexpected value {version!r}", subject="schema_version"
        )
    if version > SCHEMA_VERSION:
        raise ConfigError(
            ConfigProblem.SETTINGS_INVALID,
            f"schema_version {version!r} is newer than this app",
            subject="schema_version",
        )
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in data.items():
        if key == "schema_version" or _is_secret_key(key):
            continue
        expected = _FIELD_TYPES.get(key)
        if expected is None:
            extra[key] = value
            continue
        # bool is an int in Python; a JSON true must not pass as a concurrency of 1.
        if not isinstance(value, expected) or (isinstance(value, bool) and expected is not bool):
            raise ConfigError(ConfigProblem.SETTINGS_INVALID, f"unexpected value {value!r}", subject=key)
        values[key] = value
    if "sender_ids" in values:
        if not all(isinstance(item, str) for item in values["sender_ids"]):
            raise ConfigError(ConfigProblem.SETTINGS_INVALID, "a list of texts", subject="sender_ids")
        values["sender_ids"] = tuple(values["sender_ids"])
    if "price_per_part" in values and values["price_per_part"] is not None:
        try:
            values["price_per_part"] = Decimal(str(values["price_per_part"]))
        except InvalidOperation as exc:
            raise ConfigError(ConfigProblem.SETTINGS_INVALID, "a number", subject="price_per_part") from exc
    if "rate_per_second" in values:
        values["rate_per_second"] = float(values["rate_per_second"])
    try:
        return AppSettings(**values, extra=extra)
    except ConfigError as exc:
        raise ConfigError(
            ConfigProblem.SETTINGS_INVALID, exc.detail, subject=exc.subject, rule=exc.rule, bounds=exc.bounds
        ) from exc


def settings_to_dict(settings: AppSettings) -> dict[str, Any]:
    """Turn settings into JSON-ready data (unknown keys from newer versions kept)."""
    data: dict[str, Any] = dict(settings.extra)
    for f in dataclasses.fields(settings):
        if f.name == "extra":
            continue
        value = getattr(settings, f.name)
        if isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, Decimal):
            value = str(value)
        data[f.name] = value
    data["schema_version"] = SCHEMA_VERSION
    for key in [key for key in data if _is_secret_key(key)]:
        del data[key]
    return data


def load_settings(path: Path) -> AppSettings:
    """Read the settings file; a missing file gives the defaults, a broken one a ``ConfigError``."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return AppSettings()
    except OSError as exc:
        raise ConfigError(
            ConfigProblem.SETTINGS_UNREADABLE, exc.strerror or str(exc), subject=str(path)
        ) from exc
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(ConfigProblem.SETTINGS_UNREADABLE, "not valid JSON", subject=str(path)) from exc
    if not isinstance(data, dict):
        raise ConfigError(ConfigProblem.SETTINGS_UNREADABLE, "not a JSON object", subject=str(path))
    return settings_from_dict(data)


def save_settings(path: Path, settings: AppSettings) -> None:
    """Write the settings atomically (temporary file, fsync, rename) with owner-only permissions.

    A failure (disk full, read-only folder) raises ``ConfigError(SETTINGS_UNWRITABLE)`` and leaves
    the previous file as it was.
    """
    text = json.dumps(settings_to_dict(settings), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    try:
        with atomic_path(path) as tmp:
            tmp.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(
            ConfigProblem.SETTINGS_UNWRITABLE, exc.strerror or str(exc), subject=str(path)
        ) from exc


def updated(settings: AppSettings, **changes: Any) -> AppSettings:
    """Return a copy with ``changes`` applied and checked."""
    return dataclasses.replace(settings, **changes)
