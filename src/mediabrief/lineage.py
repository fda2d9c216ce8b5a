"""Where each article's information comes from: the sources it cites, the text it shares with other articles, and the
lineage graph from every article back to the origins of the story.

Citations: a sentence cites a source of the codebook (``sources``) when one of its aliases stands within a few words
of an attribution marker ("according to X", "X reported", "citing X"; the markers are ``attribution`` in the codebook);
it also cites any outlet or body the attribution grammar credits (:mod:`mediabrief.attribution`), and any other site
it links to (:func:`linked_sources`). Each source is named one way across the corpus (:func:`source_names`).

Reuse between two articles is measured three times:

- verbatim: passages of at least ``MIN_VERBATIM_WORDS`` consecutive words, inside one sentence, that both contain
  (word 8-grams, merged), except chains of names and titles (more than ``NAME_CHAIN_SHARE`` of the words capitalised:
  "Prime Minister Shigeru Ishiba and President Donald Trump"), which any two articles on a story share;
- paraphrase: TF-IDF cosine between sentences (an aligned pair scores at least ``ALIGN_THRESHOLD``, both sentences
  of at least ``ALIGN_MIN_WORDS`` words: a short heading matches any other), and between the whole documents
  (``similarity``);
- facts: the distinctive facts (amounts by value, dates, names, quotations, numbers) both give in the same order of
  sentences (:mod:`mediabrief.facts`).

The relation label, from these measures (thresholds chosen on the seeds, hand-made texts and the development corpus's
tuning half, see tests/test_lineage.py and tests/test_facts.py):

- ``rewrites``: the facts align as a rewrite's do (:func:`mediabrief.facts.rewrite_by_facts`), or at least
  ``REWRITE_MIN_ALIGNED`` aligned sentence pairs covering at least ``REWRITE_MIN_COVERAGE`` of the shorter article's
  sentences, or a document similarity of at least ``REWRITE_MIN_SIMILARITY``: one text follows the other sentence by
  sentence, whatever the wording;
- ``quotes``: otherwise, a shared verbatim passage with at least ``QUOTE_MIN_CONTENT_WORDS`` content words (lower
  case, not stop words, not numbers): a phrase taken over word for word, not a stock phrase of figures ("161 billion to
  542 billion over 20 years") that any report of the same estimate writes;
- ``independent``: neither.

For a corpus of more than ``ALL_PAIRS_LIMIT`` articles, only each article's ``NEIGHBOURS`` nearest neighbours (cosine on
the sparse document TF-IDF matrix) are compared, so that the comparisons grow with n·k rather than n². The neighbours
are found in two steps (:func:`nearest_neighbours`): a shortlist of ``SHORTLIST`` nearest by cosine in a
``PROJECTED_DIMENSIONS``-dimension projection of the TF-IDF matrix (latent semantic analysis: a truncated SVD), then
the nearest of them by the exact TF-IDF cosine. The search still compares every article with every other, but in 128
numbers rather than over the whole vocabulary: 3.6 s for 10,000 articles on this project's machine (25 s before), of
which the all-against-all part, which grows with the square of the corpus, is under 2 s (some 3 minutes at 100,000).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import sys
import textwrap
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from itertools import combinations, groupby
from typing import NamedTuple

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from . import attribution, facts
from .phrases import any_of
from .plotting import PAGE_WIDTH_IN, TEXT_COLOR, apply_style, short_label
from .textutils import WORD_RE, Sentence, article_sentences, split_sentences, words

MIN_VERBATIM_WORDS = 8
QUOTE_MIN_CONTENT_WORDS = 6
ALIGN_THRESHOLD = 0.4
ALIGN_MIN_WORDS = 6
REWRITE_MIN_ALIGNED = 4
REWRITE_MIN_COVERAGE = 0.3
NAME_CHAIN_SHARE = 0.5
SENTENCE_BREAK = "¶"
REWRITE_MIN_SIMILARITY = 0.6
ALL_PAIRS_LIMIT = 300
NEIGHBOURS = 10
NEIGHBOUR_CHUNK_CELLS = 4_000_000
SHORTLIST = 30
PROJECTED_DIMENSIONS = 128
EVIDENCE_ITEMS = 3
ALIGN_CHUNK_PAIRS = 1024

TFIDF_OPTIONS = {"stop_words": "english", "sublinear_tf": True, "token_pattern": r"(?u)\b\w[\w']*\b"}

CITATION_COLUMNS = ["article_id", "file", "cited_source", "sentence"]
REUSE_COLUMNS = ["file_a", "file_b", "verbatim_words", "similarity", "relation", "evidence"]
FACT_COLUMNS = ["file_a", "file_b", "facts_aligned", "distinctive_aligned", "fact_share", "aligned_facts"]


class Mention(NamedTuple):
    """A cited source in a sentence: its canonical name, where its alias stands, and the marker that links it."""

    source: str
    start: int
    end: int
    marker: str


# ---------------------------------------------------------------------------------------------------------- citations


def alias_table(codebook: dict) -> list[tuple[str, str]]:
    """(alias, source name) pairs, longest alias first, so that "Nikkei Asia" wins over "Nikkei".

    >>> alias_table({"sources": [{"name": "Nikkei", "aliases": ["Nikkei", "Nikkei Asia"]}]})
    [('Nikkei Asia', 'Nikkei'), ('Nikkei', 'Nikkei')]
    """
    pairs = [(alias, s["name"]) for s in codebook.get("sources", []) for alias in [s["name"], *s.get("aliases", [])]]
    return sorted(set(pairs), key=lambda p: (-len(p[0]), p[0]))


class CitationRules(NamedTuple):
    """A codebook's citation rules, compiled once: (alias, name, pattern) longest alias first, and the markers; with
    all the markers before (after) as one pattern, to tell quickly that none is there (None if they cannot be joined)."""

    aliases: tuple[tuple[str, str, re.Pattern], ...]
    before: tuple[re.Pattern, ...]
    after: tuple[re.Pattern, ...]
    before_window: int
    after_window: int
    any_before: re.Pattern | None = None
    any_after: re.Pattern | None = None


def citation_rules(codebook: dict) -> CitationRules:
    """The codebook's sources and attribution markers as compiled patterns (compiled once per distinct codebook).

    >>> rules = citation_rules({"sources": [{"name": "Reuters"}], "attribution": {"after": ["reported"]}})
    >>> [alias for alias, _, _ in rules.aliases], rules.after_window
    (['Reuters'], 2)
    """
    rules = codebook.get("attribution", {})
    # Tuples of the markers' text are the cache key (the codebook's lists are not hashable).
    return _compiled_rules(
        tuple(alias_table(codebook)),
        tuple(map(str, rules.get("before", []))),
        tuple(map(str, rules.get("after", []))),
        rules.get("before_window", 4),
        rules.get("after_window", 2),
    )


@functools.lru_cache(maxsize=32)
def _compiled_rules(
    aliases: tuple[tuple[str, str], ...], before: tuple[str, ...], after: tuple[str, ...], before_window: int, after_window: int
) -> CitationRules:
    """:func:`citation_rules` for one codebook's (hashable) sources and markers."""
    before_markers = tuple(re.compile(rf"\b{m}\b", re.IGNORECASE) for m in before)
    after_markers = tuple(re.compile(rf"\b{m}\b", re.IGNORECASE) for m in after)
    return CitationRules(
        _alias_patterns(aliases),
        before_markers,
        after_markers,
        before_window,
        after_window,
        _any_of(before_markers),
        _any_of(after_markers),
    )


def _any_of(markers: tuple[re.Pattern, ...]) -> re.Pattern | None:
    """One case-insensitive pattern that matches wherever one of the markers does (:func:`phrases.any_of`); None if
    there are none or they cannot be joined.

    >>> _any_of((re.compile("said", re.IGNORECASE), re.compile("told", re.IGNORECASE))).pattern
    '(?:said)|(?:told)'
    """
    joined = any_of(tuple(m.pattern for m in markers))
    return joined[0] if len(joined) == 1 else None


@functools.lru_cache(maxsize=32)
def _alias_patterns(aliases: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str, re.Pattern], ...]:
    """Each (alias, name) with the pattern that finds the alias as a whole word."""
    return tuple((alias, name, re.compile(rf"(?<![\w.]){re.escape(alias)}(?!\w)")) for alias, name in aliases)


def source_spans(sentence: str, aliases: list[tuple[str, str]]) -> list[tuple[str, int, int]]:
    """The sources named in a sentence, as (name, start, end), without overlaps (longest alias wins).

    >>> source_spans("Nikkei Asia and Reuters", [("Nikkei Asia", "Nikkei"), ("Reuters", "Reuters"), ("Nikkei", "Nikkei")])
    [('Nikkei', 0, 11), ('Reuters', 16, 23)]
    """
    return _spans(sentence, _alias_patterns(tuple(aliases)))


def named_sources(sentence: str, rules: CitationRules) -> list[tuple[str, int, int]]:
    """:func:`source_spans` with a codebook's compiled rules.

    >>> named_sources("Reuters and the Nikkei", citation_rules({"sources": [{"name": "Nikkei", "aliases": ["the Nikkei"]}]}))
    [('Nikkei', 12, 22)]
    """
    return _spans(sentence, rules.aliases)


def _spans(sentence: str, aliases: tuple[tuple[str, str, re.Pattern], ...]) -> list[tuple[str, int, int]]:
    """The spans of the aliases in a sentence, longest alias first, without overlaps."""
    taken: list[tuple[str, int, int]] = []
    for alias, name, pattern in aliases:
        # A match is the alias itself, so a sentence that does not contain it needs no search (most sentences).
        if alias not in sentence:
            continue
        for match in pattern.finditer(sentence):
            if all(match.end() <= s or match.start() >= e for _, s, e in taken):
                taken.append((name, match.start(), match.end()))
    return sorted(taken, key=lambda t: t[1])


def _gap_words(text: str) -> int:
    return len(WORD_RE.findall(text))


def _words_end(text: str, n: int) -> int:
    """Where the n-th word of a text ends (past the end if it has fewer), so that any text cut at this point or later
    has at least n words: WORD_RE has no look-ahead, so its first n matches do not depend on what follows them.

    >>> _words_end("Reuters said on Monday", 2), _words_end("Reuters said", 3)
    (12, 13)
    """
    nth = next(itertools.islice(WORD_RE.finditer(text), n - 1, None), None)
    return nth.end() if nth else len(text) + 1


def cited_sources(sentence: str, codebook: dict) -> list[Mention]:
    """The sources a sentence attributes something to: a named source with a marker close before or after it.

    >>> book = {"sources": [{"name": "Reuters"}, {"name": "Nikkei"}], "attribution": {"before": ["citing"], "after": ["reported"]}}
    >>> [m.source for m in cited_sources("The PM called, Reuters reported, citing Nikkei.", book)]
    ['Reuters', 'Nikkei']
    """
    return mentions(sentence, citation_rules(codebook))


# A title and a capitalised name right after a source's name, which then only places the person.
_TITLED_NAME_AFTER_RE = re.compile(
    rf"\s+(?:{'|'.join(attribution.TITLE_ABBREVIATIONS)}|Brig)\.?\s+(?:Gen\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w.'’-]*)*"
    r"|\s+(?:General|Lieutenant|Major|Colonel|Admiral|Captain|Secretary|Director|Chief|Commander|Senator|Representative)\s+[A-Z][\w'’-]+"
)
# After a name, a comma that closes the quotation it is in, or that parts it from a verb whose subject follows the verb
# ("…, says a new report", "…, said Hegseth"): that verb is not the name's.
_PARTED_FROM_VERB_RE = re.compile(
    r",(?:[”\"’]\s|\s+(?:says|said|writes|wrote|notes|noted|adds|added|states|stated|reports|reported)\s+(?:a|an|the|[A-Z]))"
)
# A person, or a person's post, that a body is "of" right before the body's name: "Gen. Michael Guetlein of the", "head
# of the", "the secretary of the" (not a body's own name: "the Department of the Air Force").
_PERSON_OF_BEFORE_RE = re.compile(
    r"(?:\b(?i:head|chief|commander|director|leader|chair|chairman|chairwoman|administrator|secretary|boss)|"
    r"\b[A-Z][a-z'’]+(?<!Department)(?<!Ministry)(?<!Office)(?<!Agency)(?<!Bureau)(?<!Committee)(?<!Institute)(?<!Council)"
    r"(?<!University)),?\s+(?:of|at)\s+(?:the\s+)?$"
)


def mentions(sentence: str, rules: CitationRules, spans: list[tuple[str, int, int]] | None = None) -> list[Mention]:
    """:func:`cited_sources` with compiled rules, and the sentence's :func:`source_spans` if already found.

    >>> rules = citation_rules({"sources": [{"name": "Reuters"}], "attribution": {"after": ["reported"]}})
    >>> mentions("Reuters reported it.", rules)
    [Mention(source='Reuters', start=0, end=7, marker='reported')]
    """
    found = []
    for name, start, end in _spans(sentence, rules.aliases) if spans is None else spans:
        if _TITLED_NAME_AFTER_RE.match(sentence, end):
            continue  # "according to Space Force Gen. Michael Guetlein": the person speaks, the body only places him
        if _PERSON_OF_BEFORE_RE.search(sentence[max(0, start - 40) : start]):
            continue  # "Gen. Dana Holt, head of the Space Force, told senators": the same, the body after the person
        marker = _marker_before(sentence[:start], rules.before, rules.before_window, rules.any_before)
        if not marker and not _PARTED_FROM_VERB_RE.match(sentence, end):
            # (a name a comma parts from a verb whose subject follows it, or a name inside a quotation, is not the verb's
            # subject: in "… widening the Space Force's role, says a new study by X", the study speaks)
            marker = _marker_after(sentence[end:], rules.after, rules.after_window, rules.any_after)
        if marker and _denied(sentence[end:], marker):
            continue  # "The White House did not say …", "the Space Force has said little about it": nothing credited
        if marker:
            found.append(Mention(name, start, end, marker))
    return found


def _denied(tail: str, marker: str) -> bool:
    """Whether the marker after a name is a verb of speech denied (as :data:`mediabrief.attribution.NEGATED_SPEECH_RE` and
    :data:`~mediabrief.attribution.SAID_NOTHING_RE` read it).

    >>> _denied(" did not say what it included.", "say"), _denied(" has said little about it.", "said"), _denied(" said so.", "said")
    (True, True, False)
    """
    at = re.search(rf"(?i)\b{re.escape(marker)}\b", tail)
    denied = attribution.NEGATED_SPEECH_RE.search(tail[: at.start()].lower()) if at else None
    return bool(at) and bool(denied or attribution.SAID_NOTHING_RE.match(tail, at.end()))


