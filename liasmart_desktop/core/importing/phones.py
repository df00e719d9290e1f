"""Phone numbers from cells or pasted text, normalised to country code + number, digits only.

The rules, in the order they apply to one cell:

1. An empty cell (or one holding only spaces or invisible characters) is **missing**.
2. A number cell past 15 significant digits, or text in scientific notation (``1.39123E+10``), is
   **damaged**: Excel has already replaced digits with zeros. Whole-number cells below that become
   their exact digits (``13912345678.0`` → ``13912345678``); dates, booleans and fractions are invalid.
3. Text is cleaned: full-width and other Unicode digits become ASCII, invisible characters (NBSP,
   zero-width, direction marks, BOM) go, Excel's leading apostrophe and ``="…"`` wrapper and a
   ``tel:`` prefix are removed.
4. Several numbers in one cell, an extension, letters or other characters make the row **invalid**.
   Numbers are told apart by :func:`split_numbers` (the same rule the paste box uses).
5. **Where a number goes** (shared/cli.md): ``+`` or ``00`` means the country code is written. Otherwise
   the default country reads the number as national (trunk ``0`` or not); only when that fails and
   the number is longer than any national number of that country is it read as already starting
   with its country code (``8613912345678``). Without a default country, the number is read as
   country code + number, the API's own form, unless it is also a valid national number of a likely
   home country (``regions.likely_home_regions``: the system's region and China): then it is
   **ambiguous**, set aside with every valid reading (``readings``), never sent on a guess. A number
   neither reading makes valid needs a country (invalid).
6. ``phonenumbers`` decides validity (about 18 µs a number). A fast path built from phonenumbers' own
   metadata for Chinese mobiles accepts the most common shapes in about 1 µs; a Hypothesis test
   checks that it always agrees with the slow path.
"""

from __future__ import annotations

import datetime
import functools
import math
import re
import unicodedata
from dataclasses import dataclass, field

import phonenumbers
from phonenumbers import NumberParseException, PhoneMetadata, ValidationResult

from liasmart_desktop.core.importing.problems import (
    ImportFileError,
    ImportProblem,
    Params,
    RowReason,
    RowStatus,
)
from liasmart_desktop.core.importing.regions import DEFAULT_HOME_REGIONS, is_region
from liasmart_desktop.core.importing.sheet_data import EXCEL_EXACT_LIMIT, CellValue, excel_text_value

MIN_DIGITS_PER_NUMBER = 7  # a group this long is a number on its own; shorter groups are formatting
MAX_DIGITS = 17  # "00" + the 15 digits E.164 allows
MAX_PHONE_CHARS = 64  # far more than any written number with its extension; longer text is not one
FAST_PATH_REGION = "CN"
NON_GEOGRAPHIC_REGION = "001"  # phonenumbers' region of +800, +808 …

_HARD_SEPARATORS = re.compile(r"[,;，；、|\t\r\n]+")
_SCIENTIFIC = re.compile(r"[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+")
_FLOAT_ARTIFACT = re.compile(r"(\d+)\.0+")  # "13912345678.0": a number cell written out by a script
_EXTENSION = re.compile(r"(?:extension|ext\.?|x|#|转|分机|分機|内线|內線)\s*(\d+)\s*$", re.IGNORECASE)
_ALLOWED = frozenset("0123456789 -.()/+")
_LAYOUT = str.maketrans("", "", " -.()")  # spaces, dashes, dots, brackets: how people group digits


@dataclass(frozen=True, slots=True)
class Reading:
    """One way a number can be read: where it would go."""

    phone: str  # country code + national number, digits only
    region: str  # ISO 3166 alpha-2, "" for a number of no country (+800 …)


@dataclass(frozen=True, slots=True)
class PhoneResult:
    """One phone cell's outcome: a number to send to, or why not.

    ``readings`` (AMBIGUOUS only) lists every valid reading, the number as written with its country
    code first when that is one; ``params`` repeats them as ``phone_1``, ``country_1``, … with
    ``written`` (1 when reading 1 is the number as written) so a stored problem can be worded again.
    """

    status: RowStatus  # RECIPIENT, INVALID, MISSING, DAMAGED or AMBIGUOUS
    phone: str = ""  # country code + national number, digits only (RECIPIENT only)
    reason: RowReason | None = None
    params: Params = field(default_factory=dict)
    region: str = ""  # RECIPIENT: the number's country (ISO2; "" for +800 and other non-geographic codes)
    readings: tuple[Reading, ...] = ()


