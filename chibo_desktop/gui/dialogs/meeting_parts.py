"""Pieces of the minutes editor: delegates, the stock-phrase button, the new-meeting dialog."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QStyledItemDelegate,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.meetings import STATE_LABELS
from ...i18n import _
from ..widgets.day_edit import DayEdit
from ..widgets.paragraph import paragraph


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box editor; ``choices()`` returns (label, value) pairs. With ``free_text`` the
    user may also type a value that is not in the list (e.g. a guest speaker)."""

    def __init__(
        self,
        choices: Callable[[], list[tuple[str, object]]],
        parent=None,
        *,
        free_text: bool = False,
    ) -> None:
        super().__init__(parent)
        self.choices = choices
        self.free_text = free_text

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        combo.setEditable(self.free_text)
        for label, value in self.choices():
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor: QComboBox, index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        position = editor.findData(value)
        if position >= 0:
            editor.setCurrentIndex(position)
        elif self.free_text:
            editor.setEditText("" if value is None else str(value))

    def setModelData(self, editor: QComboBox, model, index) -> None:
        if self.free_text:
            text = editor.currentText().strip()
            position = editor.findText(text)
            value = editor.itemData(position) if position >= 0 else text
        else:
            value = editor.currentData()
        model.setData(index, value, Qt.ItemDataRole.EditRole)


def state_choices() -> list[tuple[str, str]]:
    return [(_(label), key) for key, label in STATE_LABELS.items()]


class PhraseButton(QToolButton):
    """“Câu mẫu”: insert a saved phrase into a text box, or save the selected text."""

    def __init__(
        self,
        field: str,
        target: QPlainTextEdit,
        on_save: Callable[[str, str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.field = field
        self.target = target
        self.on_save = on_save
        self.phrases: list = []  # Phrase: its text, and the agenda parts it suits
        self.part: Callable[[], str] = lambda: ""  # the title of the part being written
        self.setText(_("Câu mẫu"))
        self.setToolTip(_("Chèn một câu đã lưu, hoặc lưu đoạn đang chọn để dùng lại"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMenu(QMenu(self))
        self.menu().aboutToShow.connect(self._fill)

    def set_phrases(self, phrases: list) -> None:
        self.phrases = phrases

    def shown_phrases(self) -> list[str]:
        """The sentences offered for the agenda part being written."""
        part = self.part()
        return [p.text for p in self.phrases if p.suits(part)]

    def _fill(self) -> None:
        menu = self.menu()
        menu.clear()
        shown = self.shown_phrases()
        for phrase in shown:
            label = phrase if len(phrase) < 70 else phrase[:67] + "…"
            action = menu.addAction(label)
            action.setToolTip(phrase)
            action.triggered.connect(lambda _c=False, p=phrase: self.insert(p))
        if shown:
            menu.addSeparator()
        save = menu.addAction(_("Lưu đoạn đang chọn làm câu mẫu"))
        save.setEnabled(not self.target.isReadOnly() and bool(self.selected()))
        save.triggered.connect(lambda: self.on_save(self.field, self.selected()))

    def selected(self) -> str:
        cursor = self.target.textCursor()
        text = cursor.selectedText().replace("\u2029", "\n")
        return text.strip() or self.target.toPlainText().strip()

    def insert(self, phrase: str) -> None:
        if self.target.isReadOnly():
            return
        cursor = self.target.textCursor()
        before = self.target.toPlainText()[: cursor.position()]
        cursor.insertText(("\n" if before and not before.endswith("\n") else "") + phrase)


class NewMeetingDialog(QDialog):
    """Date, kind(s) and topic of a new meeting."""

    def __init__(self, kinds: dict[str, str], today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Biên bản mới"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.date = DayEdit(today)
        self.date.changed.connect(self._check)
        form.addRow(_("Ngày sinh hoạt:"), self.date)
        self.kind_boxes: dict[str, QCheckBox] = {}
        box = QWidget()
        kinds_layout = QVBoxLayout(box)
        kinds_layout.setContentsMargins(0, 0, 0, 0)
        for key, label in kinds.items():
            check = QCheckBox(label[:1].upper() + label[1:])
            check.setChecked(key == "thuong_ky")
            check.toggled.connect(self._check)
            self.kind_boxes[key] = check
            kinds_layout.addWidget(check)
        form.addRow(_("Loại sinh hoạt:"), box)
        self.topic = QLineEdit()
        self.topic.setPlaceholderText(_("Tên chuyên đề (khi sinh hoạt chuyên đề)"))
        form.addRow(_("Chuyên đề:"), self.topic)
        layout.addLayout(form)
        self.usual_hint = _(
            "Danh sách điểm danh lấy từ danh sách đảng viên tại ngày sinh hoạt; chương "
            "trình lấy theo mẫu của loại sinh hoạt và sửa được tự do."
        )
        self.hint = paragraph(self.usual_hint)
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Đồng ý"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Hủy"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._check()

    def _check(self) -> None:
        ok = any(b.isChecked() for b in self.kind_boxes.values()) and not self.date.problem
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        self.hint.setText(self.date.problem or self.usual_hint)
        self.topic.setEnabled("chuyen_de" in self.kinds())

    def kinds(self) -> tuple[str, ...]:
        return tuple(k for k, b in self.kind_boxes.items() if b.isChecked())

    def value(self) -> tuple[dt.date, tuple[str, ...], str]:
        return self.date.date(), self.kinds(), self.topic.text()
