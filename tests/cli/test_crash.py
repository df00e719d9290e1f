"""Kill a sending ``liasmart`` with SIGKILL at random moments, resume each time, check the sandbox's ledger.

The sandbox runs in its own process (``liasmart sandbox --ledger FILE``) and records every request
it received and whether it processed it. After several kills and resumes the campaign must be
finished with every message final, no number processed twice, nothing ``accepted`` that the server
did not process, and at most ``concurrency`` new ``unknown`` messages per kill
(docs/guarantees.md G1–G5, G8).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from liasmart_desktop.core.sending.journal import Journal
from liasmart_desktop.core.sending.states import EventKind
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
LIASMART = [sys.executable, "-m", "liasmart_desktop.cli.main"]
SEED = 20261125
POLL_S = 0.003
PROCESS_TIMEOUT_S = 60.0


@dataclass
class Sandbox:
    process: subprocess.Popen[str]
    base_url: str
    ledger: Path

    def sends(self) -> int:
        """SendSMS requests recorded so far."""
        if not self.ledger.exists():
            return 0
        return self.ledger.read_text(encoding="utf-8").count('"endpoint":"SendSMS"')


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[Sandbox]:
    ledger = tmp_path / "ledger.jsonl"
    process = subprocess.Popen(
        [*LIASMART, "sandbox", "--port", "0", "--latency-ms", "20", "--ledger", str(ledger)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "LIASMART_HOME": str(tmp_path / "sandbox-home")},
    )
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().strip()
        assert base_url.startswith("http://127.0.0.1:")
        yield Sandbox(process, base_url, ledger)
    finally:
        process.terminate()
        process.wait(10)
        assert process.stdout is not None
        process.stdout.close()


def _env(sandbox: Sandbox, home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LIASMART_")}
    return {
        **env,
        "LIASMART_HOME": str(home),
        "LIASMART_BASE_URL": sandbox.base_url,
        "LIASMART_API_ID": "API43404236",
        "LIASMART_API_PASSWORD": PASSWORD,
    }


def _start(argv: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*LIASMART, *argv], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env
    )


def _finish(process: subprocess.Popen[str]) -> tuple[int, str]:
    _, err = process.communicate(timeout=PROCESS_TIMEOUT_S)
    return process.returncode, err


def _kill(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    code, _ = _finish(process)
    assert code == -signal.SIGKILL


def _wait_for_sends(sandbox: Sandbox, process: subprocess.Popen[str], target: int) -> bool:
    """Wait until the ledger holds ``target`` SendSMS requests; False if the process ended first."""
    deadline = time.monotonic() + PROCESS_TIMEOUT_S
    while sandbox.sends() < target:
        if process.poll() is not None:
            return False
        assert time.monotonic() < deadline, "the sender made no progress"
        time.sleep(POLL_S)
    return True


#: ``resume`` takes the pacing from the settings unless told (the defaults are gentler).
PACING = ["--concurrency", str(CONCURRENCY), "--rate", "1000"]
RESUME = ["resume", *PACING, "--json"]


def _send_argv(csv_path: Path) -> list[str]:
    return [
        "send",
        "--file",
        str(csv_path),
        "--text",
        "Hello {name}, your code is {code}",
        "--sender-id",
        "LIASMART",
        "--type",
        "T",
        *PACING,
        "--yes",
        "--json",
    ]


def _second_sender_is_refused(csv_path: Path, env: dict[str, str]) -> int:
    """G8: while one process sends, a second ``send`` is refused and sends nothing."""
    second = subprocess.run(
        [*LIASMART, *_send_argv(csv_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=PROCESS_TIMEOUT_S,
        check=False,
    )
    assert "Another LiaSmart program" in second.stderr
    return second.returncode


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
    process = _start(_send_argv(csv_path), env)
    for kind in plan:
        if kind == "early":
            time.sleep(rng.uniform(0.05, 0.6))
        elif not _wait_for_sends(sandbox, process, sandbox.sends() + rng.randint(15, 60)):
            break  # finished before the kill: not expected with this many messages
        time.sleep(rng.uniform(0.0, 0.02))
        if process.poll() is None:
            if second_sender_code is None and kind == "ledger":
                second_sender_code = _second_sender_is_refused(csv_path, env)
            _kill(process)
            killed.append(process.pid)
        # The lock file is left behind, naming a killed process; it must not block the next one.
        assert int(lock.read_text(encoding="ascii")) in killed
        process = _start(RESUME, env)
    code, err = _finish(process)  # the last resume runs to the end
    assert code == 1, err  # finished, with unknown messages
    assert len(killed) == len(plan), "every planned kill should hit a running sender"
    return killed, second_sender_code


def test_sigkill_at_random_moments_then_resume_loses_and_duplicates_nothing(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    env = _env(sandbox, home)
    csv_path = tmp_path / "list.csv"
    lines = ["phone,name,code"] + [f"+86139{i:08d},Person {i},{100000 + i}" for i in range(MESSAGES)]
    csv_path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    killed, second_sender_code = _kill_repeatedly(sandbox, env, csv_path, random.Random(SEED))
    kills = len(killed)
    assert second_sender_code == 5

    # One more resume finds nothing left to do.
    result = subprocess.run(
        [*LIASMART, *RESUME], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["campaign"] is None

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
