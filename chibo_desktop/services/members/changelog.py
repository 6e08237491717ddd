"""Reading the append-only change log: for the viewer and its export."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from ...domain import dates
from ...domain.members import FIELD_LABELS
from ...domain.text import fold
from ...i18n import N_, _, format_iso_date
from ...rules.statuses import status_rules
from ...storage import changelog as store

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
            _field_label(row["entity"], row["field"]),
            _shown_value(row["entity"], row["old"]),
            _shown_value(row["entity"], row["new"]),
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
        return names[rid]
    return f"#{rid}"


_ACTIONS = {
    "created": N_("Tạo hồ sơ"),
    "deleted": N_("Xóa hồ sơ"),
    "restored": N_("Khôi phục hồ sơ"),
}
_FIELDS = {
    "cell": {
        "name": N_("Tên chi bộ"),
        "party_committee": N_("Đảng bộ cấp trên"),
        "place": N_("Địa danh"),
        "secretary_name": N_("Họ tên bí thư"),
    },
    "meeting": {"status": N_("Trạng thái biên bản")},
    "assessment": {
        "self_score": N_("Điểm tự chấm"),
        "self_level": N_("Tự xếp loại"),
        "proposed_level": N_("Chi bộ đề nghị"),
        "final_level": N_("Xếp loại được quyết định"),
        "notes": N_("Ghi chú"),
        "conditions": N_("Điều kiện đã đạt"),
    },
}
_VALUES = {"draft": N_("Nháp"), "final": N_("Đã hoàn tất")}


def _field_label(entity: str, field: str) -> str:
    """A field as the forms name it: 'join_date' → 'Ngày vào Đảng', 'transfer_in' →
    'Chuyển sinh hoạt đến'; a key the program does not know is shown as it is."""
    if field in _ACTIONS:
        return _(_ACTIONS[field])
    if entity == "member" and field in FIELD_LABELS:
        return _(FIELD_LABELS[field])
    if entity == "assessment" and "." in field:  # '2026.self_score': the year's assessment
        year, _dot, name = field.partition(".")
        label = _FIELDS["assessment"].get(name)
        return f"{_(label)} ({year})" if label else field
    if field in _FIELDS.get(entity, {}):
        return _(_FIELDS[entity][field])
    if entity == "member_status":
        rule = status_rules().get(field)
        if rule is not None:
            return _(rule.label)
    return field


def _shown_value(entity: str, value: str | None) -> str:
    """Dates dd/mm/yyyy and yes/no in words, as everywhere else in the program."""
    if not value:
        return ""
    if entity == "meeting" and value in _VALUES:
        return _(_VALUES[value])
    if value in ("True", "False"):
        return _("có") if value == "True" else _("không")
    try:
        dates.parse_iso(value)
    except ValueError:
        return value
    return format_iso_date(value)


def _parse_time(text: str | None) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


def export_changes(
    db: Database, path: str | Path, *, entity: str | None = None, text: str = ""
) -> Path:
    from ...interop.xlsx.changelog import write_change_log

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
