"""Crash safety: the program is killed (SIGKILL) at random points, 50 times.

During an import, while minutes are being edited, and during a backup. After every kill
the file passes integrity_check, every change the program reported as saved is there,
and no import is half there.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]

ROWS = 150
LETTERS = "abcdeghiklmnopqrstuvxy"


def word(n: int) -> str:
    text = ""
    while True:
        n, r = divmod(n, len(LETTERS))
        text = LETTERS[r] + text
        if not n:
            return text.capitalize()


CHILD = {
    "import": """
        import csv
        from chibo_desktop.services.importing import run_import
        from chibo_desktop.tests_word import word
        k = start
        while True:
            path = work / f"lo_{k}.csv"
            with open(path, "w", newline="", encoding="utf-8") as fh:
                out = csv.writer(fh)
                out.writerow(["STT", "Họ và tên", "Ngày sinh", "Ngày vào Đảng"])
                for i in range(ROWS):
                    name = f"Lô {word(k)} Người {word(i)}"
                    out.writerow([i + 1, name, "03/02/1970", "19/05/2000"])
            report = run_import(db, path)
            assert report.written and report.added == ROWS, report
            print(k, flush=True)
            k += 1
    """,
    "minutes": """
        import datetime as dt
        from chibo_desktop.domain.meetings import Discussion
        from chibo_desktop.services.meetings.minutes import create_meeting, get_meeting, save_draft
        mid = create_meeting(db, dt.date(2026, 3, 5)).value
        print("meeting", mid, flush=True)
        j = 0
        while True:
            m = get_meeting(db, mid)
            m.opening = f"Phiên bản {j}"
            m.discussions = [Discussion(speaker=f"Đồng chí {w}", text=f"Phiên bản {j}")
                             for w in range(1 + j % 7)]
            save_draft(db, m)
            print(mid, j, flush=True)
            j += 1
    """,
    "backup": """
        from chibo_desktop.services.safety.backup import make_backup
        k = start
        while True:
            db.execute("UPDATE cell SET place = ?", [f"Lần {k}"])
            path = make_backup(db, "manual")
            print(k, path, flush=True)
            k += 1
    """,
}

PRELUDE = """
import sys
from pathlib import Path
from chibo_desktop.services.safety.session import open_session
db_path, work, start, kind = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
ROWS = %d
db = open_session(db_path, backups=False, backup_root=work / "backups")
db.session.backups = kind == "backup"
print("ready", flush=True)
"""


def child_code(kind: str) -> str:
    body = textwrap.dedent(CHILD[kind]).replace(
        "from chibo_desktop.tests_word import word\n",
        f"LETTERS = {LETTERS!r}\n"
        + textwrap.dedent(
            """
            def word(n):
                text = ""
                while True:
                    n, r = divmod(n, len(LETTERS))
                    text = LETTERS[r] + text
                    if not n:
                        return text.capitalize()
            """
        ),
    )
    return PRELUDE % ROWS + body


def kill_during(kind: str, db_path: Path, work: Path, start: int, rng: random.Random) -> list[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", child_code(kind), str(db_path), str(work), str(start), kind],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
    time.sleep(rng.uniform(0.05, 0.9))
    proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL, err[-2000:]
    # Only whole lines: the kill may land between the two writes of one print.
    return out.split("\n")[:-1]


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def test_fifty_kills_lose_nothing_committed(demo_path, tmp_path):
    rng = random.Random(int(os.environ.get("CHIBO_CRASH_SEED", "20260315")))
    work = tmp_path
    plan = ["import"] * 17 + ["minutes"] * 17 + ["backup"] * 16
    rng.shuffle(plan)
    survived = 0
    imported: set[int] = set()
    minutes: dict[int, int] = {}
    last_place = None
    for trial, kind in enumerate(plan):
        lines = kill_during(kind, demo_path, work, trial * 1000, rng)
        assert integrity(demo_path) == "ok", (trial, kind)
        conn = sqlite3.connect(demo_path)
        if kind == "import":
            imported.update(int(line) for line in lines)
        elif kind == "minutes":
            for line in lines[1:]:
                mid, j = map(int, line.split())
                minutes[mid] = max(j, minutes.get(mid, -1))
        else:
            if lines:
                last_place = f"Lần {lines[-1].split()[0]}"
                copy = Path(lines[-1].split(maxsplit=1)[1])
                assert copy.exists() and integrity(copy) == "ok"
        # Imports: each batch is all there or not there at all; reported ones are there.
        for k in range(trial * 1000, trial * 1000 + 200):
            n = conn.execute(
                "SELECT count(*) FROM members WHERE full_name LIKE ?", [f"Lô {word(k)} Người %"]
            ).fetchone()[0]
            assert n in (0, ROWS), (trial, k, n)
            assert k not in imported or n == ROWS, (trial, k)
            if n == 0 and k > trial * 1000 + len(lines) + 1:
                break
        # Minutes: the stored version is at least the last reported, and whole.
        for mid, j in minutes.items():
            opening = conn.execute("SELECT opening FROM meetings WHERE id = ?", [mid]).fetchone()
            stored = int(opening[0].split()[-1])
            assert stored >= j, (trial, mid, stored, j)
            texts = [
                r[0]
                for r in conn.execute(
                    "SELECT text FROM meeting_discussions WHERE meeting_id = ?", [mid]
                )
            ]
            assert texts == [f"Phiên bản {stored}"] * (1 + stored % 7), (trial, mid)
        if last_place is not None and kind == "backup" and lines:
            place = conn.execute("SELECT place FROM cell").fetchone()[0]
            assert int(place.split()[-1]) >= int(last_place.split()[-1])
        conn.close()
        for copy in (work / "backups").rglob("*.sqlite"):
            assert integrity(copy) == "ok", copy
        survived += 1
    assert survived == 50
    assert imported and minutes, "kills should land after some work was saved"
    print(
        f"\nkill trials survived: {survived}; imports saved: {len(imported)}; "
        f"minutes edits saved: {sum(v + 1 for v in minutes.values())}"
    )
