"""The story over time, and what changed since the last briefing.

Coverage by period and outlet (undated articles counted apart, never dropped), programme-total estimates placed at
their article's publication date, stance by outlet over time, and a history of the analysis tables: each build keeps a
dated snapshot of its tables under ``OUT/history/`` and the next build for the same ``OUT`` compares with it.

Every function takes DataFrames as the analysis writes them (``articles.csv``, ``money.csv``, ``stance.csv``, ...) and
returns a DataFrame, a sentence or a figure; nothing is typed that the tables do not say.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import tempfile
import textwrap
from datetime import date
from pathlib import Path
from typing import NamedTuple

import pandas as pd
from matplotlib.figure import Figure

from .money import UNATTRIBUTED, format_usd, given_as_estimates
from .reporting import format_date
from .textutils import in_quotes

Tables = dict[str, pd.DataFrame]

HISTORY = "history"
SNAPSHOT_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:-(\d+))?$")
# What changes between two builds, in the order the briefing lists them.
CHANGE_KINDS = ["new article", "article gone", "new outlet", "new figure", "new claim", "new contradiction", "stance moved"]
CHANGE_COLUMNS = ["since", "kind", "outlet", "what", "before", "after", "evidence", "article_id"]
# The changes whose evidence is a sentence of an article, in the order the briefing's table prints them.
EVIDENCED = ["stance moved", "new contradiction", "new figure", "new claim"]
# The rows a comparison writes when it has no change to list, so a reader of changes.csv knows which case it is.
NO_SNAPSHOT, NO_CHANGE = "nothing to compare yet", "no change"
LABEL_COLORS = {"critical": "#D55E00", "neutral": "#999999", "supportive": "#0072B2", "not discussed": "#DDDDDD"}
OTHER_COLOR = "#BBBBBB"


# --- Coverage over time -------------------------------------------------------------------------------------------


def time_bin(dates: pd.Series) -> str:
    """The bin that suits the span of the known dates: "day" up to 31 days, "week" up to 26 weeks, else "month".

    >>> time_bin(pd.Series(pd.to_datetime(["2025-06-03", "2025-06-05", None])))
    'day'
    >>> time_bin(pd.Series(pd.to_datetime(["2025-05-20", "2026-05-20"])))
    'month'
    """
    known = pd.to_datetime(dates).dropna()
    span = (known.max() - known.min()).days + 1 if len(known) else 1
    return "day" if span <= 31 else "week" if span <= 26 * 7 else "month"


def period_start(dates: pd.Series, unit: str) -> pd.Series:
    """Each date's period: the day itself, the Monday of its week, or the first of its month (NaT stays NaT).

    >>> period_start(pd.Series(pd.to_datetime(["2025-06-05", None])), "week").tolist()
    [Timestamp('2025-06-02 00:00:00'), NaT]
    """
    dates = pd.to_datetime(dates).dt.normalize()
    if unit == "day":
        return dates
    if unit == "week":
        return dates - pd.to_timedelta(dates.dt.day_of_week, unit="D")
    if unit == "month":
        return dates - pd.to_timedelta(dates.dt.day - 1, unit="D")
    raise ValueError(f"unknown time bin {unit!r}: use 'day', 'week' or 'month'")


def coverage_over_time(articles: pd.DataFrame, unit: str | None = None) -> pd.DataFrame:
    """Articles per period and outlet; undated articles are counted in rows with an empty ``period``, never dropped.

    ``unit`` is "day", "week" or "month"; by default :func:`time_bin` chooses it from the span.

    >>> articles = pd.DataFrame({"outlet": ["A", "A", "B"], "published": pd.to_datetime(["2025-06-03", "2025-06-03", None])})
    >>> coverage_over_time(articles)[["period", "outlet", "n_articles"]].to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
    [{'period': Timestamp('2025-06-03 00:00:00'), 'outlet': 'A', 'n_articles': 2},
     {'period': NaT, 'outlet': 'B', 'n_articles': 1}]
    """
    unit = unit or time_bin(articles["published"])
    table = articles.assign(period=period_start(articles["published"], unit))
    counts = table.groupby(["period", "outlet"], dropna=False, sort=False).size().rename("n_articles").reset_index().assign(unit=unit)
    return counts.sort_values(["period", "outlet"], na_position="last", kind="stable").reset_index(drop=True)[
        ["period", "unit", "outlet", "n_articles"]
    ]


def undated_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles with no known publication date, listed apart so the time charts drop none unseen.

    >>> undated_articles(pd.DataFrame({"article_id": ["a", "b"], "file": ["a.txt", "b.txt"], "outlet": ["A", "B"],
    ...     "title": ["One", "Two"], "published": pd.to_datetime(["2025-06-03", None])}))["outlet"].tolist()
    ['B']
    """
    columns = [c for c in ("article_id", "file", "outlet", "title") if c in articles]
    return articles.loc[articles["published"].isna(), columns].reset_index(drop=True)


