"""One year's assessments as an editable table."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyledItemDelegate

from ...domain.assessment import Assessment
from ...i18n import N_, _
from ..widgets.table_model import RowsModel

COLUMNS = [
    N_("STT"),
    N_("Họ và tên"),
    N_("Đảng viên"),
    N_("Điểm tự chấm"),
    N_("Tự xếp loại"),
    N_("Chi bộ đề xuất"),
    N_("Cấp trên quyết định"),
    N_("Ghi chú"),
    N_("Cảnh báo"),
]
SCORE, SELF, PROPOSED, FINAL, NOTES = 3, 4, 5, 6, 7
LEVEL_FIELDS = {SELF: "self_level", PROPOSED: "proposed_level", FINAL: "final_level"}
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 2


def parse_score(text: str) -> float | None:
    text = text.strip().replace(",", ".")
    if not text:
        return None
    return float(text)


class AssessmentModel(RowsModel):
    HEADERS = COLUMNS

    edited = Signal(object)  # Assessment to save
    invalid = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.sheet = None

    def set_sheet(self, sheet) -> None:
        self.sheet = sheet
        self.set_rows(sheet.rows if sheet else [])

    def flags(self, index):
        base = super().flags(index)
        if index.column() in (SCORE, NOTES, *LEVEL_FIELDS):
            if index.column() == SCORE and not self.sheet.scale.points:
                return base
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def assessment_of(self, row) -> Assessment:
        """The row's assessment, or an empty one of the year to fill in."""
        return row.assessment or Assessment(row.member.id, self.sheet.year, self.sheet.scale.key)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        a = r.assessment
        col = index.column()
        scale = self.sheet.scale
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == 0:
                return index.row() + 1
            if col == 1:
                return r.member.full_name
            if col == 2:
                return _("Chính thức") if r.membership == "chinh_thuc" else _("Dự bị")
            if col == SCORE:
                if a is None or a.self_score is None:
                    return ""
                return f"{a.self_score:g}".replace(".", ",")
            if col in LEVEL_FIELDS:
                return scale.label(getattr(a, LEVEL_FIELDS[col])) if a else ""
            if col == NOTES:
                return a.notes if a else ""
            if col == 8:
                return "; ".join(r.problems)
        if role == LEVEL_ROLE and col in LEVEL_FIELDS:
            return getattr(a, LEVEL_FIELDS[col]) if a else None
        if role == Qt.ItemDataRole.ForegroundRole and col == 8:
            return QBrush(QColor("#b3261e"))
        if role == Qt.ItemDataRole.BackgroundRole and a is None:
            return QBrush(QColor("#fff6e5"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 2, SCORE):
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole and col == 8 and r.problems:
            return "\n".join(r.problems)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        r = self.rows[index.row()]
        a = self.assessment_of(r)
        col = index.column()
        try:
            if col == SCORE:
                a = dataclasses.replace(a, self_score=parse_score(str(value)))
            elif col in LEVEL_FIELDS:
                a = dataclasses.replace(a, **{LEVEL_FIELDS[col]: value or None})
            elif col == NOTES:
                a = dataclasses.replace(a, notes=str(value))
            else:
                return False
        except ValueError:
            self.invalid.emit(_("Điểm phải là một số, ví dụ 85 hoặc 92,5."))
            return False
        self.edited.emit(a)
        return True


class AssessmentDelegate(QStyledItemDelegate):
    """Levels are picked from the year's scale; the score is typed (comma or dot)."""

    def __init__(self, model: AssessmentModel, parent=None) -> None:
        super().__init__(parent)
        self.model = model

    def createEditor(self, parent, option, index):
        if index.column() in LEVEL_FIELDS:
            box = QComboBox(parent)
            box.addItem("", None)
            for level in self.model.sheet.scale.levels:
                box.addItem(level.label, level.key)
            return box
        if index.column() == SCORE:
            return QLineEdit(parent)
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor, index):
        if isinstance(editor, QComboBox):
            key = index.data(LEVEL_ROLE)
            editor.setCurrentIndex(max(0, editor.findData(key)))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
            return
        super().setModelData(editor, model, index)
