"""Errors a secretary can act on. Their text is shown as is, so it is plain Vietnamese."""

from __future__ import annotations

from dataclasses import dataclass, field


class ChiboError(Exception):
    """An error caused by the user's input or files, with a message meant for them."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class DatabaseError(ChiboError):
    """The database file cannot be opened or used as asked."""


class NewerSchemaError(DatabaseError):
    """The file was written by a newer version of the program."""


class NotFoundError(ChiboError):
    pass


class CancelledError(ChiboError):
    pass


@dataclass(frozen=True)
class FieldProblem:
    field: str
    message: str


@dataclass
class ValidationError(ChiboError):
    problems: list[FieldProblem] = field(default_factory=list)

    def __post_init__(self):
        super().__init__("; ".join(p.message for p in self.problems))

    def for_field(self, name: str) -> list[str]:
        return [p.message for p in self.problems if p.field == name]


def plain_io_error(exc: BaseException) -> str | None:
    """Plain words for the failures of the disk every program meets: full, read-only, no
    permission, gone. None for anything else (an unexpected error, logged as such)."""
    import errno

    from .i18n import _

    for cause in _chain(exc):
        text = str(cause).lower()
        number = getattr(cause, "errno", None)
        where = getattr(cause, "filename", None)
        where = f" ({where})" if where else ""
        if number in (errno.ENOSPC, errno.EFBIG) or "database or disk is full" in text:
            return _(
                "Ổ đĩa đã đầy{where}: không ghi được. Những gì đã lưu trước đó vẫn nguyên vẹn. "
                "Hãy xóa bớt tệp không cần hoặc chọn ổ khác, rồi làm lại."
            ).format(where=where)
        if number in (errno.EROFS, errno.EACCES, errno.EPERM) or "readonly database" in text:
            return _(
                "Không có quyền ghi{where}: ổ hoặc thư mục chỉ cho phép đọc, hoặc tệp đang "
                "được chương trình khác mở. Hãy chọn thư mục khác (ví dụ Tài liệu)."
            ).format(where=where)
        if number == errno.ENOENT:
            return _("Không tìm thấy tệp hoặc thư mục{where}.").format(where=where)
    return None


def _chain(exc: BaseException):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__
