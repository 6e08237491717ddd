import datetime as dt

import pytest
from PySide6.QtCore import Qt

from chibo_desktop.domain.text import fold
from chibo_desktop.services.members.register import list_members
from chibo_desktop.storage.database import open_database

from .conftest import shown_page, type_text, wait_idle


def members_page(window):
    return shown_page(window, "members")


def shown_names(page) -> list[str]:
    model = page.proxy
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def stored(path):
    db = open_database(path)
    try:
        return list_members(db, include_left=True)
    finally:
        db.close()


def select(page, qtbot, name: str) -> None:
    row = shown_names(page).index(name)
    page.table.selectRow(row)
    assert page.selected_id() is not None


def test_add_edit_transfer_out_and_undo(open_window, db_path, qtbot, tasks):
    window = open_window(db_path)
    page = members_page(window)
    assert page.proxy.rowCount() == 0

    # Add (Ctrl+N opens the form; Ctrl+S saves it).
    page.add_action.trigger()
    form = page.form
    assert form is not None and form.isVisible()
    type_text(form.widgets["full_name"], "Đặng Thị  Hằng")
    form.widgets["gender"].setCurrentIndex(form.widgets["gender"].findData("Nữ"))
    type_text(form.widgets["birth_date"], "02/05/1970")
    type_text(form.widgets["join_date"], "10/01/2000")
    type_text(form.widgets["official_date"], "10/01/2001")
    form.widgets["ethnicity"].set_text("Kinh")
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    form.widgets["full_name"].setFocus()
    qtbot.keyClick(form.widgets["full_name"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(lambda: shown_names(page) == ["Đặng Thị Hằng"])
    assert not form.isVisible()
    rows = stored(db_path)
    assert rows[0]["full_name"] == "Đặng Thị Hằng" and rows[0]["status"] == "chinh_thuc"
    assert rows[0]["birth_date"] == "1970-05-02"
    assert "1 / 1" in page.count_label.text()

    # Edit.
    select(page, qtbot, "Đặng Thị Hằng")
    page.edit_action.trigger()
    form = page.form
    qtbot.waitUntil(form.isEnabled)
    assert form.widgets["join_date"].text() == "10/01/2000"
    type_text(form.widgets["phone"], "0912345678")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    assert stored(db_path)[0]["phone"] == "0912345678"

    # Record a transfer out: they leave the active list, and stay under "Đã rời chi bộ".
    select(page, qtbot, "Đặng Thị Hằng")
    page.status_action.trigger()
    qtbot.waitUntil(lambda: page.status_dialog is not None and page.status_dialog.isVisible())
    dialog = page.status_dialog
    dialog.select_kind("transfer_out")
    type_text(dialog.note, "Chuyển về Đảng bộ phường Lý Thái Tổ")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 0)
    assert "0 / 0" in page.count_label.text()
    page.status_filter.setCurrentIndex(page.status_filter.findData("left"))
    assert shown_names(page) == ["Đặng Thị Hằng"]
    assert stored(db_path)[0]["status"] == "transfer_out"

    # Ctrl+Z takes the transfer back.
    assert "Chuyển sinh hoạt đi" in page.undo_action.toolTip()
    page.undo_action.trigger()
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 0)
    page.status_filter.setCurrentIndex(page.status_filter.findData("active"))
    assert shown_names(page) == ["Đặng Thị Hằng"]

    # ... then the phone edit.
    page.undo_action.trigger()
    wait_idle(qtbot, tasks)
    assert stored(db_path)[0]["phone"] == ""


def test_search_ignores_diacritics_and_counts(open_window, demo_path, qtbot, tasks):
    window = open_window(demo_path)
    page = members_page(window)
    total = page.proxy.rowCount()
    assert total > 20
    type_text(page.search, "dang")
    names = shown_names(page)
    assert names and all("dang" in fold(n) for n in names)
    assert any(n.startswith("Đặng") for n in names)
    assert f"{len(names)} / {total}" in page.count_label.text()
    page.search.clear()
    assert page.proxy.rowCount() == total
    page.status_filter.setCurrentIndex(page.status_filter.findData("all"))
    assert page.proxy.rowCount() > total


def test_list_is_in_vietnamese_name_order(open_window, demo_path, qtbot):
    from chibo_desktop.domain.text import name_sort_key

    page = members_page(open_window(demo_path))
    names = shown_names(page)
    assert names == sorted(names, key=name_sort_key)
    page.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)  # party age
    ages = [int(page.proxy.index(r, 5).data() or -1) for r in range(page.proxy.rowCount())]
    assert ages == sorted(ages, reverse=True)


