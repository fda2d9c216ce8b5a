"""The gallery: the briefing built for corpora nobody tuned its layout on, read as a reader reads it.

Four corpora, each built once for the session (tests/conftest.py, `gallery`), with every notebook's warnings turned
into errors and every saved figure checked for overlapping text (a build with either fails, naming the notebook and
cell, or the figure and texts): the seeds; one hostile article (its text and metadata try to become code); the
development corpus (104 articles); a generated corpus of 50. Their HTML and PDF text are then checked for what should never reach a reader.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pandas as pd
import pytest
from test_build import SECTIONS, read_page

from mediabrief.briefing import PER_ARTICLE_MAX
from mediabrief.plotting import OVERLAPS_SUFFIX, text_overlaps

GALLERY = ["seeds", "one_article", "dev_corpus", "generated_50"]
# Analysis-notebook figures (not the briefing's) known to crowd their text at 50 and 80 articles: one row or column per
# article in stance.stance_chart and voices.frames_heatmap. Any other figure with overlapping text fails the test.
KNOWN_CROWDED_NOTEBOOK_FIGURES = {"stance_by_source", "frames_by_source"}
# What Python prints when something goes wrong, and what pandas prints for a missing value.
LEAKS = re.compile(r"\b(?:nan|NaN|None|NaT|Traceback|\w+Warning|\w+Error)\b")


def pdf_text(path) -> str:
    """The PDF's text as poppler's pdftotext reads it, one string per page."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: install poppler-utils (apt-get install poppler-utils; .ci/run does)")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")


@pytest.mark.parametrize("name", GALLERY)
def test_no_warning_error_or_missing_value_reaches_the_page(gallery, name):
    out = gallery[name]
    html = (out / "briefing.html").read_text(encoding="utf-8")
    assert 'data-mime-type="application/vnd.jupyter.stderr"' not in html, "a cell wrote to stderr: its text is on the page"
    visible = read_page(out / "briefing.html").visible
    assert not LEAKS.findall(visible), LEAKS.findall(visible)
    pages = pdf_text(out / "briefing.pdf")
    assert not LEAKS.findall(" ".join(pages)), LEAKS.findall(" ".join(pages))


@pytest.mark.parametrize("name", GALLERY)
def test_every_section_is_there_and_says_something(gallery, name):
    html = (gallery[name] / "briefing.html").read_text(encoding="utf-8")
    page = read_page(gallery[name] / "briefing.html")
    assert [h for h in page.headings if h in SECTIONS] == SECTIONS
    # The text between one section heading and the next: never empty.
    parts = re.split(r"<h2[^>]*>", html)[1:]
    for part in parts:
        heading = re.sub(r"<[^>]+>", "", part.split("</h2>")[0]).strip()
        body = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", part.split("</h2>", 1)[1])).strip()
        assert len(body) > 20, f"section {heading!r} is empty"


@pytest.mark.parametrize("name", GALLERY)
def test_no_page_is_blank_and_short_corpora_fit_eight_pages(gallery, name):
    out = gallery[name]
    pages = pdf_text(out / "briefing.pdf")
    pages = pages[:-1] if not pages[-1].strip() else pages  # pdftotext ends with a form feed
    n_articles = len(pd.read_csv(out / "articles.csv"))
    # A page holds more than its footer ("Page 3 of 9") and a stray line.
    blank = [i + 1 for i, text in enumerate(pages) if len(re.sub(r"Page \d+ of \d+|\s+", "", text)) < 40]
    assert not blank, f"blank pages: {blank}"
    if n_articles <= PER_ARTICLE_MAX:
        assert len(pages) <= 8
    else:
        assert "Appendix" in " ".join(pages)


@pytest.mark.parametrize("name", GALLERY)
def test_the_title_and_subtitle_count_what_this_corpus_has(gallery, name):
    out = gallery[name]
    articles = pd.read_csv(out / "articles.csv")
    visible = read_page(out / "briefing.html").visible
    n_outlets = articles["outlet"].nunique()
    words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}
    assert re.search(rf"(?:how|from) {words.get(n_outlets, n_outlets)} outlet", visible)
    assert f"{len(articles)} article{'s' * (len(articles) != 1)} from {n_outlets} outlet" in visible


def test_the_codebook_title_is_only_used_for_the_corpus_it_was_written_for(gallery):
    from mediabrief.codebook import load_codebook

    title = load_codebook()["story"]["title"]
    assert title in read_page(gallery["seeds"] / "briefing.html").visible
    for name in ("one_article", "dev_corpus", "generated_50"):
        assert title not in read_page(gallery[name] / "briefing.html").visible


def test_analysis_notebook_figures_overlap_only_where_known(gallery):
    crowded = {
        f"{name}: {path.name.removesuffix(OVERLAPS_SUFFIX)}"
        for name in GALLERY
        for path in (gallery[name] / "figures").glob(f"*{OVERLAPS_SUFFIX}")
    }
    assert {c.split(": ")[1] for c in crowded} <= KNOWN_CROWDED_NOTEBOOK_FIGURES, sorted(crowded)


def test_figures_were_checked_and_the_checker_finds_overlaps(gallery):
    # Every gallery build ran with MEDIABRIEF_CHECK_FIGURES: a figure with overlapping text would have failed it.
    for name in GALLERY:
        assert list((gallery[name] / "figures").glob("*.png"))
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(2, 1))
    ax.set_xticks([0, 0.1], ["a long tick label", "another long tick label"])
    assert text_overlaps(fig)
    plt.close(fig)
