"""Every document written as .docx: the HD 36 page, letterhead, fonts, tables and page
numbers, read back with python-docx."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from docx import Document
from docx.oxml.ns import qn

from chibo_desktop.services.cell.identity import get_cell
from chibo_desktop.services.meetings.documents import resolution_text, save_resolution
from chibo_desktop.services.meetings.minutes import get_meeting, list_meetings
from chibo_desktop.services.meetings.printing import export_minutes

from .word_documents import KINDS, regular_meeting, write

FONT = "Times New Roman"


def _fonts_named(element) -> list[str]:
    """Every font name the element's runs and styles give, for each script."""
    names = []
    for fonts in element.iter(qn("w:rFonts")):
        names += [fonts.get(qn(a)) for a in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")]
        assert fonts.get(qn("w:asciiTheme")) is None  # a theme font would win over the name
    return names


@pytest.mark.parametrize("kind", KINDS)
def test_each_document_is_an_hd36_word_file(demo_db, tmp_path, today, kind):
    path = write(demo_db, kind, tmp_path / f"{kind}.docx", today)
    doc = Document(str(path))
    section = doc.sections[0]
    landscape = kind in ("members", "assessment", "meetings")  # wide tables, as the PDF
    size = (round(section.page_width.mm), round(section.page_height.mm))
    assert size == ((297, 210) if landscape else (210, 297))
    margins = [
        round(m.mm, 1)
        for m in (
            section.top_margin,
            section.bottom_margin,
            section.left_margin,
            section.right_margin,
        )
    ]
    assert margins == [20, 20, 30, 15]

    cell = get_cell(demo_db)
    head = doc.tables[0]
    left, right = (c.text for c in head.rows[0].cells)
    assert cell.party_committee.upper() in left and cell.name.upper() in left
    assert "*" in left
    party = next(r for p in head.rows[0].cells[1].paragraphs for r in p.runs if r.text)
    assert party.text == "ĐẢNG CỘNG SẢN VIỆT NAM" and party.bold and party.underline
    date_runs = [r for r in head.rows[0].cells[1].paragraphs[1].runs if r.text]
    assert all(r.italic for r in date_runs) and "ngày" in right
    borders = head._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}  # an invisible layout table

    styles = doc.styles.element
    named = set(_fonts_named(styles)) | set(_fonts_named(doc.element.body))
    assert named == {FONT}
    for p in doc.paragraphs:
        for r in p.runs:
            if r.text:
                assert r.font.name == FONT

    # page numbers from page 2: a PAGE field in the header, none on the first page
    assert section.different_first_page_header_footer
    fields = "".join(t.text for t in section.header._element.iter(qn("w:instrText")))
    assert fields.strip() == "PAGE"
    first = "".join(t.text for t in section.first_page_header._element.iter(qn("w:instrText")))
    assert first == ""

    data_tables = [t for t in doc.tables if t.style is not None and t.style.name == "Table Grid"]
    if kind not in ("minutes", "notice"):
        assert data_tables, "a real Word table"
    for table in data_tables:
        first_row = table.rows[0]._tr
        assert first_row.trPr.find(qn("w:tblHeader")) is not None  # repeats on each page
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)

    # the signature block and, for what goes upward, "Nơi nhận"
    text = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    if kind not in ("minutes", "blank", "self_review"):
        assert "T/M CHI BỘ" in text and "Nơi nhận:" in text
    else:
        assert "(Ký, ghi rõ họ tên)" in text


def _body(path) -> str:
    doc = Document(str(path))
    return "\n".join(p.text for p in doc.paragraphs)


def test_resolution_number_title_tasks_and_vote(demo_db, tmp_path, today):
    meeting_id = regular_meeting(demo_db)
    meeting = get_meeting(demo_db, meeting_id)
    first = write(demo_db, "resolution", tmp_path / "nq.docx", today)
    doc = Document(str(first))
    left = doc.tables[0].rows[0].cells[0].text
    assert "Số 01-NQ/CB" in left
    body = _body(first)
    assert "NGHỊ QUYẾT" in body and "CHI BỘ QUYẾT NGHỊ:" in body
    assert "III. TỔ CHỨC THỰC HIỆN" in body
    vote = next(r for r in meeting.resolutions if "nhiệm vụ" in r.text.lower())
    assert f"Tán thành: {vote.votes_for}/" in body  # the minutes' own numbers
    # printing it again keeps its number; another meeting's resolution takes the next one
    again = write(demo_db, "resolution", tmp_path / "nq2.docx", today)
    assert "Số 01-NQ/CB" in Document(str(again)).tables[0].rows[0].cells[0].text


