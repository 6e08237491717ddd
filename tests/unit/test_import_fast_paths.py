"""The import's whole-column shortcuts give exactly what the cell-by-cell path gives."""

from __future__ import annotations

import datetime as dt
import random
from functools import partial

from chibo_desktop.domain.members import Member
from chibo_desktop.domain.text import fold
from chibo_desktop.interop.excel_import.columns import (
    _all_plain,
    _dates,
    _is_plain_text,
    _typed_dates,
    convert,
    is_plain_name,
)
from chibo_desktop.interop.excel_import.rows import _numbered_member, _numbered_members
from chibo_desktop.interop.excel_import.values import parse_date
from chibo_desktop.services.import_fold import (
    SEARCHED,
    fast_fold,
    fold_all,
    search_text,
    search_texts_of,
)
from chibo_desktop.services.import_quick import _span
from chibo_desktop.services.members import search_text as plain_search_text

TODAY = dt.date(2026, 3, 15)
PIECES = [
    "a",
    "Bình",
    " ",
    "  ",
    "|",
    "=",
    "+",
    "@",
    "-",
    "\t",
    "\x00",
    "e\u0301",
    "é",
    "\u0301",
    "",
]


def test_whole_column_plain_text_check_never_accepts_what_a_cell_check_refuses():
    rng = random.Random(1)
    for _ in range(20_000):
        cells: list = []
        for _cell in range(rng.randrange(1, 4)):
            if rng.random() < 0.05:
                cells.append(rng.choice([1, None, 2.5]))
            else:
                cells.append("".join(rng.choice(PIECES) for _ in range(rng.randrange(0, 4))))
        for name, one in ((False, _is_plain_text), (True, is_plain_name)):
            every = all(one(c) for c in cells)
            assert not _all_plain(cells, name=name) or every, cells
            if every and not any("|" in c for c in cells):
                assert _all_plain(cells, name=name), cells


def test_whole_column_dates_match_parse_date_cell_by_cell():
    parse = partial(parse_date, today=TODAY)
    rng = random.Random(2)
    texts = [
        "31/02/2020",
        "29/02/2024",
        "29/02/2023",
        "01/13/2020",
        "00/01/2020",
        "1/2/2020",
        "01/02/20２0",
        "01-02-2020",
        "",
        " 01/02/2020",
        "12/2020",
        "ab/cd/efgh",
        "05/03/0000",
    ]
    for _ in range(300):
        column = [
            f"{rng.randrange(0, 33):02d}/{rng.randrange(0, 14):02d}/{rng.randrange(1900, 2030)}"
            if rng.random() < 0.7
            else rng.choice(texts)
            for _ in range(20)
        ]
        found = _dates(column, parse)
        expected = [convert(parse, v) for v in column]
        assert [_plain(x) for x in found] == [_plain(x) for x in expected], column
    days = [dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(30_000)) for _ in range(50)]
    assert _dates(days, parse) == [convert(parse, d) for d in days]
    assert _dates([*days, 5.0], parse) is None


def test_column_typed_dd_mm_yyyy_is_read_whole_as_cell_by_cell():
    parse = partial(parse_date, today=TODAY)
    rng = random.Random(3)
    days = [dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(30_000)) for _ in range(200)]
    column = [d.strftime("%d/%m/%Y") for d in days]
    assert _typed_dates(column) == [d.isoformat() for d in days]
    assert _dates(column, parse) == [convert(parse, v) for v in column]
    odd_cells = ("31/02/2020", "01/02/2020\n01/02/2020", "01/02/20２0", "1/02/2020", "01/02/2020 ")
    for odd in odd_cells:
        mixed = [*column[:5], odd, *column[5:10]]
        assert _typed_dates(mixed) is None, odd
        expected = [convert(parse, v) for v in mixed]
        assert [_plain(x) for x in _dates(mixed, parse)] == [_plain(x) for x in expected], odd
    assert _typed_dates([]) is None


