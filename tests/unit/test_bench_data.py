"""The generated cells benchmarks measure on: valid, realistic, the same for the same seed."""

import unicodedata

from bench import data
from chibo_desktop.domain.status import validate_history
from chibo_desktop.rules.statuses import status_rules
from chibo_desktop.services.assessments import year_end as assessments
from chibo_desktop.services.meetings import minutes as meetings
from chibo_desktop.services.members import register as members
from chibo_desktop.storage.database import open_database


def test_histories_follow_the_status_rules_and_names_are_vietnamese():
    rules = status_rules()
    people = list(data.people(400))
    for _member, history in people:
        validate_history(history, rules)
    names = [m.full_name for m, _h in people]
    assert all(unicodedata.is_normalized("NFC", n) for n in names)
    assert any("ễ" in n for n in names) and any("Đ" in n for n in names)
    kinds = {c.kind for _m, h in people for c in h}
    assert {"admitted", "official", "transfer_in", "transfer_out", "died"} <= kinds
    assert [m.position for m, _h in people[:2]] == ["Bí thư", "Phó Bí thư"]


def test_same_seed_same_people_other_seed_others():
    first = [m.full_name for m, _h in data.people(50)]
    assert first == [m.full_name for m, _h in data.people(50)]
    assert first != [m.full_name for m, _h in data.people(50, seed=7)]


def test_made_cell_reads_back_through_the_services(tmp_path):
    path = data.make(tmp_path / "cell.sqlite", members=120, years=3)
    db = open_database(path)
    try:
        rows = members.list_members(db, include_left=True)
        assert len(rows) == 120
        # the cached state equals the one derived from the stored history
        for row in rows[:40]:
            detail = members.get_member(db, row["id"])
            assert detail.state.code == row["status"]
        assert members.search(db, "nguyen")
        listed = meetings.list_meetings(db)
        assert len(listed) == 37 + 6  # monthly from 03/2023 to 03/2026, thematic in 4 and 10
        assert [m["status"] for m in listed].count("draft") == 1
        summary = meetings.attendance_summary(db, listed[-1]["id"])
        assert summary.counts.present > 0
        assert meetings.search_meetings(db, "ve sinh")
        sheet = assessments.year_sheet(db, 2024)
        assert sheet.rows and all(r.assessment for r in sheet.rows)
        assert db.execute("SELECT count(*) FROM change_log").fetchone()[0] > 120
    finally:
        db.close()


def test_database_copies_one_cached_file(tmp_path):
    one = data.database(tmp_path / "a.sqlite", members=60, years=2)
    two = data.database(tmp_path / "b.sqlite", members=60, years=2)
    assert one.read_bytes() == two.read_bytes()
    db = open_database(two)
    try:
        assert db.execute("SELECT count(*) FROM members").fetchone()[0] == 60
    finally:
        db.close()
