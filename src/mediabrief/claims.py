"""Key claims: which article makes which claim (with the sentence as evidence), the claims only one source makes, what
recurs across sources without being a listed claim, the contradictions between sources, and how each claim is sourced.

The claims, their cues and value extractors are the codebook's ``claims`` section (``data/codebook/claims.yaml``); the
attribution phrases are its ``attribution`` section. Nothing about the story is written here.
"""

from __future__ import annotations

import bisect
import functools
import re
import textwrap
from collections.abc import Iterable
from itertools import compress
from typing import NamedTuple

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from .lineage import CitationRules, citation_rules, english_stop_words, mentions, named_sources
from .money import conflicts, parse_amount
from .phrases import any_of
from .plotting import PAGE_WIDTH_IN, TEXT_COLOR, apply_style, short_label
from .textutils import Sentence, article_sentences, fold_case, split_sentences, words

CLAIM_COLUMNS = ["article_id", "file", "outlet", "claim_id", "value", "evidence"]
SOURCING_LEVELS = ["named person", "named body", "unnamed", "no source"]
YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
AMOUNT_RE = re.compile(
    # (not another dollar: "C$2.5 billion" is Canadian, not a US figure a claim about dollars could state)
    r"(?:(?<![A-Za-z])(?:US)?|(?<=USD))\$\s?(\d[\d,]*(?:\.\d+)?)(?:\s?[-–]\s?\$?(\d[\d,]*(?:\.\d+)?)(?![-–]?[a-z]))?(?:-|\s*)(trillion|billion|million|bn|tn|b|t|m)?\b",
    re.I,
)  # "$61 billion", "$161-542 billion", "US$175-billion", "$24.4B"


def sentence_makes(sentence: str, claim: dict) -> bool:
    """Whether a sentence makes a claim: every cue group has a match (case-insensitive regular expressions).

    >>> sentence_makes("It costs $175 billion.", {"cues": [[r"\\$\\s?175"], ["cost"]]})
    True
    """
    return _makes(sentence, claim_cues(claim))


def claim_cues(claim: dict) -> list[tuple[re.Pattern, ...]]:
    """A claim's cue groups, compiled (case-insensitive): a sentence makes the claim when each group has a match.

    >>> [len(group) for group in claim_cues({"cues": [["cost", "price"], [r"\\$"]]})]
    [1, 1]
    """
    return [any_of(tuple(group)) for group in claim["cues"]]


def _makes(sentence: str, cues: list[tuple[re.Pattern, ...]]) -> bool:
    """:func:`sentence_makes` with the claim's compiled cue groups."""
    # Loops rather than generator expressions: this runs for many sentences, and plain loops cost less.
    for group in cues:
        for pattern in group:
            if pattern.search(sentence):
                break
        else:
            return False
    return True


# --- Screening: a substring test before a regular expression ----------------------------------------------------------
# Every match of a cue holds some fixed text ("complet" for r"\bcomplet"), and a sentence that does not hold that text
# once folded to lower case (fold_case) cannot match. Substring tests are fast and rule out most sentences, so the
# regular expressions, which are slow, run on few.

# One token of a regular expression: an escape, a character class, a counted repeat or one character.
_REGEX_TOKEN_RE = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|\{\d*(?:,\d*)?\}|.", re.DOTALL)
_REPEATS = ("?", "*", "+")
# Escapes that stand for one character of a class (\d) or for none (\b). Other letter and digit escapes (\x41, \1, \n)
# are not read: a pattern with one is taken to need nothing.
_CLASS_ESCAPES = set("bBdDsSwWAZ")


@functools.lru_cache(maxsize=1024)
def required_text(pattern: str | re.Pattern) -> str:
    """Text that every case-insensitive match of ``pattern`` holds, in lower case (see :func:`fold_case`), or "" (which
    every text holds) if none is certain: the longest run of plain ASCII characters outside groups and alternatives,
    none of them repeated.

    >>> required_text(r"\\bsatellites?\\b"), required_text(r"end of (?:his|the) Term"), required_text(r"\\$\\s?3 billion")
    ('satellite', 'end of ', '3 billion')
    >>> required_text("cost|price"), required_text(r"\\d+"), required_text(r"\\x41")
    ('', '', '')
    """
    try:
        compiled = re.compile(pattern)
    except re.error:
        return ""  # a piece of a larger pattern, say: it is not read
    if compiled.flags & re.VERBOSE:
        return ""  # white space and "#" mean something else there
    runs, run, depth = [], "", 0
    for token in _REGEX_TOKEN_RE.findall(compiled.pattern):
        if token in ("(", ")"):
            # What a group holds may be optional or one of several alternatives: only what stands around it is read.
            depth += 1 if token == "(" else -1
        elif depth:
            continue
        elif token == "|" or (token[0] == "\\" and token[1].isascii() and token[1].isalnum() and token[1] not in _CLASS_ESCAPES):
            return ""  # alternatives, or an escape that is not read
        elif token in _REPEATS or (token[0] == "{" and len(token) > 1):
            run = run[:-1]  # a repeat may leave out the character before it
        elif char := _literal(token):
            run += char.lower()
            continue
        runs.append(run)
        run = ""
    return max([*runs, run], key=len)


