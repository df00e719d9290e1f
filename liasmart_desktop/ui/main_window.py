"""The main window: assembles the compose form, the results and the status bar, wired to the controllers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QSplitter, QVBoxLayout, QWidget

from liasmart_desktop import __version__
from liasmart_desktop.core.paths import DataPaths
from liasmart_desktop.core.sending.states import CampaignStatus, MessageState, StopReason
from liasmart_desktop.core.sending.summaries import LoadedCampaign, RunReport
from liasmart_desktop.ui.controllers.account_controller import AccountController
from liasmart_desktop.ui.controllers.campaign_controller import (
    CampaignController,
    ReadyCampaign,
    SendRequest,
    UnfinishedCampaign,
)
from liasmart_desktop.ui.controllers.office_window_controller import OfficeWindowController
from liasmart_desktop.ui.controllers.send_controller import SendState
from liasmart_desktop.ui.dialogs.about_dialog import AboutDialog
from liasmart_desktop.ui.dialogs.history_dialog import HistoryDialog
from liasmart_desktop.ui.dialogs.import_dialog import ImportDialog
from liasmart_desktop.ui.dialogs.office_country_dialog import ask_office_country
from liasmart_desktop.ui.dialogs.review_dialog import ReviewDialog
from liasmart_desktop.ui.dialogs.settings_dialog import SettingsDialog
from liasmart_desktop.ui.dialogs.text_confirm_dialog import confirm_texts
from liasmart_desktop.ui.messages import (
    describe_campaign_error,
    describe_error,
    describe_stop,
    join_sentences,
)
from liasmart_desktop.ui.services import AppServices
from liasmart_desktop.ui.widgets.compose_panel import ComposePanel
from liasmart_desktop.ui.widgets.results_panel import ResultsPanel
from liasmart_desktop.ui.widgets.status_area import SandboxBanner, StatusArea

SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv", ".txt"})


def view_settings(paths: DataPaths) -> QSettings:
    """Window geometry and similar view state (never domain settings, never secrets).

    Kept in the data folder like everything else, not in Qt's per-user default place.
    """
    return QSettings(str(paths.view_state_file), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    """Compose on the left, results on the right, connection and balance in the status bar."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.account = AccountController(services, self)
        self.campaigns = CampaignController(services, self.account, self)
        self.sending = self.campaigns.sending
        self.compose = ComposePanel(services)
        self.results = ResultsPanel()
        self.banner = SandboxBanner(services)
        self.status_area = StatusArea(services, self.account, self.statusBar())
        self.office = OfficeWindowController(self, self.campaigns, self.account, self.compose, self.results)
        self.setWindowTitle(self.tr("LiaSmart Desktop {version}").format(version=__version__))
        self.setAcceptDrops(True)
        self._build_layout()
        self._build_menus()
        self._connect()
        self._restore_view_state()
        self._on_sender_state_changed(SendState.IDLE)

    # ------------------------------------------------------------------ assembly

    def _build_layout(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.compose)
        self.splitter.addWidget(self.results)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

    def _action(
        self, text: str, slot: object, shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.import_action = self._action(
            self.tr("&Import from Excel…"), self._on_compose_import_requested, "Ctrl+I"
        )
        self.export_action = self._action(
            self.tr("&Export results…"), self._on_results_export_requested, "Ctrl+E"
        )
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit))
        send_menu = bar.addMenu(self.tr("&Campaign"))
        self.review_action = self._action(
            self.tr("&Review and send…"), self._on_compose_review_requested, "Ctrl+Return"
        )
        self.pause_action = self._action(self.tr("&Pause"), self.sending.pause, "Ctrl+P")
        self.resume_action = self._action(self.tr("Res&ume"), self._on_resume_triggered, "Ctrl+R")
        self.cancel_action = self._action(self.tr("&Cancel sending…"), self._on_results_cancel_clicked)
        self.refresh_action = self._action(
            self.tr("Refresh &delivery status"), self.campaigns.refresh, QKeySequence.StandardKey.Refresh
        )
        self.history_action = self._action(self.tr("&History…"), self._on_history_triggered, "Ctrl+H")
        for action in (self.review_action, self.pause_action, self.resume_action, self.cancel_action):
            send_menu.addAction(action)
        send_menu.addSeparator()
        send_menu.addAction(self.refresh_action)
        send_menu.addAction(self.history_action)
        self.office.add_menu(bar)
        tools = bar.addMenu(self.tr("&Settings"))
        self.settings_action = self._action(self.tr("&Settings…"), self._on_settings_triggered, "Ctrl+,")
        self.sandbox_action = self._action(self.tr("Practice in the &sandbox"), self._on_sandbox_toggled)
        self.sandbox_action.setCheckable(True)
        self.sandbox_action.setChecked(self.services.sandbox_mode)
        tools.addAction(self.settings_action)
        tools.addAction(self.sandbox_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About LiaSmart Desktop"), self._on_about_triggered))

    def _connect(self) -> None:
        self.compose.import_requested.connect(self._on_compose_import_requested)
        self.compose.review_requested.connect(self._on_compose_review_requested)
        self.results.pause_clicked.connect(self.sending.pause)
        self.results.resume_clicked.connect(self._on_resume_triggered)
        self.results.cancel_clicked.connect(self._on_results_cancel_clicked)
        self.results.resend_requested.connect(self._on_results_resend_requested)
        self.results.refresh_requested.connect(self.campaigns.refresh)
        self.results.export_requested.connect(self._on_results_export_requested)
        self.sending.state_changed.connect(self._on_sender_state_changed)
        self.sending.progressed.connect(self.results.apply_progress)
        self.sending.failed.connect(self._on_sender_failed)
        self.campaigns.finished.connect(self._on_campaigns_finished)
        self.campaigns.prepared.connect(self._on_campaigns_prepared)
        self.campaigns.loaded.connect(self._on_campaigns_loaded)
        self.campaigns.unfinished_found.connect(self._on_campaigns_unfinished_found)
        self.campaigns.failed.connect(self._on_campaigns_failed)
        self.campaigns.exported.connect(self._on_campaigns_exported)
        self.campaigns.refreshed.connect(self._on_campaigns_refreshed)
        self.banner.setup_requested.connect(self._on_settings_triggered)
        self.services.mode_changed.connect(self._on_services_mode_changed)

    # ------------------------------------------------------------------ start-up and close

    def start(self) -> None:
        """After the window is shown: ask the office's country once, check the balance, offer a resume."""
        ask_office_country(self.services, self)
        self.status_area.refresh_balance()
        self.campaigns.find_unfinished()
        self.office.start()

    def _restore_view_state(self) -> None:
        settings = view_settings(self.services.paths)
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)
        splitter = settings.value("window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Override: ask before closing during a send, then stop it cleanly and save the window's place."""
        if self.sending.state is not SendState.IDLE:
            answer = QMessageBox.question(
                self,
                self.tr("Sending in progress"),
                self.tr(
                    "Messages are being sent. Stop after the messages already on their way and close? "
                    "The rest can be sent later from History."
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            self.sending.shutdown()
        settings = view_settings(self.services.paths)
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        event.accept()

    # ------------------------------------------------------------------ import (button, menu, drop)

    @Slot()
    def _on_compose_import_requested(self, path: Path | None = None) -> None:
        dialog = ImportDialog(self.services, path if isinstance(path, Path) else None, self)
        if dialog.exec() == ImportDialog.DialogCode.Accepted:
            self.compose.set_import(dialog.report, dialog.path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Override: accept one spreadsheet or text file dragged onto the window."""
        urls = event.mimeData().urls()
        if len(urls) == 1 and Path(urls[0].toLocalFile()).suffix.lower() in SPREADSHEET_SUFFIXES:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Override: open the import dialog on the dropped file."""
        urls = event.mimeData().urls()
        if urls:
            event.acceptProposedAction()
            self._on_compose_import_requested(Path(urls[0].toLocalFile()))

    # ------------------------------------------------------------------ review and send

    @Slot()
    def _on_compose_review_requested(self) -> None:
        problems = self.compose.problems()
        if problems:
            QMessageBox.information(self, self.tr("Not ready to send"), "\n".join(problems))
            return
        state = self.compose.state()
        if state.recipients is None:  # the compose form's problems() say so first
            return
        self.statusBar().showMessage(self.tr("Preparing the messages…"))
        self.campaigns.prepare(
            SendRequest(
                text=state.text,
                sender_id=state.sender_id,
                sms_type=state.sms_type,
                encoding_policy=state.encoding_policy,
                report=state.recipients,
                source_path=state.source_path,
                template_name=state.template_name,
            )
        )

    @Slot(object)
    def _on_campaigns_prepared(self, ready: ReadyCampaign) -> None:
        self.statusBar().clearMessage()
        if self.sending.state is not SendState.IDLE:
            return  # a double click on Send must never start a second send
        dialog = ReviewDialog(self.services, ready, self.campaigns, self.account, self)
        accepted = dialog.exec() == ReviewDialog.DialogCode.Accepted
        if accepted and confirm_texts(self, ready.prepared, self.services.settings):
            self.office.send_or_schedule(ready.prepared, dialog.scheduled_at())

    @Slot(object)
    def _on_campaigns_loaded(self, loaded: LoadedCampaign) -> None:
        self.results.show_campaign(loaded.campaign, loaded.records)
        self._update_sandbox_refresh()
        self.results.set_send_state(self.sending.state)

    @Slot(object)
    def _on_sender_state_changed(self, state: SendState) -> None:
        self.results.set_send_state(state)
        self.compose.set_busy(state is not SendState.IDLE)
        self.pause_action.setEnabled(state is SendState.RUNNING)
        self.resume_action.setEnabled(state is SendState.PAUSED or self._can_resume())
        self.cancel_action.setEnabled(state in {SendState.RUNNING, SendState.PAUSED})
        self.review_action.setEnabled(state is SendState.IDLE)
        self.refresh_action.setEnabled(state is SendState.IDLE and self.campaigns.current is not None)

    def _can_resume(self) -> bool:
        campaign = self.campaigns.current
        return (
            self.sending.state is SendState.IDLE
            and campaign is not None
            and campaign.status in {CampaignStatus.PAUSED, CampaignStatus.READY, CampaignStatus.SENDING}
        )

    @Slot()
    def _on_resume_triggered(self) -> None:
        if self.sending.state is SendState.PAUSED:
            self.sending.resume()
        elif self._can_resume() and self.campaigns.current is not None:
            self.campaigns.resume(self.campaigns.current.code)

    @Slot()
    def _on_results_cancel_clicked(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Cancel sending"),
            self.tr("Cancel the messages not sent yet? Messages already on their way still finish."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.sending.cancel()

    @Slot(object)
    def _on_campaigns_finished(self, report: RunReport | None) -> None:
        self.status_area.refresh_balance()
        if report is None:
            self.statusBar().showMessage(self.tr("Nothing was left to send."), 15_000)
            return
        if report.recovered:
            self._tell_recovered(report.recovered)
        if report.adopted:
            QMessageBox.information(
                self,
                self.tr("Campaign account recorded"),
                self.tr(
                    "This campaign was created before campaigns recorded their account. It now belongs to "
                    "the account {api_id} and will only ever be sent through it."
                ).format(api_id=report.campaign.api_id),
            )
        result = report.result
        if result.stop is not None:
            sentence = describe_stop(result.stop)
            self.statusBar().showMessage(sentence, 15_000)
            if result.status is CampaignStatus.PAUSED and result.stop.reason is not StopReason.USER_PAUSE:
                QMessageBox.warning(self, self.tr("Sending paused"), sentence)
            return
        counts = result.counts
        self.statusBar().showMessage(
            self.tr("Finished: {accepted} accepted, {rejected} rejected, {unknown} unknown.").format(
                accepted=f"{counts.get(MessageState.ACCEPTED, 0):,}",
                rejected=f"{counts.get(MessageState.REJECTED, 0):,}",
                unknown=f"{counts.get(MessageState.UNKNOWN, 0):,}",
            ),
            15_000,
        )

    @Slot(object)
    def _on_sender_failed(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Sending stopped"), describe_error(error, self.services.base_url()))

    def _tell_recovered(self, count: int) -> None:
        QMessageBox.information(
            self,
            self.tr("Interrupted messages"),
            self.tr(
                "{count} message(s) were being sent when the app last stopped. They are marked Unknown: "
                "they may or may not have been delivered, and they are not sent again unless you choose "
                "Resend unknown."
            ).format(count=count),
        )

    # ------------------------------------------------------------------ follow-up actions

    @Slot(object)
    def _on_results_resend_requested(self, state: MessageState) -> None:
        count = sum(1 for r in self.results.model.records() if r.state is state)
        if state is MessageState.UNKNOWN:
            text = self.tr(
                "Send {count} unknown message(s) again? They may already have been delivered: some "
                "people may receive the message twice, and each one is charged again."
            )
        else:
            text = self.tr(
                "Send {count} rejected message(s) again? LiaSmart refused them before; unless the cause is "
                "fixed they will be refused again."
            )
        answer = QMessageBox.question(self, self.tr("Send again"), text.format(count=f"{count:,}"))
        if answer == QMessageBox.StandardButton.Yes:
            self.campaigns.resend(state)

    @Slot()
    def _on_results_export_requested(self) -> None:
        campaign = self.campaigns.current
        if campaign is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export results"),
            f"liasmart-{campaign.code}.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV file (*.csv)"),
        )
        if path:
            self.campaigns.export(Path(path))

    @Slot(str, int)
    def _on_campaigns_exported(self, path: str, rows: int) -> None:
        self.statusBar().showMessage(
            self.tr("Saved {rows} rows to {path}. It contains phone numbers: keep it safe.").format(
                rows=f"{rows:,}", path=path
            ),
            15_000,
        )

    @Slot(object)
    def _on_campaigns_refreshed(self, summary: object) -> None:
        self.statusBar().showMessage(self.tr("Delivery statuses refreshed."), 10_000)

    @Slot(str)
    def _on_campaigns_failed(self, sentence: str) -> None:
        self.statusBar().clearMessage()
        QMessageBox.warning(self, self.tr("Something went wrong"), sentence)

    @Slot(object)
    def _on_campaigns_unfinished_found(self, found: UnfinishedCampaign) -> None:
        overview = found.overview
        campaign = overview.campaign
        self.campaigns.open(campaign.code)
        where = (
            self.tr("a practice campaign (sandbox)")
            if campaign.sandbox
            else self.tr("sent through the account {api_id}").format(api_id=campaign.api_id or "—")
        )
        text = self.tr(
            "Campaign “{name}” ({where}) was not finished: {waiting} message(s) are still waiting to be sent."
        ).format(name=campaign.name or campaign.code, where=where, waiting=f"{overview.waiting:,}")
        if overview.in_flight:
            on_their_way = self.tr(
                "{count} message(s) were on their way when the app stopped; they will be marked Unknown and "
                "not sent again automatically."
            ).format(count=f"{overview.in_flight:,}")
            text = join_sentences((text, on_their_way))
        if found.refusal is not None:
            QMessageBox.information(
                self,
                self.tr("Unfinished campaign"),
                join_sentences((text, describe_campaign_error(found.refusal))),
            )
            return
        answer = QMessageBox.question(
            self, self.tr("Resume sending?"), text + "\n\n" + self.tr("Resume now?")
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.campaigns.resume(campaign.code)

    # ------------------------------------------------------------------ settings, history, sandbox, about

    @Slot()
    def _on_settings_triggered(self) -> None:
        if SettingsDialog(self.services, self.account, self).exec() == SettingsDialog.DialogCode.Accepted:
            if self.services.sandbox_mode and self.services.has_saved_credentials():
                answer = QMessageBox.question(
                    self,
                    self.tr("Leave the sandbox?"),
                    self.tr("Your account is set up. Stop practising and send real messages from now on?"),
                )
                if answer == QMessageBox.StandardButton.Yes:
                    self.services.stop_sandbox()
            self.status_area.refresh_balance()

    @Slot()
    def _on_history_triggered(self) -> None:
        dialog = HistoryDialog(self.campaigns, self)
        dialog.campaign_opened.connect(self.campaigns.open)
        dialog.send_now_requested.connect(self.office.send_now)
        dialog.exec()

    @Slot()
    def _on_sandbox_toggled(self) -> None:
        if self.sending.state is not SendState.IDLE:
            self.sandbox_action.setChecked(self.services.sandbox_mode)
            return
        if self.services.sandbox_mode:
            self.services.stop_sandbox()
        else:
            self.services.start_sandbox()

    @Slot(bool)
    def _on_services_mode_changed(self, sandbox: bool) -> None:
        self.sandbox_action.setChecked(sandbox)
        self._update_sandbox_refresh()
        self.status_area.refresh_balance()

    def _update_sandbox_refresh(self) -> None:
        # Only the sandbox that accepted a campaign's messages knows their delivery status.
        campaign = self.results.campaign()
        self.results.sandbox_running = (
            campaign is not None
            and self.services.sandbox_mode
            and campaign.base_url == self.services.base_url()
        )
        self.results.set_send_state(self.sending.state)

    @Slot()
    def _on_about_triggered(self) -> None:
        AboutDialog(self.services, self).exec()
