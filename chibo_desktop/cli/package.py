"""`chibo package export|inspect`: the cell's package for the level above."""

from __future__ import annotations

import getpass
import os
import sys

from ..errors import ChiboError
from ..i18n import _
from .arguments import opened, parse_date, print_json

PASSWORD_VARIABLE = "CHIBO_PACKAGE_PASSWORD"


def register(commands) -> None:
    group = commands.add_parser("package", help=_("gói báo cáo gửi cấp trên (tệp .chibo)"))
    sub = group.add_subparsers(dest="package_command", metavar="COMMAND", required=True)

    p = sub.add_parser(
        "export",
        help=_("lập gói gửi cấp trên: số liệu, báo cáo của kỳ"),
        description=_(
            "Mặc định gói không mang số điện thoại, địa chỉ, số căn cước, ghi chú và nội "
            "dung biên bản; --include thêm những trường chi bộ chọn gửi. Mật khẩu (--password) "
            "lấy từ biến môi trường CHIBO_PACKAGE_PASSWORD hoặc được hỏi khi chạy."
        ),
    )
    p.add_argument("output", metavar="OUT.chibo", help=_("tệp gói"))
    p.add_argument("--from", dest="start", metavar="DATE", help=_("từ ngày (mặc định: đầu quý)"))
    p.add_argument("--to", dest="end", metavar="DATE", help=_("đến ngày (mặc định: hôm nay)"))
    p.add_argument(
        "--include",
        metavar="FIELDS",
        default="",
        help=_(
            "trường riêng tư gửi kèm, cách nhau dấu phẩy: phone,address,citizen_id,notes,minutes"
        ),
    )
    p.add_argument("--password", action="store_true", help=_("đặt mật khẩu cho phần dữ liệu"))
    p.add_argument("--no-reports", action="store_true", help=_("không kèm báo cáo PDF/Excel"))
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("inspect", help=_("xem gói: của chi bộ nào, kỳ nào, còn nguyên vẹn không"))
    p.add_argument("file", metavar="FILE", help=_("tệp .chibo"))
    p.add_argument("--json", action="store_true", help=_("in dạng JSON"))
    p.set_defaults(handler=cmd_inspect)


def package_password(*, ask: bool, confirm: bool = False) -> str | None:
    """The secret from the environment, or typed at a prompt; never from the command line."""
    secret = os.environ.get(PASSWORD_VARIABLE)
    if secret:
        return secret
    if not ask:
        return None
    if not sys.stdin.isatty():
        raise ChiboError(
            _(
                "Cần mật khẩu của gói: đặt biến môi trường {name} hoặc chạy trong cửa sổ lệnh."
            ).format(name=PASSWORD_VARIABLE)
        )
    secret = getpass.getpass(_("Mật khẩu của gói: "))
    if confirm and getpass.getpass(_("Nhập lại mật khẩu: ")) != secret:
        raise ChiboError(_("Hai lần nhập mật khẩu không giống nhau."))
    if not secret:
        raise ChiboError(_("Chưa nhập mật khẩu."))
    return secret


def cmd_export(args) -> int:
    from ..services.contract.results import run_to_end
    from ..services.packages.export import export_package

    if not args.output.lower().endswith(".chibo"):
        raise ChiboError(_("Tệp gói phải có đuôi .chibo."))
    include = [k.strip() for k in args.include.split(",") if k.strip()]
    password = package_password(ask=True, confirm=True) if args.password else None
    start = parse_date(args.start) if args.start else None
    end = parse_date(args.end) if args.end else None
    with opened(args) as db:
        result = run_to_end(
            export_package(
                db,
                args.output,
                start,
                end,
                include=include,
                password=password,
                with_reports=not args.no_reports,
            )
        )
    m = result.manifest
    print(
        _("Đã ghi {path}: {cell}, kỳ {start} – {end}, {n} báo cáo kèm theo.").format(
            path=result.path, cell=m.cell.name, start=m.start, end=m.end, n=len(m.reports)
        )
    )
    return 0


def cmd_inspect(args) -> int:
    from ..services.packages.inspect import inspect_lines, inspect_package

    summary = inspect_package(args.file, package_password(ask=False))
    if args.json:
        print_json(summary)
    else:
        print("\n".join(inspect_lines(summary)))
    return 0 if summary["intact"] else 1
