"""What every home chart shares: its size, its friendly empty state, elided text lines."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

HEIGHT = 92  # pixels: a compact row that leaves the reminders their room at 1024×600
DONE = QColor("#2e7d32")
BAR = QColor("#3b6ea8")
LOW = QColor("#c77700")
OVERDUE = QColor("#b3261e")
MUTED = QColor("#777777")


def hatched(color: QColor, style=Qt.BrushStyle.BDiagPattern) -> QBrush:
    return QBrush(color, style)


class ChartWidget(QWidget):
    """A painted chart; with nothing to draw it says so in words instead of an empty axis."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty_text = ""
        self.setMinimumHeight(HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        return QSize(180, HEIGHT)

    def minimumSizeHint(self) -> QSize:
        return QSize(60, HEIGHT)

    def small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() - 1, 7))
        return font

    def text_color(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.WindowText)

    def paintEvent(self, _event) -> None:
        if not self.has_data() and not self.empty_text:
            return  # the figures are still on their way
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            if self.empty_text:
                painter.setPen(MUTED)
                painter.drawText(
                    self.rect().adjusted(4, 4, -4, -4),
                    int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap),
                    self.empty_text,
                )
            else:
                self.paint_chart(painter)
        finally:
            painter.end()

    def has_data(self) -> bool:
        raise NotImplementedError

    def paint_chart(self, painter: QPainter) -> None:
        raise NotImplementedError

    def line(self, painter: QPainter, rect: QRect, text: str, flags=None) -> None:
        """One line of text, cut with "…" when it is longer than its room."""
        shown = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        align = flags if flags is not None else Qt.AlignmentFlag.AlignLeft
        painter.drawText(rect, int(align) | int(Qt.AlignmentFlag.AlignVCenter), shown)
