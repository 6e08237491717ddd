"""Every validation rule of the member record, through the service that stores it."""

import datetime as dt

import pytest

from chibo_desktop.domain.members import Member, normalized, validate
from chibo_desktop.domain.status import StatusChange
from chibo_desktop.errors import ValidationError
from chibo_desktop.services.members import register as svc

TODAY = dt.date(2026, 3, 15)


def member(**kw) -> Member:
    base = {
        "full_name": "Nguyễn Văn An",
        "gender": "Nam",
        "birth_date": "1970-05-02",
        "join_date": "2000-01-10",
        "official_date": "2001-01-10",
    }
    return Member(**{**base, **kw})


def problems(**kw) -> dict[str, str]:
    return {p.field: p.message for p in validate(normalized(member(**kw)), TODAY)}


def test_a_good_record_has_no_problem():
    assert problems() == {}


def test_name_is_required():
    assert problems(full_name="   ")["full_name"] == "Chưa nhập họ và tên."


@pytest.mark.parametrize("name", ["Nguyễn Văn 3", "An@Bình", "Trần_Văn", "-An"])
def test_name_must_be_letters_spaces_apostrophe_hyphen(name):
    assert "chỉ được gồm chữ cái" in problems(full_name=name)["full_name"]


@pytest.mark.parametrize("name", ["Hoàng Thị Lan-Anh", "Ksor H'Nhi", "Đặng Thị Hằng"])
def test_plausible_names_pass(name):
    assert "full_name" not in problems(full_name=name)


def test_name_at_most_100_characters():
    assert "full_name" not in problems(full_name="A" * 100)
    assert "dài quá 100" in problems(full_name="A" * 101)["full_name"]


def test_name_is_nfc_with_inner_spaces_collapsed():
    decomposed = "Nguye\u0302\u0303n   Va\u0306n  An "
    assert normalized(member(full_name=decomposed)).full_name == "Nguyễn Văn An"


def test_dates_must_be_real():
    assert "không phải là ngày có thật" in problems(birth_date="1970-02-31")["birth_date"]
    assert "không phải là ngày có thật" in problems(join_date="31/02/2000")["join_date"]


def test_dates_not_in_the_future():
    assert "ở tương lai" in problems(official_date="2026-03-16")["official_date"]
    assert "official_date" not in problems(official_date="2026-03-15", join_date="2025-03-14")


def test_joined_at_eighteen_or_older():
    assert (
        "chưa đủ 18 tuổi" in problems(birth_date="1982-01-11", join_date="2000-01-10")["join_date"]
    )
    assert "join_date" not in problems(birth_date="1982-01-10", join_date="2000-01-10")


def test_official_date_after_joined_date():
    assert "phải sau ngày vào Đảng" in problems(official_date="2000-01-10")["official_date"]
    assert "phải sau ngày vào Đảng" in problems(official_date="1999-12-31")["official_date"]


def test_official_date_needs_a_join_date():
    assert "chưa có ngày vào Đảng" in problems(join_date=None)["join_date"]


def test_file_number_digits_then_letters():
    assert "file_number" not in problems(file_number="12345HN")
    assert "Số lý lịch" in problems(file_number="HN12345")["file_number"]
    assert "Số lý lịch" in problems(file_number="12345ABCD")["file_number"]


def test_gender_is_nam_or_nu():
    assert "gender" in problems(gender="Male")


def test_card_number_unique_across_members(db):
    first = svc.save_member(db, member(card_number="01234567"), today=TODAY).value
    with pytest.raises(ValidationError) as info:
        svc.save_member(db, member(full_name="Trần Văn Bình", card_number="01234567"), today=TODAY)
    assert info.value.for_field("card_number")
    # Saving the owner again with its own number is fine.
    again = svc.get_member(db, first).member
    again.phone = "0900000000"
    svc.save_member(db, again, today=TODAY)


def test_closed_lists_take_their_own_spelling_and_refuse_others(db):
    member_id = svc.save_member(
        db, member(theory_level="trung cấp", position="phó bí thư"), today=TODAY
    ).value
    stored = svc.get_member(db, member_id).member
    assert (stored.theory_level, stored.position) == ("Trung cấp", "Phó Bí thư")
    with pytest.raises(ValidationError) as info:
        svc.save_member(db, member(full_name="Lê Văn Cường", position="Tổ trưởng"), today=TODAY)
    assert "không có trong danh mục" in info.value.for_field("position")[0]


def test_open_lists_accept_other_text(db):
    member_id = svc.save_member(db, member(ethnicity="Kinh (Việt)"), today=TODAY).value
    assert svc.get_member(db, member_id).member.ethnicity == "Kinh (Việt)"


def test_every_problem_is_reported_at_once(db):
    with pytest.raises(ValidationError) as info:
        svc.save_member(
            db,
            member(full_name="", birth_date="2020-01-01", file_number="x"),
            first_status=StatusChange("admitted", dt.date(2000, 1, 10)),
            today=TODAY,
        )
    fields = {p.field for p in info.value.problems}
    assert {"full_name", "join_date", "file_number"} <= fields
    assert svc.list_members(db, include_left=True) == []
