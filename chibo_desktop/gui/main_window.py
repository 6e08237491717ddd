"""The main window: left navigation, one page at a time, File menu, status bar."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from .. import APP_NAME, __version__
from ..config import UserConfig, save_config
from ..i18n import _
from ..services.cell import CellInfo, get_cell
from ..services.common import Changes
from .dialogs.cell_dialog import CellDialog
from .errors import show_error
from .opening import open_file_job
from .tasks import Tasks
from .views.base import Page
from .views.campaign import CampaignPage
from .views.home import HomePage
from .views.meetings import MeetingsPage
from .views.members import MembersPage
from .views.reports import ReportsPage
from .views.settings import SettingsPage

PAGE_CLASSES: list[type[Page]] = [
    HomePage,
    MembersPage,
    MeetingsPage,
    CampaignPage,
    ReportsPage,
    SettingsPage,
]
RECORD_PAGES = {
    "member": "members",
    "meeting": "meetings",
    "campaign": "campaign",
    "assessment": "reports",
}
FILE_FILTER = "Chi bộ Desktop (*.sqlite *.db);;" + "*"


class MainWindow(QMainWindow):
    database_opened = Signal(str)

    def __init__(self, tasks: Tasks, config: UserConfig) -> None:
        super().__init__()
        self.tasks = tasks
        self.config = config
        self.path: Path | None = None
        self.setWindowTitle(APP_NAME)
        self.resize(1200, 760)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFixedWidth(230)
        self.stack = QStackedWidget()
        self.pages: dict[str, Page] = {}
        for cls in PAGE_CLASSES:
            page = cls(tasks, self)
            self.pages[page.key] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(self.style().standardIcon(cls.icon), _(cls.title))
            item.setData(Qt.ItemDataRole.UserRole, page.key)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._nav_changed)
        for page in self.pages.values():
            if hasattr(page, "record_requested"):
                page.record_requested.connect(self.open_record)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.file_label = QLabel()
        self.statusBar().addPermanentWidget(self.file_label)
        self._build_menus()
        tasks.changed.connect(self._on_changed)
        self.nav.setCurrentRow(0)

    # --- menus -----------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(_("&Tệp"))
        self._add_action(file_menu, _("&Tạo tệp mới…"), QKeySequence.StandardKey.New, self.new_file)
        self._add_action(file_menu, _("&Mở tệp…"), QKeySequence.StandardKey.Open, self.choose_file)
        self.recent_menu = file_menu.addMenu(_("Tệp gần đây"))
        file_menu.addSeparator()
        self._add_action(file_menu, _("&Thoát"), QKeySequence.StandardKey.Quit, self.close)
        help_menu = self.menuBar().addMenu(_("Trợ &giúp"))
        self._add_action(help_menu, _("Giới thiệu"), None, self.about)
        self._refresh_recent()

    def _add_action(self, menu, text, shortcut, slot) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _refresh_recent(self) -> None:
        self.recent_menu.clear()
        for text in self.config.recent_files:
            action = self.recent_menu.addAction(text)
            action.triggered.connect(lambda _checked=False, p=text: self.open_file(Path(p)))
        self.recent_menu.setEnabled(bool(self.config.recent_files))

    # --- pages -----------------------------------------------------------------------------
    def show_page(self, key: str) -> None:
        keys = [self.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.nav.count())]
        self.nav.setCurrentRow(keys.index(key))

    def open_record(self, kind: str, record_id) -> None:
        """Show the page holding a record (member, meeting, campaign, assessment year) and
        let it open the record if it knows how (``show_record(kind, record_id)``)."""
        key = RECORD_PAGES.get(kind)
        if key not in self.pages:
            return
        self.show_page(key)
        page = self.pages[key]
        if self.current_page() is page and hasattr(page, "show_record"):
            page.show_record(kind, record_id)

    def current_page(self) -> Page:
        return self.stack.currentWidget()

    def _nav_changed(self, row: int) -> None:
        current = self.current_page()
        target = self.stack.widget(row)
        if current is not target and current is not None and not current.maybe_leave():
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(self.stack.currentIndex())
            self.nav.blockSignals(False)
            return
        self.stack.setCurrentIndex(row)

    def _on_changed(self, changes: Changes) -> None:
        for page in self.pages.values():
            page.on_changed(changes)
        if changes.cell:
            self.tasks.run(get_cell, on_done=self._show_cell)

    # --- files -----------------------------------------------------------------------------
    def open_file(
        self, path: Path, *, create: bool = False, cell: CellInfo | None = None, demo: bool = False
    ) -> None:
        def opened(db) -> None:
            self.tasks.set_database(db, on_done=lambda _r: self._loaded(path))

        def failed(exc: Exception) -> None:
            show_error(self, exc, _("Không mở được tệp"))

        self.tasks.run(
            open_file_job, path, create, cell, demo, needs_db=False, on_done=opened, on_error=failed
        )

    def _loaded(self, path: Path) -> None:
        self.path = path
        self.config.remember(path)
        with contextlib.suppress(OSError):
            save_config(self.config)
        self._refresh_recent()
        self.file_label.setText(_("Tệp: {path}").format(path=path))
        self.tasks.run(get_cell, on_done=self._show_cell)
        for page in self.pages.values():
            page.load()
        self.database_opened.emit(str(path))

    def _show_cell(self, cell: CellInfo) -> None:
        title = f"{cell.name} — {APP_NAME}" if cell.name else APP_NAME
        self.setWindowTitle(title)

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            _("Mở tệp dữ liệu chi bộ"),
            str(self.path.parent if self.path else ""),
            FILE_FILTER,
        )
        if name and self.current_page().maybe_leave():
            self.open_file(Path(name))

    def new_file(self) -> None:
        if not self.current_page().maybe_leave():
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Tạo tệp dữ liệu mới"), "chibo.sqlite", FILE_FILTER
        )
        if not name:
            return
        path = Path(name)
        if path.exists():
            show_error(self, Exception(_("Tệp đã có; hãy chọn tên khác.")))
            return
        dialog = CellDialog(self, intro=_("Nhập thông tin chi bộ cho tệp mới."))
        if dialog.exec():
            self.open_file(path, create=True, cell=dialog.value())

    def about(self) -> None:
        QMessageBox.about(
            self,
            _("Giới thiệu"),
            _(
                "<b>{app}</b> {version}<br>Sổ sách của bí thư chi bộ: danh sách đảng viên, "
                "biên bản sinh hoạt, đợt sinh hoạt chính trị, báo cáo. Dữ liệu nằm trong "
                "một tệp trên máy này, không gửi đi đâu."
            ).format(app=APP_NAME, version=__version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if all(page.maybe_leave() for page in self.pages.values()):
            event.accept()
        else:
            event.ignore()
