"""Diacritic-insensitive search (đ/Đ included) and the Vietnamese order of names."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from chibo_desktop.domain.members import Member
from chibo_desktop.domain.status import StatusChange
from chibo_desktop.domain.text import fold, name_sort_key, name_sort_string
from chibo_desktop.rules.choices import load_choices, member_choices
from chibo_desktop.services.members import register as svc

TODAY = dt.date(2026, 3, 15)


def test_fold_maps_d_stroke_and_removes_marks():
    assert fold("Đặng") == "dang"
    assert fold("đỗ ĐỨC") == "do duc"
    assert fold("Nguyễn  Văn") == "nguyen van"
    assert fold("Nguye\u0302\u0303n") == "nguyen"  # decomposed input too


def test_service_search_finds_with_or_without_marks(db):
    names = ["Đặng Thị Hằng", "Đỗ Văn Đức", "Nguyễn Văn An", "Dương Thị Dung"]
    for index, name in enumerate(names):
        svc.save_member(
            db,
            Member(full_name=name, card_number=f"0900{index}"),
            first_status=StatusChange("transfer_in", dt.date(2020, 1, 1)),
            today=TODAY,
        )

    def found(text):
        return sorted(svc.get_member(db, i).member.full_name for i in svc.search(db, text))

    assert found("dang") == ["Đặng Thị Hằng"]
    assert found("ĐẶNG") == ["Đặng Thị Hằng"]
    assert found("duc") == ["Đỗ Văn Đức"]
    assert found("d") == ["Dương Thị Dung", "Đặng Thị Hằng", "Đỗ Văn Đức"]
    assert found("nguyen van") == ["Nguyễn Văn An"]
    assert found("van nguyen") == ["Nguyễn Văn An"]
    assert found("09002") == ["Nguyễn Văn An"]
    assert found("xyz") == []


def test_names_sort_by_given_then_middle_then_family():
    names = ["Trần Văn Bình", "Nguyễn Văn An", "Lê Thị An", "Phạm Văn Đạt", "Đỗ Văn Dũng"]
    assert sorted(names, key=name_sort_key) == [
        "Lê Thị An",
        "Nguyễn Văn An",
        "Trần Văn Bình",
        "Đỗ Văn Dũng",
        "Phạm Văn Đạt",
    ]


def test_vietnamese_alphabet_not_code_points():
    given_names = ["Ánh", "Ân", "Ăn", "An", "Đào", "Dung", "Ơn", "Ông", "Ước", "Uyên", "Yến", "Zô"]
    ordered = sorted((f"Lê Văn {n}" for n in given_names), key=name_sort_key)
    assert [n.split()[-1] for n in ordered] == [
        "An", "Ánh", "Ăn", "Ân", "Dung", "Đào", "Ông", "Ơn", "Uyên", "Ước", "Yến", "Zô",
    ]  # fmt: skip


def test_tone_marks_only_break_ties():
    assert sorted(["Lê Bá", "Lê Ba", "Lê Bả", "Lê Bà", "Lê Bạ", "Lê Bã"], key=name_sort_key) == [
        "Lê Ba", "Lê Bà", "Lê Bá", "Lê Bả", "Lê Bã", "Lê Bạ",
    ]  # fmt: skip
    # A tone never outranks a letter: Hải sorts between Hai and Hao.
    assert sorted(["Lê Hao", "Lê Hải", "Lê Hai"], key=name_sort_key) == [
        "Lê Hai",
        "Lê Hải",
        "Lê Hao",
    ]


VIET = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
WORD = st.text(alphabet=VIET + VIET.upper() + "fjwz'-", min_size=1, max_size=6)


@given(st.lists(st.lists(WORD, min_size=1, max_size=4).map(" ".join), min_size=2, max_size=8))
def test_the_fast_sort_string_orders_like_the_key(names):
    by_key = sorted(names, key=lambda n: (name_sort_key(n), n))
    by_string = sorted(names, key=lambda n: (name_sort_string(n), n))
    assert [name_sort_key(n) for n in by_key] == [name_sort_key(n) for n in by_string]


def test_choice_lists_from_rule_data():
    choices = member_choices()
    ethnicity = choices["ethnicity"]
    assert len(ethnicity.values) == 54 and len(set(ethnicity.values)) == 54
    assert ethnicity.values[0] == "Kinh" and "Ơ Đu" in ethnicity.values
    assert not ethnicity.exhaustive and ethnicity.accepts("Kinh (Việt)")
    assert "Quyết định 121-TCTK" in ethnicity.source and ethnicity.valid_from
    theory = choices["theory_level"]
    assert theory.values == ("Sơ cấp", "Trung cấp", "Cao cấp", "Cử nhân")
    assert theory.exhaustive and not theory.accepts("Tiến sĩ") and theory.accepts("")
    assert "Chi ủy viên" in choices["position"].values
    assert "Không" in choices["religion"].values


def test_a_broken_choice_file_names_the_problem(tmp_path):
    import pytest

    from chibo_desktop.rules.loader import RuleFileError, rules_path

    text = rules_path("member_choices.toml").read_text(encoding="utf-8")
    bad = tmp_path / "member_choices.toml"
    bad.write_text(text.replace("exhaustive = true", 'exhaustive = "có"', 1), encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"member_choices\.toml, dòng"):
        load_choices(bad)
    bad.write_text(text.replace('"Kinh", "Tày"', '"Kinh", "Kinh"'), encoding="utf-8")
    with pytest.raises(RuleFileError, match="trùng"):
        load_choices(bad)


def test_list_ages_are_the_facts_of_each_record(demo_db):
    """The list works ages out when they are first read; they are the record's facts."""
    from chibo_desktop.domain import facts
    from chibo_desktop.services.members.listing import member_list

    today = dt.date(2026, 3, 15)
    listed = member_list(demo_db, today=today, all_columns=True)
    assert len(listed) > 20
    for item in listed:
        member = item.member
        assert item.age == facts.age(member.birth_date, today), member.full_name
        party_age = facts.party_age(member.join_date, today)
        expected = party_age if party_age is None or party_age >= 0 else None
        assert item.party_age == expected, member.full_name
    # A day before a birthday and on it; a partial date; a joining date after today.
    demo_db.execute("UPDATE members SET birth_date = '1980-03-16', join_date = '2027-01-01'")
    first = member_list(demo_db, today=today)[0]
    assert (first.age, first.party_age) == (45, None)
    demo_db.execute("UPDATE members SET birth_date = '1980-03-15', join_date = '2006'")
    first = member_list(demo_db, today=today)[0]
    assert (first.age, first.party_age) == (46, 20)
