"""Run a module's Windows-side branches on POSIX: its ``os`` is swapped for one that says ``nt``."""

from __future__ import annotations

import os
from types import ModuleType
from typing import Any

import pytest


class _OsSayingNt:
    """``os`` in every respect except ``name``. Only the patched module sees it, so pathlib and
    the rest of the process keep working normally."""

    name = "nt"

    def __getattr__(self, attribute: str) -> Any:
        return getattr(os, attribute)


def pretend_not_posix(monkeypatch: pytest.MonkeyPatch, module: ModuleType) -> None:
    """Make ``module.os.name`` read ``"nt"`` for the rest of the test."""
    monkeypatch.setattr(module, "os", _OsSayingNt())
