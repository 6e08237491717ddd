"""The committee's reminders: cells with no package for the period, cells whose meetings
fell below the cadence, campaigns behind schedule."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from ...i18n import _, format_date, format_percent
from ..contract.context import today as _today
from ..reminders.collect import Reminder
from .overview import cell_lines, expected_period_end


def committee_reminders(db: Database, today: dt.date | None = None) -> list[Reminder]:
    on = today or _today()
    due = expected_period_end(on)
    out: list[Reminder] = []
    lines = cell_lines(db, on)
    for line in lines:
        if line.late:
            out.append(
                Reminder(
                    "package",
                    "overdue",
                    _(
                        "{cell}: chưa gửi gói báo cáo đến ngày {due} (gói gần nhất đến {end})."
                    ).format(
                        cell=line.name, due=format_date(due), end=format_date(line.period_end)
                    ),
                    "cell",
                    None,
                    line.period_end,
                )
            )
        if line.regular_months_missing:
            out.append(
                Reminder(
                    "meeting",
                    "overdue",
                    _("{cell}: chưa sinh hoạt thường kỳ tháng {months}.").format(
                        cell=line.name, months=", ".join(line.regular_months_missing)
                    ),
                    "cell",
                    None,
                )
            )
        if line.campaign_overdue:
            out.append(
                Reminder(
                    "campaign",
                    "overdue",
                    _("{cell}: đợt “{title}” có {n} bước quá hạn (tiến độ {progress}).").format(
                        cell=line.name,
                        title=line.campaign,
                        n=line.campaign_overdue,
                        progress=format_percent(line.campaign_progress or 0.0),
                    ),
                    "cell",
                    None,
                )
            )
    if not lines:
        out.append(
            Reminder(
                "package", "soon", _("Chưa nhận được gói báo cáo của chi bộ nào."), "cell", None
            )
        )
    return out
