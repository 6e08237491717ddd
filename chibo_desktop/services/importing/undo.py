"""Undoing the last import: the register taken back to exactly what it was before it, as
long as nothing else has changed since (otherwise a message says what did)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlite_utils import Database

from ...domain.members import FIELD_LABELS, Member
from ...errors import ChiboError
from ...i18n import _, format_stamp
from ...storage import imports as import_store
from ...storage import members as member_store
from ..contract.context import current_user
from ..contract.results import Changes, Result
from ..members.changelog import entity_label
from ..members.register import search_text, state_of


@dataclass
class UndoneImport:
    file_name: str
    at: str
    removed: int  # members the import had added
    restored: int  # members whose fields it had changed


def last_import(db: Database) -> dict | None:
    """The import an undo would take back (file name, when, what it wrote), or None."""
    return import_store.last(db)


def undo_last_import(db: Database) -> Result[UndoneImport]:
    done = import_store.last(db)
    if done is None:
        raise ChiboError(_("Chưa có lần nhập danh sách nào để hoàn tác."))
    when = format_stamp(done["at"])
    since = import_store.changes_since(db, done["id"])
    if since:
        shown = "; ".join(
            f"{format_stamp(at)} {entity_label(entity)}" + (f" ({source})" if source else "")
            for at, entity, _record, _field, source in since[:3]
        )
        raise ChiboError(
            _(
                "Không hoàn tác được lần nhập tệp {name} lúc {at}: sau đó sổ đã có {n} thay đổi "
                "khác ({changes}). Hoàn tác lúc này sẽ làm mất các thay đổi ấy."
            ).format(name=done["file_name"], at=when, n=len(since), changes=shown)
        )
    logged = import_store.logged(db, done["id"])
    added = [r for entity, r, field, _o, _n in logged if (entity, field) == ("member", "created")]
    if import_store.member_references(db, added):
        raise ChiboError(
            _(
                "Không hoàn tác được lần nhập tệp {name} lúc {at}: đã có biên bản, đợt sinh hoạt "
                "hoặc đánh giá ghi tên đảng viên do lần nhập ấy thêm vào."
            ).format(name=done["file_name"], at=when)
        )
    restored = _fields_before(db, logged, set(added))
    stamp = dt.datetime.now().strftime("%Y-%m-%dT%H:%M:%S")
    source = _("hoàn tác nhập: {name}").format(name=done["file_name"])
    with db.atomic():
        for entity, member_id, kind, old, new in logged:
            if entity == "member_status" and old is not None:  # a change the import moved
                member_store.move_status(db, member_store.status_id(db, member_id, kind, new), old)
        removed = set(added)
        for change_id, member_id in import_store.statuses_of(db, done["id"]):
            if member_id not in removed:
                member_store.delete_status(db, change_id)
        member_store.update_many(db, ((m, search_text(m)) for m in restored.values()))
        for member_id in added:
            member_store.delete(db, member_id)
        member_store.set_states(db, (_state(db, member_id) for member_id in restored))
        import_store.log(
            db,
            [("member", i, field, new, old) for i, field, old, new in _reverted(logged, added)],
            current_user(),
            source,
            stamp,
            None,
        )
        import_store.mark_undone(db, done["id"], stamp)
    undone = UndoneImport(done["file_name"], when, len(added), len(restored))
    return Result(undone, Changes(members=True))


def _fields_before(db: Database, logged: list[tuple], added: set[int]) -> dict[int, Member]:
    """Each changed member as it was before the import (fields as stored, by their type)."""
    before: dict[int, dict] = defaultdict(dict)
    for entity, record, field, old, _new in logged:
        if entity == "member" and record not in added and field in FIELD_LABELS:
            before[record].setdefault(field, old)
    members = {}
    for member_id, fields in before.items():
        member = member_store.get(db, member_id)
        values = {name: _typed(name, old) for name, old in fields.items()}
        members[member_id] = dataclasses.replace(member, **values)
    return members


def _typed(name: str, text: str | None):
    """A field's value as the change log's text kept it."""
    if name == "armed_forces":
        return text == "True"
    if text is None:
        return None if name.endswith("_date") or name == "gender" else ""
    return text


def _reverted(logged: list[tuple], added: list[int]):
    for entity, record, field, old, new in logged:
        if entity == "member" and record not in added and field in FIELD_LABELS:
            yield record, field, old, new
    for member_id in added:
        yield member_id, "deleted", None, None


def _state(db: Database, member_id: int) -> tuple[str, bool, int]:
    state = state_of(member_store.get(db, member_id), member_store.status_history(db, member_id))
    return state.code, state.in_cell, member_id
