"""The results grid's model: a campaign's messages in a list with an id → row index (100k rows stay smooth).

Measured (docs/decisions.md, "List-backed table models"): a list-backed ``QAbstractTableModel`` loads
100k rows in ~10 ms, a ``QStandardItemModel`` takes 2–3 s and 276 MB more. Updates arrive in batches
and are applied with one ``dataChanged`` and at most one ``beginInsertRows`` per batch.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from liasmart_desktop.core.sending.records import MessageRecord
from liasmart_desktop.core.sending.states import MessageState
from liasmart_desktop.ui.messages import describe_message, state_name

ModelIndex = QModelIndex | QPersistentModelIndex
#: A custom role carrying the row's ``MessageState`` (filtering) and one carrying the record.
STATE_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2


class Column(enum.IntEnum):
    """The grid's columns, in order."""

    ROW = 0
    PHONE = 1
    STATE = 2
    REASON = 3
    MESSAGE_ID = 4
    PARTS = 5
    SENT = 6
    FINISHED = 7
    DELIVERY = 8


HEADERS: dict[Column, object] = {
    Column.ROW: QT_TRANSLATE_NOOP("ResultsModel", "Row"),
    Column.PHONE: QT_TRANSLATE_NOOP("ResultsModel", "Phone"),
    Column.STATE: QT_TRANSLATE_NOOP("ResultsModel", "Result"),
    Column.REASON: QT_TRANSLATE_NOOP("ResultsModel", "Reason"),
    Column.MESSAGE_ID: QT_TRANSLATE_NOOP("ResultsModel", "Message ID"),
    Column.PARTS: QT_TRANSLATE_NOOP("ResultsModel", "Parts"),
    Column.SENT: QT_TRANSLATE_NOOP("ResultsModel", "Sent"),
    Column.FINISHED: QT_TRANSLATE_NOOP("ResultsModel", "Answered"),
    Column.DELIVERY: QT_TRANSLATE_NOOP("ResultsModel", "Delivery"),
}

#: The delivery states the core derives from LiaSmart's status word (``DeliveryState`` values), in words;
#: other states show LiaSmart's own word.
DELIVERY_NAMES: dict[str, object] = {
    "delivered": QT_TRANSLATE_NOOP("ResultsModel", "Delivered"),
    "failed": QT_TRANSLATE_NOOP("ResultsModel", "Not delivered"),
    "pending": QT_TRANSLATE_NOOP("ResultsModel", "Waiting for the report"),
}
_DELIVERY_TIP = QT_TRANSLATE_NOOP("ResultsModel", "LiaSmart's delivery status: {status}")

_STATE_ICONS: dict[MessageState, QStyle.StandardPixmap] = {
    MessageState.PENDING: QStyle.StandardPixmap.SP_MediaPause,
    MessageState.IN_FLIGHT: QStyle.StandardPixmap.SP_ArrowRight,
    MessageState.RETRY_WAIT: QStyle.StandardPixmap.SP_BrowserReload,
    MessageState.ACCEPTED: QStyle.StandardPixmap.SP_DialogApplyButton,
    MessageState.REJECTED: QStyle.StandardPixmap.SP_MessageBoxCritical,
    MessageState.UNKNOWN: QStyle.StandardPixmap.SP_MessageBoxQuestion,
    MessageState.CANCELLED: QStyle.StandardPixmap.SP_DialogCancelButton,
}
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def local_time(iso: str | None) -> str:
    """``2026-11-25T12:00:00.000Z`` → the local date and time, shortly."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def delivery_text(record: MessageRecord) -> str:
    """The delivery status in the user's language ("" until LiaSmart has given one)."""
    name = DELIVERY_NAMES.get(record.dlr_state)
    if not record.dlr_status or name is None:
        return record.dlr_status
    return QCoreApplication.translate("ResultsModel", str(name))


def delivery_tip(record: MessageRecord) -> str | None:
    """LiaSmart's own status word and error text, when it gave any."""
    lines = []
    if record.dlr_status:
        lines.append(
            QCoreApplication.translate("ResultsModel", str(_DELIVERY_TIP)).format(status=record.dlr_status)
        )
    if record.dlr_error:
        lines.append(record.dlr_error)
    return "\n".join(lines) or None


