"""Recipient import: spreadsheets, text files and pasted numbers, every row accounted for (Qt-free).

The public API, for the send engine, the CLI and the GUI's import dialog:

- ``import_file(path, ImportOptions(...), on_progress=..., should_cancel=...) -> ImportReport``
- ``parse_pasted_numbers(text, country, home_regions=...) -> ImportReport`` for the paste box and
  ``send --to``
- ``normalise_phone(value, country, home_regions=...) -> PhoneResult``: the one number rule (where a
  number goes, or why it is set aside) for every other place a number enters: the test number, the
  opt-out list; ``likely_home_regions(system_region)`` gives ``home_regions``
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
from liasmart_desktop.core.importing.phones import PhoneResult, Reading, normalise_phone, split_numbers
from liasmart_desktop.core.importing.problems import (
    ImportCancelledError,
    ImportFileError,
    ImportNote,
    ImportProblem,
    RowReason,
    RowStatus,
)
from liasmart_desktop.core.importing.progress import CancelToken, ImportProgress, ImportStage
from liasmart_desktop.core.importing.regions import (
    DEFAULT_HOME_REGIONS,
    country_name,
    display_phone,
    likely_home_regions,
    region_from_env,
)
from liasmart_desktop.core.importing.report import ImportCounts, ImportReport, Note, Recipient, RowProblem
from liasmart_desktop.core.importing.sheet_data import EncodingSource

__all__ = [
    "DEFAULT_HOME_REGIONS",
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
    "Reading",
    "Recipient",
    "RowProblem",
    "RowReason",
    "RowStatus",
    "country_name",
    "display_phone",
    "import_file",
    "likely_home_regions",
    "normalise_phone",
    "parse_pasted_numbers",
    "region_from_env",
    "split_numbers",
    "write_problem_rows",
]
