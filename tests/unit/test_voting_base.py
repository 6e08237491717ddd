"""The voting base (QĐ 24 điểm 9.3.2, kept by QĐ 294): members under prosecution,
indictment or temporary detention are left out, from the dated change until it ends; an
excused absence is left out only when the reason was accepted and the whole meeting missed."""

from __future__ import annotations

import datetime as dt

from chibo_desktop.domain.meetings import Attendee, compute_counts
from chibo_desktop.domain.members import Member
from chibo_desktop.domain.status import StatusChange
from chibo_desktop.rules.meetings import meeting_rules
from chibo_desktop.services.meetings import minutes as svc
from chibo_desktop.services.meetings.reading import meeting_counts
from chibo_desktop.services.members.register import add_status_change, save_member


def people(n: int) -> list[Attendee]:
    return [Attendee(i, f"Đảng viên {i}") for i in range(1, n + 1)]


def test_twelve_members_worked_by_hand():
    # 12 full members: 8 present; 1 absent with an accepted reason for the whole meeting;
    # 1 absent with a reason not accepted (or who came for part of it); 1 detained;
    # 1 absent without reason. Base = 12 - 1 (accepted) - 1 (detained) = 10; more than
    # half of 10 is 6.
    attendance = people(12)
    attendance[8].state, attendance[8].reason = "excused", "Ốm nằm viện"
    attendance[9].state, attendance[9].reason = "excused", "Về sớm"
    attendance[9].excused_accepted = False
    attendance[10].state, attendance[10].condition = "away", "detained"
    attendance[11].state = "absent"
    counts = compute_counts(attendance, meeting_rules())
    assert (counts.voting_base, counts.threshold) == (10, 6)
    assert counts.summoned == 11 and counts.present == 8
    assert counts.suspended == 1 and counts.away == 0
    # the same meeting counted the old way (every excused absence out): 9, so 5 would pass
    attendance[9].excused_accepted = True
    assert compute_counts(attendance, meeting_rules()).voting_base == 9


def test_a_detained_member_who_is_listed_present_still_does_not_vote():
    attendance = people(5)
    attendance[0].condition = "detained"
    counts = compute_counts(attendance, meeting_rules())
    assert (counts.voting_base, counts.threshold, counts.summoned) == (4, 3, 4)


def _member(db, name: str) -> int:
    member = Member(full_name=name, join_date="2000-01-10", official_date="2001-01-10")
    first = StatusChange("transfer_in", dt.date(2010, 1, 1))
    return save_member(db, member, first_status=first, today=dt.date(2026, 3, 15)).value


def test_detention_is_a_dated_state_that_ends(db):
    ids = [_member(db, name) for name in ("Nguyễn Văn An", "Lê Văn Bình", "Trần Văn Cường")]
    add_status_change(db, ids[1], StatusChange("detained", dt.date(2026, 2, 10), "QĐ khởi tố"))
    later = dt.date(2026, 5, 5)
    add_status_change(db, ids[1], StatusChange("resumed", dt.date(2026, 4, 20)), today=later)
    during = {a.member_id: a for a in svc.register_attendance(db, dt.date(2026, 3, 5))}
    assert (during[ids[1]].state, during[ids[1]].condition) == ("away", "detained")
    counts = compute_counts(list(during.values()), meeting_rules())
    assert (counts.voting_base, counts.threshold) == (2, 2)
    after = {a.member_id: a for a in svc.register_attendance(db, dt.date(2026, 5, 5))}
    assert (after[ids[1]].state, after[ids[1]].condition) == ("present", "normal")
    assert compute_counts(list(after.values()), meeting_rules()).voting_base == 3


def test_the_accepted_tick_is_stored_with_the_absence(db):
    ids = [_member(db, name) for name in ("Nguyễn Văn An", "Lê Văn Bình", "Trần Văn Cường")]
    meeting = svc.new_meeting(db, dt.date(2026, 3, 5))
    late = next(a for a in meeting.attendance if a.member_id == ids[2])
    late.state, late.reason, late.excused_accepted = "excused", "Đến muộn", False
    meeting_id = svc.save_draft(db, meeting).value
    stored = svc.get_meeting(db, meeting_id)
    assert next(a for a in stored.attendance if a.member_id == ids[2]).excused_accepted is False
    assert meeting_counts(db, meeting_id).voting_base == 3


def test_a_member_on_tam_mien_is_counted_like_an_exempt_one():
    attendance = people(6)
    attendance[0].condition, attendance[0].state = "temp_exempt", "absent"
    attendance[1].condition = "temp_exempt"  # came anyway: present, votes
    counts = compute_counts(attendance, meeting_rules())
    assert (counts.exempt, counts.summoned, counts.voting_base, counts.absent) == (2, 4, 5, ())
