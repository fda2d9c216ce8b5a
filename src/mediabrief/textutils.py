"""Words and sentences, with character offsets, so that every extractor can point back into the text."""

from __future__ import annotations

import re
import unicodedata
from itertools import accumulate
from typing import TYPE_CHECKING, NamedTuple

from sentencex import get_sentence_boundaries, segment

if TYPE_CHECKING:
    import pandas as pd

# A word: an abbreviation written with dots (U.S., D.C.) or a run of letters/digits joined by ' ’ - or a decimal point:
# (?:[^\W\d_]\.){2,}|[^\W_]+(?:['’.,-][^\W_]+)*. Written here with the first character taken out in front, the same
# matches (tests/test_textutils.py) found a fifth faster: a pattern that starts with a character class lets re skip
# ahead to the next character that can start a match.
WORD_RE = re.compile(r"[^\W_](?:(?<=[^\W\d_])\.(?:[^\W\d_]\.)+|[^\W_]*(?:['’.,-][^\W_]+)*)")

# The sentence boundaries come from sentencex (Wikimedia's rule-based splitter: abbreviations that do or do not end a
# sentence, initials, decimals, ellipses, URLs), run on one line at a time: a line break always ends a sentence, so
# headlines, bylines and list items stand alone. It keeps a quotation of several sentences whole; our stages expect
# the sentences inside it apart (attribution follows a quotation across sentences), so it reads each line with its
# quotation marks blanked out, the same length so that offsets hold. A closing ’ counts as a quotation mark only
# where no letter follows it ("Japan’s" keeps its apostrophe).
_QUOTATION_MARKS = '"“”«»‘„'
_CLOSING_SINGLE_QUOTE_RE = re.compile(r"’(?![^\W\d_])")
# Boundaries the library takes that news text does not have: before a word in lower case ("approx. twenty", "“Why?”
# she asked"); after a title that always comes before a name ("Ms. Hale"); after a list number standing alone ("2."
# of "2. What will it cost?") or opening a list after a colon ("three things: 1. Can it work?"): the number stays with
# its item.
_NEXT_WORD_RE = re.compile(r"[\W_]*?([^\W_])")
_TITLE_BEFORE_NAME_RE = re.compile(r"(?<![^\W_])(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Cmdr|Adm|Sgt|Cpl|Gov|Sen|Rep|Rev|Hon)\.$")
_LIST_MARKER_RE = re.compile(r"\s*\(?(?:\d{1,2}|[A-Za-z])[.)]\)?\s*")
_LIST_OPENING_RE = re.compile(r":\s+\(?\d{1,2}[.)]$")
# And boundaries it misses before a name (it takes "May", "no" and "me" for abbreviations there, and an e-mail
# address or a web address for one word with the sentence's full stop): "in May. Moscow", "at www.example.org. Its".
_FULL_STOP_BEFORE_CAPITAL_RE = re.compile(r"\.\s+[\"“‘(\[]*[A-Z]")
_FULL_WORDS = frozenset(["May", "no", "No", "me"])
# ... and a full stop a page's extraction glued to the next sentence's first word: "… and North Korea.According to …",
# "… over tariffs.It recently …", "… Command (NORAD).At the same time …" (not a web address's: "Exec.Gov", "News.Az";
# nor a title's or an initial's, one lower-case letter before it: "Mr.Smith", "St.Louis")
_GLUED_STOP_RE = re.compile(r"(?<=[a-z]{2}|\w\))[.!?](?=[A-Z][a-z])(?!(?:Gov|Com|Net|Org|Edu|Mil|Info|News|Az)\b)")
_WEB_ADDRESS_STARTS = ("http://", "https://", "www.")
# A line the library need not read: no sentence-ending mark followed by more text, and no list number such as "2)".
_MAY_END_INSIDE_RE = re.compile(r"[.!?…]\S*\s+\S|\s\d{1,2}\)\s")
_CLOSING_MARKS = frozenset('"”’»)]')
_LINE_RE = re.compile(r"[^\n]+")
_FOOTNOTE_RE = re.compile(r"(?<=[.!?”\"])\[\d{1,3}\]")


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


def split_sentences(text: str) -> list[Sentence]:
    """Split a text into sentences; a line break always ends one (headings and list items stand alone).

    >>> [s.text for s in split_sentences("U.S. Gen. Smith said so. Japan agreed with the U.S. It pays!\\nKey Takeaways")]
    ['U.S. Gen. Smith said so.', 'Japan agreed with the U.S.', 'It pays!', 'Key Takeaways']
    >>> [s.text for s in split_sentences("It worried North Korea.According to Roe, it will work.")]
    ['It worried North Korea.', 'According to Roe, it will work.']
    """
    # Footnote markers after a full stop ("… of $175 billion.[1] Congress has …", as reference-style pages write them)
    # are read as the space they stand in, so the full stop ends its sentence; the marker stays with that sentence.
    plain = _FOOTNOTE_RE.sub(lambda m: " " * len(m.group(0)), _without_quotation_marks(text))
    sentences: list[Sentence] = []
    for line in _LINE_RE.finditer(text):
        start, end = line.span()
        if _MAY_END_INSIDE_RE.search(plain, start, end):
            for boundary in _line_boundaries(text, plain, start, end):
                sentences.extend(_span(text, start, boundary))
                start = boundary
        sentences.extend(_span(text, start, end))
    return sentences


