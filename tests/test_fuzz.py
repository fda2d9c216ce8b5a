"""Property-based fuzz tests: the loader and every extractor fed random Unicode, random bytes and mutated seed texts.

What must hold whatever the input: no exception escapes but the documented ones (``CorpusError`` from ``load_corpus``),
every character offset points inside the text (and at what the table says is there), amounts are finite and
non-negative, scores lie in [-1, 1] (or are NaN) and shares in [0, 1].

Reproducible in CI: every test runs under the ``fuzz`` settings (``derandomize=True``, no example database), so the
same examples are drawn on every run. Texts are kept short (up to ~400 characters) so that thousands of examples run
in seconds. The table-level extractors have a fixed cost per call (building frames, VADER's lexicon, the bootstrap),
so their examples are batches of several articles: the ``articles`` counts in the docstrings are what is fuzzed.
"""

from __future__ import annotations

import math
import random
import string
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from conftest import write_corpus
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mediabrief.claims import CLAIM_COLUMNS, claims_matrix
from mediabrief.cleaning import Cleaned, clean_article
from mediabrief.codebook import load_codebook
from mediabrief.config import RAW_DIR
from mediabrief.corpus import Corpus, CorpusError, Decoded, decode_bytes, load_corpus
from mediabrief.htmltext import Page, html_to_text, looks_like_html
from mediabrief.lineage import CITATION_COLUMNS, citations_table
from mediabrief.money import money_mentions, money_table_columns
from mediabrief.readability import READABILITY_COLUMNS, readability_table
from mediabrief.stance import STANCE_COLUMNS, stance_tables
from mediabrief.textutils import split_sentences, words
from mediabrief.voices import FRAME_COLUMNS, QUOTE_COLUMNS, frames_table, quotes_table

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

# --- strategies --------------------------------------------------------------------------------------------------------

# Any Unicode scalar value that UTF-8 can encode (no lone surrogates): what a file could hold.
unicode_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=MAX_TEXT)
# Mostly ASCII with a little of everything: more likely to hit word, sentence and number patterns than pure random.
prose_alphabet = st.sampled_from(string.ascii_letters + string.digits + " .,;:!?'\"-\n") | st.characters(codec="utf-8")
prose_text = st.text(alphabet=prose_alphabet, max_size=MAX_TEXT)

