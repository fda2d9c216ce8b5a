"""Property-based fuzz tests: the loader and every extractor fed random Unicode, random bytes and mutated seed texts.

What must hold whatever the input: no exception escapes but the documented ones (``CorpusError`` from ``load_corpus``),
every character offset points inside the text (and at what the table says is there), amounts are finite and
non-negative, scores lie in [-1, 1] (or are NaN) and shares in [0, 1].

Reproducible in CI: every test runs under the ``fuzz`` settings (``derandomize=True``, no example database), so the
same examples are drawn on every run. Texts are kept short (up to ~400 characters) so that thousands of examples run
in seconds. Every extractor gets 2,500 examples in ``test_every_extractor_holds_on_one_text``, which calls the per-text
functions with the codebook compiled once. The table-level functions have a fixed cost per call (building frames, VADER's
lexicon, the bootstrap), so their tests run 200-400 examples, each a batch of several articles (the ``articles`` counts
in their docstrings): they check how the tables are assembled.
"""

from __future__ import annotations

import math
import random
import string
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import write_corpus
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from mediabrief.claims import CLAIM_COLUMNS, SOURCING_LEVELS, claims_matrix, extract_value, sentence_makes, sourcing_of
from mediabrief.cleaning import Cleaned, clean_article
from mediabrief.codebook import load_codebook
from mediabrief.config import RAW_DIR
from mediabrief.corpus import Corpus, CorpusError, Decoded, decode_bytes, load_corpus
from mediabrief.htmltext import Page, html_to_text, looks_like_html
from mediabrief.lineage import (
    CITATION_COLUMNS,
    MIN_VERBATIM_WORDS,
    SENTENCE_BREAK,
    alias_table,
    citations_table,
    cited_sources,
    sentence_words,
    shared_passages,
)
from mediabrief.money import MoneyCues, article_mentions, money_mentions, money_table_columns
from mediabrief.phrases import normalise
from mediabrief.readability import READABILITY_COLUMNS, readability_scores, readability_table
from mediabrief.stance import (
    LABELS,
    STANCE_COLUMNS,
    bootstrap_ci,
    cue_hits,
    cue_score,
    label_for,
    mentions_target,
    stance_rules,
    stance_tables,
)
from mediabrief.textutils import split_sentences, words
from mediabrief.voices import FRAME_COLUMNS, QUOTE_COLUMNS, analyse_voices, frames_table, quotes_table
from mediabrief.voices import frame_of as frame_of_sentence

FUZZ = settings(
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
MAX_TEXT = 400


def fuzz(max_examples: int) -> settings:
    return settings(FUZZ, max_examples=max_examples)


CODEBOOK = load_codebook()
SEED_TEXTS = [path.read_bytes().decode("utf-8") for path in sorted(RAW_DIR.glob("*.txt"))]
SEED_SPANS = [[(s.start, s.end) for s in split_sentences(text)] for text in SEED_TEXTS]

# The codebook compiled once: the per-text tests call the extractors' per-text functions with these, so each example
# costs milliseconds instead of the 45-100 ms a table-level call spends building its cues and frames.
MONEY_CUES = MoneyCues.from_codebook(CODEBOOK)
STANCE_RULES = stance_rules(CODEBOOK)
TONE = SentimentIntensityAnalyzer()
FRAMES = CODEBOOK.get("frames", {})
CLAIMS = CODEBOOK.get("claims", [])
ALIASES = set(alias_table(CODEBOOK))

# --- strategies --------------------------------------------------------------------------------------------------------

# Any Unicode scalar value that UTF-8 can encode (no lone surrogates): what a file could hold.
unicode_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=MAX_TEXT)
# Mostly ASCII with a little of everything: more likely to hit word, sentence and number patterns than pure random.
prose_alphabet = st.sampled_from(string.ascii_letters + string.digits + " .,;:!?'\"-\n") | st.characters(codec="utf-8")
prose_text = st.text(alphabet=prose_alphabet, max_size=MAX_TEXT)

