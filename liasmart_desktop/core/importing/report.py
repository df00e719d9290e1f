"""The result of an import: every data row, in exactly one bucket, with its row number."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from liasmart_desktop.core.importing.formats import FileFormat
from liasmart_desktop.core.importing.problems import ImportNote, Params, RowReason, RowStatus
from liasmart_desktop.core.importing.sheet_data import EncodingSource


@dataclass(frozen=True, slots=True)
class Recipient:
    """A row that will be sent to."""

    row: int  # as the spreadsheet program shows it (1-based, header included)
    phone: str  # country code + national number, digits only
    original: str  # the phone cell as the file holds it
    values: tuple[str, ...]  # every cell of the row as text, in column order (may be shorter)
    region: str = ""  # the number's country (ISO2; "" for non-geographic numbers such as +800)


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A row that will not be sent to, and why (codes and data; the CLI and GUI word them)."""

    row: int
    original: str
    status: RowStatus  # INVALID, MISSING, DAMAGED, DUPLICATE or AMBIGUOUS
    reason: RowReason
    values: tuple[str, ...]
    params: Params = field(default_factory=dict)
    first_row: int | None = None  # DUPLICATE: the row that keeps the number


@dataclass(frozen=True, slots=True)
class Note:
    """Something worth telling about an import that succeeded."""

    code: ImportNote
    params: Params = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ImportCounts:
    """How many rows ended in each bucket; they add up to the rows read."""

    recipients: int = 0
    invalid: int = 0
    missing: int = 0
    damaged: int = 0
    duplicate: int = 0
    ambiguous: int = 0

    @property
    def total(self) -> int:
        """Every data row read."""
        return self.recipients + self.invalid + self.missing + self.damaged + self.duplicate + self.ambiguous

    @classmethod
    def of(cls, recipients: int, problems: Iterable[RowProblem]) -> ImportCounts:
        """Counts for a number of recipients and a list of problem rows."""
        by_status = dict.fromkeys(RowStatus, 0)
        for problem in problems:
            by_status[problem.status] += 1
        return cls(
            recipients=recipients,
            invalid=by_status[RowStatus.INVALID],
            missing=by_status[RowStatus.MISSING],
            damaged=by_status[RowStatus.DAMAGED],
            duplicate=by_status[RowStatus.DUPLICATE],
            ambiguous=by_status[RowStatus.AMBIGUOUS],
        )


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What a file (or pasted text) holds: recipients, problem rows, and how it was read.

    ``rows`` counts data rows read: not the header, not the title block above it, not fully empty rows
    (those are ``empty_rows``; empty rows after the last data row are not counted at all). Every
    counted row is either in ``recipients`` or in ``problems``, so ``counts.total == rows``.
    """

    source: str  # the file path as given, or "" for pasted text
    format: FileFormat
    sheet: str | None  # None for text files and pasted text
    sheets: tuple[str, ...]  # the visible worksheets (empty for text)
    columns: tuple[str, ...]  # header names (unique), or letters without a header row
    column_letters: tuple[str, ...]  # the letters the spreadsheet program shows for each column
    phone_column: str
    phone_column_index: int
    header_row: int | None  # row number of the header, None when every row is data
    rows: int
    empty_rows: int
    recipients: tuple[Recipient, ...]
    problems: tuple[RowProblem, ...]  # in row order
    counts: ImportCounts
    country: str | None  # the default country used for national-format numbers
    encoding: str | None = None
    encoding_source: EncodingSource | None = None
    delimiter: str | None = None
    notes: tuple[Note, ...] = ()

    def fields(self, record: Recipient | RowProblem) -> dict[str, str]:
        """A row's cells by column name (for ``{column}`` merge fields and exports)."""
        values = record.values
        return {name: values[index] if index < len(values) else "" for index, name in enumerate(self.columns)}

    def problems_with(self, *statuses: RowStatus) -> tuple[RowProblem, ...]:
        """The problem rows in the given buckets (all of them when none is given)."""
        return tuple(problem for problem in self.problems if not statuses or problem.status in statuses)
