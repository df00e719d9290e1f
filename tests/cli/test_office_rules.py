"""The office rules on the command line, against the sandbox and its ledger (shared/cli.md, "Additions").

The ledger is the proof: opted-out numbers never reach the provider (also on resend), a template's
sender ID and type arrive as saved, a campaign over the balance or the daily limit sends nothing and
exits 6, a scheduled campaign sends nothing before its time and everything after it, and quiet hours
let no promotional message out. Times are moved with an injected clock, never by sleeping.
"""

from __future__ import annotations

import csv
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from liasmart_desktop.cli import campaign_run
from liasmart_desktop.cli.commands import campaign as campaign_command
from liasmart_desktop.cli.commands import results as results_command
from liasmart_desktop.cli.context import CliContext
from liasmart_desktop.core.sending.campaigns import CampaignService
from liasmart_desktop.core.sending.engine import SendControl
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.settings import AppSettings, save_settings
from liasmart_desktop.sandbox import FaultKind, SandboxServer
from tests.helpers.cli_runs import cli, cli_json, running_sandbox, sandbox_env
from tests.helpers.ledger_checks import check_against_ledger, send_requests

PASSWORD = "CANARY-office-rules-7c1d"
NUMBERS = ["8613900000001", "8613900000002", "8613900000003"]
SEND = ["send", "--text", "Hello {name}", "--sender-id", "LIASMART", "--type", "P"]


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[SandboxServer]:
    with running_sandbox(PASSWORD, dlr_delay_s=0.3, ledger_path=tmp_path / "ledger.jsonl") as server:
        yield server


@pytest.fixture
def env(sandbox: SandboxServer, isolated_env: Path) -> dict[str, str]:
    return sandbox_env(sandbox, PASSWORD, str(isolated_env), country="CN")


@pytest.fixture
def recipients(tmp_path: Path) -> Path:
    path = tmp_path / "list.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(
            [("phone", "name"), *[("+" + n, f"N{i}") for i, n in enumerate(NUMBERS)], ("12", "x")]
        )
    return path


def save(home: Path, settings: AppSettings) -> None:
    home.mkdir(parents=True, exist_ok=True)
    save_settings(home / "settings.json", settings)


def sent_phones(sandbox: SandboxServer) -> list[str]:
    return [str(e["phonenumber"]) for e in send_requests(sandbox.ledger())]


@dataclass
class Clock:
    """The campaign service's clock in these tests: the real one plus an offset the test moves."""

    offset_s: float = 0.0
    sleeps: list[float] = field(default_factory=list)
    on_sleep: list[object] = field(default_factory=list)

    def now(self) -> datetime:
        return datetime.now().astimezone() + timedelta(seconds=self.offset_s)

    def wall(self) -> float:
        return time.time() + self.offset_s

    def sleep(self, _control: SendControl, seconds: float) -> None:
        for check in self.on_sleep:
            check()  # type: ignore[operator]
        self.sleeps.append(seconds)
        self.offset_s += seconds


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock()

    def service(ctx: CliContext) -> CampaignService:
        return CampaignService(ctx.paths.journal_file, now=clock.now, wall=clock.wall, sleep=clock.sleep)

    for module in (campaign_run, campaign_command, results_command):
        monkeypatch.setattr(module, "service", service)
    return clock


# ---------------------------------------------------------------------------------------- opt-out list


def test_the_optout_commands_keep_numbers_with_when_and_why(env: dict[str, str], tmp_path: Path) -> None:
    code, out, _ = cli(
        "optout", "add", "+86 139 0000 0001", "13900000002", "--reason", "asked by phone", env=env
    )
    assert (code, out) == (0, "Added 2 numbers to the do-not-message list.\n")
    document = cli_json("optout", "list", env=env)
    assert {n["phone"] for n in document["numbers"]} == {"8613900000001", "8613900000002"}
    first = document["numbers"][0]
    assert set(first) >= {"phone", "reason", "added_at"}
    assert first["reason"] == "asked by phone"
    datetime.fromisoformat(first["added_at"])
    code, out, _ = cli("optout", "add", "8613900000001", env=env)
    assert out == "Added 0 numbers to the do-not-message list (1 number already on it).\n"
    code, out, err = cli("optout", "remove", "13900000002", "13900000009", "--country", "CN", env=env)
    assert (code, out) == (0, "Removed 1 number from the do-not-message list.\n")
    assert "Not on the list: +8613900000009." in err
    assert [n["phone"] for n in cli_json("optout", "list", env=env)["numbers"]] == ["8613900000001"]
    code, out, _ = cli("optout", "list", env=env)
    assert "1 number on the do-not-message list:" in out
    assert "+8613900000001" in out


