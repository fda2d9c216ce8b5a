"""Stance toward the story's targets in each outlet's own voice, with the sentences that decide it, a confidence, and
the quoted voices scored beside it.

The method, in plain words (the cue words are data: ``stance`` in ``data/codebook/stance.yaml``):

1. **Whose voice.** Every sentence is the outlet's own, quoted (it holds a quotation) or reported ("critics say",
   "according to X"), as :mod:`mediabrief.attribution` reads it. Only the outlet's own sentences decide its label;
   quoted and reported ones are scored apart (``quoted_score``), so a neutral report that relays critics stays neutral.
2. **About what.** A sentence is about a target when it names it (an alias: "Golden Dome", "Japan's participation", or
   a country and an act of cooperation together). The story's main target (``implicit: true``) also takes the
   evaluative sentences that name no target, once the article discusses it: op-eds say "it" and "this folly"; not one
   that names another programme instead (its ``elsewhere`` list: "BAMBI was cancelled for its cost" judges BAMBI). An
   article that never names a target has the label "not discussed" for it.
3. **Evaluative words, not topic words.** Cues are judgements ("boondoggle", "unworkable", "long overdue", "worth the
   cost"), not the vocabulary of defence reporting ("threat", "attack", "intercept"), which describes the subject.
   A negation just before a cue reverses it at half weight ("not a boondoggle"); a hedge ("may", "could") halves a
   sentence. A critical word that describes the threat a defence answers ("the most dangerous missile environment",
   "dangerously unprepared": the codebook's ``threat_nouns``) is the case for a defence, not a verdict against it.
   In "X, but Y" the clause after "but" weighs three times the clause before; "While X, Y" likewise.
4. **Rebuttals.** Words that dismiss an argument ("myth", "misrepresents", "recycled", "alarmist") count for the side
   whose argument they dismiss: against the critics (supportive) when critics or opponents are named in the sentence
   or the one before, against the programme when its backers are; words that endorse ("critics are right") the other
   way. Naming critics is not criticism. With no side named, a claim the word dismisses ("a common misconception that
   missile defense is impossible") is that claim: its cues are not the outlet's, and dismissing it takes the other side.
5. **Weights.** A headline counts twice, the closing paragraph one and a half times: the last word is the outlet's.
   The headline the corpus loader keeps apart as the title is scored too (its own words, quotations blanked; not a
   question), as a sentence of its own with id -1.
6. **Label.** The article's ``score`` is the weighted mean of its own evidence sentences' cue scores, ``net`` their
   weighted sum. Supportive when net >= ``thresholds.min_net`` and score >= ``thresholds.supportive``; critical when
   net <= -min_net and score <= ``thresholds.critical``; else neutral ("mentions the target but takes no side in its
   own voice"). The interval is a percentile bootstrap of the weighted mean over the evidence sentences (2,000
   resamples, seeded by the article and target); ``confidence`` is the share of resamples that give the same label.
7. **Tone** (VADER's compound score) is a descriptive column only; it never decides a label.

Known failure modes: sarcasm and irony; an op-ed whose judgement is carried by facts it selects, not by evaluative
words; an outlet paraphrasing a critic without a reporting verb (read as its own voice); evaluative words about
something else in a sentence (read as about the main target).
"""

from __future__ import annotations

import copy
import re
import textwrap
import zlib
from typing import NamedTuple

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from . import voices
from .attribution import QUOTE_RE
from .phrases import Phrases, PhraseScanner, Spots, compile_phrases, find_all, find_any, normalise, phrase_scanner, phrase_spots
from .plotting import PAGE_WIDTH_IN, TEXT_COLOR, add_source_note, apply_style
from .textutils import words
from .voices import rows_of

STANCE_COLUMNS = [
    "article_id",
    "file",
    "target",
    "score",
    "label",
    "ci_low",
    "ci_high",
    "n_evidence",
    "own_voice_score",
    "quoted_score",
    "net",
    "confidence",
    "n_quoted",
    "mentions",
    "opinion",
]
SENTENCE_COLUMNS = [
    "article_id",
    "file",
    "sentence_id",
    "start",
    "end",
    "sentence",
    "target",
    "cue_score",
    "n_cues",
    "cues",
    "tone",
    "voice",
    "speaker",
    "weight",
]
EVIDENCE_COLUMNS = ["article_id", "file", "target", "rank", "sentence_id", "voice", "speaker", "cue_score", "tone", "sentence"]
LABELS = ["supportive", "neutral", "critical"]
NOT_DISCUSSED = "not discussed"
N_BOOT = 2000
BOOTSTRAP_BLOCK = 256  # samples whose bootstrap means are held at once: 256 x 2,000 means, 4 MB
SEED = 20250604  # any fixed number; the interval of an article depends on it and on the article and target names
TOP_EVIDENCE = 3
HEADLINE_MAX_WORDS = 25


class Target(NamedTuple):
    """One target's compiled rules: how it is named and which cues count for and against it."""

    name: str
    label: str
    aliases: Phrases
    together: list[tuple[Phrases, Phrases]]
    supportive: Phrases
    critical: Phrases
    implicit: bool = False
    anaphors: Phrases | None = None
    implicit_words: Phrases | None = None  # a sentence naming no target but one of these is about this one, once discussed
    min_net: float | None = None  # this target's own threshold on the net, if it has one
    elsewhere: Phrases | None = None  # other things a sentence naming no target may be about (earlier programmes)


# Words between an evaluative word and a noun that show the word does not modify the noun.
_NOT_MODIFYING = r"(?:that|whether|if|which|who|the|a|an|its|their|it|will|would|is|are|was|were|be|to|of)\b"
# Words between a threat and what is said of it: "are", "keep", "continue to", "grow more", "have been".
_THREAT_PREDICATE_WORDS = (
    r"is|are|was|were|has|have|had|been|keep|keeps|kept|continue|continues|continued|to|grow|grows|growing|becoming|become|"
    r"becomes|getting|gets|increasingly|ever|more|rapidly|steadily|only|now|already|still"
)


