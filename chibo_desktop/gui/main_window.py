"""The main window: left navigation, one page at a time, File menu, status bar.

Start-up is kept short: a page widget is built the first time it is shown and fetches its
data then; the navigation lists every page from `views.pages` alone, and a page's module
(its services, dialogs and models) is imported when the page is first shown.
"""

from __future__ import annotations

import contextlib
import inspect
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME, __version__
from ..config import UserConfig, load_config, save_config
from ..i18n import _
from ..services.contract.results import Changes
from ..services.safety.backup import session_backup_problem
from ..services.safety.working_file import opening_notices, read_only
from .errors import show_error
from .icons import nav_icon
from .opening import open_file_job
from .tasks import Tasks
from .views.base import Page
from .views.pages import COMMITTEE_PAGES, PAGES, PageInfo
from .window_memory import restore_geometry, restore_page, save_window

if TYPE_CHECKING:
    from ..services.cell.identity import CellInfo

RECORD_PAGES = {
    "member": "members",
    "meeting": "meetings",
    "campaign": "campaign",
    "assessment": "reports",
    "dues": "dues",
}
FILE_FILTER = "Chi bộ Desktop (*.sqlite *.db);;" + "*"
NOTICE_MS = 15_000


def _get_cell(db):
    from ..services.cell.identity import CellInfo, get_cell

    if getattr(db, "is_committee", False):
        from ..services.consolidation.desk import get_committee

        return CellInfo(get_committee(db).name)
    return get_cell(db)


def _notices(db) -> tuple[list[str], bool]:
    """What opening the file wants the user to know, and whether it is open read-only."""
    return opening_notices(db), read_only(db)


def _call_show_record(show, kind: str, record_id) -> None:
    """Pages take ``show_record(record_id)``; one holding several kinds of record (reports:
    assessments) takes ``show_record(kind, record_id)``."""
    try:
        takes_kind = len(inspect.signature(show).parameters) >= 2
    except (TypeError, ValueError):
        takes_kind = False
    if takes_kind:
        show(kind, record_id)
    else:
        show(record_id)