FRAGMENTS = [
    *"“”‘’\"'$€¥£-–—<>.,:;()!?\n„«»",
    *string.digits,
    "\n\n",
    "\r\n",
    "\r",
    " ",
    "\t",
    "\u00a0",
    "\ufeff",
    "\u2028",
    " billion",
    " bn",
    "bn",
    " million",
    "m",
    " trillion",
    "B",
    "US$",
    "$1",
    "$175",
    "$2-3 billion",
    "$175-831 billion",
    "between $1 and $2 trillion",
    "$5 billion to $6 billion",
    "¥500bn",
    "€1.5m",
    "£3 million",
    "hundreds of billions",
    "tens of billions of dollars",
    "several billion dollars",
    "500 billion yen",
    " over 20 years",
    " per year",
    " over two decades",
    " said",
    ' "',
    "” he said.",
    "“It",
    " Trump ",
    " Japan ",
    " Golden Dome ",
    "according to Reuters",
    "By Jane Doe\n",
    "date 2025-",
    "<p>",
    "</p>",
    "<html>",
    "<br>",
    "&amp;",
    "U.S.",
    "Mr.",
    "...",
    '\n"—"\n',
    "\n“…”",
    '"',
    "٣",
    "１",
]
MONEY_FRAGMENTS = [f for f in FRAGMENTS if any(c in f for c in "$€¥£0123456789") or "billion" in f or f in (" bn", "bn")]
MONEY_PARTS = [
    ["", "", "US", "A", "HK", "C"],
    ["$", "$", "€", "¥", "£", "", "$ "],
    ["1", "2", "3.5", "175", "831", "1,000", "0", "0.0", "999999", "1e5", "12,34", "٣"],
    ["", " billion", "bn", " bn", "B", "m", " million", " trillion", "tn", "k", " thousand", " billions"],
    ["", "", "-", "–", " to ", " and ", "-$", " - "],
    ["", "", "2", "$5", "4.5", "3,000", "€6"],
    ["", "", " billion", "bn", " yen", " dollars", " euros", " won", " pounds"],
]


def _random_piece(rng: random.Random, money: bool) -> str:
    """A fragment to insert: from the lists above, a money-like phrase, or 1-3 random Unicode characters."""
    roll = rng.random()
    if money and roll < 0.5:
        return "".join(rng.choice(part) for part in MONEY_PARTS) if roll < 0.3 else rng.choice(MONEY_FRAGMENTS)
    if roll < 0.75:
        return rng.choice(FRAGMENTS)
    characters = (chr(rng.randrange(0x110000)) for _ in range(rng.randint(1, 3)))
    return "".join(c if not 0xD800 <= ord(c) <= 0xDFFF else "\ufffd" for c in characters)


def _window(draw, index: int) -> str:
    """A slice of a seed text: a run of whole sentences (often from the start) or any character window."""
    text, spans = SEED_TEXTS[index], SEED_SPANS[index]
    if draw(st.booleans()):
        first = draw(st.integers(0, len(spans) - 1) | st.just(0))
        last = min(len(spans) - 1, first + draw(st.integers(0, 6)))
        begin = 0 if first == 0 else spans[first][0]
        return text[begin : spans[last][1]][:MAX_TEXT]
    length = draw(st.integers(0, MAX_TEXT))
    begin = draw(st.integers(0, max(0, len(text) - length)))
    return text[begin : begin + length]


@st.composite
def mutated_seed(draw, money: bool = False, max_edits: int = 12) -> str:
    """A seed window with random insertions, deletions and replacements.

    The edits come from a ``random.Random`` seeded by hypothesis: one draw instead of dozens keeps thousands of examples
    fast, and stays reproducible (derandomized). Hypothesis still shrinks the window and the number of edits.
    """
    text = _window(draw, draw(st.integers(0, len(SEED_TEXTS) - 1)))
    n_edits = draw(st.integers(0, max_edits))
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    for _ in range(n_edits):
        op = rng.choice(["insert", "insert", "delete", "replace"])
        at = rng.randint(0, len(text))
        if op == "insert":
            text = text[:at] + _random_piece(rng, money) + text[at:]
        else:
            text = text[:at] + (_random_piece(rng, money) if op == "replace" else "") + text[at + rng.randint(1, 4) :]
    return text[: MAX_TEXT + 40]


