"""The rows with problems, written out as a list to fix (.xlsx or .csv) and import again.

The caller supplies the words (column titles, each row's status and reason), so the GUI can
translate them. The writing is ``core.exports``' (formula-safe CSV and XLSX, atomic rename); what
this adds is the phone cell: in the .xlsx it gets Excel's Text format, and in the .csv a cell Excel
would read as a number (``13912345678``, ``1.39E+10``) gets a leading apostrophe, so the digits
survive while the list is fixed in Excel. The importer removes that apostrophe from phone cells.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from liasmart_desktop.core.exports import Cell, neutralise, write_csv, write_xlsx
from liasmart_desktop.core.importing.problems import RowStatus
from liasmart_desktop.core.importing.report import ImportReport, RowProblem

# What Excel would parse as a number (and keep 15 digits of): digits with separators or an exponent.
_NUMBER_LIKE = re.compile(r"[\d\s.,()+\-]*\d[\d\s.,()+\-eE]*")
Describe = Callable[[RowProblem], tuple[str, str]]  # a problem → (status text, reason text)


def require_defused_openpyxl() -> None:
    """openpyxl parses XML safely only while defusedxml is installed and not switched off."""
    import openpyxl.xml  # noqa: PLC0415 - only exports pay for openpyxl's import

    if not openpyxl.xml.DEFUSEDXML:
        raise RuntimeError("openpyxl is not using defusedxml: install it, unset OPENPYXL_DEFUSEDXML")


def csv_phone_cell(text: str) -> str:
    """A phone cell Excel keeps as text: an apostrophe before anything number-like or formula-like."""
    if _NUMBER_LIKE.fullmatch(text):
        return "'" + text
    return neutralise(text)


def write_problem_rows(
    report: ImportReport,
    path: str | os.PathLike[str],
    *,
    headings: tuple[str, str, str],
    describe: Describe,
    statuses: Sequence[RowStatus] = (),
    sheet_title: str = "",
) -> int:
    """Write the problem rows (all, or those in ``statuses``) to ``path``; return how many were written.

    The format follows the extension (``.xlsx``, else CSV). ``headings`` titles the row-number,
    status and reason columns; the file's own columns follow, every cell as the file held it. The
    worksheet is named ``sheet_title``, else after the imported sheet, else after the file.
    """
    target = Path(path)
    phone_at = len(headings) + report.phone_column_index
    as_csv = target.suffix.lower() != ".xlsx"
    rows: list[list[Cell]] = []
    for problem in report.problems_with(*statuses):
        status, reason = describe(problem)
        values: list[Cell] = [problem.row, status, reason, *report.fields(problem).values()]
        if as_csv:
            values[phone_at] = csv_phone_cell(str(values[phone_at]))
        rows.append(values)
    header = [*headings, *report.columns]
    if as_csv:
        return write_csv(target, header, rows)
    require_defused_openpyxl()
    title = sheet_title or report.sheet or target.stem
    return write_xlsx(target, header, rows, sheet_title=title, text_columns=[phone_at])
