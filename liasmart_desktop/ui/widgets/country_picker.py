"""The one country picker of the app (first start, import, Settings): pick from the list or type to find.

An editable combo box over every country, sorted by name in the UI language. Typing filters the list
through ``countries.search`` (the exact code first, then names that start with the text, then names
that contain it), so "CN", "China", "中国" and "chi" all lead to China; Enter takes the best match,
and text that finds nothing puts the chosen country back.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from liasmart_desktop.ui import countries

#: Items shown in the open list before it scrolls.
VISIBLE_ITEMS = 15
ModelIndex = QModelIndex | QPersistentModelIndex


class _RankedCountries(QSortFilterProxyModel):
    """The combo's items that the typed text finds, best match first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ranks: dict[str, int] | None = None  # country code → rank; None: every item, in order

    def set_ranks(self, ranks: dict[str, int] | None) -> None:
        """Show the countries of ``ranks`` in that order (None: all of them)."""
        self._ranks = ranks
        self.invalidate()
        self.sort(0 if ranks is not None else -1)

    def _code(self, row: int) -> str:
        return str(self.sourceModel().index(row, 0).data(Qt.ItemDataRole.UserRole) or "")

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        """Override: only what the text finds (the "none" item only for an empty text)."""
        return self._ranks is None or self._code(source_row) in self._ranks

    def lessThan(self, source_left: ModelIndex, source_right: ModelIndex) -> bool:
        """Override: the better match first."""
        ranks = self._ranks or {}
        return ranks.get(self._code(source_left.row()), 0) < ranks.get(self._code(source_right.row()), 0)


class CountryPicker(QComboBox):
    """Choose a country by code or by any of its names.

    Signals:
        country_changed(str): the chosen country's ISO code ("" for the "none" item).
    """

    country_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, none_text: str = "") -> None:
        super().__init__(parent)
        self._entries = countries.country_entries(countries.names_language())
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(VISIBLE_ITEMS)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)
        if none_text:
            self.addItem(none_text, "")
        for entry in self._entries:
            self.addItem(entry.title, entry.code)
        self._ranked = _RankedCountries(self)
        self._ranked.setSourceModel(self.model())
        completer = QCompleter(self._ranked, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(VISIBLE_ITEMS)
        self.setCompleter(completer)
        self._completer = completer
        line_edit = self.lineEdit()
        assert line_edit is not None  # an editable combo box has one
        self._line_edit = line_edit
        line_edit.textEdited.connect(self._on_line_edit_text_edited)
        line_edit.editingFinished.connect(self._on_line_edit_editing_finished)
        self.currentIndexChanged.connect(self._on_self_current_index_changed)
        self._reported = self.country()

    def country(self) -> str:
        """The chosen country's ISO code ("" for none)."""
        return str(self.currentData() or "")

    def set_country(self, code: str) -> None:
        """Choose ``code`` (an unknown code, or "", chooses the "none" item when there is one)."""
        index = self.findData(code.upper()) if code else -1
        if index < 0:
            index = self.findData("")
        self.setCurrentIndex(max(index, 0))

    def matches(self, text: str) -> list[str]:
        """The codes ``text`` finds, best first."""
        return [entry.code for entry in countries.search(text, self._entries)]

    @Slot(str)
    def _on_line_edit_text_edited(self, text: str) -> None:
        codes = self.matches(text) if text.strip() else None
        self._ranked.set_ranks(None if codes is None else {code: rank for rank, code in enumerate(codes)})
        self._completer.complete()

    @Slot()
    def _on_line_edit_editing_finished(self) -> None:
        text = self._line_edit.text()
        if text == self.itemText(self.currentIndex()):
            return
        found = self.matches(text) if text.strip() else []
        if found:
            self.set_country(found[0])
        self.setEditText(self.itemText(self.currentIndex()))  # nothing found: the chosen one stays
        self._ranked.set_ranks(None)

    @Slot(int)
    def _on_self_current_index_changed(self, _index: int) -> None:
        code = self.country()
        if code != self._reported:
            self._reported = code
            self.country_changed.emit(code)
