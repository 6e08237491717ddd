"""Party dues: reading and checking amounts, reliefs and payments; the state of a month."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..i18n import N_, _
from .dues import Due, DuesRules, Month, Regime, Relief

# 9.360.000 · 9,360,000 · 9 360 000 · 9360000, with or without đ / đồng / VND.
_CURRENCY = re.compile(r"(?:đồng|dong|vnđ|vnd|đ|d)\.?$", re.IGNORECASE)
_GROUPED = re.compile(r"^\d{1,3}(?:([.,\s])\d{3})?(?:\1\d{3})*$")


class DuesError(ValueError):
    """Input the dues rules refuse; the message is for the secretary."""


def parse_amount(value: object) -> int:
    """Whole đồng from a typed or imported value; DuesError when it cannot be read."""
    if isinstance(value, bool):
        raise DuesError(_("Số tiền “{text}” không đọc được.").format(text=value))
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value != int(value):
            raise DuesError(_("Số tiền phải là số đồng chẵn: {text}.").format(text=value))
        return int(value)
    text = str(value or "").strip().replace("\u00a0", " ")
    text = _CURRENCY.sub("", text).strip()
    negative = text.startswith("-")
    digits = text.lstrip("-").strip()
    if digits.isdigit():
        amount = int(digits)
    elif _GROUPED.match(digits):
        amount = int(re.sub(r"[.,\s]", "", digits))
    else:
        raise DuesError(
            _("Số tiền “{text}” không đọc được (ghi dạng 9.360.000 hoặc 9360000).").format(
                text=value
            )
        )
    return -amount if negative else amount


def check_amount(amount: int, rules: DuesRules, what: str) -> int:
    """Refuse a negative amount and one above the monthly guard of the rules file."""
    if amount < 0:
        raise DuesError(_("{what} không được âm.").format(what=what))
    if amount > rules.max_monthly:
        raise DuesError(
            _("{what} {amount} đ quá lớn (trên {limit} đ một tháng); hãy kiểm tra lại.").format(
                what=what, amount=f"{amount:,}".replace(",", "."), limit=f"{rules.max_monthly:,}"
            )
        )
    return amount


def check_relief(relief: Relief, regime: Regime) -> None:
    """A relief the regime allows: its months in order, not longer than the limit, and a
    reduction of one of the percentages the regime names."""
    if relief.kind not in ("exempt", "reduce", "defer"):
        raise DuesError(_("Loại miễn, giảm không được biết: {kind}.").format(kind=relief.kind))
    if relief.last < relief.first:
        raise DuesError(_("Tháng kết thúc phải sau hoặc bằng tháng bắt đầu."))
    if relief.kind != "defer" and relief.months > regime.relief_max_months:
        raise DuesError(
            _("Mỗi lần miễn, giảm tối đa {n} tháng; quyết định này dài {m} tháng.").format(
                n=regime.relief_max_months, m=relief.months
            )
        )
    if relief.kind == "reduce":
        allowed = regime.reduction_percents or tuple(range(1, 100))
        if relief.percent not in allowed:
            raise DuesError(
                _("Mức giảm phải là {choices}%.").format(
                    choices=", ".join(str(p) for p in regime.reduction_percents)
                )
            )


def check_membership(month: Month, joined: Month | None, left: Month | None) -> None:
    """A payment is only for a month the member belonged to the cell."""
    if joined is None or month < joined:
        raise DuesError(
            _("Tháng {month} đảng viên chưa sinh hoạt tại chi bộ.").format(month=month.label())
        )
    if left is not None and month > left:
        raise DuesError(
            _("Tháng {month} đảng viên đã không còn sinh hoạt tại chi bộ.").format(
                month=month.label()
            )
        )


@dataclass(frozen=True)
class Payment:
    member_id: int
    month: Month
    amount: int
    method: str = "cash"  # cash | online
    paid_on: str | None = None  # ISO date
    note: str = ""


@dataclass(frozen=True)
class MonthRecord:
    """What a month passed up to the superior committee, and the meeting that collected."""

    month: Month
    passed_up: int | None = None
    passed_up_on: str | None = None
    meeting_id: int | None = None
    note: str = ""


def month_state(due: Due, paid: int | None) -> str:
    """paid | partial | unpaid | exempt | deferred | unset | extra (paid while exempt)."""
    paid = paid or 0
    if due.state == "exempt":
        return "extra" if paid > 0 else "exempt"
    if due.state == "unset":
        return "paid" if paid > 0 else "unset"
    if due.amount is not None and paid >= due.amount:
        return "paid"
    if due.state == "deferred":
        return "deferred"
    return "partial" if paid > 0 else "unpaid"


STATE_LABELS = {
    "paid": N_("Đã nộp"),
    "partial": N_("Nộp thiếu"),
    "unpaid": N_("Chưa nộp"),
    "exempt": N_("Miễn"),
    "deferred": N_("Cho chậm đóng"),
    "unset": N_("Chưa khai căn cứ"),
    "extra": N_("Miễn (có khoản nộp tự nguyện)"),
}


def unpaid_months(states: Iterable[tuple[Month, str]]) -> list[Month]:
    """The months counted towards the sanction: nothing paid, no relief (a partial payment
    and a deferral are not "không đóng")."""
    return [month for month, state in states if state == "unpaid"]
