"""Numbers typed or pasted (the GUI's paste box, ``liasmart send --to``), read like a one-column sheet.

Separators: line breaks, commas, semicolons (ASCII or full-width), ``、``, ``|`` and tabs always
separate numbers. Spaces (and ``/``) separate only when every group they make holds at least 7 digits:
``139 1234 5678`` is one number, ``13912345678 13812345678`` is two. Each number then goes through
the same normalisation and accounting as a spreadsheet cell; its ``row`` is its position in the list.
"""

from __future__ import annotations

from liasmart_desktop.core.importing.accounting import account_rows
from liasmart_desktop.core.importing.formats import FileFormat
from liasmart_desktop.core.importing.limits import DEFAULT_LIMITS, ImportLimits
from liasmart_desktop.core.importing.phones import phone_normaliser, split_numbers
from liasmart_desktop.core.importing.regions import DEFAULT_HOME_REGIONS
from liasmart_desktop.core.importing.report import ImportCounts, ImportReport
from liasmart_desktop.core.importing.sheet_data import SheetData

PASTE_COLUMN = "A"


def parse_pasted_numbers(
    text: str,
    country: str | None,
    *,
    home_regions: tuple[str, ...] = DEFAULT_HOME_REGIONS,
    limits: ImportLimits = DEFAULT_LIMITS,
) -> ImportReport:
    """Every number in ``text`` accounted for, as recipients or problems (nothing pasted: no rows).

    ``home_regions`` are the likely home countries, for numbers without a country code when
    ``country`` is None (see ``phones.normalise_phone``).
    """
    normaliser = phone_normaliser(country, home_regions)
    numbers = [number for line in text.splitlines() for number in split_numbers(line)]
    if not numbers:
        return ImportReport(
            source="",
            format=FileFormat.PASTE,
            sheet=None,
            sheets=(),
            columns=(PASTE_COLUMN,),
            column_letters=(PASTE_COLUMN,),
            phone_column=PASTE_COLUMN,
            phone_column_index=0,
            header_row=None,
            rows=0,
            empty_rows=0,
            recipients=(),
            problems=(),
            counts=ImportCounts(),
            country=normaliser.country,
        )
    sheet = SheetData(
        format=FileFormat.PASTE,
        sheet=None,
        sheets=(),
        rows=((position, [number]) for position, number in enumerate(numbers, start=1)),
        total_rows=len(numbers),
    )
    return account_rows("", sheet, normaliser, has_header=False, phone_column=PASTE_COLUMN, limits=limits)
