"""The desktop window can be built and shown offscreen."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from liasmart_desktop import __version__
from liasmart_desktop.ui.app import build_window


def test_window_shows_title_and_status(qtbot: QtBot) -> None:
    window = build_window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert __version__ in window.windowTitle()
    assert window.isVisible()