_MISSING = PhoneResult(RowStatus.MISSING, reason=RowReason.EMPTY)
_PARSE_REASONS = {
    NumberParseException.INVALID_COUNTRY_CODE: RowReason.UNKNOWN_COUNTRY_CODE,
    NumberParseException.TOO_LONG: RowReason.TOO_LONG,
}  # anything else phonenumbers cannot parse is too short to be a number
_LENGTH_REASONS = {
    ValidationResult.INVALID_COUNTRY_CODE: RowReason.UNKNOWN_COUNTRY_CODE,
    ValidationResult.TOO_SHORT: RowReason.TOO_SHORT,
    ValidationResult.TOO_LONG: RowReason.TOO_LONG,
}


def _invalid(reason: RowReason, **params: str | int) -> PhoneResult:
    return PhoneResult(RowStatus.INVALID, reason=reason, params=params)


def _ambiguous(readings: list[Reading], *, written: bool) -> PhoneResult:
    params: dict[str, str | int] = {"readings": len(readings), "written": int(written)}
    for index, reading in enumerate(readings, start=1):
        params[f"phone_{index}"] = reading.phone
        params[f"country_{index}"] = reading.region
    return PhoneResult(
        RowStatus.AMBIGUOUS, reason=RowReason.AMBIGUOUS_COUNTRY, params=params, readings=tuple(readings)
    )