def _marker_before(head: str, markers: Iterable[re.Pattern], window: int, any_marker: re.Pattern | None = None) -> str | None:
    """The marker ending at most ``window`` words before the end of ``head``, if any.

    ``any_marker`` matches wherever one of the markers (or of a larger set) does: most heads have none at all.
    """
    if any_marker is not None and not any_marker.search(head):
        return None
    for marker in markers:
        for match in marker.finditer(head):
            if _gap_words(head[match.end() :]) <= window:
                return match.group(0).lower()
    return None


def _marker_after(tail: str, markers: Iterable[re.Pattern], window: int, any_marker: re.Pattern | None = None) -> str | None:
    """The first marker starting at most ``window`` words into ``tail``, if any (the lowest in alphabetical order if
    several start there).

    ``any_marker`` matches wherever one of the markers (or of a larger set) does, so it settles most tails in one
    search: no match, or none before the end of the first window + 1 words, means no marker; a match within the window
    is where the first marker starts, if one of ``markers`` starts there.
    """
    if any_marker is not None:
        first = any_marker.search(tail)
        if first is None or first.start() >= _words_end(tail, window + 1):
            return None
        if _gap_words(tail[: first.start()]) <= window:
            there = [m.group(0).lower() for marker in markers if (m := marker.match(tail, first.start()))]
            if there:
                return min(there)
    found = [(m.start(), m.group(0).lower()) for marker in markers if (m := marker.search(tail))]
    for start, text in sorted(found):
        if _gap_words(tail[:start]) <= window:
            return text
    return None


class CitedSentence(NamedTuple):
    """A sentence of an article that cites at least one outside source, with those citations."""

    article_id: str
    file: str
    sentence: str
    cited: list[Mention]


def cited_sentences(articles: pd.DataFrame, codebook: dict) -> list[CitedSentence]:
    """Every sentence that cites a source, with its citations: found once, read by the citations and relays tables.

    Three readings are joined: the codebook's sources next to an attribution marker; the outlets that
    :func:`mediabrief.attribution.credited_outlets` finds from the grammar of attribution whatever their name ("X
    reported", "told X", a link, a wire credit), with the bodies the grammar finds as the subject of a reporting verb
    or after "according to" ("the Pentagon estimated"); and links to another publication (:func:`linked_sources`). Each source
    is then named one way across the corpus (:func:`source_names`), and an article's own outlet (its byline or
    dateline credit, a link to its own site) is not a source it cites.
    """
    rules = citation_rules(codebook)
    analysed = attribution.analyse_articles(articles, codebook) if len(articles) else {}  # shared with voices and money
    money_acts = _MONEY_ACTS
    canonical = {alias.lower(): name for alias, name, _ in rules.aliases}
    outlets = articles["outlet"].tolist() if "outlet" in articles else [""] * len(articles)
    removed_lines = articles["removed"].tolist() if "removed" in articles else [[]] * len(articles)
    rows = zip(articles["article_id"], articles["file"], articles["text"], article_sentences(articles), outlets, removed_lines, strict=True)
    found = []
    for article_id, file, text, split, outlet, removed in rows:
        by_codebook = {
            sentence: cited
            for sentence, spans in _naming_sentences(text, split, rules.aliases)
            if (cited := mentions(sentence, rules, spans))
        }
        by_grammar: dict[int, list[Mention]] = {}
        if isinstance(text, str) and split:
            analysis = analysed[article_id]
            for i, name, start, end, how in [*attribution.credited_outlets(analysis), *_credited_bodies(analysis, money_acts)]:
                offset = split[i].start
                # (a description of a listed or typed outlet is no part of its name: "the Beijing-based Global Times")
                described = _undescribed(name, canonical)
                start, name = start + len(name) - len(described), described
                by_grammar.setdefault(i, []).append(Mention(canonical.get(name.lower(), name), start - offset, end - offset, how))
            for i, sentence in enumerate(split):
                for name, start, end, how in credited_by_pattern(sentence.text, canonical):
                    by_grammar.setdefault(i, []).append(Mention(canonical.get(name.lower(), name), start, end, how))
            known = [name for _, name in alias_table(codebook)]
            for i, name, start, end in linked_sources(text, split, known):
                offset = split[i].start
                # A link is a citation only where it names a publication (a listed or known one, or by the link's text):
                # a site known by its address alone is a company's, an office's or the page's own ("lockheedmartin.com",
                # "spaceforce.mil", a share link on a line of its own), which real coverage does not credit as a source.
                if _ADDRESS_ONLY_RE.fullmatch(name) or not text[split[i].start : split[i].end].strip().count(" "):
                    continue
                by_grammar.setdefault(i, []).append(Mention(canonical.get(name.lower(), name), start - offset, end - offset, "link"))
        own = outlet if isinstance(outlet, str) else ""
        for i, sentence in enumerate(split if isinstance(text, str) else []):
            cited = list(by_codebook.get(sentence.text, []))
            keys = {source_key(m.source) for m in cited}
            for m in by_grammar.get(i, []):
                # A source already found at the same place is the same one, however long a name each reading took.
                # (a body whose spokesperson speaks stands inside the span of the credit to whom they spoke: "A Pentagon
                # spokesperson told Defense News" credits both)
                apart = m.marker.startswith("spokesperson") or all(m.end <= c.start or m.start >= c.end for c in cited)
                # (a longer name read at the same place is the fuller credit: "a report by the Aerospace Corporation's
                # Center for Space Policy and Strategy" credits the center, not the corporation the grammar read first)
                shorter = [c for c in cited if c not in by_codebook.get(sentence.text, []) and m.start <= c.start < c.end <= m.end]
                if shorter and len(m.source) > max(len(c.source) for c in shorter) and source_key(m.source) not in keys:
                    cited = [c for c in cited if c not in shorter]
                    keys = {source_key(c.source) for c in cited}
                    apart = all(m.end <= c.start or m.start >= c.end for c in cited)
                if source_key(m.source) not in keys and apart:
                    keys.add(source_key(m.source))
                    cited.append(m)
            cited = [m for m in cited if not own or not is_own_outlet(m.source, own)]
            # a law or a programme is no source: "the Strategic Defence Initiative … showed" (attribution.is_thing)
            cited = [m for m in cited if not attribution.is_thing(m.source)]
            if cited:
                found.append(CitedSentence(article_id, file, sentence.text, sorted(cited, key=lambda m: m.start)))
        found += _agency_bylines(article_id, file, removed, own)
    names = source_names([m.source for c in found for m in c.cited], codebook)
    return [c._replace(cited=[m._replace(source=names.get(m.source, m.source)) for m in c.cited]) for c in found]


# A source named only by a site's address ("example.org"), as :func:`site_name` names a site it knows no name for.
_ADDRESS_ONLY_RE = re.compile(r"[\w-]+(?:\.[\w-]+)+")


# A byline that names a wire agency, not a writer ("By REUTERS", "By Agence France-Presse"), or a source line that does
# ("Source: Reuters."): the cleaner takes it out of the text as a byline or a credit, and it tells where the story came
# from.
_AGENCY_BYLINE_RE = re.compile(r"^\s*(?:[Bb][Yy]|Sources?:)\s+(?P<name>[A-Za-z][\w .&'’-]{1,40}?)\.?\s*$")


def _agency_bylines(article_id: str, file: str, removed: object, own: str) -> list[CitedSentence]:
    """The listed outlets an article's removed byline names, as wire credits (not its own outlet)."""
    found = []
    for line in removed if isinstance(removed, list) else []:
        match = _AGENCY_BYLINE_RE.match(str(line.get("text", "")))
        name = match.group("name") if match else ""
        agency = (attribution.outlet_name(name) or attribution.outlet_name(name.lower())) if name else ""
        if agency and not (own and is_own_outlet(agency, own)):
            start = match.start("name")
            credit = Mention(agency, start, start + len(name), "wire credit")
            found.append(CitedSentence(article_id, file, match.group(0).strip(), [credit]))
    return found


# Verbs of acting on money, whose subject spends, passes or pledges a sum rather than gives information.
_MONEY_ACTS = re.compile(
    r"(?i)(?:allocat|appropriat|approv|set\s+aside|sets\s+aside|spen[dt]|invest|paid|pays?\b|charg|commit|pledg|earmark|budgeted|"
    r"award|put\b|puts\b|offer|request|seek|sought|asked\s+for|wants?\b|sen(?:t|ds)\s+(?:Congress|lawmakers)\b)"
)

# Verbs by which a body acts or pushes a plan rather than gives information: "the Pentagon asked contractors how they
# would build it", "the administration has proposed a shield", "the firms pitched their designs", "has submitted a plan".
_PLAN_ACTS = re.compile(
    r"(?i)(?:propos(?:e|es|ed|ing)|pitch(?:es|ed|ing)?|ask(?:s|ed)?|submit(?:s|ted)?|threaten(?:s|ed)?|tout(?:s|ed)?|"
    r"continu(?:es|ed))\b"
)


# Verbs the money ledger reads as giving a figure ("the White House uses a $185 billion figure"), that say nothing
# without one.
_FIGURE_ONLY_ACTS = re.compile(r"(?i)(?:uses|use|used|using|provides?|provided|providing)\b")


_FIGURE_IN_RE = re.compile(r"(?i)[$€£¥]|\d[\d.,]*\s*(?:%|percent|per\s+cent|million|billion|trillion|bn)\b")


# Between a body's name and its spokesperson's: "Kremlin spokesman Dmitry Peskov", "Foreign Ministry Spokeswoman Maria
# Zakharova", "the ministry's press secretary, Jane Roe,".
_SPOKESPERSON_OF = re.compile(
    r"(?i)(?:['’]s)?\s+(?:chief\s+|deputy\s+|top\s+)?(?:spokesperson|spokesman|spokeswoman|press\s+secretary),?\s+$"
)


# How a body is credited whose spokesperson speaks under a name, a pronoun or a role given earlier in the text.
SPOKESPERSON_NAMED_BEFORE = "spokesperson named before"
# A government named as its administration: "the Trump administration", "the US administration".
_ADMINISTRATION_AT = re.compile(r"(?:[Tt]he\s+)?(?:[A-Z][\w.]*\s+){0,2}administration\b")

_BODY_BEFORE = re.compile(r"((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)$")


def _credited_bodies(analysis: attribution.Analysis, acts: re.Pattern | None = None) -> list[tuple[int, str, int, int, str]]:
    """Bodies (not persons, not outlets) that an attribution credits, as (sentence index, name, start, end, how): "the
    Pentagon estimated", "according to the Congressional Budget Office". A body named only as a speaker's employer is
    not credited here, nor one that only acts on money (``acts``: "the administration has allocated $25 billion" cites
    nobody) or pushes a plan ("the administration has proposed a shield")."""
    found = []
    first_named: dict[int, int] = {}  # where each entity is first named
    for m in analysis.mentions:
        if m.kind == "name" and m.entity >= 0:
            first_named.setdefault(m.entity, m.start)
    for i, attributions in enumerate(analysis.attributions):
        for a in attributions:
            if a.how != "according to" and (
                (acts is not None and acts.match(analysis.text, a.position)) or _PLAN_ACTS.match(analysis.text, a.position)
            ):
                continue
            # (a verb that gives a figure only when one follows: "It uses advanced sensors to track missiles" cites nobody)
            rest = analysis.text[a.position : analysis.sentences[i].end]
            if a.how != "according to" and _FIGURE_ONLY_ACTS.match(rest) and not _FIGURE_IN_RE.search(rest):
                continue
            # A body whose spokesperson speaks is cited ("Kremlin spokesman Dmitry Peskov told reporters"); a body that
            # only employs the speaker is not ("Aerospace Industries Association vice president Eric Fanning said").
            spokes = _SPOKESPERSON_OF.search(analysis.text, max(0, a.subject - 60), a.subject) if a.subject >= 0 else None
            marker = "spokesperson"
            if spokes is None and a.subject >= 0 and a.entity >= 0 and analysis.entities[a.entity].type == "person":
                # ... or named so where first named ("Kremlin spokesman Dmitry Peskov made a statement. He said …"): the
                # credit is marked at the speaker, in this sentence
                first = first_named.get(a.entity, -1)
                spokes = _SPOKESPERSON_OF.search(analysis.text, max(0, first - 60), first) if 0 <= first < a.subject else None
                marker = SPOKESPERSON_NAMED_BEFORE
            body = [
                m
                for m in analysis.mentions
                if spokes and m.end == spokes.start() and m.entity >= 0 and analysis.entities[m.entity].type == "organisation"
            ]
            named = (
                _BODY_BEFORE.search(analysis.text, max(0, spokes.start() - 60), spokes.start()) if spokes is not None and not body else None
            )
            # (a body the grammar took as the person's titles: "Russian Foreign Ministry Spokeswoman Maria Zakharova")
            name = analysis.entities[body[0].entity].name if body else named.group(1) if named else ""
            if name and (body or attribution.entity_type(name) == "organisation"):
                at = a.subject if marker == SPOKESPERSON_NAMED_BEFORE else body[0].start if body else named.start(1)
                found.append((i, name, at, a.position, marker))
            # A body only a role stands for ("the administration", "the government" with none named) is not a source
            # a reader could look up: it is not credited.
            # Nor is a government named as its administration ("the Trump administration says"): the codebook files it
            # under the White House for owners and speakers, but no office of that name is credited.
            if (
                a.entity >= 0
                and analysis.entities[a.entity].type == "organisation"
                and not analysis.entities[a.entity].name.startswith("the ")
                and not (a.subject >= 0 and _ADMINISTRATION_AT.match(analysis.text, a.subject))
            ):
                start, end = a.subject if a.subject >= 0 else a.position, a.position
                if a.how == "according to":  # the name after the marker, where the text names it there
                    start, end = next(((m.start, m.end) for m in analysis.mentions if m.end == a.subject), (a.position, a.subject))
                found.append((i, analysis.entities[a.entity].name, start, end, a.how))
    return found


# A publication's name: capitalised words, "of"/"and" inside ("The Japan Times", "South China Morning Post"), and "for"
# after a body's word ("Center for Space Policy and Strategy").
_FOR_BODIES = ("Center", "Centre", "Institute", "Council", "Foundation", "Alliance", "Coalition", "Committee", "Association", "Society",
               "Project", "Fund", "Campaign", "Taxpayers", "Partnership", "Initiative", "Office", "Scientists", "Network")
