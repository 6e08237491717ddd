"""Run one benchmark module in this process and write its rows (or its error) as JSON.

    python -m bench.child bench_startup [--quick] --out FILE

The runner starts one such process per module, so that a module which crashes, hangs or
leaves Qt or memory behind cannot spoil the figures of the next one.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
import traceback
from pathlib import Path

from .common import check_result


def run_module(name: str, quick: bool) -> dict:
    start = time.perf_counter()
    try:
        module = importlib.import_module(f"bench.{name}")
        run = getattr(module, "run", None)
        if not callable(run):
            raise TypeError(f"bench/{name}.py has no run(quick) function")
        rows = run(quick)
        if not isinstance(rows, list) or not rows:
            raise TypeError(f"run() returned {type(rows).__name__}, not a non-empty list")
        problems = [f"{p}" for row in rows for p in check_result(row)]
        if problems:
            raise TypeError("malformed result: " + "; ".join(sorted(set(problems))))
        return {"rows": rows, "seconds": time.perf_counter() - start}
    except BaseException as exc:  # reported as CRASH by the runner
        if isinstance(exc, KeyboardInterrupt):
            raise
        return {
            "error": f"{type(exc).__name__}: {exc}".strip(),
            "traceback": traceback.format_exc(),
            "seconds": time.perf_counter() - start,
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.child")
    parser.add_argument("module")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    outcome = run_module(args.module, args.quick)
    Path(args.out).write_text(json.dumps(outcome, ensure_ascii=False, default=str), "utf-8")
    if "error" in outcome:
        print(outcome["traceback"], file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
