"""The benchmark script runs and prints its tables (its figures are not asserted: targets live in the benchmark)."""

from __future__ import annotations

import csv
import importlib.util
import re
import subprocess
import sys

from mediabrief.analysis import PER_ARTICLE_STAGES
from mediabrief.config import PROJECT_ROOT


def _bench():
    spec = importlib.util.spec_from_file_location("bench", PROJECT_ROOT / "benchmarks" / "bench.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench


def test_bench_prints_every_stage_and_the_analyze_time_on_a_small_corpus():
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
    for stage in ["load", *PER_ARTICLE_STAGES]:
        assert stage in first_cells, f"no row for stage {stage}:\n{result.stdout}"
    assert any(line.startswith("analyze of 30 articles, 2 workers, s") for line in lines), result.stdout
    assert any(line.startswith("machine: ") and "cores" in line for line in lines), result.stdout
    assert "times: the best of 2 runs in fresh processes, stage by stage" in lines, result.stdout


def test_best_of_keeps_each_stages_shortest_time_and_the_highest_peak():
    # Two made-up runs: each wins one stage.
    first = {"n": 10, "seconds": {"load": 1.0, "money": 4.0}, "total": 5.0, "peak_mb": 100.0}
    second = {"n": 10, "seconds": {"load": 2.0, "money": 3.0}, "total": 5.0, "peak_mb": 90.0}
    best = _bench().best_of([first, second])
    assert best["seconds"] == {"load": 1.0, "money": 3.0}
    assert (best["total"], best["peak_mb"], best["runs"]) == (4.0, 100.0, 2)


def test_build_summary_gives_the_median_and_range_of_each_kind_of_build_first_in_the_report(capsys):
    bench = _bench()
    times = {"clean seed build": [30.0, 10.0, 20.0, 11.0], "codebook edit, make watch": [4.0], "no-op": [0.3, 0.1, 0.2]}
    lines = bench.build_summary(times)
    assert lines[1].split() == ["clean", "seed", "build,", "4", "runs", "15.5", "s", "10.0-30.0", "s", "<=", "20", "s"]
    assert lines[2].split()[-7:] == ["4.0", "s", "4.0-4.0", "s", "<=", "5", "s"]
    assert lines[3].split() == ["no-op,", "3", "runs", "0.2", "s", "0.1-0.3", "s"]  # no target
    bench.report([], times)
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].startswith("machine: ") and printed[2:6] == lines


def test_the_small_corpus_is_fifteen_dev_articles_with_their_metadata_rows(tmp_path):
    folder = _bench().small_corpus(tmp_path / "corpus")
    articles = sorted(p.name for p in folder.glob("*.txt"))
    with (folder / "metadata.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(articles) == 15 and [row["file"] for row in rows] == articles
    with (PROJECT_ROOT / "tests" / "dev_corpus" / "metadata.csv").open(newline="", encoding="utf-8") as handle:
        originals = {row["file"]: row for row in csv.DictReader(handle)}
    assert all(originals[row["file"]] == row for row in rows)
    assert all((folder / name).read_bytes() == (PROJECT_ROOT / "tests" / "dev_corpus" / name).read_bytes() for name in articles)


def test_score_gold_scores_a_hand_labelled_folder(tmp_path):
    articles, gold = tmp_path / "articles", tmp_path / "gold"
    articles.mkdir()
    gold.mkdir()
    (articles / "01_one.txt").write_text(
        'Shield talks\n\n"We will pay our share," Prime Minister Mark Carney told reporters. Canada would have to pay $61 billion'
        " to take part, Trump said.\n"
    )
    (gold / "quotes.csv").write_text(
        "file,quote_opening,kind,speaker,speaker_type,how\n01_one.txt,We will pay our share,quotation,Mark Carney,person,after\n"
    )
    (gold / "money.csv").write_text(
        "file,surface,amount_low_usd,amount_high_usd,currency,referent,owner,horizon_years\n"
        "01_one.txt,$61 billion,61000000000,61000000000,USD,price quoted to a partner,Donald Trump,\n"
    )
    script = PROJECT_ROOT / "benchmarks" / "score_gold.py"
    result = subprocess.run([sys.executable, str(script), str(articles), str(gold)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    rows = dict(re.split(r"\s{2,}", line.strip(), maxsplit=1) for line in result.stdout.splitlines()[1:])
    assert rows["speaker right"] == "1.00 of 1" and rows["figures found"] == "1.00 of 1", result.stdout
    assert rows["referent right"] == "1.00" and rows["owner right"] == "1.00", result.stdout
