"""Stance: cue scores with negation and hedges, voices, article labels and intervals, kappa, and the seed corpus."""

from __future__ import annotations

import copy
import math

import numpy as np
import pandas as pd
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from mediabrief import stance
from mediabrief.codebook import load_codebook
from mediabrief.config import RAW_DIR
from mediabrief.corpus import load_corpus
from mediabrief.stance import (
    SEED,
    STANCE_COLUMNS,
    agreement,
    agreement_table,
    article_table,
    bootstrap_ci,
    cohen_kappa,
    cue_score,
    evidence_table,
    sentence_table,
    stance_rules,
    stance_tables,
    with_tone,
)
from mediabrief.textutils import split_sentences

BOOK = {
    "stance": {
        "targets": {
            "dome": {"aliases": ["Golden Dome", "the shield"], "supportive": ["impenetrable"], "critical": ["boondoggle"]},
            "japan": {"aliases": ["Japan's involvement"], "together": [[["Japan", "Tokyo"], ["cooperat", "invest"]]]},
        },
        "cues": {"supportive": ["deterrent", "win-win"], "critical": ["arms race", "destabiliz"]},
        "negations": ["not", "no"],
        "negation_window": 3,
        "hedges": ["may", "could"],
        "hedge_factor": 0.5,
        "thresholds": {"supportive": 0.2, "critical": -0.2, "min_evidence": 1},
    },
    "actors": [
        {"name": "Jane Roe", "type": "person", "aliases": ["Jane Roe", "Roe"]},
        {"name": "critics", "type": "group", "aliases": ["Critics"]},
    ],
    "voices": {"verbs": ["said", "warned", "warn"], "markers": ["according to"], "pronouns": ["she", "he"], "min_quote_words": 4},
}


def articles(**texts: str) -> pd.DataFrame:
    """A small article table: article id -> text."""
    return pd.DataFrame(
        {"article_id": list(texts), "file": [f"{k}.txt" for k in texts], "outlet": list(texts), "text": list(texts.values())}
    )


@pytest.fixture(scope="module")
def rules():
    return stance_rules(BOOK)


def dome(rules):
    return rules.targets[0]


def test_a_negated_supportive_cue_is_not_supportive(rules):
    assert cue_score("The Golden Dome is a deterrent.", dome(rules), rules) == 1.0
    assert cue_score("The Golden Dome is not a deterrent.", dome(rules), rules) < 0
    assert cue_score("The Golden Dome is no boondoggle.", dome(rules), rules) > 0


def test_the_alternative_a_comparison_turns_down_counts_the_other_way():
    real = stance_rules(load_codebook())
    target = next(t for t in real.targets if t.name == "golden_dome")
    assert cue_score("On reflection the Golden Dome is much more stabilizing than destabilizing.", target, real) > 0
    # (what the comparison says of the shield itself keeps its sign)
    assert cue_score("The Golden Dome is more destabilizing than any earlier system.", target, real) < 0


@pytest.mark.parametrize(
    ("sentence", "sign"),
    [
        # deterrence named as the strategy the shield is weighed against is no praise of it
        ("The Golden Dome questions the old belief that safety rests chiefly on nuclear deterrence.", 0),
        ("Lawmakers want the Golden Dome weighed within wider mutual deterrence frameworks.", 0),
        # ... while the shield adding to it, or deterring, is
        ("The Golden Dome would strengthen deterrence against a limited strike.", 1),
        ("The Golden Dome deters an attacker by making a strike likely to fail.", 1),
    ],
)
def test_deterrence_is_praise_only_where_the_shield_adds_to_it(sentence, sign):
    real = stance_rules(load_codebook())
    target = next(t for t in real.targets if t.name == "golden_dome")
    assert np.sign(cue_score(sentence, target, real)) == sign


@pytest.mark.parametrize(
    "sentence",
    [
        # plain words of alarm in the outlet's own voice, and sums it says fail, are a verdict against
        "Behind the Golden Dome's promises lies a troubling record of missed dates.",
        "The Golden Dome's schedule is alarming for anyone who has watched a satellite programme slip.",
        "The Golden Dome's figures simply do not add up.",
    ],
)
def test_alarm_and_sums_that_fail_are_critical(sentence):
    real = stance_rules(load_codebook())
    target = next(t for t in real.targets if t.name == "golden_dome")
    assert cue_score(sentence, target, real) < 0