_DISPLAY: dict[Column, Callable[[MessageRecord], object]] = {
    Column.ROW: lambda r: r.row,
    Column.PHONE: lambda r: r.phone,
    Column.STATE: lambda r: state_name(r.state),
    Column.REASON: describe_message,
    Column.MESSAGE_ID: lambda r: r.message_id or "",
    Column.PARTS: lambda r: r.segments,
    Column.SENT: lambda r: local_time(r.sent_at),
    Column.FINISHED: lambda r: local_time(r.finished_at),
    Column.DELIVERY: delivery_text,
}


class ResultsModel(QAbstractTableModel):
    """Rows of ``MessageRecord`` with an index from message key to row."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[MessageRecord] = []
        self._index: dict[int, int] = {}
        self._icons: dict[MessageState, QIcon] = {}

    # ------------------------------------------------------------------ loading and updates

    def load(self, records: Iterable[MessageRecord]) -> None:
        """Replace everything (one model reset)."""
        self.beginResetModel()
        self._rows = list(records)
        self._index = {record.pk: i for i, record in enumerate(self._rows)}
        self.endResetModel()

    def clear(self) -> None:
        """No rows."""
        self.load(())

    def apply(self, changed: Sequence[MessageRecord]) -> None:
        """Apply a batch: known messages change in place (one ``dataChanged``), new ones are appended."""
        first, last = len(self._rows), -1
        new: list[MessageRecord] = []
        for record in changed:
            position = self._index.get(record.pk)
            if position is None:
                new.append(record)
                continue
            self._rows[position] = record
            first, last = min(first, position), max(last, position)
        if last >= 0:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(Column) - 1))
        if new:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(new) - 1)
            for offset, record in enumerate(new):
                self._index[record.pk] = start + offset
            self._rows.extend(new)
            self.endInsertRows()

    def record(self, row: int) -> MessageRecord:
        """The message shown on ``row``."""
        return self._rows[row]

    def records(self) -> Sequence[MessageRecord]:
        """Every message, in row order."""
        return self._rows

    # ------------------------------------------------------------------ Qt overrides

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Override: the number of messages (a table has no children)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Override: the fixed columns."""
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Override: translated column titles."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(Column)
        ):
            return QCoreApplication.translate("ResultsModel", str(HEADERS[Column(section)]))
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Override: text, tooltip, icon and alignment for the visible cells only."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(record, column)
        if role == Qt.ItemDataRole.DecorationRole and column is Column.STATE:
            return self._icon(record.state)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in {Column.ROW, Column.PARTS}:
            return int(_RIGHT)
        if role == STATE_ROLE:
            return record.state
        if role == RECORD_ROLE:
            return record
        return None

    # ------------------------------------------------------------------ helpers

    def _display(self, record: MessageRecord, column: Column) -> object:
        return _DISPLAY[column](record)

    @staticmethod
    def _tooltip(record: MessageRecord, column: Column) -> str | None:
        if column in {Column.REASON, Column.STATE}:
            return describe_message(record)
        if column is Column.DELIVERY:
            return delivery_tip(record)
        return None

    def _icon(self, state: MessageState) -> QIcon:
        cached = self._icons.get(state)
        if cached is None:
            cached = QApplication.style().standardIcon(_STATE_ICONS[state])
            self._icons[state] = cached
        return cached


class ResultsFilter(QSortFilterProxyModel):
    """Show only some states and rows whose phone, message ID or reason contains a text."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._states: frozenset[MessageState] = frozenset()
        self._needle = ""
        self.setDynamicSortFilter(False)

    def set_states(self, states: Iterable[MessageState]) -> None:
        """Only these states (none given: every state)."""
        self.beginFilterChange()
        self._states = frozenset(states)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_search(self, text: str) -> None:
        """Only rows containing ``text`` (case-insensitive) in phone, message ID or reason."""
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        """Override: the state and search filters."""
        model = self.sourceModel()
        if not isinstance(model, ResultsModel):
            return True
        record = model.record(source_row)
        if self._states and record.state not in self._states:
            return False
        if not self._needle:
            return True
        haystack = f"{record.phone} {record.message_id or ''} {record.remarks} {record.row}".casefold()
        return self._needle in haystack
