"""Meetings stored in a real SQLite file: templates, drafts, finalise/reopen, search."""

import dataclasses
import datetime as dt

import pytest

from chibo_desktop.domain.meetings import Discussion, Resolution
from chibo_desktop.domain.members import Member
from chibo_desktop.domain.status import StatusChange
from chibo_desktop.errors import ChiboError
from chibo_desktop.services.meetings import minutes as svc
from chibo_desktop.services.meetings import phrases
from chibo_desktop.services.members.register import add_status_change, save_member

TODAY = dt.date(2026, 3, 15)


def add(db, name, kind="transfer_in", date="2010-01-01", official="2001-01-10", **kw) -> int:
    member = Member(
        full_name=name,
        gender="Nam",
        birth_date="1970-05-02",
        join_date="2000-01-10",
        official_date=official,
        **kw,
    )
    return save_member(
        db, member, first_status=StatusChange(kind, dt.date.fromisoformat(date)), today=TODAY
    ).value


@pytest.fixture
def cell(db):
    ids = {
        "an": add(db, "Nguyễn Văn An", position="Bí thư"),
        "lan": add(db, "Phạm Thị Lan", position="Chi ủy viên"),
        "hanh": add(db, "Trần Thị Hạnh"),
        "son": add(db, "Lê Văn Sơn"),
        "dang": add(db, "Đặng Minh Đức"),
        "du_bi": add(db, "Hoàng Thu Hà", kind="admitted", date="2025-09-01", official=None),
        "exempt": add(db, "Vũ Văn Cường"),
        "away": add(db, "Ngô Văn Dũng"),
        "late": add(db, "Bùi Văn Đạt", date="2026-02-01"),
    }
    add_status_change(db, ids["exempt"], StatusChange("exempt", dt.date(2025, 6, 1)), today=TODAY)
    add_status_change(db, ids["away"], StatusChange("temp_out", dt.date(2025, 7, 1)), today=TODAY)
    return ids


def test_new_meeting_follows_template_and_register(db, cell):
    meeting_id = svc.create_meeting(db, dt.date(2026, 3, 5)).value
    m = svc.get_meeting(db, meeting_id)
    assert m.title == "Sinh hoạt chi bộ thường kỳ tháng 3 năm 2026"
    assert [i.title for i in m.agenda][2] == (
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
    )
    assert (m.chair_name, m.secretary_name) == ("Nguyễn Văn An", "Phạm Thị Lan")
    states = {a.name: a.state for a in m.attendance}
    assert states["Vũ Văn Cường"] == "exempt"
    assert states["Ngô Văn Dũng"] == "away"
    assert states["Bùi Văn Đạt"] == "present"
    counts = svc.attendance_summary(db, meeting_id).counts
    assert (counts.total, counts.total_official, counts.total_probationary) == (9, 8, 1)
    assert counts.voting_base == 6  # 8 official - exempt - away
    assert counts.threshold == 4


def test_member_transferred_in_mid_year_appears_only_from_then(db, cell):
    january = svc.get_meeting(db, svc.create_meeting(db, dt.date(2026, 1, 5)).value)
    march = svc.get_meeting(db, svc.create_meeting(db, dt.date(2026, 3, 5)).value)
    assert "Bùi Văn Đạt" not in [a.name for a in january.attendance]
    assert "Bùi Văn Đạt" in [a.name for a in march.attendance]


def test_attendance_table_is_the_shared_interface(db, cell):
    meeting_id = svc.create_meeting(db, dt.date(2026, 3, 5)).value
    m = svc.get_meeting(db, meeting_id)
    for a in m.attendance:
        if a.member_id == cell["hanh"]:
            a.state, a.reason = "excused", "Ốm"
        if a.member_id == cell["son"]:
            a.state = "absent"
    svc.save_draft(db, m)
    rows = {
        r["member_id"]: (r["state"], r["reason"])
        for r in db.query(
            "SELECT member_id, state, reason FROM attendance WHERE meeting_id = ?", [meeting_id]
        )
    }
    assert rows[cell["hanh"]] == ("excused", "Ốm")
    assert rows[cell["son"]] == ("absent", "")
    assert rows[cell["exempt"]] == ("exempt", "")
    summary = svc.attendance_summary(db, meeting_id)
    assert summary.voting_base == 5
    assert "Có đảng viên vắng không lý do: Lê Văn Sơn." in summary.warnings
    db.execute("DELETE FROM meetings WHERE id = ?", [meeting_id])
    assert db.execute("SELECT count(*) FROM attendance").fetchone()[0] == 0


