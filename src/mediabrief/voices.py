"""Who speaks in an article: quotations and their speakers, terms in quotation marks, reported speech, actors
mentioned, and frames.

Who said what is :mod:`mediabrief.attribution`'s answer (the one engine that voices, figures, citations and stance
share); this module turns it into the tables and charts of voices. The gazetteer (``actors``), the grammar (``voices``)
and the frames' cue words come from the codebook (``data/codebook/stance.yaml``).
"""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from . import attribution
from .phrases import Phrases, Spots, compile_phrases, find_all, normalise, phrase_regex, phrase_scanner, phrase_spots
from .plotting import PAGE_WIDTH_IN, add_source_note, apply_style
from .textutils import Sentence, article_sentences, count_words

QUOTE_COLUMNS = ["article_id", "file", "speaker", "speaker_type", "quote", "n_words", "start", "end", "kind", "how_found"]
FRAME_COLUMNS = ["article_id", "file", "frame", "n_sentences", "share"]


class Mention(NamedTuple):
    """An actor of the gazetteer named in a text: its span, display name and type."""

    start: int
    end: int
    name: str
    type: str


class VoiceRules(NamedTuple):
    """Everything :func:`analyse_voices` reads from a codebook, compiled once for every text read with it."""

    grammar: attribution.Grammar


class VoicedSentence(NamedTuple):
    """One sentence of an article with its voice (own, quoted, reported) and speaker."""

    sentence_id: int
    start: int
    end: int
    sentence: str
    voice: str
    speaker: str
    speaker_type: str
    others: tuple = ()  # (start, end) of the parts that are someone else's words (quotations, reported clauses)


class Quote(NamedTuple):
    """One span in quotation marks: its speaker, words, character span, kind (quotation or term), how the speaker was found."""

    speaker: str
    speaker_type: str
    quote: str
    n_words: int
    start: int
    end: int
    kind: str
    how_found: str


class Voiced(NamedTuple):
    """One article's voices as plain records: its sentences and its quoted spans, in text order."""

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
    pattern, lookup = actor_index(actors)
    plain = normalise(text)
    return [Mention(m.start(), m.end(), *lookup[plain[m.start() : m.end()]]) for m in pattern.finditer(plain)]


