"""The quick derivation of every member's state gives what `derive_state` gives."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from chibo_desktop.domain.status import StatusChange, derive_state
from chibo_desktop.rules.statuses import status_rules
from chibo_desktop.services.members.register import members_at, state_of
from chibo_desktop.services.members.states import StateDeriver, brief_members, change_lists
from chibo_desktop.storage import members as member_store

KINDS = [*status_rules(), "not_a_rule"]
DATES = st.dates(dt.date(1950, 1, 1), dt.date(2030, 12, 31))
CHANGES = st.lists(st.tuples(st.sampled_from(KINDS), DATES), max_size=8)


@settings(max_examples=300, deadline=None)
@given(
    CHANGES,
    st.one_of(st.none(), DATES),
    st.sampled_from([None, "", "1975", "1975-04", "1975-04-30", "2030-01-01"]),
)
def test_same_state_as_derive_state_for_any_history(pairs, as_of, official):
    # Any sequence, valid or not, in the order storage gives (date, then recording order).
    changes = sorted(
        (StatusChange(kind, date, id=i) for i, (kind, date) in enumerate(pairs)),
        key=lambda c: (c.date, c.id),
    )
    expected = derive_state(
        changes,
        status_rules(),
        as_of,
        dt.date.fromisoformat(official) if official and len(official) == 10 else None,
    )
    rows = [(c.kind, c.date.isoformat()) for c in changes]
    got = StateDeriver().state(rows, as_of, official)
    assert got == expected
    assert got.code == expected.code and got.label == expected.label


def test_every_demo_member_on_many_dates(demo_db, today):
    members = member_store.all_members(demo_db)
    histories = member_store.all_status_histories(demo_db)
    rows = change_lists(demo_db)
    derive = StateDeriver()
    assert [tuple(b) for b in brief_members(demo_db)] == [
        (m.id, m.full_name, m.join_date, m.official_date) for m in members
    ]
    days = [None, today, dt.date(2000, 1, 1), dt.date(2015, 6, 30), dt.date(2025, 12, 31)]
    for member in members:
        for on in days:
            expected = state_of(member, histories.get(member.id, []), on)
            assert derive.state(rows.get(member.id, []), on, member.official_date) == expected
    # members_at uses it: everyone in the cell today, none of those who left.
    present = members_at(demo_db, today)
    assert present and all(state.in_cell for _m, state in present)
    assert {m.id for m, _s in present} == {
        m.id for m in members if state_of(m, histories.get(m.id, []), today).in_cell
    }


def test_home_page_absence_limit_is_the_meeting_reports_limit():
    # The home page takes the limit without loading the meeting rules; it must stay the
    # limit the meeting reports use.
    from chibo_desktop.services.reports.meetings import Thresholds, thresholds

    assert Thresholds().max_missed_in_a_row == thresholds().max_missed_in_a_row