def test_changing_the_date_keeps_marks_and_follows_the_register(db, cell):
    m = svc.get_meeting(db, svc.create_meeting(db, dt.date(2026, 3, 5)).value)
    for a in m.attendance:
        if a.member_id == cell["hanh"]:
            a.state, a.reason = "excused", "Ốm"
    svc.save_draft(db, dataclasses.replace(m, date=dt.date(2026, 1, 20)))
    again = svc.get_meeting(db, m.id)
    names = {a.name: (a.state, a.reason) for a in again.attendance}
    assert names["Trần Thị Hạnh"] == ("excused", "Ốm")
    assert "Bùi Văn Đạt" not in names


def test_finalise_locks_and_reopen_records_who_and_when(db, cell, monkeypatch):
    monkeypatch.setattr(svc, "current_user", lambda: "bithu")
    meeting_id = svc.create_meeting(db, dt.date(2026, 3, 5)).value
    svc.finalise(db, meeting_id)
    m = svc.get_meeting(db, meeting_id)
    assert m.final
    with pytest.raises(ChiboError, match="Mở lại"):
        svc.save_draft(db, dataclasses.replace(m, place="Hội trường"))
    with pytest.raises(ChiboError, match="không xóa được"):
        svc.delete_meeting(db, meeting_id)
    svc.reopen(db, meeting_id)
    m = svc.get_meeting(db, meeting_id)
    assert not m.final
    assert [(e.action, e.user) for e in m.events] == [("finalise", "bithu"), ("reopen", "bithu")]
    assert all(e.at.startswith(str(dt.date.today().year)) for e in m.events)
    svc.save_draft(db, dataclasses.replace(m, place="Hội trường"))
    assert svc.get_meeting(db, meeting_id).place == "Hội trường"


def test_finalise_needs_chair_and_secretary(db, cell):
    meeting_id = svc.create_meeting(db, dt.date(2026, 3, 5), secretary_name="").value
    with pytest.raises(ChiboError, match="thư ký"):
        svc.finalise(db, meeting_id)


def test_search_ignores_diacritics(db, cell):
    m = svc.get_meeting(db, svc.create_meeting(db, dt.date(2026, 3, 5)).value)
    m.discussions = [Discussion("Đặng Quý Khoa", "Đề nghị sửa đường ống thoát nước", None)]
    m.resolutions = [Resolution("Thông qua kế hoạch dọn vệ sinh", 5, 0, 0)]
    svc.save_draft(db, m)
    other = svc.create_meeting(db, dt.date(2026, 2, 5)).value
    assert svc.search_meetings(db, "dang quy khoa") == [m.id]
    assert svc.search_meetings(db, "ống thoát") == [m.id]
    assert svc.search_meetings(db, "hoach don ve sinh") == [m.id]
    assert set(svc.search_meetings(db, "thuong ky")) == {m.id, other}
    assert svc.search_meetings(db, "") == []
    assert svc.search_meetings(db, 'khong"co') == []


def test_lists_and_periods(db, cell):
    for date in ("2025-12-05", "2026-01-05", "2026-03-05"):
        svc.create_meeting(db, dt.date.fromisoformat(date))
    assert [r["date"] for r in svc.list_meetings(db)] == ["2026-03-05", "2026-01-05", "2025-12-05"]
    assert [r["date"] for r in svc.list_meetings(db, 2026)] == ["2026-03-05", "2026-01-05"]
    period = svc.meetings_in_period(db, dt.date(2025, 12, 1), dt.date(2026, 1, 31))
    assert [r["date"] for r in period] == ["2026-01-05", "2025-12-05"]
    row = period[0]
    assert row["kinds"] == ["thuong_ky"] and row["status"] == "draft"
    assert row["title"] == row["summary"] == "Sinh hoạt chi bộ thường kỳ tháng 1 năm 2026"


