"""The 27 manifestations and 19 prohibitions of a self-review, each marked with a note."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from ...domain.campaign import Template
from ...i18n import N_, _
from ..widgets.table_model import RowsModel

DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole
CHECK = Qt.ItemDataRole.CheckStateRole
_ROOT = QModelIndex()
PRESENT = QColor("#b3261e")
HEADING = QColor("#efe9e1")


class ReviewMarksModel(RowsModel):
    """One row per reference: number, text, "có biểu hiện" (a check box), the note."""

    HEADERS = (N_("TT"), N_("Biểu hiện / điều không được làm"), N_("Tự nhận"), N_("Ghi chú"))
    edited = Signal()

    def __init__(self, template: Template, parent=None) -> None:
        super().__init__(parent)
        self.refs: list[tuple[str, str, str]] = template.review_refs()
        # Entries not checked against the official text: marked here, never on paper.
        self.unverified: set[str] = {ref for ref, _group, _entry in template.unverified()}
        # Shown: a heading row before each group (ref ""), then its entries numbered from 1.
        self.rows: list[tuple[str, str, str]] = []
        self.numbers: dict[str, int] = {}
        prohibitions = _("{n} điều đảng viên không được làm (Quy định 37-QĐ/TW)").format(
            n=len(template.prohibitions)
        )
        group = None
        for ref, title, text in self.refs:
            title = title or prohibitions
            if title != group:
                group = title
                self.rows.append(("", title, ""))
                number = 0
            number += 1
            self.numbers[ref] = number
            self.rows.append((ref, title, text))
        self.present: dict[str, bool] = {}
        self.notes: dict[str, str] = {}
        self.read_only = False

    def set_marks(self, marks: dict[str, tuple[bool, str]]) -> None:
        self.beginResetModel()
        self.present = {ref: bool(p) for ref, (p, _note) in marks.items()}
        self.notes = {ref: note for ref, (_p, note) in marks.items()}
        self.endResetModel()

    def marks(self) -> dict[str, tuple[bool, str]]:
        return {
            ref: (self.present.get(ref, False), self.notes.get(ref, "").strip())
            for ref, _group, _text in self.refs
        }

    def row_of(self, ref: str) -> int:
        return next(i for i, (r, _g, _t) in enumerate(self.rows) if r == ref)

    def heading_rows(self) -> list[int]:
        return [i for i, (ref, _g, _t) in enumerate(self.rows) if not ref]

    def flags(self, index: QModelIndex):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.read_only or not self.rows[index.row()][0]:
            return base
        if index.column() == 2:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == 3:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: QModelIndex, role=DISPLAY):
        if not index.isValid():
            return None
        ref, group, text = self.rows[index.row()]
        column = index.column()
        if not ref:
            return self._heading(group, column, role)
        present = self.present.get(ref, False)
        if role == DISPLAY:
            if column == 0:
                return str(self.numbers[ref])
            if column == 1:
                if ref in self.unverified:
                    return _("{text} [chưa đối chiếu]").format(text=text)
                return text
            if column == 2:
                return _("Có biểu hiện") if present else _("Không có")
            return self.notes.get(ref, "")
        if role == EDIT and column == 3:
            return self.notes.get(ref, "")
        if role == CHECK and column == 2:
            return Qt.CheckState.Checked if present else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 1):
            if ref in self.unverified:
                return _(
                    "{group}\nLời văn chưa đối chiếu với văn bản chính thức "
                    "(tulieuvankien.dangcongsan.vn)."
                ).format(group=group)
            return group
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and present:
            return PRESENT
        return None

    @staticmethod
    def _heading(group: str, column: int, role):
        if role == DISPLAY and column == 0:
            return group
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return HEADING
        return None

    def setData(self, index: QModelIndex, value, role=EDIT) -> bool:
        if not index.isValid() or self.read_only:
            return False
        ref = self.rows[index.row()][0]
        if not ref:
            return False
        if index.column() == 2 and role == CHECK:
            self.present[ref] = Qt.CheckState(value) == Qt.CheckState.Checked
        elif index.column() == 3 and role == EDIT:
            self.notes[ref] = str(value or "")
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 3))
        self.edited.emit()
        return True
