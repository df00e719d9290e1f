"""Speed and memory of the recipient import against ``pandas.read_excel`` on the same 100,000-row file.

Run: ``.venv/bin/python -m benchmarks.import_speed [--rows N] [--repeat N]``

It generates (once; cached in ``benchmarks/.data/``) a workbook written with openpyxl's write-only
mode: a Chinese name, a phone column mixing text cells (``13912345678``, ``+86 139 1234 5678``) and
number cells, an amount and a date, with a few empty, short and repeated numbers as real lists have;
and the same rows as a GBK CSV without a BOM, as Chinese Excel saves it.

Each measurement runs in its own fresh interpreter, ours and pandas alternating, and reports the
time of the call alone (imports excluded) and its own peak memory (``ru_maxrss``). Ours is
``import_file`` (read + normalise + classify every row). The baseline is
``pandas.read_excel(engine="openpyxl")``, which only reads the cells. pandas must not enter the app's
environment, so it runs from ``.venv-bench/``, a separate virtual environment this script creates on
first use (``python -m venv`` + ``pip install pandas openpyxl``). The CSV import is timed too,
against ``pandas.read_csv``, for information (no target).

Target: ours / pandas ≤ 0.4 and ours ≤ 250 MB peak. Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import random
import statistics
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / ".data"
BENCH_VENV = ROOT / ".venv-bench"
TARGET_RATIO = 0.4
TARGET_PEAK_MB = 250
DEFAULT_ROWS = 100_000
SEED = 20241125
DATA_VERSION = 2  # bump when the generated files change shape
# Prefixes of Chinese mobile numbers in use (China's numbering plan, as phonenumbers knows it).
MOBILE_PREFIXES = (*range(130, 140), 150, 151, 152, 153, 155, 156, 157, 158, 159, 166, 177, 178)
MOBILE_PREFIXES += (*range(180, 190), 191, 198, 199)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"

# Each child prints one JSON line: {"seconds": …, "peak_mb": …, "rows": …}.
_OURS = """
import json, resource, sys, time
from liasmart_desktop.core.importing import ImportOptions, import_file
started = time.perf_counter()
report = import_file(sys.argv[1], ImportOptions(country="CN"))
seconds = time.perf_counter() - started
assert report.counts.total == report.rows
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak, "rows": report.rows,
                  "recipients": report.counts.recipients, "encoding": report.encoding}))
