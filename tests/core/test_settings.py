"""Domain settings: defaults, a private atomic JSON file, unknown keys kept, secrets never kept."""

from __future__ import annotations

import json
import os
import stat
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from liasmart_desktop.core.errors import ConfigError, ConfigProblem
from liasmart_desktop.core.settings import (
    DEFAULT_BASE_URL,
    SCHEMA_VERSION,
    AppSettings,
    load_settings,
    save_settings,
    settings_from_dict,
    settings_to_dict,
    updated,
)

FULL = AppSettings(
    api_id="API43404236",
    base_url="https://api.liasmart.com/api",
    default_country="CN",
    sender_ids=("LIASMART", "SHOP"),
    default_sender_id="SHOP",
    sms_type="T",
    price_per_part=Decimal("0.0450"),
    currency="USD",
    concurrency=4,
    rate_per_second=12.5,
    callback_url="https://hooks.example/dlr",
    language="zh_CN",
    use_system_trust_store=True,
    require_uid_echo=True,
)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "settings.json"


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_defaults() -> None:
    s = AppSettings()
    assert (s.api_id, s.base_url, s.sms_type, s.concurrency, s.rate_per_second) == (
        "",
        DEFAULT_BASE_URL,
        "P",
        8,
        20.0,
    )
    assert DEFAULT_BASE_URL == "https://api.liasmart.com/api"
    assert (s.price_per_part, s.sender_ids, s.use_system_trust_store, s.require_uid_echo) == (
        None,
        (),
        False,
        False,
    )
    assert s.extra == {}


def test_missing_file_gives_defaults(path: Path) -> None:
    assert load_settings(path) == AppSettings()
    assert not path.exists()


def test_round_trip(path: Path) -> None:
    save_settings(path, FULL)
    assert load_settings(path) == FULL
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["price_per_part"] == "0.0450"  # money as exact text
    assert data["sender_ids"] == ["LIASMART", "SHOP"]
    assert _files(path.parent) == ["settings.json"]  # no temporary file left behind


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_saved_file_is_owner_only(path: Path) -> None:
    path.write_text("{}", encoding="utf-8")
    path.chmod(0o644)
    save_settings(path, FULL)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_save_replaces_the_previous_file(path: Path) -> None:
    save_settings(path, FULL)
    save_settings(path, updated(FULL, concurrency=2))
    assert load_settings(path).concurrency == 2
    assert _files(path.parent) == ["settings.json"]


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_failed_save_leaves_the_previous_file(
    monkeypatch: pytest.MonkeyPatch, path: Path, failing: str
) -> None:
    save_settings(path, FULL)
    before = path.read_bytes()

    def fail(*args: Any, **kwargs: Any) -> None:
        raise OSError(28, "No space left on device")

    if failing == "fsync":
        monkeypatch.setattr(os, "fsync", fail)
    else:
        monkeypatch.setattr(Path, "replace", fail)
    with pytest.raises(ConfigError) as error:
        save_settings(path, updated(FULL, concurrency=1))
    assert error.value.code is ConfigProblem.SETTINGS_UNWRITABLE
    assert "No space left" in error.value.detail
    assert path.read_bytes() == before
    assert _files(path.parent) == ["settings.json"]


def test_unknown_keys_are_kept(path: Path) -> None:
    path.write_text(
        json.dumps({"schema_version": 1, "api_id": "A1", "theme": "dark", "future": {"x": [1, 2]}}),
        encoding="utf-8",
    )
    loaded = load_settings(path)
    assert loaded.api_id == "A1"
    assert loaded.extra == {"theme": "dark", "future": {"x": [1, 2]}}
    save_settings(path, updated(loaded, api_id="A2"))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["api_id"], data["theme"], data["future"]) == ("A2", "dark", {"x": [1, 2]})


@pytest.mark.parametrize("key", ["api_password", "password", "API_Password", " Password "])
def test_secret_keys_are_neither_read_nor_written(path: Path, key: str) -> None:
    path.write_text(json.dumps({"api_id": "A1", key: "CANARY-secret"}), encoding="utf-8")
    loaded = load_settings(path)
    assert key not in loaded.extra
    assert "CANARY" not in repr(loaded)
    save_settings(path, loaded)
    assert "CANARY" not in path.read_text(encoding="utf-8")


def test_secret_keys_slipped_into_extra_are_not_written() -> None:
    sneaky = AppSettings(extra={"Api_Password": "CANARY-secret", "theme": "dark"})
    data = settings_to_dict(sneaky)
    assert "CANARY" not in json.dumps(data)
    assert data["theme"] == "dark"


def test_settings_file_with_bom_is_read(path: Path) -> None:
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"api_id": "A1"}).encode())
    assert load_settings(path).api_id == "A1"


