"""The campaign as a workbook: steps, the member matrix (✓/✗ and the date), figures.

Every sheet carries the HD 36 header block; user text is always written as text.
"""

from __future__ import annotations

from pathlib import Path

from ...domain.campaign import STEP_STATUSES, CampaignState, document_title, figures
from ...i18n import format_date
from ..letterhead import Letterhead
from .charts import bar_chart
from .closing import closing_rows
from .pages import REPEATED, breaks_for, move_right, pages_across
from .sheets import (
    FONT_NAME,
    PERCENT_FORMAT,
    data_rows,
    finish_sheet,
    header_row,
    letterhead_rows,
    new_workbook,
    put,
    save_workbook,
)

DONE, NOT_DONE = "✓", "✗"


def write_campaign_workbook(
    path: str | Path, state: CampaignState, head: Letterhead, secretary: str = ""
) -> Path:
    """Three sheets, each with the header blocks, Số, title and the signature."""
    from openpyxl.styles import Font

    signer = ("T/M CHI BỘ", "BÍ THƯ", secretary)
    wb, ws = new_workbook()
    ws.title = "Các bước"
    labels = [
        "TT",
        "Nội dung",
        "Hạn",
        "Trạng thái",
        "Ngày hoàn thành",
        "Người phụ trách",
        "Minh chứng",
        "Ghi chú",
    ]
    row = letterhead_rows(ws, head, "CÁC BƯỚC CỦA CHI BỘ", state.title, len(labels))
    header_row(ws, row, labels)
    rows = []
    for number, step in enumerate(state.steps, start=1):
        evidence = []
        if step.meeting_id:
            evidence.append(f"Biên bản họp ngày {format_date(step.meeting_date)}")
        if step.file_name:
            evidence.append(document_title(step.file_name))
        rows.append(
            [
                number,
                step.title,
                step.due,
                STEP_STATUSES[step.shown_status],
                step.done,
                step.responsible_name,
                "; ".join(evidence),
                step.note,
            ]
        )
    end = data_rows(ws, row + 1, rows, centered=(1, 3, 4, 5))
    closing_rows(ws, end + 1, len(labels), signer, head.recipients)
    for r in range(row + 1, end):
        if ws.cell(r, 4).value == STEP_STATUSES["overdue"]:
            ws.cell(r, 4).font = Font(name=FONT_NAME, size=12, bold=True, color="B3261E")
    finish_sheet(ws, row, [5, 48, 12, 13, 14, 24, 28, 30])

    ws = wb.create_sheet("Đảng viên")
    items = state.template.items
    labels = ["TT", "Họ và tên"]
    for item in items:
        labels += [item.title, "Ngày xong"]
    labels.append("Ghi chú")
    widths = [5, 26, *[12, 11] * len(items), 28]
    dates = [3 + 2 * n + 1 for n in range(len(items))]
    breaks = breaks_for(widths, dates)
    first_page = breaks[0] if breaks else len(labels)
    row = letterhead_rows(
        ws, head, "KẾT QUẢ THEO TỪNG ĐẢNG VIÊN", state.title, first_page - REPEATED
    )
    header_row(ws, row, labels)
    rows = []
    for number, member in enumerate(state.members, start=1):
        values: list[object] = [number, member.full_name]
        for item in items:
            mark = state.marks.get((member.member_id, item.key))
            values += [DONE, mark.done] if mark else [NOT_DONE, None]
        note = ""
        if not member.active:
            note = f"Rời chi bộ ngày {format_date(member.left)} ({member.left_reason})"
        elif member.joined:
            note = f"Vào chi bộ ngày {format_date(member.joined)}"
        values.append(note)
        rows.append(values)
    centered = (1, *range(3, 3 + 2 * len(items)))
    end = data_rows(ws, row + 1, rows, centered=centered)
    closing_rows(ws, end + 1, first_page, signer, head.recipients, first_column=REPEATED + 1)
    finish_sheet(ws, row, widths, letterhead_widths=widths[REPEATED:first_page])
    move_right(ws, row - 1)
    pages_across(ws, breaks)

    ws = wb.create_sheet("Số liệu")
    labels = ["TT", "Nội dung", "Số đảng viên", "Tổng số", "Tỷ lệ"]
    row = letterhead_rows(ws, head, "SỐ LIỆU THAM GIA", state.title, len(labels))
    header_row(ws, row, labels)
    rows = [[n, f.label, f.done, f.total, f.share] for n, f in enumerate(figures(state), start=1)]
    end = data_rows(ws, row + 1, rows, centered=(1, 3, 4, 5))
    for r in range(row + 1, end):
        ws.cell(r, 5).number_format = PERCENT_FORMAT
    if end - 1 > row + 1:
        figures_chart = bar_chart(
            ws, "Tỷ lệ đảng viên đã thực hiện từng nội dung", label_column=2, value_column=5,
            first_row=row + 2, last_row=end - 1, percent=True, horizontal=True,
        )  # fmt: skip
        ws.add_chart(figures_chart, f"G{row}")
    done_steps = sum(1 for s in state.steps if s.shown_status == "done")
    put(ws, end + 1, 2, f"Số bước đã hoàn thành: {done_steps}/{len(state.steps)}")
    put(ws, end + 2, 2, f"Số bước quá hạn: {len(state.overdue)}")
    closing_rows(ws, end + 4, len(labels), signer, head.recipients)
    finish_sheet(ws, row, [5, 50, 14, 10, 11], landscape=False)
    return save_workbook(wb, path)
