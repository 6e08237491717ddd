"""The row of pictures at the top of the home page: attendance, members, the campaign's
steps and the next deadlines. Each card opens the page behind it (click, Enter or Space)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...i18n import _, ngettext
from ..charts import AttendanceChart, DeadlineList, StackedBars, StepStrip


def dashboard_job(db, today):
    # Imported here, on the worker thread.
    from ...services.reminders.dashboard import dashboard

    return dashboard(db, today)


class ChartCard(QFrame):
    """A titled frame around one chart; clicking it (or Enter on it) opens ``page``."""

    activated = Signal(str)

    def __init__(self, title: str, chart: QWidget, page: str, hint: str) -> None:
        super().__init__()
        self.page = page
        self.chart = chart
        self.setObjectName("dashboardCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # where the keyboard is: a card takes Tab and opens with Enter
        self.setStyleSheet(
            "QFrame#dashboardCard { border: 1px solid palette(mid); border-radius: 3px; }"
            "QFrame#dashboardCard:focus { border: 2px solid palette(highlight); }"
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(hint)
        self.setAccessibleName(title)
        self.title = QLabel(f"<b>{title}</b>")
        self.title.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(chart)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.activated.emit(self.page)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.page)
            return
        super().keyPressEvent(event)


class Dashboard(QWidget):
    """Four cards in a row. ``page_requested(key)`` asks for a page, ``reminder_chosen``
    for the record behind one of the deadlines."""

    page_requested = Signal(str)
    reminder_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.attendance = AttendanceChart()
        self.members = StackedBars()
        self.steps = StepStrip()
        self.deadlines = DeadlineList()
        self.cards = {
            "attendance": ChartCard(
                _("Tỷ lệ có mặt, 12 buổi thường kỳ gần nhất"),
                self.attendance,
                "meetings",
                _("Mở trang Sinh hoạt chi bộ. Cột gạch chéo: biên bản còn là dự thảo."),
            ),
            "members": ChartCard(
                _("Đảng viên"), self.members, "members", _("Mở danh sách đảng viên.")
            ),
            "campaign": ChartCard(
                _("Đợt sinh hoạt chính trị"),
                self.steps,
                "campaign",
                _("Mở trang Đợt sinh hoạt chính trị."),
            ),
            "deadlines": ChartCard(
                _("Hạn sắp tới"),
                self.deadlines,
                "",
                _("Nhấp vào một dòng để mở việc đó."),
            ),
        }
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        for card in self.cards.values():
            row.addWidget(card, 1)
            card.activated.connect(self._card_activated)
        self.deadlines.chosen.connect(lambda i: self.reminder_chosen.emit(self.deadlines.items[i]))
        self.data = None

    def _card_activated(self, page: str) -> None:
        if page:
            self.page_requested.emit(page)

    def show_data(self, data) -> None:
        """``data``: services.reminders.dashboard.DashboardData."""
        self.data = data
        self.attendance.set_data(data.attendance, data.threshold)
        heading = ngettext("Đảng viên ({n})", "Đảng viên ({n})", data.members).format(
            n=data.members
        )
        self.cards["members"].title.setText(f"<b>{heading}</b>")
        notes = []
        if data.exempt:
            notes.append(_("miễn sinh hoạt {n}").format(n=data.exempt))
        if data.temp_out:
            notes.append(_("sinh hoạt tạm thời nơi khác {n}").format(n=data.temp_out))
        note = (_("Trong đó: ") + ", ".join(notes)) if notes else ""
        self.members.set_data([("", data.status), (_("Tuổi Đảng"), data.party_age)], note)
        self.steps.set_data(data.campaign_title, data.steps)

    def show_deadlines(self, reminders: list, today: dt.date) -> None:
        from ...services.reminders.dashboard import next_deadlines

        self.deadlines.set_data(next_deadlines(reminders, today), today)
