"""Nothing under ``liasmart_desktop.core`` loads Qt (checked in a fresh interpreter)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# Every module found by walking the package, so new modules are checked without editing this test.
SCRIPT = """
import importlib, json, pkgutil, sys
import liasmart_desktop.core as core
names = [core.__name__]
def failed(name):
    raise ImportError(f"cannot import {name}")
for info in pkgutil.walk_packages(core.__path__, core.__name__ + ".", onerror=failed):
    names.append(info.name)
for name in names:
    importlib.import_module(name)
qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))
print(json.dumps({"imported": names, "qt": qt}))
"""


def test_core_never_loads_qt() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert "liasmart_desktop.core.api.client" in result["imported"]
    assert "liasmart_desktop.core.credentials" in result["imported"]
    assert result["qt"] == []