_OUTLET_NAME = (
    r"(?:[Tt]he\s+)?[A-Z][\w&'’.-]*(?:\s+(?:of\s+|and\s+|&\s+|"
    # ("for" only after a body's word: "Center for Space Policy and Strategy", not "(Optional for Local News)")
    + "(?:" + "|".join(f"(?<={w} )" for w in _FOR_BODIES) + r")for\s+"
    r")?[A-Z][\w&'’.-]*){0,5}"
)
# What an article calls a publication before or after its name: "the Hong Kong daily", "the Kyodo news agency".
_OUTLET_KIND = (
    r"(?:(?:[A-Z][\w.-]*\s+){0,3}(?:daily|newspaper|weekly|news\s+agency|wire\s+service|broadcaster|public\s+broadcaster|"
    r"news\s+site|newsletter|magazine|outlet|tabloid|radio|television|network))"
)
OUTLET_CREDIT_RES = (
    # "according to a report in X", "an article in X said", "a report by X", "A recent report from X"
    re.compile(
        rf"\b(?:[Aa]|[Aa]n|[Tt]he)\s+(?:\w+\s+){{0,2}}(?:report|article|story|dispatch|interview)\s+(?P<preposition>in|by|from|with)\s+(?:the\s+(?P<kind>{_OUTLET_KIND})\s+)?"
        rf"(?P<name>{_OUTLET_NAME})"
    ),
    # "first reported by X", "was reported by X"
    re.compile(rf"\breported\s+(?:\w+\s+)?by\s+(?:the\s+(?P<kind>{_OUTLET_KIND})\s+)?(?P<name>{_OUTLET_NAME})"),
    # "X's English edition reported", "the X news agency reported", "X first reported"
    re.compile(
        rf"(?P<name>{_OUTLET_NAME})(?P<kind>['’]s\s+English(?:-language)?\s+(?:edition|service|website)|\s+{_OUTLET_KIND})?"
        # (not "has learned": an outlet says it of itself, in its own story)
        r"\s+(?:first\s+|also\s+|earlier\s+)?(?:reported|reports|broke\s+the\s+news|quoted)\b"
    ),
    # "In an op-ed for The Hill", "Writing in Foreign Affairs", "Documents obtained by Politico"
    re.compile(
        r"\b(?:(?:an?|his|her|their)\s+(?:op-ed|opinion\s+piece|column|essay|article)\s+(?:for|in)|[Ww]riting\s+(?:for|in)|"
        rf"(?:obtained|seen|reviewed)\s+by)\s+(?:the\s+(?P<kind>{_OUTLET_KIND})\s+)?(?P<name>{_OUTLET_NAME})"
    ),
    # "told the Hong Kong daily X", "told the broadcaster X"
    re.compile(rf"\btold\s+(?:the\s+)?(?P<kind>{_OUTLET_KIND})\s+(?P<name>{_OUTLET_NAME})"),
    # "in a talk with a TASS correspondent", "told a Kyodo reporter"
    re.compile(rf"\b(?:with|to|told)\s+an?\s+(?P<name>{_OUTLET_NAME})\s+(?P<kind>correspondent|reporter|journalist)\b"),
    # "said in a statement to Bloomberg News", "speaking to Fox News Digital"
    re.compile(
        rf"\b(?:(?:in\s+)?an?\s+(?:\w+\s+)?(?:statement|email|e-mail|comment)\s+to|[Ss]peaking\s+(?:to|with))\s+"
        rf"(?:the\s+(?P<kind>{_OUTLET_KIND})\s+)?(?P<name>{_OUTLET_NAME})"
    ),
    # an agency's dateline credit between slashes: "MOSCOW, May 27. /TASS/." (its English site sets it in lower case:
    # "/tass/.")
    re.compile(r"^(?:[A-Z][A-Z .,'-]*,[^/\n]{0,30})?/(?P<name>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?|[a-z]{3,8})(?P<kind>/)"),
)
# Credits that name a publication only by its name, read only for a name known to be one (a listed outlet, or one
# whose words say so): "the Bloomberg report", "quoted as saying by ABC News", "a statement carried by KCNA", "spoke
# with The Wall Street Journal", "according to Reuters and the Los Angeles Times", "… by 2028 (Reuters)".
KNOWN_OUTLET_CREDIT_RES = (
    re.compile(
        rf"\b(?:[Tt]he|[Aa]n?|previous|earlier|recent|several|numerous|many)\s+(?P<name>{_OUTLET_NAME})(?:['’]s)?\s+"
        # (not "a Fox News interview": the programme a person spoke on, as "told Fox News" is not, is the venue of their words)
        r"(?:report|article|story|investigation|analysis|opinion\s+piece|op-ed|column|editorial|poll|survey)s?\b"
    ),
    # "Inside Defense was the first to report", "Bloomberg recently released a noteworthy report on …"
    re.compile(
        rf"(?P<name>{_OUTLET_NAME})\s+(?:(?:was|were)\s+(?:the\s+)?first\s+to\s+report|(?:\w+ly\s+)?(?:released|published|ran)\s+"
        r"(?:a|an|its)\s+(?:[\w-]+\s+){0,3}(?:report|analysis|investigation|story|article|survey|poll))\b"
    ),
    # "…, reports Air & Space Forces Magazine.", "Published by Space News", "he explains in Izvestia"
    re.compile(
        rf"(?:,\s+(?:reports|reported|writes|wrote)|\b(?:Published|Reported)\s+by|\b(?:explains|explained|writes|wrote|argues|argued|said|says)"
        rf"\s+in)\s+(?:the\s+)?(?P<name>{_OUTLET_NAME})\s*(?:[.,;:]|$)"
    ),
    # "carried by the North's official news agency, KCNA": the publication named after what it is
    re.compile(
        r"\b(?:carried|reported|published|broadcast|quoted)\s+by\s+(?:[\w’'.-]+\s+){0,5}?"
        rf"(?:news\s+agency|agency|media|outlet|broadcaster|newspaper|daily|television|TV|network),?\s+(?:the\s+)?(?P<name>{_OUTLET_NAME})"
    ),
    # "Prior reporting by The Wall Street Journal put the award at …", "coverage from Bloomberg"
    re.compile(rf"\b(?:[Rr]eporting|[Cc]overage)\s+(?:by|from|in)\s+(?P<name>{_OUTLET_NAME})"),
    # "Six sources confirmed the plan for Reuters", "he said in remarks for Politico": words given for a publication
    re.compile(rf"\b(?:confirmed|told|said|spoke|commented|explained)\b[^.;:“”\"]{{0,80}}?\s+for\s+(?P<name>{_OUTLET_NAME})\s*[.;,]"),
    # "The Yomiuri newspaper, which first reported the plan"
    re.compile(
        rf"(?P<name>{_OUTLET_NAME})(?:\s+(?:newspaper|daily|news\s+agency|broadcaster|network))?,\s+which\s+"
        r"(?:first\s+|also\s+|earlier\s+)?(?:reported|broke)\b"
    ),
    re.compile(
        r"\b(?:(?:quoted|cited)\s+(?:as\s+saying\s+)?by|(?:shared|published|carried|aired|broadcast|released)\s+by"
        r"|sp(?:oke|eaks|eaking)\s+(?:to|with)|in\s+an\s+interview\s+with|[Aa]ccording\s+to|citing)"
        rf"\s+(?:the\s+)?(?P<name>{_OUTLET_NAME}(?:,?\s+and\s+(?:the\s+)?{_OUTLET_NAME})?)"
    ),
    re.compile(rf"\((?P<name>{_OUTLET_NAME})(?:,[^()\n]{{0,40}})?\)\s*[.;]?\s*$"),
    # a wire's credit in brackets after a dateline: "WASHINGTON, May 21 (ANI): …"
    re.compile(rf"^[A-Z][A-Za-z .,'-]{{2,40}}\d{{0,2}}\s*\((?P<name>{_OUTLET_NAME})\)\s*[:—–-]"),
    # "(via SpaceNews)", "telling Politico that", "voiced frustration to Bloomberg about", "As Politico's Jeff Greenfield put
    # it", "reported by outlets including RIA Novosti"
    re.compile(rf"\(via\s+(?:the\s+)?(?P<name>{_OUTLET_NAME})\)"),
    re.compile(rf"\btell(?:ing|s)\s+(?:the\s+)?(?P<name>{_OUTLET_NAME})\s+(?:that|about|in|on|it|the|he|she|they)\b"),
    re.compile(
        rf"\b(?:expressed|voiced|described|explained|admitted|conceded)\s+(?:[a-z]+\s+){{0,3}}to\s+(?:the\s+)?(?P<name>{_OUTLET_NAME})\b"
    ),
    re.compile(
        rf"(?:^|\s)(?:[Aa]s\s+)?(?P<name>{_OUTLET_NAME})['’]s\s+(?:[a-z-]+\s+){{0,3}}[A-Z][a-z]+\s+[A-Z][a-z'’-]+\s+(?:put\s+it|wrote|writes|summarized|summarised|noted|reported|argued|observed)\b"
    ),
    re.compile(
        rf"\b(?:[Rr]eported|cited|quoted)\s+by\s+(?:[a-z]+\s+){{0,3}}?(?:including|such\s+as)\s+(?:the\s+)?(?P<name>{_OUTLET_NAME})"
    ),
)


# A body's document by its possessive, or a body doing the work of one: "the Congressional Budget Office's $542
# billion estimate", "the GAO's latest report", "with the CBO calculating that …".
BODY_DOCUMENT_RE = re.compile(
    rf"(?P<name>{_OUTLET_NAME})['’]s?\s+(?:[\w$.,-]+\s+){{0,3}}?(?:estimates?|report|analysis|assessment|study|projections?|calculations?|letter|"
    r"statement|review|audit|testimony|memo|findings|figures|data|scoring)\b"
    # "outside estimates, including those from the budget office"
    # ... "A report from the American Enterprise Institute put …", "Data from Bloomberg Government show …"
    r"|\b(?:(?:estimates|assessments|analyses|projections|studies|reports|figures),?\s+(?:including\s+(?:those|ones)\s+)?"
    r"|(?i:an?|the)\s+(?:(?:new|recent|latest|separate|earlier|independent)\s+)?(?:report|study|analysis|assessment|estimate|survey|paper)\s+"
    r"|(?<![\w-])(?i:data)\s+)(?:from|by)\s+"
    rf"(?:the\s+)?(?P<from>{_OUTLET_NAME})"
    rf"|\bwith\s+(?:the\s+)?(?P<with>{_OUTLET_NAME})\s+(?:calculating|estimating|projecting|reporting|warning|finding|concluding|noting)\b"
    # ... its name as the document's adjective: "a Congressional Budget Office analysis put", "A new Defense Intelligence
    # Agency assessment"; or the document made by it: "a study released in May by the American Enterprise Institute"
    r"|\b(?i:an?|the)\s+(?:(?:new|recent|latest|separate|earlier|independent|\d{4})\s+)?"
    rf"(?P<adjective>{_OUTLET_NAME})\s+(?:report|study|analysis|assessment|estimate|survey|poll|paper|review|audit)\b"
    r"|\b(?:report|study|analysis|assessment|estimate|survey|poll|paper|review|audit)\s+(?:released|published|conducted|issued|"
    rf"commissioned|prepared|produced)\s+(?:[\w.,]+\s+){{0,3}}?by\s+(?:the\s+)?(?P<by>{_OUTLET_NAME})"
)
# Where a republished text first ran, whatever the publication's name: "This column first appeared in The
# Monthly", "Reprinted from Bracing Views", "This article originally appeared at TomDispatch.com".
REPUBLISHED_RE = re.compile(
    r"\b(?:(?:first|originally)\s+(?:appeared|published|ran|posted)|(?:re)?published\s+(?:first|originally)|[Rr]eprinted|[Rr]epublished|"
    rf"[Aa]dapted)\s+(?:\w+\s+)?(?:in|at|on|from|by)\s+(?P<name>{_OUTLET_NAME})"
)
# A body whose spokesperson or official speaks, named after the role: "the shield is dangerous, a spokesman for
# Beijing's defence ministry said", "Ana Ruiz, a spokesperson at the premier's office, said".
SPOKESPERSON_FOR_RE = re.compile(
    r"\b(?:spokes(?:person|man|woman)|press\s+secretary|official|representative)\s+(?:for|from|at|of|with)\s+(?:the\s+)?"
    # (an office or a ministry by whose it is: "the Prime Minister's Office", "China's foreign ministry")
    rf"(?P<name>(?:[A-Z][\w.-]*\s+){{0,4}}[A-Z][\w.-]*['’]s\s+(?:[Oo]ffice|(?:foreign|defen[cs]e)\s+ministry)|{_OUTLET_NAME})"
    # ... or before it, unnamed: "A Pentagon spokesperson told Defense News", "a State Department spokeswoman said"
    rf"|\b(?i:an?)\s+(?P<before>{_OUTLET_NAME})\s+(?:spokes(?:person|man|woman)|press\s+secretary)\b"
)
# Words whose full stop is their own: a name ending in one keeps it.
_ABBREVIATIONS = frozenset({"inc", "ltd", "co", "corp", "jr", "sr", "st", "dept", "bros"})


def _closes_sentence(name: str) -> bool:
    """Whether a name ends in its sentence's full stop ("Defense."), not an abbreviation's ("U.S.", "Acme Inc.")."""
    last = name.split()[-1] if name.split() else ""
    word = last[:-1]
    return last.endswith(".") and len(word) > 1 and "." not in word and word.lower() not in _ABBREVIATIONS
# Publications named only by what they are: "told Russian state media", "in a statement to Russian state television",
# "according to North Korean state media". A nationality must say which (whose "state media" is left to the name it
# relays for: a reader cannot look it up).
_MEDIA = r"[A-Z][a-z]+(?:an|ese|ish|ic|i)\s+(?:state(?:-run)?\s+)?(?:media|television|TV|news\s+agencies|broadcaster)"
DESCRIBED_MEDIA_RE = re.compile(
    r"\b(?:told|telling|tells|(?:statement|interview|remarks|comments?)\s+(?:to|with)|sp(?:oke|eaking|eaks)\s+(?:to|with)|"
    r"[Aa]ccording\s+to|(?:reported|cited|quoted|carried|broadcast)\s+by)\s+"
    rf"(?P<name>(?:[A-Z][a-z]+\s+)?{_MEDIA})\b"
    rf"|(?:^|(?<=[,;]\s))(?P<subject>(?:[A-Z][a-z]+\s+)?{_MEDIA})\s+(?:reported|reports|said|says|quoted|cited)\b"
)
_DESCRIBED_OUTLET_RE = re.compile(
    r"^(?:(?:[A-Z][\w.-]*\s+)?[A-Z][\w.-]*['’]s\s+|[A-Z][\w]*-(?:controlled|run|owned|backed|based)\s+)(?=[A-Z])"
)


