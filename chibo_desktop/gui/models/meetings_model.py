"""Table models of the meetings page: the list of meetings and the editor's tables."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor, QFont

from ...domain.meeting_checks import vote_problem
from ...domain.meetings import (
    STATE_LABELS,
    Attendee,
    Counts,
    Discussion,
    Guest,
    Resolution,
    vote_passed,
)
from ...i18n import N_, _, format_date
from ..widgets.table_model import RowsModel

DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole
SORT = Qt.ItemDataRole.UserRole + 1
ID = Qt.ItemDataRole.UserRole + 2
_ROOT = QModelIndex()


class MeetingListModel(RowsModel):
    HEADERS = (N_("Ngày"), N_("Buổi sinh hoạt"), N_("Có mặt"))

    def data(self, index: QModelIndex, role=DISPLAY):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == ID:
            return row["id"]
        if role == SORT:
            return [row["date"], row["title"], row["present"]][column]
        if role == DISPLAY:
            if column == 0:
                return format_date(dt.date.fromisoformat(row["date"]))
            if column == 1:
                return short_title(row["title"]) + (
                    "" if row["status"] == "final" else _(" (nháp)")
                )
            return f"{row['present']}/{row['listed']}"
        if role == Qt.ItemDataRole.FontRole and row["status"] != "final":
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            status = _("Đã hoàn tất") if row["status"] == "final" else _("Nháp")
            return f"{row['title']} ({row['kinds_label']}) — {status}"
        return None


def short_title(title: str) -> str:
    """'Sinh hoạt chi bộ thường kỳ tháng 3 năm 2026' -> 'Thường kỳ tháng 3 năm 2026'."""
    prefix = "Sinh hoạt chi bộ "
    if title.startswith(prefix) and len(title) > len(prefix):
        rest = re.sub(r" năm \d{4}$", "", title[len(prefix) :])
        return rest[:1].upper() + rest[1:]
    return title


class MeetingFilter(QSortFilterProxyModel):
    """Shows the meetings whose ids the full-text search returned (all when no search)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.ids: set[int] | None = None
        self.setSortRole(SORT)

    def set_ids(self, ids: set[int] | None) -> None:
        self.beginFilterChange()
        self.ids = ids
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        if self.ids is None:
            return True
        index = self.sourceModel().index(row, 0, parent)
        return self.sourceModel().data(index, ID) in self.ids


