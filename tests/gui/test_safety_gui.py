"""Backups, restore, password, lock screen and change log, driven through the window."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit

from chibo_desktop.gui.dialogs.changelog_dialog import ChangeLogDialog
from chibo_desktop.gui.dialogs.restore_dialog import RestoreDialog
from chibo_desktop.services.safety import backup

from .conftest import type_text, wait_idle


class Responder:
    """Answers the modal dialogs that will appear, in order."""

    def __init__(self, steps):
        self.steps = list(steps)
        self.seen = []
        self.handled = set()
        QTimer.singleShot(0, self.act)

    def act(self):
        if not self.steps:
            return
        widget = QApplication.activeModalWidget()
        if widget is None or id(widget) in self.handled:
            QTimer.singleShot(30, self.act)
            return
        button_text, fill = self.steps[0]
        if fill is not None:
            fill(widget)
        for button in widget.findChildren(QAbstractButton):
            if button.text().replace("&", "") == button_text and button.isVisible():
                self.handled.add(id(widget))
                self.seen.append(widget)
                self.steps.pop(0)
                button.click()
                QTimer.singleShot(30, self.act)
                return
        QTimer.singleShot(30, self.act)


def members(tasks, qtbot) -> int:
    box = []
    tasks.run(
        lambda db: db.execute("SELECT count(*) FROM members").fetchone()[0], on_done=box.append
    )
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return box[0]


def run(tasks, qtbot, fn, *args):
    box = []
    tasks.run(fn, *args, on_done=box.append, on_error=box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=20_000)
    return box[0]


def test_restore_dialog_lists_backups_and_restores(open_window, tasks, qtbot, demo_path):
    window = open_window(demo_path)
    before = members(tasks, qtbot)
    assert before > 0
    run(tasks, qtbot, backup.make_backup, "manual")
    run(
        tasks,
        qtbot,
        lambda db: db.execute("DELETE FROM member_status") and db.execute("DELETE FROM members"),
    )
    assert members(tasks, qtbot) == 0
    dialog = RestoreDialog(tasks, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() >= 1, timeout=10_000)
    wait_idle(qtbot, tasks)
    shown = [
        dialog.proxy.index(r, c).data() for r in range(dialog.proxy.rowCount()) for c in range(5)
    ]
    assert str(before) in shown
    assert any("sao lưu bằng tay" in str(v) for v in shown)
    manual_row = next(
        r
        for r in range(dialog.proxy.rowCount())
        if dialog.proxy.index(r, 1).data() == "sao lưu bằng tay"
    )
    dialog.table.selectRow(manual_row)
    responder = Responder([("Có", None), ("OK", None)])
    dialog.show()
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: dialog.restored is not None, timeout=20_000)
    qtbot.waitUntil(lambda: not responder.steps, timeout=10_000)
    assert "Phục hồi dữ liệu về bản sao lưu" in responder.seen[0].text()
    assert members(tasks, qtbot) == before
    assert list(backup.backup_folder(demo_path).glob("*-restore.sqlite"))


def test_restore_dialog_refuses_a_damaged_copy(open_window, tasks, qtbot, demo_path):
    window = open_window(demo_path)
    path = run(tasks, qtbot, backup.make_backup, "manual")
    with open(path, "r+b") as fh:
        size = fh.seek(0, 2)
        fh.seek(size // 3)
        fh.write(b"\xff" * (size // 3))
    dialog = RestoreDialog(tasks, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() >= 1, timeout=10_000)
    before = members(tasks, qtbot)
    row = next(
        r
        for r in range(dialog.proxy.rowCount())
        if dialog.proxy.index(r, 1).data() == "sao lưu bằng tay"
    )
    dialog.table.selectRow(row)
    responder = Responder([("Có", None), ("Đóng", None)])
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: not responder.steps, timeout=20_000)
    assert "hỏng" in responder.seen[1].text() or "Không đọc được" in responder.seen[1].text()
    assert dialog.restored is None
    assert members(tasks, qtbot) == before


@pytest.mark.skipif(
    not __import__("chibo_desktop.storage.cipher", fromlist=["x"]).available(),
    reason="sqlcipher3 not installed",
)
def test_set_password_then_lock_screen(open_window, tasks, qtbot, demo_path):
    window = open_window(demo_path)
    window.show_page("settings")
    section = next(
        s for s in window.pages["settings"].sections if type(s).__name__ == "SecuritySection"
    )
    wait_idle(qtbot, tasks)
    assert section.set_button.isVisible() and not section.change_button.isVisible()

    def fill(dialog):
        fields = [
            f for f in dialog.findChildren(QLineEdit) if f.echoMode() == QLineEdit.EchoMode.Password
        ]
        for field in fields:
            field.setFocus()
            type_text(field, "Mật khẩu Chi bộ 3")

    keys = []
    responder = Responder(
        [("Đồng ý", fill), ("Tôi đã ghi lại khóa", lambda d: keys.append(d.key.text()))]
    )
    section.set_button.click()
    qtbot.waitUntil(lambda: not responder.steps, timeout=60_000)
    wait_idle(qtbot, tasks, timeout=30_000)
    qtbot.waitUntil(lambda: section.change_button.isVisible(), timeout=10_000)
    assert len(keys[0].replace("-", "")) == 52
    assert demo_path.read_bytes()[:16] != b"SQLite format 3\x00"
    assert members(tasks, qtbot) > 0  # the worker has the reopened, encrypted file

    lock = section.idle_lock
    assert lock.path == demo_path and lock.minutes == 10
    lock.last_input -= 11 * 60
    lock.check()
    assert lock.screen is not None and not window.centralWidget().isVisible()
    screen = lock.screen
    type_text(screen.password, "sai")
    screen.unlock_button.click()
    qtbot.waitUntil(lambda: screen.error.text() == "Mật khẩu không đúng.", timeout=20_000)
    assert lock.screen is not None
    screen.password.clear()
    type_text(screen.password, "Mật khẩu Chi bộ 3")
    screen.unlock_button.click()
    qtbot.waitUntil(lambda: lock.screen is None, timeout=20_000)
    assert window.centralWidget().isVisible()


def test_change_log_viewer_and_export(open_window, tasks, qtbot, demo_path, tmp_path):
    window = open_window(demo_path)
    from chibo_desktop.services.cell.identity import get_cell, save_cell

    cell = run(tasks, qtbot, get_cell)
    run(
        tasks,
        qtbot,
        save_cell,
        cell.__class__(cell.name, cell.party_committee, "=Huế", cell.secretary_name),
    )
    dialog = ChangeLogDialog(tasks, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10_000)
    wait_idle(qtbot, tasks)
    texts = [dialog.proxy.index(0, c).data() for c in range(8)]
    assert "Thông tin chi bộ" in texts and "=Huế" in texts
    dialog.search.setText("hue")
    dialog.load()
    wait_idle(qtbot, tasks)
    assert dialog.model.rowCount() == 1
    target = tmp_path / "nhat_ky.xlsx"
    dialog.export(target)
    wait_idle(qtbot, tasks)
    ws = load_workbook(target).active
    values = [c.value for row in ws.iter_rows() for c in row]
    assert "=Huế" in values
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)


def test_open_errors_ask_for_password_and_offer_read_only(tasks, qtbot, demo_path):
    import json
    import os

    from chibo_desktop.gui.open_errors import handle_open_error
    from chibo_desktop.services.safety.session import FileLockedError, open_session
    from chibo_desktop.storage.lock import lock_path

    lock_path(demo_path).write_text(
        json.dumps(
            {
                "user": "phobithu",
                "host": "MAY-2",
                "pid": os.getpid(),
                "since": "2026-03-15T08:00:00",
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(FileLockedError) as caught:
        open_session(demo_path)
    retried = []
    responder = Responder([("Mở chỉ đọc", None)])
    assert handle_open_error(None, tasks, demo_path, caught.value, lambda **o: retried.append(o))
    qtbot.waitUntil(lambda: not responder.steps, timeout=10_000)
    assert retried == [{"readonly": True}]
    assert "phobithu" in responder.seen[0].text() and "MAY-2" in responder.seen[0].text()
    # The deliberate take-over: a warning first, then the retry that replaces the lock.
    responder = Responder([("Vẫn mở và chiếm khóa…", None), ("Có", None)])
    assert handle_open_error(None, tasks, demo_path, caught.value, lambda **o: retried.append(o))
    qtbot.waitUntil(lambda: not responder.steps, timeout=10_000)
    assert retried[-1] == {"take_over_lock": True}
    assert "chắc chắn" in responder.seen[1].text()
    conn = sqlite3.connect(demo_path)
    assert conn.execute("SELECT count(*) FROM members").fetchone()[0] > 0
    conn.close()
    Path(lock_path(demo_path)).unlink()


@pytest.mark.skipif(
    not __import__("chibo_desktop.storage.cipher", fromlist=["x"]).available(),
    reason="sqlcipher3 not installed",
)
def test_encrypted_file_asks_for_the_password_on_open(tasks, qtbot, demo_path):
    from chibo_desktop.gui.open_errors import handle_open_error
    from chibo_desktop.gui.opening import open_file_job
    from chibo_desktop.services.safety.file_key import PasswordRequiredError
    from chibo_desktop.services.safety.password import enable_password
    from chibo_desktop.services.safety.session import open_session

    db = open_session(demo_path)
    enable_password(db, "mật khẩu đúng").value.db.close()
    with pytest.raises(PasswordRequiredError) as caught:
        open_file_job(demo_path, False, None, False)

    def fill(dialog):
        assert dialog.objectName() == "openPasswordDialog"
        type_text(dialog.current, "mật khẩu đúng")

    opened = []

    def retry(**options):
        opened.append(open_file_job(demo_path, False, None, False, **options))

    responder = Responder([("Đồng ý", fill)])
    handle_open_error(None, tasks, demo_path, caught.value, retry)
    qtbot.waitUntil(lambda: not responder.steps, timeout=10_000)
    assert opened and opened[0].execute("SELECT count(*) FROM members").fetchone()[0] > 0
    opened[0].close()


def test_backup_banner_stays_until_a_backup_works(open_window, tasks, qtbot, demo_path):
    from chibo_desktop.services.safety.backup_status import failure_marker, note_failure

    window = open_window(demo_path)
    assert not window.backup_banner.isVisible()
    import datetime as dt

    note_failure(demo_path, dt.datetime(2026, 3, 15, 9, 30), "disk full")
    window.check_backups()
    qtbot.waitUntil(window.backup_banner.isVisible, timeout=10_000)
    assert "Không tạo được bản sao lưu" in window.backup_banner.text()
    run(tasks, qtbot, backup.make_backup, "manual")
    assert not failure_marker(demo_path).exists()
    window.check_backups()
    qtbot.waitUntil(lambda: not window.backup_banner.isVisible(), timeout=10_000)


@pytest.mark.skipif(
    not __import__("chibo_desktop.storage.cipher", fromlist=["x"]).available(),
    reason="sqlcipher3 not installed",
)
def test_first_export_of_an_encrypted_register_says_it_is_plain(
    open_window, tasks, qtbot, demo_path
):
    from PySide6.QtWidgets import QApplication

    from chibo_desktop.gui.plain_export import TOLD, tell_once
    from chibo_desktop.services.safety import password

    QApplication.instance().setProperty(TOLD, False)
    window = open_window(demo_path)
    tell_once(window, tasks)  # a plain file: nothing to say
    wait_idle(qtbot, tasks)
    assert not QApplication.instance().property(TOLD)
    change = run(tasks, qtbot, password.enable_password, "Mật khẩu Chi bộ 3")
    done = []
    tasks.set_database(change.value.db, on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    said = []
    responder = Responder([("OK", lambda box: said.append(box.text()))])
    tell_once(window, tasks)
    qtbot.waitUntil(lambda: not responder.steps, timeout=10_000)
    assert "đọc được" in said[0] and "mật khẩu" in said[0]
    tell_once(window, tasks)  # once per run
    wait_idle(qtbot, tasks)
    QApplication.instance().setProperty(TOLD, False)