@st.composite
def digit_swapped_header(draw) -> str:
    """A seed opening with its "date YYYY-MM-DD" header's digits changed: a header that reads as a date or does not."""
    text = _window(draw, draw(st.sampled_from([i for i, t in enumerate(SEED_TEXTS) if t.lstrip().startswith("date ")])))
    digits = draw(st.text(alphabet=string.digits, min_size=8, max_size=8))
    return draw(st.sampled_from(["", " ", "\ufeff"])) + f"date {digits[:4]}-{digits[4:6]}-{digits[6:]}" + text.lstrip()[15:]


article_text = st.one_of(unicode_text, prose_text, mutated_seed(), mutated_seed(money=True), digit_swapped_header())
money_text = st.one_of(unicode_text, prose_text, mutated_seed(money=True, max_edits=16), mutated_seed())


def frame_of(texts: list[str]) -> pd.DataFrame:
    """The articles table the extractors read: ids, files, outlets, language and the text."""
    n = len(texts)
    return pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(n)],
            "file": [f"a{i}.txt" for i in range(n)],
            "outlet": [f"Outlet {i % 3}" for i in range(n)],
            "language": ["en"] * n,
            "text": texts,
        }
    )


def assert_spans_inside(table: pd.DataFrame, texts: dict[str, str], column: str | None = None) -> None:
    """Every row's start/end lies inside its article's text (and, if given, text[start:end] is that column)."""
    for row in table.itertuples(index=False):
        text = texts[row.article_id]
        assert isinstance(row.start, int | float) and int(row.start) == row.start, row
        assert 0 <= row.start <= row.end <= len(text), (row.start, row.end, len(text), text)
        if column is not None:
            assert text[int(row.start) : int(row.end)] == getattr(row, column), (row, text)


def assert_in_range(values: pd.Series, low: float, high: float, nan_ok: bool = True) -> None:
    for value in values:
        if nan_ok and value is not None and isinstance(value, float) and math.isnan(value):
            continue
        assert isinstance(value, int | float) and math.isfinite(value) and low <= value <= high, (values.name, value)


# --- 1. decoding bytes -------------------------------------------------------------------------------------------------

raw_bytes = st.one_of(
    st.binary(max_size=MAX_TEXT),
    st.builds(lambda bom, body: bom + body, st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]), st.binary(max_size=MAX_TEXT)),
    unicode_text.map(lambda t: t.encode("utf-8")),
    st.builds(lambda t, enc: t.encode(enc, errors="replace"), unicode_text, st.sampled_from(["cp1252", "latin-1", "utf-16", "utf-8-sig"])),
)


@fuzz(2500)
@given(raw_bytes)
def test_decode_bytes_never_raises(data):
    decoded = decode_bytes(data)
    assert isinstance(decoded, Decoded)
    if decoded.text is None:
        assert isinstance(decoded.problem, str) and decoded.problem
    else:
        assert isinstance(decoded.text, str) and decoded.text.strip() and decoded.problem is None


# --- 2. loading a corpus folder ----------------------------------------------------------------------------------------

file_content = st.one_of(
    st.binary(max_size=MAX_TEXT),
    unicode_text,
    mutated_seed(),
    digit_swapped_header(),
    unicode_text.map(lambda t: t.encode("cp1252", errors="replace")),
)
metadata_field = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=30)


