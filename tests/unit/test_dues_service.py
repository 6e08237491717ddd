"""The dues ledger on a real file: bases with history, payments, "all paid as due" then the
exceptions, arrears and advances, the share kept, and the input refused."""

from __future__ import annotations

import datetime as dt

import pytest

from chibo_desktop.domain.dues import DuesBasis, Month, Relief
from chibo_desktop.domain.dues_checks import MonthRecord, Payment
from chibo_desktop.domain.members import Member
from chibo_desktop.domain.status import StatusChange
from chibo_desktop.errors import ChiboError
from chibo_desktop.services.dues import entry
from chibo_desktop.services.dues.ledger import month_ledger, year_summary
from chibo_desktop.services.members.register import add_status_change, save_member

TODAY = dt.date(2026, 3, 15)
JAN, FEB, MAR = Month(2026, 1), Month(2026, 2), Month(2026, 3)


def add(db, name, joined, group, basis=None):
    member = Member(full_name=name, gender="Nam", birth_date="1950-01-01", join_date=joined)
    member_id = save_member(
        db,
        member,
        first_status=StatusChange("admitted", dt.date.fromisoformat(joined)),
        today=TODAY,
    ).value
    entry.save_basis(db, DuesBasis(member_id, Month(2025, 1), group, basis))
    return member_id


@pytest.fixture
def cell(db):
    ids = {
        "salary": add(db, "Nguyễn Văn Lương", "2000-05-10", "salary", 9_360_000),
        "pension": add(db, "Trần Thị Hưu", "1990-03-03", "pension", 6_000_000),
        "student": add(db, "Lê Văn Sinh", "2024-09-02", "student"),
        "old": add(db, "Phạm Văn Lão", "1975-06-10", "pension", 6_000_000),
    }
    return db, ids


def line(ledger, member_id):
    return next(x for x in ledger.lines if x.member_id == member_id)


def test_the_ledger_computes_each_group_across_the_boundary(cell):
    db, ids = cell
    jan, feb = month_ledger(db, JAN), month_ledger(db, FEB)
    assert (jan.regime.key, feb.regime.key) == ("qd342", "qd01")
    assert line(feb, ids["salary"]).due.amount == 93_600
    assert line(feb, ids["pension"]).due.amount == 30_000
    assert line(feb, ids["student"]).due.amount == 5_000
    assert line(jan, ids["student"]).state == "unset"  # QĐ 342: the cell's amount not set
    assert (line(feb, ids["old"]).due.amount, line(feb, ids["old"]).state) == (0, "exempt")
    assert line(jan, ids["old"]).due.amount == 30_000
    assert feb.total_due == 93_600 + 30_000 + 5_000


def test_basis_history_a_pay_rise_applies_from_its_month(cell):
    db, ids = cell
    entry.save_basis(db, DuesBasis(ids["salary"], MAR, "salary", 10_000_000))
    assert line(month_ledger(db, FEB), ids["salary"]).due.amount == 93_600
    assert line(month_ledger(db, MAR), ids["salary"]).due.amount == 100_000
    assert [b.from_month for b in entry.basis_history(db, ids["salary"])] == [Month(2025, 1), MAR]


def test_all_paid_as_due_then_the_exceptions(cell):
    db, ids = cell
    entry.record_payment(db, Payment(ids["pension"], MAR, 10_000, "cash", "2026-03-05"))
    recorded = entry.pay_all_as_due(db, MAR, dt.date(2026, 3, 5), "online").value
    assert recorded == 2  # salary and student; the partial payment and the exempt are kept
    ledger = month_ledger(db, MAR)
    assert line(ledger, ids["pension"]).state == "partial"
    assert line(ledger, ids["old"]).state == "exempt"
    assert line(ledger, ids["salary"]).payment.method == "online"
    entry.clear_payment(db, ids["student"], MAR)
    ledger = month_ledger(db, MAR)
    assert line(ledger, ids["student"]).state == "unpaid"
    assert ledger.total_paid == 93_600 + 10_000
    # Doing it again changes nothing that was entered.
    entry.pay_all_as_due(db, MAR, dt.date(2026, 3, 6))
    assert line(month_ledger(db, MAR), ids["pension"]).paid == 10_000


def test_arrears_and_advance_payments(cell):
    db, ids = cell
    entry.record_payment(db, Payment(ids["salary"], Month(2026, 5), 93_600, "cash"))
    ledger = month_ledger(db, MAR)
    assert line(ledger, ids["salary"]).arrears == 93_600 * 2  # January and February
    assert line(ledger, ids["salary"]).advance == 93_600


def test_the_share_kept_is_the_cells_setting(cell):
    db, _ids = cell
    entry.pay_all_as_due(db, FEB, dt.date(2026, 2, 5))
    ledger = month_ledger(db, FEB)
    assert ledger.kept is None and ledger.to_pass_up == ledger.total_paid
    entry.save_cell_options(db, kept_percent=30)
    ledger = month_ledger(db, FEB)
    assert ledger.kept == (128_600 * 30 + 50) // 100
    assert ledger.kept + ledger.to_pass_up == 128_600
    entry.save_month_record(db, MonthRecord(FEB, ledger.to_pass_up, "2026-02-10"))
    assert month_ledger(db, FEB).record.passed_up == ledger.to_pass_up


