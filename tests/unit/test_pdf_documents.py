"""Every PDF the program prints, built from the demo cell and checked as a reader sees it:
only embedded TrueType fonts, nothing drawn in the margins, the HD 36 header, page numbers
from page 2, Vietnamese text even when the interface is in English."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from chibo_desktop import i18n
from chibo_desktop.services.contract.results import run_to_end
from chibo_desktop.storage.database import open_database

pytestmark = pytest.mark.skipif(
    shutil.which("pdffonts") is None or shutil.which("pdftoppm") is None,
    reason="needs poppler-utils",
)

TODAY = dt.date(2026, 11, 20)
MM = 72 / 25.4
REPORTS = ("members", "situation", "assessment", "meetings", "campaign")
BASE_14 = {
    "Courier",
    "Helvetica",
    "Times",
    "Symbol",
    "ZapfDingbats",
}


def build_all(db, out: Path) -> dict[str, Path]:
    """Each kind of printed document, written the way the program writes it."""
    from chibo_desktop.services.campaigns import campaign as campaigns
    from chibo_desktop.services.campaigns import reports as campaign_reports
    from chibo_desktop.services.meetings import minutes as meetings
    from chibo_desktop.services.meetings.printing import export_minutes_pdf
    from chibo_desktop.services.members.exports import export_members
    from chibo_desktop.services.reports.catalog import build_report

    rows = meetings.list_meetings(db)
    final = next(r for r in rows if r["status"] != "draft" and "thường kỳ" in r["title"])
    thematic = next(r for r in rows if "chuyên đề" in r["title"])
    paths = {
        "minutes": export_minutes_pdf(db, final["id"], out / "minutes.pdf"),
        "minutes_thematic": export_minutes_pdf(db, thematic["id"], out / "thematic.pdf"),
        "minutes_blank": export_minutes_pdf(db, rows[0]["id"], out / "blank.pdf", blank=True),
    }
    run_to_end(export_members(db, out / "members.pdf", today=TODAY))
    paths["member_list"] = out / "members.pdf"
    paths["campaign_report"] = campaign_reports.write_report(db, 1, out / "dot.pdf", TODAY)
    member = campaigns.campaign_state(db, 1, TODAY).members[0]
    paths["self_review"] = campaign_reports.write_self_review(
        db, 1, member.member_id, out / "tkd.pdf", TODAY
    )
    for name in REPORTS:
        target = out / f"report_{name}.pdf"
        run_to_end(
            build_report(db, name, dt.date(2026, 1, 1), dt.date(2026, 11, 20), target, TODAY)
        )
        paths[f"report_{name}"] = target
    return paths


@pytest.fixture(scope="module")
def printed(_demo_master, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("printed")
    shutil.copy(_demo_master, out / "demo.sqlite")
    db = open_database(out / "demo.sqlite")
    try:
        return build_all(db, out)
    finally:
        db.close()


KINDS = [
    "minutes",
    "minutes_thematic",
    "minutes_blank",
    "member_list",
    "campaign_report",
    "self_review",
    *[f"report_{name}" for name in REPORTS],
]


def fonts(path: Path) -> list[dict[str, str]]:
    """pdffonts' table, cut at the columns its dashed line marks."""
    lines = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    _header, dashes, *rows = lines
    spans, start = [], 0
    for part in dashes.split(" "):
        spans.append((start, start + len(part)))
        start += len(part) + 1
    names = ["name", "type", "encoding", "emb", "sub", "uni", "object", "id"]
    return [
        {key: row[a:b].strip() for key, (a, b) in zip(names, spans, strict=False)} for row in rows
    ]


