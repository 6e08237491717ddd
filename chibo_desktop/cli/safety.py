"""backup, restore, check: the safety commands."""

from __future__ import annotations

from pathlib import Path

from ..errors import ChiboError
from ..i18n import _
from .arguments import db_path, opened, print_json
from .secrets import read_secret


def register(commands) -> None:
    p = commands.add_parser("backup", help=_("sao lưu tệp dữ liệu (kiểm tra bản sao)"))
    p.add_argument("--to", metavar="DIR", help=_("thư mục đích, ví dụ ổ USB"))
    p.set_defaults(handler=cmd_backup)

    p = commands.add_parser("backups", help=_("liệt kê các bản sao lưu tự động"))
    p.add_argument("--json", action="store_true", help=_("in dạng JSON"))
    p.set_defaults(handler=cmd_backups)

    p = commands.add_parser(
        "restore", help=_("phục hồi từ một bản sao lưu (tệp hiện tại được sao lưu trước)")
    )
    p.add_argument("file", metavar="FILE", help=_("tệp sao lưu"))
    p.add_argument(
        "--backup-password",
        action="store_true",
        help=_(
            "hỏi mật khẩu đã dùng khi tạo bản sao (nếu khác mật khẩu hiện tại); "
            "hoặc đặt biến môi trường CHIBO_BACKUP_PASSWORD"
        ),
    )
    p.add_argument(
        "--other-cell",
        action="store_true",
        help=_("cho phép phục hồi bản sao lưu của một chi bộ khác (thay toàn bộ dữ liệu)"),
    )
    p.add_argument(
        "--decrypt",
        action="store_true",
        help=_("cho phép phục hồi bản sao lưu có mật khẩu vào tệp không có mật khẩu"),
    )
    p.set_defaults(handler=cmd_restore)

    p = commands.add_parser("check", help=_("kiểm tra toàn vẹn tệp dữ liệu"))
    p.set_defaults(handler=cmd_check)


def cmd_backup(args) -> int:
    from ..services.safety.backup import backup_to, make_backup

    with opened(args) as db:
        target = backup_to(db, Path(args.to)) if args.to else make_backup(db, "manual")
    print(_("Đã sao lưu và kiểm tra: {path}").format(path=target))
    return 0


def cmd_backups(args) -> int:
    from ..services.safety.backup import list_backups

    with opened(args, readonly=True) as db:
        found = list_backups(db_path(args), key=db.session.key)
    if args.json:
        print_json(
            [
                {
                    "path": str(b.path),
                    "when": b.when.isoformat(timespec="seconds"),
                    "reason": b.reason,
                    "members": b.members,
                    "meetings": b.meetings,
                    "encrypted": b.encrypted,
                    "problem": b.problem,
                }
                for b in found
            ]
        )
        return 0
    for b in found:
        counts = b.problem or _("{m} đảng viên, {k} cuộc họp").format(
            m=b.members if b.members is not None else "–",
            k=b.meetings if b.meetings is not None else "–",
        )
        print(f"{b.when:%d/%m/%Y %H:%M}  {b.path.name}  {counts}")
    if not found:
        print(_("Chưa có bản sao lưu nào."))
    return 0


def cmd_restore(args) -> int:
    from ..services.safety.restore import restore, restore_offline
    from ..services.safety.session import DamagedFileError

    source = Path(args.file)
    backup_password = read_secret(
        "CHIBO_BACKUP_PASSWORD", _("Mật khẩu của bản sao lưu: "), ask=args.backup_password
    )
    try:
        with opened(args) as db:
            before = restore(
                db,
                source,
                password=backup_password,
                other_cell=args.other_cell,
                decrypt=args.decrypt,
            ).value
    except DamagedFileError:
        # The current file cannot be opened: keep it aside, put the backup in its place.
        from ..services.safety.file_key import is_encrypted, key_for

        path = db_path(args)
        key = None
        if is_encrypted(path):
            import os

            key = key_for(path, password=os.environ.get("CHIBO_PASSWORD"))
        kept = restore_offline(
            path, source, key=key, password=backup_password, decrypt=args.decrypt
        )
        print(
            _("Tệp hỏng được giữ lại tại {kept}; đã phục hồi từ {source}.").format(
                kept=kept, source=source
            )
        )
        return 0
    print(
        _("Đã phục hồi từ {source}. Dữ liệu trước khi phục hồi được lưu tại {before}.").format(
            source=source, before=before
        )
    )
    return 0


def cmd_check(args) -> int:
    from ..services.safety.backup import check_open

    with opened(args, readonly=True) as db:
        problems = check_open(db)
    if problems:
        raise ChiboError(
            _("Tệp {path} có lỗi: {problems}").format(
                path=db_path(args), problems="; ".join(problems)
            )
        )
    print(_("Tệp {path} toàn vẹn (integrity_check: ok).").format(path=db_path(args)))
    return 0
