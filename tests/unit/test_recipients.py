"""“Nơi nhận” under every report and list, set once for the cell; “Kính gửi” on reports."""

import shutil

import pytest

from chibo_desktop.cli import main
from chibo_desktop.domain.addressing import default_recipients, recipient_lines
from chibo_desktop.services.cell.identity import recipients, save_recipients
from tests.unit.test_meetings_print import plain

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
REPORTS = ("members", "situation", "assessment", "meetings", "campaign")


def test_default_and_printed_lines():
    assert default_recipients("Đảng bộ phường Hàng Bạc") == [
        "Đảng ủy phường Hàng Bạc (để báo cáo)",
        "Lưu chi bộ",
    ]
    assert recipient_lines(["- Đảng ủy phường (để báo cáo)", "", "Lưu chi bộ."]) == [
        "- Đảng ủy phường (để báo cáo),",
        "- Lưu chi bộ.",
    ]


def test_set_once_for_the_cell(db):
    assert recipients(db) == ["Đảng ủy phường Hàng Bạc (để báo cáo)", "Lưu chi bộ"]
    save_recipients(db, ["Đảng ủy phường Hàng Bạc (để báo cáo)", "- Ban Tuyên giáo", "Lưu"])
    assert recipients(db) == ["Đảng ủy phường Hàng Bạc (để báo cáo)", "Ban Tuyên giáo", "Lưu"]
    save_recipients(db, [])
    assert recipients(db)[-1] == "Lưu chi bộ"


def test_every_report_and_list_prints_them(demo_path, tmp_path, capsys):
    assert main(["--db", str(demo_path), "recipients", "Đảng ủy phường Hàng Bạc (để báo cáo)",
                 "Ủy ban Kiểm tra Đảng ủy phường", "Lưu chi bộ"]) == 0  # fmt: skip
    assert "- Ủy ban Kiểm tra Đảng ủy phường" in capsys.readouterr().out
    for name in REPORTS:
        out = tmp_path / f"{name}.pdf"
        assert main(["--db", str(demo_path), "report", name, "--from", "01/01/2025",
                     "--to", "15/03/2026", str(out)]) == 0  # fmt: skip
        text = plain(out)
        assert "Nơi nhận:" in text, name
        for line in ("- Đảng ủy phường Hàng Bạc (để báo cáo),",
                     "- Ủy ban Kiểm tra Đảng ủy phường,", "- Lưu chi bộ."):  # fmt: skip
            assert line in text, (name, line)
        assert ("Kính gửi: Đảng ủy phường Hàng Bạc" in text) == (name != "members"), name