def _literal(token: str) -> str | None:
    """The character a token of a pattern stands for when it is one plain ASCII character ("a", "\\$"), else None."""
    char = token[-1]
    plain = token not in (".", "^", "$") if len(token) == 1 else token[0] == "\\" and not char.isalnum()
    return char if plain and char.isascii() else None


class Screened(NamedTuple):
    """Case-insensitive patterns (or stricter ones), each with the text it needs (:func:`required_text`)."""

    patterns: tuple[re.Pattern, ...]
    texts: tuple[str, ...]

    @classmethod
    def of(cls, patterns: tuple[re.Pattern, ...]) -> Screened:
        """The patterns with their required texts."""
        return cls(patterns, tuple(map(required_text, patterns)))

    def possible(self, folded: str) -> tuple[re.Pattern, ...]:
        """The patterns that may match a text, given the text folded by :func:`fold_case`: those whose text it holds.

        >>> [p.pattern for p in Screened.of((re.compile("said"), re.compile(r"\\breportedly"))).possible("he said so")]
        ['said']
        """
        return tuple(compress(self.patterns, map(folded.__contains__, self.texts)))


def extract_value(sentence: str, spec: dict | None) -> str:
    """What a claim sentence asserts, by the claim's value spec (amount, year, pattern); "" if none.

    >>> extract_value("Tokyo pledged more than $3 billion.", {"kind": "amount"}), extract_value("Done by 2029.", {"kind": "year"})
    ('$3 billion', '2029')
    >>> extract_value("Iron Dome has been operational since 2011.", {"kind": "year", "at_least": 2025})
    ''
    """
    if not spec:
        return ""
    if spec["kind"] == "amount":
        found = list(AMOUNT_RE.finditer(sentence))
        if spec.get("not_followed_by"):  # "the US$175-billion “Golden Dome” system" is the programme's, not Canada's price
            found = [m for m in found if not re.match(spec["not_followed_by"], sentence[m.end() :], re.IGNORECASE)]
        if spec.get("not_preceded_by"):  # "the system will cost at least $175 billion, and Canada …": the programme's too
            found = [m for m in found if not re.search(spec["not_preceded_by"], sentence[: m.start()], re.IGNORECASE)]
        if not found:
            return ""
        match = found[0]
        near = [m.start() for p in spec.get("near", []) for m in re.finditer(p, sentence, re.IGNORECASE)]
        if near:  # the amount the claim's own words stand next to ("the first $24 billion"), not the sentence's first
            match = min(found, key=lambda m: min(abs(m.start() - n) for n in near))
        return _stated_amount(match)
    if spec["kind"] == "year":
        years = list(YEAR_RE.finditer(sentence))
        # a year before the story can be no target of it ("operational in Israel since 2011"), nor one the text dates
        # in the past ("since 2011")
        years = [y for y in years if int(y.group(0)) >= int(spec.get("at_least", 0))]
        # ... nor a day's date, when something happened ("launched on May 20, 2025"): a target is a year or a month
        years = [y for y in years if not _DAY_BEFORE_YEAR_RE.search(sentence, max(0, y.start() - 16), y.start())]
        cues = [m.end() for p in spec.get("near", []) for m in re.finditer(p, sentence, re.IGNORECASE)]
        after = [y for y in years if any(c <= y.start() for c in cues)]
        chosen = min(after, key=lambda y: min(y.start() - c for c in cues if c <= y.start())) if after else None
        if spec.get("not_preceded_by"):
            excluded = {y.start() for y in years if re.search(spec["not_preceded_by"], sentence[: y.start()], re.IGNORECASE)}
            if chosen is not None and chosen.start() in excluded:
                return ""  # the year the claim's words point to is a part's or a denied one: the sentence is about that
            years = [y for y in years if y.start() not in excluded]
        if chosen is not None:  # the first year written after a word of the claim's own ("operational … in January 2029")
            return chosen.group(0)
        return years[0].group(0) if years else ""
    match = re.search(spec["pattern"], sentence)
    return (match.group(1) if match.groups() else match.group(0)).strip() if match else ""


# A month and a day right before a year: "May 20, ".
_DAY_BEFORE_YEAR_RE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+$"
)


