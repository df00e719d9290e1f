"""Workbooks through ``import_file``: sheets, visibility, number cells, damaged files, bombs."""

from __future__ import annotations

import datetime
import io
import random
from pathlib import Path
from typing import ClassVar

import pytest
import python_calamine
from msoffcrypto.format.ooxml import OOXMLFile  # type: ignore[import-untyped]

from liasmart_desktop.core.importing import (
    FileFormat,
    ImportFileError,
    ImportLimits,
    ImportOptions,
    ImportProblem,
    ImportReport,
    RowReason,
    RowStatus,
    import_file,
    workbooks,
)
from tests.core.importing.builders import (
    BILLION_LAUGHS,
    WORKBOOK_XML,
    cells_xml,
    ods_cell,
    ods_row,
    raw_xlsx,
    sheet_xml,
    write_ods,
    write_xls,
    write_xlsx,
    zip_bytes,
)

CN = ImportOptions(country="CN")
LIST: list[list[object]] = [["姓名", "手机号码"], ["张三", "13912345678"], ["李四", 13812345678]]


def load(path: Path, options: ImportOptions = CN) -> ImportReport:
    return import_file(path, options)


def refused(path: Path, options: ImportOptions = CN) -> tuple[ImportProblem, dict[str, object]]:
    """The problem and its params, but ``sheets``: errors about a sheet name them (test_sheet_choice.py)."""
    with pytest.raises(ImportFileError) as caught:
        import_file(path, options)
    params: dict[str, object] = dict(caught.value.params)
    params.pop("sheets", None)
    return caught.value.code, params


def phones(report: ImportReport) -> list[tuple[int, str]]:
    return [(recipient.row, recipient.phone) for recipient in report.recipients]


def test_two_sheets_hidden_very_hidden_and_chart_sheets(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "book.xlsx",
        {"名单": LIST, "第二批": [["手机"], ["13712345678"]], "Secret": LIST, "Archive": LIST},
        hidden=["Secret"],
        very_hidden=["Archive"],
        chart="Chart",
    )
    first = load(path)
    assert (first.format, first.sheet, first.sheets) == (FileFormat.XLSX, "名单", ("名单", "第二批"))
    assert phones(first) == [(2, "8613912345678"), (3, "8613812345678")]
    second = load(path, ImportOptions(country="CN", sheet="第二批"))
    assert (second.sheet, phones(second)) == ("第二批", [(2, "8613712345678")])
    assert refused(path, ImportOptions(sheet="Secret")) == (ImportProblem.SHEET_HIDDEN, {"sheet": "Secret"})
    assert refused(path, ImportOptions(sheet="archive")) == (ImportProblem.SHEET_HIDDEN, {"sheet": "Archive"})
    assert refused(path, ImportOptions(sheet="Chart")) == (ImportProblem.SHEET_IS_CHART, {"sheet": "Chart"})
    assert refused(path, ImportOptions(sheet="Nope")) == (ImportProblem.SHEET_NOT_FOUND, {"sheet": "Nope"})


def test_sheet_names_match_loosely(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "book.xlsx", {"Sheet One": LIST})
    assert load(path, ImportOptions(country="CN", sheet="sheet_one")).sheet == "Sheet One"


def test_no_visible_worksheet(tmp_path: Path) -> None:
    workbook = WORKBOOK_XML.replace('<sheet name="S"', '<sheet name="S" state="hidden"')
    path = raw_xlsx(
        tmp_path / "hidden.xlsx",
        cells_xml([["phone"], ["13912345678"]]),
        replace={"xl/workbook.xml": workbook},
    )
    assert refused(path) == (ImportProblem.NO_VISIBLE_SHEETS, {})


def test_number_cells_title_block_dates_and_exact_digits(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["2024 客户名单"],
        [],
        ["姓名", "手机", "金额", "生日", "时间"],
        ["张三", 13912345678, 12.5, datetime.date(1990, 5, 6), datetime.datetime(2024, 1, 2, 3, 4, 5)],  # noqa: DTZ001
        ["李四", 13812345678.0, 3, None, None],
        ["王五", 8613712345678, True, None, datetime.time(8, 30)],
        ["赵六", 1234567890123456789, None, None, None],
    ]
    report = load(write_xlsx(tmp_path / "book.xlsx", {"S": rows}))
    assert report.header_row == 3
    assert report.columns == ("姓名", "手机", "金额", "生日", "时间")
    assert phones(report) == [(4, "8613912345678"), (5, "8613812345678"), (6, "8613712345678")]
    assert report.fields(report.recipients[0]) == {
        "姓名": "张三",
        "手机": "13912345678",
        "金额": "12.5",
        "生日": "1990-05-06",
        "时间": "2024-01-02 03:04:05",
    }
    assert report.recipients[1].values[2] == "3"
    assert report.recipients[2].values[2:] == ("TRUE", "", "08:30:00")
    damaged = report.problems[0]
    assert (damaged.row, damaged.status, damaged.reason, damaged.original) == (
        7,
        RowStatus.DAMAGED,
        RowReason.TOO_MANY_DIGITS_FOR_EXCEL,
        "1.23456789012346e+18",
    )


