"""The zip checks that run before any reader opens a workbook, and exact unpacking of its parts."""

from __future__ import annotations

import copy
import io
import struct
import warnings
import zipfile

import pytest

from liasmart_desktop.core.importing import ImportFileError, ImportLimits, ImportProblem
from liasmart_desktop.core.importing.archives import EntityGuard, is_xml_part, open_checked_zip, unpack
from tests.core.importing.builders import BILLION_LAUGHS, zip_bytes

MIB = 1024 * 1024


def problem(data: bytes, limits: ImportLimits | None = None) -> tuple[ImportProblem, dict[str, object]]:
    with pytest.raises(ImportFileError) as caught:
        open_checked_zip(data, "xlsx", limits or ImportLimits()).close()
    return caught.value.code, dict(caught.value.params)


def members(count: int) -> dict[str, bytes | str]:
    return {f"part{index}.xml": "<a/>" for index in range(count)}


def test_a_normal_archive_opens() -> None:
    with open_checked_zip(zip_bytes(members(3)), "xlsx", ImportLimits()) as archive:
        assert len(archive.infolist()) == 3


def test_too_many_members_counted_from_the_directory_record() -> None:
    assert problem(zip_bytes(members(5)), ImportLimits(max_zip_members=4)) == (
        ImportProblem.ZIP_TOO_MANY_MEMBERS,
        {"count": 5, "limit": 4},
    )


def _patch_end_record(data: bytes, entries: int | None = None, directory_bytes: int | None = None) -> bytes:
    at = data.rfind(b"PK\x05\x06")
    patched = bytearray(data)
    if entries is not None:
        struct.pack_into("<HH", patched, at + 8, entries, entries)
    if directory_bytes is not None:
        struct.pack_into("<I", patched, at + 12, directory_bytes)
    return bytes(patched)


def test_too_many_members_counted_from_the_parsed_directory() -> None:
    # The end record claims the ZIP64 count marker; the real directory still holds five parts.
    data = _patch_end_record(zip_bytes(members(5)), entries=0xFFFF)
    assert problem(data, ImportLimits(max_zip_members=4)) == (
        ImportProblem.ZIP_TOO_MANY_MEMBERS,
        {"count": 5, "limit": 4},
    )


def test_oversized_directory_is_refused_before_parsing() -> None:
    data = _patch_end_record(zip_bytes(members(2)), directory_bytes=5 * 1024)
    assert problem(data, ImportLimits(max_zip_members=4)) == (
        ImportProblem.ZIP_TOO_MANY_MEMBERS,
        {"count": 5, "limit": 4},
    )


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04" + b"\x00" * 100,  # no end record at all
        b"PK\x03\x04" + b"\x00" * 100 + b"PK\x05\x06\x00",  # an end record cut short
        b"PK\x05\x06" + b"\x00" * 8 + struct.pack("<IIH", 46, 999, 0),  # a directory that is not there
    ],
)
def test_corrupt_archives(data: bytes) -> None:
    code, params = problem(data)
    assert (code, params["kind"]) == (ImportProblem.CORRUPT, "xlsx")


def test_duplicate_member_names_are_refused() -> None:
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w") as archive:
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate it is asked to write
        archive.writestr("xl/workbook.xml", "<a/>")
        archive.writestr("xl/workbook.xml", "<b/>")
    assert problem(buffer.getvalue()) == (
        ImportProblem.CORRUPT,
        {"kind": "zip", "detail": "duplicate member names"},
    )


def test_encrypted_member_is_refused() -> None:
    data = bytearray(zip_bytes({"xl/workbook.xml": "<a/>"}))
    entry = data.find(b"PK\x01\x02")  # the member's central-directory entry: flags at +8
    data[entry + 8] |= 0x1
    assert problem(bytes(data)) == (ImportProblem.ENCRYPTED, {})


def test_member_too_large() -> None:
    data = zip_bytes({"xl/worksheets/sheet1.xml": b"x" * 2000})
    assert problem(data, ImportLimits(max_zip_member_bytes=1000)) == (
        ImportProblem.ZIP_MEMBER_TOO_LARGE,
        {"member": "xl/worksheets/sheet1.xml", "size_bytes": 2000, "limit_bytes": 1000},
    )


def test_zip_bomb_ratio_is_refused_before_anything_unpacks() -> None:
    data = zip_bytes({"xl/worksheets/sheet1.xml": b"\x00" * (8 * MIB)})
    code, params = problem(data)
    assert code is ImportProblem.ZIP_RATIO_TOO_HIGH
    assert params["member"] == "xl/worksheets/sheet1.xml"
    assert int(params["ratio"]) > 100  # type: ignore[call-overload]


