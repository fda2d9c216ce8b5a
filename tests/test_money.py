import math
import re
import sys
from itertools import combinations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediabrief.codebook import load_codebook
from mediabrief.config import RAW_DIR
from mediabrief.corpus import load_corpus
from mediabrief.money import (
    DISCREPANCY_COLUMNS,
    POINT_RE,
    RANGE_RE,
    VAGUE_RE,
    CueSet,
    _finditer,
    _starts,
    conflicts,
    discrepancies,
    distinct_figures,
    find_amounts,
    headline_ratio,
    money_mentions,
    money_table_columns,
    parse_amount,
    sentences_with_figures,
)
from mediabrief.textutils import fold_case, split_sentences


@pytest.fixture(scope="module")
def codebook():
    return load_codebook()


@pytest.fixture(scope="module")
def seeds():
    return load_corpus(RAW_DIR).articles


@pytest.fixture(scope="module")
def seed_money(seeds, codebook):
    return money_mentions(seeds, codebook)


def _table(text: str, codebook: dict) -> pd.DataFrame:
    """The money rows of a one-article text."""
    return money_mentions(pd.DataFrame({"article_id": ["t"], "file": ["t.txt"], "text": [text]}), codebook)


def one(text: str, codebook: dict) -> dict:
    """The single money row of a one-article text."""
    table = _table(text, codebook)
    assert len(table) == 1, table[["surface"]].to_dict("records")
    return table.iloc[0].to_dict()


# --- the seed gold table ---------------------------------------------------------------------------------------------


def _key(row) -> tuple:
    return (row["file"], row["surface"])


def _numbered(records: list[dict]) -> dict:
    """Rows keyed by (file, surface, occurrence), so that a surface repeated in a file is matched in reading order."""
    seen: dict = {}
    keyed = {}
    for row in records:
        n = seen[_key(row)] = seen.get(_key(row), -1) + 1
        keyed[(*_key(row), n)] = row
    return keyed


def test_seed_money_matches_the_gold_table(seed_money, gold):
    expected = _numbered(gold("seed_money.csv").to_dict("records"))
    found = _numbered(seed_money.sort_values(["file", "start"]).to_dict("records"))
    hits = expected.keys() & found.keys()
    precision, recall = len(hits) / max(len(found), 1), len(hits) / len(expected)
    print(f"seed money mentions: precision {precision:.2f}, recall {recall:.2f} ({len(hits)} of {len(expected)} gold, {len(found)} found)")
    assert sorted(expected.keys() - found.keys()) == [], "gold mentions not found"
    assert sorted(found.keys() - expected.keys()) == [], "mentions found that are not in the gold table"
    wrong = []
    for key in sorted(hits):
        want, got = expected[key], found[key]
        for column in ("amount_low_usd", "amount_high_usd", "horizon_years"):
            a, b = float(want[column] or "nan"), float(got[column])
            if not (math.isclose(a, b) or (math.isnan(a) and math.isnan(b))):
                wrong.append((key, column, a, b))
        for column in ("is_range", "is_vague"):
            if want[column] != str(bool(got[column])):
                wrong.append((key, column, want[column], got[column]))
        for column in ("referent", "attributed_to"):
            if want[column] != got[column]:
                wrong.append((key, column, want[column], got[column]))
    assert wrong == []


def test_seed_money_offsets_point_at_the_surface_and_sentence(seed_money, seeds):
    texts = dict(zip(seeds["article_id"], seeds["text"], strict=True))
    assert len(seed_money) == 14
    for row in seed_money.itertuples():
        assert texts[row.article_id][row.start : row.end] == row.surface
        assert row.surface in row.sentence
    assert list(seed_money.columns) == money_table_columns


def test_seed_points_ranges_and_per_year(seed_money):
    cbo = seed_money[seed_money["horizon_years"].eq(20)]
    assert set(cbo["attributed_to"]) == {"Congressional Budget Office"}
    assert cbo["per_year_usd"].tolist() == pytest.approx([831e9 / 20] * 3)
    points = seed_money[~seed_money["is_range"] & ~seed_money["is_vague"]]
    assert (points["amount_usd"] == points["amount_low_usd"]).all() and (points["amount_low_usd"] == points["amount_high_usd"]).all()
    assert seed_money.loc[seed_money["is_range"] | seed_money["is_vague"], "amount_usd"].isna().all()


def test_seed_hedges(seed_money):
    hedges = list(zip(seed_money["file"].str[:3], seed_money["surface"], seed_money["hedge"], strict=True))
    assert hedges == [
        ("000", "$175 billion", "estimated"),
        ("000", "$831 billion", "as high as"),
        ("001", "hundreds of billions if not trillions of dollars", "estimated"),
        ("001", "$3 billion", "more than"),
        ("002", "$831 billion", "up to"),
        ("002", "between $175-831 billion", "could reach"),
        ("002", "$175 billion", ""),
        ("002", "$831 billion", "as high as"),
        ("002", "$175 billion", ""),
        ("003", "$175 billion", ""),
        ("003", "$831 billion", "could reach"),
        ("003", "$61 billion", ""),
        ("004", "US$25 billion", ""),
        ("004", "US$831 billion", "could reach"),
    ]


# --- comparing sources -----------------------------------------------------------------------------------------------


def test_discrepancies_flag_the_831_billion_pledge_against_the_cbo_cost(seed_money, seeds):
    found = discrepancies(seed_money, seeds)
    assert list(found.columns) == DISCREPANCY_COLUMNS
    referent = found[found["kind"].eq("same amount, different referent") & found["amount"].eq("$831 billion")]
    # One row: Integrity Times on one side, the three outlets that give the CBO's total on the other.
    assert len(referent) == 1
    row = referent.iloc[0]
    sides = {row["outlet_a"]: (row["value_a"], row["sentence_a"]), row["outlet_b"]: (row["value_b"], row["sentence_b"])}
    assert sides["Integrity Times"][0] == "partner purchase or pledge"
    assert sides["Integrity Times"][1].startswith("Japan is poised to invest up to $831 billion")
    others = next(o for o in sides if o != "Integrity Times")
    assert sorted(others.split("; ")) == ["Benzinga", "Mexico Business News", "TheBlaze"]
    assert sides[others][0] == "program total" and "Congressional Budget Office" in sides[others][1]
    # The $175 billion figure is the program cost everywhere; TheBlaze not naming its source contradicts nobody.
    assert not found["amount"].eq("$175 billion").any()


def test_distinct_figures_list_outlets_and_their_attributions(seed_money, seeds):
    table = distinct_figures(seed_money, seeds)
    cbo = table[(table["amount_low_usd"] == 831e9) & (table["amount_high_usd"] == 831e9) & table["referent"].eq("program total")].iloc[0]
    assert cbo["n_outlets"] == 4 and cbo["outlets"] == "Benzinga; Integrity Times; Mexico Business News; TheBlaze"
    assert "TheBlaze: Congressional Budget Office" in cbo["attributions"]
    assert len(table) == len(table.drop_duplicates(["amount_low_usd", "amount_high_usd", "referent"]))


def test_conflicts_is_generic_and_skips_silent_values():
    table = pd.DataFrame(
        {
            "claim": ["cost", "cost", "cost", "date"],
            "value": ["$1", "unknown", "$2", "2029"],
            "outlet": ["A", "B", "C", "A"],
            "sentence": ["a says $1", "b", "c says $2", "a says 2029"],
        }
    )
    found = conflicts(table, ["claim"], "value", silent=["unknown"])
    assert found[["claim", "source_a", "value_a", "quote_a", "source_b", "value_b"]].values.tolist() == [
        ["cost", "A", "$1", "a says $1", "C", "$2"]
    ]


def test_the_same_outlet_does_not_conflict_with_itself():
    table = pd.DataFrame({"k": [1, 1], "v": ["x", "y"], "outlet": ["A", "A"], "sentence": ["a", "b"]})
    assert conflicts(table, ["k"], "v").empty


# --- formats -----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "currency", "low", "high", "is_range", "is_vague"),
    [
        ("$175 billion", "USD", 175e9, 175e9, False, False),
        ("US$25 billion", "USD", 25e9, 25e9, False, False),
        ("$175B", "USD", 175e9, 175e9, False, False),
        ("$1.2 trillion", "USD", 1.2e12, 1.2e12, False, False),
        ("$61 Billion Dollars", "USD", 61e9, 61e9, False, False),
        ("ZERO DOLLARS", "USD", 0, 0, False, False),
        ("one trillion dollars", "USD", 1e12, 1e12, False, False),
        ("twenty-five million euros", "EUR", 25e6, 25e6, False, False),
        # A range in words: "and" joins the ends, not the words of one number; "and" after "hundred" stays inside it.
        ("between one hundred sixty-one and five hundred forty-two billion dollars", "USD", 161e9, 542e9, True, False),
        ("one hundred and five million dollars", "USD", 105e6, 105e6, False, False),
        ("$3bn", "USD", 3e9, 3e9, False, False),
        ("$1.2 trln", "USD", 1.2e12, 1.2e12, False, False),  # wire shorthand, as in "$1.2 trln over 20 years"
        ("$175-billion", "USD", 175e9, 175e9, False, False),  # a hyphenated scale: "the $175-billion project"
        ("by $10 billion to $185 billion", "USD", 10e9, 10e9, False, False),  # a change, then the new level: two figures
        ("set to grow from $630 billion to $1.8 trillion", "USD", 630e9, 630e9, False, False),  # a sum that moved: two figures
        ("$3 billion", "USD", 3e9, 3e9, False, False),
        ("more than $3 billion", "USD", 3e9, 3e9, False, False),
        ("$1,200.50", "USD", 1200.5, 1200.5, False, False),
        ("$175-831 billion", "USD", 175e9, 831e9, True, False),
        ("$175 to $831 billion", "USD", 175e9, 831e9, True, False),
        ("between $175 billion and $831 billion", "USD", 175e9, 831e9, True, False),
        ("$800 million to $1.2 billion", "USD", 800e6, 1.2e9, True, False),
        ("$200 million up to $2 billion", "USD", 200e6, 2e9, True, False),  # "awards running from $200 million up to $2 billion"
        # Australian and New Zealand outlets: the code after the sign, or before it
        ("$US25 billion", "USD", 25e9, 25e9, False, False),
        ("USD$175 billion", "USD", 175e9, 175e9, False, False),
        ("AUD $248.65 billion", "AUD", 248.65e9, 248.65e9, False, False),
        ("€2 billion", "EUR", 2e9, 2e9, False, False),
        ("¥500 billion", "JPY", 500e9, 500e9, False, False),
        ("500 billion yen", "JPY", 500e9, 500e9, False, False),
        ("USD 5 billion", "USD", 5e9, 5e9, False, False),
        ("hundreds of billions if not trillions of dollars", "USD", 1e11, 1e13, False, True),
        ("billions of dollars", "USD", 1e9, 1e10, False, True),
        ("tens of billions of U.S. dollars", "USD", 1e10, 1e11, False, True),
        ("several billion dollars", "USD", 2e9, 1e10, False, True),
        # adjectives of size, and fractions and halves of a scale in words, as op-eds and explainers write them
        ("a trillion-dollar mistake", "USD", 1e12, 1e12, False, True),
        ("the multibillion-dollar shield", "USD", 2e9, 1e10, False, True),
        ("a 175-billion-dollar system", "USD", 175e9, 175e9, False, False),
        ("a quarter of a trillion dollars", "USD", 250e9, 250e9, False, False),
        ("some three-quarters of a trillion dollars", "USD", 750e9, 750e9, False, False),
        ("seventeen and a half billion dollars", "USD", 17.5e9, 17.5e9, False, False),
        ("a half-trillion-dollar gamble", "USD", 0.5e12, 0.5e12, False, True),
        ("a multi-hundred-billion-dollar programme", "USD", 2e11, 1e12, False, True),
        ("a multibillion\u2011dollar effort", "USD", 2e9, 1e10, False, True),  # a non-breaking hyphen
        ("a largely unproven multi-billion dollar system", "USD", 2e9, 1e10, False, True),  # a space before "dollar"
        # a magnitude without "of dollars" where a verb of spending governs it, or money words follow it
        ("would cost tens of billions more", "USD", 1e10, 1e11, False, True),
        ("lawmakers are appropriating billions for the shield", "USD", 1e9, 1e10, False, True),
        ("it could drive billions in new investment", "USD", 1e9, 1e10, False, True),
        # a number with a scale word and no currency, where a verb of costing or paying governs it
        ("the shield may cost up to half a trillion, given its territory", "USD", 0.5e12, 0.5e12, False, False),
        ("Seventy-one billion they're going to pay.", "USD", 71e9, 71e9, False, False),
        # a magnitude a cost reaches
        ("it will likely cost in the trillions", "USD", 1e12, 1e13, False, True),
        ("outside estimates reach into the trillions", "USD", 1e12, 1e13, False, True),
        ("total costs are expected to run into the hundreds of billions", "USD", 1e11, 1e12, False, True),
        # whose money it is, between the magnitude and the currency
        ("a plan to spend hundreds of billions of taxpayer dollars", "USD", 1e11, 1e12, False, True),
        # a hedge on a range's high end
        ("estimates span $400 billion to as much as $1 trillion across 20 years", "USD", 400e9, 1e12, True, False),
        ("a lifetime price put at $161 billion to over $830 billion", "USD", 161e9, 830e9, True, False),
        # a scale written without a space; a decimal comma before a scale
        ("the scheme could hit £831billion", "GBP", 831e9, 831e9, False, False),
        ("lawmakers passed $24,5 billion for that purpose", "USD", 24.5e9, 24.5e9, False, False),
    ],
)
def test_parse_amount_formats(text, currency, low, high, is_range, is_vague):
    amount = parse_amount(text)
    assert amount is not None
    assert amount.currency == currency
    assert amount.low == pytest.approx(low) and amount.high == pytest.approx(high)
    assert (amount.is_range, amount.is_vague) == (is_range, is_vague)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "$",
        "$ billion",
        "$1.2.3 billion",
        "175 billion people",
        "Japan won 5 medals",
        "500 pounds of steel",
        "the 51st state",
        "in 2029",
        "billions of people",  # a magnitude counts money only where the words around it say so
        "tens of billions of stars",
        "the galaxy holds billions",
        "About 8 billion people live on Earth.",  # a scale word with no verb of money
        "It took 2 billion years to form.",
        "The app has 1,500 users in the trillions of cells",
    ],
)
def test_malformed_or_moneyless_text_gives_no_amount(text):
    assert parse_amount(text) is None


def test_a_number_at_the_very_end_of_the_text_is_read_cleanly():
    assert parse_amount("It would cost $175") == parse_amount("$175")
    assert [f.end for f in find_amounts("It would cost $175")] == [18]
    assert find_amounts("It would cost $") == []


def test_two_figures_joined_by_and_are_two_figures_and_a_year_is_not_a_range_end():
    assert [f.amount.high for f in find_amounts("$5 billion and $6 billion")] == [5e9, 6e9]
    assert [f.amount.is_range for f in find_amounts("$5 billion to 2030")] == [False]


def test_currency_without_a_rate_keeps_its_code_and_no_usd(codebook):
    row = one("Switzerland set aside CHF 2 billion.", codebook)
    assert row["currency"] == "CHF" and math.isnan(row["amount_usd"]) and math.isnan(row["amount_low_usd"])
    assert row["surface"] == "CHF 2 billion"


