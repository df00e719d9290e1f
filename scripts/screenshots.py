"""Take the README's screenshots from the real window (run under Xvfb: ``DISPLAY=:99``).

    DISPLAY=:99 .venv/bin/python scripts/screenshots.py --all [--out docs/screenshots]
    DISPLAY=:99 .venv/bin/python scripts/screenshots.py [--language zh_CN] [--size 1024x700]

It uses a temporary data folder and the sandbox, opens the first window, imports a generated
spreadsheet, reviews, sends (pausing once, to show a paused send), asks for the delivery reports,
exports the results and shows the exported workbook as a spreadsheet would, and saves a PNG of each
step. ``--all`` takes every picture at 1366×768 and 1024×700, in English and Chinese. Nothing is sent
anywhere but 127.0.0.1.

Pictures are named ``<step>[-zh_CN][-1024x700].png``: the README shows the 1366×768 ones.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QPlainTextEdit,
    QTabBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liasmart_desktop.core.optout import OptOutList
from liasmart_desktop.core.paths import open_data_dir
from liasmart_desktop.core.sending.prepare import PreparedCampaign, prepare_campaign
from liasmart_desktop.core.settings import AppSettings, updated
from liasmart_desktop.core.templates import SavedTemplate, TemplateBook
from liasmart_desktop.sandbox import FaultKind, SandboxConfig
from liasmart_desktop.ui.controllers.campaign_controller import ReadyCampaign
from liasmart_desktop.ui.controllers.send_controller import SendState
from liasmart_desktop.ui.dialogs.campaign_record_dialog import CampaignRecordDialog
from liasmart_desktop.ui.dialogs.history_dialog import HistoryDialog
from liasmart_desktop.ui.dialogs.import_dialog import ImportDialog
from liasmart_desktop.ui.dialogs.optout_dialog import OptOutDialog
from liasmart_desktop.ui.dialogs.review_dialog import ReviewDialog
from liasmart_desktop.ui.dialogs.templates_dialog import TemplatesDialog
from liasmart_desktop.ui.i18n import Translations
from liasmart_desktop.ui.main_window import MainWindow, file_name
from liasmart_desktop.ui.messages import campaign_title
from liasmart_desktop.ui.services import SANDBOX_DLR_DELAY_S, AppServices

NAMES = ["张伟", "王芳", "李娜", "Maria Lopez", "陈静", "John Smith", "刘洋", "杨帆"]
MESSAGES = {
    "en": "Hi {姓名}, your order from our {门店} shop is on its way - thank you!",
    "zh_CN": "{姓名}您好，您在{门店}店的订单已发货，请留意查收。",
}
#: The send is paused once this share of it is done, for the "paused" picture.
PAUSE_AT_PERCENT = 30
SIZES = ("1366x768", "1024x700")
LANGUAGES = ("en", "zh_CN")
#: The export shown as a table: this many of its rows, each column at most this wide.
EXPORT_ROWS_SHOWN = 14
EXPORT_COLUMN_MAX_PX = 170


def wait_until(app: QApplication, condition: Callable[[], bool], timeout_s: float = 60.0) -> None:
    """Process events until ``condition()`` is true."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        app.processEvents()
        time.sleep(0.01)
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not reach the expected state")


def settle(app: QApplication, seconds: float = 0.4) -> None:
    """Let layouts and paints happen."""
    end = time.monotonic() + seconds
    wait_until(app, lambda: time.monotonic() >= end)


