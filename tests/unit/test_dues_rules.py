"""Party dues computed by the regime in force on each month (QĐ 342 before 01/02/2026,
QĐ 01 from then), rounding, exemptions, reductions, and the amounts refused."""

from __future__ import annotations

import datetime as dt

import pytest

from chibo_desktop.domain.dues import (
    CellDuesOptions,
    DuesBasis,
    Month,
    Relief,
    compute_due,
    round_amount,
)
from chibo_desktop.domain.dues_checks import (
    DuesError,
    check_amount,
    check_membership,
    check_relief,
    month_state,
    parse_amount,
)
from chibo_desktop.rules.dues import dues_rules, load_dues_rules
from chibo_desktop.rules.loader import RuleFileError

JAN, FEB, MAR = Month(2026, 1), Month(2026, 2), Month(2026, 3)
OPTIONS = CellDuesOptions(group_amounts={"qd342:other": 10_000})
JOINED = dt.date(1990, 5, 1)


def due(group, basis=None, month=FEB, *, reliefs=(), joined=JOINED, options=OPTIONS, **kw):
    history = [DuesBasis(1, Month(2020, 1), group, basis, **kw)]
    return compute_due(dues_rules(), month, history, list(reliefs), joined, options)


def test_the_regime_changes_on_1_february_2026():
    rules = dues_rules()
    assert rules.regime_for(JAN).key == "qd342"
    assert rules.regime_for(FEB).key == "qd01"
    assert rules.regime_on(dt.date(2026, 1, 31)).key == "qd342"
    assert "01-QĐ/TW" in rules.regime_for(FEB).title


@pytest.mark.parametrize(
    ("group", "basis", "jan", "feb"),
    [
        ("salary", 9_360_000, 93_600, 93_600),  # 1 % under both
        ("pension", 6_000_000, 30_000, 30_000),  # 0.5 % under both
        ("benefit", 8_000_000, 40_000, 80_000),  # 0.5 % of BHXH pay before, 1 % now
        ("student", None, 10_000, 5_000),  # the cell's amount before, 5,000 đ now
    ],
)
def test_each_group_across_the_boundary(group, basis, jan, feb):
    assert due(group, basis, JAN).amount == jan
    assert due(group, basis, FEB).amount == feb
    assert due(group, basis, FEB).state == "due"


def test_fifty_years_of_party_age_exempts_under_qd01_only():
    joined = dt.date(1975, 6, 10)
    before = due("pension", 6_000_000, JAN, joined=joined)
    after = due("pension", 6_000_000, FEB, joined=joined)
    assert (before.amount, before.state) == (30_000, "due")
    assert (after.amount, after.state) == (0, "exempt")
    assert "50" in after.reason
    # Reached during a later month: owing until that month, exempt from it on.
    late = dt.date(1976, 4, 20)
    assert due("pension", 6_000_000, MAR, joined=late).state == "due"
    assert due("pension", 6_000_000, Month(2026, 4), joined=late).state == "exempt"


def test_an_exempt_member_who_pays_is_flagged_not_owing():
    exempt = due("salary", 9_360_000, joined=dt.date(1970, 1, 1))
    assert month_state(exempt, 0) == "exempt"
    assert month_state(exempt, 93_600) == "extra"


def test_other_members_need_the_cells_amount_and_say_so():
    missing = due("other", None, FEB)
    assert missing.amount is None and missing.state == "unset"
    assert "chưa đặt" in missing.reason
    set_here = CellDuesOptions(group_amounts={"qd01:other": 20_000})
    assert due("other", None, FEB, options=set_here).amount == 20_000
    # A member's own decided amount wins over the cell's.
    assert due("other", 15_000, FEB, options=set_here).amount == 15_000


def test_qd342_halves_the_amount_past_working_age():
    assert due("other", None, JAN, past_working_age=True).amount == 5_000
    assert due("other", None, JAN).amount == 10_000


def test_voluntary_higher_amount():
    assert due("student", None, FEB, voluntary=20_000).amount == 20_000
    assert due("salary", 9_360_000, FEB, voluntary=50_000).amount == 93_600


@pytest.mark.parametrize(
    ("basis", "rate", "dong", "thousand"),
    [
        (9_361_234, 100, 93_612, 94_000),
        (9_361_250, 100, 93_613, 94_000),  # half a đồng rounds up
        (6_001_000, 50, 30_005, 30_000),
        (100, 50, 1, 0),
        (7_100_000, 50, 35_500, 36_000),  # half of a thousand rounds up
    ],
)
def test_rounding_is_to_the_dong_or_to_the_thousand(basis, rate, dong, thousand):
    assert round_amount(basis * rate, "dong") == dong
    assert round_amount(basis * rate, "thousand") == thousand