def test_yen_is_converted_with_the_codebook_rate(codebook):
    rate = codebook["money"]["usd_rates"]["JPY"]
    row = one("Tokyo pledged 500 billion yen.", codebook)
    assert row["currency"] == "JPY" and row["amount_usd"] == pytest.approx(500e9 * rate)
    assert row["referent"] == "partner purchase or pledge" and row["attributed_to"] == "Japan"


# --- hedges, horizons, referents, attributions on made-up sentences ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("The system could cost up to $500 billion.", "up to"),
        ("The bill is about $25 billion.", "about"),
        ("Costs may reach as high as $1 trillion.", "as high as"),
        ("Japan paid $3 billion.", ""),
        ("It cost an estimated $175 billion, and later $2 billion more.", "estimated"),
    ],
)
def test_hedges(text, hedge, codebook):
    table = _table(text, codebook)
    assert table.iloc[0]["hedge"] == hedge


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("The CBO says it could cost $831 billion over 20 years.", 20),
        ("The CBO says it could cost $831 billion over two decades.", 20),
        ("A workable design would need more than $450 billion, over the course of 20 years, the CBO found.", 20),
        ("The CBO puts the 20-year cost at $831 billion.", 20),
        ("It costs $5 billion a year.", 1),
        ("It costs $5 billion, to be finished in 2029.", math.nan),
    ],
)
def test_horizons(text, years, codebook):
    row = one(text, codebook)
    if math.isnan(years):
        assert math.isnan(row["horizon_years"]) and math.isnan(row["per_year_usd"])
    else:
        assert row["horizon_years"] == years and row["per_year_usd"] == pytest.approx(row["amount_high_usd"] / years)


def test_an_increase_is_a_difference_however_long_the_phrase_before_it(codebook):
    table = _table(
        "The Pentagon increased the baseline cost estimate it keeps for the whole missile shield by $10 billion,"
        " to $185 billion. That put the total at $185 billion, an increase of $10 billion.",
        codebook,
    )
    assert table["referent"].tolist() == ["other", "program total", "program total", "other"]


def test_a_conversion_in_parentheses_is_read_as_the_figure_it_converts(codebook):
    table = _table("In 2022 Canada unveiled a C$38.6 billion (US$28 billion) long-term plan to modernise NORAD.", codebook)
    assert table["referent"].tolist() == ["partner purchase or pledge"] * 2


@pytest.mark.parametrize(
    ("text", "referent", "attributed_to"),
    [
        # A sum a legislature passes is a fact, not its estimate (the development corpus's gold never gives one to Congress).
        ("Congress allocated $25 billion in the budget bill.", "budget or appropriation", "unattributed"),
        ("The White House requested $17.5 billion in the budget bill.", "budget or appropriation", "White House / the President"),
        ("The CBO puts the interceptor layer at about $743 billion.", "part or unit cost", "Congressional Budget Office"),
        ("Canada could join for $61 billion, Trump has said.", "price quoted to a partner", "White House / the President"),
        ("The estimate is well above the $175 billion Trump cited in May.", "program total", "White House / the President"),
        ("Senators questioned the $185 billion figure Guetlein gave in March.", "program total", "Gen. Michael Guetlein (Space Force)"),
        ("Canada would have to pay $61 billion, Trump said.", "price quoted to a partner", "White House / the President"),
        # a question names what the figure answering it is
        ("What would Ottawa pay to participate? At least $80 billion, on current numbers.", "price quoted to a partner", "unattributed"),
        # money for a programme named after "for" funds it; a bill's versions and legislation are budget words
        (
            "The 'big, beautiful bill' that passed the House contains $25 billion for the program.",
            "budget or appropriation",
            "unattributed",
        ),
        ('Budget fight: White House seeks $17.5B more for Golden Dome', "budget or appropriation", "White House / the President"),
        ("The Senate's version keeps $25 billion for the Golden Dome shield.", "budget or appropriation", "unattributed"),
        ("The legislation also carries about $1.4 billion for missile-warning programmes.", "budget or appropriation", "unattributed"),
        # a partner's price however it is put: to be included, for coverage, a fee stated inside a condition
        (
            "Norway will need to pay $40 billion to be included in the shield, Trump said.",
            "price quoted to a partner",
            "White House / the President",
        ),
        (
            "Trump spoke on Tuesday. He wrote that if Ottawa wants to join as a separate country, it will have to pay a $61 billion fee.",
            "price quoted to a partner",
            "White House / the President",
        ),
        # what the system would require is its size, however the sentence joins the verb on
        ("The shield might need ten years of work and require more than $1 trillion in funding.", "program total", "unattributed"),
        # "alone" after the programme's own noun prices all of it; after a part of it, the part
        ("Experts say the whole project alone could cost over $500 billion.", "program total", "experts"),
        ("That slice of the project alone could run to $8 billion, sources said.", "part or unit cost", "sources"),
        # a figure "part of" a law or a package is a budget line, not a part of the programme
        ("The shield got $9 billion as part of a wider defense spending package.", "budget or appropriation", "unattributed"),
        # a unit after "a" is a rate only where it ends its noun phrase: "a missile defense system" is no missile
        ("Launches now cost about $1,500 a kilogram to orbit.", "part or unit cost", "unattributed"),
        # a plan or programme named right after its figure is the whole
        ("Trump said the work is to begin as part of a wider $175 billion funding plan.", "program total", "White House / the President"),
        ("Experts doubt the country could pay for a multi-trillion dollar program.", "program total", "unattributed"),
        # another programme set beside the shield, and a trade measure, are "other"
        (
            "Lt. Gen. Ann Roy testified that the cost of a missile defense system, in effect a scaled-down Golden Dome for Guam,"
            " would total about $8 billion.",
            "other",
            "Ann Roy",
        ),
        ("The EU is preparing retaliatory tariffs worth up to $108 billion.", "other", "unattributed"),
        # a budget of all defence is not the programme's
        ("Republicans want a $150 billion defense spending boost in the bill.", "other", "unattributed"),
        ("The measure comes on top of the approved $886 billion national security budget.", "other", "unattributed"),
        # what a government set aside or committed is a fact the outlet states, as the development gold labels "Denmark
        # … set aside about €2bn" and "Ottawa committed C$38.6 billion"; what it asks for is its own figure
        ("Ottawa set aside $4 billion to develop a missile defense radar.", "budget or appropriation", "unattributed"),
        ("Ottawa's government has committed close to $40 billion to the radar work.", "partner purchase or pledge", "unattributed"),
        ("Ottawa is seeking $4 billion to develop a missile defense radar.", "budget or appropriation", "Canada"),
        # a cost per unit named before the figure; a subtotal is a share
        ("The model behind it takes an average cost per interceptor satellite of $22 million.", "part or unit cost", "unattributed"),
        ("Operating them adds up to a $743 billion subtotal.", "part or unit cost", "unattributed"),
        # a size in words describes the whole; a company's piece is a part
        ('Sen. Ed Markey called it "a trillion-dollar giveaway to defense contractors."', "program total", "Ed Markey"),
        ("Lockheed Martin estimated its piece, the initial design alone, at $6 billion.", "part or unit cost", "Lockheed Martin"),
        # "an initial" sum is a first budget line, whatever the sentence's total; money available for the work funds it
        (
            "Trump announced an initial $25 billion investment toward a total that is far larger.",
            "budget or appropriation",
            "White House / the President",
        ),
        ("The Pentagon has about $23 billion available for early work on the shield.", "budget or appropriation", "unattributed"),
        # the national debt, the money in circulation are no programme's price
        ("The national debt has passed $36 trillion since the plan was announced.", "other", "unattributed"),
        # a legislature seeking money to start the work is funding it; joining is a partner's price
        (
            "The shield is far from built, with Congress seeking $25 billion to kickstart the work.",
            "budget or appropriation",
            "unattributed",
        ),
        ("Trump said that joining would cost Ottawa $61 billion.", "price quoted to a partner", "White House / the President"),
        # a price offered in an aside, by extending the shield to a partner
        (
            "Ottawa has not answered since Trump offered to extend the shield to Canada for $61 billion.",
            "price quoted to a partner",
            "White House / the President",
        ),
        ("Each interceptor costs $2 million per interceptor.", "part or unit cost", "unattributed"),
        ("The weather was fine and $5 billion changed hands.", "other", "unattributed"),
        ("According to the CBO, the total cost is $831 billion.", "program total", "Congressional Budget Office"),
        ("Trump's shield will cost $175 billion.", "program total", "unattributed"),
        ("Trump promised that the system, which is estimated to cost $1 trillion, works.", "program total", "unattributed"),
        # When and where between the subject and its verb say nothing about who gives the figure.
        (
            "The Congressional Budget Office on Tuesday put the full system at $1.2 trillion.",
            "program total",
            "Congressional Budget Office",
        ),
        ("Todd Harrison at the American Enterprise Institute figures a version would run $3.6 trillion.", "program total", "Todd Harrison"),
        (
            "Analysts at the American Enterprise Institute have put the cost as high as $3.6 trillion.",
            "program total",
            "American Enterprise Institute",
        ),
        # A possessive before a participle is not a subject; a report estimating speaks for its author.
        (
            "A new Congressional Budget Office analysis estimates Trump's proposed shield could cost $1.2 trillion.",
            "program total",
            "Congressional Budget Office",
        ),
        ("The CBO released a report estimating the shield would cost about $1.2 trillion.", "program total", "Congressional Budget Office"),
        # A figure given by someone, written after it, active or passive.
        (
            "That is far above the first $175 billion forecast provided by the Trump administration.",
            "program total",
            "White House / the President",
        ),
        ("It dwarfs the $175 billion cost estimate Trump provided last year.", "program total", "White House / the President"),
        # A subject with its document in apposition, a "whose" clause, "in a study titled …", "its estimate of".
        (
            "The CBO's earlier work, a May 2025 letter to a senator, put the space-based interceptors at $542 billion.",
            "part or unit cost",
            "Congressional Budget Office",
        ),
        ("Todd Harrison of AEI, whose 2025 study put the range at $3.6 trillion, spoke on Monday.", "program total", "Todd Harrison"),
        (
            'Todd Harrison of AEI, in a study titled "Build Your Own Golden Dome," estimated the cost at $3.6 trillion.',
            "program total",
            "Todd Harrison",
        ),
        (
            "The administration has not updated its estimate of about $175 billion for the system.",
            "program total",
            "White House / the President",
        ),
        # a place is not a speaker
        ("The number Trump gave in the Oval Office was $175 billion.", "program total", "White House / the President"),
        # a government passing its own budget states a fact; a budget of all defence is no budget line of the programme
        (
            "In December, the government approved a record 9 trillion yen for defence spending.",
            "other",
            "unattributed",
        ),
        # budget coverage: an appropriation's "initial investment", a fiscal year, a noun that names a figure only right
        # after it ("system" elsewhere in the sentence says nothing: "a larger system of systems")
        ("In last year's bill, lawmakers voted an initial investment of $24.4 billion.", "budget or appropriation", "unattributed"),
        ("Golden Dome would receive $17.5 billion in FY27.", "budget or appropriation", "unattributed"),
        (
            "The bill includes programs that feed a larger system of systems, like $1.4 billion for sensors.",
            "budget or appropriation",
            "unattributed",
        ),
        (
            "Trump said he had chosen a design for the $175 billion system, which uses space-based interceptors.",
            "program total",
            "White House / the President",
        ),
        # a difference between two figures is not a price; a contract vehicle's name in capitals is not the shield
        ("Canada would now pay $71 billion, $10 billion more than the figure posted in May.", None, None),
        ("The office's estimate is $185 billion, up $10bn from the president's figure.", None, None),
        ("The Missile Defense Agency issued task orders under the $151 billion SHIELD vehicle.", "part or unit cost", "unattributed"),
        (
            "One senator said the $175 billion cost estimate once given by President Donald Trump was still valid.",
            "program total",
            "White House / the President",
        ),
        (
            "Trump has announced price tags for Canada's participation that range between US$61 billion and US$71 billion.",
            "price quoted to a partner",
            "White House / the President",
        ),
        # a clause joined by "and that" is another clause: "the system" there does not say what the $25 billion covers
        (
            "Trump said that Congress would provide an initial $25 billion and that the system would be working soon.",
            "budget or appropriation",
            "White House / the President",
        ),
        # an outlet that relays what someone announced is not the owner
        (
            "According to Al Jazeera, Trump announced that he had selected a USD 175 billion design.",
            "program total",
            "White House / the President",
        ),
        # A verb of another clause does not make its subject the owner: Trump signed the law, he did not set the sum aside.
        ("The law Trump signed set aside about $25 billion for the shield.", "budget or appropriation", "unattributed"),
        # A cue right after the figure names it, whatever else its clause holds; the whole system is the total. (A
        # possessive right before a figure and a programme's noun names who runs the programme, not who priced it: the
        # labels of real pages read "Trump's $831 billion 'Golden Dome'" and "the administration's $175 billion
        # initiative" so, December 2026.)
        ("Trump's $175 billion shield would include a space-based interceptor layer.", "program total", "unattributed"),
        (
            "Trump's proposed $175 billion shield would include a space-based interceptor layer.",
            "program total",
            "White House / the President",
        ),
        (
            "The CBO counted 7,800 satellites in the constellation: it priced the whole system at $1.2 trillion.",
            "program total",
            "Congressional Budget Office",
        ),
        ("Interceptors would account for about $743 billion, the CBO said.", "part or unit cost", "Congressional Budget Office"),
        ("The White House did not answer a request for comment on the $1.2 trillion estimate.", "program total", "unattributed"),
        # a name in quotation marks and the programme's modifiers may stand between the figure and its noun
        (
            'The planned $175-billion "Golden Dome" missile shield will lift defense stocks for years.',
            "program total",
            "unattributed",
        ),
        ("Ottawa announced a $6-billion Arctic radar system investment before the election.", "other", "Canada"),  # another system
        # a change by a sum is a difference; contracts in general are no one contract
        ("Small tweaks to those assumptions could shift the bill by hundreds of billions of dollars.", "other", "unattributed"),
        ("His companies hold tens of billions of dollars' worth of government contracts.", "other", "unattributed"),
        # money put "in" the programme is not its price (and $25 billion is a figure the story is known for: its first
        # money, in the 2025 reconciliation bill, which the codebook lists)
        (
            "In May, Trump announced a fresh $25 billion investment in Golden Dome technology.",
            "budget or appropriation",
            "White House / the President",
        ),
        ("In May, Trump announced a fresh $26 billion investment in Golden Dome technology.", "other", "White House / the President"),
        # a person's plan, proposal or announcement of a figure is theirs
        ("Critics mocked Trump's plan for a $175 billion shield as a fantasy.", "program total", "White House / the President"),
        (
            "Donald Trump, whose announcement of the $175 billion Golden Dome system drew criticism, spoke on Friday.",
            "program total",
            "White House / the President",
        ),
        # what a bill gives or cuts elsewhere is no programme's size
        ("The version that passed the House would cut $1.6 trillion, mostly in domestic spending.", "other", "unattributed"),
        # a figure after "part of" is the whole it is part of; a committee is no commitment; a bill's lines are budget lines
        # of the programme where the clause names it, and its money for all defence, or for other things, is not
        # (a package of that size is all defence's, "other", as the codebook's whole budgets say, though the clause names the
        # shield: no line of the programme comes near it)
        ("The shield's money is part of a larger defense package worth $150 billion.", "other", "unattributed"),
        (
            "The Senate Appropriations Committee released a bill that would provide $850 billion in defense funding.",
            "other",
            "unattributed",
        ),
        ("Under the defense bill, $6 billion would go to classified space programs.", "other", "unattributed"),
        ("The defense bill sets aside $6 billion for Golden Dome.", "budget or appropriation", "unattributed"),
        # ... or to buy something else, a fact the outlet states whoever enacted it
        ("For the navy, appropriators have allocated $30 billion to build a dozen frigates.", "other", "unattributed"),
        ("The final agreement cements an $840 billion topline for the year.", "other", "unattributed"),
        # an inverted verb whose subject has an apposition; a document that "tallies"
        (
            "Building it would take a little more than $1 trillion, said the CBO, a nonpartisan scorekeeper for Congress.",
            "program total",
            "Congressional Budget Office",
        ),
        (
            "A new Congressional Budget Office projection tallies the full system at $1.2 trillion.",
            "program total",
            "Congressional Budget Office",
        ),
        # a list label that names a programme, not a body, gives no figure
        ("- Next-Gen OPIR Polar: $474 million added for polar missile warning.", "other", "unattributed"),
        # a relative clause after the figure describes the noun before it; a bill's money; a programme seeded by a bill
        (
            "The package contains about $20 billion for the shield that envisions interceptors in orbit.",
            "budget or appropriation",
            "unattributed",
        ),
        ("Approved in a spending bill last year, the shield was seeded with $20 billion.", "budget or appropriation", "unattributed"),
        # what lawmakers of a party or a committee put in a bill is a fact the outlet states; a request is its requester's
        ("Since January, Republicans have appropriated about $20 billion for the shield.", "budget or appropriation", "unattributed"),
        (
            "The House text tracks an $18 billion budget request from President Donald Trump.",
            "budget or appropriation",
            "White House / the President",
        ),
        # a verb of authorizing right before the figure names it, whatever it buys; "just for" goes on past a comma
        ("The act authorizes more than $20 billion to buy new interceptors.", "budget or appropriation", "unattributed"),
        # (unnamed estimates are named as the text calls them, as the development labels name "outside estimates")
        ("Outside estimates run to $500 billion over 20 years, just for the orbiting layer.", "part or unit cost", "outside estimates"),
        # a programme's figure "announced by" someone is theirs, a size in words the outlet's own
        (
            "Tokyo weighs joining Golden Dome, a $175 billion initiative announced by Trump in May.",
            "program total",
            "White House / the President",
        ),
        ("Tokyo weighs joining Golden Dome, a multibillion-dollar initiative announced by Trump in May.", "program total", "unattributed"),
        # ... also where someone speaks in the sentence: the size describes the thing, in the outlet's words
        (
            "Trump has argued that Greenland is vital for his shield, a multibillion-dollar system he wants by 2029.",
            "program total",
            "unattributed",
        ),
        ("The price tag has been pegged by the Heritage Foundation at $175 billion.", "program total", "Heritage Foundation"),
        # a giver's name alone in parentheses after a figure or its horizon; a price tag someone "pitched"
        ("Estimates run from $1.2 trillion over 20 years (CBO) to more.", "program total", "Congressional Budget Office"),
        (
            "It is seven times the $175 billion price tag the White House first pitched.",
            "program total",
            "White House / the President",
        ),
        # "and" opening a clause with its own subject: the figure before it is not that subject's
        (
            "The shield is expected to cost at least $175 billion, and Trump has promised it will be ready by 2029.",
            "program total",
            "unattributed",
        ),
        ("It will cost $175 billion and take three years, Trump said.", "program total", "White House / the President"),
        # another programme set beside the shield, or a gift, is no price of the shield
        ("Critics note that the F-35 cost $2 trillion and still flies a third of the time.", "other", "unattributed"),
        ("The billionaire has donated over $250 million to political campaigns since 2024.", "other", "unattributed"),
        ("The Manhattan Project cost about $35 billion in today's money.", "other", "unattributed"),
        ("Reagan's Strategic Defense Initiative ate up $130 billion before it was scaled back.", "other", "unattributed"),
        ("Turkey unveiled a $1.5 billion ‘Steel Dome’ to rival the Israeli and American shields.", "other", "unattributed"),
        # a top-up is a budget line; what one interceptor costs is a unit cost
        ("The new pool builds on the $10 billion top-up of March.", "budget or appropriation", "unattributed"),
        ("A balloon costs pennies. An interceptor costs $10 million.", "part or unit cost", "unattributed"),
        # what a partner would pay to join, however it is put
        ("Ottawa would have to pony up $50 billion, Trump said.", "price quoted to a partner", "White House / the President"),
        (
            'Trump said Canada could have the shield for "ZERO DOLLARS" if it joined as part of the U.S.',
            "price quoted to a partner",
            "White House / the President",
        ),
        # a pledge is a partner's only where the sentence names one; the programme's own government spends a budget
        # (what it committed is a fact the outlet states, as the development gold labels "Ottawa committed C$38.6 billion")
        ("Canada committed C$38.6 billion to modernize its radars.", "partner purchase or pledge", "unattributed"),
        ("Canada pledged C$38.6 billion to modernize its radars.", "partner purchase or pledge", "Canada"),
        # (and money to buy weapons of every kind is no line of the programme's: another budget's, as a line "to build
        # a dozen frigates" is)
        (
            "Our base budget and the reconciliation law hold about $760 billion for buying and developing weapons.",
            "other",
            "unattributed",
        ),
        # a verb in a clause the sentence opens with gives nothing past the clause's comma
        ("While the Pentagon projects a smaller bill, the whole shield could in fact reach $900 billion.", "program total", "unattributed"),
        # a "with" clause's participle gives what follows it, not the figure of the clause it hangs on
        (
            "A further $40 billion has been set aside this year, with Gen. Jane Roe suggesting the whole may cost more.",
            "budget or appropriation",
            "unattributed",
        ),
        ("The money is flowing, with Gen. Jane Roe suggesting the whole shield may reach $190 billion.", "program total", "Jane Roe"),
        # an outlet's earlier reporting speaks for the outlet, as "a report by" a body speaks for the body
        (
            "Earlier reporting by the Harbor Ledger indicated that one firm would win a $2 billion contract for the sensors.",
            "part or unit cost",
            "Harbor Ledger",
        ),
    ],
)
def test_referents_and_attributions(text, referent, attributed_to, codebook):
    if referent is None:  # two figures: the second is a difference between two prices
        table = _table(text, codebook)
        assert table["referent"].tolist()[1] == "other" and table["referent_cue"].tolist()[1] == "difference"
        return
    row = one(text, codebook)
    assert (row["referent"], row["attributed_to"]) == (referent, attributed_to)


