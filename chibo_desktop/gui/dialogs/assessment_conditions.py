"""The conditions of QĐ 366 beside a member's score: one check box per condition of the
year's scale; the level the score and the ticked conditions support is shown as a proposal."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QVBoxLayout, QWidget

from ...domain.assessment import Assessment, Scale, supported_level
from ...i18n import _
from ..widgets.paragraph import paragraph


class ConditionsBox(QGroupBox):
    changed = Signal(object)  # the Assessment with the conditions as now ticked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Điều kiện bên cạnh điểm"), parent)
        self.layout_ = QVBoxLayout(self)
        self.checks: dict[str, QCheckBox] = {}
        self.proposal = paragraph()
        self.scale: Scale | None = None
        self.assessment: Assessment | None = None

    def set_scale(self, scale: Scale) -> None:
        if scale == self.scale:
            return
        self.scale = scale
        while self.layout_.count():
            widget = self.layout_.takeAt(0).widget()
            if widget is not None and widget is not self.proposal:
                widget.deleteLater()
        self.checks = {}
        for level in scale.levels:
            for condition in level.conditions:
                box = QCheckBox(f"{level.label}: {condition.label}")
                if not condition.verified:
                    box.setText(box.text() + " " + _("[chưa đối chiếu]"))
                box.setToolTip(condition.source)
                box.toggled.connect(self._toggled)
                self.layout_.addWidget(box)
                self.checks[condition.key] = box
        self.layout_.addWidget(self.proposal)
        self.setVisible(bool(self.checks))

    def show_member(self, name: str, assessment: Assessment | None) -> None:
        """The member chosen in the table (``assessment`` None: no row chosen)."""
        self.assessment = assessment
        met = assessment.conditions if assessment else frozenset()
        for key, box in self.checks.items():
            box.blockSignals(True)
            box.setChecked(key in met)
            box.setEnabled(assessment is not None)
            box.blockSignals(False)
        self.setTitle(
            _("Điều kiện bên cạnh điểm của đồng chí {name}").format(name=name)
            if name
            else _("Điều kiện bên cạnh điểm (chọn một đảng viên trong bảng)")
        )
        self._show_proposal()

    def met(self) -> frozenset[str]:
        return frozenset(key for key, box in self.checks.items() if box.isChecked())

    def _toggled(self) -> None:
        if self.assessment is None:
            return
        self.assessment = dataclasses.replace(self.assessment, conditions=self.met())
        self._show_proposal()
        self.changed.emit(self.assessment)

    def _show_proposal(self) -> None:
        a = self.assessment
        if self.scale is None or a is None or a.self_score is None:
            self.proposal.setText(_("Nhập điểm tự chấm để chương trình đề xuất mức."))
            return
        level = supported_level(self.scale, a.self_score, self.met())
        self.proposal.setText(
            _(
                "Điểm {score:g} và các điều kiện đã đánh dấu: đề xuất mức “{level}” "
                "(chi bộ quyết định; mức cao hơn cần đủ điều kiện)."
            ).format(score=a.self_score, level=self.scale.label(level))
        )
