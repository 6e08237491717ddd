"""The Đảng phí page's dialogs: exemptions and reductions, a salary list imported, what a
month passed up, the cell's dues settings. Mixed into DuesPage (which has ``tasks``,
``month``, ``ledger``, ``status``, ``selected_line`` and ``_failed``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from ...i18n import _
from ...services.contract.context import today as _today
from ...services.dues import entry as dues_entry
from ...services.dues import ledger as dues


class DuesActions:
    def add_relief(self) -> None:
        line = self.selected_line()
        if line is None:
            self.status.setText(_("Chọn một đảng viên trong bảng."))
            return
        self.tasks.run(
            dues_entry.reliefs_of,
            line.member_id,
            on_done=lambda existing: self._open_relief(line, existing),
        )

    def _open_relief(self, line, existing) -> None:
        from ..dialogs.dues_dialogs import ReliefDialog

        dialog = ReliefDialog(line.member_id, line.name, self.month, existing, self)
        if not dialog.exec():
            return
        if dialog.remove_id is not None:
            self.tasks.run(dues_entry.remove_relief, dialog.remove_id, on_error=self._failed)
        elif dialog.relief is not None:
            self.tasks.run(dues_entry.add_relief, dialog.relief, on_error=self._failed)

    def import_bases(self) -> None:
        from ..dialogs.dues_import import BasisImportDialog

        folder = self.last_saved.parent if self.last_saved else Path.home()
        name, _f = QFileDialog.getOpenFileName(
            self,
            _("Chọn bảng lương"),
            str(folder),
            _("Bảng tính (*.xlsx *.xls *.xlsb *.ods *.csv)"),
        )
        if not name:
            return
        dialog = BasisImportDialog(self.tasks, Path(name), self.month, _today(), self)
        if dialog.exec() and dialog.imported is not None:
            self.status.setText(
                _("Đã nhập căn cứ đóng của {n} đảng viên.").format(n=len(dialog.imported.planned))
            )

    def edit_passed_up(self) -> None:
        if self.ledger is None:
            return
        ledger = self.ledger
        self.tasks.run(
            dues.month_meetings,
            ledger.month,
            on_done=lambda meetings: self._open_passed_up(ledger, meetings),
        )

    def _open_passed_up(self, ledger, meetings) -> None:
        from ..dialogs.dues_dialogs import PassedUpDialog

        dialog = PassedUpDialog(ledger, meetings, _today(), self)
        if dialog.exec() and dialog.record is not None:
            self.tasks.run(dues_entry.save_month_record, dialog.record, on_error=self._failed)

    def edit_settings(self) -> None:
        self.tasks.run(dues.cell_options, self.month, on_done=self._open_settings)

    def _open_settings(self, options) -> None:
        from ..dialogs.dues_dialogs import DuesSettingsDialog

        dialog = DuesSettingsDialog(options, dues.cell_set_groups(), self.month, self)
        if dialog.exec() and dialog.values:
            self.tasks.run(dues_entry.save_cell_options, **dialog.values, on_error=self._failed)
