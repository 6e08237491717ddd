"""Party dues regimes (resources/rules/dues.toml)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from ..domain.dues import METHODS, DuesGroup, DuesRules, Regime
from ..i18n import _
from .loader import RuleFileError, check_table, load_toml_text, rules_path

_TOP = {
    "title": str,
    "valid_from": dt.date,
    "rounding": str,
    "rounding_choices": list,
    "max_monthly": int,
    "regime": list,
}
_REGIME = {
    "key": str,
    "title": str,
    "valid_from": dt.date,
    "exempt_party_years": int,
    "reduction_percents": list,
    "relief_max_months": int,
    "unpaid_months_in_year": int,
    "methods": list,
    "group": list,
}
_GROUP = {
    "key": str,
    "label": str,
    "short": str,
    "basis": str,
    "basis_label": str,
    "rate": int,
    "fixed": int,
    "cell_set": bool,
    "min": int,
    "max": int,
    "past_working_age_percent": int,
    "same_as": str,
}
_BASES = ("salary", "benefit", "pension")


def load_dues_rules(path: Path | None = None) -> DuesRules:
    path = path or rules_path("dues.toml")
    data, text = load_toml_text(path)
    check_table(data, _TOP, required=("regime",), path=path, text=text)
    regimes = [_regime(raw, path, text) for raw in data["regime"]]
    if not regimes:
        raise RuleFileError(path, _("không có chế độ đảng phí nào"))
    choices = tuple(data.get("rounding_choices", ("dong", "thousand")))
    rounding = data.get("rounding", "dong")
    if rounding not in choices or not set(choices) <= {"dong", "thousand"}:
        raise RuleFileError(path, _("cách làm tròn phải là dong hoặc thousand"))
    return DuesRules(
        tuple(sorted(regimes, key=lambda r: r.valid_from)),
        rounding,
        choices,
        data.get("max_monthly", 100_000_000),
    )


def _regime(raw: dict, path: Path, text: str) -> Regime:
    where = f" ({raw.get('key', '?')})"
    check_table(
        raw,
        _REGIME,
        required=("key", "title", "valid_from", "group"),
        path=path,
        text=text,
        where=where,
    )
    groups = []
    for g in raw["group"]:
        check_table(g, _GROUP, required=("key", "label"), path=path, text=text, where=where)
        ways = sum(k in g for k in ("rate", "fixed", "cell_set", "same_as"))
        if ways != 1:
            raise RuleFileError(
                path,
                _("nhóm {key} cần đúng một trong rate, fixed, cell_set, same_as{where}").format(
                    key=g["key"], where=where
                ),
            )
        if "rate" in g and g.get("basis") not in _BASES:
            raise RuleFileError(
                path, _("nhóm {key} cần basis{where}").format(key=g["key"], where=where)
            )
        groups.append(
            DuesGroup(
                key=g["key"],
                label=g["label"],
                short=g.get("short", ""),
                basis=g.get("basis"),
                basis_label=g.get("basis_label", ""),
                rate=g.get("rate"),
                fixed=g.get("fixed"),
                cell_set=g.get("cell_set", False),
                minimum=g.get("min"),
                maximum=g.get("max"),
                past_working_age_percent=g.get("past_working_age_percent"),
                same_as=g.get("same_as"),
                source=g.get("source", ""),
                verified=g.get("verified", True),
            )
        )
    keys = [g.key for g in groups]
    for g in groups:
        if g.same_as and g.same_as not in keys:
            raise RuleFileError(
                path, _("same_as {key} không có{where}").format(key=g.same_as, where=where)
            )
    methods = tuple(raw.get("methods", METHODS))
    if not set(methods) <= set(METHODS):
        raise RuleFileError(
            path, _("hình thức nộp phải là cash hoặc online{where}").format(where=where)
        )
    return Regime(
        key=raw["key"],
        title=raw["title"],
        source=raw.get("source", ""),
        valid_from=raw["valid_from"],
        groups=tuple(groups),
        exempt_party_years=raw.get("exempt_party_years"),
        reduction_percents=tuple(int(p) for p in raw.get("reduction_percents", ())),
        relief_max_months=raw.get("relief_max_months", 12),
        unpaid_months_in_year=raw.get("unpaid_months_in_year"),
        methods=methods,
        verified=raw.get("verified", True),
    )


@cache
def dues_rules() -> DuesRules:
    return load_dues_rules()