def test_a_text_that_is_no_number_changes_nothing(env: dict[str, str]) -> None:
    code, out, err = cli("optout", "add", "+8613900000001", "call me", env=env)
    assert (code, out) == (2, "")
    assert "“call me” cannot be used as it is" in err
    assert "Nothing was changed." in err
    assert cli_json("optout", "list", env=env) == {"numbers": []}
    code, out, _ = cli("optout", "list", env=env)
    assert out == "The do-not-message list is empty.\n"


def test_a_spreadsheet_imports_into_the_list_and_the_list_exports(
    env: dict[str, str], recipients: Path, tmp_path: Path
) -> None:
    document = cli_json("optout", "import", str(recipients), env=env)
    assert (document["rows"], document["added"], document["already"]) == (4, 3, 0)
    assert [(p["row"], p["status"]) for p in document["problems"]] == [(5, "invalid")]
    code, out, _ = cli("optout", "import", str(recipients), env=env)
    assert code == 0
    assert "added 0 numbers to the do-not-message list, 3 already on it" in out
    assert "row 5" in out
    reasons = {n["reason"] for n in cli_json("optout", "list", env=env)["numbers"]}
    assert reasons == {"imported from list.csv"}
    target = tmp_path / "optout.csv"
    assert cli("optout", "list", "--csv", str(target), env=env)[:2] == (0, f"Wrote 3 numbers to {target}.\n")
    assert target.read_text(encoding="utf-8-sig").splitlines()[0] == "Phone,Reason,Added at (UTC),Added by"
    assert cli("optout", "list", "--xlsx", str(tmp_path / "missing" / "x.xlsx"), env=env)[0] == 2


def test_import_and_send_set_listed_numbers_aside_and_never_send_them(
    env: dict[str, str], sandbox: SandboxServer, recipients: Path
) -> None:
    cli("optout", "add", "+8613900000002", "--reason", "complained", env=env)
    imported = cli_json("import", str(recipients), env=env)
    assert imported["counts"]["opted_out"] == 1
    assert sum(imported["counts"].values()) == imported["rows"]
    assert [r["phone"] for r in imported["recipients"]] == ["8613900000001", "8613900000003"]
    listed = next(p for p in imported["problems"] if p["status"] == "opted_out")
    assert (listed["row"], listed["opt_out_reason"]) == (3, "complained")
    assert "do-not-message list" in listed["reason"]
    code, out, _ = cli("import", str(recipients), env=env)
    assert code == 0
    assert "1 number on the do-not-message list will not be sent to." in out

    document = cli_json(*SEND, "--file", str(recipients), "--yes", env=env)
    assert document["counts"]["opted_out"] == 1  # the send says so too, with the row
    assert [s["row"] for s in document["set_aside"] if s["status"] == "opted_out"] == [3]
    assert "8613900000002" not in sent_phones(sandbox)
    assert sorted(sent_phones(sandbox)) == ["8613900000001", "8613900000003"]
    report = cli_json("report", document["campaign"], env=env)
    assert report["counts"]["opted_out"] == 1
    aside = next(s for s in report["set_aside"] if s["status"] == "opted_out")
    assert aside["row"] == 3
    assert "“complained”" in aside["reason"]


def test_resend_never_sends_to_a_number_listed_since(env: dict[str, str], sandbox: SandboxServer) -> None:
    sandbox.fault_for_phone(NUMBERS[0], FaultKind.DROP, times=1)
    sandbox.fault_for_phone(NUMBERS[1], FaultKind.DROP, times=1)
    document = cli_json(
        *SEND[:2], "Hi", *SEND[3:], "--to", ",".join("+" + n for n in NUMBERS), "--yes", env=env, expect=1
    )
    code = document["campaign"]
    assert document["counts"]["unknown"] == 2
    cli("optout", "add", "+" + NUMBERS[0], env=env)
    status, _, err = cli("resend", code, "--state", "unknown", "--yes", env=env)
    assert status == 1, err  # the listed number stays unknown
    assert "1 of them go to numbers on the do-not-message list and are not sent again." in err
    assert sent_phones(sandbox).count(NUMBERS[0]) == 1  # only the first, dropped attempt
    assert sent_phones(sandbox).count(NUMBERS[1]) == 2
    final = cli_json("report", code, env=env)
    check_against_ledger(final["messages"], sandbox.ledger(), campaign=code, resent=frozenset({f"{code}-2"}))
    # Only listed numbers left unknown: nothing is sent again, exit 2.
    status, _, err = cli("resend", code, "--state", "unknown", "--yes", env=env)
    assert status == 2
    assert "do-not-message list; nothing was sent again" in err
    assert sent_phones(sandbox).count(NUMBERS[0]) == 1
    events = cli_json("report", code, env=env)["events"]
    resend = next(e for e in events if e["kind"] == "resend")
    assert resend["data"]["withheld"] == 1
    assert "sent again" in resend["what"]


