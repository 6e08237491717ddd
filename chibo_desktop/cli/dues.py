"""`chibo dues`: rates, a month's ledger, the printed sheet and year summary, payments."""

from __future__ import annotations

from ..errors import ChiboError
from ..i18n import _, format_money
from .arguments import opened, output_path, parse_date, print_json
from .dues_more import register_more


def register(commands) -> None:
    group = commands.add_parser("dues", help=_("đảng phí: mức đóng, sổ thu hằng tháng"))
    sub = group.add_subparsers(dest="dues_command", metavar="ACTION", required=True)
    p = sub.add_parser("rates", help=_("chế độ và mức đóng đảng phí áp dụng cho một ngày"))
    p.add_argument("--on", metavar="DATE", help=_("ngày (mặc định: hôm nay)"))
    p.add_argument("--json", action="store_true", help=_("in dạng JSON"))
    p.set_defaults(handler=cmd_rates)
    p = sub.add_parser("month", help=_("đảng phí của từng đảng viên trong tháng"))
    p.add_argument("month", metavar="YYYY-MM")
    p.add_argument("--json", action="store_true", help=_("in dạng JSON"))
    p.set_defaults(handler=cmd_month)
    p = sub.add_parser("sheet", help=_("in sổ thu đảng phí của tháng (PDF hoặc Excel)"))
    p.add_argument("month", metavar="YYYY-MM")
    p.add_argument("output", metavar="OUT.pdf|OUT.xlsx")
    p.add_argument("--number", default="", help=_("số văn bản, ví dụ “Số 03-BC/CB”"))
    p.set_defaults(handler=cmd_sheet)
    p = sub.add_parser("year", help=_("tổng hợp đảng phí cả năm (PDF hoặc Excel)"))
    p.add_argument("year", type=int)
    p.add_argument("output", metavar="OUT.pdf|OUT.xlsx")
    p.add_argument("--number", default="", help=_("số văn bản, ví dụ “Số 12-BC/CB”"))
    p.set_defaults(handler=cmd_year)
    p = sub.add_parser("pay", help=_("ghi nộp đảng phí của tháng"))
    p.add_argument("month", metavar="YYYY-MM")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--all", action="store_true", help=_("mọi người chưa nộp: nộp đủ mức"))
    who.add_argument("--member", type=int, metavar="ID", help=_("số của đảng viên"))
    p.add_argument("--amount", metavar="N", help=_("số tiền (đồng)"))
    p.add_argument("--method", choices=("cash", "online"), default="cash")
    p.add_argument("--date", metavar="DATE", help=_("ngày nộp (mặc định: hôm nay)"))
    p.add_argument("--note", default="")
    p.set_defaults(handler=cmd_pay)
    p = sub.add_parser("import", help=_("nhập căn cứ tính đảng phí từ bảng lương (Excel)"))
    p.add_argument("file", metavar="FILE.xlsx")
    p.add_argument("--from", dest="month", required=True, metavar="YYYY-MM")
    p.add_argument("--group", choices=("salary", "pension", "benefit"), default="salary")
    p.add_argument("--dry-run", action="store_true", help=_("chỉ kiểm tra, không ghi"))
    p.add_argument("--errors", metavar="OUT.xlsx", help=_("ghi các dòng không nhập được"))
    p.add_argument("--json", action="store_true", help=_("in dạng JSON"))
    p.set_defaults(handler=cmd_import)
    register_more(sub)


def _month(text: str):
    from ..domain.dues import Month

    try:
        return Month.parse(text)
    except ValueError as exc:
        raise ChiboError(str(exc)) from exc


def rates_json(regime, options) -> dict:
    groups = []
    for g in regime.groups:
        group = regime.group(g.key)
        groups.append(
            {
                "key": g.key,
                "label": g.label,
                "basis": group.basis,
                "rate_percent": group.rate / 100 if group.rate is not None else None,
                "fixed": group.fixed,
                "cell_set": group.cell_set,
                "cell_amount": options.group_amount(regime.key, group.same_as or g.key),
                "verified": g.verified,
            }
        )
    return {
        "regime": regime.key,
        "title": regime.title,
        "source": regime.source,
        "valid_from": regime.valid_from,
        "rounding": options.rounding,
        "kept_percent": options.kept_percent,
        "exempt_party_years": regime.exempt_party_years,
        "reduction_percents": list(regime.reduction_percents),
        "relief_max_months": regime.relief_max_months,
        "unpaid_months_in_year": regime.unpaid_months_in_year,
        "methods": list(regime.methods),
        "groups": groups,
    }


def cmd_rates(args) -> int:
    from ..domain.dues import Month
    from ..services.contract.context import today
    from ..services.dues.ledger import cell_options, regime_on

    on = parse_date(args.on) if args.on else today()
    with opened(args, readonly=True) as db:
        options = cell_options(db, Month.of(on))
    data = rates_json(regime_on(on), options)
    if args.json:
        print_json(data)
        return 0
    print(f"{data['title']} — {data['source']}")
    for g in data["groups"]:
        print(f"  {g['key']:<8} {g['label']}")
    return 0


