"""The import preview's model: every data row of an ImportReport, in file order, with its bucket and reason.

A list-backed ``QAbstractTableModel`` (see ``results_model.py`` for the measurements). The rows are
put in file order by :func:`preview_rows`, which is plain Python and runs on the import's worker
thread, so loading 100,000 rows costs the GUI thread one model reset. Filtering by bucket is done
here too (a list of positions rebuilt in one pass) rather than by a ``QSortFilterProxyModel``, whose
Python ``filterAcceptsRow`` would be called once per row. Cell texts are made when a view asks,
so only the visible rows are ever worded.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from liasmart_desktop.core.importing import ImportReport, Recipient, RowProblem, RowStatus
from liasmart_desktop.ui import countries
from liasmart_desktop.ui.import_messages import describe_row_problem, readings, status_name

ModelIndex = QModelIndex | QPersistentModelIndex
Entry = Recipient | RowProblem
#: Custom roles: the row's ``RowStatus`` and its ``Recipient`` or ``RowProblem``.
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2
CONTEXT = "ImportPreviewModel"


class Column(enum.IntEnum):
    """The fixed columns; the file's other columns follow them."""

    ROW = 0
    STATUS = 1
    REASON = 2
    PHONE_AS_READ = 3
    PHONE_AS_SENT = 4
    COUNTRY = 5


HEADERS: dict[Column, object] = {
    Column.ROW: QT_TRANSLATE_NOOP("ImportPreviewModel", "Row"),
    Column.STATUS: QT_TRANSLATE_NOOP("ImportPreviewModel", "Status"),
    Column.REASON: QT_TRANSLATE_NOOP("ImportPreviewModel", "Reason"),
    Column.PHONE_AS_READ: QT_TRANSLATE_NOOP("ImportPreviewModel", "Phone in the file"),
    Column.PHONE_AS_SENT: QT_TRANSLATE_NOOP("ImportPreviewModel", "Will be sent to"),
    Column.COUNTRY: QT_TRANSLATE_NOOP("ImportPreviewModel", "Country"),
}
_HEADER_TIPS: dict[Column, object] = {
    Column.ROW: QT_TRANSLATE_NOOP("ImportPreviewModel", "The row number as the spreadsheet program shows it"),
    Column.STATUS: QT_TRANSLATE_NOOP("ImportPreviewModel", "Whether the row gets a message"),
    Column.REASON: QT_TRANSLATE_NOOP("ImportPreviewModel", "Why the row gets no message"),
    Column.PHONE_AS_READ: QT_TRANSLATE_NOOP("ImportPreviewModel", "The phone cell as the file holds it"),
    Column.PHONE_AS_SENT: QT_TRANSLATE_NOOP(
        "ImportPreviewModel", "The number with its country code, as it will be sent"
    ),
    Column.COUNTRY: QT_TRANSLATE_NOOP(
        "ImportPreviewModel", "The country the message goes to (for an unclear number, each it could be)"
    ),
}
_FILE_COLUMN_TIP = QT_TRANSLATE_NOOP("ImportPreviewModel", "Column {letters} of the file")

STATUS_ICONS: dict[RowStatus, QStyle.StandardPixmap] = {
    RowStatus.RECIPIENT: QStyle.StandardPixmap.SP_DialogApplyButton,
    RowStatus.INVALID: QStyle.StandardPixmap.SP_MessageBoxCritical,
    RowStatus.MISSING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    RowStatus.DAMAGED: QStyle.StandardPixmap.SP_MessageBoxWarning,
    RowStatus.DUPLICATE: QStyle.StandardPixmap.SP_MessageBoxInformation,
    RowStatus.AMBIGUOUS: QStyle.StandardPixmap.SP_MessageBoxQuestion,
}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def status_icon(status: RowStatus) -> QIcon:
    """The icon shown beside a bucket's name (with its text, never colour alone)."""
    return QApplication.style().standardIcon(STATUS_ICONS[status])


@dataclass(frozen=True, slots=True)
class PreviewRows:
    """A report's rows in file order, with each row's bucket (built off the GUI thread)."""

    entries: Sequence[Entry]
    statuses: Sequence[RowStatus]


def preview_rows(report: ImportReport) -> PreviewRows:
    """Recipients and problem rows merged in row order (Qt-free: safe on a worker thread).

    Both lists are already in row order, so the sort merges two runs in linear time.
    """
    entries: list[Entry] = sorted((*report.recipients, *report.problems), key=attrgetter("row"))
    recipient = RowStatus.RECIPIENT
    statuses = [entry.status if isinstance(entry, RowProblem) else recipient for entry in entries]
    return PreviewRows(entries, statuses)


