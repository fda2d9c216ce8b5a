"""Money mentions: every amount of money an article states, parsed, with what it is the price of and who says so.

Figures are found by regular expressions that know how money is written in English news (currency signs and words,
"billion"/"bn"/"B", ranges, "hundreds of billions"); that is language, so it lives here. What the figures are about
(cost words, pledges, actors) is topic knowledge and comes from the codebook's ``money`` section
(``data/codebook/money.yaml``, which documents the rules). Only the sentence holding a figure is read.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

import numpy as np
import pandas as pd

from . import attribution
from .codebook import CodebookError
from .phrases import alternation as _alternation
from .textutils import Sentence, article_sentences, fold_case, split_sentences

money_table_columns = [
    "article_id",
    "file",
    "surface",
    "start",
    "end",
    "currency",
    "amount_usd",
    "amount_low_usd",
    "amount_high_usd",
    "is_range",
    "is_vague",
    "hedge",
    "horizon_years",
    "per_year_usd",
    "referent",
    "referent_cue",  # the words that say what the figure covers ("per satellite", "invest up to"); "" where only its size does
    "attributed_to",
    "sentence",
]
DISTINCT_COLUMNS = ["amount_low_usd", "amount_high_usd", "referent", "amount", "n_mentions", "n_outlets", "outlets", "attributions"]
DISCREPANCY_COLUMNS = [
    "kind",
    "amount",
    "referent",
    "attributed_to",
    "outlet_a",
    "value_a",
    "sentence_a",
    "outlet_b",
    "value_b",
    "sentence_b",
    "detail",
]
OTHER, UNATTRIBUTED = "other", "unattributed"

# --- How amounts are written (language, not topic) ---------------------------------------------------------------------

SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SCALE_ABBREVIATIONS = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "t": 1e12,
    "tn": 1e12,
    "trn": 1e12,
    "trln": 1e12,
    "tln": 1e12,
}
# A bare "$" is read as US dollars: the corpus is US and international English-language news. "¥" is read as yen.
PREFIX_CURRENCIES = {
    "$": "USD",
    "US$": "USD",
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "HK$": "HKD",
    "NZ$": "NZD",
    "S$": "SGD",
    "R$": "BRL",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₩": "KRW",
    "₹": "INR",
    "RMB": "CNY",
}
ISO_CODES = ["USD", "EUR", "GBP", "JPY", "CNY", "RMB", "CAD", "AUD", "KRW", "INR", "CHF"]
WORD_CURRENCIES = {
    "dollar": "USD",
    "euro": "EUR",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "won": "KRW",
    "pound": "GBP",
    "pounds sterling": "GBP",
    "rupee": "INR",
    "canadian dollar": "CAD",
    "australian dollar": "AUD",
}
# Words that are also ordinary English ("Japan won", "500 pounds" of weight) count as money only with a scale word.
AMBIGUOUS_WORDS = {"won", "pound"}
NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen"
        " eighteen nineteen".split()
    )
} | {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
# Vague magnitudes: "billions" spans one order of magnitude from a billion, "tens of" and "hundreds of" the next ones up.
VAGUE_MULTIPLIERS = {None: 1.0, "tens": 10.0, "dozens": 10.0, "hundreds": 100.0}


# 1,200.5 or 175, never part of 1.2.3; "24,5 billion" is a decimal comma (European writing) only right before a scale
_NUM = r"(?:\d{1,3},\d{1,2}(?=\s?(?:thousand|million|billion|trillion)\b)|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![.,]?\d)"
# "and" joins the words of one number only after "hundred" ("one hundred and sixty-one"); elsewhere it joins two
# numbers ("between one hundred sixty-one and five hundred forty-two billion").
_WORD_NUM = rf"(?:{_alternation(NUMBER_WORDS)})(?:(?:[\s-]+|(?<=hundred)\s+and\s+)(?:{_alternation(NUMBER_WORDS)}|hundred))*(?!\w)"
# "a billion", "half a billion", "half-a-trillion", only before a scale
_ARTICLE_NUM = r"(?:half[\s-]+an?|an?)(?=[\s-]+(?:thousand|million|billion|trillion)\b)"
# "a quarter of a trillion", "three-quarters of a trillion", "two-thirds of a billion": a fraction of one scale
_FRACTION_NUM = r"(?:an?|one|two|three)[\s-](?:quarters?|thirds?)\s+of\s+an?(?=\s+(?:thousand|million|billion|trillion)\b)"
# "seventeen and a half billion", "3 and a half trillion"
_AND_A_HALF = r"\s+and\s+a\s+half(?=\s+(?:thousand|million|billion|trillion)\b)"
_PREFIX = rf"(?:(?<!\w)(?:{_alternation(k for k in PREFIX_CURRENCIES if k[0].isalpha())}|U\.S\.\s?\$)"
# "$US25 billion", "$A1 billion" (Australian and New Zealand outlets write the code after the sign)
_PREFIX += r"|(?<![\w$])\$(?:US|A)(?=\s?\d)|(?<![\w$])[$€£¥₩₹]"
# "USD$175 billion", "AUD $248.65 billion", "USD 5 billion"
_PREFIX += rf"|(?<!\w)(?:{_alternation(ISO_CODES)})(?:\s?\$(?=\d)|(?=\s?\d)))\s?"
_CURRENCY_WORD = rf"(?:(?:US|U\.S\.|American)\s+dollars?|(?:{_alternation(WORD_CURRENCIES)})s?|{_alternation(ISO_CODES)})(?!\w)"
_MAGNITUDE = r"(?:thousands|millions|billions|trillions)"


def _scale(tag: str) -> str:
    """A scale after a number: a word after a space or a hyphen ("175 billion", "a $175-billion project"), or an
    abbreviation ("175B", "3bn", "3 bn")."""
    multi = _alternation(a for a in SCALE_ABBREVIATIONS if len(a) > 1)
    single = _alternation(a for a in SCALE_ABBREVIATIONS if len(a) == 1)
    return (
        rf"(?:(?:\s+|-|(?<=\d))(?P<{tag}w>thousand|million|billion|trillion)(?!\w)|\s?(?P<{tag}m>{multi})(?!\w)|(?P<{tag}a>{single})(?!\w))"
    )


POINT_RE = re.compile(
    rf"(?P<c>{_PREFIX})?(?P<n>{_FRACTION_NUM}|(?:{_NUM}|{_WORD_NUM})(?:{_AND_A_HALF})?|{_ARTICLE_NUM}){_scale('s')}?"
    rf"(?:(?:\s+|-)(?P<w>{_CURRENCY_WORD}))?",  # "175 billion dollars", "a 175-billion-dollar system"
    re.IGNORECASE,
)
RANGE_RE = re.compile(
    rf"(?:(?P<between>between)\s+)?(?P<c1>{_PREFIX})?(?P<n1>{_NUM}|{_WORD_NUM}){_scale('s1')}?\s*(?P<sep>-|–|—|(?:up\s+)?to|and)\s*"
    # (a hedge on the high end: "$400 billion to as much as $1 trillion", "$161 billion to over $830 billion")
    r"(?:(?<=to)\s*(?:as\s+(?:much|high)\s+as|over|more\s+than|nearly|almost|about|roughly|around|perhaps|possibly|potentially)\s+)?"
    rf"(?P<c2>{_PREFIX})?(?P<n2>{_NUM}|{_WORD_NUM}){_scale('s2')}?(?:\s+(?P<w>{_CURRENCY_WORD}))?",
    re.IGNORECASE,
)
VAGUE_RE = re.compile(
    rf"(?:(?P<m1>tens|dozens|hundreds)\s+of\s+)?(?P<g1>{_MAGNITUDE})"
    rf"(?:,?\s+(?:if\s+not|or\s+even|or\s+possibly|or\s+perhaps|perhaps\s+even|or|to)\s+(?:(?P<m2>tens|dozens|hundreds)\s+of\s+)?"
    # (whose money it is between: "hundreds of billions of taxpayer dollars")
    rf"(?P<g2>{_MAGNITUDE}))?\s+of\s+(?:(?:taxpayer|taxpayers['’]|public|federal)\s+)?(?P<w>{_CURRENCY_WORD})"
    rf"|(?P<few>several|a\s+few|a\s+couple\s+of)\s+(?P<fs>thousand|million|billion|trillion)\s+(?P<fw>{_CURRENCY_WORD})"
    # "a trillion-dollar mistake", "the multibillion-dollar project": an adjective of size
    # (with a fraction or a hundred: "a half-trillion-dollar boondoggle", "a multi-hundred-billion-dollar project"; any
    # hyphen, the non-breaking one too; a space before "dollar" only after "multi-": "a multi-billion dollar system")
    r"|(?<![\w-])(?P<multi>multi[-‐‑]?)?(?P<part>half[-‐‑]|hundred[-‐‑])?(?P<adj>billion|trillion)"
    r"(?:[-‐‑]|(?<=[-‐‑i]billion) |(?<=[-‐‑i]trillion) )dollar(?![\w-])",
    re.IGNORECASE,
)
_HORIZON_AFTER_RE = re.compile(
    r"\b(?:over|across|during|within|in|for)\s+(?:the\s+course\s+of\s+|the\s+span\s+of\s+)?(?:the\s+)?(?:next\s+|coming\s+|following\s+|first\s+)?"
    rf"(?P<n>\d+|{_alternation(NUMBER_WORDS)}|an?)\s+(?P<u>years?|decades?)\b",
    re.IGNORECASE,
)
# (not an age: "in its six-year history", "a 20-year-old treaty", "a 10-year veteran")
_HORIZON_BEFORE_RE = re.compile(
    rf"\b(?P<n>\d+|{_alternation(NUMBER_WORDS)})[\s-](?P<u>year|decade)\b(?![\s-](?:history|old|veteran|career|record|tenure))",
    re.IGNORECASE,
)
_PER_YEAR_RE = re.compile(r"^\s*(?:(?:a|per|each|every)\s+year|annually|yearly|/\s*(?:yr|year))\b", re.IGNORECASE)
# An aside that describes a noun (", which is estimated to cost $X,") does not carry the main clause's speaker.
_ASIDE_RE = re.compile(r"[,(—–]\s*(?:which|who|whose)\b", re.IGNORECASE)
_POSSESSIVE_RE = re.compile(r"['’]s?(?!\w)")
_ASIDE_END_RE = re.compile(r"[,)—–]")
_TOKEN_RE = re.compile(r"\S+")
_PREFIX_NOISE_RE = re.compile(r"[\s.]")  # "U.S. $" is "US$"
_SPACES_RE = re.compile(r"\s+")
_US_DOLLAR_RE = re.compile(r"(?:us|u\.s\.|american) dollar")


class Amount(NamedTuple):
    """A parsed amount in its own currency: a point has low == high."""

    currency: str
    low: float
    high: float
    is_range: bool = False
    is_vague: bool = False


class Found(NamedTuple):
    """An amount found in a text, with its character span."""

    start: int
    end: int
    amount: Amount


def parse_amount(text: str) -> Amount | None:
    """The first amount of money written in a text, or None.

    >>> parse_amount("more than $3 billion")
    Amount(currency='USD', low=3000000000.0, high=3000000000.0, is_range=False, is_vague=False)
    """
    found = find_amounts(text)
    return found[0].amount if found else None


_CHANGE_RE = re.compile(r"\bby\s+$", re.IGNORECASE)
# A sum that moved from one level to another: "set to grow from $630 billion to $1.8 trillion", "swing from $175B to $3.6T"
_MOVED_FROM_RE = re.compile(
    r"\b(?:grow|grows|grew|grown|rise|rises|rose|risen|increase[sd]?|jump(?:s|ed)?|climb(?:s|ed)?|fall|falls|fell|drop(?:s|ped)?|"
    r"swing(?:s)?|swung|go|goes|went|gone|soar(?:s|ed)?|balloon(?:s|ed)?|expand(?:s|ed)?|shrink(?:s)?|shrank)\s+from\s+$",
    re.IGNORECASE,
)
# A magnitude without "of dollars" ("would cost tens of billions more", "appropriating billions for the project") is
# money where a verb of spending or costing governs it or money words follow it; elsewhere it may count anything
# ("billions of people").
_BARE_MAGNITUDE_RE = re.compile(r"(?:(?P<m1>tens|dozens|hundreds)\s+of\s+)?(?P<g1>billions|trillions)(?![\w-])(?!\s+of\b)", re.IGNORECASE)
_MONEY_VERB_BEFORE_RE = re.compile(
    r"(?i)\b(?:costs?|costing|spends?|spending|spent|invest(?:s|ed|ing)?|funnel(?:s|ed|led|ing)?|pour(?:s|ed|ing)?|"
    r"appropriat\w+|allocat\w+|worth|pays?|paid|paying|request\w*|sought|seek(?:s|ing)?|drive|channel\w*|earmark\w*|"
    r"sav(?:e|es|ed|ing))\s+(?:(?:about|roughly|nearly|almost|around|another|additional|at\s+least|well\s+over|over|more\s+than|up\s+to|"
    r"as\s+much\s+as|upwards\s+of|an\s+estimated)\s+)?$"
)
# A number with a scale word but no currency ("cost up to half a trillion", "Seventy-one billion they're going to
# pay") is money where a verb of spending or costing governs it, as for a bare magnitude.
_SCALE_WORD_RE = re.compile(r"(?i)(?<![\w-])(?:billion|trillion)(?![\w-])(?!\s*(?:dollars?|yen|euros?|pounds?|of)\b)")
_NUMBER_BEFORE_RE = re.compile(rf"(?i)(?:(?<![\w$€£¥.,]){_NUM}|(?<![\w-])(?:{_WORD_NUM}|half[\s-]+an?|an?))\s+$")
_PAY_AFTER_RE = re.compile(r"(?i)\s+(?:[\w'’]+\s+){0,4}?(?:to\s+)?(?:pay|paying|cost|costing|spend|spending)\b")
# "will cost in the trillions", "estimates running well into the trillions", "costs that run into the hundreds of
# billions": a magnitude a cost reaches
_IN_THE_MAGNITUDE_RE = re.compile(
    r"(?i)(?<![\w-])in(?:to)?\s+the\s+(?:(?P<m1>tens|hundreds)\s+of\s+)?(?P<g1>billions|trillions)(?![\w-])(?!\s+of\b)"
)
_COST_BEFORE_RE = re.compile(
    r"(?i)\b(?:cost|costs|costing|price|price\s+tag|tab|bill|run|runs|running|ran|reach\w*|climb\w*|soar\w*|spend\w*|spent|estimates?)"
    r"(?:\s+[\w-]+){0,2}\s+$"
)
_MONEY_WORDS_AFTER_RE = re.compile(
    r"(?i)\s+(?:more\s+(?:to\s+|in\s+|on\s+|likely\s+|over\b|if\b|than\b|,)|in\s+(?:\w+\s+){0,2}(?:funding|spending|investment|contracts|revenue)\b|"
    r"for\s+(?:a|an|the|its|this)\s+(?:\w+\s+){0,2}(?:dome|shield|project|program|programme|system)\b)"
)


def _bare_scaled_numbers(text: str) -> list[Found]:
    """Numbers with a scale word and no currency that the words around them make money (US dollars)."""
    found = []
    for scale in _SCALE_WORD_RE.finditer(text):
        number = _NUMBER_BEFORE_RE.search(text, max(0, scale.start() - 40), scale.start())
        value = _number(number.group(0)) if number else None
        if value is None or re.search(r"[$€£¥]\s?$|\b(?:US|USD|C|A)\s?$", text[max(0, number.start() - 4) : number.start()]):
            continue
        if _MONEY_VERB_BEFORE_RE.search(text, max(0, number.start() - 40), number.start()) or _PAY_AFTER_RE.match(text, scale.end()):
            amount = _value(value, SCALES[scale.group(0).lower()])
            found.append(Found(number.start(), scale.end(), Amount("USD", amount, amount)))
    for match in _IN_THE_MAGNITUDE_RE.finditer(text):
        if _COST_BEFORE_RE.search(text, max(0, match.start() - 40), match.start()):
            low = VAGUE_MULTIPLIERS[_lower(match.group("m1"))] * SCALES[match.group("g1").lower()[:-1]]
            found.append(Found(match.start(), match.end(), Amount("USD", low, 10 * low, is_vague=True)))
    return found


def _bare_magnitudes(text: str, starts: list[int]) -> list[Found]:
    """Vague magnitudes written without a currency that the words around them make money (US dollars)."""
    found = []
    for match in _finditer(_BARE_MAGNITUDE_RE, text, starts):
        before = _MONEY_VERB_BEFORE_RE.search(text, max(0, match.start() - 40), match.start())
        if before or _MONEY_WORDS_AFTER_RE.match(text, match.end()):
            low = VAGUE_MULTIPLIERS[_lower(match.group("m1"))] * SCALES[match.group("g1").lower()[:-1]]
            found.append(Found(match.start(), match.end(), Amount("USD", low, 10 * low, is_vague=True)))
    return found


def find_amounts(text: str) -> list[Found]:
    """Every amount of money in a text, in reading order; where two readings overlap, the one starting first and
    then the longer wins (so a range beats the points inside it).

    >>> [(f.start, f.end, f.amount.high) for f in find_amounts("It cost $175-831 billion, or ¥5 trillion.")]
    [(8, 24, 831000000000.0), (29, 40, 5000000000000.0)]
    """
    if not isinstance(text, str):
        return []
    starts = _starts(text)
    candidates = []
    for kind, pattern, reader in (("vague", VAGUE_RE, _read_vague), ("range", RANGE_RE, _read_range), ("point", POINT_RE, _read_point)):
        for match in _finditer(pattern, text, starts[kind]):
            found = reader(match)
            # A reading across a line break is two lines' words, not an amount: sentences end at line breaks.
            if found and math.isfinite(found.amount.high) and found.end > found.start and "\n" not in text[found.start : found.end]:
                if (
                    kind == "range"
                    and (
                        _CHANGE_RE.search(text, max(0, found.start - 5), found.start)
                        or _MOVED_FROM_RE.search(text, max(0, found.start - 30), found.start)
                    )
                    and " to " in text[found.start : found.end]
                ):
                    continue  # "rose by $10 billion to $185 billion", "set to grow from $630 billion to $1.8 trillion": two figures
                candidates.append(found)
    candidates += _bare_magnitudes(text, starts["vague"]) + _bare_scaled_numbers(text)
    kept: list[Found] = []
    for found in sorted(candidates, key=lambda f: (f.start, f.start - f.end)):
        if not kept or found.start >= kept[-1].end:
            kept.append(found)
    return kept


# Trying the patterns above at every character is slow (case-insensitive alternations, lookbehinds), and almost no
# character of an article begins an amount. So cheap patterns first find every place where each could begin (a digit, a
# currency sign, or a currency code, number word, "between", "billions", ...) and it is tried only there. There is one
# such pattern per first letter: a pattern that begins with a fixed character lets the regex engine skip others in C.

# Currency signs and codes before a number: "US$", "RMB", "U.S. $", "USD 5".
_PREFIX_WORDS = [
    *(re.escape(k.lower()) for k in PREFIX_CURRENCIES if k[0].isalpha()),
    r"u\.s\.\s?\$",
    *(rf"{code.lower()}\s?[\d$]" for code in ISO_CODES),
]


def _whole(words: list[str]) -> list[str]:
    """Words not followed by a letter or digit: where a pattern reads a number word, "half", "between" or a magnitude,
    a space or hyphen follows it. So "someone" holds no start ("one"), while "often dollars" does ("ten dollars")."""
    return [rf"{word}(?!\w)" for word in words]


# Where each kind of amount (POINT_RE, RANGE_RE, VAGUE_RE) may begin besides a digit or a currency sign: regexes
# beginning with a lowercase letter.
_START_WORDS = {
    # "twenty-five dollars", "half a billion", "a billion"
    "point": [*_PREFIX_WORDS, *_whole([*NUMBER_WORDS, "half"]), r"an?[\s-]+(?:thousand|million|billion|trillion|quarter|third)"],
    "range": [*_PREFIX_WORDS, *_whole(["between", *NUMBER_WORDS])],
    "vague": [
        *_whole(["tens", "dozens", "hundreds", "thousands", "millions", "billions", "trillions", "several"]),
        r"a\s+(?:few|couple)",
        r"multi[-‐‑]?(?:hundred[-‐‑])?(?:billion|trillion)[-‐‑ ]dollar",
        r"half[-‐‑](?:billion|trillion)[-‐‑ ]dollar",
        r"hundred[-‐‑](?:billion|trillion)[-‐‑ ]dollar",
        r"billion[-‐‑]dollar",
        r"trillion[-‐‑]dollar",
    ],
}


def _start_finders(words: dict[str, list[str]], digits: list[str], signs: str) -> list[tuple[re.Pattern, list[str]]]:
    """Case-sensitive patterns for folded text (see :func:`fold_case`) that match one character where an amount may
    begin, each with the kinds of amount that may begin there: one per first letter of the kinds' start ``words``,
    wherever one of them begins, and one at every digit and every character of ``signs``, for the kinds in ``digits``.

    >>> _start_finders({"point": ["one", "two"], "vague": ["tens"]}, ["point"], "$")[:2]
    [(re.compile('o(?=ne)'), ['point']), (re.compile('t(?=ens|wo)'), ['point', 'vague'])]
    """
    rests: dict[str, set[str]] = {}
    begins: dict[str, dict[str, None]] = {}
    for kind, starts in words.items():
        for start in starts:
            rests.setdefault(start[0], set()).add(start[1:])
            begins.setdefault(start[0], {})[kind] = None
    # The rest is a lookahead: a match is one character wide, so starts inside others are found.
    letters = [
        (first if "" in rest else f"{first}(?={'|'.join(sorted(rest))})", list(begins[first])) for first, rest in sorted(rests.items())
    ]
    return [(re.compile(finder), begin) for finder, begin in [*letters, (rf"[\d{re.escape(signs)}]", digits)]]


_START_FINDERS = _start_finders(_START_WORDS, ["point", "range"], "".join(k for k in PREFIX_CURRENCIES if len(k) == 1))


def _starts(text: str) -> dict[str, list[int]]:
    """For each kind of amount, every place in a text where one may begin, in order.

    >>> _starts("Often $1")
    {'point': [2, 6, 7], 'range': [2, 6, 7], 'vague': [2]}
    """
    folded = fold_case(text)
    found: dict[str, list[int]] = {kind: [] for kind in _START_WORDS}
    for finder, kinds in _START_FINDERS:
        starts = list(map(re.Match.start, finder.finditer(folded)))
        for kind in kinds:
            found[kind] += starts
    return {kind: sorted(starts) for kind, starts in found.items()}


def _finditer(pattern: re.Pattern, text: str, starts: list[int]) -> Iterator[re.Match]:
    """The matches ``pattern.finditer(text)`` gives, trying the pattern only at ``starts`` (in ascending order, every
    place where a match could begin). Like finditer, the search resumes where a match ends; no pattern here matches "".
    """
    resume = 0
    for start in starts:
        if start >= resume and (match := pattern.match(text, start)):
            resume = match.end()
            yield match


def _number(value: str) -> Decimal | None:
    """A written number: digits with thousands commas, a number in words ("twenty-five"), or "a"/"half a"."""
    value = value.strip().lower()
    if value[0].isdigit():
        if re.fullmatch(r"\d{1,3},\d{1,2}", value):
            value = value.replace(",", ".")  # a decimal comma: "24,5" (billion)
        try:
            return Decimal(value.replace(",", ""))
        except InvalidOperation:
            return None
    if value.startswith("half"):
        return Decimal("0.5")
    fraction = re.match(r"(an?|one|two|three)[\s-](quarter|third)", value)
    if fraction:  # "three-quarters of a", "a third of a"
        parts = Decimal(NUMBER_WORDS.get(fraction.group(1), 1))
        return parts / (4 if fraction.group(2) == "quarter" else 3)
    half = re.fullmatch(r"(.+?)\s+and\s+a\s+half", value)
    if half:  # "seventeen and a half"
        whole = _number(half.group(1))
        return whole + Decimal("0.5") if whole is not None else None
    if value in ("a", "an"):
        return Decimal(1)
    total = 0
    for word in re.findall(r"[a-z]+", value):
        if word == "hundred":
            total *= 100
        elif word in NUMBER_WORDS:
            total += NUMBER_WORDS[word]
    return Decimal(total)


def _scale_of(match: re.Match, tag: str) -> float | None:
    """The multiplier a scale group stands for, or None if the number has no scale."""
    word, abbreviation = match.group(f"{tag}w"), match.group(f"{tag}m") or match.group(f"{tag}a")
    if word:
        return SCALES[word.lower()]
    return SCALE_ABBREVIATIONS[abbreviation.lower()] if abbreviation else None


def _currency_of(prefix: str | None, word: str | None) -> str | None:
    """The ISO code for a currency sign ("US$") or word ("yen", "U.S. dollars"); the sign wins if both are given."""
    if prefix:
        key = _PREFIX_NOISE_RE.sub("", prefix).upper()
        if key in ("$US", "$A"):
            return "USD" if key == "$US" else "AUD"
        if key.endswith("$") and key[:-1] in ISO_CODES:
            return key[:-1]  # "USD$", "AUD$"
        return PREFIX_CURRENCIES.get(key, "USD" if key == "US$" else key)
    if word:
        key = _SPACES_RE.sub(" ", word.lower())
        if _US_DOLLAR_RE.match(key):
            return "USD"
        if key.upper() in ISO_CODES:
            return PREFIX_CURRENCIES.get(key.upper(), key.upper())
        return WORD_CURRENCIES.get(key) or WORD_CURRENCIES.get(key.removesuffix("s"))
    return None


def _value(number: Decimal, scale: float | None) -> float:
    """A number times its scale, computed exactly before becoming a float (1.2 billion is 1200000000.0)."""
    return float(number * Decimal(str(scale or 1)))


def _read_point(match: re.Match) -> Found | None:
    """One amount ("$3 billion", "500 billion yen"); None unless a currency is written next to it."""
    prefix, word = match.group("c"), match.group("w")
    scale = _scale_of(match, "s")
    if not prefix and not word:
        return None  # a bare number ("175 billion") may be anything: people, kilometres, years
    if word and match.string[match.start("w") - 1] == "-" and not match.group("n")[0].isdigit():
        return None  # "a trillion-dollar mistake": an adjective of size (VAGUE_RE), not a point
    if not prefix and not scale and re.sub(r"s$", "", word.lower()) in AMBIGUOUS_WORDS:
        return None
    number = _number(match.group("n"))
    if number is None:
        return None
    if not prefix and not scale and re.fullmatch(r"(?:19|20)\d\d", match.group("n")):
        return None  # "in fiscal year 2026 dollars", "in 2025 dollars": the year whose prices a figure is in
    value = _value(number, scale)
    end = match.end()
    if prefix and word and word.lower() == "dollar" and re.match(r"\s+[a-z]", match.string[end : end + 2]):
        end = match.start("w")  # "the US$61 billion dollar amount": the word describes the noun after it
        end -= len(match.string[:end]) - len(match.string[:end].rstrip(" -"))
        word = None
    return Found(match.start(), end, Amount(_currency_of(prefix, word), value, value))


def _read_range(match: re.Match) -> Found | None:
    """A range ("$175-831 billion", "between $175 billion and $831 billion"); None if it is two figures or no range."""
    first, second, word = match.group("c1"), match.group("c2"), match.group("w")
    scale1, scale2 = _scale_of(match, "s1"), _scale_of(match, "s2")
    if match.group("sep").lower() == "and" and not match.group("between"):
        return None  # "$5 billion and $6 billion" are two figures
    if match.group("sep") in "-–—" and not match.group("n1")[0].isdigit():
        return None  # "twenty-five million" is one number in words, not a range from twenty
    if not (first or word) or not (scale2 or second):
        return None  # "$5 billion to 2030" is not a range
    currency = _currency_of(first, word)
    if second and _currency_of(second, None) != currency:
        return None
    low, high = _number(match.group("n1")), _number(match.group("n2"))
    if low is None or high is None:
        return None
    # "$175-831 billion": a scale written once applies to both ends.
    start_value, end_value = _value(low, scale1 or scale2), _value(high, scale2 or scale1)
    if match.group("sep") in "-–—" and start_value > end_value:
        return None  # "$71 billion—$10 billion more than he first asked": a figure, then a difference
    low_value, high_value = sorted((start_value, end_value))
    return Found(match.start(), match.end(), Amount(currency, low_value, high_value, is_range=True))


def _read_vague(match: re.Match) -> Found | None:
    """A vague magnitude: "billions" is 1e9..1e10, "tens of billions" 1e10..1e11, "hundreds of billions" 1e11..1e12;
    a second magnitude ("hundreds of billions if not trillions") moves the high end to that magnitude's own high end
    (1e13); "several/a few billion" is 2e9..1e10."""
    if match.group("adj"):  # "trillion-dollar" is about a trillion; "multibillion-dollar" several billion
        part = (match.group("part") or "")[:-1].lower()  # "half-", "hundred-"
        scale = SCALES[match.group("adj").lower()] * {"": 1.0, "half": 0.5, "hundred": 100.0}[part]
        low, high = (2 * scale, 10 * scale) if match.group("multi") else (scale, scale)
        return Found(match.start(), match.end(), Amount("USD", low, high, is_vague=True))
    if match.group("few"):
        scale = SCALES[match.group("fs").lower()]
        return Found(match.start(), match.end(), Amount(_currency_of(None, match.group("fw")), 2 * scale, 10 * scale, is_vague=True))
    low = VAGUE_MULTIPLIERS[_lower(match.group("m1"))] * SCALES[match.group("g1").lower()[:-1]]
    high = 10 * low
    if match.group("g2"):
        high = 10 * VAGUE_MULTIPLIERS[_lower(match.group("m2"))] * SCALES[match.group("g2").lower()[:-1]]
    low, high = min(low, high), max(low, high)
    return Found(match.start(), match.end(), Amount(_currency_of(None, match.group("w")), low, high, is_vague=True))


def _lower(value: str | None) -> str | None:
    return value.lower() if value else None


# --- Codebook cues --------------------------------------------------------------------------------------------------


class Cue(NamedTuple):
    """A codebook phrase found in a text: where, and the label it stands for."""

    start: int
    end: int
    label: str


class CueSet:
    """Labelled phrases from the codebook, compiled to one regex; longer phrases win over shorter overlapping ones.

    >>> [c.label for c in CueSet({"pledge": ["pledg"], "cost": ["cost"]}).find("Pledging costs")]
    ['pledge', 'cost']
    """

    def __init__(self, labelled: dict | None, stems: bool = True):
        pairs = sorted(
            ((str(p), str(label)) for label, phrases in (labelled or {}).items() for p in phrases or []), key=lambda x: -len(x[0])
        )
        self.labels = [label for _, label in pairs]
        # ASCII phrases in lower case match the folded text (fold_case) case-sensitively where they match the text
        # case-insensitively, and a case-sensitive pattern is much faster: the regex engine skips an alternative by its
        # first character. Each phrase ends with an empty group, whose number tells which phrase matched.
        self.folds = all(phrase.isascii() for phrase, _ in pairs)
        body = "|".join(f"{_alternation([phrase.lower() if self.folds else phrase])}()" for phrase, _ in pairs)
        tail = r"\w*" if stems else r"(?!\w)"
        self.pattern = re.compile(rf"(?<!\w)(?:{body}){tail}", 0 if self.folds else re.IGNORECASE) if pairs else None

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Cue]:
        """The cues in ``text[start:end]``, with offsets into ``text``."""
        if self.pattern is None:
            return []
        # The piece keeps the character before ``start``, for the look-behind.
        offset = max(start - 1, 0)
        piece = text[offset : len(text) if end is None else end]
        matches = self.pattern.finditer(fold_case(piece) if self.folds else piece, start - offset)
        return [Cue(m.start() + offset, m.end() + offset, self.labels[m.lastindex - 1]) for m in matches]


class Enacted(NamedTuple):
    """The codebook's ``money.enacted``: a sum these bodies pass is a fact the outlet states, not their figure."""

    referent: str  # what it covers ("budget or appropriation")
    by: frozenset[str]  # who passes budgets, in lower case
    instead_of: frozenset[str]  # readings that a legislature's sum gets instead ("partner purchase or pledge")
    legislatures: frozenset[str]  # whose commitments are appropriations, in lower case


