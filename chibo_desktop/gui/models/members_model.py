"""The member list: a table model of every member and the proxy the page's view uses.

Filtering and sorting work on values prepared once per load (the folded search text and
a Vietnamese sort string per name) and run as plain list operations inside the source
model. The proxy is what the view and the page talk to; it delegates instead of calling
``filterAcceptsRow``/``lessThan`` per row, because a Python callback per row costs about a
microsecond and 20,000 of them alone would use the whole 16 ms a keystroke may take.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.text import fold, name_sort_string
from ...i18n import N_, _, format_date, format_iso_date, ngettext

if TYPE_CHECKING:
    from ...services.members.listing import ListedMember

STATUS_FILTERS = {
    "active": N_("Trong danh sách chi bộ"),
    "left": N_("Đã rời chi bộ"),
    "all": N_("Tất cả"),
}
ORDINARY_POSITION = "Đảng viên"
MEMBER_ID_ROLE = Qt.ItemDataRole.UserRole + 1

LEFT_COLOR = QColor("#7a7a7a")
DUE_COLOR = QColor("#b06000")
OVERDUE_COLOR = QColor("#b3261e")
BADGE_COLOR = QColor("#1f6f3f")


def _probation_text(item: ListedMember) -> str:
    p = item.probation
    if p is None:
        return ""
    if p.overdue:
        return ngettext("{date} (quá {n} ngày)", "{date} (quá {n} ngày)", -p.days_left).format(
            date=format_date(p.ends_on), n=-p.days_left
        )
    if p.due_soon:
        return ngettext("{date} (còn {n} ngày)", "{date} (còn {n} ngày)", p.days_left).format(
            date=format_date(p.ends_on), n=p.days_left
        )
    return format_date(p.ends_on)


def _badge_text(item: ListedMember) -> str:
    b = item.badge
    if b is None:
        return ""
    return _("{years} năm: {date}").format(years=b.years, date=format_date(b.award_date))


def _due_text(item: ListedMember) -> str:
    """Probation end for a dự bị member, otherwise the next Party badge."""
    if item.probation is not None:
        return _("Hết dự bị {text}").format(text=_probation_text(item))
    if item.badge is not None:
        return _("Huy hiệu {text}").format(text=_badge_text(item))
    return ""


def _due_key(item: ListedMember) -> dt.date:
    if item.probation is not None:
        return item.probation.ends_on
    return item.badge.award_date if item.badge is not None else dt.date.max


def _int_key(value: int | None) -> int:
    return -1 if value is None else value


def _date_key(value: dt.date | None) -> dt.date:
    return value or dt.date.max


# (title, display text, sort key, right-aligned?)
Column = tuple[str, Callable[["ListedMember"], str], Callable[["ListedMember"], object], bool]
COLUMNS: list[Column] = [
    (N_("Họ và tên"), lambda m: m.full_name, lambda m: m.sort_name, False),
    (N_("Giới tính"), lambda m: m.gender or "", lambda m: m.gender or "", False),
    (
        N_("Ngày sinh"),
        lambda m: format_iso_date(m.birth_date),
        lambda m: m.birth_date or "9999",
        False,
    ),
    (N_("Tuổi"), lambda m: "" if m.age is None else str(m.age), lambda m: _int_key(m.age), True),
    (
        N_("Ngày vào Đảng"),
        lambda m: format_iso_date(m.join_date),
        lambda m: m.join_date or "9999",
        False,
    ),
    (
        N_("Tuổi Đảng"),
        lambda m: "" if m.party_age is None else str(m.party_age),
        lambda m: _int_key(m.party_age),
        True,
    ),
    (N_("Trạng thái"), lambda m: m.status_label, lambda m: m.status_label, False),
    (N_("Sắp đến hạn"), _due_text, _due_key, False),
    (N_("Chức vụ"), lambda m: m.position or "", lambda m: m.position_rank, False),
    (N_("Số thẻ"), lambda m: m.card_number or "", lambda m: m.card_number or "\uffff", False),
]
NAME_COLUMN = 0
DUE_COLUMN = 7
STATUS_COLUMN = 6
SOON = dt.timedelta(days=366)


_ROLES = frozenset(
    int(r)
    for r in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.ToolTipRole,
        MEMBER_ID_ROLE,
    )
)


class _Row:
    """Display values of one member, made when the row is first painted."""

    __slots__ = ("texts",)

    def __init__(self, item: ListedMember) -> None:
        self.texts = [column[1](item) for column in COLUMNS]


class MembersModel(QAbstractTableModel):
    """Every loaded member; ``shown`` holds the ones passing the filter, in sort order."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: list[ListedMember] = []
        self.shown: list[int] = []
        self._rows: dict[int, _Row] = {}
        self._hay: list[str] = []
        self._order: list[int] = []
        self._base: list[int] = []
        self.sort_column = NAME_COLUMN
        self.sort_order = Qt.SortOrder.AscendingOrder
        self.status_filter = "active"
        self.position_filter = ""
        self.search = ""
        self._last_words: list[str] = []
        self.positions: list[str] = [ORDINARY_POSITION]
        self.today = dt.date.today()

    # --- loading, sorting, filtering --------------------------------------------------------
    def set_members(
        self,
        items: list[ListedMember],
        positions: list[str] | None = None,
        today: dt.date | None = None,
    ) -> None:
        """Take a freshly loaded list (from services.member_list)."""
        self.beginResetModel()
        self.today = today or dt.date.today()
        if positions is not None:
            self.positions = positions
        rank = {p: i for i, p in enumerate(self.positions)}
        ordinary = rank.get(ORDINARY_POSITION, len(rank))
        sort_string = name_sort_string
        for item in items:
            item.sort_name = sort_string(item.full_name)
            item.position_rank = rank.get(item.position, ordinary) if item.position else ordinary
        self.items = items
        self._rows = {}
        self._hay = [item.search_text for item in items]
        self._order = self._sorted()
        self._rebuild(reset_search=True)
        self.endResetModel()

    def _sorted(self) -> list[int]:
        key = COLUMNS[self.sort_column][2]
        items = self.items
        if self.sort_column == NAME_COLUMN:
            order = sorted(range(len(items)), key=lambda i: items[i].sort_name)
        else:
            # Ties keep the name order, as a secretary expects.
            order = sorted(range(len(items)), key=lambda i: (key(items[i]), items[i].sort_name))
        if self.sort_order == Qt.SortOrder.DescendingOrder:
            order.reverse()
        return order

    def _passes(self, item: ListedMember) -> bool:
        if self.status_filter == "active" and not item.in_cell:
            return False
        if self.status_filter == "left" and item.in_cell:
            return False
        if self.position_filter:
            position = item.position or ORDINARY_POSITION
            if position != self.position_filter:
                return False
        return True

    def _rebuild(self, *, reset_search: bool) -> None:
        items = self.items
        if self.status_filter == "all" and not self.position_filter:
            self._base = self._order
        elif self.status_filter == "active" and not self.position_filter:
            self._base = [i for i in self._order if items[i].in_cell]
        else:
            passes = self._passes
            self._base = [i for i in self._order if passes(items[i])]
        self._filter_words(fold(self.search).split(), narrowing=False)

    def _filter_words(self, words: list[str], *, narrowing: bool) -> None:
        candidates = self.shown if narrowing else self._base
        hay = self._hay
        for word in words:
            candidates = [i for i in candidates if word in hay[i]]
        self.shown = candidates
        self._last_words = words

    def apply_search(self, text: str) -> None:
        """Filter as the user types: every word must appear, diacritics and case ignored."""
        words = fold(text).split()
        previous = fold(self.search)
        folded = fold(text)
        # Typing one more letter can only narrow what is shown: search what is shown.
        narrowing = bool(self._last_words) and folded.startswith(previous) and bool(previous)
        self.search = text
        self.beginResetModel()
        self._filter_words(words, narrowing=narrowing)
        self.endResetModel()

    def apply_filters(self, status: str, position: str) -> None:
        self.status_filter = status
        self.position_filter = position
        self.beginResetModel()
        self._rebuild(reset_search=False)
        self.endResetModel()

    def sort_by(self, column: int, order: Qt.SortOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        self.sort_column, self.sort_order = column, order
        self._order = self._sorted()
        self._rebuild(reset_search=False)
        self.layoutChanged.emit()

    # --- Qt model interface -------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.shown)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def item_at(self, row: int) -> ListedMember:
        return self.items[self.shown[row]]

    def row_of(self, member_id: int) -> int | None:
        for row, index in enumerate(self.shown):
            if self.items[index].id == member_id:
                return row
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        # Views ask for a dozen roles per cell while painting; answer the unused ones first.
        if role not in _ROLES or not index.isValid():
            return None
        position = self.shown[index.row()]
        item = self.items[position]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            row = self._rows.get(position)
            if row is None:
                row = self._rows[position] = _Row(item)
            return row.texts[column]
        if role == MEMBER_ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[column][3]:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if not item.in_cell:
                return QBrush(LEFT_COLOR)
            if column == DUE_COLUMN:
                return self._due_brush(item)
        if role == Qt.ItemDataRole.ToolTipRole and column == DUE_COLUMN:
            return self._due_tip(item)
        if role == Qt.ItemDataRole.ToolTipRole and column == STATUS_COLUMN:
            return item.status_label
        return None

    def _due_brush(self, item: ListedMember) -> QBrush | None:
        probation = item.probation
        if probation is not None:
            if probation.overdue:
                return QBrush(OVERDUE_COLOR)
            return QBrush(DUE_COLOR) if probation.due_soon else None
        if item.badge is not None and item.badge.award_date - self.today > SOON:
            return QBrush(LEFT_COLOR)  # far away: shown quietly
        return QBrush(BADGE_COLOR) if item.badge is not None else None

    def _due_tip(self, item: ListedMember) -> str | None:
        probation = item.probation
        if probation is not None and probation.overdue:
            return _("Đã hết 12 tháng dự bị: chi bộ cần xét công nhận đảng viên chính thức.")
        if probation is not None and probation.due_soon:
            return _("Sắp hết 12 tháng dự bị: chuẩn bị hồ sơ xét chính thức.")
        if item.badge is not None:
            return _("Đủ {years} năm tuổi Đảng ngày {reached}; xét tặng dịp {award}.").format(
                years=item.badge.years,
                reached=format_date(item.badge.reached_on),
                award=format_date(item.badge.award_date),
            )
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return _(COLUMNS[section][0])
        return str(section + 1)


class MembersProxy(QSortFilterProxyModel):
    """What the view shows: the filters of the page and the column sort (see module doc)."""

    def source(self) -> MembersModel:
        return self.sourceModel()

    def set_search(self, text: str) -> None:
        self.source().apply_search(text)

    def set_status(self, status: str) -> None:
        source = self.source()
        source.apply_filters(status, source.position_filter)

    def set_position(self, position: str) -> None:
        source = self.source()
        source.apply_filters(source.status_filter, position)

    def refilter(self) -> None:
        source = self.source()
        source.apply_filters(source.status_filter, source.position_filter)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.source().sort_by(column, order)

    def shown_count(self) -> int:
        return self.rowCount()

    def total_count(self) -> int:
        """Members under the status filter before the search and position filters."""
        source = self.source()
        status = source.status_filter
        if status == "all":
            return len(source.items)
        return sum(1 for item in source.items if item.in_cell == (status == "active"))

    def member_id(self, index: QModelIndex) -> int | None:
        if not index.isValid():
            return None
        return self.data(index, MEMBER_ID_ROLE)

    def index_of(self, member_id: int) -> QModelIndex:
        row = self.source().row_of(member_id)
        if row is None:
            return QModelIndex()
        return self.mapFromSource(self.source().index(row, 0))
