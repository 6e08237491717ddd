"""The cell's resolution: drafted from the minutes, numbered per year, its tasks reviewed by
the next regular meeting."""

from __future__ import annotations

import datetime as dt

import pytest
from docx import Document
from docx.oxml.ns import qn

from chibo_desktop.domain.meeting_documents import Task, draft_resolution
from chibo_desktop.domain.meetings import AgendaItem, Meeting
from chibo_desktop.errors import ChiboError
from chibo_desktop.services.meetings.documents import (
    export_resolution,
    redraft_resolution,
    resolution_text,
    save_resolution,
)
from chibo_desktop.services.meetings.minutes import list_meetings, new_meeting

from .word_documents import regular_meeting


def test_draft_takes_the_review_and_one_task_per_line():
    meeting = Meeting(
        date=dt.date(2026, 12, 5),
        agenda=[
            AgendaItem("Kiểm điểm, đánh giá việc thực hiện nhiệm vụ tháng trước", "Đã làm tốt."),
            AgendaItem(
                "Phương hướng, nhiệm vụ tháng tới",
                "- Thu đảng phí đúng hạn;\n- Vận động quỹ vì người nghèo.",
                "Giao chi ủy đôn đốc.",
            ),
        ],
    )
    text = draft_resolution(meeting, "Chi bộ Khu phố 3")
    assert text.review == "Đã làm tốt."
    assert [t.text for t in text.tasks] == [
        "Thu đảng phí đúng hạn",
        "Vận động quỹ vì người nghèo",
        "Giao chi ủy đôn đốc",
    ]
    assert {t.due for t in text.tasks} == {"trước ngày 31/01/2027"}  # next month's end
    assert "ngày 05 tháng 12 năm 2026" in text.grounds[-1]


def _regulars(db) -> list[dict]:
    rows = [r for r in list_meetings(db) if "thuong_ky" in r["kinds"]]
    return sorted(rows, key=lambda r: r["date"])


def _number(path) -> str:
    return Document(str(path)).tables[0].rows[0].cells[0].text.split("\n")[-1]


def test_numbers_are_counted_per_year(demo_db, tmp_path):
    meetings = _regulars(demo_db)
    by_year: dict[int, list[int]] = {}
    for row in meetings:
        by_year.setdefault(int(row["date"][:4]), []).append(row["id"])
    year, ids = max(by_year.items(), key=lambda item: len(item[1]))
    first = export_resolution(demo_db, ids[0], tmp_path / "a.docx")
    second = export_resolution(demo_db, ids[1], tmp_path / "b.docx")
    assert (_number(first), _number(second)) == ("Số 01-NQ/CB", "Số 02-NQ/CB")
    assert _number(export_resolution(demo_db, ids[0], tmp_path / "c.docx")) == "Số 01-NQ/CB"
    other = next(i for y, i in by_year.items() if y != year)
    assert _number(export_resolution(demo_db, other[0], tmp_path / "d.docx")) == "Số 01-NQ/CB"


def test_only_a_regular_meeting_has_a_resolution(demo_db, tmp_path):
    other = next(r for r in list_meetings(demo_db) if "thuong_ky" not in r["kinds"])
    with pytest.raises(ChiboError):
        export_resolution(demo_db, other["id"], tmp_path / "x.pdf")


def test_the_next_meeting_reviews_the_tasks_and_edits_can_be_dropped(demo_db, tmp_path):
    meeting_id = regular_meeting(demo_db)
    text, _edited = resolution_text(demo_db, meeting_id)
    text.tasks = [Task("Thăm hỏi gia đình chính sách", "Tổ 2", "30/04/2026")]
    save_resolution(demo_db, meeting_id, text)
    date = next(
        dt.date.fromisoformat(r["date"]) for r in list_meetings(demo_db) if r["id"] == meeting_id
    )
    following = new_meeting(demo_db, date + dt.timedelta(days=28))
    review = next(a for a in following.agenda if "tháng trước" in a.title)
    assert "1) Thăm hỏi gia đình chính sách" in review.content
    redraft_resolution(demo_db, meeting_id)
    assert resolution_text(demo_db, meeting_id)[1] is False


def test_a_very_long_task_may_run_over_a_page(demo_db, tmp_path):
    meeting_id = regular_meeting(demo_db)
    text, _edited = resolution_text(demo_db, meeting_id)
    text.tasks = [Task("Nội dung rất dài. " * 200, "Chi ủy", ""), Task("Ngắn", "Tổ 1", "")]
    save_resolution(demo_db, meeting_id, text)
    table = Document(str(export_resolution(demo_db, meeting_id, tmp_path / "nq.docx"))).tables[1]
    kept = [
        row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
        for row in table.rows
    ]
    assert kept == [True, False, True]  # Word would cut off a row taller than a page
