"""Report 4 (tổng hợp sinh hoạt chi bộ) on the hand-built register: four meetings made with
the meetings service, attendance marked by hand, every figure worked out on paper."""

from __future__ import annotations

import datetime as dt

import pytest

from chibo_desktop.services.meetings.minutes import (
    create_meeting,
    finalise,
    get_meeting,
    save_draft,
)
from chibo_desktop.services.reports.catalog import report_doc
from chibo_desktop.services.reports.meetings import meetings_summary

from .test_report_register import (
    END,
    START,
    TODAY,
    build_register,
    check_sheet_setup,
    no_formulas,
    pdf_text,
    squeeze,
    table_cells,
    values,
    write,
)

# date, kinds, {name: state} for those not present (away/exempt come from the register:
# Cường is away from 01/10/2025, Giang exempt)
MEETINGS = [
    ("2026-01-05", ("thuong_ky",), {"Phạm Thị Dung": "excused", "Hoàng Văn Em": "absent"}),
    ("2026-02-05", ("thuong_ky",), {"Phạm Thị Dung": "excused", "Hoàng Văn Em": "excused"}),
    ("2026-02-25", ("chuyen_de",), {"Phạm Thị Dung": "excused"}),
    ("2026-03-05", ("thuong_ky",), {}),
]


def hold_meetings(db) -> list[int]:
    ids = []
    for date, kinds, missing in MEETINGS:
        fields = {"topic": "Học tập Nghị quyết Đại hội"} if "chuyen_de" in kinds else {}
        meeting_id = create_meeting(db, dt.date.fromisoformat(date), kinds, **fields).value
        meeting = get_meeting(db, meeting_id)
        for a in meeting.attendance:
            if a.name in missing:
                a.state = missing[a.name]
                a.reason = "Ốm" if a.state == "excused" else ""
        save_draft(db, meeting)
        finalise(db, meeting_id)
        ids.append(meeting_id)
    return ids


@pytest.fixture
def held(db):
    build_register(db)
    return hold_meetings(db)


# (expected, present, excused, absent, rate) per meeting
PER_MEETING = [
    (6, 4, 1, 1, 4 / 6),  # An Bình Dung Em Hùng Lan; Cường away, Giang exempt
    (7, 5, 2, 0, 5 / 7),  # + Phúc (from 20/01)
    (6, 5, 1, 0, 5 / 6),  # − Em (died 20/02)
    (6, 6, 0, 0, 1.0),  # − Hùng (left 01/03), + Ngọc (admitted 05/03)
]
# name: (expected, present, excused, absent, longest run missed)
PER_MEMBER = {
    "Nguyễn Văn An": (4, 4, 0, 0, 0),
    "Trần Thị Bình": (4, 4, 0, 0, 0),
    "Lê Văn Cường": (0, 0, 0, 0, 0),
    "Phạm Thị Dung": (4, 1, 3, 0, 3),
    "Hoàng Văn Em": (2, 0, 1, 1, 2),
    "Vũ Thị Giang": (0, 0, 0, 0, 0),
    "Bùi Văn Hùng": (3, 3, 0, 0, 0),
    "Ngô Thị Lan": (4, 4, 0, 0, 0),
    "Dương Thị Ngọc": (1, 1, 0, 0, 0),
    "Đặng Văn Phúc": (3, 3, 0, 0, 0),
}
WARNINGS = [
    "Buổi sinh hoạt ngày 05/01/2026: tỷ lệ có mặt 66,7%, chưa vượt mức chi bộ đặt (85,0%).",
    "Buổi sinh hoạt ngày 05/01/2026: 1 đảng viên vắng không có lý do.",
    "Buổi sinh hoạt ngày 05/02/2026: tỷ lệ có mặt 71,4%, chưa vượt mức chi bộ đặt (85,0%).",
    "Buổi sinh hoạt ngày 25/02/2026: tỷ lệ có mặt 83,3%, chưa vượt mức chi bộ đặt (85,0%).",
    "Phạm Thị Dung vắng 3 buổi liên tiếp.",
]


