"""The window keeps the size the secretary gave it: no page, status text or path widens it,
and a long status text is cut with its whole text in the tooltip."""

from chibo_desktop.gui.widgets.elided_label import ElidedLabel

from .conftest import settle_layout, shown_page

PAGES = ("home", "members", "meetings", "campaign", "reports", "settings")
LONG_PATH = "Đã ghi " + "/rat/dai/thu-muc-con" * 12 + "/bien-ban-sinh-hoat-chi-bo-thang-12.pdf"


def test_no_page_widens_the_window(open_window, demo_path, qtbot):
    window = open_window(demo_path)
    window.resize(1200, 760)
    qtbot.waitUntil(lambda: window.width() == 1200)
    for key in PAGES:
        shown_page(window, key)
        settle_layout()
        assert window.width() == 1200, key
    meetings = shown_page(window, "meetings")
    width = meetings.view.width()
    meetings.count_label.setText(LONG_PATH)
    settle_layout()
    assert window.width() == 1200
    assert meetings.view.width() == width  # the list keeps its room


def test_a_long_status_is_cut_in_the_middle_with_the_whole_in_the_tooltip(qtbot):
    label = ElidedLabel()
    qtbot.addWidget(label)
    label.resize(200, 20)
    label.setText(LONG_PATH)
    shown = label.shown_text()
    assert "…" in shown and shown.endswith(".pdf") and shown.startswith("Đã ghi")
    assert label.toolTip() == LONG_PATH and label.minimumSizeHint().width() == 0