class MoneyCues(NamedTuple):
    """The codebook's money section, compiled."""

    referents: CueSet
    hedges: CueSet
    usd_rates: dict
    grammar: attribution.Grammar | None = None  # who says what, with the money verbs and markers added
    per_unit: re.Pattern | None = None  # a unit right after a figure: "per satellite", "a kilogram", "each"
    per_unit_label: str = ""
    per_period: re.Pattern | None = None  # a period right after a figure: "a year", "annually"
    priority: list | None = None  # referent labels, the first winning where cues of several stand in a figure's clause
    default_large: tuple | None = None  # (label, US dollars): what a figure with no cue at all covers from that size up
    program_total: tuple | None = None  # (label, US dollars): the programme total's label, and the least such a total can be
    owner_labels: dict | None = None  # a name, in lower case -> the label of the codebook's attribution group naming it
    enacted: Enacted | None = None
    not_owners: frozenset = frozenset()  # lower-case names that argue about a figure without giving one ("critics")
    named_by: CueSet = CueSet(None)  # nouns that name a figure only right after it: "the $175 billion system"
    named_before: CueSet = CueSet(None)  # verbs that name a figure right before it: "would require $175 billion"
    named_by_modifiers: frozenset = frozenset()  # words that may stand between a figure and a ``named_by`` noun
    carried: re.Pattern | None = None  # words that point back to the last estimate: "of that", "its 20-year total", "It came to"
    requires_named: dict | None = None  # a referent label -> the names (as written) one of which its sentence must hold
    whole_budgets: tuple | None = None  # (label, cues of a budget not the programme's, the programme's names, its parts)
    budget_line_at_most: float = math.inf  # US dollars: the most one budget line of the programme can be
    budget_line_at_least: float = 0.0  # ... and the least (below it, a share price or a fee)

    @classmethod
    def from_codebook(cls, codebook: dict) -> MoneyCues:
        """Compile ``codebook["money"]`` (missing parts mean no cues: every figure is "other" and "unattributed")."""
        money = (codebook or {}).get("money") or {}
        return cls(
            referents=CueSet(money.get("referents")),
            named_by=CueSet(money.get("named_by")),
            named_before=CueSet(money.get("named_before")),
            named_by_modifiers=frozenset(str(w).lower() for w in money.get("named_by_modifiers") or []),
            hedges=CueSet(money.get("hedges"), stems=False),
            usd_rates={"USD": 1.0} | {str(k).upper(): float(v) for k, v in (money.get("usd_rates") or {}).items()},
            grammar=attribution.compile_grammar(codebook or {}),  # its money verbs and markers included
            owner_labels={
                str(alias).lower(): str(label) for label, aliases in (money.get("attributions") or {}).items() for alias in aliases
            },
            per_unit=_per_unit_pattern(money.get("per_unit") or {}),
            per_unit_label=str((money.get("per_unit") or {}).get("label", "")),
            per_period=_per_period_pattern((money.get("per_unit") or {}).get("periods", [])),
            priority=[str(p) for p in money.get("priority") or []],
            default_large=(str(money["default_large"]["label"]), float(money["default_large"]["at_least_usd"]))
            if money.get("default_large")
            else None,
            budget_line_at_most=float(money.get("budget_line_at_most_usd", math.inf)),
            budget_line_at_least=float(money.get("budget_line_at_least_usd", 0)),
            program_total=(str(money["program_total"]), float(money.get("program_total_at_least_usd", 0)))
            if money.get("program_total")
            else None,
            enacted=Enacted(
                str(money["enacted"]["referent"]),
                frozenset(str(b).lower() for b in money["enacted"]["by"]),
                frozenset(str(r) for r in money["enacted"].get("instead_of", [])),
                frozenset(str(b).lower() for b in money["enacted"].get("legislatures", [])),
            )
            if money.get("enacted")
            else None,
            not_owners=frozenset(str(n).lower() for n in money.get("not_owners") or []),
            carried=re.compile(rf"(?<![\w-])(?:{_alternation([str(c) for c in money['carried_by']])})(?![\w-])", re.IGNORECASE)
            if money.get("carried_by")
            else None,
            whole_budgets=(
                str(money["whole_budgets"]["label"]),
                CueSet({"whole": money["whole_budgets"]["cues"]}),
                CueSet({"programme": money["whole_budgets"]["programme"]}),
                CueSet({"part": money["whole_budgets"].get("parts") or []}, stems=False),
            )
            if money.get("whole_budgets")
            else None,
            requires_named={
                str(label): re.compile(rf"(?<![\w-])(?:{_alternation([str(n) for n in names])})(?![\w-])")
                for label, names in (money.get("requires_named") or {}).items()
                if names
            },
        )


