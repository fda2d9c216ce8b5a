"""Who says what: one attribution engine for quotations, figures, citations and the voice of each sentence.

Every analysis asks the same question of a stretch of an article: whose words, or whose figure, is this? This module
answers it once per article, from the grammar of the text rather than from a list of known actors:

1. **People and bodies** are found as runs of capitalised words ("Kremlin spokesman Dmitry Peskov", "Sen. Jeff
   Merkley", "Taxpayers for Common Sense", "the Congressional Budget Office (CBO)"), their titles split off ("Kremlin
   spokesman", "Sen.") and typed by their words (an "Office" is an organisation, a "News" or "Times" an outlet, two
   plain capitalised words a person). The codebook's gazetteer (``actors``) adds aliases and types; it is not the limit
   of what can be found. Within an article, "Peskov" is the Dmitry Peskov named before, "CBO" the Congressional
   Budget Office, "the spokesman" the last person so titled, "he" the last person named, "the agency" the last body.
2. **Attributions** are the subjects of reporting and estimating verbs ("X said", "said X", "X, a policy analyst at Y,
   told Z", "X estimates"), "according to X", and a group's voice ("critics say"). "X told Y" and "Y reported" credit
   an outlet Y, kept apart from the speaker: the outlet relays, the speaker owns the words. A list of speakers of one
   kind that opens its clause ("Russia and China said", "Sens. Warren and Duckworth wrote") is one voice.
3. **Quotations** get the attribution of their own sentence (the verb nearest to them), else of the next sentence
   ("…" he wrote on Truth Social.), else of a previous sentence ending with a colon, else the speaker of the quotation
   they continue. A name, a title or a scare-quoted phrase in quotation marks is a **term**, not speech: title case
   ("Iron Dome for America"), a naming word before it ("dubbed", "so-called", "known as"), a target's own name, or a
   short phrase that nobody is said to have said.
4. **Any span** (an amount, a claim) is given to the speaker of the quotation it sits in, else to the attribution of
   its sentence nearest to it (a non-outlet first: "Defense One reported that the CBO estimates $X": the CBO's figure,
   relayed by Defense One), else to nobody: the outlet's own statement.

The English grammar (verbs, markers, titles, role words, group words) is data, in the codebook's ``voices`` section.
It is patterns, not a parser, so it fails where patterns do: a speaker named only far from the verb, a pronoun whose
referent is not the last person named, a name written in lower case. Those cases come out unattributed, not guessed.
"""

from __future__ import annotations

import bisect
import collections
import csv
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from typing import NamedTuple

from .phrases import alternation as _alternation
from .phrases import normalise
from .textutils import Sentence, split_sentences

# --- What is found -------------------------------------------------------------------------------------------------


class Entity(NamedTuple):
    """A person or body an article names, as one: its display name, type, titles and roles seen with it."""

    name: str
    type: str  # person, organisation, outlet, country, group, unknown


class Mention(NamedTuple):
    """Where an article names an entity (or stands for one: a pronoun, "the spokesman"), and which one."""

    start: int
    end: int
    entity: int  # index into Analysis.entities; -1 while unresolved
    kind: str  # name, pronoun, role, group


class Attribution(NamedTuple):
    """One attribution in a sentence: who (an entity), through which cue, and where the cue is."""

    position: int  # where the verb or marker is
    entity: int
    how: str  # before, after, according to, told, reported
    outlet: int  # an outlet credited in the same attribution ("told Reuters"), -1 if none
    subject: int = -1  # where the speaker is named (or the marker starts)


class Quotation(NamedTuple):
    """A span in quotation marks: its words, kind (quotation or term), speaker and how the speaker was found."""

    start: int
    end: int
    text: str
    kind: str
    entity: int
    how: str
    first: int  # the first and last sentence it spans
    last: int


class Analysis(NamedTuple):
    """One article read for attribution: its entities, mentions, sentences, each sentence's attributions, its quotes."""

    text: str
    entities: list[Entity]
    mentions: list[Mention]
    sentences: list[Sentence]
    attributions: list[list[Attribution]]
    quotations: list[Quotation]

    def name(self, entity: int) -> str:
        """The display name of an entity ("" for none)."""
        return self.entities[entity].name if entity >= 0 else ""

    def type(self, entity: int) -> str:
        """The type of an entity ("" for none)."""
        return self.entities[entity].type if entity >= 0 else ""


class Owner(NamedTuple):
    """Who a span of an article is given to, how, and the outlet that relays it (if any)."""

    name: str
    type: str
    how: str
    relayed_by: str


# --- The grammar, compiled from the codebook ----------------------------------------------------------------------

# Double quotes, curly or straight, within a paragraph; and curly single quotes used as quotation marks (British
# style): an opening ‘ after a non-letter, a closing ’ before a non-letter, so "Japan’s" is never a quotation mark.
# Straight single quotation marks (plain-text feeds of British and Australian outlets): a short capitalised span, a
# longer one that closes with its punctuation ('It will take focus and prioritisation,' said …), contractions inside,
# or a short phrase in lower case with no apostrophe in it ("accusing it of a 'strong offensive nature'").
# Pairs a page's software mixed up, a curly opening closed by a straight mark ("“We are looking at it." Then …") or the
# other way round ('“…," he said. "And …”': the curly pair does not span the narration between), are quotations too,
# where the curly pair does not close within the paragraph; so is a paragraph a quotation runs on from, left open
# because the next paragraph reopens it (the convention for a quotation over several paragraphs), where it opens a
# paragraph or a sentence and ends a sentence.
# An excerpt cut off in the middle of a word ("… it just hasn’t been applie") cuts off the quotation it was in: an opening
# mark whose paragraph ends in a word in lower case, with no closing mark, is a quotation up to the cut (a heading run
# into the paragraph, "… all along. Key Takeaways", ends in a capital). So is a quotation opened within a sentence
# that the sentence's end, closing the paragraph, leaves unclosed ("As X explains, radars there “give a view
# over the pole.").
# Words of narration that a quotation left open never holds (a stray mark, not a quotation over paragraphs).
_NARRATION = r"\b(?:said|says|stated|told|wrote|added|according)\b"
QUOTE_RE = re.compile(
    rf"“((?:[^“”\n\"]|\"(?![ \t]*(?:\w+[ \t]+){{0,2}}{_NARRATION}))+)”|“([^“”\"\n]+)\""
    rf"|(?:(?<=^)|(?<=\n)|(?<=[.:] ))“((?:(?!{_NARRATION})[^“”\n])+?[.?!,])[ \t]*(?=\n[ \t]*\n?[ \t]*“)|\"([^\"\n]+)\"|\"([^\"“”\n]+)”"
    rf"|(?:(?<=^)|(?<=\n)|(?<=[.:] ))\"((?:(?!{_NARRATION})[^\"\n])+?[.?!,])[ \t]*(?=\n[ \t]*\n?[ \t]*\")"
    r"|(?<![\w‘])‘([^‘\n]+?)’(?![\w’])|(?<![\w‘])‘([^‘’'\n]+?)'(?![\w'’])"
    r"|(?<![\w'])'([A-Z][^'\n]{1,80}?|[A-Za-z](?:[^'\n]|'(?=[a-z]))+?[,.?!][\"”]?|[a-z][^'\n]{2,100}?[a-z])'(?![\w'])"
    # ... and one whose closing mark a page's lost paragraph break glued to the next sentence: "… all made in the
    # USA.'Trump said that …"
    r"|(?<![\w'])'([A-Z](?:[^'\n]|(?<=[A-Za-z])'(?=[a-z]))+?[.?!])'(?=[A-Z])"
    r"|(?<!\S)“([^“”\n]*\s[a-z](?:[^\s“”]*[^\W\d_])?)(?=[ \t]*(?:\n|\Z))|(?<!\S)\"([^\"\n]*\s[a-z](?:[^\s\"]*[^\W\d_])?)(?=[ \t]*(?:\n|\Z))"
    r"|(?<=[\w,]\s)“((?:[^“”\n.?!]|[.?!](?=\S))*[^\W\d_][.?!])(?=[ \t]*(?:\n|\Z))"
    r"|(?<!\S)'([^'\n]*\s[a-z](?:[^\s']*[^\W\d_])?)(?=[ \t]*(?:\n|\Z))"
    # a straight single mark closed by a double one, as some re-typed pages write them: "slammed it as the 'largest
    # arms-buildup plan in history."" (no single mark inside, so "rock 'n' roll" is none)
    r"|(?<![\w'])'([A-Za-z][^'\"“”\n]{2,300}?[\w.,?!])\"(?![\w\"])"
    # a curly pair that a line break cuts, the page's extraction having split one paragraph in two ("“We must look at the
    # details first. / Nothing has been published about it so far,” he said."): no other mark between
    r"|“([^“”\"\n]+(?:\n[ \t]*\n?[^“”\"\n]+){1,2}?)”"
    # a paragraph that opens a quotation and ends a sentence, never closed, where no paragraph reopens it: a passage
    # quoted in a press review ("… Mirzayan writes: / “When it comes to missiles, … cannot keep up.")
    rf"|(?:(?<=^)|(?<=\n))“((?:(?!{_NARRATION})[^“”\"\n])+?[.?!])[ \t]*(?=\n|\Z)"
    # ... and so is a straight single mark opening a sentence after one, that the paragraph's end leaves unclosed (an
    # excerpt cut there: "'Space is now a frontline …,' he said. 'To obtain control … capabilities." at its end)
    r"|(?<=[.!?] )'([A-Z](?:[^'\n]|(?<=[A-Za-z])'(?=[a-z])){10,}?[.!?])[ \t]*(?=\n|\Z)"
    # ... and a paragraph whose opening mark the page lost, closed and credited: "We have chosen a design …,” said the
    # president." (no other mark in it)
    r"|(?:(?<=^)|(?<=\n))([A-Z][^“”\"\n]{20,}?[,.?!])”(?=[ \t]+(?:(?:the|a|an)\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}?"
    r"(?:said|says|added|explained|continued|noted|wrote|argued|warned|told|declared|insisted)\b)"
    # a straight single mark opening a paragraph with a space after it, as some pages set it: "' Once built, it will …,'"
    r"|(?:(?<=^)|(?<=\n))'[ \t]([A-Z](?:[^'\n]|(?<=[A-Za-z])'(?=[a-z])){10,}?[,.?!])'(?![\w'])"
    # acute accents some pages type as quotation marks: "a promise to ´build a shield over the country´"
    r"|(?<![\w´])´([^´\n]{2,200}?)´(?![\w´])"
    # a quotation closed with an opening mark by mistake, a credit after it: '“North Alabama has led the way,“ continued Strong.'
    r"|“([^“”\"\n]{5,}?[,.?!])“(?=[ \t]+(?:said|says|continued|added|explained|noted|told|wrote|[A-Z]))"
    # a quotation opened with a closing mark by mistake: '”I am impressed by the industry,” Saltzman said.'
    r"|(?<![\w”])”([A-Z][^“”\"\n]{5,}?[,.?!])”(?=\s)"
    # a quotation opened inside a paragraph and never closed before the text ends: the excerpt cut it ('Cramer said: “Our
    # adversaries have built … Our bill backs the president's order.' at the end), after a sentence or a comma ("“When
    # you have an ally like this, it can be done," at the end)
    rf"|(?<=\s)“((?:(?!{_NARRATION})[^“”\"\n])+?[.?!,;])[ \t]*(?=\s*\Z)"
)
# A capitalised word of a name, with a romanised given name's second syllable ("Kim Yo-jong", "Lee Jae-myung").
_CAP = (
    r"(?:St\.|[A-Z]['’][A-Z][a-z]+|[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)*(?:-(?!(?:based|made|led|owned|style|wide|backed|born|run|type|like|class|"
    r"level|scale|era|area|bound|free|only|first|up|in|out|on|off|to)\b)[a-z]{1,6}(?![\w-]))?|[A-Z][a-z]*[A-Z][A-Za-z]*|[A-Z]\.(?:[A-Z]\.)*|[A-Z]{2,}(?:-[A-Z0-9]+)?)"
)
_CONNECT = r"(?:of|for|on|and|the|de|da|del|van|von|der|al|bin|le|la|du|&)"
# A day never continues a name ("President Trump Tuesday said"), nor does a month after "on" or "in" ("the Canadian
# Broadcasting Corporation on Tuesday", "the Council on Foreign Relations in June").
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
NAME_RE = re.compile(
    rf"(?<![\w'’.-]){_CAP}(?:(?:[ \t]+|[ \t]*-[ \t]*|–)(?:(?:{_CONNECT}[ \t]+){{1,2}}(?!{_DAY}|{_MONTH})|(?!{_DAY})){_CAP})*"
    rf"(?:,?[ \t]+Jr\.|[ \t]+Sr\.)?(?![\w])"
)
_POSSESSIVE_RE = re.compile(r"['’]s?(?!\w)")
_ACRONYM_AFTER_RE = re.compile(r"[ \t]*\(([A-Z][A-Za-z&.]{1,9})\)")  # not across a line: "Title\n(MENAFN) …" is a wire credit
_WORD_RE = re.compile(r"[\w'’.-]+")
# Titles written abbreviated before a name ("Gen. Michael Guetlein"), whose full stop ends no clause.
TITLE_ABBREVIATIONS = ("Gen", "Sen", "Rep", "Gov", "Adm", "Col", "Lt", "Dr", "Mr", "Mrs", "Ms", "Maj", "Capt", "Sgt", "Cmdr", "Amb")
# A second verb of the same subject: "… and said", "… and has requested", "… and later told".
_SECOND_VERB_RE = re.compile(r"\b(?:and|but)\s+(?:(?:has|have|had|also|then|later|since|has\s+since|would|will|[a-z]+ly)\s+){0,2}$")
# A modal or a form of "be" between a body and a second verb: what it should do, or what it is, says no figure of its own.
_MODAL_OR_COPULA_RE = re.compile(r"\b(?:should|must|could|would|may|might|will|can|is|was|are|were)\b")
# After "citing": a thing from somewhere, not a source ("citing threats from North Korea", "citing concerns over
# China"); a report, study or figures from a body are the body's ("citing a report from the CBO").
_PARTICIPLE_RE = re.compile(r"\w+ing\b")
# An unnamed source, as its description names it: "U.S. official familiar with the program", "a senior aide".
_UNNAMED_SOURCE_RE = re.compile(r"(?i)\b(?:officials?|sources?|insiders?|aides?|diplomats?|people|person)\b")
# A verb of speech denied: "has not responded", "did not immediately comment", "declined to say", "never said".
# ... or not yet: "has yet to say", "is expected to announce", "without saying". (Lineage reads its markers with them.)
_NOT_DONE = r"not|never|n['’]t|declined\s+to|refused\s+to|yet\s+to|without"
_EXPECTED = r"(?:expected|set|scheduled|due)\s+to"
_INTENDED = r"(?:plans?|planning|hopes?|hoping|aims?|aiming|intends?|intending)\s+to"
NEGATED_SPEECH_RE = re.compile(rf"\b(?:{_NOT_DONE}|{_EXPECTED}|{_INTENDED})\s+(?:(?:yet|immediately|publicly|officially|formally)\s+)?$")
# ... of a verb that gives a figure, a denial or another's expectation ("the Pentagon is expected to request $17.5
# billion"), not the subject's own intent: "Tokyo plans to spend $1 billion" is Tokyo's plan.
NEGATED_RE = re.compile(rf"\b(?:{_NOT_DONE}|{_EXPECTED})\s+(?:(?:yet|immediately|publicly|officially|formally)\s+)?$")
# ... or its object nothing: "has said little", "said nothing".
SAID_NOTHING_RE = re.compile(r"(?i)\s+(?:(?:next\s+to|almost|very)\s+)?(?:little|nothing)\b")
# A phrase of time or place that opens a sentence, in commas: "Back on May 6, ", "Last week, ", "In Ottawa, ".
_FRONTED_PHRASE_RE = re.compile(
    r"^\W*(?:Back|Last|This|Earlier|Later|Then|Meanwhile|Separately|Previously|On|In|At|During|After|Since|When|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?)\b[^,.;:“”\"]{0,40},\s*"
)
# A sentence that sets a speaker's words against what prompted them: its speaker is not the one "he" goes back to.
_BACKGROUND_RE = re.compile(
    r"\W*(?:The|His|Her|Their|Those|These|Such)\s+(?:[\w-]+\s+){0,2}(?:remarks?|comments?|statements?|words|warnings?|"
    r"criticism|response)\s+(?:came|come|followed|follow|were\s+made|was\s+made)\b"
)
# A unit after a name that "per" stands before: "per SBI satellite", "per Patriot interceptor".
_PER_UNIT_AFTER_RE = re.compile(r"\s+(?:satellite|interceptor|missile|kilogram|unit|launch|launcher|battery|ship|shot|round)s?\b")
_CITED_THING_RE = re.compile(
    r"(?!.*\b(?:reports?|stud(?:y|ies)|analys[ie]s|data|figures|estimates?|documents?|statements?|sources?|officials?|people|"
    r"persons?|briefings?|testimony|letters?|papers?|surveys?|polls?|values|numbers|projections?|presentations?|memos?|slides|tables|filings?|"
    # (a release, a note, an article or a notice by a body is a source too: "according to a notice posted by the Army")
    r"releases?|notes?|articles?|notices?|readouts?|assessments?|overviews?|transcripts?|websites?)\b)"
    r"\s+(?:[a-z-]+\s+){1,4}(?:from|over|about|in|of|on|against|by)\s+(?:the\s+)?$"
)
# A conjunction that opens a clause of its own inside a sentence (not "and", "or", "with": unlike _NEW_CLAUSE_RE's
# words, these never join two sources, "according to Reuters and the Los Angeles Times").
_CLAUSE_CONJUNCTION_RE = re.compile(r"\b(?:because|while|although|though|whereas|unless|until|since|when|where|if|but)\b")
# (not the full stop of an initial: "according to U.S. Army Gen. Jane Roe")
_CLAUSE_END_RE = re.compile(r"[;:!?“”\"]|,\s|" + "".join(rf"(?<!\b{a})" for a in TITLE_ABBREVIATIONS) + r"(?<!\b[A-Z])\.(?=\s|$)|$")
# Function words that start a sentence in capitals and are not part of the name that follows: "But Trump said".
LEADING_STOP = frozenset(
    """a an the but and or so yet still also even if as since under over this that these those it its he she they we i
    our his her their my your some many most both each not no now then there here what why how who when where while
    after before with without for from in on at by to of meanwhile however although though because until unless last
    next earlier later today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december according asked speaking writing
    instead indeed moreover furthermore finally first second third one two three just only once despite among
    is are was were does did could would should has have had why""".split()
)
ORG_WORDS = frozenset(
    """office agency administration department ministry committee council institute institution foundation center
    centre association corporation corp. corp inc. inc company co. group party force command university bureau
    commission service senate house congress pentagon kremlin laboratories laboratory lab labs systems technologies
    industries aerospace dynamics budget society union forum fund bank board coalition alliance nato academy
    taxpayers scientists endowment secretariat parliament cabinet government army navy marines guard directorate
    authority program programme initiative project court police federation organization organisation college chamber forces
    securities capital partners advisors advisers consulting analytics holdings investments nations""".split()
)
OUTLET_WORDS = frozenset(
    """news times post journal daily press herald tribune gazette magazine review wire broadcasting radio television tv
    telegraph guardian economist monitor observer chronicle shimbun insider newsletter newspaper reporter digest
    dispatch bulletin report newswire media broadcaster channel""".split()
)


class NewsOutlet(NamedTuple):
    """A news outlet of the package's list (``data/news_outlets.csv``): any story's coverage may credit it."""

    name: str
    aliases: tuple[str, ...]
    site: str  # its site's domain: "reuters.com"
    scan: bool  # whether its names may be looked for in running text ("Time", "The Hill" may not)


@functools.cache
def news_outlets() -> tuple[NewsOutlet, ...]:
    """The news outlets the package knows whatever the story, read once from ``data/news_outlets.csv``.

    >>> next(o for o in news_outlets() if o.name == "Kommersant").site
    'kommersant.ru'
    """
    text = resources.files(__package__).joinpath("data/news_outlets.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return tuple(
        NewsOutlet(row["name"], tuple(a for a in row["aliases"].split("|") if a), row["site"], row["scan"] == "yes") for row in rows
    )


@functools.cache
def _outlets_by_name() -> dict[str, str]:
    """Every name and alias of the listed outlets, as written and with "The" before it, to the outlet's name (for an
    outlet whose name is a plain word, only its aliases: "TIME", "Time magazine", not "Time")."""
    names = {}
    for outlet in news_outlets():
        for n in ((outlet.name,) if outlet.scan else ()) + outlet.aliases:
            names.setdefault(n, outlet.name)
            names.setdefault(n if n.startswith("The ") else f"The {n}", outlet.name)
    return names


def outlet_name(name: str) -> str:
    """The listed outlet a name stands for, as the list names it ("Wall Street Journal" is "The Wall Street
    Journal"), else "".

    >>> outlet_name("Wall Street Journal"), outlet_name("the Asahi Shimbun"), outlet_name("Harbour Gazette")
    ('The Wall Street Journal', 'The Asahi Shimbun', '')

    A name set all in lower case, as some sites set a dateline's agency ("/tass/"), is looked up in lower case.
    """
    name = re.sub(r"^the\s", "The ", " ".join(name.split()))
    if name.islower():
        return _outlets_by_lower_name().get(name, "")
    return _outlets_by_name().get(name, "")


@functools.cache
def _outlets_by_lower_name() -> dict[str, str]:
    """:func:`_outlets_by_name` in lower case (the first outlet to claim a spelling keeps it)."""
    names: dict[str, str] = {}
    for n, outlet in _outlets_by_name().items():
        names.setdefault(n.lower(), outlet)
    return names


def outlet_of_site(domain: str) -> str:
    """The listed outlet whose site a domain is (or is part of), else "".

    >>> outlet_of_site("www3.nhk.or.jp"), outlet_of_site("news.example.org")
    ('NHK', '')
    """
    domain = domain.lower()
    return next((o.name for o in news_outlets() if domain == o.site or domain.endswith("." + o.site)), "")


class Grammar(NamedTuple):
    """The codebook's ``voices`` section and gazetteer, compiled for the engine."""

    verbs: re.Pattern  # reporting and estimating verbs
    markers: re.Pattern  # "according to", "per", ...
    person_roles: re.Pattern  # "the spokesman", "the senator"
    body_roles: re.Pattern  # "the agency", "the ministry"
    groups: re.Pattern  # "critics", "officials", "people familiar with the matter"
    titles: frozenset[str]  # lower-case title words stripped from names: "president", "sen.", "spokesman"
    naming: re.Pattern  # "dubbed", "so-called", ... before a term
    gazetteer: dict[str, tuple[str, str]]  # alias -> (name, type)
    gazetteer_re: re.Pattern | None
    not_after: frozenset[str]
    min_quote_words: int
    terms: re.Pattern | None  # names that are terms when quoted (the targets' aliases)
    not_names: re.Pattern | None  # capitalised names that are things, never speakers (the targets, "Iron Dome")
    actor_roles: dict[str, frozenset[str]] = {}  # an actor's name -> the roles the codebook gives it ("president")
    actor_pronouns: dict[str, str] = {}  # a person's name -> the pronoun the codebook says stands for them ("he", "she")


DEFAULT_VERBS = [
    "said",
    "made clear",  # "…, made it clear the price held only 'if they stay …'"
    "made it clear",
    "making it clear",  # "the department is making it clear that it intends to '…'"
    "makes it clear",
    "makes clear",
    "worried",  # "Rep. Adam Smith worried it could be '…'"
    "worries",
    "clarified",
    "clarifies",
    "characterizes",
    "characterises",
    "framed",  # "Beijing, which has framed it as a bid to '…'"
    "frames",
    "framing",
    "celebrated",
    "celebrates",
    "read",  # "…," a White House statement read.
    "reads",
    "says",
    "say",
    "saying",
    "telling",  # a participle hung on the clause's subject: "the office rejected it, telling CTV News that …"
    "told",
    "tells",
    "wrote",
    "writes",
    "posted",
    "posting",  # a participle hung on the clause's subject: "the envoy was blunter, posting on social media: …"
    "added",
    "adds",
    "noted",
    "notes",
    "summarized",  # "As the Post's Jane Roe summarized it, the speech was '…'"
    "summarised",
    "mentioned",  # "He also mentioned that the overall cost would be about $175 billion"
    "mentions",
    "stated",
    "states",
    "argued",
    "argues",
    "warned",
    "warns",
    "insisted",
    "insists",
    "claimed",
    "claims",
    "explained",
    "estimated",
    "estimates",
    "estimate",
    "projected",
    "projects",
    "calculated",
    "calculating",  # "with the budget office calculating that the whole plan might reach $831 billion"
    "found",
    "finds that",  # "The budget office finds that over half of the cost goes to interceptors" (not "finds itself")
    "concluded",
    "announced",
    "reported",
    "reports",
    "declared",
    "stressed",
    "urged",
    "cautioned",
    "acknowledged",
    "predicted",
    "asked",
    "responded",
    "replied",
    "countered",
    "disagreed",  # a reply by disagreeing, whose words may follow in the next paragraph: "Gen. X disagreed. / '…'"
    "disagrees",
    "pushed back",
    "objected",
    "continued",
    "continues",
    "claiming",  # a participle hung on the clause's subject by a comma: "he went further, claiming …"
    "observed",
    "observes",  # present forms feature writing hangs on a quotation: "…," observes Durham University's Bowen
    "recalls",
    "admitted",
    "admits",
    "predicts",
    "believes",
    "thinks",  # "the budget office thinks the orbital layer alone might run to $542 billion"
    "think",
    "believe",
    "put it",
    "puts it",
    "revealed",
    "confirmed that",  # "Carney's office confirmed that talks were under way" (not "the Senate confirmed Gen. X")
    "confirmed",  # '"…," the spokesperson confirmed.' (a person confirmed in a post is no speech: _CONFIRMED_IN_POST_RE)
    "confirms",
    "informed",  # "the agency informed bidders that the first awards were near"
    "confirms that",
    "confirming that",
    "unveiled",
    "called",
    "calls",
    "described",
    "describes",
    "dismissed",
    "dismisses",
    "labelled",
    "labeled",
    "branded",
    "denounced",
    "criticized",
    "criticised",
    "praised",
    "hailed",
    "welcomed",
    "slammed",
    "blasted",
    "decried",
    "condemned",
    "faulted",  # "The statement also faulted Washington for …"
    "faults",
    "touted",
    "defended",
    "vowed",
    "promised",
    "pledged",
    "testified",
    "recalled",
    "calling",
    "stating",
    "declaring",
    "explaining",
    "estimating",  # "the CBO released a report estimating (that) the shield would cost …"
    "stressing",
    "emphasizing",
    "emphasising",
    "acknowledging",
    "cautioning",
    "asserting",
    "conceding",
    "contending",
    "projecting",
    "concluding",
    "describing",
    "dubbing",
    "labeling",
    "labelling",
    "branding",
    "terming",
    "characterized",  # "The ministry characterized the project as '…'"
    "characterised",
    "characterizing",
    "characterising",
    "written",
    "tweeted",
    "adding",
    "writing",
    "warning",
    "arguing",
    "noting",
    "insisting",
    "contends",
    "contended",
    "accusing",
    "accused",
    "accuses",
    "went on",
    "goes on",
    "answered",
    "concludes",
    "remarked",
    "repeated",
    "reiterated",
    "lists",
    "laid out",
    "lays out",
    # More verbs real coverage hangs on a quotation: "…," he alleged; "…," Ishiba remarked.
    "alleged",
    "alleges",
    "asserted",
    "asserts",
    "conceded",
    "concedes",
    "complained",
    "explains",
    "emphasized",
    "emphasised",
    "emphasizes",
    "emphasises",
    "pointed out",
    "points out",
    "boasted",
    "framed",  # "Beijing has framed the plan as a push to '…'"
    "frames",
    "quipped",
    "quips",
    "joked",
    "jokes",
    "affirmed",
    "reaffirmed",
    "maintained",
    "maintains",
    "underscored",
    "underscores",
    "stresses",
    "cautions",
    "announces",
    "acknowledges",
    "refers to as",  # what the agency refers to as "resilient data links"
    "referred to as",
    "refer to as",
    # Plural present forms: "Moscow and Beijing call the shield destabilizing", "critics contend".
    "call",
    "warn",
    "argue",
    "contend",
    "emphasize",  # "Moscow and Beijing emphasize that the shield 'threatens …'"
    "emphasise",
    "stress",
    "insist",
    "claim",
    "describe",
    "predict",
]
DEFAULT_MARKERS = [
    "according to",
    "per",
    "in the words of",
    "as reported by",
    "as quoted by",
    "the verdict of",
    "the complaint of",
    "the view of",
    "the assessment of",
    "the warning of",
    "the argument of",
    "the words of",
    "the reaction of",
    "the response of",
    "the message of",
    "the conclusion of",
    "the judgment of",
]
DEFAULT_PERSON_ROLES = [
    "diplomat",
    "negotiator",
    "adviser",
    "advisor",
    "aide",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spox",  # tabloid and live-blog shorthand: "added Kremlin spox Peskov"
    "senator",
    "lawmaker",
    "congressman",
    "congresswoman",
    "president",
    "prime minister",
    "minister",
    "secretary",
    "general",
    "official",
    "source",  # "A source familiar with the talks said … '…,' the source said."
    "person",  # "A person briefed on the plan said … '…,' the person said."
    "individual",  # "One individual close to the bid called it '…'"
    "analyst",
    "executive",
    "chief",
    "director",
    "researcher",
    "economist",
    "physicist",
    "scientist",
    "professor",
    "author",
    "ambassador",
    "envoy",
    "governor",
    "admiral",
    "commander",
    "chairman",
    "chairwoman",
    "fellow",
    "expert",
    "former official",
    "leader",
    "representative",
    "republican",
    "democrat",
    "mayor",
    "chair",
    "captain",
    "colonel",
    "manager",
    "founder",
    "commentator",
    "columnist",
    "king",
    "queen",
    "chancellor",
    "premier",
    "host",
    "chief executive",
    "ceo",
]
# Roles an unnamed source is given: "the source said" with no source described before is not the last person named.
_UNNAMED_SOURCE_ROLES = frozenset({"source", "person", "individual"})
# Roles that stand for a publication: "the newspaper reported" is the outlet named last, not a body.
_OUTLET_ROLES = frozenset({"newspaper", "paper", "daily", "broadcaster", "news agency", "magazine", "publication"})
DEFAULT_BODY_ROLES = [
    "agency",
    "office",
    "ministry",
    "department",
    "company",
    "firm",
    "manufacturer",  # "The Arlington-based manufacturer gave a forecast, projecting sales of …"
    "contractor",
    "watchdog",
    "think tank",
    "group",
    "committee",
    "administration",
    "government",
    "organization",
    "organisation",
    "budget office",
    "institute",
    "report",
    "study",
    "analysis",
    "center",
    "foundation",
    "service",
    "statement",
    "briefing",
    "letter",
    "memo",
    "readout",
    "fact sheet",
    "notice",
    "document",
    "filing",
    "press release",
    "presentation",
    "ministry's statement",
    *sorted(_OUTLET_ROLES),
    "embassy",
    "commission",
    "nation",  # "The nation added: …" after North Korea's statement: the country named last
    "regime",
]
# How an unnamed source knows, kept in its name: "people familiar with the talks", "a person briefed on the plan",
# "sources close to the prime minister", "officials with direct knowledge of the matter".
# (what they know of may run on into what it is about: "a source familiar with internal talks about the project")
_NOT_KNOWN_THING = (
    r"(?!(?:said|says|told|tells|added|say|spoke|wrote|gave|put|who|which|that|and|or|but|on|in|at|to|for|from|by|with|as|"
    r"of|about|the|a|an|is|are|was|were|has|have|had|would|will|could|\w+ed)\b)"
)
_HOW_THEY_KNOW = (
    r"(?:familiar\s+with|briefed\s+on|close\s+to|involved\s+in|privy\s+to|with\s+(?:direct\s+)?knowledge\s+of)\s+"
    r"(?:(?:the|these|those|his|her|their|[A-Z][\w]*['’]s)\s+)?[\w-]+(?:['’]s\s+[\w-]+)?"
    rf"(?:(?:\s+{_NOT_KNOWN_THING}[\w-]+){{0,2}}\s+(?:about|regarding|surrounding|for)\s+(?:the\s+)?"
    rf"(?:{_NOT_KNOWN_THING}[\w-]+\s+){{0,2}}{_NOT_KNOWN_THING}[\w-]+)?"
)
DEFAULT_GROUPS = [
    "critics",
    "opponents",
    "skeptics",
    "sceptics",
    "supporters",
    "proponents",
    "advocates",
    "experts",
    "analysts",
    "officials",
    "aides",
    "leaders",
    "lawmakers",
    "legislators",
    "appropriators",
    "senators",
    "researchers",
    "economists",
    "investors",
    "Democrats",
    "Republicans",
    "Liberals",  # Canada's governing party ("The Liberals committed to add $30 billion")
    "Conservatives",
    "scientists",
    "observers",
    "diplomats",
    "sources",
    "a source",
    "one official",
    "an official",
    "a senior official",
    "a defense official",
    "a defence official",
    "a U.S. official",
    "a US official",
    "a spokesperson",
    "a spokesman",
    "a spokeswoman",
    "industry executives",
    "industry groups",
    "advocacy groups",
    "watchdog groups",
    "arms control groups",
    "defense analysts",
    "defence analysts",
    "arms control experts",
    "arms-control experts",
    "respondents",  # a poll's: "most respondents said Ottawa 'should stay out of' it"
    "voters",
    # more people who speak as one, with or without a word before them: "European allies are saying …", "defense
    # contractors say" (not the trades that coin technical names: "engineers call this the 'absentee ratio'" is a term)
    "allies",
    "partners",
    "contractors",
    "executives",
    "insiders",
    "commanders",
    "strategists",
    "academics",
    "scholars",
    "commentators",
    "activists",
    "campaigners",
    "detractors",
    "backers",
    "residents",
    "veterans",
    "negotiators",
    "policymakers",
]
DEFAULT_TITLES = [
    "president",
    "vice president",
    "prime minister",
    "deputy prime minister",
    "secretary",
    "defense secretary",
    "defence secretary",
    "secretary of defense",
    "secretary of war",
    "war secretary",
    "state secretary",
    "sen.",
    "sen",
    "senator",
    "sens.",  # a plural title before the first of several names: "Senators Ann Lee (R-Utah), Tom Ford …"
    "senators",
    # a party before the names a headline gives ("Republicans Crank, Strong create a caucus", "Democrat Jeff Roe")
    "republican",
    "republicans",
    "democrat",
    "democrats",
    "rep.",
    "rep",
    "representative",
    "reps.",
    "representatives",
    "gen.",
    "general",
    "lt.",
    "lt",
    "maj.",
    "col.",
    "adm.",
    "admiral",
    "brig.",
    "dr.",
    "dr",
    "mr.",
    "mr",
    "mrs.",
    "ms.",
    "ms",
    "gov.",
    "governor",
    "minister",
    "foreign minister",
    "defense minister",
    "defence minister",
    "chief cabinet secretary",
    "cabinet secretary",
    "chancellor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "ceo",
    "chief",
    "executive",
    "speaker",
    "leader",
    "majority leader",
    "minority leader",
    "house speaker",
    "space force",
    "u.s.",
    "us",
    "former",
    "then-president",
    "commander",
    "professor",
    "prof.",
    "prof",
    "associate",  # "Chatham House Research Associate Julia Cournoyer"
    "fellow",  # "AEI Senior Fellow Todd Harrison"
    "lecturer",
    "analyst",
    "economist",
    "deputy",
    "assistant",
    "acting",
    "senior",
    "press secretary",
    "advisor",
    "adviser",
    "white house press secretary",
    "kremlin spokesman",
    "kremlin spokesperson",
    "lieutenant",
    "major",
    "colonel",
    "sgt.",
    "capt.",
    "captain",
    "king",
    "queen",
    "pope",
    "mayor",
    "judge",
    "justice",
    "republican",
    "democratic",
    "democrat",
    "gop",
    "independent",
]
DEFAULT_NAMING = [
    "dubbed",
    "so-called",
    "so called",
    "known as",
    "nicknamed",
    "titled",
    "entitled",
    "named",
    "branded",
    "billed as",
    "labelled",
    "labeled",
    "called the",
    "the term",
    "the phrase",
    "the slogan",
    "codenamed",
    # words quoted to be talked about: "using phrases like 'advanced capabilities'", "the words 'Golden Dome'"
    "the words",
    "the word",
    "phrases like",
    "phrases such as",
    "words like",
    "words such as",
    "terms like",
    "terms such as",
]


# A word qualifying a role ("the U.S. general", "the top general"): inner dots, but not one that ends a sentence
# ("… leads the program. The general said …").
_QUALIFIER = r"(?:[\w-]+|(?:[A-Za-z]\.){2,})"
# A place's or body's name in the possessive before a role, as its determiner: "Denmark's prime minister", "North
# Korea's foreign minister" (a person's possessive is sorted out where the role is read).
_PLACE_POSSESSIVE = r"(?<![\w.'’-])(?-i:(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+['’]s\s+)"
# "the Jan. 20 report", "the July 2025 briefing"
_DATE_QUALIFIER = r"(?:[A-Z][a-z]{2,3}\.?\s+\d{1,2}|(?-i:[A-Z][a-z]{2,8})\s+(?:19|20)\d\d)\s+"


def compile_grammar(codebook: dict, extra_verbs: Iterable[str] = (), extra_markers: Iterable[str] = ()) -> Grammar:
    """Compile the codebook's ``voices`` section (its lists extend the defaults above) and its ``actors`` gazetteer;
    ``extra_verbs`` and ``extra_markers`` add to them (the money ledger adds "allocated", "pledged", "based on").

    >>> compile_grammar({}).verbs.search("she said so") is not None
    True
    """
    section = codebook.get("voices", {}) or {}
    # One grammar for every question of who says what: the money section's verbs of estimating and requesting
    # ("puts it at", "pledged") and its markers ("based on") attribute quotations as well as figures, so that an
    # article is read once for voices, figures and citations alike.
    money = codebook.get("money", {}) or {}
    money_markers = (money.get("attribution_markers") or {}).get("before") or []
    verbs = [*DEFAULT_VERBS, *section.get("verbs", []), *(money.get("owner_verbs") or []), *extra_verbs]
    markers = [*DEFAULT_MARKERS, *section.get("markers", []), *money_markers, *extra_markers]
    person_roles = [*DEFAULT_PERSON_ROLES, *section.get("person_roles", [])]
    body_roles = [*DEFAULT_BODY_ROLES, *section.get("body_roles", [])]
    groups = [*DEFAULT_GROUPS, *section.get("groups", [])]
    titles = frozenset(t.lower() for t in [*DEFAULT_TITLES, *section.get("titles", [])])
    naming = [*DEFAULT_NAMING, *section.get("naming", [])]
    gazetteer = {
        normalise(str(alias)): (str(actor["name"]), str(actor.get("type", "unknown")))
        for actor in codebook.get("actors", []) or []
        for alias in actor.get("aliases", [])
    }
    for source in codebook.get("sources", []) or []:
        for alias in source.get("aliases", []):
            gazetteer.setdefault(normalise(str(alias)), (str(source["name"]), _source_type(source.get("type", ""))))
    # The outlets any coverage credits, after the story's own names, each named as the text writes it ("Fox News
    # Digital", "Benzinga Pro" are what the article credits; an acronym and its full name merge as any body's do).
    for outlet in news_outlets():
        for alias in outlet.aliases if outlet.scan else ():
            written = alias[4:] if alias.startswith("The ") and " " in alias[4:] else alias  # "Global Times", "The Hindu"
            gazetteer.setdefault(normalise(alias), (written, "outlet"))
    gazetteer_re = re.compile(rf"(?<![\w])(?:{_alternation(gazetteer)})(?!\w)") if gazetteer else None
    aliases = [a for target in (codebook.get("stance", {}) or {}).get("targets", {}).values() for a in target.get("aliases", [])]
    return Grammar(
        verbs=re.compile(rf"(?<![\w-])(?:{_alternation(verbs)})(?![\w-])", re.IGNORECASE),
        markers=re.compile(rf"(?<![\w-])(?:{_alternation(markers)})(?![\w-])", re.IGNORECASE),
        # "the spokesman", "the Space Force spokesperson", "the Kremlin's spokesman"
        person_roles=re.compile(
            rf"(?:\b(?:the|this|that)\s+(?:(?:{_QUALIFIER}(?:['’]s)?\s+){{0,2}})?|{_PLACE_POSSESSIVE})({_alternation(person_roles)})\b"
            # not an adjective: "the executive order", "the executive branch"
            r"(?![-‑]|\s+(?:order|orders|branch|summary|action|actions|power|powers|privilege|session|board|committee|pay)\b)",
            re.IGNORECASE,
        ),
        # With its article, or bare where a headline or a clause starts with it ("…, budget office says").
        body_roles=re.compile(
            # (where it is based, a city and its state: "the Arlington, Virginia-based manufacturer")
            # (or the day it came: "Tuesday's report")
            rf"\b(?:the|this|that|{_DAY}['’]s)\s+(?:(?:{_QUALIFIER}\s+){{0,1}}|{_DATE_QUALIFIER}|(?-i:[A-Z][a-z]+),\s+[\w-]+-based\s+)?"
            rf"({_alternation(body_roles)})s?\b"
            # (a lowercase word before it that is no role's own first word: "…, defense ministry warns")
            rf"|(?:(?<=, )|(?<=^))(?:(?!(?:{_alternation(body_roles)})\b)(?-i:[a-z][\w-]+)\s+)?({_alternation(body_roles)})"
            r"(?=\s+(?:says|said|warns|warned|adds|added)\b)",
            re.IGNORECASE | re.MULTILINE,
        ),
        # "people" only with how they know: "people familiar with the matter", "sources close to the talks"
        groups=re.compile(
            rf"(?<![\w-])(?:some\s+|many\s+|other\s+|most\s+|several\s+|multiple\s+|the\s+)?"
            rf"(?:(?:{_alternation(groups)})(?![\w-])(?:\s+{_HOW_THEY_KNOW})?|people\s+{_HOW_THEY_KNOW})",
            re.IGNORECASE,
        ),
        titles=titles,
        naming=re.compile(rf"(?<![\w-])(?:{_alternation(naming)})\s*$", re.IGNORECASE),
        gazetteer=gazetteer,
        gazetteer_re=gazetteer_re,
        actor_roles={
            str(actor["name"]): frozenset(str(r).lower() for r in actor.get("roles", []))
            for actor in codebook.get("actors", []) or []
            if actor.get("roles")
        },
        actor_pronouns={
            str(actor["name"]): str(actor["pronoun"]).lower()
            for actor in codebook.get("actors", []) or []
            if str(actor.get("pronoun", "")).lower() in ("he", "she")
        },
        not_after=frozenset(str(w).lower() for w in section.get("not_after", ["with", "of", "to", "for", "from", "by", "about"])),
        min_quote_words=int(section.get("min_quote_words", 4)),
        terms=re.compile(rf"(?i)^(?:the\s+|a\s+|an\s+)?(?:{_alternation([*aliases, *section.get('terms', [])])})$")
        if aliases or section.get("terms")
        else None,
        not_names=re.compile(rf"(?i)\b(?:{_alternation([*aliases, *section.get('not_names', [])])})\b")
        if aliases or section.get("not_names")
        else None,
    )


def _source_type(kind: str) -> str:
    """A codebook source type as an entity type: publications and agencies are outlets."""
    return "outlet" if kind in ("publication", "news agency", "") else "organisation"


# --- Finding people and bodies --------------------------------------------------------------------------------------


def _strip_title(tokens: list[str], titles: frozenset[str]) -> tuple[list[str], list[str]]:
    """Split the title words (and an affiliation before them) off a capitalised run:
    ["NATO", "Secretary", "General", "Mark", "Rutte"] -> (["NATO", "Secretary", "General"], ["Mark", "Rutte"]).

    >>> _strip_title(["Defense", "Secretary", "Pete", "Hegseth"], frozenset({"secretary", "defense secretary"}))
    (['Defense', 'Secretary'], ['Pete', 'Hegseth'])
    """
    last = -1
    i = 0
    while i < len(tokens) - 1:
        for width in (3, 2, 1):
            if i + width < len(tokens) and " ".join(tokens[i : i + width]).lower() in titles:
                last = i + width - 1
                i += width
                break
        else:
            # Before a title only an affiliation may stand ("NATO Secretary General", "Russian Deputy Foreign
            # Minister"): a plain name ("Angus King of Maine") has its title-like word in the middle, not a title.
            word = tokens[i].strip(".,")
            if not (word.isupper() or word.lower() in ORG_WORDS or word.endswith(("an", "ese", "ish", "i"))):
                break
            i += 1
    if last < 0:
        last = _title_after_body(tokens, titles)
    if last >= 0 and tokens[last + 1] in ("of", "for"):
        portfolio = _portfolio_end(tokens)
        if portfolio > last:  # "Minister for Trade and Internal Affairs Jane Roe"
            after = tokens[portfolio + 1 :]
            more, name = _strip_title(after, titles) if len(after) > 2 else ([], after)  # "… of Staff Gen. Dan Caine"
            return tokens[: portfolio + 1] + more, name
    # (a body's word at the end of a run that goes on "of …" after the name is the body's: "Prof Joan Smith of the Naval
    # War College")
    body_end = tokens[-1].lower().strip(".") in ORG_WORDS and not {"of", "for"} & set(tokens[last + 1 : -1])
    if last < 0 or body_end or tokens[last + 1] in ("of", "for", "on", "and", "the", "&"):
        return [], tokens  # no title, or a body's name that holds one ("General Dynamics", "Office of the Secretary")
    # (a body's name and a title may follow a leading one: "U.S. Air Force General Glen Roe")
    rest = tokens[last + 1 :]
    more = _title_after_body(rest, titles) if len(rest) >= 3 and rest[-1].lower().strip(".") not in ORG_WORDS else -1
    if more >= 0:
        return tokens[: last + 2 + more], rest[more + 1 :]
    return tokens[: last + 1], rest


# The words a minister's or secretary's portfolio ends with, after which a person's name may follow in the same run.
_PORTFOLIO_WORDS = frozenset(
    """affairs state defense defence trade finance industry security commerce energy justice treasury development innovation
    infrastructure transport health economy interior procurement production""".split()
)


def _portfolio_end(tokens: list[str]) -> int:
    """Where a portfolio ends that a person's two or three names follow ("Minister of Foreign Affairs Takeshi Iwaya"): the
    index of its last word, or -1.

    >>> _portfolio_end("Secretary of State Marco Rubio".split()), _portfolio_end("Minister for Foreign Affairs".split())
    (2, -1)
    """
    for width in (2, 3, 4):
        k = len(tokens) - width - 1
        # a portfolio, or the body a post is of: "Vice Chair of the National Security Council Jane Roe"
        if k < 1 or tokens[k].lower() not in _PORTFOLIO_WORDS | ORG_WORDS:
            continue
        after = tokens[k + 1 :]
        if all(t[:1].isupper() and t.lower() not in _PORTFOLIO_WORDS and t.lower().strip(".") not in ORG_WORDS for t in after):
            return k
    return -1


def _title_after_body(tokens: list[str], titles: frozenset[str]) -> int:
    """Where a title ends that follows a body's name and comes before a person's ("Lockheed Martin Chief Executive Jim
    Taiclet", "Senate Armed Services Committee Chairman Roger Wicker"): the index of its last word, or -1.

    >>> _title_after_body("Lockheed Martin Chief Executive Jim Taiclet".split(), frozenset({"chief", "executive"}))
    3
    """
    for k in range(len(tokens) - 2, 0, -1):
        after = tokens[k + 1 :]
        if tokens[k].lower() not in titles or not 1 <= len(after) <= 3:
            continue
        if all(t[:1].isupper() and t.lower() not in titles and t.lower().strip(".") not in ORG_WORDS for t in after):
            return k
    return -1


def entity_type(name: str) -> str:
    """The type of a name found by grammar: organisation, outlet or person (by its words), or unknown.

    >>> [entity_type(n) for n in ["Taxpayers for Common Sense", "Federal News Network", "Dmitry Peskov", "CBO", "D.C."]]
    ['organisation', 'outlet', 'name', 'organisation', 'unknown']
    """
    tokens = name.split()
    lowered = [t.lower().strip(".,") for t in tokens]
    if outlet_name(name):
        return "outlet"  # a news outlet known whatever the story: "Kommersant", "CNBC", "The Hill"
    if len(tokens) == 1 and re.fullmatch(r"(?:[A-Z]\.){2}", tokens[0]):
        return "unknown"  # a place's abbreviation ("D.C.", "N.Y."), not a body's
    if len(tokens) == 1 and not (tokens[0].replace(".", "").isupper() and len(tokens[0].replace(".", "")) >= 2):
        return "unknown"  # one plain capitalised word ("Program", "Washington"): only known or introduced names count
    if any(t in OUTLET_WORDS for t in lowered) and lowered[-1] != "report":
        return "outlet"
    if any(t in ORG_WORDS or t.rstrip(".") in ORG_WORDS for t in lowered):
        return "organisation"
    if len(tokens) == 1 and tokens[0].replace(".", "").isupper() and len(tokens[0].replace(".", "")) >= 2:
        return "organisation"
    if 2 <= len(tokens) <= 4 and all(t[:1].isupper() for t in tokens):
        return "name"  # a person once a title, a role or a verb of speech says so
    return "unknown"


def _acronym(name: str) -> str:
    """The initials of a body's name, connectors skipped: "Congressional Budget Office" -> "CBO"."""
    return "".join(w[0] for w in name.replace("-", " ").split() if w[0].isupper())


class _Registry:
    """An article's entities as they are named: full names, surnames, acronyms and gazetteer names, merged."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.roles: list[set[str]] = []  # role words seen with each entity ("spokesman")
        self.by_key: dict[str, int] = {}
        self.in_body: set[int] = set()  # entities named below the headline (a headline's capitals name no one for sure)

    def add(self, name: str, kind: str, roles: Iterable[str] = (), acronym: str = "") -> int:
        """The entity a name stands for, added if new; merged with an earlier one by full name, surname or acronym."""
        key = name.lower()
        index = self.by_key.get(key)
        if index is None and kind in PERSONLIKE:
            index = self._person_like(name)
        if index is None and len(name.split()) == 1:
            index = self._short_form(name)
        if index is None:
            index = len(self.entities)
            self.entities.append(Entity(name, kind))
            self.roles.append(set())
        else:
            old = self.entities[index]
            fuller = name if old.type in PERSONLIKE and kind in PERSONLIKE and len(name) > len(old.name) else old.name
            self.entities[index] = Entity(fuller, "person" if "person" in (old.type, kind) and old.type in PERSONLIKE else old.type)
        self.by_key[key] = index
        if acronym:
            self.by_key[acronym.lower()] = index
        self.roles[index].update(r.lower() for r in roles)
        return index

    def promote(self, index: int) -> None:
        """Mark a name as a person's (a title, a role or a verb of speech says so)."""
        if self.entities[index].type == "name":
            self.entities[index] = Entity(self.entities[index].name, "person")

    def _person_like(self, name: str) -> int | None:
        """An earlier person with the same surname and a compatible first name ("Donald Trump" ~ "Trump")."""
        tokens = name.split()
        for i, entity in enumerate(self.entities):
            if entity.type not in PERSONLIKE:
                continue
            other = entity.name.split()
            if other[-1] == tokens[-1] and (len(other) == 1 or len(tokens) == 1 or other[0] == tokens[0] or other[0][0] == tokens[0][0]):
                return i
        return None

    def _short_form(self, word: str, as_subject: bool = False) -> int | None:
        """An earlier entity a single word stands for: a person's surname (or, failing that, the first of a name written
        family name first: "Mao" of "Mao Ning"), a body's acronym."""
        first_names = []
        for i, entity in enumerate(self.entities):
            parts = entity.name.split()
            if entity.type in PERSONLIKE and len(parts) > 1 and parts[-1] == word:
                return i
            if entity.type in ("organisation", "outlet") and len(parts) > 1 and _acronym(entity.name) == word:
                return i
            # (a name of unknown kind too, two or three words long, named below the headline: "David Menzies and Sheila
            # Gunn Reid discussed … David discussed why …", not the headline's "Sullivan Highlights Need for …")
            known = entity.type == "person" or (i in self.in_body and as_subject)
            if entity.type in PERSONLIKE and known and len(parts) in (2, 3) and parts[0] == word:
                first_names.append(i)
        return first_names[0] if len(first_names) == 1 else None

    def find(self, word: str, as_subject: bool = False) -> int | None:
        """The entity a single word stands for, if any: a known key or a short form (a first name of a name of unknown
        kind only ``as_subject``, opening a sentence before its verb)."""
        index = self.by_key.get(word.lower())
        return index if index is not None else self._short_form(word, as_subject)


PERSONLIKE = ("person", "name")
# A first line that is a headline, not a sentence of the story (no full stop closing it).
_HEADLINE_RE = re.compile(r"[^\n]*(?<![.!?\"”’])\s*(?:\n|\Z)")
# Title words that say a name is a person's (not "U.S." or "Space Force", which precede bodies too).
_NOT_PERSON_TITLES = frozenset({"u.s.", "us", "space force", "former", "acting", "senior", "deputy", "assistant"})
_DOCUMENT_OF_RE = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?:((?:[A-Z][\w.&-]*\s+){1,3})(?:fact sheet|memo|note|filing|white paper|"
    r"briefing paper|briefing|slide deck|presentation|statement|readout|press release|news release|communiqu[eé])(?![\w-])"
    r"|(?:analyst|research|investor|client)\s+note\s+from\s+((?:[A-Z][\w.&-]*\s*){1,4}))"
)
# A president's order named as a document, with its date: "the January 2025 executive order", "Trump's executive order",
# "Monday's executive order".
_ORDER_RE = re.compile(
    rf"\b(?:[Tt]he|[Aa]n?|[Hh]is|[Tt]rump['’]s|{_DAY}['’]s)\s+(?:(?:initial|original|first|sweeping|new|{_MONTH}|\d{{4}})\s+){{0,3}}"
    r"(?:executive\s+order|Executive\s+Order)\b"
)
_LEADING_DATE_RE = re.compile(rf"^(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?(?!\w)|{_MONTH}|{_DAY})(?:['’]s)?(?:\s+|$)")
_HOLDERS_OFFICE_RE = re.compile(
    r"\b(Prime\s+Minister|President|Premier|Chancellor|Governor|Mayor)(?:\s+[A-Z][\w.-]*){0,3}['’]s\s+[Oo]ffice\b"
)
# A body inside a ministry or government, named with it: "the Institute for Disarmament Studies of Ruritania's foreign
# ministry", "the Research Center of the Chinese Defense Ministry" (one body, not the country or the ministry).
_BODY_OF_MINISTRY_RE = re.compile(
    r"(?:(?:[A-Z][\w&-]*[ \t]+(?:(?:for|of|on|and)[ \t]+)?){0,4}(?:Institute|Center|Centre|Bureau|Commission|Council|Academy)"
    r"(?:[ \t]+(?:for|of|on)(?:[ \t]+[A-Z][\w&-]*){1,3})?)"
    r"[ \t]+of[ \t]+(?:the[ \t]+)?(?:[A-Z][a-z]+[ \t]+)?[A-Z][a-z]+(?:['’]s|n|an|ese)?[ \t]+"
    r"(?:[Ff]oreign[ \t]+|[Dd]efen[cs]e[ \t]+)?(?:[Mm]inistry|[Gg]overnment)\b"
)
_POSSESSIVE_BODY_RE = re.compile(
    # (the written-out name first: "North Korea's Ministry of Foreign Affairs")
    # (on one line, no word a sentence's end: not "… reported Tuesday.\n\nPyongyang's foreign ministry")
    r"\b((?:[A-Z][\w.-]*(?<![a-z]{3}\.)[ \t]+){0,2}[A-Z][\w.-]*)['’]s\s+"
    r"((?i:ministry\s+of\s+(?:foreign\s+affairs|(?:national\s+)?defen[cs]e)"
    r"|(?:foreign|defen[cs]e|finance|state|trade|interior|economy)?\s*"
    r"(?:ministry|government|military|embassy|cabinet|parliament|defen[cs]e department|state media|news agency|presidential office|"
    r"office)))\b"
)
# ... and the same body after a country's adjective, in lower case: "the North Korean foreign ministry", "the Chinese
# defense ministry", "Chinese state media" (a capitalised name is read as any other).
_DEMONYM_BODY_RE = re.compile(
    r"(?<![\w'’-])((?:North\s+|South\s+)?[A-Z][a-z]+(?:an|ese|ish|i))\s+((?:foreign|defen[cs]e|finance|trade|interior)?\s*"
    r"(?:ministry|government|military|embassy|cabinet|state media|presidential office))\b"
    r"(?!\s+(?:sources?|officials?|insiders?|aides?|spokes(?:man|woman|person)))"  # (unnamed people: "Japanese government sources")
)
# ... and a country's body named after it: "the foreign ministry of North Korea", "the government of Japan" (not a
# holder's title: "the government of Prime Minister Jane Roe"; nor another's possession: "the government of Canada's …").
_BODY_OF_COUNTRY_RE = re.compile(
    r"(?<![\w'’-])(?:[Tt]he\s+)(((?:foreign|defen[cs]e|finance|trade|interior)\s+ministry|government|military|cabinet)\s+of\s+"
    r"(?:North\s+|South\s+)?[A-Z][a-z]+)\b(?![ \t]+[A-Z]|['’]s\b)"
)
_SPEECH_AFTER_RE = re.compile(
    r"(?:,[^,.;:]{1,90},)?\s+(?:has\s+|had\s+|also\s+|later\s+|then\s+)?(?:said|says|told|wrote|writes|added|argued|argues|warned|warns|noted|insisted|posted|explained|stated)\b"
)
_SPEECH_BEFORE_RE = re.compile(r"(?:said|says|told|wrote|added|argued|warned|noted|insisted|explained|stated)\s+$")


_THING_ACRONYM_RE = re.compile(r"\b[a-z][\w-]*(?:\s+(?:[a-z][\w-]*|Earth)){0,4}\s+\(([A-Z]{2,6})s?\)")


class _Run(NamedTuple):
    """A capitalised run of a text, or one of two people a run joins with "and"."""

    begin: int
    surface: str
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def group(self, _: int = 0) -> str:
        return self.surface


def _person_runs(text: str, titles: frozenset[str]) -> Iterator[_Run]:
    """The capitalised runs of a text, a run of two people joined by "and" split in two: "President Donald Trump and
    SpaceX CEO Elon Musk" (the second has a title of its own), "Defense Secretary Pete Hegseth and Michael Guetlein",
    "Xi Jinping and Vladimir Putin"."""
    for match in _headline_verb_split(NAME_RE.finditer(text)):
        tokens = match.group(0).split()
        if "and" in tokens[1:-1]:
            k = tokens.index("and")
            left, right = tokens[:k], tokens[k + 1 :]
            right_title, right_name = _strip_title(right, titles)
            left_title, left_name = _strip_title(left, titles)
            plain = 2 <= len(right) <= 3 and not any(t.lower().strip(".") in ORG_WORDS for t in right)
            # ... or two plain names of people ("Xi Jinping and Vladimir Putin"), no word of a body's name in either
            # (the second's affiliation after it is its own: "Raymond Wang and Lachlan MacKenzie for the Center …")
            core = list(itertools.takewhile(lambda t: t not in ("of", "for", "at", "from", "the"), right))
            people = 2 <= len(core) <= 3 and not any(t.lower().strip(".") in ORG_WORDS for t in core)
            people = people and 2 <= len(left_name) <= 3 and not any(t.lower().strip(".") in ORG_WORDS | {"of", "for", "the"} for t in left)
            people = people and entity_type(" ".join(left_name)) == entity_type(" ".join(core)) == "name"
            # (a titled name and a surname: "Lockheed Martin CEO Jim Taiclet and Hegseth")
            surname = (
                len(right) == 1 and bool(re.fullmatch(r"[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)*", right[0])) and right[0].lower() not in ORG_WORDS
            )
            if (right_title and right_name) or (left_title and left_name and (plain or surname)) or people:
                first = " ".join(left)
                second = text.index(right[0], match.start() + len(first))
                yield _Run(match.start(), first, match.start() + len(first))
                yield _Run(second, text[second : match.end()], match.end())
                continue
        yield _Run(match.start(), match.group(0), match.end())


def _headline_verb_split(matches: Iterable[re.Match]) -> Iterator[re.Match | _Run]:
    """Capitalised runs cut at a headline's verb, capitalised as headlines set every word: "Trump Demands $71 Billion"
    is Trump, "Harrison Warns Golden Dome Costs Will Climb" is Harrison, then "Golden Dome Costs Will Climb"."""
    for match in matches:
        verb = _HEADLINE_VERB_IN_RUN_RE.search(match.group(0))
        if verb is None:
            yield match
            continue
        yield _Run(match.start(), match.group(0)[: verb.start()], match.start() + verb.start())
        rest = match.group(0)[verb.end() :].lstrip()
        if rest:
            yield _Run(match.end() - len(rest), rest, match.end())


def _affiliation_or_title(word: str, titles: frozenset[str]) -> bool:
    """Whether a capitalised word before a title is part of a post: a title, or a nationality ("Canadian Ambassador").

    >>> [_affiliation_or_title(word, frozenset({"deputy"})) for word in ("Canadian", "Deputy", "Kirsten")]
    [True, True, False]
    """
    return word.lower() in titles or word.endswith(("an", "ese", "ish")) and word[:1].isupper() and len(word) > 4


def _in_heading(text: str, start: int, end: int) -> bool:
    """Whether a capitalised run is a subheading's: the whole of a line (past the first) of three words or more in title
    case, with no sentence's punctuation.

    >>> text = "Shares rose.\\n\\nCompany Background and Strategic Partnerships\\n\\nFounded in 2019, it grew."
    >>> _in_heading(text, 14, 59), _in_heading("Shares rose.\\n\\nJim Taiclet\\n\\nHe spoke.", 14, 25)
    (True, False)
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    words = line.split()
    small = ("and", "of", "the", "for", "in", "on", "to", "a", "&")
    title_case = all(w[:1].isupper() or not w[:1].isalpha() or w in small for w in words)
    if title_case and len(words) >= 5 and any(w in small for w in words) and not re.search(r"[!?:]$|[a-z]\.(?:\s|$)", line):
        return True  # a headline in title case: "Moscow Weighs In on U.S. “Golden Dome” Plan" names no body
    return line_start > 0 and len(words) >= 3 and line == text[start:end].strip() and title_case


# Documents a number names ("Executive Order 14186").
_NUMBERED_DOCUMENTS = frozenset({"Order", "Act", "Directive", "Memorandum", "Proclamation", "Law", "Resolution"})


# An adverb of a sentence's opening, by its ending: "Nationally", "Ironically", "Reportedly", "Separately".
_SENTENCE_ADVERB_RE = re.compile(r"[A-Z][a-z]+(?:ally|ily|ively|ently|antly|ously|ately|edly|fully|ably|ibly|arly|ssly|ondly|irdly)")


def _names(text: str, grammar: Grammar, not_names: re.Pattern | None) -> list[tuple[int, int, str, list[str], str]]:
    """Capitalised runs of a text as (start, end, name, title words, type): titles split off, possessives trimmed,
    function words at the start dropped, things that are not speakers (the story's own names) left out."""
    found = []
    # Short forms a text defines for things, not bodies: "space-based interceptor (SBI)", "low Earth orbit (LEO)".
    things = {m.group(1) for m in _THING_ACRONYM_RE.finditer(text)}
    for match in _person_runs(text, grammar.titles):
        start, surface = match.start(), match.group(0)
        if _in_heading(text, match.start(), match.end()):
            continue  # "Company Background and Strategic Partnerships": a subheading's words, not a body's name
        possessive = _POSSESSIVE_RE.search(surface)
        if possessive and possessive.end() == len(surface):
            surface = surface[: possessive.start()]
        tokens = surface.split()
        if tokens and tokens[-1] in TITLE_ABBREVIATIONS and text[match.end() : match.end() + 1] == ".":
            if "and" not in tokens[:-1]:
                continue  # "Vice Chief of Space Operations Gen. Michael Guetlein": the post of the person named next
            # ... but a name before "and" is one of its own: "Sen. Ann Roe and Sen. Tom Doe praised it"
            tokens = tokens[: len(tokens) - 1 - tokens[::-1].index("and")]
        while tokens and tokens[0].lower().strip(".,") in LEADING_STOP:
            start = text.index(tokens[1], start + len(tokens[0])) if len(tokens) > 1 else start
            tokens = tokens[1:]
        if not tokens or tokens[0] in things or (tokens[0].endswith("s") and tokens[0][:-1] in things):
            continue
        # (its short form may stand before the number: "Executive Order (EO) 14186")
        number = re.match(r"(?:\s+\([A-Z]{2,4}\))?\s+(\d{2,6})\b", text[match.end() :]) if tokens[-1] in _NUMBERED_DOCUMENTS else None
        if number:  # "Executive Order 14186", "Public Law 119": a document named by its number, no title split off
            found.append((start, match.end() + number.end(), f"{' '.join(tokens)} {number.group(1)}", [], "document"))
            continue
        title, name = _strip_title(tokens, grammar.titles)
        if title:
            start = text.index(name[0], start + len(" ".join(title)))
        # A body's short form glued to the name after it, where a post ends in it: "Ambassador to the UN Bob Rae" is Bob Rae
        if (
            not title
            and len(name) in (3, 4)
            and re.fullmatch(r"[A-Z]{2,5}", name[0])
            and all(re.fullmatch(r"[A-Z][a-z][\w'’-]*", t) and t.lower() not in ORG_WORDS | OUTLET_WORDS for t in name[1:])
            and re.search(r"\b(?:to|of|at|for)\s+the\s+$", text[max(0, start - 12) : start])
        ):
            start = text.index(name[1], start + len(name[0]))
            name = name[1:]
        if len(name) >= 2 and name[-1].lower() in grammar.titles and all(_affiliation_or_title(t, grammar.titles) for t in name[:-1]):
            continue  # a post alone, its holder named after it: "Canadian Ambassador to the US Kirsten Hillman"
        if len(name) == 1 and _SENTENCE_ADVERB_RE.fullmatch(name[0]) and text[match.end() : match.end() + 1] == ",":
            continue  # an adverb opening a sentence: "Nationally, the company employs …" (not "Kelly, a Democrat, said")
        if not name or (len(name) == 1 and (name[0].lower() in LEADING_STOP or name[0].isupper() and name[0].lower() in grammar.titles)):
            continue  # (a title's capitals alone name no one: "Lockheed's CEO, Jim Taiclet, said"; "King" may be Angus King)
        if len(name) >= 2 and " ".join(name).lower() in grammar.titles and text[max(0, start - 4) : start].lower() == "the ":
            continue  # ... nor do a title's words after "the": "the Prime Minister declared" is the role, read as one
        postnominal = False
        while len(name) >= 3 and _POSTNOMINAL_RE.fullmatch(name[-1]) and entity_type(" ".join(name[:-1])) == "name":
            # letters after a name ("Gabriel Elefteriu FRAeS", "Jane Doe OBE", a ticker "Lockheed Martin LMT") are no
            # part of it, though the mention covers them
            name, postnominal = name[:-1], True
        joined = " ".join(name)
        if joined.isupper() and len(joined) >= 5 and re.match(r"\s*[,(/–—-]|:\s+[A-Z]", text[match.end() : match.end() + 3]):
            continue  # a dateline: "SEOUL, May 2 -", "WASHINGTON (Reuters) -", "BEIJING: China is …"
        if joined.replace(".", "") == "DC" and re.search(r"Washington,?\s*$", text[max(0, start - 14) : start]):
            continue  # "Washington, DC – …": the capital's district, no body
        if (
            joined.isupper()
            and re.search(r"\b[A-Z]{4,},\s*$", text[max(0, start - 20) : start])
            and re.match(r"\s*[:(–—-]", text[match.end() : match.end() + 3])
        ):
            continue  # the rest of a dateline: "WASHINGTON, DC: …"
        connectors = [i for i, t in enumerate(name) if t in ("of", "for", "on", "and", "the", "&")]
        head = " ".join(name[: connectors[0]]) if connectors else ""
        if connectors and (entity_type(joined) not in ("organisation", "outlet") or entity_type(head) == "name"):
            # "Kevin Cramer of North Dakota" is Kevin Cramer; "Laura Grego of the Union of Concerned Scientists" is
            # Laura Grego, and the Union of Concerned Scientists a body of its own.
            rest = [t for t in name[connectors[0] + 1 :] if t != "the" or name.index(t) > connectors[0] + 1]
            tail = " ".join(rest)
            if rest and entity_type(tail) in ("organisation", "outlet"):
                tail_start = text.index(rest[0], start + len(head))
                found.append((tail_start, tail_start + len(tail), tail, [], entity_type(tail)))
            name = name[: connectors[0]]
            joined = " ".join(name)
            if all(t.lower() in grammar.titles for t in name):
                continue  # "Jane Roe, Vice Chair of the National Security Council": a post, nobody new
        posted = _POSTED_TO_RE.search(text, max(0, start - 40), start)
        if posted and len(name) >= 4 and all(t[:1].isupper() for t in name):
            # "ambassador to the United Nations Bob Rae": the place of the post, then the person (two words)
            person = name[-3:] if re.fullmatch(r"[A-Z]\.", name[-2]) else name[-2:]
            start, name = text.index(person[0], start + len(" ".join(name[: -len(person)]))), person
            joined, title = " ".join(name), [*title, posted.group(0).split()[0]]
        if not name or (not_names is not None and not_names.search(joined)):
            continue
        if name[-1] in TITLE_ABBREVIATIONS and text[match.end() : match.end() + 1] == ".":
            continue  # "Alaska Gov. Mike Dunleavy": the place of a title before the name, not a name
        if name[-1].lower() in ("republican", "republicans", "democrat", "democrats", "democratic"):
            continue  # "the Nebraska Republican": a description of someone named before, not a name
        if len(name) >= 2 and joined.isupper() and _in_capitals_line(text, start):
            # a headline in capitals ("TRUMP CALLS FOR $1.5T DEFENSE BUDGET"): only a name the story knows, as known
            known = next((k for k in range(len(name), 0, -1) if grammar.gazetteer.get(normalise(" ".join(t.title() for t in name[:k])))), 0)
            if not known:
                continue
            name = name[:known]
            joined = " ".join(name)
            full, kind = grammar.gazetteer[normalise(" ".join(t.title() for t in name))]
            found.append((start, start + len(joined), full, [t.lower() for t in title], kind))
            continue
        end = start + len(joined) if text.startswith(joined, start) and not postnominal else match.end()
        found.append((start, end, joined, [t.lower() for t in title], entity_type(joined)))
    return found


def _in_capitals_line(text: str, at: int) -> bool:
    """Whether the line holding ``at`` is written in capitals (its letters, four words or more, nearly all upper case)."""
    lo, hi = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    line = text[lo : hi if hi >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return len(line.split()) >= 4 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


# A lone capitalised word that speaks right after a quotation: '…,” said Taiclet.', '…,” Taiclet said.'
# (and announcing: "Jacksonville-based Redwire announced the contract has a ceiling of …")
_LONE_CREDIT_VERBS = (
    r"(?:said|says|added|explained|continued|noted|wrote|argued|warned|told|tells|announced|announces|confirmed|confirms|stated|states)"
)
_SAID_BEFORE_LONE_RE = re.compile(rf"[,.!?…]?\s*[”\"’]\s*,?\s*{_LONE_CREDIT_VERBS}\s+$")
_SAID_AFTER_QUOTE_RE = re.compile(r"[”\"’]\s*,?\s*$")
_SAID_BODYS_BEFORE_LONE_RE = re.compile(
    rf"[”\"’]\s*,?\s*(?:{_LONE_CREDIT_VERBS}|observes|observed|adds|explains|notes|writes|argues|warns)\s+"
    r"(?:the\s+)?(?:[A-Z][\w.&-]*\s+(?:(?:of|for|and)\s+)?){0,5}[A-Z][\w.&-]*['’]s?\s+$"
)
_LONE_SAID_RE = re.compile(rf"\s+{_LONE_CREDIT_VERBS}\b")
_SAYS_BEFORE_LONE_RE = re.compile(r",\s*(?:said|says)\s+$")
_APPOSITION = r",\s+((?:the|a|an)\s+[^,.;:“”\"()]{3,80}|[A-Z][\w.-]*['’]s\s+[^,.;:“”\"()]{3,80}),"
_APPOSITION_RE = re.compile(_APPOSITION)
_APPOSITION_THEN_SPEECH_RE = re.compile(
    _APPOSITION + r"\s+(?:has\s+|had\s+|also\s+|later\s+)?"
    r"(?:said|says|told|tells|warned|warns|added|wrote|writes|argued|argues|noted|explained|insisted)\b"
)
# Nouns of a person's work that a description gives, besides titles: "Harrison, a senior fellow at …, said".
_PERSON_NOUNS = frozenset(
    "analyst fellow professor official adviser advisor expert researcher economist scientist physicist lawmaker congressman "
    "congresswoman strategist historian commentator columnist founder partner executive officer advocate proponent critic "
    "scholar engineer lecturer consultant".split()
)


# Words that open a sentence as its subject without naming anyone: 'Another said …'.
_QUANTIFIERS = frozenset("another other others all several few none neither either everyone everybody someone somebody nobody".split())


def _plain_capitalised(word: str, grammar: Grammar) -> bool:
    """Whether a lone word may be a name nobody introduced: capitalised, not a title, not a word a sentence opens with."""
    return bool(re.fullmatch(r"[A-Z][a-z][\w'’-]+", word)) and word.lower() not in grammar.titles | LEADING_STOP | _QUANTIFIERS


def _lone_speaker(text: str, start: int, end: int, grammar: Grammar) -> bool:
    """Whether a lone capitalised word nobody introduced is a speaker's surname by where it stands: right after a
    quotation and its verb of speech ('“…,” said Taiclet.'), or right after a quotation before one ('“…,” Taiclet
    said'). Not a word the grammar knows as a title, and not where the word goes on to a name of its own."""
    if not _plain_capitalised(text[start:end], grammar):
        return False
    before = text[max(0, start - 40) : start]
    after_said = bool(_SAID_BEFORE_LONE_RE.search(before)) and bool(re.match(r"\s*[.,;]", text[end : end + 2]))
    before_said = bool(_SAID_AFTER_QUOTE_RE.search(before)) and bool(_LONE_SAID_RE.match(text, end))
    # ... or before a description that gives a post, then a verb of speech ("Ryabkov, Russia's deputy foreign minister,
    # said"), or before "was quoted as saying"
    # (or after "according to": "According to Garretson, a key advocate, the shield …")
    apposition = _APPOSITION_THEN_SPEECH_RE.match(text, end) or (
        _APPOSITION_RE.match(text, end) if re.search(r"\b[Aa]ccording\s+to\s+$", before) else None
    )
    described = bool(apposition) and any(
        re.sub(r"['’]s$", "", w.lower()) in _TITLE_WORDS | _PERSON_NOUNS for w in apposition.group(1).split()
    )
    quoted = bool(re.match(r"\s+(?:was|were)\s+quoted\s+(?:as\s+)?saying\b", text[end : end + 30]))
    # ... or closing a sentence or a headline after a comma and the verb: "… golden opportunity for AUKUS, says Morrison"
    closing = (
        bool(_SAYS_BEFORE_LONE_RE.search(before))
        and bool(re.match(r"[ \t]*(?:[.;]|\n|$)", text[end : end + 2]))
        and not re.fullmatch(rf"{_DAY}|{_MONTH}", text[start:end])
    )
    # ... or between a sentence's two halves, the second a quotation: "That is not the right choice, said Bowen, “but it
    # is feasible.”"
    split = bool(re.search(rf",\s*{_LONE_CREDIT_VERBS}\s+$", before)) and bool(re.match(r"\s*,\s*[“\"]", text[end : end + 4]))
    # ... or after a quotation, its verb and a body's possessive: '"…," observes Leeds University's Marlow.'
    possessed = bool(_SAID_BODYS_BEFORE_LONE_RE.search(text[max(0, start - 90) : start]))
    possessed = possessed and bool(re.match(r"\s*[.,;]", text[end : end + 2]))
    return after_said or before_said or closing or described or quoted or split or possessed


# How a sentence's opening phrase begins ("In its filing,", "On Tuesday,", "Separately,"), not a clause of its own.
_OPENING_PHRASE_RE = re.compile(
    r"\s*(?:In|On|At|For|After|Before|Earlier|Later|Meanwhile|Separately|However|Also|Last|This|Since|Despite|Instead|Still|Yet|"
    r"Now|Then|Elsewhere|Overall|Similarly|Likewise)\b"
)


# A capitalised word right before a verb of speech ("Brenner says", "Brenner on Tuesday said", "as Ostrander said").
_WORD_SPEAKS_RE = re.compile(rf"(?<![\w.'’-])([A-Z][a-z][\w'’-]+)\s+(?:(?:on|last|this)\s+\w+\s+)?{_LONE_CREDIT_VERBS}\b")
# ... and the same word capitalised inside a sentence, which makes it a name, not a sentence's first word ("Officials said").
_MID_SENTENCE_RE = r"(?<=[a-z,;:–—]\s)"


def _speaking_words(text: str, grammar: Grammar) -> set[str]:
    """Lone capitalised words the text makes speak and writes as names: before a verb of speech somewhere, and
    capitalised inside a sentence somewhere ("And Brenner has taken …" … "Brenner says …").

    >>> sorted(_speaking_words("Officials said no. And Brenner has doubts. Brenner says so.", compile_grammar({})))
    ['Brenner']
    """
    words = {m.group(1) for m in _WORD_SPEAKS_RE.finditer(text) if _plain_capitalised(m.group(1), grammar)}
    return {w for w in words if re.search(rf"{_MID_SENTENCE_RE}{re.escape(w)}(?![\w'’-]|\s+[A-Z])", text)}


def _lone_body(text: str, start: int, end: int, grammar: Grammar) -> bool:
    """Whether a lone capitalised word nobody introduced is a body that speaks, by where it stands: after an opening
    phrase and right before a verb of speech ("In its filing, SpaceX said"), or, written with a capital inside it, before
    one anywhere ("SpaceX said"). A person introduced by surname alone is rarer than a company named so."""
    word = text[start:end]
    if not _plain_capitalised(word, grammar) or not _LONE_SAID_RE.match(text, end):
        return False
    # (after a short opening phrase, not a sentence's closing credit: "…, countless Americans would die, Moulton said")
    opening = re.split(r"[.!?]\s|\n", text[max(0, start - 80) : start])[-1]
    after_opening = (
        bool(re.search(r",\s+$", opening))
        and len(_WORD_RE.findall(opening)) <= 6
        and bool(_OPENING_PHRASE_RE.match(opening))
        and not re.search(r"[”\"]", opening)
    )
    return after_opening or bool(re.search(r"[a-z][A-Z]", word))


# A post held "to" a place, written before the holder's name: "ambassador to the United Nations Bob Rae".
_POSTED_TO_RE = re.compile(r"(?i)\b(?:ambassador|envoy|representative|delegate|consul)\s+to\s+(?:the\s+)?$")


# Honours and degrees written after a person's name: "OBE", "FRAeS", "PhD", "MP".
_POSTNOMINAL_RE = re.compile(r"(?:[A-Z]{2,4}|F[A-Z][A-Za-z]{1,4}|Ph\.?D\.?)")


# A nationality written right before a body's name, making it another country's: "North Korean ", "Chinese ".
# ... or a country's possessive: "North Korea's Ministry of Foreign Affairs".
_NATION_QUALIFIED_BODY_RE = re.compile(
    r"\b(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+(?:(?:an|ese|ish|i)\s+|['’]s\s+)$"
    # or a country's initials other than the United States' ("the DPRK Ministry of Foreign Affairs", "the PRC Ministry")
    r"|(?<![\w.])(?!US\b|USA\b)[A-Z]{2,4}\s+$"
)


# A capitalised word of the adjective's shape that names no country: "the Republican government".
_NOT_DEMONYMS = frozenset({"Republican"})


# An apposition that says a lone name is a body: "Keidanren, the business lobby,", "Rheinmetall, a German arms maker,".
_BODY_APPOSITION_RE = re.compile(
    r",\s+(?:the|a|an|its)\s+(?:[\w-]+\s+){0,3}(?:lobby|group|association|federation|union|party|agency|company|firm|maker|"
    r"manufacturer|contractor|bank|fund|institute|council|committee|ministry|newspaper|broadcaster|daily)\b"
)


# Words of a government body's name: such a body is no company.
_GOVERNMENT_WORDS = frozenset(
    """pentagon department ministry agency office congress senate house committee council command force administration
    government parliament white kremlin military army navy""".split()
)
# A role after a comma that is the subject of a verb of speech, not an apposition: ", the company said".
_ROLE_SPEAKS_RE = re.compile(
    r",\s+(?:the|a|an|its|their)\s+(?:[a-z]+\s+){1,2}?(?:said|says|told|tells|added|adds|wrote|writes|noted|notes|stated|states|"
    r"announced|reported|explained|continued|confirmed|warned)\b"
)


def _apposition_roles(text: str, end: int) -> list[str]:
    """Role words in an apposition right after a name: "Gabe Murphy, a policy analyst at ..." -> ["policy", "analyst"];
    a role written with a capital too ("Justin Logan, Director of Defense Studies at …" -> ["director"])."""
    match = re.match(r",\s+(?:(?:a|an|the)\s+)?([^,.;:]{1,80})", text[end : end + 90])
    if match and _ROLE_SPEAKS_RE.match(text, end):
        return []  # "… for the Dome, the company said on its website": the role speaks, it describes no name
    words = match.group(1).split() if match else []
    # (a title before a second name is that person's: "Ann Roe, listens as President Tom Doe speaks" gives
    # Roe no role of president)
    title_of_next = next(
        (
            k
            for k in range(len(words) - 1)
            if words[k][:1].isupper()
            and words[k].lower() in DEFAULT_PERSON_ROLES
            and words[k + 1][:1].isupper()
            and words[k + 1].lower() not in DEFAULT_PERSON_ROLES
        ),
        len(words),
    )
    words = words[:title_of_next]
    return [w if w.islower() else w.lower() for w in words if w.islower() or w.lower() in DEFAULT_PERSON_ROLES]


# A common noun right before a name that says what kind of body it is: "consulting firm Summit Strategy", "the
# newsletter Punchbowl" (an outlet).
_DESCRIBED_BODY_RE = re.compile(
    r"\b(?:(outlet|website|site|newsletter|publication|newspaper|magazine|blog|broadcaster|tabloid|weekly|podcast)|firm|company|"
    r"consultancy|think\s+tank|contractor|startup|start-up|maker|manufacturer|lobby|nonprofit|non-profit|watchdog|institute)\s+$"
)


# Between two people joined in one phrase: "and", then the second's titles ("… and SpaceX CEO …", "… and Secretary of
# Defense …").
_SECOND_CONJUNCT_RE = re.compile(r"[ \t]+and[ \t]+(?:[A-Z][\w.'’-]*[ \t]+(?:(?:of|for)[ \t]+(?:the[ \t]+)?)?){0,4}")


# Between two of a list of speakers: ", ", " and ", ", and ", then the next one's titles ("… and House Armed Services
# Chairman …").
_CONJUNCT_GAP_RE = re.compile(
    # ("along with" and "as well as" join one more: "Sens. Jane Roe and Ann Lee, along with Rep. Tom Ash and …")
    r"(?:,\s*[DRI]-[A-Z][A-Za-z.]{0,12})?(?:[ \t]*,[ \t]*(?:and[ \t]+|along[ \t]+with[ \t]+|as[ \t]+well[ \t]+as[ \t]+)?|[ \t]+and[ \t]+)"
    r"(?:(?:[A-Z][\w.'’-]*|the)[ \t]+){0,5}"
)
# Where a list of speakers may open: a sentence or a clause, after a quotation's close, their titles before them.
_LIST_OPENS_RE = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|,\s+|\bthat\s+|[”\"’]\s*,?\s+)(?:[\"“‘']\s*)?(?:(?:[A-Z][\w.'’-]*|the|both)\s+){0,5}$")
# An aside in commas after a list of names: ", in a joint statement,", ", America's biggest adversaries,".
_LIST_ASIDE = r",[^,.;:“”\"]{1,80},"
# From the list's last name to its verb: an adverb or two, an auxiliary, or an aside in commas ("in a joint statement").
_LIST_TO_VERB_RE = re.compile(rf"(?:,\s*[DRI]-[A-Z][A-Za-z.]{{0,12}}\s*,)?\s*(?:{_LIST_ASIDE})?\s*(?:[a-z]+\s+){{0,2}}")
# ... or, for the subject of a participle's clause, the clause's verb: "Russia and China criticised it as …, stating …"
# (an aside in commas may stand between: "China, North Korea and Russia, America's biggest adversaries, have all warned")
_LIST_THEN_VERB_RE = re.compile(
    rf"(?:,\s*[DRI]-[A-Z][A-Za-z.]{{0,12}},|{_LIST_ASIDE})?\s+(?:(?:have|has|had|also|both|all|jointly)\s+){{0,2}}(?:[a-z]+(?:ed|s)|put|sent|gave|made|wrote|took|set|held)\b"
)


def _speakers_listed(
    masked: str,
    lo: int,
    verb: int,
    subject: Mention,
    inside: list[Mention],
    entities: list[Entity],
    clause: bool = False,
    after: bool = False,
) -> int:
    """The speaker of a verb whose subject is a list of names ("Russia and China said", "Sen. Roger Wicker and Rep. Mike
    Rogers said", "Xi, Putin and Lula said", "wrote Raymond Wang and Lachlan MacKenzie"): one entity named for them all,
    added to ``entities`` once; else the subject's own entity. All of a list are people, or all bodies and countries; a
    list before its verb opens its clause, so in "Hegseth met Guetlein and Trump said" Trump speaks alone. ``clause``:
    the verb is a participle of the list's clause, which its own verb opens; ``after``: the list follows the verb."""
    # (names of the subject's kind: a body in a title, "… and House Armed Services Committee Chairman Mike Rogers", is none)
    person = subject.entity >= 0 and entities[subject.entity].type in PERSONLIKE
    named = [
        m
        for m in inside
        if m.entity >= 0
        and (m.kind == "name" or m.kind == "role" and re.search(r"[A-Z]", masked[m.start + 1 : m.end]))
        and (verb <= m.start if after else lo <= m.start and m.end <= verb)
        and (entities[m.entity].type in PERSONLIKE) == person
    ]
    if subject not in named:
        return subject.entity
    k = named.index(subject)
    first = last = k
    while first > 0 and not after and _CONJUNCT_GAP_RE.fullmatch(masked, named[first - 1].end, named[first].start):
        first -= 1
    while last + 1 < len(named) and _CONJUNCT_GAP_RE.fullmatch(masked, named[last].end, named[last + 1].start):
        last += 1
    listed = named[first : last + 1]
    members = list(dict.fromkeys(m.entity for m in listed))
    if len(members) < 2 or " and " not in masked[listed[-2].end : listed[-1].start] + " ":
        return subject.entity
    kinds = {entities[e].type in PERSONLIKE for e in members}
    if len(kinds) > 1 or any(entities[e].type in ("outlet", "group", "unknown") for e in members):
        return subject.entity  # "Trump and senior lawmakers", "Reuters and Hegseth": not one voice of a kind
    if after and re.match(r",?\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|s)\b", masked[listed[-1].end : listed[-1].end + 30]):
        return subject.entity  # a clause of its own: '"…," said Hegseth, and Guetlein agreed'
    if not after:
        # (when it was said is no part of the list: "Russia and China earlier this month slammed …")
        gap = _TIME_ADVERBIAL_RE.sub(" ", masked[listed[-1].end : verb] if not clause else masked[listed[-1].end : listed[-1].end + 60])
        gap = re.sub(r"\s+", " ", gap)
        if not (_LIST_THEN_VERB_RE.match(gap) if clause else _LIST_TO_VERB_RE.fullmatch(gap)):
            return subject.entity
        if not _LIST_OPENS_RE.search(masked[lo : listed[0].start]):  # (a substring: "^" is the sentence's start)
            return listed[-1].entity  # the first is another verb's object: "Hegseth met Guetlein and Trump said"
    names = [entities[e].name for e in members]
    name = ", ".join(names[:-1]) + " and " + names[-1]
    kind = entities[members[0]].type if len({entities[e].type for e in members}) == 1 else ("person" if True in kinds else "organisation")
    for index, entity in enumerate(entities):
        if entity.name == name:
            return index
    entities.append(Entity(name, kind))
    return len(entities) - 1


# The word before "general" that makes it an office, not an officer: "the inspector general".
_OFFICE_GENERAL_RE = re.compile(r"(?i)\b(?:inspector|attorney|surgeon|solicitor|adjutant|secretary|consul)\s+$")
# A fronted phrase about someone, before the sentence's subject: "Referring to X, ", "Asked about X, ", "Turning to X, ".
_REFERRING_TO_RE = re.compile(
    r"\W*(?:Referring|Responding|Turning|Pointing|Alluding|Reacting|Replying)\s+(?:to|at)\s+[^,.;:“”\"]{2,80},\s*"
    r"|\W*(?:Asked|Pressed|Questioned)\s+(?:about|on|over)\s+[^,.;:“”\"]{2,80},\s*"
)
# Group words a list of the people named before may go on to be called by.
_LISTED_MEMBERS = frozenset({"lawmakers", "senators", "legislators", "representatives", "congressmen", "democrats", "republicans"})


def _list_before(masked: str, at: int, named: list[Mention], entities: list[Entity]) -> int:
    """The one entity for a list of names of one kind that opens ``at``'s sentence (before it) or the sentence before,
    as the subject of its first verb; -1 if none (see :func:`_speakers_listed`)."""
    own = _sentence_start(masked, at)
    before = _sentence_start(masked, max(0, own - 2)) if own > 1 else own
    for lo in (own, before):
        # (past an opening phrase and its comma: "In a note sent to the department's Inspector General, Senators …")
        lo = _clause_opening(masked, lo, at)
        lo += len(masked[lo:at]) - len(masked[lo:at].lstrip())
        inside = [m for m in named if lo <= m.start < at]
        if (
            len(inside) >= 3
            and inside[0].entity >= 0
            and entities[inside[0].entity].type == "group"
            and re.fullmatch(r"\s+", masked[inside[0].end : inside[1].start])
        ):
            inside = inside[1:]  # a plural title opening the list: "Senators Elizabeth Warren, Cory Booker, and Tammy Duckworth"
        if len(inside) < 2 or any(m.entity < 0 for m in inside):
            continue
        # (the list is the subject of the sentence's first verb: "… and Tammy Duckworth wrote to Hegseth")
        verb = re.search(r"\s(?!(?:and|or|of|the|for|at|from|along|with|as|well)\b)[a-z]+\b", masked[inside[0].end : at])
        if verb is None:
            continue
        position = inside[0].end + verb.start()
        chained = [m for m in inside if m.end <= position]
        if len(chained) >= 2:
            index = _speakers_listed(masked, lo, position + 1, chained[0], chained, entities)
            if index >= 0 and " and " in entities[index].name and index != chained[0].entity:
                return index
    return -1


def _roles_before(text: str, start: int, grammar: Grammar) -> list[str]:
    """Lower-case role words right before a name: "Kremlin spokesman Dmitry Peskov" -> ["spokesman"]."""
    before = re.findall(r"[A-Za-z.-]+", text[max(0, start - 40) : start])[-3:]
    roles = []
    for word in reversed(before):
        if word.lower() in grammar.titles or word.lower() in DEFAULT_PERSON_ROLES:
            roles.append(word.lower())
        elif word[:1].islower():
            break
    return roles


def _says_person(text: str, start: int, end: int, title: list[str], roles: list[str], grammar: Grammar) -> bool:
    """Whether the words around a name say it is a person's: a person's title, an apposition with a person's role, or
    a verb of speech right after it ("Murphy said", "Murphy, an analyst, told") or right before it ("said Murphy")."""
    if [t for t in title if t not in _NOT_PERSON_TITLES]:
        return True
    if re.search(r"\b(?:in|near|across|throughout)\s+$", text[max(0, start - 12) : start]) and text[end : end + 2] not in ("'s", "’s"):
        return False  # a place: "the brightest minds in Silicon Valley, he said"
    if re.match(r",\s+(?:who|whose)\s|\s+of\s+(?:the\s+)?[A-Z]", text[end : end + 12]):  # "Steve Ellis, who heads", "Grego of the Union"
        return True
    if any(r in grammar.titles or r.rstrip("s") in DEFAULT_PERSON_ROLES for r in roles):
        return True
    return bool(_SPEECH_AFTER_RE.match(text, end) or _SPEECH_BEFORE_RE.search(text[max(0, start - 20) : start]))


# Last words of a school's name, which a place's name may open ("US Naval War College"), and of an institution's, which a
# country's name may open ("US Defense Intelligence Agency"; not "Senate" in "Senate Budget Committee", a body of its own).
_SCHOOL_WORDS = frozenset("college university institute academy school laboratory center centre".split())
_INSTITUTION_WORDS = _SCHOOL_WORDS | frozenset(
    "agency ministry department command office council committee bureau commission directorate authority administration corporation"
    " force forces corps guard".split()  # a country's armed service: "Israel Defense Forces", "U.S. Air Force"
)


def _inside_longer_name(text: str, start: int, end: int, country: bool = False) -> bool:
    """Whether a gazetteer alias is the first word of a longer personal name ("Israel" in "Israel Katz"), of a
    publication's ("Washington" in "the Washington Post", "China" in "China Daily") or of a body's ("US Naval War
    College")."""
    if " " in text[start:end]:
        return False
    body = re.match(r"(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,3} ([A-Z][a-z]+)(?![\w'’-]| [A-Z])", text[end : end + 60])
    if body and body.group(1).lower() in (_INSTITUTION_WORDS if country else _SCHOOL_WORDS):
        # the first word of a school's or institute's name, or of a country's agency: "US" in "US Naval War College",
        # "US Defense Intelligence Agency"
        return True
    if (
        body
        and not country
        and re.sub(r"(?<=e)s$", "", body.group(1).lower()) in ("committee", "subcommittee")
        and not re.search(r"[A-Z][\w.'’-]*\s+(?:on|of|for|at)\s+(?:the\s+)?$", text[max(0, start - 40) : start])
    ):
        # a chamber's committee: "Senate" in "the House and Senate Appropriations Committees" (not where a longer run of
        # capitals opens before it: "the top Democrat on the Senate Budget Committee" is a post, and the chamber its body)
        return True
    if body and body.group(1).lower() in OUTLET_WORDS:
        return True  # the first word of a longer publication's name: "Tokyo" in "the Tokyo Defence Digest"
    after = re.match(r" ([A-Z][a-z]+)(?![\w'’-]| [A-Z])", text[end : end + 30])
    if not after or re.fullmatch(_DAY, after.group(1)):
        return False  # (a weekday says when: "told Bloomberg Wednesday that …")
    return after.group(1).lower() in OUTLET_WORDS or after.group(1).lower() not in ORG_WORDS


class _Spans:
    """Spans of a text already taken, to ask quickly whether a new one overlaps any (kept sorted by start)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)  # the spans starting before ``end``; taken spans never overlap
        return i > 0 and self.ends[i - 1] > start

    def end_of(self, start: int, end: int) -> int:
        """The end of the last taken span that overlaps ``start``..``end`` (``start`` if none)."""
        i = bisect.bisect_left(self.starts, end)
        return max([start, *(e for e in self.ends[:i] if e > start)])

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def find_entities(text: str, grammar: Grammar) -> tuple[list[Entity], list[Mention], list[set[str]]]:
    """The people and bodies an article names, merged, with every place they are named (pronouns and roles come later).

    >>> entities, mentions, _ = find_entities("Kremlin spokesman Dmitry Peskov spoke. Peskov said no.", compile_grammar({}))
    >>> [e.name for e in entities], [e.type for e in entities], len(mentions)
    (['Dmitry Peskov'], ['person'], 2)
    """
    registry = _Registry()
    mentions: list[Mention] = []
    taken = _Spans()
    plain = normalise(text)
    for match in _DOCUMENT_OF_RE.finditer(text):  # "A Pentagon fact sheet describes …": the body speaks through it
        # "a July Pentagon presentation", "the Tuesday White House readout": the date is not the body's name
        name = _LEADING_DATE_RE.sub("", " ".join((match.group(1) or match.group(2)).split()))
        if not name or grammar.not_names is not None and grammar.not_names.search(name):
            continue
        index = registry.add(name, entity_type(name) if entity_type(name) in ("organisation", "outlet") else "organisation")
        mentions.append(Mention(match.start(), match.end(), index, "name"))
        taken.add(match.start(), match.end())
    for match in _ORDER_RE.finditer(text):  # "The January 2025 executive order lists …": the document speaks
        # (its short form, where the text gives one, is the same document: "an Executive Order (EO) … the EO noted")
        short = _ACRONYM_AFTER_RE.match(text, match.end())
        index = registry.add("executive order", "document", acronym=short.group(1) if short else "")
        mentions.append(Mention(match.start(), match.end(), index, "name"))
        taken.add(match.start(), match.end())
        if short:
            taken.add(short.start(1), short.end(1))
    for match in _HOLDERS_OFFICE_RE.finditer(text):  # "the Prime Minister's Office", "Prime Minister Mark Carney's office"
        index = registry.add(f"{' '.join(match.group(1).split())}'s Office", "organisation")
        mentions.append(Mention(match.start(), match.end(), index, "name"))
        taken.add(match.start(), match.end())
    for match in _BODY_OF_MINISTRY_RE.finditer(text):  # "the Institute for Disarmament Studies of a country's foreign ministry"
        if not taken.overlaps(match.start(), match.end()):
            index = registry.add(" ".join(match.group(0).split()), "organisation")
            mentions.append(Mention(match.start(), match.end(), index, "name"))
            taken.add(match.start(), match.end())
    for match in _POSSESSIVE_BODY_RE.finditer(text):  # "North Korea's foreign ministry": a body, not the country
        if not taken.overlaps(match.start(), match.end()):
            index = registry.add(f"{match.group(1)}'s {match.group(2)}", "organisation")
            mentions.append(Mention(match.start(), match.end(), index, "name"))
            taken.add(match.start(), match.end())
    for match in _DEMONYM_BODY_RE.finditer(text):
        if not taken.overlaps(match.start(), match.end()) and match.group(1).split()[-1] not in _NOT_DEMONYMS:
            index = registry.add(f"{' '.join(match.group(1).split())} {' '.join(match.group(2).split())}", "organisation")
            mentions.append(Mention(match.start(), match.end(), index, "name"))
            taken.add(match.start(), match.end())
    for match in _BODY_OF_COUNTRY_RE.finditer(text):
        if not taken.overlaps(match.start(), match.end()):
            index = registry.add(" ".join(match.group(1).split()), "organisation")
            mentions.append(Mention(match.start(1), match.end(), index, "name"))
            taken.add(match.start(), match.end())
    if grammar.gazetteer_re is not None:
        for match in grammar.gazetteer_re.finditer(plain):
            name, kind = grammar.gazetteer[" ".join(match.group(0).split())]
            if taken.overlaps(match.start(), match.end()) or _inside_longer_name(text, match.start(), match.end(), kind == "country"):
                continue
            if _NATION_QUALIFIED_BODY_RE.search(text, max(0, match.start() - 30), match.start()) and match.group(0).split()[0].lower() in (
                ORG_WORDS | {"foreign", "defense", "defence"}
            ):
                continue  # "the North Korean Ministry of Foreign Affairs" is not the ministry the codebook means by the bare name
            roles = [*_roles_before(text, match.start(), grammar), *_apposition_roles(text, match.end())]
            roles += [w.lower() for w in match.group(0).split() if w.lower() in grammar.titles]  # "President Donald Trump"
            roles += grammar.actor_roles.get(name, frozenset())  # "Trump … The U.S. president claims": the codebook's roles
            # the kind of body an alias names: "the Missile Defense Agency" (the Pentagon's) is later "the agency"
            roles += [w.lower() for w in match.group(0).split()[-1:] if kind == "organisation" and w.lower() in ORG_WORDS]
            index = registry.add(name, kind, roles)
            registry.by_key[match.group(0).lower()] = index
            mentions.append(Mention(match.start(), match.end(), index, "name"))
            taken.add(match.start(), match.end())
    # A body the codebook knows by a common noun ("the administration") names it without "the" before its work:
    # "according to administration estimates", "administration figures put it at …".
    for alias, (name, kind) in grammar.gazetteer.items():
        if not (alias.startswith("the ") and alias[4:].islower()):
            continue
        for match in re.finditer(rf"(?<![\w'-]){re.escape(alias[4:])}(?=\s+{_SOURCE_WORK_NOUNS})", plain, re.IGNORECASE):
            if not taken.overlaps(match.start(), match.end()):
                mentions.append(Mention(match.start(), match.end(), registry.add(name, kind), "name"))
                taken.add(match.start(), match.end())
    found = _names(text, grammar, grammar.not_names)
    speaking = _speaking_words(text, grammar)
    # Full names first, wherever they stand, so that a surname written before the full name (a live blog, newest entry
    # first; a headline) is known: "LIVE: Takaichi meets Trump" … "Prime Minister Sanae Takaichi is due at …".
    for start, end, name, title, kind in sorted(found, key=lambda n: (len(n[2].split()) == 1, n[0])):
        if taken.overlaps(start, end):
            # "Japan's Ambassador to the United Nations Jane Roe": a known place or body opening the run does
            # not hide the person's name after it, where a title says whose post the place is ("Ambassador to the")
            post = re.search(r"(\w+)\s+(?:to|of|for|in)\s+(?:the\s+)?$", text[max(0, start - 30) : start])
            rest = re.fullmatch(r"\s*((?:[A-Z][\w'’-]+\s+){1,2}[A-Z][\w'’-]+)", text[taken.end_of(start, end) : end])
            if post is None or post.group(1).lower() not in grammar.titles or rest is None or entity_type(rest.group(1)) != "name":
                continue
            if taken.overlaps(end - len(rest.group(1)), end):
                continue
            start, name, title, kind = end - len(rest.group(1)), rest.group(1), [post.group(1).lower()], "name"
        roles_before = _roles_before(text, start, grammar)
        roles = [*title, *roles_before, *_apposition_roles(text, end)]
        if len(name.split()) == 1 and kind != "organisation":
            if text[end : end + 1] == "." and f"{name.lower()}." in grammar.titles:
                continue  # "Gen." before a name is a title, not Defense Minister Gen Nakatani's first name
            # (opening a sentence, a verb after it: "David discussed why …")
            as_subject = bool(
                re.search(r"(?:^|[.!?]\s+|\n\s*)$", text[max(0, start - 3) : start]) and re.match(r"\s+[a-z]+(?:ed|s)\b", text[end:])
            )
            index = registry.find(name, as_subject=as_subject)
            if index is None and _BODY_APPOSITION_RE.match(text, end) and not _ROLE_SPEAKS_RE.match(text, end):
                index = registry.add(name, "organisation", roles)  # "Keidanren, the business lobby, welcomed ..."
            # (a person's role right before it names a person too: '"…," said Kremlin spokesman Peskov')
            role_before = roles_before[:1] and roles_before[0] in DEFAULT_PERSON_ROLES and not re.fullmatch(rf"{_DAY}|{_MONTH}", name)
            # (so does an honorific: "Ms. Fischer, a Nebraska Republican, said", "Mr. Mobolade told the council")
            honorific = re.search(r"\b(?:Mr|Ms|Mrs|Dr)\.?\s+$", text[max(0, start - 5) : start])
            introduced = (title or role_before or honorific) and _plain_capitalised(name, grammar)
            if index is None and (introduced or name in speaking or _lone_speaker(text, start, end, grammar)):
                # '"…," said Taiclet.', "President Brenner would revive it", "And Brenner has … Brenner says": a surname the
                # excerpt never gave in full, a person by where it stands, by the title before it or by speaking
                index = registry.add(name, "person", roles)
            if index is None and _lone_body(text, start, end, grammar):
                index = registry.add(name, "organisation", roles)  # "In its filing, SpaceX said …"
            if index is None:
                continue  # a lone capitalised word nobody introduced: a place, a month, a word at a sentence start
        else:
            acronym_match = _ACRONYM_AFTER_RE.match(text, end)
            acronym = acronym_match.group(1) if acronym_match else ""
            if kind == "document" and (inside := re.search(r"\(([A-Z]{2,4})\)", text[start:end])):
                acronym = inside.group(1)  # "Executive Order (EO) 14186": its short form stands before its number
            if kind == "name":  # "consulting firm Summit Strategy", "the news website Orbital Ledger": what it is, said before
                described = _DESCRIBED_BODY_RE.search(text, max(0, start - 40), start)
                kind = ("outlet" if described.group(1) else "organisation") if described else kind
            index = registry.add(name, kind, roles, acronym)
            if "\n" in text[:start] or not _HEADLINE_RE.match(text):
                registry.in_body.add(index)
        registry.roles[index].update(roles)
        if registry.entities[index].type in PERSONLIKE and _says_person(text, start, end, title, roles, grammar):
            registry.promote(index)
        mentions.append(Mention(start, end, index, "name"))
    # A country right before a body's name qualifies it ("according to the US Department of Defence", "the U.S. Space
    # Force"): the body is the one named, not the country.
    body_at = {m.start for m in mentions if registry.entities[m.entity].type == "organisation"}
    countries = [m for m in mentions if registry.entities[m.entity].type == "country"]
    qualifying = [m for m in countries if text[m.end : m.end + 1] == " " and m.end + 1 in body_at]
    mentions = [m for m in mentions if m not in qualifying]
    mentions.sort()
    return registry.entities, mentions, registry.roles


# --- Attributions in a sentence --------------------------------------------------------------------------------------


# A company's stock ticker, after its name or alone: "Lockheed Martin (NYSE: LMT)", "(NASDAQ:PLTR)", "$ASTS".
_TICKER_RE = re.compile(
    r"\s?\((?:NYSE|NASDAQ|Nasdaq|NYSEAMERICAN|NYSEArca|TSX|TSXV|LSE|OTC|OTCQX|ASX|TYO|KRX)\s*:\s*[A-Z][A-Z.]{0,5}\)|\$[A-Z]{1,5}\b"
)

# ... or bare, in capitals between a name of two capitalised words or more and a word in lower case: "Lockheed
# Martin LMT calling", "Palantir Technologies Inc. PLTR said" (not a post, a country or a regnal number: "Lockheed
# Martin CEO", "the U.S.", "Margrethe II").
_BARE_TICKER_RE = re.compile(
    r"\b[A-Z][a-z]+\.? [A-Z][a-z]+\.? ((?!(?:CEO|CFO|COO|CTO|US|UK|UN|EU|USA|NATO|[IVX]+)\b)[A-Z]{2,5})(?=,? [a-z])"
)
_ANSWERS_TO_RE = re.compile(r"(?i)\breport(?:s|ed|ing)?(?=\s+(?:directly|straight)\s+to\b)")
_NOT_BEFORE_TICKER = frozenset(
    "The A An This That Its Their His Her Our In On At By For With From Of To As And But Or Last Next Each Both When While".split()
    + "January February March April May June July August September October November December".split()
    + "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)


def _masked_text(text: str) -> str:
    """The text attributions are sought in (same length): quotations' insides and stock tickers blanked, a ticker being
    no name (the company named before it speaks past it: "Lockheed Martin (NYSE: LMT) said …"); a nickname between a
    first name and a last one blanked with its marks, so that the two are one name ('Jane "JJ" Roe' is Jane Roe)."""
    masked = _TICKER_RE.sub(lambda m: " " * len(m.group(0)), normalise(_mask_quotes(text)))
    # (reporting straight to someone is answering to them, no report: "a program manager, reporting directly to the
    # deputy secretary")
    masked = _ANSWERS_TO_RE.sub(lambda m: " " * len(m.group(0)), masked)
    # (a ticker set bare after the company's name, as investor notes do: "with Lockheed Martin LMT calling it …"; but a
    # body's short form the text uses elsewhere is no ticker: "In May CBO estimated …", "the CBO" later)
    for ticker in _BARE_TICKER_RE.finditer(masked):
        if ticker.group(0).split()[0] not in _NOT_BEFORE_TICKER and all(
            re.search(r"\b[A-Z][a-z]+\.? $", masked[max(0, m.start() - 20) : m.start()])
            for m in re.finditer(rf"\b{ticker.group(1)}\b", masked)
        ):
            masked = masked[: ticker.start(1)] + " " * len(ticker.group(1)) + masked[ticker.end(1) :]
    for nickname in _NICKNAME_RE.finditer(text):
        line_start, line_end = text.rfind("\n", 0, nickname.start()) + 1, text.find("\n", nickname.end())
        if not _is_title_case(text[line_start : line_end if line_end >= 0 else len(text)]):  # (not a headline's word)
            masked = masked[: nickname.start(1)] + " " * (nickname.end(1) - nickname.start(1)) + masked[nickname.end(1) :]
    return masked


# A nickname of one word in quotation marks between a first name and a last one: 'Jane "JJ" Roe'.
_NICKNAME_RE = re.compile(r"\b[A-Z][a-z]+( [“\"‘'](?:[A-Z][a-z]{1,10}|[A-Z]{2,4})[”\"’'])(?= [A-Z][a-z])")


def _mask_quotes(text: str) -> str:
    """The text with the inside of every quotation blanked (same length), so attributions are sought outside."""
    # (line breaks kept: a quotation cut by one still leaves the lines their starts; an outlet's name set in quotation
    # marks, as some translated pages set it, stays: '“The New York Times” reported, citing two officials')
    def blank(m: re.Match) -> str:
        if len(m.group(0)) <= 40 and outlet_name(m.group(0)[1:-1].strip(" ,.")):
            return m.group(0)
        return m.group(0)[0] + re.sub(r"[^\n]", " ", m.group(0)[1:-1]) + m.group(0)[-1]

    return QUOTE_RE.sub(blank, text)


_DOCUMENT_WORDS = frozenset(
    """own budget documents document report reports statement analysis study estimate estimates letter post memo figures
    data filing website latest new annual official press release spokesperson spokesman spokeswoman""".split()
)
_BUDGET_WORDS = frozenset("budget request requests proposal documents cost spending fiscal tables rollout".split())
_GAP_WORDS = frozenset(
    """is are was were to poised plans planning set expected ready willing will would could may might must
    expects intends aims hopes""".split()
) | frozenset(
    "has have had also later then further previously again once recently repeatedly publicly has been would will did does".split()
)


# When a verb happened, written between its subject and the verb; it says nothing about who speaks.
# A possessor's words or document between it and the verb they speak by: "Trump's claim on social media suggested",
# "the CBO's arithmetic assumes".
_POSSESSIVE_WORDS_RE = re.compile(
    r"^['’]s\s+(?:[\w-]+\s+){0,2}?(?:claim|claims|post|posts|statement|remarks|comments|message|proposal|letter|report|study|analysis|"
    r"estimate|estimates|figures|calculations?|math|arithmetic|numbers|data)(?:\s+(?:on|in)\s+(?:social\s+media|[A-Z]\w*(?:\s+[A-Z]\w*)?))?$"
)
# Who saw a document, between it and its verb: "an internal Pentagon slide deck seen by Reuters showed".
_SEEN_BY_RE = re.compile(r"\b(?:seen|obtained|reviewed|viewed)\s+by\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*")
# A document's publication, its date taken out before: "The CBO report, released in May, estimated", "New CBO data
# published this week shows".
_PUBLISHED_RE = re.compile(r",?\s*\b(?:released|published|issued|made\s+public)\b(?!\s+by\b)\s*,?")
_TIME_ADVERBIAL_RE = re.compile(
    r"(?i)\b(?:(?:on|last|this|next|late|early)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|"
    r"spring|summer|fall|autumn|winter|morning|afternoon|evening|night)|in\s+(?:(?:early|late|mid-?)\s*)?(?:January|February|March|"
    r"April|May|June|July|August|September|October|November|December)(?:\s+\d{4})?|in\s+\d{4}|(?:earlier|later)\s+this\s+"
    r"(?:week|month|year)|yesterday|today|on\s+\w+\s+\d{1,2}"
    # (a date alone: "the Pentagon's April 21 budget rollout")
    r"|(?-i:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}(?:,\s+\d{4})?))\b"
)


# A relative clause that closes a sentence, saying what its last-named source is: ", which keeps the service's books."
_SOURCE_DESCRIBED_AFTER_RE = re.compile(r"^\s*,\s*(?:which|who)\b[^;:\n]*$")
# ... or who relays it, closing the sentence: "…, according to Bloomberg calculations, Report informs."
_RELAYED_AFTER_RE = re.compile(r"^\s*,\s*(?:[A-Z][\w.&'’-]*\s+){1,4}(?:reports|reported|informs|informed)\s*[.!]?\s*$")
# "Sen. Jack Reed of Rhode Island, the top Democrat …, told", "Todd Harrison over at AEI figures"
_AFFILIATION_RE = re.compile(
    r"^(?:over\s+)?(?:of|at|from|for)\s+(?:the\s+)?[A-Z][\w.'-]*(?:\s+(?:(?:of|for|and|the|on)\s+)*[A-Z][\w.'-]*)*"
)
# "The CBO's earlier work, a May 2025 letter to Merkley, put …": the possessive's document, then its apposition
_POSSESSIVE_DOCUMENT_RE = re.compile(
    r"^['’]s\s+(?:(?:own|earlier|latest|new|first|recent|annual|\d{4})\s+){0,2}(?:work|report|study|analysis|letter|estimate)(?=,)"
)
# Documents a body or a person puts its words or figures in.
_WRITTEN_DOCUMENTS = r"(?:letter|report|study|analysis|paper|memo|assessment|filing|review|briefing|testimony|statement|framework|estimate)"
# ... the document, its date, with no commas: "the budget office in a 2025 letter estimated …"
_IN_ITS_DOCUMENT_GAP_RE = re.compile(rf"\bin\s+(?:a|an|his|her|its|their)\s+(?:[\w-]+\s+){{0,3}}?{_WRITTEN_DOCUMENTS}\s*$")
# A document's title in commas after it: "An American Enterprise Institute framework, "…," put …".
_TITLE_IN_COMMAS_RE = re.compile(rf"\b({_WRITTEN_DOCUMENTS})\s*,\s*[\"“][^\"“”]*[\"”]\s*,?")
# "Todd Harrison of the American Enterprise Institute, in a 2025 study titled "…", estimated …"
_IN_A_STUDY_RE = re.compile(r"^,\s*in\s+(?:a|an|his|her|its|their)\s+[^,;:“\"]{0,60}?(?:[“\"][^”\"]{0,80}[”\"]\s*,?|,)\s*$")
# A gap that makes the name before it the subject: an apposition closed ("Mao Ning, said"), "…, which said", "…, whose
# 2025 study put".
_SUBJECT_BEFORE_GAP_RE = re.compile(
    r",|,\s*which|,\s*whose\s+(?:[\w-]+\s+){0,2}(?:study|report|analysis|estimate|paper|office|work|letter)"
)


# A person's description in apposition, closed by "who" (an aside in commas may follow it) before the verb.
_DESCRIBED_WHO_RE = re.compile(
    r",\s+(?:a|an|the|former|now)\s+[^,;:.“”\"]{1,140}?\s+who(?:\s*,[^,;:.“”\"]{1,60},)?\s+(?:also\s+|has\s+|had\s+)?"
)
# Abbreviated titles right before a name: "Rep. ", "Lt. Gen. ".
_TITLE_TAIL_RE = re.compile(rf"(?:\s*\b(?:{'|'.join(TITLE_ABBREVIATIONS)})\.)+\s*$")
# A party and state written after a lawmaker's name in commas: ", D-Wash.", ", R-N.D.", ", I-Maine".
_PARTY_TAG_RE = re.compile(r"^,\s*[DRI]-[A-Z][A-Za-z.]{0,12}(?=\s*,)")
# What an unnamed source's description adds between it and its verb.
_ANONYMITY_RE = re.compile(rf"(?i)\b{_HOW_THEY_KNOW}")


# An aside set off by dashes, closing right before a verb.
_DASHED_ASIDE_BEFORE_RE = re.compile(r"\s*[—–]\s[^—–\n]{3,240}?\s[—–]\s*$")
# Documents of several, one body named among them, right before that body: "other studies, including those by
# the CBO, put …".
_INCLUDING_THOSE_RE = re.compile(
    r"\b(?:estimates|assessments|analyses|projections|studies|reports|figures|calculations),\s+including\s+(?:those|ones)\s+"
    r"(?:from|by|of)\s+(?:the\s+)?$"
)
# Where the subject spoke, between it and its verb: "Trump speaking at the White House announced", "Hegseth, speaking to
# reporters in Tampa, said".
_SPEAKING_AT_RE = re.compile(
    r"(?:^|(?<=,)|(?<=\s))\s*(?:speaking|writing|appearing|testifying|talking)\s+(?:at|in|to|on|before|from|with)\s+"
    r"(?:(?:the|a|an)\s+)?(?:(?:[A-Z][\w.'’-]*|reporters|journalists|lawmakers|senators|a\s+\w+)\s*){1,4}"
    r"(?:\s*(?:in|at|on)\s+(?:[A-Z][\w.'’-]*\s*){1,3})?,?"
)


def _words_between(masked: str, start: int, end: int) -> list[str] | None:
    """The words between a speaker and a verb, an apposition between commas skipped; None where a clause intervenes."""
    gap = re.sub(r"\s*\([^()]{1,25}\)", "", masked[start:end]).strip()  # "Sen. Jack Reed (D-R.I.) said"
    gap = _PARTY_TAG_RE.sub("", gap)  # "Rep. Adam Smith, D-Wash., said"
    # What may stand between a subject and its verb without changing who speaks: an affiliation, when, a source's
    # description, a possessive's document before its apposition, a study named in an aside.
    for said_nothing, left in (
        (_SPEAKING_AT_RE, " "),
        (_AFFILIATION_RE, ""),
        (_TIME_ADVERBIAL_RE, " "),
        (_PUBLISHED_RE, " "),
        (_ANONYMITY_RE, " "),
        (_POSSESSIVE_DOCUMENT_RE, ""),
        (_SEEN_BY_RE, " "),
        (_POSSESSIVE_WORDS_RE, ""),
        (_IN_ITS_DOCUMENT_GAP_RE, " "),
        (_TITLE_IN_COMMAS_RE, r"\1 "),
    ):
        gap = said_nothing.sub(left, gap).strip()
    gap = _IN_A_STUDY_RE.sub(",", gap)
    if _SUBJECT_BEFORE_GAP_RE.fullmatch(gap):
        return []  # the name was itself the apposition ("the ministry's spokeswoman, Mao Ning, said"); "…, which said"
    if gap.startswith(",") and "," in gap[1:]:
        apposition, gap = gap[1:].rsplit(",", 1)
        plain = re.sub(r"\b(?:Sen|Rep|Gen|Dr|Lt|Col|Adm|Mr|Ms|Mrs|Gov|Sgt|Capt|Maj|St)\.|\b(?:[A-Z]\.){2,}", "", apposition)
        if len(apposition.split()) > 18 or re.search(r"[.;:!?“”\"]", plain):
            return None
        gap = gap.strip()
    if re.search(r"[,;:!?“”\".]", gap):
        return None
    found = _WORD_RE.findall(gap)
    if gap.startswith(("'s", "’s")):  # "the White House's own budget documents now describe"
        found = [w for w in found[1:] if w.lower() not in _DOCUMENT_WORDS]
    return found


# Verbs by which a body puts out a document ("has issued a disturbing statement", "released a new report"), and the
# kinds of document that give a finding ("a study", "an analysis").
_ISSUING_VERBS = r"(?:issued|released|published|put\s+out|produced|unveiled|sent|delivered|posted|filed)"
_FINDING_DOCUMENTS = r"(?:study|report|analysis|paper|estimate|assessment|projection|review)"
# A document and its author, opening a sentence: "A new report by the", "An unclassified assessment by".
_DOCUMENT_BY_RE = re.compile(
    # (after a word that links the sentence to the one before: "Still, a study from the U.S. budget office …")
    r"(?i)\W*(?:(?:however|but|and|yet|still|meanwhile|moreover|instead|separately|indeed|now),?\s+)?"
    rf"(?:(?:(?:an?|the|one|its|this)\s+)?(?:[\w-]+\s+){{0,3}}?(?:{_FINDING_DOCUMENTS}|survey|letter|memo|documents|filings|reports|reporting|coverage|studies)\s+"
    r"(?:(?:released|published|issued|prepared|written|produced|conducted)\s+)?(?:by|from)\s+(?:the\s+)?(?:U\.S\.\s+|US\s+)?"
    # "Estimated projections from the White House put the cost at …": figures from a body, their sentence's subject
    r"|(?:[\w-]+\s+){0,2}?(?:estimates|projections|projects|figures|numbers|calculations)\s+from\s+(?:the\s+)?"
    # "An editorial in the Global Times called …": a publication's own piece speaks for it
    r"|(?:(?:an?|the|one)\s+)?(?:[\w-]+\s+)?(?:editorial|commentary|column|op-ed|opinion\s+piece|leader)\s+(?:in|by|from)\s+(?:the\s+)?)$"
)


# The end of a quotation and the comma inside or after it, before whoever it is credited to.
# (in masked text, where the quotation's words and their comma are blanked)
_CREDIT_AFTER_QUOTE_RE = re.compile(r"\s[”\"’']\s*,?\s*(?=[A-Z])")


# Words for a share of a group, before "of": "per cent of respondents", "a majority of voters".
_SHARE_WORDS = frozenset({"cent", "percent", "majority", "most", "half", "third", "quarter", "share", "minority", "plurality"})


def _subject_before(
    masked: str,
    lo: int,
    verb: int,
    candidates: list[Mention],
    not_after: frozenset[str],
    people: frozenset[int] = frozenset(),
    names: frozenset[int] = frozenset(),
) -> Mention | None:
    """The speaker of a verb written after its subject: the nearest candidate before it, a few plain words between (of
    two ``people`` joined by "and", the first)."""
    # Right after a quotation, a person and their description up to the verb, its closing comma forgotten: "'…,' Justin
    # Logan, Director of Studies at the Cato Institute told the Daily Mail" is Logan's, not the institute's.
    # An aside in dashes right before the verb is no part of its subject: "Trump — flanked by Hegseth and Sens. Jim
    # Banks, Kevin Cramer and Dan Sullivan (Alaska) — announced" is Trump's.
    dashed = _DASHED_ASIDE_BEFORE_RE.search(masked, lo, verb)
    if dashed:
        verb = dashed.start()
    credited = _CREDIT_AFTER_QUOTE_RE.search(masked, lo, verb)
    if credited and (people or names):
        first = [m for m in candidates if m.start == credited.end() and m.entity in people | names]
        tail = masked[first[0].end : verb] if first else ""
        if first and tail.startswith(",") and not re.search(r"[.;:!?\"“”‘’]", tail) and len(tail.split()) <= 15:
            return first[0]
    # A person, then a description of them that "who" closes, then its verb: "Theodore Postol, an MIT physicist and
    # former Pentagon adviser who, in a lecture, called …" is Postol's, not the Pentagon's.
    for mention in (m for m in candidates if lo <= m.start and m.end <= verb and m.entity in people):
        if _DESCRIBED_WHO_RE.fullmatch(masked, mention.end, verb):
            return mention
    for mention in sorted((m for m in candidates if lo <= m.start and m.end <= verb), key=lambda m: m.end, reverse=True):
        if mention.entity >= 0 and mention.entity not in people | names and _WHICH_SAID_RE.fullmatch(masked, mention.end, verb):
            return mention  # "… referred questions to the Prime Minister's Office, which said …" ("who" may follow an apposition)
        if mention.entity >= 0 and _WHICH_HAS_SAID_RE.fullmatch(masked, mention.end, verb) and _SPEECH_VERB_RE.match(masked, verb):
            return mention  # "… drew fire from Beijing, which has framed it as …": a verb of speech after "has"
        # (an aside in commas may follow "who": "…, who, in a January lecture, called …")
        who = re.fullmatch(r"\s*,\s*who(?:\s*,[^,;:.\"“”]{1,60},)?\s+(?:also\s+|has\s+|had\s+)?", masked[mention.end : verb])
        if mention.entity >= 0 and who and _SPEECH_VERB_RE.match(masked, verb):
            # "… such as Prof Joan Smith of the Naval War College, who said": the person whose body it is
            holder = [
                m for m in candidates if m.entity >= 0 and re.fullmatch(r"\s+(?:of|at|from)\s+(?:the\s+)?", masked[m.end : mention.start])
            ]
            if holder and holder[-1].entity in people and mention.entity not in people:
                return holder[-1]
            if mention.entity in people:
                return mention
        if (
            mention.entity >= 0
            and _RELATIVE_ASIDE_RE.fullmatch(masked, mention.end, verb)
            and not (mention.entity in people and masked[mention.end : verb].lstrip(" ,").startswith("which"))
        ):
            # a relative clause closed before the verb: "Jane Roe, who was budget chief under President George W. Bush,
            # estimated" is Roe's ("which" is never a person's)
            return mention
        head = masked[lo : mention.start]
        # Words before a quotation do not govern a subject after it ('… desire for "…," the statement explained').
        before = _WORD_RE.findall(re.split(r"[”\"]", head)[-1])
        while before and before[-1].lower() in ("the", "a", "an"):
            before.pop()
        # "with Beijing accusing …", "with Todd Harrison of AEI noting: …"
        # (an adverb may come between: "with Laura Grego of UCS rightly calling it …")
        adverbs = _words_between(masked, mention.end, verb)
        participle = (
            bool(re.match(r"\w+ing\b", masked[verb : verb + 30], re.IGNORECASE))
            and adverbs is not None
            and all(w.endswith("ly") for w in adverbs)
        )
        if mention.entity >= 0 and _DOCUMENT_BY_RE.fullmatch(masked, lo, mention.start) and _words_between(masked, mention.end, verb) == []:
            return mention  # "A report by the Defense Intelligence Agency warned that …": the document speaks for its author
        # ("most respondents said", "a majority of voters say": a share of a group speaks for it)
        share = (
            len(before) >= 2
            and before[-1].lower() == "of"
            and (before[-2].lower() in _SHARE_WORDS or bool(re.fullmatch(r"\d[\d.,]*", before[-2])))
        )
        post = masked[mention.start : mention.end].split()
        if mention.entity in people and len(post) > 1 and all(w.lower().strip(".") in _TITLE_WORDS for w in post):
            continue  # a post without its holder's name ("Sergey Ryabkov, Deputy Foreign Minister, indicated"): the holder's
        if mention.entity >= 0 and _INCLUDING_THOSE_RE.search(masked, lo, mention.start) and masked[mention.end : verb].strip() == ",":
            return mention  # "Outside estimates, including those from the CBO, put …": the one body named among them
        # ... nor is one a verb of reacting governs, unless an -ing form follows it as its own verb: "the hosts reacted to
        # President Trump offering Canada a place for $61 billion" is Trump's offer
        gerund = (
            participle
            and len(before) >= 2
            and before[-1].lower() in ("to", "about")
            and bool(re.fullmatch(r"(?:react|respond|object|refer|point|listen|alarm)\w*", before[-2].lower()))
            and "," not in masked[mention.end : verb]
        )
        if before and before[-1].lower() in not_after and not (participle and before[-1].lower() == "with") and not share and not gerund:
            continue  # "talks with Trump said" is not Trump's; "with Beijing accusing Tokyo of ..." is Beijing's
        if mention.entity < 0:
            continue
        if mention.entity in people | names and re.search(r",\s*which\s", masked[mention.end : verb]):
            continue  # "a statement signed by Putin and Xi on May 8, which called …": "which" is never a person
        if re.fullmatch(r"['’]s\s+", masked[mention.end : verb]) and masked[mention.start : mention.end].lower() not in ("he", "she"):
            # a possessive before a participle is not its subject: "Trump's proposed shield would cost" ("He's made clear"
            # is "he has")
            continue
        if masked[mention.end : verb].strip() == "," and _MADE_BY_RE.search(masked, lo, mention.start):
            return mention  # "One of them, conducted by the American Enterprise Institute, suggests": the study speaks for it
        # (a title between the comma and the name is the name's: "The ranking member, Rep. Adam Smith, called …")
        if masked[mention.end : verb].strip() == "," and not _without_title(masked[lo : mention.start]).endswith(","):
            continue  # inside a description in commas: "Merkley, the top Democrat on the Budget Committee, told"
        if masked[mention.end : verb].strip() == ",":
            # an apposition in commas: "Frank St. John, Lockheed Martin COO, said" is St. John's
            named = [m for m in candidates if m.entity >= 0 and lo <= m.start and re.fullmatch(r",\s*", masked[m.end : mention.start])]
            # where the body is, after a person described before it: "Jane Roe, a researcher at Brightwater College, North
            # Carolina, puts it"
            if named and re.search(r"\b(?:at|of|from|in)\s+(?:the\s+)?$", masked[lo : named[-1].start]) and any(
                lo <= m.start and m.end < named[-1].start and m.entity in people | names and _DESCRIPTION_AFTER_RE.match(masked, m.end)
                for m in candidates
            ):
                continue
            if named and mention.entity in names and named[-1].entity not in names:
                return mention  # "Canada's ambassador to the UN, Bob Rae, likened": the person, not the body in his title
            role = masked[named[-1].start : named[-1].end].split() if named else []
            if role and role[-1].islower() and masked[mention.start].isupper():
                return mention  # "A ministry spokesperson, Ana Ruiz, said": the name the role is given
            if named:
                return named[-1]
        if _IN_CHARGE_OF_RE.fullmatch(masked, mention.end, verb):
            return mention  # "The general in charge of President Trump's missile shield told senators": the general
        between = _words_between(masked, mention.end, verb)
        passive = bool(between) and bool({w.lower() for w in between} & {"is", "was", "are", "were", "be", "been", "being"})
        if passive and re.match(r"(?:\w+ed|told|shown|given|written)\b", masked[verb : verb + 20]):
            return None  # passive: "it is estimated", "the system was projected" names no estimator; "Canada was told" no speaker
        # (a body's document between them speaks for it: "Space Force budget documents show", "The CBO cost estimate found")
        extra = [w for w in between or [] if w.lower() not in _GAP_WORDS | _DOCUMENT_WORDS | _BUDGET_WORDS]
        # One word of its own may stand between ("Trump reportedly said"), but not a verb of another clause: in "the
        # law Trump signed set aside $25 billion", Trump is the subject of "signed", not of "set aside".
        if between is not None and len(extra) <= 1 and len(between) <= 3 and not (extra and re.fullmatch(r"[a-z]+ed", extra[0])):
            # "Trump and Defense Secretary Pete Hegseth said": the pair's first, as "he" would be
            pair = [
                m
                for m in candidates
                if {m.entity, mention.entity} <= people
                and m.end <= mention.start
                and _SECOND_CONJUNCT_RE.fullmatch(masked, m.end, mention.start)
            ]
            return pair[-1] if pair else mention
        # Too far, or a clause between: an earlier candidate may still be the subject, with this one in its
        # apposition ("Roe, a spokesperson for the ministry, urged"); its own gap is checked the same way.
    return None


# A verb of rejecting and the estimates or claims it rejects: "dismissed outside cost estimates", "rejected claims".
_DISMISSED_ESTIMATES_RE = re.compile(
    r"(?:dismiss|reject|disput|question|challeng|deni|deny|brush\w*\s+(?:aside|off)|rebut|refut|scoff\w*\s+at|push\w*\s+back\s+(?:on|against))"
    r"\w*\s+(?:(?:the|those|these|such|some|all|any)\s+)?(?:[\w-]+\s+){0,3}?(?:estimates?|projections?|figures?|claims?|reports?|forecasts?|"
    r"numbers|calculations?|suggestions?|predictions?|assessments?)\b"
)
# What a post's holder is in charge of, between the post and its verb: " in charge of the Golden Dome program ".
_IN_CHARGE_OF = r"in\s+charge(?:\s+of(?:\s+[\w$.'’-]+){1,8}?)?"
_IN_CHARGE_OF_RE = re.compile(rf"\s+{_IN_CHARGE_OF}\s*")
# A description in apposition opening right after a name: "Jane Roe, a researcher at …".
_DESCRIPTION_AFTER_RE = re.compile(r",\s+(?:a|an|the)\s")
# A relative clause in commas between a subject and its verb (abbreviations' stops inside: "George W. Bush").
_RELATIVE_ASIDE_RE = re.compile(r"\s*,\s*(?:who|which)\s+[^,;:“”\"]{1,120},\s*")


def _without_title(head: str) -> str:
    """The words before a name without the title that ends them, abbreviated or in full ("…, Sen.", "…, Colonel")."""
    head = _TITLE_TAIL_RE.sub("", head).rstrip()
    words = head.split()
    while words and words[-1][:1].isupper() and words[-1].lower() in _TITLE_WORDS:
        head = head[: len(head) - len(words.pop())].rstrip()
    return head


def _clause_subject(masked: str, lo: int, verb: int, candidates: list[Mention], entities: list[Entity] | None = None) -> Mention | None:
    """The subject of the clause a participle ("…, saying") hangs on: the first person or body named at the sentence's
    start (within its first six words)."""
    # "Talking to reporters in the capital, Kremlin aide Dmitry Peskov …, stating": the circumstance is no subject
    circumstance = _CIRCUMSTANCE_RE.match(masked, lo)
    comma = masked.find(",", lo, verb) if circumstance else -1
    # (a phrase of up to sixteen words: "In a long speech to business leaders at a Swiss resort last winter, Trump …")
    lo = comma + 1 if comma >= 0 and len(_WORD_RE.findall(masked[lo:comma])) <= 16 else lo
    before = sorted(m for m in candidates if lo <= m.start < verb)
    for k, mention in enumerate(before):
        if masked[mention.end : mention.end + 2] in ("'s", "’s"):
            continue  # "The Kremlin's spokesman, Dmitry Peskov, ...": the owner of a noun is not its subject
        if masked[mention.start - 1 : mention.start] == "(" and masked[mention.end : mention.end + 1] == ")":
            continue  # "(MENAFN) Russia described …, asserting": a wire's credit in brackets is no subject
        # "Chinese foreign ministry spokesperson Mao Ning urged …, warning": the body only qualifies the person.
        # ("Ambassador to the US Kirsten Hillman pushed back …, while acknowledging": the person the place qualifies)
        mention = _opening_mention(masked, before[k:], entities) or mention
        if len(_WORD_RE.findall(masked[lo : mention.start])) <= 6:
            return mention
        break
    return None


# Capitalised words of a post, with "of", "for" and "the" between: "Vice Chief of Space Operations Gen."
_POST_BEFORE_NAME_RE = re.compile(r"(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:(?:of|for|the)\s+)*[A-Z][\w.'’-]*){0,7}")


def _is_post_then_title(words: list[str]) -> bool:
    """Whether the words between a body's name and a person's are a post of the body's that ends in the holder's title
    ("Chief of Space Operations Gen.", "Air Force General"), so that the person, not the body, is meant.

    >>> _is_post_then_title("Air Force General".split()), _is_post_then_title("said on Monday".split())
    (True, False)
    """
    return (
        0 < len(words) <= 6
        and (words[-1].rstrip(".") in TITLE_ABBREVIATIONS or words[-1].lower() in _TITLE_WORDS)
        and bool(_POST_BEFORE_NAME_RE.fullmatch(" ".join(words)))
    )


def _subject_after(
    masked: str, verb_end: int, hi: int, candidates: list[Mention], personlike: frozenset[int] = frozenset()
) -> Mention | None:
    """The speaker of an inverted verb: ``, said Peskov`` / ``" said the spokesman`` (the first candidate right after it);
    ``personlike`` are the entities that are persons or names of unknown kind."""
    after = [m for m in candidates if verb_end <= m.start < hi]
    if not after:
        return None
    first = min(after, key=lambda m: m.start)
    gap = masked[verb_end : first.start].split()
    # Nothing between, an article, a few capitalised words and titles, or a word that describes: "said Republican
    # Senator Kevin Cramer", "said retired NASA astronaut Sen. Mark Kelly" (a body before a role and a name qualifies him).
    described = (
        first.kind == "name"
        # (three where the last is a person's role: "explained missile defense expert Thomas Karako")
        and (0 < len(gap) <= 2 or len(gap) == 3 and gap[-1] in DEFAULT_PERSON_ROLES)
        and all(re.fullmatch(r"[a-z]+", w) and not w.endswith("ly") and w not in _FUNCTION_WORDS | _CLAUSE_WORDS for w in gap)
    ) or (
        # a firm's name before the role: "wrote Jefferies analyst Sheila Kahyaoglu"
        first.kind == "name"
        and 2 <= len(gap) <= 3
        and gap[-1] in DEFAULT_PERSON_ROLES
        and all(re.fullmatch(r"[A-Z][\w&.'’-]*", w) for w in gap[:-1])
    )
    if described:
        first = _opening_mention(masked, sorted(after)) or first
        # (a country's or body's post before its holder's title and name: "explained retired U.S. Air Force General Jane Roe")
        held = [m for m in sorted(after) if m.start >= first.end and m.entity in personlike]
        if held and _is_post_then_title(masked[first.end : held[0].start].split()):
            first = held[0]
    # a post and its holder's title before the name: "said Deputy Chief of Naval Operations Adm. Jane Roe"
    post = bool(gap) and gap[-1].rstrip(".") in TITLE_ABBREVIATIONS and bool(_POST_BEFORE_NAME_RE.fullmatch(" ".join(gap)))
    if (
        described
        or post
        or (
            len(gap) <= 4
            and all(w.lower() in ("the", "a", "an") or w[:1].isupper() for w in gap)
            and not re.search(r"[,;:]", " ".join(gap))
        )
        # a title in lower case, or a country's, before the name: "says former prime minister Scott Morrison", "said
        # Australia's former prime minister Scott Morrison"
        or (
            first.kind == "name"
            and 0 < len(gap) <= 5
            and any(w in _TITLE_WORDS for w in gap)
            and all(w.lower() in ("the", "a", "an") or w in _TITLE_WORDS or re.fullmatch(r"[A-Z][\w.'’-]*", w) for w in gap)
        )
    ):
        # "said the premier's spokesperson Ana Ruiz": the one whose role the possessive names, not its owner
        named = [m for m in after if m.start > first.start and m.kind == "name"]
        if named and re.fullmatch(r"['’]s\s+(?:[\w-]+\s+){1,3}", masked[first.end : named[0].start]):
            return named[0]
        # ... or the person its possessive places: "observes Durham University's Bowen"
        if named and re.fullmatch(r"['’]s\s+", masked[first.end : named[0].start]) and named[0].entity in personlike:
            return named[0]
        # ... and "said Missile Defense Agency spokesman Mark Wright": the body only qualifies the role of the one named
        # ("said Senate Armed Services Committee Chairman Roger Wicker": the title may be capitalised, and the holder's own
        # title may follow it: "… Committee Chairman Sen. Roger Wicker")
        role = _ROLE_BEFORE_NAME_RE.fullmatch(masked, first.end, named[0].start) if named else None
        if role and role.group(1).lower() in DEFAULT_PERSON_ROLES:
            return named[0]
        return first
    return None


# The role between a body's name and its holder's, and the holder's own title: " spokesman ", " Chairman Rep. ".
_ROLE_BEFORE_NAME_RE = re.compile(rf"\s+(?:[A-Za-z]+\s+)?([A-Za-z]+)\s+(?:(?:{'|'.join(TITLE_ABBREVIATIONS)})\.\s+)?")
# A figure a sentence opens with: "At $175 billion, Donald Trump's Golden Dome …" (read up to the figure).
_AT_FIGURE_RE = re.compile(r"\W*At\s+(?:about\s+|roughly\s+|some\s+|nearly\s+)?")
# A preposition right before a word, which makes the word a noun ("for details", "of reports").
_PREPOSITION_BEFORE_RE = re.compile(r"(?i)\b(?:for|of|with|without|on|about|into|from)\s+$")
# Verbs of speech that are also plural nouns, and the words that make them nouns where they stand before them, a name
# perhaps between ("initial Wall Street estimates", "independent estimates").
_VERB_NOUNS = frozenset({"estimates", "projects", "reports", "figures", "claims", "calls", "forecasts", "warns"})
_NOUN_BEFORE_RE = re.compile(
    r"\b(?:initial|early|earlier|previous|prior|official|independent|outside|latest|current|rough|conservative|higher|lower|"
    r"own|such|these|those)\s+(?:[A-Z][\w.&'’-]*\s+){0,3}$"
)
# A sentence opening with a passive participle before its figure: "Said to cost", "Estimated at", "Expected to cost about".
_FRONTED_PASSIVE_RE = re.compile(
    r"\W*(?:(?:Said|Estimated|Expected|Projected|Priced|Budgeted|Valued|Pegged|Slated|Set)\s+(?:to\s+(?:cost|run|reach|total)\s+|at\s+)"
    r"|(?:Touted|Billed|Pitched|Described|Marketed|Sold)\s+as\s+(?:an?\s+)?)"
    r"(?:(?:about|around|roughly|nearly|some|more\s+than|at\s+least|up\s+to|as\s+much\s+as)\s+)?"
)
# A passive whose agent gives what the sentence goes on to price: "It was announced by President Donald Trump …".
_ANNOUNCED_BY_RE = re.compile(
    r"\b(?:was|were|is|are|been)\s+(?:first\s+)?(?:announced|unveiled|proposed|introduced|launched|floated|put forward|priced|pegged|"
    r"estimated|put|valued|set)\s+by\s+"
)
_FRONTED_ANNOUNCED_BY_RE = re.compile(
    r"[\s\"“‘']*(?:First\s+|Originally\s+)?(?:Announced|Unveiled|Proposed|Introduced|Launched|Floated|Put forward)"
    r"(?:\s+[\w-]+){0,4}?\s+by\s+"
)
# ... the same participle set off in commas after the subject, or the noun of announcing: "The project, announced by
# President Donald Trump in May, is a $175 billion plan", "The announcement by Trump of a $175 billion shield …".
_ANNOUNCED_BY_ASIDE_RE = re.compile(
    r",\s*(?:first\s+|originally\s+)?(?:announced|unveiled)(?:\s+[\w-]+){0,4}?\s+by\s+"
    r"|\b(?:[Aa]nnouncement|[Uu]nveiling)\s+by\s+"
)
# Between a figure and its conversion in brackets: " (", " (about ".
_CONVERSION_OPENING_RE = re.compile(r"\s*\(\s*(?:about|around|roughly|approximately|some)?\s*")
# What follows a sum passed or set aside: "(S$31 billion) appropriated for", "earmarked for", "set aside in".
_BUDGET_FACT_AFTER_RE = re.compile(
    r"(?:\s*\([^()]{0,30}\))?\s+(?:(?:already|previously|recently|originally|first|just)\s+)?"
    r"(?:appropriated|approved|earmarked|allocated|set\s+aside|authorized|authorised)\b(?!\s+by\b)"
)
# A passive of pricing right before its figure, its agent after it: "was put at about … by", "is valued at … by".
_PRICED_AT_RE = re.compile(
    r"\b(?:was|were|is|are|been|being)\s+(?:put|valued|priced|pegged|estimated|set|costed|tallied)\s+at\s+"
    r"(?:(?:about|around|roughly|some|nearly|just|up\s+to|more\s+than)\s+)?$"
)
# ... and what stands between that figure and its agent: " by ", " over ten years by ".
_FIGURE_BY_RE = re.compile(r"(?:\s+(?:in|over|for)\s+[\w-]+(?:\s+[\w-]+)?)?\s+by\s+")
# A body, perhaps its document, then "which" and the verb: "…, which said", "the latest CBO report, which estimates".
_WHICH_SAID_RE = re.compile(
    r"(?:\s*\([A-Z]{2,6}\))?(?:\s+(?:report|study|analysis|estimate|assessment|letter|review|paper))?"
    # (a time after the name: "… came from the budget office in May 2025, which found …")
    r"(?:\s+(?:in|on|during)\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\.?\s*)?(?:\d{1,2},?\s*)?(?:\d{4})?)?\s*,\s*which\s+"
    # (another verb of its own before "and": "…, which looked only at the interceptors and found …")
    r"(?:[a-z]+ed\b[^,;:.“”\"]{0,80}?\s+and\s+(?:then\s+)?)?"
)
# The same with an auxiliary before a verb of speech: "… Beijing, which has framed it as …".
_WHICH_HAS_SAID_RE = re.compile(r"\s*,\s*which\s+(?:also\s+)?(?:has|had)\s+(?:also\s+|since\s+|repeatedly\s+|publicly\s+)?")
# A document's maker in commas before the verb the document speaks by: ", conducted by the conservative ".
_MADE_BY_RE = re.compile(
    r",\s*(?:conducted|written|authored|produced|prepared|published|commissioned|released)\s+by\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}$"
)
# A sentence opening with a person's words or manner: "But his language indicated …, saying".
_HIS_OPENING_RE = re.compile(r"\W*(?:(?:But|And|Yet|Still)\s+)?(?:His|his|Her|her)\s+[a-z]")
# The documents a role names ("the report said"), which go back to their authors (_document_author).
_DOCUMENT_ROLES = frozenset({"report", "study", "analysis", "letter", "memo", "paper"})
# Documents of words rather than findings: "the statement" is the last statement's, not the last report's.
_STATEMENT_ROLES = frozenset({"statement", "memorandum", "notice", "filing", "press release", "fact sheet", "readout"})
# "the document": whichever document the text named last, of either kind.
_ANY_DOCUMENT_ROLES = frozenset({"document"})
# A document named by role, which "It" may go on to stand for ("… the report said. It added …").
_DOCUMENT_MENTION_RE = re.compile(
    rf"(?i)(?:the|this|that)\s+(?:(?:joint|new|latest|full|written|final)\s+)?(?:{'|'.join(sorted(_DOCUMENT_ROLES | {'statement'}))})\b"
)
# A line that opens with a quotation and a colon, then whose it is: "'…': Trump to Canada", "“…”: Peskov".
_HEADLINE_QUOTE_RE = re.compile(r"\s*[\"“‘'][^\n]{3,200}?[\"”’']\s*:\s+(?:(?:[A-Z][a-z]+|US|U\.S\.)\s+){0,2}(?=[A-Z])")
# Words that open a clause of their own after a verb, never a description of its subject.
_CLAUSE_WORDS = frozenset({"that", "this", "it", "which", "who", "whether", "if", "how", "why", "what", "when", "where"})


def _is_inverted(masked: str, lo: int, verb: int) -> bool:
    """Whether a verb comes right after a quotation, its subject after it: ``"…," said X``."""
    before = masked[lo:verb].rstrip().rstrip(",")
    # A single quotation mark closes a quotation (blanked in ``masked``), not a plural's apostrophe ("the analysts'").
    if not before or before[-1] in '”"’' or before.endswith((" '", ",'")):
        return True
    # ... or an opening phrase, the verb and its subject before the quotation: 'Once complete, said the president, "…"';
    # or the verb and its subject closing the sentence: "…, reported Reuters.", "The plan is a threat, said Peskov."
    after_comma = masked[lo:verb].rstrip().endswith(",")
    return after_comma and bool(_INVERTED_BEFORE_QUOTE_RE.match(masked, verb) or _INVERTED_AT_END_RE.match(masked, verb))


# (not "told": "…, Sen. X, the top Democrat, told NPR." has its subject before the comma); the name may be followed by
# its description: "Interceptors have improved, said Michael O'Hanlon, director of research at …"
# (a title in lower case may stand before the name: "…, says former prime minister Scott Morrison, who …")
_LOWER_TITLE_WORDS = (
    r"(?:former|retired|outgoing|then|ex|acting|prime|minister|secretary|president|vice|deputy|foreign|defen[cs]e|chief|"
    r"senator|general|spokes(?:man|woman|person)|ambassador|governor|chair(?:man|woman)?|director|leader|senior|"
    # (a profession before the name: "wrote Jefferies analyst Sheila Kahyaoglu")
    r"analyst|expert|economist|researcher|scientist|professor|fellow|strategist)"
)
# The roles an unnamed person is known by in a headline, and that end such a person's name ("senior Canadian diplomat").
_UNNAMED_ROLES = r"official|diplomat|spokesperson|spokesman|spokeswoman|aide|lawmaker|source|adviser|advisor|envoy|commander"
# ... and, with a few more, the role that ends a sentence's closing credit: "…, said a senior U.S. official."
_UNNAMED_ROLE_END = rf"(?:{_UNNAMED_ROLES}|officer|analyst|expert|executive)"
_INVERTED_AT_END_RE = re.compile(
    r"(?!told\b|tells\b)\w+\s+(?:(?:the\s+|a\s+)?(?:(?:[A-Z][\w.&'’-]*|" + _LOWER_TITLE_WORDS + r")\s+){0,6}[A-Z][\w&'’-]*(?:\.(?=[\w]))?"
    # (or someone unnamed, by their role: "…, said a Chinese defense spokesperson.", "…, said a senior U.S. official.")
    r"|an?\s+(?:(?:[A-Z][\w.&'’-]*|[a-z]+)\s+){0,4}" + _UNNAMED_ROLE_END + r")"
    r"(?:\s+news\s+agency)?"
    # (the name's body after it: "…, said Laura Grego of the Union of Concerned Scientists.")
    r"(?:\s+(?:of|at|from)\s+(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+(?:(?:of|on|for|and|the)\s+){0,2}[A-Z][\w.&'’-]*){0,6})?"
    r"(?:\s+(?:on|last|this|early|late)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year))?"  # "… on Tuesday."
    r"\s*(?:[.;!?](?=\s+[A-Z\"“‘']|\s*$)|,\s+(?:citing|according|which|who|in|on|adding|noting|(?:an?|the)(?=\s+[a-z])"
    r"|(?:[a-z]+\s+){1,3}(?:of|at|for|with)(?=\s))\b|$|(?=[ \t]*\n))"  # (a headline ends at its line)
)
_INVERTED_BEFORE_QUOTE_RE = re.compile(r"\w+\s+(?:the\s+|a\s+)?[\w .'’-]{1,40}?,\s*[“\"‘]")


# "with" opening an absolute clause whose participle follows: ", with Canadian Ambassador to the UN, Bob Rae, likening"
# (after a comma: not "cooperation with Washington, its ally, pledging").
_WITH_SUBJECT_RE = re.compile(r"(?:^|,)\s*[Ww]ith\s+(?:[\w.'’-]+[\s,]+){1,10}$")
# The opening of a clause that describes a thing, right before that clause's subject: "what his order demands", "of the
# kind the administration has described".
_DESCRIBING_CLAUSE_RE = re.compile(r"\b(?:what|kind|sort|type)\s+(?:of\s+)?(?:the\s+|his\s+|her\s+|its\s+|their\s+)?$", re.IGNORECASE)
# A noun that a clause of its own describes, right before that clause's subject: "the $61 billion figure Trump cited".
_OBJECT_RELATIVE_RE = re.compile(r"\b(?:figure|number|estimate|price|sum|amount|claim|remark|words|comments|language)\s+$")


def sentence_attributions(
    masked: str,
    sentence: Sentence,
    mentions: list[Mention],
    entities: list[Entity],
    grammar: Grammar,
    starts: list[int] | None = None,
    cues: tuple[list[re.Match], list[re.Match]] | None = None,
) -> list[Attribution]:
    """The attributions of one sentence (outside quotations), by position; ``mentions`` sorted by start (``starts``
    their starts, if at hand); ``cues`` are the sentence's verb and marker matches, if found already."""
    lo, hi = sentence.start, sentence.end
    starts = [m.start for m in mentions] if starts is None else starts
    inside = mentions[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]
    found: list[Attribution] = []
    verbs, markers = (
        cues if cues is not None else (list(grammar.verbs.finditer(masked, lo, hi)), list(grammar.markers.finditer(masked, lo, hi)))
    )
    people = frozenset(m.entity for m in inside if m.entity >= 0 and entities[m.entity].type == "person")
    names = frozenset(m.entity for m in inside if m.entity >= 0 and entities[m.entity].type in PERSONLIKE)
    for verb in verbs:
        if _DRAFTING_RE.match(masked, verb.start()) or _CONFIRMED_IN_POST_RE.match(masked, verb.start()):
            continue  # "the appropriators writing next year's defense bill": drafting a law is not speech
        if verb.group(0).lower() in ("think", "believe", "show") and re.search(
            r"\b(?:to|a|the)\s+$", masked[max(lo, verb.start() - 5) : verb.start()]
        ):
            continue  # "led some observers to think that …", "plans to show some capability", "a show of force": no one says it
        # (a verb of spending or pledging keeps its subject where it is only planned: "Tokyo plans to spend $1 billion")
        denied = NEGATED_SPEECH_RE if _SPEECH_VERB_RE.fullmatch(verb.group(0)) else NEGATED_RE
        if denied.search(masked, max(lo, verb.start() - 30), verb.start()) or SAID_NOTHING_RE.match(masked, verb.end()):
            continue  # "Carney has not responded", "The Pentagon did not respond to a request", "has said little": nothing said
        if verb.group(0).lower() in _VERB_NOUNS and _NOUN_BEFORE_RE.search(masked, max(lo, verb.start() - 50), verb.start()):
            continue  # "surpasses initial Wall Street estimates": a noun after its adjective, no verb
        if _PREPOSITION_BEFORE_RE.search(masked, max(lo, verb.start() - 12), verb.start()):
            continue  # "pressed the department for details on the plan": after a preposition, a noun
        if verb.group(0).lower() == "charge" and re.search(r"\bin\s+$", masked[max(lo, verb.start() - 4) : verb.start()]):
            continue  # "the general in charge": a post, no price asked
        # (never after a participle: in '"…," calling it "…"' what follows is its object, not its subject)
        inverted = _is_inverted(masked, lo, verb.start()) and not verb.group(0).lower().endswith("ing")
        subject = _subject_after(masked, verb.end(), hi, inside, names) if inverted else None
        how = "after" if subject is not None else "before"
        participle = (
            verb.group(0).lower() in _SPEECH_PARTICIPLES
            and bool(_REPORTED_CLAUSE_RE.match(masked, verb.end()) or _DOCUMENT_BEFORE_RE.search(masked, lo, verb.start()))
            and not _subject_before(masked, lo, verb.start(), inside, grammar.not_after)
        )
        if subject is None and verb.group(0).lower().endswith("ing") and (masked[lo : verb.start()].rstrip().endswith(",") or participle):
            if found and re.fullmatch(r"\w+(?:\s+\w+){0,3}\s*,\s*", masked[found[-1].position : verb.start()]):
                # "…, Beijing has warned, describing Washington as …": the participle goes on with the verb of speech
                # right before it, and its speaker
                subject = Mention(found[-1].subject, found[-1].subject, found[-1].entity, "name")
            else:
                subject = _clause_subject(masked, lo, verb.start(), inside, entities)  # "Hegseth praised it on Friday, saying ..."
            if subject is None and _WITH_SUBJECT_RE.search(masked, lo, verb.start()):
                # "…, with Canadian Ambassador to the UN, Bob Rae, likening it to …": the subject "with" introduces
                subject = _subject_before(masked, lo, verb.start(), inside, grammar.not_after, people, names)
            if subject is None and _HIS_OPENING_RE.match(masked, lo):  # "But his language showed it, saying ‘…’": his
                earlier = [m for m in mentions[: bisect.bisect_left(starts, lo)] if m.entity >= 0 and entities[m.entity].type == "person"]
                subject = earlier[-1] if earlier else None
        elif subject is None and _SECOND_VERB_RE.search(masked, lo, verb.start()) and not re.search(r"[;:]", masked[lo : verb.start()]):
            # A second verb of the sentence's subject: "Mao Ning said … and warned …", "He put the price at $175 billion
            # and said …": the speaker of the verb before, else the person the sentence opens with.
            # (not a verb in a clause that describes a noun: in "Pompeo knew nothing of the figure Trump cited, but
            # conceded …", Pompeo concedes)
            governing = [a for a in found if not _OBJECT_RELATIVE_RE.search(masked, max(lo, a.subject - 30), a.subject)]
            if governing:
                subject = Mention(governing[-1].subject, governing[-1].subject, governing[-1].entity, "name")
            else:
                opening = _opening_mention(masked, inside)
                # (a phrase of time or place before it in commas is not the subject's: "Back in early May, the Canadian
                # leader visited the White House … and told his host plainly that …")
                head = _FRONTED_PHRASE_RE.sub("", masked[lo : opening.start], count=1) if opening else ""
                words_before = len(_WORD_RE.findall(head)) if opening else 99
                # (a body too, where the sentence opens with it as its subject and says what it did, not what it should
                # do: "Then the Congressional Budget Office … ran the numbers and came back with $1.2 trillion")
                body = (
                    opening is not None
                    and opening.entity >= 0
                    and entities[opening.entity].type == "organisation"
                    and re.fullmatch(r"\W*(?:(?:Then|But|And|So|Still|Yet|Now)\s+)?(?:the\s+)?", masked[lo : opening.start], re.IGNORECASE)
                    and opening.kind != "pronoun"
                    and not _MODAL_OR_COPULA_RE.search(masked, opening.end, verb.start())
                )
                if opening and opening.entity >= 0 and (entities[opening.entity].type in PERSONLIKE or body) and words_before <= 3:
                    subject = opening
            if subject is None:
                # "… came from the budget office, which looked only at the interceptors and found …": what "which"
                # stands for
                which = _subject_before(masked, lo, verb.start(), inside, grammar.not_after, people, names)
                if which is not None and _WHICH_SAID_RE.fullmatch(masked, which.end, verb.start()):
                    subject = which
        elif subject is None:
            subject = _subject_before(masked, lo, verb.start(), inside, grammar.not_after, people, names)
        if subject is None or subject.entity < 0:
            continue
        outlet = -1
        if verb.group(0).lower() in ("told", "tells", "telling"):
            told = [m for m in inside if m.start >= verb.end() and entities[m.entity].type == "outlet" if m.entity >= 0]
            if told and re.fullmatch(r"\s*(?:[Tt]he\s+)?", masked[verb.end() : told[0].start]):  # "told The Daily Signal"
                outlet = told[0].entity
        clause = verb.group(0).lower().endswith("ing")
        speaker = _speakers_listed(
            masked, lo, verb.end() if how == "after" else verb.start(), subject, inside, entities, clause, how == "after"
        )
        found.append(Attribution(verb.start(), speaker, how, outlet, subject.start))
    headline = _HEADLINE_QUOTE_RE.match(masked, lo, hi)
    if headline:  # "'Get free protection … become 51st state': Trump to Canada", as headlines credit a quotation
        named = [m for m in inside if m.start == headline.end() and m.entity >= 0]
        # the name is the credit, not the first word of a headline about it ("'Space is the new high ground': L3Harris
        # satellite facility to bolster …"): a lower-case noun does not follow it
        # (a person's verb does: "'Not for sale': Carney rejects Trump's offer")
        person_verb = entities[named[0].entity].type in PERSONLIKE and re.match(r"\s+[a-z]+s\b", masked[named[0].end :]) if named else False
        if named and (
            person_verb
            or not re.match(r"\s+(?!to\b|on\b|in\b|at\b|and\b|says?\b|said\b|warns?\b|tells?\b|vows?\b)[a-z]", masked[named[0].end :])
        ):
            found.append(Attribution(headline.end(), named[0].entity, "after", -1, named[0].start))
    back = _BACK_NAMING_RE.match(masked, lo, hi)
    if back:  # '"…" That was Gen. Michael Guetlein, speaking to reporters.' / '"…" So wrote Grant Whitley.'
        named = [m for m in inside if m.start >= back.end() and m.entity >= 0 and not masked[back.end() : m.start].strip(" the")]
        named = named or [m for m in inside if m.start >= back.end() and m.entity >= 0 and _only_titles(masked[back.end() : m.start])]
        # (or a person a few words of description open: "Those were the words from newly appointed Defence Minister X")
        named = named or [
            m
            for m in inside
            if back.end() < m.start <= back.end() + 60
            and m.entity >= 0
            and entities[m.entity].type in PERSONLIKE
            and re.fullmatch(r"[\w .'’-]*", masked[back.end() : m.start])
        ][:1]
        if named:
            found.append(Attribution(back.start(), named[0].entity, "according to", -1, named[0].start))
    for match in _POSSESSOR_ACCOUNT_RE.finditer(masked, lo, hi):  # "By the CBO's count, …", "Under the CBO's estimate, …"
        owner = [m for m in inside if m.end == match.start(1) and m.entity >= 0 and m.start >= match.start()]
        if owner:
            found.append(Attribution(match.start(), owner[-1].entity, "according to", -1, owner[-1].start))
    for match in _ACCOUNT_RE.finditer(masked, lo, hi):
        owner = [m for m in inside if m.start == match.start(1 if match.group(1) else 2) and m.entity >= 0]
        if owner:
            found.append(Attribution(match.start(), owner[0].entity, "according to", -1, owner[0].end))
    for marker in markers:
        end = _CLAUSE_END_RE.search(masked, marker.end(), hi)
        clause_end = end.start() if end else hi
        # (a new clause ends the marker's object: in "based on a notional design because the Pentagon has not shown
        # its own", the Pentagon is no source of the estimate)
        joined = _CLAUSE_CONJUNCTION_RE.search(masked, marker.end(), clause_end)
        clause_end = joined.start() if joined else clause_end
        after = [m for m in inside if marker.end() <= m.start < clause_end and m.entity >= 0]
        if not after and _BACK_REFERENCE_RE.match(masked, lo, hi):  # "That was the view of the panel's chair, Sen. X"
            after = [m for m in inside if marker.end() <= m.start and m.entity >= 0][:1]
        undated = re.sub(rf"\b(?:{_MONTH}\s+\d{{1,2}}\b|(?:19|20)\d\d\b)", "", masked[marker.end() : min(after).start]) if after else ""
        if after and re.search(r"[$€£¥\d]", undated):
            # "keeps citing a $175 billion price tag that …": the marker's object is the figure, not a source (a year or
            # a day dates a report: "according to a 2024 report by X", "according to an article of June 2 on X's site")
            after = []
        if after and _CITED_THING_RE.match(masked, marker.end(), min(after).start):
            after = []  # "citing threats from North Korea": what is cited is a thing, not a source
        if after and marker.group(0).lower() == "per" and _PER_UNIT_AFTER_RE.match(masked, min(after).end):
            after = []  # "a cost per SBI satellite": a unit, not a source
        if after:
            source = _opening_mention(masked, sorted(after), entities) or min(after)  # "according to Space Force Gen. X": X
            # (a name that only says which group: "according to U.S. officials" is the officials, not the country)
            which = (m for m in after if m.kind == "group" and m.start > source.start)
            source = next((m for m in which if not masked[source.end : m.start].strip()), source)
            found.append(Attribution(marker.start(), source.entity, "according to", -1, source.end))
    return sorted(set(found))


# --- Pronouns, roles and groups -------------------------------------------------------------------------------------


# A post on a platform, as a credit names it: "the X post said", "the Truth Social post read".
_PLATFORM_POST_RE = re.compile(r"\b[Tt]he\s+(?:X|Truth\s+Social|Facebook|Instagram|Telegram|social[-\s]media)\s+post\b")


# A sentence whose subject is an order, treaty or agreement: "The executive order admits …", "However, the current
# order justifies …" (not "the order of battle", "the order for interceptors").
_ORDER_SUBJECT_RE = re.compile(
    r"(?:(?:However|But|Yet|Still|Instead|Moreover|Meanwhile|And),?\s+)?(?:[Tt]he|[Tt]his)\s+"
    r"(?:(?:current|new|original|presidential|decades-old|\d{4})\s+){0,2}(executive\s+order|order|directive|treaty|agreement)\s+"
    r"(?!of\b|for\b|to\b|from\b|by\b|with\b|and\b)(?:[a-z]+\s+)?[a-z]+s\b"
)
_SENTENCE_END_RE = re.compile(r"[.!?][\"”’]?\s+(?=[A-Z\"“‘])")


def _opening_order(text: str, at: int) -> str:
    """The document ("executive order", "treaty", "agreement") the sentence before ``at`` opens with as its subject,
    where ``at`` opens a sentence ("The executive order admits the idea is old. It cites …"); "" otherwise. An order or
    directive is the executive order."""
    end = re.search(r"[.!?][\"”’]?\s+$", text[max(0, at - 6) : at])
    if end is None:
        return ""
    before = at - len(end.group(0))
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(text, max(0, before - 400), before)]
    start = max([text.rfind("\n", 0, before) + 1, *ends])
    subject = _ORDER_SUBJECT_RE.match(text, start)
    if not subject:
        return ""
    noun = " ".join(subject.group(1).lower().split())
    return "executive order" if noun in ("order", "directive") else noun


# "it said" right after a quotation's closing mark (in masked text).
def _opening_of_closed_quote(masked: str, at: int) -> int:
    """Where the quotation that closes right before ``at`` ('"…," it said') opens, -1 if none closes there."""
    close = re.search(r"([\"”’'])\s*,?\s*$", masked[max(0, at - 4) : at])
    if close is None:
        return -1
    end = max(0, at - 4) + close.start(1)
    return masked.rfind({"”": "“", "’": "‘"}.get(close.group(1), close.group(1)), 0, end)


# A size in words, as an adjective: "multibillion-dollar", "trillion-dollar", "multi-hundred-billion-dollar".
_SIZE_IN_WORDS_RE = re.compile(r"(?i)(?:multi[-‐‑]?)?(?:half[-‐‑]|hundred[-‐‑])?(?:billion|trillion)[-‐‑ ]dollar")
_IT_SAID_RE = re.compile(r"it\s+(?:said|says|added|stated|states|reads|declared|declares)\b")
# Speaking through a statement: "both sides said in their joint statement", whose "it" then stands for the speakers.
_SAID_IN_STATEMENT_RE = re.compile(r"\s+(?:said|say|says|stated|declared|warned)\s+in\s+(?:a|an|their|its|the)\s+(?:joint\s+)?statement\b")


# A verb right before a name and its titles, of which the name is the object: "requires Defense Secretary Pete Hegseth".
_OBJECT_BEFORE_RE = re.compile(
    r"\b(?:(?!(?:said|says|added|wrote|told|noted|argued|warned|stated|explained|asked)\b)[a-z]+(?:s|ed)|"
    # ... or a bare verb after a negation or "to": "He didn't name Trump", "plans to meet Trump"
    r"(?:n['’]t|not|to)\s+(?!(?:say|tell|add|write|note|argue|warn|state|explain|ask)\b)[a-z]+|"
    # ... or a preposition's: "tactics associated with the US president"
    r"(?:with|against|about|toward|towards|at|on))\s+(?:[A-Z][\w.'’-]*\s+){0,4}$"
)
# A name where a sentence or its clause begins, its titles before it: "President Donald Trump signed", ", Trump …".
_SUBJECT_POSITION_RE = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|,\s+)(?:[\"“‘']\s*)?(?:(?:[A-Z][\w.'’-]*|the)\s+){0,5}$")


def _references(
    text: str, masked: str, grammar: Grammar, entities: list[Entity], mentions: list[Mention], roles: list[set[str]]
) -> tuple[list[Entity], list[Mention]]:
    """Mentions that stand for an entity without naming it: he/she (the last person), "the spokesman" (the last person
    with that role), "the agency" (the last body), and groups ("critics", "officials"), each a group entity."""
    entities = list(entities)
    added: list[Mention] = []
    named = [m for m in mentions if m.entity >= 0]
    starts = [m.start for m in named]

    # The words before each person's first mention ("Russian President" Vladimir Putin), which may say whose they are.
    introduced: dict[int, str] = {}
    for m in named:
        if m.entity not in introduced:
            introduced[m.entity] = " ".join(masked[max(0, m.start - 40) : m.start].split()[-3:])

    def last(before: int, accept) -> int:
        for m in reversed(named[: bisect.bisect_left(starts, before)]):
            if accept(m.entity):
                return m.entity
        return -1

    headline_roles = list(_HEADLINE_ANONYMOUS_RE.finditer(masked))
    for match in [*_ANONYMOUS_RE.finditer(masked), *headline_roles]:
        if any(m.end <= match.start() and re.fullmatch(r",\s*", masked[m.end : match.start()]) for m in named):
            continue  # an apposition describes the name before it: "Jane Roe, a policy analyst at a watchdog group, …"
        # Named as the text describes them, without the article: "senior defense official", "Pentagon spokesman"; a
        # place or body ends with its sentence ("… speaking for the budget office. It will …").
        surface = match.group(0)
        full_stop = re.search(r"(?<=[a-z]{2})\.\s+[A-Z]", surface)
        surface = surface[: full_stop.start()] if full_stop else surface
        name = re.sub(r"^(?:an?|one(?:\s+of\s+the)?|the)\s+", "", " ".join(surface.split()), flags=re.IGNORECASE)
        # a headline's or a sentence's capital: "Senior … diplomat", "Another analyst, who asked not to be named, …"
        name = re.sub(r"^(Senior|Top|Former|Another)\b", lambda w: w.group(1).lower(), name)
        name = re.sub(r"(official|source|diplomat|aide)s$", r"\1", name)  # "one of the U.S. officials": a U.S. official
        # "a spokesperson for the Defense Ministry", "an official at the Pentagon": the Defense Ministry's spokesperson
        name = re.sub(r"^(spokesperson|spokesman|spokeswoman|official)\s+(?:for|at|of)\s+(?:the\s+)?([A-Z][\w\s.'’-]*)$", r"\2 \1", name)
        body = last(match.start(), lambda e: entities[e].type == "organisation")
        body_mention = next((m for m in reversed(named) if m.entity == body and m.end <= match.start()), None)
        placed = match.end() > match.end(2)  # its description says whom it speaks for: "a spokesperson for the Defense Ministry"
        # (as do words before it naming a kind of body the last one named is not: "a foreign ministry spokesperson" is no
        # spokesperson of the White House a caption named)
        kind_of_body = _KIND_OF_BODY_RE.findall(masked[match.start() : match.start(2)].lower())
        placed = placed or (body >= 0 and any(k not in entities[body].name.lower() for k in kind_of_body))
        if (
            not match.group(1)
            and not placed
            and match.group(2).lower().startswith("spokes")
            and body_mention
            and match.start() - body_mention.end < 400
        ):
            name = f"{entities[body].name} {match.group(2)}"  # "The Pentagon's response was brisk. '…,' a service spokesman said."
        entities.append(Entity(name, "person"))
        roles.append({match.group(2).lower()})
        added.append(Mention(match.start(), match.start() + len(surface), len(entities) - 1, "name"))
        named.append(added[-1])
        starts.append(match.start())
        order = sorted(range(len(named)), key=lambda k: named[k].start)
        named[:] = [named[k] for k in order]
        starts[:] = [m.start for m in named]
    # "'…,' said his office": a prime minister's office is a body known by that name ("Prime Minister's Office");
    # anyone else's speaks for its holder, the last person named ("his office continues to put the baseline at …")
    for match in re.finditer(r"\b(?:[Hh]is|[Hh]er)\s+office\b", masked):
        person = last(match.start(), lambda e: entities[e].type in PERSONLIKE)
        if person < 0:
            continue
        if not any("prime minister" in r for r in roles[person] | {introduced.get(person, "").lower()}):
            added.append(Mention(match.start(), match.end(), person, "pronoun"))
            continue
        index = next((k for k, e in enumerate(entities) if e.name == "Prime Minister's Office"), -1)
        if index < 0:
            entities.append(Entity("Prime Minister's Office", "organisation"))
            roles.append(set())
            index = len(entities) - 1
        added.append(Mention(match.start(), match.end(), index, "name"))
    unnamed_roles: dict[str, int] = {}

    def role_entity(role: str, kind: str) -> int:
        """The entity a role stands for when nobody of that role was named: one per role, named as the text does
        ("the spokesperson"; "Space Force spokesperson" where a body's name places it)."""
        name = role if role[:1].isupper() else f"the {role}"
        if name not in unnamed_roles:
            entities.append(Entity(name, kind))
            roles.append({role.split()[-1].lower()} if role[:1].isupper() else {role})
            unnamed_roles[name] = len(entities) - 1
        return unnamed_roles[name]

    for match in grammar.person_roles.finditer(masked):
        if re.match(r"\s+[A-Z]", masked[match.end() : match.end() + 2]):
            continue  # an adjective before a name: "the official Korean Central News Agency"
        role = match.group(1).lower()
        # (an office by its other name: "the commander in chief", whose "commander in" the pattern reads as qualifiers)
        role = next((office for other, office in _ROLE_SYNONYMS.items() if match.group(0).lower().endswith(other)), role)
        if role == "general" and _OFFICE_GENERAL_RE.search(masked, max(0, match.start(1) - 14), match.start(1)):
            continue  # an office of its own, not an officer: "the inspector general", "the attorney general"
        if role == "official" and re.match(
            r"\s+(?:estimate|figure|cost|price|statement|position|policy|line|count|number|data|budget|timeline)",
            masked[match.end() : match.end() + 12],
        ):
            continue  # an adjective before a thing: "The Pentagon's official estimate"
        if match.group(0)[:1].isupper() and any(m.start <= match.start() < m.end and entities[m.entity].type in PERSONLIKE for m in named):
            continue  # "Trump's spokesman": someone else, speaking for the one named
        # "The Kremlin's spokesman, Dmitry Peskov, …": the role is the person its apposition names
        apposition = next((m for m in named if m.start > match.end() and _is_apposition(masked[match.end() : m.start])), None)
        if apposition is not None and entities[apposition.entity].type in PERSONLIKE:
            # (a name a person's post is given is a person's: "The general in charge, Dan Okafor,")
            entities[apposition.entity] = entities[apposition.entity]._replace(type="person")
            added.append(Mention(match.start(), match.end(), apposition.entity, "role"))
            continue
        # "the U.S. president" after "Russian President Vladimir Putin": not a president of another country
        nation = _nation_of(match.group(0)[: match.start(1) - match.start()])
        entity = last(
            match.start(),
            lambda e, r=role, nation=nation: (
                entities[e].type in PERSONLIKE
                and bool({r, r.split()[-1]} & _full_roles(roles[e]))
                and (not nation or _nation_of(introduced.get(e, "")) in ("", nation))
            ),
        )
        no_one_yet = last(match.start(), lambda e: entities[e].type == "person") < 0
        if entity < 0 and (role in _UNIQUE_OFFICES or no_one_yet):
            # "The U.S. president claims …" before "Trump said": the office's holder; "The general in charge of Golden Dome
            # told senators …" in a lede, "Gen. Michael Guetlein" named a paragraph later: the next so titled, nearby
            reach = len(masked) if role in _UNIQUE_OFFICES else match.end() + 700
            entity = next(
                (
                    m.entity
                    for m in named
                    if match.end() < m.start < reach
                    and entities[m.entity].type in PERSONLIKE
                    and {role, role.split()[-1]} & _full_roles(roles[m.entity])
                ),
                -1,
            )
            # ... or, a post a possessive places ("according to the program's director on Tuesday"), whoever the text
            # names next, close after it (the post is theirs: "Gen. Michael Guetlein told a conference …")
            if entity < 0 and no_one_yet and re.search(r"['’]s\s+(?:[a-z-]+\s+)?$", masked[match.start() : match.start(1)]):
                entity = next(
                    (m.entity for m in named if match.end() < m.start < match.end() + 300 and entities[m.entity].type == "person"),
                    -1,
                )
        # "the Space Force spokesperson": named by the body it speaks for, as an unnamed source is
        body = re.fullmatch(r"\w+\s+((?:[A-Z][\w.-]*(?:['’]s)?\s+){1,2})\w+", " ".join(match.group(0).split()))
        placed = _POSSESSIVE_RE.sub("", body.group(1)).strip() if body else ""
        if entity < 0 and role not in _UNNAMED_SOURCE_ROLES:
            # "the executive said" of a chief operating officer: the last person named, as a reader takes it
            # (but not one named only as a possessor: "Rep. Dale Strong urged Congress to fund President Donald Trump's
            # shield. '…,' the Alabama Republican said" is Strong's)
            # (a party's member is a person, whatever kind the name was read as: "Mark Kelly questioned the cost. The
            # Arizona Democrat said …")
            kinds = PERSONLIKE if role in ("republican", "democrat") else ("person",)
            # (nor an unnamed source: "A U.S. official familiar with the program says … The Air Force secretary told
            # senators …" is someone else, as yet unnamed)
            actors = [
                m
                for m in named[: bisect.bisect_left(starts, match.start())]
                if entities[m.entity].type in kinds and not _POSSESSIVE_RE.match(masked, m.end)
            ]
            # (the one a nation's word before the role names, where the text said whose they are: "the Canadian leader"
            # after "Canadian Prime Minister Mark Carney met President Donald Trump" is Carney)
            national = [m for m in actors if nation and _nation_of(introduced.get(m.entity, "")) == nation]
            actors = national or actors
            entity = actors[-1].entity if actors else last(match.start(), lambda e, k=kinds: entities[e].type in k)
            if entity >= 0 and _UNNAMED_SOURCE_RE.search(entities[entity].name) and body and not _nation_of(placed):
                entity = -1
        if entity < 0:  # nobody named yet: the role is the name the text gives ("the president said ...")
            entity = role_entity(f"{placed} {role}" if body else role, "person")
        added.append(Mention(match.start(), match.end(), entity, "role"))
    for match in _COUNTRYS_BODY_RE.finditer(masked):
        # "the country's foreign ministry": that body of the last country named ("North Korea's foreign ministry")
        country = last(match.start(), lambda e: entities[e].type == "country")
        body = " ".join(match.group(1).lower().split())
        if country >= 0:
            name = f"{entities[country].name}'s {body}"
        else:  # ... or of the country a body named before is of: "According to North Korean state media, the country's …"
            nation = next(
                (
                    n.group(1)
                    for e in reversed(range(len(entities)))
                    if entities[e].type in ("organisation", "outlet")
                    and (n := _NATION_PREFIX_RE.match(entities[e].name))
                    and _nation_of(n.group(1))
                    and any(m.entity == e and m.end <= match.start() for m in named)
                ),
                "",
            )
            if not nation:
                continue
            name = f"{nation} {body}"
        same = [i for i, e in enumerate(entities) if e.name == name]
        if not same:
            entities.append(Entity(name, "organisation"))
            roles.append(set())
        added.append(Mention(match.start(), match.end(), same[0] if same else len(entities) - 1, "role"))
    for match in grammar.body_roles.finditer(masked):
        role = (match.group(1) or match.group(2)).lower()
        if role == "agency" and re.search(r"(?i)\bnews\s+agency$", match.group(0)):
            role = "news agency"  # "after the news agency reported": a publication, not the last body named
        if role in ("manufacturer", "contractor") and match.group(0).lower().endswith("s"):
            continue  # "the contractors": several companies, not the one named last
        qualifier = re.match(r"\w+\s+([A-Z][\w-]+)\s", match.group(0))
        if qualifier and role in _GOVERNING_BODIES:  # "the Chinese government": a body of its own, not the last one named
            entities.append(Entity(f"{qualifier.group(1)} {role}", "organisation"))
            roles.append({role})
            added.append(Mention(match.start(), match.end(), len(entities) - 1, "role"))
            continue
        if qualifier and match.group(0).split()[-1][:1].isupper():
            # "the State Department", "the Treasury Department": a body's name, not "the department" named before
            # (not the end of a longer name already found: "The Congressional Budget Office" is no "Budget Office")
            if any(n.kind == "name" and n.start < match.end() and match.start() < n.end for n in named):
                continue
            name = " ".join(match.group(0).split()[-2:])
            name = grammar.gazetteer.get(normalise(name), (name, ""))[0]
            same = [i for i, e in enumerate(entities) if e.name == name]
            if not same:
                entities.append(Entity(name, "organisation"))
                roles.append({role})
            added.append(Mention(match.start(), match.end(), same[0] if same else len(entities) - 1, "role"))
            continue
        if role in _OUTLET_ROLES:  # "the newspaper reported": the publication named last, or none
            if match.group(0)[:4].lower() == "this":
                continue  # "told this newspaper": the article's own outlet, no source it cites
            added.append(Mention(match.start(), match.end(), last(match.start(), lambda e: entities[e].type == "outlet"), "role"))
            continue
        if (
            role in _DOCUMENT_ROLES | _STATEMENT_ROLES | _ANY_DOCUMENT_ROLES
        ):  # "the report said": whoever the report was said to be by, where the text says so
            # (from the role's own word: "The joint statement" may be the first time it is named)
            author = _document_author(masked, match.end() - len(role), role, named, entities)
            if author >= 0:
                added.append(Mention(match.start(), match.end(), author, "role"))
                continue
        words_for = _BODY_ROLE_WORDS.get(role, (role,))
        # (a company's name may not have been typed yet: "Lockheed Martin reported earnings. … the company said")
        kinds = ("organisation", "name") if role in ("company", "firm") else ("organisation",)
        # A lowercase word before the role narrows it to the body whose name holds both: "the budget office" is the
        # Congressional Budget Office, not the Prime Minister's Office named since; "the defense ministry" the Ministry
        # of Defense.
        narrowed = qualifier is None and re.match(r"\w+\s+([a-z][\w-]+)\s+\w", match.group(0))
        wanted = (narrowed.group(1).lower(), role) if narrowed else ()
        entity = (
            last(
                match.start(),
                lambda e, w=set(wanted): entities[e].type == "organisation" and w <= set(_WORD_RE.findall(entities[e].name.lower())),
            )
            if wanted
            else -1
        )
        if entity < 0 and wanted:
            # ... or the one body of the codebook so named, where the text named it only inside a quotation: "If it costs
            # what the Congressional Budget Office thinks," … "The budget office estimated …"
            # (or an alias of it: "the program office" is the codebook's "Golden Dome office", alias "Golden Dome program office")
            known = _codebook_body_named(grammar, wanted)
            if known:
                entity = role_entity(known, "organisation")
        if entity < 0:
            entity = last(
                match.start(),
                lambda e, w=words_for, k=kinds: entities[e].type in k and any(x in entities[e].name.lower() or x in roles[e] for x in w),
            )
        if entity < 0 and role in _ROLES_OF_THEIR_OWN:
            # "the administration" with no administration named is the one the story is about, not the last body named.
            entity = role_entity(role, "organisation")
        if role in _NATION_ROLES:
            if match.group(0).lower().endswith("s") or re.match(r"\w+\s+\w+\s+\w", match.group(0)):
                continue  # "the two nations", "the Kim regime": no one country named before
            entity = last(match.start(), lambda e: entities[e].type == "country")
        if entity < 0 and role in ("company", "firm"):
            # "the company" is the last body named that is no part of a government ("Rocket Lab …, as well as for the
            # Pentagon's constellation, the company said")
            entity = last(
                match.start(),
                lambda e: entities[e].type == "organisation" and not _GOVERNMENT_WORDS & set(_WORD_RE.findall(entities[e].name.lower())),
            )
        if entity < 0 and role in ("ministry", "department"):
            # a ministry nobody named is none of the other bodies ("Asked by a Communist Party lawmaker …, he said. …
            # the ministry is setting aside ¥120 billion"): the one the text calls so; so is a department ("asked whether
            # the administration had a plan. The secretary said the department believes …")
            entity = role_entity(role, "organisation")
        if entity < 0 and role not in _NATION_ROLES:
            entity = last(match.start(), lambda e: entities[e].type == "organisation")
        if entity < 0 and role in _DOCUMENT_ROLES | _STATEMENT_ROLES:
            # a document whose author the text names as no body ("Moscow and Beijing condemned … The statement also
            # warned …") still speaks: its words are not the outlet's own
            entity = role_entity(role, "document")
        added.append(Mention(match.start(), match.end(), entity, "role"))
    for match in _POSSESSED_BODY_ROLE_RE.finditer(masked):
        # "his program office", "the Pentagon's program office": the one body of the codebook whose name or alias holds
        # both words (the "Golden Dome office", alias "Golden Dome program office"), whoever the possessor is
        known = _codebook_body_named(grammar, (match.group(1).lower(), match.group(2).lower()))
        if known and not any(m.start <= match.start(1) < m.end for m in added):
            added.append(Mention(match.start(1), match.end(), role_entity(known, "organisation"), "role"))
    # He and she refer to the last person named or referred to by role ("the president made it cheaper. Here is his
    # post"): the roles just resolved count as mentions of their person.
    named = sorted([*named, *(m for m in added if m.kind == "role" and m.entity >= 0)])
    starts = [m.start for m in named]
    # Of two people joined by "and" ("Trump and Defense Secretary Pete Hegseth announced …"), "he" means the first, the
    # sentence's subject, not the one named last.
    second = {
        b.start
        for a, b in itertools.pairwise(named)
        if entities[a.entity].type == "person"
        and entities[b.entity].type == "person"
        and _SECOND_CONJUNCT_RE.fullmatch(masked, a.end, b.start)
    }

    pronouns_of = _titled_pronouns(masked, named, entities, grammar.actor_pronouns)
    pronoun_subjects: list[Mention] = []  # "He"/"She" opening a sentence, as resolved

    def last_person(before: int, pronoun: str = "") -> int:
        people = [
            m
            for m in reversed(named[: bisect.bisect_left(starts, before)])
            if entities[m.entity].type == "person" and m.start not in second and not _other_pronoun(pronouns_of, m.entity, pronoun)
        ]
        if not people:
            return -1
        # The maker of remarks the pronoun goes on with is theirs: "Carney's speech in Davos, where he decried …", "in
        # response to remarks Carney delivered in Davos. '…,' he said".
        if _remarks_maker(masked, people[0]):
            return people[0].entity
        # A person named as a possessor inside another's description ("Gen. Jane Roe, President Trump's nominee for the
        # post, was confirmed … and said …") gives way to the one the sentence opens with.
        if _POSSESSIVE_RE.match(masked, people[0].end):
            opening = _sentence_start(masked, people[0].start)
            subjects = [
                m
                for m in people[1:]
                if m.start >= opening
                and m.entity != people[0].entity
                and _SUBJECT_POSITION_RE.search(masked, max(0, m.start - 60), m.start)
            ]
            if subjects:
                return subjects[-1].entity
        # A person named as a verb's object ("The directive tells Defense Secretary Pete Hegseth to deliver a plan") gives
        # way to the one named before as a subject, a paragraph or so back: '"I am ordering the new defense chief
        # to …," he said' is the president's, who signed the order.
        if _OBJECT_BEFORE_RE.search(masked, max(0, people[0].start - 60), people[0].start):
            # (the subject may be a pronoun opening the sentence: "He didn't name Trump, but he cited …")
            opening = [
                p
                for p in pronoun_subjects
                if people[0].start - 200 < p.start < people[0].start
                and p.entity != people[0].entity
                and not _other_pronoun(pronouns_of, p.entity, pronoun)
            ]
            if opening:
                return opening[-1].entity
            subjects = [
                m
                for m in people[1:]
                if m.entity != people[0].entity
                and before - m.start < 600
                and not _OBJECT_BEFORE_RE.search(masked, max(0, m.start - 60), m.start)
                and _SUBJECT_POSITION_RE.search(masked, max(0, m.start - 60), m.start)
            ]
            if subjects:
                return subjects[0].entity
        return people[0].entity

    for match in re.finditer(r"\b(?:he|she|He|She)\b", masked):
        pronoun = match.group(0).lower()
        person = last_person(match.start(), pronoun)
        # A name of unknown kind that opens the pronoun's own sentence is its subject, nearer than a person named before:
        # 'Todd Harrison disagrees: "…," he wrote' is Harrison's, whatever Trump did a sentence earlier.
        lo = max(0, match.start() - 300)
        cut = max(masked.rfind(". ", lo, match.start()) + 2, masked.rfind("\n", lo, match.start()) + 1, lo if lo == 0 else -1)
        opening = _SENTENCE_OPENING_NAME_RE.match(masked, cut, match.start()) if cut >= 0 else None
        subject = [m for m in named if opening and m.start == opening.start(1) and entities[m.entity].type in PERSONLIKE]
        # (unless the sentence then names the maker of remarks the pronoun goes on with: "Cole's outburst followed Roe's
        # speech, where she decried …")
        maker = [
            m
            for m in named
            if subject and subject[0].end <= m.start < match.start() and entities[m.entity].type in PERSONLIKE and _remarks_maker(masked, m)
        ]
        if maker and not _other_pronoun(pronouns_of, maker[-1].entity, pronoun):
            person = maker[-1].entity
        elif subject and not _other_pronoun(pronouns_of, subject[0].entity, pronoun):
            person = subject[0].entity
        elif cut >= 0 and _REFERRING_TO_RE.fullmatch(masked, cut, match.start()):
            # the one a fronted phrase is about is not its subject: "Turning to the NATO chief, Mark Rutte, he went on"
            person = last_person(cut, pronoun)
        elif cut >= 0 and _CLOSING_CREDIT_RE.match(masked, match.end()) and re.search(r",\s*$", masked[cut : match.start()]):
            # ", he said" closing a sentence credits it, and whoever the sentence names is what is said, not who says it:
            # in "That effort will be steered by Gen. Michael Guetlein, he said", the one named before the sentence
            person = last_person(cut, pronoun) if last_person(cut, pronoun) >= 0 else person
        # A name of unknown kind that the sentence before opens with, named after the last person: its subject, nearer
        # than the person ("The president spoke to reporters. ¶ David discussed why …. ¶ '…,' he said" is David's);
        # with no one known to be a person, the same, else the last name of unknown kind ("Kathy Warden runs Northrop
        # Grumman. '…,' she told analysts").
        previous = _SENTENCE_OPENING_NAME_RE.match(masked, _sentence_start(masked, cut - 2), cut) if cut > 2 else None
        subject = [
            m
            for m in named
            if previous
            and m.start == previous.start(1)
            and entities[m.entity].type in PERSONLIKE
            and not _other_pronoun(pronouns_of, m.entity, pronoun)
        ]
        last_named = max((m.start for m in named if m.entity == person and m.start < match.start()), default=-1)
        if person >= 0 and subject and subject[0].start > last_named and entities[subject[0].entity].type == "name":
            person = subject[0].entity
        if person < 0:
            person = (
                subject[0].entity
                if subject
                else last(match.start(), lambda e, p=pronoun: entities[e].type in PERSONLIKE and not _other_pronoun(pronouns_of, e, p))
            )
        if person < 0 and not any(m.start < match.start() and entities[m.entity].type in PERSONLIKE for m in named):
            # An excerpt that opens on "he", naming no one before, is about the person it names most: "Speaking after
            # the talks, he said: '…'" in a story on the president's remarks.
            person = _most_named_person(named, entities, lambda e, p=pronoun: not _other_pronoun(pronouns_of, e, p))
        added.append(Mention(match.start(), match.end(), person, "pronoun"))
        if person >= 0 and match.group(0)[0].isupper():
            pronoun_subjects.append(added[-1])

    # A group the gazetteer lists ("analysts") speaks for the body it is placed at, after it or before it ("CBO
    # analysts found", as "White House officials" speak for the White House).
    def body_before(group: Mention) -> int:
        owner = [n for n in named if n.end <= group.start and masked[n.end : group.start] == " "]
        word = masked[group.start : group.end].lower()
        if not owner and word in _BODY_GROUPS and re.search(r"\b[Ii]ts\s+$", masked[max(0, group.start - 5) : group.start]):
            # "The CBO released its estimate. Its analysts assumed …": the body "its" stands for, the one the sentence
            # before opens with ("The agency said it could not price the Pentagon's plan. Its analysts …"), else the
            # last body named
            opening = _sentence_start(masked, group.start)
            before = _sentence_start(masked, opening - 2) if opening >= 2 else opening
            first = _opening_mention(masked, [n for n in named if before <= n.start < opening and n.entity >= 0], entities)
            if first is not None and entities[first.entity].type == "organisation":
                return first.entity
            return last(group.start, lambda e: entities[e].type == "organisation")
        kind = entities[owner[-1].entity].type if owner else ""
        return owner[-1].entity if owner and kind in ("organisation", "country") and word in _BODY_GROUPS else -1

    mentions = [
        m._replace(entity=body)
        if m.entity >= 0
        and entities[m.entity].type == "group"
        and ((body := _body_of_group(masked, m.end, named, entities)) >= 0 or (body := body_before(m)) >= 0)
        else m
        for m in mentions
    ]
    group_index: dict[str, int] = {}
    members_listed: dict[str, int] = {}
    for match in grammar.groups.finditer(masked):
        word = re.sub(r"^(?:some|many|other|most|several|multiple|the)\s+", "", match.group(0), flags=re.IGNORECASE).lower()
        owner = [m for m in named if m.end <= match.start() and not masked[m.end : match.start()].strip()]
        # "Ana Ruiz, the minister's spokesperson, told the BBC": the apposition is the person named before it
        named_before = [m for m in named if m.end <= match.start() and re.fullmatch(r",\s+", masked[m.end : match.start()])]
        if (
            named_before
            and entities[named_before[-1].entity].type == "person"
            and match.group(0)[:2].lower() in ("a ", "an")
            and _body_of_group(masked, match.end(), named, entities) < 0  # ("a spokesperson from the Foreign Ministry" speaks for it)
        ):
            added.append(Mention(match.start(), match.end(), named_before[-1].entity, "group"))
            continue
        if owner and entities[owner[-1].entity].type == "country" and word in _BODY_GROUPS:
            # "U.S. officials", "Japan officials": which ones, by the country's name as written (as "Canadian officials"
            # are by its adjective), not the country itself
            qualified = f"{masked[owner[-1].start : owner[-1].end]} {word}"
            if qualified.lower() not in group_index:
                group_index[qualified.lower()] = len(entities)
                entities.append(Entity(qualified, "group"))
            added.append(Mention(match.start(), match.end(), group_index[qualified.lower()], "group"))
            continue
        if owner and entities[owner[-1].entity].type == "organisation" and word in _BODY_GROUPS:
            added.append(Mention(match.start(), match.end(), owner[-1].entity, "group"))  # "White House officials"
            continue
        body = _body_of_group(masked, match.end(), named, entities)
        if body >= 0:
            added.append(Mention(match.start(), match.end(), body, "group"))  # "analysts at the American Enterprise Institute"
            continue
        # Members named by the body they sit on ("appropriators"): that body, where the text named it before ("The House
        # Appropriations Committee said … '…,' the appropriators wrote"); else the group as written.
        sits_on = _MEMBERS_OF_BODY.get(word)
        committee = -1
        if sits_on:
            committee = last(match.start(), lambda e, w=sits_on: entities[e].type == "organisation" and w in entities[e].name.lower())
        if committee >= 0:
            added.append(Mention(match.start(), match.end(), committee, "group"))
            continue
        # "the lawmakers", "the senators" after a list of them named ("Sens. Jane Roe and Ann Lee, along with Rep. Tom Ash,
        # signed a letter …. '…,' the lawmakers wrote"): the list, named for them all
        if match.group(0).lower().startswith("the ") and word in _LISTED_MEMBERS:
            # (and so do they the next time they are called so: "'…,' the lawmakers wrote." two paragraphs on)
            listed = _list_before(masked, match.start(), named, entities)
            listed = listed if listed >= 0 else members_listed.get(word, -1)
            if listed >= 0:
                members_listed[word] = listed
                added.append(Mention(match.start(), match.end(), listed, "group"))
                continue
        qualifier = _group_qualifier(masked, match, named)
        if qualifier:  # "Army officials", "Greenlandic leaders", "defense officials": which ones, as the text says
            word = f"{qualifier} {word}"
            if word not in group_index:
                group_index[word] = len(entities)
                entities.append(Entity(f"{qualifier} {match.group(0)}", "group"))
            added.append(Mention(match.start() - len(qualifier) - 1, match.end(), group_index[word], "group"))
            continue
        if word not in group_index:
            group_index[word] = len(entities)
            entities.append(Entity(_PROPER_GROUPS.get(word, word), "group"))  # "Liberals" wherever it stands
        written = re.sub(r"^(?:some|many|other|most|several|multiple|the)\s+", "", match.group(0), flags=re.IGNORECASE)
        if written[:1].isupper() and not re.search(
            r"(?:^|[.!?:]\s*|[.!?]\s*[\"“]|\n\s*)$", masked[max(0, match.start() - 5) : match.start()]
        ):
            entities[group_index[word]] = Entity(written, "group")  # a proper name written mid-sentence: "the Democrats"
        added.append(Mention(match.start(), match.end(), group_index[word], "group"))
    # "Both countries", "the two leaders": the last two of that kind named before, one voice named for them both
    # ("Russia … In a statement issued jointly with China last month, both countries condemned the plan").
    for match in _BOTH_OF_THEM_RE.finditer(masked):
        kinds = ("person", "name") if (match.group(1) or match.group(2)).lower() in _BOTH_PEOPLE else ("country",)
        pair: list[int] = []
        # (two chairs may have been named a few paragraphs before, each with words of their own)
        reach = 1600 if kinds != ("country",) else 800
        for m in reversed(named[: bisect.bisect_left(starts, match.start())]):
            if match.start() - m.start > reach:
                break
            entity = m.entity
            if kinds == ("country",) and entity >= 0 and entities[entity].type == "person":
                # a leader's nation stands for the country ("a summit of the Russian and Chinese presidents, Putin and
                # Xi; afterwards the two countries said …"): the country named so, if it has been named
                nation = _nation_of(" ".join(masked[max(0, m.start - 40) : m.start].split()[-3:]))
                entity = next(
                    (k for k, e in enumerate(entities) if nation and e.type == "country" and _country_key(e.name) == nation),
                    -1,
                )
            if entity >= 0 and entities[entity].type in kinds and entity not in pair:
                pair.append(entity)
            if len(pair) == 2:
                break
        if len(pair) == 2:
            name = f"{entities[pair[1]].name} and {entities[pair[0]].name}"
            index = next((k for k, e in enumerate(entities) if e.name == name), -1)
            if index < 0:
                entities.append(Entity(name, entities[pair[0]].type))
                roles.append(set())
                index = len(entities) - 1
            added.append(Mention(match.start(), match.end(), index, "group"))
    # "they" may stand for a group just named ("the industry groups hosting it removed the panel. '…,' they said"): the
    # groups count as mentions from here on; a body role at the same words that found no body gives way to the group.
    grouped = {m.start for m in added if m.kind == "group"}
    added[:] = [m for m in added if not (m.kind == "role" and m.entity < 0 and m.start in grouped)]
    named[:] = sorted([*named, *(m for m in added if m.kind == "group" and m.entity >= 0)])
    starts[:] = [m.start for m in named]
    for match in _ACCOUNT_RE.finditer(masked):  # "In her account, ...": the possessive stands for the last person
        person = last(match.start(), lambda e: entities[e].type == "person")
        group = 1 if match.group(1) else 2
        added.append(Mention(match.start(group), match.end(group), person, "pronoun"))
    for match in _BODYS_DOCUMENT_RE.finditer(masked):  # "Its report said …", "Their letter warned …": the body's document
        body = last(match.start(), lambda e: entities[e].type in ("organisation", "group"))
        if body >= 0:
            added.append(Mention(match.start(), match.end(), body, "role"))
    for match in _PLATFORM_POST_RE.finditer(masked):  # "…,” the X post said: the last one named, who posted it
        added.append(
            Mention(match.start(), match.end(), last(match.start(), lambda e: entities[e].type in (*PERSONLIKE, "organisation")), "role")
        )
    documents = [m for m in added if m.kind == "role" and m.entity >= 0 and _DOCUMENT_MENTION_RE.match(masked, m.start)]
    for match in re.finditer(r"\b(?:it|It)\b", masked):  # "It attributed the largest share to ...": the last body named
        entity = last(match.start(), lambda e: entities[e].type == "organisation")
        # ('"…," it said': a credit right after a quotation)
        credits_quote = bool(
            _IT_SAID_RE.match(masked, match.start()) and re.search(r"[\"'”’]\s*,?\s*$", masked[max(0, match.start() - 4) : match.start()])
        )
        # "… the report said. It added that …": the document just quoted, whoever it was found to be by
        document = [m for m in documents if match.start() - 300 < m.end <= match.start()]
        after = masked.find(". ", document[-1].end, match.start()) if document else -1  # the document's own sentence ends
        if document and match.group(0) == "It" and not any(after <= m.start < match.start() for m in named if after >= 0):
            entity = document[-1].entity
        # "The executive order admits the idea is old. It cites …": the order the sentence before opens with
        elif match.group(0) == "It" and (order := _opening_order(text, match.start())):
            entity = _document_entity(order, entities)
        # "It modelled a notional design, not the one the Space Force has in mind, and it assumed …": "it" after "and" in a
        # sentence that "It" opens is that same one, not the body named in between
        elif (
            match.group(0) == "it"
            and re.search(r",\s+(?:and|but)\s+$", masked[max(0, match.start() - 8) : match.start()])
            and (opener := [m for m in added if m.kind == "pronoun" and m.start == _sentence_start(masked, match.start())])
            and masked[opener[0].start : opener[0].end] == "It"
        ):
            entity = opener[0].entity
        # '"The shield," as the order names it, must guard the nation against "…," it said':
        # a credit after a quotation is the document its paragraph has just named, not the last body
        elif (
            credits_quote
            and (
                order := [
                    m
                    for m in named
                    if max(masked.rfind("\n", 0, match.start()), match.start() - 300) < m.start < match.start()
                    and entities[m.entity].type == "document"
                ]
                # ... or, for a quotation that opens its paragraph, the document named just before it ("In the joint
                # statement, the two countries said …" ¶ '"…," it says')
                or [
                    m
                    for m in (*named, *documents)
                    if (opening := _opening_of_closed_quote(masked, match.start())) >= 0
                    and masked[max(0, opening - 1) : opening] in ("", "\n")
                    and opening - 400 < m.start < opening
                    and entities[m.entity].type == "document"
                ]
            )
        ):
            entity = max(order, key=lambda m: m.start).entity
        # '"…," both sides said in their joint statement. The plan "…," it added.': the statement's speakers
        elif credits_quote and (
            through := [
                m
                for m in named
                if match.start() - 300 < m.start
                and m.end < match.start()
                and (said := _SAID_IN_STATEMENT_RE.match(masked, m.end)) is not None
                and said.end() <= match.start()
            ]
        ):
            entity = through[-1].entity
        # "China said it believes …", "…, which it says would weaken …": "it" inside a sentence that a country or a body
        # opens, none other named between, is that one, not the last body named before the sentence
        elif (
            match.group(0) == "it"
            and not credits_quote
            and (subject := _sentence_subject_body(masked, match.start(), named, entities)) is not None
        ):
            entity = subject
        # "Ottawa is looking to diversify its partnerships. It recently announced …", "North Korea called the plan …. It
        # added that …": "It" speaking is the country or body the sentence before opens with, not the last body named
        # (a verb of the grammar's, an adverb perhaps between; the sentence before is the one holding the space before "It")
        elif (
            match.group(0) == "It"
            and (adverb := _IT_ADVERB_RE.match(masked, match.end())) is not None
            and grammar.verbs.match(masked, adverb.end())
            and (opener := _sentence_subject_body(masked, match.start() - 1, named, entities, anywhere=True)) is not None
        ):
            entity = opener
        added.append(Mention(match.start(), match.end(), entity, "pronoun"))
    for match in re.finditer(r"\b(?:they|They)\b", masked):
        # a plural group named in this paragraph or the one before, over a body named since in the singular
        # ("Senators … raised red flags about Musk and his company, SpaceX. ¶ '…,' they wrote": the senators; but "the
        # House and Senate Appropriations Committees said …. '…,' they wrote": the committees)
        entity = last(match.start(), lambda e: entities[e].type in ("group", "organisation"))
        # ... or the list of names the sentence before opens with ("Russia and China issued a joint statement. '…,' they
        # said"), named for them all as the list's verb would name them
        listed = _list_before(masked, match.start(), named, entities)
        if listed >= 0:
            added.append(Mention(match.start(), match.end(), listed, "pronoun"))
            continue
        # ... or the list a group word named last stood for, in this paragraph or the one before ("… the lawmakers wrote.
        # ¶ Stopping such an attack would require '…,' they said")
        paragraphs_back = masked.rfind("\n", 0, max(0, masked.rfind("\n", 0, match.start()) - 1))
        called = [
            m
            for m in added
            if m.kind == "group" and max(0, paragraphs_back) <= m.start < match.start() and m.entity in members_listed.values()
        ]
        if called:
            added.append(Mention(match.start(), match.end(), called[-1].entity, "pronoun"))
            continue
        group = last(match.start(), lambda e: entities[e].type == "group")
        paragraph = masked.rfind("\n", 0, masked.rfind("\n", 0, match.start()) - 1) if "\n" in masked[: match.start()] else 0
        singular = entity >= 0 and entities[entity].type == "organisation" and not entities[entity].name.endswith("s")
        if singular and group >= 0 and any(m.entity == group and paragraph <= m.start < match.start() for m in named):
            entity = group
        # ... or a body whose name is plural, named before the singular one in this paragraph or the one before ("the House
        # and Senate Appropriations Committees said the Pentagon had …. '…,' they wrote": the committees)
        plural = last(match.start(), lambda e: entities[e].type == "organisation" and bool(_PLURAL_BODY_RE.search(entities[e].name)))
        plural_here = plural >= 0 and any(m.entity == plural and paragraph <= m.start < match.start() for m in named)
        if singular and plural_here and plural != entity:
            entity = plural
        # ... or, inside a clause of its own sentence, the body that sentence opens with, no group named between
        # ("Bloomberg released a cost analysis, where they estimate …")
        opening = _sentence_start(masked, match.start())
        within = [m for m in named if opening <= m.start < match.start()]
        subject = _opening_mention(masked, within, entities) if within and match.group(0) == "they" else None
        if (
            subject is not None
            and entities[subject.entity].type in ("organisation", "outlet")
            and len(_WORD_RE.findall(masked[opening : subject.start])) <= 1
            and not any(entities[m.entity].type in ("group", *PERSONLIKE) for m in within)
        ):
            entity = subject.entity
        added.append(Mention(match.start(), match.end(), entity, "pronoun"))
    # "Two senior Canadian officials … said …. One of them described …; another said …": one of the group speaks, named
    # as the text describes the group, in the singular ("senior Canadian official").
    for match in _ONE_OF_THEM_RE.finditer(masked):
        groups = list(_PLURAL_SOURCES_RE.finditer(masked, max(0, match.start() - 600), match.start()))
        if not groups:
            continue
        plural = groups[-1]  # the group named last before
        singular = _SINGULAR[plural.group(2).lower()]
        name = " ".join(f"{plural.group(1)}{singular}{plural.group(3) or ''}".split())
        if re.search(r"(?:^|[.!?]\s+|\n\s*)$", masked[: plural.start(1)]):
            name = name[:1].lower() + name[1:]  # "Senior officials, briefing reporters, said": a sentence's first word
        index = next((k for k, e in enumerate(entities) if e.name == name and e.type == "person"), -1)
        if index < 0:
            entities.append(Entity(name, "person"))
            roles.append({singular})
            index = len(entities) - 1
        added.append(Mention(match.start(), match.end(), index, "name"))
    # (a headline's nationality before the role is no name of its own: "Senior Canadian diplomat compares …")
    in_headline_role = {
        n for match in headline_roles for n in mentions if match.start() <= n.start and n.end <= match.end(1) and n.kind == "name"
    }
    mentions = [m for m in mentions if m not in in_headline_role]
    every = sorted([*mentions, *added])
    # A name inside a longer reference ("the agency" vs a name) keeps the name: drop references overlapping a name;
    # but a country or body that only qualifies a person's role gives way to it ("the US president", "the Japanese
    # minister", "the Space Force spokesperson").
    qualifiers = {
        n
        for m in added
        if m.kind == "role" and m.entity >= 0 and entities[m.entity].type in PERSONLIKE
        for n in mentions
        if n.entity >= 0 and entities[n.entity].type in ("country", "organisation") and m.start < n.start and n.end < m.end
    }
    names = _Spans()
    for m in mentions:
        if m not in qualifiers and not names.overlaps(m.start, m.end):
            names.add(m.start, m.end)
    return entities, [m for m in every if m not in qualifiers and (m.kind == "name" or not names.overlaps(m.start, m.end))]


# Offices one person holds at a time in a story: a role no one was named for before may be filled by who is named after.
# A name opening the last sentence before a pronoun ("… May. Todd Harrison disagrees: '…,' he wrote").
# A verb of speech that closes its sentence after a pronoun: ", he said.", ", she told reporters on Tuesday."
_CLOSING_CREDIT_RE = re.compile(r"\s+(?:said|says|added|wrote|told|noted|argued|insisted|stressed)\b[^.;:!?“”\"]{0,60}[.!?]")
_SENTENCE_OPENING_NAME_RE = re.compile(r"\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+[a-z]")
_UNIQUE_OFFICES = frozenset({"president", "prime minister", "chancellor", "premier", "pope", "king", "queen"})
# Roles that are another office's other name: the commander in chief is the president.
_ROLE_SYNONYMS = {"commander in chief": "president"}


# A body of the country last named, by the country's possessive: "the country's foreign ministry".
_COUNTRYS_BODY_RE = re.compile(
    r"\b[Tt]he\s+(?:country|nation)['’]s\s+((?:foreign|defen[cs]e|finance|trade)\s+ministry|ministry\s+of\s+(?:foreign\s+affairs|"
    r"(?:national\s+)?defen[cs]e)|government|military|state\s+media|(?:state\s+)?news\s+agency)\b"
)
# A nationality or a country's possessive opening a body's name: "North Korean state media", "Iran's news agency".
_NATION_PREFIX_RE = re.compile(r"((?:[A-Z][a-z]+\s+)?[A-Z][a-z]+(?:ian|ese|ish|an|i)|(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+['’]s)\s+[\w-]")
# Roles that stand for a country: "the nation", "the regime".
_NATION_ROLES = frozenset({"nation", "regime"})
# What a body's name holds when a role stands for it: "the service" is a Force, "the budget office" the CBO.
# Words a company's name holds, by which "the company", "the firm", "the manufacturer" find it.
_COMPANY_NAME_WORDS = ("inc", "corp", "industries", "technologies", "systems", "company", "dynamics", "aerospace", "martin", "grumman")
_BODY_ROLE_WORDS = {
    "service": ("force", "army", "navy", "corps", "guard", "service"),
    "department": ("department", "pentagon"),
    "agency": ("agency", "office", "administration"),
    "budget office": ("budget office",),
    "office": ("office",),
    "ministry": ("ministry",),
    **dict.fromkeys(("company", "firm", "manufacturer", "contractor"), _COMPANY_NAME_WORDS),
}


# Participles of speech that hang on the clause's subject even without a comma: "Trump launched it saying ...".
_SPEECH_PARTICIPLES = frozenset(
    {"saying", "adding", "arguing", "warning", "noting", "insisting", "claiming", "calling", "stating", "declaring", "explaining"}
    | {"stressing", "emphasizing", "emphasising", "acknowledging", "cautioning", "asserting", "conceding", "contending"}
    | {"estimating", "projecting", "concluding", "predicting", "forecasting", "indicating", "showing"}
    # (participles that name or judge in someone's words: "issued a joint statement labeling the system '…'")
    | {"labeling", "labelling", "describing", "branding", "dubbing", "terming", "characterizing", "characterising"}
)
# A document that reports through a participle: "released a report estimating the shield would cost …".
# (or a government's note: "the ministry issued a memorandum calling the system '…'")
_DOCUMENT_BEFORE_RE = re.compile(
    r"(?i)\b(?:report|analysis|study|estimate|assessment|paper|statement|letter|memorandum|memo|communiqu[eé]|commentary)\s+$"
)


# What follows a participle that reports speech ("saying it would cost", "warning that"), not a noun ("missile warning
# and defense").
_REPORTED_CLAUSE_RE = re.compile(r"\s+(?:that|it|he|she|they|we|I|there|this|the\s+\w+\s+(?:would|will|could|is|was))\b|\s*:?\s*[“\"]")


# Title abbreviations and the roles they stand for: "Gen. Michael Guetlein" is "the general".
_ABBREVIATED_ROLES = {
    "gen.": "general",
    "gen": "general",
    "sen.": "senator",
    "sen": "senator",
    "rep.": "representative",
    "rep": "representative",
    "adm.": "admiral",
    "col.": "colonel",
    "lt.": "lieutenant",
    "gov.": "governor",
    "dr.": "doctor",
    "capt.": "captain",
}


# A title or role word right before a name that says which pronoun stands for the person: "Ms.", "spokeswoman".
_GENDERED_TITLE_RE = re.compile(
    r"\b(?:(Ms\.?|Mrs\.?|Miss|Madam|spokeswoman|chairwoman|congresswoman|businesswoman|Baroness|Dame|Lady|Queen)|"
    r"Mr\.?|spokesman|chairman|congressman|businessman|Lord|Sir|King)\s+(?:[A-Z][\w.'’-]*\s+){0,3}$"
)


def _most_named_person(named: list[Mention], entities: list[Entity], allowed: Callable[[int], bool]) -> int:
    """The person (or name of unknown kind) an article names most often, at least twice and more often than anyone
    else; -1 if none."""
    counts = collections.Counter(m.entity for m in named if entities[m.entity].type in PERSONLIKE and allowed(m.entity))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return -1
    return ranked[0][0]


def _titled_pronouns(
    masked: str, named: list[Mention], entities: list[Entity], known: dict[str, str] | None = None
) -> dict[int, set[str]]:
    """The pronoun a title or role word before a person's name says stands for them ("Ms. Rae", "spokesman Peskov"), or
    the codebook (``known``: a person's name -> "he" or "she"). (Pronouns read earlier are no such evidence: one misread
    would carry its error on.)"""
    pronouns_of: dict[int, set[str]] = {}
    for k, entity in enumerate(entities):
        if known and entity.type == "person" and entity.name in known:
            pronouns_of[k] = {known[entity.name]}
    for m in named:
        title = _GENDERED_TITLE_RE.search(masked, max(0, m.start - 30), m.start)
        if title and entities[m.entity].type == "person":
            pronouns_of.setdefault(m.entity, set()).add("she" if title.group(1) else "he")
    return pronouns_of


def _other_pronoun(pronouns_of: dict[int, set[str]], entity: int, pronoun: str) -> bool:
    """Whether a person is known by the other of "he" and "she" only, so that ``pronoun`` cannot stand for them."""
    known = pronouns_of.get(entity, set())
    return bool(pronoun) and bool(known) and pronoun not in known


def _full_roles(roles: set[str]) -> set[str]:
    """A person's roles with title abbreviations spelled out."""
    return roles | {_ABBREVIATED_ROLES[r] for r in roles if r in _ABBREVIATED_ROLES}


# Body roles that stand for a body of their own when none of their kind was named: "the administration".
_ROLES_OF_THEIR_OWN = frozenset({"administration", "government", "budget office"})


def _sentence_start(masked: str, at: int) -> int:
    """Where the sentence holding ``at`` starts, by a full stop and space or a line break before it (0 if none)."""
    stop = masked.rfind(". ", 0, at)
    # (not a title's or an initial's stop: "Sens. Ed Markey …, along with Rep. John Garamendi")
    while stop >= 0 and (
        _TITLE_STOP_RE.search(masked, max(0, stop - 6), stop + 1) or re.search(r"(?:^|\s)[A-Z]$", masked[max(0, stop - 2) : stop])
    ):
        stop = masked.rfind(". ", 0, stop)
    return max(stop + 2 if stop >= 0 else 0, masked.rfind("\n", 0, at) + 1)


def _sentence_subject_body(
    masked: str, at: int, named: list[Mention], entities: list[Entity], anywhere: bool = False
) -> int | None:
    """The country or body that opens the sentence holding ``at`` (at most one word before it, or after a colon or a
    comma: "While China has …", "Around the world: China has …", "At the same time, Ottawa is …"), when no other
    country, body, group or person is named between it and ``at`` (with ``anywhere``, whatever is named after it); else
    None."""
    opening = _sentence_start(masked, at)
    within = [m for m in named if opening <= m.start and m.end <= at and m.entity >= 0]
    subject = _opening_mention(masked, within, entities) if within else None
    if subject is None or entities[subject.entity].type not in ("country", "organisation"):
        return None
    if len(_WORD_RE.findall(re.split(r"[:,]", masked[opening : subject.start])[-1])) > 1:
        return None
    if anywhere:
        return subject.entity
    between = [m for m in within if m.start > subject.start and m.entity != subject.entity]
    return None if any(entities[m.entity].type in ("country", "organisation", "group", *PERSONLIKE) for m in between) else subject.entity


# What may stand between "It" and its verb: "It added …", "It recently announced …".
_IT_ADVERB_RE = re.compile(r"\s+(?:(?:also|further|then|recently|later|previously|earlier)\s+)?")


# A title's abbreviation ending at a full stop: "Sen.", "Reps.", "Gen.", "Dr.".
_TITLE_STOP_RE = re.compile(rf"(?:^|[\s(])(?:{'|'.join((*TITLE_ABBREVIATIONS, 'Sens', 'Reps', 'Prof', 'Rev', 'St'))})\.$")


def _verb_subject(masked: str, verb: re.Match, named: list[Mention], entities: list[Entity], kinds: tuple[str, ...]) -> int:
    """The person or body named in a verb's sentence, a few words before it, of one of ``kinds``; -1 if none."""
    start = _sentence_start(masked, verb.start())
    subject = [
        m
        for m in named
        if start <= m.start
        and m.end <= verb.start()
        and m.entity >= 0
        and entities[m.entity].type in kinds
        and len(_WORD_RE.findall(masked[m.end : verb.start()])) <= 3
    ]
    return subject[-1].entity if subject else -1


def _document_author(masked: str, at: int, role: str, named: list[Mention], entities: list[Entity]) -> int:
    """Who the document a role names ("the report") was introduced as being by, the last time the text named such a
    document before ``at``: "X's report", "a report by X", "the study … was put together by the think tank's Todd Harrison"
    (the person the body qualifies); -1 where it does not say."""
    # ... or the role itself, where its sentence says so: "The report was written by AEI senior fellow Jane Roe"
    # (a report may have been introduced as an analysis or a study: any document word counts)
    family = _STATEMENT_ROLES if role in _STATEMENT_ROLES else {*_DOCUMENT_ROLES, "assessment", "projection"}
    if role in _ANY_DOCUMENT_ROLES:
        family = {*_STATEMENT_ROLES, *_DOCUMENT_ROLES, "assessment", "projection"}
    kinds = "|".join(sorted({role, *family}))
    earlier = list(re.compile(rf"\b(?:{kinds})s?\b", re.IGNORECASE).finditer(masked, max(0, at - 2500), at + len(role) + 6))
    for document in reversed(earlier):
        if masked[max(0, document.start() - 1) : document.start()] in ("", "\n") and re.match(r"\s+by\s", masked[document.end() :]):
            continue  # a byline ("Analysis by Jane Roe"), not a document the article quotes
        if re.search(r"(?i)\bjoint\s+$", masked[max(0, document.start() - 8) : document.start()]):
            # (two or more sign one text, none of them its author: "the statement" is the joint statement)
            return _document_entity("joint statement", entities)
        owner = [m for m in named if m.end <= document.start() and _DOCUMENT_OWNER_GAP_RE.fullmatch(masked, m.end, document.start())]
        if owner:
            return owner[-1].entity
        if re.search(r"\b[Ii]ts\s+(?:[\w-]+\s+){0,2}$", masked[max(0, document.start() - 30) : document.start()]):
            # "the Congressional Budget Office handed it one. Its report, …": the body "its" stands for, the last named
            body = [m for m in named if m.end <= document.start() and m.entity >= 0 and entities[m.entity].type == "organisation"]
            if body:
                return body[-1].entity
        # "the CBO estimated in a long-range cost analysis", "North Korea has issued a disturbing
        # statement": the subject of the verb of saying or issuing before it (a country may issue one)
        for verb_before, types in (
            (_IN_DOCUMENT_RE, (*PERSONLIKE, "organisation")),
            (_ISSUED_DOCUMENT_RE, (*PERSONLIKE, "organisation", "country")),
        ):
            verb = verb_before.search(masked, max(0, document.start() - 60), document.start())
            subject = _verb_subject(masked, verb, named, entities, types) if verb else -1
            if subject >= 0:
                return subject
        # "In a note attached to the funding bill, the two chambers' appropriators backed …": the clause's subject
        if _IN_A_DOCUMENT_RE.search(masked, max(0, document.start() - 40), document.start()):
            comma = masked.find(", ", document.end(), document.end() + 150)
            head = _noun_phrase_head(masked, [m for m in named if comma >= 0 and comma < m.start < comma + 30])
            if head is not None and entities[head.entity].type in (*PERSONLIKE, "organisation", "group"):
                return head.entity
        by = _AUTHORED_BY_RE.match(masked, document.end())
        if by:
            after = sorted(m for m in named if by.end() <= m.start < by.end() + 80 and m.entity >= 0)
            # right after "by", or after a few words saying what it is ("by the American research company X")
            gap = masked[by.end() : after[0].start] if after else ""
            near = after and (len(gap) <= 2 or (len(gap.split()) <= 4 and _DESCRIBED_BODY_RE.search(gap)))
            first = _opening_mention(masked, after, entities) if near else None
            if first is not None and entities[first.entity].type in (*PERSONLIKE, "organisation"):
                return first.entity
    # "the report" where no document was introduced before: the outlet said to have reported, not long before ("The Straits
    # Times reported on Monday that … The report described it as …")
    if role == "report" and all(document.start() >= at for document in earlier):
        reporters = [
            m
            for m in named
            if m.end <= at
            and at - m.end < 1500
            and entities[m.entity].type == "outlet"
            # (or after its verb, as a closing credit: '"…," reported Canadian Broadcasting Corporation on Tuesday.')
            and (
                re.match(r"\s+(?:has\s+|had\s+)?report(?:ed|s)\b", masked[m.end :])
                or re.search(r"\breport(?:ed|s)\s+(?:the\s+)?$", masked[max(0, m.start - 14) : m.start])
            )
        ]
        if reporters:
            return reporters[-1].entity
    return -1


def _codebook_body_named(grammar: Grammar, wanted: tuple[str, ...]) -> str:
    """The one body of the codebook whose name or an alias holds all the ``wanted`` words ("program", "office": the
    "Golden Dome office", alias "Golden Dome program office"); of several, the one that holds them in that order, side
    by side ("budget office": the Congressional Budget Office, not the Office of Management and Budget); "" if none or
    several still."""
    names = [(alias.lower(), n.lower(), n) for alias, (n, k) in grammar.gazetteer.items() if k == "organisation"]
    known = {n for alias, name, n in names if set(wanted) <= set(_WORD_RE.findall(f"{alias} {name}"))}
    if len(known) > 1:
        phrase = re.compile(rf"\b{re.escape(' '.join(wanted))}\b")
        known = {n for alias, name, n in names if n in known and (phrase.search(alias) or phrase.search(name))}
    return known.pop() if len(known) == 1 else ""


# A body named by a possessor and a qualified role: "his own program office", "the Pentagon's program office".
_POSSESSED_BODY_ROLE_RE = re.compile(
    r"\b(?:(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)(?:\s+own)?|[A-Z][\w.-]*['’]s)\s+([a-z][\w-]+)\s+(office|agency|ministry|department)\b"
)
# A sentence or clause opening with "In a/its …" document.
_IN_A_DOCUMENT_RE = re.compile(r"(?:^|[.!?]\s+|\n\s*|,\s+)[Ii]n\s+(?:a|an|its|their|his|her)\s+(?:[\w-]+\s+){0,2}$")


def _noun_phrase_head(masked: str, mentions: list[Mention]) -> Mention | None:
    """The last of the mentions that follow the first with nothing but a space or "and" between: "House and Senate
    appropriators" is the appropriators; None if there are none."""
    if not mentions:
        return None
    head = mentions[0]
    for after in mentions[1:]:
        if not re.fullmatch(r"\s+(?:and\s+)?", masked[head.end : after.start]):
            break
        head = after
    return head


# A verb of estimate or speech and "in" a document: "estimated in a cost-projection analysis", "wrote in its report".
_IN_DOCUMENT_RE = re.compile(
    r"(?i)\b(?:said|estimated|estimates|projected|projects|found|finds|concluded|wrote|writes|calculated|warned|noted|argued)"
    r"\s+in\s+(?:a|an|its|their|the|his|her)\s+(?:[\w-]+\s+){0,3}$"
)
# A verb of issuing a document and its article, right before the document's noun.
_ISSUED_DOCUMENT_RE = re.compile(rf"(?i)\b{_ISSUING_VERBS}\s+(?:a|an|its|their)\s+(?:[\w-]+\s+){{0,3}}$")
# What stands between a document's owner and the document: "the CBO's May 2025 report", "Harrison's new study",
# "Taxpayers for Common Sense, whose new paper".
_DOCUMENT_OWNER_GAP_RE = re.compile(r"(?:['’]s|,\s+whose)\s+(?:[\w-]+\s+){0,3}")
# What stands between a document and its author: "report, titled …, was authored by", "study by", "analysis from".
_AUTHORED_BY_RE = re.compile(r"[^.;]{0,120}?\b(?:(?:written|authored|published|produced|released|prepared)\s+by|by|from)\s+(?:the\s+)?")


# Bodies a nationality qualifies into a body of their own: "the Chinese government", "the Japanese ministry".
_GOVERNING_BODIES = frozenset({"government", "ministry", "embassy", "administration", "foreign ministry"})


# "In her account, ...", "in his view": a clause given as someone's account.
# A named possessor's reckoning a sentence goes by: "By the CBO's count", "In AEI's estimate", "Under the Pentagon's
# latest projections" (group 1: the possessive's mark).
_POSSESSOR_ACCOUNT_RE = re.compile(
    r"\b(?:[Ii]n|[Bb]y|[Uu]nder|[Aa]ccording\s+to)\s+(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,5}?(['’]s)\s+(?:own\s+|latest\s+|new\s+)?"
    r"(?:count|reckoning|estimates?|calculations?|math|maths|figures|numbers|assessment|estimation|view|projections?|analysis|tally|"
    r"(?:notional\s+)?(?:design|architecture|scenarios?|model|assumptions))\b"
)
_ACCOUNT_RE = re.compile(
    r"(?m)\b(?:(?:[Ii]n|[Aa]ccording\s+to|[Bb]y)\s+(his|her)\s+(?:own\s+)?(?:account|view|words|telling|assessment|estimation|reading|"
    r"calculations?|estimates?|math|maths|figures|numbers|count|reckoning)\b"
    r"|(?:(?<=\s)|^)(his|her|His|Her)\s+(?:[A-Z][\w-]*\s+){0,3}(?:post|statement|message|letter|remarks|response|reply|answer|tweet|platform|"
    # (and what they claimed or pronounced: "His pronouncement that the shield would '…'")
    r"account|feed|pronouncement|claim|assertion|insistence|warning|promise|pledge|vow|assurance)s?\b)"
)


# A person confirmed in a post, not a statement confirmed: "the Senate confirmed Gen. Roe", "confirmed him as director";
# nor someone's view borne out: "the report confirmed his fears".
# (a day or a month is when: "The Prime Minister's Office confirmed Tuesday that talks were under way")
_CONFIRMED_IN_POST_RE = re.compile(
    rf"(?:confirmed|confirms)\s+(?:(?!{_DAY}|{_MONTH})[A-Z]|him\b|her\b|them\b|his\b|their\b|my\b|our\b"
    r"|the\s+(?:nomination|nominee|appointment|pick)\b)"
)
# Writing a law or a budget, not words: "writing next year's defense bill", "wrote the legislation".
_DRAFTING_RE = re.compile(
    r"(?i)(?:writing|wrote|writes|written)\s+(?:(?:the|a|an|next|this|that|their|his|her|its)\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:bill|bills|law|laws|legislation|budget|code|rules|check|checks)\b"
)


# A body's document by its possessive, a few words of what it is on between: "Its report", "their report on the
# fiscal 2026 defense bill", "its latest letter".
_BODYS_DOCUMENT_RE = re.compile(
    r"\b(?:[Ii]ts|[Tt]heir)\s+(?:[\w-]+\s+){0,2}(?:report|study|analysis|letter|memo|paper|statement|assessment)s?"
    r"(?:\s+(?:on|about|for|to)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?=said|says|warned|found|concluded|noted|stated|argued))?"
)


# An unnamed person who speaks for a body: "a NATO official", "one senior defense official", "a Pentagon spokesperson".
_ADJ = r"(?:(?!(?:said|says|told|added|warned|argued|noted|who|that|and|but|the|a|an)\b)[a-z][\w-]*\s+)"
_PLACE = (
    r"(?:company|companies|contractor|contractors|firm|firms|office|ministry|committee|embassy|agency|department|brokerage|bank|"
    r"fund|institute|talks|matter|discussions|negotiations|plans|planning)"
)
# A body's kind written after its name: "a spokesman for the Golden Dome office".
_BODY_WORD = r"\s+(?:office|agency|ministry|department|command|committee|program|programme|directorate)"
# ... and as a headline names them, without the article, at its line's start, its verb after: "Senior Canadian diplomat
# compares …", "Top Russian official warns …".
_HEADLINE_ANONYMOUS_RE = re.compile(
    r"(?m)^[ \t]*(?:(?:Senior|Top|Former)[ \t]+)?((?:[A-Z][\w.&-]*[ \t]+){1,3})(?:(?:senior|top|former)[ \t]+)?"
    rf"({_UNNAMED_ROLES})"
    r"(?=[ \t]+(?:[a-z]+ly[ \t]+)?[a-z]+s\b)"
)
_ANONYMOUS_RE = re.compile(
    # ("the" where how they know follows: "'…,' the source familiar with the talks said", the one described before)
    # ("another": "'…,' another source said"; "one of the" in the plural: "one of the U.S. officials told Reuters"; "the"
    # before an outlet's source, the one it described before: "'…,' the CNN source said")
    rf"\b(?:[Aa]n?|[Aa]nother|[Oo]ne(?:\s+of\s+the(?=\s+(?:[\w.&-]+\s+){{0,3}}(?:officials|sources|diplomats|aides)\b))?|"
    rf"[Tt]he(?=\s+(?:senior\s+)?(?:source|official|person|individual|aide|diplomat|insider)\s+{_HOW_THEY_KNOW}|\s+[A-Z][\w.&-]*\s+source\s+[a-z]+"
    # (one of several counted before: "The second source said that …")
    r"|\s+(?:first|second|third|fourth|other)\s+(?:source|official|person|aide|diplomat)\s+(?:said|says|told|added)\b))\s+"
    r"(?:(?:senior|former|top|another|second|third)\s+)?((?:[A-Z][\w.&-]*\s+){1,3})?"
    r"(?:(?!(?:of|the|and|or|to|in|on|for|with|at|by|from|as|who|that)\b)[a-z][\w-]*\s+){0,2}?"
    r"(official|officer|diplomat|spokesperson|spokesman|spokeswoman|executive|analyst|aide|lawmaker|colleague|engineer|resident|reporter|"
    r"journalist|correspondent|"
    rf"researcher|staffer|source|adviser|advisor|backbencher|strategist|lobbyist|consultant|manager|banker|scientist|expert|representative"
    rf"|(?:person|individual)(?=\s+{_HOW_THEY_KNOW}))(?:(?:(?<=official)|(?<=source)|(?<=diplomat)|(?<=aide))s(?=\s+(?:said|says|told)\b))?\b"
    # not the adjective: "a revised official estimate", "an official figure"
    r"(?!\s+(?:estimate|estimates|figure|figures|baseline|price|cost|number|statement|documents?|data|position|visit|report|plan|"
    r"policy|line|tally|projection|count|name|title|record|order|orders|branch|sample|example|selection|survey|poll)\b)"
    # What places them, kept in their name: "an executive at a mid-sized defense contractor", "an official in the
    # minister's office", "a person familiar with the talks".
    # (not a day or a month: "a defense spokesperson on Thursday" is the spokesperson)
    rf"(?:\s+(?:at|from|with|in|on|of|for)\s+(?!{_DAY}|{_MONTH})(?:the\s+|a\s+|an\s+|one\s+of\s+the\s+)?{_ADJ}{{0,2}}"
    rf"(?:[A-Z][\w.-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w.-]*)*(?:['’]s\s+(?:{_ADJ}?{_PLACE}|[A-Z][\w.-]*)|{_BODY_WORD})?|{_PLACE})\b"
    rf"|\s+{_HOW_THEY_KNOW})?"
)


# A kind of body a speaker's description may name that is no kind of company or department: "a foreign ministry spokesperson".
_KIND_OF_BODY_RE = re.compile(r"\b(?:ministry|embassy|committee|institute|agency)\b")


# Words that say which officials or sources they are: "senior defense", "Army", "Danish".
_COMMON_QUALIFIER = (
    r"(?:senior|former|top|current|junior|administration|government|defen[cs]e|military|industry|congressional|ruling-party|"
    r"opposition|intelligence|security|state|local|regional|party)"
)
_SOURCE_QUALIFIER = rf"(?:[A-Z][\w-]*|U\.S\.|{_COMMON_QUALIFIER})"
_QUALIFIED_GROUPS = frozenset({"officials", "sources", "diplomats", "aides", "leaders", "analysts", "experts", "lawmakers"})
_QUALIFIERS_BEFORE_RE = re.compile(rf"(?:(?<=\s)|(?<=^))((?:{_SOURCE_QUALIFIER}\s+){{1,3}})$")


def _group_qualifier(masked: str, group: re.Match, named: list[Mention]) -> str:
    """The words right before a group that say which it is ("Army" officials, "senior military" officials,
    "Greenlandic" leaders), as written, or "". Words opening a sentence ("But", "Still") and names the text knows
    (which speak for their body instead) are not qualifiers; a common word is written in lower case wherever it stands
    ("Defense officials said" are defense officials)."""
    if group.group(0).lower() not in _QUALIFIED_GROUPS:
        return ""
    before = _QUALIFIERS_BEFORE_RE.search(masked, max(0, group.start() - 80), group.start())
    if not before:
        return ""
    start = max([before.start(1), *(m.end for m in named if before.start(1) < m.end <= group.start())])
    words = masked[start : group.start()].split()
    while words and words[0].lower() in LEADING_STOP:
        words = words[1:]
    if not words:
        return ""
    if re.fullmatch(_COMMON_QUALIFIER, words[0].lower()):
        words[0] = words[0].lower()
    return " ".join(words)


def _body_of_group(masked: str, end: int, named: list[Mention], entities: list[Entity]) -> int:
    """The body a group is placed at, right after it ("analysts at the American Enterprise Institute"), or -1."""
    at = re.match(r"\s+(?:at|from|of|with)\s+(?:the\s+)?", masked[end:])
    if not at:
        return -1
    return next((m.entity for m in named if m.start == end + at.end() and entities[m.entity].type == "organisation"), -1)


_SINGULAR = {
    "officials": "official",
    "diplomats": "diplomat",
    "lawmakers": "lawmaker",
    "executives": "executive",
    "analysts": "analyst",
    "aides": "aide",
    "sources": "source",
    "people": "person",
    "persons": "person",
}
# Unnamed sources counted in the plural: "Two senior Canadian officials", "three people familiar with the talks".
_PLURAL_SOURCES_RE = re.compile(
    r"\b(?:(?:[Tt]wo|[Tt]hree|[Ff]our|[Ss]everal|[Bb]oth|[Mm]ultiple)\s+)?((?:"
    + _SOURCE_QUALIFIER
    + r"\s+){0,3})"
    rf"({'|'.join(_SINGULAR)})\b(\s+{_HOW_THEY_KNOW}|\s+(?:at|in|from)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)?"
)
# One of them speaking: "One of them described …", "one of the officials said", "Another said", "A second said".
_ONE_OF_THEM_RE = re.compile(
    rf"\b(?:[Oo]ne\s+of\s+(?:them|those|the\s+(?:{'|'.join(_SINGULAR)}))|(?:[Aa]nother|[Aa]\s+second|[Tt]he\s+other)"
    r"(?=\s+(?:said|told|added|noted|described|called|put|insisted|warned|argued|confirmed)))\b"
)


# The last word of a body's name that makes it plural: "the House and Senate Armed Services Committees".
_PLURAL_BODY_RE = re.compile(r"\b(?:Committees|Subcommittees|Chiefs)$")
# Group words for the members of a body, and the word its name holds: "appropriators" sit on an Appropriations Committee.
_MEMBERS_OF_BODY = {"appropriators": "appropriations"}
# Group words that speak for the body named right before them: "White House officials", "Chinese officials".
_BODY_GROUPS = frozenset(
    {
        "officials",
        "leaders",
        "aides",
        "lawmakers",
        "diplomats",
        "sources",
        "analysts",
        "researchers",
        "economists",
        "a spokesperson",
        "a spokesman",
        "a spokeswoman",
    }
)


# --- Quotations ------------------------------------------------------------------------------------------------------


def _is_title_case(quote: str) -> bool:
    """Whether a quotation reads as a name or a title: its words of four letters or more all capitalised, not all caps.

    >>> _is_title_case("Potential Costs of a National Missile Defense System"), _is_title_case("It will work")
    (True, False)
    """
    words = re.findall(r"[A-Za-z][\w'’-]*", quote)
    long_words = [w for w in words if len(w) >= 4]
    if not words or quote.isupper() or len(words) > 16 or len(long_words) < 2:
        return False
    if words[0] in _SENTENCE_SUBJECTS and len(words) > 1 and words[1].islower():
        return False  # a sentence, not a title: "It is not Iron Dome"
    if len(words) > 2 and words[1] in _AUXILIARIES:
        return False  # a subject and its verb, which a title would capitalise: "Everything is related to Golden Dome"
    return words[0][0].isupper() and sum(w[0].isupper() for w in long_words) >= 0.75 * len(long_words)


# Pronouns that open a quoted sentence, whose verb a title would capitalise: "It is not Iron Dome" against "It Is Not …".
_SENTENCE_SUBJECTS = frozenset("It We I They He She You This That There".split())


def quote_kind(quote: str, before: str, has_speaker: bool, grammar: Grammar, in_headline: bool = False, after: str = "") -> str:
    """Whether a quoted span is speech (``quotation``) or a ``term``: a name, a title, a scare-quoted phrase.

    >>> g = compile_grammar({})
    >>> quote_kind("Iron Dome for America", "an order titled ", False, g), quote_kind("we will build it", "", True, g)
    ('term', 'quotation')
    """
    stripped = quote.strip(" ,.;:!?")
    n_words = len(_WORD_RE.findall(stripped))
    # (a name someone is said to call a thing is their words: 'opponents call it a "Star Wars" for this century'; not
    # a technical term of the codebook: "what experts call a 'system of systems'")
    calls_it = has_speaker and bool(_CALLS_IT_RE.search(before[-60:]) or _WHAT_THEY_CALLED_RE.search(before[-60:]))
    # (unless the sentence credits the naming to the one it names: "As Gen. Roe described it, the shield is a 'system of
    # systems'", "was dubbed a 'system of systems' by Gen. Roe")
    passive = bool(_CALLED_PASSIVE_RE.search(before[-40:]) and _BY_AGENT_RE.match(after))
    credited = has_speaker and (passive or bool(_AS_THEY_PUT_IT_RE.search(before[-120:])))
    if grammar.terms is not None and grammar.terms.match(normalise(stripped)) and not credited:
        return "term"
    # (the naming words may stand before the thing's own name: "informally known as the Golden Dome 'czar'")
    named_as = grammar.naming.search(before[-40:]) or grammar.naming.search(_NAME_BEFORE_QUOTE_RE.sub("", before[-60:]))
    if named_as and n_words <= 12 and not (has_speaker and _WHAT_THEY_CALLED_RE.search(before[-60:])):
        return "term"
    # A short name that fills a bracket after a noun: 'weapons plutonium parts ("pits")', '(now the "Ministry of War")'
    if n_words <= 3 and _BRACKET_BEFORE_RE.search(before[-24:]) and re.match(r"[”\"’']?\s*\)", after):
        return "term"
    # A hyphenated word set in marks as a modifier inside a noun phrase is a term of art, whoever the sentence is about:
    # 'data fusion for the "left-of-launch" tracking', 'its "hit-to-kill" design' (not a credit after it: 'It is a
    # "win-win" deal, Carney said'; nor a naming verb's object: 'called it a "win-win" deal')
    if (
        n_words == 1
        and "-" in stripped
        and stripped.islower()
        and not calls_it
        and not re.search(r"\b(?:call|describ|dub|term|label|brand|characteri[sz])\w*\b", before[-80:], re.IGNORECASE)
        and re.search(r"\b(?:the|a|an|its|their|this|that|his|her|our)\s+$", before[-12:], re.IGNORECASE)
        and re.match(r"[”\"’']?\s+[a-z]{3,}", after)
        and not re.search(r",\s+(?:(?:[A-Z][\w.'’-]*|he|she|they)\s+){1,3}(?:said|says|told|added|wrote|argued|noted|stated)\b", after[:80])
    ):
        return "term"
    # A nickname between a first name and a last one: 'Gen. John "Jay" Roe'
    if (
        n_words == 1
        and stripped[:1].isupper()
        and re.search(r"\b[A-Z][a-z]+\s+[“\"‘']?$", before[-30:])
        and re.match(r"[”\"’']?\s+[A-Z][a-z]+\b", after)
    ):
        return "term"
    # (a speaker's sentence with a word in lower case is speech, however many names it holds: "'President Reagan
    # promised SDI, Strategic Defense Initiative,' Hegseth said"; in a headline, where every word is capitalised, a
    # speaker is enough: "'Cannot Possibly Work': Rep. Jane Roe Slams …")
    # (not a short name a headline sets before the noun it qualifies: "Pentagon Studies 'Sky Fence' Radar Layer")
    qualifying = (
        in_headline
        and n_words <= 3
        and bool(re.match(r"[”\"’']?\s+[A-Z][a-z]+", after))
        and not re.match(rf"[”\"’']?\s+{_HEADLINE_VERBS}\b", after)
        # (nor words a preposition follows, which qualify no noun: "China 'Seriously Concerned' Over …")
        and not re.match(rf"[”\"’']?\s+{_HEADLINE_PREPOSITIONS}\b", after)
    )
    lower_word = (in_headline and not qualifying) or any(len(w) >= 4 and w.islower() for w in re.findall(r"[A-Za-z][\w'’-]*", stripped))
    if (
        _is_title_case(stripped)
        and n_words <= 16
        and not re.search(r"[.!?]\s", stripped)
        and not calls_it
        and not (has_speaker and lower_word)
    ):
        return "term"
    if not has_speaker and n_words < grammar.min_quote_words:
        return "term"
    return "quotation"


# "As X (, a description,) described it, …" opening the sentence that quotes: X names the thing so.
_AS_THEY_PUT_IT_RE = re.compile(
    r"(?:^|[.!?]\s+|\n)As\s+[^,;]{2,50}(?:,[^,;]{2,70},)?\s+(?:described|put|called|termed|dubbed|characteri[sz]ed)\s+it,\s+[^“”\"]*$"
)
# A bracket opening right before a quotation, perhaps with a word that renames: "(", "(now the ", "(or ".
_BRACKET_BEFORE_RE = re.compile(r"\(\s*(?:(?:now|or|also|formerly|aka)\s+)?(?:the\s+)?$")
# A thing's own name of up to three capitalised words right before a quotation (and "the"): " the Golden Dome ".
_NAME_BEFORE_QUOTE_RE = re.compile(r"(?:\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,3})$")
# Verbs that name a thing by quoted words: "called it a '…'", "described the plan as '…'".
# (its object between, then the quotation: "called a joint effort a ")
_NAMING_VERB_RE = re.compile(
    r"(?:called|calls|call|described|describes|dubbed|dubs|termed|terms|labell?ed|labels|branded|brands|characteri[sz]ed)"
    r"\s+(?:[\w'’-]+\s+){1,6}?(?:as\s+)?",
    re.IGNORECASE,
)
# A verb of speech, whom it was said to, and "that": "added that", "told Washington (that)", "told reporters that".
_REPORTED_OBJECT_RE = re.compile(
    r"\w+\s+(?:(?:[A-Z][\w.'’-]*|the|him|her|them|us|reporters|journalists|lawmakers|senators|legislators|members)\s+){0,3}(?:that\s+)?"
)


def _reports_clause_of(text: str, outer: Attribution, inner: Attribution, quote: int) -> bool:
    """Whether ``inner`` is named inside the clause that ``outer``'s verb reports, both before a quotation at ``quote``:
    "He added that the group's review found …" (outer: he added; inner: the group … found)."""
    if not outer.position < inner.subject < inner.position < quote:
        return False
    if re.search(r"[;:]", text[outer.position : quote]) or not _SPEECH_VERB_RE.match(text, outer.position):
        return False
    if _REPORTED_OBJECT_RE.fullmatch(text[outer.position : inner.subject]):
        return True
    # ... or a few words into the reported clause, where the inner verb is not one of speech: in "He said joint work on
    # the Glide Phase Interceptor, which the two are developing, gave Tokyo 'a natural place to start'", he speaks.
    # ... or anywhere in a clause opened by "that" ("Trump said on Monday that the Canadian government … wants to
    # join … and that he would make sure Ottawa pays its 'fair share'"), the inner verb not of speech.
    if _SPEECH_VERB_RE.match(text, inner.position):
        return False
    between = text[outer.position : inner.subject]
    return bool(_REPORTED_LONGER_RE.fullmatch(between) or _REPORTED_THAT_CLAUSE_RE.match(between))


_REPORTED_LONGER_RE = re.compile(r"\w+\s+(?:that\s+)?(?:[\w'’-]+\s+){1,6}")
_REPORTED_THAT_CLAUSE_RE = re.compile(r"\w+\s+(?:[\w'’-]+\s+){0,5}?that\s")  # "told reporters on Friday that"


# Words after a quotation that open a clause of its own, whose subject is not the quotation's speaker.
_NEW_CLAUSE_RE = re.compile(r"(?i)\b(?:and|but|while|whereas|with|or|as|then|after|before|because|when|which|who)\b|[;:]")


def _paragraph_of(text: str, positions: list[int]) -> list[int]:
    """The paragraph of each position: how many runs of line breaks come before it (a blank line is one break)."""
    breaks = [m.start() for m in re.finditer(r"\n\s*", text)]
    return [bisect.bisect_right(breaks, position - 1) for position in positions]


def _attributes_back(text: str, sentence: Sentence, found: list[Attribution]) -> bool:
    """Whether a sentence only says who spoke the quotation before it: short, opening with its attribution, no quote of
    its own ("He wrote on Truth Social.", "Trump posted the message on Monday.")."""
    if not found or QUOTE_RE.search(text, sentence.start, sentence.end):
        return False
    if _BACK_REFERENCE_RE.match(sentence.text) or _BACK_NAMING_RE.match(sentence.text):  # "That was the verdict of X, who …",
        return True  # "The remark came from Sen. X of Alaska, whose state …": however long it runs on
    # (a sentence reporting a statement of its own does not point back: "Rae responded on X that the deal was unacceptable.")
    # ("She added that …" does: adding says she spoke before)
    reported = re.search(r"\bthat\s+(?:the|a|an|it|he|she|they|this|his|her|their)\b", text[found[0].position : sentence.end])
    if reported and not re.match(r"(?i)(?:added|adds|continued|went on)\b", text[found[0].position :]):
        return False
    # (after a question or an exclamation the quotation closes, its credit is the rest of one sentence, however long:
    # '"How do I bring them together?" Guetlein asked at a fireside chat hosted by … on the day of his confirmation.')
    closed_by_mark = bool(re.search(r"[?!][”\"’']\s*$", text[max(0, sentence.start - 4) : sentence.start]))
    return found[0].position - sentence.start <= 40 and (closed_by_mark or len(sentence.text.split()) <= 14)


# A sentence that names the speaker of the quotation before it: "That was Gen. X, speaking ...", "So wrote X".
_BACK_NAMING_RE = re.compile(
    r"\W*(?:(?:That|This)\s+(?:was|is)|So\s+(?:said|wrote|argued|says|writes)"
    r"|(?:The|That|This)\s+(?:remark|comment|warning|line|quip|assessment|view|words|criticism|complaint)\s+(?:came\s+from|was|belonged\s+to)"
    # ("Those were the words of X", "These were the remarks from X")
    r"|(?:Those|These)\s+were\s+the\s+(?:words|remarks|comments|thoughts|views)\s+(?:of|from))\s+"
)


def _country_key(name: str) -> str:
    """A country's name as :func:`_nation_of` keys its adjective: "Russia" "russ", "North Korea" "kore", "United States" "us"."""
    return "us" if name in ("United States", "America", "U.S.", "US") else _nation_of(name.split()[-1] + "'s")


def _nation_of(words: str) -> str:
    """The country a few words before a name or a role say it belongs to ("Russian President", "the U.S."), as a short
    key ("russ", "us"), or "" if none: a capitalised word ending as a nationality does, or the United States' forms.

    >>> [_nation_of(w) for w in ["Russian President", "the U.S.", "Japanese Prime Minister", "Defense Secretary", "the"]]
    ['russ', 'us', 'japa', '', '']
    """
    for word in words.split():
        bare = word.strip(",.;:'’").lower()
        if bare in ("u.s", "us", "american", "america", "u.s.a"):
            return "us"
        possessor = re.fullmatch(r"([A-Z][a-z]+)['’]s", word)
        if possessor:  # "Denmark's", the country of a "Danish" prime minister; "Japan's" of a "Japanese" one
            stem = possessor.group(1).lower()
            return _DEMONYM_STEMS.get(stem, stem[:4])
        if word[:1].isupper() and re.fullmatch(r"[a-z]+(?:ian|ese|ish|an|i)", bare) and bare not in _NOT_NATIONALITIES:
            return bare[:4]
    return ""


# Countries whose adjective does not start as their name does (the rest share four letters: Japan, Japanese).
_DEMONYM_STEMS = {
    "denmark": "dani",
    "france": "fren",
    "netherlands": "dutc",
    "holland": "dutc",
    "britain": "brit",
    "spain": "span",
    "finland": "finn",
    "poland": "poli",
    "switzerland": "swis",
    "philippines": "fili",
    "ireland": "iris",
    "america": "us",
}
# Capitalised words that end as nationalities do but are titles or names of offices.
_NOT_NATIONALITIES = frozenset({"chairman", "spokesman", "spokeswoman", "republican", "publican", "veteran", "librarian", "guardian"})


def _is_apposition(gap: str) -> bool:
    """Whether what stands between a role and a name makes the name its apposition: ", " or ", Sen. ", the role's
    place or body first (" of the United States, ").

    >>> _is_apposition(", "), _is_apposition(" of the United States, "), _is_apposition(" said on Monday that ")
    (True, True, False)
    """
    gap = _ROLE_OF_PLACE_RE.sub("", gap, count=1)
    return gap.startswith(",") and len(gap) < 24 and _only_titles(gap[1:]) and "," not in gap[1:]


# A role's place or body, written after it: "the President of the United States", "the head of Space Command",
# "Norway's envoy to the UN"; or what the role is in charge of: "The general in charge, Michael Guetlein,".
_ROLE_OF_PLACE_RE = re.compile(rf"^\s+(?:(?:of|for|at|to)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s*){{1,4}}|{_IN_CHARGE_OF})(?=,)")


def _only_titles(gap: str) -> bool:
    """Whether the words before a name are only capitalised titles ("Gen.", "Sen.", "Foreign Minister")."""
    words = gap.split()
    return len(words) <= 3 and all(w[:1].isupper() for w in words)


# A sentence that points back at the quotation before it: "That was the complaint of ...", "Those were the words of ...".
_BACK_REFERENCE_RE = re.compile(
    r"\W*(?:(?:That|This|Those|These|Such)\s+(?:was|were|is|are)\s+(?:(?:the|a|an|one)\s+(?:[\w-]+\s+){0,2}?(?:of|from)\s|[A-Z])"
    r"|So\s+(?:said|wrote|argued|says|writes)\s)"
)


# A sentence announcing someone's statement that follows it: "Below is a statement by X", "Read the full remarks from X".
_STATEMENT_BY_RE = re.compile(r"(?i)\b(?:statement|remarks|comments|message|letter|testimony)\s+(?:issued\s+)?(?:by|from)\s+")


def _introducer(text: str, sentences: list[Sentence], first: int, quote: int, mentions: list[Mention], entities: list[Entity]) -> int:
    """The person or body a colon introduces a quotation for: the one its sentence (or, for a quotation standing after
    a sentence that ends with a colon, the sentence before) opens with, within its first few words; -1 if none."""
    head = text[sentences[first].start : quote].rstrip(" “\"‘'")
    if not head and first > 0:
        # "Below is a statement by Gretchen Goldman, president of the UCS." then the statement: its author
        statement = _STATEMENT_BY_RE.search(text, sentences[first - 1].start, sentences[first - 1].end)
        named = [m for m in mentions if statement and statement.end() <= m.start <= statement.end() + 25 and m.entity >= 0]
        if named and entities[named[0].entity].type in (*PERSONLIKE, "organisation", "country"):
            return named[0].entity
    if head.endswith(":"):
        sentence = sentences[first]
    elif not head and first > 0 and sentences[first - 1].text.rstrip().endswith(":"):
        sentence = sentences[first - 1]
    else:
        return -1
    at = sentences.index(sentence)
    # The introducing sentence, else the one before it when the introducer is only "It read, in full:" after "The
    # offer came in a post on his platform.": the person its possessive stands for.
    for candidate in (sentence, *sentences[max(0, at - 1) : at][::-1]):
        inside = [m for m in mentions if candidate.start <= m.start < candidate.end and m.entity >= 0]
        if candidate is not sentence:
            inside = [m for m in inside if m.kind == "pronoun" and text[m.start : m.end].lower() in ("his", "her")]
        # (the last of two clauses a conjunction joins opens with the one the colon speaks for: "Trump has called it
        # '…,' while Space Command's leader Gen. Roe sums it up in one phrase: '…'" is Roe's)
        clauses = [c.end() for c in _CONTRASTING_CLAUSE_RE.finditer(text, candidate.start, quote)] if candidate is sentence else []
        start = candidate.start
        if clauses and _opening_mention(text, [m for m in inside if m.start >= clauses[-1]]) is not None:
            inside, start = [m for m in inside if m.start >= clauses[-1]], clauses[-1]
        opening = _opening_mention(text, inside)
        if opening is None or entities[opening.entity].type not in (*PERSONLIKE, "organisation", "country"):
            continue
        # Within the first words, or the first name after a leading phrase ("A representative sample, from Lena Marsh").
        if candidate is not sentence or len(_WORD_RE.findall(text[start : opening.start])) <= 5:
            return opening.entity
    return -1



# A country's verb of issuing words: "issued a statement on", "released remarks about", "sent a warning".
_WORDS_ISSUED_RE = re.compile(
    rf"(?i)\b{_ISSUING_VERBS}\s+(?:a|an|its)\s+(?:[\w-]+\s+){{0,2}}(?:statement|remarks|warning|memorandum|message|commentary)\b"
)
# Lower-case words of a description written before a name: roles, titles and the words joining them.
_DESCRIPTION_WORDS = (
    frozenset(DEFAULT_PERSON_ROLES)
    | {w for t in DEFAULT_TITLES for w in t.split()}
    | {"to", "the", "of", "for", "and", "former", "deputy", "senior"}
    # what kind of body a name is: "Aerospace and defence manufacturer RTX Corp.", "defense contractor Anduril"
    | set("manufacturer maker contractor company firm giant startup start-up supplier producer group think tank defense defence".split())
    | set("aerospace space tech technology rocket satellite missile weapons arms industry research policy software".split())
)


# A document that speaks through its words: "an executive order calling for …", "the proposal, which calls for …", "what
# the document calls", "one line of the proposal", "as laid out in the president's executive order".
_DOCUMENT_NOUNS = (
    r"(?:executive\s+order|order|proposal|budget\s+proposal|bill|document|memo|memorandum|directive|agreement|treaty|joint\s+statement)"
)
_DOCUMENT_VOICE_RE = re.compile(
    # (its author and date between: "an order from the president in late January, tasking the Pentagon with …")
    # (its abbreviation, and another verb of its relative clause: "an executive order (EO) that set a new course for
    # homeland defense and called for …")
    # (and when it came, before the verb: "an executive order in early March directing …")
    rf"(?i)\b(?P<d>{_DOCUMENT_NOUNS})(?:\s+(?:from|by|signed\s+by|issued\s+by)\s+[^,.;“”\"]{{1,60}})?(?:\s*(?-i:\([A-Z]{{2,5}}\)))?"
    rf"(?:\s+(?:on|in|at|during)\s+(?:the\s+(?:end|start|beginning|middle)\s+of\s+|late\s+|early\s+|mid-)?(?:{_MONTH}|\d{{4}})(?:\s+\d{{1,2}})?)?,?\s+"
    r"(?:(?:which|that)\s+(?:(?:[^,.;“”\"]|(?-i:(?<=[A-Z])\.)){1,90}?\s+and\s+)?)?(?:calling\s+for|calls\s+for|called\s+for|directing|directs|directed|"
    r"instructing|instructs|instructed|requiring|requires|ordering|orders|mandating|mandates|tasking|tasks|tasked|"
    r"aimed\s+at|aiming\s+at|aiming\s+to|intended\s+to|seeking\s+to)\b"
    rf"|\bwhat\s+the\s+(?P<w>{_DOCUMENT_NOUNS})\s+(?:calls|describes\s+as|terms)\b"
    rf"|\b(?:one\s+)?(?:line|section|passage|part|clause)\s+of\s+the\s+(?P<l>{_DOCUMENT_NOUNS})\b"
    rf"|\bas\s+(?:envisioned|described|laid\s+out|set\s+out|outlined|defined)\s+in\s+(?:the\s+)?(?:[\w’'-]+\s+){{0,2}}?(?P<e>{_DOCUMENT_NOUNS})\b"
    # a joint statement, whose signatories none speaks alone, as the subject of a verb of speech or a participle in its
    # clause: "A joint statement the two leaders signed after their talks stressed that …", "issued a joint
    # statement restating that …"
    r"|\b(?P<j>joint\s+statement)\b[^,.;:“”\"]{0,120}?\b(?:said|says|stated|states|noted|notes|highlighted|highlights|"
    r"warned|warns|stressed|stresses|described|describes|declared|declares|saying|stating|noting|warning|stressing|describing|"
    r"declaring|reaffirming|calling|promising|pledging|expressing|vowing|emphasizing|emphasising)\b"
    # an order, treaty or agreement named as the subject of its clause, by what a text states or binds one to: "The
    # treaty reportedly obligates Washington to '…'", "the current order justifies its urgency, asserting that '…'"
    r"|\b(?:[Tt]he|[Tt]his)\s+(?:(?:current|new|original|presidential|decades-old|\d{4})\s+){0,2}"
    r"(?P<o>executive\s+order|order|treaty|agreement|directive)\b(?:\s+(?:reportedly|also|further|explicitly|specifically))?\s+"
    r"(?:[^,.;:“”\"]{0,80}?,\s+)?(?:states|stated|says|said|declares|declared|asserts|asserted|asserting|stating|noting|notes|"
    r"obligates|obliges|requires|commits|acknowledges|acknowledging|emphasizes|warns|warning|outlines|outlined|designates|"
    r"designated|stipulates|specifies|defines|envisions|references|referencing)\b"
    # what a sentence says going by a document: "According to the directive, the Pentagon must draft '…'", "Under the
    # old treaty, Washington may '…'"
    r"|(?:^|(?<=[.!?]\s)|(?<=\n))(?:[Aa]ccording\s+to|[Uu]nder)\s+(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<a>executive\s+order|order|directive|agreement|treaty|memo|memorandum)\s*,"
)


# Participles a document speaks with.
_DOCUMENT_PARTICIPLE_RE = re.compile(
    r"(?:citing|stating|declaring|noting|asserting|calling|describing|requiring|directing|mandating|ordering)\b", re.IGNORECASE
)
# A document credited right after the quotation, as a person would be: '"…," the order adds.'
_DOCUMENT_CREDIT_AFTER_RE = re.compile(
    r"[,.]?\s*(?:the|this)\s+(?P<d>executive\s+order|order|directive|document|memo|memorandum|proposal)\s+"
    r"(?:reads|read|says|said|states|stated|adds|added|notes|noted|continues|continued|declares|declared)\b",
    re.IGNORECASE,
)
_DOCUMENT_NAMED_RE = re.compile(rf"(?i)\b{_DOCUMENT_NOUNS}\b")


def _document_voice(masked: str, start: int, quote: int, entities: list[Entity]) -> int:
    """The document whose words a quotation in its clause are, by the verbs a document speaks with, before the quotation
    in its sentence and with no other quotation between: "Trump issued an executive order calling for a shield to defend
    'against ballistic … missiles'". The document is named by its noun ("executive order", "proposal"); -1 if none."""
    found = [m for m in _DOCUMENT_VOICE_RE.finditer(masked, start, quote) if not re.search(r"[”\"]", masked[m.end() : quote])]
    if not found:
        return -1
    noun = " ".join(next(g for g in found[-1].groups() if g).lower().split())
    # (a directive after an executive order was named is that order: "The executive order outlines a plan. According
    # to the directive, …")
    if noun == "order" or noun == "directive" and _ORDER_RE.search(masked, 0, found[-1].start()):
        noun = "executive order"
    if noun == "document":  # "The proposal … what the document calls": the document named before
        named = [" ".join(m.group(0).lower().split()) for m in _DOCUMENT_NAMED_RE.finditer(masked, max(0, start - 600), found[-1].start())]
        noun = next((n for n in reversed(named) if n != "document"), noun)
    return _document_entity(noun, entities)


def _document_entity(noun: str, entities: list[Entity]) -> int:
    """The entity of a document named by its noun ("executive order", "joint statement"), added once."""
    for i, entity in enumerate(entities):
        if entity.type == "document" and entity.name == noun:
            return i
    entities.append(Entity(noun, "document"))
    return len(entities) - 1


def _clause_subject_of(masked: str, start: int, quote: int, mentions: list[Mention], entities: list[Entity]) -> int:
    """The person or body whose clause a quoted phrase stands in, without a verb of speech: the subject its sentence
    opens with ("The general has argued … and warned of 'a great many threats'", "Testifying in
    March, the envoy likened it to a 'protection racket'"), -1 if the sentence opens otherwise or names no one first."""
    dateline = _DATELINE_RE.match(masked, start, quote)
    if _OPENING_SUBORDINATE_RE.match(masked, dateline.end() if dateline else start):
        return -1  # "As Japan makes space a priority, the Space Force has called it …": the subject is past the clause
    start = _clause_opening(masked, start, quote)
    inside = [m for m in mentions if start <= m.start and m.end <= quote and m.entity >= 0]
    subject = _opening_mention(masked, inside, entities)
    # A country's quoted words are its policy's name ("Japan decided to acquire a 'counterstrike capability'"), unless
    # it issues words ("North Korea has issued a statement on an 'outer space nuclear war'").
    if subject is None or entities[subject.entity].type not in (*PERSONLIKE, "organisation", "group", "country", "document"):
        return -1
    gap = masked[subject.end : quote]
    if entities[subject.entity].type == "country" and not _WORDS_ISSUED_RE.search(gap):
        return -1
    # Its own subject ("reports indicated that Trump is considering a 'czar'" is the reports' clause), whose verb must
    # come between: not a possessive ("Trump's 'big, beautiful' shield"), and not a pair
    # ("Trump and Ishiba discussed 'economic security cooperation'": two people do not speak one phrase).
    head = masked[start : subject.start]
    # (a description leading into the name is no head: "Canadian ambassador to the United Nations Bob Rae compared …")
    describing = all(w[:1].isupper() or w.lower() in _DESCRIPTION_WORDS for w in _WORD_RE.findall(head))
    if (
        (len(_WORD_RE.findall(head)) > 3 and not describing)
        or re.search(r"\bthat\b", head)
        or re.match(r"\s*(?:'s|’s|'|’|and)\s", gap)
        or not _WORD_RE.search(gap)
    ):
        return -1
    return subject.entity


def _clause_opening(text: str, start: int, stop: int) -> int:
    """Where the main clause of a sentence starting at ``start`` begins, looking no further than ``stop``: after a wire
    story's dateline ("DENVER, Colo. — "), or after an opening phrase of circumstance or purpose and its comma ("In
    March, …", "To bypass gridlock, the White House is asking …")."""
    dateline = _DATELINE_RE.match(text, start, stop)
    if dateline:
        return dateline.end()
    comma = text.find(",", start, stop)
    if comma > 0 and (_CIRCUMSTANCE_RE.match(text, start) or re.match(r"\W*To\s", text[start:stop])):
        # (and a phrase of time after it: "Separately, earlier this week, the Space Force …")
        after = comma + 1 + len(text[comma + 1 : stop]) - len(text[comma + 1 : stop].lstrip())
        time = _TIME_ADVERBIAL_RE.match(text, after, stop)
        closed = re.match(r"\s*,", text[time.end() : stop]) if time else None
        return time.end() + closed.end() if closed else comma + 1
    return start


# A wire story's dateline before its first sentence's subject: "HUNTSVILLE, Ala. — ", "TOKYO, June 3 (Reuters) - ".
_DATELINE_RE = re.compile(
    r"\s*[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][\w.]*\.?(?:\s+[A-Z]?[\w.]*)?(?:\s+\d{1,2})?)?\s*(?:\([^)\n]{1,40}\))?\s*[—–-]+\s*"
)
_OPENING_SUBORDINATE_RE = re.compile(r"\W*(?:As|While|Although|Though|If|Because|Since|Whereas|Despite|Unlike|Even|Once|Until|Unless)\b")


def _speaker(found: list[Attribution], entities: list[Entity]) -> int:
    """The speaker among a sentence's attributions: the first that is not an outlet (an outlet relays), else the first."""
    return next((a.entity for a in found if entities[a.entity].type != "outlet"), found[0].entity)


# A verb of speech that ends its sentence, a few words of time or place at most: "said last year.", "told reporters."
# (a clause of when or where may follow it: "…,” President Donald Trump declared Tuesday as he shared new details.")
_CLOSES_SENTENCE_RE = re.compile(
    r"\w+(?:\s+[\w'’]+){0,4}(?:,?\s+(?:as|while|when|after|before|during|at|in|on)\b(?:(?!\bthat\b)[^“”\"])*?)?\s*[.!?]?\s*$"
)


# A clause after a quotation that opens by setting something against it: ', while Ottawa maintains …'.
_CONTRAST_AFTER_QUOTE_RE = re.compile(r"[”\"’']?\s*,?\s*(?:while|whereas|but|though|although|yet)\b")


# A credit after a quotation, set off by a dash: '"…" — a House Armed Services staffer', '"…" – Sen. Jack Reed'.
_DASH_CREDIT_RE = re.compile(r"[ \t]*[—–][ \t]*(?:(?:the|a|an)\s+)?")


def _inside_aside(text: str, lo: int, position: int, quote: int, marks: str = ",") -> bool:
    """Whether ``position`` lies in a relative clause between commas ("…, which Trump said would cost $175 billion,")
    that closes before a quotation or a figure at ``quote``; ``marks`` are the marks that may set it off (a figure's
    clause also takes dashes and brackets: "the shield—which Moscow called 'reckless'—at $175 billion")."""
    if position >= quote:
        return False
    opened = re.search(rf"[{marks}]\s*(?:which|who|whose|where)\b[^{marks}]*$", text[lo:position])
    return opened is not None and re.search(rf"[{marks}]", text[position:quote]) is not None


# A possessor's words named before a quotation: "Trump's assurances the country was", "Beijing's claim that it is".
_WORDS_OF_RE = re.compile(
    r"['’]s\s+(?:[a-z-]+\s+){0,2}(?P<noun>assurances?|claims?|words|promises?|remarks?|insistence|assertions?|pledges?|warnings?|"
    r"boasts?|vows?|description|characterization|characterisation)\s+(?:that\s+)?(?:[^\"“”‘’,.;:]{0,60}\s)?$"
    # "the president's projected timeline of '…'", "Trump's goal of '…'": what he set out, in his words
    r"|['’]s\s+(?:[a-z-]+\s+){0,2}(?P<aim>timeline|timetable|prediction|forecast|goal|target|vision)\s+of\s+$"
    # "In Hegseth's words, the shield is '…'", "The shield, in Hegseth's words, is '…'"
    r"|['’]s\s+(?:own\s+)?words,\s+(?:[^\"“”‘’.;:]{0,80}\s)?$"
    # "His pronouncement that the shield would '…'": a possessive pronoun's words
    r"|(?:(?<=\b[Hh]is)|(?<=\b[Hh]er))\s+(?:[a-z-]+\s+){0,2}(?:pronouncements?|claims?|assertions?|insistence|warnings?|promises?|"
    r"pledges?|vows?|assurances?)\s+that\s+(?:[^\"“”‘’,.;:]{0,60}\s)?$"
)
_RESTS_ON_RE = re.compile(r"(?i)based\s+on|estimated\s+by|projected\s+by")


_LEADING_CONJUNCTION_RE = re.compile(r"^\s*(?:But|And|Yet|Still|However,|Also,)\s+")


# A phrase described as someone's, its agent named: "described by the administration as a", "dubbed by critics as".
_DESCRIBED_AS_RE = re.compile(
    r"\b(?:described|called|dubbed|labell?ed|branded|characteri[sz]ed|hailed|touted|billed|praised|lauded|recogni[sz]ed|"
    r"introduced|referred\s+to|derided|dismissed|denounced|critici[sz]ed|mocked|ridiculed|slammed|condemned|portrayed)"
    r"\s+by\s+((?:the\s+)?[\w.'’ -]{2,60}?)"
    r"\s+as\s+(?:an?\s+|the\s+)?$"
)
# A phrase someone calls something, in their words: "what he called the 'finest shield ever built'".
_WHAT_THEY_CALLED_RE = re.compile(
    r"\bwhat\s+((?:[\w.'’-]+\s+){1,3}?)(?:called|calls|call|termed|terms|term|described\s+as|describes?\s+as)\s+(?:the\s+|an?\s+)?$"
)
# A document a sentence opens with as the source of its words: "As stated in the 2019 Missile Defense Review, '…'".
_AS_STATED_IN_RE = re.compile(
    r"\b[Aa]s\s+(?:stated|noted|written|set\s+out|outlined|described|laid\s+out|put|declared|spelled\s+out|explained)\s+in\s+"
    r"((?:the|a|an|its|their)?\s*[^,;:.“”\"]{2,80}?)(?:,\s+(?:which\s+was\s+)?(?:authored|written|issued|released|published)\s+by\s+"
    r"[^,;:“”\"]{2,60})?[,:]\s*$"
)
# The same, its agent after the phrase: "was dubbed a 'network of networks' by Gen. X".
_CALLED_PASSIVE_RE = re.compile(
    r"\b(?:been|was|is|were|are)\s+(?:termed|called|dubbed|labell?ed|branded|(?:described|characteri[sz]ed|praised|hailed|lauded|"
    r"touted|billed|referred\s+to|introduced|derided|dismissed|denounced|critici[sz]ed|mocked)\s+as)\s+(?:an?\s+|the\s+)?$"
)
_AND_THAT_RE = re.compile(r",?\s+and\s+that\s")
_FINITE_AUXILIARY_RE = re.compile(r"\b(?:had|has|have|was|were|is|are|will|would|could|can|did|does)\b")
_BY_AGENT_RE = re.compile(r"[”\"’']?,?\s+by\s+((?:the\s+)?[\w.'’ -]{2,60})")
# ("the two sides" of a joint statement are its two countries: "'…,' the two sides said in their joint statement")
_BOTH_OF_THEM_RE = re.compile(
    r"(?i)\b(?:both|the\s+two)\s+(countries|nations|governments|capitals|leaders|sides|chairmen|chairs|co-chairs|ministers|presidents)\b"
    # (a pair of chairs, as a joint statement names them: '"…," stated the chairmen.')
    r"|\bthe\s+(chairmen|co-chairs)\b"
)
# The words of _BOTH_OF_THEM_RE for two people, not two countries.
_BOTH_PEOPLE = frozenset({"leaders", "chairmen", "chairs", "co-chairs", "ministers", "presidents"})
# A verb of calling and its object before a quoted name: "call it a new ", "have called the plan ".
_CALLS_IT_RE = re.compile(
    r"\b(?:call|calls|called|calling|termed|likened\s+(?:it|the\s+\w+)\s+to)\s+(?:it|them|this|that|the\s+[\w-]+(?:\s+[\w-]+)?)\s+"
    r"(?:(?:an?|the)\s+)?(?:[\w-]+\s+)?$"
)


def _named_in_group(match: re.Match | None, mentions: list[Mention], entities: list[Entity] | None = None) -> Attribution | None:
    """The attribution to the first one named inside a pattern's first group ("described by the administration as"),
    None if no one known is named there; with ``entities``, a document named there before anyone else ("a Pentagon
    memo")."""
    inside = [m for m in mentions if match and match.start(1) <= m.start < match.end(1) and m.entity >= 0] if match else []
    inside = [m for m in inside if entities is not None and entities[m.entity].type == "document"] or inside
    return Attribution(match.start(), inside[0].entity, "before", -1, inside[0].start) if inside else None


def _quotations(
    text: str,
    sentences: list[Sentence],
    attributions: list[list[Attribution]],
    entities: list[Entity],
    grammar: Grammar,
    mentions: list[Mention] = (),
    masked: str | None = None,
) -> list[Quotation]:
    """Every quoted span with its kind and speaker (see the module's docstring for the order of the rules)."""
    starts, ends = [s.start for s in sentences], [s.end for s in sentences]
    masked = _masked_text(text) if masked is None else masked
    paragraph = _paragraph_of(text, starts)
    found: list[Quotation] = []
    left_open: set[int] = set()  # quotations whose paragraph ends before they close
    for match in QUOTE_RE.finditer(text):
        quote = next(group for group in match.groups() if group)
        first = bisect.bisect_right(ends, match.start())
        last = bisect.bisect_left(starts, match.end()) - 1
        if first == len(sentences) or last < first:
            continue
        entity, how = -1, "none"
        own = [a for i in range(first, last + 1) for a in attributions[i]]
        # (a conjunction may open it: "But 'the weapons have not gotten much better.'")
        lead = _LEADING_CONJUNCTION_RE.sub("", text[sentences[first].start : match.start()])
        alone = not lead.strip(" \"“‘'—-") and not text[match.end() : sentences[last].end].strip(" .,\"”’'")
        # A speaker named after the quotation owns it only when written right after it ('"…," the spokesman said'),
        # not in a clause of its own ('… of "serving as an accomplice" and the Kremlin warning that …').
        own = [
            a
            for a in own
            if min(a.position, a.subject) < match.end()
            # (what another quotation between says opens no clause: 'to "protect the homeland" from "cruise missiles, …,
            # whether they're conventional or nuclear," Hegseth explained')
            or not _NEW_CLAUSE_RE.search(masked[match.end() : min(a.position, a.subject)])
            # ("'That's our stuff': Trump tells Bibi …", a headline's credit after a colon)
            or (
                re.fullmatch(r"\s*:\s*(?:[Tt]he\s+)?", text[match.end() : min(a.position, a.subject)])
                and not text[sentences[first].start : match.start()].strip()
            )
            # '"…," including …, Hegseth said last year.' (not a clause that sets another's view against the words: 'Rae
            # called it a "protection racket," while Ottawa maintains that …')
            or (_CLOSES_SENTENCE_RE.match(text, a.position, sentences[last].end) and not _CONTRAST_AFTER_QUOTE_RE.match(text, match.end()))
        ]
        # A speaker whose own clause reports another's ("He added that the group's review found 'no credible path'")
        # is the one quoting: the attribution inside the reported clause is not the quotation's.
        # (not where an outlet reports someone's speech: in "Yonhap said the foreign ministry called it '…'", the outlet
        # relays the ministry's words)
        own = [
            a
            for a in own
            if not any(
                _reports_clause_of(text, b, a, match.start())
                and not (b.entity >= 0 and entities[b.entity].type == "outlet" and _SPEECH_VERB_RE.match(text, a.position))
                # (nor where the inner verb names a thing by the quoted words: in "He said Netanyahu called the effort a
                # '21st-century Manhattan Project'", the name is Netanyahu's)
                and not _NAMING_VERB_RE.fullmatch(text, a.position, match.start())
                for b in own
            )
        ]
        # A speaker inside an aside that closes before the quotation is not its speaker: in "Mao Ning said that the
        # system, which Trump said would cost $175 billion, will 'exacerbate the risk …'", the words are Mao Ning's.
        outside = [a for a in own if not _inside_aside(text, sentences[first].start, a.position, match.start())]
        own = outside if outside else own
        # A verb of paying or spending whose object is the quotation is an act, not speech: in "Trump claimed … that
        # Ottawa pays its 'fair share'", Ottawa is not quoted.
        own = [
            a
            for a in own
            if not (
                _SPENDING_VERB_RE.match(text, a.position)
                and a.position < match.start()
                and len(text[a.position : match.start()].split()) <= 4
            )
        ]
        # After a quotation that a verb of speech before it governs, a verb of another kind is not its speaker: in "one
        # of them said estimates ran 'well past' the figure the president gave", the president did not say it.
        if any(a.position < match.start() and _SPEECH_VERB_RE.match(text, a.position) for a in own):
            own = [a for a in own if a.position < match.start() or _SPEECH_VERB_RE.match(text, a.position)]
        # After a quotation, "based on X" or "per X" says what a figure rests on, not who is quoted.
        own = [a for a in own if not (a.how == "according to" and a.position >= match.end() and _RESTS_ON_RE.match(text, a.position))]
        people = [a for a in own if entities[a.entity].type != "outlet"]
        # "despite Trump's assurances the country was 'no longer a nuclear threat'": the words are the possessor's
        words_of = _WORDS_OF_RE.search(text, max(sentences[first].start, match.start() - 140), match.start())
        if words_of and words_of.group("noun") and re.match(r"\s+(?:were|was|are|is)\s", text[words_of.end("noun") :]):
            words_of = None  # what the words are said to be is someone's description of them: "the remarks were '…'"
        possessor = [m for m in mentions if words_of and m.end == words_of.start() and m.entity >= 0] if words_of else []
        if possessor and entities[possessor[0].entity].type in (*PERSONLIKE, "organisation", "country"):
            own, people = [Attribution(words_of.start(), possessor[0].entity, "before", -1, possessor[0].start)], []
        # "a shield the White House describes as 'state-of-the-art'": the agent of the describing;
        # "promising what he called the 'finest shield ever built'": the one who called it so
        opening = sentences[first].start
        named_as = _named_in_group(_DESCRIBED_AS_RE.search(text, max(opening, match.start() - 120), match.start()), mentions)
        if named_as is None:
            # (whatever else its sentence says: in "the administration has submitted what Reuters describes as '…'", the
            # words are Reuters')
            named_as = _named_in_group(_WHAT_THEY_CALLED_RE.search(text, max(opening, match.start() - 60), match.start()), mentions)
        if named_as is None:
            # "As stated in the Congressional Budget Office report, '…'": the one the document named there is of, or
            # the document itself where the text names it so
            stated = _AS_STATED_IN_RE.search(text, max(opening, match.start() - 120), match.start())
            named_as = _named_in_group(stated, mentions, entities)
        if named_as is None and _CALLED_PASSIVE_RE.search(text, max(opening, match.start() - 40), match.start()):
            # "The layout was dubbed a 'network of networks' by Gen. X": the agent after the words
            named_as = _named_in_group(_BY_AGENT_RE.match(text, match.end()), mentions)
        if named_as is not None:
            own, people = [named_as], []
        # A verb that introduces the quotation with a colon is its speaker's, whatever follows it ('Mao Ning warned in May:
        # "…", reports the Mirror US.')
        colon = [a for a in people if a.position < match.start() and re.fullmatch(r"[^.;:\"“”]*:\s*", text[a.position : match.start()])]
        people = colon or people
        # ... and a colon closing a second clause that no verb of the sentence speaks in gives the words to whom that
        # clause opens with: in "Trump has called it '…,' while Gen. Roe sums up the plan in one phrase: '…'", Roe's
        joins = [j.end() for j in _CONTRASTING_CLAUSE_RE.finditer(text, sentences[first].start, match.start())]
        if (
            not colon
            and joins
            and not named_as
            and text[sentences[first].start : match.start()].rstrip(" “\"‘'").endswith(":")
            and not any(a.position > joins[-1] for a in own)
            and (introduced := _introducer(text, sentences, first, match.start(), mentions, entities)) >= 0
        ):
            own = people = [Attribution(match.start(), introduced, "before", -1, joins[-1])]
        # A quotation in a second that-clause is the first verb of speech's, which both clauses complete, not a nearer
        # verb's inside the first: in "Trump said Ottawa had called his office, indicating it wants in, and that he will
        # see that it pays its 'fair share'", the words are Trump's.
        # (not where the nearer verb is a participle on the first verb's object: in "He goes on to quote Gen. X saying
        # the program is '…' and that the CBO '…'", the words are the general's; a finite verb between tells them apart)
        coordinated = sorted(
            (a for a in people if a.position < match.start() and _AND_THAT_RE.search(text, a.position, match.start())),
            key=lambda a: a.position,
        )
        if (
            len(coordinated) > 1
            and _SPEECH_VERB_RE.match(text, coordinated[0].position)
            and _FINITE_AUXILIARY_RE.search(text, coordinated[0].position, coordinated[-1].position)
        ):
            people = coordinated[:1]
        if own:
            nearest = min(people or own, key=lambda a: min(abs(a.position - match.start()), abs(a.position - match.end())))
            entity, how = nearest.entity, "before" if nearest.position < match.start() else "after"
            # A participle after a document its subject issued hangs on the document: in "Trump issued an executive
            # order authorizing the shield, citing a threat that '…'", the order cites it.
            issued = [
                m
                for m in mentions
                if m.entity >= 0 and entities[m.entity].type == "document" and nearest.subject < m.start < nearest.position
            ]
            # (a document's own verbs: not "saying", which keeps the person: "signed the order, saying 'we will …'")
            if how == "before" and issued and _DOCUMENT_PARTICIPLE_RE.match(text, nearest.position):
                entity, how = issued[-1].entity, "document"
        elif (introduced := _introducer(text, sentences, first, match.start(), mentions, entities)) >= 0:
            # Introduced by a colon, without a verb of speech: "Laura Grego put it more politely: '…'", "Trump made
            # the offer in a post, which read in full: / '…'": the one the introducing sentence opens with.
            entity, how = introduced, "before"
        elif (
            alone
            and last + 1 < len(sentences)
            and _attributes_back(text, sentences[last + 1], attributions[last + 1])
            # (not across a paragraph break from a quotation that carries on its own paragraph's speaker: '"…," he told
            # reporters. "Somebody will make a fortune." / Republicans defended the program.')
            and not (
                paragraph[last + 1] > paragraph[last]
                and any(q.kind == "quotation" and q.entity >= 0 and paragraph[q.last] == paragraph[first] for q in found)
            )
        ):
            entity, how = _speaker(attributions[last + 1], entities), "next sentence"
        elif first > 0 and (alone or text[sentences[first].start : match.start()].rstrip().endswith(":")):
            # A quotation standing alone continues the voice just before it: the previous sentence's attribution, else
            # the speaker of the last quotation of this paragraph or the one before.
            previous = [q for q in found if q.kind == "quotation" and q.entity >= 0 and paragraph[q.last] >= paragraph[first] - 1]
            before = attributions[first - 1] if paragraph[first - 1] >= paragraph[first] - 1 else []
            # (its verbs of speech before another verb's subject: in "Rivals have raised their game, he said, and so must
            # the service." he is the one speaking)
            before = [a for a in before if _SPEECH_VERB_RE.match(text, a.position)] or before
            if before and (not previous or previous[-1].last < first - 1):
                entity, how = _speaker(before, entities), "previous sentence"
            elif previous:
                entity, how = previous[-1].entity, "continuation"
            elif paragraph[first - 1] >= paragraph[first] - 1 and not QUOTE_RE.search(
                text, sentences[first - 1].start, sentences[first - 1].end
            ):
                # ... or, after a sentence about a person who has spoken before (its subject), that person: '"…,"
                # Moulton said. / The Massachusetts Democrat sits on the committee. / "We have no idea what we are buying."'
                inside = [m for m in mentions if sentences[first - 1].start <= m.start < sentences[first - 1].end and m.entity >= 0]
                subject = _opening_mention(masked, inside, entities)
                spoke = {q.entity for q in found if q.kind == "quotation"}
                if (
                    subject is not None
                    and subject.entity in spoke
                    and entities[subject.entity].type == "person"
                    and len(_WORD_RE.findall(masked[sentences[first - 1].start : subject.start])) <= 1
                ):
                    entity, how = subject.entity, "continuation"
            if entity < 0 and paragraph[first - 1] == paragraph[first] - 1:
                # ... or, opening a paragraph, the person the paragraph before gave words to a sentence or two before its
                # last: "Jane Roe, a fellow at a think tank, emphasizes that … Unlike bases at home, … / '…'"
                spoken = [
                    a
                    for j in range(first - 1, max(-1, first - 4), -1)
                    if paragraph[j] == paragraph[first] - 1
                    for a in attributions[j]
                    if _SPEECH_VERB_RE.match(text, a.position) and entities[a.entity].type == "person"
                ]
                if spoken:
                    entity, how = spoken[0].entity, "previous sentence"
        dash = _DASH_CREDIT_RE.match(text, match.end())
        if entity < 0 and dash:
            # '"The Dome is a mirror." — a House Armed Services staffer': the one credited after a dash
            # (past the titles before a name: "— Sen. Jack Reed")
            credited = sorted(
                (
                    m
                    for m in mentions
                    if m.entity >= 0
                    and dash.start() <= m.start
                    and (m.start <= dash.end() + 4 or (m.start <= dash.end() + 30 and _only_titles(text[dash.end() : m.start])))
                ),
                key=lambda m: (m.start, -m.end),
            )
            if credited:
                entity, how = credited[0].entity, "after"
        if entity < 0 and not alone:
            # "an executive order calling for a shield to defend 'against …'", "what the document calls a '…'": the document's
            entity = _document_voice(masked, sentences[first].start, match.start(), entities)
            how = "document" if entity >= 0 else how
        credit = _DOCUMENT_CREDIT_AFTER_RE.match(text, match.end()) if entity < 0 else None
        if credit:
            # '"…," the order adds.', '"…," the document reads.': the document the text named, an order its executive order
            noun = " ".join(credit.group("d").lower().split())
            if noun in ("order", "directive") and _ORDER_RE.search(masked, 0, match.start()):
                noun = "executive order"
            documents = [m.entity for m in mentions if m.end <= match.start() and m.entity >= 0 and entities[m.entity].type == "document"]
            entity = documents[-1] if noun == "document" and documents else _document_entity(noun, entities)
            how = "after"
        if entity < 0 and not alone and found and found[-1].first == first and found[-1].how == "document":
            # a document's words go on in its sentence: "an order mandating a '…,' which would be a '…'"
            entity, how = found[-1].entity, "document"
        if entity < 0 and not alone:
            entity = _clause_subject_of(masked, sentences[first].start, match.start(), mentions, entities)
            # (a document's clause quotes its words, not a word it is known by: "the order created a 'czar'")
            if entity >= 0 and entities[entity].type == "document" and len(_WORD_RE.findall(quote)) < grammar.min_quote_words:
                entity = -1
            how = "clause subject" if entity >= 0 else how
        if entity < 0 and not alone and first > 0 and paragraph[first - 1] == paragraph[first] and attributions[first - 1]:
            # Words quoted inside a sentence (not opening it: '"…," one of its members told me') that names no one, right
            # after a sentence that credits someone, carry on that voice: "The panel looked at the numbers. A missile
            # could need 'well over a thousand interceptors'".
            named = [m for m in mentions if sentences[first].start <= m.start < sentences[last].end and m.entity >= 0]
            lead = text[sentences[first].start : match.start()]
            if not named and len(_WORD_RE.findall(lead)) >= 3 and len(_WORD_RE.findall(quote)) >= grammar.min_quote_words:
                entity, how = _speaker(attributions[first - 1], entities), "previous sentence"
        line_start, line_end = text.rfind("\n", 0, match.start()) + 1, text.find("\n", match.end())
        around = text[line_start : match.start()] + " " + text[match.end() : line_end if line_end >= 0 else len(text)]
        # (a headline's line, or a quotation a colon credits as headlines do: "'Forefront of the Golden Age': Tuberville says …")
        headline_like = _is_title_case(around) or bool(re.match(r"[ \t]*:[ \t]", text[match.end() : match.end() + 3]))
        # (or a short line a name and a colon open, as headlines credit, the quotation in title case: "Roe: Outside
        # Costings Are '…'"; not a dateline opening a paragraph: "Ottawa: The prime minister weighed …")
        headline_like = headline_like or (
            _is_title_case(quote) and bool(_NAME_COLON_RE.match(text, line_start, match.start())) and len(_WORD_RE.findall(around)) <= 12
        )
        # (or a line set in capitals, as links to related stories are: "CHINA ACCUSES US OF '…' WITH …")
        headline_like = headline_like or (not re.search(r"[a-z]", around) and len(_WORD_RE.findall(around)) >= 3)
        if entity < 0 and headline_like:
            # A headline credits by surname, its verb capitalised, whom the story names in full: "Roe: Outside Costings
            # Are '…'", "'…': Jane Roe Blasts …", "Lee Tells Suppliers To '…'"
            entity = _headline_speaker(masked, line_start, line_end if line_end >= 0 else len(text), mentions, entities)
            how = "before" if entity >= 0 else how
        text_before, text_after = text[max(0, match.start() - 120) : match.start()], text[match.end() : match.end() + 80]
        kind = quote_kind(quote, text_before, entity >= 0, grammar, in_headline=headline_like, after=text_after)
        # (the next of a list of terms nobody is credited with is one too: 'phrases like "A," "B," "C" and "D"')
        if kind == "quotation" and entity < 0 and found and found[-1].kind == "term":
            gap = text[found[-1].end : match.start()]
            # (the comma may stand inside the last item's marks: '"advanced capabilities," "integrated defense"')
            if _LIST_JOIN_RE.fullmatch(gap) or (found[-1].text.endswith(",") and re.fullmatch(r"\s*[“\"‘']?", gap)):
                kind = "term"
        if kind == "term":
            entity, how = -1, "none"
        found.append(Quotation(match.start(), match.end(), " ".join(quote.split()), kind, entity, how, first, last))
        if match.group(3) is not None or match.group(5) is not None:
            left_open.add(len(found) - 1)
    # A paragraph a quotation runs on from is the words of whoever the next paragraph's quotation is credited to.
    for k in sorted(left_open, reverse=True):
        if found[k].entity < 0 and found[k].kind == "quotation" and k + 1 < len(found) and found[k + 1].entity >= 0:
            found[k] = found[k]._replace(entity=found[k + 1].entity, how="continuation")
    return _headline_echoes(text, found, entities)


# Between two quoted items of one list: a comma, "and" or "or", the marks perhaps outside the span.
_LIST_JOIN_RE = re.compile(r"[”\"’']?\s*(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)[“\"‘']?")


def _headline_echoes(text: str, found: list[Quotation], entities: list[Entity]) -> list[Quotation]:
    """A headline's quoted words that a quotation of the story repeats are the words of the person that quotation is
    credited to, where the headline gives them to no one, to an unnamed role, or to a body or a country by a colon's
    credit (for which a person spoke): "Senior diplomat likens shield to a 'protection racket'" … "'… a protection
    racket,' Rae said"."""
    for k, quote in enumerate(found):
        if quote.kind != "quotation" or not _in_headline(text, quote.start):
            continue
        credited = entities[quote.entity] if quote.entity >= 0 else None
        # (a body or country whose words the headline sets right after its name keeps them: "China 'Seriously Concerned'
        # Over …"; not one a colon's credit names: "'…': Pentagon gags staff")
        body = credited is not None and credited.type in ("organisation", "country") and quote.how != "before"
        if credited is not None and not _is_unnamed_role(credited) and not body:
            continue
        words = _echo_words(quote.text)
        if len(words.split()) < 2:
            continue
        line_end = text.find("\n", quote.end)
        echo = next(
            (
                later
                for later in found[k + 1 :]
                if later.kind == "quotation"
                and later.entity >= 0
                and later.start > line_end >= 0
                and entities[later.entity].type == "person"
                and not _is_unnamed_role(entities[later.entity])
                and f" {words} " in f" {_echo_words(later.text)} "
            ),
            None,
        )
        if echo is not None:
            found[k] = quote._replace(entity=echo.entity, how="repeated in the story")
    return found


def _echo_words(quote: str) -> str:
    """A quotation's words in lower case, for finding them again: "'Protection Racket,'" is "protection racket"."""
    return " ".join(_WORD_RE.findall(quote.lower()))


def _is_unnamed_role(entity: Entity) -> bool:
    """Whether a person is known only by a role ("senior Canadian diplomat", "Pentagon official"), not by name."""
    return entity.type == "person" and bool(_UNNAMED_ROLE_END_RE.search(entity.name))


# The role word that ends an unnamed person's name (an analyst or expert too, as "a defense analyst" names one).
_UNNAMED_ROLE_END_RE = re.compile(rf"\b(?:{_UNNAMED_ROLES}|analyst|expert)$")


def _in_headline(text: str, at: int) -> bool:
    """Whether a place in a text is on one of its first three lines that are not empty, a line that ends without a full
    stop, as a headline does."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line = text[line_start : line_end if line_end >= 0 else len(text)].rstrip()
    earlier = [x for x in text[:line_start].split("\n") if x.strip()]
    return len(earlier) < 3 and not line.endswith(".")


# --- The engine ------------------------------------------------------------------------------------------------------


# A preposition as a headline capitalises it.
_HEADLINE_PREPOSITIONS = r"(?:Over|On|About|At|In|Of|For|To|With|After|Amid|From|By|As|Against|Despite)"
# A headline's verb of speech, capitalised as headlines set every word, and the one to three capitalised words before it
# (after the line's start, a colon or a dash, or a quotation's closing mark); or a name and a colon opening the line.
_HEADLINE_VERBS = (
    r"(?:Says|Slams|Warns|Tells|Calls|Vows|Urges|Blasts|Hails|Dismisses|Claims|Insists|Admits|Accuses|Mocks|Brands|Labels|"
    r"Touts|Praises|Criticizes|Criticises|Questions|Argues|Cautions|Predicts|Pledges|Promises)"
)
_HEADLINE_SPEAKER_RE = re.compile(
    rf"(?:^|[:—–]\s+|[’'\"”]\s*:?\s+)((?:[A-Z][\w.'’-]*\s+){{0,2}}[A-Z][\w'’-]+)\s+{_HEADLINE_VERBS}\b"
    r"|^\s*((?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w'’-]+):\s",
    re.MULTILINE,
)
# A name opening a line, right before a quotation that a preposition or the line's end follows, as a verb's words
# would be: "China 'Seriously Concerned' Over …"; not a possessive ("Trump's 'Golden Dome' …"), nor words that qualify
# the noun after them ("Pentagon Studies 'Sky Fence' Radar Layer").
_HEADLINE_NAME_QUOTE_RE = re.compile(
    r"[ \t]*((?:[A-Z][\w.'’-]*[ \t]+){0,2}[A-Z][\w-]*[A-Za-z])[ \t]+[‘'\"“][^\n‘'\"“’”]+[’'\"”]"
    rf"(?:[ \t]+{_HEADLINE_PREPOSITIONS}\b|[ \t]*$)",
    re.MULTILINE,
)
# A name and a colon opening a line: "Roe: ".
_NAME_COLON_RE = re.compile(r"[ \t]*(?:[A-Z][\w.'’-]*[ \t]+){0,2}[A-Z][\w'’-]+:[ \t]")


def _headline_speaker(masked: str, lo: int, hi: int, mentions: list[Mention], entities: list[Entity]) -> int:
    """The person or body a headline's line credits, by the surname it gives, as the text names them anywhere; -1 if none
    or several."""
    line, kinds = masked, (*PERSONLIKE, "organisation")
    if not re.search(r"[a-z]", masked[lo:hi]):
        # a line set in capitals, as a page's links to related stories are, read as if in title case (the same length):
        # "CHINA ACCUSES US OF ‘…’" credits China, a country named as the story names it
        line = masked[:lo] + re.sub(r"(?<=[A-Z])[A-Z]+", lambda m: m.group(0).lower(), masked[lo:hi]) + masked[hi:]
        kinds = (*kinds, "country")
    match = _HEADLINE_SPEAKER_RE.search(line, lo, hi)
    if match is None and (match := _HEADLINE_NAME_QUOTE_RE.match(line, lo, hi)):
        # a headline that opens with who speaks, then their words: "China 'Seriously Concerned' Over …", a country too
        # (by a name of its own: "Pyongyang" is North Korea)
        kinds = (*kinds, "country")
        there = [m.entity for m in mentions if (m.start, m.end) == match.span(1) and m.entity >= 0 and entities[m.entity].type in kinds]
        return there[0] if there else _named_by_last_word(match.group(1), mentions, entities, kinds)
    return _named_by_last_word(match.group(1) or match.group(2), mentions, entities, kinds) if match else -1


def _named_by_last_word(
    name: str, mentions: list[Mention], entities: list[Entity], kinds: tuple = (*PERSONLIKE, "organisation"), acronyms: bool = False
) -> int:
    """The one entity of ``kinds`` the story names whose name ends with a headline's last word for it ("Trump" for
    Donald Trump), or, with ``acronyms``, whose initials it is ("AEI"); -1 if none or several."""
    word = re.sub(r"['’]s$", "", name.split()[-1])
    named = {
        m.entity
        for m in mentions
        if m.entity >= 0
        and m.kind == "name"
        and entities[m.entity].type in kinds
        and (entities[m.entity].name.split()[-1] == word or acronyms and _acronym(entities[m.entity].name) == word)
    }
    return named.pop() if len(named) == 1 else -1


def _opening_mention(masked: str, mentions: list[Mention], entities: list[Entity] | None = None) -> Mention | None:
    """The first of a sentence's mentions, a body that only qualifies the person after it skipped: in "Foreign Ministry
    spokeswoman Maria Zakharova went further", the sentence opens with Zakharova. With ``entities``, a body right
    before a person's titled name qualifies it too ("US Space Force General Michael Guetlein")."""
    if not mentions:
        return None
    first = mentions[0]
    for after in mentions[1:]:
        if entities is not None and first.entity >= 0 and entities[first.entity].type == "person":
            break  # a person qualifies no one: "Strong spoke alongside Raytheon President Phil Jasper" opens with Strong
        gap = masked[first.end : after.start]
        # "Canada's envoy to the United Nations, Jane Roe, went further": the holder the post is set beside in commas
        if (
            entities is not None
            and first.entity >= 0
            and after.entity >= 0
            and entities[after.entity].type == "person"
            and re.fullmatch(r",\s+", gap)
            and masked[after.end : after.end + 1] == ","
        ):
            first = after
            continue
        # "US Space Force General Michael Guetlein", "Space Force Gen. Michael Guetlein": a title, then the person.
        titled = (
            entities is not None
            and after.entity >= 0
            and entities[after.entity].type in PERSONLIKE
            and (
                not gap.strip()
                or all(w.lower() in _TITLE_WORDS for w in gap.split())
                and len(gap.split()) <= 2
                # (a post of the body's, then the holder's title: "Space Force Chief of Space Operations Gen. Jane Roe",
                # "U.S. Air Force General Jane Roe")
                or _is_post_then_title(gap.split())
            )
        )
        # lower-case words of a role between, and a title's abbreviation: "NASA astronaut Sen. Mark Kelly"
        # (two roles joined: "retired Navy pilot and policy writer Jane Roe")
        role_between = re.fullmatch(
            r"(?:'s|’s)?\s+(?:[a-z][a-z-]*\s+){1,3}(?:and\s+(?:[a-z][a-z-]*\s+){1,3})?(?:[A-Z][a-z]{1,3}\.\s+)?", gap
        )
        joined_roles = {"and"} if role_between and gap.split()[0] != "and" else set()
        if not titled and (not role_between or (set(gap.split()) - joined_roles) & (_FUNCTION_WORDS | _AUXILIARIES)):
            break
        if not titled and entities is not None and after.entity >= 0 and entities[after.entity].type not in PERSONLIKE:
            break  # a lower-case word before a body is its verb, no role: "the Space Force chose Rocket Lab"
        if any(w.endswith("ed") and w != "retired" or w in _SPEECH_WORDS for w in gap.split()):
            break  # a verb between: "Dmitry Peskov reaffirmed Russia's position" does not open with Russia
        first = after
    return first


_SPEECH_WORDS = frozenset(v.lower() for v in DEFAULT_VERBS)
# The words of the default titles, one by one ("gen.", "general", "sen.", "minister").
_TITLE_WORDS = frozenset(w for title in DEFAULT_TITLES for w in title.split())
_FUNCTION_WORDS = frozenset({"of", "the", "a", "an", "and", "or", "at", "for", "in", "on", "to", "with", "from", "by", "met"})
# Groups the default list writes as proper names (parties), in lower case -> as written: "The Liberals committed …".
_PROPER_GROUPS = {g.lower(): g for g in DEFAULT_GROUPS if g[:1].isupper()}
# A verb's auxiliary between two names: "the White House is asking Republicans" opens with the White House.
_AUXILIARIES = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may", "might", "should"})


_CIRCUMSTANCE_RE = re.compile(
    r"\W*(?:Asked|Pressed|Speaking|Writing|Responding|Testifying|Appearing|Interviewed|Questioned|In|At|During|When|Later|"
    r"Earlier|After|Before|On|Following|Shortly|According\s+to|"  # (one relaying: "According to state media, the ministry …")
    # (a sentence adverb: "Separately, the Space Force picked …")
    r"Separately|Meanwhile|Additionally|Moreover|Furthermore|However|Instead|Similarly|Likewise|Notably|Previously|Recently|"
    # (a time: "Last week on a trip to the U.S. capital, the defence minister …")
    r"(?:Last|This|Back|Days|Weeks|Months|Hours)\s+(?:week|month|year|spring|summer|fall|autumn|winter|in|on|at|during|before|after|"
    rf"later|earlier|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|{_MONTH})|"
    # (a span of time counted or hedged: "Only days after the summit ended, Moscow and Beijing …")
    r"(?:Just|Only|Barely|Some|Nearly|Almost|A\s+few|A|Two|Three|Four|Five|Six|Several|\d+)\s+(?:days?|weeks?|months?|hours?|years?)\s+"
    r"(?:after|before|later|earlier|into|since|ago))\b"
)


_ASKED_BY_RE = re.compile(
    r"\W*(?:Asked|Pressed|Questioned|Challenged|Interviewed)\s+(?:\w+\s+)?by\s+(?:an?\s+|the\s+)?|\W*(?:Speaking|Talking)\s+(?:to|with)\s+"
)


def _named_in_passing(masked: str, sentences: list[Sentence], mentions: list[Mention], pronoun: Mention) -> bool:
    """Whether the person a pronoun was first taken for was last named in passing (not opening a sentence: "met King
    Charles"), so that the speaker before them is the better reading."""
    named = [m for m in mentions if m.kind == "name" and m.entity == pronoun.entity and m.end <= pronoun.start]
    if not named:
        return True
    last = named[-1]
    home = next((s for s in sentences if s.start <= last.start < s.end), None)
    if home is None:
        return False
    if _ASKED_BY_RE.match(masked, home.start, last.start):
        return True  # "Asked by a Communist Party lawmaker whether …, he said": the one asking is not the one answering
    if _remarks_maker(masked, last):
        return False  # "… in response to remarks Carney delivered in Davos. '…,' he said": the words are those remarks
    start = home.start
    comma = masked.find(",", home.start, last.start)
    if comma > 0 and _CIRCUMSTANCE_RE.match(masked, home.start):
        start = comma + 1  # "In Tokyo, Chief Cabinet Secretary Minoru Kihara rejected …": the opener names no subject
    first = _opening_mention(masked, [m for m in mentions if start <= m.start < home.end and m.entity >= 0])
    # Named in passing: not the first one the sentence names (its subject), or deep into the sentence.
    return (first is not None and first.entity != last.entity) or len(_WORD_RE.findall(masked[start : last.start])) > 3


# A person named as the maker of remarks, after the name ("Carney's Davos speech", "Carney delivered", "Carney made")
# or before it ("remarks Carney …", "a speech by Carney").
_REMARKS_NOUNS = r"(?:remarks|speech|address|comments|statement|testimony|interview)"
_REMARKS_MAKER_RE = re.compile(
    rf"['’]s?\s+(?:[\w-]+\s+){{0,3}}?{_REMARKS_NOUNS}\b|\s+(?:had\s+)?(?:delivered|made|gave|given)\b(?!\s+(?:a|an|the|his|her)\s)"
)
_REMARKS_BEFORE_RE = re.compile(rf"\b{_REMARKS_NOUNS}\s+(?:(?:that|which)\s+)?(?:by\s+)?(?:[A-Z][\w.]*\s+){{0,3}}$")


def _remarks_maker(masked: str, mention: Mention) -> bool:
    """Whether a mention names the maker of remarks (its possessive may end the mention: "Mayor Jane Roe's speech")."""
    end = mention.end - 2 if masked[mention.end - 2 : mention.end] in ("'s", "’s") else mention.end
    return bool(_REMARKS_MAKER_RE.match(masked, end) or _REMARKS_BEFORE_RE.search(masked, max(0, mention.start - 40), mention.start))


# A pair of guillemets on one line: «war zone».
_GUILLEMETS_RE = re.compile(r"«([^«»\n]+)»")
# What may follow a closing mark: a space, a stop, a dash, a bracket, the line's end.
_AFTER_CLOSING = frozenset(" \t\n.,;:!?)]—–-’'\"")


def _quote_marks_as_meant(text: str) -> str:
    """The text with each curly double mark a page typed on the wrong side read as the side it stands on, one character
    for one so every offset holds: a low opening mark („…”, as German typography sets it) opens; an opening mark that
    closes an open quotation, a word before it and a space or a stop after it, closes ("the “Golden Dome“, noting");
    a closing mark that opens, a space before it and a word after it, opens ("”I am so impressed,” he said").

    >>> _quote_marks_as_meant("his „reservations” and the “Golden Dome“, noting ”We will” then")
    'his “reservations” and the “Golden Dome”, noting “We will” then'
    """
    if not any(mark in text for mark in "„“”"):
        return text
    chars = list(text)
    opened = False
    for i, char in enumerate(chars):
        if char == "\n":
            opened = False  # (a quotation running on to the next paragraph opens it again)
            continue
        if char not in "„“”":
            continue
        before = chars[i - 1] if i else " "
        after = chars[i + 1] if i + 1 < len(chars) else "\n"
        if char == "„":
            chars[i], opened = "“", True
        elif char == "“":
            if opened and not before.isspace() and after in _AFTER_CLOSING:
                chars[i], opened = "”", False
            else:
                opened = True
        elif not opened and (before.isspace() or before in "([—–") and after.isalnum():
            chars[i], opened = "“", True
        else:
            opened = False
    return "".join(chars)


def analyse(text: str, grammar: Grammar, sentences: list[Sentence] | None = None) -> Analysis:
    """Read one article for attribution: who is named, each sentence's attributions, each quotation's speaker.

    >>> g = compile_grammar({})
    >>> a = analyse('Kremlin spokesman Dmitry Peskov spoke. "It is our affair," the spokesman said.', g)
    >>> [(q.text, a.name(q.entity), q.how) for q in a.quotations]
    [('It is our affair,', 'Dmitry Peskov', 'after')]
    """
    text = text if isinstance(text, str) else ""
    sentences = split_sentences(text) if sentences is None else sentences  # (of the text as written)
    # Guillemets some translated pages quote with («…») are read as the curly marks they stand for, and curly marks typed
    # on the wrong side as the side they stand on (one character for one, so every offset holds).
    written, text = text, _quote_marks_as_meant(_GUILLEMETS_RE.sub(r"“\1”", text))
    masked = _masked_text(text)
    entities, mentions, roles = find_entities(masked, grammar)
    entities, mentions = _references(text, masked, grammar, entities, mentions, roles)
    starts = [m.start for m in mentions]
    # The verbs and markers are sought once in the whole text, then handed to their sentences.
    verbs, markers = list(grammar.verbs.finditer(masked)), list(grammar.markers.finditer(masked))
    verb_starts, marker_starts = [v.start() for v in verbs], [m.start() for m in markers]

    def within(found: list[re.Match], at: list[int], s: Sentence) -> list[re.Match]:
        return [m for m in found[bisect.bisect_left(at, s.start) : bisect.bisect_left(at, s.end)] if m.end() <= s.end]

    by_sentence = [
        sentence_attributions(
            masked, s, mentions, entities, grammar, starts, (within(verbs, verb_starts, s), within(markers, marker_starts, s))
        )
        for s in sentences
    ]
    # A "he" or "she" that opens a sentence (or follows its quotation) most often means the person who was just
    # speaking, not whoever was named last in passing ("…met King Charles. 'We will pay,' he wrote."): where the
    # sentence or the one before has a person as the speaker, the pronoun takes that person.
    # Sentences with words of their own outside quotations (a post quoted in full spans several sentences of someone
    # else's words), and not setting words against what prompted them ("The remarks came after Trump claimed …").
    voiced = [len(_WORD_RE.findall(masked[s.start : s.end])) >= 3 and not _BACKGROUND_RE.match(masked, s.start) for s in sentences]
    pronouns_of = _titled_pronouns(masked, [m for m in mentions if m.kind == "name" and m.entity >= 0], entities, grammar.actor_pronouns)
    for i, sentence in enumerate(sentences):
        speakers = []
        # The two such sentences before.
        before = [j for j in range(i - 1, max(-1, i - 8), -1) if voiced[j]][:2]
        for j in before:
            # the speaker of a finite verb before that of a participle ("Despite his criticism of Trump, accusing him
            # of …, Carney said …": Carney)
            finite = by_sentence[j]
            if len(finite) > 1:
                finite = sorted(finite, key=lambda a: bool(_PARTICIPLE_RE.match(masked, a.position)))
            speakers += [a.entity for a in finite if entities[a.entity].type == "person"]
            # ... or the person a sentence opens with ("The president first put a price on it in a post ...").
            inside = mentions[bisect.bisect_left(starts, sentences[j].start) : bisect.bisect_left(starts, sentences[j].end)]
            first = _opening_mention(masked, inside, entities)
            is_person = first is not None and first.entity >= 0 and entities[first.entity].type == "person"
            # (counted from the body that qualifies the person, if one does: "U.S. Space Force Gen. Jane Roe has …")
            if is_person and len(_WORD_RE.findall(masked[sentences[j].start : inside[0].start])) <= 3:
                speakers.append(first.entity)
        if not speakers:
            continue
        changed = False
        for k in range(bisect.bisect_left(starts, sentence.start), bisect.bisect_left(starts, sentence.end)):
            m = mentions[k]
            pronoun = masked[m.start : m.end].lower()
            if (
                m.kind == "pronoun"
                and pronoun in ("he", "she")
                and m.entity != speakers[0]
                and not _other_pronoun(pronouns_of, speakers[0], pronoun)
            ):
                head = masked[sentence.start : m.start]
                # … or after an opening phrase of circumstance: "Speaking at a conference in August, he said",
                # "Asked whether Canada would pay the $71 billion Trump has said it owes, he replied"
                opens = (
                    len(_WORD_RE.findall(head)) <= 3
                    or head.rstrip().rstrip(",").endswith(("”", '"', " '"))
                    or (head.rstrip().endswith(",") and bool(_CIRCUMSTANCE_RE.match(head)))
                )
                if opens and _named_in_passing(masked, sentences, mentions, m):
                    mentions[k] = m._replace(entity=speakers[0])
                    changed = True
        if changed:
            by_sentence[i] = sentence_attributions(masked, sentence, mentions, entities, grammar, starts)
    quotations = _quotations(text, sentences, by_sentence, entities, grammar, mentions, masked)
    if written != text:  # each quotation's words as the page wrote them, marks inside it too
        quotations = [q._replace(text=_as_written(q, written, text)) for q in quotations]
    return Analysis(text, entities, mentions, sentences, by_sentence, quotations)


def _as_written(quote: Quotation, written: str, read: str) -> str:
    """A quotation's text with the characters the reading changed (marks only, one for one) as the page wrote them."""
    spaced_read, spaced_written = (" ".join(t[quote.start : quote.end].split()) for t in (read, written))
    at = spaced_read.find(quote.text)
    return spaced_written[at : at + len(quote.text)] if at >= 0 else quote.text


def analyse_articles(articles, codebook: dict) -> dict[str, Analysis]:
    """:func:`analyse` of every article of a table (``article_id``, ``text``, and ``sentences`` if split), by article id.

    The stages that ask who says what (voices and stance, the cost ledger, citations) each call this for the same
    articles and codebook; the last answer is kept, so an article is read once, not once per stage.
    """
    from .textutils import article_sentences

    ids, texts = articles["article_id"].tolist(), articles["text"].tolist()
    key = (id(codebook), tuple(ids), tuple(hash(t) if isinstance(t, str) else None for t in texts))
    if _LAST_ANALYSES and _LAST_ANALYSES[0] == key and _LAST_ANALYSES[1] is codebook:
        return _LAST_ANALYSES[2]
    grammar = compile_grammar(codebook)
    analysed = {i: analyse(t, grammar, s) for i, t, s in zip(ids, texts, article_sentences(articles), strict=True)}
    _LAST_ANALYSES[:] = [key, codebook, analysed]
    return analysed


# The last (key, codebook, analyses) of analyse_articles: the codebook object itself is kept so that its id cannot be
# reused by another codebook while the key lives.
_LAST_ANALYSES: list = []


def owner_of_span(analysis: Analysis, start: int, end: int, others: Iterable[tuple[int, int]] = ()) -> Owner:
    """Who an article gives a span to, as :func:`_owner_of_span` finds it, unless that is a thing rather than a giver: a
    law or a programme ("the Big Beautiful Bill's $150 billion", "Reagan's SDI cost estimates … ranged from $60 to $100
    billion", "the Iron Dome for America, … estimated to cost up to $175 billion") states no figure of its own."""
    owner = _owner_of_span(analysis, start, end, others)
    if is_thing(owner.name):
        return Owner("", "", "none", owner.relayed_by)
    return owner


def is_thing(name: str) -> bool:
    """Whether a name is a law's, a programme's or a weapon's by its last word, not a body's that can give a figure or
    be cited: "Big Beautiful Bill", "Strategic Defense Initiative", "Iron Dome".

    >>> is_thing("Strategic Defence Initiative"), is_thing("Congressional Budget Office"), is_thing("")
    (True, False, False)
    """
    return bool(name) and name.split()[-1].lower().strip(".,’'") in _THING_WORDS


# The last word of a name that makes it a law, a programme or a weapon, not a body that can give a figure.
_THING_WORDS = frozenset({"bill", "act", "law", "dome", "treaty", "initiative", "shield"})


# A comma and "with" opening a clause of its own, between a figure and a credit after it.
_WITH_CLAUSE_BETWEEN_RE = re.compile(r",\s+with\s")
# What a source made, after its name at the close of a sentence: "according to Bloomberg calculations", "according to
# the agency's own tally".
_SOURCE_WORK_NOUNS = r"(?:calculations?|estimates?|figures|numbers|projections?|tally|count)\b"
_SOURCE_WORK_AFTER_RE = re.compile(
    r"^\s*(?:['’]s\s+)?(?:own\s+)?(?:calculations?|estimates?|analys[ie]s|data|figures|reporting|tally|count|projections?|research)\b"
)


def _owner_of_span(analysis: Analysis, start: int, end: int, others: Iterable[tuple[int, int]] = ()) -> Owner:
    """Who an article gives a span to (a figure, a claim): the speaker of the quotation it is in; else its sentence's
    attribution nearest to it (not an outlet, if there is another: the outlet relays), where "according to X" binds
    only the span nearest to it among ``others`` (the other figures of the sentence); else a body whose estimate it is
    ("the CBO's estimate of $X"); else nobody (""): the outlet's own statement.

    >>> g = compile_grammar({})
    >>> text = "Defense News reported that the Congressional Budget Office estimates $1.2 trillion."
    >>> owner_of_span(analyse(text, g), text.index("$"), text.index(" trillion"))
    Owner(name='Congressional Budget Office', type='organisation', how='before', relayed_by='Defense News')
    """
    ends = [s.end for s in analysis.sentences]
    i = bisect.bisect_right(ends, start)
    for quote in analysis.quotations:
        if quote.start <= start and end <= quote.end and quote.kind == "quotation":
            # ... unless the quotation itself names whose figure it is: "the $175 billion cost Trump gave buys
            # only a thin layer …" is Trump's figure in Harrison's words.
            return _quoted_giver(analysis, end) or Owner(analysis.name(quote.entity), analysis.type(quote.entity), "quotation", "")
    if i >= len(analysis.sentences):
        return Owner("", "", "none", "")
    # A size in words outside a quotation ("a multibillion-dollar system", "a trillion-dollar program") is the outlet's
    # own description of the thing, not an estimate of whoever speaks in its sentence ("Trump has argued that Greenland
    # is vital for his shield, a multibillion-dollar system").
    if _SIZE_IN_WORDS_RE.fullmatch(analysis.text, start, end):
        return Owner("", "", "none", "")
    spans = [(start, end), *[o for o in others if o != (start, end)]]

    def distance(span: tuple[int, int], a: Attribution) -> int:
        return min(max(0, span[0] - p, p - span[1]) for p in (a.position, a.subject if a.subject >= 0 else a.position))

    def same_clause(span: tuple[int, int], a: Attribution) -> bool:
        lo, hi = sorted((span[0], a.position))
        return ";" not in analysis.text[lo:hi]

    # A sum described as passed or set aside ("the first $24 billion appropriated for the shield", "$20bn set aside in
    # the Senate's bill") is a fact the outlet states, not the estimate of whoever speaks in the sentence.
    budget_fact = bool(_BUDGET_FACT_AFTER_RE.match(analysis.text, end))

    def binds(a: Attribution) -> bool:
        if not same_clause((start, end), a):  # "… could cost $1.2 trillion, budget office says; Pentagon says it …"
            return False
        if budget_fact and a.how != "according to":
            return False
        if a.how == "according to":  # "according to X" binds the figure nearest to it, not every figure of the sentence
            clause = [span for span in spans if same_clause(span, a)] or spans
            # (not one a "with" clause the credit stands in leaves behind: in "funding is set at $175 billion, with
            # projections from the CBO suggesting costs may exceed $500 billion", the CBO's is the $500 billion)
            clause = [span for span in clause if not _WITH_CLAUSE_BETWEEN_RE.search(analysis.text, span[1], a.position)] or clause
            # ... unless it closes the sentence after them all, no verb naming anyone else: "… a $1.15 trillion request
            # and an additional $350 billion, according to a spokesperson for the budget office." credits the sentence
            # (a time may follow it: "…, according to the program's director on Tuesday."; or what the source is: "…,
            # according to the Air Force, which keeps the service's books.")
            tail = _TIME_ADVERBIAL_RE.sub("", analysis.text[a.subject : analysis.sentences[i].end])
            tail = _SOURCE_DESCRIBED_AFTER_RE.sub("", tail)
            tail = _SOURCE_WORK_AFTER_RE.sub("", tail)  # "according to Bloomberg calculations", "… the CBO's own tally"
            tail = _RELAYED_AFTER_RE.sub("", tail)
            closing = a.subject >= 0 and not tail.strip(" .,;:!?\"”’')\n")
            # (another verb of the sentence may name whose another figure is: in "… cost $1.1 trillion, far above the
            # $175 billion figure cited by Trump, according to Bloomberg's tally", the trillion is Bloomberg's)
            alone = all(
                other.how == "according to"
                or (other.position > end and any(distance(span, other) < distance((start, end), other) for span in spans[1:]))
                for other in analysis.attributions[i]
            )
            if closing and alone and all(span[1] <= a.position for span in clause):
                return True
            # ... or it opens the sentence: "According to the CBO, the interceptors would cost $542 billion and the
            # sensors $100 billion" gives the CBO both.
            opening = not analysis.text[analysis.sentences[i].start : a.position].strip(" \"“‘'\n")
            if opening and alone and a.subject >= 0 and a.subject < start:
                return True
            return (start, end) in clause and min(clause, key=lambda span: distance(span, a)) == (start, end)
        # A verb in an aside that closes before the figure is not the clause's: in "Trump put the cost of the shield—which
        # Moscow called 'reckless'—at $175 billion", the figure is Trump's.
        if _inside_aside(analysis.text, analysis.sentences[i].start, a.position, start, marks=",—–()"):
            return False
        # ... nor does a verb reach over a contrasting clause with a subject of its own: in "Trump named $175 billion,
        # while outside estimates run past a trillion dollars", the trillion is not his.
        if (
            a.position < start
            and (contrast := _CONTRASTING_CLAUSE_RE.search(analysis.text, a.position, start))
            and re.match(
                r"\s*(?:the\s+|some\s+|other\s+|many\s+)?(?:[\w-]+\s+){0,2}(?:estimates?|projections?|analysts?|experts?|critics?|officials?|studies|reports?)\b",
                analysis.text[contrast.end() :],
            )
        ):
            return False
        # Someone who dismisses others' estimates does not give the figure they put forward: in "Guetlein dismissed outside
        # estimates that have projected the program could top $1 trillion", the trillion is not his.
        if (
            a.position < start
            and _DISMISSED_ESTIMATES_RE.match(analysis.text, a.position)
            and (_DISMISSED_ESTIMATES_RE.match(analysis.text, a.position).end() <= start)
        ):
            return False
        # A verb in a clause that only describes the subject of the figure's own verb gives no figure: in "the CBO
        # estimates that a system able to do what his order demands would cost $1.2 trillion" (or "a shield of the
        # kind the White House has described would cost …"), the figure is the estimate's.
        if (
            a.position < start
            and a.subject >= 0
            and _DESCRIBING_CLAUSE_RE.search(analysis.text, max(0, a.subject - 20), a.subject)
            and _MODAL_OR_COPULA_RE.search(analysis.text, a.position, start)
        ):
            return False
        # A verb after the figure does not reach over another figure: in "$60 billion a year, 4 percent of the $1.5
        # trillion budget the administration has requested", the request is the $1.5 trillion's.
        # (a figure's conversion in brackets right after it is no other figure: "$90 billion (¥13 trillion) …, the
        # minister explained")
        if a.position > end and any(
            end <= o[0] and o[1] <= a.position and not _CONVERSION_OPENING_RE.fullmatch(analysis.text, end, o[0])
            for o in spans[1:]
        ):
            return False
        # ... nor over a clause of its own: in "Its budget stands at $175 billion, though some analysts say the real
        # cost could exceed $500 billion", the analysts' is the $500 billion only.
        if a.position > end and _CONTRASTING_CLAUSE_RE.search(analysis.text, end, a.position):
            return False
        # ... nor over "and" opening a clause with its own subject: in "The programme is expected to cost at least $175
        # billion, and Trump has promised it will be ready by 2029", the figure is not Trump's.
        if a.position > end and a.subject > end:
            joined = [m for m in _AND_NEW_SUBJECT_RE.finditer(analysis.text, end, a.subject + 1) if m.end() == a.subject]
            if joined:
                return False
        # ... nor does a verb inside a clause the sentence opens with reach a figure past the clause's comma: in "While the
        # White House projects $185 billion, the budget office's analysis put it at $1.2 trillion", the trillion is not
        # the White House's.
        opening = analysis.sentences[i].start
        if (
            a.position < start
            and _FRONTED_CLAUSE_RE.match(analysis.text, opening)
            and "," not in analysis.text[opening : a.position]
            and "," in analysis.text[a.position : start]
        ):
            return False
        # ... nor back over a comma into the clause a "with" clause hangs on: in "An initial $25 billion has been set
        # aside, with Trump suggesting the total may reach $175 billion", the $25 billion is not Trump's.
        if a.position > end and a.subject > end and _WITH_SUBJECT_RE.search(analysis.text, end, a.position):
            return False
        # ... nor into a clause the sentence opens with: "While the project received $23 billion last year, Gen. X
        # maintains that funding is flowing" (the $23 billion is not the general's).
        if a.position > end and _FRONTED_CLAUSE_RE.match(analysis.text, opening) and "," in analysis.text[end : a.position]:
            return False
        # A participle after a figure named as someone's known figure says what follows it: in "the CBO doubted
        # the $175 billion figure, projecting a cost as high as $542 billion", the $175 billion is not the
        # CBO's ("Guetlein lifted the baseline to $185 billion, citing sensors" is his).
        if (
            a.position > end
            and _PARTICIPLE_AFTER_COMMA_RE.match(analysis.text, max(0, a.position - 2))
            and _KNOWN_FIGURE_BEFORE_RE.search(analysis.text, max(0, start - 20), start)
            and _KNOWN_FIGURE_AFTER_RE.match(analysis.text, end)
        ):
            return False
        # A figure in an aside that has its own verb ("Trump promised that the system, which is estimated to cost $1
        # trillion, works") is not the outer speaker's.
        lo, hi = sorted((a.position, start))
        aside = _ASIDE_RE.search(analysis.text, lo, hi)
        # (a relative clause that ends the sentence after a verb of speech is what was said: "The minister said Tokyo had
        # picked a radar for the network, which would run to about $40 billion")
        closing = a.position < start and not re.search(r"[,;)—–]", analysis.text[end : analysis.sentences[i].end])
        return aside is None or bool(re.search(r"[,)—–]", analysis.text[aside.end() : hi])) or closing

    # A name set equal to the figure names its giver: "COST; Trump = $175 billion, CBO = $831 billion".
    equated = [m for m in analysis.mentions if m.entity >= 0 and m.end <= start and re.fullmatch(r"\s*=\s*", analysis.text[m.end : start])]
    if equated:
        m = equated[-1]
        return Owner(analysis.name(m.entity), _public_type(analysis.type(m.entity)), "estimate of", "")
    # A label in parentheses right after the figure names its giver: "$175 billion (White House figure) against $831
    # billion (CBO figure)".
    label = _PAREN_LABEL_RE.match(analysis.text, end)
    if label:
        group = 1 if label.group(1) else 2
        # (a bare name must be the whole label and a body or person: "(CBO)", not a currency "(C$84 billion)")
        inside = [
            m
            for m in analysis.mentions
            if label.start(group) <= m.start < label.end(group)
            and m.entity >= 0
            and m.kind == "name"
            and (group == 1 or (m.end >= label.end(group) - 1 and analysis.type(m.entity) in (*PERSONLIKE, "organisation")))
        ]
        if inside:
            m = inside[0]
            return Owner(analysis.name(m.entity), _public_type(analysis.type(m.entity)), "estimate of", "")
    # A figure a person's possessive names ("his $175 billion shield", "Trump's $175 billion") is that person's,
    # whoever is speaking in the clause around it ("Moscow responded to Trump's claim that his $175 billion ...").
    possessive = _HIS_FIGURE_RE.search(analysis.text, max(0, start - 40), start)
    if possessive:
        people = [m for m in analysis.mentions if m.end <= possessive.start() and m.entity >= 0 and analysis.type(m.entity) == "person"]
        if people:
            return Owner(analysis.name(people[-1].entity), "person", "estimate of", "")
    # "The administration has not updated its estimate of about $175 billion": the body the possessive stands for.
    its = _ITS_FIGURE_RE.search(analysis.text, max(0, start - 60), start)
    if its:
        bodies = [
            m
            for m in analysis.mentions
            if m.end <= its.start() and m.entity >= 0 and analysis.type(m.entity) in ("organisation", "country")
        ]
        if bodies:
            return Owner(analysis.name(bodies[-1].entity), analysis.type(bodies[-1].entity), "estimate of", "")
    # The noun phrase binds tighter than the clause: "the president's original $175 billion", "Trump's US$175bn",
    # "the $175 billion Trump cited", "the $61 billion price he gave Canada".
    sentence = analysis.sentences[i]
    near = [
        m for m in analysis.mentions if sentence.start <= m.start < sentence.end and m.entity >= 0 and analysis.type(m.entity) != "outlet"
    ]
    before_figure = [m for m in near if m.end <= start]
    gap_before = analysis.text[before_figure[-1].end : start] if before_figure else ""
    if (
        before_figure
        and any(p.fullmatch(gap_before) for p in (_POSSESSIVE_FIGURE_RE, _FIGURE_OF_RE, _POSSESSIVE_NOUN_FIGURE_RE))
        and not _holds_figure(
            analysis,
            before_figure[-1],
            end,
            adjacent=bool(_POSSESSIVE_FIGURE_RE.fullmatch(gap_before)),
            bare=bool(_BARE_POSSESSIVE_RE.fullmatch(gap_before)),
        )
    ):
        m = before_figure[-1]
        return Owner(analysis.name(m.entity), _public_type(analysis.type(m.entity)), "estimate of", "")
    # "Guetlein pushed back on a $1.2 trillion CBO estimate": a name between the figure and its noun gives it
    labelled = next((m for m in near if m.start >= end and not analysis.text[end : m.start].strip()), None)
    if (
        labelled is not None
        and _ESTIMATE_NOUN_AFTER_RE.match(analysis.text, labelled.end)
        and not is_thing(analysis.name(labelled.entity))
        and analysis.type(labelled.entity) != "outlet"
    ):
        return Owner(analysis.name(labelled.entity), _public_type(analysis.type(labelled.entity)), "estimate of", "")
    # "The White House keeps citing a much lower figure, about $185 billion", "The CBO costed several designs, which
    # ran from $160 billion to …": the clause's subject puts the figure forward.
    # ... or plans it at that cost: "Trump expects to have the shield finished by 2029 at a cost of $175 billion", "the
    # agency's effort, which it plans to finish by 2030 with a total budget of $90 billion"
    offered = _figure_put_forward(analysis.text, max(sentence.start, start - 160), start)
    if offered and not any(map(binds, analysis.attributions[i])):
        subject = [m for m in before_figure if m.end <= offered.start() and not analysis.text[m.end : offered.start()].strip()]
        if subject and analysis.type(subject[-1].entity) != "outlet":
            m = subject[-1]
            return Owner(analysis.name(m.entity), _public_type(analysis.type(m.entity)), "estimate of", "")
    after_figure = [m for m in near if m.start >= end]
    # (past a figure joined on to this one: "the $61 billion and later $71 billion figures President Trump has floated")
    joined = re.match(r"\s+(?:and|or)\s+(?:(?:later|then|eventually|now)\s+)?", analysis.text[end:])
    last_end = next((e for s, e in spans[1:] if joined and s == end + joined.end()), end)
    if (
        after_figure
        and _GIVEN_BY_RE.fullmatch(analysis.text[last_end : after_figure[0].start])
        and _GIVING_VERB_RE.match(analysis.text, after_figure[0].end)
    ):
        m = after_figure[0]
        # the body a possessive names, where the text names it: "the $185 billion the Pentagon's Golden Dome office now uses"
        owned = [o for o in after_figure[1:] if re.fullmatch(r"['’]s\s+(?:[\w-]+\s+){0,2}", analysis.text[m.end : o.start])]
        if owned and _GIVING_VERB_RE.match(analysis.text, owned[0].end) and analysis.type(owned[0].entity) == "organisation":
            m = owned[0]
        return Owner(analysis.name(m.entity), _public_type(analysis.type(m.entity)), "estimate of", "")
    # (not a size in words, which is the outlet's own description: "a multibillion-dollar initiative announced by Trump")
    sized = analysis.text[start:end].lower().endswith("dollar")
    if (
        after_figure
        and not sized
        and (
            _GIVEN_BY_PASSIVE_RE.fullmatch(analysis.text[end : after_figure[0].start])
            or _REQUEST_FROM_RE.fullmatch(analysis.text[end : after_figure[0].start])
        )
    ):
        m = after_figure[0]
        return Owner(analysis.name(m.entity), _public_type(analysis.type(m.entity)), "estimate of", "")
    # "a range topping out at $3.6 trillion in one American Enterprise Institute study": the study's author
    if (
        after_figure
        and _FIGURE_IN_DOCUMENT_RE.fullmatch(analysis.text[end : after_figure[0].start])
        and _DOCUMENT_NOUN_RE.match(analysis.text, after_figure[0].end)
    ):
        m = after_figure[0]
        return Owner(analysis.name(m.entity), _public_type(analysis.type(m.entity)), "estimate of", "")
    # "The CBO published a study on Monday which estimates the shield could cost $1.2 trillion": the study's
    # publisher, the sentence's subject, where nobody else is said to speak.
    published = _PUBLISHED_FINDING_RE.search(analysis.text, sentence.start, start)
    if published and not analysis.attributions[i]:
        subject = _opening_mention(analysis.text, [m for m in near if m.end <= published.start()], analysis.entities)
        head = _clause_opening(analysis.text, sentence.start, start)
        if (
            subject is not None
            and re.fullmatch(r"\s*(?:(?:the|a|an)\s+)?", analysis.text[head : subject.start], re.IGNORECASE)
            and _PUBLISHER_GAP_RE.fullmatch(analysis.text, subject.end, published.start())
        ):
            return Owner(analysis.name(subject.entity), _public_type(analysis.type(subject.entity)), "before", "")
    # "Its report concluded …", "His high-end scenarios run as far as …": the sentence opens with a possessive
    # pronoun's document, whose owner is the body or person the pronoun stands for.
    opener = _POSSESSIVE_OPENER_RE.match(analysis.text, sentence.start, sentence.end)
    if opener and not analysis.attributions[i]:  # the figure after the document word or inside it ("Its $1.2 trillion projection")
        wanted = ("organisation", "country") if opener.group(1).lower() in ("its", "their") else PERSONLIKE
        earlier = [m for m in analysis.mentions if m.end <= sentence.start and m.entity >= 0 and analysis.type(m.entity) in wanted]
        if earlier:
            m = earlier[-1]
            return Owner(analysis.name(m.entity), _public_type(analysis.type(m.entity)), "pronoun", "")
    # "CBO makes the interceptor constellation the cost driver: acquiring 7,800 would cost $723 billion", "CBO's
    # arithmetic rests on three assumptions: $22 million a satellite, …": what follows a colon elaborates on the body the
    # sentence opens with, where no one else is said to speak (not a person: "Carney faces a choice: pay $61 billion
    # or …" is not Carney's price).
    colon = analysis.text.rfind(":", sentence.start, start)
    first = _opening_mention(analysis.text, [m for m in near if m.start < colon], analysis.entities) if colon > 0 else None
    if first is not None and all(a.entity == first.entity for a in analysis.attributions[i]):
        opens = len(_WORD_RE.findall(analysis.text[sentence.start : first.start])) <= 1
        if opens and analysis.type(first.entity) == "organisation":
            return Owner(analysis.name(first.entity), _public_type(analysis.type(first.entity)), "before", "")
    # "At $175 billion, Donald Trump's Golden Dome already came with a price tag": the possessor after a fronted figure
    if _AT_FIGURE_RE.fullmatch(analysis.text, sentence.start, start):
        possessor = [m for m in near if m.start >= end and re.fullmatch(r",?\s+", analysis.text[end : m.start])]
        if possessor and analysis.text.startswith(("'s", "’s"), possessor[0].end):
            m = possessor[0]
            return Owner(analysis.name(m.entity), _public_type(analysis.type(m.entity)), "estimate of", "")
    # "It was unveiled by President Donald Trump last spring, with spending of $175 billion": the passive's agent
    # ... or a participle fronting the sentence: "Announced in January by President Donald Trump, the initiative
    # envisions a $175 billion shield"
    # (a figure in digits, the price announced, not a size the outlet gives: "Announced by Trump, the program could drive
    # billions in investment")
    # ... or set off in commas after the subject, not past a clause of its own: "The shield, unveiled by Trump in January,
    # will cost $175 billion, but the bill includes only a $25 billion down payment")
    participle = _FRONTED_ANNOUNCED_BY_RE.match(analysis.text, sentence.start, start)
    aside = _ANNOUNCED_BY_ASIDE_RE.search(analysis.text, sentence.start, start)
    gap = analysis.text[aside.end() : start] if aside else ""
    if aside and not (_CONTRASTING_CLAUSE_RE.search(gap) or re.search(r"[;:]|,\s*and\s", gap)):
        participle = participle or aside
    agent = (participle if re.search(r"\d", analysis.text[start:end]) else None) or _ANNOUNCED_BY_RE.search(
        analysis.text, sentence.start, start
    )
    if agent and not analysis.attributions[i]:
        by = [m for m in near if agent.end() <= m.start < start]
        first = _opening_mention(analysis.text, by, analysis.entities) if by and by[0].start - agent.end() <= 20 else None
        if first is not None:
            return Owner(analysis.name(first.entity), _public_type(analysis.type(first.entity)), "before", "")
    # ... or its agent right after the figure: "a follow-on order was put at about €3 billion by the German defence ministry"
    agent_after = _PRICED_AT_RE.search(analysis.text, max(sentence.start, start - 60), start) and _FIGURE_BY_RE.match(analysis.text, end)
    if agent_after and not analysis.attributions[i]:
        by = [m for m in near if agent_after.end() <= m.start <= agent_after.end() + 20]
        first = _opening_mention(analysis.text, by, analysis.entities) if by else None
        if first is not None and analysis.type(first.entity) in (*PERSONLIKE, "organisation", "country"):
            return Owner(analysis.name(first.entity), _public_type(analysis.type(first.entity)), "after", "")
    # The figure a clause compares with is not the clause's own: in "the CBO has estimated $542 billion, far higher
    # than the $175 billion projection", the $175 billion is whoever gave it before (the money ledger carries it).
    # A fronted passive that names no agent: "Said to cost US$175 billion, it would, the president later wrote, …" gives the
    # figure to no one; the sentence's subject speaks of something else.
    fronted = _FRONTED_PASSIVE_RE.fullmatch(analysis.text, sentence.start, start)
    if (
        fronted
        and re.match(r"[^,;:]{0,40},", analysis.text[end : end + 41])
        and " by " not in analysis.text[end : analysis.text.find(",", end)]
    ):
        return Owner("", "", "none", "")
    if _COMPARED_WITH_RE.search(analysis.text, max(sentence.start, start - 40), start):
        return Owner("", "", "none", "")
    joined = _joined_clause_subject(analysis, i, start, near)
    if joined is not None:
        return Owner(analysis.name(joined.entity), _public_type(analysis.type(joined.entity)), "clause subject", "")
    found = [a for a in analysis.attributions[i] if binds(a)]
    outlets = [a for a in found if analysis.type(a.entity) == "outlet"]
    others_found = [a for a in found if analysis.type(a.entity) != "outlet"]
    # A figure in an aside between a verb's subject and the verb is not what the verb says: in "SpaceX, reportedly
    # said to be worth $400 billion, has announced that …", SpaceX gives no value of itself.
    # (a relative clause there has a verb of its own: "Linda Bilmes, who correctly projected the multi-trillion-dollar
    # cost of the Iraq War, says …" is hers)
    others_found = [
        a
        for a in others_found
        if not (
            0 <= a.subject < start
            and end <= a.position
            and analysis.text.count(",", a.subject, start) % 2 == 1  # an aside opened before the figure …
            and "," in analysis.text[end : a.position]  # … and closed after it
            and not re.search(r"\b(?:who|which)\b", analysis.text[a.subject : start])
        )
    ]
    # Unnamed people relay the figure a possessive names past their aside: in "The Pentagon's own figure, according to
    # two aides, remains $185 billion", the figure is the Pentagon's.
    # (a verb inside the aside is the aside's: "— for what it calls a 'skinny' first increment, according to two aides —")
    possessor = next((m for m in reversed(before_figure) if m.kind == "name" and analysis.type(m.entity) != "group"), None)
    asides = list(_ASIDES_RE.finditer(analysis.text, possessor.end, start)) if possessor and others_found else []
    if (
        asides
        and any(analysis.type(a.entity) == "group" for a in others_found)
        and all(analysis.type(a.entity) == "group" or any(x.start() <= a.position < x.end() for x in asides) for a in others_found)
        and _POSSESSIVE_NOUN_FIGURE_RE.fullmatch(_ASIDES_RE.sub(" ", analysis.text[possessor.end : start]))
    ):
        return Owner(analysis.name(possessor.entity), _public_type(analysis.type(possessor.entity)), "estimate of", "")
    relay = analysis.name(outlets[0].entity) if outlets else ""
    # "Asahi reported, citing two officials, that the ministry is setting aside ¥120 billion": those cited relay what
    # the ministry does; the figure is the ministry's, where a verb of giving money has a subject of its own (not one of
    # speech: in "Tokyo told Washington it would buy $3 billion, Kyodo reported, citing sources", the sources keep it).
    cited = [a for a in others_found if a.how == "according to" and analysis.text.startswith(("citing", "Citing"), a.position)]
    at_cited = {a.position for a in cited}
    givers = [a for a in others_found if a.position not in at_cited and not _SPEECH_VERB_RE.match(analysis.text, a.position)]
    if cited and givers:
        others_found = [a for a in others_found if a.position not in at_cited]
    if others_found:
        # The verb that governs a figure comes before it ("He said a bill would carry $25 billion and that Canada had
        # asked"), unless the attribution closes the sentence ("…, the CBO said").
        marked = [a for a in others_found if a.how == "according to"]  # bound to this figure alone: it wins
        # ... unless a subject of its own speaks between it and the figure: in "According to Al Jazeera, Trump
        # announced that he had selected a $175 billion design", Al Jazeera relays Trump's figure.
        # (who would spend it is not such a subject: "According to the CBO, the U.S. may have to spend $542 billion")
        inner = [
            a
            for a in others_found
            if a.how != "according to"
            and any(m.position < a.position < start for m in marked)
            and not _SPENDING_VERB_RE.match(analysis.text, a.position)
        ]
        if inner and all(m.position < start for m in marked):
            relay = relay or analysis.name(marked[0].entity)
            others_found, marked = inner, []
        before = [a for a in others_found if a.position < start]
        chosen = min(marked or before or others_found, key=lambda a: abs(a.position - start))
        # Who would spend it is not who estimates it: in "The CBO has found that Washington might need to spend up to
        # $542 billion", the figure is the estimator's, the verb of speech or estimate whose clause holds the spender.
        # ... nor is the subject of another clause inside what someone states: in "he stated that if Canada wants in,
        # it will have to pay a $61 billion fee", the figure is his (a verb whose own clause holds the figure keeps it:
        # "reported that agency engineers had modeled a design at $14 million").
        spending = bool(_SPENDING_VERB_RE.match(analysis.text, chosen.position))
        apart = not _SPEECH_VERB_RE.match(analysis.text, chosen.position) and "," in analysis.text[chosen.position : start]
        if not marked and (spending or apart):
            outer = [
                a
                for a in before
                if a.position < chosen.subject
                and _REPORTED_THAT_RE.match(analysis.text, a.position)
                and (spending or _STATED_CONDITION_RE.fullmatch(analysis.text, a.position, chosen.subject))
            ]
            if outer:
                chosen = outer[-1]
        relay = relay or analysis.name(chosen.outlet)
        return Owner(analysis.name(chosen.entity), _public_type(analysis.type(chosen.entity)), chosen.how, relay)
    sentence = analysis.sentences[i]
    before = [m for m in analysis.mentions if sentence.start <= m.start and m.end <= start and m.entity >= 0]
    for mention in reversed(before):
        if analysis.type(mention.entity) == "outlet":
            continue
        gap = analysis.text[mention.end : start]
        bare = bool(_BARE_POSSESSIVE_RE.fullmatch(gap))
        if _ESTIMATE_OF_RE.match(analysis.text, mention.end) or (
            _POSSESSIVE_FIGURE_RE.fullmatch(gap) and not _holds_figure(analysis, mention, end, bare=bare)
        ):
            return Owner(analysis.name(mention.entity), _public_type(analysis.type(mention.entity)), "estimate of", relay)
    described = _described_owner(analysis, i, start, end, spans)
    if described is not None:
        return described._replace(relayed_by=relay)
    label = _LIST_LABEL_RE.match(analysis.text, sentence.start, sentence.end)
    # "- White House, May 2025: $175 billion" (a body or person known as one, not a programme's name: "- Next-Gen OPIR
    # Polar: $474 million added")
    if (
        label
        and label.end() <= start
        and before
        and before[0].start < label.end()
        and analysis.type(before[0].entity) not in ("name", "unknown")
    ):
        first = before[0]
        return Owner(analysis.name(first.entity), _public_type(analysis.type(first.entity)), "label", relay)
    decider = _deciding_subject(analysis, i, start, near)
    if decider is not None:
        return Owner(analysis.name(decider.entity), _public_type(analysis.type(decider.entity)), "clause subject", relay)
    # A transcript's turn: what a paragraph opening with a speaker's name and a colon says is theirs ("Dr. Williams:
    # … The total is estimated to be $75 billion.")
    paragraph = analysis.text.rfind("\n", 0, start) + 1
    turn = _SPEAKER_TURN_RE.match(analysis.text, paragraph, start)
    if turn:
        speaker = [
            m
            for m in analysis.mentions
            if turn.start(1) <= m.start and m.end <= turn.end(1) and m.entity >= 0 and analysis.type(m.entity) == "person"
        ]
        if speaker:
            return Owner(analysis.name(speaker[-1].entity), "person", "speaker turn", relay)
        # a transcript's speaker in capitals, named in full before: "DE LUCA: …" is Mary Ann De Luca's turn
        said = " ".join(turn.group(1).split()).lower()
        named = [
            e
            for e in range(len(analysis.entities))
            if analysis.type(e) in PERSONLIKE and f" {analysis.name(e).lower()}".endswith(f" {said}")
        ]
        if turn.group(1).isupper() and len(said) > 2 and named:
            return Owner(analysis.name(named[0]), "person", "speaker turn", relay)
    if outlets:
        return Owner(relay, "outlet", outlets[0].how, "")
    generic = _unnamed_estimates(analysis.text, sentence.start, start)
    if generic:
        return Owner(generic, "group", "unnamed estimates", "")
    # A headline in title case, whose capitals name no one for sure, gives a figure to the name its verb follows, as the
    # story names it: "Trump Unveils $175 Billion Shield" is Trump's figure, "… Could Cost $3.6 Trillion, AEI Estimates" AEI's.
    line_start, line_end = analysis.text.rfind("\n", 0, start) + 1, analysis.text.find("\n", end)
    line_end = line_end if line_end >= 0 else len(analysis.text)
    if _is_title_case(analysis.text[line_start:line_end]):
        match = _HEADLINE_GIVER_RE.search(analysis.text, line_start, line_end)
        kinds = (*PERSONLIKE, "organisation", "country")
        name = (match.group(1) or match.group(2)) if match else ""
        giver = _named_by_last_word(name, analysis.mentions, analysis.entities, kinds, acronyms=True) if name else -1
        if giver >= 0:
            return Owner(analysis.name(giver), _public_type(analysis.type(giver)), "before", "")
    return Owner("", "", "none", "")


# A headline's verb of giving or stating a figure, capitalised as headlines set every word, after the name it follows
# (opening the line or a clause after a colon or a dash), or closing the line after a comma ("…, AEI Estimates").
_HEADLINE_GIVING_VERBS = (
    r"(?:Unveils|Announces|Requests|Proposes|Seeks|Wants|Estimates|Projects|Puts|Pegs|Prices|Offers|Demands|Asks|Says|Sets|"
    r"Eyes|Plans|Pitches|Floats|Touts|Tells|Warns|Pledges|Commits|Quotes)"
)
# A headline's verb inside a capitalised run, after a word of the name before it.
_HEADLINE_VERB_IN_RUN_RE = re.compile(rf"(?<=\S)[ \t]+(?:{_HEADLINE_VERBS}|{_HEADLINE_GIVING_VERBS})(?=[ \t]|$)")
_HEADLINE_GIVER_RE = re.compile(
    rf"(?:^|[:—–]\s+)((?:[A-Z][\w.'’-]*\s+){{0,2}}[A-Z][\w'’-]+)\s+{_HEADLINE_GIVING_VERBS}\b"
    rf"|,\s+((?:[A-Z][\w.'’-]*\s+){{0,2}}[A-Z][\w'’-]+)\s+{_HEADLINE_GIVING_VERBS}\s*$",
    re.MULTILINE,
)


# A paragraph opening with a speaker's name and a colon, as a transcript sets a turn: "Dr. Williams: …", "KARAKO: …".
_SPEAKER_TURN_RE = re.compile(
    r"[ \t]*(?:(?:Dr|Mr|Ms|Mrs|Gen|Sen|Rep|Prof|Adm|Amb)\.?\s+)?([A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){0,2}):[ \t]+(?=\S)"
)
# Estimates or reports the text credits without naming whose: "with some estimates reaching $542 billion", "outside
# estimates reach into the trillions", "According to reports, a first tranche of about $25 billion".
_UNNAMED_ESTIMATES_RE = re.compile(
    r"(?i)\b(?:according\s+to\s+(?P<bare>(?:media\s+|news\s+|press\s+)?reports|estimates)|(?P<qualified>(?:some|other|outside|independent|"
    r"unofficial|earlier|higher|lower|several|various|media|news|press|recent|congressional|open[- ]source|external|private|"
    r"industry|academic|official)\s+(?:cost\s+|price\s+)?(?:estimates|projections|reports|forecasts|analyses)))\b"
)


def _unnamed_estimates(text: str, lo: int, start: int) -> str:
    """The unnamed estimates or reports a figure is credited to in its sentence, as the text calls them ("some
    estimates"), where they stand a few words before it; "" if none.

    >>> _unnamed_estimates("It may cost $175 billion, with some estimates reaching $542 billion.", 0, 55)
    'some estimates'
    """
    found = list(_UNNAMED_ESTIMATES_RE.finditer(text, lo, start))
    # (near the figure, or opening its sentence: "According to reports, SpaceX is set to receive about $2 billion …")
    opening = bool(found) and not text[lo : found[-1].start()].strip()
    if not found or re.search(r"[;:]", text[found[-1].end() : start]):
        return ""
    if not opening and len(_WORD_RE.findall(text[found[-1].end() : start])) > 12:
        return ""
    return " ".join((found[-1].group("bare") or found[-1].group("qualified")).split()).lower()  # "Some reports" opening a sentence


# A verb by which a body decides on money, plans it or asks for it: its subject gives the figure in its clause.
_DECIDING_VERB_RE = re.compile(
    r"(?i)\b(?:plans?|planned|intends?|intended|propos(?:es|ed|e|ing)|request(?:s|ed|ing)?|seek(?:s|ing)?|sought|"
    r"(?:is|are|was|were)\s+asking|commits|committed\s+to|allocat(?:es|e|ing)|earmarks|budgets|sets\s+aside|"
    r"offer(?:s|ed)|aim(?:s|ed)?\s+to)\b"
)
# ... or its participle after a comma, the clause's subject its own: "The agency sent lawmakers its plan on Friday,
# requesting $9 billion for sensors".
_DECIDING_PARTICIPLE_RE = re.compile(r",\s+(?:asking|seeking|requesting|proposing)\b")
# What may stand between a subject and its verb of deciding, no words of its own: a place it sits in ("Republican
# lawmakers in the U.S. Congress"), and being about to ("are preparing to propose").
_DECIDER_PLACE_RE = re.compile(r"^\s+(?:in|at|of|from)\s+(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+)*[A-Z][\w.&'’-]*")
_ABOUT_TO_RE = re.compile(
    r"\b(?:is|are|was|were|has|have|had)\s+(?:(?:now|also|reportedly|already)\s+)?"
    r"(?:preparing|planning|expected|set|poised|looking|moving|trying|due|getting\s+ready)\s+to\s+"
)
# (Nor a sum a body has committed, allocated, earmarked, budgeted or set aside: "Ottawa has committed close to
# $40-billion" is a fact, as the development gold labels "Ottawa committed C$38.6 billion"; a plan or a request
# is the body's own figure, and so is what it committed to do: "The Liberals committed to add more than $30 billion".)
# (Not a verb by which a body acts on money decided: "The Space Force has awarded SpaceX $4.16 billion", "the House
# approved $25 billion" state a fact the outlet reports, whose figure is no one's estimate.)


def _deciding_subject(analysis: Analysis, i: int, start: int, near: list[Mention]) -> Mention | None:
    """The body or person a sentence opens with, where its verb decides on, plans or asks for money and the figure stands
    in that clause: "The administration plans to allocate about $175 billion", "The White House is asking Republicans to
    use reconciliation for $350 billion"."""
    sentence = analysis.sentences[i]
    if analysis.attributions[i]:
        return None
    head = _clause_opening(analysis.text, sentence.start, start)
    subject = _opening_mention(analysis.text, [m for m in near if head <= m.start and m.end <= start], analysis.entities)
    if subject is None or analysis.type(subject.entity) not in (*PERSONLIKE, "organisation", "group"):
        return None
    if not re.fullmatch(r"\s*(?:(?:the|a|an)\s+)?", analysis.text[head : subject.start], re.IGNORECASE):
        return None  # only a determiner before it: in "The law Trump signed set aside $25 billion", Trump is no subject
    gap = analysis.text[subject.end : start]
    verb = _DECIDING_VERB_RE.search(gap)
    # the verb is the subject's own (within its first words) and the figure in its clause (no new clause between)
    lead = _ABOUT_TO_RE.sub(" ", _DECIDER_PLACE_RE.sub("", gap[: verb.start()])) if verb else ""
    participle = _DECIDING_PARTICIPLE_RE.search(gap) if verb is None or len(_WORD_RE.findall(lead)) > 3 else None
    if participle is not None and gap.count(",") == 1 and len(_WORD_RE.findall(gap[: participle.start()])) <= 10:
        verb, lead = participle, ""
    if verb is None or len(_WORD_RE.findall(lead)) > 3 or re.search(r"[;:]|,\s+(?:but|while|and|which|who)\b", gap):
        return None
    if len(_WORD_RE.findall(gap)) > 16 or re.match(r"(?:'s|’s)\s", gap):
        return None
    return subject


# A figure someone asks for or proposes, named after it: "an $893 billion budget request from President Donald Trump".
_REQUEST_FROM_RE = re.compile(
    rf"\s+(?:(?:budget|funding|spending)\s+)?(?:request|proposal|plan)\s+(?:from|by)\s+(?:the\s+)?(?:(?:{_alternation(DEFAULT_TITLES)})\s+)?",
    re.IGNORECASE,
)
# A figure said to be in someone's document: "… $3.6 trillion in one American Enterprise Institute study", "in a CBO report".
_FIGURE_IN_DOCUMENT_RE = re.compile(r"\s+in\s+(?:a|an|one|the|its|their)\s+(?:(?:new|recent|latest|separate|earlier|\d{4})\s+)?(?:the\s+)?")
_DOCUMENT_NOUN_RE = re.compile(rf"(?:['’]s)?\s+(?:[a-z-]+\s+)?{_FINDING_DOCUMENTS}\b")
# A body publishing a document that gives a finding: "published a study on Monday which estimates that …".
# (or a document named by its quoted title: "published “Build Your Own Shield,” which priced six designs at …")
_PUBLISHED_FINDING_RE = re.compile(
    rf"(?i){_ISSUING_VERBS}\s+(?:(?:a|an|its|their)\s+(?:[\w-]+\s+){{0,3}}?{_FINDING_DOCUMENTS}\b|[“\"][^”\"\n]{{3,80}}[”\"])"
    r"[^.;:]{0,40}?\b(?:that|which)\s+"
    r"(?:estimates|estimated|finds|found|concludes|concluded|projects|projected|says|said|puts|put|shows|showed|predicts|predicted|"
    r"prices|priced|costs|costed)\b"
)
# What may stand between a document's publisher and the verb of publishing: a person's affiliation ("Todd Harrison of
# the American Enterprise Institute released …").
_PUBLISHER_GAP_RE = re.compile(r",?\s+(?:(?:of|at|from)\s+(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+)*[A-Z][\w.&'’-]*,?\s+)?")


# A clause joined on to the one before ("…, while …", "…, and …", "…; …") whose own subject gives a figure in it.
_JOINED_CLAUSE_RE = re.compile(r"(?:,\s*(?:and|but|while|whereas|yet)|;)\s+")
_JOINED_GIVING_VERB_RE = re.compile(
    r"(?i)\b(?:cited|cites|citing|uses|used|using|put|puts|putting|gave|gives|given|set|sets|estimated|estimates|projected|"
    r"projects|floated|named|written|wrote|writes|requested|requests|sought|seeks|proposed|proposes|pegged|pegs|priced|"
    r"prices|budgeted|allocated|approved|appropriated|earmarked|wants|want)\b"
)


def _joined_clause_subject(analysis: Analysis, i: int, start: int, near: list[Mention]) -> Mention | None:
    """The subject of a clause joined on to a first one that gives a figure, where the figure stands in the second with
    a verb of giving of its own: in "Trump has put the cost at $175 billion, while the Pentagon's program office has
    since cited a figure of $185 billion", the $185 billion is the Pentagon's. Not where the first clause is someone's
    speech, which may go on through the second ("Hegseth said Congress approved $24 billion, and the White House wants
    $17.5 billion more" reports Hegseth's words)."""
    sentence = analysis.sentences[i]
    joins = list(_JOINED_CLAUSE_RE.finditer(analysis.text, sentence.start, start))
    if not joins:
        return None
    join = joins[-1]
    earlier = analysis.attributions[i]
    if not earlier or any(a.position >= join.start() or _SPEECH_VERB_RE.match(analysis.text, a.position) for a in earlier):
        return None
    inside = [m for m in near if join.end() <= m.start and m.end <= start and analysis.type(m.entity) != "outlet"]
    subject = _opening_mention(analysis.text, inside, analysis.entities)
    if subject is None or analysis.type(subject.entity) not in (*PERSONLIKE, "organisation", "group", "country"):
        return None
    if not re.fullmatch(r"(?:(?:the|a|an)\s+)?", analysis.text[join.end() : subject.start], re.IGNORECASE):
        return None
    gap = analysis.text[subject.end : start]
    verb = _JOINED_GIVING_VERB_RE.search(gap)
    if verb is None or len(_WORD_RE.findall(gap[: verb.start()])) > 5 or len(_WORD_RE.findall(gap)) > 14 or re.search(r"[,;:]", gap):
        return None
    return subject


def _quoted_giver(analysis: Analysis, end: int) -> Owner | None:
    """The one a figure inside a quotation is said to come from, by a name the article gave before: "the $175 billion
    price tag President Trump cited …" in Harrison's words is Trump's. (Inside quotations the engine names no one: the
    words after the figure are read against the article's entities.)"""
    gap = _GIVEN_BY_RE.match(analysis.text, end)
    named = _QUOTED_GIVER_RE.match(analysis.text, gap.end()) if gap else None
    if named and _GIVING_VERB_RE.match(analysis.text, named.end()):
        for entity in analysis.entities:
            if entity.type in PERSONLIKE + ("organisation",) and named.group(1) in (entity.name, entity.name.split()[-1]):
                return Owner(entity.name, _public_type(entity.type), "estimate of", "")
    return None


_PAREN_LABEL_RE = re.compile(
    r"\s*\(\s*((?:the\s+)?[A-Z][\w.'’ -]{1,40}?)(?:['’]s)?\s+(?:estimate|figure|projection|forecast|number|request)s?\s*\)"
    # ... or the giver's name alone, after the figure or its horizon: "between $175B (White House) and $1.2T across two decades (CBO)"
    r"|(?:\s+over\s+(?:\w+\s+){1,2}(?:years|decades))?\s*\(\s*((?:the\s+)?[A-Z][\w.'’ &-]{1,40}?)\s*\)"
)
# A name written after a figure inside a quotation, its titles aside: "President Trump", "Donald Trump", "the CBO".
_QUOTED_GIVER_RE = re.compile(rf"(?:(?i:{_alternation(DEFAULT_TITLES)})\s+)?((?:[A-Z][\w.'’-]*\s)?[A-Z][\w.'’-]*)")


class Voice(NamedTuple):
    """Who the sentences before one speak for, and from where: ``start`` of the first sentence looked at, ``position``
    of the attribution found (-1 and an empty name if none)."""

    name: str
    type: str
    start: int
    position: int


def earlier_voice(analysis: Analysis, i: int, back: int = 2) -> Voice:
    """The person or body that the ``back`` sentences before sentence ``i``, in its paragraph, give words or figures
    to (the latest attribution that is not an outlet's), for a sentence that points back to them ("It came to about
    $1.2 trillion.").

    >>> g = compile_grammar({})
    >>> text = "The full system was costed, Todd Harrison said. It came to $1 trillion."
    >>> earlier_voice(analyse(text, g), 1).name
    'Todd Harrison'
    """
    start = analysis.sentences[i].start if i < len(analysis.sentences) else len(analysis.text)
    for j in range(i - 1, max(-1, i - 1 - back), -1):
        sentence = analysis.sentences[j]
        if "\n\n" in analysis.text[sentence.end : start]:
            break
        start = sentence.start
        spoken = [a for a in analysis.attributions[j] if analysis.type(a.entity) != "outlet"]
        if spoken:
            a = spoken[-1]
            return Voice(analysis.name(a.entity), _public_type(analysis.type(a.entity)), start, a.position)
    return Voice("", "", start, -1)


# A list item that opens with its figure ("1. $175bn", "- $161 billion to $542 billion: the CBO's range …").
_LIST_HEAD_RE = re.compile(r"\W*(?:\d{1,2}[.)]\s*)?")
# What may join the figures of a list item's heading: "10. $61bn, then $71bn".
_JOINS_FIGURES_RE = re.compile(r"(?:\s*(?:,|;|–|—|-|\bthen\b|\band\b|\bor\b|\bto\b))*\s*")


def opens_list_item(text: str, start: int, at: int) -> bool:
    """Whether only a list item's opening (a bullet, a number, marks) stands between ``start`` and a figure at ``at``.

    >>> opens_list_item("- $151bn: the ceiling", 0, 2), opens_list_item("It costs $5.", 0, 9)
    (True, False)
    """
    return bool(_LIST_HEAD_RE.fullmatch(text, start, at))


def list_heading(text: str, start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether the stretch ``text[start:end]`` (a sentence) is only a list item's heading of the figures at ``spans``:
    a list number, the figures and what joins them, its description on the next line.

    >>> text = "10. $61bn, then $71bn"
    >>> list_heading(text, 0, len(text), [(4, 9), (16, 21)]), list_heading(text, 0, len(text), [(4, 9)])
    (True, False)
    """
    spans = sorted(spans)
    if not spans or not opens_list_item(text, start, spans[0][0]):
        return False
    between = [(a[1], b[0]) for a, b in zip(spans, spans[1:], strict=False)]
    return all(_JOINS_FIGURES_RE.fullmatch(text, lo, hi) for lo, hi in between) and not re.search(r"\w", text[spans[-1][1] : end])


# After a name in a figure's description, what says the figure is theirs: "the CBO's range", "The White House request".
_DESCRIBED_BY_RE = re.compile(
    r"['’]s\b|\s+(?:request|estimate|figure|range|study|report|proposal|projection|baseline|price|offer|ceiling)\b", re.IGNORECASE
)


def _described_owner(analysis: Analysis, i: int, start: int, end: int, spans: list[tuple[int, int]]) -> Owner | None:
    """Who a list item's description gives its figure to, where the item opens with the figure ("1. $175bn" then "The
    number President Donald Trump gave in the Oval Office …"; "- $151bn: the ceiling of the Missile Defense Agency's
    vehicle"): a possessive, a body's request or estimate, "by X", or the speaker of the description; None otherwise.
    ``spans`` are the figures of the sentence."""
    sentence = analysis.sentences[i]
    if list_heading(analysis.text, sentence.start, sentence.end, spans) and i + 1 < len(analysis.sentences):
        k = i + 1  # the figures are a heading; the next line describes them
        lo, hi = analysis.sentences[k].start, analysis.sentences[k].end
    elif opens_list_item(analysis.text, sentence.start, start):
        k, lo, hi = i, end, sentence.end  # "- $151bn: the ceiling of …"
    else:
        return None
    said = {a.subject: a for a in analysis.attributions[k] if lo <= a.position < hi}
    for m in analysis.mentions:
        if not lo <= m.start < hi or m.entity < 0 or analysis.type(m.entity) == "outlet":
            continue
        if _DESCRIBED_BY_RE.match(analysis.text, m.end) or analysis.text[max(0, m.start - 3) : m.start] == "by " or m.start in said:
            return Owner(analysis.name(m.entity), _public_type(analysis.type(m.entity)), "label", "")
    return None


_FRONTED_CLAUSE_RE = re.compile(r"\W*(?:While|Although|Though|Whereas|Even though|Despite|Because|Since|After|Amid|Following)\s")
# "and" opening a second clause, with its subject's determiner: ", and Trump has …", " and the president hopes …".
_AND_NEW_SUBJECT_RE = re.compile(r",?\s+and\s+(?:the\s+|his\s+|her\s+|its\s+)?(?=[A-Za-z])")
# (a quotation's closing mark may stand between the comma and the word: '"… a survival architecture," while Gen. X …')
_CONTRASTING_CLAUSE_RE = re.compile(r"[,;—–][”\"’']?\s*(?:though|although|but|while|whereas|yet)\s")
_COMPARED_WITH_RE = re.compile(r"\b(?:than|compared\s+(?:with|to)|versus|vs\.)\s+the\s+(?:[a-z-]+\s+){0,2}$")
_SPENDING_VERB_RE = re.compile(r"(?i)(?:spend|spends|spending|spent|invest|invests|invested|investing|pay|pays|paid|paying)\b")
# A verb of speech or estimate with the clause it reports: "has estimated that", "said", "projects that".
_REPORTED_THAT_RE = re.compile(
    r"(?i)(?:said|says|stated|states|estimated|estimates|projected|projects|predicted|predicts|found|concluded|calculated|warned|reported|"
    r"wrote|writes|posted|posts|added|adds|claimed|claims|declared|declares|insisted|insists|argued|argues|announced|announces)"
    r"(?:\s+that)?\s"
)
# A reporting verb, "that" and a condition, up to the condition's subject: "stated that if ".
_STATED_CONDITION_RE = re.compile(r"\w+\s+that\s+(?:if|when|unless|once|as)\s+")
_KNOWN_FIGURE_BEFORE_RE = re.compile(r"\bthe\s+(?:[a-z-]+\s+)?$")
_KNOWN_FIGURE_AFTER_RE = re.compile(r"\s+(?:figure|projection|estimate|price tag|price|number|cost estimate|pricetag)\b")
_PARTICIPLE_AFTER_COMMA_RE = re.compile(r",\s\w+ing\b")
_SPEECH_VERB_RE = re.compile(rf"(?i)(?:{'|'.join(re.escape(v) for v in sorted(DEFAULT_VERBS, key=len, reverse=True))})\b")
_ITS_FIGURE_RE = re.compile(
    r"\b(?:its|their)\s+(?:(?:own|original|initial|latest|new|first|earlier|revised|official|current|public)\s+)*"
    r"(?:estimate|figure|projection|baseline|price tag|price|number|cost estimate)\s+(?:of|at|is|was|stands at|remains)\s+"
    r"(?:about\s+|roughly\s+|around\s+|some\s+|nearly\s+|just\s+)?$",
    re.IGNORECASE,
)
_HIS_FIGURE_RE = re.compile(
    # ("his administration's $175 billion shield": the administration's figure, named for the one who leads it)
    r"\b(?:his|her)\s+(?:(?:administration|government)['’]s\s+)?(?:(?:own|original|initial|latest|new|first|earlier|revised|official)\s+)?"
    r"(?:about\s+|roughly\s+)?$"
)
# After a figure, before the one who gives it: "the $175 billion (that) Trump cited", "$61 billion price he gave".
_GIVEN_BY_RE = re.compile(
    r"\s+(?:(?:price|figure|estimate|price tag|tag|number|total|sum|cost|baseline|forecast|projection)s?\s+){0,2}(?:that\s+)?(?:the\s+)?"
    rf"(?:(?:{_alternation(DEFAULT_TITLES)})\s+)?",
    re.IGNORECASE,
)
# A verb that puts a figure forward, its object a figure's noun: "keeps citing a much lower figure", "sketched out
# estimates for several designs" (not one that doubts it: "dismissed the figure").
_PUT_FORWARD_RE = re.compile(
    r"(?<=\s)(?:(?:has|have|had)\s+)?(?:(?:publicly|recently|also|since|now|first)\s+)?"
    r"(?:pushed|floated|offered|put\s+forward|released|published|produced|sketched(?:\s+out)?|issued|touted|circulated|"
    r"laid\s+out|came\s+up\s+with|arrived\s+at)\s+"
    r"(?:(?:a|an|the|its|their|his|her|some|several|two|three)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:figures?|estimates?|price\s+tags?|numbers?|projections?|costings?)\b",
    re.IGNORECASE,
)
# ... and the figure after that noun: in apposition, after "of" or "at", or in a relative clause giving its range.
_FIGURE_AFTER_NOUN_RE = re.compile(
    r"(?:\s+for\s+(?:[\w-]+\s+){0,3}[\w-]+)?(?:,\s*|\s+of\s+|\s+at\s+|\s*[—–]\s*|,\s+which\s+(?:ranged?|run|ran|go|went)\s+from\s+)"
    r"(?:(?:roughly|about|around|some|nearly|just|only)\s+)?",
    re.IGNORECASE,
)
# A plan to do something at a cost: "expects to have it finished by 2029 at a cost of", "plans to complete with a budget of".
_PLANNED_AT_COST_RE = re.compile(
    r"(?<=\s)(?:expects?|plans?|aims?|intends?|hopes?)\s+to\s+[^.;:!?]{0,100}?\s(?:at\s+a\s+(?:total\s+)?cost\s+of|with\s+an?\s+"
    r"(?:total\s+|overall\s+)?budget\s+of|for\s+a\s+(?:total\s+)?(?:cost|price)\s+of)\s+(?:(?:about|roughly|around|some|nearly|just)\s+)?$",
    re.IGNORECASE,
)


def _figure_put_forward(text: str, lo: int, start: int) -> re.Match | None:
    """The words before a figure starting at ``start`` (from ``lo``) that put it forward or plan at its cost, if any."""
    offered = _PUT_FORWARD_RE.search(text, lo, start)
    if offered and _FIGURE_AFTER_NOUN_RE.fullmatch(text, offered.end(), start):
        return offered
    return _PLANNED_AT_COST_RE.search(text, lo, start)


# The same, passive: "the $175 billion forecast provided by the administration", "a figure put forward by the CBO".
_GIVEN_BY_PASSIVE_RE = re.compile(
    # (past a conversion in brackets: "the $175 billion (some 24 trillion yen) put forward by Trump")
    r"(?:\s*\([^()]{1,40}\))?"
    r"\s+(?:(?:price|figure|estimate|price tag|tag|number|total|sum|cost|baseline|forecast|projection|initiative|project|program|"
    r"programme|plan|shield|system)s?\s+){0,2}"
    # (a finite passive too: "The $175 billion system was announced by the President in May")
    r"(?:(?:was|were|is|are|has\s+been|had\s+been)\s+)?"
    r"(?:(?:first|originally|initially|previously|earlier|once)\s+)?"
    r"(?:provided|given|offered|cited|put forward|floated|posed|named|mentioned|used|announced|unveiled|released|published|set|estimated|"
    r"projected|forecast|calculated|quoted|proposed|presented)"
    # (past a time between the verb and its agent: "the $185 billion figure quoted last spring by Gen. X")
    r"(?:\s+(?:earlier|later|last|this|in|on|during)(?:\s+[\w-]+){0,3}?)?\s+by\s+(?:the\s+)?"
    r"(?:(?:[A-Z][\w-]*\s+){1,2}(?:chief|director|head|czar|boss|leader)\s+(?:[A-Z][a-z]{1,3}\.\s+)?)?"  # "by Golden Dome chief Gen. X"
    rf"(?:(?:{_alternation(DEFAULT_TITLES)})\s+)?",  # "by Gen. X"
    re.IGNORECASE,
)
_GIVING_VERB_RE = re.compile(
    r"(?:['’]s(?:\s+[\w-]+){1,3}?)?"  # "the $185 billion the Pentagon's Golden Dome office now uses"
    r"(?:,[^,.;]{1,60},)?\s+(?:had\s+|has\s+|have\s+|first\s+|originally\s+|once\s+|continues\s+to\s+|still\s+|now\s+|currently\s+)?"
    r"(?:cited|gave|quoted|named|set|floated|made public|announced|promised|touted|offered|mentioned|claimed|used|put on it|put forward|"
    r"unveiled|estimated|projected|advertised|defended|defends|defend|cites|uses|gives|touts|requested|requests|wants|sought|provided|"
    r"pitched|pitches|"
    r"asked for|seeks)\b"
)
# A possessive's figure through its noun: "Trump's figure is roughly C$84 billion", "the program office's baseline is now
# $185 billion", "the agency's SHIELD vehicle carries a ceiling of $151 billion", "the White House's request for"; the noun
# "cost of" ("Trump's stated cost of $175 billion"), not the verb ("a system meeting Trump's goals would cost").
_POSSESSIVE_NOUN_FIGURE_RE = re.compile(
    r"(?:['’]s|,?\s+whose)\s+(?:[\w-]+\s+){0,3}?(?:estimate|figure|baseline|request|price tag|price|number|ceiling|total|tally|"
    r"projection|budget|vehicle carries a ceiling|target|offer|bill|cost(?=\s+of\b)|"
    # "Trump's proposal for a massive $113 billion increase", "Trump, whose recent announcement of the $175 billion system"
    r"(?:plans?|proposals?|announcement)(?=\s+(?:for|of)\s)|"
    # "Trump's promise that the $175 billion program will be ready", "Trump's announcement in May that the first
    # $25 billion …"
    r"(?:promise|pledge|claim|announcement)(?=(?:\s+(?:last|this|earlier|in)\s+\w+)?\s+that\s))\s+"
    r"(?:(?:last|this|earlier|in)\s+\w+\s+(?=that\s))?"
    # (what the figure is for, before the verb that gives it: "the president's price for the entire system is"; not a
    # budget's year: "Japan's defense budget for the coming fiscal year is", an enacted budget no one estimates)
    r"(?:(?<!budget\s)for\s+(?:(?:the|a|an|its|his|her|their)\s+)?(?:[\w-]+\s+){1,3}?(?=(?:is|was|stands|remains|sits)\s))?"
    r"(?:(?:is|was|of|at|for|that|now|still|stands|remains|sits|roughly|about|around|nearly|some|just|well|far|under|over|"
    r"more than|less than)\s+)*"
    r"(?:(?<=for\s)|(?<=of\s))?(?:(?:a|an|the)\s+(?:[a-z-]+\s+)?)?"
)
# An aside set off by commas or dashes.
_ASIDES_RE = re.compile(r"\s*(?:,[^,;:]*,|[—–][^—–;:]*[—–])\s*")
# A body's or person's figure named before it: "the White House figure of $175 billion", "the CBO's estimate of".
_FIGURE_OF_RE = re.compile(
    r"(?:['’]s)?\s+(?:own\s+|latest\s+|original\s+|official\s+|new\s+)?(?:figure|estimate|price tag|baseline|number|projection)"
    r"\s+of\s+(?:about\s+|roughly\s+|around\s+|some\s+|nearly\s+)?"
)
_POSSESSIVE_OPENER_RE = re.compile(
    r"\W*(Its|His|Her|Their)\s+(?:[\w$.,-]+\s+){0,3}?(?:report|estimate|estimates|analysis|study|scenarios|scenario|figures|figure|"
    r"model|projection|projections|calculation|tally|assessment|numbers|review|paper)\b"
)


def _holds_figure(analysis: Analysis, owner: Mention, end: int, adjacent: bool = True, bare: bool = False) -> bool:
    """Whether a name in the possessive before a figure ending at ``end`` is what the figure belongs to, not whose
    estimate it is: a company's contract ("Anduril's $20 billion Lattice contract"), a country's programme right
    after its possessive (``adjacent``: "Pyongyang denounces Washington's $175 billion 'Golden Dome'"; but its pledge is its
    own, "Japan's $3 billion pledge", and so is what it names itself, "Canada's defence budget is C$41 billion")."""
    kind = analysis.type(owner.entity)
    # (anyone's programme named after the figure, right after the possessive, is theirs to run, the figure no estimate
    # of theirs: "Trump's $831 billion 'Golden Dome' shield", "the administration's $175 billion
    # initiative"; but "Trump's proposed $175 billion shield" is the figure he proposed)
    if bare and _PROGRAMME_AFTER_RE.match(analysis.text, end) and not _PLEDGE_AFTER_RE.match(analysis.text, end):
        return True
    if kind == "organisation":
        return bool(_HELD_FIGURE_RE.match(analysis.text, end))
    return kind == "country" and adjacent and not _PLEDGE_AFTER_RE.match(analysis.text, end)


# A possessive right before a figure, no word of proposing or estimating between: "Trump's $175 billion".
_BARE_POSSESSIVE_RE = re.compile(r"['’]s\s+(?:about\s+|roughly\s+)?")
# A programme's noun after a figure, a few words of its name or kind between: "$831 billion 'Golden Dome' anti-missile
# network", "$175 billion initiative" (not a figure's noun first: "$175 billion price tag for the shield").
_PROGRAMME_AFTER_RE = re.compile(
    r"(?i)(?:[\s“”\"‘’'-]+(?!(?:price|cost|estimate|figure|tag|budget|request|bill)\b)[\w-]+){0,4}?[\s“”\"‘’'-]+"
    r"(?:shield|system|dome|initiative|project|program|programme|architecture|network|umbrella)\b"
)


_PLEDGE_AFTER_RE = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:pledge|commitment|offer|contribution|proposal|bid|request|estimate)s?\b")
# A noun of estimating right after a name that follows a figure: "a $1.2 trillion CBO estimate" (" estimate").
_ESTIMATE_NOUN_AFTER_RE = re.compile(
    r"\s+(?:cost\s+)?(?:estimates?|figure|projections?|forecast|price\s+tag|baseline|score)\b", re.IGNORECASE
)
_POSSESSIVE_FIGURE_RE = re.compile(
    r"['’]s\s+(?:(?:own|original|initial|latest|new|first|earlier|revised|official|current|public|cited|stated|promised|proposed|quoted|"
    r"preferred|touted|claimed|desired|requested|planned|announced|sought|envisioned|favou?red)\s+)?"
    r"(?:about\s+|roughly\s+)?"
)
# What a body holds rather than estimates, after its possessive's figure: "Anduril's $20 billion Lattice contract".
_HELD_FIGURE_RE = re.compile(r"(?:\s+[\w-]+){0,3}?\s+(?:contracts?|deals?|awards?|valuation|revenues?|sales|backlog|expansion)\b")
_LIST_LABEL_RE = re.compile(r"\W*(?:[A-Z][\w.&'’-]*[ \t]*){1,8}(?:\([^)]*\))?(?:,[^:]{0,30})?:")
_ASIDE_RE = re.compile(r"[,(—–]\s*(?:which|who|whose|that)\b", re.IGNORECASE)
# "the CBO's estimate", "the Pentagon's own figure of", "the administration's $175 billion price tag"
_ESTIMATE_OF_RE = re.compile(
    r"['’]s?\s+(?:[\w$.,-]+\s+){0,3}?(?:estimate|estimates|projection|projections|figure|figures|price tag|calculation|"
    r"analysis|study|model|forecast|budget request|request|tally|assessment|scenario|scenarios)\b",
    re.IGNORECASE,
)


def _public_type(kind: str) -> str:
    """An entity type as tables show it: a name the words call a person's is a person's."""
    return "person" if kind == "name" else kind


def sentence_voice(analysis: Analysis, i: int) -> tuple[str, str, str]:
    """The voice of sentence i: ("quoted", speaker, type) if it holds a quotation, ("reported", …) if it has an
    attribution, else ("own", "", "")."""
    inside = [q for q in analysis.quotations if q.kind == "quotation" and q.first <= i <= q.last]
    if inside:
        longest = max(inside, key=lambda q: len(q.text))
        return "quoted", analysis.name(longest.entity), analysis.type(longest.entity) or "unattributed"
    if analysis.attributions[i]:
        a = analysis.attributions[i][0]
        return "reported", analysis.name(a.entity), analysis.type(a.entity)
    return "own", "", ""


_SUBORDINATE_RE = re.compile(r"^\W*(?:while|although|though|as|because|if|since|whereas|even|when|for|whatever|despite)\b", re.IGNORECASE)


def others_spans(analysis: Analysis, i: int) -> list[tuple[int, int]]:
    """The parts of sentence i that are someone else's words: its quotations, and the clause each attribution governs
    ("Critics say it is unworkable": from "Critics" on; "…, he said.": all of it; "While critics warn of a race, the
    shield is vital": up to the comma, the rest is the outlet's)."""
    sentence = analysis.sentences[i]
    text = analysis.text
    spans = [
        (max(q.start, sentence.start), min(q.end, sentence.end))
        for q in analysis.quotations
        if q.kind == "quotation" and q.first <= i <= q.last
    ]
    for a in analysis.attributions[i]:
        start = min(a.subject, a.position) if a.subject >= 0 else a.position
        after = text[a.position : sentence.end]
        if a.how == "according to" or len(_WORD_RE.findall(after)) <= 8 and "," not in after[:-1].rstrip(",. "):
            spans.append((sentence.start, sentence.end))  # "…, critics say." / "according to X": the whole sentence
            continue
        head = text[sentence.start : start]
        comma = text.find(",", a.position, sentence.end)
        subordinate = _SUBORDINATE_RE.match(head) or (
            head.rstrip() and head.rstrip()[-1].isalpha() and analysis.text[start : start + 3].lower() in ("he ", "she", "the")
        )
        spans.append((start, comma if subordinate and comma != -1 else sentence.end))
    return sorted(spans)


_LINK_RE = re.compile(r"\[([^\]\n]{2,60})\]\(https?://[^)\s]+\)|<a\s[^>]*href=\"https?://[^\"]+\"[^>]*>([^<]{2,60})</a>", re.IGNORECASE)
_WIRE_CREDIT_RE = re.compile(r"\(([A-Z][\w.&'’ -]{1,40}?)\)\s*(?:[-–—]|$)")
# Credit lines that name a listed outlet outside the running text: a dateline's credit before a date or a lower-case
# name ("Washington DC (UPI) Jun 13, 2025", "WASHINGTON (dpa-AFX) -"), a "Source:" line ("SOURCE: TRT World &
# Agencies"), the credit a wire story ends on ("… ballistic missiles. AFP"), and a line of an outlet's name and the
# date it ran, as pages that repost a story head it ("The Hill22-06-2025", "Payload May 14, 2026").
_CREDIT_LINE_RES = (
    re.compile(r"(?m)^[A-Z][\w .,'-]{1,40}?\s\((?P<name>[A-Za-z][\w.&'’ -]{1,40}?)\)\s*(?:[-–—:]|[A-Z][a-z]{2}\.?\s+\d)"),
    re.compile(r"(?mi)^(?:source|sources|with\s+inputs\s+from)\s*:\s*(?P<name>[^\n]{2,80})$"),
    re.compile(r"[.!?”\"]\s+(?P<name>[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,2})\s*$"),
    re.compile(
        r"(?m)^[ \t]*(?P<name>[A-Z][\w.&'’ -]{1,40}?)[ \t]*(?:\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d\d"
        r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2},[ \t]+(?:19|20)\d\d)[ \t]*$"
    ),
    # an aggregator's credit line, the agency first and its fields set apart by bars: "Reuters | Tokyo | Updated: …"
    re.compile(r"(?m)^[ \t]*(?P<name>[A-Z][\w.&'’ -]{1,40}?)[ \t]*\|[ \t]*[A-Z][\w .,'’-]{1,40}?[ \t]*\|"),
)


def credited_outlets(analysis: Analysis) -> list[tuple[int, str, int, int, str]]:
    """Outlets an article credits, sentence by sentence, as (sentence index, name, start, end, how): an outlet that is
    the subject of a reporting verb or named after "according to" ("Defense One reported", "according to NHK"), the
    outlet a speaker "told", a link to an outlet's page ([Defense One](https://...), an HTML link), and a wire credit
    ("WASHINGTON (Reuters) -"). Bodies and persons are speakers, not outlets: they are left out."""
    found = []
    for i, sentence in enumerate(analysis.sentences):
        for a in analysis.attributions[i]:
            for entity, how in ((a.entity, a.how), (a.outlet, "told")):
                if entity >= 0 and analysis.entities[entity].type == "outlet":
                    # (the outlet told is named where the text names it, after the verb, not where the speaker is: "the
                    # Pentagon told Bloomberg" credits both)
                    told = how == "told" and next((m for m in analysis.mentions if m.entity == entity and a.position <= m.start), None)
                    start, end = (told.start, told.end) if told else (a.subject if a.subject >= 0 else a.position, a.position)
                    found.append((i, analysis.entities[entity].name, start, end, how))
        for match in _LINK_RE.finditer(analysis.text, sentence.start, sentence.end):
            name = (match.group(1) or match.group(2)).strip()
            words = name.split()
            # A link to an outlet names the outlet ("Defense One", "NHK"), not a headline ("How Golden Dome reshaped ...").
            if len(words) <= 4 and all(w[:1].isupper() or w.lower() in ("of", "the", "and", "for") for w in words):
                found.append((i, name, match.start(), match.end(), "link"))
        for match in _WIRE_CREDIT_RE.finditer(analysis.text, sentence.start, sentence.end):
            name = match.group(1).strip()
            # (a name's words, not a phrase a form puts in brackets: "(Optional for Local News)")
            if any(w[:1].islower() and w not in ("of", "and", "the", "de") for w in name.split()):
                continue
            line = analysis.text[analysis.text.rfind("\n", 0, match.start()) + 1 : match.start()]
            dateline = bool(re.match(r"\s*[A-Z]{3,}", line)) and len(line) < 60  # "WASHINGTON, May 2 (Reuters) -"
            if dateline or entity_type(name) == "outlet":
                found.append((i, name, match.start(1), match.end(1), "wire credit"))
    return found + _credit_lines(analysis)


def _credit_lines(analysis: Analysis) -> list[tuple[int, str, int, int, str]]:
    """Listed outlets credited on a credit line (:data:`_CREDIT_LINE_RES`), each of several joined by "&", "and" or a
    comma; "Agencies" in such a line is the wire agencies' credit."""
    found = []
    for pattern in _CREDIT_LINE_RES:
        for match in pattern.finditer(analysis.text):
            # (a story's last words are a credit only for a listed outlet, a name heading a date only for one too, even
            # one named by a plain word: "Payload"; a credit line's, for any name that is one)
            if pattern in (_CREDIT_LINE_RES[3], _CREDIT_LINE_RES[4]):
                known = _listed_outlet
            else:
                known = outlet_name if pattern is _CREDIT_LINE_RES[2] else lambda n: entity_type(n) == "outlet"
            for part in re.finditer(r"[^,&]+", match.group("name")):
                name = re.sub(r"^and\s+|\s+and$", "", part.group(0).strip(" .;"), flags=re.IGNORECASE)
                if not known(name):  # (the outlet's own "The" kept where the list names it so: "The Hill")
                    name = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
                if known(name) or name.lower() == "agencies":
                    start = match.start("name") + part.start() + part.group(0).index(name)
                    shown = name.capitalize() if name.lower() == "agencies" else name
                    found.append((_sentence_at(analysis, start), shown, start, start + len(name), "wire credit"))
    return found


def _listed_outlet(name: str) -> bool:
    """Whether a name is a listed outlet's, even a name that is a plain word ("Payload", "Time"), which running text
    is not searched for."""
    return bool(outlet_name(name)) or any(o.name == name for o in news_outlets())


def _sentence_at(analysis: Analysis, position: int) -> int:
    """The index of the sentence a position of the text is in (the last sentence for one past them all)."""
    return min(bisect.bisect_right([s.end for s in analysis.sentences], position), len(analysis.sentences) - 1)


def merged_names(names: Iterable[tuple[str, str]]) -> dict[str, str]:
    """One display name per speaker across a corpus: a surname to the one full name that ends with it, an acronym to
    the one body whose initials it is.

    >>> merged_names([("Trump", "person"), ("Donald Trump", "person"), ("CBO", "organisation"),
    ...               ("Congressional Budget Office", "organisation")])["CBO"]
    'Congressional Budget Office'
    """
    names = list(dict.fromkeys(names))
    mapping = {name: name for name, _ in names}
    fulls = [(n, t) for n, t in names if len(n.split()) > 1]
    for name, kind in names:
        if len(name.split()) != 1:
            continue
        if kind == "person" or kind == "unknown":
            matches = {n for n, t in fulls if t == "person" and n.split()[-1] == name}
        else:
            matches = {n for n, t in fulls if t in ("organisation", "outlet") and _acronym(n) == name}
        if len(matches) == 1:
            mapping[name] = matches.pop()
    return mapping
