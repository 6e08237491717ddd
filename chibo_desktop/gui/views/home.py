"""The start page: the cell at a glance and what needs attention now."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _, format_date, ngettext
from ...services.contract.context import today as _today
from ...services.contract.results import Changes
from ..models.reminders_model import RemindersModel
from ..widgets.paragraph import paragraph
from .base import Page, simple_layout
from .home_dashboard import Dashboard, dashboard_job
from .pages import described

if TYPE_CHECKING:
    from ...services.reminders.collect import HomeData


def _home_data(db, today):
    # Imported here, on the worker thread, while the window is being shown.
    from ...services.reminders.collect import home_data

    return home_data(db, today)


class HomePage(Page):
    key, title, icon = described("home")

    # (record kind, record id): member | meeting | campaign | assessment (id = year)
    record_requested = Signal(str, object)

    def __init__(self, tasks, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        layout = simple_layout(self, _("Trang chủ"))
        self.summary = paragraph()
        layout.addWidget(self.summary)
        self.first_steps = self._first_steps()
        layout.addWidget(self.first_steps)
        self.dashboard = Dashboard()
        self.dashboard.page_requested.connect(self._show_page)
        self.dashboard.reminder_chosen.connect(self._open_reminder)
        layout.addWidget(self.dashboard)
        self.heading = QLabel(_("Việc cần làm"))
        self.heading.setObjectName("sectionHeading")
        layout.addWidget(self.heading)
        self.model = RemindersModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setSpacing(3)
        self.view.setAlternatingRowColors(True)
        self.view.setAccessibleName(_("Việc cần làm"))
        self.view.activated.connect(self._open)
        self.view.doubleClicked.connect(self._open)
        layout.addWidget(self.view, 1)
        self.hint = QLabel(_("Nhấp đúp hoặc nhấn Enter vào một dòng để mở hồ sơ liên quan."))
        self.hint.setStyleSheet("color: #666;")
        layout.addWidget(self.hint)
        self._last_open: tuple[str, object] | None = None

    def _first_steps(self) -> QWidget:
        """What to do first in an empty register, with the buttons right there."""
        box = QFrame()
        box.setObjectName("firstSteps")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        text = paragraph(
            _(
                "<b>Sổ đảng viên còn trống.</b> Việc đầu tiên: nhập danh sách đảng viên chi bộ "
                "đang có trong Excel, hoặc thêm từng đảng viên. Nhấn F1 để xem hướng dẫn."
            )
        )
        self.import_button = QPushButton(_("Nhập danh sách từ Excel…"))
        self.import_button.clicked.connect(lambda: self._on_members_page("import_members"))
        self.add_button = QPushButton(_("Thêm đảng viên…"))
        self.add_button.clicked.connect(lambda: self._on_members_page("add_member"))
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addWidget(self.add_button)
        row.addStretch(1)
        inner = QVBoxLayout(box)
        inner.addWidget(text)
        inner.addLayout(row)
        box.hide()
        return box

    def _on_members_page(self, action: str) -> None:
        window = self.window()
        window.show_page("members")
        getattr(window.pages["members"], action)()

    def load(self) -> None:
        self.tasks.run(_home_data, _today(), on_done=self.show_data)
        self.tasks.run(dashboard_job, _today(), on_done=self.dashboard.show_data)

    def on_changed(self, changes: Changes) -> None:
        if changes.any():
            self.load()

    def show_data(self, data: HomeData) -> None:
        info = data.info
        self.summary.setText(
            _(
                "<h3 style='margin-bottom:2px'>{cell}</h3><p>{committee}</p>"
                "<p>Hôm nay {today} · Đảng viên đang sinh hoạt: <b>{n}</b></p>"
            ).format(
                cell=info.cell.name,
                committee=info.cell.party_committee,
                today=format_date(_today()),
                n=info.active_members,
            )
            + self._temporary_note(info.temporary_members)
        )
        self.first_steps.setVisible(info.counts.get("members", 0) == 0)
        items = data.reminders
        self.model.set_items(items)
        self.dashboard.show_deadlines(items, _today())
        if items:
            self.heading.setText(
                ngettext("Việc cần làm ({n})", "Việc cần làm ({n})", len(items)).format(
                    n=len(items)
                )
            )
        else:
            self.heading.setText(_("Việc cần làm: không có việc gì cần nhắc."))
        self.hint.setVisible(bool(items))

    @staticmethod
    def _temporary_note(temporary: int) -> str:
        """Why the reports count fewer: members attending here temporarily belong to the
        list of their home cell."""
        if not temporary:
            return ""
        return (
            "<p style='color:#555'>"
            + ngettext(
                "Trong đó {n} đồng chí sinh hoạt tạm thời tại chi bộ: báo cáo tình hình đảng "
                "viên không tính, vì đảng tịch ở chi bộ khác.",
                "Trong đó {n} đồng chí sinh hoạt tạm thời tại chi bộ: báo cáo tình hình đảng "
                "viên không tính, vì đảng tịch ở chi bộ khác.",
                temporary,
            ).format(n=temporary)
            + "</p>"
        )

    def _open(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        self._open_reminder(self.model.reminder(index.row()))

    def _show_page(self, key: str) -> None:
        window = self.window()
        if hasattr(window, "show_page"):
            window.show_page(key)

    def _open_reminder(self, item) -> None:
        self._last_open = (item.record, item.record_id)
        if item.record_id is None:
            # Nothing to open yet (e.g. no minutes this month): show the page to make it on.
            from ..main_window import RECORD_PAGES

            window = self.window()
            key = RECORD_PAGES.get(item.record)
            if key and hasattr(window, "show_page"):
                window.show_page(key)
            return
        self.record_requested.emit(item.record, item.record_id)