class Rules(NamedTuple):
    """The ``stance`` section of a codebook, compiled, with a scanner that finds all its phrase lists together."""

    targets: list[Target]
    negations: frozenset[str]
    window: int
    hedges: Phrases
    hedge_factor: float
    supportive: float
    critical: float
    min_evidence: int
    scanner: PhraseScanner
    rebuttals: Phrases | None = None
    endorsements: Phrases | None = None
    critics: Phrases | None = None
    backers: Phrases | None = None
    contrast: re.Pattern | None = None
    concession: re.Pattern | None = None
    min_net: float = 1.0
    headline_weight: float = 2.0
    closing_weight: float = 1.5
    min_net_opinion: float | None = None
    opinion_labels: re.Pattern | None = None
    opinion_markers: re.Pattern | None = None
    opinion_share: float = 1.0
    threats: re.Pattern | None = None
    threat_subjects: re.Pattern | None = None


def stance_rules(codebook: dict) -> Rules:
    """Compile the codebook's ``stance`` section.

    >>> rules = stance_rules({"stance": {"targets": {"dome": {"aliases": ["Golden Dome"]}}, "cues": {"critical": ["arms race"]}}})
    >>> [t.name for t in rules.targets], rules.supportive, rules.critical
    (['dome'], 0.2, -0.2)
    """
    section = codebook.get("stance", {})
    shared = section.get("cues", {})
    targets = [
        Target(
            name,
            str(spec.get("label", name)),
            compile_phrases(spec.get("aliases", [])),
            [(compile_phrases(a, whole_word=False), compile_phrases(b, whole_word=False)) for a, b in spec.get("together", [])],
            compile_phrases([*shared.get("supportive", []), *spec.get("supportive", [])], whole_word=False),
            compile_phrases([*shared.get("critical", []), *spec.get("critical", [])], whole_word=False),
            bool(spec.get("implicit", False)),
            compile_phrases(spec.get("anaphors", [])),
            compile_phrases(spec.get("implicit_words", []), whole_word=False),
            float(spec["min_net"]) if spec.get("min_net") is not None else None,
            compile_phrases(spec.get("elsewhere", [])) if spec.get("elsewhere") else None,
        )
        for name, spec in section.get("targets", {}).items()
    ]
    hedges = compile_phrases(section.get("hedges", []))
    thresholds = section.get("thresholds", {})
    rebuttal = section.get("rebuttal", {})
    rebuttals = compile_phrases(rebuttal.get("dismiss", []), whole_word=False)
    endorsements = compile_phrases(rebuttal.get("endorse", []), whole_word=False)
    critics = compile_phrases(rebuttal.get("critics", []), whole_word=False)
    backers = compile_phrases(rebuttal.get("backers", []), whole_word=False)
    contrast = section.get("contrast", ["but", "yet", "however", "nevertheless", "nonetheless", "still"])
    concession = section.get("concession", ["while", "although", "though", "even though", "even if", "despite", "whatever"])
    weights = section.get("weights", {})
    opinion = section.get("opinion", {})
    return Rules(
        targets,
        frozenset(normalise(str(w)).lower() for w in section.get("negations", [])),
        int(section.get("negation_window", 3)),
        hedges,
        float(section.get("hedge_factor", 0.5)),
        float(thresholds.get("supportive", 0.2)),
        float(thresholds.get("critical", -0.2)),
        int(thresholds.get("min_evidence", 1)),
        phrase_scanner([*_phrase_lists(targets, hedges), rebuttals, endorsements, critics, backers]),  # the lists of _all_lists
        rebuttals,
        endorsements,
        critics,
        backers,
        re.compile(rf"(?i)(?:^|[\s,;—–-])(?:{'|'.join(map(re.escape, contrast))})(?=[\s,])") if contrast else None,
        re.compile(rf"(?i)^\W*(?:{'|'.join(map(re.escape, concession))})\b") if concession else None,
        float(thresholds.get("min_net", 1.0)),
        float(weights.get("headline", 2.0)),
        float(weights.get("closing", 1.5)),
        float(thresholds["min_net_opinion"]) if thresholds.get("min_net_opinion") is not None else None,
        # A label opening a line, or after a separator on a masthead line ("The Granite State Courier | Opinion").
        re.compile(rf"(?im)^(?:[^\n|·•]{{0,60}}[|·•]\s*)?\W*(?:{'|'.join(map(re.escape, opinion.get('labels', [])))})\b")
        if opinion.get("labels")
        else None,
        re.compile(rf"(?<![\w'])(?:{'|'.join(map(re.escape, opinion.get('markers', [])))})(?![\w'])") if opinion.get("markers") else None,
        float(opinion.get("min_share", 1.0)),
        # A critical word whose noun is a threat describes the threat, not the target ("the most dangerous missile
        # environment in history", "dangerous adversaries"): it is the case for a defence, not against it.
        re.compile(rf"(?i)[\w-]*\s+(?:(?!{_NOT_MODIFYING})[\w-]+\s+){{0,2}}?(?:{'|'.join(map(re.escape, section['threat_nouns']))})\b")
        if section.get("threat_nouns")
        else None,
        # ... and so does one said of a threat as its subject ("the threats are escalating", "as the threat
        # keeps growing more dangerous"): the text ends right before the critical word.
        re.compile(
            rf"(?i)\b(?:{'|'.join(map(re.escape, section['threat_nouns']))})\s+(?:(?:{_THREAT_PREDICATE_WORDS})\s+){{0,3}}$"
        )
        if section.get("threat_nouns")
        else None,
    )


def _phrase_lists(targets: list[Target], hedges: Phrases) -> list[Phrases]:
    """Every phrase list of the stance rules: each target's aliases, ``together`` pairs and cues, and the hedges."""
    lists = [hedges]
    for target in targets:
        lists += [target.aliases, *(phrases for pair in target.together for phrases in pair), target.supportive, target.critical]
    return lists


def _all_lists(rules: Rules) -> list[Phrases]:
    """Every phrase list the stance reads a sentence for, to scan a text for them all at once."""
    return [
        *_phrase_lists(rules.targets, rules.hedges),
        *(p for p in (rules.rebuttals, rules.endorsements, rules.critics, rules.backers) if p),
    ]


def mentions_target(sentence: str, target: Target) -> bool:
    """Whether a sentence is about a target: an alias, or one word of each list of a ``together`` pair."""
    return _mentions(normalise(sentence), target)


def _mentions(text: str, target: Target, spots: Spots | None = None) -> bool:
    """:func:`mentions_target` on a sentence already normalised, tried only at its :func:`phrase_spots` if found."""
    if spots is not None and target.aliases not in spots and not any(a in spots and b in spots for a, b in target.together):
        return False  # what most sentences come to, told by the spots alone
    return find_any(target.aliases, text, spots) or any(find_any(a, text, spots) and find_any(b, text, spots) for a, b in target.together)


