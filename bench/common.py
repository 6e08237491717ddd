"""Helpers for benchmarks: median timing with warm-up, whole-process timing, peak memory,
and the result dict every ``run(quick)`` returns."""

from __future__ import annotations

import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
RUNS = 5  # the fewest timed runs behind any median
RESULT_KEYS = ("name", "median_s", "reference", "reference_s", "ratio", "target", "passed")


def timings(
    fn: Callable[[], Any],
    *,
    runs: int = RUNS,
    warmup: int = 1,
    setup: Callable[[], Any] | None = None,
) -> list[float]:
    """Wall-clock seconds of ``runs`` calls of ``fn`` after ``warmup`` untimed ones.
    ``setup`` (untimed) runs before every call, e.g. to delete the previous output."""
    if runs < RUNS:
        raise ValueError(f"at least {RUNS} runs are needed for a median")
    samples = []
    for index in range(warmup + runs):
        if setup is not None:
            setup()
        gc.collect()
        start = time.perf_counter()
        fn()
        elapsed = time.perf_counter() - start
        if index >= warmup:
            samples.append(elapsed)
    return samples


def median_time(
    fn: Callable[[], Any],
    *,
    runs: int = RUNS,
    warmup: int = 1,
    setup: Callable[[], Any] | None = None,
) -> float:
    """Median seconds of ``fn`` over ``runs`` calls (see ``timings``)."""
    return statistics.median(timings(fn, runs=runs, warmup=warmup, setup=setup))


def interleaved_medians(
    fns: Sequence[Callable[[], Any]], *, runs: int = RUNS, warmup: int = 1
) -> list[float]:
    """Medians of several functions timed in turns (a, b, a, b, ...), so that a burst of
    load on a shared machine hits the program and its reference alike."""
    if runs < RUNS:
        raise ValueError(f"at least {RUNS} runs are needed for a median")
    samples: list[list[float]] = [[] for _fn in fns]
    for index in range(warmup + runs):
        for fn, bucket in zip(fns, samples, strict=True):
            gc.collect()
            start = time.perf_counter()
            fn()
            elapsed = time.perf_counter() - start
            if index >= warmup:
                bucket.append(elapsed)
    return [statistics.median(bucket) for bucket in samples]


def run_process(
    argv: Sequence[str], *, env: dict[str, str] | None = None, timeout: float = 120
) -> float:
    """Seconds one whole process takes, from spawn to exit. A non-zero exit raises."""
    start = time.perf_counter()
    done = subprocess.run(
        list(argv), env=env, capture_output=True, text=True, timeout=timeout, cwd=REPO
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(map(str, argv))} exited with {done.returncode}:\n{done.stderr[-2000:]}"
        )
    return elapsed


def peak_memory(fn: Callable[[], Any]) -> tuple[Any, int]:
    """``fn()``'s value and the peak bytes it allocated on the Python heap (tracemalloc).
    Memory that native code (Qt, Rust) allocates outside the Python allocator is not seen."""
    gc.collect()
    was_tracing = tracemalloc.is_tracing()
    if not was_tracing:
        tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    try:
        value = fn()
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        if not was_tracing:
            tracemalloc.stop()
    return value, peak


def result(
    name: str,
    median_s: float,
    *,
    reference: str,
    target: str,
    reference_s: float | None = None,
    max_ratio: float | None = None,
    max_s: float | None = None,
    passed: bool | None = None,
    unit: str = "s",
) -> dict:
    """One row of the report. Give ``max_ratio`` (needs ``reference_s``) or ``max_s``, or
    decide ``passed`` yourself. A figure that is not a duration (peak memory) gives its
    ``unit`` ("MB"); ``median_s`` and ``reference_s`` then hold values in that unit."""
    ratio = median_s / reference_s if reference_s else None
    if passed is None:
        if max_ratio is not None:
            if ratio is None:
                raise ValueError(f"{name}: a ratio target needs reference_s")
            passed = ratio <= max_ratio
        elif max_s is not None:
            passed = median_s <= max_s
        else:
            raise ValueError(f"{name}: give max_ratio, max_s or passed")
    row = {
        "name": name,
        "median_s": float(median_s),
        "reference": reference,
        "reference_s": None if reference_s is None else float(reference_s),
        "ratio": ratio,
        "target": target,
        "passed": bool(passed),
    }
    if unit != "s":
        row["unit"] = unit
    return row


def check_result(row: object) -> list[str]:
    """What is wrong with a row a benchmark returned (empty when it is well formed)."""
    if not isinstance(row, dict):
        return [f"a row is {type(row).__name__}, not dict"]
    problems = [f"missing key {k!r}" for k in RESULT_KEYS if k not in row]
    if problems:
        return problems
    if not isinstance(row["name"], str) or not row["name"]:
        problems.append("name must be a non-empty string")
    for key in ("median_s", "reference_s", "ratio"):
        value = row[key]
        if key == "median_s" and value is None:
            problems.append("median_s is None")
        elif value is not None and not isinstance(value, int | float):
            problems.append(f"{key} must be a number")
    if not isinstance(row["passed"], bool):
        problems.append("passed must be True or False")
    return problems


def subprocess_env(home: Path, **extra: str) -> dict[str, str]:
    """Environment for a program started by a benchmark: headless Qt, Vietnamese, and
    private data/config folders so that no benchmark touches a real user's files."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        CHIBO_LANG="vi",
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    env.update(extra)
    return env


@contextmanager
def scratch_dir(prefix: str = "chibo-bench-") -> Iterator[Path]:
    """A temporary folder removed afterwards."""
    with tempfile.TemporaryDirectory(prefix=prefix) as name:
        yield Path(name)


def python() -> str:
    return sys.executable


def seconds(value: float | None, unit: str = "s") -> str:
    """A figure for the table: 3 significant figures, durations in ms below 1 s."""
    if value is None:
        return "—"
    if unit != "s":
        return f"{value:.3g} {unit}"
    if value < 1:
        return f"{value * 1000:.3g} ms"
    return f"{value:.3g} s"
