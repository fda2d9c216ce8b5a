"""Time and peak memory of the reuse detection on N synthetic articles made by recombining the seeds' sentences.

Usage: .venv/bin/python benchmarks/bench_reuse.py [N] [--trace]   (default 10,000; a script, not a test)

The peak resident set is the whole process's (corpus included), the number to keep under the machine's memory.
``--trace`` also reports the peak of Python allocations (tracemalloc), at the cost of a slower run and a larger
resident set: tracing keeps a record per allocated block.
"""

from __future__ import annotations

import random
import resource
import sys
import time
import tracemalloc

import pandas as pd

from mediabrief.config import RAW_DIR
from mediabrief.corpus import load_corpus
from mediabrief.lineage import reuse_table
from mediabrief.textutils import split_sentences


def synthetic_corpus(n: int, seed: int = 5) -> pd.DataFrame:
    """N articles of 8 to 20 sentences drawn (seeded) from the seeds' sentences, each with a unique closing line."""
    pool = [s.text for text in load_corpus(RAW_DIR).articles["text"] for s in split_sentences(text)]
    rng = random.Random(seed)
    texts = [" ".join(rng.sample(pool, rng.randint(8, 20))) + f" Synthetic article {i}." for i in range(n)]
    return pd.DataFrame({"article_id": [f"s{i:05d}" for i in range(n)], "file": [f"s{i:05d}.txt" for i in range(n)], "text": texts})


def main(n: int, trace: bool = False) -> None:
    """Run the reuse detection once on ``n`` synthetic articles and print time, memory and the relations found."""
    corpus = synthetic_corpus(n)
    if trace:
        tracemalloc.start()
    start, cpu_start = time.perf_counter(), time.process_time()
    reuse = reuse_table(corpus)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # CPU time as well as wall time: on a shared machine the wall time also counts the other processes.
    print(f"{n:,} articles: {len(reuse):,} candidate pairs compared in {elapsed:.1f} s ({cpu:.1f} s CPU)")
    if trace:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"peak traced memory {peak / 2**20:.0f} MiB (tracing on)")
    print(f"max resident set {max_rss:.0f} MiB")
    print(reuse["relation"].value_counts().to_string())


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--trace"]
    main(int(arguments[0]) if arguments else 10_000, trace="--trace" in sys.argv[1:])