def _negated(before: str, rules: Rules) -> bool:
    """Whether one of the last ``window`` words before a cue is a negation (or ends in n't), or the cue's clause opens
    with one ("None of this proves the plan is unaffordable")."""
    for word in words(before)[-rules.window :] if rules.window > 0 else []:
        lowered = word.lower()
        if lowered in rules.negations or lowered.endswith("n't"):
            return True
    clause = re.split(r"[,;:—–]", before)[-1]
    opening = words(clause)[:1]
    # (and the alternative a comparison turns down: "far more stabilizing than destabilizing", "less a boondoggle than
    # a bet")
    return bool(opening) and opening[0].lower() in _CLAUSE_NEGATIONS or bool(_TURNED_DOWN_RE.search(before))


_CLAUSE_NEGATIONS = frozenset({"none", "nothing", "no", "neither", "nor", "never", "nobody"})
_TURNED_DOWN_RE = re.compile(r"(?i)\b(?:more|less)\b[^.;:!?]{0,60}\bthan\s+(?:an?\s+|the\s+)?$")


def cue_hits(sentence: str, target: Target, rules: Rules, previous: str = "") -> list[tuple[str, float]]:
    """The cues a sentence matches for a target, each with its weight (+1, -1, -0.5/+0.5 when negated, a rebuttal's
    side), clause weights left out. ``previous`` is the sentence before it (where a rebutted argument may be named).

    >>> rules = stance_rules({"stance": {"targets": {"dome": {"aliases": ["dome"]}}, "cues": {"supportive": ["overdue"]},
    ...     "negations": ["not"]}})
    >>> cue_hits("It is not overdue.", rules.targets[0], rules)
    [('overdue', -0.5)]
    """
    return [(cue, weight) for cue, _, weight in _hits(normalise(sentence), target, rules, None, normalise(previous))]


def _hits(text: str, target: Target, rules: Rules, spots: Spots | None, previous: str = "") -> list[tuple[str, int, float]]:
    """Cue matches of a normalised sentence as (cue, position, signed weight), overlaps resolved, negation applied."""
    found = [(m, 1.0) for m in find_all(target.supportive, text, spots)] + [(m, -1.0) for m in find_all(target.critical, text, spots)]
    # (a stem at the start of a longer capitalised word inside the sentence is part of a name: "the Prudential Center"
    # holds no "prudent")
    found = [(m, w) for m, w in found if not _inside_a_name(text, m)]
    side = None
    for phrases, sign in ((rules.rebuttals, 1.0), (rules.endorsements, -1.0)):
        if phrases is None or (spots is not None and phrases not in spots):
            continue
        for match in find_all(phrases, text, spots):
            side = _rebutted_side(text, previous, match.start(), rules) if side is None else side
            if side:
                found.append((match, sign * side))
            elif sign > 0:
                # No side named, but the dismissed claim follows: "a common misconception that missile defense is
                # impossible". Its cues are the claim, not the verdict; dismissing it takes the other side.
                claim = [(m, w) for m, w in found if m.start() > match.end() and len(text[match.end() : m.start()].split()) <= 12]
                if claim:
                    found = [(m, w) for m, w in found if (m, w) not in claim]
                    found.append((match, -claim[0][1]))
    if len(found) > 1:
        found = _drop_overlaps(found)
    if rules.threats is not None:  # (a cue ending in "that" or "whether" opens a clause: "not clear that adversaries …")
        found = [
            (m, w) for m, w in found if w > 0 or re.search(rf"\b{_NOT_MODIFYING}$", m.group(0)) or not rules.threats.match(text, m.end())
        ]
    if rules.threat_subjects is not None:
        found = [(m, w) for m, w in found if w > 0 or not rules.threat_subjects.search(text, max(0, m.start() - 80), m.start())]
    hits = [(m.group(0), m.start(), -0.5 * sign if _negated(text[: m.start()], rules) else sign) for m, sign in found]
    return [hit for hit in hits if not _their_claim(text, hit, rules, found)]


def _inside_a_name(text: str, match: re.Match) -> bool:
    """Whether a cue matched the start of a longer capitalised word that opens no sentence (nor a quoted one)."""
    word_goes_on = match.end() < len(text) and text[match.end()].isalpha()
    before = text[: match.start()].rstrip(" \"'“‘([")
    opens = not before or before.endswith((".", "!", "?", ":", ";", "\n"))
    return match.group(0)[:1].isupper() and word_goes_on and not opens


def _their_claim(text: str, hit: tuple[str, int, float], rules: Rules, found: list) -> bool:
    """Whether a cue restates one side's claim rather than the outlet's verdict: a critical cue after the critics are
    named ("Objection one: it is impossible"), a supportive one after the backers ("the pitch: a leak-proof shield"),
    in a sentence with no rebuttal word."""
    cue, position, weight = hit
    if any(rules.rebuttals is not None and m.re is rules.rebuttals.pattern for m, _ in found):
        return False
    side = rules.critics if weight < 0 else rules.backers
    return side is not None and side.pattern.search(text, 0, position) is not None


def _rebutted_side(text: str, previous: str, position: int, rules: Rules) -> float:
    """Whose argument a dismissing word answers: +1 for the critics' (so it supports the target), -1 for its backers',
    0 if neither is named in the sentence or the one before. The side named nearest before the word wins."""

    def last_named(piece: str) -> tuple[int, float]:
        best = (-1, 0.0)
        for phrases, side in ((rules.critics, 1.0), (rules.backers, -1.0)):
            if phrases is not None:
                for match in phrases.pattern.finditer(piece):
                    best = max(best, (match.start(), side))
        return best

    here = last_named(text[:position]) if position else (-1, 0.0)
    if here[1]:
        return here[1]
    after = last_named(text[position:])
    return after[1] or last_named(previous)[1]


def _drop_overlaps(hits: list) -> list:
    """Keep the longest of overlapping matches (of equally long ones, the first), in text order."""
    kept: list = []
    for match, sign in sorted(hits, key=lambda h: (h[0].start() - h[0].end(), h[0].start())):
        if all(match.end() <= k.start() or k.end() <= match.start() for k, _ in kept):
            kept.append((match, sign))
    return sorted(kept, key=lambda h: h[0].start())