def _per_unit_pattern(spec: dict) -> re.Pattern | None:
    """A unit right after a figure, from the codebook's ``per_unit`` section: "per satellite", "a kilogram", "for
    each interceptor", "to build each", "apiece" (up to three words, such as "to build", before the unit)."""
    units = [str(u) for u in spec.get("units", [])]
    if not units:
        return None
    unit = _alternation(units)
    # After "a" or "an" the unit must end its noun phrase: "$500 a kilogram to orbit" is a rate, "$25 billion to develop
    # a missile defense system" is not (a word in lower case after the unit, other than a function word, continues it).
    ends_phrase = (
        r"(?![ \t-]+(?!(?:to|for|in|into|on|at|of|and|or|the|that|which|with|by|from|over|than|is|was|are|were|would|could|"
        r"will|can|if|when|while|as|launched|built|deployed)\b)[a-z])"
    )
    return re.compile(
        rf"\s*(?:[\w-]+\s+){{0,3}}?(?:per|each|for\s+each|for\s+every|every|/)\s*(?:{unit})s?(?!\w)"
        rf"|\s*(?:[\w-]+\s+){{0,3}}?(?-i:a|an|A|An)\s+(?:{unit})s?(?!\w){ends_phrase}"
        rf"|\s*(?:[\w-]+\s+){{0,2}}?(?:each|apiece|a\s+piece)(?!\w)",
        re.IGNORECASE,
    )


def _per_period_pattern(periods: list) -> re.Pattern | None:
    """A period right after a figure: "a year", "per year", "annually"."""
    if not periods:
        return None
    return re.compile(
        rf"\s*(?:(?:a|an|per|each|every)\s+(?:{_alternation([str(p) for p in periods])})|annually|yearly)(?!\w)", re.IGNORECASE
    )


# --- Reading one sentence -------------------------------------------------------------------------------------------


def _gap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Characters between two spans (0 if they touch or overlap)."""
    return max(0, b_start - a_end, a_start - b_end)


def _outside(cues: list[Cue], figures: list[Found]) -> list[Cue]:
    """The cues that are not part of a figure's own text."""
    return [c for c in cues if not any(c.start < f.end and f.start < c.end for f in figures)]


def _nearest(cues: list[Cue], figure: Found) -> Cue | None:
    """The cue closest to a figure; the longer one on a tie."""
    return min(cues, key=lambda c: (_gap(c.start, c.end, figure.start, figure.end), c.start - c.end), default=None)


def referents(text: str, sentence: Sentence, figures: list[Found], cues: MoneyCues) -> list[str]:
    """What each figure of a sentence is the price of, in the figures' order: the labels of :func:`referent_readings`."""
    return [label for label, _ in referent_readings(text, sentence, figures, cues)]


def referent_readings(text: str, sentence: Sentence, figures: list[Found], cues: MoneyCues) -> list[tuple[str, str]]:
    """What each figure of a sentence is the price of, and the words that say so ("" where only its size does), in the
    figures' order (rules in data/codebook/money.yaml):

    1. a unit right after the figure ("$22 million per satellite", "$500 a kilogram", "$10 million each"): the
       per-unit label; a difference ("$10 billion more than", "up $10bn from"): "other";
    2. the cues in the figure's own clause (between the punctuation around it), by the codebook's ``priority`` (a
       "layer" or a "reconciliation law" in the clause outranks the generic "cost"), the nearest first among equals;
       a cue right after the figure ("its $1.2 trillion total") or a ``named_before`` verb right before it ("would
       require $175 billion in funding") before all others;
    3. a period after the figure ("$1 billion a year"): the per-unit label;
    4. the nearest cue anywhere in the sentence;
    5. the cues of a question the sentence answers ("What would Ottawa pay to join? At least $80 billion.");
    6. the codebook's default for large figures (a programme's scale), else "other".

    A size in words ("a trillion-dollar mistake") is a programme total; a conversion in parentheses ("C$38.6 billion
    ($28 billion)") is read as the figure it converts; a figure set off by dashes is read with the clause it interrupts.
    """
    found = _outside(cues.referents.find(text, sentence.start, sentence.end), figures)
    # A reading whose actor the sentence must name: a partner's pledge is one a partner makes ("Tokyo pledged"), not
    # the programme's own government's spending ("Congress and the president committed nearly $25 billion"); a sum
    # in a currency other than the dollar names its partner ("the previous government committed C$38.6 billion").
    foreign = any(f.amount.currency != "USD" for f in figures)
    for label, names in (cues.requires_named or {}).items():
        if not foreign and not names.search(text, sentence.start, sentence.end):
            found = [c for c in found if c.label != label]
    # "in fiscal year 2026 dollars" says whose prices a figure is in, not that it is a fiscal year's budget
    basis = [m.span() for m in _PRICE_BASIS_RE.finditer(text, sentence.start, sentence.end)]
    found = [c for c in found if not any(lo <= c.start < hi for lo, hi in basis)]
    # "the budget office estimated", "the Senate Appropriations Committee's chair said": a cue in a body's name
    found = [c for c in found if not _BODY_NAMED_AFTER_RE.match(text, c.end)]
    # "$25 billion for the shield's first phase": the programme's name after "for" says where money goes,
    # not that the figure is its price ("$175 billion for the entire system" is still the system's price).
    if cues.program_total:
        found = [
            c
            for c in found
            if not (
                c.label == cues.program_total[0]
                and (text[c.start].isupper() or text[c.start : c.end].lower() in ("the program", "the programme"))
                and _FOR_BEFORE_RE.search(text, max(0, c.start - 16), c.start)
            )
        ]
        # ... and money "to support" it is money given it: "a measure that carries $11 billion to support the Golden
        # Dome shield" is a budget line, whatever else the bill buys
        if cues.enacted:
            found = [
                c._replace(label=cues.enacted.referent)
                if c.label == cues.program_total[0] and _TO_SUPPORT_BEFORE_RE.search(text, max(0, c.start - 30), c.start)
                else c
                for c in found
            ]
    rank = {label: i for i, label in enumerate(cues.priority or [])}
    # A conversion in parentheses right after a figure ("C$38.6 billion ($28 billion) plan") is the same figure: it is
    # read as the one it converts, whose clause runs on past it.
    conversion = {
        i + 1
        for i in range(len(figures) - 1)
        if re.fullmatch(r"\s*\(\s*", text[figures[i].end : figures[i + 1].start])
        and re.match(r"\s*\)", text[figures[i + 1].end : figures[i + 1].end + 3])
    }
    labels, words = [], []
    for i, figure in enumerate(figures):
        if i in conversion:
            labels.append(labels[-1])
            words.append(words[-1])
            continue
        unit = cues.per_unit.match(text, figure.end, sentence.end) if cues.per_unit is not None and cues.per_unit_label else None
        if unit:
            labels.append(cues.per_unit_label)
            words.append(" ".join(unit.group(0).split()))
            continue
        if text[figure.start : figure.end].lower().endswith("-dollar") and cues.program_total:
            # "a trillion-dollar mistake", "the multibillion-dollar shield": a size given to the thing as a whole
            labels.append(cues.program_total[0])
            words.append(text[figure.start : figure.end])
            continue
        bill = _WHOLE_BILL_AFTER_RE.match(text, figure.end) if cues.whole_budgets is not None else None
        invoice = _INVOICE_BEFORE_RE.search(text, max(0, figure.start - 40), figure.start)
        if bill and invoice and bill.group(0).split()[-1].lower() == "bill":
            bill = None  # a bill someone is to pay, no legislation: "Ottawa would have to foot a $71 billion bill"
        if bill:
            # the size of a whole bill, not what the bill gives the programme: "the Senate cleared its $852 billion
            # fiscal 2027 defense appropriations bill", "the $910 billion legislation"
            labels.append(cues.whole_budgets[0])
            words.append(" ".join(bill.group(0).split()))
            continue
        before = _DIFFERENCE_BEFORE_RE.search(text, max(sentence.start, figure.start - 120), figure.start)
        if _DIFFERENCE_AFTER_RE.match(text, figure.end) or (
            before and (not before.group(0).lower().startswith(("up", "down")) or re.match(r"\s+from\b", text[figure.end :]))
        ):
            labels.append(OTHER)  # "$10 billion more than the figure he posted", "up $10bn from": a difference, not a price
            words.append("difference")
            continue
        begin = figures[i - 1].end if i else sentence.start
        lo = max(begin, _clause_start(text, sentence.start, figure.start))
        # (a relative clause closing right before the figure's clause stands between it and its subject: in "the
        # Manhattan Project, which built the first atomic bomb, cost about $35 billion", the subject is read too;
        # not where what follows it opens a clause of its own: "…, and the ministry …")
        aside = _ASIDE_BEFORE_CLAUSE_RE.search(text, begin, lo)
        if aside and aside.end() == lo and not _OWN_CLAUSE_OPENING_RE.match(text, lo):
            lo = max(begin, _clause_start(text, sentence.start, aside.start()))
        after = figure.end
        if i + 1 in conversion:
            after = text.index(")", figures[i + 1].end) + 1
        following = i + 2 if i + 1 in conversion else i + 1
        hi = min(figures[following].start if following < len(figures) else sentence.end, _clause_end(text, after, sentence.end))
        # (a cue of a part that makes the figure no part is none of its own: see _names_no_part)
        own = [c for c in found if lo <= c.start and c.end <= hi and not _names_no_part(text, c, figure.start, cues)]
        # (a horizon alone says how long, not what: "what Ottawa promised — C$38.6 billion over 20 years — for
        # NORAD's upgrade" is read with the clause it interrupts too)
        horizon_only = own and all(_HORIZON_AFTER_RE.fullmatch(text[c.start : c.end]) for c in own)
        line_start = text.rfind("\n", 0, figure.start) + 1
        heading = None
        if not own and attribution.opens_list_item(text, line_start, figure.start):
            heading = _LIST_HEADING_AFTER_RE.match(text, after)
        if heading:
            # A figure that opens a line of a list is named by the rest of the line after its dash or colon: "- $1.4
            # trillion — the whole fiscal 2027 defense request"
            lo, hi = heading.end(), min(sentence.end, _line_end(text, heading.end()))
            own = [c for c in found if lo <= c.start and c.end <= hi]
        elif (not own or horizon_only) and _DASH_BEFORE_RE.search(text, max(sentence.start, lo - 3), lo) and _DASH_AFTER_RE.match(text, hi):
            horizon = own
            # A figure set off by dashes names the noun phrase before them: "most of the total — some
            # $700 billion — goes to interceptors" is read with the clause it interrupts.
            lo, hi = _clause_start(text, sentence.start, max(sentence.start, lo - 3)), _clause_end(text, hi + 1, sentence.end)
            own = [c for c in found if lo <= c.start and c.end <= hi and not figure.start <= c.start < figure.end] or horizon
        # A cue written right after the figure names what it is, whatever else the clause holds: "its $1.2 trillion
        # total", "the $151 billion ceiling", "the $24.4 billion reconciliation package".
        named = [
            c
            for c in cues.named_by.find(text, figure.end, min(sentence.end, figure.end + 60))
            # right after it, or after the words that qualify the noun: 'a $175-billion "Golden Dome" missile shield'
            if (c.start - figure.end <= 1 or _qualifies(text[figure.end : c.start], cues.named_by_modifiers))
            and not text[c.start : c.end].isupper()  # "the $151 billion SHIELD vehicle" is a name
        ]
        adjacent = [
            c
            for c in own
            if 0 <= c.start - figure.end <= 1 and not _LEADING_FUNCTION_WORD_RE.match(text, c.start) and not text[c.start : c.end].isupper()
        ]
        # ... and so does a verb right before it that the codebook says names it (``named_before``), hedges aside:
        # "would require $175 billion in funding" is what the system needs, whatever "funding" makes of it.
        governing = [
            c
            for c in cues.named_before.find(text, max(sentence.start, figure.start - 60), figure.start)
            if _GOVERNING_GAP_RE.fullmatch(text, c.end, figure.start)
        ]
        pinned = bool(named or adjacent or governing)
        own = named or adjacent or governing or own
        period = cues.per_period.match(text, figure.end, sentence.end) if cues.per_period is not None and cues.per_unit_label else None
        if own:
            best = min(own, key=lambda c: (rank.get(c.label, len(rank)), _gap(c.start, c.end, figure.start, figure.end), c.start - c.end))
            if cues.program_total and best.label == cues.program_total[0] and text[best.start].isupper():
                # the programme's name may only qualify the noun after it, which says what the figure is: "a $4.16B Golden
                # Dome satellite deal", "a $2 billion Golden Dome award" (not "the $175 billion Golden Dome system")
                head = (c for c in found if c.start > best.end and c.label != best.label)
                best = next((c for c in head if _NOUN_PHRASE_GAP_RE.fullmatch(text, best.end, c.start)), best)
            labels.append(best.label)
            words.append(_cue_words(text, best))
        elif period:
            labels.append(cues.per_unit_label)
            words.append(" ".join(period.group(0).split()))
        elif cue := _nearest([c for c in found if not _names_no_part(text, c, figure.start, cues)], figure):
            labels.append(cue.label)
            words.append(_cue_words(text, cue))
        elif asked := _question_cues(text, sentence.start, cues):
            # "And the cost to Canadians to participate? At least $83.6 billion.": the question says what the answer is
            best = min(asked, key=lambda c: (rank.get(c.label, len(rank)), -c.start))
            labels.append(best.label)
            words.append(_cue_words(text, best))
        elif cues.default_large and figure.amount.high * cues.usd_rates.get(figure.amount.currency, math.nan) >= cues.default_large[1]:
            labels.append(cues.default_large[0])
            words.append("")
        elif (
            cues.whole_budgets
            and cues.per_unit_label
            and (built := _BUILDS_AFTER_RE.match(text, figure.end))
            and cues.whole_budgets[3].find(text, built.end(), min(sentence.end, built.end() + 40))
        ):
            # no word names it, but what it pays someone to make does: a firm given "$2 billion to build" hundreds of
            # satellites is paid one contract's price
            labels.append(cues.per_unit_label)
            words.append(" ".join(built.group(0).split()))
        else:
            labels.append(OTHER)
            words.append("")
        # A budget of all defence, or of a whole agency, is no budget line of the programme where the clause names it not
        # ("Japan approved a record ¥9.04 trillion defense budget"; not "$25 billion for Golden Dome in the defense bill").
        # (or where the words that made it a budget line are such a budget's: "the Space Force's entire budget, which
        # was about $40 billion")
        if cues.enacted and labels[-1] == cues.enacted.referent and cues.whole_budgets:
            label, whole, programme, parts = cues.whole_budgets
            in_clause = whole.find(text, lo, hi)
            if (in_clause or _is_whole_budget(cues, label, words[-1])) and not programme.find(text, lo, hi):
                labels[-1] = label
                words[-1] = _cue_words(text, in_clause[0]) if in_clause else words[-1]
            # ... nor is a line the words after it say is for something else: in a bill that funds the shield, "$29
            # billion for 14 new naval vessels" (not "$17.5 billion for fiscal 2027": a time says when, not what)
            purpose = _PURPOSE_AFTER_RE.match(text, figure.end)
            if purpose and not programme.find(text, *purpose.span(1)) and not parts.find(text, *purpose.span(1)):
                labels[-1] = label
                words[-1] = re.sub(r"\s+(?:and|or)$", "", " ".join(purpose.group(0).split()))
            # ... nor a sum larger than any one line of it can be: "the $113 billion DoD reconciliation bill", "$150
            # billion in new funding" for many priorities at once (a size in words, "billions of dollars", says no
            # such thing); nor one smaller than any can be: "analysts provide an average price target of $529.83"
            usd = figure.amount.low * cues.usd_rates.get(figure.amount.currency, math.nan)
            if not figure.amount.is_vague and (usd > cues.budget_line_at_most or 0 < usd < cues.budget_line_at_least):
                labels[-1] = label
        if cues.program_total and labels[-1] == cues.program_total[0]:
            usd = figure.amount.high * cues.usd_rates.get(figure.amount.currency, math.nan)
            if usd < cues.program_total[1]:  # NaN (no rate) passes: a total in another currency is not judged
                labels[-1], words[-1] = OTHER, ""
            elif cues.enacted and (more := _MORE_MONEY_BEFORE_RE.search(text, max(sentence.start, figure.start - 40), figure.start)):
                # an amount added to what the programme has ("gained another $13 billion", "an additional $13 billion for
                # programs tied to Golden Dome") is money given it, never its whole price; added to its cost ("could cost
                # another $200 billion"), a difference
                added_cost = _COST_VERB_BEFORE_RE.search(text, max(sentence.start, more.start() - 30), more.start())
                labels[-1], words[-1] = (OTHER, "difference") if added_cost else (cues.enacted.referent, " ".join(more.group(0).split()))
        # A figure set against the one before it as the same quantity at another time is what that one is: "past $1
        # trillion, up from the $880 billion already approved", "under $50 million apiece, compared with well over $1
        # billion" (not after a difference: "a $10 billion rise from the earlier $175 billion"; nor where a word at the
        # figure names it: "compared with the $13 billion requested")
        if i and words[-2] != "difference" and not pinned and _SAME_QUANTITY_GAP_RE.fullmatch(text, figures[i - 1].end, figure.start):
            labels[-1], words[-1] = labels[-2], words[-2]
        # A list of lines under one verb of allocating: in "$9.2 billion is allocated for tracking satellites, $5.6 billion
        # for orbiting interceptors, and $1 billion for testing", every figure is a budget line, whatever it buys.
        budget = cues.enacted.referent if cues.enacted else ""
        if (
            i
            and budget
            and labels[-2] == budget
            and _LIST_ITEM_GAP_RE.fullmatch(text, figures[i - 1].end, figure.start)
            and _FOR_AFTER_RE.match(text, figure.end)
        ):
            labels[-1], words[-1] = budget, words[-2]
    # A sum that holds the programme's own line is a whole of many lines, neither its total nor its budget line: "A $150
    # billion defense initiative … includes an allocation of $27 billion specifically for the Golden Dome"
    if cues.whole_budgets is not None:
        label, _, programme, _ = cues.whole_budgets
        for i, figure in enumerate(figures[:-1]):
            held = figures[i + 1]
            goes_to = _FOR_PROGRAMME_AFTER_RE.match(text, held.end)
            named = programme.find(text, goes_to.end(), min(sentence.end, goes_to.end() + 30)) if goes_to else []
            if (
                labels[i] != label
                and named
                and named[0].start == goes_to.end()
                and _HOLDS_GAP_RE.fullmatch(text, figure.end, held.start)
                and held.amount.high < figure.amount.low
                # (not where the whole is the programme itself: "the $175 billion shield includes $25 billion for …")
                and not programme.find(text, sentence.start, held.start)
            ):
                labels[i], words[i] = label, "holds the programme's line"
    return list(zip(labels, words, strict=True))


