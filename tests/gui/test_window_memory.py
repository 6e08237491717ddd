"""The window, its page and its tables come back as the secretary left them."""

from chibo_desktop.config import UserConfig, load_config
from chibo_desktop.gui.main_window import MainWindow

from .conftest import shown_page, wait_idle


def test_size_page_and_column_widths_come_back(qtbot, tasks, demo_path):
    config = UserConfig()
    window = MainWindow(tasks, config)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.database_opened, timeout=10_000):
        window.open_file(demo_path)
    window.show()
    # Within the screen whatever its scale (restoring keeps a window on its screen).
    room = window.screen().availableGeometry()
    window.resize(min(780, room.width() - 40), min(560, room.height() - 40))
    left = (window.width(), window.height())
    page = shown_page(window, "members")
    page.table.horizontalHeader().resizeSection(0, 333)
    assert window.close()
    wait_idle(qtbot, tasks)
    saved = load_config().window
    assert saved["page"] == "members" and "members/table/0" in saved

    again = MainWindow(tasks, load_config())
    qtbot.addWidget(again)
    again.show()
    assert (again.width(), again.height()) == left
    again.show_page(saved["page"])
    assert again.pages["members"].table.horizontalHeader().sectionSize(0) == 333
