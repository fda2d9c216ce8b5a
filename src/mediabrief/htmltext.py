"""Article text out of an HTML page (saved as .html, or pasted into a .txt): the story, not the page around it."""

from __future__ import annotations

import re
from typing import NamedTuple

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
    """The article's text from an HTML page: the <article> (else <main>, else <body>), block by block.

    >>> page = html_to_text("<html><head><title>T</title></head><body><nav>Home</nav>"
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
