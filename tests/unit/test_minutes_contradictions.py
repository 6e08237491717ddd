"""Minutes that contradict themselves are flagged where they are entered, refuse "Hoàn tất",
and print every vote with all of its voting base accounted for."""

import datetime as dt

import pytest

from chibo_desktop.domain.meeting_checks import blocking_problems, vote_problem
from chibo_desktop.domain.meetings import Resolution
from chibo_desktop.errors import ChiboError
from chibo_desktop.services.meetings import minutes as svc
from chibo_desktop.services.meetings.printing import export_minutes_pdf
from tests.unit.test_meetings_print import filled, plain
from tests.unit.test_meetings_service import cell  # noqa: F401  (fixture)


def _mark(meeting, member_id, state, reason=""):
    for a in meeting.attendance:
        if a.member_id == member_id:
            a.state, a.reason = state, reason


def test_votes_that_leave_someone_out_are_a_problem(db, cell):  # noqa: F811
    m = svc.get_meeting(db, filled(db, cell, 1))
    counts = svc.summarise(db, m).counts
    assert counts.voting_base == 4 and counts.voters_present == 4
    assert vote_problem(Resolution("x", 4, 0, 0), counts) == ""
    assert "3 phiếu" in vote_problem(Resolution("x", 3, 0, 0), counts)
    assert "5 phiếu" in vote_problem(Resolution("x", 4, 1, 0), counts)


def test_excusing_someone_after_the_votes_is_recomputed_and_blocks_finalising(db, cell):  # noqa: F811
    meeting_id = filled(db, cell, 1)
    m = svc.get_meeting(db, meeting_id)
    assert svc.summarise(db, m).problems == []
    _mark(m, cell["dang"], "excused", "ốm")
    svc.save_draft(db, m)
    summary = svc.attendance_summary(db, meeting_id)
    assert any(p.startswith("Biểu quyết 1: 4 phiếu") for p in summary.problems)
    assert any("Thông qua biên bản: 5 ý kiến" in p for p in summary.problems)
    with pytest.raises(ChiboError, match="mâu thuẫn") as refused:
        svc.finalise(db, meeting_id)
    assert "Biểu quyết 1" in str(refused.value)


def test_absent_without_reason_is_counted_as_away_at_the_vote(db, cell, tmp_path):  # noqa: F811
    meeting_id = filled(db, cell, 1)
    m = svc.get_meeting(db, meeting_id)
    _mark(m, cell["dang"], "absent")
    m.resolutions = [Resolution("Thông qua phương hướng", 3, 0, 0)]
    m.approval_for = 4
    svc.save_draft(db, m)
    assert svc.attendance_summary(db, meeting_id).problems == []
    text = plain(export_minutes_pdf(db, meeting_id, tmp_path / "bb.pdf"))
    assert "Tán thành: 3/4 đồng chí (75,0%); không tán thành: 0; không biểu quyết: 0; vắng: 1." in (
        text
    )
    assert "được thông qua với 4/4 đồng chí có mặt tán thành (100,0%)" in text


def test_chair_or_secretary_recorded_absent_is_refused(db, cell):  # noqa: F811
    meeting_id = filled(db, cell, 1)
    m = svc.get_meeting(db, meeting_id)
    _mark(m, cell["lan"], "excused", "công tác")
    counts = svc.summarise(db, m).counts
    problems = blocking_problems(m, counts)
    assert any("Phạm Thị Lan là thư ký" in p and "Vắng có lý do" in p for p in problems)
    svc.save_draft(db, m)
    with pytest.raises(ChiboError, match="thư ký"):
        svc.finalise(db, meeting_id)


def test_demo_minutes_add_up_and_keep_chair_and_secretary(demo_db):
    for row in svc.list_meetings(demo_db):
        m = svc.get_meeting(demo_db, row["id"])
        assert svc.summarise(demo_db, m).problems == [], (row["id"], m.title)


def test_new_meeting_has_no_problem_until_a_vote_is_entered(db, cell):  # noqa: F811
    m = svc.get_meeting(db, svc.create_meeting(db, dt.date(2026, 3, 5)).value)
    assert svc.summarise(db, m).problems == []
