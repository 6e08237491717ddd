"""Summing cells' figures into the committee's: the sums only, each figure having been
computed per cell by the cell's own rules."""

from __future__ import annotations

from collections.abc import Iterable

from .assessment import MEMBERSHIPS, Scale, Tally


def merge_counts(lists: Iterable[list[tuple[str, int]]]) -> list[tuple[str, int]]:
    """Sum (label, n) rows by label, in the order labels are first met."""
    totals: dict[str, int] = {}
    for rows in lists:
        for label, n in rows:
            totals[label] = totals.get(label, 0) + n
    return list(totals.items())


def combine_tallies(scale: Scale, tallies: Iterable[Tally]) -> Tally:
    """The grassroots organisation's tally: the cells' counts added level by level."""
    out = Tally(scale, {lv.key: dict.fromkeys(MEMBERSHIPS, 0) for lv in scale.levels})
    for t in tallies:
        for level, row in t.counts.items():
            target = out.counts.setdefault(level, dict.fromkeys(MEMBERSHIPS, 0))
            for membership, n in row.items():
                target[membership] = target.get(membership, 0) + n
        for membership, n in t.to_assess.items():
            out.to_assess[membership] = out.to_assess.get(membership, 0) + n
        for membership, n in t.not_assessed.items():
            out.not_assessed[membership] = out.not_assessed.get(membership, 0) + n
    return out


def reconciles(opening: int, incoming: int, outgoing: int, closing: int) -> bool:
    return opening + incoming - outgoing == closing
