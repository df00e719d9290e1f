"""Formats are told by content: zip and OLE2 containers, web pages, PDFs, binaries, UTF-16 text."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from msoffcrypto.format.ooxml import OOXMLFile  # type: ignore[import-untyped]

from liasmart_desktop.core.importing import FileFormat, ImportFileError, ImportProblem
from liasmart_desktop.core.importing.formats import (
    OLE2_MAGIC,
    Container,
    classify_ole2,
    classify_zip,
    sniff_container,
    utf16_without_bom,
)
from tests.core.importing.builders import write_xls, write_xlsx


def encrypted_xlsx(tmp_path: Path) -> bytes:
    """A real password-protected .xlsx (Agile encryption in an OLE2 container)."""
    plain = write_xlsx(tmp_path / "plain.xlsx", {"S": [["phone"], ["13912345678"]]})
    out = io.BytesIO()
    with plain.open("rb") as source:
        OOXMLFile(source).encrypt("secret", out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("head", "container"),
    [
        (b"PK\x03\x04rest", Container.ZIP),
        (b"PK\x05\x06", Container.ZIP),
        (OLE2_MAGIC + b"\x00" * 100, Container.OLE2),
        (b"name,phone\n", Container.TEXT),
        ("姓名\t手机\n".encode("utf-16"), Container.TEXT),
        ("姓名\t手机\n张三\t13912345678\n".encode("utf-16-le"), Container.TEXT),
        ("name\n".encode("utf-32"), Container.TEXT),
        (b"<p>not html at the start</p>", Container.TEXT),
    ],
)
def test_containers(head: bytes, container: Container) -> None:
    assert sniff_container(head) is container


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"%PDF-1.7\n", "pdf"),
        (b"\xef\xbb\xbf  <!DOCTYPE html><html>", "html"),
        (b"<HTML><body><table>", "html"),
        (b"MIME-Version: 1.0\r\n", "html"),
        (b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', "html"),
        (
            b'<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
            "xml_spreadsheet",
        ),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ],
)
def test_refused_kinds(head: bytes, kind: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        sniff_container(head)
    assert (caught.value.code, dict(caught.value.params)) == (
        ImportProblem.UNSUPPORTED_FORMAT,
        {"kind": kind},
    )


def test_utf16_without_bom() -> None:
    assert utf16_without_bom("abc,def\n".encode("utf-16-le")) == "utf-16-le"
    assert utf16_without_bom("abc,def\n".encode("utf-16-be")) == "utf-16-be"
    assert utf16_without_bom(b"ab") is None
    assert utf16_without_bom(b"abcdefgh") is None


def test_xls_and_encrypted_workbooks(tmp_path: Path) -> None:
    xls = write_xls(tmp_path / "list.xls", {"S": [["phone"], [13912345678]]}).read_bytes()
    assert classify_ole2(xls) is FileFormat.XLS
    with pytest.raises(ImportFileError) as caught:
        classify_ole2(encrypted_xlsx(tmp_path))
    assert caught.value.code is ImportProblem.ENCRYPTED


def test_other_ole2_documents_and_misaligned_names() -> None:
    # "Workbook" appears, but not as a directory entry (wrong alignment, wrong length field).
    name = "Workbook".encode("utf-16-le")
    data = bytearray(OLE2_MAGIC + b"\x00" * 1200)
    data[600 : 600 + len(name)] = name  # not on a 128-byte boundary
    data[640 : 640 + len(name)] = name  # on a boundary, but the length field says otherwise
    with pytest.raises(ImportFileError) as caught:
        classify_ole2(bytes(data))
    assert (caught.value.code, dict(caught.value.params)) == (
        ImportProblem.UNSUPPORTED_FORMAT,
        {"kind": "document"},
    )


@pytest.mark.parametrize(
    ("names", "mimetype", "expected"),
    [
        (["[Content_Types].xml", "xl/workbook.xml"], None, FileFormat.XLSX),
        (["mimetype", "content.xml"], b"application/vnd.oasis.opendocument.spreadsheet\n", FileFormat.ODS),
    ],
)
def test_zip_formats(names: list[str], mimetype: bytes | None, expected: FileFormat) -> None:
    assert classify_zip(names, mimetype) is expected


@pytest.mark.parametrize(
    ("names", "mimetype", "kind"),
    [
        (["[Content_Types].xml", "xl/workbook.bin"], None, "xlsb"),
        (["[Content_Types].xml", "word/document.xml"], None, "document"),
        (["mimetype"], b"application/vnd.oasis.opendocument.text", "document"),
        (["photo.jpg"], None, "zip"),
    ],
)
def test_other_zips(names: list[str], mimetype: bytes | None, kind: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        classify_zip(names, mimetype)
    assert dict(caught.value.params) == {"kind": kind}
