"""Cell values as typed in office lists → the register's values (ISO dates, text numbers)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from ...domain.text import clean_text, fold, hidden_characters
from ...i18n import _

_EXCEL_EPOCH = dt.date(1899, 12, 30)
_DMY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$")
_YMD = re.compile(r"^(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})$")
_MY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_YM = re.compile(r"^(\d{4})\s*[/.\-]\s*(\d{1,2})$")
_Y = re.compile(r"^(\d{4})$")
_WORDS = re.compile(r"^(?:ngay\s*(\d{1,2})\s*)?(?:thang\s*(\d{1,2})\s*)?(?:nam\s*(\d{4}))$")
_TIME_TAIL = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")


class ValueProblem(ValueError):
    """A cell that cannot be understood; the message says why, in Vietnamese."""


def clean_cell(value, multiline: bool = False) -> str:
    """clean_text of a cell, skipping the work for the usual already-clean text."""
    if (
        isinstance(value, str)
        and value.isprintable()
        and "  " not in value
        and value == value.strip()
        and unicodedata.is_normalized("NFC", value)
    ):
        return value
    return clean_text(as_text(value), multiline=multiline)


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def as_text(value: object) -> str:
    """What a person sees in the cell, as text: floats lose Excel's '.0', dates read d/m/y."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    return str(value)


def _checked(year: int, month: int | None, day: int | None, shown: str) -> str:
    if month is not None and not 1 <= month <= 12:
        raise ValueProblem(
            _("“{value}” không phải là ngày có thật (tháng {m}).").format(value=shown, m=month)
        )
    if day is not None:
        try:
            dt.date(year, month, day)  # type: ignore[arg-type]
        except ValueError:
            raise ValueProblem(
                _("“{value}” không phải là ngày có thật.").format(value=shown)
            ) from None
        return f"{year:04d}-{month:02d}-{day:02d}"
    if month is not None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}"


def _full_year(text: str, today: dt.date) -> int:
    year = int(text)
    if len(text) == 2:  # '59' in a birth date: the century that does not lie in the future
        year += 2000 if year <= today.year % 100 else 1900
    return year


def parse_date(value: object, today: dt.date) -> str | None:
    """An ISO date, partial when the cell is ('1960', '1960-05'); day first always."""
    kind = value.__class__
    if kind is dt.date:  # the usual cells first: a date cell, or 'dd/mm/yyyy' typed as text
        return value.isoformat()
    if kind is str and len(value) == 10 and value[2] == "/" and value[5] == "/":
        day, month, year = value[:2], value[3:5], value[6:]
        if value.isascii() and day.isdigit() and month.isdigit() and year.isdigit():
            try:
                return dt.date(int(year), int(month), int(day)).isoformat()
            except ValueError:
                pass  # the full path below says why
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        raise ValueProblem(_("“{value}” không phải là ngày.").format(value=value))
    if isinstance(value, (int, float)):
        number = float(value)
        if number.is_integer() and 1000 <= number <= 2200:  # a year typed as a number
            return f"{int(number):04d}"
        if 2200 < number < 2958466:  # an Excel serial day number
            return (_EXCEL_EPOCH + dt.timedelta(days=int(number))).isoformat()
        raise ValueProblem(_("“{value}” không phải là ngày.").format(value=as_text(value)))
    shown = clean_text(value)
    text = _TIME_TAIL.sub("", shown)
    if match := _DMY.match(text):
        day, month, year = match.groups()
        return _checked(_full_year(year, today), int(month), int(day), shown)
    if match := _YMD.match(text):
        year, month, day = match.groups()
        return _checked(int(year), int(month), int(day), shown)
    if match := _MY.match(text):
        month, year = match.groups()
        return _checked(int(year), int(month), None, shown)
    if match := _YM.match(text):
        year, month = match.groups()
        return _checked(int(year), int(month), None, shown)
    if match := _Y.match(text):
        return _checked(int(match.group(1)), None, None, shown)
    words = fold(re.sub(r"[,/.\-]", " ", text))
    if (match := _WORDS.match(words)) and not (match.group(1) and not match.group(2)):
        day, month, year = match.groups()
        return _checked(int(year), int(month) if month else None, int(day) if day else None, shown)
    raise ValueProblem(
        _("Không đọc được ngày “{value}” (dùng dạng 05/03/1960, 03/1960 hoặc 1960).").format(
            value=shown
        )
    )


_MALE = {"nam", "m", "male", "trai"}
_FEMALE = {"nu", "f", "female", "gai"}
_MARKS = {"x", "v", "1", "✓", "✔", "√", "co", "+"}
_NO = {"", "0", "-", "khong", "k", "no", "false"}


def parse_gender(value: object) -> str | None:
    if is_blank(value):
        return None
    key = fold(as_text(value)).strip(" .")
    if key in _MALE:
        return "Nam"
    if key in _FEMALE:
        return "Nữ"
    raise ValueProblem(
        _("Không hiểu giới tính “{value}” (ghi “Nam” hoặc “Nữ”).").format(value=as_text(value))
    )


def is_mark(value: object) -> bool:
    """A tick in a Nam / Nữ column: 'x', 'X', '1', '✓'…"""
    if is_blank(value):
        return False
    return fold(as_text(value)).strip(" .") in _MARKS


def parse_flag(value: object) -> bool:
    if is_blank(value):
        return False
    return fold(as_text(value)).strip(" .") not in _NO


def name_problem(value: object) -> str | None:
    """Why a cell cannot be a person's name, or None. Checked before cleaning, so control
    characters and formula-like text are seen as they came."""
    if not isinstance(value, str):
        if is_blank(value):
            return _("Họ và tên bị bỏ trống.")
        return _("“{value}” không phải là họ và tên.").format(value=as_text(value))
    text = value.strip()
    if not text:
        return _("Họ và tên bị bỏ trống.")
    if text[0] in "=+@-":
        return _("“{value}” bắt đầu bằng “{c}” như một công thức, không phải họ và tên.").format(
            value=clean_text(text)[:40], c=text[0]
        )
    if hidden_characters(text):
        return _(
            "Họ và tên có ký tự ẩn (ký tự điều khiển, khoảng trắng không độ rộng hoặc dấu đổi "
            "chiều chữ): hãy gõ lại tên trong tệp."
        )
    return None


# Digits-only columns that Excel turns into numbers, and the usual length of their values.
_USUAL_LENGTH = {"phone": 10, "citizen_id": 12}


def number_text(value: object, field: str, shape: tuple[int, int] | None) -> str:
    """Text of a numbering cell (card, phone, ID), restoring zeros Excel dropped.

    ``shape`` is the usual (digits before, digits after the dot) of the column's values
    typed as text; a number read back as a float is padded to it.
    """
    if value.__class__ is str or not isinstance(value, (int, float)) or isinstance(value, bool):
        return clean_cell(value)
    text = as_text(value)
    if "e" in text.lower():
        text = f"{value:.0f}"
    whole, _dot, fraction = text.partition(".")
    if shape is not None:
        before, after = shape
        whole = whole.rjust(before, "0")
        if after:
            fraction = fraction.ljust(after, "0")
    elif field in _USUAL_LENGTH and not fraction:
        usual = _USUAL_LENGTH[field]
        if len(whole) == usual - 1:
            whole = "0" + whole
    return f"{whole}.{fraction}" if fraction else whole


def text_shape(text: str) -> tuple[int, int] | None:
    """(digits before, after the dot) of a digits-only value typed as text, else None."""
    whole, _dot, fraction = text.partition(".")
    if whole.isdigit() and (not fraction or fraction.isdigit()):
        return len(whole), len(fraction)
    return None


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
