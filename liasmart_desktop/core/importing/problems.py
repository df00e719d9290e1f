"""What can go wrong in an import: file-level problem codes, row statuses and reasons, as codes with data.

The core never words these for people: the CLI renders English sentences and the GUI translates the
codes. Every code's ``params`` keys are listed beside it, so both renderers know what they may use.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

from liasmart_desktop.core.errors import LiaSmartError

Params = Mapping[str, str | int]
#: A file problem's data: numbers, texts, and lists of names (``sheets``, ``columns``) as tuples.
FileParams = Mapping[str, str | int | tuple[str, ...]]


class ImportProblem(enum.Enum):
    """Why a whole file (or pasted text) cannot be imported; ``params`` keys in the comments."""

    FILE_NOT_FOUND = "file_not_found"  # path
    FILE_LOCKED = "file_locked"  # path: open in another program, or no permission to read it
    FILE_UNREADABLE = "file_unreadable"  # path, detail (OS error text)
    FILE_EMPTY = "file_empty"  # path
    FILE_TOO_LARGE = "file_too_large"  # size_bytes, limit_bytes
    UNSUPPORTED_FORMAT = "unsupported_format"  # kind: pdf, html, xml_spreadsheet, xlsb, document, zip, binary
    ENCRYPTED = "encrypted"  # (none): a password-protected workbook
    CORRUPT = "corrupt"  # kind (xlsx, xls, ods), detail (technical, for logs)
    ZIP_TOO_MANY_MEMBERS = "zip_too_many_members"  # count, limit
    ZIP_TOO_LARGE = "zip_too_large"  # size_bytes, limit_bytes (all parts unpacked)
    ZIP_MEMBER_TOO_LARGE = "zip_member_too_large"  # member, size_bytes, limit_bytes
    ZIP_RATIO_TOO_HIGH = "zip_ratio_too_high"  # member, ratio, limit
    UNSAFE_XML = "unsafe_xml"  # member: a DOCTYPE/ENTITY declaration (entity-expansion bomb)
    NO_VISIBLE_SHEETS = "no_visible_sheets"  # (none)
    SHEET_NOT_FOUND = "sheet_not_found"  # sheet, sheets (visible names joined by "\n")
    SHEET_HIDDEN = "sheet_hidden"  # sheet
    SHEET_IS_CHART = "sheet_is_chart"  # sheet
    SHEET_EMPTY = "sheet_empty"  # sheet ("" for a text file), sheets
    HEADER_ONLY = "header_only"  # sheet, header_row
    TOO_MANY_ROWS = "too_many_rows"  # limit
    TOO_MANY_COLUMNS = "too_many_columns"  # count, limit
    SHEET_TOO_LARGE = "sheet_too_large"  # sheet, cells, limit (cells from A1 to the last used cell)
    CELL_TOO_LONG = "cell_too_long"  # row, column (letters), length, limit
    UNKNOWN_ENCODING_NAME = "unknown_encoding_name"  # encoding
    ENCODING_MISMATCH = "encoding_mismatch"  # encoding, line (1-based line of the first bad byte)
    ENCODING_UNDETECTED = "encoding_undetected"  # (none)
    BAD_DELIMITER = "bad_delimiter"  # delimiter
    UNBALANCED_QUOTE = "unbalanced_quote"  # row (where the quoted field opened)
    MALFORMED_TEXT = "malformed_text"  # row, detail (technical)
    NUL_BYTE = "nul_byte"  # row, column (letters): a stray NUL in a text file (a broken export)
    PHONE_COLUMN_NOT_FOUND = "phone_column_not_found"  # column, columns (joined by "\n")
    NO_PHONE_COLUMN = "no_phone_column"  # columns (joined by "\n")
    UNKNOWN_COUNTRY = "unknown_country"  # country


class ImportFileError(LiaSmartError):
    """The file cannot be imported at all; nothing was imported. Row problems are never raised."""

    def __init__(self, code: ImportProblem, **params: str | int | tuple[str, ...]) -> None:
        shown = ", ".join(f"{key}={value!r}" for key, value in params.items())
        super().__init__(f"{code.value}: {shown}".rstrip(": "))
        self.code = code
        self.params: FileParams = params


def with_sheets(error: ImportFileError, sheet: str, sheets: tuple[str, ...]) -> ImportFileError:
    """``error`` also naming the worksheet read and the workbook's visible ones (``sheet``, ``sheets``),
    so a picker can offer them; ``error`` itself when it names them already."""
    if "sheets" in error.params:
        return error
    named = ImportFileError(error.code, **{"sheet": sheet, **error.params, "sheets": sheets})
    named.__cause__ = error.__cause__
    return named


class ImportCancelledError(LiaSmartError):
    """The caller asked the import to stop; nothing was imported."""

    def __init__(self) -> None:
        super().__init__("import cancelled")


class RowStatus(enum.Enum):
    """The bucket a data row ends in; exactly one per row."""

    RECIPIENT = "recipient"
    INVALID = "invalid"
    MISSING = "missing"
    DAMAGED = "damaged"
    DUPLICATE = "duplicate"
    #: Could be read as numbers in two countries (or belongs to a country none was chosen for).
    AMBIGUOUS = "ambiguous"


class RowReason(enum.Enum):
    """Why a row is not a recipient; ``params`` keys in the comments."""

    EMPTY = "empty"  # MISSING: the phone cell is empty
    SCIENTIFIC_NOTATION = "scientific_notation"  # DAMAGED: text like 1.39123E+10
    TOO_MANY_DIGITS_FOR_EXCEL = "too_many_digits_for_excel"  # DAMAGED: a number cell past 15 digits
    MULTIPLE_NUMBERS = "multiple_numbers"  # INVALID: count
    EXTENSION = "extension"  # INVALID: extension (its digits)
    LETTERS = "letters"  # INVALID: character (the first letter)
    UNEXPECTED_CHARACTER = "unexpected_character"  # INVALID: character
    NOT_A_NUMBER = "not_a_number"  # INVALID: kind (date, time, duration, boolean)
    NOT_A_WHOLE_NUMBER = "not_a_whole_number"  # INVALID: a number cell with a fraction or a sign
    TOO_SHORT = "too_short"  # INVALID: digits (how many)
    TOO_LONG = "too_long"  # INVALID: digits (how many)
    UNKNOWN_COUNTRY_CODE = "unknown_country_code"  # INVALID: digits
    INVALID_FOR_COUNTRY = "invalid_for_country"  # INVALID: country (ISO2, "" when unknown)
    NEEDS_COUNTRY = "needs_country"  # INVALID: national format but no default country is set
    #: DAMAGED: the phone cell holds a formula with no value in the file (error "") or an error value
    #: (error "#N/A" …): readers see it as empty, but the number is not missing from the sheet.
    FORMULA_NOT_CALCULATED = "formula_not_calculated"
    DUPLICATE = "duplicate"  # DUPLICATE: first_row
    #: AMBIGUOUS: readings (how many), phone_N and country_N for N = 1 … readings (digits, ISO2 or ""),
    #: written (1 when reading 1 is the number as written, with its country code; 0 when it is not
    #: a valid number that way and the readings are national numbers of likely home countries).
    AMBIGUOUS_COUNTRY = "ambiguous_country"


class ImportNote(enum.Enum):
    """Something the user should know about an import that succeeded; ``params`` keys in the comments."""

    ENCODING_GUESSED = "encoding_guessed"  # encoding: no BOM and not UTF-8; check the preview
    NO_HEADER_FOUND = "no_header_found"  # row: the first row holds a phone number, so it is data
    PHONE_COLUMN_FROM_CONTENT = "phone_column_from_content"  # column
    COLUMN_RENAMED = "column_renamed"  # column (letters), name (as used): blank or repeated header
    #: sheet (the one read), first (the first visible sheet, which holds no list): chosen by content.
    SHEET_CHOSEN = "sheet_chosen"
