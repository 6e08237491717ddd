"""Party dues written: members' bases and reliefs, payments ("all paid as due", then the
exceptions), the month's passing up, the cell's settings."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlite_utils import Database

from ...domain.dues import DuesBasis, Month, Relief
from ...domain.dues_checks import (
    DuesError,
    MonthRecord,
    Payment,
    check_amount,
    check_membership,
    check_relief,
)
from ...domain.text import clean_text
from ...errors import ChiboError, NotFoundError
from ...i18n import _
from ...rules.dues import dues_rules
from ...storage import changelog
from ...storage import dues as store
from ...storage import meetings as meeting_store
from ...storage import members as member_store
from ..cell.identity import set_setting
from ..contract.context import current_user
from ..contract.results import Changes, Result
from .ledger import OPTIONS_KEY, START, DuesBook, month_ledger, option_changes

CHANGED = Changes(dues=True)


def _refused(exc: DuesError) -> ChiboError:
    return ChiboError(str(exc))


def _member_name(db: Database, member_id: int) -> str:
    member = member_store.get(db, member_id)
    if member is None:
        raise NotFoundError(_("Không tìm thấy đảng viên số {id}.").format(id=member_id))
    return member.full_name


def checked_basis(basis: DuesBasis) -> DuesBasis:
    """The basis as stored, or ChiboError with the reason it is refused."""
    rules = dues_rules()
    if basis.group not in rules.group_keys():
        raise ChiboError(_("Nhóm đóng đảng phí không được biết: {key}.").format(key=basis.group))
    try:
        if basis.basis is not None:
            check_amount(basis.basis, rules, _("Căn cứ tính"))
        if basis.voluntary is not None:
            check_amount(basis.voluntary, rules, _("Mức tự nguyện"))
    except DuesError as exc:
        raise _refused(exc) from exc
    return dataclasses.replace(basis, note=clean_text(basis.note))


def save_basis(db: Database, basis: DuesBasis) -> Result[DuesBasis]:
    """Set a member's dues group and basis from a month on (earlier months keep theirs)."""
    basis = checked_basis(basis)
    _member_name(db, basis.member_id)
    with db.atomic():
        store.save_bases(db, [basis])
        changelog.record(
            db,
            current_user(),
            "dues",
            basis.member_id,
            [(f"basis {basis.from_month}", "", f"{basis.group} {basis.basis or ''}".strip())],
        )
    return Result(basis, CHANGED)


def basis_history(db: Database, member_id: int) -> list[DuesBasis]:
    return store.bases_of(db, member_id)


def add_relief(db: Database, relief: Relief) -> Result[int]:
    """Record an exemption, a reduction or a deferral with its decision."""
    _member_name(db, relief.member_id)
    try:
        check_relief(relief, dues_rules().regime_for(relief.first))
    except DuesError as exc:
        raise _refused(exc) from exc
    if relief.kind == "defer":
        _check_temporarily_exempt(db, relief)
    relief = dataclasses.replace(
        relief, reason=clean_text(relief.reason), decision=clean_text(relief.decision)
    )
    with db.atomic():
        relief_id = store.add_relief(db, relief)
        changelog.record(
            db,
            current_user(),
            "dues",
            relief.member_id,
            [(f"relief {relief.first}–{relief.last}", "", f"{relief.kind} {relief.percent}")],
        )
    return Result(relief_id, CHANGED)


def _check_temporarily_exempt(db: Database, relief: Relief) -> None:
    """QĐ 01: deferring (or paying ahead) is for members on tạm miễn sinh hoạt đảng."""
    book = DuesBook(db, relief.first, relief.first)
    member = next(m for m in book.members if m.id == relief.member_id)
    days = (relief.first.first, relief.first.last)
    if all(book.state_on(member, day).condition != "temp_exempt" for day in days):
        raise ChiboError(
            _(
                "Chỉ cho chậm đóng với đảng viên đang tạm miễn sinh hoạt đảng "
                "(tháng {month} đảng viên không tạm miễn)."
            ).format(month=relief.first.label())
        )


def reliefs_of(db: Database, member_id: int) -> list[Relief]:
    return store.all_reliefs(db).get(member_id, [])


def remove_relief(db: Database, relief_id: int) -> Result[None]:
    with db.atomic():
        store.delete_relief(db, relief_id)
    return Result(None, CHANGED)


def _payment_checked(book: DuesBook, payment: Payment) -> Payment:
    rules = book.rules
    member = next((m for m in book.members if m.id == payment.member_id), None)
    if member is None:
        raise NotFoundError(_("Không tìm thấy đảng viên số {id}.").format(id=payment.member_id))
    try:
        check_amount(payment.amount, rules, _("Số tiền nộp"))
        month = payment.month
        if not book.belongs(member, month):
            spans = book.spans(member)
            joined = Month.of(spans[0][0]) if spans else None
            ended = [Month.of(end) for _start, end in spans if end and Month.of(end) < month]
            # Between two stays in the cell: the month is after the first one ended.
            check_membership(month, joined, ended[-1] if ended else month.previous())
    except DuesError as exc:
        raise ChiboError(f"{member.full_name}: {exc}") from exc
    regime = rules.regime_for(payment.month)
    if payment.method not in regime.methods:
        raise ChiboError(
            _("Hình thức nộp “{method}” không có trong {regime}.").format(
                method=payment.method, regime=regime.title
            )
        )
    return dataclasses.replace(payment, note=clean_text(payment.note))