def _stated_amount(match: re.Match) -> str:
    """An amount of :data:`AMOUNT_RE` as a claim's value: "$24.4 billion", "$175–831 billion"."""
    low, high = match.group(1).replace(",", ""), match.group(2)
    units = {"bn": "billion", "b": "billion", "tn": "trillion", "t": "trillion", "m": "million"}
    unit = units.get(str(match.group(3)).lower(), match.group(3))
    return f"${low}{'–' + high.replace(',', '') if high else ''}{' ' + unit.lower() if unit else ''}"


class ClaimRule(NamedTuple):
    """A claim of the codebook, compiled: its cue groups (:func:`claim_cues`) and, for each group whose every cue needs
    a text (:func:`required_text`), those texts."""

    claim: dict
    groups: list[tuple[re.Pattern, ...]]
    texts: list[tuple[str, ...]]


def claim_rule(claim: dict) -> ClaimRule:
    """A codebook claim, compiled for :func:`claims_made`.

    >>> claim_rule({"id": "year", "cues": [["cost", "price"], [r"\\b(?:19|20)\\d\\d\\b"]]}).texts
    [('cost', 'price')]
    """
    texts = [tuple(dict.fromkeys(map(required_text, group))) for group in claim["cues"]]
    # Groups with fewer texts first: where one is missing from a text, fewer searches find that out.
    return ClaimRule(claim, claim_cues(claim), sorted((group for group in texts if "" not in group), key=len))


def claims_made(
    texts: list[str], rules: list[ClaimRule], split: list[list[Sentence]] | None = None
) -> list[tuple[int, Sentence, ClaimRule]]:
    """Each (text number, sentence, claim) where a sentence of the texts makes a claim: by text, then by sentence, then
    in the order of ``rules``. ``split`` holds each text's sentences, if already split.

    >>> rules = [claim_rule({"id": "cost", "cues": [["cost"], [r"\\$\\d"]]})]
    >>> [(n, s.text, r.claim["id"]) for n, s, r in claims_made(["It may cost $5. No cost.", "Costs $6."], rules)]
    [(0, 'It may cost $5.', 'cost'), (1, 'Costs $6.', 'cost')]
    """
    # Most claims are made in few sentences: the cues are tried only on the sentences that hold, for every cue group, a
    # text one of its cues needs (see required_text). Those are found in all the texts at once, a search per text.
    corpus = _sentences_of(texts, [split_sentences(text) for text in texts] if split is None else split)
    made = []
    for r, rule in enumerate(rules):
        for i in _may_make(corpus.folded, corpus.starts, corpus.ends, rule):
            if _makes(corpus.sentences[i].text, rule.groups):
                made.append((i, r))
    return [(corpus.numbers[i], corpus.sentences[i], rules[r]) for i, r in sorted(made)]


class _Sentences(NamedTuple):
    """The sentences of several texts, end to end: the folded texts (see :func:`fold_case`) joined by line breaks, and
    for each sentence, its text's number and its start and end in the joined text."""

    folded: str
    sentences: list[Sentence]
    numbers: list[int]
    starts: list[int]
    ends: list[int]


def _sentences_of(texts: list[str], split: list[list[Sentence]]) -> _Sentences:
    """The sentences of the texts, end to end, given each text's sentences.

    >>> texts = ["One. Two.", "Three."]
    >>> corpus = _sentences_of(texts, [split_sentences(text) for text in texts])
    >>> corpus.folded, corpus.numbers, corpus.starts
    ('one. two.\\nthree.', [0, 0, 1], [0, 5, 10])
    """
    folded, sentences, numbers, starts, ends = [], [], [], [], []
    offset = 0
    for number, (text, found) in enumerate(zip(texts, split, strict=True)):
        sentences += found
        numbers += [number] * len(found)
        starts += [offset + s.start for s in found]
        ends += [offset + s.end for s in found]
        folded.append(fold_case(text))  # as long as the text: the offsets hold
        offset += len(text) + 1
    return _Sentences("\n".join(folded), sentences, numbers, starts, ends)


def _may_make(folded: str, starts: list[int], ends: list[int], rule: ClaimRule) -> Iterable[int]:
    """The sentences (indexes, in order) of a folded text (see :func:`fold_case`) that may make a claim: those holding,
    for each cue group, one of the group's texts. ``starts`` and ``ends`` are the sentences' offsets in the text, in
    order."""
    if not rule.texts:
        return range(len(starts))
    # The first group's texts are searched for in the whole text, each once; the others only in the sentences left.
    first, *others = rule.texts
    found = _holding(folded, starts, ends, first)
    return [i for i in found if _holds_each(folded[starts[i] : ends[i]], others)] if others else found