def grab(widget: QWidget, path: Path) -> None:
    """Save a widget's picture."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(path)):
        raise RuntimeError(f"could not save {path}")
    print(f"saved {path}")


def sample_list(folder: Path) -> Path:
    """A small customer list like an office would have: a title row, a note, and three bad rows."""
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
        if i == 4:
            sheet.append(["Broken", "8.61391E+12", "Central"])  # Excel destroyed the digits
        if i == 9:
            sheet.append(["Nobody", None, "Central"])
    sheet.append(["张伟", "13900000000", "Kowloon"])  # the same number again
    book.save(path)
    return path


def export_as_table(path: Path) -> QWidget:
    """The exported workbook read back with openpyxl and laid out as a spreadsheet shows it: column
    letters, row numbers, the headings in row 1, and the sheet's name on its tab."""
    book = load_workbook(path)
    sheet = book.active
    assert sheet is not None
    rows = [list(values) for values in sheet.iter_rows(values_only=True)][: EXPORT_ROWS_SHOWN + 1]
    window = QWidget()
    title = QLabel(path.name)
    bold = QFont(title.font())
    bold.setBold(True)
    title.setFont(bold)
    table = QTableWidget(len(rows), len(rows[0]))
    table.setHorizontalHeaderLabels([get_column_letter(i + 1) for i in range(len(rows[0]))])
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            shown = value.strftime("%Y-%m-%d %H:%M:%S") if isinstance(value, datetime) else value
            item = QTableWidgetItem("" if shown is None else str(shown))
            if r == 0:
                item.setFont(bold)
            if isinstance(value, int | float | datetime):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    for column in range(table.columnCount()):
        table.setColumnWidth(column, min(table.columnWidth(column), EXPORT_COLUMN_MAX_PX))
    tabs = QTabBar()
    tabs.addTab(str(sheet.title))
    layout = QVBoxLayout(window)
    layout.setContentsMargins(4, 4, 4, 4)
    layout.addWidget(title)
    layout.addWidget(table, 1)
    layout.addWidget(tabs, 0, Qt.AlignmentFlag.AlignLeft)
    return window


class Shooter:
    """Saves the pictures of one run, named for its language and window size."""

    def __init__(self, app: QApplication, out: Path, language: str, size: str) -> None:
        self.app = app
        self.out = out
        self.language = language
        self.width, self.height = (int(part) for part in size.split("x"))
        self.suffix = ("" if language == "en" else f"-{language}") + ("" if size == SIZES[0] else f"-{size}")

    def settle(self, seconds: float = 0.4) -> None:
        """Let layouts and paints happen."""
        settle(self.app, seconds)

    def wait(self, condition: Callable[[], bool]) -> None:
        """Process events until ``condition()``."""
        wait_until(self.app, condition)

    def grab(self, widget: QWidget, step: str) -> None:
        """Save ``widget`` as ``<step><suffix>.png``."""
        grab(widget, self.out / f"{step}{self.suffix}.png")


def open_window(shooter: Shooter, folder: Path) -> MainWindow:
    """The first window, in the sandbox, with a sender ID and a price set up."""
    services = AppServices(
        open_data_dir(str(folder / "home")),
        settings=AppSettings(
            default_country="CN",
            sender_ids=("LIASMART", "SHOP"),
            default_sender_id="LIASMART",
            price_per_part=Decimal("0.035"),
            currency="USD",
            concurrency=2,
            rate_per_second=4.0,
            last_folder=str(folder),
        ),
    )
    services.start_sandbox(SandboxConfig(dlr_delay_s=1.0))
    window = MainWindow(services)
    window.resize(shooter.width, shooter.height)
    window.show()
    window.start()
    window.poller.stop()  # the pictures ask for delivery reports at a moment of their choosing
    shooter.settle(1.0)
    return window


def import_and_compose(shooter: Shooter, window: MainWindow, folder: Path) -> None:
    """The import dialog on the sample list, then the message written."""
    dialog = ImportDialog(window.services, sample_list(folder), window)
    dialog.show()
    shooter.wait(lambda: not dialog.busy and dialog.preview_model.rowCount() > 0)
    shooter.settle()
    shooter.grab(dialog, "import-dialog")
    window.compose.set_import(dialog.report, dialog.path)
    dialog.done(QDialog.DialogCode.Accepted)
    editor = window.compose.findChild(QPlainTextEdit, "messageEditor")
    assert editor is not None
    editor.setPlainText(MESSAGES[shooter.language])
    shooter.wait(lambda: not window.compose.problems())
    shooter.settle(1.0)
    shooter.grab(window, "compose")


