"""Speed of the text engine: render and analyse 100,000 personalised messages, against bare ``str.format``.

Run: ``.venv/bin/python -m benchmarks.text_engine [--rows N] [--repeat N]``

The rows are mixed like a real list: about 70 characters per message, a fifth of the recipients get a
Chinese message, some Latin names carry accents (GSM ``é`` ``ü``, non-GSM ``ç``) and a few carry an
emoji. Each campaign is rendered with ``MergeTemplate.render_all`` (render + normalize + analyse +
summary); the baseline is a bare ``str.format_map`` loop over the same rows in the same run. It then
times ``liasmart analyze --jsonl`` on 3,000 messages, in-process and as a separate process (minus
the start-up of the same command with empty input).
"""

from __future__ import annotations

import argparse
import io
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from liasmart_desktop.cli.main import main as cli_main
from liasmart_desktop.core.text import CampaignRender, compile_template

TARGET_ROWS = 100_000
TARGET_S = 1.0
JSONL_MESSAGES = 3_000
SEED = 20240611
CHINESE_SHARE = 0.2
EMOJI_SHARE = 0.01

ENGLISH = "Hi {name}, parcel {code} reaches {city} on {date}. Reply STOP to opt out"
CHINESE = "{name}您好，您的包裹{code}将于{date}送达{city}，请保持电话畅通。回复TD退订"
LATIN_NAMES = ("Anna", "Müller", "José", "Chloé", "François", "Bjørn", "Sam", "Olivia", "Ahmed", "Lucía")
EMOJI = ("😀", "🎉", "🌸", "👍")
CITIES = ("Berlin", "Paris", "London", "Zürich", "Madrid", "Lyon", "Oslo")
CHINESE_NAMES = ("王小明", "李娜", "张伟", "刘洋", "陈静", "杨帆")
CHINESE_CITIES = ("北京", "上海", "广州", "深圳", "成都")
Row = dict[str, str]


def make_rows(count: int) -> tuple[list[Row], list[Row]]:
    """Latin and Chinese recipients, deterministic for a given count."""
    rng = random.Random(SEED)
    latin: list[Row] = []
    chinese: list[Row] = []
    for index in range(count):
        code = f"LS{rng.randrange(10**7):07d}"
        date = f"{rng.randrange(1, 29):02d}/{rng.randrange(1, 13):02d}"
        if rng.random() < CHINESE_SHARE:
            name, city = rng.choice(CHINESE_NAMES), rng.choice(CHINESE_CITIES)
            chinese.append({"name": name, "code": code, "city": city, "date": date, "n": str(index)})
            continue
        name = rng.choice(LATIN_NAMES)
        if rng.random() < EMOJI_SHARE:
            name = f"{name} {rng.choice(EMOJI)}"
        latin.append({"name": name, "code": code, "city": rng.choice(CITIES), "date": date})
    return latin, chinese


def best_of(repeat: int, work: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs, in seconds (the least disturbed by other processes)."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def bench_render(rows: int, repeat: int) -> None:
    latin, chinese = make_rows(rows)
    columns = ("name", "code", "city", "date")
    english_t = compile_template(ENGLISH, columns)
    chinese_t = compile_template(CHINESE, columns)

    def baseline() -> None:
        for row in latin:
            ENGLISH.format_map(row)
        for row in chinese:
            CHINESE.format_map(row)

    renders: list[CampaignRender] = []

    def ours() -> None:
        renders.clear()
        renders.append(english_t.render_all(latin))
        renders.append(chinese_t.render_all(chinese))

    base_s = best_of(repeat, baseline)
    ours_s = best_of(repeat, ours)
    total = len(latin) + len(chinese)
    lengths = [a.characters for r in renders for a in r.analyses if a is not None]
    summaries = [r.summary for r in renders]
    print(
        f"messages: {total:,} ({len(chinese):,} Chinese), mean length {sum(lengths) / len(lengths):.1f} chars"
    )
    print(
        f"segments: {sum(s.total_segments for s in summaries):,}; rows gone Unicode by their values: "
        f"{sum(len(s.unicode_rows) for s in summaries):,}; spilled into an extra part: "
        f"{sum(len(s.spilled_rows) for s in summaries):,}"
    )
    print(f"str.format baseline : {base_s:.3f} s  {total / base_s:>12,.0f} messages/s")
    print(f"render + analyse    : {ours_s:.3f} s  {total / ours_s:>12,.0f} messages/s")
    print(f"ratio (ours / str.format): {ours_s / base_s:.1f}x")
    per_100k = ours_s * TARGET_ROWS / total
    verdict = "met" if per_100k < TARGET_S else "NOT met"
    print(f"target {TARGET_ROWS:,} messages in < {TARGET_S:.0f} s: {per_100k:.3f} s per 100k, {verdict}")


def _jsonl_input(messages: Sequence[str]) -> str:
    return "".join(json.dumps(text, ensure_ascii=False) + "\n" for text in messages)


def bench_jsonl(repeat: int) -> None:
    latin, chinese = make_rows(JSONL_MESSAGES)
    messages = [ENGLISH.format_map(row) for row in latin] + [CHINESE.format_map(row) for row in chinese]
    payload = _jsonl_input(messages)

    def in_process() -> None:
        out = io.StringIO()
        code = cli_main(["analyze", "--jsonl"], stdin=io.StringIO(payload), stdout=out, stderr=io.StringIO())
        if code != 0 or out.getvalue().count("\n") != len(messages):
            raise SystemExit(f"liasmart analyze --jsonl failed with exit code {code}")

    inproc_s = best_of(repeat, in_process)
    print(f"liasmart analyze --jsonl, {len(messages):,} messages in-process: {inproc_s * 1000:.1f} ms")
    with tempfile.TemporaryDirectory() as home:
        source = Path(home) / "messages.jsonl"
        source.write_text(payload, encoding="utf-8")
        empty = Path(home) / "empty.jsonl"
        empty.write_text("", encoding="utf-8")
        command = [sys.executable, "-m", "liasmart_desktop.cli.main", "analyze", "--jsonl"]
        env = {"LIASMART_HOME": home, "PYTHONIOENCODING": "utf-8"}

        def run(path: Path) -> Callable[[], object]:
            def call() -> None:
                with path.open("rb") as stdin:
                    subprocess.run(command, stdin=stdin, stdout=subprocess.DEVNULL, env=env, check=True)

            return call

        full_s = best_of(repeat, run(source))
        startup_s = best_of(repeat, run(empty))
    print(
        f"  as a process: {full_s * 1000:.0f} ms, of which start-up {startup_s * 1000:.0f} ms; "
        f"own work {(full_s - startup_s) * 1000:.0f} ms"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run both measurements and print their figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=TARGET_ROWS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    bench_render(args.rows, args.repeat)
    bench_jsonl(args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
