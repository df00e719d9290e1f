"""Qt test guards: fail any test that leaves a QThread running (after napari's _dangling_qthreads)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from weakref import WeakSet

import pytest
from PySide6.QtCore import QThread

_started: WeakSet[QThread] = WeakSet()
_original_start = QThread.start


def _tracking_start(self: QThread, *args: Any, **kwargs: Any) -> None:
    _started.add(self)
    _original_start(self, *args, **kwargs)


@pytest.fixture(autouse=True)
def no_dangling_qthreads(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Threads a test starts must be finished when it ends (wait for them, never terminate())."""
    _started.clear()
    monkeypatch.setattr(QThread, "start", _tracking_start)
    yield
    running = [thread for thread in list(_started) if thread.isRunning()]
    for thread in running:
        thread.quit()
        thread.wait(5000)
    assert not running, f"the test left {len(running)} QThread(s) running; wait for them to finish"
