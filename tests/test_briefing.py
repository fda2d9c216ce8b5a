"""The briefing's sentences come from the tables: hand-made tables in, sentences with the right numbers out."""

import warnings

import pandas as pd

from mediabrief import briefing as bf

ARTICLES = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["Alpha", "Beta", "Gamma"], "file": ["a.txt", "b.txt", "c.txt"]})


def money(rows: list[tuple]) -> pd.DataFrame:
    columns = ["article_id", "surface", "amount_usd", "referent", "attributed_to", "horizon_years"]
    table = pd.DataFrame(rows, columns=columns)
    return table.assign(
        amount_low_usd=table["amount_usd"], amount_high_usd=table["amount_usd"], is_range=False, is_vague=False, start=0, sentence=""
    )


def test_cost_judgment_states_the_range_and_the_ratio_of_the_most_reported_figure():
    table = money(
        [
            ("a", "$100 billion", 100e9, "total cost", "Ministry", None),
            ("b", "$300 billion", 300e9, "total cost", "Auditor", 10),
            ("c", "$2 billion", 2e9, "pledge", "Ruritania", None),
        ]
    )
    sentence = bf.cost_judgment({"money.csv": table, "articles.csv": ARTICLES})
    assert sentence.startswith("Figures for the total cost run from $100 billion to $300 billion in 2 sources")
    assert "Auditor’s $300 billion (over 10 years) is 3.0 times Ministry’s $100 billion" in sentence
    assert sentence.endswith("1 other figure covers pledge.")


def test_a_total_most_sources_read_as_another_kind_of_figure_leaves_the_range_of_totals():
    # Ten sources: $175 billion is a total in eight and a budget line in none; $25 billion is a total in two and a budget
    # line in eight (misread twice); $1.2 trillion is a total in three.
    ids = [f"s{k}" for k in range(10)]
    rows = [(i, "$175 billion", 175e9, "total cost", "", None) for i in ids[:8]]
    rows += [(i, "$25 billion", 25e9, "total cost", "", None) for i in ids[8:]]
    rows += [(i, "$25 billion", 25e9, "budget", "", None) for i in ids[:8]]
    rows += [(i, "$1.2 trillion", 1.2e12, "total cost", "", 20) for i in ids[:3]]
    articles = pd.DataFrame({"article_id": ids, "outlet": ids, "file": [f"{i}.txt" for i in ids]})
    sentence = bf.cost_judgment({"money.csv": money(rows), "articles.csv": articles}, "total cost")
    assert sentence.startswith(
        "Figures for the total cost that two or more of its 10 sources give run from $175 billion to $1.2 trillion"
        " (1 more that most sources giving it read as another kind of figure)"
    )


def test_a_years_slice_of_a_total_stays_out_of_the_range_of_totals():
    # "$1.2 trillion over two decades is about $60 billion a year": a total read over one year is no total of its own.
    rows = [("a", "$175 billion", 175e9, "total cost", "", None), ("b", "$1.2 trillion", 1.2e12, "total cost", "", 20)]
    rows += [("c", "$60 billion", 60e9, "total cost", "", 1)]
    sentence = bf.cost_judgment({"money.csv": money(rows), "articles.csv": ARTICLES}, "total cost")
    assert sentence.startswith(
        "Figures for the total cost run from $175 billion to $1.2 trillion in 2 sources (1 per-year figure left out)"
    )


def test_one_repeated_total_is_stated_as_one_amount_not_a_range_from_it_to_itself():
    ids = [f"s{k}" for k in range(9)]
    rows = [(i, "$175 billion", 175e9, "total cost", "", None) for i in ids[:8]] + [(ids[8], "$2 trillion", 2e12, "total cost", "", None)]
    articles = pd.DataFrame({"article_id": ids, "outlet": ids, "file": [f"{i}.txt" for i in ids]})
    sentence = bf.cost_judgment({"money.csv": money(rows), "articles.csv": articles}, "total cost")
    assert sentence.startswith("Figures for the total cost that two or more of its 9 sources give are all $175 billion (1 more given once)")


