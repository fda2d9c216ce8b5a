"""Every analysis stage in order, and the tables that ``analyze`` writes.

Each stage takes a DataFrame of articles and returns DataFrames, with no hidden state, so the notebooks call the
stages one by one and the command line calls :func:`analyze` for all of them.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd

from .claims import claims_matrix, contradictions, sourcing_sentences, sourcing_shares
from .codebook import load_codebook
from .corpus import load_corpus
from .engine import run_stage
from .files import atomic_path
from .language import is_english
from .lineage import (
    REUSE_COLUMNS,
    citations_table,
    cited_sentences,
    independent_origins,
    lineage_edges,
    lineage_graph,
    relays,
    reuse_facts,
    reuse_table,
)
from .money import discrepancies, distinct_figures, mentions_by_article, money_table_columns, read_as_most_sources
from .readability import READABILITY_COLUMNS, readability_table
from .stance import EVIDENCE_COLUMNS, STANCE_COLUMNS, stance_tables
from .voices import FRAME_COLUMNS, QUOTE_COLUMNS

Tables = dict[str, pd.DataFrame]
ARTICLE_COLUMNS = ["article_id", "file", "outlet", "url", "published", "title", "author", "n_words", "n_sentences"]

# What `analyze` writes: file name -> what one row is. The CLI's --help prints this.
TABLES = {
    "articles.csv": "one row per article: " + ", ".join(ARTICLE_COLUMNS + READABILITY_COLUMNS),
    "ingest_report.csv": "one row per message about a file of the corpus: file, outcome, level, kind, message",
    "removed_boilerplate.csv": "one row per piece that cleaning removed: article_id, file, kind, text",
    "money.csv": "one row per money mention: " + ", ".join(money_table_columns),
    "money_figures.csv": "one row per distinct figure (amount and referent): which outlets report it and how each attributes it",
    "money_discrepancies.csv": "one row per pair of sources that disagree on a figure's referent, attribution or amount, quoting both",
    "stance.csv": "one row per article and stance target: " + ", ".join(STANCE_COLUMNS),
    "stance_evidence.csv": "the sentences that weigh most in each article's stance: " + ", ".join(EVIDENCE_COLUMNS),
    "quotes.csv": "one row per span in quotation marks (kind: quotation, or term for a name, title or scare quote): "
    + ", ".join(QUOTE_COLUMNS)
    + ", and the side its words take",
    "frames.csv": "one row per article and frame: " + ", ".join(FRAME_COLUMNS),
    "claims.csv": "one row per key claim an article makes (codebook claims): article_id, file, claim_id, evidence, and the value it states",
    "contradictions.csv": "one row per pair of sources stating incompatible values for the same claim, quoting both",
    "sourcing.csv": "per article, the share of its claim sentences sourced on the record, to a publication or body, unnamed, or not at all",
    "citations.csv": "one row per attribution to an outside source: article_id, file, cited_source, sentence",
    "relays.csv": "one row per source that a text says relays another (X reported, citing Y): article_id, relay, origin, sentence",
    "reuse.csv": "one row per pair of articles: file_a, file_b, verbatim_words, similarity, relation (quotes, rewrites, independent), "
    "evidence",
    "reuse_facts.csv": "beside reuse.csv, the facts each pair gives in the same order: file_a, file_b, facts_aligned, "
    "distinctive_aligned, fact_share, aligned_facts (as each article writes them)",
    "lineage_edges.csv": "the lineage graph, one row per edge: who cites, relays or reuses whom",
    "origins.csv": "the independent origins the articles trace back to",
}


def source_labels(articles: pd.DataFrame) -> pd.Series:
    """A short label per article for charts: the outlet, with the file stem where an outlet has several articles.

    >>> source_labels(pd.DataFrame({"outlet": ["TIME", "AP", "AP"], "file": ["a.txt", "b.txt", "c.txt"]})).tolist()
    ['TIME', 'AP (b)', 'AP (c)']
    """
    repeated = articles["outlet"].duplicated(keep=False)
    stems = articles["file"].str.replace(r"\.[^.]+$", "", regex=True)
    return articles["outlet"].where(~repeated, articles["outlet"] + " (" + stems + ")")


def articles_table(articles: pd.DataFrame) -> pd.DataFrame:
    """The article table the briefing and ``articles.csv`` use: metadata, counts and readability, one row each."""
    scores = readability_table(articles).drop(columns="file")
    return (
        articles[ARTICLE_COLUMNS].merge(scores, on="article_id", how="left", validate="one_to_one").assign(label=lambda d: source_labels(d))
    )


def english(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles that analyses written for English may read (the ingest report names the others)."""
    if "language" not in articles:
        return articles
    return articles[articles["language"].map(is_english)]


