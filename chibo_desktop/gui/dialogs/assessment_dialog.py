"""Year-end assessment: each member's score and levels, the cell's own level, the tally."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
)

from ...domain.assessment import CellAssessment
from ...i18n import _, format_percent
from ...services.assessments.year_end import save_assessment, save_cell_assessment, year_sheet
from ...services.contract.context import today as _today
from ..errors import show_error
from ..models.assessment_model import AssessmentDelegate, AssessmentModel
from ..widgets.paragraph import paragraph
from .assessment_conditions import ConditionsBox


class AssessmentDialog(QDialog):
    def __init__(self, tasks, year: int, parent=None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.sheet = None
        self.setWindowTitle(_("Đánh giá, xếp loại đảng viên"))
        self.resize(1100, 680)
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        top.addWidget(QLabel(_("Năm:")))
        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        self.year.setValue(year)
        self.year.valueChanged.connect(self.reload)
        top.addWidget(self.year)
        self.scale_label = QLabel()
        top.addWidget(self.scale_label, 1)
        layout.addLayout(top)

        self.model = AssessmentModel(self)
        self.model.edited.connect(self._save)
        self.model.invalid.connect(lambda msg: show_error(self, Exception(msg)))
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(proxy)
        self.table.setItemDelegate(AssessmentDelegate(self.model, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(8, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.conditions = ConditionsBox(self)
        self.conditions.changed.connect(self._save)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_conditions())
        layout.addWidget(self.conditions)

        cell_row = QHBoxLayout()
        cell_row.addWidget(QLabel(_("Chi bộ tự đánh giá:")))
        self.cell_self = QComboBox()
        # The levels are filled in after the dialog shows: size to them, not to the empty box.
        self.cell_self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        cell_row.addWidget(self.cell_self)
        cell_row.addWidget(QLabel(_("Cấp trên xếp loại chi bộ:")))
        self.cell_final = QComboBox()
        self.cell_final.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        cell_row.addWidget(self.cell_final)
        self.save_cell = QPushButton(_("Lưu đánh giá chi bộ"))
        self.save_cell.clicked.connect(self._save_cell)
        cell_row.addWidget(self.save_cell)
        cell_row.addStretch(1)
        layout.addLayout(cell_row)

        self.tally = paragraph()
        layout.addWidget(self.tally)
        self.warnings = paragraph()
        self.warnings.setStyleSheet("color: #b3261e;")
        layout.addWidget(self.warnings)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Đóng"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.tasks.run(year_sheet, self.year.value(), _today(), on_done=self.show_sheet)

    def show_sheet(self, sheet) -> None:
        if sheet.year != self.year.value():
            return
        self.sheet = sheet
        chosen = self._chosen_member()
        self.model.set_sheet(sheet)
        scale = sheet.scale
        self.conditions.set_scale(scale)
        if chosen is not None:
            self.select_member(chosen)
        self._show_conditions()
        self.scale_label.setText(
            _("Thang xếp loại: {scale}. Nhấp đúp vào ô để nhập điểm, chọn mức.").format(
                scale=scale.title
            )
        )
        for box, key in (
            (self.cell_self, sheet.cell.self_level if sheet.cell else None),
            (self.cell_final, sheet.cell.final_level if sheet.cell else None),
        ):
            box.clear()
            box.addItem(_("(chưa có)"), None)
            for level in scale.levels:
                box.addItem(level.label, level.key)
            box.setCurrentIndex(max(0, box.findData(key)))
        t = sheet.tally
        parts = [
            f"{level.label}: <b>{t.count(level.key)}</b> ({format_percent(t.percent(level.key))})"
            for level in scale.levels
        ]
        self.tally.setText(
            _("Phải đánh giá {n} (chính thức {a}, dự bị {b}); chưa xếp loại {m}.").format(
                n=t.total(), a=t.total("chinh_thuc"), b=t.total("du_bi"), m=t.missing()
            )
            + "<br>"
            + " · ".join(parts)
        )
        self.warnings.setText("<br>".join(sheet.warnings[:6]))

    def _save(self, assessment) -> None:
        def refused(exc: Exception) -> None:
            self.reload()  # back to what is stored (a refused tick is unticked)
            show_error(self, exc)

        self.tasks.run(
            save_assessment,
            assessment,
            on_done=lambda _r: self.reload(),
            on_error=refused,
        )

    def _save_cell(self) -> None:
        if self.sheet is None:
            return
        value = CellAssessment(
            self.sheet.year,
            self.sheet.scale.key,
            self.cell_self.currentData(),
            self.cell_final.currentData(),
            self.sheet.cell.notes if self.sheet.cell else "",
        )
        self.tasks.run(
            save_cell_assessment,
            value,
            on_done=lambda _r: self.reload(),
            on_error=lambda e: show_error(self, e),
        )

    def _chosen_member(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row = self.table.model().mapToSource(index).row()
        return self.model.rows[row].member.id if 0 <= row < len(self.model.rows) else None

    def _show_conditions(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid() or self.sheet is None:
            self.conditions.show_member("", None)
            return
        row = self.model.rows[self.table.model().mapToSource(index).row()]
        self.conditions.show_member(row.member.full_name, self.model.assessment_of(row))

    def select_member(self, member_id: int) -> None:
        for row, r in enumerate(self.model.rows):
            if r.member.id == member_id:
                index = self.table.model().mapFromSource(self.model.index(row, 0))
                self.table.setCurrentIndex(index)
                self.table.selectRow(index.row())
                self.table.scrollTo(index)
                return
