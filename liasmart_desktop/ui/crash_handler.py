"""Friendly failure: an exception in a slot is logged and shown once as a sentence, not a dead app."""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import TextIO

from PySide6.QtWidgets import QApplication, QMessageBox

from liasmart_desktop.core.paths import create_private_file
from liasmart_desktop.ui.messages import describe_error

log = logging.getLogger(__name__)
CRASH_LOG_NAME = "crash.log"


class CrashHandler:
    """Installs ``sys.excepthook`` and ``threading.excepthook``, and ``faulthandler`` for hard crashes."""

    def __init__(self, log_dir: Path | None) -> None:
        self._log_dir = log_dir
        self._showing = False
        self._fault_file: TextIO | None = None

    def install(self) -> None:
        """Take over the hooks (the previous ones are not chained: a windowed build has no stderr)."""
        if self._log_dir is not None:
            crash_log = self._log_dir / CRASH_LOG_NAME
            create_private_file(crash_log)  # owner-only, like liasmart.log: tracebacks show paths and data
            self._fault_file = crash_log.open("a", encoding="utf-8")
            faulthandler.enable(self._fault_file)
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        """Restore Python's defaults (tests)."""
        sys.excepthook = sys.__excepthook__
        threading.excepthook = threading.__excepthook__
        if self._fault_file is not None:
            faulthandler.disable()
            self._fault_file.close()
            self._fault_file = None

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            log.error("uncaught exception in thread %s", args.thread, exc_info=args.exc_value)

    def handle(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        """Log the traceback (redacted by the log formatter) and show one dialog at a time."""
        log.critical("uncaught exception", exc_info=(exc_type, exc, tb))
        if issubclass(exc_type, KeyboardInterrupt):
            app = QApplication.instance()
            if app is not None:
                app.quit()
            return
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            where = f"\n\n{self._log_dir}" if self._log_dir is not None else ""
            QMessageBox.critical(
                None,
                QApplication.translate("CrashHandler", "Something went wrong"),
                describe_error(exc)
                + "\n"
                + QApplication.translate(
                    "CrashHandler", "The app keeps running; details are in the log folder:"
                )
                + where,
            )
        finally:
            self._showing = False
