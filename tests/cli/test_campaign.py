"""``liasmart send``, ``resume``, ``resend``, ``report``, ``campaigns`` and ``refresh`` (the CLI contract).

Most tests run ``main()`` in this process against a sandbox server on a thread (the "external"
sandbox reached through LIASMART_BASE_URL, with a ledger of what it received); ``--sandbox`` starts
the built-in one. The ledger is the proof of what was and was not sent.
"""

from __future__ import annotations

import csv
import io
import re
import signal
import socket
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from liasmart_desktop.cli.campaign_run import (
    STOP_SIGNALS,
    Interruption,
    ProgressLine,
    exit_code,
    finish,
    signals_stop,
)
from liasmart_desktop.cli.context import CliContext
from liasmart_desktop.cli.errors import ExitCode
from liasmart_desktop.cli.main import build_parser
from liasmart_desktop.cli.wording import describe_record, describe_stop, state_word
from liasmart_desktop.core.api.outcome import Reason
from liasmart_desktop.core.sending.campaigns import CampaignService
from liasmart_desktop.core.sending.engine import SendControl
from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.lock import SenderLock
from liasmart_desktop.core.sending.records import (
    CampaignSpec,
    MessageRecord,
    NewMessage,
    SetAsideRow,
    Stop,
    Transition,
)
from liasmart_desktop.core.sending.schedule import zoned_text
from liasmart_desktop.core.sending.states import CampaignStatus, MessageState, SetAsideStatus, StopReason
from liasmart_desktop.core.sending.summaries import Progress, RunReport, RunResult
from liasmart_desktop.core.settings import AppSettings, save_settings
from liasmart_desktop.sandbox import FaultKind, SandboxServer
from tests.helpers.cli_runs import API_ID, cli, cli_json, running_sandbox, sandbox_env
from tests.helpers.ledger_checks import check_against_ledger, send_requests

PASSWORD = "CANARY-5b2e9f1c-4d7a-campaign"
MESSAGE_FIELDS = {"row", "phone", "state", "message_id", "remarks", "uid", "segments", "encoding"}
STATES = {"pending", "in_flight", "retry_wait", "accepted", "rejected", "unknown", "cancelled"}
# phone, name, note: formula-looking notes, a national number, an invalid one, a duplicate, an empty name.
LIST_ROWS = [
    ("phone", "name", "note"),
    ("+8613900000001", "Ann", "=1+1"),
    ("13900000002", "Bob", "+44 call"),
    ("+8613900000003", "Chen", "-5"),
    ("12", "Dan", "@home"),
    ("+8613900000001", "Ann again", "dup"),
    ("+8613900000006", "", "no name"),
    ("+8613900000007", "Eve", "@SUM(A1)"),
]
SENT_ROWS = {2: "8613900000001", 3: "8613900000002", 4: "8613900000003", 8: "8613900000007"}
SEND = ["send", "--text", "Hello", "--sender-id", "LIASMART", "--type", "P"]
MERGED = ("--text", "Hello {name}")