def readability_stage(articles: pd.DataFrame, codebook: dict) -> Tables:
    """articles.csv: metadata, counts and readability (empty for articles not in English)."""
    return {"articles.csv": articles_table(articles).drop(columns="label")}


def money_stage(articles: pd.DataFrame, codebook: dict) -> Tables:
    """money.csv: every cost estimate, each article read alone (the corpus's reading follows in money_comparison)."""
    return {"money.csv": mentions_by_article(english(articles), codebook)}


def stance_stage(articles: pd.DataFrame, codebook: dict) -> Tables:
    """stance.csv, stance_evidence.csv, quotes.csv, frames.csv."""
    return stance_tables(english(articles), codebook)


def claims_stage(articles: pd.DataFrame, codebook: dict) -> Tables:
    """claims.csv and sourcing.csv."""
    readable = english(articles)
    claims = claims_matrix(readable, codebook)
    return {"claims.csv": claims, "sourcing.csv": sourcing_shares(sourcing_sentences(claims, codebook), readable)}


def lineage_stage(articles: pd.DataFrame, codebook: dict) -> Tables:
    """citations.csv and relays.csv: what each article says it draws on."""
    readable = english(articles)
    cited = cited_sentences(readable, codebook)
    return {"citations.csv": citations_table(readable, codebook, cited), "relays.csv": relays(readable, codebook, cited)}


def money_comparison(tables: Tables, articles: pd.DataFrame, codebook: dict) -> Tables:
    """money.csv read as most sources read each amount, then money_figures.csv and money_discrepancies.csv, across the
    whole corpus."""
    mentions = read_as_most_sources(tables["money.csv"], codebook)
    return {
        "money.csv": mentions,
        "money_figures.csv": distinct_figures(mentions, articles),
        "money_discrepancies.csv": discrepancies(mentions, articles, speaks_for=(codebook.get("money") or {}).get("speaks_for")),
    }


def claims_comparison(tables: Tables, articles: pd.DataFrame, codebook: dict) -> Tables:
    """contradictions.csv, across the whole corpus."""
    return {"contradictions.csv": contradictions(tables["claims.csv"])}


def lineage_comparison(tables: Tables, articles: pd.DataFrame, codebook: dict, compared: pd.DataFrame | None = None) -> Tables:
    """reuse.csv, lineage_edges.csv and origins.csv: which articles reuse which, and where the story starts.
    ``compared``: the articles' :func:`~mediabrief.lineage.reuse_table`, if it was made already (it reads the articles
    alone, so :func:`analyze` makes it while the per-article stages run)."""
    readable = english(articles)
    compared = reuse_table(readable) if compared is None else compared
    reuse = compared[REUSE_COLUMNS]
    graph = lineage_graph(readable, tables["citations.csv"], reuse, tables["relays.csv"])
    return {
        "reuse.csv": reuse,
        "reuse_facts.csv": reuse_facts(compared),
        "lineage_edges.csv": lineage_edges(graph),
        "origins.csv": pd.DataFrame({"origin": independent_origins(graph)}),
    }


# The stages in order. Per-article parts read one partition of articles at a time (partition-pure, so any engine can
# run them); comparison parts then read the per-article tables of the whole corpus. The benchmark times each stage.
PER_ARTICLE_STAGES = {
    "readability": readability_stage,
    "money": money_stage,
    "stance": stance_stage,
    "claims": claims_stage,
    "lineage": lineage_stage,
}
COMPARISON_STAGES = {"money": money_comparison, "claims": claims_comparison, "lineage": lineage_comparison}


