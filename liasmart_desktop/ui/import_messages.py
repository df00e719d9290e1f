"""The import's codes (file problems, row statuses and reasons, notes) as translated sentences for the window.

The sentences are the CLI's (``cli/commands/import_list.py``), with its options replaced by the import
dialog's controls. Texts are marked with ``QT_TRANSLATE_NOOP("ImportMessages", …)`` so
``pyside6-lupdate`` collects them (it does not follow aliases, so the marker is spelled out each time)
and are translated when shown. Placeholders are ``{named}``, filled after translation; numbers are
formatted before they are filled in, so a translation never needs a format spec.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from liasmart_desktop.core.importing import (
    EncodingSource,
    ImportFileError,
    ImportNote,
    ImportProblem,
    Note,
    RowProblem,
    RowReason,
    RowStatus,
    normalise_phone,
)
from liasmart_desktop.core.importing.problems import FileParams
from liasmart_desktop.ui import countries

CONTEXT = "ImportMessages"
MB = 1024 * 1024
#: Parameters shown as counts ("1,234"); row numbers and cell references are shown as they are.
_GROUPED = frozenset({"limit", "count", "cells", "length"})


class _Values(dict[str, object]):
    """Placeholder values; one the core did not supply shows as "?" rather than failing a view."""

    def __missing__(self, key: str) -> object:
        return "?"


def tr(text: object, **values: object) -> str:
    """Translate ``text`` (marked with ``QT_TRANSLATE_NOOP``) and fill its ``{named}`` placeholders."""
    translated = QCoreApplication.translate(CONTEXT, str(text))
    return translated.format_map(_Values(values))


def count_text(count: int) -> str:
    """A count as the window shows it: ``1,234``."""
    return f"{count:,}"


STATUS_NAMES: dict[RowStatus, object] = {
    RowStatus.RECIPIENT: QT_TRANSLATE_NOOP("ImportMessages", "Will be sent"),
    RowStatus.INVALID: QT_TRANSLATE_NOOP("ImportMessages", "Invalid"),
    RowStatus.MISSING: QT_TRANSLATE_NOOP("ImportMessages", "Missing"),
    RowStatus.DAMAGED: QT_TRANSLATE_NOOP("ImportMessages", "Damaged by Excel"),
    RowStatus.DUPLICATE: QT_TRANSLATE_NOOP("ImportMessages", "Duplicate"),
    RowStatus.AMBIGUOUS: QT_TRANSLATE_NOOP("ImportMessages", "Country unclear"),
}

#: How many rows are in a bucket, in plain words: (one, many).
_BUCKET_COUNTS: dict[RowStatus, tuple[object, object]] = {
    RowStatus.RECIPIENT: (
        QT_TRANSLATE_NOOP("ImportMessages", "{count} recipient will get the message"),
        QT_TRANSLATE_NOOP("ImportMessages", "{count} recipients will get the message"),
    ),
    RowStatus.INVALID: (
        QT_TRANSLATE_NOOP("ImportMessages", "{count} number is not a valid phone number"),
        QT_TRANSLATE_NOOP("ImportMessages", "{count} numbers are not valid phone numbers"),
    ),
    RowStatus.MISSING: (
        QT_TRANSLATE_NOOP("ImportMessages", "{count} row has no phone number"),
        QT_TRANSLATE_NOOP("ImportMessages", "{count} rows have no phone number"),
    ),
    RowStatus.DAMAGED: (
        QT_TRANSLATE_NOOP("ImportMessages", "{count} number was damaged by Excel"),
        QT_TRANSLATE_NOOP("ImportMessages", "{count} numbers were damaged by Excel"),
    ),
    RowStatus.DUPLICATE: (
        QT_TRANSLATE_NOOP("ImportMessages", "{count} row repeats a number already in the list"),
        QT_TRANSLATE_NOOP("ImportMessages", "{count} rows repeat a number already in the list"),
    ),
    RowStatus.AMBIGUOUS: (
        QT_TRANSLATE_NOOP("ImportMessages", "{count} number could be in more than one country"),
        QT_TRANSLATE_NOOP("ImportMessages", "{count} numbers could be in more than one country"),
    ),
}
_EMPTY_ROWS = (
    QT_TRANSLATE_NOOP("ImportMessages", "{count} empty row skipped"),
    QT_TRANSLATE_NOOP("ImportMessages", "{count} empty rows skipped"),
)
_USE_RECIPIENTS = (
    QT_TRANSLATE_NOOP("ImportMessages", "Use {count} recipient"),
    QT_TRANSLATE_NOOP("ImportMessages", "Use {count} recipients"),
)
_NO_RECIPIENTS = QT_TRANSLATE_NOOP("ImportMessages", "No recipients to use")

_FORMAT_KINDS: dict[str, object] = {
    "pdf": QT_TRANSLATE_NOOP(
        "ImportMessages",
        "This is a PDF, not a spreadsheet; export the list from where it came as .xlsx or .csv.",
    ),
    "html": QT_TRANSLATE_NOOP(
        "ImportMessages",
        "This file is a web page saved under a spreadsheet name (common for exports from office "
        "systems); open it in Excel and save it as an Excel Workbook (.xlsx).",
    ),
    "xml_spreadsheet": QT_TRANSLATE_NOOP(
        "ImportMessages", "This is an Excel 2003 XML spreadsheet; open it in Excel and save it as .xlsx."
    ),
    "xlsb": QT_TRANSLATE_NOOP(
        "ImportMessages",
        "Excel binary workbooks (.xlsb) are not read; open it in Excel and save it as .xlsx.",
    ),
    "document": QT_TRANSLATE_NOOP(
        "ImportMessages",
        "This file is not a spreadsheet (it looks like another kind of document); save the list as "
        ".xlsx or .csv.",
    ),
    "zip": QT_TRANSLATE_NOOP(
        "ImportMessages",
        "This is a zip archive, not a spreadsheet; unpack it and import the .xlsx or .csv inside.",
    ),
    "binary": QT_TRANSLATE_NOOP(
        "ImportMessages",
        "This file is neither a spreadsheet nor a text file; save the list as .xlsx or .csv.",
    ),
}

_ERROR_SENTENCES: dict[ImportProblem, object] = {
    ImportProblem.FILE_NOT_FOUND: QT_TRANSLATE_NOOP(
        "ImportMessages", "The file {path} does not exist; check its name and folder."
    ),
    ImportProblem.FILE_LOCKED: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "The file {path} cannot be opened: another program (often Excel) has it open, or you may not "
        "read it; close it there and press Reload.",
    ),
    ImportProblem.FILE_UNREADABLE: QT_TRANSLATE_NOOP(
        "ImportMessages", "The file {path} cannot be read ({detail}); check that it is a file you can open."
    ),
    ImportProblem.FILE_EMPTY: QT_TRANSLATE_NOOP(
        "ImportMessages", "The file {path} is empty; save the list again and press Reload."
    ),
    ImportProblem.FILE_TOO_LARGE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "The file is {size_mb} MB, more than the {limit_mb} MB limit; split the list into smaller files.",
    ),
    ImportProblem.ENCRYPTED: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "The workbook is protected with a password; open it in Excel, remove the password "
        "(File > Info > Protect Workbook) and save it again.",
    ),
    ImportProblem.CORRUPT: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "The {kind} file is damaged or is not really a {kind} file; open it in its program and save it "
        "again as .xlsx.",
    ),
    ImportProblem.ZIP_TOO_MANY_MEMBERS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "The workbook holds {count} internal parts, more than the {limit} limit, which no ordinary "
        "spreadsheet has; save the list again from Excel.",
    ),
    ImportProblem.ZIP_TOO_LARGE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "The workbook unpacks to {size_mb} MB, more than the {limit_mb} MB limit; split the list into "
        "smaller files.",
    ),
    ImportProblem.ZIP_MEMBER_TOO_LARGE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "The workbook's part {member} unpacks to {size_mb} MB, more than the {limit_mb} MB limit; split "
        "the list into smaller files.",
    ),
    ImportProblem.ZIP_RATIO_TOO_HIGH: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "The workbook's part {member} unpacks {ratio} times larger than it is stored (limit {limit}), "
        "the mark of a zip bomb, so it was not opened; save the list again from Excel.",
    ),
    ImportProblem.UNSAFE_XML: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "The workbook's part {member} declares XML entities, which spreadsheet programs never write and "
        "attacks use, so it was not opened; save the list again from Excel.",
    ),
    ImportProblem.NO_VISIBLE_SHEETS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "The workbook has no visible worksheet; unhide the sheet with the list in Excel and save it again.",
    ),
    ImportProblem.SHEET_NOT_FOUND: QT_TRANSLATE_NOOP(
        "ImportMessages", "There is no worksheet named “{sheet}”; the visible sheets are: {sheets}."
    ),
    ImportProblem.SHEET_HIDDEN: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "The sheet “{sheet}” is hidden; unhide it in Excel and save, or choose a visible sheet in the "
        "Sheet list.",
    ),
    ImportProblem.SHEET_IS_CHART: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "The sheet “{sheet}” is a chart, not a worksheet; choose the sheet with the list in the Sheet list.",
    ),
    ImportProblem.TOO_MANY_ROWS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "The list has more than {limit} data rows, the most one import takes; split it into smaller files.",
    ),
    ImportProblem.TOO_MANY_COLUMNS: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "The sheet has {count} columns, more than the {limit} limit; delete the columns that are not needed.",
    ),
    ImportProblem.SHEET_TOO_LARGE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "The sheet “{sheet}” spans {cells} cells from A1 to its last used cell, more than the {limit} "
        "limit; delete stray cells far from the list (Ctrl+End shows the last one) and save again.",
    ),
    ImportProblem.CELL_TOO_LONG: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "Cell {column}{row} holds {length} characters, more than the {limit} limit; shorten it.",
    ),
    ImportProblem.UNKNOWN_ENCODING_NAME: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "“{encoding}” is not a known text encoding; choose one from the Encoding list.",
    ),
    ImportProblem.ENCODING_MISMATCH: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "The file is not valid {encoding} text (line {line}); choose another encoding in the Encoding "
        "list, or save the file as “CSV UTF-8” in Excel.",
    ),
    ImportProblem.ENCODING_UNDETECTED: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "The file's text encoding could not be recognised; choose it in the Encoding list, or save the "
        "file as “CSV UTF-8” in Excel.",
    ),
    ImportProblem.BAD_DELIMITER: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "“{delimiter}” cannot separate columns; choose a comma, semicolon, tab or vertical bar.",
    ),
    ImportProblem.UNBALANCED_QUOTE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "A quotation mark opened on row {row} is never closed, so the rest of the file would be one "
        "cell; fix that row and save again.",
    ),
    ImportProblem.MALFORMED_TEXT: QT_TRANSLATE_NOOP(
        "ImportMessages", "Row {row} cannot be read as CSV ({detail}); fix that row and save again."
    ),
    ImportProblem.NUL_BYTE: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "Row {row} (column {column}) holds a NUL byte, an invisible character no one types (a damaged "
        "export, or the wrong encoding); remove it in a text editor, or open the file in Excel and save "
        "it again as “CSV UTF-8”.",
    ),
    ImportProblem.PHONE_COLUMN_NOT_FOUND: QT_TRANSLATE_NOOP(
        "ImportMessages", "There is no column “{column}”; the columns are: {columns}."
    ),
    ImportProblem.NO_PHONE_COLUMN: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "No column looks like phone numbers; choose it in “Phone numbers in” (the columns are: {columns}).",
    ),
    ImportProblem.UNKNOWN_COUNTRY: QT_TRANSLATE_NOOP(
        "ImportMessages", "“{country}” is not a country code; choose a country in the Default country list."
    ),
}
_SHEET_EMPTY = QT_TRANSLATE_NOOP(
    "ImportMessages",
    "The sheet “{sheet}” is empty; choose the sheet with the list in the Sheet list "
    "(other sheets: {others}).",
)
_SHEET_EMPTY_ALONE = QT_TRANSLATE_NOOP(
    "ImportMessages", "The sheet “{sheet}” is empty; check that this is the right file."
)
_FILE_EMPTY_OF_ROWS = QT_TRANSLATE_NOOP(
    "ImportMessages", "The file is empty; check that this is the right file."
)
_HEADER_ONLY_SHEET = QT_TRANSLATE_NOOP(
    "ImportMessages",
    "The sheet “{sheet}” has only a header row (row {header_row}) and no data rows; add the recipients "
    "below it.",
)
_HEADER_ONLY_FILE = QT_TRANSLATE_NOOP(
    "ImportMessages",
    "The file has only a header row (row {header_row}) and no data rows; add the recipients below it.",
)
_NONE = QT_TRANSLATE_NOOP("ImportMessages", "none")

_REASON_SENTENCES: dict[RowReason, object] = {
    RowReason.EMPTY: QT_TRANSLATE_NOOP("ImportMessages", "The phone cell is empty."),
    RowReason.SCIENTIFIC_NOTATION: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "Excel has turned this number into scientific notation and replaced its last digits with zeros; "
        "format the column as Text, type or paste the numbers again, and re-export.",
    ),
    RowReason.TOO_MANY_DIGITS_FOR_EXCEL: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "This number cell has more than 15 digits and Excel keeps only 15, so its last digits are lost; "
        "format the column as Text, type or paste the numbers again, and re-export.",
    ),
    RowReason.MULTIPLE_NUMBERS: QT_TRANSLATE_NOOP(
        "ImportMessages", "The cell holds {count} numbers; put one number per row."
    ),
    RowReason.EXTENSION: QT_TRANSLATE_NOOP(
        "ImportMessages", "The number has an extension ({extension}), which a text message cannot reach."
    ),
    RowReason.LETTERS: QT_TRANSLATE_NOOP(
        "ImportMessages", "The cell contains letters (“{character}”), not only a phone number."
    ),
    RowReason.UNEXPECTED_CHARACTER: QT_TRANSLATE_NOOP(
        "ImportMessages", "The cell contains “{character}”, which does not belong in a phone number."
    ),
    RowReason.NOT_A_NUMBER: QT_TRANSLATE_NOOP("ImportMessages", "The cell holds {kind}, not a phone number."),
    RowReason.NOT_A_WHOLE_NUMBER: QT_TRANSLATE_NOOP(
        "ImportMessages", "The cell holds a number that is not a whole positive number."
    ),
    RowReason.TOO_SHORT: QT_TRANSLATE_NOOP(
        "ImportMessages", "Too short for a phone number ({digits} digits)."
    ),
    RowReason.TOO_LONG: QT_TRANSLATE_NOOP("ImportMessages", "Too long for a phone number ({digits} digits)."),
    RowReason.UNKNOWN_COUNTRY_CODE: QT_TRANSLATE_NOOP(
        "ImportMessages", "The number starts with a country code that does not exist."
    ),
    RowReason.INVALID_FOR_COUNTRY: QT_TRANSLATE_NOOP(
        "ImportMessages", "Not a valid phone number in {country}."
    ),
    RowReason.NEEDS_COUNTRY: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "The number has no country code and no default country is set; choose one in the Default "
        "country list, or write the number with its country code.",
    ),
    RowReason.DUPLICATE: QT_TRANSLATE_NOOP(
        "ImportMessages", "The same number as row {first_row}, which is kept."
    ),
    RowReason.FORMULA_NOT_CALCULATED: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "The cell holds a formula whose value was never calculated (the file was saved by a program that "
        "does not calculate); open the file in Excel, save it, and import again.",
    ),
    RowReason.AMBIGUOUS_COUNTRY: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "This number could be {readings}, so it is not sent on a guess. Choose the default country, or "
        "write the number with + and its country code.",
    ),
}
_FORMULA_ERROR = QT_TRANSLATE_NOOP(
    "ImportMessages",
    "The cell's formula gives {error} instead of a phone number; correct the formula (or type the number) "
    "in Excel, save, and import again.",
)
# AMBIGUOUS_COUNTRY when the number as written is no number: only national readings of home countries.
_NATIONAL_ONLY = QT_TRANSLATE_NOOP(
    "ImportMessages",
    "The number has no country code and no default country is chosen; it would be {readings}, but it is "
    "not sent on a guess. Choose the default country, or write the number with + and its country code.",
)
_OR = QT_TRANSLATE_NOOP("ImportMessages", "{first} or {second}")
_INVALID_ANYWHERE = QT_TRANSLATE_NOOP("ImportMessages", "Not a valid phone number.")
_CELL_KINDS: dict[str, object] = {
    "date": QT_TRANSLATE_NOOP("ImportMessages", "a date"),
    "time": QT_TRANSLATE_NOOP("ImportMessages", "a time"),
    "duration": QT_TRANSLATE_NOOP("ImportMessages", "a duration"),
    "boolean": QT_TRANSLATE_NOOP("ImportMessages", "a true/false value"),
}

_NOTE_SENTENCES: dict[ImportNote, object] = {
    ImportNote.ENCODING_GUESSED: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "The file has no encoding mark and is not UTF-8, so it was read as {encoding}; if names look "
        "garbled, choose the right one in the Encoding list.",
    ),
    ImportNote.NO_HEADER_FOUND: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "Row {row} already holds data, so the file was read without a header row; columns are named by "
        "their letters.",
    ),
    ImportNote.PHONE_COLUMN_FROM_CONTENT: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "No column is named like a phone column; “{column}” was chosen because it holds phone numbers "
        "(choose another in “Phone numbers in”).",
    ),
    ImportNote.COLUMN_RENAMED: QT_TRANSLATE_NOOP(
        "ImportMessages", "Column {column} repeats a header name, so it is called “{name}”."
    ),
    ImportNote.SHEET_CHOSEN: QT_TRANSLATE_NOOP(
        "ImportMessages",
        "The first sheet “{first}” holds no list of phone numbers, so the sheet “{sheet}” was read; "
        "choose another in the Sheet list.",
    ),
}

ENCODING_SOURCES: dict[EncodingSource, object] = {
    EncodingSource.GIVEN: QT_TRANSLATE_NOOP("ImportMessages", "as you chose"),
    EncodingSource.BOM: QT_TRANSLATE_NOOP("ImportMessages", "from the file's encoding mark"),
    EncodingSource.UTF16_PATTERN: QT_TRANSLATE_NOOP("ImportMessages", "recognised"),
    EncodingSource.UTF8: QT_TRANSLATE_NOOP("ImportMessages", "checked"),
    EncodingSource.GUESSED: QT_TRANSLATE_NOOP("ImportMessages", "guessed"),
}

#: Encodings offered for text files: (Python codec name, what it is for).
ENCODINGS: Final[tuple[tuple[str, object], ...]] = (
    ("utf-8", QT_TRANSLATE_NOOP("ImportMessages", "Unicode (UTF-8)")),
    ("gb18030", QT_TRANSLATE_NOOP("ImportMessages", "Simplified Chinese (GB18030, GBK)")),
    ("big5", QT_TRANSLATE_NOOP("ImportMessages", "Traditional Chinese (Big5)")),
    ("shift_jis", QT_TRANSLATE_NOOP("ImportMessages", "Japanese (Shift-JIS)")),
    ("euc-kr", QT_TRANSLATE_NOOP("ImportMessages", "Korean (EUC-KR)")),
    ("utf-16", QT_TRANSLATE_NOOP("ImportMessages", "Unicode (UTF-16, Excel “Unicode text”)")),
    ("cp1252", QT_TRANSLATE_NOOP("ImportMessages", "Western European (Windows-1252)")),
    ("cp1250", QT_TRANSLATE_NOOP("ImportMessages", "Central European (Windows-1250)")),
    ("cp1251", QT_TRANSLATE_NOOP("ImportMessages", "Cyrillic (Windows-1251)")),
    ("cp1253", QT_TRANSLATE_NOOP("ImportMessages", "Greek (Windows-1253)")),
    ("cp1254", QT_TRANSLATE_NOOP("ImportMessages", "Turkish (Windows-1254)")),
    ("cp1255", QT_TRANSLATE_NOOP("ImportMessages", "Hebrew (Windows-1255)")),
    ("cp1256", QT_TRANSLATE_NOOP("ImportMessages", "Arabic (Windows-1256)")),
    ("cp1257", QT_TRANSLATE_NOOP("ImportMessages", "Baltic (Windows-1257)")),
    ("cp874", QT_TRANSLATE_NOOP("ImportMessages", "Thai (Windows-874)")),
)
DELIMITERS: Final[tuple[tuple[str, object], ...]] = (
    (",", QT_TRANSLATE_NOOP("ImportMessages", "Comma ( , )")),
    (";", QT_TRANSLATE_NOOP("ImportMessages", "Semicolon ( ; )")),
    ("\t", QT_TRANSLATE_NOOP("ImportMessages", "Tab")),
    ("|", QT_TRANSLATE_NOOP("ImportMessages", "Vertical bar ( | )")),
)
_SAVE_FAILED = QT_TRANSLATE_NOOP(
    "ImportMessages",
    "The file {path} could not be saved ({detail}). If it is open in Excel, close it there; or choose "
    "another folder.",
)
_SAVED_ROWS = (
    QT_TRANSLATE_NOOP("ImportMessages", "Saved {count} row with a problem to {path}."),
    QT_TRANSLATE_NOOP("ImportMessages", "Saved {count} rows with problems to {path}."),
)
_UNEXPECTED = QT_TRANSLATE_NOOP(
    "ImportMessages", "Something went wrong ({kind}). Details are in the log file."
)


def _plural(forms: tuple[object, object], count: int, **values: object) -> str:
    return tr(forms[0] if count == 1 else forms[1], count=count_text(count), **values)


def status_name(status: RowStatus) -> str:
    """A bucket's short name (the preview's Status column and the exported list)."""
    return tr(STATUS_NAMES[status])


def bucket_count(status: RowStatus, count: int) -> str:
    """How many rows are in a bucket, in plain words (``3 rows have no phone number``)."""
    return _plural(_BUCKET_COUNTS[status], count)


def empty_rows_count(count: int) -> str:
    """How many fully empty rows were skipped."""
    return _plural(_EMPTY_ROWS, count)


def use_recipients(count: int) -> str:
    """The OK button's text, naming the count (``Use 1,234 recipients``)."""
    return _plural(_USE_RECIPIENTS, count) if count else tr(_NO_RECIPIENTS)