class Tty(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


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
        csv.writer(handle).writerows(LIST_ROWS)
    return path


def send_numbers(
    env: dict[str, str], *numbers: str, extra: tuple[str, ...] = (), expect: int = 0
) -> dict[str, Any]:
    return cli_json(*SEND, "--to", ",".join(numbers), "--yes", *extra, env=env, expect=expect)


def open_journal(env: dict[str, str]) -> Journal:
    home = Path(env["LIASMART_HOME"])
    home.mkdir(exist_ok=True)  # a command that only reads does not make the data folder
    return Journal.open(home / "journal.sqlite3")


def make_stored_campaign(env: dict[str, str], count: int, **spec: Any) -> tuple[str, list[int]]:
    """A campaign written straight into the journal (as a crashed or paused run would leave it)."""
    journal = open_journal(env)
    try:
        fields = {"template": "Hi", "sender_id": "LIASMART", "sms_type": "P", "api_id": API_ID, **spec}
        campaign = journal.create_campaign(
            CampaignSpec(**fields),
            [NewMessage(i + 2, f"86139000001{i:02d}", f"Hi {i}", "T", 1) for i in range(count)],
        )
        return campaign.code, [m.pk for m in journal.messages(campaign.id)]
    finally:
        journal.close()


# ---------------------------------------------------------------------------------------- send


def test_send_to_numbers_with_the_builtin_sandbox_prints_the_json_contract(isolated_env: Path) -> None:
    env = {"LIASMART_HOME": str(isolated_env)}
    document = cli_json(
        *SEND, "--to", "8613900000001, 8613900000002", "--sandbox", "--yes", "--text", "Hi 你好", env=env
    )
    assert set(document) >= {"campaign", "counts", "messages"}
    assert set(document["counts"]) == STATES  # message states only: no row was set aside as opted out
    assert document["set_aside"] == []
    assert document["counts"]["accepted"] == 2
    assert document["status"] == "finished"
    for message in document["messages"]:
        assert set(message) >= MESSAGE_FIELDS
        assert message["state"] == "accepted"
        assert isinstance(message["message_id"], str)
        assert message["message_id"].isdigit()
        assert message["uid"] == f"{document['campaign']}-{message['row']}-1"
        assert (message["segments"], message["encoding"]) == (1, "U")
    assert [m["phone"] for m in document["messages"]] == ["8613900000001", "8613900000002"]


def test_send_a_file_with_merge_fields_to_the_builtin_sandbox(isolated_env: Path, recipients: Path) -> None:
    env = {"LIASMART_HOME": str(isolated_env), "LIASMART_COUNTRY": "CN"}
    document = cli_json(*SEND, "--file", str(recipients), *MERGED, "--sandbox", "--yes", env=env)
    assert {m["row"]: m["phone"] for m in document["messages"]} == SENT_ROWS
    assert document["counts"]["accepted"] == 4
    [listed] = cli_json("campaigns", env=env)["campaigns"]
    assert (listed["sandbox"], listed["source"], listed["set_aside"]) == (True, "list.csv", 3)


def test_send_a_file_with_merge_fields_to_an_external_sandbox(
    env: dict[str, str], sandbox: SandboxServer, recipients: Path
) -> None:
    document = cli_json(
        *SEND, "--file", str(recipients), "--text", "Hello {name}, note {note}", "--yes", env=env
    )
    code = document["campaign"]
    assert {m["row"]: m["phone"] for m in document["messages"]} == SENT_ROWS
    assert document["counts"]["accepted"] == 4
    ledger = sandbox.ledger()
    check_against_ledger(document["messages"], ledger, campaign=code)
    requests = send_requests(ledger, code)
    assert len(requests) == 4
    by_phone = {e["phonenumber"]: e for e in requests}
    assert by_phone["8613900000001"]["text_length"] == len("Hello Ann, note =1+1")
    assert by_phone["8613900000002"]["sender_id"] == "LIASMART"
    assert all(e["password_in_url"] is False and e["api_id"] == API_ID for e in ledger)
    # The same list with another text is a new campaign; the same list and text again is pointed out.
    status, _, err = cli(*SEND, "--file", str(recipients), *MERGED, "--yes", env=env)
    assert status == 0
    assert "already sent" not in err
    status, _, err = cli(
        *SEND, "--file", str(recipients), "--text", "Hello {name}, note {note}", "--yes", env=env
    )
    assert status == 0
    assert f"This list and text were already sent on {document_created(env, code)} (campaign {code})." in err


def document_created(env: dict[str, str], code: str) -> str:
    journal = open_journal(env)
    try:
        return journal.campaign(code).created_at
    finally:
        journal.close()


def test_without_a_terminal_and_without_yes_nothing_is_sent(
    env: dict[str, str], sandbox: SandboxServer, recipients: Path
) -> None:
    code, out, err = cli(*SEND, "--file", str(recipients), *MERGED, env=env)
    assert code == 2
    assert out == ""
    assert "add --yes" in err
    assert send_requests(sandbox.ledger()) == []  # only the balance was asked
    assert cli_json("campaigns", env=env) == {"campaigns": []}


def test_confirmation_on_a_terminal(env: dict[str, str], sandbox: SandboxServer) -> None:
    code, out, err = cli(*SEND, "--to", "8613900000001", env=env, stdin=Tty("n\n"))
    assert (code, out) == (0, "")
    assert "Send 1 messages? [y/N]" in err
    assert "Nothing was sent." in err
    assert send_requests(sandbox.ledger()) == []
    code, out, err = cli(*SEND, "--to", "8613900000001", env=env, stdin=Tty("yes\n"))
    assert code == 0
    assert re.search(r"Campaign \w+: finished — 1 accepted\.", out)
    assert len(send_requests(sandbox.ledger())) == 1


def test_callback_url_is_passed_on_with_every_message(env: dict[str, str], sandbox: SandboxServer) -> None:
    url = "https://dlr.example.com/liasmart?office=7"
    send_numbers(env, "8613900000001", "8613900000002", extra=("--callback-url", url))
    assert [e["callback_url"] for e in send_requests(sandbox.ledger())] == [url, url]
    # The saved setting is the default, as in the desktop app.
    save_settings(
        Path(env["LIASMART_HOME"]) / "settings.json", AppSettings(callback_url="https://saved.example/dlr")
    )
    send_numbers(env, "8613900000003")
    assert send_requests(sandbox.ledger())[-1]["callback_url"] == "https://saved.example/dlr"


def test_the_plan_shows_parts_set_aside_rows_cost_and_balance(
    env: dict[str, str], recipients: Path, isolated_env: Path
) -> None:
    Path(env["LIASMART_HOME"]).mkdir(exist_ok=True)  # a command that only reads does not make it
    save_settings(isolated_env / "settings.json", AppSettings(price_per_part=Decimal("0.05"), currency="USD"))
    code, _, err = cli(*SEND, "--file", str(recipients), *MERGED, "--yes", env=env)
    assert code == 0
    assert "Balance: 10,000 USD" in err
    assert "4 message(s) from LIASMART (promotional), 4 part(s) in all; 0 in Unicode." in err
    assert "Estimated cost: 0.20 USD." in err
    assert "3 row(s) set aside" in err
    assert "First message, to 8613900000001: Hello Ann" in err


def test_a_progress_line_on_a_terminal(env: dict[str, str]) -> None:
    stderr = Tty()
    code, _, _ = cli(*SEND, "--to", "8613900000001,8613900000002", "--yes", env=env, stderr=stderr)
    assert code == 0
    assert "\r2/2 done · accepted 2 · rejected 0 · unknown 0 ·" in stderr.getvalue()


# ---------------------------------------------------------------------------------------- exit codes


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["--to", "8613900000001", "--sender-id", "LIA SMART!"], "letters, digits and spaces"),
        (["--to", "8613900000001", "--callback-url", "ftp://x"], "is not a web address"),
        (
            ["--to", "8613900000001", "--concurrency", "0"],
            "--concurrency must be a whole number from 1 to 64",
        ),
        (
            ["--to", "8613900000001", "--concurrency", "65"],
            "--concurrency must be a whole number from 1 to 64",
        ),
        (["--to", "8613900000001", "--rate", "0"], "--rate must be above 0 and at most 1,000"),
        (["--to", "abc"], "no phone numbers to send to"),
        (["--to", "12"], "no phone numbers to send to"),
        (["--to", "8613900000001", "--text", "Hi {name}"], "names no column"),
        (["--file", "missing.csv"], ""),
    ],
)
def test_bad_input_is_exit_2_and_sends_nothing(
    argv: list[str], fragment: str, env: dict[str, str], sandbox: SandboxServer
) -> None:
    code, out, err = cli(*SEND, *argv, "--yes", env=env)
    assert code == 2
    assert out == ""
    assert fragment in err
    assert len(err.strip().splitlines()) == 1
    assert send_requests(sandbox.ledger()) == []


