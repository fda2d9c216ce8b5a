"""Benchmarks: per-stage throughput and peak memory on generated corpora, against textstat alone; and the seed
briefing's clean-build and no-op-build times. Prints a table; run with `make bench`. Not part of `make test`.

    python benchmarks/bench.py [--sizes 1000 10000] [--skip-build]

Each corpus size runs in a fresh process, so its peak memory (ru_maxrss) is its own.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TARGETS = {
    "analysis / textstat alone": "<= 1.5",
    "10,000 / 1,000 articles, time": "<= 11",
    "peak memory, 10,000 articles": "< 2 GB",
    "no-op / clean build": "< 5 %",
}


def measure(corpus: Path) -> dict:
    """Time each stage on one corpus, in this process; return seconds per stage and peak memory."""
    import textstat

    from mediabrief import analysis
    from mediabrief.codebook import load_codebook
    from mediabrief.corpus import load_corpus
    from mediabrief.money import money_mentions
    from mediabrief.readability import readability_table
    from mediabrief.stance import stance_tables

    codebook = load_codebook()
    seconds: dict[str, float] = {}

    def timed(name, function, *args):
        start = time.perf_counter()
        result = function(*args)
        seconds[name] = time.perf_counter() - start
        return result

    articles = timed("load", lambda: load_corpus(corpus).articles)
    english = analysis.english(articles)
    timed("readability", readability_table, english)
    timed("money", money_mentions, english, codebook)
    timed("stance", stance_tables, english, codebook)
    optional = {"claims": ("mediabrief.claims", "claims_tables"), "reuse": ("mediabrief.lineage", "lineage_tables")}
    for stage, (module, function) in optional.items():
        try:
            run = getattr(__import__(module, fromlist=[function]), function)
        except (ImportError, AttributeError):
            continue
        timed(stage, run, english, codebook)
    total = sum(seconds.values())

    def textstat_alone(texts):
        for text in texts:
            textstat.flesch_reading_ease(text)
            textstat.flesch_kincaid_grade(text)
            textstat.gunning_fog(text)
            textstat.smog_index(text)
            textstat.dale_chall_readability_score(text)
            textstat.reading_time(text)

    # textstat memoises per text: clear its caches so it pays the full price, as in a fresh run.
    from textstat.backend.utils import constants  # noqa: F401  (imported for its side effect of a loaded package)

    for cached in _textstat_caches():
        cached.cache_clear()
    timed("textstat alone", textstat_alone, list(english["text"]))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"n": len(articles), "seconds": seconds, "total": total, "peak_mb": peak_mb}


def _textstat_caches():
    """Every lru_cache in textstat's backend, so a timing starts cold."""
    import textstat.backend as backend

    for module in list(sys.modules.values()):
        if module is None or not getattr(module, "__name__", "").startswith(backend.__name__):
            continue
        for value in vars(module).values():
            if hasattr(value, "cache_clear"):
                yield value


def run_size(n: int, workdir: Path) -> dict:
    """Generate ``n`` articles and measure them in a fresh process."""
    corpus = workdir / f"corpus_{n}"
    subprocess.run([sys.executable, str(HERE / "generate_corpus.py"), str(corpus), "--n", str(n)], check=True, capture_output=True)
    out = subprocess.run([sys.executable, __file__, "--measure", str(corpus)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def build_times(workdir: Path) -> tuple[float, float]:
    """Seconds for a clean `make briefing` of the seeds into a fresh OUT, then for a second, no-op one."""
    out = workdir / "briefing"
    command = ["make", "-C", str(ROOT), "briefing", f"OUT={out}"]
    work = ROOT / "build" / str(out.resolve()).strip("/").replace("/", "_")
    shutil.rmtree(work, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    clean = time.perf_counter() - start
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return clean, time.perf_counter() - start


def report(results: list[dict], builds: tuple[float, float] | None) -> None:
    """Print the stage table and the targets with what was measured."""
    print(
        f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}, "
        f"{__import__('os').cpu_count()} cores"
    )
    stages = list(dict.fromkeys(s for r in results for s in r["seconds"]))
    print(f"\n{'stage':<16}" + "".join(f"{r['n']:>12,} art/s" for r in results))
    for stage in stages:
        cells = "".join(f"{r['n'] / r['seconds'][stage]:>16,.0f}" if r["seconds"].get(stage) else f"{'-':>16}" for r in results)
        print(f"{stage:<16}{cells}")
    print(f"{'total analysis':<16}" + "".join(f"{r['n'] / r['total']:>16,.0f}" for r in results))
    print(f"{'seconds, total':<16}" + "".join(f"{r['total']:>16.1f}" for r in results))
    print(f"{'peak memory MB':<16}" + "".join(f"{r['peak_mb']:>16,.0f}" for r in results))
    print("\ntarget                               measured     target")
    for r in results:
        ratio = r["total"] / r["seconds"]["textstat alone"]
        print(f"{'analysis / textstat alone, ' + format(r['n'], ','):<37}{ratio:>8.2f}     {TARGETS['analysis / textstat alone']}")
    if len(results) >= 2:
        small, large = results[0], results[-1]
        scale = large["total"] / small["total"]
        limit = 1.1 * large["n"] / small["n"]
        label = f"{large['n']:,} / {small['n']:,} articles, time"
        print(f"{label:<37}{scale:>8.2f}     <= {limit:.0f}")
        label = f"peak memory, {large['n']:,} articles"
        print(f"{label:<37}{large['peak_mb'] / 1024:>6.2f} GB     < 2 GB")
    if builds:
        clean, noop = builds
        print(f"{'clean build of the seed briefing, s':<37}{clean:>8.1f}")
        print(f"{'no-op build, s':<37}{noop:>8.2f}")
        print(f"{'no-op / clean build':<37}{100 * noop / clean:>7.1f} %     {TARGETS['no-op / clean build']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--skip-build", action="store_true", help="do not time the seed briefing's builds")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return
    with tempfile.TemporaryDirectory(prefix="mediabrief-bench-") as folder:
        workdir = Path(folder)
        results = []
        for n in args.sizes:
            print(f"measuring {n:,} articles...", file=sys.stderr, flush=True)
            results.append(run_size(n, workdir))
        builds = None if args.skip_build else build_times(workdir)
        report(results, builds)


if __name__ == "__main__":
    main()
