"""Every bad input has a defined outcome: one test per row of the README's bad-input table, in its order."""

import pandas as pd
import pytest
from conftest import write_corpus

from mediabrief.analysis import articles_table
from mediabrief.corpus import MAX_ARTICLE_BYTES, MISSING, PROCESSED, SKIPPED, WARNED, load_corpus

ARTICLE = "Japan is weighing support for the missile shield. Officials met in Tokyo on Tuesday to discuss it.\n"
HEADER = "file,outlet,url,published,title,author\n"


def outcome(corpus, file: str) -> str:
    outcomes = set(corpus.ingest.loc[corpus.ingest["file"].eq(file), "outcome"])
    assert len(outcomes) == 1, outcomes
    return outcomes.pop()


def messages(corpus, file: str) -> str:
    return " | ".join(corpus.ingest.loc[corpus.ingest["file"].eq(file), "message"])


def load(tmp_path, files: dict, metadata: str | None = None):
    return load_corpus(write_corpus(tmp_path, {"ok.txt": ARTICLE, **files}, metadata))


def test_empty_file(tmp_path):
    corpus = load(tmp_path, {"empty.txt": b""})
    assert outcome(corpus, "empty.txt") == SKIPPED and "empty file" in messages(corpus, "empty.txt")
    assert "empty.txt" not in set(corpus.articles["file"])


def test_whitespace_only_file(tmp_path):
    corpus = load(tmp_path, {"blank.txt": " \n\t\r\n "})
    assert outcome(corpus, "blank.txt") == SKIPPED and "only white space" in messages(corpus, "blank.txt")


def test_binary_file(tmp_path):
    corpus = load(tmp_path, {"image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"})
    assert outcome(corpus, "image.txt") == SKIPPED and "binary file" in messages(corpus, "image.txt")


def test_utf8_with_bom(tmp_path):
    corpus = load(tmp_path, {"bom.txt": "\ufeff“Café” talks began.".encode()})
    article = corpus.articles.set_index("file").loc["bom.txt"]
    assert outcome(corpus, "bom.txt") == PROCESSED and article["text"] == "“Café” talks began."


def test_utf16(tmp_path):
    corpus = load(tmp_path, {"wide.txt": "Japan’s “Golden Dome” talks — día uno.".encode("utf-16")})
    article = corpus.articles.set_index("file").loc["wide.txt"]
    assert outcome(corpus, "wide.txt") == PROCESSED and article["text"] == "Japan’s “Golden Dome” talks — día uno."


def test_windows_1252_with_curly_quotes_and_accents(tmp_path):
    text = "“Zürich’s café” – officials said the €3bn plan was “naïve”."
    corpus = load(tmp_path, {"cp.txt": text.encode("cp1252")})
    assert corpus.articles.set_index("file").loc["cp.txt", "text"] == text
    assert outcome(corpus, "cp.txt") == WARNED and "decoded as cp1252" in messages(corpus, "cp.txt")


def test_latin1_with_accents(tmp_path):
    text = "Le ministre a déclaré à Zürich: «façade», naïve. \x81"  # \x81 is not Windows-1252: Latin-1 it is
    corpus = load(tmp_path, {"latin.txt": text.encode("latin-1")})
    assert corpus.articles.set_index("file").loc["latin.txt", "text"] == text
    assert outcome(corpus, "latin.txt") == WARNED and "decoded as latin-1" in messages(corpus, "latin.txt")


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_line_endings(tmp_path, newline):
    text = "Allied Talks\nBy Jane Doe\nJune 5, 2025\nJapan agreed.\nChina objected.\n"
    corpus = load(tmp_path, {"lines.txt": text.replace("\n", newline)})
    article = corpus.articles.set_index("file").loc["lines.txt"]
    assert outcome(corpus, "lines.txt") == PROCESSED
    assert (article["text"], article["author"], article["n_sentences"]) == ("Japan agreed.\nChina objected.", "Jane Doe", 2)


