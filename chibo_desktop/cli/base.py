"""init, demo, info."""

from __future__ import annotations

from ..errors import ChiboError
from ..i18n import _
from .arguments import db_path, opened, print_json


def register(commands) -> None:
    p = commands.add_parser("init", help=_("tạo tệp dữ liệu mới cho chi bộ"))
    p.add_argument("--cell", help=_("tên chi bộ, ví dụ “Chi bộ Khu phố 3”"))
    p.add_argument(
        "--committee",
        help=_("thay cho --cell: tạo tệp tổng hợp của đảng ủy, ví dụ “Đảng ủy phường Hàng Bạc”"),
    )
    p.add_argument("--party-committee", default="", help=_("đảng bộ cấp trên"))
    p.add_argument("--place", default="", help=_("địa danh ghi ở dòng ngày tháng"))
    p.add_argument("--secretary", default="", help=_("họ tên bí thư"))
    p.set_defaults(handler=cmd_init)

    p = commands.add_parser("demo", help=_("điền dữ liệu mẫu vào tệp (tạo tệp nếu chưa có)"))
    p.set_defaults(handler=cmd_demo)

    p = commands.add_parser(
        "recipients",
        help=_("“Nơi nhận” in ở cuối báo cáo, danh sách gửi cấp trên (xem hoặc đặt)"),
    )
    p.add_argument("lines", nargs="*", metavar="LINE", help=_("mỗi nơi nhận một tham số"))
    p.add_argument("--reset", action="store_true", help=_("trở về mặc định"))
    p.set_defaults(handler=cmd_recipients)

    p = commands.add_parser("info", help=_("thông tin tệp: tên chi bộ, số liệu, phiên bản"))
    p.add_argument("--json", action="store_true", help=_("in dạng JSON"))
    p.set_defaults(handler=cmd_info)


def cmd_init(args) -> int:
    from ..services.cell.identity import CellInfo, is_initialised, save_cell

    if args.committee:
        from .consolidate import cmd_init_committee

        return cmd_init_committee(args)
    if not args.cell:
        raise ChiboError(_("Cần --cell (tên chi bộ) hoặc --committee (tên đảng ủy)."))
    with opened(args, create=True) as db:
        if is_initialised(db):
            raise ChiboError(
                _("Tệp {path} đã có dữ liệu chi bộ; không khởi tạo lại.").format(path=db_path(args))
            )
        save_cell(db, CellInfo(args.cell, args.party_committee, args.place, args.secretary))
    print(_("Đã tạo {path} cho {cell}.").format(path=db_path(args), cell=args.cell))
    return 0


def cmd_demo(args) -> int:
    from ..services.demo.build import fill_demo

    with opened(args, create=True) as db:
        count = fill_demo(db).value
    print(_("Đã tạo dữ liệu mẫu: {n} đảng viên.").format(n=count))
    return 0


def cmd_recipients(args) -> int:
    from ..services.cell.identity import recipients, save_recipients

    with opened(args) as db:
        if args.lines or args.reset:
            save_recipients(db, [] if args.reset else args.lines)
        lines = recipients(db)
    for line in lines:
        print(f"- {line}")
    return 0


def cmd_info(args) -> int:
    from ..services.cell.summary import file_info

    with opened(args, readonly=False) as db:
        info = file_info(db)
    if args.json:
        print_json(
            {
                "cell": info.cell.__dict__,
                "schema_version": info.schema_version,
                "counts": info.counts,
                "active_members": info.active_members,
            }
        )
        return 0
    labels = {
        "members": _("Đảng viên (cả đã chuyển đi)"),
        "member_status": _("Biến động"),
        "meetings": _("Cuộc họp"),
        "attendance": _("Lượt điểm danh"),
        "campaigns": _("Đợt sinh hoạt chính trị"),
    }
    print(f"{_('Tệp')}: {db_path(args)}")
    print(f"{_('Chi bộ')}: {info.cell.name}")
    print(f"{_('Đảng bộ cấp trên')}: {info.cell.party_committee}")
    print(f"{_('Địa danh')}: {info.cell.place}")
    print(f"{_('Phiên bản cấu trúc dữ liệu')}: {info.schema_version}")
    print(f"{_('Đảng viên đang sinh hoạt')}: {info.active_members}")
    for table, count in info.counts.items():
        print(f"{labels.get(table, table)}: {count}")
    return 0
