"""Meeting kinds, agenda templates and thresholds (resources/rules/meetings.toml)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from ..domain.meetings import KindRule, MeetingRules
from .loader import RuleFileError, check_table, load_toml_text, rules_path


def load_meeting_rules(path: Path | None = None) -> MeetingRules:
    path = path or rules_path("meetings.toml")
    data, text = load_toml_text(path)
    check_table(
        data,
        {
            "title": str,
            "source": str,
            "valid_from": dt.date,
            "voting": dict,
            "quality": dict,
            "duration": dict,
            "preparation": dict,
            "kinds": list,
        },
        required=("kinds",),
        path=path,
        text=text,
    )
    voting = data.get("voting", {})
    check_table(
        voting,
        {
            "source": str,
            "majority": float,
            "probationary_vote": bool,
            "temporary_in_base": bool,
            "exclude_excused": bool,
            "history": list,
        },
        path=path,
        text=text,
        where=" [voting]",
    )
    for entry in voting.get("history", []):
        if not isinstance(entry, dict):
            raise RuleFileError(path, "history phải là bảng [[voting.history]]", None)
        check_table(
            entry,
            {"valid_from": dt.date},
            path=path,
            text=text,
            where=" [[voting.history]]",
        )
    quality = data.get("quality", {})
    check_table(
        quality,
        {"source": str, "min_attendance": float, "max_excused_in_a_row": int},
        path=path,
        text=text,
        where=" [quality]",
    )
    duration = data.get("duration", {})
    check_table(
        duration,
        {"source": str, "single": int, "combined": int},
        path=path,
        text=text,
        where=" [duration]",
    )
    preparation = data.get("preparation", {})
    check_table(
        preparation,
        {"documents_days_before": int, "valid_from": dt.date},
        path=path,
        text=text,
        where=" [preparation]",
    )
    kinds = []
    for entry in data["kinds"]:
        if not isinstance(entry, dict):
            raise RuleFileError(path, "kinds phải là bảng [[kinds]]")
        check_table(
            entry,
            {"key": str, "label": str, "summary": str, "agenda": list, "opening": list},
            required=("key", "label", "summary"),
            path=path,
            text=text,
            where=" [[kinds]]",
        )
        kinds.append(
            KindRule(
                entry["key"],
                entry["label"],
                entry["summary"],
                tuple(str(x) for x in entry.get("agenda", [])),
                tuple(str(x) for x in entry.get("opening", [])),
            )
        )
    if not 0 < voting.get("majority", 0.5) < 1:
        raise RuleFileError(path, "majority phải nằm giữa 0 và 1", None)
    return MeetingRules(
        kinds=tuple(kinds),
        majority=voting.get("majority", 0.5),
        probationary_vote=voting.get("probationary_vote", False),
        temporary_in_base=voting.get("temporary_in_base", False),
        exclude_excused=voting.get("exclude_excused", True),
        min_attendance=quality.get("min_attendance", 0.85),
        max_excused_in_a_row=quality.get("max_excused_in_a_row", 3),
        min_minutes_single=duration.get("single", 90),
        min_minutes_combined=duration.get("combined", 120),
        documents_days_before=preparation.get("documents_days_before"),
        documents_rule_from=preparation.get("valid_from"),
    )


@cache
def meeting_rules() -> MeetingRules:
    return load_meeting_rules()
