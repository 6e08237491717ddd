"""The cell's names: asked on first run and for File > New, edited in Settings."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _
from ...services.cell.identity import CellInfo
from ..widgets.paragraph import paragraph
from .dialog_parts import error_label, ok_cancel


class CellForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.name.setPlaceholderText(_("Ví dụ: Chi bộ Khu phố 3"))
        self.party_committee = QLineEdit()
        self.party_committee.setPlaceholderText(_("Ví dụ: Đảng bộ phường Hàng Bạc"))
        self.place = QLineEdit()
        self.place.setPlaceholderText(_("Ví dụ: Hà Nội (ghi ở dòng ngày tháng văn bản)"))
        self.secretary = QLineEdit()
        form.addRow(_("Tên chi bộ:"), self.name)
        form.addRow(_("Đảng bộ cấp trên:"), self.party_committee)
        form.addRow(_("Địa danh:"), self.place)
        form.addRow(_("Bí thư chi bộ:"), self.secretary)
        self.fields = (self.name, self.party_committee, self.place, self.secretary)

    def value(self) -> CellInfo:
        return CellInfo(*(f.text() for f in self.fields))

    def set_value(self, info: CellInfo) -> None:
        for widget, text in zip(
            self.fields,
            (info.name, info.party_committee, info.place, info.secretary_name),
            strict=True,
        ):
            widget.setText(text)


class CellDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, intro: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Thông tin chi bộ"))
        layout = QVBoxLayout(self)
        if intro:
            label = paragraph(intro)
            layout.addWidget(label)
        self.form = CellForm()
        layout.addWidget(self.form)
        layout.addWidget(ok_cancel(self, _("Tạo tệp"), self._accept))
        self.error = error_label()
        layout.addWidget(self.error)
        self.resize(480, self.sizeHint().height())

    def _accept(self) -> None:
        if not self.form.name.text().strip():
            self.error.setText(_("Hãy nhập tên chi bộ."))
            self.form.name.setFocus()
            return
        self.accept()

    def value(self) -> CellInfo:
        return self.form.value()
