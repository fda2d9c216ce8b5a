import datetime

import pytest

from mediabrief.cleaning import clean_article, credit_kind, parse_byline, parse_dateline


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Photo by Jane Roe/AP Photo", "photo or image credit"),
        ("Image via Shutterstock", "photo or image credit"),
        ("Photo: Reuters", "photo or image credit"),
        ("Protesters gather in Tokyo on May 3. (AP Photo)", "image caption and credit"),
        ("Officials meet in Washington, June 2, 2025. John Doe/Getty Images", "image caption and credit"),
        ("Disclaimer: This article was generated with AI and checked by editors.", "AI-use disclaimer"),
        ("This story was written with the help of AI tools.", "AI-use disclaimer"),
        # a link to another story, its headline after a label
        ("READ MORE: \u2018A quiet crisis\u2019: the harbour board has a plan to \u2018fix\u2019 the pier", "link to another story"),
        ("Also read: Port city unveils new ferry budget", "link to another story"),
        # ... or a line that sends the reader to another piece of the site's, whatever its length
        (
            "Don\u2019t miss our Long Read \u201cThe Harbour Nobody Wanted: Money, Tides and the Politics of Piers\u201d. It is one of"
            " the best pieces we have put out this year.",
            "link to another story",
        ),
        # ... and a label over a story the editors picked
        ("Editor's Pick", "page furniture"),
        # ... and an advertiser's line, whatever its words ("fantasy" in a game's ad is no view of the story)
        ("Sponsor:  GAMEBOX: Take your fantasy league further! Tips and Odds for Weekend Players.", "page furniture"),
        ("Advertisement|Remove ads.", "page furniture"),
        # ... and a blog's search box
        ("Search This Blog", "page furniture"),
        # (a sentence that opens with the word is text)
        ("Sponsors of the bill said it would pass easily.", None),
    ],
)
def test_credits_and_disclaimers_are_recognised(line, kind):
    assert credit_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Japan pledged more than $3 billion, according to Reuters.",
        "The Nikkei reported the talks, citing Getty Images of the meeting as evidence.",
        "Experts say artificial intelligence will change missile defense in the coming decade, and Japan knows it.",
        "Photographers were kept outside the room during the talks.",
        "Don't miss the point: the board has no money for the pier.",
        # (a label glued to a long paragraph is the paragraph's)
        "Related: the shield's budget grew again this year, and the committee, which meets every week, said it would ask the"
        " agency for every document it holds on the interceptor layer before the next vote on the bill in the autumn.",
    ],
)
def test_body_sentences_are_not_credits(line):
    assert credit_kind(line) is None


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Teresa De Alba | Jr Journalist & Industry Analyst -", "Teresa De Alba"),
        ("By Jane Doe and John Roe, Reuters", "Jane Doe and John Roe"),
        ("BY MARIA VAN DER BERG", "Maria Van Der Berg"),
    ],
)
def test_bylines_name_the_author(line, author):
    assert parse_byline(line) == author


def test_a_sentence_starting_with_by_is_not_a_byline():
    assert parse_byline("By making investments in the U.S., we will generate employment.") is None
    assert parse_byline("By then the talks had ended") is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Thu, 06/05/2025 - 14:02", datetime.date(2025, 6, 5)),
        ("June 5, 2025", datetime.date(2025, 6, 5)),
        ("5 June 2025 10:00 GMT", datetime.date(2025, 6, 5)),
        ("Published: 2025-06-05", datetime.date(2025, 6, 5)),
        ("Updated Jun. 5, 2025 at 3:15 p.m. ET", datetime.date(2025, 6, 5)),
        # a masthead's section path before the date, and the time set off by a slash
        ("World|politics|June 5, 2025 / 11:44 AM", datetime.date(2025, 6, 5)),
    ],
)
def test_datelines_give_the_date(line, expected):
    assert parse_dateline(line)[0] == expected


def test_a_date_in_words_is_not_said_to_be_read_as_month_day_year_for_a_slash_before_its_time():
    assert parse_dateline("June 5, 2025 / 11:44 AM")[1] == "dateline"
    assert parse_dateline("06/05/2025 / 11:44 AM")[1] == "dateline read as MM/DD/YYYY"


def test_impossible_or_embedded_dates_are_not_datelines():
    assert parse_dateline("Thu, 13/45/2025") is None
    assert parse_dateline("The call took place on June 5, 2025.") is None