# Between a name and the noun it qualifies: up to two words in lower case ("Golden Dome satellite deal").
_NOUN_PHRASE_GAP_RE = re.compile(r"(?:\s+(?-i:[a-z][\w-]*)){0,2}\s+")
# What a sum pays someone to make, right after it: "$2 billion to build", "$90 million to develop".
_BUILDS_AFTER_RE = re.compile(r"(?i)\s+to\s+(?:build|develop|produce|design|supply|deliver|manufacture|launch)\b")
# Between a whole and the line it holds: "… includes a significant allocation of", ", with", ", including".
_HOLDS_GAP_RE = re.compile(
    r"(?i)[^;:$€£¥]{0,80}?\b(?:includ(?:es|ed|ing|e)|contain(?:s|ed|ing)?|with|of\s+which)\b"
    r"(?:\s+(?:a|an|the|some|about|nearly|roughly|up\s+to|(?:a\s+)?(?:significant|large|major|sizable|sizeable|hefty)|allocations?|"
    r"earmarks?|set-asides?|of))*\s+"
)
# What a line goes to, right after it: "for the", "specifically earmarked for", "set aside for".
_FOR_PROGRAMME_AFTER_RE = re.compile(
    r"(?i)\s+(?:(?:specifically|solely|exclusively|earmarked|set\s+aside|allocated|dedicated|reserved|in\s+funding|in\s+new\s+funding)\s+){0,2}"
    # (an owner's possessive between: "for the president's", "for Trump's")
    r"(?:for|to)\s+(?:(?:the|its|his|her|their)\s+|(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,2}[A-Za-z][\w-]*['’]s\s+)?[\"“‘']?"
)


def _is_whole_budget(cues: MoneyCues, referent: str, cue: str) -> bool:
    """Whether a reading is the codebook's for a budget that is not the programme's: its label, and words of such a
    budget opening its cue ("defense budget", "entire budget"), or a line of a bill for something else ("to build a dozen
    frigates")."""
    if cues.whole_budgets is None or referent != cues.whole_budgets[0]:
        return False
    return any(c.start == 0 for c in cues.whole_budgets[1].find(cue)) or bool(_PURPOSE_AFTER_RE.match(" " + cue))


# Between two figures of one list of lines: what the first buys, then a comma (and "and", a hedge) before the next.
_LIST_ITEM_GAP_RE = re.compile(
    r"\s+(?:(?:is|are|was|were|has\s+been|have\s+been)\s+)?(?:\w+\s+){0,2}?for\s+[^,;.$€£¥]{1,60},\s*(?:and\s+)?"
    r"(?:(?:about|approximately|nearly|roughly|some|another|an\s+additional|up\s+to)\s+)?"
)
_FOR_AFTER_RE = re.compile(r"\s+for\s")
# What a sum is for, right after it, unless a time ("for fiscal 2027", "for the next five years"): "for ammunition production".
_PURPOSE_AFTER_RE = re.compile(
    # (or what the money is to buy: "allocated $30 billion to build a dozen frigates")
    r"\s+(?:(?:a\s+year|annually|each\s+year)\s+)?(?:for|to\s+(?:build|buy|purchase|procure|fund|develop|modernize|modernise|upgrade))\s+"
    r"(?!(?:fiscal|fy|the\s+(?:next|coming|current|first|following)|next|this|each|every|a\s+year|years?|\d{4}|\w+\s+years?|the\s+year|now|"
    r"decades?|over)\b)([^,;:.()—–$€£¥\n]{3,80})",
    re.IGNORECASE,
)


def _names_no_part(text: str, cue: Cue, figure_start: int, cues: MoneyCues) -> bool:
    """Whether a cue of a part, in a figure's clause, does not make the figure a part: a figure inside what "part of"
    names is the whole ("this $27 billion forms part of a larger defense budget totaling $150 billion": the $150 billion
    is the budget); "part of" a law or a package makes it a budget line ("$25 billion … as part of the One Big Beautiful
    Bill Act"); "alone" after the programme's own noun prices all of it ("the Golden Dome project alone")."""
    if _PART_OF_RE.fullmatch(text, cue.start, cue.end):
        # (the figure inside what "part of" names, not one the part is priced at: "the costliest part of the design, at
        # roughly $743 billion" is a part)
        return bool(_PART_OF_WHOLE_GAP_RE.fullmatch(text, cue.end, figure_start)) or bool(_LAW_AFTER_RE.match(text, cue.end))
    return bool(_ALONE_RE.fullmatch(text, cue.start, cue.end)) and _whole_named_before(text, cue.start, cues)


_PART_OF_RE = re.compile(r"(?i)part\s+of")
# Between "part of" and a figure inside what it names: no punctuation ("part of a wider $250 million investment").
_PART_OF_WHOLE_GAP_RE = re.compile(r"\s+[^,;:.()—–\n]{0,60}")
_ALONE_RE = re.compile(r"(?i)alone|on\s+its\s+own|by\s+itself")


def _whole_named_before(text: str, at: int, cues: MoneyCues) -> bool:
    """Whether the noun right before ``at`` names the programme as a whole: "the Golden Dome project alone could cost
    $500 billion" prices all of it, "the interceptor layer alone" a part."""
    program = cues.program_total[0] if cues.program_total else ""
    # (not the programme as what a part is of: "That one piece of the project could cost $6 billion")
    return any(
        c.label == program and 0 <= at - c.end <= 1 and not _PART_OF_WHOLE_RE.search(text, max(0, c.start - 40), c.start)
        for c in cues.named_by.find(text, max(0, at - 40), at)
    )


_PART_OF_WHOLE_RE = re.compile(r"(?i)\bof\s+(?:(?:the|this|that|its|their|his|her)\s+)?(?:[\w'’-]+\s+){0,3}$")
# What a figure is "part of" when that is a law, a package of spending or a request for one, not the programme.
_LAW_AFTER_RE = re.compile(
    r"(?i)\s+(?:a|an|the|this|that|its)\s+(?:[\w'’-]+\s+){0,5}?(?:bill|act|law|package|legislation|budget|reconciliation|appropriations?|"
    r"requests?)\b"
)
_QUOTED_NAME_RE = re.compile(r"\s+[\"“‘'][^\"”’'\n]{1,30}[\"”’']")


def _qualifies(gap: str, modifiers: frozenset[str]) -> bool:
    """Whether the words between a figure and a noun only qualify the noun: a name in quotation marks and up to three
    of the codebook's ``named_by_modifiers`` ('$175-billion "Golden Dome" missile shield')."""
    rest = _QUOTED_NAME_RE.sub("", gap, count=1) if _QUOTED_NAME_RE.match(gap) else gap
    words = rest.split()
    return bool(modifiers) and rest[:1].isspace() and len(words) <= 3 and all(w.lower() in modifiers for w in words)


_LISTED_PARTS_RE = re.compile(r"(?i)\b(?:including|of\s+which|among\s+them)\b")
_DASH_BEFORE_RE = re.compile(r"[—–]\s*$")
_DASH_AFTER_RE = re.compile(r"\s*[—–]")
# After a figure that heads a line of a list: the dash or colon that opens what the line says it is.
_LIST_HEADING_AFTER_RE = re.compile(r"[ \t]*(?:[—–:]|\s-\s)[ \t]*")
# Between two figures, the words that set the second against the first as the same quantity then or elsewhere.
_SAME_QUANTITY_GAP_RE = re.compile(
    r"[^$€£¥.;:\n]{0,60}?\b(?:(?:up|down)\s+from|compared\s+(?:with|to))\s+(?:[\w'’-]+\s+){0,3}", re.IGNORECASE
)


def _line_end(text: str, at: int) -> int:
    """Where the line holding position ``at`` ends."""
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _question_cues(text: str, start: int, cues: MoneyCues) -> list:
    """The referent cues of the sentence before ``start`` where it is a question in the same paragraph, else []."""
    before = text[max(0, start - 300) : start]
    if not re.search(r"\?[\"”’']?[ \t]*$", before):
        return []
    opening = max(before.rstrip()[:-1].rfind(mark) for mark in (". ", "? ", "! ", "\n"))
    lo = max(0, start - 300) + opening + 1
    return cues.referents.find(text, lo, start)


# A figure that is the difference between two others: "$10 billion more than the figure he posted in May", "up $10bn from
# the president's figure", "raised the baseline by $10 billion".
_DIFFERENCE_AFTER_RE = re.compile(r"\s+(?:more|less|higher|lower)\s+than\b", re.IGNORECASE)
_DIFFERENCE_BEFORE_RE = re.compile(
    r"\b(?:(?:raised|increased|rose|grew|cut|reduced|lowered|climbed|jumped|fell|affect|alter|change|swing|shift|move)"
    r"\s+(?:[\w'’-]+\s+){0,14}?by|up|down"
    r"|an?\s+(?:increase|rise|jump|cut|reduction|drop|hike)\s+of)\s+"
    r"(?:about\s+|roughly\s+|nearly\s+|some\s+)?$",
    re.IGNORECASE,
)

# Right before a figure, words that make it an amount added to another: "another", "an additional", "a further".
_MORE_MONEY_BEFORE_RE = re.compile(
    r"(?i)\b(?:another|an\s+additional|additional|a\s+further|an\s+extra)\s+(?:(?:about|roughly|nearly|some|potentially|approximately)\s+)?(?:US\s?)?$"
)
# ... and a verb of cost right before those words, which makes the amount a difference: "could cost another".
_COST_VERB_BEFORE_RE = re.compile(r"(?i)\bcost(?:s|ing)?\s+(?:[a-z]+\s+)?$")
# Right after a figure, a bill it is the size of: a fiscal year, then words of what kind of bill, then its noun.
_WHOLE_BILL_AFTER_RE = re.compile(
    r"(?i)[ \t]+(?:(?:fiscal(?:[ \t]+year)?|FY)[ \t]?(?:19|20)?\d\d[ \t]+)?"
    r"(?:(?:defen[cs]e|military|national[ \t]+security|reconciliation|spending|appropriations|budget|tax|omnibus|annual|policy)[ \t]+){0,3}"
    r"(?:bill|legislation|package|measure)\b"
)
# ... unless the bill is one to pay: "foot a", "pick up the", "stuck with a", "hand Ottawa a".
_INVOICE_BEFORE_RE = re.compile(
    r"(?i)\b(?:foot\w*|pay|pays|paying|paid|pick\w*\s+up|stuck\s+with|fac\w*|hand\w*(?:\s+[A-Z]\w+)?|sen[dt]\w*(?:\s+[A-Z]\w+)?)\s+"
    r"(?:a|an|the)\s+(?:(?:hefty|huge|steep|big|massive|whopping)\s+)?(?:US\s?|C)?$"
)
_FOR_BEFORE_RE = re.compile(r"(?i)\b(?:for|in|into|toward|towards)\s+(?:the\s+|its\s+|his\s+|Trump['’]s\s+)?[\"“‘']?$")
# Right after a figure, before the programme's name: "$11 billion to support the ".
_TO_SUPPORT_BEFORE_RE = re.compile(r"(?i)(?:\d|illion|bn)\s+to\s+support\s+(?:the\s+|its\s+)?[\"“‘']?$")
_PRICE_BASIS_RE = re.compile(r"(?i)\b(?:constant\s+|real\s+|then-year\s+)?(?:fiscal(?:\s+year)?\s+|FY\s?)?(?:19|20)\d\d\s+dollars\b")
# The rest of a cue's word and a noun that makes it a body's name: "budget office", "Appropriations Committee".
_BODY_NAMED_AFTER_RE = re.compile(r"\w*\s+(?:office|committee|subcommittee|panel|director|chief|chair(?:man|woman)?)\b", re.IGNORECASE)
_GOVERNING_GAP_RE = re.compile(r"(?i)\s+(?:(?:about|roughly|around|nearly|some|an\s+estimated|up\s+to|as\s+much\s+as|more\s+than)\s+)?")
# A cue that opens with one of these ("over 20 years", "for the program") qualifies the figure; it does not name it.
_LEADING_FUNCTION_WORD_RE = re.compile(r"(?i)(?:over|for|in|to|a|an|the|of|per|by|on|through|from|with|and|or)\b")


def _cue_words(text: str, cue: Cue) -> str:
    """The words of the text a cue matched, whole ("invest" matched in "investing" gives "investing")."""
    end = cue.end
    while end < len(text) and (text[end].isalnum() or text[end] in "-'’"):
        end += 1
    return " ".join(text[cue.start : end].split())


# Where a figure's clause ends; "and that" opens another reported clause: "… an initial $25 billion and that the system …"
_CLAUSE_BREAK_RE = re.compile(r"[,;:—–()]|\s-\s|\bwhich\b|\bwhile\b|\bbut\b|\band\s+that\b")


def _clause_start(text: str, lo: int, at: int) -> int:
    """Where the clause holding position ``at`` starts: after the last comma, semicolon, dash or "which" before it."""
    last = lo
    for match in _CLAUSE_BREAK_RE.finditer(text, lo, at):
        last = match.end()
    return last


# A relative clause in commas that closes where a clause begins: ", which led to the first atomic bomb, ".
_ASIDE_BEFORE_CLAUSE_RE = re.compile(r",\s*(?:which|who)\b[^,;:—–()]{1,120},\s*")
_OWN_CLAUSE_OPENING_RE = re.compile(
    r"\s*(?:(?:and|but|or|while|whereas|yet|so|as|with|the|a|an|its|their|his|her|this|that|it|they|he|she|we)\b|[A-Z$€£¥\d])"
)
# After a figure, a relative clause describes the noun before it, not the figure: "$25 billion for the
# shield that envisions orbiting interceptors" is money for the shield.
_RELATIVE_AFTER_RE = re.compile(r"\b(?:that|who)\s+(?:envisions?|would|will|could|includes?|relies|aims|promises|is|are)\b")


_ONLY_FOR_RE = re.compile(r"\s*(?:just|only|solely|purely)\s+(?:for|on)\b", re.IGNORECASE)


# A figure set beside the one before it as the difference between two ("…, US$10 billion less than he cited",
# "up to $1.5 trillion next year — $500 billion more than now"): a difference as the referents read one
# (_DIFFERENCE_AFTER_RE), or a change named after the figure.
_CHANGE_AFTER_RE = re.compile(r"\s+(?:increase|rise|jump|hike|boost|cut|reduction|drop)\b", re.IGNORECASE)
_APPOSED_RE = re.compile(r"(?:,|—|–|\s-{1,2})\s*(?:(?:a|an)\s+(?:[\w-]+\s+)?)?$", re.IGNORECASE)


def _arithmetic_apposition(text: str, after: int, figure: Found) -> bool:
    """Whether a figure, set off a few words after the figure before it, is the difference between two figures: the
    outlet's arithmetic, no one's estimate ("…, US$10 billion below the figure he gave a day earlier").

    >>> text = "Trump raised the price to $71 billion—$10 billion more than he first asked."
    >>> _arithmetic_apposition(text, text.index("—"), find_amounts(text)[1])
    True
    """
    gap = text[after : figure.start]
    after_figure = _DIFFERENCE_AFTER_RE.match(text, figure.end) or _CHANGE_AFTER_RE.match(text, figure.end)
    return bool(len(gap.split()) <= 6 and _APPOSED_RE.search(gap) and after_figure)


def _clause_end(text: str, at: int, hi: int) -> int:
    """Where the clause holding position ``at`` ends: at the next comma, semicolon, dash, "which" or relative clause
    after it."""
    # (a comma before "just for" or "only for" goes on saying what the figure is for: "$542 billion over 20 years, just for
    # the space-based component")
    breaks = [m for m in _CLAUSE_BREAK_RE.finditer(text, at, hi) if not _ONLY_FOR_RE.match(text, m.end())]
    ends = [m.start() for m in (breaks[0] if breaks else None, _RELATIVE_AFTER_RE.search(text, at, hi)) if m]
    return min(ends, default=hi)


def attributions(
    text: str, sentence: Sentence, figures: list[Found], cues: MoneyCues, analysis: attribution.Analysis | None = None
) -> list[str]:
    """Who each figure of a sentence is attributed to, in the figures' order: the owner :mod:`mediabrief.attribution`
    finds for it (a quotation's speaker; the subject of "said", "estimates", "allocated", "pledging"; "according to
    X", bound to the figure nearest it), named by the codebook's attribution group where one lists it, else as the text
    names it; "unattributed" where the sentence gives it to no one. ``analysis`` is the article's, if already read."""
    if analysis is None:
        analysis = attribution.analyse(text, cues.grammar or attribution.compile_grammar({}), [sentence])
    spans = [(f.start, f.end) for f in figures]
    labels = cues.owner_labels or {}
    result = []
    for figure in figures:
        owner = attribution.owner_of_span(analysis, figure.start, figure.end, spans)
        # A group may list a person by surname ("Guetlein"): the full name the text gives is looked up by it too; and
        # unnamed people by what they are ("lawmakers"), whichever ones the text says ("Republican lawmakers").
        surname = owner.name.split()[-1].lower() if owner.type in ("person", "group") and owner.name else ""
        result.append(labels.get(owner.name.lower(), labels.get(surname, owner.name)) if owner.name else UNATTRIBUTED)
    return result


def _stretch_start(text: str, sentence: Sentence, figures: list[Found], i: int) -> int:
    """Where a figure's own part of the sentence begins: after the previous figure, or at an aside still open."""
    begin = figures[i - 1].end if i else sentence.start
    asides = list(_ASIDE_RE.finditer(text, begin, figures[i].start))
    if asides and not _ASIDE_END_RE.search(text, asides[-1].end(), figures[i].start):
        begin = asides[-1].start()
    return begin


# The hedge of a figure its speaker denies: "this will never be a $30 billion or $40 billion job".
DENIED = "not"
# "not" (or "never") right before a figure, a verb of being or costing and an article between: "will not be a", "won't
# cost", "is not just a"
_DENIED_BEFORE_RE = re.compile(
    r"(?i)(?:\bnot|\bnever|n['’]t)\s+(?:(?:be|cost|run|total)\s+)?(?:(?:a|an)\s+)?(?:(?:mere|just|only|simply)\s+)?(?:a\s+)?$"
)


def is_denied(text: str, begin: int, figure: Found, previous: Found | None = None) -> bool:
    """Whether the words right before a figure deny it ("this is not a $40 billion job", "won't cost $175
    billion"), or it is the second of two figures a denial joins with "or" ("never a $30 billion or $40 billion job").

    >>> t = "This will never be a $30 billion or $40 billion job."
    >>> a, b = find_amounts(t)
    >>> u = "Japan is not a party to the $175 billion plan"
    >>> is_denied(t, 0, a), is_denied(t, a.end, b, a), is_denied(u, 0, find_amounts(u)[0])
    (True, True, False)
    >>> w = "The shield won't cost $175 billion."
    >>> is_denied(w, 0, find_amounts(w)[0])
    True
    """
    if _DENIED_BEFORE_RE.search(text, max(begin, figure.start - 40), figure.start):
        return True
    joined = previous is not None and re.fullmatch(r"\s+or\s+(?:an?\s+)?", text[previous.end : figure.start])
    return bool(joined) and is_denied(text, max(0, previous.start - 40), previous)