def _undescribed(name: str, known: Iterable[str] = ()) -> str:
    """An outlet's name without what the text says of it before the name ("South Korea's Yonhap", "the Kremlin-controlled
    TASS", "the Beijing-based Global Times"), where what is left is an outlet (by its words, or one of ``known``).

    >>> _undescribed("Beijing-based Global Times"), _undescribed("Japan's Defense Ministry")
    ('Global Times', "Japan's Defense Ministry")
    """
    described = _DESCRIBED_OUTLET_RE.sub("", name)
    return described if described != name and (described.lower() in known or attribution.entity_type(described) == "outlet") else name


def credited_by_pattern(sentence: str, known: Iterable[str] = ()) -> list[tuple[str, int, int, str]]:
    """Sources a sentence credits in the forms the attribution grammar may not read, as (name, start, end, how): "a
    report in X", "reported by X", "X's English edition reported", "the X news agency reported", "told the Hong Kong
    daily X"; a known outlet by its name alone ("the Bloomberg report", "(Reuters)"); a body by its document ("the
    CBO's estimate"), its spokesperson ("a spokesperson for X") or ``known`` (the codebook's sources); where a
    republished text first ran. A name that :func:`mediabrief.attribution.entity_type` reads as a person's or a body's
    is a publication only when the text calls it one ("the Hong Kong daily Ming Pao"); a sentence opener ("It
    reported") is none. The social platform a post was on is no source: the post's author is one, and a person speaking
    for themselves is a voice, not a citation (as the labels of 900 real pages read it).

    >>> [n for n, *_ in credited_by_pattern("Tokyo is weighing a role, according to a report in the South China Morning Post.")]
    ['South China Morning Post']
    >>> [n for n, *_ in credited_by_pattern("The talks go on, the Kyodo news agency reported.")]
    ['Kyodo']
    >>> [n for n, *_ in credited_by_pattern("Costs are unclear, according to Reuters and the Los Angeles Times.")]
    ['Reuters', 'Los Angeles Times']
    >>> [n for n, *_ in credited_by_pattern("Trump wrote in a post on his Truth Social platform that Canada would pay.")]
    []
    """
    known = {k.lower() for k in known}  # the codebook's sources, credited by a document of theirs ("the Pentagon's report")
    found = []
    for pattern in OUTLET_CREDIT_RES:
        for match in pattern.finditer(sentence):
            name = re.sub(r"^[Tt]he\s+", "", match.group("name")).rstrip(".,’'")
            if name.islower():  # a dateline's agency in lower case ("/tass/") only as a listed outlet, as it is listed
                name = attribution.outlet_name(name) or ""
                if not name:
                    continue
            # (what the text says of the publication is no part of its name: "South Korea's Yonhap news agency", "the
            # Kremlin-controlled TASS news agency")
            name = _undescribed(name)
            words = name.split()
            if not words or words[0].lower() in attribution.LEADING_STOP:
                continue
            nationality = len(words) == 1 and re.fullmatch(r"[A-Z][a-z]+(?:an|ese|ish)", name)
            if nationality and re.match(r"\s+[a-z]", sentence[match.end("name") :]):
                continue  # a nationality describing what follows ("a report by the American research company X")
            # "X reported" alone is read as a publication's credit only for a name that is one ("Bloomberg News");
            # "a report in X", "reported by X" also for a name of unknown kind ("Semafor").
            # ... or a name of two words said to have been first with it ("Inside Defense first reported").
            first = (
                pattern is OUTLET_CREDIT_RES[2]
                and len(words) >= 2
                and re.search(r"\s(?:first\s+reported|broke\s+the\s+news)", match.group(0))
            )
            readable = ("outlet", "unknown", "name") if first else ("outlet",) if pattern is OUTLET_CREDIT_RES[2] else ("outlet", "unknown")
            if not match.group("kind") and attribution.entity_type(name) not in readable:
                continue
            place = match.groupdict().get("preposition") == "in" and len(words) == 1 and not match.group("kind")
            if place and attribution.entity_type(name) != "outlet":
                continue  # a place, not a publication: "during an interview in Davos", "a report in Tokyo"
            if re.fullmatch(_OUTLET_KIND, name, re.IGNORECASE):
                continue
            found.append((name, match.start("name"), match.end("name"), "reported"))
    return [
        *found,
        *_known_outlet_credits(sentence),
        *_document_credits(sentence, known),
        *_republished_credits(sentence),
        *_spokesperson_credits(sentence, known),
        *_described_media_credits(sentence),
    ]


def _described_media_credits(sentence: str) -> list[tuple[str, int, int, str]]:
    """Publications named only by what they are (:data:`DESCRIBED_MEDIA_RE`): "Russian state media"."""
    found = []
    for match in DESCRIBED_MEDIA_RE.finditer(sentence):
        group = "name" if match.group("name") else "subject"
        found.append((match.group(group), match.start(group), match.end(group), "reported"))
    return found


def _known_outlet_credits(sentence: str) -> list[tuple[str, int, int, str]]:
    """Publications credited by a name known to be one (:data:`KNOWN_OUTLET_CREDIT_RES`), each of two joined by "and"."""
    found = []
    for pattern in KNOWN_OUTLET_CREDIT_RES:
        for match in pattern.finditer(sentence):
            whole = re.sub(r"^[Tt]he\s+", "", match.group("name")).rstrip(".,’'")
            if " and " in whole and attribution.outlet_name(whole):  # "The Globe and Mail" is one, a listed name
                start = sentence.index(whole, match.start("name"))
                found.append((whole, start, start + len(whole), "reported"))
                continue
            # "Reuters and the Los Angeles Times" is two outlets, each credited when known to be one.
            for part in re.finditer(r"(?:(?<=^)|(?<=\sand\s))(?:[Tt]he\s+)?([^,]+?)(?=,?\s+and\s+|$)", match.group("name")):
                name = part.group(1).rstrip(".,’'")
                start = match.start("name") + part.start(1)
                described = _undescribed(name)  # "the Beijing-based Global Times"
                start, name = start + len(name) - len(described), described
                if attribution.entity_type(name) == "outlet":
                    found.append((name, start, start + len(name), "reported"))
    return found


def _document_credits(sentence: str, known: set[str]) -> list[tuple[str, int, int, str]]:
    """Bodies credited by a document of theirs (:data:`BODY_DOCUMENT_RE`): a name typed as a body, or a known source."""
    found = []
    for match in BODY_DOCUMENT_RE.finditer(sentence):
        group = next(g for g in ("name", "with", "from", "adjective", "by") if match.group(g))
        name = re.sub(r"^[Tt]he\s+", "", match.group(group)).rstrip(",’'")
        if not re.search(r"\b(?:Corp|Inc|Ltd|Co|[A-Z])\.$", name):
            name = name.rstrip(".")  # a sentence's full stop, not an abbreviation's ("Aerospace Corp.", "U.S.")
        if group == "adjective" and re.search(r"\d", name):
            continue  # a model or a programme's designation, not a body: "the F35 review"
        if attribution.entity_type(name) in ("organisation", "outlet") or name.lower() in known:
            start = match.start(group) + match.group(group).index(name)
            found.append((name, start, start + len(name), "report in"))
    return found


def _republished_credits(sentence: str) -> list[tuple[str, int, int, str]]:
    """Where a republished text first ran (:data:`REPUBLISHED_RE`), whatever the publication's name."""
    found = []
    for match in REPUBLISHED_RE.finditer(sentence):
        name = re.sub(r"\.(?:com|org|net)$", "", match.group("name").rstrip(".,’'"))  # "TomDispatch.com" is TomDispatch
        nationality = re.fullmatch(r"[A-Z][a-z]+(?:an|ese|ish|i)", name)  # "originally appeared in Japanese media"
        if re.sub(r"^The\s+", "", name).split()[0].lower() not in attribution.LEADING_STOP and not nationality:
            found.append((name, match.start("name"), match.start("name") + len(name), "wire credit"))
    return found


def _spokesperson_credits(sentence: str, known: set[str]) -> list[tuple[str, int, int, str]]:
    """Bodies whose spokesperson or official speaks, named after the role (:data:`SPOKESPERSON_FOR_RE`)."""
    found = []
    for match in SPOKESPERSON_FOR_RE.finditer(sentence):
        group = "name" if match.group("name") else "before"
        name, end = match.group(group), match.end(group)
        # (a name that closes its sentence does not take the full stop: "… warned a spokesman from the National Defense
        # Ministry of China." names the ministry; "U.S." keeps its own)
        if _closes_sentence(name):
            name, end = name[:-1], end - 1
        # (before the role, a name of unknown kind is a body: "a Pentagon spokesperson", "a Kremlin spokesman")
        body = attribution.entity_type(name) == "organisation" or (group == "before" and attribution.entity_type(name) == "unknown")
        if body or name.lower() in known or re.search(r"['’]s\s+(?:[Oo]ffice|(?:foreign|defen[cs]e)\s+ministry)$", name):
            found.append((name, match.start(group), end, "spokesperson"))
    return found


_URL_RE = re.compile(r"https?://(?:www\d?\.)?([\w-]+(?:\.[\w-]+)+)[^\s)\"'<>\]]*", re.IGNORECASE)
# Second-level labels that are not the site's own name ("bbc.co.uk" is BBC's, "nhk.or.jp" NHK's).
_GENERIC_LABELS = frozenset({"co", "com", "or", "ac", "gov", "org", "net", "ne", "go", "edu", "news"})


def site_name(url: str, known: Iterable[str] = ()) -> str:
    """The source a link points to: the known name whose letters are the site's name ("defenseone.com" is "Defense
    One"), else the news outlet whose site it is (:func:`mediabrief.attribution.outlet_of_site`) or whose name its
    letters are ("bbc.com" is BBC), else the site's own domain, without "www." or another part of the site
    ("ssc.spaceforce.mil" and "spaceforce.mil" are one site).

    >>> site_name("https://www.defenseone.com/x/y", ["Defense One", "Reuters"]), site_name("https://www3.nhk.or.jp/news/")
    ('Defense One', 'NHK')
    >>> site_name("https://www.bbc.com/news/a"), site_name("https://news.example.org/a"), site_name("https://example.co.uk/a")
    ('BBC', 'example.org', 'example.co.uk')
    """
    match = _URL_RE.match(url)
    if not match:
        return url
    domain = match.group(1).lower()
    labels = [label for label in domain.split(".")[:-1] if label not in _GENERIC_LABELS]
    squashed = {_letters(name): name for name in known}
    named = next((squashed[label] for label in reversed(labels) if label in squashed), "")
    if named:
        return named
    listed = _outlets_by_letters()
    by_letters = next((listed[label] for label in reversed(labels) if label in listed), "")
    # (the site's own domain: its last two labels, three where the second is generic, "example.co.uk")
    parts = domain.split(".")
    own = ".".join(parts[-3:] if len(parts) >= 3 and parts[-2] in _GENERIC_LABELS else parts[-2:])
    return attribution.outlet_of_site(domain) or by_letters or own


def _letters(name: str) -> str:
    """A name's letters and digits, lower case, without a leading "the" ("The Hill" is "hill")."""
    return re.sub(r"[^a-z0-9]", "", name.lower().removeprefix("the "))


@functools.cache
def _outlets_by_letters() -> dict[str, str]:
    """The listed outlets by the letters of each of their names ("bbc" is BBC), read once."""
    return {_letters(alias): outlet.name for outlet in attribution.news_outlets() for alias in (outlet.name, *outlet.aliases)}


def linked_sources(text: str, sentences: list[Sentence], known: Iterable[str] = ()) -> list[tuple[int, str, int, int]]:
    """The sites a text links to (a markdown or HTML link, or a bare address), as (sentence index, source name, start,
    end): the name :func:`site_name` gives, or the link's text when it is a short name and the site is none of the
    known ones.

    >>> text = "The talks began, [Defense One](https://www.defenseone.com/a) reported. See https://www.harbourgazette.example/news."
    >>> [(i, name) for i, name, _, _ in linked_sources(text, split_sentences(text), ["Defense One"])]
    [(0, 'Defense One'), (1, 'harbourgazette.example')]
    """
    known = list(known)
    starts = [s.start for s in sentences]
    found = []
    for match in _URL_RE.finditer(text):
        index = bisect.bisect_right(starts, match.start()) - 1
        if index < 0 or match.start() >= sentences[index].end:
            continue
        name = site_name(match.group(0), known)
        # The link's own text names the outlet when it is short and capitalised ("[NHK](...)"), not a headline.
        before = re.search(r"\[([^\]\n]{2,60})\]\(\Z", text[max(0, match.start() - 64) : match.start()])
        after = re.match(r"[^>]*>([^<]{2,60})</a>", text[match.end() : match.end() + 200])
        words = ((before and before.group(1)) or (after and after.group(1)) or "").split()
        if name not in known and words and len(words) <= 4 and all(w[:1].isupper() or w in ("of", "the", "and") for w in words):
            name = " ".join(words)
        found.append((index, name, match.start(), match.end()))
    return found


def is_own_outlet(source: str, outlet: str) -> bool:
    """Whether a source found in an article is the article's own outlet: the same :func:`source_key`, or a site whose
    name is the outlet's, letters only ("northwestsignal.example" is Northwest Signal's).

    >>> is_own_outlet("Meridian Wire", "Meridian Wire"), is_own_outlet("northwestsignal.example", "Northwest Signal")
    (True, True)
    >>> is_own_outlet("Reuters", "Meridian Wire")
    False
    """
    if source_key(source) == source_key(outlet):
        return True
    squashed = re.sub(r"[^a-z0-9]", "", source_key(outlet))
    return "." in source and " " not in source and squashed in [re.sub(r"[^a-z0-9]", "", label) for label in source.lower().split(".")]


def source_key(name: str) -> str:
    """A source's name reduced to what tells it from others: lower case, without "the", a leading "U.S.", a trailing
    "News" and a company's legal form ("The Wall Street Journal" and "Wall Street Journal" are one; so are "Bloomberg
    News" and "Bloomberg", "Aerospace Corp." and "Aerospace Corporation").

    >>> source_key("The Wall Street Journal"), source_key("U.S. Space Force"), source_key("Bloomberg News")
    ('wall street journal', 'space force', 'bloomberg')
    >>> source_key("Aerospace Corp."), source_key("Aerospace Corporation")
    ('aerospace', 'aerospace')
    """
    key = re.sub(r"[’']", "'", str(name)).lower().strip()
    key = re.sub(r"^(?:the|u\.s\.|us)\s+", "", key)
    key = re.sub(r"\s+news$", "", key)
    key = re.sub(r"(?<=\w),?\s+(?:corp|corporation|inc|incorporated|co|company|ltd|llc|plc)\.?$", "", key)
    return re.sub(r"\s+", " ", key.replace(".", "")).strip()


