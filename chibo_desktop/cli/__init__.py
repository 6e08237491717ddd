"""`chibo`: the program without windows, calling the same services as the GUI.

Exit status: 0 success, 1 a user error (one Vietnamese line on stderr), 2 a usage error.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from .. import APP_NAME, __version__
from ..argparse_texts import install_argparse_texts
from ..errors import ChiboError
from ..i18n import _
from ..paths import default_database_path
from . import base, campaign, consolidate, meetings, members, package, reports, safety

# Each command group adds its subcommands; keep one module per group.
GROUPS = [base, members, meetings, campaign, reports, safety]
GROUPS += [package, consolidate]


def build_parser() -> argparse.ArgumentParser:
    install_argparse_texts()
    parser = argparse.ArgumentParser(
        prog="chibo",
        description=_("{app}: sổ sách chi bộ, dùng từ dòng lệnh.").format(app=APP_NAME),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None,
        help=_("tệp dữ liệu của chi bộ (mặc định: {path})").format(path=default_database_path()),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for group in GROUPS:
        group.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from ..app_setup import setup

    setup(interactive=False)
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
