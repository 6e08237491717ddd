"""Vietnamese for the texts Qt draws itself: standard dialog buttons, wizard buttons, the
edit context menu.

PySide6 ships no ``qtbase_vi.qm``, so without this the secretary would see "OK", "Cancel"
and "&Yes" on every message box. Installed at start when the interface is Vietnamese.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from ..i18n import current_language

# Buttons of QMessageBox / QDialogButtonBox (Qt 6 takes their texts from QPlatformTheme).
_BUTTONS = {
    "OK": "Đồng ý",
    "Save": "Lưu",
    "Save All": "Lưu tất cả",
    "Open": "Mở",
    "&Yes": "&Có",
    "Yes to &All": "Có với &tất cả",
    "&No": "&Không",
    "N&o to All": "Không với tất &cả",
    "Abort": "Dừng",
    "Retry": "Thử lại",
    "Ignore": "Bỏ qua",
    "Close": "Đóng",
    "Cancel": "Hủy",
    "Discard": "Bỏ thay đổi",
    "Don't Save": "Không lưu",
    "Close without Saving": "Đóng, không lưu",
    "Help": "Trợ giúp",
    "Apply": "Áp dụng",
    "Reset": "Đặt lại",
    "Restore Defaults": "Khôi phục mặc định",
}

_EDIT_MENU = {
    "&Undo": "&Hoàn tác",
    "&Redo": "&Làm lại",
    "Cu&t": "&Cắt",
    "&Copy": "&Sao chép",
    "Copy &Link Location": "Sao chép địa chỉ &liên kết",
    "&Paste": "&Dán",
    "Delete": "Xóa",
    "Select All": "Chọn tất cả",
    "&Select All": "Chọn &tất cả",
}

TEXTS: dict[str, dict[str, str]] = {
    "QPlatformTheme": _BUTTONS,
    "QDialogButtonBox": _BUTTONS,
    "QMessageBox": {
        **_BUTTONS,
        "Show Details...": "Xem chi tiết…",
        "Hide Details...": "Ẩn chi tiết…",
    },
    "QWizard": {
        "< &Back": "< &Quay lại",
        "&Next >": "&Tiếp >",
        "&Next": "&Tiếp",
        "&Finish": "&Xong",
        "&Commit": "&Thực hiện",
        "Go Back": "Quay lại",
        "Continue": "Tiếp tục",
        "Commit": "Thực hiện",
        "Done": "Xong",
        "Cancel": "Hủy",
        "Help": "Trợ giúp",
    },
    "QProgressDialog": {"Cancel": "Hủy"},
    "QLineEdit": _EDIT_MENU,
    "QWidgetTextControl": _EDIT_MENU,
    "QAbstractSpinBox": {"&Select All": "Chọn &tất cả", "&Step up": "&Tăng", "Step &down": "&Giảm"},
}


class VietnameseQtTexts(QTranslator):
    def translate(self, context, source_text, disambiguation=None, n=-1):
        table = TEXTS.get(context)
        if table is None:
            return None
        return table.get(source_text)

    def isEmpty(self) -> bool:
        return False


def install_qt_texts(app: QCoreApplication) -> QTranslator | None:
    """Match Qt to the interface language: its locale (month names in calendar pop-ups,
    decimal comma in number boxes) and, for Vietnamese, its own texts. Keep the result alive.
    """
    set_qt_locale(current_language())
    if current_language() != "vi":
        return None
    translator = VietnameseQtTexts(app)
    app.installTranslator(translator)
    return translator


def set_qt_locale(language: str) -> None:
    from PySide6.QtCore import QLocale

    if language == "vi":
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    else:
        # Day before month, as in the rest of the program.
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def window_icon():
    """The program's emblem for window title bars and the task bar."""
    from PySide6.QtGui import QIcon

    from ..paths import resource_path

    return QIcon(str(resource_path("icons", "chibo.png")))
