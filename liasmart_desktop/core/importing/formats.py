"""What a file is, told by its first bytes and its container, never by its extension."""

from __future__ import annotations

import enum
import re
from collections.abc import Collection

from liasmart_desktop.core.importing.problems import ImportFileError, ImportProblem

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
SNIFF_BYTES = 8192  # enough of the head to tell a web page or a binary file from a CSV
#: A text file with this many NUL bytes at most (and no other control byte) is text with stray NULs.
MAX_STRAY_NULS = 8
# Control bytes text never holds: TAB, LF, VT, FF and CR are at home in it, and SUB only as DOS's
# end-of-file mark (the PNG signature holds one too).
_BINARY_CONTROL = re.compile(rb"[\x01-\x08\x0e-\x1f](?!\Z)|[\x01-\x08\x0e-\x19\x1b-\x1f]\Z")

_OLE2_HEADER_BYTES = 512
_OLE2_ENTRY_BYTES = 128  # directory entries are 128 bytes and sectors (512 or 4096) are multiples of it
_OLE2_NAME_LENGTH_OFFSET = 64  # the entry's name length in bytes, UTF-16 terminator included
_ENCRYPTION_STREAMS = ("EncryptionInfo", "EncryptedPackage")  # an encrypted .xlsx is an OLE2 container
_WORKBOOK_STREAMS = ("Workbook", "Book")  # BIFF8 and BIFF5 .xls


class FileFormat(enum.Enum):
    """The formats the importer reads; ``PASTE`` is text typed or pasted into the app."""

    XLSX = "xlsx"
    XLS = "xls"
    ODS = "ods"
    TEXT = "text"
    PASTE = "paste"


class Container(enum.Enum):
    """The outer shape of a file, before its parts are looked at."""

    ZIP = "zip"
    OLE2 = "ole2"
    TEXT = "text"


def utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte of mostly-ASCII text is NUL, else None.

    Excel's "Unicode text" carries a BOM; this catches the same text saved by tools that drop it.
    """
    sample = head[: SNIFF_BYTES - SNIFF_BYTES % 2]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    if odd_nuls >= pairs * 0.4 and even_nuls <= pairs * 0.05:
        return "utf-16-le"
    if even_nuls >= pairs * 0.4 and odd_nuls <= pairs * 0.05:
        return "utf-16-be"
    return None


def sniff_container(head: bytes) -> Container:
    """The container of a file from its first bytes; web pages, PDFs and other binaries are refused."""
    if head.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        return Container.ZIP
    if head.startswith(OLE2_MAGIC):
        return Container.OLE2
    if head.startswith(b"%PDF"):
        raise ImportFileError(ImportProblem.UNSUPPORTED_FORMAT, kind="pdf")
    start = head[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    # Many office systems export an HTML table or Excel 2003 XML and call it .xls.
    if start.startswith((b"<!doctype html", b"<html", b"mime-version:")) or (
        start.startswith(b"<?xml") and b"<html" in start
    ):
        raise ImportFileError(ImportProblem.UNSUPPORTED_FORMAT, kind="html")
    if start.startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in start:
        raise ImportFileError(ImportProblem.UNSUPPORTED_FORMAT, kind="xml_spreadsheet")
    has_bom = head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff"))
    sample = head[:SNIFF_BYTES]
    if b"\x00" in sample and not has_bom and utf16_without_bom(head) is None and not _stray_nuls(sample):
        raise ImportFileError(ImportProblem.UNSUPPORTED_FORMAT, kind="binary")
    return Container.TEXT


def _stray_nuls(sample: bytes) -> bool:
    """Whether ``sample`` is text with a few NUL bytes in it (the reader then names their row)."""
    return sample.count(0) <= MAX_STRAY_NULS and _BINARY_CONTROL.search(sample) is None


def _ole2_has_stream(data: bytes, name: str) -> bool:
    encoded = name.encode("utf-16-le")
    length_field = (len(encoded) + 2).to_bytes(2, "little")
    at = data.find(encoded, _OLE2_HEADER_BYTES)
    while at != -1:
        # A real directory entry starts on a 128-byte boundary and records the name's length.
        if at % _OLE2_ENTRY_BYTES == 0:
            field = at + _OLE2_NAME_LENGTH_OFFSET
            if data[field : field + 2] == length_field:
                return True
        at = data.find(encoded, at + 1)
    return False


def classify_ole2(data: bytes) -> FileFormat:
    """An OLE2 file is a legacy .xls, an encrypted workbook, or something else (a .doc …)."""
    if any(_ole2_has_stream(data, name) for name in _ENCRYPTION_STREAMS):
        raise ImportFileError(ImportProblem.ENCRYPTED)
    if any(_ole2_has_stream(data, name) for name in _WORKBOOK_STREAMS):
        return FileFormat.XLS
    raise ImportFileError(ImportProblem.UNSUPPORTED_FORMAT, kind="document")


def classify_zip(names: Collection[str], mimetype: bytes | None) -> FileFormat:
    """A zip archive is an .xlsx/.xlsm, an .ods, or something else (.xlsb, .docx, a plain zip)."""
    if "xl/workbook.bin" in names:
        raise ImportFileError(ImportProblem.UNSUPPORTED_FORMAT, kind="xlsb")
    if "[Content_Types].xml" in names and "xl/workbook.xml" in names:
        return FileFormat.XLSX
    if mimetype is not None and mimetype.strip() == ODS_MIMETYPE:
        return FileFormat.ODS
    if "[Content_Types].xml" in names or mimetype is not None:
        raise ImportFileError(ImportProblem.UNSUPPORTED_FORMAT, kind="document")
    raise ImportFileError(ImportProblem.UNSUPPORTED_FORMAT, kind="zip")