def source_names(names: Iterable[str], codebook: dict | None = None) -> dict[str, str]:
    """One name per source across a corpus: spellings with the same :func:`source_key` take the codebook's name if it
    gives one, else the longest spelling; an acronym takes the one full name whose initials it is
    (:func:`mediabrief.attribution.merged_names`).

    >>> names = source_names(["Bloomberg", "Bloomberg News", "AP", "Associated Press", "Reuters"])
    >>> names["Bloomberg"], names["AP"], names["Reuters"]
    ('Bloomberg News', 'Associated Press', 'Reuters')
    """
    names = list(dict.fromkeys(names))
    listed = {source_key(alias): name for alias, name in alias_table(codebook or {})}
    # (a body or an outlet the codebook's actors name is named as they name it: "DoD" is the Pentagon)
    for actor in (codebook or {}).get("actors", []) or []:
        if actor.get("type") in ("organisation", "outlet"):
            for alias in [actor["name"], *actor.get("aliases", [])]:
                listed.setdefault(source_key(str(alias)), str(actor["name"]))
    # (two spellings of one listed outlet are one source: "SpaceNews" and "Space News")
    def key(name: str) -> str:
        return source_key(attribution.outlet_name(name) or name)

    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(key(name), []).append(name)
    display = {k: listed.get(k) or max(spellings, key=lambda n: (len(n), n)) for k, spellings in groups.items()}
    merged = attribution.merged_names((name, "outlet") for name in display.values())
    return {name: merged.get(display[key(name)], display[key(name)]) for name in names}


def _naming_sentences(
    text: str, sentences: list[Sentence], aliases: tuple[tuple[str, str, re.Pattern], ...]
) -> Iterator[tuple[str, list[tuple[str, int, int]]]]:
    """The sentences of a text (given, split) that contain an alias, in order, each with the spans of the sources it names.

    Each alias is looked for once in the whole text, and its occurrences are placed in sentences by their offsets:
    a sentence is searched only for the aliases it contains, as :func:`named_sources` would.

    >>> rules = citation_rules({"sources": [{"name": "Reuters"}, {"name": "AP"}]})
    >>> text = "Reuters said so. Nobody else did. AP and Reuters agreed."
    >>> list(_naming_sentences(text, split_sentences(text), rules.aliases))
    [('Reuters said so.', [('Reuters', 0, 7)]), ('AP and Reuters agreed.', [('AP', 0, 2), ('Reuters', 7, 14)])]
    """
    present = [entry for entry in aliases if entry[0] in text]
    if not present:
        return
    starts = [s.start for s in sentences]
    contained: dict[int, set[int]] = {}  # sentence → the aliases (by rank in ``present``) it contains
    for rank, (alias, _, _) in enumerate(present):
        at = text.find(alias)
        while at >= 0:
            index = bisect.bisect_right(starts, at) - 1
            if index >= 0 and at + len(alias) <= sentences[index].end:
                contained.setdefault(index, set()).add(rank)
            at = text.find(alias, at + 1)
    for index in sorted(contained):
        sentence = sentences[index].text
        yield sentence, _spans(sentence, tuple(present[rank] for rank in sorted(contained[index])))


def citations_table(articles: pd.DataFrame, codebook: dict, cited: list[CitedSentence] | None = None) -> pd.DataFrame:
    """One row per (article, sentence, cited source): article_id, file, cited_source, sentence.

    ``cited`` is :func:`cited_sentences` of the same articles, when already found.
    """
    cited = cited_sentences(articles, codebook) if cited is None else cited
    rows = [
        {"article_id": c.article_id, "file": c.file, "cited_source": source, "sentence": c.sentence}
        for c in cited
        for source in dict.fromkeys(m.source for m in c.cited)
    ]
    return pd.DataFrame(rows, columns=CITATION_COLUMNS)


QUOTED_RE = re.compile(r"[“\"][^”\"]*[”\"]")


def relays(articles: pd.DataFrame, codebook: dict, cited: list[CitedSentence] | None = None) -> pd.DataFrame:
    """Source-to-source citations a sentence states: "X reported, citing Y" or "“… Y reported,” according to X" (X relays Y).

    ``cited`` is :func:`cited_sentences` of the same articles, when already found.
    """
    relay_markers = {m.lower() for m in codebook.get("attribution", {}).get("relay", [])}
    rows = []
    for c in cited_sentences(articles, codebook) if cited is None else cited:
        quoted = [(m.start(), m.end()) for m in QUOTED_RE.finditer(c.sentence)]
        for first, second in zip(c.cited, c.cited[1:], strict=False):
            if second.marker in relay_markers and first.source != second.source:
                rows.append({"article_id": c.article_id, "relay": first.source, "origin": second.source, "sentence": c.sentence})
        for inner in c.cited:
            for outer in c.cited:
                inside = any(s <= inner.start < e for s, e in quoted)
                outside = not any(s <= outer.start < e for s, e in quoted)
                if inside and outside and inner.source != outer.source:
                    rows.append({"article_id": c.article_id, "relay": outer.source, "origin": inner.source, "sentence": c.sentence})
    return pd.DataFrame(rows, columns=["article_id", "relay", "origin", "sentence"]).drop_duplicates(["article_id", "relay", "origin"])


# -------------------------------------------------------------------------------------------------------------- reuse


def sentence_words(text: str) -> list[str]:
    """The words of a text, sentence after sentence, with a break token between sentences (passages stop there).

    >>> sentence_words("Israel’s Iron Dome. It works.")
    ['Israel’s', 'Iron', 'Dome', '¶', 'It', 'works']
    """
    return _joined_words(s.text for s in split_sentences(text))


def _joined_words(sentences: Iterable[str]) -> list[str]:
    """The words of the sentences with a break token between sentences."""
    tokens: list[str] = []
    for sentence in sentences:
        tokens += [*words(sentence), SENTENCE_BREAK]
    return tokens[:-1]


class _Words(NamedTuple):
    """Token lists as arrays of word codes, and the words by code: one string per distinct word of the corpus."""

    codes: list[np.ndarray]
    vocabulary: np.ndarray

    def tokens(self, i: int) -> list[str]:
        """Token list i."""
        return self.vocabulary[self.codes[i]].tolist()


def _word_codes(token_lists: Iterable[list[str]]) -> _Words:
    """The token lists coded, words numbered as first seen; the lists may come from a generator, as only codes are kept.

    >>> coded = _word_codes([["a", "b", "a"], ["b", "c"]])
    >>> [c.tolist() for c in coded.codes], coded.tokens(1)
    ([[0, 1, 0], [1, 2]], ['b', 'c'])
    """
    code = defaultdict(itertools.count().__next__)  # an unseen word gets the next number
    codes = [np.array([code[t] for t in tokens], dtype=np.int32) for tokens in token_lists]
    return _Words(codes, np.array(list(code), dtype=object))


class Shingles(NamedTuple):
    """A text's n-word shingles (within a sentence) in order of position: the id and start position of each, and
    how many capitalised words precede each position of the text (to tell a passage from a chain of names).

    Two shingles (of any texts shingled together) have the same id exactly when they are the same words (lower case,
    plain apostrophes).
    """

    ids: np.ndarray
    starts: np.ndarray
    capitals: np.ndarray


def shingle_ids(token_lists: list[list[str]], n: int) -> list[Shingles]:
    """The n-word shingles of each token list, with ids shared across the lists (exact ids: no hashing).

    >>> [(s.ids.tolist(), s.starts.tolist()) for s in shingle_ids([["a", "b", "c"], ["B", "c", "¶", "b", "c"]], 2)]
    [([0, 1], [0, 1]), ([1, 1], [0, 3])]
    """
    return _shingles(_word_codes(token_lists), n)


def _shingles(coded: _Words, n: int) -> list[Shingles]:
    """:func:`shingle_ids` of token lists already coded (:func:`_word_codes`)."""
    plain: dict[str, int] = {}
    plain_codes = np.array([plain.setdefault(t.lower().replace("’", "'"), len(plain)) for t in coded.vocabulary], dtype=np.int64)
    capitalised = np.array([t[:1].isupper() for t in coded.vocabulary], dtype=bool)
    codes = np.concatenate([np.zeros(0, dtype=np.int32), *coded.codes])
    ids = plain_codes[codes]
    breaks = np.concatenate([[0], np.cumsum(ids == plain.get(SENTENCE_BREAK, -1))])
    capitals = np.concatenate([[0], np.cumsum(capitalised[codes])])
    grams = _window_ids(ids, n)
    result = []
    for start, end in itertools.pairwise(np.cumsum([0, *map(len, coded.codes)]).tolist()):
        first = np.arange(start, max(end - n + 1, start), dtype=np.int64)
        first = first[breaks[first + n] == breaks[first]]
        result.append(Shingles(grams[first], (first - start).astype(np.int32), capitals[start : end + 1] - capitals[start]))
    return result


def _window_ids(ids: np.ndarray, n: int) -> np.ndarray:
    """An id for the n items starting at each position (as many as there are full windows), equal where the items are.

    Windows of 1, 2, 4, … items are numbered by the pair of half windows they join; a window of n is then the pair of
    the windows of the largest such size that start at its first item and end at its last.
    """
    size, grams = 1, ids
    while 2 * size <= n:
        grams, size = _pair_ids(grams[:-size], grams[size:]), 2 * size
    if n == size:
        return grams
    count = max(len(grams) - (n - size), 0)
    return _pair_ids(grams[:count], grams[n - size : n - size + count])