def _plain(value):
    return getattr(value, "reason", value)


def test_fast_fold_equals_fold():
    rng = random.Random(5)
    chars = [*"aAđĐeÊếỆ ßﬁ1.-İ", "\u0301", "\u00a0", "\t", "  "]
    for _ in range(20_000):
        text = "".join(rng.choice(chars) for _ in range(rng.randrange(0, 8)))
        assert fast_fold(text) == fold(text), repr(text)


def test_iso_date_spans():
    assert _span("2024-02-29") == (dt.date(2024, 2, 29), dt.date(2024, 2, 29))
    assert _span("2023-02-29") is False
    assert _span("2023-2-29x") is False
    assert _span("1960-05") == (dt.date(1960, 5, 1), dt.date(1960, 5, 31))
    assert _span("1960") == (dt.date(1960, 1, 1), dt.date(1960, 12, 31))
    assert _span("") is None


def test_search_texts_of_columns_equal_each_members_own():
    rng = random.Random(7)
    words = ["Nguyễn", "ĐẶNG", "Thị", "Hương", "Ngô", "an", "O'Neil", "Lò-Văn", "Ưng", "Đức"]
    odd = ["ß", "İ", "ﬁ", "\u0301x", "a\tb", "x\ny", " lead", "trail ", "two  spaces", "中文"]
    for round_ in range(60):
        members = []
        for n in range(rng.randrange(0, 40)):
            name = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 5)))
            if round_ % 3 == 0 and rng.random() < 0.2:
                name += " " + rng.choice(odd)
            members.append(
                Member(
                    full_name=name,
                    card_number=f"{n % 100:02d}.{n:06d}" if rng.random() < 0.8 else "",
                    phone=f"09{n:08d}" if rng.random() < 0.5 else "",
                    position=rng.choice(["", "Bí thư", "Phó Bí thư"]),
                )
            )
        expected = [plain_search_text(m) for m in members]
        assert [search_text(m) for m in members] == expected
        columns = [
            [getattr(m, name) or rng.choice(["", None]) for m in members] for name in SEARCHED
        ]
        assert search_texts_of(columns, len(members)) == expected


def test_block_of_numbered_rows_is_decided_as_row_by_row():
    rng = random.Random(11)
    heads = [1, 2.0, dt.date(1960, 1, 1), True, "", None, "1"]
    cells = [1, "", None, "Nguyễn Văn An", "Họ và tên", dt.date(1960, 1, 1), "x"]
    said_yes = 0
    for _round in range(3000):
        width = rng.randrange(1, 6)
        block = [
            [
                rng.choice(heads[:4] if rng.random() < 0.9 else heads),
                *(rng.choice(cells) if rng.random() < 0.3 else "x" for _ in range(width)),
            ][: rng.choice([width, width, width + 1, width - 1])]
            for _ in range(rng.randrange(1, 5))
        ]
        name_column = rng.choice([None, 1, 1, 2, 6])
        header = rng.choice(["Họ và tên", "", None])
        counted = sorted(rng.sample(range(6), rng.randrange(0, 4)))
        one_by_one = all(
            row and _numbered_member(row, name_column, header, counted) for row in block
        )
        # Yes only when every row says yes; a no sends the block row by row.
        columns = _numbered_members(block, name_column, header, counted)
        if columns is not None:
            assert one_by_one
            assert columns == list(zip(*block, strict=False))
            said_yes += 1
    assert said_yes > 100


def test_fold_all_of_numbers_and_any_ascii_is_fold_of_each():
    rng = random.Random(3)
    odd = [chr(c) for c in range(128)] + ["é", "Đ", "\u0301"]
    for _round in range(5000):
        texts = [
            "".join(
                rng.choice(odd) if rng.random() < 0.1 else rng.choice("0123456789.-/abc")
                for _ in range(rng.randrange(0, 6))
            )
            for _ in range(rng.randrange(0, 5))
        ]
        assert fold_all(texts) == [fold(t) for t in texts]
