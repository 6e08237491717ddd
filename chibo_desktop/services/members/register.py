"""The member register: records, status history, derived facts."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from ...domain import facts
from ...domain.dates import to_date
from ...domain.members import Member, normalized, validate
from ...domain.status import (
    MemberState,
    StatusChange,
    StatusHistoryError,
    check_change,
    derive_state,
    state_code_labels,
    validate_history,
)
from ...domain.text import clean_text, fold
from ...errors import ChiboError, FieldProblem, NotFoundError, ValidationError
from ...i18n import _
from ...rules.badges import badge_rules
from ...rules.choices import ChoiceList, member_choices
from ...rules.statuses import status_rules
from ...storage import changelog
from ...storage import members as store
from ..contract.context import current_user
from ..contract.context import today as _today
from ..contract.results import Changes, Result
from .states import StateDeriver, change_lists

CHANGED = Changes(members=True)


@dataclass(frozen=True)
class MemberDetail:
    member: Member
    history: list[StatusChange]
    state: MemberState


@dataclass(frozen=True)
class MemberFacts:
    age: int | None
    party_age: int | None
    probation: facts.Probation | None
    badge: facts.Badge | None


def search_text(member: Member) -> str:
    parts = [
        member.full_name,
        member.birth_name,
        member.card_number,
        member.phone,
        member.citizen_id,
        member.position,
    ]
    return fold(" ".join(p for p in parts if p))


def member_facts(member: Member, state: MemberState, today: dt.date) -> MemberFacts:
    rules = badge_rules()
    return MemberFacts(
        age=facts.age(member.birth_date, today),
        party_age=facts.party_age(member.join_date, today),
        probation=facts.probation(member.join_date, state.membership, today, rules)
        if state.in_cell
        else None,
        badge=facts.next_badge(member.join_date, today, rules) if state.in_cell else None,
    )


def state_of(
    member: Member, history: list[StatusChange], as_of: dt.date | None = None
) -> MemberState:
    return derive_state(history, status_rules(), as_of, to_date(member.official_date))


def get_member(db: Database, member_id: int) -> MemberDetail:
    member = store.get(db, member_id)
    if member is None:
        raise NotFoundError(_("Không tìm thấy đảng viên số {id}.").format(id=member_id))
    history = store.status_history(db, member_id)
    return MemberDetail(member, history, state_of(member, history))


def list_members(db: Database, *, include_left: bool = False) -> list[dict]:
    """Rows for lists: every stored column plus the cached status (fast for 20,000)."""
    return store.list_rows(db, in_cell_only=not include_left)


def members_at(db: Database, as_of: dt.date) -> list[tuple[Member, MemberState]]:
    """Everyone who belonged to the cell on a date, with their state on that date."""
    histories = change_lists(db)
    state_on = StateDeriver().state
    result = []
    for member in store.all_members(db):
        state = state_on(histories.get(member.id, ()), as_of, member.official_date)
        if state.in_cell:
            result.append((member, state))
    return result


def choice_lists() -> dict[str, ChoiceList]:
    """The member record's lists of values (theory level, position…), from the rules data."""
    return member_choices()


def with_canonical_choices(member: Member) -> tuple[Member, list[FieldProblem]]:
    """Values of closed lists (theory level, position) spelled as the list spells them
    ('trung cấp' → 'Trung cấp'); a value outside such a list is a problem."""
    problems = []
    changes = {}
    for name, choice in member_choices().items():
        value = getattr(member, name)
        if not value or not choice.exhaustive or value in choice.values:
            continue
        canonical = {fold(v): v for v in choice.values}.get(fold(value))
        if canonical is not None:
            changes[name] = canonical
        else:
            problems.append(
                FieldProblem(
                    name,
                    _("{field} “{value}” không có trong danh mục ({allowed}).").format(
                        field=_(choice.label), value=value, allowed=", ".join(choice.values)
                    ),
                )
            )
    return (dataclasses.replace(member, **changes) if changes else member), problems


