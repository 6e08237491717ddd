"""Reports upward and the home page's reminders on a large cell.

Targets: with 2,000 members and ten years of monthly minutes and assessments, every report
is written in under 2 s as Excel and under 3 s as PDF (median of 5 runs, the whole path
``services.reports.build_report`` takes: figures from the database, layout, durable write);
the reminders are computed in under 0.5 s. No reference: the targets are absolute.
Quick mode uses 150 members and two years.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from . import data
from .common import median_time, result

TODAY = data.TODAY  # 15/03/2026
QUARTER = (dt.date(2026, 1, 1), TODAY)
YEAR = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
PERIODS = {
    "members": QUARTER,
    "situation": QUARTER,
    "assessment": YEAR,
    "meetings": YEAR,
    "campaign": QUARTER,
}
LIMITS = {".xlsx": 2.0, ".pdf": 3.0}


def _add_campaign(db) -> None:
    from chibo_desktop.services.campaigns.campaign import (
        campaign_state,
        create_campaign,
        update_step,
    )

    campaign_id = create_campaign(db, "tu_soi_tu_sua", dt.date(2026, 1, 10), today=TODAY).value
    steps = campaign_state(db, campaign_id, TODAY).steps
    for step in steps[: len(steps) // 2]:
        update_step(db, step.id, done=step.due or TODAY)


def run(quick: bool) -> list[dict]:
    from chibo_desktop.services.contract.results import run_to_end
    from chibo_desktop.services.reminders.collect import reminders
    from chibo_desktop.services.reports.catalog import build_report
    from chibo_desktop.storage.database import open_database

    members, years = (150, 2) if quick else (2_000, 10)
    size = f"{members:,} members, {years} years"
    rows = []
    with tempfile.TemporaryDirectory(prefix="chibo-bench-reports-") as tmp:
        folder = Path(tmp)
        path = data.database(folder / "cell.sqlite", members=members, years=years)
        db = open_database(path)
        try:
            _add_campaign(db)
            for name, (start, end) in PERIODS.items():
                for suffix, limit in LIMITS.items():
                    out = folder / f"{name}{suffix}"

                    def build(name=name, start=start, end=end, out=out) -> None:
                        run_to_end(build_report(db, name, start, end, out, TODAY))

                    seconds = median_time(build, runs=5)
                    rows.append(
                        result(
                            f"report {name} {suffix[1:]} ({size})",
                            seconds,
                            reference="",
                            target=f"< {limit:g} s",
                            max_s=limit,
                        )
                    )
            seconds = median_time(lambda: reminders(db, TODAY), runs=5)
            rows.append(
                result(
                    f"home page reminders ({size})",
                    seconds,
                    reference="",
                    target="< 0.5 s",
                    max_s=0.5,
                )
            )
        finally:
            db.close()
    return rows