def test_meetings_summary_figures(db, held):
    m = meetings_summary(db, START, END)
    got = [
        (f.expected, f.present, f.excused, f.absent, pytest.approx(f.rate))
        for f in (line.figures for line in m.meetings)
    ]
    assert got == PER_MEETING
    assert [line.kinds for line in m.meetings] == [
        "Thường kỳ",
        "Thường kỳ",
        "Chuyên đề",
        "Thường kỳ",
    ]
    assert (m.expected, m.present, m.rate) == (25, 20, 0.8)
    members = {
        f.name: (f.expected, f.present, f.excused, f.absent, f.longest_streak) for f in m.members
    }
    assert members == PER_MEMBER
    assert [f.name for f in m.members] == list(PER_MEMBER)  # register (given name) order
    assert m.warnings == WARNINGS
    assert m.regular_months_missing == []


def test_a_month_without_a_regular_meeting_is_named(db, held):
    m = meetings_summary(db, dt.date(2025, 12, 1), dt.date(2026, 2, 28))
    assert m.regular_months_missing == ["12/2025"]
    assert m.warnings[-1] == "Tháng chưa có sinh hoạt thường kỳ: 12/2025."


@pytest.mark.parametrize(
    ("start", "end", "today", "missing"),
    [
        # December 2026 has not happened yet: nothing to report, whatever the period says.
        ("2026-12-01", "2026-12-31", "2026-11-22", []),
        ("2026-01-01", "2026-12-31", "2026-03-15", []),  # March still has days left
        ("2026-01-01", "2026-12-31", "2026-04-01", []),  # March held on 05/03
        ("2026-01-01", "2026-12-31", "2026-05-01", ["04/2026"]),
        ("2026-01-01", "2026-12-31", "2027-01-05", [f"{m:02d}/2026" for m in range(4, 13)]),
        # Only months over by the report's end date count, even when today is later.
        ("2026-03-01", "2026-04-20", "2026-11-22", []),
        ("2026-03-01", "2026-04-30", "2026-11-22", ["04/2026"]),
        # A month ends with its last day: on that day it can still be held.
        ("2026-04-01", "2026-04-30", "2026-04-30", []),
        ("2026-04-01", "2026-04-30", "2026-05-01", ["04/2026"]),
    ],
)
def test_only_months_already_over_are_named(db, held, start, end, today, missing):
    d = dt.date.fromisoformat
    m = meetings_summary(db, d(start), d(end), d(today))
    assert m.regular_months_missing == missing
    named = [w for w in m.warnings if w.startswith("Tháng chưa có sinh hoạt thường kỳ")]
    assert named == (
        [f"Tháng chưa có sinh hoạt thường kỳ: {', '.join(missing)}."] if missing else []
    )


def test_the_report_date_is_today_for_the_months(db, held):
    """The report made on 15/03/2026 for the whole year names no month after February."""
    doc = report_doc(db, "meetings", dt.date(2026, 1, 1), dt.date(2026, 12, 31), TODAY)
    assert not [p for p in doc.sections[-1].paragraphs if p.startswith("Tháng chưa có")]
    doc = report_doc(
        db, "meetings", dt.date(2026, 1, 1), dt.date(2026, 12, 31), dt.date(2026, 6, 3)
    )
    assert doc.sections[-1].paragraphs[-1] == "Tháng chưa có sinh hoạt thường kỳ: 04/2026, 05/2026."


def test_the_points_to_note_section(db, tmp_path):
    """Sent upward, the section is "Những điểm cần lưu ý", never "Cảnh báo"; a period with
    nothing to note says so."""
    build_register(db)
    finalise(db, create_meeting(db, dt.date(2026, 1, 5), ("thuong_ky",)).value)
    doc = report_doc(db, "meetings", dt.date(2026, 1, 1), dt.date(2026, 1, 31), TODAY)
    assert doc.sections[-1].title == "Những điểm cần lưu ý"
    assert doc.sections[-1].paragraphs == ["Không có điểm nào cần lưu ý."]
    flat = " ".join(pdf_text(write(db, "meetings", tmp_path / "t.pdf")).split())
    assert "IV. NHỮNG ĐIỂM CẦN LƯU Ý" in flat
    assert "II. TỶ LỆ CÓ MẶT THEO THÁNG" in flat
    assert "CẢNH BÁO" not in flat.upper()


