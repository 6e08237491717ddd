"""The list model: filtering as you type (narrowing or not), status and position filters,
counts, and sorting by columns."""

import datetime as dt

from PySide6.QtCore import Qt

from chibo_desktop.domain.text import fold, name_sort_key
from chibo_desktop.gui.models.members_model import MembersModel, MembersProxy
from chibo_desktop.services.members.listing import member_list

TODAY = dt.date(2026, 3, 15)


def make(demo_db):
    model = MembersModel()
    proxy = MembersProxy()
    proxy.setSourceModel(model)
    model.set_members(member_list(demo_db, today=TODAY), today=TODAY)
    return model, proxy


def names(proxy) -> list[str]:
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def expected(model, text: str, status: str = "active") -> list[str]:
    words = fold(text).split()
    items = [
        i
        for i in model.items
        if (status == "all" or i.in_cell == (status == "active"))
        and all(w in i.search_text for w in words)
    ]
    return [i.full_name for i in sorted(items, key=lambda i: name_sort_key(i.full_name))]


def test_typing_letter_by_letter_matches_a_fresh_search(qapp, demo_db):
    model, proxy = make(demo_db)
    text = "nguyen van"
    for end in range(1, len(text) + 1):
        proxy.set_search(text[:end])
        assert names(proxy) == expected(model, text[:end]), text[:end]
    # Deleting letters widens the list again.
    for end in range(len(text), -1, -1):
        proxy.set_search(text[:end])
        assert names(proxy) == expected(model, text[:end])


def test_search_with_marks_and_d_stroke(qapp, demo_db):
    _model, proxy = make(demo_db)
    proxy.set_search("ĐẶNG")
    upper = names(proxy)
    proxy.set_search("dang")
    assert names(proxy) == upper and upper
    assert all(n.startswith("Đặng") or "dang" in fold(n) for n in upper)


def test_status_and_position_filters_and_counts(qapp, demo_db):
    model, proxy = make(demo_db)
    active = proxy.rowCount()
    assert proxy.total_count() == active
    proxy.set_status("left")
    left = proxy.rowCount()
    assert left > 0 and all(not model.item_at(r).in_cell for r in range(left))
    proxy.set_status("all")
    assert proxy.rowCount() == active + left == len(model.items)
    proxy.set_status("active")
    proxy.set_position("Bí thư")
    assert names(proxy) and all(model.item_at(r).position == "Bí thư" for r in range(1))
    assert proxy.rowCount() == 1 and proxy.total_count() == active
    proxy.set_position("Đảng viên")  # ordinary members: position left blank counts too
    assert proxy.rowCount() == active - 4


def test_sorting_by_columns_keeps_the_filter(qapp, demo_db):
    _model, proxy = make(demo_db)
    proxy.set_search("thi")
    shown = set(names(proxy))
    proxy.sort(3, Qt.SortOrder.AscendingOrder)  # age
    ages = [int(proxy.index(r, 3).data()) for r in range(proxy.rowCount())]
    assert ages == sorted(ages) and set(names(proxy)) == shown
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    assert names(proxy) == sorted(shown, key=name_sort_key, reverse=True)


def test_due_column_flags_probation_and_badges(qapp, demo_db):
    model, proxy = make(demo_db)
    texts = [proxy.index(r, 7).data() for r in range(proxy.rowCount())]
    assert any(t.startswith("Hết dự bị") for t in texts)
    assert any(t.startswith("Huy hiệu") for t in texts)
    overdue = [
        r
        for r in range(proxy.rowCount())
        if model.item_at(r).probation and model.item_at(r).probation.overdue
    ]
    for row in overdue:
        assert "quá" in proxy.index(row, 7).data()
        assert proxy.index(row, 7).data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"
