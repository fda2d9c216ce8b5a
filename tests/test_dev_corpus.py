"""The development corpus: its gold tables hold together, and the methods are measured on the half they were not
tuned on (tests/gold/README.md says how the corpus and its labels were made). Also the stance hard cases the issue
names, each in a short text written for this test, read with the project's own codebook."""

from __future__ import annotations

import pandas as pd
import pytest

from mediabrief import evaluation
from mediabrief.codebook import load_codebook
from mediabrief.config import DATA_DIR, RAW_DIR
from mediabrief.corpus import load_corpus
from mediabrief.stance import agreement, agreement_table, cue_hits, stance_rules, stance_tables

CORPUS = evaluation.DEV_CORPUS_DIR


@pytest.fixture(scope="module")
def codebook():
    return load_codebook()


@pytest.fixture(scope="module")
def scores(codebook):
    return evaluation.dev_corpus_scores(codebook)


def test_every_article_has_metadata_and_gold_labels_for_both_targets():
    files = sorted(p.name for p in CORPUS.glob("*.txt"))
    metadata = pd.read_csv(CORPUS / "metadata.csv")
    stance = evaluation.read_gold("stance")
    assert len(files) >= 40 and sorted(metadata["file"]) == files
    assert stance.groupby("file")["target"].apply(lambda t: sorted(t) == ["golden_dome", "japan_participation"]).all()
    assert sorted(stance["file"].unique()) == files
    assert set(stance["label"]) <= {"supportive", "neutral", "critical", "not discussed"}
    assert stance["rationale"].str.len().gt(10).all()
    halves = stance.drop_duplicates("file")["half"].value_counts()
    assert abs(halves["tuning"] - halves["validation"]) <= 2


