"""Kill a sending ``liasmart`` with SIGKILL at random moments, resume each time, check the sandbox's ledger.

The sandbox runs in its own process (``liasmart sandbox --ledger FILE``) and records every request
it received and whether it processed it. After several kills and resumes the campaign must be
finished with every message final, no number processed twice, nothing ``accepted`` that the server
did not process, and at most ``concurrency`` new ``unknown`` messages per kill
(docs/guarantees.md G1–G5, G8).
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.states import EventKind
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
from tests.helpers.ledger_checks import FINAL_STATES, check_against_ledger, read_ledger_file, send_requests

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX kill test"),
]

MESSAGES = 600
CONCURRENCY = 8
#: Kills triggered once the ledger grew by a random number of SendSMS requests …
LEDGER_KILLS = 5
#: … plus kills at a random instant after start (startup, recovery, pre-flight or sending).
EARLY_KILLS = 2
PASSWORD = "CANARY-crash-test-7c41"
SEED = 20261125


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[Sandbox]:
    with sandbox_process(tmp_path, "--latency-ms", "20") as server:
        yield server


def _kill(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    code, _, _ = finish(process)
    assert code == -signal.SIGKILL


#: ``resume`` takes the pacing from the settings unless told (the defaults are gentler).
PACING = ["--concurrency", str(CONCURRENCY), "--rate", "1000"]
RESUME = ["resume", *PACING, "--json"]


def _second_sender_is_refused(csv_path: Path, env: dict[str, str]) -> int:
    """G8: while one process sends, a second ``send`` is refused and sends nothing."""
    code, _, err = run(send_argv(csv_path, *PACING), env)
    assert "Another LiaSmart program" in err
    return code


def _kill_repeatedly(
    sandbox: Sandbox, env: dict[str, str], csv_path: Path, rng: random.Random
) -> tuple[list[int], int | None]:
    """Send, then kill and resume as planned; return the killed PIDs and the second sender's exit code."""
    lock = Path(env["LIASMART_HOME"]) / "journal.sqlite3.lock"
    plan = ["ledger"] * LEDGER_KILLS + ["early"] * EARLY_KILLS
    rng.shuffle(plan)
    plan.insert(0, "ledger")  # the first kill comes once the campaign exists (it has sent something)
    plan.pop()
    killed: list[int] = []
    second_sender_code: int | None = None
    process = start(send_argv(csv_path, *PACING), env)
    for kind in plan:
        if kind == "early":
            time.sleep(rng.uniform(0.05, 0.6))
        elif not sandbox.wait_for_sends(process, sandbox.sends() + rng.randint(15, 60)):
            break  # finished before the kill: not expected with this many messages
        time.sleep(rng.uniform(0.0, 0.02))
        if process.poll() is None:
            if second_sender_code is None and kind == "ledger":
                second_sender_code = _second_sender_is_refused(csv_path, env)
            _kill(process)
            killed.append(process.pid)
        # The lock file is left behind, naming a killed process; it must not block the next one.
        assert int(lock.read_text(encoding="ascii")) in killed
        process = start(RESUME, env)
    code, _, err = finish(process)  # the last resume runs to the end
    assert code == 1, err  # finished, with unknown messages
    assert len(killed) == len(plan), "every planned kill should hit a running sender"
    return killed, second_sender_code


def test_sigkill_at_random_moments_then_resume_loses_and_duplicates_nothing(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    env = sender_env(sandbox, home, PASSWORD)
    csv_path = write_list(tmp_path / "list.csv", MESSAGES)

    killed, second_sender_code = _kill_repeatedly(sandbox, env, csv_path, random.Random(SEED))
    kills = len(killed)
    assert second_sender_code == 5

    # One more resume finds nothing left to do.
    code, out, err = run(RESUME, env)
    assert code == 0, err
    assert json.loads(out)["campaign"] is None

    journal = Journal.open(home / "journal.sqlite3")
    try:
        [campaign] = journal.campaigns()  # the refused second sender created nothing
        messages = list(journal.messages(campaign.id))
        recovered = [
            int(event.data["count"])
            for event in journal.events(campaign.id)
            if event.kind is EventKind.RECOVERED
        ]
    finally:
        journal.close()
    assert len(messages) == MESSAGES
    ledger = read_ledger_file(sandbox.ledger)
    counts = check_against_ledger(messages, ledger, campaign=campaign.code)
    assert set(counts) <= FINAL_STATES, counts  # every message ended final
    assert counts["accepted"] >= MESSAGES - kills * CONCURRENCY
    assert 0 < counts["unknown"] <= kills * CONCURRENCY, counts  # the kills did catch requests in flight
    # Every unknown message is one a killed process left in flight (there were no faults), and no
    # single kill left more than the concurrency.
    assert sum(recovered) == counts["unknown"]
    assert max(recovered) <= CONCURRENCY
    processed_per_phone = Counter(e["phonenumber"] for e in send_requests(ledger) if e["processed"])
    assert max(processed_per_phone.values()) == 1  # no number received twice
    assert len(processed_per_phone) >= counts["accepted"]
    for entry in send_requests(ledger):  # a request cut off by a kill is recorded incomplete, unprocessed
        assert str(entry["uid"]).startswith(campaign.code + "-") or not (
            entry["complete"] or entry["processed"]
        )
    assert PASSWORD not in sandbox.ledger.read_text(encoding="utf-8")
