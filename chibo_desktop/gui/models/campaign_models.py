"""Table models of the campaign page: the campaigns and the cell's steps."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from ...domain.campaign import EVIDENCE_KINDS, STEP_STATUSES, CampaignState, Step
from ...i18n import N_, _, format_date, format_percent, ngettext
from ..widgets.table_model import RowsModel

DISPLAY = Qt.ItemDataRole.DisplayRole
SORT = Qt.ItemDataRole.UserRole + 1
ID = Qt.ItemDataRole.UserRole + 2
_ROOT = QModelIndex()
OVERDUE = QColor("#b3261e")
DONE = QColor("#1b5e20")
MUTED = QColor("#777777")


def _iso(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


class CampaignListModel(RowsModel):
    HEADERS = (N_("Đợt sinh hoạt"), N_("Tiến độ"))

    def data(self, index: QModelIndex, role=DISPLAY):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == ID:
            return row["id"]
        if role == SORT:
            return [row["start"], row["progress"]][column]
        if role == DISPLAY:
            if column == 0:
                start = _("từ {date}").format(date=format_date(_iso(row["start"])))
                return f"{row['title']}\n{start}"
            return format_percent(row["progress"])
        if role == Qt.ItemDataRole.ToolTipRole:
            overdue = (
                ngettext("{n} bước quá hạn", "{n} bước quá hạn", row["overdue"]).format(
                    n=row["overdue"]
                )
                if row["overdue"]
                else _("Đúng hạn")
            )
            n = row["members"]
            members = ngettext("{n} đảng viên", "{n} đảng viên", n).format(n=n)
            return f"{row['title']}\n{members} — {overdue}"
        if role == Qt.ItemDataRole.ForegroundRole and column == 1 and row["overdue"]:
            return OVERDUE
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def evidence_text(step: Step) -> str:
    """What proves the step was done, or what kind of proof it expects."""
    parts = []
    if step.assessed is not None:
        year, done, total = step.assessed
        parts.append(
            _("Đã xếp loại {done}/{total} đảng viên năm {year}").format(
                done=done, total=total, year=year
            )
        )
    if step.meeting_id is not None:
        when = format_date(step.meeting_date) if step.meeting_date else ""
        parts.append(_("Biên bản họp ngày {date}").format(date=when))
    if step.file_name:
        parts.append(_("Tệp: {name}").format(name=step.file_name))
    if step.note:
        parts.append(step.note.splitlines()[0])
    return "; ".join(parts)


class StepsModel(RowsModel):
    HEADERS = (
        N_("Bước"),
        N_("Hạn"),
        N_("Người phụ trách"),
        N_("Trạng thái"),
        N_("Ngày xong"),
        N_("Minh chứng"),
    )

    def set_state(self, state: CampaignState | None) -> None:
        self.set_rows(state.steps if state else [])

    def headerData(self, section, orientation, role=DISPLAY):
        if role == DISPLAY and orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return super().headerData(section, orientation, role)

    def step_at(self, row: int) -> Step | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def data(self, index: QModelIndex, role=DISPLAY):
        if not index.isValid():
            return None
        step = self.rows[index.row()]
        column = index.column()
        if role == ID:
            return step.id
        if role == DISPLAY:
            return self._display(step, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 5:
                expected = _(EVIDENCE_KINDS.get(step.evidence, step.evidence))
                shown = evidence_text(step)
                return (shown + "\n" if shown else "") + _("Minh chứng cần có: {kind}").format(
                    kind=expected.lower()
                )
            return self._display(step, column) or None
        if role == Qt.ItemDataRole.ForegroundRole:
            if step.shown_status == "overdue" and column in (1, 3):
                return OVERDUE
            if step.shown_status == "done" and column == 3:
                return DONE
            if column == 5 and not evidence_text(step):
                return MUTED
        if role == Qt.ItemDataRole.FontRole and step.shown_status == "overdue" and column == 3:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, step: Step, column: int) -> str:
        if column == 0:
            return step.title
        if column == 1:
            return format_date(step.due)
        if column == 2:
            return step.responsible_name
        if column == 3:
            return _(STEP_STATUSES.get(step.shown_status, step.shown_status))
        if column == 4:
            return format_date(step.done)
        shown = evidence_text(step)
        if shown:
            return shown
        return _("(cần: {kind})").format(
            kind=_(EVIDENCE_KINDS.get(step.evidence, step.evidence)).lower()
        )
