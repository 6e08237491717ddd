"""An empty register's home page says what to do first; F1 opens the user guide."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser

from .conftest import shown_page, wait_idle


def test_an_empty_register_offers_the_first_steps(open_window, db_path, qtbot, tasks):
    window = open_window(db_path)
    home = shown_page(window, "home")
    qtbot.waitUntil(home.first_steps.isVisible)
    assert "Sổ đảng viên còn trống" in home.first_steps.findChild(type(home.summary)).text()
    qtbot.mouseClick(home.add_button, Qt.MouseButton.LeftButton)
    members = window.pages["members"]
    qtbot.waitUntil(lambda: members.form is not None and members.form.isVisible())
    members.form.close()
    wait_idle(qtbot, tasks)


def test_a_register_with_members_has_no_first_steps(open_window, demo_path, qtbot, tasks):
    home = shown_page(open_window(demo_path), "home")
    wait_idle(qtbot, tasks)
    assert not home.first_steps.isVisible()


def test_f1_opens_the_offline_guide_with_its_pictures(open_window, db_path, qtbot):
    window = open_window(db_path)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: getattr(window, "help_dialog", None) is not None)
    browser = window.help_dialog.findChild(QTextBrowser)
    text = browser.toPlainText()
    for part in ("Bắt đầu", "Việc hằng tháng", "Biên bản", "Tự soi, tự sửa", "Sao lưu"):
        assert part in text
    document = browser.document()
    image = document.resource(3, "danh-sach.png")  # QTextDocument.ImageResource
    assert image is not None and not image.isNull()
    window.help_dialog.close()
