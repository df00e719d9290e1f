"""``liasmart analyze``: encoding and segment count of a message.

``TEXT`` is the message; ``-`` reads it from stdin as UTF-8 (a BOM is allowed), where one trailing
line break (the one ``echo`` and editors add) is not part of the message. With ``--jsonl`` every
stdin line holds one JSON string and gets one JSON object on stdout, in order. Every line must be a
JSON string (a blank line is not): at the first line that is not, the command stops with exit 2 and
names the line, after having answered the lines before it, so output line N always answers input
line N.
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from collections.abc import Iterable, Iterator
from typing import BinaryIO, Final

from liasmart_desktop.cli.commands import Command, add_json_option
from liasmart_desktop.cli.context import CliContext, dump_json
from liasmart_desktop.cli.errors import CliError, ExitCode
from liasmart_desktop.core.text import (
    Encoding,
    TextAnalysis,
    TextIssue,
    TextProblem,
    advise,
    analyze,
)

_ENCODING_NAMES: Final = {Encoding.GSM7: "GSM 7-bit", Encoding.UCS2: "Unicode, UCS-2"}
_UNIT_NAMES: Final = {Encoding.GSM7: "septets", Encoding.UCS2: "UTF-16 code units"}
_PROBLEM_SENTENCES: Final = {
    TextIssue.EMPTY: "The text is empty; there is nothing to send.",
    TextIssue.BLANK: "The text holds only spaces or invisible characters; it cannot be sent.",
    TextIssue.CONTROL_CHARACTER: "It contains control characters ({characters}); it cannot be sent "
    "until they are removed.",
    TextIssue.LONE_SURROGATE: "It contains broken characters (lone surrogates {characters}); it cannot "
    "be sent until they are removed.",
    TextIssue.BIDI_CONTROL: "It contains bidirectional override characters ({characters}), which can "
    "make a text read differently from what is sent; it cannot be sent until they are removed.",
    TextIssue.INVISIBLE_CHARACTER: "It contains invisible characters ({characters}); each one costs "
    "like a visible character and forces Unicode.",
    TextIssue.NOT_IN_GSM_ALPHABET: "Encoding T was forced, but {characters} are not in the GSM alphabet "
    "and would be lost.",
}
_REPLACEMENT_NAMES: Final = {"": "nothing", " ": "a space", "\n": "a line break"}
_LABEL_WIDTH: Final = 19


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "text",
        nargs="?",
        metavar="TEXT",
        help="the message text, or - to read it from stdin (without its final line break)",
    )
    add_json_option(parser)
    parser.add_argument(
        "--jsonl",
        action="store_true",
        help="read one JSON string per stdin line, write one JSON object per line",
    )


def analysis_fields(analysis: TextAnalysis) -> dict[str, object]:
    """The JSON fields of ``liasmart analyze`` (the contract's)."""
    return {
        "encoding": analysis.encoding.value,
        "characters": analysis.characters,
        "units": analysis.units,
        "segments": analysis.segments,
        "per_segment": analysis.per_segment,
        "remaining": analysis.remaining,
        "unicode_characters": list(analysis.unicode_characters),
    }


def _json_document(analysis: TextAnalysis) -> str:
    fields = analysis_fields(analysis)
    if any(problem.code is TextIssue.LONE_SURROGATE for problem in analysis.problems):
        # A lone surrogate cannot be written to a UTF-8 stream; JSON's \udXXX escape can.
        return json.dumps(fields)
    return dump_json(fields)


def _show(char: str) -> str:
    """A character for a terminal: itself and its code point, or only the code point if unprintable."""
    code = f"U+{ord(char):04X}"
    if not char.isprintable() or unicodedata.category(char).startswith("M"):
        return code
    return f"{char} {code}"


def _problem_sentence(problem: TextProblem) -> str:
    characters = ", ".join(_show(char) for char in problem.characters)
    return _PROBLEM_SENTENCES[problem.code].format(characters=characters)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _line(label: str, value: str) -> str:
    return f"{label + ':':<{_LABEL_WIDTH}} {value}"


def _human_lines(analysis: TextAnalysis) -> Iterator[str]:
    unit = _UNIT_NAMES[analysis.encoding]
    yield _line("Encoding", f"{analysis.encoding.value} ({_ENCODING_NAMES[analysis.encoding]})")
    yield _line("Characters", str(analysis.characters))
    doubled = analysis.double_unit_characters
    twice = f" ({_count(doubled, 'character')} count twice)" if doubled else ""
    yield _line("Units", f"{analysis.units} {unit}{twice}")
    yield _line("Segments", f"{analysis.segments} (up to {analysis.per_segment} {unit} each)")
    yield _line("Remaining", f"{analysis.remaining} {unit} in the last segment")
    forcing = ", ".join(_show(char) for char in analysis.unicode_characters)
    yield _line("Forcing Unicode", forcing or "none")
    if analysis.segments > 1:
        deletions = _count(analysis.to_save_part, "character")
        yield _line("To save a segment", f"delete {deletions} at the end")
    advice = advise(analysis.text, analysis.policy)
    if advice.replacements:
        swaps = ", ".join(
            f"{_show(r.character)} with {_REPLACEMENT_NAMES.get(r.replacement, r.replacement)}"
            for r in advice.replacements
        )
        after = advice.after
        yield _line(
            "Look-alikes",
            f"replacing {swaps} would give {after.encoding.value}, "
            f"{_count(after.segments, 'segment')} instead of {analysis.segments}",
        )
    for problem in analysis.problems:
        yield _line("Problem", _problem_sentence(problem))


def _stdin_bytes(ctx: CliContext) -> BinaryIO | None:
    """The byte stream under stdin, so that input is UTF-8 whatever the console's code page."""
    buffer: BinaryIO | None = getattr(ctx.stdin, "buffer", None)
    return buffer


def _read_stdin_text(ctx: CliContext) -> str:
    buffer = _stdin_bytes(ctx)
    if buffer is None:
        text = ctx.stdin.read()
    else:
        try:
            text = buffer.read().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise CliError(
                ExitCode.USAGE, f"stdin is not valid UTF-8 text ({exc.reason} at byte {exc.start})."
            ) from exc
    if text.endswith("\n"):
        text = text[:-2] if text.endswith("\r\n") else text[:-1]
    return text


def _line_value(number: int, line: str | bytes) -> str:
    """The JSON string on stdin line ``number``, or a usage error naming the line."""
    try:
        value = json.loads(line)
    except UnicodeDecodeError as exc:
        raise CliError(ExitCode.USAGE, f"Line {number} of stdin is not valid UTF-8 text.") from exc
    except json.JSONDecodeError as exc:
        raise CliError(
            ExitCode.USAGE,
            f"Line {number} of stdin is not JSON ({exc.msg}); "
            'each line must be one JSON string such as "Hello".',
        ) from exc
    if not isinstance(value, str):
        raise CliError(
            ExitCode.USAGE,
            f"Line {number} of stdin is a JSON {type(value).__name__}, not a string; "
            'each line must be one JSON string such as "Hello".',
        )
    return value


def _run_jsonl(ctx: CliContext) -> int:
    # JSON Lines are UTF-8: read bytes where there are bytes, so each line is decoded on its own and
    # an undecodable one is named exactly.
    lines: Iterable[str | bytes] = _stdin_bytes(ctx) or ctx.stdin
    write = ctx.stdout.write
    try:
        for number, line in enumerate(lines, start=1):
            write(_json_document(analyze(_line_value(number, line))) + "\n")
    finally:
        ctx.stdout.flush()
    return ExitCode.OK


def run_analyze(ctx: CliContext) -> int:
    """Print the encoding, units and segments of one text, or of every line with ``--jsonl``."""
    text_arg: str | None = ctx.args.text
    if ctx.args.jsonl:
        if ctx.json_mode:
            raise CliError(ExitCode.USAGE, "Give either --json or --jsonl, not both.")
        if text_arg not in {None, "-"}:
            raise CliError(ExitCode.USAGE, "With --jsonl the messages are read from stdin; leave out TEXT.")
        return _run_jsonl(ctx)
    if text_arg is None:
        raise CliError(
            ExitCode.USAGE,
            "Give the message text, or - to read it from stdin (for example: liasmart analyze 'Hello').",
        )
    analysis = analyze(_read_stdin_text(ctx) if text_arg == "-" else text_arg)
    if ctx.json_mode:
        ctx.stdout.write(_json_document(analysis) + "\n")
        ctx.stdout.flush()
    else:
        for line in _human_lines(analysis):
            ctx.say(line)
    return ExitCode.OK


COMMANDS = [
    Command(
        "analyze",
        "show the encoding and segment count of a message",
        _add_arguments,
        run_analyze,
    )
]
