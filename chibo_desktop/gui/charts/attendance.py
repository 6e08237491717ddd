"""Attendance of the last regular meetings: a bar each, the cell's yardstick as a dashed
line, bars of minutes still in draft hatched, a bar under the yardstick in amber."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QToolTip

from ...i18n import _, format_date
from .base import BAR, LOW, MUTED, ChartWidget, hatched


def percent(value: float) -> str:
    """A whole percentage ("85%"): no decimal separator, so it reads the same in both
    languages, and the window needs no locale data to start."""
    return f"{round(value * 100)}%"


class AttendanceChart(ChartWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.points: list = []  # services.reminders.dashboard.AttendancePoint
        self.threshold = 0.85
        self._bars: list[tuple[QRectF, object]] = []

    def set_data(self, points: list, threshold: float) -> None:
        self.points, self.threshold = list(points), threshold
        self.empty_text = (
            ""
            if points
            else _("Chưa có buổi sinh hoạt thường kỳ nào. Biểu đồ hiện ra khi có biên bản.")
        )
        self.setAccessibleDescription(self.summary())
        self.update()

    def summary(self) -> str:
        if not self.points:
            return self.empty_text
        last = self.points[-1]
        return _("Gần nhất {date}: {rate}").format(
            date=format_date(last.date), rate=percent(last.rate or 0)
        )

    def has_data(self) -> bool:
        return bool(self.points)

    def paint_chart(self, painter: QPainter) -> None:
        painter.setFont(self.small_font())
        fm = painter.fontMetrics()
        caption_h = fm.height() + 2
        area = QRectF(self.rect()).adjusted(2, 4, -fm.horizontalAdvance("100%") - 6, -caption_h)
        n = max(len(self.points), 1)
        slot = area.width() / n
        width = max(min(slot * 0.7, 22), 2)
        self._bars = []
        for i, p in enumerate(self.points):
            rate = p.rate or 0.0
            h = area.height() * min(rate, 1.0)
            bar = QRectF(area.left() + i * slot + (slot - width) / 2, area.bottom() - h, width, h)
            color = BAR if p.rate is None or p.rate > self.threshold else LOW
            painter.fillRect(bar, color.lighter(140) if p.draft else color)
            if p.draft:
                painter.fillRect(bar, hatched(color.darker(130)))
            self._bars.append((bar.adjusted(-(slot - width) / 2, -area.height(), 0, 0), p))
        painter.setPen(QPen(MUTED, 1))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        y = area.bottom() - area.height() * self.threshold
        painter.setPen(QPen(self.text_color(), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        painter.setPen(self.text_color())
        label = QRect(int(area.right()) + 3, int(y - fm.height() / 2), 60, fm.height())
        painter.drawText(label, int(Qt.AlignmentFlag.AlignLeft), percent(self.threshold))
        self.line(painter, QRect(0, self.height() - caption_h, self.width(), caption_h),
                  self.summary())  # fmt: skip

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            for rect, p in self._bars:
                if rect.contains(event.position() if hasattr(event, "position") else event.pos()):
                    QToolTip.showText(event.globalPos(), self.bar_text(p), self)
                    return True
            QToolTip.hideText()
            return True
        return super().event(event)

    @staticmethod
    def bar_text(p) -> str:
        text = _("{date}: có mặt {present}/{expected} ({rate})").format(
            date=format_date(p.date),
            present=p.present,
            expected=p.expected,
            rate=percent(p.rate or 0),
        )
        if p.draft:
            text += " — " + _("biên bản còn là dự thảo")
        return text