def test_data_away_from_a1_keeps_spreadsheet_rows_and_letters(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["C3"], sheet["D3"] = "phone", None
    sheet["C4"], sheet["E4"] = "13912345678", "note"
    path = tmp_path / "offset.xlsx"
    book.save(path)
    book.close()
    report = load(path)
    assert (report.header_row, report.columns, report.column_letters) == (
        3,
        ("phone", "D", "E"),
        ("C", "D", "E"),
    )
    assert phones(report) == [(4, "8613912345678")]
    letters = load(path, ImportOptions(country="CN", has_header=False, phone_column="c"))
    assert letters.columns == ("C", "D", "E")
    assert [(problem.row, problem.reason) for problem in letters.problems] == [(3, RowReason.LETTERS)]


def test_legacy_xls(tmp_path: Path) -> None:
    path = write_xls(
        tmp_path / "list.xls",
        {"名单": [*LIST, ["王五", "013912345678"], ["日期", datetime.date(2024, 1, 2)]], "Hidden": LIST},
        hidden=["Hidden"],
    )
    report = load(path)
    assert (report.format, report.sheets) == (FileFormat.XLS, ("名单",))
    assert phones(report) == [(2, "8613912345678"), (3, "8613812345678")]
    assert [(p.row, p.status, p.first_row) for p in report.problems] == [
        (4, RowStatus.DUPLICATE, 2),
        (5, RowStatus.INVALID, None),
    ]
    assert report.problems[1].params == {"kind": "date"}


def test_ods_with_a_hidden_table(tmp_path: Path) -> None:
    path = write_ods(
        tmp_path / "list.ods",
        [
            ("Hidden", [ods_row([ods_cell("x")])], True),
            ("名单", [ods_row([ods_cell("手机")]), ods_row([ods_cell(13912345678)])], False),
        ],
    )
    report = load(path)
    assert (report.format, report.sheet, report.sheets, phones(report)) == (
        FileFormat.ODS,
        "名单",
        ("名单",),
        [(2, "8613912345678")],
    )


def test_ods_bomb_of_repeated_cells_is_refused_before_loading(tmp_path: Path) -> None:
    path = write_ods(
        tmp_path / "bomb.ods",
        [("T", [ods_row([ods_cell("phone")]), ods_row([ods_cell("x", repeat=90)], repeat=1_000_000)], False)],
    )
    assert refused(path) == (ImportProblem.TOO_MANY_ROWS, {"limit": 200_000})


def test_empty_and_header_only_sheets(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "book.xlsx", {"Empty": [], "Header": [["姓名", "手机"]], "Blank": [[None], ["  "]]}
    )
    assert refused(path) == (ImportProblem.SHEET_EMPTY, {"sheet": "Empty"})
    assert refused(path, ImportOptions(sheet="Header")) == (
        ImportProblem.HEADER_ONLY,
        {"sheet": "Header", "header_row": 1},
    )
    assert refused(path, ImportOptions(sheet="Blank"))[0] is ImportProblem.SHEET_EMPTY


def test_zip_bomb_workbook_is_refused(tmp_path: Path) -> None:
    path = raw_xlsx(tmp_path / "bomb.xlsx", "", extra={"xl/media/padding.xml": b" " * (5 * 1024 * 1024)})
    code, params = refused(path)
    assert (code, params["member"]) == (ImportProblem.ZIP_RATIO_TOO_HIGH, "xl/media/padding.xml")


def test_billion_laughs_workbook_is_refused(tmp_path: Path) -> None:
    path = raw_xlsx(
        tmp_path / "laughs.xlsx",
        '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
        shared_strings_xml=BILLION_LAUGHS + f'<sst xmlns="{workbooks.__name__}"><si><t>&lol9;</t></si></sst>',
    )
    assert refused(path) == (ImportProblem.UNSAFE_XML, {"member": "xl/sharedStrings.xml"})


def test_calamine_itself_does_not_expand_entities(tmp_path: Path) -> None:
    # Defence in depth: were the pre-scan ever bypassed, calamine refuses (it never expands them).
    path = raw_xlsx(
        tmp_path / "laughs.xlsx",
        '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
        shared_strings_xml=BILLION_LAUGHS + "<sst><si><t>&lol9;</t></si></sst>",
    )
    with pytest.raises(python_calamine.CalamineError):
        python_calamine.CalamineWorkbook.from_path(path)


def test_one_far_cell_would_abort_calamine_and_is_refused(tmp_path: Path) -> None:
    path = raw_xlsx(
        tmp_path / "far.xlsx", '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="XFD1048576"><v>1</v></c></row>'
    )
    assert refused(path) == (ImportProblem.TOO_MANY_COLUMNS, {"sheet": "S", "count": 16_384, "limit": 100})
    deep = raw_xlsx(
        tmp_path / "deep.xlsx",
        '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="900000"><c r="B900000"><v>1</v></c></row>',
    )
    assert refused(deep) == (ImportProblem.TOO_MANY_ROWS, {"sheet": "S", "limit": 200_000})


def test_sheet_rectangle_limit(tmp_path: Path) -> None:
    path = raw_xlsx(tmp_path / "wide.xlsx", cells_xml([["phone", "x"], ["13912345678", "y"]]))
    assert refused(path, ImportOptions(limits=ImportLimits(max_sheet_cells=3))) == (
        ImportProblem.SHEET_TOO_LARGE,
        {"sheet": "S", "cells": 99_999 * 26, "limit": 3},
    )


def test_cells_without_references_are_measured_exactly(tmp_path: Path) -> None:
    path = raw_xlsx(
        tmp_path / "norefs.xlsx",
        '<row><c t="inlineStr"><is><t>phone</t></is></c></row>'
        '<row><c t="inlineStr"><is><t>13912345678</t></is></c></row>',
    )
    assert phones(load(path)) == [(2, "8613912345678")]
    wide = raw_xlsx(tmp_path / "wide.xlsx", "<row>" + "<c><v>1</v></c>" * 120 + "</row>")
    assert refused(wide) == (ImportProblem.TOO_MANY_COLUMNS, {"sheet": "S", "count": 120, "limit": 100})


def test_prefixed_worksheet_from_the_openxml_sdk(tmp_path: Path) -> None:
    rows = '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>手机</x:t></x:is></x:c></x:row>'
    rows += '<x:row r="2"><x:c r="A2"><x:v>13912345678</x:v></x:c></x:row>'
    path = raw_xlsx(tmp_path / "sdk.xlsx", rows, prefix="x")
    assert phones(load(path)) == [(2, "8613912345678")]


def _big_workbook_xml() -> str:
    # Past the 1 MiB the importer keeps for mapping sheets, yet incompressible enough for the ratio check.
    noise = "".join(random.Random(7).choices("0123456789abcdef", k=1_100_000))
    return WORKBOOK_XML.replace("<sheets>", f"<!-- {noise} --><sheets>")


def test_unmapped_sheet_parts_are_held_to_the_largest(tmp_path: Path) -> None:
    big = {"xl/workbook.xml": _big_workbook_xml()}
    report = load(raw_xlsx(tmp_path / "big.xlsx", cells_xml([["phone"], ["13912345678"]]), replace=big))
    assert phones(report) == [(2, "8613912345678")]
    far = raw_xlsx(
        tmp_path / "far.xlsx", '<row r="1"><c r="A1"><v>1</v></c><c r="ZZ1"><v>1</v></c></row>', replace=big
    )
    assert refused(far) == (ImportProblem.TOO_MANY_COLUMNS, {"sheet": "S", "count": 702, "limit": 100})


def test_sheet_part_that_was_not_measured_is_refused(tmp_path: Path) -> None:
    # The workbook points at a part outside worksheets/ whose root is hidden after 64 KiB of comment.
    late_root = "<!--" + " " * 70_000 + "-->" + sheet_xml(cells_xml([["phone"], ["13912345678"]]))
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'worksheet" Target="/xl/odd/place.xml"/></Relationships>'
    )
    path = raw_xlsx(
        tmp_path / "odd.xlsx",
        "",
        replace={"xl/_rels/workbook.xml.rels": rels},
        extra={"xl/odd/place.xml": late_root},
    )
    code, params = refused(path)
    assert (code, params["kind"]) == (ImportProblem.CORRUPT, "xlsx")


