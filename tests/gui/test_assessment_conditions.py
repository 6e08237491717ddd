"""The assessment dialog: the conditions of QĐ 366 ticked beside the score; the score only
proposes a level; a level the ticked conditions do not support is refused with the reason."""

from __future__ import annotations

from PySide6.QtCore import Qt

from chibo_desktop.gui.dialogs import assessment_dialog as dialog_module
from chibo_desktop.gui.dialogs.assessment_dialog import AssessmentDialog
from chibo_desktop.gui.models.assessment_model import PROPOSED, SCORE
from chibo_desktop.services.assessments.year_end import member_history
from chibo_desktop.storage.database import open_database

from .conftest import wait_idle


def _stored(path, member_id, year):
    db = open_database(path)
    try:
        return next(a for a in member_history(db, member_id) if a.year == year)
    finally:
        db.close()


def test_conditions_beside_the_score(open_window, demo_path, qtbot, tasks, monkeypatch):
    errors = []
    monkeypatch.setattr(dialog_module, "show_error", lambda parent, exc, *a: errors.append(exc))
    open_window(demo_path)
    dialog = AssessmentDialog(tasks, 2025)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, tasks)
    qtbot.waitUntil(lambda: dialog.sheet is not None and dialog.model.rowCount() > 0)
    assert not dialog.conditions.checks["xs_nhiem_vu"].isEnabled()  # no member chosen yet
    # a member rated "tốt": their conditions are the ones of that level
    row = next(
        i
        for i, r in enumerate(dialog.model.rows)
        if r.assessment and r.assessment.proposed_level == "tot" and r.assessment.final_level
    )
    view = dialog.table
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.visualRect(view.model().index(row, 1)).center(),
    )
    member = dialog.model.rows[row].member
    assert dialog.conditions.checks["tot_dung_han"].isChecked()
    # unticking a condition the member's level needs is refused, and the box ticks again
    dialog.conditions.checks["tot_dung_han"].click()
    wait_idle(qtbot, tasks)
    assert "cần đủ điều kiện" in errors[-1].message
    qtbot.waitUntil(lambda: dialog.conditions.checks["tot_dung_han"].isChecked())
    assert dialog.model.setData(dialog.model.index(row, 4), "hoan_thanh")  # self level
    wait_idle(qtbot, tasks)
    assert dialog.model.setData(dialog.model.index(row, PROPOSED), "hoan_thanh")
    wait_idle(qtbot, tasks)
    assert member.full_name in dialog.conditions.title()
    assert dialog.model.setData(dialog.model.index(row, SCORE), "95")
    wait_idle(qtbot, tasks)
    for box in dialog.conditions.checks.values():  # start from no condition met
        if box.isChecked():
            box.click()
            wait_idle(qtbot, tasks)
    assert "Hoàn thành nhiệm vụ”" in dialog.conditions.proposal.text()  # 95 alone: the band
    assert dialog.model.setData(dialog.model.index(row, PROPOSED), "xuat_sac")
    wait_idle(qtbot, tasks)
    assert errors and "cần đủ điều kiện" in errors[-1].message
    assert "30% nhiệm vụ hoàn thành vượt mức" in errors[-1].message
    assert _stored(demo_path, member.id, 2025).proposed_level != "xuat_sac"
    dialog.conditions.checks["xs_nhiem_vu"].click()
    wait_idle(qtbot, tasks)
    dialog.conditions.checks["xs_khac_phuc"].click()
    wait_idle(qtbot, tasks)
    assert "Hoàn thành xuất sắc nhiệm vụ" in dialog.conditions.proposal.text()
    refused = len(errors)
    assert dialog.model.setData(dialog.model.index(row, PROPOSED), "xuat_sac")
    wait_idle(qtbot, tasks)
    assert len(errors) == refused
    stored = _stored(demo_path, member.id, 2025)
    assert stored.proposed_level == "xuat_sac" and stored.self_score == 95
    assert stored.conditions == {"xs_nhiem_vu", "xs_khac_phuc"}
    dialog.close()