def test_according_to_at_a_sentences_start_gives_every_figure_of_the_sentence(codebook):
    text = "According to the Congressional Budget Office, the interceptors would cost $542 billion and the sensors another $90 billion."
    assert _table(text, codebook)["attributed_to"].tolist() == ["Congressional Budget Office"] * 2
    # ... where it closes a clause in the middle, only the figure nearest to it
    text = "The interceptors would cost $542 billion, according to the Congressional Budget Office, and the sensors cost $90 billion."
    assert _table(text, codebook)["attributed_to"].tolist() == ["Congressional Budget Office", "unattributed"]


def test_a_sentence_pointing_back_takes_the_owner_of_the_estimate_before_it(codebook):
    text = (
        "The Congressional Budget Office put the full system at about $1.2 trillion over 20 years. Roughly $743 billion of"
        " that goes to interceptors in orbit.\n\nAnother $50 billion of that sort of money went elsewhere.\n\n"
        "The same office costed a smaller design, the CBO said. It came to about $542 billion."
    )
    table = _table(text, codebook)
    # the third figure is in a paragraph of its own: nothing before it in that paragraph gives an estimate
    assert table["attributed_to"].tolist() == [
        "Congressional Budget Office",
        "Congressional Budget Office",
        "unattributed",
        "Congressional Budget Office",
    ]


def test_a_heading_of_several_figures_is_read_with_its_description_and_all_of_it_is_the_figure_itself(codebook):
    text = (
        "10. $61bn, then $71bn\nWhat Trump said Canada would have to pay to join.\n\n"
        "The request seeks another $17.5 billion, nearly all of it outside the budget."
    )
    table = _table(text, codebook)
    assert table["referent"].tolist()[:2] == ["price quoted to a partner"] * 2
    assert table["attributed_to"].tolist() == ["White House / the President", "White House / the President", "unattributed"]


def test_a_sentence_pointing_back_does_not_override_a_name_of_its_own(codebook):
    text = "The CBO put the full system at $1.2 trillion. Of that total, Japan might pay $3 billion, analysts in Tokyo said."
    table = _table(text, codebook)
    assert table["attributed_to"].tolist()[0] == "Congressional Budget Office"
    assert table["attributed_to"].tolist()[1] != "Congressional Budget Office"


def test_a_possessive_opening_a_sentence_gives_the_figure_inside_it(codebook):
    text = "The Congressional Budget Office modeled a layered design. Its $1.2 trillion projection is seven times the first."
    assert one(text, codebook)["attributed_to"] == "Congressional Budget Office"


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        # a possessor's price, what it is for between the noun and the verb that gives it
        ("President Tom Bale spoke in May. The president's price for the whole network is $90 billion.", "Tom Bale"),
        # ... but not a budget's year: a budget enacted is no one's estimate
        ("Japan's defense budget for the coming fiscal year is about ¥9 trillion.", "unattributed"),
    ],
)
def test_a_possessors_price_for_a_thing_is_theirs(text, owner, codebook):
    assert one(text, codebook)["attributed_to"] == owner


@pytest.mark.parametrize(
    "text",
    [
        "The Congressional Budget Office released its estimate in May. Its analysts assumed $22 million per interceptor.",
        # "its" is the body the sentence before opens with, not the last one named there
        "The budget office said it could not price the Pentagon's plan. Its analysts assumed $22 million per interceptor.",
    ],
)
def test_its_analysts_speak_for_the_body_its_stands_for(text, codebook):
    assert one(text, codebook)["attributed_to"] == "Congressional Budget Office"


def test_the_one_a_price_was_told_to_does_not_give_it(codebook):
    # "was told" is passive: Canada hears the price, it does not set it
    assert one("Canada was told it would have to pay $40 billion to join.", codebook)["attributed_to"] == "unattributed"


def test_a_sum_restated_in_another_currency_says_what_the_first_says(codebook):
    table = _table(
        "Trump said Canada would have to pay $71 billion to join. At today's rates, $71 billion is roughly C$99 billion.", codebook
    )
    assert table["referent"].tolist() == ["price quoted to a partner"] * 3
    assert table["attributed_to"].tolist() == ["White House / the President"] * 3


def test_a_figure_written_again_without_a_source_is_the_one_given_before(codebook):
    table = _table(
        "Trump put the cost at $175 billion in May.\n\nNobody has said what the $175 billion buys, or what $20 billion buys.", codebook
    )
    assert table["attributed_to"].tolist() == ["White House / the President", "White House / the President", "unattributed"]


def test_those_cited_relay_what_a_body_spends_but_keep_what_a_speaker_tells(codebook):
    spends = "The Asahi Shimbun reported, citing two officials, that the Japanese Defense Ministry is setting aside ¥120 billion."
    tells = "Tokyo has told Washington it intends to buy $3 billion of interceptors, Kyodo News reported, citing government sources."
    assert one(spends, codebook)["attributed_to"] == "Japanese Defense Ministry"
    assert one(tells, codebook)["attributed_to"] == "government sources"  # (which sources, as the text says)


def test_a_list_item_opening_with_its_figure_is_read_with_its_description(codebook):
    text = (
        "1. $175bn\nThe number President Donald Trump gave in the Oval Office, for a shield done in three years.\n\n"
        "4. $17.5bn\nThe White House request for fiscal 2027.\n\n"
        "- $151bn: the ceiling of SHIELD, the Missile Defense Agency's contract vehicle.\n\n"
        "9. $9bn\nWhat the weather cost last year."
    )
    table = _table(text, codebook)
    assert table["attributed_to"].tolist() == [
        "White House / the President",
        "White House / the President",
        "Missile Defense Agency",  # named as itself (the codebook says it speaks for the Pentagon)
        "unattributed",
    ]
    assert table["referent"].tolist()[:3] == ["program total", "budget or appropriation", "part or unit cost"]


def test_the_headline_gives_a_figure_to_whoever_gives_it_most():
    # Harrison is quoted twice repeating Trump's $175 billion; the White House gives it three times.
    rows = [("CBO", 1.2e12)] * 2 + [("White House", 175e9)] * 3 + [("Todd Harrison", 175e9)] * 2
    m = pd.DataFrame(
        {
            "referent": "program total",
            "attributed_to": [r[0] for r in rows],
            "amount_usd": [r[1] for r in rows],
            "is_range": False,
            "is_vague": False,
        }
    )
    ratio = headline_ratio(m)
    assert (ratio["high_by"], ratio["low_by"]) == ("CBO", "White House")


def test_a_marked_source_goes_to_the_nearest_figure_only(codebook):
    text = "It will cost $175 billion, with long-term estimates, according to the CBO, reaching $831 billion."
    table = _table(text, codebook)
    assert table["attributed_to"].tolist() == ["unattributed", "Congressional Budget Office"]


def test_without_a_money_section_everything_is_other_and_unattributed():
    row = one("Congress allocated $25 billion.", {})
    assert (row["referent"], row["attributed_to"], row["hedge"]) == ("other", "unattributed", "")


def test_an_article_without_money_gives_zero_rows_with_the_columns(codebook):
    articles = pd.DataFrame({"article_id": ["a", "b"], "file": ["a.txt", "b.txt"], "text": ["Japan and the U.S. met in 2029.", ""]})
    table = money_mentions(articles, codebook)
    assert table.empty and list(table.columns) == money_table_columns
    assert distinct_figures(table, articles.assign(outlet="X")).empty
    assert discrepancies(table, articles.assign(outlet="X")).empty


# --- properties --------------------------------------------------------------------------------------------------------

amounts = st.decimals(min_value=0, max_value=100_000, places=2, allow_nan=False, allow_infinity=False)


@settings(max_examples=300, deadline=None)
@given(amount=amounts, form=st.sampled_from(["${} billion", "${}B", "${}bn", "US${} billion", "{} billion dollars"]))
def test_billions_in_any_spelling_parse_to_the_amount(amount, form):
    text = "It costs " + form.format(format(amount.normalize(), "f")) + " in all."
    parsed = parse_amount(text)
    assert parsed is not None and parsed.currency == "USD"
    assert parsed.low == pytest.approx(float(amount) * 1e9, rel=1e-12) and parsed.high == parsed.low


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=120) | st.text(alphabet="$€¥US0123456789.,- bBmnkto", max_size=40))
def test_any_text_gives_spans_inside_it_and_finite_non_negative_amounts(text):
    for found in find_amounts(text):
        assert 0 <= found.start < found.end <= len(text)
        assert math.isfinite(found.amount.low) and math.isfinite(found.amount.high)
        assert 0 <= found.amount.low <= found.amount.high


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80), amounts)
def test_money_mentions_offsets_hold_in_random_text(prefix, amount):
    text = f"{prefix} Japan pledged ${amount} billion. {prefix}"
    table = money_mentions(pd.DataFrame({"article_id": ["t"], "file": ["t.txt"], "text": [text]}), {})
    assert list(table.columns) == money_table_columns
    for row in table.itertuples():
        assert text[row.start : row.end] == row.surface