def _holding(folded: str, starts: list[int], ends: list[int], texts: tuple[str, ...]) -> list[int]:
    """The sentences (indexes, in order) of a folded text that hold one of ``texts``, given their offsets.

    >>> _holding("one. two. one.", [0, 5, 10], [4, 9, 14], ("one", "o. "))
    [0, 2]
    """
    found = set()
    for text in texts:
        at = folded.find(text, starts[0]) if starts else -1
        while at >= 0:
            i = bisect.bisect_right(starts, at) - 1
            if at + len(text) <= ends[i]:
                found.add(i)
            # The sentence holds the text or, if this one runs past its end, no later one either: on to the next.
            at = folded.find(text, starts[i + 1]) if i + 1 < len(starts) else -1
    return sorted(found)


def _holds_each(folded: str, groups: list[tuple[str, ...]]) -> bool:
    """Whether a folded text holds one of the texts of each group.

    >>> _holds_each("the cbo said", [("cbo", "budget office"), ("said",)]), _holds_each("the cbo", [("said",)])
    (True, False)
    """
    return all(any(map(folded.__contains__, texts)) for texts in groups)


def claims_matrix(articles: pd.DataFrame, codebook: dict) -> pd.DataFrame:
    """One row per (article, sentence, claim) hit: article_id, file, outlet, claim_id, value, evidence."""
    rules = [claim_rule(claim) for claim in codebook.get("claims", [])]
    ids, files, outlets = (articles[column].tolist() for column in ("article_id", "file", "outlet"))
    rows = [
        (ids[n], files[n], outlets[n], rule.claim["id"], extract_value(s.text, rule.claim.get("value")), s.text)
        for n, s, rule in claims_made(articles["text"].tolist(), rules, article_sentences(articles))
    ]
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)


def claim_presence(matrix: pd.DataFrame, articles: pd.DataFrame, codebook: dict) -> pd.DataFrame:
    """Claims x outlets: how many sentences of each article make each claim (0 where none), in codebook order."""
    ids = [c["id"] for c in codebook.get("claims", [])]
    counts = pd.crosstab(matrix["claim_id"], matrix["outlet"]) if len(matrix) else pd.DataFrame()
    return counts.reindex(index=ids, columns=sorted(articles["outlet"].unique()), fill_value=0).fillna(0).astype(int)


def single_source_claims(matrix: pd.DataFrame, codebook: dict) -> pd.DataFrame:
    """The claims exactly one outlet makes: claim_id, label, outlet, evidence (its first sentence).

    >>> m = pd.DataFrame({"claim_id": ["a", "a", "b"], "outlet": ["X", "Y", "X"], "evidence": ["s1", "s2", "s3"]})
    >>> single_source_claims(m, {"claims": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]}).to_dict("records")
    [{'claim_id': 'b', 'label': 'B', 'outlet': 'X', 'evidence': 's3'}]
    """
    labels = {c["id"]: c.get("label", c["id"]) for c in codebook.get("claims", [])}
    single = matrix.groupby("claim_id")["outlet"].transform("nunique").eq(1)
    return (
        matrix.loc[single]
        .drop_duplicates("claim_id")
        .assign(label=lambda d: d["claim_id"].map(labels))[["claim_id", "label", "outlet", "evidence"]]
        .reset_index(drop=True)
    )


def contradictions(matrix: pd.DataFrame) -> pd.DataFrame:
    """Pairs of outlets stating different values for the same claim, with both sentences (money.conflicts, generic).

    >>> m = pd.DataFrame({"claim_id": ["year"] * 3, "value": ["2029", "2029", "2035"], "outlet": list("ABC"), "evidence": list("abc")})
    >>> contradictions(m)[["claim_id", "source_a", "value_a", "source_b", "value_b"]].values.tolist()
    [['year', 'A', '2029', 'C', '2035'], ['year', 'B', '2029', 'C', '2035']]
    """
    stated = matrix.loc[matrix["value"].fillna("").astype(str).ne("")]
    found = conflicts(stated, ["claim_id"], "value", source_col="outlet", quote_col="evidence")
    # Amounts a reader takes for one figure ("about $24 billion", "$24.4 billion", "$25 billion") contradict nothing,
    # nor do spellings of one person's name ("Michael Guetlein", "Gen. Michael A. Guetlein", "Mike Guetlein").
    # Two values one outlet itself gives for the claim (in two sentences, or one: "$71 billion, up from the $61 billion
    # he posted in May") are one account of a change over time, not two sources at odds.
    # A value its own sentence calls a revision ("now due to be finished in 2035, later than first planned")
    # is the claim's change over time, told as one, not a source at odds with those that gave the earlier value.
    told_together = _values_told_together(stated)
    revised = {
        (claim, str(value))
        for claim, value, sentence in zip(stated["claim_id"], stated["value"], stated["evidence"], strict=True)
        if _REVISED_RE.search(str(sentence))
    }
    keep = pd.Series(
        [
            not (
                same_amount(a, b)
                or same_person(a, b)
                or _told_together(claim, a, b, told_together)
                or (claim, str(a)) in revised
                or (claim, str(b)) in revised
            )
            for claim, a, b in zip(found["claim_id"], found["value_a"], found["value_b"], strict=True)
        ],
        index=found.index,
        dtype=bool,
    )
    return found.loc[keep].reset_index(drop=True)


