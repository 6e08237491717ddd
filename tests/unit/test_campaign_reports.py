"""The campaign report as PDF (read back with pdftotext) and Excel (read back with openpyxl),
the self-review PDF, and the `chibo campaign` commands on the demo cell."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from chibo_desktop.cli import main
from chibo_desktop.domain.campaign import figures
from chibo_desktop.services.campaigns.campaign import campaign_state, list_campaigns, save_texts
from chibo_desktop.services.campaigns.reports import (
    get_self_review,
    write_report,
    write_self_review,
)

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no pdftotext")


def pdf_text(path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


@pytest.fixture
def demo_campaign(demo_db, today):
    campaign_id = list_campaigns(demo_db, today)[0]["id"]
    return demo_db, campaign_id, campaign_state(demo_db, campaign_id, today)


def test_demo_campaign_is_in_progress(demo_campaign, today):
    _db, _id, state = demo_campaign
    assert state.start < today
    shown = [s.shown_status for s in state.steps]
    assert "done" in shown and "overdue" in shown and "todo" in shown
    conference = next(s for s in state.steps if s.key == "hoi_nghi_hoc_tap")
    assert conference.meeting_id is not None
    assert 0 < state.progress < 1


@needs_pdftotext
def test_pdf_report_figures(demo_campaign, tmp_path, today):
    db, campaign_id, state = demo_campaign
    save_texts(
        db, campaign_id, assessment="Đảng viên tham gia nghiêm túc.", proposals="=1+1 đề nghị"
    )
    path = write_report(db, campaign_id, tmp_path / "bao_cao.pdf", today)
    text = " ".join(pdf_text(path).split())
    assert "BÁO CÁO" in text and "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert f"Kết quả đợt sinh hoạt chính trị “Tự soi, tự sửa” năm {state.start.year}" in text
    assert "T/M CHI BỘ" in text and "BÍ THƯ" in text
    assert "Đảng viên tham gia nghiêm túc." in text and "=1+1 đề nghị" in text
    total = len(state.active_members)
    assert f"Tổng số đảng viên tham gia: {total}" in text
    kl21 = state.done_count("hoc_kl21")
    assert f"Học 21-KL/TW {kl21}/{total}" in text
    reviews = state.done_count("tu_kiem_diem")
    assert f"Nộp bản tự kiểm điểm {reviews}/{total}" in text
    for step in state.steps:
        if step.done:
            assert step.done.strftime("%d/%m/%Y") in text
    assert "Quá hạn" in text


def test_excel_report_sheets_and_figures(demo_campaign, tmp_path, today):
    db, campaign_id, state = demo_campaign
    save_texts(db, campaign_id, title='=HYPERLINK("x") đợt')
    state = campaign_state(db, campaign_id, today)
    path = write_report(db, campaign_id, tmp_path / "bao_cao.xlsx", today)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Các bước", "Đảng viên", "Số liệu"]
    for ws in wb:
        # the member matrix prints on pages across: its header blocks sit beside STT, name
        first = 3 if ws.title == "Đảng viên" else 1
        assert ws.cell(1, first).value == "ĐẢNG BỘ PHƯỜNG HÀNG BẠC"
        assert ws.cell(6, first).value == '=HYPERLINK("x") đợt'  # under Số and the title
        assert ws.cell(6, first).data_type == "s"
    steps = wb["Các bước"]
    header = next(r for r in range(1, 12) if steps.cell(r, 2).value == "Nội dung")
    titles = [steps.cell(header + 1 + i, 2).value for i in range(len(state.steps))]
    assert titles == [s.title for s in state.steps]
    matrix = wb["Đảng viên"]
    header = next(r for r in range(1, 12) if matrix.cell(r, 2).value == "Họ và tên")
    items = [i.key for i in state.template.items]
    column = 3 + 2 * items.index("tu_kiem_diem")  # each item: a status and a date column
    assert matrix.cell(header, column + 1).value == "Ngày xong"
    rows = range(header + 1, header + 1 + len(state.members))
    values = [matrix.cell(r, column).value for r in rows]
    days = [matrix.cell(r, column + 1).value for r in rows]
    done = [v for v in values if v == "✓"]
    active_ids = {m.member_id for m in state.active_members}
    expected = sum(1 for m in state.members if (m.member_id, "tu_kiem_diem") in state.marks)
    assert len(done) == expected and values.count("✗") == len(values) - expected
    for value, day in zip(values, days, strict=True):  # real dates, shown dd/mm/yyyy
        assert (value == "✓") == isinstance(day, dt.datetime)
    assert all(
        matrix.cell(r, column + 1).number_format == "dd/mm/yyyy" for r in rows if days[r - rows[0]]
    )
    shares = _shares(wb["Số liệu"])
    assert shares and all(0 <= v <= 1 for v in shares)  # fractions shown as percentages
    numbers = wb["Số liệu"]
    header = next(r for r in range(1, 12) if numbers.cell(r, 2).value == "Nội dung")
    got = {
        numbers.cell(r, 2).value: (numbers.cell(r, 3).value, numbers.cell(r, 4).value)
        for r in range(header + 1, header + 1 + len(figures(state)))
    }
    assert got["Nộp bản tự kiểm điểm"] == (state.done_count("tu_kiem_diem"), len(active_ids))
    assert got["Học 21-KL/TW"] == (state.done_count("hoc_kl21"), len(active_ids))


def _shares(ws) -> list[float]:
    header = next(r for r in range(1, 12) if ws.cell(r, 5).value == "Tỷ lệ")
    cells = [ws.cell(r, 5) for r in range(header + 1, ws.max_row + 1) if ws.cell(r, 5).value]
    assert all(c.number_format == "0.0%" for c in cells)
    return [c.value for c in cells]


@needs_pdftotext
def test_self_review_pdf(demo_campaign, tmp_path, today):
    db, campaign_id, state = demo_campaign
    member = next(m for m in state.active_members if (m.member_id, "tu_kiem_diem") in state.marks)
    review = get_self_review(db, campaign_id, member.member_id)
    path = write_self_review(db, campaign_id, member.member_id, tmp_path / "tkd.pdf", today)
    text = " ".join(pdf_text(path).split())
    assert "BẢN TỰ KIỂM ĐIỂM" in text and member.full_name in text
    assert "NGƯỜI TỰ KIỂM ĐIỂM" in text
    assert "Phai nhạt lý tưởng cách mạng" in text
    assert review.sections["Về đạo đức, lối sống"][:30] in text
    # the screen says which texts are not checked against the official one; paper does not
    assert state.template.unverified() and "Mê tín, hoạt động mê tín" in text
    assert "chưa đối chiếu" not in text.lower()


def test_cli_list_new_report(demo_path, tmp_path, capsys):
    assert main(["--db", str(demo_path), "campaign", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"id", "title", "start", "progress"} <= set(rows[0])
    assert 0 < rows[0]["progress"] < 1
    assert main(["--db", str(demo_path), "campaign", "templates"]) == 0
    assert "tu_soi_tu_sua" in capsys.readouterr().out
    assert (
        main(["--db", str(demo_path), "campaign", "new", "tu_soi_tu_sua", "--start", "01/04/2026"])
        == 0
    )
    capsys.readouterr()
    assert main(["--db", str(demo_path), "campaign", "list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
    for suffix in (".pdf", ".xlsx"):
        out = tmp_path / f"r{suffix}"
        assert (
            main(["--db", str(demo_path), "campaign", "report", str(rows[0]["id"]), str(out)]) == 0
        )
        assert out.stat().st_size > 1000
    assert main(["--db", str(demo_path), "campaign", "report", "99", str(tmp_path / "x.pdf")]) == 1
    assert "Không tìm thấy đợt sinh hoạt số 99" in capsys.readouterr().err
    assert (
        main(["--db", str(demo_path), "campaign", "new", "khong_co", "--start", "2026-04-01"]) == 1
    )
