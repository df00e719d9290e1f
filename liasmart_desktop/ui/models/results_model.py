"""The results grid's model: every row of a campaign's list — its messages and the rows set aside — in a list
with an id → row index (100k rows stay smooth).

Measured (docs/decisions.md, "List-backed table models"): a list-backed ``QAbstractTableModel`` loads
100k rows in ~10 ms, a ``QStandardItemModel`` takes 2–3 s and 276 MB more. Updates arrive in batches
and are applied with one ``dataChanged`` and at most one ``beginInsertRows`` per batch.

A message's values of the list's other columns (a name, a shop …) are kept as one joined string per
row rather than as the record's field dictionaries: that is a fifth of the memory for a large list,
and it is what the grid shows and searches.
"""

from __future__ import annotations

import enum
import heapq
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

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

from liasmart_desktop.core.sending.records import MessageRecord, SetAsideRow
from liasmart_desktop.core.sending.states import MessageState
from liasmart_desktop.ui.messages import (
    delivery_name,
    describe_message,
    describe_record,
    local_time_text,
    set_aside_name,
    state_name,
)
from liasmart_desktop.ui.phone_text import phone_digits, readable_phone

ModelIndex = QModelIndex | QPersistentModelIndex
#: Custom roles: the row's filter key (a ``MessageState``, or ``SET_ASIDE``), and its record.
STATE_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2
#: The filter key of a row of the list that got no message.
SET_ASIDE = "set_aside"
#: Between the values of a row's list columns in the joined string the model keeps.
VALUE_SEPARATOR = "\x1f"
_SHOWN_SEPARATOR = " · "

Entry = MessageRecord | SetAsideRow


class Column(enum.IntEnum):
    """The grid's columns, in order."""

    ROW = 0
    PHONE = 1
    VALUES = 2
    STATE = 3
    REASON = 4
    DELIVERY = 5
    MESSAGE_ID = 6
    PARTS = 7
    SENT = 8
    FINISHED = 9


HEADERS: dict[Column, object] = {
    Column.ROW: QT_TRANSLATE_NOOP("ResultsModel", "Row"),
    Column.PHONE: QT_TRANSLATE_NOOP("ResultsModel", "Phone"),
    Column.VALUES: QT_TRANSLATE_NOOP("ResultsModel", "From the list"),
    Column.STATE: QT_TRANSLATE_NOOP("ResultsModel", "Result"),
    Column.REASON: QT_TRANSLATE_NOOP("ResultsModel", "Reason"),
    Column.DELIVERY: QT_TRANSLATE_NOOP("ResultsModel", "Delivery"),
    Column.MESSAGE_ID: QT_TRANSLATE_NOOP("ResultsModel", "Message ID"),
    Column.PARTS: QT_TRANSLATE_NOOP("ResultsModel", "Parts"),
    Column.SENT: QT_TRANSLATE_NOOP("ResultsModel", "Sent"),
    Column.FINISHED: QT_TRANSLATE_NOOP("ResultsModel", "Answered"),
}

_DELIVERY_TIP = QT_TRANSLATE_NOOP("ResultsModel", "LiaSmart's delivery status: {status}")
_VALUE_TIP = QT_TRANSLATE_NOOP("ResultsModel", "{column}: {value}")

_STATE_ICONS: dict[MessageState | str, QStyle.StandardPixmap] = {
    MessageState.PENDING: QStyle.StandardPixmap.SP_MediaPause,
    MessageState.IN_FLIGHT: QStyle.StandardPixmap.SP_ArrowRight,
    MessageState.RETRY_WAIT: QStyle.StandardPixmap.SP_BrowserReload,
    MessageState.ACCEPTED: QStyle.StandardPixmap.SP_DialogApplyButton,
    MessageState.REJECTED: QStyle.StandardPixmap.SP_MessageBoxCritical,
    MessageState.UNKNOWN: QStyle.StandardPixmap.SP_MessageBoxQuestion,
    MessageState.CANCELLED: QStyle.StandardPixmap.SP_DialogCancelButton,
    SET_ASIDE: QStyle.StandardPixmap.SP_MessageBoxWarning,
}
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _tr(text: object) -> str:
    return QCoreApplication.translate("ResultsModel", str(text))


