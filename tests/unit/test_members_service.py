import datetime as dt

import pytest

from chibo_desktop.domain.members import Member
from chibo_desktop.domain.status import StatusChange
from chibo_desktop.errors import ChiboError, ValidationError
from chibo_desktop.services.members import register as svc
from chibo_desktop.storage import changelog

TODAY = dt.date(2026, 3, 15)


def new(name="Nguyễn Văn An", **kw) -> Member:
    base = {
        "gender": "Nam",
        "birth_date": "1970-05-02",
        "join_date": "2000-01-10",
        "official_date": "2001-01-10",
    }
    return Member(full_name=name, **{**base, **kw})


def add(db, member: Member, kind="admitted", date="2000-01-10") -> int:
    return svc.save_member(
        db, member, first_status=StatusChange(kind, dt.date.fromisoformat(date)), today=TODAY
    ).value


def test_save_normalises_and_derives_state(db):
    member_id = add(
        db, new("  Nguye\u0302\u0303n   Văn An "), kind="transfer_in", date="2010-01-01"
    )
    detail = svc.get_member(db, member_id)
    assert detail.member.full_name == "Nguyễn Văn An"
    assert detail.state.code == "chinh_thuc"
    assert svc.list_members(db)[0]["status"] == "chinh_thuc"


def test_card_number_is_unique(db):
    add(db, new(card_number="01234567"))
    with pytest.raises(ValidationError, match="đã được dùng cho đảng viên Nguyễn Văn An"):
        add(db, new("Trần Văn Bình", card_number="01234567"))


def test_transfer_out_leaves_the_active_list_but_keeps_the_record(db):
    member_id = add(db, new())
    svc.add_status_change(
        db, member_id, StatusChange("transfer_out", dt.date(2026, 1, 5)), today=TODAY
    )
    assert svc.list_members(db) == []
    assert [r["status"] for r in svc.list_members(db, include_left=True)] == ["transfer_out"]


def test_status_change_cannot_go_back_in_time(db):
    member_id = add(db, new())
    svc.add_status_change(db, member_id, StatusChange("exempt", dt.date(2025, 6, 1)), today=TODAY)
    with pytest.raises(ChiboError, match="không được trước"):
        svc.add_status_change(
            db, member_id, StatusChange("resumed", dt.date(2025, 5, 1)), today=TODAY
        )


def test_failed_status_change_writes_nothing(db):
    member_id = add(db, new())
    before = len(changelog.entries(db))
    with pytest.raises(ChiboError):
        svc.add_status_change(
            db, member_id, StatusChange("admitted", dt.date(2025, 5, 1)), today=TODAY
        )
    assert len(changelog.entries(db)) == before
    assert len(svc.get_member(db, member_id).history) == 1


def test_edits_are_logged_field_by_field(db):
    member_id = add(db, new())
    member = svc.get_member(db, member_id).member
    member.phone = "0912345678"
    svc.save_member(db, member, today=TODAY)
    entry = changelog.entries(db, "member", member_id)[-1]
    assert (entry["field"], entry["old"], entry["new"]) == ("phone", "", "0912345678")


def test_sql_text_is_stored_verbatim(db):
    note = "'); DROP TABLE members;--"
    member_id = add(db, new(notes=note))
    assert svc.get_member(db, member_id).member.notes == note
    assert "members" in db.table_names()


def test_search_ignores_diacritics(db):
    add(db, new("Đặng Thị Hằng", gender="Nữ"))
    add(db, new("Nguyễn Văn Nam"))
    names = {svc.get_member(db, i).member.full_name for i in svc.search(db, "dang hang")}
    assert names == {"Đặng Thị Hằng"}
    assert len(svc.search(db, "nguyen van")) == 1
