"""``import_file``: read a recipient list from disk into an ImportReport, safely and completely."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path

from liasmart_desktop.core.importing.accounting import account_rows
from liasmart_desktop.core.importing.formats import SNIFF_BYTES, Container, sniff_container
from liasmart_desktop.core.importing.limits import DEFAULT_LIMITS, ImportLimits
from liasmart_desktop.core.importing.phones import phone_normaliser
from liasmart_desktop.core.importing.problems import (
    ImportCancelledError,
    ImportFileError,
    ImportNote,
    ImportProblem,
    with_sheets,
)
from liasmart_desktop.core.importing.progress import (
    CancelCheck,
    ImportProgress,
    ImportStage,
    ProgressCallback,
)
from liasmart_desktop.core.importing.regions import DEFAULT_HOME_REGIONS
from liasmart_desktop.core.importing.report import ImportReport, Note
from liasmart_desktop.core.importing.sheet_data import SheetData
from liasmart_desktop.core.importing.text_files import read_text_table
from liasmart_desktop.core.importing.workbooks import read_workbook


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """How to read a file; every field is optional and mirrors a ``liasmart import`` option."""

    # Worksheet name (default: the first visible worksheet that holds phone numbers).
    sheet: str | None = None
    has_header: bool = True  # False: every row is data and columns are named A, B, …
    phone_column: str | None = None  # header name or column letters (default: guessed)
    country: str | None = None  # ISO2 default country for national-format numbers
    # Without a default country: where a number without a country code may belong (it is then
    # ambiguous, not guessed); ``regions.likely_home_regions(system region)``.
    home_regions: tuple[str, ...] = DEFAULT_HOME_REGIONS
    encoding: str | None = None  # text files only (default: detected)
    delimiter: str | None = None  # text files only (default: sniffed)
    limits: ImportLimits = DEFAULT_LIMITS


def read_file_bytes(path: Path, limits: ImportLimits) -> tuple[bytes, Container]:
    """The whole file (it is checked and parsed from memory) and its container, within the size limit."""
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            head = handle.read(SNIFF_BYTES)
            if not head:
                raise ImportFileError(ImportProblem.FILE_EMPTY, path=str(path))
            container = sniff_container(head)
            limit = limits.max_text_bytes if container is Container.TEXT else limits.max_workbook_bytes
            if size > limit:
                raise ImportFileError(ImportProblem.FILE_TOO_LARGE, size_bytes=size, limit_bytes=limit)
            data = head + handle.read(max(limit + 1 - len(head), 0))
    except FileNotFoundError as exc:
        raise ImportFileError(ImportProblem.FILE_NOT_FOUND, path=str(path)) from exc
    except PermissionError as exc:
        # Windows reports a file Excel holds open as a sharing violation, a PermissionError.
        raise ImportFileError(ImportProblem.FILE_LOCKED, path=str(path)) from exc
    except OSError as exc:
        raise ImportFileError(
            ImportProblem.FILE_UNREADABLE, path=str(path), detail=exc.strerror or str(exc)
        ) from exc
    if len(data) > limit:  # the file grew while it was read
        raise ImportFileError(ImportProblem.FILE_TOO_LARGE, size_bytes=len(data), limit_bytes=limit)
    return data, container


def read_sheet(data: bytes, container: Container, options: ImportOptions) -> SheetData:
    """The rows of a text file, or of the chosen worksheet of a workbook."""
    if container is Container.TEXT:
        return read_text_table(
            data, encoding=options.encoding, delimiter=options.delimiter, limits=options.limits
        )
    return read_workbook(data, container, sheet=options.sheet, limits=options.limits)


#: What a sheet without a list fails with; another sheet of the workbook may hold the list.
NO_LIST_ON_SHEET = frozenset(
    {ImportProblem.SHEET_EMPTY, ImportProblem.HEADER_ONLY, ImportProblem.NO_PHONE_COLUMN}
)


def import_file(
    path: str | os.PathLike[str],
    options: ImportOptions = ImportOptions(),
    *,
    on_progress: ProgressCallback | None = None,
    should_cancel: CancelCheck | None = None,
) -> ImportReport:
    """Read ``path`` into a report where every data row is accounted for.

    Without ``options.sheet``, a workbook's first visible sheet is read; when it holds no list (empty,
    a header alone, or no column of phone numbers: a note such as "the list is on sheet 2"), the
    next sheets are tried in order and the first with a list is read, with a note saying so.

    Raises ImportFileError (with a problem code and data; a workbook's ``sheets`` always among them)
    when the file as a whole cannot be used, and ImportCancelledError when ``should_cancel`` returns
    True. Safe to run on a worker thread: it shares no state, and ``on_progress`` is called on the
    calling thread every 1,000 rows.
    """
    # An unknown country fails before any reading.
    normaliser = phone_normaliser(options.country, options.home_regions)
    if on_progress is not None:
        on_progress(ImportProgress(ImportStage.READING))
    data, container = read_file_bytes(Path(path), options.limits)
    sheet = read_sheet(data, container, options)
    others = sheet.sheets[1:] if options.sheet is None and sheet.sheet is not None else ()
    if not others:
        del data  # calamine holds its own copy of the sheet; the rows no longer need the file

    def account(chosen: SheetData) -> ImportReport:
        if should_cancel is not None and should_cancel():
            raise ImportCancelledError
        return account_rows(
            os.fspath(path),
            chosen,
            normaliser,
            has_header=options.has_header,
            phone_column=options.phone_column,
            limits=options.limits,
            on_progress=on_progress,
            should_cancel=should_cancel,
        )

    try:
        return account(sheet)
    except ImportFileError as exc:
        if sheet.sheet is None:
            raise
        first_error = with_sheets(exc, sheet.sheet, sheet.sheets)
        if exc.code not in NO_LIST_ON_SHEET or not others:
            raise first_error from exc.__cause__
    for name in others:
        try:
            report = account(read_sheet(data, container, dataclasses.replace(options, sheet=name)))
        except ImportFileError as exc:
            if exc.code not in NO_LIST_ON_SHEET:
                raise with_sheets(exc, name, sheet.sheets) from exc.__cause__
            continue
        note = Note(ImportNote.SHEET_CHOSEN, {"sheet": name, "first": sheet.sheet})
        return dataclasses.replace(report, notes=(note, *report.notes))
    raise first_error from first_error.__cause__
