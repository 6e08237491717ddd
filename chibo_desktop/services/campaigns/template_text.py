"""Write a campaign template back as TOML, so it can be edited field by field in the program."""

from __future__ import annotations

import json

from sqlite_utils import Database

from ...domain.campaign import ReviewText, Template
from ...rules.campaigns import parse_template
from ..contract.results import Result
from .templates import save_template_text


def _s(value: str) -> str:
    # A JSON string (non-ASCII kept) is a valid TOML basic string.
    return json.dumps(value, ensure_ascii=False)


def _list(values) -> str:
    if not values:
        return "[]"
    return "[\n" + "".join(f"    {_s(v)},\n" for v in values) + "]"


def template_toml(template: Template) -> str:
    """The template as the text of a rule file (comments are not kept)."""
    lines = [
        f"key = {_s(template.key)}",
        f"title = {_s(template.title)}",
        f"theme = {_s(template.theme)}",
        f"source = {_s(template.source)}",
    ]
    if template.valid_from:
        lines.append(f"valid_from = {template.valid_from.isoformat()}")
    if template.note:
        lines.append(f"note = {_s(template.note)}")
    lines.append(f"review_headings = {_list(template.review_headings)}")
    for d in template.documents:
        lines += ["", "[[documents]]", f"key = {_s(d.key)}", f"number = {_s(d.number)}"]
        if d.date:
            lines.append(f"date = {d.date.isoformat()}")
        lines.append(f"title = {_s(d.title)}")
        if d.replaced_by:
            lines.append(f"replaced_by = {_s(d.replaced_by)}")
    for step in template.steps:
        lines += ["", "[[steps]]", f"key = {_s(step.key)}", f"title = {_s(step.title)}"]
        if step.anniversary:
            month, day = step.anniversary
            lines.append(f"anniversary = [{month}, {day}]")
        else:
            lines.append(f"offset_days = {int(step.offset_days or 0)}")
        lines.append(f"evidence = {_s(step.evidence)}")
        lines += _provenance(step)
    for item in template.extra_items:
        lines += ["", "[[items]]", f"key = {_s(item.key)}", f"title = {_s(item.title)}"]
        lines.append(f"kind = {_s(item.kind)}")
        if item.step:
            lines.append(f"step = {_s(item.step)}")
        lines += _provenance(item)
    for group in template.manifestation_groups:
        lines += ["", "[[manifestation_groups]]", f"key = {_s(group.key)}"]
        lines.append(f"title = {_s(group.title)}")
        for entry in group.entries:
            lines += ["", "[[manifestation_groups.entries]]", *_review_text(entry)]
    for article, entry in enumerate(template.prohibitions, start=1):
        lines += ["", "[[prohibitions]]", f"article = {article}", *_review_text(entry)]
    return "\n".join(lines) + "\n"


def _provenance(row) -> list[str]:
    lines = [f"source = {_s(row.source)}"] if row.source else []
    return lines + (["verified = false"] if not row.verified else [])


def _review_text(entry: ReviewText) -> list[str]:
    lines = [f"text = {_s(entry.text)}"]
    if entry.source:
        lines.append(f"source = {_s(entry.source)}")
    if not entry.verified:
        lines.append("verified = false")
    if entry.note:
        lines.append(f"note = {_s(entry.note)}")
    return lines


def read_template(text: str, key: str) -> Template:
    """Check a template's text as typed (errors name the line)."""
    return parse_template(text, f"{key}.toml")


def save_template(db: Database, key: str, template: Template) -> Result[Template]:
    """Store a template edited field by field (checked like a typed one)."""
    return save_template_text(db, key, template_toml(template))
