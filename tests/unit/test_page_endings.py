"""No page holds only the closing line and the signatures; no table starts with a single
row at the foot of a page."""

import re
import shutil

import pytest

from chibo_desktop.cli import main
from chibo_desktop.services.meetings import minutes as svc
from tests.unit.test_meetings_print import pages

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

CLOSING = ("Biên bản đã được đọc lại", "mặt tán thành", "Buổi sinh hoạt kết thúc", "THƯ KÝ",
           "(Ký, ghi rõ họ tên)", "DỰ THẢO")  # fmt: skip


def _content_lines(page: str) -> list[str]:
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    return [line for line in lines if not line.isdigit() and not line.startswith("DỰ THẢO")]


def test_minutes_signatures_come_with_what_they_sign(demo_path, demo_db, tmp_path):
    names = set()
    for row in svc.list_meetings(demo_db):
        m = svc.get_meeting(demo_db, row["id"])
        names |= {m.chair_name, m.secretary_name}
        out = tmp_path / f"{row['id']}.pdf"
        main(["--db", str(demo_path), "meetings", "print", str(row["id"]), str(out)])
        last = _content_lines([p for p in pages(out) if p.strip()][-1])
        own = [
            line
            for line in last
            if not any(c in line for c in CLOSING) and not any(n in line for n in names if n)
        ]
        assert own, (row["id"], last)


ROW = re.compile(r"^\d+\s")


@pytest.mark.parametrize("name", ["situation", "meetings", "assessment"])
def test_no_table_starts_with_one_row_at_a_page_foot(demo_path, tmp_path, name):
    out = tmp_path / f"{name}.pdf"
    main(["--db", str(demo_path), "report", name, "--from", "01/01/2025", "--to", "15/03/2026",
          str(out)])  # fmt: skip
    for number, page in enumerate(pages(out), start=1):
        lines = _content_lines(page)
        starts = [i for i, line in enumerate(lines) if line.startswith("STT")]
        if not starts or (number > 1 and starts == [0]):
            continue  # a header repeated at the top of a page
        after = lines[starts[-1] + 1 :]
        rows = [line for line in after if ROW.match(line)]
        assert len(rows) >= 2 or not after, (name, number, after)


@pytest.mark.parametrize("lines_before", range(22, 34))
def test_table_after_text_never_starts_with_one_row(tmp_path, lines_before):
    import datetime as dt

    from chibo_desktop.domain.report import Column, ReportDoc, Section, Signer, Table
    from chibo_desktop.interop.letterhead import Letterhead
    from chibo_desktop.interop.pdf.report_doc import write_report_pdf

    table = Table([Column("STT", 6, "int"), Column("Họ và tên", 30), Column("Ghi chú", 30)])
    table.rows = [[n, f"Đảng viên số {n}", "Có mặt"] for n in range(1, 11)]
    doc = ReportDoc(
        "test",
        "Báo cáo thử",
        "",
        dt.date(2026, 3, 15),
        [
            Section("Tình hình chung", [f"Dòng {n} của phần đầu." for n in range(lines_before)]),
            Section("Danh sách", [], table),
        ],
        Signer("T/M CHI BỘ", "BÍ THƯ", "Nguyễn Văn An"),
    )
    head = Letterhead("Đảng bộ phường Hàng Bạc", "Chi bộ Khu phố 3", "Hà Nội", doc.date)
    out = write_report_pdf(tmp_path / "t.pdf", head, doc)
    for page in pages(out):
        lines = _content_lines(page)
        if "STT Họ và tên Ghi chú" in " ".join(" ".join(lines).split()):
            at = next(i for i, line in enumerate(lines) if line.startswith("STT"))
            rows = [line for line in lines[at + 1 :] if ROW.match(line)]
            assert len(rows) >= 3, (lines_before, lines[at:])
