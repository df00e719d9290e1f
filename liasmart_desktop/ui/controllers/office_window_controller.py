"""What the office rules add to the main window, so the window itself stays a thin assembly:

- a "Lists" menu (the do-not-message list, the saved templates);
- "Add to do-not-message list" on the selected result rows;
- the saved-templates picker in the compose form;
- after the review: send now, or store the campaign for its time;
- scheduled campaigns: sent when due while the app is open, offered at start-up when their time came
  while it was closed (``SchedulerController``).
"""

from __future__ import annotations

import dataclasses
from datetime import datetime

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMainWindow, QMenuBar, QMessageBox

from liasmart_desktop.core.optout import Change
from liasmart_desktop.core.sending.prepare import PreparedCampaign
from liasmart_desktop.core.sending.records import Campaign, MessageRecord
from liasmart_desktop.core.sending.schedule import journal_zoned_text as journal_time
from liasmart_desktop.core.sending.summaries import CampaignOverview
from liasmart_desktop.ui.controllers.account_controller import AccountController
from liasmart_desktop.ui.controllers.campaign_controller import CampaignController
from liasmart_desktop.ui.controllers.scheduler_controller import SchedulerController
from liasmart_desktop.ui.dialogs.optout_dialog import OptOutDialog
from liasmart_desktop.ui.dialogs.templates_dialog import TemplatesDialog
from liasmart_desktop.ui.messages import describe_error
from liasmart_desktop.ui.widgets.compose_panel import ComposePanel
from liasmart_desktop.ui.widgets.results_panel import ResultsPanel
from liasmart_desktop.ui.widgets.template_picker import TemplatePicker

STATUS_MESSAGE_MS = 15_000


