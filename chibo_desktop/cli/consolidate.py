"""`chibo consolidate add|list|report|reminders`: the committee's desk."""

from __future__ import annotations

from contextlib import contextmanager

from ..errors import ChiboError
from ..i18n import _, format_date, format_percent
from .arguments import db_path, output_path, parse_date, print_json


def register(commands) -> None:
    group = commands.add_parser(
        "consolidate", help=_("tệp tổng hợp của đảng ủy: nhận gói của các chi bộ, lập báo cáo")
    )
    sub = group.add_subparsers(dest="consolidate_command", metavar="COMMAND", required=True)

    p = sub.add_parser("add", help=_("nhận gói .chibo của chi bộ (tệp hoặc thư mục)"))
    p.add_argument("files", nargs="+", metavar="FILE", help=_("tệp .chibo hoặc thư mục chứa chúng"))
    p.add_argument("--json", action="store_true", help=_("in dạng JSON"))
    p.set_defaults(handler=cmd_add)

    p = sub.add_parser("list", help=_("các chi bộ và gói gần nhất của từng chi bộ"))
    p.add_argument("--json", action="store_true", help=_("in dạng JSON"))
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("report", help=_("báo cáo tổng hợp ra Excel hoặc PDF"))
    p.add_argument(
        "name",
        choices=("situation", "assessment", "meetings", "campaign", "dues"),
        metavar="NAME",
        help="situation | assessment | meetings | campaign | dues",
    )
    p.add_argument("output", metavar="OUT.xlsx|OUT.pdf", help=_("tệp kết quả"))
    p.add_argument("--from", dest="start", metavar="DATE", help=_("từ ngày (mặc định: đầu quý)"))
    p.add_argument("--to", dest="end", metavar="DATE", help=_("đến ngày (mặc định: hôm nay)"))
    p.set_defaults(handler=cmd_report)

    p = sub.add_parser("reminders", help=_("chi bộ chưa gửi gói, sinh hoạt chưa đủ, đợt chậm"))
    p.add_argument("--json", action="store_true", help=_("in dạng JSON"))
    p.set_defaults(handler=cmd_reminders)


@contextmanager
def desk(args, *, create: bool = False):
    from ..services.consolidation.desk import get_committee, open_desk

    db = open_desk(db_path(args), create=create)
    try:
        if not create and not get_committee(db).name:
            raise ChiboError(_("Tệp này chưa được khởi tạo cho đảng ủy (init --committee)."))
        yield db
    finally:
        db.close()


def cmd_init_committee(args) -> int:
    from ..services.consolidation.desk import CommitteeInfo, init_committee

    path = db_path(args)
    if path.exists() and path.stat().st_size:
        from ..services.consolidation.kind import is_committee_file

        if not is_committee_file(path):
            raise ChiboError(
                _("Tệp {path} đã có dữ liệu; hãy chọn tên tệp mới cho đảng ủy.").format(
                    path=path.name
                )
            )
    with desk(args, create=True) as db:
        info = CommitteeInfo(args.committee, args.party_committee, args.place, args.secretary)
        init_committee(db, info)
    print(_("Đã tạo {path} cho {name}.").format(path=path, name=args.committee))
    return 0


def cmd_add(args) -> int:
    from ..cli.package import package_password
    from ..services.consolidation.desk import add_packages
    from ..services.contract.results import run_to_end

    with desk(args) as db:
        outcomes = run_to_end(add_packages(db, args.files, package_password(ask=False)))
    if args.json:
        print_json([o.as_dict() for o in outcomes])
    else:
        for o in outcomes:
            mark = "!" if o.status == "refused" else "+"
            print(f"{mark} {o.message}")
    if not outcomes:
        raise ChiboError(_("Không có tệp .chibo nào để nhận."))
    return 1 if any(o.status == "refused" for o in outcomes) else 0


def cmd_list(args) -> int:
    from ..services.consolidation.overview import cell_lines

    with desk(args) as db:
        lines = cell_lines(db)
    if args.json:
        print_json([line.as_dict() for line in lines])
        return 0
    if not lines:
        print(_("Chưa nhận được gói báo cáo của chi bộ nào."))
    for line in lines:
        progress = (
            format_percent(line.campaign_progress) if line.campaign_progress is not None else "—"
        )
        late = _(" — CHẬM") if line.late else ""
        print(
            _(
                "{name}: gói lập {created}, kỳ {start} – {end}; {members} đảng viên; {meetings} "
                "buổi sinh hoạt trong kỳ; đợt sinh hoạt chính trị {progress}{late}"
            ).format(
                name=line.name,
                created=format_date(line.package_created.date()),
                start=format_date(line.period_start),
                end=format_date(line.period_end),
                members=line.members,
                meetings=line.meetings_in_period,
                progress=progress,
                late=late,
            )
        )
    return 0


def cmd_report(args) -> int:
    from ..services.consolidation.reports import build_consolidated
    from ..services.contract.results import run_to_end

    path = output_path(args.output, (".xlsx", ".pdf"))
    start = parse_date(args.start) if args.start else None
    end = parse_date(args.end) if args.end else None
    with desk(args) as db:
        written = run_to_end(build_consolidated(db, args.name, path, start, end))
    print(_("Đã ghi {path}.").format(path=written))
    return 0


def cmd_reminders(args) -> int:
    from ..services.consolidation.reminders import committee_reminders

    with desk(args) as db:
        items = committee_reminders(db)
    if args.json:
        print_json([r.as_dict() for r in items])
        return 0
    if not items:
        print(_("Không có việc gì cần nhắc."))
    for r in items:
        print(f"{'!' if r.urgency == 'overdue' else '-'} {r.text}")
    return 0
