"""The committee's overview: one row per cell and its latest package."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from ...i18n import N_, _, format_date, format_percent
from ..widgets.table_model import RowsModel

DISPLAY = Qt.ItemDataRole.DisplayRole
SORT = Qt.ItemDataRole.UserRole + 1
_ROOT = QModelIndex()
LATE = QColor("#b3261e")


class CommitteeCellsModel(RowsModel):
    HEADERS = (
        N_("Chi bộ"),
        N_("Gói lập ngày"),
        N_("Kỳ của gói"),
        N_("Đảng viên"),
        N_("Buổi sinh hoạt trong kỳ"),
        N_("Đợt sinh hoạt chính trị"),
        N_("Tình trạng"),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._shared: set[str] = set()  # names borne by more than one cell

    def rows_changed(self) -> None:
        names = [line.name for line in self.rows]
        self._shared = {n for n in names if names.count(n) > 1}

    def _name(self, line) -> str:
        # Two cells may share a name; their identities tell them apart.
        return f"{line.name} · {line.uuid[:8]}" if line.name in self._shared else line.name

    def _status(self, line) -> str:
        parts = []
        if line.late:
            parts.append(_("chưa gửi gói kỳ này"))
        if line.regular_months_missing:
            parts.append(_("thiếu sinh hoạt thường kỳ"))
        if line.campaign_overdue:
            parts.append(_("đợt sinh hoạt chậm"))
        return ", ".join(parts) or _("đủ")

    def data(self, index: QModelIndex, role=DISPLAY):
        if not index.isValid():
            return None
        line = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ForegroundRole and column == 6 and self._status(line) != _("đủ"):
            return LATE
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            tip = _("Mã định danh: {uuid}").format(uuid=line.uuid)
            if line.former_names:
                tip += "\n" + _("Tên trước đây: {names}").format(names=", ".join(line.former_names))
            return tip
        if role not in (DISPLAY, SORT):
            return None
        progress = line.campaign_progress
        values = [
            self._name(line),
            line.package_created.strftime("%d/%m/%Y %H:%M"),
            f"{format_date(line.period_start)} – {format_date(line.period_end)}",
            line.members,
            line.meetings_in_period,
            format_percent(progress) if progress is not None else "—",
            self._status(line),
        ]
        if role == SORT:
            sort = [line.name, line.package_created, line.period_end, line.members]
            sort += [line.meetings_in_period, progress or 0.0, values[6]]
            return sort[column]
        return values[column]
