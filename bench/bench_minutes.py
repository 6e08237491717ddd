"""Printed minutes and searching meetings.

Targets: a two-page minutes PDF builds in at most 1.5× the time reportlab takes for a bare
document with the same paragraphs, and under 300 ms; full-text search over 1,000 meetings
takes at most 10 ms (median). References: a bare ``SimpleDocTemplate`` of the same
paragraphs in the same font; a ``LIKE`` scan over the same folded text.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from pathlib import Path

from .common import interleaved_medians, median_time, result

SPEECHES = [
    "Đề nghị chi bộ quan tâm hơn nữa đến việc giữ gìn vệ sinh ngõ phố và trật tự đô thị.",
    "Nhất trí với báo cáo; đề nghị bổ sung nội dung vận động các hộ kinh doanh ven chợ.",
    "Cần phân công cụ thể đảng viên phụ trách từng tổ dân phố, báo cáo kết quả hằng tháng.",
    "Đề nghị tăng cường kiểm tra việc thực hiện nếp sống văn minh ở khu vực chợ Hàng Bè.",
]
NAMES = [
    "Nguyễn Văn An",
    "Trần Thị Hạnh",
    "Lê Văn Sơn",
    "Phạm Thị Lan",
    "Đặng Minh Đức",
    "Hoàng Thu Hà",
    "Vũ Văn Cường",
    "Ngô Văn Dũng",
    "Bùi Văn Đạt",
    "Đỗ Thị Chi",
]


DISCUSSIONS = 2


def _minutes_input(discussions: int):
    from chibo_desktop.domain.meetings import (
        AgendaItem,
        Attendee,
        Discussion,
        Meeting,
        Resolution,
        compute_counts,
    )
    from chibo_desktop.interop.letterhead import Letterhead
    from chibo_desktop.interop.pdf.minutes import MinutesInput
    from chibo_desktop.rules.meetings import meeting_rules

    rng = random.Random(5)
    date = dt.date(2026, 3, 5)
    attendance = [
        Attendee(i, f"{NAMES[i % 10]} {i}", "excused" if i % 9 == 0 else "present", "Ốm")
        for i in range(30)
    ]
    rules = meeting_rules()
    meeting = Meeting(
        date,
        ("thuong_ky",),
        title="Sinh hoạt chi bộ thường kỳ tháng 3 năm 2026",
        start_time="19:30",
        end_time="21:30",
        place="Nhà văn hóa Khu phố 3",
        chair_name="Nguyễn Văn An",
        chair_position="Bí thư",
        secretary_name="Phạm Thị Lan",
        secretary_position="Chi ủy viên",
        opening="Đồng chí chủ trì nêu mục đích, yêu cầu.",
        attendance=attendance,
        approval_for=25,
        approval_against=0,
        approval_abstain=0,
    )
    meeting.agenda = [
        AgendaItem(t, "Nội dung: " + rng.choice(SPEECHES), "Chi bộ thống nhất.")
        for t in rules.kind("thuong_ky").agenda
    ]
    meeting.discussions = [
        Discussion(rng.choice(NAMES), rng.choice(SPEECHES), None, n % 5) for n in range(discussions)
    ]
    meeting.resolutions = [Resolution("Thông qua phương hướng, nhiệm vụ tháng 4", 24, 1, 0)]
    return MinutesInput(
        meeting,
        compute_counts(attendance, rules),
        Letterhead("Đảng bộ phường Hàng Bạc", "Chi bộ Khu phố 3", "Hà Nội", date, "Số 05-BB/CB"),
        "Chi bộ Khu phố 3",
    )


def _paragraph_texts(story) -> list[str]:
    from reportlab.platypus import Paragraph

    return [f.text for f in story if isinstance(f, Paragraph)]


def _bench_pdf(folder: Path) -> list[dict]:
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from chibo_desktop.interop.files import atomic_write
    from chibo_desktop.interop.pdf.layout import MARGINS, styles
    from chibo_desktop.interop.pdf.minutes import build_minutes, story

    data = _minutes_input(DISCUSSIONS)
    build_minutes(folder / "warm.pdf", data)
    pages = _page_count(folder / "warm.pdf")
    texts = [*_paragraph_texts(story(data)), "THƯ KÝ", "CHỦ TRÌ", "Phạm Thị Lan", "Nguyễn Văn An"]
    body = styles().body
    margins = {f"{side}Margin": value for side, value in MARGINS.items()}

    def bare_doc(target) -> None:
        doc = SimpleDocTemplate(target, pagesize=A4, **margins)
        doc.build([Paragraph(t, body) for t in texts])

    def ours() -> None:
        build_minutes(folder / "ours.pdf", data)

    def bare() -> None:
        # The same durable write (temp file, fsync, rename) as every document we produce,
        # so that the ratio measures the layout and not the disk.
        atomic_write(folder / "bare.pdf", lambda tmp: bare_doc(str(tmp)))

    def ours_memory() -> None:
        doc = SimpleDocTemplate(io.BytesIO(), pagesize=A4, **margins)
        doc.build(story(data))

    def bare_memory() -> None:
        bare_doc(io.BytesIO())

    ours_s, bare_s, ours_mem, bare_mem = interleaved_medians(
        [ours, bare, ours_memory, bare_memory], runs=7
    )
    name = f"minutes PDF ({pages} pages)"
    return [
        result(
            name + " to disk",
            ours_s,
            reference="bare SimpleDocTemplate, same paragraphs, same atomic write",
            reference_s=bare_s,
            target="≤ 1.5×",
            max_ratio=1.5,
        ),
        result(
            name + " layout in memory",
            ours_mem,
            reference="bare SimpleDocTemplate, same paragraphs, in memory",
            reference_s=bare_mem,
            target="≤ 1.5×",
            max_ratio=1.5,
        ),
        result(name + " to disk, absolute", ours_s, reference="", target="< 300 ms", max_s=0.3),
    ]


def _page_count(path: Path) -> int:
    import re

    return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))


def _bench_search(folder: Path, count: int) -> list[dict]:
    from chibo_desktop.domain.meetings import Discussion
    from chibo_desktop.services.meetings import minutes as svc
    from chibo_desktop.storage.database import open_database

    db = open_database(folder / "search.sqlite", create=True)
    rng = random.Random(11)
    template = svc.new_meeting(db, dt.date(2025, 1, 5))
    with db.atomic():
        for index in range(count):
            template.id = None
            template.date = dt.date(2000, 1, 5) + dt.timedelta(days=30 * index)
            template.title = f"Sinh hoạt chi bộ thường kỳ số {index}"
            template.discussions = [
                Discussion(rng.choice(NAMES), rng.choice(SPEECHES)) for _n in range(6)
            ]
            svc.save_draft(db, template)
    queries = ["dang minh duc", "ve sinh", "hang be", "nguyen van an cho", "trat tu do thi"]

    def search() -> None:
        for q in queries:
            svc.search_meetings(db, q)

    def scan() -> None:
        for q in queries:
            clauses = " AND ".join("search_text LIKE ?" for _w in q.split())
            db.execute(
                f"SELECT id FROM meetings WHERE {clauses}", [f"%{w}%" for w in q.split()]
            ).fetchall()

    ours = median_time(search, runs=9) / len(queries)
    reference = median_time(scan, runs=9) / len(queries)
    db.close()
    return [
        result(
            f"search over {count} meetings",
            ours,
            reference="LIKE scan",
            reference_s=reference,
            target="≤ 10 ms",
            max_s=0.010,
        )
    ]


def run(quick: bool) -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="chibo-bench-minutes-") as tmp:
        folder = Path(tmp)
        return _bench_pdf(folder) + _bench_search(folder, 200 if quick else 1000)
