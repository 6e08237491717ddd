"""Every page at 1366×768 with 125 % scaling (1093×614 in Qt's units) and at 1024×600, in
Vietnamese and in English: no label, button, box or column header is cut. Pictures are written to
CHIBO_SCREENSHOTS (a folder) when it is set, for a person to look at."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from chibo_desktop import i18n
from chibo_desktop.config import UserConfig
from chibo_desktop.gui.main_window import MainWindow

from .clipping import clipped
from .conftest import settle_layout, shown_page, wait_idle

SIZES = {"1366x768@125%": (round(1366 / 1.25), round(768 / 1.25)), "1024x600": (1024, 600)}
SIZE = SIZES["1366x768@125%"]


def _window(qtbot, tasks, path, language: str, size=SIZE) -> MainWindow:
    """The main window on ``path``, at an office laptop's size, in ``language``."""
    i18n.set_language(language)
    window = MainWindow(tasks, UserConfig())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.database_opened, timeout=10_000):
        window.open_file(path)
    window.resize(*size)
    window.show()
    wait_idle(qtbot, tasks)
    assert (window.width(), window.height()) == size  # no page forces a larger window
    return window


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_no_page_cuts_a_word(qtbot, tasks, demo_path, language, size):
    window = _window(qtbot, tasks, demo_path, language, SIZES[size])
    folder = os.environ.get("CHIBO_SCREENSHOTS")
    problems = {}
    for key in window.page_keys():
        shown_page(window, key)
        settle_layout()
        wait_idle(qtbot, tasks)
        if folder:
            window.grab().save(str(Path(folder) / f"{language}_{size}_{key}.png"))
        assert window.width() == SIZES[size][0], key  # the page fits, the window stays
        found = clipped(window.pages[key])
        if found:
            problems[key] = found
    assert problems == {}


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_busiest_dialogs_cut_no_word(qtbot, tasks, demo_path, language):
    """The member form, a meeting's minutes and the assessment of the year, at the same size."""
    window = _window(qtbot, tasks, demo_path, language)
    problems = {}
    members = shown_page(window, "members")
    members.table.selectRow(0)
    members.edit_action.trigger()
    qtbot.waitUntil(lambda: members.form is not None and members.form.isEnabled())
    members.form.resize(*SIZE)
    settle_layout()
    problems["member form"] = clipped(members.form)
    members.form.close()
    meetings = shown_page(window, "meetings")
    meetings.view.selectRow(0)
    wait_idle(qtbot, tasks)
    settle_layout()
    problems["minutes"] = clipped(meetings.editor)
    reports = shown_page(window, "reports")
    dialog = reports.open_assessment(2025)
    wait_idle(qtbot, tasks)
    dialog.resize(*SIZE)
    settle_layout()
    problems["assessment"] = clipped(dialog)
    dialog.close()
    assert {k: v for k, v in problems.items() if v} == {}


def _read(path, fn, *args):
    from chibo_desktop.storage.database import open_database

    db = open_database(path)
    try:
        return fn(db, *args)
    finally:
        db.close()