@pytest.mark.parametrize(
    ("data", "subject"),
    [
        ({"concurrency": "8"}, "concurrency"),
        ({"concurrency": True}, "concurrency"),  # JSON true is not a concurrency of 1
        ({"concurrency": 2.0}, "concurrency"),
        ({"rate_per_second": False}, "rate_per_second"),
        ({"rate_per_second": "fast"}, "rate_per_second"),
        ({"use_system_trust_store": 1}, "use_system_trust_store"),
        ({"api_id": 43404236}, "api_id"),
        ({"sender_ids": "LIASMART"}, "sender_ids"),
        ({"sender_ids": ["LIASMART", 7]}, "sender_ids"),
        ({"price_per_part": True}, "price_per_part"),
        ({"price_per_part": "cheap"}, "price_per_part"),
        ({"price_per_part": [1]}, "price_per_part"),
        ({"schema_version": SCHEMA_VERSION + 1}, "schema_version"),
        ({"schema_version": "1"}, "schema_version"),
        ({"schema_version": True}, "schema_version"),
        ({"concurrency": 0}, "concurrency"),
        ({"sms_type": "X"}, "sms_type"),
        ({"price_per_part": "NaN"}, "price_per_part"),
        ({"price_per_part": "-0.01"}, "price_per_part"),
        ({"daily_limit_parts": "1000"}, "daily_limit_parts"),
        ({"daily_limit_parts": True}, "daily_limit_parts"),
        ({"daily_limit_parts": 0}, "daily_limit_parts"),
        ({"quiet_hours": 21}, "quiet_hours"),
        ({"quiet_hours": "21:00"}, "quiet_hours"),
    ],
)
def test_wrong_values_in_the_file(path: Path, data: dict[str, Any], subject: str) -> None:
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    assert info.value.code is ConfigProblem.SETTINGS_INVALID
    assert info.value.subject == subject


def test_newer_schema_says_so() -> None:
    with pytest.raises(ConfigError, match="newer than this app"):
        settings_from_dict({"schema_version": SCHEMA_VERSION + 1})


def test_older_and_current_schema_are_read() -> None:
    assert settings_from_dict({"schema_version": SCHEMA_VERSION}) == AppSettings()
    assert settings_from_dict({"schema_version": 0, "api_id": "A"}).api_id == "A"


def test_numbers_are_normalised() -> None:
    s = settings_from_dict({"rate_per_second": 5, "price_per_part": 0.1, "sender_ids": ["A"]})
    assert s.rate_per_second == 5.0
    assert isinstance(s.rate_per_second, float)
    assert s.price_per_part == Decimal("0.1")
    assert s.sender_ids == ("A",)
    assert settings_from_dict({"price_per_part": None}).price_per_part is None
    assert settings_from_dict({"price_per_part": 3}).price_per_part == Decimal(3)


@pytest.mark.parametrize(
    ("content", "detail"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00", "not valid JSON"),
        (b"", "not valid JSON"),
        (b"[1, 2]", "not a JSON object"),
        (b'"text"', "not a JSON object"),
        (b"null", "not a JSON object"),
    ],
)
def test_broken_file(path: Path, content: bytes, detail: str) -> None:
    path.write_bytes(content)
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    assert (info.value.code, info.value.subject, info.value.detail) == (
        ConfigProblem.SETTINGS_UNREADABLE,
        str(path),
        detail,
    )
    assert path.read_bytes() == content  # nothing was changed


def test_unreadable_file(path: Path) -> None:
    path.mkdir()  # a folder where the file should be: reading it fails on every system, even as root
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    assert (info.value.code, info.value.subject) == (ConfigProblem.SETTINGS_UNREADABLE, str(path))
    assert info.value.detail


@pytest.mark.parametrize(
    ("changes", "subject"),
    [
        ({"default_country": "CHN"}, "default_country"),
        ({"default_country": "中国"}, "default_country"),
        ({"default_country": "cn"}, "default_country"),
        ({"sms_type": "p"}, "sms_type"),
        ({"concurrency": 0}, "concurrency"),
        ({"concurrency": 65}, "concurrency"),
        ({"rate_per_second": 0.0}, "rate_per_second"),
        ({"rate_per_second": 1000.1}, "rate_per_second"),
        ({"rate_per_second": float("nan")}, "rate_per_second"),
        ({"price_per_part": Decimal("-0.01")}, "price_per_part"),
        ({"price_per_part": Decimal("NaN")}, "price_per_part"),
        ({"price_per_part": Decimal("Infinity")}, "price_per_part"),
        ({"daily_limit_parts": 0}, "daily_limit_parts"),
        ({"daily_limit_parts": 100_000_001}, "daily_limit_parts"),
        ({"quiet_hours": "22:00-22:00"}, "quiet_hours"),
    ],
)
def test_out_of_range_values(changes: dict[str, Any], subject: str) -> None:
    with pytest.raises(ConfigError) as info:
        updated(AppSettings(), **changes)
    assert (info.value.code, info.value.subject) == (ConfigProblem.BAD_VALUE, subject)


@pytest.mark.parametrize(
    "changes",
    [
        {"default_country": "PK"},
        {"concurrency": 1},
        {"concurrency": 64},
        {"rate_per_second": 1000.0},
        {"rate_per_second": 0.01},
        {"price_per_part": Decimal(0)},
        {"daily_limit_parts": 1},
        {"daily_limit_parts": 100_000_000},
        {"daily_limit_parts": None},
        {"quiet_hours": "21:00-08:00"},
    ],
)
def test_values_at_the_limits(changes: dict[str, Any]) -> None:
    s = updated(AppSettings(), **changes)
    for key, value in changes.items():
        assert getattr(s, key) == value


def test_updated_returns_a_new_object() -> None:
    base = AppSettings()
    changed = updated(base, api_id="A9")
    assert (base.api_id, changed.api_id) == ("", "A9")


@pytest.mark.parametrize("value", [0, 16])
def test_sender_id_length_rule_is_bounded(value: int) -> None:
    with pytest.raises(ConfigError) as error:
        AppSettings(sender_id_max_chars=value)
    assert error.value.subject == "sender_id_max_chars"


def test_test_phone_and_sender_rule_round_trip(path: Path) -> None:
    saved = AppSettings(test_phone="8613912345678", sender_id_max_chars=9)
    save_settings(path, saved)
    assert load_settings(path) == saved
