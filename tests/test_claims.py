"""Claims, contradictions, recurring phrases and sourcing, on small hand-made texts and the seeds."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediabrief import claims
from mediabrief.codebook import load_codebook
from mediabrief.config import RAW_DIR
from mediabrief.corpus import load_corpus
from mediabrief.textutils import fold_case, split_sentences

BOOK = {
    "claims": [
        {"id": "cost", "label": "It costs $175 billion", "cues": [[r"\b175\b"]]},
        {"id": "cbo", "label": "CBO: $831 billion over 20 years", "cues": [[r"\b831\b"], [r"\bCBO\b"], [r"20 years", "two decades"]]},
        {
            "id": "done",
            "label": "Completion year",
            "cues": [[r"\boperational\b", r"\bcomplet"], [r"\b20\d\d\b"]],
            "value": {"kind": "year"},
        },
        {
            "id": "lead",
            "label": "Who leads",
            "cues": [[r"\blead"], [r"\bGeneral\b"]],
            "value": {"kind": "pattern", "pattern": r"General ([A-Z]\w+)"},
        },
    ],
    "sources": [{"name": "Reuters", "type": "news agency"}, {"name": "Nikkei", "type": "publication", "aliases": ["Nikkei Asia"]}],
    "attribution": {
        "before": ["according to", "citing"],
        "after": ["reported", "said"],
        "on_record_verbs": ["said", "stated"],
        "unnamed": ["reportedly", r"officials said"],
    },
}


def articles(**texts: str) -> pd.DataFrame:
    """A corpus from outlet=text pairs."""
    return pd.DataFrame(
        {
            "article_id": [f"{i:03d}" for i in range(len(texts))],
            "file": [f"{i:03d}.txt" for i in range(len(texts))],
            "outlet": list(texts),
            "text": list(texts.values()),
        }
    )


def test_a_claim_needs_every_cue_group():
    corpus = articles(A="The CBO says $831 billion over two decades. The CBO says $831 billion.")
    matrix = claims.claims_matrix(corpus, BOOK)
    assert matrix["claim_id"].tolist() == ["cbo"]
    assert matrix["evidence"].iloc[0] == "The CBO says $831 billion over two decades."


def test_values_are_extracted_by_kind():
    assert claims.extract_value("It will be operational by 2029.", {"kind": "year"}) == "2029"
    assert claims.extract_value("It could cost between $175-831 billion.", {"kind": "amount"}) == "$175–831 billion"
    assert claims.extract_value("It has allocated US$25 billion.", {"kind": "amount"}) == "$25 billion"
    assert claims.extract_value("General Smith will lead it.", {"kind": "pattern", "pattern": r"General ([A-Z]\w+)"}) == "Smith"
    assert claims.extract_value("No figure here.", {"kind": "amount"}) == ""
    # a unit's letter glued to the number, as tables and bullet lists write it
    assert claims.extract_value("The $24.4B appropriation came first.", {"kind": "amount"}) == "$24.4 billion"
    assert claims.extract_value("A $1.2T estimate and a $500M award.", {"kind": "amount"}) == "$1.2 trillion"


def test_contradiction_between_two_hand_made_sources():
    corpus = articles(
        Daily="The shield will be operational by 2029. General Smith will lead it.",
        Weekly="The shield will only be complete in 2035, officials said. General Smith will lead it.",
    )
    found = claims.contradictions(claims.claims_matrix(corpus, BOOK))
    assert found[["claim_id", "source_a", "value_a", "source_b", "value_b"]].values.tolist() == [
        ["done", "Daily", "2029", "Weekly", "2035"]
    ]
    assert found["quote_a"].iloc[0] == "The shield will be operational by 2029."
    assert "2035" in found["quote_b"].iloc[0]


def test_who_leads_conflict_and_agreement():
    corpus = articles(A="General Smith will lead it.", B="General Jones leads the project.", C="General Smith leads it.")
    found = claims.contradictions(claims.claims_matrix(corpus, BOOK))
    assert sorted(map(tuple, found[["source_a", "source_b"]].values.tolist())) == [("A", "B"), ("B", "C")]


def test_single_source_claims():
    corpus = articles(A="It costs $175 billion.", B="The price is 175 billion. It will be operational by 2029.")
    single = claims.single_source_claims(claims.claims_matrix(corpus, BOOK), BOOK)
    assert single[["claim_id", "outlet"]].values.tolist() == [["done", "B"]]


def test_recurring_phrases_exclude_what_claims_cover():
    corpus = articles(
        A="The missile shield costs 175 billion. Tariff talks stalled.",
        B="Tariff talks stalled again; the missile shield costs 175 billion.",
    )
    recurring = claims.recurring_uncovered(corpus, BOOK)
    phrases = set(recurring["phrase"])
    assert "tariff talks stalled" in phrases and "missile shield costs" in phrases
    assert not any("175" in p for p in phrases)  # the cost claim covers it
    assert "tariff talks" not in phrases  # a shorter phrase with the same outlets adds nothing


@pytest.mark.parametrize(
    "sentence, level",
    [
        ("The shield, Prime Minister Ishiba said, is welcome.", "named person"),
        ("“It will work,” he stated.", "named person"),
        ("It will work, Reuters reported.", "named body"),
        ("According to Nikkei Asia, it will work.", "named body"),
        ("It will reportedly work.", "unnamed"),
        ("It will work, officials said.", "unnamed"),
        ("It will work.", "no source"),
        ("Critics said it will not work.", "no source"),
    ],
)
def test_sourcing_levels(sentence, level):
    assert claims.sourcing_of(sentence, BOOK) == level


def test_sourcing_shares_sum_to_one_per_article():
    corpus = articles(A="It costs $175 billion, Reuters reported. It will reportedly be operational by 2029.", B="No claim here.")
    shares = claims.sourcing_shares(claims.sourcing_sentences(claims.claims_matrix(corpus, BOOK), BOOK), corpus)
    a = shares.loc[shares["outlet"].eq("A")].set_index("sourcing")["share"]
    assert a["named body"] == 0.5 and a["unnamed"] == 0.5 and a.sum() == 1
    assert shares.loc[shares["outlet"].eq("B"), "share"].sum() == 0


@pytest.fixture(scope="module")
def seeds():
    return load_corpus(RAW_DIR).articles, load_codebook()


def test_seeds_key_claims(seeds):
    corpus, book = seeds
    tables = claims.claims_tables(corpus, book)
    presence = claims.claim_presence(tables["claims.csv"], corpus, book)
    made_by = (presence > 0).sum(axis=1)
    assert made_by["completion_year"] == 5
    assert made_by["cbo_831bn_20y"] == 3  # TheBlaze gives $831 billion and the CBO but no period
    assert {"canada_price", "initial_allocation", "japan_3bn_interceptors_radar"} <= set(
        claims.single_source_claims(tables["claims.csv"], book)["claim_id"]
    )
    found = tables["contradictions.csv"]
    # Integrity Times turns the CBO's cost estimate into Japan's investment; TIME has Japan pledging $3 billion.
    assert found[["claim_id", "source_a", "value_a", "source_b", "value_b"]].values.tolist() == [
        ["japan_money", "Integrity Times", "$831 billion", "TIME", "$3 billion"]
    ]
    sourcing = tables["sourcing.csv"]
    assert sourcing.groupby("article_id")["share"].sum().round(2).eq(1).all()


@pytest.mark.parametrize(
    "cues, sentence, expected",
    [
        (["cost", r"\bprice\b"], "The PRICE is high.", True),
        (["cost", r"\bprice\b"], "Priceless.", False),
        ([r"(a)\1", "zzz"], "An aardvark.", True),  # a back-reference keeps its own pattern
        ([r"(?i)shield", "dome"], "The Shield.", True),  # a global flag, allowed only at the start
        ([], "Anything.", False),
    ],
)
def test_cue_groups_match_as_separate_patterns(cues, sentence, expected):
    assert any(p.search(sentence) for p in claims.any_of(tuple(cues))) is expected
    assert any(re.search(cue, sentence, re.IGNORECASE) for cue in cues) is expected


def test_a_bad_cue_raises_its_own_error():
    with pytest.raises(re.error):
        claims.sentence_makes("Any sentence.", {"cues": [["fine", "unbalanced)"]]})


# --- Screening: a substring test before the regular expressions -------------------------------------------------------

# Patterns and texts built from the same words, so that the patterns often match; with look-arounds, classes, repeats,
# groups and the characters that case-insensitive matching takes for ASCII letters ("ſ" for "s", "İ" for "i").
words = ["cost", "Dome", "kit", "3 billion", "$", " ", "."]
regex_pieces = st.sampled_from(
    [*words, *words, r"\b", r"\s?", r"\d", "s?", "+", "*", "{2}", "|", "(", ")", "(?:", "(?=t)", "(?!t)", "[a-c]", "[^]]"]
    + [".", "^", "$", r"\.", r"\$", r"\x41", "é"]
)
cue_texts = st.lists(
    st.sampled_from([*words, "COST", "coſt", "DOME", "\u212aIT", "kİt", "$3 BILLION", "x", "é", "É", "\n"]), max_size=8
).map("".join)


@settings(max_examples=3000, deadline=None)
@given(st.lists(regex_pieces, min_size=1, max_size=8).map("".join), cue_texts | st.text(max_size=30))
def test_a_case_insensitive_match_holds_the_required_text_once_folded(pattern, text):
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
    except re.error:
        return
    if compiled.search(text):
        assert claims.required_text(pattern) in fold_case(text)


@pytest.mark.parametrize(
    "pattern, required",
    [
        (r"\bsatellites?\b", "satellite"),
        (r"end of (?:his|the) (?:\d{4} )?term", "end of "),
        (r"\$\s?3 billion", "3 billion"),
        (r"\bGen\.", "gen."),
        ("Iron Dome", "iron dome"),
        ("cost|price", ""),  # alternatives: nothing certain
        (r"ab{2}cd", "cd"),  # a repeated character is no fixed text
        (r"\x41BC", ""),  # an escape that is not read
        ("(?x) iron dome", ""),  # white space means nothing in verbose patterns
        ("[()]ab", "ab"),  # brackets inside a class open no group
    ],
)
def test_required_text(pattern, required):
    assert claims.required_text(pattern) == required


def test_claims_made_finds_what_trying_every_cue_on_every_sentence_finds(seeds):
    corpus, book = seeds
    texts = [*corpus["text"], "It may cost $5. No cost.\nCosts $6 — the\nsame $7 cost.", ""]
    rules = [claims.claim_rule(claim) for claim in book["claims"]]
    everywhere = [
        (n, s, rule.claim["id"])
        for n, text in enumerate(texts)
        for s in split_sentences(text)
        for rule in rules
        if claims.sentence_makes(s.text, rule.claim)
    ]
    assert [(n, s, rule.claim["id"]) for n, s, rule in claims.claims_made(texts, rules)] == everywhere


def test_another_general_named_in_a_sentence_claims_nothing_about_who_leads():
    book = load_codebook()
    corpus = articles(
        A="Trump said Space Force General Michael Guetlein would head the Golden Dome project.",
        B="Gen. Gregory Guillot, who leads U.S. Northern Command, said the Golden Dome would take years.",
        C="Gen. Michael Guetlein, who runs the program, spoke on Tuesday.",
    )
    found = claims.contradictions(claims.claims_matrix(corpus, book))
    assert not found["claim_id"].eq("leader").any()


def test_spellings_of_one_persons_name_are_no_contradiction():
    book = load_codebook()
    corpus = articles(
        A="Space Force Gen. Michael Guetlein leads the program.",
        B="Gen. Michael A. Guetlein, who leads the program, spoke on Monday.",
        C="Space Force General Michael Neutlein will oversee the project.",
        D="Gen. Gregory Guillot leads the project office, the statement said.",
    )
    found = claims.contradictions(claims.claims_matrix(corpus, book))
    assert sorted({frozenset((a, b)) for a, b in zip(found["value_a"], found["value_b"], strict=True)}, key=sorted) == [
        frozenset({"Gregory Guillot", name}) for name in ("Michael A. Guetlein", "Michael Guetlein", "Michael Neutlein")
    ]


@pytest.mark.parametrize(
    "texts",
    [
        # rounded and exact amounts of one sum
        (
            "Congress has already provided about $24 billion for the program.",
            "Lawmakers already appropriated $24.4 billion through reconciliation.",
            "The first $25 billion was set aside in the budget bill.",
        ),
        # the programme's own price in a sentence about Canada is not Canada's
        (
            "Trump said Canada would have to pay $61 billion for a place in the shield.",
            "Trump unveiled the US$175-billion shield system and said Canada would have to pay its fair share.",
        ),
        # completing a study is not completing the shield
        (
            "Trump said the shield would become fully operational by the time his term ends in 2029.",
            "Gen. Guetlein said he was in charge of completing the study by late September 2025.",
        ),
        # ... nor announcing the completion of its plan; nor is a name spelt by ear another leader
        (
            "Trump said the shield would become fully operational by the time his term ends in 2029.",
            "On September 19, 2025, the Pentagon announced the completion of its Golden Dome plan.",
        ),
        (
            "Gen. Michael Guetlein will lead the Golden Dome program.",
            "The project has been under the leadership of Space Force Gen. Michael Gatline since spring.",
        ),
        # a value its own sentence calls a revision of an earlier one
        (
            "Trump said the shield would become fully operational by the time his term ends in 2029.",
            "The project's completion is now expected in 2035, a delay from the schedule first announced.",
        ),
        # an estimate or a threshold called initial, or the Pentagon's own allocation, is no rival initial allocation
        (
            "Congress set aside an initial $25 billion for the shield in July.",
            "That far exceeds the initial $175 billion forecast the White House put out.",
            "It is sought through appropriations, the first time the base budget has crossed the $1 trillion threshold.",
            "The vote added to the $150 billion already allocated to the Pentagon through the reconciliation law.",
        ),
        # two prices one outlet itself reports are a change over time
        (
            "Trump said Canada would have to pay $61 billion for a place in the shield.",
            "Trump said Canada would now have to pay $71 billion to join, up from the $61 billion he posted in May.",
            "Canada would have to pay $71 billion to join the shield, the president said.",
        ),
        # ... or a value told as more than someone's previous one, or as raised to, in another outlet's sentence
        (
            "Trump said Canada would have to pay $61 billion for a place in the shield.",
            "Canada would now have to hand over $71 billion to join the shield, $10 billion more than his previous demand.",
        ),
        (
            "Trump said Canada would have to pay $61 billion for a place in the shield.",
            "Trump raised Canada's price to join the shield to $71 billion on Friday.",
        ),
        # a partner's own spending in its own dollars is no rival asking price
        (
            "Trump said Canada would have to pay $61 billion for a place in the shield.",
            "Ottawa will join the shield by building radars at a cost of about C$3 billion, and will pay Washington nothing.",
        ),
        # a trade deal's investment pledge is no money for the shield
        (
            "Japan pledged to invest $4 billion in interceptors for the shield.",
            "Tokyo will contribute sensors; its $500 billion pledge of investment in U.S. industries under the trade deal stands apart.",
        ),
        # the programme's cost written before the figure in a sentence about Canada; a prototype's date; a budget's rise
        (
            "Trump said Canada would have to pay $61 billion for a place in the shield.",
            "Officials estimate the system will cost at least $175 billion to build, and that Canada would be expected to pay its share.",
        ),
        (
            "Trump said the shield would become fully operational by the time his term ends in 2029.",
            "The contract calls on the firm to field a fully operational prototype unit by the end of 2027.",
        ),
        (
            "Congress set aside an initial $25 billion for the shield in July.",
            "The proposal outlines a $90 billion increase to the defense budget and includes a down payment on the shield.",
        ),
        # another system working since a past year; a component's blind spots; a price a sentence opens with
        (
            "Trump said the shield would become fully operational by the time his term ends in 2029.",
            "Iron Dome, a land-based system Israel has run since 2011, has a record of blocking rockets.",
            "The funding should field a sensor layer by 2028, giving the military early cover over operational blind spots.",
        ),
        (
            "Trump said Canada would have to pay $61 billion for a place in the shield.",
            "Said to cost US $175 billion, it would also cover Canada for a price, the president later wrote.",
        ),
        # a year the sentence denies is no target
        (
            "Trump said the shield would become fully operational by the time his term ends in 2029.",
            "Officials said there is no hard \u201c2028 mandate\u201d for completing the whole shield.",
        ),
        # a first part's date, and a demonstration's, are no completion target
        (
            "Trump said the shield would become fully operational by the time his term ends in 2029.",
            "The Space Force expects the initial constellation of satellites will be operational by 2028, with more through 2035.",
            "Before full completion, an operational capability demonstration is planned for the summer of 2028.",
        ),
        # a day's date is when something happened, not a target
        (
            "Trump said the shield would become fully operational by the time his term ends in 2029.",
            "The government started the shield, which it means to complete within three years at great cost, on May 20, 2025.",
        ),
        # completing the groundwork for the shield is not completing the shield
        (
            "Trump said the shield would become fully operational by the time his term ends in 2029.",
            "The department plans to complete its foundational engineering work for the shield by fiscal year 2026, an official said.",
        ),
        # a contract's satellites made operational are a part, not the shield
        (
            "Trump said the shield would become fully operational by the time his term ends in 2029.",
            "The new award asks the company to put an operational satellite constellation in orbit by 2028 for the Space Force.",
        ),
        # ... nor is the term of a contract's work
        (
            "Trump said the shield would become fully operational by the time his term ends in 2029.",
            "The operational timeline for the contracted work runs to the end of 2035 if every option is taken up.",
        ),
    ],
    ids=[
        "rounded",
        "programme-price",
        "study",
        "plan-completed",
        "name-spelt-by-ear",
        "revised-target",
        "initial",
        "change-over-time",
        "more-than-his-previous",
        "raised-to",
        "own-currency",
        "trade-deal",
        "programme-cost-before",
        "prototype",
        "budget-increase",
        "past-year-and-component",
        "price-opening-the-sentence",
        "denied-year",
        "first-part-and-demonstration",
        "day-date",
        "groundwork",
        "contract-satellites",
        "contract-term",
    ],
)
def test_sources_that_do_not_disagree_are_no_contradiction(texts):
    corpus = articles(**{chr(ord("A") + k): text for k, text in enumerate(texts)})
    assert claims.contradictions(claims.claims_matrix(corpus, load_codebook())).empty


def test_a_place_under_the_shield_costs_canada_what_the_programme_does_not():
    corpus = articles(
        A="The president posted that Canada's place under the shield would cost $61 billion.",
        B="Officials estimate the system will cost at least $175 billion to build, and that Canada would be expected to pay.",
    )
    found = claims.claims_matrix(corpus, load_codebook())
    assert found.loc[found["claim_id"].eq("canada_price"), "value"].tolist() == ["$61 billion", ""]


def test_two_prices_no_outlet_reports_as_a_change_stand_against_each_other():
    corpus = articles(
        A="Trump said Canada would have to pay $61 billion for a place in the shield.",
        C="Canada would have to pay $71 billion to join the shield, the president said.",
    )
    assert len(claims.contradictions(claims.claims_matrix(corpus, load_codebook()))) == 1


def test_the_completion_year_is_the_one_after_the_words_of_completion_not_a_date_before_them():
    spec = load_codebook()["claims"]
    spec = next(c for c in spec if c["id"] == "completion_year")["value"]
    sentence = "Trump gave the number in May 2025, for a shield he said would be fully operational before his term is up in January 2029."
    assert claims.extract_value(sentence, spec) == "2029"


def test_a_completion_target_is_a_completion_claim_and_a_complete_system_is_not():
    book = load_codebook()
    corpus = articles(
        A="Gen. Guetlein is overseeing the project with a completion target by 2029.",
        B="The CBO's May 2026 estimate priced a complete notional system over 20 years.",
    )
    made = claims.claims_matrix(corpus, book)
    completion = made[made["claim_id"].eq("completion_year")]
    assert completion[["outlet", "value"]].values.tolist() == [["A", "2029"]]


def test_the_programme_s_cost_in_a_clause_on_it_is_not_canada_s_price():
    corpus = articles(
        A="The president posted that Canada's place under the shield would cost $61 billion.",
        B="Ottawa confirmed it is weighing a stake in the shield, which carries an overall price of $175 billion.",
    )
    found = claims.claims_matrix(corpus, load_codebook())
    assert found.loc[found["claim_id"].eq("canada_price"), "value"].tolist() == ["$61 billion", ""]
