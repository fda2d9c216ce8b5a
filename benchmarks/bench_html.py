"""The loader against trafilatura (with htmldate) on saved HTML pages, and cleaning.parse_dateline against dateparser
on date phrases: how many fields each gets right against hand-made gold data, and how fast.

    python benchmarks/bench_html.py [--baseline REV]

--baseline names a git revision whose src/mediabrief/htmltext.py the loader also runs with, for comparison (default:
b6f7004, the last with the page read tag by tag only).

Pages: tests/html_pages/*.html, scored against tests/gold/html_pages.yaml (headline, author, first publication date,
the story's paragraphs found, page furniture left out). Date phrases: DATE_PHRASES below, written for this benchmark
(whole-line datelines as pages print them, and sentences of running text with or without a date). trafilatura,
htmldate and dateparser (which htmldate brings) are pinned in requirements.txt; see README "Dependency notes".
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import subprocess
import tempfile
import time
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import yaml

from mediabrief import corpus, htmltext
from mediabrief.cleaning import clean_article, parse_dateline
from mediabrief.config import PROJECT_ROOT
from mediabrief.corpus import load_corpus

PAGES = PROJECT_ROOT / "tests" / "html_pages"
GOLD = PROJECT_ROOT / "tests" / "gold" / "html_pages.yaml"
FIELDS = ["headline", "author", "published", "paragraphs found", "furniture left out"]

# (text, the date it states or None, whether it is a whole line as a page prints it): written for this benchmark.
DATE_PHRASES = [
    ("June 5, 2025", date(2025, 6, 5), True),
    ("Thu, 06/05/2025 - 14:02", date(2025, 6, 5), True),
    ("5 June 2025 10:00 GMT", date(2025, 6, 5), True),
    ("Published: 2025-06-05", date(2025, 6, 5), True),
    ("Updated Wednesday, June 4, 2025 at 9:15 a.m. EDT", date(2025, 6, 4), True),
    ("Jun. 4, 2025", date(2025, 6, 4), True),
    ("4th June 2025", date(2025, 6, 4), True),
    ("Published 3 June 2025, updated 7 June 2025", date(2025, 6, 3), True),
    ("Posted by Ruth Okafor on 12 June 2025", date(2025, 6, 12), True),
    ("The order was signed on Jan. 27, 2025, a week after the inauguration.", date(2025, 1, 27), False),
    ("Talks began in February 2025 and resumed on May 30, 2025 in Tokyo.", date(2025, 2, 1), False),
    ("TOKYO, June 4, 2025 (Global Wire) - Japan said its talks were at an early stage.", date(2025, 6, 4), False),
    ("Officials may decide by the end of the year, a second official said.", None, False),
    ("The shield would cost $175 billion over 20 years, the March estimate said.", None, False),
    ("Now the Pentagon says it can field a first layer within three years.", None, False),
]


def _norm(text: object) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip().lower().replace("’", "'")


def _same_author(found: object, expected: str) -> bool:
    return bool(found) and _norm(expected) in _norm(found)


def score_page(gold: dict, headline: object, author: object, published: object, body: str) -> dict[str, float]:
    """One page's scores: 1 or 0 for headline, author and date; the share of its paragraphs found in the body, and of
    its furniture left out of it."""
    body = _norm(body)
    return {
        "headline": float(_norm(headline) == _norm(gold["headline"])),
        "author": float(_same_author(author, gold["author"])),
        "published": float(str(published or "")[:10] == gold["published"]),
        "paragraphs found": sum(_norm(p) in body for p in gold["paragraphs"]) / len(gold["paragraphs"]),
        "furniture left out": sum(_norm(f) not in body for f in gold["furniture"]) / len(gold["furniture"]),
    }


def html_to_text_at(revision: str):
    """html_to_text as htmltext.py defined it at a git revision."""
    source = subprocess.run(
        ["git", "-C", str(PROJECT_ROOT), "show", f"{revision}:src/mediabrief/htmltext.py"], check=True, capture_output=True, text=True
    ).stdout
    path = Path(tempfile.mkdtemp()) / "htmltext_baseline.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("htmltext_baseline", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.html_to_text


@contextmanager
def loader_reading_pages_with(html_to_text):
    """The loader with another page reader (a benchmark's swap: the package itself always uses its own)."""
    kept = corpus.html_to_text
    corpus.html_to_text = html_to_text
    try:
        yield
    finally:
        corpus.html_to_text = kept


def loader(gold: list[dict], html_to_text=htmltext.html_to_text) -> tuple[list[dict], float]:
    """The loader's reading of the pages (the page reader, then the cleaning's byline, dateline and headline), and the
    seconds the page reader and the cleaning take over all pages."""
    with loader_reading_pages_with(html_to_text):
        articles = load_corpus(PAGES).articles.set_index("file")
    pages = [(PAGES / page["file"]).read_text(encoding="utf-8") for page in gold]
    began = time.perf_counter()
    for html in pages:
        clean_article(html_to_text(html).text)
    seconds = time.perf_counter() - began
    scores = []
    for page in gold:
        row = articles.loc[page["file"]]
        published = row["published"].strftime("%Y-%m-%d") if not _missing(row["published"]) else ""
        scores.append(score_page(page, row["title"], row["author"], published, row["text"]))
    return scores, seconds


def _missing(value: object) -> bool:
    return value is None or value != value  # NaT and NaN are not equal to themselves


def library(gold: list[dict], **options: bool) -> tuple[list[dict], float]:
    """trafilatura's reading of the pages (with its options), and htmldate's first-publication date."""
    import htmldate
    import trafilatura

    scores = []
    seconds = 0.0
    for page in gold:
        html = (PAGES / page["file"]).read_text(encoding="utf-8")
        began = time.perf_counter()
        found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, **options)
        published = htmldate.find_date(html, original_date=True, extensive_search=True)
        seconds += time.perf_counter() - began
        scores.append(score_page(page, found.title, found.author, published, found.text or ""))
    return scores, seconds


