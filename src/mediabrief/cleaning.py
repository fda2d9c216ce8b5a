"""Strip an article's boilerplate, and read what the boilerplate states (date, byline, headline).

Nothing is thrown away: every removed piece is returned with its kind, so the ingest report can show it.
The patterns are about how news pages are laid out, not about any story, so they live here, not in the codebook.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+)?"
_TIME = r"(?:\s*[-–—|,@/]?\s*(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[a-z]{2,4})?)?"
_PREFIX = r"(?:(?:published|updated|posted|first published)(?:\s+on)?\s*:?\s*)?"
# Whole-line datelines: "Thu, 06/05/2025 - 14:02", "June 5, 2025", "5 June 2025 10:00 GMT", "Published: 2025-06-05".
DATELINE_PATTERNS = [
    re.compile(rf"^{_PREFIX}{_WEEKDAY}(?P<year>\d{{4}})-(?P<mon>\d{{2}})-(?P<day>\d{{2}}){_TIME}$", re.I),
    # Numeric dates with slashes are read month first (US style); the ingest report says so.
    re.compile(rf"^{_PREFIX}{_WEEKDAY}(?P<mon>\d{{1,2}})/(?P<day>\d{{1,2}})/(?P<year>\d{{4}}){_TIME}$", re.I),
    re.compile(rf"^{_PREFIX}{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}}){_TIME}$", re.I),
    re.compile(rf"^{_PREFIX}{_WEEKDAY}(?P<day>\d{{1,2}})\s+{_MONTH},?\s+(?P<year>\d{{4}}){_TIME}$", re.I),
]
# A "date 2025-06-04" header, which some scrapers put in front of the text, on its own line or not.
DATE_HEADER_RE = re.compile(r"^\s*date\s+(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})\b[ \t]*\n?", re.I)

_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:(?:de|del|da|van|von|der|al|bin|le|la)\s+)?[A-Z][\w'’.-]*){0,4}"
# "By Teresa De Alba | Jr Journalist", "By Jane Doe and John Roe, Reuters", "BY JANE DOE".
BYLINE_RE = re.compile(rf"^[Bb][Yy]:?\s+(?P<author>{_NAME}(?:\s+(?:and|&)\s+{_NAME})*)\s*(?:(?:[|,–—-]).*)?$")

_AGENCIES = (
    r"getty images|shutterstock|ap photo|associated press|afp|epa|reuters|bloomberg|alamy|"
    r"kyodo news|xinhua|anadolu|pool|handout|wikimedia commons|unsplash|istock"
)
CREDIT_START_RE = re.compile(
    r"^(?:photo(?:graph)?s?\s+(?:by|via|courtesy)|images?\s+(?:by|via|courtesy)|(?:photo|image|picture)\s*(?:credit)?s?\s*:|"
    r"credit\s*:|source\s*:\s*(?:" + _AGENCIES + r"))",
    re.I,
)
# A caption that ends with its credit: "Radar facilities ... March 5, 2023. Kyodo News/Getty Images", or with a credit
# label and whoever it names: "The launcher at dawn. Photo: State media".
CAPTION_CREDIT_RE = re.compile(
    r"(?:/|\bvia\s+|\(|\s)(?:" + _AGENCIES + r")\)?\s*$|[.!?]\s+(?:photo(?:graph)?|image|picture)\s*(?:credit)?\s*:\s*[^.!?:]{1,60}$", re.I
)
AI_DISCLAIMER_RE = re.compile(
    r"\b(?:AI tools|artificial intelligence|AI-generated|generated (?:with|by) AI|(?:with|by) (?:the help of )?AI|"
    r"AI assist(?:ed|ance))\b",
    re.I,
)
# A note about how the text was made, not a sentence about AI: "was produced with the help of AI tools".
AI_PRODUCTION_RE = re.compile(r"\b(?:produced|written|generated|created|drafted|prepared|assisted|edited)\b", re.I)
DISCLAIMER_START_RE = re.compile(r"^(?:disclaimer|editor'?s note|note)\s*:", re.I)
# A line of the page's own furniture between paragraphs: "Advertisement", "Story continues below advertisement".
PAGE_FURNITURE_RE = re.compile(
    r"^(?:advertisement|advertising|sponsored|(?:story|article)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:advertisement|ad))?"
    r"|continue\s+reading(?:\s+below)?|skip\s+(?:ad|advert(?:isement)?)|skip\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation|article)"
    # a sharing widget's label: "Send this page to someone via email", "Share this article", "Share on Facebook"
    r"|(?:send|e-?mail)\s+this\s+(?:page|article|story)(?:\s+to\s+(?:someone|a\s+friend))?(?:\s+(?:via|by)\s+e-?mail)?"
    r"|share\s+(?:this\s+(?:page|article|story)|(?:on|via)\s+[A-Z]\w*)|print\s+this\s+(?:page|article|story)|copy\s+link"
    # a social widget's label ("Connect with us", "Follow us:"), and an image's default file name ("Untitled 2025 08 14T…")
    r"|connect\s+with\s+us|follow\s+us(?:\s+on\s+[A-Z]\w*)?\s*:?|untitled[\s_-]*\d{4}[\s_-]\d{2}[\s_-]\d{2}\S*"
    # ... a search box's ("Search", "Search AI Powered") and a way back ("Back to news")
    r"|search(?:\s+(?:this\s+(?:site|blog)|the\s+(?:site|blog)|ai\s+powered))?|back\s+to\s+(?:news|top|home|homepage)"
    # ... and a site's logo, by the text that stands for its image ("logo"), and a label over a picked story
    r"|(?:site\s+)?logo|editor['’]s\s+picks?)\s*$",
    re.I,
)

# An advertiser's line, its label before a colon or a bar: "Sponsor: QWIKET: Elevate your game!", "Advertisement|Remove ads."
AD_LINE_RE = re.compile(r"^(?:sponsor(?:ed)?(?:\s+(?:by|content|post))?|advertisement|paid\s+(?:content|post|partner))\s*[:|]", re.I)

# A link to another story set in the text, its headline after a label: "READ MORE: …", "Also Read: …", "See also: …",
# "RELATED: …" (a label glued to a long paragraph is the paragraph's, which stays).
RELATED_LINK_RE = re.compile(r"^(?:read\s+more|also\s+read|related|see\s+also)\s*:\s+\S", re.I)
# ... or a line that sends the reader to another piece of the site's: "Don't miss our Deep Dive “…”".
PROMOTION_RE = re.compile(r"^don['’]t\s+miss\s+our\b", re.I)

# The heading of a list of other stories set in the page, and an item of it.
OTHER_STORIES_RE = re.compile(
    r"^(?:(?:recommended|related|more|top|popular|trending|latest)\s+(?:stories|news|articles)|most\s+(?:read|popular)(?:\s+(?:news|stories))?"
    r"|you\s+may\s+also\s+like|read\s+next|trending\s+now)\s*:?\s*$",
    re.I,
)
_LIST_ITEM_RE = re.compile(r"^\s*(?:[-•]\s*$|[-•]\s+\S)")

MAX_CAPTION_WORDS = 60
MAX_HEADLINE_WORDS = 25
HEADER_ZONE_LINES = 5  # bylines and datelines are only looked for among the first non-empty lines


class Cleaned(NamedTuple):
    """The cleaned text, what was removed (kind and text, in order), and what the removed parts state."""

    text: str
    removed: list[dict]
    published: date | None
    published_how: str
    author: str | None
    title: str | None


def parse_dateline(line: str) -> tuple[date, str] | None:
    """Read a line that is nothing but a date; return the date and how it was read.

    >>> parse_dateline("Thu, 06/05/2025 - 14:02")
    (datetime.date(2025, 6, 5), 'dateline read as MM/DD/YYYY')
    >>> parse_dateline("June 5, 2025") is None, parse_dateline("He left on June 5, 2025.") is None
    (False, True)
    >>> parse_dateline("NewsPulse Now | World | May 22, 2025")
    (datetime.date(2025, 5, 22), 'dateline')
    """
    text = line.strip()
    if "|" in text:
        # "NewsPulse Now | World | May 22, 2025": a masthead line whose last part is the date.
        last = text.rsplit("|", 1)[1].strip()
        return parse_dateline(last) if last else None
    for pattern in DATELINE_PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        parts = match.groupdict()
        month = int(parts["mon"]) if parts.get("mon") else MONTHS[parts["month"].lower()]
        try:
            value = date(int(parts["year"]), month, int(parts["day"]))
        except ValueError:
            return None
        how = "dateline read as MM/DD/YYYY" if parts.get("mon") and "/" in text else "dateline"
        return value, how
    return None


def parse_byline(line: str) -> str | None:
    """The author named by a byline, or None.

    >>> parse_byline("By Teresa De Alba | Jr Journalist & Industry Analyst -")
    'Teresa De Alba'
    >>> parse_byline("By making investments in the U.S., we will generate employment.") is None
    True
    """
    text = line.strip()
    if len(text.split()) > 16 or text.endswith((".", "!", "?")):
        return None
    match = BYLINE_RE.match(text)
    if not match:
        return None
    author = re.sub(r"\s+", " ", match.group("author")).strip(" ,")
    # A byline in capitals ("BY JANE DOE") is given in title case.
    return author.title() if author.isupper() else author


def credit_kind(line: str) -> str | None:
    """Whether a line is an image credit, a captioned credit, an AI-use disclaimer or page furniture (a link to another
    story, the heading of a list of other stories); None for body text.

    >>> credit_kind("Photo by Chip Somodevilla/Getty Images"), credit_kind("Image via Shutterstock")
    ('photo or image credit', 'photo or image credit')
    >>> credit_kind("Japan has ramped up cooperation with Washington.") is None, credit_kind("Advertisement")
    (True, 'page furniture')
    """
    text = line.strip()
    n_words = len(text.split())
    if n_words == 0 or n_words > MAX_CAPTION_WORDS:
        return None
    if PAGE_FURNITURE_RE.match(text) or AD_LINE_RE.match(text):
        return "page furniture"
    if (RELATED_LINK_RE.match(text) and n_words <= MAX_HEADLINE_WORDS) or PROMOTION_RE.match(text):
        return "link to another story"
    if OTHER_STORIES_RE.match(text):
        return "list of other stories"
    if CREDIT_START_RE.match(text):
        return "photo or image credit"
    if CAPTION_CREDIT_RE.search(text) and not text.endswith((".", "!", "?", "”", '"')):
        return "image caption and credit"
    if AI_DISCLAIMER_RE.search(text) and (DISCLAIMER_START_RE.match(text) or AI_PRODUCTION_RE.search(text)):
        return "AI-use disclaimer"
    return None


def _is_headline(line: str) -> bool:
    text = line.strip()
    return 0 < len(text.split()) <= MAX_HEADLINE_WORDS and not text.endswith((".", "!", "?", ",", ";"))


def _title_cased(line: str) -> bool:
    """Whether a line is written in title case: five words or more, nearly every word of four letters or more
    capitalised.

    >>> _title_cased("Ottawa Weighs Its Share Of The Shield As Talks With Washington Drag On")
    True
    >>> _title_cased("President Donald Trump said on Wednesday that Canada would pay"), _title_cased("Golden Dome Update")
    (False, False)
    """
    words = re.findall(r"[^\W\d_][\w'’-]*", line)
    long = [w for w in words if len(w) >= 4]
    return len(words) >= 5 and len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.85 * len(long)


def clean_article(raw: str, known_title: str | None = None) -> Cleaned:
    """Remove boilerplate from an article's text; return what is left, what went, and what it stated.

    >>> c = clean_article(" date 2025-06-03 Trump called.\\n\\nImage via Shutterstock\\n")
    >>> c.text, [r["kind"] for r in c.removed], str(c.published)
    ('Trump called.', ['date header', 'photo or image credit'], '2025-06-03')
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    removed: list[dict] = []
    published: date | None = None
    published_how = ""
    author: str | None = None
    title: str | None = None

    header = DATE_HEADER_RE.match(text)
    if header:
        # A header whose digits are no date ("date 2025-13-01") is still a header: removed, but it states no date.
        try:
            published = date(int(header["year"]), int(header["mon"]), int(header["day"]))
            published_how = "'date YYYY-MM-DD' header"
        except ValueError:
            published = None
        removed.append({"kind": "date header", "text": header.group(0).strip()})
        text = text[header.end() :]

    lines = _unwrapped(text).split("\n")
    nonempty = [i for i, line in enumerate(lines) if line.strip()]
    header_zone = set(nonempty[:HEADER_ZONE_LINES])
    keep = [True] * len(lines)
    kinds: dict[int, str] = {}  # what each removed line is

    in_list = False  # inside a list of other stories under a heading ("Recommended Stories", "Most Read News")
    for i in nonempty:
        line = lines[i]
        kind = credit_kind(line)
        if kind == "list of other stories":
            in_list = True
        elif in_list and (_LIST_ITEM_RE.match(line) or (removed and removed[-1]["text"] in ("-", "•"))):
            kind = "list of other stories"  # an item ("- Marines return home"), or the title after an item's lone mark
        else:
            in_list = False
        if kind is None and i in header_zone:
            if (name := parse_byline(line)) is not None:
                kind = "byline"
                author = author or name
            elif (stated := parse_dateline(line)) is not None:
                kind = "dateline"
                if published is None:
                    published, published_how = stated
        if kind:
            keep[i] = False
            kinds[i] = kind
            removed.append({"kind": kind, "text": line.strip()})

    # The first line is a headline when the text repeats the known title, or when a byline or dateline follows it.
    # (the first past a page's furniture above it: "Connect with us", an image's file name)
    above = ("page furniture", "link to another story", "list of other stories")
    nonempty = nonempty[next((k for k, i in enumerate(nonempty) if kinds.get(i) not in above), len(nonempty)) :]
    if nonempty and keep[nonempty[0]] and _is_headline(lines[nonempty[0]]):
        first = lines[nonempty[0]].strip()
        same_as_title = known_title is not None and _norm(first) == _norm(known_title)
        followed_by_header = len(nonempty) > 1 and not keep[nonempty[1]] and any(r["kind"] in ("byline", "dateline") for r in removed)
        # With no title given, a short line standing alone above the first paragraph is the headline.
        stands_alone = (
            known_title is None and len(nonempty) > 2 and nonempty[1] > nonempty[0] + 1 and len(first.split()) >= 3 and first[0].isupper()
        )
        # ... or a line in title case right above the first paragraph ("Ottawa Weighs Its Share Of The Shield …"),
        # which no sentence of prose is
        after = lines[nonempty[1]].strip() if len(nonempty) > 1 else ""
        prose = len(after.split()) > len(first.split()) or after.endswith((".", "!", "?", '"', "”"))
        title_cased = known_title is None and _title_cased(first) and prose and not _title_cased(after)
        if same_as_title or followed_by_header or stands_alone or title_cased:
            keep[nonempty[0]] = False
            title = first
            removed.insert(0, {"kind": "headline", "text": first})
            # A section label in capitals ("LETTERS TO THE EDITOR") standing above the real headline: that headline.
            second = lines[nonempty[1]].strip() if len(nonempty) > 3 else ""
            if stands_alone and first.isupper() and nonempty[2] > nonempty[1] + 1 and _is_headline(second) and not second.isupper():
                keep[nonempty[1]] = False
                title = second
                removed[0]["kind"] = "section label"
                removed.insert(1, {"kind": "headline", "text": second})

    body = "\n".join(line.rstrip() for line, kept in zip(lines, keep, strict=True) if kept)
    body = re.sub(r"\n{3,}", "\n\n", body).strip()
    return Cleaned(body, removed, published, published_how, author, title)


