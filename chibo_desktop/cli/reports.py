"""`chibo report` and `chibo reminders`."""

from __future__ import annotations

import sys

from ..i18n import _
from .arguments import opened, output_path, parse_date, print_json

NAMES = ("members", "situation", "assessment", "meetings", "campaign")


def register(commands) -> None:
    """Add this group's subcommands to the `chibo` parser."""
    p = commands.add_parser(
        "report",
        help=_("lập báo cáo ra Excel hoặc PDF (đuôi tệp quyết định định dạng)"),
        description=_(
            "Báo cáo: members (danh sách đảng viên), situation (tình hình đảng viên), "
            "assessment (kết quả xếp loại năm của ngày --to), meetings (tổng hợp sinh hoạt), "
            "campaign (đợt sinh hoạt chính trị)."
        ),
    )
    p.add_argument("name", choices=NAMES, metavar="NAME", help=" | ".join(NAMES))
    p.add_argument("--from", dest="start", metavar="DATE", help=_("từ ngày (mặc định: đầu quý)"))
    p.add_argument("--to", dest="end", metavar="DATE", help=_("đến ngày (mặc định: hôm nay)"))
    p.add_argument(
        "--number",
        default="",
        metavar="SỐ",
        help=_(
            "số và ký hiệu in dưới tên chi bộ, ví dụ “07-BC/CB” (mặc định: số đã cấp cho "
            "báo cáo này, hoặc số tiếp theo trong năm)"
        ),
    )
    p.add_argument("output", metavar="OUT.xlsx|OUT.pdf|OUT.docx", help=_("tệp kết quả"))
    p.set_defaults(handler=cmd_report)

    p = commands.add_parser("reminders", help=_("những việc cần làm: dự bị, huy hiệu, họp…"))
    p.add_argument("--json", action="store_true", help=_("in dạng JSON"))
    p.add_argument("--date", metavar="DATE", help=_("tính cho ngày này (mặc định: hôm nay)"))
    p.set_defaults(handler=cmd_reminders)


def cmd_report(args) -> int:
    from ..services.contract.context import today
    from ..services.contract.results import run_to_end
    from ..services.reports.catalog import build_report, default_period, period_warning

    now = today()
    start_default, end_default = default_period(now)
    end = parse_date(args.end) if args.end else end_default
    start = parse_date(args.start) if args.start else start_default
    path = output_path(args.output, (".xlsx", ".pdf", ".docx"))
    warning = period_warning(end, now)
    if warning:
        print(warning, file=sys.stderr)
    with opened(args) as db:
        written = run_to_end(build_report(db, args.name, start, end, path, now, args.number))
    print(_("Đã ghi {path}.").format(path=written))
    return 0


def cmd_reminders(args) -> int:
    from ..services.contract.context import today
    from ..services.reminders.collect import reminders

    on = parse_date(args.date) if args.date else today()
    with opened(args) as db:
        items = reminders(db, on)
    if args.json:
        print_json([r.as_dict() for r in items])
        return 0
    if not items:
        print(_("Không có việc gì cần nhắc."))
    marks = {"overdue": "!", "soon": "-"}
    for r in items:
        print(f"{marks.get(r.urgency, '-')} {r.text}")
    return 0
