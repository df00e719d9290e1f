"""``liasmart import``: read a recipient list and report what would be sent.

``rows`` counts the data rows read: not the header, not a title block above it, and not fully empty
rows, which are reported apart as ``empty_rows`` (empty rows after the last data row are not counted
at all). The six ``counts`` add up to ``rows`` (``ambiguous``: a number that could be read in two
countries, set aside with both readings; the contract's "Where a number goes"). Extra fields beyond
the contract: ``format``, ``header_row``, ``empty_rows``, ``country``, ``encoding``,
``encoding_source``, ``delimiter``, ``notes``; each problem also carries ``reason_code`` and its
row's ``fields``, and an ambiguous one its ``readings`` (``[{"phone", "country"}]``).

The sentences here (``describe_import_error``, ``describe_row_problem``) are shared with ``send``.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from typing import Final

from liasmart_desktop.cli.commands import Command, add_json_option
from liasmart_desktop.cli.context import CliContext
from liasmart_desktop.cli.errors import CliError, ExitCode
from liasmart_desktop.cli.optout_rows import withhold_in_import
from liasmart_desktop.core.importing import (
    EncodingSource,
    ImportFileError,
    ImportNote,
    ImportOptions,
    ImportProblem,
    ImportReport,
    Note,
    RowProblem,
    RowReason,
    RowStatus,
    country_name,
    display_phone,
    import_file,
    write_problem_rows,
)
from liasmart_desktop.core.optout import OptOutList

MB: Final = 1024 * 1024
SHOWN_PROBLEMS: Final = 20  # problem rows listed in the human-readable summary

_FORMAT_KINDS: Final = {
    "pdf": "This is a PDF, not a spreadsheet; export the list from where it came as .xlsx or .csv.",
    "html": "This file is a web page saved under a spreadsheet name (common for exports from office "
    "systems); open it in Excel and save it as an Excel Workbook (.xlsx).",
    "xml_spreadsheet": "This is an Excel 2003 XML spreadsheet; open it in Excel and save it as .xlsx.",
    "xlsb": "Excel binary workbooks (.xlsb) are not read; open it in Excel and save it as .xlsx.",
    "document": "This file is not a spreadsheet (it looks like another kind of document); save the list "
    "as .xlsx or .csv.",
    "zip": "This is a zip archive, not a spreadsheet; unpack it and import the .xlsx or .csv inside.",
    "binary": "This file is neither a spreadsheet nor a text file; save the list as .xlsx or .csv.",
}
_ERROR_SENTENCES: Final = {
    ImportProblem.FILE_NOT_FOUND: "The file {path} does not exist; check its name and folder.",
    ImportProblem.FILE_LOCKED: "The file {path} cannot be opened: another program (often Excel) has it "
    "open, or you may not read it; close it there and try again.",
    ImportProblem.FILE_UNREADABLE: "The file {path} cannot be read ({detail}); check that it is a file "
    "you can open.",
    ImportProblem.FILE_EMPTY: "The file {path} is empty; save the list again and retry.",
    ImportProblem.FILE_TOO_LARGE: "The file is {size_mb} MB, more than the {limit_mb} MB limit; split "
    "the list into smaller files.",
    ImportProblem.ENCRYPTED: "The workbook is protected with a password; open it in Excel, remove the "
    "password (File > Info > Protect Workbook) and save it again.",
    ImportProblem.CORRUPT: "The {kind} file is damaged or is not really a {kind} file; open it in its "
    "program and save it again as .xlsx.",
    ImportProblem.ZIP_TOO_MANY_MEMBERS: "The workbook holds {count} internal parts, more than the "
    "{limit} limit, which no ordinary spreadsheet has; save the list again from Excel.",
    ImportProblem.ZIP_TOO_LARGE: "The workbook unpacks to {size_mb} MB, more than the {limit_mb} MB "
    "limit; split the list into smaller files.",
    ImportProblem.ZIP_MEMBER_TOO_LARGE: "The workbook's part {member} unpacks to {size_mb} MB, more than "
    "the {limit_mb} MB limit; split the list into smaller files.",
    ImportProblem.ZIP_RATIO_TOO_HIGH: "The workbook's part {member} unpacks {ratio} times larger than it "
    "is stored (limit {limit}), the mark of a zip bomb, so it was not opened; save the list again from "
    "Excel.",
    ImportProblem.UNSAFE_XML: "The workbook's part {member} declares XML entities, which spreadsheet "
    "programs never write and attacks use, so it was not opened; save the list again from Excel.",
    ImportProblem.NO_VISIBLE_SHEETS: "The workbook has no visible worksheet; unhide the sheet with the "
    "list in Excel and save it again.",
    ImportProblem.SHEET_NOT_FOUND: "There is no worksheet named “{sheet}”; the visible sheets are: {sheets}.",
    ImportProblem.SHEET_HIDDEN: "The sheet “{sheet}” is hidden; unhide it in Excel and save, or choose a "
    "visible sheet with --sheet.",
    ImportProblem.SHEET_IS_CHART: "The sheet “{sheet}” is a chart, not a worksheet; choose the sheet "
    "with the list with --sheet.",
    ImportProblem.TOO_MANY_ROWS: "The list has more than {limit:,} data rows, the most one import "
    "takes; split it into smaller files.",
    ImportProblem.TOO_MANY_COLUMNS: "The sheet has {count:,} columns, more than the {limit} limit; "
    "delete the columns that are not needed.",
    ImportProblem.SHEET_TOO_LARGE: "The sheet “{sheet}” spans {cells:,} cells from A1 to its last used "
    "cell, more than the {limit:,} limit; delete stray cells far from the list (Ctrl+End shows the "
    "last one) and save again.",
    ImportProblem.CELL_TOO_LONG: "Cell {column}{row} holds {length:,} characters, more than the "
    "{limit:,} limit; shorten it.",
    ImportProblem.UNKNOWN_ENCODING_NAME: "“{encoding}” is not a known text encoding; use one such as "
    "utf-8, gb18030, big5, shift_jis or cp1252.",
    ImportProblem.ENCODING_MISMATCH: "The file is not valid {encoding} text (line {line}); give the "
    "right --encoding, or save the file as “CSV UTF-8” in Excel.",
    ImportProblem.ENCODING_UNDETECTED: "The file's text encoding could not be recognised; save it as "
    "“CSV UTF-8” in Excel, or give --encoding.",
    ImportProblem.BAD_DELIMITER: "“{delimiter}” cannot separate columns; give one character such as "
    ", ; | or a tab.",
    ImportProblem.UNBALANCED_QUOTE: "A quotation mark opened on row {row} is never closed, so the rest "
    "of the file would be one cell; fix that row and save again.",
    ImportProblem.MALFORMED_TEXT: "Row {row} cannot be read as CSV ({detail}); fix that row and save again.",
    ImportProblem.NUL_BYTE: "Row {row} (column {column}) holds a NUL byte, an invisible character no one "
    "types (a damaged export, or a wrong --encoding); remove it in a text editor, or open the file in "
    "Excel and save it again as “CSV UTF-8”.",
    ImportProblem.PHONE_COLUMN_NOT_FOUND: "There is no column “{column}”; the columns are: {columns}.",
    ImportProblem.NO_PHONE_COLUMN: "No column looks like phone numbers; name it with --phone-column "
    "(the columns are: {columns}).",
    ImportProblem.UNKNOWN_COUNTRY: "“{country}” is not a country code; use two letters such as CN, HK or SG.",
}
_REASON_SENTENCES: Final = {
    RowReason.EMPTY: "The phone cell is empty.",
    RowReason.SCIENTIFIC_NOTATION: "Excel has turned this number into scientific notation and "
    "replaced its last digits with zeros; format the column as Text, type or paste the numbers "
    "again, and re-export.",
    RowReason.TOO_MANY_DIGITS_FOR_EXCEL: "This number cell has more than 15 digits and Excel keeps only "
    "15, so its last digits are lost; format the column as Text, type or paste the numbers again, "
    "and re-export.",
    RowReason.MULTIPLE_NUMBERS: "The cell holds {count} numbers; put one number per row.",
    RowReason.EXTENSION: "The number has an extension ({extension}), which a text message cannot reach.",
    RowReason.LETTERS: "The cell contains letters (“{character}”), not only a phone number.",
    RowReason.UNEXPECTED_CHARACTER: "The cell contains “{character}”, which does not belong in a phone "
    "number.",
    RowReason.NOT_A_NUMBER: "The cell holds a {kind}, not a phone number.",
    RowReason.NOT_A_WHOLE_NUMBER: "The cell holds a number that is not a whole positive number.",
    RowReason.TOO_SHORT: "Too short for a phone number ({digits} digits).",
    RowReason.TOO_LONG: "Too long for a phone number ({digits} digits).",
    RowReason.UNKNOWN_COUNTRY_CODE: "The number starts with a country code that does not exist.",
    RowReason.INVALID_FOR_COUNTRY: "Not a valid phone number{for_country}.",
    RowReason.NEEDS_COUNTRY: "The number has no country code and no default country is set; give "
    "--country (for example --country CN) or write the number with its country code.",
    RowReason.DUPLICATE: "The same number as row {first_row}, which is kept.",
    RowReason.FORMULA_NOT_CALCULATED: "The cell holds a formula whose value was never calculated (the file "
    "was saved by a program that does not calculate); open the file in Excel, save it, and import again.",
    RowReason.AMBIGUOUS_COUNTRY: "The number could be {readings}; it is not sent on a guess: give "
    "{options}, or write the number with + and its country code.",
}
#: FORMULA_NOT_CALCULATED when the formula's value is an error.
_FORMULA_ERROR = (
    "The cell's formula gives {error} instead of a phone number; correct the formula (or type the number) "
    "in Excel, save, and import again."
)
#: AMBIGUOUS_COUNTRY when the number as written (with a country code) is no number: only national
#: readings of likely home countries.
_NATIONAL_ONLY = (
    "The number has no country code and no default country is set; it would be {readings}, but it is "
    "not sent on a guess: give {options}, or write the number with + and its country code."
)
_NOTE_SENTENCES: Final = {
    ImportNote.ENCODING_GUESSED: "The file has no encoding mark and is not UTF-8, so it was read as "
    "{encoding}; if names look garbled, give the right --encoding.",
    ImportNote.NO_HEADER_FOUND: "Row {row} already holds data, so the file was read without a header "
    "row; columns are named by their letters.",
    ImportNote.PHONE_COLUMN_FROM_CONTENT: "No column is named like a phone column; “{column}” was chosen "
    "because it holds phone numbers (override with --phone-column).",
    ImportNote.COLUMN_RENAMED: "Column {column} repeats a header name, so it is called “{name}”.",
    ImportNote.SHEET_CHOSEN: "The first sheet “{first}” holds no list of phone numbers, so the sheet "
    "“{sheet}” was read (choose another with --sheet).",
}
_STATUS_WORDS: Final = {
    RowStatus.INVALID: "invalid",
    RowStatus.MISSING: "missing",
    RowStatus.DAMAGED: "damaged",
    RowStatus.DUPLICATE: "duplicate",
    RowStatus.RECIPIENT: "recipient",
    RowStatus.AMBIGUOUS: "ambiguous",
}


def _mb(size: object) -> str:
    return f"{int(str(size)) / MB:,.1f}"


def describe_import_error(error: ImportFileError) -> str:
    """One sentence naming what is wrong with the file and what to do."""
    params: dict[str, object] = dict(error.params)
    if error.code is ImportProblem.UNSUPPORTED_FORMAT:
        return _FORMAT_KINDS[str(params["kind"])]
    if error.code in (ImportProblem.SHEET_EMPTY, ImportProblem.HEADER_ONLY):
        where = f"The sheet “{params['sheet']}”" if params.get("sheet") else "The file"
        if error.code is ImportProblem.HEADER_ONLY:
            return (
                f"{where} has only a header row (row {params['header_row']}) and no data rows; "
                "add the recipients below it."
            )
        names = params.get("sheets", ())
        others = ", ".join(
            name for name in (names if isinstance(names, tuple) else ()) if name != params.get("sheet")
        )
        hint = f"; choose the sheet with the list with --sheet (other sheets: {others})" if others else ""
        return f"{where} is empty{hint or '; check that this is the right file'}."
    for key in ("sheets", "columns"):
        names = params.get(key)
        if isinstance(names, tuple):
            params[key] = ", ".join(f"“{name}”" for name in names) or "none"
    for key in ("size_bytes", "limit_bytes"):
        if key in params:
            params[key.replace("_bytes", "_mb")] = _mb(params[key])
    return _ERROR_SENTENCES[error.code].format(**params)


def country_text(region: object) -> str:
    """A country in the CLI's words: ``China (CN)``."""
    return f"{country_name(str(region))} ({region})"


