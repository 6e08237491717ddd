"""Each row reads as its cells read on their own, however often a value repeats."""

import datetime as dt

from chibo_desktop.interop.spreadsheet import Column, Layout, RowReader
from chibo_desktop.interop.spreadsheet.values import (
    ValueProblem,
    clean_cell,
    number_text,
    parse_date,
    parse_gender,
)

TODAY = dt.date(2026, 3, 15)
HEADER = ["Họ và tên", "Giới tính", "Ngày sinh", "Số thẻ đảng viên", "Quê quán"]
FIELDS = ["full_name", "gender", "birth_date", "card_number", "hometown"]
PARSERS = {
    "gender": parse_gender,
    "birth_date": lambda v: parse_date(v, TODAY),
    "card_number": lambda v: number_text(v, "card_number", None),
    "hometown": clean_cell,
}


def _reader():
    layout = Layout(
        [0], [Column(i, h, f) for i, (h, f) in enumerate(zip(HEADER, FIELDS, strict=True))]
    )
    return RowReader(layout, layout.detected(), TODAY)


def _one_by_one(row):
    """What each cell alone reads as: values, and problems as (field, reason)."""
    values, problems = {"full_name": clean_cell(row[0])}, []
    for field, cell in zip(FIELDS[1:], row[1:], strict=True):
        if cell in ("", None):
            continue
        try:
            parsed = PARSERS[field](cell)
        except ValueProblem as exc:
            problems.append((field, str(exc)))
            continue
        if parsed not in ("", None):
            values[field] = parsed
    return values, problems


ROWS = [
    ["Nguyễn Văn An", "Nam", dt.date(1960, 5, 1), "01.000001", "Hà Nội"],
    ["Trần Thị Bình", "nữ", "02/03/1961", "01.000002", " Hà  Nội "],
    ["Lê Văn Cường", "x", "31/02/1962", "", "Hà Nội"],
    ["Phạm Văn Dũng", "x", "31/02/1962", "  01.000004 ", ""],
    ["Hoàng Thị Em", "Nữ", "31/04/1963", "01.000005", "Nam Định"],
    ["Vũ Văn Giang", 1.0, "1964", None, "Nam Định"],
    ["Đỗ Văn Hải", True, "05/1965", "01.000007", "Hà Nội"],
    ["Ngô Thị Lan", "Nam", "không rõ", "01.000008", "Hà Nội"],
]


def _records(rows: list | None = None) -> list:
    return list(_reader().records(rows or [HEADER, *ROWS]))


def test_each_row_reads_as_its_cells_alone():
    records = _records()
    assert [r.number for r in records] == list(range(2, 2 + len(ROWS)))
    for record, row in zip(records, ROWS, strict=True):
        values, problems = _one_by_one(row)
        assert record.values == values, row
        assert [(p.field, p.reason) for p in record.problems] == problems, row


def test_a_repeated_bad_value_is_reported_on_every_row_in_its_own_words():
    records = _records()
    by_name = {r.values["full_name"]: r for r in records}
    for name in ("Lê Văn Cường", "Phạm Văn Dũng"):
        fields = {p.field: p for p in by_name[name].problems}
        assert fields["gender"].value == "x" and fields["gender"].column == 1
        assert "31/02/1962" in fields["birth_date"].reason
    # 1.0 and True are equal to Python but read differently in a cell: "1" and "x".
    giang = by_name["Vũ Văn Giang"].problems
    hai = by_name["Đỗ Văn Hải"].problems
    assert [p.value for p in giang] == ["1"] and "“1”" in giang[0].reason
    assert [p.value for p in hai] == ["x"] and "“x”" in hai[0].reason
    assert by_name["Hoàng Thị Em"].values["gender"] == "Nữ"
    assert "birth_date" not in by_name["Hoàng Thị Em"].values


def test_column_of_each_value_is_remembered():
    records = _records()
    first = records[0]
    assert first.columns == {f: i for i, f in enumerate(FIELDS)}
    third = records[2]  # empty card: no column for it; unreadable cells keep theirs
    assert "card_number" not in third.columns and third.columns["birth_date"] == 2


def test_rows_shorter_than_the_header_read_as_empty_cells():
    rows = [HEADER, ["Nguyễn Văn An", "Nam"], ["Trần Thị Bình"], ROWS[0]]
    records = _records(rows)
    assert [r.values for r in records[:2]] == [
        {"full_name": "Nguyễn Văn An", "gender": "Nam"},
        {"full_name": "Trần Thị Bình"},
    ]
    assert records[2].values["card_number"] == "01.000001"


def test_card_numbers_excel_made_numbers_take_the_shape_of_the_column():
    typed = [[f"Người {n}", "Nam", "", f"{n:02d}.{n:06d}", ""] for n in range(1, 6)]
    rows = [HEADER, *typed, ["Lê Văn Cường", "Nam", "", 1.00001, ""]]
    assert _records(rows)[-1].values["card_number"] == "01.000010"
    # A column typed all as text keeps its values (no shape needed).
    assert [r.values["card_number"] for r in _records([HEADER, *typed])] == [
        row[3] for row in typed
    ]
