"""Input widgets of the member form: partial dates typed the Vietnamese way, choice lists."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from ...domain.text import clean_text
from ...i18n import _, format_date, format_iso_date, ngettext
from ...services.members.register import MemberDetail, member_facts
from ..widgets.questions import ask_save_changes

_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_MY = re.compile(r"^(\d{1,2})[/.\-](\d{4})$")
_Y = re.compile(r"^(\d{4})$")


def parse_display_date(text: str) -> str | None:
    """'05/03/1960' → '1960-03-05', '3/1960' → '1960-03', '1960' → '1960'. Text that is not
    a real date comes back as typed, so that validation names it."""
    text = clean_text(text)
    if not text:
        return None
    if match := _DMY.match(text):
        day, month, year = (int(g) for g in match.groups())
        try:
            dt.date(year, month, day)
        except ValueError:
            return text
        return f"{year:04d}-{month:02d}-{day:02d}"
    if match := _MY.match(text):
        month, year = (int(g) for g in match.groups())
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else text
    if _Y.match(text):
        return text
    return text


class DateField(QLineEdit):
    """A date that may be partial: dd/mm/yyyy, mm/yyyy or yyyy."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(_("dd/mm/yyyy"))
        self.setToolTip(_("Ghi dd/mm/yyyy; nếu chỉ biết tháng hoặc năm: mm/yyyy hoặc yyyy."))
        self.setMaximumWidth(150)

    def iso(self) -> str | None:
        return parse_display_date(self.text())

    def set_iso(self, value: str | None) -> None:
        self.setText(format_iso_date(value))


class ChoiceField(QComboBox):
    """A choice list from the rule data; editable where other text is allowed too."""

    def __init__(self, values: tuple[str, ...], exhaustive: bool, blank: str = "") -> None:
        super().__init__()
        self.exhaustive = exhaustive
        self.setEditable(not exhaustive)
        self.addItem(blank, "")
        for value in values:
            self.addItem(value, value)
        if not exhaustive:
            self.lineEdit().setPlaceholderText(_("chọn hoặc gõ"))
            self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

    def text(self) -> str:
        if self.isEditable():
            return clean_text(self.currentText())
        return self.currentData() or ""

    def set_text(self, value: str) -> None:
        index = self.findData(value) if value else 0
        if index < 0:
            # A value from an older list or an import: keep it selectable.
            self.addItem(value, value)
            index = self.count() - 1
        self.setCurrentIndex(index)
        if self.isEditable():
            self.setEditText(value)


def facts_html(detail: MemberDetail, today: dt.date) -> str:
    """The line above the form: state, age, party age, probation end or next badge."""
    member, state = detail.member, detail.state
    info = member_facts(member, state, today)
    parts = [_("Trạng thái: <b>{label}</b>").format(label=state.label)]
    if info.age is not None:
        parts.append(_("Tuổi: <b>{n}</b>").format(n=info.age))
    if info.party_age is not None:
        parts.append(_("Tuổi Đảng: <b>{n}</b>").format(n=info.party_age))
    if info.probation is not None:
        p = info.probation
        text = _("Hết 12 tháng dự bị: <b>{date}</b>").format(date=format_date(p.ends_on))
        if p.overdue:
            text = ngettext(
                "<span style='color:#b3261e'>{text} — đã quá {n} ngày, cần xét công nhận "
                "chính thức</span>",
                "<span style='color:#b3261e'>{text} — đã quá {n} ngày, cần xét công nhận "
                "chính thức</span>",
                -p.days_left,
            ).format(text=text, n=-p.days_left)
        elif p.due_soon:
            text = ngettext(
                "<span style='color:#b06000'>{text} — còn {n} ngày</span>",
                "<span style='color:#b06000'>{text} — còn {n} ngày</span>",
                p.days_left,
            ).format(text=text, n=p.days_left)
        parts.append(text)
    elif info.badge is not None:
        parts.append(
            _("Huy hiệu {years} năm tuổi Đảng: xét tặng dịp <b>{date}</b>").format(
                years=info.badge.years, date=format_date(info.badge.award_date)
            )
        )
    return " &nbsp;·&nbsp; ".join(parts)


def ask_unsaved(parent: QWidget) -> str:
    """'save', 'discard' or 'stay' (a function, so tests can answer it)."""
    return ask_save_changes(
        parent, _("Chưa lưu"), _("Hồ sơ có thay đổi chưa lưu. Lưu lại trước khi đóng?")
    )
