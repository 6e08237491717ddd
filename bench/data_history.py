"""Ten years of a generated cell's life: monthly minutes with attendance, and assessments.

The bulk path: each member's state is derived once per status change (not once per member
per meeting, which is what ``services.meetings.new_meeting`` does for one meeting), and
rows go in through the repositories ``storage.meetings.insert``/``set_status`` and
``storage.assessments.save``, with their change-log lines, as the services write them.
Texts, agenda, title and counts come from the same domain functions the services use.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random

from chibo_desktop.domain.dates import add_months

USER = "bithu"
PLACE = "Nhà văn hóa Khu phố 3"
CONCLUSION = "Chi bộ thống nhất, giao các đồng chí chi ủy theo dõi, đôn đốc."
OPENING = (
    "Đồng chí chủ trì nêu mục đích, yêu cầu của buổi sinh hoạt, giới thiệu đại biểu, "
    "thông báo số đảng viên có mặt và chương trình sinh hoạt; chi bộ nhất trí thông qua."
)


class Timeline:
    """Every member's state on any date, from states computed at their change dates."""

    def __init__(self, db) -> None:
        from chibo_desktop.domain.text import name_sort_key
        from chibo_desktop.services.members.register import state_of
        from chibo_desktop.storage import members as member_store

        histories = member_store.all_status_histories(db)
        self.members = sorted(
            member_store.all_members(db), key=lambda m: name_sort_key(m.full_name)
        )
        self.points: dict[int, tuple[list[dt.date], list]] = {}
        for member in self.members:
            history = histories.get(member.id, [])
            dates = sorted({c.date for c in history})
            self.points[member.id] = (dates, [state_of(member, history, d) for d in dates])

    def at(self, date: dt.date):
        """(member, state) of everyone in the cell on ``date``, in name order."""
        found = []
        for member in self.members:
            dates, states = self.points[member.id]
            index = bisect.bisect_right(dates, date) - 1
            if index >= 0 and states[index].in_cell:
                found.append((member, states[index]))
        return found


def history(db, *, years: int, seed: int, today: dt.date) -> None:
    """Meetings and assessments for ``years`` years, where those tables exist."""
    tables = set(db.table_names())
    rng = random.Random(f"{seed}:history")
    timeline = Timeline(db)
    with db.atomic():
        if {"meetings", "attendance"} <= tables:
            add_meetings(db, timeline, years=years, rng=rng, today=today)
        if "assessments" in tables:
            add_assessments(db, timeline, years=years, rng=rng, today=today)


def meeting_dates(years: int, today: dt.date) -> list[tuple[dt.date, tuple[str, ...]]]:
    """A regular meeting on the 5th of every month, a thematic one in April and October."""
    plan = []
    month = dt.date(today.year - years, today.month, 1)
    while month <= today:
        if month.replace(day=5) <= today:
            plan.append((month.replace(day=5), ("thuong_ky",)))
        if month.month in (4, 10) and month.replace(day=20) <= today:
            plan.append((month.replace(day=20), ("chuyen_de",)))
        month = add_months(month, 1)
    return plan