def _readings(params: Mapping[str, str | int]) -> list[tuple[str, str]]:
    count = int(params.get("readings", 0))
    return [(str(params[f"phone_{n}"]), str(params[f"country_{n}"])) for n in range(1, count + 1)]


def readings_text(params: Mapping[str, str | int]) -> str:
    """An ambiguous number's readings: ``+1 351-234-5678 (United States, US) or +86 … (China, CN)``."""
    return " or ".join(
        f"{display_phone(phone)} ({country_name(country)}, {country})" if country else display_phone(phone)
        for phone, country in _readings(params)
    )


def _country_options(params: Mapping[str, str | int]) -> str:
    countries = dict.fromkeys(country for _, country in _readings(params) if country)
    return " or ".join(f"--country {country}" for country in countries) or "--country"


def describe_row_problem(problem: RowProblem) -> str:
    """The plain-English reason a row will not be sent."""
    params = dict(problem.params)
    if problem.reason is RowReason.INVALID_FOR_COUNTRY:
        country = params.get("country")
        params["for_country"] = f" in {country_text(country)}" if country else ""
    if problem.reason is RowReason.FORMULA_NOT_CALCULATED and params.get("error"):
        return _FORMULA_ERROR.format(**params)
    if problem.reason is RowReason.AMBIGUOUS_COUNTRY:
        sentence = _REASON_SENTENCES[problem.reason] if params.get("written") else _NATIONAL_ONLY
        return sentence.format(readings=readings_text(params), options=_country_options(params))
    return _REASON_SENTENCES[problem.reason].format(**params)


