"""Annual quality assessment: levels from scores, warnings, the tally sent upward."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..i18n import _ as _tr


@dataclass(frozen=True)
class Condition:
    """A condition a level needs beside the score (QĐ 366: e.g. 100 % of tasks on time)."""

    key: str
    label: str
    source: str = ""
    verified: bool = True


@dataclass(frozen=True)
class Level:
    key: str
    label: str
    short: str = ""
    min_score: float | None = None
    conditions: tuple[Condition, ...] = ()


@dataclass(frozen=True)
class Quota:
    level: str
    percent: float
    base: str  # a level key, or "assessed"
    # Advisory: the cap is counted over a wider unit (``scope``, e.g. the grassroots party
    # organisation), so a cell's own count only hints at it.
    advisory: bool = False
    scope: str = ""


@dataclass(frozen=True)
class Scale:
    key: str
    title: str
    source: str
    first_year: int
    levels: tuple[Level, ...]
    points: bool = False
    max_score: float = 100
    quota: Quota | None = None

    def level(self, key: str | None) -> Level | None:
        return next((lv for lv in self.levels if lv.key == key), None)

    def label(self, key: str | None) -> str:
        level = self.level(key)
        return level.label if level else ""

    def rank(self, key: str | None) -> int:
        """0 for the best level; len(levels) for an unknown key."""
        keys = [lv.key for lv in self.levels]
        return keys.index(key) if key in keys else len(keys)

    def conditions(self) -> tuple[Condition, ...]:
        """Every condition of every level, best level first."""
        return tuple(c for lv in self.levels for c in lv.conditions)


def scale_for_year(scales: Sequence[Scale], year: int) -> Scale:
    """The scale in force for a year: the latest whose first year is not after it."""
    usable = [s for s in scales if s.first_year <= year]
    if not usable:
        return min(scales, key=lambda s: s.first_year)
    return max(usable, key=lambda s: s.first_year)


def level_for_score(scale: Scale, score: float | None) -> str | None:
    """The band a score falls in (None without points or without a score)."""
    if not scale.points or score is None:
        return None
    for level in scale.levels:
        if level.min_score is not None and score >= level.min_score:
            return level.key
    return scale.levels[-1].key


@dataclass(frozen=True)
class Assessment:
    member_id: int
    year: int
    scale: str
    self_score: float | None = None
    self_level: str | None = None
    proposed_level: str | None = None
    final_level: str | None = None
    notes: str = ""
    conditions: frozenset[str] = frozenset()  # keys of the conditions the member meets

    @property
    def level(self) -> str | None:
        """What counts: the level decided above, else the cell's proposal, else the self level."""
        return self.final_level or self.proposed_level or self.self_level


def supported_level(scale: Scale, score: float | None, met: frozenset[str]) -> str | None:
    """The level the score band and the conditions met support: the band only proposes,
    a level whose conditions are not all met gives way to the next one down."""
    band = level_for_score(scale, score)
    if band is None:
        return None
    for level in scale.levels[scale.rank(band) :]:
        if all(c.key in met for c in level.conditions):
            return level.key
    return scale.levels[-1].key


def unmet_conditions(
    scale: Scale, level_key: str | None, met: frozenset[str], *, document: bool = False
) -> str | None:
    """Why ``level_key`` is not supported by the conditions met (None when it is)."""
    _ = _same if document else _tr
    level = scale.level(level_key)
    if level is None:
        return None
    missing = [c.label for c in level.conditions if c.key not in met]
    if not missing:
        return None
    return _("Mức “{level}” cần đủ điều kiện: {missing}.").format(
        level=level.label, missing="; ".join(missing)
    )


@dataclass(frozen=True)
class CellAssessment:
    year: int
    scale: str
    self_level: str | None = None
    final_level: str | None = None
    notes: str = ""


def _same(text: str) -> str:
    return text


