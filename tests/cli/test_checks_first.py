"""Every check before any change: a command that exits 2 has changed nothing (issue 11, ../shared/cli.md).

Not the journal (no message requeued, no journal created by a command that only reads), not the data
folder (none is made for a command that refuses or only reads); and the sentence says what is wrong.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from liasmart_desktop.sandbox import FaultKind, SandboxServer
from tests.helpers.cli_runs import cli, running_sandbox, sandbox_env
from tests.helpers.ledger_checks import send_requests

PASSWORD = "CANARY-checks-first-8e1d"
SEND = ["send", "--sender-id", "LIASMART", "--type", "T", "--yes"]


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with running_sandbox(PASSWORD) as server:
        yield server


@pytest.fixture
def env(sandbox: SandboxServer, isolated_env: Path) -> dict[str, str]:
    return sandbox_env(sandbox, PASSWORD, str(isolated_env))


def journal_rows(home: Path) -> list[tuple[Any, ...]]:
    """Every message and event as stored (what a refused command must leave as it was)."""
    with sqlite3.connect(home / "journal.sqlite3") as conn:
        return [
            *conn.execute("SELECT id, state, attempt, uid, message_id, reason FROM messages ORDER BY id"),
            *conn.execute("SELECT id, kind, data FROM events ORDER BY id"),
            *conn.execute("SELECT id, status, stop_reason FROM campaigns"),
        ]


def test_a_resend_or_resume_with_a_bad_option_changes_nothing(
    env: dict[str, str], sandbox: SandboxServer, isolated_env: Path
) -> None:
    """Issue 11: ``resend C --state unknown --yes --concurrency 0`` requeued the unknown messages and
    cleared their uids, then died with exit 70; the next plain ``resume`` sent them again unasked."""
    sandbox.fault_for_phone("8613900000002", FaultKind.DROP, times=1)
    code, out, err = cli(*SEND, "--to", "+8613900000001,+8613900000002", "--text", "Hi", "--json", env=env)
    assert code == 1, err
    campaign = json.loads(out)["campaign"]
    before = journal_rows(isolated_env)
    requests = len(send_requests(sandbox.ledger()))
    for argv, sentence in (
        (["resend", campaign, "--state", "unknown", "--yes", "--concurrency", "0"], "--concurrency must be"),
        (["resend", campaign, "--state", "unknown", "--yes", "--rate", "5000"], "--rate must be"),
        (["resend", campaign, "--state", "unknown", "--yes", "--rate", "nan"], "--rate must be"),
        (["resume", campaign, "--concurrency", "0"], "--concurrency must be"),
        (["resume", "--rate", "0"], "--rate must be"),
    ):
        code, out, err = cli(*argv, env=env)
        assert (code, out) == (2, ""), argv
        assert err.startswith(sentence)
        assert len(err.splitlines()) == 1
        assert journal_rows(isolated_env) == before, argv
    code, out, _ = cli("resume", env=env)
    assert (code, out) == (0, "Nothing to resume: every campaign is finished.\n")
    assert len(send_requests(sandbox.ledger())) == requests  # the unknown message was not sent again


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            [*SEND, "--to", "+8613900000001", "--text", "Hi", "--concurrency", "0"],
            (2, "--concurrency must be"),
        ),
        (
            [*SEND, "--to", "+8613900000001", "--text", "Hi", "--sender-id", "LIA SMART!"],
            (2, "The sender ID"),
        ),
        ([*SEND, "--to", "+8613900000001", "--text", ""], (2, "The message text is empty")),
        (["resend", "abc123", "--state", "unknown", "--yes"], (2, "The journal has no campaigns yet")),
        (["resume", "abc123"], (2, "The journal has no campaigns yet")),
        (["report", "--json"], (2, "The journal has no campaigns yet")),
        (["import", "no-such-list.csv"], (2, "The file no-such-list.csv does not exist")),
        (["campaigns"], (0, "")),
        (["resume"], (0, "")),
        (["analyze", "Hello"], (0, "")),
        (["optout", "list"], (0, "")),
        (["optout", "remove", "+8613900000001"], (0, "")),
        (["templates", "list"], (0, "")),
        (["templates", "rename", "Welcome", "Hello"], (2, "There is no template")),
        (["templates", "delete", "Welcome"], (2, "There is no template")),
        (["reschedule", "abc123", "--at", "2099-01-01 09:00"], (2, "The journal has no campaigns yet")),
        (["cancel", "abc123", "--yes"], (2, "The journal has no campaigns yet")),
        (
            [*SEND, "--sandbox", "--to", "+8613900000001", "--text", "Hi", "--daily-limit", "0"],
            (2, "--daily-limit"),
        ),
        (  # two parts, one allowed: the spend guard refuses
            [*SEND, "--sandbox", "--to", "+8613900000001", "--text", "x" * 161, "--daily-limit", "1"],
            (6, "Nothing was sent"),
        ),
        (
            [
                *SEND,
                "--sandbox",
                "--text",
                "x" * 161,
                "--daily-limit",
                "1",
                "--at",
                "2099-01-01 09:00",
                "--to",
                "+8613900000001",
            ],
            (6, "Nothing was sent"),
        ),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else "",
)
def test_a_command_that_refuses_or_only_reads_leaves_no_data_folder(
    env: dict[str, str], isolated_env: Path, argv: list[str], expected: tuple[int, str]
) -> None:
    """The data folder was made (and the journal created) before any option was checked."""
    code, _, err = cli(*argv, env=env)
    assert code == expected[0], err
    assert err.startswith(expected[1])
    assert not isolated_env.exists()


def test_a_data_folder_that_is_a_file_is_one_sentence(env: dict[str, str], isolated_env: Path) -> None:
    isolated_env.write_text("not a folder", encoding="utf-8")
    for argv in (["campaigns"], [*SEND, "--sandbox", "--to", "+8613900000001", "--text", "Hi"]):
        code, out, err = cli(*argv, env=env)
        assert (code, out) == (2, "")
        assert err == (
            f"The data folder {isolated_env} cannot be used (Not a directory); choose another one with "
            "--home or LIASMART_HOME.\n"
        )


def test_an_emptied_journal_is_said_and_kept_aside(env: dict[str, str], isolated_env: Path) -> None:
    """Issue 11: a journal truncated to 0 bytes silently became a new one; the history was gone unsaid."""
    code, _, err = cli(*SEND, "--sandbox", "--to", "+8613900000001", "--text", "Hi", env=env)
    assert code == 0, err
    journal = isolated_env / "journal.sqlite3"
    journal.write_bytes(b"")
    code, out, err = cli("campaigns", env=env)
    assert (code, out) == (2, "")
    [kept] = isolated_env.glob("journal.sqlite3.empty-*")
    assert err == (
        f"The journal {journal} was empty (0 bytes), so the history of earlier campaigns is gone from it; it "
        f"was moved to {kept} and nothing was sent. Restore the journal from a backup, or run the command "
        "again to start a new one.\n"
    )
    assert cli("campaigns", env=env)[:2] == (0, "No campaigns yet.\n")


CHANGE_IT = "change the text (--text) or the values it takes from the list."


@pytest.mark.parametrize(
    ("text", "rows", "sentence"),
    [
        ("   ", None, "The message text is empty; write the message with --text."),
        ("\u200b", None, f"No message can be sent as it is (it holds only spaces); {CHANGE_IT}"),
        (
            "{name}\u0007",
            ["+8613900000001,Ann", "+8613900000002,Bob"],
            f"No message can be sent as it is (a control character); {CHANGE_IT}",
        ),
        (
            "Hi {name}",
            ["+8613900000001,", "+8613900000002,\u202eBob", "12,Carl"],
            (
                "None of the 3 rows can be sent: 1 were set aside when the list was read (`liasmart import` "
                "shows why); in 1 a merge field is empty (name); in 1 the message cannot be sent as it is (a "
                "hidden text-direction mark)."
            ),
        ),
    ],
    ids=["blank", "invisible", "control", "mixed"],
)
def test_nothing_to_send_says_why(
    env: dict[str, str], tmp_path: Path, text: str, rows: list[str] | None, sentence: str
) -> None:
    """Issue 11: an empty --text said "None of the 1 rows can be sent … `liasmart import` shows why"."""
    if rows is None:
        source = ["--to", "+8613900000001"]
    else:
        path = tmp_path / "list.csv"
        path.write_text("\n".join(["phone,name", *rows]) + "\n", encoding="utf-8")
        source = ["--file", str(path)]
    code, out, err = cli(*SEND, "--sandbox", *source, "--text", text, env=env)
    assert (code, out) == (2, "")
    assert err == sentence + "\n"
