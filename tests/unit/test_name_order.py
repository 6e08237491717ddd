"""The first names in register order, picked by given name first, are those a full sort
gives, in the same order, for clean and unclean names alike."""

import heapq
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from chibo_desktop.domain.text import clean_text, first_in_name_order, name_sort_string

WORDS = ["An", "Anh", "Ánh", "Ảnh", "Bình", "Đức", "Dung", "Hà", "Hạ", "Văn", "Thị", "Nguyễn"]
# Spaces, tabs, zero-width and control characters, NFD forms: what clean_text removes.
ODD = [" ", "  ", "\t", "\u200b", "\x1f", "\x85", "\u00a0", "\n", "ß", "Z", "\u0301"]


def by_full_sort(names, count):
    return heapq.nsmallest(
        count, range(len(names)), key=lambda i: name_sort_string(clean_text(names[i]))
    )


word = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(lambda w: unicodedata.normalize("NFD", w)),
    st.text(st.sampled_from("aăâbdđeêhinotuưyÁẢ"), min_size=1, max_size=4),
)
name = st.builds(
    lambda words, glue, edge: edge + glue.join(words) + edge,
    st.lists(word, min_size=1, max_size=4),
    st.one_of(st.just(" "), st.sampled_from(ODD)),
    st.one_of(st.just(""), st.sampled_from(ODD)),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(name, max_size=40), st.integers(0, 5))
def test_same_as_sorting_every_name(names, count):
    assert first_in_name_order(names, count) == by_full_sort(names, count)


def test_demo_register_assessment_names(demo_db):
    names = [r[0] for r in demo_db.conn.execute("SELECT full_name FROM members ORDER BY id")]
    assert first_in_name_order(names, 3) == by_full_sort(names, 3)
    # Many members share a given name: ties keep the register's order.
    assert first_in_name_order(names * 2, 5) == by_full_sort(names * 2, 5)