def record_payment(db: Database, payment: Payment) -> Result[Payment]:
    """One member's payment for a month (replaces what was recorded for that month)."""
    book = DuesBook(db, payment.month, payment.month)
    payment = _payment_checked(book, payment)
    with db.atomic():
        store.save_payments(db, [payment])
    return Result(payment, CHANGED)


def clear_payment(db: Database, member_id: int, month: Month) -> Result[None]:
    with db.atomic():
        store.delete_payment(db, member_id, month)
    return Result(None, CHANGED)


def pay_all_as_due(
    db: Database, month: Month, paid_on: dt.date, method: str = "cash"
) -> Result[int]:
    """Every member who owes this month and has paid nothing is recorded as paid in full;
    then the exceptions are entered one by one. Returns how many were recorded."""
    ledger = month_ledger(db, month)
    if method not in ledger.regime.methods:
        raise ChiboError(
            _("Hình thức nộp “{method}” không có trong {regime}.").format(
                method=method, regime=ledger.regime.title
            )
        )
    payments = [
        Payment(line.member_id, month, line.due.amount, method, paid_on.isoformat())
        for line in ledger.lines
        if line.state == "unpaid" and line.due.amount
    ]
    with db.atomic():
        store.save_payments(db, payments)
    return Result(len(payments), CHANGED)


def _check_meeting(db: Database, meeting_id: int | None) -> None:
    if meeting_id is not None and meeting_store.status(db, meeting_id) is None:
        raise NotFoundError(_("Không tìm thấy buổi sinh hoạt số {id}.").format(id=meeting_id))


def save_month_record(db: Database, record: MonthRecord) -> Result[MonthRecord]:
    """What the month passed up to the superior committee and when; the meeting that
    collected it."""
    if record.passed_up is not None:
        try:
            check_amount(record.passed_up, dues_rules(), _("Số tiền nộp cấp trên"))
        except DuesError as exc:
            raise _refused(exc) from exc
    record = dataclasses.replace(record, note=clean_text(record.note))
    _check_meeting(db, record.meeting_id)
    with db.atomic():
        store.save_month_record(db, record)
    return Result(record, CHANGED)


def link_meeting(db: Database, month: Month, meeting_id: int | None) -> Result[None]:
    """Record that the meeting collected this month's dues."""
    _check_meeting(db, meeting_id)
    current = store.month_records(db, month, month).get(month) or MonthRecord(month)
    with db.atomic():
        store.save_month_record(db, dataclasses.replace(current, meeting_id=meeting_id))
    return Result(None, CHANGED)


def save_cell_options(
    db: Database,
    *,
    from_month: Month | None = None,
    rounding: str | None = None,
    kept_percent: int | None = None,
    group_amounts: dict[str, int] | None = None,
) -> Result[None]:
    """Change the cell's dues settings from a month on (from the start when None); earlier
    months keep theirs. A None argument leaves that setting as it is."""
    rules = dues_rules()
    change: dict = {}
    if rounding is not None:
        if rounding not in rules.rounding_choices:
            raise ChiboError(_("Cách làm tròn không được biết: {value}.").format(value=rounding))
        change["rounding"] = rounding
    if kept_percent is not None:
        if not 0 <= kept_percent <= 100:
            raise ChiboError(_("Tỷ lệ chi bộ giữ lại phải từ 0 đến 100%."))
        change["kept_percent"] = kept_percent
    if group_amounts:
        change["group_amounts"] = {k: _checked_group_amount(k, v) for k, v in group_amounts.items()}
    start = str(from_month or START)
    changes = option_changes(db)
    entry = next((c for c in changes if c["from"] == start), None)
    if entry is None:
        entry = {"from": start}
        changes.append(entry)
    amounts = {**entry.get("group_amounts", {}), **change.pop("group_amounts", {})}
    entry.update(change)
    if amounts:
        entry["group_amounts"] = amounts
    with db.atomic():
        set_setting(db, OPTIONS_KEY, {"changes": sorted(changes, key=lambda c: c["from"])})
    return Result(None, CHANGED)


def _checked_group_amount(key: str, amount: int) -> int:
    rules = dues_rules()
    regime_key, _sep, group_key = key.partition(":")
    regime = next((r for r in rules.regimes if r.key == regime_key), None)
    group = regime.group(group_key) if regime else None
    if group is None or not group.cell_set or group.same_as:
        raise ChiboError(_("Nhóm {key} không do chi bộ đặt mức.").format(key=key))
    try:
        check_amount(amount, rules, group.label)
    except DuesError as exc:
        raise _refused(exc) from exc
    low, high = group.minimum, group.maximum
    if (low is not None and amount < low) or (high is not None and amount > high):
        raise ChiboError(
            _("Mức của nhóm “{group}” phải từ {low} đến {high} đ.").format(
                group=group.label, low=low, high=high
            )
        )
    return amount
