"""The next deadlines, one line each with its date; a click opens what the line is about."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QFontMetrics, QPainter

from ...i18n import _, format_date
from .base import OVERDUE, ChartWidget


class DeadlineList(ChartWidget):
    chosen = Signal(int)  # the line's index in ``items``

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: list = []  # services.reminders.Reminder
        self.today = None

    def set_data(self, items: list, today) -> None:
        self.items, self.today = list(items), today
        self.empty_text = "" if items else _("Không có hạn nào sắp tới.")
        self.setToolTip("\n".join(f"{format_date(r.date)}: {r.text}" for r in self.items))
        self.update()

    def _line_height(self) -> int:
        return max(self.height() // 3, 1)

    def has_data(self) -> bool:
        return bool(self.items)

    def paint_chart(self, painter: QPainter) -> None:
        bold = painter.font()
        bold.setBold(True)
        date_w = QFontMetrics(bold).horizontalAdvance("00/00") + 8
        h = self._line_height()
        for i, item in enumerate(self.items):
            top = i * h
            days = (item.date - self.today).days if self.today else 0
            painter.setPen(OVERDUE if days <= 7 else self.text_color())
            bold.setBold(True)
            painter.setFont(bold)
            # day and month: the next deadlines are weeks away (the tooltip has the year)
            self.line(painter, QRect(0, top, date_w, h), f"{item.date:%d/%m}")
            bold.setBold(False)
            painter.setFont(bold)
            painter.setPen(self.text_color())
            self.line(painter, QRect(date_w, top, self.width() - date_w, h), item.text)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.items:
            index = int(event.position().y()) // self._line_height()
            if 0 <= index < len(self.items):
                self.chosen.emit(index)
                event.accept()
                return
        super().mouseReleaseEvent(event)
