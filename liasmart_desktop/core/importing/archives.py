"""Zip archives (.xlsx, .ods) checked before any reader opens them: size, members, ratio, XML bombs.

The whole file is read into memory once and every check runs on those bytes, so the reader parses
exactly what was checked. Each XML part is unpacked here, in bounded chunks, and must unpack to the
size and CRC its directory entry declares; a part that would unpack to more is refused, so the declared
sizes the limits were checked against are the real ones.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator

from liasmart_desktop.core.importing.limits import ZIP_RATIO_MIN_BYTES, ImportLimits
from liasmart_desktop.core.importing.problems import ImportFileError, ImportProblem

CHUNK_BYTES = 1024 * 1024  # unpack in 1 MiB steps so no part is ever held whole unless kept
_EOCD = b"PK\x05\x06"
_EOCD_BYTES = 22
_EOCD_SEARCH_BYTES = 65_535 + _EOCD_BYTES  # the archive comment is at most 64 KiB
_ZIP64_COUNT = 0xFFFF
_CENTRAL_ENTRY_MAX_BYTES = 1024  # a generous size for one central-directory entry
_LOCAL_HEADER = b"PK\x03\x04"
_LOCAL_HEADER_BYTES = 30
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_BOMB_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")


def _corrupt(kind: str, detail: str) -> ImportFileError:
    return ImportFileError(ImportProblem.CORRUPT, kind=kind, detail=detail)


def _precheck_directory(data: bytes, kind: str, limits: ImportLimits) -> None:
    """Refuse an archive whose directory is too big before ``zipfile`` builds an object per entry."""
    at = data.rfind(_EOCD, max(0, len(data) - _EOCD_SEARCH_BYTES))
    if at == -1 or len(data) - at < _EOCD_BYTES:
        raise _corrupt(kind, "no end of central directory")
    entries, directory_bytes = struct.unpack_from("<HI", data, at + 10)
    if entries != _ZIP64_COUNT and entries > limits.max_zip_members:
        raise ImportFileError(ImportProblem.ZIP_TOO_MANY_MEMBERS, count=entries, limit=limits.max_zip_members)
    if directory_bytes > limits.max_zip_members * _CENTRAL_ENTRY_MAX_BYTES:
        raise ImportFileError(
            ImportProblem.ZIP_TOO_MANY_MEMBERS,
            count=directory_bytes // _CENTRAL_ENTRY_MAX_BYTES,
            limit=limits.max_zip_members,
        )


def open_checked_zip(data: bytes, kind: str, limits: ImportLimits) -> zipfile.ZipFile:
    """The archive, after its member count, sizes, ratios and encryption flags passed; caller closes."""
    _precheck_directory(data, kind, limits)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise _corrupt(kind, str(exc)) from exc
    try:
        _check_members(archive.infolist(), limits)
    except BaseException:
        archive.close()
        raise
    return archive


def _check_members(infos: list[zipfile.ZipInfo], limits: ImportLimits) -> None:
    if len(infos) > limits.max_zip_members:
        raise ImportFileError(
            ImportProblem.ZIP_TOO_MANY_MEMBERS, count=len(infos), limit=limits.max_zip_members
        )
    if len({info.filename for info in infos}) != len(infos):
        # Two parts with one name: readers may disagree on which one counts, so neither is trusted.
        raise _corrupt("zip", "duplicate member names")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise ImportFileError(ImportProblem.ENCRYPTED)
        if info.file_size > limits.max_zip_member_bytes:
            raise ImportFileError(
                ImportProblem.ZIP_MEMBER_TOO_LARGE,
                member=info.filename,
                size_bytes=info.file_size,
                limit_bytes=limits.max_zip_member_bytes,
            )
        if info.file_size > ZIP_RATIO_MIN_BYTES:
            ratio = info.file_size // max(info.compress_size, 1)
            if ratio > limits.max_zip_ratio:
                raise ImportFileError(
                    ImportProblem.ZIP_RATIO_TOO_HIGH,
                    member=info.filename,
                    ratio=ratio,
                    limit=limits.max_zip_ratio,
                )
        total += info.file_size
    if total > limits.max_zip_uncompressed_bytes:
        raise ImportFileError(
            ImportProblem.ZIP_TOO_LARGE, size_bytes=total, limit_bytes=limits.max_zip_uncompressed_bytes
        )


def is_xml_part(name: str) -> bool:
    """Whether a reader parses this part as XML (so it must pass the entity check)."""
    return name.lower().endswith(_XML_SUFFIXES)


def unpack(data: bytes, info: zipfile.ZipInfo, kind: str) -> Iterator[bytes]:
    """The part's bytes in chunks, refusing any part that unpacks to other than its declared size/CRC."""
    header = data[info.header_offset : info.header_offset + _LOCAL_HEADER_BYTES]
    if len(header) < _LOCAL_HEADER_BYTES or not header.startswith(_LOCAL_HEADER):
        raise _corrupt(kind, f"bad local header for {info.filename}")
    name_bytes, extra_bytes = struct.unpack_from("<HH", header, 26)
    start = info.header_offset + _LOCAL_HEADER_BYTES + name_bytes + extra_bytes
    packed = memoryview(data)[start : start + info.compress_size]
    if len(packed) < info.compress_size:
        raise _corrupt(kind, f"{info.filename} is cut short")
    if info.compress_type == zipfile.ZIP_STORED:
        chunks: Iterator[bytes] = (
            bytes(packed[at : at + CHUNK_BYTES]) for at in range(0, len(packed), CHUNK_BYTES)
        )
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        chunks = _inflate(packed, info, kind)
    else:
        raise _corrupt(kind, f"{info.filename} uses compression method {info.compress_type}")
    size = 0
    crc = 0
    for chunk in chunks:
        size += len(chunk)
        if size > info.file_size:
            raise _corrupt(kind, f"{info.filename} unpacks to more than its declared size")
        crc = zlib.crc32(chunk, crc)
        yield chunk
    if size != info.file_size or crc != info.CRC:
        raise _corrupt(kind, f"{info.filename} does not match its declared size and checksum")


