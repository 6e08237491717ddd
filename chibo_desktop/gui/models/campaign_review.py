"""The 27 manifestations and 19 prohibitions of a self-review, each marked with a note."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from ...domain.campaign import Template
from ...i18n import N_, _

DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole
CHECK = Qt.ItemDataRole.CheckStateRole
_ROOT = QModelIndex()
PRESENT = QColor("#b3261e")


class ReviewMarksModel(QAbstractTableModel):
    """One row per reference: number, text, "có biểu hiện" (a check box), the note."""

    HEADERS = (N_("Số"), N_("Nội dung"), N_("Tự nhận"), N_("Ghi chú"))
    edited = Signal()

    def __init__(self, template: Template, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, str, str]] = template.review_refs()
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
            for ref, _group, _text in self.rows
        }

    def row_of(self, ref: str) -> int:
        return next(i for i, (r, _g, _t) in enumerate(self.rows) if r == ref)

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=DISPLAY):
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return _(self.HEADERS[section])
        return None

    def flags(self, index: QModelIndex):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.read_only:
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
        present = self.present.get(ref, False)
        if role == DISPLAY:
            if column == 0:
                number = ref[1:]
                return (
                    _("Biểu hiện {n}").format(n=number)
                    if ref[0] == "m"
                    else _("Điều {n}").format(n=number)
                )
            if column == 1:
                return text
            if column == 2:
                return _("Có biểu hiện") if present else _("Không có")
            return self.notes.get(ref, "")
        if role == EDIT and column == 3:
            return self.notes.get(ref, "")
        if role == CHECK and column == 2:
            return Qt.CheckState.Checked if present else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 1):
            return group or _("19 điều đảng viên không được làm (Quy định 37-QĐ/TW)")
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and present:
            return PRESENT
        return None

    def setData(self, index: QModelIndex, value, role=EDIT) -> bool:
        if not index.isValid() or self.read_only:
            return False
        ref = self.rows[index.row()][0]
        if index.column() == 2 and role == CHECK:
            self.present[ref] = Qt.CheckState(value) == Qt.CheckState.Checked
        elif index.column() == 3 and role == EDIT:
            self.notes[ref] = str(value or "")
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 3))
        self.edited.emit()
        return True
