"""Member rows read a chunk at a time and kept as columns: each field's values in one list,
and the rows that must be read one by one as records (a cell not understood, a name to
look at, a sex or a note found in a column of its own)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .columns import MARK, NAME, STORE, RowRecord, Unreadable, is_plain_name


class ColumnChunk:
    """``values[field][i]`` is what row ``i`` stores in ``field``, None when it stores
    nothing there: the same as its record's ``values`` for every row not in ``slow``."""

    def __init__(
        self,
        numbers: list[int],
        rows: list[list],
        plan: list[tuple],
        converted: list[tuple[list, list | None, bool]],
        read: Callable[[list[tuple[int, list]], list], list[RowRecord]],
        all_slow: bool = False,
    ) -> None:
        self.numbers = numbers  # as in the spreadsheet (1-based)
        self.rows = rows
        self._converted = converted
        self._read = read  # (number, cells) pairs and their converted columns → records
        self.values: dict[str, list] = {}
        slow: set[int] = set(range(len(rows))) if all_slow else set()
        for entry, (cells, results, unreadable) in zip(plan, converted, strict=True):
            name, kind = entry[1], entry[2]
            if kind is NAME:
                if unreadable:  # some name may not be plain
                    slow.update(i for i, v in enumerate(cells) if not is_plain_name(v))
                self.values[name] = cells
            elif kind is STORE:
                if unreadable and Unreadable in set(map(type, results)):
                    slow.update(i for i, r in enumerate(results) if r.__class__ is Unreadable)
                    results = [None if r.__class__ is Unreadable else r for r in results]
                earlier = self.values.get(name)
                if earlier is not None:  # two columns for one field: the later one wins
                    results = [e if r is None else r for e, r in zip(earlier, results, strict=True)]
                self.values[name] = results
            elif kind is MARK:  # a tick sets the sex
                slow.update(i for i, r in enumerate(results) if r)
            else:  # a birth date in the Nam or Nữ column, a note
                slow.update(i for i, r in enumerate(results) if r is not None)
        self.slow = slow

    def __len__(self) -> int:
        return len(self.rows)

    def records(self, positions: Iterable[int] | None = None) -> list[RowRecord]:
        """The records of the rows at ``positions`` (distinct, in order; all by default), as
        reading those rows alone gives them."""
        positions = None if positions is None else list(positions)
        if positions is None or len(positions) == len(self.rows):  # the whole chunk
            return self._read(list(zip(self.numbers, self.rows, strict=True)), self._converted)
        chunk = [(self.numbers[i], self.rows[i]) for i in positions]
        converted = [
            (
                [cells[i] for i in positions],
                None if results is None else [results[i] for i in positions],
                unreadable,
            )
            for cells, results, unreadable in self._converted
        ]
        return self._read(chunk, converted)