def test_stance_judgment_counts_own_voice_labels_and_names_the_strongest_verdicts():
    stance = pd.DataFrame(
        {
            "article_id": ["a", "b", "c", "d"],
            "target": ["shield"] * 4,
            "score": [-0.6, -0.9, 0.7, float("nan")],
            "label": ["critical", "neutral", "supportive", "not discussed"],
            "confidence": [0.9, 0.6, 0.8, 1.0],
        }
    )
    codebook = {"stance": {"targets": {"shield": {"label": "the shield"}}}}
    articles = pd.concat([ARTICLES, pd.DataFrame({"article_id": ["d"], "outlet": ["Delta"], "file": ["d.txt"]})])
    sentence = bf.stance_judgment({"stance.csv": stance, "articles.csv": articles}, codebook)
    # The neutral article's -0.90 (one stray word, too little to decide) is not named as a verdict.
    assert sentence == (
        "Toward the shield, in their own voice: 1 supportive, 1 neutral, 1 critical; 1 does not discuss it. "
        "The strongest verdicts: most critical, Alpha (-0.60, confidence 90%); most supportive, Gamma (+0.70, confidence 80%)."
    )


def test_stance_judgment_says_when_no_outlet_takes_a_side():
    stance = pd.DataFrame({"article_id": ["a"], "target": ["shield"], "score": [0.1], "label": ["neutral"], "confidence": [1.0]})
    sentence = bf.stance_judgment({"stance.csv": stance, "articles.csv": ARTICLES}, {"stance": {"targets": {"shield": {}}}})
    assert sentence.endswith("No outlet takes a side in its own voice; the quoted voices carry the debate.")


def test_voices_judgment_gives_the_top_speaker_and_share():
    quotes = pd.DataFrame({"article_id": ["a", "b", "b"], "speaker": ["Ann", "Ann", "Bo"], "n_words": [30, 30, 40]})
    assert bf.voices_judgment({"quotes.csv": quotes}) == (
        "Ann dominates the quotations: 60 quoted words, 60% of all, in 2 articles; 2 speakers are quoted in all."
    )


def _edges(rows: list[tuple[str, str, str, str]], isolated: list[tuple[str, str]] = ()) -> pd.DataFrame:
    """A lineage edge table from (source, target, source kind, target kind) rows (labels: the ids, articles' outlets)
    and isolated articles (id, outlet), as lineage.lineage_edges writes it."""
    label = dict(zip(ARTICLES["article_id"], ARTICLES["outlet"], strict=True))
    table = [(u, v, "cites", label.get(u, u), label.get(v, v), uk, vk) for u, v, uk, vk in rows]
    table += [(a, "", "", outlet, "", "article", "") for a, outlet in isolated]
    return pd.DataFrame(table, columns=["source", "target", "kind", "source_label", "target_label", "source_kind", "target_kind"])


def _lineage_tables(rows, origins: list[str], isolated=()) -> dict:
    """The tables origins_judgment reads: known origins, the edge table from :func:`_edges` rows, the articles."""
    return {"origins.csv": pd.DataFrame({"origin": origins}), "lineage_edges.csv": _edges(rows, isolated), "articles.csv": ARTICLES}


def test_origins_judgment_names_every_origin_tied_for_most_shared():
    rows = [("a", "Wire", "article", "source"), ("b", "Ministry", "article", "source")]
    rows += [("c", "Wire", "article", "source"), ("c", "Ministry", "article", "source")]
    tables = _lineage_tables(rows, ["Wire", "Ministry"])
    assert bf.origins_judgment(tables).endswith(
        "The most shared are Ministry and Wire: 2 of the 3 lead back to each, directly or through another source."
    )


def test_origins_judgment_counts_origins_and_the_most_shared():
    rows = [("a", "Wire", "article", "source"), ("b", "Wire", "article", "source")]
    rows += [("c", "Ministry", "article", "source"), ("Wire", "Daily", "source", "source")]
    tables = _lineage_tables(rows, ["Daily", "Ministry"])
    assert bf.origins_judgment(tables) == (
        "3 of the 3 articles trace back to 2 known origins (Daily, Ministry); every article has a source found. "
        "The most shared is Daily, which 2 of the 3 lead back to, directly or through another source."
    )


