"""Adding packages is one transaction: a process killed midway leaves the committee's file
as it was before."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from chibo_desktop.services.consolidation.desk import open_desk

from .package_cells import NAMES, export, make_cell, make_committee

CHILD = textwrap.dedent(
    """
    import sys, time
    from chibo_desktop.services.consolidation.desk import add_packages, open_desk

    db = open_desk(sys.argv[1])
    saving = 0
    for step in add_packages(db, sys.argv[2:]):
        if step.message.startswith("Đang lưu"):
            saving += 1
            if saving == 2:  # the first package is written, inside the open transaction
                print("midway", flush=True)
                time.sleep(120)
    """
)


@pytest.mark.slow
def test_a_kill_midway_through_adding_leaves_the_file_as_before(tmp_path):
    cells = [make_cell(tmp_path, name, seed) for seed, name in enumerate(NAMES, start=11)]
    packages = [export(c, tmp_path / f"{c.stem}.chibo") for c in cells]
    committee = make_committee(tmp_path / "danguy.sqlite")
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(committee), *map(str, packages)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "midway"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL
    db = open_desk(committee)
    try:
        assert db.execute("SELECT count(*) FROM packages").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM package_data").fetchone()[0] == 0
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        db.close()