def _clause_weights(text: str, positions: list[int], rules: Rules) -> list[float]:
    """Each cue's weight by its clause: after the last "but"/"however" 1.5, before it 0.5; in a sentence opening with
    "While"/"Although", before the first comma 0.5 and after it 1.5; else 1."""
    if not positions:
        return []
    if rules.contrast is not None:
        turns = [m.start() for m in rules.contrast.finditer(text) if m.start() > 0]
        if turns:
            return [1.5 if p > turns[-1] else 0.5 for p in positions]
    if rules.concession is not None and rules.concession.match(text) and "," in text:
        comma = text.index(",")
        return [0.5 if p < comma else 1.5 for p in positions]
    return [1.0] * len(positions)


def cue_score(sentence: str, target: Target, rules: Rules, previous: str = "") -> float:
    """A sentence's cue score for a target in [-1, 1]: the clause-weighted mean cue weight, times ``hedge_factor`` if
    hedged; 0 without cues.

    >>> rules = stance_rules({"stance": {"targets": {"dome": {"aliases": ["dome"]}},
    ...     "cues": {"supportive": ["overdue"], "critical": ["boondoggle"]}, "hedges": ["may"]}})
    >>> [cue_score(s, rules.targets[0], rules) for s in ["Overdue.", "It may be a boondoggle.", "Costly, but overdue."]]
    [1.0, -0.5, 1.0]
    """
    text = normalise(sentence)
    return _score(_hits(text, target, rules, None, normalise(previous)), text, rules)


def _score(hits: list[tuple[str, int, float]], text: str, rules: Rules, spots: Spots | None = None) -> float:
    """:func:`cue_score` from a normalised sentence's hits (found once)."""
    if not hits:
        return 0.0
    clause = _clause_weights(text, [position for _, position, _ in hits], rules)
    score = sum(w * c for (_, _, w), c in zip(hits, clause, strict=True)) / sum(clause)
    return score * rules.hedge_factor if find_any(rules.hedges, text, spots) else score


def is_opinion(text: str, sentences: list, rules: Rules) -> bool:
    """Whether an article is an opinion piece: a label ("Opinion", "Editorial") on one of its first lines, or the
    author's own voice (first person, "should", a question) in at least ``opinion.min_share`` of its own sentences.

    >>> rules = stance_rules({"stance": {"opinion": {"labels": ["opinion"], "markers": ["I"], "min_share": 0.5}}})
    >>> is_opinion("OPINION: A blank check. It rained.", [], rules)
    True
    """
    text = text if isinstance(text, str) else ""
    if rules.opinion_labels is not None and rules.opinion_labels.search(text[:300]):
        return True
    own = [s for s in sentences if getattr(s, "voice", "own") == "own"]
    if rules.opinion_markers is None or not own:
        return False
    marked = sum(1 for s in own if rules.opinion_markers.search(s.sentence) or s.sentence.rstrip().endswith("?"))
    return marked / len(own) >= rules.opinion_share


def _titles(articles: pd.DataFrame) -> dict[str, str]:
    """Each article's headline by id ("" where the corpus has none)."""
    if "title" not in articles:
        return {}
    return dict(zip(articles["article_id"], articles["title"].fillna("").astype(str), strict=True))


def discussed(text: str, targets: list[Target], title: str = "") -> dict[str, int]:
    """How many times an article names each target (aliases and ``together`` pairs, by sentence), 0 if never; its
    headline, which the corpus loader keeps apart from the text, counts ("Budget Office Prices Golden Dome Above A
    Trillion" over a text that only says "the scheme").

    >>> rules = stance_rules({"stance": {"targets": {"dome": {"aliases": ["Golden Dome"]}}}})
    >>> discussed("The Golden Dome. More on the Golden Dome.", rules.targets)
    {'dome': 2}
    """
    plain = normalise(f"{title}\n{text}" if isinstance(title, str) and title.strip() else text)
    return {t.name: len(find_all(t.aliases, plain, None)) + _together_count(plain, t) for t in targets}


def _together_count(text: str, target: Target) -> int:
    """Sentences (lines split at full stops) that name one word of each list of a ``together`` pair."""
    if not target.together:
        return 0
    return sum(
        1
        for piece in re.split(r"(?<=[.!?])\s+|\n", text)
        if any(find_any(a, piece, None) and find_any(b, piece, None) for a, b in target.together)
    )


def sentence_table(articles: pd.DataFrame, codebook: dict, analysed: dict | None = None, tone: bool = True) -> pd.DataFrame:
    """One row per sentence and target it is about (target "" when none): cue score, tone, voice, speaker, weight.

    Without ``tone`` the tone column is left empty (NaN): VADER is the slowest step, and :func:`stance_tables` only shows
    the tone of the evidence sentences, which :func:`with_tone` adds.
    """
    analysed = analysed if analysed is not None else voices.voices_by_article(articles, codebook)
    rules = stance_rules(codebook)
    rows = []
    titles = _titles(articles)
    for article_id, file, text in rows_of(articles, "article_id", "file", "text"):
        sentences = analysed[article_id].sentences
        scanned = _scanned(rules.scanner, text, sentences)
        rows += _sentence_rows(article_id, file, text, sentences, *scanned, rules, title=titles.get(article_id, ""))
    table = pd.DataFrame(rows, columns=SENTENCE_COLUMNS)
    return with_tone(table) if tone else table


def _scanned(scanner: PhraseScanner, text: str, sentences: list[voices.VoicedSentence]) -> tuple[list[str], list[Spots | None]]:
    """A text's sentences normalised, as the stance reads them, and their :func:`phrase_spots`."""
    plain = normalise(text if isinstance(text, str) else "")
    return [plain[s.start : s.end] for s in sentences], phrase_spots(scanner, plain, [(s.start, s.end) for s in sentences])