def test_no_measured_sheet_at_all_is_refused(tmp_path: Path) -> None:
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="x" Target="odd.xml"/></Relationships>'
    )
    path = raw_xlsx(
        tmp_path / "odd.xlsx",
        "",
        replace={
            "_rels/.rels": "<x/>",
            "xl/_rels/workbook.xml.rels": rels,
            "xl/worksheets/sheet1.xml": "<x/>",
        },
        extra={"xl/odd.xml": "<!--" + " " * 70_000 + "-->" + sheet_xml("")},
    )
    assert refused(path)[0] is ImportProblem.CORRUPT


def test_sheets_the_relationships_do_not_name_are_skipped(tmp_path: Path) -> None:
    workbook = WORKBOOK_XML.replace(
        "</sheets>", '<sheet name="Ghost" sheetId="2" r:id="rId9"/><sheet sheetId="3" r:id="rId1"/></sheets>'
    )
    path = raw_xlsx(
        tmp_path / "ghost.xlsx",
        cells_xml([["phone"], ["13912345678"]]),
        replace={"xl/workbook.xml": workbook},
    )
    assert refused(path)[0] is ImportProblem.CORRUPT  # calamine cannot find the ghost's part either


def test_malformed_relationships_fall_back_to_every_part(tmp_path: Path) -> None:
    path = raw_xlsx(
        tmp_path / "badrels.xlsx",
        cells_xml([["phone"], ["13912345678"]]),
        replace={"xl/workbook.xml": "<not xml"},
    )
    assert refused(path)[0] is ImportProblem.CORRUPT  # calamine cannot read the workbook part either