def encoding_source_name(source: EncodingSource) -> str:
    """How a text file's encoding was chosen, in a few words."""
    return tr(ENCODING_SOURCES[source])


def _names(names: object) -> str:
    listed = names if isinstance(names, tuple) else ()
    return ", ".join(f"“{name}”" for name in listed if name) or tr(_NONE)


def _format_params(params: FileParams) -> dict[str, object]:
    values: dict[str, object] = {}
    for key, value in params.items():
        if key in ("size_bytes", "limit_bytes") and isinstance(value, int):
            values[key.replace("_bytes", "_mb")] = f"{value / MB:,.1f}"
        values[key] = count_text(value) if key in _GROUPED and isinstance(value, int) else value
    for key in ("sheets", "columns"):
        if key in values:
            values[key] = _names(values[key])
    return values


def encoding_choices() -> list[tuple[str, str]]:
    """The encodings offered for text files: (codec, ``"gb18030 — Simplified Chinese (GB18030, GBK)"``)."""
    return [(codec, f"{codec} — {tr(title)}") for codec, title in ENCODINGS]


def delimiter_choices() -> list[tuple[str, str]]:
    """The column separators offered for text files: (character, its name)."""
    return [(value, tr(title)) for value, title in DELIMITERS]


def delimiter_name(delimiter: str) -> str:
    """A column separator in words (``Comma ( , )``, ``Tab``)."""
    for value, title in DELIMITERS:
        if value == delimiter:
            return tr(title)
    return f"“{delimiter}”"


