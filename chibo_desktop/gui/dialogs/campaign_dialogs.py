"""Small dialogs of the campaign page: a new campaign, one member's mark, marking in bulk."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.campaign import ItemTemplate, Mark
from ...i18n import _, format_date
from ..widgets.day_edit import DayEdit, refused
from ..widgets.paragraph import paragraph


def date_edit(value: dt.date) -> DayEdit:
    """A day typed as it is: an impossible one is kept, marked and explained under it."""
    return DayEdit(value, show_reason=True)


def buttons(dialog: QDialog, ok_text: str | None = None) -> QDialogButtonBox:
    """OK / Cancel with Vietnamese texts, wired to accept / reject. OK does nothing while
    a day field in use holds no valid day (the field says why)."""
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text or _("Đồng ý"))
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Hủy"))
    box.accepted.connect(
        lambda: None if refused(*dialog.findChildren(DayEdit)) else dialog.accept()
    )
    box.rejected.connect(dialog.reject)
    return box


def ask_text(parent, title: str, label: str, text: str = "") -> str | None:
    """A line of text, with Vietnamese buttons; None when cancelled."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    dialog.setOkButtonText(_("Đồng ý"))
    dialog.setCancelButtonText(_("Hủy"))
    dialog.resize(480, dialog.sizeHint().height())
    return dialog.textValue() if dialog.exec() else None


def compact(combo: QComboBox, chars: int = 40) -> QComboBox:
    """Long entries (meeting titles) must not push the labels of a form out of sight."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    return combo


def meeting_label(meeting: dict) -> str:
    day = dt.date.fromisoformat(meeting["date"][:10])
    title = meeting.get("title") or meeting.get("topic") or ""
    return f"{format_date(day)} — {title}" if title else format_date(day)


class NewCampaignDialog(QDialog):
    """Template, start date, optional end and title of a new campaign."""

    def __init__(self, templates: list, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Đợt sinh hoạt mới"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.template = QComboBox()
        for info in templates:
            label = (
                info.title if info.builtin else _("{title} (của chi bộ)").format(title=info.title)
            )
            self.template.addItem(label, info.key)
        form.addRow(_("Theo mẫu:"), self.template)
        self.notes = {info.key: info.note for info in templates}
        self.template_note = paragraph()
        form.addRow("", self.template_note)
        self.template.currentIndexChanged.connect(self._show_note)
        self._show_note()
        self.start = date_edit(today)
        form.addRow(_("Ngày bắt đầu:"), self.start)
        self.has_finish = QCheckBox(_("Có ngày kết thúc:"))
        self.finish = date_edit(today + dt.timedelta(days=150))
        self.finish.setEnabled(False)
        self.has_finish.toggled.connect(self.finish.setEnabled)
        form.addRow(self.has_finish, self.finish)
        self.title = QLineEdit()
        self.title.setPlaceholderText(_("Để trống: tên mẫu kèm năm bắt đầu"))
        form.addRow(_("Tên đợt:"), self.title)
        layout.addLayout(form)
        hint = paragraph(
            _(
                "Hạn của từng bước tính từ ngày bắt đầu theo mẫu (sửa được sau). Danh sách "
                "đảng viên lấy theo chi bộ tại ngày bắt đầu; người đến, người đi sau đó được "
                "thêm hoặc đánh dấu."
            )
        )
        layout.addWidget(hint)
        self.buttons = buttons(self, _("Tạo đợt"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(templates))
        layout.addWidget(self.buttons)

    def _show_note(self) -> None:
        note = self.notes.get(self.template.currentData(), "")
        self.template_note.setText(f"<i>{html.escape(note)}</i>" if note else "")

    def value(self) -> tuple[str, dt.date, dt.date | None, str]:
        finish = self.finish.date() if self.has_finish.isChecked() else None
        return (
            self.template.currentData(),
            self.start.date(),
            finish,
            self.title.text().strip(),
        )


class MarkDialog(QDialog):
    """One member's item: done or not, on which day, with a note."""

    def __init__(
        self, name: str, item: ItemTemplate, mark: Mark | None, today: dt.date, parent=None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Đánh dấu: {item}").format(item=item.title))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{name}</b> — {item.title}"))
        form = QFormLayout()
        self.done_box = QCheckBox(_("Đã thực hiện"))
        self.done_box.setChecked(mark is not None)
        form.addRow("", self.done_box)
        self.date = date_edit(mark.done if mark else today)
        form.addRow(_("Ngày:"), self.date)
        self.note = QLineEdit(mark.note if mark else "")
        self.note.setPlaceholderText(_("Ghi chú (không bắt buộc)"))
        form.addRow(_("Ghi chú:"), self.note)
        self.done_box.toggled.connect(self._sync)
        layout.addLayout(form)
        layout.addWidget(buttons(self))
        self._sync()

    def _sync(self) -> None:
        self.date.setEnabled(self.done_box.isChecked())
        self.note.setEnabled(self.done_box.isChecked())

    def value(self) -> tuple[dt.date | None, str]:
        if not self.done_box.isChecked():
            return None, ""
        return self.date.date(), self.note.text().strip()


class BulkMarkDialog(QDialog):
    """Mark an item for everyone (a date and a note), or for those present at a meeting."""

    def __init__(
        self,
        items: tuple[ItemTemplate, ...],
        current_key: str | None,
        today: dt.date,
        meetings: list[dict] | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.from_meeting = meetings is not None
        self.setWindowTitle(
            _("Đánh dấu theo điểm danh cuộc họp") if self.from_meeting else _("Đánh dấu cả cột")
        )
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.item = compact(QComboBox())
        for item in items:
            self.item.addItem(item.title, item.key)
        if current_key is not None and self.item.findData(current_key) >= 0:
            self.item.setCurrentIndex(self.item.findData(current_key))
        form.addRow(_("Mục:"), self.item)
        self.meeting = compact(QComboBox())
        self.date = date_edit(today)
        self.note = QLineEdit()
        if self.from_meeting:
            for meeting in meetings or []:
                self.meeting.addItem(meeting_label(meeting), meeting["id"])
            form.addRow(_("Cuộc họp:"), self.meeting)
            text = _(
                "Những đảng viên có mặt trong biên bản cuộc họp được đánh dấu, ghi ngày họp. "
                "Người đã đánh dấu giữ nguyên."
            )
        else:
            form.addRow(_("Ngày:"), self.date)
            self.note.setPlaceholderText(_("Ví dụ: cả chi bộ dự hội nghị"))
            form.addRow(_("Ghi chú:"), self.note)
            text = _(
                "Mọi đảng viên đang sinh hoạt chưa được đánh dấu mục này sẽ được đánh dấu; "
                "người đã đánh dấu giữ nguyên ngày của mình."
            )
        layout.addLayout(form)
        hint = paragraph(text)
        layout.addWidget(hint)
        self.buttons = buttons(self, _("Đánh dấu"))
        if self.from_meeting and not meetings:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            hint.setText(_("Chưa có biên bản cuộc họp nào."))
        layout.addWidget(self.buttons)

    def item_key(self) -> str:
        return self.item.currentData()

    def meeting_id(self) -> int | None:
        return self.meeting.currentData()

    def value(self) -> tuple[dt.date, str]:
        return self.date.date(), self.note.text().strip()
