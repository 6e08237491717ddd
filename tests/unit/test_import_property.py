"""Any table either imports or is rejected row by row, and the file stays sound."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chibo_desktop.services.importing import run_import
from chibo_desktop.storage.database import open_database

from .import_files import HEADER, TITLE, write_xlsx

TODAY = dt.date(2026, 3, 15)

NAMES = st.one_of(
    st.sampled_from(
        [
            "Nguyễn Văn An",
            "Trần Thị Bình",
            "Lê Văn Cường",
            "Nguye\u0302\u0303n Hà",
            "",
            "=cmd",
            "+1",
            "@x",
            "A" * 120,
            "Lê_x0001_Văn",
            "Số 1",
            "  Đỗ  Văn   Em ",
        ]
    ),
    st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạ ", min_size=1, max_size=20),
)
DATES = st.one_of(
    st.none(),
    st.dates(dt.date(1900, 1, 1), dt.date(2030, 12, 31)),
    st.builds(lambda d: d.strftime("%d/%m/%Y"), st.dates(dt.date(1900, 1, 1), dt.date(2030, 1, 1))),
    st.sampled_from(["31/02/1990", "1960", "05/1965", "13/13/2000", "không rõ", "1960-05-03"]),
    st.integers(1, 60000).map(float),
)
SEX = st.sampled_from(["Nam", "Nữ", "nam", "", "x", "Khác"])
CARDS = st.one_of(
    st.just(""),
    st.sampled_from(["01.000001", "01.000002", "02.000003"]),
    st.floats(1, 99, allow_nan=False).map(lambda f: round(f, 6)),
)
ROW = st.tuples(NAMES, SEX, DATES, DATES, DATES, CARDS)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(ROW, min_size=1, max_size=25), st.booleans())
def test_any_table_imports_or_is_rejected_row_by_row(tmp_path_factory, rows, strict):
    folder = tmp_path_factory.mktemp("prop")
    db = open_database(folder / "c.sqlite", create=True)
    try:
        data = [[n, *row, ""] for n, row in enumerate(rows, start=1)]
        path = write_xlsx(folder / "ds.xlsx", {"S": [*TITLE, HEADER, *data]})
        report = run_import(db, path, strict=strict, today=TODAY)
        rejected_rows = {r.row for r in report.rejected}
        assert all(r.reason for r in report.rejected)
        first = len(TITLE) + 2
        assert rejected_rows <= set(range(first, first + len(rows)))
        assert report.added + report.updated + report.unchanged + len(rejected_rows) + (
            report.skipped
        ) == len(rows)
        stored = db.execute("SELECT count(*) FROM members").fetchone()[0]
        if strict and rejected_rows:
            assert stored == 0 and not report.written
        else:
            assert stored == report.added
            again = run_import(db, path, today=TODAY)
            assert (again.added, again.updated) == (0, 0)
            assert {r.row for r in again.rejected} == rejected_rows
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        db.execute("INSERT INTO members_fts(members_fts) VALUES ('integrity-check')")
    finally:
        db.close()
