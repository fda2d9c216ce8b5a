"""The benchmark script runs and prints its table (its figures are not asserted: targets live in the benchmark)."""

from __future__ import annotations

import subprocess
import sys

from mediabrief.analysis import PER_ARTICLE_STAGES
from mediabrief.config import PROJECT_ROOT


def test_bench_prints_every_stage_and_target_on_a_small_corpus():
    bench = PROJECT_ROOT / "benchmarks" / "bench.py"
    result = subprocess.run(
        [sys.executable, str(bench), "--sizes", "30", "--skip-build", "--workers", "2"], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    first_cells = {line.split()[0] for line in lines if line.strip()}
    for stage in ["load", *PER_ARTICLE_STAGES, "textstat"]:
        assert stage in first_cells, f"no row for stage {stage}:\n{result.stdout}"
    assert any(line.startswith("analysis / textstat alone, 30") for line in lines), result.stdout
    assert any(line.startswith("machine: ") and "cores" in line for line in lines), result.stdout
