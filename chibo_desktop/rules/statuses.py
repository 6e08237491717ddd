"""Status change kinds (resources/rules/statuses.toml)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from ..domain.status import StatusRule
from .loader import PROVENANCE, RuleFileError, check_table, load_toml_text, rules_path

_FIELDS = {
    "key": str,
    "label": str,
    "requires": str,
    "requires_membership": str,
    "in_cell": bool,
    "membership": str,
    "attachment": str,
    "condition": str,
    "left": str,
    "limit_months": int,
    "deadline_working_days": int,
    "deadline_label": str,
    "badge_early": bool,
    "until": str,
}


def load_status_rules(path: Path | None = None) -> dict[str, StatusRule]:
    path = path or rules_path("statuses.toml")
    data, text = load_toml_text(path)
    check_table(
        data,
        {"title": str, "source": str, "valid_from": dt.date, "change": list},
        required=("change",),
        path=path,
        text=text,
    )
    rules: dict[str, StatusRule] = {}
    for entry in data["change"]:
        check_table(entry, _FIELDS, required=("key", "label"), path=path, text=text)
        if entry["key"] in rules:
            raise RuleFileError(path, f"trùng khóa {entry['key']}")
        rules[entry["key"]] = StatusRule(**{k: v for k, v in entry.items() if k not in PROVENANCE})
    for rule in rules.values():
        if rule.until and rule.until not in rules:
            raise RuleFileError(path, f"until = {rule.until}: không có loại biến động này")
    return rules


@cache
def status_rules() -> dict[str, StatusRule]:
    return load_status_rules()
