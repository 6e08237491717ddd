"""Assessment scales (resources/rules/assessment.toml) and report groupings (reports.toml)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..domain.assessment import Scale
from .loader import RuleFileError, check_table, load_toml_text, rules_path

_TOP = {"title": str, "source": str, "valid_from": dt.date, "scale": list}
_SCALE = {
    "key": str,
    "title": str,
    "source": str,
    "first_year": int,
    "points": bool,
    "max_score": (int, float),
    "level": list,
    "quota": dict,
}
_LEVEL = {"key": str, "label": str, "short": str, "min_score": (int, float), "condition": list}
_CONDITION = {"key": str, "label": str}
_QUOTA = {"level": str, "percent": (int, float), "base": str, "advisory": bool, "scope": str}


def load_scales(path: Path | None = None) -> tuple[Scale, ...]:
    # the scales' record types load when a scale is read, not with the report groups
    from ..domain.assessment import Condition, Level, Quota, Scale

    path = path or rules_path("assessment.toml")
    data, text = load_toml_text(path)
    check_table(data, _TOP, required=("scale",), path=path, text=text)
    scales = []
    for raw in data["scale"]:
        where = f" ({raw.get('key', '?')})"
        check_table(
            raw,
            _SCALE,
            required=("key", "title", "first_year", "level"),
            path=path,
            text=text,
            where=where,
        )
        levels = []
        for lv in raw["level"]:
            check_table(lv, _LEVEL, required=("key", "label"), path=path, text=text, where=where)
            if raw.get("points", False) and "min_score" not in lv:
                raise RuleFileError(path, f"thiếu min_score{where}")
            conditions = []
            for c in lv.get("condition", []):
                check_table(
                    c, _CONDITION, required=("key", "label"), path=path, text=text, where=where
                )
                conditions.append(
                    Condition(c["key"], c["label"], c.get("source", ""), c.get("verified", True))
                )
            levels.append(
                Level(
                    lv["key"],
                    lv["label"],
                    lv.get("short", ""),
                    lv.get("min_score"),
                    tuple(conditions),
                )
            )
        if not levels:
            raise RuleFileError(path, f"thang không có mức nào{where}")
        condition_keys = [c.key for lv in levels for c in lv.conditions]
        if len(set(condition_keys)) != len(condition_keys):
            raise RuleFileError(path, f"khóa điều kiện bị trùng{where}")
        keys = {lv.key for lv in levels}
        quota = None
        if "quota" in raw:
            q = raw["quota"]
            check_table(q, _QUOTA, required=("level", "percent", "base"), path=path, text=text)
            if q["level"] not in keys or (q["base"] != "assessed" and q["base"] not in keys):
                raise RuleFileError(path, f"quota nhắc tới mức không có trong thang{where}")
            quota = Quota(
                q["level"],
                float(q["percent"]),
                q["base"],
                q.get("advisory", False),
                q.get("scope", ""),
            )
        scales.append(
            Scale(
                key=raw["key"],
                title=raw["title"],
                source=raw.get("source", ""),
                first_year=raw["first_year"],
                levels=tuple(levels),
                points=raw.get("points", False),
                max_score=float(raw.get("max_score", 100)),
                quota=quota,
            )
        )
    return tuple(scales)


@cache
def scales() -> tuple[Scale, ...]:
    return load_scales()


def scale_by_key(key: str) -> Scale | None:
    return next((s for s in scales() if s.key == key), None)


@dataclass(frozen=True)
class ReportGroups:
    age_bands: tuple[int, ...]
    party_age_bands: tuple[int, ...]
    theory_levels: tuple[str, ...]


@cache
def report_groups(path: Path | None = None) -> ReportGroups:
    path = path or rules_path("reports.toml")
    data, text = load_toml_text(path)
    check_table(
        data,
        {
            "title": str,
            "source": str,
            "valid_from": dt.date,
            "age_bands": list,
            "party_age_bands": list,
            "theory_levels": list,
        },
        required=("age_bands", "party_age_bands"),
        path=path,
        text=text,
    )
    return ReportGroups(
        tuple(sorted(int(x) for x in data["age_bands"])),
        tuple(sorted(int(x) for x in data["party_age_bands"])),
        tuple(str(x) for x in data.get("theory_levels", ())),
    )