def describe_import_error(error: ImportFileError) -> str:
    """One sentence naming what is wrong with the file and what to do."""
    params = dict(error.params)
    if error.code is ImportProblem.UNSUPPORTED_FORMAT:
        return tr(_FORMAT_KINDS.get(str(params.get("kind")), _FORMAT_KINDS["binary"]))
    sheet = params.get("sheet")
    if error.code is ImportProblem.HEADER_ONLY:
        template = _HEADER_ONLY_SHEET if sheet else _HEADER_ONLY_FILE
        return tr(template, sheet=sheet, header_row=params.get("header_row", ""))
    if error.code is ImportProblem.SHEET_EMPTY:
        if not sheet:
            return tr(_FILE_EMPTY_OF_ROWS)
        sheets = params.get("sheets", ())
        others = tuple(name for name in (sheets if isinstance(sheets, tuple) else ()) if name != sheet)
        if not others:
            return tr(_SHEET_EMPTY_ALONE, sheet=sheet)
        return tr(_SHEET_EMPTY, sheet=sheet, others=_names(others))
    return tr(_ERROR_SENTENCES[error.code], **_format_params(params))


def readings(params: Mapping[str, str | int]) -> list[tuple[str, str]]:
    """An ambiguous number's readings from a problem's params: (phone digits, country code) pairs."""
    count = int(params.get("readings", 0))
    return [(str(params[f"phone_{n}"]), str(params[f"country_{n}"])) for n in range(1, count + 1)]


