"""`chibo report NAME --from --to OUT` for every report and both formats; reports 1 and 5
are the member export and the campaign report themselves."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from chibo_desktop.cli import main
from chibo_desktop.services.campaigns.campaign import create_campaign
from chibo_desktop.services.reports.delegates import preview
from chibo_desktop.storage.database import open_database

from .test_report_assessment import assess
from .test_report_meetings import hold_meetings
from .test_report_register import TODAY, build_register, pdf_text, squeeze

TITLES = {
    "members": "DANH SÁCH ĐẢNG VIÊN",
    "situation": "Tình hình đảng viên",
    "assessment": "Kết quả đánh giá, xếp loại đảng viên năm 2025",
    "meetings": "Tổng hợp sinh hoạt chi bộ",
    "campaign": "CÁC BƯỚC CỦA CHI BỘ",
}
IN_PDF = {
    "members": "DANH SÁCH ĐẢNG VIÊN",
    "situation": "BÁO CÁO\nTình hình đảng viên",
    "assessment": "BÁO CÁO\nKết quả đánh giá, xếp loại đảng viên năm 2025",
    "meetings": "BÁO CÁO\nTổng hợp sinh hoạt chi bộ",
    "campaign": "Kết quả đợt sinh hoạt chính trị “Tự soi, tự sửa” năm 2026",
}
# Members of the cell on 15/03/2026 in register order (Lan attends temporarily).
ON_15_MARCH = [
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Lê Văn Cường",
    "Phạm Thị Dung",
    "Vũ Thị Giang",
    "Ngô Thị Lan",
    "Dương Thị Ngọc",
    "Đặng Văn Phúc",
]


@pytest.fixture(scope="module")
def cell_file(tmp_path_factory):
    from chibo_desktop.services.cell.identity import save_cell
    from tests.conftest import CELL

    path = tmp_path_factory.mktemp("cli") / "cell.sqlite"
    db = open_database(path, create=True)
    save_cell(db, CELL)
    ids = build_register(db)
    assess(db, ids)
    hold_meetings(db)
    create_campaign(db, "tu_soi_tu_sua", dt.date(2026, 1, 10), today=TODAY)
    db.close()
    return path


def run(path, name, out, start="2026-01-01", end="2026-03-15") -> int:
    return main(["--db", str(path), "report", name, "--from", start, "--to", end, str(out)])


@pytest.mark.parametrize("name", list(TITLES))
def test_every_report_as_excel_and_pdf(cell_file, tmp_path, name, capsys):
    end = "2025-12-31" if name == "assessment" else "2026-03-15"
    start = "2025-01-01" if name == "assessment" else "2026-01-01"
    xlsx, pdf = tmp_path / f"{name}.xlsx", tmp_path / f"{name}.pdf"
    assert run(cell_file, name, xlsx, start, end) == 0
    assert run(cell_file, name, pdf, start, end) == 0
    assert capsys.readouterr().out.splitlines() == [f"Đã ghi {xlsx}.", f"Đã ghi {pdf}."]
    wb = openpyxl.load_workbook(xlsx)
    texts = [c.value for row in wb.worksheets[0].iter_rows(max_row=8) for c in row if c.value]
    assert any(str(t).startswith(TITLES[name]) for t in texts), texts
    assert int(wb.worksheets[0].page_setup.paperSize) == 9
    assert IN_PDF[name] in squeeze(pdf_text(pdf))


def test_member_list_report_is_the_member_export(cell_file, tmp_path):
    out = tmp_path / "ds.xlsx"
    assert run(cell_file, "members", out, end="2026-03-15") == 0
    ws = openpyxl.load_workbook(out).active
    assert ws.title == "Danh sách đảng viên"
    header = int(ws.freeze_panes[1:]) - 1
    labels = [c.value for c in ws[header]]
    assert labels[:3] == ["STT", "Họ và tên", "Tên khai sinh"]
    assert "Số thẻ đảng viên" in labels and len(labels) == 25  # Mẫu 7-HSĐV columns
    names = [ws.cell(r, 2).value for r in range(header + 1, header + 1 + len(ON_15_MARCH))]
    assert names == ON_15_MARCH
    assert ws.cell(header + 1 + len(ON_15_MARCH), 2).value is None
    texts = [c.value for row in ws.iter_rows(max_row=header - 1) for c in row if c.value]
    assert "(Tính đến ngày 15/03/2026)" in texts


def test_member_list_preview_matches_the_export(cell_file):
    db = open_database(cell_file)
    try:
        doc = preview(db, "members", dt.date(2026, 1, 1), dt.date(2026, 3, 15), TODAY)
        assert [row[1] for row in doc.sections[0].table.rows] == ON_15_MARCH
        assert doc.subtitle == "Tính đến ngày 15/03/2026"
        before = preview(db, "members", dt.date(2025, 1, 1), dt.date(2025, 12, 31), TODAY)
        assert "Hoàng Văn Em" in [row[1] for row in before.sections[0].table.rows]
    finally:
        db.close()


def test_campaign_report_is_the_campaign_feature_report(cell_file, tmp_path):
    out = tmp_path / "dot.xlsx"
    assert run(cell_file, "campaign", out) == 0
    assert openpyxl.load_workbook(out).sheetnames == ["Các bước", "Đảng viên", "Số liệu"]


def test_campaign_outside_the_period_is_a_clear_error(cell_file, tmp_path, capsys):
    assert run(cell_file, "campaign", tmp_path / "x.pdf", "2024-01-01", "2024-12-31") == 1
    assert capsys.readouterr().err.strip() == (
        "Lỗi: Không có đợt sinh hoạt chính trị nào trong kỳ 01/01/2024 – 31/12/2024."
    )
    assert not (tmp_path / "x.pdf").exists()


def test_bad_period_and_suffix(cell_file, tmp_path, capsys):
    assert run(cell_file, "situation", tmp_path / "a.pdf", "2026-03-01", "2026-01-01") == 1
    assert "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc." in capsys.readouterr().err
    assert run(cell_file, "situation", tmp_path / "a.odt") != 0
    assert run(cell_file, "situation", tmp_path / "a.docx") == 0  # Word is one of the formats
