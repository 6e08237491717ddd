"""Các chi bộ: the committee's overview of its cells, adding packages, reminders."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QWidget,
)

from ...i18n import _
from ...services.consolidation.desk import add_packages
from ...services.consolidation.overview import cell_lines
from ...services.consolidation.reminders import committee_reminders
from ...services.contract.context import today as _today
from ...services.contract.results import Changes
from ..models.committee_model import SORT, CommitteeCellsModel
from ..progress import run_with_progress
from ..widgets.paragraph import paragraph
from ..widgets.tables import record_table, sorting_proxy
from .base import Page, simple_layout
from .pages import described


def overview(db, today):
    return cell_lines(db, today), committee_reminders(db, today)


class CommitteePage(Page):
    key, title, icon = described("committee")

    def __init__(self, tasks, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        self.last_outcomes: list = []
        self.loads = 0
        layout = simple_layout(self, _("Các chi bộ"))
        intro = paragraph(
            _(
                "Mỗi chi bộ gửi một gói .chibo (lệnh “Gửi cấp trên…” ở trang Báo cáo của chi "
                "bộ). Gói được kiểm tra trước khi nhận; gói mới nhất của mỗi chi bộ được giữ."
            )
        )
        layout.addWidget(intro)
        actions = QHBoxLayout()
        self.add_button = QPushButton(_("Thêm gói…"))
        self.add_button.clicked.connect(self.choose_files)
        self.folder_button = QPushButton(_("Thêm cả thư mục…"))
        self.folder_button.clicked.connect(self.choose_folder)
        actions.addWidget(self.add_button)
        actions.addWidget(self.folder_button)
        actions.addStretch(1)
        layout.addLayout(actions)

        self.model = CommitteeCellsModel(self)
        self.proxy = sorting_proxy(self.model, SORT, self)
        self.table = record_table(self.proxy, sort_column=0)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(_("Các chi bộ đã gửi gói"))
        layout.addWidget(self.table, 3)
        self.result = paragraph()
        layout.addWidget(self.result)
        layout.addWidget(QLabel(_("Việc cần nhắc:")))
        self.reminders = QListWidget()
        layout.addWidget(self.reminders, 1)
        self.setAcceptDrops(True)  # packages or folders dropped from the file manager

    def load(self) -> None:
        self.tasks.run(overview, _today(), on_done=self._show)

    def on_changed(self, changes: Changes) -> None:
        if changes.cell:
            self.load()

    def _show(self, result) -> None:
        lines, reminders = result
        self.model.set_rows(lines)
        self.reminders.clear()
        self.reminders.addItems([r.text for r in reminders] or [_("Không có việc gì cần nhắc.")])
        self.loads += 1

    @staticmethod
    def dropped_paths(mime) -> list[Path]:
        paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        return [p for p in paths if p.is_dir() or p.suffix.lower() == ".chibo"]

    def dragEnterEvent(self, event) -> None:
        if self.dropped_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = self.dropped_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)

    def choose_files(self) -> None:
        names, _f = QFileDialog.getOpenFileNames(
            self, _("Chọn gói của chi bộ"), str(Path.home()), _("Gói báo cáo (*.chibo)")
        )
        if names:
            self.add_files([Path(n) for n in names])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Chọn thư mục chứa các gói"))
        if folder:
            self.add_files([Path(folder)])

    def add_files(self, paths: list[Path], password: str | None = None) -> None:
        run_with_progress(
            self,
            self.tasks,
            _("Đang nhận gói"),
            add_packages,
            paths,
            password,
            on_done=self._added,
        )

    def ask_password(self) -> str | None:
        text, ok = QInputDialog.getText(
            self,
            _("Gói có mật khẩu"),
            _("Mật khẩu chi bộ đặt cho gói:"),
            QLineEdit.EchoMode.Password,
        )
        return text if ok and text else None

    def _added(self, outcomes) -> None:
        locked = [o.file for o in outcomes if o.needs_password]
        password = self.ask_password() if locked else None
        if password:
            self.add_files(locked, password)  # the others were received (or refused) already
        self.last_outcomes = list(outcomes)
        lines = [("✗ " if o.status == "refused" else "✓ ") + o.message for o in outcomes]
        self.result.setText("\n".join(lines) or _("Không có tệp .chibo nào để nhận."))
        self.load()