def test_rounding_follows_the_cells_setting():
    thousands = CellDuesOptions(rounding="thousand")
    assert due("salary", 9_361_234, FEB, options=thousands).amount == 94_000
    assert due("salary", 9_361_234, FEB).amount == 93_612
    assert dues_rules().rounding == "dong"


def test_reductions_apply_in_their_months_and_expire():
    reduce = Relief(1, "reduce", FEB, Month(2026, 4), percent=70, decision="05-QĐ/ĐU")
    inside = due("salary", 9_360_000, MAR, reliefs=[reduce])
    assert (inside.amount, inside.full) == (28_080, 93_600)
    assert "70%" in inside.reason and "05-QĐ/ĐU" in inside.reason
    assert due("salary", 9_360_000, Month(2026, 5), reliefs=[reduce]).amount == 93_600
    assert due("salary", 9_360_000, JAN, reliefs=[reduce]).amount == 93_600


def test_exemption_on_application_and_deferral():
    exempt = Relief(1, "exempt", FEB, Month(2026, 12), reason="Hộ nghèo")
    assert due("salary", 9_360_000, MAR, reliefs=[exempt]).state == "exempt"
    defer = Relief(1, "defer", FEB, Month(2026, 7))
    deferred = due("salary", 9_360_000, MAR, reliefs=[defer])
    assert (deferred.amount, deferred.state) == (93_600, "deferred")
    assert month_state(deferred, 0) == "deferred"
    assert month_state(deferred, 93_600) == "paid"


def test_a_relief_over_twelve_months_or_of_another_percent_is_refused():
    regime = dues_rules().regime_for(FEB)
    check_relief(Relief(1, "reduce", FEB, Month(2027, 1), percent=50), regime)
    with pytest.raises(DuesError, match="tối đa 12 tháng"):
        check_relief(Relief(1, "reduce", FEB, Month(2027, 2), percent=50), regime)
    with pytest.raises(DuesError, match="30, 50, 70"):
        check_relief(Relief(1, "reduce", FEB, MAR, percent=40), regime)
    with pytest.raises(DuesError, match="sau hoặc bằng"):
        check_relief(Relief(1, "exempt", MAR, FEB), regime)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("9.360.000", 9_360_000),
        ("9,360,000", 9_360_000),
        ("9 360 000 đ", 9_360_000),
        ("9360000", 9_360_000),
        ("9.360.000 VND", 9_360_000),
        ("5.000đ", 5_000),
        (6_000_000, 6_000_000),
        (6_000_000.0, 6_000_000),
        ("-5.000", -5_000),
    ],
)
def test_amounts_are_read_in_the_ways_people_write_them(text, amount):
    assert parse_amount(text) == amount


@pytest.mark.parametrize("text", ["9.36 triệu", "9.360.00", "$9,360", "9,5", "abc", "", 93.5])
def test_unreadable_amounts_are_refused(text):
    with pytest.raises(DuesError):
        parse_amount(text)


def test_negative_and_absurd_amounts_are_refused():
    rules = dues_rules()
    assert check_amount(100_000_000, rules, "Số tiền") == 100_000_000
    with pytest.raises(DuesError, match="âm"):
        check_amount(-1, rules, "Số tiền")
    with pytest.raises(DuesError, match="quá lớn"):
        check_amount(100_000_001, rules, "Số tiền")


def test_payments_only_for_months_in_the_cell():
    check_membership(MAR, FEB, None)
    with pytest.raises(DuesError, match="chưa sinh hoạt"):
        check_membership(JAN, FEB, None)
    with pytest.raises(DuesError, match="không còn"):
        check_membership(Month(2026, 4), FEB, MAR)


def test_months():
    assert Month.parse("2026-03") == MAR == Month.parse("03/2026")
    assert Month(2026, 1).previous() == Month(2025, 12)
    assert Month(2025, 12).next() == JAN
    assert JAN.plus(13) == Month(2027, 2)
    assert MAR.last == dt.date(2026, 3, 31)
    with pytest.raises(ValueError):
        Month.parse("2026-13")


def test_a_rule_file_with_a_group_computed_two_ways_is_refused(tmp_path):
    text = (
        'title = "x"\nsource = "x"\nvalid_from = 2026-02-01\n[[regime]]\nkey = "a"\n'
        'title = "a"\nvalid_from = 2026-02-01\n[[regime.group]]\nkey = "g"\nlabel = "g"\n'
        "fixed = 5000\ncell_set = true\n"
    )
    path = tmp_path / "dues.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleFileError, match="đúng một"):
        load_dues_rules(path)
