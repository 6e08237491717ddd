"""`chibo password set|change|remove`: the file's password, as in Settings > Security.

Secrets come from the environment (CHIBO_PASSWORD: the current password, CHIBO_NEW_PASSWORD:
the new one, CHIBO_RECOVERY_KEY with --recovery-key) or a prompt, never from the arguments.
"""

from __future__ import annotations

import os
import sys

from ..errors import ChiboError
from ..i18n import _
from .arguments import opened
from .secrets import read_secret


def register(commands) -> None:
    p = commands.add_parser("password", help=_("đặt, đổi hoặc bỏ mật khẩu của tệp dữ liệu"))
    actions = p.add_subparsers(dest="password_action", metavar="ACTION", required=True)
    q = actions.add_parser("set", help=_("đặt mật khẩu (mã hóa tệp và các bản sao lưu)"))
    q.add_argument(
        "--remove-plain-copies",
        action="store_true",
        help=_("xóa các bản sao lưu không mã hóa được (nếu có)"),
    )
    q.set_defaults(handler=cmd_set)
    q = actions.add_parser("change", help=_("đổi mật khẩu (cần mật khẩu hiện tại)"))
    q.set_defaults(handler=cmd_change)
    q = actions.add_parser("remove", help=_("bỏ mật khẩu (tệp không còn được mã hóa)"))
    q.set_defaults(handler=cmd_remove)


def _new_password() -> str:
    first = read_secret("CHIBO_NEW_PASSWORD", _("Mật khẩu mới: "), ask=True)
    if sys.stdin is not None and sys.stdin.isatty() and not _from_env("CHIBO_NEW_PASSWORD"):
        again = read_secret("CHIBO_NEW_PASSWORD_AGAIN", _("Nhập lại mật khẩu mới: "), ask=True)
        if again != first:
            raise ChiboError(_("Hai lần nhập mật khẩu mới không giống nhau."))
    return first


def _from_env(name: str) -> bool:
    return bool(os.environ.get(name))


def _show_recovery_key(key: str) -> None:
    print(
        _(
            "Khóa khôi phục (chép ra giấy, cất riêng; chỉ hiện một lần — nó mở được tệp "
            "khi quên mật khẩu):"
        )
    )
    print(key)


def cmd_set(args) -> int:
    from ..services.safety.password import enable_password, remove_plain_backups

    new = _new_password()
    with opened(args) as db:
        change = enable_password(db, new).value
        try:
            _show_recovery_key(change.recovery_key)
            if change.plain_left:
                names = ", ".join(p.name for p in change.plain_left)
                if args.remove_plain_copies:
                    remove_plain_backups(change.db, change.plain_left)
                    print(
                        _("Đã xóa các bản sao lưu không mã hóa được: {names}").format(names=names)
                    )
                else:
                    print(
                        _(
                            "Cảnh báo: các bản sao lưu sau không mã hóa được (có thể đã hỏng) nên "
                            "vẫn đọc được không cần mật khẩu: {names}, trong thư mục {folder}. "
                            "Hãy xóa chúng nếu không cần nữa."
                        ).format(names=names, folder=change.plain_left[0].parent),
                        file=sys.stderr,
                    )
        finally:
            change.db.close()
    return 0


def cmd_change(args) -> int:
    from ..services.safety.password import change_password

    with opened(args) as db:
        old = None
        if not db.session.opened_with_recovery:
            old = read_secret("CHIBO_PASSWORD", _("Mật khẩu hiện tại: "), ask=True)
        new = _new_password()
        change = change_password(db, new, old).value
        try:
            _show_recovery_key(change.recovery_key)
        finally:
            change.db.close()
    print(_("Đã đổi mật khẩu."))
    return 0


def cmd_remove(args) -> int:
    from ..services.safety.password import remove_password

    with opened(args) as db:
        current = read_secret("CHIBO_PASSWORD", _("Mật khẩu hiện tại: "), ask=True)
        change = remove_password(db, current).value
        change.db.close()
    print(_("Đã bỏ mật khẩu; tệp không còn được mã hóa."))
    return 0
