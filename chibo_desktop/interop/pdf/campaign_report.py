"""Báo cáo kết quả đợt sinh hoạt chính trị (HD 36 header, steps, figures, signature)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer

from ...domain.campaign import STEP_STATUSES, CampaignState, document_title, figures
from ...i18n import format_date, format_percent
from ..letterhead import Letterhead
from .charts import campaign_charts
from .document import build_document
from .layout import (
    DotLine,
    data_table,
    frame_width,
    header_block,
    keep_together,
    signature_block,
    styles,
    text,
)


def _lower_first(value: str) -> str:
    return value[:1].lower() + value[1:]


def _evidence(step) -> str:
    parts = []
    if step.meeting_id:
        when = format_date(step.meeting_date) if step.meeting_date else ""
        parts.append(f"Biên bản họp ngày {when}".strip())
    if step.file_name:
        parts.append(document_title(step.file_name))
    if step.note:
        parts.append(step.note)
    return "; ".join(parts)


def _heading(title: str, s) -> list:
    """A section heading never ends a page: it needs room for a few lines (or a table's
    header and first rows) after it."""
    return [CondPageBreak(s.heading.leading * 7), Paragraph(text(title), s.heading)]


def _open_section(value: str, s) -> list:
    if value.strip():
        return [Paragraph(text(p), s.body) for p in value.split("\n") if p.strip()]
    return [DotLine(frame_width()) for _n in range(4)]


STEP_HEADER = ("TT", "Nội dung", "Hạn", "Hoàn thành", "Minh chứng, ghi chú")
FIGURE_HEADER = ("TT", "Nội dung", "Số đảng viên", "Tỷ lệ")


def subject_lines(state: CampaignState) -> list[str]:
    if state.title.lower().startswith("đợt sinh hoạt chính trị"):
        return [f"Kết quả {_lower_first(state.title)}"]
    return ["Kết quả đợt sinh hoạt chính trị", state.title]


def intro(state: CampaignState, head: Letterhead) -> str:
    period = format_date(state.start)
    if state.end:
        period += " – " + format_date(state.end)
    return (
        "Thực hiện {source}, {cell} tổ chức {title} từ ngày {period}. "
        "Chi bộ báo cáo kết quả như sau:"
    ).format(
        source=state.template.source or "kế hoạch của cấp ủy cấp trên",
        cell=head.cell or "chi bộ",
        title=_lower_first(state.title),
        period=period,
    )


def step_rows(state: CampaignState) -> list[list[str]]:
    rows = []
    for number, step in enumerate(state.steps, start=1):
        done = format_date(step.done) if step.done else STEP_STATUSES[step.shown_status]
        rows.append([str(number), step.title, format_date(step.due), done, _evidence(step)])
    return rows


def participation(state: CampaignState) -> str:
    joined = sum(1 for m in state.members if m.joined and m.active)
    left = sum(1 for m in state.members if not m.active)
    summary = f"Tổng số đảng viên tham gia: {len(state.active_members)}"
    if joined:
        summary += f"; trong đó {joined} đồng chí vào chi bộ trong thời gian diễn ra đợt"
    if left:
        summary += f"; {left} đồng chí đã rời chi bộ (không tính)"
    return summary + "."


def figure_rows(state: CampaignState) -> list[list[str]]:
    return [
        [
            str(number),
            figure.label,
            f"{figure.done}/{figure.total}",
            format_percent(figure.share, document=True),
        ]
        for number, figure in enumerate(figures(state)[1:], start=1)
    ]


def report_story(state: CampaignState, head: Letterhead, secretary: str) -> list:
    s = styles()
    width = frame_width()
    story: list = [header_block(head, width), Spacer(1, 6 * mm)]
    story.append(Paragraph("BÁO CÁO", s.title))
    story += [Paragraph(keep_together(line), s.subtitle) for line in subject_lines(state)]
    story.append(Paragraph("-----", s.center))
    if head.addressee:
        story.append(Paragraph(text(f"Kính gửi: {head.addressee}"), s.center))
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph(text(intro(state, head)), s.body))

    story += _heading("I. CÁC BƯỚC ĐÃ THỰC HIỆN", s)
    c = s.cell
    cc = s.cell_center
    rows = [[Paragraph(f"<b>{text(label)}</b>", s.cell_bold) for label in STEP_HEADER]]
    rows += [
        [Paragraph(text(v), c if i in (1, 4) else cc) for i, v in enumerate(row)]
        for row in step_rows(state)
    ]
    story.append(data_table(rows, [9 * mm, 68 * mm, 22 * mm, 24 * mm, width - 123 * mm]))
    step_chart, item_chart = campaign_charts(state, width)
    story += step_chart
    story.append(Spacer(1, 2 * mm))

    story += _heading("II. KẾT QUẢ THAM GIA CỦA ĐẢNG VIÊN", s)
    story.append(Paragraph(text(participation(state)), s.body))
    rows = [[Paragraph(f"<b>{text(label)}</b>", s.cell_bold) for label in FIGURE_HEADER]]
    rows += [
        [Paragraph(text(v), c if i == 1 else cc) for i, v in enumerate(row)]
        for row in figure_rows(state)
    ]
    story.append(data_table(rows, [9 * mm, width - 69 * mm, 32 * mm, 28 * mm]))
    story += item_chart
    story.append(Spacer(1, 2 * mm))

    story += _heading("III. ĐÁNH GIÁ CHUNG", s)
    story += _open_section(state.assessment, s)
    story += _heading("IV. ĐỀ XUẤT, KIẾN NGHỊ", s)
    proposals = _open_section(state.proposals, s)
    story += proposals[:-1]
    # The last lines of the report go over with the signature rather than leave it alone.
    story.append(
        KeepTogether(
            [
                proposals[-1],
                Spacer(1, 6 * mm),
                signature_block(
                    None,
                    ("BÍ THƯ", secretary),
                    width,
                    right_caption="T/M CHI BỘ",
                    recipients=head.recipients,
                ),
            ]
        )
    )
    return story


def write_campaign_report(
    path: str | Path, state: CampaignState, head: Letterhead, secretary: str
) -> Path:
    return build_document(
        path,
        report_story(state, head, secretary),
        title="Báo cáo kết quả đợt sinh hoạt chính trị",
    )
