"""Fact-level reuse on hand-made texts: facts read the same however they are written, a rewrite in other words aligns
them in order, and an independent report of the same event does not."""

from __future__ import annotations

import pandas as pd
import pytest

from mediabrief import facts, lineage

# Three reports written for these tests: a wire story, a sentence-by-sentence rewrite of it (new wording, the same
# facts in the same order, one amount restated), and an independent report of the same event (its own officials,
# quotations and order, sharing only the event's headline facts).
WIRE = (
    "OSLO, March 3 (Fjord Wire) - Norway's government said on Monday that it would buy 14 coastal radar stations from "
    "Helvik Systems for $2.4 billion, the largest order in the company's history. "
    "Defence Minister Ingrid Solberg told reporters the stations would be finished by 2031. "
    '"Our coast is long and our neighbours are watchful," Solberg said. '
    "Helvik chief executive Tor Aasen said the first station would be built at Vardø in 2027. "
    "The order follows a 2024 review by the Norwegian Audit Office that found 37% of the existing radars were past their service life."
)
REWRITE = (
    "Norway will spend US$2.4bn on 14 radar stations along its coast, supplied by Helvik Systems, the government "
    "announced Monday, in what is the biggest contract the firm has won. "
    "The network is due to be completed by 2031, according to Ingrid Solberg, the defence minister. "
    '"Our coast is long and our neighbours are watchful," she added. '
    "Vardø gets the first station in 2027, said Tor Aasen, who runs Helvik. "
    "A Norwegian Audit Office review in 2024 had judged 37% of the current radars too old to keep."
)
INDEPENDENT = (
    "Helvik Systems shares rose 6% on Tuesday after Norway chose the firm for a coastal radar programme. "
    'Analyst Mette Lunde of Kvarven Securities called it "a decade of work in one signature." '
    "Parliament's defence committee chair, Arne Bakke, said lawmakers would question the price when the budget comes up in June. "
    "Norway's government has put the order at $2.4 billion. "
    '"We will ask whether one supplier should hold the whole coast," Bakke said.'
)
UNRELATED = "The city council approved a new bus timetable on Friday. Riders will see 12 more buses at peak hours from April 6."


def corpus(**texts: str) -> pd.DataFrame:
    n = len(texts)
    return pd.DataFrame(
        {
            "article_id": [f"{i:03d}" for i in range(n)],
            "file": [f"{name}.txt" for name in texts],
            "outlet": list(texts),
            "published": pd.date_range("2026-03-03", periods=n),
            "text": list(texts.values()),
        }
    )


@pytest.mark.parametrize("written", ["$175 billion", "US$175bn", "175bn dollars", "$175,000 million", "175 billion"])
def test_an_amount_is_one_fact_however_written(written):
    keys = [f.key for f in facts.article_facts(f"The shield would cost {written}, officials said.") if f.kind == "amount"]
    assert keys == ["amount:175000000000"]


def test_a_range_gives_both_ends_and_dates_read_alike():
    assert [f.key for f in facts.article_facts("It could run $161bn–$542bn.")] == ["amount:161000000000", "amount:542000000000"]
    assert [f.key for f in facts.article_facts("Talks resumed on 20 May.")] == [f.key for f in facts.article_facts("Talks resumed May 20.")]


def test_names_lose_their_titles_and_a_surname_is_the_full_name():
    wire, rewrite = facts.corpus_facts(["Defence Minister Ingrid Solberg spoke.", "Later, Solberg spoke again."])
    assert [f.key for f in wire] == ["name:ingrid solberg"] and [f.key for f in rewrite] == ["name:ingrid solberg"]


def test_sentence_openers_are_not_names_but_known_names_are():
    keys = [f.key for f in facts.corpus_facts(["Critics doubt the plan. Solberg spoke. Later Solberg left."])[0]]
    assert keys == ["name:solberg"]


def test_quotations_are_facts_by_their_first_words():
    found = facts.article_facts('"Our coast is long and our neighbours are watchful," she added. "Yes."')
    assert [f.key for f in found] == ["quotation:our coast is long and our"]


def test_alignment_keeps_order_and_counts_the_longest_run():
    # One fact per sentence: "a" and "b" swap sentences, "e" is missing from b.
    a = [facts.Fact(k, "name", k, i, sentence=i) for i, k in enumerate("abcdef")]
    b = [facts.Fact(k, "name", k, i, sentence=i) for i, k in enumerate("bacdxf")]
    assert [x.key for x, _ in facts.align_facts(a, b).pairs] in (list("acdf"), list("bcdf"))
    # Facts of one sentence may come in any order: a rewrite words the sentence its own way.
    merged = [facts.Fact(k, "name", k, i, sentence=0) for i, k in enumerate("bacd")]
    assert [x.key for x, _ in facts.align_facts(a[:4], merged).pairs] == list("abcd")


def test_a_rewrite_in_other_words_aligns_its_facts_and_says_which():
    found = facts.corpus_facts([WIRE, REWRITE, INDEPENDENT, UNRELATED])
    weights, distinctive = facts.fact_weights(found), facts.distinctive_keys(found)
    rewrite = facts.align_facts(found[0], found[1], weights)
    assert facts.rewrite_by_facts(rewrite, distinctive)
    evidence = facts.fact_evidence(rewrite)
    assert "$2.4 billion ~ US$2.4bn" in evidence and "Tor Aasen" in evidence and "37%" in evidence
    independent = facts.align_facts(found[0], found[2], weights)
    assert not facts.rewrite_by_facts(independent, distinctive)
    assert independent.share < 0.5 < rewrite.share


def test_reuse_table_flags_the_rewrite_not_the_independent_report():
    reuse = lineage.reuse_table(corpus(wire=WIRE, rewrite=REWRITE, independent=INDEPENDENT, unrelated=UNRELATED))
    relation = reuse.set_index(["file_a", "file_b"])["relation"]
    assert relation[("wire.txt", "rewrite.txt")] == "rewrites"
    assert relation[("wire.txt", "independent.txt")] == "independent"
    assert relation[("rewrite.txt", "independent.txt")] == "independent"
    row = reuse.set_index(["file_a", "file_b"]).loc[("wire.txt", "rewrite.txt")]
    assert "facts in the same order" in row["evidence"] and row["facts_aligned"] >= facts.FACT_MIN_ALIGNED
    assert list(lineage.reuse_facts(reuse).columns) == lineage.FACT_COLUMNS


def test_rare_facts_shortlist_the_rewrite_in_a_corpus_above_the_all_pairs_limit():
    filler = {f"other{i}": f"{UNRELATED} Item {i} of {100 + i} was read by Clerk Number{i}." for i in range(8)}
    texts = corpus(wire=WIRE, **filler, rewrite=REWRITE)
    assert (0, 9) in facts.fact_candidate_pairs(facts.corpus_facts(texts["text"]))
    reuse = lineage.reuse_table(texts, all_pairs_limit=3, k=1)
    assert reuse.set_index(["file_a", "file_b"]).loc[("wire.txt", "rewrite.txt"), "relation"] == "rewrites"


def test_a_stock_phrase_of_figures_is_not_quoting():
    a = "Budget experts say the layer could cost 161 billion to 542 billion over 20 years in all. Nothing else is alike here."
    b = "A separate review found it could cost 161 billion to 542 billion over 20 years too. Weather was mild on the coast."
    reuse = lineage.reuse_table(corpus(a=a, b=b))
    assert reuse["verbatim_words"].iloc[0] >= lineage.MIN_VERBATIM_WORDS and reuse["relation"].iloc[0] == "independent"
