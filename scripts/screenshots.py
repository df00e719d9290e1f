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
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit, QWidget

from liasmart_desktop.core.optout import OptOutList
from liasmart_desktop.core.paths import open_data_dir
from liasmart_desktop.core.sending.prepare import PreparedCampaign, prepare_campaign
from liasmart_desktop.core.settings import AppSettings, updated
from liasmart_desktop.core.templates import SavedTemplate, TemplateBook
from liasmart_desktop.sandbox import FaultKind
from liasmart_desktop.ui.controllers.campaign_controller import ReadyCampaign
from liasmart_desktop.ui.controllers.send_controller import SendState
from liasmart_desktop.ui.dialogs.campaign_record_dialog import CampaignRecordDialog
from liasmart_desktop.ui.dialogs.history_dialog import HistoryDialog
from liasmart_desktop.ui.dialogs.import_dialog import ImportDialog
from liasmart_desktop.ui.dialogs.optout_dialog import OptOutDialog
from liasmart_desktop.ui.dialogs.review_dialog import ReviewDialog
from liasmart_desktop.ui.dialogs.templates_dialog import TemplatesDialog
from liasmart_desktop.ui.i18n import Translations
from liasmart_desktop.ui.main_window import MainWindow
from liasmart_desktop.ui.services import SANDBOX_DLR_DELAY_S, AppServices

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
        office_rules(app, window, services, out, suffix)
        QTimer.singleShot(0, window.close)
        window.sending.shutdown()
        services.shutdown()
    return 0


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
        wait_until(app, lambda review=review: review.spend_box.check() is not None)
        settle(app, 1.0)
        grab(review, out / f"{name}{suffix}.png")
        review.close()
    sandbox.set_balance(Decimal(10000))
    return prepared


if __name__ == "__main__":
    sys.exit(main())
