"""Voices: quotations and speakers (curly and straight quotes, pronouns, appositions), actors, and frames."""

from __future__ import annotations

import pandas as pd

from mediabrief.codebook import load_codebook
from mediabrief.config import RAW_DIR
from mediabrief.corpus import load_corpus
from mediabrief.voices import (
    QUOTE_COLUMNS,
    analyse_voices,
    find_actors,
    frames_table,
    quotes_table,
    voice_records,
    voice_rules,
    voices_by_article,
)

BOOK = {
    "stance": {"targets": {"dome": {"aliases": ["Golden Dome"]}}},
    "actors": [
        {"name": "Jane Roe", "type": "person", "aliases": ["Jane Roe", "Roe"]},
        {"name": "Japan", "type": "country", "aliases": ["Japan"]},
        {"name": "Japan Today", "type": "outlet", "aliases": ["Japan Today"]},
        {"name": "Reuters", "type": "outlet", "aliases": ["Reuters"]},
    ],
    "voices": {
        "verbs": ["said", "warned", "added", "urged"],
        "markers": ["according to"],
        "pronouns": ["he", "she", "She"],
        "not_after": ["with", "to"],
        "min_quote_words": 4,
    },
    "frames": {"security": ["missile", "defen"], "economics": ["tariff", "trade"]},
}


def quotes(text: str) -> list[list]:
    """The quotations (not the terms) of a text, with speaker and type."""
    found = analyse_voices(text, BOOK)[1]
    return found[found["kind"].eq("quotation")][["speaker", "speaker_type", "quote"]].values.tolist()


def test_curly_and_straight_quotes_get_their_speakers():
    assert quotes("“It will not work at all,” Roe said.") == [["Jane Roe", "person", "It will not work at all"]]
    assert quotes('Roe said: "It will not work at all."') == [["Jane Roe", "person", "It will not work at all"]]


def test_according_to_and_longest_alias():
    assert quotes("“Talks went well for both sides,” according to Japan Today.") == [
        ["Japan Today", "outlet", "Talks went well for both sides"]
    ]


def test_pronoun_goes_to_the_last_person_named():
    text = "Roe met Japan's envoy. “We will decide next year,” she said."
    assert quotes(text) == [["Jane Roe", "person", "We will decide next year"]]


def test_apposition_and_preposition_do_not_mislead():
    text = "Roe, a spokesperson for the ministry of trade, urged talks with Reuters. “Nothing is agreed yet at all,” she added."
    sentences, found = analyse_voices(text, BOOK)
    assert sentences["speaker"].tolist() == ["Jane Roe", "Jane Roe"]
    assert found["speaker"].tolist() == ["Jane Roe"]


def test_names_the_gazetteer_lacks_are_found_from_the_grammar():
    assert quotes("“The plan is far too costly,” according to John Smith.") == [["John Smith", "person", "The plan is far too costly"]]


def test_a_standalone_quote_continues_the_speaker_and_naming_quotes_are_terms():
    text = "Roe said the “Golden Dome” was coming. “It will be built by 2029 at the latest.”"
    assert quotes(text) == [["Jane Roe", "person", "It will be built by 2029 at the latest"]]
    found = analyse_voices(text, BOOK)[1]
    assert found[["quote", "kind", "speaker"]].values.tolist()[0] == ["Golden Dome", "term", ""]


def test_short_unattributed_quotes_are_terms_not_speech():
    sentences, found = analyse_voices("It was sold as a “new golden age” once.", BOOK)
    assert found["kind"].tolist() == ["term"] and sentences["voice"].tolist() == ["own"]


def test_find_actors_prefers_longer_aliases():
    assert [m.name for m in find_actors("Japan Today reported that Japan agreed.", BOOK["actors"])] == ["Japan Today", "Japan"]


def test_frame_shares_sum_to_at_most_one():
    arts = pd.DataFrame(
        {
            "article_id": ["a", "b"],
            "file": ["a.txt", "b.txt"],
            "text": ["Missile defense and tariffs. Trade talks. Rain fell.", "Nothing here."],
        }
    )
    table = frames_table(arts, BOOK)
    assert table.groupby("article_id")["share"].sum().le(1 + 1e-12).all()
    assert table.set_index(["article_id", "frame"]).loc[("a", "economics"), "n_sentences"] == 1  # tie goes to no one twice
    assert table.loc[table["article_id"].eq("b"), "share"].eq(0).all()


def test_seed_quotes():
    articles = load_corpus(RAW_DIR).articles
    table = quotes_table(articles, load_codebook()).merge(articles[["article_id", "outlet"]], on="article_id")
    assert list(table.columns[: len(QUOTE_COLUMNS)]) == QUOTE_COLUMNS
    speakers = table.groupby("outlet")["speaker"].agg(set)
    assert {"Shigeru Ishiba", "David N. Miller Jr.", "Steve Jordan Tomaszewski"} <= speakers["TIME"]
    assert {"Mao Ning", "Donald Trump"} <= speakers["Mexico Business News"]
    assert {"China", "North Korea"} <= speakers["Benzinga"]
    assert table.loc[table["quote"].str.fullmatch("Golden Dome"), "kind"].eq("term").all()
    assert table.loc[table["kind"].eq("term"), "speaker"].eq("").all()


def test_frames_from_the_voices_are_the_frames_from_the_text():
    arts = pd.DataFrame({"article_id": ["a", "b"], "file": ["a.txt", "b.txt"], "text": ["Missile defense. Tariffs and trade.\nRain.", ""]})
    pd.testing.assert_frame_equal(frames_table(arts, BOOK), frames_table(arts, BOOK, voices_by_article(arts, BOOK)))


def test_the_records_are_the_tables():
    text = "Roe met Japan's envoy. “We will decide next year,” she said.\n“Nothing is agreed yet at all.” Rain."
    sentences, found = analyse_voices(text, BOOK)
    voiced = voice_records(text, voice_rules(BOOK))
    assert sentences.values.tolist() == [list(s) for s in voiced.sentences]
    assert found.values.tolist() == [list(q) for q in voiced.quotes] and len(voiced.quotes) == 2
