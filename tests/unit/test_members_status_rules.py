"""Status history through the service: dated, ordered, reversible; leaving keeps the record."""

import datetime as dt

import pytest

from chibo_desktop.domain.members import Member
from chibo_desktop.domain.status import StatusChange
from chibo_desktop.errors import ChiboError
from chibo_desktop.services.members import register as svc
from chibo_desktop.services.members.listing import member_list

TODAY = dt.date(2026, 3, 15)


def add(db, kind="admitted", date="2025-01-10", **kw) -> int:
    base = {"full_name": "Nguyễn Văn An", "birth_date": "1980-01-01", "join_date": "2025-01-10"}
    return svc.save_member(
        db,
        Member(**{**base, **kw}),
        first_status=StatusChange(kind, dt.date.fromisoformat(date)),
        today=TODAY,
    ).value


def change(db, member_id, kind, date):
    return svc.add_status_change(
        db, member_id, StatusChange(kind, dt.date.fromisoformat(date)), today=TODAY
    )


def test_admitted_is_probationary_until_made_official(db):
    member_id = add(db)
    assert svc.get_member(db, member_id).state.code == "du_bi"
    change(db, member_id, "official", "2026-01-10")
    assert svc.get_member(db, member_id).state.code == "chinh_thuc"


def test_a_change_may_fall_on_the_same_day_but_not_before(db):
    member_id = add(db)
    change(db, member_id, "exempt", "2025-06-01")
    change(db, member_id, "resumed", "2025-06-01")
    with pytest.raises(ChiboError, match="không được trước"):
        change(db, member_id, "suspended", "2025-05-31")


def test_no_change_in_the_future(db):
    member_id = add(db)
    with pytest.raises(ChiboError, match="ở tương lai"):
        change(db, member_id, "exempt", "2026-03-16")


def test_changes_that_do_not_fit_the_state_are_refused(db):
    member_id = add(db)
    with pytest.raises(ChiboError, match="đang sinh hoạt tại chi bộ"):
        change(db, member_id, "transfer_in", "2025-06-01")
    change(db, member_id, "died", "2025-07-01")
    with pytest.raises(ChiboError, match="chỉ áp dụng cho đảng viên đang sinh hoạt"):
        change(db, member_id, "exempt", "2025-08-01")


def test_allowed_changes_follow_the_state(db):
    member_id = add(db)
    state = svc.get_member(db, member_id).state
    allowed = svc.allowed_changes(state)
    assert "official" in allowed and "transfer_out" in allowed
    assert "admitted" not in allowed and "transfer_in" not in allowed
    change(db, member_id, "transfer_out", "2025-09-01")
    left = svc.allowed_changes(svc.get_member(db, member_id).state)
    assert set(left) <= {"admitted", "transfer_in", "temp_in", "restored"}


def test_leaving_keeps_the_record_and_removing_the_change_brings_them_back(db):
    member_id = add(db, kind="transfer_in", date="2020-01-01", official_date="2019-01-01",
                    join_date="2018-01-01")  # fmt: skip
    change_id = change(db, member_id, "transfer_out", "2026-01-05").value
    assert [m.id for m in member_list(db, include_left=False, today=TODAY)] == []
    everyone = member_list(db, today=TODAY)
    assert [(m.id, m.status, m.status_label) for m in everyone] == [
        (member_id, "transfer_out", "Đã chuyển sinh hoạt đi")
    ]
    svc.remove_status_change(db, change_id)
    assert svc.get_member(db, member_id).state.code == "chinh_thuc"


def test_delete_is_only_for_mistakes_and_removes_the_history(db):
    member_id = add(db)
    svc.delete_member(db, member_id)
    assert member_list(db, today=TODAY) == []
    assert db.execute("SELECT count(*) FROM member_status").fetchone()[0] == 0


def test_bulk_add_checks_each_record_and_history(db):
    good = (Member(full_name="Lê Văn Bình", join_date="2010-01-01", card_number="1"),
            [StatusChange("transfer_in", dt.date(2015, 1, 1))])  # fmt: skip
    bad = (Member(full_name="Lê Văn Cường"), [StatusChange("official", dt.date(2015, 1, 1))])
    with pytest.raises(ChiboError):
        svc.add_members(db, [good, bad], today=TODAY)
    assert member_list(db, today=TODAY) == []
    ids = svc.add_members(db, [good], today=TODAY).value
    assert svc.get_member(db, ids[0]).state.code == "du_bi"


def test_list_facts_probation_and_badge(db):
    probationary = add(db, join_date="2025-04-10", date="2025-04-10", full_name="Trần Thị Hoa")
    veteran = add(
        db,
        kind="transfer_in",
        date="2010-01-01",
        join_date="1996-04-01",
        official_date="1997-04-01",
        full_name="Lê Văn Bình",
        birth_date="1960-01-01",
    )
    rows = {m.id: m for m in member_list(db, today=TODAY)}
    p = rows[probationary]
    assert p.probation.ends_on == dt.date(2026, 4, 10) and p.probation.due_soon
    assert p.badge is None and p.party_age == 0
    v = rows[veteran]
    assert v.probation is None and v.party_age == 29
    assert (v.badge.years, v.badge.award_date) == (30, dt.date(2026, 5, 19))
