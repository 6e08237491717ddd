"""Writing the checked rows of an import: new members with their first status change and
the change log, updates with what changed, in one transaction (the caller's)."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields
from itertools import chain, count
from operator import attrgetter

from sqlite_utils import Database

from ..domain import dates
from ..domain.members import Member
from ..domain.status import StatusChange, derive_state
from ..i18n import _
from ..rules.statuses import status_rules
from ..storage import member_import as store
from .common import Progress
from .import_check import ADD, UPDATE, Outcome
from .import_fast import NewMembers
from .import_fold import SEARCHED, search_text, search_texts_of

_STEP = 2000


# A list holds no history, so a new member gets one first change, to be in the cell's list:
# without an official date the member is probationary, admitted on the joining date; with
# one, the member is recorded as transferred in, dated from joining because the list does
# not say since when they belong here (their membership then follows the official date).
# Without a joining date the change is dated today; a partial one on its first day.
_FIRST_KINDS = ("admitted", "transfer_in")  # [0] without an official date, [1] with one


def _states(rules, today: dt.date) -> tuple[tuple[str, int], tuple[str, int]]:
    """(status code, in cell) after the first change, without and with an official date
    (derive_state without ``as_of`` depends on nothing else)."""
    found = []
    for kind, official in zip(_FIRST_KINDS, (None, dt.date(1, 1, 1)), strict=True):
        state = derive_state([StatusChange(kind, today)], rules, None, official)
        found.append((state.code, int(state.in_cell)))
    return found[0], found[1]


def _new_rows(adds: list[Outcome], new: NewMembers, first_id: int):
    """The columns any new member fills, and one insert tuple per member, in the file's
    order: the members found column by column and those checked one by one together."""
    filled = {"full_name", *chain.from_iterable(o.record.values for o in adds)}
    # A column of empty (or false) values stores what the table's defaults store.
    filled.update(f for f, values in new.values.items() if any(values))
    columns = [c for c in store.COLUMNS if c in filled]
    values = [_stored(c, new.values.get(c), len(new)) for c in columns]
    numbers = new.numbers
    if adds:
        get = attrgetter(*columns)
        members = [get(o.member) if len(columns) > 1 else (get(o.member),) for o in adds]
        numbers = [*numbers, *(o.record.number for o in adds)]
        order = sorted(range(len(numbers)), key=numbers.__getitem__)
        values = [
            [both[i] for i in order]
            for both in (
                [*column, *(_stored(c, [m[k] for m in members], len(adds)))]
                for k, (c, column) in enumerate(zip(columns, values, strict=True))
            )
        ]
        ids = [None] * len(numbers)
        for position, i in enumerate(order):
            ids[i] = first_id + position
        for i, o in enumerate(adds, start=len(new)):
            o.member.id = ids[i]
    searched = [values[columns.index(c)] for c in SEARCHED if c in columns]
    search = search_texts_of(searched, len(numbers))
    rows = list(zip(count(first_id), *values, search))
    return columns, rows


def _stored(name: str, values: list | None, total: int) -> list:
    """A column as stored: the Member's default where None, flags as 0 or 1."""
    if values is None:
        values = [None] * total
    if name == "armed_forces":
        return [int(bool(v)) for v in values]
    default = _DEFAULTS[name]
    if default is None or None not in values:
        return values
    return [default if v is None else v for v in values]


_DEFAULTS = {f.name: f.default for f in fields(Member)}


def write(
    db: Database,
    outcomes: list[Outcome],
    user: str,
    source: str,
    today: dt.date,
    new: NewMembers | None = None,
):
    """Store the outcomes to add or update and the ``new`` members found column by column,
    yielding Progress; inside ``db.atomic()``."""
    rules = status_rules()
    first_id = store.next_id(db)
    after_status = store.last_status_id(db)
    file_name = source.split(": ", 1)[-1]
    notes = (
        _("Nhập từ danh sách {name}.").format(name=file_name),
        _(
            "Ghi nhận khi nhập danh sách {name}; ngày chuyển đến chưa rõ nên lấy ngày vào Đảng."
        ).format(name=file_name),
    )
    stamp = dt.datetime.now().strftime("%Y-%m-%dT%H:%M:%S")
    adds = [o for o in outcomes if o.action == ADD]
    columns, rows = _new_rows(adds, new or NewMembers(), first_id)
    states = _states(rules, today)
    total = len(rows)
    if rows:
        with store.bulk_insert(db, first_id):
            for start in range(0, total, _STEP):
                store.insert_members(db, columns, rows[start : start + _STEP], states, stamp)
                yield Progress(
                    start,
                    total,
                    _("Đang ghi {n}/{total} đảng viên mới…").format(n=start, total=total),
                )
            store.add_first_statuses(db, first_id, _FIRST_KINDS, notes, today.isoformat(), stamp)
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
