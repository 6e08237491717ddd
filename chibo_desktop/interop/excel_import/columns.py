"""One column of many rows converted at once: each distinct value parsed once, problems kept
as values, so that reading 20,000 rows costs little more than looking the cells up."""

from __future__ import annotations

from collections.abc import Callable

from .values import ValueProblem


class Unreadable:
    """A cell that could not be understood, and why (in Vietnamese)."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason


def convert(parse: Callable, value: object):
    """The parsed value; None for a blank cell or one that holds nothing; Unreadable."""
    if value == "" or value is None:
        return None
    try:
        parsed = parse(value)
    except ValueProblem as exc:
        return Unreadable(str(exc))
    return None if parsed == "" or parsed is None else parsed


def convert_column(cells: list, parse: Callable, memo: dict | None) -> list:
    """``convert`` of every cell. With a ``memo`` (columns whose values repeat, such as sex,
    ethnicity or dates) each distinct value is parsed once, in order of first appearance."""
    if memo is not None:
        try:
            missing = [v for v in dict.fromkeys(cells) if v not in memo]
        except TypeError:  # an unhashable cell value cannot be remembered
            pass
        else:
            for value in missing:
                memo[value] = convert(parse, value)
            return [memo[v] for v in cells]
    return [convert(parse, v) for v in cells]
