"""New members found column by column are what checking every row one by one finds: the
same report, the same rows stored, the same status changes and change log."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chibo_desktop.domain.members import Member
from chibo_desktop.services import import_fast
from chibo_desktop.services.import_fast import NewMembers
from chibo_desktop.services.import_quick import quick_refused, quick_valid
from chibo_desktop.services.importing import run_import
from chibo_desktop.storage.database import open_database

from .import_files import write_xlsx

TODAY = dt.date(2026, 3, 15)

_ISO = st.one_of(
    st.none(),
    st.from_regex(r"\A(19[0-9]{2}|20[0-3][0-9])(-(0[0-9]|1[0-3])(-([0-2][0-9]|3[0-2]))?)?\Z"),
    st.sampled_from(["1960-02-30", "abcd", "2026-03-15", "2026-03-16", "2000-02-29", "1982-03"]),
)
_MEMBERS = st.builds(
    Member,
    full_name=st.one_of(
        st.sampled_from(["Nguyễn Văn An", "", "=cmd", "A" * 101, "Lê-Thị O'Hà", "Lê\nAn", " An"]),
        st.text(max_size=12),
    ),
    birth_name=st.sampled_from(["", "Nguyễn Văn Bé", "1x"]),
    gender=st.sampled_from([None, "Nam", "Nữ", "Khác"]),
    birth_date=_ISO,
    join_date=_ISO,
    official_date=_ISO,
    file_number=st.sampled_from(["", "12345HN", "12", "abc"]),
)
_CHECKED = ("full_name", "birth_name", "gender", "birth_date", "join_date", "official_date")


@settings(max_examples=300, deadline=None)
@given(st.lists(_MEMBERS, max_size=12), st.booleans())
def test_quick_check_of_columns_refuses_the_rows_quick_valid_refuses(members, none_for_empty):
    values = {
        name: [getattr(m, name) or (None if none_for_empty else getattr(m, name)) for m in members]
        for name in (*_CHECKED, "file_number")
    }
    expected = [i for i, m in enumerate(members) if not quick_valid(m, TODAY)]
    assert quick_refused(values, len(members), TODAY) == expected


@st.composite
def _dated_member(draw) -> Member:
    """A member whose dates are real days at the rules' edges (of age on the day, official
    the day after joining, a date today or tomorrow); now and then one left empty."""
    born = draw(
        st.one_of(
            st.dates(dt.date(1930, 1, 1), dt.date(2008, 3, 18)),
            st.dates(dt.date(2008, 3, 12), dt.date(2008, 3, 18)),  # of age about today
        )
    )
    adult = dt.date(born.year + 18, born.month, 28 if born.month == 2 else born.day)
    joined = adult + dt.timedelta(days=draw(st.integers(-2, 2)))
    official = joined + dt.timedelta(days=draw(st.integers(-1, 2)))
    days = [d.isoformat() if draw(st.integers(0, 20)) else None for d in (born, joined, official)]
    return Member("Lê Văn An", birth_date=days[0], join_date=days[1], official_date=days[2])


@settings(max_examples=300, deadline=None)
@given(st.lists(_dated_member(), max_size=4), st.sampled_from([None, "birth", "join", "official"]))
def test_quick_check_of_date_columns_refuses_what_quick_valid_refuses(members, emptied):
    if emptied:  # a list without that column
        for m in members:
            setattr(m, f"{emptied}_date", None)
    values = {name: [getattr(m, name) for m in members] for name in _CHECKED}
    expected = [i for i, m in enumerate(members) if not quick_valid(m, TODAY)]
    assert quick_refused(values, len(members), TODAY) == expected


# A column for each way a row can go: closed lists, notes, sex marks, the usual fields.
HEADER = [
    "STT",
    "Họ và tên",
    "Tên khai sinh",
    "Giới tính",
    "Ngày sinh",
    "Ngày vào Đảng",
    "Ngày chính thức",
    "Số thẻ đảng viên",
    "Lý luận chính trị",
    "Chức vụ",
    "Số lý lịch",
    "Ghi chú",
    "Nữ",
    "Quê",
]
MAPPING = {
    0: "row_number",
    1: "full_name",
    2: "birth_name",
    3: "gender",
    4: "birth_date",
    5: "join_date",
    6: "official_date",
    7: "card_number",
    8: "theory_level",
    9: "position",
    10: "file_number",
    11: "notes",
    12: "gender_female",
    13: "to_notes",
}
_NAMES = st.sampled_from(
    ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Nguye\u0302\u0303n Hà", "", "=x", " Đỗ  Em"]
)


@st.composite
def _dates(draw) -> list:
    """Birth, joining and official dates as the rules want them, as cells or typed."""
    born = draw(st.dates(dt.date(1935, 1, 1), dt.date(1995, 12, 31)))
    joined = born + dt.timedelta(days=draw(st.integers(18 * 366, 40 * 365)))
    official = joined + dt.timedelta(days=draw(st.sampled_from([365, 366, 700])))
    typed = draw(st.lists(st.booleans(), min_size=3, max_size=3))
    days = (born, min(joined, TODAY), min(official, TODAY))
    return [d.strftime("%d/%m/%Y") if t else d for d, t in zip(days, typed, strict=True)]


def _one_of(*values):
    return st.sampled_from(values)


# For each column: values that pass; values that send a row down the other way.
_GOOD = [
    _one_of("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Hà Văn An"),
    _one_of("", "", "Nguyễn Văn Bé"),
    _one_of("Nam", "Nữ", "nữ", ""),
    None,  # the three dates
    _one_of("", "01.000001", "01.000002", "02.000003", "02.000004", "02.000005", "02.000006"),
    _one_of("", "", "Cao cấp", "TC LLCT", "Chưa"),
    _one_of("", "", "Bí thư"),
    _one_of("", "", "12345HN"),
    _one_of("", "", "Ghi chú"),
    _one_of(""),
    _one_of(""),
]
_ODD = [
    _one_of("", "=x", " Đỗ  Em", "Nguye\u0302\u0303n Hà", "Số 1", "Lê Văn Cường"),
    _one_of("1x"),
    _one_of("Khác", "x"),
    _one_of("", "31/02/1990", "1960", "05/1965", "không rõ", "01/01/2027", dt.date(2010, 1, 1)),
    _one_of("01.000001", "", 2.5),
    _one_of("Tiến sĩ"),
    _one_of("Tổ trưởng"),
    _one_of("12"),
    _one_of("  Ghi   chú "),
    _one_of("x"),
    _one_of("Hà Nội"),
]


@st.composite
def _row(draw) -> list:
    """A member as the rules want, or with one or two cells that are not."""
    row = [draw(g) if g is not None else None for g in _GOOD]
    row[3:4] = draw(_dates())
    for _odd in range(draw(_one_of(0, 0, 0, 1, 1, 2))):
        column = draw(st.integers(0, len(_ODD) - 1))
        value = draw(_ODD[column])
        if column == 3:
            row[3 + draw(st.integers(0, 2))] = value
        else:
            row[column if column < 3 else column + 2] = value
    return row


def _stored(db) -> dict[str, list]:
    """Everything an import writes, but for the time it was written."""
    return {
        "members": db.execute("SELECT * FROM members ORDER BY id").fetchall(),
        "status": db.execute(
            "SELECT id, member_id, kind, date, decision, note FROM member_status ORDER BY id"
        ).fetchall(),
        "log": db.execute(
            "SELECT id, user, entity, record_id, field, old, new, source FROM change_log "
            "ORDER BY id"
        ).fetchall(),
        "search": db.execute("SELECT rowid, * FROM members_fts ORDER BY rowid").fetchall(),
    }


def _without_times(stored: dict[str, list]) -> dict[str, list]:
    stored["members"] = [row[:-2] for row in stored["members"]]  # created_at, updated_at
    return stored


def _one_by_one(chunks, register, choices, today):
    return NewMembers(), [record for chunk in chunks for record in chunk.records()]


def _import(folder, name, before, rows, one_by_one: bool):
    db = open_database(folder / f"{name}.sqlite", create=True)
    try:
        with pytest.MonkeyPatch.context() as patch:
            if one_by_one:
                patch.setattr(import_fast, "split", _one_by_one)
            if before:
                run_import(db, before, mapping=MAPPING, today=TODAY)
            report = run_import(db, rows, mapping=MAPPING, today=TODAY)
        return report, _without_times(_stored(db))
    finally:
        db.close()


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.lists(_row(), min_size=1, max_size=14),
    st.lists(_row(), max_size=6),
    st.booleans(),
)
def test_new_members_by_columns_are_what_row_by_row_finds(tmp_path_factory, rows, earlier, first):
    folder = tmp_path_factory.mktemp("columns")
    table = [[n, *row] for n, row in enumerate(rows, start=1)]
    path = write_xlsx(folder / "ds.xlsx", {"S": [HEADER, *table]})
    before = None
    if earlier or first:  # a register that already holds some of these members
        kept = [[n, *row] for n, row in enumerate(earlier + rows[:1], start=1)]
        before = write_xlsx(folder / "truoc.xlsx", {"S": [HEADER, *kept]})
    fast, fast_stored = _import(folder, "fast", before, path, one_by_one=False)
    slow, slow_stored = _import(folder, "slow", before, path, one_by_one=True)
    assert fast.as_json() == slow.as_json()
    assert [(r.number, r.raw, r.problems) for r in fast.rejected_rows] == [
        (r.number, r.raw, r.problems) for r in slow.rejected_rows
    ]
    assert fast_stored == slow_stored
