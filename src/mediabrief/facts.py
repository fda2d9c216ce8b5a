"""Fact-level reuse: the ordered facts of each article, and how many of them two articles share in the same order.

A rewrite changes the words and keeps the facts, in order: the same amounts, dates, names, quotations and numbers,
one after the other. :func:`article_facts` lists an article's facts in reading order (the first mention of each),
each with a key that reads the same however it is written:

- ``amount``: money and scaled numbers by value ("$175 billion", "US$175bn" and "175bn dollars" are all
  ``amount:175000000000``; a range gives its two ends), found by :func:`mediabrief.money.find_amounts`;
- ``date``: a month and day ("May 20", "20 May"), a weekday, a month; ``year``: a four-digit year;
- ``name``: a capitalised run without its titles ("Prime Minister Shigeru Ishiba" is ``shigeru ishiba``), a surname
  alone read as the one full name of the corpus that ends with it;
- ``quotation``: a quotation of at least ``QUOTE_MIN_WORDS`` words, by its first words;
- ``number``: any other number of two digits or more, or a percentage.

:func:`align_facts` finds the longest sequence of facts both articles give in the same order (the longest increasing
subsequence of the shared facts' positions), weighed by how rare each fact is in the corpus
(:func:`fact_weights`: a fact every article gives weighs little). Two articles are a rewrite by facts when at least
``FACT_MIN_ALIGNED`` facts align, at least ``FACT_MIN_DISTINCTIVE`` of them distinctive (given by at most
``DISTINCTIVE_SHARE`` of the articles, or two), and the aligned facts weigh at least ``FACT_MIN_SHARE`` of the
facts of the article with fewer.

An independent report of the same event shares some facts (the leaders, the headline figure) but gives its own
(other officials, other quotations) in its own order: its aligned share stays low.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import NamedTuple

import numpy as np
from scipy.sparse import csr_matrix

from .attribution import DEFAULT_TITLES, LEADING_STOP, NAME_RE
from .money import find_amounts

QUOTE_MIN_WORDS = 4
QUOTE_KEY_WORDS = 6
FACT_MIN_ALIGNED = 6
FACT_MIN_DISTINCTIVE = 5
FACT_MIN_SHARE = 0.65
DISTINCTIVE_SHARE = 0.1
# A fact given by more articles than this is too common to find candidate pairs by (a shortlist stays small).
SHORTLIST_MAX_DF = 50
SHORTLIST_PER_ARTICLE = 5

MONTHS = "january february march april may june july august september october november december".split()
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
# A month written out or shortened ("Sept.", "Jan"): its first three letters, then any more of the name.
_MONTH = (
    "(?:"
    + "|".join(f"{m[:3].title()}(?:{m[3:]}|t(?=\\.))?" if m == "september" else f"{m[:3].title()}(?:{m[3:]})?" for m in MONTHS)
    + ")\\.?"
)
DATE_RE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?!\d)|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})(?!\w)"
    rf"|(?P<m3>{_MONTH})(?=\s+(?:19|20)\d\d\b)|(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
)
YEAR_RE = re.compile(r"(?<![\w.,$])(?:19|20)\d\d(?![\w.,%])")
NUMBER_RE = re.compile(
    r"(?<![\w.,])(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|m|b|k)(?!\w)|(?P<pct>\s?%|\s?per\s?cent\b))?",
    re.IGNORECASE,
)
QUOTATION_RE = re.compile(r"[“\"]([^”\"]{10,}?)[”\"]")
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12}
_TITLE_WORDS = frozenset(word for title in DEFAULT_TITLES for word in title.replace(".", "").split())
_CONNECTORS = frozenset({"of", "for", "on", "and", "the", "&"})
_BREAK_WORDS = _TITLE_WORDS | {"u.s", "us", "and", "&", *MONTHS, *WEEKDAYS}
_CAPITALISED_RE = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]*")
# Where a sentence ends, roughly (the facts' sentence numbers only need to tell sentences apart, in order).
_SENTENCE_END_RE = re.compile(r"[.!?][”\"’)]?\s+(?=[“\"‘'(A-Z0-9])|\n\s*\n")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;]\s+|[“\"(]\s*|\n\s*)$")


class Fact(NamedTuple):
    """A fact of an article: its key (what it says, normalised), kind, the words as written, where it starts, and the
    number of its sentence (facts of one sentence may come in any order in a rewrite)."""

    key: str
    kind: str
    surface: str
    start: int
    sentence: int = 0


def _amount_key(value: float) -> str:
    """An amount's key, to four significant digits (so 175e9 written either way is one key).

    >>> _amount_key(175e9), _amount_key(38.6e9)
    ('amount:175000000000', 'amount:38600000000')
    """
    return f"amount:{float(f'{value:.4g}'):.0f}"


def _number_value(digits: str) -> float:
    return float(digits.replace(",", ""))


def _amounts(text: str) -> list[tuple[int, int, list[Fact]]]:
    """Money (any currency) as (start, end, facts): a range gives two facts, its low and high ends."""
    found = []
    for f in find_amounts(text):
        if f.amount.is_vague:
            continue
        surface = text[f.start : f.end]
        ends = [f.amount.low] if f.amount.low == f.amount.high else [f.amount.low, f.amount.high]
        found.append((f.start, f.end, [Fact(_amount_key(v), "amount", surface, f.start) for v in ends]))
    return found


def _outside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in spans)


def capitalised_inside(text: str) -> set[str]:
    """The capitalised words a text writes inside a sentence (not at its start): names, whatever else they are.

    >>> sorted(capitalised_inside("Critics doubt it. Then Trump spoke."))
    ['Trump']
    """
    return {m.group(0) for m in _CAPITALISED_RE.finditer(text) if not _SENTENCE_START_RE.search(text[max(0, m.start() - 3) : m.start()])}


@functools.lru_cache(maxsize=65536)
def _token(token: str) -> tuple[str, str, bool]:
    """A word of a capitalised run: without a possessive and edge punctuation, in lower case, and whether it had a
    possessive ("Japan's" -> "Japan", "japan", True); cached, as names recur across a corpus."""
    possessive = token.endswith(("'s", "’s"))
    bare = (token[:-2] if possessive else token.rstrip("'’")).strip(".,")
    return bare, bare.lower(), possessive


def _names(text: str, known: set[str] | None = None) -> list[Fact]:
    """The capitalised runs of a text as name facts: titles split off ("Prime Minister Shigeru Ishiba" gives
    "Shigeru Ishiba"), function words at the start dropped, possessives trimmed; a single word that opens a sentence
    only if the text (or ``known``, the corpus's :func:`capitalised_inside`) also writes it capitalised inside a
    sentence (so "Critics say" is no name, "Trump said" is).

    >>> [f.key for f in _names("Prime Minister Shigeru Ishiba met Trump. Critics doubt it, and Trump's aides agree.")]
    ['name:shigeru ishiba', 'name:trump', 'name:trump']
    """
    runs = []
    for match in NAME_RE.finditer(text):
        part: list[tuple[str, int]] = []
        at = match.start()
        for token in [*match.group(0).split(), ""]:
            at = text.find(token, at) if token else -1
            bare, lower, possessive = _token(token)
            if not token or lower in _BREAK_WORDS:
                while part and part[-1][0].lower() in _CONNECTORS:
                    part.pop()
                if part:
                    runs.append(part)
                part = []
                continue
            if not part and (lower in LEADING_STOP or lower in _CONNECTORS):
                continue
            part.append((bare, at))
            if possessive:  # "Japan's Ishiba": two names
                runs.append(part)
                part = []
    known = capitalised_inside(text) if known is None else known
    facts = []
    for part in runs:
        words = [w for w, _ in part]
        start = part[0][1]
        if len(words) == 1 and (_SENTENCE_START_RE.search(text[max(0, start - 3) : start]) and words[0] not in known):
            continue
        if len(words) == 1 and len(words[0]) < 2:
            continue
        surface = " ".join(words)
        facts.append(Fact("name:" + surface.lower().replace("’", "'"), "name", surface, start))
    return facts


def _quotations(text: str) -> list[Fact]:
    """Quotations of at least ``QUOTE_MIN_WORDS`` words, keyed by their first ``QUOTE_KEY_WORDS`` words (lower case).

    >>> [f.key for f in _quotations('He said: "We do not see anything unusual in that," and left. "Fine."')]
    ['quotation:we do not see anything unusual']
    """
    facts = []
    for match in QUOTATION_RE.finditer(text):
        tokens = re.findall(r"\w[\w'’]*", match.group(1).lower().replace("’", "'"))
        if len(tokens) >= QUOTE_MIN_WORDS:
            facts.append(Fact("quotation:" + " ".join(tokens[:QUOTE_KEY_WORDS]), "quotation", match.group(0), match.start()))
    return facts


def _dates(text: str) -> list[Fact]:
    """Month-and-day dates, months before a year, and weekdays, in one spelling each.

    >>> [f.key for f in _dates("On Tuesday, May 20, and 21 May; January 2029.")]
    ['date:tuesday', 'date:may 20', 'date:may 21', 'date:january']
    """
    facts = []
    for m in DATE_RE.finditer(text):
        if m.group("w"):
            key = m.group("w").lower()
        else:
            month = _month(m.group("m1") or m.group("m2") or m.group("m3"))
            day = m.group("d1") or m.group("d2")
            key = f"{month} {int(day)}" if day else month
        facts.append(Fact("date:" + key, "date", m.group(0), m.start()))
    return facts


def _month(word: str) -> str:
    prefix = word.lower().rstrip(".")[:3]
    return next(m for m in MONTHS if m.startswith(prefix))


def _numbers(text: str, taken: list[tuple[int, int]]) -> list[Fact]:
    """Years, scaled numbers (as amounts: "175 billion" is the value of "$175 billion"), percentages and other numbers
    of two digits or more, outside the spans already taken (money, dates).

    >>> [f.key for f in _numbers("In 2029, 175 billion, 25% and 1,014 firms; 3 ships.", [])]
    ['year:2029', 'amount:175000000000', 'percent:25', 'number:1014']
    """
    facts = []
    for m in NUMBER_RE.finditer(text):
        if not _outside(taken, m.start(), m.end()):
            continue
        digits, scale = m.group("n"), (m.group("scale") or "").lower()
        value = _number_value(digits)
        if scale:
            if scale in ("m", "b", "k") and m.group(0)[len(digits) : len(digits) + 1] == " ":
                continue  # "3 m" is more likely metres; only "3m" reads as a scale
            facts.append(Fact(_amount_key(value * _SCALES[scale]), "amount", m.group(0), m.start()))
        elif m.group("pct"):
            facts.append(Fact(f"percent:{value:g}", "number", m.group(0), m.start()))
        elif YEAR_RE.fullmatch(digits):
            facts.append(Fact(f"year:{digits}", "year", digits, m.start()))
        elif value >= 10:
            facts.append(Fact(f"number:{value:g}", "number", digits, m.start()))
    return facts


def article_facts(text: str, known_names: set[str] | None = None) -> list[Fact]:
    """An article's facts in reading order, the first mention of each key only (a name repeated is one fact);
    ``known_names`` are words the corpus writes capitalised inside sentences (a sentence's first word is a name if so;
    by default, those of the text).

    >>> [f.key for f in article_facts('On May 20 Trump put the shield at $175 billion. "It will be ready by 2029," he said.')]
    ['date:may 20', 'name:trump', 'amount:175000000000', 'quotation:it will be ready by 2029', 'year:2029']
    """
    if not isinstance(text, str) or not text:
        return []
    money = _amounts(text)
    dates = _dates(text)
    taken = [(s, e) for s, e, _ in money] + [(d.start, d.start + len(d.surface)) for d in dates]
    facts = [f for _, _, group in money for f in group] + dates + _numbers(text, taken) + _names(text, known_names) + _quotations(text)
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(text)]
    first: dict[str, Fact] = {}
    for key, kind, surface, start, _ in sorted(facts, key=lambda f: (f.start, f.key)):
        if key not in first:
            first[key] = Fact(key, kind, surface, start, bisect.bisect_right(ends, start))
    return list(first.values())


def corpus_facts(texts: Iterable[str]) -> list[list[Fact]]:
    """Each text's facts (:func:`article_facts`), a surname alone named as the one full name of the corpus that ends
    with it ("Ishiba" is "Shigeru Ishiba" when no other Ishiba is named), first mention of each kept.

    >>> [[f.key for f in facts] for facts in corpus_facts(["Shigeru Ishiba spoke.", "Later Ishiba left."])]
    [['name:shigeru ishiba'], ['name:shigeru ishiba']]
    """
    texts = [t if isinstance(t, str) else "" for t in texts]
    known = set().union(*map(capitalised_inside, texts))
    facts = [article_facts(t, known) for t in texts]
    renamed = _surnames_as_full_names({f.key for group in facts for f in group if f.kind == "name"})
    if not renamed:
        return facts
    result = []
    for group in facts:
        first: dict[str, Fact] = {}
        for f in group:
            fact = Fact(renamed[f.key], f.kind, f.surface, f.start, f.sentence) if f.key in renamed else f
            first.setdefault(fact.key, fact)
        result.append(list(first.values()))
    return result


def _surnames_as_full_names(keys: set[str]) -> dict[str, str]:
    """A one-word name key to the one longer name key ending with it, where there is exactly one (as
    :func:`mediabrief.attribution.merged_names` does for persons), by an index of last words: linear in the names.

    >>> _surnames_as_full_names({"name:ishiba", "name:shigeru ishiba", "name:smith", "name:ann smith", "name:bob smith"})
    {'name:ishiba': 'name:shigeru ishiba'}
    """
    by_last: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        words = key.split()
        if len(words) > 1:
            by_last["name:" + words[-1]].add(key)
    return {key: next(iter(by_last[key])) for key in sorted(keys) if " " not in key and len(by_last.get(key, ())) == 1}


def fact_weights(facts: list[list[Fact]]) -> dict[str, float]:
    """Each fact's weight: its smoothed inverse document frequency, ln((1 + n) / (1 + df)) + 1, so a fact every
    article gives weighs 1 and a rare one more (scikit-learn's smooth idf).

    >>> w = fact_weights([[Fact("a", "name", "A", 0)], [Fact("a", "name", "A", 0), Fact("b", "name", "B", 0)]])
    >>> round(w["a"], 2), round(w["b"], 2)
    (1.0, 1.41)
    """
    n = len(facts)
    df = Counter(key for group in facts for key in {f.key for f in group})
    return {key: math.log((1 + n) / (1 + count)) + 1 for key, count in df.items()}


def distinctive_keys(facts: list[list[Fact]], share: float = DISTINCTIVE_SHARE) -> set[str]:
    """The facts given by at most ``share`` of the articles (and never fewer than two articles' worth): those that tell
    one report from another on the same story.

    >>> sorted(distinctive_keys([[Fact("a", "", "", 0)]] * 30 + [[Fact("b", "", "", 0)]] * 2))
    ['b']
    """
    df = Counter(key for group in facts for key in {f.key for f in group})
    limit = max(2, share * len(facts))
    return {key for key, count in df.items() if count <= limit}


class FactAlignment(NamedTuple):
    """The facts two articles give in the same order: the pairs (fact of a, fact of b), and the aligned share, by
    weight, of the facts of the article with fewer."""

    pairs: list[tuple[Fact, Fact]]
    share: float


def align_facts(
    a: list[Fact], b: list[Fact], weights: dict[str, float] | None = None, totals: tuple[float, float] | None = None
) -> FactAlignment:
    """The longest run of facts both lists give in the same order of sentences (not necessarily next to each other;
    facts of one sentence in either order, as a rewrite words a sentence its own way): the longest non-decreasing
    subsequence of the shared facts' sentences in ``b``, taken in ``a``'s order of sentences. O(k log k) for k shared facts.
    ``totals``: the weights of all of a's and b's facts, when already summed (an article is in many pairs).

    >>> a, b = corpus_facts(["Trump named Guetlein on May 20. The cost: $175 billion. Japan's Ishiba called.",
    ...                      "On May 20, Trump chose Guetlein; it costs US$175bn. Ishiba of Japan called."])
    >>> [x.key for x, _ in align_facts(a, b).pairs]
    ['name:trump', 'name:guetlein', 'date:may 20', 'amount:175000000000', 'name:japan', 'name:ishiba']
    """
    weights = weights or {}
    where = {f.key: f for f in b}
    shared = sorted(((f.sentence, where[f.key].sentence, where[f.key].start), f) for f in a if f.key in where)
    # Patience sorting, ties allowed: tails[k] is the smallest b-sentence ending a non-decreasing run of k + 1 facts.
    tails: list[int] = []
    tail_index: list[int] = []
    previous = [-1] * len(shared)
    for i, ((_, position, _), _) in enumerate(shared):
        k = bisect.bisect_right(tails, position)
        if k == len(tails):
            tails.append(position)
            tail_index.append(i)
        else:
            tails[k] = position
            tail_index[k] = i
        previous[i] = tail_index[k - 1] if k else -1
    chain = []
    i = tail_index[-1] if tail_index else -1
    while i >= 0:
        chain.append(i)
        i = previous[i]
    pairs = sorted(((shared[i][1], where[shared[i][1].key]) for i in chain), key=lambda p: p[0].start)
    totals = totals or tuple(sum(weights.get(f.key, 1.0) for f in facts) for facts in (a, b))
    aligned = sum(weights.get(x.key, 1.0) for x, _ in pairs)
    return FactAlignment(pairs, aligned / min(totals) if min(totals) else 0.0)


def rewrite_by_facts(alignment: FactAlignment, distinctive: set[str]) -> bool:
    """Whether the aligned facts make a rewrite: enough of them, enough distinctive, and a large enough share.

    >>> facts = [Fact(str(i), "number", str(i), i) for i in range(8)]
    >>> rewrite_by_facts(align_facts(facts, facts), {"1", "2", "3", "4", "5"}), rewrite_by_facts(align_facts(facts, facts[:3]), set())
    (True, False)
    """
    n_distinctive = sum(x.key in distinctive for x, _ in alignment.pairs)
    return len(alignment.pairs) >= FACT_MIN_ALIGNED and n_distinctive >= FACT_MIN_DISTINCTIVE and alignment.share >= FACT_MIN_SHARE


def fact_evidence(alignment: FactAlignment, distinctive: set[str] | None = None) -> str:
    """The aligned facts for a reader to check, in order, "as one article writes it ~ as the other does" where they
    differ; distinctive ones only when given (all if none is).

    >>> a, b = [Fact("amount:1", "amount", "$175 billion", 0)], [Fact("amount:1", "amount", "US$175bn", 0)]
    >>> fact_evidence(align_facts(a, b))
    '$175 billion ~ US$175bn'
    """
    shown = [(x, y) for x, y in alignment.pairs if distinctive is None or x.key in distinctive] or alignment.pairs
    return "; ".join(x.surface if x.surface == y.surface else f"{x.surface} ~ {y.surface}" for x, y in shown)


def fact_candidate_pairs(
    facts: list[list[Fact]], max_df: int = SHORTLIST_MAX_DF, per_article: int = SHORTLIST_PER_ARTICLE
) -> set[tuple[int, int]]:
    """Pairs (i, j), i < j, that share the most rare facts: each article's ``per_article`` partners with the most facts
    in common among those given by at most ``max_df`` articles (an inverted index: the work grows with the squares of
    those facts' counts, bounded by ``max_df``, not with the square of the corpus).

    >>> f = lambda *keys: [Fact(k, "name", k, 0) for k in keys]
    >>> sorted(fact_candidate_pairs([f("a", "b"), f("a", "b", "c"), f("x")]))
    [(0, 1)]
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for i, group in enumerate(facts):
        for key in {f.key for f in group}:
            postings[key].append(i)
    rows, columns = [], []
    for column, articles in enumerate(p for p in postings.values() if 2 <= len(p) <= max_df):
        rows += articles
        columns += [column] * len(articles)
    if not rows:
        return set()
    incidence = csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, columns)), shape=(len(facts), max(columns) + 1))
    shared = (incidence @ incidence.T).tocsr()
    shared.setdiag(0)
    shared.eliminate_zeros()
    pairs = set()
    for i in range(shared.shape[0]):
        start, stop = shared.indptr[i], shared.indptr[i + 1]
        if stop == start:
            continue
        order = np.argsort(-shared.data[start:stop], kind="stable")[:per_article]
        pairs.update((min(i, int(j)), max(i, int(j))) for j in shared.indices[start:stop][order])
    return pairs
