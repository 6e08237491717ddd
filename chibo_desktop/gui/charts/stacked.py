"""Members at a glance: one bar by status (official, probationary), one by party age, each
split in segments with their counts; the counts are written, not told by colour."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from ...i18n import _
from .base import ChartWidget

SHADES = ["#3b6ea8", "#7fa7d4", "#2e7d32", "#9ccc65", "#c77700", "#ffcc80", "#777777"]


class StackedBars(ChartWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.bars: list[tuple[str, list]] = []  # (caption, [services.reminders.dashboard.Segment])
        self.note = ""

    def set_data(self, bars: list[tuple[str, list]], note: str = "") -> None:
        self.bars = [(c, [s for s in segs if s.count]) for c, segs in bars]
        self.note = note
        total = sum(s.count for s in self.bars[0][1]) if self.bars else 0
        self.empty_text = "" if total else _("Sổ chưa có đảng viên nào đang sinh hoạt.")
        legends = [f"{c}: {self.legend(segs)}" if c else self.legend(segs) for c, segs in self.bars]
        self.setAccessibleDescription("\n".join(legends))
        self.setToolTip("\n".join([*legends, note]).strip())
        self.update()

    @staticmethod
    def legend(segments: list) -> str:
        return " · ".join(f"{s.label}: {s.count}" for s in segments)

    def has_data(self) -> bool:
        return bool(self.bars)

    def paint_chart(self, painter: QPainter) -> None:
        painter.setFont(self.small_font())
        fm = painter.fontMetrics()
        row_h = (self.height() - (fm.height() if self.note else 0)) / max(len(self.bars), 1)
        bar_h = max(row_h - fm.height() - 6, 8)
        for row, (caption, segments) in enumerate(self.bars):
            top = row * row_h
            painter.setPen(self.text_color())
            text = f"{caption}: {self.legend(segments)}" if caption else self.legend(segments)
            self.line(painter, QRect(0, int(top), self.width(), fm.height()), text)
            total = sum(s.count for s in segments) or 1
            x, y = 0.0, top + fm.height() + 2
            for i, seg in enumerate(segments):
                w = self.width() * seg.count / total
                rect = QRectF(x, y, w, bar_h)
                color = QColor(SHADES[i % len(SHADES)])
                painter.fillRect(rect, color)
                painter.setPen(QColor("#ffffff") if color.lightness() < 140 else QColor("#000"))
                text = str(seg.count)
                if fm.horizontalAdvance(text) + 4 <= w:
                    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
                x += w
        if self.note:
            painter.setPen(self.text_color())
            rect = QRect(0, self.height() - fm.height(), self.width(), fm.height())
            self.line(painter, rect, self.note)