# A line a wire's copy wrapped mid-sentence: forty characters or more ending inside a sentence, the next line going on in
# lower case (a contact block's short lines stay as they are).
_WRAPPED_LINE_RE = re.compile(r"(?m)^([^\n]{40,}[a-z,;])\n(?=[a-z])")


# In a text wrapped throughout, the next line may open with a name too: "Trump said the\nCanadian government had …".
_WRAPPED_BEFORE_NAME_RE = re.compile(r"(?m)^([^\n]{40,}[a-z,;])\n(?=[A-Za-z“\"‘(])")
# How many of a text's long lines must end inside a sentence for it to count as wrapped throughout.
WRAPPED_SHARE = 0.5
WRAPPED_MIN_LINES = 5
WRAPPED_WIDTH = 100  # characters: wider lines are paragraphs, not a printed column


def _unwrapped(text: str) -> str:
    r"""The text with lines a wire's copy wrapped mid-sentence joined again, so that a sentence and a quotation over
    them are read whole.

    >>> _unwrapped("Trump said Canada had asked to join the program and that he would work with Ottawa\nto ensure it pays.")
    'Trump said Canada had asked to join the program and that he would work with Ottawa to ensure it pays.'
    >>> _unwrapped("Media Contact:\nJenna Park\npress@example.org")
    'Media Contact:\nJenna Park\npress@example.org'
    """
    if _wrapped_throughout(text):
        # (its first line stays apart: a headline above the wrapped paragraphs)
        first, newline, rest = text.partition("\n")
        return first + newline + _joined_inside_quotations(_WRAPPED_BEFORE_NAME_RE.sub(r"\1 ", rest))
    return _WRAPPED_LINE_RE.sub(r"\1 ", text)


