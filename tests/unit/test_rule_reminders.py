"""Reminders from the status rules and the meeting cadence, on boundary dates: tạm miễn
sinh hoạt (under 12 months), temporary transfers (1 year, 2 years for study), the official
transfer within 60 working days, the letter within 30; a thematic meeting every quarter.
Working days skip weekends and the holidays of holidays.toml."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from chibo_desktop.cli import main
from chibo_desktop.domain.members import Member
from chibo_desktop.domain.status import StatusChange
from chibo_desktop.domain.working_days import add_working_days, working_days_between
from chibo_desktop.rules.holidays import holidays
from chibo_desktop.services.meetings.minutes import create_meeting
from chibo_desktop.services.members.register import add_status_change, save_member
from chibo_desktop.services.reminders.collect import reminders

D = dt.date.fromisoformat
TODAY = D("2026-03-16")  # a Monday


def member(db, name: str) -> int:
    record = Member(full_name=name, join_date="2000-01-10", official_date="2001-01-10")
    first = StatusChange("transfer_in", D("2010-01-01"))
    return save_member(db, record, first_status=first, today=TODAY).value


def of_kind(items, kind):
    return [(r.urgency, r.record_id, r.date) for r in items if r.kind == kind]


def test_working_days_skip_weekends_and_holidays():
    no_holidays: frozenset[dt.date] = frozenset()
    assert add_working_days(D("2026-03-16"), 5, no_holidays) == D("2026-03-23")
    assert add_working_days(D("2026-03-16"), 60, no_holidays) == D("2026-06-08")
    # 30/4 and 1/5/2026 (Thursday, Friday) are holidays: two more days
    days = holidays().between(D("2026-04-01"), D("2026-06-30"))
    assert {D("2026-04-30"), D("2026-05-01")} <= days
    assert add_working_days(D("2026-04-27"), 5, days) == D("2026-05-06")
    assert working_days_between(D("2026-04-27"), D("2026-05-06"), days) == 5
    assert working_days_between(D("2026-05-06"), D("2026-04-27"), days) == -5


def test_tam_mien_reminded_a_month_before_twelve_months_and_after(db):
    soon = member(db, "Nguyễn Văn Sớm")
    later = member(db, "Nguyễn Văn Muộn")
    over = member(db, "Nguyễn Văn Quá")
    add_status_change(db, soon, StatusChange("temp_exempt", D("2025-04-15")))  # ends 15/04: 30 d
    add_status_change(db, later, StatusChange("temp_exempt", D("2025-04-16")))  # 31 days: not yet
    add_status_change(db, over, StatusChange("temp_exempt", D("2025-03-01")))
    got = of_kind(reminders(db, TODAY), "status")
    assert got == [("overdue", over, D("2026-03-01")), ("soon", soon, D("2026-04-15"))]
    text = next(r.text for r in reminders(db, TODAY) if r.record_id == soon)
    assert "Tạm miễn sinh hoạt đảng" in text and "15/04/2026" in text and "12 tháng" in text
    # back to normal: no reminder
    add_status_change(db, over, StatusChange("resumed", D("2026-03-10")))
    assert over not in [r for _u, r, _d in of_kind(reminders(db, TODAY), "status")]


def test_tam_mien_is_its_own_state_not_exemption(db):
    from chibo_desktop.services.meetings.minutes import register_attendance

    away = member(db, "Trần Văn Xa")
    add_status_change(db, away, StatusChange("temp_exempt", D("2026-01-05")))
    listed = {a.member_id: a for a in register_attendance(db, TODAY)}
    assert (listed[away].condition, listed[away].state) == ("temp_exempt", "exempt")


def test_temporary_transfer_for_study_lasts_two_years(db):
    work = member(db, "Lê Văn Làm")
    study = member(db, "Lê Văn Học")
    add_status_change(db, work, StatusChange("temp_out", D("2025-04-01")))
    add_status_change(db, study, StatusChange("temp_out_study", D("2025-04-01")))
    assert of_kind(reminders(db, TODAY), "status") == [("soon", work, D("2026-04-01"))]
    assert of_kind(reminders(db, D("2027-03-20")), "status") == [
        ("overdue", work, D("2026-04-01")),
        ("soon", study, D("2027-04-01")),
    ]


def test_official_transfer_due_within_sixty_working_days_until_recorded(db):
    moving = member(db, "Phạm Văn Chuyển")
    add_status_change(db, moving, StatusChange("transfer_due", D("2026-03-02")))
    # 60 working days from Monday 2/3/2026 are twelve weeks (Monday 25/5) plus the two
    # holidays 30/4 and 1/5: Wednesday 27/5/2026
    assert of_kind(reminders(db, TODAY), "transfer") == [("soon", moving, D("2026-05-27"))]
    assert of_kind(reminders(db, D("2026-05-27")), "transfer")[0][0] == "soon"
    assert of_kind(reminders(db, D("2026-05-28")), "transfer")[0][0] == "overdue"
    add_status_change(
        db, moving, StatusChange("transfer_out", D("2026-05-20")), today=D("2026-05-20")
    )
    got = of_kind(reminders(db, D("2026-05-21")), "transfer")
    # the letter: 30 working days from 20/5/2026 is 1/7/2026; reminded until then
    assert got == [("soon", moving, D("2026-07-01"))]
    assert of_kind(reminders(db, D("2026-07-02")), "transfer") == []


@pytest.mark.parametrize(
    ("today", "kinds", "expected"),
    [
        (D("2026-03-10"), None, "soon"),  # last month of Q1, none yet
        (D("2026-03-10"), ("chuyen_de",), None),
        (D("2026-02-10"), None, None),  # not the quarter's last month
        (D("2026-04-10"), None, "overdue"),  # Q1 passed without one
        (D("2026-05-10"), None, None),
    ],
)
def test_a_thematic_meeting_every_quarter(db, today, kinds, expected):
    member(db, "Nguyễn Văn An")
    create_meeting(db, D("2026-01-05"))  # a regular one
    if kinds:
        create_meeting(db, D("2026-02-20"), kinds)
    got = [r for r in reminders(db, today) if "chuyên đề" in r.text]
    assert [r.urgency for r in got] == ([expected] if expected else [])
    if expected:
        assert "Quý 1/2026" in got[0].text


def test_cli_lists_the_new_reminders(db_path, capsys):
    from chibo_desktop.storage.database import open_database

    db = open_database(db_path)
    away = member(db, "Võ Văn Xa")
    add_status_change(db, away, StatusChange("temp_exempt", D("2025-04-01")))
    db.close()
    assert main(["--db", str(db_path), "reminders", "--json", "--date", "2026-03-16"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert any(r["kind"] == "status" and r["record_id"] == away for r in rows)


def test_a_seriously_ill_member_is_proposed_for_the_badge_early(db):
    ill = save_member(
        db,
        Member(full_name="Đỗ Văn Ốm", join_date="1986-12-10", official_date="1987-12-10"),
        first_status=StatusChange("transfer_in", D("2010-01-01")),
        today=TODAY,
    ).value
    # 40 years on 10/12/2026: normally on 3/2/2027; ill, up to 12 months early: 19/5/2026
    badges = [r for r in reminders(db, TODAY) if r.kind == "badge"]
    assert badges == []
    add_status_change(db, ill, StatusChange("seriously_ill", D("2026-02-01")))
    badges = [r for r in reminders(db, TODAY) if r.kind == "badge"]
    assert [(r.record_id, r.date) for r in badges] == [(ill, D("2026-05-19"))]
    assert "bệnh nặng" in badges[0].text and "Huy hiệu 40 năm" in badges[0].text
    # the fact changes nothing else: still chính thức, in the cell, since the same date
    from chibo_desktop.services.members.register import get_member

    state = get_member(db, ill).state
    assert (state.condition, state.since) == ("normal", D("2010-01-01"))
