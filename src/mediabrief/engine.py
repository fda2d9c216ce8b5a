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
    while_workers_run: Callable[[], None] | None = None,
) -> Tables:
    """Apply ``stage`` to every partition of ``articles`` with the chosen engine; return the combined tables.

    ``while_workers_run`` is called once local worker processes have started (only then: after it, this process may
    start threads of its own, which a process forked later would copy mid-work, locks held); not called otherwise."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    parts = partitions(articles)
    if engine == "dask":
        return combine(_run_dask(stage, parts, codebook, workers, cluster))
    if not in_worker_processes(len(articles), workers, engine):
        return combine([stage(part, codebook) for part in _progress(iter(parts), len(parts), len(articles), progress)])
    with ProcessPoolExecutor(max_workers=min(workers, len(parts), os.cpu_count() or 1)) as pool:
        # map submits every partition at once, and a pool that forks starts all its processes at the first one.
        mapped = pool.map(stage, parts, [codebook] * len(parts))
        if while_workers_run is not None:
            while_workers_run()
        return combine(list(_progress(mapped, len(parts), len(articles), progress)))


def in_worker_processes(n_articles: int, workers: int, engine: str = "local") -> bool:
    """Whether :func:`run_stage` runs ``n_articles`` in local worker processes: more than one partition, workers asked.

    >>> in_worker_processes(PARTITION_ROWS + 1, 2), in_worker_processes(PARTITION_ROWS, 2), in_worker_processes(10_000, 1)
    (True, False, False)
    """
    return engine == "local" and workers > 1 and n_articles > PARTITION_ROWS


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
