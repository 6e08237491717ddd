"""Import a member list from a spreadsheet: read, understand, check, then write in one
transaction (or nothing at all).

Rows are matched to the register by party card number, otherwise by name and date of birth.
Empty cells never erase what the register knows; members missing from the file are left
alone. Every rejected row comes back with the spreadsheet's row number and a reason.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections import Counter
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path

from sqlite_utils import Database

from ..errors import ChiboError
from ..i18n import _, format_iso_date
from ..interop import excel_import as xl
from ..storage import member_import as store
from . import cell, import_fast, import_write
from .common import Changes, Progress, Result, current_user
from .common import today as _today
from .import_check import (
    ADD,
    MATCH_COLUMNS,
    REJECTED,
    UNCHANGED,
    UPDATE,
    Checker,
    Outcome,
    Register,
    Rejection,
)
from .import_choices import KEPT_IN_NOTES, ChoiceFields
from .import_fast import NewMembers

MAPPINGS_SETTING = "import.column_mappings"


@dataclass
class ColumnChoice:
    index: int
    letter: str
    header: str
    field: str  # chosen (saved or detected)
    samples: list[str]


@dataclass
class ImportPlan:
    """What the file looks like, for the wizard to show and the user to adjust."""

    path: str
    sheet_names: list[str]
    sheet: str
    header_rows: list[int]  # 1-based, as in the spreadsheet
    columns: list[ColumnChoice]
    saved_mapping: bool
    signature: str

    def mapping(self) -> dict[int, str]:
        return {c.index: c.field for c in self.columns}


@dataclass
class PreviewRow:
    number: int
    action: str
    values: dict[str, str]
    problems: dict[str, str]


@dataclass
class ImportReport:
    file_name: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    written: bool = False
    dry_run: bool = False
    strict_refused: bool = False
    headers: list[str] = field(default_factory=list)
    rejected_rows: list[xl.RejectedRow] = field(default_factory=list)
    rows: list[PreviewRow] | None = None

    def as_json(self) -> dict:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "rejected": [r.as_json() for r in self.rejected],
            "written": self.written,
        }


def field_choices() -> list[tuple[str, str]]:
    """(key, label) of what a column can be imported as."""
    return xl.choices()


def supported_suffixes() -> tuple[str, ...]:
    return xl.SPREADSHEET_SUFFIXES


def _saved(db: Database, signature: str) -> dict[int, str] | None:
    saved = cell.get_setting(db, MAPPINGS_SETTING, {}) or {}
    mapping = saved.get(signature)
    return {int(k): v for k, v in mapping.items()} if mapping else None


def _save(db: Database, signature: str, mapping: dict[int, str]) -> None:
    saved = cell.get_setting(db, MAPPINGS_SETTING, {}) or {}
    saved[signature] = {str(k): v for k, v in mapping.items()}
    cell.set_setting(db, MAPPINGS_SETTING, saved)


def _no_table(path: Path, sheet: str) -> ChiboError:
    return ChiboError(
        _(
            "Không tìm thấy bảng danh sách đảng viên trong trang “{sheet}” của tệp {name}: cần "
            "một dòng tiêu đề có cột “Họ và tên” và ít nhất một cột khác như “Ngày sinh”, "
            "“Ngày vào Đảng”, “Số thẻ đảng viên”."
        ).format(sheet=sheet, name=path.name)
    )


def _layout(book: xl.Book, sheet: str | None) -> tuple[str, xl.Layout]:
    if sheet is None:
        name, layout = xl.choose_sheet(book)
    else:
        if sheet not in book.sheet_names:
            raise ChiboError(
                _("Tệp không có trang “{sheet}”. Các trang có: {names}.").format(
                    sheet=sheet, names=", ".join(book.sheet_names)
                )
            )
        name = sheet
        data = book.sheet(name, nrows=60)
        layout = xl.detect_layout(data.rows, data.merged)
    if layout is None:
        raise _no_table(book.path, name)
    return name, layout


def inspect_file(db: Database, path: str | Path, sheet: str | None = None) -> ImportPlan:
    """Read the top of the file: the sheet that holds the list, its header and columns,
    with the column choices saved from an earlier import of a file like it."""
    path = Path(path)
    book = xl.open_book(path)
    name, layout = _layout(book, sheet)
    saved = _saved(db, layout.signature())
    mapping = saved if saved is not None else layout.detected()
    rows = book.sheet(name, nrows=60).rows[layout.first_data_row : layout.first_data_row + 3]
    columns = [
        ColumnChoice(
            c.index,
            c.letter,
            c.header,
            mapping.get(c.index, ""),
            [xl.values.as_text(r[c.index]) if c.index < len(r) else "" for r in rows],
        )
        for c in layout.columns
        if c.header or any(c.index < len(r) and r[c.index] not in (None, "") for r in rows)
    ]
    return ImportPlan(
        str(path),
        list(book.sheet_names),
        name,
        [r + 1 for r in layout.header_rows],
        columns,
        saved is not None,
        layout.signature(),
    )


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """An import makes hundreds of thousands of small objects that hold no reference cycles;
    the cycle collector would walk them over and over (a fifth of the import's time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def import_members(
    db: Database,
    path: str | Path,
    *,
    sheet: str | None = None,
    mapping: dict[int, str] | None = None,
    strict: bool = False,
    dry_run: bool = False,
    preview: bool = False,
    today: dt.date | None = None,
) -> Generator[Progress, None, Result[ImportReport]]:
    """Import (or with ``dry_run``/``preview`` only check) a member list.

    With ``strict``, one rejected row means nothing is written. A ``mapping`` given by the
    user (column index → field) is remembered for files with the same headers.
    """
    with _without_cycle_collection():
        return (yield from _import(db, Path(path), sheet, mapping, strict, dry_run, preview, today))


