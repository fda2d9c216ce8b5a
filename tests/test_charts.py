"""The briefing's charts stay legible from 1 to 50 articles and from none to 100 money figures: no text drawn over other
text (mediabrief.plotting.text_overlaps), no warning, and rows capped where a page would overflow. Tables made here."""

from __future__ import annotations

import warnings

import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd
import pytest

from mediabrief import briefing as bf
from mediabrief.claims import claims_heatmap
from mediabrief.lineage import lineage_figure
from mediabrief.money import COST_CHART_MAX_ROWS, cost_chart, cost_chart_rows, distinct_figures, figure_matrix_chart
from mediabrief.plotting import add_source_note, length_and_readability_chart, outlet_colors, text_overlaps

# Outlet names of the lengths real ones have, short and long.
NAMES = ["Alpha", "Meridian Institute for Strategic Studies", "The Daily Record of the Valley", "Beta Wire", "Kasumigaseki Quarterly"]


def outlets(n: int) -> list[str]:
    return [f"{NAMES[i % len(NAMES)]} {i}" for i in range(n)]


def articles(n: int) -> pd.DataFrame:
    names = outlets(n)
    return pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(n)],
            "outlet": names,
            "label": names,
            "n_words": [150 + 37 * i for i in range(n)],
            "flesch_kincaid_grade": [8 + (i % 7) * 0.9 for i in range(n)],
        }
    )


def mentions(n_figures: int, n_articles: int) -> pd.DataFrame:
    """``n_figures`` distinct amounts from $0 (a "nothing") to trillions, spread over the articles, some given twice."""
    amounts = [0.0] + [10 ** (3 + 9 * i / max(n_figures - 1, 1)) for i in range(1, n_figures)]
    rows = [
        (f"a{i % n_articles}", amount, ["program total", "part or unit cost", "budget or appropriation"][i % 3])
        for i, amount in enumerate(amounts)
    ]
    rows += rows[: n_figures // 4]  # a quarter given by a second mention
    table = pd.DataFrame(rows, columns=["article_id", "amount_usd", "referent"])
    return table.assign(
        amount_low_usd=table["amount_usd"],
        amount_high_usd=table["amount_usd"],
        is_vague=False,
        is_range=False,
        attributed_to=["White House", "Congressional Budget Office", "unattributed"] * (len(table) // 3) + ["CBO"] * (len(table) % 3),
        horizon_years=None,
        start=0,
    )


def drawn(fig) -> list:
    found = text_overlaps(fig)
    plt.close(fig)
    return found


@pytest.mark.parametrize(("n_figures", "n_articles"), [(0, 1), (1, 1), (12, 5), (100, 50)])
def test_the_cost_chart_has_a_row_per_distinct_figure_at_most_18_and_no_text_over_text(n_figures, n_articles):
    table, corpus = mentions(n_figures, n_articles), articles(n_articles)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = cost_chart(table, corpus, outlet_colors(corpus["outlet"]))
        rows = cost_chart_rows(table, corpus)
        matrix = figure_matrix_chart(distinct_figures(table, corpus), table, corpus, outlet_colors(corpus["outlet"]))
    assert len(fig.axes[0].get_yticks()) == min(len(rows), COST_CHART_MAX_ROWS)
    assert (rows["amount_low_usd"] > 0).all()  # the zero amount is left out of the log scale, and said so
    if n_figures:
        assert f"{1 + (n_figures >= 4)} zero amount" in fig.axes[0].get_xlabel()
    assert drawn(fig) == [] and drawn(matrix) == []


@pytest.mark.parametrize("n", [1, 5, 15, 50])
def test_readability_and_claims_charts_read_from_1_to_50_articles(n):
    corpus = articles(n)
    presence = pd.DataFrame(
        [[(i + j) % 3 for j in range(n)] for i in range(18)], index=[f"claim_{i}" for i in range(18)], columns=outlets(n)
    )
    codebook = {"claims": [{"id": f"claim_{i}", "label": f"A claim of some length, number {i}, about the shield"} for i in range(18)]}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        readability = length_and_readability_chart(corpus, outlet_colors(corpus["outlet"]))
        heatmap = claims_heatmap(presence, codebook)
    for fig in (readability, heatmap):
        add_source_note(fig, "Source: a made-up corpus of this many articles, analysed by mediabrief.")
    assert drawn(readability) == [] and drawn(heatmap) == []


@pytest.mark.parametrize("n", [3, 15, 50])
def test_the_lineage_chart_reads_at_15_articles_and_folds_beyond(n):
    graph = nx.DiGraph()
    sources = ["Reuters", "Congressional Budget Office", "Nikkei", "Kyodo News"]
    for i, name in enumerate(outlets(n)):
        graph.add_node(f"a{i}", kind="article", label=name)
        graph.add_node(sources[i % 4], kind="source", label=sources[i % 4])
        graph.add_edge(f"a{i}", sources[i % 4], kind="cites")
        if i % 3 == 1:  # every third article quotes the one before it
            graph.add_edge(f"a{i}", f"a{i - 1}", kind="quotes")
    colors = outlet_colors(outlets(n))
    fig = lineage_figure(graph, colors, title=f"{n} articles")
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert any("(" in label and "article" in label for label in labels) == (n > 15)
    assert drawn(fig) == []


def test_the_stance_overview_counts_labels_per_target():
    stance = pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(40)] * 2,
            "target": ["dome"] * 40 + ["japan"] * 40,
            "label": (["supportive"] * 5 + ["critical"] * 10 + ["neutral"] * 25) + (["not discussed"] * 30 + ["neutral"] * 10),
        }
    )
    fig = bf.stance_overview_chart(stance, {"dome": "the dome", "japan": "Japan's part"}, "Source: made up.")
    assert fig.axes[0].get_title(loc="left") == "On the dome, 5 articles are supportive, 10 critical, 25 neutral"
    assert drawn(fig) == []
    assert sorted(t.get_text() for t in fig.axes[0].texts) == ["10", "10", "25", "30", "5"]


def test_a_stance_count_too_wide_for_its_segment_is_not_printed():
    # one supportive and one neutral article of eighty: "1" and "1" would print over each other and the bar's end
    stance = pd.DataFrame({"article_id": [f"a{i}" for i in range(80)], "target": ["japan"] * 80})
    stance["label"] = ["supportive", "neutral"] + ["not discussed"] * 78
    fig = bf.stance_overview_chart(stance, {"japan": "Japan's part"}, "Source: made up.")
    assert [t.get_text() for t in fig.axes[0].texts] == ["78"]


def test_an_outlet_named_by_a_long_web_address_keeps_its_start_on_the_claims_chart():
    outlets_shown = ["Dawn", "main.d358xbzettaslu.amplifyapp.com"]
    presence = pd.DataFrame([[1, 2]], index=["claim_0"], columns=outlets_shown)
    fig = claims_heatmap(presence, {"claims": [{"id": "claim_0", "label": "The shield costs $175 billion"}]})
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert labels == ["Dawn", "main.d358xbzettaslu.amp…"]