def _digit_count(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def split_numbers(text: str) -> list[str]:
    """The numbers in a piece of text, each still formatted as written.

    Line breaks, commas, semicolons (ASCII or full-width), ``、``, ``|`` and tabs always separate.
    Spaces and ``/`` separate only when every group they make holds at least 7 digits, so
    ``139 1234 5678`` and ``+86 139 1234 5678`` stay one number while ``13912345678 13812345678``
    are two. Empty pieces are dropped.
    """
    numbers: list[str] = []
    for raw_piece in _HARD_SEPARATORS.split(text):
        piece = raw_piece.strip()
        if not piece:
            continue
        for splitter in (None, "/"):
            groups = [group.strip() for group in piece.split(splitter) if group.strip()]
            if len(groups) > 1 and all(_digit_count(group) >= MIN_DIGITS_PER_NUMBER for group in groups):
                numbers.extend(groups)
                break
        else:
            numbers.append(piece)
    return numbers


def to_ascii(text: str) -> str:
    """Full-width and other Unicode digits as ASCII, invisible characters removed, odd spaces as spaces."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFKC", text):
        if ch.isascii():
            out.append(ch)
            continue
        category = unicodedata.category(ch)
        if category == "Cf":
            continue  # zero-width characters, direction marks, BOM, soft hyphen
        if ch.isspace():
            out.append(" ")
        elif category == "Pd":
            out.append("-")
        else:
            digit = unicodedata.decimal(ch, None)
            out.append(ch if digit is None else str(digit))
    return "".join(out)


def _unwrap(text: str) -> str:
    text = excel_text_value(text).removeprefix(
        "'"
    )  # Excel's "this is text" prefix, and the one our problem exports add
    if text[:4].lower() == "tel:":
        text = text[4:]
    return text.strip()


def _shape_problem(text: str, numbers: list[str]) -> PhoneResult | None:
    """Why the text cannot be one phone number (several numbers, extension, stray characters)."""
    if sum(_digit_count(number) >= MIN_DIGITS_PER_NUMBER for number in numbers) > 1:
        return _invalid(RowReason.MULTIPLE_NUMBERS, count=len(numbers))
    if len(text) > MAX_PHONE_CHARS:
        return _invalid(RowReason.TOO_LONG, digits=_digit_count(text))
    extension = _EXTENSION.search(text)
    if extension and _digit_count(text[: extension.start()]):
        return _invalid(RowReason.EXTENSION, extension=extension[1])
    for at, ch in enumerate(text):
        if ch.isalpha():
            return _invalid(RowReason.LETTERS, character=ch)
        if ch not in _ALLOWED or (ch == "+" and at > 0):
            return _invalid(RowReason.UNEXPECTED_CHARACTER, character=ch)
    return None


def _metadata(region: str) -> PhoneMetadata:
    metadata = PhoneMetadata.metadata_for_region(region)
    assert metadata is not None  # only called with SUPPORTED_REGIONS
    return metadata


class PhoneNormaliser:
    """Normalises phone cells for one default country (ISO 3166 alpha-2, or None for no default).

    ``home_regions`` are the likely home countries (``regions.likely_home_regions``); they matter only
    without a default country, where a number that is also a valid national number of one of them is
    ambiguous rather than sent on a guess.
    """

    def __init__(
        self,
        country: str | None,
        *,
        home_regions: tuple[str, ...] = DEFAULT_HOME_REGIONS,
        fast_path: bool = True,
    ) -> None:
        region = country.upper() if country else None
        if region is not None and not is_region(region):
            raise ImportFileError(ImportProblem.UNKNOWN_COUNTRY, country=country or "")
        self.country = region
        self.home_regions = tuple(home for home in home_regions if is_region(home))
        self._max_national_digits = 0
        if region is not None:
            general = _metadata(region).general_desc
            assert general is not None  # every supported region describes its numbers
            self._max_national_digits = max(general.possible_length)
        fast = _metadata(FAST_PATH_REGION)
        assert fast.mobile is not None
        assert fast.mobile.national_number_pattern is not None
        code = str(fast.country_code)
        prefixes = [rf"\+{code}", f"00{code}"]
        # "8613912345678" as LiaSmart writes it; without a default country only while China is the one
        # likely home, since another home's national reading of those digits is the slow path's to judge.
        if region == FAST_PATH_REGION or (region is None and set(self.home_regions) <= {FAST_PATH_REGION}):
            prefixes.append(code)
        optional = "?" if region == FAST_PATH_REGION else ""
        self._fast = re.compile(
            rf"(?:{'|'.join(prefixes)}){optional}((?:{fast.mobile.national_number_pattern}))"
        )
        self._fast_code = code
        self._fast_national = re.compile(fast.mobile.national_number_pattern)
        self._use_fast_path = fast_path

    def __call__(self, value: CellValue) -> PhoneResult:
        """The outcome for one cell value as a reader returned it."""
        if isinstance(value, str):
            return self.normalise_text(value)
        if value is None:
            return _MISSING
        if isinstance(value, bool):
            return _invalid(RowReason.NOT_A_NUMBER, kind="boolean")
        if isinstance(value, (int, float)):
            return self._normalise_number(value)
        if isinstance(value, datetime.date):
            return _invalid(RowReason.NOT_A_NUMBER, kind="date")
        return _invalid(
            RowReason.NOT_A_NUMBER, kind="time" if isinstance(value, datetime.time) else "duration"
        )

    def _normalise_number(self, value: int | float) -> PhoneResult:
        if isinstance(value, float) and (not math.isfinite(value) or not value.is_integer()):
            return _invalid(RowReason.NOT_A_WHOLE_NUMBER)
        if value < 0:
            return _invalid(RowReason.NOT_A_WHOLE_NUMBER)
        if value >= EXCEL_EXACT_LIMIT:
            return PhoneResult(RowStatus.DAMAGED, reason=RowReason.TOO_MANY_DIGITS_FOR_EXCEL)
        digits = str(int(value))
        return self._fast_path(digits) or self._parse(digits, international=False)

    def _fast_path(self, text: str) -> PhoneResult | None:
        # Only text that starts like a number: the slow path reads a "+" anywhere else as an error.
        if not self._use_fast_path or not (text[0].isdigit() or text[0] == "+"):
            return None
        match = self._fast.fullmatch(text.translate(_LAYOUT))
        if match is None:
            return None
        return PhoneResult(RowStatus.RECIPIENT, phone=self._fast_code + match[1], region=FAST_PATH_REGION)

    def normalise_text(self, text: str) -> PhoneResult:
        """The outcome for a phone number written as text."""
        text = text.strip()
        if not text.isascii():
            text = to_ascii(text).strip()
        if not text:
            return _MISSING
        quick = self._fast_path(text)
        if quick is not None:
            return quick
        text = _unwrap(text)
        if not text:
            return _MISSING
        if _SCIENTIFIC.fullmatch(text):
            return PhoneResult(RowStatus.DAMAGED, reason=RowReason.SCIENTIFIC_NOTATION)
        artifact = _FLOAT_ARTIFACT.fullmatch(text)
        if artifact:
            text = artifact[1]
        numbers = split_numbers(text)
        if len(numbers) == 1:
            text = numbers[0]  # separators around a single number ("13912345678;") say nothing
        shape = _shape_problem(text, numbers)
        if shape is not None:
            return shape
        digits = "".join(ch for ch in text if ch.isdigit())
        if len(digits) > MAX_DIGITS:
            return _invalid(RowReason.TOO_LONG, digits=len(digits))
        return self._parse(digits, international=text.startswith("+"))

    def _parse(self, digits: str, *, international: bool) -> PhoneResult:
        if not digits:
            return _invalid(RowReason.TOO_SHORT, digits=0)
        if international:
            return self._valid("+" + digits, None)
        with_code = "+" + (digits.removeprefix("00"))
        if self.country is None:
            return self._valid(with_code, None) if digits.startswith("00") else self._unplaced(digits)
        national = self._valid(digits, self.country)
        if national.status is not RowStatus.RECIPIENT and len(digits.lstrip("0")) > self._max_national_digits:
            written_with_code = self._valid(with_code, None)
            if written_with_code.status is RowStatus.RECIPIENT:
                return written_with_code
        return national

    def _unplaced(self, digits: str) -> PhoneResult:
        """Digits without ``+``, ``00`` or a default country: country code + number, unless ambiguous."""
        written = self._valid("+" + digits, None)
        readings = [Reading(written.phone, written.region)] if written.status is RowStatus.RECIPIENT else []
        for home in self.home_regions:
            national = self._national(digits, home)
            if national.status is RowStatus.RECIPIENT and all(r.phone != national.phone for r in readings):
                readings.append(Reading(national.phone, national.region))
        if not readings:
            return _invalid(RowReason.NEEDS_COUNTRY)
        as_written = written.status is RowStatus.RECIPIENT
        if as_written and len(readings) == 1:
            return written
        return _ambiguous(readings, written=as_written)

    def _national(self, digits: str, region: str) -> PhoneResult:
        """``digits`` read as a national number of ``region`` (a Chinese mobile without parsing)."""
        if self._use_fast_path and region == FAST_PATH_REGION and self._fast_national.fullmatch(digits):
            return PhoneResult(RowStatus.RECIPIENT, phone=self._fast_code + digits, region=FAST_PATH_REGION)
        return self._valid(digits, region)

    @staticmethod
    def _valid(text: str, region: str | None) -> PhoneResult:
        try:
            number = phonenumbers.parse(text, region)
        except NumberParseException as exc:
            reason = _PARSE_REASONS.get(exc.error_type, RowReason.TOO_SHORT)
            return _invalid(reason, digits=_digit_count(text))
        # is_valid_number() finds the region the same way; asking once gives both answers.
        found: str | None = phonenumbers.region_code_for_number(number)
        if found is not None and phonenumbers.is_valid_number_for_region(number, found):
            return PhoneResult(
                RowStatus.RECIPIENT,
                phone=f"{number.country_code}{phonenumbers.national_significant_number(number)}",
                region=found if found != NON_GEOGRAPHIC_REGION else "",
            )
        length_reason = _LENGTH_REASONS.get(phonenumbers.is_possible_number_with_reason(number))
        if length_reason is not None:
            return _invalid(length_reason, digits=_digit_count(text))
        region_code = found or phonenumbers.region_code_for_country_code(number.country_code or 0)
        # "001" is a non-geographic code (+800 …) and "ZZ" no region: no country to name.
        return _invalid(
            RowReason.INVALID_FOR_COUNTRY,
            country=region_code if region_code.isalpha() and region_code != "ZZ" else "",
        )


@functools.lru_cache(maxsize=16)
def phone_normaliser(
    country: str | None, home_regions: tuple[str, ...] = DEFAULT_HOME_REGIONS
) -> PhoneNormaliser:
    """The (shared, stateless) normaliser for a default country and the likely home countries."""
    return PhoneNormaliser(country, home_regions=home_regions)


def normalise_phone(
    value: CellValue, country: str | None, *, home_regions: tuple[str, ...] = DEFAULT_HOME_REGIONS
) -> PhoneResult:
    """Where one number goes: **the number rule every place a number enters uses** (shared/cli.md).

    ``value`` is a cell as a reader returns it or text as typed; ``country`` the default country
    (ISO2, or None); ``home_regions`` the likely home countries, used only when ``country`` is None
    (``regions.likely_home_regions(system_region)``). The result is a RECIPIENT with ``phone`` (country
    code + number, digits only) and ``region``; AMBIGUOUS with every valid ``readings``; or INVALID,
    MISSING or DAMAGED with a ``reason`` and its ``params``. Raises ``ImportFileError(UNKNOWN_COUNTRY)``
    for a default country that is not one.
    """
    return phone_normaliser(country, home_regions)(value)
