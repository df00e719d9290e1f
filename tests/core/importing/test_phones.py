"""Phone normalisation: formats people write, Excel's damage, reasons, and the fast path's agreement."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liasmart_desktop.core.importing import ImportFileError, ImportProblem, RowReason, RowStatus
from liasmart_desktop.core.importing.phones import (
    PhoneNormaliser,
    normalise_phone,
    split_numbers,
    to_ascii,
)

OK = RowStatus.RECIPIENT


@pytest.mark.parametrize(
    ("value", "country", "phone"),
    [
        ("13912345678", "CN", "8613912345678"),
        ("139 1234 5678", "CN", "8613912345678"),
        ("139-1234-5678", "CN", "8613912345678"),
        ("139.1234.5678", "CN", "8613912345678"),
        ("(139) 1234 5678", "CN", "8613912345678"),
        ("+86 139 1234 5678", None, "8613912345678"),
        ("+86 139 1234 5678", "US", "8613912345678"),
        ("0086 139 1234 5678", "CN", "8613912345678"),
        ("008613912345678", "US", "8613912345678"),
        ("8613912345678", None, "8613912345678"),
        ("8613912345678", "CN", "8613912345678"),
        ("8613912345678", "US", "8613912345678"),  # too long for a US number: it carries its code
        ("013912345678", "CN", "8613912345678"),  # trunk 0
        ("１３９１２３４５６７８", "CN", "8613912345678"),  # full-width digits
        ("＋８６　１３９　１２３４　５６７８", None, "8613912345678"),  # full-width plus and space
        ("139\u200b1234\u00a05678", "CN", "8613912345678"),  # zero-width space, NBSP
        ("\u200e+86 139 1234 5678\u200f", None, "8613912345678"),  # direction marks
        ("\ufeff13912345678", "CN", "8613912345678"),  # BOM
        ("139\u20131234\u20145678", "CN", "8613912345678"),  # en and em dashes
        ("٠٣٠٠١٢٣٤٥٦٧", "PK", "923001234567"),  # Arabic-Indic digits
        ("03001234567", "PK", "923001234567"),
        ("3001234567", "PK", "923001234567"),  # leading zero lost in a spreadsheet
        ("00923001234567", "PK", "923001234567"),
        ("'13912345678", "CN", "8613912345678"),  # Excel's text prefix
        ('="013912345678"', "CN", "8613912345678"),
        ("tel:+8613912345678", None, "8613912345678"),
        ("TEL:+8613912345678", None, "8613912345678"),
        ("13912345678.0", "CN", "8613912345678"),  # a number cell written out by a script
        ("13912345678;", "CN", "8613912345678"),
        ("+39 06 1234 5678", None, "390612345678"),  # Italian leading zero kept
        ("+44 20 7946 0958", "CN", "442079460958"),
        ("0085291234567", "US", "85291234567"),
        (13912345678, "CN", "8613912345678"),
        (13912345678.0, "CN", "8613912345678"),
        (8613912345678.0, None, "8613912345678"),
        (3001234567.0, "PK", "923001234567"),
    ],
)
def test_accepted_forms(value: object, country: str | None, phone: str) -> None:
    result = normalise_phone(value, country)  # type: ignore[arg-type]
    assert (result.status, result.phone, result.reason) == (OK, phone, None)


@pytest.mark.parametrize(
    ("value", "country", "status", "reason", "params"),
    [
        ("", "CN", RowStatus.MISSING, RowReason.EMPTY, {}),
        ("   ", "CN", RowStatus.MISSING, RowReason.EMPTY, {}),
        ("\u200b\u00a0", "CN", RowStatus.MISSING, RowReason.EMPTY, {}),
        ("'", "CN", RowStatus.MISSING, RowReason.EMPTY, {}),
        (None, "CN", RowStatus.MISSING, RowReason.EMPTY, {}),
        ("1.39123E+10", "CN", RowStatus.DAMAGED, RowReason.SCIENTIFIC_NOTATION, {}),
        ("8.61391E+12", None, RowStatus.DAMAGED, RowReason.SCIENTIFIC_NOTATION, {}),
        ("1,39123E+10", "CN", RowStatus.DAMAGED, RowReason.SCIENTIFIC_NOTATION, {}),
        (1234567890123456.0, "CN", RowStatus.DAMAGED, RowReason.TOO_MANY_DIGITS_FOR_EXCEL, {}),
        (10**15, "CN", RowStatus.DAMAGED, RowReason.TOO_MANY_DIGITS_FOR_EXCEL, {}),
        ("13912345678,13812345678", "CN", RowStatus.INVALID, RowReason.MULTIPLE_NUMBERS, {"count": 2}),
        ("13912345678 / 13812345678", "CN", RowStatus.INVALID, RowReason.MULTIPLE_NUMBERS, {"count": 2}),
        ("13912345678 13812345678", "CN", RowStatus.INVALID, RowReason.MULTIPLE_NUMBERS, {"count": 2}),
        (
            "139…;138…;\n13712345678\n13612345678",
            "CN",
            RowStatus.INVALID,
            RowReason.MULTIPLE_NUMBERS,
            {"count": 4},
        ),
        ("13912345678 x12", "CN", RowStatus.INVALID, RowReason.EXTENSION, {"extension": "12"}),
        ("010-12345678转8001", "CN", RowStatus.INVALID, RowReason.EXTENSION, {"extension": "8001"}),
        ("+1 212 555 0100 ext. 5", None, RowStatus.INVALID, RowReason.EXTENSION, {"extension": "5"}),
        ("13912345678, ext 12", "CN", RowStatus.INVALID, RowReason.EXTENSION, {"extension": "12"}),
        ("1391234567a", "CN", RowStatus.INVALID, RowReason.LETTERS, {"character": "a"}),
        ("1-800-FLOWERS", "US", RowStatus.INVALID, RowReason.LETTERS, {"character": "F"}),
        ("无", "CN", RowStatus.INVALID, RowReason.LETTERS, {"character": "无"}),
        ("139;1234", "CN", RowStatus.INVALID, RowReason.UNEXPECTED_CHARACTER, {"character": ";"}),
        ("139*1234*5678", "CN", RowStatus.INVALID, RowReason.UNEXPECTED_CHARACTER, {"character": "*"}),
        ("x12", "CN", RowStatus.INVALID, RowReason.LETTERS, {"character": "x"}),
        ("1" * 70, "CN", RowStatus.INVALID, RowReason.TOO_LONG, {"digits": 70}),
        ("86+13912345678", "CN", RowStatus.INVALID, RowReason.UNEXPECTED_CHARACTER, {"character": "+"}),
        ("-+8613912345678", "CN", RowStatus.INVALID, RowReason.UNEXPECTED_CHARACTER, {"character": "+"}),
        (True, "CN", RowStatus.INVALID, RowReason.NOT_A_NUMBER, {"kind": "boolean"}),
        (datetime.date(2024, 1, 2), "CN", RowStatus.INVALID, RowReason.NOT_A_NUMBER, {"kind": "date"}),
        (
            datetime.datetime(2024, 1, 2, 3, 4),  # noqa: DTZ001 - cells carry no zone
            "CN",
            RowStatus.INVALID,
            RowReason.NOT_A_NUMBER,
            {"kind": "date"},
        ),
        (datetime.time(3, 4), "CN", RowStatus.INVALID, RowReason.NOT_A_NUMBER, {"kind": "time"}),
        (datetime.timedelta(hours=1), "CN", RowStatus.INVALID, RowReason.NOT_A_NUMBER, {"kind": "duration"}),
        (13912345678.5, "CN", RowStatus.INVALID, RowReason.NOT_A_WHOLE_NUMBER, {}),
        (float("nan"), "CN", RowStatus.INVALID, RowReason.NOT_A_WHOLE_NUMBER, {}),
        (-13912345678, "CN", RowStatus.INVALID, RowReason.NOT_A_WHOLE_NUMBER, {}),
        ("139", "CN", RowStatus.INVALID, RowReason.TOO_SHORT, {"digits": 3}),
        ("+", "CN", RowStatus.INVALID, RowReason.TOO_SHORT, {"digits": 0}),
        ("---", "CN", RowStatus.INVALID, RowReason.TOO_SHORT, {"digits": 0}),
        ("+8", None, RowStatus.INVALID, RowReason.TOO_SHORT, {"digits": 1}),
        ("+86 1391", None, RowStatus.INVALID, RowReason.TOO_SHORT, {"digits": 6}),
        ("+86 139123456789012", None, RowStatus.INVALID, RowReason.TOO_LONG, {"digits": 17}),
        ("12345678901234567890", "CN", RowStatus.INVALID, RowReason.TOO_LONG, {"digits": 20}),
        ("+999 1234 5678", None, RowStatus.INVALID, RowReason.UNKNOWN_COUNTRY_CODE, {"digits": 11}),
        ("+80 1234 5678", None, RowStatus.INVALID, RowReason.UNKNOWN_COUNTRY_CODE, {"digits": 10}),
        ("14012345678", "CN", RowStatus.INVALID, RowReason.INVALID_FOR_COUNTRY, {"country": "CN"}),
        ("85291234567", "CN", RowStatus.INVALID, RowReason.INVALID_FOR_COUNTRY, {"country": "CN"}),
        ("7700900123", "GB", RowStatus.INVALID, RowReason.INVALID_FOR_COUNTRY, {"country": "GB"}),
        ("07911123456", None, RowStatus.INVALID, RowReason.NEEDS_COUNTRY, {}),
        (7911123456, None, RowStatus.INVALID, RowReason.NEEDS_COUNTRY, {}),
        ("00999123456", None, RowStatus.INVALID, RowReason.UNKNOWN_COUNTRY_CODE, {"digits": 9}),
    ],
)
def test_rejected_forms(
    value: object, country: str | None, status: RowStatus, reason: RowReason, params: dict[str, object]
) -> None:
    result = normalise_phone(value, country)  # type: ignore[arg-type]
    assert (result.status, result.reason, dict(result.params), result.phone) == (status, reason, params, "")


def test_too_long_international_reports_its_digits() -> None:
    result = normalise_phone("+86 1391234567890123", None)
    assert (result.reason, result.params) == (RowReason.TOO_LONG, {"digits": 18})


def test_possible_but_invalid_without_region_code() -> None:
    # +800 is international freephone: a valid code with no country to name.
    result = normalise_phone("+800 0234 5678", None)
    assert (result.reason, dict(result.params)) == (RowReason.INVALID_FOR_COUNTRY, {"country": ""})


def test_unknown_default_country_is_refused() -> None:
    with pytest.raises(ImportFileError) as caught:
        PhoneNormaliser("XX")
    assert (caught.value.code, dict(caught.value.params)) == (
        ImportProblem.UNKNOWN_COUNTRY,
        {"country": "XX"},
    )


def test_country_is_case_insensitive() -> None:
    assert PhoneNormaliser("cn").country == "CN"
    assert PhoneNormaliser("").country is None


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("139 1234 5678", ["139 1234 5678"]),
        ("+86 139 1234 5678", ["+86 139 1234 5678"]),
        ("13912345678 13812345678", ["13912345678", "13812345678"]),
        (
            "13912345678，13812345678；13712345678、13612345678",
            ["13912345678", "13812345678", "13712345678", "13612345678"],
        ),
        ("13912345678|13812345678\t13712345678", ["13912345678", "13812345678", "13712345678"]),
        ("030/1234567", ["030/1234567"]),
        ("13912345678/13812345678", ["13912345678", "13812345678"]),
        ("010 12345678", ["010 12345678"]),
        (" ,, ; ", []),
        ("13912345678 138 1234 5678", ["13912345678 138 1234 5678"]),
    ],
)
def test_split_numbers(text: str, numbers: list[str]) -> None:
    assert split_numbers(text) == numbers


def test_to_ascii() -> None:
    assert to_ascii("１３９\u3000\u200b－（５）") == "139 -(5)"
    assert to_ascii("①٣x") == "13x"
    assert to_ascii("\u2010") == "-"
    assert to_ascii("中") == "中"


# The fast path must never disagree with phonenumbers: every value gets the same outcome with it and
# without it, for every way of writing Chinese mobiles and near-misses, under several default countries.
_prefixes = st.sampled_from(["", "+86", "0086", "86", "+", "00", "+852", "0", "+1"])
_separators = st.sampled_from(["", " ", "-", ".", "  "])


@st.composite
def _written_numbers(draw: st.DrawFn) -> str:
    digits = draw(st.text(alphabet="0123456789", min_size=9, max_size=13))
    if draw(st.booleans()):
        digits = "1" + draw(st.sampled_from("0123456789")) + digits[2:]
    separator = draw(_separators)
    groups = [digits[:3], digits[3:7], digits[7:]]
    return (
        draw(_prefixes)
        + draw(st.sampled_from(["", " "]))
        + separator.join(group for group in groups if group)
    )


_HOMES = st.sampled_from([("CN",), ("US", "CN"), ("RU", "CN"), ("HK", "CN")])


@settings(max_examples=400, deadline=None)
@given(_written_numbers(), st.sampled_from(["CN", None, "US", "GB", "HK", "SG"]), _HOMES)
def test_fast_path_agrees_with_phonenumbers(text: str, country: str | None, homes: tuple[str, ...]) -> None:
    fast = PhoneNormaliser(country, home_regions=homes)
    slow = PhoneNormaliser(country, home_regions=homes, fast_path=False)
    assert fast.normalise_text(text) == slow.normalise_text(text)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=10**9, max_value=10**14), st.sampled_from(["CN", None, "US"]), _HOMES)
def test_fast_path_agrees_on_number_cells(value: int, country: str | None, homes: tuple[str, ...]) -> None:
    fast = PhoneNormaliser(country, home_regions=homes)
    slow = PhoneNormaliser(country, home_regions=homes, fast_path=False)
    assert fast(float(value)) == slow(float(value))
    assert fast(value) == slow(value)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_any_text_gets_exactly_one_outcome(text: str) -> None:
    result = normalise_phone(text, "CN")
    if result.status is RowStatus.RECIPIENT:
        assert result.phone.isdigit()
        assert result.reason is None
    else:
        assert result.reason is not None
        assert result.phone == ""


def test_a_cell_of_thousands_of_digits_is_rejected() -> None:
    # Such a cell once sent the extension pattern backtracking from every digit (minutes of work).
    result = normalise_phone("9" * 32_000 + "x1", "CN")
    assert (result.reason, result.params) == (RowReason.TOO_LONG, {"digits": 32_001})
