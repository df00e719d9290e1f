"""Test isolation: offscreen Qt, a private data directory and an in-memory keyring for every test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

# Without a display and without this, Qt aborts the whole test process.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import pytest

from tests.helpers.memory_keyring import MemoryKeyring

# The whole run stays out of the user's own folders (and fails when a test does not).
pytest_plugins = ["tests.helpers.home_guard"]


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No test sees the developer's settings, keyring, proxies or LIASMART_* variables."""
    for name in list(os.environ):
        if name.startswith("LIASMART_") or name.lower() in {
            "http_proxy",
            "https_proxy",
            "all_proxy",
        }:
            monkeypatch.delenv(name, raising=False)
    home = tmp_path / "liasmart-home"
    monkeypatch.setenv("LIASMART_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Every test gets a fresh in-memory keyring; the real one is never touched."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
