"""members list / export / import."""

from __future__ import annotations

from ..i18n import _, ngettext
from . import members_import
from .arguments import opened, output_path, print_json


def register(commands) -> None:
    group = commands.add_parser("members", help=_("danh sách đảng viên"))
    sub = group.add_subparsers(dest="members_command", metavar="ACTION", required=True)
    p = sub.add_parser("list", help=_("in danh sách đảng viên"))
    p.add_argument("--all", action="store_true", help=_("cả những người đã rời chi bộ"))
    p.add_argument("--json", action="store_true", help=_("in dạng JSON"))
    p.set_defaults(handler=cmd_list)
    p = sub.add_parser("export", help=_("xuất danh sách đảng viên ra Excel hoặc PDF"))
    p.add_argument("out", metavar="OUT.xlsx|OUT.pdf|OUT.docx", help=_("tệp kết quả"))
    p.add_argument("--all", action="store_true", help=_("cả những người đã rời chi bộ"))
    p.set_defaults(handler=cmd_export)
    members_import.register(sub)


def member_json(row: dict, labels: dict[str, str]) -> dict:
    return {
        "id": row["id"],
        "full_name": row["full_name"],
        "gender": row["gender"],
        "birth_date": row["birth_date"],
        "join_date": row["join_date"],
        "official_date": row["official_date"],
        "card_number": row["card_number"] or None,
        "status": row["status"],
        "status_label": labels.get(row["status"], row["status"]),
        "in_cell": bool(row["in_cell"]),
        "position": row["position"],
    }


def cmd_list(args) -> int:
    from ..domain.text import name_sort_key
    from ..services.members.register import list_members, status_code_labels

    with opened(args) as db:
        rows = sorted(
            list_members(db, include_left=args.all), key=lambda r: name_sort_key(r["full_name"])
        )
    labels = status_code_labels()
    if args.json:
        print_json([member_json(r, labels) for r in rows])
        return 0
    for number, row in enumerate(rows, start=1):
        born = "/".join(reversed((row["birth_date"] or "").split("-")))
        print(
            f"{number:>4}. {row['full_name']:<32} {row['gender'] or '':<4} {born:<11} "
            f"{labels.get(row['status'], row['status'])}"
        )
    print(
        ngettext("Tổng cộng: {n} đảng viên.", "Tổng cộng: {n} đảng viên.", len(rows)).format(
            n=len(rows)
        )
    )
    return 0


def cmd_export(args) -> int:
    from ..services.contract.results import run_to_end
    from ..services.members.exports import FORMATS, export_members

    path = output_path(args.out, FORMATS)
    with opened(args, readonly=True) as db:
        result = run_to_end(export_members(db, path, include_left=args.all))
    print(
        ngettext(
            "Đã xuất {n} đảng viên ra {path}.", "Đã xuất {n} đảng viên ra {path}.", result.count
        ).format(n=result.count, path=result.path)
    )
    return 0
