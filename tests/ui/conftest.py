"""Qt test guards (fail any test that leaves a QThread running, after napari's _dangling_qthreads), and
the app's translations built for a test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from weakref import WeakSet

import pytest
from PySide6.QtCore import QThread

from liasmart_desktop.ui import i18n
from liasmart_desktop.ui.i18n import SOURCE_LANGUAGE, Translations
from tests.ui.i18n_support import TS_FILES, build_qm

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


@pytest.fixture
def built_translations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Translations]:
    """Translations loading ``.qm`` files built into ``tmp_path``; English again afterwards."""
    folder = tmp_path / "qm"
    folder.mkdir()
    for ts in TS_FILES:
        build_qm(ts, folder)
    monkeypatch.setattr(i18n, "translation_file", lambda language: str(folder / f"liasmart_{language}.qm"))
    translations = Translations()
    yield translations
    translations.install(SOURCE_LANGUAGE)