@st.composite
def corpus_files(draw) -> tuple[dict[str, str | bytes], str | None]:
    names = draw(st.lists(st.sampled_from(["a.txt", "b.txt", "C.TXT", "d e.txt", "p.html", "x.md"]), min_size=1, max_size=3, unique=True))
    articles = {name: draw(file_content) for name in names}
    kind = draw(st.sampled_from(["none", "none", "random", "csv"]))
    if kind == "none":
        return articles, None
    if kind == "random":
        return articles, draw(unicode_text)
    header = draw(
        st.sampled_from(["file,outlet,url,published,title,author", "file,outlet,published", "File, Title ,extra", "outlet,title"])
    )
    rows = []
    for _ in range(draw(st.integers(0, 4))):
        file = draw(st.sampled_from([*names, "missing.txt", "", "A.txt"]))
        published = draw(st.sampled_from(["", "2025-06-04", "2025-13-45", "2025-02-30", "06/05/2025"]) | metadata_field)
        cells = [file, draw(metadata_field), published, draw(metadata_field), draw(metadata_field), draw(metadata_field)]
        rows.append(",".join('"' + c.replace('"', '""') + '"' if draw(st.booleans()) else c for c in cells))
    return articles, "\n".join([header, *rows]) + draw(st.sampled_from(["", "\n", "\r\n"]))


@fuzz(250)
@given(corpus_files())
@example(({"a.txt": "Japan pledged money to the project.\n"}, "file,outlet\na.txt,x,y\n"))  # more cells than the header
def test_load_corpus_reports_every_file_or_raises_corpus_error(files):
    articles, metadata = files
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_corpus(Path(tmp) / "corpus", articles, metadata)
        try:
            corpus = load_corpus(folder)
        except CorpusError as error:
            assert str(error)
            return
    assert isinstance(corpus, Corpus)
    readable = {n for n in articles if n.lower().endswith((".txt", ".html"))}
    assert readable <= set(corpus.ingest["file"])
    assert set(corpus.articles["file"]) <= readable
    for text in corpus.articles["text"]:
        assert isinstance(text, str) and words(text)
    assert corpus.ingest["outcome"].notna().all()


# --- 3. cleaning -------------------------------------------------------------------------------------------------------


@fuzz(2500)
@example("date 2025-13-01 Japan agreed.", None)  # a header that is no date
@given(article_text, st.none() | st.text(max_size=40) | st.sampled_from(["US and Japan Explore Collaboration on Golden Dome Defense"]))
def test_clean_article_returns_pieces_of_its_input(raw, known_title):
    cleaned = clean_article(raw, known_title=known_title)
    assert isinstance(cleaned, Cleaned) and isinstance(cleaned.text, str)
    normalised = raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    # (a line a wire's copy wrapped mid-sentence is joined to the next one again: a line break may become a space)
    joined = normalised.replace("\n", " ")
    for piece in cleaned.removed:
        assert piece["text"] in normalised or piece["text"] in joined, (piece, raw)
    for line in cleaned.text.split("\n"):
        assert line in normalised or line in joined, (line, raw)


# --- 4. sentences ------------------------------------------------------------------------------------------------------


@fuzz(2500)
@given(article_text)
def test_sentence_offsets_point_at_the_sentence(text):
    previous_end = 0
    for sentence in split_sentences(text):
        assert previous_end <= sentence.start < sentence.end <= len(text), (sentence, text)
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and words(sentence.text)
        previous_end = sentence.end


# --- 5. HTML -----------------------------------------------------------------------------------------------------------

TAGS = ["html", "head", "body", "title", "article", "main", "p", "div", "span", "h1", "h2", "li", "ul", "nav", "script", "style", "b"]
html_piece = st.one_of(
    st.sampled_from(TAGS).map(lambda t: f"<{t}>"),
    st.sampled_from(TAGS).map(lambda t: f"</{t}>"),
    st.sampled_from(
        [
            "<!DOCTYPE html>",
            "<br>",
            "<br/>",
            "<img src='x'>",
            '<meta property="og:title" content="T">',
            '<meta name="author" content="">',
            '<meta name="date" content="2025-13-45">',
            "<!-- c -->",
            "<![CDATA[x]]>",
            "&amp;",
            "&#x0;",
            "&#99999999;",
            "<",
            ">",
            "</",
            '<p class="a',
        ]
    ),
    prose_text.map(lambda t: t[:40]),
)
html_text = st.lists(html_piece, max_size=30).map("".join)


@fuzz(2000)
@given(html_text | unicode_text)
@pytest.mark.filterwarnings("ignore::bs4.MarkupResemblesLocatorWarning")
def test_html_to_text_never_raises(html):
    looks_like_html(html)
    page = html_to_text(html)
    assert isinstance(page, Page) and isinstance(page.text, str)
    assert all(isinstance(v, str) for v in (page.title, page.author, page.published) if v is not None)