def test_leaving_a_form_with_unsaved_edits_asks(open_window, demo_path, qtbot, monkeypatch):
    answers = []
    monkeypatch.setattr(
        "chibo_desktop.gui.dialogs.member_form.ask_unsaved",
        lambda parent: answers.append("asked") or "stay",
    )
    page = members_page(open_window(demo_path))
    page.table.selectRow(0)
    page.edit_action.trigger()
    form = page.form
    qtbot.waitUntil(form.isEnabled)
    form.close_button.click()
    assert answers == [] and not form.isVisible()  # nothing typed: closes quietly

    page.edit_action.trigger()
    form = page.form
    qtbot.waitUntil(form.isEnabled)
    type_text(form.widgets["phone"], "9")
    form.close_button.click()
    assert answers == ["asked"] and form.isVisible()
    assert page.maybe_leave() is False


def test_validation_problems_are_shown_in_the_form(open_window, db_path, qtbot, tasks):
    page = members_page(open_window(db_path))
    page.add_action.trigger()
    form = page.form
    type_text(form.widgets["full_name"], "Nguyễn Văn 3")
    type_text(form.widgets["birth_date"], "31/02/1970")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    assert form.isVisible()
    text = form.problems.text()
    assert "chỉ được gồm chữ cái" in text and "31/02/1970" in text
    assert "Kết nạp cần ngày vào Đảng" in text  # every problem at once
    assert stored(db_path) == []


def test_delete_asks_and_only_then_deletes(open_window, db_path, qtbot, tasks, monkeypatch):
    from chibo_desktop.domain.members import Member
    from chibo_desktop.domain.status import StatusChange
    from chibo_desktop.services.members.register import save_member

    db = open_database(db_path)
    save_member(
        db,
        Member(full_name="Lê Văn Nhầm", join_date="2010-01-01"),
        first_status=StatusChange("transfer_in", dt.date(2020, 1, 1)),
    )
    db.close()
    answers = iter([False, True])
    monkeypatch.setattr(
        "chibo_desktop.gui.views.members.confirm", lambda parent, title, text: next(answers)
    )
    page = members_page(open_window(db_path))
    page.table.selectRow(0)
    page.delete_action.trigger()
    wait_idle(qtbot, tasks)
    assert len(stored(db_path)) == 1
    page.delete_action.trigger()
    wait_idle(qtbot, tasks)
    assert stored(db_path) == []
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 0)


def test_export_from_the_page_writes_the_shown_members(
    open_window, demo_path, qtbot, tasks, tmp_path
):
    page = members_page(open_window(demo_path))
    type_text(page.search, "nguyen")
    names = shown_names(page)
    out = tmp_path / "ds.xlsx"
    page.export_to(str(out))
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(lambda: getattr(page, "last_export", None) is not None)
    from openpyxl import load_workbook

    ws = load_workbook(out).active
    written = [
        ws.cell(row=r, column=2).value
        for r in range(1, ws.max_row + 1)
        if isinstance(ws.cell(row=r, column=1).value, int)
    ]
    assert written == names


@pytest.fixture(autouse=True)
def _no_real_dialogs(monkeypatch):
    """A stray modal box would hang a headless run: fail loudly instead."""

    def refuse(parent, exc, *_args, **_kwargs):
        raise AssertionError(f"unexpected message box: {exc!r}")

    for module in (
        "views.members",
        "dialogs.member_form",
        "errors",
        "progress",
        "views.members_undo",
    ):
        monkeypatch.setattr(f"chibo_desktop.gui.{module}.show_error", refuse)
    monkeypatch.setattr("chibo_desktop.gui.dialogs.member_form.ask_unsaved", lambda p: "discard")


def test_show_record_clears_what_hides_the_member_and_opens_the_record(
    open_window, demo_path, qtbot, tasks
):
    rows = stored(demo_path)
    target = next(r for r in rows if r["full_name"].startswith("Nguyễn"))
    page = members_page(open_window(demo_path))
    type_text(page.search, "zzzz không ai tên thế")
    assert page.proxy.rowCount() == 0
    page.show_record(target["id"])
    assert page.search.text() == ""
    assert page.selected_id() == target["id"]
    assert (
        shown_names(page)[page.table.selectionModel().selectedRows()[0].row()]
        == (target["full_name"])
    )
    form = page.form
    assert form is not None and form.isVisible() and form.member_id == target["id"]
    qtbot.waitUntil(lambda: form.widgets["full_name"].text() == target["full_name"])
    wait_idle(qtbot, tasks)


