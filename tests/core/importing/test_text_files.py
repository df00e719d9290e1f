"""Text files: the encoding chain, delimiters, quoting, and Excel's text-export quirks."""

from __future__ import annotations

import csv
from collections.abc import Iterator

import pytest

from liasmart_desktop.core.importing import (
    EncodingSource,
    ImportFileError,
    ImportLimits,
    ImportProblem,
    text_files,
)
from liasmart_desktop.core.importing.text_files import (
    SAMPLE_BYTES,
    decode_text,
    read_text_table,
    sniff_delimiter,
)

CHINESE = "姓名,手机号码,备注\n张三,13912345678,老客户\n李四,13812345678,新客户\n王小明,13712345678,\n"


def rows_of(data: bytes, **options: str | None) -> list[list[object]]:
    sheet = read_text_table(data, encoding=options.get("encoding"), delimiter=options.get("delimiter"))
    return [[number, *cells] for number, cells in sheet.rows]


@pytest.mark.parametrize(
    ("data", "encoding", "source"),
    [
        (CHINESE.encode("gbk"), "gb18030", EncodingSource.GUESSED),
        (CHINESE.encode("gb18030"), "gb18030", EncodingSource.GUESSED),
        (CHINESE.encode("utf-8"), "utf-8", EncodingSource.UTF8),
        (CHINESE.encode("utf-8-sig"), "utf-8-sig", EncodingSource.BOM),
        (CHINESE.encode("utf-16"), "utf-16", EncodingSource.BOM),
        (CHINESE.encode("utf-16-be"), "utf-16-be", EncodingSource.UTF16_PATTERN),
        (CHINESE.encode("utf-16-le"), "utf-16-le", EncodingSource.UTF16_PATTERN),
        (CHINESE.encode("utf-32"), "utf-32", EncodingSource.BOM),
        ("\ufeff".encode("gb18030") + CHINESE.encode("gb18030"), "gb18030", EncodingSource.BOM),
        ("姓名,電話\n陳大文,91234567\n張小明,61234567\n".encode("big5"), "big5", EncodingSource.GUESSED),
        (
            "氏名,電話\n山田太郎,09012345678\nさくら,08012345678\n".encode("shift_jis"),
            "shift_jis",
            EncodingSource.GUESSED,
        ),
        (
            "Name,Phone\nMüller,+491701234567\nJosé,+34600123456\n".encode("cp1252"),
            "cp1252",
            EncodingSource.GUESSED,
        ),
        ("Name,Phone\nŁódź Wójcik,+48501234567\n".encode("cp1250"), "cp1250", EncodingSource.GUESSED),
        (
            "Имя,Телефон\nИванов,+79161234567\nПетрова,+79261234567\n".encode("cp1251"),
            "cp1251",
            EncodingSource.GUESSED,
        ),
    ],
)
def test_encoding_chain(data: bytes, encoding: str, source: EncodingSource) -> None:
    decoded = decode_text(data)
    assert (decoded.encoding, decoded.source) == (encoding, source)
    assert decoded.text.lstrip("\ufeff") == decoded.text  # a BOM never reaches the first header


def test_sparse_chinese_gbk_is_not_read_as_cyrillic() -> None:
    # A realistic list: 2-3 Chinese characters per ~40-byte row, which fooled charset-normalizer.
    rows = "".join(
        f"{name},1391234{index:04d},{index * 7}.50,2024-01-{index % 28 + 1:02d}\n"
        for index, name in enumerate(["张伟", "王芳", "李娜", "刘洋", "陈静"] * 200)
    )
    decoded = decode_text(("姓名,手机号,金额,日期\n" + rows).encode("gbk"))
    assert decoded.encoding == "gb18030"
    assert "张伟" in decoded.text


def test_given_encoding_wins_and_strips_its_bom() -> None:
    decoded = decode_text(CHINESE.encode("utf-8-sig"), "UTF8")
    assert (decoded.encoding, decoded.source, decoded.text) == ("utf-8-sig", EncodingSource.GIVEN, CHINESE)
    assert decode_text(CHINESE.encode("gbk"), "gbk").text == CHINESE