# --- 6. every extractor on one text --------------------------------------------------------------------------------
#
# One test runs every per-text extractor on the same drawn text (and the sentence-level ones on one of its sentences),
# with the codebook compiled once (see MONEY_CUES and friends above). Hypothesis spends 1-2 ms drawing each example,
# more than most extractors take, so one test with 2,500 examples gives every extractor its 2,500 examples for the
# drawing cost of one; each extractor's invariants are a ``check_*`` function, named in the traceback if it fails.

any_text = st.one_of(unicode_text, prose_text, mutated_seed(), mutated_seed(money=True, max_edits=16), digit_swapped_header())
SEED_WORDS = [sentence_words(text) for text in SEED_TEXTS]
SEED_PLAIN = [" ".join(tokens).lower().replace("’", "'") for tokens in SEED_WORDS]


@st.composite
def text_and_sentence(draw) -> tuple[str, str]:
    """A random article text and one of its sentences, as the sentence-level extractors receive it (or, now and then,
    the whole text: they must take any string)."""
    text = draw(any_text)
    sentences = split_sentences(text)
    if not sentences or draw(st.integers(0, 9)) == 0:
        return text, text
    return text, sentences[draw(st.integers(0, len(sentences) - 1))].text


def columns_of(table: pd.DataFrame) -> list[dict]:
    """The rows of a small frame as dicts (``itertuples`` costs more than the extractor on a short text)."""
    names = list(table.columns)
    return [dict(zip(names, values, strict=True)) for values in table.to_numpy(dtype=object).tolist()]


def assert_money_row(row: dict, text: str) -> None:
    """One money row: its span is inside the text and is its surface; amounts are finite and >= 0 (or NaN), low <= high."""
    start, end = row["start"], row["end"]
    assert int(start) == start and int(end) == end and 0 <= start < end <= len(text), (row, text)
    assert text[int(start) : int(end)] == row["surface"], (row, text)
    assert row["surface"] in row["sentence"] and row["sentence"] in text, (row, text)
    for column in ("amount_usd", "amount_low_usd", "amount_high_usd", "per_year_usd"):
        value = row[column]
        assert math.isnan(value) or (math.isfinite(value) and value >= 0), (column, value, row)
    low, high, amount, horizon = row["amount_low_usd"], row["amount_high_usd"], row["amount_usd"], row["horizon_years"]
    if row["currency"] == "USD":
        assert math.isfinite(low) and math.isfinite(high), row
    if not math.isnan(low):
        assert low <= high, row
    if not math.isnan(amount):
        assert low <= amount <= high, row
    assert math.isnan(horizon) or (math.isfinite(horizon) and horizon >= 0), row


def check_money(text: str) -> None:
    """The money extractor of one article (``article_mentions``, what ``money_mentions`` runs per article)."""
    rows = article_mentions("a", "a.txt", text, MONEY_CUES)
    for row in rows:
        assert list(row) == money_table_columns and isinstance(row["start"], int) and isinstance(row["end"], int), row
        assert_money_row(row, text)
    starts = [row["start"] for row in rows]
    assert starts == sorted(starts) and len(set(starts)) == len(starts), rows


def assert_quote_holds(row, text: str) -> None:
    """A quotation span lies inside its text, starts with a quotation mark and ends with one, or is left open where its
    paragraph ends (an excerpt cut off, a closing mark forgotten), and holds the quotation."""
    start, end = int(row["start"]), int(row["end"])
    assert start == row["start"] and 0 <= start < end <= len(text), (row, text)
    span = text[start:end]
    # (pages also type an acute accent for both marks, and a mark of the wrong side for either: ´…´, ”…”, “…“; and
    # translated pages quote with guillemets, «…», or open low, „…”)
    closed = span[-1] in "\"”’'´“»" and end - start >= 3
    left_open = not text[end:].split("\n", 1)[0].strip(" \t") and end - start >= 2
    assert span[0] in "\"“‘'´”«„" and (closed or left_open), (span, row)
    assert row["quote"] == " ".join(span[1 : -1 if closed else None].split()).rstrip(" ,;:."), (span, row)
    assert row["n_words"] >= 0 and isinstance(row["speaker"], str) and isinstance(row["speaker_type"], str), row


