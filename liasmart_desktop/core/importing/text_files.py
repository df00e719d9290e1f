"""CSV/TSV/TXT files: the encoding chain, the delimiter, and Excel's quirks in text exports.

Encoding, in this order, first match wins (the choice and how it was made are reported and can be
overridden): a byte-order mark (UTF-8, UTF-16, UTF-32, GB18030); UTF-16 without a BOM, told by its
NUL bytes; strict UTF-8; then the legacy code page whose characters are most plausible for its
language, ties going to the earlier one in ``LEGACY_ENCODINGS`` (GB18030 first: Chinese Excel saves
CSV as GBK without a BOM). charset-normalizer is not used: it labelled a realistic GBK list Cyrillic.

"Plausible": for GB18030, Big5 and Shift-JIS, the share of non-ASCII characters that are common
characters of that script (GB2312 hanzi, Big5 level-1 hanzi, kana and JIS level-1 kanji) or CJK
punctuation; for Latin code pages, the share that sit in words with ASCII letters (``Müller``); for
other alphabets, the share that sit in words without ASCII letters (``Иванов``). Text read in the wrong
code page scores low on each: GBK read as cp1251 gives symbols and Cyrillic glued to nonsense.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NoReturn

from liasmart_desktop.core.importing.formats import FileFormat, utf16_without_bom
from liasmart_desktop.core.importing.limits import DEFAULT_LIMITS, ImportLimits
from liasmart_desktop.core.importing.problems import ImportFileError, ImportProblem
from liasmart_desktop.core.importing.sheet_data import (
    EncodingSource,
    Row,
    SheetData,
    column_letters,
    excel_text_value,
)

DELIMITERS = (",", "\t", ";", "|")  # in tie-break order
SAMPLE_BYTES = 32 * 1024  # enough text to score code pages and sniff the delimiter (~500 rows)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
    (b"\x84\x31\x95\x33", "gb18030"),
)
_SEP_LINE = re.compile(r"sep=(.)(?:\r\n|\r|\n|$)")  # Excel's "sep=;" first line names the delimiter
_WORDS = re.compile(r"[^\W\d_]+")
# Symbols at home in European text (currency, quotes, dashes, degrees) count half for a single-byte
# code page: they make plain text plausible, but letters decide between two code pages.
_COMMON_SYMBOLS = frozenset("€£¥°§©®™«»“”‘’„–—…•№\u00a0")
MIN_PLAUSIBLE_SCORE = 0.5  # below this, no code page reads the file as text in its language


def _cjk_punctuation(ch: str) -> bool:
    return "\u3000" <= ch <= "\u303f" or "\uff01" <= ch <= "\uff5e"


def _code(ch: str, encoding: str) -> int:
    try:
        return int.from_bytes(ch.encode(encoding), "big")
    except UnicodeEncodeError:
        return 0


def _common_gb(ch: str) -> bool:
    return _cjk_punctuation(ch) or ("\u4e00" <= ch <= "\u9fff" and _code(ch, "gb2312") != 0)


def _common_big5(ch: str) -> bool:
    return _cjk_punctuation(ch) or ("\u4e00" <= ch <= "\u9fff" and 0xA440 <= _code(ch, "big5") <= 0xC67E)


def _common_japanese(ch: str) -> bool:
    if _cjk_punctuation(ch) or "\u3040" <= ch <= "\u30ff":
        return True
    return "\u4e00" <= ch <= "\u9fff" and 0x889F <= _code(ch, "shift_jis") <= 0x9872


def _cjk_score(common: Callable[[str], bool]) -> Callable[[str], float]:
    def score(text: str) -> float:
        foreign = [ch for ch in text if not ch.isascii()]
        return sum(map(common, foreign)) / max(len(foreign), 1)

    return score


def _alphabet_score(*, latin: bool) -> Callable[[str], float]:
    def score(text: str) -> float:
        foreign = sum(not ch.isascii() for ch in text)
        good = sum(ch in _COMMON_SYMBOLS for ch in text) / 2
        for word in _WORDS.findall(text):
            if not word.isascii() and any(ch.isascii() for ch in word) == latin:
                good += sum(not ch.isascii() for ch in word)
        return good / max(foreign, 1)

    return score


_LATIN = _alphabet_score(latin=True)
_OTHER_ALPHABET = _alphabet_score(latin=False)
LEGACY_ENCODINGS: tuple[tuple[str, Callable[[str], float]], ...] = (
    ("gb18030", _cjk_score(_common_gb)),
    ("big5", _cjk_score(_common_big5)),
    ("shift_jis", _cjk_score(_common_japanese)),
    ("cp1252", _LATIN),
    ("cp1250", _LATIN),
    ("cp1257", _LATIN),
    ("cp1254", _LATIN),
    ("cp1251", _OTHER_ALPHABET),
    ("cp1253", _OTHER_ALPHABET),
    ("cp1255", _OTHER_ALPHABET),
    ("cp1256", _OTHER_ALPHABET),
    ("cp874", _OTHER_ALPHABET),
)


@dataclass(frozen=True, slots=True)
class DecodedText:
    """A text file's content and how its encoding was found."""

    text: str
    encoding: str
    source: EncodingSource