def _import(db, path, sheet, mapping, strict, dry_run, preview, today):
    path = Path(path)
    today = today or _today()
    yield Progress(0, 0, _("Đang đọc tệp {name}…").format(name=path.name))
    book = xl.open_book(path)
    name, layout = _layout(book, sheet)
    chosen = mapping if mapping is not None else (_saved(db, layout.signature()) or {})
    chosen = chosen or layout.detected()
    if "full_name" not in chosen.values():
        raise ChiboError(_("Chưa chọn cột nào là “Họ và tên”."))
    rows = book.sheet(name).rows
    book.forget()
    reader = xl.RowReader(layout, chosen, today)
    total = max(len(rows) - layout.first_data_row, 0)
    chunks: list[xl.ColumnChunk] = []
    for chunk in reader.column_chunks(rows):
        chunks.append(chunk)
        if len(chunk) == xl.CHUNK:  # one step for each full chunk
            number = chunk.numbers[-1]
            yield Progress(
                number - layout.first_data_row, total, _("Đang đọc dòng {n}…").format(n=number)
            )
    del rows
    yield Progress(total, total, _("Đang đối chiếu với sổ đảng viên…"))
    headers = [reader.header(c.index) for c in layout.columns]
    register, choices = _register(db, chosen), ChoiceFields()
    if preview:  # every row shown: each one checked on its own
        new, records = NewMembers(), [r for chunk in chunks for r in chunk.records()]
    else:
        new, records = import_fast.split(chunks, register, choices, today)
    del chunks
    outcomes = Checker(register, reader.header, today, choices).check(records)

    report = ImportReport(path.name, skipped=reader.skipped, headers=headers, dry_run=dry_run)
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
    counts = Counter(map(attrgetter("action"), outcomes))
    counts[ADD] += len(new)
    report.added, report.updated, report.unchanged = counts[ADD], counts[UPDATE], counts[UNCHANGED]
    if preview:
        report.rows = [_preview_row(o) for o in outcomes]
    if strict and report.rejected:
        report.strict_refused = True
        return Result(report, Changes())
    if dry_run or preview:
        return Result(report, Changes())
    if not (counts[ADD] or counts[UPDATE]):
        if mapping is not None:
            _save(db, layout.signature(), mapping)
        return Result(report, Changes())

    user, source = current_user(), _("nhập: {name}").format(name=path.name)
    with db.atomic():
        yield from import_write.write(db, outcomes, user, source, today, new)
        if mapping is not None:
            _save(db, layout.signature(), mapping)
    report.written = True
    if getattr(db, "session", None) is not None:  # files opened for work, not scratch copies
        from .backup import backup_after_import

        yield Progress(1, 1, _("Đang sao lưu…"))
        backup_after_import(db)
    return Result(report, Changes(members=bool(counts[ADD] or counts[UPDATE])))


def _register(db: Database, mapping: dict[int, str]) -> Register:
    """The register as the import needs it: matching columns and the file's fields."""
    from ..storage import members as member_store

    wanted = set(MATCH_COLUMNS) | {xl.stored_field(f) for f in mapping.values()}
    if wanted & set(KEPT_IN_NOTES):  # text outside the list goes to the notes
        wanted.add("notes")
    columns = [c for c in store.COLUMNS if c in wanted]
    return Register(columns, store.all_rows(db, columns), lambda i: member_store.get(db, i))


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
    return PreviewRow(o.record.number, o.action, shown, problems)


def save_error_report(db: Database | None, report: ImportReport, path: str | Path) -> Path:
    """The rejected rows as an .xlsx the secretary can correct and import again."""
    if not report.rejected_rows:
        raise ChiboError(_("Không có dòng nào bị từ chối để lưu."))
    return xl.write_error_report(path, report.file_name, report.headers, report.rejected_rows)


def run_import(db: Database, path: str | Path, **options) -> ImportReport:
    """The import without progress reporting (command line, tests)."""
    from .common import run_to_end

    return run_to_end(import_members(db, path, **options)).value
