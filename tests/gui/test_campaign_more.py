"""The campaign page, continued: the small mark editor, templates, members who join or
leave during a campaign, deleting."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from chibo_desktop.gui.dialogs import campaign_dialogs
from chibo_desktop.services.campaigns.campaign import campaign_state, list_campaigns

from .conftest import wait_idle
from .test_campaign_page import START, _column, _new_campaign, _open, _read, _state


def test_mark_editor_sets_date_and_note(open_window, demo_path, qtbot, tasks, monkeypatch):
    _window, page = _open(open_window, demo_path, qtbot, tasks, monkeypatch)
    campaign_id = _new_campaign(page, qtbot, tasks)
    page.tabs.setCurrentWidget(page.matrix)
    matrix = page.matrix
    column = _column(matrix.model, "cam_ket")
    row = next(r for r in range(matrix.proxy.rowCount()) if matrix.model.member_at(r).active)
    member = matrix.model.member_at(matrix.proxy.mapToSource(matrix.proxy.index(row, 0)).row())
    day = dt.date(2026, 4, 2)

    def fill(dialog):
        assert not dialog.done_box.isChecked()
        dialog.done_box.setChecked(True)
        dialog.date.set_date(day)
        dialog.note.setText("Ký tại buổi sinh hoạt tháng 4")
        return 1

    monkeypatch.setattr(campaign_dialogs.MarkDialog, "exec", fill)
    index = matrix.proxy.index(row, column)
    matrix.view.scrollTo(index)
    centre = matrix.view.visualRect(index).center()
    qtbot.mouseClick(matrix.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(matrix.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    wait_idle(qtbot, tasks)
    mark = _state(demo_path, campaign_id).marks[(member.member_id, "cam_ket")]
    assert mark.done == day and mark.note == "Ký tại buổi sinh hoạt tháng 4"
    qtbot.waitUntil(lambda: matrix.proxy.index(row, column).data() == "02/04")
    assert "Ký tại buổi" in matrix.proxy.index(row, column).data(Qt.ItemDataRole.ToolTipRole)


def test_templates_duplicate_edit_export_import(
    open_window, demo_path, qtbot, tasks, monkeypatch, tmp_path
):
    from PySide6.QtWidgets import QInputDialog

    from chibo_desktop.gui.dialogs import campaign_template_editor as editor_module
    from chibo_desktop.gui.models.campaign_template_rows import ItemRow
    from chibo_desktop.services.campaigns.templates import get_template, list_templates

    _window, page = _open(open_window, demo_path, qtbot, tasks, monkeypatch)
    dialog = page.open_templates()
    wait_idle(qtbot, tasks)
    assert dialog.list.count() == 1 and not dialog.edit_button.isEnabled()  # shipped: copy it
    monkeypatch.setattr(QInputDialog, "exec", lambda self: 1)
    monkeypatch.setattr(QInputDialog, "textValue", lambda self: "Tự soi, tự sửa của Khu phố 3")
    qtbot.mouseClick(dialog.duplicate_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(lambda: dialog.list.count() == 2)
    copy = dialog.current()
    assert not copy.builtin and copy.title == "Tự soi, tự sửa của Khu phố 3"
    assert dialog.edit_button.isEnabled()

    errors = []
    monkeypatch.setattr(editor_module, "show_error", lambda *a, **k: errors.append(a[1]))
    editor = dialog.edit()
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(editor.isEnabled)
    assert editor.title.text() == "Tự soi, tự sửa của Khu phố 3"
    listed = editor.unverified.text()  # the unchecked texts, and where the official text is
    assert "1.6" in listed and "Điều 18" in listed and "tulieuvankien.dangcongsan.vn" in listed
    assert "Điều 19," not in listed and " 1.1," not in listed
    # field by field: deadlines, a new member item, a manifestation reworded
    keys = [r.key for r in editor.steps.rows]
    plan, thematic = keys.index("ke_hoach_chi_bo"), keys.index("sinh_hoat_chuyen_de")
    assert editor.steps.index(thematic, 1).data() == "ngày 19/5 hằng năm"
    assert editor.steps.setData(editor.steps.index(plan, 1), "mười ngày")
    editor.save()
    assert "Hạn của bước" in errors[-1].message and editor.isVisible()
    assert editor.steps.setData(editor.steps.index(plan, 1), "10")
    assert editor.steps.setData(editor.steps.index(thematic, 1), "20/5")
    editor.items.append(ItemRow("", "Viết bài thu hoạch"))
    first = editor.group_edits[0]
    first.setPlainText("Biểu hiện sửa lại\n" + first.toPlainText().split("\n", 1)[1])
    # the whole text shows the edits; a broken line there is named and selected
    editor.tabs.setCurrentIndex(editor.raw_tab)
    text = editor.text.toPlainText()
    assert "offset_days = 10" in text and "anniversary = [5, 20]" in text
    editor.text.setPlainText(text.replace("offset_days = 10", "offset_days = bảy", 1))
    editor.save()
    wait_idle(qtbot, tasks)
    assert "dòng" in errors[-1].message and editor.isVisible()
    line = text[: text.index("offset_days = 10")].count("\n") + 1
    assert editor.text.textCursor().blockNumber() + 1 == line
    editor.text.setPlainText(text)
    editor.save()
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(lambda: not editor.isVisible())
    template = _read(demo_path, get_template, copy.key)
    steps = {s.key: s for s in template.steps}
    assert steps["ke_hoach_chi_bo"].offset_days == 10
    assert steps["sinh_hoat_chuyen_de"].anniversary == (5, 20)
    assert template.item("viet_bai_thu_hoach").title == "Viết bài thu hoạch"
    # rows kept keep where they come from; a new row has no source, so it is not verified
    assert "Thương binh và Xã hội" in steps["sinh_hoat_chuyen_de"].source
    assert not template.item("viet_bai_thu_hoach").verified
    assert not template.item("viet_bai_thu_hoach").source
    assert template.manifestation_groups[0].entries[0].text == "Biểu hiện sửa lại"
    assert not template.manifestation_groups[0].entries[0].verified
    assert template.manifestation_groups[0].entries[1].source.startswith("http")
    assert len(template.review_refs()) == 46

    target = tmp_path / "mau.toml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    assert "offset_days = 10" in target.read_text(encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(lambda: dialog.message.text() == "Đã nhập mẫu.")
    assert dialog.list.count() == 2  # the same file again changes nothing
    # a file from the party committee: checked whole, a broken one refused with its line
    sent = tmp_path / "mau_dang_uy.toml"
    text = target.read_text(encoding="utf-8").replace(f'key = "{copy.key}"', 'key = "dang_uy"')
    sent.write_text(text.replace("offset_days = 10", "offset_days = mười", 1), encoding="utf-8")
    refused = []
    monkeypatch.setattr(
        "chibo_desktop.gui.dialogs.campaign_templates.show_error",
        lambda parent, exc, title=None: refused.append(exc),
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(sent), ""))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(lambda: bool(refused))
    line = text[: text.index("offset_days = 10")].count("\n") + 1
    assert refused[0].line == line and f"dòng {line}" in refused[0].message
    assert dialog.list.count() == 2
    sent.write_text(text, encoding="utf-8")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(lambda: dialog.list.count() == 3)
    assert len(_read(demo_path, list_templates)) == 3
    # the page offers the new templates for a new campaign
    qtbot.waitUntil(lambda: len(page.templates) == 3)
    dialog.accept()


def test_members_joining_and_leaving_are_shown_apart(db, today, qapp):
    from chibo_desktop.domain.members import Member
    from chibo_desktop.domain.status import StatusChange
    from chibo_desktop.gui.models.campaign_matrix import JOINED, LEFT, MatrixFilter, MatrixModel
    from chibo_desktop.services.campaigns.campaign import create_campaign, set_mark, sync_members
    from chibo_desktop.services.members.register import add_status_change, save_member

    def add(name, joined):
        member = Member(
            full_name=name,
            gender="Nam",
            birth_date="1970-01-01",
            join_date="2000-01-01",
            official_date="2001-01-01",
        )
        change = StatusChange("transfer_in", joined)
        return save_member(db, member, first_status=change, today=today).value

    stayer = add("Nguyễn Văn An", dt.date(2000, 1, 1))
    leaver = add("Trần Thị Bình", dt.date(2000, 1, 1))
    campaign_id = create_campaign(db, "tu_soi_tu_sua", START, today=today).value
    newcomer = add("Lê Văn Cường", dt.date(2026, 2, 1))
    add_status_change(db, leaver, StatusChange("transfer_out", dt.date(2026, 2, 10)), today=today)
    sync_members(db, campaign_id, today)
    set_mark(db, campaign_id, stayer, "cam_ket", dt.date(2026, 3, 1))
    model = MatrixModel()
    model.set_state(campaign_state(db, campaign_id, today))
    rows = {model.member_at(r).member_id: r for r in range(model.rowCount())}
    assert set(rows) == {stayer, leaver, newcomer}
    left = model.index(rows[leaver], 0)
    assert left.data() == "Trần Thị Bình (rời ngày 10/02/2026)"
    assert "từ 10/02/2026" in left.data(Qt.ItemDataRole.ToolTipRole)
    assert left.data(Qt.ItemDataRole.ForegroundRole) == LEFT
    assert left.data(Qt.ItemDataRole.FontRole).italic()
    came = model.index(rows[newcomer], 0)
    assert came.data() == "Lê Văn Cường (vào ngày 01/02/2026)"
    assert came.data(Qt.ItemDataRole.ToolTipRole) == "Tham gia từ 01/02/2026"
    assert came.data(Qt.ItemDataRole.ForegroundRole) == JOINED
    assert model.index(rows[stayer], 0).data() == "Nguyễn Văn An"
    # "who has not yet signed": the active members without the mark, never the leaver
    proxy = MatrixFilter()
    proxy.setSourceModel(model)
    proxy.set_missing("cam_ket")
    shown = {proxy.mapToSource(proxy.index(r, 0)).row() for r in range(proxy.rowCount())}
    assert shown == {rows[newcomer]}


def test_delete_asks_first(open_window, demo_path, qtbot, tasks, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    _window, page = _open(open_window, demo_path, qtbot, tasks, monkeypatch)
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "exec", lambda self: next(answers))
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    wait_idle(qtbot, tasks)
    assert len(_read(demo_path, list_campaigns)) == 1
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert _read(demo_path, list_campaigns) == []
    assert page.right.currentWidget() is page.placeholder
    assert not page.delete_button.isEnabled()


def test_read_only_file_shows_the_campaign_without_writing(db_path, qtbot, tasks, monkeypatch):
    import dataclasses

    from chibo_desktop.config import UserConfig
    from chibo_desktop.domain.members import Member
    from chibo_desktop.domain.status import StatusChange
    from chibo_desktop.gui.main_window import MainWindow
    from chibo_desktop.gui.views import campaign as page_module
    from chibo_desktop.services.campaigns.campaign import create_campaign
    from chibo_desktop.services.members.register import save_member
    from chibo_desktop.storage.database import open_database

    db = open_database(db_path)
    member = Member(
        full_name="Nguyễn Văn An",
        gender="Nam",
        birth_date="1970-01-01",
        join_date="2000-01-01",
        official_date="2001-01-01",
    )
    save_member(db, member, first_status=StatusChange("transfer_in", dt.date(2000, 1, 1)))
    campaign_id = create_campaign(db, "tu_soi_tu_sua", START, today=START).value
    newcomer = dataclasses.replace(member, full_name="Lê Thị Hoa")
    save_member(db, newcomer, first_status=StatusChange("transfer_in", dt.date(2026, 2, 1)))
    db.close()

    window = MainWindow(tasks, UserConfig())
    qtbot.addWidget(window)
    errors = []
    monkeypatch.setattr(page_module, "show_error", lambda *a, **k: errors.append(a[1]))
    with qtbot.waitSignal(window.database_opened, timeout=10_000):
        window.open_file(db_path, readonly=True)
    window.show_page("campaign")
    page = window.pages["campaign"]
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(lambda: page.state is not None and page.state.id == campaign_id)
    assert [m.full_name for m in page.state.members] == ["Nguyễn Văn An"]  # not synced
    assert errors == []


def test_report_texts_saved_with_ctrl_s(open_window, demo_path, qtbot, tasks, monkeypatch):
    from .conftest import type_text

    _window, page = _open(open_window, demo_path, qtbot, tasks, monkeypatch)
    page.tabs.setCurrentWidget(page.report)
    page.report.proposals.setFocus()
    type_text(page.report.proposals, "Đề nghị Đảng ủy phường tổ chức tập huấn")
    qtbot.keyClick(page.report.proposals, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, tasks)
    stored = _state(demo_path, page.state.id)
    assert stored.proposals == "Đề nghị Đảng ủy phường tổ chức tập huấn"
    qtbot.waitUntil(lambda: "Đã lưu" in page.report.message.text())
    assert not page.report.dirty()


def test_rename_campaign(open_window, demo_path, qtbot, tasks, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    _window, page = _open(open_window, demo_path, qtbot, tasks, monkeypatch)
    seen = []

    def answer(self):
        seen.append((self.textValue(), self.okButtonText(), self.cancelButtonText()))
        self.setTextValue("Tự soi, tự sửa năm 2026 của Khu phố 3")
        return 1

    monkeypatch.setattr(QInputDialog, "exec", answer)
    old = page.state.title
    qtbot.mouseClick(page.rename_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    assert seen == [(old, "Đồng ý", "Hủy")]
    assert _state(demo_path, page.state.id).title == "Tự soi, tự sửa năm 2026 của Khu phố 3"
    qtbot.waitUntil(lambda: page.heading.text().startswith("Tự soi, tự sửa năm 2026"))
    assert page.model.index(0, 0).data().startswith("Tự soi, tự sửa năm 2026 của Khu phố 3")
