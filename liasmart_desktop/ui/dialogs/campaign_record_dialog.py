"""The record of one campaign: who started it, with which template and list, through which account, every
step with its time (created, scheduled, sent, resent, cancelled …), and a chart of its outcomes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liasmart_desktop.core.sending.schedule import journal_zoned_text as journal_time
from liasmart_desktop.core.sending.states import EventKind
from liasmart_desktop.ui.controllers.office_controller import CampaignRecord, OfficeController
from liasmart_desktop.ui.messages import describe_error
from liasmart_desktop.ui.office_messages import account_words, describe_event, status_word
from liasmart_desktop.ui.widgets.outcome_chart import OutcomeChart

TEXT_LINES = 3


class CampaignRecordDialog(QDialog):
    """One campaign's record, read off the GUI thread.

    Signals:
        none of its own.
    """

    def __init__(self, office: OfficeController, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Campaign record"))
        self.setSizeGripEnabled(True)
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label in (
            ("name", self.tr("Campaign:")),
            ("created", self.tr("Started:")),
            ("account", self.tr("Account:")),
            ("sender", self.tr("Sender ID and type:")),
            ("template", self.tr("Template:")),
            ("list", self.tr("List:")),
            ("fingerprint", self.tr("List fingerprint:")),
            ("status", self.tr("Status:")),
        ):
            value = QLabel("…", self)
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(label.rstrip(":："))
            self.fields[key] = value
            form.addRow(label, value)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Message text"))
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * TEXT_LINES + 12)
        form.addRow(self.tr("Message:"), self.text)
        self.events = QTreeWidget(self)
        self.events.setRootIsDecorated(False)
        self.events.setHeaderLabels([self.tr("Time"), self.tr("What happened"), self.tr("By")])
        self.events.setAccessibleName(self.tr("What happened"))
        self.chart = OutcomeChart(self)
        columns = QHBoxLayout()
        columns.addLayout(form, 1)
        columns.addWidget(self.chart, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.events, 1)
        layout.addWidget(buttons)
        self.resize(900, 560)
        office.record(code, self, self._on_record_loaded, self._on_record_failed)

    @Slot(object)
    def _on_record_loaded(self, record: CampaignRecord) -> None:
        campaign = record.overview.campaign
        kind = self.tr("transactional (T)") if campaign.sms_type == "T" else self.tr("promotional (P)")
        template = campaign.template_name or self.tr("none (typed in the form)")
        if campaign.quiet_hours and campaign.sms_type == "P":
            template = self.tr("{template}; quiet hours {window}").format(
                template=template, window=campaign.quiet_hours
            )
        status = status_word(campaign.status)
        if campaign.scheduled_at:
            status = self.tr("{status}; to be sent at {time}").format(
                status=status, time=journal_time(campaign.scheduled_at)
            )
        values = {
            "name": f"{campaign.name or campaign.code} ({campaign.code})",
            "created": self.tr("{time} by {who}").format(
                time=journal_time(campaign.created_at), who=campaign.created_by or self.tr("an unknown user")
            ),
            "account": account_words(campaign),
            "sender": f"{campaign.sender_id} · {kind}",
            "template": template,
            "list": campaign.source_name or self.tr("typed or pasted numbers"),
            "fingerprint": campaign.source_fingerprint or "—",
            "status": status,
        }
        for key, value in values.items():
            self.fields[key].setText(value)
        self.text.setPlainText(campaign.template)
        self.events.clear()
        for event in record.events:
            by = event.data.get("by") or (campaign.created_by if event.kind is EventKind.CREATED else "")
            self.events.addTopLevelItem(
                QTreeWidgetItem([journal_time(event.at), describe_event(event), str(by)])
            )
        for column in (0, 1):
            self.events.resizeColumnToContents(column)
        self.chart.set_points(record.timeline)

    @Slot(object)
    def _on_record_failed(self, error: BaseException) -> None:
        self.fields["name"].setText(describe_error(error))