def test_headline_byline_dateline_block_is_removed_and_read():
    raw = "Allies Weigh Shield\nBy Jane Doe\nJune 5, 2025\nThe allies met.\n"
    cleaned = clean_article(raw)
    assert cleaned.text == "The allies met."
    assert (cleaned.title, cleaned.author, cleaned.published) == ("Allies Weigh Shield", "Jane Doe", datetime.date(2025, 6, 5))
    assert [r["kind"] for r in cleaned.removed] == ["headline", "byline", "dateline"]


def test_first_line_without_byline_is_kept_unless_it_repeats_the_title():
    raw = "Key points of the day\nThe allies met.\n"
    assert clean_article(raw).text == raw.strip()
    assert clean_article(raw, known_title="Key Points of the Day").text == "The allies met."


def test_bylines_below_the_top_of_the_article_are_body_text():
    body = "\n".join(f"Paragraph {i} says something." for i in range(6)) + "\nBy Jane Doe\n"
    assert "By Jane Doe" in clean_article(body).text


def test_crlf_and_cr_line_endings_clean_the_same_as_lf():
    raw = "Image via Shutterstock\nThe allies met.\nThey agreed."
    expected = clean_article(raw).text
    assert clean_article(raw.replace("\n", "\r\n")).text == expected
    assert clean_article(raw.replace("\n", "\r")).text == expected


def test_a_short_line_standing_alone_above_the_text_is_its_headline_when_no_title_is_given():
    raw = "Shield plan stalls in committee\n\nThe allies met on Tuesday.\n\nThey agreed on nothing.\n"
    cleaned = clean_article(raw)
    assert cleaned.title == "Shield plan stalls in committee"
    assert cleaned.text == "The allies met on Tuesday.\n\nThey agreed on nothing."
    # A known title that differs keeps the line as text: the metadata is trusted, nothing is guessed.
    assert clean_article(raw, known_title="Another headline").text.startswith("Shield plan stalls")


def test_a_line_in_title_case_right_above_the_first_paragraph_is_its_headline():
    raw = "Ottawa Weighs Its Share Of The Shield As Talks Drag On\nCanada's defence minister said on Monday that talks went on.\n"
    cleaned = clean_article(raw)
    assert cleaned.title == "Ottawa Weighs Its Share Of The Shield As Talks Drag On"
    assert cleaned.text == "Canada's defence minister said on Monday that talks went on."
    # ... not a line of prose, nor a short label
    for first in ("Canada's defence minister said on Monday that talks went on", "Golden Dome Update"):
        assert clean_article(f"{first}\nThe allies met on Tuesday and agreed on nothing at all.\n").title is None


def test_a_masthead_line_ending_in_a_date_is_a_dateline():
    cleaned = clean_article("Kremlin softens line\n\nNewsPulse Now | World | May 22, 2025\n\nThe Kremlin spoke.\n")
    assert (cleaned.title, str(cleaned.published)) == ("Kremlin softens line", "2025-05-22")


def test_a_section_label_in_capitals_above_the_headline_is_not_the_headline():
    cleaned = clean_article("LETTERS TO THE EDITOR\n\nThe shield is a bad bet\n\nTo the editor:\n\nYour story was wrong.\n")
    assert cleaned.title == "The shield is a bad bet"
    assert [r["kind"] for r in cleaned.removed] == ["section label", "headline"]
    assert cleaned.text == "To the editor:\n\nYour story was wrong."


def test_a_line_of_page_furniture_between_paragraphs_is_boilerplate():
    from mediabrief.cleaning import clean_article

    cleaned = clean_article('"It will be $61 Billion Dollars," Trump said.\n\nAdvertisement\n\n"But it will be ZERO DOLLARS."')
    assert "Advertisement" not in cleaned.text and [r["kind"] for r in cleaned.removed] == ["page furniture"]


