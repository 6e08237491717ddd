"""Full dates read in C give what the partial-date parser gives, errors included."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chibo_desktop.domain.dates import parse_iso, to_date


def parsed_the_long_way(value):
    parsed = parse_iso(value)
    if parsed is None or parsed[2] is None:
        return None
    return dt.date(*parsed)


def outcome(fn, value):
    try:
        return fn(value)
    except ValueError:
        return ValueError


SHAPED = st.builds(
    lambda y, m, d: f"{y}-{m}-{d}",
    st.text(st.sampled_from("0123456789١٢+ W"), min_size=4, max_size=4),
    st.text(st.sampled_from("0123456789٣ W"), min_size=2, max_size=2),
    st.text(st.sampled_from("0123456789٤ T"), min_size=2, max_size=2),
)


@settings(max_examples=500, deadline=None)
@given(st.one_of(SHAPED, st.dates().map(dt.date.isoformat), st.text(max_size=12)))
def test_to_date_agrees_with_the_parser(value):
    assert outcome(to_date, value) == outcome(parsed_the_long_way, value)


@pytest.mark.parametrize(
    "value",
    [
        "1975-04-30",
        "2024-02-29",
        "2023-02-29",
        "1975-13-01",
        "1975-00-10",
        "0000-01-01",
        "1975-04",
        "1975",
        "",
        None,
        "1975-4-30",
        "19750430",
        "2021-W01-1",
        "١٩٧٥-04-30",
    ],
)
def test_to_date_examples(value):
    assert outcome(to_date, value) == outcome(parsed_the_long_way, value)