@pytest.mark.parametrize("name", ["page.txt", "page.html"])
def test_html_page_saved_as_txt_or_html(tmp_path, name):
    page = (
        "<!DOCTYPE html><html><head><title>Site | Allies</title><meta name='author' content='Jane Doe'>"
        "<meta property='article:published_time' content='2025-06-05T10:00:00Z'><script>var x = 1;</script></head>"
        "<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Allies weigh the shield</h1>"
        "<p>Japan is <em>exploring</em> support for the shield.</p><p>China objected on Tuesday.</p></article>"
        "<footer>© 2025 Site. All rights reserved.</footer></body></html>"
    )
    corpus = load(tmp_path, {name: page})
    article = corpus.articles.set_index("file").loc[name]
    assert article["text"] == "Japan is exploring support for the shield.\nChina objected on Tuesday."
    assert (article["title"], article["author"], f"{article['published']:%Y-%m-%d}") == (
        "Allies weigh the shield",
        "Jane Doe",
        "2025-06-05",
    )
    assert outcome(corpus, name) == PROCESSED and "HTML page" in messages(corpus, name)


def test_file_larger_than_an_article(tmp_path):
    big = (ARTICLE * (MAX_ARTICLE_BYTES // len(ARTICLE) * 4 + 1)).encode()  # about 20 MB
    assert len(big) >= 20_000_000
    corpus = load(tmp_path, {"dump.txt": big})
    assert outcome(corpus, "dump.txt") == SKIPPED and "split it into one file per article" in messages(corpus, "dump.txt")


def test_same_article_twice_under_two_names(tmp_path):
    corpus = load(tmp_path, {"copy.txt": ARTICLE.upper().replace(" ", "  ")})
    assert list(corpus.articles["file"]) == ["copy.txt"]  # kept once in every aggregate: the first by name
    assert outcome(corpus, "ok.txt") == SKIPPED and "the same text as copy.txt" in messages(corpus, "ok.txt")


def test_metadata_row_naming_a_missing_file(tmp_path):
    corpus = load(tmp_path, {}, HEADER + "ok.txt,Outlet,,,,\ngone.txt,Gone,,,,\n")
    assert outcome(corpus, "gone.txt") == MISSING
    assert "metadata.csv line 3 names this file, which is not in" in messages(corpus, "gone.txt")


def test_file_with_no_metadata_row(tmp_path):
    corpus = load(tmp_path, {"extra.txt": "China objected to the plan on Tuesday, officials said."}, HEADER + "ok.txt,Outlet,,,,\n")
    assert outcome(corpus, "extra.txt") == WARNED and "no row in metadata.csv" in messages(corpus, "extra.txt")
    assert corpus.articles.set_index("file").loc["extra.txt", "outlet"] == "extra"


def test_malformed_date_in_metadata(tmp_path):
    corpus = load(tmp_path, {}, HEADER + "ok.txt,Outlet,,06/05/25,,\n")
    assert outcome(corpus, "ok.txt") == WARNED and "not a YYYY-MM-DD date" in messages(corpus, "ok.txt")
    assert pd.isna(corpus.articles.loc[0, "published"])


def test_unknown_metadata_column(tmp_path):
    corpus = load(tmp_path, {}, "file,outlet,url,published,title,author,desk\nok.txt,Outlet,,,,,Asia\n")
    assert corpus.articles.loc[0, "desk"] == "Asia"
    assert "extra columns kept as they are: desk" in messages(corpus, "metadata.csv")


def test_non_english_article(tmp_path):
    spanish = (
        "Japón estudia apoyar el escudo antimisiles Cúpula Dorada de Estados Unidos, según informó el diario Nikkei. "
        "El primer ministro habló dos veces por teléfono con el presidente sobre los aranceles y la defensa."
    )
    corpus = load(tmp_path, {"es.txt": spanish})
    article = corpus.articles.set_index("file").loc["es.txt"]
    assert article["language"] == "es"
    assert outcome(corpus, "es.txt") == WARNED and "skip this article" in messages(corpus, "es.txt")
    scores = articles_table(corpus.articles).set_index("file")
    assert pd.isna(scores.loc["es.txt", "flesch_reading_ease"]) and not pd.isna(scores.loc["ok.txt", "flesch_reading_ease"])


def test_article_with_no_target_and_no_money(tmp_path):
    corpus = load(tmp_path, {"weather.txt": "It rained in Osaka on Tuesday. The trains ran late, and the parks stayed empty."})
    assert outcome(corpus, "weather.txt") == PROCESSED
    assert len(articles_table(corpus.articles)) == 2
