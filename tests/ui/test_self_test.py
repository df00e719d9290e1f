"""The self-test's window check hides only the offscreen platform's size-hints notice."""

from __future__ import annotations

import pytest
from PySide6.QtCore import qWarning
from pytestqt.qtbot import QtBot

from liasmart_desktop.ui.self_test import OFFSCREEN_SIZE_HINTS_NOTICE, offscreen_notice_hidden


def test_only_the_offscreen_notice_is_hidden(qtbot: QtBot, capsys: pytest.CaptureFixture[str]) -> None:
    with offscreen_notice_hidden():
        qWarning(OFFSCREEN_SIZE_HINTS_NOTICE)
        qWarning("a real problem of the build")
    err = capsys.readouterr().err
    assert "a real problem of the build" in err
    assert "propagateSizeHints" not in err
