"""Stance toward the story's targets, sentence by sentence and per article, with tone, voice and a bootstrap interval.

The method, in plain words (the cues are data: ``stance`` in ``data/codebook/stance.yaml``):

1. A sentence is *about* a target when it names one of the target's aliases (or, for a ``together`` pair, one word
   from each list: "Tokyo ... pledging"). Sentences naming no target are kept with ``target`` empty.
2. Its *cue score* is the mean of its cue matches: a supportive cue counts +1, a critical one -1; a cue with a negation
   up to ``negation_window`` words before it ("not a deterrent", "undermines stability") counts half, reversed. A
   sentence with a hedge ("may", "could") is multiplied by ``hedge_factor``. No cue: score 0, not evidence.
3. Its *tone* is VADER's compound score (-1 to 1), a general-purpose sentiment lexicon: how positive the words are,
   whatever they are about. Its *voice* and *speaker* come from :mod:`mediabrief.voices`.
4. An article's *score* for a target is the mean cue score of its evidence sentences (those about the target with a
   cue), in [-1, 1]; ``own_voice_score`` and ``quoted_score`` are the same mean over its own and its quoted or reported
   sentences. *Label*: supportive at or above ``thresholds.supportive``, critical at or below
   ``thresholds.critical``, neutral between, and neutral with fewer than ``thresholds.min_evidence`` evidence
   sentences (the score is still given). With no evidence the label is neutral, ``n_evidence`` is 0 and the scores
   are NaN (empty in the CSV): "no evidence" is not the same as "balanced".
5. The interval is a percentile bootstrap of that mean over the evidence sentences (2,000 resamples, 95 %), from a
   numpy generator seeded by the seed and the article and target names: the same input gives the same interval.
"""

from __future__ import annotations

import copy
import itertools
import textwrap
import zlib
from typing import NamedTuple

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer, SentiText

from . import voices
from .phrases import Phrases, PhraseScanner, Spots, compile_phrases, find_all, find_any, normalise, phrase_scanner, phrase_spots
from .plotting import PAGE_WIDTH_IN, TEXT_COLOR, add_source_note, apply_style
from .textutils import words
from .voices import rows_of

STANCE_COLUMNS = ["article_id", "file", "target", "score", "label", "ci_low", "ci_high", "n_evidence", "own_voice_score", "quoted_score"]
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
]
EVIDENCE_COLUMNS = ["article_id", "file", "target", "rank", "sentence_id", "voice", "speaker", "cue_score", "tone", "sentence"]
LABELS = ["supportive", "neutral", "critical"]
N_BOOT = 2000
BOOTSTRAP_BLOCK = 256  # samples whose bootstrap means are held at once: 256 x 2,000 means, 4 MB
SEED = 20250604  # any fixed number; the interval of an article depends on it and on the article and target names
TOP_EVIDENCE = 3


class Target(NamedTuple):
    """One target's compiled rules: how it is named and which cues count for and against it."""

    name: str
    label: str
    aliases: Phrases
    together: list[tuple[Phrases, Phrases]]
    supportive: Phrases
    critical: Phrases


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
        )
        for name, spec in section.get("targets", {}).items()
    ]
    hedges = compile_phrases(section.get("hedges", []))
    thresholds = section.get("thresholds", {})
    return Rules(
        targets,
        frozenset(normalise(str(w)).lower() for w in section.get("negations", [])),
        int(section.get("negation_window", 3)),
        hedges,
        float(section.get("hedge_factor", 0.5)),
        float(thresholds.get("supportive", 0.2)),
        float(thresholds.get("critical", -0.2)),
        int(thresholds.get("min_evidence", 1)),
        phrase_scanner(_phrase_lists(targets, hedges)),
    )


def _phrase_lists(targets: list[Target], hedges: Phrases) -> list[Phrases]:
    """Every phrase list of the stance rules: each target's aliases, ``together`` pairs and cues, and the hedges."""
    lists = [hedges]
    for target in targets:
        lists += [target.aliases, *(phrases for pair in target.together for phrases in pair), target.supportive, target.critical]
    return lists


def mentions_target(sentence: str, target: Target) -> bool:
    """Whether a sentence is about a target: an alias, or one word of each list of a ``together`` pair."""
    return _mentions(normalise(sentence), target)


