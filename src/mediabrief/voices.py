"""Who speaks in an article: direct quotations and their speakers, reported speech, actors mentioned, and frames.

Everything topic-specific (the actors, the frames' cue words, even the English attribution grammar) comes from the
codebook's ``actors``, ``voices`` and ``frames`` sections (``data/codebook/stance.yaml``). A speaker is found by
patterns, not by parsing: "X said", "X, <apposition>, warned", "according to X", and "he/she said" for the last person
named; a quotation with no attribution of its own that stands as a sentence continues the previous speaker.
"""

from __future__ import annotations

import bisect
import operator
import re
import textwrap
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from .phrases import Phrases, PhraseScanner, Spots, compile_phrases, find_all, normalise, phrase_regex, phrase_scanner, phrase_spots
from .plotting import PAGE_WIDTH_IN, add_source_note, apply_style
from .textutils import Sentence, article_sentences, count_words, split_sentences, words

QUOTE_COLUMNS = ["article_id", "file", "speaker", "speaker_type", "quote", "n_words", "start", "end"]
FRAME_COLUMNS = ["article_id", "file", "frame", "n_sentences", "share"]
# Direct quotations: double quotes, curly or straight, within one paragraph. Single quotes are left alone: they
# mark scare quotes and quotes inside quotes far more often than speech.
QUOTE_RE = re.compile(r"“([^“”\n]+)”|\"([^\"\n]+)\"")
UNKNOWN_NAME_RE = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:[A-Z]\.|[A-Z][a-z]+)){1,3}\b")
LAST_NAME_STOP_RE = re.compile(r"(?s:.*)[^A-Za-z.\s]")  # up to the last character that cannot be part of a name
CLAUSE_END_RE = re.compile(r"[,;.:!?“”\"]|$")  # where the source named after "according to" ends
APPOSITION_STOP_RE = re.compile(r"[.;:!?]")
QUOTED_GAP_RE = re.compile(r"[;:!?“”\"]")
MAX_APPOSITION_WORDS = 15  # "Tomaszewski, vice president of ... Association, said": skipped between name and verb
MAX_GAP_WORDS = 3  # "Ishiba has since noted": words allowed between a speaker and the verb
ARTICLES = frozenset({"the", "a", "an"})  # skipped before a name when looking for a preposition: "at the Pentagon"
_START, _END, _POSITION = operator.attrgetter("start"), operator.attrgetter("end"), operator.attrgetter("position")


class Mention(NamedTuple):
    """An actor named in a text: its span, display name and type."""

    start: int
    end: int
    name: str
    type: str


class Voice(NamedTuple):
    """Who a sentence or a quotation is attributed to, and where the attribution is."""

    position: int
    name: str
    type: str


class Grammar(NamedTuple):
    """The codebook's ``voices`` section, compiled: attribution verbs, markers, pronouns and words that rule a speaker out,
    and a scanner that finds the three lists together."""

    verbs: Phrases
    markers: Phrases
    pronouns: Phrases
    not_after: frozenset[str]
    scanner: PhraseScanner


class VoiceRules(NamedTuple):
    """Everything :func:`analyse_voices` reads from a codebook, compiled once for every text read with it."""

    actors: re.Pattern
    lookup: dict[str, tuple[str, str]]
    grammar: Grammar
    naming: re.Pattern | None
    min_quote_words: int


class VoicedSentence(NamedTuple):
    """One sentence of an article with its voice (own, quoted, reported) and speaker."""

    sentence_id: int
    start: int
    end: int
    sentence: str
    voice: str
    speaker: str
    speaker_type: str


class Quote(NamedTuple):
    """One direct quotation of an article: its speaker, words and character span."""

    speaker: str
    speaker_type: str
    quote: str
    n_words: int
    start: int
    end: int


class Voiced(NamedTuple):
    """One article's voices as plain records: its sentences and its quotations, in text order."""

    sentences: list[VoicedSentence]
    quotes: list[Quote]


