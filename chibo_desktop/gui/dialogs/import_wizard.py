"""The member list import wizard: choose file → sheet and columns → preview → import →
summary. Every read and write runs on the database worker; the window never waits."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ...i18n import _
from ...services import importing
from ..errors import show_error
from ..file_dialogs import IMPORTS, ask_open_path
from ..tasks import Tasks
from ..widgets.paragraph import paragraph
from .import_wizard_pages import PreviewPage, ProgressStrip, SummaryPage

FILE_PAGE, MAPPING_PAGE, PREVIEW_PAGE, SUMMARY_PAGE = range(4)
SINGLE_USE = {
    "full_name",
    "birth_name",
    "gender",
    "birth_date",
    "join_date",
    "official_date",
    "card_number",
    "birth_date_male",
    "birth_date_female",
}


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(_("Chọn tệp danh sách"))
        self.setSubTitle(
            _(
                "Tệp Excel (.xlsx, .xls, .xlsb), LibreOffice (.ods) hoặc .csv đang dùng để "
                "quản lý đảng viên. Chương trình sẽ tự tìm bảng danh sách trong tệp."
            )
        )
        self.path = QLineEdit()
        self.path.setPlaceholderText(_("Đường dẫn tới tệp…"))
        self.path.textChanged.connect(self.completeChanged)
        browse = QPushButton(_("Chọn tệp…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addStretch(1)

    def browse(self) -> None:
        patterns = " ".join(f"*{s}" for s in importing.supported_suffixes())
        name = ask_open_path(
            self,
            IMPORTS,
            _("Chọn tệp danh sách"),
            _("Bảng tính ({patterns})").format(patterns=patterns),
        )
        if name:
            self.path.setText(name)

    def isComplete(self) -> bool:
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:
        path = self.path.text().strip()
        setup = self.owner.setup
        if setup is not None and setup.path == path:
            return True
        self.owner.inspect(path, None, then_next=True)
        return False


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(_("Trang tính và các cột"))
        self.setSubTitle(
            _(
                "Kiểm tra mỗi cột của tệp sẽ được nhập vào mục nào. Cột không cần thì chọn "
                "“Không nhập”, cột lạ muốn giữ lại thì chọn “Đưa vào ghi chú”."
            )
        )
        self.sheet = QComboBox()
        self.sheet.activated.connect(self._sheet_chosen)
        self.info = paragraph()
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Trang tính:")))
        top.addWidget(self.sheet, 1)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.info)
        layout.addWidget(scroll, 1)
        self.arrived = QCheckBox(_("Những đảng viên này chuyển sinh hoạt đến từ nơi khác"))
        self.arrived.setToolTip(
            _(
                "Đánh dấu khi danh sách là những đồng chí chuyển đến: chương trình ghi "
                "“Chuyển sinh hoạt đến” thay cho “Kết nạp”. Nếu tệp có cột ngày chuyển đến, "
                "ngày ấy được dùng."
            )
        )
        layout.addWidget(self.arrived)
        self.combos: dict[int, QComboBox] = {}
        self.strip = ProgressStrip(wizard)
        layout.addWidget(self.strip)

    def initializePage(self) -> None:
        self.show_setup(self.owner.setup)

    def show_setup(self, plan) -> None:
        self.sheet.clear()
        self.sheet.addItems(plan.sheet_names)
        self.sheet.setCurrentText(plan.sheet)
        rows = ", ".join(str(r) for r in plan.header_rows)
        text = _("Dòng tiêu đề: {rows}. Dữ liệu bắt đầu từ dòng {first}.").format(
            rows=rows, first=plan.header_rows[-1] + 1
        )
        if plan.saved_mapping:
            text += " " + _("Đã áp dụng cách ghép cột lưu từ lần nhập trước.")
        self.info.setText(text)
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for column, title in enumerate(
            (_("Cột"), _("Tiêu đề trong tệp"), _("Ví dụ"), _("Nhập vào"))
        ):
            label = QLabel(f"<b>{title}</b>")
            self.grid.addWidget(label, 0, column)
        self.combos = {}
        choices = importing.field_choices()
        for line, column in enumerate(plan.columns, start=1):
            self.grid.addWidget(QLabel(column.letter), line, 0)
            self.grid.addWidget(QLabel(column.header or "—"), line, 1)
            sample = QLabel("; ".join(s for s in column.samples if s)[:60])
            sample.setStyleSheet("color: #555")
            self.grid.addWidget(sample, line, 2)
            combo = QComboBox()
            for key, label in choices:
                combo.addItem(label, key)
            combo.setCurrentIndex(max(combo.findData(column.field), 0))
            combo.setAccessibleName(_("Cột {letter}").format(letter=column.letter))
            self.grid.addWidget(combo, line, 3)
            self.combos[column.index] = combo
        self.grid.setRowStretch(len(plan.columns) + 1, 1)

    def _sheet_chosen(self) -> None:
        name = self.sheet.currentText()
        if self.owner.setup is not None and name != self.owner.setup.sheet:
            self.owner.inspect(self.owner.setup.path, name, then_next=False)

    def mapping(self) -> dict[int, str]:
        return {index: combo.currentData() for index, combo in self.combos.items()}

    def problem(self) -> str | None:
        chosen = [f for f in self.mapping().values() if f]
        if "full_name" not in chosen:
            return _("Hãy chọn cột nào là “Họ và tên”.")
        labels = dict(importing.field_choices())
        twice = sorted({f for f in chosen if f in SINGLE_USE and chosen.count(f) > 1})
        if twice:
            return _("Mục “{field}” được chọn cho hai cột; mỗi mục chỉ một cột.").format(
                field=labels[twice[0]]
            )
        return None

    def validatePage(self) -> bool:
        problem = self.problem()
        if problem:
            from ...errors import ChiboError

            show_error(self, ChiboError(problem))
            return False
        return self.owner.preview(self.mapping())


class ImportWizard(QWizard):
    finished_import = Signal(object)  # the final report

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.setup = None  # the file's sheets and columns
        self.plan = None  # what the import will do, as previewed and then written
        self.preview_report = None
        self.mapping_used: dict[int, str] = {}
        self.report = None
        self.setWindowTitle(_("Nhập danh sách đảng viên từ tệp"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        for button, text in (
            (QWizard.WizardButton.BackButton, _("< Quay lại")),
            (QWizard.WizardButton.NextButton, _("Tiếp >")),
            (QWizard.WizardButton.CommitButton, _("Nhập vào sổ")),
            (QWizard.WizardButton.FinishButton, _("Xong")),
            (QWizard.WizardButton.CancelButton, _("Hủy")),
        ):
            self.setButtonText(button, text)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.summary_page = SummaryPage(self)
        for number, page in enumerate(
            (self.file_page, self.mapping_page, self.preview_page, self.summary_page)
        ):
            self.setPage(number, page)
        self.resize(900, 620)

    # Worker round trips. Each validatePage starts one and returns False; the callback moves
    # the wizard on when the answer arrives.
    def inspect(self, path: str, sheet: str | None, *, then_next: bool) -> None:
        def done(setup) -> None:
            self.setup = setup
            if then_next:
                self.next()
            else:
                self.mapping_page.show_setup(setup)

        self._busy(True)
        self.tasks.run(
            importing.inspect_file,
            path,
            sheet,
            on_done=self._after(done),
            on_error=self._after(lambda exc: show_error(self, exc)),
        )

    def preview(self, mapping: dict[int, str]) -> bool:
        arrived = self.mapping_page.arrived.isChecked()
        if self.plan is not None and (mapping, arrived) == (self.mapping_used, self.plan.arrived):
            return True

        def done(result) -> None:
            self.plan = result.value
            self.preview_report = self.plan.report
            self.mapping_used = mapping
            self.next()

        self.plan = self.preview_report = None
        self.mapping_page.strip.run(
            done,
            importing.plan_import,
            self.setup.path,
            sheet=self.setup.sheet,
            mapping=mapping,
            arrived=arrived,
            preview=True,
        )
        return False

    def run_import(self, strict: bool) -> bool:
        if self.report is not None:
            return True

        def done(result) -> None:
            self.report = result.value
            self.finished_import.emit(self.report)
            self.next()

        self.preview_page.strip.run(done, importing.commit_import, self.plan, strict=strict)
        return False

    def set_busy(self, busy: bool) -> None:
        """While the worker reads or writes, the wizard cannot move on or back."""
        for button in (
            QWizard.WizardButton.NextButton,
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.CommitButton,
        ):
            self.button(button).setEnabled(not busy)

    def _busy(self, busy: bool) -> None:
        self.set_busy(busy)

    def _after(self, callback):
        def wrapped(value) -> None:
            self._busy(False)
            callback(value)

        return wrapped


def run_import_wizard(parent: QWidget, tasks: Tasks) -> ImportWizard:
    """Open the wizard; the members page calls this from its "Nhập từ Excel…" action."""
    wizard = ImportWizard(tasks, parent)
    wizard.setWindowModality(Qt.WindowModality.WindowModal)
    wizard.show()
    return wizard


def file_name(path: str) -> str:
    return Path(path).name
