"""The benchmark script runs and prints its table (its figures are not asserted: targets live in the benchmark)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

from mediabrief.analysis import PER_ARTICLE_STAGES
from mediabrief.config import PROJECT_ROOT


def test_bench_prints_every_stage_and_target_on_a_small_corpus():
    bench = PROJECT_ROOT / "benchmarks" / "bench.py"
    result = subprocess.run(
        [sys.executable, str(bench), "--sizes", "30", "--skip-build", "--workers", "2", "--repeat", "2"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    first_cells = {line.split()[0] for line in lines if line.strip()}
    for stage in ["load", *PER_ARTICLE_STAGES, "textstat"]:
        assert stage in first_cells, f"no row for stage {stage}:\n{result.stdout}"
    assert any(line.startswith("analysis / textstat alone, 30") for line in lines), result.stdout
    assert any(line.startswith("machine: ") and "cores" in line for line in lines), result.stdout
    assert "times: the best of 2 runs in fresh processes, stage by stage (textstat alone too)" in lines, result.stdout


def test_best_of_keeps_each_stages_shortest_time_and_the_highest_peak():
    spec = importlib.util.spec_from_file_location("bench", PROJECT_ROOT / "benchmarks" / "bench.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    # Two made-up runs: each wins one stage; textstat alone is kept apart from the analysis total.
    first = {"n": 10, "seconds": {"load": 1.0, "money": 4.0, "textstat alone": 5.0}, "total": 5.0, "peak_mb": 100.0}
    second = {"n": 10, "seconds": {"load": 2.0, "money": 3.0, "textstat alone": 6.0}, "total": 5.0, "peak_mb": 90.0}
    best = bench.best_of([first, second])
    assert best["seconds"] == {"load": 1.0, "money": 3.0, "textstat alone": 5.0}
    assert (best["total"], best["peak_mb"], best["runs"]) == (4.0, 100.0, 2)
    assert best["run_ratios"] == [1.0, 5.0 / 6.0]  # each run's total over its own textstat alone
