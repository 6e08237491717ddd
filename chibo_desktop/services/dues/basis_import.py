"""Importing the dues basis of many members from a unit's salary list: each row matched to a
member (by card, else by name, with the birth date when names repeat), its amount checked,
then written as the members' basis from a month on. Rows that cannot be used are returned
with their reasons (and can be saved as a workbook to correct)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from ...domain.dues import DuesBasis, Month, basis_on
from ...domain.dues_checks import DuesError, check_amount
from ...domain.text import fold
from ...errors import ChiboError
from ...i18n import _
from ...interop.spreadsheet import RejectedRow, write_error_report
from ...interop.spreadsheet.salary_list import BasisRow, read_basis_sheet
from ...rules.dues import dues_rules
from ...storage import dues as store
from ..contract.results import Changes, Result
from ..members.states import StateDeriver, brief_members, change_lists

BASIS_GROUPS = ("salary", "pension", "benefit")


@dataclass
class BasisImport:
    file_name: str
    month: Month
    group: str
    planned: list[DuesBasis] = field(default_factory=list)
    unchanged: int = 0
    rejected: list[BasisRow] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "file": self.file_name,
            "from_month": str(self.month),
            "group": self.group,
            "updated": len(self.planned),
            "unchanged": self.unchanged,
            "rejected": [
                {"row": r.number, "reasons": [p[3] for p in r.problems]} for r in self.rejected
            ],
        }


def _match(row: BasisRow, by_card: dict, by_name: dict) -> tuple[int | None, str]:
    card = row.card_number.replace(" ", "")
    if card:
        if card in by_card:
            return by_card[card], ""
        return None, _("Không có đảng viên nào mang số thẻ {card}.").format(card=row.card_number)
    people = by_name.get(fold(row.full_name), [])
    if row.birth_date and len(people) > 1:
        people = [p for p in people if p[1] == row.birth_date]
    if len(people) == 1:
        return people[0][0], ""
    if not people:
        return None, _("Không có đảng viên nào tên “{name}” trong chi bộ.").format(
            name=row.full_name
        )
    return None, _("Có {n} đảng viên tên “{name}”: cần số thẻ hoặc ngày sinh.").format(
        n=len(people), name=row.full_name
    )


def plan_basis_import(
    db: Database, path: str | Path, month: Month, group: str, today: dt.date
) -> BasisImport:
    """What importing the file would write; nothing is written."""
    if group not in BASIS_GROUPS:
        raise ChiboError(
            _("Nhóm của bảng lương phải là một trong: {names}.").format(
                names=", ".join(BASIS_GROUPS)
            )
        )
    sheet = read_basis_sheet(path, today)
    members = brief_members(db)
    histories, state = change_lists(db), StateDeriver().state
    present = [
        m for m in members if state(histories.get(m.id, ()), month.last, m.official_date).in_cell
    ]
    keys = store.member_keys(db)
    by_card = {keys[m.id][0].replace(" ", ""): m.id for m in present if keys[m.id][0]}
    by_name: dict[str, list[tuple[int, str | None]]] = {}
    for m in present:
        by_name.setdefault(fold(m.full_name), []).append((m.id, keys[m.id][1]))
    bases = store.all_bases(db)
    rules = dues_rules()
    plan = BasisImport(Path(path).name, month, group, headers=sheet.headers)
    seen: dict[int, int] = {}
    for row in sheet.rows:
        member_id, reason = _match(row, by_card, by_name)
        if member_id is not None and member_id in seen:
            reason = _("Đảng viên này đã có ở dòng {row}.").format(row=seen[member_id])
            member_id = None
        if reason:
            row.problems.append((-1, "", row.full_name, reason))
        if row.amount is not None:
            try:
                check_amount(row.amount, rules, _("Số tiền"))
            except DuesError as exc:
                row.problems.append((-1, sheet.amount_header, str(row.amount), str(exc)))
        if row.problems or member_id is None:
            plan.rejected.append(row)
            continue
        seen[member_id] = row.number
        current = basis_on(bases.get(member_id, ()), month)
        basis = DuesBasis(
            member_id,
            month,
            group,
            row.amount,
            current.voluntary if current else None,
            current.past_working_age if current else False,
            current.note if current and current.from_month == month else "",
        )
        if current is not None and (current.group, current.basis) == (group, row.amount):
            plan.unchanged += 1
            continue
        plan.planned.append(basis)
    return plan


def commit_basis_import(db: Database, plan: BasisImport) -> Result[BasisImport]:
    """Write the planned bases in one transaction (all or nothing)."""
    with db.atomic():
        store.save_bases(db, plan.planned)
    return Result(plan, Changes(dues=True))


def save_rejected(plan: BasisImport, path: str | Path) -> Path:
    """The rows that were not imported, with their reasons, as a workbook to correct."""
    rows = [RejectedRow(r.number, r.raw, r.problems) for r in plan.rejected]
    return write_error_report(path, plan.file_name, plan.headers, rows)