def check_voices_and_frames(text: str) -> list[str]:
    """Quotations and sentence voices (``analyse_voices``) and each sentence's frame (``frame_of``); the sentences."""
    sentences, quotes = analyse_voices(text, CODEBOOK)
    assert list(quotes.columns) == QUOTE_COLUMNS[2:]
    for row in columns_of(quotes):
        assert_quote_holds(row, text)
    rows = columns_of(sentences)
    assert [row["sentence_id"] for row in rows] == list(range(len(rows)))
    for row in rows:
        assert 0 <= row["start"] < row["end"] <= len(text) and text[row["start"] : row["end"]] == row["sentence"], (row, text)
        assert row["voice"] in ("own", "quoted", "reported") and isinstance(row["speaker"], str), row
    labels = [frame_of_sentence(row["sentence"], FRAMES) for row in rows]
    assert set(labels) <= {*FRAMES, ""}, labels
    shares = [labels.count(frame) / len(labels) if labels else 0.0 for frame in FRAMES]  # what frames_table reports
    assert all(0.0 <= share <= 1.0 for share in shares) and sum(shares) <= 1.0 + 1e-9, shares
    return [row["sentence"] for row in rows]


def check_stance(sentences: list[str]) -> None:
    """Tone, cue hits, cue scores, labels and bootstrap intervals of every target, as ``stance_tables`` computes them."""
    evidence: dict[str, list[float]] = {target.name: [] for target in STANCE_RULES.targets}
    for sentence in sentences:
        tone = TONE.polarity_scores(sentence)["compound"]
        assert -1.0 <= tone <= 1.0, (tone, sentence)
        plain = normalise(sentence)
        for target in STANCE_RULES.targets:
            hits = cue_hits(sentence, target, STANCE_RULES)
            score = cue_score(sentence, target, STANCE_RULES)
            for cue, weight in hits:
                assert cue and cue in plain and weight in (1.0, -1.0, 0.5, -0.5), (cue, weight, sentence)
            assert math.isfinite(score) and -1.0 <= score <= 1.0 and (hits or score == 0.0), (score, hits, sentence)
            assert label_for(score, STANCE_RULES) in LABELS
            if hits and mentions_target(sentence, target):
                evidence[target.name].append(score)
    for target in STANCE_RULES.targets:
        values = np.array(evidence[target.name], dtype=float)
        low, high = bootstrap_ci(values, f"a/{target.name}")
        mean = float(values.mean()) if len(values) else math.nan
        assert label_for(mean, STANCE_RULES, len(values)) in LABELS
        if len(values):
            assert values.min() - 1e-12 <= low <= high <= values.max() + 1e-12, (low, high, values)
        else:
            assert math.isnan(low) and math.isnan(high)


def assert_readable(scores: dict) -> None:
    for column in READABILITY_COLUMNS:
        value = scores[column]
        assert isinstance(value, int | float) and (math.isfinite(value) or math.isnan(value)), (column, value)
    assert math.isnan(scores["reading_time_min"]) or scores["reading_time_min"] >= 0


def check_readability(text: str) -> None:
    scores = readability_scores(text)
    assert list(scores) == READABILITY_COLUMNS
    assert_readable(scores)


def check_reuse(text: str, sentences: list[str]) -> None:
    """The verbatim passages the text shares with the seed it comes from (a mutated window shares many), else with itself."""
    found = [i for i, seed in enumerate(SEED_TEXTS) if any(s in seed for s in sentences[:3])]
    a = sentence_words(text)
    b, plain_b = (SEED_WORDS[found[0]], SEED_PLAIN[found[0]]) if found else (a, " ".join(a).lower().replace("’", "'"))
    for passage in shared_passages(a, b):
        assert len(passage.split(" ")) >= MIN_VERBATIM_WORDS and SENTENCE_BREAK not in passage, passage
        assert passage in " ".join(a) and passage.lower().replace("’", "'") in plain_b, (passage, text)


