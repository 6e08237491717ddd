"""Political study campaigns: create from a template, steps, members' items, progress."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from ...domain.campaign import CampaignMember, CampaignState, Mark, Step, Template, due_dates
from ...domain.dates import to_date
from ...domain.deadlines import step_status
from ...domain.text import clean_text, name_sort_key
from ...errors import ChiboError, NotFoundError
from ...i18n import _
from ...rules.campaigns import parse_template
from ...storage import campaigns as store
from ..assessments.year_end import year_sheet
from ..contract.context import today as _today
from ..contract.results import Changes, Result
from ..members.register import get_member, members_at
from .templates import template_text

CHANGED = Changes(campaigns=True)


def _require(db: Database, campaign_id: int) -> dict:
    row = store.campaign(db, campaign_id)
    if row is None:
        raise NotFoundError(_("Không tìm thấy đợt sinh hoạt số {id}.").format(id=campaign_id))
    return row


def campaign_template(db: Database, campaign_id: int) -> Template:
    """The template as it was when the campaign began (its stored copy)."""
    row = _require(db, campaign_id)
    return parse_template(row["template"], f"{row['template_key']}.toml")


def create_campaign(
    db: Database,
    template_key: str,
    start: dt.date,
    *,
    title: str = "",
    finish: dt.date | None = None,
    today: dt.date | None = None,
) -> Result[int]:
    """A campaign from a template: steps with their deadlines, the members in the cell at
    the start (and, when it starts in the past, those who joined or left since)."""
    today = today or _today()
    text = template_text(db, template_key)
    template = parse_template(text, f"{template_key}.toml")
    title = clean_text(title) or f"{template.title} năm {start.year}"
    if finish is not None and finish < start:
        raise ChiboError(_("Ngày kết thúc phải sau ngày bắt đầu."))
    deadlines = due_dates(template.steps, start, finish)
    with db.atomic():
        campaign_id = store.insert_campaign(db, title, template.key, text, start, finish)
        for position, (step, due) in enumerate(zip(template.steps, deadlines, strict=True), 1):
            store.insert_step(
                db,
                campaign_id,
                position,
                step.key,
                step.title,
                step.evidence,
                due,
            )
        for member, _state in members_at(db, start):
            store.add_member(db, campaign_id, member.id, None)
        _sync(db, campaign_id, start, finish, today)
    return Result(campaign_id, CHANGED)


def sync_members(db: Database, campaign_id: int, today: dt.date | None = None) -> Result[int]:
    """Add members who joined the cell during the campaign; mark those who left."""
    row = _require(db, campaign_id)
    with db.atomic():
        start, finish = to_date(row["start"]), to_date(row["finish"])
        count = _sync(db, campaign_id, start, finish, today or _today())
    return Result(count, CHANGED if count else Changes())


def _sync(
    db: Database, campaign_id: int, start: dt.date, finish: dt.date | None, today: dt.date
) -> int:
    as_of = min(today, finish) if finish else today
    if as_of < start:
        return 0
    current = {member.id: state for member, state in members_at(db, as_of)}
    known = {r["member_id"]: r for r in store.campaign_members(db, campaign_id)}
    changed = 0
    for member_id, state in current.items():
        if member_id not in known:
            since = state.since if state.since and state.since > start else start
            store.add_member(db, campaign_id, member_id, since)
            changed += 1
        elif known[member_id]["left_on"]:
            store.set_member_left(db, campaign_id, member_id, None, "")
            changed += 1
    for member_id, row in known.items():
        if member_id in current or row["left_on"]:
            continue
        state = get_member(db, member_id).state
        left = state.since if state.since and state.since >= start else as_of
        store.set_member_left(db, campaign_id, member_id, left, state.label)
        changed += 1
    return changed


def list_campaigns(db: Database, today: dt.date | None = None) -> list[dict]:
    """Every campaign with its progress (a fraction) and number of overdue steps."""
    today = today or _today()
    result = []
    for row in store.campaigns(db):
        state = campaign_state(db, row["id"], today)
        result.append(
            {
                "id": row["id"],
                "title": row["title"],
                "template": row["template_key"],
                "start": row["start"],
                "finish": row["finish"],
                "progress": round(state.progress, 4),
                "overdue": len(state.overdue),
                "members": len(state.active_members),
            }
        )
    return result


def campaign_state(db: Database, campaign_id: int, today: dt.date | None = None) -> CampaignState:
    today = today or _today()
    row = _require(db, campaign_id)
    template = parse_template(row["template"], f"{row['template_key']}.toml")
    steps = []
    for s in store.steps(db, campaign_id):
        due, done = to_date(s["due"]), to_date(s["done_date"])
        steps.append(
            Step(
                id=s["id"],
                key=s["key"],
                title=s["title"],
                evidence=s["evidence"],
                due=due,
                status=s["status"],
                done=done,
                responsible_id=s["responsible_id"],
                responsible_name=s["responsible_name"] or "",
                meeting_id=s["meeting_id"],
                meeting_date=to_date(s["meeting_date"]),
                file_name=s["file_name"],
                note=s["note"],
                shown_status=step_status(s["status"], due, done, today),
                assessed=_assessed(db, due, today) if s["evidence"] == "assessment" else None,
            )
        )

    members = sorted(
        (
            CampaignMember(
                r["member_id"],
                r["full_name"],
                to_date(r["joined_on"]),
                to_date(r["left_on"]),
                r["left_reason"],
            )
            for r in store.campaign_members(db, campaign_id)
        ),
        key=lambda m: name_sort_key(m.full_name),
    )
    marks = {
        (r["member_id"], r["item_key"]): Mark(dt.date.fromisoformat(r["done_date"]), r["note"])
        for r in store.marks(db, campaign_id)
    }
    return CampaignState(
        id=campaign_id,
        title=row["title"],
        template=template,
        start=to_date(row["start"]),
        end=to_date(row["finish"]),
        steps=steps,
        members=members,
        marks=marks,
        assessment=row["assessment"],
        proposals=row["proposals"],
        today=today,
    )


def _assessed(db: Database, due: dt.date | None, today: dt.date) -> tuple[int, int, int]:
    """(year, members assessed, members to assess) of the year the step is due in."""
    year = (due or today).year
    rows = year_sheet(db, year, today).rows
    return year, sum(1 for r in rows if r.assessment is not None), len(rows)


def save_texts(
    db: Database,
    campaign_id: int,
    *,
    title: str | None = None,
    assessment: str | None = None,
    proposals: str | None = None,
) -> Result[None]:
    """The campaign's title and the secretary's assessment and proposals for the report."""
    _require(db, campaign_id)
    values = {}
    if title is not None:
        values["title"] = clean_text(title)
        if not values["title"]:
            raise ChiboError(_("Chưa nhập tên đợt sinh hoạt."))
    if assessment is not None:
        values["assessment"] = clean_text(assessment, multiline=True)
    if proposals is not None:
        values["proposals"] = clean_text(proposals, multiline=True)
    store.update_campaign_text(db, campaign_id, **values)
    return Result(None, CHANGED)


def delete_campaign(db: Database, campaign_id: int) -> Result[None]:
    _require(db, campaign_id)
    with db.atomic():
        store.delete_campaign(db, campaign_id)
    return Result(None, CHANGED)


# ---- steps ----


def _require_step(db: Database, step_id: int) -> dict:
    row = store.step(db, step_id)
    if row is None:
        raise NotFoundError(_("Không tìm thấy bước số {id}.").format(id=step_id))
    return row


def update_step(
    db: Database,
    step_id: int,
    *,
    due: dt.date | None = None,
    responsible_id: int | None = None,
    status: str | None = None,
    done: dt.date | None = None,
    note: str | None = None,
    clear_responsible: bool = False,
) -> Result[None]:
    """Change a step. Marking it done without a date uses today; a done date makes it done."""
    _require_step(db, step_id)
    values: dict = {}
    if due is not None:
        values["due"] = due.isoformat()
    if responsible_id is not None or clear_responsible:
        values["responsible_id"] = responsible_id
    if status is not None:
        if status not in ("todo", "doing", "done"):
            raise ChiboError(_("Trạng thái không hợp lệ: {s}").format(s=status))
        values["status"] = status
        if status != "done":
            values["done_date"] = None
        elif done is None:
            values["done_date"] = _today().isoformat()
    if done is not None:
        values["done_date"] = done.isoformat()
        values["status"] = "done"
    if note is not None:
        values["note"] = clean_text(note, multiline=True)
    with db.atomic():
        store.update_step(db, step_id, values)
    return Result(None, CHANGED)


def attach_file(db: Database, step_id: int, name: str, data: bytes) -> Result[None]:
    """Keep a file (the plan, a scanned report) inside the database, not as a path."""
    _require_step(db, step_id)
    if len(data) > 50 * 1024 * 1024:
        raise ChiboError(_("Tệp lớn hơn 50 MB; hãy chọn tệp nhỏ hơn (ví dụ bản quét PDF)."))
    store.set_step_file(db, step_id, clean_text(name) or "tep", data)
    return Result(None, CHANGED)


def remove_file(db: Database, step_id: int) -> Result[None]:
    _require_step(db, step_id)
    store.set_step_file(db, step_id, "", None)
    return Result(None, CHANGED)


def step_file(db: Database, step_id: int) -> tuple[str, bytes]:
    found = store.step_file(db, step_id)
    if found is None:
        raise NotFoundError(_("Bước này chưa có tệp đính kèm."))
    return found


def meeting_choices(db: Database) -> list[dict]:
    """Meetings a step can link to (newest first)."""
    return store.meeting_choices(db)


def link_meeting(
    db: Database, step_id: int, meeting_id: int | None, *, mark_attendance: bool = True
) -> Result[int]:
    """Link a step to a meeting's minutes; the step is done on the meeting's date, and the
    members present are marked for the items that count that meeting (returns how many)."""
    row = _require_step(db, step_id)
    marked = 0
    with db.atomic():
        if meeting_id is None:
            store.update_step(db, step_id, {"meeting_id": None})
            return Result(0, CHANGED)
        held = store.meeting_date(db, meeting_id)
        if held is None:
            raise NotFoundError(_("Không tìm thấy cuộc họp số {id}.").format(id=meeting_id))
        store.update_step(
            db, step_id, {"meeting_id": meeting_id, "status": "done", "done_date": held[:10]}
        )
        if mark_attendance:
            template = campaign_template(db, row["campaign_id"])
            for item in template.items:
                if item.kind == "attendance" and item.step == row["key"]:
                    marked += _mark_present(db, row["campaign_id"], item.key, meeting_id)
    return Result(marked, CHANGED)


# ---- member items ----


def _check_item(db: Database, campaign_id: int, item_key: str) -> None:
    if campaign_template(db, campaign_id).item(item_key) is None:
        raise ChiboError(_("Đợt sinh hoạt không có mục {key}.").format(key=item_key))


def set_mark(
    db: Database,
    campaign_id: int,
    member_id: int,
    item_key: str,
    done: dt.date | None,
    note: str = "",
) -> Result[None]:
    """Mark one member's item done on a date (``done=None`` clears the mark)."""
    _check_item(db, campaign_id, item_key)
    if member_id not in {r["member_id"] for r in store.campaign_members(db, campaign_id)}:
        raise ChiboError(_("Đảng viên này không có trong đợt sinh hoạt."))
    with db.atomic():
        if done is None:
            store.clear_mark(db, campaign_id, member_id, item_key)
        else:
            store.set_mark(db, campaign_id, member_id, item_key, done, clean_text(note))
    return Result(None, CHANGED)


