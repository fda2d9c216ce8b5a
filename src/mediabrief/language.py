"""Each article's language, for a whole corpus at once.

py3langid (its model ships in its package) reads a text by walking its bytes through a state machine, one Python step
per byte, then scores the features it met. That walk is most of the cost of loading a corpus. Here the same machine
walks every text of a batch together: one numpy step per byte position, for all texts at once. The features, and so the
languages, are py3langid's own; only the order in which the scores are summed differs (tests/test_language.py checks the
labels against ``py3langid.classify``).
"""

from __future__ import annotations

import io
import itertools
import lzma
import re
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from functools import lru_cache

import numpy as np
from scipy import sparse

from .textutils import WORD_RE

UNDETERMINED = "und"  # ISO 639-2 for "undetermined": too short to tell
MIN_WORDS_FOR_LANGUAGE = 20
LANGUAGE_SAMPLE_CHARS = 800
# Letters of scripts written without spaces between words: Thai, Lao, Myanmar, Khmer, kana and CJK ideographs.
UNSPACED_LETTER = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Texts walked together: enough that each numpy step does real work, few enough that the byte matrix stays small.
BATCH_TEXTS = 4096


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


# The arrays of py3langid's model file, in the order its LanguageIdentifier takes them (modelio.load_model).
MODEL_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


class _Model:
    """py3langid's identifier, with its state machine as numpy arrays."""

    def __init__(self) -> None:
        from py3langid import langid  # loaded on first use

        # py3langid's own loader (modelio.load_model) decompresses the model 8 KB at a time, taking the interpreter's
        # lock back after each piece: in a background thread it would crawl while the files are read. Decompressed in
        # one call, the same model loads beside them (tests/test_language.py checks it is py3langid's).
        packed = (langid.MODEL_DIR / langid.MODEL_FILE).read_bytes()
        with np.load(io.BytesIO(lzma.decompress(packed)), allow_pickle=False) as data:
            ptc, pc, classes, next_state, state_row, feature = (data[name] for name in MODEL_ARRAYS)
        # As py3langid makes it, so that its own methods work too (it shifts the rows' ints: they must not be uint16).
        self.identifier = langid.LanguageIdentifier(ptc, pc, classes.tolist(), next_state, feature.tolist(), tk_row=state_row.tolist())
        self.encode = self.identifier._encode  # upper-case texts lowered, NFC, UTF-8: as classify reads a str
        self.next_state = next_state
        self.row_start = state_row.astype(np.int64) << 8
        self.feature = feature.astype(np.int64)
        self.floor = langid.RAW_FLOOR


def _model() -> _Model:
    return start_loading_model().result()


@lru_cache(maxsize=1)
def start_loading_model() -> Future:
    """py3langid's model, loading in a background thread from the first call on (later calls return the same future).

    :func:`mediabrief.corpus.load_corpus` starts it before it reads the files, and finds it loaded (most of the half
    second it takes is decompression, which leaves the interpreter to the other thread).
    """
    future: Future = Future()

    def load() -> None:
        try:
            future.set_result(_Model())
        except BaseException as error:  # raised again where the model is needed
            future.set_exception(error)

    threading.Thread(target=load, name="py3langid model", daemon=True).start()
    return future


def _classify(samples: Sequence[str]) -> list[str]:
    model = _model()
    identifier = model.identifier
    encoded = [model.encode(sample) for sample in samples]
    labels: list[str] = []
    for start in range(0, len(encoded), BATCH_TEXTS):
        batch = encoded[start : start + BATCH_TEXTS]
        best = _scores(model, _feature_counts(model, batch)).argmax(axis=1)
        labels.extend(identifier.nb_classes[i] for i in best.tolist())
    return labels


def _feature_counts(model: _Model, texts: list[bytes]) -> sparse.csr_matrix:
    """How often each text meets each feature on its walk: py3langid's ``visit_counts`` for every text together."""
    lengths = np.array([len(text) for text in texts])
    longest_first = np.argsort(-lengths, kind="stable")
    # One row per byte position, one column per text (longest first), so the texts still walking are a prefix.
    by_position = np.zeros((int(lengths.max(initial=0)), len(texts)), dtype=np.uint8)
    for column, row in enumerate(longest_first.tolist()):
        by_position[: lengths[row], column] = np.frombuffer(texts[row], dtype=np.uint8)
    walking_until = lengths[longest_first]
    state = np.zeros(len(texts), dtype=np.int64)
    visitors, features = [], []
    walking = len(texts)
    for position, letters in enumerate(by_position):
        while walking and walking_until[walking - 1] <= position:
            walking -= 1
        step = model.next_state[model.row_start[state[:walking]] + letters[:walking]]
        state[:walking] = step
        met = model.feature[step]
        hit = np.flatnonzero(met >= 0)
        visitors.append(longest_first[hit])
        features.append(met[hit])
    visitors_all = np.concatenate(visitors) if visitors else np.zeros(0, dtype=np.int64)
    features_all = np.concatenate(features) if features else np.zeros(0, dtype=np.int64)
    # Converted to CSR, a feature met several times by a text becomes one entry: its count.
    return sparse.coo_matrix(
        (np.ones(len(visitors_all), dtype=np.float32), (visitors_all, features_all)),
        shape=(len(texts), len(model.feature)),
    ).tocsr()


def _scores(model: _Model, counts: sparse.csr_matrix) -> np.ndarray:
    """py3langid's raw naive-Bayes score of each text for each language (``_raw_score``, then ``_decide``)."""
    identifier = model.identifier
    used = np.unique(counts.indices)
    # Only the features some text met: the full table is 100,000 rows of float16.
    table = np.asarray(identifier.nb_ptc[used], dtype=np.float32)
    columns = np.searchsorted(used, counts.indices)
    weights = sparse.csr_matrix((np.log1p(counts.data), columns, counts.indptr), shape=(counts.shape[0], len(used)))
    scores = np.asarray(weights @ table, dtype=np.float32) + identifier.nb_pc
    scores[np.diff(counts.indptr) == 0] = model.floor  # no feature met: py3langid's floor for every language
    # Labels that appear twice (a language in two scripts): the first column keeps the better score.
    for first, dupe in identifier._alias_pairs:
        scores[:, first] = np.maximum(scores[:, first], scores[:, dupe])
        scores[:, dupe] = model.floor
    return scores
