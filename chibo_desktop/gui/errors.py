"""Errors shown to the secretary: plain words for their own mistakes, a log path otherwise."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QWidget

from ..errors import CancelledError, ChiboError, plain_io_error
from ..i18n import _
from ..paths import log_file

log = logging.getLogger(__name__)


def error_text(exc: BaseException) -> str:
    if isinstance(exc, ChiboError):
        return exc.message
    plain = plain_io_error(exc)
    if plain is not None:
        log.warning("input/output error: %s", exc)
        return plain
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    return _(
        "Đã xảy ra lỗi không mong đợi: {error}\n\nChi tiết đã được ghi vào tệp:\n{log}"
    ).format(error=exc, log=log_file())


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    if isinstance(exc, CancelledError):
        return
    from PySide6.QtWidgets import QMessageBox  # its class (a dozen enums) loads when first used

    box = QMessageBox(
        QMessageBox.Icon.Warning if isinstance(exc, ChiboError) else QMessageBox.Icon.Critical,
        title or _("Không thực hiện được"),
        error_text(exc),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.button(QMessageBox.StandardButton.Ok).setText(_("Đóng"))
    box.exec()