"""
_PANDAS_EXCEL = """
import json, resource, sys, time
import pandas
started = time.perf_counter()
frame = pandas.read_excel(sys.argv[1], engine="openpyxl")
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak, "rows": len(frame)}))
"""
_PANDAS_CSV = """
import json, resource, sys, time
import pandas
started = time.perf_counter()
frame = pandas.read_csv(sys.argv[1], encoding="gb18030", dtype=str)
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak, "rows": len(frame)}))
"""


def make_rows(count: int) -> list[tuple[str, str | int, float, datetime.date]]:
    """Deterministic rows: about 1% empty, 1% too short and 1% repeated phone numbers."""
    rng = random.Random(SEED)
    start = datetime.date(2024, 1, 1)
    rows: list[tuple[str, str | int, float, datetime.date]] = []
    for index in range(count):
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        mobile = rng.choice(MOBILE_PREFIXES) * 10**8 + rng.randrange(10**8)
        phone: str | int
        roll = rng.random()
        if roll < 0.01:
            phone = ""
        elif roll < 0.02:
            phone = str(mobile)[:7]
        elif roll < 0.03 and rows:
            phone = rows[rng.randrange(len(rows))][1]
        elif index % 2:
            phone = mobile  # a number cell
        elif index % 4 == 0:
            phone = str(mobile)
        else:
            text = str(mobile)
            phone = f"+86 {text[:3]} {text[3:7]} {text[7:]}"
        rows.append(
            (name, phone, round(rng.random() * 1000, 2), start + datetime.timedelta(days=index % 365))
        )
    return rows


def generate(count: int) -> tuple[Path, Path]:
    """The workbook and the GBK CSV, generated once per row count."""
    DATA.mkdir(parents=True, exist_ok=True)
    xlsx = DATA / f"recipients_{count}_v{DATA_VERSION}.xlsx"
    gbk = DATA / f"recipients_{count}_v{DATA_VERSION}_gbk.csv"
    if xlsx.exists() and gbk.exists():
        return xlsx, gbk
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    rows = make_rows(count)
    print(f"Generating {count:,} rows into {DATA} (once) …", flush=True)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("名单")
    sheet.append(["姓名", "手机号码", "金额", "日期"])
    for name, phone, amount, day in rows:
        date_cell = WriteOnlyCell(sheet, value=datetime.datetime.combine(day, datetime.time()))
        date_cell.number_format = "yyyy-mm-dd"
        sheet.append([name, phone, amount, date_cell])
    partial = xlsx.with_suffix(".partial")
    workbook.save(partial)
    partial.replace(xlsx)
    with gbk.open("w", encoding="gbk", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["姓名", "手机号码", "金额", "日期"])
        writer.writerows((name, phone, amount, day.isoformat()) for name, phone, amount, day in rows)
    return xlsx, gbk


def bench_python() -> Path:
    """The interpreter of the separate environment that holds pandas (created on first use)."""
    python = BENCH_VENV / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    if not python.exists():
        print(f"Creating {BENCH_VENV} for the pandas baseline (once) …", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(BENCH_VENV)
    probe = subprocess.run([python, "-c", "import pandas, openpyxl"], capture_output=True, check=False)
    if probe.returncode != 0:
        subprocess.run(
            [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "pandas", "openpyxl"],
            check=True,
        )
    return python


def run_once(python: Path | str, script: str, path: Path) -> dict[str, float]:
    """One measurement in a fresh interpreter: the child's own timing and peak memory."""
    done = subprocess.run(
        [str(python), "-c", script, str(path)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def summarise(results: list[dict[str, float]]) -> dict[str, float]:
    """The median time and the largest peak memory of repeated runs."""
    summary: dict[str, object] = dict(results[0])  # the row counts etc. of the first run
    summary["seconds"] = statistics.median(result["seconds"] for result in results)
    summary["peak_mb"] = max(result["peak_mb"] for result in results)
    summary["runs"] = [round(result["seconds"], 3) for result in results]
    return summary  # type: ignore[return-value]


def measure_pair(
    ours: tuple[Path | str, str], baseline: tuple[Path | str, str], path: Path, repeat: int
) -> tuple[dict[str, float], dict[str, float]]:
    """Both sides, alternating run by run, so a busy machine slows both alike."""
    mine: list[dict[str, float]] = []
    theirs: list[dict[str, float]] = []
    for _ in range(repeat):
        mine.append(run_once(*ours, path))
        theirs.append(run_once(*baseline, path))
    return summarise(mine), summarise(theirs)


def main(argv: list[str] | None = None) -> int:
    """Generate, measure, print the ratios; 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=DEFAULT_ROWS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    xlsx, gbk = generate(args.rows)
    pandas_python = bench_python()
    ours_xlsx, pandas_xlsx = measure_pair(
        (sys.executable, _OURS), (pandas_python, _PANDAS_EXCEL), xlsx, args.repeat
    )
    ours_csv, pandas_csv = measure_pair(
        (sys.executable, _OURS), (pandas_python, _PANDAS_CSV), gbk, args.repeat
    )
    ratio = ours_xlsx["seconds"] / pandas_xlsx["seconds"]
    print(f"{args.rows:,} data rows; median of {args.repeat} runs, each in a fresh interpreter")
    print(f"{'':50} {'seconds':>8} {'peak MB':>8}  runs")
    for label, result in (
        ("xlsx  ours: import_file (read+normalise+classify)", ours_xlsx),
        ("xlsx  pandas.read_excel(engine='openpyxl')", pandas_xlsx),
        (f"csv   ours: import_file ({ours_csv.get('encoding')})", ours_csv),
        ("csv   pandas.read_csv(encoding='gb18030')", pandas_csv),
    ):
        print(f"{label:50} {result['seconds']:8.3f} {result['peak_mb']:8.1f}  {result['runs']}")
    print(f"recipients found: {ours_xlsx['recipients']:,} of {ours_xlsx['rows']:,} rows (xlsx)")
    print(f"ratio ours/pandas (xlsx): {ratio:.3f}  (target ≤ {TARGET_RATIO})")
    print(f"ratio ours/pandas (csv, information only): {ours_csv['seconds'] / pandas_csv['seconds']:.3f}")
    peak = max(ours_xlsx["peak_mb"], ours_csv["peak_mb"])
    print(f"peak memory ours: {peak:.1f} MB  (target ≤ {TARGET_PEAK_MB} MB)")
    met = ratio <= TARGET_RATIO and peak <= TARGET_PEAK_MB
    print("targets met" if met else "TARGET MISSED")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
