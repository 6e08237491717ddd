"""A report as plain data: titled sections of tables, rendered to Excel or PDF by interop."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

DOCUMENT_KINDS = ("Báo cáo", "Bảng tổng hợp", "Nghị quyết", "Thông báo")


@dataclass(frozen=True)
class Column:
    label: str
    width: float = 12  # Excel characters; the PDF scales the widths to the page
    kind: str = "text"  # text | int | number | percent | date | money (whole đồng)
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
    charts: list = field(default_factory=list)  # domain.chart.TableChart views of the table


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
    preamble: list[str] = field(default_factory=list)  # unnumbered, under the title
    decision: str = ""  # bold and centred after the preamble: "CHI BỘ QUYẾT NGHỊ:"
    closing: list[str] = field(default_factory=list)  # after the sections, before signing
    body_size: bool = False  # paragraphs in body type (a resolution), not report notes

    @property
    def heading(self) -> tuple[str, str]:
        """HD 36 title: the kind of document in capitals on its own line, then the subject
        ("trích yếu") in ordinary case: ("BÁO CÁO", "Tình hình đảng viên")."""
        for kind in DOCUMENT_KINDS:
            if self.title.lower().startswith(kind.lower() + " "):
                subject = self.title[len(kind) + 1 :].strip()
                return kind.upper(), subject[:1].upper() + subject[1:]
        return self.title.upper(), ""

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
    from ..i18n import format_date, format_number, format_percent

    if value is None:
        return ""
    if column.kind == "money" and isinstance(value, int):
        return format_number(value, document=True)
    if column.kind == "percent" and isinstance(value, int | float):
        return format_percent(value, document=True)
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


def cell_text(value, column: Column) -> str:
    return _cell_text(value, column)


def to_html(doc: ReportDoc, max_rows: int = 200) -> str:
    """A simple HTML rendering for the on-screen preview (Qt rich text)."""
    from html import escape

    kind, subject = doc.heading
    out = [f"<h2 align='center'>{escape(kind)}</h2>"]
    out += [
        f"<p align='center'><b>{escape(line)}</b></p>" for line in (subject, doc.subtitle) if line
    ]
    for section in doc.sections:
        out.append(f"<h3>{escape(section.title)}</h3>")
        out += [f"<p>{escape(p)}</p>" for p in section.paragraphs]
        t = section.table
        if t:
            out.append(
                "<table border='1' cellspacing='0' cellpadding='3' width='100%'"
                " style='border-collapse: collapse; border-color: #888'>"
            )
            out.append(
                "<tr style='background:#eeeeee'>"
                + "".join(f"<th>{escape(c.label)}</th>" for c in t.columns)
                + "</tr>"
            )
            for row in t.rows[:max_rows]:
                if isinstance(row, Heading):
                    out.append(
                        f"<tr style='background:#f5f5f5'><td colspan='{len(t.columns)}'>"
                        f"<b>{escape(row.text)}</b></td></tr>"
                    )
                    continue
                out.append("<tr>" + _html_cells(row, t.columns, escape) + "</tr>")
            if len(t.rows) > max_rows:
                out.append(
                    f"<tr><td colspan='{len(t.columns)}'><i>… +{len(t.rows) - max_rows}"
                    "</i></td></tr>"
                )
            if t.total:
                out.append(
                    "<tr style='font-weight:bold'>"
                    + _html_cells(t.total, t.columns, escape)
                    + "</tr>"
                )
            out.append("</table>")
        out += [f"<p><i>{escape(n)}</i></p>" for n in section.notes]
    return "\n".join(out)


def _html_cells(values, columns, escape) -> str:
    cells = []
    for value, column in zip(values, columns, strict=False):
        align = column.alignment
        cells.append(f"<td align='{align}'>{escape(_cell_text(value, column))}</td>")
    return "".join(cells)