def test_articles_without_a_source_found_are_their_own_origins_and_said_so():
    # a cites the Wire; b and c cite nothing and reuse nothing: the sentence must not say 3 articles trace back to 1 origin.
    tables = _lineage_tables([("a", "Wire", "article", "source")], ["Wire"], isolated=[("b", "Beta"), ("c", "Gamma")])
    assert bf.origins_judgment(tables).startswith(
        "1 of the 3 articles trace back to 1 known origin (Wire); 2 have no source found, each its own origin."
    )


def test_the_lineage_chart_groups_unsourced_articles_in_one_box_with_dark_text():
    edges = _edges([("a", "Wire", "article", "source")], isolated=[("b", "Beta"), ("c", "Gamma")])
    tables = {"origins.csv": pd.DataFrame({"origin": ["Wire"]}), "lineage_edges.csv": edges, "articles.csv": ARTICLES}
    fig = bf.lineage_chart(tables, {"Alpha": "#0072B2"}, "Source: test.")
    texts = [t for t in fig.axes[0].texts]
    box = [t.get_text() for t in texts if t.get_text().startswith("No source found")]
    assert box == ["No source found (2): Beta · Gamma"]
    assert fig.axes[0].get_title(loc="left") == "1 of 3 articles trace back to 1 known origin; 2 have no source found"
    assert all(t.get_color() == "#222222" for t in texts)  # dark text, on light fills


def test_nothing_to_say_gives_no_sentence_and_an_empty_bottom_line():
    empty = {
        "articles.csv": ARTICLES,
        "money.csv": money([]),
        "stance.csv": pd.DataFrame({"article_id": [], "target": [], "score": [], "label": []}),
        "quotes.csv": pd.DataFrame({"article_id": [], "speaker": [], "n_words": []}),
        "money_discrepancies.csv": pd.DataFrame(),
    }
    assert bf.bottom_line(empty, {}) == []


def test_every_bottom_line_sentence_has_a_number():
    table = money(
        [("a", "$100 billion", 100e9, "total cost", "Ministry", None), ("b", "$300 billion", 300e9, "total cost", "Auditor", None)]
    )
    quotes = pd.DataFrame({"article_id": ["a"], "speaker": ["Ann"], "n_words": [12]})
    for sentence in bf.bottom_line({"money.csv": table, "quotes.csv": quotes, "articles.csv": ARTICLES}, {}):
        assert any(ch.isdigit() for ch in sentence), sentence


def test_excerpts_keep_the_figure_and_cut_the_rest():
    sentence = " ".join(f"w{i}" for i in range(40)) + " costs $5 billion " + " ".join(f"v{i}" for i in range(40))
    cut = bf.excerpt(sentence, "$5 billion", words=5)
    assert cut.startswith("… ") and cut.endswith(" …") and "$5 billion" in cut and len(cut.split()) == 2 + 5 + 2 + 5


def test_money_for_tables_is_in_billions_with_one_decimal():
    assert [bf.billions(v) for v in (831e9, 61e9, 1.25e12)] == ["$831.0 bn", "$61.0 bn", "$1,250.0 bn"]


STORY = {"story": {"title": "Japan and the Golden Dome", "subject": "Japan and the shield", "corpus": "data/raw"}}
TARGETS = {"stance": {"targets": {"shield": {"label": "the shield"}}}}


def test_the_codebook_title_is_kept_only_for_its_own_corpus_and_outlets_are_counted(tmp_path):
    from mediabrief.config import RAW_DIR

    tables = {"articles.csv": ARTICLES}
    assert bf.title_and_subtitle(tables, STORY, RAW_DIR) == (
        "Japan and the Golden Dome",
        "A media briefing on how three outlets covered Japan and the shield.",
    )
    # Another folder: the title and subtitle come from the data (the first target; how many articles discuss it).
    stance = pd.DataFrame({"article_id": ["a", "b", "c"], "target": ["shield"] * 3, "label": ["critical", "neutral", "not discussed"]})
    title, subtitle = bf.title_and_subtitle({**tables, "stance.csv": stance}, {**STORY, **TARGETS}, tmp_path)
    assert (title, subtitle) == (
        "The shield in 3 articles",
        "A media briefing on how three outlets covered the shield (2 of the 3 discuss it).",
    )


