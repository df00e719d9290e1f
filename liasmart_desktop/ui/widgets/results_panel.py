"""The results side of the window: what the send is doing in words, progress with pause/resume/cancel, the
delivery reports, the filterable grid of every row of the list, and what to do next."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from liasmart_desktop.core.sending.records import Campaign, MessageRecord, SetAsideRow
from liasmart_desktop.core.sending.schedule import zoned_text as local_time
from liasmart_desktop.core.sending.states import CampaignStatus, MessageState
from liasmart_desktop.core.sending.summaries import Progress
from liasmart_desktop.ui.controllers.send_controller import SendState
from liasmart_desktop.ui.messages import campaign_title, duration_text, local_time_text, state_name
from liasmart_desktop.ui.models.results_model import SET_ASIDE, Column, ResultsFilter, ResultsModel
from liasmart_desktop.ui.widgets.compose_wording import number

ROW_HEIGHT_PX = 24
#: Typing in the search box filters once typing pauses this long (100k rows take a moment to filter).
SEARCH_DELAY_MS = 250
_CELL_PADDING_PX = 18
_ICON_PX = 22
#: Sample text per column: the column is as wide as the wider of this and its header.
_COLUMN_SAMPLES = {
    Column.ROW: "100000",
    Column.PHONE: "+86 139 1234 5678",
    Column.VALUES: "Maria Lopez · Kowloon",
    Column.STATE: "Waiting to send",
    Column.DELIVERY: "Not delivered",
    Column.MESSAGE_ID: "264713041",  # longer IDs are cut; the tooltip has them whole
    Column.PARTS: "10",
    Column.SENT: "2026-12-31 23:59",
    Column.FINISHED: "2026-12-31 23:59",
}
#: The state filter's choices: (key, states shown).
_FILTERS: list[tuple[str, frozenset[MessageState | str]]] = [
    ("all", frozenset()),
    ("accepted", frozenset({MessageState.ACCEPTED})),
    ("rejected", frozenset({MessageState.REJECTED})),
    ("unknown", frozenset({MessageState.UNKNOWN})),
    ("open", frozenset({MessageState.PENDING, MessageState.IN_FLIGHT, MessageState.RETRY_WAIT})),
    ("cancelled", frozenset({MessageState.CANCELLED})),
    ("set_aside", frozenset({SET_ASIDE})),
]
_SENT_STATES = (MessageState.ACCEPTED, MessageState.REJECTED, MessageState.UNKNOWN)
_OPEN_STATES = (MessageState.PENDING, MessageState.IN_FLIGHT, MessageState.RETRY_WAIT)


class ResultsPanel(QWidget):
    """Shows one campaign's rows and the controls of the send in progress.

    Signals:
        pause_clicked(), resume_clicked(), cancel_clicked()
        resend_requested(object): the ``MessageState`` (unknown or rejected) to send again.
        refresh_requested(): poll delivery statuses.
        export_requested(): export the results.
        new_message_requested(): the user wants to write a new message.
    """

    pause_clicked = Signal()
    resume_clicked = Signal()
    cancel_clicked = Signal()
    resend_requested = Signal(object)
    refresh_requested = Signal()
    export_requested = Signal()
    new_message_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ResultsModel(self)
        self.proxy = ResultsFilter(self)
        self.proxy.setSourceModel(self.model)
        self._campaign: Campaign | None = None
        self._state = SendState.IDLE
        self._counts: dict[MessageState, int] = dict.fromkeys(MessageState, 0)
        #: Seconds spent sending (pauses left out) and when the current stretch began (0: not running).
        self._active_s = 0.0
        self._running_since = 0.0
        self._sent_at_start = -1
        #: Why delivery statuses cannot be asked for now ("" when they can), from the window.
        self._refresh_blocker = ""
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)
        self._build()
        self.set_send_state(SendState.IDLE)

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build_title())
        layout.addLayout(self._build_controls())
        layout.addWidget(self.progress_text)
        layout.addWidget(self.delivery_text)
        layout.addLayout(self._build_filters())
        layout.addWidget(self._build_table(), 1)
        layout.addLayout(self._build_actions())

    def _build_title(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        self.title = QLabel(self.tr("No campaign yet: write a message, then press Review and send."))
        self.title.setObjectName("resultsTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.details = QLabel()
        self.details.setObjectName("resultsDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel()
        self.message.setObjectName("resultsMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A long message must not widen the window: it is cut to the width and shown whole as a tooltip.
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        for label in (self.title, self.details, self.message):
            column.addWidget(label)
        return box

    def _build_controls(self) -> QHBoxLayout:
        self.state_label = QLabel()
        self.state_label.setObjectName("sendStateLabel")
        self.state_label.setAccessibleName(self.tr("What sending is doing"))
        font = QFont(self.state_label.font())
        font.setBold(True)
        self.state_label.setFont(font)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Sending progress"))
        self.progress_text = QLabel()
        self.progress_text.setObjectName("progressText")
        self.progress_text.setWordWrap(True)
        self.delivery_text = QLabel()
        self.delivery_text.setObjectName("deliveryText")
        self.delivery_text.setWordWrap(True)
        self.pause_button = QPushButton(self.tr("&Pause"))
        self.resume_button = QPushButton(self.tr("Res&ume"))
        self.cancel_button = QPushButton(self.tr("&Cancel sending"))
        self.pause_button.clicked.connect(self.pause_clicked)
        self.resume_button.clicked.connect(self.resume_clicked)
        self.cancel_button.clicked.connect(self.cancel_clicked)
        controls = QHBoxLayout()
        controls.addWidget(self.state_label)
        controls.addWidget(self.progress, 1)
        for button in (self.pause_button, self.resume_button, self.cancel_button):
            controls.addWidget(button)
        return controls

    def _build_filters(self) -> QHBoxLayout:
        self.state_filter = QComboBox()
        self.state_filter.setAccessibleName(self.tr("Show messages"))
        for key, _states in _FILTERS:
            self.state_filter.addItem(self._filter_label(key), key)
        self.state_filter.currentIndexChanged.connect(self._on_state_filter_current_index_changed)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search number, name or other list value, message ID"))
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
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT_PX)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(24)
        # The columns are as wide as their content needs; the reason takes the rest, so the grid fits
        # its width and nothing scrolls sideways unless the window is narrower than the columns.
        body = QFontMetrics(self.table.font())
        head = QFontMetrics(header.font())
        for column, sample in _COLUMN_SAMPLES.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(body.horizontalAdvance(sample), head.horizontalAdvance(title)) + _CELL_PADDING_PX
            if column is Column.STATE:
                width += _ICON_PX  # the state's icon before its name
            header.resizeSection(column, width)
        header.setSectionResizeMode(Column.REASON, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(Column.FINISHED, True)  # in the export; the grid shows when it was sent
        self.table.setColumnHidden(Column.VALUES, True)  # shown for lists with other columns
        self.empty_note = QLabel(self.table.viewport())
        self.empty_note.setObjectName("emptyFilterNote")
        self.empty_note.setWordWrap(True)
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note_layout = QVBoxLayout(self.table.viewport())
        note_layout.addWidget(self.empty_note)
        self.empty_note.hide()
        return self.table

    def _build_actions(self) -> QHBoxLayout:
        self.resend_unknown_button = QPushButton(self.tr("Resend &unknown…"))
        self.resend_rejected_button = QPushButton(self.tr("Resend re&jected…"))
        self.refresh_button = QPushButton(self.tr("Refresh &delivery status"))
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.new_message_button = QPushButton(self.tr("&New message"))
        self.new_message_button.setToolTip(
            self.tr("Clear the message and the recipients, keeping the sender ID, to write the next one")
        )
        self.resend_unknown_button.clicked.connect(self._on_resend_unknown_button_clicked)
        self.resend_rejected_button.clicked.connect(self._on_resend_rejected_button_clicked)
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.export_button.clicked.connect(self.export_requested)
        self.new_message_button.clicked.connect(self.new_message_requested)
        actions = QHBoxLayout()
        for button in (
            self.resend_unknown_button,
            self.resend_rejected_button,
            self.refresh_button,
            self.export_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.new_message_button)
        return actions

    def _filter_label(self, key: str) -> str:
        labels = {
            "all": self.tr("All rows"),
            "accepted": self.tr("Accepted"),
            "rejected": self.tr("Rejected"),
            "unknown": self.tr("Unknown"),
            "open": self.tr("Not finished"),
            "cancelled": self.tr("Cancelled"),
            "set_aside": self.tr("Set aside (not sent)"),
        }
        return labels[key]

    # ------------------------------------------------------------------ what the window calls

    def show_campaign(
        self,
        campaign: Campaign,
        records: Sequence[MessageRecord],
        set_aside: Sequence[SetAsideRow] = (),
        *,
        columns: Sequence[str] = (),
        values: Mapping[int, str] | None = None,
    ) -> None:
        """Show a campaign's messages and set-aside rows (replacing what was shown).

        ``columns`` are the list's other columns; ``values`` each message's values of them.
        """
        another = self._campaign is None or self._campaign.id != campaign.id
        self._campaign = campaign
        self.model.load(records, set_aside, columns=columns, values=values)
        self.table.setColumnHidden(Column.VALUES, not columns)
        self._update_title()
        counts = self.model.state_counts()
        if another:
            # The estimate starts with this campaign (a send stores it after its run has begun).
            running = self._state is SendState.RUNNING
            self._active_s, self._running_since = 0.0, time.monotonic() if running else 0.0
            self._sent_at_start = self._sent(counts) if running else -1
        self._update_counts(counts)
        self._apply_search()
        self.set_send_state(self._state)

    def set_values(self, campaign_id: int, values: Mapping[int, str]) -> None:
        """The messages' list values, read after the messages (those of another campaign are ignored)."""
        if self._campaign is not None and self._campaign.id == campaign_id:
            self.model.set_values(values)
            self._apply_search()

    def update_campaign(self, campaign: Campaign) -> None:
        """The shown campaign's new status (a run ended) before its messages are read again."""
        if self._campaign is not None and self._campaign.id == campaign.id:
            self._campaign = campaign
            self._update_title()
            self.set_send_state(self._state)

    def campaign(self) -> Campaign | None:
        """The campaign shown, if any."""
        return self._campaign

    def apply_progress(self, progress: Progress) -> None:
        """Apply a batch from the engine: changed rows, the new counts and the pace it sends at."""
        self.model.apply(progress.changed)
        self._update_counts(progress.counts)
        if not progress.done and progress.held_until is not None:
            held = self.tr("quiet hours: nothing leaves before {time}").format(
                time=local_time(progress.held_until)
            )
            self.progress_text.setText(f"{self.progress_text.text()} · {held}")
        elif not progress.done and progress.rate_per_s < progress.target_rate_per_s:
            pace = self.tr("slowed to {rate} of {target} a second: LiaSmart asked to slow down").format(
                rate=f"{progress.rate_per_s:,.1f}", target=f"{progress.target_rate_per_s:,.1f}"
            )
            self.progress_text.setText(f"{self.progress_text.text()} · {pace}")

    def apply_delivery(self, changed: Sequence[MessageRecord]) -> None:
        """Messages whose delivery status was just asked for."""
        self.model.apply(changed)
        self._update_delivery()

    def set_refresh_blocker(self, reason: str) -> None:
        """Why delivery statuses cannot be asked for now ("" when they can)."""
        self._refresh_blocker = reason
        self._update_actions()

    def set_send_state(self, state: SendState) -> None:
        """Show what sending is doing, and enable the buttons that make sense now."""
        previous, self._state = self._state, state
        now = time.monotonic()
        if self._running_since and state is not SendState.RUNNING:
            self._active_s += now - self._running_since
            self._running_since = 0.0
        if state is SendState.RUNNING and not self._running_since:
            self._running_since = now
            if previous is SendState.IDLE:
                self._active_s, self._sent_at_start = 0.0, self._sent(self._counts)
        sending = state in {SendState.RUNNING, SendState.PAUSED, SendState.STOPPING}
        has_campaign = self._campaign is not None
        self.progress.setVisible(has_campaign)
        self.progress_text.setVisible(has_campaign)
        self.state_label.setVisible(has_campaign)
        self.pause_button.setVisible(sending)
        self.resume_button.setVisible(sending)
        self.cancel_button.setVisible(sending)
        self.pause_button.setEnabled(state is SendState.RUNNING)
        self.resume_button.setEnabled(state is SendState.PAUSED)
        self.cancel_button.setEnabled(state in {SendState.RUNNING, SendState.PAUSED})
        self._update_actions()
        self._update_counts(self._counts)

    @property
    def state_text(self) -> str:
        """What sending is doing, in words (as shown above the grid)."""
        return self.state_label.text()

    @property
    def progress_percent(self) -> int:
        """The share of the messages sent, in percent (rounded down)."""
        bar = self.progress
        return 100 * bar.value() // max(bar.maximum(), 1)

    @property
    def refresh_reason(self) -> str:
        """Why "Refresh delivery status" is disabled ("" when it is enabled)."""
        return "" if self.refresh_button.isEnabled() else self.refresh_button.toolTip()

    # ------------------------------------------------------------------ slots

    @Slot(int)
    def _on_state_filter_current_index_changed(self, index: int) -> None:
        self.proxy.set_states(_FILTERS[index][1])
        self._update_empty_note()

    @Slot(str)
    def _on_search_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    @Slot()
    def _on_search_timer_timeout(self) -> None:
        self._apply_search()

    @Slot()
    def _on_resend_unknown_button_clicked(self) -> None:
        self.resend_requested.emit(MessageState.UNKNOWN)

    @Slot()
    def _on_resend_rejected_button_clicked(self) -> None:
        self.resend_requested.emit(MessageState.REJECTED)

    # ------------------------------------------------------------------ helpers

    def apply_search_now(self) -> None:
        """Filter by the search box at once (without waiting for typing to pause)."""
        self._search_timer.stop()
        self._apply_search()

    def _apply_search(self) -> None:
        self._search_timer.stop()
        self.proxy.set_search(self.search.text())
        self._update_empty_note()

    def _update_empty_note(self) -> None:
        empty = self.proxy.rowCount() == 0 and self.model.rowCount() > 0
        if empty:
            search = self.proxy.search
            label = self.state_filter.currentText()
            if search and self.state_filter.currentIndex() > 0:
                text = self.tr("No row among “{filter}” contains “{search}”.").format(
                    filter=label, search=search
                )
            elif search:
                text = self.tr(
                    "No row contains “{search}”. Check the spelling, or search for part of it."
                ).format(search=search)
            else:
                text = self.tr("No row is “{filter}”. Choose “{all}” to see every row.").format(
                    filter=label, all=self._filter_label("all")
                )
            self.empty_note.setText(text)
        self.empty_note.setVisible(empty)

    @staticmethod
    def _sent(counts: Mapping[MessageState, int]) -> int:
        return sum(counts.get(state, 0) for state in _SENT_STATES)

    def _update_title(self) -> None:
        campaign = self._campaign
        if campaign is None:
            return
        self.title.setText(campaign_title(campaign))
        parts = [
            self.tr("Started {time}").format(time=local_time_text(campaign.created_at)),
            campaign.source_name or self.tr("typed numbers"),
            self.tr("from {sender}").format(sender=campaign.sender_id),
        ]
        aside = self.model.set_aside_count
        if aside == 1:
            parts.append(self.tr("1 row of the list set aside"))
        elif aside:
            parts.append(self.tr("{count} rows of the list set aside").format(count=number(aside)))
        if campaign.sandbox:
            parts.append(self.tr("sandbox, nothing really sent"))
        self.details.setText(" · ".join(parts))
        first_line = campaign.template.strip().splitlines()[0] if campaign.template.strip() else ""
        self.message.setText(self.tr("Message: {text}").format(text=first_line))
        self.message.setToolTip(campaign.template)

    def _update_actions(self) -> None:
        idle = self._state is SendState.IDLE
        has_campaign = self._campaign is not None
        counts = self._counts
        self.resend_unknown_button.setEnabled(
            idle and has_campaign and counts.get(MessageState.UNKNOWN, 0) > 0
        )
        self.resend_rejected_button.setEnabled(
            idle and has_campaign and counts.get(MessageState.REJECTED, 0) > 0
        )
        reason = self._refresh_reason()
        self.refresh_button.setEnabled(not reason)
        self.refresh_button.setToolTip(
            reason or self.tr("Ask LiaSmart now whether the accepted messages have arrived")
        )
        self.refresh_button.setAccessibleDescription(reason)
        self.export_button.setEnabled(has_campaign)
        campaign = self._campaign
        self.new_message_button.setVisible(
            idle
            and campaign is not None
            and campaign.status in {CampaignStatus.FINISHED, CampaignStatus.CANCELLED}
        )

    def _refresh_reason(self) -> str:
        if self._campaign is None:
            return self.tr("Open a campaign to ask for its delivery reports.")
        if self._state is not SendState.IDLE:
            return self.tr("Delivery reports can be asked for once sending has stopped.")
        if not self._counts.get(MessageState.ACCEPTED, 0):
            return self.tr(
                "No message of this campaign was accepted, so there is no delivery report to ask for."
            )
        return self._refresh_blocker

    def _update_counts(self, counts: Mapping[MessageState, int]) -> None:
        self._counts = dict(counts)
        total = sum(counts.values())
        sent = self._sent(counts)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(sent)
        self.progress.setFormat(
            self.tr("{sent} of {total} sent (%p%)").format(sent=number(sent), total=number(total))
        )
        parts = [
            self.tr("{state}: {count}").format(state=state_name(state), count=number(count))
            for state, count in counts.items()
            if count
        ]
        eta = self._eta(sent, total, counts)
        self.progress_text.setText(" · ".join(parts + ([eta] if eta else [])))
        self.state_label.setText(self._state_words(counts))
        self._update_actions()
        self._update_delivery()

    def _state_words(self, counts: Mapping[MessageState, int]) -> str:
        state = self._state
        if state is SendState.RUNNING:
            return self.tr("Sending…")
        if state is SendState.PAUSED:
            return self.tr("Paused")
        if state is SendState.STOPPING:
            return self.tr("Stopping…")
        campaign = self._campaign
        if campaign is None:
            return ""
        waiting = sum(counts.get(s, 0) for s in _OPEN_STATES)
        words = {
            CampaignStatus.FINISHED: self.tr("Finished"),
            CampaignStatus.CANCELLED: self.tr("Cancelled"),
            CampaignStatus.PAUSED: self.tr("Stopped"),
            CampaignStatus.READY: self.tr("Not started"),
            CampaignStatus.SENDING: self.tr("Interrupted") if waiting else self.tr("Finished"),
        }
        return words[campaign.status]

    def _eta(self, sent: int, total: int, counts: Mapping[MessageState, int]) -> str:
        left = sum(counts.get(s, 0) for s in _OPEN_STATES)
        if self._state not in {SendState.RUNNING, SendState.PAUSED} or not left or self._sent_at_start < 0:
            return ""
        active = self._active_s + (time.monotonic() - self._running_since if self._running_since else 0.0)
        done_now = sent - self._sent_at_start
        if done_now <= 0 or active <= 0:
            return ""
        # Measured on sending time only: a pause neither raises nor lowers the estimate.
        remaining = duration_text(left * active / done_now)
        if self._state is SendState.PAUSED:
            return self.tr("about {time} left once resumed").format(time=remaining)
        return self.tr("about {time} left").format(time=remaining)

    def _update_delivery(self) -> None:
        delivery = self.model.delivery_counts()
        accepted = sum(delivery.values())
        if not accepted:
            self.delivery_text.setVisible(False)
            return
        delivered, failed = delivery.get("delivered", 0), delivery.get("failed", 0)
        waiting = accepted - delivered - failed
        text = self.tr(
            "Delivery reports: {delivered} delivered · {failed} not delivered · {waiting} waiting"
        ).format(delivered=number(delivered), failed=number(failed), waiting=number(waiting))
        checked = self.model.last_checked
        if checked:
            text += " · " + self.tr("last checked {time}").format(time=local_time_text(checked))
        else:
            text += " · " + self.tr("not checked yet")
        self.delivery_text.setText(text)
        self.delivery_text.setVisible(True)
