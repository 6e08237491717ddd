"""Party dues (đảng phí): the regimes, a member's dues basis and reliefs, the monthly amount.

Amounts are whole đồng (int); rates are basis points (1 % = 100), so nothing is a float.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from ..i18n import _
from .dates import add_years

BASIS_POINTS = 10_000
METHODS = ("cash", "online")
RELIEF_KINDS = ("exempt", "reduce", "defer")


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        """'2026-03' (also '03/2026'); ValueError with a plain reason otherwise."""
        text = text.strip()
        try:
            if "/" in text:
                m, y = text.split("/")
            else:
                y, m = text.split("-")
            month = cls(int(y), int(m))
        except ValueError:
            month = None
        if month is None or not (1 <= month.month <= 12 and 1900 <= month.year <= 2100):
            raise ValueError(
                _("Tháng “{text}” không hợp lệ (dùng dạng 2026-03).").format(text=text)
            )
        return month

    @classmethod
    def of(cls, day: dt.date) -> Month:
        return cls(day.year, day.month)

    @cached_property
    def first(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @cached_property
    def last(self) -> dt.date:
        return self.next().first - dt.timedelta(days=1)

    def next(self) -> Month:
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def previous(self) -> Month:
        return Month(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    def plus(self, months: int) -> Month:
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def label(self) -> str:
        return f"{self.month:02d}/{self.year}"


@dataclass(frozen=True)
class DuesGroup:
    key: str
    label: str
    short: str = ""
    basis: str | None = None  # salary | benefit | pension: what the rate applies to
    basis_label: str = ""
    rate: int | None = None  # basis points
    fixed: int | None = None
    cell_set: bool = False
    minimum: int | None = None
    maximum: int | None = None
    past_working_age_percent: int | None = None
    same_as: str | None = None
    source: str = ""
    verified: bool = True


@dataclass(frozen=True)
class Regime:
    key: str
    title: str
    source: str
    valid_from: dt.date
    groups: tuple[DuesGroup, ...]
    exempt_party_years: int | None = None
    reduction_percents: tuple[int, ...] = ()
    relief_max_months: int = 12
    unpaid_months_in_year: int | None = None
    methods: tuple[str, ...] = METHODS
    verified: bool = True

    def group(self, key: str) -> DuesGroup | None:
        """The group as this regime computes it (following ``same_as``)."""
        return self._resolved.get(key)

    @cached_property
    def _resolved(self) -> dict[str, DuesGroup | None]:
        return {g.key: self._resolve(g.key) for g in self.groups}

    def _resolve(self, key: str) -> DuesGroup | None:
        found = next((g for g in self.groups if g.key == key), None)
        if found is not None and found.same_as:
            base = next((g for g in self.groups if g.key == found.same_as), None)
            return base and DuesGroup(
                **{
                    **base.__dict__,
                    "key": key,
                    "label": found.label,
                    "short": found.short,
                    "same_as": base.key,
                }
            )
        return found


@dataclass(frozen=True)
class DuesRules:
    regimes: tuple[Regime, ...]  # oldest first
    rounding: str = "dong"
    rounding_choices: tuple[str, ...] = ("dong", "thousand")
    max_monthly: int = 100_000_000

    def regime_for(self, month: Month) -> Regime:
        return self.regime_on(month.first)

    def regime_on(self, day: dt.date) -> Regime:
        usable = [r for r in self.regimes if r.valid_from <= day]
        return usable[-1] if usable else self.regimes[0]

    def group_keys(self) -> list[str]:
        keys: list[str] = []
        for regime in reversed(self.regimes):
            keys += [g.key for g in regime.groups if g.key not in keys]
        return keys


@dataclass(frozen=True)
class CellDuesOptions:
    """What the cell decides because the regulation found does not say it."""

    rounding: str = "dong"
    kept_percent: int | None = None  # share of the dues the cell keeps; None: not set
    group_amounts: dict[str, int] = field(default_factory=dict)  # "regime:group" -> đồng

    def group_amount(self, regime: str, group: str) -> int | None:
        return self.group_amounts.get(f"{regime}:{group}")


@dataclass(frozen=True)
class DuesBasis:
    """A member's dues group and basis from a month on (the history is kept)."""

    member_id: int
    from_month: Month
    group: str
    basis: int | None = None  # salary / pension / benefit, or the amount the cell set
    voluntary: int | None = None  # a higher amount the member chose to pay
    past_working_age: bool = False
    note: str = ""
    id: int | None = None