# --- the fast paths give what the slow ones gave ----------------------------------------------------------------------

money_tokens = st.sampled_from(
    ["$", "US$", "U.S. $", "A$", "HK$", "€", "£", "¥", "₹", "RMB", "USD", "eur", "1", "175", "1,200.5", "1.2.3", "٣", "five"]
    + ["Twenty-five", "one hundred and ten", "a", "An", "half a", "billion", "bn", "B", "m", "Trillion", "thousand", "dollars"]
    + ["U.S. dollars", "yen", "won", "pounds", "euros", "between", "and", "to", "-", "–", "tens of", "Hundreds of", "billions"]
    + ["millions", "if not", "or even", "of", "several", "a few", "A couple of", "often", "money", "İ", "ı", "ſ", "\u212a", ",", "."]
)
money_texts = st.lists(st.tuples(money_tokens, st.sampled_from(["", " ", " ", "\n", "-"])), max_size=14).map(
    lambda pairs: "".join(token + gap for token, gap in pairs)
)


@settings(max_examples=500, deadline=None)
@given(money_texts | st.text(max_size=60))
def test_the_patterns_tried_only_where_an_amount_can_begin_find_what_they_find_everywhere(text):
    starts = _starts(text)
    for kind, pattern in (("point", POINT_RE), ("range", RANGE_RE), ("vague", VAGUE_RE)):
        assert [m.span() for m in _finditer(pattern, text, starts[kind])] == [m.span() for m in pattern.finditer(text)]


def test_folding_maps_every_letter_that_matches_an_ascii_letter_regardless_of_case_to_it():
    letter = re.compile("[a-z]", re.IGNORECASE)
    matching = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if letter.match(c))
    folded = fold_case(matching)
    assert len(folded) == len(matching) and folded == matching.translate(str.maketrans("İıſ\u212a", "iisk")).lower()


def test_folding_keeps_word_characters_and_white_space_where_they_are():
    # CueSet matches folded text with \w and \s in its pattern: they must mean the same there.
    every = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c not in "İıſ")
    for text in (every, every + "ı"):  # folded by lower(), then by the table
        folded = fold_case(text)
        for kind in (r"\w", r"\s"):
            assert [m.start() for m in re.finditer(kind, folded)] == [m.start() for m in re.finditer(kind, text)]


def _cues_case_insensitively(text, start, end):
    """CueSet(CUE_PHRASES).find as a case-insensitive pattern on the text itself, with a group per phrase."""
    pairs = sorted(((p, label) for label, phrases in CUE_PHRASES.items() for p in phrases), key=lambda x: -len(x[0]))
    body = "|".join("(" + re.escape(p).replace(r"\ ", r"\s+") + ")" for p, _ in pairs)
    pattern = re.compile(rf"(?<!\w)(?:{body})\w*", re.IGNORECASE)
    return [(m.start(), m.end(), pairs[m.lastindex - 1][1]) for m in pattern.finditer(text, start, end)]


CUE_PHRASES = {"cost": ["cost", "price tag"], "pledge": ["pledg"], "chief": ["Kit"]}


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(st.sampled_from(["cost", "COSTS", "coſt", "Price  Tag", "price\ntag", "PLEDGE", "\u212aIT", "kİt", "É", " ", ".", "x"])).map(
        "".join
    ),
    st.integers(0, 8),
    st.integers(0, 40),
)
def test_cues_found_in_folded_text_are_those_a_case_insensitive_pattern_finds(text, start, end):
    found = [tuple(cue) for cue in CueSet(CUE_PHRASES).find(text, start, end)]
    assert found == _cues_case_insensitively(text, start, end)


def test_cues_with_letters_beyond_ascii_match_regardless_of_case_too():
    assert [c.label for c in CueSet({"exile": ["émigré"]}, stems=False).find("The ÉMIGRÉ said")] == ["exile"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["It costs $5.", "Mr. Smith paid $6", "No figure.", "U.S. $7 bn", " ", "\n", "\n\n"])).map("".join))
def test_sentences_with_figures_are_those_of_the_whole_text(text):
    figures = find_amounts(text)
    expected = [(s, [f for f in figures if s.start <= f.start < s.end]) for s in split_sentences(text)]
    assert sentences_with_figures(text, figures) == [(s, inside) for s, inside in expected if inside]


def _conflicts_pair_by_pair(table, key_cols, value_col, source_col="outlet", quote_col="sentence", silent=()):
    """conflicts() written the slow, obvious way."""
    usable = table[~table[value_col].isin(list(silent))].sort_values(source_col, kind="stable")
    rows = []
    for key, group in usable.groupby(key_cols, sort=True):
        firsts = group.drop_duplicates([source_col, value_col]).to_dict("records")
        for a, b in combinations(firsts, 2):
            if a[source_col] != b[source_col] and a[value_col] != b[value_col]:
                sides = [a[source_col], a[value_col], a[quote_col], b[source_col], b[value_col], b[quote_col]]
                rows.append([*key, *sides])
    return pd.DataFrame(rows, columns=[*key_cols, "source_a", "value_a", "quote_a", "source_b", "value_b", "quote_b"])


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["k1", "k2", None]),
            st.sampled_from(["p", "q"]),
            st.sampled_from(["x", "y", "z", "unknown"]),
            st.sampled_from(["A", "B", "C"]),
        ),
        max_size=25,
    ),
    st.sampled_from([["k"], ["k", "k2"]]),
)
def test_conflicts_gives_the_pairs_in_the_order_of_a_pair_by_pair_loop(rows, keys):
    table = pd.DataFrame(rows, columns=["k", "k2", "v", "outlet"]).assign(sentence=lambda t: [f"s{i}" for i in range(len(t))])
    expected = _conflicts_pair_by_pair(table, keys, "v", silent=["unknown"])
    pd.testing.assert_frame_equal(conflicts(table, keys, "v", silent=["unknown"]), expected)


# --- Disagreements a careful reader would reject (issue: "What a figure covers and who gives it") ---------------------


def _outlets(**texts) -> pd.DataFrame:
    """One article per outlet, named by the keyword."""
    return pd.DataFrame(
        {"article_id": list(texts), "file": [f"{k}.txt" for k in texts], "outlet": list(texts), "text": list(texts.values())}
    )


def _two_outlets(codebook, **texts):
    articles = _outlets(**texts)
    return discrepancies(money_mentions(articles, codebook), articles)


def test_a_unit_cost_beside_a_total_is_no_disagreement(codebook):
    found = _two_outlets(
        codebook,
        A="The CBO estimates the whole system at $1.2 trillion over 20 years.",
        B="The CBO assumed each interceptor costs $22 million per satellite.",
        C="The CBO puts the total cost at $1.2 trillion over 20 years.",
    )
    assert found.empty


def test_two_horizons_with_the_same_yearly_cost_are_no_disagreement(codebook):
    found = _two_outlets(
        codebook,
        A="The CBO estimated the total cost at $1.2 trillion over 20 years.",
        B="The CBO estimated the total cost at $600 billion over 10 years.",
        C="According to the CBO, the total cost is $1.2 trillion over 20 years.",
        D="According to the CBO, the total cost is $600 billion over 10 years.",
    )
    assert not found["kind"].eq("same referent and source, different amount").any()


def test_a_range_and_a_figure_inside_it_are_no_disagreement(codebook):
    found = _two_outlets(
        codebook,
        A="The CBO estimated the total cost at $161 billion to $542 billion.",
        B="The CBO estimated the total cost at up to $542 billion.",
        C="The CBO estimated the total cost at $161 billion to $542 billion.",
        D="The CBO estimated the total cost at up to $542 billion.",
    )
    assert found.empty


def test_an_open_bound_or_a_rounding_is_no_disagreement(codebook):
    found = _two_outlets(
        codebook,
        A="The CBO estimated the total cost at more than $1 trillion over 20 years.",
        B="The CBO estimated the total cost at $1.2 trillion over 20 years.",
        C="The CBO estimated the total cost at $1.19 trillion over 20 years.",
        D="The CBO estimated the total cost at more than $1 trillion over 20 years.",
        E="The CBO estimated the total cost at $1.2 trillion over 20 years.",
        F="The CBO estimated the total cost at $1.19 trillion over 20 years.",
    )
    assert not found["kind"].eq("same referent and source, different amount").any()
    # ... while a figure outside the bound still disagrees
    found = _two_outlets(
        codebook,
        A="The CBO estimated the total cost at more than $1 trillion over 20 years.",
        B="The CBO estimated the total cost at $800 billion over 20 years.",
        C="The CBO estimated the total cost at more than $1 trillion over 20 years.",
        D="The CBO estimated the total cost at $800 billion over 20 years.",
    )
    assert found["kind"].eq("same referent and source, different amount").any()


def test_one_source_s_earlier_and_newer_estimates_are_no_disagreement(codebook):
    # A budget office that published one figure last year and a higher one this year has revised its estimate; the
    # outlets printing each are not disputing what it said.
    found = _two_outlets(
        codebook,
        A="In a new analysis, the CBO estimated the total cost at $1.2 trillion over 20 years.",
        B="Last year the CBO estimated the total cost at $542 billion over 20 years.",
        C="The CBO's latest estimate puts the total cost at $1.2 trillion over 20 years.",
        D="In May 2025, the CBO estimated the total cost at $542 billion over 20 years.",
    )
    assert not found["kind"].eq("same referent and source, different amount").any()
    # ... while the same figures with nothing that dates them still disagree
    found = _two_outlets(
        codebook,
        A="The CBO estimated the total cost at $1.2 trillion over 20 years.",
        B="The CBO estimated the total cost at $542 billion over 20 years.",
        C="The CBO puts the total cost at $1.2 trillion over 20 years.",
        D="The CBO puts the total cost at $542 billion over 20 years.",
    )
    assert found["kind"].eq("same referent and source, different amount").any()


@pytest.mark.parametrize(
    ("texts", "owners"),
    [
        # an analyst and the think tank he wrote for
        (
            {
                "A": "Todd Harrison estimated the most ambitious design at $3.6 trillion over 20 years.",
                "B": "The American Enterprise Institute estimated the most ambitious design at $3.6 trillion over 20 years.",
                "C": "Todd Harrison estimated the most ambitious design at $3.6 trillion over 20 years.",
                "D": "The American Enterprise Institute estimated the most ambitious design at $3.6 trillion over 20 years.",
            },
            {"Todd Harrison", "American Enterprise Institute"},
        ),
        # the Pentagon and the administration it answers to
        (
            {
                "A": "The Pentagon estimated the whole architecture at $190 billion.",
                "B": "The administration estimated the whole architecture at $190 billion.",
                "C": "The Pentagon now puts the full system at $190 billion.",
                "D": "The administration now puts the full system at $190 billion.",
            },
            {"Pentagon", "White House / the President"},
        ),
    ],
    ids=["analyst-and-think-tank", "pentagon-and-administration"],
)
def test_one_who_speaks_for_another_gives_one_figure_with_it(texts, owners, codebook):
    articles = _outlets(**texts)
    mentions = money_mentions(articles, codebook)
    assert set(mentions["attributed_to"]) == owners
    assert discrepancies(mentions, articles, speaks_for=codebook["money"]["speaks_for"]).empty


def test_a_revision_the_sentence_tells_is_no_disagreement(codebook):
    found = _two_outlets(
        codebook,
        A="The Pentagon estimated the total cost at $175 billion.",
        B="The Pentagon has raised its estimate of the total cost to $185 billion, from the $175 billion it gave last year.",
        C="The Pentagon estimated the total cost at $175 billion.",
        D="The Pentagon has raised its estimate of the total cost to $185 billion, from the $175 billion it gave last year.",
    )
    assert not found["kind"].eq("same referent and source, different amount").any()
    found = _two_outlets(
        codebook,
        A="The Pentagon estimated the total cost at $175 billion.",
        B="The Pentagon's $175 billion total estimate has already become $185 billion.",
        C="The Pentagon estimated the total cost at $175 billion.",
        D="The Pentagon's total estimate is now $185 billion.",
        E="The Pentagon estimated the total cost at $185 billion.",
    )
    assert not found["kind"].eq("same referent and source, different amount").any()
    # ... while two outlets that give the one source two totals without a word of change still disagree
    found = _two_outlets(
        codebook,
        A="The Pentagon estimated the total cost at $175 billion.",
        B="The Pentagon estimated the total cost at $285 billion.",
        C="The Pentagon estimated the total cost at $175 billion.",
        D="The Pentagon estimated the total cost at $285 billion.",
    )
    assert found["kind"].eq("same referent and source, different amount").any()


def test_one_wire_sentence_printed_twice_is_one_reading_of_who_gives_a_figure(codebook):
    quoted = '"Three years and $175 billion for a system that does not exist is a sales pitch," said Sen. Jack Reed.'
    texts = {
        k: f"President Trump estimated the total cost at $175 billion{end}"
        for k, end in zip("ABCD", (".", " in May.", " in all.", " then."), strict=True)
    }
    found = _two_outlets(codebook, E=quoted, F=quoted, **texts)
    assert not found["kind"].eq("same amount, different attribution").any()
    # ... two outlets in their own words are two readings
    found = _two_outlets(codebook, E=quoted, F=quoted.replace("a sales pitch", "no plan at all"), **texts)
    assert found["kind"].eq("same amount, different attribution").any()


def test_a_figure_restated_in_another_currency_in_the_next_sentence_says_what_that_one_says(codebook):
    text = (
        "Trump put Canada's entry price at $61 billion. "
        "In Canadian dollars, Trump's figure is roughly C$84 billion, twice what Ottawa spends on radars."
    )
    assert _table(text, codebook)["referent"].tolist() == ["price quoted to a partner"] * 2
    # ... not a figure of another size, nor one no word says is a conversion
    text = "Trump put Canada's entry price at $61 billion. Ottawa's own figure for the system is C$140 billion."
    assert _table(text, codebook)["referent"].tolist()[1] != "price quoted to a partner"


def test_the_parts_in_space_are_a_part(codebook):
    text = "The bill will be steep, since the Congressional Budget Office reckons only the parts in space could cost $542 billion."
    assert _table(text, codebook)["referent"].tolist() == ["part or unit cost"]


def test_a_horizon_alone_in_dashes_leaves_the_figure_to_the_clause_it_interrupts(codebook):
    text = "It is more than twice what Ottawa pledged in 2022 — C$38.6 billion over 20 years — to modernize NORAD."
    assert _table(text, codebook)["referent"].tolist() == ["partner purchase or pledge"]


def test_sizes_in_words_are_no_figure_to_disagree_about(codebook):
    found = _two_outlets(
        codebook,
        A="Congress passed a multibillion-dollar spending bill for the shield, Sen. Jane Roe said.",
        B="Sen. Jane Roe called it a multibillion-dollar project with no total cost.",
        C="Congress passed a multibillion-dollar spending bill for the shield, Sen. Jane Roe said.",
        D="Sen. Jane Roe called it a multibillion-dollar project with no total cost.",
    )
    assert found.empty


def test_a_round_number_in_two_stories_is_not_one_figure(codebook):
    found = _two_outlets(
        codebook,
        A="The country spends $1 trillion a year on its defense budget.",
        B="Critics say the total cost of the shield could pass $1 trillion.",
    )
    assert found.empty


