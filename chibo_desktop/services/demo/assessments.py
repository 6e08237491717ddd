"""Demo data for assessments (part of `chibo demo`): three past years, and the cell's own."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

from sqlite_utils import Database

from ...domain.assessment import Assessment, CellAssessment, level_for_score, scale_for_year
from ...rules.assessment import scales
from ...storage import members as member_store
from ..assessments.year_end import save_assessment, save_cell_assessment, to_be_assessed
from ..members.register import state_of

NOTES = ["", "", "", "Tích cực trong công tác khu phố", "Cần tham gia sinh hoạt đều hơn"]


def add_demo(db: Database, today: dt.date, rng: random.Random) -> None:
    """Add this feature's part of the demo cell; runs inside fill_demo's transaction."""
    last = today.year if today.month == 12 else today.year - 1
    members = member_store.all_members(db)
    histories = member_store.all_status_histories(db)
    for year in range(last - 2, last + 1):
        scale = scale_for_year(scales(), year)
        due = [
            m
            for m in members
            if to_be_assessed(state_of(m, histories.get(m.id, []), dt.date(year, 12, 31)))
        ]
        # The latest year is not finished: one member is still waiting for the result.
        if year == last and due:
            due = due[:-1]
        excellent = 0
        for member in due:
            a = _one(member.id, year, scale, rng)
            if a.proposed_level == "xuat_sac":
                excellent += 1
                if excellent > 2:  # the cell keeps within the quota
                    a = replace(a, proposed_level="tot", final_level="tot", notes="Theo tỷ lệ")
                    a = replace(a, conditions=a.conditions | _keys(scale, "tot"))
            save_assessment(db, a)
        levels = [lv.key for lv in scale.levels]
        save_cell_assessment(db, CellAssessment(year, scale.key, levels[1], levels[1]))


def _one(member_id: int, year: int, scale, rng: random.Random) -> Assessment:
    score = None
    if scale.points:
        score = float(rng.choice([92, 88, 85, 82, 80, 78, 75, 72, 65, 91]))
        level = level_for_score(scale, score)
    else:
        level = rng.choice(["tot", "tot", "tot", "hoan_thanh", "xuat_sac"])
    proposed = level
    # The conditions of the level given are met (QĐ 366: a level needs them beside the score).
    level_rule = scale.level(level)
    met = frozenset(c.key for c in level_rule.conditions) if level_rule else frozenset()
    return Assessment(
        member_id,
        year,
        scale.key,
        self_score=score,
        self_level=level,
        proposed_level=proposed,
        final_level=proposed,
        notes=rng.choice(NOTES),
        conditions=met,
    )


def _keys(scale, level: str) -> frozenset[str]:
    rule = scale.level(level)
    return frozenset(c.key for c in rule.conditions) if rule else frozenset()
