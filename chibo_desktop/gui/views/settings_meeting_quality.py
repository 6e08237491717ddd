"""Settings section: the cell's own yardsticks for a good meeting (not a regulation)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ...i18n import _
from ...services.contract.results import Changes
from ...services.meetings.quality import (
    QualitySettings,
    quality_settings,
    reset_quality_settings,
    save_quality_settings,
)
from ..errors import show_error
from ..tasks import Tasks
from .settings_section import SettingsSection


class MeetingQualitySection(SettingsSection):
    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(tasks, _("Chất lượng sinh hoạt: mức của chi bộ"), parent)
        layout = self.body
        self.add_text(
            _(
                "Đây là mức chi bộ tự đặt để tự theo dõi, không phải quy định của Đảng (chưa tìm "
                "được văn bản nào quy định các con số này). Chương trình cảnh báo khi một buổi "
                "sinh hoạt không đạt."
            )
        )
        form = QFormLayout()
        self.min_attendance = QSpinBox()
        self.min_attendance.setRange(1, 100)
        self.min_attendance.setSuffix(" %")
        self.max_excused = QSpinBox()
        self.max_excused.setRange(1, 24)
        form.addRow(_("Tỷ lệ dự họp cần vượt quá:"), self.min_attendance)
        form.addRow(_("Số lần vắng có lý do liên tiếp tối đa:"), self.max_excused)
        self.small_cell = QCheckBox(
            _("Chi bộ ít đảng viên: cấp ủy cấp trên quy định thời lượng tối thiểu riêng")
        )
        self.small_cell.setToolTip(
            _(
                "Hướng dẫn 42-HD/BTCTW (2025): tối thiểu 90 phút, 120 phút khi họp chung "
                "thường kỳ và chuyên đề; chi bộ ít đảng viên theo quy định của cấp ủy có "
                "thẩm quyền."
            )
        )
        self.small_cell_minutes = QSpinBox()
        self.small_cell_minutes.setRange(1, 600)
        self.small_cell_minutes.setValue(60)
        self.small_cell_minutes.setSuffix(_(" phút"))
        self.small_cell_minutes.setEnabled(False)
        self.small_cell.toggled.connect(self.small_cell_minutes.setEnabled)
        form.addRow(self.small_cell, self.small_cell_minutes)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.save_button = QPushButton(_("Lưu mức của chi bộ"))
        self.save_button.clicked.connect(self.save)
        self.reset_button = QPushButton(_("Về mức mặc định"))
        self.reset_button.clicked.connect(self.reset)
        self.message = QLabel()
        row.addWidget(self.save_button)
        row.addWidget(self.reset_button)
        row.addWidget(self.message, 1)
        layout.addLayout(row)

    def load(self) -> None:
        self.tasks.run(quality_settings, on_done=self._show)

    def on_changed(self, changes: Changes) -> None:
        if changes.cell:
            self.load()

    def _show(self, settings: QualitySettings) -> None:
        self.min_attendance.setValue(round(settings.min_attendance * 100))
        self.max_excused.setValue(settings.max_excused_in_a_row)
        self.small_cell.setChecked(settings.small_cell_minutes is not None)
        if settings.small_cell_minutes:
            self.small_cell_minutes.setValue(settings.small_cell_minutes)
        self.reset_button.setEnabled(settings.own)

    def value(self) -> QualitySettings:
        minutes = self.small_cell_minutes.value() if self.small_cell.isChecked() else None
        return QualitySettings(
            self.min_attendance.value() / 100, self.max_excused.value(), small_cell_minutes=minutes
        )

    def save(self) -> None:
        self.message.clear()
        self.tasks.run(
            save_quality_settings,
            self.value(),
            on_done=lambda _r: self.message.setText(_("Đã lưu.")),
            on_error=lambda e: show_error(self, e),
        )

    def reset(self) -> None:
        self.message.clear()
        self.tasks.run(
            reset_quality_settings,
            on_done=lambda _r: self.message.setText(_("Đã về mức mặc định.")),
            on_error=lambda e: show_error(self, e),
        )