def test_edited_resolution_prints_as_typed_never_as_markup(demo_db, tmp_path, today):
    meeting_id = regular_meeting(demo_db)
    text, edited = resolution_text(demo_db, meeting_id)
    assert not edited and text.tasks, "drafted from the minutes' tasks"
    hostile = "<b>x</b> &amp; {0} \\n %s"
    text.review = hostile
    text.tasks[0].who = "Đồng chí Bí thư"
    text.tasks[0].due = "trước ngày 20/04/2026"
    text.number = "07-NQ/CB"
    save_resolution(demo_db, meeting_id, text)
    path = write(demo_db, "resolution", tmp_path / "nq.docx", today)
    doc = Document(str(path))
    assert hostile in _body(path)
    assert "Số 07-NQ/CB" in doc.tables[0].rows[0].cells[0].text
    tasks = doc.tables[1]
    assert [c.text for c in tasks.rows[0].cells] == [
        "STT",
        "Nhiệm vụ",
        "Người thực hiện",
        "Thời hạn",
    ]
    assert [c.text for c in tasks.rows[1].cells][2:] == [
        "Đồng chí Bí thư",
        "trước ngày 20/04/2026",
    ]
    assert resolution_text(demo_db, meeting_id)[1]


def test_notice_plain_text_and_number_of_the_year(demo_db, tmp_path, today):
    meeting_id = regular_meeting(demo_db)
    meeting = get_meeting(demo_db, meeting_id)
    path = write(demo_db, "notice", tmp_path / "tb.txt", today)
    body = path.read_text(encoding="utf-8")
    assert "Số 01-TB/CB" in body and "THÔNG BÁO" in body
    assert "Sổ tay đảng viên điện tử" in body
    assert meeting.place in body
    for document in meeting.documents:
        assert document in body
    assert "- Các đồng chí đảng viên trong chi bộ," in body
    # dated before the meeting it announces
    assert f"{meeting.date - dt.timedelta(days=1):%d} tháng" in body


def test_a_failed_write_leaves_the_old_file(demo_db, tmp_path, today, monkeypatch):
    from chibo_desktop.interop.docx import layout

    target = tmp_path / "bb.docx"
    target.write_bytes(b"old")

    def broken(self, path):
        raise OSError("disk full")

    monkeypatch.setattr(type(Document()), "save", broken)
    with pytest.raises(OSError):
        write(demo_db, "minutes", target, today)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".docx"] == ["bb.docx"]
    assert layout.FONT == FONT


def test_cli_writes_word_documents(demo_path, tmp_path):
    def chibo(*args):
        return subprocess.run(
            [sys.executable, "-m", "chibo_desktop", "--db", str(demo_path), *args],
            capture_output=True,
            text=True,
        )

    for args in (
        ("meetings", "print", "1", str(tmp_path / "probe.docx")),
        ("meetings", "print", "1", str(tmp_path / "blank.docx"), "--blank"),
        ("members", "export", str(tmp_path / "ds.docx")),
        ("report", "situation", str(tmp_path / "bc.docx")),
        ("meetings", "resolution", "1", str(tmp_path / "nq.pdf")),
        ("meetings", "resolution", "1", str(tmp_path / "nq.docx")),
        ("meetings", "notice", "1", str(tmp_path / "tb.txt")),
        ("meetings", "notice", "1", str(tmp_path / "tb.docx")),
    ):
        result = chibo(*args)
        assert result.returncode == 0, (args, result.stderr)
        assert (tmp_path / args[-1 if args[-1] != "--blank" else -2]).stat().st_size > 0
    assert chibo("meetings", "notice", "1", str(tmp_path / "tb.odt")).returncode != 0


def test_draft_minutes_say_so_on_every_page(demo_db, tmp_path):
    draft = next(r["id"] for r in list_meetings(demo_db) if r["status"] != "final")
    final = regular_meeting(demo_db)
    marks = []
    for meeting_id in (draft, final):
        doc = Document(str(export_minutes(demo_db, meeting_id, tmp_path / f"{meeting_id}.docx")))
        section = doc.sections[0]
        marks.append(
            [
                "DỰ THẢO" in "".join(p.text for p in header.paragraphs)
                for header in (section.first_page_header, section.header)
            ]
        )
    assert marks == [[True, True], [False, False]]
