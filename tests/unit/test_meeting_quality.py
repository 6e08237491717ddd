"""The cell's own meeting yardsticks: defaults from the rule file, set per data file, used
by the meeting warnings and the meetings report."""

from __future__ import annotations

import pytest

from chibo_desktop.domain.meetings import Attendee, Meeting
from chibo_desktop.errors import ChiboError
from chibo_desktop.services.meetings import quality
from chibo_desktop.services.meetings.minutes import summarise
from chibo_desktop.services.reports.meetings import thresholds


def test_defaults_then_own_values_then_back(db):
    assert quality.quality_settings(db) == quality.QualitySettings(0.85, 3)
    quality.save_quality_settings(db, quality.QualitySettings(0.8, 2))
    assert quality.quality_settings(db) == quality.QualitySettings(0.8, 2, own=True)
    assert thresholds(db).min_attendance == 0.8
    assert thresholds().min_attendance == 0.85
    quality.reset_quality_settings(db)
    assert not quality.quality_settings(db).own


@pytest.mark.parametrize(("share", "times"), [(0, 3), (1.2, 3), (0.8, 0)])
def test_impossible_values_are_refused(db, share, times):
    with pytest.raises(ChiboError):
        quality.save_quality_settings(db, quality.QualitySettings(share, times))


def test_meeting_warning_follows_the_cells_own_share(db):
    import datetime as dt

    people = [Attendee(i, f"Đảng viên {i}") for i in range(1, 11)]
    for person in people[:2]:
        person.state, person.reason = "excused", "Ốm"
    meeting = Meeting(date=dt.date(2026, 3, 5), attendance=people)
    # 8 of 10 present: flagged under the default 85 %, not under the cell's own 75 %
    assert any("80%" in w for w in summarise(db, meeting).warnings)
    quality.save_quality_settings(db, quality.QualitySettings(0.75, 3))
    assert not any("80%" in w for w in summarise(db, meeting).warnings)


def test_a_small_cells_own_minimum_length_replaces_hd42(db):
    import datetime as dt

    people = [Attendee(i, f"Đảng viên {i}") for i in range(1, 4)]
    meeting = Meeting(
        date=dt.date(2026, 3, 5), attendance=people, start_time="19:30", end_time="20:30"
    )
    assert any("60 phút, ngắn hơn 90 phút" in w for w in summarise(db, meeting).warnings)
    quality.save_quality_settings(db, quality.QualitySettings(0.85, 3, small_cell_minutes=45))
    assert quality.quality_settings(db).small_cell_minutes == 45
    assert not any("ngắn hơn" in w for w in summarise(db, meeting).warnings)
    meeting.end_time = "20:00"
    assert any("30 phút, ngắn hơn 45 phút" in w for w in summarise(db, meeting).warnings)
    with pytest.raises(ChiboError):
        quality.save_quality_settings(db, quality.QualitySettings(0.85, 3, small_cell_minutes=0))


def test_documents_posted_is_a_checklist_item_from_hd42(db):
    import datetime as dt

    from chibo_desktop.services.meetings import minutes as svc

    def warned(meeting) -> bool:
        return any("Sổ tay đảng viên điện tử" in w for w in summarise(db, meeting).warnings)

    before = Meeting(date=dt.date(2025, 10, 20))
    after = Meeting(date=dt.date(2025, 11, 5))
    assert not warned(before) and warned(after)
    after.documents_posted = True
    assert not warned(after)
    stored = svc.get_meeting(db, svc.save_draft(db, after).value)
    assert stored.documents_posted is True
