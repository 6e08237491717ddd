"""Party dues on a 300-member cell: a month's ledger opened, "all paid as due" and one typed
exception saved (each followed by the ledger read again, as the page does), and the year's
summary written as PDF and Excel.

Targets: a month opens and saves "in a blink" (< 0.2 s each, ledger included); the year's
PDF for 300 members in under 2 s (median of 5 runs of the whole service path: figures from
the database, layout, durable write). No reference: the targets are absolute. Quick mode
uses 100 members.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from . import data
from .common import median_time, result

TODAY = data.TODAY  # 15/03/2026
BLINK_S = 0.2
YEAR_PDF_S = 2.0


def _fill_dues(db, seed: int) -> None:
    """Every member a group and basis from January 2025; January 2025 to February 2026 paid."""
    from chibo_desktop.domain.dues import DuesBasis, Month
    from chibo_desktop.services.dues.entry import pay_all_as_due, save_cell_options
    from chibo_desktop.services.members.states import brief_members
    from chibo_desktop.storage import dues as store

    rng = random.Random(seed)
    start = Month(2025, 1)
    bases = []
    for member in brief_members(db):
        group = rng.choice(["salary", "salary", "pension", "student", "other"])
        amount = rng.randrange(40, 160) * 100_000 if group in ("salary", "pension") else None
        bases.append(DuesBasis(member.id, start, group, amount))
    with db.atomic():
        store.save_bases(db, bases)
    save_cell_options(db, kept_percent=30, group_amounts={"qd342:other": 10_000})
    save_cell_options(db, group_amounts={"qd01:other": 10_000})
    month = start
    while month < Month(2026, 3):
        pay_all_as_due(db, month, month.first)
        month = month.next()


def run(quick: bool) -> list[dict]:
    from chibo_desktop.domain.dues import Month
    from chibo_desktop.domain.dues_checks import Payment
    from chibo_desktop.services.contract.results import run_to_end
    from chibo_desktop.services.dues.documents import write_year_summary
    from chibo_desktop.services.dues.entry import pay_all_as_due, record_payment
    from chibo_desktop.services.dues.ledger import month_ledger
    from chibo_desktop.storage.database import open_database

    members = 100 if quick else 300
    size = f"{members:,} members"
    rows = []
    with tempfile.TemporaryDirectory(prefix="chibo-bench-dues-") as tmp:
        folder = Path(tmp)
        path = data.database(folder / "cell.sqlite", members=members, years=1)
        db = open_database(path)
        try:
            _fill_dues(db, data.SEED)
            march = Month(2026, 3)
            seconds = median_time(lambda: month_ledger(db, march), runs=5)
            rows.append(
                result(
                    f"dues month opens ({size})",
                    seconds,
                    reference="",
                    target=f"< {BLINK_S:g} s",
                    max_s=BLINK_S,
                )
            )
            months = iter(Month(2026, n) for n in range(3, 10))

            def all_paid() -> None:
                month = next(months)
                pay_all_as_due(db, month, month.first)
                month_ledger(db, month)

            seconds = median_time(all_paid, runs=5)
            rows.append(
                result(
                    f"dues 'all paid as due' saved and shown ({size})",
                    seconds,
                    reference="",
                    target=f"< {BLINK_S:g} s",
                    max_s=BLINK_S,
                )
            )
            line = month_ledger(db, march).lines[0]
            amounts = iter(range(1_000, 100_000, 1_000))

            def one_exception() -> None:
                payment = Payment(line.member_id, march, next(amounts), "cash", "2026-03-15")
                record_payment(db, payment)
                month_ledger(db, march)

            seconds = median_time(one_exception, runs=5)
            rows.append(
                result(
                    f"dues one payment typed, saved and shown ({size})",
                    seconds,
                    reference="",
                    target=f"< {BLINK_S:g} s",
                    max_s=BLINK_S,
                )
            )
            for suffix in (".pdf", ".xlsx"):
                out = folder / f"year{suffix}"

                def year(out=out) -> None:
                    run_to_end(write_year_summary(db, 2025, out, TODAY))

                seconds = median_time(year, runs=5)
                rows.append(
                    result(
                        f"dues year summary {suffix[1:]} (2025, 12 months paid, {size})",
                        seconds,
                        reference="",
                        target=f"< {YEAR_PDF_S:g} s",
                        max_s=YEAR_PDF_S,
                    )
                )
        finally:
            db.close()
    return rows
