"""A member's status is a dated history of changes; the current state is derived from it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..i18n import N_, _
from .dates import earliest

MEMBERSHIP_LABELS = {"du_bi": N_("Dự bị"), "chinh_thuc": N_("Chính thức")}
CONDITION_LABELS = {
    "exempt": N_("Miễn công tác và sinh hoạt"),
    "temp_out": N_("Sinh hoạt tạm thời nơi khác"),
    "suspended": N_("Đình chỉ sinh hoạt"),
    "detained": N_("Bị truy tố, xét xử hoặc tạm giam"),
    "temp_exempt": N_("Tạm miễn sinh hoạt"),
}
TEMPORARY_LABEL = N_("Sinh hoạt tạm thời tại chi bộ")


@dataclass(frozen=True)
class StatusRule:
    """What one kind of change does (from resources/rules/statuses.toml)."""

    key: str
    label: str
    requires: str | None = None  # "in_cell" | "out_of_cell"
    requires_membership: str | None = None
    in_cell: bool | None = None
    membership: str | None = None
    attachment: str | None = None
    condition: str | None = None
    left: str | None = None
    limit_months: int | None = None  # how long the state it starts may last
    deadline_working_days: int | None = None  # a step due within so many working days
    deadline_label: str | None = None  # what that step is
    badge_early: bool = False  # marks a member who may get the Party badge early
    until: str | None = None  # the change that meets that deadline


@dataclass(frozen=True)
class StatusChange:
    kind: str
    date: dt.date
    decision: str = ""
    note: str = ""
    id: int | None = None


@dataclass(frozen=True)
class MemberState:
    in_cell: bool = False
    membership: str | None = None  # du_bi | chinh_thuc
    attachment: str = "official"  # official | temporary
    # normal | exempt | temp_exempt | temp_out | suspended | detained
    condition: str = "normal"
    left: str | None = None  # why the member left, as shown
    left_by: str | None = None  # the change that made them leave (died, transfer_out, ...)
    since: dt.date | None = None

    @property
    def code(self) -> str:
        """A short stable code for exports and scripts."""
        if not self.in_cell:
            return self.left_by or "none"
        if self.condition != "normal":
            return self.condition
        if self.attachment == "temporary":
            return "temporary"
        return self.membership or "chinh_thuc"

    @property
    def label(self) -> str:
        if not self.in_cell:
            return _(self.left) if self.left else _("Chưa vào chi bộ")
        if self.condition != "normal":
            return _(CONDITION_LABELS[self.condition])
        if self.attachment == "temporary":
            return _(TEMPORARY_LABEL)
        return _(MEMBERSHIP_LABELS.get(self.membership or "chinh_thuc", ""))


def state_code_labels(rules: Mapping[str, StatusRule]) -> dict[str, str]:
    """Labels for every value of ``MemberState.code``."""
    labels = {key: _(text) for key, text in MEMBERSHIP_LABELS.items()}
    labels.update({key: _(text) for key, text in CONDITION_LABELS.items()})
    labels["temporary"] = _(TEMPORARY_LABEL)
    labels["none"] = _("Chưa vào chi bộ")
    labels.update({rule.key: _(rule.left) for rule in rules.values() if rule.left})
    return labels


ACTIVE_CODES = (
    "chinh_thuc",
    "du_bi",
    "temporary",
    "exempt",
    "temp_out",
    "suspended",
    "detained",
    "temp_exempt",
)


class StatusHistoryError(ValueError):
    """A change that cannot follow the history before it; the message is for the user."""


# A state as a plain tuple while changes are applied, in MemberState's field order:
# (in_cell, membership, attachment, condition, left, left_by, since).
Fields = tuple
START: Fields = (False, None, "official", "normal", None, None, None)


def apply_fields(fields: Fields, rule: StatusRule, date) -> Fields:
    """What one change does to a state (the one place that says it)."""
    in_cell, membership, attachment, condition, left, left_by, since = fields
    if (rule.in_cell, rule.membership, rule.attachment, rule.condition) != (None,) * 4:
        since = date  # a change that only starts a deadline or marks a fact keeps ``since``
    if rule.in_cell is not None:
        in_cell = rule.in_cell
        left, left_by = (None, None) if rule.in_cell else (rule.left, rule.key)
    return (
        in_cell,
        membership if rule.membership is None else rule.membership,
        attachment if rule.attachment is None else rule.attachment,
        condition if rule.condition is None else rule.condition,
        left,
        left_by,
        since,
    )


def settled_membership(fields: Fields, official: bool) -> Fields:
    """A member in the cell with no admission recorded (transferred in) is official once
    the register's official date has come, probationary before."""
    if fields[0] and fields[1] is None:
        return (fields[0], "chinh_thuc" if official else "du_bi", *fields[2:])
    return fields


