"""Properties over generated sheets: each data row lands in exactly one bucket; imports repeat exactly."""

from __future__ import annotations

import csv
import datetime
import io
import tempfile
from collections.abc import Sequence
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liasmart_desktop.core.importing import ImportOptions, ImportReport, import_file
from tests.core.importing.builders import write_xlsx

OPTIONS = ImportOptions(country="CN", phone_column="phone", delimiter=",")
_text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00") | st.sampled_from("\n "),
    max_size=12,
).filter(lambda text: not text.startswith("="))
_phone_like = st.builds(
    lambda prefix, body, sep: prefix + sep.join([body[:3], body[3:7], body[7:]]),
    st.sampled_from(["", "+86 ", "0086", "86", "0"]),
    st.from_regex(r"1[3-9]\d{9}", fullmatch=True),
    st.sampled_from(["", " ", "-"]),
)
_text_cell = st.one_of(
    st.none(), st.just(""), st.just("  "), _text, _phone_like, st.sampled_from(["1.39E+10", "无", "张三"])
)
_number_cell = st.one_of(
    st.integers(min_value=0, max_value=10**16),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e17, max_value=1e17),
    st.booleans(),
    st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2030, 1, 1)),
)


def _rows(cell: st.SearchStrategy[object]) -> st.SearchStrategy[list[list[object]]]:
    return st.lists(st.lists(cell, max_size=4), min_size=1, max_size=25)


def _blank(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def check_accounting(report: ImportReport, data_rows: Sequence[Sequence[object]]) -> None:
    filled = [index + 2 for index, row in enumerate(data_rows) if not all(map(_blank, row))]
    assert report.rows == len(filled)
    assert report.counts.total == report.rows
    numbers = [r.row for r in report.recipients] + [p.row for p in report.problems]
    assert sorted(numbers) == filled  # each data row exactly once, by its spreadsheet row number
    last = filled[-1] if filled else 0
    assert report.empty_rows == sum(
        1 for index, row in enumerate(data_rows) if index + 2 < last and all(map(_blank, row))
    )
    phones = [r.phone for r in report.recipients]
    assert len(phones) == len(set(phones))


def _csv_bytes(rows: Sequence[Sequence[object]]) -> bytes:
    stream = io.StringIO()
    csv.writer(stream).writerows(
        [["name", "phone", "x"], *[["" if c is None else c for c in row] for row in rows]]
    )
    return stream.getvalue().encode("utf-8-sig")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_rows(_text_cell))
def test_csv_buckets_add_up_and_repeat(rows: list[list[object]]) -> None:
    if not any(not all(map(_blank, row)) for row in rows):
        rows = [*rows, ["a", "13912345678"]]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "list.csv"
        path.write_bytes(_csv_bytes(rows))
        first = import_file(path, OPTIONS)
        check_accounting(first, rows)
        assert import_file(path, OPTIONS) == first


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_rows(st.one_of(_text_cell, _number_cell)))
def test_xlsx_buckets_add_up_and_repeat(rows: list[list[object]]) -> None:
    if not any(not all(map(_blank, row)) for row in rows):
        rows = [*rows, ["a", "13912345678"]]
    with tempfile.TemporaryDirectory() as folder:
        path = write_xlsx(Path(folder) / "list.xlsx", {"S": [["name", "phone", "x"], *rows]})
        first = import_file(path, OPTIONS)
        check_accounting(first, rows)
        assert import_file(path, OPTIONS) == first
