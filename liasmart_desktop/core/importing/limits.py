"""The safety limits of an import, each named in the message when it is hit."""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1024 * 1024

MAX_WORKBOOK_BYTES = 50 * MIB  # .xlsx/.xls/.ods file size
MAX_TEXT_BYTES = 100 * MIB  # .csv/.tsv/.txt file size
MAX_ROWS = 200_000  # data rows (header and empty rows not counted); Esendex's file limit
MAX_COLUMNS = 100
MAX_CELL_CHARS = 32_767  # Excel's own limit: no spreadsheet program writes a longer cell
MAX_ZIP_MEMBERS = 1_000
MAX_ZIP_UNCOMPRESSED_BYTES = 300 * MIB  # every part of the archive, unpacked
MAX_ZIP_MEMBER_BYTES = 200 * MIB  # one part, unpacked
MAX_ZIP_RATIO = 100  # unpacked / packed size of one part (Excel's sheets stay far below 20)
ZIP_RATIO_MIN_BYTES = 1 * MIB  # small parts (styles, themes) compress better and cannot hurt
# python-calamine allocates the rectangle from A1 to the last used cell at 32 bytes per cell, so
# one far-away cell in a 5 KB file would ask for terabytes and abort the process (measured:
# "memory allocation of 549755813888 bytes failed"). 6 M cells is ~190 MB, a 200k x 30 sheet.
MAX_SHEET_CELLS = 6_000_000
SHEET_ROW_SLACK = 1_000  # title block, header and empty rows a sheet may hold beyond MAX_ROWS


@dataclass(frozen=True, slots=True)
class ImportLimits:
    """The limits one import runs under; the defaults suit an office PC."""

    max_workbook_bytes: int = MAX_WORKBOOK_BYTES
    max_text_bytes: int = MAX_TEXT_BYTES
    max_rows: int = MAX_ROWS
    max_columns: int = MAX_COLUMNS
    max_cell_chars: int = MAX_CELL_CHARS
    max_zip_members: int = MAX_ZIP_MEMBERS
    max_zip_uncompressed_bytes: int = MAX_ZIP_UNCOMPRESSED_BYTES
    max_zip_member_bytes: int = MAX_ZIP_MEMBER_BYTES
    max_zip_ratio: int = MAX_ZIP_RATIO
    max_sheet_cells: int = MAX_SHEET_CELLS

    @property
    def max_sheet_rows(self) -> int:
        """The last row number a sheet may use (data rows plus room for a title block and gaps)."""
        return self.max_rows + SHEET_ROW_SLACK


DEFAULT_LIMITS = ImportLimits()
