"""Any ReportDoc as a workbook: one sheet per section, each with the HD 36 header block,
the title, a frozen header row, widths, A4 print setup and the signature block."""

from __future__ import annotations

import datetime as dt
import re
from copy import copy
from pathlib import Path

from ...domain.report import Heading, ReportDoc, Section
from ..letterhead import Letterhead
from .charts import add_section_charts
from .closing import closing_rows
from .sheets import (
    BORDER,
    FORMULA_STARTS,
    PERCENT_FORMAT,
    finish_sheet,
    header_row,
    letterhead_rows,
    new_workbook,
    put,
    save_workbook,
    sheet_text,
)

_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
MONEY_FORMAT = "#,##0"  # shown with the reader's thousands separator


def sheet_name(title: str, taken: set[str]) -> str:
    base = _BAD_SHEET_CHARS.sub(" ", title).strip()[:31] or "Sheet"
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(name.lower())
    return name


def write_report_xlsx(path: str | Path, head: Letterhead, doc: ReportDoc) -> Path:
    wb, first = new_workbook()
    taken: set[str] = set()
    for index, section in enumerate(doc.sections):
        ws = first if index == 0 else wb.create_sheet()
        ws.title = sheet_name(section.title, taken)
        _write_section(ws, head, doc, section)
    wb.properties.title = doc.title
    wb.properties.creator = "Chi bộ Desktop"
    return save_workbook(wb, path)


def _write_section(ws, head: Letterhead, doc: ReportDoc, section: Section) -> None:
    from openpyxl.styles import PatternFill

    GROUP_FILL = PatternFill("solid", fgColor="F5F5F5")

    table = section.table
    ncols = max(len(table.columns) if table else 4, 4)
    kind, subject = doc.heading  # "BÁO CÁO", then the subject under it, as on paper
    row = letterhead_rows(ws, head, kind, [subject, doc.subtitle], ncols)
    put(ws, row, 1, section.title, bold=True, size=12)
    row += 1
    for text in section.paragraphs:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
        put(ws, row, 1, text, wrap=False)
        row += 1
    header = row
    if table:
        header_row(ws, header, [c.label for c in table.columns])
        ws.row_dimensions[header].height = 32
        row = header + 1
        writer = _RowWriter(ws, table.columns)
        for values in table.rows:
            if isinstance(values, Heading):
                # A group row spans the table, not the wider header block above it.
                width = len(table.columns)
                ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
                put(ws, row, 1, values.text, bold=True, border=True, fill=GROUP_FILL)
                for col in range(2, width + 1):
                    ws.cell(row=row, column=col).border = BORDER
            else:
                writer.row(row, values, bold=False)
            row += 1
        if table.total:
            writer.row(row, table.total, bold=True)
            row += 1
        if section.charts:
            add_section_charts(ws, section, header, len(table.columns) + 2)
    row += 1
    for text in section.notes:
        put(ws, row, 1, text, italic=True)
        row += 1

    signer = (doc.signer.caption, doc.signer.title, doc.signer.name)
    closing_rows(ws, row + 1, ncols, signer, head.recipients)
    widths = [c.width for c in table.columns] if table else [20] * ncols
    _finish(ws, header if table else row, widths, doc.landscape, bool(table))


class _RowWriter:
    """Data rows written fast: the first cell of each look (column, bold, kind of value) goes
    through ``put``; the others copy its style, which is what openpyxl spends most time on
    when every cell gets its own Font and Alignment objects."""

    def __init__(self, ws, columns) -> None:
        self.ws = ws
        self.columns = columns
        self.looks: dict[tuple, object] = {}

    def row(self, row: int, values, *, bold: bool) -> None:
        for col, (column, value) in enumerate(zip(self.columns, values, strict=False), start=1):
            if isinstance(value, str):
                value = sheet_text(value)
                kind = "formula" if value.startswith(FORMULA_STARTS) else "text"
            elif isinstance(value, dt.date):
                kind = "date"
            elif isinstance(value, int | float) and column.kind in ("percent", "money"):
                kind = column.kind
            else:
                kind = "other"
            look = (col, bold, kind)
            template = self.looks.get(look)
            if template is None or kind == "formula":
                cell = put(
                    self.ws,
                    row,
                    col,
                    value,
                    bold=bold,
                    border=True,
                    wrap=column.kind == "text",
                    align=column.alignment,
                    number_format={"percent": PERCENT_FORMAT, "money": MONEY_FORMAT}.get(kind),
                )
                if kind != "formula":
                    self.looks[look] = cell._style
                continue
            cell = self.ws.cell(row=row, column=col)
            cell.value = value
            if kind == "text":
                cell.data_type = "s"
            cell._style = copy(template)


def _finish(ws, header: int, widths, landscape: bool, has_table: bool) -> None:
    finish_sheet(ws, header, widths, landscape=landscape)
    if not has_table:
        ws.freeze_panes = None
        ws.print_title_rows = None
