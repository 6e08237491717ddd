"""Party badge milestones and probation length (resources/rules/badges.toml)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from ..domain.facts import BadgeRules
from .loader import RuleFileError, check_table, load_toml_text, rules_path


def load_badge_rules(path: Path | None = None) -> BadgeRules:
    path = path or rules_path("badges.toml")
    data, text = load_toml_text(path)
    check_table(
        data,
        {
            "title": str,
            "source": str,
            "valid_from": dt.date,
            "milestones": list,
            "award_days": list,
            "probation": dict,
            "early_award": dict,
        },
        required=("milestones", "award_days"),
        path=path,
        text=text,
    )
    probation = data.get("probation", {})
    check_table(probation, {"months": int, "warn_days": int}, path=path, text=text)
    early = data.get("early_award", {})
    check_table(early, {"seriously_ill": list}, path=path, text=text, where=" [early_award]")
    try:
        seriously_ill = tuple(
            (int(a), int(b), int(m)) for a, b, m in early.get("seriously_ill", [])
        )
    except (TypeError, ValueError) as exc:
        raise RuleFileError(
            path, "seriously_ill phải là danh sách [từ mốc, đến mốc, số tháng]"
        ) from exc
    try:
        award_days = tuple((int(m), int(d)) for m, d in data["award_days"])
        for month, day in award_days:
            dt.date(2000, month, day)
    except (TypeError, ValueError) as exc:
        raise RuleFileError(path, "award_days phải là danh sách [tháng, ngày]") from exc
    return BadgeRules(
        milestones=tuple(sorted(int(y) for y in data["milestones"])),
        award_days=award_days,
        early_if_seriously_ill=seriously_ill,
        probation_months=probation.get("months", 12),
        probation_warn_days=probation.get("warn_days", 30),
    )


@cache
def badge_rules() -> BadgeRules:
    return load_badge_rules()
