"""``liasmart`` as users run it, in processes of its own: the sandbox in one, the sender in another."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

LIASMART = [sys.executable, "-m", "liasmart_desktop.cli.main"]
API_ID = "API43404236"
PROCESS_TIMEOUT_S = 60.0
POLL_S = 0.003


@dataclass
class Sandbox:
    """A ``liasmart sandbox`` process and the ledger it writes."""

    process: subprocess.Popen[str]
    base_url: str
    ledger: Path

    def sends(self) -> int:
        """SendSMS requests recorded so far."""
        if not self.ledger.exists():
            return 0
        return self.ledger.read_text(encoding="utf-8").count('"endpoint":"SendSMS"')

    def wait_for_sends(self, sender: subprocess.Popen[str], target: int) -> bool:
        """Wait until the ledger holds ``target`` SendSMS requests; False if the sender ended first."""
        deadline = time.monotonic() + PROCESS_TIMEOUT_S
        while self.sends() < target:
            if sender.poll() is not None:
                return False
            assert time.monotonic() < deadline, "the sender made no progress"
            time.sleep(POLL_S)
        return True


@contextlib.contextmanager
def sandbox_process(folder: Path, *options: str) -> Iterator[Sandbox]:
    """``liasmart sandbox --port 0 --ledger …`` with ``options``, stopped afterwards."""
    ledger = folder / "ledger.jsonl"
    process = subprocess.Popen(
        [*LIASMART, "sandbox", "--port", "0", "--ledger", str(ledger), *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "LIASMART_HOME": str(folder / "sandbox-home")},
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


def sender_env(sandbox: Sandbox, home: Path, password: str) -> dict[str, str]:
    """The environment of a sender using ``home`` and the sandbox as its provider."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LIASMART_")}
    return {
        **env,
        "LIASMART_HOME": str(home),
        "LIASMART_BASE_URL": sandbox.base_url,
        "LIASMART_API_ID": API_ID,
        "LIASMART_API_PASSWORD": password,
    }


def start(
    argv: list[str], env: dict[str, str], *, preexec_fn: Callable[[], None] | None = None
) -> subprocess.Popen[str]:
    """``liasmart`` with ``argv`` in a process of its own (stdout and stderr kept)."""
    return subprocess.Popen(
        [*LIASMART, *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        preexec_fn=preexec_fn,  # noqa: PLW1509 - only resource limits and capabilities, no threads yet
    )


def finish(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    """Wait for the process; its exit code, stdout and stderr."""
    out, err = process.communicate(timeout=PROCESS_TIMEOUT_S)
    return process.returncode, out, err


def run(
    argv: list[str], env: dict[str, str], *, preexec_fn: Callable[[], None] | None = None
) -> tuple[int, str, str]:
    """``liasmart`` with ``argv`` to the end."""
    return finish(start(argv, env, preexec_fn=preexec_fn))


def write_list(path: Path, count: int) -> Path:
    """A CSV of ``count`` recipients with a name and a code each."""
    lines = ["phone,name,code"] + [f"+86139{i:08d},Person {i},{100000 + i}" for i in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def send_argv(csv_path: Path, *pacing: str) -> list[str]:
    """``send`` of the list (merge fields, transactional, confirmed, JSON out)."""
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
        *pacing,
        "--yes",
        "--json",
    ]