# Words that tell a value as a revision of an earlier one.
_REVISED_RE = re.compile(
    r"(?i)\b(?:delay(?:ed|s)?|pushed\s+back|push(?:es|ing)?\s+back|slipp(?:ed|ing)|postpon\w+|revis\w+|no\s+longer|"
    r"(?:from|than)\s+(?:the\s+|his\s+|her\s+|its\s+|their\s+)?(?:earlier|previous|original|initial|prior)\b|up\s+from|down\s+from|"
    # (a value raised or cut to: "raised Canada's price to join to $71 billion")
    r"(?:rais|hik|increas|lower|cut|reduc)(?:ed|es|ing|s)?\b[^.;]{0,60}?\bto\s+(?:about\s+|roughly\s+)?(?:US)?[$€£¥\d]|"
    r"now\s+(?:slated|expected|set|targeted|planned))"
)


def _values_told_together(stated: pd.DataFrame) -> dict[str, list[set[str]]]:
    """For each claim, the sets of values one outlet states: the values of its sentences making the claim, and every
    amount of money in those sentences."""
    together: dict[str, list[set[str]]] = {}
    for (claim, _), rows in stated.groupby(["claim_id", "outlet"], sort=False):
        values = set(rows["value"].astype(str))
        if any(_amount(v) is not None for v in values):
            values |= {_stated_amount(m) for s in rows["evidence"] for m in AMOUNT_RE.finditer(s)}
        if len(values) > 1:
            together.setdefault(claim, []).append(values)
    return together


def _told_together(claim: str, a: str, b: str, together: dict[str, list[set[str]]]) -> bool:
    """Whether one outlet gives both values for the claim (amounts compared within rounding)."""
    same = same_amount if _amount(str(a)) is not None else (lambda x, y: x == y)
    return any(any(same(a, v) for v in values) and any(same(b, v) for v in values) for values in together.get(claim, []))


# The same few stated values are compared again and again (128,000 times at 10,000 articles): read each once.
_amount = functools.lru_cache(maxsize=1 << 16)(parse_amount)


def same_person(a: str, b: str) -> bool:
    """Whether two stated names name one person: one speaker by :func:`mediabrief.evaluation.same_speaker` (titles
    dropped, the same surname, initials), or surnames of six letters or more one or two letters apart (a typo:
    "Neutlein").

    >>> same_person("Michael A. Guetlein", "Mike Guetlein"), same_person("Michael Guetlein", "Michael Neutlein")
    (True, True)
    >>> same_person("Michael Guetlein", "Michael Gatline"), same_person("Michael Guetlein", "Michael Gordon")
    (True, False)
    >>> same_person("Michael Guetlein", "Gregory Guillot"), same_person("2029", "2029")
    (False, False)
    """
    from .evaluation import same_speaker  # the names of one speaker, as the gold tables are scored

    if any(ch.isdigit() for ch in f"{a}{b}"):
        return False
    if same_speaker(str(a), str(b)):
        return True
    surnames = [re.findall(r"[A-Za-z][a-z'’-]+", str(name))[-1:] for name in (a, b)]
    if not all(surnames):
        return False
    first, second = surnames[0][0].lower(), surnames[1][0].lower()
    if min(len(first), len(second)) >= 6 and _edits(first, second) <= 2:
        return True
    # ... or the same given name and a surname spelt by ear, its first letter kept and half its letters or more ("Michael
    # Gatline", a rendering of "Guetlein" through another language)
    given = [re.findall(r"[A-Za-z][a-z'’-]+", str(name))[:1] for name in (a, b)]
    same_given = all(given) and given[0][0] == given[1][0] and len(given[0][0]) >= 4 and len(re.findall(r"\w+", f"{a} {b}")) >= 4
    return same_given and first[0] == second[0] and _edits(first, second) <= max(len(first), len(second)) // 2


def _edits(a: str, b: str) -> int:
    """The edits between two words, two letters swapped counting as one (optimal string alignment distance).

    >>> _edits("guetlein", "neutlein"), _edits("guetlein", "guillot")
    (2, 5)
    """
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