def check_assessment(a: Assessment, scale: Scale, *, document: bool = False) -> list[str]:
    """Inconsistencies a secretary should look at before sending the list upward.
    ``document``: in Vietnamese whatever the interface language (for printed reports)."""
    _ = _same if document else _tr
    problems: list[str] = []
    if a.self_score is not None and scale.points:
        if not 0 <= a.self_score <= scale.max_score:
            problems.append(
                _("Điểm tự chấm {score} nằm ngoài thang 0–{top}.").format(
                    score=_score_text(a.self_score), top=_score_text(scale.max_score)
                )
            )
            return problems
        band = supported_level(scale, a.self_score, a.conditions)
        if a.self_level and a.self_level != band:
            problems.append(
                _("Mức tự xếp “{level}” không khớp điểm {score} (thuộc mức “{band}”).").format(
                    level=scale.label(a.self_level),
                    score=_score_text(a.self_score),
                    band=scale.label(band),
                )
            )
        for key, what in (
            (a.proposed_level, _("chi bộ đề xuất")),
            (a.final_level, _("cấp trên quyết định")),
        ):
            if key and scale.rank(key) < scale.rank(band):
                problems.append(
                    _("Mức {what} “{level}” cao hơn mức của điểm {score} (“{band}”).").format(
                        what=what,
                        level=scale.label(key),
                        score=_score_text(a.self_score),
                        band=scale.label(band),
                    )
                )
    for key in (a.self_level, a.proposed_level, a.final_level):
        if key and scale.level(key) is None:
            problems.append(_("Mức xếp loại không có trong thang: {key}.").format(key=key))
    return problems


def _score_text(score: float) -> str:
    return f"{score:g}".replace(".", ",")


MEMBERSHIPS = ("chinh_thuc", "du_bi")


@dataclass
class Tally:
    """Counts per level, split chính thức / dự bị, as the level above collects them."""

    scale: Scale
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # level -> membership -> n
    to_assess: dict[str, int] = field(default_factory=dict)  # membership -> n
    not_assessed: dict[str, int] = field(default_factory=dict)

    def count(self, level: str, membership: str | None = None) -> int:
        row = self.counts.get(level, {})
        return sum(row.values()) if membership is None else row.get(membership, 0)

    def assessed(self, membership: str | None = None) -> int:
        return sum(self.count(lv.key, membership) for lv in self.scale.levels)

    def total(self, membership: str | None = None) -> int:
        if membership is None:
            return sum(self.to_assess.values())
        return self.to_assess.get(membership, 0)

    def missing(self, membership: str | None = None) -> int:
        if membership is None:
            return sum(self.not_assessed.values())
        return self.not_assessed.get(membership, 0)

    def percent(self, level: str, membership: str | None = None) -> float:
        """Share of the members assessed (0..1)."""
        base = self.assessed(membership)
        return self.count(level, membership) / base if base else 0.0


def tally(scale: Scale, rows: Iterable[tuple[str, str | None]]) -> Tally:
    """``rows``: (membership, level or None) for every member to be assessed."""
    result = Tally(scale, {lv.key: dict.fromkeys(MEMBERSHIPS, 0) for lv in scale.levels})
    for membership, level in rows:
        result.to_assess[membership] = result.to_assess.get(membership, 0) + 1
        if level is None or level not in result.counts:
            result.not_assessed[membership] = result.not_assessed.get(membership, 0) + 1
        else:
            result.counts[level][membership] = result.counts[level].get(membership, 0) + 1
    return result


def quota_warning(t: Tally, *, document: bool = False) -> str | None:
    _ = _same if document else _tr
    quota = t.scale.quota
    if quota is None:
        return None
    have = t.count(quota.level)
    base = t.assessed() if quota.base == "assessed" else t.count(quota.base)
    allowed = int(base * quota.percent / 100)
    if have <= allowed:
        return None
    if quota.advisory:
        return _(
            "Tham khảo: có {have} đảng viên “{level}”, quá {percent:g}% {base} của chi bộ "
            "(tối đa {allowed}). Tỷ lệ này tính trên toàn {scope}, không tính riêng từng chi bộ."
        ).format(
            have=have,
            level=t.scale.label(quota.level),
            percent=quota.percent,
            base=_base_text(t, quota, _),
            allowed=allowed,
            scope=quota.scope or _("tổ chức cơ sở đảng"),
        )
    base_text = _base_text(t, quota, _)
    return _(
        "Có {have} đảng viên “{level}”, vượt tỷ lệ {percent:g}% {base} (tối đa {allowed})."
    ).format(
        have=have,
        level=t.scale.label(quota.level),
        percent=quota.percent,
        base=base_text,
        allowed=allowed,
    )


def _base_text(t: Tally, quota: Quota, _) -> str:
    if quota.base == "assessed":
        return _("số đảng viên được xếp loại")
    return _("số đảng viên “{level}”").format(level=t.scale.label(quota.base))
