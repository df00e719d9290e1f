"""The ``liasmart-desktop`` entry point: build the QApplication and the main window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from liasmart_desktop import __version__


def build_window() -> QMainWindow:
    """The window shown until the compose form lands."""
    window = QMainWindow()
    window.setWindowTitle(f"LiaSmart Desktop {__version__}")
    label = QLabel("LiaSmart Desktop is under construction.")
    window.setCentralWidget(label)
    window.resize(640, 400)
    return window


def main(argv: Sequence[str] | None = None) -> int:
    """Start the desktop app and run its event loop."""
    app = QApplication(list(argv) if argv is not None else sys.argv)
    window = build_window()
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