def test_resume_withholds_numbers_listed_after_a_stop(env: dict[str, str], sandbox: SandboxServer) -> None:
    sandbox.fault_for_phone(NUMBERS[0], FaultKind.REFUSE, times=1)  # the account is refused: paused
    document = cli_json(
        *SEND[:2], "Hi", *SEND[3:], "--to", ",".join("+" + n for n in NUMBERS), "--yes", env=env, expect=3
    )
    cli("optout", "add", "+" + NUMBERS[2], env=env)
    code, _, err = cli("resume", document["campaign"], env=env)
    assert code == 1, err  # the withheld message is cancelled, not accepted or rejected
    assert "1 message(s) go to numbers on the do-not-message list; they were not sent." in err
    assert NUMBERS[2] not in sent_phones(sandbox)


# ---------------------------------------------------------------------------------------- templates


def test_the_templates_commands(env: dict[str, str]) -> None:
    code, out, _ = cli(
        "templates", "save", "Offer", "--text", "Hi {name}", "--sender-id", "SHOP", "--type", "P", env=env
    )
    assert (code, out) == (0, "Template “Offer” saved.\n")
    assert (
        cli("templates", "save", "offer", "--text", "Hello {name}", env=env)[1]
        == "Template “offer” replaced.\n"
    )
    document = cli_json("templates", "list", env=env)
    assert document == {
        "templates": [
            {
                "name": "offer",
                "text": "Hello {name}",
                "sender_id": "",
                "type": "",
                "updated_at": document["templates"][0]["updated_at"],
                "updated_by": document["templates"][0]["updated_by"],
            }
        ]
    }
    assert cli("templates", "rename", "OFFER", "Spring", env=env)[1] == "Template “OFFER” is now “Spring”.\n"
    code, out, _ = cli("templates", "list", env=env)
    assert out.startswith("Spring  (no sender ID, type not set, ")
    assert cli("templates", "delete", "spring", env=env)[:2] == (0, "Template “spring” deleted.\n")
    code, out, err = cli("templates", "delete", "spring", env=env)
    assert (code, out) == (2, "")
    assert "There is no template “spring”" in err
    assert cli("templates", "list", env=env)[1].startswith("No templates yet")
    code, _, err = cli("templates", "save", "Bad", "--text", "x", "--sender-id", "TOO LONG SENDER", env=env)
    assert code == 2
    assert "longer than 11 characters" in err


def test_a_templates_text_sender_id_and_type_arrive_as_saved(
    env: dict[str, str], sandbox: SandboxServer, recipients: Path, isolated_env: Path
) -> None:
    cli(
        "templates",
        "save",
        "Reminder",
        "--text",
        "Dear {name}, see you soon",
        "--sender-id",
        "CLINIC",
        "--type",
        "T",
        env=env,
    )
    document = cli_json("send", "--file", str(recipients), "--template", "reminder", "--yes", env=env)
    requests = send_requests(sandbox.ledger())
    assert len(requests) == 3
    assert {(e["sender_id"], e["sms_type"]) for e in requests} == {("CLINIC", "T")}
    with Journal.open(isolated_env / "journal.sqlite3") as journal:
        campaign = journal.campaign(document["campaign"])
        texts = {m.phone: m.text for m in journal.messages(campaign.id)}
    assert campaign.template_name == "Reminder"
    assert texts["8613900000001"] == "Dear N0, see you soon"
    assert {e["text_length"] for e in requests} == {len("Dear N0, see you soon")}
    # Options given win over the template's.
    cli("templates", "save", "Plain", "--text", "Hi", "--sender-id", "CLINIC", "--type", "T", env=env)
    cli_json(
        "send",
        "--to",
        "+8613900000009",
        "--template",
        "Plain",
        "--sender-id",
        "OTHER",
        "--type",
        "P",
        "--yes",
        env=env,
    )
    last = send_requests(sandbox.ledger())[-1]
    assert (last["sender_id"], last["sms_type"]) == ("OTHER", "P")


