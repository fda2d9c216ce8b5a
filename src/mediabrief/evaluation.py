"""How the analyses do against hand-made gold labels: stance labels, quotation speakers, figures' referents and owners.

The development corpus (``tests/dev_corpus/``) is split once, by a fixed rule, into a tuning half (odd file numbers)
and a validation half (even file numbers): cues and rules are tuned on the first only; the second measures them. Gold
tables live in ``tests/gold/dev_*.csv`` (see ``tests/gold/README.md`` for how they were made).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .config import PROJECT_ROOT
from .stance import agreement, agreement_table

DEV_CORPUS_DIR = PROJECT_ROOT / "tests" / "dev_corpus"
GOLD_DIR = PROJECT_ROOT / "tests" / "gold"
HALVES = ("tuning", "validation")
_TITLES_RE = re.compile(
    r"^(?:(?:U\.S\.|US|Former|Acting|President|Vice President|Prime Minister|Sen\.|Senator|Rep\.|Gen\.|General|Lt\.|Dr\.|Mr\.|Ms\.|Mrs\.|"
    r"Secretary|Defense Secretary|Minister|Chief Cabinet Secretary|Kremlin spokesman|spokesman|spokeswoman|spokesperson)\s+)+",
    re.IGNORECASE,
)


def half_of(file: str) -> str:
    """The half of the development corpus a file belongs to, by the fixed rule: odd number tuning, even validation.

    >>> half_of("07_japan.txt"), half_of("12_budget.txt")
    ('tuning', 'validation')
    """
    number = _number(file)
    if number < 0:
        raise ValueError(f"{file}: a development-corpus file name starts with its number (NN_slug.txt)")
    return HALVES[1 - number % 2]


def _number(file: str) -> int:
    """The number a development-corpus file name starts with."""
    match = re.match(r"(\d+)", Path(file).name)
    return int(match.group(1)) if match else -1


def read_gold(name: str, gold_dir: Path = GOLD_DIR) -> pd.DataFrame:
    """A gold table of the development corpus (``dev_<name>.csv``), with its half; empty strings kept as "".

    >>> read_gold("stance").columns.tolist()[:3]
    ['file', 'target', 'label']
    """
    table = pd.read_csv(gold_dir / f"dev_{name}.csv", dtype=str, keep_default_na=False)
    return table.assign(half=table["file"].map(half_of))


def stance_agreement(stance: pd.DataFrame, gold: pd.DataFrame, half: str | None = None, target: str | None = None) -> dict:
    """Agreement and Cohen's kappa of the automatic labels with the gold labels (one half, one target, if given)."""
    chosen = gold[(gold["half"].eq(half) if half else True) & (gold["target"].eq(target) if target else True)]
    table = agreement_table(stance, chosen.assign(rationale=chosen.get("rationale", "")))
    return agreement(table) | {"table": table}