class ListModel(RowsModel):
    """An editable table over a list of dataclass rows; ``edited`` fires on every change."""

    edited = Signal()
    HEADERS: tuple[str, ...] = ()
    FIELDS: tuple[str, ...] = ()
    EDITABLE: tuple[str, ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.read_only = False

    def flags(self, index: QModelIndex):
        base = super().flags(index)
        if not self.read_only and self.FIELDS[index.column()] in self.EDITABLE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def display(self, row, field: str):
        return getattr(row, field)

    def data(self, index: QModelIndex, role=DISPLAY):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        field = self.FIELDS[index.column()]
        if role in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return self.display(row, field)
        if role == EDIT:
            return getattr(row, field, None)
        return None

    def setData(self, index: QModelIndex, value, role=EDIT) -> bool:
        if role != EDIT or not index.isValid() or self.read_only:
            return False
        row = self.rows[index.row()]
        self.apply(row, self.FIELDS[index.column()], value)
        first = self.index(index.row(), 0)
        self.dataChanged.emit(first, self.index(index.row(), self.columnCount() - 1))
        self.edited.emit()
        return True

    def apply(self, row, field: str, value) -> None:
        setattr(row, field, value)

    def append(self, row) -> int:
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append(row)
        self.endInsertRows()
        self.edited.emit()
        return len(self.rows) - 1

    def remove(self, position: int) -> None:
        if 0 <= position < len(self.rows):
            self.beginRemoveRows(QModelIndex(), position, position)
            del self.rows[position]
            self.endRemoveRows()
            self.edited.emit()


STATE_COLOURS = {"absent": "#b71c1c", "excused": "#a04000", "exempt": "#777777", "away": "#777777"}
MEMBERSHIP = {"chinh_thuc": N_("Chính thức"), "du_bi": N_("Dự bị")}


class AttendanceModel(ListModel):
    HEADERS = (
        N_("Họ và tên"),
        N_("Đảng viên"),
        N_("Tình trạng"),
        N_("Lý do vắng"),
        N_("Lý do được chấp nhận, vắng cả buổi"),
    )
    FIELDS = ("name", "membership", "state", "reason", "excused_accepted")
    EDITABLE = ("state", "reason")
    ACCEPTED = 4  # the check box of an excused absence

    def flags(self, index: QModelIndex):
        base = super().flags(index)
        checkable = (
            index.isValid()
            and index.column() == self.ACCEPTED
            and not self.read_only
            and self.rows[index.row()].state == "excused"
        )
        return base | Qt.ItemFlag.ItemIsUserCheckable if checkable else base

    def data(self, index: QModelIndex, role=DISPLAY):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            colour = STATE_COLOURS.get(self.rows[index.row()].state)
            return QColor(colour) if colour else None
        if index.isValid() and index.column() == self.ACCEPTED:
            return self._accepted(self.rows[index.row()], role)
        return super().data(index, role)

    @staticmethod
    def _accepted(row: Attendee, role):
        if row.state != "excused":
            return None
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if row.excused_accepted else Qt.CheckState.Unchecked
        if role == DISPLAY:
            return _("Không tính vào số biểu quyết") if row.excused_accepted else _("Vẫn tính")
        if role == Qt.ItemDataRole.ToolTipRole:
            return _(
                "Chỉ khi chi bộ chấp nhận lý do và đảng viên vắng cả buổi, đồng chí mới không "
                "tính vào số đảng viên có quyền biểu quyết."
            )
        return None

    def setData(self, index: QModelIndex, value, role=EDIT) -> bool:
        if index.isValid() and index.column() == self.ACCEPTED:
            row = self.rows[index.row()]
            if role != Qt.ItemDataRole.CheckStateRole or self.read_only or row.state != "excused":
                return False
            row.excused_accepted = Qt.CheckState(value) == Qt.CheckState.Checked
            self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 4))
            self.edited.emit()
            return True
        return super().setData(index, value, role)

    def display(self, row: Attendee, field: str):
        if field == "membership":
            if row.attachment == "temporary":
                return _("Sinh hoạt tạm thời")
            text = _(MEMBERSHIP.get(row.membership, row.membership))
            return text + (_(" (miễn sinh hoạt)") if row.condition == "exempt" else "")
        if field == "state":
            return _(STATE_LABELS.get(row.state, row.state))
        return getattr(row, field)

    def apply(self, row: Attendee, field: str, value) -> None:
        setattr(row, field, value)
        if field == "state" and value == "present":
            row.reason = ""
        if field == "state" and value == "excused":
            row.excused_accepted = True


class DiscussionModel(ListModel):
    HEADERS = (N_("Người phát biểu"), N_("Mục"), N_("Nội dung phát biểu"))
    FIELDS = ("speaker", "item", "text")
    EDITABLE = FIELDS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.item_titles: list[str] = []
        self.member_ids: dict[str, int] = {}

    def display(self, row: Discussion, field: str):
        if field == "item":
            if row.item is None or not 0 <= row.item < len(self.item_titles):
                return _("Chung")
            return f"{row.item + 1}. {self.item_titles[row.item]}"
        return getattr(row, field)

    def apply(self, row: Discussion, field: str, value) -> None:
        setattr(row, field, value)
        if field == "speaker":
            row.member_id = self.member_ids.get(value)


class ResolutionModel(ListModel):
    HEADERS = (
        N_("Nội dung biểu quyết"),
        N_("Tán thành"),
        N_("Không tán thành"),
        N_("Không biểu quyết"),
        N_("Kết quả"),
    )
    FIELDS = ("text", "votes_for", "votes_against", "votes_abstain", "result")
    EDITABLE = FIELDS[:4]

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.counts: Counts | None = None

    def set_counts(self, counts: Counts) -> None:
        self.counts = counts
        if self.rows:
            self.dataChanged.emit(self.index(0, 4), self.index(len(self.rows) - 1, 4))

    def display(self, row: Resolution, field: str):
        if field == "result":
            if self.counts is None:
                return ""
            if vote_problem(row, self.counts):
                cast = row.votes_for + row.votes_against + row.votes_abstain
                return _("⚠ {cast} phiếu, phải là {n}").format(
                    cast=cast, n=self.counts.voters_present
                )
            passed = vote_passed(row.votes_for, self.counts)
            verdict = _("Thông qua") if passed else _("Không thông qua")
            return f"{verdict} ({row.votes_for}/{self.counts.voting_base})"
        return getattr(row, field)

    def apply(self, row: Resolution, field: str, value) -> None:
        if field != "text":
            try:
                value = max(0, int(value))
            except (TypeError, ValueError):
                return
        setattr(row, field, value)


class GuestModel(ListModel):
    HEADERS = (N_("Họ và tên đại biểu"), N_("Chức vụ"))
    FIELDS = ("name", "role")
    EDITABLE = FIELDS

    def new_row(self) -> Guest:
        return Guest("")