def actor_index(actors: list[dict]) -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    """A case-sensitive regex for every alias of the gazetteer, and alias -> (name, type).

    >>> pattern, lookup = actor_index([{"name": "Donald Trump", "type": "person", "aliases": ["Trump"]}])
    >>> lookup[pattern.search("President Trump's plan").group(0)]
    ('Donald Trump', 'person')
    """
    lookup = {
        normalise(str(alias)): (str(actor["name"]), str(actor.get("type", "unknown"))) for actor in actors for alias in actor["aliases"]
    }
    return phrase_regex(list(lookup), whole_word=True, case_sensitive=True), lookup


def find_actors(text: str, actors: list[dict]) -> list[Mention]:
    """The gazetteer's actors named in a text, longest alias first, without overlaps.

    >>> [m.name for m in find_actors("Japan Today says Japan agreed.", [
    ...     {"name": "Japan", "type": "country", "aliases": ["Japan"]},
    ...     {"name": "Japan Today", "type": "outlet", "aliases": ["Japan Today"]}])]
    ['Japan Today', 'Japan']
    """
    return _find_actors(text, *actor_index(actors))


def _find_actors(text: str, pattern: re.Pattern, lookup: dict[str, tuple[str, str]]) -> list[Mention]:
    """:func:`find_actors` with the gazetteer already compiled by :func:`actor_index`."""
    plain = normalise(text)
    found = []
    for match in pattern.finditer(plain):
        start, end = match.regs[0]  # an attribute, not three method calls: this runs for every actor named in every text
        found.append(Mention(start, end, *lookup[plain[start:end]]))
    return found


def unknown_names(text: str, known: list[Mention]) -> list[Mention]:
    """Capitalised names of two to four words that the gazetteer does not know, as actors of type "unknown".

    >>> [m.name for m in unknown_names("It was Jane Roe, not Acme.", [])]
    ['Jane Roe']
    """
    return _names_between(text, 0, len(text), known)


def _mask_quotes(text: str) -> str:
    """The text with the inside of every double quotation blanked (same length), so attributions are sought outside."""
    return QUOTE_RE.sub(lambda m: m.group(0)[0] + " " * (len(m.group(0)) - 2) + m.group(0)[-1], text)


def _word_gap(gap: str) -> int | None:
    """How many words stand between a speaker and a verb, an apposition between commas skipped; None if too far."""
    stripped = gap.strip()
    if stripped.startswith(",") and "," in stripped[1:]:
        apposition, rest = stripped[1:].rsplit(",", 1)
        if len(words(apposition)) > MAX_APPOSITION_WORDS or APPOSITION_STOP_RE.search(apposition):
            return None
        stripped = rest
    if QUOTED_GAP_RE.search(stripped):  # a quotation between a name and a verb belongs to someone else
        return None
    return len(words(stripped))


def _speaker_before(masked: str, lo: int, verb_start: int, mentions: list[Mention], not_after: frozenset[str]) -> Mention | None:
    """The speaker of a verb ("X said"): the nearest actor before it, skipping names after a preposition or possessives."""
    # Nearest first: the latest end first, and mentions ending together in their given order (sorting is stable).
    for mention in sorted([m for m in mentions if lo <= m.start and m.end <= verb_start], key=_END, reverse=True):
        previous = words(masked[lo : mention.start])
        while previous and previous[-1].lower() in ARTICLES:  # "at the Aerospace Industries Association"
            previous.pop()
        if (previous and previous[-1].lower() in not_after) or masked[mention.end : mention.end + 2] == "'s":
            continue
        gap = _word_gap(masked[mention.end : verb_start])
        return mention if gap is not None and gap <= MAX_GAP_WORDS else None
    return None


def attributions(text: str, lo: int, hi: int, mentions: list[Mention], grammar: dict) -> list[Voice]:
    """Attributions in ``text[lo:hi]`` (outside quotations), by position: "X said", "according to X", "he said".

    >>> text = "Critics warn of a race, according to Jane Roe."
    >>> actors = [{"name": "critics", "type": "group", "aliases": ["Critics"]}]
    >>> grammar = {"verbs": ["warn"], "markers": ["according to"], "pronouns": ["he"]}
    >>> [v.name for v in attributions(text, 0, len(text), find_actors(text, actors), grammar)]
    ['critics', 'Jane Roe']
    """
    return _attributions(_masked(text), lo, hi, mentions, [m for m in mentions if lo <= m.start < hi], compile_grammar(grammar))