def review_and_send(shooter: Shooter, window: MainWindow) -> None:
    """The review, a send paused at a third, resumed to the end, and its delivery reports asked for."""
    sandbox = window.services.sandbox
    assert sandbox is not None
    sandbox.plan_faults([None] * 5 + [FaultKind.STATUS_F] + [None] * 6 + [FaultKind.HTTP500])
    sandbox.set_latency_ms(150)

    def review_and_grab(dialog_self: ReviewDialog) -> int:
        dialog_self.show()
        shooter.settle(1.0)
        shooter.grab(dialog_self, "review")
        return int(QDialog.DialogCode.Accepted)

    ReviewDialog.exec = review_and_grab  # type: ignore[method-assign, assignment]
    window.review_action.trigger()
    shooter.wait(lambda: window.sending.state is SendState.RUNNING)
    shooter.wait(lambda: window.results.progress_percent >= PAUSE_AT_PERCENT)
    window.pause_action.trigger()
    shooter.settle(2.0)  # the messages on their way get their answers; the estimate stays
    shooter.grab(window, "paused")
    sandbox.set_latency_ms(0)
    window.resume_action.trigger()
    shooter.wait(lambda: window.sending.state is SendState.IDLE)
    shooter.settle(1.5)
    window.results.refresh_button.click()
    shooter.wait(lambda: bool(window.results.model.last_checked))
    shooter.settle(1.0)
    shooter.grab(window, "results")


def export_and_history(shooter: Shooter, window: MainWindow, folder: Path) -> None:
    """The results exported and shown as a spreadsheet shows them, then History."""
    campaign = window.results.campaign()
    assert campaign is not None
    export = folder / (file_name(campaign_title(campaign)) + ".xlsx")
    window.campaigns.export(export)
    shooter.wait(export.exists)
    shooter.settle(0.5)
    table = export_as_table(export)
    table.resize(shooter.width, min(shooter.height, 520))
    table.show()
    shooter.settle(0.5)
    shooter.grab(table, "export")
    table.close()
    history = HistoryDialog(window.campaigns, window)
    history.show()
    shooter.wait(lambda: not history.loading)
    shooter.settle(0.5)
    shooter.grab(history, "history")
    history.close()


def take(language: str, size: str, out: Path) -> None:
    """Every picture in one language at one window size."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    Translations().install(language)
    shooter = Shooter(app, out, language, size)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        window = open_window(shooter, folder)
        shooter.grab(window, "main-window")
        import_and_compose(shooter, window, folder)
        review_and_send(shooter, window)
        export_and_history(shooter, window, folder)
        if size == SIZES[0]:  # the office rules' screens, once per language
            office_rules(app, window, window.services, out, shooter.suffix)
        QTimer.singleShot(0, window.close)
        window.sending.shutdown()
        window.services.shutdown()


def main() -> int:
    """Take the pictures (``--all``: every language and size, each in a fresh process)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--language", default="en", choices=LANGUAGES)
    parser.add_argument("--size", default=SIZES[0], choices=SIZES)
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--all", action="store_true", help="every language at every size")
    args = parser.parse_args()
    if args.all:
        for language in LANGUAGES:
            for size in SIZES:
                command = [
                    sys.executable,
                    __file__,
                    "--language",
                    language,
                    "--size",
                    size,
                    "--out",
                    args.out,
                ]
                if subprocess.call(command):
                    return 1
        return 0
    take(args.language, args.size, Path(args.out))
    return 0


def spend_checked(review: ReviewDialog) -> Callable[[], bool]:
    """Whether ``review``'s spend guard has its figures."""
    return lambda: review.spend_box.check() is not None


