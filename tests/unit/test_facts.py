import datetime as dt

import pytest

from chibo_desktop.domain import dates, facts
from chibo_desktop.rules.badges import badge_rules

RULES = facts.BadgeRules()


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def test_party_age_counts_on_the_anniversary_day():
    assert facts.party_age("1996-03-15", d("2026-03-14")) == 29
    assert facts.party_age("1996-03-15", d("2026-03-15")) == 30


def test_party_age_of_a_leap_day_joiner():
    assert facts.party_age("2000-02-29", d("2026-02-28")) == 25
    assert facts.party_age("2000-02-29", d("2026-03-01")) == 26


def test_partial_dates_count_by_what_is_known():
    assert facts.age("1960", d("2026-01-01")) == 66
    assert facts.age("1960-05", d("2026-04-30")) == 65
    assert facts.age("1960-05", d("2026-05-01")) == 66


def test_probation_end_and_flags():
    p = facts.probation("2025-04-10", "du_bi", d("2026-03-15"), RULES)
    assert p.ends_on == d("2026-04-10") and p.days_left == 26 and p.due_soon and not p.overdue
    late = facts.probation("2025-01-10", "du_bi", d("2026-03-15"), RULES)
    assert late.overdue and not late.due_soon
    assert facts.probation("2025-01-10", "chinh_thuc", d("2026-03-15"), RULES) is None


def test_probation_from_the_31st_ends_on_the_month_end():
    assert facts.probation("2025-01-31", "du_bi", d("2025-02-01"), RULES).ends_on == d("2026-01-31")
    assert dates.add_months(d("2025-01-31"), 1) == d("2025-02-28")


@pytest.mark.parametrize(
    ("joined", "today", "years", "award"),
    [
        ("1996-01-10", "2026-01-01", 30, "2026-02-03"),  # reached before 3/2
        ("1996-02-03", "2026-01-01", 30, "2026-02-03"),  # reached on the award day itself
        ("1996-02-04", "2026-01-01", 30, "2026-05-19"),  # one day late: next award day
        ("1996-05-20", "2026-01-01", 30, "2026-09-02"),
        ("1996-09-03", "2026-01-01", 30, "2026-11-07"),
        ("1996-11-08", "2026-01-01", 30, "2027-02-03"),  # rolls over the year
        ("1986-06-01", "2026-03-15", 40, "2026-09-02"),
        ("1986-01-01", "2026-03-15", 45, "2031-02-03"),  # 40 already awarded on 3/2/2026
    ],
)
def test_next_badge_across_award_days(joined, today, years, award):
    badge = facts.next_badge(joined, d(today), RULES)
    assert (badge.years, badge.award_date) == (years, d(award))


def test_no_badge_before_30_years_is_still_the_30_year_one():
    badge = facts.next_badge("2020-06-01", d("2026-03-15"), RULES)
    assert badge.years == 30 and badge.reached_on == d("2050-06-01")


def test_badge_rules_file_matches_the_defaults():
    rules = badge_rules()
    assert rules.milestones[:9] == RULES.milestones
    assert set(rules.award_days) == set(RULES.award_days)
