"""Public holidays for counting working days (resources/rules/holidays.toml)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .loader import RuleFileError, check_table, load_toml_text, rules_path


@dataclass(frozen=True)
class Holidays:
    fixed: tuple[tuple[int, int], ...]  # (month, day) every year
    announced: dict[int, frozenset[dt.date]]  # year -> days announced for that year

    def between(self, start: dt.date, end: dt.date) -> frozenset[dt.date]:
        days = set()
        for year in range(start.year, end.year + 1):
            days.update(dt.date(year, month, day) for month, day in self.fixed)
            days.update(self.announced.get(year, ()))
        return frozenset(d for d in days if start <= d <= end)

    def years_without_announced_days(self, start: dt.date, end: dt.date) -> list[int]:
        return [y for y in range(start.year, end.year + 1) if y not in self.announced]


def load_holidays(path: Path | None = None) -> Holidays:
    path = path or rules_path("holidays.toml")
    data, text = load_toml_text(path)
    check_table(
        data,
        {"title": str, "valid_from": dt.date, "fixed": list, "year": list},
        path=path,
        text=text,
    )
    try:
        fixed = tuple((int(m), int(d)) for m, d in data.get("fixed", []))
        for month, day in fixed:
            dt.date(2000, month, day)
    except (TypeError, ValueError) as exc:
        raise RuleFileError(path, "fixed phải là danh sách [tháng, ngày]") from exc
    announced: dict[int, frozenset[dt.date]] = {}
    for entry in data.get("year", []):
        check_table(entry, {"year": int, "days": list}, required=("year",), path=path, text=text)
        days = entry.get("days", [])
        if not all(isinstance(d, dt.date) and d.year == entry["year"] for d in days):
            raise RuleFileError(path, f"days của năm {entry['year']} phải là ngày trong năm đó")
        announced[entry["year"]] = frozenset(days)
    return Holidays(fixed, announced)


@cache
def holidays() -> Holidays:
    return load_holidays()
