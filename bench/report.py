"""The report: one table for every benchmark, as text and as JSON."""

from __future__ import annotations

import os
import platform
import sys
from pathlib import Path

from .common import seconds

HEADERS = ("Benchmark", "Median", "Reference", "Ref. median", "Ratio", "Target", "Result")


def machine() -> dict:
    """What the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "executable": sys.executable,
    }


def status(row: dict) -> str:
    if row.get("error"):
        return "CRASH"
    return "PASS" if row["passed"] else "FAIL"


def cells(row: dict) -> tuple[str, ...]:
    if row.get("error"):
        return (row["name"], "—", "—", "—", "—", "—", "CRASH")
    ratio = row.get("ratio")
    unit = row.get("unit") or "s"
    return (
        row["name"],
        seconds(row["median_s"], unit),
        row["reference"] or "—",
        seconds(row.get("reference_s"), unit),
        "—" if ratio is None else f"{ratio:.2f}×",
        row["target"],
        status(row),
    )


def table(rows: list[dict]) -> str:
    lines = [HEADERS, *(cells(r) for r in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(HEADERS))]

    def render(line: tuple[str, ...]) -> str:
        return "  ".join(text.ljust(width) for text, width in zip(line, widths, strict=True))

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([render(lines[0]), rule, *(render(line).rstrip() for line in lines[1:])])


def markdown(rows: list[dict]) -> str:
    """The same table for docs/PERFORMANCE.md."""
    out = ["| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    for row in rows:
        out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells(row)) + " |")
    return "\n".join(out)


def summary(rows: list[dict]) -> str:
    counts = {"PASS": 0, "FAIL": 0, "CRASH": 0}
    for row in rows:
        counts[status(row)] += 1
    return f"{counts['PASS']} passed, {counts['FAIL']} failed, {counts['CRASH']} crashed"
