"""The main window: assembles the compose form and the results as two pages, the banner and the status bar,
wired to the controllers."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from liasmart_desktop import __version__
from liasmart_desktop.core.paths import DataPaths
from liasmart_desktop.core.sending.states import CampaignStatus, MessageState, StopReason
from liasmart_desktop.core.sending.summaries import RunReport
from liasmart_desktop.core.settings import AppSettings
from liasmart_desktop.ui.controllers.account_controller import AccountController
from liasmart_desktop.ui.controllers.campaign_controller import (
    CampaignController,
    CampaignValues,
    DeliveryUpdate,
    ReadyCampaign,
    SendRequest,
    ShownCampaign,
    Step,
    UnfinishedCampaign,
)
from liasmart_desktop.ui.controllers.delivery_poller import DeliveryPoller
from liasmart_desktop.ui.controllers.office_window_controller import OfficeWindowController
from liasmart_desktop.ui.controllers.send_controller import SendState
from liasmart_desktop.ui.dialogs import prompt_dialog as prompts
from liasmart_desktop.ui.dialogs.about_dialog import AboutDialog
from liasmart_desktop.ui.dialogs.history_dialog import HistoryDialog
from liasmart_desktop.ui.dialogs.import_dialog import ImportDialog
from liasmart_desktop.ui.dialogs.office_country_dialog import ask_office_country
from liasmart_desktop.ui.dialogs.review_dialog import ReviewDialog
from liasmart_desktop.ui.dialogs.settings_dialog import SettingsDialog
from liasmart_desktop.ui.dialogs.text_confirm_dialog import confirm_texts
from liasmart_desktop.ui.messages import (
    campaign_title,
    count_text,
    describe_error,
    describe_refresh_refusal,
    describe_stop,
    join_sentences,
    nothing_was_sent,
)
from liasmart_desktop.ui.services import AppServices
from liasmart_desktop.ui.widgets.compose_panel import ComposePanel
from liasmart_desktop.ui.widgets.results_panel import ResultsPanel
from liasmart_desktop.ui.widgets.status_area import ModeBanner, StatusArea

SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv", ".txt"})
#: The first window fits a 1024×700 screen (the smallest supported) with room for the taskbar.
DEFAULT_SIZE_PX = (1000, 660)
STATUS_MESSAGE_MS = 15_000
#: Characters a file name cannot hold on Windows, macOS or Linux.
_FILE_NAME_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def view_settings(paths: DataPaths) -> QSettings:
    """Window geometry and similar view state (never domain settings, never secrets).

    Kept in the data folder like everything else, not in Qt's per-user default place.
    """
    return QSettings(str(paths.view_state_file), QSettings.Format.IniFormat)


def file_name(title: str) -> str:
    """A campaign's name as a file name (characters no system allows become dashes)."""
    return _FILE_NAME_FORBIDDEN.sub("-", title).strip(" .") or "liasmart"