def test_rows_that_all_are_set_aside_are_exit_2(env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "names.csv"
    path.write_text("phone,name\n+8613900000001,\n", encoding="utf-8")
    code, _, err = cli(*SEND, "--file", str(path), *MERGED, "--yes", env=env)
    assert code == 2
    assert err == "None of the 1 rows can be sent: in 1 a merge field is empty (name).\n"


def test_a_wrong_password_is_exit_3_before_anything_is_sent(
    env: dict[str, str], sandbox: SandboxServer
) -> None:
    code, out, err = cli(
        *SEND, "--to", "8613900000001", "--yes", env={**env, "LIASMART_API_PASSWORD": "nope-nope"}
    )
    assert (code, out) == (3, "")
    assert "did not accept the API ID or password" in err
    assert send_requests(sandbox.ledger()) == []


def test_an_unreachable_provider_is_exit_4(env: dict[str, str]) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code, _, err = cli(
        *SEND,
        "--to",
        "8613900000001",
        "--yes",
        env={**env, "LIASMART_BASE_URL": f"http://127.0.0.1:{port}/api"},
    )
    assert code == 4
    assert "Could not connect to 127.0.0.1" in err


def test_another_sender_holding_the_journal_is_exit_5(env: dict[str, str], sandbox: SandboxServer) -> None:
    Path(env["LIASMART_HOME"]).mkdir(exist_ok=True)
    with SenderLock(Path(env["LIASMART_HOME"]) / "journal.sqlite3"):
        code, _, err = cli(*SEND, "--to", "8613900000001", "--yes", env=env)
        assert code == 5
        assert "Another LiaSmart program" in err
        assert cli_json("campaigns", env=env) == {"campaigns": []}
        stored, _ = make_stored_campaign(env, 2)
        for argv in (("resume",), ("resume", stored), ("resend", stored, "--state", "unknown", "--yes")):
            code, _, err = cli(*argv, env=env)
            assert code == (5 if argv[0] == "resume" else 2), argv
    assert send_requests(sandbox.ledger()) == []


def test_unknown_messages_are_exit_1_and_resend_is_explicit_and_confirmed(
    env: dict[str, str], sandbox: SandboxServer
) -> None:
    sandbox.fault_for_phone("8613900000002", FaultKind.DROP, times=1)
    document = send_numbers(env, "8613900000001", "8613900000002", "8613900000003", expect=1)
    code = document["campaign"]
    assert document["counts"]["unknown"] == 1
    dropped = next(m for m in document["messages"] if m["state"] == "unknown")
    assert dropped["uid"] == f"{code}-2-1"  # pasted numbers are rows 1, 2, 3
    # The human summary says how to send them again, and resume does not.
    status, out, _ = cli("report", code, env=env)
    assert status == 0
    assert "1 unknown" in out
    assert cli_json("resume", env=env) == {"campaign": None, "counts": {}, "messages": []}
    assert len(send_requests(sandbox.ledger())) == 3

    status, out, err = cli("resend", code, "--state", "unknown", env=env)
    assert (status, out) == (2, "")
    assert "1 unknown message(s)" in err
    assert "may already have been delivered" in err
    assert len(send_requests(sandbox.ledger())) == 3  # nothing without the confirmation

    status, out, err = cli("resend", code, "--state", "unknown", env=env, stdin=Tty("y\n"))
    assert status == 0, err
    assert "Send these 1 messages again? [y/N]" in err
    again = send_requests(sandbox.ledger())[-1]
    assert (again["uid"], again["phonenumber"], again["processed"]) == (f"{code}-2-2", "8613900000002", True)
    final = cli_json("report", code, env=env)
    resent = next(m for m in final["messages"] if m["row"] == 2)
    assert (resent["state"], resent["attempt"], resent["uid"]) == ("accepted", 2, f"{code}-2-2")
    check_against_ledger(final["messages"], sandbox.ledger(), campaign=code, resent=frozenset({f"{code}-2"}))
    # Nothing left to resend: one sentence, exit 2.
    status, _, err = cli("resend", code, "--state", "unknown", "--yes", env=env)
    assert status == 2
    assert "no unknown messages to send again" in err


def test_resend_rejected_with_yes(env: dict[str, str], sandbox: SandboxServer) -> None:
    sandbox.fault_for_phone("8613900000001", FaultKind.STATUS_F, times=1)
    document = send_numbers(env, "8613900000001")
    assert document["messages"][0]["state"] == "rejected"
    assert document["messages"][0]["remarks"] == "Invalid Mobile Number"
    code, _, err = cli("resend", document["campaign"], "--state", "rejected", "--yes", "--json", env=env)
    assert code == 0
    assert "refused them before" in err
    assert send_requests(sandbox.ledger())[-1]["uid"] == f"{document['campaign']}-1-2"


def test_an_account_refusal_pauses_with_the_rest_pending_then_resume_finishes(
    env: dict[str, str], sandbox: SandboxServer
) -> None:
    numbers = [f"86139000000{i:02d}" for i in range(1, 7)]
    sandbox.fault_for_phone(numbers[2], FaultKind.REFUSE, times=1)
    document = send_numbers(env, *numbers, extra=("--concurrency", "1", "--rate", "1000"), expect=3)
    assert document["status"] == "paused"
    assert (document["counts"]["accepted"], document["counts"]["pending"]) == (2, 4)
    refused = next(m for m in document["messages"] if m["phone"] == numbers[2])
    assert (refused["state"], refused["remarks"]) == ("pending", "IP not Whitelisted")
    code, _, err = cli("resume", document["campaign"], env=env)
    assert code == 0, err
    final = cli_json("report", env=env)
    assert final["counts"]["accepted"] == 6
    check_against_ledger(final["messages"], sandbox.ledger(), campaign=document["campaign"])
    # Human output of a paused run explains the stop.
    sandbox.fault_for_phone("8613900000099", FaultKind.REFUSE, times=1)
    code, out, err = cli(*SEND, "--to", "8613900000099", "--yes", env=env)
    assert code == 3
    assert "LiaSmart refused the account, so nothing more was sent." in err
    assert "LiaSmart refused this computer's IP address" in err
    assert "paused — 1 not sent yet" in out


# ---------------------------------------------------------------------------------------- resume


def test_resume_after_a_crash_reports_in_flight_messages_unknown_and_does_not_resend(
    env: dict[str, str], sandbox: SandboxServer
) -> None:
    code, pks = make_stored_campaign(env, 5, base_url=sandbox.base_url)
    journal = open_journal(env)
    journal.claims(journal.campaign(code)).advance([], 2, time.time())  # the "crash": never answered
    journal.close()
    document = cli_json("resume", env=env, expect=1)
    assert document["campaign"] == code
    assert (document["counts"]["unknown"], document["counts"]["accepted"]) == (2, 3)
    assert {m["phone"] for m in document["messages"] if m["state"] == "unknown"} == {
        "8613900000100",
        "8613900000101",
    }
    assert len(send_requests(sandbox.ledger())) == 3
    status, out, _err = cli("resume", code, env=env)  # nothing open: finishes at once
    assert status == 1
    assert "3 accepted, 2 unknown" in out
    assert "liasmart resend" in out
    assert pks


def test_resume_with_nothing_to_do(env: dict[str, str]) -> None:
    assert cli("resume", env=env)[:2] == (0, "Nothing to resume: every campaign is finished.\n")
    code, _ = make_stored_campaign(env, 2)
    journal = open_journal(env)
    journal.claims(journal.campaign(code)).advance([], 2, time.time())
    journal.close()
    status, out, err = cli("resume", env=env)
    assert status == 1  # finished, with unknown messages
    assert "2 message(s) were being sent when the previous run stopped" in err
    assert "finished — 2 unknown" in out
    assert cli("resume", env=env)[:2] == (0, "Nothing to resume: every campaign is finished.\n")


def test_resume_of_a_builtin_sandbox_campaign_starts_a_new_simulator(isolated_env: Path) -> None:
    env = {"LIASMART_HOME": str(isolated_env)}
    code, _ = make_stored_campaign(env, 3, sandbox=True, base_url="http://127.0.0.1:1/api")
    journal = open_journal(env)
    journal.set_status(journal.campaign(code).id, CampaignStatus.PAUSED)
    journal.close()
    document = cli_json("resume", code, env=env)
    assert document["counts"]["accepted"] == 3
    status, _, err = cli("refresh", code, env=env)
    assert status == 2
    assert "went to a sandbox that has stopped since" in err


def test_a_cancelled_campaign_cannot_be_resumed(env: dict[str, str]) -> None:
    code, _ = make_stored_campaign(env, 2)
    journal = open_journal(env)
    campaign = journal.campaign(code)
    journal.cancel_pending(campaign.id)
    journal.set_status(campaign.id, CampaignStatus.CANCELLED)
    journal.close()
    status, _, err = cli("resume", code, env=env)
    assert status == 2
    assert "was cancelled" in err


def test_resume_releases_messages_a_paused_run_left_waiting(
    env: dict[str, str], sandbox: SandboxServer
) -> None:
    code, pks = make_stored_campaign(env, 2, base_url=sandbox.base_url)
    journal = open_journal(env)
    campaign = journal.campaign(code)
    claims = journal.claims(campaign)
    claimed = claims.advance([], 1, time.time())
    far = time.time() + 600  # a capped Retry-After paused it
    claims.advance(
        [Transition(claimed[0].pk, MessageState.RETRY_WAIT, "rate_limited", retries=1, not_before=far)],
        0,
        time.time(),
    )
    journal.set_status(campaign.id, CampaignStatus.PAUSED)
    journal.close()
    started = time.monotonic()
    document = cli_json("resume", code, env=env)
    assert document["counts"]["accepted"] == 2
    assert time.monotonic() - started < 30  # not 600 s
    assert pks


# ---------------------------------------------------------------------------------------- results


def test_report_json_includes_set_aside_rows(env: dict[str, str], recipients: Path) -> None:
    sent = cli_json(*SEND, "--file", str(recipients), *MERGED, "--yes", env=env)
    report = cli_json("report", env=env)
    assert report["campaign"] == sent["campaign"]
    assert report["counts"] == sent["counts"]
    assert [m["row"] for m in report["messages"]] == [2, 3, 4, 8]
    aside = {s["row"]: s for s in report["set_aside"]}
    assert set(aside) == {5, 6, 7}
    assert aside[5]["status"] == "invalid"
    assert aside[6]["status"] == "duplicate"
    assert aside[7]["status"] == "missing_value"
    assert "merge field has no value" in aside[7]["reason"]


def test_report_xlsx_keeps_numbers_as_text_and_never_writes_a_formula(
    env: dict[str, str], recipients: Path, tmp_path: Path
) -> None:
    cli_json(*SEND, "--file", str(recipients), "--text", "Hello {name} {note}", "--yes", env=env)
    path = tmp_path / "report.xlsx"
    code, out, _ = cli("report", "--xlsx", str(path), env=env)
    assert code == 0
    assert "Wrote 7 row(s)" in out
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    rows = list(sheet.iter_rows())
    header = [cell.value for cell in rows[0]]
    assert header[:4] == ["row", "phone", "name", "note"]
    assert {"result_phone", "state", "reason", "message_id", "parts", "sent_at", "finished_at"} <= set(header)
    assert all(cell.data_type != "f" for row in rows for cell in row)
    column = {name: index for index, name in enumerate(header)}
    by_row = {int(str(row[0].value)): row for row in rows[1:]}
    assert sorted(by_row) == [2, 3, 4, 5, 6, 7, 8]
    first = by_row[2]
    assert (first[column["note"]].value, first[column["note"]].data_type) == ("=1+1", "s")
    for name in ("result_phone", "message_id"):
        cell = first[column[name]]
        assert cell.data_type == "s"
        assert cell.number_format == "@"
        assert str(cell.value).isdigit()
    assert first[column["state"]].value == "accepted"
    assert first[column["parts"]].value == 1
    assert first[column["sent_at"]].value
    assert first[column["finished_at"]].value
    assert by_row[5][column["state"]].value == "invalid"
    assert by_row[5][column["note"]].value == "@home"


def test_report_csv_neutralises_formula_cells_and_keeps_every_column(
    env: dict[str, str], tmp_path: Path
) -> None:
    journal = open_journal(env)
    notes = ['=HYPERLINK("x")', "+1", "-1", "@SUM(1)", "\tTab", "\rReturn", "plain"]
    campaign = journal.create_campaign(
        CampaignSpec("Hi {name}", "LIASMART", "P", columns=("phone", "name", "note"), source_name="l.csv"),
        [
            NewMessage(
                i + 2,
                f"86139000002{i:02d}",
                "Hi",
                "T",
                1,
                {"phone": f"+86139000002{i:02d}", "name": "N", "note": note},
            )
            for i, note in enumerate(notes)
        ],
        [
            SetAsideRow(
                20,
                "12",
                SetAsideStatus.INVALID,
                "too_short",
                {"digits": 2},
                None,
                {"phone": "12", "name": "=cmd", "note": "x"},
            )
        ],
    )
    journal.close()
    path = tmp_path / "report.csv"
    code, _, _ = cli("report", campaign.code, "--csv", str(path), env=env)
    assert code == 0
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    header = rows[0]
    assert header[:4] == ["row", "phone", "name", "note"]
    note = header.index("note")
    assert [r[note] for r in rows[1:8]] == ["'" + n if n != "plain" else n for n in notes]
    assert rows[1][header.index("phone")] == "'+8613900000200"
    assert rows[8][0] == "20"
    assert rows[8][header.index("name")] == "'=cmd"
    assert rows[8][header.index("state")] == "invalid"
    status, _, err = cli("report", "--csv", str(tmp_path / "missing" / "r.csv"), env=env)
    assert status == 2
    assert "Cannot write" in err


def test_report_and_campaigns_human_output(env: dict[str, str], recipients: Path) -> None:
    assert cli("campaigns", env=env)[:2] == (0, "No campaigns yet.\n")
    assert cli("report", env=env)[0] == 2  # no campaigns yet
    sent = cli_json(*SEND, "--file", str(recipients), *MERGED, "--yes", env=env)
    code, out, _ = cli("report", env=env)
    assert code == 0
    lines = out.splitlines()
    today = datetime.now().astimezone().strftime("%Y-%m-%d")
    assert lines[0].startswith(f"{sent['campaign']} “list.csv {today}”  ")
    assert f"finished [{API_ID}]: 4 accepted" in lines[0]
    assert lines[1].startswith("  row 5      set aside:")
    code, out, _ = cli("campaigns", env=env)
    assert out.startswith(sent["campaign"])
    listed = cli_json("campaigns", env=env)["campaigns"]
    assert [c["campaign"] for c in listed] == [sent["campaign"]]
    assert listed[0]["counts"]["accepted"] == 4
    assert (listed[0]["set_aside"], listed[0]["source"], listed[0]["sandbox"]) == (3, "list.csv", False)
    assert (listed[0]["api_id"], listed[0]["name"]) == (API_ID, f"list.csv {today}")
    assert cli("report", "nope", env=env)[0] == 2


def test_refresh_records_delivery_statuses(env: dict[str, str], sandbox: SandboxServer) -> None:
    sent = send_numbers(env, "8613900000001", "8613900000002")
    first = cli_json("refresh", env=env)
    assert first["campaign"] == sent["campaign"]
    assert first["checked"] == 2
    time.sleep(0.35)  # the sandbox's delivery delay
    second = cli_json("refresh", sent["campaign"], env=env)
    assert second["delivered"] + first["delivered"] == 2
    assert cli_json("refresh", env=env)["checked"] == 0  # final statuses are not asked again
    report = cli_json("report", env=env)
    assert {m["delivery_status"] for m in report["messages"]} == {"Delivered"}
    queries = [e for e in sandbox.ledger() if e["endpoint"] == "GetDeliveryStatus"]
    assert {e["message_id"] for e in queries} == {m["message_id"] for m in sent["messages"]}


def test_refresh_human_output_with_an_id_the_provider_does_not_know(
    env: dict[str, str], sandbox: SandboxServer
) -> None:
    code, pks = make_stored_campaign(env, 1, base_url=sandbox.base_url)
    journal = open_journal(env)
    claims = journal.claims(journal.campaign(code))
    claimed = claims.advance([], 1, time.time())
    claims.advance([Transition(claimed[0].pk, MessageState.ACCEPTED, "ok", message_id="999")], 0, time.time())
    journal.close()
    status, out, _ = cli("refresh", env=env)
    assert status == 0
    assert (
        out
        == f"Campaign {code}: checked 0 — 0 delivered, 0 failed, 0 still pending, 1 unknown to LiaSmart.\n"
    )
    assert pks


# ---------------------------------------------------------------------------------------- secrets


def test_the_password_never_appears_anywhere_and_logs_mask_numbers(
    env: dict[str, str], sandbox: SandboxServer, recipients: Path, tmp_path: Path
) -> None:
    reader = open_journal(env)  # an open reader keeps the WAL file in place, so it is searched too
    outputs = []
    outputs.append(cli(*SEND, "--file", str(recipients), *MERGED, "--yes", "--debug", env=env))
    sandbox.fault_for_phone("8613900000099", FaultKind.DROP, times=1)
    outputs.append(cli(*SEND, "--to", "8613900000099", "--yes", "--debug", "--json", env=env))
    outputs.append(
        cli(
            "resend",
            "--state",
            "unknown",
            "--yes",
            "--debug",
            cli_json("report", env=env)["campaign"],
            env=env,
        )
    )
    outputs.append(cli("refresh", "--debug", env=env))
    outputs.append(cli("report", "--xlsx", str(tmp_path / "r.xlsx"), "--debug", env=env))
    outputs.append(cli("report", "--csv", str(tmp_path / "r.csv"), "--debug", env=env))
    outputs.append(cli("balance", "--debug", env={**env, "LIASMART_API_PASSWORD": PASSWORD + "-wrong"}))
    assert [o[0] for o in outputs] == [0, 1, 0, 0, 0, 0, 3]
    assert "Traceback" in outputs[-1][2]  # --debug did show details
    for _, out, err in outputs:
        assert PASSWORD not in out
        assert PASSWORD not in err
    home = Path(env["LIASMART_HOME"])
    files = [
        p
        for p in [*home.rglob("*"), tmp_path / "r.xlsx", tmp_path / "r.csv", tmp_path / "ledger.jsonl"]
        if p.is_file()
    ]
    names = {p.name for p in files}
    assert {"journal.sqlite3", "journal.sqlite3-wal", "liasmart.log", "r.xlsx", "r.csv"} <= names
    for path in files:
        data = path.read_bytes()
        assert PASSWORD.encode() not in data, path
        assert PASSWORD.encode("utf-16-le") not in data, path
    reader.close()
    log = (home / "logs" / "liasmart.log").read_text(encoding="utf-8")
    assert "**********001" in log  # the engine's debug lines name numbers masked
    for number in [*SENT_ROWS.values(), "8613900000099"]:
        assert number not in log


# ---------------------------------------------------------------------------------------- helpers and wording


def _result(stop: StopReason | None = None, **counts: int) -> RunResult:
    status = CampaignStatus.FINISHED if stop is None else CampaignStatus.PAUSED
    return RunResult(status, {MessageState(k): v for k, v in counts.items()}, Stop(stop) if stop else None)


@pytest.mark.parametrize(
    ("result", "code"),
    [
        (_result(accepted=3, rejected=1), ExitCode.OK),
        (_result(), ExitCode.OK),
        (_result(accepted=3, unknown=1), ExitCode.UNFINISHED),
        (_result(StopReason.TOO_MANY_UNKNOWN, accepted=1, pending=4), ExitCode.UNFINISHED),
        (_result(StopReason.USER_PAUSE, pending=4), ExitCode.UNFINISHED),
        (_result(StopReason.ACCOUNT_REFUSED, pending=4), ExitCode.REFUSED),
        (_result(StopReason.NETWORK_DOWN, retry_wait=4), ExitCode.UNREACHABLE),
        (_result(StopReason.JOURNAL_FAILED, pending=4, in_flight=2), ExitCode.USAGE),  # a full disk
        (_result(StopReason.JOURNAL_GONE, pending=4), ExitCode.USAGE),
    ],
)
def test_exit_codes_follow_the_contract(result: RunResult, code: ExitCode) -> None:
    assert exit_code(result) is code


@pytest.mark.parametrize("signum", list(STOP_SIGNALS), ids=lambda n: signal.Signals(n).name)
def test_a_stop_signal_stops_the_run_cleanly_and_restores_the_handlers(signum: int) -> None:
    control = SendControl()
    before = {n: signal.getsignal(n) for n in STOP_SIGNALS}
    assert Interruption().exit_code is None
    with signals_stop(control) as interruption:
        signal.raise_signal(signum)
        signal.raise_signal(signal.SIGINT)  # a second signal does not change how the run ends
    assert control.stopped
    assert interruption.signum == signum
    assert interruption.exit_code == 128 + signum
    assert {n: signal.getsignal(n) for n in STOP_SIGNALS} == before
    # Off the main thread no handler can be installed; the run goes on without one.
    outcome: list[bool] = []

    def worker() -> None:
        with signals_stop(SendControl()):
            outcome.append(True)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert outcome == [True]


def test_the_progress_line_is_thinned_and_ends_with_a_newline(env: dict[str, str]) -> None:
    stderr = Tty()
    ctx = CliContext(build_parser().parse_args(["resume"]), env=env, stderr=stderr)
    line = ProgressLine(ctx)
    assert line.enabled
    counts = dict.fromkeys(MessageState, 0) | {MessageState.ACCEPTED: 4, MessageState.PENDING: 6}
    progress = Progress(1, counts, [], in_flight=0, paused=False, rate_per_s=100.0, target_rate_per_s=100.0)
    line(progress)
    line(progress)  # within half a second: not drawn again
    done = counts | {MessageState.ACCEPTED: 10, MessageState.PENDING: 0}
    line(
        Progress(1, done, [], in_flight=0, paused=False, rate_per_s=100.0, target_rate_per_s=100.0, done=True)
    )
    text = stderr.getvalue()
    assert text.count("\r") == 2
    assert text.startswith("\r4/10 done · accepted 4")
    assert text.endswith("msg/s (pace 100/s)\n")
    ctx_json = CliContext(build_parser().parse_args(["resume", "--json"]), env=env, stderr=Tty())
    assert not ProgressLine(ctx_json).enabled


def test_the_progress_line_shows_the_pace_a_429_slowed_to(env: dict[str, str]) -> None:
    stderr = Tty()
    line = ProgressLine(CliContext(build_parser().parse_args(["resume"]), env=env, stderr=stderr))
    counts = dict.fromkeys(MessageState, 0) | {MessageState.ACCEPTED: 4, MessageState.PENDING: 6}
    line(Progress(1, counts, [], in_flight=2, paused=False, rate_per_s=2.5, target_rate_per_s=20.0))
    assert stderr.getvalue().endswith("msg/s (pace 2.5/s of 20: LiaSmart asked to slow down)")


def test_the_progress_line_says_until_when_quiet_hours_hold_the_send(env: dict[str, str]) -> None:
    stderr = Tty()
    line = ProgressLine(CliContext(build_parser().parse_args(["resume"]), env=env, stderr=stderr))
    counts = dict.fromkeys(MessageState, 0) | {MessageState.PENDING: 6}
    until = datetime(2026, 1, 11, 7, 0, tzinfo=UTC)
    line(Progress(1, counts, [], 0, False, rate_per_s=2.5, target_rate_per_s=20.0, held_until=until))
    assert stderr.getvalue().endswith(f"(quiet hours: nothing leaves before {zoned_text(until)})")


class GoneTerminal(Tty):
    """A terminal closed under the program (SIGHUP): every write fails."""

    def write(self, _text: str) -> int:
        raise OSError(5, "Input/output error")


def test_a_closed_terminal_ends_the_progress_line_not_the_send(env: dict[str, str]) -> None:
    line = ProgressLine(CliContext(build_parser().parse_args(["resume"]), env=env, stderr=GoneTerminal()))
    counts = dict.fromkeys(MessageState, 0) | {MessageState.PENDING: 6}
    line(Progress(1, counts, [], in_flight=2, paused=False, rate_per_s=20.0, target_rate_per_s=20.0))
    assert not line.enabled
    line(
        Progress(1, counts, [], in_flight=2, paused=False, rate_per_s=20.0, target_rate_per_s=20.0, done=True)
    )


def test_the_results_of_a_run_a_hangup_stopped_are_kept_when_the_terminal_is_gone(
    env: dict[str, str], isolated_env: Path
) -> None:
    _, stored = make_stored_campaign(env, 2)
    assert stored
    service = CampaignService(isolated_env / "journal.sqlite3")
    campaign = service.overview().campaign
    report = RunReport(campaign, _result(StopReason.USER_PAUSE, pending=2))
    ctx = CliContext(
        build_parser().parse_args(["resume"]), env=env, stdout=GoneTerminal(), stderr=GoneTerminal()
    )
    assert finish(ctx, service, report, Interruption(signal.SIGHUP)) == int(ExitCode.HANGUP) == 128 + 1
    with pytest.raises(OSError, match="Input/output error"):  # without a signal, a failing terminal is news
        finish(ctx, service, report)


def test_every_stop_reason_and_state_has_words() -> None:
    for reason in StopReason:
        sentence = describe_stop(Stop(reason), "abc123")
        assert sentence.endswith(".")
        assert "{" not in sentence
    assert "no detail" in describe_stop(Stop(StopReason.JOURNAL_FAILED), "abc123")
    network = describe_stop(Stop(StopReason.NETWORK_DOWN, Reason.CONNECT_FAILED, "refused"), "abc123")
    assert "liasmart resume abc123" in network
    assert network.endswith(
        "Could not connect to the server; check the internet connection and the base URL."
    )
    waited = describe_stop(Stop(StopReason.RATE_LIMITED_LONG, Reason.RATE_LIMITED, wait_s=300.0), "abc123")
    assert "to wait 300 seconds" in waited
    rejected = describe_stop(Stop(StopReason.MOSTLY_REJECTED, Reason.REMARKS, "Sender ID not approved"), "x")
    assert rejected.endswith("LiaSmart said no: Sender ID not approved.")
    assert {state_word(state) for state in MessageState} >= {"accepted", "unknown", "not sent yet"}


def _record(state: MessageState, reason: str = "", remarks: str = "") -> MessageRecord:
    return MessageRecord(
        pk=1, campaign_id=1, row=2, phone="8613900000001", fields={}, text="Hi", encoding="T", segments=1,
        state=state, attempt=1, uid=None, message_id=None, remarks=remarks, reason=reason, http_status=None,
        created_at="", sent_at=None, finished_at=None, dlr_status="", dlr_state="", dlr_error="",
        dlr_checked_at=None,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("record", "sentence"),
    [
        (_record(MessageState.ACCEPTED), "Accepted by LiaSmart."),
        (_record(MessageState.REJECTED), "Rejected by LiaSmart: no reason given."),
        (
            _record(MessageState.UNKNOWN, "interrupted"),
            "The program stopped while this message was being sent",
        ),
        (_record(MessageState.UNKNOWN, "read_timeout"), "LiaSmart did not answer in time"),
        (_record(MessageState.UNKNOWN, "not_json"), "No clear answer from LiaSmart (not_json)"),
        (_record(MessageState.CANCELLED, "cancelled"), "Cancelled before it was sent."),
        (
            _record(MessageState.PENDING, "ip_not_allowed", "IP not Whitelisted"),
            "Not sent yet (IP not Whitelisted).",
        ),
        (_record(MessageState.RETRY_WAIT, "connect_failed"), "Not sent yet (connect_failed)."),
        (_record(MessageState.PENDING), "Not sent yet."),
    ],
)
def test_every_message_state_is_explained(record: MessageRecord, sentence: str) -> None:
    assert describe_record(record).startswith(sentence)


def test_set_aside_rows_are_explained() -> None:
    blocked = SetAsideRow(
        4, "+86139", SetAsideStatus.BLOCKED_TEXT, "bidi_control", {"problems": ["bidi_control"]}, None, {}
    )
    assert "cannot be sent as it is (a hidden text-direction mark)" in describe_record(blocked)
    missing = SetAsideRow(
        5, "+86139", SetAsideStatus.MISSING_VALUE, "empty_field", {"fields": ["name", "city"]}, None, {}
    )
    assert "(name, city)" in describe_record(missing)
    duplicate = SetAsideRow(6, "+86139", SetAsideStatus.DUPLICATE, "duplicate", {"first_row": 2}, 2, {})
    assert "2" in describe_record(duplicate)
