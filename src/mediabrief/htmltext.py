"""Article text out of an HTML page (saved as .html, or pasted into a .txt): the story, not the page around it.

trafilatura finds the story's text, title and author, htmldate the day it was first published (measured against the
page tags we read before, on pages written for the purpose: benchmarks/bench_html.py, README "Dependency notes").
Both read the page as parsed here, never a URL, so nothing is fetched. Where trafilatura finds no text (a page of a
few words, a fragment), the page's blocks are read tag by tag as before, and the meta tags fill what it leaves empty.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from trafilatura.settings import Document

# Page furniture: never article text. Captions (figcaption) are image credits and go with them.
NOT_TEXT = ["script", "style", "noscript", "template", "iframe", "svg", "canvas", "form", "button", "nav", "header", "footer", "aside"]
BLOCKS = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre", "figcaption", "td"]
_HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
_TAG = re.compile(r"</?(?:p|div|span|a|br|h[1-6]|article|section|li|ul|img|meta|link|script)\b[^>]*>", re.I)


class Page(NamedTuple):
    """What an HTML page gives: its article text (blocks on their own lines), what it states, and what was dropped."""

    text: str
    title: str | None
    author: str | None
    published: str | None
    dropped: list[str]


def looks_like_html(text: str) -> bool:
    """Whether a text is an HTML page rather than prose that mentions a tag.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>"), looks_like_html("Use <b> for bold.")
    (True, False)
    """
    if _HTML_START.match(text):
        return True
    tags = len(_TAG.findall(text[:200_000]))
    return tags >= 10 and tags * 40 > len(text[:200_000].split())


def _meta(soup, *names: str) -> str | None:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
        if tag and tag.get("content", "").strip():
            return tag["content"].strip()
    return None


def html_to_text(html: str) -> Page:
    """The article's text from an HTML page, one block a line, with its title, author and first publication date.

    >>> page = html_to_text("<html><head><title>T</title><meta name='author' content='Jo Lee'></head><body><nav>Home</nav>"
    ...                     "<article><h1>Allies meet</h1><p>Japan <b>agreed</b>.</p><p>Published 4 June 2025</p></article></body></html>")
    >>> page.text, page.title, page.author, page.published, page.dropped
    ('Allies meet\\nJapan agreed.\\nPublished 4 June 2025', 'Allies meet', 'Jo Lee', '2025-06-04', ['nav'])
    """
    by_tags = read_by_tags(html)
    found = _extracted(html)
    if found is None or not (found.text or "").strip():
        return by_tags
    published = _first_published(html) or by_tags.published
    return Page(found.text, found.title or by_tags.title, found.author or by_tags.author, published, by_tags.dropped)


def _extracted(html: str) -> Document | None:
    """trafilatura's reading of a page (its text, title and author), or None. favor_precision leaves out the links
    around a short story that its default reading keeps."""
    import trafilatura  # here, not at the top: with htmldate it takes half a second to import, and most corpora have no page

    tree = trafilatura.load_html(html)
    if tree is None:
        return None
    return trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False, favor_precision=True)


def _first_published(html: str) -> str | None:
    """The day a page was first published (YYYY-MM-DD), by htmldate, from its meta tags, structured data, URL or text."""
    import trafilatura
    from htmldate import find_date

    tree = trafilatura.load_html(html)  # a parsed page: given a string that looks like a URL, htmldate would fetch it
    return find_date(tree, original_date=True, extensive_search=True, outputformat="%Y-%m-%d") if tree is not None else None


def read_by_tags(html: str) -> Page:
    """The article's text read tag by tag: the <article> (else <main>, else <body>), block by block, and what its meta
    tags state.

    >>> page = read_by_tags("<html><head><title>T</title></head><body><nav>Home</nav>"
    ...                     "<article><h1>Allies meet</h1><p>Japan <b>agreed</b>.</p></article></body></html>")
    >>> page.text, page.title, page.dropped
    ('Allies meet\\nJapan agreed.', 'Allies meet', ['nav'])
    """
    from bs4 import BeautifulSoup  # here, not at the top: most corpora have no HTML page, and bs4 takes a moment to import

    soup = BeautifulSoup(html, "html.parser")
    title = _meta(soup, "og:title", "twitter:title")
    author = _meta(soup, "author", "article:author")
    published = _meta(soup, "article:published_time", "date", "pubdate")
    dropped = sorted({tag.name for tag in soup.find_all(NOT_TEXT)})
    for tag in soup.find_all(NOT_TEXT):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    heading = root.find("h1")
    if title is None:
        title = heading.get_text(" ", strip=True) if heading else (soup.title.get_text(strip=True) if soup.title else None)
    blocks = [re.sub(r"\s+", " ", tag.get_text()).strip() for tag in root.find_all(BLOCKS)]
    if not any(blocks):
        blocks = [line.strip() for line in root.get_text("\n").splitlines()]
    text = "\n".join(b for b in blocks if b)
    return Page(text, title or None, author, published, dropped)
