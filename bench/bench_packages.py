"""Packages upward and the committee's consolidation, as whole `chibo` processes.

Targets (issue text): a committee of 60 cells × 300 members (18,000 members, ten years of
monthly minutes and assessments per cell): exporting one cell's package under 1 s; adding
all 60 packages under 30 s for the whole process with peak memory (max RSS) under 300 MB;
each consolidated report (PDF and Excel) under 3 s. Quick mode: 4 cells × 40 members, two
years. The 60 cells are copies of one generated cell, each given its own identity and name
as `init` would, so that the committee holds 60 distinct cells.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import time
from pathlib import Path

from . import data
from .common import python, result, scratch_dir, subprocess_env

REPORTS = ("situation", "assessment", "meetings", "campaign")


def _chibo(env: dict, *args: str, timeout: float = 600) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one whole `chibo` process."""
    launcher = Path(python()).with_name("chibo")
    entry = [str(launcher)] if launcher.is_file() else [python(), "-m", "chibo_desktop"]
    argv = [*entry, *args]
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} exited with {proc.returncode}: {stderr[-1500:]}")
    return elapsed, usage.ru_maxrss / 1024


def _median_process(env: dict, *args: str, runs: int = 5) -> float:
    return statistics.median(_chibo(env, *args)[0] for _n in range(runs))


def _rename(path: Path, index: int) -> None:
    """A copy of the generated cell made a cell of its own: new identity, new name, and a
    campaign half done (as in bench_reports)."""
    from chibo_desktop.services.cell.identity import CellInfo, save_cell
    from chibo_desktop.storage.database import open_database

    from .bench_reports import _add_campaign

    db = open_database(path)
    try:
        db.execute("DELETE FROM cell")  # the next write makes a fresh identity
        save_cell(db, CellInfo(f"Chi bộ số {index:02d}", "Đảng bộ phường Hàng Bạc", "Hà Nội"))
        _add_campaign(db)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()


def run(quick: bool) -> list[dict]:
    cells, members, years = (4, 40, 2) if quick else (60, 300, 10)
    size = f"{cells} × {members} members, {years} years"
    rows = []
    with scratch_dir("chibo-bench-packages-") as tmp:
        env = subprocess_env(tmp, CHIBO_TODAY=data.TODAY.isoformat())
        source = data.database(tmp / "source.sqlite", members=members, years=years)
        packages = tmp / "packages"
        packages.mkdir()
        export_times = []
        for index in range(1, cells + 1):
            cell = tmp / f"cell{index:02d}.sqlite"
            shutil.copyfile(source, cell)
            _rename(cell, index)
            seconds, _rss = _chibo(
                env, "--db", str(cell), "package", "export", str(packages / f"{index:02d}.chibo")
            )
            export_times.append(seconds)
        package_mb = sum(p.stat().st_size for p in packages.iterdir()) / cells / 1e6
        rows.append(
            result(
                f"package export, whole process ({members} members, {years} years; "
                f"{package_mb:.1f} MB per package)",
                statistics.median(export_times),
                reference="",
                target="< 1 s",
                max_s=1.0,
            )
        )
        bare = _median_process(
            env, "--db", str(tmp / "cell01.sqlite"), "package", "export",
            str(tmp / "bare.chibo"), "--no-reports",
        )  # fmt: skip
        rows.append(
            result(
                f"package export --no-reports, whole process ({members} members, {years} years)",
                bare,
                reference="",
                target="< 1 s",
                max_s=1.0,
            )
        )
        committee = tmp / "danguy.sqlite"
        _chibo(env, "--db", str(committee), "init", "--committee", "Đảng ủy phường Hàng Bạc")
        seconds, rss = _chibo(env, "--db", str(committee), "consolidate", "add", str(packages))
        rows.append(
            result(f"consolidate add, whole process ({size})", seconds, reference="",
                   target="< 30 s", max_s=30.0)
        )  # fmt: skip
        rows.append(
            result(f"consolidate add, peak RSS ({size})", rss, reference="", target="< 300 MB",
                   passed=rss < 300, unit="MB")
        )  # fmt: skip
        rows.append(
            result(
                f"consolidate list, whole process ({size})",
                _median_process(env, "--db", str(committee), "consolidate", "list", "--json"),
                reference="",
                target="< 3 s",
                max_s=3.0,
            )
        )
        for name in REPORTS:
            for suffix in (".pdf", ".xlsx"):
                out = str(tmp / f"{name}{suffix}")
                seconds = _median_process(
                    env, "--db", str(committee), "consolidate", "report", name, out,
                    "--from", "2026-01-01", "--to", data.TODAY.isoformat(),
                )  # fmt: skip
                rows.append(
                    result(
                        f"consolidate report {name} {suffix[1:]}, whole process ({size})",
                        seconds,
                        reference="",
                        target="< 3 s",
                        max_s=3.0,
                    )
                )
    return rows
