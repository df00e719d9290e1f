"""The do-not-message list: numbers that are never messaged, with when, why and by whom each was added.

Add numbers (typed or pasted, read by the importer's rule with the default country), remove the
selected ones, import a spreadsheet, export the list. Every change goes through the office controller
off the GUI thread; the table reloads when the list changes anywhere in the app.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from liasmart_desktop.core.importing import split_numbers
from liasmart_desktop.core.optout import Change, ListImport, OptOutEntry
from liasmart_desktop.ui.controllers.office_controller import OfficeController
from liasmart_desktop.ui.messages import describe_error
from liasmart_desktop.ui.models.optout_model import PHONE_ROLE, OptOutColumn, OptOutFilter, OptOutModel

_COLUMN_CHARS = {OptOutColumn.PHONE: 18, OptOutColumn.REASON: 28, OptOutColumn.ADDED: 17, OptOutColumn.BY: 10}
_ERROR_STYLE = "color: #d32f2f;"
SPREADSHEET_FILTER = "*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt"


class AddNumbersDialog(QDialog):
    """Numbers to add (one per line, or separated by commas) and why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add to the do-not-message list"))
        self.numbers_edit = QPlainTextEdit(self)
        self.numbers_edit.setAccessibleName(self.tr("Numbers to add"))
        self.numbers_edit.setPlaceholderText(self.tr("One number per line, for example +86 139 1234 5678"))
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setAccessibleName(self.tr("Reason"))
        self.reason_edit.setPlaceholderText(self.tr("For example: asked by phone on 3 March"))
        form = QFormLayout()
        form.addRow(self.tr("&Numbers:"), self.numbers_edit)
        form.addRow(self.tr("&Reason:"), self.reason_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def numbers(self) -> list[str]:
        """The numbers typed, each as written."""
        return [n for line in self.numbers_edit.toPlainText().splitlines() for n in split_numbers(line)]

    def reason(self) -> str:
        """Why they were added."""
        return self.reason_edit.text().strip()


class OptOutDialog(QDialog):
    """The do-not-message list with Add, Remove, Import and Export.

    Signals:
        none of its own; changes go through the office controller, which tells every open list.
    """

    def __init__(self, office: OfficeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._office = office
        self.setWindowTitle(self.tr("Do not message"))
        self.setSizeGripEnabled(True)
        intro = QLabel(
            self.tr(
                "People who asked not to be messaged. Their numbers are set aside in every list you import "
                "and are never sent to, not even when messages are sent again."
            )
        )
        intro.setWordWrap(True)
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Find a number or a reason"))
        self.search_edit.setAccessibleName(self.tr("Find"))
        self.search_edit.setClearButtonEnabled(True)
        self.model = OptOutModel(self)
        self.proxy = OptOutFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = self._build_table()
        self.count_label = QLabel(self.tr("Loading the list…"), self)
        self.count_label.setAccessibleName(self.tr("List status"))
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("What was done"))
        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.setEnabled(False)
        self.import_button = QPushButton(self.tr("&Import from a spreadsheet…"), self)
        self.export_button = QPushButton(self.tr("&Export…"), self)
        actions = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.import_button, self.export_button):
            button.setAutoDefault(False)
            actions.addWidget(button)
        actions.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.status_label)
        layout.addLayout(actions)
        layout.addWidget(buttons)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        office.optout_changed.connect(self.reload)
        self.resize(760, 480)
        self.reload()

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.proxy)
        table.setAccessibleName(self.tr("Numbers not to message"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        char_px = table.fontMetrics().averageCharWidth()
        for column, chars in _COLUMN_CHARS.items():
            table.setColumnWidth(column, chars * char_px + 16)
        return table

    # ------------------------------------------------------------------ loading

    @Slot()
    def reload(self) -> None:
        """Read the list again (off the GUI thread)."""
        self._office.optout_entries(self, self._on_entries_loaded, self._on_failed)

    @Slot(object)
    def _on_entries_loaded(self, entries: list[OptOutEntry]) -> None:
        self.model.set_entries(entries)
        count = len(entries)
        if not count:
            self.count_label.setText(self.tr("The list is empty."))
        elif count == 1:
            self.count_label.setText(self.tr("1 number is on the list."))
        else:
            self.count_label.setText(self.tr("{count} numbers are on the list.").format(count=f"{count:,}"))

    def selected_phones(self) -> list[str]:
        """The numbers selected in the table (country code + number)."""
        rows = self.table.selectionModel().selectedRows()
        return [str(self.proxy.data(index, PHONE_ROLE)) for index in rows]

    # ------------------------------------------------------------------ changing

    def add(self, numbers: list[str], reason: str) -> None:
        """Add typed numbers (all read first: one that is no number adds nothing, and says why)."""
        if numbers:
            self._office.add_optout(numbers, reason, self, self._on_added, self._on_failed)

    @Slot(object)
    def _on_added(self, change: Change) -> None:
        text = self.tr("Added: {added}. Already on the list: {already}.").format(
            added=f"{len(change.changed):,}", already=f"{len(change.unchanged):,}"
        )
        self._tell(text)

    def remove_selected(self) -> None:
        """Take the selected numbers off the list."""
        phones = self.selected_phones()
        if phones:
            self._office.remove_optout(phones, self, self._on_removed, self._on_failed)

    @Slot(object)
    def _on_removed(self, change: Change) -> None:
        self._tell(self.tr("Removed from the list: {count}.").format(count=f"{len(change.changed):,}"))

    def import_file(self, path: Path) -> None:
        """Add every number of a spreadsheet."""
        self._tell(self.tr("Importing {name}…").format(name=path.name))
        self._office.import_optout(path, self, self._on_imported, self._on_failed)

    @Slot(object)
    def _on_imported(self, result: ListImport) -> None:
        text = self.tr(
            "Rows read: {rows}. Added: {added}. Already on the list: {already}. Rows without a number: "
            "{problems}."
        ).format(
            rows=f"{result.rows:,}",
            added=f"{len(result.change.changed):,}",
            already=f"{len(result.change.unchanged):,}",
            problems=f"{len(result.problems):,}",
        )
        self._tell(text)

    def export(self, path: Path) -> None:
        """Write the list (``.xlsx``, or ``.csv`` by the extension)."""
        headings = (self.tr("Number"), self.tr("Reason"), self.tr("Added (UTC)"), self.tr("Added by"))
        self._office.export_optout(
            path, headings, self.tr("Do not message"), self, self._on_exported, self._on_failed
        )

    @Slot(object)
    def _on_exported(self, rows: int) -> None:
        self._tell(
            self.tr("Saved the list ({rows} rows). The file holds phone numbers: keep it safe.").format(
                rows=f"{rows:,}"
            )
        )

    def _tell(self, text: str) -> None:
        self.status_label.setStyleSheet("")
        self.status_label.setText(text)

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        self.status_label.setStyleSheet(_ERROR_STYLE)
        self.status_label.setText(describe_error(error))

    # ------------------------------------------------------------------ slots

    @Slot(str)
    def _on_search_edit_text_changed(self, text: str) -> None:
        self.proxy.set_search(text)

    @Slot(QItemSelection, QItemSelection)
    def _on_table_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    @Slot()
    def _on_add_button_clicked(self) -> None:
        dialog = AddNumbersDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add(dialog.numbers(), dialog.reason())

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        count = len(self.selected_phones())
        answer = QMessageBox.question(
            self,
            self.tr("Remove from the list"),
            self.tr(
                "Take the selected numbers ({count}) off the do-not-message list? They can be messaged again."
            ).format(count=f"{count:,}"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.remove_selected()

    @Slot()
    def _on_import_button_clicked(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import numbers"),
            "",
            self.tr("Spreadsheets ({patterns})").format(patterns=SPREADSHEET_FILTER),
        )
        if path:
            self.import_file(Path(path))

    @Slot()
    def _on_export_button_clicked(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the list"),
            "do-not-message.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV file (*.csv)"),
        )
        if path:
            self.export(Path(path))
