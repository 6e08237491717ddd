"""Member list exports: Excel in the Mẫu 7-HSĐV column order, and a printable PDF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from ...domain.members import Member
from ...domain.status import (
    CONDITION_LABELS,
    MEMBERSHIP_LABELS,
    TEMPORARY_LABEL,
    MemberState,
    StatusChange,
)
from ...domain.text import name_sort_key
from ...errors import ChiboError
from ...i18n import _, format_date
from ...interop.letterhead import Letterhead
from ...interop.member_register import RegisterEntry
from ...rules.statuses import status_rules
from ...storage import members as store
from ..cell.document_numbers import issue_number
from ..cell.identity import get_cell
from ..cell.letterheads import upward_letterhead
from ..contract.context import today as _today
from ..contract.results import Progress
from .register import state_of

LEAVING = ("resigned", "struck_off", "expelled", "temp_in_end")
FORMATS = (".xlsx", ".pdf", ".docx")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    count: int


def _when_where(change: StatusChange) -> str:
    return ", ".join(p for p in (format_date(change.date), change.note) if p)


def printed_state_label(state: MemberState) -> str:
    """The member's state as printed on the list: Vietnamese whatever the interface
    language (``MemberState.label`` follows the interface)."""
    if not state.in_cell:
        return state.left or "Chưa vào chi bộ"
    if state.condition != "normal":
        return CONDITION_LABELS[state.condition]
    if state.attachment == "temporary":
        return TEMPORARY_LABEL
    return MEMBERSHIP_LABELS.get(state.membership or "chinh_thuc", "")


def register_entry(member: Member, history: list[StatusChange]) -> RegisterEntry:
    """Columns the register fills from the status history (transfers, death, leaving);
    printed text, so in Vietnamese whatever the interface language."""
    labels = {key: rule.label for key, rule in status_rules().items()}
    out = [c for c in history if c.kind == "transfer_out"]
    came = [c for c in history if c.kind == "transfer_in"]
    died = [c for c in history if c.kind == "died"]
    left = [c for c in history if c.kind in LEAVING]
    state = state_of(member, history)
    remark = []
    if state.in_cell and state.code not in ("chinh_thuc", "du_bi"):
        remark.append(printed_state_label(state))
    elif state.in_cell and state.code == "du_bi":
        remark.append("Dự bị")
    if member.notes:
        remark.append(member.notes)
    leaving = ""
    if left:
        last = left[-1]
        leaving = ", ".join(
            p for p in (format_date(last.date), labels.get(last.kind, last.kind), last.note) if p
        )
    return RegisterEntry(
        member=member,
        status_label=printed_state_label(state),
        transferred_out=_when_where(out[-1]) if out else "",
        transferred_in=_when_where(came[-1]) if came else "",
        died=died[-1].date if died else None,
        left=leaving,
        remark="; ".join(remark),
    )


def register_entries(
    db: Database, *, member_ids: Sequence[int] | None = None, include_left: bool = False
) -> list[RegisterEntry]:
    """Entries in the given order, or every member of the cell in register (name) order."""
    histories = store.all_status_histories(db)
    members = {m.id: m for m in store.all_members(db, in_cell_only=not include_left)}
    if member_ids is None:
        ordered = sorted(members.values(), key=lambda m: name_sort_key(m.full_name))
    else:
        if not include_left:
            members = {m.id: m for m in store.all_members(db)}
        ordered = [members[i] for i in member_ids if i in members]
    return [register_entry(m, histories.get(m.id, [])) for m in ordered]


def letterhead(db: Database, today: dt.date, number: str = "") -> Letterhead:
    return upward_letterhead(db, today, number, addressed=False)


def export_members(
    db: Database,
    path: str | Path,
    *,
    member_ids: Sequence[int] | None = None,
    include_left: bool = False,
    today: dt.date | None = None,
    number: str = "",
) -> Generator[Progress, None, ExportResult]:
    """Write the list to ``path`` (.xlsx, .pdf or .docx). ``member_ids`` keeps a screen's order
    and filter; without it, every member of the cell in register order."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        raise ChiboError(_("Chỉ xuất được tệp .xlsx, .pdf hoặc .docx."))
    today = today or _today()
    yield Progress(0, 3, _("Đang đọc danh sách…"))
    entries = register_entries(db, member_ids=member_ids, include_left=include_left)
    number = issue_number(db, "members", today, today, today, number)
    head = letterhead(db, today, number)
    yield Progress(1, 3, _("Đang ghi tệp…"))
    if suffix == ".xlsx":
        from ...interop.xlsx.members import write_members_xlsx

        write_members_xlsx(target, head, entries, signer=("BÍ THƯ", get_cell(db).secretary_name))
    elif suffix == ".docx":
        from ...interop.docx.member_list import write_member_list_docx

        secretary = get_cell(db).secretary_name
        write_member_list_docx(target, head, entries, signer=("BÍ THƯ", secretary))
    else:
        from ...interop.pdf.member_list import write_member_list_pdf

        secretary = get_cell(db).secretary_name
        write_member_list_pdf(target, head, entries, signer=("BÍ THƯ", secretary))
    yield Progress(3, 3, _("Xong."))
    return ExportResult(target, len(entries))
