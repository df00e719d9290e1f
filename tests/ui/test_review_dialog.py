"""Review before sending: counts, set-aside reasons, cost beside the balance, samples, a test to my number."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from liasmart_desktop.core.importing import parse_pasted_numbers
from liasmart_desktop.core.paths import open_data_dir
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.prepare import PreparedCampaign, prepare_campaign
from liasmart_desktop.core.sending.records import TEST_SOURCE_NAME, Campaign, SetAsideRow
from liasmart_desktop.core.sending.spend_guard import same_currency
from liasmart_desktop.core.sending.states import SetAsideStatus
from liasmart_desktop.core.settings import AppSettings
from liasmart_desktop.sandbox import SandboxConfig, SandboxServer
from liasmart_desktop.ui.dialogs.review_dialog import (
    PhoneNumberDialog,
    ReviewDialog,
    estimated_cost,
    format_money,
    sample_positions,
)
from liasmart_desktop.ui.services import AppServices
from tests.ui.support import make_review

NUMBERS = [
    "+86 139 0000 0001",
    "+86 139 0000 0002",
    "+86 139 0000 0003",
    "+86 139 0000 0004",
    "+86 139 0000 0005",
]
MY_NUMBER = "8613800000000"

MakeServices = Callable[..., AppServices]


@pytest.fixture
def make_services(tmp_path: Path) -> Iterator[MakeServices]:
    made: list[AppServices] = []

    def make(*, sandbox: bool = True, **settings: object) -> AppServices:
        services = AppServices(
            open_data_dir(str(tmp_path / "home")),
            settings=AppSettings(**settings),  # type: ignore[arg-type]
        )
        made.append(services)
        if sandbox:
            services.start_sandbox(SandboxConfig(dlr_delay_s=0))
        return services

    yield make
    for services in made:
        services.shutdown()


def prepare(numbers: list[str], text: str = "Hello from ACME", *, sandbox: bool = True) -> PreparedCampaign:
    report = parse_pasted_numbers("\n".join(numbers), None)
    return prepare_campaign(report, text, sender_id="ACME", sms_type="P", sandbox=sandbox, source_name="")


def open_review(
    qtbot: QtBot,
    services: AppServices,
    prepared: PreparedCampaign,
    seed: int = 7,
    sent_before: Campaign | None = None,
) -> ReviewDialog:
    dialog = make_review(services, prepared, seed, sent_before)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.balance_label.text() != "Checking…", timeout=10_000)
    return dialog


def wait_for_test(qtbot: QtBot, dialog: ReviewDialog) -> str:
    qtbot.waitUntil(lambda: not dialog.testing, timeout=15_000)
    return dialog.test_result.text()


def answer_phone_prompt(answers: list[str], *, remember: bool = True) -> list[str]:
    """Type each answer into the phone prompt when it opens (the last one is accepted or cancelled)."""
    errors: list[str] = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PhoneNumberDialog):
            QTimer.singleShot(10, act)
            return
        dialog.remember_check.setChecked(remember)
        for answer in answers:
            if answer == "cancel":
                dialog.reject()
                return
            dialog.phone_edit.setText(answer)
            dialog.accept()
            if dialog.isVisible():  # refused: the prompt stays open with its reason
                errors.append(dialog.error_label.text())

    QTimer.singleShot(0, act)
    return errors


# ---------------------------------------------------------------------- the summary


def test_summary_counts_parts_cost_balance_and_the_button_naming_the_count(
    qtbot: QtBot, make_services: MakeServices
) -> None:
    services = make_services(price_per_part=Decimal("0.05"), currency="USD")
    prepared = prepare([*NUMBERS, "call me", NUMBERS[0]])
    messages = list(prepared.messages)
    messages[2] = dataclasses.replace(messages[2], text="你好", encoding="U", segments=2)
    prepared = dataclasses.replace(
        prepared,
        messages=tuple(messages),
        set_aside=(
            *prepared.set_aside,
            SetAsideRow(row=20, original="x", status=SetAsideStatus.MISSING_VALUE, reason="empty_field"),
            SetAsideRow(row=21, original="y", status=SetAsideStatus.MISSING_VALUE, reason="empty_field"),
            SetAsideRow(row=22, original="z", status=SetAsideStatus.BLOCKED_TEXT, reason="control_character"),
        ),
    )
    dialog = open_review(qtbot, services, prepared)

    assert dialog.messages_label.text() == "5 messages (1 in Unicode, which fits fewer characters per part)"
    assert dialog.parts_label.text() == "6 parts"
    assert dialog.cost_label.text() == "0.30 USD (0.05 USD per part)"
    assert dialog.balance_label.text() == "10,000.00 USD in the sandbox (practice money, nothing is charged)"
    assert not dialog.warning_label.isVisibleTo(dialog)
    assert dialog.sender_label.text() == "ACME"
    assert dialog.type_label.text().startswith("Promotional (P)")
    assert dialog.set_aside_label.text().splitlines() == [
        "5 rows of the list are set aside:",
        "• Not a valid phone number: 1",
        "• Number already earlier in the list (sent once): 1",
        "• A merge field is empty, so the message would be incomplete: 2",
        "• The message for the row cannot be sent (a hidden character, or blank): 1",
        "They stay with the campaign and are included when you export its results.",
    ]
    assert dialog.send_button.text() == "&Send 5 messages"
    assert dialog.send_button.accessibleName() == "Send 5 messages"
    assert dialog.send_button.isEnabled()
    assert dialog.back_button.isDefault()
    assert not dialog.send_button.isDefault()


def test_a_cost_above_the_balance_is_refused_with_both_figures(
    qtbot: QtBot, make_services: MakeServices
) -> None:
    services = make_services(price_per_part=Decimal("0.05"))
    assert services.sandbox is not None
    services.sandbox.set_balance(Decimal("0.10"))
    dialog = open_review(qtbot, services, prepare(NUMBERS))
    assert dialog.cost_label.text() == "0.25 (0.05 per part)"
    qtbot.waitUntil(lambda: dialog.spend_box.check() is not None)
    text = dialog.spend_box.label.text()
    assert "The estimated cost (0.25 USD) is more than the balance (0.10 USD)." in text
    assert "Top up the account, or send to fewer people." in text
    assert not dialog.send_button.isEnabled()
    assert same_currency("", "USD")


def test_no_warning_when_the_currencies_differ_or_the_price_is_unknown(
    qtbot: QtBot, make_services: MakeServices
) -> None:
    services = make_services(price_per_part=Decimal(1000), currency="CNY")
    dialog = open_review(qtbot, services, prepare(NUMBERS))
    assert not dialog.warning_label.isVisibleTo(dialog)

    services = make_services()
    dialog = open_review(qtbot, services, prepare(NUMBERS))
    assert dialog.cost_label.text() == "Unknown: set the price per part in Settings to see it."
    assert not dialog.warning_label.isVisibleTo(dialog)


def test_the_balance_problem_is_explained(qtbot: QtBot, make_services: MakeServices) -> None:
    services = make_services(sandbox=False)
    dialog = open_review(qtbot, services, prepare(NUMBERS, sandbox=False))
    assert dialog.balance_label.text() == "Could not be checked. No API ID is set. Enter it in Settings."


def test_one_message_and_the_samples(qtbot: QtBot, make_services: MakeServices) -> None:
    services = make_services()
    dialog = open_review(qtbot, services, prepare(NUMBERS[:1]))
    assert dialog.messages_label.text() == "1 message"
    assert dialog.parts_label.text() == "1 part"
    assert dialog.send_button.text() == "&Send 1 message"
    assert dialog.set_aside_label.text() == "None: every row gets a message."
    assert [t.text() for t in dialog.sample_titles] == [
        "First message, row 1, to +86 139 0000 0001 · Standard characters (T) · 1 part"
    ]

    prepared = prepare(NUMBERS, "Hello {A}".replace("{A}", "there"))
    messages = [dataclasses.replace(m, text=f"Hi {m.row}") for m in prepared.messages]
    messages[4] = dataclasses.replace(messages[4], encoding="U", segments=3)
    dialog = open_review(qtbot, services, dataclasses.replace(prepared, messages=tuple(messages)), seed=1)
    titles = [t.text() for t in dialog.sample_titles]
    assert titles[0].startswith("First message, row 1, to +86 139 0000 0001")
    assert titles[1] == "Last message, row 5, to +86 139 0000 0005 · Unicode (U) · 3 parts"
    assert titles[2].startswith("A message picked at random, row ")
    middle = int(titles[2].split("row ")[1].split(",")[0])
    assert 2 <= middle <= 4
    assert [t.toPlainText() for t in dialog.sample_texts] == ["Hi 1", "Hi 5", f"Hi {middle}"]
    assert all(t.isReadOnly() and t.tabChangesFocus() for t in dialog.sample_texts)


def test_a_campaign_prepared_in_the_other_mode_cannot_be_sent(
    qtbot: QtBot, make_services: MakeServices
) -> None:
    services = make_services(price_per_part=Decimal(1000))  # the cost warning would also apply
    dialog = open_review(qtbot, services, prepare(NUMBERS, sandbox=False))
    assert "Sandbox mode was switched on or off" in dialog.warning_label.text()
    assert not dialog.send_button.isEnabled()
    assert not dialog.test_button.isEnabled()


def test_the_same_text_to_the_same_list_again_is_pointed_out(
    qtbot: QtBot, make_services: MakeServices
) -> None:
    services = make_services()
    prepared = prepare(NUMBERS)
    with Journal.open(services.paths.journal_file) as journal:
        earlier = journal.create_campaign(dataclasses.replace(prepared.spec, name="May offer"), [])
    dialog = open_review(qtbot, services, prepared, sent_before=earlier)
    assert dialog.warning_label.isVisibleTo(dialog)
    assert "already went to this list on" in dialog.warning_label.text()
    assert "“May offer”" in dialog.warning_label.text()
    assert dialog.send_button.isEnabled()  # a warning, not a refusal


def test_nothing_to_send(qtbot: QtBot, make_services: MakeServices) -> None:
    dialog = open_review(qtbot, make_services(), prepare(["call me"]))
    assert dialog.messages_label.text() == "0 messages"
    assert not dialog.send_button.isEnabled()
    assert not dialog.test_button.isEnabled()
    assert dialog.sample_titles == []
    assert "1 row of the list is set aside:" in dialog.set_aside_label.text()


def test_enter_goes_back_escape_goes_back_and_send_accepts(qtbot: QtBot, make_services: MakeServices) -> None:
    services = make_services()
    dialog = open_review(qtbot, services, prepare(NUMBERS))
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Rejected

    dialog = open_review(qtbot, services, prepare(NUMBERS))
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected

    dialog = open_review(qtbot, services, prepare(NUMBERS))
    dialog.send_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted


# ---------------------------------------------------------------------- the test message


def test_a_test_goes_to_the_saved_number_through_the_journal(
    qtbot: QtBot, make_services: MakeServices
) -> None:
    services = make_services(test_phone="+" + MY_NUMBER)
    prepared = prepare(NUMBERS)
    dialog = open_review(qtbot, services, prepared)
    dialog.test_button.click()
    assert dialog.testing
    assert not dialog.send_button.isEnabled()  # the test holds the journal's sender lock
    assert dialog.test_result.text() == "Sending the test message to +86 138 0000 0000…"
    assert wait_for_test(qtbot, dialog) == (
        "The sandbox accepted the test message to +86 138 0000 0000. No real message was sent."
    )
    assert dialog.send_button.isEnabled()

    assert services.sandbox is not None
    sent = [e for e in services.sandbox.ledger() if e["endpoint"] == "SendSMS"]
    assert [(e["phonenumber"], e["sender_id"], e["text_length"]) for e in sent] == [
        (MY_NUMBER, "ACME", len(prepared.messages[0].text))
    ]
    journal = Journal.open(services.paths.journal_file)
    try:
        [campaign] = journal.campaigns()
        assert campaign.source_name == TEST_SOURCE_NAME
        assert campaign.sandbox
        assert sent[0]["uid"] == f"{campaign.code}-1-1"
    finally:
        journal.close()


def test_without_a_saved_number_it_asks_checks_and_remembers(
    qtbot: QtBot, make_services: MakeServices
) -> None:
    services = make_services(default_country="CN")
    dialog = open_review(qtbot, services, prepare(NUMBERS))
    errors = answer_phone_prompt(["12", "138 0000 0000"])
    dialog.test_button.click()
    assert errors == ["Too short for a phone number (2 digits)."]  # the number rule's own reason
    assert "accepted the test message to +86 138 0000 0000" in wait_for_test(qtbot, dialog)
    assert services.settings.test_phone == "+8613800000000"


def test_a_number_not_remembered_and_a_cancelled_prompt(qtbot: QtBot, make_services: MakeServices) -> None:
    services = make_services(test_phone="not a number")
    dialog = open_review(qtbot, services, prepare(NUMBERS))
    answer_phone_prompt(["cancel"])
    dialog.test_button.click()
    assert not dialog.testing
    assert dialog.test_result.text() == ""

    answer_phone_prompt(["+" + MY_NUMBER], remember=False)
    dialog.test_button.click()
    assert "accepted" in wait_for_test(qtbot, dialog)
    assert services.settings.test_phone == "not a number"


@pytest.mark.parametrize(
    ("fault", "expected"),
    [
        ("status_f", "LiaSmart refused the test message to +86 138 0000 0000 (Invalid Mobile Number)."),
        ("http500", "The test message to +86 138 0000 0000: No clear answer from LiaSmart"),
        ("refuse", "The test message was not sent. LiaSmart refused this computer's internet address."),
    ],
)
def test_a_test_that_fails_says_why(
    qtbot: QtBot, make_services: MakeServices, fault: str, expected: str
) -> None:
    services = make_services(test_phone="+" + MY_NUMBER)
    assert services.sandbox is not None
    services.sandbox.fault_for_phone(MY_NUMBER, fault)
    dialog = open_review(qtbot, services, prepare(NUMBERS))
    dialog.test_button.click()
    assert wait_for_test(qtbot, dialog).startswith(expected)


def test_a_real_account_test_is_described_as_real(
    qtbot: QtBot, make_services: MakeServices, memory_keyring: object
) -> None:
    with SandboxServer(SandboxConfig()) as server:
        services = make_services(
            sandbox=False, api_id="ACME01", base_url=server.base_url, test_phone="+" + MY_NUMBER
        )
        services.remember_for_session("pw")
        dialog = open_review(qtbot, services, prepare(NUMBERS, sandbox=False))
        assert dialog.balance_label.text() == "10,000.00 USD"
        dialog.test_button.click()
        assert wait_for_test(qtbot, dialog).startswith(
            "LiaSmart accepted the test message to +86 138 0000 0000. It should arrive within a minute or two"
        )


def test_results_arriving_after_the_dialog_closed_are_ignored(
    qtbot: QtBot, make_services: MakeServices
) -> None:
    services = make_services(test_phone="+" + MY_NUMBER)
    dialog = make_review(services, prepare(NUMBERS))
    qtbot.addWidget(dialog)
    dialog.test_button.click()
    dialog.reject()
    services.tasks.wait()
    qtbot.waitUntil(lambda: not services.tasks.busy)
    assert dialog.balance_label.text() == "Checking…"
    assert dialog.testing  # nothing touched the closed dialog


# ---------------------------------------------------------------------- helpers


def test_sample_positions_cost_and_currency() -> None:
    rng = random.Random(3)
    assert sample_positions(0, rng) == []
    assert sample_positions(1, rng) == [("first", 0)]
    assert sample_positions(2, rng) == [("first", 0), ("last", 1)]
    assert sample_positions(3, rng) == [("first", 0), ("last", 2), ("random", 1)]
    assert estimated_cost(None, 10) is None
    assert estimated_cost(Decimal("0.035"), 10) == Decimal("0.350")
    assert format_money(Decimal("0.1"), "USD") == "0.10 USD"
    assert format_money(Decimal(1234567)) == "1,234,567.00"
    assert format_money(Decimal("0.0035"), "CNY") == "0.0035 CNY"
    assert same_currency("", "USD")
    assert same_currency("usd ", "USD")
    assert not same_currency("CNY", "USD")
