import pandas as pd
import pytest

from mediabrief import engine
from mediabrief.analysis import per_article_tables
from mediabrief.codebook import load_codebook
from mediabrief.config import RAW_DIR
from mediabrief.corpus import load_corpus
from mediabrief.engine import combine, partitions, run_stage


def count_words_stage(articles: pd.DataFrame, codebook: dict) -> dict[str, pd.DataFrame]:
    """A cheap partition-pure stage: one row per article."""
    return {"n.csv": pd.DataFrame({"id": articles["id"], "n": articles["text"].str.split().str.len()})}


@pytest.fixture(scope="module")
def seeds():
    return load_corpus(RAW_DIR).articles, load_codebook()


def test_partitions_cover_every_row_once_in_order():
    frame = pd.DataFrame({"id": range(1003)})
    parts = partitions(frame, rows=250)
    assert [len(p) for p in parts] == [250, 250, 250, 250, 3]
    assert combine([{"t": p} for p in parts])["t"]["id"].tolist() == list(range(1003))


def test_local_workers_give_the_same_tables_as_one_process(seeds, monkeypatch):
    articles, codebook = seeds
    monkeypatch.setattr(engine, "PARTITION_ROWS", 2)  # three partitions of the five seeds, spread over two workers
    serial = run_stage(per_article_tables, articles, codebook, workers=1)
    parallel = run_stage(per_article_tables, articles, codebook, workers=2)
    for name, table in serial.items():
        pd.testing.assert_frame_equal(parallel[name], table)


def test_dask_on_a_local_cluster_gives_the_same_tables_as_the_default_engine(seeds, monkeypatch):
    articles, codebook = seeds
    monkeypatch.setattr(engine, "PARTITION_ROWS", 2)
    default = run_stage(per_article_tables, articles, codebook)
    on_dask = run_stage(per_article_tables, articles, codebook, workers=2, engine="dask")
    assert set(on_dask) == set(default)
    for name, table in default.items():
        pd.testing.assert_frame_equal(on_dask[name], table)


def test_a_large_corpus_shows_a_progress_bar_and_the_seeds_do_not(seeds, capsys):
    large = pd.DataFrame({"id": range(engine.PROGRESS_MIN_ARTICLES + 100), "text": "a b c"})
    run_stage(count_words_stage, large, {}, workers=2)
    assert f"analysing {len(large):,} articles" in capsys.readouterr().err
    articles, codebook = seeds
    run_stage(per_article_tables, articles, codebook, workers=2)
    assert capsys.readouterr().err == ""


def test_an_unknown_engine_is_refused(seeds):
    with pytest.raises(ValueError, match="unknown engine 'spark'"):
        run_stage(count_words_stage, pd.DataFrame({"id": [1], "text": ["a"]}), {}, engine="spark")
