"""Reminders on boundary dates: each case one day inside and one day outside its window."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from chibo_desktop.cli import main
from chibo_desktop.domain.assessment import Assessment
from chibo_desktop.domain.members import Member
from chibo_desktop.domain.status import StatusChange
from chibo_desktop.services.assessments.year_end import save_assessment
from chibo_desktop.services.campaigns.campaign import campaign_state, create_campaign, update_step
from chibo_desktop.services.meetings.minutes import create_meeting, get_meeting, save_draft
from chibo_desktop.services.members.register import add_status_change, save_member
from chibo_desktop.services.reminders.collect import reminders

TODAY = dt.date(2026, 3, 15)
D = dt.date.fromisoformat


def admit(db, name: str, joined: str, *, official: str | None = None, gender="Nam") -> int:
    """A member admitted on ``joined``; with ``official`` a full member who transferred in."""
    member = Member(full_name=name, gender=gender, birth_date="1960-01-01", join_date=joined)
    if official:
        member.official_date = official
        change = StatusChange("transfer_in", D("2000-01-01") if joined < "2000" else D(joined))
    else:
        change = StatusChange("admitted", D(joined))
    return save_member(db, member, first_status=change, today=TODAY).value


def kinds(items, kind: str) -> list:
    return [(r.urgency, r.text, r.record, r.record_id) for r in items if r.kind == kind]


def test_probation_due_in_30_days_not_31_and_overdue(db):
    a = admit(db, "Trần Văn Ba Mươi", "2025-04-14")  # ends 14/04/2026: 30 days left
    admit(db, "Trần Văn Ba Mốt", "2025-04-15")  # ends 15/04/2026: 31 days left
    c = admit(db, "Trần Văn Quá Hạn", "2025-03-01")  # ended 01/03/2026
    got = kinds(reminders(db, TODAY), "probation")
    assert got == [
        (
            "overdue",
            "Trần Văn Quá Hạn: hết thời hạn dự bị từ 01/03/2026, quá 14 ngày chưa xét công "
            "nhận chính thức.",
            "member",
            c,
        ),
        (
            "soon",
            "Trần Văn Ba Mươi: hết thời hạn dự bị ngày 14/04/2026 (còn 30 ngày), chuẩn bị xét "
            "công nhận chính thức.",
            "member",
            a,
        ),
    ]


def test_made_official_stops_the_probation_reminder(db):
    member_id = admit(db, "Trần Văn Quá Hạn", "2025-03-01")
    add_status_change(db, member_id, StatusChange("official", D("2026-03-10")), today=TODAY)
    assert kinds(reminders(db, TODAY), "probation") == []


def test_badge_milestone_before_the_next_award_day(db):
    # Next award day after 15/03/2026 is 19/05/2026; the one before was 03/02/2026.
    on_day = admit(db, "Lê Văn Đúng Ngày", "1996-05-19", official="1997-05-19")
    admit(db, "Lê Văn Sau Một Ngày", "1996-05-20", official="1997-05-20")  # award 02/09
    since = admit(db, "Lê Văn Từ Tháng Hai", "1986-02-10", official="1987-02-10")
    admit(db, "Lê Văn Đã Trao", "1986-02-03", official="1987-02-03")  # awarded 03/02/2026
    got = kinds(reminders(db, TODAY), "badge")
    assert got == [
        (
            "soon",
            "Lê Văn Đúng Ngày: đủ 30 năm tuổi Đảng ngày 19/05/2026, đề nghị tặng Huy hiệu "
            "30 năm dịp 19/05/2026.",
            "member",
            on_day,
        ),
        (
            "soon",
            "Lê Văn Từ Tháng Hai: đủ 40 năm tuổi Đảng ngày 10/02/2026, đề nghị tặng Huy hiệu "
            "40 năm dịp 19/05/2026.",
            "member",
            since,
        ),
    ]


@pytest.fixture
def cell(db):
    admit(db, "Nguyễn Văn An", "1990-01-01", official="1991-01-01")
    admit(db, "Phạm Thị Bình", "1990-01-01", official="1991-01-01", gender="Nữ")
    admit(db, "Hoàng Văn Cường", "1990-01-01", official="1991-01-01")
    return db


def test_this_months_regular_meeting(cell):
    db = cell
    assert kinds(reminders(db, TODAY), "meeting") == [
        ("soon", "Chưa có biên bản sinh hoạt chi bộ thường kỳ tháng 3/2026.", "meeting", None)
    ]
    create_meeting(db, D("2026-03-05"), ("chuyen_de",), topic="Nghị quyết")  # not regular
    planned = create_meeting(db, D("2026-03-20")).value
    assert kinds(reminders(db, TODAY), "meeting") == [
        (
            "soon",
            "Sinh hoạt chi bộ thường kỳ tháng 3/2026 chưa tổ chức (dự kiến ngày 20/03/2026).",
            "meeting",
            planned,
        )
    ]
    assert kinds(reminders(db, D("2026-03-20")), "meeting") == []


def test_a_regular_meeting_held_today_counts(cell):
    create_meeting(cell, TODAY)
    assert kinds(reminders(cell, TODAY), "meeting") == []
    assert len(kinds(reminders(cell, D("2026-04-01")), "meeting")) == 1


def test_campaign_steps_overdue_due_within_7_days_not_8(cell):
    db = cell
    campaign_id = create_campaign(db, "tu_soi_tu_sua", D("2026-01-10"), today=TODAY).value
    steps = campaign_state(db, campaign_id, TODAY).steps
    far = D("2026-12-31")
    for step in steps:
        update_step(db, step.id, due=far)
    update_step(db, steps[0].id, due=D("2026-03-14"))  # overdue by a day
    update_step(db, steps[1].id, due=D("2026-03-22"))  # in 7 days
    update_step(db, steps[2].id, due=D("2026-03-23"))  # in 8 days
    update_step(db, steps[3].id, due=D("2026-03-01"), done=D("2026-03-02"))  # done
    got = kinds(reminders(db, TODAY), "campaign")
    title = campaign_state(db, campaign_id, TODAY).title
    assert got == [
        (
            "overdue",
            f"{steps[0].title} — quá hạn từ 14/03/2026 ({title}).",
            "campaign",
            campaign_id,
        ),
        ("soon", f"{steps[1].title} — đến hạn ngày 22/03/2026 ({title}).", "campaign", campaign_id),
    ]


def hold(db, date: str, states: dict[str, str]) -> int:
    meeting_id = create_meeting(db, D(date)).value
    meeting = get_meeting(db, meeting_id)
    for a in meeting.attendance:
        a.state = states.get(a.name, "present")
    save_draft(db, meeting)
    return meeting_id


def test_three_absences_in_a_row_but_not_two(cell):
    db = cell
    hold(db, "2025-12-05", {"Nguyễn Văn An": "absent"})
    hold(db, "2026-01-05", {"Nguyễn Văn An": "excused", "Phạm Thị Bình": "present"})
    hold(db, "2026-02-05", {"Nguyễn Văn An": "absent", "Phạm Thị Bình": "absent"})
    hold(db, "2026-03-05", {"Nguyễn Văn An": "excused", "Phạm Thị Bình": "excused"})
    ids = {r.text.split(":")[0]: r for r in reminders(db, TODAY) if r.kind == "absence"}
    assert list(ids) == ["Nguyễn Văn An"]
    assert ids["Nguyễn Văn An"].text == "Nguyễn Văn An: vắng 4 buổi sinh hoạt liên tiếp."
    assert ids["Nguyễn Văn An"].date == D("2026-03-05")
    # Seen on 01/02, An had missed two in a row only.
    assert kinds(reminders(db, D("2026-02-01")), "absence") == []
    assert [r[1] for r in kinds(reminders(db, D("2026-02-10")), "absence")] == [
        "Nguyễn Văn An: vắng 3 buổi sinh hoạt liên tiếp."
    ]


def test_assessment_reminded_from_december_until_march(cell):
    db = cell
    an = 1
    met = frozenset({"tot_dung_han"})
    save_assessment(db, Assessment(an, 2026, "", 80, "tot", "tot", None, conditions=met))
    assert kinds(reminders(db, D("2026-11-30")), "assessment") == []
    soon = kinds(reminders(db, D("2026-12-01")), "assessment")
    assert soon == [
        (
            "soon",
            "2 đảng viên chưa có kết quả xếp loại năm 2026: Phạm Thị Bình, Hoàng Văn Cường.",
            "assessment",
            2026,
        )
    ]
    late = kinds(reminders(db, D("2027-03-31")), "assessment")
    assert [r[0] for r in late] == ["overdue"]
    assert kinds(reminders(db, D("2027-04-01")), "assessment") == []


def test_members_who_left_are_not_reminded_of_the_assessment(cell):
    db = cell
    add_status_change(db, 3, StatusChange("transfer_out", D("2026-01-10")), today=TODAY)
    got = kinds(reminders(db, D("2026-01-15")), "assessment")
    assert got == [
        (
            "overdue",
            "2 đảng viên chưa có kết quả xếp loại năm 2025: Nguyễn Văn An, Phạm Thị Bình.",
            "assessment",
            2025,
        )
    ]


def test_reminders_command_json(cell, db_path, capsys):
    hold(cell, "2026-03-05", {})
    code = main(["--db", str(db_path), "reminders", "--json", "--date", "2026-03-15"])
    assert code == 0
    items = json.loads(capsys.readouterr().out)
    assert items == [
        {
            "kind": "assessment",
            "urgency": "overdue",
            "text": "3 đảng viên chưa có kết quả xếp loại năm 2025: Nguyễn Văn An, Phạm Thị Bình, "
            "Hoàng Văn Cường.",
            "record": "assessment",
            "record_id": 2025,
            "date": "2025-12-31",
        },
        {
            "kind": "thematic",
            "urgency": "soon",
            "text": "Quý 1/2026 chưa có buổi sinh hoạt chi bộ chuyên đề (ít nhất mỗi quý một lần).",
            "record": "meeting",
            "record_id": None,
            "date": "2026-03-31",
        },
    ]
    assert main(["--db", str(db_path), "reminders", "--date", "2026-03-15"]) == 0
    assert capsys.readouterr().out.startswith("! 3 đảng viên chưa có kết quả")
