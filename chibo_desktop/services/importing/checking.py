"""Deciding what each imported row does: rejected (and why), added, updated or unchanged.

Every rule of the record is the domain's (``domain.members.validate``); this module adds
what only an import has: duplicates inside the file, and matching rows to the register by
party card number, otherwise by folded name and date of birth."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ...domain import dates
from ...domain.members import FIELD_LABELS, Member, validate
from ...domain.text import fold
from ...i18n import _, format_iso_date
from ...interop.spreadsheet import TRANSFER_DATE, TRANSFER_FROM, RowRecord
from .choices import KEPT_IN_NOTES, ChoiceFields

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
    arrived: str | None = None  # the date of a transfer in, when the file gives one
    arrived_from: str = ""
    key: tuple[str, str] = ("", "")  # see name_key


def name_key(name: str, birth: str | None) -> tuple[str, str]:
    """What tells two people apart without a card: the folded name and the birth date."""
    return fold(name), birth or ""


class Register:
    """The members already stored, indexed the ways imported rows are matched.

    ``rows`` are (id, *columns) tuples; ``load`` gives a whole record when one is about to
    change."""

    def __init__(
        self, columns: Sequence[str], rows: list[tuple], load: Callable[[int], Member]
    ) -> None:
        self.position = {name: i + 1 for i, name in enumerate(columns)}
        self.rows = {r[0]: r for r in rows}
        self.load = load
        card = self.position["card_number"]
        self.by_card = {r[card]: r[0] for r in rows if r[card]}
        name, birth = self.position["full_name"], self.position["birth_date"]
        self.by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
        for r in rows:
            self.by_key[name_key(r[name], r[birth])].append(r[0])

    def get(self, member_id: int, name: str):
        return self.rows[member_id][self.position[name]]

    def differences(self, member_id: int, values: dict) -> list[tuple[str, object, object]]:
        """(field, stored, new) for each non-empty imported value that differs."""
        row = self.rows[member_id]
        changes = []
        for key, value in values.items():
            if value is None or value == "":
                continue
            old = row[self.position[key]]
            if key == "armed_forces":
                old = bool(old)
            if old != value:
                changes.append((key, old, value))
        return changes


class Checker:
    def __init__(
        self, register: Register, header, today: dt.date, choices: ChoiceFields | None = None
    ) -> None:
        self.register = register
        self.header = header  # column index → header text
        self.today = today
        self.choices = ChoiceFields() if choices is None else choices

    def check(self, records: list[RowRecord]) -> list[Outcome]:
        outcomes = [self._read(r) for r in records]
        self._duplicates(outcomes)
        for outcome in outcomes:
            self._match(outcome)
        return outcomes

    # --- one row on its own ----------------------------------------------------------------
    def _read(self, record: RowRecord) -> Outcome:
        outcome = Outcome(record)
        for p in record.problems:
            column = self.header(p.column) if p.column >= 0 else _(FIELD_LABELS["gender"])
            outcome.problems.append(
                Rejection(record.number, column, p.value, p.reason, p.column, p.field)
            )
        values = record.values
        outcome.arrived = values.pop(TRANSFER_DATE, None)
        outcome.arrived_from = values.pop(TRANSFER_FROM, "") or ""
        outcome.key = name_key(values.get("full_name") or "", values.get("birth_date"))
        for name in self.choices.lists:
            if values.get(name):
                self._choose(outcome, name)
        return outcome

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

    def _choose(self, outcome: Outcome, name: str) -> None:
        """A closed list's value in the list's spelling; text outside the list is refused,
        or for positions kept in the notes (see choices)."""
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

    # --- rows against each other -----------------------------------------------------------
    def _duplicates(self, outcomes: list[Outcome]) -> None:
        by_card: dict[str, list[Outcome]] = defaultdict(list)
        by_key: dict[tuple[str, str], list[Outcome]] = defaultdict(list)
        for o in outcomes:
            values = o.record.values
            if values.get("card_number"):
                by_card[values["card_number"]].append(o)
            if values.get("full_name"):
                by_key[o.key].append(o)
        for card, group in by_card.items():
            for o in group if len(group) > 1 else ():
                self._reject(
                    o,
                    "card_number",
                    _("Số thẻ {card} xuất hiện nhiều lần trong tệp (cả ở dòng {rows}).").format(
                        card=card, rows=_others(group, o)
                    ),
                )
        # Rows without a card are matched by name and birth date: another row with the same
        # pair (carded or not) makes that match ambiguous. Carded rows are told apart by card.
        for group in by_key.values():
            for o in group if len(group) > 1 else ():
                if not o.record.values.get("card_number"):
                    self._reject(
                        o,
                        "full_name",
                        _(
                            "Trùng họ tên và ngày sinh với dòng {rows} của tệp, không có số thẻ "
                            "để phân biệt."
                        ).format(rows=_others(group, o)),
                    )

    # --- rows against the register ---------------------------------------------------------
    def _find(self, outcome: Outcome, values: dict) -> int | None:
        reg = self.register
        card = values.get("card_number")
        name, birth = values.get("full_name", ""), values.get("birth_date")
        if card and card in reg.by_card:
            found_id = reg.by_card[card]
            found_name = reg.get(found_id, "full_name")
            # The card decides, unless both the name and the birth date say another person.
            if (reg.get(found_id, "birth_date") or "") != (birth or "") and fold(
                found_name
            ) != fold(name):
                self._reject(
                    outcome,
                    "card_number",
                    _("Số thẻ {card} đã được dùng cho đảng viên {name}.").format(
                        card=card, name=found_name
                    ),
                )
            return found_id
        candidates = reg.by_key.get(outcome.key, [])
        if card:
            with_other_card = [i for i in candidates if reg.get(i, "card_number")]
            if with_other_card:
                other = with_other_card[0]
                self._reject(
                    outcome,
                    "card_number",
                    _(
                        "Đảng viên {name} (sinh {born}) đã có trong sổ với số thẻ {other}, "
                        "khác số thẻ {card} trong tệp."
                    ).format(
                        name=reg.get(other, "full_name"),
                        born=format_iso_date(reg.get(other, "birth_date")),
                        other=reg.get(other, "card_number"),
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
        member_id = None if outcome.problems else self._find(outcome, values)
        if outcome.problems:
            outcome.action = REJECTED
            return
        if member_id is None:
            outcome.member = Member(**values)
        else:
            outcome.changes = self.register.differences(member_id, values)
            if not outcome.changes:
                outcome.action = UNCHANGED
                return
            outcome.old = self.register.load(member_id)
            outcome.member = dataclasses.replace(
                outcome.old, **{k: v for k, _o, v in outcome.changes}
            )
            outcome.action = UPDATE
        for problem in validate(outcome.member, self.today):
            self._reject(outcome, problem.field, problem.message)
        self._check_arrival(outcome)
        if outcome.problems:
            outcome.action = REJECTED

    def _check_arrival(self, outcome: Outcome) -> None:
        """A transfer-in date must be a real day, not in the future, not before joining."""
        arrived, member = outcome.arrived, outcome.member
        if not arrived:
            return
        try:
            days = dates.span(arrived)
        except ValueError:
            days = None
        joined = dates.earliest(member.join_date) if member.join_date else None
        if days is None or days[0] > self.today or (joined and days[1] < joined):
            self._reject(
                outcome,
                TRANSFER_DATE,
                _(
                    "Ngày chuyển sinh hoạt đến ({value}) phải là ngày có thật, không ở tương "
                    "lai và không trước ngày vào Đảng."
                ).format(value=format_iso_date(arrived)),
                value=format_iso_date(arrived),
            )


def _others(group: list[Outcome], outcome: Outcome) -> str:
    return ", ".join(str(x.record.number) for x in group if x is not outcome)
