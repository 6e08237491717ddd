"""Campaign templates (resources/rules/campaigns/*.toml): read, check, turn into domain objects.

A broken file gives a message naming the file and the line; the program then keeps the
built-in version.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from ..domain.campaign import (
    EVIDENCE_KINDS,
    Document,
    ItemTemplate,
    ReviewGroup,
    StepTemplate,
    Template,
)
from ..i18n import _
from .loader import RuleFileError, check_table, line_of, parse_toml, read_rule_text, rules_path

_TOP = {
    "key": str,
    "title": str,
    "theme": str,
    "source": str,
    "valid_from": dt.date,
    "review_headings": list,
    "documents": list,
    "steps": list,
    "items": list,
    "manifestation_groups": list,
    "prohibitions": list,
}
_DOCUMENT = {"key": str, "number": str, "date": dt.date, "title": str, "replaced_by": str}
_STEP = {"key": str, "title": str, "offset_days": int, "anniversary": list, "evidence": str}
_ITEM = {"key": str, "title": str, "kind": str, "step": str}
_GROUP = {"key": str, "title": str, "entries": list}
_ITEM_KINDS = ("self_review", "commitment", "attendance", "manual")


def templates_dir() -> Path:
    return rules_path("campaigns")


def parse_template(text: str, path: Path | str) -> Template:
    """Check a template's text and build it; raises RuleFileError naming file and line."""
    data = parse_toml(text, path)
    check_table(data, _TOP, required=("key", "title", "steps"), path=path, text=text, where="")

    def tables(name: str, fields: dict, required: tuple[str, ...]) -> list[dict]:
        result = []
        for index, table in enumerate(data.get(name, []), start=1):
            where = _(" (mục {name} thứ {n})").format(name=name, n=index)
            if not isinstance(table, dict):
                raise RuleFileError(
                    path,
                    _("{name} phải là các bảng [[{name}]]").format(name=name),
                    line_of(text, name),
                )
            check_table(table, fields, required=required, path=path, text=text, where=where)
            result.append(table)
        return result

    def strings(values: list, name: str) -> tuple[str, ...]:
        if not all(isinstance(v, str) and v.strip() for v in values):
            raise RuleFileError(
                path,
                _("{name} phải là danh sách chuỗi không rỗng").format(name=name),
                line_of(text, name),
            )
        return tuple(v.strip() for v in values)

    documents = tuple(
        Document(
            key=d["key"],
            number=d["number"],
            title=d["title"],
            date=d.get("date"),
            replaced_by=d.get("replaced_by", ""),
        )
        for d in tables("documents", _DOCUMENT, ("key", "number", "title"))
    )
    steps = []
    for s in tables("steps", _STEP, ("key", "title", "evidence")):
        if s["evidence"] not in EVIDENCE_KINDS:
            raise RuleFileError(
                path,
                _("evidence phải là một trong {kinds}").format(kinds=", ".join(EVIDENCE_KINDS)),
                line_of(text, f'evidence = "{s["evidence"]}"'),
            )
        if ("offset_days" in s) == ("anniversary" in s):
            raise RuleFileError(
                path,
                _("bước {key} cần đúng một trong offset_days hoặc anniversary").format(
                    key=s["key"]
                ),
                line_of(text, f'"{s["key"]}"'),
            )
        anniversary = None
        if "anniversary" in s:
            anniversary = _month_day(s["anniversary"], path, text)
        steps.append(
            StepTemplate(s["key"], s["title"], s["evidence"], s.get("offset_days"), anniversary)
        )
    items = []
    for i in tables("items", _ITEM, ("key", "title", "kind")):
        if i["kind"] not in _ITEM_KINDS:
            raise RuleFileError(
                path,
                _("kind phải là một trong {kinds}").format(kinds=", ".join(_ITEM_KINDS)),
                line_of(text, f'kind = "{i["kind"]}"'),
            )
        items.append(ItemTemplate(i["key"], i["title"], i["kind"], step=i.get("step", "")))
    groups = tuple(
        ReviewGroup(g["key"], g["title"], strings(g["entries"], "entries"))
        for g in tables("manifestation_groups", _GROUP, ("key", "title", "entries"))
    )
    template = Template(
        key=data["key"],
        title=data["title"],
        theme=data.get("theme", ""),
        source=data.get("source", ""),
        valid_from=data.get("valid_from"),
        documents=documents,
        steps=tuple(steps),
        extra_items=tuple(items),
        manifestation_groups=groups,
        prohibitions=strings(data.get("prohibitions", []), "prohibitions"),
        review_headings=strings(data.get("review_headings", []), "review_headings"),
    )
    _check_keys(template, path, text)
    return template


def _month_day(value: list, path, text: str) -> tuple[int, int]:
    try:
        month, day = (int(v) for v in value)
        dt.date(2000, month, day)
    except (TypeError, ValueError) as exc:
        raise RuleFileError(
            path, _("anniversary phải là [tháng, ngày]"), line_of(text, "anniversary")
        ) from exc
    return month, day


def _check_keys(template: Template, path, text: str) -> None:
    for name, keys in (
        ("documents", [d.key for d in template.documents]),
        ("steps", [s.key for s in template.steps]),
        ("items", [i.key for i in template.items]),
    ):
        seen = set()
        for key in keys:
            if key in seen:
                raise RuleFileError(
                    path,
                    _("khóa {key} bị trùng trong {name}").format(key=key, name=name),
                    line_of(text, f'"{key}"'),
                )
            seen.add(key)
    step_keys = {s.key for s in template.steps}
    for item in template.extra_items:
        if item.kind == "attendance" and item.step not in step_keys:
            raise RuleFileError(
                path,
                _("mục {key} cần step là khóa của một bước").format(key=item.key),
                line_of(text, f'"{item.key}"'),
            )


def load_template(path: Path) -> Template:
    return parse_template(read_rule_text(path), path)


@cache
def builtin_templates() -> dict[str, tuple[Template, str]]:
    """The shipped templates by key, each with its TOML text (copied into campaigns)."""
    result = {}
    for path in sorted(templates_dir().glob("*.toml")):
        text = read_rule_text(path)
        template = parse_template(text, path)
        result[template.key] = (template, text)
    return result