def pages_text(path: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [p for p in text.split("\f") if p.strip()]


@pytest.mark.parametrize("kind", KINDS)
def test_only_embedded_truetype_fonts(printed, kind):
    found = fonts(printed[kind])
    assert found, "no font at all?"
    for font in found:
        family = font["name"].split("+")[-1].split("-")[0]
        assert family not in BASE_14, f"{kind}: built-in font {font['name']}"
        assert font["emb"] == "yes", f"{kind}: {font['name']} is not embedded"
        assert "TrueType" in font["type"], f"{kind}: {font['name']} is {font['type']}"


@pytest.mark.parametrize("kind", KINDS)
def test_header_block_and_page_numbers(printed, kind):
    pages = pages_text(printed[kind])
    first = pages[0]
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in first
    assert "ĐẢNG BỘ PHƯỜNG HÀNG BẠC" in first and "CHI BỘ KHU PHỐ 3" in first
    assert "Hà Nội, ngày" in first
    assert first.strip().splitlines()[0].strip() != "1"  # no number on the first page
    for number, page in enumerate(pages[1:], start=2):
        assert page.strip().splitlines()[0].replace("DỰ THẢO", "").strip() == str(number), (
            f"{kind} page {number}"
        )


def is_section_heading(line: str) -> bool:
    """'II. NỘI DUNG': a Roman number and capitals."""
    return bool(re.match(r"^(I|II|III|IV|V|VI)\. ", line)) and line == line.upper()


@pytest.mark.parametrize("kind", KINDS)
def test_no_page_ends_with_a_heading(printed, kind):
    for number, page in enumerate(pages_text(printed[kind]), start=1):
        last = [line.strip() for line in page.splitlines() if line.strip()][-1]
        assert not is_section_heading(last), f"{kind} page {number} ends with {last!r}"
    assert is_section_heading("II. NỘI DUNG") and not is_section_heading("I. Họp")


def _dark_in_margins(png: Path) -> list[str]:
    """The margins where ink lies (the page-number band in the top margin excepted)."""
    from PIL import Image

    image = Image.open(png).convert("L")
    width, height = image.size  # 72 dpi: one pixel per point
    # The margins plus the 6 pt the frame keeps inside them: where body text starts and
    # ends, and where a table of the full width must stop too.
    pad = 6
    left, right = round(30 * MM + pad) - 1, round(width - 15 * MM - pad) + 1
    top, bottom = round(20 * MM) - 1, round(height - 20 * MM) + 1
    regions = {
        "left": (0, 0, left, height),
        "right": (right, 0, width, height),
        "bottom": (0, bottom, width, height),
        "top above the page number": (0, 0, width, round(7 * MM)),
        "top below the page number": (0, round(15 * MM), width, top),
    }
    return [name for name, box in regions.items() if image.crop(box).getextrema()[0] < 160]


@pytest.mark.parametrize("kind", KINDS)
def test_nothing_printed_in_the_margins(printed, kind, tmp_path):
    """Tables and text stay inside 20/20/30/15 mm (a table as wide as the margins plus the
    frame padding ran into the right margin)."""
    subprocess.run(
        ["pdftoppm", "-png", "-r", "72", str(printed[kind]), str(tmp_path / "p")], check=True
    )
    pngs = sorted(tmp_path.glob("p-*.png"))
    assert pngs
    for png in pngs:
        assert not _dark_in_margins(png), f"{kind} {png.name}: ink in {_dark_in_margins(png)}"


def test_self_review_names_the_campaign_once(printed):
    first = pages_text(printed["self_review"])[0]
    assert first.count("Tự soi, tự sửa") == 1
    assert "BẢN TỰ KIỂM ĐIỂM" in first


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("vi")


def test_documents_stay_vietnamese_with_an_english_interface(demo_db, tmp_path, english):
    from chibo_desktop.services.campaigns import reports as campaign_reports
    from chibo_desktop.services.meetings import minutes as meetings
    from chibo_desktop.services.meetings.printing import export_minutes_pdf

    assert i18n._("Báo cáo") == "Reports"  # the interface really is English
    new_id = meetings.create_meeting(demo_db, dt.date(2026, 12, 5)).value
    minutes = "\n".join(pages_text(export_minutes_pdf(demo_db, new_id, tmp_path / "bb.pdf")))
    for heading in ("BIÊN BẢN", "I. THÀNH PHẦN", "II. NỘI DUNG", "Tổng số đảng viên"):
        assert heading in minutes
    assert "Đồng chí chủ trì nêu mục đích" in minutes  # the opening of a new meeting
    assert "(Ký, ghi rõ họ tên)" in minutes
    voted = next(m for m in meetings.list_meetings(demo_db) if m["status"] != "draft")
    voted_text = "\n".join(pages_text(export_minutes_pdf(demo_db, voted["id"], tmp_path / "v.pdf")))
    shares = [w.strip("().;") for w in voted_text.split() if w.endswith("%);")]
    assert shares and all("," in w and "." not in w for w in shares), shares

    report = campaign_reports.write_report(demo_db, 1, tmp_path / "dot.pdf", TODAY)
    text = "\n".join(pages_text(report))
    for heading in (
        "BÁO CÁO",
        "I. CÁC BƯỚC ĐÃ THỰC HIỆN",
        "II. KẾT QUẢ THAM GIA CỦA ĐẢNG VIÊN",
        "III. ĐÁNH GIÁ CHUNG",
        "Tỷ lệ",
        "Minh chứng, ghi chú",
        "T/M CHI BỘ",
    ):
        assert heading in text, heading
    assert "(Ký, ghi rõ họ tên)" not in text  # signed on behalf of the cell
    assert "STEPS CARRIED OUT" not in text and "Share" not in text
    percents = [w for w in text.split() if w.endswith("%")]
    assert percents and all("." not in p for p in percents), percents


def test_campaign_workbook_stays_vietnamese_with_an_english_interface(demo_db, tmp_path, english):
    from openpyxl import load_workbook

    from chibo_desktop.services.campaigns import reports as campaign_reports

    out = campaign_reports.write_report(demo_db, 1, tmp_path / "dot.xlsx", TODAY)
    wb = load_workbook(out)
    assert wb.sheetnames == ["Các bước", "Đảng viên", "Số liệu"]
    values = {c.value for ws in wb for row in ws.iter_rows() for c in row if c.value}
    assert "Đảng viên tham gia đợt sinh hoạt" in values
    assert "Trạng thái" in values and "Ngày hoàn thành" in values
