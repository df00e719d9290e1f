"""Regression guard: PySide6 6.12.0 on Python 3.11 drops a reference to None per void call and aborts.

docs/decisions.md ("PySide6 below 6.12 on Python 3.11") tells the story; pyproject.toml keeps PySide6
below 6.12 on 3.11.
This runs the fatal pattern in a child process so an abort fails this test, not the whole session.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

CALLS = 60_000

CHILD = textwrap.dedent(
    f"""
    import json, sys
    from PySide6.QtWidgets import QApplication, QLabel
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    app = QApplication([])
    label = QLabel()
    model = QStandardItemModel(1, 1)
    before = sys.getrefcount(None)
    for i in range({CALLS}):
        label.setText("x")          # a void method: the call pattern that aborted
        model.setItem(0, 0, QStandardItem("y"))
    after = sys.getrefcount(None)
    print(json.dumps({{"before": before, "after": after}}))
    """
)


def test_void_qt_calls_do_not_leak_none_references() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, timeout=240, check=False
    )
    assert result.returncode == 0, f"the Qt child process died: {result.returncode} {result.stderr[-2000:]}"
    counts = json.loads(result.stdout.strip().splitlines()[-1])
    if sys.version_info < (3, 12):
        # None is mortal before 3.12: losing one reference per call would show as a drop of ~2 × CALLS.
        assert counts["before"] - counts["after"] < CALLS // 10


def test_installed_pyside_respects_the_python_311_pin() -> None:
    from importlib.metadata import version

    major, minor = (int(part) for part in version("PySide6-Essentials").split(".")[:2])
    if sys.version_info < (3, 12):
        assert (major, minor) < (6, 12)
