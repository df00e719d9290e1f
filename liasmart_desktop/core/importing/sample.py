"""A sample recipient spreadsheet to fill in: the headers the importer expects and the phone column as Text.

The phone column gets Excel's Text format for the whole column (so numbers typed or pasted later
keep their leading zeros and all their digits) as well as for the example cells. The example numbers
are reserved for fiction, so a sample imported and sent by mistake reaches no one: ``+1 201-555-0123``
(North American 555-01xx) and ``+61 491 570 156`` (the Australian regulator's list of fictitious
mobile numbers). Both carry their country code, so they import whatever the default country.

The caller supplies the words (headers and example values), so the GUI can translate them; the
defaults are English. The phone header must be one the importer recognises (``Phone``, ``手机号码``…).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from liasmart_desktop.core.exports import TEXT_FORMAT
from liasmart_desktop.core.importing.sheet_data import column_letters
from liasmart_desktop.core.paths import atomic_path

#: Reserved for fiction: they pass validation but belong to no one.
EXAMPLE_PHONES = ("+1 201-555-0123", "+61 491 570 156")
COLUMN_WIDTH_CHARS = 24


@dataclass(frozen=True, slots=True)
class SampleSheet:
    """What the sample holds: headers (the phone column first) and example rows, in the user's words."""

    headers: tuple[str, ...] = ("Phone", "Name", "City")
    rows: tuple[tuple[str, ...], ...] = (
        (EXAMPLE_PHONES[0], "Alice", "New York"),
        (EXAMPLE_PHONES[1], "Bruce", "Sydney"),
    )
    title: str = "Recipients"

    def __post_init__(self) -> None:
        if not self.headers or any(len(row) != len(self.headers) for row in self.rows):
            raise ValueError("every sample row needs one value per header")


def write_sample_spreadsheet(path: str | os.PathLike[str], sample: SampleSheet = SampleSheet()) -> Path:
    """Write ``sample`` as an .xlsx at ``path`` (atomically) and return the path.

    Column A holds the phone numbers and is formatted as Text, header and example rows included;
    the header row is bold and frozen so it stays in view while the list grows.
    """
    from openpyxl import Workbook  # noqa: PLC0415 - openpyxl loads only when a sample is made
    from openpyxl.styles import Font  # noqa: PLC0415

    target = Path(path)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has one worksheet
    sheet.title = sample.title[:31]
    for row in (sample.headers, *sample.rows):
        sheet.append(list(row))
    for row_cells in sheet.iter_rows():
        for cell in row_cells:
            cell.data_type = "s"  # every value stays text: "=…" is never a formula
        row_cells[0].number_format = TEXT_FORMAT
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    sheet.column_dimensions["A"].number_format = TEXT_FORMAT  # cells typed later are text too
    for index in range(len(sample.headers)):
        sheet.column_dimensions[column_letters(index)].width = COLUMN_WIDTH_CHARS
    sheet.freeze_panes = "A2"
    with atomic_path(target) as tmp:
        workbook.save(tmp)
    workbook.close()
    return target
