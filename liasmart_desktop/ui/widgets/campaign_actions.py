"""History's actions for the selected campaign: its record, and for a scheduled one Send now, Change the
time and Cancel; and the record of every campaign as a workbook."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QMessageBox, QPushButton, QWidget

from liasmart_desktop.core.sending.schedule import from_utc_text
from liasmart_desktop.core.sending.states import CampaignStatus
from liasmart_desktop.core.sending.summaries import CampaignOverview
from liasmart_desktop.ui.controllers.office_controller import OfficeController
from liasmart_desktop.ui.dialogs.campaign_record_dialog import CampaignRecordDialog
from liasmart_desktop.ui.dialogs.send_time_dialog import SendTimeDialog
from liasmart_desktop.ui.messages import describe_error
from liasmart_desktop.ui.office_messages import record_words


class CampaignActions(QWidget):
    """Buttons acting on the campaign History has selected.

    Signals:
        changed(): a campaign was moved or cancelled (History reloads).
        send_now_requested(str): the code of a scheduled campaign to send at once.
        told(str): a sentence for History's status line (what was done, or what went wrong).
    """

    changed = Signal()
    send_now_requested = Signal(str)
    told = Signal(str)

    def __init__(self, office: OfficeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._office = office
        self._overview: CampaignOverview | None = None
        self.record_button = QPushButton(self.tr("Re&cord…"), self)
        self.record_button.setToolTip(self.tr("Who started it, with which template and list, and every step"))
        self.send_now_button = QPushButton(self.tr("Send &now"), self)
        self.change_time_button = QPushButton(self.tr("Change the &time…"), self)
        self.cancel_button = QPushButton(self.tr("Cance&l…"), self)
        self.export_button = QPushButton(self.tr("E&xport record…"), self)
        self.export_button.setToolTip(self.tr("Every campaign and what happened to it, as an Excel workbook"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in (
            self.record_button,
            self.send_now_button,
            self.change_time_button,
            self.cancel_button,
            self.export_button,
        ):
            button.setAutoDefault(False)
            layout.addWidget(button)
        layout.addStretch(1)
        self.record_button.clicked.connect(self._on_record_button_clicked)
        self.send_now_button.clicked.connect(self._on_send_now_button_clicked)
        self.change_time_button.clicked.connect(self._on_change_time_button_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.set_selection(None)

    def set_selection(self, overview: CampaignOverview | None) -> None:
        """The campaign History has selected (``None``: none)."""
        self._overview = overview
        scheduled = overview is not None and overview.campaign.status is CampaignStatus.SCHEDULED
        self.record_button.setEnabled(overview is not None)
        for button in (self.send_now_button, self.change_time_button, self.cancel_button):
            button.setEnabled(scheduled)

    # ------------------------------------------------------------------ the selected campaign

    @Slot()
    def _on_record_button_clicked(self) -> None:
        if self._overview is not None:
            CampaignRecordDialog(self._office, self._overview.campaign.code, self).exec()

    @Slot()
    def _on_send_now_button_clicked(self) -> None:
        if self._overview is not None:
            self.send_now_requested.emit(self._overview.campaign.code)

    @Slot()
    def _on_change_time_button_clicked(self) -> None:
        overview = self._overview
        if overview is None or overview.campaign.scheduled_at is None:
            return
        campaign = overview.campaign
        assert campaign.scheduled_at is not None
        dialog = SendTimeDialog(campaign.name or campaign.code, from_utc_text(campaign.scheduled_at), self)
        if dialog.exec() == SendTimeDialog.DialogCode.Accepted:
            self._office.reschedule(campaign.code, dialog.moment(), self, self._on_changed, self._on_failed)

    @Slot()
    def _on_cancel_button_clicked(self) -> None:
        overview = self._overview
        if overview is None:
            return
        campaign = overview.campaign
        answer = QMessageBox.question(
            self,
            self.tr("Cancel the campaign"),
            self.tr("Cancel “{name}”? None of its {count} messages will be sent.").format(
                name=campaign.name or campaign.code, count=f"{overview.waiting:,}"
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.cancel(campaign.code)

    def cancel(self, code: str) -> None:
        """Cancel a campaign (the caller asked the user)."""
        self._office.cancel(code, self, self._on_changed, self._on_failed)

    @Slot(object)
    def _on_changed(self, _result: object) -> None:
        self.changed.emit()

    # ------------------------------------------------------------------ every campaign

    @Slot()
    def _on_export_button_clicked(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the record"), "liasmart-record.xlsx", self.tr("Excel workbook (*.xlsx)")
        )
        if path:
            self.export_record(Path(path))

    def export_record(self, path: Path) -> None:
        """Write every campaign and its steps as a workbook."""
        self._office.export_record(path, record_words(), self, self._on_exported, self._on_failed)

    @Slot(object)
    def _on_exported(self, count: int) -> None:
        self.told.emit(self.tr("Saved the record of {count} campaigns.").format(count=f"{count:,}"))

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        self.told.emit(describe_error(error))
