"""Any ReportDoc as a PDF: HD 36 header, title, sections with tables, signature block."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer

from ...domain.report import Column, Heading, ReportDoc, cell_text
from ..letterhead import Letterhead
from .charts import section_charts
from .closing import ClosingTable
from .document import build_document
from .layout import frame_width, header_block, keep_together, signature_block, styles, text
from .long_cells import Overflow, appendix, fitted_lines
from .member_list import wrap_lines


def write_report_pdf(path: str | Path, head: Letterhead, doc: ReportDoc) -> Path:
    s = styles()
    width = frame_width(doc.landscape)
    section_style = ParagraphStyle("sec", parent=s.heading, spaceBefore=10)
    note_style = ParagraphStyle("note", parent=s.body_left, fontSize=12, leading=15)
    para_style = s.body if doc.body_size else note_style
    # Tables are laid out once; a second build (closing.py) reuses them.
    overflow = Overflow()
    tables = [
        _table(section, width, s, text, overflow) if section.table else None
        for section in doc.sections
    ]

    def make_story(keep_rows: int) -> list:
        story: list = [header_block(head, width), Spacer(1, 6)]
        kind, subject = doc.heading
        story.append(Paragraph(text(kind), s.title))
        for line in (subject, doc.subtitle):
            if line:
                story.append(Paragraph(keep_together(line), s.subtitle))
        story.append(Paragraph("-----", s.center))  # HD 36: five dashes under the title
        if head.addressee:
            story.append(Paragraph(text(f"Kính gửi: {head.addressee}"), s.center))
        story.append(Spacer(1, 4))
        story += [Paragraph(text(line), s.body) for line in doc.preamble]
        if doc.decision:
            story.append(Paragraph(text(doc.decision), s.subtitle))
        ending: list = [
            *[Paragraph(text(line), s.body) for line in doc.closing],
            Spacer(1, 10),
            signature_block(
                None,
                (doc.signer.title, doc.signer.name),
                width,
                right_caption=doc.signer.caption,
                recipients=head.recipients,
            ),
        ]
        heading = None
        for number, section in enumerate(doc.sections):
            last = number == len(doc.sections) - 1
            # a section starts on a new page unless its heading, its lines and the table's
            # header with a few rows fit: a table never starts with one row at a page's foot
            story.append(CondPageBreak(_TABLE_START if section.table else 40))
            # numbered in capitals, as the sections of the minutes and the campaign report
            numbered = f"{ROMAN[number]}. {section.title.upper()}"
            heading = Paragraph(text(numbered), section_style)
            story.append(heading)
            story += [Paragraph(text(para), para_style) for para in section.paragraphs]
            notes = [Paragraph(f"<i>{text(n)}</i>", note_style) for n in section.notes]
            if notes:
                notes.insert(0, Spacer(1, 3))
            table = tables[number]
            charts = section_charts(section, width)
            if last and table is not None:
                table.ending = charts + notes + ending
                return story + table.flowables(keep_rows) + appendix(overflow, width)
            if table is not None:
                story.append(table.table())
            story += charts + notes
        # The signature goes over with the last lines of text rather than alone, and a
        # heading left with none of its lines goes over with them.
        for _n in range(3):
            if not isinstance(story[-1], Paragraph):
                break
            ending.insert(0, story.pop())
        if heading is not None and story[-1] is heading:
            ending.insert(0, story.pop())
        story.append(KeepTogether(ending))
        return story + appendix(overflow, width)

    return build_document(path, make_story, title=doc.title, landscape_page=doc.landscape)


ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
_PADDING = 3  # left and right padding of the cells (data_table)
_LONG = 300  # characters below which a cell cannot need cutting
_TABLE_START = 160  # points: heading, a line of text, a two-line header and three rows
# Narrowest a column may get on paper (points): a date on one line, "STT" on one line.
_MIN_WIDTH = {"date": 62, "int": 30, "percent": 44, "number": 36}


def column_widths(columns: list[Column], width: float) -> list[float]:
    """Excel widths scaled to the frame, but never narrower than what the kind needs."""
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in range(len(columns)) if i not in fixed]
        room = width - sum(fixed.values())
        weight = sum(columns[i].width for i in free) or 1
        widths = {i: room * columns[i].width / weight for i in free}
        short = {
            i: _MIN_WIDTH[columns[i].kind]
            for i in free
            if columns[i].kind in _MIN_WIDTH and widths[i] < _MIN_WIDTH[columns[i].kind]
        }
        if not short:
            return [fixed.get(i, widths.get(i, 0.0)) for i in range(len(columns))]
        fixed.update(short)


def _table(section, width: float, s, text, overflow) -> ClosingTable:
    """Cells that fit on one line are plain strings drawn in the table's own font; only
    longer text becomes a wrapping Paragraph (thousands of Paragraphs are what made long
    lists slow)."""
    table = section.table
    columns: list[Column] = table.columns
    widths = column_widths(columns, width)
    font, size = s.cell.fontName, s.cell.fontSize
    bold = font + "-Bold"
    styles_by_align = {
        "left": s.cell,
        "center": s.cell_center,
        "right": ParagraphStyle("cr", parent=s.cell, alignment=2),
    }
    room = [w - 2 * _PADDING - 1 for w in widths]  # a point to spare: no text on the rule

    def cell(value, index: int, column: Column, face: str, row: int = 0):
        shown = cell_text(value, column)
        if "\n" not in shown and stringWidth(shown, face, size) <= room[index]:
            return shown
        if len(shown) > _LONG:
            where = f"{section.title}, dòng {row}, cột “{column.label}”"
            before = len(overflow.entries)
            lines, cut = fitted_lines(
                shown, lambda part: wrap_lines(part, face, size, room[index]), overflow, where
            )
            if len(overflow.entries) > before:
                if lines is not None:
                    return "\n".join(lines)
                shown = cut
        markup = text(shown) if face == font else f"<b>{text(shown)}</b>"
        return Paragraph(markup, styles_by_align[column.alignment])

    rows: list[list] = [[Paragraph(f"<b>{text(c.label)}</b>", s.cell_bold) for c in columns]]
    spans = []
    for values in table.rows:
        if isinstance(values, Heading):
            spans.append(len(rows))
            rows.append(
                [Paragraph(f"<b>{text(values.text)}</b>", s.cell)] + [""] * (len(columns) - 1)
            )
            continue
        rows.append(
            [
                cell(v, i, c, font, len(rows))
                for i, (v, c) in enumerate(zip(values, columns, strict=False))
            ]
        )
    total_row = None
    if table.total:
        total_row = len(rows)
        rows.append(
            [
                cell(v, i, c, bold)
                for i, (v, c) in enumerate(zip(table.total, columns, strict=False))
            ]
        )
    commands: list[tuple] = [
        ("FONTSIZE", (0, 1), (-1, -1), size),
        ("LEADING", (0, 1), (-1, -1), s.cell.leading),
    ]
    commands += [("ALIGN", (i, 1), (i, -1), c.alignment.upper()) for i, c in enumerate(columns)]
    row_commands: list[tuple] = [("SPAN", r) for r in spans]
    row_commands += [("BACKGROUND", r, "#f5f5f5") for r in spans]
    if total_row is not None:
        row_commands.append(("FONTNAME", total_row, bold))
        row_commands.append(("BACKGROUND", total_row, "#eeeeee"))
    return ClosingTable(rows, widths, [], row_commands=row_commands, commands=commands)
