"""The committee's pages: a committee file opens on them, packages are added from a folder,
each consolidated report is previewed and saved; a cell's reports page sends a package."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from chibo_desktop.services.consolidation.reports import NAMES
from chibo_desktop.services.packages.inspect import inspect_package
from chibo_desktop.storage import cipher

from ..unit.package_cells import NAMES as CELL_NAMES
from ..unit.package_cells import TODAY, export, make_cell, make_committee
from .conftest import shown_page, wait_idle


def drop(widget, path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # Qt delivers a drop only at the end of a real drag; the page's handler gets the event.
    widget.dropEvent(event)
    assert event.isAccepted()


@pytest.fixture(scope="module")
def packages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("packages")
    cells = [make_cell(folder, name, seed) for seed, name in enumerate(CELL_NAMES[:2], start=11)]
    for c in cells:
        export(c, folder / f"{c.stem}.chibo")
    return folder, cells


def test_a_committee_file_opens_on_the_committee_pages(qtbot, open_window, packages, tmp_path):
    folder, _cells = packages
    window = open_window(make_committee(tmp_path / "danguy.sqlite"))
    assert window.page_keys() == ["committee", "committee_reports"]
    assert window.windowTitle().startswith("Đảng ủy phường Hàng Bạc")
    page = shown_page(window, "committee")
    assert page.model.rowCount() == 0
    drop(page, folder)  # the folder dragged from the file manager onto the page
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=20_000)
    assert [o.status for o in page.last_outcomes] == ["added", "added"]
    assert sorted(line.name for line in page.model.rows) == sorted(CELL_NAMES[:2])
    assert "Đã nhận gói" in page.result.text()
    page.add_files([folder])
    qtbot.waitUntil(lambda: page.result.text().count("✗") == 2, timeout=20_000)

    if cipher.available():
        locked = export(
            make_cell(tmp_path, CELL_NAMES[2], 13), tmp_path / "locked.chibo", password="mk"
        )
        page.ask_password = lambda: "mk"  # what the user types in the password dialog
        page.add_files([locked])
        qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=20_000)

    reports = shown_page(window, "committee_reports")
    reports.start.set_date(dt.date(2026, 1, 1))
    reports.end.set_date(TODAY)
    for row, name in enumerate(NAMES):
        built = reports.previews_built
        if reports.kinds.currentRow() == row:
            qtbot.mouseClick(reports.preview_button, Qt.MouseButton.LeftButton)
        else:
            reports.kinds.setCurrentRow(row)
        qtbot.waitUntil(lambda b=built: reports.previews_built > b, timeout=20_000)
        html = reports.viewer.toHtml()
        if name != "dues":
            assert all(cell in html for cell in CELL_NAMES[:2]), name
        for suffix in (".pdf", ".xlsx"):
            out = tmp_path / f"{name}{suffix}"
            reports.save_to(out)
            qtbot.waitUntil(lambda o=out: reports.last_saved == o, timeout=20_000)
            assert out.stat().st_size > 1000
    wait_idle(qtbot, window.tasks)


def test_the_reports_page_sends_a_package_upward(qtbot, open_window, demo_path, tmp_path):
    from chibo_desktop.gui.dialogs.package_dialog import PackageDialog, write_package_file

    window = open_window(demo_path)
    page = shown_page(window, "reports")
    assert page.upward_button.isVisible()
    dialog = PackageDialog(dt.date(2026, 1, 1), TODAY, page)
    qtbot.addWidget(dialog)
    assert "số điện thoại" in [box.text() for box in dialog.checks.values()]
    assert dialog.included() == []
    dialog.checks["phone"].setCheckState(Qt.CheckState.Checked)
    out = tmp_path / "goi.chibo"
    write_package_file(page, out, dt.date(2026, 1, 1), TODAY, dialog.included(), None)
    qtbot.waitUntil(out.exists, timeout=20_000)
    wait_idle(qtbot, window.tasks)
    summary = inspect_package(out)
    assert summary["intact"] and summary["privacy"]["included"] == ["phone"]
