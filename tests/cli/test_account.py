"""``liasmart balance``, ``status``, ``login``, ``logout`` against the sandbox; the CLI frame's errors."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from liasmart_desktop.cli.main import main
from liasmart_desktop.core.credentials import KEYRING_SERVICE
from liasmart_desktop.core.settings import load_settings
from liasmart_desktop.sandbox import SandboxConfig, SandboxServer
from tests.helpers.memory_keyring import MemoryKeyring

PASSWORD = "CANARY-7d1c0f3e-password"


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    server = SandboxServer(
        SandboxConfig(api_id="API43404236", api_password=PASSWORD, dlr_delay_s=0.0)
    ).start()
    yield server
    server.stop()


def cli(*argv: str, env: dict[str, str] | None = None, stdin: str = "") -> tuple[int, str, str]:
    # The CLI reads only the environment it is given: without LIASMART_HOME it would use (and log
    # into) the user's own data folder, so the test's folder (set by isolated_env) is always given.
    given = {"LIASMART_HOME": os.environ["LIASMART_HOME"], **(env or {})}
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), env=given, stdout=out, stderr=err, stdin=io.StringIO(stdin))
    return code, out.getvalue(), err.getvalue()


def env_for(server: SandboxServer, password: str = PASSWORD, home: Path | None = None) -> dict[str, str]:
    env = {
        "LIASMART_BASE_URL": server.base_url,
        "LIASMART_API_ID": "API43404236",
        "LIASMART_API_PASSWORD": password,
    }
    if home is not None:
        env["LIASMART_HOME"] = str(home)
    return env


def test_balance_json_against_the_sandbox_posts_without_password_in_url(
    sandbox: SandboxServer, isolated_env: Path
) -> None:
    code, out, err = cli("balance", "--json", env=env_for(sandbox, home=isolated_env))
    assert (code, err) == (0, "")
    assert json.loads(out) == {"balance": 10000, "currency": "USD"}
    ledger = sandbox.ledger()
    assert len(ledger) == 1
    assert ledger[0]["method"] == "POST"
    assert ledger[0]["password_in_url"] is False
    assert ledger[0]["credentials_ok"] is True
    assert PASSWORD not in json.dumps(ledger)


def test_balance_human_output(sandbox: SandboxServer, isolated_env: Path) -> None:
    code, out, _ = cli("balance", env=env_for(sandbox, home=isolated_env))
    assert code == 0
    assert out.strip() == "Balance: 10,000 USD"


def test_a_wrong_password_is_exit_3_with_one_sentence(sandbox: SandboxServer, isolated_env: Path) -> None:
    code, out, err = cli("balance", env=env_for(sandbox, password="wrong-password", home=isolated_env))
    assert code == 3
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "did not accept the API ID or password" in err
    assert "Traceback" not in err


def test_debug_shows_the_traceback_without_the_password(sandbox: SandboxServer, isolated_env: Path) -> None:
    code, _, err = cli(
        "balance", "--debug", env=env_for(sandbox, password="wrong-password", home=isolated_env)
    )
    assert code == 3
    assert "Traceback" in err
    assert "wrong-password" not in err


def test_unreachable_provider_is_exit_4(isolated_env: Path) -> None:
    env = {"LIASMART_API_ID": "API1", "LIASMART_API_PASSWORD": "pw-pw", "LIASMART_HOME": str(isolated_env)}
    code, _, err = cli("balance", "--base-url", "http://127.0.0.1:9/api", env=env)
    assert code == 4
    assert "Could not connect to 127.0.0.1" in err


@pytest.mark.parametrize(
    ("env", "argv", "fragment"),
    [
        ({}, ["balance"], "No API ID is set"),
        ({"LIASMART_API_ID": "API1"}, ["balance"], "No API password is saved"),
        ({"LIASMART_API_ID": "bad id!"}, ["balance"], "The API ID is not valid"),
        (
            {"LIASMART_API_ID": "API1", "LIASMART_API_PASSWORD": "x"},
            ["balance", "--base-url", "http://example.com/api"],
            "must start with https://",
        ),
        ({}, ["balance", "--base-url", "ftp://x"], "cannot be used"),
    ],
)
def test_setup_problems_are_exit_2_with_a_sentence(
    env: dict[str, str], argv: list[str], fragment: str, isolated_env: Path
) -> None:
    code, _, err = cli(*argv, env={**env, "LIASMART_HOME": str(isolated_env)})
    assert code == 2
    assert fragment in err


def test_bad_usage_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = cli("balance", "--no-such-option")
    assert code == 2
    assert "unrecognized arguments" in capsys.readouterr().err


def test_a_headless_keyring_is_explained(monkeypatch: pytest.MonkeyPatch, isolated_env: Path) -> None:
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    code, _, err = cli("balance", env={"LIASMART_API_ID": "API1", "LIASMART_HOME": str(isolated_env)})
    assert code == 2
    assert "no secure password store" in err
    assert "LIASMART_API_PASSWORD" in err


def test_an_unreadable_settings_file_is_named_and_left_alone(isolated_env: Path) -> None:
    isolated_env.mkdir(parents=True, exist_ok=True)
    settings = isolated_env / "settings.json"
    settings.write_text("{not json", encoding="utf-8")
    code, _, err = cli("balance", env={"LIASMART_HOME": str(isolated_env)})
    assert code == 2
    assert "settings.json" in err
    assert settings.read_text(encoding="utf-8") == "{not json"


def test_status_reports_each_message(sandbox: SandboxServer, isolated_env: Path) -> None:
    import httpx

    body = {
        "api_id": "API43404236",
        "api_password": PASSWORD,
        "sms_type": "P",
        "encoding": "T",
        "sender_id": "LIASMART",
        "phonenumber": "8613912345678",
        "textmessage": "hi",
    }
    message_id = str(httpx.post(f"{sandbox.base_url}/SendSMS", json=body).json()["message_id"])
    env = env_for(sandbox, home=isolated_env)
    code, out, _ = cli("status", message_id, "999", "--json", env=env)
    assert code == 2  # one ID is unknown to the provider
    first, second = json.loads(out)["messages"]
    assert first["message_id"] == message_id
    assert first["status"] == "Delivered"
    assert first["final"] is True
    assert second["message_id"] == "999"
    assert "Invalid Message ID" in second["error"]
    code, out, _ = cli("status", message_id, env=env)
    assert code == 0
    assert out.strip() == f"{message_id}: Delivered"


def test_login_checks_then_saves_in_the_keyring(
    sandbox: SandboxServer, isolated_env: Path, memory_keyring: MemoryKeyring
) -> None:
    env = {"LIASMART_BASE_URL": sandbox.base_url, "LIASMART_HOME": str(isolated_env)}
    code, _, _ = cli("login", "--api-id", "API43404236", "--password-stdin", env=env, stdin="nope\n")
    assert code == 3
    assert memory_keyring.store == {}
    code, out, _ = cli(
        "login", "--api-id", "API43404236", "--password-stdin", "--json", env=env, stdin=PASSWORD + "\n"
    )
    assert code == 0
    assert json.loads(out)["saved"] is True
    assert memory_keyring.store == {(KEYRING_SERVICE, "API43404236"): PASSWORD}
    settings_text = (isolated_env / "settings.json").read_text(encoding="utf-8")
    assert PASSWORD not in settings_text
    assert load_settings(isolated_env / "settings.json").api_id == "API43404236"
    # Now the saved ID and keyring password are enough.
    code, out, _ = cli("balance", "--json", env=env)
    assert code == 0
    code, out, _ = cli("logout", env=env)
    assert (code, out.strip()) == (0, "Removed the saved password for API43404236.")
    code, out, _ = cli("logout", "--json", env=env)
    assert json.loads(out) == {"api_id": "API43404236", "removed": False}


def test_login_refuses_without_a_terminal_or_with_an_empty_password(isolated_env: Path) -> None:
    env = {"LIASMART_HOME": str(isolated_env), "LIASMART_API_ID": "API1"}
    code, _, err = cli("login", env=env)
    assert code == 2
    assert "--password-stdin" in err
    code, _, err = cli("login", "--password-stdin", "--no-check", env=env, stdin="\n")
    assert code == 2
    assert "empty" in err


def test_login_without_check_and_human_output(isolated_env: Path, memory_keyring: MemoryKeyring) -> None:
    env = {"LIASMART_HOME": str(isolated_env), "LIASMART_API_ID": "API1"}
    code, out, _ = cli("login", "--password-stdin", "--no-check", env=env, stdin="s3cret-密钥\n")
    assert code == 0
    assert "Saved the password for API1" in out
    assert memory_keyring.store[(KEYRING_SERVICE, "API1")] == "s3cret-密钥"


@pytest.mark.parametrize(
    ("error", "code", "fragment"),
    [(RuntimeError("kaput"), 70, "Unexpected error (RuntimeError)"), (KeyboardInterrupt(), 130, "Stopped.")],
)
def test_unexpected_errors_and_interrupts(
    monkeypatch: pytest.MonkeyPatch, error: BaseException, code: int, fragment: str
) -> None:
    from liasmart_desktop.cli import main as main_module

    def boom(_ctx: object) -> int:
        raise error

    commands = tuple(replace(c, run=boom) if c.name == "balance" else c for c in main_module.COMMANDS)
    monkeypatch.setattr(main_module, "COMMANDS", commands)
    got, _, err = cli("balance")
    assert got == code
    assert fragment in err
    assert "Traceback" not in err
    if code == 70:
        _, _, err = cli("balance", "--debug")
        assert "Traceback" in err
        assert "kaput" in err


def test_the_installed_entry_point_runs_balance_against_a_separate_sandbox(isolated_env: Path) -> None:
    """End to end: ``liasmart sandbox`` in one process, ``liasmart balance --json`` in another."""
    env = dict(os.environ, LIASMART_HOME=str(isolated_env), LIASMART_SANDBOX_PASSWORD=PASSWORD)
    server = subprocess.Popen(
        [sys.executable, "-m", "liasmart_desktop.cli.main", "sandbox", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert server.stdout is not None
        base_url = server.stdout.readline().strip()
        assert base_url.startswith("http://127.0.0.1:")
        client_env = dict(
            env, LIASMART_BASE_URL=base_url, LIASMART_API_ID="API1", LIASMART_API_PASSWORD=PASSWORD
        )
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, "-m", "liasmart_desktop.cli.main", "balance", "--json"],
            capture_output=True,
            text=True,
            env=client_env,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout) == {"balance": 10000, "currency": "USD"}
        assert time.monotonic() - started < 60
    finally:
        server.terminate()
        server.wait(10)
        for stream in (server.stdout, server.stderr):
            if stream:
                stream.close()