def same_speaker(found: str, expected: str) -> bool:
    """Whether a speaker found names the gold speaker: equal once titles are dropped and case ignored, or the same
    surname of a person, or one's initials are the other (CBO, Congressional Budget Office).

    >>> same_speaker("Peskov", "Dmitry Peskov"), same_speaker("CBO", "Congressional Budget Office"), same_speaker("Russia", "Dmitry Peskov")
    (True, True, False)
    >>> same_speaker("China's foreign ministry", "Chinese Foreign Ministry"), same_speaker("Defense Department", "Department of Defense")
    (True, True)
    >>> same_speaker("Canada", "Canadian officials"), same_speaker("Japan", "Japanese government"), same_speaker("Japan", "Canada")
    (True, True, False)
    >>> same_speaker("China", "Beijing"), same_speaker("Beijing", "Moscow")
    (True, False)
    >>> same_speaker("Michael O'Hanlon", "Michael O’Hanlon"), same_speaker("U.S. official", "one U.S. official")
    (True, True)
    >>> same_speaker("Russia and China", "Moscow and Beijing"), same_speaker("Russia and China", "Russia and Iran")
    (True, False)
    """
    a, b = _plain_name(found), _plain_name(expected)
    if not a or not b:
        return a == b
    found_parts, expected_parts = _JOINED_RE.split(str(found)), _JOINED_RE.split(str(expected))
    if len(found_parts) > 1 and len(found_parts) == len(expected_parts):
        # two speakers together, each the same as one of the other pair's ("Russia and China", "Moscow and Beijing")
        return all(any(same_speaker(x, y) for y in expected_parts) for x in found_parts) and all(
            any(same_speaker(y, x) for x in found_parts) for y in expected_parts
        )
    if a == b or _NATIONALITIES.get(a, a) == _NATIONALITIES.get(b, b):
        return True  # (a country speaking is its government: "Canada", "Canadian officials", "the Canadian government")
    a_words, b_words = a.split(), b.split()
    if len(a_words) > 1 and len(b_words) > 1 and (a.endswith(" " + b) or b.endswith(" " + a)):
        return True  # "Foreign Ministry" in an article about Japan's: "Japanese Foreign Ministry"
    if a_words[-1] == b_words[-1] and (len(a_words) == 1 or len(b_words) == 1 or a_words[0][0] == b_words[0][0]):
        return True
    return _initials(found) == expected.replace(".", "").upper() or _initials(expected) == found.replace(".", "").upper()


# Between the names of speakers who speak together: "Russia and China", "Warren, Booker and Duckworth".
_JOINED_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _plain_name(name: str) -> str:
    """A name without titles, "the", possessives and punctuation, in lower case."""
    name = re.sub(r"^(?:the|a|an|one)\s+", "", str(name).strip().replace("’", "'"), flags=re.IGNORECASE)  # (either apostrophe)
    name = _TITLES_RE.sub("", name)
    name = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.IGNORECASE)
    name = re.sub(r"\s+(?:spokesperson|spokesman|spokeswoman|official|officials|government|authorities)$", "", name, flags=re.IGNORECASE)
    name = re.sub(r"'s$|[.,]", "", name).lower().strip()
    # One body's two word orders, and a country's possessive as its adjective: "Department of Defense" is the "Defense
    # Department", "China's foreign ministry" the "Chinese foreign ministry".
    name = re.sub(r"\b(department|ministry|office) of (?:the )?(\w+(?: \w+)?)$", r"\2 \1", name)
    return _POSSESSIVE_NATION_RE.sub(lambda m: _NATIONALITIES[m.group(1)], name)


# A country's possessive and its adjective, for names written either way.
_NATIONALITIES = {
    "china": "chinese",
    "japan": "japanese",
    "russia": "russian",
    "canada": "canadian",
    "north korea": "north korean",
    "south korea": "south korean",
    "india": "indian",
    "taiwan": "taiwanese",
    "britain": "british",
    "germany": "german",
    "france": "french",
    "australia": "australian",
    # a capital speaking for its country's government, as wire copy writes it ("Beijing has warned")
    "beijing": "chinese",
    "moscow": "russian",
    "tokyo": "japanese",
    "ottawa": "canadian",
    "pyongyang": "north korean",
    "seoul": "south korean",
}
_POSSESSIVE_NATION_RE = re.compile(rf"\b({'|'.join(_NATIONALITIES)})['’]s\b")


def _initials(name: str) -> str:
    """The capital initials of a multi-word name ("" for one word)."""
    parts = [w for w in re.split(r"[\s-]+", str(name)) if w[:1].isupper()]
    return "".join(w[0] for w in parts) if len(parts) > 1 else ""