def _line_of(error: UnicodeDecodeError) -> int:
    # error.object is what the codec saw (after a BOM it may have skipped), so offsets match it.
    return error.object.count(b"\n", 0, error.start) + 1


def _decode_given(data: bytes, encoding: str) -> DecodedText:
    try:
        codec = codecs.lookup(encoding).name
        if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
            codec = "utf-8-sig"
        text = data.decode(codec)
    except LookupError as exc:
        raise ImportFileError(ImportProblem.UNKNOWN_ENCODING_NAME, encoding=encoding) from exc
    except UnicodeDecodeError as exc:
        raise ImportFileError(ImportProblem.ENCODING_MISMATCH, encoding=encoding, line=_line_of(exc)) from exc
    return DecodedText(text.removeprefix("\ufeff"), codec, EncodingSource.GIVEN)


def _sample(data: bytes) -> bytes:
    head = data[:SAMPLE_BYTES]
    cut = head.rfind(b"\n")
    # Cutting after a newline never splits a character: no legacy code page uses 0x0A in a sequence.
    return head if len(data) <= SAMPLE_BYTES or cut == -1 else head[: cut + 1]


def _guess_legacy(data: bytes) -> DecodedText:
    sample = _sample(data)
    ranked: list[tuple[float, int, str]] = []
    for order, (encoding, score) in enumerate(LEGACY_ENCODINGS):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        plausibility = score(text)
        if plausibility >= MIN_PLAUSIBLE_SCORE:
            ranked.append((-plausibility, order, encoding))
    for _score, _order, encoding in sorted(ranked):
        try:
            return DecodedText(data.decode(encoding), encoding, EncodingSource.GUESSED)
        except UnicodeDecodeError:
            continue  # fine in the sample, broken further on: try the next most plausible
    raise ImportFileError(ImportProblem.ENCODING_UNDETECTED)


