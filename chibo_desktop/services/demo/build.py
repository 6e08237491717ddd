"""A realistic demo cell: members in every status, a year of minutes, a campaign."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Callable

from sqlite_utils import Database

from ...domain.dates import add_months, add_years
from ...domain.members import Member
from ...domain.status import StatusChange
from ...errors import ChiboError
from ...i18n import _
from ...storage.members import member_count
from ..cell.identity import CellInfo, get_cell, save_cell
from ..contract.context import today as _today
from ..contract.results import Changes, Result
from ..members.register import add_status_change, get_member, list_members, save_member
from . import (
    assessments as demo_assessments,
)
from . import (
    campaign as demo_campaign,
)
from . import (
    dues as demo_dues,
)
from . import (
    meetings as demo_meetings,
)

FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Vũ",
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
]
MIDDLE_M = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Xuân", "Đình", "Thanh"]
MIDDLE_F = ["Thị", "Thị Thu", "Thị Minh", "Ngọc", "Thị Hồng", "Thu", "Thị Thanh"]
GIVEN_M = [
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
    "Hiếu",
    "Lộc",
    "Toàn",
    "Trọng",
]
GIVEN_F = [
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
    "Vân",
    "Loan",
    "Huyền",
]
JOBS = [
    "Cán bộ hưu trí",
    "Giáo viên",
    "Kinh doanh",
    "Công nhân",
    "Cán bộ phường",
    "Bác sĩ",
    "Kỹ sư",
    "Nội trợ",
    "Lao động tự do",
    "Cựu chiến binh",
]
STREETS = ["Hàng Bạc", "Hàng Buồm", "Mã Mây", "Đinh Liệt", "Hàng Bè", "Cầu Gỗ"]
PROVINCES = ["Hà Nội", "Nam Định", "Thái Bình", "Nghệ An", "Hải Dương", "Hưng Yên", "Thanh Hóa"]
THEORY = ["Sơ cấp", "Sơ cấp", "Trung cấp", "Trung cấp", "Cao cấp"]

# (count, what happened after joining), each list ends in the member's current status.
PLAN = [
    (22, []),
    (2, ["exempt"]),
    (2, ["temp_out"]),
    (1, ["suspended"]),
    (2, ["transfer_out"]),
    (1, ["died"]),
    (1, ["struck_off"]),
    (1, ["resigned"]),
    (1, ["expelled"]),
]

# Each feature adds its part of the demo after the members: (db, today, rng).
DemoStep = Callable[[Database, dt.date, random.Random], None]
EXTRA_STEPS: list[DemoStep] = [
    demo_meetings.add_demo,
    demo_campaign.add_demo,
    demo_assessments.add_demo,
    demo_dues.add_demo,
]


def _person(rng: random.Random, index: int, today: dt.date, min_age: int, max_age: int):
    female = index % 3 == 1
    name = " ".join(
        [
            rng.choice(FAMILY),
            rng.choice(MIDDLE_F if female else MIDDLE_M),
            rng.choice(GIVEN_F if female else GIVEN_M),
        ]
    )
    age = rng.randint(min_age, max_age)
    birth = today - dt.timedelta(days=365 * age + rng.randint(0, 364))
    return name, ("Nữ" if female else "Nam"), birth


def _member(
    rng: random.Random, index: int, today: dt.date, *, probationary: bool = False
) -> tuple[Member, dt.date]:
    name, gender, birth = _person(
        rng, index, today, 24 if probationary else 35, 40 if probationary else 85
    )
    earliest_join = add_years(birth, 19)
    if probationary:
        joined = today - dt.timedelta(days=rng.choice([45, 200, 340, 352, 380]))
    else:
        span = max((today - dt.timedelta(days=400) - earliest_join).days, 1)
        joined = earliest_join + dt.timedelta(days=rng.randint(0, span))
    official = None if probationary else add_months(joined, 12)
    member = Member(
        full_name=name,
        gender=gender,
        birth_date=birth.isoformat(),
        ethnicity="Kinh",
        religion="Không",
        hometown=rng.choice(PROVINCES),
        address=f"Số {rng.randint(1, 120)} phố {rng.choice(STREETS)}, Hà Nội",
        education="12/12",
        theory_level=rng.choice(THEORY),
        job_before=rng.choice(JOBS),
        job_now=rng.choice(JOBS),
        join_date=joined.isoformat(),
        official_date=official.isoformat() if official else None,
        card_number="" if probationary else f"{rng.randint(10, 99)}{index:06d}",
        file_number=f"{rng.randint(1000, 99999)}HN",
        phone=f"09{rng.randint(10_000_000, 99_999_999)}",
        armed_forces=rng.random() < 0.15,
    )
    return member, joined


def fill_demo(db: Database, *, today: dt.date | None = None, seed: int = 2026) -> Result[int]:
    """Fill an empty register with a demo cell. Refuses a file that already has members."""
    today = today or _today()
    if member_count(db):
        raise ChiboError(_("Tệp đã có đảng viên; chỉ tạo dữ liệu mẫu trong tệp trống."))
    rng = random.Random(seed)
    if not get_cell(db).name:
        save_cell(db, CellInfo("Chi bộ Khu phố 3", "Đảng bộ phường Hàng Bạc", "Hà Nội"))
    with db.atomic():
        index = 0
        for count, events in PLAN:
            for _n in range(count):
                index += 1
                member, joined = _member(rng, index, today)
                _add(db, member, joined, events, rng, today)
        for _n in range(5):
            index += 1
            member, joined = _member(rng, index, today, probationary=True)
            _add(db, member, joined, [], rng, today, first="admitted")
        index += 1
        member, joined = _member(rng, index, today)
        _add(db, member, today - dt.timedelta(days=200), [], rng, today, first="temp_in")
        _assign_positions(db, today)
        for step in EXTRA_STEPS:
            step(db, today, rng)
    return Result(index, Changes(cell=True, members=True, meetings=True, campaigns=True))


def _add(
    db, member: Member, joined: dt.date, events: list[str], rng, today: dt.date, first: str = ""
) -> None:
    if not first:
        first = "admitted" if joined > today - dt.timedelta(days=3650) else "transfer_in"
    start = joined if first == "admitted" else max(joined, today - dt.timedelta(days=3000))
    if first == "temp_in":
        start = joined
    member_id = save_member(db, member, first_status=StatusChange(first, start), today=today).value
    if first == "admitted" and member.official_date:
        official = dt.date.fromisoformat(member.official_date)
        add_status_change(
            db,
            member_id,
            StatusChange("official", official, decision=f"{rng.randint(10, 300)}-QĐ/ĐU"),
            today=today,
        )
    when = today - dt.timedelta(days=rng.randint(60, 300))
    for kind in events:
        add_status_change(
            db, member_id, StatusChange(kind, when, note=_demo_note(kind)), today=today
        )


def _demo_note(kind: str) -> str:
    return {
        "exempt": "Tuổi cao, sức yếu",
        "temp_out": "Đi làm việc ở tỉnh khác",
        "transfer_out": "Chuyển về Đảng bộ phường Lý Thái Tổ",
    }.get(kind, "")


def _assign_positions(db: Database, today: dt.date) -> None:
    rows = sorted(
        (r for r in list_members(db) if r["status"] == "chinh_thuc"), key=lambda r: r["join_date"]
    )[:4]
    for row, position in zip(
        rows, ["Bí thư", "Phó Bí thư", "Chi ủy viên", "Chi ủy viên"], strict=False
    ):
        member = get_member(db, row["id"]).member
        save_member(db, dataclasses.replace(member, position=position), today=today)
    if rows:
        cell = get_cell(db)
        save_cell(db, dataclasses.replace(cell, secretary_name=rows[0]["full_name"]))
