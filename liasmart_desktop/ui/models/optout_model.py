"""The do-not-message list as a table: number, reason, when and by whom it was added (formatted once)."""

from __future__ import annotations

import enum
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from liasmart_desktop.core.optout import OptOutEntry
from liasmart_desktop.ui.messages import local_time_text

_ModelIndex = QModelIndex | QPersistentModelIndex
#: Data role holding the entry's number (country code + number, digits only).
PHONE_ROLE = Qt.ItemDataRole.UserRole + 1


class OptOutColumn(enum.IntEnum):
    """The columns, in display order."""

    PHONE = 0
    REASON = enum.auto()
    ADDED = enum.auto()
    BY = enum.auto()


class OptOutModel(QAbstractTableModel):
    """Listed numbers, most recently added first.

    Signals:
        only ``QAbstractTableModel``'s own (a reset per ``set_entries``).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[OptOutEntry] = []
        self._cells: list[tuple[str, ...]] = []
        self._headers = (self.tr("Number"), self.tr("Reason"), self.tr("Added"), self.tr("Added by"))

    def set_entries(self, entries: Sequence[OptOutEntry]) -> None:
        """Show ``entries``, replacing what was shown."""
        self.beginResetModel()
        self._entries = list(entries)
        self._cells = [
            ("+" + e.phone, e.reason, local_time_text(e.added_at), e.added_by) for e in self._entries
        ]
        self.endResetModel()

    def entry(self, row: int) -> OptOutEntry:
        """The entry shown in ``row``."""
        return self._entries[row]

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(OptOutColumn)

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._entries):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cells[index.row()][index.column()]
        if role == PHONE_ROLE:
            return self._entries[index.row()].phone
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class OptOutFilter(QSortFilterProxyModel):
    """Finds numbers and reasons as typed: "+86 139", "13912", "asked" (digits match whatever the spacing)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._digits = ""

    def set_search(self, text: str) -> None:
        """Show only rows whose number or reason holds ``text``."""
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self._digits = "".join(ch for ch in text if ch.isdigit())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _ModelIndex) -> bool:
        if not self._text:
            return True
        model = self.sourceModel()
        assert isinstance(model, OptOutModel)
        entry = model.entry(source_row)
        if self._digits and self._digits in entry.phone:
            return True
        return self._text in entry.reason.casefold() or self._text in entry.added_by.casefold()
