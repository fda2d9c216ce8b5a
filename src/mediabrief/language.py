"""Each article's language, with py3langid (its model ships in its package), read from a paragraph or two."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from .textutils import WORD_RE

UNDETERMINED = "und"  # ISO 639-2 for "undetermined": too short to tell
MIN_WORDS_FOR_LANGUAGE = 20
LANGUAGE_SAMPLE_CHARS = 800
# Letters of scripts written without spaces between words: Thai, Lao, Myanmar, Khmer, kana and CJK ideographs.
UNSPACED_LETTER = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def detect_languages(texts: Sequence[str]) -> list[str]:
    """Each text's language as an ISO 639-1 code, or 'und' if it has fewer than 20 words (see :func:`_has_enough_words`).

    >>> detect_languages(["Japan is exploring support for the missile-defense project, according to a report this "
    ...                   "week in a Japanese financial newspaper, which cited people familiar with the talks.",
    ...                   "Too short."])
    ['en', 'und']
    """
    long_enough = [_has_enough_words(text) for text in texts]
    # A paragraph or two tells the language as well as the whole text, at a fraction of the cost.
    samples = [text[:LANGUAGE_SAMPLE_CHARS] for text, enough in zip(texts, long_enough, strict=True) if enough]
    labels = iter(_classify(samples)) if samples else iter(())
    return [next(labels) if enough else UNDETERMINED for enough in long_enough]


def detect_language(text: str) -> str:
    """One text's language (:func:`detect_languages` for a single text).

    >>> detect_language("Too short.")
    'und'
    """
    return detect_languages([text])[0]


def is_english(language: str) -> bool:
    """Whether analyses that assume English should read a text of this detected language ('und' counts as English).

    >>> is_english("en"), is_english("und"), is_english("es")
    (True, True, False)
    """
    return language in ("en", UNDETERMINED)


def _has_enough_words(text: str) -> bool:
    """Whether the text has 20 words; in scripts written without spaces (Chinese, Japanese, Thai...), where a run of
    letters is a whole clause, each character counts as a word.

    >>> _has_enough_words("市議会は火曜日の夜に新しいバス路線について話し合った。"), _has_enough_words("Too short.")
    (True, False)
    """
    # Counting stops at the threshold: the length of a long text does not matter here.
    runs = [match.group() for match in itertools.islice(WORD_RE.finditer(text), MIN_WORDS_FOR_LANGUAGE)]
    if len(runs) == MIN_WORDS_FOR_LANGUAGE:
        return True
    return sum(len(UNSPACED_LETTER.findall(run)) or 1 for run in runs) >= MIN_WORDS_FOR_LANGUAGE


def _classify(samples: Sequence[str]) -> list[str]:
    """py3langid's label of each sample (its public ``classify``; the model loads on the first call, half a second)."""
    from py3langid import classify

    return [classify(sample)[0] for sample in samples]
