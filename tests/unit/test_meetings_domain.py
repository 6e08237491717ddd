"""Attendance counts, the voting base and the quality warnings of a meeting."""

import datetime as dt

import pytest

from chibo_desktop.domain.meeting_checks import blocking_problems
from chibo_desktop.domain.meetings import (
    Attendee,
    Meeting,
    Resolution,
    compute_counts,
    excused_streaks,
    threshold_for,
    vote_passed,
    warnings,
)
from chibo_desktop.rules.meetings import meeting_rules

RULES = meeting_rules()


def person(
    n,
    state="present",
    membership="chinh_thuc",
    attachment="official",
    condition="normal",
    reason="",
):
    return Attendee(n, f"Người {n}", state, reason, "", membership, attachment, condition)


# (attendee, in base, counted present, summoned, bucket)
CASES = [
    (person(1), True, True, True, "official"),
    (person(2, "excused", reason="Ốm"), False, False, True, "official"),
    (person(3, "absent"), True, False, True, "official"),
    (person(4, membership="du_bi"), False, True, True, "probationary"),
    (person(5, "excused", membership="du_bi", reason="Ốm"), False, False, True, "probationary"),
    (person(6, "absent", membership="du_bi"), False, False, True, "probationary"),
    (person(7, attachment="temporary"), False, True, True, "temporary"),
    (person(8, "exempt", condition="exempt"), False, False, False, "official"),
    (person(9, "present", condition="exempt"), True, True, False, "official"),
    (person(10, "away", condition="temp_out"), False, False, False, "official"),
    (person(11, "away", condition="suspended"), False, False, False, "official"),
    (
        person(12, "exempt", membership="du_bi", condition="exempt"),
        False,
        False,
        False,
        "probationary",
    ),
    (
        person(13, "present", membership="du_bi", condition="exempt"),
        False,
        True,
        False,
        "probationary",
    ),
]


@pytest.mark.parametrize("attendee, in_base, present, summoned, bucket", CASES)
def test_each_status_alone(attendee, in_base, present, summoned, bucket):
    counts = compute_counts([attendee], RULES)
    assert counts.voting_base == int(in_base)
    assert counts.present == int(present)
    assert counts.summoned == int(summoned)
    assert counts.total == 1
    assert (counts.total_official, counts.total_probationary, counts.total_temporary) == {
        "official": (1, 0, 0),
        "probationary": (0, 1, 0),
        "temporary": (0, 0, 1),
    }[bucket]


def test_all_statuses_together():
    counts = compute_counts([c[0] for c in CASES], RULES)
    assert counts.total == 13
    assert (counts.total_official, counts.total_probationary, counts.total_temporary) == (
        7,
        5,
        1,
    )
    assert counts.exempt == 4
    assert counts.away == 1
    assert counts.suspended == 1
    assert counts.present == 5
    assert (counts.present_official, counts.present_probationary, counts.present_temporary) == (
        2,
        2,
        1,
    )
    assert counts.exempt_present == 2
    assert counts.excused == (("Người 2", "Ốm"), ("Người 5", "Ốm"))
    assert counts.absent == ("Người 3", "Người 6")
    assert counts.voting_base == 3  # 1, 3 (absent without reason still counts), 9
    assert counts.threshold == 2
    assert counts.summoned == 7


@pytest.mark.parametrize(
    "base, threshold", [(0, 0), (1, 1), (2, 2), (3, 2), (9, 5), (10, 6), (22, 12), (23, 12)]
)
def test_threshold_is_more_than_half(base, threshold):
    assert threshold_for(base, 0.5) == threshold


def test_vote_passes_only_above_half_of_the_base():
    counts = compute_counts([person(i) for i in range(10)], RULES)
    assert counts.voting_base == 10
    assert not vote_passed(5, counts)
    assert vote_passed(6, counts)
    empty = compute_counts([person(1, membership="du_bi")], RULES)
    assert empty.voting_base == 0
    assert not vote_passed(0, empty)


def meeting(attendance, start="19:30", end="21:30", kinds=("thuong_ky",)):
    return Meeting(
        dt.date(2026, 3, 5), kinds, start_time=start, end_time=end, attendance=attendance
    )


def test_attendance_at_85_percent_is_flagged_and_above_is_not():
    flagged = [person(i) for i in range(17)] + [
        person(100 + i, "excused", reason="Ốm") for i in range(3)
    ]
    m = meeting(flagged)
    found = warnings(m, compute_counts(flagged, RULES), RULES, [flagged])
    assert any("85%" in w for w in found)
    fine = [person(i) for i in range(18)] + [person(100 + i, "excused") for i in range(2)]
    assert warnings(meeting(fine), compute_counts(fine, RULES), RULES, [fine]) == []


def test_exempt_member_who_came_does_not_raise_the_rate():
    people = [person(i) for i in range(17)] + [person(50, "excused") for _ in range(1)]
    people += [person(60, "excused"), person(70, "excused")]
    people.append(person(80, "present", condition="exempt"))
    counts = compute_counts(people, RULES)
    assert counts.attendance_rate == pytest.approx(17 / 20)


def test_unexcused_absence_is_flagged_by_name():
    people = [person(i) for i in range(20)] + [person(99, "absent")]
    found = warnings(meeting(people), compute_counts(people, RULES), RULES, [people])
    assert "Có đảng viên vắng không lý do: Người 99." in found


def test_absent_with_reason_more_than_three_times_in_a_row():
    def month(state):
        return [person(1), person(2, state, reason="Ốm")]

    history = [month("excused")] * 4
    found = warnings(meeting(history[-1]), compute_counts(history[-1], RULES), RULES, history)
    assert "Đồng chí Người 2 vắng có lý do 4 lần liên tiếp trong năm." in found
    assert not any(
        "liên tiếp" in w
        for w in warnings(
            meeting(history[-1]), compute_counts(history[-1], RULES), RULES, history[:3]
        )
    )
    broken = [
        month("excused"),
        month("excused"),
        month("present"),
        month("excused"),
        month("excused"),
    ]
    assert excused_streaks(broken)[2] == ("Người 2", 2)


@pytest.mark.parametrize(
    "start, end, kinds, flagged",
    [
        ("19:30", "21:00", ("thuong_ky",), False),
        ("19:30", "20:45", ("thuong_ky",), True),
        ("19:30", "21:00", ("thuong_ky", "chuyen_de"), True),
        ("19:30", "21:30", ("thuong_ky", "chuyen_de"), False),
        ("19:30", "", ("thuong_ky",), False),
    ],
)
def test_minimum_duration(start, end, kinds, flagged):
    people = [person(1)]
    found = warnings(meeting(people, start, end, kinds), compute_counts(people, RULES), RULES)
    assert any("phút" in w for w in found) == flagged


def test_more_votes_than_voters_is_flagged():
    people = [person(1), person(2)]
    m = meeting(people)
    m.resolutions = [Resolution("Thông qua", 3, 0, 0)]
    found = blocking_problems(m, compute_counts(people, RULES))
    assert any("3 phiếu" in w for w in found)
