"""What a spreadsheet column can be imported as, and the headers that name each one."""

from __future__ import annotations

import re

from ...domain.members import FIELD_LABELS
from ...domain.text import fold
from ...i18n import N_, _

IGNORE = ""
TO_NOTES = "to_notes"
BIRTH_MALE = "birth_date_male"
BIRTH_FEMALE = "birth_date_female"
MARK_MALE = "gender_male"
MARK_FEMALE = "gender_female"
ROW_NUMBER = "row_number"
# Not fields of the record: they date the member's arrival (a "transfer in" event).
TRANSFER_DATE = "transfer_in_date"
TRANSFER_FROM = "transfer_in_from"

EXTRA_LABELS = {
    BIRTH_MALE: N_("Ngày sinh (cột Nam)"),
    BIRTH_FEMALE: N_("Ngày sinh (cột Nữ)"),
    MARK_MALE: N_("Đánh dấu Nam"),
    MARK_FEMALE: N_("Đánh dấu Nữ"),
    TO_NOTES: N_("Đưa vào ghi chú"),
    ROW_NUMBER: N_("Số thứ tự (bỏ qua)"),
    TRANSFER_DATE: N_("Ngày chuyển sinh hoạt đến"),
    TRANSFER_FROM: N_("Nơi chuyển đến (chuyển từ)"),
    IGNORE: N_("Không nhập"),
}

# Headers as secretaries type them, folded (no diacritics, lower case, no punctuation).
SYNONYMS: dict[str, tuple[str, ...]] = {
    ROW_NUMBER: ("tt", "stt", "so tt", "so thu tu", "thu tu"),
    "full_name": (
        "ho va ten",
        "ho ten",
        "ho va ten dang vien",
        "ho ten dang vien",
        "ho va ten dang dung",
        "ho ten dang dung",
        "ten dang vien",
        "ho va ten khai sinh dang dung",
    ),
    "birth_name": ("ten khai sinh", "ho ten khai sinh", "ho va ten khai sinh", "ten goi khac"),
    "gender": ("gioi tinh", "gioi", "nam nu", "nam hay nu", "phai"),
    "birth_date": (
        "ngay sinh",
        "ngay thang nam sinh",
        "nam sinh",
        "sinh ngay",
        "ngay thang sinh",
        "ngay sinh dd mm yyyy",
        "sinh",
    ),
    "ethnicity": ("dan toc",),
    "religion": ("ton giao",),
    "hometown": ("que quan", "nguyen quan", "que"),
    "address": (
        "noi o hien nay",
        "noi o",
        "dia chi",
        "cho o hien nay",
        "noi cu tru",
        "dia chi thuong tru",
        "noi thuong tru",
        "noi o hien tai",
        "dia chi noi o",
    ),
    "education": (
        "trinh do hoc van",
        "hoc van",
        "van hoa",
        "trinh do van hoa",
        "giao duc pho thong",
        "gdpt",
    ),
    "theory_level": (
        "ly luan chinh tri",
        "llct",
        "trinh do ly luan chinh tri",
        "trinh do llct",
        "ly luan",
    ),
    "qualification": (
        "chuyen mon",
        "chuyen mon nghiep vu",
        "trinh do chuyen mon",
        "tdcm",
        "trinh do chuyen mon nghiep vu",
        "hoc ham hoc vi",
    ),
    "foreign_language": ("ngoai ngu", "trinh do ngoai ngu"),
    "job_before": ("nghe nghiep khi vao dang", "nghe nghiep khi ket nap", "nghe khi vao dang"),
    "job_now": (
        "nghe nghiep hien nay",
        "nghe nghiep",
        "cong viec hien nay",
        "nghe nghiep hien tai",
    ),
    "join_date": (
        "ngay vao dang",
        "ngay ket nap",
        "ngay ket nap dang",
        "ngay thang nam vao dang",
        "vao dang",
        "ket nap",
        "ngay vao dang du bi",
        "nam vao dang",
        "ngay thang vao dang",
    ),
    "official_date": (
        "ngay chinh thuc",
        "ngay cong nhan chinh thuc",
        "ngay cong nhan dang vien chinh thuc",
        "chinh thuc",
        "ngay chuyen chinh thuc",
        "ngay thang nam chinh thuc",
        "ngay dang vien chinh thuc",
        "ngay chinh thuc vao dang",
    ),
    "card_number": (
        "so the dv",
        "so the dang vien",
        "so the",
        "so the dang",
        "the dang vien",
        "so the dang vien",
    ),
    "file_number": ("so ly lich", "so ll", "so ly lich dang vien", "so ho so", "so lldv"),
    "badge_number": ("so huy hieu", "huy hieu", "so huy hieu dang"),
    "armed_forces": ("quan doi", "quan doi nghi huu", "luc luong vu trang", "nghi huu"),
    "citizen_id": (
        "so cccd",
        "cccd",
        "can cuoc cong dan",
        "so can cuoc",
        "so dinh danh",
        "cmnd",
        "so cmnd",
        "cmnd cccd",
        "so cmnd cccd",
        "can cuoc",
        "so can cuoc cong dan",
        "so dinh danh ca nhan",
    ),
    "phone": ("dien thoai", "so dien thoai", "sdt", "dt", "di dong", "dt di dong"),
    "position": (
        "chuc vu",
        "chuc vu trong chi bo",
        "chuc vu dang",
        "chuc vu chi bo",
        "chuc vu dang uy",
    ),
    "notes": ("ghi chu", "ghi chu khac"),
    TRANSFER_DATE: (
        "ngay chuyen den",
        "ngay chuyen sinh hoat den",
        "ngay chuyen sinh hoat dang den",
        "chuyen den ngay",
        "ngay den",
    ),
    TRANSFER_FROM: (
        "noi chuyen den",
        "chuyen den tu",
        "chuyen tu",
        "noi chuyen di",
        "don vi chuyen den",
        "noi sinh hoat truoc",
    ),
}