def test_a_corpus_that_never_discusses_the_target_is_not_said_to_cover_it(tmp_path):
    stance = pd.DataFrame({"article_id": ["a"], "target": ["shield"], "label": ["not discussed"]})
    tables = {"articles.csv": ARTICLES.head(1), "stance.csv": stance}
    assert bf.title_and_subtitle(tables, {**STORY, **TARGETS}, tmp_path) == (
        "1 article from one outlet",
        "A media briefing on 1 article from one outlet; none discusses the shield.",
    )


def test_a_corpus_story_yaml_overrides_the_codebook(tmp_path):
    (tmp_path / "story.yaml").write_text("story:\n  title: Harbour works\n  subject: the new harbour\n", encoding="utf-8")
    tables = {"articles.csv": ARTICLES.assign(outlet=["Alpha", "Alpha", "Beta"])}
    assert bf.title_and_subtitle(tables, STORY, tmp_path) == (
        "Harbour works",
        "A media briefing on how two outlets covered the new harbour.",
    )


def test_a_leaning_score_under_a_neutral_label_is_explained_with_the_codebook_thresholds():
    stance = pd.DataFrame(
        {
            "article_id": ["a", "b"],
            "target": ["shield"] * 2,
            "score": [-1.0, 0.1],
            "label": ["neutral", "neutral"],
            "confidence": [1.0, 1.0],
        }
    )
    codebook = {"stance": {"targets": {"shield": {}}, "thresholds": {"supportive": 0.2, "critical": -0.2, "min_net": 1.5}}}
    sentence = bf.stance_judgment({"stance.csv": stance, "articles.csv": ARTICLES}, codebook)
    assert sentence.endswith(
        "1 outlet labelled neutral leans by average score (up to -1.00), but its evaluative sentences are too few or too mixed "
        "to decide a side (a side needs a net of 1.5)."
    )


def test_the_voices_chart_ranks_named_speakers_and_counts_the_unattributed_words_apart():
    summary = pd.DataFrame({"speaker": ["Ann", "(unattributed)", "Bo"], "outlet": ["Alpha", "Beta", "Beta"], "n_words": [30, 90, 10]})
    fig = bf.voices_chart(summary, {"Alpha": "#000000", "Beta": "#111111"}, "Source: test.")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Bo", "Ann"]
    assert ax.get_title(loc="left") == "Ann gets the most quoted words (30), in 1 outlet"
    assert ax.get_xlabel().endswith("90 more have no speaker found")


def test_the_voices_chart_of_a_speaker_quoted_in_two_dozen_outlets_draws_without_a_layout_warning():
    # the underlying chart once listed every outlet in its title, too tall to lay out: matplotlib's warning was printed
    # into a briefing of 97 real articles
    outlets = [f"Outlet number {i}" for i in range(24)]
    summary = pd.DataFrame({"speaker": ["Donald Trump"] * 24 + ["Ann"], "outlet": [*outlets, outlets[0]], "n_words": [20] * 24 + [5]})
    colors = {o: "#000000" for o in outlets}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = bf.voices_chart(summary, colors, "Source: test.")
    assert fig.axes[0].get_title(loc="left") == "Donald Trump gets the most quoted words (480), in 24 outlets"


def test_the_sources_table_shows_a_dash_not_nan_for_an_article_without_a_grade():
    from mediabrief.reporting import sources_table

    articles = pd.DataFrame(
        {
            "outlet": ["Alpha", "Beta"],
            "published": pd.to_datetime(["2025-06-04", None]),
            "url": ["", ""],
            "title": ["A headline", ""],
            "author": ["", ""],
            "n_words": [120, 80],
            "flesch_kincaid_grade": [9.04, float("nan")],
        }
    )
    assert sources_table(articles)["Grade"].tolist() == ["9.0", "—"]