def test_send_with_a_template_that_lacks_what_is_needed(env: dict[str, str], sandbox: SandboxServer) -> None:
    cli("templates", "save", "Bare", "--text", "Hi", env=env)
    code, _, err = cli("send", "--to", "+8613900000001", "--template", "Bare", "--yes", env=env)
    assert code == 2
    assert "No sender ID: the template “Bare” has none; give --sender-id." in err
    code, _, err = cli(
        "send", "--to", "+8613900000001", "--template", "Bare", "--sender-id", "LIA", "--yes", env=env
    )
    assert code == 2
    assert "No message type" in err
    assert cli("send", "--to", "+8613900000001", "--template", "Nope", "--yes", env=env)[0] == 2
    assert (
        cli("send", "--to", "+8613900000001", "--text", "Hi", "--sender-id", "LIA", "--yes", env=env)[0] == 2
    )
    assert send_requests(sandbox.ledger()) == []


# ---------------------------------------------------------------------------------------- spend guard


def test_a_campaign_over_the_balance_sends_nothing_and_exits_6(
    env: dict[str, str], sandbox: SandboxServer
) -> None:
    sandbox.set_balance(Decimal("1.00"))
    code, out, err = cli(
        *SEND[:2],
        "Hi",
        *SEND[3:],
        "--to",
        ",".join("+" + n for n in NUMBERS),
        "--price-per-part",
        "0.5",
        "--yes",
        env=env,
    )
    assert (code, out) == (6, "")
    assert "Nothing was sent: the estimated cost, 1.50" in err
    assert "is more than the balance, 1.00" in err
    assert send_requests(sandbox.ledger()) == []
    assert cli_json("campaigns", env=env) == {"campaigns": []}


def test_the_saved_price_is_the_default(
    env: dict[str, str], sandbox: SandboxServer, isolated_env: Path
) -> None:
    save(isolated_env, AppSettings(price_per_part=Decimal("0.5")))
    sandbox.set_balance(Decimal("1.00"))
    code, _, err = cli(
        *SEND[:2], "Hi", *SEND[3:], "--to", ",".join("+" + n for n in NUMBERS), "--yes", env=env
    )
    assert code == 6, err
    # Within the balance it goes.
    assert cli(*SEND[:2], "Hi", *SEND[3:], "--to", "+" + NUMBERS[0], "--yes", env=env)[0] == 0
    assert len(send_requests(sandbox.ledger())) == 1


def test_the_daily_limit_counts_what_was_sent_today(
    env: dict[str, str], sandbox: SandboxServer, isolated_env: Path
) -> None:
    hi = [*SEND[:2], "Hi", *SEND[3:]]
    assert (
        cli(*hi, "--to", "+" + NUMBERS[0] + ",+" + NUMBERS[1], "--daily-limit", "3", "--yes", env=env)[0] == 0
    )
    code, _, err = cli(
        *hi, "--to", "+" + NUMBERS[2] + ",+8613900000004", "--daily-limit", "3", "--yes", env=env
    )
    assert code == 6
    assert "2 part(s) now and 2 already sent today make 4, more than the daily limit of 3 parts" in err
    assert len(send_requests(sandbox.ledger())) == 2
    save(isolated_env, AppSettings(daily_limit_parts=2))
    assert cli(*hi, "--to", "+" + NUMBERS[2], "--yes", env=env)[0] == 6
    assert len(send_requests(sandbox.ledger())) == 2


def test_a_schedule_over_the_daily_limit_names_its_day(env: dict[str, str], sandbox: SandboxServer) -> None:
    hi = [*SEND[:2], "Hi", *SEND[3:], "--to", ",".join("+" + n for n in NUMBERS), "--daily-limit", "2"]
    later = datetime.now().astimezone() + timedelta(days=2)
    code, _, err = cli(*hi, "--at", f"{later:%Y-%m-%d %H:%M}", "--yes", env=env)
    assert code == 6
    assert (
        f"3 part(s) on {later.date()} and 0 already sent that day make 3, more than the daily limit of 2 "
        "parts: send the rest another day" in err
    )
    assert "today" not in err
    assert "tomorrow" not in err
    assert cli_json("campaigns", env=env)["campaigns"] == []
    assert send_requests(sandbox.ledger()) == []


