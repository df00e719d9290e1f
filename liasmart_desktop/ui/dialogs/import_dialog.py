"""The import dialog: choose a recipient list, see how every row was read, fix the options, use it.

Every change of an option (sheet, header row, phone column, default country, encoding, separator)
reads the file again with ``core.importing.import_file`` on the task runner's pool, never on the GUI
thread; a newer read supersedes an older one, whose result is ignored when it arrives. A file that
cannot be used is one translated sentence in the dialog, never an exception, and the OK button
stays disabled until a read has recipients.
"""

from __future__ import annotations

import functools
import itertools
import logging
from pathlib import Path
from typing import Final

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStandardPaths, Qt, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from liasmart_desktop.core.importing import (
    CancelToken,
    EncodingSource,
    FileFormat,
    ImportCancelledError,
    ImportCounts,
    ImportFileError,
    ImportOptions,
    ImportProblem,
    ImportProgress,
    ImportReport,
    ImportStage,
    RowProblem,
    RowStatus,
    import_file,
    write_problem_rows,
)
from liasmart_desktop.core.importing.sample import EXAMPLE_PHONES, SampleSheet, write_sample_spreadsheet
from liasmart_desktop.ui import countries
from liasmart_desktop.ui import import_messages as messages
from liasmart_desktop.ui.messages import join_sentences
from liasmart_desktop.ui.models.import_preview_model import (
    Column,
    ImportPreviewModel,
    PreviewRows,
    preview_rows,
    status_icon,
)
from liasmart_desktop.ui.services import AppServices
from liasmart_desktop.ui.widgets.country_picker import CountryPicker
from liasmart_desktop.ui.workers.task_runner import TaskContext

log = logging.getLogger(__name__)

CONTEXT: Final = "ImportDialog"
FILE_FILTER: Final = QT_TRANSLATE_NOOP(
    "ImportDialog", "Spreadsheets and text files (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt);;All files (*)"
)
XLSX_FILTER: Final = QT_TRANSLATE_NOOP("ImportDialog", "Excel workbook (*.xlsx)")
CSV_FILTER: Final = QT_TRANSLATE_NOOP("ImportDialog", "CSV, UTF-8 (*.csv)")
#: File problems that only a text file can have: its encoding and separator stay changeable.
TEXT_PROBLEMS: Final = frozenset(
    {
        ImportProblem.UNKNOWN_ENCODING_NAME,
        ImportProblem.ENCODING_MISMATCH,
        ImportProblem.ENCODING_UNDETECTED,
        ImportProblem.BAD_DELIMITER,
        ImportProblem.UNBALANCED_QUOTE,
        ImportProblem.MALFORMED_TEXT,
        ImportProblem.NUL_BYTE,
    }
)
#: The buckets of rows that get no message (the filter's "All rows with problems").
PROBLEM_STATUSES: Final = (
    RowStatus.INVALID,
    RowStatus.MISSING,
    RowStatus.DAMAGED,
    RowStatus.DUPLICATE,
    RowStatus.AMBIGUOUS,
)
COLUMN_WIDTHS_PX: Final = {
    Column.ROW: 60,
    Column.STATUS: 150,
    Column.REASON: 340,
    Column.PHONE_AS_READ: 150,
    Column.PHONE_AS_SENT: 150,
    Column.COUNTRY: 140,
}
FILE_COLUMN_WIDTH_PX: Final = 130
ICON_SIZE_PX: Final = 16


def _tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def _read_file(
    path: Path, options: ImportOptions, tokens: tuple[CancelToken, CancelToken], context: TaskContext
) -> tuple[ImportReport, PreviewRows]:
    """The import, on a pool thread: the report and its rows already in preview order.

    ``tokens`` are this read's (Stop, a newer read, closing) and the dialog's lifetime (destroyed).
    """
    read, lifetime = tokens
    report = import_file(
        path,
        options,
        on_progress=context.progress,
        should_cancel=lambda: read.is_cancelled() or lifetime.is_cancelled(),
    )
    return report, preview_rows(report)


def bucket_counts(counts: ImportCounts) -> dict[RowStatus, int]:
    """The counts by bucket, in the order the dialog shows them."""
    return {
        RowStatus.RECIPIENT: counts.recipients,
        RowStatus.INVALID: counts.invalid,
        RowStatus.MISSING: counts.missing,
        RowStatus.DAMAGED: counts.damaged,
        RowStatus.DUPLICATE: counts.duplicate,
        RowStatus.AMBIGUOUS: counts.ambiguous,
    }


def _describe_problem(problem: RowProblem) -> tuple[str, str]:
    return messages.status_name(problem.status), messages.describe_row_problem(problem)