def match_quotes(found: pd.DataFrame, gold: pd.DataFrame, codebook: dict | None = None) -> pd.DataFrame:
    """Each gold quoted span beside the span found for it (matched by file and opening words), with whether kind and
    speaker agree. Columns: the gold's, then ``found_kind``, ``found_speaker``, ``kind_ok``, ``speaker_ok``. With a
    codebook, two spellings its actors list as one ("Pentagon", "Department of Defense") are one speaker, as the
    money owners are scored (:func:`match_money`)."""
    actor_of = _actor_names(codebook)
    rows = []
    by_file = {file: list(group.itertuples(index=False)) for file, group in found.groupby("file")}
    used: set[tuple[str, int]] = set()
    for row in gold.itertuples(index=False):
        candidates = by_file.get(row.file, [])
        opening = _opening(row.quote_opening)
        matching = [k for k, q in enumerate(candidates) if _opening(q.quote).startswith(opening[: max(len(opening) - 2, 1)])]
        # A span quoted twice in a file ("'seriously concerned'" in a headline, then in the story) is matched in reading
        # order, each gold row to the next span found; a gold row with none left takes the last one.
        k = next((k for k in matching if (row.file, k) not in used), matching[-1] if matching else None)
        hit = candidates[k] if k is not None else None
        used.add((row.file, k))
        found_kind = hit.kind if hit is not None else "missed"
        found_speaker = hit.speaker if hit is not None else ""
        rows.append(
            row._asdict()
            | {
                "found_kind": found_kind,
                "found_speaker": found_speaker,
                "kind_ok": found_kind == row.kind,
                "speaker_ok": row.kind != "quotation"
                or (found_kind == "quotation" and _same_speaker_or_actor(found_speaker, row.speaker, actor_of)),
            }
        )
    return pd.DataFrame(rows)


def _actor_names(codebook: dict | None) -> dict[str, str]:
    """Each spelling the codebook's actors list, in lower case, to the actor's name.

    >>> _actor_names({"actors": [{"name": "Pentagon", "aliases": ["Department of Defense"]}]})
    {'pentagon': 'Pentagon', 'department of defense': 'Pentagon'}
    >>> _actor_names({"actors": [{"name": "White House", "aliases": ["the administration"]}]})
    {'white house': 'White House', 'administration': 'White House'}
    """
    actors = (codebook or {}).get("actors") or []
    # (keyed without "the", as names are looked up: the alias "the administration" is how a label "administration" reads)
    return {
        re.sub(r"^the\s+", "", str(spelling).strip(), flags=re.IGNORECASE).lower(): str(actor["name"])
        for actor in actors
        for spelling in [actor["name"], *(actor.get("aliases") or [])]
    }


def _same_speaker_or_actor(found: str, expected: str, actor_of: dict[str, str]) -> bool:
    """One speaker by :func:`same_speaker`, or two spellings of one codebook actor."""
    if same_speaker(found, expected):
        return True
    a, b = (actor_of.get(re.sub(r"^the\s+", "", str(n).strip(), flags=re.IGNORECASE).lower()) for n in (found, expected))
    return a is not None and a == b


def _opening(text: str) -> str:
    """The first words of a quotation, lower case, letters and digits only, for matching."""
    return " ".join(re.findall(r"[\w']+", str(text).replace("’", "'").lower())[:6])


def quote_scores(matched: pd.DataFrame) -> dict[str, float]:
    """Speaker accuracy over gold quotations, and term precision (terms found that are gold terms) and recall."""
    quotations = matched[matched["kind"].eq("quotation")]
    found_terms = matched[matched["found_kind"].eq("term")]
    gold_terms = matched[matched["kind"].eq("term")]
    return {
        "quotations": len(quotations),
        "speaker_right": float(quotations["speaker_ok"].mean()) if len(quotations) else float("nan"),
        "terms": len(gold_terms),
        "term_precision": float(found_terms["kind"].eq("term").mean()) if len(found_terms) else float("nan"),
        "term_recall": float(gold_terms["found_kind"].eq("term").mean()) if len(gold_terms) else float("nan"),
    }


