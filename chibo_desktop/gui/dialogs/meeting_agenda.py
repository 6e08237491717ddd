"""The “content” tab of the minutes editor: the agenda, and each item's content and the
chair's conclusion."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.meetings import AgendaItem
from ...i18n import N_, _
from ..models.meetings_model import ListModel
from .meeting_content import table
from .meeting_parts import PhraseButton


class AgendaModel(ListModel):
    HEADERS = (N_("Chương trình"),)
    FIELDS = ("title",)
    EDITABLE = ("title",)


class ContentTab(QSplitter):
    """Agenda items on the left; the selected item's content and conclusion on the right."""

    def __init__(self, touched: Callable, save_phrase: Callable[[str, str], None]) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.touched = touched
        self.items = AgendaModel(self)
        self.items.edited.connect(touched)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        self.item_view = table(self.items, stretch=0)
        self.item_view.selectionModel().currentRowChanged.connect(self._show_row)
        buttons = QHBoxLayout()
        add, remove = QPushButton(_("Thêm mục")), QPushButton(_("Xóa mục"))
        add.clicked.connect(self.add_item)
        remove.clicked.connect(self.remove_item)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        self.edit_buttons = [add, remove]
        left_box.addLayout(buttons)
        left_box.addWidget(self.item_view)
        right = QWidget()
        form = QVBoxLayout(right)
        form.setContentsMargins(6, 0, 0, 0)
        self.content = QPlainTextEdit()
        self.conclusion = QPlainTextEdit()
        self.conclusion.setMaximumHeight(120)
        for label, edit, field in (
            (_("Nội dung"), self.content, "content"),
            (_("Kết luận của chủ trì"), self.conclusion, "conclusion"),
        ):
            row = QHBoxLayout()
            row.addWidget(QLabel(f"<b>{label}</b>"))
            row.addStretch(1)
            button = PhraseButton(field, edit, save_phrase)
            button.setObjectName(f"phrases-{field}")
            button.part = self.current_title
            row.addWidget(button)
            form.addLayout(row)
            form.addWidget(edit, 1 if field == "content" else 0)
        self.content.textChanged.connect(lambda: self._edited("content", self.content))
        self.conclusion.textChanged.connect(lambda: self._edited("conclusion", self.conclusion))
        self.addWidget(left)
        self.addWidget(right)
        self.setStretchFactor(1, 2)
        self.setSizes([260, 520])
        self._showing = False

    def titles(self) -> list[str]:
        return [i.title for i in self.items.rows]

    def current_title(self) -> str:
        row = self.current_row()
        return self.items.rows[row].title if row is not None else ""

    def current_row(self) -> int | None:
        index = self.item_view.currentIndex()
        return index.row() if index.isValid() else None

    def show_items(self, items: list[AgendaItem]) -> None:
        self.items.set_rows(items)
        self._show_row(self.items.index(0, 0) if items else None)
        if items:
            self.item_view.setCurrentIndex(self.items.index(0, 0))

    def _show_row(self, index, _previous=None) -> None:
        row = self.items.rows[index.row()] if index is not None and index.isValid() else None
        self._showing = True
        self.content.setPlainText(row.content if row else "")
        self.conclusion.setPlainText(row.conclusion if row else "")
        self._showing = False

    def _edited(self, field: str, edit: QPlainTextEdit) -> None:
        row = self.current_row()
        if self._showing or row is None or self.items.read_only:
            return
        setattr(self.items.rows[row], field, edit.toPlainText())
        self.touched()

    def add_item(self) -> None:
        if self.items.read_only:
            return
        row = self.items.append(AgendaItem(_("Mục mới")))
        self.item_view.setCurrentIndex(self.items.index(row, 0))
        self.item_view.edit(self.items.index(row, 0))

    def remove_item(self) -> None:
        row = self.current_row()
        if row is not None and not self.items.read_only:
            self.items.remove(row)

    def collect(self) -> list[AgendaItem]:
        return [dataclasses.replace(i) for i in self.items.rows]
