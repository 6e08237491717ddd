"""Editable rows of a campaign template (steps, member items, documents) and the way back to
a template."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from ...domain.campaign import EVIDENCE_KINDS, Document, ItemTemplate, StepTemplate, Template
from ...domain.text import fold
from ...errors import ChiboError
from ...i18n import N_, _, ngettext
from .meetings_model import ListModel

ITEM_KINDS = {
    "self_review": N_("Nộp bản tự kiểm điểm"),
    "commitment": N_("Ký cam kết"),
    "attendance": N_("Dự cuộc họp của một bước"),
    "manual": N_("Đánh dấu tay"),
}


@dataclass
class StepRow:
    key: str
    title: str
    deadline: str  # "30" (days after the start) or "19/5" (every year on that day)
    evidence: str


@dataclass
class ItemRow:
    key: str
    title: str
    kind: str = "manual"
    step: str = ""


@dataclass
class DocumentRow:
    key: str
    number: str
    title: str
    replaced_by: str = ""
    date: object = None


class StepRowsModel(ListModel):
    HEADERS = (N_("Bước"), N_("Hạn"), N_("Minh chứng"))
    FIELDS = ("title", "deadline", "evidence")
    EDITABLE = FIELDS

    def display(self, row: StepRow, field: str):
        if field == "deadline":
            if "/" in row.deadline:
                return _("ngày {day} hằng năm").format(day=row.deadline)
            if row.deadline.strip() == "0":
                return _("ngày bắt đầu")
            days = row.deadline.strip()
            count = int(days) if days.isdigit() else 0
            return ngettext("{n} ngày sau khi bắt đầu", "{n} ngày sau khi bắt đầu", count).format(
                n=days
            )
        if field == "evidence":
            return _(EVIDENCE_KINDS.get(row.evidence, row.evidence))
        return row.title


class ItemRowsModel(ListModel):
    HEADERS = (N_("Mục của đảng viên"), N_("Cách đánh dấu"))
    FIELDS = ("title", "kind")
    EDITABLE = ("title",)

    def display(self, row: ItemRow, field: str):
        if field == "kind":
            return _(ITEM_KINDS.get(row.kind, row.kind))
        return row.title


class DocumentRowsModel(ListModel):
    HEADERS = (N_("Số hiệu"), N_("Trích yếu"), N_("Đã được thay bằng"))
    FIELDS = ("number", "title", "replaced_by")
    EDITABLE = FIELDS


def step_rows(template: Template) -> list[StepRow]:
    rows = []
    for s in template.steps:
        if s.anniversary:
            deadline = f"{s.anniversary[1]}/{s.anniversary[0]}"
        else:
            deadline = str(s.offset_days or 0)
        rows.append(StepRow(s.key, s.title, deadline, s.evidence))
    return rows


def item_rows(template: Template) -> list[ItemRow]:
    return [ItemRow(i.key, i.title, i.kind, i.step) for i in template.extra_items]


def document_rows(template: Template) -> list[DocumentRow]:
    return [
        DocumentRow(d.key, d.number, d.title, d.replaced_by, d.date) for d in template.documents
    ]


def _key(title: str, taken: set[str], prefix: str) -> str:
    stem = re.sub(r"[^a-z0-9]+", "_", fold(title)).strip("_")[:30] or prefix
    key, number = stem, 2
    while key in taken:
        key, number = f"{stem}_{number}", number + 1
    taken.add(key)
    return key


def _deadline(row: StepRow) -> tuple[int | None, tuple[int, int] | None]:
    text = row.deadline.strip()
    match = re.fullmatch(r"(\d{1,2})\s*/\s*(\d{1,2})", text)
    if match:
        day, month = int(match.group(1)), int(match.group(2))
        if 1 <= month <= 12 and 1 <= day <= 31:
            return None, (month, day)
    elif re.fullmatch(r"\d{1,4}", text):
        return int(text), None
    raise ChiboError(
        _(
            "Hạn của bước “{step}” phải là số ngày sau khi bắt đầu (ví dụ 30) hoặc một ngày "
            "trong năm (ví dụ 19/5)."
        ).format(step=row.title)
    )


def rebuilt(
    template: Template,
    steps: list[StepRow],
    items: list[ItemRow],
    documents: list[DocumentRow],
    **fields,
) -> Template:
    """The template with the edited rows (new rows get keys made from their titles)."""
    taken: set[str] = {r.key for r in steps if r.key}
    new_steps = []
    for row in steps:
        if not row.title.strip():
            continue
        offset, anniversary = _deadline(row)
        key = row.key or _key(row.title, taken, "buoc")
        new_steps.append(StepTemplate(key, row.title.strip(), row.evidence, offset, anniversary))
    taken = {r.key for r in items if r.key}
    new_items = [
        ItemTemplate(
            row.key or _key(row.title, taken, "muc"), row.title.strip(), row.kind, step=row.step
        )
        for row in items
        if row.title.strip()
    ]
    taken = {r.key for r in documents if r.key}
    new_documents = [
        Document(
            row.key or _key(row.number, taken, "tai_lieu"),
            row.number.strip(),
            row.title.strip(),
            row.date,
            row.replaced_by.strip(),
        )
        for row in documents
        if row.number.strip() and row.title.strip()
    ]
    # Rows kept from the template keep where they come from; new rows have no source yet.
    old_steps = {s.key: s for s in template.steps}
    new_steps = [
        dataclasses.replace(s, source=old.source, verified=old.verified)
        if (old := old_steps.get(s.key))
        else dataclasses.replace(s, verified=False)
        for s in new_steps
    ]
    old_items = {i.key: i for i in template.extra_items}
    new_items = [
        dataclasses.replace(i, source=old.source, verified=old.verified)
        if (old := old_items.get(i.key))
        else dataclasses.replace(i, verified=False)
        for i in new_items
    ]
    return dataclasses.replace(
        template,
        steps=tuple(new_steps),
        extra_items=tuple(new_items),
        documents=tuple(new_documents),
        **fields,
    )