def delivery_text(record: MessageRecord) -> str:
    """The delivery status in the user's language ("" until LiaSmart has given one)."""
    name = delivery_name(record.dlr_state)
    return name if record.dlr_status and name is not None else record.dlr_status


def delivery_tip(record: MessageRecord) -> str | None:
    """LiaSmart's own status word and error text, when it gave any."""
    lines = []
    if record.dlr_status:
        lines.append(_tr(_DELIVERY_TIP).format(status=record.dlr_status))
    if record.dlr_error:
        lines.append(record.dlr_error)
    return "\n".join(lines) or None


def joined_values(fields: Mapping[str, str], columns: Sequence[str]) -> str:
    """A row's values of ``columns``, joined by ``VALUE_SEPARATOR`` (what the model keeps per row)."""
    return VALUE_SEPARATOR.join(fields.get(column, "") for column in columns)


def _row_of(entry: Entry) -> int:
    return entry.row


_MESSAGE_DISPLAY: dict[Column, Callable[[MessageRecord], object]] = {
    Column.ROW: lambda r: r.row,
    Column.PHONE: lambda r: readable_phone(r.phone),
    Column.STATE: lambda r: state_name(r.state),
    Column.REASON: describe_message,
    Column.DELIVERY: delivery_text,
    Column.MESSAGE_ID: lambda r: r.message_id or "",
    Column.PARTS: lambda r: r.segments,
    Column.SENT: lambda r: local_time_text(r.sent_at),
    Column.FINISHED: lambda r: local_time_text(r.finished_at),
}