def same_amount(a: str, b: str, tolerance: float = 0.05) -> bool:
    """Whether two stated values are one amount of money, within rounding (ranges that overlap count as one).

    >>> same_amount("$24.4 billion", "$25 billion"), same_amount("$17.5 billion", "$25 billion"), same_amount("2029", "2030")
    (True, False, False)
    """
    x, y = _amount(str(a)), _amount(str(b))
    if x is None or y is None or x.currency != y.currency:
        return False
    return x.low <= y.high * (1 + tolerance) and y.low <= x.high * (1 + tolerance)


def content_ngrams(text: str, sizes: range = range(2, 5), sentences: list[Sentence] | None = None) -> set[str]:
    """The n-grams (2 to 4 words by default) of consecutive content words (no stop word inside), lower case, and the numbers;
    ``sentences`` are the text's sentences, if already split.

    >>> sorted(content_ngrams("The missile defense shield is at 175 billion"))
    ['175', '175 billion', 'defense shield', 'missile defense', 'missile defense shield']
    """
    grams: set[str] = set()
    stop_words = english_stop_words()
    for sentence in split_sentences(text) if sentences is None else sentences:
        run: list[str] = []
        for token in [*(w.lower().replace("’", "'") for w in words(sentence.text)), ""]:
            if token and token not in stop_words and len(token) > 1:
                run.append(token)
                continue
            grams |= {" ".join(run[i : i + n]) for n in sizes for i in range(len(run) - n + 1)}
            run = []
        grams |= {w for w in (x.lower() for x in words(sentence.text)) if re.fullmatch(r"[\d.,]*\d[\d.,]*", w)}
    return grams


def recurring_uncovered(articles: pd.DataFrame, codebook: dict, min_sources: int = 2) -> pd.DataFrame:
    """Phrases and numbers at least ``min_sources`` outlets use that no claim covers: phrase, n_sources, outlets.

    A phrase is covered when a claim cue matches it, or when it lies inside a cue's match in some sentence of the corpus
    ("congressional budget" inside "Congressional Budget Office").
    """
    cues = [re.compile(cue, re.IGNORECASE) for claim in codebook.get("claims", []) for group in claim["cues"] for cue in group]
    matched = {
        " ".join(w.lower().replace("’", "'") for w in words(m.group(0)))
        for text in articles["text"]
        for cue in cues
        for m in cue.finditer(text)
    }
    outlets: dict[str, set[str]] = {}
    for a, sentences in zip(articles.itertuples(), article_sentences(articles), strict=True):
        for gram in content_ngrams(a.text, sentences=sentences):
            outlets.setdefault(gram, set()).add(a.outlet)
    rows = [
        {"phrase": g, "n_sources": len(o), "outlets": ", ".join(sorted(o)), "n_words": len(g.split())}
        for g, o in outlets.items()
        if len(o) >= min_sources and not any(c.search(g) for c in cues) and not any(g in m for m in matched)
    ]
    table = pd.DataFrame(rows, columns=["phrase", "n_sources", "outlets", "n_words"]).sort_values(
        ["n_sources", "n_words", "phrase"], ascending=[False, False, True]
    )
    kept: list[dict] = []
    for row in table.to_dict("records"):
        # A shorter phrase used by the same outlets as a longer one already listed adds nothing.
        if not any(row["outlets"] == k["outlets"] and re.search(rf"\b{re.escape(row['phrase'])}\b", k["phrase"]) for k in kept):
            kept.append(row)
    return pd.DataFrame(kept, columns=table.columns).drop(columns="n_words").reset_index(drop=True)


class SourcingRules(NamedTuple):
    """A codebook's sourcing rules, compiled: name-then-verb and pronoun-then-verb patterns (None without verbs) and the
    text each verb needs (:func:`required_text`), the unnamed-source patterns screened, the citation rules, the
    sources' aliases and the text each citation marker needs."""

    named: re.Pattern | None
    pronoun: re.Pattern | None
    verbs: tuple[str, ...]
    unnamed: Screened
    citations: CitationRules
    aliases: tuple[str, ...]
    markers: tuple[str, ...]


# A capitalised name within four words before a speech verb; a lone capitalised first word ("Critics said") is not a
# name, nor is a source of the codebook ("Reuters reported" is a named body).
NAME = r"(?:(?<=[\s“\"(,])[A-Z][\w.’'-]*|^[A-Z][\w.’'-]*(?=\s+[A-Z]))(?:\s+[A-Z][\w.’'-]*)*"


def sourcing_rules(codebook: dict) -> SourcingRules:
    """The codebook's attribution rules for :func:`sourcing_of`, compiled (once per distinct codebook)."""
    rules = codebook.get("attribution", {})
    patterns = _attribution_patterns(tuple(rules.get("on_record_verbs", [])), tuple(rules.get("unnamed", [])))
    citations = citation_rules(codebook)
    aliases = tuple(alias for alias, _, _ in citations.aliases)
    return SourcingRules(*patterns, citations, aliases, tuple(map(required_text, citations.before + citations.after)))