def hedge_of(text: str, begin: int, figure: Found, cues: MoneyCues, n_words: int = 6) -> str:
    """The hedge in the last few words before a figure ("up to", "as high as", "estimated"), "" if none."""
    window = text[begin : figure.start]
    starts = list(map(re.Match.start, _TOKEN_RE.finditer(window)))
    offset = begin + (starts[-n_words] if len(starts) >= n_words else 0)
    cue = max(cues.hedges.find(text, offset, figure.start), key=lambda c: (c.end, c.end - c.start), default=None)
    return cue.label if cue else ""


def horizon_of(text: str, begin: int, figure: Found, end: int) -> float:
    """Years a figure is spread over: "over 20 years", "over two decades", "a 20-year cost of", "a year"; NaN if none.

    >>> text = "It may cost $831 billion over two decades."
    >>> horizon_of(text, 0, find_amounts(text)[0], len(text))
    20.0
    """
    after = text[figure.end : end]
    if _PER_YEAR_RE.match(after):
        return 1.0
    match = _HORIZON_AFTER_RE.search(after[:60]) or _HORIZON_BEFORE_RE.search(text[max(begin, figure.start - 60) : figure.start])
    if not match:
        return math.nan
    word = match.group("n").lower()
    count = float(word) if word.isdigit() else float(NUMBER_WORDS.get(word, 1))
    return count * (10 if match.group("u").lower().startswith("decade") else 1)


# --- The table ------------------------------------------------------------------------------------------------------


def _to_usd(value: float, currency: str, rates: dict) -> float:
    rate = rates.get(currency)
    return value * rate if rate is not None else math.nan


def _sentence_rows(
    article_id: str,
    file: str,
    text: str,
    sentence: Sentence,
    figures: list[Found],
    cues: MoneyCues,
    analysis: attribution.Analysis | None = None,
) -> list[dict]:
    """One row per figure of one sentence."""
    rows = []
    sources, readings = attributions(text, sentence, figures, cues, analysis), referent_readings(text, sentence, figures, cues)
    # A sentence that enacts a budget enacts its parts: in "Lawmakers passed $24.4 billion, $18.8 billion of it
    # for X and $5.9 billion for Y", the $5.9 billion is part of the appropriation, not a unit cost.
    enacted = cues.enacted
    enacting = enacted is not None and any(
        r == enacted.referent and o.lower() in enacted.by for o, (r, _) in zip(sources, readings, strict=True)
    )
    # The parts a budget figure lists are the budget's: "set aside $24.4 billion for missile defense, of which
    # $18.8 billion goes to … and $5.9 billion to a homeland defense layer" (a "layer" there is a budget line's name).
    if enacted is not None:
        for i in range(1, len(figures)):
            listed = _LISTED_PARTS_RE.search(text, figures[0].end, figures[i].start)
            budget = [k for k in range(i) if readings[k][0] == enacted.referent and figures[k].end <= (listed.start() if listed else -1)]
            if budget and readings[i][0] != enacted.referent:
                readings[i] = (enacted.referent, readings[budget[0]][1])
    asked = False
    for i, figure in enumerate(figures):
        amount = figure.amount
        low, high = (_to_usd(v, amount.currency, cues.usd_rates) for v in (amount.low, amount.high))
        begin = figures[i - 1].end if i else sentence.start
        end = figures[i + 1].start if i + 1 < len(figures) else sentence.end
        horizon = horizon_of(text, begin, figure, end)
        denied = is_denied(text, begin, figure, figures[i - 1] if i else None)
        point = not (amount.is_range or amount.is_vague)
        owner = sources[i]
        referent, referent_cue = readings[i]
        if owner.lower() in cues.not_owners and _MENTIONED_FIGURE_RE.search(text, max(sentence.start, figure.start - 40), figure.start):
            # "Critics say the $175 billion figure is far too low": the figure is not theirs, but one they argue about
            # (what they put a price at is theirs: "its backers have pegged the price at $175 billion")
            owner = UNATTRIBUTED
        if _SOMEONES_FIGURE_RE.search(text, max(sentence.start, figure.start - 30), figure.start):
            # "Harrison cautions that the promised $175 billion may pay for a few years only": a figure someone else made, as
            # the words before it say, is not the speaker's (its giver, where the article named one, is found below)
            owner = UNATTRIBUTED
        if i and _arithmetic_apposition(text, figures[i - 1].end, figure):
            owner = UNATTRIBUTED  # "to $71 billion—$10 billion more than he first asked": the outlet's own arithmetic
        # (a country's legislature or cabinet is one: "Japan's Cabinet approved ¥9.04 trillion")
        body = re.sub(r"^.*['’]s\s+", "", owner).lower() if enacted is not None else ""
        # (a whole defence budget stays one where a legislature enacts or seeks it: "House Democrats are seeking a $90
        # billion defense spending package, with $4 billion earmarked for the shield")
        whole = _is_whole_budget(cues, referent, referent_cue)
        if enacting and owner.lower() in enacted.by and not whole:
            referent = enacted.referent
        if enacted and referent in enacted.instead_of and owner.lower() in enacted.legislatures:
            referent = enacted.referent  # "Congress committed $25 billion": an appropriation, not a partner's pledge
        # (a figure the ask goes on to set its first in: "proposed a first $20 billion tranche as part of a broader $140
        # billion package" asks for both; and the parts it lists: "are seeking a $150 billion boost, with $25 billion
        # earmarked for the shield", "propose $150 billion, including $27 billion for Golden Dome")
        between = text[figures[i - 1].end : figure.start] if i else ""
        part_asked = i > 0 and asked and bool(_PART_OF_LARGER_RE.search(between) or _ASKED_PARTS_RE.match(between))
        if part_asked and owner == UNATTRIBUTED and rows[-1]["attributed_to"] == sources[i - 1]:
            owner = sources[i - 1]  # whoever asks for the whole asks for the part it lists
        asked = bool(_ASKING_BEFORE_RE.search(text, max(sentence.start, figure.start - 60), figure.start)) or (
            part_asked and owner == sources[i - 1]
        )
        # (a whole defence budget read as "other" is enacted all the same: "Japan's government has budgeted a record ¥9.04
        # trillion for defense")
        if enacted and (referent == enacted.referent or whole) and (owner.lower() in enacted.by or body in enacted.by) and not asked:
            # "Congress approved $24 billion": an enacted sum is a fact the outlet states ("Congress is seeking $25
            # billion" is Congress's ask)
            owner = UNATTRIBUTED
        if _UNNAMED_RELAY_RE.search(owner) and _is_enacted_sum(text, sentence, figure):
            # "… no plan to spend the first $25 billion appropriated for the program, according to eight sources": unnamed
            # sources tell of the plan, not of the sum, which Congress passed
            owner = UNATTRIBUTED
        rows.append(
            {
                "article_id": article_id,
                "file": file,
                "surface": text[figure.start : figure.end],
                "start": figure.start,
                "end": figure.end,
                "currency": amount.currency,
                "amount_usd": low if point else math.nan,
                "amount_low_usd": low,
                "amount_high_usd": high,
                "is_range": amount.is_range,
                "is_vague": amount.is_vague,
                "hedge": DENIED if denied else hedge_of(text, begin, figure, cues),
                "horizon_years": horizon,
                "per_year_usd": high / horizon if horizon > 0 else math.nan,
                "referent": referent,
                "referent_cue": referent_cue,
                "attributed_to": owner,
                "sentence": sentence.text,
            }
        )
    return rows


def article_mentions(
    article_id: str,
    file: str,
    text: str,
    cues: MoneyCues,
    sentences: list[Sentence] | None = None,
    analysis: attribution.Analysis | None = None,
) -> list[dict]:
    """The money rows of one article's text; ``sentences`` are its sentences and ``analysis`` its reading for who
    says what (:func:`mediabrief.attribution.analyse`), if already made."""
    text = text if isinstance(text, str) else ""
    rows = []
    found = sentences_with_figures(text, find_amounts(text), sentences)
    if not found:
        return rows
    # Who says what is read for the whole article: a pronoun or "the agency" reaches back to earlier sentences.
    if analysis is None:
        analysis = attribution.analyse(text, cues.grammar or attribution.compile_grammar({}), sentences)
    for sentence, inside in _with_descriptions(text, found, analysis.sentences):
        rows.extend(_sentence_rows(article_id, file, text, sentence, inside, cues, analysis))
    return _converted(_repeat_owners(_carry_owners(_named_next(rows, analysis, cues), text, analysis, cues), text), text)


# Between a figure and the same sum in another currency: "¥100 billion ($690 million)", "$71 billion is roughly C$99
# billion", "US$542 billion, or about C$750 billion".
_CONVERSION_GAP_RE = re.compile(
    r"\s*(?:\(|,\s*or|\s+or|,|\s+is|\s+was|\s+—|\s+-)?\s*(?:about|roughly|around|approximately|some|nearly|almost|close\s+to|"
    r"at\s+today['’]s\s+rates,?|or)?\s*"
)


# Unnamed people an outlet relays ("eight sources familiar with the situation", "people familiar with the matter").
_UNNAMED_RELAY_RE = re.compile(r"(?i)^(?:[\w-]+\s+){0,2}(?:sources?|people|persons?|insiders?)\b")
# A sum passed into law, as the words around it say: "the $25 billion appropriated for", "Congress cleared nearly $25 billion".
_ENACTED_AFTER_RE = re.compile(
    r"(?i)\s+(?:(?:in|of)\s+[\w-]+\s+(?:funding\s+)?)?(?:appropriated|earmarked|allocated|approved|set\s+aside)\b"
)
_ENACTED_BEFORE_RE = re.compile(
    r"(?i)\b(?:appropriated|earmarked|allocated|approved|cleared|set\s+aside)\s+(?:(?:nearly|about|roughly|some|almost|an?|the)\s+)*$"
)


def _is_enacted_sum(text: str, sentence: Sentence, figure: Found) -> bool:
    """Whether the words around a figure say it is a sum passed into law."""
    return bool(
        _ENACTED_AFTER_RE.match(text, figure.end) or _ENACTED_BEFORE_RE.search(text, max(sentence.start, figure.start - 40), figure.start)
    )


# A verb of asking right before a figure: a sum asked for is not yet enacted ("Congress is seeking $25 billion").
# A figure referred to, not given: a determiner or a possessor right before it, a word at most between ("the $175
# billion figure", "Trump's $175 billion", "that $542 billion"; not "argue that spending around $50 billion").
_MENTIONED_FIGURE_RE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[A-Z][\w.-]*['’]s)\s+(?:[\w-]+\s+)?$")
# Words before a figure that say it is one someone else gave: "the promised $175 billion", "the president's proposed".
_SOMEONES_FIGURE_RE = re.compile(r"(?i)\bthe\s+(?:(?:originally|initially)\s+)?(?:promised|touted|advertised|announced|quoted)\s+$")
# The whole a first figure is a part of: "… $20 billion tranche as part of a broader $140 billion package".
# Between an asked sum and a part it lists: "… boost in the reconciliation bill, with", "… spending, including".
_ASKED_PARTS_RE = re.compile(r"[^.;:$€£¥]{0,80},\s+(?:with|including|of\s+which)\s+(?:(?:about|nearly|roughly|some|up\s+to)\s+)?$")
_PART_OF_LARGER_RE = re.compile(
    r"(?i)\b(?:as\s+)?(?:part\s+of|under|within|in)\s+(?:a|an|the|its|their)\s+(?:larger|broader|wider|bigger)\s+$"
)
_ASKING_BEFORE_RE = re.compile(
    r"(?i)\b(?:seek(?:s|ing)?|sought|request(?:s|ed|ing)?|propos(?:e|es|ed|ing)|suggest(?:s|ed|ing)?|(?:is|are|was|were)\s+asking\s+for|asks?\s+for|wants?)\b"
    r"(?:\s+[\w'’-]+){0,4}?\s*$"
)


# Words that say a figure restates another in a second currency.
_CONVERSION_WORDS_RE = re.compile(
    r"(?i)\bexchange\s+rates?\b|\bin\s+(?:canadian|australian|u\.?s\.?|american|japanese|new\s+zealand)\s+(?:dollars|terms)\b"
    r"|\bin\s+(?:yen|euros|pounds|won)\b|\bworks?\s+out\s+to\b|\bconvert(?:s|ed)?\b|\bequivalent\b"
)


def _converted(rows: list[dict], text: str) -> list[dict]:
    """A figure that restates the one before it in another currency says what that one says: its referent and owner."""
    for k in range(1, len(rows)):
        before, row = rows[k - 1], rows[k]
        if before["currency"] == row["currency"]:
            continue
        if before["sentence"] != row["sentence"]:
            # ... or the figure of the sentence before, restated in words that say so: "Trump wants $61 billion. In
            # Canadian dollars, Trump's figure is roughly C$84 billion" (a price to a partner, not a programme total)
            a, b = before["amount_high_usd"], row["amount_high_usd"]
            restated = a > 0 and b > 0 and 0.85 <= a / b <= 1.15 and _CONVERSION_WORDS_RE.search(row["sentence"])
            if restated and (not row["referent_cue"] or _GENERIC_CUE_RE.fullmatch(row["referent_cue"])):
                rows[k] = row | {key: before[key] for key in ("referent", "referent_cue", "attributed_to")}
            continue
        a, b = before["amount_high_usd"], row["amount_high_usd"]
        # (a currency without a rate cannot be compared: the words between them decide)
        gap = text[before["end"] : row["start"]]
        # ... or its value set after the words that follow it, the two values near: "a record ¥9.04 trillion defense
        # budget for the fiscal year starting in April, about $58 billion, as …"
        apposed = a > 0 and b > 0 and 0.85 <= a / b <= 1.15 and _VALUE_AFTER_WORDS_RE.fullmatch(gap)
        if (a > 0 and b > 0 and not 0.6 <= a / b <= 1.6) or not (_CONVERSION_GAP_RE.fullmatch(gap) or apposed):
            continue
        rows[k] = row | {key: before[key] for key in ("referent", "referent_cue", "attributed_to")}
    return rows


# Words after a figure, then its value in another currency after a comma ("…, about $58 billion"): no other figure,
# full stop or clause break between.
_VALUE_AFTER_WORDS_RE = re.compile(
    r"[^.;:$€£¥\d]{0,90}?,\s*(?:or\s+)?(?:about|roughly|around|some|nearly|approximately|almost|or)\s+"
)


# "the" right before a figure: one the article has given before ("the $1.2 trillion").
_POINTED_BACK_RE = re.compile(r"(?<![\w-])[Tt]he\s+$")


def _repeat_owners(rows: list[dict], text: str) -> list[dict]:
    """A figure written again later in an article is the one given before, where nothing new is said of it: without
    anyone named for it, it is its owner's ("Trump put the cost at $175 billion. … Nobody has said what the $175 billion
    buys." takes Trump's); without a word of what it covers, it covers what it covered. So is one the article points
    back to with "the", whoever speaks of it: in "The CBO put the cost at $1.2 trillion. … Harrison said the $1.2
    trillion was no surprise", the figure stays the CBO's."""
    for k, row in enumerate(rows):
        same = [
            r
            for r in rows[:k]
            if r["currency"] == row["currency"]
            and r["amount_low_usd"] == row["amount_low_usd"]
            and r["amount_high_usd"] == row["amount_high_usd"]
        ]
        owned = [r for r in same if r["attributed_to"] != UNATTRIBUTED]
        pointed_back = (
            not row["is_vague"]  # (not a size in words: "the trillion-dollar shield" is the speaker's own description)
            and _POINTED_BACK_RE.search(text, max(0, row["start"] - 5), row["start"]) is not None
        )
        if owned and (row["attributed_to"] == UNATTRIBUTED or pointed_back):
            row = row | {"attributed_to": owned[-1]["attributed_to"]}
        described = [r for r in same if r["referent_cue"]]
        if not row["referent_cue"] and described:
            row = row | {"referent": described[-1]["referent"], "referent_cue": described[-1]["referent_cue"]}
        # A word that only says it is a cost ("it would cost $61 billion") says less than what the same giver called the
        # same figure before ("Ottawa must pay $61 billion to join"): it keeps that reading.
        specific = [r for r in described if r["attributed_to"] == row["attributed_to"] and not _GENERIC_CUE_RE.fullmatch(r["referent_cue"])]
        # (so does a word that only says it is a figure: "Trump confirmed the new $71 billion figure")
        if row["referent_cue"] and _GENERIC_CUE_RE.fullmatch(row["referent_cue"]) and specific:
            row = row | {"referent": specific[-1]["referent"], "referent_cue": specific[-1]["referent_cue"]}
        rows[k] = row
    return rows


def _with_descriptions(
    text: str, found: list[tuple[Sentence, list[Found]]], sentences: list[Sentence]
) -> list[tuple[Sentence, list[Found]]]:
    """The sentences with figures, where figures standing alone as a list item's heading ("4. $17.5bn", "10. $61bn, then
    $71bn") are read with the line that describes them ("The White House request for fiscal 2027."): what they cover
    and over what horizon."""
    starts = [s.start for s in sentences]
    result = []
    for sentence, inside in found:
        k = bisect.bisect_left(starts, sentence.start)
        alone = attribution.list_heading(text, sentence.start, sentence.end, [(f.start, f.end) for f in inside])
        if alone and k + 1 < len(sentences) and sentences[k].start == sentence.start:
            following = sentences[k + 1]
            sentence = Sentence(sentence.start, following.end, text[sentence.start : following.end])
        result.append((sentence, inside))
    return result


# A figure priced in the conditional, its verb right before it: "would cost $471 billion", "could still run to $2 trillion".
_CONDITIONAL_COST_RE = re.compile(
    r"\b(?:would|could|might)\s+(?:still\s+|likely\s+|only\s+|also\s+|alone\s+)?(?:cost|run|total|reach|exceed|require|top|"
    r"amount\s+to|come\s+to|be)\s+(?:to\s+)?(?:(?:about|around|roughly|nearly|some|approximately|"
    r"more\s+than|at\s+least|up\s+to|as\s+much\s+as|an\s+estimated|another|an\s+additional)\s+)?$"
)
# ... or after it: "Upwards of $1 trillion would be devoted to hardware", "$700 billion would go to interceptors".
_CONDITIONAL_AFTER_RE = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:would|could|might)\s+(?:be\s+devoted|go|be\s+spent|be\s+needed|be\s+required)\b"
)
# "nearly all of it", "most of that": the figure of the sentence itself, not an estimate before it.
_QUANTIFIER_BEFORE_RE = re.compile(r"\b(?:all|most|much|some|none|half|part|rest|share)\s+$", re.IGNORECASE)


