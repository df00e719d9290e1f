"""Stopping and failing safely, with ``liasmart`` in processes of its own (issue 11, ../shared/cli.md).

- Ctrl-C, SIGTERM and SIGHUP during a send drain it: nothing more is claimed, the requests in flight
  are answered and recorded (none is left unknown), the exit code is 130, 143 or 129, and a resume
  finishes the campaign without sending any number twice (checked against the sandbox's ledger).
- A data folder that cannot be written (read-only, full, a lock path that is a folder) is exit 2 with
  one sentence and no traceback, the log's own ("--- Logging error ---") included.
- A journal deleted while sending stops the send; what it held is saved and said where.
- A tiny rate sends its message and ends.
"""

from __future__ import annotations

import ctypes
import json
import os
import resource
import signal
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from liasmart_desktop.core.sending.journal import Journal
from tests.helpers.cli_processes import (
    Sandbox,
    finish,
    run,
    sandbox_process,
    send_argv,
    sender_env,
    start,
    write_list,
)
from tests.helpers.ledger_checks import check_against_ledger, read_ledger_file

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals"),
]

PASSWORD = "CANARY-stopping-test-93d2"
MESSAGES = 160
CONCURRENCY = 16
PACING = ["--concurrency", str(CONCURRENCY), "--rate", "1000"]
#: Long enough that a signal always finds requests in flight.
LATENCY_MS = "250"


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[Sandbox]:
    with sandbox_process(tmp_path, "--latency-ms", LATENCY_MS) as server:
        yield server


def _messages(home: Path) -> tuple[str, list[object]]:
    with Journal.open(home / "journal.sqlite3", create=False) as journal:
        [campaign] = journal.campaigns()
        return campaign.code, list(journal.messages(campaign.id))


@pytest.mark.parametrize(
    ("signum", "code"),
    [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGHUP, 129)],
    ids=["ctrl-c", "sigterm", "sighup"],
)
def test_a_stop_signal_drains_the_send_and_a_resume_finishes_it(
    sandbox: Sandbox, tmp_path: Path, signum: int, code: int
) -> None:
    """Issue 11: SIGTERM and SIGHUP left all 16 requests in flight unknown; Ctrl-C exited 1."""
    home = tmp_path / "home"
    env = sender_env(sandbox, home, PASSWORD)
    csv_path = write_list(tmp_path / "list.csv", MESSAGES)
    sender = start(send_argv(csv_path, *PACING), env)
    assert sandbox.wait_for_sends(sender, 2 * CONCURRENCY)
    sender.send_signal(signum)
    exit_code, out, err = finish(sender)
    assert exit_code == code, err
    assert "Stopped on request" in err
    assert "Traceback" not in err
    stopped = json.loads(out)
    counts = stopped["counts"]
    assert counts["unknown"] == counts["in_flight"] == 0  # every request in flight was answered and kept
    assert 0 < counts["accepted"] < MESSAGES
    campaign, messages = _messages(home)
    check_against_ledger(messages, read_ledger_file(sandbox.ledger), campaign=campaign)

    resumed, out, err = run(["resume", *PACING, "--json"], env)
    assert resumed == 0, err
    assert json.loads(out)["counts"]["accepted"] == MESSAGES
    _, messages = _messages(home)
    final = check_against_ledger(messages, read_ledger_file(sandbox.ledger), campaign=campaign)
    assert final == {"accepted": MESSAGES}  # no number received twice, none lost