def test_a_lone_reading_without_words_next_to_the_figure_is_not_set_against_the_rest(codebook):
    # B's $831 billion is near "pledg" only far from the figure: more likely a misreading than a dispute.
    found = _two_outlets(
        codebook,
        A="The CBO projects the whole bill could reach $831 billion over 20 years.",
        B="Tokyo pledged support at a summit, and the program, critics note, would cost $831 billion over 20 years.",
        C="According to the CBO, the whole bill could reach $831 billion over 20 years.",
    )
    assert not found["kind"].eq("same amount, different referent").any()


def test_one_outlet_calling_a_price_a_figure_is_no_side_of_a_dispute(codebook):
    # Two outlets give Trump's price to Canada; a third mentions "the $71 billion figures" he floated, which only says
    # they are figures of money: no disagreement over what the $71 billion covers.
    found = _two_outlets(
        codebook,
        A="Trump said Canada would now have to pay $71 billion to join the shield.",
        B="Canada would have to pay $71 billion to join, Trump told reporters.",
        C="That was a reference to the $71 billion figures President Trump has floated.",
    )
    assert not found["kind"].eq("same amount, different referent").any()


def test_a_figure_given_to_the_programme_director_and_to_the_pentagon_is_no_dispute(codebook):
    articles = _outlets(
        A="Gen. Michael Guetlein lifted the official baseline to $185 billion, citing added sensors.",
        B="Gen. Michael Guetlein has raised the programme's baseline to $185 billion.",
        C="The Defense Department now puts the programme at $185 billion through its first phase.",
        D="The Pentagon now puts the programme at $185 billion.",
    )
    mentions = money_mentions(articles, codebook)
    assert set(mentions["attributed_to"]) == {"Gen. Michael Guetlein (Space Force)", "Pentagon"}
    assert discrepancies(mentions, articles)["kind"].eq("same amount, different attribution").any()  # without the codebook's word
    found = discrepancies(mentions, articles, speaks_for=codebook["money"]["speaks_for"])
    assert not found["kind"].eq("same amount, different attribution").any()


def test_a_pledge_said_in_so_many_words_is_set_against_the_cbo_total(codebook):
    found = _two_outlets(
        codebook,
        A="The CBO projects the whole bill could reach $831 billion over 20 years.",
        B="Japan is poised to invest up to $831 billion in the shield.",
        C="According to the CBO, the whole bill could reach $831 billion over 20 years.",
    )
    row = found[found["kind"].eq("same amount, different referent")]
    assert len(row) == 1 and {row.iloc[0]["outlet_a"], row.iloc[0]["outlet_b"]} == {"B", "A; C"}


def test_the_cost_headline_takes_each_source_s_usual_figure_and_no_spread_of_one():
    from mediabrief.money import headline_ratio

    rows = [("CBO", 831e9)] * 3 + [("White House", 175e9)] * 2 + [("White House", 831e9)]  # one misread $831 billion
    m = pd.DataFrame(rows, columns=["attributed_to", "amount_usd"]).assign(referent="total", is_range=False, is_vague=False)
    ratio = headline_ratio(m)
    assert (ratio["high_by"], ratio["low_by"], ratio["low"]) == ("CBO", "White House", 175e9)
    same = pd.DataFrame([("CBO", 831e9), ("White House", 831e9)], columns=["attributed_to", "amount_usd"])
    assert headline_ratio(same.assign(referent="total", is_range=False, is_vague=False)) is None  # not "1.0 times"


def test_a_figure_someone_compares_or_would_spend_is_not_theirs_and_the_estimator_keeps_its_own(codebook):
    # Sentences written for this test on constructions seen in wire copy of the CBO's and AEI's estimates.
    text = (
        "Donald Trump said the shield would cost $175 billion. "
        "The Congressional Budget Office was quick to doubt the $175 billion figure, predicting that the system would "
        "cost up to $542 billion. "
        "The CBO has estimated that the U.S. could end up spending as much as $831 billion over 20 years, far higher than "
        "the $175 billion projection. "
        "Four Democrats leaned on estimates by the Congressional Budget Office that a sensor layer could cost $161 billion."
    )
    table = _table(text, codebook)
    owners = dict(zip(table["surface"] + " #" + table.groupby("surface").cumcount().astype(str), table["attributed_to"], strict=True))
    assert owners == {
        "$175 billion #0": "White House / the President",
        "$175 billion #1": "White House / the President",
        "$542 billion #0": "Congressional Budget Office",
        "$831 billion #0": "Congressional Budget Office",
        "$175 billion #2": "White House / the President",
        "$161 billion #0": "Congressional Budget Office",
    }


def test_a_figure_repeated_with_only_a_cost_word_keeps_what_its_giver_called_it_before(codebook):
    text = (
        "Donald Trump wrote that Canada would have to pay $61 billion for a place in the shield. "
        'In the post he went on: "I told them it would cost $61 billion." '
        "The shield itself would cost $175 billion, he said."
    )
    table = _table(text, codebook)
    assert list(zip(table["surface"], table["referent"], strict=True)) == [
        ("$61 billion", "price quoted to a partner"),
        ("$61 billion", "price quoted to a partner"),
        ("$175 billion", "program total"),
    ]


def test_the_parts_of_an_enacted_budget_are_budget_and_a_fronted_clause_is_not_the_speakers(codebook):
    text = (
        "Lawmakers passed $24.4 billion in the bill, with $18.8 billion appropriated for new interceptors and $5.9 billion for "
        "homeland sensors. "
        "While the programme received $23 billion through the reconciliation bill, Gen. Michael Guetlein maintains that "
        "the money is flowing."
    )
    table = _table(text, codebook)
    assert list(zip(table["surface"], table["referent"], table["attributed_to"], strict=True)) == [
        ("$24.4 billion", "budget or appropriation", "unattributed"),
        ("$18.8 billion", "budget or appropriation", "unattributed"),
        ("$5.9 billion", "budget or appropriation", "unattributed"),
        ("$23 billion", "budget or appropriation", "unattributed"),
    ]


def test_a_verb_of_need_right_before_a_figure_names_it_whatever_follows(codebook):
    text = "Trump finalized the design, which he predicted would require USD175 billion of funding within three years."
    assert _table(text, codebook)["referent"].tolist() == ["program total"]
    assert _table("Congress provided $25 billion in funding for the shield.", codebook)["referent"].tolist() == ["budget or appropriation"]


def test_a_price_basis_year_is_no_amount_and_a_legislatures_commitment_is_an_appropriation(codebook):
    # Sentences written for this test on constructions in real coverage of the AEI study and the reconciliation law.
    table = _table("The priciest variant would cost $3.6 trillion over twenty years in fiscal year 2026 dollars.", codebook)
    assert list(zip(table["surface"], table["referent"], strict=True)) == [("$3.6 trillion", "program total")]
    table = _table("Congress committed $25 billion last summer as a down payment on the new interceptors.", codebook)
    assert list(zip(table["referent"], table["attributed_to"], strict=True)) == [("budget or appropriation", "unattributed")]
    table = _table("The previous government committed C$38.6 billion over 20 years to modernize NORAD.", codebook)
    assert table["referent"].tolist() == ["partner purchase or pledge"]


@pytest.mark.parametrize(
    "text",
    [
        "The budget office estimated that building the shield would cost about $900 billion over two decades.",
        "The Senate Appropriations Committee chair said the shield could cost $900 billion in all.",
    ],
)
def test_a_cue_word_inside_a_bodys_name_says_nothing_of_the_figure(codebook, text):
    # "budget" and "appropriations" here name who speaks, not a budget line
    assert _table(text, codebook)["referent"].tolist() == ["program total"]


def test_the_programmes_own_office_is_named_as_itself_and_speaks_for_the_administration(codebook):
    text = "The CBO figure compares with the $185 billion that the Golden Dome office now uses for its architecture."
    assert _table(text, codebook)["attributed_to"].tolist() == ["Golden Dome office"]
    # (as the Pentagon it answers to does)
    speaks_for = codebook["money"]["speaks_for"]
    assert speaks_for["Golden Dome office"] == speaks_for["Pentagon"] == "White House / the President"


WH = "White House / the President"
CBO = "Congressional Budget Office"
AEI = "American Enterprise Institute"


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        # what a figure includes is given by the owner of the figure before
        (
            "The Defense Ministry has requested 8.8 trillion yen for next year. "
            "That includes 500 billion yen for missile defense, three times this year's amount.",
            ["Defense Ministry", "Defense Ministry"],
        ),
        # a possessive with a participle, a verb of setting a price
        (
            "Donald Trump announced the shield in May. He set the cost at $175 billion but did not say what it covered. "
            "Todd Harrison argues Trump's cited $175 billion price tag could pay for only a limited system.",
            [WH, WH],
        ),
        # a figure a quotation says someone else gave is that one's
        (
            "Donald Trump put the cost at $175 billion in May. Todd Harrison disagrees: "
            '"The $175 billion price tag Trump cited only buys a limited system," he wrote, "and the full one could '
            'cost $3.6 trillion."',
            [WH, WH, "Todd Harrison"],
        ),
        # a label in parentheses names whose figure it is
        (
            "Trump promised an early finish; the price runs to about $831 billion (CBO estimate) or $175 billion (White House"
            " estimate).",
            ["Congressional Budget Office", WH],
        ),
        # a report no one is named for is the body's the next sentence names as its author
        (
            "WASHINGTON - A new report estimates the shield could total between $252 billion and $3.6 trillion over two "
            "decades. The range shows how much is still undecided, according to a study published in mid-September by the "
            "American Enterprise Institute. Trump put the cost at $175 billion.",
            ["American Enterprise Institute", WH],
        ),
        # a figure in an aside between a verb's subject and the verb is not what the verb says; a relative clause there
        # has its own verb
        (
            "Privately held Orbital Forge, reportedly valued at $400 billion, announced last month that it has launched 9,000 "
            "satellites. Linda Okafor, who correctly projected the $2 trillion cost of an earlier war, says she is certain.",
            ["unattributed", "Linda Okafor"],
        ),
        # the difference between two figures, set beside the first, is the outlet's arithmetic; what a subject has spent
        # is a fact, not its estimate
        (
            "Trump said that Canada would need to pay $61 billion for coverage, $10 billion less than he cited on Monday.",
            [WH, "unattributed"],
        ),
        ("Trump asked for $1.5 trillion for 2027 — a $500 billion increase on this year's spending.", [WH, "unattributed"]),
        ("Over six decades, Washington has already spent over $400 billion on such defences.", ["unattributed"]),
        # "estimates" after an adjective is a noun, not a verb whose subject gives the figure
        ("Notably, the price tag of $175 billion surpasses initial Wall Street estimates.", ["unattributed"]),
        # a fronted passive names no giver; a country's cabinet passing a budget states a fact
        ("Said to cost US$175 billion, the grid could extend to Canada, the president later announced.", ["unattributed"]),
        (
            "Billed as a $175 billion project, the grid could cost up to $542 billion, according to the Congressional Budget Office.",
            ["unattributed", "Congressional Budget Office"],
        ),
        ("Japan's Cabinet approved a record ¥9.04 trillion for defense on Friday.", ["unattributed"]),
        # estimates or reports credited without a name are named as the text calls them
        ("The project may cost $175 billion, with some estimates reaching $542 billion.", ["unattributed", "some estimates"]),
        ("According to reports, a first USD 25 billion is set aside for the shield.", ["reports"]),
        ("Trump cited $175 billion, though congressional estimates have run past $1 trillion.", [WH, "congressional estimates"]),
        ("Open-source estimates place the whole effort between $150 billion and $200 billion.", ["open-source estimates"]),
        ("The general waved away outside cost estimates that put the shield past $2 trillion.", ["outside cost estimates"]),
        # an ask goes on to the whole its first figure is a part of
        ("Senate Republicans have proposed a first $20 billion tranche as part of a broader $140 billion package.", ["Republicans"] * 2),
        # ... and to the parts it lists; an ask in the infinitive is one too
        ("Senate Democrats are expected to propose $20 billion in new defense spending.", ["Democrats"]),
        ("Senate Republicans are seeking a $60 billion package this spring, with $9 billion earmarked for sensors.", ["Republicans"] * 2),
        # (what a legislature passed, with its parts, stays a fact)
        ("Lawmakers approved $60 billion for defense, including $9 billion for sensors.", ["unattributed"] * 2),
        ("According to reports, Elon Musk's aerospace company SpaceX is set to receive approximately $2 billion.", ["reports"]),
        # who submits a request gives its figure, whoever describes it
        (
            'The administration has submitted what Reuters describes as "the largest increase in decades" — a $1.5 trillion request.',
            ["White House / the President"],
        ),
        # what a body is spending is a fact the outlet states
        ("Senators pressed to learn how the Pentagon is spending $23 billion earmarked for the shield.", ["unattributed"]),
        # a country's programme is not its estimate; its pledge is its own
        ("Washington's $175 billion shield is a path to war in space, a commentary argued.", ["unattributed"]),
        ("Tokyo's $3 billion pledge was welcomed in Washington.", ["Japan"]),
        # a giver named past a conversion in brackets, or by "his calculation"
        ("The shield will cost a lot more than the $175 billion (roughly 244 trillion won) proposed by Trump.", [WH, WH]),
        (
            "Sen. Angus King scaled up the Guam figure. According to his calculation, a dome over the country would total $6.2 trillion.",
            ["Angus King"],
        ),
        # figures "from" a body, the subject of the sentence
        ("Early projections from the White House put the cost at around USD$175 billion.", [WH]),
        # a law or a programme states no figure of its own
        ("The Big Beautiful Bill's $150 billion for the military passed the House.", ["unattributed"]),
        (
            "Reagan's Strategic Defense Initiative (SDI) was shelved. SDI cost estimates during the 1980s ran from $60 to $100 billion.",
            ["unattributed"],
        ),
        # who expects a cost gives it; "according to" reaches past a body's initials to the titled person
        ("The president expects the overall cost to be $175 billion.", [WH]),
        ("According to U.S. Space Force Gen. Michael Guetlein, an extra $10 billion buys time.", ["Gen. Michael Guetlein (Space Force)"]),
        # a company's possessive before its contract is what it holds, not its estimate
        ("The award sits on top of Lockheed Martin's $20 billion interceptor contract.", ["unattributed"]),
        # who thinks a figure gives it; a document "from" a body, and when it was published, speak for the body
        ("It will be expensive, as the Congressional Budget Office thinks the parts in space could cost $542 billion.", [CBO]),
        ("Analysts think the system could cost $500 billion.", ["analysts"]),
        ("A new report from the U.S. Congressional Budget Office published on May 12 estimates it could cost $542 billion.", [CBO]),
        ("A study by the American Enterprise Institute published in September found it could cost $3.6 trillion.", [AEI]),
        ("Yet a fresh report from the U.S. Congressional Budget Office estimates that it could cost $542 billion.", [CBO]),
        ("An analysis from the Congressional Budget Office puts the total at $1.2 trillion over 20 years.", [CBO]),
        ("The CBO report, released in May, estimated the interceptors would cost $542 billion.", [CBO]),
        ("New CBO data published this week shows the shield would cost $1.2 trillion.", [CBO]),
        # "the program office" is the codebook's Golden Dome office, which names no such office but its aliases do
        ("Trump put the cost at $176 billion; the program office now uses $185 billion.", [WH, "Golden Dome office"]),
        # a partner's own plan is its figure, relayed or not; a body's documents between it and the verb speak for it
        ("Tokyo plans to spend $1.5 billion on interceptors, Nikkei reported.", ["Japan"]),
        ("Space Force budget documents show $13.4 billion for space-based interceptors.", ["US Space Force"]),
        # what a body's documents show is its figure
        ("Budget documents released by the Pentagon show a $17.5 billion request.", ["Pentagon"]),
        # a figure someone else made, as the words before it say, is not the speaker's
        ("Todd Harrison, the principal researcher, warns that the promised $176 billion would only last three years.", ["unattributed"]),
        # a named possessor's reckoning; a body's analysts speak for it, as its officials do
        ("By the CBO's count, the system would cost $542 billion.", [CBO]),
        ("Under the Congressional Budget Office's latest estimate, the interceptors would cost $542 billion.", [CBO]),
        ("It might run as much as $831 billion over 20 years, CBO analysts found.", [CBO]),
        # a passive's agent prices it; a side in the argument gives the price it puts, not one it refers to
        ("The shield, priced by the White House at $175 billion, faces doubts.", [WH]),
        ("The cost has been pegged by the shield's proponents at $176 billion.", ["proponents"]),
        ("Critics say the $176 billion figure is far too low.", ["unattributed"]),
        # a ministry nobody named is not the last body named
        (
            "Asked by a Communist Party lawmaker, he said there was no bill. The Asahi Shimbun reported, citing two officials, that "
            "the ministry is setting aside about ¥120 billion for sensors.",
            ["the ministry"],
        ),
        # what someone is yet to say, or will, is not said: no one gives the figure
        ("The Pentagon is expected to announce a $10.5 billion award next month.", ["unattributed"]),
        ("The Pentagon has yet to say whether the $10.5 billion award covers launch.", ["unattributed"]),
        # "led some observers to think" is no one's estimate
        ("The remark led some observers to think the shield would cost $500 billion.", ["unattributed"]),
    ],
)
def test_the_owner_of_each_figure_in_constructions_of_real_coverage(text, owners, codebook):
    # Sentences written for this test on constructions seen in real coverage (wire copy, Australian outlets, AEI ledes).
    assert _table(text, codebook)["attributed_to"].tolist() == owners