def test_hedges_soften_and_longest_cue_wins(rules):
    assert cue_score("The Golden Dome could start an arms race.", dome(rules), rules) == -0.5
    assert cue_score("The Golden Dome is destabilizing and an arms race.", dome(rules), rules) == -1.0


def test_a_stem_inside_a_capitalised_name_is_no_cue(rules):
    # "Destabiliz" opening a name mid-sentence is the name's, not a verdict; the same stem in a word is one
    assert cue_score("The Golden Dome was debated at the Destabilizer Forum in Berlin.", dome(rules), rules) == 0
    assert cue_score("Destabilizing, the Golden Dome may yet prove.", dome(rules), rules) < 0


def test_a_sentence_naming_no_target_has_an_empty_target():
    table = sentence_table(articles(a="The weather was destabilizing. The Golden Dome is a deterrent."), BOOK)
    assert table["target"].tolist() == ["", "dome"]
    assert table.loc[0, "cue_score"] == 0 and table.loc[0, "n_cues"] == 0


def test_together_pairs_name_a_target():
    table = sentence_table(articles(a="Tokyo will invest in the plan. Tokyo slept."), BOOK)
    assert table["target"].tolist() == ["japan", ""]


def test_quoted_and_own_voice_are_scored_apart_and_the_own_voice_decides():
    text = 'The Golden Dome is an impenetrable shield. "The Golden Dome will cause an arms race," Roe said.'
    sentences = sentence_table(articles(a=text), BOOK)
    assert sentences.loc[sentences["target"].eq("dome"), ["voice", "speaker"]].values.tolist() == [["own", ""], ["quoted", "Jane Roe"]]
    row = article_table(sentences, articles(a=text), BOOK).set_index("target").loc["dome"]
    assert (row["own_voice_score"], row["quoted_score"], row["score"]) == (1.0, -1.0, 1.0)
    assert (row["label"], row["n_evidence"], row["n_quoted"]) == ("supportive", 1, 1)


def test_reported_speech_is_not_own_voice():
    sentences = sentence_table(articles(a="Critics warned that the Golden Dome is destabilizing."), BOOK)
    assert sentences[["voice", "speaker"]].values.tolist() == [["reported", "critics"]]


@pytest.mark.parametrize(
    "text",
    [
        # a headline's speaker after a comma, with no article before it and a word that says which body it is
        "The Golden Dome is destabilizing, interior ministry warns",
        "The Golden Dome is destabilizing, foreign ministry says.",
        # (a role whose first word is lowercase stays whole: "budget office", not "office" qualified by "budget")
        "The Golden Dome is destabilizing, budget office says.",
    ],
)
def test_an_unnamed_body_after_a_comma_with_no_article_reports_what_comes_before(text):
    sentences = sentence_table(articles(a=text), BOOK)
    assert sentences["voice"].tolist() == ["reported"]


def test_a_document_whose_author_is_no_body_still_reports_its_words():
    text = (
        "At a summit in Minsk, Russia and Belarus condemned the Golden Dome. The statement also faulted Washington for"
        " quitting a treaty and warned that the Golden Dome is destabilizing."
    )
    sentences = sentence_table(articles(a=text), BOOK)
    assert sentences["voice"].tolist()[-1] == "reported"


def test_an_article_that_never_names_a_target_says_not_discussed():
    arts = articles(a="It rained in Osaka. Nothing else happened.", b="The Golden Dome is a deterrent and win-win.")
    table = article_table(sentence_table(arts, BOOK), arts, BOOK)
    assert list(table.columns) == STANCE_COLUMNS
    empty = table[table["article_id"].eq("a")]
    assert empty["label"].eq("not discussed").all() and empty["n_evidence"].eq(0).all() and empty["mentions"].eq(0).all()
    assert empty[["score", "ci_low", "ci_high", "own_voice_score", "quoted_score"]].isna().all().all()
    assert table.set_index(["article_id", "target"]).loc[("b", "dome"), "label"] == "supportive"


def test_too_little_evidence_is_neutral():
    book = BOOK | {"stance": BOOK["stance"] | {"thresholds": {"supportive": 0.2, "critical": -0.2, "min_evidence": 2}}}
    arts = articles(a="The Golden Dome is a deterrent.")
    row = article_table(sentence_table(arts, book), arts, book).iloc[0]
    assert (row["score"], row["label"], row["n_evidence"]) == (1.0, "neutral", 1)


