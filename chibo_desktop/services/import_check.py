"""Deciding what each imported row does: rejected (and why), added, updated or unchanged."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import attrgetter, methodcaller

from ..domain.members import FIELD_LABELS, Member, validate
from ..i18n import _, format_iso_date
from ..interop.excel_import import RowRecord
from .import_choices import KEPT_IN_NOTES, ChoiceFields
from .import_fold import fast_fold, name_key
from .import_quick import quick_valid

ADD, UPDATE, UNCHANGED, REJECTED = "add", "update", "unchanged", "rejected"


@dataclass(slots=True)
class Rejection:
    row: int
    column: str
    value: str
    reason: str
    column_index: int = -1
    field: str = ""

    def as_json(self) -> dict:
        return {"row": self.row, "column": self.column, "value": self.value, "reason": self.reason}


@dataclass(slots=True)
class Outcome:
    record: RowRecord
    action: str = ADD
    member: Member | None = None  # what will be stored (existing id for updates)
    old: Member | None = None
    changes: list[tuple[str, object, object]] = field(default_factory=list)
    problems: list[Rejection] = field(default_factory=list)


MATCH_COLUMNS = ("full_name", "birth_date", "card_number")


class _Members(dict):
    """Whole Member records, loaded only for the rows that update one."""

    def __init__(self, load: Callable[[int], Member]) -> None:
        super().__init__()
        self.load = load

    def __missing__(self, member_id: int) -> Member:
        member = self[member_id] = self.load(member_id)
        return member


class Register:
    """The members already stored, indexed the ways imported rows are matched.

    ``rows`` are (id, *columns) tuples holding at least MATCH_COLUMNS and every field the
    file brings; ``load`` gives a whole record when one is about to change.
    """

    def __init__(
        self, columns: Sequence[str], rows: list[tuple], load: Callable[[int], Member]
    ) -> None:
        self.position = {name: i + 1 for i, name in enumerate(columns)}
        self.rows = {r[0]: r for r in rows}
        self.members = _Members(load)
        card = self.position["card_number"]
        self.by_card = {r[card]: r[0] for r in rows if r[card]}
        self._by_key: dict[tuple[str, str], list[int]] | None = None

    @property
    def by_key(self) -> dict[tuple[str, str], list[int]]:
        """Ids by folded name and birth date; built when a row is first matched that way
        (a re-import of a list with card numbers never needs it)."""
        if self._by_key is None:
            name, birth = self.position["full_name"], self.position["birth_date"]
            by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
            for r in self.rows.values():
                by_key[name_key(r[name], r[birth])].append(r[0])
            self._by_key = by_key
        return self._by_key

    def get(self, member_id: int, name: str):
        return self.rows[member_id][self.position[name]]

    def differences(self, member_id: int, values: dict) -> list[tuple[str, object, object]]:
        """(field, stored, new) for each non-empty imported value that differs."""
        row = self.rows[member_id]
        position = self.position
        changes = []
        for key, value in values.items():
            if value is None or value == "":
                continue
            old = row[position[key]]
            if key == "armed_forces":
                old = bool(old)
            if old != value:
                changes.append((key, old, value))
        return changes


def _column(records: list[RowRecord], name: str) -> list:
    """The value of one field in each record (None when absent)."""
    return list(map(methodcaller("get", name), map(attrgetter("values"), records)))


class Checker:
    def __init__(
        self, register: Register, header, today: dt.date, choices: ChoiceFields | None = None
    ) -> None:
        self.register = register
        self.header = header  # column index → header text
        self.today = today
        self.choices = ChoiceFields() if choices is None else choices

    def _reject(self, outcome: Outcome, field_name: str, reason: str, value=None) -> None:
        record = outcome.record
        index = record.columns.get(field_name, -1)
        if value is None:
            value = record.values.get(field_name)
            value = format_iso_date(value) if field_name.endswith("_date") else value
            if isinstance(value, bool) or value is None:
                value = ""
        column = self.header(index) if index >= 0 else _(FIELD_LABELS.get(field_name, field_name))
        outcome.problems.append(
            Rejection(record.number, column, str(value), reason, index, field_name)
        )

    def check(self, records: list[RowRecord]) -> list[Outcome]:
        outcomes = [Outcome(r) for r in records]
        for outcome in outcomes:
            if outcome.record.problems:
                for p in outcome.record.problems:
                    column = self.header(p.column) if p.column >= 0 else _(FIELD_LABELS["gender"])
                    outcome.problems.append(
                        Rejection(
                            outcome.record.number, column, p.value, p.reason, p.column, p.field
                        )
                    )
        for name in self.choices.lists:
            for outcome, value in zip(outcomes, _column(records, name), strict=True):
                if value:
                    self._choose(outcome, name)
        self._duplicates(outcomes)
        for outcome in outcomes:
            self._match(outcome)
        return outcomes

    def _choose(self, outcome: Outcome, name: str) -> None:
        """A closed list's value in the list's spelling; text outside the list is refused,
        or for positions kept in the notes (see import_choices)."""
        record = outcome.record
        value = record.values[name]
        found = self.choices.canonical(name, value)
        if found:
            record.values[name] = found
        elif found == "":
            del record.values[name]
        elif name in KEPT_IN_NOTES:
            del record.values[name]
            index = record.columns.pop(name, -1)
            label = self.header(index) if index >= 0 else _(FIELD_LABELS[name])
            notes = record.values.get("notes")
            record.values["notes"] = "\n".join(filter(None, [notes, f"{label}: {value}"]))
        else:
            choice = self.choices.lists[name]
            self._reject(
                outcome,
                name,
                _("{field} “{value}” không có trong danh mục ({allowed}).").format(
                    field=_(choice.label), value=value, allowed=", ".join(choice.values)
                ),
            )

    def _duplicates(self, outcomes: list[Outcome]) -> None:
        cards = _column([o.record for o in outcomes], "card_number")
        if all(cards) and len(set(cards)) == len(cards):
            return  # every row has its own card: nothing to tell apart
        by_card: dict[str, list[Outcome]] = defaultdict(list)
        by_key: dict[tuple[str, str], list[Outcome]] = defaultdict(list)
        uncarded = False
        for o in outcomes:
            card = o.record.values.get("card_number")
            if card:
                by_card[card].append(o)
            else:
                uncarded = True
        if uncarded:  # only rows without a card are matched by name and birth date
            for o in outcomes:
                values = o.record.values
                if values.get("full_name"):
                    by_key[name_key(values["full_name"], values.get("birth_date"))].append(o)
        for card, group in by_card.items():
            if len(group) > 1:
                for o in group:
                    others = ", ".join(str(x.record.number) for x in group if x is not o)
                    self._reject(
                        o,
                        "card_number",
                        _("Số thẻ {card} xuất hiện nhiều lần trong tệp (cả ở dòng {rows}).").format(
                            card=card, rows=others
                        ),
                    )
        # Rows without a card are matched by name and birth date: another row with the same
        # pair (carded or not) makes that match ambiguous. Carded rows are told apart by card.
        for group in by_key.values():
            if len(group) > 1:
                for o in group:
                    if o.record.values.get("card_number"):
                        continue
                    others = ", ".join(str(x.record.number) for x in group if x is not o)
                    self._reject(
                        o,
                        "full_name",
                        _(
                            "Trùng họ tên và ngày sinh với dòng {rows} của tệp, không có số thẻ "
                            "để phân biệt."
                        ).format(rows=others),
                    )

    def _find(self, outcome: Outcome, values: dict) -> int | None:
        reg = self.register
        card = values.get("card_number")
        name, birth = values.get("full_name", ""), values.get("birth_date")
        if card and card in reg.by_card:
            found_id = reg.by_card[card]
            found_name = reg.get(found_id, "full_name")
            found_birth = reg.get(found_id, "birth_date")
            # The card decides, unless both the name and the birth date say another person.
            if (
                found_name != name
                and (found_birth or "") != (birth or "")
                and fast_fold(found_name) != fast_fold(name)
            ):
                self._reject(
                    outcome,
                    "card_number",
                    _("Số thẻ {card} đã được dùng cho đảng viên {name}.").format(
                        card=card, name=found_name
                    ),
                )
            return found_id
        candidates = reg.by_key.get(name_key(name, birth), []) if reg.by_key else []
        if card:
            with_other_card = [i for i in candidates if reg.get(i, "card_number")]
            if with_other_card:
                other = reg.members[with_other_card[0]]
                self._reject(
                    outcome,
                    "card_number",
                    _(
                        "Đảng viên {name} (sinh {born}) đã có trong sổ với số thẻ {other}, "
                        "khác số thẻ {card} trong tệp."
                    ).format(
                        name=other.full_name,
                        born=format_iso_date(other.birth_date),
                        other=other.card_number,
                        card=card,
                    ),
                )
                return None
            candidates = [i for i in candidates if not reg.get(i, "card_number")]
        if len(candidates) > 1:
            self._reject(
                outcome,
                "full_name",
                _("Trong sổ có {n} người cùng họ tên và ngày sinh này; hãy ghi số thẻ.").format(
                    n=len(candidates)
                ),
            )
            return None
        return candidates[0] if candidates else None

    def _match(self, outcome: Outcome) -> None:
        values = outcome.record.values
        if outcome.problems:
            outcome.action = REJECTED
            return
        member_id = self._find(outcome, values) if self.register.rows else None
        if outcome.problems:
            outcome.action = REJECTED
            return
        if member_id is None:
            member = Member(**values)
            outcome.action = ADD
        else:
            outcome.changes = self.register.differences(member_id, values)
            if not outcome.changes:
                outcome.action = UNCHANGED
                return
            old = self.register.members[member_id]
            member = dataclasses.replace(old, **{k: v for k, _o, v in outcome.changes})
            outcome.old = old
            outcome.action = UPDATE
        outcome.member = member
        if quick_valid(member, self.today):
            return
        for problem in validate(member, self.today):
            self._reject(outcome, problem.field, problem.message)
        if outcome.problems:
            outcome.action = REJECTED
