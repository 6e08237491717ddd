"""The interface language: English on the main window, the switch in Settings, and
Vietnamese texts on Qt's own dialog buttons."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QTabWidget,
    QWizard,
)

from chibo_desktop import i18n
from chibo_desktop.config import UserConfig, load_config
from chibo_desktop.gui.main_window import MainWindow
from chibo_desktop.gui.qt_texts import install_qt_texts
from chibo_desktop.gui.views.settings_language import LanguageSection

from .conftest import wait_idle

# Language names are written in their own language on purpose.
OWN_NAMES = set(i18n.LANGUAGES.values())
CATALOG = Path(__file__).parents[2] / "i18n" / "en" / "LC_MESSAGES" / "chibo.po"


def vietnamese_sources() -> tuple[set[str], list[str]]:
    """Messages the English catalog translates: whole texts, and their longer literal pieces
    (between placeholders) that would show up inside a formatted text left untranslated."""
    with CATALOG.open("rb") as fh:
        catalog = read_po(fh)
    whole, pieces = set(), []
    for message in catalog:
        if not message.id or isinstance(message.id, tuple) or message.string == message.id:
            continue
        whole.add(message.id)
        for literal, *_rest in string.Formatter().parse(message.id):
            literal = re.sub(r"<[^>]*>", " ", literal).strip(" :.,;()—-\n")
            if len(literal) >= 8 and any(ch.isalpha() and not ch.isascii() for ch in literal):
                pieces.append(literal)
    return whole, pieces


def untranslated(texts: list[str]) -> list[str]:
    whole, pieces = vietnamese_sources()
    return sorted({t for t in texts if t in whole or any(p in t for p in pieces)})


def shown_texts(window) -> list[str]:
    """Every fixed text of the window: menus, navigation, labels, buttons, headers, tips."""
    texts = [window.windowTitle()]

    def walk_menu(menu) -> None:
        texts.append(menu.title())
        for action in menu.actions():
            texts.append(action.text())
            if action.menu():
                walk_menu(action.menu())

    for action in window.menuBar().actions():
        texts.append(action.text())
        if action.menu():
            walk_menu(action.menu())
    for widget in window.findChildren(QLabel):
        texts.append(widget.text())
    for widget in window.findChildren(QAbstractButton):
        texts += [widget.text(), widget.toolTip()]
    for widget in window.findChildren(QGroupBox):
        texts.append(widget.title())
    for widget in window.findChildren(QLineEdit):
        texts.append(widget.placeholderText())
    for widget in window.findChildren(QTabWidget):
        texts += [widget.tabText(i) for i in range(widget.count())]
    for widget in window.findChildren(QComboBox):
        # An item whose text is its own data is a stored value (a position...), not a label.
        texts += [
            widget.itemText(i)
            for i in range(widget.count())
            if widget.itemText(i) != widget.itemData(i)
        ]
    for widget in window.findChildren(QListWidget):
        texts += [widget.item(i).text() for i in range(widget.count())]
    for view in window.findChildren(QAbstractItemView):
        header = getattr(view, "horizontalHeader", None)
        model = view.model()
        if header is not None and model is not None:
            texts += [
                str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                for c in range(header().count())
            ]
    return [t for t in texts if t and t not in OWN_NAMES]


@pytest.fixture
def english_window(qtbot, tasks):
    i18n.set_language("en")
    window = MainWindow(tasks, UserConfig())
    qtbot.addWidget(window)
    for key in window.page_keys():  # pages are built when first shown: build them all
        window.page(key)
    window.show()
    return window


def test_english_main_window_shows_english(english_window):
    window = english_window
    navigation = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert navigation[0] == "Home"
    assert navigation[-1] == "Settings"
    assert window.menuBar().actions()[0].text() == "&File"
    texts = shown_texts(window)
    assert len(texts) > 20
    assert untranslated(texts) == []


def test_untranslated_texts_are_found():
    assert untranslated(["Cài đặt", "Settings"]) == ["Cài đặt"]
    assert untranslated(["Tệp: C:\\chibo.sqlite"]) == []  # short piece: exact match only
    assert untranslated(["Hiển thị 3 / 5 đảng viên"]) == ["Hiển thị 3 / 5 đảng viên"]
    assert untranslated(["For example: Chi bộ Khu phố 3", "Bí thư"]) == []


def test_vietnamese_main_window_is_vietnamese(qtbot, tasks):
    window = MainWindow(tasks, UserConfig())
    qtbot.addWidget(window)
    assert window.nav.item(window.nav.count() - 1).text() == "Cài đặt"
    assert window.menuBar().actions()[0].text() == "&Tệp"


def test_english_window_on_a_file_keeps_the_cell_names(english_window, qtbot, tasks, db_path):
    window = english_window
    with qtbot.waitSignal(window.database_opened, timeout=10_000):
        window.open_file(db_path)
    wait_idle(qtbot, tasks)
    assert window.file_label.text().startswith("File: ")
    assert "Chi bộ Khu phố 3" in window.windowTitle()


def language_section(window) -> LanguageSection:
    window.show_page("settings")
    return window.findChild(LanguageSection)


def test_language_switch_is_saved_and_survives_other_saves(open_window, qtbot, db_path, demo_path):
    window = open_window(db_path)
    section = language_section(window)
    assert section.language() == "vi"
    section.combo.setFocus()
    qtbot.keyClick(section.combo, Qt.Key.Key_Down)
    assert section.language() == "en"
    assert load_config().language == "en"
    assert window.config.language == "en"
    assert "mở lại" in section.message.text()
    # Opening another file saves the config again (recent files): English must stay.
    with qtbot.waitSignal(window.database_opened, timeout=10_000):
        window.open_file(demo_path)
    assert load_config().language == "en"
    assert load_config().recent_files[0] == str(demo_path.resolve())
    qtbot.keyClick(section.combo, Qt.Key.Key_Up)
    assert load_config().language == "vi"
    assert section.message.text() == "Đã lưu."


def test_saved_language_is_used_at_start(monkeypatch):
    from chibo_desktop.app_setup import setup
    from chibo_desktop.config import save_config

    monkeypatch.delenv("CHIBO_LANG", raising=False)
    save_config(UserConfig(language="en"))
    try:
        setup(interactive=False)
        assert i18n.current_language() == "en"
        assert i18n._("Cài đặt") == "Settings"
    finally:
        save_config(UserConfig(language="vi"))


@pytest.fixture
def qt_texts(qapp):
    before = QLocale()
    translator = install_qt_texts(qapp)
    yield translator
    if translator is not None:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)


def test_standard_buttons_speak_vietnamese(qt_texts):
    assert qt_texts is not None
    buttons = QDialogButtonBox.StandardButton
    box = QDialogButtonBox(
        buttons.Ok | buttons.Cancel | buttons.Yes | buttons.No | buttons.Close | buttons.Save
    )
    texts = {box.button(b).text().replace("&", "") for b in box.standardButtons().__iter__()}
    assert {"Đồng ý", "Hủy", "Có", "Không", "Đóng", "Lưu"} <= texts
    message = QMessageBox(
        QMessageBox.Icon.Question,
        "",
        "",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    assert message.button(QMessageBox.StandardButton.Yes).text() == "&Có"
    wizard = QWizard()
    assert wizard.buttonText(QWizard.WizardButton.FinishButton) == "&Xong"
    assert wizard.buttonText(QWizard.WizardButton.CancelButton) == "Hủy"


def test_calendars_and_number_boxes_follow_the_language(qt_texts):
    popup = QDateEdit()
    popup.setCalendarPopup(True)
    assert popup.calendarWidget().locale().name() == "vi_VN"
    assert QLocale().standaloneMonthName(3) == "Tháng 3"
    assert QLocale().decimalPoint() == ","


def test_qt_texts_stay_english_for_an_english_interface(qapp):
    i18n.set_language("en")
    before = QLocale()
    assert install_qt_texts(qapp) is None
    assert QLocale().name() == "en_GB"
    QLocale.setDefault(before)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_the_english_member_form_names_its_groups_and_sexes_in_english(
    english_window, qtbot, tasks, db_path
):
    from PySide6.QtWidgets import QGroupBox

    window = english_window
    with qtbot.waitSignal(window.database_opened, timeout=10_000):
        window.open_file(db_path)
    wait_idle(qtbot, tasks)
    window.show_page("members")
    page = window.pages["members"]
    page.add_action.trigger()
    form = page.form
    titles = [box.title() for box in form.findChildren(QGroupBox)]
    assert {"Personal", "Education and work", "Party membership"} <= set(titles)
    sexes = form.widgets["gender"]
    assert [sexes.itemText(i) for i in range(sexes.count())] == ["", "Male", "Female"]
    assert [sexes.itemData(i) for i in range(sexes.count())] == [None, "Nam", "Nữ"]
    form.close()