def check_claims_and_citations(sentence: str) -> None:
    """Claim cues and values of every claim, how the sentence is sourced, and the sources it cites."""
    for claim in CLAIMS:
        assert isinstance(sentence_makes(sentence, claim), bool)
        spec = claim.get("value")
        value = extract_value(sentence, spec)  # every value extractor, whether or not the sentence makes the claim
        assert isinstance(value, str), (claim["id"], value)
        if value and spec["kind"] == "amount":
            assert value.startswith("$"), (value, sentence)
        elif value:
            assert value in sentence, (value, sentence)
    assert sourcing_of(sentence, CODEBOOK) in SOURCING_LEVELS
    for mention in cited_sources(sentence, CODEBOOK):
        assert 0 <= mention.start < mention.end <= len(sentence), (mention, sentence)
        assert (sentence[mention.start : mention.end], mention.source) in ALIASES, (mention, sentence)
        assert isinstance(mention.marker, str) and mention.marker, (mention, sentence)


@fuzz(2500)
@given(text_and_sentence())
@example(('Japan agreed.\n"!!"', '"!!"'))  # a quotation on a line without words
@example(("$", "$"))
@example(("It costs $175-831 billion over 20 years, according to the CBO.",) * 2)
@example(("Japan is not a deterrent to the Golden Dome, which may start an arms race.",) * 2)
@example(("Reuters reported, citing Nikkei, that Gen. Michael Guetlein expects it by 2029 at US$175-831 bn.",) * 2)
def test_every_extractor_holds_on_one_text(text_and_one_sentence):
    """2,500 examples, each one text through every per-text extractor: money, quotations and voices, frames, stance
    (tone, cues, scores, labels, intervals), readability, verbatim reuse against its seed, and, on one of its sentences,
    claims, sourcing and citations."""
    text, sentence = text_and_one_sentence
    check_money(text)
    sentences = check_voices_and_frames(text)
    check_stance(sentences)
    check_readability(text)
    check_reuse(text, sentences)
    check_claims_and_citations(sentence)


# --- 7. the assembled tables -------------------------------------------------------------------------------------------
#
# Each table-level call has a fixed cost (45-100 ms: building cue regexes and frames, VADER's lexicon, the bootstrap),
# so these run hundreds of examples, each a batch of articles; they test the assembly, the per-text test the extractors.


@fuzz(400)
@given(st.lists(money_text, min_size=1, max_size=6))
def test_money_mentions_offsets_and_amounts(texts):
    """400 examples, about 1,300 articles: the assembled money table (columns, dtypes, rows of every article)."""
    articles = frame_of(texts)
    table = money_mentions(articles, CODEBOOK)
    assert list(table.columns) == money_table_columns
    by_id = texts_by_id(articles)
    assert_spans_inside(table, by_id, "surface")
    for row in columns_of(table):
        assert_money_row(row, by_id[row["article_id"]])


def texts_by_id(articles: pd.DataFrame) -> dict[str, str]:
    """Each article's text by its id, to check spans against."""
    return dict(zip(articles["article_id"], articles["text"], strict=True))


def assert_quotes_hold(quotes: pd.DataFrame, by_id: dict[str, str]) -> None:
    """The quotations table has its columns and every row holds (see :func:`assert_quote_holds`)."""
    assert list(quotes.columns[: len(QUOTE_COLUMNS)]) == QUOTE_COLUMNS
    assert_spans_inside(quotes, by_id)
    for row in columns_of(quotes):
        assert_quote_holds(row, by_id[row["article_id"]])


def assert_frames_hold(frames: pd.DataFrame) -> None:
    """Frame shares lie in [0, 1] and add up to at most 1 per article."""
    assert list(frames.columns) == FRAME_COLUMNS
    assert_in_range(frames["share"], 0.0, 1.0, nan_ok=False)
    assert (frames["n_sentences"] >= 0).all()
    for _, group in frames.groupby("article_id"):
        assert group["share"].sum() <= 1.0 + 1e-9