def test_gold_quotes_and_money_point_at_text_that_is_there():
    texts = {p.name: p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt")}
    normal = {name: " ".join(text.replace("’", "'").split()) for name, text in texts.items()}
    for row in evaluation.read_gold("quotes").itertuples():
        assert " ".join(row.quote_opening.replace("’", "'").split()) in normal[row.file], (row.file, row.quote_opening)
        assert row.kind in ("quotation", "term") and (row.kind == "quotation" or row.speaker == "")
    for row in evaluation.read_gold("money").itertuples():
        assert row.surface in texts[row.file], (row.file, row.surface)


def test_stance_on_the_validation_half(scores, measured):
    table = scores["stance"].set_index(["half", "target"])
    both, dome = table.loc[("validation", "both")], table.loc[("validation", "golden_dome")]
    measured(f"stance, dev validation half, both targets: agreement {both['agreement']:.2f}, kappa {both['kappa']:.2f} (n={both['n']:.0f})")
    measured(f"stance, dev validation half, Golden Dome: agreement {dome['agreement']:.2f}, kappa {dome['kappa']:.2f} (n={dome['n']:.0f})")
    # A floor below which a change has broken stance, not a target: articles 81-104, written by a helper who had not
    # seen the method, agreed far less and pulled the half from 0.84 to 0.79 (105-128 agree about as well as the rest).
    assert both["agreement"] >= 0.75 and both["kappa"] >= 0.60


def test_stance_on_the_seeds_against_the_analysts_coding(codebook, measured):
    stance = stance_tables(load_corpus(RAW_DIR).articles, codebook)["stance.csv"]
    result = agreement(agreement_table(stance, pd.read_csv(DATA_DIR / "analyst_coding.csv")))
    measured(
        f"stance, seeds vs the analyst's coding: agreement {result['percent'] / 100:.2f}, kappa {result['kappa']:.2f} (n={result['n']})"
    )
    assert result["percent"] >= 80


def test_speakers_and_terms_on_the_development_corpus(scores, measured):
    quotes = scores["quotes"].set_index("half")
    for half, row in quotes.iterrows():
        measured(
            f"quotations, dev corpus {half} half: speaker right for {row['speaker_right']:.2f} of {row['quotations']:.0f}; "
            f"terms precision {row['term_precision']:.2f}"
        )
    # Floors below which a change has broken attribution (the aim, 0.90 on the whole corpus, is not yet met).
    # Term precision was 0.96/0.94 on articles 1-104; the writer of 105-128 counts short phrases a document or a body
    # is quoted with ("an 'increasingly effective' defense", "judged 'technically acceptable'") as its words, which
    # the method reads as terms: 0.88 on the whole corpus.
    assert quotes.loc["tuning", "speaker_right"] >= 0.85 and quotes.loc["validation", "speaker_right"] >= 0.70
    assert quotes["term_precision"].min() >= 0.85


def test_what_figures_cover_and_who_gives_them_on_the_development_corpus(scores, measured):
    money = scores["money"].set_index("half")
    for half, row in money.iterrows():
        right = f"referent right {row['referent_right']:.2f}, owner right {row['owner_right']:.2f}"
        measured(f"money, dev {half} half: {right} (n={row['mentions']:.0f})")
    # Floors below which a change has broken the ledger (the aim, 0.90 each, is met for what a figure covers on
    # the tuning half only).
    assert money["owner_right"].min() >= 0.60 and money["referent_right"].min() >= 0.70


@pytest.fixture(scope="module")
def scores_added_last(codebook):
    return evaluation.dev_corpus_scores(codebook, from_number=105)


def test_the_articles_added_last(scores_added_last, measured):
    """Articles 105-128 were written after reading how real coverage attributes quotes and figures; their even
    (validation) half was never read while tuning, so it is the closest this project has to unseen coverage."""
    stance = scores_added_last["stance"].set_index(["half", "target"]).loc[("validation", "both")]
    quotes = scores_added_last["quotes"].set_index("half").loc["validation"]
    money = scores_added_last["money"].set_index("half").loc["validation"]
    measured(
        f"articles 105-128, validation half (never read while tuning): stance {stance['agreement']:.2f} (n={stance['n']:.0f}), "
        f"speaker right {quotes['speaker_right']:.2f} of {quotes['quotations']:.0f}, referent right {money['referent_right']:.2f}, "
        f"owner right {money['owner_right']:.2f} (n={money['mentions']:.0f})"
    )
    # Floors that catch a broken method on text like real coverage; the aims (0.85-0.90) are far above them.
    assert stance["agreement"] >= 0.5 and quotes["speaker_right"] >= 0.6 and money["referent_right"] >= 0.55


def cue_hits_of(sentence: str, codebook: dict) -> list[tuple[str, float]]:
    """The cues of one sentence for the story's main target."""
    rules = stance_rules(codebook)
    return cue_hits(sentence, rules.targets[0], rules)


def label(text: str, codebook: dict, target: str = "golden_dome") -> str:
    articles = pd.DataFrame({"article_id": ["a"], "file": ["a.txt"], "outlet": ["A"], "text": [text]})
    stance = stance_tables(articles, codebook)["stance.csv"]
    return stance.set_index("target").loc[target, "label"]


def test_a_neutral_wire_report_with_a_critics_say_paragraph_is_neutral(codebook):
    text = (
        "Pentagon picks first Golden Dome contractors\n"
        "WASHINGTON, Nov 25 - The Space Force awarded the first prototype deals for the Golden Dome missile shield on Tuesday.\n"
        "The awards, worth about $10 million each, cover space-based interceptors.\n"
        "Critics say the program is a boondoggle that will never work and warn it could start an arms race in space.\n"
        '"This is a blank check," said Sen. Ann Lowry, a Democrat. Supporters say the shield is a vital deterrent.\n'
        "The service plans a demonstration in 2028."
    )
    assert label(text, codebook) == "neutral"


def test_an_op_ed_that_quotes_critics_to_rebut_them_is_supportive(codebook):
    text = (
        "The critics of Golden Dome are fighting the last war\n"
        "By A. Writer\n"
        'Opponents call the shield "a fantasy" and "a money pit." Those arguments are recycled from the 1980s and do not hold up.\n'
        "The technology exists, launch is cheap, and the threat is real.\n"
        "The critics are wrong about cost, and they are wrong about stability. Congress should fund Golden Dome."
    )
    assert label(text, codebook) == "supportive"


def test_an_op_ed_for_the_shield_that_dismisses_objections_and_warns_of_threats_is_not_critical(codebook):
    # Written for this test on the shape of opinion pieces for the programme read in real coverage: a dismissed claim
    # ("a misconception that it is impossible") and the threat it answers ("dangerously unprepared").
    text = (
        "Three objections to Golden Dome, answered\n"
        "By A. Writer\n"
        "Golden Dome is the right answer at the right time.\n"
        "There is a widespread misconception that missile defense is impossible. The record of the last decade says otherwise.\n"
        "We face the most dangerous missile environment in our history, and we are dangerously unprepared.\n"
        "Congress should fund Golden Dome in full."
    )
    assert label(text, codebook) == "supportive"
    assert cue_hits_of("There is a widespread misconception that missile defense is impossible.", codebook) == [("misconception", 1.0)]
    assert cue_hits_of("We face a dangerous threat environment, and we are dangerously unprepared.", codebook) == []
    assert cue_hits_of("It is a dangerous plan.", codebook) == [("dangerous", -1.0)]
    # ... nor is one said of the threat as its subject, while the same word said of the plan counts
    assert cue_hits_of("The missile threats are escalating, and the country cannot wait.", codebook) == []
    assert cue_hits_of("The plan is escalating tensions with Moscow.", codebook) == [("escalat", -1.0)]


def test_the_headline_the_loader_keeps_apart_is_weighed_as_the_outlets_verdict(codebook):
    # The corpus loader takes the first line out of the text as the title; an op-ed's verdict is often only there.
    text = (
        "Commentary\n\nDonald Trump signed an order calling for a Golden Dome for America. The shield would be modeled on"
        " Israel's Iron Dome. The threats are growing, and the country cannot wait."
    )
    articles = pd.DataFrame(
        {"article_id": ["a"], "file": ["a.txt"], "outlet": ["A"], "title": ["The Golden Dome push is long overdue"], "text": [text]}
    )
    tables = stance_tables(articles, codebook)
    assert tables["stance.csv"].set_index("target").loc["golden_dome", "label"] == "supportive"
    assert "long overdue" in tables["stance_evidence.csv"]["sentence"].tolist()[0]
    # a headline that asks, or quotes someone, is not the outlet's verdict
    for title in ["Is Golden Dome long overdue?", 'Senator calls Golden Dome "a costly illusion"']:
        tables = stance_tables(articles.assign(title=[title]), codebook)
        assert tables["stance.csv"].set_index("target").loc["golden_dome", "label"] == "neutral"


def test_threat_vocabulary_in_a_description_is_not_a_verdict(codebook):
    text = (
        "What the Golden Dome is meant to do\n"
        "The Golden Dome missile defense system would detect and intercept ballistic, hypersonic and cruise missile attacks.\n"
        "Its sensors would track threats from launch, and interceptors in orbit would attack missiles in their boost phase.\n"
        "The Pentagon says the layers are designed to counter a surprise strike on the homeland."
    )
    assert label(text, codebook) == "neutral"


def test_negation_and_hedging_are_read(codebook):
    assert (
        label("Golden Dome, again\nThe Golden Dome is not a boondoggle. It is not a fantasy either. It is long overdue.", codebook)
        == "supportive"
    )
    hedged = "The Golden Dome may perhaps prove costly. Some parts could be unproven."
    assert label(hedged, codebook) == "neutral"  # two hedged doubts in a report are not yet a verdict


def test_an_article_that_never_mentions_the_target_says_so(codebook):
    text = "Israel's Iron Beam laser shot down drones in a test on Sunday, the defense ministry said. It is cheap to fire."
    assert label(text, codebook) == "not discussed"
    assert label(text, codebook, "japan_participation") == "not discussed"


def test_two_spellings_of_one_codebook_actor_are_one_speaker_when_scored(codebook):
    found = pd.DataFrame({"file": ["a.txt"], "quote": ["aerial attacks from any foe"], "kind": ["quotation"], "speaker": ["Pentagon"]})
    gold = pd.DataFrame(
        {"file": ["a.txt"], "quote_opening": ["aerial attacks from any foe"], "kind": ["quotation"], "speaker": ["Department of Defense"]}
    )
    assert evaluation.match_quotes(found, gold, codebook)["speaker_ok"].tolist() == [True]
    assert evaluation.match_quotes(found, gold)["speaker_ok"].tolist() == [False]


def test_a_span_quoted_twice_is_matched_in_reading_order():
    # A headline's scare-quoted phrase (a term) and the same words in the story (a quotation) are two gold rows.
    found = pd.DataFrame(
        {
            "file": ["a.txt", "a.txt"],
            "quote": ["gravely worried", "gravely worried"],
            "kind": ["term", "quotation"],
            "speaker": ["", "Li Wen"],
        }
    )
    gold = pd.DataFrame(
        {
            "file": ["a.txt", "a.txt"],
            "quote_opening": ["gravely worried", "gravely worried"],
            "kind": ["term", "quotation"],
            "speaker": ["", "Li Wen"],
            "speaker_type": ["", "person"],
            "how": ["none", "after"],
        }
    )
    assert evaluation.match_quotes(found, gold)["speaker_ok"].tolist() == [True, True]