def test_encrypted_workbook(tmp_path: Path) -> None:
    plain = write_xlsx(tmp_path / "plain.xlsx", {"S": LIST})
    secret = tmp_path / "secret.xlsx"
    with plain.open("rb") as source, secret.open("wb") as target:
        OOXMLFile(source).encrypt("password", target)
    assert refused(secret) == (ImportProblem.ENCRYPTED, {})


def test_password_error_from_calamine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A legacy .xls with RC4 encryption reaches calamine, which says so with PasswordError.
    def locked(_: object) -> None:
        raise python_calamine.PasswordError("Workbook is password protected")

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_filelike", locked)
    assert refused(write_xls(tmp_path / "locked.xls", {"S": LIST})) == (ImportProblem.ENCRYPTED, {})


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("cut.xlsx", lambda path: path.read_bytes()[:-200]),
        ("garbled.xlsx", lambda path: path.read_bytes()[:200] + b"\x00" * 50 + path.read_bytes()[250:]),
    ],
)
def test_corrupt_workbooks(tmp_path: Path, name: str, content: object) -> None:
    source = write_xlsx(tmp_path / "source.xlsx", {"S": LIST})
    damaged = tmp_path / name
    damaged.write_bytes(content(source))  # type: ignore[operator]
    assert refused(damaged)[0] is ImportProblem.CORRUPT


def test_corrupt_xls(tmp_path: Path) -> None:
    data = bytearray(write_xls(tmp_path / "list.xls", {"S": LIST}).read_bytes())
    data[1024:3000] = b"\xff" * 1976
    damaged = tmp_path / "damaged.xls"
    damaged.write_bytes(bytes(data))
    code, params = refused(damaged)
    assert (code, params["kind"]) == (ImportProblem.CORRUPT, "xls")


def test_other_zip_kinds(tmp_path: Path) -> None:
    docx = tmp_path / "letter.xlsx"
    docx.write_bytes(zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"}))
    assert refused(docx) == (ImportProblem.UNSUPPORTED_FORMAT, {"kind": "document"})
    odt = tmp_path / "letter.ods"
    odt.write_bytes(zip_bytes({"mimetype": "application/vnd.oasis.opendocument.text"}))
    assert refused(odt) == (ImportProblem.UNSUPPORTED_FORMAT, {"kind": "document"})
    odd = tmp_path / "odd.ods"
    odd.write_bytes(zip_bytes({"mimetype": "x" * 300}))
    assert refused(odd) == (ImportProblem.UNSUPPORTED_FORMAT, {"kind": "zip"})


def test_calamine_errors_on_sheet_loading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        sheets_metadata: ClassVar = [
            python_calamine.SheetMetadata(
                "S", python_calamine.SheetTypeEnum.WorkSheet, python_calamine.SheetVisibleEnum.Visible
            )
        ]
        closed = False

        def get_sheet_by_name(self, name: str) -> None:
            raise python_calamine.XmlError("bad sheet")

        def close(self) -> None:
            Broken.closed = True

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_filelike", lambda _: Broken())
    assert refused(write_xls(tmp_path / "list.xls", {"S": LIST})) == (
        ImportProblem.CORRUPT,
        {"kind": "xls", "detail": "bad sheet"},
    )
    assert Broken.closed


def test_whole_file_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # calamine parses the very bytes that were checked, never the path again.
    seen: list[object] = []
    original = python_calamine.CalamineWorkbook.from_filelike

    def spy(source: io.BytesIO) -> python_calamine.CalamineWorkbook:
        seen.append(type(source))
        return original(source)

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_filelike", spy)
    load(write_xlsx(tmp_path / "book.xlsx", {"S": LIST}))
    assert seen == [io.BytesIO]
