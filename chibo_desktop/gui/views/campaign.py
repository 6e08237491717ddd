"""Đợt sinh hoạt chính trị: the campaigns, and for the chosen one its dashboard, the cell's
steps, the members' items and the report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _, format_date
from ...services.campaigns.campaign import (
    campaign_state,
    create_campaign,
    delete_campaign,
    list_campaigns,
    meeting_choices,
    save_texts,
    sync_members,
)
from ...services.campaigns.templates import list_templates
from ...services.contract.context import today as _today
from ...services.contract.results import Changes
from ...services.safety.working_file import read_only
from ..dialogs.campaign_dialogs import NewCampaignDialog, ask_text
from ..dialogs.campaign_templates import TemplatesDialog
from ..errors import show_error
from ..file_dialogs import EXPORTS, ask_save_path
from ..models.campaign_models import ID, SORT, CampaignListModel
from ..widgets.questions import confirm
from ..widgets.tables import record_table, sorting_proxy
from .base import Page, page_heading
from .campaign_matrix import MatrixTab
from .campaign_overview import OverviewWidget
from .campaign_tabs import ReportTab, StepsTab
from .pages import described


def open_campaign(db, campaign_id: int):
    """Runs on the worker: bring the member list up to date (unless the file is open
    read-only), then read the campaign."""
    if not read_only(db):
        sync_members(db, campaign_id)
    return campaign_state(db, campaign_id)


class CampaignPage(Page):
    key, title, icon = described("campaign")

    def __init__(self, tasks, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        self.selected_id: int | None = None
        self.state = None
        self.meetings: list[dict] = []
        self.templates: list = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(self._top_row())
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self._campaign_list())
        self.splitter.addWidget(self._detail())
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([230, 900])
        layout.addWidget(self.splitter, 1)
        self._shortcuts()

    # --- building --------------------------------------------------------------------------
    def _top_row(self) -> QHBoxLayout:
        top = QHBoxLayout()
        top.addWidget(page_heading(_("Đợt sinh hoạt chính trị")))
        top.addStretch(1)
        self.new_button = QPushButton(_("Đợt mới…"))
        self.new_button.setToolTip(_("Tạo đợt sinh hoạt từ một mẫu (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_campaign)
        self.templates_button = QPushButton(_("Mẫu đợt…"))
        self.templates_button.setToolTip(_("Nhân bản, sửa, xuất hoặc nhập mẫu đợt sinh hoạt"))
        self.templates_button.clicked.connect(self.open_templates)
        self.delete_button = QPushButton(_("Xóa đợt"))
        self.delete_button.clicked.connect(self.delete_campaign)
        for button in (self.new_button, self.templates_button, self.delete_button):
            top.addWidget(button)
        return top

    def _campaign_list(self) -> QTableView:
        self.model = CampaignListModel(self)
        self.proxy = sorting_proxy(self.model, SORT, self)
        self.view = record_table(self.proxy, sort_column=0, descending=True)
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.view.setMinimumWidth(220)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return self.view

    def _detail(self) -> QStackedWidget:
        self.right = QStackedWidget()
        self.placeholder = QLabel(_("Chưa có đợt sinh hoạt nào. Bấm “Đợt mới…” để tạo từ mẫu."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.right.addWidget(self.placeholder)
        detail = QWidget()
        detail_box = QVBoxLayout(detail)
        detail_box.setContentsMargins(8, 0, 0, 0)
        heading_row = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setObjectName("sectionHeading")
        self.heading.setWordWrap(True)
        heading_row.addWidget(self.heading, 1)
        self.rename_button = QPushButton(_("Đổi tên…"))
        self.rename_button.clicked.connect(self.rename_campaign)
        heading_row.addWidget(self.rename_button)
        detail_box.addLayout(heading_row)
        self.tabs = QTabWidget()
        self.overview = OverviewWidget()
        self.overview.show_missing.connect(self.show_missing)
        self.steps = StepsTab(self.tasks)
        self.matrix = MatrixTab(self.tasks)
        self.matrix.reload = self.reload_state
        self.report = ReportTab(self.tasks)
        self.report.ask_path = self.ask_save_path
        self.tabs.addTab(self.overview, _("Tổng quan"))
        self.tabs.addTab(self.steps, _("Các bước của chi bộ"))
        self.tabs.addTab(self.matrix, _("Đảng viên"))
        self.tabs.addTab(self.report, _("Báo cáo"))
        detail_box.addWidget(self.tabs, 1)
        self.right.addWidget(detail)
        self.detail = detail
        return self.right

    def _shortcuts(self) -> None:
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_campaign)
        self.delete_button.setEnabled(False)
        new = QShortcut(QKeySequence.StandardKey.New, self)
        new.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new.activated.connect(self.new_campaign)

    # --- loading ---------------------------------------------------------------------------
    def load(self) -> None:
        self.tasks.run(meeting_choices, on_done=self._meetings)
        self.tasks.run(list_templates, on_done=self._templates)
        self.tasks.run(list_campaigns, on_done=self._rows)

    def on_changed(self, changes: Changes) -> None:
        if changes.campaigns or changes.members or changes.meetings:
            self.load()

    def maybe_leave(self) -> bool:
        self.report.save_texts()
        return True

    def _meetings(self, rows: list[dict]) -> None:
        self.meetings = rows

    def _templates(self, rows: list) -> None:
        self.templates = rows

    def _rows(self, rows: list[dict]) -> None:
        self.model.set_rows(rows)
        ids = [r["id"] for r in rows]
        if self.selected_id not in ids:
            self.selected_id = None
        if self.selected_id is None and self.proxy.rowCount():
            self.selected_id = self.proxy.index(0, 0).data(ID)
        self._select(self.selected_id)
        self.delete_button.setEnabled(self.selected_id is not None)
        if self.selected_id is None:
            self.state = None
            self.right.setCurrentWidget(self.placeholder)
        else:
            self.reload_state()

    def _select(self, campaign_id: int | None) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ID) == campaign_id:
                self.view.selectionModel().blockSignals(True)
                self.view.setCurrentIndex(index)
                self.view.selectionModel().blockSignals(False)
                return

    def _row_changed(self, current, _previous) -> None:
        if not current.isValid() or current.data(ID) == self.selected_id:
            return
        self.report.save_texts()
        self.selected_id = current.data(ID)
        self.delete_button.setEnabled(True)
        self.reload_state()

    def reload_state(self) -> None:
        if self.selected_id is None:
            return
        wanted = self.selected_id
        self.tasks.run(
            open_campaign,
            wanted,
            on_done=lambda state: self._show_state(wanted, state),
            on_error=lambda e: show_error(self, e),
        )

    def _show_state(self, campaign_id: int, state) -> None:
        if campaign_id != self.selected_id:
            return  # the user moved on meanwhile
        self.state = state
        period = _("từ {start}").format(start=format_date(state.start))
        if state.end:
            period += _(" đến {end}").format(end=format_date(state.end))
        self.heading.setText(f"{state.title} ({period})")
        self.overview.set_state(state)
        self.steps.set_state(state, self.meetings)
        self.matrix.set_state(state, self.meetings)
        self.report.set_state(state)
        self.right.setCurrentWidget(self.detail)

    def show_record(self, kind: str, record_id) -> None:
        """A reminder about a campaign was clicked: show that campaign."""
        if kind != "campaign" or record_id is None:
            return
        self.selected_id = int(record_id)
        self._select(self.selected_id)
        self.tabs.setCurrentWidget(self.overview)
        self.reload_state()

    def show_missing(self, item_key: str) -> None:
        self.tabs.setCurrentWidget(self.matrix)
        self.matrix.show_missing(item_key)

    # --- actions ---------------------------------------------------------------------------
    def new_campaign(self) -> None:
        dialog = NewCampaignDialog(self.templates, _today(), self)
        if not dialog.exec():
            return
        key, start, finish, title = dialog.value()

        def created(result) -> None:
            self.selected_id = result.value
            self.tabs.setCurrentWidget(self.overview)

        self.tasks.run(
            create_campaign,
            key,
            start,
            title=title,
            finish=finish,
            on_done=created,
            on_error=lambda e: show_error(self, e, _("Không tạo được đợt sinh hoạt")),
        )

    def delete_campaign(self) -> None:
        if self.selected_id is None or self.state is None:
            return
        if not confirm(
            self,
            _("Xóa đợt sinh hoạt"),
            _(
                "Xóa đợt “{title}” cùng các bước, đánh dấu và bản tự kiểm điểm của đợt? "
                "Không lấy lại được."
            ).format(title=self.state.title),
        ):
            return
        self.tasks.run(
            delete_campaign,
            self.selected_id,
            on_error=lambda e: show_error(self, e, _("Không xóa được")),
        )

    def rename_campaign(self) -> None:
        if self.state is None:
            return
        title = ask_text(self, _("Đổi tên đợt sinh hoạt"), _("Tên đợt:"), self.state.title)
        if title is None or title.strip() == self.state.title:
            return
        self.tasks.run(
            save_texts,
            self.state.id,
            title=title,
            on_error=lambda e: show_error(self, e, _("Không đổi được tên")),
        )

    def open_templates(self) -> TemplatesDialog:
        dialog = TemplatesDialog(self.tasks, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def ask_save_path(self, title: str, suggested: str, filter_: str) -> Path | None:
        name = ask_save_path(self, EXPORTS, title, suggested, filter_)
        return Path(name) if name else None