def add_meetings(db, timeline: Timeline, *, years: int, rng, today: dt.date) -> list[int]:
    from chibo_desktop.domain import meetings as dm
    from chibo_desktop.rules.meetings import meeting_rules
    from chibo_desktop.services.demo import meetings as texts
    from chibo_desktop.services.meetings.minutes import search_text
    from chibo_desktop.storage import changelog
    from chibo_desktop.storage import meetings as store

    rules = meeting_rules()
    ids = []
    plan = meeting_dates(years, today)
    for index, (date, kinds) in enumerate(plan):
        attendance = []
        for member, state in timeline.at(date):
            person = dm.Attendee(
                member_id=member.id,
                name=member.full_name,
                state=dm.default_state(state.condition),
                position=member.position,
                membership=state.membership or "chinh_thuc",
                attachment=state.attachment,
                condition=state.condition,
            )
            roll = rng.random()
            if person.state == "present" and roll < 0.07:
                person.state, person.reason = "excused", rng.choice(texts.REASONS)
            elif person.state == "present" and roll < 0.08:
                person.state = "absent"
            attendance.append(person)
        meeting = dm.Meeting(date=date, kinds=kinds, place=PLACE, start_time="19:30")
        meeting.end_time = rng.choice(["21:15", "21:30", "21:00", "21:45"])
        meeting.number = f"Số {date.month:02d}-BB/CB"
        meeting.attendance = attendance
        by_position = {a.position: a for a in attendance if a.position}
        for role, prefix in (("Bí thư", "chair"), ("Chi ủy viên", "secretary")):
            person = by_position.get(role)
            if person is not None:
                setattr(meeting, f"{prefix}_id", person.member_id)
                setattr(meeting, f"{prefix}_name", person.name)
                setattr(meeting, f"{prefix}_position", role)
        meeting.agenda = dm.agenda_template(rules, kinds)
        for number, item in enumerate(meeting.agenda):
            item.content = texts.CONTENT[(number + index) % len(texts.CONTENT)]
            if number % 2:
                item.conclusion = CONCLUSION
        if "chuyen_de" in kinds:
            meeting.topic = texts.TOPICS[index % len(texts.TOPICS)][0]
            meeting.presenter = meeting.chair_name
        meeting.title = dm.summary_line(rules, meeting)
        meeting.opening = OPENING
        meeting.documents = rng.sample(texts.DOCUMENTS, 2)
        present = [a for a in attendance if a.state == "present"]
        meeting.discussions = [
            dm.Discussion(p.name, rng.choice(texts.SPEECHES), p.member_id, 1)
            for p in rng.sample(present, min(len(present), rng.randint(2, 5)))
        ]
        counts = dm.compute_counts(attendance, rules)
        votes = min(max(counts.present_official - rng.randint(0, 2), 0), counts.voting_base)
        meeting.resolutions = [
            dm.Resolution(
                f"Thông qua phương hướng, nhiệm vụ tháng {add_months(date, 1).month}",
                votes,
                rng.randint(0, 1),
                0,
            )
        ]
        meeting.approval_for, meeting.approval_against, meeting.approval_abstain = (
            counts.present,
            0,
            0,
        )
        meeting_id = store.insert(db, meeting, search_text(meeting))
        changelog.record(db, USER, "meeting", meeting_id, [("created", None, meeting.title)])
        if index < len(plan) - 1:  # the latest minutes are still a draft
            store.set_status(db, meeting_id, "final", "finalise", USER)
        ids.append(meeting_id)
    return ids


def add_assessments(db, timeline: Timeline, *, years: int, rng, today: dt.date) -> None:
    from chibo_desktop.domain.assessment import (
        Assessment,
        CellAssessment,
        level_for_score,
        scale_for_year,
    )
    from chibo_desktop.rules.assessment import scales
    from chibo_desktop.services.assessments.year_end import to_be_assessed
    from chibo_desktop.storage import assessments as store
    from chibo_desktop.storage import changelog

    last = today.year - 1
    for year in range(last - years + 1, last + 1):
        scale = scale_for_year(scales(), year)
        for member, state in timeline.at(dt.date(year, 12, 31)):
            if not to_be_assessed(state):
                continue
            score = None
            if scale.points:
                score = float(rng.choice([95, 92, 88, 85, 82, 80, 78, 75, 72, 65]))
                level = level_for_score(scale, score)
            else:
                level = rng.choice(["tot", "tot", "tot", "hoan_thanh", "xuat_sac"])
            final = "tot" if level == "xuat_sac" and rng.random() < 0.5 else level
            store.save(db, Assessment(member.id, year, scale.key, score, level, final, final))
            changelog.record(db, USER, "assessment", member.id, [(f"{year}.final", None, final)])
        middle = scale.levels[1].key
        store.save_cell(db, CellAssessment(year, scale.key, middle, middle))