# A sentence whose subject is a document no one is named for yet: "A new report estimates …", "A study released on
# Friday found …".
_UNNAMED_DOCUMENT_RE = re.compile(
    r"\W*(?:[A-Z][A-Z .,'-]*\s[-—–]\s*)?(?:An?|One)\s+(?:(?:new|recent|fresh|separate|independent|latest|\d+-page)\s+)*"
    r"(?:report|study|analysis|paper|assessment)\b"
)
# The next sentence naming it: "… according to an autumn study by the American Enterprise Institute",
# "The report, by the Congressional Budget Office, …", "The study from AEI …".
_DOCUMENT_BY_RE = re.compile(r"(?i)\b(?:report|study|analysis|paper|assessment)\b[^;]{0,60}?\b(?:by|from)\s+(?:the\s+)?$")


def _named_next(rows: list[dict], analysis: attribution.Analysis, cues: MoneyCues) -> list[dict]:
    """Give a figure that a document no one is named for gives ("A new report estimates … $252 billion to $3.6 trillion")
    the body the next sentence names as the document's author ("… according to an autumn study by the American
    Enterprise Institute")."""
    ends = [s.end for s in analysis.sentences]
    labels = cues.owner_labels or {}
    for k, row in enumerate(rows):
        if row["attributed_to"] != UNATTRIBUTED:
            continue
        i = bisect.bisect_right(ends, row["start"])
        if i + 1 >= len(analysis.sentences) or not _UNNAMED_DOCUMENT_RE.match(analysis.text, analysis.sentences[i].start):
            continue
        following = analysis.sentences[i + 1]
        authors = [
            m
            for m in analysis.mentions
            if following.start <= m.start < following.end
            and m.entity >= 0
            and m.kind == "name"
            and analysis.type(m.entity) in ("organisation", "outlet")
            and _DOCUMENT_BY_RE.search(analysis.text, following.start, m.start)
        ]
        if authors:
            name = analysis.name(authors[0].entity)
            rows[k] = row | {"attributed_to": labels.get(name.lower(), name)}
    return rows


def _carry_owners(rows: list[dict], text: str, analysis: attribution.Analysis, cues: MoneyCues) -> list[dict]:
    """Give a figure its estimate's owner where its sentence names no one but points back to the estimate just given
    ("The CBO put the system at $1.2 trillion. Roughly $743 billion of that goes to interceptors."; "The same office
    costed the full system. It came to about $1.2 trillion."): the owner of the sentence or two before, in the same
    paragraph, whether a figure there has one or a person or body there speaks. A figure priced in the conditional right
    after an owned estimate, in a sentence that names no one, goes on with it ("The CBO put the system at $1.2 trillion.
    Upwards of $1 trillion would be devoted to hardware.")."""
    ends = [s.end for s in analysis.sentences]
    for k, row in enumerate(rows):
        if row["attributed_to"] != UNATTRIBUTED:
            continue
        i = bisect.bisect_right(ends, row["start"])
        if i >= len(analysis.sentences) or analysis.attributions[i]:
            continue
        sentence = analysis.sentences[i]
        if any(sentence.start <= m.start < sentence.end and m.kind == "name" for m in analysis.mentions):
            continue  # the sentence names someone of its own: the figure is not simply the last estimate's
        points_back = cues.carried is not None and any(
            not _QUANTIFIER_BEFORE_RE.search(row["sentence"], 0, m.start()) for m in cues.carried.finditer(row["sentence"])
        )
        if not points_back:
            rows[k] = row | {"attributed_to": _conditional_owner(row, rows[:k], text, analysis, i, cues)}
            continue
        voice = attribution.earlier_voice(analysis, i)
        earlier = [
            r
            for r in rows[:k]
            if r["attributed_to"] != UNATTRIBUTED and voice.start <= r["start"] and "\n\n" not in text[r["end"] : row["start"]]
        ]
        if earlier and (not voice.name or earlier[-1]["start"] >= voice.position):
            rows[k] = row | {"attributed_to": earlier[-1]["attributed_to"]}
        elif voice.name:
            labels = cues.owner_labels or {}
            rows[k] = row | {"attributed_to": labels.get(voice.name.lower(), voice.name)}
    return rows


def _conditional_owner(row: dict, earlier: list[dict], text: str, analysis: attribution.Analysis, i: int, cues: MoneyCues) -> str:
    """The owner of the estimate in the sentence right before sentence ``i`` (same paragraph), where ``row``'s figure, in
    digits, goes on pricing it in the conditional with no verb of speech of its own before it ("The CBO put the whole
    system at $1.2 trillion. Upwards of $1 trillion would be devoted to hardware."; not "An American think tank has
    suggested the most capable version could reach $3.6 trillion"); else the row's own (unattributed)."""
    if i == 0 or not re.search(r"\d", row["surface"]):
        return row["attributed_to"]
    before, sentence = analysis.sentences[i - 1], analysis.sentences[i]
    estimated = [r for r in earlier if before.start <= r["start"] < before.end and r["attributed_to"] != UNATTRIBUTED]
    conditional = _CONDITIONAL_COST_RE.search(text, sentence.start, row["start"]) or _CONDITIONAL_AFTER_RE.match(text, row["end"])
    speech = cues.grammar is not None and cues.grammar.verbs.search(text, sentence.start, row["start"])
    if not estimated or not conditional or speech or "\n" in text[before.end : row["start"]]:
        return row["attributed_to"]
    return estimated[-1]["attributed_to"]


def sentences_with_figures(text: str, figures: list[Found], sentences: list[Sentence] | None = None) -> list[tuple[Sentence, list[Found]]]:
    """The sentences of a text in which figures begin, each with those figures, in reading order. ``sentences`` are the
    text's sentences, if already split.

    >>> text = "No figure.\\nIt costs $5. Or $6.\\nNone here."
    >>> [(s.text, len(f)) for s, f in sentences_with_figures(text, find_amounts(text))]
    [('It costs $5.', 1), ('Or $6.', 1)]
    """
    if not figures:
        return []  # no need to split a text without figures
    sentences = split_sentences(text) if sentences is None else sentences
    starts = [f.start for f in figures]  # figures come in reading order
    found = []
    for sentence in sentences:
        first, last = bisect.bisect_left(starts, sentence.start), bisect.bisect_left(starts, sentence.end)
        if first < last:
            found.append((sentence, figures[first:last]))
    return found


def money_mentions(articles: pd.DataFrame, codebook: dict) -> pd.DataFrame:
    """One row per money mention in the articles' cleaned ``text`` (columns: :data:`money_table_columns`): each
    article read alone (:func:`mentions_by_article`), then what a figure covers, where no word at the figure says it,
    read as most of the corpus's articles read the same amount (:func:`read_as_most_sources`).

    >>> book = {"money": {"referents": {"part or unit cost": ["per interceptor"]}}}
    >>> table = money_mentions(pd.DataFrame({"article_id": ["a"], "file": ["a.txt"], "text": ["About $2M per interceptor."]}), book)
    >>> table[["surface", "amount_usd", "hedge", "referent", "attributed_to"]].values.tolist()
    [['$2M', 2000000.0, '', 'part or unit cost', 'unattributed']]
    """
    return read_as_most_sources(mentions_by_article(articles, codebook), codebook)


def mentions_by_article(articles: pd.DataFrame, codebook: dict) -> pd.DataFrame:
    """The money mentions of each article read alone: partition-pure, for the per-article stage (the corpus's
    reading, :func:`read_as_most_sources`, follows once every partition is in)."""
    cues = MoneyCues.from_codebook(codebook)
    # Read for who says what once per article, shared with the voices and citations stages.
    analysed = attribution.analyse_articles(articles, codebook) if len(articles) else {}
    rows = [
        row
        for a, sentences in zip(articles.itertuples(index=False), article_sentences(articles), strict=True)
        for row in article_mentions(a.article_id, a.file, a.text, cues, sentences, analysed.get(a.article_id))
    ]
    table = pd.DataFrame(rows, columns=money_table_columns)
    return table.astype({"start": "int64", "end": "int64", "is_range": "bool", "is_vague": "bool"} | dict.fromkeys(_FLOATS, "float64"))


# A reading of what a figure covers that this many of the corpus's articles share, at least, is the corpus's reading of
# that amount (chosen on the 180 fitted real pages and the development corpus, read apart: 0.6 and 0.9 did worse on one).
MOST_SOURCES_SHARE = 0.75
MOST_SOURCES_MIN_ARTICLES = 3


def partner_readings(codebook: dict) -> frozenset[str]:
    """The readings of what a figure covers that name who pays (the codebook's ``requires_named``: a partner's purchase
    or pledge)."""
    return frozenset(str(label) for label in (((codebook or {}).get("money") or {}).get("requires_named") or {}))


def known_figures(codebook: dict) -> dict[float, tuple[str, str]]:
    """The codebook's ``known_figures``: US dollars -> (what the figure covers, what it is, in words).

    >>> known_figures({"money": {"known_figures": [{"usd": 175_000_000_000, "referent": "other", "what": "Trump's"}]}})
    {175000000000.0: ('other', "Trump's")}
    """
    money = (codebook or {}).get("money") or {}
    labels = set(money.get("referents") or {}) | {money.get("program_total"), (money.get("per_unit") or {}).get("label"), OTHER}
    known = {}
    for n, figure in enumerate(money.get("known_figures") or [], start=1):
        usd = figure.get("usd") if isinstance(figure, dict) else None
        referent = figure.get("referent") if isinstance(figure, dict) else None
        if isinstance(usd, bool) or not isinstance(usd, int | float) or referent not in labels:
            raise CodebookError(
                f"money.known_figures, entry {n} ({figure!r}): give 'usd' as a number of US dollars (175_000_000_000) and "
                f"'referent' as one of the money section's labels ({', '.join(sorted(str(label) for label in labels if label))}), "
                "as in data/codebook/money.yaml."
            )
        known[float(usd)] = (str(referent), str(figure.get("what", "")))
    return known


def read_as_most_sources(mentions: pd.DataFrame, codebook: dict | None = None) -> pd.DataFrame:
    """The mentions with what a figure covers read as most of the corpus's articles read the same amount, where no word
    written right at the figure says otherwise; where the corpus cannot say, as the codebook's ``known_figures`` say.

    The words around a figure mislead more often than the corpus does: "Washington means to set aside some
    175 billion dollars" reads as a budget where sixty articles give the same $175 billion as the
    programme's total. So where at least :data:`MOST_SOURCES_MIN_ARTICLES` articles give an amount and
    :data:`MOST_SOURCES_SHARE` of them read it one way, the others take that reading (``referent_cue`` then says so),
    unless a word right after the figure names what it is ("$22 million per satellite", "a $1 trillion defense
    budget") or it is a difference ("$10 billion more than"): the text's own word, which the corpus does not overrule.
    Nor does it overrule a partner's purchase or pledge (:func:`partner_readings`) said right before the figure: "Japan
    is poised to invest up to $831 billion" is what that text claims, however many others give the $831 billion as a
    total, and the disagreement is the briefing's to show. A corpus too small or too split to say reads a figure the
    story is known for (the codebook lists them: "$175 billion", the cost Trump gave the whole shield) as the codebook
    does, on the same terms.

    >>> rows = [("a", "$175 billion", "program total", ""), ("b", "$175 billion", "program total", ""),
    ...         ("c", "$175 billion", "program total", ""), ("d", "$175 billion", "budget or appropriation", "allocate")]
    >>> table = pd.DataFrame(rows, columns=["file", "surface", "referent", "referent_cue"]).assign(
    ...     amount_low_usd=175e9, amount_high_usd=175e9, sentence=lambda d: "They allocate " + d["surface"] + " in all.")
    >>> read_as_most_sources(table)[["referent", "referent_cue"]].values.tolist()[-1]
    ['program total', 'as 3 of the 3 other articles giving $175 billion read it']
    """
    if mentions.empty:
        return mentions
    table, partners, known = mentions.copy(), partner_readings(codebook), known_figures(codebook)
    part = str(((codebook or {}).get("money", {}).get("per_unit") or {}).get("label", ""))

    def unsaid(rows: pd.DataFrame, reading: str) -> pd.Index:
        """The rows read otherwise than ``reading`` from no word written at their figure."""
        others = rows[rows["referent"].ne(reading)]
        keep = [
            _named_at_figure(s, f, c, before=r in partners) or (bool(part) and r == part and _alone_before(s, f))
            for s, f, c, r in zip(others["sentence"], others["surface"], others["referent_cue"], others["referent"], strict=True)
        ]
        return others.index[~np.array(keep, dtype=bool)]

    given = table[table["amount_low_usd"].notna()]
    for (low, high), same in given.groupby(["amount_low_usd", "amount_high_usd"], sort=False):
        n_articles = same["file"].nunique()
        readings = same.groupby("referent", sort=False)["file"].nunique().sort_values(ascending=False, kind="stable")
        if n_articles >= MOST_SOURCES_MIN_ARTICLES and readings.iloc[0] / n_articles >= MOST_SOURCES_SHARE:
            reading = readings.index[0]
            changed = unsaid(same, reading)
            table.loc[changed, "referent"] = reading
            agreeing = set(same.loc[same["referent"].eq(reading), "file"])
            for k in changed:
                # (the other articles: one that reads the amount both ways is not its own witness)
                n_others, n_agree = n_articles - 1, len(agreeing - {table.at[k, "file"]})
                table.at[k, "referent_cue"] = _CORPUS_CUE.format(agree=n_agree, others=n_others, amount=format_usd(low, high))
        elif low == high and low in known:
            reading, what = known[low]
            changed = unsaid(same, reading)
            table.loc[changed, "referent"] = reading
            table.loc[changed, "referent_cue"] = f"{_KNOWN_CUE}: {what}" if what else _KNOWN_CUE
    return table


# What ``referent_cue`` says of a reading the corpus or the codebook gave, and how read_by_corpus knows it again.
_CORPUS_CUE = "as {agree} of the {others} other articles giving {amount} read it"
_KNOWN_CUE = "a figure the story is known for"
_CORPUS_READING_RE = re.compile(rf"as \d+ of the \d+ other articles giving |{_KNOWN_CUE}")


def read_by_corpus(mentions: pd.DataFrame) -> pd.Series:
    """Which mentions :func:`read_as_most_sources` read as the corpus (or the codebook's known figures) reads their
    amount, not from their own words."""
    return mentions["referent_cue"].astype(str).str.match(_CORPUS_READING_RE)


def _alone_before(sentence: str, surface: str) -> bool:
    """Whether a sentence says a part "alone" costs the figure, before it: "the orbital parts alone may come to over $500
    billion", a part in so many words, whatever other articles make of the amount.

    >>> _alone_before("The orbital layer alone could cost $500 billion.", "$500 billion"), _alone_before("It costs $5.", "$5")
    (True, False)
    """
    at = sentence.find(surface)
    return at > 0 and bool(re.search(r"(?i)\balone\b", sentence[:at]))


def _named_at_figure(sentence: str, surface: str, cue: str, before: bool = False) -> bool:
    """Whether what a figure covers is written right after it (or, with ``before``, right before it), or it is a
    difference: a reading the corpus keeps.

    >>> _named_at_figure("a $1 trillion defense budget", "$1 trillion", "defense budget")
    True
    >>> _named_at_figure("plans to allocate approximately $175 billion", "$175 billion", "allocate")
    False
    """
    if cue == "difference":
        return True
    if not cue or _GENERIC_CUE_RE.fullmatch(cue) or surface not in sentence or cue not in sentence:
        return False
    if sentence.index(cue) > sentence.index(surface):
        return _cue_next_to(sentence, surface, cue, 1)
    return before and _cue_next_to(sentence, surface, cue, 2)  # ("invest up to $831 billion")


_FLOATS = ["amount_usd", "amount_low_usd", "amount_high_usd", "horizon_years", "per_year_usd"]


# --- Comparing sources ----------------------------------------------------------------------------------------------


def format_usd(low: float, high: float | None = None) -> str:
    """A USD amount or range as a reader writes it.

    >>> format_usd(831e9), format_usd(175e9, 831e9), format_usd(1e11, 1e13)
    ('$831 billion', '$175 billion–$831 billion', '$100 billion–$10 trillion')
    """
    if high is not None and not math.isclose(low, high):
        return f"{format_usd(low)}–{format_usd(high)}"
    for name, scale in sorted(SCALES.items(), key=lambda kv: -kv[1]):
        if abs(low) >= scale:
            return f"${low / scale:,.3g} {name}".replace("e+", "e")
    return f"${low:,.0f}"