@functools.lru_cache(maxsize=32)
def _attribution_patterns(
    verbs: tuple[str, ...], unnamed: tuple[str, ...]
) -> tuple[re.Pattern | None, re.Pattern | None, tuple[str, ...], Screened]:
    """The fields of :class:`SourcingRules` but the citation rules, for one codebook's speech verbs and unnamed sources."""
    named, pronoun = _verb_patterns("|".join(verbs))
    return named, pronoun, tuple(map(required_text, verbs)), Screened.of(tuple(re.compile(p, re.IGNORECASE) for p in unnamed))


def _verb_patterns(verbs: str) -> tuple[re.Pattern | None, re.Pattern | None]:
    """The name-then-verb and pronoun-then-verb patterns for an alternation of speech verbs (None, None if empty)."""
    if not verbs:
        return None, None
    # "he stated", "she added": a pronoun stands for the person the article has just named.
    return (
        re.compile(rf"({NAME})(?:,?\s+[\w,’'-]+){{0,4}}?\s+(?:{verbs})\b"),
        re.compile(rf"\b(?:he|she)\s+(?:\w+\s+)?(?:{verbs})\b", re.IGNORECASE),
    )


def sourcing_of(sentence: str, codebook: dict) -> str:
    """How a sentence is sourced: "named person", "named body", "unnamed" or "no source" (the first that applies).

    >>> book = {"sources": [{"name": "Reuters"}], "attribution": {"after": ["reported"], "on_record_verbs": ["said"]}}
    >>> book["attribution"]["unnamed"] = ["reportedly"]
    >>> [sourcing_of(s, book) for s in ["So Ishiba said.", "Reuters reported it.", "It reportedly did.", "Critics said no.", "It did."]]
    ['named person', 'named body', 'unnamed', 'no source', 'no source']
    """
    return _sourcing(sentence, sourcing_rules(codebook))


def _sourcing(sentence: str, rules: SourcingRules) -> str:
    """:func:`sourcing_of` with compiled rules."""
    # The name, pronoun and unnamed-source patterns are tried only if the sentence holds a text they need (a speech verb,
    # "reportedly"): most sentences hold few, and the substring tests are much faster than the patterns.
    folded = fold_case(sentence)
    spans = None
    if any(map(folded.__contains__, rules.verbs)):
        for match in rules.named.finditer(sentence) if rules.named else []:
            # The sources the sentence names, found once and only when a name stands before a verb.
            spans = named_sources(sentence, rules.citations) if spans is None else spans
            if not any(s < match.end(1) and match.start(1) < e for _, s, e in spans):
                return "named person"
        if rules.pronoun and rules.pronoun.search(sentence):
            return "named person"
    if _may_cite(sentence, folded, spans, rules) and mentions(sentence, rules.citations, spans):
        return "named body"
    if any(p.search(sentence) for p in rules.unnamed.possible(folded)):
        return "unnamed"
    return "no source"


def _may_cite(sentence: str, folded: str, spans: list[tuple[str, int, int]] | None, rules: SourcingRules) -> bool:
    """Whether a sentence may cite a source: it names one (``spans``, if already found, or an alias it holds) and holds
    a text that a citation marker needs. Fast tests that settle most sentences without :func:`lineage.mentions`."""
    names = bool(spans) if spans is not None else any(map(sentence.__contains__, rules.aliases))
    return names and any(map(folded.__contains__, rules.markers))


def sourcing_sentences(matrix: pd.DataFrame, codebook: dict) -> pd.DataFrame:
    """Each distinct claim sentence of each article with how it is sourced."""
    rules = sourcing_rules(codebook)
    return (
        matrix.drop_duplicates(["article_id", "evidence"])[["article_id", "file", "outlet", "evidence"]]
        .assign(sourcing=lambda d: [_sourcing(s, rules) for s in d["evidence"].tolist()])
        .reset_index(drop=True)
    )