def office_rules(
    app: QApplication, window: MainWindow, services: AppServices, out: Path, suffix: str
) -> None:
    """The office rules' screens: the do-not-message list, templates, the review's spend guard and "Send
    at…", History with a scheduled campaign, and a campaign's record with its outcome chart."""
    sent = window.campaigns.current
    assert sent is not None
    english = suffix == ""
    _lists_screens(app, window, services, out, suffix)
    prepared = _review_screens(app, window, services, out, suffix)
    office = window.campaigns.office
    scheduled: list[object] = []
    at = (datetime.now().astimezone() + timedelta(days=1)).replace(hour=9, minute=30, second=0, microsecond=0)
    name = "Spring offer" if english else "春季优惠"
    office.schedule(prepared, at, window, scheduled.append, scheduled.append, name=name)
    wait_until(app, lambda: bool(scheduled))
    settle(app, SANDBOX_DLR_DELAY_S + 1.0)  # the sandbox's delivery reports settle, then are asked for
    refreshed: list[object] = []
    window.campaigns.refreshed.connect(refreshed.append)
    window.campaigns.refresh()
    wait_until(app, lambda: bool(refreshed))
    history = HistoryDialog(window.campaigns, window)
    history.resize(1200, 460)
    history.show()
    wait_until(app, lambda: history.model.rowCount() >= 2)
    history._table.selectRow(0)  # the newest: the scheduled campaign
    settle(app)
    grab(history, out / f"history-scheduled{suffix}.png")
    history.close()
    record = CampaignRecordDialog(office, sent.code, window)
    record.show()
    wait_until(app, lambda: record.events.topLevelItemCount() > 0)
    settle(app, 1.0)
    grab(record, out / f"campaign-record{suffix}.png")
    record.close()


def _lists_screens(
    app: QApplication, window: MainWindow, services: AppServices, out: Path, suffix: str
) -> None:
    english = suffix == ""
    office = window.campaigns.office
    optout = OptOutList(services.paths.lists_file)
    optout.add(
        ["+86 139 0000 0003", "+86 139 0000 0011"], "asked by phone" if english else "电话要求", by="ann"
    )
    optout.add(["+852 9123 4567"], "unsubscribed by SMS" if english else "短信退订", by="ben")
    dialog = OptOutDialog(office, window)
    dialog.show()
    wait_until(app, lambda: dialog.model.rowCount() == 3)
    settle(app)
    grab(dialog, out / f"optout-dialog{suffix}.png")
    dialog.close()
    book = TemplateBook(services.paths.lists_file)
    shipped = "Order shipped" if english else "发货通知"
    offer = "Spring offer" if english else "春季优惠"
    book.save(SavedTemplate(shipped, "Hi {姓名}, your order is on its way.", "SHOP", "T"))
    book.save(SavedTemplate(offer, "{姓名}: 20% off this week at {门店}.", "LIASMART", "P"))
    office.templates_changed.emit()
    templates = TemplatesDialog(office, window)
    templates.show()
    wait_until(app, lambda: templates.list.count() == 2)
    templates.list.setCurrentRow(1)
    settle(app)
    grab(templates, out / f"templates-dialog{suffix}.png")
    templates.close()


def _review_screens(
    app: QApplication, window: MainWindow, services: AppServices, out: Path, suffix: str
) -> PreparedCampaign:
    state = window.compose.state()
    assert state.recipients is not None
    optout = OptOutList(services.paths.lists_file)
    prepared = prepare_campaign(
        state.recipients,
        state.text,
        sender_id=state.sender_id,
        sms_type="P",
        sandbox=True,
        base_url=services.base_url(),
        source_name="customers.xlsx",
        opted_out=optout.lookup(r.phone for r in state.recipients.recipients),
        quiet_hours="21:00-08:00",
    )
    services.save_settings(updated(services.settings, price_per_part=Decimal("0.05"), daily_limit_parts=5000))
    sandbox = services.sandbox
    assert sandbox is not None
    for balance, name in ((Decimal(10000), "review-schedule"), (Decimal("1.00"), "review-over-budget")):
        sandbox.set_balance(balance)
        review = ReviewDialog(
            services, ReadyCampaign(prepared, None), window.campaigns, window.account, window
        )
        review.schedule_box.at_radio.setChecked(name == "review-schedule")
        review.show()
        wait_until(app, spend_checked(review))
        settle(app, 1.0)
        grab(review, out / f"{name}{suffix}.png")
        review.close()
    sandbox.set_balance(Decimal(10000))
    return prepared


if __name__ == "__main__":
    sys.exit(main())
