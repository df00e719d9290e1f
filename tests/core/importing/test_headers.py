"""Header rows, column names and the phone column, told apart as people write them."""

from __future__ import annotations

import pytest

from liasmart_desktop.core.importing import RowStatus
from liasmart_desktop.core.importing.headers import (
    find_header_row,
    find_named_column,
    guess_phone_column_by_content,
    guess_phone_column_by_header,
    looks_like_data,
    name_columns,
    phone_header_key,
)
from liasmart_desktop.core.importing.phones import normalise_phone
from liasmart_desktop.core.importing.sheet_data import CellValue


def is_data(cell: CellValue) -> bool:
    return looks_like_data(normalise_phone(cell, "CN").status, cell)


def header_of(rows: list[list[CellValue]], phone_column: str | None = None) -> int | None:
    texts = [["" if cell is None else str(cell) for cell in row] for row in rows]
    return find_header_row(texts, rows, phone_column=phone_column, looks_like_phone=is_data)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Phone_Number ", "phonenumber"),
        ("PHONE-NUMBER", "phonenumber"),
        ("ｐｈｏｎｅ　ｎｕｍｂｅｒ", "phonenumber"),
        ("手机号：", "手机号"),
        ("\ufeffTel.", "tel"),
    ],
)
def test_phone_header_key(text: str, key: str) -> None:
    assert phone_header_key(text) == key


def test_header_found_below_a_title_block() -> None:
    rows: list[list[CellValue]] = [
        ["客户名单"],
        ["导出日期", None],
        ["姓名", "联系方式", "城市"],
        ["张三", "13912345678", "武汉"],
    ]
    assert header_of(rows) == 2


def test_header_found_by_width_when_no_name_is_known() -> None:
    rows: list[list[CellValue]] = [["List of 2024"], ["Name", "Contact", "City"], ["A", "x", "y"]]
    assert header_of(rows) == 1


def test_single_column_header() -> None:
    assert header_of([["Numbers"], ["13912345678"]]) == 0


def test_named_phone_column_marks_the_header() -> None:
    rows: list[list[CellValue]] = [["Title", "x", "y"], ["a", "Cell No", "b"], ["1", "13912345678", "2"]]
    assert header_of(rows, phone_column="cell_no") == 1


@pytest.mark.parametrize(
    "first", [["13912345678", "Ann"], [13912345678.0, "Ann"], ["Ann", 42.0], ["1.39E+10", "x"]]
)
def test_no_header_when_the_chosen_row_holds_data(first: list[CellValue]) -> None:
    assert header_of([first, ["13812345678", "Bob"]]) is None


def test_name_columns() -> None:
    names, renamed = name_columns(["phone", " Name ", "", "NAME", "phone (E)", "phone"], 7, 0)
    assert names == ["phone", "Name", "C", "NAME (D)", "phone (E)", "phone (F)", "G"]
    assert renamed == [3, 5]
    offset, _ = name_columns([], 2, 26)
    assert offset == ["AA", "AB"]


def test_repeated_suffix_collisions_keep_names_unique() -> None:
    names, _ = name_columns(["x", "x (B)", "x"], 3, 0)
    assert len({name.casefold() for name in names}) == 3


def test_find_named_column() -> None:
    columns = ["Name", "Phone Number", "C"]
    assert find_named_column("phone_number", columns, 0) == 1
    assert find_named_column("b", columns, 0) == 1
    assert find_named_column("c", columns, 0) == 2
    assert find_named_column("AB", ["x", "y"], 26) == 1
    assert find_named_column("Fax", columns, 0) is None


@pytest.mark.parametrize(
    ("columns", "index"),
    [
        (["电话", "手机号码"], 1),  # a mobile header beats a general phone header
        (["Tel", "Name"], 0),
        (["姓名", "客户手机(必填)"], 1),  # contains a phone word
        (["Name", "City"], None),
    ],
)
def test_guess_phone_column_by_header(columns: list[str], index: int | None) -> None:
    assert guess_phone_column_by_header(columns) == index


def test_guess_phone_column_by_content() -> None:
    sample: list[list[CellValue]] = [["A", "x", "13912345678"], ["B", "13812345678", "13712345678"], ["C"]]
    is_phone = lambda cell: normalise_phone(cell, "CN").status is RowStatus.RECIPIENT  # noqa: E731
    assert guess_phone_column_by_content(sample, 4, is_phone) == 2
    assert guess_phone_column_by_content([["x", "y"]], 2, is_phone) is None