@fuzz(200)
@given(st.lists(article_text, min_size=1, max_size=10))
@example(['Japan agreed.\n"!!"'])  # a quotation on a line without words
def test_stance_quotes_and_frames_hold_on_random_articles(texts):
    """200 examples, about 920 articles: the assembled stance, evidence, quotations (with sides) and frames tables."""
    articles = frame_of(texts)
    by_id = texts_by_id(articles)
    tables = stance_tables(articles, CODEBOOK)

    stance = tables["stance.csv"]
    assert list(stance.columns) == STANCE_COLUMNS
    for column in ("score", "ci_low", "ci_high", "own_voice_score", "quoted_score"):
        assert_in_range(stance[column], -1.0, 1.0)
    assert (stance["n_evidence"] >= 0).all()
    has_score = stance["score"].notna()
    assert (stance.loc[has_score, "ci_low"] <= stance.loc[has_score, "ci_high"] + 1e-12).all()

    evidence = tables["stance_evidence.csv"]
    assert_in_range(evidence["cue_score"], -1.0, 1.0, nan_ok=False)
    assert_in_range(evidence["tone"], -1.0, 1.0, nan_ok=False)
    for row in evidence.itertuples(index=False):
        assert row.sentence in by_id[row.article_id]

    assert_quotes_hold(tables["quotes.csv"], by_id)
    assert_in_range(tables["quotes.csv"]["side_score"], -1.0, 1.0)
    assert_frames_hold(tables["frames.csv"])


@fuzz(250)
@given(st.lists(article_text, min_size=1, max_size=8))
@example(['Japan agreed.\n"!!"'])  # a quotation on a line without words
def test_quotes_and_frames_hold_on_random_articles(texts):
    """250 examples, about 1,050 articles: the assembled quotations and frames tables (cheaper than the stance run)."""
    articles = frame_of(texts)
    by_id = texts_by_id(articles)
    assert_quotes_hold(quotes_table(articles, CODEBOOK), by_id)
    assert_frames_hold(frames_table(articles, CODEBOOK))


@fuzz(300)
@given(st.lists(article_text, min_size=1, max_size=8))
def test_claims_and_citations_hold_on_random_articles(texts):
    """300 examples, about 1,200 articles: the assembled claims matrix and citations table."""
    articles = frame_of(texts)
    by_id = texts_by_id(articles)
    claims = claims_matrix(articles, CODEBOOK)
    assert list(claims.columns) == CLAIM_COLUMNS
    for row in claims.itertuples(index=False):
        assert row.evidence in by_id[row.article_id] and isinstance(row.value, str)
    citations = citations_table(articles, CODEBOOK)
    assert list(citations.columns) == CITATION_COLUMNS
    for row in citations.itertuples(index=False):
        assert row.sentence in by_id[row.article_id] and isinstance(row.cited_source, str) and row.cited_source


@fuzz(300)
@given(st.lists(st.one_of(unicode_text, prose_text, mutated_seed()), min_size=1, max_size=6))
def test_readability_is_finite_or_nan(texts):
    """300 examples, about 1,100 articles: the assembled readability table."""
    table = readability_table(frame_of(texts))
    assert list(table.columns) == ["article_id", "file", *READABILITY_COLUMNS]
    for scores in columns_of(table[READABILITY_COLUMNS]):
        assert_readable(scores)


@pytest.mark.parametrize("text", ["", " ", "\n\n", "“”", '""', '"!"', "$", "date 2025-06-04", "date 2025-00-00"])
def test_edge_texts_run_through_every_extractor(text):
    """The smallest inputs, always tried (hypothesis may or may not draw them)."""
    articles = frame_of([text])
    money_mentions(articles, CODEBOOK)
    stance_tables(articles, CODEBOOK)
    claims_matrix(articles, CODEBOOK)
    citations_table(articles, CODEBOOK)
    readability_table(articles)
    check_money(text)
    check_stance(check_voices_and_frames(text))
    check_readability(text)
    check_claims_and_citations(text)
