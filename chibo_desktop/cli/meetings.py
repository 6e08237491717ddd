"""meetings list / print / attendance."""

from __future__ import annotations

from ..errors import ChiboError
from ..i18n import _, format_date, ngettext
from .arguments import opened, print_json, write_output

DOCUMENT_FORMATS = (".pdf", ".docx")


def register(commands) -> None:
    group = commands.add_parser("meetings", help=_("biên bản sinh hoạt chi bộ"))
    sub = group.add_subparsers(dest="meetings_command", metavar="ACTION", required=True)
    p = sub.add_parser("list", help=_("liệt kê các buổi sinh hoạt"))
    p.add_argument("--year", type=int, default=None, help=_("chỉ năm này"))
    p.add_argument("--json", action="store_true", help=_("in dạng JSON"))
    p.set_defaults(handler=cmd_list)
    p = sub.add_parser("print", help=_("in biên bản ra tệp PDF hoặc Word"))
    p.add_argument("id", type=int, help=_("số của buổi sinh hoạt (xem “meetings list”)"))
    p.add_argument("output", metavar="OUT.pdf|OUT.docx")
    p.add_argument("--blank", action="store_true", help=_("mẫu trống để ghi tay"))
    p.set_defaults(handler=cmd_print)
    p = sub.add_parser("blank", help=_("mẫu biên bản trống để ghi tay, chưa gắn với buổi nào"))
    p.add_argument("output", metavar="OUT.pdf|OUT.docx")
    p.add_argument(
        "--kind",
        action="append",
        dest="kinds",
        metavar="KIND",
        help=_("loại sinh hoạt (thuong_ky, chuyen_de); nhắc lại để ghép"),
    )
    p.set_defaults(handler=cmd_blank)
    p = sub.add_parser("resolution", help=_("nghị quyết chi bộ của buổi sinh hoạt thường kỳ"))
    p.add_argument("id", type=int, help=_("số của buổi sinh hoạt (xem “meetings list”)"))
    p.add_argument("output", metavar="OUT.pdf|OUT.docx")
    p.set_defaults(handler=cmd_resolution)
    p = sub.add_parser("notice", help=_("thông báo sinh hoạt chi bộ gửi đảng viên và cấp trên"))
    p.add_argument("id", type=int, help=_("số của buổi sinh hoạt (xem “meetings list”)"))
    p.add_argument("output", metavar="OUT.pdf|OUT.docx|OUT.txt")
    p.set_defaults(handler=cmd_notice)
    p = sub.add_parser("attendance", help=_("bảng theo dõi dự họp cả năm (Excel)"))
    p.add_argument("year", type=int)
    p.add_argument("output", metavar="OUT.xlsx")
    p.set_defaults(handler=cmd_attendance)


def meeting_json(row: dict, counts) -> dict:
    return {
        "id": row["id"],
        "date": row["date"],
        "kinds": row["kinds"],
        "title": row["title"],
        "status": row["status"],
        "number": row["number"] or None,
        "present": counts.present,
        "total": counts.total,
        "voting_base": counts.voting_base,
        "threshold": counts.threshold,
    }


def cmd_list(args) -> int:
    import datetime as dt

    from ..services.meetings.minutes import list_meetings
    from ..services.meetings.reading import meeting_counts

    with opened(args) as db:
        rows = list_meetings(db, args.year)
        counts = {r["id"]: meeting_counts(db, r["id"]) for r in rows}
    if args.json:
        print_json([meeting_json(r, counts[r["id"]]) for r in rows])
        return 0
    status = {"draft": _("nháp"), "final": _("đã hoàn tất")}
    for row in rows:
        c = counts[row["id"]]
        print(
            f"{row['id']:>5}  {format_date(dt.date.fromisoformat(row['date']))}  "
            f"{row['title']:<60}  {c.present}/{c.total}  {status.get(row['status'], '')}"
        )
    print(
        ngettext(
            "Tổng cộng: {n} buổi sinh hoạt.", "Tổng cộng: {n} buổi sinh hoạt.", len(rows)
        ).format(n=len(rows))
    )
    return 0


def cmd_print(args) -> int:
    from ..services.meetings.printing import export_minutes

    return write_output(
        args, DOCUMENT_FORMATS, lambda db, path: export_minutes(db, args.id, path, blank=args.blank)
    )


def cmd_blank(args) -> int:
    from ..services.meetings.printing import export_blank_form

    return write_output(
        args,
        DOCUMENT_FORMATS,
        lambda db, path: export_blank_form(db, path, tuple(args.kinds or ("thuong_ky",))),
    )


def cmd_resolution(args) -> int:
    from ..services.meetings.documents import RESOLUTION_FORMATS, export_resolution

    return write_output(
        args, RESOLUTION_FORMATS, lambda db, path: export_resolution(db, args.id, path)
    )


def cmd_notice(args) -> int:
    from ..services.meetings.documents import NOTICE_FORMATS, export_notice

    return write_output(args, NOTICE_FORMATS, lambda db, path: export_notice(db, args.id, path))


def cmd_attendance(args) -> int:
    from ..services.meetings.printing import export_attendance_xlsx

    if not 1900 <= args.year <= 2100:
        raise ChiboError(_("Năm {year} không hợp lệ.").format(year=args.year))
    return write_output(
        args, (".xlsx",), lambda db, path: export_attendance_xlsx(db, args.year, path)
    )