def analyse_voices(text: str, codebook: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Sentences with their voice (own, quoted, reported) and speaker, and the quoted spans with theirs.

    >>> book = {"actors": [{"name": "Jane Roe", "type": "person", "aliases": ["Roe"]}]}
    >>> sentences, quotes = analyse_voices('Roe spoke. "It is a fine day," she said. It rained.', book)
    >>> sentences["voice"].tolist(), quotes[["speaker", "n_words", "kind"]].values.tolist()
    (['own', 'quoted', 'own'], [['Jane Roe', 5, 'quotation']])
    """
    voiced = voice_records(text, voice_rules(codebook))
    sentence_table = pd.DataFrame(voiced.sentences, columns=list(VoicedSentence._fields))
    quote_table = pd.DataFrame(voiced.quotes, columns=QUOTE_COLUMNS[2:])
    return sentence_table, quote_table


def voice_rules(codebook: dict) -> VoiceRules:
    """Compile what :func:`analyse_voices` reads from a codebook: the attribution grammar and the gazetteer."""
    return VoiceRules(attribution.compile_grammar(codebook))


def voice_records(text: str, rules: VoiceRules, sentences: list[Sentence] | None = None) -> Voiced:
    """:func:`analyse_voices` as plain records, from :func:`mediabrief.attribution.analyse`. ``sentences`` are the
    text's sentences, if already split."""
    analysis = attribution.analyse(text, rules.grammar, sentences)
    return voiced_from(analysis)


def voiced_from(analysis: attribution.Analysis) -> Voiced:
    """An article's voices from its attribution analysis."""
    quotes = []
    for q in analysis.quotations:
        speaker_type = analysis.type(q.entity) if q.entity >= 0 else ("unattributed" if q.kind == "quotation" else "")
        speaker_type = "person" if speaker_type == "name" else speaker_type
        text = q.text.rstrip(" ,;:.")
        quotes.append(Quote(analysis.name(q.entity), speaker_type, text, count_words(text), q.start, q.end, q.kind, q.how))
    rows = []
    for i, sentence in enumerate(analysis.sentences):
        voice, speaker, kind = attribution.sentence_voice(analysis, i)
        others = tuple(attribution.others_spans(analysis, i)) if voice != "own" else ()
        rows.append(
            VoicedSentence(i, sentence.start, sentence.end, sentence.text, voice, speaker, "person" if kind == "name" else kind, others)
        )
    return Voiced(rows, quotes)


def rows_of(table: pd.DataFrame, *columns: str) -> Iterator[tuple]:
    """Some columns of a table, row by row, as plain Python values (iterating a pandas text column calls Python per value).

    >>> list(rows_of(pd.DataFrame({"a": ["x", "y"], "b": [1, 2]}), "b", "a"))
    [(1, 'x'), (2, 'y')]
    """
    return zip(*(table[column].tolist() for column in columns), strict=True)


def voices_by_article(articles: pd.DataFrame, codebook: dict) -> dict[str, Voiced]:
    """:func:`voice_records` of every article, by article id, so the stance stage reads each text once."""
    return {article_id: voiced_from(found) for article_id, found in attribution.analyse_articles(articles, codebook).items()}


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
    """Per outlet and speaker: quotations, words quoted, and the mean side score of their words (if scored). Terms are
    left out; a speaker's spellings across articles are merged ("Trump" with "Donald Trump", "CBO" with "Congressional
    Budget Office").

    >>> q = pd.DataFrame({"article_id": ["a", "a"], "speaker": ["X", "X"], "speaker_type": ["person"] * 2,
    ...                   "n_words": [3, 5], "side_score": [1.0, 0.0]})
    >>> voices_summary(q, pd.DataFrame({"article_id": ["a"], "outlet": ["AP"]})).values.tolist()
    [['AP', 'X', 'person', 2, 8, 0.5]]
    """
    quotes = quotes.assign(speaker=quotes["speaker"].fillna(""), speaker_type=quotes["speaker_type"].fillna(""))
    if "kind" in quotes:
        quotes = quotes[quotes["kind"].fillna("quotation").eq("quotation")]  # terms ("Golden Dome", a title) are nobody's words
    merged = attribution.merged_names(zip(quotes["speaker"].tolist(), quotes["speaker_type"].tolist(), strict=True))
    data = quotes.merge(articles[["article_id", "outlet"]], on="article_id", how="left").assign(
        speaker=lambda d: d["speaker"].map(lambda name: merged.get(name, name)).replace("", "(unattributed)")
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
    fig, ax = plt.subplots(figsize=(PAGE_WIDTH_IN, 0.2 * max(len(pivot), 3) + 1.1))
    rows = np.arange(len(pivot))
    left = np.zeros(len(pivot))
    for outlet in pivot.columns:
        # Only the speakers an outlet quotes get a segment: on a corpus of a hundred outlets, zero-width bars for every
        # other speaker were most of the drawing time (12,000 bars, 11 s, for the development corpus).
        values = pivot[outlet].to_numpy(dtype=float)
        quoted = values > 0
        if quoted.any():
            ax.barh(rows[quoted], values[quoted], left=left[quoted], color=colors.get(outlet, "#999999"), label=outlet)
        left += values
    ax.set_yticks(rows, pivot.index)
    ax.set_xlabel("Words in direct quotations (count)")
    ax.legend(frameon=False, fontsize=8, loc="lower right")
    if len(pivot):
        top = pivot.sum(axis=1).idxmax()
        outlets = [o for o in pivot.columns if pivot.loc[top, o] > 0]
        # (named where they are few; on a large corpus a list of two dozen outlets is taller than the chart)
        where = ", ".join(outlets) if len(outlets) <= 3 else f"{len(outlets)} outlets"
        title = f"{top} gets the most quoted words ({int(pivot.loc[top].sum())}), in {where}"
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
