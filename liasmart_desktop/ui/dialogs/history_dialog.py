"""History: every campaign sent from this computer with its counts; open one to see its messages."""

from __future__ import annotations

import logging

from PySide6.QtCore import QItemSelection, QModelIndex, QSize, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from liasmart_desktop.core.errors import LiaSmartError
from liasmart_desktop.core.sending.summaries import CampaignOverview
from liasmart_desktop.ui.controllers.campaign_controller import CampaignController
from liasmart_desktop.ui.messages import describe_error
from liasmart_desktop.ui.models.history_model import HistoryColumn, HistoryTableModel
from liasmart_desktop.ui.widgets.campaign_actions import CampaignActions

log = logging.getLogger(__name__)

#: Column widths in characters (set once; never resized to contents), at least the header's width. The
#: most useful columns come first; the account and the code are further right.
_COLUMN_CHARS = {
    HistoryColumn.DATE: 18,
    HistoryColumn.NAME: 26,
    HistoryColumn.SENDER: 10,
    HistoryColumn.TYPE: 12,
    HistoryColumn.STATUS: 20,
    HistoryColumn.ACCOUNT: 12,
    HistoryColumn.CODE: 8,
}
_NUMBER_COLUMN_CHARS = 6
_CELL_PADDING_PX = 16
#: The message column's width in characters (its whole text is in the tooltip and below the table).
_MESSAGE_CHARS = 32
#: The dialog opens at this share of the screen (and no wider than the window it belongs to), and never
#: larger than this.
_SCREEN_SHARE = 0.85
_MAX_SIZE_PX = (1000, 560)


