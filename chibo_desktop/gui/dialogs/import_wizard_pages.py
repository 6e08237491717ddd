"""The last two pages of the import wizard: the preview and the summary."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ...i18n import _, ngettext
from ...services import importing
from ..errors import show_error
from ..file_dialogs import EXPORTS, ask_save_path
from ..models.import_preview import REASON, ImportPreviewModel, ProblemFilter
from ..widgets.paragraph import paragraph


def counts_text(report) -> str:
    rows = len({r.row for r in report.rejected})
    parts = [
        _("{n} thêm mới").format(n=report.added),
        _("{n} cập nhật").format(n=report.updated),
        _("{n} không đổi").format(n=report.unchanged),
        ngettext("{n} dòng bị từ chối", "{n} dòng bị từ chối", rows).format(n=rows),
    ]
    if report.skipped:
        parts.append(
            ngettext(
                "{n} dòng không phải đảng viên được bỏ qua",
                "{n} dòng không phải đảng viên được bỏ qua",
                report.skipped,
            ).format(n=report.skipped)
        )
    return ", ".join(parts)


class ProgressStrip(QWidget):
    """Progress of a worker job shown inside the wizard page, with its own cancel button.

    The wizard keeps its window: the secretary sees where the reading or writing is and
    can stop it; cancelling closes the job's generator, so nothing is written."""

    def __init__(self, wizard) -> None:
        super().__init__()
        self.owner = wizard
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.cancel = QPushButton(_("Hủy"))
        self.cancel.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel)
        self.flag = None
        self.hide()

    def run(self, on_done, fn, *args, **kwargs) -> None:
        self.label.setText(_("Đang làm…"))
        self.bar.setRange(0, 0)
        self.show()
        self.owner.set_busy(True)
        self.flag = self.owner.tasks.run(
            fn,
            *args,
            on_done=self._finish(on_done),
            on_error=self._finish(self._failed),
            on_progress=self._progressed,
            **kwargs,
        )

    def _progressed(self, step) -> None:
        self.bar.setRange(0, max(step.total, 0))
        if step.total:
            self.bar.setValue(min(step.done, step.total))
        if step.message:
            self.label.setText(step.message)

    def _finish(self, callback):
        def finished(value) -> None:
            self.flag = None
            self.hide()
            self.owner.set_busy(False)
            callback(value)

        return finished

    def _failed(self, exc) -> None:
        show_error(self.owner, exc)

    def _cancel(self) -> None:
        if self.flag is not None:
            self.flag.cancel()
            self.label.setText(_("Đang dừng…"))


class PreviewPage(QWizardPage):
    def __init__(self, wizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(_("Xem trước"))
        self.setSubTitle(
            _(
                "Đây là những gì sẽ được ghi vào sổ. Ô tô đỏ có vấn đề; cột “Lý do từ chối” "
                "nói vì sao. Các dòng bị từ chối sẽ không được nhập."
            )
        )
        self.setCommitPage(True)
        self.summary = paragraph()
        self.model = ImportPreviewModel(self)
        self.proxy = ProblemFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setDefaultSectionSize(115)
        self.only_problems = QCheckBox(_("Chỉ hiện các dòng bị từ chối"))
        self.only_problems.toggled.connect(self.proxy.set_only_problems)
        self.strict = QCheckBox(_("Có dòng bị từ chối thì không nhập gì cả"))
        options = QHBoxLayout()
        options.addWidget(self.only_problems)
        options.addStretch(1)
        options.addWidget(self.strict)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(options)
        layout.addWidget(self.table, 1)
        self.reason = paragraph()
        self.reason.setStyleSheet("color: #9c1c14")
        layout.addWidget(self.reason)
        self.table.selectionModel().currentChanged.connect(self._show_reason)
        self.strip = ProgressStrip(wizard)
        layout.addWidget(self.strip)

    def initializePage(self) -> None:
        report = self.owner.preview_report
        labels = dict(importing.field_choices())
        shown = []
        for key in (
            "full_name",
            "gender",
            "birth_date",
            "join_date",
            "official_date",
            "card_number",
        ):
            shown.append((key, labels[key]))
        chosen = {f for f in self.owner.mapping_used.values() if f}
        extra = [
            (k, labels[k])
            for k, _label in importing.field_choices()
            if k in chosen and k not in dict(shown) and k in _MEMBER_FIELDS
        ]
        self.model.set_preview(report.rows or [], shown + extra)
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):  # each title whole ("Số thẻ đảng viên")
            header.resizeSection(column, max(115, header.sectionSizeHint(column)))
        self.table.setColumnWidth(0, max(60, header.sectionSizeHint(0)))
        self.table.setColumnWidth(REASON, max(260, header.sectionSizeHint(REASON)))
        self.summary.setText(
            _("Tệp {name}: {counts}.").format(name=report.file_name, counts=counts_text(report))
        )

    def _show_reason(self, current, _previous=None) -> None:
        """The reason of the cell the secretary is on, without hovering."""
        text = current.data(Qt.ItemDataRole.ToolTipRole) if current.isValid() else None
        self.reason.setText(
            _("Dòng {row}: {reason}").format(row=current.siblingAtColumn(0).data(), reason=text)
            if text
            else ""
        )

    def validatePage(self) -> bool:
        return self.owner.run_import(self.strict.isChecked())