def test_given_encoding_that_does_not_fit_names_the_line() -> None:
    with pytest.raises(ImportFileError) as caught:
        decode_text(CHINESE.encode("gbk"), "utf-8")
    assert (caught.value.code, dict(caught.value.params)) == (
        ImportProblem.ENCODING_MISMATCH,
        {"encoding": "utf-8", "line": 1},
    )


@pytest.mark.parametrize("name", ["klingon", "zlib"])
def test_unknown_or_non_text_encoding_name(name: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        decode_text(b"a,b\n", name)
    assert (caught.value.code, dict(caught.value.params)) == (
        ImportProblem.UNKNOWN_ENCODING_NAME,
        {"encoding": name},
    )


def test_broken_bytes_after_a_bom_are_reported() -> None:
    with pytest.raises(ImportFileError) as caught:
        decode_text(b"\xef\xbb\xbfa,b\nc,\xff\n")
    assert (caught.value.code, dict(caught.value.params)) == (
        ImportProblem.ENCODING_MISMATCH,
        {"encoding": "utf-8-sig", "line": 2},
    )


def test_nul_rich_bytes_that_are_not_utf16_fall_through() -> None:
    # Every other byte NUL, but an odd length: not UTF-16 after all; valid UTF-8 still.
    decoded = decode_text(b"a\x00b\x00c\x00d\x00e")
    assert decoded.source is EncodingSource.UTF8


def test_bytes_no_code_page_decodes_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # cp1256 decodes every byte, so the test narrows the chain to code pages that can fail.
    narrowed = tuple(entry for entry in text_files.LEGACY_ENCODINGS if entry[0] in ("gb18030", "cp1252"))
    monkeypatch.setattr(text_files, "LEGACY_ENCODINGS", narrowed)
    with pytest.raises(ImportFileError) as caught:
        decode_text(b"a,\x81\n")
    assert caught.value.code is ImportProblem.ENCODING_UNDETECTED


def test_text_no_code_page_finds_plausible_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    narrowed = tuple(entry for entry in text_files.LEGACY_ENCODINGS if entry[0] in ("cp1252", "cp1251"))
    monkeypatch.setattr(text_files, "LEGACY_ENCODINGS", narrowed)
    # Symbols alone (¦ ¶ ¼ in cp1252, ¦ ¶ ј… glued to ASCII in cp1251): nobody's language.
    with pytest.raises(ImportFileError) as caught:
        decode_text(b"a\xa6b\xb6c\xbcd,1\n")
    assert caught.value.code is ImportProblem.ENCODING_UNDETECTED


def test_european_symbols_count_for_a_code_page() -> None:
    data = "Name,Phone,Note\nZoë,+447700900123,paid £5 – thanks\n".encode("cp1252")
    assert decode_text(data).encoding == "cp1252"


def test_code_page_broken_after_the_sample_falls_back_to_the_next() -> None:
    # GBK-looking text, then a byte sequence gb18030 cannot decode: the next plausible code page wins.
    data = ("张三," * 20 + "\n").encode("gbk") * (SAMPLE_BYTES // 60 + 10) + b"\x80\n"
    decoded = decode_text(data)
    assert decoded.encoding != "gb18030"
    assert decoded.source is EncodingSource.GUESSED


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("a,b,c\n1,2,3\n", ","),
        ("a;b;c\n1;2,5;3\n", ";"),
        ("a\tb\tc\n1\t2,5\t3\n", "\t"),
        ("a|b|c\n1|2|3\n", "|"),
        ("phone\n13912345678\n", ","),
        ("", ","),
    ],
)
def test_sniff_delimiter(text: str, delimiter: str) -> None:
    assert sniff_delimiter(text) == delimiter