def compile_grammar(grammar: dict) -> Grammar:
    """Compile a codebook's ``voices`` section.

    >>> compile_grammar({"verbs": ["said"], "not_after": ["With"]}).not_after
    frozenset({'with'})
    """
    verbs = compile_phrases(grammar.get("verbs", []))
    markers = compile_phrases(grammar.get("markers", []))
    pronouns = compile_phrases(grammar.get("pronouns", []), case_sensitive=True)
    not_after = frozenset(str(w).lower() for w in grammar.get("not_after", []))
    return Grammar(verbs, markers, pronouns, not_after, phrase_scanner([verbs, markers, pronouns]))


def _masked(text: str) -> str:
    """The text as attributions are sought in it: quotations blanked, curly apostrophes straightened (offsets unchanged)."""
    return normalise(_mask_quotes(text))


def _attributions(
    masked: str, lo: int, hi: int, mentions: list[Mention], known: list[Mention], grammar: Grammar, spots: Spots | None = None
) -> list[Voice]:
    """:func:`attributions` on a text already masked by :func:`_masked`, given ``known``: the mentions starting in [lo, hi),
    and the grammar's :func:`phrase_spots` in [lo, hi) if found (else the grammar is sought everywhere)."""
    found: list[Voice] = []
    verbs = find_all(grammar.verbs, masked, spots, lo, hi)
    if verbs:  # pronouns only stand for a speaker of a verb
        speakers = known + [Mention(m.start(), m.end(), "", "pronoun") for m in find_all(grammar.pronouns, masked, spots, lo, hi)]
        for verb in verbs:
            speaker = _speaker_before(masked, lo, verb.start(), speakers, grammar.not_after)
            if speaker is not None:
                found.append(_resolve(speaker, mentions))
    for marker in find_all(grammar.markers, masked, spots, lo, hi):
        clause_end = CLAUSE_END_RE.search(masked, marker.end(), hi).start()
        after = [m for m in known if marker.end() <= m.start and m.end <= clause_end]
        after = after or _names_between(masked, marker.end(), clause_end, mentions)
        after = [m for m in after if m.start >= marker.end()]
        if after:
            found.append(_resolve(min(after, key=_START), mentions))
    return sorted({v for v in found if v.name}, key=_POSITION)


def _names_between(masked: str, start: int, end: int, mentions: list[Mention]) -> list[Mention]:
    """The :func:`unknown_names` of ``masked[:end]``, the ``mentions`` known, that start at or after ``start``.

    A name holds only letters, dots and white space: no name of ``masked[:end]`` spans the last other character before
    ``start``, so the names are sought from there on, not from the text's start.
    """
    stop = LAST_NAME_STOP_RE.match(masked, 0, start)
    lo = stop.end() if stop else 0
    nearby = [(m.start, m.end) for m in mentions if m.end > lo and m.start < end]  # the only mentions a name there can overlap
    return [
        Mention(match.start(), match.end(), match.group(0), "unknown")
        for match in UNKNOWN_NAME_RE.finditer(masked, lo, end)
        if match.start() >= start and not any(match.start() < b and a < match.end() for a, b in nearby)
    ]


def _resolve(speaker: Mention, mentions: list[Mention]) -> Voice:
    """A speaker as a voice; a pronoun becomes the last person named before it ("" if none)."""
    if speaker.type != "pronoun":
        return Voice(speaker.start, speaker.name, speaker.type)
    people = [m for m in mentions if m.type == "person" and m.end <= speaker.start]
    return Voice(speaker.start, people[-1].name, "person") if people else Voice(speaker.start, "", "")


