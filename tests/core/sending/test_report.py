"""A campaign's report: the machine layout the command line writes (unchanged), and the report for people
(the words, state names and sheet name given by the front end; local times a spreadsheet reads as dates)."""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from liasmart_desktop.core.exports import DATE_TIME_FORMAT, safe_sheet_title
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.records import (
    Campaign,
    CampaignSpec,
    MessageRecord,
    NewMessage,
    SetAsideRow,
)
from liasmart_desktop.core.sending.report import (
    PEOPLE_COLUMNS,
    RESULT_COLUMNS,
    ReportColumn,
    ReportWording,
    export_report,
    local_time,
)
from liasmart_desktop.core.sending.states import MessageState, SetAsideStatus
from tests.helpers.journal_states import settle

WORDING = ReportWording(
    row="行号",
    headers={column: f"<{column.value}>" for column in ReportColumn},
    states={
        **{state: f"state:{state.value}" for state in MessageState},
        **{status: f"aside:{status.value}" for status in SetAsideStatus},
    },
    delivery={"delivered": "已送达", "failed": "未送达"},
    sheet_title="May offer: [VIP]/customers",
)


def describe(record: MessageRecord | SetAsideRow) -> str:
    return f"why {record.row}"


@pytest.fixture
def campaign(tmp_path: Path) -> Iterator[tuple[Journal, Campaign]]:
    journal = Journal.open(tmp_path / "journal.sqlite3")
    stored = journal.create_campaign(
        CampaignSpec(template="Hi {name}", sender_id="SHOP", sms_type="P", columns=("name", "phone")),
        [
            NewMessage(
                row=2, phone="8613900000001", text="Hi A", encoding="T", segments=1, fields={"name": "A"}
            ),
            NewMessage(
                row=4, phone="8613900000002", text="Hi B", encoding="T", segments=1, fields={"name": "B"}
            ),
            NewMessage(
                row=5, phone="8613900000003", text="Hi C", encoding="T", segments=1, fields={"name": "C"}
            ),
        ],
        [
            SetAsideRow(
                row=3,
                original="8.61391E+12",
                status=SetAsideStatus.DAMAGED,
                reason="scientific",
                fields={"name": "X", "phone": "8.61391E+12"},
            )
        ],
    )
    settle(journal, stored, [MessageState.ACCEPTED, MessageState.ACCEPTED])
    accepted = [m for m in journal.messages(stored.id) if m.state is MessageState.ACCEPTED]
    journal.record_delivery(
        [(accepted[0].pk, "DELIVRD", "delivered", ""), (accepted[1].pk, "ENROUTE", "other", "")]
    )
    yield journal, stored
    journal.close()


def test_the_machine_report_keeps_its_snake_case_columns_and_journal_values(
    campaign: tuple[Journal, Campaign], tmp_path: Path
) -> None:
    journal, stored = campaign
    target = tmp_path / "machine.csv"
    assert export_report(journal, stored, target, describe, xlsx=False) == 4
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["row", "name", "phone", *("result_phone", *RESULT_COLUMNS[1:])]
    assert [row["row"] for row in rows] == ["2", "3", "4", "5"]  # set-aside row 3 in its place
    assert [row["state"] for row in rows] == ["accepted", "damaged", "accepted", "pending"]
    assert rows[0]["remarks"] == ""  # the provider's words pass through here (none in this journal)
    assert rows[0]["sent_at"].endswith("Z")  # ISO 8601 UTC, for scripts
    assert rows[0]["delivery_status"] == "DELIVRD"
    assert rows[1]["result_phone"] == "8.61391E+12"
    assert rows[1]["reason"] == "why 3"


def test_the_report_for_people_uses_the_callers_words_and_local_dates(
    campaign: tuple[Journal, Campaign], tmp_path: Path
) -> None:
    journal, stored = campaign
    target = tmp_path / "people.xlsx"
    assert export_report(journal, stored, target, describe, xlsx=True, wording=WORDING) == 4
    book = openpyxl.load_workbook(target)
    sheet = book.active
    assert sheet is not None
    assert sheet.title == "May offer   VIP  customers"  # a sheet name cannot hold : [ ] /
    assert sheet.freeze_panes == "A2"
    rows = list(sheet.iter_rows(values_only=True))
    headers = rows[0]
    assert headers == ("行号", "name", "phone", *(f"<{column.value}>" for column in PEOPLE_COLUMNS))
    assert not {"<remarks>", "<uid>", "<attempt>"} & set(headers)  # the provider's raw words stay out
    by_header = [dict(zip(headers, row, strict=True)) for row in rows[1:]]
    first, aside, second, pending = by_header
    assert first["<state>"] == "state:accepted"
    assert aside["<state>"] == "aside:damaged"
    assert pending["<state>"] == "state:pending"
    assert first["<delivery_status>"] == "已送达"  # a known delivery state in words
    assert second["<delivery_status>"] == "ENROUTE"  # otherwise LiaSmart's own word
    assert first["<phone>"] == "8613900000001"  # digits, as text
    sent = first["<sent_at>"]
    assert isinstance(sent, datetime)
    assert sent.tzinfo is None
    message = next(m for m in journal.messages(stored.id) if m.row == 2)
    assert sent == local_time(message.sent_at).replace(microsecond=sent.microsecond)  # type: ignore[union-attr]
    assert pending["<sent_at>"] is None
    cells = next(iter(sheet.iter_rows(min_row=2, max_row=2)))
    assert cells[headers.index("<sent_at>")].number_format == DATE_TIME_FORMAT
    assert cells[headers.index("<phone>")].number_format == "@"
    assert sheet.column_dimensions["A"].width >= 7
    assert sheet.column_dimensions["F"].width >= 50  # the reason has room to be read


def test_the_report_for_people_as_csv_writes_times_excel_reads_as_dates(
    campaign: tuple[Journal, Campaign], tmp_path: Path
) -> None:
    journal, stored = campaign
    target = tmp_path / "people.csv"
    export_report(journal, stored, target, describe, xlsx=False, wording=WORDING)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["<state>"] == "state:accepted"
    sent = rows[0]["<sent_at>"]
    assert datetime.strptime(sent, "%Y-%m-%d %H:%M:%S").year >= 2026  # noqa: DTZ007 - local, as Excel reads it
    assert rows[3]["<sent_at>"] == ""


def test_a_result_heading_the_list_already_has_is_renamed_in_the_callers_words(
    campaign: tuple[Journal, Campaign], tmp_path: Path
) -> None:
    journal, stored = campaign
    wording = dataclasses.replace(
        WORDING, headers={**WORDING.headers, ReportColumn.PHONE: "Phone"}, renamed="{name} (sent to)"
    )
    target = tmp_path / "people.csv"
    export_report(journal, stored, target, describe, xlsx=False, wording=wording)
    header = target.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert header[:4] == ["行号", "name", "phone", "Phone (sent to)"]


def test_local_times_and_sheet_names() -> None:
    assert local_time(None) is None
    assert local_time("") is None
    moment = local_time("2026-11-25T12:00:00.000Z")
    assert moment is not None
    assert moment.tzinfo is None
    assert moment == datetime.fromisoformat("2026-11-25T12:00:00+00:00").astimezone().replace(tzinfo=None)
    assert safe_sheet_title("'quoted'") == "quoted"
    assert safe_sheet_title("???") == "Results"
    assert safe_sheet_title("客户名单 " * 10) == ("客户名单 " * 10)[:31].strip()
    assert len(safe_sheet_title("x" * 40)) == 31
