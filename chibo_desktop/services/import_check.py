"""Deciding what each imported row does: rejected (and why), added, updated or unchanged."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from ..domain.members import FIELD_LABELS, Member, validate
from ..domain.text import fold
from ..i18n import _, format_iso_date
from ..interop.excel_import import RowRecord

ADD, UPDATE, UNCHANGED, REJECTED = "add", "update", "unchanged", "rejected"


@dataclass
class Rejection:
    row: int
    column: str
    value: str
    reason: str
    column_index: int = -1
    field: str = ""

    def as_json(self) -> dict:
        return {"row": self.row, "column": self.column, "value": self.value, "reason": self.reason}


@dataclass
class Outcome:
    record: RowRecord
    action: str = ADD
    member: Member | None = None  # what will be stored (existing id for updates)
    old: Member | None = None
    changes: list[tuple[str, object, object]] = field(default_factory=list)
    problems: list[Rejection] = field(default_factory=list)


def name_key(name: str, birth: str | None) -> tuple[str, str]:
    return fold(name), birth or ""


class Register:
    """The members already stored, indexed the ways imported rows are matched."""

    def __init__(self, members: list[Member]) -> None:
        self.members = {m.id: m for m in members}
        self.by_card = {m.card_number: m.id for m in members if m.card_number}
        self.by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
        for m in members:
            self.by_key[name_key(m.full_name, m.birth_date)].append(m.id)


class Checker:
    def __init__(self, register: Register, header, today: dt.date) -> None:
        self.register = register
        self.header = header  # column index → header text
        self.today = today

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
            for p in outcome.record.problems:
                column = self.header(p.column) if p.column >= 0 else _(FIELD_LABELS["gender"])
                outcome.problems.append(
                    Rejection(outcome.record.number, column, p.value, p.reason, p.column, p.field)
                )
        self._duplicates(outcomes)
        for outcome in outcomes:
            self._match(outcome)
        return outcomes

    def _duplicates(self, outcomes: list[Outcome]) -> None:
        by_card: dict[str, list[Outcome]] = defaultdict(list)
        by_key: dict[tuple[str, str], list[Outcome]] = defaultdict(list)
        for o in outcomes:
            values = o.record.values
            if values.get("card_number"):
                by_card[values["card_number"]].append(o)
            elif values.get("full_name"):
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
        for group in by_key.values():
            if len(group) > 1:
                for o in group:
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
        key = name_key(values.get("full_name", ""), values.get("birth_date"))
        if card and card in reg.by_card:
            found = reg.members[reg.by_card[card]]
            if fold(found.full_name) != key[0] and (found.birth_date or "") != key[1]:
                self._reject(
                    outcome,
                    "card_number",
                    _("Số thẻ {card} đã được dùng cho đảng viên {name}.").format(
                        card=card, name=found.full_name
                    ),
                )
            return found.id
        candidates = reg.by_key.get(key, [])
        if card:
            with_other_card = [i for i in candidates if reg.members[i].card_number]
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
            candidates = [i for i in candidates if not reg.members[i].card_number]
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
        member_id = self._find(outcome, values)
        if outcome.problems:
            outcome.action = REJECTED
            return
        if member_id is None:
            member = Member(**values)
            outcome.action = ADD
        else:
            old = self.register.members[member_id]
            applied = {k: v for k, v in values.items() if v not in (None, "")}
            member = dataclasses.replace(old, **applied)
            outcome.old = old
            outcome.changes = [
                (k, getattr(old, k), v) for k, v in applied.items() if getattr(old, k) != v
            ]
            outcome.action = UPDATE if outcome.changes else UNCHANGED
        outcome.member = member
        if outcome.action == UNCHANGED:
            return
        for problem in validate(member, self.today):
            self._reject(outcome, problem.field, problem.message)
        if outcome.problems:
            outcome.action = REJECTED
