"""Sheet extents measured from raw XML, so calamine never allocates a rectangle it cannot hold."""

from __future__ import annotations

import pytest

from liasmart_desktop.core.importing import FileFormat, ImportFileError, ImportProblem
from liasmart_desktop.core.importing.extents import (
    Extent,
    OdsScanner,
    SheetScanner,
    XlsxExactScanner,
    XlsxFastScanner,
    scanner_for,
)
from tests.core.importing.builders import ods_cell, ods_row, sheet_xml


def feed(scanner: SheetScanner, xml: str, chunk: int = 7) -> list[Extent]:
    data = xml.encode()
    for at in range(0, len(data), chunk):  # tiny chunks: tags split everywhere
        scanner.feed(data[at : at + chunk])
    return scanner.extents("part")


def fast(xml: str) -> tuple[list[Extent], bool]:
    scanner = XlsxFastScanner(max_rows=201_000, max_columns=100)
    found = feed(scanner, sheet_xml(xml))
    return found, scanner.needs_exact


def test_fast_pass_bounds_an_ordinary_sheet_below_the_limits() -> None:
    extents, exact = fast('<row r="1"><c r="A1"><v>1</v></c><c r="E1"><v>2</v></c></row>')
    # Neither a 6-digit row nor a 2-letter column: the bound is 99,999 rows by 26 columns.
    assert (extents, exact) == ([Extent("part", 99_999, 26)], False)


def test_fast_pass_measures_far_cells_exactly() -> None:
    extents, _ = fast('<row r="1"><c r="A1"><v>1</v></c><c r="XFD1048576" t="s"><v>0</v></c></row>')
    assert extents == [Extent("part", 1_048_576, 16_384)]
    assert extents[0].cells == 1_048_576 * 16_384


def test_fast_pass_ignores_far_empty_formatted_cells() -> None:
    extents, _ = fast('<row r="1"><c r="A1"><v>1</v></c><c r="XFD1048576" s="3"/></row>')
    assert extents == [Extent("part", 99_999, 26)]


def test_fast_pass_counts_a_row_past_100000() -> None:
    extents, _ = fast('<row r="150000"><c r="AB150000"><v>1</v></c></row>')
    assert extents == [Extent("part", 150_000, 28)]


@pytest.mark.parametrize(
    "xml",
    [
        '<row r="1"><c><v>1</v></c></row>',  # a cell without its reference
        '<row r="1"><c t="s"><v>0</v></c></row>',
        '<row><c r="A1"><v>1</v></c></row>',  # a row without its number
        '<row r="1"><x:c r="A1"><v>1</v></x:c></row>',  # a prefixed cell under an unprefixed root
    ],
)
def test_fast_pass_hands_unusual_sheets_to_the_exact_pass(xml: str) -> None:
    assert fast(xml)[1] is True


def test_exact_pass_places_cells_as_calamine_does() -> None:
    xml = sheet_xml(
        "<row><c><v>1</v></c><c/><c><v>3</v></c></row>"  # row 1: A, (B empty), C
        '<row r="10"><c r="B10"><v>1</v></c><c><v>2</v></c></row>'  # B10, then C10
        "<row><c><v>1</v></c></row>"  # row 11: A11
        '<row r="12"><c r="Z12" s="1"/></row>'  # empty: not counted
    )
    assert feed(XlsxExactScanner(), xml) == [Extent("part", 11, 3)]


@pytest.mark.parametrize(
    ("cell", "extent"),
    [
        ("<c r='XFD1'><v>1</v></c>", (1, 16_384)),  # single quotes
        ('<c r = "XFD1"><v>1</v></c>', (1, 16_384)),  # spaces around =
        ('<c r="xfd1"><v>1</v></c>', (1, 16_384)),  # lower case
        ('<c r="A2" r="XFD1"><v>1</v></c>', (1, 16_384)),  # calamine keeps the last r=
        ('<c s="1" r="XFD1"><v>1</v></c>', (1, 16_384)),  # r= not first
        ('<c r="AAAA1"><v>1</v></c>', (1, 18_279)),  # past XFD: calamine still places it
        ('<c r="A00000000000000012"><v>1</v></c>', (12, 1)),  # leading zeros
        ('<c r="A' + "9" * 5000 + '"><v>1</v></c>', (9_999_999_999, 1)),  # no overflow, still huge
    ],
)
def test_quick_pass_hands_odd_references_to_the_exact_pass(cell: str, extent: tuple[int, int]) -> None:
    xml = sheet_xml(f'<row r="1">{cell}</row>')
    quick = XlsxFastScanner(max_rows=201_000, max_columns=100)
    feed(quick, xml)
    assert quick.needs_exact
    found = feed(XlsxExactScanner(), xml)[0]
    assert (found.rows, found.columns) == extent