def test_small_parts_may_compress_well() -> None:
    with open_checked_zip(zip_bytes({"xl/styles.xml": b" " * 500_000}), "xlsx", ImportLimits()) as archive:
        assert archive.namelist() == ["xl/styles.xml"]


def test_total_unpacked_size() -> None:
    data = zip_bytes({"a.xml": b"a" * 600, "b.xml": b"b" * 600})
    assert problem(data, ImportLimits(max_zip_uncompressed_bytes=1000)) == (
        ImportProblem.ZIP_TOO_LARGE,
        {"size_bytes": 1200, "limit_bytes": 1000},
    )


def _info(data: bytes, name: str) -> zipfile.ZipInfo:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.getinfo(name)


@pytest.mark.parametrize("compression", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_unpack_yields_the_exact_content(compression: int) -> None:
    content = bytes(range(256)) * 20_000  # several 1 MiB chunks
    data = zip_bytes({"a.xml": content}, compression=compression)
    assert b"".join(unpack(data, _info(data, "a.xml"), "xlsx")) == content


def _broken(**changes: int) -> tuple[bytes, zipfile.ZipInfo]:
    data = zip_bytes({"a.xml": b"<worksheet>" + b"<row/>" * 1000 + b"</worksheet>"})
    info = copy.copy(_info(data, "a.xml"))
    for name, value in changes.items():
        setattr(info, name, value)
    return data, info


@pytest.mark.parametrize(
    ("changes", "detail"),
    [
        ({"header_offset": 5}, "bad local header"),
        ({"header_offset": 10**6}, "bad local header"),
        ({"compress_size": 10**6}, "cut short"),
        ({"compress_type": zipfile.ZIP_BZIP2}, "compression method 12"),
        ({"file_size": 100}, "more than its declared size"),
        ({"file_size": 10**5}, "does not match"),
        ({"CRC": 1}, "does not match"),
        ({"compress_size": 20}, "ends before its data does"),
    ],
)
def test_unpack_refuses_parts_that_differ_from_their_entry(changes: dict[str, int], detail: str) -> None:
    data, info = _broken(**changes)
    with pytest.raises(ImportFileError) as caught:
        b"".join(unpack(data, info, "xlsx"))
    assert caught.value.code is ImportProblem.CORRUPT
    assert detail in str(caught.value.params["detail"])


def test_unpack_refuses_broken_deflate_data() -> None:
    data, info = _broken()
    at = info.header_offset + 30 + len(info.filename)
    broken = data[:at] + b"\xff" * 8 + data[at + 8 :]
    with pytest.raises(ImportFileError) as caught:
        b"".join(unpack(broken, info, "xlsx"))
    assert caught.value.code is ImportProblem.CORRUPT


def test_xml_parts() -> None:
    assert [name for name in ("a.xml", "_rels/.rels", "d.VML", "x.bin", "img.png") if is_xml_part(name)] == [
        "a.xml",
        "_rels/.rels",
        "d.VML",
    ]


def feed_all(guard: EntityGuard, chunks: list[bytes]) -> None:
    for chunk in chunks:
        guard.feed(chunk)


@pytest.mark.parametrize(
    "chunks",
    [
        [BILLION_LAUGHS.encode()],
        [b'<?xml version="1.0"?>\n<!DOC', b"TYPE x>"],  # split across chunks
        [b"<a>", b"<!ENTITY x 'y'>"],
        ["<sst/>".encode("utf-16")],
        ["<sst/>".encode("utf-16-le")],
        ["<sst/>".encode("utf-32-be")],
        [b"\x4c\x6f\xa7\x94"],  # "<?xm" in EBCDIC
    ],
)
def test_entity_guard_refuses(chunks: list[bytes]) -> None:
    guard = EntityGuard("xl/sharedStrings.xml")
    with pytest.raises(ImportFileError) as caught:
        feed_all(guard, chunks)
    assert (caught.value.code, dict(caught.value.params)) == (
        ImportProblem.UNSAFE_XML,
        {"member": "xl/sharedStrings.xml"},
    )


@pytest.mark.parametrize(
    "start", [b'<?xml version="1.0"?>\n<sst>', b"\xef\xbb\xbf <sst>", b"\r\n<sst>", b"", b"<"]
)
def test_entity_guard_passes_ordinary_xml(start: bytes) -> None:
    feed_all(EntityGuard("a.xml"), [start, b"<si><t>DOC &amp; TYPE</t></si>", b"</sst>"])
