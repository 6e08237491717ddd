"""The import plan: the file read once, every row turned into a record, checked and matched
against the register. The preview shows a plan; the commit writes that same plan."""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Generator
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from ...errors import ChiboError
from ...i18n import _, format_iso_date
from ...interop import spreadsheet as xl
from ...storage import members as member_store
from ..contract.context import today as _today
from ..contract.results import Changes, Progress, Result
from .checking import ADD, REJECTED, UNCHANGED, UPDATE, Checker, Outcome, Register, Rejection
from .setup import find_layout, saved_mapping

_STEP = 2000  # rows between two progress reports


@dataclass
class PreviewRow:
    number: int
    action: str
    values: dict[str, str]
    problems: dict[str, str]
    reason: str = ""  # every problem of a rejected row, in one line


@dataclass
class ImportReport:
    file_name: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    without_history: int = 0  # new members with no joining date: no status change made
    rejected: list[Rejection] = field(default_factory=list)
    written: bool = False
    dry_run: bool = False
    strict_refused: bool = False
    replanned: bool = False  # the file or the register changed between preview and commit
    headers: list[str] = field(default_factory=list)
    rejected_rows: list[xl.RejectedRow] = field(default_factory=list)
    rows: list[PreviewRow] | None = None

    def as_json(self) -> dict:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "without_history": self.without_history,
            "rejected": [r.as_json() for r in self.rejected],
            "written": self.written,
            "replanned": self.replanned,
        }


@dataclass
class ImportPlan:
    """What an import will do, row by row, decided once."""

    path: Path
    file_stamp: tuple[int, int]  # size and modification time of the file read
    register_stamp: tuple  # what the register looked like when checked
    sheet: str
    mapping: dict[int, str]
    chosen: bool  # the mapping was the user's choice (remembered when written)
    signature: str
    arrived: bool  # every new member came from another cell
    today: dt.date
    outcomes: list[Outcome]
    report: ImportReport

    def still_current(self, db: Database) -> bool:
        return self.file_stamp == file_stamp(self.path) and self.register_stamp == (
            register_stamp(db)
        )


def file_stamp(path: Path) -> tuple[int, int]:
    try:
        info = os.stat(path)
    except OSError:
        return (-1, -1)
    return info.st_size, info.st_mtime_ns


def register_stamp(db: Database) -> tuple:
    return member_store.count_and_last_change(db)


def plan_import(
    db: Database,
    path: str | Path,
    *,
    sheet: str | None = None,
    mapping: dict[int, str] | None = None,
    arrived: bool = False,
    preview: bool = False,
    today: dt.date | None = None,
) -> Generator[Progress, None, Result[ImportPlan]]:
    """Read the file once and decide what each row does. A ``mapping`` given by the user
    (column index → field) is remembered for files with the same headers once written.
    ``arrived``: the members are recorded as transferred in from another cell."""
    path = Path(path)
    today = today or _today()
    stamp = file_stamp(path)
    yield Progress(0, 0, _("Đang đọc tệp {name}…").format(name=path.name))
    book = xl.open_book(path)
    name, layout = find_layout(book, sheet)
    chosen = mapping if mapping is not None else (saved_mapping(db, layout.signature()) or {})
    chosen = chosen or layout.detected()
    if "full_name" not in chosen.values():
        raise ChiboError(_("Chưa chọn cột nào là “Họ và tên”."))
    rows = book.sheet(name).rows
    book.forget()
    reader = xl.RowReader(layout, chosen, today)
    total = max(len(rows) - layout.first_data_row, 0)
    records = []
    for record in reader.records(rows):
        records.append(record)
        if len(records) % _STEP == 0:
            done = record.number - layout.first_data_row
            yield Progress(done, total, _("Đang đọc dòng {n}…").format(n=record.number))
    del rows
    yield Progress(total, total, _("Đang đối chiếu với sổ đảng viên…"))
    register = Register(
        member_store.COLUMNS,
        member_store.all_rows(db),
        lambda member_id: member_store.get(db, member_id),
    )
    outcomes = Checker(register, reader.header, today).check(records)
    report = _report(path, reader, layout, outcomes, arrived)
    if preview:
        report.rows = [_preview_row(o) for o in outcomes]
    plan = ImportPlan(
        path,
        stamp,
        register_stamp(db),
        name,
        chosen,
        mapping is not None,
        layout.signature(),
        arrived,
        today,
        outcomes,
        report,
    )
    return Result(plan, Changes())


def _report(path: Path, reader, layout, outcomes: list[Outcome], arrived: bool) -> ImportReport:
    report = ImportReport(
        path.name, skipped=reader.skipped, headers=[reader.header(c.index) for c in layout.columns]
    )
    counts = Counter(o.action for o in outcomes)
    report.added, report.updated, report.unchanged = counts[ADD], counts[UPDATE], counts[UNCHANGED]
    for o in outcomes:
        if o.action == REJECTED:
            report.rejected.extend(o.problems)
            report.rejected_rows.append(
                xl.RejectedRow(
                    o.record.number,
                    list(o.record.raw),
                    [(p.column_index, p.column, p.value, p.reason) for p in o.problems],
                )
            )
        elif o.action == ADD and not (o.member.join_date or o.arrived or arrived):
            report.without_history += 1
    return report


def _preview_row(o: Outcome) -> PreviewRow:
    values = o.member.__dict__ if o.member is not None else o.record.values
    shown = {}
    for key, value in values.items():
        if value in (None, "", False) or key == "id":
            continue
        shown[key] = format_iso_date(value) if key.endswith("_date") else str(value)
    problems: dict[str, str] = {}
    for p in o.problems:
        key = xl.stored_field(p.field)
        problems[key] = "; ".join(filter(None, [problems.get(key), p.reason]))
        if p.value and not shown.get(key):
            shown[key] = p.value  # what the cell holds, so the secretary sees what to fix
    reason = " ".join(p.reason for p in o.problems)
    return PreviewRow(o.record.number, o.action, shown, problems, reason)
