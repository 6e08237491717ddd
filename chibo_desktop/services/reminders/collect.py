"""What needs the secretary's attention now (the home page and `chibo reminders`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from sqlite_utils import Database

from ...domain import facts
from ...domain.attendance import missed_in_a_row
from ...domain.deadlines import assessment_reference_date, step_status, to_be_assessed
from ...domain.meetings import is_regular_kinds
from ...domain.status import MemberState
from ...domain.text import names_in_brief
from ...i18n import _, format_date, ngettext
from ...rules.badges import badge_rules
from ...storage import campaigns as campaign_store
from ...storage import report_queries
from ..contract.context import today as _today
from ..dues.reminders import dues_reminders
from ..members.states import BriefMember, StateDeriver, brief_members, change_lists
from . import status_rules as rule_reminders

CAMPAIGN_WARN_DAYS = 7
# From 1 December the year's assessment is due; until the end of March a missing result
# of the year before is still reminded.
ASSESSMENT_FROM_MONTH = 12
ASSESSMENT_LATE_UNTIL_MONTH = 3
# Meetings looked at for absences in a row, beyond the number that triggers the reminder
# (members exempt or away at some of them are skipped over).
ABSENCE_LOOKBACK = 6


@dataclass(frozen=True)
class Reminder:
    # probation | badge | meeting | thematic | campaign | absence | assessment | status |
    # transfer | dues
    kind: str
    urgency: str  # overdue | soon
    text: str
    record: str  # member | meeting | campaign | assessment | dues — what the line opens
    record_id: int | str | None  # dues: the month, "YYYY-MM"
    date: dt.date | None = None

    def as_dict(self) -> dict:
        return asdict(self)


class _Register:
    """Members and status histories read once; states derived on the dates asked for."""

    def __init__(self, db: Database) -> None:
        self.members = brief_members(db)
        self.histories = change_lists(db)
        self._derive = StateDeriver()
        self._at: dict[dt.date, list[tuple[BriefMember, MemberState]]] = {}

    def at(self, on: dt.date) -> list[tuple[BriefMember, MemberState]]:
        if on not in self._at:
            state = self._derive.state
            histories = self.histories
            pairs = ((m, state(histories.get(m.id, ()), on, m.official_date)) for m in self.members)
            self._at[on] = [(m, s) for m, s in pairs if s.in_cell]
        return self._at[on]


def reminders(db: Database, today: dt.date | None = None) -> list[Reminder]:
    """Everything due now, most urgent first. Reads each table once (no query per member)."""
    today = today or _today()
    rules = badge_rules()
    register = _Register(db)
    present = register.at(today)
    result: list[Reminder] = []
    result += _probation(present, today, rules)
    result += _badges(present, today, rules, _badge_early(register))
    result += _regular_meeting(db, today)
    result += _campaign_steps(db, today)
    result += _absences(db, present, today)
    result += _assessment(db, register, today)
    result += rule_reminders.limit_reminders(register, today, Reminder)
    result += rule_reminders.deadline_reminders(register, today, Reminder)
    result += rule_reminders.thematic_reminder(db, today, Reminder)
    result += dues_reminders(db, today, Reminder)
    order = {"overdue": 0, "soon": 1}
    result.sort(key=lambda r: (order.get(r.urgency, 2), r.date or dt.date.max))
    return result


def _probation(present, today, rules) -> list[Reminder]:
    out = []
    for member, state in present:
        if state.membership != "du_bi":
            continue
        p = facts.probation(member.join_date, state.membership, today, rules)
        if p is None or not (p.due_soon or p.overdue):
            continue
        if p.overdue:
            text = ngettext(
                "{name}: hết thời hạn dự bị từ {date}, quá {n} ngày chưa xét công nhận chính thức.",
                "{name}: hết thời hạn dự bị từ {date}, quá {n} ngày chưa xét công nhận chính thức.",
                -p.days_left,
            ).format(name=member.full_name, date=format_date(p.ends_on), n=-p.days_left)
        else:
            text = ngettext(
                "{name}: hết thời hạn dự bị ngày {date} (còn {n} ngày), chuẩn bị xét "
                "công nhận chính thức.",
                "{name}: hết thời hạn dự bị ngày {date} (còn {n} ngày), chuẩn bị xét "
                "công nhận chính thức.",
                p.days_left,
            ).format(name=member.full_name, date=format_date(p.ends_on), n=p.days_left)
        out.append(
            Reminder(
                "probation",
                "overdue" if p.overdue else "soon",
                text,
                "member",
                member.id,
                p.ends_on,
            )
        )
    return out


def _badge_early(register: _Register) -> set[int]:
    """Members recorded as seriously ill: their badges may be awarded early."""
    from ...rules.statuses import status_rules

    early = {key for key, rule in status_rules().items() if rule.badge_early}
    return {
        member_id
        for member_id, history in register.histories.items()
        if any(kind in early for kind, _date in history)
    }


def _badges(present, today, rules, early: set[int]) -> list[Reminder]:
    """Milestones reached on or before the next award day (3/2, 19/5, 2/9, 7/11); for a
    seriously ill member, up to 12 or 24 months early (badges.toml [early_award])."""
    award = facts.next_award_date(today, rules)
    out = []
    badges: dict[str | None, facts.Badge | None] = {}  # many members joined on the same day
    # A badge given on the next award day was reached between last year and next year;
    # members who joined in other years are skipped without reading their dates.
    years = {today.year - m + d for m in rules.milestones for d in (-1, 0, 1)}
    for member, state in present:
        if state.attachment != "official":
            continue
        if member.id in early:
            badge = facts.next_badge(member.join_date, today, rules, seriously_ill=True)
            if badge is not None and badge.award_date == award and badge.reached_on > award:
                out.append(_early_badge(member, badge))
                continue
        joined = member.join_date
        if joined and joined[:4].isdigit() and int(joined[:4]) not in years:
            continue
        if member.join_date in badges:
            badge = badges[member.join_date]
        else:
            badge = badges[member.join_date] = facts.next_badge(member.join_date, today, rules)
        if badge is None or badge.award_date != award:
            continue
        text = _(
            "{name}: đủ {n} năm tuổi Đảng ngày {reached}, đề nghị tặng Huy hiệu "
            "{n} năm dịp {award}."
        ).format(
            name=member.full_name,
            n=badge.years,
            reached=format_date(badge.reached_on),
            award=format_date(badge.award_date),
        )
        out.append(Reminder("badge", "soon", text, "member", member.id, badge.award_date))
    return out


def _early_badge(member, badge: facts.Badge) -> Reminder:
    text = _(
        "{name}: bị bệnh nặng, đủ {n} năm tuổi Đảng ngày {reached}; có thể đề nghị tặng sớm "
        "Huy hiệu {n} năm dịp {award}."
    ).format(
        name=member.full_name,
        n=badge.years,
        reached=format_date(badge.reached_on),
        award=format_date(badge.award_date),
    )
    return Reminder("badge", "soon", text, "member", member.id, badge.award_date)


def _regular_meeting(db, today) -> list[Reminder]:
    first = today.replace(day=1)
    nxt = (first + dt.timedelta(days=32)).replace(day=1)
    month = report_queries.meetings_between(db, first, nxt - dt.timedelta(days=1))
    regular = [m for m in month if is_regular_kinds(m["kinds"])]
    if any(dt.date.fromisoformat(m["date"]) <= today for m in regular):
        return []
    planned = regular[0] if regular else None
    if planned:
        text = _(
            "Sinh hoạt chi bộ thường kỳ tháng {m}/{y} chưa tổ chức (dự kiến ngày {d})."
        ).format(m=today.month, y=today.year, d=format_date(dt.date.fromisoformat(planned["date"])))
    else:
        text = _("Chưa có biên bản sinh hoạt chi bộ thường kỳ tháng {m}/{y}.").format(
            m=today.month, y=today.year
        )
    return [
        Reminder(
            "meeting",
            "soon",
            text,
            "meeting",
            planned["id"] if planned else None,
            nxt - dt.timedelta(days=1),
        )
    ]


def _campaign_steps(db, today) -> list[Reminder]:
    out = []
    for row in campaign_store.campaigns(db):
        for step in campaign_store.steps(db, row["id"]):
            due = dt.date.fromisoformat(step["due"]) if step["due"] else None
            done = dt.date.fromisoformat(step["done_date"]) if step["done_date"] else None
            if due is None or step_status(step["status"], due, done, today) == "done":
                continue
            days = (due - today).days
            if days < 0:
                text = _("{step} — quá hạn từ {date} ({campaign}).").format(
                    campaign=row["title"], step=step["title"], date=format_date(due)
                )
                urgency = "overdue"
            elif days <= CAMPAIGN_WARN_DAYS:
                text = _("{step} — đến hạn ngày {date} ({campaign}).").format(
                    campaign=row["title"], step=step["title"], date=format_date(due)
                )
                urgency = "soon"
            else:
                continue
            out.append(Reminder("campaign", urgency, text, "campaign", row["id"], due))
    return out


def _absences(db, present, today) -> list[Reminder]:
    from ..reports.meetings import Thresholds

    # The meeting reports' limit; it is not one of the values read from meetings.toml, so
    # the home page does not need to load those rules (≈ 10 ms at start-up).
    limit = Thresholds().max_missed_in_a_row
    recent = report_queries.latest_attendance(db, today, limit + ABSENCE_LOOKBACK)
    out = []
    for member, _state in present:
        rows = recent.get(member.id, [])
        run = missed_in_a_row(r["state"] for r in rows)
        if run >= limit:
            text = _("{name}: vắng {n} buổi sinh hoạt liên tiếp.").format(
                name=member.full_name, n=run
            )
            out.append(
                Reminder(
                    "absence",
                    "overdue",
                    text,
                    "member",
                    member.id,
                    dt.date.fromisoformat(rows[0]["date"]),
                )
            )
    return out


def _assessment(db, register: _Register, today) -> list[Reminder]:
    """Members still in the cell who were due an assessment of the year and have none."""
    if today.month >= ASSESSMENT_FROM_MONTH:
        year = today.year
    elif today.month <= ASSESSMENT_LATE_UNTIL_MONTH:
        year = today.year - 1
    else:
        return []
    still_here = {m.id for m, _s in register.at(today)}
    due = [
        m
        for m, s in register.at(assessment_reference_date(year, today))
        if to_be_assessed(s) and m.id in still_here
    ]
    done = report_queries.assessed_ids(db, year)
    missing = [m for m in due if m.id not in done]
    if not missing:
        return []
    names = names_in_brief([m.full_name for m in missing], 3)
    text = ngettext(
        "{n} đảng viên chưa có kết quả xếp loại năm {year}: {names}.",
        "{n} đảng viên chưa có kết quả xếp loại năm {year}: {names}.",
        len(missing),
    ).format(n=len(missing), year=year, names=names)
    return [
        Reminder(
            "assessment",
            "overdue" if year < today.year else "soon",
            text,
            "assessment",
            year,
            dt.date(year, 12, 31),
        )
    ]


@dataclass(frozen=True)
class HomeData:
    info: object  # services.info.FileInfo
    reminders: list[Reminder]


def home_data(db: Database, today: dt.date | None = None) -> HomeData:
    from ..cell.summary import file_info

    return HomeData(file_info(db), reminders(db, today))
