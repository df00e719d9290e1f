"""Where a number goes (shared/cli.md): the issue's measurements, and properties over many countries.

Before this rule, 13512345678 with no default country became +1 351-234-5678 (USA), full-width
１５８１２３４５６７８ became +1 581 (Canada), and 137 of 273 random Chinese mobiles (50 %) became
recipients abroad in an English and a Chinese locale alike. Now a number that could be read two ways
is set aside as ambiguous with both readings, never guessed.
"""

from __future__ import annotations

import random

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from liasmart_desktop.core.importing import (
    Reading,
    RowReason,
    RowStatus,
    likely_home_regions,
    normalise_phone,
    parse_pasted_numbers,
)
from liasmart_desktop.core.importing.phones import PhoneNormaliser

#: The likely home countries in an English (US) and a Chinese system locale.
ENGLISH_LOCALE = likely_home_regions("US")
CHINESE_LOCALE = likely_home_regions("CN")
LOCALES = pytest.mark.parametrize("homes", [ENGLISH_LOCALE, CHINESE_LOCALE, likely_home_regions("GB")])


def chinese_mobiles(count: int, seed: int = 12) -> list[str]:
    """Random valid Chinese mobile numbers written the national way (11 digits)."""
    rng = random.Random(seed)
    found: list[str] = []
    while len(found) < count:
        digits = "1" + rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(9))
        number = phonenumbers.parse(digits, "CN")
        if phonenumbers.number_type(number) is PhoneNumberType.MOBILE and phonenumbers.is_valid_number(
            number
        ):
            found.append(digits)
    return found


MOBILES = chinese_mobiles(273)


def test_homes_are_the_system_region_and_china() -> None:
    assert ENGLISH_LOCALE == ("US", "CN")
    assert CHINESE_LOCALE == ("CN",)
    assert likely_home_regions(None) == ("CN",)
    assert likely_home_regions("XX") == ("CN",)  # not a region phone numbers are known for


@LOCALES
def test_the_issue_number_is_ambiguous_not_american(homes: tuple[str, ...]) -> None:
    result = normalise_phone("13512345678", None, home_regions=homes)
    assert (result.status, result.reason, result.phone) == (
        RowStatus.AMBIGUOUS,
        RowReason.AMBIGUOUS_COUNTRY,
        "",
    )
    assert result.readings == (Reading("13512345678", "US"), Reading("8613512345678", "CN"))
    assert dict(result.params) == {
        "readings": 2,
        "written": 1,
        "phone_1": "13512345678",
        "country_1": "US",
        "phone_2": "8613512345678",
        "country_2": "CN",
    }


def test_full_width_digits_are_ambiguous_not_canadian() -> None:
    result = normalise_phone("１５８１２３４５６７８", None, home_regions=ENGLISH_LOCALE)
    assert result.status is RowStatus.AMBIGUOUS
    assert result.readings == (Reading("15812345678", "CA"), Reading("8615812345678", "CN"))


def test_a_number_only_a_home_country_reads_is_ambiguous_with_that_one_reading() -> None:
    # +1 391 is no number; in China 13912345678 is a mobile: not sent on a guess, not "invalid" either.
    result = normalise_phone("13912345678", None, home_regions=ENGLISH_LOCALE)
    assert result.status is RowStatus.AMBIGUOUS
    assert result.readings == (Reading("8613912345678", "CN"),)
    assert dict(result.params)["written"] == 0


@LOCALES
def test_no_chinese_mobile_goes_abroad_without_a_default_country(homes: tuple[str, ...]) -> None:
    report = parse_pasted_numbers("\n".join(MOBILES), None, home_regions=homes)
    assert report.counts.recipients == 0
    assert report.counts.ambiguous == len(MOBILES) == report.rows
    for problem in report.problems:
        assert ("8" + "6" + problem.original) in {
            str(problem.params[f"phone_{n}"]) for n in range(1, int(problem.params["readings"]) + 1)
        }


@LOCALES
@pytest.mark.parametrize("prefix", ["+86 ", "86", "0086", "+86", "0086 "])
def test_numbers_written_with_their_code_stay_recipients(prefix: str, homes: tuple[str, ...]) -> None:
    report = parse_pasted_numbers("\n".join(prefix + m for m in MOBILES), None, home_regions=homes)
    assert report.counts.recipients == len(MOBILES)
    assert {r.region for r in report.recipients} == {"CN"}
    assert [r.phone for r in report.recipients] == ["86" + m for m in MOBILES]


@LOCALES
def test_with_china_as_default_every_national_number_is_a_recipient(homes: tuple[str, ...]) -> None:
    report = parse_pasted_numbers("\n".join(MOBILES), "CN", home_regions=homes)
    assert report.counts.recipients == len(MOBILES)
    assert all(
        r.phone == "86" + m and r.region == "CN" for r, m in zip(report.recipients, MOBILES, strict=True)
    )


