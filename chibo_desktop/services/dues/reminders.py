"""Party dues in the reminders: this month's unpaid, the months unpaid in the year (QĐ 01:
the cell considers striking the member off), reliefs ending, the 50-year exemption reached."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from ...domain.dates import latest
from ...domain.dues import Month, fifty_years_month
from ...domain.dues_checks import month_state, unpaid_months
from ...domain.text import names_in_brief
from ...i18n import N_, _, ngettext
from .ledger import DuesBook

SHOWN_NAMES = 3
RELIEF_KINDS = {"exempt": N_("miễn"), "reduce": N_("giảm"), "defer": N_("cho chậm đóng")}


def dues_reminders(db: Database, today: dt.date, make) -> list:
    """``make`` builds a Reminder(kind, urgency, text, record, record_id, date)."""
    current = Month.of(today)
    book = DuesBook(db, Month(current.year, 1), current)
    if not book.bases and not book.payments:
        return []  # the cell keeps no dues here
    present = [m for m in book.members if book.belongs(m, current)]
    result = []
    result += _unpaid_this_month(book, present, current, make)
    result += _unpaid_in_year(book, present, current, make)
    result += _reliefs_ending(book, present, current, make)
    result += _fifty_years(book, present, current, make)
    return result


def _unpaid_this_month(book: DuesBook, present, current: Month, make) -> list:
    unpaid = []
    for member in present:
        payment = book.payments.get((member.id, current))
        if month_state(book.due(member, current), payment.amount if payment else 0) == "unpaid":
            unpaid.append(member)
    if not unpaid:
        return []
    names = names_in_brief([m.full_name for m in unpaid], SHOWN_NAMES)
    text = ngettext(
        "Tháng {month}: {n} đảng viên chưa nộp đảng phí: {names}.",
        "Tháng {month}: {n} đảng viên chưa nộp đảng phí: {names}.",
        len(unpaid),
    ).format(month=current.label(), n=len(unpaid), names=names)
    return [make("dues", "soon", text, "dues", str(current), current.last)]


def _unpaid_in_year(book: DuesBook, present, current: Month, make) -> list:
    """Months of this year before the current one, under a regime with the sanction, with
    nothing paid and no relief. The current month can still be paid, so it is not counted."""
    regime = book.rules.regime_for(current)
    limit = regime.unpaid_months_in_year
    if not limit:
        return []
    months = [
        m
        for m in (Month(current.year, n) for n in range(1, current.month))
        if book.rules.regime_for(m).unpaid_months_in_year
    ]
    result = []
    for member in present:
        states = []
        for month in months:
            if not book.belongs(member, month):
                continue
            payment = book.payments.get((member.id, month))
            paid = payment.amount if payment else 0
            states.append((month, month_state(book.due(member, month), paid)))
        unpaid = unpaid_months(states)
        if len(unpaid) >= limit:
            text = _(
                "{name} chưa đóng đảng phí {n} tháng trong năm {year} ({months}): cần xem xét "
                "(theo {regime}, chi bộ xem xét đề nghị xóa tên nếu không có lý do chính đáng)."
            ).format(
                name=member.full_name,
                n=len(unpaid),
                year=current.year,
                months=", ".join(m.label() for m in unpaid),
                regime=regime.title,
            )
            result.append(make("dues", "overdue", text, "member", member.id, unpaid[-1].last))
    return result


def _reliefs_ending(book: DuesBook, present, current: Month, make) -> list:
    result = []
    for member in present:
        for relief in book.reliefs.get(member.id, ()):
            if relief.last not in (current, current.next()):
                continue
            kind = _(RELIEF_KINDS[relief.kind])
            if relief.kind == "reduce":
                kind = f"{kind} {relief.percent}%"
            text = _(
                "Quyết định {kind} đảng phí của {name} hết hạn sau tháng {month}: xem xét lại "
                "hoặc thu đủ mức từ tháng sau."
            ).format(kind=kind, name=member.full_name, month=relief.last.label())
            result.append(make("dues", "soon", text, "member", member.id, relief.last.last))
    return result


def _fifty_years(book: DuesBook, present, current: Month, make) -> list:
    years = book.rules.regime_for(current).exempt_party_years
    result = []
    for member in present:
        if fifty_years_month(latest(member.join_date), years) == current:
            text = _(
                "{name} đủ {n} năm tuổi đảng trong tháng {month}: miễn đóng đảng phí từ tháng này."
            ).format(name=member.full_name, n=years, month=current.label())
            result.append(make("dues", "soon", text, "member", member.id, current.first))
    return result