def test_bootstrap_interval_contains_the_score_and_is_reproducible():
    values = pd.Series([1.0, -0.5, 0.5, -1.0, 1.0, 0.5]).to_numpy()
    first, again = bootstrap_ci(values, "a/dome"), bootstrap_ci(values, "a/dome")
    assert first == again
    assert first[0] <= values.mean() <= first[1]
    assert all(math.isnan(x) for x in bootstrap_ci(values[:0], "a"))


def test_cohen_kappa_on_a_hand_computed_example():
    # observed 3/4; chance (2/4)(1/4) + (1/4)(2/4) + (1/4)(1/4) = 5/16; kappa = (12/16 - 5/16) / (11/16) = 7/11
    auto = ["supportive", "supportive", "neutral", "critical"]
    analyst = ["supportive", "neutral", "neutral", "critical"]
    assert cohen_kappa(auto, analyst) == pytest.approx(7 / 11)
    assert cohen_kappa(auto, auto) == 1.0
    with pytest.raises(ValueError):
        cohen_kappa([], [])


def test_agreement_table_and_summary():
    stance = pd.DataFrame(
        {"file": ["a", "b"], "target": ["t", "t"], "label": ["neutral", "critical"], "score": [0.0, -1.0], "n_evidence": [0, 2]}
    )
    coding = pd.DataFrame({"file": ["a", "b"], "target": ["t", "t"], "label": ["neutral", "supportive"], "rationale": ["", ""]})
    summary = agreement(agreement_table(stance, coding))
    assert summary["n"] == 2 and summary["percent"] == 50.0


@pytest.fixture(scope="module")
def seed_tables():
    return stance_tables(load_corpus(RAW_DIR).articles, load_codebook())


def test_seeds_have_labels_and_intervals_for_both_targets(seed_tables):
    stance = seed_tables["stance.csv"]
    assert len(stance) == 10 and set(stance["target"]) == {"golden_dome", "japan_participation"}
    assert stance["label"].isin(["supportive", "neutral", "critical"]).all()  # every seed discusses both targets
    scored = stance[stance["n_evidence"].gt(0)]
    assert (scored["ci_low"] <= scored["score"]).all() and (scored["score"] <= scored["ci_high"]).all()
    assert scored["score"].between(-1, 1).all() and stance["confidence"].between(0, 1).all()


def test_seed_evidence_has_at_most_three_sentences_each(seed_tables):
    evidence = seed_tables["stance_evidence.csv"]
    assert evidence.groupby(["article_id", "target"]).size().le(3).all()
    assert evidence["rank"].min() == 1


def test_evidence_tone_is_the_tone_of_the_sentence_table(seed_tables):
    # stance_tables asks VADER only about the evidence it shows; the tone must be what every sentence gets.
    sentences = sentence_table(load_corpus(RAW_DIR).articles, load_codebook())
    evidence = seed_tables["stance_evidence.csv"]
    keys = ["article_id", "sentence_id", "target", "voice"]
    both = evidence.merge(sentences[[*keys, "tone"]], on=keys, suffixes=("", "_all"), validate="one_to_one")
    assert len(both) == len(evidence) and both["tone"].eq(both["tone_all"]).all()


@pytest.mark.parametrize(
    "texts",
    [
        {"a": "The Golden Dome may be a deterrent. Tokyo will invest in it, not in an arms race.", "b": "It rained.", "c": ""},
        {"a": "It rained in Osaka.", "b": "Nothing happened."},  # no evidence at all
    ],
)
def test_stance_tables_read_only_the_evidence_but_give_the_tables_of_every_sentence(texts):
    arts = articles(**texts)
    tables, sentences = stance_tables(arts, BOOK), sentence_table(arts, BOOK, tone=False)
    stance = article_table(sentences, arts, BOOK)
    pd.testing.assert_frame_equal(tables["stance.csv"], stance)
    pd.testing.assert_frame_equal(tables["stance_evidence.csv"], with_tone(evidence_table(sentences, stance)))


def test_article_intervals_are_each_samples_bootstrap_interval():
    # article_table draws every interval at once; each must be what bootstrap_ci gives its sample alone.
    arts = articles(a="The Golden Dome is a deterrent. The shield is a boondoggle. The shield may be win-win.", b="The shield is win-win.")
    table = article_table(sentence_table(arts, BOOK, tone=False), arts, BOOK).set_index(["article_id", "target"])
    for article_id, values in {"a": [1.0, -1.0, 0.5], "b": [1.0]}.items():
        row = table.loc[(article_id, "dome")]
        assert (row["ci_low"], row["ci_high"]) == bootstrap_ci(np.array(values), f"{article_id}/dome")