_LOOKUP = {syn: field for field, names in SYNONYMS.items() for syn in names}
# Names of two words or more, longest first, spaced on both sides to be found as words.
_WORD_GROUPS = [(f" {s} ", _LOOKUP[s]) for s in sorted(_LOOKUP, key=lambda s: -len(s)) if " " in s]
_PUNCT = re.compile(r"[^\w\s]|_")
_PARENS = re.compile(r"\([^)]*\)")


def header_key(text: str) -> str:
    """A header compared without diacritics, case or punctuation: 'Số thẻ ĐV' → 'so the dv'."""
    return " ".join(_PUNCT.sub(" ", fold(text)).split())


def match_header(text: str) -> str | None:
    """The field a header names, or None."""
    key = header_key(text)
    if not key:
        return None
    if key in _LOOKUP:
        return _LOOKUP[key]
    bare = header_key(_PARENS.sub(" ", fold(text)))
    if bare in _LOOKUP:
        return _LOOKUP[bare]
    # A longer header that contains a known name: 'Họ và tên (chữ in hoa)', 'Ngày vào Đảng
    # (dự bị)'. Only names of two words or more, so 'sinh' or 'que' alone never decide.
    padded = f" {bare} "
    for words, field in _WORD_GROUPS:
        if words in padded:
            return field
    return None


def choices() -> list[tuple[str, str]]:
    """(key, label) of everything a column can be imported as, in register order."""
    items = [(IGNORE, _(EXTRA_LABELS[IGNORE]))]
    for name, label in FIELD_LABELS.items():
        items.append((name, _(label)))
        if name == "birth_date":
            items.append((BIRTH_MALE, _(EXTRA_LABELS[BIRTH_MALE])))
            items.append((BIRTH_FEMALE, _(EXTRA_LABELS[BIRTH_FEMALE])))
        if name == "gender":
            items.append((MARK_MALE, _(EXTRA_LABELS[MARK_MALE])))
            items.append((MARK_FEMALE, _(EXTRA_LABELS[MARK_FEMALE])))
    items.append((TRANSFER_DATE, _(EXTRA_LABELS[TRANSFER_DATE])))
    items.append((TRANSFER_FROM, _(EXTRA_LABELS[TRANSFER_FROM])))
    items.append((TO_NOTES, _(EXTRA_LABELS[TO_NOTES])))
    items.append((ROW_NUMBER, _(EXTRA_LABELS[ROW_NUMBER])))
    return items


def label(key: str) -> str:
    if key in FIELD_LABELS:
        return _(FIELD_LABELS[key])
    return _(EXTRA_LABELS.get(key, key))


def stored_field(key: str) -> str:
    """The register field a column choice fills ('birth_date_male' → 'birth_date')."""
    if key in (BIRTH_MALE, BIRTH_FEMALE):
        return "birth_date"
    if key in (MARK_MALE, MARK_FEMALE):
        return "gender"
    if key == TO_NOTES:
        return "notes"
    return key