def test_a_dispute_over_which_figure_a_source_gives_names_the_source_not_an_empty_amount(tmp_path):
    # The discrepancy table as the notebook writes it and the briefing reads it back (an empty amount becomes NaN).
    table = pd.DataFrame(
        {
            "kind": ["same referent and source, different amount"],
            "amount": [""],
            "referent": ["program total"],
            "attributed_to": ["Congressional Budget Office"],
            "outlet_a": ["Alpha; Beta"],
            "value_a": ["$542 billion"],
            "outlet_b": ["Gamma"],
            "value_b": ["$831 billion"],
        }
    )
    table.to_csv(tmp_path / "money_discrepancies.csv", index=False)
    found = bf.discrepancy_judgment({"money_discrepancies.csv": pd.read_csv(tmp_path / "money_discrepancies.csv")})
    assert found == (
        "Sources disagree once about what a figure is or who gives it, involving 3 outlets; for the program total from "
        "Congressional Budget Office, Alpha and Beta give “$542 billion” where Gamma gives “$831 billion”."
    )


def test_the_example_disagreement_is_the_one_with_most_outlets_on_its_smaller_side():
    found = pd.DataFrame(
        {
            "kind": ["same amount, different referent"] * 2,
            "amount": ["$150 billion", "$25 billion"],
            "referent": ["", ""],
            "attributed_to": ["", ""],
            "outlet_a": ["A; B; C; D; E", "F; G"],
            "value_a": ["budget or appropriation", "budget or appropriation"],
            "outlet_b": ["H", "I; J; K"],
            "value_b": ["partner purchase or pledge", "program total"],
        }
    )
    sentence = bf.discrepancy_judgment({"money_discrepancies.csv": found})
    assert sentence.startswith("Sources disagree twice") and "for $25 billion, F and G give" in sentence


def test_only_the_sides_of_a_disagreement_are_versions_of_a_figure():
    # Three outlets read $90 billion as the programme's total or its first budget line; a fourth reads its own figure as
    # a unit cost, which no check let stand as a side (the discrepancy table has no such row): it is no version.
    money = pd.DataFrame(
        {
            "article_id": ["a", "b", "c", "d"],
            "surface": ["$90 billion"] * 4,
            "amount_low_usd": [90e9] * 4,
            "amount_high_usd": [90e9] * 4,
            "referent": ["program total", "program total", "budget or appropriation", "part or unit cost"],
            "attributed_to": ["unattributed"] * 4,
            "sentence": [
                "The shield will cost $90 billion in all.",
                "Its total is put at $90 billion.",
                "Congress set aside $90 billion this year.",
                "Launch Costs and $90 billion Hopes",
            ],
        }
    )
    articles = pd.DataFrame({"article_id": ["a", "b", "c", "d"], "outlet": ["Alpha", "Beta", "Gamma", "Delta"]})
    found = pd.DataFrame(
        {
            "kind": ["same amount, different referent"],
            "amount": ["$90 billion"],
            "referent": [""],
            "attributed_to": [""],
            "outlet_a": ["Alpha; Beta"],
            "value_a": ["program total"],
            "sentence_a": ["The shield will cost $90 billion in all."],
            "outlet_b": ["Gamma"],
            "value_b": ["budget or appropriation"],
            "sentence_b": ["Congress set aside $90 billion this year."],
        }
    )
    rows = bf.disputed_versions({"money_discrepancies.csv": found, "money.csv": money, "articles.csv": articles})
    assert rows[["Version", "Sources"]].values.tolist() == [["program total", "Alpha; Beta"], ["budget or appropriation", "Gamma"]]
    assert rows["Disputed"].nunique() == 1 and rows["Disputed"].iloc[0].endswith("what it covers")
    assert rows["Example"].iloc[1] == "“Congress set aside $90 billion this year.”"
    # a sum in another currency is named as written, with its dollars; a side of many outlets is cut in the table
    yen = money.assign(surface="¥13 trillion", currency="JPY", sentence=money["sentence"].str.replace("$90 billion", "¥13 trillion"))
    many = found.assign(outlet_a="; ".join(f"Outlet {k}" for k in range(9)))
    articles = pd.DataFrame({"article_id": list("abcd"), "outlet": ["Outlet 0", "Outlet 1", "Gamma", "Delta"]})
    rows = bf.disputed_versions({"money_discrepancies.csv": many, "money.csv": yen, "articles.csv": articles})
    assert rows["Disputed"].iloc[0] == "¥13 trillion ($90.0 bn): what it covers"
    assert rows["Sources"].iloc[0] == "Outlet 0; Outlet 1; Outlet 2; Outlet 3; Outlet 4 and 4 more"