# Sentences that reach every branch of VADER's negation and idiom checks: a negation one, two and three words before a
# sentiment word, "never so", "without doubt", idioms before and after the word, boosters, "least", "but", capitals,
# a sentiment word first, second and third in the sentence; emoji, alone and in text, and white space around.
VADER_CASES = [
    "Good.",
    "Not good.",
    "It is not good at all.",
    "It isn't really that good, but the plan is great.",
    "They were never so happy with the deal.",
    "This is never this bad, without doubt a success.",
    "Without doubt the deal is good.",
    "Without a doubt, the shield is a good idea.",
    "The new shield is the bomb, and it will cut the mustard.",
    "It is kind of good and sort of useful.",
    "The least bad option is at least acceptable, and very least welcome.",
    "The plan is NOT GOOD, said the very angry minister, who was not at all happy.",
    "No good option is left, no one is happy, and neither nor is fine.",
    "Hardly anyone thinks the shield is a great idea, nor a terrible one 😀.",
    "Happy happy joy.",
    "Critics called the whole plan a kiss of death for the treaty.",
    "Some in Tokyo call it a deal to die for.",
    "It is sort of a good idea.",
    "☺️",
    "A great 👶🏻 baby step.",
    "  Spaced  out, but fine.  ",
    "",
]


def test_tone_is_vaders_compound_score_of_each_sentence():
    sentences = VADER_CASES + [s.text for text in load_corpus(RAW_DIR).articles["text"] for s in split_sentences(text)]
    table = pd.DataFrame({"article_id": "a", "sentence_id": range(len(sentences)), "sentence": sentences, "tone": float("nan")})
    vader = SentimentIntensityAnalyzer()
    assert with_tone(table)["tone"].tolist() == [vader.polarity_scores(s)["compound"] for s in sentences]
    # The cases reach VADER's checks: without the negation check, scores change.
    assert vader.polarity_scores("It is not good at all.")["compound"] < 0 < vader.polarity_scores("Good.")["compound"]


def test_intervals_drawn_block_by_block_are_each_samples_interval(monkeypatch):
    monkeypatch.setattr(stance, "BOOTSTRAP_BLOCK", 2)
    values = [[1.0, -1.0], [], [0.5], [1.0, 0.5, -0.5], [-1.0, 0.0]]
    samples = [(np.array(v, dtype=float), f"a{n}/dome") for n, v in enumerate(values)]
    intervals = stance._bootstrap_cis(samples, SEED)
    assert all(math.isnan(bound) for bound in intervals[1])
    assert [interval for n, interval in enumerate(intervals) if n != 1] == [bootstrap_ci(v, key) for v, key in samples if len(v)]


def test_a_sentence_naming_another_programme_and_no_target_is_not_about_the_main_one():
    book = {"stance": {**BOOK["stance"], "targets": {"dome": {**BOOK["stance"]["targets"]["dome"], "implicit": True}}}}
    text = "The Golden Dome was unveiled on Monday. The old Nike Zeus effort was a boondoggle. It is a boondoggle."
    plain = sentence_table(articles(a=text), book)
    assert plain["target"].tolist() == ["dome", "dome", "dome"]
    book["stance"]["targets"]["dome"]["elsewhere"] = ["Nike Zeus"]
    apart = sentence_table(articles(a=text), book)
    assert apart["target"].tolist() == ["dome", "", "dome"]
    assert apart.loc[1, "n_cues"] == 0  # its cue judges the other programme


def test_an_article_whose_headline_alone_names_the_target_discusses_it():
    book = copy.deepcopy(BOOK)
    book["stance"]["targets"]["dome"]["implicit"] = True
    arts = articles(a="The budget office says the plan is a boondoggle. Its price keeps climbing.").assign(
        title="Golden Dome could cost far more than promised"
    )
    row = stance_tables(arts, book)["stance.csv"].set_index("target").loc["dome"]
    assert row["label"] == "critical" and row["mentions"] == 1
    # ... and without the headline it is not discussed
    row = stance_tables(arts.assign(title=""), book)["stance.csv"].set_index("target").loc["dome"]
    assert row["label"] == "not discussed"