def test_combined_meeting_and_unknown_kind(db, cell):
    meeting_id = svc.create_meeting(
        db, dt.date(2026, 3, 5), ("thuong_ky", "chuyen_de"), topic="Tự soi, tự sửa"
    ).value
    m = svc.get_meeting(db, meeting_id)
    assert m.kinds == ("thuong_ky", "chuyen_de")
    assert "Báo cáo chuyên đề" in [i.title for i in m.agenda]
    with pytest.raises(ChiboError, match="không hợp lệ"):
        svc.create_meeting(db, dt.date(2026, 3, 5), ("hop_mat",))


def test_stock_phrases_are_offered_most_used_first(db):
    phrases.save_phrase(db, "conclusion", "Chi bộ thống nhất.")
    phrases.save_phrase(db, "conclusion", "Giao chi ủy theo dõi.")
    phrases.save_phrase(db, "conclusion", "Giao chi ủy theo dõi.")

    def own():
        return [p.text for p in phrases.stock_phrases(db, "conclusion") if not p.parts][:2]

    assert own() == ["Giao chi ủy theo dõi.", "Chi bộ thống nhất."]
    phrases.remove_phrase(db, "conclusion", "Chi bộ thống nhất.")
    assert own()[0] == "Giao chi ủy theo dõi." and "Chi bộ thống nhất." not in own()
    with pytest.raises(ChiboError):
        phrases.save_phrase(db, "conclusion", "   ")


def test_built_in_phrases_are_offered_for_the_agenda_part_they_suit(db):
    offered = phrases.stock_phrases(db, "content")
    dues = [p.text for p in offered if p.suits("Thu đảng phí tháng 3")]
    assert any("đảng phí" in text for text in dues)
    assert not any("đảng phí" in p.text for p in offered if p.suits("Học tập và làm theo Bác"))
    assert any("chủ trì kết luận" in p.text for p in phrases.stock_phrases(db, "conclusion"))


def test_text_is_cleaned_before_storing(db, cell):
    m = svc.get_meeting(db, svc.create_meeting(db, dt.date(2026, 3, 5)).value)
    m.place = "  Nha\u0300 văn hóa\x07 "
    svc.save_draft(db, m)
    assert svc.get_meeting(db, m.id).place == "Nhà văn hóa"


def test_demo_has_a_year_of_meetings(demo_db):
    rows = svc.list_meetings(demo_db)
    assert len(rows) >= 14
    assert any(r["date"].startswith("2026") for r in rows)
    assert sum("chuyen_de" in r["kinds"] for r in rows) == 2
    assert {r["status"] for r in rows} == {"draft", "final"}
    m = svc.get_meeting(demo_db, rows[1]["id"])
    assert m.discussions and m.resolutions
    assert any(
        a.state == "excused" for r in rows for a in svc.get_meeting(demo_db, r["id"]).attendance
    )


def test_regular_meeting_follows_hd09(db, cell):
    """Opens with dues, the member situation, the programme and the minute-taker; has the
    item on members' and the people's opinions (Hướng dẫn 09-HD/BTCTW)."""
    meeting = svc.new_meeting(db, dt.date(2026, 3, 5))
    assert meeting.opening.startswith("Mở đầu: thu nộp đảng phí hàng tháng của đảng viên; ")
    for part in ("số đảng viên vắng mặt và lý do vắng", "Thông qua chương trình", "Cử thư ký"):
        assert part.lower() in meeting.opening.lower()
    titles = [item.title for item in meeting.agenda]
    assert titles[0] == "Thông tin thời sự, văn bản cấp trên"
    opinions = next(t for t in titles if t.startswith("Thông báo ý kiến của đảng viên, quần chúng"))
    assert opinions.endswith("(nếu có)")
    thematic = svc.new_meeting(db, dt.date(2026, 3, 5), ("chuyen_de",))
    assert not thematic.opening.startswith("Mở đầu")