class MainWindow(QMainWindow):
    """Two pages: write the message (compose), and watch what became of it (results); the banner says
    whether messages go to the sandbox or nowhere yet, the status bar where they go and the balance."""

    COMPOSE_PAGE = 0
    RESULTS_PAGE = 1

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.account = AccountController(services, self)
        self.campaigns = CampaignController(services, self.account, self)
        self.sending = self.campaigns.sending
        self.poller = DeliveryPoller(self.campaigns, self)
        self.compose = ComposePanel(services)
        self.results = ResultsPanel()
        self.banner = ModeBanner()
        self.status_area = StatusArea(services, self.account, self.statusBar())
        self.office = OfficeWindowController(self, self.campaigns, self.account, self.compose, self.results)
        self.setWindowTitle(self.tr("LiaSmart Desktop {version}").format(version=__version__))
        self.setAcceptDrops(True)
        self._build_layout()
        self._build_menus()
        self._connect()
        self._restore_view_state()
        self._on_sender_state_changed(SendState.IDLE)
        self._update_account()

    # ------------------------------------------------------------------ assembly

    def _build_layout(self) -> None:
        self.pages = QTabWidget()
        self.pages.setObjectName("pages")
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.compose, self.tr("&1 Message"))
        self.pages.addTab(self.results, self._results_tab_text())
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.banner)
        layout.addWidget(self.pages, 1)
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
        self.new_action = self._action(self.tr("&New message"), self._on_new_message_triggered, "Ctrl+N")
        self.import_action = self._action(
            self.tr("&Import from Excel…"), self._on_compose_import_requested, "Ctrl+I"
        )
        self.export_action = self._action(
            self.tr("&Export results…"), self._on_results_export_requested, "Ctrl+E"
        )
        for action in (self.new_action, self.import_action, self.export_action):
            file_menu.addAction(action)
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
        self.results.new_message_requested.connect(self._on_new_message_triggered)
        self.sending.state_changed.connect(self._on_sender_state_changed)
        self.sending.progressed.connect(self._on_sender_progressed)
        self.sending.failed.connect(self._on_sender_failed)
        self.campaigns.finished.connect(self._on_campaigns_finished)
        self.campaigns.prepared.connect(self._on_campaigns_prepared)
        self.campaigns.loaded.connect(self._on_campaigns_loaded)
        self.campaigns.values_read.connect(self._on_campaigns_values_read)
        self.campaigns.unfinished_found.connect(self._on_campaigns_unfinished_found)
        self.campaigns.failed.connect(self._on_campaigns_failed)
        self.campaigns.exported.connect(self._on_campaigns_exported)
        self.campaigns.refreshed.connect(self._on_campaigns_refreshed)
        self.poller.updated.connect(self._on_poller_updated)
        self.poller.failed.connect(self._on_poller_failed)
        self.banner.setup_requested.connect(self._on_settings_triggered)
        self.banner.sandbox_requested.connect(self._on_banner_sandbox_requested)
        self.services.mode_changed.connect(self._on_services_mode_changed)
        self.services.settings_changed.connect(self._on_services_settings_changed)

    # ------------------------------------------------------------------ start-up and close

    def start(self) -> None:
        """After the window is shown: ask the office's country once, check the balance, offer an
        unfinished campaign for resume, and start asking for delivery reports now and then."""
        ask_office_country(self.services, self)
        self.status_area.refresh_balance()
        self.campaigns.find_unfinished()
        self.office.start()
        self.poller.start()

    def _restore_view_state(self) -> None:
        settings = view_settings(self.services.paths)
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(*DEFAULT_SIZE_PX)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Override: ask before closing during a send, then stop it cleanly and save the window's place."""
        if self.sending.state is not SendState.IDLE:
            if not prompts.ask_to_close_while_sending(self):
                event.ignore()
                return
            self.sending.shutdown()
        self.poller.stop()
        settings = view_settings(self.services.paths)
        settings.setValue("window/geometry", self.saveGeometry())
        event.accept()

    # ------------------------------------------------------------------ the account: can anything be sent?

    def _update_account(self) -> None:
        """Sending is offered only where it can happen: the sandbox, or an account with its password."""
        sandbox = self.services.sandbox_mode
        can_send = self.account.can_send()
        self.banner.show_mode(sandbox=sandbox, can_send=can_send)
        self.sandbox_action.setChecked(sandbox)
        self.compose.set_setup_problem(
            ""
            if can_send
            else self.tr(
                "Set up your LiaSmart account first (Settings: API ID and password), or practise in the "
                "sandbox (Settings › Practice in the sandbox)."
            )
        )
        self._update_actions()
        self._update_refresh_blocker()

    def _update_actions(self) -> None:
        state = self.sending.state
        can_send = self.account.can_send()
        self.pause_action.setEnabled(state is SendState.RUNNING)
        self.resume_action.setEnabled(state is SendState.PAUSED or (can_send and self._can_resume()))
        self.cancel_action.setEnabled(state in {SendState.RUNNING, SendState.PAUSED})
        self.review_action.setEnabled(state is SendState.IDLE and can_send)
        self.review_action.setToolTip(
            "" if can_send else self.tr("Set up your LiaSmart account, or practise in the sandbox, to send.")
        )
        self.new_action.setEnabled(state is SendState.IDLE)
        self.import_action.setEnabled(state is SendState.IDLE)
        self.refresh_action.setEnabled(self.results.refresh_button.isEnabled())
        self.export_action.setEnabled(self.campaigns.current is not None)

    def _update_refresh_blocker(self) -> None:
        campaign = self.results.campaign()
        refusal = self.campaigns.refresh_refusal(campaign) if campaign is not None else None
        self.results.set_refresh_blocker(describe_refresh_refusal(refusal) if refusal is not None else "")
        self.refresh_action.setEnabled(self.results.refresh_button.isEnabled())

    # ------------------------------------------------------------------ import (button, menu, drop)

    @Slot()
    def _on_compose_import_requested(self, path: Path | None = None) -> None:
        if self.sending.state is not SendState.IDLE:
            return
        dialog = ImportDialog(self.services, path if isinstance(path, Path) else None, self)
        if dialog.exec() != ImportDialog.DialogCode.Accepted:
            return
        self.services.remember_folder(dialog.path.parent)
        pasted = self.compose.pasted_count()
        if pasted and not prompts.ask_to_use_import(self, pasted):
            return
        self.compose.set_import(dialog.report, dialog.path)
        self.pages.setCurrentIndex(self.COMPOSE_PAGE)

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
    def _on_new_message_triggered(self) -> None:
        self.compose.clear_message()
        self.pages.setCurrentIndex(self.COMPOSE_PAGE)

    @Slot()
    def _on_compose_review_requested(self) -> None:
        if not self.review_action.isEnabled():
            return  # no account: the checklist and the banner say what to set up
        problems = self.compose.problems()
        if problems:
            self.pages.setCurrentIndex(self.COMPOSE_PAGE)
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
        if self.sending.state is not SendState.IDLE or not self.account.can_send():
            return  # a double click on Send must never start a second send
        dialog = ReviewDialog(self.services, ready, self.campaigns, self.account, self)
        accepted = dialog.exec() == ReviewDialog.DialogCode.Accepted
        if accepted and confirm_texts(self, ready.prepared, self.services.settings):
            self.office.send_or_schedule(ready.prepared, dialog.scheduled_at(), dialog.campaign_name())

    @Slot(object)
    def _on_campaigns_loaded(self, shown: ShownCampaign) -> None:
        loaded = shown.loaded
        self.results.show_campaign(
            loaded.campaign, loaded.records, loaded.set_aside, columns=shown.columns, values=shown.values
        )
        self._update_refresh_blocker()
        self._update_actions()
        self._update_results_tab()
        if self.sending.state is not SendState.IDLE:
            self.pages.setCurrentIndex(self.RESULTS_PAGE)

    @Slot(object)
    def _on_campaigns_values_read(self, values: CampaignValues) -> None:
        self.results.set_values(values.campaign_id, values.values)

    @Slot(object)
    def _on_sender_state_changed(self, state: SendState) -> None:
        self.results.set_send_state(state)
        self.compose.set_busy(state is not SendState.IDLE)
        self._update_actions()
        self._update_results_tab()

    @Slot(object)
    def _on_sender_progressed(self, progress: object) -> None:
        self.results.apply_progress(progress)  # type: ignore[arg-type]
        self._update_results_tab()

    def _results_tab_text(self) -> str:
        state = self.sending.state
        if state is SendState.RUNNING:
            return self.tr("&2 Results (sending {percent}%)").format(percent=self.results.progress_percent)
        if state is SendState.PAUSED:
            return self.tr("&2 Results (paused)")
        return self.tr("&2 Results")

    def _update_results_tab(self) -> None:
        self.pages.setTabText(self.RESULTS_PAGE, self._results_tab_text())

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
        if prompts.ask_to_cancel(self):
            self.sending.cancel()

    @Slot(object)
    def _on_campaigns_finished(self, report: RunReport | None) -> None:
        self.status_area.refresh_balance()
        if report is None:
            self.statusBar().showMessage(self.tr("Nothing was left to send."), STATUS_MESSAGE_MS)
            return
        self.results.update_campaign(report.campaign)
        if report.recovered:
            prompts.tell_recovered(self, report.recovered)
        if report.adopted:
            prompts.tell_adopted(self, report.campaign.api_id)
        result = report.result
        if result.counts.get(MessageState.ACCEPTED, 0):
            self.poller.start()  # the reports of what was just accepted arrive by themselves
        if result.stop is not None:
            sentence = describe_stop(result.stop)
            self.statusBar().showMessage(sentence, STATUS_MESSAGE_MS)
            if result.status is CampaignStatus.PAUSED and result.stop.reason is not StopReason.USER_PAUSE:
                QMessageBox.warning(self, self.tr("Sending paused"), sentence)
            return
        if result.status is CampaignStatus.FINISHED and not report.resent:
            self.compose.mark_sent(campaign_title(report.campaign))
        counts = result.counts
        self.statusBar().showMessage(
            self.tr("Finished: {accepted} accepted, {rejected} rejected, {unknown} unknown.").format(
                accepted=f"{counts.get(MessageState.ACCEPTED, 0):,}",
                rejected=f"{counts.get(MessageState.REJECTED, 0):,}",
                unknown=f"{counts.get(MessageState.UNKNOWN, 0):,}",
            ),
            STATUS_MESSAGE_MS,
        )

    @Slot(object)
    def _on_sender_failed(self, error: BaseException) -> None:
        # Refused before anything left (another account, no account, another copy sending) or stopped.
        title = self.tr("Not sent") if nothing_was_sent(error) else self.tr("Sending stopped")
        QMessageBox.warning(self, title, describe_error(error, self.services.base_url()))

    # ------------------------------------------------------------------ follow-up actions

    @Slot(object)
    def _on_results_resend_requested(self, state: MessageState) -> None:
        count = sum(1 for r in self.results.model.records() if r.state is state)
        if prompts.ask_to_resend(self, state, count):
            self.campaigns.resend(state)

    @Slot()
    def _on_results_export_requested(self) -> None:
        campaign = self.campaigns.current
        if campaign is None:
            return
        suggested = self.services.start_folder() / (file_name(campaign_title(campaign)) + ".xlsx")
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export results"),
            str(suggested),
            self.tr("Excel workbook (*.xlsx);;CSV file (*.csv)"),
        )
        if path:
            self.services.remember_folder(Path(path).parent)
            self.campaigns.export(Path(path))

    @Slot(str, int)
    def _on_campaigns_exported(self, path: str, rows: int) -> None:
        self.statusBar().showMessage(
            join_sentences(
                (
                    count_text(
                        rows, self.tr("Saved 1 row to {path}."), self.tr("Saved {count} rows to {path}.")
                    ).format(path=path),
                    self.tr("It contains phone numbers: keep it safe."),
                )
            ),
            STATUS_MESSAGE_MS,
        )

    @Slot(object)
    def _on_campaigns_refreshed(self, update: DeliveryUpdate) -> None:
        self._apply_delivery(update)
        summary = update.summary
        self.statusBar().showMessage(
            self.tr(
                "Delivery reports checked: {delivered} delivered, {failed} not delivered, {pending} waiting."
            ).format(
                delivered=f"{summary.delivered:,}",
                failed=f"{summary.failed:,}",
                pending=f"{summary.pending:,}",
            ),
            STATUS_MESSAGE_MS,
        )

    @Slot(object)
    def _on_poller_updated(self, update: DeliveryUpdate) -> None:
        self._apply_delivery(update)

    def _apply_delivery(self, update: DeliveryUpdate) -> None:
        shown = self.results.campaign()
        if shown is not None and shown.id == update.campaign.id:
            self.results.apply_delivery(update.changed)

    @Slot(object)
    def _on_poller_failed(self, error: BaseException) -> None:
        self.statusBar().showMessage(
            self.tr("Delivery reports could not be checked: {reason}").format(
                reason=describe_error(error, self.services.base_url())
            ),
            STATUS_MESSAGE_MS,
        )

    @Slot(object, str)
    def _on_campaigns_failed(self, step: Step, sentence: str) -> None:
        self.statusBar().clearMessage()
        prompts.tell_failure(self, step, sentence)

    @Slot(object)
    def _on_campaigns_unfinished_found(self, found: UnfinishedCampaign) -> None:
        code = found.overview.campaign.code
        self.campaigns.open(code)
        if prompts.ask_to_resume(self, found):
            self.campaigns.resume(code)

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

    @Slot(object)
    def _on_services_settings_changed(self, _settings: AppSettings) -> None:
        self._update_account()

    @Slot()
    def _on_history_triggered(self) -> None:
        dialog = HistoryDialog(self.campaigns, self)
        dialog.campaign_opened.connect(self._on_history_campaign_opened)
        dialog.send_now_requested.connect(self.office.send_now)
        dialog.exec()

    @Slot(str)
    def _on_history_campaign_opened(self, code: str) -> None:
        self.campaigns.open(code)
        self.pages.setCurrentIndex(self.RESULTS_PAGE)

    @Slot()
    def _on_sandbox_toggled(self) -> None:
        if self.sending.state is not SendState.IDLE:
            self.sandbox_action.setChecked(self.services.sandbox_mode)
            return
        if self.services.sandbox_mode:
            self.services.stop_sandbox()
        else:
            self.services.start_sandbox()

    @Slot()
    def _on_banner_sandbox_requested(self) -> None:
        if self.sending.state is SendState.IDLE:
            self.services.start_sandbox()

    @Slot(bool)
    def _on_services_mode_changed(self, _sandbox: bool) -> None:
        self._update_account()
        self.status_area.refresh_balance()

    @Slot()
    def _on_about_triggered(self) -> None:
        AboutDialog(self.services, self).exec()
