"""Year-end assessment of members and of the cell (đánh giá, xếp loại chất lượng)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from ...domain.assessment import (
    Assessment,
    CellAssessment,
    Scale,
    Tally,
    check_assessment,
    quota_warning,
    scale_for_year,
    tally,
    unmet_conditions,
)
from ...domain.deadlines import assessment_reference_date, to_be_assessed
from ...domain.members import Member
from ...domain.status import MemberState
from ...domain.text import clean_text, name_sort_key
from ...errors import ChiboError
from ...i18n import _, ngettext
from ...rules.assessment import scale_by_key, scales
from ...storage import assessments as store
from ...storage import changelog
from ...storage import members as member_store
from ..contract.context import current_user
from ..contract.context import today as _today
from ..contract.results import Changes, Result
from ..members.register import state_of

CHANGED = Changes(assessments=True)


@dataclass(frozen=True)
class AssessmentRow:
    member: Member
    state: MemberState
    membership: str
    assessment: Assessment | None
    problems: list[str]


@dataclass(frozen=True)
class YearSheet:
    year: int
    scale: Scale
    rows: list[AssessmentRow]
    cell: CellAssessment | None
    tally: Tally
    warnings: list[str]


def reference_date(year: int, today: dt.date | None = None) -> dt.date:
    """Whose assessment is due: the members of 31/12 of the year (or of today, if earlier)."""
    return assessment_reference_date(year, today or _today())


def scale_of_year(db: Database, year: int) -> Scale:
    """The scale a year was assessed under (kept with the data), else the one in force."""
    stored = {a.scale for a in store.for_year(db, year).values()}
    cell = store.get_cell(db, year)
    if cell:
        stored.add(cell.scale)
    for key in sorted(stored):
        scale = scale_by_key(key)
        if scale is not None:
            return scale
    return scale_for_year(scales(), year)


def year_sheet(
    db: Database, year: int, today: dt.date | None = None, *, document: bool = False
) -> YearSheet:
    """Everyone to assess in ``year`` with their results, the tally and the warnings
    (``document``: warnings in Vietnamese whatever the interface language)."""
    scale = scale_of_year(db, year)
    on = reference_date(year, today)
    stored = store.for_year(db, year)
    histories = member_store.all_status_histories(db)
    rows: list[AssessmentRow] = []
    for member in member_store.all_members(db):
        state = state_of(member, histories.get(member.id, []), on)
        a = stored.get(member.id)
        if not to_be_assessed(state) and a is None:
            continue
        membership = state.membership or ("chinh_thuc" if member.official_date else "du_bi")
        problems = check_assessment(a, scale, document=document) if a else []
        rows.append(AssessmentRow(member, state, membership, a, problems))
    rows.sort(key=lambda r: name_sort_key(r.member.full_name))
    t = tally(scale, [(r.membership, r.assessment.level if r.assessment else None) for r in rows])
    warnings = []
    missing = t.missing()
    if missing and document:
        warnings.append(f"{missing} đảng viên chưa có kết quả xếp loại năm {year}.")
    elif missing:
        warnings.append(
            ngettext(
                "{n} đảng viên chưa có kết quả xếp loại năm {year}.",
                "{n} đảng viên chưa có kết quả xếp loại năm {year}.",
                missing,
            ).format(n=missing, year=year)
        )
    quota = quota_warning(t, document=document)
    if quota:
        warnings.append(quota)
    for r in rows:
        for p in r.problems:
            warnings.append(f"{r.member.full_name}: {p}")
    return YearSheet(year, scale, rows, store.get_cell(db, year), t, warnings)


def assessment_years(db: Database) -> list[int]:
    return store.years(db)


def member_history(db: Database, member_id: int) -> list[Assessment]:
    return store.for_member(db, member_id)


def _check(a: Assessment, scale: Scale) -> None:
    for key in (a.self_level, a.proposed_level, a.final_level):
        if key and scale.level(key) is None:
            raise ChiboError(
                _("Mức xếp loại “{key}” không có trong thang {scale}.").format(
                    key=key, scale=scale.title
                )
            )
    if a.self_score is not None:
        if not scale.points:
            raise ChiboError(
                _("Năm {year} xếp loại theo {scale}, không chấm điểm.").format(
                    year=a.year, scale=scale.title
                )
            )
        if not 0 <= a.self_score <= scale.max_score:
            raise ChiboError(_("Điểm phải từ 0 đến {top:g}.").format(top=scale.max_score))
    known = {c.key for c in scale.conditions()}
    unknown = sorted(a.conditions - known)
    if unknown:
        raise ChiboError(
            _("Điều kiện không có trong thang {scale}: {keys}.").format(
                scale=scale.title, keys=", ".join(unknown)
            )
        )
    # What the member and the cell put forward must be supported by the conditions met; the
    # level decided above is recorded as decided.
    for key in (a.self_level, a.proposed_level):
        reason = unmet_conditions(scale, key, a.conditions)
        if reason:
            raise ChiboError(
                reason + " " + _("Đánh dấu các điều kiện đạt được hoặc chọn mức thấp hơn.")
            )


def save_assessment(db: Database, a: Assessment) -> Result[Assessment]:
    if member_store.get(db, a.member_id) is None:
        raise ChiboError(_("Không tìm thấy đảng viên số {id}.").format(id=a.member_id))
    scale = scale_by_key(a.scale) if a.scale else scale_of_year(db, a.year)
    if scale is None:
        raise ChiboError(_("Không có thang xếp loại “{key}”.").format(key=a.scale))
    a = dataclasses.replace(
        a,
        scale=scale.key,
        notes=clean_text(a.notes, multiline=True),
        self_level=a.self_level or None,
        proposed_level=a.proposed_level or None,
        final_level=a.final_level or None,
    )
    _check(a, scale)
    old = store.get(db, a.member_id, a.year)
    with db.atomic():
        store.save(db, a)
        changed = [
            (f"{a.year}.{name}", getattr(old, name) if old else None, getattr(a, name))
            for name in ("self_score", "self_level", "proposed_level", "final_level", "notes")
            if (getattr(old, name) if old else None) != getattr(a, name)
        ]
        if (old.conditions if old else frozenset()) != a.conditions:
            changed.append(
                (
                    f"{a.year}.conditions",
                    " ".join(sorted(old.conditions)) if old else None,
                    " ".join(sorted(a.conditions)),
                )
            )
        changelog.record(db, current_user(), "assessment", a.member_id, changed)
    return Result(a, CHANGED)


def delete_assessment(db: Database, member_id: int, year: int) -> Result[None]:
    with db.atomic():
        store.delete(db, member_id, year)
        changelog.record(db, current_user(), "assessment", member_id, [(str(year), "", None)])
    return Result(None, CHANGED)


def save_cell_assessment(db: Database, c: CellAssessment) -> Result[CellAssessment]:
    scale = scale_by_key(c.scale) if c.scale else scale_of_year(db, c.year)
    if scale is None:
        raise ChiboError(_("Không có thang xếp loại “{key}”.").format(key=c.scale))
    c = dataclasses.replace(
        c,
        scale=scale.key,
        notes=clean_text(c.notes, multiline=True),
        self_level=c.self_level or None,
        final_level=c.final_level or None,
    )
    for key in (c.self_level, c.final_level):
        if key and scale.level(key) is None:
            raise ChiboError(_("Mức xếp loại “{key}” không có trong thang.").format(key=key))
    with db.atomic():
        store.save_cell(db, c)
        changelog.record(
            db, current_user(), "cell_assessment", c.year, [("level", None, c.final_level)]
        )
    return Result(c, CHANGED)
