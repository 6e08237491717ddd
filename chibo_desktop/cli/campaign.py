"""campaign list / templates / template-export / template-import / new / report."""

from __future__ import annotations

from ..i18n import _, format_date, format_percent, ngettext
from .arguments import opened, output_path, parse_date, print_json


def register(commands) -> None:
    group = commands.add_parser("campaign", help=_("đợt sinh hoạt chính trị"))
    sub = group.add_subparsers(dest="campaign_command", metavar="ACTION", required=True)
    p = sub.add_parser("list", help=_("các đợt sinh hoạt và tiến độ"))
    p.add_argument("--json", action="store_true", help=_("in dạng JSON"))
    p.set_defaults(handler=cmd_list)
    p = sub.add_parser("templates", help=_("các mẫu đợt sinh hoạt"))
    p.add_argument("--json", action="store_true", help=_("in dạng JSON"))
    p.set_defaults(handler=cmd_templates)
    p = sub.add_parser(
        "template-export", help=_("ghi một mẫu đợt sinh hoạt ra tệp .toml để gửi chi bộ khác")
    )
    p.add_argument("template", help=_("khóa của mẫu (xem: campaign templates)"))
    p.add_argument("output", help=_("tệp .toml"))
    p.set_defaults(handler=cmd_template_export)
    p = sub.add_parser(
        "template-import", help=_("nhập mẫu đợt sinh hoạt từ tệp .toml (kiểm tra trước khi nhập)")
    )
    p.add_argument("file", help=_("tệp .toml"))
    p.set_defaults(handler=cmd_template_import)
    p = sub.add_parser("new", help=_("tạo đợt sinh hoạt từ một mẫu"))
    p.add_argument("template", help=_("khóa của mẫu (xem: campaign templates)"))
    p.add_argument("--start", required=True, help=_("ngày bắt đầu"))
    p.add_argument("--end", default=None, help=_("ngày kết thúc (nếu có)"))
    p.add_argument("--title", default="", help=_("tên đợt"))
    p.set_defaults(handler=cmd_new)
    p = sub.add_parser("report", help=_("báo cáo kết quả ra tệp .pdf, .xlsx hoặc .docx"))
    p.add_argument("id", type=int, help=_("số của đợt (xem: campaign list)"))
    p.add_argument("output", help=_("tệp kết quả"))
    p.set_defaults(handler=cmd_report)


def cmd_list(args) -> int:
    from ..services.campaigns.campaign import list_campaigns

    with opened(args, readonly=False) as db:
        rows = list_campaigns(db)
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        start = format_date(_iso(row["start"]))
        overdue = (
            ngettext(", {n} bước quá hạn", ", {n} bước quá hạn", row["overdue"]).format(
                n=row["overdue"]
            )
            if row["overdue"]
            else ""
        )
        print(
            f"{row['id']:>4}. {row['title']}  ({start}) {format_percent(row['progress'])}{overdue}"
        )
    if not rows:
        print(_("Chưa có đợt sinh hoạt nào."))
    return 0


def _iso(text):
    import datetime as dt

    return dt.date.fromisoformat(text) if text else None


def cmd_templates(args) -> int:
    from ..services.campaigns.templates import list_templates

    with opened(args) as db:
        rows = list_templates(db)
    if args.json:
        print_json([{"key": t.key, "title": t.title, "builtin": t.builtin} for t in rows])
        return 0
    for t in rows:
        kind = _("có sẵn") if t.builtin else _("của chi bộ")
        print(f"{t.key:<24} {t.title}  [{kind}]")
    return 0


def cmd_template_export(args) -> int:
    from ..services.campaigns.templates import export_template

    path = output_path(args.output, (".toml",))
    with opened(args) as db:
        written = export_template(db, args.template, path)
    print(_("Đã ghi {path}.").format(path=written))
    return 0


def cmd_template_import(args) -> int:
    """A broken file is refused with its line and the reason (the error names both)."""
    from ..services.campaigns.templates import get_template, import_template

    with opened(args) as db:
        key = import_template(db, args.file).value
        template = get_template(db, key)
    print(_("Đã nhập mẫu “{title}” (khóa {key}).").format(title=template.title, key=key))
    unverified = len(template.unverified())
    if unverified:
        print(
            ngettext(
                "{n} mục của bản tự kiểm điểm chưa đối chiếu với văn bản chính thức.",
                "{n} mục của bản tự kiểm điểm chưa đối chiếu với văn bản chính thức.",
                unverified,
            ).format(n=unverified)
        )
    return 0


def cmd_new(args) -> int:
    from ..services.campaigns.campaign import create_campaign

    start = parse_date(args.start)
    finish = parse_date(args.end) if args.end else None
    with opened(args) as db:
        campaign_id = create_campaign(
            db, args.template, start, title=args.title, finish=finish
        ).value
    print(_("Đã tạo đợt sinh hoạt số {id}.").format(id=campaign_id))
    return 0


def cmd_report(args) -> int:
    from ..services.campaigns.reports import write_report

    path = output_path(args.output, (".pdf", ".xlsx", ".docx"))
    with opened(args) as db:
        written = write_report(db, args.id, path)
    print(_("Đã ghi {path}.").format(path=written))
    return 0
