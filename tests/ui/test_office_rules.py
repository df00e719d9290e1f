"""The office rules in the app, in English and in Chinese: the do-not-message list (also from result rows),
templates in the compose form, the review refusing an over-budget send, scheduling and cancelling a
campaign, the scheduler (due while open, overdue at start-up), and the record of who sent what.

The sandbox's ledger is the proof of what was (and was not) sent.
"""

from __future__ import annotations

import contextlib
import csv
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from liasmart_desktop.core.importing import parse_pasted_numbers
from liasmart_desktop.core.optout import OptOutList
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.prepare import PreparedCampaign, prepare_campaign
from liasmart_desktop.core.sending.records import Campaign, Pacing
from liasmart_desktop.core.sending.schedule import to_utc_text
from liasmart_desktop.core.sending.states import CampaignStatus
from liasmart_desktop.core.templates import SavedTemplate
from liasmart_desktop.sandbox import SandboxConfig
from liasmart_desktop.ui import i18n
from liasmart_desktop.ui.controllers.account_controller import AccountController
from liasmart_desktop.ui.controllers.campaign_controller import CampaignController, ReadyCampaign
from liasmart_desktop.ui.dialogs.campaign_record_dialog import CampaignRecordDialog
from liasmart_desktop.ui.dialogs.history_dialog import HistoryDialog
from liasmart_desktop.ui.dialogs.optout_dialog import OptOutDialog
from liasmart_desktop.ui.dialogs.review_dialog import ReviewDialog
from liasmart_desktop.ui.dialogs.send_time_dialog import SendTimeDialog
from liasmart_desktop.ui.dialogs.templates_dialog import TemplatesDialog
from liasmart_desktop.ui.i18n import SOURCE_LANGUAGE, Translations
from liasmart_desktop.ui.main_window import MainWindow
from liasmart_desktop.ui.models.history_model import HistoryColumn
from liasmart_desktop.ui.services import AppServices
from liasmart_desktop.ui.widgets.office_rules_fields import OfficeRulesFields
from liasmart_desktop.ui.widgets.schedule_box import ScheduleBox
from tests.ui.i18n_support import TS_FILES, build_qm
from tests.ui.support import make_campaign, make_services, records
from tests.ui.test_campaign_lifecycle import Boxes as AnsweredBoxes

NUMBERS = ["+86 139 0000 0001", "+86 139 0000 0002", "+86 139 0000 0003"]