class ResultsModel(QAbstractTableModel):
    """Rows of ``MessageRecord`` and ``SetAsideRow`` in the list's row order, with an index from message key
    to row. The message counts per delivery state are kept as batches arrive."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[Entry] = []
        self._index: dict[int, int] = {}
        self._columns: tuple[str, ...] = ()
        #: Per row: the values of the list's other columns, joined ("" when unknown or set aside).
        self._values: list[str] = []
        self._icons: dict[MessageState | str, QIcon] = {}
        self._reasons: dict[int, str] = {}
        #: Per row, lower-case text to search in; built at the first search.
        self._haystack: list[str] | None = None
        self._delivery: Counter[str] = Counter()
        self._states: Counter[MessageState] = Counter()
        self._last_checked = ""
        self._set_aside = 0

    # ------------------------------------------------------------------ loading and updates

    def load(
        self,
        records: Iterable[MessageRecord],
        set_aside: Iterable[SetAsideRow] = (),
        *,
        columns: Sequence[str] = (),
        values: Mapping[int, str] | None = None,
    ) -> None:
        """Replace everything (one model reset): messages and set-aside rows merged in row order.

        ``columns`` are the list's columns shown beside the number; ``values`` maps a message's key to
        its values of them (``joined_values``).
        """
        self.beginResetModel()
        aside: list[Entry] = list(set_aside)
        messages: Iterable[Entry] = records
        self._rows = list(heapq.merge(messages, aside, key=_row_of)) if aside else list(messages)
        self._set_aside = len(aside)
        self._columns = tuple(columns)
        self._values = [""] * len(self._rows)
        self._reasons = {}
        self._haystack = None
        self._count_rows()
        self.endResetModel()
        if values:
            self.set_values(values)

    def set_values(self, values: Mapping[int, str]) -> None:
        """Fill in the messages' values of the list's columns (read after the messages themselves)."""
        index = self._index
        for pk, text in values.items():
            position = index.get(pk)
            if position is not None:
                self._values[position] = text
        self._haystack = None
        if self._rows:
            self.dataChanged.emit(
                self.index(0, Column.VALUES), self.index(len(self._rows) - 1, Column.VALUES)
            )

    def clear(self) -> None:
        """No rows."""
        self.load(())

    def apply(self, changed: Sequence[MessageRecord]) -> None:
        """Apply a batch: known messages change in place (one ``dataChanged``), new ones are appended."""
        first, last = len(self._rows), -1
        new: list[MessageRecord] = []
        haystack = self._haystack
        for record in changed:
            position = self._index.get(record.pk)
            if position is None:
                new.append(record)
                continue
            old = self._rows[position]
            assert isinstance(old, MessageRecord)  # the index holds messages only
            self._count_delivery(old, -1)
            self._count_delivery(record, 1)
            self._rows[position] = record
            if haystack is not None:
                haystack[position] = self._search_text(position)
            first, last = min(first, position), max(last, position)
        if last >= 0:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(Column) - 1))
        if new:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(new) - 1)
            for offset, record in enumerate(new):
                self._index[record.pk] = start + offset
                self._count_delivery(record, 1)
            self._rows.extend(new)
            self._values.extend([""] * len(new))
            if haystack is not None:
                haystack.extend(self._search_text(position) for position in range(start, len(self._rows)))
            self.endInsertRows()

    def record(self, row: int) -> Entry:
        """The message or set-aside row shown on ``row``."""
        return self._rows[row]

    def records(self) -> list[MessageRecord]:
        """Every message, in row order (set-aside rows left out)."""
        return [entry for entry in self._rows if isinstance(entry, MessageRecord)]

    def columns(self) -> tuple[str, ...]:
        """The list's columns shown in "From the list"."""
        return self._columns

    @property
    def set_aside_count(self) -> int:
        """Rows of the list that got no message."""
        return self._set_aside

    def state_counts(self) -> dict[MessageState, int]:
        """Messages per state as loaded (every state present, zero when none)."""
        return {state: self._states.get(state, 0) for state in MessageState}

    def delivery_counts(self) -> Mapping[str, int]:
        """Accepted messages per delivery state (``delivered``, ``failed``, ``pending``; "" not known yet)."""
        return self._delivery

    @property
    def last_checked(self) -> str:
        """When a delivery status was last asked for (journal time, "" never)."""
        return self._last_checked

    # ------------------------------------------------------------------ search

    def matching(self, search: str) -> set[int] | None:
        """The rows whose number, values, message ID or remark contain ``search`` (``None``: no search).

        A search that looks like a phone number matches however it is spaced (``+86 137`` finds
        ``8613712345678``, shown as ``+86 137 1234 5678``).
        """
        needle = search.strip().casefold()
        if not needle:
            return None
        if self._haystack is None:
            self._haystack = [self._search_text(position) for position in range(len(self._rows))]
        digits = phone_digits(needle)
        return {
            position
            for position, text in enumerate(self._haystack)
            if needle in text or (digits and digits in text)
        }

    def _search_text(self, position: int) -> str:
        entry = self._rows[position]
        values = self._values[position].replace(VALUE_SEPARATOR, " ")
        if isinstance(entry, SetAsideRow):
            return f"{entry.row}\n{entry.original}\n{phone_digits(entry.original)}\n{values}".casefold()
        return f"{entry.row}\n{entry.phone}\n{entry.message_id or ''}\n{entry.remarks}\n{values}".casefold()

    # ------------------------------------------------------------------ Qt overrides

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Override: the number of rows (a table has no children)."""
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
            return _tr(HEADERS[Column(section)])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Override: text, tooltip, icon and alignment for the visible cells only."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        position = index.row()
        entry = self._rows[position]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(position, entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(position, entry, column)
        if role == Qt.ItemDataRole.DecorationRole and column is Column.STATE:
            return self._icon(self._key(entry))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in {Column.ROW, Column.PARTS}:
            return int(_RIGHT)
        if role == STATE_ROLE:
            return self._key(entry)
        if role == RECORD_ROLE:
            return entry
        return None

    # ------------------------------------------------------------------ helpers

    @staticmethod
    def _key(entry: Entry) -> MessageState | str:
        return entry.state if isinstance(entry, MessageRecord) else SET_ASIDE

    def _display(self, position: int, entry: Entry, column: Column) -> object:
        if column is Column.VALUES:
            return self._values[position].replace(VALUE_SEPARATOR, _SHOWN_SEPARATOR).strip(" ·")
        if isinstance(entry, MessageRecord):
            return _MESSAGE_DISPLAY[column](entry)
        if column is Column.ROW:
            return entry.row
        if column is Column.PHONE:
            return entry.original
        if column is Column.STATE:
            return set_aside_name()
        if column is Column.REASON:
            return self._reason(position, entry)
        return ""

    def _reason(self, position: int, entry: SetAsideRow) -> str:
        reason = self._reasons.get(position)
        if reason is None:
            reason = self._reasons[position] = describe_record(entry)
        return reason

    def _tooltip(self, position: int, entry: Entry, column: Column) -> str | None:
        if column is Column.VALUES:
            values = self._values[position].split(VALUE_SEPARATOR)
            lines = [
                _tr(_VALUE_TIP).format(column=name, value=value)
                for name, value in zip(self._columns, values, strict=False)
                if value
            ]
            return "\n".join(lines) or None
        if isinstance(entry, SetAsideRow):
            return self._reason(position, entry) if column in {Column.REASON, Column.STATE} else None
        if column in {Column.REASON, Column.STATE}:
            return describe_message(entry)
        if column is Column.DELIVERY:
            return delivery_tip(entry)
        if column is Column.PHONE:
            return "+" + entry.phone
        if column is Column.MESSAGE_ID:
            return entry.message_id
        return None

    def _icon(self, key: MessageState | str) -> QIcon:
        cached = self._icons.get(key)
        if cached is None:
            cached = QApplication.style().standardIcon(_STATE_ICONS[key])
            self._icons[key] = cached
        return cached

    def _count_rows(self) -> None:
        """One pass over a loaded list (100k rows: keep it to one): the message index, the counts per
        state and per delivery state, the last check, and the set-aside rows' values."""
        index: dict[int, int] = {}
        states: Counter[MessageState] = Counter()
        delivery: Counter[str] = Counter()
        last = ""
        accepted = MessageState.ACCEPTED
        for position, entry in enumerate(self._rows):
            if isinstance(entry, SetAsideRow):
                if self._columns:
                    self._values[position] = joined_values(entry.fields, self._columns)
                continue
            index[entry.pk] = position
            state = entry.state
            states[state] += 1
            if state is accepted:
                delivery[entry.dlr_state if entry.dlr_status else ""] += 1
                checked = entry.dlr_checked_at
                if checked and checked > last:
                    last = checked
        self._index, self._states, self._delivery, self._last_checked = index, states, delivery, last

    def _count_delivery(self, record: MessageRecord, step: int) -> None:
        if record.state is MessageState.ACCEPTED:
            self._delivery[record.dlr_state if record.dlr_status else ""] += step
        checked = record.dlr_checked_at
        if step > 0 and checked and checked > self._last_checked:
            self._last_checked = checked


