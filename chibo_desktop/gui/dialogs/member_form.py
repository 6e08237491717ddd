"""The member record: every field of the register, derived facts and the status history."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import to_date
from ...domain.members import DATE_FIELDS, FIELD_LABELS, GENDERS, Member
from ...domain.status import StatusChange
from ...errors import FieldProblem, ValidationError
from ...i18n import N_, _
from ...services.contract.context import today as _today
from ...services.members.register import (
    MemberDetail,
    add_status_change,
    allowed_changes,
    change_labels,
    choice_lists,
    get_member,
    save_member,
)
from ..errors import show_error
from ..models.history_model import HistoryModel
from ..widgets.tables import record_table
from .member_fields import ChoiceField, DateField, ask_unsaved, facts_html

CHOICE_FIELDS = ("ethnicity", "religion", "education", "theory_level", "position")
ENTRY_KINDS = ("admitted", "transfer_in", "temp_in")
# Form layout: (group title, fields)
GROUPS = (
    (
        N_("Bản thân"),
        ("full_name", "birth_name", "gender", "birth_date", "ethnicity", "religion",
         "hometown", "address", "citizen_id", "phone"),
    ),
    (
        N_("Trình độ, nghề nghiệp"),
        ("education", "theory_level", "qualification", "foreign_language", "job_before",
         "job_now", "armed_forces"),
    ),
    (
        N_("Đảng tịch"),
        ("join_date", "official_date", "card_number", "file_number", "badge_number",
         "position"),
    ),
)  # fmt: skip


class MemberForm(QDialog):
    """Add (``member_id`` None) or edit one member. Saving goes through the worker."""

    saved = Signal(int, object, object)  # member id, record before (None if new), after
    status_requested = Signal(int)  # the page records status changes (and their undo)

    def __init__(self, parent: QWidget | None, tasks, member_id: int | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.member_id = member_id
        self.detail: MemberDetail | None = None
        self.loaded: Member = Member()
        self.today: dt.date = _today()
        self.setWindowTitle(_("Thêm đảng viên") if member_id is None else _("Hồ sơ đảng viên"))
        self.resize(1000, 580)
        self.widgets: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        self.facts = QLabel()
        self.facts.setObjectName("memberFacts")
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.facts)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._record_tab(), _("Hồ sơ"))
        self.tabs.addTab(self._history_tab(), _("Biến động"))
        layout.addWidget(self.tabs, 1)
        self.problems = QLabel()
        self.problems.setStyleSheet("color: #b3261e")
        self.problems.setWordWrap(True)
        layout.addWidget(self.problems)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton(_("Lưu (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(_("Đóng"))
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self._closing_after_save = False
        self.first_status: StatusChange | None = None
        if member_id is None:
            self.tabs.setTabEnabled(1, False)
            self._show_facts()
        else:
            self.setEnabled(False)
            tasks.run(get_member, member_id, on_done=self.show_detail, on_error=self._load_failed)

    # --- building -------------------------------------------------------------------------
    def _field(self, name: str) -> QWidget:
        choices = choice_lists()
        if name in CHOICE_FIELDS:
            choice = choices[name]
            widget = ChoiceField(choice.values, choice.exhaustive)
        elif name in DATE_FIELDS:
            widget = DateField()
        elif name == "gender":
            widget = QComboBox()
            widget.addItem("", None)
            for gender, label in zip(GENDERS, (N_("Nam"), N_("Nữ")), strict=True):
                widget.addItem(_(label), gender)  # stored as "Nam"/"Nữ" in any language
        elif name == "armed_forces":
            widget = QCheckBox(_("Có (quân đội / nghỉ hưu)"))
        else:
            widget = QLineEdit()
            if name == "full_name":
                widget.setMaxLength(100)
        widget.setObjectName(name)
        self.widgets[name] = widget
        return widget

    def _record_tab(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        for column, (title, names) in enumerate(GROUPS):
            box = QGroupBox(_(title))
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for name in names:
                form.addRow(_(FIELD_LABELS[name]) + ":", self._field(name))
            if column == 2:
                self.entry_box = self._entry_rows(form)
            grid.addWidget(box, 0, column)
            grid.setColumnStretch(column, 1)
        notes = QGroupBox(_("Ghi chú"))
        notes_layout = QVBoxLayout(notes)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setFixedHeight(60)
        self.widgets["notes"] = self.notes
        notes_layout.addWidget(self.notes)
        grid.addWidget(notes, 1, 0, 1, 3)
        grid.setRowStretch(2, 1)
        return page

    def _entry_rows(self, form: QFormLayout) -> list[QWidget]:
        """For a new member: how they come into the cell (so they appear in its list)."""
        self.entry_kind = QComboBox()
        labels = change_labels()
        self.entry_kind.addItem(_("(chưa vào danh sách chi bộ)"), None)
        for key in ENTRY_KINDS:
            self.entry_kind.addItem(labels.get(key, key), key)
        self.entry_kind.setCurrentIndex(1)
        self.entry_date = DateField()
        self.entry_date.setToolTip(_("Để trống: lấy ngày vào Đảng (kết nạp) hoặc hôm nay."))
        form.addRow(_("Vào chi bộ bằng:"), self.entry_kind)
        form.addRow(_("Ngày vào chi bộ:"), self.entry_date)
        shown = self.member_id is None
        for widget in (self.entry_kind, self.entry_date):
            widget.setVisible(shown)
            form.labelForField(widget).setVisible(shown)
        return [self.entry_kind, self.entry_date]

    def _history_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.history_model = HistoryModel(change_labels(), self)
        self.history = record_table(self.history_model)
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        layout.addWidget(self.history)
        row = QHBoxLayout()
        self.add_status_button = QPushButton(_("Ghi biến động…"))
        self.add_status_button.clicked.connect(
            lambda: self.member_id and self.status_requested.emit(self.member_id)
        )
        row.addWidget(self.add_status_button)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    # --- values -----------------------------------------------------------------------------
    def collect(self) -> Member:
        values: dict = {}
        for name, widget in self.widgets.items():
            if name in DATE_FIELDS:
                values[name] = widget.iso()
            elif name in CHOICE_FIELDS:
                values[name] = widget.text()
            elif name == "gender":
                values[name] = widget.currentData()
            elif name == "armed_forces":
                values[name] = widget.isChecked()
            elif name == "notes":
                values[name] = widget.toPlainText()
            else:
                values[name] = widget.text()
        return dataclasses.replace(self.loaded, **values)

    def fill(self, member: Member) -> None:
        for name, widget in self.widgets.items():
            value = getattr(member, name)
            if name in DATE_FIELDS:
                widget.set_iso(value)
            elif name in CHOICE_FIELDS:
                widget.set_text(value or "")
            elif name == "gender":
                widget.setCurrentIndex(max(widget.findData(value), 0))
            elif name == "armed_forces":
                widget.setChecked(bool(value))
            elif name == "notes":
                widget.setPlainText(value or "")
            else:
                widget.setText(value or "")

    def is_dirty(self) -> bool:
        from ...domain.members import normalized

        return normalized(self.collect()) != normalized(self.loaded)

    # --- loading ------------------------------------------------------------------------------
    def show_detail(self, detail: MemberDetail) -> None:
        self.detail = detail
        self.loaded = detail.member
        self.member_id = detail.member.id
        self.fill(detail.member)
        self.history_model.set_rows(detail.history)
        self.setWindowTitle(_("Hồ sơ đảng viên — {name}").format(name=detail.member.full_name))
        self._show_facts()
        self.setEnabled(True)

    def reload(self) -> None:
        if self.member_id is not None:
            self.tasks.run(get_member, self.member_id, on_done=self._reloaded)

    def _reloaded(self, detail: MemberDetail) -> None:
        # Keep the user's unsaved typing; refresh history, state and facts.
        dirty = self.is_dirty()
        typed = self.collect()
        self.show_detail(detail)
        if dirty:
            self.fill(typed)

    def _load_failed(self, exc: Exception) -> None:
        show_error(self.parentWidget(), exc)
        self._closing_after_save = True
        self.reject()

    def _show_facts(self) -> None:
        if self.detail is None:
            self.facts.setText(_("<i>Nhập hồ sơ rồi bấm Lưu (Ctrl+S).</i>"))
            return
        self.facts.setText(facts_html(self.detail, self.today))
        self.add_status_button.setEnabled(bool(allowed_changes(self.detail.state)))

    # --- saving -------------------------------------------------------------------------------
    def _first_status(self, member: Member) -> StatusChange | None:
        kind = self.entry_kind.currentData()
        if self.member_id is not None or kind is None:
            return None
        typed = self.entry_date.iso()
        when = to_date(typed) if typed else None
        if when is None and typed:
            message = _("Ngày vào chi bộ “{v}” không hợp lệ.").format(v=typed)
            raise ValidationError([FieldProblem("join_date", message)])
        if when is None:
            joined = to_date(member.join_date)
            when = joined if kind == "admitted" and joined else self.today
        return StatusChange(kind, when)

    def save(self) -> None:
        member = self.collect()
        try:
            first = self._first_status(member)
        except ValidationError as exc:
            self.show_problems(exc)
            return
        before = None if self.member_id is None else self.loaded
        self.first_status = first
        self.save_button.setEnabled(False)
        self.tasks.run(
            save_member,
            member,
            first_status=first,
            today=self.today,
            on_done=lambda result: self._saved(result.value, before),
            on_error=self._save_failed,
        )

    def _saved(self, member_id: int, before: Member | None) -> None:
        official = self._official_change()
        if before is None and official is not None:
            # Admitted long ago and already made official: the history says both.
            self.tasks.run(
                add_status_change,
                member_id,
                official,
                today=self.today,
                on_done=lambda _r: self._finish_save(member_id, before),
                on_error=lambda exc: (show_error(self, exc), self._finish_save(member_id, before)),
            )
            return
        self._finish_save(member_id, before)

    def _official_change(self) -> StatusChange | None:
        first = self.first_status
        if first is None or first.kind != "admitted":
            return None
        try:
            official = to_date(self.collect().official_date)
        except ValueError:
            return None
        if official is None or official < first.date or official > self.today:
            return None
        return StatusChange("official", official)

    def _finish_save(self, member_id: int, before: Member | None) -> None:
        self.save_button.setEnabled(True)
        after = dataclasses.replace(self.collect(), id=member_id)
        self.loaded = after
        self.member_id = member_id
        self.saved.emit(member_id, before, after)
        self._closing_after_save = True
        self.accept()

    def _save_failed(self, exc: Exception) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_problems(exc)
        else:
            show_error(self, exc)

    def show_problems(self, exc: ValidationError) -> None:
        for name, widget in self.widgets.items():
            bad = bool(exc.for_field(name))
            widget.setStyleSheet("border: 1px solid #b3261e;" if bad else "")
        self.problems.setText("\n".join(p.message for p in exc.problems))
        self.tabs.setCurrentIndex(0)
        for problem in exc.problems:
            if problem.field in self.widgets:
                self.widgets[problem.field].setFocus()
                break

    # --- leaving --------------------------------------------------------------------------
    def maybe_close(self) -> bool:
        """True when the form may close (nothing unsaved, or the user chose)."""
        if self._closing_after_save or not self.isEnabled() or not self.is_dirty():
            return True
        answer = ask_unsaved(self)
        if answer == "save":
            self.save()
            return False
        return answer == "discard"

    def reject(self) -> None:
        if self.maybe_close():
            self._closing_after_save = True
            super().reject()

    def closeEvent(self, event) -> None:
        if self.maybe_close():
            self._closing_after_save = True
            event.accept()
        else:
            event.ignore()
