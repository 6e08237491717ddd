"""Write a file so that a crash never leaves half of it: temp file in the folder, then rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..errors import ChiboError
from ..i18n import _


def atomic_write(path: str | Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp_path)`` and move the result over ``path`` in one step."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.stem}-", suffix=target.suffix)
    except OSError as exc:
        raise ChiboError(
            _("Không ghi được vào thư mục {folder}: {error}").format(
                folder=folder, error=exc.strerror or exc
            )
        ) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except PermissionError as exc:
        raise ChiboError(
            _(
                "Không ghi được tệp {path}: tệp đang mở trong chương trình khác hoặc không có "
                "quyền ghi. Hãy đóng tệp rồi thử lại."
            ).format(path=target.name)
        ) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return target