def _mentions(text: str, target: Target, spots: Spots | None = None) -> bool:
    """:func:`mentions_target` on a sentence already normalised, tried only at its :func:`phrase_spots` if found."""
    if spots is not None and target.aliases not in spots and not any(a in spots and b in spots for a, b in target.together):
        return False  # what most sentences come to, told by the spots alone
    return find_any(target.aliases, text, spots) or any(find_any(a, text, spots) and find_any(b, text, spots) for a, b in target.together)


def _negated(before: str, rules: Rules) -> bool:
    """Whether one of the last ``window`` words before a cue is a negation (or ends in n't)."""
    for word in _last_words(before, rules.window):
        lowered = word.lower()
        if lowered in rules.negations or lowered.endswith("n't"):
            return True
    return False


def _last_words(text: str, n: int) -> list[str]:
    """``words(text)[-n:]``, reading only the end of the text when it holds n words.

    >>> _last_words("Japan is not, they say, a U.S.-made deterrent", 3)
    ['U.S.', 'made', 'deterrent']
    """
    if n > 0:
        # A word never spans white space: the words of the last n white-space-separated chunks end the text's words.
        chunks = text.rsplit(None, n)
        if len(chunks) > n and len(tail := words(" ".join(chunks[1:]))) >= n:
            return tail[-n:]
    return words(text)[-n:]


def cue_hits(sentence: str, target: Target, rules: Rules) -> list[tuple[str, float]]:
    """The cues a sentence matches for a target, each with its weight (+1, -1, or -0.5/+0.5 when negated).

    >>> rules = stance_rules({"stance": {"targets": {"dome": {"aliases": ["dome"]}}, "cues": {"supportive": ["deterrent"]},
    ...     "negations": ["not"]}})
    >>> cue_hits("It is not a deterrent.", rules.targets[0], rules)
    [('deterrent', -0.5)]
    """
    return _cue_hits(normalise(sentence), target, rules)


def _cue_hits(text: str, target: Target, rules: Rules, spots: Spots | None = None) -> list[tuple[str, float]]:
    """:func:`cue_hits` on a sentence already normalised, tried only at its :func:`phrase_spots` if found."""
    hits = [(m, 1.0) for m in find_all(target.supportive, text, spots)] + [(m, -1.0) for m in find_all(target.critical, text, spots)]
    if len(hits) > 1:
        hits = _drop_overlaps(hits)  # most sentences have one cue or none: nothing to sort
    return [(m.group(0), -0.5 * sign if _negated(text[: m.start()], rules) else sign) for m, sign in hits]


def _drop_overlaps(hits: list) -> list:
    """Keep the longest of overlapping matches ("feasibility concerns" over "concern"; of equally long ones, the first),
    in text order."""
    kept: list = []
    for match, sign in sorted(hits, key=lambda h: (h[0].start() - h[0].end(), h[0].start())):
        if all(match.end() <= k.start() or k.end() <= match.start() for k, _ in kept):
            kept.append((match, sign))
    return sorted(kept, key=lambda h: h[0].start())


def cue_score(sentence: str, target: Target, rules: Rules) -> float:
    """A sentence's cue score for a target in [-1, 1]: mean cue weight, times ``hedge_factor`` if hedged; 0 without cues.

    >>> rules = stance_rules({"stance": {"targets": {"dome": {"aliases": ["dome"]}},
    ...     "cues": {"supportive": ["deterrent"], "critical": ["arms race"]}, "hedges": ["may"]}})
    >>> [cue_score(s, rules.targets[0], rules) for s in ["A deterrent.", "It may start an arms race.", "A deterrent or an arms race."]]
    [1.0, -0.5, 0.0]
    """
    text = normalise(sentence)
    return _score(_cue_hits(text, target, rules), text, rules)


def _score(hits: list[tuple[str, float]], text: str, rules: Rules, spots: Spots | None = None) -> float:
    """:func:`cue_score` from a normalised sentence's cue hits, so that they are found once (and its spots, if found)."""
    if not hits:
        return 0.0
    score = sum([weight for _, weight in hits]) / len(hits)
    return score * rules.hedge_factor if find_any(rules.hedges, text, spots) else score