def describe_note(note: Note) -> str:
    """A sentence for something worth knowing about an import."""
    return _NOTE_SENTENCES[note.code].format(**note.params)


def add_import_options(parser: argparse.ArgumentParser, *, for_send: bool = False) -> None:
    """The options shared by ``import`` and ``send --file``.

    On ``send``, ``--encoding`` is the message encoding (auto|T|U, per the CLI contract), so the
    file's text encoding is ``--file-encoding`` there; ``import`` accepts both spellings.
    """
    parser.add_argument(
        "--sheet", metavar="NAME", help="the worksheet to read (default: the first visible one)"
    )
    parser.add_argument("--no-header", action="store_true", help="the first row is data; columns are A, B, …")
    parser.add_argument("--phone-column", metavar="NAME", help="the column holding the phone numbers")
    flags = ["--file-encoding"] if for_send else ["--encoding", "--file-encoding"]
    parser.add_argument(
        *flags,
        dest="file_encoding",
        metavar="ENC",
        help="the text encoding of a CSV/TXT file (default: detected)",
    )
    parser.add_argument(
        "--delimiter",
        metavar="CHAR",
        help="the column separator of a CSV/TXT file (default: detected; \\t for a tab)",
    )


def import_options(ctx: CliContext) -> ImportOptions:
    """The import options from the command line (shared with ``send --file``)."""
    args = ctx.args
    delimiter = args.delimiter
    return ImportOptions(
        sheet=args.sheet,
        has_header=not args.no_header,
        phone_column=args.phone_column,
        country=ctx.country or None,
        home_regions=ctx.home_regions,
        encoding=args.file_encoding,
        delimiter="\t" if delimiter == "\\t" else delimiter,
    )