def _dialogs(qtbot, window, tasks, path, tmp_path):
    """(name, dialog) for each dialog a secretary opens, built as its page builds it."""
    from chibo_desktop.domain.dues import Month, basis_on
    from chibo_desktop.gui.dialogs.campaign_dialogs import (
        BulkMarkDialog,
        MarkDialog,
        NewCampaignDialog,
    )
    from chibo_desktop.gui.dialogs.campaign_step import StepDialog
    from chibo_desktop.gui.dialogs.dues_basis import DuesBasisDialog
    from chibo_desktop.gui.dialogs.dues_dialogs import (
        DuesSettingsDialog,
        PassedUpDialog,
        ReliefDialog,
    )
    from chibo_desktop.gui.dialogs.package_dialog import PackageDialog
    from chibo_desktop.gui.dialogs.password_dialogs import PasswordDialog, RecoveryKeyDialog
    from chibo_desktop.gui.dialogs.restore_dialog import RestoreDialog
    from chibo_desktop.gui.dialogs.status_dialog import StatusDialog
    from chibo_desktop.services.campaigns import campaign as campaigns
    from chibo_desktop.services.campaigns.templates import list_templates
    from chibo_desktop.services.contract.context import today
    from chibo_desktop.services.dues import entry as dues_entry
    from chibo_desktop.services.dues import ledger as dues
    from chibo_desktop.services.members import register as members

    day = today()
    month = Month(day.year, day.month)
    detail = _read(path, members.get_member, 1)
    last = max((c.date for c in detail.history), default=None)
    kinds = members.allowed_changes(detail.state, last)
    yield "status", StatusDialog(window, detail.member.full_name, kinds, day, earliest=last)
    yield "restore", RestoreDialog(tasks, window)
    campaign = shown_page(window, "campaign")
    qtbot.waitUntil(lambda: campaign.state is not None)
    state = campaign.state
    yield "new campaign", NewCampaignDialog(_read(path, list_templates), day, window)
    item = state.template.items[0]
    yield "mark", MarkDialog(state.members[0].full_name, item, None, day, window)
    yield "mark column", BulkMarkDialog(state.template.items, item.key, day, None, window)
    meetings = _read(path, campaigns.meeting_choices)
    yield "mark from meeting", BulkMarkDialog(state.template.items, item.key, day, meetings, window)
    yield "step", StepDialog(tasks, state.steps[0], state.members, meetings, day, window)
    matrix = campaign.matrix
    campaign.tabs.setCurrentWidget(matrix)
    matrix.view.setCurrentIndex(matrix.proxy.index(0, 0))
    matrix.review_button.click()
    from chibo_desktop.gui.dialogs.self_review_dialog import SelfReviewDialog

    review = campaign.findChild(SelfReviewDialog)
    qtbot.waitUntil(lambda: review.loaded)
    yield "self-review", review
    yield (
        "password (set)",
        PasswordDialog(window, "Đặt mật khẩu cho tệp", "Sau khi đặt, tệp được mã hóa.", new=True),
    )
    yield (
        "password (open)",
        PasswordDialog(window, "Mở tệp", "Tệp được mã hóa.", current=True, recovery=True),
    )
    yield "recovery key", RecoveryKeyDialog(window, "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ12-3456")
    options = _read(path, dues.cell_options, month)
    yield "dues settings", DuesSettingsDialog(options, dues.cell_set_groups(), month, window)
    yield "relief", ReliefDialog(1, detail.member.full_name, month, (), window)
    ledger = _read(path, dues.month_ledger, month)
    passed = _read(path, dues.month_meetings, month)
    yield "passed up", PassedUpDialog(ledger, passed, day, window)
    history = _read(path, dues_entry.basis_history, 1)
    yield (
        "dues basis",
        DuesBasisDialog(
            1,
            detail.member.full_name,
            month,
            dues.group_choices(month),
            basis_on(history, month),
            window,
        ),
    )
    yield "package", PackageDialog(day.replace(day=1), day, window)
    yield from _import_wizard(qtbot, window, tasks, tmp_path)


def _import_wizard(qtbot, window, tasks, tmp_path):
    """The import wizard's first page, then its preview of a small real workbook."""
    from PySide6.QtWidgets import QWizard

    from chibo_desktop.gui.dialogs.import_wizard import PREVIEW_PAGE, run_import_wizard
    from tests.unit.import_files import simple_list, write_xlsx

    yield "import (file)", run_import_wizard(window, tasks)
    rows = [
        [1, "Nguyễn Văn Mới", "Nam", "01/01/1960", "01/01/1985", "01/01/1986", "01.000901", ""],
        [2, "Trần Thị Bình", "Nữ", "02/02/1990", "01/06/2025", "", "", "Tổ 2"],
        [3, "Lê Văn Ngày", "Nam", "31/02/1960", "", "", "", ""],
    ]
    source = write_xlsx(tmp_path / "danh sách.xlsx", {"DS": simple_list(rows)})
    wizard = run_import_wizard(window, tasks)
    wizard.file_page.path.setText(str(source))
    for _step in range(2):
        wizard.button(QWizard.WizardButton.NextButton).click()
        qtbot.waitUntil(lambda: not wizard.button(QWizard.WizardButton.NextButton).isHidden())
        wait_idle(qtbot, tasks)
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW_PAGE, timeout=20_000)
    yield "import (preview)", wizard


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_dialogs_cut_no_word(qtbot, tasks, demo_path, tmp_path, language, size):
    """Each dialog at the size it opens with, within the screen: no word cut."""
    window = _window(qtbot, tasks, demo_path, language, SIZES[size])
    folder = os.environ.get("CHIBO_SCREENSHOTS")
    problems = {}
    for name, dialog in _dialogs(qtbot, window, tasks, demo_path, tmp_path):
        dialog.show()
        wait_idle(qtbot, tasks)
        settle_layout()
        width, height = SIZES[size]
        if dialog.width() > width or dialog.height() > height:
            dialog.resize(min(dialog.width(), width), min(dialog.height(), height))
            settle_layout()
        if folder:
            dialog.grab().save(str(Path(folder) / f"{language}_{size}_dialog_{name}.png"))
        assert dialog.width() <= width and dialog.height() <= height, name
        found = clipped(dialog)
        if found:
            problems[name] = found
        if hasattr(dialog, "dirty"):
            dialog.dirty = False
        dialog.close()
    assert problems == {}
