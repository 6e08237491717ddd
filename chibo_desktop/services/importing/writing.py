"""Writing an import plan in one transaction: new members with the history the file's dates
stand for, updates with what changed, every line of it marked as this import's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator

from sqlite_utils import Database

from ...domain.dates import to_date
from ...domain.status import (
    StatusChange,
    StatusHistoryError,
    derive_state,
    history_from_dates,
    validate_history,
)
from ...i18n import _
from ...rules.statuses import status_rules
from ...storage import imports as import_store
from ...storage import members as member_store
from ..contract.results import Progress
from ..members.register import search_text, state_of
from .checking import ADD, UPDATE, Outcome
from .plan import ImportPlan

_STEP = 2000
_NEW_COLUMNS = (*member_store.COLUMNS, "search_text", "status", "in_cell")
# Dates of the record and the status change each one stands for.
_DATED = {"join_date": "admitted", "official_date": "official"}


def write_plan(
    db: Database, plan: ImportPlan, user: str, source: str
) -> Generator[Progress, None, int]:
    """Store the plan's new and changed members (inside ``db.atomic()``); yields Progress
    and returns the id of the import."""
    stamp = dt.datetime.now().strftime("%Y-%m-%dT%H:%M:%S")
    import_id = import_store.start(db, plan.path.name, user, stamp)
    rules = status_rules()
    states: dict[tuple, tuple[str, bool]] = {}  # equal histories give equal states

    def new_state(history: list[StatusChange], official: str | None) -> tuple[str, bool]:
        key = (tuple(c.kind for c in history), bool(official))
        if key not in states:
            state = derive_state(history, rules, None, to_date(official))
            states[key] = (state.code, state.in_cell)
        return states[key]

    adds = [o for o in plan.outcomes if o.action == ADD]
    first_id = member_store.next_id(db)
    log: list[tuple] = []
    for start in range(0, len(adds), _STEP):
        part = adds[start : start + _STEP]
        rows, statuses = [], []
        for member_id, outcome in enumerate(part, start=first_id + start):
            member = outcome.member
            member.id = member_id
            arrived = outcome.arrived or (_arrival_date(member) if plan.arrived else None)
            history = history_from_dates(
                member.join_date, member.official_date, arrived, outcome.arrived_from
            )
            state = new_state(history, member.official_date)
            row = (member_id, *member_store.stored_values(member), search_text(member), *state)
            rows.append(row)
            log.append(("member", member_id, "created", None, member.full_name))
            for change in history:
                date = change.date.isoformat()
                statuses.append((member_id, change.kind, date, "", change.note))
                log.append(("member_status", member_id, change.kind, None, date))
        member_store.insert_rows(db, _NEW_COLUMNS, rows)
        member_store.add_statuses(db, statuses, import_id)
        yield Progress(
            start + len(part),
            len(adds),
            _("Đang ghi {n}/{total} đảng viên mới…").format(n=start + len(part), total=len(adds)),
        )
    updates = [o for o in plan.outcomes if o.action == UPDATE]
    member_store.update_many(db, ((o.member, search_text(o.member)) for o in updates))
    for o in updates:
        log += [("member", o.member.id, name, old, new) for name, old, new in o.changes]
        log += _dated_changes(db, o, rules, import_id)
    _refresh_states(db, [o.member.id for o in updates])
    import_store.log(db, log, user, source, stamp, import_id)
    import_store.finish(db, import_id, len(adds), len(updates))
    yield Progress(len(adds), len(adds), _("Đang lưu…"))
    return import_id


def _arrival_date(member) -> str | None:
    """When the file does not say since when a member who came from elsewhere belongs
    here: the latest date it gives (they were a member of the Party by then)."""
    return member.official_date or member.join_date


def _dated_changes(db: Database, outcome: Outcome, rules, import_id: int) -> list[tuple]:
    """The status changes a changed joining or official date stands for: a change the file
    made earlier moves with the date; a missing one is added when the history allows it.
    Changes recorded by hand are left as they are. Returns the change-log lines."""
    member = outcome.member
    changed = {name for name, _old, _new in outcome.changes if name in _DATED}
    if not changed:
        return []
    history = member_store.status_history(db, member.id)
    made_by_import = dict(member_store.imported_status_ids(db, member.id))
    log = []
    for name in sorted(changed):
        kind, date = _DATED[name], to_date(getattr(member, name) or "")
        if date is None:
            continue
        existing = [c for c in history if c.kind == kind]
        if existing:
            change = existing[0]
            if change.id in made_by_import and change.date != date:
                member_store.move_status(db, change.id, date.isoformat())
                log.append(
                    ("member_status", member.id, kind, change.date.isoformat(), date.isoformat())
                )
            continue
        if kind == "admitted" and history:  # the member came another way (transfer, …)
            continue
        try:
            validate_history([*history, StatusChange(kind, date)], rules)
        except StatusHistoryError:
            continue
        member_store.add_statuses(db, [(member.id, kind, date.isoformat(), "", "")], import_id)
        history.append(StatusChange(kind, date))
        log.append(("member_status", member.id, kind, None, date.isoformat()))
    return log


def _refresh_states(db: Database, member_ids: list[int]) -> None:
    rows = []
    for member_id in member_ids:
        state = state_of(
            member_store.get(db, member_id), member_store.status_history(db, member_id)
        )
        rows.append((state.code, state.in_cell, member_id))
    member_store.set_states(db, rows)