def _check(
    db: Database, member: Member, today: dt.date, first_status: StatusChange | None = None
) -> Member:
    member, problems = with_canonical_choices(member)
    problems = validate(member, today) + problems
    if first_status is not None and first_status.kind == "admitted" and not member.join_date:
        problems.append(
            FieldProblem(
                "join_date",
                _(
                    "Kết nạp cần ngày vào Đảng: hãy ghi ngày vào Đảng, hoặc chọn “(chưa vào "
                    "danh sách chi bộ)” để lưu hồ sơ mà chưa ghi biến động."
                ),
            )
        )
    if member.card_number:
        owner = store.card_owner(db, member.card_number)
        if owner is not None and owner != member.id:
            other = store.get(db, owner)
            problems.append(
                FieldProblem(
                    "card_number",
                    _("Số thẻ {card} đã được dùng cho đảng viên {name}.").format(
                        card=member.card_number, name=other.full_name if other else owner
                    ),
                )
            )
    if problems:
        raise ValidationError(problems)
    return member


def _refresh_state(db: Database, member_id: int) -> MemberState:
    member = store.get(db, member_id)
    state = state_of(member, store.status_history(db, member_id))
    store.set_state(db, member_id, state.code, state.in_cell)
    return state


def diff(old: Member, new: Member) -> list[tuple[str, object, object]]:
    return [
        (f.name, getattr(old, f.name), getattr(new, f.name))
        for f in dataclasses.fields(Member)
        if f.name != "id" and getattr(old, f.name) != getattr(new, f.name)
    ]


def save_member(
    db: Database,
    member: Member,
    *,
    first_status: StatusChange | None = None,
    today: dt.date | None = None,
    source: str = "",
) -> Result[int]:
    """Add (``member.id`` is None) or update a record. A new record may bring its first
    status change (admitted, transferred in, ...), so that it appears in the cell's list."""
    today = today or _today()
    member = _check(db, normalized(member), today, first_status if member.id is None else None)
    user = current_user()
    with db.atomic():
        if member.id is None:
            member_id = store.insert(db, member, search_text(member))
            changelog.record(
                db, user, "member", member_id, [("created", None, member.full_name)], source
            )
            if first_status is not None:
                _add_status(db, member_id, first_status, today, user, source)
            _refresh_state(db, member_id)
        else:
            old = store.get(db, member.id)
            if old is None:
                raise NotFoundError(_("Không tìm thấy đảng viên số {id}.").format(id=member.id))
            member_id = member.id
            changes = diff(old, member)
            if changes:
                store.update(db, member, search_text(member))
                changelog.record(db, user, "member", member_id, changes, source)
                _refresh_state(db, member_id)
    return Result(member_id, CHANGED)


def _add_status(
    db: Database, member_id: int, change: StatusChange, today: dt.date, user: str, source: str
) -> int:
    if change.date > today:
        raise ChiboError(
            _("Ngày biến động ({date}) ở tương lai.").format(date=change.date.strftime("%d/%m/%Y"))
        )
    history = store.status_history(db, member_id)
    last = max((c.date for c in history), default=None)
    if last is not None and change.date < last:
        raise ChiboError(
            _("Ngày biến động ({date}) không được trước lần biến động trước ({previous}).").format(
                date=change.date.strftime("%d/%m/%Y"), previous=last.strftime("%d/%m/%Y")
            )
        )
    try:
        validate_history([*history, dataclasses.replace(change, id=None)], status_rules())
    except StatusHistoryError as exc:
        raise ChiboError(str(exc)) from exc
    change_id = store.add_status(db, member_id, change)
    changelog.record(
        db, user, "member_status", member_id, [(change.kind, None, change.date.isoformat())], source
    )
    return change_id


def add_status_change(
    db: Database, member_id: int, change: StatusChange, *, today: dt.date | None = None
) -> Result[int]:
    """Record a dated change (transfer out, death, ...). Never earlier than the last one."""
    get_member(db, member_id)
    with db.atomic():
        change_id = _add_status(db, member_id, change, today or _today(), current_user(), "")
        _refresh_state(db, member_id)
    return Result(change_id, CHANGED)