def test_cell_amounts_and_rounding(cell):
    db, ids = cell
    entry.save_cell_options(db, group_amounts={"qd342:other": 20_000}, rounding="thousand")
    assert line(month_ledger(db, JAN), ids["student"]).due.amount == 20_000
    assert line(month_ledger(db, FEB), ids["salary"]).due.amount == 94_000
    with pytest.raises(ChiboError, match="2000 đến 30000"):
        entry.save_cell_options(db, group_amounts={"qd342:other": 50_000})
    with pytest.raises(ChiboError, match="không do chi bộ"):
        entry.save_cell_options(db, group_amounts={"qd01:student": 7_000})


@pytest.mark.parametrize("amount", [-1, 100_000_001])
def test_absurd_amounts_are_refused(cell, amount):
    db, ids = cell
    with pytest.raises(ChiboError):
        entry.record_payment(db, Payment(ids["salary"], MAR, amount))
    with pytest.raises(ChiboError):
        entry.save_basis(db, DuesBasis(ids["salary"], MAR, "salary", amount))


def test_payments_outside_membership_are_refused(cell):
    db, ids = cell
    with pytest.raises(ChiboError, match="chưa sinh hoạt"):
        entry.record_payment(db, Payment(ids["student"], Month(2024, 8), 5_000))
    add_status_change(db, ids["pension"], StatusChange("died", dt.date(2026, 2, 20)), today=TODAY)
    entry.record_payment(db, Payment(ids["pension"], FEB, 30_000))  # the month they left
    with pytest.raises(ChiboError, match="không còn"):
        entry.record_payment(db, Payment(ids["pension"], MAR, 30_000))
    assert ids["pension"] not in {x.member_id for x in month_ledger(db, MAR).lines}


def test_online_payment_did_not_exist_under_qd342(cell):
    db, ids = cell
    with pytest.raises(ChiboError, match="online"):
        entry.record_payment(db, Payment(ids["pension"], JAN, 30_000, "online"))


def test_reliefs_are_checked_and_applied(cell):
    db, ids = cell
    with pytest.raises(ChiboError, match="12 tháng"):
        entry.add_relief(db, Relief(ids["salary"], "reduce", FEB, Month(2027, 2), percent=30))
    entry.add_relief(db, Relief(ids["salary"], "reduce", FEB, Month(2026, 4), percent=30))
    assert line(month_ledger(db, MAR), ids["salary"]).due.amount == 65_520
    assert line(month_ledger(db, Month(2026, 5)), ids["salary"]).due.amount == 93_600


def test_year_summary_counts_unpaid_months(cell):
    db, ids = cell
    entry.pay_all_as_due(db, JAN, dt.date(2026, 1, 5))
    summary = year_summary(db, 2026)
    row = next(r for r in summary.rows if r.member_id == ids["salary"])
    assert row.unpaid(until=Month(2026, 4)) == [FEB, MAR, Month(2026, 4)]
    assert summary.month_total(JAN) == (93_600 + 30_000 + 30_000, 93_600 + 30_000 + 30_000)


def test_deferral_only_for_members_on_temporary_exemption(cell):
    db, ids = cell
    defer = Relief(ids["salary"], "defer", MAR, Month(2026, 8))
    with pytest.raises(ChiboError, match="tạm miễn sinh hoạt"):
        entry.add_relief(db, defer)
    away = StatusChange("temp_exempt", dt.date(2026, 3, 10))
    add_status_change(db, ids["salary"], away, today=TODAY)
    entry.add_relief(db, defer)
    assert line(month_ledger(db, MAR), ids["salary"]).state == "deferred"


def test_a_change_of_the_cells_settings_leaves_earlier_months_alone(cell):
    db, ids = cell
    entry.save_cell_options(db, group_amounts={"qd342:other": 10_000}, kept_percent=30)
    entry.pay_all_as_due(db, FEB, dt.date(2026, 2, 5))
    entry.save_cell_options(db, from_month=MAR, rounding="thousand", kept_percent=20)
    feb, mar = month_ledger(db, FEB), month_ledger(db, MAR)
    assert line(feb, ids["salary"]).due.amount == 93_600
    assert line(mar, ids["salary"]).due.amount == 94_000
    assert (feb.options.kept_percent, mar.options.kept_percent) == (30, 20)
    assert line(feb, ids["salary"]).state == "paid"  # what was paid in full stays so
    assert line(month_ledger(db, JAN), ids["student"]).due.amount == 10_000
    with pytest.raises(ChiboError, match="không do chi bộ"):
        entry.save_cell_options(db, group_amounts={"qd342:student": 7_000})