def test_an_unambiguous_number_with_its_code_but_no_plus_is_sent_there() -> None:
    # 447400123456 is not a national number of the US or China: country code + number, as the API writes it.
    result = normalise_phone("447400123456", None, home_regions=ENGLISH_LOCALE)
    assert (result.status, result.phone, result.region) == (RowStatus.RECIPIENT, "447400123456", "GB")


def test_the_same_number_both_ways_is_not_ambiguous() -> None:
    # A US number written with its code 1 reads the same as a US national number: one reading.
    result = normalise_phone("12015550123", None, home_regions=ENGLISH_LOCALE)
    assert (result.status, result.phone, result.region) == (RowStatus.RECIPIENT, "12015550123", "US")


def test_a_number_of_no_home_country_still_needs_a_country() -> None:
    result = normalise_phone("07911123456", None, home_regions=ENGLISH_LOCALE)
    assert (result.status, result.reason) == (RowStatus.INVALID, RowReason.NEEDS_COUNTRY)


def test_every_reading_is_listed_the_number_as_written_first() -> None:
    # 2015550123 is an Egyptian number as written, and a national number of each of the three homes.
    result = normalise_phone("2015550123", None, home_regions=("US", "GB", "CN"))
    assert result.status is RowStatus.AMBIGUOUS
    assert result.readings == (
        Reading("2015550123", "EG"),
        Reading("12015550123", "US"),
        Reading("442015550123", "GB"),
        Reading("862015550123", "CN"),
    )
    assert dict(result.params)["readings"] == 4


def test_non_geographic_numbers_have_no_region() -> None:
    result = normalise_phone("+800 1234 5678", None)
    assert (result.status, result.phone, result.region) == (RowStatus.RECIPIENT, "80012345678", "")


def test_unknown_home_regions_are_ignored() -> None:
    assert PhoneNormaliser(None, home_regions=("XX", "CN")).home_regions == ("CN",)


# ---------------------------------------------------------------- properties over many countries

_TYPES = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE)


def _examples() -> list[tuple[str, phonenumbers.PhoneNumber]]:
    examples = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in _TYPES:
            number = phonenumbers.example_number_for_type(region, kind)
            if number is not None and phonenumbers.is_valid_number_for_region(number, region):
                examples.append((region, number))
    return examples


EXAMPLES = _examples()
DEFAULTS = st.sampled_from([None, "CN", "US", "GB", "DE", "IN", "BR", "HK"])
HOMES = st.sampled_from([("CN",), ("US", "CN"), ("DE", "CN"), ("IN", "CN"), ("HK", "CN")])


def test_the_examples_cover_many_countries() -> None:
    assert len({region for region, _ in EXAMPLES}) > 200


def _digits(number: phonenumbers.PhoneNumber) -> str:
    return f"{number.country_code}{phonenumbers.national_significant_number(number)}"


def _country(number: phonenumbers.PhoneNumber) -> str:
    # Regions sharing a code (GB and GG, FI and AX) share some numbers; phonenumbers names the first.
    return str(phonenumbers.region_code_for_number(number))


@settings(max_examples=600, deadline=None)
@given(
    st.sampled_from(EXAMPLES),
    DEFAULTS,
    HOMES,
    st.sampled_from([PhoneNumberFormat.E164, PhoneNumberFormat.INTERNATIONAL]),
)
def test_a_number_written_with_plus_keeps_its_country(
    example: tuple[str, phonenumbers.PhoneNumber],
    country: str | None,
    homes: tuple[str, ...],
    style: int,
) -> None:
    region, number = example
    text = phonenumbers.format_number(number, style)
    result = normalise_phone(text, country, home_regions=homes)
    assert (result.status, result.phone, result.region) == (
        RowStatus.RECIPIENT,
        _digits(number),
        _country(number),
    )
    assert region == result.region or phonenumbers.is_valid_number_for_region(number, result.region)


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(EXAMPLES), HOMES)
def test_a_national_number_of_the_default_country_reads_there(
    example: tuple[str, phonenumbers.PhoneNumber], homes: tuple[str, ...]
) -> None:
    region, number = example
    text = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    result = normalise_phone(text, region, home_regions=homes)
    assert (result.status, result.phone, result.region) == (
        RowStatus.RECIPIENT,
        _digits(number),
        _country(number),
    )


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(EXAMPLES), HOMES)
def test_without_a_default_a_home_national_number_is_never_sent_elsewhere(
    example: tuple[str, phonenumbers.PhoneNumber], homes: tuple[str, ...]
) -> None:
    region, number = example
    if region not in homes:
        return
    text = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    result = normalise_phone(text, None, home_regions=homes)
    if result.status is RowStatus.RECIPIENT:
        assert (result.phone, result.region) == (_digits(number), _country(number))
    else:
        assert result.status is RowStatus.AMBIGUOUS
        assert Reading(_digits(number), _country(number)) in result.readings