class ImportPreviewModel(QAbstractTableModel):
    """The rows of one import, optionally only those in some buckets.

    Signals:
        None of its own; loading and filtering are one ``modelReset`` each.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._report: ImportReport | None = None
        self._entries: Sequence[Entry] = ()
        self._statuses: Sequence[RowStatus] = ()
        self._wanted: frozenset[RowStatus] = frozenset()
        self._shown: list[int] | None = None  # positions in ``_entries``; None: every row
        self._file_columns: tuple[int, ...] = ()  # the file's columns after the phone column's
        self._icons: dict[RowStatus, QIcon] = {}

    # ------------------------------------------------------------------ loading and filtering

    def load(self, report: ImportReport | None, rows: PreviewRows | None = None) -> None:
        """Show ``report`` (None: nothing); ``rows`` is its ``preview_rows`` when already made."""
        self.beginResetModel()
        self._report = report
        if report is None:
            rows = PreviewRows((), ())
            self._file_columns = ()
        else:
            rows = rows if rows is not None else preview_rows(report)
            phone = report.phone_column_index
            self._file_columns = tuple(index for index in range(len(report.columns)) if index != phone)
        self._entries, self._statuses = rows.entries, rows.statuses
        self._shown = self._filtered()
        self.endResetModel()

    def set_statuses(self, statuses: Iterable[RowStatus]) -> None:
        """Show only rows in these buckets (none given: every row)."""
        wanted = frozenset(statuses)
        if wanted == self._wanted:
            return
        self.beginResetModel()
        self._wanted = wanted
        self._shown = self._filtered()
        self.endResetModel()

    def statuses(self) -> frozenset[RowStatus]:
        """The buckets shown (empty: every bucket)."""
        return self._wanted

    @property
    def report(self) -> ImportReport | None:
        """The report shown, if any."""
        return self._report

    def entry(self, row: int) -> Entry:
        """The recipient or problem shown on ``row``."""
        return self._entries[self._position(row)]

    def status(self, row: int) -> RowStatus:
        """The bucket of the row shown on ``row``."""
        return self._statuses[self._position(row)]

    def _position(self, row: int) -> int:
        return row if self._shown is None else self._shown[row]

    def _filtered(self) -> list[int] | None:
        wanted = self._wanted
        if not wanted or wanted.issuperset(RowStatus):
            return None
        return [position for position, status in enumerate(self._statuses) if status in wanted]

    # ------------------------------------------------------------------ Qt overrides

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Override: the rows shown (a table has no children)."""
        if parent.isValid():
            return 0
        return len(self._entries) if self._shown is None else len(self._shown)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Override: the fixed columns, then the file's other columns."""
        return 0 if parent.isValid() else len(Column) + len(self._file_columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Override: translated titles for the fixed columns, the file's own names for the others."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        tip = role == Qt.ItemDataRole.ToolTipRole
        if section < len(Column):
            return _tr((_HEADER_TIPS if tip else HEADERS)[Column(section)])
        assert self._report is not None  # file columns exist only while a report is shown
        index = self._file_columns[section - len(Column)]
        if tip:
            return _tr(_FILE_COLUMN_TIP).format(letters=self._report.column_letters[index])
        return self._report.columns[index]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Override: text, tooltips, the status icon and alignment, for the cells a view shows."""
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(self.entry(row), self.status(row), column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(self.entry(row), self.status(row), column)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(self.status(row)) if column == Column.STATUS else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column == Column.ROW else None
        if role == STATUS_ROLE:
            return self.status(row)
        if role == ENTRY_ROLE:
            return self.entry(row)
        return None

    # ------------------------------------------------------------------ helpers

    def _text(self, entry: Entry, status: RowStatus, column: int) -> object:
        if column == Column.ROW:
            return entry.row
        if column == Column.STATUS:
            return status_name(status)
        if column == Column.REASON:
            return describe_row_problem(entry) if isinstance(entry, RowProblem) else ""
        if column == Column.PHONE_AS_READ:
            return entry.original
        if column == Column.PHONE_AS_SENT:
            return "+" + entry.phone if isinstance(entry, Recipient) else ""
        if column == Column.COUNTRY:
            return self._country(entry)
        values = entry.values
        position = self._file_columns[column - len(Column)]
        return values[position] if position < len(values) else ""

    @staticmethod
    def _country(entry: Entry) -> str:
        if isinstance(entry, Recipient):
            return countries.label(entry.region)
        # An unclear number: every country it could go to, so the choice is plain to see.
        return " / ".join(countries.label(country) for _, country in readings(entry.params))

    def _tooltip(self, entry: Entry, status: RowStatus, column: int) -> str | None:
        if column not in (Column.STATUS, Column.REASON):
            return None
        return describe_row_problem(entry) if isinstance(entry, RowProblem) else status_name(status)

    def _icon(self, status: RowStatus) -> QIcon:
        cached = self._icons.get(status)
        if cached is None:
            cached = self._icons[status] = status_icon(status)
        return cached
