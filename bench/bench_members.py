"""Member register at scale: filtering as you type, and opening the members page.

Targets: with 20,000 members one keystroke of filtering costs at most 16 ms (median) and
opening the page (load the rows on the worker + build the model) at most 300 ms.
References: a plain Python substring scan over the same folded names, and a bare
``SELECT *`` of the members table.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

TODAY = dt.date(2026, 3, 15)
FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Phan",
    "Trịnh",
    "Đinh",
    "Lương",
    "Mai",
]
MIDDLE = [
    "Văn",
    "Thị",
    "Đức",
    "Minh",
    "Quang",
    "Hữu",
    "Thị Thu",
    "Ngọc",
    "Xuân",
    "Đình",
    "Thanh",
    "Công",
    "Thị Hồng",
    "Bảo",
    "Kim",
]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đạt",
    "Hải",
    "Hùng",
    "Khánh",
    "Long",
    "Nam",
    "Phong",
    "Quân",
    "Sơn",
    "Thắng",
    "Tuấn",
    "Việt",
    "Anh",
    "Chi",
    "Dung",
    "Giang",
    "Hà",
    "Hạnh",
    "Hoa",
    "Hương",
    "Lan",
    "Linh",
    "Mai",
    "Ngân",
    "Nhung",
    "Phương",
    "Thảo",
    "Trang",
    "Yến",
    "Ánh",
    "Ơn",
    "Ưng",
    "Ý",
    "Đào",
    "Ẩn",
    "Ổn",
]
KEYSTROKES = [
    "n",
    "ng",
    "ngu",
    "nguy",
    "nguye",
    "nguyen",
    "nguyen ",
    "nguyen v",
    "nguyen va",
    "nguyen van",
    "d",
    "da",
    "dan",
    "dang",
    "h",
    "ha",
    "hai",
]


def make_members(db, count: int, seed: int = 7) -> None:
    """``count`` plausible members through the service's bulk path (fixed seed)."""
    from chibo_desktop.domain.dates import add_months
    from chibo_desktop.domain.members import Member
    from chibo_desktop.domain.status import StatusChange
    from chibo_desktop.services.members.register import add_members

    rng = random.Random(seed)
    items = []
    for index in range(count):
        birth = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 60))
        joined = birth + dt.timedelta(days=365 * 19 + rng.randint(0, 365 * 20))
        joined = min(joined, TODAY - dt.timedelta(days=rng.randint(30, 400)))
        official = add_months(joined, 12)
        probationary = official > TODAY
        history = [StatusChange("admitted", joined)]
        if not probationary:
            history.append(StatusChange("official", official))
        roll = rng.random() if official < TODAY - dt.timedelta(days=10) else 1.0
        if roll < 0.05:
            history.append(StatusChange("transfer_out", TODAY - dt.timedelta(days=5)))
        elif roll < 0.08:
            history.append(StatusChange("died", TODAY - dt.timedelta(days=3)))
        elif roll < 0.1:
            history.append(StatusChange("exempt", TODAY - dt.timedelta(days=2)))
        member = Member(
            full_name=f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
            gender=rng.choice(("Nam", "Nữ")),
            birth_date=birth.isoformat(),
            ethnicity="Kinh",
            religion="Không",
            hometown="Hà Nội",
            theory_level=rng.choice(("Sơ cấp", "Trung cấp", "Cao cấp", "")),
            join_date=joined.isoformat(),
            official_date=None if probationary else official.isoformat(),
            card_number=f"{index:08d}",
            position="Đảng viên",
        )
        items.append((member, history))
    add_members(db, items, today=TODAY)


def _median(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(quick: bool) -> list[dict]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QTableView

    from chibo_desktop.domain.text import fold
    from chibo_desktop.gui.models.members_model import MembersModel, MembersProxy
    from chibo_desktop.services.cell.identity import CellInfo, save_cell
    from chibo_desktop.services.members.listing import member_list
    from chibo_desktop.storage.database import open_database

    count = 2_000 if quick else 20_000
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.sqlite", create=True)
        save_cell(db, CellInfo("Chi bộ thử", "Đảng bộ thử", "Hà Nội"))
        make_members(db, count)

        model = MembersModel()
        proxy = MembersProxy()
        proxy.setSourceModel(model)
        view = QTableView()  # a shown view, as on the page: it reacts to every reset
        view.setModel(proxy)
        view.resize(1000, 600)
        view.show()

        def open_page() -> None:
            model.set_members(member_list(db, today=TODAY), today=TODAY)
            proxy.refilter()
            app.processEvents()

        def raw_select() -> None:
            list(db.execute("SELECT * FROM members"))

        open_s = _median(open_page, 5)
        raw_s = _median(raw_select, 5)

        per_key: list[float] = []
        with_paint: list[float] = []
        for _ in range(3):
            for text in KEYSTROKES:
                start = time.perf_counter()
                proxy.set_search(text)
                proxy.rowCount()
                per_key.append(time.perf_counter() - start)
                app.processEvents()
                with_paint.append(time.perf_counter() - start)
            proxy.set_search("")
            app.processEvents()
        key_s = statistics.median(per_key)
        paint_s = statistics.median(with_paint)

        haystacks = [r.search_text for r in member_list(db, today=TODAY)]

        def plain_scan() -> None:
            for text in KEYSTROKES:
                words = fold(text).split()
                [h for h in haystacks if all(w in h for w in words)]

        scan_s = _median(plain_scan, 5) / len(KEYSTROKES)
        view.close()
        db.close()
    return [
        {
            "name": f"members: one keystroke of filtering ({count} members)",
            "median_s": key_s,
            "reference": "plain Python scan of the folded names",
            "reference_s": scan_s,
            "ratio": key_s / scan_s if scan_s else None,
            "target": "≤ 16 ms",
            "passed": key_s <= 0.016,
        },
        {
            "name": f"members: one keystroke, filter + repaint of the view ({count} members)",
            "median_s": paint_s,
            "reference": "plain Python scan of the folded names",
            "reference_s": scan_s,
            "ratio": paint_s / scan_s if scan_s else None,
            "target": "≤ 50 ms (GUI thread)",
            "passed": paint_s <= 0.050,
        },
        {
            "name": f"members: open the page, load rows + build model ({count} members)",
            "median_s": open_s,
            "reference": "SELECT * FROM members",
            "reference_s": raw_s,
            "ratio": open_s / raw_s if raw_s else None,
            "target": "≤ 300 ms",
            "passed": open_s <= 0.300,
        },
    ]


if __name__ == "__main__":
    import sys

    for result in run("--quick" in sys.argv):
        print(
            f"{result['name']}: {result['median_s'] * 1000:.1f} ms "
            f"(reference {result['reference']}: {result['reference_s'] * 1000:.1f} ms, "
            f"ratio {result['ratio']:.1f}); target {result['target']}: "
            f"{'ok' if result['passed'] else 'FAILED'}"
        )
