"""``send`` refuses, before anything leaves: ambiguous ``--to`` numbers, ``--encoding T`` on characters T
cannot carry, long messages without ``--allow-long``, and messages past 255 parts (shared/cli.md).

Each refusal is exit 2 with one sentence; the sandbox's ledger shows that nothing was sent and the
journal that no campaign was created.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from liasmart_desktop.cli.send_checks import describe_text_problem, show_character
from liasmart_desktop.core.text import SendTextIssue, SendTextProblem
from liasmart_desktop.sandbox import SandboxServer
from tests.helpers.cli_runs import cli, running_sandbox, sandbox_env
from tests.helpers.ledger_checks import send_requests

PASSWORD = "CANARY-1d0c-send-checks"
SEND = ["send", "--sender-id", "LIASMART", "--type", "P", "--yes"]
LONG_TEXT = "x" * 5000  # 33 parts of 153


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with running_sandbox(PASSWORD, dlr_delay_s=0.3) as server:
        yield server


@pytest.fixture
def env(sandbox: SandboxServer, isolated_env: Path) -> dict[str, str]:
    return sandbox_env(sandbox, PASSWORD, str(isolated_env))


def campaigns(env: dict[str, str]) -> list[Any]:
    code, out, _ = cli("campaigns", "--json", env=env)
    assert code == 0
    listed: list[Any] = json.loads(out)["campaigns"]
    return listed


def assert_nothing_sent(sandbox: SandboxServer, env: dict[str, str]) -> None:
    assert send_requests(sandbox.ledger()) == []
    assert campaigns(env) == []


@pytest.mark.parametrize("locale", ["en_US.UTF-8", "zh_CN.UTF-8"])
def test_send_to_never_sends_an_ambiguous_number(
    locale: str, env: dict[str, str], sandbox: SandboxServer
) -> None:
    code, out, err = cli(
        *SEND, "--to", "13512345678,15812345678", "--text", "Hello", env={**env, "LANG": locale}
    )
    assert (code, out) == (2, "")
    assert "Nothing was sent: 2 number(s) given with --to could go to more than one country." in err
    assert "+86 135 1234 5678 (China, CN)" in err
    assert "--country CN" in err
    if locale.startswith("en"):
        assert "+1 351-234-5678 (United States, US) or +86 135 1234 5678 (China, CN)" in err
    assert err.count("\n") == 1
    assert_nothing_sent(sandbox, env)


def test_one_ambiguous_number_among_good_ones_stops_the_whole_send(
    env: dict[str, str], sandbox: SandboxServer
) -> None:
    code, _, err = cli(
        *SEND, "--to", "+8613900000001,13912345678,+8613900000002", "--text", "Hi", env={**env, "LANG": "C"}
    )
    assert code == 2
    assert "13912345678: The number has no country code and no default country is set" in err
    assert_nothing_sent(sandbox, env)


def test_many_ambiguous_numbers_are_counted_not_all_quoted(
    env: dict[str, str], sandbox: SandboxServer
) -> None:
    numbers = ",".join(f"1391234567{digit}" for digit in range(5))
    code, _, err = cli(*SEND, "--to", numbers, "--text", "Hi", env=env)
    assert code == 2
    assert "(2 more number(s) like these.)" in err
    assert_nothing_sent(sandbox, env)


def test_with_a_country_the_same_numbers_are_sent(env: dict[str, str], sandbox: SandboxServer) -> None:
    code, out, err = cli(
        *SEND, "--to", "13512345678,15812345678", "--country", "CN", "--text", "Hello", "--json", env=env
    )
    assert code == 0, err
    assert [m["phone"] for m in json.loads(out)["messages"]] == ["8613512345678", "8615812345678"]


def test_encoding_t_with_chinese_is_refused_naming_the_characters(
    env: dict[str, str], sandbox: SandboxServer
) -> None:
    code, out, err = cli(
        *SEND, "--to", "13900000001", "--country", "CN", "--text", "你好", "--encoding", "T", env=env
    )
    assert (code, out) == (2, "")
    assert "--encoding T cannot carry “你”, “好”;" in err
    assert_nothing_sent(sandbox, env)


def test_encoding_t_checks_the_merged_values_too(
    env: dict[str, str], sandbox: SandboxServer, tmp_path: Path
) -> None:
    path = tmp_path / "list.csv"
    path.write_text("phone,name\n+8613900000001,Ann\n+8613900000002,张三\n", encoding="utf-8")
    code, _, err = cli(*SEND, "--file", str(path), "--text", "Hi {name}", "--encoding", "T", env=env)
    assert code == 2
    assert "cannot carry “张”, “三”;" in err
    assert_nothing_sent(sandbox, env)


def test_encoding_t_with_gsm_text_is_sent(env: dict[str, str], sandbox: SandboxServer) -> None:
    code, _, err = cli(*SEND, "--to", "+8613900000001", "--text", "Hello €", "--encoding", "T", env=env)
    assert code == 0, err


def test_a_long_message_needs_allow_long(env: dict[str, str], sandbox: SandboxServer) -> None:
    code, _, err = cli(*SEND, "--to", "+8613900000001", "--text", LONG_TEXT, env=env)
    assert code == 2
    assert "A message would be 33 parts long, and every part is charged" in err
    assert "--allow-long" in err
    assert_nothing_sent(sandbox, env)
    code, out, err = cli(
        *SEND, "--to", "+8613900000001", "--text", LONG_TEXT, "--allow-long", "--json", env=env
    )
    assert code == 0, err
    assert json.loads(out)["messages"][0]["segments"] == 33


def test_ten_parts_need_no_confirmation(env: dict[str, str], sandbox: SandboxServer) -> None:
    code, out, err = cli(*SEND, "--to", "+8613900000001", "--text", "x" * 153 * 10, "--json", env=env)
    assert code == 0, err
    assert json.loads(out)["messages"][0]["segments"] == 10


def test_more_than_255_parts_is_refused_even_with_allow_long(
    env: dict[str, str], sandbox: SandboxServer
) -> None:
    code, _, err = cli(
        *SEND, "--to", "+8613900000001", "--text", "x" * (153 * 255 + 1), "--allow-long", env=env
    )
    assert code == 2
    assert "A message would need 256 parts, and at most 255 parts can make one message" in err
    assert_nothing_sent(sandbox, env)


def test_sentences_for_several_messages_and_many_characters() -> None:
    long = SendTextProblem(SendTextIssue.LONG_MESSAGE, parts=12, limit=10, messages=3)
    assert describe_text_problem(long, allow_long=False) == (
        "Nothing was sent: 3 messages (the longest) would be 12 parts long, and every part is charged; "
        "more than 10 parts is sent only with --allow-long."
    )
    assert describe_text_problem(long, allow_long=True) is None
    lost = SendTextProblem(SendTextIssue.LOST_CHARACTERS, characters=tuple("一二三四五六七八九十百千万"))
    assert "“千”, “万”" not in str(describe_text_problem(lost, allow_long=False))
    assert "and 1 more;" in str(describe_text_problem(lost, allow_long=False))


@pytest.mark.parametrize(
    ("char", "shown"), [("你", "“你”"), ("\u200b", "U+200B"), (" ", "U+0020"), ("\u0301", "U+0301")]
)
def test_show_character(char: str, shown: str) -> None:
    assert show_character(char) == shown


def test_an_unknown_country_is_exit_2_not_a_bug(env: dict[str, str], sandbox: SandboxServer) -> None:
    code, _, err = cli(*SEND, "--to", "13900000001", "--country", "XX", "--text", "Hi", env=env)
    assert code == 2
    assert err == "“XX” is not a country code; use two letters such as CN, HK or SG.\n"
    assert_nothing_sent(sandbox, env)