def test_the_method_counts_the_figures_read_as_most_articles_read_their_amount():
    articles = pd.DataFrame({"article_id": ["a", "b"]})
    money = pd.DataFrame({"referent_cue": ["estimated", "as 3 of the 3 other articles giving $175 billion read it", "per satellite"]})
    extraction = bf.method_and_limits({"articles.csv": articles, "money.csv": money}, None)[2]
    assert (
        "read as most articles giving the same amount read it, or as the codebook lists the story's known figures: 1 figure here"
        in extraction
    )
    plain = bf.method_and_limits({"articles.csv": articles, "money.csv": money.iloc[[0, 2]]}, None)[2]
    assert "known figures" not in plain and "cue words in their clause;" in plain


def test_the_ranked_sources_note_says_which_known_origins_are_articles_others_reuse():
    from mediabrief.lineage import LINEAGE_MAX_SOURCES

    # a, b, c cite sixteen sources between them, and c reuses a passage of d, which cites nothing: d is a known origin
    sources = [f"Source {i:02d}" for i in range(LINEAGE_MAX_SOURCES + 1)]
    rows = [(("a", "b", "c")[i % 3], s, "article", "source") for i, s in enumerate(sources)] + [("c", "d", "article", "article")]
    tables = {"origins.csv": pd.DataFrame({"origin": [*sources, "d"]}), "lineage_edges.csv": _edges(rows), "articles.csv": ARTICLES}
    fig = bf.lineage_chart(tables, {}, "Source: test.", max_articles=2)
    note = " ".join(t.get_text() for t in fig.texts).replace("\n", " ")
    assert fig.axes[0].get_title(loc="left").startswith("3 of 4 articles trace back to 17 known origins")
    assert f"The {LINEAGE_MAX_SOURCES} of 16 sources most articles lead back to; 1 more in lineage_edges.csv." in note
    assert "1 of the known origins is an article others reuse, not ranked here." in note


def test_an_outlets_deciding_sentences_are_each_shown_once():
    stance = pd.DataFrame({"article_id": ["a"], "target": ["golden_dome"], "label": ["neutral"], "score": [0.0], "quoted_score": [None]})
    evidence = pd.DataFrame(
        {
            "article_id": ["a", "a"],
            "target": ["golden_dome", "golden_dome"],
            "rank": [1, 2],
            "sentence": ["It is “costly”.", "It is “costly”."],
        }
    )
    codebook = {"stance": {"targets": {"golden_dome": {}}}}
    shown = bf.evidence_by_outlet({"stance.csv": stance, "stance_evidence.csv": evidence, "articles.csv": ARTICLES}, codebook)
    assert "“It is ‘costly’.”" in shown.to_string() and shown.to_string().count("costly") == 1


def test_a_long_reused_passage_is_cut_to_a_few_lines_in_print_and_kept_whole_in_the_table():
    passage = '60-word passage: "' + " ".join(["word"] * 60) + '"'
    reuse = pd.DataFrame(
        {
            "file_a": ["a.txt"],
            "file_b": ["b.txt"],
            "relation": ["quotes"],
            "verbatim_words": [60],
            "similarity": [0.5],
            "evidence": [passage],
        }
    )
    shown = bf.reuse_rows({"reuse.csv": reuse, "articles.csv": ARTICLES})["Evidence"].iloc[0]
    assert len(shown) <= bf.REUSE_EVIDENCE_CHARS and shown.startswith('60-word passage: "word') and shown.endswith(' …"')
    assert reuse["evidence"].iloc[0] == passage


def test_a_vague_size_is_listed_in_its_own_words_with_the_range_it_is_read_as():
    table = money([("a", "$40 billion", 40e9, "total cost", "Ministry", None), ("b", "Multibillion-dollar", 2e9, "total cost", "", None)])
    table.loc[1, ["amount_high_usd", "is_vague"]] = [10e9, True]
    rows = bf.money_figure_rows(bf.cost_chart_rows(table, ARTICLES))
    assert rows["Amount"].tolist() == ["$40 billion", "multibillion-dollar (read as $2 billion–$10 billion)"]