def test_a_dollar_sign_and_the_word_dollar_before_a_noun_leave_the_word_out():
    text = "It asked how Trump came to the US$61 billion dollar amount, and whether it would cost $61 Billion Dollars."
    assert [text[f.start : f.end] for f in find_amounts(text)] == ["US$61 billion", "$61 Billion Dollars"]


def test_a_dash_between_a_figure_and_a_smaller_one_is_no_range(codebook):
    table = _table("Trump upped the price for Canada to join to $71 billion\u2014$10 billion more than he first asked.", codebook)
    assert table[["surface", "amount_low_usd", "referent"]].values.tolist() == [
        ["$71 billion", 71e9, "price quoted to a partner"],
        ["$10 billion", 10e9, "other"],
    ]
    assert table["attributed_to"].iloc[0] == "White House / the President"


def test_half_a_trillion_with_hyphens_is_an_amount(codebook):
    row = one("Finding half-a-trillion dollars in new spending would prove difficult.", codebook)
    assert (row["surface"], row["amount_usd"]) == ("half-a-trillion dollars", 5e11)


def test_every_line_of_a_list_under_one_verb_of_allocating_is_a_budget_line(codebook):
    text = (
        "About $4 billion is allocated for tracking satellites, $3 billion for orbiting interceptors, and roughly $1 billion for testing."
    )
    assert _table(text, codebook)["referent"].tolist() == ["budget or appropriation"] * 3


def test_a_figure_written_again_as_a_plain_figure_keeps_what_it_was_said_to_cover(codebook):
    text = (
        "Trump has upped the cost for Norway to join the shield to $71 billion. "
        "Trump confirmed the new $71 billion figure to reporters aboard his plane."
    )
    assert _table(text, codebook)["referent"].tolist() == ["price quoted to a partner"] * 2


def test_a_name_set_equal_to_a_figure_gives_it(codebook):
    table = _table("The estimates differ: COST; Trump = $175 billion, CBO = $831 billion.", codebook)
    assert table["attributed_to"].tolist() == ["White House / the President", "Congressional Budget Office"]


def test_a_figure_in_a_phrase_a_sentence_opens_with_is_not_the_main_clauses_speakers(codebook):
    text = "After the fanfare over the multibillion-dollar shield, the ministry has clamped down, citing 'operational security.'"
    assert one(text, codebook)["attributed_to"] == "unattributed"


# --- What a figure covers, read as most of the corpus reads the same amount ------------------------------------------


def _corpus(*texts: str) -> pd.DataFrame:
    return pd.DataFrame(
        {"article_id": [f"a{i}" for i in range(len(texts))], "file": [f"a{i}.txt" for i in range(len(texts))], "text": texts}
    )


_TOTALS = (
    "Trump said the whole shield will cost $175 billion.",
    "The White House puts the price of the system at $175 billion.",
    "Critics doubt the system can be built for $175 billion.",
)


def _without_known_figures(codebook: dict) -> dict:
    return dict(codebook, money={**codebook["money"], "known_figures": []})


def test_a_lone_reading_no_word_at_the_figure_says_takes_the_corpus_reading(codebook):
    codebook = _without_known_figures(codebook)  # (the corpus alone, here)
    # "allocate" reads as a budget in the article alone, one larger than any line of the programme ("other"); three
    # articles give the same $175 billion as the whole programme
    alone = money_mentions(_corpus("The administration plans to allocate approximately $175 billion for the project."), codebook)
    assert alone["referent"].tolist() == ["other"]
    table = money_mentions(_corpus(*_TOTALS, "The administration plans to allocate approximately $175 billion for the project."), codebook)
    assert table["referent"].tolist() == ["program total"] * 4
    assert table["referent_cue"].iloc[-1] == "as 3 of the 3 other articles giving $175 billion read it"


@pytest.mark.parametrize(
    "text, referent",
    [
        # a word right after the figure names what it is: the text's own word stands
        ("Washington already spends a $175 billion defense budget on older systems.", "other"),
        ("Each layer of sensors would cost $175 billion per satellite batch, the study said.", "part or unit cost"),
        # a partner's pledge said right before the figure is that text's claim, to be set against the others
        ("Japan is poised to invest up to $175 billion in the shield.", "partner purchase or pledge"),
        # ... and so is a part that the sentence says "alone" costs the figure
        ("The auditors say the orbiting sensors alone could run to more than $175 billion over two decades.", "part or unit cost"),
    ],
)
def test_a_reading_written_at_the_figure_is_not_overruled_by_the_corpus(text, referent, codebook):
    alone = money_mentions(_corpus(text), codebook)["referent"].tolist()
    assert alone == [referent]
    assert money_mentions(_corpus(*_TOTALS, text), codebook)["referent"].tolist() == ["program total"] * 3 + [referent]


def test_too_few_articles_or_a_split_corpus_leave_each_reading_its_own(codebook):
    codebook = _without_known_figures(codebook)
    lone = "The administration plans to allocate approximately $175 billion for the project."
    budget = "Congress set aside $175 billion for the project in the budget."
    few = money_mentions(_corpus(*_TOTALS[:2], lone), codebook)  # three articles, but only two read it one way (< 3/4)
    assert few["referent"].tolist() == ["program total", "program total", "other"]
    split = money_mentions(_corpus(*_TOTALS, lone, budget), codebook)
    assert split["referent"].value_counts().to_dict() == {"program total": 3, "other": 2}


def test_the_pipeline_reads_the_corpus_after_its_partitions(codebook, tmp_path):
    from mediabrief.analysis import analyze

    texts = (*_TOTALS, "The administration plans to allocate approximately $175 billion for the project.")
    for i, text in enumerate(texts):
        (tmp_path / f"{i:03d}_article.txt").write_text("Golden Dome\n\n" + text + "\n", encoding="utf-8")
    tables = analyze(tmp_path, workers=2)
    assert tables["money.csv"]["referent"].tolist() == ["program total"] * 4
    assert set(tables["money_figures.csv"]["referent"]) == {"program total"}


def test_a_corpus_too_small_to_say_reads_a_figure_the_story_is_known_for_as_the_codebook_lists_it(codebook):
    lone = "The administration plans to allocate approximately $175 billion for the project."
    table = money_mentions(_corpus(lone), codebook)
    assert table["referent"].tolist() == ["program total"]
    assert table["referent_cue"].iloc[0].startswith("a figure the story is known for: ")
    # ... on the same terms as the corpus's reading: a word right after the figure stands
    budget = money_mentions(_corpus("Washington already spends a $175 billion defense budget on older systems."), codebook)
    assert budget["referent"].tolist() == ["other"]
    # ... and without the codebook's list, the article's own reading
    assert money_mentions(_corpus(lone), _without_known_figures(codebook))["referent"].tolist() == ["other"]


@pytest.mark.parametrize(
    "entry", [{"usd": "175 billion", "referent": "program total"}, {"usd": 175e9, "referent": "programme cost"}, "175e9"]
)
def test_a_known_figure_the_codebook_gives_wrong_is_named_with_the_fix(entry, codebook):
    from mediabrief.codebook import CodebookError

    broken = dict(codebook, money={**codebook["money"], "known_figures": [entry]})
    with pytest.raises(CodebookError, match=r"money\.known_figures, entry 1 .*give 'usd' as a number of US dollars.*program total"):
        money_mentions(_corpus("It costs $175 billion."), broken)


@pytest.mark.parametrize(
    "text, owner",
    [
        ("Congress approved $24 billion for the shield in July.", "unattributed"),  # enacted: a fact the outlet states
        ("Congress is seeking $24 billion to begin work on the shield.", "Congress"),  # asked for: the asker's figure
        ("Republican lawmakers have suggested an initial $25 billion investment.", "Congress"),  # a suggestion is an ask
    ],
)
def test_a_sum_a_legislature_asks_for_is_its_own_and_one_it_enacted_is_a_fact(text, owner, codebook):
    assert money_mentions(_corpus(text), codebook)["attributed_to"].tolist() == [owner]


def test_what_a_partner_will_buy_is_its_purchase(codebook):
    text = "Tokyo will buy $5 billion worth of interceptors for the shield."
    assert money_mentions(_corpus(text), _without_known_figures(codebook))["referent"].tolist() == ["partner purchase or pledge"]


@pytest.mark.parametrize(
    "text, owner",
    [
        # a possessor's plans or promise holds the figure inside it, whoever speaks in the sentence
        (
            "Moscow said on Friday that President Donald Trump's grand plans for a $175 billion shield were dangerous.",
            "White House / the President",
        ),
        ("The delays put at risk Trump's promise that the $175 billion shield will be ready by 2029.", "White House / the President"),
        # a finite passive's agent after the figure, and a possessor's announcement with its time before "that"
        ("The $175 billion shield was unveiled by President Donald Trump in the spring.", "White House / the President"),
        (
            "Planning slowed after Trump's announcement last week that the first $25 billion would come in the budget.",
            "White House / the President",
        ),
        # (but a time after a body's budget noun is no announcement: the budget's size is a fact the outlet states)
        ("The Missile Defense Agency's budget this year is about $11 billion.", "unattributed"),
        # "his administration's" figure is the one "his" stands for
        (
            "Beijing rebuked President Donald Trump after the launch of his administration's $175 billion shield.",
            "White House / the President",
        ),
        # a passive's agent after a time: "cited last spring by"
        (
            "The new estimate is five times the $185 billion figure cited last spring by Gen. Michael Guetlein.",
            "Gen. Michael Guetlein (Space Force)",
        ),
        # a participle fronting the sentence names who announced what the sentence prices
        ("Unveiled in May by President Donald Trump, the shield is meant to cost $175 billion.", "White House / the President"),
        # ... or set off in commas after the subject, and the noun of announcing
        ("The shield, announced by President Donald Trump in spring, would be a $175 billion undertaking.", "White House / the President"),
        ("Beijing protested after the announcement by President Donald Trump of a $175 billion shield.", "White House / the President"),
        # "they" in a clause of a sentence a body opens, no group named between, is that body
        (
            "Experts have long doubted the plan. Bloomberg released a cost analysis of the shield, where they estimate the total"
            " at $900 billion.",
            "Bloomberg",
        ),
        # a possessive's wished-for figure is the possessor's
        ("It is unclear how the Pentagon will pay for Trump's preferred $1.5 trillion defense budget.", "White House / the President"),
        # unnamed people in an aside relay the figure a possessive names; a verb inside the aside is the aside's
        ("The Pentagon's own figure, according to two officials, remains $185 billion.", "Pentagon"),
        ("The Pentagon's own figure — for what it calls a first step, say two aides — remains $185 billion.", "Pentagon"),
    ],
)
def test_whose_figure_a_noun_phrase_or_a_fronted_participle_names(text, owner, codebook):
    assert money_mentions(_corpus(text), codebook)["attributed_to"].tolist() == [owner]


@pytest.mark.parametrize(
    "text, owner",
    [
        # "has provided estimates", the cheapest and dearest designs in a clause after it
        (
            "The Congressional Budget Office has offered estimates for several designs, with the cheapest near $150 billion.",
            "Congressional Budget Office",
        ),
        # "finds that", past a share of the figure set off in dashes
        (
            "The Congressional Budget Office finds that half of the cost — some $600 billion — buys interceptors.",
            "Congressional Budget Office",
        ),
        # ... but not a subject that "finds itself" somewhere
        ("Canada finds itself weighing a $61 billion price to join.", "unattributed"),
        # a verb closing the sentence, its subject a name and the body the name is of
        (
            "Each interceptor would cost about $10 million, said Laura Grego of the Union of Concerned Scientists.",
            "Laura Grego",
        ),
        # a company by its role, where it is based before it
        (
            "RTX Corp. reported results. The Arlington, Virginia-based manufacturer projected sales of about $84 billion for next year.",
            "RTX",
        ),
        # a verb that puts a figure's noun forward, the figure in apposition or in the range a clause gives it, past a
        # contrasting clause of its own
        (
            "The Congressional Budget Office sketched out estimates for a few designs, which ranged from $160 billion to"
            " $528 billion.",
            "Congressional Budget Office",
        ),
        (
            "The Missile Defense Agency has publicly pushed a lower figure, roughly $90 billion, but critics say it leaves out launch.",
            "Missile Defense Agency",
        ),
        # ... not one that doubts it
        ("Critics dismissed the figure of $90 billion as a fantasy.", "unattributed"),
        # a post a possessive places, in a lede that names no one before it, is whoever the text names next
        (
            "The shield will now cost $185 billion, according to the program's director on Tuesday. Gen. Michael Guetlein told"
            " a conference that the money buys sensors.",
            "Gen. Michael Guetlein (Space Force)",
        ),
        # unnamed sources tell of a sum passed into law, which is not theirs
        (
            "The shield is behind schedule, with no plan to spend the first $25 billion appropriated for it, according to eight"
            " sources familiar with the situation.",
            "unattributed",
        ),
        # a subject that plans something at a cost, or "it" standing for it
        ("Trump expects the shield to be done before his term ends, at a cost of $175 billion.", "White House / the President"),
        (
            "The Space Force launched the effort, which it plans to finish by 2030 with a total budget of $90 billion.",
            "US Space Force",
        ),
    ],
)
def test_whose_figure_a_verb_phrase_or_a_companys_role_names(text, owner, codebook):
    assert money_mentions(_corpus(text), _without_known_figures(codebook))["attributed_to"].tolist() == [owner]


