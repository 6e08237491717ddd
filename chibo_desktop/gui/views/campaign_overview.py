"""The campaign's dashboard: overall progress, each step, each member item, the next deadline."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.campaign import STEP_STATUSES, CampaignState
from ...i18n import _, format_date, format_percent, ngettext
from ..widgets.paragraph import paragraph

STATUS_COLOURS = {"done": "#1b5e20", "overdue": "#b3261e", "doing": "#8a5a00", "todo": "#555555"}


def add_bar(grid: QGridLayout, row: int, column: int, share: float, text: str) -> None:
    """A progress bar with its figure in the next column (readable whatever the fill)."""
    widget = QProgressBar()
    widget.setRange(0, 1000)
    widget.setValue(round(share * 1000))
    widget.setTextVisible(False)
    widget.setMaximumHeight(14)
    widget.setAccessibleName(text)
    grid.addWidget(widget, row, column)
    grid.addWidget(QLabel(text), row, column + 1)


def section(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionHeading")
    return label


def deadline_text(state: CampaignState) -> str:
    found = state.next_deadline()
    if found is None:
        return _("Không còn bước nào sắp đến hạn.")
    step, days = found
    if days == 0:
        return _("Hôm nay đến hạn: {step}.").format(step=step.title)
    return ngettext(
        "Còn {n} ngày đến hạn tiếp theo: {step} ({date}).",
        "Còn {n} ngày đến hạn tiếp theo: {step} ({date}).",
        days,
    ).format(n=days, step=step.title, date=format_date(step.due))


class OverviewWidget(QScrollArea):
    """``show_missing(item_key)`` asks the page to list the members who have not done it."""

    show_missing = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.missing_buttons: dict[str, QPushButton] = {}
        self.body = QWidget()
        self.setWidget(self.body)
        self.layout_ = QVBoxLayout(self.body)
        self.layout_.setContentsMargins(4, 4, 4, 4)
        self.summary = QGridLayout()
        self.summary.setHorizontalSpacing(10)
        self.layout_.addLayout(self.summary)
        self.deadline = paragraph()
        self.overdue = paragraph()
        self.overdue.setStyleSheet("color: #b3261e;")
        self.layout_.addWidget(self.deadline)
        self.layout_.addWidget(self.overdue)
        # One under the other: each list gets the full width, so titles rarely wrap.
        self.layout_.addWidget(section(_("Các bước của chi bộ")))
        self.steps_grid = QGridLayout()
        self.steps_grid.setHorizontalSpacing(12)
        self.layout_.addLayout(self.steps_grid)
        self.layout_.addWidget(section(_("Các mục của đảng viên")))
        self.items_grid = QGridLayout()
        self.items_grid.setHorizontalSpacing(8)
        self.items_grid.setVerticalSpacing(2)
        self.layout_.addLayout(self.items_grid)
        self.layout_.addStretch(1)

    @staticmethod
    def _clear(grid: QGridLayout) -> None:
        while grid.count():
            item = grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()

    def set_state(self, state: CampaignState) -> None:
        for grid in (self.summary, self.steps_grid, self.items_grid):
            self._clear(grid)
        self.missing_buttons: dict[str, QPushButton] = {}
        steps_done = sum(1 for s in state.steps if s.shown_status == "done")
        members = len(state.active_members)
        rows = (
            (_("Tiến độ chung"), state.progress, format_percent(state.progress)),
            (
                _("Các bước đã xong"),
                state.step_progress(),
                f"{steps_done}/{len(state.steps)}",
            ),
            (
                ngettext("Mục của {n} đảng viên", "Mục của {n} đảng viên", members).format(
                    n=members
                ),
                state.item_progress(),
                format_percent(state.item_progress()),
            ),
        )
        for row, (label, share, text) in enumerate(rows):
            self.summary.addWidget(QLabel(label), row, 0)
            add_bar(self.summary, row, 1, share, text)
        self.summary.setColumnStretch(1, 1)
        self.deadline.setText(deadline_text(state))
        overdue = state.overdue
        self.overdue.setVisible(bool(overdue))
        # One line, not a paragraph: the overdue steps are the red rows of the list below;
        # the line's tooltip names them all.
        self.overdue.setText(
            ngettext(
                "Quá hạn {n} bước: xem các dòng đỏ trong danh sách dưới đây.",
                "Quá hạn {n} bước: xem các dòng đỏ trong danh sách dưới đây.",
                len(overdue),
            ).format(n=len(overdue))
        )
        self.overdue.setToolTip(
            _("Quá hạn: {steps}.").format(
                steps="; ".join(
                    _("{step} (hạn {date})").format(step=s.title, date=format_date(s.due))
                    for s in overdue
                )
            )
        )
        for row, step in enumerate(state.steps):
            title = paragraph(f"{row + 1}. {step.title}")
            due = QLabel(format_date(step.due))
            colour = STATUS_COLOURS.get(step.shown_status, "#555555")
            status_text = _(STEP_STATUSES.get(step.shown_status, step.shown_status))
            if step.shown_status == "done" and step.done:
                status_text += " " + format_date(step.done)
            status = QLabel(f'<span style="color:{colour}">{status_text}</span>')
            if step.shown_status == "overdue":
                for label in (title, due):
                    label.setStyleSheet("color: #b3261e;")
            self.steps_grid.addWidget(title, row, 0)
            self.steps_grid.addWidget(due, row, 1)
            self.steps_grid.addWidget(status, row, 2)
        self.steps_grid.setColumnStretch(0, 1)
        for row, item in enumerate(state.template.items):
            done = state.done_count(item.key)
            title = QLabel(item.title)
            title.setWordWrap(True)  # a narrow window wraps a long item, never scrolls
            self.items_grid.addWidget(title, row, 0)
            add_bar(self.items_grid, row, 1, done / members if members else 0, f"{done}/{members}")
            if done < members:
                who = QPushButton(_("Ai chưa?"))
                who.setFlat(True)
                who.setStyleSheet("QPushButton { padding: 0 6px; color: #0d47a1; }")
                who.setCursor(Qt.CursorShape.PointingHandCursor)
                who.setToolTip(_("Xem những đảng viên chưa {item}").format(item=item.title.lower()))
                who.clicked.connect(lambda _c=False, k=item.key: self.show_missing.emit(k))
                self.items_grid.addWidget(who, row, 3)
                self.missing_buttons[item.key] = who
        self.items_grid.setColumnStretch(0, 3)
        self.items_grid.setColumnStretch(1, 2)
        self.items_grid.setColumnMinimumWidth(1, 90)