def date_scores() -> dict[str, tuple[int, int]]:
    """Phrases read right (the stated date, or none where none is stated) by each reader, as (right, of)."""
    import dateparser
    from dateparser.search import search_dates

    def first_found(text: str) -> date | None:
        found = search_dates(text, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False})
        return found[0][1].date() if found else None

    def parsed(text: str) -> date | None:
        value = dateparser.parse(text, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
        return value.date() if value else None

    def our_reading(text: str) -> date | None:
        found = parse_dateline(text)
        return found[0] if found else None

    readers = {"cleaning.parse_dateline": our_reading, "dateparser.parse": parsed, "dateparser.search_dates (first)": first_found}
    results = {}
    for name, read in readers.items():
        for kind, lines in (("whole lines", True), ("running text", False)):
            chosen = [(text, expected) for text, expected, whole in DATE_PHRASES if whole == lines]
            right = sum(read(text) == expected for text, expected in chosen)
            results[f"{name}, {kind}"] = (right, len(chosen))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", default="b6f7004")
    args = parser.parse_args()
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    sides = {
        f"loader at {args.baseline}": loader(gold, html_to_text_at(args.baseline)),
        "loader, this checkout": loader(gold),
        "trafilatura alone": library(gold),
        "trafilatura, favor_precision": library(gold, favor_precision=True),
    }
    print(f"{len(gold)} pages in {PAGES.relative_to(PROJECT_ROOT)}, scored against {GOLD.relative_to(PROJECT_ROOT)}")
    print(f"{'field':<20}" + "".join(f"{name:>30}" for name in sides))
    for field in FIELDS:
        print(f"{field:<20}" + "".join(f"{sum(s[field] for s in scores):>27.2f} /{len(scores)}" for scores, _ in sides.values()))
    print(f"{'seconds (all pages)':<20}" + "".join(f"{seconds:>30.3f}" for _, seconds in sides.values()))
    print("per page (headline, author, date, paragraphs, furniture):")
    for i, page in enumerate(gold):
        cells = [
            "".join("✓" if s[f] == 1 else ("·" if s[f] == 0 else "~") for f in FIELDS) for s in (scores[i] for scores, _ in sides.values())
        ]
        print(f"  {page['file']:<32}" + "".join(f"{c:>10}" for c in cells))
    print("date phrases read right:")
    began = time.perf_counter()
    for name, (right, of) in date_scores().items():
        print(f"  {name:<48} {right:>2} of {of}")
    print(f"  (all readers, {time.perf_counter() - began:.2f} s, dateparser's first call included)")


if __name__ == "__main__":
    main()
