"""Party dues: members' bases and reliefs, payments, and what each month passed up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlite_utils import Database

from ..domain.dues import DuesBasis, Month, Relief
from ..domain.dues_checks import MonthRecord, Payment


def _month(text: str) -> Month:
    year, month = text.split("-")
    return Month(int(year), int(month))


def _basis(row) -> DuesBasis:
    return DuesBasis(
        member_id=row["member_id"],
        from_month=_month(row["from_month"]),
        group=row["grp"],
        basis=row["basis"],
        voluntary=row["voluntary"],
        past_working_age=bool(row["past_working_age"]),
        note=row["note"],
        id=row["id"],
    )


def all_bases(db: Database) -> dict[int, list[DuesBasis]]:
    """Member id → bases, oldest month first."""
    result: dict[int, list[DuesBasis]] = {}
    for row in db.query("SELECT * FROM dues_bases ORDER BY member_id, from_month"):
        result.setdefault(row["member_id"], []).append(_basis(row))
    return result


def bases_of(db: Database, member_id: int) -> list[DuesBasis]:
    return [
        _basis(r)
        for r in db.query(
            "SELECT * FROM dues_bases WHERE member_id = ? ORDER BY from_month", [member_id]
        )
    ]


def save_bases(db: Database, bases: Iterable[DuesBasis]) -> None:
    """Insert or replace the basis of each (member, from month)."""
    db.conn.executemany(
        "INSERT INTO dues_bases (member_id, from_month, grp, basis, voluntary, "
        "past_working_age, note) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(member_id, from_month) DO UPDATE SET grp = excluded.grp, "
        "basis = excluded.basis, voluntary = excluded.voluntary, "
        "past_working_age = excluded.past_working_age, note = excluded.note",
        [
            (
                b.member_id,
                str(b.from_month),
                b.group,
                b.basis,
                b.voluntary,
                int(b.past_working_age),
                b.note,
            )
            for b in bases
        ],
    )


def delete_basis(db: Database, basis_id: int) -> None:
    db.execute("DELETE FROM dues_bases WHERE id = ?", [basis_id])


def _relief(row) -> Relief:
    decided = row["decision_date"]
    return Relief(
        member_id=row["member_id"],
        kind=row["kind"],
        first=_month(row["first_month"]),
        last=_month(row["last_month"]),
        percent=row["percent"],
        reason=row["reason"],
        decision=row["decision"],
        decision_date=dt.date.fromisoformat(decided) if decided else None,
        id=row["id"],
    )


def all_reliefs(db: Database) -> dict[int, list[Relief]]:
    result: dict[int, list[Relief]] = {}
    for row in db.query("SELECT * FROM dues_reliefs ORDER BY member_id, first_month"):
        result.setdefault(row["member_id"], []).append(_relief(row))
    return result


def add_relief(db: Database, r: Relief) -> int:
    cursor = db.execute(
        "INSERT INTO dues_reliefs (member_id, kind, first_month, last_month, percent, reason, "
        "decision, decision_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            r.member_id,
            r.kind,
            str(r.first),
            str(r.last),
            r.percent,
            r.reason,
            r.decision,
            r.decision_date.isoformat() if r.decision_date else None,
        ],
    )
    return cursor.lastrowid


def delete_relief(db: Database, relief_id: int) -> None:
    db.execute("DELETE FROM dues_reliefs WHERE id = ?", [relief_id])


def payments_between(db: Database, first: Month, last: Month) -> dict[tuple[int, Month], Payment]:
    """(member id, month) → payment, for the months from ``first`` to ``last``."""
    rows = db.execute(
        "SELECT member_id, month, amount, method, paid_on, note FROM dues_payments "
        "WHERE month BETWEEN ? AND ?",
        [str(first), str(last)],
    )
    months: dict[str, Month] = {}
    result = {}
    for member_id, text, amount, method, paid_on, note in rows:
        month = months.get(text) or months.setdefault(text, _month(text))
        result[(member_id, month)] = Payment(member_id, month, amount, method, paid_on, note)
    return result


def save_payments(db: Database, payments: Iterable[Payment]) -> None:
    db.conn.executemany(
        "INSERT INTO dues_payments (member_id, month, amount, method, paid_on, note) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(member_id, month) DO UPDATE SET "
        "amount = excluded.amount, method = excluded.method, paid_on = excluded.paid_on, "
        "note = excluded.note",
        [(p.member_id, str(p.month), p.amount, p.method, p.paid_on, p.note) for p in payments],
    )


def delete_payment(db: Database, member_id: int, month: Month) -> None:
    db.execute(
        "DELETE FROM dues_payments WHERE member_id = ? AND month = ?", [member_id, str(month)]
    )


def month_records(db: Database, first: Month, last: Month) -> dict[Month, MonthRecord]:
    rows = db.query(
        "SELECT * FROM dues_months WHERE month BETWEEN ? AND ?", [str(first), str(last)]
    )
    return {
        _month(r["month"]): MonthRecord(
            _month(r["month"]), r["passed_up"], r["passed_up_on"], r["meeting_id"], r["note"]
        )
        for r in rows
    }


def save_month_record(db: Database, record: MonthRecord) -> None:
    db.execute(
        "INSERT INTO dues_months (month, passed_up, passed_up_on, meeting_id, note) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT(month) DO UPDATE SET passed_up = excluded.passed_up, "
        "passed_up_on = excluded.passed_up_on, meeting_id = excluded.meeting_id, "
        "note = excluded.note",
        [
            str(record.month),
            record.passed_up,
            record.passed_up_on,
            record.meeting_id,
            record.note,
        ],
    )


def member_keys(db: Database) -> dict[int, tuple[str, str | None]]:
    """Member id → (card number, birth date): what tells members apart in a salary list."""
    return {
        row[0]: (row[1] or "", row[2])
        for row in db.execute("SELECT id, card_number, birth_date FROM members")
    }