def test_sniff_uses_complete_lines_of_a_long_file() -> None:
    text = "a;b\n" + "1;2\n" * (SAMPLE_BYTES // 4 + 100)
    assert sniff_delimiter(text) == ";"


def test_utf16_tab_text_as_excel_saves_unicode_text() -> None:
    data = "姓名\t手机\r\n张三\t13912345678\r\n".encode("utf-16")
    sheet = read_text_table(data, encoding=None, delimiter=None)
    assert (sheet.encoding, sheet.delimiter) == ("utf-16", "\t")
    assert [list(cells) for _, cells in sheet.rows] == [["姓名", "手机"], ["张三", "13912345678"]]


def test_quotes_newlines_ragged_rows_and_excel_wrappers() -> None:
    data = (
        b'name,phone,note\r\n"Wang, Li","=""013912345678""","line one\nline two"\r\n'
        b"Zhang,'13812345678\r\n"
        b"Zhao,13712345678,x,extra,\r\n"
        b'Qian,"said ""hi""",\r\n'
        b'Sun,"=""0139"\r\n'
    )
    assert rows_of(data) == [
        [1, "name", "phone", "note"],
        [2, "Wang, Li", "013912345678", "line one\nline two"],
        [3, "Zhang", "'13812345678"],
        [4, "Zhao", "13712345678", "x", "extra", ""],
        [5, "Qian", 'said "hi"', ""],
        [6, "Sun", '="0139'],
    ]


def test_excel_sep_line_sets_the_delimiter_and_is_not_a_row() -> None:
    sheet = read_text_table(b"sep=;\r\nname;phone\r\nA;1\r\n", encoding=None, delimiter=None)
    assert sheet.delimiter == ";"
    assert [(number, list(cells)) for number, cells in sheet.rows] == [
        (1, ["name", "phone"]),
        (2, ["A", "1"]),
    ]


def test_records_past_the_sheet_row_limit_stop_the_parse() -> None:
    data = b"phone\n" + b"\n" * 1100  # empty lines count: they are held as records too
    with pytest.raises(ImportFileError) as caught:
        read_text_table(data, encoding=None, delimiter=",", limits=ImportLimits(max_rows=10))
    assert (caught.value.code, dict(caught.value.params)) == (ImportProblem.TOO_MANY_ROWS, {"limit": 10})


def test_given_delimiter() -> None:
    assert rows_of(b"a:b\n1:2\n", delimiter=":") == [[1, "a", "b"], [2, "1", "2"]]


@pytest.mark.parametrize("delimiter", ["ab", '"', "\n"])
def test_bad_delimiter(delimiter: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        read_text_table(b"a,b\n", encoding=None, delimiter=delimiter)
    assert caught.value.code is ImportProblem.BAD_DELIMITER


def test_unbalanced_quote_names_the_row_where_it_opened() -> None:
    with pytest.raises(ImportFileError) as caught:
        rows_of(b'name,phone\nA,1\n"B,2\nC,3\n')
    assert (caught.value.code, dict(caught.value.params)) == (ImportProblem.UNBALANCED_QUOTE, {"row": 3})


def test_field_past_the_csv_limit_is_an_unbalanced_quote() -> None:
    with pytest.raises(ImportFileError) as caught:
        rows_of(b'name,phone\n"' + b"x" * 200_000 + b"\n")
    assert (caught.value.code, dict(caught.value.params)) == (ImportProblem.UNBALANCED_QUOTE, {"row": 2})


def test_stray_quote_after_a_quoted_field_is_read_as_text() -> None:
    assert rows_of(b'name,phone\n"A"x,1\n') == [[1, "name", "phone"], [2, "Ax", "1"]]


def test_field_limit_in_lenient_mode_is_malformed() -> None:
    # A stray quote sends the reader to lenient mode; a huge unquoted field then breaks the csv limit.
    data = b'name,phone\n"A"x,1\n' + b"y" * 200_000 + b",2\n"
    with pytest.raises(ImportFileError) as caught:
        rows_of(data)
    assert caught.value.code is ImportProblem.UNBALANCED_QUOTE


def test_other_csv_errors_in_lenient_mode_are_malformed(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    class Reader:
        """Fails while reading, as the real reader does."""

        def __init__(self, *args: object, strict: bool, **kwargs: object) -> None:
            calls.append(strict)

        def __iter__(self) -> Iterator[list[str]]:
            return self

        def __next__(self) -> list[str]:
            raise csv.Error("something else")

    monkeypatch.setattr(csv, "reader", Reader)
    with pytest.raises(ImportFileError) as caught:
        rows_of(b"a,b\n", delimiter=",")
    assert (caught.value.code, dict(caught.value.params)) == (
        ImportProblem.MALFORMED_TEXT,
        {"row": 1, "detail": "something else"},
    )
    assert calls == [True, False]