@pytest.mark.parametrize(
    "xml", ['<row r="1"><c r="$A$1"><v>1</v></c></row>', '<row r="x"><c><v>1</v></c></row>']
)
def test_exact_pass_refuses_references_it_cannot_read(xml: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        feed(XlsxExactScanner(), sheet_xml(xml))
    assert (caught.value.code, caught.value.params["kind"]) == (ImportProblem.CORRUPT, "xlsx")


def test_exact_pass_follows_prefixed_elements() -> None:
    xml = sheet_xml('<x:row r="1"><x:c r="D7"><x:v>1</x:v></x:c></x:row>', prefix="x")
    assert feed(XlsxExactScanner(), xml) == [Extent("part", 7, 4)]


def test_ods_tables_with_repeats() -> None:
    rows = [
        ods_row([ods_cell("phone"), ods_cell("name")]),
        ods_row([ods_cell(13912345678), ods_cell(None, repeat=3), ods_cell("x")]),  # x in column E
        ods_row([ods_cell(None, repeat=1024)], repeat=1_048_000),  # LibreOffice's trailing empties
        "<table:table-row table:number-rows-repeated='5'/>",
        ods_row([ods_cell("late")], repeat=1),
    ]
    body = (
        '<table:table table:name="A &amp; B">' + "".join(rows) + "</table:table>"
        '<table:table table:name="Wide">'
        + ods_row([ods_cell("x", repeat=1000)], repeat=1000)
        + "</table:table><table:table>"
        + ods_row([ods_cell("y")])
        + "</table:table><table:table table:name='Huge'>"
        + ods_row([ods_cell("z")], repeat="0" * 30 + "9" * 5000)
        + "</table:table>"
    )
    scanner = OdsScanner()
    assert feed(
        scanner, f"<office:document-content><office:body>{body}</office:body></office:document-content>"
    ) == [
        Extent("A & B", 1_048_008, 5),
        Extent("Wide", 1000, 1000),
        Extent("", 1, 1),
        Extent("Huge", 9_999_999_999, 1),
    ]


def test_ods_covered_and_annotated_cells_count_as_used() -> None:
    body = (
        '<table:table table:name="T"><table:table-row>'
        '<table:covered-table-cell table:number-columns-repeated="2">'
        "<text:p>m</text:p></table:covered-table-cell><table:table-cell><office:annotation/></table:table-cell>"
        "</table:table-row></table:table>"
    )
    assert feed(OdsScanner(), body) == [Extent("T", 1, 3)]


def test_an_empty_part_reaches_nothing() -> None:
    scanner = XlsxExactScanner()
    scanner.feed(b"")
    assert scanner.extents("p") == [Extent("p", 0, 0)]


def test_chunks_without_a_tag_start_are_carried() -> None:
    scanner = XlsxExactScanner()
    for chunk in (b"<row r", b'="3">', b"xxxx", b'<c r="B3"><v>1</v></c></row>'):
        scanner.feed(chunk)
    assert scanner.extents("p") == [Extent("p", 3, 2)]


@pytest.mark.parametrize(
    ("fmt", "name", "head", "kind"),
    [
        (FileFormat.XLSX, "xl/worksheets/sheet1.xml", sheet_xml(""), XlsxFastScanner),
        (FileFormat.XLSX, "xl/worksheets/sheet1.xml", sheet_xml("", prefix="x"), XlsxExactScanner),
        (FileFormat.XLSX, "xl/other/s.xml", sheet_xml(""), XlsxFastScanner),
        (FileFormat.XLSX, "xl/worksheets/sheet2.xml", "<!-- the root comes later -->", XlsxExactScanner),
        (FileFormat.XLSX, "xl/sharedStrings.xml", "<sst/>", type(None)),
        (FileFormat.ODS, "content.xml", "", OdsScanner),
        (FileFormat.ODS, "other.xml", "<office:document-content>", OdsScanner),
        (FileFormat.ODS, "styles.xml", "<office:document-styles>", type(None)),
        (FileFormat.XLS, "x", "", type(None)),
    ],
)
def test_scanner_for(fmt: FileFormat, name: str, head: str, kind: type) -> None:
    assert type(scanner_for(fmt, name, head.encode(), 1000, 100)) is kind


def test_base_scanner_is_abstract() -> None:
    scanner = SheetScanner()
    with pytest.raises(NotImplementedError):
        scanner.feed(b"<a><b>")
    with pytest.raises(NotImplementedError):
        scanner.extents("p")
