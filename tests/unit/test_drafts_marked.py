"""A draft never passes for the final text: minutes, meetings report, attendance workbook."""

import shutil

import openpyxl
import pytest

from chibo_desktop.cli import main
from chibo_desktop.services.meetings import minutes as svc
from tests.unit.test_meetings_print import pages

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def _draft_and_final(db):
    rows = svc.list_meetings(db)
    draft = next(r["id"] for r in rows if r["status"] == "draft")
    final = next(r["id"] for r in rows if r["status"] == "final")
    return draft, final


def test_printed_draft_says_du_thao_on_every_page(demo_path, demo_db, tmp_path):
    draft, final = _draft_and_final(demo_db)
    for meeting_id, expected in ((draft, True), (final, False)):
        out = tmp_path / f"{meeting_id}.pdf"
        assert main(["--db", str(demo_path), "meetings", "print", str(meeting_id), str(out)]) == 0
        printed = [p for p in pages(out) if p.strip()]
        assert len(printed) >= 2
        assert all(("DỰ THẢO" in p) == expected for p in printed)
    blank = tmp_path / "blank.pdf"
    main(["--db", str(demo_path), "meetings", "print", str(draft), str(blank), "--blank"])
    assert "DỰ THẢO" not in "".join(pages(blank))


def test_meetings_report_and_attendance_sheet_mark_drafts(demo_path, demo_db, tmp_path):
    draft, _final = _draft_and_final(demo_db)
    date = svc.get_meeting(demo_db, draft).date
    report = tmp_path / "tong_hop.pdf"
    main(["--db", str(demo_path), "report", "meetings", "--from", "01/01/2026",
          "--to", date.strftime("%d/%m/%Y"), str(report)])  # fmt: skip
    text = " ".join("".join(pages(report)).split())
    assert "(dự thảo)" in text
    assert "Biên bản còn là dự thảo, chưa hoàn tất" in text and f"{date:%d/%m/%Y}." in text
    sheet = tmp_path / "du_hop.xlsx"
    main(["--db", str(demo_path), "meetings", "attendance", str(date.year), str(sheet)])
    ws = openpyxl.load_workbook(sheet).active
    headers = [c.value for row in ws.iter_rows() for c in row if c.value]
    assert f"{date:%d/%m} (DT)" in headers
    assert any("(DT): biên bản còn là dự thảo" in str(h) for h in headers)
