"""Small text rules of the printed forms."""

from __future__ import annotations

import pytest

from chibo_desktop.interop.pdf.minutes import lower_first
from chibo_desktop.interop.pdf.self_review import subtitle


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("Đi công tác", "đi công tác"),
        ("Ốm", "ốm"),
        ("ốm", "ốm"),
        ("UBND phường triệu tập", "UBND phường triệu tập"),
        ("", ""),
        ("X", "X"),
    ],
)
def test_absence_reason_after_a_colon(typed, printed):
    assert lower_first(typed) == printed


@pytest.mark.parametrize(
    ("title", "line"),
    [
        (
            "Đợt sinh hoạt chính trị “Tự soi, tự sửa” năm 2026",
            "Đợt sinh hoạt chính trị “Tự soi, tự sửa” năm 2026",
        ),
        ("Học tập Nghị quyết Trung ương 4", "“Tự soi, tự sửa” — Học tập Nghị quyết Trung ương 4"),
        ("", "“Tự soi, tự sửa”"),
    ],
)
def test_self_review_names_tu_soi_tu_sua_once(title, line):
    assert subtitle(title) == line
    assert line.lower().count("tự soi, tự sửa") == 1


def test_user_text_is_escaped_and_drawable():
    from chibo_desktop.interop.pdf.layout import text

    assert text("<b>Nhà</b> & “văn hóa”") == "&lt;b&gt;Nhà&lt;/b&gt; &amp; “văn hóa”"
    assert text("dòng một\ndòng hai") == "dòng một<br/>dòng hai"
    assert text(None) == ""
    # Fullwidth forms (typed with an East Asian input method) are missing from Times and
    # Liberation Serif and would print as nothing; their plain forms print.
    assert text("＜script＞ ＡＢＣ １２") == "&lt;script&gt; ABC 12"
    assert text("Nguyễn Thị Ánh Tuyết") == "Nguyễn Thị Ánh Tuyết"
