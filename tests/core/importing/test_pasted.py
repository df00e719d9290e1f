"""Pasted numbers (the GUI's paste box, ``send --to``): separators, and the same accounting as files."""

from __future__ import annotations

import pytest

from liasmart_desktop.core.importing import (
    FileFormat,
    ImportFileError,
    ImportLimits,
    ImportProblem,
    RowReason,
    RowStatus,
    parse_pasted_numbers,
)


def test_lines_commas_semicolons_and_spaces() -> None:
    text = "13912345678, 139 1234 5678\n\n+86 138 1234 5678；13712345678 13612345678\n12345\n1.39E+10,,"
    report = parse_pasted_numbers(text, "CN")
    assert (report.format, report.source, report.columns, report.rows, report.empty_rows) == (
        FileFormat.PASTE,
        "",
        ("A",),
        7,
        0,
    )
    assert [(r.row, r.phone, r.original) for r in report.recipients] == [
        (1, "8613912345678", "13912345678"),
        (3, "8613812345678", "+86 138 1234 5678"),
        (4, "8613712345678", "13712345678"),
        (5, "8613612345678", "13612345678"),
    ]
    assert [(p.row, p.status, p.reason) for p in report.problems] == [
        (2, RowStatus.DUPLICATE, RowReason.DUPLICATE),
        (6, RowStatus.INVALID, RowReason.INVALID_FOR_COUNTRY),
        (7, RowStatus.DAMAGED, RowReason.SCIENTIFIC_NOTATION),
    ]
    assert report.counts.total == report.rows


def test_nothing_pasted_is_an_empty_report() -> None:
    report = parse_pasted_numbers(" \n ,, ;\n", None)
    assert (report.rows, report.recipients, report.problems, report.counts.total, report.country) == (
        0,
        (),
        (),
        0,
        None,
    )


def test_limits_and_country_apply() -> None:
    with pytest.raises(ImportFileError) as caught:
        parse_pasted_numbers("13912345678\n13812345678", "CN", limits=ImportLimits(max_rows=1))
    assert caught.value.code is ImportProblem.TOO_MANY_ROWS
    with pytest.raises(ImportFileError) as unknown:
        parse_pasted_numbers("13912345678", "XX")
    assert unknown.value.code is ImportProblem.UNKNOWN_COUNTRY
    assert parse_pasted_numbers("8613912345678", None).recipients[0].phone == "8613912345678"
