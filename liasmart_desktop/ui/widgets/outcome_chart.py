"""A small chart of a campaign's outcomes over time (accepted, delivered, failed, unknown), drawn with
QPainter: QtCharts is not part of PySide6-Essentials, and four lines need no more than this."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from liasmart_desktop.core.sending.schedule import from_utc_text
from liasmart_desktop.core.sending.timeline import OUTCOMES, OutcomePoint

MIN_SIZE = QSize(360, 180)
MARGIN_PX = 8
LEGEND_SWATCH_PX = 10
LINE_WIDTH_PX = 2.0
#: One colour per outcome, readable for the common colour-blindnesses (Okabe–Ito).
COLOURS = {
    "accepted": QColor("#0072B2"),
    "delivered": QColor("#009E73"),
    "failed": QColor("#D55E00"),
    "unknown": QColor("#E69F00"),
}


def _seconds(iso: str) -> float:
    return datetime.fromisoformat(iso).timestamp()


def time_labels(points: Sequence[OutcomePoint]) -> tuple[str, str]:
    """The first and last times on the time axis, local (with the date when they are on different days)."""
    first, last = (from_utc_text(points[i].at) for i in (0, -1))
    shape = "%H:%M" if first.date() == last.date() else "%m-%d %H:%M"
    return f"{first:{shape}}", f"{last:{shape}}"


class OutcomeChart(QWidget):
    """Cumulative counts of each outcome against time, with a legend; "no outcome yet" when empty.

    Signals:
        none.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: list[OutcomePoint] = []
        self._names = {
            "accepted": self.tr("Accepted"),
            "delivered": self.tr("Delivered"),
            "failed": self.tr("Failed"),
            "unknown": self.tr("Unknown"),
        }
        self.setMinimumSize(MIN_SIZE)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Outcomes over time"))

    def set_points(self, points: Sequence[OutcomePoint]) -> None:
        """Show ``points`` (oldest first, cumulative)."""
        self._points = list(points)
        last = self._points[-1] if self._points else OutcomePoint("")
        self.setAccessibleDescription(
            ", ".join(f"{self._names[name]}: {getattr(last, name):,}" for name in OUTCOMES)
        )
        self.update()

    def sizeHint(self) -> QSize:
        """Override: a chart a dialog can hold beside text."""
        return QSize(480, 220)

    def series(self, plot: QRectF) -> dict[str, list[QPointF]]:
        """Each outcome's line in widget coordinates inside ``plot`` (what ``paintEvent`` draws)."""
        points = self._points
        start, end = _seconds(points[0].at), _seconds(points[-1].at)
        span = max(end - start, 1.0)
        top = max(max(getattr(p, name) for name in OUTCOMES) for p in points) or 1
        return {
            name: [
                QPointF(
                    plot.left() + (_seconds(p.at) - start) / span * plot.width(),
                    plot.bottom() - getattr(p, name) / top * plot.height(),
                )
                for p in points
            ]
            for name in OUTCOMES
        }

    def paintEvent(self, event: QPaintEvent) -> None:
        """Override: axes, one line per outcome, a legend with the latest counts."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        metrics = painter.fontMetrics()
        row_height = metrics.height() + MARGIN_PX // 2
        plot = QRectF(self.rect()).adjusted(MARGIN_PX, MARGIN_PX, -MARGIN_PX, -MARGIN_PX - 2 * row_height)
        painter.setPen(QPen(palette.mid().color(), 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        if not self._points:
            painter.setPen(palette.text().color())
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("No outcome yet."))
        else:
            for name, line in self.series(plot).items():
                painter.setPen(QPen(COLOURS[name], LINE_WIDTH_PX))
                painter.drawPolyline(QPolygonF(line))
            start, end = time_labels(self._points)
            painter.setPen(palette.text().color())
            times = QRectF(plot.left(), plot.bottom() + 2, plot.width(), row_height)
            painter.drawText(times, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), start)
            painter.drawText(times, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), end)
        last = self._points[-1] if self._points else OutcomePoint("")
        x = plot.left()
        y = plot.bottom() + row_height + 2
        for name in OUTCOMES:
            painter.fillRect(QRectF(x, y + 2, LEGEND_SWATCH_PX, LEGEND_SWATCH_PX), COLOURS[name])
            label = f"{self._names[name]} {getattr(last, name):,}"
            painter.setPen(palette.text().color())
            painter.drawText(QPointF(x + LEGEND_SWATCH_PX + 4, y + metrics.ascent()), label)
            x += LEGEND_SWATCH_PX + 12 + metrics.horizontalAdvance(label)
        painter.end()