class HistoryDialog(QDialog):
    """Past campaigns, read from the journal off the GUI thread.

    Double-click a row, press Enter or use "Open" to show the campaign in the main window.

    Signals:
        campaign_opened(str): the code of the campaign the user opened (the dialog then closes).
        send_now_requested(str): the code of a scheduled campaign to send at once (the dialog closes).
    """

    campaign_opened = Signal(str)
    send_now_requested = Signal(str)

    def __init__(self, campaigns: CampaignController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._campaigns = campaigns
        self._closed = False
        self.setWindowTitle(self.tr("History"))
        self.setSizeGripEnabled(True)

        intro = QLabel(
            self.tr("Campaigns sent from this computer, newest first. Open one to see every message.")
        )
        intro.setWordWrap(True)
        self._status_label = QLabel(self.tr("Loading the history…"))
        self._status_label.setWordWrap(True)
        self._status_label.setAccessibleName(self.tr("History status"))
        self._status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.model = HistoryTableModel(self)
        self._table = self._build_table()

        self._detail_label = QLabel()
        self._detail_label.setWordWrap(True)
        self._detail_label.setAccessibleName(self.tr("Selected campaign"))

        buttons = QDialogButtonBox()
        self._open_button = QPushButton(self.tr("&Open"))
        self._open_button.setDefault(True)
        self._open_button.setEnabled(False)
        self._open_button.setToolTip(self.tr("Show this campaign's messages in the main window"))
        buttons.addButton(self._open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self._refresh_button = QPushButton(self.tr("&Refresh"))
        self._refresh_button.setAutoDefault(False)
        buttons.addButton(self._refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close_button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self._table, stretch=1)
        layout.addWidget(self._status_label)
        layout.addWidget(self._detail_label)
        # The office rules: the record of who sent what, and a scheduled campaign's send now, time, cancel.
        self.campaign_actions = CampaignActions(campaigns.office, self)
        self.campaign_actions.changed.connect(self.load)
        self.campaign_actions.told.connect(self._status_label.setText)
        self.campaign_actions.send_now_requested.connect(self._on_actions_send_now_requested)
        layout.addWidget(self.campaign_actions)
        layout.addWidget(buttons)

        self._open_button.clicked.connect(self._on_open_button_clicked)
        self._refresh_button.clicked.connect(self._on_refresh_button_clicked)
        buttons.rejected.connect(self.reject)
        self._table.doubleClicked.connect(self._on_table_double_clicked)
        self._table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.finished.connect(self._on_self_finished)

        self.resize(self._opening_size(parent))
        self._table.setFocus()
        self.load()

    @staticmethod
    def _opening_size(parent: QWidget | None) -> QSize:
        """Most of the screen the window is on, but not more than the history needs to be read."""
        screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
        room = screen.availableGeometry().size()
        width = min(int(room.width() * _SCREEN_SHARE), _MAX_SIZE_PX[0])
        if parent is not None and parent.isVisible():
            width = min(width, parent.width())
        height = min(int(room.height() * _SCREEN_SHARE), _MAX_SIZE_PX[1])
        return QSize(width, height)

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setAccessibleName(self.tr("Campaigns"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        char_px = table.fontMetrics().averageCharWidth()
        header_metrics = header.fontMetrics()
        for column in HistoryColumn:
            chars = _COLUMN_CHARS.get(column, _NUMBER_COLUMN_CHARS)
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(chars * char_px, header_metrics.horizontalAdvance(title))
            table.setColumnWidth(column, width + _CELL_PADDING_PX)
        table.setColumnWidth(HistoryColumn.MESSAGE, char_px * _MESSAGE_CHARS)
        return table

    # ------------------------------------------------------------------ loading

    def load(self) -> None:
        """Read the journal off the GUI thread; the table fills when it is done."""
        self._refresh_button.setEnabled(False)
        self._status_label.setText(self.tr("Loading the history…"))
        self._campaigns.history(self, self._on_history_loaded, self._on_history_failed)

    @property
    def loading(self) -> bool:
        """Whether a read of the journal is under way."""
        return not self._refresh_button.isEnabled()

    @Slot(object)
    def _on_history_loaded(self, overviews: list[CampaignOverview]) -> None:
        if self._closed:
            return
        self._refresh_button.setEnabled(True)
        selected = self.selected_code()
        self.model.set_campaigns(overviews)
        if not overviews:
            self._status_label.setText(self.tr("Nothing has been sent from this computer yet."))
            return
        count = len(overviews)
        self._status_label.setText(
            self.tr("1 campaign.") if count == 1 else self.tr("{count} campaigns.").format(count=f"{count:,}")
        )
        row = self.model.row_of(selected) if selected else -1
        self._table.selectRow(max(row, 0))

    @Slot(object)
    def _on_history_failed(self, error: BaseException) -> None:
        if self._closed:
            return
        if not isinstance(error, LiaSmartError):
            log.error("reading the history failed", exc_info=error)
        self._refresh_button.setEnabled(True)
        self._status_label.setText(describe_error(error))

    # ------------------------------------------------------------------ selection and opening

    def selected_code(self) -> str:
        """The code of the selected campaign ("" when none is selected)."""
        rows = self._table.selectionModel().selectedRows()
        return self.model.code_at(rows[0].row()) if rows else ""

    def _open(self, code: str) -> None:
        if code:
            self.campaign_opened.emit(code)
            self.accept()

    @Slot()
    def _on_open_button_clicked(self) -> None:
        self._open(self.selected_code())

    @Slot(QModelIndex)
    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self._open(self.model.code_at(index.row()))

    @Slot()
    def _on_refresh_button_clicked(self) -> None:
        self.load()

    @Slot(QItemSelection, QItemSelection)
    def _on_table_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self._table.selectionModel().selectedRows()
        self._open_button.setEnabled(bool(rows))
        self._detail_label.setText(self.model.details_at(rows[0].row()) if rows else "")
        self.campaign_actions.set_selection(self.model.overview_at(rows[0].row()) if rows else None)

    @Slot(str)
    def _on_actions_send_now_requested(self, code: str) -> None:
        self.send_now_requested.emit(code)
        self.accept()

    @Slot(int)
    def _on_self_finished(self, _result: int) -> None:
        # A read still under way reports to a closed dialog; it is ignored.
        self._closed = True