def apply_change(state: MemberState, rule: StatusRule, date: dt.date) -> MemberState:
    fields = (state.in_cell, state.membership, state.attachment, state.condition)
    fields += (state.left, state.left_by, state.since)
    return MemberState(*apply_fields(fields, rule, date))


def check_change(
    state: MemberState, rule: StatusRule, date: dt.date, previous: dt.date | None
) -> None:
    if previous is not None and date < previous:
        raise StatusHistoryError(
            _("Ngày biến động ({date}) không được trước lần biến động trước ({previous}).").format(
                date=date.strftime("%d/%m/%Y"), previous=previous.strftime("%d/%m/%Y")
            )
        )
    if rule.requires == "in_cell" and not state.in_cell:
        raise StatusHistoryError(
            _("“{change}” chỉ áp dụng cho đảng viên đang sinh hoạt tại chi bộ.").format(
                change=_(rule.label)
            )
        )
    if rule.requires == "out_of_cell" and state.in_cell:
        raise StatusHistoryError(
            _("“{change}” không áp dụng được: đảng viên đang sinh hoạt tại chi bộ.").format(
                change=_(rule.label)
            )
        )
    if rule.requires_membership and state.membership not in (None, rule.requires_membership):
        raise StatusHistoryError(
            _("“{change}” chỉ áp dụng cho đảng viên {membership}.").format(
                change=_(rule.label),
                membership=_(MEMBERSHIP_LABELS[rule.requires_membership]).lower(),
            )
        )


def ordered(changes: Iterable[StatusChange]) -> list[StatusChange]:
    """Date order; changes on the same day keep the order they were recorded in."""
    return sorted(changes, key=lambda c: (c.date, c.id if c.id is not None else 1 << 62))


def derive_state(
    changes: Sequence[StatusChange],
    rules: Mapping[str, StatusRule],
    as_of: dt.date | None = None,
    official_date: dt.date | None = None,
) -> MemberState:
    """The member's state after every change up to ``as_of`` (inclusive).

    Members who arrived by transfer carry no admission change; their membership then
    follows the date they were made official, when the register knows it.
    """
    fields = START
    for change in ordered(changes):
        if as_of is not None and change.date > as_of:
            break
        rule = rules.get(change.kind)
        if rule is not None:
            fields = apply_fields(fields, rule, change.date)
    made_official = official_date is not None and (as_of is None or official_date <= as_of)
    return MemberState(*settled_membership(fields, made_official))


def validate_history(changes: Sequence[StatusChange], rules: Mapping[str, StatusRule]) -> None:
    """Raise StatusHistoryError for the first change that cannot follow the ones before it."""
    state = MemberState()
    previous: dt.date | None = None
    for change in ordered(changes):
        rule = rules.get(change.kind)
        if rule is None:
            raise StatusHistoryError(
                _("Loại biến động không được biết: {kind}").format(kind=change.kind)
            )
        check_change(state, rule, change.date, previous)
        state = apply_change(state, rule, change.date)
        previous = change.date


def history_from_dates(
    join_date: str | None,
    official_date: str | None,
    arrived: str | None = None,
    arrived_from: str = "",
) -> list[StatusChange]:
    """The status changes a member list's dates stand for: admission on the joining date
    and recognition as a full member on the official date; for a member who came from
    another cell (``arrived``: the date of the transfer in), the transfer, and recognition
    only when it came after it. A partial date counts from its first day. No joining date
    and no arrival: no change at all (nothing says since when the member belongs here)."""
    joined, official, came = (earliest(d) for d in (join_date, official_date, arrived))
    if came is not None:
        note = arrived_from and _("Chuyển từ {place}").format(place=arrived_from)
        history = [StatusChange("transfer_in", came, note=note)]
        if official is not None and official > came:
            history.append(StatusChange("official", official))
        return history
    if joined is None:
        return []
    history = [StatusChange("admitted", joined)]
    if official is not None:
        history.append(StatusChange("official", official))
    return history
