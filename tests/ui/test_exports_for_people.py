"""The app's export is for people: the interface language's column names and state words, local times a
spreadsheet reads as dates, the campaign's name on the sheet, the phone digits kept as text."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from pytestqt.qtbot import QtBot

from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.records import CampaignSpec, NewMessage, SetAsideRow
from liasmart_desktop.core.sending.states import MessageState, SetAsideStatus
from liasmart_desktop.ui.controllers.account_controller import AccountController
from liasmart_desktop.ui.controllers.campaign_controller import CampaignController
from liasmart_desktop.ui.i18n import Translations
from liasmart_desktop.ui.services import AppServices
from tests.helpers.journal_states import settle
from tests.ui.support import make_services


@pytest.fixture
def controller(qtbot: QtBot, tmp_path: Path) -> Iterator[CampaignController]:
    services: AppServices = make_services(tmp_path)
    journal = Journal.open(services.paths.journal_file)
    campaign = journal.create_campaign(
        CampaignSpec(
            template="Hi {姓名}", sender_id="SHOP", sms_type="P", columns=("姓名",), name="五月优惠: VIP"
        ),
        [
            NewMessage(
                row=2,
                phone="8613900000001",
                text="Hi 张伟",
                encoding="U",
                segments=1,
                fields={"姓名": "张伟"},
            ),
            NewMessage(
                row=3,
                phone="8613900000002",
                text="Hi 王芳",
                encoding="U",
                segments=1,
                fields={"姓名": "王芳"},
            ),
        ],
        [
            SetAsideRow(
                row=4, original="", status=SetAsideStatus.MISSING, reason="empty", fields={"姓名": "李娜"}
            )
        ],
    )
    settle(journal, campaign, [MessageState.ACCEPTED])
    journal.close()
    account = AccountController(services)
    campaigns = CampaignController(services, account)
    campaigns.current = campaign
    yield campaigns
    services.shutdown()


def export(qtbot: QtBot, campaigns: CampaignController, path: Path) -> int:
    with qtbot.waitSignal(campaigns.exported, timeout=10_000) as written:
        campaigns.export(path)
    return int(written.args[1])


def test_the_export_is_in_english_words_with_dates(
    qtbot: QtBot, controller: CampaignController, tmp_path: Path
) -> None:
    target = tmp_path / "results.xlsx"
    assert export(qtbot, controller, target) == 3
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    assert sheet.title == "五月优惠  VIP"  # the campaign's name (a sheet name cannot hold ":")
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "Row", "姓名", "Sent to", "Result", "Reason", "Delivery", "Message ID", "Parts", "Sent", "Answered",
        "Delivery checked",
    )  # fmt: skip
    first, second, aside = rows[1:]
    assert first[2:5] == ("8613900000001", "Accepted", "Accepted by LiaSmart.")
    assert isinstance(first[8], datetime)  # a date Excel sorts and filters as a date
    assert second[3] == "Waiting to send"
    assert aside[:5] == (4, "李娜", None, "Not sent: no number", "The phone cell is empty.")


def test_the_export_speaks_chinese(
    qtbot: QtBot, controller: CampaignController, tmp_path: Path, built_translations: Translations
) -> None:
    assert built_translations.install("zh_CN")
    target = tmp_path / "results.csv"
    export(qtbot, controller, target)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:5] == ["行号", "姓名", "发送到的号码", "结果", "原因"]
    assert rows[1][3] == "已受理"
    assert rows[3][3] == "未发送：没有号码"
    assert datetime.strptime(rows[1][8], "%Y-%m-%d %H:%M:%S").year >= 2026  # noqa: DTZ007 - local, as Excel reads it