_MEMBER_FIELDS = {
    "birth_name",
    "ethnicity",
    "religion",
    "hometown",
    "address",
    "education",
    "theory_level",
    "qualification",
    "foreign_language",
    "job_before",
    "job_now",
    "file_number",
    "badge_number",
    "citizen_id",
    "phone",
    "position",
    "notes",
}


class SummaryPage(QWizardPage):
    def __init__(self, wizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(_("Kết quả"))
        self.text = paragraph()
        self.save = QPushButton(_("Lưu báo cáo lỗi…"))
        self.save.clicked.connect(self.save_report)
        self.saved = paragraph()
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        row.addWidget(self.save)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.saved)
        layout.addStretch(1)

    def initializePage(self) -> None:
        report = self.owner.report
        if report.strict_refused:
            head = _("Không nhập gì vì có dòng bị từ chối (đã chọn “không nhập gì cả”).")
        elif report.written:
            head = _("Đã nhập xong vào sổ đảng viên.")
        else:
            head = _("Sổ đảng viên không có gì thay đổi.")
        lines = [f"<p><b>{head}</b></p>", f"<p>{counts_text(report)}.</p>"]
        if report.replanned:
            lines.append(
                "<p>"
                + _(
                    "Tệp hoặc sổ đảng viên đã thay đổi từ lúc xem trước, nên chương trình đã "
                    "đối chiếu lại trước khi ghi; các con số trên là của lần đối chiếu mới."
                )
                + "</p>"
            )
        if report.without_history:
            lines.append(
                "<p>"
                + ngettext(
                    "{n} đảng viên chưa có ngày vào Đảng: đã ghi hồ sơ nhưng chưa ghi biến "
                    "động. Hãy bổ sung ngày vào Đảng.",
                    "{n} đảng viên chưa có ngày vào Đảng: đã ghi hồ sơ nhưng chưa ghi biến "
                    "động. Hãy bổ sung ngày vào Đảng.",
                    report.without_history,
                ).format(n=report.without_history)
                + "</p>"
            )
        if report.rejected:
            lines.append(
                "<p>"
                + _("Hãy lưu báo cáo lỗi, sửa các dòng trong đó rồi nhập lại tệp báo cáo.")
                + "</p>"
            )
        self.text.setText("".join(lines))
        self.save.setEnabled(bool(report.rejected_rows))

    def save_report(self) -> None:
        report = self.owner.report
        suggested = report.file_name.rsplit(".", 1)[0] + " - dong bi tu choi.xlsx"
        path = ask_save_path(
            self, EXPORTS, _("Lưu báo cáo lỗi"), suggested, _("Bảng tính Excel (*.xlsx)")
        )
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"

        def done(saved) -> None:
            self.saved.setText(_("Đã lưu: {path}").format(path=saved))

        self.owner.tasks.run(
            importing.save_error_report,
            report,
            path,
            needs_db=False,
            on_done=done,
            on_error=lambda exc: show_error(self, exc),
        )
