"""``liasmart sandbox``: base URL first on stdout, clean exit on Ctrl-C/SIGTERM, exit 2 for bad options."""

from __future__ import annotations

import io
import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from liasmart_desktop.cli.main import main
from liasmart_desktop.sandbox import SandboxServer
from tests.sandbox.conftest import send_body

CANARY_PASSWORD = "canary-cli-Pa55word-41d2"
STARTUP_TIMEOUT_S = 20.0


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    """``main()`` configures the root logger for the process; put it back and close its files."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def wait_for_url(stdout: io.StringIO) -> str | None:
    """The first line ``main()`` printed, or ``None`` if it printed nothing in time."""
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while "\n" not in stdout.getvalue():
        if time.monotonic() > deadline:
            return None
        time.sleep(0.01)
    return stdout.getvalue().splitlines()[0]


def start_cli(*options: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "liasmart_desktop.cli.main", "sandbox", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


def first_line(process: subprocess.Popen[str]) -> str:
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line, f"the sandbox printed nothing; stderr: {process.stderr.read() if process.stderr else ''}"
    return line.rstrip("\n")


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_cli_prints_the_url_first_serves_and_exits_0_on_a_signal(
    tmp_path: Path, isolated_env: Path, signum: int
) -> None:
    ledger = tmp_path / "ledger.jsonl"
    with start_cli(
        "--port",
        "0",
        "--latency-ms",
        "1",
        "--fault",
        "http500=0",
        "--fail-rate",
        "0",
        "--ledger",
        str(ledger),
        "--api-id",
        "API1",
        "--seed",
        "5",
        env={"LIASMART_SANDBOX_PASSWORD": CANARY_PASSWORD},
    ) as process:
        base_url = first_line(process)
        assert base_url.startswith("http://127.0.0.1:")
        assert base_url.endswith("/api")
        with httpx.Client(base_url=base_url, timeout=5) as client:
            good = client.post("/SendSMS", json=send_body(api_id="API1", api_password=CANARY_PASSWORD))
            wrong = client.post("/SendSMS", json=send_body(api_id="API1", api_password="wrong"))
        process.send_signal(signum)
        stdout, stderr = process.communicate(timeout=10)

    assert process.returncode == 0
    assert good.json()["status"] == "S"
    assert wrong.json() == {"status": "F", "remarks": "Invalid API Credentials"}
    assert stdout == ""  # nothing after the first line
    assert "Sandbox stopped after 2 requests (1 messages accepted)." in stderr
    assert "Traceback" not in stderr
    lines = [json.loads(line) for line in ledger.read_text().splitlines()]
    assert [line["credentials_ok"] for line in lines] == [True, False]
    logs = "".join(path.read_text() for path in isolated_env.rglob("*.log"))
    for text in (base_url, stdout, stderr, ledger.read_text(), logs):
        assert CANARY_PASSWORD not in text


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--port", "http"], "--port must be a whole number, not 'http'."),
        (["--port", "70000"], "--port must be between 0 and 65535, not 70000."),
        (["--latency-ms", "-5"], "--latency-ms must be 0 or more, not -5."),
        (["--latency-ms", "inf"], "--latency-ms must be 0 or more, not inf."),
        (["--latency-ms", "soon"], "--latency-ms must be a number, not 'soon'."),
        (["--fail-rate", "2"], "--fail-rate must be between 0 and 1, not 2."),
        (["--fault", "drop"], "--fault takes KIND=RATE, such as drop=0.05, not 'drop'."),
        (["--fault", "boom=0.1"], "--fault: unknown fault kind 'boom'; known kinds: http500"),
        (["--fault", "drop=lots"], "The rate of drop must be a number, not 'lots'."),
        (["--fault", "drop=0.6", "--fault", "http500=0.6"], "The fault rates add up to more than 1."),
        (["--seed", "x"], "--seed must be a whole number, not 'x'."),
        (["--balance", "ten"], "--balance must be an amount such as 100 or 0.05, not 'ten'."),
        (["--price-per-part", "-1"], "--price-per-part must be an amount of zero or more, not -1."),
        (["--retry-after", "-1"], "--retry-after must be 0 or more, not -1."),
        (["--dlr-fail-rate", "1.5"], "--dlr-fail-rate must be between 0 and 1, not 1.5."),
    ],
)
def test_bad_options_exit_2_with_one_sentence(options: list[str], message: str) -> None:
    stdout, stderr = io.StringIO(), io.StringIO()

    code = main(["sandbox", *options], stdout=stdout, stderr=stderr)

    assert code == 2
    assert stdout.getvalue() == ""
    assert stderr.getvalue().startswith(message)
    assert stderr.getvalue().count("\n") == 1


def test_bad_option_in_a_real_process_exits_2() -> None:
    with start_cli("--fail-rate", "abc") as process:
        stdout, stderr = process.communicate(timeout=STARTUP_TIMEOUT_S)

    assert process.returncode == 2
    assert stdout == ""
    assert stderr.strip() == "--fail-rate must be a number, not 'abc'."


def test_taken_port_and_unwritable_ledger_exit_2(sandbox: SandboxServer, tmp_path: Path) -> None:
    taken, missing_dir = io.StringIO(), io.StringIO()

    assert main(["sandbox", "--port", str(sandbox.port)], stdout=io.StringIO(), stderr=taken) == 2
    ledger = tmp_path / "missing" / "ledger.jsonl"
    assert main(["sandbox", "--ledger", str(ledger)], stdout=io.StringIO(), stderr=missing_dir) == 2

    assert taken.getvalue().startswith(f"Cannot listen on 127.0.0.1 port {sandbox.port}: ")
    assert missing_dir.getvalue().startswith(f"Cannot write the ledger file {ledger}: No such file")


def test_in_process_run_with_every_option(tmp_path: Path) -> None:
    stdout, stderr = io.StringIO(), io.StringIO()
    replies: list[httpx.Response] = []

    def client() -> None:
        base_url = wait_for_url(stdout)
        if base_url is None:
            return  # main() failed; the assertions below say how
        try:
            with httpx.Client(base_url=base_url, timeout=5) as http:
                replies.append(http.post("/SendSMS", json=send_body(sms_type="T")))
                replies.append(http.post("/SendSMS", json=send_body(sender_id="OTHER")))
                replies.append(http.post("/SendSMS", json=send_body(sender_id="LIASMART")))
        finally:
            os.kill(os.getpid(), signal.SIGTERM)  # serve_forever is running and handles it

    thread = threading.Thread(target=client)
    thread.start()
    code = main(
        [
            "sandbox",
            "--balance",
            "0.05",
            "--price-per-part",
            "0.05",
            "--dlr-delay-s",
            "0",
            "--dlr-fail-rate",
            "0.5",
            "--retry-after",
            "none",
            "--retry-after-date",
            "--slow-ms",
            "100",
            "--sender-id",
            "LIASMART",
            "--no-transactional",
            "--fsync-ledger",
            "--ledger",
            str(tmp_path / "ledger.jsonl"),
        ],
        stdout=stdout,
        stderr=stderr,
    )
    thread.join()

    assert code == 0
    assert [reply.json()["remarks"] for reply in replies] == [
        "Transactional SMS is Not Allowed For Your Account",
        "Invalid Sender ID",
        "Message Submitted Sucessfully",
    ]
    assert f"ledger: {tmp_path / 'ledger.jsonl'}" in stderr.getvalue()
    assert stderr.getvalue().endswith("Sandbox stopped after 3 requests (1 messages accepted).\n")


def test_one_request_is_singular() -> None:
    stdout, stderr = io.StringIO(), io.StringIO()

    def client() -> None:
        base_url = wait_for_url(stdout)
        if base_url is None:
            return
        try:
            httpx.post(base_url + "/SendSMS", json=send_body(), timeout=5)
        finally:
            os.kill(os.getpid(), signal.SIGINT)  # serve_forever is running and handles it

    thread = threading.Thread(target=client)
    thread.start()
    assert main(["sandbox", "--retry-after", "3"], stdout=stdout, stderr=stderr) == 0
    thread.join()

    assert "Sandbox stopped after 1 request (1 messages accepted)." in stderr.getvalue()
