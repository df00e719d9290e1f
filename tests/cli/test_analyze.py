"""``liasmart analyze``: the fields of shared/cli.md, stdin, --jsonl batches and usage errors."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from liasmart_desktop.cli.main import main

FIELDS = ["encoding", "characters", "units", "segments", "per_segment", "remaining", "unicode_characters"]


def run(*argv: str, stdin: str | io.TextIOBase = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    source = io.StringIO(stdin) if isinstance(stdin, str) else stdin
    code = main(["analyze", *argv], stdout=out, stderr=err, stdin=source)  # type: ignore[arg-type]
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello", ["T", 5, 5, 1, 160, 155, []]),
        ("a" * 161, ["T", 161, 161, 2, 153, 145, []]),
        ("]" * 153, ["T", 153, 306, 3, 153, 151, []]),
        ("中" * 71, ["U", 71, 71, 2, 67, 63, ["中"]]),
        ("It’s “great” 😀", ["U", 14, 15, 1, 70, 55, ["’", "“", "”", "😀"]]),
        ("Price: 10€", ["T", 10, 11, 1, 160, 149, []]),
        ("", ["T", 0, 0, 0, 160, 160, []]),
    ],
)
def test_json_fields(text: str, expected: list[object]) -> None:
    code, out, err = run(text, "--json")
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert list(document) == FIELDS
    assert list(document.values()) == expected
    assert out.count("\n") == 1


def test_json_keeps_chinese_readable() -> None:
    _, out, _ = run("中", "--json")
    assert '"unicode_characters": ["中"]' in out


def test_crlf_counts_as_one_character() -> None:
    _, out, _ = run("a\r\nb", "--json")
    assert json.loads(out)["characters"] == 3


def test_human_output_for_gsm_text() -> None:
    code, out, _ = run("Price: 10€ [promo]")
    assert code == 0
    assert out.splitlines() == [
        "Encoding:           T (GSM 7-bit)",
        "Characters:         18",
        "Units:              21 septets (3 characters count twice)",
        "Segments:           1 (up to 160 septets each)",
        "Remaining:          139 septets in the last segment",
        "Forcing Unicode:    none",
    ]


def test_human_output_for_unicode_text_shows_the_culprits_and_the_lookalikes() -> None:
    _, out, _ = run("a" * 100 + "’ …")
    lines = out.splitlines()
    assert "Encoding:           U (Unicode, UCS-2)" in lines
    assert "Forcing Unicode:    ’ U+2019, … U+2026" in lines
    # Deleting "’ …" leaves plain GSM text of one part.
    assert "To save a segment:  delete 3 characters at the end" in lines
    assert (
        "Look-alikes:        replacing ’ U+2019 with ', … U+2026 with ... "
        "would give T, 1 segment instead of 2"
    ) in lines


def test_human_output_names_the_problems_and_shows_invisible_characters_by_code() -> None:
    _, out, _ = run("pay\u202eusd\u00a0q\u0301")
    assert "Forcing Unicode:    U+202E, U+00A0, U+0301" in out
    assert "with nothing" in out
    assert "with a space" in out
    assert "Problem:            It contains bidirectional override characters (U+202E)" in out


def test_human_output_for_one_character_to_delete_and_empty_text() -> None:
    _, out, _ = run("a" * 161)
    assert "To save a segment:  delete 1 character at the end" in out
    _, out, _ = run("")
    assert "Problem:            The text is empty; there is nothing to send." in out


def test_lone_surrogate_from_the_command_line_is_reported_not_a_crash() -> None:
    code, out, _ = run("ab\udc80")
    assert code == 0
    assert "Forcing Unicode:    U+DC80" in out
    assert "lone surrogates U+DC80" in out
    code, out, _ = run("ab\udc80", "--json")
    assert code == 0
    assert "\\udc80" in out
    assert json.loads(out)["unicode_characters"] == ["\udc80"]


@pytest.mark.parametrize(
    ("stdin", "characters"), [("Hello\n", 5), ("Hello\r\n", 5), ("Hello", 5), ("Hi\n\n", 3)]
)
def test_dash_reads_stdin_without_its_final_line_break(stdin: str, characters: int) -> None:
    code, out, _ = run("-", "--json", stdin=stdin)
    assert code == 0
    assert json.loads(out)["characters"] == characters


def test_dash_in_human_mode() -> None:
    code, out, _ = run("-", stdin="中文\n")
    assert code == 0
    assert "Characters:         2" in out


def test_no_text_is_a_usage_error() -> None:
    code, out, err = run()
    assert code == 2
    assert out == ""
    assert (
        err == "Give the message text, or - to read it from stdin (for example: liasmart analyze 'Hello').\n"
    )


def test_undecodable_stdin_is_a_usage_error() -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"ok \xff\n"), encoding="utf-8")
    code, out, err = run("-", stdin=stdin)
    assert (code, out) == (2, "")
    assert err == "stdin is not valid UTF-8 text (invalid start byte at byte 3).\n"


def test_stdin_bytes_are_utf8_whatever_the_text_layer_says() -> None:
    stdin = io.TextIOWrapper(io.BytesIO("\ufeff中文\n".encode()), encoding="cp1252")
    code, out, _ = run("-", "--json", stdin=stdin)
    assert code == 0
    assert json.loads(out)["unicode_characters"] == ["中", "文"]


class TestJsonl:
    def test_one_object_per_line_in_order(self) -> None:
        lines = ["Hello", "中文", "a" * 161, "", "Tab\there"]
        stdin = "".join(json.dumps(line) + "\n" for line in lines)
        code, out, err = run("--jsonl", stdin=stdin)
        assert (code, err) == (0, "")
        documents = [json.loads(line) for line in out.splitlines()]
        assert [d["segments"] for d in documents] == [1, 1, 2, 0, 1]
        assert [d["encoding"] for d in documents] == ["T", "U", "T", "T", "U"]
        assert all(list(d) == FIELDS for d in documents)

    def test_dash_is_accepted(self) -> None:
        code, out, _ = run("-", "--jsonl", stdin='"x"\n')
        assert code == 0
        assert json.loads(out)["characters"] == 1

    def test_empty_input_gives_empty_output(self) -> None:
        assert run("--jsonl") == (0, "", "")

    def test_a_line_break_inside_a_json_string_is_part_of_the_message(self) -> None:
        _, out, _ = run("--jsonl", stdin='"a\\r\\nb"\n')
        assert json.loads(out)["characters"] == 3

    @pytest.mark.parametrize(
        ("bad", "sentence"),
        [
            ("not json", "Line 2 of stdin is not JSON (Expecting value)"),
            ("", "Line 2 of stdin is not JSON (Expecting value)"),
            ("42", "Line 2 of stdin is a JSON int, not a string"),
            ('{"text": "x"}', "Line 2 of stdin is a JSON dict, not a string"),
        ],
    )
    def test_a_bad_line_stops_with_its_number_after_answering_the_lines_before(
        self, bad: str, sentence: str
    ) -> None:
        code, out, err = run("--jsonl", stdin=f'"first"\n{bad}\n"third"\n')
        assert code == 2
        assert len(out.splitlines()) == 1
        assert json.loads(out)["characters"] == 5
        assert err.startswith(sentence)
        assert err.count("\n") == 1

    def test_undecodable_line_is_named(self) -> None:
        stdin = io.TextIOWrapper(io.BytesIO(b'"ok"\n"\xff"\n'), encoding="utf-8")
        code, out, err = run("--jsonl", stdin=stdin)
        assert code == 2
        assert len(out.splitlines()) == 1
        assert err == "Line 2 of stdin is not valid UTF-8 text.\n"

    def test_bytes_lines_are_read_as_utf8(self) -> None:
        stdin = io.TextIOWrapper(io.BytesIO('"中"\n"é"\n'.encode()), encoding="cp1252")
        code, out, _ = run("--jsonl", stdin=stdin)
        assert code == 0
        assert [json.loads(line)["encoding"] for line in out.splitlines()] == ["U", "T"]

    def test_lone_surrogate_is_written_as_an_escape(self) -> None:
        code, out, _ = run("--jsonl", stdin='"a\\ud800"\n')
        assert code == 0
        assert "\\ud800" in out

    def test_text_with_jsonl_is_a_usage_error(self) -> None:
        code, out, err = run("Hello", "--jsonl")
        assert (code, out) == (2, "")
        assert err == "With --jsonl the messages are read from stdin; leave out TEXT.\n"

    def test_json_with_jsonl_is_a_usage_error(self) -> None:
        code, _, err = run("--json", "--jsonl")
        assert code == 2
        assert err == "Give either --json or --jsonl, not both.\n"


def test_runs_as_a_process(tmp_path: Path) -> None:
    env = {**os.environ, "LIASMART_HOME": str(tmp_path / "home"), "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-m", "liasmart_desktop.cli.main", "analyze", "--jsonl"],
        input='"Hello €"\n"😀"\n'.encode(),
        capture_output=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    documents = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert documents[0]["units"] == 8
    assert documents[1] == {
        "encoding": "U",
        "characters": 1,
        "units": 2,
        "segments": 1,
        "per_segment": 70,
        "remaining": 68,
        "unicode_characters": ["😀"],
    }
