"""What the secretary arranged stays arranged from one day to the next: the window's size and
place, the page she was on, the splitters and the widths of every table's columns. Kept per
user in the config file (``UserConfig.window``), as hex strings of Qt's own saved states."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow, QSplitter, QTableView, QWidget

from ..config import load_config, save_config


def save_window(window: QMainWindow, page_key: str | None) -> dict:
    """Write the window's memory into the config file (read again first: dialogs keep their
    folders there meanwhile); returns it."""
    config = load_config()
    config.window = remember_window(window, config.window, page_key)
    with contextlib.suppress(OSError):
        save_config(config)
    return config.window


def remember_window(window: QMainWindow, memory: dict, page_key: str | None) -> dict:
    """``memory`` updated with the window's geometry, its page and each built page's layout."""
    memory = dict(memory)
    memory["geometry"] = _hex(window.saveGeometry())
    if page_key:
        memory["page"] = page_key
    for key, page in getattr(window, "pages", {}).items():
        memory.update(_page_states(key, page))
    return memory


def restore_geometry(window: QMainWindow, memory: dict) -> None:
    geometry = memory.get("geometry")
    if geometry:
        with contextlib.suppress(ValueError):
            window.restoreGeometry(QByteArray.fromHex(geometry.encode("ascii")))


def restore_page(key: str, page: QWidget, memory: dict) -> None:
    """Column widths and splitter positions of a page as it was left (a table whose
    columns changed since keeps its defaults: Qt refuses a state that does not fit)."""
    for name, widget in _remembered(key, page):
        state = memory.get(name)
        if state:
            with contextlib.suppress(ValueError):
                target = widget.horizontalHeader() if isinstance(widget, QTableView) else widget
                target.restoreState(QByteArray.fromHex(state.encode("ascii")))


def _page_states(key: str, page: QWidget) -> dict:
    states = {}
    for name, widget in _remembered(key, page):
        target = widget.horizontalHeader() if isinstance(widget, QTableView) else widget
        states[name] = _hex(target.saveState())
    return states


def _remembered(key: str, page: QWidget):
    """(name, widget) of the page's tables and splitters, named by kind and order."""
    for kind, widgets in (
        ("table", page.findChildren(QTableView)),
        ("splitter", page.findChildren(QSplitter)),
    ):
        for number, widget in enumerate(widgets):
            yield f"{key}/{kind}/{number}", widget


def _hex(data: QByteArray) -> str:
    return bytes(data.toHex()).decode("ascii")