def test_a_list_and_headings_are_not_joined_as_copy_wrapped_at_a_width():
    # (lines that end without a full stop but are list items and headings, not a column cut at a printed width)
    raw = (
        "Shield costs, line by line\n\n"
        "Key points of the new estimate for the missile shield and its orbiting layer\n"
        "The sensor layer would be launched first and tested over the Pacific by 2028\n"
        "Interceptors in orbit would follow, replaced every five years at the same price\n"
        "Ground radars in Alaska and Greenland would be upgraded under existing contracts\n"
        "Congress has yet to see a schedule, a count of interceptors or a total cost\n"
        "What the budget office assumed about launch prices and the size of the fleet\n"
        "The office priced launch at a level no rocket company offers today, it said.\n"
    )
    assert clean_article(raw).text.count("\n") == raw.strip().count("\n") - 2  # only the headline and its blank line go


def test_a_sharing_widgets_label_is_page_furniture_and_no_headline():
    from mediabrief.cleaning import clean_article

    raw = " date 2026-02-03 Send this story to a friend by email\n\nThe premier spoke on Wednesday.\n\nShare on Facebook\n\nHe left."
    cleaned = clean_article(raw)
    assert cleaned.title is None and cleaned.text == "The premier spoke on Wednesday.\n\nHe left."
    assert [r["kind"] for r in cleaned.removed] == ["date header", "page furniture", "page furniture"]


def test_a_caption_ending_in_a_credit_label_is_boilerplate_not_the_headline():
    cleaned = clean_article("The new launcher on parade. Photo: State media\n\nThe premier spoke on Wednesday.\n\nHe left.")
    assert cleaned.title is None and [r["kind"] for r in cleaned.removed] == ["image caption and credit"]
    assert credit_kind("He said the photo: was staged.") is None


def test_a_skip_link_is_page_furniture():
    cleaned = clean_article("Skip to main content\nThe premier spoke on Wednesday.\n\nHe left.")
    assert cleaned.text == "The premier spoke on Wednesday.\n\nHe left." and [r["kind"] for r in cleaned.removed] == ["page furniture"]


@pytest.mark.parametrize(
    "block",
    [
        "Recommended Stories\n- Harbour board backs new pier\n- Ferry fares rise again",
        # (each item's mark on a line of its own, its title on the next)
        "Most Read News\n-\nHarbour board backs new pier\n-\nFerry fares rise again",
    ],
)
def test_a_list_of_other_stories_under_its_heading_is_removed(block):
    raw = f"The council met on Monday.\n{block}\nThe mayor said the plan would go ahead.\n"
    cleaned = clean_article(raw)
    assert cleaned.text == "The council met on Monday.\nThe mayor said the plan would go ahead."
    assert {r["kind"] for r in cleaned.removed} == {"list of other stories"}
    # ... a sentence that opens with such words is the story's
    assert clean_article("More news is expected on Monday, the mayor said.\n").text == "More news is expected on Monday, the mayor said."


@pytest.mark.parametrize(
    "furniture", ["Connect with us", "Follow us:", "Search AI Powered", "Back to news", "Untitled 2026 01 02T101010.123", "logo"]
)
def test_the_headline_is_the_first_line_past_the_furniture_above_it(furniture):
    raw = f"{furniture}\n\nHarbour Board Backs New Pier Plan\n\nThe board voted on Monday to fund the pier.\nIt was close.\n"
    cleaned = clean_article(raw)
    assert cleaned.title == "Harbour Board Backs New Pier Plan"
    assert cleaned.text == "The board voted on Monday to fund the pier.\nIt was close."
    assert [r["kind"] for r in cleaned.removed] == ["headline", "page furniture"]


def test_a_quotation_a_wrapped_column_carries_past_a_full_stop_is_one_quotation():
    # Copy wrapped at a printed width throughout: the second quotation runs over a line that ends a sentence.
    raw = (
        "Ottawa weighs the shield\n"
        "The prime minister said on Tuesday that the country was studying the plan and\n"
        "that officials had met their counterparts in Washington twice this spring, with\n"
        "more meetings planned before the summer summit in the capital, where the\n"
        "two leaders are expected to discuss radar sites in the Arctic and who would\n"
        "pay for them, a question neither side has answered in public so far.\n"
        '"We are studying it closely and the talks have been at a senior level," he said.\n'
        '"But I doubt this is something one haggles over.\n'
        "These are defence choices made in that setting, and we will weigh it on\n"
        'its merits." He added that a decision could come within months, and that\n'
        "the cabinet would be consulted before any commitment was signed by Ottawa.\n"
    )
    text = clean_article(raw).text
    assert '"But I doubt this is something one haggles over. These are defence choices' in text
