"""Reports 2–4 laid out as ReportDocs (what goes on paper and in the workbook)."""

from __future__ import annotations

import datetime as dt

from ...domain.report import Column, Heading, ReportDoc, Section, Signer, Table
from ...i18n import format_date
from ..assessments.year_end import YearSheet
from ..cell.identity import CellInfo
from .meetings import MeetingsSummary
from .situation import Situation, period_text


def signer(cell: CellInfo) -> Signer:
    return Signer("T/M CHI BỘ", "BÍ THƯ", cell.secretary_name)


def _share(n: int, total: int) -> float | None:
    return n / total if total else None


def situation_doc(s: Situation, cell: CellInfo, on: dt.date) -> ReportDoc:
    total = s.total
    counts = Table(
        [
            Column("Chỉ tiêu", 46),
            Column("Số lượng", 12, "int"),
            Column("Tỷ lệ", 12, "percent"),
        ]
    )
    counts.rows = [
        ["Tổng số đảng viên", total, _share(total, total)],
        ["Đảng viên chính thức", s.chinh_thuc, _share(s.chinh_thuc, total)],
        ["Đảng viên dự bị", s.du_bi, _share(s.du_bi, total)],
        ["Trong đó: miễn công tác và sinh hoạt đảng", s.exempt, _share(s.exempt, total)],
        ["Trong đó: sinh hoạt tạm thời nơi khác", s.temp_out, _share(s.temp_out, total)],
        ["Trong đó: đình chỉ sinh hoạt", s.suspended, _share(s.suspended, total)],
        ["Sinh hoạt tạm thời tại chi bộ (không tính vào tổng số)", s.temporary_here, None],
    ]
    for group in s.groups:
        counts.rows.append(Heading(group.title))
        counts.rows += [[label, n, _share(n, total)] for label, n in group.rows]

    moves = Table([Column("Nội dung", 46), Column("Số lượng", 12, "int")])
    moves.rows = [
        [
            f"Số đảng viên đầu kỳ (ngày {format_date(s.start - dt.timedelta(days=1))})",
            s.opening,
        ]
    ]
    moves.rows.append(Heading("Tăng trong kỳ"))
    incoming = {"admitted", "transfer_in", "restored"}
    moves.rows += [[c.label, c.count] for c in s.changes if c.key in incoming]
    moves.rows.append(Heading("Giảm trong kỳ"))
    moves.rows += [
        [c.label, c.count] for c in s.changes if c.key in {"transfer_out", "died", "removed"}
    ]
    moves.rows.append(Heading("Khác"))
    moves.rows += [[c.label, c.count] for c in s.changes if c.key == "official"]
    moves.total = [f"Số đảng viên cuối kỳ (ngày {format_date(s.end)})", s.total]
    notes = (
        []
        if s.balanced
        else [
            (
                "Lưu ý: số đầu kỳ cộng tăng trừ giảm không bằng số cuối kỳ; hãy kiểm tra lại "
                "các biến động (ví dụ sinh hoạt tạm thời, bổ sung ngày)."
            )
        ]
    )

    events = Table(
        [
            Column("STT", 6, "int"),
            Column("Họ và tên", 24),
            Column("Biến động", 30),
            Column("Ngày", 12, "date"),
            Column("Số quyết định", 14),
            Column("Ghi chú", 22),
        ]
    )
    n = 0
    for line in s.changes:
        for member, change in line.events:
            n += 1
            events.rows.append(
                [n, member.full_name, line.label, change.date, change.decision, change.note]
            )
    sections = [
        Section(
            "Số lượng đảng viên",
            [f"Số liệu tính đến ngày {format_date(s.end)}."],
            counts,
        ),
        Section("Biến động trong kỳ", [period_text(s.start, s.end) + "."], moves, notes),
        Section(
            "Danh sách biến động",
            [] if n else ["Không có biến động trong kỳ."],
            events,
        ),
    ]
    return ReportDoc(
        "situation",
        "Báo cáo tình hình đảng viên",
        period_text(s.start, s.end),
        on,
        sections,
        signer(cell),
    )


