"""Text and tables for readers: dates as "3 Jun 2025", escaped Markdown, safe links, the scope line."""

from __future__ import annotations

import html
import re

import pandas as pd

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$&])")


def md_escape(text: object) -> str:
    """Text for a Markdown cell that shows as typed: Markdown, HTML and LaTeX characters are escaped.

    >>> md_escape("<b>$3bn</b> *now*")
    '\\\\<b\\\\>\\\\$3bn\\\\</b\\\\> \\\\*now\\\\*'
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def format_date(value: object, unknown: str = "date unknown") -> str:
    """A date as readers write it.

    >>> format_date(pd.Timestamp("2025-06-03")), format_date(pd.NaT)
    ('3 Jun 2025', 'date unknown')
    """
    if value is None or pd.isna(value):
        return unknown
    stamp = pd.Timestamp(value)
    return f"{stamp.day} {stamp:%b %Y}"


def date_range(dates: pd.Series) -> str:
    """The span of known dates, and how many are unknown.

    >>> date_range(pd.Series(pd.to_datetime(["2025-06-03", "2025-06-05", None])))
    '3 Jun 2025 to 5 Jun 2025 (1 undated)'
    """
    known = dates.dropna()
    undated = len(dates) - len(known)
    if known.empty:
        span = "no dates known"
    elif known.min() == known.max():
        span = format_date(known.min())
    else:
        span = f"{format_date(known.min())} to {format_date(known.max())}"
    return span + (f" ({undated} undated)" if undated and not known.empty else "")


def html_link(url: object, text: object) -> str:
    """An HTML link for http(s) URLs only; anything else (javascript:, data:, empty) shows as plain text.

    >>> html_link("https://time.com/a?b=1&c=2", "TIME")
    '<a href="https://time.com/a?b=1&amp;c=2">TIME</a>'
    >>> html_link("javascript:alert(1)", "x")
    'x'
    """
    label = html.escape(str(text))
    address = "" if url is None or pd.isna(url) else str(url).strip()
    if re.match(r"https?://[^\s\"'<>]+$", address, re.I):
        return f'<a href="{html.escape(address)}">{label}</a>'
    return label


def scope_line(articles: pd.DataFrame) -> str:
    """One sentence on what the corpus covers, computed from the article table.

    >>> scope_line(pd.DataFrame({"outlet": ["A", "B"], "published": pd.to_datetime([None, None])}))
    '2 articles from 2 outlets, none of them dated.'
    """
    n = len(articles)
    outlets = articles["outlet"].nunique()
    dated = articles["published"].notna().any()
    when = f"published {date_range(articles['published'])}" if dated else ("none of them dated" if n > 1 else "not dated")
    return f"{n} article{'s' if n != 1 else ''} from {outlets} outlet{'s' if outlets != 1 else ''}, {when}."


def sources_table(articles: pd.DataFrame) -> pd.DataFrame:
    """The sources table: outlet, date, headline (linked), author, words, Flesch-Kincaid grade; text cells escaped HTML."""
    return pd.DataFrame(
        {
            "Outlet": articles["outlet"].map(lambda v: html.escape(str(v))),
            "Date": articles["published"].map(format_date),
            "Headline": [
                html_link(u, t or "(no headline)")
                for u, t in zip(articles["url"], articles["title"].astype(object).fillna(""), strict=True)
            ],
            "Author": articles["author"].map(lambda v: html.escape(v) if isinstance(v, str) and v else "not stated"),
            "Words": articles["n_words"].map("{:,.0f}".format),
            # No grade for an article readability cannot score (not English): a dash, not "nan".
            "Grade": articles["flesch_kincaid_grade"].map(lambda g: "—" if pd.isna(g) else f"{g:.1f}"),
        }
    )


def html_table(table: pd.DataFrame, html_columns: tuple[str, ...] = ()) -> str:
    """A table as HTML for the briefing: every cell escaped except ``html_columns`` (already safe HTML, e.g. links).

    >>> html_table(pd.DataFrame({"a": ["<b>x</b>"], "link": [html_link("https://a.org", "A")]}), ("link",)).count("&lt;b&gt;")
    1
    """
    shown = table.copy()
    for column in shown.columns:
        if column not in html_columns:
            shown[column] = shown[column].map(lambda v: "" if v is None or (isinstance(v, float) and pd.isna(v)) else html.escape(str(v)))
    return shown.to_html(index=False, escape=False, border=0, classes="briefing-table")
