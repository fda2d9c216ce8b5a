import shutil
from pathlib import Path

import pandas as pd
import pytest
from conftest import write_corpus

from mediabrief.config import RAW_DIR
from mediabrief.corpus import CorpusError, decode_bytes, load_corpus
from mediabrief.textutils import split_sentences


@pytest.fixture(scope="module")
def seeds():
    return load_corpus(RAW_DIR)


def test_seeds_load_as_five_articles_with_their_metadata(seeds, gold):
    expected = gold("seed_articles.csv")
    articles = seeds.articles.set_index("file")
    assert list(articles.index) == list(expected["file"])
    assert articles["article_id"].is_unique
    for row in expected.itertuples():
        article = articles.loc[row.file]
        assert article["outlet"] == row.outlet
        assert article["author"] == row.author
        published = "" if pd.isna(article["published"]) else f"{article['published']:%Y-%m-%d}"
        assert published == row.published


def test_seed_dates_and_bylines_are_inferred_from_the_text_when_metadata_is_silent(seed_copy, gold):
    (seed_copy / "metadata.csv").unlink()
    articles = load_corpus(seed_copy).articles.set_index("file")
    for row in gold("seed_articles.csv").itertuples():
        article = articles.loc[row.file]
        published = "" if pd.isna(article["published"]) else f"{article['published']:%Y-%m-%d}"
        assert published == row.published_from_text
        assert article["published_origin"] == ("text" if row.published_from_text else "unknown")
        assert article["author"] == row.author_from_text
        assert article["title"] == row.title_from_text
        assert article["outlet_origin"] == "file name"


def test_cleaning_removes_each_seeds_boilerplate(seeds, gold):
    expected = gold("seed_boilerplate.csv")
    found = seeds.removed[["file", "kind", "text"]].astype(str)
    assert found.sort_values(["file", "text"]).values.tolist() == expected.sort_values(["file", "text"]).values.tolist()


def test_cleaning_removes_nothing_else(seeds, gold):
    removed = gold("seed_boilerplate.csv")
    for article in seeds.articles.itertuples():
        pieces = removed.loc[removed["file"].eq(article.file), "text"].tolist()
        for line in article.raw_text.splitlines():
            for piece in pieces:
                line = line.replace(piece, "")
            assert line.strip() in article.text, f"{article.file}: lost {line.strip()[:60]!r}"
        for piece in pieces:
            assert piece not in article.text


def test_each_text_is_split_into_sentences_once_at_load_for_the_stages_to_share(seeds):
    articles = seeds.articles
    assert articles["sentences"].tolist() == [split_sentences(text) for text in articles["text"]]
    assert articles["n_sentences"].tolist() == articles["sentences"].map(len).tolist()


def test_counts_are_plausible(seeds):
    assert seeds.articles["n_words"].between(200, 1000).all()
    assert (seeds.articles["n_sentences"] < seeds.articles["n_words"] / 8).all()


def test_other_files_in_the_folder_are_reported_not_read(seeds):
    ignored = seeds.ingest[seeds.ingest["kind"].eq("not an article")]
    assert "PROVENANCE.csv" in set(ignored["file"])


def test_metadata_and_text_dates_that_disagree_are_flagged(tmp_path):
    metadata = "file,outlet,url,published,title,author\na.txt,A,,2025-06-09,,\n"
    corpus = load_corpus(write_corpus(tmp_path, {"a.txt": "date 2025-06-04 Japan agreed."}, metadata))
    assert f"{corpus.articles.loc[0, 'published']:%Y-%m-%d}" == "2025-06-09"
    assert corpus.ingest["kind"].eq("date disagrees").any()


def test_extra_metadata_columns_are_kept(seeds):
    assert {"outlet_type", "title_source", "notes"} <= set(seeds.articles.columns)


def test_missing_folder_and_folder_without_articles_raise_clear_errors(tmp_path):
    with pytest.raises(CorpusError, match="no such folder.*CORPUS="):
        load_corpus(tmp_path / "nope")
    (tmp_path / "notes.md").write_text("hi")
    with pytest.raises(CorpusError, match=r"no article files \(\*\.txt or \*\.html\)"):
        load_corpus(tmp_path)


def test_metadata_without_file_column_names_the_file_and_the_fix(tmp_path):
    write_corpus(tmp_path, {"a.txt": "Japan agreed."}, "name,outlet\na.txt,A\n")
    with pytest.raises(CorpusError, match=r"metadata\.csv: no 'file' column.*header"):
        load_corpus(tmp_path)


def test_article_ids_are_stable_and_unique(tmp_path):
    folder = write_corpus(tmp_path, {"A b.txt": "One.", "a-b.txt": "Two.", "c.txt": "Three."})
    first = load_corpus(folder).articles["article_id"].tolist()
    assert len(set(first)) == 3
    assert load_corpus(folder).articles["article_id"].tolist() == first