def _is_naming(quote: str, naming: re.Pattern | None) -> bool:
    """Whether a quotation only names something ("Golden Dome"): a scare quote, not speech."""
    return naming is not None and bool(naming.fullmatch(normalise(quote.strip(" ,.;:!?"))))


def analyse_voices(text: str, codebook: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Sentences with their voice (own, quoted, reported) and speaker, and the quotations with theirs.

    >>> book = {"actors": [{"name": "Jane Roe", "type": "person", "aliases": ["Roe"]}],
    ...         "voices": {"verbs": ["said"], "pronouns": ["she"], "min_quote_words": 3}}
    >>> sentences, quotes = analyse_voices('Roe spoke. "It is a fine day," she said. It rained.', book)
    >>> sentences["voice"].tolist(), quotes[["speaker", "n_words"]].values.tolist()
    (['own', 'quoted', 'own'], [['Jane Roe', 5]])
    """
    voiced = voice_records(text, voice_rules(codebook))
    sentence_table = pd.DataFrame(voiced.sentences, columns=list(VoicedSentence._fields))
    quote_table = pd.DataFrame(voiced.quotes, columns=QUOTE_COLUMNS[2:])
    return sentence_table, quote_table


def voice_rules(codebook: dict) -> VoiceRules:
    """Compile what :func:`analyse_voices` reads from a codebook: the gazetteer, the grammar, the targets' names.

    >>> voice_rules({"voices": {"min_quote_words": 5}}).min_quote_words
    5
    """
    grammar = codebook.get("voices", {})
    pattern, lookup = actor_index(codebook.get("actors", []))
    return VoiceRules(pattern, lookup, compile_grammar(grammar), _naming_regex(codebook), int(grammar.get("min_quote_words", 3)))


def voice_records(text: str, rules: VoiceRules, sentences: list[Sentence] | None = None) -> Voiced:
    """:func:`analyse_voices` as plain records: building two DataFrames per article costs more than finding the voices.
    ``sentences`` are the text's sentences, if already split."""
    mentions = sorted(_find_actors(text, rules.actors, rules.lookup))
    sentences = split_sentences(text) if sentences is None else sentences
    masked = _masked(text)  # once per text, not once per sentence
    mention_starts = [m.start for m in mentions]
    grammar = rules.grammar
    spots_of = phrase_spots(grammar.scanner, masked, [(s.start, s.end) for s in sentences])
    # Only a sentence with an attribution verb or marker can have an attribution: most sentences are skipped.
    by_sentence = [
        _attributions(masked, s.start, s.end, mentions, _starting_in(mentions, mention_starts, s.start, s.end), grammar, spots)
        if spots is None or grammar.verbs in spots or grammar.markers in spots
        else []
        for s, spots in zip(sentences, spots_of, strict=True)
    ]
    starts, ends = [s.start for s in sentences], [s.end for s in sentences]
    paragraph_of = _paragraphs(text, starts)
    quotes: list[Quote] = []
    spans: list[tuple[int, int]] = []  # the first and last sentence of each quotation
    for match in QUOTE_RE.finditer(text):
        quote = match.group(1) or match.group(2)
        first = bisect.bisect_right(ends, match.start())  # the first sentence ending after the quotation starts
        last = bisect.bisect_left(starts, match.end()) - 1  # the last sentence starting before it ends
        if first == len(sentences) or last < first:
            continue  # a quotation outside every sentence has no words ('"!!"'): nothing was said
        candidates = [v for i in range(first, last + 1) for v in by_sentence[i]]
        # A stand-alone quotation continues the speaker of the paragraph's previous attribution.
        previous = [v for i in range(first) if paragraph_of[i] == paragraph_of[first] for v in by_sentence[i][:1]]
        alone = not text[sentences[first].start : match.start()].strip(' "“') and not text[match.end() : sentences[last].end].strip(' .,"”')
        if candidates:
            speaker = min(candidates, key=lambda v: min(abs(v.position - match.start()), abs(v.position - match.end())))
        elif alone and previous:
            speaker = previous[-1]
        else:
            speaker = Voice(match.start(), "", "unattributed")
        n_words = count_words(quote)
        if _is_naming(quote, rules.naming) or (not speaker.name and n_words < rules.min_quote_words):
            continue
        quotes.append(Quote(speaker.name, speaker.type, " ".join(quote.split()).rstrip(" ,;:."), n_words, match.start(), match.end()))
        spans.append((first, last))
    longest: list[Quote | None] = [None] * len(sentences)  # each sentence's longest quotation (the first of equally long)
    for found, (first, last) in zip(quotes, spans, strict=True):
        for i in range(first, last + 1):
            if longest[i] is None or found.n_words > longest[i].n_words:
                longest[i] = found
    rows = []
    for i, (sentence, voices, inside) in enumerate(zip(sentences, by_sentence, longest, strict=True)):
        if inside is not None:
            voice, speaker, kind = "quoted", inside.speaker, inside.speaker_type
        elif voices:
            voice, speaker, kind = "reported", voices[0].name, voices[0].type
        else:
            voice, speaker, kind = "own", "", ""
        rows.append(VoicedSentence(i, sentence.start, sentence.end, sentence.text, voice, speaker, kind))
    return Voiced(rows, quotes)


def _starting_in(mentions: list[Mention], starts: list[int], lo: int, hi: int) -> list[Mention]:
    """The mentions (sorted by start, with ``starts`` their starts) that start in [lo, hi)."""
    return mentions[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]


def _paragraphs(text: str, starts: list[int]) -> list[int]:
    """The paragraph (line breaks before it) of each of increasing positions, counting each stretch of the text once.

    >>> _paragraphs("a\\nb c\\nd", [0, 2, 4, 6])
    [0, 1, 1, 2]
    """
    counts, seen, last = [], 0, 0
    for start in starts:
        seen += text.count("\n", last, start)
        last = start
        counts.append(seen)
    return counts


def _naming_regex(codebook: dict) -> re.Pattern | None:
    """The targets' aliases, to recognise quotations that only name a target."""
    aliases = [a for target in codebook.get("stance", {}).get("targets", {}).values() for a in target.get("aliases", [])]
    return phrase_regex(aliases) if aliases else None


def rows_of(table: pd.DataFrame, *columns: str) -> Iterator[tuple]:
    """Some columns of a table, row by row, as plain Python values (iterating a pandas text column calls Python per value).

    >>> list(rows_of(pd.DataFrame({"a": ["x", "y"], "b": [1, 2]}), "b", "a"))
    [(1, 'x'), (2, 'y')]
    """
    return zip(*(table[column].tolist() for column in columns), strict=True)


def voices_by_article(articles: pd.DataFrame, codebook: dict) -> dict[str, Voiced]:
    """:func:`voice_records` of every article, by article id, so the stance stage reads each text once."""
    rules = voice_rules(codebook)
    return {
        article_id: voice_records(text, rules, sentences)
        for (article_id, text), sentences in zip(rows_of(articles, "article_id", "text"), article_sentences(articles), strict=True)
    }


def quotes_table(articles: pd.DataFrame, codebook: dict, analysed: dict[str, Voiced] | None = None) -> pd.DataFrame:
    """One row per direct quotation of every article: speaker, speaker type, words, character span."""
    analysed = analysed if analysed is not None else voices_by_article(articles, codebook)
    rows = [
        (article_id, file, *quote) for article_id, file in rows_of(articles, "article_id", "file") for quote in analysed[article_id].quotes
    ]
    # Text columns stay of type object, as the table has always had them (pandas would infer its string type).
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS, dtype=object).astype({"n_words": int, "start": int, "end": int})


