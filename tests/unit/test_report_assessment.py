"""Report 3 (kết quả đánh giá, xếp loại năm 2025) on the hand-built register, with the
results entered through the assessment service; the right answers worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from chibo_desktop.domain.assessment import Assessment, CellAssessment
from chibo_desktop.services.assessments.year_end import (
    save_assessment,
    save_cell_assessment,
    year_sheet,
)
from chibo_desktop.services.reports.catalog import report_doc

from .test_report_register import (
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

YEAR_START, YEAR_END = dt.date(2025, 1, 1), dt.date(2025, 12, 31)
# name: (self score, self level, proposed by the cell, final level decided above)
RESULTS = {
    "Nguyễn Văn An": (92, "xuat_sac", "xuat_sac", "xuat_sac"),
    "Lê Văn Cường": (85, "tot", "tot", "tot"),
    "Hoàng Văn Em": (75, "xuat_sac", "tot", "tot"),  # self level above its score band
    "Bùi Văn Hùng": (60, "hoan_thanh", "tot", None),  # the cell proposes above the band
    "Trần Thị Bình": (88.5, "tot", "tot", "tot"),  # dự bị
}
# Due at 31/12/2025: An, Cường (away but not exempt), Em, Hùng, Khánh (chính thức);
# Bình, Dung (dự bị). Giang is exempt, Lan attends temporarily, Phúc and Ngọc came later.
# Counted level = final, else proposed: xuất sắc An; tốt Cường, Em, Hùng + Bình.
XS, TOT, HT, KHT = (
    "Hoàn thành xuất sắc nhiệm vụ",
    "Hoàn thành tốt nhiệm vụ",
    "Hoàn thành nhiệm vụ",
    "Không hoàn thành nhiệm vụ",
)
WARN_SELF = (
    "Hoàng Văn Em: Mức tự xếp “Hoàn thành xuất sắc nhiệm vụ” không khớp điểm 75 "
    "(thuộc mức “Hoàn thành tốt nhiệm vụ”)."
)
WARN_CELL = (
    "Bùi Văn Hùng: Mức chi bộ đề xuất “Hoàn thành tốt nhiệm vụ” cao hơn mức của điểm 60 "
    "(“Hoàn thành nhiệm vụ”)."
)
WARN_QUOTA = (
    "Tham khảo: có 1 đảng viên “Hoàn thành xuất sắc nhiệm vụ”, quá 20% số đảng viên "
    "“Hoàn thành tốt nhiệm vụ” của chi bộ (tối đa 0). Tỷ lệ này tính trên toàn tổ chức cơ sở "
    "đảng (đảng bộ cơ sở, chi bộ cơ sở), không tính riêng từng chi bộ."
)
# Every condition of QĐ 366 ticked: the levels below rest on the scores alone.
ALL_MET = frozenset({"xs_nhiem_vu", "xs_khac_phuc", "tot_dung_han"})
WARN_MISSING = "2 đảng viên chưa có kết quả xếp loại năm 2025."


def assess(db, ids) -> None:
    for name, (score, own, proposed, final) in RESULTS.items():
        save_assessment(
            db, Assessment(ids[name], 2025, "", score, own, proposed, final, conditions=ALL_MET)
        )
    save_cell_assessment(db, CellAssessment(2025, "", "tot", "tot", "Chi bộ hoàn thành tốt"))


@pytest.fixture
def assessed(db):
    ids = build_register(db)
    assess(db, ids)
    return ids


def test_tally_split_by_membership(db, assessed):
    sheet = year_sheet(db, 2025, TODAY, document=True)
    t = sheet.tally
    assert sheet.scale.key == "qd366"
    assert [(t.count(k, "chinh_thuc"), t.count(k, "du_bi"), t.count(k)) for k in
            ("xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh")] == [
        (1, 0, 1), (3, 1, 4), (0, 0, 0), (0, 0, 0)
    ]  # fmt: skip
    assert (t.total("chinh_thuc"), t.total("du_bi"), t.total()) == (5, 2, 7)
    assert (t.assessed("chinh_thuc"), t.assessed("du_bi"), t.assessed()) == (4, 1, 5)
    assert (t.missing("chinh_thuc"), t.missing("du_bi"), t.missing()) == (1, 1, 2)
    assert t.percent("xuat_sac", "chinh_thuc") == 0.25
    assert t.percent("tot", "du_bi") == 1.0
    assert t.percent("tot") == 0.8
    names = [r.member.full_name for r in sheet.rows]
    assert names == [
        "Nguyễn Văn An",
        "Trần Thị Bình",
        "Lê Văn Cường",
        "Phạm Thị Dung",
        "Hoàng Văn Em",
        "Bùi Văn Hùng",
        "Đỗ Văn Khánh",
    ]
    assert sheet.warnings == [WARN_MISSING, WARN_QUOTA, WARN_SELF, WARN_CELL]


def test_no_warning_when_results_agree_with_scores(db):
    ids = build_register(db)
    for name in ("Nguyễn Văn An", "Lê Văn Cường", "Hoàng Văn Em", "Bùi Văn Hùng", "Đỗ Văn Khánh",
                 "Trần Thị Bình", "Phạm Thị Dung"):  # fmt: skip
        save_assessment(
            db, Assessment(ids[name], 2025, "", 80, "tot", "tot", "tot", conditions=ALL_MET)
        )
    sheet = year_sheet(db, 2025, TODAY)
    assert sheet.warnings == []
    assert sheet.tally.count("tot") == 7


def test_assessment_document(db, assessed):
    doc = report_doc(db, "assessment", YEAR_START, YEAR_END, TODAY)
    assert doc.title == "Báo cáo kết quả đánh giá, xếp loại đảng viên năm 2025"
    tally = doc.sections[0].table
    assert tally.rows == [
        [XS, 1, 0.25, 0, 0.0, 1, 0.2],
        [TOT, 3, 0.75, 1, 1.0, 4, 0.8],
        [HT, 0, 0.0, 0, 0.0, 0, 0.0],
        [KHT, 0, 0.0, 0, 0.0, 0, 0.0],
        ["Chưa xếp loại", 1, None, 1, None, 2, None],
    ]
    assert tally.total == ["Cộng (đã xếp loại)", 4, 1.0, 1, 1.0, 5, 1.0]
    assert doc.sections[0].paragraphs[0] == (
        "Tổng số đảng viên phải đánh giá: 7 (chính thức 5, dự bị 2); đã xếp loại 5; "
        "chưa xếp loại 2."
    )
    assert doc.sections[0].paragraphs[2] == (
        "Chi bộ tự đánh giá: Hoàn thành tốt nhiệm vụ; cấp trên xếp loại: Hoàn thành tốt nhiệm vụ."
    )
    assert doc.sections[0].notes == [WARN_MISSING, WARN_QUOTA]
    assert doc.sections[1].notes[1:] == [WARN_SELF, WARN_CELL]
    people = doc.sections[1].table.rows
    assert people[5] == [6, "Bùi Văn Hùng", "Chính thức", 60, "HTNV", "HTTNV", "", ""]
    assert people[1][2:7] == ["Dự bị", 88.5, "HTTNV", "HTTNV", "HTTNV"]
    assert people[6] == [7, "Đỗ Văn Khánh", "Chính thức", None, "", "", "", "Chưa xếp loại"]


def test_assessment_workbook_cell_by_cell(db, assessed, tmp_path):
    import openpyxl

    path = write(db, "assessment", tmp_path / "xep_loai.xlsx", YEAR_START, YEAR_END)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Tổng hợp kết quả xếp loại", "Danh sách xếp loại đảng viên"]
    ws = wb.worksheets[0]
    assert ws["A4"].value == "Số 01-BC/CB"
    assert ws["A5"].value == "BÁO CÁO"
    assert ws["A6"].value == "Kết quả đánh giá, xếp loại đảng viên năm 2025"
    header = check_sheet_setup(ws)
    assert ws.page_setup.orientation == "landscape"
    assert [c.value for c in ws[header]] == [
        "Mức xếp loại", "Chính thức", "Tỷ lệ", "Dự bị", "Tỷ lệ", "Tổng số", "Tỷ lệ"
    ]  # fmt: skip
    cells = table_cells(ws, header, 7)
    assert values(cells) == [
        [XS, 1, 0.25, 0, 0, 1, 0.2],
        [TOT, 3, 0.75, 1, 1, 4, 0.8],
        [HT, 0, 0, 0, 0, 0, 0],
        [KHT, 0, 0, 0, 0, 0, 0],
        ["Chưa xếp loại", 1, None, 1, None, 2, None],
        ["Cộng (đã xếp loại)", 4, 1, 1, 1, 5, 1],
    ]
    assert cells[0][2].number_format == "0.0%"
    assert cells[5][5].font.bold and cells[5][5].data_type == "n"
    notes = [ws.cell(r, 1).value for r in range(header + 8, header + 11)]
    assert notes == [WARN_MISSING, WARN_QUOTA, None]

    ws = wb.worksheets[1]
    header = check_sheet_setup(ws)
    assert [c.value for c in ws[header]][:8] == [
        "STT", "Họ và tên", "Đảng viên", "Điểm tự chấm", "Tự xếp loại", "Chi bộ đề xuất",
        "Cấp trên quyết định", "Ghi chú",
    ]  # fmt: skip
    got = values(table_cells(ws, header, 8))
    assert got[0] == [1, "Nguyễn Văn An", "Chính thức", 92, "HTXSNV", "HTXSNV", "HTXSNV", None]
    assert got[3] == [4, "Phạm Thị Dung", "Dự bị", None, None, None, None, "Chưa xếp loại"]
    assert len(got) == 7
    for sheet in wb:
        no_formulas(sheet)


def test_assessment_pdf_text(db, assessed, tmp_path):
    path = write(db, "assessment", tmp_path / "xep_loai.pdf", YEAR_START, YEAR_END)
    raw = pdf_text(path)
    text = squeeze(raw)
    for line in (
        "BÁO CÁO\nKết quả đánh giá, xếp loại đảng viên năm 2025",
        "Hoàn thành xuất sắc nhiệm vụ 1 25,0% 0 0,0% 1 20,0%",
        "Hoàn thành tốt nhiệm vụ 3 75,0% 1 100,0% 4 80,0%",
        "Cộng (đã xếp loại) 4 100,0% 1 100,0% 5 100,0%",
        "1 Nguyễn Văn An Chính thức 92 HTXSNV HTXSNV HTXSNV",
        "2 Trần Thị Bình Dự bị 88,5 HTTNV HTTNV HTTNV",
    ):
        assert line in text, line
    flat = " ".join(raw.split())
    for warning in (WARN_MISSING, WARN_QUOTA, WARN_SELF, WARN_CELL):
        assert warning in flat, warning


def test_document_stays_vietnamese_in_english(db, assessed):
    from chibo_desktop import i18n

    i18n.set_language("en")
    doc = report_doc(db, "assessment", YEAR_START, YEAR_END, TODAY)
    assert doc.sections[0].notes == [WARN_MISSING, WARN_QUOTA]
    assert doc.sections[1].notes[1:] == [WARN_SELF, WARN_CELL]
    assert doc.sections[0].table.columns[0].label == "Mức xếp loại"