@pytest.fixture(params=["en", "zh_CN"])
def language(
    request: pytest.FixtureRequest, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """The app's language for the test (widgets made afterwards speak it)."""
    if request.param != SOURCE_LANGUAGE:
        folder = tmp_path / "qm"
        folder.mkdir()
        for ts in TS_FILES:
            build_qm(ts, folder)
        monkeypatch.setattr(i18n, "translation_file", lambda code: str(folder / f"liasmart_{code}.qm"))
    translations = Translations()
    assert translations.install(request.param)
    yield request.param
    translations.install(SOURCE_LANGUAGE)


def say(language: str, english: str, chinese: str) -> str:
    return english if language == SOURCE_LANGUAGE else chinese


@pytest.fixture
def services(tmp_path: Path) -> Iterator[AppServices]:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    made = make_services(tmp_path, default_country="CN")
    made.start_sandbox(SandboxConfig(dlr_delay_s=0.0))
    yield made
    made.shutdown()


@pytest.fixture
def campaigns(services: AppServices) -> Iterator[CampaignController]:
    account = AccountController(services)
    controller = CampaignController(services, account)
    account.setParent(controller)
    yield controller
    controller.sending.shutdown()
    shiboken6.delete(controller)


class Boxes(AnsweredBoxes):
    """Records the message boxes shown (answering questions with ``answer``) and input dialogs (``text``)."""

    def __init__(
        self, monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton, text: str = ""
    ) -> None:
        super().__init__(monkeypatch, answer)

        def ask(_parent: object, title: str, label: str, *_a: object, **_k: object) -> tuple[str, bool]:
            self.shown.append(("input", title, label))
            return text, True

        monkeypatch.setattr(QInputDialog, "getText", ask)


def sends(services: AppServices) -> list[object]:
    assert services.sandbox is not None
    return [entry for entry in services.sandbox.ledger() if entry["endpoint"] == "SendSMS"]


def prepared(services: AppServices, *, text: str = "Hello") -> PreparedCampaign:
    report = parse_pasted_numbers("\n".join(NUMBERS), None)
    return prepare_campaign(
        report, text, sender_id="ACME", sms_type="P", sandbox=True, base_url=services.base_url()
    )


def open_window(qtbot: QtBot, services: AppServices) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    return window


def close(window: MainWindow) -> None:
    window.office.scheduler.stop()
    window.sending.shutdown()
    shiboken6.delete(window)


# ---------------------------------------------------------------------------------------- do not message


def test_managing_the_do_not_message_list(
    qtbot: QtBot, language: str, campaigns: CampaignController, tmp_path: Path
) -> None:
    dialog = OptOutDialog(campaigns.office)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == say(language, "Do not message", "免打扰名单")
    qtbot.waitUntil(lambda: dialog.count_label.text() == say(language, "The list is empty.", "名单是空的。"))
    dialog.add(["+86 139 0000 0001", "13900000002"], "asked by phone")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    qtbot.waitUntil(lambda: say(language, "Added: 2.", "已添加：2 个") in dialog.status_label.text())
    assert dialog.count_label.text() == say(language, "2 numbers are on the list.", "名单中有 2 个号码。")
    assert dialog.model.headerData(0, Qt.Orientation.Horizontal) == say(language, "Number", "号码")
    reasons = {dialog.model.entry(row).reason for row in range(2)}
    assert reasons == {"asked by phone"}
    # A text that is no number adds nothing, and says why.
    dialog.add(["+86 139 0000 0003", "call me"], "")
    qtbot.waitUntil(
        lambda: say(language, "cannot be used as it is", "无法按原样使用") in dialog.status_label.text()
    )
    assert dialog.model.rowCount() == 2
    # Find, select, remove.
    dialog.search_edit.setText("139 0000 0002")
    assert dialog.proxy.rowCount() == 1
    dialog.table.selectRow(0)
    assert dialog.selected_phones() == ["8613900000002"]
    assert dialog.remove_button.isEnabled()
    dialog.remove_selected()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    dialog.search_edit.clear()
    # Import a spreadsheet; export the list.
    sheet = tmp_path / "unsubscribed.csv"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([("phone",), ("+8613900000005",), ("+8613900000006",), ("12",)])
    dialog.import_file(sheet)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3)
    assert say(language, "Rows without a number: 1.", "没有号码的行：1 行") in dialog.status_label.text()
    target = tmp_path / "list.xlsx"
    dialog.export(target)
    qtbot.waitUntil(target.exists)
    book = openpyxl.load_workbook(target)
    sheet_rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert sheet_rows[0][0] == say(language, "Number", "号码")
    assert {row[0] for row in sheet_rows[1:]} == {"8613900000001", "8613900000005", "8613900000006"}
    assert book.worksheets[0].title == say(language, "Do not message", "免打扰名单")


