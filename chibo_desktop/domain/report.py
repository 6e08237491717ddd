"""A report as plain data: titled sections of tables, rendered to Excel or PDF by interop."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Column:
    label: str
    width: float = 12  # Excel characters; the PDF scales the widths to the page
    kind: str = "text"  # text | int | number | percent | date
    align: str = ""  # left | center | right ("" = by kind)

    @property
    def alignment(self) -> str:
        if self.align:
            return self.align
        return "left" if self.kind == "text" else "center"


@dataclass(frozen=True)
class Heading:
    """A row spanning the whole table that names the group of rows under it."""

    text: str


@dataclass
class Table:
    columns: list[Column]
    rows: list[list | Heading] = field(default_factory=list)
    total: list | None = None  # computed by the service, written as values


@dataclass
class Section:
    title: str  # also the sheet name (shortened to 31 characters)
    paragraphs: list[str] = field(default_factory=list)
    table: Table | None = None
    notes: list[str] = field(default_factory=list)  # under the table (warnings, remarks)


@dataclass
class Signer:
    caption: str  # "T/M CHI BỘ"
    title: str  # "BÍ THƯ"
    name: str


@dataclass
class ReportDoc:
    key: str
    title: str
    subtitle: str
    date: dt.date
    sections: list[Section]
    signer: Signer
    landscape: bool = False
    number: str = ""

    def text_preview(self, max_rows: int = 40) -> str:
        """Plain text of the report, for a quick look without a PDF viewer."""
        lines = [self.title, self.subtitle, ""]
        for section in self.sections:
            lines.append(section.title.upper())
            lines.extend(section.paragraphs)
            if section.table:
                t = section.table
                lines.append(" | ".join(c.label for c in t.columns))
                for row in t.rows[:max_rows]:
                    if isinstance(row, Heading):
                        lines.append(f"— {row.text}")
                    else:
                        lines.append(
                            " | ".join(
                                _cell_text(v, c) for v, c in zip(row, t.columns, strict=False)
                            )
                        )
                if len(t.rows) > max_rows:
                    lines.append(f"… (+{len(t.rows) - max_rows})")
                if t.total:
                    lines.append(
                        " | ".join(
                            _cell_text(v, c) for v, c in zip(t.total, t.columns, strict=False)
                        )
                    )
            lines.extend(section.notes)
            lines.append("")
        return "\n".join(lines)


def _cell_text(value, column: Column) -> str:
    from ..i18n import format_date, format_percent

    if value is None:
        return ""
    if column.kind == "percent" and isinstance(value, int | float):
        return format_percent(value)
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


def cell_text(value, column: Column) -> str:
    return _cell_text(value, column)
