"""`chibo-desktop`: start the window.

    chibo-desktop [--db PATH] [--demo] [--smoke] [--screenshot FILE.png [--page NAME]]

``--smoke`` shows the window, lets it paint once with its data, and exits 0;
``--screenshot`` does the same and saves a PNG of the window.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path

from .. import APP_NAME, __version__
from ..app_setup import setup
from ..argparse_texts import install_argparse_texts
from ..i18n import _

PAGES = ("home", "members", "meetings", "campaign", "dues", "reports", "settings")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    install_argparse_texts()
    parser = argparse.ArgumentParser(prog="chibo-desktop", description=APP_NAME)
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=argparse._("show program's version number and exit"),  # Python's text, translated
    )
    parser.add_argument("--db", metavar="PATH", help=_("tệp dữ liệu của chi bộ"))
    parser.add_argument(
        "--demo", action="store_true", help=_("mở tệp dữ liệu mẫu (tạo mới nếu chưa có)")
    )
    parser.add_argument(
        "--smoke", action="store_true", help=_("hiện cửa sổ một lần rồi thoát (kiểm tra cài đặt)")
    )
    parser.add_argument("--screenshot", metavar="FILE.png", help=_("lưu ảnh cửa sổ rồi thoát"))
    parser.add_argument("--page", choices=PAGES, default=None, help=_("trang hiện ra đầu tiên"))
    return parser.parse_args(argv)


def choose_path(args, config) -> tuple[Path | None, bool]:
    """The file to open and whether it must be filled with the demo."""
    from ..paths import default_database_path, demo_database_path

    if args.demo:
        return (Path(args.db) if args.db else demo_database_path()), True
    if args.db:
        return Path(args.db), False
    for recent in config.recent_files:
        if Path(recent).is_file():
            return Path(recent), False
    default = default_database_path()
    return (default if default.is_file() else None), False


# What the first screen needs to show its data, by page (see preload below).
FIRST_SCREEN = {
    "home": (
        "chibo_desktop.services.reminders.collect",
        "chibo_desktop.services.cell.summary",
        "chibo_desktop.services.reports.meetings",
    ),
    "members": (
        "chibo_desktop.services.members.listing",
        "chibo_desktop.services.members.register",
    ),
    "meetings": ("chibo_desktop.services.meetings.minutes",),
}
OPENING = ("chibo_desktop.services.safety.session", "chibo_desktop.services.cell.identity")


def preload(page: str | None) -> None:
    """Import what opening the file and the first page need, before PySide6.

    These modules load anyway before the first screen is complete; loaded after PySide6,
    each one would also pass through PySide6's import hook, which reads its source."""
    import importlib

    for name in (*OPENING, *FIRST_SCREEN.get(page or "home", ())):
        importlib.import_module(name)


def main(argv: Sequence[str] | None = None) -> int:
    # Start-up allocates much and frees little: the cyclic collector is paused until the
    # window is up (then what start-up made is frozen out of its sight, see _run).
    gc.disable()
    try:
        return _run(argv)
    finally:
        gc.enable()


def _run(argv: Sequence[str] | None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    setup(interactive=True)

    from ..config import load_config

    config = load_config()
    path, demo = choose_path(args, config)
    if path is not None:
        preload(args.page)

    from PySide6.QtWidgets import QApplication

    from .look import apply_look
    from .main_window import MainWindow
    from .qt_texts import install_qt_texts, window_icon
    from .tasks import Tasks

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    apply_look(app)
    install_qt_texts(app)
    app.setWindowIcon(window_icon())
    tasks = Tasks()
    from .printing import remove_old_prints
    from .terminate import quit_on_terminate

    remove_old_prints()  # files printed a day ago, even if nothing is printed today
    quit_on_terminate(app)
    window = MainWindow(tasks, config)
    headless = args.smoke or args.screenshot
    if headless:  # pictures and checks always at the same size, whatever was remembered
        window.resize(1200, 760)
    last_page = config.window.get("page")
    if args.page:
        window.show_page(args.page)
    elif not headless and last_page in PAGES:  # where the secretary left off
        window.show_page(last_page)
    if path is None:
        if headless:
            print(_("Lỗi: chưa có tệp dữ liệu; dùng --db hoặc --demo."), file=sys.stderr)
            return 1
        gc.enable()  # the user may stay in the first-run dialog for a while
        path, cell = first_run(window)
        if path is None:
            return 0
        window.open_file(path, create=True, cell=cell)
        window.show()
    else:
        # The file opens on the worker while the window is shown and painted.
        window.open_file(path, create=demo, demo=demo)
        window.show()
    exit_code: list[int] = []
    if headless:
        from .headless import finish_when_ready

        finish_when_ready(app, window, tasks, args.screenshot, exit_code)
    # What start-up made (modules, rule tables, the window) lives as long as the program:
    # out of the cyclic collector's sight, it is not traversed again by each full collection
    # while the first page computes its data (≈ 30 ms with 5,000 members) and afterwards.
    gc.freeze()
    gc.enable()
    app.exec()
    tasks.shutdown()
    return exit_code[0] if exit_code else 0


def first_run(window) -> tuple[Path | None, object]:
    """No file yet: ask for the cell's names and create the file in the data folder."""
    from ..paths import default_database_path
    from .dialogs.cell_dialog import CellDialog

    dialog = CellDialog(
        window,
        intro=_(
            "Chào mừng đến với Chi bộ Desktop. Hãy nhập thông tin chi bộ để tạo tệp dữ liệu. "
            "Tệp sẽ được lưu tại {path}."
        ).format(path=default_database_path()),
    )
    if not dialog.exec():
        return None, None
    return default_database_path(), dialog.value()


if __name__ == "__main__":
    sys.exit(main())
