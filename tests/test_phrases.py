"""Phrase lists: one regex per list, and the scanner that finds a stage's lists in one pass with the same matches."""

from __future__ import annotations

import itertools
import re

from mediabrief.phrases import compile_phrases, find_all, normalise, phrase_scanner, phrase_spots
from mediabrief.textutils import split_sentences


def matches_found_by_scanning(phrases, text: str, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Per span, the matches of a phrase list in the span read on its own, found the scanner's way."""
    spots = phrase_spots(phrase_scanner([phrases]), normalise(text), spans)
    return [[m.span() for m in find_all(phrases, normalise(text)[a:b], at)] for (a, b), at in zip(spans, spots, strict=True)]


def test_scanning_finds_what_each_regex_finds():
    # Case, words that only start with a phrase, the longest phrase first, a sentence right after a word character, a
    # phrase running past a sentence's end, and a text whose case re folds otherwise than str.lower ("ſ" is an "s").
    lists = [
        compile_phrases(["arms race", "arms", "race"]),
        compile_phrases(["arms race", "arm"], whole_word=False),
        compile_phrases(["Arms"], case_sensitive=True),
    ]
    texts = ["ARMS RACE, arms-races; Arms racer. xarms race", "It armed the ARMS. race on", "A new arms raſe. Arms race"]
    for text, phrases in itertools.product(texts, lists):
        for spans in ([(0, 9), (9, len(text))], [(s.start, s.end) for s in split_sentences(text)]):
            expected = [[m.span() for m in phrases.pattern.finditer(normalise(text)[a:b])] for a, b in spans]
            assert matches_found_by_scanning(phrases, text, spans) == expected, (text, phrases.phrases, spans)


def test_a_text_with_non_ascii_case_is_read_with_each_regex():
    arms = compile_phrases(["arms race"])
    assert phrase_spots(phrase_scanner([arms]), "Straße: ARMS RACE.", [(0, 18)]) == [None]
    assert [m.group(0) for m in find_all(arms, "Straße: ARMS RACE.", None)] == ["ARMS RACE"]


def test_case_sensitive_lists_match_as_an_alternation_longest_first_does():
    # The gazetteer's kind of list: names that start other names, dots and apostrophes, a name inside a longer word,
    # and (whole_word=False) a prefix that a longer name extends.
    names = ["Japan", "Japan Today", "Japanese", "U.S.", "US", "U.S. Space Force", "Japan's Ministry of Foreign Affairs", "Ishiba"]
    text = (
        "Japan Today: Japan's Ministry of Foreign Affairs and Japan's envoy. Japanese US-U.S. talks; "
        "the U.S. Space Forces, U.S. Space Force, USS Japanx Ishiba's Japan Todays Ishibas"
    )
    for whole_word in (True, False):
        end = r"(?!\w)" if whole_word else ""
        alternation = re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(n) for n in sorted(names, key=len, reverse=True))}){end}")
        found = [m.span() for m in compile_phrases(names, whole_word=whole_word, case_sensitive=True).pattern.finditer(text)]
        assert found == [m.span() for m in alternation.finditer(text)], whole_word
        assert len(found) >= 10