def mark_column(
    db: Database, campaign_id: int, item_key: str, done: dt.date, note: str = ""
) -> Result[int]:
    """Mark an item for every active member not yet marked (e.g. all attended)."""
    _check_item(db, campaign_id, item_key)
    count = 0
    with db.atomic():
        for row in store.campaign_members(db, campaign_id):
            if not row["left_on"]:
                count += store.add_mark_if_missing(
                    db, campaign_id, row["member_id"], item_key, done, clean_text(note)
                )
    return Result(count, CHANGED)


def mark_from_attendance(
    db: Database, campaign_id: int, item_key: str, meeting_id: int
) -> Result[int]:
    """Mark an item for the members present at a meeting, dated the meeting's day."""
    _check_item(db, campaign_id, item_key)
    with db.atomic():
        count = _mark_present(db, campaign_id, item_key, meeting_id)
    return Result(count, CHANGED)


def _mark_present(db: Database, campaign_id: int, item_key: str, meeting_id: int) -> int:
    held = store.meeting_date(db, meeting_id)
    if held is None:
        raise NotFoundError(_("Không tìm thấy cuộc họp số {id}.").format(id=meeting_id))
    day = dt.date.fromisoformat(held[:10])
    members = {r["member_id"] for r in store.campaign_members(db, campaign_id)}
    count = 0
    for member_id in store.present_members(db, meeting_id):
        if member_id in members:
            count += store.add_mark_if_missing(
                db, campaign_id, member_id, item_key, day, _("Theo điểm danh cuộc họp")
            )
    return count
