"""What every command needs: the resolved options, data folder, settings, credentials and output."""

from __future__ import annotations

import argparse
import enum
import functools
import json
import os
import sys
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from liasmart_desktop.core.api.client import LiaSmartClient
from liasmart_desktop.core.api.urls import check_base_url
from liasmart_desktop.core.credentials import Credentials, resolve_credentials
from liasmart_desktop.core.importing import likely_home_regions, region_from_env
from liasmart_desktop.core.importing.regions import region_from_locale
from liasmart_desktop.core.paths import DataPaths, find_data_dir, open_data_dir
from liasmart_desktop.core.settings import AppSettings, load_settings

BASE_URL_ENV = "LIASMART_BASE_URL"
COUNTRY_ENV = "LIASMART_COUNTRY"


def _json_default(value: object) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def windows_region() -> str | None:
    """The region of Windows' user locale (``zh-CN`` → ``CN``); ``None`` elsewhere or when unknown."""
    if os.name != "nt":
        return None
    import ctypes  # noqa: PLC0415 - Windows only

    buffer = ctypes.create_unicode_buffer(85)  # LOCALE_NAME_MAX_LENGTH
    # getattr: the type stubs know ``windll`` only when checking for Windows.
    kernel32 = getattr(ctypes, "windll").kernel32  # noqa: B009
    if not kernel32.GetUserDefaultLocaleName(buffer, len(buffer)):
        return None
    return region_from_locale(str(buffer.value))


def dump_json(value: object) -> str:
    """JSON text for ``--json`` output (Decimal as a number, enums as their value, UTF-8 kept)."""
    return json.dumps(value, ensure_ascii=False, default=_json_default)


class CliContext:
    """Resolved common options; everything is looked up lazily so a command pays only for what it uses."""

    def __init__(
        self,
        args: argparse.Namespace,
        *,
        env: Mapping[str, str] | None = None,
        stdout: TextIO | None = None,
        stderr: TextIO | None = None,
        stdin: TextIO | None = None,
    ) -> None:
        self.args = args
        self._system_env = env is None
        self.env: Mapping[str, str] = os.environ if env is None else env
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self.stdin = stdin or sys.stdin

    @functools.cached_property
    def paths(self) -> DataPaths:
        """The data folder, not created: reading needs none, and what writes makes it (private)."""
        return find_data_dir(getattr(self.args, "home", None), self.env)

    def create_data_folder(self) -> DataPaths:
        """The data folder, created private if it is not there yet (before a command writes into it)."""
        return open_data_dir(getattr(self.args, "home", None), self.env)

    @functools.cached_property
    def settings(self) -> AppSettings:
        """The saved settings (defaults when there is no settings file)."""
        return load_settings(self.paths.settings_file)

    @property
    def json_mode(self) -> bool:
        """Whether ``--json`` was given."""
        return bool(getattr(self.args, "json", False))

    @property
    def base_url(self) -> str:
        """``--base-url``, else ``LIASMART_BASE_URL``, else the saved setting (checked)."""
        chosen = getattr(self.args, "base_url", None) or self.env.get(BASE_URL_ENV) or self.settings.base_url
        return check_base_url(chosen)

    @property
    def api_id(self) -> str:
        """``--api-id``, else ``LIASMART_API_ID``, else the saved setting ('' when none)."""
        return getattr(self.args, "api_id", None) or self.env.get("LIASMART_API_ID") or self.settings.api_id

    @property
    def country(self) -> str:
        """``--country``, else ``LIASMART_COUNTRY``, else the saved default country ('' when none)."""
        chosen = (
            getattr(self.args, "country", None) or self.env.get(COUNTRY_ENV) or self.settings.default_country
        )
        return chosen.strip().upper()

    @functools.cached_property
    def home_regions(self) -> tuple[str, ...]:
        """Where a number without a country code may belong when no country is set: the locale's region
        (``LC_ALL``, ``LC_MESSAGES``, ``LANG``; Windows' user locale when none is set) and China."""
        region = region_from_env(self.env)
        if region is None and self._system_env:
            region = windows_region()
        return likely_home_regions(region)

    def credentials(self) -> Credentials:
        """The API ID and password (password from the environment or the OS keyring)."""
        return resolve_credentials(self.api_id, self.env)

    def client(self, *, max_connections: int = 1, base_url: str | None = None) -> LiaSmartClient:
        """A client for the resolved credentials and base URL (or ``base_url`` when given)."""
        url = base_url or self.base_url  # a bad address is reported before a missing password
        return LiaSmartClient(
            self.credentials(),
            base_url=url,
            max_connections=max_connections,
            use_system_trust_store=self.settings.use_system_trust_store,
            require_uid_echo=self.settings.require_uid_echo,
        )

    def print_json(self, value: object) -> None:
        """Write one JSON document to stdout."""
        self.stdout.write(dump_json(value) + "\n")
        self.stdout.flush()

    def say(self, text: str) -> None:
        """Write a line of human-readable output to stdout."""
        self.stdout.write(text + "\n")
        self.stdout.flush()

    def warn(self, text: str) -> None:
        """Write a line to stderr."""
        self.stderr.write(text + "\n")
        self.stderr.flush()
