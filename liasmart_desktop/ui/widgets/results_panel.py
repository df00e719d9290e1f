"""The results side of the window: progress with pause/resume/cancel, the filterable grid, actions."""

from __future__ import annotations

import time
from collections.abc import Mapping

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from liasmart_desktop.core.sending.records import Campaign, MessageRecord
from liasmart_desktop.core.sending.states import OPEN_STATES, MessageState
from liasmart_desktop.core.sending.summaries import Progress
from liasmart_desktop.ui.controllers.send_controller import SendState
from liasmart_desktop.ui.messages import state_name
from liasmart_desktop.ui.models.results_model import Column, ResultsFilter, ResultsModel

ROW_HEIGHT_PX = 24
_COLUMN_WIDTHS = {
    Column.ROW: 60,
    Column.PHONE: 140,
    Column.STATE: 120,
    Column.REASON: 320,
    Column.MESSAGE_ID: 170,
    Column.PARTS: 50,
    Column.SENT: 150,
    Column.FINISHED: 150,
}
#: The state filter's choices: (label marker, states shown).
_FILTERS: list[tuple[str, frozenset[MessageState]]] = [
    ("all", frozenset()),
    ("accepted", frozenset({MessageState.ACCEPTED})),
    ("rejected", frozenset({MessageState.REJECTED})),
    ("unknown", frozenset({MessageState.UNKNOWN})),
    ("open", OPEN_STATES),
    ("cancelled", frozenset({MessageState.CANCELLED})),
]