def _write_problems(report: ImportReport, path: Path, headings: tuple[str, str, str], _: TaskContext) -> int:
    # QCoreApplication.translate is thread-safe, so the reasons are worded on the pool thread.
    return write_problem_rows(report, path, headings=headings, describe=_describe_problem)


def _write_sample(path: Path, sample: SampleSheet, _: TaskContext) -> Path:
    return write_sample_spreadsheet(path, sample)


def _with_suffix(path: Path, selected_filter: str, csv_filter: str) -> Path:
    """The chosen name with the suffix of the chosen file type when it has neither .xlsx nor .csv."""
    if path.suffix.lower() in (".xlsx", ".csv"):
        return path
    return path.with_name(path.name + (".csv" if selected_filter == csv_filter else ".xlsx"))


class ImportDialog(QDialog):
    """Choose a recipient list, check how every row was read, and use it.

    After ``exec()`` returns ``Accepted``, ``report`` is the import to send to and ``path`` its file.

    Signals:
        import_finished(object): a read finished; the new ``ImportReport`` is shown.
        import_failed(str): the file could not be used; the sentence shown in the dialog.
    """

    import_finished = Signal(object)
    import_failed = Signal(str)

    def __init__(
        self, services: AppServices, path: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._path: Path | None = None
        self._report: ImportReport | None = None
        self._generation = 0  # bumped by every read; older results are ignored
        self._token: CancelToken | None = None
        # Cancelled when the dialog is destroyed without being closed (its parent went away).
        self._lifetime = CancelToken()
        self.destroyed.connect(self._lifetime.cancel)
        self._error = ""
        # The options of the next read (None: let the importer decide).
        self._sheet: str | None = None
        self._has_header = True
        self._phone_column: str | None = None
        self._country: str | None = services.settings.default_country or None
        self._encoding: str | None = None
        self._delimiter: str | None = None
        # What the last reads found, kept across failed reads so the user can fix the options.
        self._text_file = False
        self._sheets: tuple[str, ...] = ()
        self._detected_encoding = ""
        self._detected_delimiter = ""

        self._model = ImportPreviewModel(self)
        self._build()
        self._connect()
        self._show_report(None)
        self._set_error("")
        self._set_status("")
        self._update_file_controls()
        self._update_busy()
        self._choose_button.setFocus()
        if path is not None:
            self.load_file(path)

    # ------------------------------------------------------------------ public interface

    @property
    def report(self) -> ImportReport:
        """The import shown (after ``exec()`` returned ``Accepted``)."""
        if self._report is None:
            raise RuntimeError("no import has finished")
        return self._report

    @property
    def path(self) -> Path:
        """The file the report was read from."""
        if self._path is None:
            raise RuntimeError("no file has been chosen")
        return self._path

    @property
    def preview_model(self) -> ImportPreviewModel:
        """The model behind the preview grid."""
        return self._model

    @property
    def busy(self) -> bool:
        """Whether a read is running."""
        return self._token is not None

    @property
    def error_text(self) -> str:
        """The sentence shown for a file that cannot be used ("" when there is none)."""
        return self._error

    def load_file(self, path: Path) -> None:
        """Read ``path`` with fresh options (the default country is kept)."""
        self._path = Path(path)
        self._sheet = self._phone_column = self._encoding = self._delimiter = None
        self._has_header = True
        self._text_file = self._path.suffix.lower() in (".csv", ".tsv", ".txt")
        self._sheets = ()
        self._detected_encoding = self._detected_delimiter = ""
        self._header_check.setChecked(False)
        self._file_edit.setText(str(self._path))
        self._file_edit.setCursorPosition(len(str(self._path)))
        self.setWindowTitle(self.tr("Import recipients — {name}").format(name=self._path.name))
        self._start_import()

    def done(self, result: int) -> None:
        """Override: a read still running is cancelled and its result ignored."""
        self._cancel_import()
        self._generation += 1
        super().done(result)

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.setWindowTitle(self.tr("Import recipients"))
        self.setAcceptDrops(True)
        self.resize(980, 700)
        self._build_file_widgets()
        self._build_option_widgets()
        self._build_info_widgets()
        self._build_preview_widgets()
        self._build_layout()
        self._set_tab_order()

    def _build_file_widgets(self) -> None:
        self._intro_label = QLabel(
            self.tr(
                "Choose the spreadsheet or CSV file with your recipients. The phone numbers can be in any "
                "column; the other columns become merge fields for the message."
            )
        )
        self._intro_label.setWordWrap(True)
        self._file_edit = QLineEdit()
        self._file_edit.setReadOnly(True)
        self._file_edit.setPlaceholderText(self.tr("No file chosen"))
        self._file_edit.setAccessibleName(self.tr("File"))
        self._choose_button = QPushButton(self.tr("Choose &file…"))
        self._choose_button.setToolTip(self.tr("Choose the file to import (Ctrl+O)"))
        self._choose_button.setAutoDefault(False)
        self._reload_button = QPushButton(self.tr("&Reload"))
        self._reload_button.setToolTip(self.tr("Read the file again, after you changed it in Excel (F5)"))
        self._reload_button.setAutoDefault(False)
        self._open_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Open), self)
        self._reload_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)

    def _build_option_widgets(self) -> None:
        self._sheet_combo = QComboBox()
        self._sheet_combo.setAccessibleName(self.tr("Sheet"))
        self._sheet_combo.setPlaceholderText(self.tr("Choose a workbook first"))
        self._sheet_combo.setToolTip(self.tr("The worksheet that holds the list"))
        self._header_check = QCheckBox(self.tr("First row is &data (no header row)"))
        self._header_check.setToolTip(
            self.tr("Tick this when the first row already holds a recipient; columns are then named A, B, C…")
        )
        self._phone_combo = QComboBox()
        self._phone_combo.setAccessibleName(self.tr("Column with the phone numbers"))
        self._phone_combo.setPlaceholderText(self.tr("Choose the column"))
        self._country_combo = CountryPicker(
            none_text=self.tr("None — every number must have its country code")
        )
        self._country_combo.setAccessibleName(self.tr("Default country"))
        self._country_combo.setToolTip(
            self.tr(
                "Used only for numbers written without their country code; numbers that have one keep it. "
                "Type a country's name or code to find it."
            )
        )
        # An unknown code from the settings shows "None"; the importer says what is wrong with it.
        self._country_combo.set_country(self._country or "")
        self._encoding_combo = QComboBox()
        self._encoding_combo.setAccessibleName(self.tr("Text encoding"))
        self._encoding_combo.setToolTip(
            self.tr("How the characters of a CSV or text file are stored; change it if names look garbled.")
        )
        self._encoding_combo.addItem(self.tr("Automatic"), None)
        for codec, title in messages.encoding_choices():
            self._encoding_combo.addItem(title, codec)
        self._delimiter_combo = QComboBox()
        self._delimiter_combo.setAccessibleName(self.tr("Column separator"))
        self._delimiter_combo.setToolTip(self.tr("The character between the columns of a CSV or text file"))
        self._delimiter_combo.addItem(self.tr("Automatic"), None)
        for value, title in messages.delimiter_choices():
            self._delimiter_combo.addItem(title, value)

    def _build_info_widgets(self) -> None:
        self._details_label = self._info_label(self.tr("Details"))
        self._fields_label = self._info_label(self.tr("Merge fields"))
        self._notes_label = self._info_label(self.tr("Notes"))
        self._notes_icon = self._icon_label(QStyle.StandardPixmap.SP_MessageBoxInformation)
        self._error_label = self._info_label(self.tr("Problem with the file"))
        self._error_icon = self._icon_label(QStyle.StandardPixmap.SP_MessageBoxCritical)
        self._status_label = self._info_label(self.tr("Status"))

        self._progress_bar = QProgressBar()
        self._progress_bar.setAccessibleName(self.tr("Reading progress"))
        self._progress_bar.setTextVisible(True)
        self._stop_button = QPushButton(self.tr("S&top reading"))
        self._stop_button.setAutoDefault(False)

        self._bucket_icons: dict[RowStatus, QLabel] = {}
        self._bucket_labels: dict[RowStatus, QLabel] = {}
        for status in RowStatus:
            icon = QLabel()
            icon.setPixmap(status_icon(status).pixmap(ICON_SIZE_PX, ICON_SIZE_PX))
            self._bucket_icons[status] = icon
            self._bucket_labels[status] = QLabel()
        self._empty_rows_label = QLabel()

    def _build_preview_widgets(self) -> None:
        self._filter_combo = QComboBox()
        self._filter_combo.setAccessibleName(self.tr("Show rows"))
        self._table = QTableView()
        self._table.setModel(self._model)
        self._table.setAccessibleName(self.tr("Preview of the rows"))
        self._table.setWordWrap(False)
        self._table.setAlternatingRowColors(True)
        self._table.setTabKeyNavigation(False)  # Tab leaves the grid; arrows move inside it
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self._table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._table.horizontalHeader().setStretchLastSection(True)

        self._export_button = QPushButton(self.tr("E&xport rows with problems…"))
        self._export_button.setToolTip(
            self.tr(
                "Save the rows that get no message, with the reason, to fix them in Excel and import again"
            )
        )
        self._export_button.setAutoDefault(False)
        self._sample_button = QPushButton(self.tr("Download a sa&mple spreadsheet…"))
        self._sample_button.setToolTip(
            self.tr("Save an Excel file with the expected columns, the phone column formatted as Text")
        )
        self._sample_button.setAutoDefault(False)
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._ok_button = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok_button.setDefault(True)
        self._cancel_button = self._buttons.button(QDialogButtonBox.StandardButton.Cancel)

    def _info_label(self, accessible_name: str) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAccessibleName(accessible_name)
        return label

    def _icon_label(self, pixmap: QStyle.StandardPixmap) -> QLabel:
        label = QLabel()
        label.setPixmap(self.style().standardIcon(pixmap).pixmap(ICON_SIZE_PX, ICON_SIZE_PX))
        label.setAlignment(Qt.AlignmentFlag.AlignTop)
        return label

    def _labelled(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self._intro_label)
        layout.addLayout(self._file_row())
        layout.addLayout(self._options_grid())
        layout.addWidget(self._details_label)
        layout.addWidget(self._fields_label)
        layout.addLayout(self._row(self._notes_icon, self._notes_label))
        layout.addLayout(self._row(self._error_icon, self._error_label))
        layout.addLayout(self._row(self._progress_bar, self._stop_button, stretch_first=True))
        layout.addWidget(self._status_label)
        layout.addWidget(self._counts_group())
        filter_row = QHBoxLayout()
        filter_row.addWidget(self._labelled(self.tr("Sho&w:"), self._filter_combo))
        filter_row.addWidget(self._filter_combo)
        filter_row.addStretch(1)
        filter_row.addWidget(self._export_button)
        layout.addLayout(filter_row)
        layout.addWidget(self._table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self._sample_button)
        bottom.addStretch(1)
        bottom.addWidget(self._buttons)
        layout.addLayout(bottom)

    @staticmethod
    def _row(first: QWidget, second: QWidget, *, stretch_first: bool = False) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(first, 1 if stretch_first else 0)
        row.addWidget(second, 0 if stretch_first else 1)
        return row

    def _file_row(self) -> QHBoxLayout:
        file_row = QHBoxLayout()
        file_row.addWidget(self._labelled(self.tr("File:"), self._file_edit))
        file_row.addWidget(self._file_edit, 1)
        file_row.addWidget(self._choose_button)
        file_row.addWidget(self._reload_button)
        return file_row

    def _options_grid(self) -> QGridLayout:
        options = QGridLayout()
        options.addWidget(self._labelled(self.tr("&Sheet:"), self._sheet_combo), 0, 0)
        options.addWidget(self._sheet_combo, 0, 1)
        options.addWidget(self._header_check, 0, 2, 1, 2)
        options.addWidget(self._labelled(self.tr("P&hone numbers in:"), self._phone_combo), 1, 0)
        options.addWidget(self._phone_combo, 1, 1)
        options.addWidget(self._labelled(self.tr("Default &country:"), self._country_combo), 1, 2)
        options.addWidget(self._country_combo, 1, 3)
        options.addWidget(self._labelled(self.tr("&Encoding:"), self._encoding_combo), 2, 0)
        options.addWidget(self._encoding_combo, 2, 1)
        options.addWidget(self._labelled(self.tr("Column se&parator:"), self._delimiter_combo), 2, 2)
        options.addWidget(self._delimiter_combo, 2, 3)
        options.setColumnStretch(1, 1)
        options.setColumnStretch(3, 1)
        return options

    def _counts_group(self) -> QGroupBox:
        self._counts_box = QGroupBox(self.tr("What the file holds"))
        counts = QGridLayout(self._counts_box)
        for position, status in enumerate(RowStatus):
            row, column = divmod(position, 2)
            counts.addWidget(self._bucket_icons[status], row, column * 2)
            counts.addWidget(self._bucket_labels[status], row, column * 2 + 1)
        counts.addWidget(self._empty_rows_label, counts.rowCount(), 1)
        counts.setColumnStretch(1, 1)
        counts.setColumnStretch(3, 1)
        return self._counts_box

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self._file_edit,
            self._choose_button,
            self._reload_button,
            self._sheet_combo,
            self._header_check,
            self._phone_combo,
            self._country_combo,
            self._encoding_combo,
            self._delimiter_combo,
            self._stop_button,
            self._filter_combo,
            self._export_button,
            self._table,
            self._sample_button,
            self._ok_button,
            self._cancel_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self._choose_button.clicked.connect(self._on_choose_button_clicked)
        self._reload_button.clicked.connect(self._on_reload_button_clicked)
        self._open_shortcut.activated.connect(self._on_choose_button_clicked)
        self._reload_shortcut.activated.connect(self._on_reload_button_clicked)
        self._sheet_combo.activated.connect(self._on_sheet_combo_activated)
        self._header_check.clicked.connect(self._on_header_check_clicked)
        self._phone_combo.activated.connect(self._on_phone_combo_activated)
        self._country_combo.country_changed.connect(self._on_country_combo_country_changed)
        self._encoding_combo.activated.connect(self._on_encoding_combo_activated)
        self._delimiter_combo.activated.connect(self._on_delimiter_combo_activated)
        self._stop_button.clicked.connect(self._on_stop_button_clicked)
        self._filter_combo.currentIndexChanged.connect(self._on_filter_combo_current_index_changed)
        self._export_button.clicked.connect(self._on_export_button_clicked)
        self._sample_button.clicked.connect(self._on_sample_button_clicked)
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)

    # ------------------------------------------------------------------ slots: options

    @Slot()
    def _on_choose_button_clicked(self) -> None:
        folder = (
            str(self._path.parent)
            if self._path is not None
            else str(self._services.start_folder())  # the last folder used, else Documents
        )
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the recipient list"), folder, _tr(FILE_FILTER)
        )
        if chosen:
            self.load_file(Path(chosen))

    @Slot()
    def _on_reload_button_clicked(self) -> None:
        self._start_import()

    @Slot(int)
    def _on_sheet_combo_activated(self, index: int) -> None:
        sheet = self._sheet_combo.itemText(index)
        if self._report is not None and self._report.sheet == sheet and not self.busy:
            return
        self._sheet = sheet
        self._phone_column = None  # another sheet has other columns
        self._start_import()

    @Slot(bool)
    def _on_header_check_clicked(self, checked: bool) -> None:
        self._has_header = not checked
        self._phone_column = None  # the columns are renamed (letters, or the header's names)
        self._start_import()

    @Slot(int)
    def _on_phone_combo_activated(self, index: int) -> None:
        column = self._phone_combo.itemData(index)
        if self._report is not None and self._report.phone_column == column and not self.busy:
            return
        self._phone_column = column
        self._start_import()

    @Slot(str)
    def _on_country_combo_country_changed(self, code: str) -> None:
        country = code or None
        if country == self._country:
            return
        self._country = country
        self._start_import()

    @Slot(int)
    def _on_encoding_combo_activated(self, index: int) -> None:
        encoding = self._encoding_combo.itemData(index)
        if encoding == self._encoding:
            return
        self._encoding = encoding
        self._phone_column = None  # the header may read differently
        self._start_import()

    @Slot(int)
    def _on_delimiter_combo_activated(self, index: int) -> None:
        delimiter = self._delimiter_combo.itemData(index)
        if delimiter == self._delimiter:
            return
        self._delimiter = delimiter
        self._phone_column = None
        self._start_import()

    @Slot(int)
    def _on_filter_combo_current_index_changed(self, index: int) -> None:
        statuses = self._filter_combo.itemData(index) if index >= 0 else ()
        self._model.set_statuses(statuses or ())

    # ------------------------------------------------------------------ reading

    def _options(self) -> ImportOptions:
        return ImportOptions(
            sheet=self._sheet,
            has_header=self._has_header,
            phone_column=self._phone_column,
            country=self._country,
            home_regions=countries.home_regions(),
            encoding=self._encoding if self._text_file else None,
            delimiter=self._delimiter if self._text_file else None,
        )

    def _start_import(self) -> None:
        if self._path is None:
            return
        self._cancel_import()
        self._generation += 1
        generation = self._generation
        token = self._token = CancelToken()
        self._set_error("")
        self._status_label.setText(self.tr("Opening the file…"))
        self._progress_bar.setRange(0, 0)
        self._services.tasks.run(
            functools.partial(_read_file, self._path, self._options(), (token, self._lifetime)),
            functools.partial(self._on_import_succeeded, generation),
            functools.partial(self._on_import_failed, generation),
            functools.partial(self._on_import_progressed, generation),
            owner=self,
        )
        self._update_busy()

    def _cancel_import(self) -> None:
        if self._token is not None:
            self._token.cancel()
        self._token = None

    @Slot()
    def _on_stop_button_clicked(self) -> None:
        if self._token is not None:
            self._token.cancel()
            self._stop_button.setEnabled(False)
            self._status_label.setText(self.tr("Stopping…"))

    def _is_current(self, generation: int) -> bool:
        """Whether a read's answer is still wanted: the newest read, and the dialog not yet destroyed."""
        return generation == self._generation and shiboken6.isValid(self)

    def _on_import_progressed(self, generation: int, progress: object) -> None:
        if not self._is_current(generation) or not isinstance(progress, ImportProgress):
            return
        if progress.stage is ImportStage.READING or not progress.total:
            self._progress_bar.setRange(0, 0)
            return
        self._progress_bar.setRange(0, progress.total)
        self._progress_bar.setValue(min(progress.done, progress.total))
        self._status_label.setText(
            self.tr("Reading rows: {done} of {total}").format(
                done=messages.count_text(progress.done), total=messages.count_text(progress.total)
            )
        )

    def _on_import_succeeded(self, generation: int, result: tuple[ImportReport, PreviewRows]) -> None:
        if not self._is_current(generation):
            return
        report, rows = result
        self._token = None
        self._text_file = report.format is FileFormat.TEXT
        self._sheets = report.sheets
        if self._encoding is None and report.encoding:
            source = report.encoding_source or EncodingSource.GIVEN
            self._detected_encoding = self.tr("{encoding}, {how}").format(
                encoding=report.encoding, how=messages.encoding_source_name(source)
            )
        if self._delimiter is None and report.delimiter:
            self._detected_delimiter = messages.delimiter_name(report.delimiter)
        self._status_label.setText("")
        self._show_report(report, rows)
        self._update_file_controls()
        self._update_busy()
        self.import_finished.emit(report)

    def _on_import_failed(self, generation: int, error: BaseException) -> None:
        if not self._is_current(generation):
            return
        self._token = None
        self._show_report(None)
        self._phone_combo.clear()
        if isinstance(error, ImportCancelledError):
            self._status_label.setText(self.tr("Reading stopped. Press Reload to read the file again."))
            self._update_file_controls()
            self._update_busy()
            return
        if isinstance(error, ImportFileError):
            sentence = messages.describe_import_error(error)
            self._learn_from_error(error)
        else:
            log.error("import of %s failed", self._path, exc_info=error)
            sentence = messages.describe_unexpected(error)
        self._status_label.setText("")
        self._set_error(sentence)
        self._update_file_controls()
        self._update_busy()
        self.import_failed.emit(sentence)

    def _learn_from_error(self, error: ImportFileError) -> None:
        """Keep what a failed read still tells, so the user can fix the options from the dialog."""
        params = error.params
        if error.code in TEXT_PROBLEMS:
            self._text_file = True
        if error.code is ImportProblem.SHEET_EMPTY and not params.get("sheet"):
            self._text_file = True
        sheets, columns = params.get("sheets"), params.get("columns")
        if isinstance(sheets, tuple):
            self._sheets = sheets
        if isinstance(columns, tuple):
            self._phone_combo.clear()
            for name in columns:
                self._phone_combo.addItem(name, name)
            self._phone_combo.setCurrentIndex(-1)
            self._phone_combo.setEnabled(bool(columns))

    # ------------------------------------------------------------------ showing

    def _show_report(self, report: ImportReport | None, rows: PreviewRows | None = None) -> None:
        self._report = report
        self._model.load(report, rows)
        self._size_columns()
        self._show_counts(report)
        self._show_details(report)
        self._show_filter(report)
        if report is not None:
            self._fill_phone_combo(report)

    def _size_columns(self) -> None:
        for column in range(self._model.columnCount()):
            width = COLUMN_WIDTHS_PX.get(Column(column), 0) if column < len(Column) else 0
            self._table.setColumnWidth(column, width or FILE_COLUMN_WIDTH_PX)

    def _show_counts(self, report: ImportReport | None) -> None:
        counts = bucket_counts(report.counts if report is not None else ImportCounts())
        for status, count in counts.items():
            self._bucket_labels[status].setText(messages.bucket_count(status, count))
            self._bucket_labels[status].setEnabled(bool(count))
            self._bucket_icons[status].setEnabled(bool(count))
        empty = report.empty_rows if report is not None else 0
        self._empty_rows_label.setText(messages.empty_rows_count(empty))
        self._empty_rows_label.setEnabled(bool(empty))
        self._counts_box.setVisible(report is not None)
        self._ok_button.setText(messages.use_recipients(counts[RowStatus.RECIPIENT]))

    def _show_details(self, report: ImportReport | None) -> None:
        if report is None:
            self._details_label.setText("")
            self._fields_label.setText("")
            self._notes_label.setText("")
            self._details_label.setVisible(False)
            self._fields_label.setVisible(False)
            self._set_notes("")
            return
        if report.header_row is not None:
            header = self.tr("Column names are taken from row {row}.").format(row=report.header_row)
        else:
            header = self.tr("No header row: every row is data and columns are named by their letters.")
        read = self.tr("{count} data rows read.").format(count=messages.count_text(report.rows))
        self._details_label.setText(join_sentences((read, header)))
        self._details_label.setVisible(True)
        fields = [name for index, name in enumerate(report.columns) if index != report.phone_column_index]
        if fields:
            self._fields_label.setText(
                self.tr("Merge fields for the message: {fields}").format(
                    fields=" ".join(f"{{{name}}}" for name in fields)
                )
            )
        else:
            self._fields_label.setText(
                self.tr("The list has no other columns, so the message has no merge fields.")
            )
        self._fields_label.setVisible(True)
        self._set_notes("\n".join(messages.describe_note(note) for note in report.notes))

    def _set_notes(self, text: str) -> None:
        self._notes_label.setText(text)
        self._notes_label.setVisible(bool(text))
        self._notes_icon.setVisible(bool(text))

    def _set_error(self, sentence: str) -> None:
        self._error = sentence
        self._error_label.setText(sentence)
        self._error_label.setVisible(bool(sentence))
        self._error_icon.setVisible(bool(sentence))

    def _show_filter(self, report: ImportReport | None) -> None:
        counts = bucket_counts(report.counts if report is not None else ImportCounts())
        choices: list[tuple[str, tuple[RowStatus, ...], int]] = [
            (self.tr("All rows"), (), sum(counts.values())),
            (messages.status_name(RowStatus.RECIPIENT), (RowStatus.RECIPIENT,), counts[RowStatus.RECIPIENT]),
            (
                self.tr("All rows with problems"),
                PROBLEM_STATUSES,
                sum(counts[status] for status in PROBLEM_STATUSES),
            ),
        ]
        choices.extend(
            (messages.status_name(status), (status,), counts[status]) for status in PROBLEM_STATUSES
        )
        current = max(self._filter_combo.currentIndex(), 0)
        self._filter_combo.blockSignals(True)
        self._filter_combo.clear()
        for title, statuses, count in choices:
            self._filter_combo.addItem(
                self.tr("{title} ({count})").format(title=title, count=messages.count_text(count)), statuses
            )
        self._filter_combo.setCurrentIndex(current)
        self._filter_combo.blockSignals(False)
        self._model.set_statuses(choices[current][1])

    def _fill_phone_combo(self, report: ImportReport) -> None:
        self._phone_combo.clear()
        for name, letters in zip(report.columns, report.column_letters, strict=False):
            title = (
                name
                if name == letters
                else self.tr("{name} (column {letters})").format(name=name, letters=letters)
            )
            self._phone_combo.addItem(title, name)
        self._phone_combo.setCurrentIndex(report.phone_column_index)

    def _update_file_controls(self) -> None:
        """Enable the options that apply to the file, and show what was detected."""
        has_file = self._path is not None
        self._reload_button.setEnabled(has_file)
        self._header_check.setEnabled(has_file)
        sheets = () if self._text_file else self._sheets
        self._sheet_combo.clear()
        self._sheet_combo.addItems(list(sheets))
        shown_sheet = self._report.sheet if self._report is not None else self._sheet
        if shown_sheet in sheets:
            self._sheet_combo.setCurrentIndex(sheets.index(shown_sheet))
        # Greyed only with nothing to offer, and then it says why (issue 14: never greyed and blank).
        self._sheet_combo.setEnabled(bool(sheets))
        if not has_file:
            self._sheet_combo.setPlaceholderText(self.tr("Choose a workbook first"))
        elif self._text_file:
            self._sheet_combo.setPlaceholderText(self.tr("A text file has no sheets"))
        else:
            self._sheet_combo.setPlaceholderText(self.tr("Choose the sheet"))
        if self._report is None and not self._phone_combo.count():
            self._phone_combo.setEnabled(False)
        elif self._report is not None:
            self._phone_combo.setEnabled(True)
        self._encoding_combo.setItemText(
            0,
            self.tr("Automatic (found: {encoding})").format(encoding=self._detected_encoding)
            if self._detected_encoding
            else self.tr("Automatic"),
        )
        self._delimiter_combo.setItemText(
            0,
            self.tr("Automatic (found: {delimiter})").format(delimiter=self._detected_delimiter)
            if self._detected_delimiter
            else self.tr("Automatic"),
        )
        self._select_data(self._encoding_combo, self._encoding)
        self._select_data(self._delimiter_combo, self._delimiter)
        self._encoding_combo.setEnabled(self._text_file)
        self._delimiter_combo.setEnabled(self._text_file)

    def _update_busy(self) -> None:
        busy = self.busy
        self._progress_bar.setVisible(busy)
        self._stop_button.setVisible(busy)
        self._stop_button.setEnabled(busy)
        self._status_label.setVisible(bool(self._status_label.text()))
        report = self._report
        self._ok_button.setEnabled(
            not busy and report is not None and not self._error and report.counts.recipients > 0
        )
        self._export_button.setEnabled(not busy and report is not None and bool(report.problems))

    @staticmethod
    def _select_data(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    # ------------------------------------------------------------------ slots: files out

    @Slot()
    def _on_export_button_clicked(self) -> None:
        report = self._report
        if report is None or not report.problems:
            return
        base = self._path if self._path is not None else Path(report.source)
        suggested = base.with_name(self.tr("{name} - rows to fix").format(name=base.stem) + ".xlsx")
        xlsx_filter, csv_filter = _tr(XLSX_FILTER), _tr(CSV_FILTER)
        chosen, selected = QFileDialog.getSaveFileName(
            self, self.tr("Export rows with problems"), str(suggested), f"{xlsx_filter};;{csv_filter}"
        )
        if not chosen:
            return
        target = _with_suffix(Path(chosen), selected, csv_filter)
        headings = (self.tr("Row"), self.tr("Status"), self.tr("Reason"))
        self._set_status(self.tr("Saving {name}…").format(name=target.name))
        self._services.tasks.run(
            functools.partial(_write_problems, report, target, headings),
            functools.partial(self._on_export_succeeded, target),
            functools.partial(self._on_save_failed, target),
            owner=self,
        )

    def _on_export_succeeded(self, target: Path, written: int) -> None:
        self._set_status(messages.saved_problem_rows(written, str(target)))

    @Slot()
    def _on_sample_button_clicked(self) -> None:
        folder = (
            self._path.parent
            if self._path is not None
            else Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
        )
        suggested = folder / (self.tr("Recipients sample") + ".xlsx")
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save a sample spreadsheet"), str(suggested), _tr(XLSX_FILTER)
        )
        if not chosen:
            return
        target = Path(chosen) if chosen.lower().endswith(".xlsx") else Path(chosen + ".xlsx")
        self._services.tasks.run(
            functools.partial(_write_sample, target, self._sample_sheet()),
            functools.partial(self._on_sample_succeeded, target),
            functools.partial(self._on_save_failed, target),
            owner=self,
        )

    def _sample_sheet(self) -> SampleSheet:
        """The sample in the user's language (the phone header must stay one the importer knows)."""
        return SampleSheet(
            headers=(
                self.tr("Phone", "sample spreadsheet header: a name the importer knows, e.g. 手机号码"),
                self.tr("Name", "sample spreadsheet header"),
                self.tr("City", "sample spreadsheet header"),
            ),
            rows=(
                (EXAMPLE_PHONES[0], self.tr("Alice", "sample name"), self.tr("New York", "sample city")),
                (EXAMPLE_PHONES[1], self.tr("Bruce", "sample name"), self.tr("Sydney", "sample city")),
            ),
            title=self.tr("Recipients", "sample worksheet name"),
        )

    def _on_sample_succeeded(self, target: Path, _: Path) -> None:
        self._set_status(
            self.tr(
                "Saved the sample to {path}. Fill it in (keep the phone column as Text), save it, and "
                "choose it here."
            ).format(path=target)
        )

    def _on_save_failed(self, target: Path, error: BaseException) -> None:
        if isinstance(error, OSError):
            self._set_status(messages.describe_save_error(str(target), error))
            return
        log.error("saving %s failed", target, exc_info=error)
        self._set_status(messages.describe_unexpected(error))

    def _set_status(self, text: str) -> None:
        if not shiboken6.isValid(self._status_label):  # a save finished after the dialog was destroyed
            return
        self._status_label.setText(text)
        self._status_label.setVisible(bool(text))

    # ------------------------------------------------------------------ drag and drop

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Override: accept one local file dropped on the dialog."""
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if len(urls) == 1 and urls[0].isLocalFile():
            event.acceptProposedAction()
            return
        event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """Override: read the dropped file."""
        urls = event.mimeData().urls()
        if len(urls) == 1 and urls[0].isLocalFile():
            event.acceptProposedAction()
            self.load_file(Path(urls[0].toLocalFile()))