def per_article_tables(articles: pd.DataFrame, codebook: dict) -> Tables:
    """Every stage that reads one article at a time, on a partition of articles. Partition-pure: no global state."""
    return {name: table for stage in PER_ARTICLE_STAGES.values() for name, table in stage(articles, codebook).items()}


def corpus_tables(tables: Tables, articles: pd.DataFrame, codebook: dict, reuse: pd.DataFrame | None = None) -> Tables:
    """Every stage that compares articles, from the per-article tables of the whole corpus (and the articles'
    :func:`~mediabrief.lineage.reuse_table`, if made already)."""
    made: Tables = {}
    for name, stage in COMPARISON_STAGES.items():
        made |= stage(tables, articles, codebook, reuse) if name == "lineage" and reuse is not None else stage(tables, articles, codebook)
    return made


def analyze(
    corpus_dir: str | Path,
    codebook_path: str | Path | None = None,
    workers: int = 1,
    engine: str = "local",
    cluster: str | None = None,
    progress: bool | None = None,
) -> Tables:
    """Run every stage on a corpus folder; return the tables by the file name they are written to.

    ``workers``, ``engine`` ("local" or "dask") and ``cluster`` (a Dask scheduler address) only say where the
    per-article stages run; the tables are the same.
    """
    corpus = load_corpus(corpus_dir, workers=workers)
    codebook = load_codebook(codebook_path)
    with loaded_corpus_left_alone(), ThreadPoolExecutor(max_workers=1, thread_name_prefix="mediabrief-reuse") as side:
        # Text reuse reads the articles alone (no per-article table): with worker processes, a thread of this process,
        # otherwise only waiting, compares them while the workers run the per-article stages. The thread starts once
        # the workers have: a process forked from one that runs threads can inherit a lock held, and hang.
        reuse: list = []

        def start_reuse() -> None:
            reuse.append(side.submit(reuse_table, english(corpus.articles)))

        tables = run_stage(per_article_tables, corpus.articles, codebook, workers, engine, cluster, progress, start_reuse)
        tables |= corpus_tables(tables, corpus.articles, codebook, reuse[0].result() if reuse else None)
    return {**tables, "ingest_report.csv": corpus.ingest, "removed_boilerplate.csv": corpus.removed}


@contextlib.contextmanager
def loaded_corpus_left_alone() -> Iterator[None]:
    """For the block, Python's garbage collector leaves alone every object that exists on entry (``gc.freeze``).

    The loaded corpus holds a tuple per sentence and lives as long as the stages; each full collection would walk all
    of it again while the stages run (about 3 % of the time on 10,000 articles). Objects made in the block are
    collected as usual. A caller's own freeze is left as it was.
    """
    already_frozen = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        yield
    finally:
        if not already_frozen:
            gc.unfreeze()


def write_table(table: pd.DataFrame, path: str | Path) -> Path:
    """Write a table as CSV (dates as YYYY-MM-DD), atomically: readers never see a half-written file."""
    with atomic_path(path) as partial:
        table.to_csv(partial, index=False, date_format="%Y-%m-%d", lineterminator="\n", encoding="utf-8")
    return Path(path)


def write_tables(tables: dict[str, pd.DataFrame], out_dir: str | Path) -> list[Path]:
    """Write each table to ``out_dir`` under its name; return the paths."""
    return [write_table(table, Path(out_dir) / name) for name, table in tables.items()]


def read_table(out_dir: str | Path, name: str) -> pd.DataFrame:
    """Read a table written by :func:`write_tables`, with ``published`` as a date again."""
    table = pd.read_csv(Path(out_dir) / name, keep_default_na=False, na_values=[""])
    if "published" in table.columns:
        table["published"] = pd.to_datetime(table["published"], format="%Y-%m-%d")
    return table