def sentence_table(articles: pd.DataFrame, codebook: dict, analysed: dict | None = None, tone: bool = True) -> pd.DataFrame:
    """One row per sentence and target it names (target "" when it names none): cue score, tone, voice, speaker.

    Without ``tone`` the tone column is left empty (NaN): VADER is the slowest step, and :func:`stance_tables` only shows
    the tone of the evidence sentences, which :func:`with_tone` adds.
    """
    analysed = analysed if analysed is not None else voices.voices_by_article(articles, codebook)
    rules = stance_rules(codebook)
    rows = []
    for article_id, file, text in rows_of(articles, "article_id", "file", "text"):
        sentences = analysed[article_id].sentences
        rows += _sentence_rows(article_id, file, sentences, *_scanned(rules.scanner, text, sentences), rules)
    table = pd.DataFrame(rows, columns=SENTENCE_COLUMNS)
    return with_tone(table) if tone else table


def _scanned(scanner: PhraseScanner, text: str, sentences: list[voices.VoicedSentence]) -> tuple[list[str], list[Spots | None]]:
    """A text's sentences normalised, as the stance reads them, and their :func:`phrase_spots`."""
    plain = normalise(text)
    return [plain[s.start : s.end] for s in sentences], phrase_spots(scanner, plain, [(s.start, s.end) for s in sentences])


def _sentence_rows(
    article_id: str,
    file: str,
    sentences: list[voices.VoicedSentence],
    plain: list[str],
    spots: list[Spots | None],
    rules: Rules,
    evidence_only: bool = False,
) -> list[tuple]:
    """The rows of :func:`sentence_table` for one article, tone left empty, given its sentences normalised and their
    :func:`phrase_spots` (from a scanner with every list of the rules); with ``evidence_only``, only the evidence (a
    target and a cue)."""
    rows = []
    for s, sentence, at in zip(sentences, plain, spots, strict=True):
        about = [t for t in rules.targets if _mentions(sentence, t, at)] if at != {} else []  # {}: no phrase of any list
        base = (article_id, file, s.sentence_id, s.start, s.end, s.sentence)  # the columns before "target"
        for target in about:
            hits = _cue_hits(sentence, target, rules, at)
            if hits or not evidence_only:
                cues = "; ".join([cue for cue, _ in hits])
                rows.append((*base, target.name, _score(hits, sentence, rules, at), len(hits), cues, float("nan"), s.voice, s.speaker))
        if not about and not evidence_only:
            rows.append((*base, "", 0.0, 0, "", float("nan"), s.voice, s.speaker))
    return rows


class WindowedVader(SentimentIntensityAnalyzer):
    """VADER with the same scores, faster (tests/test_stance.py checks the scores are VADER's own).

    - For each sentiment word, VADER's negation and idiom checks lower-case every word of the sentence, then read at
      most three words before it and two after. Here they are handed those words only (with the word's place in
      them), so a long sentence no longer costs its length squared. VADER calls them only for a word with at least
      ``start_i + 1`` (the idiom check: three) words before it, so no index it reads wraps around, in the window or
      out of it.
    - VADER first copies the text character by character, putting a description in place of each emoji. A text with
      no emoji character comes out as it went in, stripped: it is read as it is, by VADER's own loop over its words
      with each word lower-cased once (VADER lower-cases each word up to four times), a word that is not in the
      lexicon taking the zero VADER gives it without a call to ``sentiment_valence``. A text with emoji is VADER's.
    """

    def polarity_scores(self, text: str) -> dict[str, float]:
        if not (self.emojis.keys().isdisjoint(text) and text not in self.emojis):
            return super().polarity_scores(text)
        text = text.strip()
        sentitext = SentiText(text)
        words = sentitext.words_and_emoticons
        lowered = [word.lower() for word in words]
        sentiments: list[float] = []
        for i, (word, lower) in enumerate(zip(words, lowered, strict=True)):
            # Boosters, "kind" in "kind of" and words outside the lexicon weigh nothing of their own.
            if lower not in self.lexicon or lower in BOOSTER_DICT or (lower == "kind" and i < len(words) - 1 and lowered[i + 1] == "of"):
                sentiments.append(0)
            else:
                sentiments = self.sentiment_valence(0, sentitext, word, i, sentiments)
        return self.score_valence(self._but_check(words, sentiments), text)

    @staticmethod
    def _negation_check(valence: float, words_and_emoticons: list[str], start_i: int, i: int) -> float:
        first = max(0, i - 3)
        return SentimentIntensityAnalyzer._negation_check(valence, words_and_emoticons[first : i + 1], start_i, i - first)

    @staticmethod
    def _special_idioms_check(valence: float, words_and_emoticons: list[str], i: int) -> float:
        first = max(0, i - 3)
        return SentimentIntensityAnalyzer._special_idioms_check(valence, words_and_emoticons[first : i + 3], i - first)


