"""The end of a document (total line, signatures) never stands alone on a page.

A table followed by its closing is built once; when the closing lands on a page of its own,
the document is built again with the table's last rows carried over to that page, under
the repeated header, so that the signatures sit under something they sign.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.platypus import Flowable, KeepTogether

from .layout import data_table

KEEP_ROWS = 2


class PageMark(Flowable):
    """Takes no room; remembers the page it was drawn on."""

    def __init__(self) -> None:
        super().__init__()
        self.page = 0

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self) -> None:
        self.page = self.canv.getPageNumber()


@dataclass
class ClosingTable:
    """A data table and the flowables that close the document after it.

    ``row_commands`` are whole-row table commands as (operation, row, *arguments), e.g.
    ("SPAN", 4) or ("BACKGROUND", 4, "#f5f5f5"), renumbered when rows move; ``commands``
    are ordinary table commands that hold for any run of rows (e.g. whole columns).
    """

    rows: list[list]
    widths: list[float]
    ending: list
    header_rows: int = 1
    row_commands: list[tuple] = field(default_factory=list)
    commands: list[tuple] = field(default_factory=list)

    def _table(self, indexes: list[int]):
        table = data_table(
            [self.rows[i] for i in indexes], self.widths, header_rows=self.header_rows
        )
        where = {old: new for new, old in enumerate(indexes)}
        commands = list(self.commands)
        commands += [
            (op, (0, where[row]), (-1, where[row]), *args)
            for op, row, *args in self.row_commands
            if row in where
        ]
        if commands:
            table.setStyle(commands)
        return table

    def table(self):
        """The whole table, for when nothing closes the document after it."""
        return self._table(list(range(len(self.rows))))

    def flowables(self, keep_rows: int) -> list:
        """``keep_rows`` = 0: the table, then the closing kept in one piece (with marks that
        tell whether the closing started a page); otherwise the last rows go with it."""
        count = len(self.rows)
        header = list(range(self.header_rows))
        if keep_rows == 0:
            return [
                self._table(list(range(count))),
                PageMark(),
                KeepTogether([PageMark(), *self.ending]),
            ]
        split = max(self.header_rows, count - keep_rows)
        tail = self._table(header + list(range(split, count)))
        if split == self.header_rows:
            return [KeepTogether([tail, *self.ending])]
        return [self._table(list(range(split))), KeepTogether([tail, *self.ending])]


def marks(story: list) -> list[PageMark]:
    found = []
    for flowable in story:
        if isinstance(flowable, PageMark):
            found.append(flowable)
        elif isinstance(flowable, KeepTogether):
            found += marks(flowable._content)
    return found


def closing_alone(found: list[PageMark]) -> bool:
    """After a build, given the marks of the story: did the closing start on a page the
    table did not reach?"""
    return len(found) == 2 and found[0].page != found[1].page
