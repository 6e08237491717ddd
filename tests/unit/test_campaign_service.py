"""Campaigns on a real SQLite file: creation, members joining and leaving, steps, marks."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from chibo_desktop.domain.members import Member
from chibo_desktop.domain.status import StatusChange
from chibo_desktop.errors import ChiboError
from chibo_desktop.rules.loader import RuleFileError
from chibo_desktop.services.campaigns import templates
from chibo_desktop.services.campaigns.campaign import (
    attach_file,
    campaign_state,
    create_campaign,
    delete_campaign,
    link_meeting,
    list_campaigns,
    mark_column,
    mark_from_attendance,
    remove_file,
    set_mark,
    step_file,
    sync_members,
    update_step,
)
from chibo_desktop.services.campaigns.reports import get_self_review, save_self_review
from chibo_desktop.services.meetings.minutes import new_meeting, save_draft
from chibo_desktop.services.members.register import add_status_change, save_member

START = dt.date(2026, 1, 5)


def add_member(db, name: str, joined: dt.date, today: dt.date) -> int:
    member = Member(
        full_name=name,
        gender="Nam",
        birth_date="1970-01-01",
        join_date="2000-01-01",
        official_date="2001-01-01",
    )
    member_id = save_member(
        db, member, first_status=StatusChange("transfer_in", joined), today=today
    ).value
    return member_id


@pytest.fixture
def cell(db, today):
    ids = [
        add_member(db, n, dt.date(2000, 1, 1), today)
        for n in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường")
    ]
    return db, ids


def add_meeting(db, day: dt.date, present: list[int], absent: list[int]) -> int:
    """A meeting with attendance, through the minutes service."""
    meeting = new_meeting(db, day, ("chuyen_de",))
    meeting.attendance = [
        dataclasses.replace(
            a,
            state="present" if a.member_id in present else "absent",
            reason="" if a.member_id in present else "Ốm",
        )
        for a in meeting.attendance
        if a.member_id in present + absent
    ]
    return save_draft(db, meeting).value


def test_create_sets_deadlines_and_members(cell, today):
    db, ids = cell
    campaign_id = create_campaign(db, "tu_soi_tu_sua", START, today=today).value
    state = campaign_state(db, campaign_id, today)
    assert state.title == "Đợt sinh hoạt chính trị “Tự soi, tự sửa” năm 2026"
    due = {s.key: s.due for s in state.steps}
    assert due["nhan_ke_hoach"] == START
    assert due["hoi_nghi_hoc_tap"] == START + dt.timedelta(days=30)
    # 19/5 would come after the report upward (05/05): halfway between its neighbours
    assert due["sinh_hoat_chuyen_de"] == dt.date(2026, 3, 24)
    assert sorted(m.member_id for m in state.active_members) == sorted(ids)
    shown = {s.key: s.shown_status for s in state.steps}
    assert shown["hoi_nghi_hoc_tap"] == "overdue"  # due 04/02, nothing done by 15/03
    assert shown["sinh_hoat_chuyen_de"] == "todo"
    assert list_campaigns(db, today)[0]["progress"] == 0.0


def test_members_joining_and_leaving_mid_campaign(cell, today):
    db, ids = cell
    campaign_id = create_campaign(db, "tu_soi_tu_sua", START, today=today).value
    newcomer = add_member(db, "Phạm Thị Dung", dt.date(2026, 2, 1), today)
    add_status_change(db, ids[2], StatusChange("transfer_out", dt.date(2026, 2, 10)), today=today)
    assert sync_members(db, campaign_id, today).value == 2
    state = campaign_state(db, campaign_id, today)
    by_id = {m.member_id: m for m in state.members}
    assert by_id[newcomer].joined == dt.date(2026, 2, 1) and by_id[newcomer].active
    assert by_id[ids[2]].left == dt.date(2026, 2, 10)
    assert by_id[ids[2]].left_reason
    assert len(state.active_members) == 3  # the leaver is kept but not counted
    assert sync_members(db, campaign_id, today).value == 0
    # A campaign created late already knows both.
    later = create_campaign(db, "tu_soi_tu_sua", START, title="Bản thứ hai", today=today).value
    later_state = campaign_state(db, later, today)
    assert {m.member_id for m in later_state.members} == {*ids, newcomer}
    assert [m.member_id for m in later_state.members if not m.active] == [ids[2]]


def test_steps_edit_file_and_done(cell, today):
    db, ids = cell
    campaign_id = create_campaign(db, "tu_soi_tu_sua", START, today=today).value
    step = campaign_state(db, campaign_id, today).steps[1]
    update_step(
        db, step.id, responsible_id=ids[0], done=dt.date(2026, 1, 12), note="Kế hoạch số 12"
    )
    attach_file(db, step.id, "Kế hoạch.pdf", b"%PDF-1.4 data")
    after = campaign_state(db, campaign_id, today).steps[1]
    assert after.shown_status == "done" and after.done == dt.date(2026, 1, 12)
    assert after.responsible_name == "Nguyễn Văn An" and after.file_name == "Kế hoạch.pdf"
    assert step_file(db, step.id) == ("Kế hoạch.pdf", b"%PDF-1.4 data")
    update_step(db, step.id, status="doing")
    assert campaign_state(db, campaign_id, today).steps[1].done is None
    remove_file(db, step.id)
    with pytest.raises(ChiboError):
        step_file(db, step.id)


def test_link_thematic_meeting_marks_the_present(cell, today):
    db, ids = cell
    campaign_id = create_campaign(db, "tu_soi_tu_sua", START, today=today).value
    meeting_id = add_meeting(db, dt.date(2026, 3, 10), present=ids[:2], absent=ids[2:])
    step = next(
        s for s in campaign_state(db, campaign_id, today).steps if s.key == "sinh_hoat_chuyen_de"
    )
    assert link_meeting(db, step.id, meeting_id).value == 2
    state = campaign_state(db, campaign_id, today)
    linked = next(s for s in state.steps if s.key == "sinh_hoat_chuyen_de")
    assert linked.meeting_id == meeting_id and linked.meeting_date == dt.date(2026, 3, 10)
    assert linked.shown_status == "done" and linked.done == dt.date(2026, 3, 10)
    assert state.done_count("du_sinh_hoat_chuyen_de") == 2
    assert [m.member_id for m in state.missing("du_sinh_hoat_chuyen_de")] == [ids[2]]
    assert state.marks[(ids[0], "du_sinh_hoat_chuyen_de")].done == dt.date(2026, 3, 10)
    # Deleting the meeting keeps the step, without the link.
    db.execute("DELETE FROM meetings WHERE id = ?", [meeting_id])
    assert campaign_state(db, campaign_id, today).steps[6].meeting_id is None


def test_bulk_marking_from_attendance_and_whole_column(cell, today):
    db, ids = cell
    campaign_id = create_campaign(db, "tu_soi_tu_sua", START, today=today).value
    meeting_id = add_meeting(db, dt.date(2026, 2, 4), present=[ids[0], ids[2]], absent=[ids[1]])
    assert mark_from_attendance(db, campaign_id, "hoc_kl21", meeting_id).value == 2
    state = campaign_state(db, campaign_id, today)
    assert [m.member_id for m in state.missing("hoc_kl21")] == [ids[1]]
    set_mark(db, campaign_id, ids[1], "hoc_qd37", dt.date(2026, 2, 1), "Tự học")
    assert mark_column(db, campaign_id, "hoc_qd37", dt.date(2026, 2, 4)).value == 2
    state = campaign_state(db, campaign_id, today)
    assert state.marks[(ids[1], "hoc_qd37")].note == "Tự học"  # an existing mark is kept
    assert state.done_count("hoc_qd37") == 3
    set_mark(db, campaign_id, ids[1], "hoc_qd37", None)
    assert campaign_state(db, campaign_id, today).done_count("hoc_qd37") == 2
    with pytest.raises(ChiboError):
        set_mark(db, campaign_id, ids[1], "khong_co", today)


def test_self_review_submission_marks_the_item(cell, today):
    db, ids = cell
    campaign_id = create_campaign(db, "tu_soi_tu_sua", START, today=today).value
    review = get_self_review(db, campaign_id, ids[1])
    assert review.full_name == "Trần Thị Bình" and review.sections == {}
    review.sections = {"Về đạo đức, lối sống": "Giản dị\u0301"}
    review.marks = {"m1": (False, ""), "p19": (True, "Cần khắc phục")}
    review.submitted = dt.date(2026, 3, 1)
    save_self_review(db, campaign_id, review)
    again = get_self_review(db, campaign_id, ids[1])
    assert again.marks == {"m1": (False, ""), "p19": (True, "Cần khắc phục")}
    assert again.present_refs() == ["p19"]
    assert campaign_state(db, campaign_id, today).marks[(ids[1], "tu_kiem_diem")].done == dt.date(
        2026, 3, 1
    )
    again.marks = {"x1": (True, "")}
    with pytest.raises(ChiboError):
        save_self_review(db, campaign_id, again)


def test_templates_duplicate_edit_export_import(db, tmp_path, today):
    key = templates.duplicate_template(db, "tu_soi_tu_sua", "Mẫu của phường").value
    text = templates.template_text(db, key)
    edited = text.replace("offset_days = 7", "offset_days = 10")
    assert templates.save_template_text(db, key, edited).value.steps[1].offset_days == 10
    with pytest.raises(RuleFileError, match="dòng"):
        templates.save_template_text(db, key, edited.replace('title = "Mẫu', "title = Mẫu"))
    with pytest.raises(ChiboError):
        templates.save_template_text(db, "tu_soi_tu_sua", text)
    out = templates.export_template(db, key, tmp_path / "mau.toml")
    same = templates.import_template(db, out)
    assert same.value == key and not same.changes.any()  # the same file changes nothing
    out.write_text(out.read_text(encoding="utf-8").replace("offset_days = 10", "offset_days = 12"))
    imported = templates.import_template(db, out).value
    assert imported != key  # same key, other content: kept apart under a new key
    titles = {t.key: t.title for t in templates.list_templates(db)}
    assert titles[key] == "Mẫu của phường" and imported in titles
    campaign_id = create_campaign(db, key, START, today=today).value
    # The campaign keeps its copy when the template changes later.
    templates.save_template_text(db, key, edited.replace("offset_days = 10", "offset_days = 20"))
    assert campaign_state(db, campaign_id, today).steps[1].due == START + dt.timedelta(days=10)
    delete_campaign(db, campaign_id)
    assert list_campaigns(db, today) == []
