"""Spreadsheets made in the tests: openpyxl for .xlsx, xlwt for .xls, hand-written XML for .ods and crafts."""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import xlwt  # type: ignore[import-untyped]
from openpyxl.chart import BarChart, Reference

Rows = Sequence[Sequence[object]]  # cell values as openpyxl and xlwt take them


def write_xlsx(
    path: Path,
    sheets: Mapping[str, Rows],
    *,
    hidden: Sequence[str] = (),
    very_hidden: Sequence[str] = (),
    chart: str | None = None,
) -> Path:
    """A workbook with the given sheets (in order), some hidden, and optionally a chart sheet."""
    workbook = openpyxl.Workbook()
    first = True
    for name, rows in sheets.items():
        sheet = workbook.active if first else workbook.create_sheet()
        assert sheet is not None
        first = False
        sheet.title = name
        for row in rows:
            sheet.append(list(row))
        if name in hidden:
            sheet.sheet_state = "hidden"
        if name in very_hidden:
            sheet.sheet_state = "veryHidden"
    if chart is not None:
        chartsheet = workbook.create_chartsheet(chart)
        bars = BarChart()
        data_sheet = workbook.worksheets[0]
        bars.add_data(Reference(data_sheet, min_col=1, min_row=1, max_row=2))
        chartsheet.add_chart(bars)
    workbook.save(path)
    workbook.close()
    return path


def write_xls(path: Path, sheets: Mapping[str, Rows], *, hidden: Sequence[str] = ()) -> Path:
    """A legacy .xls (BIFF8) workbook written by xlwt."""
    book = xlwt.Workbook(encoding="utf-8")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for name, rows in sheets.items():
        sheet = book.add_sheet(name)
        if name in hidden:
            sheet.visibility = 1
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, datetime.date):
                    sheet.write(r, c, value, date_style)
                else:
                    sheet.write(r, c, value)
    book.save(str(path))
    return path


def zip_bytes(members: Mapping[str, bytes | str], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip archive holding the members in order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def sheet_xml(sheet_data: str, *, prefix: str = "") -> str:
    """A worksheet part around ``<sheetData>`` content (elements prefixed with ``prefix:`` if given)."""
    p = f"{prefix}:" if prefix else ""
    xmlns = f"xmlns:{prefix}" if prefix else "xmlns"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<{p}worksheet {xmlns}="{MAIN_NS}"><{p}sheetData>{sheet_data}</{p}sheetData></{p}worksheet>'
    )


def raw_xlsx(
    path: Path,
    sheet_data: str,
    *,
    shared_strings: Sequence[str] = ("hello",),
    shared_strings_xml: str | None = None,
    prefix: str = "",
    extra: Mapping[str, bytes | str] | None = None,
    replace: Mapping[str, bytes | str] | None = None,
) -> Path:
    """A minimal .xlsx whose one sheet ("S") holds exactly the given XML, for crafted cases."""
    strings = "".join(f"<si><t>{escape(text)}</t></si>" for text in shared_strings)
    members: dict[str, bytes | str] = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _PACKAGE_RELS,
        "xl/workbook.xml": WORKBOOK_XML,
        "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS,
        "xl/worksheets/sheet1.xml": sheet_xml(sheet_data, prefix=prefix),
        "xl/sharedStrings.xml": shared_strings_xml
        or f'<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="{MAIN_NS}">{strings}</sst>',
    }
    members.update(replace or {})
    members.update(extra or {})
    path.write_bytes(zip_bytes(members))
    return path


def cells_xml(rows: Sequence[Sequence[str | int | float | None]]) -> str:
    """``<row>``/``<c>`` elements with references; strings as inline strings."""
    out = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row):
            ref = f"{chr(ord('A') + c)}{r}"
            if value is None:
                continue
            if isinstance(value, str):
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>')
            else:
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
        out.append(f'<row r="{r}">{"".join(cells)}</row>')
    return "".join(out)


ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"
_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def ods_cell(value: str | float | None, *, repeat: int = 1) -> str:
    """One .ods cell (repeated across ``repeat`` columns)."""
    rep = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    if value is None:
        return f"<table:table-cell{rep}/>"
    if isinstance(value, str):
        return (
            f'<table:table-cell office:value-type="string"{rep}>'
            f"<text:p>{escape(value)}</text:p></table:table-cell>"
        )
    return (
        f'<table:table-cell office:value-type="float" office:value="{value}"{rep}>'
        f"<text:p>{value}</text:p></table:table-cell>"
    )


def ods_row(cells: Sequence[str], *, repeat: int | str = 1) -> str:
    """One .ods row of cells made by :func:`ods_cell` (repeated ``repeat`` times, digits as written)."""
    rep = f' table:number-rows-repeated="{repeat}"' if repeat != 1 else ""
    return f"<table:table-row{rep}>{''.join(cells)}</table:table-row>"


def write_ods(path: Path, tables: Sequence[tuple[str, Sequence[str], bool]]) -> Path:
    """An .ods with tables given as (name, rows made by :func:`ods_row`, hidden)."""
    styles = (
        '<style:style style:name="shown" style:family="table"><style:table-properties table:display="true"/>'
        '</style:style><style:style style:name="hidden" style:family="table">'
        '<style:table-properties table:display="false"/></style:style>'
    )
    body = "".join(
        f'<table:table table:name="{escape(name)}" table:style-name="{"hidden" if hidden else "shown"}">'
        f"{''.join(rows)}</table:table>"
        for name, rows, hidden in tables
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_ODS_NS} office:version="1.2">'
        f"<office:automatic-styles>{styles}</office:automatic-styles>"
        f"<office:body><office:spreadsheet>{body}</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{ODS_MIMETYPE}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), ODS_MIMETYPE)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    path.write_bytes(buffer.getvalue())
    return path


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">' for n in range(1, 10)
    )
    + "]>"
)