def actors_table(articles: pd.DataFrame, codebook: dict) -> pd.DataFrame:
    """How often each gazetteer actor is named in each article (one row per article and actor named).

    >>> arts = pd.DataFrame({"article_id": ["a"], "file": ["a.txt"], "text": ["Trump met Ishiba. Trump left."]})
    >>> book = {"actors": [{"name": "Donald Trump", "type": "person", "aliases": ["Trump"]}]}
    >>> actors_table(arts, book)[["actor", "n_mentions"]].values.tolist()
    [['Donald Trump', 2]]
    """
    rows = [
        {"article_id": row.article_id, "file": row.file, "actor": m.name, "actor_type": m.type}
        for row in articles.itertuples()
        for m in find_actors(row.text, codebook.get("actors", []))
    ]
    table = pd.DataFrame(rows, columns=["article_id", "file", "actor", "actor_type"])
    return table.groupby(["article_id", "file", "actor", "actor_type"], as_index=False).size().rename(columns={"size": "n_mentions"})


def frame_of(sentence: str, frames: dict[str, list[str]]) -> str:
    """The frame whose cue stems a sentence matches most (ties: the first listed); "" for none.

    >>> frame_of("Tariffs hit trade and the economy.", {"security": ["defen"], "economics": ["tariff", "trade", "econom"]})
    'economics'
    """
    return _frame_of(normalise(sentence), frame_patterns(frames))


