"""Writing the checked rows of an import: new members with their first status change and
the change log, updates with what changed, in one transaction (the caller's)."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from ..domain import dates
from ..domain.status import StatusChange, derive_state
from ..i18n import _
from ..rules.statuses import status_rules
from ..storage import member_import as store
from .common import Progress
from .import_check import ADD, UPDATE, Outcome, search_text

_STEP = 2000


def _first_status(member, today: dt.date) -> tuple[str, str]:
    """New members need a first change to be in the cell's list. A list holds no history, so:
    without an official date the member is probationary, admitted on the joining date; with
    one, the member is recorded as transferred in, dated from joining because the list does
    not say since when they belong here (their membership then follows the official date).
    Returns the kind and the ISO day (the earliest day a partial joining date can mean)."""
    kind = "transfer_in" if member.official_date else "admitted"
    joined = member.join_date  # checked ISO by now: '1960', '1960-05' or '1960-05-01'
    if not joined:
        return kind, today.isoformat()
    return kind, joined + _PAD[len(joined)] if len(joined) in _PAD else joined


_PAD = {4: "-01-01", 7: "-01"}


def write(db: Database, outcomes: list[Outcome], user: str, source: str, today: dt.date):
    """Store the outcomes to add or update, yielding Progress; inside ``db.atomic()``."""
    rules = status_rules()
    states: dict = {}
    first_id = next_id = store.next_id(db)
    after_status = store.last_status_id(db)
    new, statuses = [], []
    file_name = source.split(": ", 1)[-1]
    notes = {
        "transfer_in": _(
            "Ghi nhận khi nhập danh sách {name}; ngày chuyển đến chưa rõ nên lấy ngày vào Đảng."
        ).format(name=file_name),
        "admitted": _("Nhập từ danh sách {name}.").format(name=file_name),
    }
    for o in outcomes:
        if o.action != ADD:
            continue
        member = o.member
        member.id = next_id
        next_id += 1
        kind, day = _first_status(member, today)
        # The state after a single first change depends only on its kind and on whether an
        # official date is known (derive_state without as_of).
        key = (kind, member.official_date is not None)
        code_in_cell = states.get(key)
        if code_in_cell is None:
            official = dates.earliest(member.official_date)
            first = StatusChange(kind, dt.date.fromisoformat(day))
            state = derive_state([first], rules, None, official)
            code_in_cell = states[key] = (state.code, state.in_cell)
        new.append((member, search_text(member), *code_in_cell))
        statuses.append((member.id, kind, day, notes[kind]))
    total = len(new)
    stamp = dt.datetime.now().strftime("%Y-%m-%dT%H:%M:%S")
    if new:
        with store.bulk_insert(db, first_id):
            for start in range(0, total, _STEP):
                store.insert_members(db, new[start : start + _STEP], stamp)
                yield Progress(
                    start,
                    total,
                    _("Đang ghi {n}/{total} đảng viên mới…").format(n=start, total=total),
                )
        store.add_statuses(db, statuses, stamp)
        store.log_new_members(db, user, source, first_id, after_status, stamp)
    updates = [o for o in outcomes if o.action == UPDATE]
    store.update_members(db, ((o.member, search_text(o.member)) for o in updates))
    log = [
        ("member", o.member.id, f, old, new_value)
        for o in updates
        for f, old, new_value in o.changes
    ]
    store.log_changes(db, user, source, log, stamp)
    if updates:
        _refresh_states(db, [o.member.id for o in updates], rules)
    yield Progress(total, total, _("Đang lưu…"))


def _refresh_states(db: Database, member_ids: list[int], rules) -> None:
    from ..storage import members as member_store

    rows = []
    for member_id in member_ids:
        member = member_store.get(db, member_id)
        history = member_store.status_history(db, member_id)
        state = derive_state(history, rules, None, dates.to_date(member.official_date))
        rows.append((state.code, state.in_cell, member_id))
    store.set_states(db, rows)