def test_numbers_from_result_rows_go_on_the_list_and_are_never_sent(
    qtbot: QtBot, language: str, services: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    campaign = make_campaign(services.paths.journal_file, 3, sandbox=True, name="Spring")
    boxes = Boxes(monkeypatch, QMessageBox.StandardButton.Yes, text="asked in the shop")
    window = open_window(qtbot, services)
    try:
        window.results.show_campaign(campaign, records(services.paths.journal_file, campaign))
        window.office.add_to_optout_action.trigger()  # nothing selected yet: it says what to do
        assert window.statusBar().currentMessage() == say(
            language,
            "Select the rows of the people who asked not to be messaged first.",
            "请先选择要求不再接收短信的人所在的行。",
        )
        window.results.table.selectRow(1)
        assert window.office.selected_phones() == ["8613900000001"]
        assert window.office.add_to_optout_action in window.results.table.actions()
        with qtbot.waitSignal(window.campaigns.office.optout_changed, timeout=10_000):
            window.office.add_to_optout_action.trigger()
        assert boxes.shown[-1][0] == "input"
        assert boxes.shown[-1][1] == say(language, "Add to the do-not-message list", "加入免打扰名单")
        qtbot.waitUntil(lambda: "1" in window.statusBar().currentMessage())
        listed = OptOutList(services.paths.lists_file).entries()
        assert [(e.phone, e.reason) for e in listed] == [("8613900000001", "asked in the shop")]
        # Resuming the campaign withholds that number: it never reaches the simulator.
        with qtbot.waitSignal(window.campaigns.finished, timeout=20_000):
            window.campaigns.resume(campaign.code)
        phones = {entry["phonenumber"] for entry in sends(services)}  # type: ignore[index]
        assert phones == {"8613900000000", "8613900000002"}
    finally:
        close(window)


# ---------------------------------------------------------------------------------------- templates


def test_picking_saving_renaming_and_deleting_templates(
    qtbot: QtBot, language: str, services: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, services)
    try:
        picker = window.office.template_picker
        qtbot.waitUntil(
            lambda: picker.combo.itemText(0) == say(language, "No saved templates yet", "还没有保存的模板")
        )
        assert not picker.combo.isEnabled()
        office = window.campaigns.office
        with qtbot.waitSignal(office.templates_changed, timeout=10_000):
            office.save_template(
                SavedTemplate("Reminder", "Dear {name}, see you at 10.", "CLINIC", "T"),
                picker,
                lambda _t: None,
                lambda _e: None,
            )
        qtbot.waitUntil(lambda: picker.combo.count() == 2)
        assert picker.combo.itemText(0) == say(language, "Choose a template…", "选择模板…")
        picker.choose("Reminder")
        state = window.compose.state()
        assert (state.text, state.sender_id, state.sms_type, state.template_name) == (
            "Dear {name}, see you at 10.",
            "CLINIC",
            "T",
            "Reminder",
        )
        # The form's message saved as another template.
        with qtbot.waitSignal(picker.saved, timeout=10_000) as saved:
            picker.save_as("Reminder copy")
        assert saved.args == ["Reminder copy"]
        qtbot.waitUntil(lambda: picker.combo.count() == 3)
        # Edited after picking: no longer the template's text.
        window.compose._editor.replace_text("Something else")
        assert window.compose.state().template_name == ""

        boxes = Boxes(monkeypatch, QMessageBox.StandardButton.Yes)
        manage = TemplatesDialog(office)
        qtbot.addWidget(manage)
        qtbot.waitUntil(lambda: manage.list.count() == 2)
        assert manage.windowTitle() == say(language, "Templates", "模板")
        manage.list.setCurrentRow(0)
        assert say(language, "Sender ID: CLINIC", "发件人 ID：CLINIC") in manage.details.text()
        manage.rename("Reminder", "Reminder copy")  # taken: refused with a sentence
        qtbot.waitUntil(lambda: bool(boxes.shown))
        assert say(language, "There is already a template called", "已有名为") in boxes.shown[-1][2]
        manage.rename("Reminder", "Visit")
        qtbot.waitUntil(
            lambda: (
                [manage.list.item(i).text() for i in range(manage.list.count())] == ["Reminder copy", "Visit"]
            )
        )
        manage.list.setCurrentRow(1)
        manage._on_delete_button_clicked()
        qtbot.waitUntil(lambda: manage.list.count() == 1)
        qtbot.waitUntil(lambda: picker.combo.count() == 2)  # the form's picker follows
    finally:
        close(window)


# ---------------------------------------------------------------------------------------- spend guard


def review(services: AppServices, campaigns: CampaignController, ready: PreparedCampaign) -> ReviewDialog:
    account = AccountController(services)
    dialog = ReviewDialog(services, ReadyCampaign(ready, None), campaigns, account, rng=random.Random(3))
    account.setParent(dialog)
    return dialog


@contextlib.contextmanager
def guarded_review(
    qtbot: QtBot, tmp_path: Path, balance: Decimal, **settings: object
) -> Iterator[ReviewDialog]:
    """A review in the sandbox holding ``balance``, with the office's ``settings`` (price, daily limit)."""
    services = make_services(tmp_path, **settings)
    services.start_sandbox(SandboxConfig(dlr_delay_s=0.0))
    assert services.sandbox is not None
    services.sandbox.set_balance(balance)
    account = AccountController(services)
    campaigns = CampaignController(services, account)
    try:
        dialog = review(services, campaigns, prepared(services))
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.spend_box.check() is not None, timeout=10_000)
        yield dialog
    finally:
        campaigns.sending.shutdown()
        services.shutdown()


