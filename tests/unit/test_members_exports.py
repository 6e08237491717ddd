"""The member list as Excel and PDF, read back cell by cell and with pdftotext."""

import datetime as dt
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from chibo_desktop.cli import main as cli_main
from chibo_desktop.domain.members import Member
from chibo_desktop.domain.status import StatusChange
from chibo_desktop.interop.member_register import COLUMNS
from chibo_desktop.services.contract.results import run_to_end
from chibo_desktop.services.members import register as svc
from chibo_desktop.services.members.exports import export_members

TODAY = dt.date(2026, 3, 15)
EVIL = '=HYPERLINK("http://x","bấm")'


def fill(db) -> dict[str, int]:
    ids = {}
    for name, extra in [
        ("Đặng Thị Hằng", {"notes": EVIL, "gender": "Nữ"}),
        ("Nguyễn Văn An", {"hometown": "+84 Hà Nội", "armed_forces": True}),
        ("Trần Văn Bình", {"birth_date": "1960-05"}),
        ("Tôn Nữ Thị Phương Khánh Ngọc Anh", {"gender": "Nữ"}),
    ]:
        base = {
            "birth_date": "1960-01-02",
            "join_date": "1990-03-04",
            "official_date": "1991-03-04",
            "ethnicity": "Kinh",
        }
        member = Member(full_name=name, **{**base, **extra})
        ids[name] = svc.save_member(
            db, member, first_status=StatusChange("transfer_in", dt.date(2010, 1, 1)), today=TODAY
        ).value
    svc.add_status_change(
        db,
        ids["Trần Văn Bình"],
        StatusChange("transfer_out", dt.date(2026, 1, 5), note="Đảng bộ phường Lý Thái Tổ"),
        today=TODAY,
    )
    return ids


def header_row_of(ws) -> int:
    for row in range(1, 15):
        if ws.cell(row=row, column=1).value == "STT":
            return row
    raise AssertionError("no header row")


def test_excel_list_in_register_order_with_real_dates_and_no_formulas(db, tmp_path):
    fill(db)
    out = tmp_path / "ds.xlsx"
    result = run_to_end(export_members(db, out, today=TODAY))
    assert result.count == 3
    ws = load_workbook(out).active
    # the header blocks sit beside the repeated STT and name columns (see test_register_print)
    assert ws.cell(row=1, column=3).value == "ĐẢNG BỘ PHƯỜNG HÀNG BẠC"
    assert ws.cell(row=2, column=3).value == "CHI BỘ KHU PHỐ 3"
    assert ws.cell(row=2, column=3).font.b
    assert any("Hà Nội, ngày 15 tháng 3 năm 2026" in str(c.value or "") for c in ws[2])
    head = header_row_of(ws)
    headers = [ws.cell(row=head, column=c).value for c in range(1, len(COLUMNS) + 1)]
    assert headers == [c[0] for c in COLUMNS]
    assert headers[:5] == ["STT", "Họ và tên", "Tên khai sinh", "Giới tính", "Ngày sinh"]
    assert all(ws.cell(row=head, column=c).font.b for c in range(1, len(COLUMNS) + 1))
    names = [ws.cell(row=r, column=2).value for r in range(head + 1, head + 4)]
    # By given name: An, Anh (Ngọc Anh), Hằng; Bình has left the cell.
    assert names == ["Nguyễn Văn An", "Tôn Nữ Thị Phương Khánh Ngọc Anh", "Đặng Thị Hằng"]
    first = head + 1
    birth = ws.cell(row=first, column=5)
    assert birth.value == dt.datetime(1960, 1, 2) and birth.number_format == "dd/mm/yyyy"
    assert ws.cell(row=first, column=15).value == dt.datetime(1990, 3, 4)
    assert ws.cell(row=first, column=8).value == "+84 Hà Nội"
    assert ws.cell(row=first, column=8).data_type == "s"
    assert ws.cell(row=first, column=20).value == "x"
    hang = head + 3
    remark = ws.cell(row=hang, column=len(COLUMNS))
    assert remark.value == EVIL and remark.data_type == "s"
    assert ws.freeze_panes == f"C{head + 1}"
    assert ws.page_setup.orientation == "landscape"
    assert str(ws.page_setup.paperSize) == str(ws.PAPERSIZE_A4)
    # printed on pages across at a readable size, not squeezed to one page width
    assert not ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.scale >= 75
    assert ws.print_title_rows.replace("$", "") == f"{head}:{head}"
    assert ws.column_dimensions["B"].width >= 20
    assert ws.cell(row=head + 5, column=3).value == "Tổng cộng: 3 đảng viên."


