"""Campaign templates (resources/rules/campaigns/*.toml): read, check, turn into domain objects.

A broken file gives a message naming the file and the line; the program then keeps the
built-in version.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from functools import cache
from pathlib import Path

from ..domain.campaign import (
    EVIDENCE_KINDS,
    Document,
    ItemTemplate,
    ReviewGroup,
    ReviewText,
    StepTemplate,
    Template,
)
from ..i18n import _
from .loader import (
    RuleFileError,
    check_table,
    line_of,
    line_of_entry,
    parse_toml,
    read_rule_text,
    rules_path,
)

_TOP = {
    "key": str,
    "title": str,
    "theme": str,
    "source": str,
    "valid_from": dt.date,
    "note": str,
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
_TEXT = {"text": str, "source": str, "verified": bool, "note": str}
_ARTICLE = {"article": int, **_TEXT}
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
            StepTemplate(
                s["key"],
                s["title"],
                s["evidence"],
                s.get("offset_days"),
                anniversary,
                s.get("source", ""),
                s.get("verified", True),
            )
        )
    items = []
    for i in tables("items", _ITEM, ("key", "title", "kind")):
        if i["kind"] not in _ITEM_KINDS:
            raise RuleFileError(
                path,
                _("kind phải là một trong {kinds}").format(kinds=", ".join(_ITEM_KINDS)),
                line_of(text, f'kind = "{i["kind"]}"'),
            )
        items.append(
            ItemTemplate(
                i["key"],
                i["title"],
                i["kind"],
                step=i.get("step", ""),
                source=i.get("source", ""),
                verified=i.get("verified", True),
            )
        )
    groups = tuple(
        ReviewGroup(g["key"], g["title"], _review_texts(g["entries"], "entries", path, text))
        for g in tables("manifestation_groups", _GROUP, ("key", "title", "entries"))
    )
    template = Template(
        key=data["key"],
        title=data["title"],
        theme=data.get("theme", ""),
        source=data.get("source", ""),
        valid_from=data.get("valid_from"),
        note=data.get("note", "").strip(),
        documents=documents,
        steps=tuple(steps),
        extra_items=tuple(items),
        manifestation_groups=groups,
        prohibitions=_review_texts(data.get("prohibitions", []), "prohibitions", path, text),
        review_headings=strings(data.get("review_headings", []), "review_headings"),
    )
    _check_keys(template, path, text)
    return template


def _review_texts(values: list, name: str, path, text: str) -> tuple[ReviewText, ...]:
    """Entries of the self-review: tables {text, source, verified, note} (prohibitions also
    carry their ``article`` number, 1, 2, … in order). A plain string (files written before
    sources were kept) is read as an entry without a source, so not verified."""
    result = []
    for index, value in enumerate(values, start=1):
        if isinstance(value, str) and value.strip():
            result.append(ReviewText(_nfc(value)))
            continue
        if not isinstance(value, dict):
            raise RuleFileError(
                path,
                _("{name} phải là danh sách bảng có text (hoặc danh sách chuỗi)").format(name=name),
                line_of(text, name),
            )
        where = _(" (mục {name} thứ {n})").format(name=name, n=index)
        fields = _ARTICLE if name == "prohibitions" else _TEXT
        required = ("article", "text") if name == "prohibitions" else ("text",)
        check_table(value, fields, required=required, path=path, text=text, where=where)
        entry = ReviewText(
            text=_nfc(value["text"]),
            source=_nfc(value.get("source", "")),
            verified=value.get("verified", True),
            note=_nfc(value.get("note", "")),
        )
        line = line_of(text, value["text"][:60])
        if not entry.text:
            raise RuleFileError(path, _("text không được rỗng{where}").format(where=where), line)
        if entry.verified and not entry.source:
            raise RuleFileError(
                path,
                _("cần source (nơi đối chiếu văn bản) hoặc verified = false{where}").format(
                    where=where
                ),
                line,
            )
        if name == "prohibitions" and value["article"] != index:
            raise RuleFileError(
                path,
                _("article phải là {n} (các điều theo thứ tự 1, 2, 3…){where}").format(
                    n=index, where=where
                ),
                line_of_entry(text, "article", value["article"]),
            )
        result.append(entry)
    return tuple(result)


def _nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value.strip())


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