def decode_text(data: bytes, encoding: str | None = None) -> DecodedText:
    """The file's text: the given encoding, else BOM → UTF-16 pattern → UTF-8 → likeliest code page."""
    if encoding:
        return _decode_given(data, encoding)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ImportFileError(
                    ImportProblem.ENCODING_MISMATCH, encoding=codec, line=_line_of(exc)
                ) from exc
            return DecodedText(text.removeprefix("\ufeff"), codec, EncodingSource.BOM)
    utf16 = utf16_without_bom(data)
    if utf16 is not None:
        try:
            return DecodedText(data.decode(utf16), utf16, EncodingSource.UTF16_PATTERN)
        except UnicodeDecodeError:
            pass  # NUL-rich but not UTF-16 after all: let the rest of the chain decide
    try:
        return DecodedText(data.decode("utf-8"), "utf-8", EncodingSource.UTF8)
    except UnicodeDecodeError:
        return _guess_legacy(data)


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the most lines into the same number (≥ 2) of fields; ``,`` if none."""
    sample = text[:SAMPLE_BYTES]
    cut = sample.rfind("\n")
    if len(text) > SAMPLE_BYTES and cut > 0:
        sample = sample[:cut]
    best, best_score = ",", (0.0, 0)
    for delimiter in DELIMITERS:
        counts = [len(record) for record in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)]
        counts = [count for count in counts if count]
        if not counts:
            continue
        fields, _ = Counter(counts).most_common(1)[0]
        score = (counts.count(fields) / len(counts), fields)
        if fields >= 2 and score > best_score:
            best, best_score = delimiter, score
    return best


#: Lines are read through ``io.StringIO`` a piece of about this many characters at a time.
LINES_CHUNK_CHARS = 1 << 20


def _lines(text: str) -> Iterator[str]:
    """The text's lines with their endings (``\n``, ``\r\n`` or ``\r``), one at a time.

    ``io.StringIO(text, newline="")`` holds a copy of the whole text at four bytes a character: a
    100 MB list over the row limit reached 630 MB before it was refused. Fed a piece at a time, cut
    after a line ending, it holds one piece.
    """
    start, size = 0, len(text)
    while start < size:
        cut = text.find("\n", start + LINES_CHUNK_CHARS)
        if cut == -1:
            cut = text.find("\r", start + LINES_CHUNK_CHARS)  # no LF further on: any CR ends a line
        end = size if cut == -1 else cut + 1
        yield from io.StringIO(text[start:end], newline="")
        start = end


def _parse(text: str, delimiter: str, limits: ImportLimits, *, strict: bool) -> list[list[str]]:
    records: list[list[str]] = []
    reader = csv.reader(_lines(text), delimiter=delimiter, strict=strict)
    try:
        for record in reader:
            records.append(record)
            if len(records) > limits.max_sheet_rows:
                # Stop before a huge file is held as records; empty lines count here too.
                raise ImportFileError(ImportProblem.TOO_MANY_ROWS, limit=limits.max_rows)
    except csv.Error as exc:
        message = str(exc)
        if "end of data" in message or "field limit" in message:
            # A quote that never closes swallows the rest of the file; name the row it opened on.
            raise ImportFileError(ImportProblem.UNBALANCED_QUOTE, row=len(records) + 1) from exc
        if strict:
            return _parse(text, delimiter, limits, strict=False)  # a stray quote mid-field: read it as text
        raise ImportFileError(ImportProblem.MALFORMED_TEXT, row=len(records) + 1, detail=message) from exc
    return records


def _refuse_nul(records: list[list[str]]) -> NoReturn:
    """A NUL byte in a text file: refused, naming where it is (it is no character anyone typed)."""
    # The text holds a NUL and the csv module keeps NULs in cells, so some cell has it.
    number, record = next((n, r) for n, r in enumerate(records, start=1) if any("\x00" in c for c in r))
    column = next(index for index, cell in enumerate(record) if "\x00" in cell)
    raise ImportFileError(ImportProblem.NUL_BYTE, row=number, column=column_letters(column))


def _rows(records: list[list[str]]) -> Iterator[Row]:
    for number, record in enumerate(records, start=1):
        yield number, [excel_text_value(cell) if cell.startswith('="') else cell for cell in record]


def read_text_table(
    data: bytes, *, encoding: str | None, delimiter: str | None, limits: ImportLimits = DEFAULT_LIMITS
) -> SheetData:
    """A text file as rows: decoded, delimiter found, records parsed (quotes, newlines in quotes).

    Excel hides a ``sep=`` first line, so row 1 is the line after it, as Excel numbers them.
    """
    decoded = decode_text(data, encoding)
    text = decoded.text
    sep_line = _SEP_LINE.match(text)
    if sep_line:
        text = text[sep_line.end() :]
        delimiter = delimiter or sep_line[1]
    if delimiter is not None and (len(delimiter) != 1 or delimiter in "\r\n\"'"):
        raise ImportFileError(ImportProblem.BAD_DELIMITER, delimiter=delimiter)
    chosen = delimiter or sniff_delimiter(text)
    records = _parse(text, chosen, limits, strict=True)
    if "\x00" in text:
        _refuse_nul(records)
    return SheetData(
        format=FileFormat.TEXT,
        sheet=None,
        sheets=(),
        rows=_rows(records),
        total_rows=len(records),
        encoding=decoded.encoding,
        encoding_source=decoded.source,
        delimiter=chosen,
    )
