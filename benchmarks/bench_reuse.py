"""Time and peak memory of the reuse detection on N synthetic articles made by recombining the seeds' sentences.

Usage: .venv/bin/python benchmarks/bench_reuse.py [N]   (default 10,000; a script, not a test)
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


def main(n: int) -> None:
    corpus = synthetic_corpus(n)
    tracemalloc.start()
    start = time.perf_counter()
    reuse = reuse_table(corpus)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n:,} articles: {len(reuse):,} candidate pairs compared in {elapsed:.1f} s")
    print(f"peak traced memory {peak / 2**20:.0f} MiB; max resident set {max_rss:.0f} MiB")
    print(reuse["relation"].value_counts().to_string())


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