class ResultsFilter(QSortFilterProxyModel):
    """Show only some states (or the rows set aside) and rows containing a searched text."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._states: frozenset[MessageState | str] = frozenset()
        self._matches: set[int] | None = None
        self._search = ""
        self.setDynamicSortFilter(False)

    def set_states(self, states: Iterable[MessageState | str]) -> None:
        """Only these states, ``SET_ASIDE`` for the rows set aside (none given: every row)."""
        self.beginFilterChange()
        self._states = frozenset(states)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_search(self, text: str) -> None:
        """Only rows containing ``text`` (case-insensitive) in number, list values, message ID or remark."""
        model = self.sourceModel()
        self.beginFilterChange()
        self._search = text.strip()
        self._matches = model.matching(text) if isinstance(model, ResultsModel) else None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def search(self) -> str:
        """The text searched for ("" when none)."""
        return self._search

    @property
    def filtering(self) -> bool:
        """Whether a state or a search narrows the rows."""
        return bool(self._states) or self._matches is not None

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        """Override: the state and search filters."""
        if self._matches is not None and source_row not in self._matches:
            return False
        if not self._states:
            return True
        model = self.sourceModel()
        if not isinstance(model, ResultsModel):
            return True
        return ResultsModel._key(model.record(source_row)) in self._states