def test_a_resend_over_the_daily_limit_exits_6(env: dict[str, str], sandbox: SandboxServer) -> None:
    sandbox.fault_for_phone(NUMBERS[0], FaultKind.DROP, times=1)
    document = cli_json(
        *SEND[:2], "Hi", *SEND[3:], "--to", "+" + NUMBERS[0] + ",+" + NUMBERS[1], "--yes", env=env, expect=1
    )
    code, _, err = cli(
        "resend", document["campaign"], "--state", "unknown", "--daily-limit", "2", "--yes", env=env
    )
    assert code == 6
    assert "daily limit of 2 parts" in err
    assert len(send_requests(sandbox.ledger())) == 2


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (("--price-per-part", "cheap"), "--price-per-part must be a number, zero or more"),
        (("--price-per-part", "-1"), "--price-per-part must be a number, zero or more"),
        (("--daily-limit", "0"), "--daily-limit must be a whole number from 1 to"),
        (("--quiet-hours", "21:00"), "--quiet-hours must be two different times of day"),
        (("--at", "tomorrow"), "“tomorrow” is not a time to send at"),
        (("--at", "2020-01-01 10:00"), "2020-01-01 10:00 has already passed"),
    ],
)
def test_bad_office_options_are_exit_2_before_anything(
    env: dict[str, str], sandbox: SandboxServer, isolated_env: Path, options: tuple[str, str], words: str
) -> None:
    code, out, err = cli(*SEND[:2], "Hi", *SEND[3:], "--to", "+" + NUMBERS[0], *options, "--yes", env=env)
    assert (code, out) == (2, "")
    assert words in err
    assert sandbox.ledger() == []  # not even the balance was asked
    assert not (isolated_env / "journal.sqlite3").exists()


# ---------------------------------------------------------------------------------------- scheduled sending


def in_minutes(minutes: int) -> str:
    return f"{datetime.now().astimezone() + timedelta(minutes=minutes):%Y-%m-%d %H:%M}"


def test_a_scheduled_campaign_sends_nothing_before_its_time_and_everything_after(
    env: dict[str, str], sandbox: SandboxServer, recipients: Path, clock: Clock
) -> None:
    at = in_minutes(3)
    code, out, err = cli(*SEND, "--file", str(recipients), "--at", at, "--yes", env=env)
    assert code == 0, err
    assert f"Scheduled for {at}" in err
    assert "nothing was sent" in out
    campaign = cli_json("campaigns", env=env)["campaigns"][0]
    assert campaign["status"] == "scheduled"
    assert campaign["scheduled_at"].startswith(at.replace(" ", "T"))
    assert f"scheduled for {at}" in cli("campaigns", env=env)[1]
    assert send_requests(sandbox.ledger()) == []

    def nothing_sent_yet() -> None:
        assert send_requests(sandbox.ledger()) == []

    clock.on_sleep.append(nothing_sent_yet)
    status, out, err = cli("resume", campaign["campaign"], env=env)
    assert status == 0, err
    assert "waiting until then" in err
    assert clock.sleeps  # it waited (on the test's clock)
    assert clock.now() >= datetime.strptime(at, "%Y-%m-%d %H:%M").astimezone()
    assert sorted(sent_phones(sandbox)) == NUMBERS
    events = [e["kind"] for e in cli_json("report", campaign["campaign"], env=env)["events"]]
    assert events[:3] == ["created", "scheduled", "sending"]


def test_a_rate_too_low_to_ever_finish_is_said_instead_of_a_date(
    env: dict[str, str], sandbox: SandboxServer, recipients: Path
) -> None:
    # It used to end in "this is a bug" (exit 70): no calendar holds the finish of 3 messages at 1e-300/s.
    at = in_minutes(3)
    code, _, err = cli(*SEND, "--file", str(recipients), "--rate", "1e-300", "--at", at, "--yes", env=env)
    assert code == 0, err
    assert "At this rate the send would take more than ten years; give a higher --rate." in err
    assert "Expected to finish" not in err
    assert send_requests(sandbox.ledger()) == []
    # One message leaves at once, whatever the rate: its finish is the start.
    one = [*SEND[:2], "Hi", *SEND[3:], "--to", "+" + NUMBERS[0]]
    code, _, err = cli(*one, "--rate", "1e-300", "--at", at, "--yes", env=env)
    assert code == 0, err
    assert f"Expected to finish about {at}" in err