def sourcing_shares(sentences: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Per article and sourcing level: n_sentences and share of its claim sentences (every level listed, zeros kept)."""
    index = pd.MultiIndex.from_product([articles["article_id"], SOURCING_LEVELS], names=["article_id", "sourcing"])
    counts = sentences.groupby(["article_id", "sourcing"]).size().reindex(index, fill_value=0).rename("n_sentences").reset_index()
    return counts.merge(articles[["article_id", "file", "outlet"]], on="article_id").assign(
        share=lambda d: (d["n_sentences"] / d.groupby("article_id")["n_sentences"].transform("sum")).fillna(0).round(3)
    )[["article_id", "file", "outlet", "sourcing", "n_sentences", "share"]]


def sourcing_chart(shares: pd.DataFrame) -> Figure:
    """Stacked bars: the share of each outlet's claim sentences by sourcing level; the title names the best-sourced outlet."""
    apply_style()
    # An outlet with several articles: the mean of its articles' shares, so that each bar still adds up to 100 %.
    wide = shares.pivot_table(index="outlet", columns="sourcing", values="share", aggfunc="mean").reindex(columns=SOURCING_LEVELS).fillna(0)
    wide = wide.sort_values("no source", ascending=False)
    named = (wide["named person"] + wide["named body"]).sort_values()
    fig, ax = plt.subplots(figsize=(PAGE_WIDTH_IN, 0.5 * len(wide) + 1.6))
    left = pd.Series(0.0, index=wide.index)
    for level, color in zip(SOURCING_LEVELS, ["#0072B2", "#56B4E9", "#E69F00", "#BBBBBB"], strict=True):
        ax.barh(wide.index, wide[level], left=left, color=color, label=level)
        left += wide[level]
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda x, _: f"{x:.0%}"))
    ax.set_xlabel("Share of the outlet's claim sentences")
    ax.legend(ncols=4, loc="upper center", bbox_to_anchor=(0.5, -0.25), frameon=False, fontsize=8)
    ax.set_title(
        textwrap.fill(
            f"{named.index[-1]} names a source for {named.iloc[-1]:.0%} of its claim sentences, {named.index[0]} for {named.iloc[0]:.0%}",
            80,
        )
    )
    return fig


# Beyond this many outlets a claims-by-outlet grid cannot be read on a page: the chart counts outlets per claim instead.
HEATMAP_MAX_OUTLETS = 15


def claims_heatmap(presence: pd.DataFrame, codebook: dict, max_outlets: int = HEATMAP_MAX_OUTLETS) -> Figure:
    """Claims x outlets heat map (sentences making each claim); the title names the most widely made claim. With more
    than ``max_outlets`` outlets, one bar per claim: how many outlets make it."""
    apply_style()
    labels = {c["id"]: c.get("label", c["id"]) for c in codebook.get("claims", [])}
    claim_names = [short_label(labels.get(i, i), 60) for i in presence.index]
    widest = (presence > 0).sum(axis=1).idxmax()
    n_outlets = (presence.loc[widest] > 0).sum()
    if presence.shape[1] > max_outlets:
        made_by = (presence > 0).sum(axis=1)
        fig, ax = plt.subplots(figsize=(PAGE_WIDTH_IN, 0.2 * len(presence) + 1.4))
        ax.barh(range(len(presence)), made_by.to_numpy(), color="#0072B2")
        for y, n in enumerate(made_by):
            ax.text(n, y, f" {n}", va="center", fontsize=7, color=TEXT_COLOR)
        ax.set_yticks(range(len(presence)), claim_names, fontsize=7.5)
        ax.set_ylim(len(presence) - 0.5, -0.5)
        ax.margins(x=0.08)
        ax.set_xlabel(f"Outlets that make the claim (of {presence.shape[1]})")
    else:
        # Claims no outlet makes are left out of the grid (the text above counts them): empty rows only take room.
        made = presence[(presence > 0).any(axis=1)] if (presence > 0).any(axis=None) else presence
        claim_names = [name for name, keep in zip(claim_names, presence.index.isin(made.index), strict=True) if keep]
        presence = made
        fig, ax = plt.subplots(figsize=(PAGE_WIDTH_IN, 0.2 * len(presence) + 1.6))
        ax.imshow(presence.values, cmap="Blues", aspect="auto", vmin=0, vmax=max(2, presence.values.max()))
        outlets = [short_label(o, 24) for o in presence.columns]
        ax.set_xticks(range(presence.shape[1]), outlets, rotation=90, fontsize=7.5)
        ax.set_yticks(range(presence.shape[0]), claim_names, fontsize=7.5)
        for (r, c), n in pd.DataFrame(presence.values).stack().items():
            ax.text(c, r, str(n) if n else "", ha="center", va="center", fontsize=7, color="white" if n >= 2 else "black")
    ax.grid(False)
    ax.set_title(textwrap.fill(f"“{labels.get(widest, widest)}” is made by {n_outlets} of {presence.shape[1]} outlets", 80))
    return fig


def claims_tables(articles: pd.DataFrame, codebook: dict) -> dict[str, pd.DataFrame]:
    """The tables ``analyze`` writes for this stage, by file name: claims.csv, contradictions.csv, sourcing.csv."""
    matrix = claims_matrix(articles, codebook)
    return {
        "claims.csv": matrix,
        "contradictions.csv": contradictions(matrix),
        "sourcing.csv": sourcing_shares(sourcing_sentences(matrix, codebook), articles),
    }
