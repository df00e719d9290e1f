"""Recipient import: spreadsheets, text files and pasted numbers, every row accounted for (Qt-free).

The public API, for the send engine, the CLI and the GUI's import dialog:

- ``import_file(path, ImportOptions(...), on_progress=..., should_cancel=...) -> ImportReport``
- ``parse_pasted_numbers(text, country) -> ImportReport`` for the paste box and ``send --to``
- ``write_problem_rows(report, path, headings=..., describe=...)`` for the list to fix
- ``ImportFileError`` (``.code``: ImportProblem, ``.params``) when a file cannot be used at all,
  ``ImportCancelledError`` when ``should_cancel`` said so; row problems are data, never raised.
"""

from __future__ import annotations

from liasmart_desktop.core.importing.exports import write_problem_rows
from liasmart_desktop.core.importing.formats import FileFormat
from liasmart_desktop.core.importing.importer import ImportOptions, import_file
from liasmart_desktop.core.importing.limits import ImportLimits
from liasmart_desktop.core.importing.pasted import parse_pasted_numbers
from liasmart_desktop.core.importing.phones import PhoneResult, normalise_phone, split_numbers
from liasmart_desktop.core.importing.problems import (
    ImportCancelledError,
    ImportFileError,
    ImportNote,
    ImportProblem,
    RowReason,
    RowStatus,
)
from liasmart_desktop.core.importing.progress import CancelToken, ImportProgress, ImportStage
from liasmart_desktop.core.importing.report import ImportCounts, ImportReport, Note, Recipient, RowProblem
from liasmart_desktop.core.importing.sheet_data import EncodingSource

__all__ = [
    "CancelToken",
    "EncodingSource",
    "FileFormat",
    "ImportCancelledError",
    "ImportCounts",
    "ImportFileError",
    "ImportLimits",
    "ImportNote",
    "ImportOptions",
    "ImportProblem",
    "ImportProgress",
    "ImportReport",
    "ImportStage",
    "Note",
    "PhoneResult",
    "Recipient",
    "RowProblem",
    "RowReason",
    "RowStatus",
    "import_file",
    "normalise_phone",
    "parse_pasted_numbers",
    "split_numbers",
    "write_problem_rows",
]