def remove_status_change(db: Database, change_id: int) -> Result[None]:
    """Take back a change recorded by mistake (the GUI's undo)."""
    member_id = store.status_owner(db, change_id)
    if member_id is None:
        raise NotFoundError(_("Không tìm thấy biến động này."))
    with db.atomic():
        store.delete_status(db, change_id)
        changelog.record(
            db, current_user(), "member_status", member_id, [("removed", change_id, None)]
        )
        _refresh_state(db, member_id)
    return Result(None, CHANGED)


def delete_member(db: Database, member_id: int) -> Result[MemberDetail]:
    """Only for a record entered by mistake: members who leave get a status change.
    Returns the record as it was, for ``restore_member``."""
    detail = get_member(db, member_id)
    with db.atomic():
        store.delete(db, member_id)
        changelog.record(
            db, current_user(), "member", member_id, [("deleted", detail.member.full_name, None)]
        )
    return Result(detail, CHANGED)


def restore_member(db: Database, member: Member, history: list[StatusChange]) -> Result[int]:
    """Put back a deleted record under its own number, with its status history."""
    if store.get(db, member.id) is not None:
        raise ChiboError(_("Hồ sơ {name} vẫn còn trong sổ.").format(name=member.full_name))
    state = state_of(member, history)
    row = (member.id, *store.stored_values(member), search_text(member), state.code, state.in_cell)
    with db.atomic():
        store.insert_rows(db, (*store.COLUMNS, "search_text", "status", "in_cell"), [row])
        store.add_statuses(
            db, [(member.id, c.kind, c.date.isoformat(), c.decision, c.note) for c in history]
        )
        changelog.record(
            db, current_user(), "member", member.id, [("restored", None, member.full_name)]
        )
    return Result(member.id, CHANGED)


def search(db: Database, text: str) -> list[int]:
    """Ids of members whose name or numbers contain every word, ignoring diacritics."""
    words = fold(clean_text(text)).split()
    if not words:
        return []
    query = " ".join('"' + w.replace('"', "") + '"*' for w in words)
    return store.search_ids(db, query)


def add_members(
    db: Database, items: list[tuple[Member, list[StatusChange]]], *, today: dt.date | None = None
) -> Result[list[int]]:
    """Many new records at once, each with its status history, in one transaction
    (generated data and large lists). Every record is checked as ``save_member`` does."""
    today = today or _today()
    rules = status_rules()
    records = []
    cards: set[str] = set()
    for member, history in items:
        member = _check(db, normalized(member), today)
        if member.card_number in cards:
            raise ValidationError(
                [
                    FieldProblem(
                        "card_number", _("Số thẻ {card} bị trùng.").format(card=member.card_number)
                    )
                ]
            )
        if member.card_number:
            cards.add(member.card_number)
        try:
            validate_history(history, rules)
        except StatusHistoryError as exc:
            raise ChiboError(f"{member.full_name}: {exc}") from exc
        state = state_of(member, history)
        records.append((member, search_text(member), state.code, state.in_cell, history))
    with db.atomic():
        ids = store.insert_many(db, records)
        user = current_user()
        for member_id, record in zip(ids, records, strict=True):
            changelog.record(
                db, user, "member", member_id, [("created", None, record[0].full_name)]
            )
    return Result(ids, CHANGED)


def allowed_changes(state: MemberState, after: dt.date | None = None) -> dict[str, str]:
    """The kinds of change that can follow a member's current state, with their labels."""
    result = {}
    for key, rule in status_rules().items():
        try:
            check_change(state, rule, after or dt.date.max, after)
        except StatusHistoryError:
            continue
        result[key] = _(rule.label)
    return result


def change_labels() -> dict[str, str]:
    """Labels of the kinds of status change, in rule order."""
    return {key: _(rule.label) for key, rule in status_rules().items()}


def status_code_labels() -> dict[str, str]:
    """Labels of the cached status codes shown in lists."""
    return state_code_labels(status_rules())