def test_meetings_document(db, held):
    doc = report_doc(db, "meetings", START, END, TODAY)
    per_meeting = doc.sections[0].table
    assert [row[:3] for row in per_meeting.rows] == [
        [1, dt.date(2026, 1, 5), "Thường kỳ"],
        [2, dt.date(2026, 2, 5), "Thường kỳ"],
        [3, dt.date(2026, 2, 25), "Chuyên đề"],
        [4, dt.date(2026, 3, 5), "Thường kỳ"],
    ]
    assert per_meeting.rows[0][3] == "Sinh hoạt chi bộ thường kỳ tháng 1 năm 2026"
    assert per_meeting.total == [None, None, "Cộng", "4 buổi", 25, 20, 4, 1, 0.8]
    per_member = doc.sections[-2].table.rows
    assert per_member[3] == [4, "Phạm Thị Dung", 4, 1, 3, 0, 3, 0.25]
    assert per_member[2] == [3, "Lê Văn Cường", 0, 0, 0, 0, 0, None]
    assert doc.sections[-1].paragraphs == WARNINGS


def test_meetings_workbook_cell_by_cell(db, held, tmp_path):
    import openpyxl

    path = write(db, "meetings", tmp_path / "sinh_hoat.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [
        "Các buổi sinh hoạt",
        "Tỷ lệ có mặt theo tháng",  # with its chart (tests/unit/test_report_charts.py)
        "Tham dự của từng đảng viên",
        "Những điểm cần lưu ý",
    ]
    ws = wb["Các buổi sinh hoạt"]
    header = check_sheet_setup(ws)
    assert ws.page_setup.orientation == "landscape"
    assert [c.value for c in ws[header]] == [
        "STT", "Ngày", "Loại", "Nội dung", "Phải dự", "Có mặt", "Vắng có lý do",
        "Vắng không lý do", "Tỷ lệ có mặt",
    ]  # fmt: skip
    cells = table_cells(ws, header, 9)
    got = values(cells)
    assert [[r[0], r[1], r[2], *r[4:]] for r in got] == [
        [1, dt.datetime(2026, 1, 5), "Thường kỳ", 6, 4, 1, 1, pytest.approx(4 / 6)],
        [2, dt.datetime(2026, 2, 5), "Thường kỳ", 7, 5, 2, 0, pytest.approx(5 / 7)],
        [3, dt.datetime(2026, 2, 25), "Chuyên đề", 6, 5, 1, 0, pytest.approx(5 / 6)],
        [4, dt.datetime(2026, 3, 5), "Thường kỳ", 6, 6, 0, 0, 1],
        [None, None, "Cộng", 25, 20, 4, 1, 0.8],
    ]
    assert got[4][3] == "4 buổi"
    assert all(r[1].is_date and r[1].number_format == "dd/mm/yyyy" for r in cells[:4])
    assert cells[4][4].data_type == "n" and cells[4][4].font.bold
    assert cells[0][8].number_format == "0.0%"

    ws = wb["Tham dự của từng đảng viên"]
    header = check_sheet_setup(ws)
    got = values(table_cells(ws, header, 8))
    assert [tuple(r[1:7]) for r in got] == [(n, *v) for n, v in PER_MEMBER.items()]
    assert got[3][7] == 0.25 and got[2][7] is None

    ws = wb["Những điểm cần lưu ý"]
    texts = [ws.cell(r, 1).value for r in range(1, 30) if ws.cell(r, 1).value]
    assert texts[texts.index("Những điểm cần lưu ý") + 1 :][: len(WARNINGS)] == WARNINGS
    for sheet in wb:
        no_formulas(sheet)


def test_meetings_pdf_text(db, held, tmp_path):
    path = write(db, "meetings", tmp_path / "sinh_hoat.pdf")
    raw = pdf_text(path)
    text = squeeze(raw)
    assert "BÁO CÁO\nTổng hợp sinh hoạt chi bộ" in text
    assert "Từ ngày 01/01/2026 đến ngày 15/03/2026" in text
    for fragment in (
        "05/01/2026 Thường kỳ",
        "6 4 1 1 66,7%",
        "7 5 2 0 71,4%",
        "6 5 1 0 83,3%",
        "6 6 0 0 100,0%",
        "Cộng 4 buổi 25 20 4 1 80,0%",
        "Phạm Thị Dung 4 1 3 0 3 25,0%",
        "Dương Thị Ngọc 1 1 0 0 0 100,0%",
    ):
        assert fragment in text, fragment
    flat = " ".join(raw.split())
    for warning in WARNINGS:
        assert warning in flat, warning