def test_excel_includes_leavers_with_history_columns_when_asked(db, tmp_path):
    fill(db)
    out = tmp_path / "all.xlsx"
    run_to_end(export_members(db, out, include_left=True, today=TODAY))
    ws = load_workbook(out).active
    head = header_row_of(ws)
    rows = {ws.cell(row=r, column=2).value: r for r in range(head + 1, ws.max_row + 1)}
    binh = rows["Trần Văn Bình"]
    assert ws.cell(row=binh, column=5).value == "05/1960"  # a partial date stays text
    assert ws.cell(row=binh, column=21).value == "05/01/2026, Đảng bộ phường Lý Thái Tổ"
    assert ws.cell(row=binh, column=22).value == "01/01/2010"


def test_export_keeps_the_screen_order_and_selection(db, tmp_path):
    ids = fill(db)
    wanted = [ids["Đặng Thị Hằng"], ids["Nguyễn Văn An"]]
    out = tmp_path / "sel.xlsx"
    run_to_end(export_members(db, out, member_ids=wanted, today=TODAY))
    ws = load_workbook(out).active
    head = header_row_of(ws)
    assert [ws.cell(row=head + i, column=2).value for i in (1, 2)] == [
        "Đặng Thị Hằng",
        "Nguyễn Văn An",
    ]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")
def test_pdf_list_reads_back_with_header_names_and_pages(db, tmp_path):
    from chibo_desktop.domain.status import StatusChange as SC

    fill(db)
    for n in range(60):  # enough for several pages
        svc.save_member(
            db,
            Member(full_name=f"Phạm Văn {chr(ord('A') + n % 26)}{'a' * (n // 26)}ng",
                   join_date="2000-01-01", birth_date="1970-01-01"),
            first_status=SC("transfer_in", dt.date(2010, 1, 1)),
            today=TODAY,
        )  # fmt: skip
    out = tmp_path / "ds.pdf"
    run_to_end(export_members(db, out, today=TODAY))
    assert out.read_bytes()[:5] == b"%PDF-"
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    pages = text.split("\f")
    assert len([p for p in pages if p.strip()]) >= 3
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in pages[0] and "CHI BỘ KHU PHỐ 3" in pages[0]
    assert "DANH SÁCH ĐẢNG VIÊN" in pages[0]
    assert "Hà Nội, ngày 15 tháng 3 năm 2026" in pages[0]
    for number, page in enumerate([p for p in pages if p.strip()], start=1):
        assert "Họ và tên" in page, f"header row missing on page {number}"
        if number > 1:  # HD 36: page numbers from page 2, at the top
            assert page.strip().splitlines()[0].strip() == str(number)
    # Every name on one line, even the longest.
    lines = text.splitlines()
    for name in ("Tôn Nữ Thị Phương Khánh Ngọc Anh", "Đặng Thị Hằng", "Nguyễn Văn An"):
        assert any(name in line for line in lines), name
    assert "Tổng cộng: 63 đảng viên." in text
    assert '"bấm")' in text  # user text printed as it was typed


def test_cli_export_both_formats(db_path, tmp_path, capsys):
    from chibo_desktop.storage.database import open_database

    db = open_database(db_path)
    fill(db)
    db.close()
    for suffix in ("xlsx", "pdf"):
        out = tmp_path / f"ds.{suffix}"
        assert cli_main(["--db", str(db_path), "members", "export", str(out)]) == 0
        assert out.stat().st_size > 1000
    assert "Đã xuất 3 đảng viên" in capsys.readouterr().out
    assert cli_main(["--db", str(db_path), "members", "export", str(tmp_path / "x.doc")]) == 1
    assert ".xlsx" in capsys.readouterr().err


def test_printed_list_stays_vietnamese_with_an_english_interface(db, tmp_path):
    """Remarks and the leaving columns are printed text: the English interface leaves
    them in Vietnamese."""
    from chibo_desktop import i18n
    from chibo_desktop.services.members.exports import register_entries

    ids = fill(db)
    svc.add_status_change(db, ids["Nguyễn Văn An"], StatusChange("exempt", TODAY), today=TODAY)
    svc.add_status_change(
        db, ids["Đặng Thị Hằng"], StatusChange("resigned", TODAY, note="Xin ra"), today=TODAY
    )
    i18n.set_language("en")
    try:
        assert i18n._("Dự bị") != "Dự bị"  # the interface really is English
        entries = {e.member.full_name: e for e in register_entries(db, include_left=True)}
        out = tmp_path / "list.xlsx"
        run_to_end(export_members(db, out, include_left=True, today=TODAY))
    finally:
        i18n.set_language("vi")
    assert entries["Nguyễn Văn An"].remark == "Miễn công tác và sinh hoạt"
    assert entries["Nguyễn Văn An"].status_label == "Miễn công tác và sinh hoạt"
    assert entries["Đặng Thị Hằng"].left == "15/03/2026, Xin ra khỏi Đảng, Xin ra"
    ws = load_workbook(out).active
    texts = {c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    assert "Miễn công tác và sinh hoạt" in " ".join(texts)
