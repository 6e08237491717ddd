"""Reading the append-only change log: for the viewer and its export."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from ..domain.text import fold
from ..i18n import N_, _
from ..storage import changelog as store

ENTITY_LABELS = {
    "member": N_("Đảng viên"),
    "member_status": N_("Biến động"),
    "cell": N_("Thông tin chi bộ"),
    "meeting": N_("Cuộc họp"),
    "attendance": N_("Điểm danh"),
    "assessment": N_("Đánh giá, xếp loại"),
    "campaign": N_("Đợt sinh hoạt chính trị"),
}


@dataclass(frozen=True)
class ChangeEntry:
    id: int
    at: dt.datetime | None
    user: str
    entity: str
    entity_label: str
    record_id: int | None
    record_label: str
    field: str
    old: str
    new: str
    source: str


def entity_label(entity: str) -> str:
    label = ENTITY_LABELS.get(entity)
    return _(label) if label else entity


def list_changes(db: Database, *, entity: str | None = None, text: str = "") -> list[ChangeEntry]:
    """Newest first; ``text`` filters on user, record, field and values (no diacritics)."""
    names = store.member_names(db)
    needle = fold(text.strip()) if text.strip() else ""
    result = []
    for row in reversed(store.entries(db, entity or None)):
        record_label = _record_label(row, names)
        entry = ChangeEntry(
            row["id"],
            _parse_time(row["at"]),
            row["user"],
            row["entity"],
            entity_label(row["entity"]),
            row["record_id"],
            record_label,
            row["field"],
            row["old"] or "",
            row["new"] or "",
            row["source"],
        )
        if needle:
            haystack = fold(
                " ".join(
                    (entry.user, record_label, entry.field, entry.old, entry.new, entry.source)
                )
            )
            if needle not in haystack:
                continue
        result.append(entry)
    return result


def _record_label(row: dict, names: dict[int, str]) -> str:
    rid = row["record_id"]
    if rid is None:
        return ""
    if row["entity"] in {"member", "member_status", "assessment", "attendance"} and rid in names:
        return f"{names[rid]} (#{rid})"
    return f"#{rid}"


def _parse_time(text: str | None) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


def export_changes(
    db: Database, path: str | Path, *, entity: str | None = None, text: str = ""
) -> Path:
    from ..interop.changelog_xlsx import write_change_log

    rows = [
        (
            e.at if e.at else "",
            e.user,
            e.entity_label,
            e.record_label,
            e.field,
            e.old,
            e.new,
            e.source,
        )
        for e in list_changes(db, entity=entity, text=text)
    ]
    title = _("NHẬT KÝ THAY ĐỔI DỮ LIỆU — xuất ngày {date}").format(
        date=dt.date.today().strftime("%d/%m/%Y")
    )
    return write_change_log(path, title, rows)