def readings_text(params: Mapping[str, str | int]) -> str:
    """``+1 351-234-5678 (United States) or +86 135 1234 5678 (China)``, in the UI language."""
    shown = [countries.reading(phone, country) for phone, country in readings(params)]
    text = shown[0] if shown else ""
    for more in shown[1:]:
        text = tr(_OR, first=text, second=more)
    return text


def describe_row_problem(problem: RowProblem) -> str:
    """The plain-language reason a row will not be sent."""
    return describe_reason(problem.reason, problem.params)


def describe_reason(reason: RowReason, problem_params: Mapping[str, str | int]) -> str:
    """Why a number (a row, or one typed in a field) cannot be sent to, with its ``params``."""
    params = dict(problem_params)
    if reason is RowReason.INVALID_FOR_COUNTRY and not params.get("country"):
        return tr(_INVALID_ANYWHERE)
    if reason is RowReason.INVALID_FOR_COUNTRY:
        params["country"] = countries.name(str(params["country"]))  # "中国", not "CN", in the Chinese UI
    if reason is RowReason.FORMULA_NOT_CALCULATED and params.get("error"):
        return tr(_FORMULA_ERROR, **params)
    if reason is RowReason.AMBIGUOUS_COUNTRY:
        template = _REASON_SENTENCES[reason] if params.get("written") else _NATIONAL_ONLY
        return tr(template, readings=readings_text(params))
    if reason is RowReason.NOT_A_NUMBER:
        kind = str(params.get("kind", ""))
        params["kind"] = tr(_CELL_KINDS[kind]) if kind in _CELL_KINDS else kind
    return tr(_REASON_SENTENCES[reason], **params)


def check_typed_number(text: str, country: str) -> tuple[str, str]:
    """A number typed in a field (the test number) read by the number rule: ``(phone, "")`` when a
    message can be sent to it, else ``("", why not)``, for the default ``country`` ("" for none)."""
    result = normalise_phone(text, country or None, home_regions=countries.home_regions())
    if result.reason is None:
        return result.phone, ""
    return "", describe_reason(result.reason, result.params)


def describe_note(note: Note) -> str:
    """A sentence for something worth knowing about an import."""
    return tr(_NOTE_SENTENCES[note.code], **note.params)


def describe_save_error(path: str, error: OSError) -> str:
    """Why a file (problem rows, sample) could not be written, and what to do."""
    return tr(_SAVE_FAILED, path=path, detail=error.strerror or str(error))


def saved_problem_rows(count: int, path: str) -> str:
    """Where the rows with problems were saved."""
    return _plural(_SAVED_ROWS, count, path=path)


def describe_unexpected(error: BaseException) -> str:
    """A plain sentence for a failure nobody foresaw (a bug; the log has the details)."""
    return tr(_UNEXPECTED, kind=type(error).__name__)
