"""Every code the core hands across the boundary has a sentence: on the command line, and in the app in
English and in Chinese. A new enum member without words fails here, not in front of a user."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from liasmart_desktop.cli import messages as cli_messages
from liasmart_desktop.cli import office_wording as cli_office
from liasmart_desktop.cli import wording as cli_wording
from liasmart_desktop.core.api.outcome import Reason
from liasmart_desktop.core.api.payloads import Balance
from liasmart_desktop.core.errors import (
    Bounds,
    CampaignError,
    CampaignProblem,
    ConfigError,
    ConfigProblem,
    CredentialError,
    CredentialProblem,
    JournalError,
    JournalProblem,
    LiaSmartError,
    ValueRule,
)
from liasmart_desktop.core.importing import RowReason, RowStatus
from liasmart_desktop.core.lists_store import ListsError, ListsProblem
from liasmart_desktop.core.optout import OptOutError, OptOutProblem
from liasmart_desktop.core.sender_id import SenderIdProblem
from liasmart_desktop.core.sending.journal import REASON_OPTED_OUT
from liasmart_desktop.core.sending.records import Event, MessageRecord, SetAsideRow, Stop
from liasmart_desktop.core.sending.schedule import ScheduleError, ScheduleProblem
from liasmart_desktop.core.sending.spend_guard import SpendCheck, SpendProblem, SpendRefusedError
from liasmart_desktop.core.sending.states import EventKind, MessageState, SetAsideStatus, StopReason
from liasmart_desktop.core.templates import SavedTemplateError, SavedTemplateProblem
from liasmart_desktop.ui import messages as ui_messages
from liasmart_desktop.ui import office_messages as ui_office
from liasmart_desktop.ui.i18n import Translations

CJK = re.compile(r"[\u4e00-\u9fff]")
_SET_ASIDE_REASONS: dict[SetAsideStatus, tuple[str, dict[str, object], int | None]] = {
    SetAsideStatus.INVALID: ("too_short", {"digits": 2}, None),
    SetAsideStatus.MISSING: ("empty", {}, None),
    SetAsideStatus.DAMAGED: ("scientific_notation", {}, None),
    SetAsideStatus.DUPLICATE: ("duplicate", {"first_row": 2}, 2),
    SetAsideStatus.AMBIGUOUS: (
        "ambiguous_country",
        {
            "readings": 2,
            "written": 1,
            "phone_1": "13512345678",
            "country_1": "US",
            "phone_2": "8613512345678",
            "country_2": "CN",
        },
        None,
    ),
    SetAsideStatus.MISSING_VALUE: ("empty_field", {"fields": ["name", "city"]}, None),
    SetAsideStatus.BLOCKED_TEXT: ("bidi_control", {"problems": ["bidi_control", "control_character"]}, None),
    SetAsideStatus.OPTED_OUT: (
        "opted_out",
        {"added_at": "2026-01-02T03:04:05.000Z", "reason": "asked"},
        None,
    ),
}


def set_aside(status: SetAsideStatus) -> SetAsideRow:
    reason, data, first_row = _SET_ASIDE_REASONS[status]
    return SetAsideRow(7, "x", status, reason, data, first_row)


def errors() -> Iterator[LiaSmartError]:
    for campaign in CampaignProblem:
        yield CampaignError(campaign, campaign="abc123", account="API1", current="API2")
    for journal in JournalProblem:
        yield JournalError(journal, "detail", subject="/x")
    for config in ConfigProblem:
        yield ConfigError(config, "detail", subject="concurrency")
    for rule in ValueRule:
        yield ConfigError(ConfigProblem.BAD_VALUE, subject="rate_per_second", rule=rule, bounds=Bounds(1, 64))
    for credential in CredentialProblem:
        yield CredentialError(credential, "detail", backend="x.Keyring")
    yield from office_errors()


def office_errors() -> Iterator[LiaSmartError]:
    """Every code of the office rules: the spend guard, schedules, the lists file, templates, opt-out."""
    balance = Balance(Decimal("1.00"), "USD")
    for problem in SpendProblem:
        check = SpendCheck(30, Decimal("1.50"), "USD", balance, 980, 1000, (problem,))
        yield SpendRefusedError(check)
    for schedule in ScheduleProblem:
        yield ScheduleError(schedule, text="2020-01-01 10:00", now=datetime(2026, 1, 1).astimezone())
    for lists in ListsProblem:
        yield ListsError(lists, Path("/x/lists.sqlite3"), "disk I/O error")
    for template in SavedTemplateProblem:
        yield SavedTemplateError(template, "Offer", sender_problem=SenderIdProblem.TOO_LONG)
    for sender in SenderIdProblem:
        yield SavedTemplateError(SavedTemplateProblem.BAD_SENDER_ID, "Offer", sender_problem=sender)
    for optout in OptOutProblem:
        yield OptOutError(
            optout,
            number="call me",
            status=RowStatus.INVALID,
            reason=RowReason.LETTERS,
            params={"character": "c"},
        )


def events() -> Iterator[Event]:
    data = {"count": 3, "state": "unknown", "by": "ann", "withheld": 1, "at": "2026-01-02T03:04:05.000Z"}
    for kind in EventKind:
        yield Event(
            "2026-01-02T03:04:05.000Z",
            kind,
            {**data, "was": data["at"], "api_id": "API1", "reason": "user_pause"},
        )


def withheld_message() -> MessageRecord:
    return MessageRecord(
        1,
        1,
        2,
        "8613900000000",
        {},
        "Hi",
        "T",
        1,
        MessageState.CANCELLED,
        1,
        None,
        None,
        "",
        REASON_OPTED_OUT,
        None,
        "2026-01-02T03:04:05.000Z",
        None,
        None,
        "",
        "",
        "",
        None,
    )


def stops() -> Iterator[Stop]:
    for reason in StopReason:
        yield Stop(reason, Reason.IP_NOT_ALLOWED, "IP not Whitelisted", 300.0)


# (what, CLI words, app words) for every member of every code that crosses into a front end.
CASES: list[tuple[str, Callable[[], str], Callable[[], str]]] = [
    *[
        (
            f"stop {s.reason.value}",
            lambda s=s: cli_wording.describe_stop(s, "abc123"),
            lambda s=s: ui_messages.describe_stop(s),
        )
        for s in stops()
    ],
    *[
        (
            f"set aside {status.value}",
            lambda status=status: cli_wording.describe_record(set_aside(status)),
            lambda status=status: ui_messages.describe_record(set_aside(status)),
        )
        for status in SetAsideStatus
    ],
    *[
        (
            f"{type(e).__name__} {e}",
            lambda e=e: cli_messages.describe_error(e)[1],
            lambda e=e: ui_messages.describe_error(e),
        )
        for e in errors()
    ],
    *[
        (
            f"event {event.kind.value}",
            lambda event=event: cli_office.describe_event(event),
            lambda event=event: ui_office.describe_event(event),
        )
        for event in events()
    ],
    (
        "message withheld by the do-not-message list",
        lambda: cli_wording.describe_record(withheld_message()),
        lambda: ui_messages.describe_record(withheld_message()),
    ),
    *[
        (
            f"delivery reports refused: {problem.value}",
            lambda problem=problem: cli_messages.describe_error(CampaignError(problem, account="API1"))[1],
            lambda problem=problem: ui_messages.describe_refresh_refusal(
                CampaignError(problem, campaign="abc123", account="API1", current="API2")
            ),
        )
        for problem in CampaignProblem
    ],
]


def test_every_set_aside_status_has_a_case() -> None:
    assert set(_SET_ASIDE_REASONS) == set(SetAsideStatus)


@pytest.fixture
def chinese(qapp: object, built_translations: Translations) -> Translations:
    return built_translations


@pytest.mark.parametrize(("what", "cli", "app"), CASES, ids=[case[0] for case in CASES])
def test_words_on_the_command_line_and_in_both_languages_of_the_app(
    what: str, cli: Callable[[], str], app: Callable[[], str], chinese: Translations
) -> None:
    for sentence in (cli(), app()):
        assert sentence.strip(), what
        assert "{" not in sentence, sentence  # every placeholder filled
        assert not re.search(r"\b[a-z]+_[a-z_]+\b", sentence.replace("rate_per_second", "")), sentence
    english = app()
    assert chinese.install("zh_CN")
    translated = app()
    assert translated != english, what
    assert CJK.search(translated), translated