def test_the_last_import_is_undone_from_the_import_button(
    open_window, db_path, qtbot, tasks, tmp_path, monkeypatch
):
    from chibo_desktop.services.importing import run_import
    from tests.unit.import_files import simple_list, write_xlsx

    rows = [[1, "Nguyễn Văn Nhập", "Nam", "01/01/1960", "01/01/1985", "", "", ""]]
    db = open_database(db_path)
    run_import(db, write_xlsx(tmp_path / "ds.xlsx", {"DS": simple_list(rows)}))
    db.close()
    questions = []
    monkeypatch.setattr(
        "chibo_desktop.gui.views.members.confirm",
        lambda parent, title, text: questions.append(text) or True,
    )
    page = members_page(open_window(db_path))
    assert page.undo_import_action in page.import_action.menu().actions()
    assert shown_names(page) == ["Nguyễn Văn Nhập"]
    page.undo_import_action.trigger()
    qtbot.waitUntil(lambda: bool(questions))
    assert "ds.xlsx" in questions[0] and "1 thêm mới" in questions[0]
    wait_idle(qtbot, tasks)
    assert stored(db_path) == []
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 0)


def test_the_state_column_shows_the_longest_state_whole(open_window, demo_path, qtbot):
    from chibo_desktop.gui.models.members_model import STATUS_COLUMN

    page = members_page(open_window(demo_path))
    labels = {item.status_label for item in page.model.items}
    assert "Sinh hoạt tạm thời nơi khác" in labels
    metrics = page.table.fontMetrics()
    width = page.table.horizontalHeader().sectionSize(STATUS_COLUMN)
    assert all(metrics.horizontalAdvance(label) < width - 8 for label in labels)
    assert page.status_filter.currentText() == "Trong danh sách chi bộ"
    assert "đình chỉ" in page.status_filter.toolTip()


def test_a_member_is_not_admitted_without_a_date_joined(open_window, db_path, qtbot, tasks):
    page = members_page(open_window(db_path))
    page.add_action.trigger()
    form = page.form
    type_text(form.widgets["full_name"], "Lê Văn Chưa")
    type_text(form.widgets["birth_date"], "02/05/1990")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    assert "cần ngày vào Đảng" in form.problems.text()
    assert stored(db_path) == []  # not saved as a probationary member with no date
    form.entry_kind.setCurrentIndex(form.entry_kind.findData(None))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    rows = stored(db_path)
    assert [(r["full_name"], r["status"]) for r in rows] == [("Lê Văn Chưa", "none")]


def test_undo_follows_adds_and_deletes_and_never_names_an_internal_number(
    open_window, db_path, qtbot, tasks, monkeypatch
):
    monkeypatch.setattr("chibo_desktop.gui.views.members.confirm", lambda *a: True)
    page = members_page(open_window(db_path))
    page.add_action.trigger()
    form = page.form
    type_text(form.widgets["full_name"], "Nguyễn Văn Thử")
    type_text(form.widgets["join_date"], "10/01/2000")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(lambda: shown_names(page) == ["Nguyễn Văn Thử"])
    select(page, qtbot, "Nguyễn Văn Thử")
    page.delete_action.trigger()
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 0)
    assert "xóa Nguyễn Văn Thử" in page.undo_action.toolTip()
    assert page.undo_action.text() == "Hoàn tác"  # short: the toolbar keeps its room
    errors = []
    monkeypatch.setattr("chibo_desktop.gui.views.members_undo.show_error", errors.append)
    page.undo_action.trigger()  # the deletion comes back, history and all
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(lambda: shown_names(page) == ["Nguyễn Văn Thử"])
    assert [r["status"] for r in stored(db_path)] == ["du_bi"]
    assert "thêm Nguyễn Văn Thử" in page.undo_action.toolTip()
    page.undo_action.trigger()  # then the addition
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 0)
    assert stored(db_path) == [] and errors == []


def test_keyboard_from_the_search_into_the_list_and_nothing_found(
    open_window, demo_path, qtbot, tasks
):
    page = members_page(open_window(demo_path))
    page.search.setFocus()
    type_text(page.search, "nguyen")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.hasFocus() and page.selected_id() is not None
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.form is not None and page.form.isVisible())
    page.form.close()
    page.search.clear()
    type_text(page.search, "khong co ai ten nay")
    assert page.proxy.rowCount() == 0
    assert "Không tìm thấy" in page.count_label.text()
    page.count_label.linkActivated.emit("clear")
    assert page.search.text() == "" and page.proxy.rowCount() > 30
