"""`chibo members import FILE`: import a member list from a spreadsheet."""

from __future__ import annotations

import sys

from ..i18n import _, ngettext
from .arguments import opened, print_json


def register(members_commands) -> None:
    """Add `import` to the `members` subcommands."""
    p = members_commands.add_parser(
        "import", help=_("nhập danh sách đảng viên từ tệp Excel, LibreOffice hoặc CSV")
    )
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "file", metavar="FILE", nargs="?", help=_("tệp .xlsx, .xls, .xlsb, .ods hoặc .csv")
    )
    p.add_argument("--sheet", metavar="NAME", help=_("tên trang tính (mặc định: tự tìm)"))
    p.add_argument(
        "--strict", action="store_true", help=_("có dòng bị từ chối thì không ghi gì cả")
    )
    p.add_argument("--dry-run", action="store_true", help=_("chỉ kiểm tra, không ghi"))
    p.add_argument(
        "--transferred-in",
        action="store_true",
        help=_("các đảng viên trong tệp chuyển sinh hoạt đến từ nơi khác"),
    )
    what.add_argument(
        "--undo-last",
        action="store_true",
        help=_("hoàn tác lần nhập gần nhất (khi sổ chưa có thay đổi nào khác sau đó)"),
    )
    p.add_argument("--json", action="store_true", help=_("in kết quả dạng JSON"))
    p.add_argument(
        "--errors",
        metavar="XLSX",
        help=_("lưu các dòng bị từ chối vào tệp .xlsx này để sửa và nhập lại"),
    )
    p.set_defaults(handler=cmd_import)


def cmd_import(args) -> int:
    from ..services.importing import run_import, save_error_report
    from .arguments import output_path

    if args.undo_last:
        return _undo_last(args)
    errors_path = output_path(args.errors, (".xlsx",)) if args.errors else None
    with opened(args) as db:
        report = run_import(
            db,
            args.file,
            sheet=args.sheet,
            strict=args.strict,
            dry_run=args.dry_run,
            arrived=args.transferred_in,
        )
    if errors_path is not None and report.rejected_rows:
        save_error_report(report, errors_path)
    if args.json:
        print_json(report.as_json())
    else:
        _print(report, errors_path)
    if report.strict_refused:
        if not args.json:
            print(_("Không ghi gì vì có dòng bị từ chối (chế độ --strict)."), file=sys.stderr)
        return 1
    return 0


def _undo_last(args) -> int:
    from ..services.safety.before_bulk import undo_last_import_with_backup

    with opened(args) as db:
        undone = undo_last_import_with_backup(db).value
    if args.json:
        print_json(undone.__dict__)
    else:
        print(
            _(
                "Đã hoàn tác lần nhập tệp {name} lúc {at}: bỏ {removed} đảng viên đã thêm, trả "
                "lại hồ sơ cũ của {restored} đảng viên."
            ).format(
                name=undone.file_name,
                at=undone.at,
                removed=undone.removed,
                restored=undone.restored,
            )
        )
    return 0


def _print(report, errors_path) -> None:
    print(_("Tệp {name}:").format(name=report.file_name))
    print(_("  thêm mới: {n}").format(n=report.added))
    print(_("  cập nhật: {n}").format(n=report.updated))
    print(_("  không đổi: {n}").format(n=report.unchanged))
    if report.skipped:
        print(_("  bỏ qua (không phải dòng đảng viên): {n}").format(n=report.skipped))
    if report.without_history:
        print(
            _(
                "  chưa có ngày vào Đảng: {n} (đã ghi hồ sơ, chưa ghi biến động; hãy bổ sung "
                "ngày vào Đảng)"
            ).format(n=report.without_history)
        )
    if report.replanned:
        print(_("  tệp hoặc sổ đã đổi từ lúc xem trước nên đã đối chiếu lại."))
    rows = sorted({r.row for r in report.rejected})
    print(
        ngettext("  bị từ chối: {n} dòng", "  bị từ chối: {n} dòng", len(rows)).format(n=len(rows))
    )
    for r in report.rejected:
        print(
            _("    dòng {row}, cột {column}: {reason}").format(
                row=r.row, column=r.column, reason=r.reason
            )
        )
    if report.dry_run:
        print(_("Chạy thử: chưa ghi gì vào sổ."))
    elif report.written:
        print(_("Đã ghi vào sổ đảng viên."))
    if errors_path is not None and report.rejected_rows:
        print(_("Đã lưu các dòng bị từ chối vào {path}.").format(path=errors_path))
