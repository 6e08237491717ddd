"""A field for one whole day, typed dd/mm/yyyy or picked from a calendar. Unlike QDateEdit
it never changes what was typed: 31/02/2024 stays 31/02/2024, marked red with the reason,
and the field says it is not valid until it is corrected."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from ...i18n import _, format_date

_DMY = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
_INVALID = "QLineEdit { border: 1px solid #b3261e; background: #fbe9e7; }"


def _not_a_day() -> str:
    """The reason for a text that is no day, in the language of the moment."""
    return _("“{text}” không phải là ngày có thật (ghi dd/mm/yyyy).")


class _Reason(QLabel):
    """A red, word-wrapped reason that asks for the lines it needs at its width: form layouts
    do not always give a wrapped label its height."""

    def __init__(self) -> None:
        super().__init__()
        self.setStyleSheet("color: #b3261e")
        self.setWordWrap(True)
        self.setVisible(False)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        height = self.heightForWidth(event.size().width())
        if height > 0 and height != self.minimumHeight():
            self.setMinimumHeight(height)


class DayEdit(QWidget):
    changed = Signal()  # the text changed, valid or not

    def __init__(
        self,
        value: dt.date,
        *,
        earliest: dt.date | None = None,
        latest: dt.date | None = None,
        show_reason: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """``show_reason``: the reason a typed day is refused is written in red under the
        field, for a field alone on its form row; in a row of several fields, the form shows
        it on a line of its own (``reason_line``)."""
        super().__init__(parent)
        self.earliest, self.latest = earliest, latest
        self.edit = QLineEdit(format_date(value))
        self.edit.setPlaceholderText(_("dd/mm/yyyy"))
        self.edit.setMaximumWidth(130)
        # Never narrower than a whole day: a squeezed row must not hide its first digit.
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("00/00/00000") + 12)
        self.edit.textChanged.connect(self._validate)
        self.calendar = QCalendarWidget()
        self.calendar.clicked.connect(self._picked)
        pick = QToolButton()
        pick.setText("…")
        pick.setToolTip(_("Chọn trên lịch"))
        pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(pick)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._show_calendar)
        pick.setMenu(menu)
        self._menu = menu
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(pick)
        row.addStretch(1)
        outer.addLayout(row)
        self.reason = _Reason()
        if show_reason:  # alone on its form row: room for the usual reason on one line
            usual = _not_a_day().format(text="00/00/0000")
            self.reason.setMinimumWidth(self.reason.fontMetrics().horizontalAdvance(usual) + 4)
        self.show_reason = show_reason
        outer.addWidget(self.reason)
        self.problem = ""
        self._validate()

    def date(self) -> dt.date | None:
        """The day typed, or None while it is not a valid one (see ``problem``)."""
        return None if self.problem else _parse(self.edit.text())

    def set_date(self, value: dt.date) -> None:
        self.edit.setText(format_date(value))

    def setReadOnly(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        self.setEnabled(not read_only)

    def _validate(self) -> None:
        text = self.edit.text().strip()
        day = _parse(text)
        if not text:
            self.problem = _("Chưa nhập ngày.")
        elif day is None:
            self.problem = _not_a_day().format(text=text)
        elif self.earliest is not None and day < self.earliest:
            self.problem = _("Ngày phải từ {day} trở đi.").format(day=format_date(self.earliest))
        elif self.latest is not None and day > self.latest:
            self.problem = _("Ngày không được sau {day}.").format(day=format_date(self.latest))
        else:
            self.problem = ""
        self.edit.setStyleSheet(_INVALID if self.problem else "")
        self.edit.setToolTip(self.problem or _("Ghi dd/mm/yyyy"))
        self.reason.setText(self.problem)
        self.reason.setVisible(self.show_reason and bool(self.problem))
        self.changed.emit()

    def refuses(self) -> bool:
        """True, with the field focused and its reason shown, when it is in use and holds
        no valid day: the caller then does not act."""
        if not self.isEnabled() or not self.problem:
            return False
        self.reason.setVisible(self.show_reason)
        self.edit.setFocus()
        self.edit.selectAll()
        return True

    def _show_calendar(self) -> None:
        day = _parse(self.edit.text())
        if day is not None:
            self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def _picked(self, value: QDate) -> None:
        self.set_date(dt.date(value.year(), value.month(), value.day()))
        self._menu.close()


def reason_line(*edits: DayEdit) -> QLabel:
    """A red line, as wide as the form, saying why the first field in use of ``edits`` holds
    no valid day; hidden while they all do."""
    line = _Reason()

    def show() -> None:
        problem = next((e.problem for e in edits if e.isEnabled() and e.problem), "")
        line.setText(problem)
        line.setVisible(bool(problem))

    for edit in edits:
        edit.changed.connect(show)
    show()
    return line


def refused(*edits: DayEdit) -> bool:
    """Whether any of the fields refuses its text (the first one such is focused)."""
    return any(edit.refuses() for edit in edits)


def _parse(text: str) -> dt.date | None:
    match = _DMY.match(text)
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
