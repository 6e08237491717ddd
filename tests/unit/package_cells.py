"""Three demo cells, their packages and a committee file, made on real files for tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from chibo_desktop.services.cell.identity import CellInfo, save_cell
from chibo_desktop.services.consolidation.desk import CommitteeInfo, init_committee, open_desk
from chibo_desktop.services.contract.results import run_to_end
from chibo_desktop.services.demo.build import fill_demo
from chibo_desktop.services.packages.export import export_package
from chibo_desktop.storage.database import open_database

TODAY = dt.date(2026, 3, 15)
NAMES = ("Chi bộ Khu phố 1", "Chi bộ Khu phố 2", "Chi bộ Trường Tiểu học Hàng Bạc")


def make_cell(folder: Path, name: str, seed: int) -> Path:
    path = folder / f"cell{seed}.sqlite"
    db = open_database(path, create=True)
    save_cell(db, CellInfo(name, "Đảng bộ phường Hàng Bạc", "Hà Nội", f"Bí thư {seed}"))
    fill_demo(db, today=TODAY, seed=seed)
    db.close()
    return path


def export(cell: Path, out: Path, **kwargs) -> Path:
    db = open_database(cell)
    try:
        kwargs.setdefault("today", TODAY)
        return run_to_end(export_package(db, out, **kwargs)).path
    finally:
        db.close()


def make_committee(path: Path) -> Path:
    db = open_desk(path, create=True)
    init_committee(db, CommitteeInfo("Đảng ủy phường Hàng Bạc", "Đảng bộ quận Hoàn Kiếm", "Hà Nội"))
    db.close()
    return path