def frame_patterns(frames: dict[str, list[str]]) -> dict[str, Phrases]:
    """Each frame's cue stems compiled (matching anywhere a word starts).

    >>> frame_patterns({"economics": ["tariff", "trade"]})["economics"].phrases
    ('tariff', 'trade')
    """
    return {frame: compile_phrases(cues, whole_word=False) for frame, cues in frames.items()}


def _frame_of(text: str, patterns: dict[str, Phrases], spots: Spots | None = None) -> str:
    """:func:`frame_of` on a normalised sentence, with the frames compiled by :func:`frame_patterns` and, if found, the
    sentence's :func:`phrase_spots` (a frame missing from them has no cue in the sentence)."""
    counts = {frame: len(find_all(cues, text, spots)) for frame, cues in patterns.items() if spots is None or cues in spots}
    best = max(counts.values(), default=0)
    return next(frame for frame, n in counts.items() if n == best) if best else ""


def frames_table(articles: pd.DataFrame, codebook: dict, analysed: dict[str, Voiced] | None = None) -> pd.DataFrame:
    """Per article and frame: sentences in that frame and their share of the article's sentences (one frame each).

    >>> arts = pd.DataFrame({"article_id": ["a"], "file": ["a.txt"], "text": ["Tariffs rose. Missiles flew. It rained."]})
    >>> frames_table(arts, {"frames": {"security": ["missile"], "economics": ["tariff"]}})["share"].round(2).tolist()
    [0.33, 0.33]
    """
    patterns = frame_patterns(codebook.get("frames", {}))
    scanner = phrase_scanner(list(patterns.values()))
    rows = []
    if analysed is None:
        split = article_sentences(articles)
    else:  # the voices hold the same sentences
        split = [[(s.start, s.end, s.sentence) for s in analysed[a].sentences] for a in articles["article_id"].tolist()]
    for (article_id, file, text), sentences in zip(rows_of(articles, "article_id", "file", "text"), split, strict=True):
        spots = phrase_spots(scanner, normalise(text), [(start, end) for start, end, _ in sentences])
        rows += frame_rows(article_id, file, [normalise(sentence) for _, _, sentence in sentences], spots, patterns)
    return pd.DataFrame(rows, columns=FRAME_COLUMNS)


def frame_rows(article_id: str, file: str, sentences: list[str], spots: list[Spots | None], patterns: dict[str, Phrases]) -> list[tuple]:
    """The rows of :func:`frames_table` for one article: its sentences normalised, their :func:`phrase_spots` (from a
    scanner that has the frames' cues, among other lists) and the frames compiled by :func:`frame_patterns`."""
    cues = set(patterns.values())
    # A sentence whose spots hold no frame's cue has no frame: most sentences are told by one set operation.
    found = [
        _frame_of(sentence, patterns, at) if at is None or not cues.isdisjoint(at) else ""
        for sentence, at in zip(sentences, spots, strict=True)
    ]
    counts = Counter(found)
    return [(article_id, file, frame, counts[frame], counts[frame] / len(sentences) if sentences else 0.0) for frame in patterns]


