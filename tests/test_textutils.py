import pandas as pd

from mediabrief.textutils import article_sentences, count_words, split_sentences, words


def test_words_keep_abbreviations_contractions_and_numbers():
    assert words("U.S. officials don't expect $1,200.5 billion") == ["U.S.", "officials", "don't", "expect", "1,200.5", "billion"]


def test_sentences_do_not_split_after_titles_or_abbreviations():
    text = "U.S. Space Force Lt. Gen. David N. Miller Jr. said so. The U.S. and Japan agreed."
    assert [s.text for s in split_sentences(text)] == [
        "U.S. Space Force Lt. Gen. David N. Miller Jr. said so.",
        "The U.S. and Japan agreed.",
    ]


def test_sentences_split_after_closing_quotes_and_question_marks():
    text = "He said “it is done.” Was it? “Yes,” she said."
    assert [s.text for s in split_sentences(text)] == ["He said “it is done.”", "Was it?", "“Yes,” she said."]


def test_line_breaks_end_sentences_and_blank_lines_are_skipped():
    text = "Key Takeaways\n- Japan is considering support\n\nStrategic Partnership in the Making\nIt began in February."
    assert [s.text for s in split_sentences(text)] == [
        "Key Takeaways",
        "- Japan is considering support",
        "Strategic Partnership in the Making",
        "It began in February.",
    ]


def test_sentence_offsets_point_at_the_sentence():
    text = "  First one here.   Second, after spaces!\n\nThird line"
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text


def test_lowercase_after_period_is_not_a_new_sentence():
    assert len(split_sentences("It costs approx. twenty billion dollars. Fine.")) == 2


def test_empty_and_punctuation_only_texts_have_no_sentences_or_words():
    assert split_sentences("") == [] and split_sentences(" ... !!! ") == []
    assert count_words("— … —") == 0


def test_article_sentences_are_the_sentences_column_or_else_each_text_split():
    texts = pd.DataFrame({"text": ["One. Two.", "Three."]})
    assert article_sentences(texts) == [split_sentences("One. Two."), split_sentences("Three.")]
    given = texts.assign(sentences=[["given"], []])
    assert article_sentences(given) == [["given"], []]
