"""Printed minutes checked through pdftotext/pdffonts; the yearly attendance workbook."""

import datetime as dt
import shutil
import subprocess

import pytest

from chibo_desktop.cli import main
from chibo_desktop.domain.meetings import Discussion, Guest, Resolution
from chibo_desktop.services.meetings import minutes as svc
from chibo_desktop.services.meetings.printing import export_attendance_xlsx, export_minutes_pdf
from tests.unit.test_meetings_service import cell  # noqa: F401  (fixture)

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def plain(path) -> str:
    """Text with line breaks joined, to find sentences that wrap."""
    raw = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(raw.split())


def pages(path) -> list[str]:
    return pdf_text(path).split("\f")


def fonts(path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    return [line.split() for line in out.stdout.splitlines()[2:]]


def filled(db, ids, discussions: int):
    m = svc.get_meeting(db, svc.create_meeting(db, dt.date(2026, 3, 5)).value)
    m.place, m.start_time, m.end_time = "Nhà văn hóa Khu phố 3", "19:30", "21:30"
    m.number = "Số 05-BB/CB"
    for a in m.attendance:
        if a.member_id == ids["hanh"]:
            a.state, a.reason = "excused", "ốm"
        if a.member_id == ids["son"]:
            a.state, a.reason = "excused", "công tác"
    m.guests = [Guest("Trần Quốc Bảo", "Đảng ủy viên")]
    m.discussions = [
        Discussion(
            "Đặng Minh Đức",
            f"Ý kiến số {n + 1}: đề nghị làm rõ trách nhiệm từng tổ "
            "dân phố trong việc giữ gìn vệ sinh môi trường và trật tự đô thị.",
            ids["dang"],
            n % 5,
        )
        for n in range(discussions)
    ]
    m.resolutions = [Resolution("Thông qua phương hướng, nhiệm vụ tháng 4", 4, 0, 0)]
    m.approval_for, m.approval_against, m.approval_abstain = 5, 0, 0
    svc.save_draft(db, m)
    return m.id


def test_minutes_show_header_names_and_counts_exactly(db, cell, tmp_path):  # noqa: F811
    path = export_minutes_pdf(db, filled(db, cell, 1), tmp_path / "bb.pdf")
    text = plain(path)
    for expected in [
        "ĐẢNG BỘ PHƯỜNG HÀNG BẠC",
        "CHI BỘ KHU PHỐ 3",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Hà Nội, ngày 05 tháng 3 năm 2026",
        "Số 05-BB/CB",
        "BIÊN BẢN",
        "Sinh hoạt chi bộ thường kỳ tháng 3 năm 2026",
        "Hôm nay, vào lúc 19 giờ 30 phút, ngày 05 tháng 3 năm 2026, tại Nhà văn hóa Khu phố 3, "
        "Chi bộ Khu phố 3 tổ chức sinh hoạt chi bộ thường kỳ tháng 3 năm 2026.",
        "- Đại biểu cấp trên: đồng chí Trần Quốc Bảo, Đảng ủy viên.",
        "- Tổng số đảng viên: 9 đồng chí (chính thức: 8; dự bị: 1).",
        "- Miễn sinh hoạt: 1 đồng chí; đi sinh hoạt tạm thời nơi khác: 1 đồng chí.",
        "- Có mặt: 5 đồng chí (chính thức: 4; dự bị: 1).",
        "- Vắng có lý do: 2 đồng chí (Trần Thị Hạnh: ốm; Lê Văn Sơn: công tác).",
        "- Vắng không lý do: 0.",
        "- Số đảng viên có quyền biểu quyết: 4 đồng chí; nghị quyết được thông qua khi có từ 3 "
        "đồng chí tán thành trở lên.",
        "- Chủ trì: đồng chí Nguyễn Văn An, Bí thư.",
        "- Thư ký: đồng chí Phạm Thị Lan, Chi ủy viên.",
        "II. NỘI DUNG",
        "1. Thông tin thời sự, văn bản cấp trên",
        "- Đồng chí Đặng Minh Đức: Ý kiến số 1",
        "Tán thành: 4/4 đồng chí (100,0%); không tán thành: 0; không biểu quyết: 0. Thông qua.",
        "Buổi sinh hoạt kết thúc lúc 21 giờ 30 phút cùng ngày.",
        "THƯ KÝ",
        "CHỦ TRÌ",
        "(Ký, ghi rõ họ tên)",
    ]:
        assert expected in text, expected
    assert text.rstrip().endswith("Phạm Thị Lan Nguyễn Văn An")


def test_fonts_are_embedded_truetype_only(db, cell, tmp_path):  # noqa: F811
    meeting_id = filled(db, cell, 1)
    for blank in (False, True):
        path = export_minutes_pdf(db, meeting_id, tmp_path / f"bb{blank}.pdf", blank=blank)
        found = fonts(path)
        assert found
        for row in found:
            assert "TrueType" in row, row
            assert row[-5] == "yes", row  # emb
        assert not any(r[0] in {"Helvetica", "Times-Roman", "Courier"} for r in found)


@pytest.mark.parametrize("count", [1, 40])
def test_nothing_is_lost_at_any_length(db, cell, tmp_path, count):  # noqa: F811
    path = export_minutes_pdf(db, filled(db, cell, count), tmp_path / "bb.pdf")
    text = plain(path)
    for n in range(count):
        assert f"Ý kiến số {n + 1}:" in text
    printed = pages(path)
    printed = [p for p in printed if p.strip()]
    if count == 40:
        assert len(printed) >= 3
    assert "CHỦ TRÌ" in printed[-1]
    # page numbers from page 2: the first line of page n is "n"
    assert printed[0].strip().splitlines()[0].strip() != "1"
    for number, page in enumerate(printed[1:], start=2):
        assert page.strip().splitlines()[0].replace("DỰ THẢO", "").strip() == str(number)


def test_blank_form_lists_the_register_with_space_to_write(db, cell, tmp_path):  # noqa: F811
    path = export_minutes_pdf(db, filled(db, cell, 3), tmp_path / "mau.pdf", blank=True)
    text = plain(path)
    assert "BIÊN BẢN" in text
    assert "Hôm nay, vào lúc ………… giờ ………… phút, ngày 05 tháng 3 năm 2026" in text
    assert "- Tổng số đảng viên: 9 đồng chí (chính thức: 8; dự bị: 1)." in text
    assert "- Có mặt: ………… đồng chí" in text
    for name in ("Nguyễn Văn An", "Trần Thị Hạnh", "Bùi Văn Đạt", "Hoàng Thu Hà"):
        assert name in text
    assert "Vũ Văn Cường (miễn sinh hoạt)" in text
    assert "Ý kiến số" not in text  # nothing written by hand is pre-printed
    assert "THƯ KÝ" in text and "CHỦ TRÌ" in text


def test_cli_list_print_and_attendance(demo_path, tmp_path, capsys):
    assert main(["--db", str(demo_path), "meetings", "list", "--json"]) == 0
    import json

    rows = json.loads(capsys.readouterr().out)
    assert rows and {"id", "date", "kinds", "title", "status", "voting_base"} <= set(rows[0])
    meeting_id = rows[0]["id"]
    out = tmp_path / "bb.pdf"
    assert main(["--db", str(demo_path), "meetings", "print", str(meeting_id), str(out)]) == 0
    assert "BIÊN BẢN" in plain(out)
    blank = tmp_path / "mau.pdf"
    assert (
        main(["--db", str(demo_path), "meetings", "print", str(meeting_id), str(blank), "--blank"])
        == 0
    )
    assert "…………" in plain(blank)
    assert main(["--db", str(demo_path), "meetings", "print", "9999", str(out)]) == 1
    assert "Không tìm thấy biên bản số 9999" in capsys.readouterr().err
    assert main(["--db", str(demo_path), "meetings", "print", "1", str(tmp_path / "x.txt")]) == 1
    book = tmp_path / "dh.xlsx"
    assert main(["--db", str(demo_path), "meetings", "attendance", "2026", str(book)]) == 0
    assert book.stat().st_size > 0


def test_attendance_workbook_letters_and_rates(db, cell, tmp_path):  # noqa: F811
    from python_calamine import CalamineWorkbook

    jan = svc.get_meeting(db, svc.create_meeting(db, dt.date(2026, 1, 5)).value)
    for a in jan.attendance:
        if a.member_id == cell["son"]:
            a.state, a.reason = "excused", "ốm"
    svc.save_draft(db, jan)
    mar = svc.get_meeting(db, svc.create_meeting(db, dt.date(2026, 3, 5)).value)
    for a in mar.attendance:
        if a.member_id == cell["son"]:
            a.state = "absent"
    svc.save_draft(db, mar)
    svc.finalise(db, jan.id)
    svc.finalise(db, mar.id)
    svc.create_meeting(db, dt.date(2025, 12, 5))  # another year: not in the sheet
    path = export_attendance_xlsx(db, 2026, tmp_path / "dh.xlsx")
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    header = next(r for r in sheet if r and r[0] == "STT")
    assert header[2:4] == ["05/01", "05/03"]
    assert header[4:] == ["Có mặt", "Vắng có lý do", "Vắng không lý do", "Tỷ lệ dự họp"]
    by_name = {r[1]: r for r in sheet if r and isinstance(r[0], (int, float)) and r[1]}
    assert by_name["Lê Văn Sơn"][2:7] == ["P", "K", 0, 1, 1]
    assert by_name["Lê Văn Sơn"][7] == 0
    assert by_name["Bùi Văn Đạt"][2:4] == ["", "x"]  # joined in February
    assert by_name["Bùi Văn Đạt"][7] == 1
    assert by_name["Vũ Văn Cường"][2:4] == ["M", "M"]
    assert by_name["Vũ Văn Cường"][7] == ""
    rates = next(r for r in sheet if r and r[1] == "Tỷ lệ dự họp")
    assert rates[2] == pytest.approx(5 / 6)
    assert rates[3] == pytest.approx(6 / 7)