def span_words(dates: pd.Series) -> str:
    """How long the known dates span, as a reader says it: days up to 31, weeks up to 26, else months.

    >>> span_words(pd.Series(pd.to_datetime(["2025-06-03", "2025-06-05"])))
    '3 days'
    >>> span_words(pd.Series(pd.to_datetime(["2025-05-20", "2026-05-24"])))
    '12 months'
    """
    known = pd.to_datetime(dates).dropna()
    if known.empty:
        return "no known dates"
    first, last = known.min(), known.max()
    days = (last - first).days + 1
    if days <= 31:
        return f"{days} day{'s' * (days != 1)}"
    if days <= 26 * 7:
        weeks = -(-days // 7)
        return f"{weeks} weeks"
    return f"{round(days / 30.44)} months"  # 30.44 days: a month on average


# How many undated articles the coverage chart's note names before counting the rest.
UNDATED_NAMED = 8


def coverage_chart(articles: pd.DataFrame, colors: dict[str, str], note: str, top: int = 7) -> Figure:
    """Articles per period, stacked by outlet (the ``top`` busiest outlets by name, the rest as "other outlets"); the
    title states the span and the busiest period, and says how many articles are undated."""
    import matplotlib.pyplot as plt

    from .plotting import PAGE_WIDTH_IN, add_source_note, apply_style

    apply_style()
    coverage = coverage_over_time(articles)
    unit = coverage["unit"].iloc[0] if len(coverage) else "day"
    dated = coverage.dropna(subset=["period"])
    undated = undated_articles(articles)
    busiest = dated.groupby("outlet")["n_articles"].sum().sort_values(ascending=False, kind="stable")
    shown = sorted(busiest.index[:top]) if len(busiest) > top + 1 else sorted(busiest.index)
    grouped = dated.assign(outlet=dated["outlet"].where(dated["outlet"].isin(shown), "other outlets"))
    wide = grouped.pivot_table(index="period", columns="outlet", values="n_articles", aggfunc="sum", fill_value=0)
    wide = wide.reindex(columns=[c for c in [*shown, "other outlets"] if c in wide.columns])
    fig, ax = plt.subplots(figsize=(PAGE_WIDTH_IN, 2.6))
    width = {"day": 0.8, "week": 5.5, "month": 24}[unit]
    bottom = pd.Series(0, index=wide.index)
    for outlet in wide.columns:
        ax.bar(wide.index, wide[outlet], width=width, bottom=bottom, color=colors.get(outlet, OTHER_COLOR), label=outlet)
        bottom = bottom + wide[outlet]
    ax.set_ylabel(f"Articles per {unit}")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="x", visible=False)
    ax.grid(axis="y", visible=True)
    if len(wide.columns) > 1:
        ax.legend(frameon=False, fontsize=7.5, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    _date_axis(ax, unit)
    ax.set_title(textwrap.fill(coverage_title(articles, unit), 72))
    # (named where they are few: a list of eighty outlets under a chart is a wall of text; articles.csv lists them all)
    named = ", ".join(undated["outlet"].head(UNDATED_NAMED)) + (
        f" and {len(undated) - UNDATED_NAMED} more" if len(undated) > UNDATED_NAMED else ""
    )
    missing = f" Not on the axis: {len(undated)} undated article{'s' * (len(undated) != 1)} ({named})." if len(undated) else ""
    add_source_note(fig, note + missing)
    fig.tight_layout()
    return fig


def coverage_title(articles: pd.DataFrame, unit: str | None = None) -> str:
    """The coverage chart's finding: how many dated articles over what span, the busiest period, the undated.

    >>> coverage_title(pd.DataFrame({"outlet": ["A", "B", "C"], "published": pd.to_datetime(["2025-06-03", "2025-06-05", None])}))
    '2 dated articles over 3 days, 3 Jun 2025 to 5 Jun 2025; 1 undated'
    """
    dates = articles["published"].dropna()
    undated = len(articles) - len(dates)
    tail = f"; {undated} undated" if undated else ""
    if dates.empty:
        return f"No article has a known date ({len(articles)} undated)"
    unit = unit or time_bin(dates)
    counts = period_start(dates, unit).value_counts().sort_index()
    n = len(dates)
    when = format_date(dates.min()) if dates.min() == dates.max() else f"{format_date(dates.min())} to {format_date(dates.max())}"
    head = f"{n} dated article{'s' * (n != 1)} over {span_words(dates)}, {when}"
    if len(counts) > 2 and counts.max() > counts.min():
        peak = counts.idxmax()
        head += f"; busiest {unit}: {'week of ' if unit == 'week' else ''}{_period_words(peak, unit)} ({counts.max()})"
    return head + tail


def _period_words(stamp: pd.Timestamp, unit: str) -> str:
    return f"{stamp:%b %Y}" if unit == "month" else format_date(stamp)


def _mark_box(ax, x, y, radius_px: float):
    """A function giving the box a dot of ``radius_px`` pixels at data point (x, y) covers on the drawn figure."""
    from matplotlib.dates import date2num
    from matplotlib.transforms import Bbox

    def box() -> Bbox:
        cx, cy = ax.transData.transform((date2num(x), y))
        return Bbox([[cx - radius_px, cy - radius_px], [cx + radius_px, cy + radius_px]])

    return box


def _date_axis(ax, unit: str) -> None:
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(minticks=3, maxticks=6)
    if unit == "day":  # whole days only: a span of a day or two would get hourly ticks, printed as the same date twice
        low, high = ax.get_xlim()
        locator = mdates.DayLocator(interval=max(1, math.ceil((high - low) / 6)))
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b %Y" if unit != "month" else "%b %Y"))
    for label in ax.get_xticklabels():
        label.set_fontsize(8)


# --- Programme-total estimates over time --------------------------------------------------------------------------


def program_estimates(money: pd.DataFrame, articles: pd.DataFrame, program_total: str | None) -> pd.DataFrame:
    """Each programme-total figure once per owner, at the date it was first reported, with how often it was reported.

    The rows of ``money`` whose referent is ``program_total`` (the codebook's ``money.program_total``) and whose amount
    is known; one figure from one owner (the same low and high end) is one row, reported ``n_reports`` times in
    ``n_outlets`` outlets between ``first_published`` and ``last_published``. Figures from undated articles have an
    empty ``first_published`` (counted, not placed).

    >>> money = pd.DataFrame({"article_id": ["a", "b", "b"], "amount_low_usd": [175e9, 175e9, 3e9], "amount_high_usd": [175e9, 175e9, 3e9],
    ...     "is_vague": [False] * 3, "is_range": [False] * 3, "referent": ["program total"] * 2 + ["pledge"],
    ...     "attributed_to": ["White House"] * 2 + ["Japan"], "sentence": ["It costs $175 billion.", "A $175 billion shield.", "x"]})
    >>> articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "published": pd.to_datetime(["2025-06-04", "2025-06-03"])})
    >>> program_estimates(money, articles, "program total")[["amount", "attributed_to", "n_reports", "first_published"]].to_dict("records")
    [{'amount': '$175 billion', 'attributed_to': 'White House', 'n_reports': 2, 'first_published': Timestamp('2025-06-03 00:00:00')}]
    """
    columns = [
        "amount",
        "amount_low_usd",
        "amount_high_usd",
        "is_range",
        "is_vague",
        "attributed_to",
        "first_published",
        "last_published",
        "n_reports",
        "n_outlets",
        "outlets",
        "first_outlet",
        "sentence",
    ]
    if money is None or money.empty or not program_total:
        return pd.DataFrame(columns=columns)
    money = given_as_estimates(money)  # (not a figure its speaker denies)
    totals = money[money["referent"].eq(program_total)].dropna(subset=["amount_low_usd", "amount_high_usd"])
    totals = totals[totals["amount_high_usd"].gt(0)]
    if totals.empty:
        return pd.DataFrame(columns=columns)
    mentions = totals.merge(articles[["article_id", "outlet", "published"]], on="article_id", how="left").sort_values(
        ["published", "article_id"], na_position="last", kind="stable"
    )
    keys = ["attributed_to", "amount_low_usd", "amount_high_usd", "is_vague"]
    grouped = mentions.groupby(keys, sort=False, dropna=False)
    table = grouped.agg(
        is_range=("is_range", "first"),
        first_published=("published", "min"),
        last_published=("published", "max"),
        n_reports=("article_id", "size"),
        n_outlets=("outlet", "nunique"),
        outlets=("outlet", lambda s: "; ".join(sorted(set(s.dropna())))),
        first_outlet=("outlet", "first"),
        sentence=("sentence", "first"),
    ).reset_index()
    table["amount"] = [format_usd(lo, hi) for lo, hi in zip(table["amount_low_usd"], table["amount_high_usd"], strict=True)]
    return table.sort_values(["first_published", "amount_high_usd"], na_position="last", kind="stable").reset_index(drop=True)[columns]


def estimate_growth(estimates: pd.DataFrame, min_outlets: int = 2) -> pd.DataFrame:
    """How each named source's programme-total figure moved: its first figure and the highest it gave later (a range by
    its high end), the largest growth first. Only figures reported by at least ``min_outlets`` outlets count: a figure
    that one outlet alone gives a source may be a misreading. Vague magnitudes and figures with no source named are
    left out. ``grew`` is whether a later figure is higher than the first.

    >>> estimates = pd.DataFrame({"amount_high_usd": [175e9, 542e9, 1.2e12], "is_vague": [False] * 3,
    ...     "attributed_to": ["White House", "CBO", "CBO"], "n_reports": [3, 2, 2], "n_outlets": [3, 2, 2],
    ...     "first_published": pd.to_datetime(["2025-05-20", "2025-05-20", "2026-02-01"])})
    >>> estimate_growth(estimates)[["owner", "first_high", "last_high", "grew"]].to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
    [{'owner': 'CBO', 'first_high': 542000000000.0, 'last_high': 1200000000000.0, 'grew': True},
     {'owner': 'White House', 'first_high': 175000000000.0, 'last_high': 175000000000.0, 'grew': False}]
    """
    columns = ["owner", "first_date", "first_high", "last_date", "last_high", "n_reports", "grew"]
    firm = estimates[~estimates["is_vague"].astype(bool) & estimates["attributed_to"].ne(UNATTRIBUTED)]
    firm = firm[firm["n_outlets"].ge(min_outlets)].dropna(subset=["first_published"])
    rows = []
    for owner, figures in firm.groupby("attributed_to", sort=False):
        first = figures.sort_values(["first_published", "n_reports"], ascending=[True, False], kind="stable").iloc[0]
        peak = figures.sort_values(["amount_high_usd", "first_published"], ascending=[False, True], kind="stable").iloc[0]
        grew = bool(peak["amount_high_usd"] > first["amount_high_usd"] and peak["first_published"] > first["first_published"])
        last = peak if grew else first
        rows.append(
            [owner, first["first_published"], float(first["amount_high_usd"]), last["first_published"], float(last["amount_high_usd"]),
             int(figures["n_reports"].sum()), grew]
        )  # fmt: skip
    table = pd.DataFrame(rows, columns=columns)
    ratio = table["last_high"] / table["first_high"]
    return (
        table.assign(ratio=ratio)
        .sort_values(["ratio", "n_reports", "owner"], ascending=[False, False, True], kind="stable")[columns]
        .reset_index(drop=True)
    )


def _owner(name: str) -> str:
    return "no source named" if name == UNATTRIBUTED else str(name)


def growth_phrases(estimates: pd.DataFrame, most: int = 2) -> list[str]:
    """ "X's estimate grew from A (date) to B (date)" for the owners (most reported first) whose figure grew.

    >>> estimates = pd.DataFrame({"amount_high_usd": [542e9, 1.2e12], "is_vague": [False] * 2, "attributed_to": ["CBO", "CBO"],
    ...     "n_reports": [2, 2], "n_outlets": [2, 2], "first_published": pd.to_datetime(["2025-05-20", "2026-02-01"])})
    >>> growth_phrases(estimates)
    ['figures from CBO grew from $542 billion (20 May 2025) to $1.2 trillion (1 Feb 2026)']
    """
    grown = estimate_growth(estimates)
    grown = grown[grown["grew"]].head(most)
    return [
        f"figures from {r.owner} grew from {format_usd(r.first_high)} ({format_date(r.first_date)}) to "
        f"{format_usd(r.last_high)} ({format_date(r.last_date)})"
        for r in grown.itertuples(index=False)
    ]


def estimates_title(estimates: pd.DataFrame) -> str:
    """The estimates chart's finding: whose programme-total figure grew, and how far (or that none did).

    >>> estimates = pd.DataFrame({"amount_high_usd": [175e9, 831e9], "is_vague": [False] * 2, "attributed_to": ["White House", "CBO"],
    ...     "n_reports": [3, 4], "n_outlets": [3, 4], "amount_low_usd": [175e9, 831e9],
    ...     "first_published": pd.to_datetime(["2025-06-03", "2025-06-03"])})
    >>> estimates_title(estimates)
    'No source’s programme-total estimate grew: 2 figures from 2 sources, $175 billion to $831 billion'
    """
    grew = growth_phrases(estimates, most=1)
    if grew:
        return "Programme-total estimates: " + grew[0]
    firm = estimates[~estimates["is_vague"].astype(bool)]
    if firm.empty:
        return f"{len(estimates)} programme-total figure{'s' * (len(estimates) != 1)}, all vague magnitudes"
    named = firm["attributed_to"].ne(UNATTRIBUTED)
    n, owners = len(firm), firm.loc[named, "attributed_to"].nunique()
    return (
        f"No source’s programme-total estimate grew: {n} figure{'s' * (n != 1)} from {owners} source{'s' * (owners != 1)}"
        f"{' and none named' * (not named.all())}, {format_usd(firm['amount_low_usd'].min())}"
        f" to {format_usd(firm['amount_high_usd'].max())}"
    )


def article_figures(money: pd.DataFrame, articles: pd.DataFrame, program_total: str | None) -> pd.DataFrame:
    """Each dated article's firm programme-total figure (a point, not a range or a vague magnitude) that it gives most
    often, the highest of those given as often, and who gives it (someone named before no one), in date order: the
    figure a reader of that article takes away (a story on a $185 billion baseline that names a dismissed $1 trillion
    estimate once is about the $185 billion).

    >>> money = pd.DataFrame({"article_id": ["a", "a", "b"], "amount_low_usd": [175e9, 831e9, 1.2e12],
    ...     "amount_high_usd": [175e9, 831e9, 1.2e12],
    ...     "is_range": [False] * 3, "is_vague": [False] * 3, "referent": ["program total"] * 3, "attributed_to": ["WH", "CBO", "CBO"]})
    >>> articles = pd.DataFrame({"article_id": ["a", "b"], "published": pd.to_datetime(["2025-06-03", "2026-05-13"])})
    >>> article_figures(money, articles, "program total")[["article_id", "amount_usd"]].to_dict("records")
    [{'article_id': 'a', 'amount_usd': 831000000000.0}, {'article_id': 'b', 'amount_usd': 1200000000000.0}]
    """
    columns = ["article_id", "published", "amount_usd", "attributed_to"]
    if money is None or money.empty or not program_total:
        return pd.DataFrame(columns=columns)
    money = given_as_estimates(money)
    firm = money[money["referent"].eq(program_total) & ~money["is_range"].astype(bool) & ~money["is_vague"].astype(bool)]
    firm = (
        firm.dropna(subset=["amount_high_usd"]).merge(articles[["article_id", "published"]], on="article_id").dropna(subset=["published"])
    )
    firm = firm.assign(amount_usd=firm["amount_high_usd"])
    firm = firm.assign(
        times=firm.groupby(["article_id", "amount_usd"])["amount_usd"].transform("size"), named=~firm["attributed_to"].eq(UNATTRIBUTED)
    )
    firm = firm.sort_values(["published", "article_id", "times", "amount_usd", "named"], kind="stable")
    return firm.groupby("article_id", sort=False).tail(1).reset_index(drop=True)[columns]


def figure_shift(money: pd.DataFrame, articles: pd.DataFrame, program_total: str | None) -> dict | None:
    """How the programme-total figure readers were given moved: the figure most articles give in the first quarter of
    the dated articles that give one (the earliest where several tie), against the last quarter (the latest), with
    the source most of those articles name for it and the dates the articles giving it span. Robust to one article
    misreading a figure or its source. None with fewer than two dates.

    >>> money = pd.DataFrame({"article_id": list("abcd"), "amount_low_usd": [175e9, 175e9, 1.2e12, 1.2e12],
    ...     "amount_high_usd": [175e9, 175e9, 1.2e12, 1.2e12], "is_range": [False] * 4, "is_vague": [False] * 4,
    ...     "referent": ["program total"] * 4, "attributed_to": ["WH", "WH", "CBO", "CBO"]})
    >>> articles = pd.DataFrame({"article_id": list("abcd"),
    ...     "published": pd.to_datetime(["2025-05-20", "2025-06-01", "2026-05-13", "2026-05-20"])})
    >>> shift = figure_shift(money, articles, "program total")
    >>> shift["early"], shift["early_owner"], shift["late"], shift["late_owner"], shift["grew"]
    (175000000000.0, 'WH', 1200000000000.0, 'CBO', True)
    """
    given = article_figures(money, articles, program_total)
    if given["published"].nunique() < 2:
        return None
    window = max(1, -(-len(given) // 4))
    early, late = given.head(window), given.tail(window)

    def middle(rows: pd.DataFrame, latest: bool) -> tuple[float, str]:
        # The figure most of the window's articles give, so that "most articles gave" holds: a window of $542 billion
        # once, $175 billion once and $1.2 trillion three times gave $1.2 trillion; where several tie, the one at the
        # window's outer end (the first window's earliest, the last window's latest), as the chart's ends show them.
        counts = rows["amount_usd"].value_counts()
        tied = rows[rows["amount_usd"].isin(counts.index[counts.eq(counts.max())])]
        value = float(tied["amount_usd"].iloc[-1 if latest else 0])
        # Whose figure it is, by all the articles that give it (a senator quoted repeating Trump's $175 billion in the
        # first weeks does not make it the senator's); someone named before no one.
        owners = given.loc[given["amount_usd"].eq(value), "attributed_to"].value_counts()
        named = owners.drop(UNATTRIBUTED, errors="ignore")
        return value, str((named if len(named) else owners).index[0])

    (low, low_owner), (high, high_owner) = middle(early, latest=False), middle(late, latest=True)
    return {
        "early": low,
        "early_owner": low_owner,
        "early_until": early.loc[early["amount_usd"].eq(low), "published"].max(),
        "late": high,
        "late_owner": high_owner,
        "late_from": late.loc[late["amount_usd"].eq(high), "published"].min(),
        "n_articles": len(given),
        "window": window,
        "grew": high > low,
    }


def shift_phrase(shift: dict | None) -> str | None:
    """The figure shift in words, for a title or the time sentence.

    >>> shift_phrase({"early": 175e9, "early_owner": "White House", "early_until": pd.Timestamp("2025-06-01"), "late": 1.2e12,
    ...     "late_owner": "CBO", "late_from": pd.Timestamp("2026-05-13"), "grew": True, "window": 2})
    'the programme total most articles gave rose from $175 billion (White House, to Jun 2025) to $1.2 trillion (CBO, from May 2026)'
    >>> shift_phrase({"early": 175e9, "early_owner": "White House", "early_until": pd.Timestamp("2025-06-01"), "late": 185e9,
    ...     "late_owner": "Gen. Jane Roe (Space Force)", "late_from": pd.Timestamp("2026-03-17"), "grew": True, "window": 1})[-56:]
    '$185 billion (Gen. Jane Roe, Space Force, from Mar 2026)'
    """
    if not shift:
        return None
    verb = "rose" if shift["grew"] else "fell" if shift["late"] < shift["early"] else "stayed at"
    # (an owner written with brackets of its own is set off by commas inside these: "Gen. Jane Roe, Space Force, from …")
    early, late = (re.sub(r"\s*\(([^()]*)\)", r", \1", _owner(shift[k])) for k in ("early_owner", "late_owner"))
    if verb == "stayed at":
        return f"the programme total most articles gave stayed at {format_usd(shift['late'])} ({late})"
    return (
        f"the programme total most articles gave {verb} from {format_usd(shift['early'])} ({early}, "
        f"to {shift['early_until']:%b %Y}) to {format_usd(shift['late'])} ({late}, from {shift['late_from']:%b %Y})"
    )


def estimates_chart(estimates: pd.DataFrame, note: str, shift: dict | None = None, top: int = 5, min_outlets: int = 2) -> Figure:
    """Each programme-total figure at the date it was first reported, on a log scale, coloured by who gives it (the
    ``top`` most reported sources; others light grey, no source named dark grey and hollow): a dot for a point, a bar
    for a range (dashed for a vague magnitude), the dot's size and "×n" for a figure reported n times. A step line
    joins each top source's figures that ``min_outlets`` outlets report; a figure fewer outlets give is drawn faint.
    The title states how the figure most articles gave moved (``shift``, from :func:`figure_shift`), else whose figure
    grew most."""
    import matplotlib.pyplot as plt

    from .plotting import PAGE_WIDTH_IN, TEXT_COLOR, add_source_note, apply_style, drop_overlapping, outlet_colors

    apply_style()
    placed = estimates.dropna(subset=["first_published"])
    owners = placed[placed["attributed_to"].ne(UNATTRIBUTED)].groupby("attributed_to")["n_reports"].sum()
    shown = list(owners.sort_values(ascending=False, kind="stable").index[:top])
    palette = outlet_colors(shown)
    fig, ax = plt.subplots(figsize=(PAGE_WIDTH_IN, 3.3))
    for owner in shown:
        own = placed[placed["attributed_to"].eq(owner) & placed["n_outlets"].ge(min_outlets)].sort_values("first_published", kind="stable")
        if len(own) > 1:
            ax.plot(own["first_published"], own["amount_high_usd"], color=palette[owner], lw=1, alpha=0.6, drawstyle="steps-post")
    labelled: set[str] = set()
    counts: list[tuple[int, object]] = []  # (times reported, its "×n" label)
    marks: list = []  # where each dot is drawn, for the counts to keep clear of
    pixels = fig.dpi / 72
    for row in placed.sort_values("n_reports", kind="stable").itertuples(index=False):
        if row.attributed_to in palette:
            color, legend, face = palette[row.attributed_to], row.attributed_to, None
        elif row.attributed_to == UNATTRIBUTED:
            color, legend, face = "#555555", "no source named", "none"
        else:
            color, legend, face = OTHER_COLOR, "other sources", None
        label = None if legend in labelled else legend
        labelled.add(legend)
        x = row.first_published
        if row.is_range or row.is_vague:
            ax.plot(
                [x, x],
                [row.amount_low_usd, row.amount_high_usd],
                color=color,
                lw=3,
                alpha=0.7,
                ls="--" if row.is_vague else "-",
                label=label,
            )
        else:
            size = min(20 + 14 * row.n_reports, 160)
            ax.scatter([x], [row.amount_high_usd], s=size, color=color, facecolors=face, label=label, zorder=3, linewidths=1.2)
        # (a dot's size is its area in points squared: its count starts past its edge, not on it)
        radius = math.sqrt(size) / 2 if not (row.is_range or row.is_vague) else 0.0
        if radius:
            marks.append(_mark_box(ax, x, row.amount_high_usd, radius * pixels))
        if row.n_reports > 1 and row.attributed_to in palette:
            counts.append(
                (
                    row.n_reports,
                    ax.annotate(
                        f"×{row.n_reports}",
                        (x, row.amount_high_usd),
                        xytext=(radius + 2, 0),
                        textcoords="offset points",
                        va="center",
                        fontsize=7.5,
                        color=TEXT_COLOR,
                    ),
                )
            )
    ax.set_yscale("log")
    ax.set_ylabel("US dollars (log scale)")
    ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: format_usd(v).replace(" billion", "bn").replace(" trillion", "tn")))
    ax.grid(axis="y", visible=True)
    if len(placed):
        ax.set_ylim(placed["amount_low_usd"].min() / 2, placed["amount_high_usd"].max() * 2)
        pad = pd.Timedelta(days=max(1, (placed["first_published"].max() - placed["first_published"].min()).days // 25))
        ax.set_xlim(placed["first_published"].min() - pad, placed["first_published"].max() + pad)
    _date_axis(ax, time_bin(placed["first_published"]) if len(placed) else "day")
    handles = dict(zip(*reversed(ax.get_legend_handles_labels()), strict=True))
    order = [o for o in [*shown, "other sources", "no source named"] if o in handles]
    ax.legend(
        [handles[o] for o in order],
        order,
        frameon=False,
        fontsize=7.5,
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        title="Who gives it",
        title_fontsize=7.5,
    )
    moved = shift_phrase(shift) if shift and shift["late"] != shift["early"] else None
    title = moved[0].upper() + moved[1:] if moved else estimates_title(estimates)
    ax.set_title(textwrap.fill(title, 72))
    fig.tight_layout()
    # Marks close together would print their counts over each other: the largest counts keep theirs. Decided on the
    # final layout (the title and the legend change the axes' size, and with it the room between marks).
    # ... nor over another dot, drawn beside its own
    dropped = drop_overlapping([t for _, t in sorted(counts, key=lambda c: -c[0])], fig, marks)
    undated = int(estimates["first_published"].isna().sum())
    add_source_note(
        fig,
        note
        + " Each mark is one figure from one source, at the date it was first reported; ×n: reported n times"
        + (" (where there is room for it)" if dropped else "")
        + "; faint: reported by"
        + f" fewer than {min_outlets} outlets."
        + (f" Not on the axis: {undated} figure{'s' * (undated != 1)} reported only in undated articles." if undated else ""),
    )
    return fig


# --- Stance over time ---------------------------------------------------------------------------------------------


def stance_over_time(stance: pd.DataFrame, articles: pd.DataFrame, target: str | None = None, min_articles: int = 2) -> pd.DataFrame:
    """Each article's own-voice label toward ``target`` (default: the first in the table) by outlet and date, for the
    outlets with at least ``min_articles`` dated articles; ``moved`` marks a label that differs from the outlet's
    previous article.

    >>> stance = pd.DataFrame({"article_id": ["a", "b", "c"], "target": ["t"] * 3, "label": ["supportive", "critical", "neutral"],
    ...     "score": [0.5, -0.5, None]})
    >>> articles = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["A", "A", "B"],
    ...     "published": pd.to_datetime(["2025-06-01", "2025-07-01", "2025-06-02"])})
    >>> stance_over_time(stance, articles)[["outlet", "label", "moved"]].to_dict("records")
    [{'outlet': 'A', 'label': 'supportive', 'moved': False}, {'outlet': 'A', 'label': 'critical', 'moved': True}]
    """
    columns = ["outlet", "published", "article_id", "target", "label", "score", "moved"]
    if stance is None or stance.empty:
        return pd.DataFrame(columns=columns)
    target = target or stance["target"].iloc[0]
    rows = stance[stance["target"].eq(target)].merge(articles[["article_id", "outlet", "published"]], on="article_id")
    rows = rows.dropna(subset=["published"])
    counts = rows.groupby("outlet")["article_id"].nunique()
    rows = rows[rows["outlet"].isin(counts[counts >= min_articles].index)]
    rows = rows.sort_values(["outlet", "published", "article_id"], kind="stable").reset_index(drop=True)
    previous = rows.groupby("outlet")["label"].shift()
    rows["moved"] = previous.notna() & previous.ne(rows["label"])
    return rows[columns]


def stance_over_time_chart(over_time: pd.DataFrame, target_label: str, note: str) -> Figure:
    """One row per outlet with several dated articles: each article a dot at its date, coloured by its label; the
    title says how many outlets changed label."""
    import matplotlib.pyplot as plt

    from .plotting import PAGE_WIDTH_IN, add_source_note, apply_style

    apply_style()
    outlets = list(dict.fromkeys(over_time["outlet"]))
    fig, ax = plt.subplots(figsize=(PAGE_WIDTH_IN, 0.35 * len(outlets) + 1.5))
    position = {o: i for i, o in enumerate(outlets)}
    for outlet, rows in over_time.groupby("outlet", sort=False):
        y = position[outlet]
        ax.plot(rows["published"], [y] * len(rows), color="#CCCCCC", lw=1, zorder=1)
    for label, rows in over_time.groupby("label", sort=False):
        ax.scatter(rows["published"], rows["outlet"].map(position), s=45, color=LABEL_COLORS.get(label, OTHER_COLOR), label=label, zorder=2)
    ax.set_yticks(range(len(outlets)), outlets)
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    _date_axis(ax, time_bin(over_time["published"]))
    ax.legend(frameon=False, fontsize=7.5, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    n_moved = over_time.loc[over_time["moved"], "outlet"].nunique()
    ax.set_title(
        textwrap.fill(
            f"{n_moved} of {len(outlets)} outlets with several dated articles changed their own-voice stance toward {target_label}", 72
        )
    )
    add_source_note(fig, note + " Each dot is one article, coloured by its own-voice label.")
    fig.tight_layout()
    return fig


# --- What the time axis shows, in one sentence --------------------------------------------------------------------


def time_axis_sentence(tables: Tables, program_total: str | None = None) -> str | None:
    """One sentence on what the time axis shows: the span of the dated articles (and how many are undated), how the
    highest programme-total estimate moved when it grew, and how many reports reach the corpus through relays.

    >>> articles = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["A", "B", "C"],
    ...     "published": pd.to_datetime(["2025-06-03", "2025-06-05", None])})
    >>> relays = pd.DataFrame({"article_id": ["a", "b"], "relay": ["Reuters", "Japan Today"], "origin": ["Nikkei", "Nikkei"]})
    >>> time_axis_sentence({"articles.csv": articles, "relays.csv": relays})
    'The 2 dated articles span 3 days, 3 Jun 2025 to 5 Jun 2025 (1 undated); 2 articles relay one report, Nikkei’s.'
    """
    articles = tables.get("articles.csv")
    if articles is None or articles.empty:
        return None
    dates = articles["published"].dropna()
    undated = len(articles) - len(dates)
    if dates.empty:
        return f"No article has a known publication date ({undated} undated), so the briefing has no time axis."
    parts = []
    if dates.nunique() == 1:
        parts.append(f"The {len(dates)} dated article{'s' * (len(dates) != 1)} appeared on one day, {format_date(dates.min())}")
    else:
        parts.append(f"The {len(dates)} dated articles span {span_words(dates)}, {format_date(dates.min())} to {format_date(dates.max())}")
    if undated:
        parts[0] += f" ({undated} undated)"
    estimates = program_estimates(tables.get("money.csv"), articles, program_total)
    shift = figure_shift(tables.get("money.csv"), articles, program_total)
    if shift and shift["late"] != shift["early"]:
        parts.append(shift_phrase(shift))
    elif len(estimates):
        parts += growth_phrases(estimates, most=1)
    relays = tables.get("relays.csv")
    if relays is not None and len(relays):
        origins = relays.groupby("origin")["article_id"].nunique().sort_values(ascending=False, kind="stable")
        n_relaying = relays["article_id"].nunique()
        who = f"{n_relaying} article{'s' * (n_relaying != 1)} relay{'s' * (n_relaying == 1)}"
        if len(origins) == 1:
            parts.append(f"{who} one report, {origins.index[0]}’s")
        else:
            parts.append(f"{who} {len(origins)} reports, most often {origins.index[0]}’s ({origins.iloc[0]})")
    return "; ".join(parts) + "."


# --- Snapshots ----------------------------------------------------------------------------------------------------


class Snapshot(NamedTuple):
    """A kept copy of one build's tables: ``OUT/history/<YYYY-MM-DD>[-N]/``."""

    name: str
    day: date
    number: int
    path: Path


def history_dir(out_dir: str | Path) -> Path:
    """Where the snapshots of an output folder live.

    >>> history_dir("reports").as_posix()
    'reports/history'
    """
    return Path(out_dir) / HISTORY


def snapshots(out_dir: str | Path) -> list[Snapshot]:
    """The snapshots of ``out_dir``, oldest first (folders not named like a snapshot, and partial writes, are ignored)."""
    folder = history_dir(out_dir)
    found = []
    for path in folder.iterdir() if folder.is_dir() else []:
        match = SNAPSHOT_NAME.match(path.name)
        if path.is_dir() and match:
            found.append(Snapshot(path.name, date.fromisoformat(match[1]), int(match[2] or 1), path))
    return sorted(found, key=lambda s: (s.day, s.number))


def snapshot_tables(out_dir: str | Path) -> list[Path]:
    """The analysis tables of ``out_dir`` that a snapshot keeps: the CSV files ``analyze`` writes, nothing else."""
    from .analysis import TABLES

    return [Path(out_dir) / name for name in TABLES if (Path(out_dir) / name).is_file()]


class SnapshotResult(NamedTuple):
    path: Path
    written: bool


def write_snapshot(out_dir: str | Path, day: date | str | None = None) -> SnapshotResult:
    """Keep the analysis tables of ``out_dir`` in ``out_dir/history/<day>`` (``<day>-2``, ... for a later build that
    day), atomically: written to a temporary folder beside it, then renamed, so a reader never sees half a snapshot.

    When the tables are byte for byte those of the latest snapshot, nothing is written and that snapshot is returned.
    """
    tables = snapshot_tables(out_dir)
    if not tables:
        raise FileNotFoundError(f"{out_dir}: no analysis table to keep; build the briefing (make briefing OUT={out_dir}) first")
    try:
        day = date.fromisoformat(str(day)) if day else date.today()
    except ValueError:
        raise ValueError(f"snapshot date {day!r}: write it as YYYY-MM-DD") from None
    kept = snapshots(out_dir)
    if kept and _same_tables(tables, kept[-1].path):
        return SnapshotResult(kept[-1].path, False)
    folder = history_dir(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(dir=folder, prefix=".partial-"))
    try:
        for table in tables:
            shutil.copyfile(table, partial / table.name)
        number = max([s.number for s in kept if s.day == day], default=0) + 1
        while True:
            target = folder / (day.isoformat() if number == 1 else f"{day.isoformat()}-{number}")
            try:
                if target.exists():
                    raise FileExistsError(target)
                os.rename(partial, target)
                return SnapshotResult(target, True)
            except OSError:  # another build took the name first: take the next
                number += 1
    finally:
        shutil.rmtree(partial, ignore_errors=True)


def _same_tables(tables: list[Path], snapshot: Path) -> bool:
    kept = sorted(p.name for p in snapshot.glob("*.csv"))
    if kept != sorted(p.name for p in tables):
        return False
    return all((snapshot / p.name).read_bytes() == p.read_bytes() for p in tables)


def clear_history(out_dir: str | Path) -> int:
    """Remove every snapshot of ``out_dir`` (and any partial write), then the history folder if it is left empty;
    return how many snapshots were removed. Anything else in the folder is left alone."""
    folder = history_dir(out_dir)
    if not folder.is_dir():
        return 0
    kept = snapshots(out_dir)
    for snapshot in kept:
        shutil.rmtree(snapshot.path)
    for partial in folder.glob(".partial-*"):
        shutil.rmtree(partial, ignore_errors=True)
    if not any(folder.iterdir()):
        folder.rmdir()
    return len(kept)


def find_snapshot(out_dir: str | Path, choice: str | None = None) -> Snapshot | None:
    """The snapshot to compare with: the latest (``choice`` None or ""), one named by its folder ("2026-11-28-2"), or
    the latest taken on or before a date ("2026-11-30"). None when there is no snapshot yet; a choice that matches
    none is an error naming the snapshots there are."""
    kept = snapshots(out_dir)
    if not choice:
        return kept[-1] if kept else None
    choice = str(choice).strip()
    named = [s for s in kept if s.name == choice or str(s.path) == choice]
    if named:
        return named[-1]
    match = SNAPSHOT_NAME.match(choice)
    earlier = [s for s in kept if match and s.day <= date.fromisoformat(match[1])]
    if earlier:
        return earlier[-1]
    have = ", ".join(s.name for s in kept) or "none"
    raise ValueError(
        f"{history_dir(out_dir)}: no snapshot {choice!r} (kept: {have}); name one, a date on or after the first, or none for the latest"
    )


def read_tables(folder: str | Path) -> Tables:
    """The CSV tables of a folder (an output folder or a snapshot) by file name, dates as dates."""
    from .analysis import read_table

    return {path.name: read_table(folder, path.name) for path in sorted(Path(folder).glob("*.csv"))}


# --- What changed since a snapshot --------------------------------------------------------------------------------


def compare_tables(current: Tables, previous: Tables, codebook: dict | None = None, since: str = "") -> pd.DataFrame:
    """Every change from ``previous`` tables to ``current`` ones, one row each with the evidence sentence: new articles
    (and articles gone), new outlets, new figures and who gives them, new claims and contradictions, and stance labels
    that moved (an outlet's latest article's label toward a target, old and new). Columns: :data:`CHANGE_COLUMNS`.

    >>> before = {"articles.csv": pd.DataFrame({"article_id": ["a"], "outlet": ["A"], "title": ["One"],
    ...     "published": pd.to_datetime(["2025-06-03"])})}
    >>> now = {"articles.csv": pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "title": ["One", "Two"],
    ...     "published": pd.to_datetime(["2025-06-03", "2025-06-09"])})}
    >>> compare_tables(now, before)[["kind", "outlet", "what"]].to_dict("records")
    [{'kind': 'new article', 'outlet': 'B', 'what': 'Two'}, {'kind': 'new outlet', 'outlet': 'B', 'what': 'B'}]
    """
    codebook = codebook or {}
    rows: list[dict] = []
    rows += _article_changes(current, previous)
    rows += _figure_changes(current, previous, (codebook.get("money") or {}).get("program_total"))
    rows += _claim_changes(current, previous, {c["id"]: c.get("label", c["id"]) for c in codebook.get("claims", [])})
    rows += _stance_changes(current, previous, {k: v.get("label", k) for k, v in (codebook.get("stance") or {}).get("targets", {}).items()})
    table = pd.DataFrame(rows, columns=CHANGE_COLUMNS[1:]).assign(since=since)[CHANGE_COLUMNS]
    order = {kind: i for i, kind in enumerate(CHANGE_KINDS)}
    return table.sort_values("kind", key=lambda k: k.map(order), kind="stable").reset_index(drop=True).astype(object).fillna("")


def _table(tables: Tables, name: str) -> pd.DataFrame:
    return tables.get(name, pd.DataFrame())


def _article_changes(current: Tables, previous: Tables) -> list[dict]:
    now, before = _table(current, "articles.csv"), _table(previous, "articles.csv")
    if now.empty:
        return []
    known = set(before["article_id"]) if len(before) else set()
    rows = []
    for row in now[~now["article_id"].isin(known)].sort_values(["published", "article_id"], na_position="last").itertuples(index=False):
        title = row.title if isinstance(row.title, str) and row.title else row.article_id
        rows.append(
            {
                "kind": "new article",
                "outlet": row.outlet,
                "what": title,
                "after": format_date(row.published),
                "evidence": title,
                "article_id": row.article_id,
            }
        )
    if len(before):
        for row in before[~before["article_id"].isin(set(now["article_id"]))].itertuples(index=False):
            rows.append(
                {
                    "kind": "article gone",
                    "outlet": row.outlet,
                    "what": row.title if isinstance(row.title, str) else row.article_id,
                    "before": format_date(row.published),
                    "article_id": row.article_id,
                }
            )
    old_outlets = set(before["outlet"]) if len(before) else set()
    for outlet, group in now[~now["outlet"].isin(old_outlets)].groupby("outlet", sort=True):
        first = group.sort_values("published", na_position="last").iloc[0]
        rows.append(
            {
                "kind": "new outlet",
                "outlet": outlet,
                "what": outlet,
                "after": f"{len(group)} article{'s' * (len(group) != 1)}",
                "evidence": first["title"] if isinstance(first["title"], str) else "",
                "article_id": first["article_id"],
            }
        )
    return rows


def _figure_changes(current: Tables, previous: Tables, program_total: str | None) -> list[dict]:
    now, before = _table(current, "money.csv"), _table(previous, "money.csv")
    if now.empty:
        return []
    keys = ["referent", "amount_low_usd", "amount_high_usd", "attributed_to"]
    now = now.dropna(subset=["amount_low_usd", "amount_high_usd"])
    seen = (
        set(before.dropna(subset=["amount_low_usd", "amount_high_usd"])[keys].itertuples(index=False, name=None)) if len(before) else set()
    )
    articles = _table(current, "articles.csv")
    if len(articles):
        now = now.merge(articles[["article_id", "outlet", "published"]], on="article_id", how="left")
        now = now.sort_values(["published", "article_id", "start"] if "start" in now else ["published", "article_id"], na_position="last")
    else:
        now = now.assign(outlet="", published=pd.NaT)
    rows = []
    for key, group in now.groupby(keys, sort=False):
        if key in seen:
            continue
        first = group.iloc[0]
        referent, low, high, owner = key
        rows.append(
            {
                "kind": "new figure",
                "outlet": "; ".join(dict.fromkeys(group["outlet"].dropna().astype(str))),
                "what": f"{format_usd(low, high)} ({referent})",
                "after": _owner(owner),
                "evidence": first["sentence"],
                "article_id": first["article_id"],
                "_total": referent == program_total,
            }
        )
    rows.sort(key=lambda r: not r.pop("_total"))  # programme totals first, then in order of first report
    return rows


def _claim_changes(current: Tables, previous: Tables, labels: dict[str, str]) -> list[dict]:
    rows = []
    now, before = _table(current, "claims.csv"), _table(previous, "claims.csv")
    if len(now):
        value = lambda t: t["value"].map(_as_text) if "value" in t else pd.Series("", index=t.index)  # noqa: E731
        seen = set(zip(before["claim_id"], value(before), strict=True)) if len(before) else set()
        now = now.assign(value=value(now))
        for (claim, stated), group in now.groupby(["claim_id", "value"], sort=False):
            if (claim, stated) in seen:
                continue
            first = group.iloc[0]
            rows.append(
                {
                    "kind": "new claim",
                    "outlet": "; ".join(dict.fromkeys(group["outlet"].astype(str))) if "outlet" in group else "",
                    "what": labels.get(claim, claim),
                    "after": stated,
                    "evidence": first["evidence"],
                    "article_id": first["article_id"],
                }
            )
    now, before = _table(current, "contradictions.csv"), _table(previous, "contradictions.csv")
    if len(now):
        side = lambda r, s: (str(r[f"source_{s}"]), _as_text(r[f"value_{s}"]))  # noqa: E731
        key = lambda r: (r["claim_id"], frozenset({side(r, "a"), side(r, "b")}))  # noqa: E731
        seen = {key(r) for _, r in before.iterrows()} if len(before) else set()
        for _, row in now.iterrows():
            if key(row) in seen:
                continue
            rows.append(
                {
                    "kind": "new contradiction",
                    "outlet": f"{row['source_a']}; {row['source_b']}",
                    "what": labels.get(row["claim_id"], row["claim_id"]),
                    "before": f"{row['source_a']}: {_as_text(row['value_a'])}",
                    "after": f"{row['source_b']}: {_as_text(row['value_b'])}",
                    "evidence": f"{row['quote_a']} | {row['quote_b']}",
                }
            )
    return rows


def _as_text(value: object) -> str:
    """A table cell as text: empty for a missing value, 2035 for a year the CSV reader took for a float 2035.0."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _latest_labels(tables: Tables) -> pd.DataFrame:
    stance, articles = _table(tables, "stance.csv"), _table(tables, "articles.csv")
    if stance.empty or articles.empty:
        return pd.DataFrame(columns=["outlet", "target", "label", "article_id", "published"])
    rows = stance.merge(articles[["article_id", "outlet", "published"]], on="article_id")
    rows = rows.sort_values(["published", "article_id"], na_position="first", kind="stable")
    return rows.groupby(["outlet", "target"], sort=True).tail(1)[["outlet", "target", "label", "article_id", "published"]]


def _stance_changes(current: Tables, previous: Tables, targets: dict[str, str]) -> list[dict]:
    now, before = _latest_labels(current), _latest_labels(previous)
    if now.empty or before.empty:
        return []
    both = now.merge(before, on=["outlet", "target"], suffixes=("", "_before"))
    moved = both[both["label"].ne(both["label_before"])]
    evidence = _table(current, "stance_evidence.csv")
    old_evidence = _table(previous, "stance_evidence.csv")
    rows = []
    for row in moved.itertuples(index=False):
        said = _top_sentence(evidence, row.article_id, row.target) or _top_sentence(old_evidence, row.article_id_before, row.target)
        again = "" if row.article_id != row.article_id_before else " (the same article, read again)"
        rows.append(
            {
                "kind": "stance moved",
                "outlet": row.outlet,
                "what": targets.get(row.target, row.target) + again,
                "before": row.label_before,
                "after": row.label,
                "evidence": said or "no sentence in its own voice takes a side",
                "article_id": row.article_id,
            }
        )
    return rows


def _top_sentence(evidence: pd.DataFrame, article_id: str, target: str) -> str:
    if evidence.empty:
        return ""
    found = evidence[evidence["article_id"].eq(article_id) & evidence["target"].eq(target)].sort_values("rank")
    return str(found["sentence"].iloc[0]) if len(found) else ""


def changes_since(
    out_dir: str | Path, choice: str | None = None, codebook: dict | None = None, current: Tables | None = None
) -> pd.DataFrame:
    """What changed in ``out_dir``'s tables since a snapshot (the latest, or ``choice``: see :func:`find_snapshot`).

    With no snapshot yet, one row of kind "nothing to compare yet"; with nothing changed, one row of kind "no change"
    naming the snapshot; else one row per change (:func:`compare_tables`). ``current`` defaults to the tables in
    ``out_dir``.
    """
    snapshot = find_snapshot(out_dir, choice)
    if snapshot is None:
        return _status(NO_SNAPSHOT)
    current = current if current is not None else read_tables(out_dir)
    changes = compare_tables(current, read_tables(snapshot.path), codebook, since=snapshot.name)
    if changes.empty:
        return _status(NO_CHANGE, snapshot.name)
    return changes


def _status(kind: str, since: str = "") -> pd.DataFrame:
    """The one row a comparison writes when it has no change to list."""
    return pd.DataFrame([{column: "" for column in CHANGE_COLUMNS} | {"kind": kind, "since": since}], columns=CHANGE_COLUMNS)


def _blank_missing(changes: pd.DataFrame) -> pd.DataFrame:
    """A change table with empty cells as "" (a table read back from CSV has them as NaN)."""
    return changes.astype(object).where(changes.notna(), "")


def since_date(changes: pd.DataFrame) -> pd.Timestamp | None:
    """The day of the snapshot a change table compares with (None for a first build).

    >>> since_date(pd.DataFrame({"since": ["2026-11-28-2"], "kind": ["no change"]}))
    Timestamp('2026-11-28 00:00:00')
    """
    names = _blank_missing(changes)["since"].astype(str) if "since" in changes else pd.Series(dtype=str)
    names = names[names.ne("")]
    return pd.Timestamp(names.iloc[0][:10]) if len(names) else None


def changes_summary(changes: pd.DataFrame) -> list[str]:
    """The changes counted by kind, as short sentences for the briefing's "Since <date>" section.

    >>> changes_summary(pd.DataFrame({"since": ["2026-11-28"] * 3, "kind": ["new article", "new article", "stance moved"],
    ...     "outlet": ["A", "B", "A"], "what": ["One", "Two", "the dome"], "before": ["", "", "neutral"], "after": ["", "", "critical"]}))
    ['2 new articles (A, B).', 'A on the dome: neutral → critical.']
    """
    changes = _blank_missing(changes)
    if changes.empty or changes["kind"].iloc[0] == NO_SNAPSHOT:
        return ["This is the first briefing for this folder: nothing to compare yet."]
    if changes["kind"].iloc[0] == NO_CHANGE:
        return ["No new article, figure, claim or contradiction, and no stance label moved."]
    lines = []
    for kind in CHANGE_KINDS:
        rows = changes[changes["kind"].eq(kind)]
        if rows.empty:
            continue
        n = len(rows)
        if kind == "stance moved":
            lines += [f"{r.outlet} on {r.what}: {r.before} → {r.after}." for r in rows.itertuples(index=False)]
        elif kind == "new figure":
            named = ", ".join(f"{r.what} from {r.after}" for r in rows.head(3).itertuples(index=False))
            lines.append(f"{n} new figure{'s' * (n != 1)}: {named}{f' and {n - 3} more' if n > 3 else ''}.")
        elif kind in ("new article", "article gone", "new outlet"):
            names = list(dict.fromkeys(rows["outlet"].astype(str)))
            shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
            plural = {"new article": "new articles", "article gone": "articles gone", "new outlet": "new outlets"}[kind]
            lines.append(f"{n} {plural if n != 1 else kind} ({shown}).")
        else:
            lines.append(
                f"{n} {kind}{'s' * (n != 1)}: {'; '.join(rows['what'].astype(str).head(3))}{f' and {n - 3} more' if n > 3 else ''}."
            )
    return lines


def changes_for_print(changes: pd.DataFrame, limit: int = 4, width: int = 140) -> pd.DataFrame:
    """The changes whose evidence is a sentence (stance labels, contradictions, figures, claims, in that order; new
    articles and outlets are named in the summary), the first ``limit`` of them as the briefing prints them: kind,
    outlet, what, before → after, the evidence cut to ``width`` characters (the full sentence is in changes.csv).

    >>> changes_for_print(pd.DataFrame({"since": ["2026-11-28"], "kind": ["stance moved"], "outlet": ["A"], "what": ["the dome"],
    ...     "before": ["neutral"], "after": ["critical"], "evidence": ["A costly folly."], "article_id": ["a"]})).iloc[0].tolist()
    ['stance moved', 'A', 'the dome', 'neutral → critical', '“A costly folly.”']
    """
    changes = _blank_missing(changes)
    order = {kind: i for i, kind in enumerate(EVIDENCED)}
    rows = changes[changes["kind"].isin(EVIDENCED)].sort_values("kind", key=lambda k: k.map(order), kind="stable").head(limit)
    moved = [f"{b} → {a}" if b and a else a or b for b, a in zip(rows["before"].astype(str), rows["after"].astype(str), strict=True)]
    return pd.DataFrame(
        {
            "Change": rows["kind"].to_numpy(),
            "Outlet": rows["outlet"].to_numpy(),
            "What": rows["what"].to_numpy(),
            "Before → after": moved,
            "Evidence": [in_quotes(textwrap.shorten(str(e), width, placeholder=" …")) if e else "" for e in rows["evidence"]],
        }
    )


def n_not_printed(changes: pd.DataFrame, limit: int = 4) -> int:
    """How many changes with evidence :func:`changes_for_print` leaves for changes.csv."""
    return max(0, int(changes["kind"].isin(EVIDENCED).sum()) - limit)


def telling_chart(tables: Tables, colors: dict[str, str], note: str, program_total: str | None = None) -> tuple[str, Figure, str] | None:
    """The time chart that says most about this corpus, as (figure name, figure, alt text): the programme-total
    estimates when a source's figure grew, else coverage over time; None when no article has a date."""
    articles = tables.get("articles.csv")
    if articles is None or articles["published"].dropna().empty:
        return None
    estimates = program_estimates(tables.get("money.csv"), articles, program_total)
    shift = figure_shift(tables.get("money.csv"), articles, program_total)
    if len(estimates) and ((shift and shift["late"] != shift["early"]) or growth_phrases(estimates)):
        alt = "Programme-total cost estimates by the date they were first reported, on a log scale, coloured by who gives each."
        return "briefing_estimates_over_time", estimates_chart(estimates, note, shift), alt
    alt = "Bar chart of articles per period, stacked by outlet; undated articles named under the chart."
    return "briefing_coverage_over_time", coverage_chart(articles, colors, note), alt
