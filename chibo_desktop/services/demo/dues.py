"""Demo data for party dues (part of `chibo demo`): bases by occupation, the months since
October of last year paid with a few exceptions, a reduction, the months passed up."""

from __future__ import annotations

import datetime as dt
import random

from sqlite_utils import Database

from ...domain.dues import DuesBasis, Month, Relief
from ...domain.dues_checks import MonthRecord, Payment
from ...storage import dues as store
from ...storage import meetings as meeting_store
from ...storage.members import current_jobs
from ..dues.entry import save_cell_options
from ..dues.ledger import month_ledger
from ..members.states import StateDeriver, brief_members, change_lists

PENSION_JOBS = {"Cán bộ hưu trí", "Cựu chiến binh"}
SALARY_JOBS = {"Giáo viên", "Công nhân", "Cán bộ phường", "Bác sĩ", "Kỹ sư"}


def add_demo(db: Database, today: dt.date, rng: random.Random) -> None:
    """Add this feature's part of the demo cell; runs inside fill_demo's transaction."""
    first = Month(today.year - 1, 10)
    current = Month.of(today)
    save_cell_options(db, kept_percent=30, group_amounts={"qd342:other": 10_000})
    save_cell_options(db, group_amounts={"qd01:other": 10_000})
    jobs = current_jobs(db)
    members = brief_members(db)
    histories = change_lists(db)
    state = StateDeriver().state
    present = [m for m in members if state(histories.get(m.id, ()), today, m.official_date).in_cell]
    present += [m for m in members if m not in present]  # those who left keep their months
    bases = []
    for index, member in enumerate(present):
        job = jobs.get(member.id, "")
        if index == len(present) - 1:
            bases.append(DuesBasis(member.id, first, "student"))
        elif job in PENSION_JOBS:
            bases.append(DuesBasis(member.id, first, "pension", rng.randrange(40, 90) * 100_000))
        elif job in SALARY_JOBS:
            salary = rng.randrange(60, 150) * 100_000
            bases.append(DuesBasis(member.id, first, "salary", salary))
            # A pay rise from the new year, kept beside the old basis.
            bases.append(DuesBasis(member.id, Month(today.year, 1), "salary", salary + 360_000))
        else:
            bases.append(DuesBasis(member.id, first, "other"))
    store.save_bases(db, bases)
    if len(present) > 3:
        hardship = present[1]
        store.add_relief(
            db,
            Relief(
                hardship.id,
                "reduce",
                first.plus(3),
                first.plus(8),
                percent=50,
                reason="Hoàn cảnh khó khăn",
                decision="Số 12-QĐ/ĐU",
                decision_date=first.plus(3).first,
            ),
        )
    late = {present[2].id} if len(present) > 2 else set()
    owing = {current.plus(-n) for n in range(0, 4)}
    meetings = {Month.of(dt.date.fromisoformat(r["date"])): r["id"] for r in meeting_store.rows(db)}
    month = first
    while month <= current:
        ledger = month_ledger(db, month)
        collected = min(month.last, today) if month == current else month.first.replace(day=5)
        payments = []
        for i, line in enumerate(ledger.lines):
            if not line.due.amount or (line.member_id in late and month in owing):
                continue
            if month == current and i % 3 == 0:
                continue  # the month's collection is still under way
            method = "online" if month >= Month(2026, 2) and i % 4 == 1 else "cash"
            payments.append(
                Payment(line.member_id, month, line.due.amount, method, collected.isoformat())
            )
        store.save_payments(db, payments)
        if month < current:
            paid = sum(p.amount for p in payments)
            kept = (paid * 30 + 50) // 100
            store.save_month_record(
                db,
                MonthRecord(
                    month,
                    paid - kept,
                    month.last.replace(day=min(10, month.last.day)).isoformat(),
                    meetings.get(month),
                ),
            )
        month = month.next()
