"""Run the per-article stages over partitions of a corpus: in this process, in local worker processes, or on Dask.

The stages are partition-pure (articles in, tables out, no global state), so every engine runs the same functions
and the tables are the same whatever the engine: only where the work happens changes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor

import pandas as pd

ENGINES = ("local", "dask")
PARTITION_ROWS = 250  # articles per partition: big enough to amortise a task, small enough to spread over workers
PROGRESS_MIN_ARTICLES = 500  # below this a run takes seconds: no progress bar

Tables = dict[str, pd.DataFrame]
Stage = Callable[[pd.DataFrame, dict], Tables]


def partitions(articles: pd.DataFrame, rows: int = PARTITION_ROWS) -> list[pd.DataFrame]:
    """Consecutive slices of at most ``rows`` articles (at least one slice, possibly empty).

    >>> [len(p) for p in partitions(pd.DataFrame({"a": range(7)}), rows=3)]
    [3, 3, 1]
    """
    if articles.empty:
        return [articles]
    return [articles.iloc[i : i + rows] for i in range(0, len(articles), rows)]


def combine(results: list[Tables]) -> Tables:
    """Concatenate each table across partitions, in partition order.

    >>> combine([{"t.csv": pd.DataFrame({"x": [1]})}, {"t.csv": pd.DataFrame({"x": [2]})}])["t.csv"]["x"].tolist()
    [1, 2]
    """
    names = list(dict.fromkeys(name for result in results for name in result))
    return {name: pd.concat([r[name] for r in results if name in r], ignore_index=True) for name in names}


def _progress(iterable: Iterator, total: int, n_articles: int, show: bool | None) -> Iterator:
    """A tqdm bar on stderr for large corpora (or when asked), nothing for small ones."""
    if show is None:
        show = n_articles >= PROGRESS_MIN_ARTICLES
    if not show:
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, total=total, desc=f"analysing {n_articles:,} articles", unit="part", file=sys.stderr)


def run_stage(
    stage: Stage,
    articles: pd.DataFrame,
    codebook: dict,
    workers: int = 1,
    engine: str = "local",
    cluster: str | None = None,
    progress: bool | None = None,
) -> Tables:
    """Apply ``stage`` to every partition of ``articles`` with the chosen engine; return the combined tables."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    parts = partitions(articles)
    if engine == "dask":
        return combine(_run_dask(stage, parts, codebook, workers, cluster))
    if workers <= 1 or len(parts) == 1:
        return combine([stage(part, codebook) for part in _progress(iter(parts), len(parts), len(articles), progress)])
    with ProcessPoolExecutor(max_workers=min(workers, len(parts), os.cpu_count() or 1)) as pool:
        mapped = pool.map(stage, parts, [codebook] * len(parts))
        return combine(list(_progress(mapped, len(parts), len(articles), progress)))


def _run_dask(stage: Stage, parts: list[pd.DataFrame], codebook: dict, workers: int, cluster: str | None) -> list[Tables]:
    """The same stage over the same partitions as Dask tasks: on a LocalCluster, or on the cluster at ``cluster``."""
    import dask.bag as db
    from distributed import Client, LocalCluster

    local = None if cluster else LocalCluster(n_workers=max(workers, 1), threads_per_worker=1, processes=True, dashboard_address=None)
    try:
        with Client(cluster or local) as client:
            bag = db.from_sequence(parts, npartitions=len(parts)).map(stage, codebook)
            return bag.compute(scheduler=client.get)
    finally:
        if local is not None:
            local.close()