def line_json(line) -> dict:
    payment = line.payment
    return {
        "member_id": line.member_id,
        "full_name": line.name,
        "group": line.due.group,
        "basis": line.due.basis,
        "due": line.due.amount,
        "paid": line.paid,
        "state": line.state,
        "reason": line.due.reason,
        "method": payment.method if payment else None,
        "paid_on": payment.paid_on if payment else None,
        "note": payment.note if payment else "",
        "arrears": line.arrears,
        "advance": line.advance,
    }


def cmd_month(args) -> int:
    from ..domain.dues_checks import STATE_LABELS
    from ..services.dues.ledger import month_ledger

    month = _month(args.month)
    with opened(args, readonly=True) as db:
        ledger = month_ledger(db, month)
    if args.json:
        print_json(
            {
                "month": str(month),
                "regime": ledger.regime.key,
                "total_due": ledger.total_due,
                "total_paid": ledger.total_paid,
                "kept": ledger.kept,
                "to_pass_up": ledger.to_pass_up,
                "passed_up": ledger.record.passed_up,
                "passed_up_on": ledger.record.passed_up_on,
                "meeting_id": ledger.record.meeting_id,
                "members": [line_json(x) for x in ledger.lines],
            }
        )
        return 0
    for x in ledger.lines:
        due = format_money(x.due.amount) if x.due.amount is not None else "?"
        print(f"{x.member_id:>5}  {x.name:<30} {due:>14} {format_money(x.paid):>14}  ", end="")
        print(_(STATE_LABELS[x.state]))
    print(
        _("Phải thu {due}, đã thu {paid}.").format(
            due=format_money(ledger.total_due), paid=format_money(ledger.total_paid)
        )
    )
    return 0


def cmd_sheet(args) -> int:
    from ..services.contract.context import today
    from ..services.contract.results import run_to_end
    from ..services.dues.documents import write_month_sheet

    month = _month(args.month)
    path = output_path(args.output, (".pdf", ".xlsx"))
    with opened(args, readonly=True) as db:
        written = run_to_end(write_month_sheet(db, month, path, today(), args.number))
    print(_("Đã ghi {path}.").format(path=written))
    return 0


def cmd_year(args) -> int:
    from ..services.contract.context import today
    from ..services.contract.results import run_to_end
    from ..services.dues.documents import write_year_summary

    if not 1900 <= args.year <= 2100:
        raise ChiboError(_("Năm {year} không hợp lệ.").format(year=args.year))
    path = output_path(args.output, (".pdf", ".xlsx"))
    with opened(args, readonly=True) as db:
        written = run_to_end(write_year_summary(db, args.year, path, today(), args.number))
    print(_("Đã ghi {path}.").format(path=written))
    return 0


def cmd_pay(args) -> int:
    from ..domain.dues_checks import DuesError, Payment, parse_amount
    from ..services.contract.context import today
    from ..services.dues.entry import pay_all_as_due, record_payment

    month = _month(args.month)
    paid_on = parse_date(args.date) if args.date else today()
    with opened(args) as db:
        if args.all:
            if args.amount:
                raise ChiboError(_("--all ghi đúng mức phải nộp; bỏ --amount."))
            count = pay_all_as_due(db, month, paid_on, args.method).value
            print(_("Đã ghi nộp đủ cho {n} đảng viên.").format(n=count))
            return 0
        if not args.amount:
            raise ChiboError(_("Cần --amount (số tiền nộp)."))
        try:
            amount = parse_amount(args.amount)
        except DuesError as exc:
            raise ChiboError(str(exc)) from exc
        payment = Payment(args.member, month, amount, args.method, paid_on.isoformat(), args.note)
        record_payment(db, payment)
    print(_("Đã ghi {amount}.").format(amount=format_money(amount)))
    return 0


def cmd_import(args) -> int:
    from pathlib import Path

    from ..services.contract.context import today
    from ..services.dues.basis_import import commit_basis_import, plan_basis_import, save_rejected

    month = _month(args.month)
    source = Path(args.file)
    if not source.is_file():
        raise ChiboError(_("Không tìm thấy tệp {path}.").format(path=source))
    errors = output_path(args.errors, (".xlsx",)) if args.errors else None
    with opened(args, readonly=args.dry_run) as db:
        plan = plan_basis_import(db, source, month, args.group, today())
        if not args.dry_run:
            commit_basis_import(db, plan)
    if errors is not None and plan.rejected:
        save_rejected(plan, errors)
    if args.json:
        print_json(plan.as_dict())
        return 0
    for row in plan.rejected:
        for _column, _label, _value, reason in row.problems:
            print(_("Dòng {row}: {reason}").format(row=row.number, reason=reason))
    print(
        _("Cập nhật {n} đảng viên, {same} không đổi, {bad} dòng không nhập được.").format(
            n=len(plan.planned), same=plan.unchanged, bad=len(plan.rejected)
        )
    )
    return 0