def _inflate(packed: memoryview, info: zipfile.ZipInfo, kind: str) -> Iterator[bytes]:
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    try:
        for at in range(0, len(packed), CHUNK_BYTES):
            pending = bytes(packed[at : at + CHUNK_BYTES])
            while pending:
                # max_length bounds each step, so a bomb never gets to allocate its expansion.
                yield inflater.decompress(pending, CHUNK_BYTES)
                pending = inflater.unconsumed_tail
        tail = inflater.flush()
    except zlib.error as exc:
        raise _corrupt(kind, f"{info.filename}: {exc}") from exc
    yield tail
    if not inflater.eof:
        raise _corrupt(kind, f"{info.filename} ends before its data does")


class EntityGuard:
    """Refuses an XML part that declares a DOCTYPE or entities (billion laughs, external entities).

    python-calamine's XML parser does not expand custom entities (it fails on them, measured), and
    openpyxl expands nothing while defusedxml is active; this check makes the refusal a clear message
    and keeps a future reader from being the only defence. Excel never writes a DTD.
    """

    def __init__(self, member: str) -> None:
        self.member = member
        self._tail = b""
        self._first = True

    def feed(self, chunk: bytes) -> None:
        """Check the next chunk (markers split across chunks are found too)."""
        if self._first:
            self._first = False
            start = chunk.removeprefix(b"\xef\xbb\xbf").lstrip()
            if start and not (start.startswith(b"<") and start[1:2] != b"\x00"):
                # UTF-16/32 or any encoding where "<" is not the byte 0x3C would hide the markers
                # from a byte search; office suites write UTF-8 parts only.
                raise ImportFileError(ImportProblem.UNSAFE_XML, member=self.member)
        window = self._tail + chunk
        if any(marker in window for marker in _BOMB_MARKERS):
            raise ImportFileError(ImportProblem.UNSAFE_XML, member=self.member)
        self._tail = window[-(max(map(len, _BOMB_MARKERS)) - 1) :]