class MainWindow(QMainWindow):
    database_opened = Signal(str)

    def __init__(self, tasks: Tasks, config: UserConfig) -> None:
        super().__init__()
        self.tasks = tasks
        self.config = config
        self.path: Path | None = None
        self.setWindowTitle(APP_NAME)
        self.resize(1200, 760)
        restore_geometry(self, config.window)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(24, 24))
        self.nav.setFixedWidth(230)
        self.stack = QStackedWidget()
        self.page_infos: list[PageInfo] = list(PAGES)
        self.pages: dict[str, Page] = {}  # the pages built so far, by key
        self._fresh: set[str] = set()  # built pages that have loaded the open file
        self._open = False
        for info in self.page_infos:
            self.stack.addWidget(QWidget())  # stands in until the page is first shown
            item = QListWidgetItem(nav_icon(info.icon), _(info.title))
            item.setData(Qt.ItemDataRole.UserRole, info.key)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._nav_changed)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        # Stays while automatic backups fail, until one works again.
        self.backup_banner = QLabel()
        self.backup_banner.setObjectName("backupBanner")
        self.backup_banner.setWordWrap(True)
        self.backup_banner.setStyleSheet("background: #fde2e1; color: #7a1712; padding: 6px;")
        self.backup_banner.hide()
        right.addWidget(self.backup_banner)
        right.addWidget(self.stack, 1)
        layout.addLayout(right, 1)
        self.setCentralWidget(central)

        self.file_label = QLabel()
        self.statusBar().addPermanentWidget(self.file_label)
        self._build_menus()
        tasks.changed.connect(self._on_changed)
        self.nav.setCurrentRow(0)

    # --- menus -----------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(_("&Tệp"))
        # Ctrl+N belongs to the pages (new member, new minutes, new campaign).
        self._add_action(file_menu, _("&Tạo tệp mới…"), QKeySequence("Ctrl+Shift+N"), self.new_file)
        self._add_action(file_menu, _("&Mở tệp…"), QKeySequence.StandardKey.Open, self.choose_file)
        self.recent_menu = file_menu.addMenu(_("Tệp gần đây"))
        file_menu.addSeparator()
        self._add_action(file_menu, _("&Thoát"), QKeySequence.StandardKey.Quit, self.close)
        help_menu = self.menuBar().addMenu(_("Trợ &giúp"))
        self._add_action(
            help_menu, _("&Hướng dẫn sử dụng"), QKeySequence.StandardKey.HelpContents, self.guide
        )
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
    def page_keys(self) -> list[str]:
        return [info.key for info in self.page_infos]

    def page(self, key: str) -> Page:
        """The page with this key, built now if it has not been shown yet."""
        page = self.pages.get(key)
        if page is None:
            row = self.page_keys().index(key)
            page = self.page_infos[row].page_class()(self.tasks, self)
            self.pages[key] = page
            stand_in = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
            restore_page(key, page, self.config.window)
            if hasattr(page, "record_requested"):
                page.record_requested.connect(self.open_record)
        return page

    def _use_pages(self, infos: tuple[PageInfo, ...]) -> None:
        """Swap the navigation between a cell's pages and a committee's."""
        if [i.key for i in infos] == self.page_keys():
            return
        self._open = False  # the new pages load once the new file is on the worker
        self.nav.blockSignals(True)
        self.nav.clear()
        while self.stack.count():
            widget = self.stack.widget(0)
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.pages.clear()
        self._fresh.clear()
        self.page_infos = list(infos)
        for info in self.page_infos:
            self.stack.addWidget(QWidget())
            item = QListWidgetItem(nav_icon(info.icon), _(info.title))
            item.setData(Qt.ItemDataRole.UserRole, info.key)
            self.nav.addItem(item)
        self.nav.blockSignals(False)
        self.nav.setCurrentRow(0)

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(self.page_keys().index(key))

    def open_record(self, kind: str, record_id) -> None:
        """Show the page holding a record (member, meeting, campaign, assessment year) and
        let it open the record (``show_record``) once the page is on screen."""
        key = RECORD_PAGES.get(kind)
        if key not in self.page_keys():
            return
        self.show_page(key)
        page = self.pages.get(key)
        if page is None or self.current_page() is not page:
            return  # the current page kept the user (unsaved edits)
        show = getattr(page, "show_record", None)
        if show is not None:
            _call_show_record(show, kind, record_id)

    def current_page(self) -> Page | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    def _nav_changed(self, row: int) -> None:
        self.check_backups()
        current = self.current_page()
        key = self.page_keys()[row]
        if current is not None and current is not self.pages.get(key) and not current.maybe_leave():
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(self.stack.currentIndex())
            self.nav.blockSignals(False)
            return
        page = self.page(key)
        self.stack.setCurrentWidget(page)
        self._load_if_stale(page)

    def _load_if_stale(self, page: Page) -> None:
        if self._open and page.key not in self._fresh:
            self._fresh.add(page.key)
            page.load()

    def check_backups(self) -> None:
        if self._open:
            self.tasks.run(session_backup_problem, on_done=self._show_backup_problem)

    def _show_backup_problem(self, problem: str | None) -> None:
        self.backup_banner.setText(problem or "")
        self.backup_banner.setVisible(bool(problem))

    def _on_changed(self, changes: Changes) -> None:
        self.check_backups()
        # Pages never shown (or not shown since the file was opened) load when shown.
        for key, page in list(self.pages.items()):
            if key in self._fresh:
                page.on_changed(changes)
        if changes.cell:
            self.tasks.run(_get_cell, on_done=self._show_cell)

    # --- files -----------------------------------------------------------------------------
    def open_file(
        self,
        path: Path,
        *,
        create: bool = False,
        cell: CellInfo | None = None,
        demo: bool = False,
        **options: Any,
    ) -> None:
        """Open (or create) a file on the worker; ``options`` go to open_session
        (password=, recovery_key=, readonly=)."""

        def opened(db) -> None:
            self._use_pages(COMMITTEE_PAGES if getattr(db, "is_committee", False) else PAGES)
            notices, readonly = _notices(db)
            self.tasks.set_database(db, on_done=lambda _r: self._loaded(path, notices, readonly))

        def failed(exc: Exception) -> None:
            from .open_errors import handle_open_error

            if not handle_open_error(
                self, self.tasks, path, exc, lambda **o: self.open_file(path, **o)
            ):
                show_error(self, exc, _("Không mở được tệp"))

        self.tasks.run(
            open_file_job,
            path,
            create,
            cell,
            demo,
            needs_db=False,
            on_done=opened,
            on_error=failed,
            **options,
        )

    def _loaded(self, path: Path, notices: list[str] | None = None, readonly=False) -> None:
        self.path = path
        self._open = True
        self._fresh.clear()
        # Read again before writing: dialogs keep their folders in the same file meanwhile.
        config = load_config()
        config.remember(path)
        with contextlib.suppress(OSError):
            save_config(config)
        self.config.recent_files = config.recent_files
        self._refresh_recent()
        text = _("Tệp: {path}").format(path=path)
        self.file_label.setText(text + " " + _("(chỉ đọc)") if readonly else text)
        if notices:
            self.statusBar().showMessage(" ".join(notices), NOTICE_MS)
        self.tasks.run(_get_cell, on_done=self._show_cell)
        self.check_backups()
        current = self.current_page()
        if current is not None:
            self._load_if_stale(current)
        self.database_opened.emit(str(path))

    def _show_cell(self, cell: CellInfo) -> None:
        title = f"{cell.name} — {APP_NAME}" if cell.name else APP_NAME
        self.setWindowTitle(title)

    def choose_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # dialogs' classes load when first used

        name, _filter = QFileDialog.getOpenFileName(
            self,
            _("Mở tệp dữ liệu chi bộ"),
            str(self.path.parent if self.path else ""),
            FILE_FILTER,
        )
        if name and self._may_leave():
            self.open_file(Path(name))

    def new_file(self) -> None:
        if not self._may_leave():
            return
        from PySide6.QtWidgets import QFileDialog

        name, _filter = QFileDialog.getSaveFileName(
            self, _("Tạo tệp dữ liệu mới"), "chibo.sqlite", FILE_FILTER
        )
        if not name:
            return
        path = Path(name)
        if path.exists():
            show_error(self, Exception(_("Tệp đã có; hãy chọn tên khác.")))
            return
        from .dialogs.cell_dialog import CellDialog

        dialog = CellDialog(self, intro=_("Nhập thông tin chi bộ cho tệp mới."))
        if dialog.exec():
            self.open_file(path, create=True, cell=dialog.value())

    def _may_leave(self) -> bool:
        current = self.current_page()
        return current is None or current.maybe_leave()

    def guide(self) -> None:
        from .dialogs.help_dialog import HelpDialog

        self.help_dialog = HelpDialog(self)
        self.help_dialog.show()

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

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
        if not all(page.maybe_leave() for page in self.pages.values()):
            event.ignore()
            return
        current = self.current_page()
        self.config.window = save_window(self, current.key if current is not None else None)
        event.accept()
