"""Every data row into exactly one bucket: recipient, invalid, missing, damaged, duplicate or ambiguous."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from liasmart_desktop.core.importing.headers import (
    CONTENT_SAMPLE_ROWS,
    HEADER_SCAN_ROWS,
    find_header_row,
    find_named_column,
    guess_phone_column_by_content,
    guess_phone_column_by_header,
    looks_like_data,
    name_columns,
)
from liasmart_desktop.core.importing.limits import ImportLimits
from liasmart_desktop.core.importing.phones import PhoneNormaliser, PhoneResult
from liasmart_desktop.core.importing.problems import (
    ImportCancelledError,
    ImportFileError,
    ImportNote,
    ImportProblem,
    RowReason,
    RowStatus,
)
from liasmart_desktop.core.importing.progress import (
    CHECK_EVERY_ROWS,
    CancelCheck,
    ImportProgress,
    ImportStage,
    ProgressCallback,
)
from liasmart_desktop.core.importing.report import ImportCounts, ImportReport, Note, Recipient, RowProblem
from liasmart_desktop.core.importing.sheet_data import (
    CellValue,
    EncodingSource,
    Row,
    SheetData,
    column_letters,
    display_text,
)


@dataclass(frozen=True, slots=True)
class Layout:
    """How the rows are read: where data starts, the column names, which one holds the phone."""

    header_row: int | None
    header: tuple[str, ...]
    phone_index: int
    notes: tuple[Note, ...]


def _texts(
    row_number: int, cells: Sequence[CellValue], first_column: int, limits: ImportLimits
) -> tuple[str, ...]:
    texts = tuple([cell if cell.__class__ is str else display_text(cell) for cell in cells])
    longest = max(map(len, texts), default=0)
    if longest > limits.max_cell_chars:
        column = next(index for index, text in enumerate(texts) if len(text) == longest)
        raise ImportFileError(
            ImportProblem.CELL_TOO_LONG,
            row=row_number,
            column=column_letters(first_column + column),
            length=longest,
            limit=limits.max_cell_chars,
        )
    return texts


def _is_empty(texts: tuple[str, ...]) -> bool:
    return not any(texts) or not "".join(texts).strip()


def _width(texts: tuple[str, ...]) -> int:
    width = len(texts)
    while width and not texts[width - 1].strip():
        width -= 1
    return width


HeadRow = tuple[int, Sequence[CellValue], tuple[str, ...]]


def _read_head(rows: Iterator[Row], first_column: int, limits: ImportLimits) -> list[HeadRow]:
    """The first rows, up to enough non-empty ones to find the header and guess the phone column."""
    head: list[HeadRow] = []
    filled = 0
    for number, cells in rows:
        texts = _texts(number, cells, first_column, limits)
        head.append((number, cells, texts))
        filled += not _is_empty(texts)
        if filled >= HEADER_SCAN_ROWS + CONTENT_SAMPLE_ROWS:
            break
    return head


def _sheet_empty(sheet: SheetData) -> ImportFileError:
    return ImportFileError(ImportProblem.SHEET_EMPTY, sheet=sheet.sheet or "", sheets=tuple(sheet.sheets))


def _layout(
    head: list[HeadRow],
    sheet: SheetData,
    *,
    has_header: bool,
    phone_column: str | None,
    normaliser: PhoneNormaliser,
    limits: ImportLimits,
) -> tuple[Layout, int]:
    """The layout, and how many rows of ``head`` precede the data (title block and header)."""
    first_column = sheet.first_column
    filled = [index for index, (_, _, texts) in enumerate(head) if not _is_empty(texts)]
    if not filled:
        raise _sheet_empty(sheet)
    notes: list[Note] = []
    if sheet.encoding_source is EncodingSource.GUESSED:
        notes.append(Note(ImportNote.ENCODING_GUESSED, {"encoding": sheet.encoding or ""}))
    header_at: int | None = None
    if has_header:
        scanned = filled[:HEADER_SCAN_ROWS]
        found = find_header_row(
            [head[index][2] for index in scanned],
            [head[index][1] for index in scanned],
            phone_column=phone_column,
            looks_like_phone=lambda cell: looks_like_data(normaliser(cell).status, cell),
        )
        if found is None:
            notes.append(Note(ImportNote.NO_HEADER_FOUND, {"row": head[filled[0]][0]}))
        else:
            header_at = scanned[found]
    header = head[header_at][2] if header_at is not None else ()
    data_start = header_at + 1 if header_at is not None else filled[0]
    sample = [cells for _, cells, texts in head[data_start:] if not _is_empty(texts)][:CONTENT_SAMPLE_ROWS]
    width = max([_width(header)] + [_width(texts) for _, _, texts in head[data_start:]])
    if width > limits.max_columns:
        raise ImportFileError(ImportProblem.TOO_MANY_COLUMNS, count=width, limit=limits.max_columns)
    names, _ = name_columns(header, width, first_column)
    phone_index = _phone_index(names, sample, phone_column, normaliser, first_column, notes)
    return Layout(
        head[header_at][0] if header_at is not None else None, header, phone_index, tuple(notes)
    ), data_start


def _phone_index(
    names: Sequence[str],
    sample: Sequence[Sequence[CellValue]],
    phone_column: str | None,
    normaliser: PhoneNormaliser,
    first_column: int,
    notes: list[Note],
) -> int:
    if phone_column:
        index = find_named_column(phone_column, names, first_column)
        if index is None:
            raise ImportFileError(
                ImportProblem.PHONE_COLUMN_NOT_FOUND, column=phone_column, columns=tuple(names)
            )
        return index
    index = guess_phone_column_by_header(names)
    if index is not None:
        return index
    index = guess_phone_column_by_content(
        sample,
        len(names),
        lambda cell: normaliser(cell).status in (RowStatus.RECIPIENT, RowStatus.DAMAGED),
    )
    if index is None:
        raise ImportFileError(ImportProblem.NO_PHONE_COLUMN, columns=tuple(names))
    notes.append(Note(ImportNote.PHONE_COLUMN_FROM_CONTENT, {"column": names[index]}))
    return index


class _Ledger:
    """The buckets, filled one data row at a time."""

    def __init__(
        self, sheet: SheetData, layout: Layout, normaliser: PhoneNormaliser, limits: ImportLimits
    ) -> None:
        self.sheet = sheet
        self.layout = layout
        self.normalise = normaliser.__call__
        self.country = normaliser.country
        self.limits = limits
        self.recipients: list[Recipient] = []
        self.problems: list[RowProblem] = []
        self.first_rows: dict[str, int] = {}
        self.formula_errors = sheet.formula_errors
        self.width = max(_width(layout.header), layout.phone_index + 1)
        self.read = self.empty = self.pending_empty = 0

    def add(self, number: int, cells: Sequence[CellValue], texts: tuple[str, ...]) -> None:
        """Put one row in its bucket (or count it as empty)."""
        if _is_empty(texts) and not self._formula_phone(number):
            self.pending_empty += 1
            return
        self.empty += self.pending_empty  # empty rows count only once a data row follows them
        self.pending_empty = 0
        self.read += 1
        if self.read > self.limits.max_rows:
            raise ImportFileError(ImportProblem.TOO_MANY_ROWS, limit=self.limits.max_rows)
        width = _width(texts)
        if width > self.width:
            if width > self.limits.max_columns:
                raise ImportFileError(
                    ImportProblem.TOO_MANY_COLUMNS, count=width, limit=self.limits.max_columns
                )
            self.width = width
        index = self.layout.phone_index
        original = texts[index] if index < len(texts) else ""
        result = self.normalise(cells[index] if index < len(cells) else None)
        if result.status is RowStatus.MISSING and self.formula_errors:
            result = self._formula_cell(number, index, result)
        if result.reason is not None:
            self.problems.append(
                RowProblem(number, original, result.status, result.reason, texts, result.params)
            )
            return
        first = self.first_rows.setdefault(result.phone, number)
        if first == number:
            self.recipients.append(Recipient(number, result.phone, original, texts, result.region))
            return
        self.problems.append(
            RowProblem(
                number,
                original,
                RowStatus.DUPLICATE,
                RowReason.DUPLICATE,
                texts,
                {"first_row": first},
                first_row=first,
            )
        )

    def _formula_phone(self, number: int) -> bool:
        """Whether the row's phone cell, empty as read, holds a formula without a value or an error."""
        column = self.sheet.first_column + self.layout.phone_index
        return bool(self.formula_errors) and (number, column) in self.formula_errors

    def _formula_cell(self, number: int, index: int, result: PhoneResult) -> PhoneResult:
        """An "empty" phone cell that holds a formula with no value, or an error: say so, not "missing"."""
        error = self.formula_errors.get((number, self.sheet.first_column + index))
        if error is None:
            return result
        return PhoneResult(
            RowStatus.DAMAGED, reason=RowReason.FORMULA_NOT_CALCULATED, params={"error": error}
        )

    def report(self, source: str) -> ImportReport:
        """The finished report; refuses a sheet that turned out to hold no data row."""
        sheet, layout = self.sheet, self.layout
        if self.read == 0:
            # The layout found a non-empty row, so only a header row can leave no data row.
            raise ImportFileError(
                ImportProblem.HEADER_ONLY, sheet=sheet.sheet or "", header_row=layout.header_row or 0
            )
        names, renamed = name_columns(layout.header, self.width, sheet.first_column)
        letters = tuple(column_letters(sheet.first_column + index) for index in range(self.width))
        notes = layout.notes + tuple(
            Note(ImportNote.COLUMN_RENAMED, {"column": letters[index], "name": names[index]})
            for index in renamed
        )
        return ImportReport(
            source=source,
            format=sheet.format,
            sheet=sheet.sheet,
            sheets=sheet.sheets,
            columns=tuple(names),
            column_letters=letters,
            phone_column=names[layout.phone_index],
            phone_column_index=layout.phone_index,
            header_row=layout.header_row,
            rows=self.read,
            empty_rows=self.empty,
            recipients=tuple(self.recipients),
            problems=tuple(self.problems),
            counts=ImportCounts.of(len(self.recipients), self.problems),
            country=self.country,
            encoding=sheet.encoding,
            encoding_source=sheet.encoding_source,
            delimiter=sheet.delimiter,
            notes=notes,
        )


def account_rows(
    source: str,
    sheet: SheetData,
    normaliser: PhoneNormaliser,
    *,
    has_header: bool,
    phone_column: str | None,
    limits: ImportLimits,
    on_progress: ProgressCallback | None = None,
    should_cancel: CancelCheck | None = None,
) -> ImportReport:
    """Read every row of ``sheet`` into the report's buckets."""
    rows = iter(sheet.rows)
    head = _read_head(rows, sheet.first_column, limits)
    layout, data_start = _layout(
        head, sheet, has_header=has_header, phone_column=phone_column, normaliser=normaliser, limits=limits
    )
    ledger = _Ledger(sheet, layout, normaliser, limits)
    data_rows = itertools.chain(
        head[data_start:],
        ((number, cells, _texts(number, cells, sheet.first_column, limits)) for number, cells in rows),
    )
    for count, (number, cells, texts) in enumerate(data_rows, start=1):
        if count % CHECK_EVERY_ROWS == 0:
            if should_cancel is not None and should_cancel():
                raise ImportCancelledError
            if on_progress is not None:
                on_progress(ImportProgress(ImportStage.ROWS, number, sheet.total_rows))
        ledger.add(number, cells, texts)
    return ledger.report(source)
