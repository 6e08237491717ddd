"""Long free text never stops a document from printing: the cell is cut with a reference
and the full text is printed in an appendix."""

import dataclasses
import datetime as dt
import shutil

import pytest

from chibo_desktop.cli import main
from chibo_desktop.domain.members import Member
from chibo_desktop.domain.status import StatusChange
from chibo_desktop.services.contract.results import run_to_end
from chibo_desktop.services.members.exports import export_members
from chibo_desktop.services.members.register import (
    add_status_change,
    get_member,
    list_members,
    save_member,
)
from chibo_desktop.services.reports.catalog import build_report
from tests.unit.test_meetings_print import pages, plain

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

TODAY = dt.date(2026, 3, 15)
SENTENCE = "Đồng chí tham gia công tác mặt trận, hội cựu chiến binh và tổ hòa giải ở cơ sở. "


def _note(length: int) -> str:
    return (SENTENCE * (length // len(SENTENCE) + 1))[:length].strip() + " HẾT."


def flowing(path) -> str:
    """The document's words in order, without the page numbers."""
    kept = [line for page in pages(path) for line in page.splitlines()]
    return " ".join(" ".join(line for line in kept if not line.strip().isdigit()).split())


def _set_notes(db, member_id: int, notes: str) -> None:
    member = get_member(db, member_id).member
    save_member(db, dataclasses.replace(member, notes=notes), today=TODAY)


@pytest.mark.parametrize("length", [700, 5000])
def test_member_list_with_a_long_note_prints(demo_db, demo_path, tmp_path, length):
    full = _note(length)
    _set_notes(demo_db, list_members(demo_db)[3]["id"], full)
    path = tmp_path / "ds.pdf"
    run_to_end(export_members(demo_db, path, today=TODAY))
    text = plain(path)
    assert "(xem phụ lục, mục 1)" in text
    assert "PHỤ LỤC Nội dung đầy đủ của các ô được rút gọn trong bảng" in text
    assert " ".join(full.split()) in flowing(path)  # the whole note, in the appendix
    report = tmp_path / "report.pdf"
    assert main(["--db", str(demo_path), "report", "members", str(report)]) == 0
    assert " ".join(full.split()) in flowing(report)


def test_unbroken_text_is_cut_too(demo_db, tmp_path):
    full = "x" * 3000
    _set_notes(demo_db, list_members(demo_db)[0]["id"], full)
    path = tmp_path / "ds.pdf"
    run_to_end(export_members(demo_db, path, today=TODAY))
    assert "(xem phụ lục, mục 1)" in plain(path)


def test_report_with_a_long_note_prints(db, tmp_path):
    member_id = save_member(
        db,
        Member(
            full_name="Trần Văn Bình",
            gender="Nam",
            join_date="2000-01-10",
            official_date="2001-01-10",
        ),
        first_status=StatusChange("transfer_in", dt.date(2010, 1, 1)),
        today=TODAY,
    ).value
    full = _note(4000)
    add_status_change(
        db, member_id, StatusChange("transfer_out", dt.date(2026, 2, 1), note=full), today=TODAY
    )
    path = tmp_path / "tinh_hinh.pdf"
    run_to_end(build_report(db, "situation", dt.date(2026, 1, 1), TODAY, path, TODAY))
    text = plain(path)
    assert "(xem phụ lục, mục 1)" in text
    assert " ".join(full.split()) in flowing(path)
