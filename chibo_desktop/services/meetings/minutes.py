"""Meetings: create from a template, autosave drafts, finalise and reopen, search."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from ...domain import meetings as dm
from ...domain.meeting_checks import approval_problem, blocking_problems
from ...domain.meetings import Attendee, Counts, Meeting
from ...domain.text import clean_text, fold, name_sort_key
from ...errors import ChiboError, NotFoundError
from ...i18n import _
from ...rules.meetings import meeting_rules
from ...storage import changelog
from ...storage import meetings as store
from ..cell.identity import get_cell
from ..contract.context import current_user
from ..contract.results import Changes, Result
from ..members.register import members_at
from .documents import review_last_tasks
from .quality import cell_meeting_rules
from .reading import get_meeting

CHANGED = Changes(meetings=True)


@dataclass(frozen=True)
class AttendanceSummary:
    counts: Counts
    warnings: list[str]
    problems: list[str] = dataclasses.field(default_factory=list)  # block "Hoàn tất"
    approval_problem: str = ""  # the figures approving the minutes do not add up

    @property
    def voting_base(self) -> int:
        return self.counts.voting_base

    @property
    def threshold(self) -> int:
        return self.counts.threshold


def kind_labels() -> dict[str, str]:
    return {k.key: k.label for k in meeting_rules().kinds}


def kinds_text(kinds) -> str:
    labels = kind_labels()
    return ", ".join(labels.get(k, k) for k in kinds)


# --- reading ---------------------------------------------------------------------------------


def _row(row: dict) -> dict:
    kinds = [k for k in row["kinds"].split(",") if k]
    return {
        "id": row["id"],
        "date": row["date"],
        "kinds": kinds,
        "kinds_label": kinds_text(kinds),
        "number": row["number"],
        "title": row["title"],
        "summary": row["title"],
        "topic": row["topic"],
        "start_time": row["start_time"],
        "end_time": row["end_time"],
        "status": row["status"],
        "present": row["present"],
        "listed": row["listed"],
    }


def list_meetings(db: Database, year: int | None = None) -> list[dict]:
    """Meetings, newest first: id, date (ISO), kinds, title/summary, status, present."""
    if year is None:
        return [_row(r) for r in store.rows(db)]
    return [_row(r) for r in store.rows(db, f"{year:04d}-01-01", f"{year:04d}-12-31")]


def meetings_in_period(db: Database, start: dt.date, end: dt.date) -> list[dict]:
    """Meetings dated start..end inclusive, newest first (same rows as list_meetings)."""
    return [_row(r) for r in store.rows(db, start.isoformat(), end.isoformat())]


def _year_history(db: Database, meeting: Meeting) -> list[list[Attendee]]:
    start = f"{meeting.date.year:04d}-01-01"
    by_meeting = store.attendance_between(db, start, meeting.date.isoformat())
    history = [rows for mid, rows in by_meeting.items() if mid != meeting.id]
    history.append(meeting.attendance)
    return history


def summarise(db: Database, meeting: Meeting) -> AttendanceSummary:
    """Counts and warnings of a meeting as it is being edited (not necessarily saved); the
    quality warnings use the cell's own yardsticks (Settings)."""
    rules = cell_meeting_rules(db)
    counts = dm.compute_counts(meeting.attendance, rules)
    found = dm.warnings(meeting, counts, rules, _year_history(db, meeting))
    return AttendanceSummary(
        counts,
        found + _preparation_warnings(meeting, rules),
        blocking_problems(meeting, counts),
        approval_problem(meeting, counts),
    )


def _preparation_warnings(meeting: Meeting, rules) -> list[str]:
    """The checklist of HD 42: documents posted on Sổ tay đảng viên điện tử in time."""
    applies = rules.documents_rule_from is not None and meeting.date >= rules.documents_rule_from
    if not applies or meeting.documents_posted:
        return []
    return [
        _(
            "Chưa đánh dấu đã đăng tài liệu sinh hoạt lên Sổ tay đảng viên điện tử ít nhất "
            "{n} ngày trước buổi sinh hoạt."
        ).format(n=rules.documents_days_before)
    ]


def attendance_summary(db: Database, meeting_id: int) -> AttendanceSummary:
    """Counts (incl. voting base and threshold) and quality warnings of a stored meeting."""
    return summarise(db, get_meeting(db, meeting_id))


def search_meetings(db: Database, text: str) -> list[int]:
    """Ids of meetings whose minutes contain every word, ignoring diacritics."""
    words = fold(text).split()
    if not words:
        return []
    query = " ".join('"' + w.replace('"', "") + '"*' for w in words)
    return store.search_ids(db, query)


# --- writing ---------------------------------------------------------------------------------


