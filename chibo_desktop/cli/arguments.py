"""Helpers shared by the command modules."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from contextlib import contextmanager
from pathlib import Path

from ..errors import ChiboError
from ..i18n import _
from ..paths import default_database_path

BACKUP_FAILED = 3


def db_path(args) -> Path:
    return Path(args.db) if args.db else default_database_path()


@contextmanager
def opened(args, *, create: bool = False, readonly: bool = False):
    """The cell's database, upgraded, with the usual safeguards; closed afterwards."""
    from ..services.safety.backup import backup_problem

    path = db_path(args)
    readonly = readonly or bool(getattr(args, "read_only", False))
    db = _open(path, args, create=create, readonly=readonly)
    try:
        yield db
    finally:
        db.close()
    problem = None if readonly else backup_problem(path)
    if problem:
        # Said on every command while backups fail; a command whose own backup failed
        # does not end as a success.
        print(_("Cảnh báo: {problem}").format(problem=problem), file=sys.stderr)
        if db.session.backup_failed:
            raise SystemExit(BACKUP_FAILED)


def _open(path: Path, args, *, create: bool, readonly: bool):
    """The session, with the password from CHIBO_PASSWORD (or asked on a terminal), or the
    recovery key with --recovery-key."""
    from ..services.safety.file_key import PasswordRequiredError
    from ..services.safety.session import open_session
    from .secrets import read_secret

    options = {"take_over_lock": bool(getattr(args, "take_over_lock", False))}
    if getattr(args, "recovery_key", False):
        key = read_secret("CHIBO_RECOVERY_KEY", _("Khóa khôi phục: "), ask=True)
        return open_session(path, create=create, readonly=readonly, recovery_key=key, **options)
    try:
        return open_session(path, create=create, readonly=readonly, **options)
    except PasswordRequiredError as exc:
        if os.environ.get("CHIBO_PASSWORD"):
            raise  # the password given is wrong: said as such
        if sys.stdin is None or not sys.stdin.isatty():
            raise ChiboError(
                _(
                    "Tệp {path} có mật khẩu. Hãy đặt mật khẩu vào biến môi trường "
                    "CHIBO_PASSWORD (hoặc dùng --recovery-key với CHIBO_RECOVERY_KEY)."
                ).format(path=path.name)
            ) from exc
    secret = read_secret("CHIBO_PASSWORD", _("Mật khẩu của tệp: "), ask=True)
    return open_session(path, create=create, readonly=readonly, password=secret, **options)


def print_json(value) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=_json_default)
    sys.stdout.write("\n")


def _json_default(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def parse_date(text: str) -> dt.date:
    """ISO (2026-03-05) or Vietnamese (05/03/2026) dates on the command line."""
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ChiboError(
        _("Ngày “{text}” không hợp lệ (dùng dạng 2026-03-05 hoặc 05/03/2026).").format(text=text)
    )


def output_path(text: str, allowed: tuple[str, ...]) -> Path:
    path = Path(text)
    if path.suffix.lower() not in allowed:
        raise ChiboError(_("Tệp kết quả phải có đuôi {ext}.").format(ext=" hoặc ".join(allowed)))
    if not path.parent.resolve().is_dir():
        raise ChiboError(_("Thư mục {path} không tồn tại.").format(path=path.parent))
    return path


def write_output(args, allowed: tuple[str, ...], write) -> int:
    """The commands that write one file: check the name ``args.output``, open the register,
    ``write(db, path)``, and say where the file is."""
    path = output_path(args.output, allowed)
    with opened(args) as db:
        write(db, path)
    print(_("Đã ghi {path}.").format(path=path))
    return 0