def test_a_figure_in_a_transcripts_turn_is_the_speakers(codebook):
    text = (
        "I'm Dr. Jane Roe, a fellow here, joined by Sam Lee.\n\n"
        "Dr. Roe: The president set a short timeline. The whole system is now projected to cost about $90 billion.\n\n"
        "The hosts then took questions."
    )
    assert money_mentions(_corpus(text), _without_known_figures(codebook))["attributed_to"].tolist() == ["Jane Roe"]


def test_a_firm_named_once_by_its_name_alone_gives_the_figure_it_announces(codebook):
    text = "Shares rose on the news. Tampa-based Orbitra announced the new contract has a ceiling of $9 billion."
    assert money_mentions(_corpus(text), _without_known_figures(codebook))["attributed_to"].tolist() == ["Orbitra"]


def test_a_figure_in_a_transcripts_turn_named_in_capitals_is_the_speakers_named_in_full_before(codebook):
    text = (
        "The senator spoke to Mary Ann De Luca on her evening show.\n\n"
        "DE LUCA: A tidy sum. The state itself was bought for $9 million once.\n\n"
        "SENATOR: Times have changed."
    )
    assert money_mentions(_corpus(text), _without_known_figures(codebook))["attributed_to"].tolist() == ["Mary Ann De Luca"]


def test_who_announced_a_plan_does_not_give_a_figure_past_a_clause_of_its_own(codebook):
    text = "The shield, unveiled by Trump in January, will cost $175 billion, but the bill includes only a $25 billion down payment."
    owners = money_mentions(_corpus(text), _without_known_figures(codebook))["attributed_to"].tolist()
    assert owners == ["White House / the President", "unattributed"]


@pytest.mark.parametrize(
    "second, owner",
    [
        # the estimate goes on, in the conditional, naming no one: its owner's
        ("Upwards of $1 trillion would be devoted to buying and building hardware.", "Congressional Budget Office"),
        # ... not where another speaks before the figure, or the sentence names someone of its own
        ("An American think tank has suggested the most capable version could reach $3.6 trillion.", "unattributed"),
        ("A smaller shield favoured by Sen. Dan Sullivan would cost $300 billion.", "unattributed"),
    ],
)
def test_a_figure_in_the_conditional_right_after_an_estimate_goes_on_with_it(second, owner, codebook):
    text = "The Congressional Budget Office estimated that the system would cost $1.2 trillion over 20 years. " + second
    owners = money_mentions(_corpus(text), _without_known_figures(codebook))["attributed_to"].tolist()
    assert owners == ["Congressional Budget Office", owner]


@pytest.mark.parametrize(
    ("text", "referents"),
    [
        # a country's whole defence budget, and its value in dollars set after it, are no budget line of the programme
        (
            "Seoul's cabinet approved a record 66 trillion won defense budget for next year, about $45 billion, on Tuesday.",
            ["other", "other"],
        ),
        ("The agency's entire budget, which came to about $11 billion last year, is small beside it.", ["other"]),
        # ... nor is a whole service's or command's
        ("The request holds $29 billion in funding for the Space Force, up from last year.", ["other"]),
        ("The bill also sets aside $11 billion for U.S. Indo-Pacific Command.", ["other"]),
        # ... nor a whole year's defence appropriation, nor what a bill adds to the country's deficit
        (
            "The request would lift military spending to $1.4 trillion, 40 percent above the current year's $1 trillion defense"
            " appropriation.",
            ["other", "other"],
        ),
        ("The package is expected to add roughly $4 trillion to the federal deficit over ten years.", ["other"]),
        # ... nor a whole bill by its size, with its fiscal year between ("fiscal" alone is no budget line of the shield)
        ("On Friday the Senate cleared its $852 billion fiscal 2027 defense appropriations bill.", ["other"]),
        ("The $910 billion legislation carries 60 amendments.", ["other"]),
        # ... nor the country's debt, nor all of a department's discretionary money
        ('The senator objected to paying for the aid through the budget because "we are $36 trillion in debt."', ["other"]),
        ("The Senate's version holds $870 billion in discretionary funding for the DoD.", ["other"]),
        ("The shield's money rides on the wider budget package, which includes $4 trillion in tax cuts.", ["other"]),
        # ... nor what the same bill takes from health care or food aid
        ("The bill also cuts $600 billion from Medicaid and $200 billion from SNAP.", ["other", "other"]),
        # ... while money the clause gives the programme is
        ("The defense bill sets aside $6 billion for Golden Dome, part of a $900 billion topline.", ["budget or appropriation", "other"]),
        ("The House defense appropriations bill adds roughly $13 billion more for related work.", ["budget or appropriation"]),
        # ... and a whole budget a legislature enacts stays one
        (
            "House Democrats are seeking a $90 billion defense spending package this spring, with $4 billion earmarked for the shield.",
            ["other", "budget or appropriation"],
        ),
        # ... nor a sum no single line of the programme comes near, whatever words of funding stand at it: a whole
        # reconciliation bill, new money for many priorities at once (the codebook's budget_line_at_most_usd)
        (
            "Critics fear the $20 billion for Golden Dome tucked into the $118 billion Pentagon reconciliation bill will be hard to track.",
            ["budget or appropriation", "other"],
        ),
        ("On Monday the panel lined up about $140 billion in fresh funding for a range of the president's priorities.", ["other"]),
        # ... nor one smaller than any line can be (a share's price target), nor a company's funding round
        ("Brokers provide a mean one-year price target for the stock of $212.40.", ["other"]),
        ("The satellite start-up closed a $90 million funding round this week.", ["other"]),
        # ... nor a whole that holds the programme's own line, whatever noun it is given ("initiative" names a programme)
        (
            "A $140 billion defense initiative sent to Congress contains a hefty allocation of $23 billion reserved for the"
            " Golden Dome.",
            ["other", "budget or appropriation"],
        ),
        # ... though the programme itself may hold one of its lines
        ("The $175 billion shield includes $20 billion for the first sensors.", ["program total", "budget or appropriation"]),
        # ... while an uncounted size in words says nothing of which budget it is
        ("Appropriators have set aside tens of billions of dollars for the shield.", ["budget or appropriation"]),
    ],
)
def test_a_budget_not_the_programmes_is_no_budget_line_of_it(text, referents, codebook):
    assert _table(text, codebook)["referent"].tolist() == referents


@pytest.mark.parametrize(
    ("text", "referents"),
    [
        # the same quantity a year before, or elsewhere, is what the figure it is set against is
        ("The bill would push total defense spending past $1 trillion, up from the $880 billion already approved.", ["other", "other"]),
        (
            "Each tracking satellite now costs under $50 million apiece, compared with well over $1 billion a decade ago.",
            ["part or unit cost"] * 2,
        ),
        # ... unless a word at the figure names it otherwise
        (
            "Spending on the shield would reach $17 billion next year, compared with the $13 billion requested this year.",
            ["program total", "budget or appropriation"],
        ),
    ],
)
def test_a_figure_set_against_the_one_before_is_read_as_that_one(text, referents, codebook):
    assert _table(text, codebook)["referent"].tolist() == referents


@pytest.mark.parametrize(
    ("text", "referent"),
    [
        # the figure "part of" names is the whole, even where no other word of its clause says what it is
        ("This plant, part of a wider $250 million investment in the state, adds room for 60 satellites a year.", "other"),
        # ... not the figure a part is priced at
        ("The CBO put the interceptor layer, the costliest part of its design, at roughly $743 billion.", "part or unit cost"),
        # ... and a figure that is part of a request for money is a budget line
        ("That $25 billion forms part of the White House's opening request for the shield.", "budget or appropriation"),
        # a whole bill's topline, whatever it puts first; what a bill takes from another programme
        ("The final statement locks in an $838.7 billion topline that puts the shield first.", "other"),
        ("Both chairmen backed the $90 billion supplemental funding measure the shield rides on.", "other"),
        # buying the hardware is one part of a total that also runs and replaces it
        ("Of that total, roughly $900 billion would go to acquisition costs, the agency found.", "part or unit cost"),
        ("A fleet of 5,000 satellites would cost $410B to acquire and more to keep flying.", "part or unit cost"),
        # (a firm buying another is no part of the shield)
        ("The firm agreed to acquire a small antenna maker for $210 million last year.", "other"),
        ("The same bill will cut $300 billion from food aid.", "other"),
    ],
)
def test_what_a_figure_is_part_of_and_what_a_bill_cuts_are_no_cost_of_the_programme(text, referent, codebook):
    assert _table(text, codebook)["referent"].tolist() == [referent]


def test_according_to_closing_a_sentence_gives_every_figure_before_it_even_with_a_clause_on_who_it_is(codebook):
    text = "The service's budget holds $26.1 billion in discretionary and $13.8 billion in mandatory money, according to the Air Force"
    for ending in (".", ", which keeps the service's books."):
        owners = money_mentions(_corpus(text + ending), _without_known_figures(codebook))["attributed_to"].tolist()
        assert owners == ["Air Force", "Air Force"]


def test_a_figure_heading_a_line_of_a_list_is_named_by_the_rest_of_the_line(codebook):
    text = (
        "What the request holds:\n"
        "- $1.4 trillion — the full fiscal 2027 defense budget request\n"
        "- $17 billion — the shield's line in that request\n"
        "- $2 billion: one prototype contract\n"
    )
    assert _table(text, codebook)["referent"].tolist() == ["other", "budget or appropriation", "part or unit cost"]


@pytest.mark.parametrize(
    ("text", "referent"),
    [
        # another programme's cost, a relative clause between it and its verb
        ("The Apollo program, which put twelve people on the Moon, cost about $260 billion in today's money.", "other"),
        # ... but not a clause of its own after the aside
        (
            "Tokyo already pays its share of the interceptor, which it began building in 2024, and the ministry has asked for"
            " ¥90 billion next year.",
            "budget or appropriation",
        ),
    ],
)
def test_a_subject_before_a_relative_clause_says_what_the_figure_after_it_is(text, referent, codebook):
    assert _table(text, codebook)["referent"].tolist() == [referent]


def test_a_disclosure_threshold_is_no_contracts_price(codebook):
    text = "Awards for the interceptor prototypes stay secret, because contracts under $9 million need not be published."
    assert _table(text, codebook)["referent"].tolist() == ["other"]


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        # a body's own expectation or intent before its verb of spending keeps it the giver
        ("The U.S. government expects to spend $6 billion on radars over a decade.", ["United States"]),
        ("The Japanese government aims to spend $1.5 billion on interceptors next year.", ["Japan"]),
        # ... not another's expectation of it
        ("The U.S. government is expected to spend $6 billion on radars over a decade.", ["unattributed"]),
    ],
)
def test_a_givers_own_expectation_before_its_verb_keeps_the_figure_its(text, owners, codebook):
    assert _table(text, codebook)["attributed_to"].tolist() == owners


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        # "the report" goes back to the body whose report it was introduced as: "X, whose new paper …", "Its report, …"
        (
            "This time the critique comes from the Fiscal Futures Center, whose new paper is titled \u201cNo Free Shield.\u201d"
            " Congress has released $23 billion so far. The report notes that the country has spent $450 billion on such"
            " defenses since 1985.",
            ["unattributed", "Fiscal Futures Center"],
        ),
        (
            "Last week the Congressional Budget Office weighed in. Its report, \u201cCosts of a Shield,\u201d ran to 30 pages."
            " The Golden Dome office declined to comment on its own architecture. The report assumes each interceptor"
            " costs $22 million.",
            ["Congressional Budget Office"],
        ),
    ],
)
def test_the_report_is_the_bodys_it_was_introduced_as_being_by(text, owners, codebook):
    assert _table(text, codebook)["attributed_to"].tolist() == owners


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        # the publisher of a document whose clause gives the figure, past the publisher's affiliation and a month
        ("Jane Roe of the Fiscal Futures Center released a study that put the cost at $2.9 trillion.", ["Jane Roe"]),
        # ... the document named by its quoted title
        (
            "Last October, Jane Roe of the Fiscal Futures Center published \u201cShields and Ledgers,\u201d which priced five"
            " designs at $300 billion to $2.9 trillion.",
            ["Jane Roe"],
        ),
    ],
)
def test_a_documents_publisher_gives_the_figure_its_clause_states(text, owners, codebook):
    assert _table(text, codebook)["attributed_to"].tolist() == owners


@pytest.mark.parametrize(
    "text",
    [
        # a possessor's qualified office is the codebook's body whose alias holds both words ("Golden Dome program office")
        "The president promised a shield for $175 billion. His own program office has since raised that to $189 billion.",
        "The plan links radars and satellites. The Pentagon's program office now cites a figure of $189 billion.",
    ],
)
def test_a_possessors_program_office_is_the_codebooks_office(text, codebook):
    assert _table(text, codebook)["attributed_to"].tolist()[-1] == "Golden Dome office"


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        # two figures joined before the one who gave them are both the giver's
        ("Ottawa balked at the $61 billion and later $76 billion prices President Trump has floated.", [WH, WH]),
        # a body that sends Congress a request gives its sum
        ("The White House on Friday sent Congress a defense request of about $1.4 trillion.", [WH]),
    ],
)
def test_joined_figures_and_a_request_sent_to_congress_have_their_giver(text, owners, codebook):
    assert _table(text, codebook)["attributed_to"].tolist() == owners



@pytest.mark.parametrize(
    ("text", "owners"),
    [
        # a body opening the sentence is the subject of its second verb too
        ("Then the Congressional Budget Office, that busy office, ran the numbers and came back with $1.1 trillion.", [CBO]),
        # ... not a place in a phrase before the subject
        ("Based in Denver, the firm employs 3,000 people and reported revenue of $1.3 billion last year.", ["unattributed"]),
    ],
)
def test_a_body_opening_a_sentence_gives_the_figure_of_its_second_verb(text, owners, codebook):
    assert _table(text, codebook)["attributed_to"].tolist() == owners