@dataclass(frozen=True)
class Relief:
    """An exemption, a reduction or a deferral decided for some months."""

    member_id: int
    kind: str  # exempt | reduce | defer
    first: Month
    last: Month
    percent: int = 0  # reduce: 30 / 50 / 70
    reason: str = ""
    decision: str = ""
    decision_date: dt.date | None = None
    id: int | None = None

    def covers(self, month: Month) -> bool:
        return self.first <= month <= self.last

    @property
    def months(self) -> int:
        return (self.last.year - self.first.year) * 12 + self.last.month - self.first.month + 1


@dataclass(frozen=True)
class Due:
    """What a member owes for a month and why."""

    amount: int | None  # None: the basis or the cell's amount is missing
    full: int | None  # before reduction or exemption
    state: str  # due | exempt | deferred | unset
    reason: str = ""
    group: str = ""
    basis: int | None = None
    regime: str = ""


def round_amount(exact_times_10k: int, rounding: str) -> int:
    """Round (amount × 10 000) half up to the đồng, or to the nearest 1,000 đ."""
    unit = BASIS_POINTS * (1000 if rounding == "thousand" else 1)
    return (exact_times_10k + unit // 2) // unit * (unit // BASIS_POINTS)


def basis_on(history: Sequence[DuesBasis], month: Month) -> DuesBasis | None:
    """The basis in force for a month: the latest entered from that month or before."""
    usable = [b for b in history if b.from_month <= month]
    return max(usable, key=lambda b: b.from_month) if usable else None


def fifty_years_month(join_date: dt.date | None, years: int | None) -> Month | None:
    """The month a member reaches the party age that exempts them (counted from joining)."""
    if join_date is None or years is None:
        return None
    return Month.of(add_years(join_date, years))


def full_amount(
    regime: Regime, basis: DuesBasis, options: CellDuesOptions
) -> tuple[int | None, str]:
    """The month's amount before reliefs, and a reason when it cannot be computed."""
    group = regime.group(basis.group)
    if group is None:
        return None, _("Nhóm “{group}” không có trong {regime}.").format(
            group=basis.group, regime=regime.title
        )
    if group.rate is not None:
        if basis.basis is None:
            return None, _("Chưa có căn cứ tính (lương, trợ cấp hoặc lương hưu).")
        amount = round_amount(basis.basis * group.rate, options.rounding)
    elif group.fixed is not None:
        amount = group.fixed
    else:
        amount = basis.basis if basis.basis is not None else None
        if amount is None:
            amount = options.group_amount(regime.key, group.same_as or group.key)
        if amount is None:
            return None, _("Chi bộ chưa đặt mức đóng cho nhóm này.")
        if basis.past_working_age and group.past_working_age_percent:
            amount = round_amount(amount * group.past_working_age_percent * 100, options.rounding)
    if basis.voluntary is not None and basis.voluntary > amount:
        amount = basis.voluntary
    return amount, ""


def compute_due(
    rules: DuesRules,
    month: Month,
    history: Sequence[DuesBasis],
    reliefs: Sequence[Relief],
    join_date: dt.date | None,
    options: CellDuesOptions,
) -> Due:
    """A member's dues for a month under the regime in force on that month."""
    regime = rules.regime_for(month)
    basis = basis_on(history, month)
    reached = fifty_years_month(join_date, regime.exempt_party_years)
    if reached is not None and reached <= month:
        return Due(
            0,
            0,
            "exempt",
            _("Miễn: đủ {n} năm tuổi đảng").format(n=regime.exempt_party_years),
            basis.group if basis else "",
            basis.basis if basis else None,
            regime.key,
        )
    if basis is None:
        return Due(None, None, "unset", _("Chưa khai nhóm và căn cứ đóng đảng phí."), "", None)
    full, problem = full_amount(regime, basis, options)
    common = {"group": basis.group, "basis": basis.basis, "regime": regime.key}
    if full is None:
        return Due(None, None, "unset", problem, **common)
    relief = next((r for r in reliefs if r.covers(month)), None)
    if relief is None:
        return Due(full, full, "due", **common)
    decided = f" ({relief.decision})" if relief.decision else ""
    if relief.kind == "exempt":
        return Due(0, full, "exempt", _("Miễn đóng") + decided, **common)
    if relief.kind == "reduce":
        amount = round_amount(full * (100 - relief.percent) * 100, options.rounding)
        reason = _("Giảm {p}%").format(p=relief.percent) + decided
        return Due(amount, full, "due", reason, **common)
    return Due(full, full, "deferred", _("Cho chậm đóng") + decided, **common)