def assessment_doc(sheet: YearSheet, cell: CellInfo, on: dt.date) -> ReportDoc:
    scale, t = sheet.scale, sheet.tally
    pct = "Tỷ lệ"
    tally_table = Table(
        [
            Column("Mức xếp loại", 34),
            Column("Chính thức", 11, "int"),
            Column(pct, 10, "percent"),
            Column("Dự bị", 11, "int"),
            Column(pct, 10, "percent"),
            Column("Tổng số", 11, "int"),
            Column(pct, 10, "percent"),
        ]
    )
    for level in scale.levels:
        row = [level.label]
        for membership in ("chinh_thuc", "du_bi", None):
            n = t.count(level.key, membership)
            row += [n, _share(n, t.assessed(membership))]
        tally_table.rows.append(row)
    total_row = ["Cộng (đã xếp loại)"]
    for membership in ("chinh_thuc", "du_bi", None):
        n = t.assessed(membership)
        total_row += [n, _share(n, n)]
    tally_table.total = total_row
    missing = ["Chưa xếp loại"]
    for membership in ("chinh_thuc", "du_bi", None):
        missing += [t.missing(membership), None]
    tally_table.rows.append(missing)

    paragraphs = [
        (
            "Tổng số đảng viên phải đánh giá: {n} (chính thức {a}, dự bị {b}); "
            "đã xếp loại {c}; chưa xếp loại {d}."
        ).format(
            n=t.total(), a=t.total("chinh_thuc"), b=t.total("du_bi"), c=t.assessed(), d=t.missing()
        ),
        f"Thang xếp loại: {scale.title}.",
    ]
    if sheet.cell:
        paragraphs.append(
            "Chi bộ tự đánh giá: {a}; cấp trên xếp loại: {b}.".format(
                a=scale.label(sheet.cell.self_level) or "chưa có",
                b=scale.label(sheet.cell.final_level) or "chưa có",
            )
        )

    people = Table(
        [
            Column("STT", 6, "int"),
            Column("Họ và tên", 26),
            Column("Đảng viên", 11, "text", "center"),
            Column("Điểm tự chấm", 10, "number"),
            Column("Tự xếp loại", 12, "text", "center"),
            Column("Chi bộ đề xuất", 12, "text", "center"),
            Column("Cấp trên quyết định", 12, "text", "center"),
            Column("Ghi chú", 24),
        ]
    )
    short = {lv.key: lv.short or lv.label for lv in scale.levels}
    for i, r in enumerate(sheet.rows, start=1):
        a = r.assessment
        people.rows.append(
            [
                i,
                r.member.full_name,
                "Chính thức" if r.membership == "chinh_thuc" else "Dự bị",
                a.self_score if a else None,
                short.get(a.self_level, "") if a else "",
                short.get(a.proposed_level, "") if a else "",
                short.get(a.final_level, "") if a else "",
                (a.notes if a else "Chưa xếp loại"),
            ]
        )
    per_member = [f"{r.member.full_name}: {p}" for r in sheet.rows for p in r.problems]
    overall = [w for w in sheet.warnings if w not in per_member]
    legend = "; ".join(f"{lv.short}: {lv.label}" for lv in scale.levels if lv.short)
    return ReportDoc(
        "assessment",
        f"Báo cáo kết quả đánh giá, xếp loại đảng viên năm {sheet.year}",
        cell.name,
        on,
        [
            Section("Tổng hợp kết quả xếp loại", paragraphs, tally_table, overall),
            Section(
                "Danh sách xếp loại đảng viên",
                [],
                people,
                ([legend] if legend else []) + per_member,
            ),
        ],
        signer(cell),
        landscape=True,
    )


def meetings_doc(m: MeetingsSummary, cell: CellInfo, on: dt.date) -> ReportDoc:
    per_meeting = Table(
        [
            Column("STT", 6, "int"),
            Column("Ngày", 12, "date"),
            Column("Loại", 13),
            Column("Nội dung", 40),
            Column("Phải dự", 9, "int"),
            Column("Có mặt", 9, "int"),
            Column("Vắng có lý do", 10, "int"),
            Column("Vắng không lý do", 10, "int"),
            Column("Tỷ lệ có mặt", 10, "percent"),
        ]
    )
    for i, line in enumerate(m.meetings, start=1):
        f = line.figures
        per_meeting.rows.append(
            [
                i,
                line.date,
                line.kinds,
                line.title + (" (dự\u00a0thảo)" if line.draft else ""),
                f.expected,
                f.present,
                f.excused,
                f.absent,
                f.rate if f.expected else None,
            ]
        )
    per_meeting.total = [
        None,
        None,
        "Cộng",
        f"{len(m.meetings)} buổi",
        m.expected,
        m.present,
        sum(x.figures.excused for x in m.meetings),
        sum(x.figures.absent for x in m.meetings),
        m.rate if m.expected else None,
    ]
    per_member = Table(
        [
            Column("STT", 6, "int"),
            Column("Họ và tên", 30),
            Column("Số buổi phải dự", 11, "int"),
            Column("Có mặt", 10, "int"),
            Column("Vắng có lý do", 10, "int"),
            Column("Vắng không lý do", 10, "int"),
            Column("Vắng liên tiếp nhiều nhất", 12, "int"),
            Column("Tỷ lệ có mặt", 10, "percent"),
        ]
    )
    for i, f in enumerate(m.members, start=1):
        per_member.rows.append(
            [
                i,
                f.name,
                f.expected,
                f.present,
                f.excused,
                f.absent,
                f.longest_streak,
                f.rate if f.expected else None,
            ]
        )
    return ReportDoc(
        "meetings",
        "Báo cáo tổng hợp sinh hoạt chi bộ",
        period_text(m.start, m.end),
        on,
        [
            Section(
                "Các buổi sinh hoạt",
                [] if m.meetings else ["Không có buổi sinh hoạt nào trong kỳ."],
                per_meeting,
            ),
            Section("Tham dự của từng đảng viên", [], per_member),
            Section(
                "Những điểm cần lưu ý",
                m.warnings or ["Không có điểm nào cần lưu ý."],
                None,
            ),
        ],
        signer(cell),
        landscape=True,
    )