def _sentence_weights(text: str, sentences: list[voices.VoicedSentence], rules: Rules) -> list[float]:
    """Each sentence's weight in its article: a headline (a first line without a full stop) counts ``headline_weight``,
    the closing paragraph ``closing_weight``, the rest 1."""
    text = text if isinstance(text, str) else ""
    weights = [1.0] * len(sentences)
    if not sentences:
        return weights
    first = sentences[0]
    line_end = text.find("\n", first.start)
    if (
        line_end != -1
        and first.end <= line_end
        and not first.sentence.rstrip().endswith((".", "”", '"'))
        and len(first.sentence.split()) <= HEADLINE_MAX_WORDS
    ):
        weights[0] = rules.headline_weight
    last_break = text.rstrip().rfind("\n")
    closing = [i for i, s in enumerate(sentences) if s.start > last_break] if last_break > sentences[0].end else []
    for i in closing if len(closing) < len(sentences) else []:
        weights[i] = max(weights[i], rules.closing_weight)
    return weights


def _sentence_rows(
    article_id: str,
    file: str,
    text: str,
    sentences: list[voices.VoicedSentence],
    plain: list[str],
    spots: list[Spots | None],
    rules: Rules,
    evidence_only: bool = False,
    title: str = "",
) -> list[tuple]:
    """The rows of :func:`sentence_table` for one article, tone left empty; with ``evidence_only``, only the sentences
    with a target and a cue. A sentence naming no target goes to the implicit target if the article (its ``title`` or
    text) discusses it."""
    counts = discussed(text if isinstance(text, str) else "", rules.targets, title)
    implicit = next((t for t in rules.targets if t.implicit and counts[t.name]), None)
    weights = _sentence_weights(text, sentences, rules)
    rows = []
    for i, (s, sentence, at) in enumerate(zip(sentences, plain, spots, strict=True)):
        about = [t for t in rules.targets if _mentions(sentence, t, at)] if at != {} else []  # {}: no phrase of any list
        base = (article_id, file, s.sentence_id, s.start, s.end, s.sentence)  # the columns before "target"
        previous = " ".join(plain[max(0, i - 2) : i])  # where a rebutted argument may have been named
        by_words = [
            t for t in rules.targets if counts[t.name] and t.implicit_words is not None and find_any(t.implicit_words, sentence, None)
        ]
        # (a sentence naming another programme and no target is about that one: "BAMBI was cancelled for its cost")
        elsewhere = implicit is not None and implicit.elsewhere is not None and find_any(implicit.elsewhere, sentence, None)
        scored = about or by_words[:1] or ([implicit] if implicit is not None and not elsewhere else [])
        if sentence.rstrip().rstrip("\"”'’)").endswith("?"):
            scored = about if not evidence_only else []  # a question asks; it does not judge
        for target in scored:
            hits = _hits(sentence, target, rules, at, previous)
            # Cues outside every quotation and reported clause are the outlet's own, whatever the sentence holds besides.
            theirs = [h for h in hits if any(a <= s.start + h[1] < b for a, b in getattr(s, "others", ()))]
            own = [h for h in hits if h not in theirs]
            parts = [(own, "own", ""), (theirs, s.voice, s.speaker)] if s.voice != "own" else [(hits, "own", "")]
            for found, voice, speaker in parts:
                # Without cues, a sentence about a target keeps one row: in its own voice, quoted or reported.
                if found or (not evidence_only and about and (voice != "own" or s.voice == "own")):
                    cues = "; ".join([cue for cue, _, _ in found])
                    score = _score(found, sentence, rules, at)
                    rows.append((*base, target.name, score, len(found), cues, float("nan"), voice, speaker, weights[i]))
        if not about and not evidence_only and not (implicit is not None and rows and rows[-1][2] == s.sentence_id):
            rows.append((*base, "", 0.0, 0, "", float("nan"), s.voice, s.speaker, weights[i]))
    return rows


def _headline_rows(article_id: str, file: str, title: str, text: str, scanner: PhraseScanner, rules: Rules) -> list[tuple]:
    """The evidence rows of an article's headline, which the corpus loader keeps apart from its text: its own words
    (quotations blanked) scored for each target it names, or for the story's main target once the text discusses it,
    at the headline's weight. Its sentence id is -1, its offsets -1: it is not in the text."""
    if not title.strip():
        return []
    plain = normalise(QUOTE_RE.sub(lambda m: " " * len(m.group(0)), title))
    spots = phrase_spots(scanner, plain, [(0, len(plain))])[0]
    counts = discussed(text if isinstance(text, str) else "", rules.targets, title)
    about = [t for t in rules.targets if _mentions(plain, t, spots)] if spots != {} else []
    scored = about or [t for t in rules.targets if t.implicit and counts[t.name]][:1]
    if plain.rstrip().endswith("?"):
        return []  # a question asks; it does not judge
    rows = []
    for target in scored:
        found = _hits(plain, target, rules, spots)
        if found:
            score = _score(found, plain, rules, spots)
            cues = "; ".join(cue for cue, _, _ in found)
            rows.append(
                (article_id, file, -1, -1, -1, title, target.name, score, len(found), cues, float("nan"), "own", "", rules.headline_weight)
            )
    return rows


def with_tone(table: pd.DataFrame) -> pd.DataFrame:
    """A table of sentences (with ``article_id``, ``sentence_id``, ``sentence``) with its ``tone`` column filled in by VADER.

    >>> table = pd.DataFrame({"article_id": ["a"] * 3, "sentence_id": [0, 0, 1], "sentence": ["A great success."] * 2 + ["It rained."]})
    >>> with_tone(table.assign(tone=float("nan")))["tone"].tolist()
    [0.8316, 0.8316, 0.0]
    """
    if table.empty:
        return table  # and the column keeps its type
    analyzer = SentimentIntensityAnalyzer()
    # A sentence that names two targets has a row for each: score it once. (Keyed by position, not text: articles
    # that share a sentence are each scored, as a corpus without shared sentences would be.)
    keys = list(rows_of(table, "article_id", "sentence_id"))
    tones: dict[tuple[str, int], float] = {}
    for key, sentence in zip(keys, table["sentence"].tolist(), strict=True):
        if key not in tones:
            tones[key] = analyzer.polarity_scores(sentence)["compound"]
    return table.assign(tone=[tones[key] for key in keys])


