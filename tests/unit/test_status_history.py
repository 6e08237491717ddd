import datetime as dt

import pytest

from chibo_desktop.domain.status import (
    StatusChange,
    StatusHistoryError,
    derive_state,
    validate_history,
)
from chibo_desktop.rules.statuses import status_rules

RULES = status_rules()


def ch(kind: str, date: str, id: int | None = None) -> StatusChange:
    return StatusChange(kind, dt.date.fromisoformat(date), id=id)


def test_admitted_then_official():
    history = [ch("admitted", "2024-05-01"), ch("official", "2025-05-02")]
    assert derive_state(history, RULES).code == "chinh_thuc"
    assert derive_state(history, RULES, dt.date(2025, 1, 1)).code == "du_bi"
    assert derive_state(history, RULES, dt.date(2024, 4, 30)).in_cell is False


def test_transfer_in_uses_the_official_date_when_known():
    history = [ch("transfer_in", "2020-01-01")]
    assert derive_state(history, RULES, official_date=dt.date(2010, 1, 1)).code == "chinh_thuc"
    assert derive_state(history, RULES).code == "du_bi"


@pytest.mark.parametrize(
    ("kind", "code", "in_cell"),
    [
        ("exempt", "exempt", True),
        ("temp_out", "temp_out", True),
        ("suspended", "suspended", True),
        ("transfer_out", "transfer_out", False),
        ("died", "died", False),
        ("resigned", "resigned", False),
        ("struck_off", "struck_off", False),
        ("expelled", "expelled", False),
    ],
)
def test_each_change_gives_its_state(kind, code, in_cell):
    history = [ch("transfer_in", "2020-01-01"), ch(kind, "2025-01-01")]
    state = derive_state(history, RULES, official_date=dt.date(2010, 1, 1))
    assert (state.code, state.in_cell) == (code, in_cell)


def test_resumed_and_restored_bring_members_back():
    history = [
        ch("transfer_in", "2020-01-01"),
        ch("exempt", "2021-01-01"),
        ch("resumed", "2022-01-01"),
    ]
    assert derive_state(history, RULES, official_date=dt.date(2010, 1, 1)).code == "chinh_thuc"
    history += [ch("struck_off", "2023-01-01"), ch("restored", "2024-01-01")]
    assert derive_state(history, RULES, official_date=dt.date(2010, 1, 1)).in_cell


def test_temporary_attendance_is_its_own_state():
    history = [ch("temp_in", "2025-01-01")]
    assert derive_state(history, RULES).code == "temporary"
    history.append(ch("temp_in_end", "2025-06-01"))
    assert not derive_state(history, RULES).in_cell


def test_a_change_needs_the_right_state_before_it():
    with pytest.raises(StatusHistoryError, match="đang sinh hoạt"):
        validate_history([ch("died", "2025-01-01")], RULES)
    with pytest.raises(StatusHistoryError, match="đang sinh hoạt tại chi bộ"):
        validate_history([ch("admitted", "2024-01-01"), ch("transfer_in", "2025-01-01")], RULES)
    with pytest.raises(StatusHistoryError, match="dự bị"):
        validate_history(
            [
                ch("admitted", "2020-01-01"),
                ch("official", "2021-01-02"),
                ch("official", "2022-01-01"),
            ],
            RULES,
        )


def test_same_day_changes_keep_their_recorded_order():
    history = [
        ch("admitted", "2024-05-01", 1),
        ch("transfer_out", "2025-01-01", 2),
        ch("transfer_in", "2025-01-01", 3),
    ]
    validate_history(history, RULES)
    assert derive_state(history, RULES).in_cell