def _pair_ids(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Dense ids of the (left, right) pairs: equal ids for equal pairs."""
    if not len(left):
        return np.zeros(0, dtype=np.int64)
    keys = left * (int(right.max()) + 1) + right
    return np.unique(keys, return_inverse=True)[1].astype(np.int64).ravel()


class Passage(NamedTuple):
    """A verbatim passage: its words joined by spaces, and how many words it has."""

    text: str
    n_words: int


# An aligned pair of sentences: (sentence of one article, sentence of the other, cosine).
Alignment = tuple[int, int, float]


def shared_passages(a: list[str], b: list[str], min_words: int = MIN_VERBATIM_WORDS) -> list[str]:
    """The maximal word sequences of at least ``min_words`` words that both token lists contain, longest first.

    >>> shared_passages("one two three four five six seven eight nine".split(), "x two three four five six seven eight nine y".split())
    ['two three four five six seven eight nine']
    """
    coded = _word_codes([a, b])
    ((_, passages),) = _verbatim([(0, 1)], _shingles(coded, min_words), coded, min_words)
    return [p.text for p in passages]


def _verbatim(
    pairs: list[tuple[int, int]], shingles: list[Shingles], coded: _Words, n: int, limit: int | None = None
) -> Iterator[tuple[int, list[Passage]]]:
    """For each pair (i, j), in the order of the pairs: how many words of i are in passages that j shares, and the
    ``limit`` longest passages (:func:`_passages`).

    Article i is compared with all its partners at once (pairs come sorted by i), through its slots (:func:`_runs`):
    ``slot[id]`` is the index of a shingle of i with that id (any one, if i repeats it), -1 for the ids i lacks.
    """
    width = max((int(s.ids.max()) + 1 for s in shingles if len(s.ids)), default=0)
    slot = np.full(width, -1, dtype=np.int32)
    for i, group in groupby(pairs, key=lambda p: p[0]):
        own = shingles[i]
        slot[own.ids] = np.arange(len(own.ids))
        runs = _runs(own, slot[own.ids], [slot[shingles[j].ids] for _, j in group], n)
        slot[own.ids] = -1  # cleared for the next article
        tokens = coded.tokens(i)
        for found in runs:
            yield sum(e - s for s, e in found), _passages(tokens, found, limit)


def _runs(own: Shingles, own_slots: np.ndarray, partner_slots: list[np.ndarray], n: int) -> list[list[tuple[int, int]]]:
    """For each partner, the (first, end) word positions of the passages of ``own`` it shares: the runs of consecutive
    positions whose shingle the partner also has, except chains of names.

    A slot stands for a shingle id of ``own`` (the index of one of its shingles with that id; -1 for an id it lacks):
    ``own_slots`` has the slot of each shingle of ``own``, ``partner_slots`` that of each shingle of each partner.
    """
    slots = np.concatenate(partner_slots)
    partner = np.repeat(np.arange(len(partner_slots)), [len(p) for p in partner_slots])
    has = np.zeros((len(partner_slots), len(own.ids)), dtype=bool)  # partner × slot: the partner has that shingle
    has[partner[slots >= 0], slots[slots >= 0]] = True
    owner, position = np.nonzero(has[:, own_slots])
    if not len(position):
        return [[] for _ in partner_slots]
    starts = own.starts[position]
    # A run begins with each partner's first shared position and wherever the positions stop being consecutive.
    run = np.flatnonzero(np.concatenate([[True], (np.diff(owner) != 0) | (np.diff(starts) != 1)]))
    last = np.append(run[1:], len(starts)) - 1
    firsts, ends = starts[run], starts[last] + n
    kept = own.capitals[ends] - own.capitals[firsts] <= NAME_CHAIN_SHARE * (ends - firsts)
    runs = list(zip(firsts[kept].tolist(), ends[kept].tolist(), strict=True))
    bounds = np.cumsum([0, *np.bincount(owner[run][kept], minlength=len(partner_slots))]).tolist()
    return [runs[start:stop] for start, stop in itertools.pairwise(bounds)]


def _passages(tokens: list[str], runs: list[tuple[int, int]], limit: int | None = None) -> list[Passage]:
    """The passages at (first, end) positions of the tokens, longest first, then alphabetical; the first ``limit``.

    Tokens are words, without white space, so a passage has as many words as positions.
    """
    if limit is not None and len(runs) > limit:
        # Only runs as long as the limit-th longest can make the cut: the others need no text.
        shortest = sorted((e - s for s, e in runs), reverse=True)[limit - 1]
        runs = [(s, e) for s, e in runs if e - s >= shortest]
    return sorted((Passage(" ".join(tokens[s:e]), e - s) for s, e in runs), key=lambda p: (-p.n_words, p.text))[:limit]


def _sentence_vectors(articles: pd.DataFrame) -> tuple[list[list[str]], object, object]:
    """Each article's sentences, their TF-IDF matrix (rows in article order) and the document TF-IDF matrix."""
    split = article_sentences(articles)
    sentences = [[s.text for s in group] or [""] for group in split]
    sentence_terms = [_terms(s) for group in sentences for s in group]
    document_terms = list(_document_terms(articles["text"], split, sentence_terms, _terms))
    # Each text is analysed once; its terms are counted and weighed as the vectorizer would if it found them.
    return sentences, _tfidf_matrix(sentence_terms), _tfidf_matrix(document_terms)


# TFIDF_OPTIONS' token pattern without its leading \b, which findall does not need: it tries each position from the
# start of the text, and a word character always starts a match, so it never reaches one right after another.
_TERM_RE = re.compile(r"\w[\w']*\b")


@functools.cache
def english_stop_words() -> frozenset[str]:
    """scikit-learn's English stop words, imported when first needed: scikit-learn takes a second to import, and only
    the claims and text-reuse stages need it.

    >>> "the" in english_stop_words(), "dome" in english_stop_words()
    (True, False)
    """
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return ENGLISH_STOP_WORDS


def _terms(text: str) -> list[str]:
    """The TF-IDF terms of a text: ``TfidfVectorizer(**TFIDF_OPTIONS).build_analyzer()(text)`` (tests/test_lineage.py
    compares them), without the layers of calls around each step.

    >>> _terms("Japan's Golden Dome is not cheap")
    ["japan's", 'golden', 'dome', 'cheap']
    """
    # One string object per distinct term: the terms of every sentence are kept until both matrices are made.
    stop_words = english_stop_words()
    return [sys.intern(term) for term in _TERM_RE.findall(text.lower()) if term not in stop_words]


def _document_terms(
    texts: Iterable[str], split: list[list[Sentence]], sentence_terms: list[list[str]], analyze: Callable[[str], list[str]]
) -> Iterator[list[str]]:
    """Each text's terms (``analyze(text)``), taken from its sentences' terms (a row each, one row if it has none)
    when the text is nothing but its sentences and white space.

    A term holds no white space, and white space next to a sentence reads as the edge of the text (to word boundaries
    and to lower-casing alike): each term of the text then lies inside one sentence and is found there as in the
    text, so the text's terms are its sentences' terms one after the other.
    """
    end = 0
    for text, group in zip(texts, split, strict=True):
        start, end = end, end + max(len(group), 1)
        yield [term for terms in sentence_terms[start:end] for term in terms] if _only_white_space_between(text, group) else analyze(text)


def _only_white_space_between(text: str, sentences: list[Sentence]) -> bool:
    """Whether all of the text outside its sentences is white space.

    >>> [_only_white_space_between(text, split_sentences(text)) for text in ["One.\\n***\\nTwo.", " One.\\n\\n Two. "]]
    [False, True]
    """
    edges = [0, *(edge for s in sentences for edge in (s.start, s.end)), len(text)]
    return all(text[start:stop].isspace() or start == stop for start, stop in zip(edges[::2], edges[1::2], strict=True))


def _tfidf_matrix(term_lists: list[list[str]]):
    """The TF-IDF matrix of texts given as their terms: what ``TfidfVectorizer(**TFIDF_OPTIONS)`` makes of the texts,
    bit for bit (tests/test_lineage.py compares them), with the terms counted in one pass of pandas (the vectorizer
    counts them one by one in Python).

    The order of the entries in a row is the vectorizer's too: the row's terms in the order the corpus first shows
    them, each numbered by its place in the alphabetical vocabulary. The sums over a row (its norm, its cosines) are
    then taken in the same order, and come out the same to the last bit.
    """
    lengths = np.fromiter(map(len, term_lists), dtype=np.int64, count=len(term_lists))
    codes, terms = pd.factorize(np.fromiter(itertools.chain.from_iterable(term_lists), dtype=object, count=int(lengths.sum())))
    if not len(terms):
        raise ValueError("empty vocabulary; perhaps the documents only contain stop words")  # the vectorizer's own message
    index = np.int32 if len(codes) < 2**31 else np.int64  # the vectorizer's choice
    indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(index)
    from scipy.sparse import csr_array  # here, not at the top: the briefing draws the lineage without it

    first_seen = csr_array((np.ones(len(codes)), codes.astype(index), indptr), shape=(len(term_lists), len(terms)))
    first_seen.sum_duplicates()  # a row's terms numbered as first seen, in order, with their counts
    alphabetical = np.empty(len(terms), dtype=index)
    alphabetical[np.argsort(terms)] = np.arange(len(terms))
    # Renumbered, left in place: a new matrix, which does not take its rows for sorted, as the one renumbered would.
    counts = csr_array((first_seen.data, alphabetical[first_seen.indices], first_seen.indptr), shape=first_seen.shape)
    from sklearn.feature_extraction.text import TfidfTransformer

    return TfidfTransformer(sublinear_tf=TFIDF_OPTIONS["sublinear_tf"]).fit_transform(counts)


def candidate_pairs(document_matrix, all_pairs_limit: int = ALL_PAIRS_LIMIT, k: int = NEIGHBOURS) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, to compare: all of them for a small corpus, else each article's k nearest neighbours.

    >>> import scipy.sparse as sp
    >>> candidate_pairs(sp.identity(3, format="csr"))
    [(0, 1), (0, 2), (1, 2)]
    """
    n = document_matrix.shape[0]
    if n <= all_pairs_limit:
        return list(combinations(range(n), 2))
    neighbours = nearest_neighbours(document_matrix, min(k + 1, n))
    return sorted({(min(i, j), max(i, j)) for i, row in enumerate(neighbours.tolist()) for j in row if i != j})


def nearest_neighbours(matrix, k: int, cells: int = NEIGHBOUR_CHUNK_CELLS, shortlist: int = SHORTLIST) -> np.ndarray:
    """Each row's k nearest rows by cosine, nearest first (the row itself first), a block of rows at a time.

    Two steps: each row's ``shortlist`` nearest rows by cosine in :func:`projected_rows`, then the k nearest of those
    by the exact cosine of the rows. The projection keeps the directions in which the rows differ most, so the exact
    neighbours are nearly always in the shortlist (tests/test_lineage.py measures how nearly). A block holds about
    ``cells`` cosines; rows with equal cosines are taken in the order the shortlist found them.

    >>> import scipy.sparse as sp
    >>> nearest_neighbours(sp.csr_matrix([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0]]), 2, cells=2)[:, 1].tolist()
    [1, 0, 1]
    """
    from sklearn.preprocessing import normalize
    from threadpoolctl import threadpool_limits

    normalized = normalize(matrix, copy=True)
    n = matrix.shape[0]
    if n == 0:
        return np.zeros((0, k), dtype=np.int64)
    # One BLAS thread: on matrices this thin (n × 128), more threads cost more than they save, much more when the
    # cores are busy (a truncated SVD of 10,000 articles took 1.0 s on one thread, 7.4 s on two beside another job);
    # and the projection's last digits, which decide between equally near neighbours, do not depend on the machine's cores.
    with threadpool_limits(limits=1, user_api="blas"):
        candidates = _nearest_projected(projected_rows(normalized), min(max(shortlist, k), n), cells)
    return _nearest_by_cosine(normalized, candidates, k, cells)


def projected_rows(normalized) -> np.ndarray:
    """The rows of a row-normalised sparse matrix as dense unit vectors of at most ``PROJECTED_DIMENSIONS`` numbers:
    the matrix itself when it has no more columns (or rows) than that, else its truncated SVD (seeded, so the same
    corpus gives the same projection)."""
    if min(normalized.shape) <= PROJECTED_DIMENSIONS:
        return normalized.toarray().astype(np.float32)
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize

    # Two power iterations: the shortlist needs the leading directions, not their last digits (the re-ranking is exact).
    projection = TruncatedSVD(PROJECTED_DIMENSIONS, n_iter=2, random_state=0).fit_transform(normalized)
    return normalize(projection).astype(np.float32)


def _nearest_projected(vectors: np.ndarray, m: int, cells: int) -> np.ndarray:
    """Each row's m nearest rows (itself included) by the dot product of the vectors, in no particular order."""
    n = len(vectors)
    step = max(1, cells // n)
    found = []
    for start in range(0, n, step):
        stop = min(start + step, n)
        similarities = vectors[start:stop] @ vectors.T
        # The row itself first, whatever the rounding (a duplicate row may match it exactly).
        similarities[np.arange(stop - start), np.arange(start, stop)] = np.inf
        # A copy: the slice alone would keep the whole block of indices alive.
        found.append(np.argpartition(-similarities, m - 1, axis=1)[:, :m].copy())
    return np.concatenate(found)


def _nearest_by_cosine(normalized, candidates: np.ndarray, k: int, cells: int) -> np.ndarray:
    """Each row's k nearest candidates by the exact cosine of the normalised rows, nearest first (the row itself first)."""
    n, m = candidates.shape
    step = max(1, cells // (m * max(normalized.getnnz(axis=1).max(), 1)))
    found = []
    for start in range(0, n, step):
        block = candidates[start : start + step]
        rows = np.repeat(np.arange(start, start + len(block)), m)
        cosines = np.asarray(normalized[rows].multiply(normalized[block.ravel()]).sum(axis=1)).reshape(block.shape)
        cosines[block == rows.reshape(block.shape)] = np.inf
        order = np.argsort(-cosines, axis=1, kind="stable")[:, :k]
        found.append(np.take_along_axis(block, order, axis=1))
    return np.concatenate(found)


def relation_label(
    verbatim_words: int, n_aligned: int, coverage: float, similarity: float, content_words: int | None = None, by_facts: bool = False
) -> str:
    """The relation between two articles from the measures (thresholds in the module docstring): ``content_words`` is
    the most lower-case words other than stop words in one shared passage (None: not counted), ``by_facts`` whether
    their facts align as a rewrite's do (:func:`mediabrief.facts.rewrite_by_facts`).

    >>> relation_label(14, 0, 0.0, 0.2), relation_label(0, 6, 0.4, 0.3), relation_label(0, 1, 0.1, 0.1)
    ('quotes', 'rewrites', 'independent')
    >>> relation_label(8, 0, 0.0, 0.2, content_words=2), relation_label(0, 1, 0.1, 0.3, by_facts=True)
    ('independent', 'rewrites')
    """
    if by_facts or (n_aligned >= REWRITE_MIN_ALIGNED and coverage >= REWRITE_MIN_COVERAGE) or similarity >= REWRITE_MIN_SIMILARITY:
        return "rewrites"
    if verbatim_words >= MIN_VERBATIM_WORDS and (content_words is None or content_words >= QUOTE_MIN_CONTENT_WORDS):
        return "quotes"
    return "independent"


def content_words(passage: str) -> int:
    """How many words of a passage say something of their own: lower case, not a stop word, not a number ("161
    billion to 542 billion over 20 years" has 3, a phrase any report of the figure would use).

    >>> content_words("a network of satellites sensors and interceptors to prevent aerial attacks on the U.S. mainland")
    8
    """
    stop_words = english_stop_words()
    return sum(1 for w in passage.split() if w[:1].islower() and not w[:1].isdigit() and w.lower() not in stop_words)


def reuse_table(
    articles: pd.DataFrame, all_pairs_limit: int = ALL_PAIRS_LIMIT, k: int = NEIGHBOURS, align_threshold: float = ALIGN_THRESHOLD
) -> pd.DataFrame:
    """Text reuse between pairs of articles: file_a, file_b, verbatim_words, similarity, relation, evidence (+ n_aligned
    and the fact alignment: facts_aligned, distinctive_aligned, fact_share, aligned_facts; see :data:`FACT_COLUMNS`).

    Above ``all_pairs_limit`` articles, the pairs compared are each article's k nearest by TF-IDF and its partners
    with the most rare facts in common (:func:`mediabrief.facts.fact_candidate_pairs`): a rewrite in other words
    shares few words but the same facts.
    """
    articles = articles.reset_index(drop=True)
    sentences, sentence_matrix, document_matrix = _sentence_vectors(articles)
    offsets = np.cumsum([0] + [len(group) for group in sentences])
    coded = _word_codes(_joined_words(group) for group in sentences)
    article_facts = facts.corpus_facts(articles["text"])
    weights, distinctive = facts.fact_weights(article_facts), facts.distinctive_keys(article_facts)
    fact_totals = [sum(weights[f.key] for f in group) for group in article_facts]
    sentence_words_count = [[len(sentence.split()) for sentence in group] for group in sentences]
    pairs = candidate_pairs(document_matrix, all_pairs_limit, k)
    if len(articles) > all_pairs_limit:
        pairs = sorted(set(pairs) | facts.fact_candidate_pairs(article_facts))
    # Document cosines for all pairs at once: one sparse operation instead of one per pair.
    first, second = (np.array([p[n] for p in pairs], dtype=int) for n in (0, 1))
    similarities = np.asarray(document_matrix[first].multiply(document_matrix[second]).sum(axis=1)).ravel() if pairs else []
    verbatim = _verbatim(pairs, _shingles(coded, MIN_VERBATIM_WORDS), coded, MIN_VERBATIM_WORDS, EVIDENCE_ITEMS)
    alignments = _alignments(pairs, sentence_matrix, offsets, align_threshold)
    short = _ShortSentences(sentences)
    files = articles["file"].tolist()
    names = [*REUSE_COLUMNS, "n_aligned", *FACT_COLUMNS[2:]]
    columns: dict[str, list] = {name: [] for name in names}
    for (i, j), similarity, (words_shared, passages), aligned in zip(pairs, similarities, verbatim, alignments, strict=True):
        # A heading or a question of a few words ("What will it cost?") aligns with any other explainer's: only
        # sentences of ALIGN_MIN_WORDS words or more count as following another text.
        aligned = [(r, c, score) for r, c, score in aligned if sentence_words_count[i][r] >= ALIGN_MIN_WORDS <= sentence_words_count[j][c]]
        coverage = len(aligned) / min(len(sentences[i]), len(sentences[j]))
        similarity = float(similarity)
        by_facts = facts.align_facts(article_facts[i], article_facts[j], weights, (fact_totals[i], fact_totals[j]))
        is_fact_rewrite = facts.rewrite_by_facts(by_facts, distinctive)
        # Content words are counted only where they can decide: a passage long enough, a pair not already a rewrite.
        relation = relation_label(words_shared, len(aligned), coverage, similarity, None, is_fact_rewrite)
        if relation == "quotes" and not any(content_words(p.text) >= QUOTE_MIN_CONTENT_WORDS for p in passages):
            relation = "independent"
        evidence = _evidence(passages, aligned, coverage, short, i, j)
        if is_fact_rewrite:
            fact_note = f"{len(by_facts.pairs)} facts in the same order ({by_facts.share:.0%} of the article with fewer)"
            evidence = " | ".join(
                part for part in [fact_note + ": " + _short(facts.fact_evidence(by_facts, distinctive), 160), evidence] if part
            )
        row = {
            "file_a": files[i],
            "file_b": files[j],
            "verbatim_words": words_shared,
            "similarity": round(similarity, 3),
            "relation": relation,
            "evidence": evidence,
            "n_aligned": len(aligned),
            "facts_aligned": len(by_facts.pairs),
            "distinctive_aligned": sum(x.key in distinctive for x, _ in by_facts.pairs),
            "fact_share": round(by_facts.share, 3),
            "aligned_facts": facts.fact_evidence(by_facts),
        }
        for name, value in row.items():
            columns[name].append(value)
    # Built column by column (not from one dict per row): the same table with far less memory on a large corpus.
    return pd.DataFrame(columns if pairs else [], columns=names)


def reuse_facts(reuse: pd.DataFrame) -> pd.DataFrame:
    """The fact alignment of each pair compared, beside reuse.csv (``reuse_facts.csv``): file_a, file_b, facts_aligned
    (facts both give in the same order), distinctive_aligned (of them, those few articles give), fact_share (their
    weight's share of the facts of the article with fewer) and aligned_facts ("$175 billion ~ US$175bn; ...")."""
    return reuse[FACT_COLUMNS] if len(reuse) else pd.DataFrame(columns=FACT_COLUMNS)


def _alignments(pairs: list[tuple[int, int]], sentence_matrix, offsets: np.ndarray, threshold: float) -> Iterator[list[Alignment]]:
    """For each pair (i, j), in the order of the pairs: the aligned sentence pairs (sentence of i, sentence of j, cosine).

    The pairs are compared ``ALIGN_CHUNK_PAIRS`` at a time, in one sparse product per chunk (:func:`_pair_cosines`):
    a product per article cost more in scipy's overhead than in arithmetic.
    """
    # Each pair's terms get their own block of columns, so a chunk's columns must stay countable in 32 bits.
    step = max(1, min(ALIGN_CHUNK_PAIRS, (2**31 - 1) // max(sentence_matrix.shape[1], 1)))
    for start in range(0, len(pairs), step):
        chunk = np.array(pairs[start : start + step], dtype=np.int64).reshape(-1, 2)
        yield from _aligned_pairs(*_pair_cosines(sentence_matrix, offsets, chunk, threshold), len(chunk))


def _pair_cosines(sentence_matrix, offsets: np.ndarray, pairs: np.ndarray, threshold: float) -> tuple[np.ndarray, ...]:
    """The sentence cosines of the pairs (i, j) that reach the threshold, as arrays: pair (its index), sentence of i,
    sentence of j, cosine.

    Both sides are stacked with each pair's terms moved to its own block of columns (:func:`_stacked_sentences`), so
    that one product of the stacks pairs only sentences of the same pair. Each cosine is the same sum, in the same
    order, as in a product of the two articles' sentences alone: scipy adds up a row's terms in the order they are stored.
    """
    left, left_pair, left_first = _stacked_sentences(sentence_matrix, offsets, pairs[:, 0])
    right, _, right_first = _stacked_sentences(sentence_matrix, offsets, pairs[:, 1])
    product = (left @ right.T).tocsr()
    rows = np.repeat(np.arange(product.shape[0]), np.diff(product.indptr))
    reached = product.data >= threshold
    rows, columns, scores = rows[reached], product.indices[reached], product.data[reached]
    pair = left_pair[rows]
    return pair, rows - left_first[pair], columns - right_first[pair], scores


def _stacked_sentences(sentence_matrix, offsets: np.ndarray, articles: np.ndarray) -> tuple[object, np.ndarray, np.ndarray]:
    """The sentence rows of the articles, one after the other, the k-th article's terms moved to the k-th block of
    columns; with the block of each row, and the first row of each block."""
    lengths = offsets[articles + 1] - offsets[articles]
    first = np.cumsum(lengths) - lengths
    block = np.repeat(np.arange(len(articles)), lengths)
    picked = sentence_matrix[np.arange(lengths.sum()) - first[block] + offsets[articles][block]]
    n_terms = sentence_matrix.shape[1]
    columns = picked.indices + np.repeat(block, np.diff(picked.indptr)) * n_terms
    from scipy.sparse import csr_matrix

    stacked = csr_matrix((picked.data, columns, picked.indptr), shape=(picked.shape[0], n_terms * len(articles)))
    return stacked, block, first


def _aligned_pairs(pair: np.ndarray, rows: np.ndarray, columns: np.ndarray, scores: np.ndarray, n_pairs: int) -> list[list[Alignment]]:
    """For each of the pairs, the one-to-one sentence pairs among its candidates (row, column, score), taken greedily
    best first.

    >>> _aligned_pairs(np.array([0, 0, 0, 1]), np.array([0, 1, 1, 1]), np.array([0, 0, 1, 0]), np.array([0.9, 0.8, 0.5, 0.6]), 3)
    [[(0, 0, 0.9), (1, 1, 0.5)], [(1, 0, 0.6)], []]
    """
    # Each pair's candidates by score, highest first; equal scores go to the later row, then the later column.
    order = np.lexsort((-columns, -rows, -scores, pair))
    candidates = zip(pair[order].tolist(), rows[order].tolist(), columns[order].tolist(), scores[order].tolist(), strict=True)
    aligned: list[list[Alignment]] = [[] for _ in range(n_pairs)]
    for owner, group in groupby(candidates, key=lambda c: c[0]):
        aligned[owner] = _one_to_one((r, c, score) for _, r, c, score in group)
    return aligned


def _one_to_one(candidates: Iterable[Alignment]) -> list[Alignment]:
    """The candidate (row, column, score) triples in order, except those whose row or column an earlier one took."""
    used_rows: set[int] = set()
    used_columns: set[int] = set()
    pairs = []
    for r, c, score in candidates:
        if r not in used_rows and c not in used_columns:
            used_rows.add(r)
            used_columns.add(c)
            pairs.append((r, c, score))
    return pairs


class _ShortSentences(dict):
    """Sentences shortened for the evidence, by (article, sentence) position, each shortened on first use: an
    article's sentence recurs in the evidence of many of the article's pairs."""

    def __init__(self, sentences: list[list[str]]):
        super().__init__()
        self.sentences = sentences

    def __missing__(self, key: tuple[int, int]) -> str:
        article, sentence = key
        self[key] = text = _short(self.sentences[article][sentence])
        return text


def _evidence(passages: list[Passage], aligned: list[Alignment], coverage: float, short: _ShortSentences, i: int, j: int) -> str:
    """A readable summary: the verbatim passages, then the best aligned sentence pairs (of articles i and j)."""
    parts = [f"{p.n_words}-word passage: “{p.text}”" for p in passages[:EVIDENCE_ITEMS]]
    if aligned:
        parts.append(f"{len(aligned)} aligned sentence pair(s), {coverage:.0%} of the shorter article")
        parts += [f"({score:.2f}) “{short[i, r]}” ~ “{short[j, c]}”" for r, c, score in aligned[:EVIDENCE_ITEMS]]
    return " | ".join(parts)


def _short(text: str, width: int = 110, placeholder: str = " …") -> str:
    """``textwrap.shorten(text, width, placeholder=placeholder)``, computed directly when the text has no hyphen.

    Without a hyphen within the width, textwrap's line is made of whole words, so it is the text up to the last space that leaves room
    for the placeholder; with one, textwrap may cut after it ("missile- …"), so textwrap does the work, on the words
    that can reach the line.

    >>> _short("The  talks  went well."), _short("word " * 30)[-11:], _short("x" * 120)
    ('The talks went well.', 'word word …', '…')
    """
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    if "-" in flat[: width + 1]:
        # The line ends before the first space past the width: textwrap gives the same from the text up to there.
        end = flat.find(" ", width + 1)
        return textwrap.shorten(flat if end < 0 else flat[:end], width, placeholder=placeholder)
    cut = flat.rfind(" ", 0, width - len(placeholder) + 1)
    return flat[:cut] + placeholder if cut > 0 else placeholder.lstrip()


# ------------------------------------------------------------------------------------------------------------ lineage


def lineage_graph(articles: pd.DataFrame, citations: pd.DataFrame, reuse: pd.DataFrame, relayed: pd.DataFrame | None = None) -> nx.DiGraph:
    """A directed graph from each article to what it cites or reuses; a cited source that is a corpus outlet is that article.

    Node ids: article ids for articles, source names for outside sources; node attribute ``kind`` ("article" or
    "source") and ``label``. Reuse edges point from the later article to the earlier one (publication date); when a
    date is missing, from the one that cites the other, else from the longer one (rewrites tend to expand).
    """
    graph = nx.DiGraph()
    by_outlet = dict(zip(articles["outlet"], articles["article_id"], strict=True))
    for a in articles.itertuples():
        graph.add_node(a.article_id, kind="article", label=a.outlet)

    def node_for(source: str) -> str:
        if source not in by_outlet:
            graph.add_node(source, kind="source", label=source)
        return by_outlet.get(source, source)

    for c in citations.itertuples():
        target = node_for(c.cited_source)
        if target != c.article_id:
            graph.add_edge(c.article_id, target, kind="cites")
    for r in (relayed if relayed is not None else pd.DataFrame(columns=["relay", "origin"])).itertuples():
        relay, origin = node_for(r.relay), node_for(r.origin)
        if relay != origin and not _reaches(graph, origin, relay):
            graph.add_edge(relay, origin, kind="relays")
    # Plain lookups by file, built once, and columns read as lists: a pandas row lookup per reuse pair cost more than
    # the rest of the graph.
    columns = (articles[name].tolist() for name in ["file", "article_id", "published", "text"])
    facts = {f: _Facts(i, p, len(t)) for f, i, p, t in zip(*columns, strict=True)}
    reused = reuse.loc[reuse["relation"] != "independent"]
    for file_a, file_b, relation in zip(*(reused[name].tolist() for name in ["file_a", "file_b", "relation"]), strict=True):
        later, earlier = _direction(facts[file_a], facts[file_b], graph)
        if not graph.has_edge(later, earlier) and not _reaches(graph, earlier, later):
            graph.add_edge(later, earlier, kind=relation)
    return graph


def _reaches(graph: nx.DiGraph, source: str, target: str) -> bool:
    """Whether a path of one edge or more leads from source to target (``nx.has_path`` for two nodes), by a search from both
    ends that grows the smaller frontier; ruled out first in the common cases where no edge leaves the source or none
    enters the target.

    >>> _reaches(nx.DiGraph([("a", "b"), ("b", "c"), ("d", "c")]), "a", "c"), _reaches(nx.DiGraph([("a", "b"), ("c", "b")]), "a", "c")
    (True, False)
    """
    succ, pred = graph.succ, graph.pred
    if not succ[source] or not pred[target]:
        return False
    # networkx's own search asks for the nodes' views at every step: this one costs a third as much.
    ahead, behind = {source}, {target}  # reached from the source; reaching the target
    ahead_frontier, behind_frontier = [source], [target]
    while ahead_frontier and behind_frontier:
        forward = len(ahead_frontier) <= len(behind_frontier)
        frontier, seen, other, step = (ahead_frontier, ahead, behind, succ) if forward else (behind_frontier, behind, ahead, pred)
        grown = []
        for node in frontier:
            for neighbour in step[node]:
                if neighbour in other:
                    return True
                if neighbour not in seen:
                    seen.add(neighbour)
                    grown.append(neighbour)
        if forward:
            ahead_frontier = grown
        else:
            behind_frontier = grown
    return False


class _Facts(NamedTuple):
    """What :func:`_direction` reads of an article: its id, publication date (NaT if unknown) and text length."""

    article_id: str
    published: pd.Timestamp
    length: int


def _direction(a: _Facts, b: _Facts, graph: nx.DiGraph) -> tuple[str, str]:
    """(derived, original) article ids for a reuse pair."""
    if graph.has_edge(a.article_id, b.article_id) or graph.has_edge(b.article_id, a.article_id):
        return (a.article_id, b.article_id) if graph.has_edge(a.article_id, b.article_id) else (b.article_id, a.article_id)
    if pd.notna(a.published) and pd.notna(b.published) and a.published != b.published:
        return (a.article_id, b.article_id) if a.published > b.published else (b.article_id, a.article_id)
    return (a.article_id, b.article_id) if a.length >= b.length else (b.article_id, a.article_id)


def independent_origins(graph: nx.DiGraph) -> list[str]:
    """The origins: nodes something points at that point at nothing themselves (isolated articles are not origins).

    >>> g = nx.DiGraph([("blaze", "time"), ("time", "Nikkei"), ("benzinga", "Reuters"), ("Reuters", "Nikkei")])
    >>> independent_origins(g)
    ['Nikkei']
    """
    return sorted(n for n in graph.nodes if graph.out_degree(n) == 0 and graph.in_degree(n) > 0)


ORIGINS_NAMED = 4


class OriginCounts(NamedTuple):
    """How the articles of a lineage graph trace back: the known origins (nodes something points at that point at
    nothing), the articles that lead to one, and the articles with no source found (no edge at all: each is its own
    origin, as far as the corpus shows)."""

    n_articles: int
    origins: list[str]
    traced: int
    unsourced: list[str]


def origin_counts(graph: nx.DiGraph) -> OriginCounts:
    """The :class:`OriginCounts` of a lineage graph (origins by label).

    >>> g = nx.DiGraph([("a", "Wire"), ("b", "a")])
    >>> g.add_nodes_from([("a", {"kind": "article", "label": "A"}), ("b", {"kind": "article", "label": "B"}),
    ...                   ("c", {"kind": "article", "label": "C"}), ("Wire", {"kind": "source", "label": "Wire"})])
    >>> origin_counts(g)
    OriginCounts(n_articles=3, origins=['Wire'], traced=2, unsourced=['C'])
    """
    articles = [n for n, kind in graph.nodes(data="kind") if kind == "article"]
    label = {n: graph.nodes[n].get("label", n) for n in graph}
    return OriginCounts(
        len(articles),
        sorted(label[n] for n in independent_origins(graph)),
        sum(1 for n in articles if graph.out_degree(n) > 0),
        sorted(label[n] for n in articles if graph.degree(n) == 0),
    )


def origins_sentence(counts: OriginCounts) -> str:
    """What the lineage shows, in words, counting an article with no source found as its own origin.

    >>> origins_sentence(OriginCounts(14, ["Nikkei", "Reuters", "TIME"], 5, ["A"] * 9))
    '5 of the 14 articles trace back to 3 known origins (Nikkei, Reuters, TIME); 9 have no source found, each its own origin.'
    >>> origins_sentence(OriginCounts(5, list("ABCDEFGH"), 5, []))
    '5 of the 5 articles trace back to 8 known origins; every article has a source found.'
    >>> origins_sentence(OriginCounts(2, [], 0, ["A", "B"]))
    'None of the 2 articles has a source found: each is its own origin.'
    """
    n, k, m = counts.n_articles, len(counts.origins), len(counts.unsourced)
    if not k:
        return f"None of the {n} articles has a source found: each is its own origin."
    # Up to ORIGINS_NAMED origins are named; past that, a list of names is harder to read than the count.
    named = f" ({', '.join(counts.origins)})" if k <= ORIGINS_NAMED else ""
    sentence = f"{counts.traced} of the {n} articles trace back to {k} known origin{'s' * (k != 1)}{named}"
    if not m:
        return sentence + "; every article has a source found."
    return sentence + f"; {m} {'has' if m == 1 else 'have'} no source found, each its own origin."


def origins_title(counts: OriginCounts) -> str:
    """A chart title from the counts: short, with the same numbers as :func:`origins_sentence`.

    >>> origins_title(OriginCounts(14, ["Nikkei", "Reuters", "TIME"], 5, ["A"] * 9))
    '5 of 14 articles trace back to 3 known origins; 9 have no source found'
    """
    k, m = len(counts.origins), len(counts.unsourced)
    title = f"{counts.traced} of {counts.n_articles} articles trace back to {k} known origin{'s' * (k != 1)}"
    return title + (f"; {m} {'has' if m == 1 else 'have'} no source found" if m else "")


def _depths(graph: nx.DiGraph) -> dict[str, int]:
    """Each node's layer: 0 for articles nothing points at, then one more than the deepest node pointing at it."""
    depth: dict[str, int] = {}
    for node in nx.topological_sort(graph):
        depth[node] = max((depth[p] + 1 for p in graph.predecessors(node)), default=0)
    return depth


def _light(color: str, share: float = 0.78) -> tuple[float, float, float]:
    """A colour mixed with white (``share`` of white): a fill dark text reads on.

    >>> _light("#000000", 0.5)
    (0.5, 0.5, 0.5)
    """
    from matplotlib.colors import to_rgb

    return tuple(round(c + (1 - c) * share, 6) for c in to_rgb(color))


LABEL_WIDTH = 18  # characters per line of a node's label, at most
ROW_HEIGHT_IN = 0.5  # vertical room per node of the fullest layer, at least


# Beyond this many articles, one box per article makes the graph taller than a page: the articles are folded into
# the sources they cite, each labelled with how many articles lead to it.
LINEAGE_MAX_ARTICLES = 15


def folded_graph(graph: nx.DiGraph) -> nx.DiGraph:
    """The graph without its article nodes: each source labelled with how many articles cite, relay or reuse it
    directly; the edges between sources kept.

    >>> g = nx.DiGraph(); g.add_edge("a", "Nikkei", kind="cites"); g.add_edge("b", "Nikkei", kind="cites")
    >>> for n in "ab": g.nodes[n].update(kind="article", label=n.upper())
    >>> folded_graph(g).nodes["Nikkei"]["label"]
    'Nikkei (2 articles)'
    """
    articles = {n for n, kind in graph.nodes(data="kind") if kind == "article"}
    folded = graph.subgraph(n for n in graph.nodes if n not in articles).copy()
    for node in folded.nodes:
        n = sum(1 for p in graph.predecessors(node) if p in articles)
        name = graph.nodes[node].get("label", node)
        folded.nodes[node]["label"] = f"{name} ({n} article{'s' * (n != 1)})" if n else str(name)
    return folded


# Beyond this many sources, even the folded graph is a column too tall to read: the sources are ranked in a bar chart.
LINEAGE_MAX_SOURCES = 15


def sources_reached(graph: nx.DiGraph) -> pd.Series:
    """How many articles lead back to each source, directly or through another source (by label, most first).

    >>> g = nx.DiGraph([("a", "Nikkei"), ("b", "Wire"), ("Wire", "Nikkei")])
    >>> for n in "ab": g.nodes[n]["kind"] = "article"
    >>> sources_reached(g).to_dict()
    {'Nikkei': 2, 'Wire': 1}
    """
    articles = {n for n, kind in graph.nodes(data="kind") if kind == "article"}
    counts = {
        str(graph.nodes[n].get("label", n)): sum(1 for a in nx.ancestors(graph, n) if a in articles)
        for n in graph
        if n not in articles and graph.in_degree(n) > 0
    }
    return pd.Series(counts, dtype="int64").sort_index().sort_values(ascending=False, kind="stable")


def sources_figure(graph: nx.DiGraph, title: str, top: int = LINEAGE_MAX_SOURCES) -> Figure:
    """The ``top`` sources most articles lead back to, as ranked bars: for a corpus whose lineage graph, folded into its
    sources, would still be a column too tall to read."""
    apply_style()
    shown = sources_reached(graph).head(top)[::-1]
    fig, ax = plt.subplots(figsize=(PAGE_WIDTH_IN, 0.26 * len(shown) + 1.3))
    bars = ax.barh([short_label(s, 40) for s in shown.index], shown.to_numpy(), color="#0072B2")
    ax.bar_label(bars, padding=2, fontsize=7.5, color=TEXT_COLOR)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts of articles: no half ticks
    ax.set_xlabel("Articles that lead back to it, directly or through another source")
    ax.margins(x=0.08)
    ax.set_title(textwrap.fill(title, 80))
    fig.tight_layout()
    return fig


def lineage_figure(
    graph: nx.DiGraph, colors: dict[str, str] | None = None, title: str | None = None, max_articles: int = LINEAGE_MAX_ARTICLES
) -> Figure:
    """Draw the lineage graph in layers by depth (articles on the left, origins on the right); deterministic.

    Articles with no edge (no source found) are listed together in one box below the graph (counted, beyond
    ``max_articles`` articles), so that the graph shows only what is connected; with more than ``max_articles``
    articles, the sources alone, each with how many articles lead to it. Labels wrap to a layer's width, each row as
    tall as its longest label; fills are light (an article's outlet colour mixed with white) under dark text.
    """
    apply_style()
    articles = [n for n, kind in graph.nodes(data="kind") if kind == "article"]
    unsourced = sorted(str(graph.nodes[n].get("label", n)) for n in graph if graph.degree(n) == 0)
    folded = len(articles) > max_articles
    connected = graph.subgraph(n for n in graph if graph.degree(n) > 0)
    if folded:
        connected = folded_graph(connected)
    if unsourced and folded:
        box_lines = [f"No source found for {len(unsourced)} of the {len(articles)} articles (each its own origin)."]
    else:
        box_lines = textwrap.wrap(f"No source found ({len(unsourced)}): " + " · ".join(unsourced), 110) if unsourced else []
    if connected.number_of_nodes() == 0 and not box_lines:
        fig, ax = plt.subplots(figsize=(PAGE_WIDTH_IN, 1.2))
        ax.axis("off")
        ax.set_title(title or "No article cites or reuses another source")
        return fig
    depth = _depths(connected)
    layers: dict[int, list[str]] = {}
    for node in sorted(connected.nodes, key=lambda n: (str(connected.nodes[n].get("label", n)), n)):
        layers.setdefault(depth[node], []).append(node)
    height = max((len(v) for v in layers.values()), default=0)
    # Labels wrap to the width of a layer (about 12 characters of 7.5 pt to the inch, 18 at most), and each row is as
    # tall as the longest label needs.
    wrap = max(8, min(LABEL_WIDTH, int(PAGE_WIDTH_IN * 0.9 / (max(layers, default=0) + 1.2) * 12)))
    lines = max((len(textwrap.wrap(str(connected.nodes[n].get("label", n)), wrap, break_long_words=False)) for n in connected), default=1)
    row_in = max(ROW_HEIGHT_IN, 0.13 * lines + 0.12)
    fig, ax = plt.subplots(figsize=(PAGE_WIDTH_IN, row_in * height + 0.16 * len(box_lines) + 1.3))
    positions = {
        n: (d, (height - 1) / 2 - i * (height - 1) / max(len(nodes) - 1, 1) if len(nodes) > 1 else 0.0)
        for d, nodes in layers.items()
        for i, n in enumerate(nodes)
    }
    styles = {
        "cites": ("#555555", "solid"),
        "relays": ("#999999", "dotted"),
        "rewrites": ("#D55E00", "solid"),
        "quotes": ("#D55E00", "dashed"),
    }
    for kind, (color, style) in styles.items():
        edges = [(u, v) for u, v, k in connected.edges(data="kind") if k == kind]
        nx.draw_networkx_edges(
            connected,
            positions,
            edgelist=edges,
            ax=ax,
            edge_color=color,
            style=style,
            arrows=True,
            arrowsize=10,
            node_size=1400,
            connectionstyle="arc3,rad=0.06",
        )
    for node, (x, y) in positions.items():
        data = connected.nodes[node]
        is_article = data.get("kind") == "article"
        edge = (colors or {}).get(data.get("label"), "#0072B2") if is_article else "#888888"
        ax.text(
            x,
            y,
            textwrap.fill(str(data.get("label", node)), wrap, break_long_words=False),
            ha="center",
            va="center",
            fontsize=7.5,
            color=TEXT_COLOR,
            bbox={"boxstyle": "round,pad=0.3", "facecolor": _light(edge) if is_article else "#F2F2F2", "edgecolor": edge},
            zorder=3,
        )
    last = max(layers, default=0)
    bottom = -height / 2 - 0.2 if layers else 0.0
    if box_lines:
        ax.text(
            last / 2,
            bottom - 0.3,
            "\n".join(box_lines),
            ha="center",
            va="top",
            fontsize=7.5,
            color=TEXT_COLOR,
            bbox={"boxstyle": "round,pad=0.4", "facecolor": "#F7F7F7", "edgecolor": "#BBBBBB"},
        )
    handles = [plt.Line2D([], [], color=c, linestyle=s, label=k) for k, (c, s) in styles.items()]
    if layers:
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=4, fontsize=7, frameon=False)
    ax.set_xlim(-0.6, last + 0.6)
    ax.set_ylim(bottom - 0.4 - 0.42 * len(box_lines) if box_lines else bottom, height / 2 + 0.2 if layers else 0.5)
    ax.axis("off")
    ax.set_title(title or "Lineage: who cites or reuses whom")
    return fig


# ----------------------------------------------------------------------------------------------------------- pipeline


def same_source(found: str, expected: str, codebook: dict | None = None) -> bool:
    """Whether two names name one source: the same codebook source, the same :func:`source_key`, or the same speaker
    by :func:`mediabrief.evaluation.same_speaker` (initials, a name ending the other's).

    >>> same_source("Bloomberg", "Bloomberg News"), same_source("CBO", "Congressional Budget Office"), same_source("Reuters", "AP")
    (True, True, False)
    """
    from .evaluation import same_speaker

    # the codebook's actors too: "Department of Defense" and "Pentagon" are one body
    actors = [(str(alias), str(a["name"])) for a in (codebook or {}).get("actors", []) or [] for alias in a.get("aliases", [])]
    listed = {source_key(alias): name for alias, name in [*actors, *alias_table(codebook or {})]}
    a, b = source_key(found), source_key(expected)
    return listed.get(a, a) == listed.get(b, b) or same_speaker(found, expected)


def citation_scores(citations: pd.DataFrame, gold: pd.DataFrame, codebook: dict | None = None) -> dict[str, float | int | list]:
    """Precision and recall of the (file, cited source) pairs found against a gold table (``file``, ``cited``), names
    matched by :func:`same_source` within a file; with the pairs missed and the extra ones.

    >>> found = pd.DataFrame({"file": ["a", "a"], "cited_source": ["Bloomberg", "AP"]})
    >>> citation_scores(found, pd.DataFrame({"file": ["a", "a"], "cited": ["Bloomberg News", "Reuters"]}))["recall"]
    0.5
    """
    found = sorted(cited_pairs(citations))
    expected = sorted(set(zip(gold["file"], gold["cited"], strict=True)))
    hit_found = {(f, c) for f, c in found if any(g == f and same_source(c, e, codebook) for g, e in expected)}
    hit_expected = {(g, e) for g, e in expected if any(f == g and same_source(c, e, codebook) for f, c in found)}
    return {
        "found": len(found),
        "expected": len(expected),
        "precision": len(hit_found) / len(found) if found else 1.0,
        "recall": len(hit_expected) / len(expected) if expected else 1.0,
        "missed": sorted(set(expected) - hit_expected),
        "extra": sorted(set(found) - hit_found),
    }


def cited_pairs(citations: pd.DataFrame) -> set[tuple[str, str]]:
    """The distinct (file, cited_source) pairs of a citations table, for comparing with a gold table."""
    return set(zip(citations["file"], citations["cited_source"], strict=True))


def precision_recall(found: Iterable, expected: Iterable) -> tuple[float, float]:
    """Precision and recall of a set of found items against the expected ones.

    >>> precision_recall({1, 2, 3}, {2, 3, 4, 5})
    (0.6666666666666666, 0.5)
    """
    found, expected = set(found), set(expected)
    hits = len(found & expected)
    return (hits / len(found) if found else 1.0, hits / len(expected) if expected else 1.0)


EDGE_COLUMNS = ["source", "target", "kind", "source_label", "target_label", "source_kind", "target_kind"]


def lineage_edges(graph: nx.DiGraph) -> pd.DataFrame:
    """The graph as a table, one row per edge with both ends' labels and kinds (isolated articles as edges to '')."""
    # Each node's (label, kind) read once, not once per edge it is an end of.
    ends = {n: (data.get("label", n), data.get("kind", "")) for n, data in graph.nodes(data=True)}
    rows = [(u, v, k, ends[u][0], ends[v][0], ends[u][1], ends[v][1]) for u, v, k in sorted(graph.edges(data="kind"))]
    rows += [(n, "", "", ends[n][0], "", ends[n][1], "") for n in sorted(nx.isolates(graph))]
    return pd.DataFrame(rows, columns=EDGE_COLUMNS)


def graph_from_edges(edges: pd.DataFrame) -> nx.DiGraph:
    """The lineage graph back from :func:`lineage_edges`'s table.

    >>> g = nx.DiGraph(); g.add_edge("a", "Nikkei", kind="cites"); g.add_node("a", kind="article", label="A")
    >>> sorted(graph_from_edges(lineage_edges(g)).edges(data="kind"))
    [('a', 'Nikkei', 'cites')]
    """
    graph = nx.DiGraph()
    for row in edges.astype(object).fillna("").itertuples(index=False):
        graph.add_node(row.source, kind=row.source_kind, label=row.source_label)
        if row.target:
            graph.add_node(row.target, kind=row.target_kind, label=row.target_label)
            graph.add_edge(row.source, row.target, kind=row.kind)
    return graph
