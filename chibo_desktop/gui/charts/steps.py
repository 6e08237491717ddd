"""The current campaign's steps in a row of cells: done filled, overdue hatched red, still
to come left open; the counts are written under it."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QToolTip

from ...i18n import _, format_date
from .base import DONE, MUTED, OVERDUE, ChartWidget, hatched


class StepStrip(ChartWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.title = ""
        self.steps: list = []  # services.reminders.dashboard.StepPoint
        self._cells: list[tuple[QRectF, object]] = []

    def set_data(self, title: str, steps: list) -> None:
        self.title, self.steps = title, list(steps)
        self.empty_text = (
            ""
            if steps
            else _("Chưa có đợt sinh hoạt chính trị nào. Tạo đợt mới ở trang Đợt sinh hoạt.")
        )
        self.setAccessibleDescription(self.summary())
        self.update()

    def counts(self) -> tuple[int, int, int]:
        done = sum(1 for s in self.steps if s.status == "done")
        overdue = sum(1 for s in self.steps if s.status == "overdue")
        return done, len(self.steps) - done - overdue, overdue

    def summary(self) -> str:
        if not self.steps:
            return self.empty_text
        done, _due, overdue = self.counts()
        text = _("Xong {done}/{n} bước").format(done=done, n=len(self.steps))
        if overdue:
            text += " · " + _("quá hạn {n}").format(n=overdue)
        return text

    def has_data(self) -> bool:
        return bool(self.steps)

    def paint_chart(self, painter: QPainter) -> None:
        painter.setFont(self.small_font())
        fm = painter.fontMetrics()
        line_h = fm.height()
        painter.setPen(self.text_color())
        self.line(painter, QRect(0, 0, self.width(), line_h), self.title)
        top = line_h + 4
        height = self.height() - top - line_h - 6
        n = len(self.steps)
        cell = self.width() / n
        self._cells = []
        for i, step in enumerate(self.steps):
            rect = QRectF(i * cell + 1, top, max(cell - 2, 1), height)
            if step.status == "done":
                painter.fillRect(rect, DONE)
            elif step.status == "overdue":
                painter.fillRect(rect, OVERDUE.lighter(170))
                painter.fillRect(rect, hatched(OVERDUE))
            painter.setPen(QPen(MUTED, 1))
            painter.drawRect(rect)
            self._cells.append((rect, step))
        painter.setPen(self.text_color())
        self.line(painter, QRect(0, self.height() - line_h, self.width(), line_h), self.summary())

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            for rect, step in self._cells:
                if rect.contains(event.pos()):
                    from ...domain.campaign import STEP_STATUSES

                    status = _(STEP_STATUSES.get(step.status, step.status))
                    due = format_date(step.due) if step.due else "—"
                    text = _("{title} — hạn {due}: {status}").format(
                        title=step.title, due=due, status=status
                    )
                    QToolTip.showText(event.globalPos(), text, self)
                    return True
            QToolTip.hideText()
            return True
        return super().event(event)
