"""Reminders that follow the status rules' limits and deadlines (tạm miễn sinh hoạt and
temporary transfers that must end, official transfers due within working days) and the
meeting cadence (a thematic meeting at least every quarter)."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from ...domain.dates import add_months
from ...domain.status import StatusRule
from ...domain.working_days import add_working_days
from ...i18n import _, format_date
from ...rules.holidays import holidays
from ...rules.statuses import status_rules
from ...storage import report_queries

LIMIT_WARN_DAYS = 30


def limit_reminders(register, today: dt.date, reminder) -> list:
    """States with a time limit (tạm miễn under 12 months, temporary transfer under 1 year
    or 2 years for study): from a month before the limit, and after it."""
    rules = status_rules()
    out = []
    for member, state in register.at(today):
        started = _started(register.histories.get(member.id, ()), state.condition, rules)
        if started is None:
            continue
        rule, since = started
        ends = add_months(since, rule.limit_months)
        days = (ends - today).days
        if days > LIMIT_WARN_DAYS:
            continue
        text = _(
            "{name}: {change} từ {since}; thời hạn {n} tháng đến {end}: xem xét cho trở lại "
            "sinh hoạt, gia hạn hoặc chuyển sinh hoạt."
        ).format(
            name=member.full_name,
            change=_(rule.label),
            since=format_date(since),
            n=rule.limit_months,
            end=format_date(ends),
        )
        out.append(
            reminder("status", "overdue" if days < 0 else "soon", text, "member", member.id, ends)
        )
    return out


def _started(
    history, condition: str, rules: dict[str, StatusRule]
) -> tuple[StatusRule, dt.date] | None:
    """The change with a time limit that put the member in ``condition`` (the last one)."""
    found = None
    for kind, date in history:
        rule = rules.get(kind)
        if rule is not None and rule.condition is not None:
            found = (rule, dt.date.fromisoformat(date)) if rule.limit_months else None
    if found is None or found[0].condition != condition:
        return None
    return found


def deadline_reminders(register, today: dt.date, reminder) -> list:
    """Steps due within working days after a change: the official transfer started within
    60 working days of the decision (until it is recorded); the transfer letter presented
    within 30 working days (while that time runs)."""
    rules = status_rules()
    names = {m.id: m.full_name for m in register.members}
    out = []
    for member_id, history in register.histories.items():
        for position, (kind, date) in enumerate(history):
            rule = rules.get(kind)
            if rule is None or not rule.deadline_working_days:
                continue
            start = dt.date.fromisoformat(date)
            if start > today:
                continue
            met = rule.until and any(k == rule.until for k, _d in history[position + 1 :])
            if met:
                continue
            found = holidays()
            span_end = start + dt.timedelta(days=rule.deadline_working_days * 2 + 30)
            due = add_working_days(
                start, rule.deadline_working_days, found.between(start, span_end)
            )
            if not rule.until and due < today:
                continue  # nothing left for the cell to do
            missing = found.years_without_announced_days(start, due)
            text = _(
                "{name}: {change} ngày {start}; hạn {what}: {due} ({n} ngày làm việc)."
            ).format(
                name=names.get(member_id, ""),
                change=_(rule.label),
                start=format_date(start),
                what=_(rule.deadline_label or rule.label),
                due=format_date(due),
                n=rule.deadline_working_days,
            )
            if missing:
                text += " " + _("(Chưa tính ngày nghỉ Tết, lễ riêng của năm {years}.)").format(
                    years=", ".join(str(y) for y in missing)
                )
            urgency = "overdue" if due < today else "soon"
            out.append(reminder("transfer", urgency, text, "member", member_id, due))
    return out


def thematic_reminder(db: Database, today: dt.date, reminder) -> list:
    """A thematic meeting at least once a quarter: reminded in the quarter's last month when
    none is recorded yet, and in the next quarter's first month when the last one had none."""
    quarter_start = dt.date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
    quarter_end = add_months(quarter_start, 3) - dt.timedelta(days=1)
    if today.month % 3 == 0:
        start, end, urgency = quarter_start, quarter_end, "soon"
    elif today.month % 3 == 1:
        end = quarter_start - dt.timedelta(days=1)
        start, urgency = add_months(end.replace(day=1), -2), "overdue"
    else:
        return []
    meetings = report_queries.meetings_between(db, start, end)
    if any("chuyen_de" in m["kinds"] for m in meetings):
        return []
    quarter = (start.month - 1) // 3 + 1
    text = _(
        "Quý {q}/{y} chưa có buổi sinh hoạt chi bộ chuyên đề (ít nhất mỗi quý một lần)."
    ).format(q=quarter, y=start.year)
    return [reminder("thematic", urgency, text, "meeting", None, end)]