def test_a_scheduled_send_answers_in_json_and_resume_now_sends_at_once(
    env: dict[str, str], sandbox: SandboxServer, clock: Clock
) -> None:
    document = cli_json(
        *SEND[:2], "Hi", *SEND[3:], "--to", "+" + NUMBERS[0], "--at", in_minutes(120), "--yes", env=env
    )
    assert (document["status"], document["counts"]["pending"]) == ("scheduled", 1)
    assert document["scheduled_at"]
    code, _, err = cli("resume", document["campaign"], "--now", env=env)
    assert code == 0, err
    assert clock.sleeps == []
    assert sent_phones(sandbox) == [NUMBERS[0]]


def test_stopping_the_wait_sends_nothing(env: dict[str, str], sandbox: SandboxServer, clock: Clock) -> None:
    document = cli_json(
        *SEND[:2], "Hi", *SEND[3:], "--to", "+" + NUMBERS[0], "--at", in_minutes(30), "--yes", env=env
    )

    def interrupt() -> None:
        raise KeyboardInterrupt

    clock.on_sleep.append(interrupt)
    code, _, _ = cli("resume", document["campaign"], env=env)
    assert code == 130
    assert send_requests(sandbox.ledger()) == []
    assert cli_json("campaigns", env=env)["campaigns"][0]["status"] == "scheduled"


# ---------------------------------------------------------------------------------------- quiet hours


def window_around_now() -> str:
    now = datetime.now().astimezone()
    return f"{now - timedelta(hours=1):%H:%M}-{now + timedelta(hours=1):%H:%M}"


def test_quiet_hours_let_no_promotional_message_out(
    env: dict[str, str], sandbox: SandboxServer, clock: Clock
) -> None:
    argv = (
        *SEND[:2],
        "Hi",
        *SEND[3:],
        "--to",
        ",".join("+" + n for n in NUMBERS),
        "--quiet-hours",
        window_around_now(),
        "--yes",
    )
    result: list[tuple[int, str, str]] = []
    thread = threading.Thread(target=lambda: result.append(cli(*argv, env=env)))
    thread.start()
    try:
        deadline = time.monotonic() + 1.5
        while time.monotonic() < deadline:
            assert send_requests(sandbox.ledger()) == []
            time.sleep(0.05)
    finally:
        clock.offset_s = 3600 + 120  # past the window's end
        thread.join(20)
    code, _, err = result[0]
    assert code == 0, err
    assert "promotional messages wait while they last" in err
    assert "Expected to finish about" in err
    assert sorted(sent_phones(sandbox)) == NUMBERS


def test_quiet_hours_from_the_settings_do_not_hold_transactional_messages(
    env: dict[str, str], sandbox: SandboxServer, isolated_env: Path
) -> None:
    save(isolated_env, AppSettings(quiet_hours=window_around_now()))
    code, _, err = cli(
        *SEND[:2], "Code 1234", *SEND[3:5], "--type", "T", "--to", "+" + NUMBERS[0], "--yes", env=env
    )
    assert code == 0, err
    assert "Quiet hours" not in err
    assert sent_phones(sandbox) == [NUMBERS[0]]
    campaign = cli_json("campaigns", env=env)["campaigns"][0]
    assert campaign["quiet_hours"] == window_around_now()


def test_a_scheduled_campaign_can_be_moved_and_cancelled_from_the_command_line(
    env: dict[str, str], sandbox: SandboxServer
) -> None:
    document = cli_json(
        *SEND[:2], "Hi", *SEND[3:], "--to", "+" + NUMBERS[0], "--at", in_minutes(60), "--yes", env=env
    )
    code = document["campaign"]
    later = in_minutes(180)
    status, out, err = cli("reschedule", code, "--at", later, env=env)
    assert status == 0, err
    assert out.startswith(f"Campaign {code} is now scheduled for {later}")
    assert cli("reschedule", code, "--at", "2020-01-01 09:00", env=env)[0] == 2
    status, _, err = cli("cancel", code, env=env)
    assert status == 2
    assert "Nothing was cancelled" in err
    status, out, _ = cli("cancel", code, "--yes", env=env)
    assert (status, out) == (0, f"Campaign {code} cancelled; 1 unsent message(s) will never be sent.\n")
    assert cli("cancel", code, "--yes", env=env)[1] == f"Campaign {code} was already cancelled.\n"
    status, _, err = cli("reschedule", code, "--at", later, env=env)
    assert status == 2
    assert "is not waiting for its time" in err
    events = [e["kind"] for e in cli_json("report", code, env=env)["events"]]
    assert events == ["created", "scheduled", "rescheduled", "cancel", "cancelled"]
    assert send_requests(sandbox.ledger()) == []