def with_tone(table: pd.DataFrame) -> pd.DataFrame:
    """A table of sentences (with ``article_id``, ``sentence_id``, ``sentence``) with its ``tone`` column filled in by VADER.

    >>> table = pd.DataFrame({"article_id": ["a"] * 3, "sentence_id": [0, 0, 1], "sentence": ["A great success."] * 2 + ["It rained."]})
    >>> with_tone(table.assign(tone=float("nan")))["tone"].tolist()
    [0.8316, 0.8316, 0.0]
    """
    if table.empty:
        return table  # and the column keeps its type
    analyzer = WindowedVader()
    # A sentence that names two targets has a row for each: score it once. (Keyed by position, not text: articles
    # that share a sentence are each scored, as a corpus without shared sentences would be.)
    keys = list(rows_of(table, "article_id", "sentence_id"))
    tones: dict[tuple[str, int], float] = {}
    for key, sentence in zip(keys, table["sentence"].tolist(), strict=True):
        if key not in tones:
            tones[key] = analyzer.polarity_scores(sentence)["compound"]
    return table.assign(tone=[tones[key] for key in keys])


def label_for(score: float, rules: Rules, n_evidence: int | None = None) -> str:
    """The label of a score: supportive, critical, or neutral between the thresholds, for NaN and with too little evidence.

    >>> rules = stance_rules({"stance": {"thresholds": {"min_evidence": 2}}})
    >>> [label_for(s, rules) for s in (0.5, 0.1, -0.2, float("nan"))], label_for(0.5, rules, n_evidence=1)
    (['supportive', 'neutral', 'critical', 'neutral'], 'neutral')
    """
    if n_evidence is not None and n_evidence < rules.min_evidence:
        return "neutral"
    if score >= rules.supportive:
        return "supportive"
    if score <= rules.critical:
        return "critical"
    return "neutral"


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


def _mean(values: np.ndarray) -> float:
    """The mean as pandas computes it (a numpy sum over the count), NaN for no values."""
    return float(values.sum() / len(values)) if len(values) else float("nan")


def article_table(sentences: pd.DataFrame, articles: pd.DataFrame, codebook: dict, seed: int = SEED) -> pd.DataFrame:
    """One row per article and target: score, label, bootstrap interval, evidence count, own and quoted scores."""
    rules = stance_rules(codebook)
    evidence = sentences[sentences["n_cues"].gt(0) & sentences["target"].ne("")]
    # One pass to group the evidence, in table order: filtering the table per article and target is quadratic.
    groups: dict[tuple[str, str], list[tuple[float, bool]]] = {}
    for article_id, target, score, voice in rows_of(evidence, "article_id", "target", "cue_score", "voice"):
        groups.setdefault((article_id, target), []).append((score, voice == "own"))
    rows, samples = [], []
    for article_id, file in rows_of(articles, "article_id", "file"):
        for target in rules.targets:
            chosen = groups.get((article_id, target.name), [])
            scores = np.array([score for score, _ in chosen], dtype=float)
            own = np.array([own for _, own in chosen], dtype=bool)
            score = _mean(scores)
            samples.append((scores, f"{article_id}/{target.name}"))
            label = label_for(score, rules, len(chosen))
            rows.append((article_id, file, target.name, score, label, len(chosen), _mean(scores[own]), _mean(scores[~own])))
    # The intervals, drawn all at once, go between the label and the evidence count (STANCE_COLUMNS).
    intervals = _bootstrap_cis(samples, seed)
    return pd.DataFrame([(*row[:5], low, high, *row[5:]) for row, (low, high) in zip(rows, intervals, strict=True)], columns=STANCE_COLUMNS)


