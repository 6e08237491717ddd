"""`python -m bench`: one table, CRASH for a broken benchmark, exit status per the rules."""

import json
import sys
import types

import pytest

import bench.__main__ as runner
from bench import child, common, report


def fake_module(monkeypatch, name, run):
    module = types.ModuleType(f"bench.{name}")
    module.run = run
    monkeypatch.setitem(sys.modules, f"bench.{name}", module)


def row(name, passed, ratio=1.2):
    return common.result(
        name, 0.5, reference="bare library", reference_s=0.5 / ratio, target="≤ 1.5×",
        passed=passed,
    )  # fmt: skip


def test_result_builder_computes_ratio_and_verdict():
    r = common.result("x", 0.3, reference="y", reference_s=0.2, target="≤ 1.5×", max_ratio=1.5)
    assert r["ratio"] == pytest.approx(1.5) and r["passed"] is True
    assert common.result("t", 0.02, reference="", target="≤ 16 ms", max_s=0.016)["passed"] is False
    assert common.check_result(r) == []
    assert "missing key 'passed'" in common.check_result({k: r[k] for k in r if k != "passed"})


def test_a_memory_row_shows_its_unit():
    r = common.result("peak", 42.5, reference="", target="< 200 MB", passed=True, unit="MB")
    assert report.cells(r)[1] == "42.5 MB"
    assert report.cells(row("t", True))[1] == "500 ms"


def test_medians_need_five_runs():
    calls = []
    assert common.median_time(lambda: calls.append(1), runs=5, warmup=2) >= 0
    assert len(calls) == 7
    with pytest.raises(ValueError):
        common.median_time(lambda: None, runs=3)


def test_peak_memory_sees_a_large_allocation():
    value, peak = common.peak_memory(lambda: len(bytearray(20_000_000)))
    assert value == 20_000_000 and peak >= 20_000_000


def test_child_turns_an_exception_or_bad_rows_into_an_error(monkeypatch):
    fake_module(monkeypatch, "bench_raises", lambda quick: 1 / 0)
    fake_module(monkeypatch, "bench_bad_rows", lambda quick: [{"name": "x"}])
    fake_module(monkeypatch, "bench_good", lambda quick: [row("ok", True)])
    assert child.run_module("bench_raises", True)["error"].startswith("ZeroDivisionError")
    assert "missing key" in child.run_module("bench_bad_rows", True)["error"]
    assert child.run_module("bench_good", True)["rows"][0]["name"] == "ok"


def test_select_by_short_name():
    modules = ["bench_backup", "bench_members", "bench_startup"]
    assert runner.select(modules, ["startup"]) == ["bench_startup"]
    assert runner.select(modules, ["bench_members", "back"]) == ["bench_backup", "bench_members"]
    assert runner.select(modules, None) == modules


@pytest.fixture
def outcomes(monkeypatch):
    """Replace the child processes by canned rows per module."""
    canned = {}
    monkeypatch.setattr(runner, "discover", lambda: sorted(canned))
    monkeypatch.setattr(
        runner, "run_one", lambda m, *a: ([dict(r, module=m) for r in canned[m]], 0.1)
    )
    return canned


def crash(module):
    return {"name": module, "median_s": None, "reference": "", "reference_s": None,
            "ratio": None, "target": "", "passed": False, "error": "ValueError: hỏng"}  # fmt: skip


def test_fail_is_reported_but_exit_zero_unless_strict(outcomes, capsys):
    outcomes["bench_a"] = [row("nhanh", True), row("chậm", False, ratio=2.5)]
    assert runner.main([]) == 0
    out = capsys.readouterr().out
    assert "nhanh" in out and "PASS" in out and "FAIL" in out and "2.50×" in out
    assert "1 passed, 1 failed, 0 crashed" in out
    assert runner.main(["--strict"]) == 1


def test_crash_gives_exit_one_and_json_holds_the_table(outcomes, tmp_path, capsys):
    outcomes["bench_a"] = [row("nhanh", True)]
    outcomes["bench_b"] = [crash("bench_b")]
    out_file = tmp_path / "r.json"
    assert runner.main(["--json", str(out_file)]) == 1
    assert "CRASH bench_b: ValueError: hỏng" in capsys.readouterr().out
    assert runner.main(["--markdown", str(tmp_path / "r.md")]) == 1
    assert "| nhanh | 500 ms |" in (tmp_path / "r.md").read_text("utf-8")
    document = json.loads(out_file.read_text("utf-8"))
    assert [r["status"] for r in document["results"]] == ["PASS", "CRASH"]
    assert document["machine"]["cores"] >= 1


def test_unknown_only_is_a_usage_error(outcomes):
    outcomes["bench_a"] = [row("nhanh", True)]
    assert runner.main(["--only", "nothing"]) == 2


def test_report_table_lines_up():
    text = report.table([row("một", True), crash("bench_x")])
    lines = text.splitlines()
    assert lines[0].startswith("Benchmark") and "CRASH" in lines[-1]
    assert report.markdown([row("một", True)]).count("|") == 3 * 8


def test_a_real_child_process_reports_a_crash():
    """The whole path once: a child process whose module cannot be imported."""
    rows, _seconds = runner.run_one("bench_does_not_exist", True, 60, False)
    assert rows[0]["error"].startswith("ModuleNotFoundError")
    assert rows[0]["module"] == "bench_does_not_exist"
