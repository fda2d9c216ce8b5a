"""Score the analyses against a folder of hand-labelled articles: who is quoted, what a figure covers and who gives
it, the outlet's own stance, and the sources cited. For a set of real articles labelled outside the project (as the
development corpus is, see tests/gold/README.md), so that a change can be measured on text it was not tuned on.

    python benchmarks/score_gold.py ARTICLES_DIR GOLD_DIR [--prefix dev_] [--halves]

GOLD_DIR holds ``quotes.csv``, ``money.csv``, ``citations.csv`` and ``stance.csv`` (each optional; with ``--prefix``,
``dev_quotes.csv`` and so on) in the development gold's columns. ``--halves`` scores odd and even file numbers apart
(a tuning half whose rows one may read, and a held-out half whose figures alone one looks at). Prints a table; not
part of `make test`.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from mediabrief import evaluation as ev  # noqa: E402
from mediabrief import lineage  # noqa: E402
from mediabrief.codebook import load_codebook  # noqa: E402
from mediabrief.corpus import load_corpus  # noqa: E402
from mediabrief.money import money_mentions  # noqa: E402
from mediabrief.stance import agreement, agreement_table, stance_tables  # noqa: E402


def read(gold_dir: Path, name: str, prefix: str) -> pd.DataFrame | None:
    path = gold_dir / f"{prefix}{name}.csv"
    return pd.read_csv(path, dtype=str, keep_default_na=False) if path.exists() else None


def scores(found: dict[str, pd.DataFrame], gold: dict[str, pd.DataFrame | None], codebook: dict) -> dict[str, str]:
    """One row of figures for the files both tables hold."""
    row: dict[str, str] = {}
    if gold["quotes"] is not None:
        matched = ev.quote_scores(ev.match_quotes(found["quotes"], gold["quotes"], codebook))
        row["speaker right"] = f"{matched['speaker_right']:.2f} of {matched['quotations']}"
        row["term precision"] = f"{matched['term_precision']:.2f}"
    if gold["money"] is not None:
        money = ev.match_money(found["money"], gold["money"], codebook)
        hits = money[money["found"]]
        row["figures found"] = f"{money['found'].mean():.2f} of {len(money)}"
        row["referent right"] = f"{hits['referent'].eq(hits['referent_found']).mean():.2f}"
        row["owner right"] = f"{hits['owner_ok'].mean():.2f}"
    if gold["stance"] is not None:
        table = agreement_table(found["stance"], gold["stance"].assign(rationale=gold["stance"].get("rationale", "")))
        row["stance agreement"] = f"{agreement(table)['percent'] / 100:.2f}"
    if gold["citations"] is not None:
        cited = lineage.citation_scores(found["citations"], gold["citations"], codebook)
        row["citations P / R"] = f"{cited['precision']:.2f} / {cited['recall']:.2f}"
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--prefix", default="")
    parser.add_argument("--halves", action="store_true", help="score odd and even file numbers apart")
    args = parser.parse_args()
    codebook = load_codebook()
    articles = load_corpus(args.articles).articles
    tables = stance_tables(articles, codebook)
    found = {
        "quotes": tables["quotes.csv"],
        "stance": tables["stance.csv"],
        "money": money_mentions(articles, codebook),
        "citations": lineage.citations_table(articles, codebook),
    }
    gold = {name: read(args.gold, name, args.prefix) for name in ("quotes", "money", "citations", "stance")}
    number = lambda file: int(m.group(0)) if (m := re.search(r"\d+", str(file))) else 0  # noqa: E731
    parts = {"all": lambda t: t}
    if args.halves:
        parts = {half: (lambda t, p=parity: t[t["file"].map(number) % 2 == p]) for half, parity in (("odd files", 1), ("even files", 0))}
    rows = {
        part: scores({k: keep(v) for k, v in found.items()}, {k: None if v is None else keep(v) for k, v in gold.items()}, codebook)
        for part, keep in parts.items()
    }
    print(pd.DataFrame(rows).to_string())


if __name__ == "__main__":
    main()
