"""Printing hands the PDF to the system, says so when nothing can open it, and clears the
files it printed a day ago."""

import os
import time

from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from chibo_desktop.gui import printing


def test_without_a_pdf_viewer_the_secretary_is_told_where_the_file_is(qapp, tmp_path, monkeypatch):
    told = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda _url: False))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: told.append(a[2])))
    monkeypatch.setattr(printing.sys, "platform", "linux")
    pdf = tmp_path / "bien-ban.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    assert printing.print_file(None, pdf) is False
    assert str(pdf) in told[0] and "PDF" in told[0]


def test_files_printed_more_than_a_day_ago_are_removed(monkeypatch, tmp_path):
    monkeypatch.setattr(printing.tempfile, "gettempdir", lambda: str(tmp_path))
    old = printing.print_folder()
    (old / "bien-ban.pdf").write_bytes(b"%PDF")
    day_ago = time.time() - 25 * 3600
    os.utime(old, (day_ago, day_ago))
    recent = printing.print_folder()
    newer = printing.print_folder()
    assert not old.exists() and recent.is_dir() and newer.is_dir()
    assert recent.parent == tmp_path / "chibo-desktop"


def test_the_no_viewer_message_says_printing_failed_and_the_file_is_temporary(
    qapp, tmp_path, monkeypatch
):
    told = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: told.append(a)))
    printing.say_no_viewer(None, tmp_path / "bien-ban.pdf")
    printing.say_no_viewer(None, tmp_path / "ke-hoach.docx", to_print=False)
    (_p, title, text), (_p2, title2, text2) = told
    assert title == "In" and text.startswith("Không in được")
    assert "tự xóa sau một ngày" in text and "“Lưu PDF/Word…”" in text
    assert "PDF" not in text2 and "ke-hoach.docx" in text2 and title2 == "Mở tệp"


def test_old_printed_files_are_removed_when_the_program_starts(monkeypatch, tmp_path):
    monkeypatch.setattr(printing.tempfile, "gettempdir", lambda: str(tmp_path))
    old = printing.print_folder()
    day_ago = time.time() - 25 * 3600
    os.utime(old, (day_ago, day_ago))
    printing.remove_old_prints()
    assert not old.exists()
    printing.remove_old_prints()  # nothing left, or no folder at all: no error
