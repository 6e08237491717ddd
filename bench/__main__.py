"""`python -m bench`: run every bench/bench_*.py and print one table.

    python -m bench [--quick] [--only NAME ...] [--json FILE] [--markdown FILE] [--strict]

Each module runs in its own process (headless Qt, private data folders). A module that
raises, hangs past --timeout or returns malformed rows is reported as CRASH and makes the
exit status 1. A missed target (FAIL) changes the exit status only with --strict: timings
are noisy on shared machines.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from . import report
from .common import REPO, scratch_dir, subprocess_env

BENCH_DIR = Path(__file__).resolve().parent


def discover() -> list[str]:
    return sorted(p.stem for p in BENCH_DIR.glob("bench_*.py"))


def select(modules: list[str], only: list[str] | None) -> list[str]:
    """Modules named by --only: 'startup', 'bench_startup' or a part of the name."""
    if not only:
        return modules
    wanted = [name.removeprefix("bench_").removesuffix(".py").lower() for name in only]
    return [m for m in modules if any(w in m.removeprefix("bench_").lower() for w in wanted)]


def ended(returncode: int) -> str:
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = f"signal {-returncode}"
        return f"the process was killed by {name}"
    return f"the process ended with status {returncode}"


def run_one(module: str, quick: bool, timeout: float, verbose: bool) -> tuple[list[dict], float]:
    """Rows of one module, run in a child process; a crash becomes one CRASH row."""
    start = time.perf_counter()
    with scratch_dir(f"chibo-bench-{module}-") as home:
        out = home / "result.json"
        env = subprocess_env(home)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
        argv = [sys.executable, "-X", "faulthandler", "-m", "bench.child", module]
        argv += ["--out", str(out)]
        if quick:
            argv.append("--quick")
        try:
            done = subprocess.run(
                argv,
                cwd=REPO,
                env=env,
                timeout=timeout,
                stdout=None if verbose else subprocess.PIPE,
                stderr=None if verbose else subprocess.PIPE,
                text=True,
                errors="replace",
            )
            outcome = json.loads(out.read_text("utf-8")) if out.is_file() else {}
            if done.returncode != 0 and "error" not in outcome:
                tail = (done.stderr or "").strip().splitlines()[-15:]
                outcome = {
                    "error": ended(done.returncode),
                    "traceback": "\n".join(tail),
                }
        except subprocess.TimeoutExpired:
            outcome = {"error": f"no result after {timeout:g} s (timed out)", "traceback": ""}
    elapsed = time.perf_counter() - start
    if "error" in outcome:
        row = {
            "name": module,
            "median_s": None,
            "reference": "",
            "reference_s": None,
            "ratio": None,
            "target": "",
            "passed": False,
            "error": outcome["error"],
            "traceback": outcome.get("traceback", ""),
        }
        return [dict(row, module=module)], elapsed
    return [dict(row, module=module) for row in outcome["rows"]], elapsed


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description="Benchmarks of Chi bộ Desktop against raw libraries."
    )
    parser.add_argument("--quick", action="store_true", help="small data, under a minute")
    parser.add_argument(
        "--only", action="append", metavar="NAME", help="run only matching modules (repeatable)"
    )
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--markdown", metavar="FILE", help="also write the table as Markdown")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--list", action="store_true", help="list the benchmark modules")
    parser.add_argument("--timeout", type=float, help="seconds per module (120 quick, 1800)")
    parser.add_argument("-v", "--verbose", action="store_true", help="show modules' output")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    modules = select(discover(), args.only)
    if args.list:
        print("\n".join(modules))
        return 0
    if not modules:
        print(f"no benchmark matches {', '.join(args.only or [])!s}", file=sys.stderr)
        return 2
    timeout = args.timeout or (120.0 if args.quick else 1800.0)
    started = dt.datetime.now(dt.UTC)
    rows: list[dict] = []
    total = time.perf_counter()
    for module in modules:
        print(f"{module} …", end=" ", file=sys.stderr, flush=True)
        found, elapsed = run_one(module, args.quick, timeout, args.verbose)
        crashed = [r for r in found if r.get("error")]
        print(f"{'CRASH' if crashed else 'done'} ({elapsed:.1f} s)", file=sys.stderr, flush=True)
        rows.extend(found)
    total = time.perf_counter() - total

    info = report.machine()
    mode = "quick" if args.quick else "full"
    print(f"\nChi bộ Desktop benchmarks ({mode}) — {info['cpu']}, {info['cores']} cores, ", end="")
    print(f"Python {info['python']}, {started:%Y-%m-%d %H:%M} UTC\n")
    print(report.table(rows))
    print(f"\n{report.summary(rows)} in {total:.1f} s")
    for row in rows:
        if row.get("error"):
            print(f"\nCRASH {row['module']}: {row['error']}\n{row.get('traceback', '')}".rstrip())
    if args.json:
        document = {
            "started": started.isoformat(timespec="seconds"),
            "mode": mode,
            "seconds": total,
            "machine": info,
            "results": [dict(row, status=report.status(row)) for row in rows],
        }
        Path(args.json).write_text(json.dumps(document, ensure_ascii=False, indent=2), "utf-8")
    if args.markdown:
        heading = f"{mode} run, {started:%Y-%m-%d %H:%M} UTC, {info['cpu']}, {info['cores']} cores"
        text = f"{heading}, Python {info['python']}:\n\n{report.markdown(rows)}\n"
        Path(args.markdown).write_text(text, "utf-8")
    crashed = any(row.get("error") for row in rows)
    failed = any(not row["passed"] for row in rows)
    return 1 if crashed or (args.strict and failed) else 0


if __name__ == "__main__":
    sys.exit(main())