def evidence_table(sentences: pd.DataFrame, top: int = TOP_EVIDENCE) -> pd.DataFrame:
    """The sentences that weigh most (largest absolute cue score, earlier first) per article and target, ranked."""
    evidence = sentences[sentences["n_cues"].gt(0) & sentences["target"].ne("")]
    ranked = (
        evidence.assign(weight=evidence["cue_score"].abs())
        .sort_values(["article_id", "target", "weight", "sentence_id"], ascending=[True, True, False, True])
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
    # One scan for every quotation: they are read as the spans of one text, a line break between each two.
    starts = itertools.accumulate([len(text) + 1 for text in texts], initial=0)
    spans = [(start, start + len(text)) for start, text in zip(starts, texts, strict=False)]  # the last start is unused
    spots = phrase_spots(phrase_scanner([anything.supportive, anything.critical, rules.hedges]), "\n".join(texts), spans)
    hits = [_cue_hits(text, anything, rules, at) for text, at in zip(texts, spots, strict=True)]
    scores = pd.Series(
        [_score(found, text, rules, at) for found, text, at in zip(hits, texts, spots, strict=True)], index=quotes.index, dtype=float
    )
    sides = [label_for(s, rules) if found else "no cue" for s, found in zip(scores, hits, strict=True)]
    return quotes.assign(side_score=scores.where([bool(found) for found in hits]), side=sides)


def stance_tables(articles: pd.DataFrame, codebook: dict, seed: int = SEED) -> dict[str, pd.DataFrame]:
    """Every table of issue 4 by the file name it is written to: stance, its evidence, quotations, frames."""
    analysed = voices.voices_by_article(articles, codebook)
    rules = stance_rules(codebook)
    frames = voices.frame_patterns(codebook.get("frames", {}))
    # One scan of each text finds the stance's phrases and the frames' cues, for the rows of both tables.
    scanner = phrase_scanner([*_phrase_lists(rules.targets, rules.hedges), *frames.values()])
    evidence, framed = [], []
    for article_id, file, text in rows_of(articles, "article_id", "file", "text"):
        sentences = analysed[article_id].sentences
        plain, spots = _scanned(scanner, text, sentences)
        # Only the evidence sentences: they are all the stance and evidence tables read.
        evidence += _sentence_rows(article_id, file, sentences, plain, spots, rules, evidence_only=True)
        framed += voices.frame_rows(article_id, file, plain, spots, frames)
    # With no evidence at all, the table of every sentence gives the empty evidence table its column types.
    sentences = pd.DataFrame(evidence, columns=SENTENCE_COLUMNS) if evidence else sentence_table(articles, codebook, analysed, tone=False)
    quotes = quote_sides(voices.quotes_table(articles, codebook, analysed), codebook)
    return {
        "stance.csv": article_table(sentences, articles, codebook, seed),
        # Tone only for the evidence shown: the table of every sentence and its tone is the notebook's, not a file's.
        "stance_evidence.csv": with_tone(evidence_table(sentences)),
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
        if "before" in change:
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
        ax.scatter(rows["own_voice_score"], y, marker="o", facecolor="white", edgecolor=TEXT_COLOR, zorder=3, label="own voice")
        ax.scatter(rows["quoted_score"], y, marker="D", color=TEXT_COLOR, s=18, zorder=3, label="quoted / reported")
        for i, n in enumerate(rows["n_evidence"]):
            if n == 0:
                ax.text(0, i, " no evidence", va="center", fontsize=7.5, color=TEXT_COLOR)
        ax.axvline(0, color="#888888", lw=0.8)
        ax.set_xlim(-1.05, 1.05)
        ax.set_yticks(y, rows["article_id"].map(labels))
        ax.set_title(target_labels.get(target, target), fontsize=9.5)
    axes[0][0].invert_yaxis()
    fig.supxlabel("Stance score (−1 critical, +1 supportive; bars: all sentences, lines: 95 % interval)", fontsize=9)
    axes[0][-1].legend(frameon=False, fontsize=7.5, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.suptitle(textwrap.fill(_stance_title(stance, labels, target_labels), 90), x=0.0, ha="left", fontsize=11, fontweight="bold")
    add_source_note(fig, source_note)
    fig.tight_layout()
    return fig


def _stance_title(stance: pd.DataFrame, labels: pd.Series, target_labels: dict[str, str]) -> str:
    """The finding for the stance chart: the most supportive and the most critical source per the first target."""
    target = stance["target"].iloc[0]
    rows = stance[stance["target"].eq(target)].dropna(subset=["score"])
    if rows.empty:
        return "No source takes a measurable stance"
    high, low = rows.loc[rows["score"].idxmax()], rows.loc[rows["score"].idxmin()]
    name = target_labels.get(target, target)
    most, least = labels[high["article_id"]], labels[low["article_id"]]
    return f"On {name}, {most} leans most supportive ({high['score']:+.2f}), {least} most critical ({low['score']:+.2f})"


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