def test_a_journal_deleted_while_sending_stops_the_send_and_is_saved(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    """Issue 11: it went unnoticed until the end, and what was sent after it was recorded nowhere."""
    home = tmp_path / "home"
    env = sender_env(sandbox, home, PASSWORD)
    sender = start(send_argv(write_list(tmp_path / "list.csv", MESSAGES), *PACING), env)
    assert sandbox.wait_for_sends(sender, CONCURRENCY)
    (home / "journal.sqlite3").unlink()
    exit_code, out, err = finish(sender)
    assert exit_code == 2, err
    [kept] = home.glob("journal.sqlite3.recovered-*")
    assert f"saved as {kept}" in err
    assert "Traceback" not in err
    document = json.loads(out)  # the results, read from the copy
    assert 0 < document["counts"]["accepted"] < MESSAGES
    assert document["counts"]["in_flight"] == 0
    with Journal.open(kept, create=False) as copy:
        [campaign] = copy.campaigns()
        messages = list(copy.messages(campaign.id))
    assert [m.state.value for m in messages] == [m["state"] for m in document["messages"]]
    counts = check_against_ledger(messages, read_ledger_file(sandbox.ledger), campaign=campaign.code)
    assert counts["accepted"] == document["counts"]["accepted"]


def test_a_tiny_rate_sends_its_message_and_ends(tmp_path: Path) -> None:
    """Issue 11: ``--rate 1e-9`` sent its one message and then waited 1/rate seconds (31 years)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LIASMART_")}
    env["LIASMART_HOME"] = str(tmp_path / "home")
    argv = ["send", "--sandbox", "--to", "+8613900000001", "--text", "Hi", "--sender-id", "LIASMART"]
    code, out, err = run([*argv, "--type", "T", "--rate", "1e-9", "--yes", "--json"], env)  # or times out
    assert code == 0, err
    assert json.loads(out)["counts"]["accepted"] == 1


# ---------------------------------------------------------------------------------------- storage

SEND_ONE = ["send", "--sandbox", "--to", "+8613900000001,+8613900000002", "--text", "Hi"]
SEND_ONE += ["--sender-id", "LIASMART", "--type", "T", "--yes"]


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LIASMART_")}
    return {**env, "LIASMART_HOME": str(home)}


def _one_sentence(err: str, *plan_lines: str) -> str:
    """The error sentence, after the plan lines a send prints first; nothing else, no traceback."""
    lines = (
        [line for line in err.splitlines() if not line.startswith(plan_lines)]
        if plan_lines
        else err.splitlines()
    )
    assert "Traceback" not in err
    assert "Logging error" not in err
    assert len(lines) == 1, err
    return lines[0]


PLAN = ("2 message(s) from", "First message", "Expected to finish", "Campaign ")


def test_a_full_disk_is_one_sentence_and_exit_2(tmp_path: Path) -> None:
    """Issue 11: a full disk printed a 51-line "--- Logging error ---" traceback before the sentence.

    The disk fills up as the process meets it: a file-size limit (``RLIMIT_FSIZE``) makes every write
    beyond it fail, the log's first among them (it is already at the limit).
    """
    home = tmp_path / "home"
    (home / "logs").mkdir(parents=True)
    limit = 200_000
    (home / "logs" / "liasmart.log").write_bytes(b"." * limit)

    def small_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    code, _, err = run(SEND_ONE, _env(home), preexec_fn=small_disk)
    assert code == 0, err  # a small campaign fits
    list_path = write_list(tmp_path / "list.csv", 5_000)
    argv = ["send", "--sandbox", "--file", str(list_path), "--text", "Hello {name}, your code is {code}"]
    code, out, err = run(
        [*argv, "--sender-id", "LIASMART", "--type", "T", "--yes"], _env(home), preexec_fn=small_disk
    )
    assert (code, out) == (2, ""), err
    sentence = _one_sentence(err, "5,000 message(s) from", "First message", "Expected to finish", "Campaign ")
    assert sentence.startswith(f"The journal {home / 'journal.sqlite3'} cannot be written")
    assert "free some disk space" in sentence


def _without_permission_override() -> None:
    """Root ignores file modes; a child without CAP_DAC_OVERRIDE (and kin) meets them as anyone would."""
    if os.geteuid() != 0:
        return
    prctl = ctypes.CDLL(None, use_errno=True).prctl
    for capability in (1, 2, 3):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER
        if prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP: gone from the programs this one runs
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def test_a_read_only_data_folder_is_one_sentence_and_exit_2(tmp_path: Path) -> None:
    """Issue 11: this was "Unexpected error (OSError); this is a bug", exit 70."""
    empty, used = tmp_path / "empty", tmp_path / "used"
    empty.mkdir()
    code, _, err = run(SEND_ONE, _env(used))
    assert code == 0, err
    journal = used / "journal.sqlite3"
    before = journal.read_bytes()
    journal.chmod(stat.S_IRUSR)
    for home in (empty, used):
        home.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        results = [
            run(SEND_ONE, _env(home), preexec_fn=_without_permission_override) for home in (empty, used)
        ]
    finally:
        for home in (empty, used):
            home.chmod(stat.S_IRWXU)
    (code, out, err), (used_code, used_out, used_err) = results
    assert (code, out, used_code, used_out) == (2, "", 2, "")
    assert _one_sentence(err, *PLAN).startswith(
        f"The journal {empty / 'journal.sqlite3.lock'} cannot be written (Permission denied)"
    )
    assert _one_sentence(used_err, *PLAN).startswith(
        f"The journal {journal} cannot be written (attempt to write a readonly database)"
    )
    assert journal.read_bytes() == before
    assert list(empty.iterdir()) == []


def test_a_lock_path_that_is_a_folder_is_one_sentence_and_exit_2(tmp_path: Path) -> None:
    """Issue 11: this was "Unexpected error (IsADirectoryError); this is a bug", exit 70."""
    home = tmp_path / "home"
    (home / "journal.sqlite3.lock").mkdir(parents=True)
    code, out, err = run(SEND_ONE, _env(home))
    assert (code, out) == (2, "")
    sentence = _one_sentence(err, *PLAN)
    assert sentence.startswith(
        f"The journal {home / 'journal.sqlite3.lock'} cannot be written (Is a directory)"
    )
    assert not (home / "journal.sqlite3").exists()