def _joined_inside_quotations(text: str) -> str:
    r"""Wrapped lines that end a sentence inside a quotation still open, joined to the next: in copy wrapped throughout,
    '"We will not bargain over this.\nThe generals decide it."' is one quotation.

    >>> _joined_inside_quotations('Roe said. "We will wait.\nThen we decide," she said.\nNext line.')
    'Roe said. "We will wait. Then we decide," she said.\nNext line.'
    """
    lines = text.split("\n")
    out: list[str] = []
    open_quote = False
    for line in lines:
        if out and open_quote and line.strip() and re.search(r"[.!?]$", out[-1].rstrip()):
            out[-1] = out[-1].rstrip() + " " + line
        else:
            out.append(line)
        # (a straight or curly double mark opens or closes; a blank line ends any quotation a paragraph left open)
        marks = len(re.findall(r'["“”]', line))
        open_quote = line.strip() != "" and (open_quote != (marks % 2 == 1))
    return "\n".join(out)


def _wrapped_throughout(text: str) -> bool:
    """Whether a text is copy hard-wrapped at a fixed width: its long lines no longer than a printed line, and most of
    them ending inside a sentence (an article whose paragraphs are its lines ends nearly all of them with a full stop or
    a quotation mark; a list's items and headings are not that narrow)."""
    long_lines = [line.rstrip() for line in text.split("\n") if len(line.strip()) >= 40]
    inside = sum(1 for line in long_lines if re.search(r"[a-z,;]$", line))
    narrow = sum(1 for line in long_lines if len(line) <= WRAPPED_WIDTH)
    # (and a sentence must be seen to go on in lower case after some of those lines: items of a list each open anew)
    going_on = len(_WRAPPED_LINE_RE.findall(text))
    return (
        inside >= WRAPPED_MIN_LINES
        and inside >= WRAPPED_SHARE * len(long_lines)
        and narrow >= 0.9 * len(long_lines)
        and going_on >= inside / 3
    )


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()
