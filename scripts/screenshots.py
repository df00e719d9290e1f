"""Take the README's screenshots from the real window (run under Xvfb: ``DISPLAY=:99``).

    DISPLAY=:99 .venv/bin/python scripts/screenshots.py [--language zh_CN] [--out docs/screenshots]

It uses a temporary data folder and the sandbox, imports a generated spreadsheet, opens the import
dialog and the review, sends, and saves PNGs of each step. Nothing is sent anywhere but 127.0.0.1.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit, QWidget

from liasmart_desktop.core.paths import open_data_dir
from liasmart_desktop.core.settings import AppSettings
from liasmart_desktop.sandbox import FaultKind
from liasmart_desktop.ui.controllers.send_controller import SendState
from liasmart_desktop.ui.dialogs.import_dialog import ImportDialog
from liasmart_desktop.ui.dialogs.review_dialog import ReviewDialog
from liasmart_desktop.ui.i18n import Translations
from liasmart_desktop.ui.main_window import MainWindow
from liasmart_desktop.ui.services import AppServices

NAMES = ["张伟", "王芳", "李娜", "Maria Lopez", "陈静", "John Smith", "刘洋", "杨帆"]


def wait_until(app: QApplication, condition: object, timeout_s: float = 30.0) -> None:
    """Process events until ``condition()`` is true."""
    deadline = time.monotonic() + timeout_s
    while not condition():  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.01)
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not reach the expected state")


def settle(app: QApplication, seconds: float = 0.4) -> None:
    """Let layouts and paints happen."""
    wait_until(app, _timer(seconds))


def _timer(seconds: float) -> object:
    end = time.monotonic() + seconds
    return lambda: time.monotonic() >= end


def grab(widget: QWidget, path: Path) -> None:
    """Save a widget's picture."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(path)):
        raise RuntimeError(f"could not save {path}")
    print(f"saved {path}")


def sample_list(folder: Path) -> Path:
    """A small customer list like an office would have."""
    path = folder / "customers.xlsx"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Customers"
    sheet.append(["客户名单 2026-11"])
    sheet.append([])
    sheet.append(["姓名", "手机号码", "门店"])
    for i, name in enumerate(NAMES * 3):
        sheet.append([name, f"139{i:08d}", "Central" if i % 2 else "Kowloon"])
    sheet.append(["Broken", "8.61391E+12", "Central"])
    sheet.append(["Nobody", None, "Central"])
    book.save(path)
    return path


def main() -> int:
    """Open the window, walk through a send, save the pictures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--language", default="en")
    parser.add_argument("--out", default="docs/screenshots")
    args = parser.parse_args()
    out = Path(args.out)
    suffix = "" if args.language == "en" else f"-{args.language}"
    app = QApplication(sys.argv)
    Translations().install(args.language)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        services = AppServices(
            open_data_dir(str(folder / "home")),
            settings=AppSettings(
                default_country="CN",
                sender_ids=("LIASMART", "SHOP"),
                default_sender_id="LIASMART",
                price_per_part=None,
                currency="USD",
            ),
        )
        services.start_sandbox()
        window = MainWindow(services)
        window.resize(1360, 820)
        window.show()
        window.start()
        settle(app, 1.0)
        grab(window, out / f"main-window{suffix}.png")

        dialog = ImportDialog(services, sample_list(folder), window)
        dialog.show()
        wait_until(app, lambda: not dialog.busy and dialog.preview_model.rowCount() > 0)
        settle(app)
        grab(dialog, out / f"import-dialog{suffix}.png")
        window.compose.set_import(dialog.report, dialog.path)
        dialog.done(QDialog.DialogCode.Accepted)

        editor = window.compose.findChild(QPlainTextEdit, "messageEditor")
        assert editor is not None
        text = (
            "{姓名}您好，您在{门店}店的订单已发货，请留意查收。"
            if args.language != "en"
            else ("Hi {姓名}, your order from our {门店} shop is on its way – thank you!")
        )
        editor.setPlainText(text)
        wait_until(app, lambda: not window.compose.problems())
        settle(app, 1.0)
        grab(window, out / f"compose{suffix}.png")

        sandbox = services.sandbox
        assert sandbox is not None
        sandbox.plan_faults([None] * 5 + [FaultKind.STATUS_F] + [None] * 6 + [FaultKind.HTTP500])

        def review_and_grab(dialog_self: ReviewDialog) -> int:
            dialog_self.show()
            settle(app, 1.0)
            grab(dialog_self, out / f"review{suffix}.png")
            return int(QDialog.DialogCode.Accepted)

        ReviewDialog.exec = review_and_grab  # type: ignore[method-assign, assignment]
        window.review_action.trigger()
        wait_until(app, lambda: window.sending.state is SendState.RUNNING)
        wait_until(app, lambda: window.sending.state is SendState.IDLE)
        settle(app, 1.5)
        grab(window, out / f"results{suffix}.png")
        QTimer.singleShot(0, window.close)
        window.sending.shutdown()
        services.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
