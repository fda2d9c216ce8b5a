"""Phrase lists from the codebook, compiled once and found in a text: one regex per list, and a scanner that finds
every list of a stage in one pass over a text.

The stance, frames and voices stages look for many phrase lists (aliases, cue phrases, attribution verbs) in every
sentence; :func:`phrase_spots` tells them where in each sentence a list can match, and :func:`find_all` tries the list's
own regex there only, so the matches are exactly the regex's.

:func:`any_of` joins a list of codebook regexes into one alternation where it can (claim cues, citation markers).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import NamedTuple


def normalise(text: str) -> str:
    """The text with curly single quotes as straight apostrophes, offsets unchanged.

    >>> normalise("Japan’s ‘win-win’")
    "Japan's 'win-win'"
    """
    return text.replace("’", "'").replace("‘", "'")


def alternation(phrases) -> str:
    """Escaped phrases as one regex alternation, longest first (so "US$" wins over "$"), white space inside a phrase
    matching any white space and an apostrophe either apostrophe ("Canada's" finds "Canada’s"); a pattern that matches
    nothing for no phrases.

    >>> re.match(alternation(["$", "US$"]), "US$5").group(0), bool(re.fullmatch(alternation(["per year"]), "per   year"))
    ('US$', True)
    >>> bool(re.fullmatch(alternation(["canada's entry"]), "canada’s entry"))
    True
    """
    unique = sorted({str(p).strip() for p in phrases if str(p).strip()}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+").replace("'", "['’]") for p in unique) or r"(?!x)x"


def phrase_regex(phrases: list[str], whole_word: bool = True, case_sensitive: bool = False) -> re.Pattern:
    """One regex for a list of phrases, longest first, starting at a word (and ending at one if ``whole_word``).

    >>> bool(phrase_regex(["arms race"]).search("a new ARMS RACE")), bool(phrase_regex(["deterr"], False).search("deterrent"))
    (True, True)
    """
    return compile_phrases(phrases, whole_word, case_sensitive).pattern


@dataclasses.dataclass(frozen=True, eq=False)
class Phrases:
    """A list of phrases compiled: the phrases as its regex reads them, and the regex (see :func:`phrase_regex`).

    Compared and hashed by identity, cheaply: a :class:`PhraseScanner` keys the places where each list may match by it.
    """

    phrases: tuple[str, ...]
    pattern: re.Pattern


def compile_phrases(phrases: list[str], whole_word: bool = True, case_sensitive: bool = False) -> Phrases:
    """A list of phrases as :class:`Phrases`, compiled once per list.

    >>> compile_phrases(["arms race", " ", "Arms"]).phrases
    ('arms race', 'Arms')
    """
    return _compile_phrases(tuple(str(p) for p in phrases), whole_word, case_sensitive)


@functools.lru_cache(maxsize=1024)
def _compile_phrases(phrases: tuple[str, ...], whole_word: bool, case_sensitive: bool) -> Phrases:
    # Built once per phrase list: the stages ask for the same few lists for every sentence.
    alternatives = sorted({normalise(p) for p in phrases if p.strip()}, key=len, reverse=True)
    if not alternatives:
        return Phrases((), re.compile(r"(?!x)x"))  # matches nothing
    end = r"(?!\w)" if whole_word else ""
    if case_sensitive:
        # As a trie, the same matches, found faster (a gazetteer's hundred names are tried at every word otherwise).
        # The phrases that can match at one place all start the text there, so they are prefixes of one another; the
        # trie tries the longer first, as the alternation does.
        return Phrases(tuple(alternatives), re.compile(rf"(?<!\w)(?:{_trie_regex(set(alternatives))}){end}"))
    return Phrases(tuple(alternatives), re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(p) for p in alternatives)}){end}", re.IGNORECASE))


# --- Finding several phrase lists in one pass --------------------------------------------------------------------------
#
# Python's re tries a long alternation at every position of a text, and with IGNORECASE it tries every alternative
# there: one list's regex over the 1,000-article corpus took longer than the rest of its stage. A scanner instead
# looks for all the lists of a stage at once, in the lower-cased text, with a regex re can skip through quickly: a
# trie of the lower-cased phrases after a non-word character. The places it finds are a superset of where each list's
# own regex matches (every regex of :func:`compile_phrases` starts with one of its phrases after a non-word
# character), and the list's own regex is then tried there, and only there, so the matches are exactly its matches.

# Lower-casing is re's case folding, character for character, in a text whose letters with a case are all ASCII: the
# phrases stay where they were, and a case-insensitive match is an exact match of the lower-cased phrase. Other texts
# (a "ß", a Greek sigma) and other phrases are read with each list's own regex everywhere.
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")
_WORD_CHAR_RE = re.compile(r"\w")


class PhraseScanner(NamedTuple):
    """Several :class:`Phrases` compiled to be found together (see :func:`phrase_scanner`).

    ``probe`` finds, in " " + a lower-cased text, each non-word character followed by a phrase of some list, and
    captures the longest phrase there; ``lists_at`` maps that phrase to the lists with a phrase it starts with, the only
    lists that can match there. No probe: a phrase has a letter with a case outside ASCII, and every list is tried
    everywhere.
    """

    probe: re.Pattern | None
    lists_at: dict[str, tuple[Phrases, ...]]


def phrase_scanner(lists: list[Phrases]) -> PhraseScanner:
    """Compile phrase lists to be found together, by :func:`phrase_spots`.

    >>> arms, race = compile_phrases(["arms"]), compile_phrases(["arms race", "race"], whole_word=False)
    >>> sorted(len(lists) for lists in phrase_scanner([arms, race]).lists_at.values())  # arms; arms race; race
    [1, 1, 2]
    """
    return _phrase_scanner(tuple(dict.fromkeys(lists)))


@functools.lru_cache(maxsize=64)
def _phrase_scanner(lists: tuple[Phrases, ...]) -> PhraseScanner:
    # Built once per codebook: the key is the lists themselves, which the stage's rules hold.
    lowered = {phrases: {p.lower() for p in phrases.phrases} for phrases in lists}
    every = set().union(*lowered.values())
    if not all(_case_is_ascii(phrase) for phrase in every):
        return PhraseScanner(None, {})
    lists_at = {
        longest: tuple(phrases for phrases, own in lowered.items() if any(longest[:n] in own for n in range(1, len(longest) + 1)))
        for longest in every
    }
    probe = re.compile(rf"\W(?=({_trie_regex(every)}))") if every else re.compile(r"(?!x)x")
    return PhraseScanner(probe, lists_at)


def _case_is_ascii(text: str) -> bool:
    """Whether every letter of a text that has a case is ASCII: then lower-casing it is what re.IGNORECASE does.

    >>> _case_is_ascii("Japan’s “win-win” – 3%"), _case_is_ascii("Straße")
    (True, False)
    """
    return text.isascii() or all(char.lower() == char == char.upper() for char in set(_NON_ASCII_RE.findall(text)))


def _trie_regex(phrases: set[str]) -> str:
    """A regex matching the longest of some phrases that starts a text, as a trie: re need not try them one by one.

    >>> re.match(_trie_regex({"arm", "arms race", "art"}), "arms races").group(0)
    'arms race'
    """
    root: dict = {}
    for phrase in phrases:
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}  # a phrase ends here
    return _trie_node(root)


def _trie_node(node: dict) -> str:
    """The regex of a trie node: one branch per next character; optional (greedy, so longest first) if a phrase ends here."""
    branches = [re.escape(char) + _trie_node(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body


Spots = dict[Phrases, list[int]]


def phrase_spots(scanner: PhraseScanner, text: str, spans: list[tuple[int, int]]) -> list[Spots | None]:
    """For each span [start, end) of a text (in order, not overlapping), where each of the scanner's lists may match in
    it, counted from the span's start.

    A list missing from a span's spots matches nowhere in it. A span gets None, and its lists must be tried everywhere,
    if the text has a letter with a case outside ASCII or if the span starts right after a word character: read on its
    own, a phrase could match at its start, where the scan of the whole text rightly sees none.

    >>> arms_race = compile_phrases(["arms race"])
    >>> [spots[arms_race] for spots in phrase_spots(phrase_scanner([arms_race]), "No ARMS RACE. Arms race.", [(0, 13), (14, 24)])]
    [[3], [0]]
    """
    if scanner.probe is None or not _case_is_ascii(text):
        return [None] * len(spans)
    spots: list[Spots | None] = [{} for _ in spans]
    for after_word in _WORD_CHAR_RE.finditer("".join([text[start - 1] if start else " " for start, _ in spans])):
        spots[after_word.start()] = None
    # The loop runs once per phrase found, so it makes as few calls as it can: the spans are walked, not bisected.
    probed = " " + text.lower()  # a phrase at the text's start also follows a non-word character
    i = 0
    for hit in scanner.probe.finditer(probed):
        (position, _), (phrase_start, phrase_end) = hit.regs  # the non-word character is at the phrase's position in the text
        while i < len(spans) and spans[i][1] <= position:
            i += 1
        if i == len(spans):
            break
        start, at = spans[i][0], spots[i]
        if position < start or at is None:
            continue
        for phrases in scanner.lists_at[probed[phrase_start:phrase_end]]:
            if phrases in at:
                at[phrases].append(position - start)
            else:
                at[phrases] = [position - start]
    return spots


def find_all(phrases: Phrases, text: str, spots: Spots | None, start: int = 0, end: int | None = None) -> list[re.Match]:
    """The matches of ``phrases.pattern.finditer(text, start, end)``; with spots (from ``start``), tried only there.

    >>> arms = compile_phrases(["arms"])
    >>> [m.start() for m in find_all(arms, "Arms, arms.", None)], [m.start() for m in find_all(arms, "Arms, arms.", {arms: [6]})]
    ([0, 6], [6])
    """
    end = len(text) if end is None else end
    if spots is None:
        return list(phrases.pattern.finditer(text, start, end))
    found = []
    resume = start  # where finditer would go on looking: matches do not overlap
    for position in spots.get(phrases, ()):
        position += start
        if position >= resume and (match := phrases.pattern.match(text, position, end)):
            found.append(match)
            resume = match.end()
    return found


def find_any(phrases: Phrases, text: str, spots: Spots | None) -> bool:
    """Whether ``phrases.pattern.search(text)`` finds anything; with spots, tried only there."""
    if spots is None:
        return phrases.pattern.search(text) is not None
    return any(phrases.pattern.match(text, position) for position in spots.get(phrases, ()))


@functools.lru_cache(maxsize=1024)
def any_of(patterns: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    """Case-insensitive patterns, one of which matches where any of ``patterns`` does: usually one alternation.

    The patterns stay apart when they cannot share one expression unchanged: with groups (a back-reference would
    point elsewhere) or a global flag, which Python allows only at the start.

    >>> [p.pattern for p in any_of(("cost", "price"))], len(any_of((r"(a)\\1", "b")))
    (['(?:cost)|(?:price)'], 2)
    """
    # Compiled one by one first, so that a bad pattern raises its own error.
    each = tuple(re.compile(p, re.IGNORECASE) for p in patterns)
    if len(each) < 2 or any(p.groups for p in each):
        return each
    try:
        return (re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE),)
    except re.error:
        return each