def test_the_review_refuses_an_over_budget_send_saying_both_figures(
    qtbot: QtBot, language: str, tmp_path: Path
) -> None:
    with guarded_review(
        qtbot, tmp_path, Decimal("0.10"), price_per_part=Decimal("0.05"), currency="USD"
    ) as dialog:
        text = dialog.spend_box.label.text()
        assert (
            say(
                language,
                "The estimated cost (0.15 USD) is more than the balance (0.10 USD).",
                "预计费用（0.15 USD）超过了余额（0.10 USD）。",
            )
            in text
        )
        assert say(language, "Top up the account", "请先充值") in text
        assert not dialog.send_button.isEnabled()
        assert dialog.spend_box.title() == say(language, "Spend guard", "费用保护")


def test_the_review_refuses_a_send_over_the_daily_limit(qtbot: QtBot, language: str, tmp_path: Path) -> None:
    with guarded_review(qtbot, tmp_path, Decimal(10000), daily_limit_parts=2) as dialog:
        assert (
            say(language, "more than the daily limit of 2 parts", "超过了每日上限 2 条")
            in dialog.spend_box.label.text()
        )
        assert not dialog.send_button.isEnabled()
        assert say(language, "Send the rest tomorrow", "请明天再发送") in dialog.spend_box.label.text()
        # Scheduled, the limit counts the parts of that day: three parts are still more than two, and the
        # sentence names that day instead of today and tomorrow.
        dialog.schedule_box.at_radio.setChecked(True)
        later = datetime.now().astimezone() + timedelta(days=2)
        dialog.schedule_box.time_edit.set_moment(later)
        qtbot.waitUntil(lambda: getattr(dialog.spend_box.check(), "day", None) == later.date())
        text = dialog.spend_box.label.text()
        assert not dialog.send_button.isEnabled()
        assert say(language, f"These 3 parts on {later.date()}", f"{later.date()} 的 3 条") in text
        assert say(language, "Send the rest another day", "请改在其他日期发送") in text
        assert say(language, "tomorrow", "明天") not in text
        assert say(language, "today", "今天") not in text


# ---------------------------------------------------------------------------------------- scheduling


def test_a_rate_too_low_to_ever_finish_is_said_instead_of_a_date(
    qtbot: QtBot, language: str, services: AppServices
) -> None:
    box = ScheduleBox(prepared(services), Pacing(concurrency=1, rate_per_s=1e-300))
    qtbot.addWidget(box)
    text = box.finish_label.text()
    assert say(language, "more than ten years; raise the rate in Settings", "十年以上") in text
    assert say(language, "Expected to finish about", "预计在") not in text


def test_scheduling_then_cancelling_a_campaign_sends_nothing(
    qtbot: QtBot,
    language: str,
    services: AppServices,
    campaigns: CampaignController,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    failures: list[BaseException] = []
    dialog = review(services, campaigns, prepared(services))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.send_button.isEnabled, timeout=10_000)
    box = dialog.schedule_box
    assert box.title() == say(language, "When to send", "发送时间")
    assert say(language, "Expected to finish about", "预计在") in box.finish_label.text()
    box.at_radio.setChecked(True)
    assert dialog.send_button.text() == say(language, "&Schedule 3 messages", "定时发送 3 条短信(&S)")
    assert say(language, "this computer's time", "本机时间") in box.time_edit.zone_label.text()
    # A time in the past is refused: the dialog stays open and says why.
    box.time_edit.set_moment(datetime.now().astimezone() - timedelta(hours=1))
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert box.error_label.isVisibleTo(box)
    assert say(language, "has already passed", "已经过去") in box.error_label.text()
    at = (datetime.now().astimezone() + timedelta(days=1)).replace(second=0, microsecond=0)
    box.time_edit.set_moment(at)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.scheduled_at() == at

    stored: list[Campaign] = []
    with qtbot.waitSignal(campaigns.office.scheduled_changed, timeout=10_000):
        campaigns.office.schedule(prepared(services), at, campaigns, stored.append, failures.append)
    assert failures == []
    [campaign] = stored
    assert campaign.status is CampaignStatus.SCHEDULED

    boxes = Boxes(monkeypatch, QMessageBox.StandardButton.Yes)
    history = HistoryDialog(campaigns)
    qtbot.addWidget(history)
    qtbot.waitUntil(lambda: history.model.rowCount() == 1)
    status = history.model.data(history.model.index(0, HistoryColumn.STATUS))
    assert status == say(language, f"Scheduled for {at:%Y-%m-%d %H:%M}", f"定于 {at:%Y-%m-%d %H:%M} 发送")
    actions = history.campaign_actions
    assert actions.cancel_button.isEnabled()
    assert actions.change_time_button.text() == say(language, "Change the &time…", "更改时间(&T)…")
    with qtbot.waitSignal(campaigns.office.scheduled_changed, timeout=10_000):
        actions.cancel_button.click()
    assert boxes.shown[-1][1] == say(language, "Cancel the campaign", "取消群发任务")
    qtbot.waitUntil(
        lambda: (
            history.model.data(history.model.index(0, HistoryColumn.STATUS))
            == say(language, "Cancelled", "已取消")
        )
    )
    assert not actions.cancel_button.isEnabled()
    assert sends(services) == []


