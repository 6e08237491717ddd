"""Committing a plan: the file and the register checked unchanged since the plan was made
(otherwise planned again, and said so), then written whole or not at all."""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator
from pathlib import Path

from sqlite_utils import Database

from ...errors import ChiboError
from ...i18n import _
from ...interop import spreadsheet as xl
from ..contract.context import current_user
from ..contract.results import Changes, Progress, Result, run_to_end
from ..safety.backup import backup_after_import, backup_before_import
from ..safety.working_file import backs_up, session_of
from .plan import ImportPlan, ImportReport, plan_import
from .setup import remember_mapping
from .writing import write_plan


def commit_import(
    db: Database, plan: ImportPlan, *, strict: bool = False
) -> Generator[Progress, None, Result[ImportReport]]:
    """Write ``plan``. With ``strict``, one rejected row means nothing is written."""
    if not plan.still_current(db):
        plan = yield from _replan(db, plan)
    report = plan.report
    if strict and report.rejected:
        report.strict_refused = True
        return Result(report, Changes())
    if not (report.added or report.updated):
        if plan.chosen:
            remember_mapping(db, plan.signature, plan.mapping)
        return Result(report, Changes())
    source = _("nhập: {name}").format(name=plan.path.name)
    session = session_of(db)  # files opened for work, not scratch copies
    if backs_up(db):
        yield Progress(0, 1, _("Đang sao lưu trước khi nhập…"))
        backup_before_import(db, plan.path)
    with db.atomic():
        yield from write_plan(db, plan, current_user(), source)
        if plan.chosen:
            remember_mapping(db, plan.signature, plan.mapping)
    report.written = True
    if session is not None:
        yield Progress(1, 1, _("Đang sao lưu…"))
        backup_after_import(db)
    return Result(report, Changes(members=True))


def _replan(db: Database, plan: ImportPlan) -> Generator[Progress, None, ImportPlan]:
    keep = plan.report.rows is not None
    fresh = yield from plan_import(
        db,
        plan.path,
        sheet=plan.sheet,
        mapping=plan.mapping if plan.chosen else None,
        arrived=plan.arrived,
        preview=keep,
        today=plan.today,
    )
    fresh.value.report.replanned = True
    return fresh.value


def import_members(
    db: Database,
    path: str | Path,
    *,
    sheet: str | None = None,
    mapping: dict[int, str] | None = None,
    arrived: bool = False,
    strict: bool = False,
    dry_run: bool = False,
    preview: bool = False,
    today: dt.date | None = None,
) -> Generator[Progress, None, Result[ImportReport]]:
    """Plan and commit in one go (the command line); with ``dry_run`` or ``preview`` only
    plan."""
    planned = yield from plan_import(
        db, path, sheet=sheet, mapping=mapping, arrived=arrived, preview=preview, today=today
    )
    plan = planned.value
    if dry_run or preview:
        plan.report.dry_run = dry_run
        if strict and plan.report.rejected:
            plan.report.strict_refused = True
        return Result(plan.report, Changes())
    return (yield from commit_import(db, plan, strict=strict))


def run_import(db: Database, path: str | Path, **options) -> ImportReport:
    """The import without progress reporting (command line, tests)."""
    return run_to_end(import_members(db, path, **options)).value


def save_error_report(report: ImportReport, path: str | Path) -> Path:
    """The rejected rows as an .xlsx the secretary can correct and import again."""
    if not report.rejected_rows:
        raise ChiboError(_("Không có dòng nào bị từ chối để lưu."))
    return xl.write_error_report(path, report.file_name, report.headers, report.rejected_rows)
