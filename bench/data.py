"""Registers to measure on: N members with status histories, fixed seeds, fast.

    from bench import data
    path = data.database(tmp / "cell.sqlite", members=20_000)       # made (or copied) once
    db = open_database(path)

Members go in through the project's own repositories (``storage.members.insert``,
``add_status``, ``set_state``, ``changelog.record``) inside one ``db.atomic()``: the same rows
``services.members.save_member`` writes, without re-reading the history for each change
(the histories made here are valid by construction; ``check_histories`` proves it in a test).
When the meetings and assessments tables exist, ``data_history.history`` adds ten years of
monthly minutes with attendance and every member's yearly assessment.

Files are cached under the temp folder keyed by the sizes, the seed and a hash of the schema
and of the generating code, so a benchmark run makes each size once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from chibo_desktop.domain.dates import add_months, add_years
from chibo_desktop.domain.members import Member
from chibo_desktop.domain.status import StatusChange

TODAY = dt.date(2026, 3, 15)  # fixed, so the same seed always makes the same register
SEED = 2026
USER = "bithu"

# Family names weighted roughly by how common they are in Việt Nam.
FAMILY = [
    ("Nguyễn", 38), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 4), ("Huỳnh", 2),
    ("Phan", 4), ("Vũ", 3), ("Võ", 2), ("Đặng", 2), ("Bùi", 2), ("Đỗ", 1), ("Hồ", 1),
    ("Ngô", 1), ("Dương", 1), ("Lý", 1), ("Đinh", 1), ("Trịnh", 1), ("Đoàn", 1), ("Lương", 1),
]  # fmt: skip
MIDDLE_M = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Xuân", "Đình", "Thanh", "Quốc", "Mạnh"]
MIDDLE_F = ["Thị", "Thị Thu", "Thị Minh", "Ngọc", "Thị Hồng", "Thu", "Thị Thanh", "Diệu", "Bích"]
GIVEN_M = [
    "An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phong",
    "Quân", "Sơn", "Thắng", "Tuấn", "Việt", "Hiếu", "Lộc", "Toàn", "Trọng", "Huy", "Khôi",
    "Nghĩa", "Phúc", "Tâm", "Thịnh", "Trung", "Vinh", "Quý", "Hưng", "Lâm", "Đông", "Kiên",
]  # fmt: skip
GIVEN_F = [
    "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngân",
    "Nhung", "Phương", "Thảo", "Trang", "Yến", "Vân", "Loan", "Huyền", "Oanh", "Thủy", "Hằng",
    "Nga", "Quyên", "Tuyết", "Xuân", "Ánh", "Diệp", "Nguyệt", "Thư", "Uyên", "Liên", "Hiền",
]  # fmt: skip
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
    "Kế toán",
    "Nhân viên văn phòng",
]
STREETS = ["Hàng Bạc", "Hàng Buồm", "Mã Mây", "Đinh Liệt", "Hàng Bè", "Cầu Gỗ", "Lương Văn Can"]
PROVINCES = ["Hà Nội", "Nam Định", "Thái Bình", "Nghệ An", "Hải Dương", "Hưng Yên", "Thanh Hóa"]
THEORY = ["Sơ cấp", "Sơ cấp", "Trung cấp", "Trung cấp", "Cao cấp"]
EDUCATION = ["12/12", "12/12", "12/12", "10/10", "9/12", "Đại học"]
QUALIFICATION = ["", "", "Cử nhân", "Kỹ sư", "Thạc sĩ", "Trung cấp"]
# What may happen after joining, with its chance; a member gets at most one condition and
# at most one way of leaving.
CONDITIONS = [("exempt", 0.05), ("temp_out", 0.03), ("suspended", 0.005)]
LEAVING = [
    ("transfer_out", 0.06),
    ("died", 0.04),
    ("struck_off", 0.004),
    ("resigned", 0.003),
    ("expelled", 0.002),
]
NOTES = {
    "exempt": "Tuổi cao, sức yếu",
    "temp_out": "Đi làm việc ở tỉnh khác",
    "transfer_out": "Chuyển về Đảng bộ phường Lý Thái Tổ",
    "suspended": "Chờ xem xét kỷ luật",
}


def _pick_family(rng: random.Random) -> str:
    return rng.choices([n for n, _w in FAMILY], weights=[w for _n, w in FAMILY])[0]


LEADERS = ["Bí thư", "Phó Bí thư", "Chi ủy viên", "Chi ủy viên"]


def person(
    rng: random.Random, index: int, today: dt.date, years: int, position: str = ""
) -> tuple[Member, list]:
    """One member and their status history (oldest first), valid under the shipped rules.
    A member with a ``position`` (the cell committee) is in the cell for the whole period."""
    female = rng.random() < 0.45
    name = " ".join(
        [
            _pick_family(rng),
            rng.choice(MIDDLE_F if female else MIDDLE_M),
            rng.choice(GIVEN_F if female else GIVEN_M),
        ]
    )
    age = rng.randint(55, 68) if position else rng.randint(22, 88)
    birth = today - dt.timedelta(days=365 * age + rng.randint(0, 364))
    earliest = add_years(birth, 19)
    latest = today - dt.timedelta(days=30)
    joined = earliest + dt.timedelta(days=rng.randint(0, max((latest - earliest).days, 0)))
    window = add_years(today, -years)
    history: list[StatusChange] = []
    if position:
        joined = min(joined, add_years(window, -5))
        official = add_months(joined, 12)
        history.append(StatusChange("transfer_in", window - dt.timedelta(days=60)))
    elif joined >= window:
        history.append(StatusChange("admitted", joined, decision=f"{rng.randint(10, 300)}-QĐ/ĐU"))
        official = add_months(joined, 12)
        if official <= today:
            history.append(
                StatusChange("official", official, decision=f"{rng.randint(10, 300)}-QĐ/ĐU")
            )
        else:
            official = None
    else:
        official = add_months(joined, 12)
        arrived = window + dt.timedelta(days=rng.randint(0, 365 * years // 3))
        history.append(StatusChange("transfer_in", arrived))
    member = Member(
        full_name=name,
        gender="Nữ" if female else "Nam",
        birth_date=birth.isoformat(),
        ethnicity="Kinh" if rng.random() < 0.95 else rng.choice(["Tày", "Mường", "Hoa"]),
        religion="Không" if rng.random() < 0.9 else rng.choice(["Phật giáo", "Công giáo"]),
        hometown=rng.choice(PROVINCES),
        address=f"Số {rng.randint(1, 180)} phố {rng.choice(STREETS)}, Hà Nội",
        education=rng.choice(EDUCATION),
        theory_level=rng.choice(THEORY),
        qualification=rng.choice(QUALIFICATION),
        job_before=rng.choice(JOBS),
        job_now=rng.choice(JOBS),
        join_date=joined.isoformat(),
        official_date=official.isoformat() if official else None,
        card_number=f"{rng.randint(1, 99):02d}{100_000 + index:07d}" if official else "",
        file_number=f"{10_000 + index}HN",
        phone=f"09{rng.randint(10_000_000, 99_999_999)}",
        armed_forces=rng.random() < 0.12,
        position=position,
    )
    if position:
        return member, history
    last = history[-1].date
    for kind, chance in CONDITIONS:
        if rng.random() < chance and last < latest:
            last = last + dt.timedelta(days=rng.randint(1, (latest - last).days))
            history.append(StatusChange(kind, last, note=NOTES.get(kind, "")))
            break
    for kind, chance in LEAVING:
        if rng.random() < chance and last < latest:
            last = last + dt.timedelta(days=rng.randint(1, (latest - last).days))
            history.append(StatusChange(kind, last, note=NOTES.get(kind, "")))
            break
    return member, history


def people(
    count: int, *, seed: int = SEED, today: dt.date = TODAY, years: int = 10, start: int = 0
) -> Iterator[tuple[Member, list[StatusChange]]]:
    """``count`` members with histories; the same seed gives the same people. A register
    that starts at 0 begins with the cell committee (Bí thư first)."""
    rng = random.Random(f"{seed}:{start}")
    for index in range(start, start + count):
        yield person(rng, index, today, years, LEADERS[index] if index < len(LEADERS) else "")


def add_register(
    db, count: int, *, seed: int = SEED, today: dt.date = TODAY, years: int = 10, start: int = 0
) -> list[int]:
    """Write ``count`` generated members in one transaction; returns their ids."""
    from chibo_desktop.services.members.register import search_text, state_of
    from chibo_desktop.storage import changelog
    from chibo_desktop.storage import members as store

    ids = []
    with db.atomic():
        for member, history in people(count, seed=seed, today=today, years=years, start=start):
            member_id = store.insert(db, member, search_text(member))
            changelog.record(db, USER, "member", member_id, [("created", None, member.full_name)])
            for change in history:
                store.add_status(db, member_id, change)
                changelog.record(
                    db, USER, "member_status", member_id, [(change.kind, None, str(change.date))]
                )
            state = state_of(member, history, today)
            store.set_state(db, member_id, state.code, state.in_cell)
            ids.append(member_id)
    return ids


def check_histories(count: int, *, seed: int = SEED) -> None:
    """Raise if a generated history breaks the shipped status rules."""
    from chibo_desktop.domain.status import validate_history
    from chibo_desktop.rules.statuses import status_rules

    rules = status_rules()
    for _member, history in people(count, seed=seed):
        validate_history(history, rules)


def _fingerprint() -> str:
    """Changes when the schema or the code that makes the data changes."""
    import chibo_desktop

    package = Path(chibo_desktop.__file__).parent
    digest = hashlib.sha256()
    sources = sorted((package / "storage" / "sql").rglob("*.sql"))
    sources += [Path(__file__), Path(__file__).with_name("data_history.py")]
    sources += sorted((package / "services" / "demo").glob("*.py"))
    for path in sources:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def make(
    path: Path, *, members: int, years: int = 10, demo: bool = False, seed: int = SEED
) -> Path:
    """Create ``path``: a cell with ``members`` members (the demo cell topped up to that
    many when ``demo``) and, where the tables exist, ``years`` years of meetings and
    assessments."""
    from chibo_desktop.services.cell.identity import CellInfo, save_cell
    from chibo_desktop.services.demo.build import fill_demo
    from chibo_desktop.services.members.register import get_member
    from chibo_desktop.storage.database import open_database

    db = open_database(path, create=True)
    try:
        existing = fill_demo(db, today=TODAY, seed=seed).value if demo else 0
        ids = add_register(db, max(members - existing, 0), seed=seed, years=years, start=existing)
        if not demo:
            secretary = get_member(db, ids[0]).member.full_name if ids else ""
            cell = CellInfo("Chi bộ Khu phố 3", "Đảng bộ phường Hàng Bạc", "Hà Nội", secretary)
            save_cell(db, cell)
        if not demo:  # the demo brings its own year of meetings and assessments
            from .data_history import history

            history(db, years=years, seed=seed, today=TODAY)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    return path


def database(
    dest: Path | str,
    *,
    members: int,
    years: int = 10,
    demo: bool = False,
    seed: int = SEED,
) -> Path:
    """A fresh copy at ``dest`` of the file ``make`` builds, made once and cached."""
    dest = Path(dest)
    cache = Path(tempfile.gettempdir()) / "chibo-bench-cache"
    cache.mkdir(exist_ok=True)
    kind = "demo" if demo else "cell"
    cached = cache / f"{kind}-{members}-{years}y-{seed}-{_fingerprint()}.sqlite"
    if not cached.is_file():
        partial = cache / f"{cached.stem}.{random.randrange(1 << 30)}.partial"
        try:
            make(partial, members=members, years=years, demo=demo, seed=seed)
            partial.replace(cached)
        finally:
            for leftover in cache.glob(f"{partial.name}*"):
                leftover.unlink()
    shutil.copyfile(cached, dest)
    return dest
