"""Benchmarks: the program measured against the raw libraries it stands on.

Run ``python -m bench`` from the repository root (``--quick``, ``--only NAME``,
``--json FILE``, ``--strict``). Every ``bench/bench_<feature>.py`` exposes
``run(quick: bool) -> list[dict]``; each dict has the keys of ``common.RESULT_KEYS``
(build it with ``common.result``). ``data.py`` makes registers to measure on.
"""
