"""Dues reminders: unpaid this month, three unpaid months in the year (QĐ 01 sanction, "cần
xem xét"), reliefs that end, and the 50 years of party age reached this month."""

from __future__ import annotations

import datetime as dt

from chibo_desktop.domain.dues import Month, Relief
from chibo_desktop.domain.status import StatusChange
from chibo_desktop.services.dues import entry
from chibo_desktop.services.members.register import add_status_change
from chibo_desktop.services.reminders.collect import reminders

from .test_dues_service import add

MAY_15 = dt.date(2026, 5, 15)


def dues_lines(db, today=MAY_15):
    return [r for r in reminders(db, today) if r.kind == "dues"]


def pay(db, month: Month, *, skip=()):
    entry.pay_all_as_due(db, month, month.first)
    for member_id in skip:
        entry.clear_payment(db, member_id, month)


def test_three_unpaid_months_of_qd01_call_for_consideration(db):
    late = add(db, "Nguyễn Văn Chậm", "2000-05-10", "salary", 9_360_000)
    fine = add(db, "Trần Thị Đủ", "2001-03-03", "salary", 8_000_000)
    # January (QĐ 342, which had no such rule) is not counted; nor is May, still open.
    for month in (Month(2026, n) for n in range(1, 5)):
        pay(db, month, skip=[late])
    lines = dues_lines(db)
    sanction = [r for r in lines if r.record == "member" and r.urgency == "overdue"]
    assert [r.record_id for r in sanction] == [late]
    assert "3 tháng trong năm 2026 (02/2026, 03/2026, 04/2026)" in sanction[0].text
    assert "cần xem xét" in sanction[0].text
    assert fine not in [r.record_id for r in lines]


def test_two_unpaid_months_or_a_deferral_are_not_enough(db):
    late = add(db, "Nguyễn Văn Chậm", "2000-05-10", "salary", 9_360_000)
    pay(db, Month(2026, 2))
    for month in (Month(2026, 3), Month(2026, 4)):
        pay(db, month, skip=[late])
    assert not [r for r in dues_lines(db) if r.urgency == "overdue"]
    entry.clear_payment(db, late, Month(2026, 2))
    # On tạm miễn sinh hoạt from January: the cell lets the member pay February later.
    add_status_change(db, late, StatusChange("temp_exempt", dt.date(2026, 1, 20)), today=MAY_15)
    entry.add_relief(db, Relief(late, "defer", Month(2026, 2), Month(2026, 2)))
    assert not [r for r in dues_lines(db) if r.urgency == "overdue"]


def test_unpaid_this_month_opens_the_month(db):
    first = add(db, "Nguyễn Văn Một", "2000-05-10", "salary", 9_360_000)
    add(db, "Trần Thị Hai", "2001-03-03", "pension", 6_000_000)
    entry.pay_all_as_due(db, Month(2026, 5), MAY_15)
    assert not [r for r in dues_lines(db) if r.record == "dues"]
    entry.clear_payment(db, first, Month(2026, 5))
    [line] = [r for r in dues_lines(db) if r.record == "dues"]
    assert line.record_id == "2026-05"
    assert line.text == "Tháng 05/2026: 1 đảng viên chưa nộp đảng phí: Nguyễn Văn Một."


def test_a_reduction_ending_this_month_or_next(db):
    member = add(db, "Nguyễn Văn Giảm", "2000-05-10", "salary", 9_360_000)
    entry.add_relief(db, Relief(member, "reduce", Month(2026, 1), Month(2026, 6), percent=50))
    for n in range(1, 5):
        pay(db, Month(2026, n))
    [line] = [r for r in dues_lines(db) if r.record == "member"]
    assert "giảm 50%" in line.text and "06/2026" in line.text
    assert not [r for r in dues_lines(db, dt.date(2026, 3, 1)) if r.record == "member"]


def test_fifty_years_reached_this_month(db):
    member = add(db, "Phạm Văn Lão", "1976-05-20", "pension", 6_000_000)
    for n in range(1, 5):
        pay(db, Month(2026, n))
    [line] = [r for r in dues_lines(db) if r.record == "member"]
    assert line.record_id == member and "đủ 50 năm tuổi đảng trong tháng 05/2026" in line.text
    assert not [r for r in dues_lines(db, dt.date(2026, 6, 1)) if r.record == "member"]


def test_the_demo_has_dues_reminders(demo_db):
    lines = dues_lines(demo_db, dt.date(2026, 3, 15))
    assert any(r.record == "dues" for r in lines)
