"""The History table: one row per stored campaign, with its counts, formatted once when loaded."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from liasmart_desktop.core.sending.records import Campaign
from liasmart_desktop.core.sending.states import CampaignStatus, MessageState
from liasmart_desktop.core.sending.summaries import CampaignOverview
from liasmart_desktop.ui.messages import campaign_title, describe_stop, join_sentences, local_time_text

_ModelIndex = QModelIndex | QPersistentModelIndex
#: Data role holding the campaign code of a row (any column).
CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class HistoryColumn(enum.IntEnum):
    """The columns, in display order."""

    DATE = 0
    NAME = enum.auto()
    MESSAGE = enum.auto()
    STATUS = enum.auto()
    MESSAGES = enum.auto()
    ACCEPTED = enum.auto()
    REJECTED = enum.auto()
    UNKNOWN = enum.auto()
    WAITING = enum.auto()
    SENDER = enum.auto()
    TYPE = enum.auto()
    ACCOUNT = enum.auto()
    CODE = enum.auto()


_NUMBER_COLUMNS = frozenset(
    {
        HistoryColumn.MESSAGES,
        HistoryColumn.ACCEPTED,
        HistoryColumn.REJECTED,
        HistoryColumn.UNKNOWN,
        HistoryColumn.WAITING,
    }
)


@dataclass(frozen=True, slots=True)
class _Row:
    overview: CampaignOverview
    code: str
    cells: tuple[str, ...]
    tooltips: tuple[str, ...]
    details: str
    unfinished: bool


class HistoryTableModel(QAbstractTableModel):
    """Campaigns, newest first; every cell's text is worked out once in ``set_campaigns``.

    Signals:
        only ``QAbstractTableModel``'s own (a reset per ``set_campaigns``).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        headers = {
            HistoryColumn.DATE: self.tr("Date"),
            HistoryColumn.NAME: self.tr("Campaign"),
            HistoryColumn.MESSAGE: self.tr("Message"),
            HistoryColumn.STATUS: self.tr("Status"),
            HistoryColumn.MESSAGES: self.tr("Messages"),
            HistoryColumn.ACCEPTED: self.tr("Accepted"),
            HistoryColumn.REJECTED: self.tr("Rejected"),
            HistoryColumn.UNKNOWN: self.tr("Unknown"),
            HistoryColumn.WAITING: self.tr("Not sent yet"),
            HistoryColumn.SENDER: self.tr("Sender ID"),
            HistoryColumn.TYPE: self.tr("Type"),
            HistoryColumn.ACCOUNT: self.tr("Account"),
            HistoryColumn.CODE: self.tr("Code"),
        }
        self._headers = tuple(headers[column] for column in HistoryColumn)
        self._header_tips = {
            HistoryColumn.UNKNOWN: self.tr(
                "No clear answer came back for these messages: they may or may not have been delivered."
            ),
            HistoryColumn.WAITING: self.tr("Messages still to send; open the campaign to continue."),
            HistoryColumn.ACCOUNT: self.tr(
                "The LiaSmart account (API ID) the campaign is sent through, or the sandbox for practice "
                "campaigns. A campaign is only ever sent through its own account."
            ),
        }

    # ------------------------------------------------------------------ filling

    def set_campaigns(self, overviews: Sequence[CampaignOverview]) -> None:
        """Show ``overviews`` (newest first), replacing what was shown."""
        self.beginResetModel()
        self._rows = [self._row(overview) for overview in overviews]
        self.endResetModel()

    def code_at(self, row: int) -> str:
        """The campaign code shown in ``row``."""
        return self._rows[row].code

    def row_of(self, code: str) -> int:
        """The row showing campaign ``code`` (-1 when it is not shown)."""
        return next((i for i, row in enumerate(self._rows) if row.code == code), -1)

    @staticmethod
    def _message_text(campaign: Campaign) -> str:
        """The message on one line (a cell shows one line; the details below show it whole)."""
        return " ".join(campaign.template.split())

    def _account_text(self, campaign: Campaign) -> str:
        if campaign.sandbox:
            return self.tr("Sandbox (practice)")
        return campaign.api_id or "—"

    def _type_text(self, sms_type: str) -> str:
        return self.tr("Transactional") if sms_type == "T" else self.tr("Promotional")

    def _status_text(self, status: CampaignStatus) -> str:
        return {
            CampaignStatus.READY: self.tr("Not started"),
            CampaignStatus.SCHEDULED: self.tr("Scheduled"),
            CampaignStatus.SENDING: self.tr("Sending"),
            CampaignStatus.PAUSED: self.tr("Stopped"),
            CampaignStatus.FINISHED: self.tr("Finished"),
            CampaignStatus.CANCELLED: self.tr("Cancelled"),
        }[status]

    def _row(self, overview: CampaignOverview) -> _Row:
        campaign, counts = overview.campaign, overview.counts
        unfinished = overview.waiting > 0 and campaign.status is not CampaignStatus.CANCELLED
        status = self._status_text(campaign.status)
        if campaign.status is CampaignStatus.SCHEDULED and campaign.scheduled_at:
            status = self.tr("Scheduled for {time}").format(time=local_time_text(campaign.scheduled_at))
        elif unfinished and campaign.status is not CampaignStatus.SENDING:
            status = self.tr("{status} – can be continued").format(status=status)
        by_column = {
            HistoryColumn.DATE: local_time_text(campaign.created_at),
            HistoryColumn.NAME: campaign_title(campaign),
            HistoryColumn.MESSAGE: self._message_text(campaign),
            HistoryColumn.STATUS: status,
            HistoryColumn.MESSAGES: f"{overview.total:,}",
            HistoryColumn.ACCEPTED: f"{counts.get(MessageState.ACCEPTED, 0):,}",
            HistoryColumn.REJECTED: f"{counts.get(MessageState.REJECTED, 0):,}",
            HistoryColumn.UNKNOWN: f"{counts.get(MessageState.UNKNOWN, 0):,}",
            HistoryColumn.WAITING: f"{overview.waiting:,}",
            HistoryColumn.SENDER: campaign.sender_id,
            HistoryColumn.TYPE: self._type_text(campaign.sms_type),
            HistoryColumn.ACCOUNT: self._account_text(campaign),
            HistoryColumn.CODE: campaign.code,
        }
        cells = tuple(by_column[column] for column in HistoryColumn)
        summary = self.tr(
            "{accepted} accepted, {rejected} rejected, {unknown} unknown, {waiting} not sent yet, "
            "{cancelled} cancelled; {set_aside} rows of the list were set aside."
        ).format(
            accepted=cells[HistoryColumn.ACCEPTED],
            rejected=cells[HistoryColumn.REJECTED],
            unknown=cells[HistoryColumn.UNKNOWN],
            waiting=cells[HistoryColumn.WAITING],
            cancelled=f"{counts.get(MessageState.CANCELLED, 0):,}",
            set_aside=f"{overview.set_aside:,}",
        )
        stop = describe_stop(campaign.stop) if campaign.stop else ""
        details = [
            self.tr("Message: “{text}”").format(text=campaign.template.strip()),
            summary,
            stop,
            self._who_text(campaign),
        ]
        unknown = counts.get(MessageState.UNKNOWN, 0)
        if unknown == 1:
            details.append(
                self.tr(
                    "1 message got no clear answer from LiaSmart: it may or may not have been delivered. "
                    "Open the campaign to decide whether to send it again."
                )
            )
        elif unknown:
            details.append(
                self.tr(
                    "{count} messages got no clear answer from LiaSmart: they may or may not have been "
                    "delivered. Open the campaign to decide whether to send them again."
                ).format(count=f"{unknown:,}")
            )
        if unfinished:
            details.append(self.tr("Open the campaign to continue sending the rest."))
        tooltips = tuple(
            {
                HistoryColumn.MESSAGES: summary,
                HistoryColumn.STATUS: stop,
                HistoryColumn.MESSAGE: campaign.template,
                HistoryColumn.NAME: by_column[HistoryColumn.NAME],
            }.get(column)
            or self._header_tips.get(column, "")
            for column in HistoryColumn
        )
        return _Row(
            overview=overview,
            code=campaign.code,
            cells=cells,
            tooltips=tooltips,
            details=join_sentences(details),
            unfinished=unfinished,
        )

    def overview_at(self, row: int) -> CampaignOverview:
        """The campaign shown in ``row``, with its counts."""
        return self._rows[row].overview

    def _who_text(self, campaign: Campaign) -> str:
        """Who started it and from which template (the record of who sent what)."""
        who = campaign.created_by or self.tr("an unknown user")
        if campaign.template_name:
            return self.tr("Started by {who} from the template “{template}”.").format(
                who=who, template=campaign.template_name
            )
        return self.tr("Started by {who}.").format(who=who)

    def details_at(self, row: int) -> str:
        """Sentences about the campaign in ``row``: its counts, why it stopped, what to do."""
        return self._rows[row].details

    # ------------------------------------------------------------------ QAbstractTableModel

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(HistoryColumn)

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = HistoryColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltips[column] or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBER_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column is HistoryColumn.STATUS and row.unfinished:
            font = QFont()
            font.setBold(True)
            return font
        if role == CODE_ROLE:
            return row.code
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HistoryColumn):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips.get(HistoryColumn(section))
        return None

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
