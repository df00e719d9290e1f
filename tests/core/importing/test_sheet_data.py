"""Cells as people read them, and column letters as spreadsheet programs name them."""

from __future__ import annotations

import datetime

import pytest

from liasmart_desktop.core.importing.sheet_data import column_index, column_letters, display_text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("  as is ", "  as is "),
        (None, ""),
        (True, "TRUE"),
        (False, "FALSE"),
        (13912345678, "13912345678"),
        (13912345678.0, "13912345678"),
        (8613912345678.0, "8613912345678"),
        (49.54, "49.54"),
        (1.2345678901234567e18, "1.23456789012346e+18"),
        (10**19, "10000000000000000000"),
        (datetime.datetime(2024, 1, 2, 3, 4, 5, 678), "2024-01-02 03:04:05"),  # noqa: DTZ001
        (datetime.date(2024, 1, 2), "2024-01-02"),
        (datetime.time(8, 30), "08:30:00"),
        (datetime.timedelta(hours=26, seconds=5), "26:00:05"),
        (datetime.timedelta(minutes=-90), "-1:30:00"),
    ],
)
def test_display_text(value: object, text: str) -> None:
    assert display_text(value) == text  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("index", "letters"), [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA"), (16_383, "XFD")]
)
def test_column_letters(index: int, letters: str) -> None:
    assert column_letters(index) == letters
    assert column_index(letters) == index
