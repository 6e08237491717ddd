"""Workbooks no member list could be are refused at once, with a plain reason, and nothing
is written: a sheet that says it holds a million rows, a workbook that unpacks to hundreds of
megabytes (a zip bomb)."""

from __future__ import annotations

import zipfile

import pytest

from chibo_desktop.errors import ChiboError
from chibo_desktop.services.importing import run_import
from chibo_desktop.storage import members as member_store

from .import_files import simple_list, write_xlsx


def _with_dimension(path, rows: int):
    """The same workbook, its first sheet saying it reaches row ``rows``."""
    out = path.with_name("lon.xlsx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename.startswith("xl/worksheets/"):
                start = data.find(b'<dimension ref="')
                end = data.find(b'"', start + 16)
                data = data[:start] + f'<dimension ref="A1:H{rows}'.encode() + data[end:]
            dest.writestr(entry, data)
    return out


def test_a_sheet_of_a_million_rows_is_refused_before_it_is_read(db, tmp_path):
    rows = [[1, "Nguyễn Văn An", "Nam", "01/01/1960", "01/01/1985", "", "", ""]]
    path = _with_dimension(write_xlsx(tmp_path / "ds.xlsx", {"DS": simple_list(rows)}), 1_000_000)
    with pytest.raises(ChiboError, match=r"1\.000\.000 dòng"):
        run_import(db, path)
    assert member_store.all_members(db) == []


def test_a_workbook_that_unpacks_to_hundreds_of_megabytes_is_refused(db, tmp_path):
    bomb = tmp_path / "bom.xlsx"
    chunk = b"\0" * (1 << 20)
    with (
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh,
    ):
        for _n in range(310):
            fh.write(chunk)
    assert bomb.stat().st_size < 5 << 20
    with pytest.raises(ChiboError, match="lớn hơn 300 MB"):
        run_import(db, bomb)
    assert member_store.all_members(db) == []
