"""What the exported member list holds: one entry per member, in Mẫu 7-HSĐV column order."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..domain import dates
from ..domain.members import Member
from ..i18n import format_iso_date


@dataclass(frozen=True)
class RegisterEntry:
    member: Member
    status_label: str = ""
    transferred_out: str = ""  # "05/01/2026, Đảng bộ phường Lý Thái Tổ"
    transferred_in: str = ""
    died: dt.date | None = None
    left: str = ""  # "12/03/2025, Xóa tên: lý do"
    remark: str = ""  # status when not normal, then the notes


# (header, width in Excel characters, value of an entry)
def _date_value(value: str | None) -> dt.date | str:
    """A real date when the day is known; otherwise the partial date as text."""
    try:
        full = dates.to_date(value)
    except ValueError:
        full = None
    return full if full is not None else format_iso_date(value)


COLUMNS = [
    ("STT", 5, None),
    ("Họ và tên", 24, lambda e: e.member.full_name),
    ("Tên khai sinh", 18, lambda e: e.member.birth_name),
    ("Giới tính", 7, lambda e: e.member.gender or ""),
    ("Ngày sinh", 11, lambda e: _date_value(e.member.birth_date)),
    ("Dân tộc", 8, lambda e: e.member.ethnicity),
    ("Tôn giáo", 9, lambda e: e.member.religion),
    ("Quê quán", 16, lambda e: e.member.hometown),
    ("Trình độ học vấn", 9, lambda e: e.member.education),
    ("Lý luận chính trị", 10, lambda e: e.member.theory_level),
    ("Chuyên môn, nghiệp vụ", 14, lambda e: e.member.qualification),
    ("Ngoại ngữ", 10, lambda e: e.member.foreign_language),
    ("Nghề nghiệp khi vào Đảng", 14, lambda e: e.member.job_before),
    ("Nghề nghiệp hiện nay", 14, lambda e: e.member.job_now),
    ("Ngày vào Đảng", 11, lambda e: _date_value(e.member.join_date)),
    ("Ngày chính thức", 11, lambda e: _date_value(e.member.official_date)),
    ("Số thẻ đảng viên", 12, lambda e: e.member.card_number),
    ("Số lý lịch", 10, lambda e: e.member.file_number),
    ("Số huy hiệu", 9, lambda e: e.member.badge_number),
    ("Quân đội, nghỉ hưu", 8, lambda e: "x" if e.member.armed_forces else ""),
    ("Chuyển đi (ngày, nơi đến)", 18, lambda e: e.transferred_out),
    ("Chuyển đến (ngày, nơi đi)", 18, lambda e: e.transferred_in),
    ("Từ trần (ngày)", 11, lambda e: e.died or ""),
    ("Ra khỏi Đảng (ngày, hình thức, lý do)", 20, lambda e: e.left),
    ("Ghi chú", 22, lambda e: e.remark),
]


def values(entry: RegisterEntry, number: int) -> list[object]:
    return [number if fn is None else fn(entry) for _h, _w, fn in COLUMNS]
