"""`chibo dues settings | relief | passed-up`: the cell's own dues settings, exemptions and
reductions, and what a month passed up to the superior committee."""

from __future__ import annotations

from ..errors import ChiboError
from ..i18n import _, format_money
from .arguments import opened, parse_date, print_json


def register_more(sub) -> None:
    p = sub.add_parser("settings", help=_("cài đặt đảng phí của chi bộ"))
    p.add_argument(
        "--from",
        dest="month",
        metavar="YYYY-MM",
        help=_("áp dụng từ tháng này (mặc định: từ đầu); xem cài đặt của tháng này"),
    )
    p.add_argument("--rounding", choices=("dong", "thousand"))
    p.add_argument(
        "--kept-percent",
        type=int,
        metavar="N",
        help=_("tỷ lệ chi bộ giữ lại (%%), theo hướng dẫn của cấp trên"),
    )
    p.add_argument(
        "--amount",
        action="append",
        default=[],
        metavar="REGIME:GROUP=N",
        help=_("mức do chi bộ đặt, ví dụ qd01:other=10000"),
    )
    p.add_argument("--json", action="store_true", help=_("in dạng JSON"))
    p.set_defaults(handler=cmd_settings)
    p = sub.add_parser("relief", help=_("ghi miễn, giảm hoặc cho chậm đóng đảng phí"))
    p.add_argument("member", type=int, metavar="ID")
    p.add_argument("--kind", choices=("exempt", "reduce", "defer"), required=True)
    p.add_argument("--from", dest="first", required=True, metavar="YYYY-MM")
    p.add_argument("--to", dest="last", required=True, metavar="YYYY-MM")
    p.add_argument("--percent", type=int, default=0, help=_("mức giảm: 30, 50 hoặc 70"))
    p.add_argument("--reason", default="")
    p.add_argument("--decision", default="", help=_("số quyết định"))
    p.add_argument("--decision-date", metavar="DATE")
    p.set_defaults(handler=cmd_relief)
    p = sub.add_parser("passed-up", help=_("ghi số đảng phí đã nộp cấp trên của tháng"))
    p.add_argument("month", metavar="YYYY-MM")
    p.add_argument("--amount", required=True, metavar="N")
    p.add_argument("--date", metavar="DATE", help=_("ngày nộp (mặc định: hôm nay)"))
    p.add_argument("--meeting", type=int, metavar="ID", help=_("buổi sinh hoạt đã thu"))
    p.set_defaults(handler=cmd_passed_up)


def _month(text: str):
    from ..domain.dues import Month

    try:
        return Month.parse(text)
    except ValueError as exc:
        raise ChiboError(str(exc)) from exc


def _amount(text: str) -> int:
    from ..domain.dues_checks import DuesError, parse_amount

    try:
        return parse_amount(text)
    except DuesError as exc:
        raise ChiboError(str(exc)) from exc


def cmd_settings(args) -> int:
    from ..services.dues.entry import save_cell_options
    from ..services.dues.ledger import cell_options

    amounts = {}
    for item in args.amount:
        key, sep, value = item.partition("=")
        if not sep:
            raise ChiboError(_("Ghi --amount dạng qd01:other=10000."))
        amounts[key.strip()] = _amount(value)
    changing = args.rounding or args.kept_percent is not None or amounts
    month = _month(args.month) if args.month else None
    with opened(args, readonly=not changing) as db:
        if changing:
            save_cell_options(
                db,
                from_month=month,
                rounding=args.rounding,
                kept_percent=args.kept_percent,
                group_amounts=amounts or None,
            )
        options = cell_options(db, month)
    data = {
        "rounding": options.rounding,
        "kept_percent": options.kept_percent,
        "group_amounts": options.group_amounts,
    }
    if args.json:
        print_json(data)
        return 0
    kept = _("chưa đặt") if options.kept_percent is None else f"{options.kept_percent}%"
    print(
        _("Làm tròn: {rounding}; chi bộ giữ lại: {kept}.").format(
            rounding=options.rounding, kept=kept
        )
    )
    for key, amount in sorted(options.group_amounts.items()):
        print(f"  {key}: {format_money(amount)}")
    return 0


def cmd_relief(args) -> int:
    from ..domain.dues import Relief
    from ..services.dues.entry import add_relief

    relief = Relief(
        args.member,
        args.kind,
        _month(args.first),
        _month(args.last),
        args.percent,
        args.reason,
        args.decision,
        parse_date(args.decision_date) if args.decision_date else None,
    )
    with opened(args) as db:
        relief_id = add_relief(db, relief).value
    print(_("Đã ghi (số {id}).").format(id=relief_id))
    return 0


def cmd_passed_up(args) -> int:
    from ..domain.dues_checks import MonthRecord
    from ..services.contract.context import today
    from ..services.dues.entry import save_month_record

    month = _month(args.month)
    day = parse_date(args.date) if args.date else today()
    record = MonthRecord(month, _amount(args.amount), day.isoformat(), args.meeting)
    with opened(args) as db:
        save_month_record(db, record)
    print(_("Đã ghi {amount}.").format(amount=format_money(record.passed_up)))
    return 0
