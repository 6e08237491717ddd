"""Imports at and around the sizes where reading and writing change step (every 2,000
rows): nothing lost or counted twice at a boundary, duplicates found across it, and a
re-import that changes one field on the far side of it updates that member alone."""

from __future__ import annotations

import datetime as dt

import pytest

from chibo_desktop.services.importing import run_import
from chibo_desktop.storage import members as member_store

from .import_files import simple_list

TODAY = dt.date(2026, 3, 15)
SYLLABLES = ["An", "Bình", "Cường", "Dũng", "Em", "Giang", "Hà", "Khánh", "Lan", "Minh"]


def row(n: int) -> list:
    """The n-th member (1-based): a distinct name, birth date and card."""
    given = " ".join(SYLLABLES[n // 10**k % 10] for k in range(4))
    born = dt.date(1950, 1, 1) + dt.timedelta(days=n % 9000)
    joined = born + dt.timedelta(days=25 * 366)
    card = f"{n // 1_000_000:02d}.{n % 1_000_000:06d}"
    return [n, f"Nguyễn {given}", "Nam", f"{born:%d/%m/%Y}", f"{joined:%d/%m/%Y}", "", card, ""]


def rows(count: int) -> list[list]:
    return [row(n) for n in range(1, count + 1)]


def write_list(path, listed: list[list]):
    """The list as a workbook, written in openpyxl's streaming mode (thousands of rows)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("DS")
    for line in simple_list(listed):
        sheet.append(line)
    book.save(path)
    return path


@pytest.mark.parametrize("count", [0, 1, 1999, 2000, 2001, 4001])
def test_every_row_is_imported_once_and_a_second_import_changes_nothing(db, tmp_path, count):
    path = write_list(tmp_path / "ds.xlsx", rows(count))
    first = run_import(db, path, today=TODAY)
    assert (first.added, first.rejected) == (count, [])
    stored = member_store.all_members(db)
    assert sorted(m.card_number for m in stored) == sorted(r[6] for r in rows(count))
    second = run_import(db, path, today=TODAY)
    assert (second.added, second.updated, second.unchanged) == (0, 0, count)


def test_duplicates_on_both_sides_of_a_boundary_are_both_refused(db, tmp_path):
    listed = rows(4001)
    listed[2001][6] = listed[1998][6]  # data rows 1,999 and 2,002 share a card
    path = write_list(tmp_path / "ds.xlsx", listed)
    report = run_import(db, path, today=TODAY)
    first = 6 + 1  # six title rows and the header above the first data row
    assert sorted({r.row for r in report.rejected}) == [first + 1999, first + 2002]
    assert all("xuất hiện nhiều lần" in r.reason for r in report.rejected)
    assert report.added == 3999


def test_a_reimport_after_one_change_on_the_far_side_updates_only_that_member(db, tmp_path):
    listed = rows(4001)
    path = write_list(tmp_path / "ds.xlsx", listed)
    run_import(db, path, today=TODAY)
    listed[2000][7] = "Chuyển về tổ 5"  # the notes of row 2,001
    write_list(path, listed)
    report = run_import(db, path, today=TODAY)
    assert (report.added, report.updated, report.unchanged) == (0, 1, 4000)
    changed = [m for m in member_store.all_members(db) if m.notes]
    assert [(m.card_number, m.notes) for m in changed] == [(listed[2000][6], "Chuyển về tổ 5")]