def match_money(found: pd.DataFrame, gold: pd.DataFrame, codebook: dict | None = None) -> pd.DataFrame:
    """Each gold money mention beside the mention found for it (same file and surface, in reading order), with whether
    the owner agrees. A found owner that is a codebook attribution group ("White House / the President") agrees with
    a gold owner the group lists ("Donald Trump")."""
    groups = {
        str(label): [str(a) for a in aliases] for label, aliases in ((codebook or {}).get("money", {}).get("attributions") or {}).items()
    }
    found = found.sort_values(["file", "start"]).assign(occurrence=lambda d: d.groupby(["file", "surface"]).cumcount())
    gold = gold.assign(occurrence=gold.groupby(["file", "surface"]).cumcount())
    matched = gold.merge(found, on=["file", "surface", "occurrence"], how="left", suffixes=("", "_found"))

    def owner_ok(expected: str, got: object) -> bool:
        got = "" if not isinstance(got, str) or got == "unattributed" else got
        expected = "" if expected == "unattributed" else expected
        if not got or not expected:
            return got == expected
        names = groups.get(got, [got])
        return any(same_speaker(name, expected) for name in names)

    return matched.assign(
        found=matched["start"].notna(),
        owner_ok=[owner_ok(e, g) for e, g in zip(matched["owner"], matched["attributed_to"], strict=True)],
    )


def dev_corpus_scores(
    codebook: dict, corpus_dir: Path = DEV_CORPUS_DIR, gold_dir: Path = GOLD_DIR, from_number: int = 0
) -> dict[str, pd.DataFrame]:
    """The development corpus analysed with a codebook and scored against its gold tables, computed afresh:
    ``stance`` (agreement and kappa per half and target), ``quotes`` (speaker accuracy and term precision per half) and
    ``money`` (what each figure covers and who gives it, right per half). ``from_number`` keeps only the articles
    numbered from it on (105: the articles added last, measured apart)."""
    from .corpus import load_corpus
    from .money import money_mentions
    from .stance import stance_tables

    articles = load_corpus(corpus_dir).articles
    articles = articles[articles["file"].map(_number).ge(from_number)]

    def read(name: str) -> pd.DataFrame:
        table = read_gold(name, gold_dir)
        return table[table["file"].map(_number).ge(from_number)]

    tables = stance_tables(articles, codebook)
    gold = read("stance")
    rows = []
    for half in HALVES:
        for target in [None, *sorted(gold["target"].unique())]:
            result = stance_agreement(tables["stance.csv"], gold, half, target)
            rows.append(
                {"half": half, "target": target or "both", "n": result["n"], "agreement": result["percent"] / 100, "kappa": result["kappa"]}
            )
    matched = match_quotes(tables["quotes.csv"], read("quotes"), codebook)
    quotes = pd.DataFrame([{"half": half} | quote_scores(matched[matched["half"].eq(half)]) for half in HALVES])
    owners = match_money(money_mentions(articles, codebook), read("money"), codebook)
    money = pd.DataFrame(
        [
            {
                "half": half,
                "mentions": int(part["found"].sum()),
                "referent_right": float(part.loc[part["found"], "referent"].eq(part.loc[part["found"], "referent_found"]).mean()),
                "owner_right": float(part.loc[part["found"], "owner_ok"].mean()),
            }
            for half, part in owners.groupby("half")
        ]
    )
    return {"stance": pd.DataFrame(rows), "quotes": quotes, "money": money, "tables": tables}


def covers(codebook: dict, gold_dir: Path = GOLD_DIR) -> bool:
    """Whether the development corpus's gold labels are about this codebook's stance targets (it is about the Golden
    Dome: another story's codebook has other targets, and the scores would mean nothing)."""
    path = gold_dir / "dev_stance.csv"
    targets = set(codebook.get("stance", {}).get("targets", {}))
    return path.exists() and set(pd.read_csv(path, usecols=["target"])["target"]) <= targets