class OfficeWindowController(QObject):
    """Wires the office rules into the main window's menus, panels and start-up.

    Signals:
        none of its own.
    """

    def __init__(
        self,
        window: QMainWindow,
        campaigns: CampaignController,
        account: AccountController,
        compose: ComposePanel,
        results: ResultsPanel,
    ) -> None:
        super().__init__(window)
        self._campaigns = campaigns
        self._office = campaigns.office
        self._results = results
        self.scheduler = SchedulerController(campaigns, account, self)
        self.scheduler.overdue_found.connect(self._on_scheduler_overdue_found)
        self.scheduler.started.connect(self._on_scheduler_started)
        self.template_picker = TemplatePicker(self._office, compose.current_template, compose)
        self.template_picker.chosen.connect(compose.apply_template)
        compose.set_template_picker(self.template_picker)
        self.optout_action = QAction(self.tr("&Do not message…"), window)
        self.optout_action.setToolTip(self.tr("Numbers that are never messaged"))
        self.optout_action.triggered.connect(self._on_optout_action_triggered)
        self.templates_action = QAction(self.tr("&Templates…"), window)
        self.templates_action.triggered.connect(self._on_templates_action_triggered)
        self.add_to_optout_action = QAction(self.tr("&Add to do-not-message list…"), window)
        self.add_to_optout_action.setToolTip(self.tr("Never message the numbers of the selected rows again"))
        self.add_to_optout_action.triggered.connect(self._on_add_to_optout_action_triggered)
        results.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        results.table.addAction(self.add_to_optout_action)

    def add_menu(self, bar: QMenuBar) -> None:
        """The "Lists" menu."""
        menu = bar.addMenu(self.tr("&Lists"))
        menu.addAction(self.optout_action)
        menu.addAction(self.templates_action)
        menu.addSeparator()
        menu.addAction(self.add_to_optout_action)

    def start(self) -> None:
        """After the window is shown: offer campaigns whose time came while the app was closed, then watch."""
        self.scheduler.start()

    @property
    def _window(self) -> QMainWindow:
        # The window is the parent, not an attribute: a reference cycle would keep a closed window alive.
        window = self.parent()
        assert isinstance(window, QMainWindow)
        return window

    def _tell(self, text: str) -> None:
        self._window.statusBar().showMessage(text, STATUS_MESSAGE_MS)

    # ------------------------------------------------------------------ sending or scheduling

    def send_or_schedule(self, prepared: PreparedCampaign, at: datetime | None, name: str = "") -> None:
        """What the review accepted: send now, or store the campaign for ``at`` (nothing is sent now),
        under the name the review gave it ("" keeps the default)."""
        if name:
            prepared = dataclasses.replace(prepared, spec=dataclasses.replace(prepared.spec, name=name))
        if at is None:
            self._campaigns.send(prepared)
            return
        self._office.schedule(prepared, at, self, self._on_office_scheduled, self._on_office_failed)

    @Slot(object)
    def _on_office_scheduled(self, campaign: Campaign) -> None:
        self._tell(
            self.tr("“{name}” is scheduled for {time}; nothing was sent now. History shows it.").format(
                name=campaign.name or campaign.code, time=journal_time(campaign.scheduled_at)
            )
        )
        self.scheduler.check_now()

    @Slot(object)
    def _on_office_failed(self, error: BaseException) -> None:
        QMessageBox.warning(self._window, self.tr("Nothing was sent"), describe_error(error))

    @Slot(str)
    def send_now(self, code: str) -> None:
        """Send a scheduled campaign at once (the user chose "Send now" in History)."""
        self._campaigns.resume(code, at_once=True)

    # ------------------------------------------------------------------ scheduled campaigns

    @Slot(object)
    def _on_scheduler_overdue_found(self, overdue: list[CampaignOverview]) -> None:
        names = "\n".join(
            f"• {o.campaign.name or o.campaign.code} ({journal_time(o.campaign.scheduled_at)})"
            for o in overdue
        )
        answer = QMessageBox.question(
            self._window,
            self.tr("Scheduled campaigns are due"),
            self.tr(
                "The time of these campaigns came while the app was closed:\n{names}\n\nSend them now? "
                "Otherwise they wait: History lets you send them, change their time or cancel them."
            ).format(names=names),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.scheduler.release(o.campaign.code for o in overdue)

    @Slot(str)
    def _on_scheduler_started(self, code: str) -> None:
        self._tell(self.tr("Sending the scheduled campaign {code}: its time has come.").format(code=code))

    # ------------------------------------------------------------------ lists

    @Slot()
    def _on_optout_action_triggered(self) -> None:
        OptOutDialog(self._office, self._window).exec()

    @Slot()
    def _on_templates_action_triggered(self) -> None:
        TemplatesDialog(self._office, self._window).exec()

    def selected_phones(self) -> list[str]:
        """The numbers of the messages among the result rows selected now (each once; rows set aside at
        import have no number to list)."""
        table, proxy, model = self._results.table, self._results.proxy, self._results.model
        rows = sorted({proxy.mapToSource(index).row() for index in table.selectionModel().selectedRows()})
        records = (model.record(row) for row in rows)
        return list(dict.fromkeys(r.phone for r in records if isinstance(r, MessageRecord)))

    @Slot()
    def _on_add_to_optout_action_triggered(self) -> None:
        phones = self.selected_phones()
        if not phones:
            self._tell(self.tr("Select the rows of the people who asked not to be messaged first."))
            return
        reason, ok = QInputDialog.getText(
            self._window,
            self.tr("Add to the do-not-message list"),
            self.tr("Never message these {count} numbers again. Why (kept with each number)?").format(
                count=f"{len(phones):,}"
            ),
        )
        if ok:
            self.add_to_optout(phones, reason)

    def add_to_optout(self, phones: list[str], reason: str) -> None:
        """Put result rows' numbers on the list."""
        self._office.add_optout_phones(phones, reason, self, self._on_optout_added, self._on_optout_failed)

    @Slot(object)
    def _on_optout_added(self, change: Change) -> None:
        self._tell(
            self.tr("Added to the do-not-message list: {added}. Already on it: {already}.").format(
                added=f"{len(change.changed):,}", already=f"{len(change.unchanged):,}"
            )
        )

    @Slot(object)
    def _on_optout_failed(self, error: BaseException) -> None:
        self._tell(describe_error(error))