FRAGMENTS = [
    *"“”‘’\"'$€¥£-–—<>.,:;()!?\n",
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
    for piece in cleaned.removed:
        assert piece["text"] in normalised, (piece, raw)
    for line in cleaned.text.split("\n"):
        assert line in normalised, (line, raw)


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


# --- 6. money ----------------------------------------------------------------------------------------------------------


@fuzz(600)
@given(st.lists(money_text, min_size=1, max_size=6))
def test_money_mentions_offsets_and_amounts(texts):
    """600 examples, about 1,950 articles."""
    articles = frame_of(texts)
    table = money_mentions(articles, CODEBOOK)
    assert list(table.columns) == money_table_columns
    by_id = dict(zip(articles["article_id"], articles["text"], strict=True))
    assert_spans_inside(table, by_id, "surface")
    for row in table.itertuples(index=False):
        assert row.end > row.start and row.surface in row.sentence and row.sentence in by_id[row.article_id]
        values = {c: getattr(row, c) for c in ("amount_usd", "amount_low_usd", "amount_high_usd", "per_year_usd")}
        for column, value in values.items():
            assert math.isnan(value) or (math.isfinite(value) and value >= 0), (column, value, row)
        if row.currency == "USD":
            assert math.isfinite(row.amount_low_usd) and math.isfinite(row.amount_high_usd), row
        if not math.isnan(row.amount_low_usd):
            assert row.amount_low_usd <= row.amount_high_usd, row
        if not math.isnan(row.amount_usd):
            assert row.amount_low_usd <= row.amount_usd <= row.amount_high_usd, row
        assert math.isnan(row.horizon_years) or (math.isfinite(row.horizon_years) and row.horizon_years >= 0), row


def assert_quotes_hold(quotes: pd.DataFrame, by_id: dict[str, str]) -> None:
    """Quotation spans lie inside their article, start and end with a quotation mark, and count words."""
    assert list(quotes.columns[: len(QUOTE_COLUMNS)]) == QUOTE_COLUMNS
    assert_spans_inside(quotes, by_id)
    for row in quotes.itertuples(index=False):
        span = by_id[row.article_id][row.start : row.end]
        assert span[0] in '"“' and span[-1] in '"”' and row.end - row.start >= 3, (span, row)
        assert row.n_words >= 0 and isinstance(row.speaker, str)


def assert_frames_hold(frames: pd.DataFrame) -> None:
    """Frame shares lie in [0, 1] and add up to at most 1 per article."""
    assert list(frames.columns) == FRAME_COLUMNS
    assert_in_range(frames["share"], 0.0, 1.0, nan_ok=False)
    assert (frames["n_sentences"] >= 0).all()
    for _, group in frames.groupby("article_id"):
        assert group["share"].sum() <= 1.0 + 1e-9


# --- 7. stance, quotations, frames, claims, citations -------------------------------------------------------------------


@fuzz(200)
@given(st.lists(article_text, min_size=1, max_size=10))
@example(['Japan agreed.\n"!!"'])  # a quotation on a line without words
def test_stance_quotes_and_frames_hold_on_random_articles(texts):
    """200 examples, about 920 articles: stance, evidence, quotations (with sides) and frames (the costliest run)."""
    articles = frame_of(texts)
    by_id = dict(zip(articles["article_id"], articles["text"], strict=True))
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


@fuzz(400)
@given(st.lists(article_text, min_size=1, max_size=8))
@example(['Japan agreed.\n"!!"'])  # a quotation on a line without words
def test_quotes_and_frames_hold_on_random_articles(texts):
    """400 examples, about 1,700 articles: the voices tables alone (cheaper than the whole stance run)."""
    articles = frame_of(texts)
    by_id = dict(zip(articles["article_id"], articles["text"], strict=True))
    assert_quotes_hold(quotes_table(articles, CODEBOOK), by_id)
    assert_frames_hold(frames_table(articles, CODEBOOK))


@fuzz(500)
@given(st.lists(article_text, min_size=1, max_size=8))
def test_claims_and_citations_hold_on_random_articles(texts):
    """500 examples, about 2,000 articles."""
    articles = frame_of(texts)
    by_id = dict(zip(articles["article_id"], articles["text"], strict=True))
    claims = claims_matrix(articles, CODEBOOK)
    assert list(claims.columns) == CLAIM_COLUMNS
    for row in claims.itertuples(index=False):
        assert row.evidence in by_id[row.article_id] and isinstance(row.value, str)
    citations = citations_table(articles, CODEBOOK)
    assert list(citations.columns) == CITATION_COLUMNS
    for row in citations.itertuples(index=False):
        assert row.sentence in by_id[row.article_id] and isinstance(row.cited_source, str) and row.cited_source


# --- 8. readability ----------------------------------------------------------------------------------------------------


@fuzz(500)
@given(st.lists(st.one_of(unicode_text, prose_text, mutated_seed()), min_size=1, max_size=6))
def test_readability_is_finite_or_nan(texts):
    """500 examples, about 1,850 articles."""
    table = readability_table(frame_of(texts))
    assert list(table.columns) == ["article_id", "file", *READABILITY_COLUMNS]
    for column in READABILITY_COLUMNS:
        for value in table[column]:
            assert isinstance(value, int | float) and (math.isfinite(value) or math.isnan(value)), (column, value)
    assert (table["reading_time_min"].dropna() >= 0).all()


@pytest.mark.parametrize("text", ["", " ", "\n\n", "“”", '""', '"!"', "$", "date 2025-06-04", "date 2025-00-00"])
def test_edge_texts_run_through_every_extractor(text):
    """The smallest inputs, always tried (hypothesis may or may not draw them)."""
    articles = frame_of([text])
    money_mentions(articles, CODEBOOK)
    stance_tables(articles, CODEBOOK)
    claims_matrix(articles, CODEBOOK)
    citations_table(articles, CODEBOOK)
    readability_table(articles)