def read_list(ctx: CliContext, path: str) -> ImportReport:
    """Import ``path`` with the command line's options; a file that cannot be used exits 2."""
    try:
        return import_file(path, import_options(ctx))
    except ImportFileError as exc:
        raise CliError(ExitCode.USAGE, describe_import_error(exc)) from exc


def _problem_fields(report: ImportReport, problem: RowProblem) -> dict[str, object]:
    fields: dict[str, object] = {
        "row": problem.row,
        "original": problem.original,
        "status": problem.status.value,
        "reason": describe_row_problem(problem),
        "reason_code": problem.reason.value,
    }
    if problem.first_row is not None:
        fields["first_row"] = problem.first_row
    if problem.status is RowStatus.AMBIGUOUS:
        fields["readings"] = [
            {"phone": phone, "country": country} for phone, country in _readings(problem.params)
        ]
    fields["fields"] = report.fields(problem)
    return fields


def report_fields(report: ImportReport) -> dict[str, object]:
    """The JSON document of ``liasmart import`` (the contract's, plus the fields listed above)."""
    counts = report.counts
    return {
        "file": report.source,
        "format": report.format.value,
        "sheet": report.sheet,
        "sheets": list(report.sheets),
        "columns": list(report.columns),
        "phone_column": report.phone_column,
        "header_row": report.header_row,
        "rows": report.rows,
        "empty_rows": report.empty_rows,
        "country": report.country,
        "encoding": report.encoding,
        "encoding_source": report.encoding_source.value if report.encoding_source else None,
        "delimiter": report.delimiter,
        "recipients": [
            {"row": r.row, "phone": r.phone, "original": r.original, "fields": report.fields(r)}
            for r in report.recipients
        ],
        "problems": [_problem_fields(report, problem) for problem in report.problems],
        "counts": {
            "recipients": counts.recipients,
            "invalid": counts.invalid,
            "missing": counts.missing,
            "damaged": counts.damaged,
            "duplicate": counts.duplicate,
            "ambiguous": counts.ambiguous,
        },
        "notes": [
            {"code": note.code.value, "params": dict(note.params), "message": describe_note(note)}
            for note in report.notes
        ],
    }


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else plural or word + 's'}"