def bootstrap_ci(values: np.ndarray, key: str, seed: int = SEED, n_boot: int = N_BOOT, level: float = 0.95) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean, reproducible: the generator is seeded by ``seed`` and ``key``.

    >>> bootstrap_ci(np.array([1.0, 1.0]), "a")
    (1.0, 1.0)
    """
    if len(values) == 0:
        return float("nan"), float("nan")
    low, high = np.quantile(_bootstrap_means(values, key, seed, n_boot), [(1 - level) / 2, (1 + level) / 2])
    return float(low), float(high)


def _bootstrap_means(values: np.ndarray, key: str, seed: int, n_boot: int) -> np.ndarray:
    """The means of ``n_boot`` resamples of some values, drawn by a generator seeded by ``seed`` and ``key``."""
    rng = np.random.default_rng([seed, zlib.crc32(key.encode("utf-8"))])
    # The mean as numpy's mean computes it, a sum then a division, without its Python layers: this runs for every
    # article and target.
    return np.add.reduce(rng.choice(values, size=(n_boot, len(values)), replace=True), axis=1) / len(values)


def _bootstrap_cis(samples: list[tuple[np.ndarray, str]], seed: int, level: float = 0.95) -> list[tuple[float, float]]:
    """:func:`bootstrap_ci` of many (values, key) samples, the same intervals with one quantile call for them all.

    >>> _bootstrap_cis([(np.array([1.0, 3.0]), "a"), (np.array([]), "b")], SEED)[0] == bootstrap_ci(np.array([1.0, 3.0]), "a")
    True
    """
    intervals = [(float("nan"), float("nan"))] * len(samples)
    drawn = [i for i, (values, _) in enumerate(samples) if len(values)]
    # np.quantile costs far more per call than per value: one call on many samples' means, row by row. In blocks of
    # BOOTSTRAP_BLOCK samples: the means of every sample of a large corpus at once would not fit in the CPU's caches
    # (300 MB for 10,000 articles), and the time per article would grow with the corpus.
    for start in range(0, len(drawn), BOOTSTRAP_BLOCK):
        block = drawn[start : start + BOOTSTRAP_BLOCK]
        means = np.array([_bootstrap_means(*samples[i], seed, N_BOOT) for i in block])
        lows, highs = np.quantile(means, [(1 - level) / 2, (1 + level) / 2], axis=1)
        for i, low, high in zip(block, lows, highs, strict=True):
            intervals[i] = (float(low), float(high))
    return intervals


def label_for(score: float, rules: Rules, n_evidence: int | None = None, net: float | None = None, min_net: float | None = None) -> str:
    """The label of an article's own-voice score (and net, if given): supportive, critical, or neutral between the
    thresholds, for NaN, with too little evidence or too small a net.

    >>> rules = stance_rules({"stance": {"thresholds": {"min_evidence": 2, "min_net": 1.0}}})
    >>> [label_for(s, rules) for s in (0.5, 0.1, -0.2, float("nan"))], label_for(0.5, rules, n_evidence=1)
    (['supportive', 'neutral', 'critical', 'neutral'], 'neutral')
    >>> label_for(0.6, rules, 3, net=0.8), label_for(-0.6, rules, 3, net=-1.8)
    ('neutral', 'critical')
    """
    if n_evidence is not None and n_evidence < rules.min_evidence:
        return "neutral"
    if net is not None and abs(net) < (rules.min_net if min_net is None else min_net):
        return "neutral"
    if score >= rules.supportive:
        return "supportive"
    if score <= rules.critical:
        return "critical"
    return "neutral"


def _weighted_resamples(
    values: np.ndarray, weights: np.ndarray, key: str, seed: int, n_boot: int = N_BOOT
) -> tuple[np.ndarray, np.ndarray]:
    """Weighted means and weighted sums of ``n_boot`` resamples of (value, weight) pairs, seeded by ``seed`` and ``key``."""
    rng = np.random.default_rng([seed, zlib.crc32(key.encode("utf-8"))])
    picks = rng.integers(0, len(values), size=(n_boot, len(values)))
    sums = (values * weights)[picks].sum(axis=1)
    return sums / weights[picks].sum(axis=1), sums


def _weighted_mean(values: np.ndarray, weights: np.ndarray) -> float:
    """The weighted mean, NaN for no values."""
    return float((values * weights).sum() / weights.sum()) if len(values) else float("nan")


def _mean(values: np.ndarray) -> float:
    """The mean as pandas computes it (a numpy sum over the count), NaN for no values."""
    return float(values.sum() / len(values)) if len(values) else float("nan")


def article_table(
    sentences: pd.DataFrame, articles: pd.DataFrame, codebook: dict, seed: int = SEED, opinion: dict[str, bool] | None = None
) -> pd.DataFrame:
    """One row per article and target: own-voice score and label, bootstrap interval and confidence, evidence counts,
    quoted score, and how often the article names the target."""
    rules = stance_rules(codebook)
    evidence = sentences[sentences["n_cues"].gt(0) & sentences["target"].ne("")]
    groups: dict[tuple[str, str], list[tuple[float, float, bool]]] = {}
    for article_id, target, score, voice, weight in rows_of(evidence, "article_id", "target", "cue_score", "voice", "weight"):
        groups.setdefault((article_id, target), []).append((score, weight, voice == "own"))
    rows = []
    opinion = opinion or {}
    titles = _titles(articles)
    for article_id, file, text in rows_of(articles, "article_id", "file", "text"):
        counts = discussed(text if isinstance(text, str) else "", rules.targets, titles.get(article_id, ""))
        for target in rules.targets:
            chosen = groups.get((article_id, target.name), [])
            own = np.array([(s, w) for s, w, is_own in chosen if is_own], dtype=float).reshape(-1, 2)
            quoted = np.array([s for s, _, is_own in chosen if not is_own], dtype=float)
            values, weights = own[:, 0], own[:, 1]
            score, net = _weighted_mean(values, weights), float((values * weights).sum())
            if not counts[target.name]:  # an article that never names the target has no score for it, whatever cue words say
                score, net = float("nan"), 0.0
            min_net = target.min_net
            if opinion.get(article_id) and rules.min_net_opinion is not None:
                min_net = min(rules.min_net_opinion, min_net if min_net is not None else rules.min_net)
            label = label_for(score, rules, len(values), net, min_net) if counts[target.name] else NOT_DISCUSSED
            low = high = float("nan")
            confidence = 1.0
            if len(values) and counts[target.name]:
                means, sums = _weighted_resamples(values, weights, f"{article_id}/{target.name}", seed)
                low, high = (float(q) for q in np.quantile(means, [0.025, 0.975]))
                resampled = [label_for(m, rules, len(values), n, min_net) for m, n in zip(means, sums, strict=True)]
                confidence = float(np.mean([r == label for r in resampled]))
            rows.append(
                (
                    article_id,
                    file,
                    target.name,
                    score,
                    label,
                    low,
                    high,
                    len(values),
                    score,
                    _mean(quoted),
                    net,
                    confidence,
                    len(quoted),
                    counts[target.name],
                    bool(opinion.get(article_id, False)),
                )
            )
    return pd.DataFrame(rows, columns=STANCE_COLUMNS)


def evidence_table(sentences: pd.DataFrame, stance: pd.DataFrame | None = None, top: int = TOP_EVIDENCE) -> pd.DataFrame:
    """The one to three own-voice sentences that decide each article's label per target (those that push toward it
    most: weight times cue score; for a neutral label, the strongest either way), ranked."""
    evidence = sentences[sentences["n_cues"].gt(0) & sentences["target"].ne("") & sentences["voice"].eq("own")]
    evidence = evidence.assign(pull=evidence["cue_score"] * evidence["weight"])
    if stance is not None:
        labels = stance.set_index(["article_id", "target"])["label"]
        sign = [
            {"supportive": 1.0, "critical": -1.0}.get(labels.get((a, t), "neutral"), 0.0)
            for a, t in rows_of(evidence, "article_id", "target")
        ]
        evidence = evidence.assign(sign=sign)
        evidence = evidence[evidence["sign"].eq(0) | (evidence["pull"] * evidence["sign"]).gt(0)]
        weight = np.where(evidence["sign"].eq(0), evidence["pull"].abs(), evidence["pull"] * evidence["sign"])
    else:
        weight = evidence["pull"].abs()
    ranked = (
        evidence.assign(weight_=weight)
        .sort_values(["article_id", "target", "weight_", "sentence_id"], ascending=[True, True, False, True])
        .groupby(["article_id", "target"], sort=False)
        .head(top)
    )
    return ranked.assign(rank=ranked.groupby(["article_id", "target"]).cumcount() + 1)[EVIDENCE_COLUMNS].reset_index(drop=True)


def quote_sides(quotes: pd.DataFrame, codebook: dict) -> pd.DataFrame:
    """Add to each quotation the cue score of its own words (``side_score``, every target's cues) and its ``side``."""
    rules = stance_rules(codebook)
    section = codebook.get("stance", {})

    def cues(side: str) -> Phrases:
        extra = [p for spec in section.get("targets", {}).values() for p in spec.get(side, [])]
        return compile_phrases([*section.get("cues", {}).get(side, []), *extra], whole_word=False)

    anything = Target("any", "any", compile_phrases([]), [], cues("supportive"), cues("critical"))
    texts = [normalise(q) for q in quotes["quote"].tolist()]
    hits = [_hits(text, anything, rules, None) for text in texts]
    scores = pd.Series([_score(found, text, rules) for found, text in zip(hits, texts, strict=True)], index=quotes.index, dtype=float)
    kinds = quotes["kind"].tolist() if "kind" in quotes else ["quotation"] * len(quotes)
    sides = [
        ("term" if kind == "term" else label_for(s, rules) if found else "no cue")
        for s, found, kind in zip(scores, hits, kinds, strict=True)
    ]
    return quotes.assign(side_score=scores.where([bool(found) for found in hits]), side=sides)


def stance_tables(articles: pd.DataFrame, codebook: dict, seed: int = SEED) -> dict[str, pd.DataFrame]:
    """Every stance table by the file name it is written to: stance, its deciding evidence, quotations, frames."""
    analysed = voices.voices_by_article(articles, codebook)
    rules = stance_rules(codebook)
    frames = voices.frame_patterns(codebook.get("frames", {}))
    # One scan of each text finds the stance's phrases and the frames' cues, for the rows of both tables.
    scanner = phrase_scanner([*_all_lists(rules), *frames.values()])
    evidence, framed, opinion = [], [], {}
    titles = _titles(articles)
    for article_id, file, text in rows_of(articles, "article_id", "file", "text"):
        sentences, title = analysed[article_id].sentences, titles.get(article_id, "")
        # The headline counts too ("Editorial: Japan has joined a shield it cannot see"): the loader takes it out of the text.
        opinion[article_id] = is_opinion(f"{title}\n{text}", sentences, rules)
        plain, spots = _scanned(scanner, text, sentences)
        evidence += _headline_rows(article_id, file, title, text, scanner, rules)
        evidence += _sentence_rows(article_id, file, text, sentences, plain, spots, rules, evidence_only=True, title=title)
        framed += voices.frame_rows(article_id, file, plain, spots, frames)
    # With no evidence at all, the table of every sentence gives the empty evidence table its column types.
    sentences = pd.DataFrame(evidence, columns=SENTENCE_COLUMNS) if evidence else sentence_table(articles, codebook, analysed, tone=False)
    stance = article_table(sentences, articles, codebook, seed, opinion)
    quotes = quote_sides(voices.quotes_table(articles, codebook, analysed), codebook)
    return {
        "stance.csv": stance,
        # Tone only for the evidence shown: the table of every sentence and its tone is the notebook's, not a file's.
        "stance_evidence.csv": with_tone(evidence_table(sentences, stance)),
        "quotes.csv": quotes,
        "frames.csv": pd.DataFrame(framed, columns=voices.FRAME_COLUMNS),
    }


def before_tuning(codebook: dict) -> dict:
    """The codebook as it was before the changes listed under ``stance.tuning`` (made after seeing disagreement).

    >>> book = {"voices": {"verbs": ["said", "warn"]}, "stance": {"tuning": [{"path": ["voices", "verbs"], "added": ["warn"]}]}}
    >>> before_tuning(book)["voices"]["verbs"]
    ['said']
    """
    original = copy.deepcopy(codebook)
    for change in codebook.get("stance", {}).get("tuning") or []:
        *parents, key = change["path"]
        holder = original
        for part in parents:
            holder = holder[part]
        if "added" in change:
            holder[key] = [value for value in holder[key] if value not in change["added"]]
        if "removed" in change:
            holder[key] = [*holder[key], *change["removed"]]
        if "before" in change:
            if change["before"] is None:
                holder.pop(key, None)  # the setting did not exist
            else:
                holder[key] = change["before"]
    return original


def cohen_kappa(first: list[str], second: list[str]) -> float:
    """Cohen's kappa between two codings of the same items: (observed - chance agreement) / (1 - chance agreement).

    >>> round(cohen_kappa(["a", "a", "b", "b"], ["a", "b", "b", "b"]), 3)
    0.5
    """
    if len(first) != len(second) or not first:
        raise ValueError("kappa needs two codings of the same, non-empty list of items")
    n = len(first)
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    categories = set(first) | set(second)
    chance = sum((first.count(c) / n) * (second.count(c) / n) for c in categories)
    return 1.0 if chance == 1 else (observed - chance) / (1 - chance)


def agreement_table(stance: pd.DataFrame, coding: pd.DataFrame) -> pd.DataFrame:
    """Automatic labels beside the analyst's, per file and target, with whether they agree."""
    return (
        stance[["file", "target", "label", "score", "n_evidence"]]
        .merge(
            coding[["file", "target", "label", "rationale"]], on=["file", "target"], suffixes=("_auto", "_analyst"), validate="one_to_one"
        )
        .assign(agree=lambda d: d["label_auto"].eq(d["label_analyst"]))
    )


def agreement(table: pd.DataFrame) -> dict[str, float]:
    """Percent agreement and Cohen's kappa of an :func:`agreement_table`."""
    auto, analyst = table["label_auto"].tolist(), table["label_analyst"].tolist()
    return {"n": len(table), "percent": 100 * float(table["agree"].mean()), "kappa": cohen_kappa(auto, analyst)}


def stance_chart(
    stance: pd.DataFrame, labels: pd.Series, outlets: pd.Series, target_labels: dict[str, str], colors: dict[str, str], source_note: str
) -> Figure:
    """Per target, each source's score as a diverging bar with its interval, own voice and quoted voices as markers."""
    apply_style()
    targets = list(dict.fromkeys(stance["target"]))
    fig, axes = plt.subplots(
        1, len(targets), figsize=(PAGE_WIDTH_IN, 0.45 * stance["article_id"].nunique() + 1.9), sharey=True, squeeze=False
    )
    for ax, target in zip(axes[0], targets, strict=True):
        rows = stance[stance["target"].eq(target)].reset_index(drop=True)
        y = np.arange(len(rows))
        ax.barh(y, rows["score"].fillna(0), color=[colors.get(outlets[a], "#999999") for a in rows["article_id"]], alpha=0.85)
        ax.errorbar(
            rows["score"],
            y,
            xerr=[rows["score"] - rows["ci_low"], rows["ci_high"] - rows["score"]],
            fmt="none",
            ecolor=TEXT_COLOR,
            capsize=3,
            lw=1,
        )
        ax.scatter(rows["quoted_score"], y, marker="D", color=TEXT_COLOR, s=18, zorder=3, label="quoted / reported voices")
        absent = rows["label"].eq(NOT_DISCUSSED).to_numpy()
        if absent.any():  # a mark, not words: words at the axis would run into the quoted voices' diamonds
            ax.scatter(np.zeros(absent.sum()), y[absent], marker="x", color="#888888", s=22, zorder=3, label="not discussed")
        ax.axvline(0, color="#888888", lw=0.8)
        ax.set_xlim(-1.05, 1.05)
        ax.set_yticks(y, rows["article_id"].map(labels))
        ax.set_title(target_labels.get(target, target), fontsize=9.5)
    axes[0][0].invert_yaxis()
    fig.supxlabel(
        "Own-voice stance (−1 critical, +1 supportive; lines: 95 % interval). No bar: no sentence in the outlet's own voice takes a side",
        fontsize=8.5,
    )
    axes[0][-1].legend(frameon=False, fontsize=7.5, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.suptitle(textwrap.fill(_stance_title(stance, labels, target_labels), 90), x=0.0, ha="left", fontsize=11, fontweight="bold")
    add_source_note(fig, source_note)
    fig.tight_layout()
    return fig


def _stance_title(stance: pd.DataFrame, labels: pd.Series, target_labels: dict[str, str]) -> str:
    """The finding for the stance chart: the most supportive and the most critical labelled source on the first target."""
    target = stance["target"].iloc[0]
    rows = stance[stance["target"].eq(target) & stance["label"].isin(["supportive", "critical"])].dropna(subset=["score"])
    if rows.empty:
        return "No source takes a side in its own voice"
    name = target_labels.get(target, target)
    parts = []
    for label, pick in (("supportive", "idxmax"), ("critical", "idxmin")):
        side = rows[rows["label"].eq(label)]
        if len(side):
            row = side.loc[getattr(side["score"], pick)()]
            parts.append(f"{labels[row['article_id']]} is most {label} ({row['score']:+.2f})")
    counts = stance[stance["target"].eq(target)]["label"].value_counts()
    return f"On {name}, " + " and ".join(parts) + f"; {counts.get('neutral', 0)} take no side in their own voice"


def tone_stance_chart(sentences: pd.DataFrame, labels: pd.Series, outlets: pd.Series, colors: dict[str, str], source_note: str) -> Figure:
    """Evidence sentences' tone (VADER) against their cue score, coloured by outlet; the title gives the correlation."""
    apply_style()
    data = sentences[sentences["n_cues"].gt(0) & sentences["target"].ne("")].drop_duplicates(["article_id", "sentence_id"])
    fig, ax = plt.subplots(figsize=(PAGE_WIDTH_IN, 3.6))
    for article_id, group in data.groupby("article_id", sort=True):
        ax.scatter(
            group["cue_score"], group["tone"], color=colors.get(outlets[article_id], "#999999"), label=labels[article_id], alpha=0.8, s=24
        )
    ax.axhline(0, color="#888888", lw=0.8)
    ax.axvline(0, color="#888888", lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("Stance cue score (−1 critical … +1 supportive)")
    ax.set_ylabel("Tone, VADER compound (−1 … +1)")
    ax.grid(True, axis="both")
    ax.legend(frameon=False, fontsize=7.5, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    r = data["cue_score"].corr(data["tone"]) if len(data) > 2 else float("nan")
    strength = "barely" if abs(r) < 0.2 else "weakly" if abs(r) < 0.4 else "moderately" if abs(r) < 0.7 else "strongly"
    gloss = ": positive wording is not the same as support" if abs(r) < 0.4 else ""
    ax.set_title(textwrap.fill(f"Tone and stance agree {strength} (r = {r:.2f} over {len(data)} sentences){gloss}", 80))
    add_source_note(fig, source_note)
    fig.tight_layout()
    return fig
