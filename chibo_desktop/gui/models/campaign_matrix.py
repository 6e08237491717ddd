"""Members × items of a campaign: who has done what, when; and the "who has not yet" filter."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor, QFont

from ...domain.campaign import CampaignMember, CampaignState, ItemTemplate, Mark
from ...domain.text import name_sort_key
from ...i18n import _, format_date

DISPLAY = Qt.ItemDataRole.DisplayRole
CHECK = Qt.ItemDataRole.CheckStateRole
SORT = Qt.ItemDataRole.UserRole + 1
MEMBER_ID = Qt.ItemDataRole.UserRole + 2
ITEM_KEY = Qt.ItemDataRole.UserRole + 3
_ROOT = QModelIndex()
LEFT = QColor("#888888")
JOINED = QColor("#0d47a1")
NOT_DONE = QColor("#fdecea")


def header_lines(title: str, width: int = 11) -> str:
    """Break a long item title over lines so the column stays narrow."""
    lines: list[str] = []
    for word in title.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def member_mark(member: CampaignMember) -> str:
    """The short note after the name of someone who came or left during the campaign."""
    if member.left is not None:
        return _("rời ngày {date}").format(date=format_date(member.left))
    if member.joined is not None:
        return _("vào ngày {date}").format(date=format_date(member.joined))
    return ""


def member_note(member: CampaignMember) -> str:
    if member.left is not None:
        reason = member.left_reason or _("rời chi bộ")
        reason = reason[:1].lower() + reason[1:]
        return _("{reason} từ {date}").format(reason=reason, date=format_date(member.left))
    if member.joined is not None:
        return _("tham gia từ {date}").format(date=format_date(member.joined))
    return ""


class MatrixModel(QAbstractTableModel):
    """Column 0 is the member; each further column an item, checkable. Ticking a box emits
    ``mark_toggled(member_id, item_key, done)``; the page writes it."""

    mark_toggled = Signal(int, str, bool)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.members: list[CampaignMember] = []
        self.items: tuple[ItemTemplate, ...] = ()
        self.marks: dict[tuple[int, str], Mark] = {}
        self.today = dt.date.today()

    def set_state(self, state: CampaignState | None) -> None:
        members = list(state.members) if state else []
        items = state.template.items if state else ()
        marks = dict(state.marks) if state else {}
        same_shape = [m.member_id for m in members] == [
            m.member_id for m in self.members
        ] and items == self.items
        if state is not None:
            self.today = state.today
        if same_shape and members:
            # Same rows and columns: refresh in place so scroll and selection stay put.
            self.members, self.marks = members, marks
            self.dataChanged.emit(self.index(0, 0), self.index(len(members) - 1, len(items)))
            return
        self.beginResetModel()
        self.members, self.items, self.marks = members, items, marks
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.members)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else 1 + len(self.items)

    def headerData(self, section, orientation, role=DISPLAY):
        if orientation != Qt.Orientation.Horizontal:
            return str(section + 1) if role == DISPLAY else None
        if role == DISPLAY:
            return _("Họ và tên") if section == 0 else header_lines(self.items[section - 1].title)
        if role == Qt.ItemDataRole.ToolTipRole and section > 0:
            return self.items[section - 1].title
        return None

    def item_at(self, column: int) -> ItemTemplate | None:
        return self.items[column - 1] if 1 <= column <= len(self.items) else None

    def member_at(self, row: int) -> CampaignMember | None:
        return self.members[row] if 0 <= row < len(self.members) else None

    def mark(self, row: int, column: int) -> Mark | None:
        member, item = self.member_at(row), self.item_at(column)
        if member is None or item is None:
            return None
        return self.marks.get((member.member_id, item.key))

    def flags(self, index: QModelIndex):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() > 0:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: QModelIndex, role=DISPLAY):
        if not index.isValid():
            return None
        member = self.members[index.row()]
        column = index.column()
        if role == MEMBER_ID:
            return member.member_id
        if column == 0:
            return self._name_data(member, role)
        item = self.items[column - 1]
        if role == ITEM_KEY:
            return item.key
        mark = self.marks.get((member.member_id, item.key))
        if role == CHECK:
            return Qt.CheckState.Checked if mark else Qt.CheckState.Unchecked
        if role == DISPLAY:
            return mark.done.strftime("%d/%m") if mark else ""
        if role == SORT:
            return mark.done.isoformat() if mark else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if mark is None:
                return _("{name}: chưa {item}").format(
                    name=member.full_name, item=item.title[:1].lower() + item.title[1:]
                )
            text = _("{item}: ngày {date}").format(item=item.title, date=format_date(mark.done))
            return text + (f"\n{mark.note}" if mark.note else "")
        if role == Qt.ItemDataRole.ForegroundRole and not member.active:
            return LEFT
        if role == Qt.ItemDataRole.BackgroundRole and mark is None and member.active:
            return NOT_DONE
        return None

    def _name_data(self, member: CampaignMember, role):
        note = member_note(member)
        if role == DISPLAY:
            short = member_mark(member)
            return f"{member.full_name} ({short})" if short else member.full_name
        if role == SORT:
            return name_sort_key(member.full_name)
        if role == Qt.ItemDataRole.ToolTipRole:
            return note[:1].upper() + note[1:] if note else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if not member.active:
                return LEFT
            return JOINED if member.joined else None
        if role == Qt.ItemDataRole.FontRole and not member.active:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def setData(self, index: QModelIndex, value, role=CHECK) -> bool:
        if role != CHECK or not index.isValid() or index.column() == 0:
            return False
        member = self.members[index.row()]
        item = self.items[index.column() - 1]
        done = Qt.CheckState(value) == Qt.CheckState.Checked
        key = (member.member_id, item.key)
        if done == (key in self.marks):
            return False
        if done:
            self.marks[key] = Mark(self.today, "")
        else:
            self.marks.pop(key, None)
        self.dataChanged.emit(index, index)
        self.mark_toggled.emit(member.member_id, item.key, done)
        return True


class MatrixFilter(QSortFilterProxyModel):
    """All members, or (with ``missing_item``) only the active ones who have not done it."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.missing_item: str | None = None
        self.setSortRole(SORT)

    def set_missing(self, item_key: str | None) -> None:
        self.beginFilterChange()
        self.missing_item = item_key
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        if self.missing_item is None:
            return True
        model: MatrixModel = self.sourceModel()
        member = model.member_at(row)
        if member is None or not member.active:
            return False
        return (member.member_id, self.missing_item) not in model.marks
