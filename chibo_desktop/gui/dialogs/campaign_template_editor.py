"""Edit a campaign template: its texts, steps, member items, documents and the lists of the
self-review, field by field; or its whole text for what the fields do not cover."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.campaign import EVIDENCE_KINDS, ReviewGroup, ReviewText, Template
from ...i18n import _
from ...services.campaigns import templates as svc
from ...services.campaigns.template_text import read_template, save_template, template_toml
from ..errors import show_error
from ..models.campaign_template_rows import (
    DocumentRow,
    DocumentRowsModel,
    ItemRow,
    ItemRowsModel,
    StepRow,
    StepRowsModel,
    document_rows,
    item_rows,
    rebuilt,
    step_rows,
)
from ..widgets.paragraph import paragraph
from .meeting_parts import ChoiceDelegate


def _list_edit(lines) -> QPlainTextEdit:
    """One entry per line; no wrapping, so a long entry never looks like two."""
    edit = QPlainTextEdit("\n".join(lines))
    edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    edit.setMinimumHeight(150)
    return edit


def _lines(edit: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(line.strip() for line in edit.toPlainText().splitlines() if line.strip())


def _texts(edit: QPlainTextEdit, before: tuple[ReviewText, ...]) -> tuple[ReviewText, ...]:
    """The lines as entries: a line left as it was keeps its source; a new or changed line
    has none, so it counts as not checked against the official text."""
    known = {entry.text: entry for entry in before}
    return tuple(known.get(line, ReviewText(line)) for line in _lines(edit))


def unverified_summary(template: Template) -> str:
    """Which entries are not checked against the official text, and where that text is."""
    rows = template.unverified()
    if not rows:
        return _("Mọi biểu hiện và điều cấm trong mẫu đều ghi nguồn đối chiếu.")
    listed = ", ".join(
        _("Điều {n}").format(n=template.ref_number(ref))
        if ref.startswith("p")
        else template.ref_number(ref)
        for ref, _group, _entry in rows
    )
    return _(
        "{n} mục chưa đối chiếu với văn bản chính thức: {listed}. Màn hình của chương trình ghi "
        "“chưa đối chiếu” bên cạnh các mục này; bản in không ghi. Văn bản chính thức: Cổng Thông "
        "tin điện tử Đảng Cộng sản Việt Nam (tulieuvankien.dangcongsan.vn). Chép đúng nguyên văn "
        "vào đây, rồi ở thẻ “Văn bản (nâng cao)” ghi source và bỏ dòng verified = false."
    ).format(n=len(rows), listed=listed)


class RowsPage(QWidget):
    """A table of rows with Add / Remove / Up / Down."""

    def __init__(self, model, new_row, hint: str) -> None:
        super().__init__()
        self.model = model
        self.new_row = new_row
        layout = QVBoxLayout(self)
        label = paragraph(hint)
        layout.addWidget(label)
        self.view = QTableView()
        self.view.setModel(model)
        self.view.setWordWrap(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(
            0 if model.FIELDS[0] == "title" else 1, QHeaderView.ResizeMode.Stretch
        )
        layout.addWidget(self.view, 1)
        bar = QHBoxLayout()
        for text, slot in (
            (_("Thêm"), self.add),
            (_("Xóa"), self.remove),
            (_("Lên"), lambda: self.move(-1)),
            (_("Xuống"), lambda: self.move(1)),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)

    def add(self) -> None:
        row = self.model.append(self.new_row())
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.edit(index)

    def remove(self) -> None:
        self.model.remove(self.view.currentIndex().row())

    def move(self, delta: int) -> None:
        row = self.view.currentIndex().row()
        rows = self.model.rows
        if 0 <= row < len(rows) and 0 <= row + delta < len(rows):
            rows[row], rows[row + delta] = rows[row + delta], rows[row]
            self.model.set_rows(rows)
            self.view.setCurrentIndex(self.model.index(row + delta, 0))


class TemplateEditor(QDialog):
    saved = Signal(str)

    def __init__(self, tasks, key: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.key = key
        self.template: Template | None = None
        self.setWindowTitle(_("Sửa mẫu đợt sinh hoạt"))
        self.resize(920, 680)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        general = QWidget()
        form = QFormLayout(general)
        self.title = QLineEdit()
        self.theme = QPlainTextEdit()
        self.theme.setFixedHeight(70)
        self.source = QLineEdit()
        self.headings = QPlainTextEdit()
        form.addRow(_("Tên mẫu:"), self.title)
        form.addRow(_("Chủ đề:"), self.theme)
        form.addRow(_("Căn cứ:"), self.source)
        form.addRow(_("Các phần của bản tự kiểm điểm\n(mỗi dòng một phần):"), self.headings)
        self.tabs.addTab(general, _("Chung"))

        self.steps = StepRowsModel(self)
        steps_page = RowsPage(
            self.steps,
            lambda: StepRow("", _("Bước mới"), "30", "note"),
            _("Hạn: số ngày sau ngày bắt đầu (ví dụ 30) hoặc một ngày trong năm (ví dụ 19/5)."),
        )
        evidence = [(_(label), key) for key, label in EVIDENCE_KINDS.items()]
        steps_page.view.setItemDelegateForColumn(2, ChoiceDelegate(lambda: evidence, self))
        self.tabs.addTab(steps_page, _("Các bước"))
        self.items = ItemRowsModel(self)
        self.tabs.addTab(
            RowsPage(
                self.items,
                lambda: ItemRow("", _("Mục mới")),
                _("Mỗi tài liệu học tập đã là một mục “Học …”; ở đây là các mục khác."),
            ),
            _("Mục của đảng viên"),
        )
        self.documents = DocumentRowsModel(self)
        self.tabs.addTab(
            RowsPage(
                self.documents,
                lambda: DocumentRow("", _("Số hiệu"), _("Trích yếu")),
                _("Tài liệu học tập; văn bản đã được thay thì ghi văn bản thay thế."),
            ),
            _("Tài liệu"),
        )
        lists = QWidget()
        outer = QVBoxLayout(lists)
        self.unverified = paragraph()
        self.unverified.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.unverified)
        lists_box = QVBoxLayout()
        outer.addLayout(lists_box)
        self.group_edits: list[QPlainTextEdit] = []
        self.group_titles: list[QLabel] = []
        self.lists_box = lists_box
        self.prohibitions = QPlainTextEdit()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(lists)
        self.tabs.addTab(scroll, _("Biểu hiện, điều cấm"))

        self.text = QPlainTextEdit(text)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.tabs.addTab(self.text, _("Văn bản (nâng cao)"))
        self.raw_tab = self.tabs.count() - 1
        self.tabs.currentChanged.connect(self._tab_changed)
        self._last_tab = 0

        self.message = paragraph()
        layout.addWidget(self.message)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        box.button(QDialogButtonBox.StandardButton.Save).setText(_("Lưu"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Hủy"))
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        if text:
            self.set_text(text)

    # --- fields <-> text --------------------------------------------------------------------
    def set_text(self, text: str) -> None:
        self.text.setPlainText(text)
        self.fill(read_template(text, self.key))

    def fill(self, template: Template) -> None:
        self.template = template
        self.title.setText(template.title)
        self.theme.setPlainText(template.theme)
        self.source.setText(template.source)
        self.headings.setPlainText("\n".join(template.review_headings))
        self.steps.set_rows(step_rows(template))
        self.items.set_rows(item_rows(template))
        self.documents.set_rows(document_rows(template))
        while self.lists_box.count():
            widget = self.lists_box.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.group_edits = []
        self.unverified.setText(unverified_summary(template))
        for group in template.manifestation_groups:
            edit = _list_edit(entry.text for entry in group.entries)
            self.lists_box.addWidget(
                QLabel(f"<b>{group.title}</b> — " + _("mỗi dòng một biểu hiện"))
            )
            self.lists_box.addWidget(edit)
            self.group_edits.append(edit)
        self.prohibitions = _list_edit(entry.text for entry in template.prohibitions)
        self.lists_box.addWidget(
            QLabel("<b>" + _("Điều đảng viên không được làm") + "</b> — " + _("mỗi dòng một điều"))
        )
        self.lists_box.addWidget(self.prohibitions)

    def edited(self) -> Template:
        """The template as the fields now say (raises ChiboError on a bad deadline)."""
        template = self.template
        groups = tuple(
            ReviewGroup(g.key, g.title, _texts(edit, g.entries))
            for g, edit in zip(template.manifestation_groups, self.group_edits, strict=True)
        )
        return rebuilt(
            template,
            self.steps.rows,
            self.items.rows,
            self.documents.rows,
            title=self.title.text().strip(),
            theme=self.theme.toPlainText().strip(),
            source=self.source.text().strip(),
            review_headings=_lines(self.headings),
            manifestation_groups=groups,
            prohibitions=_texts(self.prohibitions, template.prohibitions),
        )

    def _tab_changed(self, index: int) -> None:
        previous, self._last_tab = self._last_tab, index
        try:
            if index == self.raw_tab and self.template is not None:
                self.text.setPlainText(template_toml(self.edited()))
            elif previous == self.raw_tab:
                self.fill(read_template(self.text.toPlainText(), self.key))
        except Exception as exc:  # a bad field or text: go back and say why
            self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(previous)
            self.tabs.blockSignals(False)
            self._last_tab = previous
            self._failed(exc)

    def save(self) -> None:
        try:
            if self.tabs.currentIndex() == self.raw_tab or self.template is None:
                job, value = svc.save_template_text, self.text.toPlainText()
            else:
                job, value = save_template, dataclasses.replace(self.edited(), key=self.key)
        except Exception as exc:
            self._failed(exc)
            return
        self.tasks.run(job, self.key, value, on_done=self._saved, on_error=self._failed)

    def _saved(self, _result) -> None:
        self.saved.emit(self.key)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        line = getattr(exc, "line", None)
        if line:
            self.tabs.setCurrentIndex(self.raw_tab)
            block = self.text.document().findBlockByNumber(line - 1)
            cursor = QTextCursor(block)
            cursor.select(QTextCursor.SelectionType.LineUnderCursor)
            self.text.setTextCursor(cursor)
            self.text.setFocus()
        self.message.setText(getattr(exc, "message", str(exc)))
        show_error(self, exc, _("Mẫu chưa hợp lệ"))