def test_two_amounts_from_one_source_show_when_each_side_was_published():
    # One office's programme total at two amounts, a year apart: each version says when its dated articles came out, so
    # that a reader sees a later estimate rather than two outlets at odds (an undated article adds no date).
    money = pd.DataFrame(
        {
            "article_id": ["a", "b", "c"],
            "surface": ["$400 billion", "$400 billion", "$900 billion"],
            "amount_low_usd": [400e9, 400e9, 900e9],
            "amount_high_usd": [400e9, 400e9, 900e9],
            "referent": ["program total"] * 3,
            "attributed_to": ["Audit Office"] * 3,
            "sentence": ["The Audit Office put it at $400 billion.", "Auditors: $400 billion.", "The Audit Office now says $900 billion."],
        }
    )
    articles = pd.DataFrame(
        {"article_id": ["a", "b", "c"], "outlet": ["Alpha", "Beta", "Gamma"], "published": ["2025-05-02", "", "2026-04-20"]}
    )
    found = pd.DataFrame(
        {
            "kind": ["same referent and source, different amount"],
            "amount": [""],
            "referent": ["program total"],
            "attributed_to": ["Audit Office"],
            "outlet_a": ["Alpha; Beta"],
            "value_a": ["$400 billion"],
            "sentence_a": ["The Audit Office put it at $400 billion."],
            "outlet_b": ["Gamma"],
            "value_b": ["$900 billion"],
            "sentence_b": ["The Audit Office now says $900 billion."],
        }
    )
    rows = bf.disputed_versions({"money_discrepancies.csv": found, "money.csv": money, "articles.csv": articles})
    assert rows["Version"].tolist() == ["$400.0 bn (dated articles: May 2025)", "$900.0 bn (dated articles: Apr 2026)"]


def test_two_articles_of_one_outlet_are_told_apart_where_the_stance_table_lists_articles():
    articles = pd.DataFrame(
        {"article_id": ["a", "b"], "outlet": ["Beta", "Beta"], "file": ["a.txt", "b.txt"], "published": ["2025-05-28", "2025-07-15"]}
    )
    stance = pd.DataFrame(
        {
            "article_id": ["a", "b"],
            "target": ["golden_dome"] * 2,
            "label": ["critical", "neutral"],
            "score": [-0.5, 0.0],
            "confidence": [0.9, 1.0],
            "n_evidence": [2, 0],
            "quoted_score": [None, None],
        }
    )
    evidence = pd.DataFrame({"article_id": ["a"], "target": ["golden_dome"], "rank": [1], "sentence": ["It is a boondoggle."]})
    shown = bf.evidence_by_outlet(
        {"stance.csv": stance, "stance_evidence.csv": evidence, "articles.csv": articles}, {"stance": {"targets": {"golden_dome": {}}}}
    )
    rows, rest = bf.evidence_rows_and_rest(shown)
    assert rows["Outlet"].tolist() == ["Beta, 28 May 2025"]
    assert rest == "No sentence of its own judges it in 1 article (neutral): Beta, 15 Jul 2025."


def test_the_most_shared_origin_is_named_by_its_outlet_where_it_is_an_article_others_reuse():
    tables = _lineage_tables([("a", "c", "article", "article"), ("b", "c", "article", "article")], ["c"])
    assert bf.origins_judgment(tables).endswith(
        "The most shared is Gamma, which 2 of the 3 lead back to, directly or through another source."
    )


def test_the_sourcing_sentence_ranks_no_outlet_where_every_outlet_names_no_one():
    rows = pd.DataFrame(
        {"outlet": ["A", "A", "B", "B"], "sourcing": ["named person", "unnamed"] * 2, "n_sentences": [0, 3, 0, 2], "share": [0.0, 1.0] * 2}
    )
    assert bf.sourcing_summary({"sourcing.csv": rows}) == "None of the 2 outlets with claim sentences names a person or body in them."
