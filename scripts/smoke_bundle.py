"""Check a built bundle: start it on a demo database, headless, and print its size and speed.

    python scripts/smoke_bundle.py [dist/ChiBoDesktop] [--runs 3] [--max-mb 150]

Makes a demo cell file with the command line from this checkout, then runs the bundled
executable with ``--smoke`` (show the window with its data once, then exit 0) under
QT_QPA_PLATFORM=offscreen, with private data and config folders. The time printed is the
wall-clock time from launching the executable to its exit after the first painted window:
an upper bound of the time to first window. Exits 1 if a run fails or the folder is too big.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "ChiBoDesktop"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def executable(folder: Path) -> Path:
    for candidate in (folder / f"{NAME}.exe", folder / NAME):
        if candidate.is_file():
            return candidate
    raise SystemExit(f"No {NAME} executable in {folder}")


def private_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        APPDATA=str(home / "appdata"),
        LOCALAPPDATA=str(home / "localappdata"),
        CHIBO_LANG="vi",
    )
    return env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / "dist" / NAME))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--max-mb", type=float, default=150.0)
    args = parser.parse_args(argv)
    folder = Path(args.folder)
    program = executable(folder)

    with tempfile.TemporaryDirectory(prefix="chibo-smoke-") as tmp:
        home = Path(tmp)
        env = private_env(home)
        demo = home / "demo.sqlite"
        subprocess.run(
            [sys.executable, "-m", "chibo_desktop", "--db", str(demo), "demo"],
            check=True,
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
        times = []
        for run in range(args.runs):
            started = time.perf_counter()
            result = subprocess.run(
                [str(program), "--smoke", "--db", str(demo)],
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
            )
            elapsed = time.perf_counter() - started
            if result.returncode != 0:
                print(f"FAIL: run {run + 1} exited {result.returncode}", file=sys.stderr)
                print(result.stdout + result.stderr, file=sys.stderr)
                return 1
            times.append(elapsed)

    size_mb = folder_size(folder) / 1024 / 1024
    print(f"bundle: {folder} ({sum(1 for _ in folder.rglob('*'))} entries)")
    print(f"bundle size: {size_mb:.1f} MB unpacked (limit {args.max_mb:.0f} MB)")
    print(
        "time to first window (launch to exit after the first painted window with data): "
        f"first {times[0]:.2f} s, median {statistics.median(times):.2f} s over {len(times)} runs"
    )
    if size_mb > args.max_mb:
        print(f"FAIL: bundle is larger than {args.max_mb:.0f} MB", file=sys.stderr)
        return 1
    print("smoke: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
