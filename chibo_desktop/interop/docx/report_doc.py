"""Any ReportDoc as a Word document: the same content as report_doc.py's PDF."""

from __future__ import annotations

from pathlib import Path

from ...domain.report import Heading, ReportDoc, cell_text
from ..letterhead import Letterhead
from ..pdf.report_doc import column_widths
from .layout import CENTER, LEFT, new_page


def write_report_docx(path: str | Path, head: Letterhead, doc: ReportDoc) -> Path:
    page = new_page(head, landscape=doc.landscape)
    kind, subject = doc.heading
    page.title(kind, subject, doc.subtitle)
    if head.addressee:
        page.para(f"Kính gửi: {head.addressee}", align=CENTER)
    for line in doc.preamble:
        page.para(line)
    if doc.decision:
        page.para(doc.decision, align=CENTER, bold=True, keep_next=True)
    for number, section in enumerate(doc.sections):
        page.section(number, section.title)
        for line in section.paragraphs:
            if doc.body_size:
                page.para(line)
            else:
                page.para(line, align=LEFT, size=12)
        table = section.table
        if table is not None:
            columns = table.columns
            rows = [
                row.text
                if isinstance(row, Heading)
                else [cell_text(v, c) for v, c in zip(row, columns, strict=False)]
                for row in table.rows
            ]
            total = (
                [cell_text(v, c) for v, c in zip(table.total, columns, strict=False)]
                if table.total
                else None
            )
            page.table(
                [c.label for c in columns],
                rows,
                # the PDF's widths, never narrower than a date or "STT" needs
                column_widths(columns, page.frame_pt),
                aligns=[c.alignment for c in columns],
                total=total,
            )
        for note in section.notes:
            page.para(note, align=LEFT, italic=True, size=12)
    for line in doc.closing:
        page.para(line)
    page.signature(
        (doc.signer.title, doc.signer.name),
        caption=doc.signer.caption,
        recipients=head.recipients,
    )
    return page.save(path)