class ResultsPanel(QWidget):
    """Shows one campaign's messages and the controls of the send in progress.

    Signals:
        pause_clicked(), resume_clicked(), cancel_clicked()
        resend_requested(object): the ``MessageState`` (unknown or rejected) to send again.
        refresh_requested(): poll delivery statuses.
        export_requested(): export the results.
    """

    pause_clicked = Signal()
    resume_clicked = Signal()
    cancel_clicked = Signal()
    resend_requested = Signal(object)
    refresh_requested = Signal()
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ResultsModel(self)
        self.proxy = ResultsFilter(self)
        self.proxy.setSourceModel(self.model)
        self._campaign: Campaign | None = None
        self._started_at = 0.0
        self._started_done = 0
        self._counts: dict[MessageState, int] = dict.fromkeys(MessageState, 0)
        #: Whether the sandbox that answered a sandbox campaign is still running (it can be asked again).
        self.sandbox_running = False
        self._build()
        self.set_send_state(SendState.IDLE)

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_title())
        layout.addLayout(self._build_controls())
        layout.addWidget(self.progress_text)
        layout.addLayout(self._build_filters())
        layout.addWidget(self._build_table(), 1)
        layout.addLayout(self._build_actions())

    def _build_title(self) -> QLabel:
        self.title = QLabel(self.tr("No campaign yet: compose a message and press Review and send."))
        self.title.setWordWrap(True)
        return self.title

    def _build_controls(self) -> QHBoxLayout:
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Sending progress"))
        self.progress_text = QLabel()
        self.pause_button = QPushButton(self.tr("&Pause"))
        self.resume_button = QPushButton(self.tr("Res&ume"))
        self.cancel_button = QPushButton(self.tr("&Cancel sending"))
        self.pause_button.clicked.connect(self.pause_clicked)
        self.resume_button.clicked.connect(self.resume_clicked)
        self.cancel_button.clicked.connect(self.cancel_clicked)
        controls = QHBoxLayout()
        controls.addWidget(self.progress, 1)
        for button in (self.pause_button, self.resume_button, self.cancel_button):
            controls.addWidget(button)
        return controls

    def _build_filters(self) -> QHBoxLayout:
        self.state_filter = QComboBox()
        self.state_filter.setAccessibleName(self.tr("Show messages"))
        for key, _states in _FILTERS:
            self.state_filter.addItem(self._filter_label(key), key)
        self.state_filter.currentIndexChanged.connect(self._on_state_filter_changed)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search phone, message ID or remark"))
        self.search.setAccessibleName(self.tr("Search results"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_text_changed)
        filters = QHBoxLayout()
        show_label = QLabel(self.tr("&Show:"))
        show_label.setBuddy(self.state_filter)
        filters.addWidget(show_label)
        filters.addWidget(self.state_filter)
        filters.addWidget(self.search, 1)
        return filters

    def _build_table(self) -> QTableView:
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Message results"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT_PX)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in _COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        return self.table

    def _build_actions(self) -> QHBoxLayout:
        self.resend_unknown_button = QPushButton(self.tr("Resend &unknown…"))
        self.resend_rejected_button = QPushButton(self.tr("Resend re&jected…"))
        self.refresh_button = QPushButton(self.tr("Refresh &delivery status"))
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.resend_unknown_button.clicked.connect(self._on_resend_unknown_button_clicked)
        self.resend_rejected_button.clicked.connect(self._on_resend_rejected_button_clicked)
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.export_button.clicked.connect(self.export_requested)
        actions = QHBoxLayout()
        for button in (
            self.resend_unknown_button,
            self.resend_rejected_button,
            self.refresh_button,
            self.export_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        return actions

    def _filter_label(self, key: str) -> str:
        labels = {
            "all": self.tr("All messages"),
            "accepted": self.tr("Accepted"),
            "rejected": self.tr("Rejected"),
            "unknown": self.tr("Unknown"),
            "open": self.tr("Not finished"),
            "cancelled": self.tr("Cancelled"),
        }
        return labels[key]

    # ------------------------------------------------------------------ what the window calls

    def show_campaign(self, campaign: Campaign, records: list[MessageRecord]) -> None:
        """Show a campaign's messages (replacing what was shown)."""
        self._campaign = campaign
        self.model.load(records)
        self._update_title()
        self._update_counts(self._count(records))

    def campaign(self) -> Campaign | None:
        """The campaign shown, if any."""
        return self._campaign

    def apply_progress(self, progress: Progress) -> None:
        """Apply a batch from the engine: changed rows, the new counts and the pace it sends at."""
        self.model.apply(progress.changed)
        self._update_counts(progress.counts)
        pace = self.tr("up to {rate} messages a second").format(rate=f"{progress.rate_per_s:,.1f}")
        self.progress_text.setText(f"{self.progress_text.text()} · {pace}")

    def set_send_state(self, state: SendState) -> None:
        """Enable the buttons that make sense now."""
        sending = state in {SendState.RUNNING, SendState.PAUSED, SendState.STOPPING}
        self.progress.setVisible(has_campaign := self._campaign is not None)
        self.progress_text.setVisible(has_campaign)
        self.pause_button.setVisible(sending)
        self.resume_button.setVisible(sending)
        self.cancel_button.setVisible(sending)
        self.pause_button.setEnabled(state is SendState.RUNNING)
        self.resume_button.setEnabled(state is SendState.PAUSED)
        self.cancel_button.setEnabled(state in {SendState.RUNNING, SendState.PAUSED})
        idle = state is SendState.IDLE
        counts = self._counts
        self.resend_unknown_button.setEnabled(
            idle and has_campaign and counts.get(MessageState.UNKNOWN, 0) > 0
        )
        self.resend_rejected_button.setEnabled(
            idle and has_campaign and counts.get(MessageState.REJECTED, 0) > 0
        )
        self.refresh_button.setEnabled(
            idle
            and has_campaign
            and counts.get(MessageState.ACCEPTED, 0) > 0
            and (not self._is_sandbox() or self.sandbox_running)
        )
        self.export_button.setEnabled(has_campaign)
        if state is SendState.RUNNING and self._started_at == 0.0:
            self._started_at = time.monotonic()
            self._started_done = self._done(counts)
        elif state is SendState.IDLE:
            self._started_at = 0.0

    # ------------------------------------------------------------------ slots

    @Slot(int)
    def _on_state_filter_changed(self, index: int) -> None:
        self.proxy.set_states(_FILTERS[index][1])

    @Slot(str)
    def _on_search_text_changed(self, text: str) -> None:
        self.proxy.set_search(text)

    @Slot()
    def _on_resend_unknown_button_clicked(self) -> None:
        self.resend_requested.emit(MessageState.UNKNOWN)

    @Slot()
    def _on_resend_rejected_button_clicked(self) -> None:
        self.resend_requested.emit(MessageState.REJECTED)

    # ------------------------------------------------------------------ helpers

    def _is_sandbox(self) -> bool:
        return self._campaign is not None and self._campaign.sandbox

    @staticmethod
    def _count(records: list[MessageRecord]) -> dict[MessageState, int]:
        counts = dict.fromkeys(MessageState, 0)
        for record in records:
            counts[record.state] += 1
        return counts

    @staticmethod
    def _done(counts: Mapping[MessageState, int]) -> int:
        return sum(n for state, n in counts.items() if state not in OPEN_STATES)

    def _update_title(self) -> None:
        campaign = self._campaign
        if campaign is None:
            return
        source = campaign.source_name or self.tr("typed numbers")
        sandbox = self.tr(" — sandbox, nothing really sent") if campaign.sandbox else ""
        self.title.setText(
            self.tr("Campaign {code} · {source} · from {sender}{sandbox}").format(
                code=campaign.code, source=source, sender=campaign.sender_id, sandbox=sandbox
            )
        )

    def _update_counts(self, counts: Mapping[MessageState, int]) -> None:
        self._counts = dict(counts)
        total = sum(counts.values())
        done = self._done(counts)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        parts = [
            self.tr("{state}: {count}").format(state=state_name(state), count=f"{count:,}")
            for state, count in counts.items()
            if count
        ]
        eta = self._eta(done, total)
        self.progress_text.setText(" · ".join(parts) + (f" · {eta}" if eta else ""))

    def _eta(self, done: int, total: int) -> str:
        if self._started_at == 0.0 or done >= total:
            return ""
        elapsed = time.monotonic() - self._started_at
        sent = done - self._started_done
        if sent <= 0 or elapsed <= 0:
            return ""
        seconds = int((total - done) * elapsed / sent)
        minutes, secs = divmod(seconds, 60)
        return self.tr("about {minutes} min {seconds} s left").format(minutes=minutes, seconds=secs)