def voices_summary(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Per outlet and speaker: quotations, words quoted, and the mean side score of their words (if scored).

    >>> q = pd.DataFrame({"article_id": ["a", "a"], "speaker": ["X", "X"], "speaker_type": ["person"] * 2,
    ...                   "n_words": [3, 5], "side_score": [1.0, 0.0]})
    >>> voices_summary(q, pd.DataFrame({"article_id": ["a"], "outlet": ["AP"]})).values.tolist()
    [['AP', 'X', 'person', 2, 8, 0.5]]
    """
    data = quotes.merge(articles[["article_id", "outlet"]], on="article_id", how="left").assign(
        speaker=lambda d: d["speaker"].replace("", "(unattributed)")
    )
    if "side_score" not in data:
        data = data.assign(side_score=float("nan"))
    return (
        data.groupby(["outlet", "speaker", "speaker_type"], as_index=False)
        .agg(n_quotes=("n_words", "size"), n_words=("n_words", "sum"), side_score=("side_score", "mean"))
        .sort_values(["outlet", "n_words"], ascending=[True, False], ignore_index=True)
    )


def voices_chart(summary: pd.DataFrame, colors: dict[str, str], source_note: str, top: int | None = None) -> Figure:
    """Words quoted per speaker, stacked by outlet (the ``top`` most quoted, if given); the title names the most quoted."""
    apply_style()
    pivot = summary.pivot_table(index="speaker", columns="outlet", values="n_words", aggfunc="sum", fill_value=0)
    pivot = pivot.loc[pivot.sum(axis=1).sort_values().index]
    if top is not None:
        pivot = pivot.iloc[-top:]
    fig, ax = plt.subplots(figsize=(PAGE_WIDTH_IN, 0.24 * max(len(pivot), 3) + 1.4))
    left = pd.Series(0.0, index=pivot.index)
    for outlet in pivot.columns:
        ax.barh(pivot.index, pivot[outlet], left=left, color=colors.get(outlet, "#999999"), label=outlet)
        left += pivot[outlet]
    ax.set_xlabel("Words in direct quotations (count)")
    ax.legend(frameon=False, fontsize=8, loc="lower right")
    if len(pivot):
        top = pivot.sum(axis=1).idxmax()
        outlets = [o for o in pivot.columns if pivot.loc[top, o] > 0]
        title = f"{top} gets the most quoted words ({int(pivot.loc[top].sum())}), in {', '.join(outlets)}"
    else:
        title = "No direct quotation found"
    ax.set_title(textwrap.fill(title, 80))
    add_source_note(fig, source_note)
    fig.tight_layout()
    return fig


def frames_heatmap(frames: pd.DataFrame, labels: pd.Series, source_note: str) -> Figure:
    """Share of each source's sentences in each frame; the title names the frame that leads in most sources."""
    apply_style()
    data = frames.assign(source=frames["article_id"].map(labels)).pivot_table(index="source", columns="frame", values="share", sort=False)
    fig, ax = plt.subplots(figsize=(PAGE_WIDTH_IN, 0.4 * len(data) + 2.0))
    image = ax.imshow(data.to_numpy() * 100, cmap="Blues", aspect="auto", vmin=0)
    ax.set_xticks(range(len(data.columns)), data.columns, fontsize=8, rotation=30, ha="right")
    ax.set_yticks(range(len(data.index)), data.index)
    ax.grid(False)
    for (y, x), value in pd.DataFrame(data.to_numpy() * 100).stack().items():
        ax.text(x, y, f"{value:.0f}", ha="center", va="center", fontsize=8, color="white" if value > 0.6 * image.get_clim()[1] else "black")
    fig.colorbar(image, ax=ax, label="Share of the source's sentences (%)")
    leaders = data.idxmax(axis=1).value_counts()
    title = f"“{leaders.index[0]}” is the leading frame in {leaders.iloc[0]} of {len(data)} sources" if len(leaders) else "No frame found"
    ax.set_title(textwrap.fill(title, 80))
    add_source_note(fig, source_note)
    fig.tight_layout()
    return fig
