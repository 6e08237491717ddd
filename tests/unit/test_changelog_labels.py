"""The change log reads as the forms do: field labels, dd/mm/yyyy dates, names without the
register's internal numbers."""

import datetime as dt

from chibo_desktop.domain.members import Member
from chibo_desktop.domain.status import StatusChange
from chibo_desktop.services.members import register as member_svc
from chibo_desktop.services.members.changelog import list_changes

TODAY = dt.date(2026, 3, 15)


def test_fields_dates_and_kinds_are_shown_as_the_forms_show_them(db):
    member_id = member_svc.save_member(
        db,
        Member(full_name="Nguyễn Văn An", birth_date="1960-05-03", join_date="1985-08-20"),
        first_status=StatusChange("admitted", dt.date(1985, 8, 20)),
        today=TODAY,
    ).value
    member = member_svc.get_member(db, member_id).member
    member.join_date = "1985-08-21"
    member.armed_forces = True
    member_svc.save_member(db, member, today=TODAY)
    shown = {(e.field, e.old, e.new) for e in list_changes(db)}
    assert ("Ngày vào Đảng", "20/08/1985", "21/08/1985") in shown
    assert ("Quân đội / nghỉ hưu", "không", "có") in shown
    assert any(field == "Kết nạp (đảng viên dự bị)" for field, _old, _new in shown)
    assert not [field for field, _old, _new in shown if "_" in field], shown  # no internal keys
    labels = {e.record_label for e in list_changes(db) if e.entity == "member"}
    assert labels == {"Nguyễn Văn An"}
