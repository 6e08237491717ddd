"""The home page's reminders model answers the roles the list shows and no others."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QIcon

from chibo_desktop.gui.models.reminders_model import KIND_ROLE, RemindersModel
from chibo_desktop.services.reminders.collect import Reminder


def test_roles(qtbot):
    model = RemindersModel()
    model.set_items(
        [
            Reminder("probation", "overdue", "Lê Đình Quý: quá hạn", "member", 7, dt.date.today()),
            Reminder("meeting", "soon", "Sinh hoạt thường kỳ", "meeting", None),
        ]
    )
    late, soon = model.index(0, 0), model.index(1, 0)
    assert model.rowCount() == 2
    assert late.data(Qt.ItemDataRole.DisplayRole) == "Lê Đình Quý: quá hạn"
    assert late.data(Qt.ItemDataRole.ToolTipRole) == "Lê Đình Quý: quá hạn"
    assert late.data(KIND_ROLE) == "probation" and soon.data(KIND_ROLE) == "meeting"
    assert isinstance(late.data(Qt.ItemDataRole.DecorationRole), QIcon)
    assert isinstance(soon.data(Qt.ItemDataRole.DecorationRole), QIcon)
    brush = late.data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush) and brush.color().name() == "#8a1c14"
    assert soon.data(Qt.ItemDataRole.ForegroundRole) is None
    assert late.data(Qt.ItemDataRole.FontRole) is None
    assert late.data(Qt.ItemDataRole.EditRole) is None
    assert model.reminder(1).record_id is None
