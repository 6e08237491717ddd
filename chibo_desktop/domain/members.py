"""A party member's record (Mẫu 7-HSĐV columns plus what cells keep in practice)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, fields

from ..errors import FieldProblem
from ..i18n import N_, _
from . import dates
from .text import clean_text

GENDERS = ("Nam", "Nữ")


@dataclass
class Member:
    full_name: str = ""
    birth_name: str = ""
    gender: str | None = None  # "Nam" | "Nữ"
    birth_date: str | None = None  # ISO, possibly partial
    ethnicity: str = ""
    religion: str = ""
    hometown: str = ""
    address: str = ""
    education: str = ""
    theory_level: str = ""
    qualification: str = ""
    foreign_language: str = ""
    job_before: str = ""
    job_now: str = ""
    join_date: str | None = None
    official_date: str | None = None
    card_number: str = ""
    file_number: str = ""
    badge_number: str = ""
    armed_forces: bool = False
    citizen_id: str = ""
    phone: str = ""
    position: str = ""
    notes: str = ""
    id: int | None = None


# Labels of the record's fields, in register order; used by forms, exports and messages.
FIELD_LABELS: dict[str, str] = {
    "full_name": N_("Họ và tên"),
    "birth_name": N_("Tên khai sinh"),
    "gender": N_("Giới tính"),
    "birth_date": N_("Ngày sinh"),
    "ethnicity": N_("Dân tộc"),
    "religion": N_("Tôn giáo"),
    "hometown": N_("Quê quán"),
    "address": N_("Nơi ở hiện nay"),
    "education": N_("Trình độ học vấn"),
    "theory_level": N_("Lý luận chính trị"),
    "qualification": N_("Chuyên môn, nghiệp vụ"),
    "foreign_language": N_("Ngoại ngữ"),
    "job_before": N_("Nghề nghiệp khi vào Đảng"),
    "job_now": N_("Nghề nghiệp hiện nay"),
    "join_date": N_("Ngày vào Đảng"),
    "official_date": N_("Ngày chính thức"),
    "card_number": N_("Số thẻ đảng viên"),
    "file_number": N_("Số lý lịch"),
    "badge_number": N_("Số huy hiệu"),
    "armed_forces": N_("Quân đội / nghỉ hưu"),
    "citizen_id": N_("Số CCCD"),
    "phone": N_("Điện thoại"),
    "position": N_("Chức vụ trong chi bộ"),
    "notes": N_("Ghi chú"),
}

DATE_FIELDS = ("birth_date", "join_date", "official_date")
MULTILINE_FIELDS = ("notes", "address")
MAX_NAME_LENGTH = 100
ADULT_AGE = 18
_FILE_NUMBER = re.compile(r"^\d+[A-ZĐ]{1,3}$")


def field_names() -> list[str]:
    return [f.name for f in fields(Member) if f.name != "id"]


def normalized(member: Member) -> Member:
    """NFC, control characters stripped, spaces collapsed: what is stored."""
    values = {}
    for name in field_names():
        value = getattr(member, name)
        if isinstance(value, str):
            value = clean_text(value, multiline=name in MULTILINE_FIELDS)
            if name in DATE_FIELDS or name == "gender":
                value = value or None
        values[name] = value
    return Member(id=member.id, **values)


def is_plausible_name(name: str) -> bool:
    if not name or len(name) > MAX_NAME_LENGTH:
        return False
    if name[0].isalpha() and name.replace(" ", "").isalpha():  # the usual name, in C
        return True
    for char in name:
        if char in " '-’":
            continue
        category = unicodedata.category(char)
        if not (category.startswith("L") or category == "Mn"):
            return False
    return name[0].isalpha()


def _spans(member: Member, problems: list[FieldProblem]) -> list[tuple | None]:
    """(first, last) day of each date field (None when empty or not a real date)."""
    found = []
    for name in DATE_FIELDS:
        value = getattr(member, name)
        try:
            found.append(dates.span(value))
        except ValueError:
            found.append(None)
            problems.append(
                FieldProblem(
                    name,
                    _("{field}: “{value}” không phải là ngày có thật.").format(
                        field=_(FIELD_LABELS[name]), value=value
                    ),
                )
            )
    return found


def validate(member: Member, today: dt.date) -> list[FieldProblem]:
    """Every problem of one record, each with a message a secretary can act on."""
    problems: list[FieldProblem] = []
    name = member.full_name
    if not name:
        problems.append(FieldProblem("full_name", _("Chưa nhập họ và tên.")))
    elif len(name) > MAX_NAME_LENGTH:
        problems.append(
            FieldProblem("full_name", _("Họ và tên dài quá {n} ký tự.").format(n=MAX_NAME_LENGTH))
        )
    elif not is_plausible_name(name):
        problems.append(
            FieldProblem(
                "full_name",
                _(
                    "Họ và tên “{name}” chỉ được gồm chữ cái, dấu cách, dấu nháy và gạch nối."
                ).format(name=name),
            )
        )
    if member.birth_name and not is_plausible_name(member.birth_name):
        problems.append(
            FieldProblem(
                "birth_name",
                _("Tên khai sinh chỉ được gồm chữ cái, dấu cách, dấu nháy và gạch nối."),
            )
        )
    if member.gender not in (None, *GENDERS):
        problems.append(FieldProblem("gender", _("Giới tính phải là “Nam” hoặc “Nữ”.")))

    spans = _spans(member, problems)
    for field_name, days in zip(DATE_FIELDS, spans, strict=True):
        if days is not None and days[0] > today:
            problems.append(
                FieldProblem(
                    field_name,
                    _("{field} ({value}) ở tương lai.").format(
                        field=_(FIELD_LABELS[field_name]),
                        value=_display(getattr(member, field_name)),
                    ),
                )
            )
    birth, joined, official = spans
    if birth and joined and dates.whole_years(birth[0], joined[1]) < ADULT_AGE:
        problems.append(
            FieldProblem(
                "join_date",
                _("Ngày vào Đảng ({joined}) khi chưa đủ {age} tuổi (sinh {born}).").format(
                    joined=_display(member.join_date),
                    age=ADULT_AGE,
                    born=_display(member.birth_date),
                ),
            )
        )
    if joined and official and official[1] <= joined[0]:
        problems.append(
            FieldProblem(
                "official_date",
                _("Ngày chính thức ({official}) phải sau ngày vào Đảng ({joined}).").format(
                    official=_display(member.official_date), joined=_display(member.join_date)
                ),
            )
        )
    if member.official_date and not member.join_date:
        problems.append(
            FieldProblem("join_date", _("Có ngày chính thức nhưng chưa có ngày vào Đảng."))
        )
    if member.file_number and not _FILE_NUMBER.match(member.file_number.upper()):
        problems.append(
            FieldProblem(
                "file_number",
                _("Số lý lịch “{value}” phải gồm chữ số và 1–3 chữ cái (ví dụ 12345HN).").format(
                    value=member.file_number
                ),
            )
        )
    return problems


def _display(iso: str | None) -> str:
    return "/".join(reversed(iso.split("-"))) if iso else ""