def test_a_possessors_target_well_under_a_figure_is_its(codebook):
    text = "A rocket gets you to orbit for $2,700 per kilogram, and SpaceX's own target for its next one is well under $300 per kilogram."
    assert _table(text, codebook)["attributed_to"].tolist() == ["unattributed", "SpaceX"]


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        # a passive of pricing whose agent follows the figure
        ("A second order signed last year was put at about €2 billion by the German defence ministry.", ["German defence ministry"]),
        ("The radar contract was valued at about $3 billion by the Pentagon.", ["Pentagon"]),
        # a body that "returned with" a figure gives it, as one that "came back with" it does
        ("In May the budget office returned with a full estimate of about $1.1 trillion over two decades.", [CBO]),
    ],
)
def test_a_passives_agent_after_the_figure_and_a_body_returning_with_it_give_it(text, owners, codebook):
    assert _table(text, codebook)["attributed_to"].tolist() == owners


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        # a figure's conversion in brackets is no other figure between it and the verb that gives both
        ("The shield would cost at least $175 billion (€150 billion) and take three years, the president explained.", [WH, WH]),
        # a sum described as appropriated or set aside is a fact, not the estimate of whoever speaks in the sentence
        (
            "Work has stalled for want of a plan to spend the first $24 billion (S$31 billion) appropriated for the shield,"
            " six people familiar with the matter told Reuters.",
            ["unattributed", "unattributed"],
        ),
        # ... unless "according to" credits it
        ("According to the Tokyo Security Digest, roughly ¥90 billion is earmarked for the interceptor.", ["Tokyo Security Digest"]),
    ],
)
def test_a_conversion_in_brackets_and_a_sum_set_aside(text, owners, codebook):
    assert _table(text, codebook)["attributed_to"].tolist() == owners


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        # "which" after a body and a date stands for the body
        ("The lower bound came from the budget office in March 2025, which estimated that the layer could cost $161 billion.", [CBO]),
        # ... and is the subject of a second verb joined by "and"
        (
            "The range came from the Congressional Budget Office, which examined only the orbital layer and concluded that"
            " it could cost $400 billion over two decades.",
            [CBO],
        ),
        # "it" after "and" in a sentence that "It" opens is that same body, not the one named in between
        (
            "The budget office released its study on Tuesday. It modelled a notional design rather than the one the Missile"
            " Defense Agency has in mind, and it put each interceptor at about $20 million.",
            [CBO],
        ),
    ],
)
def test_which_after_a_dated_body_and_it_joined_by_and_keep_the_body(text, owners, codebook):
    assert _table(text, codebook)["attributed_to"].tolist() == owners


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        # a verb in a clause that describes what the figure's verb is about gives no figure
        ("The CBO now estimates that a shield able to do what the order demands would cost about $1.1 trillion.", [CBO]),
        ("The budget office estimated that a network of the kind the administration has described would cost $900 billion.", [CBO]),
        # the budget office's scoring, a price demanded of a partner, and the American administration as the White House
        ("The Congressional Budget Office has scored one version of the shield at $600 billion to $800 billion.", [CBO]),
        ("Trump demanded $65 billion from Ottawa for a seat in the programme.", [WH]),
        ("The U.S. administration says the system will cost 170 billion dollars.", [WH]),
    ],
)
def test_a_describing_clause_gives_no_figure_and_scoring_or_demanding_one_does(text, owners, codebook):
    assert _table(text, codebook)["attributed_to"].tolist() == owners


@pytest.mark.parametrize(
    ("text", "referents"),
    [
        # money added to what the programme has is a budget line of it, never its price
        ("With a new director named, the Golden Dome effort also picked up another $9 billion this week.", ["budget or appropriation"]),
        (
            "Congress set aside $25 billion in the spring law, with an additional $11 billion for work linked to Golden Dome.",
            ["budget or appropriation", "budget or appropriation"],
        ),
        # ... and added to its cost, a difference
        ("The Golden Dome may cost another $300 billion on top of the first estimate.", ["other"]),
    ],
)
def test_an_amount_added_to_the_programme_is_no_programme_total(text, referents, codebook):
    assert _table(text, codebook)["referent"].tolist() == referents


@pytest.mark.parametrize(
    ("text", "referents"),
    [
        # a line of a bill that funds the shield, but whose purpose after "for" is something else, is another budget's
        (
            "Besides the shield, the package carries $12 billion for six new frigates and $4 billion for artillery shells.",
            ["other", "other"],
        ),
        # ... while a part of the shield, a time, or words pointing back to it keep it a budget line
        ("Congress set aside $8.1 billion for tracking satellites in the shield's first year.", ["budget or appropriation"]),
        # (a part's word is matched whole: "planes" is not "plan")
        ("Congress set aside $3 billion for new planes.", ["other"]),
        ("Lawmakers appropriated $17.5 billion for fiscal 2027 for Golden Dome.", ["budget or appropriation"]),
        # money "to support" the shield is a line of the bill for it, after lines for other things in the same list
        (
            "The Senate's spending measure carries $9.2 billion to buy 12 submarines, $2.1 billion for 30 new helicopters,"
            " among them 18 HH-60Ws, and $11 billion to support the Golden Dome missile shield.",
            ["other", "other", "budget or appropriation"],
        ),
    ],
)
def test_a_budget_line_for_something_else_is_another_budgets(text, referents, codebook):
    assert _table(text, codebook)["referent"].tolist() == referents


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        # a name between a figure and its noun of estimating gives the figure, whoever speaks in the sentence
        ("Guetlein pushed back on Tuesday against a $1.1 trillion CBO estimate.", [CBO]),
        # a possessive's "current" figure stays the possessor's, past an "according to" that opens the sentence
        (
            "According to a new study by the CBO, the shield could cost $1.1 trillion over 20 years, well above the White"
            " House\u2019s current $185 billion estimate.",
            [CBO, WH],
        ),
        # ... but a programme's name there is no giver
        ("The $175 billion Golden Dome estimate is a year old.", ["unattributed"]),
    ],
)
def test_a_name_between_a_figure_and_its_estimate_gives_it(text, owners, codebook):
    assert _table(text, codebook)["attributed_to"].tolist() == owners


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_a_cue_with_an_apostrophe_matches_either_apostrophe(apostrophe, codebook):
    # "canada's entry" in the codebook finds the curly apostrophe most pages set
    text = f"The White House has floated two figures for Canada{apostrophe}s entry, ranging from $40 billion to $55 billion."
    assert _table(text, _without_known_figures(codebook))["referent"].tolist() == ["price quoted to a partner"]


def test_a_scenario_says_no_more_than_the_figure_given_before(codebook):
    # "scenario" names one of a study's cases, not what it covers: the figure keeps the reading it was given
    text = (
        "The Harbor Institute says the orbital interceptors alone could cost $5 trillion on their own. "
        "Under the $5 trillion scenario, the institute estimates the service would field 80,000 of them."
    )
    assert _table(text, _without_known_figures(codebook))["referent"].tolist() == ["part or unit cost", "part or unit cost"]


def test_one_figure_rounded_two_ways_is_one_side_of_a_disagreement(codebook):
    found = _two_outlets(
        codebook,
        A="The CBO estimated the total cost at $1.19 trillion over 20 years.",
        B="The CBO estimated the total cost at $1.2 trillion over 20 years.",
        C="The CBO estimated the total cost at $1.2 trillion over 20 years.",
        D="The CBO estimated the total cost at $700 billion over 20 years.",
        E="The CBO estimated the total cost at $700 billion over 20 years.",
    )
    amounts = found[found["kind"].eq("same referent and source, different amount")]
    assert amounts[["value_a", "value_b"]].values.tolist() == [["$1.2 trillion", "$700 billion"]]
    assert set(amounts["outlet_a"].iloc[0].split("; ")) == {"A", "B", "C"}


# Two totals the White House is read to give, two outlets each: a dispute, unless a sentence tells the revision.
_WHITE_HOUSE_TOTALS = {
    "A": "The White House estimated the total cost at $175 billion.",
    "B": "The White House estimated the total cost at $175 billion.",
    "C": "The White House now puts the total cost at $185 billion.",
    "D": "The White House now puts the total cost at $185 billion.",
}


@pytest.mark.parametrize(
    ("revision", "disputed"),
    [({"E": "Pegged at $175 billion a year ago, the total has since grown to $185 billion."}, False), ({}, True)],
    ids=["a-revision-told-in-an-outlets-own-voice", "no-revision-told"],
)
def test_a_revision_any_outlet_tells_in_its_own_voice_is_no_disagreement(revision, disputed, codebook):
    found = _two_outlets(codebook, **_WHITE_HOUSE_TOTALS, **revision)
    assert found["kind"].eq("same referent and source, different amount").any() == disputed


def test_a_years_money_a_body_asks_to_approve_is_a_budget_line_and_an_age_is_no_horizon(codebook):
    table = _table(
        "The Missile Defense Agency released the biggest request in its ten-year history Thursday, asking Congress to approve"
        " $9 billion to spend next year as it takes on new work including the shield.",
        codebook,
    )
    assert table["referent"].tolist() == ["budget or appropriation"]
    assert table["horizon_years"].isna().all()


@pytest.mark.parametrize(
    ("text", "referent"),
    [
        # the programme's name before another noun only qualifies it: the noun says what the figure is
        ("Rocket Lab books $515 million Golden Dome tracking contract", "part or unit cost"),
        ("Northrop takes a $1.3 billion Golden Dome interceptor award on Friday.", "part or unit cost"),
        # ... and the programme's own noun after its name keeps the whole
        ("Critics call the $175 billion Golden Dome system a fantasy.", "program total"),
    ],
)
def test_the_programmes_name_qualifying_a_noun_gives_way_to_the_noun(text, referent, codebook):
    assert _table(text, codebook)["referent"].tolist() == [referent]


@pytest.mark.parametrize(
    ("text", "referent"),
    [
        # no word names the sum, but what it pays someone to make does: one contract's price
        ("The start-up will receive $800 million to build a ring of 120 satellites with a partner.", "part or unit cost"),
        # ... not where the words after it make nothing ("to build support", "to launch a campaign")
        ("The group spent $800 million to launch a campaign against the plan.", "other"),
    ],
)
def test_a_sum_paid_to_build_a_part_is_a_part(text, referent, codebook):
    assert _table(text, codebook)["referent"].tolist() == [referent]


def test_a_headline_verb_of_giving_ends_the_name_before_it(codebook):
    # a headline's capitalised verb ends the name before it, on a line of a page's list of stories too
    text = "  \u2022 Latest\n  \u2022 Trump Demands $40 Billion from Norway to Join Golden Dome\n\nPresident Trump raised the price."
    row = one(text, codebook)
    assert (row["referent"], row["attributed_to"]) == ("price quoted to a partner", "White House / the President")


def test_a_closing_according_to_gives_the_sentence_s_unclaimed_figure_past_another_s_credit(codebook):
    text = (
        "The shield is now expected to cost about $1.3 trillion, well above the $175 billion figure Trump once gave,"
        " according to Bloomberg calculations."
    )
    assert _table(text, codebook)["attributed_to"].tolist() == ["Bloomberg", "White House / the President"]


def test_a_bill_someone_must_pay_is_no_legislation(codebook):
    text = "The offer has a catch: Ottawa would have to foot a $71 billion bill to come under the shield."
    assert _table(text, codebook)["referent"].tolist() == ["price quoted to a partner"]
    # ... while a bill lawmakers pass is a whole bill's size
    assert _table("Senators passed a $150 billion bill for defense.", codebook)["referent"].tolist() == ["other"]


def test_a_possessive_before_a_figure_and_a_programme_names_who_runs_it_not_who_priced_it(codebook):
    # The $831 billion is a budget office's estimate; the possessive says whose shield it is.
    text = "Seoul is weighing whether to sign on to Trump's $831 billion 'Golden Dome' shield."
    assert _table(text, codebook)["attributed_to"].tolist() == ["unattributed"]
    # ... while a figure's own noun after it keeps the possessive's owner
    text = "Trump's $175 billion price tag for the shield drew scorn from budget hawks."
    assert _table(text, codebook)["attributed_to"].tolist() == ["White House / the President"]


def test_a_document_dated_by_month_and_year_is_its_author_s(codebook):
    text = "The Pentagon set up the contest as prize rounds. The March 2026 briefing described a $210 million purse for the winners."
    assert _table(text, codebook)["attributed_to"].tolist() == ["Pentagon"]


def test_whom_a_verb_of_reacting_names_before_an_ing_verb_gives_that_verb_s_figure(codebook):
    text = "Panelists on the podcast reacted to President Trump offering Ottawa a seat in the shield for $61 billion."
    assert _table(text, codebook)["attributed_to"].tolist() == ["White House / the President"]


def test_a_credit_inside_a_with_clause_gives_the_clause_s_figure_not_the_one_before_it(codebook):
    text = (
        "First-year money stands at $23 billion, with longer-range estimates from the Congressional Budget Office"
        " putting the total past $800 billion."
    )
    assert _table(text, codebook)["attributed_to"].tolist() == ["unattributed", "Congressional Budget Office"]


def test_one_source_s_figures_given_by_outlets_a_year_apart_are_a_revision_not_a_dispute(codebook):
    texts = {
        "A": "The CBO estimated the total cost at $1.2 trillion over 20 years.",
        "B": "The CBO estimated the total cost at $542 billion over 20 years.",
        "C": "The CBO puts the total cost at $1.2 trillion over 20 years.",
        "D": "The CBO puts the total cost at $542 billion over 20 years.",
    }
    articles = _outlets(**texts)
    kind = "same referent and source, different amount"
    dated = articles.assign(published=pd.to_datetime(["2026-05-12", "2025-06-02", pd.NaT, "2025-07-08"]))
    assert not discrepancies(money_mentions(dated, codebook), dated)["kind"].eq(kind).any()
    # ... but outlets of the same weeks do dispute it
    close = articles.assign(published=pd.to_datetime(["2026-05-12", "2026-05-20", pd.NaT, "2026-05-14"]))
    assert discrepancies(money_mentions(close, codebook), close)["kind"].eq(kind).any()


def test_a_figure_the_article_points_back_to_with_the_stays_with_whoever_gave_it(codebook):
    text = (
        "The budget office now prices a full shield at $1.2 trillion over two decades."
        " Todd Harrison, a think-tank analyst, said the $1.2 trillion looked modest next to his own high case."
    )
    rows = _table(text.replace("The budget office", "The Congressional Budget Office"), codebook)
    assert rows["attributed_to"].tolist() == ["Congressional Budget Office", "Congressional Budget Office"]
    # ... but a size in words is the speaker's own description, and a figure without "the" is the speaker's
    other = "The Congressional Budget Office put the shield at $1.2 trillion. Todd Harrison said $1.2 trillion was too low."
    assert _table(other, codebook)["attributed_to"].tolist() == ["Congressional Budget Office", "Todd Harrison"]


def test_a_closing_according_to_keeps_its_figure_past_an_outlet_relaying_the_sentence(codebook):
    text = (
        "The shield would now cost about $1.1 trillion, well past the $175 billion that Donald Trump named,"
        " according to Bloomberg calculations, Report informs."
    )
    assert _table(text, codebook)["attributed_to"].tolist() == ["Bloomberg", "White House / the President"]


def test_a_body_known_by_a_common_noun_names_it_before_its_estimates(codebook):
    text = "According to administration estimates, the shield would cost roughly $175 billion in all."
    assert _table(text, codebook)["attributed_to"].tolist() == ["White House / the President"]
    # ... not a word that only describes something else
    text = "Administration critics doubt it; the shield would cost roughly $175 billion in all."
    assert _table(text, codebook)["attributed_to"].tolist() == ["unattributed"]


def test_a_figure_its_speaker_denies_is_marked_and_set_against_no_estimate(codebook):
    from mediabrief.money import cost_chart_rows

    articles = _outlets(
        A='Sen. Tim Sheehy was blunt: "This will never be a $30 billion or $40 billion job. It will cost far more."',
        B="The White House puts the cost of the shield at $175 billion.",
    )
    found = money_mentions(articles, codebook)
    assert found.set_index("surface")["hedge"].to_dict() == {"$30 billion": "not", "$40 billion": "not", "$175 billion": ""}
    # no "White House's $175 billion is 4.4 times Sheehy's $40 billion": the one figure put forward has nothing to compare
    assert headline_ratio(found, "program total") is None
    denied = cost_chart_rows(found, articles).set_index("amount").loc["$40 billion", "given_by"]
    assert denied.endswith(", denied")
    # ... while "not" that denies something else leaves the figure alone
    other = _outlets(C="Japan is not a party to the $175 billion shield, the White House said.")
    assert money_mentions(other, codebook)["hedge"].tolist() == [""]
