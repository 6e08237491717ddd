import subprocess
import sys

from PySide6.QtCore import Qt

from chibo_desktop.services.cell import get_cell
from chibo_desktop.storage.database import open_database

from .conftest import shown_page, type_text, wait_idle


def test_navigation_shows_every_page(open_window, demo_path, qtbot):
    window = open_window(demo_path)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles[:6] == [
        "Trang chủ",
        "Đảng viên",
        "Sinh hoạt chi bộ",
        "Đợt sinh hoạt chính trị",
        "Báo cáo",
        "Cài đặt",
    ]
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        assert window.stack.currentIndex() == row
    assert "Chi bộ Khu phố 3" in window.windowTitle()
    assert str(demo_path) in window.file_label.text()


def test_settings_page_saves_the_cell_names(open_window, db_path, qtbot, tasks):
    window = open_window(db_path)
    page = shown_page(window, "settings")
    assert page.form.name.text() == "Chi bộ Khu phố 3"
    page.form.place.clear()
    type_text(page.form.place, "Hải Phòng")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    assert page.message.text() == "Đã lưu."
    db = open_database(db_path)
    assert get_cell(db).place == "Hải Phòng"
    db.close()


def test_opening_a_bad_file_shows_a_message_not_a_crash(
    open_window, tmp_path, db_path, qtbot, tasks, monkeypatch
):
    shown = []
    monkeypatch.setattr(
        "chibo_desktop.gui.main_window.show_error",
        lambda parent, exc, title=None: shown.append(str(exc)),
    )
    window = open_window(db_path)
    bad = tmp_path / "bad.sqlite"
    bad.write_text("not a database at all, just text " * 10)
    window.open_file(bad)
    wait_idle(qtbot, tasks)
    assert shown and "không phải là tệp dữ liệu" in shown[0]
    assert window.path == db_path


def test_screenshot_flag_writes_a_png(demo_path, tmp_path):
    png = tmp_path / "main.png"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "chibo_desktop.gui.app",
            "--db",
            str(demo_path),
            "--screenshot",
            str(png),
            "--page",
            "settings",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