def register_attendance(db: Database, date: dt.date) -> list[Attendee]:
    """Everyone in the cell on ``date``, in register order, with their default state."""
    people = sorted(members_at(db, date), key=lambda p: name_sort_key(p[0].full_name))
    return [
        Attendee(
            member_id=member.id,
            name=member.full_name,
            state=dm.default_state(state.condition),
            reason="",
            position=member.position,
            membership=state.membership or "chinh_thuc",
            attachment=state.attachment,
            condition=state.condition,
        )
        for member, state in people
    ]


def _merge_attendance(fresh: list[Attendee], old: list[Attendee]) -> list[Attendee]:
    """Keep what was marked for people still listed after the date changed."""
    marked = {a.member_id: a for a in old}
    merged = []
    for person in fresh:
        before = marked.get(person.member_id)
        if (
            before is not None
            and person.state != "away"
            and before.state in ("present", "excused", "absent")
        ):
            person = dataclasses.replace(person, state=before.state, reason=before.reason)
        merged.append(person)
    return merged


def new_meeting(db: Database, date: dt.date, kinds: tuple[str, ...] = ("thuong_ky",)) -> Meeting:
    """A draft (not stored) filled from the agenda template and the register."""
    rules = meeting_rules()
    unknown = [k for k in kinds if rules.kind(k) is None]
    if unknown or not kinds:
        raise ChiboError(
            _("Loại sinh hoạt không hợp lệ: {kinds}.").format(kinds=", ".join(unknown))
        )
    cell = get_cell(db)
    meeting = Meeting(date=date, kinds=tuple(kinds), place="", start_time="19:30", end_time="")
    meeting.agenda = dm.agenda_template(rules, kinds)
    meeting.attendance = register_attendance(db, date)
    by_position = {a.position: a for a in meeting.attendance if a.position}
    secretary = next(
        (a for a in meeting.attendance if a.name == cell.secretary_name), by_position.get("Bí thư")
    )
    if secretary is not None:
        meeting.chair_id, meeting.chair_name = secretary.member_id, secretary.name
        meeting.chair_position = secretary.position or "Bí thư chi bộ"
    clerk = by_position.get("Chi ủy viên") or by_position.get("Phó Bí thư")
    if clerk is not None and clerk is not secretary:
        meeting.secretary_id, meeting.secretary_name = clerk.member_id, clerk.name
        meeting.secretary_position = clerk.position
    meeting.title = dm.summary_line(rules, meeting)
    # Text of the minutes: always Vietnamese, whatever the interface language.
    meeting.opening = (
        "Đồng chí chủ trì nêu mục đích, yêu cầu của buổi sinh hoạt, giới thiệu đại biểu, "
        "thông báo số đảng viên có mặt và chương trình sinh hoạt; chi bộ nhất trí thông qua."
    )
    review_last_tasks(db, meeting)  # a regular meeting first reviews what was resolved
    opening = [item for key in kinds for item in rules.kind(key).opening]
    if opening:
        steps = "Mở đầu: " + "; ".join(_lower_first(i) for i in opening) + "."
        meeting.opening = steps + " " + meeting.opening
    return meeting


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def create_meeting(
    db: Database, date: dt.date, kinds: tuple[str, ...] = ("thuong_ky",), **fields
) -> Result[int]:
    """Store a new draft from the template; ``fields`` override header fields."""
    meeting = new_meeting(db, date, kinds)
    meeting = dataclasses.replace(meeting, **fields)
    if "title" not in fields:
        meeting.title = dm.summary_line(meeting_rules(), meeting)
    return save_draft(db, meeting)


def _cleaned(meeting: Meeting) -> Meeting:
    def multi(text: str) -> str:
        return clean_text(text, multiline=True)

    return dataclasses.replace(
        meeting,
        number=clean_text(meeting.number),
        title=clean_text(meeting.title),
        topic=clean_text(meeting.topic),
        presenter=clean_text(meeting.presenter),
        start_time=clean_text(meeting.start_time),
        end_time=clean_text(meeting.end_time),
        place=clean_text(meeting.place),
        chair_name=clean_text(meeting.chair_name),
        chair_position=clean_text(meeting.chair_position),
        secretary_name=clean_text(meeting.secretary_name),
        secretary_position=clean_text(meeting.secretary_position),
        opening=multi(meeting.opening),
        attendance=[
            dataclasses.replace(a, reason=clean_text(a.reason)) for a in meeting.attendance
        ],
        agenda=[
            dm.AgendaItem(clean_text(i.title), multi(i.content), multi(i.conclusion))
            for i in meeting.agenda
        ],
        discussions=[
            dm.Discussion(clean_text(d.speaker), multi(d.text), d.member_id, d.item)
            for d in meeting.discussions
        ],
        resolutions=[
            dm.Resolution(
                multi(r.text), max(0, r.votes_for), max(0, r.votes_against), max(0, r.votes_abstain)
            )
            for r in meeting.resolutions
        ],
        guests=[dm.Guest(clean_text(g.name), clean_text(g.role)) for g in meeting.guests],
        documents=[clean_text(d) for d in meeting.documents if clean_text(d)],
    )


