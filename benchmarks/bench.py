"""Benchmarks: first what a user waits for, the build of a briefing (a clean build of the seeds, a rebuild after one
codebook edit by `make briefing` and by a running `make watch`, a no-op rebuild, a clean build of a 15-article corpus), each as the median of several runs with their
range; then the analysis's per-stage throughput and peak memory on generated corpora, and the real ``analyze`` with
worker processes. Prints a table; run with `make bench`. Not part of `make test`.

    python benchmarks/bench.py [--sizes 1000 10000] [--workers 2] [--repeat 1] [--build-runs 3] [--skip-build | --build-only]

Each corpus size runs in a fresh process, so its peak memory (ru_maxrss) is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# What a user waits for (issue #20): seconds on a 2-core machine, the environment installed.
# The edit's target is met by `make watch`, which keeps the imports warm between builds; the same edit rebuilt by a
# `make briefing` that starts every step afresh is shown beside it, without a target.
BUILD_TARGETS = {"clean seed build": 20.0, "codebook edit, make watch": 5.0, "15-article corpus": 30.0}
ANALYZE_TARGET_S = 120.0  # `analyze` of 10,000 generated articles on 2 cores
PEAK_TARGET_GB = 2.0
EDITED_CODEBOOK_FILE = "claims.yaml"  # read by notebook 04 only: it, 05 (which reads its tables) and the briefing rerun
SMALL_CORPUS_ARTICLES = 15


def measure(corpus: Path) -> dict:
    """Time each stage of ``analyze`` on one corpus, serially in this process.

    A stage is its per-article part on the whole corpus plus its comparison part (analysis.PER_ARTICLE_STAGES and
    COMPARISON_STAGES), so the stages together make every table ``analyze`` writes.
    """
    from mediabrief import analysis
    from mediabrief.codebook import load_codebook
    from mediabrief.corpus import load_corpus

    codebook = load_codebook()
    seconds: dict[str, float] = {}
    tables: dict = {}

    start = time.perf_counter()
    articles = load_corpus(corpus).articles
    seconds["load"] = time.perf_counter() - start
    with analysis.loaded_corpus_left_alone():  # as analyze runs the stages
        for stage, per_article in analysis.PER_ARTICLE_STAGES.items():
            start = time.perf_counter()
            tables |= per_article(articles, codebook)
            if stage in analysis.COMPARISON_STAGES:
                tables |= analysis.COMPARISON_STAGES[stage](tables, articles, codebook)
            seconds[stage] = time.perf_counter() - start
    missing = set(analysis.TABLES) - set(tables) - {"ingest_report.csv", "removed_boilerplate.csv"}
    if missing:
        raise SystemExit(f"the benchmark's stages no longer make every table analyze writes: {sorted(missing)}")
    total = sum(seconds.values())

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"n": len(articles), "seconds": seconds, "total": total, "peak_mb": peak_mb}


def measure_analyze(corpus: Path, workers: int) -> dict:
    """Wall time and peak memory of the real ``analyze`` (partitions, worker processes, writing no files)."""
    from mediabrief.analysis import analyze

    start = time.perf_counter()
    analyze(corpus, workers=workers, progress=False)
    wall = time.perf_counter() - start
    peak_kb = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return {"workers": workers, "wall": wall, "peak_mb": peak_kb / 1024}


def _in_fresh_process(*args: str) -> dict:
    """Run this script with ``args`` in a new Python process (so its peak memory is its own); return its JSON."""
    out = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_size(n: int, workdir: Path, workers: int, repeat: int = 1) -> dict:
    """Generate ``n`` articles; time the stages serially, then the real ``analyze`` with ``workers`` processes; each
    ``repeat`` times in fresh processes, keeping the best time of each (:func:`best_of`)."""
    corpus = workdir / f"corpus_{n}"
    subprocess.run([sys.executable, str(HERE / "generate_corpus.py"), str(corpus), "--n", str(n)], check=True, capture_output=True)
    result = best_of([_in_fresh_process("--measure", str(corpus)) for _ in range(repeat)])
    analyze_runs = [_in_fresh_process("--measure-analyze", str(corpus), "--workers", str(workers)) for _ in range(repeat)]
    result["analyze"] = min(analyze_runs, key=lambda run: run["wall"]) | {"peak_mb": max(run["peak_mb"] for run in analyze_runs)}
    return result


def best_of(runs: list[dict]) -> dict:
    """Several :func:`measure` runs of one corpus as one: each stage's shortest time, the total of those, and the
    highest peak memory. On a shared machine a run is only ever slowed by what else runs, so the shortest time is the
    least disturbed measure.

    >>> best_of([{"n": 5, "seconds": {"load": 2.0, "money": 1.0}, "total": 3.0, "peak_mb": 10},
    ...          {"n": 5, "seconds": {"load": 1.0, "money": 2.0}, "total": 3.0, "peak_mb": 12}])
    {'n': 5, 'seconds': {'load': 1.0, 'money': 1.0}, 'total': 2.0, 'peak_mb': 12, 'runs': 2}
    """
    seconds = {stage: min(run["seconds"][stage] for run in runs) for stage in runs[0]["seconds"]}
    peak = max(run["peak_mb"] for run in runs)
    return {"n": runs[0]["n"], "seconds": seconds, "total": sum(seconds.values()), "peak_mb": peak, "runs": len(runs)}


def small_corpus(folder: Path, n: int = SMALL_CORPUS_ARTICLES) -> Path:
    """The first ``n`` articles of the development corpus (tests/dev_corpus) with their metadata rows, in ``folder``."""
    import csv

    source = ROOT / "tests" / "dev_corpus"
    folder.mkdir(parents=True, exist_ok=True)
    with (source / "metadata.csv").open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = sorted(reader, key=lambda row: row["file"])[:n]
        fields = reader.fieldnames
    for row in rows:
        shutil.copy2(source / row["file"], folder / row["file"])
    with (folder / "metadata.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return folder


def _make_briefing(**variables: Path) -> float:
    """Seconds for one `make briefing` (two jobs, as the Makefile runs it) with these variables."""
    command = ["make", "-C", str(ROOT), "briefing", *(f"{name}={value}" for name, value in variables.items())]
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def _forget_build(out: Path) -> None:
    """Remove OUT and its executed notebooks (the Makefile's build/<OUT as a name>), so the next build is clean."""
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(ROOT / "build" / str(out.resolve()).strip("/").replace("/", "_"), ignore_errors=True)


def build_times(workdir: Path, runs: int = 3) -> dict[str, list[float]]:
    """Seconds of each kind of build, ``runs`` times each: a clean build of the seeds, the rebuild after touching one
    codebook file (a copy of data/codebook, so the project's own builds are left alone), a no-op rebuild, and a clean
    build of a 15-article corpus."""
    codebook = workdir / "codebook"
    shutil.copytree(ROOT / "data" / "codebook", codebook)
    corpus = small_corpus(workdir / "corpus_15")
    seeds, small = workdir / "seed_briefing", workdir / "small_briefing"
    names = ("clean seed build", "codebook edit, make briefing", "codebook edit, make watch", "no-op", "15-article corpus")
    times: dict[str, list[float]] = {name: [] for name in names}
    for _ in range(runs):
        _forget_build(seeds)
        times["clean seed build"].append(_make_briefing(OUT=seeds, CODEBOOK=codebook))
        os.utime(codebook / EDITED_CODEBOOK_FILE)
        times["codebook edit, make briefing"].append(_make_briefing(OUT=seeds, CODEBOOK=codebook))
        times["no-op"].append(_make_briefing(OUT=seeds, CODEBOOK=codebook))
        _forget_build(small)
        times["15-article corpus"].append(_make_briefing(CORPUS=corpus, OUT=small, CODEBOOK=codebook))
    for out in (seeds, small):
        _forget_build(out)
    times["codebook edit, make watch"] = watched_edit_times(workdir / "watched_briefing", codebook, runs)
    return times


def watched_edit_times(out: Path, codebook: Path, runs: int = 3) -> list[float]:
    """Seconds from touching one codebook file to the briefing rebuilt by a running `make watch`, ``runs`` times: what a
    user of `make watch` waits for after saving the file (the watcher's poll included). The watcher's first, clean
    build is not counted. Between edits it is left five seconds, as a user would between looking at one build and saving
    the next edit: after each build the watcher launches the next build's browser, which a faster pace would overlap."""
    _forget_build(out)
    command = ["make", "-C", str(ROOT), "watch", f"OUT={out}", f"CODEBOOK={codebook}"]
    watcher = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    times = []
    try:
        _wait_for(watcher, "watch: built")
        for _ in range(runs):
            time.sleep(5)
            start = time.perf_counter()
            os.utime(codebook / EDITED_CODEBOOK_FILE)
            _wait_for(watcher, "watch: rebuilt")
            times.append(time.perf_counter() - start)
    finally:
        os.killpg(watcher.pid, signal.SIGTERM)  # the watcher stops cleanly on TERM; make and the browser with it
        watcher.wait(timeout=60)
        _forget_build(out)
    return times


def _wait_for(watcher: subprocess.Popen, prefix: str) -> None:
    """Read the watcher's output up to a line starting with ``prefix``; fail if it ends first or its make failed."""
    seen = []
    for line in watcher.stdout:
        seen.append(line)
        if line.startswith(prefix):
            if "make exit 0" not in line:
                raise SystemExit("make watch: a build failed:\n" + "".join(seen[-30:]))
            return
    raise SystemExit(f"make watch ended before '{prefix}':\n" + "".join(seen[-30:]))


def build_summary(times: dict[str, list[float]]) -> list[str]:
    """One line per kind of build: the median of its runs, their range, and the target if it has one.

    >>> print("\\n".join(build_summary({"clean seed build": [14.0, 12.5, 13.0], "no-op": [0.2]})))
    build                                     median        range      target
    clean seed build, 3 runs                  13.0 s  12.5-14.0 s    <= 20 s
    no-op, 1 run                               0.2 s    0.2-0.2 s
    """
    lines = [f"{'build':<38}{'median':>10}{'range':>13}{'target':>12}"]
    for name, seconds in times.items():
        label = f"{name}, {len(seconds)} run{'s' if len(seconds) > 1 else ''}"
        target = f"<= {BUILD_TARGETS[name]:.0f} s" if name in BUILD_TARGETS else ""
        spread = f"{min(seconds):.1f}-{max(seconds):.1f} s"
        lines.append(f"{label:<38}{statistics.median(seconds):>8.1f} s{spread:>13}{target:>11}".rstrip())
    return lines


def report(results: list[dict], builds: dict[str, list[float]] | None) -> None:
    """Print the build times first, then the stage table, the real analyze, and the targets with what was measured."""
    print(f"machine: {machine()}")
    if builds:
        print("\n" + "\n".join(build_summary(builds)))
    if not results:
        return
    runs = results[0].get("runs", 1)
    if runs > 1:
        print(f"\ntimes: the best of {runs} runs in fresh processes, stage by stage")
    stages = list(dict.fromkeys(s for r in results for s in r["seconds"]))
    print(f"\n{'stage':<16}" + "".join(f"{r['n']:>12,} art/s" for r in results))
    for stage in stages:
        cells = "".join(f"{r['n'] / r['seconds'][stage]:>16,.0f}" if r["seconds"].get(stage) else f"{'-':>16}" for r in results)
        print(f"{stage:<16}{cells}")
    print(f"{'total analysis':<16}" + "".join(f"{r['n'] / r['total']:>16,.0f}" for r in results))
    print(f"{'seconds, total':<16}" + "".join(f"{r['total']:>16.1f}" for r in results))
    print(f"{'peak memory MB':<16}" + "".join(f"{r['peak_mb']:>16,.0f}" for r in results))
    workers = results[0]["analyze"]["workers"]
    print(f"\nanalyze, {workers} workers" + "".join(f"{r['n']:>16,}" for r in results))
    print(f"{'  seconds':<16}" + "".join(f"{r['analyze']['wall']:>16.1f}" for r in results))
    print(f"{'  articles/s':<16}" + "".join(f"{r['n'] / r['analyze']['wall']:>16,.0f}" for r in results))
    print(f"{'  peak MB/process':<16}" + "".join(f"{r['analyze']['peak_mb']:>16,.0f}" for r in results))
    print("\ntarget                               measured     target")
    for r in results:
        label = f"analyze of {r['n']:,} articles, {workers} workers, s"
        target = f"<= {ANALYZE_TARGET_S:.0f} for 10,000" if r["n"] >= 10_000 else ""
        print(f"{label:<37}{r['analyze']['wall']:>8.1f}     {target}".rstrip())
        peak = max(r["peak_mb"], r["analyze"]["peak_mb"])
        print(f"{'  peak memory, ' + format(r['n'], ',') + ' articles':<37}{peak / 1024:>6.2f} GB     < {PEAK_TARGET_GB:.0f} GB")


def machine() -> str:
    """CPU model, cores, memory and Python: what the figures were measured on."""
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")), platform.processor())
    memory_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{model or platform.machine()}, {os.cpu_count()} cores, {memory_gb:.0f} GB, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--skip-build", action="store_true", help="do not time the builds of the briefing")
    parser.add_argument("--build-only", action="store_true", help="time the builds of the briefing only, no generated corpora")
    parser.add_argument("--build-runs", type=int, default=3, help="runs of each kind of build (the median and range are shown)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="worker processes for the real analyze run")
    parser.add_argument("--repeat", type=int, default=1, help="runs per corpus in fresh processes; each stage's best time counts")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--measure-analyze", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return
    if args.measure_analyze:
        print(json.dumps(measure_analyze(args.measure_analyze, args.workers)))
        return
    with tempfile.TemporaryDirectory(prefix="mediabrief-bench-") as folder:
        workdir = Path(folder)
        builds = None
        if not args.skip_build:
            print(f"timing the builds of the briefing, {args.build_runs} runs of each...", file=sys.stderr, flush=True)
            builds = build_times(workdir, args.build_runs)
        results = []
        for n in [] if args.build_only else args.sizes:
            print(f"measuring {n:,} articles...", file=sys.stderr, flush=True)
            results.append(run_size(n, workdir, args.workers, args.repeat))
        report(results, builds)


if __name__ == "__main__":
    main()