def test_changing_the_time_refuses_the_past(qtbot: QtBot, language: str) -> None:
    dialog = SendTimeDialog("Spring", datetime.now().astimezone() + timedelta(hours=2))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == say(language, "Change the time", "更改发送时间")
    dialog.time_edit.set_moment(datetime.now().astimezone() - timedelta(minutes=5))
    dialog.accept()
    assert dialog.error_label.isVisibleTo(dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    later = (datetime.now().astimezone() + timedelta(hours=3)).replace(second=0, microsecond=0)
    dialog.time_edit.set_moment(later)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.moment() == later


def scheduled_campaign(services: AppServices, at: datetime, name: str) -> Campaign:
    return make_campaign(
        services.paths.journal_file, 2, sandbox=True, name=name, scheduled_at=to_utc_text(at)
    )


def test_campaigns_due_while_closed_are_offered_at_start_and_sent_when_accepted(
    qtbot: QtBot, language: str, services: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    overdue = scheduled_campaign(services, datetime.now().astimezone() - timedelta(hours=1), "Overnight")
    later = scheduled_campaign(services, datetime.now().astimezone() + timedelta(days=1), "Tomorrow")
    boxes = Boxes(monkeypatch, QMessageBox.StandardButton.Yes)
    window = open_window(qtbot, services)
    try:
        with qtbot.waitSignal(window.campaigns.finished, timeout=20_000):
            window.start()
        questions = [b for b in boxes.shown if b[0] == "question"]
        assert questions[0][1] == say(language, "Scheduled campaigns are due", "定时群发任务已到时间")
        assert "Overnight" in questions[0][2]
        assert len(sends(services)) == 2
        with Journal.open(services.paths.journal_file) as journal:
            assert journal.campaign(overdue.code).status is CampaignStatus.FINISHED
            assert journal.campaign(later.code).status is CampaignStatus.SCHEDULED
    finally:
        close(window)


def test_an_overdue_campaign_put_off_at_start_waits_and_one_due_while_open_is_sent(
    qtbot: QtBot, services: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    overdue = scheduled_campaign(services, datetime.now().astimezone() - timedelta(hours=1), "Overnight")
    boxes = Boxes(monkeypatch, QMessageBox.StandardButton.No)
    window = open_window(qtbot, services)
    try:
        window.start()
        qtbot.waitUntil(lambda: any(b[0] == "question" for b in boxes.shown), timeout=10_000)
        window.office.scheduler.check_now()
        qtbot.wait(300)
        assert sends(services) == []  # put off: it waits for the user
        due = scheduled_campaign(services, datetime.now().astimezone() - timedelta(seconds=1), "Now")
        with qtbot.waitSignal(window.office.scheduler.started, timeout=10_000) as started:
            window.office.scheduler.check_now()
        assert started.args == [due.code]
        qtbot.waitUntil(lambda: len(sends(services)) == 2, timeout=20_000)
        with Journal.open(services.paths.journal_file) as journal:
            assert journal.campaign(overdue.code).status is CampaignStatus.SCHEDULED
        # "Send now" from History sends the one put off, at once.
        qtbot.waitUntil(lambda: window.sending.state.value == "idle", timeout=20_000)
        with qtbot.waitSignal(window.campaigns.finished, timeout=20_000):
            window.office.send_now(overdue.code)
        assert len(sends(services)) == 4
    finally:
        close(window)


# ---------------------------------------------------------------------------------------- the record


def test_the_record_shows_who_sent_what_and_its_outcomes(
    qtbot: QtBot, language: str, services: AppServices, campaigns: CampaignController, tmp_path: Path
) -> None:
    ready = prepare_campaign(
        parse_pasted_numbers("\n".join(NUMBERS), None),
        "Hello",
        sender_id="ACME",
        sms_type="P",
        sandbox=True,
        base_url=services.base_url(),
        source_name="customers.xlsx",
        source_fingerprint="ab12",
        template_name="Greeting",
    )
    with qtbot.waitSignal(campaigns.finished, timeout=20_000) as finished:
        campaigns.send(ready)
    code = finished.args[0].campaign.code
    dialog = CampaignRecordDialog(campaigns.office, code)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.events.topLevelItemCount() > 0, timeout=10_000)
    assert dialog.windowTitle() == say(language, "Campaign record", "群发任务记录")
    assert dialog.fields["template"].text() == "Greeting"
    assert (dialog.fields["list"].text(), dialog.fields["fingerprint"].text()) == ("customers.xlsx", "ab12")
    assert dialog.fields["account"].text() == say(language, "Sandbox (practice)", "沙盒（练习）")
    first = dialog.events.topLevelItem(0)
    assert first is not None
    assert first.text(1) == say(language, "Created", "已创建")
    assert dialog.chart._points[-1].accepted == 3
    image = dialog.chart.grab()
    assert not image.isNull()
    # The whole record, as a workbook for the office.
    history = HistoryDialog(campaigns)
    qtbot.addWidget(history)
    qtbot.waitUntil(lambda: history.model.rowCount() == 1)
    assert say(
        language, "from the template “Greeting”.", "使用模板“Greeting”发起。"
    ) in history.model.details_at(0)
    target = tmp_path / "record.xlsx"
    with qtbot.waitSignal(history.campaign_actions.told, timeout=10_000):
        history.campaign_actions.export_record(target)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == [say(language, "Campaigns", "群发任务"), say(language, "What happened", "经过")]
    assert book.worksheets[0]["D1"].value == say(language, "Created by", "发起人")
    # Times are date-and-time cells (local time), so the office can sort and filter by them.
    created, happened = book.worksheets[0]["C2"], book.worksheets[1]["C2"]
    assert isinstance(created.value, datetime)
    assert isinstance(happened.value, datetime)
    assert abs(created.value - datetime.now(UTC).astimezone().replace(tzinfo=None)) < timedelta(hours=1)
    assert created.number_format == "yyyy-mm-dd hh:mm:ss"


def test_an_empty_chart_says_so(
    qtbot: QtBot, language: str, services: AppServices, campaigns: CampaignController
) -> None:
    campaign = make_campaign(services.paths.journal_file, 1, sandbox=True)
    dialog = CampaignRecordDialog(campaigns.office, campaign.code)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.events.topLevelItemCount() > 0, timeout=10_000)
    assert dialog.chart._points == []
    assert not dialog.chart.grab().isNull()
    assert dialog.chart.accessibleName() == say(language, "Outcomes over time", "发送结果随时间的变化")


# ---------------------------------------------------------------------------------------- settings


def test_the_settings_keep_the_daily_limit_and_quiet_hours(
    qtbot: QtBot, language: str, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    fields = OfficeRulesFields(parent)
    services = make_services(tmp_path, daily_limit_parts=500, quiet_hours="21:30-07:45")
    try:
        fields.fill(services.settings)
        assert fields.values() == {"daily_limit_parts": 500, "quiet_hours": "21:30-07:45"}
        assert fields.quiet_start.isEnabled()
        fields.quiet_check.setChecked(False)
        fields.daily_limit.setValue(0)
        assert fields.values() == {"daily_limit_parts": None, "quiet_hours": ""}
        assert not fields.quiet_end.isEnabled()
        assert fields.daily_limit.specialValueText() == say(language, "No limit", "不限")
    finally:
        services.shutdown()