def _without_quotation_marks(text: str) -> str:
    """The text with its quotation marks blanked out, the same length.

    >>> _without_quotation_marks("“Japan’s plan,” he said, ‘is done.’")
    ' Japan’s plan,  he said,  is done. '
    """
    for mark in _QUOTATION_MARKS:
        if mark in text:
            text = text.replace(mark, " ")  # one pass of str.replace per mark is 7 times faster than one re.sub
    return _CLOSING_SINGLE_QUOTE_RE.sub(" ", text)


def _line_boundaries(text: str, plain: str, start: int, end: int) -> list[int]:
    """Where sentences end inside the line text[start:end], by the library's reading of it with its quotation marks
    blanked out (``plain``), less the boundaries news text does not have: each position is right after a sentence's
    last punctuation and closing quotation marks or brackets."""
    boundaries = []
    previous = start
    for cut in _library_ends(plain[start:end])[:-1]:
        cut += start
        if not plain[cut - 1].isspace():
            continue  # inside a word: "Japan-U.S. cooperation"
        while cut > previous and plain[cut - 1].isspace():
            cut -= 1
        while cut < end and text[cut] in _CLOSING_MARKS:
            cut += 1
        footnote = _FOOTNOTE_RE.match(text, cut, end)
        cut = footnote.end() if footnote else cut
        next_word = _NEXT_WORD_RE.match(text, cut, end)
        if next_word and next_word.group(1).islower():
            continue
        if _LIST_MARKER_RE.fullmatch(text, previous, cut):
            continue
        before = text[max(previous, cut - 12) : cut]
        if _TITLE_BEFORE_NAME_RE.search(before) or _LIST_OPENING_RE.search(before):
            continue
        boundaries.append(cut)
        previous = cut
    taken = set(boundaries)
    missed = [
        stop.start() + 1
        for stop in _FULL_STOP_BEFORE_CAPITAL_RE.finditer(text, start, end)
        if stop.start() + 1 not in taken and _ends_sentence(text, start, stop.start())
    ] + [stop.end() for stop in _GLUED_STOP_RE.finditer(text, start, end) if stop.end() not in taken]
    return sorted(taken.union(missed)) if missed else boundaries


def _ends_sentence(text: str, start: int, stop: int) -> bool:
    """Whether the word before a full stop at ``stop`` is one the library misses as a sentence's last (see above)."""
    word = text[max(text.rfind(" ", start, stop), start - 1) + 1 : stop].lstrip("(")
    return word in _FULL_WORDS or "@" in word or word.startswith(_WEB_ADDRESS_STARTS)


def _library_ends(text: str) -> list[int]:
    """Where sentencex ends each sentence of a text: its segments laid end to end give the text back (each keeps the
    white space after it), so their lengths add up to the offsets, at twice the speed of asking for the offsets; should
    a version ever lose a character, the offsets it reports are asked for instead."""
    # sentencex 1.0.32 slices by bytes and panics on a character of several bytes next to an abbreviation ("U.S\xa0."):
    # it reads an ASCII stand-in of the text, one character for one, so the offsets are the text's own.
    text = ascii_stand_in(text)
    ends = list(accumulate(map(len, segment("en", text))))
    if (ends[-1] if ends else 0) != len(text):
        return [part["end_index"] for part in get_sentence_boundaries("en", text)]
    return ends


def ascii_stand_in(text: str) -> str:
    """The text with each character beyond ASCII replaced by one ASCII character of its kind (a letter by "a" or
    "A", a space by a space, a digit by "0", a dash by "-", an ellipsis by ".", other marks by "'"): the same length,
    the same sentence ends.

    >>> ascii_stand_in("Zürich’s U.S\xa0. plan…")
    "Zarich's U.S . plan."
    """
    if text.isascii():
        return text
    return text.translate(_StandIns())


class _StandIns(dict):
    """str.translate's table, filled as characters are met."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if code < 128:
            stand_in = char
        elif char.isspace():
            stand_in = " "
        elif char.isalpha():
            stand_in = "A" if char.isupper() else "a"
        elif char.isdigit():
            stand_in = "0"
        elif unicodedata.category(char) == "Pd":
            stand_in = "-"
        elif char == "…":
            stand_in = "."
        else:
            stand_in = "'"
        self[code] = stand_in
        return stand_in


def _span(text: str, start: int, end: int) -> list[Sentence]:
    """The stripped sentence between two positions, if it has any word in it."""
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped or not WORD_RE.search(stripped):
        return []
    begin = start + len(piece) - len(piece.lstrip())
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


def in_quotes(text: str) -> str:
    """A sentence shown as a quotation: in curly double marks, its own double marks turned single (a quotation inside a
    quotation), so a sentence that opens with a quotation reads ‘…’ inside “…”, not ““…”.

    >>> in_quotes('"Importantly, even $3.6 trillion would fail," she said.')
    '“‘Importantly, even $3.6 trillion would fail,’ she said.”'
    >>> in_quotes("A costly “golden” folly.")
    '“A costly ‘golden’ folly.”'
    """
    inner = text.replace("“", "‘").replace("”", "’")
    inner = re.sub(r'"([^"]*)"', r"‘\1’", inner)  # straight pairs, then a mark left alone
    return "“" + inner.replace('"', "’") + "”"
