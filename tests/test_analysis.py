"""The stages share one split of each text: load_corpus adds the sentences, every stage reads them, no table changes.
And while they run, the collector leaves the loaded corpus alone."""

import gc
import threading

import pandas as pd
import pytest

from mediabrief import attribution, claims, lineage, money, textutils
from mediabrief.analysis import corpus_tables, loaded_corpus_left_alone, per_article_tables
from mediabrief.codebook import load_codebook
from mediabrief.config import RAW_DIR
from mediabrief.corpus import load_corpus
from mediabrief.textutils import SENTENCES_COLUMN


@pytest.fixture(scope="module")
def seeds():
    return load_corpus(RAW_DIR).articles, load_codebook()


def all_tables(articles: pd.DataFrame, codebook: dict) -> dict[str, pd.DataFrame]:
    tables = per_article_tables(articles, codebook)
    return tables | corpus_tables(tables, articles, codebook)


def test_the_tables_are_the_same_with_and_without_the_sentences_column(seeds):
    articles, codebook = seeds
    given = all_tables(articles, codebook)
    split_here = all_tables(articles.drop(columns=SENTENCES_COLUMN), codebook)
    assert set(split_here) == set(given)
    for name, table in given.items():
        pd.testing.assert_frame_equal(split_here[name], table, obj=name)


def test_no_stage_splits_a_text_again_when_the_articles_hold_its_sentences(seeds, monkeypatch):
    def refuse(text: str):
        raise AssertionError("a stage split a text that load_corpus had split")

    for module in (textutils, money, attribution, claims, lineage):
        monkeypatch.setattr(module, "split_sentences", refuse)
    all_tables(*seeds)


def test_the_loaded_corpus_is_left_alone_by_the_collector_only_in_the_block():
    assert gc.get_freeze_count() == 0
    with loaded_corpus_left_alone():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


def test_a_callers_own_freeze_is_kept():
    gc.freeze()
    try:
        with loaded_corpus_left_alone():
            pass
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_with_workers_text_reuse_is_compared_beside_the_per_article_stages_and_the_tables_are_the_same(monkeypatch):
    # The thread starts once the workers have (engine.run_stage's while_workers_run): forked after, a worker could hang.
    from mediabrief import analysis, engine

    threads = []

    def reuse_table_noting_its_thread(articles):
        threads.append(threading.current_thread().name)
        return lineage.reuse_table(articles)

    monkeypatch.setattr(analysis, "reuse_table", reuse_table_noting_its_thread)
    monkeypatch.setattr(engine, "PARTITION_ROWS", 2)  # three partitions of the five seeds, over two workers
    serial = analysis.analyze(RAW_DIR, workers=1)
    parallel = analysis.analyze(RAW_DIR, workers=2)
    # In one process the reuse table is made with the other comparisons; with workers, by a thread beside them.
    assert len(threads) == 2 and threads[0] == "MainThread" and threads[1].startswith("mediabrief-reuse"), threads
    assert list(parallel) == list(serial)
    for name, table in serial.items():
        pd.testing.assert_frame_equal(parallel[name], table, obj=name)
