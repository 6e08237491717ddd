"""`chibo`: the program without windows, calling the same services as the GUI.

Exit status: 0 success, 1 a user error (one Vietnamese line on stderr), 2 a usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import signal
import sys
from collections.abc import Sequence

from .. import APP_NAME, __version__
from ..argparse_texts import install_argparse_texts
from ..errors import ChiboError, plain_io_error
from ..i18n import _
from ..paths import default_database_path
from . import (
    base,
    campaign,
    consolidate,
    dues,
    meetings,
    members,
    package,
    password,
    reports,
    safety,
)

# Each command group adds its subcommands; keep one module per group.
GROUPS = [base, members, meetings, campaign, dues, reports, safety, password]
GROUPS += [package, consolidate]


def build_parser() -> argparse.ArgumentParser:
    install_argparse_texts()
    parser = argparse.ArgumentParser(
        prog="chibo",
        description=_("{app}: sổ sách chi bộ, dùng từ dòng lệnh.").format(app=APP_NAME),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=argparse._("show program's version number and exit"),  # Python's text, translated
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None,
        help=_("tệp dữ liệu của chi bộ (mặc định: {path})").format(path=default_database_path()),
    )
    parser.add_argument(
        "--recovery-key",
        action="store_true",
        help=_(
            "mở tệp bằng khóa khôi phục thay cho mật khẩu (lấy từ biến môi trường "
            "CHIBO_RECOVERY_KEY, hoặc được hỏi)"
        ),
    )
    parser.add_argument(
        "--read-only",
        action="store_true",
        help=_("mở tệp ở chế độ chỉ đọc (xem, in, xuất; không sửa, không sao lưu)"),
    )
    parser.add_argument(
        "--take-over-lock",
        action="store_true",
        help=_(
            "chiếm khóa của một chương trình khác đang giữ tệp; chỉ dùng khi chắc chắn không "
            "ai đang sửa tệp (máy kia đã tắt, chương trình bị treo)"
        ),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for group in GROUPS:
        group.register(commands)
    return parser


def install_terminate_handler() -> None:
    """SIGTERM (a shutdown, a logoff, `kill`) ends the command like Ctrl+C would: the file
    is closed on the way out, so its lock is released and the close backup taken."""

    def terminated(signum, _frame):
        raise SystemExit(128 + signum)

    with contextlib.suppress(ValueError, AttributeError):  # not the main thread / no SIGTERM
        signal.signal(signal.SIGTERM, terminated)


def main(argv: Sequence[str] | None = None) -> int:
    from ..app_setup import setup

    setup(interactive=False)
    install_terminate_handler()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code = args.handler(args) or 0
        sys.stdout.flush()  # a closed pipe is met here, not at exit
        return code
    except ChiboError as exc:
        print(_("Lỗi: {message}").format(message=exc.message), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader stopped early (`chibo members list | head`): nothing to report. Point
        # stdout at devnull so that flushing it at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:
        if getattr(args, "read_only", False) and "readonly database" in str(exc):
            print(
                _(
                    "Lỗi: tệp đang mở ở chế độ chỉ đọc (--read-only) nên lệnh này không ghi "
                    "được. Chạy lại lệnh không có --read-only."
                ),
                file=sys.stderr,
            )
            return 1
        plain = plain_io_error(exc)
        if plain is not None:
            logging.getLogger(__name__).warning("input/output error: %s", exc)
            print(_("Lỗi: {message}").format(message=plain), file=sys.stderr)
            return 1
        logging.getLogger(__name__).exception("unexpected error")
        from ..paths import log_file

        print(
            _("Lỗi không mong đợi: {error}. Chi tiết trong {log}").format(
                error=exc, log=log_file()
            ),
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