def _with_outlets(mentions: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The mentions that have a USD amount, with their article's outlet and a readable amount."""
    columns = ["article_id", "outlet", *(["published"] if "published" in articles else [])]
    table = mentions.merge(articles[columns], on="article_id", how="left")
    table = table[table["amount_low_usd"].notna()].copy()
    table["amount"] = [format_usd(lo, hi) for lo, hi in zip(table["amount_low_usd"], table["amount_high_usd"], strict=True)]
    return table


def distinct_figures(mentions: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct (amount_low_usd, amount_high_usd, referent): which outlets report it, and who each says
    it comes from. Mentions without a USD amount (a currency with no rate in the codebook) cannot be compared and are left out."""
    keys = ["amount_low_usd", "amount_high_usd", "referent"]
    table = _with_outlets(mentions, articles).dropna(subset=keys)
    # One pass over the rows (a groupby per figure is slow when there are thousands of figures).
    figures: dict[tuple, dict] = {}
    for *key, amount, outlet, who in zip(*(table[c].tolist() for c in [*keys, "amount", "outlet", "attributed_to"]), strict=True):
        figure = figures.setdefault(tuple(key), {"amount": amount, "n_mentions": 0, "by_outlet": {}})
        figure["n_mentions"] += 1
        if not pd.isna(outlet):  # as in a groupby by outlet, a missing outlet is left out
            figure["by_outlet"].setdefault(outlet, {})[who] = None
    rows = []
    for (low, high, referent), figure in sorted(figures.items()):
        by_outlet = {outlet: ", ".join(who) for outlet, who in sorted(figure["by_outlet"].items())}
        rows.append(
            {
                "amount_low_usd": low,
                "amount_high_usd": high,
                "referent": referent,
                "amount": figure["amount"],
                "n_mentions": figure["n_mentions"],
                "n_outlets": len(by_outlet),
                "outlets": "; ".join(by_outlet),
                "attributions": "; ".join(f"{outlet}: {who}" for outlet, who in by_outlet.items()),
            }
        )
    return pd.DataFrame(rows, columns=DISTINCT_COLUMNS)


def conflicts(
    table: pd.DataFrame, key_cols: list[str], value_col: str, source_col: str = "outlet", quote_col: str = "sentence", silent=()
) -> pd.DataFrame:
    """Pairs of sources that give the same key different values, each quoted; values in ``silent`` (e.g. "the text
    does not say") contradict nothing and are skipped. Columns: the key columns, source_a, value_a, quote_a, source_b,
    value_b, quote_b; one row per pair of (source, value), the first quote of each.

    >>> t = pd.DataFrame({"k": [1, 1, 1], "v": ["x", "y", "x"], "outlet": ["A", "B", "C"], "sentence": ["a", "b", "c"]})
    >>> conflicts(t, ["k"], "v")[["source_a", "value_a", "source_b", "value_b"]].values.tolist()
    [['A', 'x', 'B', 'y'], ['B', 'y', 'C', 'x']]
    """
    columns = [*key_cols, "source_a", "value_a", "quote_a", "source_b", "value_b", "quote_b"]
    usable = table[~table[value_col].isin(list(silent))].sort_values(source_col, kind="stable")
    # The first quote of each (key, source, value); like groupby, leave out rows whose key is missing.
    firsts = usable.dropna(subset=key_cols).drop_duplicates([*key_cols, source_col, value_col])
    a, b = _pairs_within(firsts.groupby(key_cols, sort=True).ngroup().to_numpy())
    sides = {col: firsts[col].to_numpy(dtype=object) for col in dict.fromkeys([*key_cols, source_col, value_col, quote_col])}
    # Object arrays compare element by element with Python's != (so NaN differs from NaN, as in a loop over rows).
    differ = (sides[source_col][a] != sides[source_col][b]) & (sides[value_col][a] != sides[value_col][b])
    a, b = a[differ], b[differ]
    picked = [*(sides[k][a] for k in key_cols), *(sides[c][i] for i in (a, b) for c in (source_col, value_col, quote_col))]
    # Rows of Python values, as the table had them, so pandas infers the same column types as for any list of rows.
    return pd.DataFrame(list(zip(*(p.tolist() for p in picked), strict=True)), columns=columns)


def _pairs_within(groups: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every pair (i, j) of row positions with i before j in the same group, by group number, then i, then j: what
    itertools.combinations gives for each group's rows in turn.

    >>> [p.tolist() for p in _pairs_within(np.array([1, 0, 1, 0, 1]))]
    [[1, 0, 0, 2], [3, 2, 4, 4]]
    """
    order = np.argsort(groups, kind="stable")
    sizes = np.bincount(groups, minlength=1)
    ends = np.cumsum(sizes)
    firsts, seconds = [np.empty(0, dtype=np.intp)], [np.empty(0, dtype=np.intp)]
    for start, end in zip(ends - sizes, ends, strict=True):
        i, j = np.triu_indices(end - start, 1)
        firsts.append(order[start + i])
        seconds.append(order[start + j])
    return np.concatenate(firsts), np.concatenate(seconds)


def discrepancies(
    mentions: pd.DataFrame, articles: pd.DataFrame, program_total: str | None = "program total", speaks_for: dict | None = None
) -> pd.DataFrame:
    """Where sources disagree, derived from the mentions: the same amount with different referents or attributions,
    or the same referent from the same actor with incompatible amounts (see ``_incompatible_amounts``). "other",
    "unattributed" and vague sizes ("multibillion-dollar") contradict nothing, and a round amount ("$1 trillion", "$10
    million") is too common a number for two sources giving it to be talking about the same thing. One row per
    disagreement, the outlets on each side listed.
    ``speaks_for`` (the codebook's ``money.speaks_for``) names whom an owner speaks for: a figure one source gives to
    the programme's director and another to the Pentagon he works for is no dispute over who gives it."""
    table = _with_outlets(given_as_estimates(mentions), articles)
    checks = [
        ("same amount, different referent", ["amount"], "referent"),
        ("same amount, different attribution", ["amount"], "attributed_to"),
        ("same referent and source, different amount", ["referent", "attributed_to"], "amount"),
    ]
    table = table[~table["referent"].eq(OTHER)]
    if "is_vague" in table:  # "a multibillion-dollar shield", "hundreds of billions": a size, no figure two sources can dispute
        table = table[~table["is_vague"].astype(bool)]
    # One source gives many budget lines and unit costs: only a programme total is one thing whose amounts must agree.
    totals = table[table["referent"].eq(program_total)] if program_total else table
    parts = []
    for kind, keys, value in checks:
        usable = table if value != "amount" else totals
        usable = usable[~usable["attributed_to"].eq(UNATTRIBUTED)] if "attributed_to" in (keys + [value]) else usable
        if value == "attributed_to" and speaks_for:
            usable = usable.assign(attributed_to=usable["attributed_to"].replace(speaks_for))
        if keys == ["amount"]:
            specific = [_specific(lo, hi) for lo, hi in zip(usable["amount_low_usd"], usable["amount_high_usd"], strict=True)]
            usable = usable.loc[pd.Series(specific, index=usable.index, dtype=bool)]
        if value == "amount":
            usable = _rounded_alike(usable, keys)
        found = conflicts(usable, keys, value)
        if found.empty:
            continue
        found = found.rename(columns={"source_a": "outlet_a", "source_b": "outlet_b", "quote_a": "sentence_a", "quote_b": "sentence_b"})
        found["kind"] = kind
        sides = (found[col].tolist() for col in ["outlet_a", "value_a", "outlet_b", "value_b"])
        found["detail"] = [f"{a} gives {va!r}, {b} gives {vb!r}" for a, va, b, vb in zip(*sides, strict=True)]
        if value == "amount":
            found = _incompatible_amounts(found, usable, _revision_pairs(table))
        found = one_row_per_disagreement(found, keys)
        if not found.empty:
            holds = [
                _holds(usable, row, keys, value, "a") and _holds(usable, row, keys, value, "b") for row in found.itertuples(index=False)
            ]
            found = found.loc[pd.Series(holds, index=found.index, dtype=bool)]
        parts.append(found)
    if not parts:
        return pd.DataFrame(columns=DISCREPANCY_COLUMNS)
    return pd.concat(parts, ignore_index=True).reindex(columns=DISCREPANCY_COLUMNS).astype(object).fillna("")


def _holds(table: pd.DataFrame, row, keys: list[str], value: str, side: str) -> bool:
    """Whether one side of a disagreement is a reading to set against the other. What a figure covers must be said in
    so many words next to it on that side ("invest up to $831 billion", "the whole system at $175 billion"); who gives
    a figure must be read so by two outlets or more. A reading without either is more likely a misreading (this
    project's or the outlet's) than a dispute between sources."""
    outlets = str(getattr(row, f"outlet_{side}")).split("; ")
    mine = table[table["outlet"].isin(outlets)]
    for key in keys:
        mine = mine[mine[key].eq(getattr(row, key))]
    mine = mine[mine[value].eq(getattr(row, f"value_{side}"))]
    if value == "attributed_to":
        # (two outlets printing one wire's sentence are one reading: "'Three years and $175 billion … is a sales pitch,'
        # said Sen. Jack Reed" in a wire and its copy makes Reed no second giver of Trump's figure)
        return len(outlets) >= 2 and mine["sentence"].map(lambda t: " ".join(str(t).split()).lower()).nunique() >= 2
    # One outlet alone must say it right beside the figure; a programme total from one source at two amounts must be
    # read so by two outlets on each side.
    if value == "amount" and len(outlets) < 2:
        return False
    reach = 2 if len(outlets) < 2 or value == "amount" else 4
    return any(
        _cue_next_to(s, f, c, reach) and not (value == "referent" and len(outlets) < 2 and _GENERIC_CUE_RE.fullmatch(c))
        for s, f, c in zip(mine["sentence"], mine["surface"], mine["referent_cue"], strict=True)
    )


# Words that say a number is a figure of money, not what it covers ("the $71 billion figures", "would cost roughly $730
# billion", "over 20 years"): one outlet's reading that rests on them alone is no side of a dispute over what a figure
# covers (several outlets reading a figure so are).
_GENERIC_CUE_RE = re.compile(
    r"(?i)costs?|costing|figures?|estimat\w*|projections?|price[ -]tags?|numbers?|scenarios?|over\s.*(?:years|decades)"
)


def _cue_next_to(sentence: str, surface: str, cue: str, words: int = 4) -> bool:
    """Whether a cue stands within a few words of a figure in its sentence.

    >>> _cue_next_to("Japan is poised to invest up to $831 billion.", "$831 billion", "invest up to")
    True
    """
    if not cue or surface not in sentence or cue not in sentence:
        return False
    at, where = sentence.index(surface), sentence.index(cue)
    lo, hi = sorted((at, where))
    between = sentence[lo + (len(cue) if where < at else len(surface)) : hi]
    return len(between.split()) <= words


def _specific(low: float, high: float) -> bool:
    """Whether an amount is specific enough to identify a figure: a range, or two significant digits or more.

    >>> _specific(1.2e12, 1.2e12), _specific(1e12, 1e12), _specific(161e9, 542e9)
    (True, False, True)
    """
    return low != high or len(f"{high:.6e}".split("e")[0].replace(".", "").rstrip("0")) >= 2


def one_row_per_disagreement(found: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Pairs of outlets folded into one row per (key, value, value): the outlets on each side listed, the first
    sentence of each side kept. ``found`` has a pair per row (``outlet_a``, ``value_a``, ``sentence_a``, the same for
    ``b``, and ``kind``), as :func:`conflicts` gives it; the briefing folds the claims' contradictions with it too."""
    if found.empty:
        return found
    swap = found["value_a"].astype(str) > found["value_b"].astype(str)
    sides = ["outlet", "value", "sentence"]
    flipped = found.copy()
    for col in sides:
        flipped.loc[swap, f"{col}_a"], flipped.loc[swap, f"{col}_b"] = found.loc[swap, f"{col}_b"], found.loc[swap, f"{col}_a"]
    rows = []
    for (*key, value_a, value_b), group in flipped.groupby([*keys, "value_a", "value_b"], sort=False):
        outlets_a = list(dict.fromkeys(group["outlet_a"]))
        outlets_b = [o for o in dict.fromkeys(group["outlet_b"]) if o not in outlets_a] or list(dict.fromkeys(group["outlet_b"]))
        first = group.iloc[0]
        rows.append(
            dict(zip(keys, key, strict=True))
            | {
                "kind": first["kind"],
                "outlet_a": "; ".join(outlets_a),
                "value_a": value_a,
                "sentence_a": first["sentence_a"],
                "outlet_b": "; ".join(outlets_b),
                "value_b": value_b,
                "sentence_b": first["sentence_b"],
                "detail": f"{'; '.join(outlets_a)} give{'s' * (len(outlets_a) == 1)} {value_a!r}, "
                f"{'; '.join(outlets_b)} give{'s' * (len(outlets_b) == 1)} {value_b!r}"
                + (f" (per year:{first['per_year']})" if first.get("per_year") else ""),
            }
        )
    return pd.DataFrame(rows)


# A sentence that tells a figure's revision, both amounts in it: "raised its estimate … to $185 billion, from the $175
# billion", "up $10 billion from", "revised the figure from $175 billion to $185 billion" (not a range: "estimates run
# from $175 billion to $3.6 trillion").
_REVISION_RE = re.compile(
    r"(?i)\b(?:rais\w*|increas\w*|lift\w*|revis\w*|bump\w*|hik\w*|upp\w*|cut\w*|lower\w*|reduc\w*|trimm\w*|grew|grown|climb\w*|"
    r"rising|rises|rose|jump\w*)\b[^.;]*?(?:[$€£¥][^.;]*?\bfrom\b[^.;]*?[$€£¥]|\bfrom\b[^.;]*?[$€£¥][^.;]*?\bto\b[^.;]*?[$€£¥])"
    r"|\b(?:up|down)\s+(?:[$€£¥][\d.,]+\s*(?:bn|billion|million|trillion)?\s+)?(?:from|on)\b|[$€£¥][^.;]*?\b(?:has|have|had)\s+(?:already\s+)?become\s+[$€£¥]"
    # (a figure first given, then what it has since become: "Once put at $40 billion, the bill has since climbed to
    # $52 billion")
    r"|[$€£¥][^.;]*?\b(?:has|have|had)\s+(?:since\s+|now\s+)?(?:risen|grown|climbed|jumped|increased|ballooned|swelled|fallen|dropped)"
    r"\s+to\s+[$€£¥]"
)
# Words that date a figure as one of its source's estimates over time, near it: "its earlier estimate of $542
# billion", "the CBO's latest estimate puts … at $1.2 trillion", "Last year the CBO estimated …", "In May 2025, …". One
# source's two dated figures are a revision, not two outlets disputing what it said.
_DATED_ESTIMATE_RE = re.compile(
    r"(?i)\b(?:earlier|previous|prior|initial|original|new|newer|latest|updated|revised|fresh|first)\s+(?:\w+\s+){0,2}?"
    r"(?:estimates?|analys[ie]s|projections?|figures?|reports?|scores?|assessments?|forecasts?|study|studies)\b"
    r"|\blast\s+year\b|\ba\s+year\s+(?:ago|earlier|before)\b|\bin\s+(?:(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december)\s+)?20\d\d\b"
)


# The codebook's hedges (money.hedges) that leave one side of a figure open: "more than $1 trillion" may be any sum above.
OPEN_HEDGES = {"more than": "above", "at least": "above", "up to": "below", "as high as": "below", "less than": "below"}


def _rounded_alike(table: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """One figure's amounts as its sources round it ("$1.191 trillion", "$1.19 trillion", "$1.2 trillion": within 5 %
    of each other, for one referent from one source) written one way, the way most outlets write it, so that the
    figure is one side of a disagreement, not three.

    >>> t = pd.DataFrame({"referent": ["total"] * 3, "attributed_to": ["CBO"] * 3, "outlet": ["a", "b", "c"],
    ...                   "amount": ["$1.19 trillion", "$1.2 trillion", "$1.2 trillion"], "amount_usd": [1.19e12, 1.2e12, 1.2e12]})
    >>> _rounded_alike(t, ["referent", "attributed_to"])["amount"].tolist()
    ['$1.2 trillion', '$1.2 trillion', '$1.2 trillion']
    """
    if table.empty or "amount_usd" not in table:
        return table
    spelled = {}
    for _, group in table[table["amount_usd"].notna()].groupby(keys, sort=False):
        counts = group.groupby(["amount", "amount_usd"])["outlet"].nunique().reset_index(name="n").sort_values("amount_usd")
        cluster: list = []
        for row in [*counts.itertuples(index=False), None]:
            if row is not None and cluster and row.amount_usd <= cluster[0].amount_usd * 1.05:
                cluster.append(row)
                continue
            if len(cluster) > 1:
                most = max(cluster, key=lambda r: (r.n, r.amount_usd))
                spelled.update({(tuple(group[k].iloc[0] for k in keys), r.amount): most.amount for r in cluster})
            cluster = [row] if row is not None else []
    if not spelled:
        return table
    key_of = zip(*(table[k] for k in keys), strict=True)
    amounts = [spelled.get((tuple(k), a), a) for k, a in zip(key_of, table["amount"], strict=True)]
    return table.assign(amount=amounts)


def _revision_pairs(table: pd.DataFrame) -> list[set[str]]:
    """The amounts of each sentence that tells a figure's revision ("Once put at $40 billion, the bill has since
    climbed to $52 billion"), whoever the sentence gives them to: two of them are one figure over time, not two
    sources' disagreement."""
    telling = table[table["sentence"].map(lambda t: bool(_REVISION_RE.search(str(t))))]
    return [set(group["amount"]) for _, group in telling.groupby("sentence", sort=False) if group["amount"].nunique() >= 2]


def _incompatible_amounts(found: pd.DataFrame, table: pd.DataFrame, revisions: list[set[str]] | None = None) -> pd.DataFrame:
    """Of pairs that give one referent from one source different amounts, those a careful reader would call a
    disagreement: not a range and a figure inside it ("$161 billion to $542 billion" and "$542 billion"), not two
    figures over different horizons that come to the same amount a year, not two amounts a sentence of the corpus tells
    as one figure's revision (``revisions``, from :func:`_revision_pairs`); where horizons differ, the detail compares
    the per-year figures and says so."""
    first = table.drop_duplicates(["outlet", "referent", "attributed_to", "amount"])
    if "hedge" in first:  # "more than $1 trillion" does not disagree with $1.2 trillion, nor "up to $542 billion" with $300 billion
        bound = first["hedge"].map(OPEN_HEDGES)
        first = first.assign(
            amount_low_usd=first["amount_low_usd"].where(bound.ne("below"), 0.0),
            amount_high_usd=first["amount_high_usd"].where(bound.ne("above"), math.inf),
        )
    # One lookup table, not a pandas index lookup per pair compared (13 s of a 10,000-article analysis).
    columns = ["amount_low_usd", "amount_high_usd", "horizon_years", "per_year_usd"]
    keys = zip(first["outlet"], first["referent"], first["attributed_to"], first["amount"], strict=True)
    figures = dict(zip(keys, (dict(zip(columns, values, strict=True)) for values in first[columns].itertuples(index=False)), strict=True))
    # A source whose figure any outlet tells the revision of ("raised its estimate … to $185 billion, from the $175
    # billion", "the $175bn figure has already become $185 billion") or dates as an earlier or newer estimate ("its
    # latest estimate", "last year"): its two amounts are one figure over time.
    columns = zip(table["attributed_to"], table["amount"], table["sentence"], table["surface"], strict=True)
    revised = {
        (source, amount)
        for source, amount, sentence, surface in columns
        if _REVISION_RE.search(str(sentence)) or _dated_near(str(sentence), str(surface))
    }
    # When each figure's outlets were published: a source's figure that every dated outlet gives months after every dated
    # outlet giving its other figure is a later estimate (the budget office's 2025 and 2026 costings), not a dispute.
    published: dict[tuple, list] = {}
    if "published" in table:
        when_published = pd.to_datetime(table["published"], errors="coerce")
        for source, amount, when in zip(table["attributed_to"], table["amount"], when_published, strict=True):
            if not pd.isna(when):
                published.setdefault((source, amount), []).append(when)
    keep, per_years = [], []
    for row in found.itertuples(index=False):
        dates_a, dates_b = (published.get((row.attributed_to, value), []) for value in (row.value_a, row.value_b))
        told = any({row.value_a, row.value_b} <= amounts for amounts in revisions or ()) or _apart_in_time(dates_a, dates_b)
        if told or (row.attributed_to, row.value_a) in revised or (row.attributed_to, row.value_b) in revised:
            keep.append(False)
            per_years.append("")
            continue
        a = figures[(row.outlet_a, row.referent, row.attributed_to, row.value_a)]
        b = figures[(row.outlet_b, row.referent, row.attributed_to, row.value_b)]
        # (within 5 %, one figure rounded: "$1.19 trillion" and "$1.2 trillion")
        overlap = a["amount_low_usd"] <= b["amount_high_usd"] * 1.05 and b["amount_low_usd"] <= a["amount_high_usd"] * 1.05
        horizons = [h for h in (a["horizon_years"], b["horizon_years"]) if h == h and h > 0]
        per_year_text = ""
        if len(horizons) == 2 and horizons[0] != horizons[1]:
            per_year = a["per_year_usd"], b["per_year_usd"]
            if math.isclose(*per_year, rel_tol=0.05):
                keep.append(False)
                per_years.append("")
                continue
            per_year_text = f" per year {format_usd(per_year[0])} against {format_usd(per_year[1])}"
        keep.append(not overlap)
        per_years.append(per_year_text)
    return found.assign(per_year=per_years).loc[pd.Series(keep, index=found.index, dtype=bool)] if len(found) else found



# How far apart in time two figures' outlets must be for the figures to be one source's estimates at two times.
APART_IN_TIME_DAYS = 60


def _apart_in_time(dates_a: list, dates_b: list, days: int = APART_IN_TIME_DAYS) -> bool:
    """Whether every date of one list falls ``days`` or more before every date of the other (both lists non-empty).

    >>> t = pd.Timestamp
    >>> _apart_in_time([t("2025-06-01"), t("2025-07-08")], [t("2026-05-12")]), _apart_in_time([t("2026-05-01")], [t("2026-05-12")])
    (True, False)
    """
    if not dates_a or not dates_b:
        return False
    gap = pd.Timedelta(days=days)
    return max(dates_a) + gap <= min(dates_b) or max(dates_b) + gap <= min(dates_a)


def _dated_near(sentence: str, surface: str, words: int = 10) -> bool:
    """Whether words that date an estimate ("its earlier estimate", "last year", "in May 2025") stand within a few
    words of a figure in its sentence.

    >>> _dated_near("Last year the CBO estimated the cost at $542 billion.", "$542 billion")
    True
    >>> _dated_near("The CBO estimated the cost at $542 billion. Critics scoffed at the new estimate.", "$542 billion", 3)
    False
    """
    return any(_cue_next_to(sentence, surface, match.group(0), words) for match in _DATED_ESTIMATE_RE.finditer(sentence))


# --- Charts ---------------------------------------------------------------------------------------------------------


def given_as_estimates(mentions: pd.DataFrame) -> pd.DataFrame:
    """The money rows that put a figure forward: without those whose speaker denies them ("this is not a $40 billion
    job"), which no comparison of estimates should set against another."""
    return mentions[~mentions["hedge"].eq(DENIED)] if "hedge" in mentions else mentions


def headline_ratio(mentions: pd.DataFrame, referent: str | None = None) -> dict | None:
    """The spread of attributed point estimates for a referent (the programme total, if given and present; else the
    most reported one): highest vs lowest, and their ratio. Zero amounts are not estimates to compare.

    >>> m = pd.DataFrame({"referent": ["total", "total", "total"], "attributed_to": ["CBO", "White House", "unattributed"],
    ...                   "amount_usd": [831e9, 175e9, 5e9], "is_range": [False] * 3, "is_vague": [False] * 3})
    >>> r = headline_ratio(m); (r["high_by"], r["low_by"], round(float(r["ratio"]), 1))
    ('CBO', 'White House', 4.7)
    """
    mentions = given_as_estimates(mentions)
    points = mentions[mentions["amount_usd"].notna() & ~mentions["is_range"] & ~mentions["is_vague"]]
    points = points[~points["referent"].eq(OTHER) & ~points["attributed_to"].eq(UNATTRIBUTED) & points["amount_usd"].gt(0)]
    if points.empty:
        return None
    referent = referent if referent is not None and points["referent"].eq(referent).any() else points["referent"].value_counts().index[0]
    # Each source's figure is the one it is most often given (a stray misreading does not make it a source's); a spread
    # of less than 5 % is no spread to headline ("X's $831 billion is 1.0 times Y's").
    chosen = points[points["referent"].eq(referent)].groupby(["attributed_to", "amount_usd"]).size().reset_index(name="n")
    # A figure is the estimate of whoever gives it most often: an analyst quoted repeating Trump's $175 billion does not
    # make it the analyst's figure.
    chosen = chosen[chosen["n"].eq(chosen.groupby("amount_usd")["n"].transform("max"))]
    chosen = chosen.sort_values(["n", "amount_usd"]).groupby("attributed_to").tail(1)
    if chosen["n"].ge(2).sum() >= 2:  # where two sources' figures are each given twice or more, a lone reading is left out
        chosen = chosen[chosen["n"].ge(2)]
    by_actor = chosen.set_index("attributed_to")["amount_usd"].sort_values(kind="stable")
    if len(by_actor) < 2 or by_actor.iloc[-1] < 1.05 * by_actor.iloc[0]:
        return None
    return {
        "referent": referent,
        "high_by": by_actor.index[-1],
        "high": by_actor.iloc[-1],
        "low_by": by_actor.index[0],
        "low": by_actor.iloc[0],
        "ratio": by_actor.iloc[-1] / by_actor.iloc[0],
    }


def cost_headline(mentions: pd.DataFrame, referent: str | None = None) -> str | None:
    """The cost chart's finding in words, e.g. "CBO's $831 billion (over 20 years) is 4.7 times White House's $175 billion"."""
    ratio = headline_ratio(mentions, referent)
    if ratio is None:
        return None
    high = mentions[mentions["attributed_to"].eq(ratio["high_by"]) & mentions["amount_usd"].eq(ratio["high"])]
    years = high["horizon_years"].dropna()
    horizon = f" (over {years.iloc[0]:.0f} years)" if len(years) else ""
    return (
        f"{_short(ratio['high_by'])}'s {format_usd(ratio['high'])}{horizon} is {ratio['ratio']:.1f} times "
        f"{_short(ratio['low_by'])}'s {format_usd(ratio['low'])}"
    )


def _short(actor: str) -> str:
    """A short label for an actor: a body's initials when its name is long ("Congressional Budget Office" -> "CBO"); a
    person's name or a description with lower-case words stays readable ("Space Force spokesperson", "Gen. Michael
    Guetlein"), without what the parentheses add.

    >>> [_short(a) for a in ["Congressional Budget Office", "Space Force spokesperson", "Gen. Michael Guetlein (Space Force)"]]
    ['CBO', 'Space Force spokesperson', 'Gen. Michael Guetlein']
    """
    actor = re.sub(r"\s*\([^)]*\)", "", actor.split(" / ")[0]).strip()
    words = re.findall(r"[A-Za-z.]+", actor)
    capitals = [w for w in words if w[0].isupper()]
    # a body: capitalised words only, none an abbreviated title ("Gen.", "Sen."), at least three of them
    a_body = all(w[0].isupper() or w in ("of", "for", "and", "the") for w in words) and len(capitals) >= 3
    a_body = a_body and not any(w.endswith(".") for w in words[:1])
    return "".join(w[0] for w in capitals) if len(actor) > 18 and a_body else actor


# The cost chart draws at most this many distinct figures (those most sources give); the rest go to a table.
COST_CHART_MAX_ROWS = 12


def cost_chart_rows(mentions: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct figure (amount or range, and what it covers) with how many sources give it and who they
    say it comes from; most-reported first, then largest. Zero and negative amounts have no place on a log scale and
    are left out (the chart's caption counts them).

    >>> m = pd.DataFrame({"article_id": ["a", "b", "b"], "amount_low_usd": [175e9, 175e9, 0.0], "amount_high_usd": [175e9, 175e9, 0.0],
    ...     "is_vague": [False] * 3, "referent": ["total cost"] * 3, "attributed_to": ["White House", "unattributed", "CBO"]})
    >>> rows = cost_chart_rows(m, pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Alpha", "Beta"]}))
    >>> rows[["amount", "n_sources", "given_by"]].values.tolist()
    [['$175 billion', 2, 'White House; no source']]
    """
    table = _with_outlets(mentions, articles)
    table = table[table["amount_high_usd"].gt(0) & table["amount_low_usd"].gt(0)]
    columns = ["amount_low_usd", "amount_high_usd", "referent", "amount", "is_vague", "words", "n_sources", "outlets", "given_by"]
    if table.empty:
        return pd.DataFrame(columns=columns)
    denied = table["hedge"].eq(DENIED) if "hedge" in table else pd.Series(False, index=table.index)
    table = table.assign(
        # (a figure its speaker denies says so: "Tim Sheehy, denied")
        who=[
            ("no source" if a == UNATTRIBUTED else _short(str(a))) + (", denied" if d else "")
            for a, d in zip(table["attributed_to"], denied, strict=True)
        ],
        is_vague=table["is_vague"].astype(bool),
        # (how the text puts a vague size, which its range only reads: "multibillion-dollar" is no estimate of $2-10 billion)
        words=table["surface"].astype(str).str.lower() if "surface" in table else "",
    )
    rows = (
        table.groupby(["amount_low_usd", "amount_high_usd", "referent"], sort=False)
        .agg(
            amount=("amount", "first"),
            is_vague=("is_vague", "all"),
            words=("words", lambda w: w.mode().iloc[0] if len(w) else ""),
            n_sources=("article_id", "nunique"),
            outlets=("outlet", lambda o: "; ".join(sorted(set(o.dropna())))),
            given_by=("who", lambda w: "; ".join(dict.fromkeys(sorted(w, key=lambda x: (x == "no source", x))))),
        )
        .reset_index()
    )
    return rows.sort_values(["n_sources", "amount_high_usd", "referent"], ascending=[False, False, True], ignore_index=True)[columns]


def _usd_tick(value: float, _position=None) -> str:
    """A log-axis tick as a short amount: $100, $10k, $1m, $5bn, $2tn.

    >>> [_usd_tick(v) for v in (100, 1e4, 1e6, 5e9, 2e12)]
    ['$100', '$10k', '$1m', '$5bn', '$2tn']
    """
    for suffix, scale in (("tn", 1e12), ("bn", 1e9), ("m", 1e6), ("k", 1e3)):
        if value >= scale:
            return f"${value / scale:,.3g}{suffix}"
    return f"${value:,.3g}"


def cost_chart(mentions: pd.DataFrame, articles: pd.DataFrame, colors: dict[str, str], max_rows: int = COST_CHART_MAX_ROWS):
    """Each distinct USD figure on a log scale (dots for points, bars for ranges, dashed for vague magnitudes), labelled
    with what it covers; on the right, how many sources give it and who they say it comes from. At most ``max_rows``
    figures, those most sources give; the title states the spread of the most reported figure."""
    import textwrap

    import matplotlib.pyplot as plt
    from matplotlib.ticker import LogLocator, NullFormatter

    from .plotting import PAGE_WIDTH_IN, TEXT_COLOR, apply_style, short_label

    apply_style()
    everything = cost_chart_rows(mentions, articles)
    table = everything.head(max_rows).sort_values(["amount_high_usd", "amount_low_usd"], ascending=False, ignore_index=True)
    fig, ax = plt.subplots(figsize=(PAGE_WIDTH_IN, 0.2 * max(len(table), 1) + 1.4))
    outlet_color = dict(zip(articles["outlet"], articles["outlet"].map(lambda o: colors.get(o, "#555555")), strict=True))
    for y, row in enumerate(table.itertuples(index=False)):
        # A figure from one source takes that outlet's colour; one several sources give is drawn in black.
        color = outlet_color.get(row.outlets, "#555555") if row.n_sources == 1 else TEXT_COLOR
        if row.amount_low_usd != row.amount_high_usd:
            ax.plot(
                [row.amount_low_usd, row.amount_high_usd],
                [y, y],
                color=color,
                lw=4,
                alpha=0.85,
                ls="--" if row.is_vague else "-",
                solid_capstyle="butt",
            )
        else:
            ax.plot(row.amount_low_usd, y, "o", color=color, ms=5 + 2 * min(row.n_sources, 5))
        sources = f"{row.n_sources} source{'s' * (row.n_sources != 1)}"
        label = short_label(f"{row.referent} · {sources}: {row.given_by}", 62)
        ax.text(1.02, y, label, transform=ax.get_yaxis_transform(), va="center", fontsize=7.5, color=TEXT_COLOR)
    ax.set_xscale("log")
    if len(table):
        low, high = table["amount_low_usd"].min(), table["amount_high_usd"].max()
        ax.set_xlim(low / 3, high * 3)
    ax.xaxis.set_major_locator(LogLocator(base=10, numticks=5))
    ax.tick_params(axis="x", labelsize=8)
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.xaxis.set_major_formatter(plt.FuncFormatter(_usd_tick))
    ax.set_yticks(range(len(table)), table["amount"].str.replace(" billion", " bn").str.replace(" trillion", " tn"), fontsize=8)
    ax.set_ylim(max(len(table), 1) - 0.5, -0.5)
    shown = f"the {len(table)} most sources give" if len(everything) > len(table) else "all"
    zero = int((_with_outlets(mentions, articles)["amount_high_usd"] <= 0).sum())
    ax.set_xlabel(
        f"US dollars (log scale): {len(everything)} distinct figure{'s' * (len(everything) != 1)}, {shown} drawn"
        + (f"; {zero} zero amount{'s' * (zero != 1)} left out" if zero else "")
    )
    ax.grid(axis="y", visible=False)
    ax.set_title(textwrap.fill(cost_headline(mentions) or f"{len(everything)} distinct money figures", 70))
    # The axes take the left half: the labels on the right say what each figure covers and who gives it.
    fig.subplots_adjust(left=0.16, right=0.5, top=1 - 0.75 / fig.get_figheight(), bottom=0.75 / fig.get_figheight())
    return fig


# The matrix shows at most this many figures (those most outlets report) and outlets (those reporting most of them).
MATRIX_MAX_FIGURES, MATRIX_MAX_OUTLETS = 18, 30


def figure_matrix_chart(
    figures: pd.DataFrame,
    mentions: pd.DataFrame,
    articles: pd.DataFrame,
    colors: dict[str, str],
    max_figures: int = MATRIX_MAX_FIGURES,
    max_outlets: int = MATRIX_MAX_OUTLETS,
):
    """Which source reports which distinct figure: a marker in the outlet's colour (who each says gives it is in the
    figures table). At most ``max_figures`` figures, those most outlets report, and ``max_outlets`` outlets."""
    import textwrap

    import matplotlib.pyplot as plt

    from .plotting import PAGE_WIDTH_IN, apply_style, short_label

    apply_style()
    table = _with_outlets(mentions, articles)
    shown = figures.sort_values(["n_outlets", "amount_high_usd"], ascending=False).head(max_figures)
    keys = ["amount_low_usd", "amount_high_usd", "referent"]
    reported = table.merge(shown[keys], on=keys) if len(shown) else table.iloc[:0]
    counts = reported.groupby("outlet")["amount"].size().sort_values(ascending=False, kind="stable")
    outlets = sorted(counts.index[:max_outlets])
    rows = [short_label(f"{r.amount} · {r.referent}", 48) for r in shown.itertuples(index=False)]
    fig, ax = plt.subplots(figsize=(PAGE_WIDTH_IN, 0.3 * len(rows) + 2.2))
    for y, figure in enumerate(shown.itertuples(index=False)):
        same = reported[
            (reported["amount_low_usd"] == figure.amount_low_usd)
            & (reported["amount_high_usd"] == figure.amount_high_usd)
            & reported["referent"].eq(figure.referent)
        ]
        for outlet in sorted(set(same["outlet"]) & set(outlets)):
            ax.plot(outlets.index(outlet), y, "s", ms=7 if len(outlets) > 15 else 10, color=colors.get(outlet, "#555555"))
    ax.set_xticks(range(len(outlets)), [short_label(o, 26) for o in outlets], rotation=90, fontsize=7)
    ax.set_yticks(range(len(rows)), rows, fontsize=7.5)
    ax.set_xlim(-0.5, max(len(outlets), 1) - 0.5)
    ax.set_ylim(max(len(rows), 1) - 0.5, -0.5)
    ax.grid(visible=False)
    shared = figures[figures["n_outlets"] > 1]
    left_out = []
    if len(figures) > len(shown):
        left_out.append(f"the {len(shown)} most reported of {len(figures)} figures")
    if len(counts) > len(outlets):
        left_out.append(f"{len(outlets)} of {len(counts)} outlets")
    title = f"{len(shared)} of {len(figures)} distinct figures appear in more than one source"
    ax.set_title(textwrap.fill(title + (f" (shown: {', '.join(left_out)})" if left_out else ""), 80))
    fig.tight_layout()
    return fig


# --- Evaluation -----------------------------------------------------------------------------------------------------


def _in_reading_order(table: pd.DataFrame) -> pd.DataFrame:
    """Key each row by (file, surface, n-th occurrence of that surface in the file)."""
    return table.assign(occurrence=table.groupby(["file", "surface"]).cumcount())


def evaluate(mentions: pd.DataFrame, gold: pd.DataFrame) -> dict[str, float]:
    """Precision and recall of the mentions against a hand-made gold table (same file and surface, in reading order),
    and, over the matched mentions, how often the amount, the referent and the attribution agree.

    >>> row = {"file": "a", "surface": "$3bn", "amount_low_usd": 3e9, "amount_high_usd": 3e9, "referent": "r", "attributed_to": "x"}
    >>> evaluate(pd.DataFrame([row]), pd.DataFrame([row | {"attributed_to": "y"}]))["attribution_accuracy"]
    0.0
    """
    keys = ["file", "surface", "occurrence"]
    found = _in_reading_order(mentions.sort_values(["file", "start"]) if "start" in mentions else mentions)
    matched = found.merge(_in_reading_order(gold), on=keys, suffixes=("", "_gold"))
    n = len(matched)

    def share(agree: pd.Series) -> float:
        return float(agree.mean()) if n else float("nan")

    same_amount = [
        math.isclose(float(a), float(b)) and math.isclose(float(c), float(d))
        for a, b, c, d in matched[["amount_low_usd", "amount_low_usd_gold", "amount_high_usd", "amount_high_usd_gold"]].values
    ]
    return {
        "precision": n / len(found) if len(found) else float("nan"),
        "recall": n / len(gold) if len(gold) else float("nan"),
        "amount_accuracy": share(pd.Series(same_amount, dtype=bool)),
        "referent_accuracy": share(matched["referent"].eq(matched["referent_gold"])),
        "attribution_accuracy": share(matched["attributed_to"].eq(matched["attributed_to_gold"])),
    }