def search_text(meeting: Meeting) -> str:
    parts = [meeting.number, meeting.title, meeting.topic, meeting.presenter, meeting.place]
    parts += [meeting.chair_name, meeting.secretary_name, meeting.opening]
    parts += kinds_text(meeting.kinds).split(", ")
    for item in meeting.agenda:
        parts += [item.title, item.content, item.conclusion]
    for d in meeting.discussions:
        parts += [d.speaker, d.text]
    parts += [r.text for r in meeting.resolutions]
    parts += [g.name + " " + g.role for g in meeting.guests]
    parts += meeting.documents
    parts += [a.reason for a in meeting.attendance if a.reason]
    return fold(" ".join(p for p in parts if p))


def _check_states(meeting: Meeting) -> None:
    for a in meeting.attendance:
        if a.state not in dm.STATES:
            raise ChiboError(_("Trạng thái dự họp không hợp lệ: {state}.").format(state=a.state))


def save_draft(db: Database, meeting: Meeting) -> Result[int]:
    """Insert (id None) or update a draft. Finalised minutes are refused: reopen first.
    When the date of a stored draft changed, the attendance list follows the register on
    the new date, keeping what was already marked."""
    meeting = _cleaned(meeting)
    _check_states(meeting)
    with db.atomic():
        if meeting.id is None:
            if not meeting.attendance:
                meeting.attendance = register_attendance(db, meeting.date)
            meeting_id = store.insert(db, meeting, search_text(meeting))
            changelog.record(
                db, current_user(), "meeting", meeting_id, [("created", None, meeting.title)]
            )
            return Result(meeting_id, CHANGED)
        old = store.get(db, meeting.id)
        if old is None:
            raise NotFoundError(_("Không tìm thấy biên bản số {id}.").format(id=meeting.id))
        if old.final:
            raise ChiboError(
                _("Biên bản đã hoàn tất nên không sửa được; hãy bấm “Mở lại” trước khi sửa.")
            )
        if old.date != meeting.date:
            meeting.attendance = _merge_attendance(
                register_attendance(db, meeting.date), meeting.attendance
            )
        meeting.status = "draft"
        store.update(db, meeting, search_text(meeting))
    return Result(meeting.id, CHANGED)


def finalise(db: Database, meeting_id: int) -> Result[None]:
    """Lock the minutes. Needs a chair and a secretary."""
    meeting = get_meeting(db, meeting_id)
    if meeting.final:
        raise ChiboError(_("Biên bản đã hoàn tất từ trước."))
    missing = []
    if not meeting.chair_name:
        missing.append(_("người chủ trì"))
    if not meeting.secretary_name:
        missing.append(_("thư ký"))
    if missing:
        raise ChiboError(_("Chưa hoàn tất được: thiếu {what}.").format(what=", ".join(missing)))
    problems = blocking_problems(meeting, dm.compute_counts(meeting.attendance, meeting_rules()))
    if problems:
        raise ChiboError(
            _("Chưa hoàn tất được vì biên bản còn chỗ mâu thuẫn:") + "\n- " + "\n- ".join(problems)
        )
    return _switch_status(db, meeting_id, "draft", "final", "finalise")


def reopen(db: Database, meeting_id: int) -> Result[None]:
    """Unlock finalised minutes for editing; who and when is recorded."""
    meeting = get_meeting(db, meeting_id)
    if not meeting.final:
        raise ChiboError(_("Biên bản đang ở dạng nháp, không cần mở lại."))
    return _switch_status(db, meeting_id, "final", "draft", "reopen")


def _switch_status(db: Database, meeting_id: int, old: str, new: str, action: str) -> Result:
    """Finalise or reopen: the status, who did it and when, and the change log."""
    with db.atomic():
        store.set_status(db, meeting_id, new, action, current_user())
        changelog.record(db, current_user(), "meeting", meeting_id, [("status", old, new)])
    return Result(None, CHANGED)


def delete_meeting(db: Database, meeting_id: int) -> Result[None]:
    """Only drafts can be deleted (a finalised record belongs to the minutes book)."""
    meeting = get_meeting(db, meeting_id)
    if meeting.final:
        raise ChiboError(_("Biên bản đã hoàn tất thì không xóa được."))
    with db.atomic():
        store.delete(db, meeting_id)
        changelog.record(
            db, current_user(), "meeting", meeting_id, [("deleted", meeting.title, None)]
        )
    return Result(None, CHANGED)