def _source_line(report: ImportReport) -> str:
    if report.sheet is None:
        shown = "tab" if report.delimiter == "\t" else f"“{report.delimiter}”"
        how = {
            EncodingSource.GIVEN: "as given",
            EncodingSource.BOM: "from its byte-order mark",
            EncodingSource.UTF16_PATTERN: "recognised",
            EncodingSource.UTF8: "checked",
            EncodingSource.GUESSED: "guessed",
        }[report.encoding_source or EncodingSource.GIVEN]
        return f"{report.source}: text, encoding {report.encoding} ({how}), columns separated by {shown}"
    others = [name for name in report.sheets if name != report.sheet]
    also = f" (other sheets: {', '.join(others)})" if others else ""
    return f"{report.source}: {report.format.value}, sheet “{report.sheet}”{also}"


def _summary(report: ImportReport) -> list[str]:
    counts = report.counts
    header = f"header on row {report.header_row}" if report.header_row else "no header row"
    skipped = f" ({_plural(report.empty_rows, 'empty row')} skipped)" if report.empty_rows else ""
    lines = [
        _source_line(report),
        (
            f"{header}; phone numbers in column “{report.phone_column}”; default country "
            f"{report.country or 'not set'}"
        ),
        (
            f"{_plural(report.rows, 'data row')}: {_plural(counts.recipients, 'recipient')}, "
            f"{counts.invalid:,} invalid, {counts.missing:,} missing, {counts.damaged:,} damaged by Excel, "
            f"{_plural(counts.duplicate, 'duplicate')}"
            f"{f', {counts.ambiguous:,} ambiguous (country unclear)' if counts.ambiguous else ''}{skipped}"
        ),
    ]
    lines.extend(f"Note: {describe_note(note)}" for note in report.notes)
    if report.problems:
        shown = report.problems[:SHOWN_PROBLEMS]
        more = len(report.problems) - len(shown)
        title = "Rows with problems" + (
            f" (the first {len(shown)}; --json lists all {len(report.problems):,})" if more else ""
        )
        lines.append(f"{title}:")
        lines.extend(
            f"  row {problem.row:<6} {_STATUS_WORDS[problem.status]:<9} {problem.original or '(empty)'}: "
            f"{describe_row_problem(problem)}"
            for problem in shown
        )
    return lines


def _run(ctx: CliContext) -> int:
    report = read_list(ctx, ctx.args.file)
    destination = ctx.args.problems
    if destination:
        written = write_problem_rows(
            report,
            destination,
            headings=("Row", "Status", "Reason"),
            describe=lambda problem: (_STATUS_WORDS[problem.status], describe_row_problem(problem)),
        )
        if not ctx.json_mode:
            ctx.warn(f"{_plural(written, 'row')} with problems written to {destination}.")
    # The do-not-message list sets its numbers aside as ``opted_out`` (cli/optout_rows.py).
    listed = OptOutList(ctx.paths.lists_file).lookup(recipient.phone for recipient in report.recipients)
    if ctx.json_mode:
        fields = report_fields(report)
        withhold_in_import(fields, report, listed)
        ctx.print_json(fields)
    else:
        for line in _summary(report):
            ctx.say(line)
        if listed:
            ctx.say(f"{_plural(len(listed), 'number')} on the do-not-message list will not be sent to.")
    return int(ExitCode.OK)


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="an .xlsx, .xls, .ods, .csv, .tsv or .txt file")
    add_import_options(parser)
    parser.add_argument(
        "--problems",
        metavar="FILE",
        help="also write the rows with problems to FILE (.xlsx or .csv) to fix and import again",
    )
    add_json_option(parser)


COMMANDS = [
    Command("import", "read a recipient list and report what would be sent", _add_arguments, _run),
]
