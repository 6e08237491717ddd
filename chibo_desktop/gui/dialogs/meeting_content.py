"""The “general” tab of the minutes editor, and the table the editor's lists share."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.meetings import Guest, Meeting
from ...i18n import N_, _
from ..models.meetings_model import GuestModel
from ..widgets.day_edit import DayEdit, reason_line


def table(model, *, stretch: int) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(True)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def _time_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setInputMask("00:00;_")
    edit.setMaximumWidth(70)
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("00:000") + 12)  # hours whole
    return edit


def _minus_one_is_none(spin: QSpinBox) -> int | None:
    return None if spin.value() < 0 else spin.value()


# Side by side, a field gets at least this much room; otherwise labels go above the fields.
FIELD_ROOM_PX = 260


class _ClickLabel(QLabel):
    """The words of a check box that wrap: a click on them ticks the box too."""

    clicked = Signal()

    def mouseReleaseEvent(self, event) -> None:
        if self.isEnabled() and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class GeneralTab(QScrollArea):
    """The minutes' header: number, day and hours, place, titles, chair and secretary,
    guests, opening, documents, approval. Narrow windows wrap it, never scroll sideways."""

    def __init__(self, touched: Callable) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        inner = QWidget()
        form = QFormLayout(inner)
        self.form = form
        self.number = QLineEdit()
        self.number.setPlaceholderText(_("ví dụ: Số 05-BB/CB (không bắt buộc)"))
        self.place = QLineEdit()
        self.title = QLineEdit()
        self.topic = QLineEdit()
        self.presenter = QLineEdit()
        form.addRow(_("Số biên bản:"), self.number)
        form.addRow(_("Ngày, giờ:"), self._build_day_and_hours())
        self.date_problem = reason_line(self.date)
        form.addRow("", self.date_problem)
        form.addRow(_("Địa điểm:"), self.place)
        form.addRow(_("Tiêu đề:"), self.title)
        form.addRow(_("Chuyên đề:"), self.topic)
        form.addRow(_("Người trình bày:"), self.presenter)
        chair, secretary = self._build_people()
        form.addRow(_("Chủ trì:"), chair)
        form.addRow(_("Thư ký:"), secretary)
        form.addRow(_("Đại biểu cấp trên:"), self._build_guests(touched))
        self.opening = QPlainTextEdit()
        self.opening.setMaximumHeight(90)
        form.addRow(_("Khai mạc:"), self.opening)
        posted = self._build_documents()
        form.addRow(_("Văn bản phổ biến:"), self.documents)
        form.addRow(_("Chuẩn bị:"), posted)
        form.addRow(_("Thông qua biên bản:"), self._build_approval())
        self.setWidget(inner)
        self._connect(touched)

    def resizeEvent(self, event) -> None:
        """Label and field side by side while the widest label leaves the fields their room;
        narrower (1024×600, the longer English labels), each label goes above its field.
        The hours stand beside the day when the field holds both, else under it."""
        labels, others, fields = self._widths()
        width = event.size().width()
        narrow = width < labels + others + fields
        policy = QFormLayout.RowWrapPolicy
        self.form.setRowWrapPolicy(policy.WrapAllRows if narrow else policy.WrapLongRows)
        self._place_hours(width - others - (0 if narrow else labels))
        super().resizeEvent(event)

    def _widths(self) -> tuple[int, int, int]:
        """The labels' column (with its spacing), the margins and scroll bar, and the room
        the fields need (the day row aside: its hours can go under the day)."""
        role = QFormLayout.ItemRole
        labels, fields = 0, FIELD_ROOM_PX
        for row in range(self.form.rowCount()):
            label = self.form.itemAt(row, role.LabelRole)
            field = self.form.itemAt(row, role.FieldRole)
            if label is not None and label.widget() is not None:
                labels = max(labels, label.widget().sizeHint().width())
            if field is not None and field.widget() is not self.date.parentWidget():
                fields = max(fields, field.minimumSize().width())
        margins = self.form.contentsMargins()
        others = margins.left() + margins.right() + self.verticalScrollBar().sizeHint().width()
        return labels + max(self.form.horizontalSpacing(), 6), others + 4, fields

    # --- building -------------------------------------------------------------------------
    def _build_day_and_hours(self) -> QWidget:
        """The day typed as it is (an impossible one stays, marked with its reason) and the
        start and end hours; the hours go under the day when the row is narrow."""
        self.date = DayEdit(dt.date.today())
        self.start, self.end = _time_edit(), _time_edit()
        row = QWidget()
        flow = QGridLayout(row)
        flow.setContentsMargins(0, 0, 0, 0)
        times = QHBoxLayout()
        times.addWidget(QLabel(_("bắt đầu")))
        times.addWidget(self.start)
        times.addWidget(QLabel(_("kết thúc")))
        times.addWidget(self.end)
        times.addStretch(1)
        flow.addWidget(self.date, 0, 0, Qt.AlignmentFlag.AlignLeft)
        flow.addLayout(times, 0, 1)
        flow.setColumnStretch(1, 1)
        self._day_row, self._hours = flow, times
        return row

    def _place_hours(self, room: int) -> None:
        """The hours beside the day when ``room`` (the field's width) holds both, else under
        it."""
        need = self.date.sizeHint().width() + self._hours.minimumSize().width() + 8
        beside = room >= need
        if beside == (self._day_row.getItemPosition(self._day_row.indexOf(self._hours))[0] == 0):
            return
        self._day_row.removeItem(self._hours)
        self._day_row.addLayout(self._hours, *((0, 1) if beside else (1, 0, 1, 2)))

    def _build_people(self) -> tuple[QHBoxLayout, QHBoxLayout]:
        """Chair and secretary: a name among those present, or typed, and a position."""
        self.chair, self.chair_position = QComboBox(), QLineEdit()
        self.secretary, self.secretary_position = QComboBox(), QLineEdit()
        rows = []
        for combo, position in (
            (self.chair, self.chair_position),
            (self.secretary, self.secretary_position),
        ):
            combo.setEditable(True)
            combo.setMinimumWidth(150)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
            position.setPlaceholderText(_("chức vụ"))
            row = QHBoxLayout()
            row.addWidget(combo, 3)
            row.addWidget(position, 2)
            rows.append(row)
        return rows[0], rows[1]

    def _build_guests(self, touched: Callable) -> QVBoxLayout:
        """The superior committee's guests: a small table with add and remove."""
        self.guests = GuestModel(self)
        self.guests.edited.connect(touched)
        self.guest_view = table(self.guests, stretch=1)
        self.guest_view.horizontalHeader().resizeSection(0, 220)
        self.guest_view.setMaximumHeight(110)
        guest_box = QVBoxLayout()
        guest_buttons = QHBoxLayout()
        add, remove = QPushButton(_("Thêm đại biểu")), QPushButton(_("Xóa đại biểu"))
        add.clicked.connect(lambda: self.guests.append(Guest("")))
        remove.clicked.connect(self._remove_guest)
        guest_buttons.addWidget(add)
        guest_buttons.addWidget(remove)
        guest_buttons.addStretch(1)
        guest_box.addLayout(guest_buttons)
        guest_box.addWidget(self.guest_view)
        self.edit_buttons = [add, remove]
        return guest_box

    def _remove_guest(self) -> None:
        if self.guest_view.currentIndex().isValid():
            self.guests.remove(self.guest_view.currentIndex().row())

    def _build_documents(self) -> QWidget:
        """The documents presented, and whether they were posted a day ahead: a long
        sentence, so the box's words wrap beside it instead of widening the tab."""
        self.documents = QPlainTextEdit()
        self.documents.setPlaceholderText(_("Mỗi văn bản một dòng"))
        self.documents.setMaximumHeight(80)
        self.documents_posted = QCheckBox()
        words = _ClickLabel(
            _("Tài liệu đã đăng trên Sổ tay đảng viên điện tử ít nhất 1 ngày trước buổi họp")
        )
        words.setWordWrap(True)
        words.setBuddy(self.documents_posted)
        words.clicked.connect(self.documents_posted.click)
        self.documents_posted.setAccessibleName(words.text())
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.documents_posted, 0, Qt.AlignmentFlag.AlignTop)
        box.addWidget(words, 1)
        return row

    def _build_approval(self) -> QGridLayout:
        """For, against and not voting on the minutes; “—” while not yet voted."""
        self.approval = [QSpinBox() for _n in range(3)]
        approval = QGridLayout()
        approval.setHorizontalSpacing(12)
        for column, (spin, label) in enumerate(
            zip(
                self.approval,
                (N_("tán thành"), N_("không tán thành"), N_("không biểu quyết")),
                strict=True,
            )
        ):
            spin.setRange(-1, 999)
            spin.setSpecialValueText("—")
            spin.setToolTip(_("“—”: chưa biểu quyết"))
            words = QLabel(_(label))
            words.setWordWrap(True)  # a narrow tab puts "không biểu quyết" on two lines
            words.setAlignment(Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft)
            approval.addWidget(words, 0, column)
            approval.addWidget(spin, 1, column)
        approval.setColumnStretch(3, 1)
        return approval

    def _connect(self, touched: Callable) -> None:
        for edit in (
            self.number,
            self.place,
            self.title,
            self.topic,
            self.presenter,
            self.chair_position,
            self.secretary_position,
            self.start,
            self.end,
        ):
            edit.textEdited.connect(touched)
        for combo in (self.chair, self.secretary):
            combo.currentTextChanged.connect(touched)
        for text_edit in (self.opening, self.documents):
            text_edit.textChanged.connect(touched)
        for spin in self.approval:
            spin.valueChanged.connect(touched)
        self.date.changed.connect(touched)
        self.documents_posted.toggled.connect(touched)

    def show_meeting(self, m: Meeting) -> None:
        self.number.setText(m.number)
        self.date.set_date(m.date)
        self.start.setText(m.start_time)
        self.end.setText(m.end_time)
        self.place.setText(m.place)
        self.title.setText(m.title)
        self.topic.setText(m.topic)
        self.presenter.setText(m.presenter)
        names = [a.name for a in m.attendance if a.state not in ("away",)]
        for combo, name in ((self.chair, m.chair_name), (self.secretary, m.secretary_name)):
            combo.clear()
            combo.addItems(names)
            combo.setCurrentText(name)
        self.chair_position.setText(m.chair_position)
        self.secretary_position.setText(m.secretary_position)
        self.opening.setPlainText(m.opening)
        self.documents.setPlainText("\n".join(m.documents))
        self.documents_posted.setChecked(m.documents_posted)
        for spin, value in zip(
            self.approval, (m.approval_for, m.approval_against, m.approval_abstain), strict=True
        ):
            spin.setValue(-1 if value is None else value)
        self.guests.set_rows([dataclasses.replace(g) for g in m.guests])
        self.ids = {a.name: a.member_id for a in m.attendance}

    def collect(self, base: Meeting) -> Meeting:
        start = self.start.text() if self.start.text().strip(":_ ") else ""
        end = self.end.text() if self.end.text().strip(":_ ") else ""
        chair, secretary = self.chair.currentText(), self.secretary.currentText()
        return dataclasses.replace(
            base,
            number=self.number.text(),
            date=self.date.date() or base.date,  # a day being corrected keeps the saved one
            start_time=start,
            end_time=end,
            place=self.place.text(),
            title=self.title.text(),
            topic=self.topic.text(),
            presenter=self.presenter.text(),
            chair_name=chair,
            chair_id=self.ids.get(chair),
            chair_position=self.chair_position.text(),
            secretary_name=secretary,
            secretary_id=self.ids.get(secretary),
            secretary_position=self.secretary_position.text(),
            opening=self.opening.toPlainText(),
            documents=[d for d in self.documents.toPlainText().splitlines() if d.strip()],
            documents_posted=self.documents_posted.isChecked(),
            approval_for=_minus_one_is_none(self.approval[0]),
            approval_against=_minus_one_is_none(self.approval[1]),
            approval_abstain=_minus_one_is_none(self.approval[2]),
            guests=[dataclasses.replace(g) for g in self.guests.rows if g.name.strip()],
        )

    def mark_approval(self, problem: str) -> None:
        """Outline the approval figures in red, with the reason, while they do not add up
        to those present."""
        for spin in self.approval:
            spin.setStyleSheet("QSpinBox { border: 1px solid #b3261e; }" if problem else "")
            spin.setToolTip(problem or _("“—”: chưa biểu quyết"))
