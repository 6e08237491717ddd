"""QĐ 366: a level needs conditions beside the score. The score band only proposes; a level
the ticked conditions do not support is refused with the reason; the 20 % cap is advice."""

from __future__ import annotations

import pytest

from chibo_desktop.domain.assessment import (
    Assessment,
    quota_warning,
    supported_level,
    tally,
    unmet_conditions,
)
from chibo_desktop.domain.members import Member
from chibo_desktop.errors import ChiboError
from chibo_desktop.rules.assessment import scale_by_key
from chibo_desktop.services.assessments.year_end import member_history, save_assessment

XS = frozenset({"xs_nhiem_vu", "xs_khac_phuc"})
TOT = frozenset({"tot_dung_han"})


@pytest.fixture
def scale():
    return scale_by_key("qd366")


def test_conditions_come_from_the_rule_file_with_their_sources(scale):
    conditions = {c.key: c for c in scale.conditions()}
    assert set(conditions) == XS | TOT
    assert "ít nhất 30% nhiệm vụ hoàn thành vượt mức yêu cầu" in conditions["xs_nhiem_vu"].label
    assert "366-QĐ/TW" in conditions["xs_khac_phuc"].source
    assert not conditions["tot_dung_han"].verified


@pytest.mark.parametrize(
    ("score", "met", "level"),
    [
        (95, XS | TOT, "xuat_sac"),
        (95, XS, "xuat_sac"),
        (95, frozenset({"xs_nhiem_vu"}) | TOT, "tot"),  # one of the two: not xuất sắc
        (95, frozenset(), "hoan_thanh"),
        (89.5, XS | TOT, "tot"),  # the band caps it
        (80, frozenset(), "hoan_thanh"),
        (60, XS | TOT, "hoan_thanh"),
        (49, XS | TOT, "khong_hoan_thanh"),
        (None, XS, None),
    ],
)
def test_the_band_proposes_and_the_conditions_decide(scale, score, met, level):
    assert supported_level(scale, score, met) == level


def test_the_reason_names_the_missing_conditions(scale):
    reason = unmet_conditions(scale, "xuat_sac", frozenset({"xs_nhiem_vu"}))
    assert reason.startswith("Mức “Hoàn thành xuất sắc nhiệm vụ” cần đủ điều kiện")
    assert "khắc phục 100%" in reason and "30%" not in reason
    assert unmet_conditions(scale, "hoan_thanh", frozenset()) is None


def new_member(db) -> int:
    from chibo_desktop.services.members.register import save_member

    return save_member(db, Member(full_name="Nguyễn Văn An", join_date="2010-03-02")).value


def test_an_unsupported_level_is_refused_and_nothing_is_stored(db):
    member = new_member(db)
    for a in (
        Assessment(member, 2025, "qd366", 95, "xuat_sac", conditions=frozenset({"xs_nhiem_vu"})),
        Assessment(member, 2025, "qd366", 85, "hoan_thanh", "tot"),
    ):
        with pytest.raises(ChiboError, match="cần đủ điều kiện"):
            save_assessment(db, a)
    assert member_history(db, member) == []
    with pytest.raises(ChiboError, match="khong_co"):
        save_assessment(db, Assessment(member, 2025, "qd366", 95, conditions={"khong_co"}))


def test_a_supported_level_is_stored_with_its_conditions(db):
    member = new_member(db)
    save_assessment(db, Assessment(member, 2025, "qd366", 95, "xuat_sac", "xuat_sac", None, "", XS))
    # the level decided above is recorded as decided, even without the conditions
    save_assessment(db, Assessment(member, 2024, "qd366", 80, "hoan_thanh", None, "tot"))
    stored = {a.year: a for a in member_history(db, member)}
    assert stored[2025].conditions == XS and stored[2025].proposed_level == "xuat_sac"
    assert stored[2024].final_level == "tot" and stored[2024].conditions == frozenset()


def test_the_twenty_percent_cap_is_advice_at_cell_level(scale):
    assert scale.quota.advisory and "tổ chức cơ sở đảng" in scale.quota.scope
    t = tally(
        scale,
        [("chinh_thuc", "xuat_sac"), ("chinh_thuc", "xuat_sac")] + [("chinh_thuc", "tot")] * 5,
    )
    warning = quota_warning(t, document=True)
    assert warning.startswith("Tham khảo:")
    assert "không tính riêng từng chi bộ" in warning and "(tối đa 1)" in warning
    fine = tally(scale, [("chinh_thuc", "xuat_sac")] + [("chinh_thuc", "tot")] * 5)
    assert quota_warning(fine, document=True) is None
