"""Words and sentences, with character offsets, so that every extractor can point back into the text."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import pandas as pd

# A word: an abbreviation written with dots (U.S., D.C.) or a run of letters/digits joined by ' ’ - or a decimal point:
# (?:[^\W\d_]\.){2,}|[^\W_]+(?:['’.,-][^\W_]+)*. Written here with the first character taken out in front, the same
# matches (tests/test_textutils.py) found a fifth faster: a pattern that starts with a character class lets re skip
# ahead to the next character that can start a match.
WORD_RE = re.compile(r"[^\W_](?:(?<=[^\W\d_])\.(?:[^\W\d_]\.)+|[^\W_]*(?:['’.,-][^\W_]+)*)")

# Tokens that end with a dot without ending a sentence. Lower-case, without the dot.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft gen lt col maj capt cmdr adm sgt cpl pvt gov sen rep rev hon pres
    no nos vol vs etc inc corp co ltd llc dept univ approx est fig e.g i.e a.m p.m u.s u.k u.n e.u
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then white space.
_BOUNDARY_RE = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")
# What may start the next sentence: an opening quote or bracket, a capital letter or a digit.
_NEXT_START_RE = re.compile(r"\s+[\"'“‘(\[]*[A-Z0-9$€£¥]")
_LAST_TOKEN_RE = re.compile(r"([^\s\"“‘(]+)\.$")
_DOTTED_INITIALS_RE = re.compile(r"(?:[a-z]\.)+[a-z]")
_LINE_RE = re.compile(r"[^\n]+")


class Sentence(NamedTuple):
    """One sentence: its text and its character span in the text it came from."""

    start: int
    end: int
    text: str


def words(text: str) -> list[str]:
    """The words of a text.

    >>> words("The U.S.-Japan talks cost $175 billion, don't they?")
    ['The', 'U.S.', 'Japan', 'talks', 'cost', '175', 'billion', "don't", 'they']
    """
    return WORD_RE.findall(text)


def count_words(text: str) -> int:
    """How many words a text has.

    >>> count_words("Golden Dome, modeled after Israel's Iron Dome.")
    7
    """
    return len(words(text))


def _ends_with_abbreviation(chunk: str) -> bool:
    """Whether the text before a dot ends with a known abbreviation or a single initial ("J.", "U.S.")."""
    # Only the last token matters: search the tail, and the whole chunk only if the token may start before the tail.
    tail = chunk[-40:]
    match = _LAST_TOKEN_RE.search(tail)
    if match and match.start() == 0 and len(tail) < len(chunk):
        match = _LAST_TOKEN_RE.search(chunk)
    if not match:
        return False
    token = match.group(1).lower()
    return token in ABBREVIATIONS or len(token) == 1 or bool(_DOTTED_INITIALS_RE.fullmatch(token))


def split_sentences(text: str) -> list[Sentence]:
    """Split a text into sentences; a line break always ends one (headings and list items stand alone).

    >>> [s.text for s in split_sentences("U.S. Gen. Smith said so. Japan agreed!\\nKey Takeaways")]
    ['U.S. Gen. Smith said so.', 'Japan agreed!', 'Key Takeaways']
    """
    sentences: list[Sentence] = []
    for line in _LINE_RE.finditer(text):
        offset = line.start()
        body = line.group(0)
        start = 0
        for boundary in _BOUNDARY_RE.finditer(body):
            end = boundary.end()
            if not _NEXT_START_RE.match(body, end):
                continue
            lone_dot = body[boundary.start()] == "." and boundary.end() - boundary.start() == 1
            if lone_dot and _ends_with_abbreviation(body[start : boundary.start() + 1]):
                continue
            sentences.extend(_span(body, start, end, offset))
            start = end
        sentences.extend(_span(body, start, len(body), offset))
    return sentences


def _span(body: str, start: int, end: int, offset: int) -> list[Sentence]:
    """The stripped sentence between two positions of a line, if it has any word in it."""
    piece = body[start:end]
    stripped = piece.strip()
    if not stripped or not WORD_RE.search(stripped):
        return []
    lead = len(piece) - len(piece.lstrip())
    begin = offset + start + lead
    return [Sentence(begin, begin + len(stripped), stripped)]


# The column of split sentences that load_corpus adds to the articles: analysis reads it, no table shows it.
SENTENCES_COLUMN = "sentences"


def article_sentences(articles: pd.DataFrame) -> list[list[Sentence]]:
    """Each article's sentences, in row order: the ``sentences`` column (load_corpus splits each text once, and every
    stage reads the same split) or, without it, each ``text`` split (no sentence where the text is missing).

    >>> import pandas as pd
    >>> [[s.text for s in found] for found in article_sentences(pd.DataFrame({"text": ["One. Two.", None]}))]
    [['One.', 'Two.'], []]
    """
    if SENTENCES_COLUMN in articles:
        return articles[SENTENCES_COLUMN].tolist()
    return [split_sentences(text) if isinstance(text, str) else [] for text in articles["text"].tolist()]


def count_sentences(text: str) -> int:
    """How many sentences a text has.

    >>> count_sentences("One. Two? Three!")
    3
    """
    return len(split_sentences(text))


# The letters that case-insensitive matching takes for an ASCII letter, mapped to it: the only non-ASCII ones are "İ",
# dotless "ı", long "ſ" and the Kelvin sign (found by trying every code point against (?i)[a-z]).
_FOLD_TABLE = str.maketrans({chr(c): chr(c).lower() for c in range(ord("A"), ord("Z") + 1)} | {"İ": "i", "ı": "i", "ſ": "s", "\u212a": "k"})


def fold_case(text: str) -> str:
    """The text in lower case, one character for one so that offsets still hold. Every character that case-insensitive
    matching takes for an ASCII letter becomes that letter: where a case-insensitive pattern finds plain ASCII text, the
    folded text holds it in lower case.

    >>> fold_case("US$ 5 BİLLİON")
    'us$ 5 billion'
    """
    folded = text.lower()
    if len(folded) == len(text) and "ı" not in folded and "ſ" not in folded:
        return folded
    return text.translate(_FOLD_TABLE)  # "İ".lower() is two characters; "ı" and "ſ" have no lower-case ASCII form