def test_decoding_handles_boms_and_binary():
    assert decode_bytes("\ufeffJapan".encode("utf-8")).text == "Japan"
    assert decode_bytes("Japan agreed".encode("utf-16")).text == "Japan agreed"
    assert "binary" in decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00").problem
    assert decode_bytes(b" \n\t ").problem == "contains only white space"


def test_raw_files_are_not_modified_by_loading(seed_copy):
    before = {p.name: p.read_bytes() for p in seed_copy.iterdir()}
    load_corpus(seed_copy)
    assert {p.name: p.read_bytes() for p in seed_copy.iterdir()} == before
    shutil.rmtree(seed_copy)


def test_metadata_row_with_more_cells_than_the_header_names_the_line(tmp_path):
    write_corpus(tmp_path, {"a.txt": "Japan agreed."}, "file,outlet\na.txt,Outlet, Tokyo\n")
    with pytest.raises(CorpusError, match=r"metadata\.csv: line 2 has 3 cells but the header has 2.*double quotes"):
        load_corpus(tmp_path)


def test_metadata_rows_with_fewer_cells_leave_the_rest_empty(tmp_path):
    corpus = load_corpus(write_corpus(tmp_path, {"a.txt": "date 2025-06-04 Japan agreed."}, "file,outlet,published,author\na.txt,Outlet\n"))
    article = corpus.articles.iloc[0]
    assert (article["outlet"], f"{article['published']:%Y-%m-%d}", article["author_origin"]) == ("Outlet", "2025-06-04", "unknown")


def test_reading_in_worker_processes_gives_the_same_corpus_and_messages(tmp_path, monkeypatch):
    import mediabrief.corpus as corpus_module

    shutil.copytree(RAW_DIR, tmp_path / "corpus")
    seed = next((tmp_path / "corpus").glob("*.txt")).read_text(encoding="utf-8")
    extra = {
        "copy.txt": seed,  # a duplicate
        "empty.txt": "",
        "latin1.txt": "Caf\xe9 owners said the shield would cost $3 billion over a decade, according to officials.".encode("latin-1"),
        "page.html": "<html><head><title>A page</title></head><body><p>Japan weighs the shield, officials said.</p></body></html>",
    }
    folder = write_corpus(tmp_path / "corpus", extra)
    monkeypatch.setattr(corpus_module, "PARALLEL_READ_MIN_FILES", 2)
    serial, parallel = load_corpus(folder, workers=1), load_corpus(folder, workers=2)
    pd.testing.assert_frame_equal(serial.articles, parallel.articles)
    pd.testing.assert_frame_equal(serial.ingest, parallel.ingest)
    pd.testing.assert_frame_equal(serial.removed, parallel.removed)
    assert {"duplicate", "unreadable", "encoding", "HTML page"} <= set(serial.ingest["kind"]), serial.ingest["kind"].tolist()


def test_a_headline_standing_alone_and_a_masthead_date_are_read_when_metadata_is_silent(tmp_path):
    # Development article 04 opens with its headline, a blank line and "NewsPulse Now | World | May 22, 2025" (read by hand).
    shutil.copy(Path(__file__).parent / "dev_corpus" / "04_paraphrase_kremlin_reaction.txt", tmp_path)
    article = load_corpus(tmp_path).articles.iloc[0]
    assert (article["title"], article["title_origin"]) == (
        "Kremlin softens line on Trump's Golden Dome, calls it Washington's own business",
        "text",
    )
    assert (f"{article['published']:%Y-%m-%d}", article["published_origin"]) == ("2025-05-22", "text")
    assert not article["text"].startswith("Kremlin softens line")


def test_a_date_in_the_page_s_address_dates_it_where_metadata_and_text_are_silent(tmp_path):
    metadata = (
        "file,outlet,url,published,title,author\n"
        "a.txt,A,https://news.example.org/world/2026/05/12/shield-cost-soars/,,,\n"
        "b.txt,B,https://news.example.org/world/2026/05/shield-cost-soars/,,,\n"
        "c.txt,C,https://news.example.org/2026/05/12/shield/,2026-05-13,,\n"
    )
    texts = {"a.txt": "The shield's cost rose.", "b.txt": "Ottawa weighed the offer.", "c.txt": "Tokyo said little."}
    articles = load_corpus(write_corpus(tmp_path, texts, metadata)).articles.set_index("file")
    assert f"{articles.loc['a.txt', 'published']:%Y-%m-%d}" == "2026-05-12" and articles.loc["a.txt", "published_origin"] == "url"
    assert pd.isna(articles.loc["b.txt", "published"])  # a month is no date
    assert f"{articles.loc['c.txt', 'published']:%Y-%m-%d}" == "2026-05-13"  # the metadata first
