"""Who says what: speakers found from the grammar of a sentence (not only from the codebook), quotations vs terms,
pronouns and roles, relaying outlets, and the owner of a figure. Every text here was written for these tests."""

from __future__ import annotations

import pytest

from mediabrief.attribution import analyse, compile_grammar, entity_type, find_entities, merged_names, owner_of_span, quote_kind
from mediabrief.codebook import load_codebook


@pytest.fixture(scope="module")
def grammar():
    return compile_grammar(load_codebook())


def speakers(text: str, grammar) -> list[tuple[str, str]]:
    """(kind, speaker) of every quoted span of a text, in order."""
    found = analyse(text, grammar)
    return [(q.kind, found.name(q.entity)) for q in found.quotations]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a romanised given name's second syllable is part of the name, a place's "-based" is not
        ('Kim Yo-jong, the sister of the leader, said the shield was "a dangerous provocation."', "Kim Yo-jong"),
        ('A Seoul-based analyst, Park Min-ho, said the plan was "a costly gamble."', "Park Min-ho"),
        # letters after a name (honours, a ticker) are no part of it, so the surname alone finds the person again
        (
            "Gabriel Elefteriu FRAeS, a deputy director at a think tank, spoke on Monday. Such speed means no warheads are"
            ' needed, Elefteriu said. "These would be kinetic interceptors."',
            "Gabriel Elefteriu",
        ),
        # "who said" after a person's body is the person's; "she" is the one a title says is a woman
        (
            "Criticism came from experts such as Prof Joan Smith of the US Naval War College, who said it could start an"
            ' arms race. She argues "if one country deploys, others respond in kind."',
            "Joan Smith",
        ),
        ('Mr. Tom Hale said the plan was sound. He met Ms. Anna Berg on Monday. "We will see," she said.', "Anna Berg"),
        # "the report" is the document the text introduced, as an analysis or a study too, not the body named last
        (
            "The Congressional Budget Office estimated in a long-range cost analysis that it would cost $1.2 trillion. Neither the"
            ' White House nor the Pentagon has published detailed plans, "making any long-term estimate impossible," per the report.',
            "Congressional Budget Office",
        ),
        # ... not the byline's writer
        ('Analysis by Jane Roe\n\nThe Pentagon released its review. "Costs are rising," the report said.', "Pentagon"),
        # a nationality before a body's name makes it another country's body than the codebook's bare name means
        (
            'In a statement, the North Korean Ministry of Foreign Affairs condemned the "deeply reckless scheme" outright.',
            "North Korean Ministry of Foreign Affairs",
        ),
        # a research associate or fellow of a body, named after the body and the title
        (
            'The plan would "almost certainly be seen as an attempt to undermine deterrence", Chatham House Research Associate'
            " Julia Cournoyer writes.",
            "Julia Cournoyer",
        ),
        # a verb of another kind a few words into what a speaker says is not the quotation's speaker
        (
            "Defense Minister Shinjiro Koizumi spoke on Friday. He said joint work on the Glide Phase Interceptor, which"
            ' both countries already fund, gave Tokyo "a natural place to start."',
            "Shinjiro Koizumi",
        ),
        # a body's document by its possessive speaks for the body
        (
            'The Congressional Budget Office looked again. Its report said the layer was "the cost driver of the design."',
            "Congressional Budget Office",
        ),
        (
            "Appropriators complained in January. Their report on the defense bill said the Pentagon had supplied"
            ' "too little budget detail to judge what any of it buys."',
            "appropriators",
        ),
        # attribution after the quotation, and inverted with titles
        ('"We will not sit still while the threat grows," Hegseth told reporters.', "Pete Hegseth"),
        ('"Every dollar counts here," said Republican Senator Kevin Cramer of North Dakota.', "Kevin Cramer"),
        # before it, with an apposition, a party tag, "of Place", "who"
        ('Sen. Jack Reed (D-R.I.) said the plan was "a blank check for contractors."', "Jack Reed"),
        ('Rep. Seth Moulton, a Massachusetts Democrat, called it "a fantasy with a price tag."', "Seth Moulton"),
        ('Sen. Ann Lowry of Ohio, the ranking member of the panel, told NPR that "nobody has seen the plan."', "Ann Lowry"),
        ('Steve Ellis, who heads Taxpayers for Common Sense, said "the meter is running and nobody is reading it."', "Steve Ellis"),
        # names the codebook does not list, typed by their words
        ('"The plan is far too costly to defend," according to Mara Quint of the Orbital Policy Institute.', "Mara Quint"),
        ('Gabe Murphy, a budget analyst at Taxpayers for Common Sense, told a radio host: "It will not work."', "Gabe Murphy"),
        # "Gen." is a title, not the first name of Defense Minister Gen Nakatani named before
        (
            'Defense Minister Gen Nakatani spoke first. "If we cannot see it, we cannot stop it," said Gen. Michael Guetlein.',
            "Michael Guetlein",
        ),
        # a role does not reach back over a sentence's end ("… the program. The general said …")
        (
            'Gen. Michael Guetlein leads the program. The general said the office had "a very aggressive schedule indeed."',
            "Michael Guetlein",
        ),
        # whom the speaker told stands between the verb and the reported clause
        ('According to Nikkei, Tokyo has told Washington it wants "a seat at the design table."', "Japan"),
        # an unnamed source's description between it and its verb
        (
            'A senior Japanese official familiar with the matter said Tokyo was "not in a hurry at all."',
            "senior Japanese official familiar with the matter",
        ),
        # a title between a body's name and a person's
        ('Lockheed Martin Chief Executive Jim Taiclet told analysts the company was "all in on this program."', "Jim Taiclet"),
        ('Senate Armed Services Committee Chairman Roger Wicker spoke. "This is what the homeland needs," Wicker said.', "Roger Wicker"),
        # an unnamed spokesperson for a body named after it
        (
            'A spokesperson for the Japanese Defense Ministry said it "is not aware of any such request."',
            "Japanese Defense Ministry spokesperson",
        ),
        # ... even after another body was named; "the Prime Minister's Office" whole
        (
            'The Pentagon declined to comment. A spokesperson for the Japanese Defense Ministry said it "is not aware of any request."',
            "Japanese Defense Ministry spokesperson",
        ),
        (
            'Canada and the US are partners, "and the talks go on, on many fronts," a spokesperson for the Prime Minister\'s Office said.',
            "Prime Minister's Office spokesperson",
        ),
        # a body's statement speaks for it, before or after the quotation, even when words stand before the quotation
        ('Both sides would "deepen their cooperation on missile defense," a White House statement read.', "White House"),
        (
            'A White House statement followed. Both wished for "closer cooperation on defense than ever," the statement explained.',
            "White House",
        ),
        # "stating that" hangs on the sentence's subject
        ('Sen. Jeff Merkley opposes the plan, stating that it is "nothing more than a giveaway to contractors."', "Jeff Merkley"),
        # "based on X" after a quotation says what an estimate rests on, not who is quoted
        (
            'The Congressional Budget Office said it had priced "one illustrative approach to the shield" based on the goals of Trump.',
            "Congressional Budget Office",
        ),
        # a back-reference that names the speaker after the words
        (
            'Some were cautious. "I want to see the architecture first, then the party." The remark came from Sen. Dan Sullivan.',
            "Dan Sullivan",
        ),
        # "…, which said": the body before the relative pronoun
        (
            'A spokesperson referred questions to the Prime Minister\'s Office, which said that "Canada decides for itself, always."',
            "Prime Minister's Office",
        ),
        # a pronoun after an opening phrase of circumstance is the one speaking, not the one named in passing
        (
            'Gen. Michael Guetlein reports to Secretary Steve Feinberg. Speaking in May, he said rivals were "watching every move we do."',
            "Michael Guetlein",
        ),
        # a platform is not a speaker; "the US president" is a role, not the United States
        ('Trump opened his Truth Social post by declaring, "Ottawa knows it will cost a lot."', "Donald Trump"),
        (
            'Trump posted. The US president, who announced the plan, made it clear the price applies "if they remain a nation."',
            "Donald Trump",
        ),
        # a speaker inside an aside that closes before the quotation is not its speaker
        (
            'Mao Ning said that the system, which Trump said would cost $175 billion, will "exacerbate the risk of war in space."',
            "Mao Ning",
        ),
        # "the senior Russian diplomat" is the person just named
        (
            'Sergey Ryabkov told TASS so. "These programs create serious obstacles to talks," the senior Russian diplomat said.',
            "Sergey Ryabkov",
        ),
        # a verb of speech that closes the sentence after a phrase with "and" in it
        (
            'The shield "will protect our nation from any foe," including with interceptors and sensors, Pete Hegseth said last year.',
            "Pete Hegseth",
        ),
        # "per X" after a quotation names its source ("based on X" would not)
        (
            'The two leaders discussed "diplomatic and security challenges ahead," per a report from Japan\'s Ministry of Foreign Affairs.',
            "Japan's Ministry of Foreign Affairs",
        ),
        # one of a group of unnamed sources speaks, named as the text describes the group
        (
            'Two senior Canadian officials said the deal was done. One of them called the talks "pragmatic once the cameras left."',
            "senior Canadian official",
        ),
        (
            'Two people familiar with the talks described them. Another said Canada never received "a written invoice from anyone."',
            "person familiar with the talks",
        ),
        # "with X of Y noting:" and "stressing …" hang on their own subjects
        (
            'Analysts argue costs matter, with Todd Harrison of AEI noting: "It depends on coverage."',
            "Todd Harrison",
        ),
        (
            'Pentagon spokesman Kingsley Wilson confirmed the risks, stressing the effort was "costly yet vital."',
            "Kingsley Wilson",
        ),
        # a credit after a dash; a reply introduced with "His reply, in full:"; "The remark came from X, whose …"
        (
            'Quote of the week\n"The Dome is a mirror that shows each side itself." — a House Armed Services staffer, unnamed.',
            "House Armed Services staffer",
        ),
        # ... a name and its titles after a dash, as a post is credited when a page embeds it
        ('"We will be completing the job Reagan started!" — Senator Jim Banks (@SenatorBanks) May 20, 2025', "Jim Banks"),
        ('Trump was asked about Canada. His reply, in full:\n\n"Canada should have done what Japan did."', "Donald Trump"),
        (
            'Some were cautious. "I want to see the architecture first, then the party." The remark came from Sen. Dan Sullivan of'
            " Alaska, whose state hosts most of the country's ground-based interceptors, in an interview on Tuesday.",
            "Dan Sullivan",
        ),
        # the one asking is not the one answering
        (
            "Defense minister Shinjiro Koizumi told a Diet committee no yen was committed. Asked by a Communist Party lawmaker"
            ' whether Japan would receive a bill, he said: "There is no bill, there is cooperation."',
            "Shinjiro Koizumi",
        ),
        # a unique office named before its holder is: "The U.S. president claims …" then "Trump said" (the codebook's roles)
        (
            'Carney spoke first. The U.S. president claims the shield "will be completed within my term." Trump said so again.',
            "Donald Trump",
        ),
        # a report named with its date
        ('Congress wrote its report. "Due to insufficient information, we could not assess it," the Jan. 20 report states.', "Congress"),
        # a participle hanging on the main clause, "as X put it"
        ('Defense Secretary Pete Hegseth praised it on Friday, saying "this is the shield Americans deserve."', "Pete Hegseth"),
        ('As Lt. Gen. Heath Collins put it, "the physics are hard and unforgiving."', "Heath Collins"),
        # a name that is the apposition, and a family name first
        ('Foreign ministry spokeswoman, Mao Ning, said the plan was "a threat to everyone in the region."', "Mao Ning"),
        # a body before a title and a name qualifies the person, after "according to" too; "Gen." ends no clause
        (
            "The first satellites fly in 2028, according to Space Force General Jane Roe, who said the network will have"
            ' "a first real capability" that year.',
            "Jane Roe",
        ),
        ('The sensors fly in 2028 and will be "a first real capability," according to Space Force Gen. Jane Roe.', "Jane Roe"),
        # an inverted verb whose subject is someone's role and name; a day does not continue a name; a noun is no verb
        ('"Talks include the shield," said Carney\'s spokesperson Jane Roe.', "Jane Roe"),
        ('"The speech asserted sovereignty," reported Canadian Broadcasting Corporation on Tuesday.', "Canadian Broadcasting Corporation"),
        (
            'Mark Carney joined a European plan, and questioned the Canada-U.S. defense spending balance: "Is that sustainable?"',
            "Mark Carney",
        ),
        # an opening circumstance names no subject, and a verb ends a body's qualifying of a person
        (
            "Speaking to reporters in Moscow, Kremlin spokesman Dmitry Peskov restated Russia's view, stating,"
            ' "It is a matter for Washington."',
            "Dmitry Peskov",
        ),
        # "the U.S. president" is not the Russian president named last
        ('Trump spoke with Russian President Vladimir Putin, a call the U.S. president described as "very good."', "Donald Trump"),
        # an apposition in commas after a name; an initial and an apostrophe inside a name
        ('Frank St. John, Lockheed Martin COO, said "deterrence is a job that never ends."', "Frank St. John"),
        ('Brookings author Michael E. O\'Hanlon argues that it "could protect against limited strikes."', "Michael E. O'Hanlon"),
        # a possessor's words named before the quotation
        ('The ministry said the danger remained, despite Trump\'s assurances the country was "no longer a threat."', "Donald Trump"),
        # a verb of another kind after the quotation does not take it from the verb of speech before it
        (
            'Two people familiar with the planning spoke. One of them said internal estimates ran "well past" the figure the'
            " president gave.",
            "person familiar with the planning",
        ),
        # a group is named as written where it is a proper name ("the Democrats"), in lower case where a sentence opens with it
        ('"We urge you to rein in this plan," the Democrats wrote.', "Democrats"),
        ('Critics say the plan "will never work as promised."', "critics"),
        # ... as are other plain plurals that speak as one, with a word of their own before them and a tense of any kind
        ('Its European allies are now saying "we would rather build our own interceptors."', "allies"),
        ('Defense contractors say the timetable "leaves almost no room for a failed test."', "contractors"),
        # a run-on credit ("according to Japan Today - U.S. Space Force General …") keeps the outlet; a dash is no word
        ('"Talks went well," according to Japan Today - U.S. Space Force General Jane Roe leads the project.', "Japan Today"),
        # participles of speech and "continues"
        (
            "Donald Trump spoke. At a White House briefing, he went further, claiming the shield could prove"
            ' "very close to 100 percent" effective.',
            "Donald Trump",
        ),
        ('Todd Harrison wrote the study. Indeed, he continues, "the price tag only affords a much less capable system."', "Todd Harrison"),
        # an unnamed spokesman keeps the kind of body he speaks for
        ('"We will meet the deadline," a spokesman for the Golden Dome office said.', "Golden Dome office spokesman"),
        # a document of the body named before speaks for it
        (
            'The figures come from a letter the Congressional Budget Office sent to a senator. "The range reflects'
            ' uncertainty about launch costs," the letter said.',
            "Congressional Budget Office",
        ),
        # "citing" a thing is no source; paying is no speech
        ('Mark Carney said more protection is "a good idea for us," citing threats from North Korea.', "Mark Carney"),
        ('Trump claimed that his team would ensure that Ottawa pays its "fair share of the bill."', "Donald Trump"),
        # "he" goes back to the speaker of the finite verb, not of a participle or of a background sentence
        (
            "Despite his attacks on Trump, accusing him of wanting to weaken the country, Mark Carney said cooperation helps."
            ' "We cooperate when necessary," he added.',
            "Mark Carney",
        ),
        (
            "Mark Carney spoke in Ottawa on Wednesday. The remarks came after Trump claimed Canada had called him."
            ' "It is a good idea," he said.',
            "Mark Carney",
        ),
        # single quotation marks, as British and Asian outlets write them
        (
            "‘This goes beyond guarding our own soil,’ said a U.S. defense official, speaking anonymously.",
            "U.S. defense official",
        ),
        # ... and straight single ones, long and with contractions inside, as plain-text feeds carry them
        (
            "'The challenges are cost and political will. We're able to overcome them, but it will take focus,' said Jane Roe,"
            " an analyst at the Centre for Strategic and International Studies.",
            "Jane Roe",
        ),
        # a possessive body before a role: the role's holder, named before, in an apposition, or by the body
        ('Kremlin spokesman Dmitry Peskov spoke first. "We decide," the Kremlin\'s spokesman added.', "Dmitry Peskov"),
        (
            'Sergei Ryabkov spoke first. The Kremlin\'s spokesman, Dmitry Peskov, called it "a matter for the United States."',
            "Dmitry Peskov",
        ),
        ('"We decide," the Kremlin\'s spokesman said.', "Kremlin spokesman"),
        # a body that names whom a spokesperson speaks for gives way to the spokesperson, named by that body
        ('"The winners cannot be named yet," the Space Force spokesperson said.', "Space Force spokesperson"),
        # an unnamed person or group is named by how they know: familiar with, briefed on, close to, with knowledge of
        ('"Nobody has signed anything," said a person familiar with the negotiations.', "person familiar with the negotiations"),
        ('People briefed on the plan said it was "still a sketch on paper."', "people briefed on the plan"),
        ('"The cost will climb," according to people close to the programme.', "people close to the programme"),
        # threats and points made are speech; a verb inverted after an opening phrase, before the quotation
        ('Trump once threatened to "cut every contract the company holds" over the feud.', "Donald Trump"),
        ('Nikkei pointed out that Tokyo could use the plan as a "bargaining chip" in the tariff talks.', "Nikkei"),
        ('President Trump spoke at length. Once it is built, said the president, "nothing will get through it."', "Donald Trump"),
        # two people in one run joined by "and", the second with a title of its own
        (
            "President Donald Trump and SpaceX CEO Elon Musk fell out in June. Musk first accused Trump of ingratitude. He later"
            ' backed down, saying he had gone "much further than I meant to."',
            "Elon Musk",
        ),
        # a curly opening quotation mark closed by a straight one, as some sites' software leaves them
        ('Trump said he would cut tariffs, adding that “we are looking at several key sectors." Firms wait.', "Donald Trump"),
        # of two people joined by "and", "he" is the first; the verb they share is both of theirs, as readers label it
        ('President Donald Trump and Defense Secretary Pete Hegseth unveiled the plan. "It will be built fast," he said.', "Donald Trump"),
        ('President Donald Trump and Defense Secretary Pete Hegseth said the shield was "ready to go."', "Donald Trump and Pete Hegseth"),
        # a list of speakers of one kind, opening its clause, is one voice; not where its first is another verb's object
        ('Russia and China said in a joint statement that the plan was "deeply destabilizing."', "Russia and China"),
        ('Xi Jinping and Vladimir Putin said the project was "deeply destabilizing."', "Xi Jinping and Vladimir Putin"),
        (
            "In a joint statement released Friday, Senate Armed Services Committee Chair Roger Wicker, R-Miss., and House Armed "
            'Services Chair Mike Rogers, R-Ala., said the bill is an investment "in defense priorities."',
            "Roger Wicker and Mike Rogers",
        ),
        (
            '"The shield raises hard questions," Sens. Elizabeth Warren and Tammy Duckworth wrote in a letter.',
            "Elizabeth Warren and Tammy Duckworth",
        ),
        ('Earlier this month, Russia and China criticised it as "deeply destabilizing," stating it risked war.', "Russia and China"),
        # a statement the pair put out speaks for both, its naming participle too, after a span of time counted
        (
            'Just days after the summit, Russia and China released a joint statement branding the plan "wholly reckless" and urging talks.',
            "Russia and China",
        ),
        ('Moscow and Beijing issued a joint statement labeling the shield "a source of unease" in the region.', "Russia and China"),
        ('Russia and China put out a joint statement branding the plan "wholly reckless" on Friday.', "Russia and China"),
        ('Hegseth met Guetlein and Trump said the shield "will work."', "Donald Trump"),
        (
            'He spoke.\n\nRussia and China earlier this month slammed the concept as "deeply destabilising," saying it risked war.',
            "Russia and China",
        ),
        (
            'Because of "the perceived political signal," wrote Raymond Wang and Lachlan MacKenzie in a recent paper, it may matter.',
            "Raymond Wang and Lachlan MacKenzie",
        ),
        ('"It will work," said Hegseth and Guetlein.', "Pete Hegseth and Michael Guetlein"),
        ('"It will work," said Hegseth, and Guetlein agreed.', "Pete Hegseth"),
        # "both countries", "the two leaders": the last two of that kind named, one voice
        (
            "Russia had denounced the plan.\n\nIn a joint statement with China in May, both countries denounced"
            ' the shield as "deeply destabilising".',
            "Russia and China",
        ),
        (
            'Xi Jinping met Vladimir Putin in Moscow. The two leaders said the shield was "deeply destabilizing."',
            "Xi Jinping and Vladimir Putin",
        ),
        # "the chairmen": the last two people named, a few paragraphs back if need be
        (
            "Senate Armed Services Chairman Roger Wicker and House Armed Services Chairman Mike Rogers released the bill on"
            " Monday.\n\n"
            + "The bill sets out eleven priorities, from ships to munitions, and its money would flow at once. " * 10
            + "\n\n“The two committees wrote this bill with the White House to rebuild the military,” stated the chairmen.",
            "Roger Wicker and Mike Rogers",
        ),
        # "they" after a sentence a list of names opens is the list
        (
            "In a note sent to the Defense Department's Inspector General, Senators Jane Roe, Ann Lee, and Tom Ode raised concerns about a"
            ' conflict of interest.\n"Any part he plays in the award raises serious concerns about fairness," they wrote.',
            "Jane Roe, Ann Lee and Tom Ode",
        ),
        ('Russia and China issued a joint statement on Thursday. "The plan is deeply destabilizing," they said.', "Russia and China"),
        (
            'Sens. Elizabeth Warren and Tammy Duckworth wrote to Hegseth. "The contract raises concerns," they wrote.',
            "Elizabeth Warren and Tammy Duckworth",
        ),
        # a titled name and a surname joined by "and" are two people: "the CEO" is the first
        ('Lockheed Martin CEO Jim Taiclet and Hegseth toured the plant. "We are ready," the CEO said.', "Jim Taiclet"),
        # a headline's quotation before a colon is the person's named after it, whatever they do ("rejects")
        ("'Not for sale': Carney rejects Trump's offer\n\nPrime Minister Mark Carney spoke on Tuesday.", "Mark Carney"),
        # a verb of speech denied credits no one: the post quoted is the one the paragraph before introduced
        (
            'Trump posted on Truth Social on Tuesday.\n\n"Canada wants in. They want our protection."\n\nCarney has not responded.',
            "Donald Trump",
        ),
        ('The Pentagon and the State Department said the plan was "on track."', "Pentagon and State Department"),
        # "which" is never a person: the statement a pair signed speaks, not the one of them named last
        (
            "Zakharova noted that Russia and China had condemned the idea in a joint statement signed by Vladimir Putin and Xi Jinping "
            'on May 8, which called the programme "deeply destabilising".',
            "Russia and China",
        ),
        # a phrase of time before the subject of a second verb ("… met with Trump … and firmly told him")
        (
            "Back in early May, Prime Minister Mark Carney sat down with Trump in Washington and plainly told him that Canada "
            "was “not for sale.”",
            "Mark Carney",
        ),
        # a role placed at a body is a new, unnamed person, not the unnamed source named before
        (
            "A U.S. official familiar with the program says the system may have some capability by then.\n\n"
            'The Air Force secretary told lawmakers on Thursday that the shield as a whole is "still only a concept."',
            "Air Force secretary",
        ),
        # ", he said" closing a sentence: whoever the sentence names is what is said ("steered by Guetlein"); nor is a place
        # ("in Silicon Valley") a person
        (
            "Trump dismissed that estimate. The project would be steered by Space Force General Michael Guetlein together with "
            "“the sharpest minds” in Silicon Valley, he said.",
            "Donald Trump",
        ),
        # a post "of" a body before the name; an order as the document that says it
        ('"It only grows," Deputy Chairman of the Security Council Dmitry Medvedev told a Moscow daily.', "Dmitry Medvedev"),
        ('The January 2025 executive order calls for a shield against attacks "from any direction at all."', "executive order"),
        # a document a number names is one, not "Order" with "Executive" for its title
        (
            "According to Executive Order 14186, signed in January 2025, the goal is to protect every citizen from"
            ' "any foreign aerial attack."',
            "Executive Order 14186",
        ),
        (
            "The effort started with an executive order from President Trump in late January, tasking the Pentagon to build a"
            " “shield of the next generation” over the country.",
            "executive order",
        ),
        # verbs of assertion and hope
        ('"There is no system now," Trump asserted at the time.', "Donald Trump"),
        ('Speaking in the Oval Office, Trump hopes the shield will "work before my term ends."', "Donald Trump"),
        # a place in a post's title does not hide the name after it
        (
            'Russia\'s Ambassador to Washington Alexander Darchiev spoke to RIA Novosti. "The plan is destabilizing," the diplomat said.',
            "Alexander Darchiev",
        ),
        # a short phrase in straight single quotation marks, in lower case
        ("The spokeswoman Mao Ning accused the plan of a 'strong offensive nature' on Tuesday.", "Mao Ning"),
        # a description before a body, a role and a name after an inverted verb; not a clause of its own
        ('"It would be incredibly hard," said retired NASA astronaut Sen. Mark Kelly, who spoke next.', "Mark Kelly"),
        (
            'Mark Carney spoke next. Asked directly whether Canada would pay the price Trump has named, he replied: "No."',
            "Mark Carney",
        ),
        # "the report" goes back to whom the text said the report was by
        (
            "The study, Shields and Swords, was written by CSIS senior fellow Jane Roe. She priced six designs."
            ' "The cost depends on coverage," the study said.',
            "Jane Roe",
        ),
        ('The CBO\'s May report was blunt. The Pentagon was silent. "The range is wide," the report said.', "Congressional Budget Office"),
        # a second verb after "and quickly" or "but" is the subject's, not a reported clause's
        (
            'Trump unveiled the plan last week and quickly said Canada wants to join but would have to "pay its share."',
            "Donald Trump",
        ),
        ('Mark Carney confirmed the talks, but stressed it was one of several "options" on the table.', "Mark Carney"),
        # an unnamed representative of a company; not "a representative sample"
        ('A representative from Lockheed Martin said the firm is "ready now" to build it.', "representative from Lockheed Martin"),
        # "they" goes back to a group just named
        ('The industry groups hosting it dropped the panel. "News will come from the government," they said.', "industry groups"),
        # a headline credits a quotation after a colon
        ("'Pay up or join us': Trump to Canada", "Donald Trump"),
        # "It added" after "the report said" is the report, whoever it is by
        (
            "The report was written by AEI senior fellow Jane Roe. It said coverage drives cost. It added that the"
            ' price could move "by hundreds of billions of dollars."',
            "Jane Roe",
        ),
        # a sentence opening with his or her words speaks for him or her
        ('Trump took questions. But his tone showed irritation, saying "as usual we pay for everybody."', "Donald Trump"),
        # likening is speech
        ('Canada\'s ambassador to the UN, Bob Rae, likened it to a "protection racket for allies."', "Bob Rae"),
        # a speaker whose apposition ends before "told X" is the speaker, not the outlet told
        ('"It is not oversight," Sen. Jeff Merkley of Oregon, the top Democrat on the committee, told NPR.', "Jeff Merkley"),
        # a minister's long portfolio before the name
        (
            "Minister for Canada-U.S. Trade and Intergovernmental Affairs Dominic LeBlanc said the talks were"
            ' "about much more than a shield."',
            "Dominic LeBlanc",
        ),
        # "he" after a quotation is the person a sentence opening with a place names, not the speaker before
        (
            "An aide briefed on the test said it had cost more than planned. In Tokyo, Chief Cabinet Secretary Minoru Kihara"
            ' rejected the charge. "We threaten nobody," he told reporters.',
            "Minoru Kihara",
        ),
        # a post held "to" a place before the holder's name; a description leading into the subject of a quoted phrase
        (
            "Canadian envoy to the European Union Anne Leclerc on Friday likened the offer to a 'shakedown dressed up as a deal.'",
            "Anne Leclerc",
        ),
        # a name, then a spokesperson in apposition, is the speaker
        ("'Talks are going well,' Marie Dubois, a spokesperson for Carney, told the CBC.", "Marie Dubois"),
        # a quotation deep in a clause that "said … that" reports is the outer speaker's
        (
            "Trump told reporters on Friday that the Japanese government reached out to his team signalling it wants to take part "
            'in the shield and that he will press Tokyo to make sure it pays its "proper share."',
            "Donald Trump",
        ),
        # a colon introducing the quotation wins over a relay after it
        (
            'Lin Jian, a spokesman, said in June: "Washington is chasing absolute security at others\' cost.", reports the Mirror US.',
            "Lin Jian",
        ),
        # a lawmaker's party and state in commas; a title after the comma of an apposition; a place before a title
        ('"It is a fantasy," Rep. Dana Whitfield, D-Ore., said in an interview.', "Dana Whitfield"),
        ('The ranking member, Rep. Dana Whitfield, called the plan "a fantasy."', "Dana Whitfield"),
        (
            'Guard members provide "round-the-clock security for the interceptors," according to Oregon Gov. Dana Whitfield.',
            "Dana Whitfield",
        ),
        # a quoted sentence opening with a pronoun is no title, whatever its capitals
        ('"It is not Iron Dome," said Sen. Dana Whitfield, a former Navy pilot.', "Dana Whitfield"),
        # "she" with no one known to be a person: the name the sentence before opens with, not the company it names
        ('Dana Whitfield runs Orbitworks Grumbach. "We are ready," she told analysts.', "Dana Whitfield"),
        # a company the excerpt never introduced, speaking after an opening phrase
        ('In its filing, Orbitworks said it was "well positioned to deliver at scale."', "Orbitworks"),
        # a document that speaks through its words
        (
            'Months later Trump signed an executive order, instructing the Pentagon to plan against "catastrophic aerial '
            'attacks of every kind."',
            "executive order",
        ),
        ('One section of the proposal "funds a first tranche of the shield this year."', "proposal"),
        (
            'The budget proposal adds money for what the document calls a "next-generation shield for the whole homeland."',
            "budget proposal",
        ),
        # more verbs real coverage hangs on a quotation
        ('Trump spoke to reporters. "Canada has called us, and they want in," he alleged.', "Donald Trump"),
        ('The network will carry what the Space Force refers to as "fast, secure data transport for the whole fleet."', "US Space Force"),
        # a lone surname an excerpt never introduced, right after a quotation and its verb, or before its verb
        ('"We submitted proposals for interceptors and other emerging technologies," said Taiclet.', "Taiclet"),
        ('"We are changing how we spend our research money at this company," Taiclet said.', "Taiclet"),
        ('"We are ready to build at scale," Taiclet told analysts on a call.', "Taiclet"),
        # ... or after a person's role, the role's body before it (and the live-blog shorthand for a spokesperson)
        ('"Any state that sees a threat builds defences," said Kremlin spokesman Orlov.', "Orlov"),
        ("'Any state that sees a threat builds defences,' added Kremlin spox Orlov.", "Orlov"),
        # ... or between a sentence's two halves, the second a quotation
        ('That may not make it a wise buy, said Ostrander, "but the physics allows it."', "Ostrander"),
        # ... or after a quotation, its verb and the possessive of the body the person is at
        ('"Both plans rest on weapons in orbit," observes Brightwater College\'s Ostrander. He doubts either works.', "Ostrander"),
        # a participle goes on with the verb of speech right before it, not with whatever the sentence opens with
        (
            "US plans for a shield would spark a race in orbit, Pyongyang has claimed, calling Washington 'a reckless bully'.",
            "North Korea",
        ),
        # a post and its holder's title between the verb and the name
        ('"The work has barely begun," said Chief of Naval Operations Adm. Ruth Okafor.', "Ruth Okafor"),
        # a country's name opening an agency's is the agency's, and a document by a body speaks for it
        ('A report by the US Defense Intelligence Agency warns of "growing missile threats."', "US Defense Intelligence Agency"),
        # ... and so is a country's name opening an armed service's
        ('Most rockets were stopped, but "a handful got through," according to the Israel Defense Forces.', "Israel Defense Forces"),
        ('The radar "can pick out an object the size of a car," the U.S. Air Force says.', "U.S. Air Force"),
        ('A Japan Air Self-Defense Force spokesman said the radar "is ready for the next test."', "Japan Air Self-Defense Force"),
        ('Few were surprised. A study by the Congressional Budget Office found that "costs would rise."', "Congressional Budget Office"),
        # a role speaking after a comma describes no name before it; "the company" is no government body
        (
            'Rocket Lab bought Geost for $460 million.\n\nThese were "core capabilities" for the Pentagon\'s planned '
            "constellation, as well as for the Dome, the company said on its website.",
            "Rocket Lab",
        ),
        # a document from a body under a ministry speaks for the ministry, not the agency that relayed it
        (
            "North Korea attacked the project, according to a report from the state-run Korean Central News Agency. A memo from a "
            'policy institute under North Korea\'s Foreign Ministry has labeled the U.S. shield "a plan for nuclear war in space."',
            "North Korea's Foreign Ministry",
        ),
        # a country's possessive makes a ministry that country's, not the codebook's bare "Ministry of Foreign Affairs"
        (
            "North Korea's Ministry of Foreign Affairs released a memorandum on Sunday. \"The hegemonic power is brutally scheming to use "
            'its followers as shields," the ministry said.',
            "North Korea's Ministry of Foreign Affairs",
        ),
        # "they" is a plural group named in the paragraph before, not a singular body named since
        (
            "In a letter, senators raised concerns about Hegseth and his department, the Pentagon.\n\n"
            '"His participation in any process to award a contract raises serious concerns," they wrote.',
            "senators",
        ),
        # a joint statement speaks as itself, none of its signatories alone: by its own verb or participle, as "the
        # statement" and as "it"; "the two countries" are those of the two leaders just named
        (
            "After talks in Beijing between Russia's president and China's president, the two leaders released a joint "
            'statement. According to the statement, the shield seeks "total dominance in orbit."',
            "joint statement",
        ),
        ('Putin and Xi signed a joint statement calling the shield "a grave threat to stability."', "joint statement"),
        (
            'A joint statement released after the summit between the two presidents described the plan as "deeply destabilizing."',
            "joint statement",
        ),
        ('The joint statement was long.\n"The so-called shield will fuel an arms race," it says.', "joint statement"),
        (
            "Beijing and Washington traded words. After a summit in Moscow between Russian President Vladimir Putin and visiting "
            'Chinese President Xi Jinping, the two countries said the shield was "a threat."',
            "Russia and China",
        ),
        # a sentence adverb and a phrase of time before the subject whose clause quotes the words
        (
            "Separately, earlier this month, the Space Force chose Rocket Lab for a deal aimed at a “hardened relay layer in orbit.”",
            "US Space Force",
        ),
        # a participle of a document's after the document its subject issued is the document's; not "saying"
        (
            "The president issued an executive order authorizing the shield, citing a danger that “has grown more acute with new"
            " delivery systems of our rivals.”",
            "executive order",
        ),
        ("Trump signed an executive order in January, saying “we will build the greatest shield ever made.”", "Donald Trump"),
        # an executive order's abbreviation and another verb of its clause before the one that quotes it
        (
            'Days after taking office, he signed an order (EO) that set out a new policy and called for "a shield over the whole country."',
            "executive order",
        ),
        # what someone describes a thing as is their words, whatever else the sentence says
        ('The administration has asked for what Politico describes as "the largest jump in a generation" in spending.', "Politico"),
        # after a quotation closing with a question mark, its credit is the next words however long the sentence runs
        (
            '"How do we join systems built for different missions into one?" Guetlein asked at a fireside chat hosted by a'
            " space group in Colorado on the afternoon of his confirmation.",
            "Michael Guetlein",
        ),
        # a list opened by a plural title; "the lawmakers" after a list of them, however far on, and "they" after that;
        # "along with" joins a list, and a title's stop ends no sentence
        (
            "Senators Elizabeth Warren, Cory Booker, and Tammy Duckworth replied in a letter to the inspector general.\n\n"
            '"His role raises serious concerns," they wrote.',
            "Elizabeth Warren, Cory Booker and Tammy Duckworth",
        ),
        # a speaker's sentence with a word in lower case is speech, however many names it holds
        ('"President Reagan promised SDI, the Strategic Defense Initiative," Hegseth said at the forum.', "Pete Hegseth"),
        # the one a fronted phrase is about is not the pronoun after it
        (
            'President Donald Trump spoke to reporters.\n\nReferring to NATO chief Mark Rutte, he went on: "Europe needs it too."',
            "Donald Trump",
        ),
        # "As X summarized, the remarks were '…'": what the remarks are said to be is X's description of them
        ("As Politico's Jane Roe summarized it, the senator's comments were \"a long, angry rant.\"", "Jane Roe"),
        # a post alone in apposition is its holder's, not a name ("King" stays a surname)
        (
            'Later, Sergey Ryabkov, Deputy Foreign Minister, indicated in Beijing that Russia would take "compensatory measures."',
            "Sergey Ryabkov",
        ),
        (
            'Sen. Angus King questioned Guetlein.\n\nGuetlein said it would come in blocks. "Blocks of what total?" King asked.',
            "Angus King",
        ),
        # a capitalised title between the body and the name; an unnamed source privy to something
        ('"We are nearly there," said House Armed Services Committee Chairman Jane Roe, R-Utah, at a breakfast.', "Jane Roe"),
        (
            'Reporters quoted a US official privy to the planning. "It may have some capability by then," the official said.',
            "US official privy to the planning",
        ),
        # a body before a role and a name after the verb only qualifies the role
        ('"Few changes were needed," said Missile Defense Agency spokesman Jane Roe, as per Defense One.', "Jane Roe"),
        # a sentence's verb of speech before another verb's subject, for a quotation standing alone after it
        (
            "Gen. Stephen Whiting spoke at the symposium. Rivals have upped their game, he said, and the command must too."
            ' "Space is a contested domain now."',
            "Stephen Whiting",
        ),
        # an unnamed source is named by all it is said to know of, and "the source familiar with …" is one too
        (
            '"It is still just a concept," one source familiar with early planning for the shield said.',
            "source familiar with early planning for the shield",
        ),
        ("Above all, 'the budget is thin,' the official familiar with the talks said.", "official familiar with the talks"),
        # a time fronting the sentence is no subject of a participle; a role of three words before a name
        ('Last week during a trip to Ottawa, Defence Minister Anne Cole said Canada was keen, saying the plan "is sensible."', "Anne Cole"),
        ('"Space is the high ground," explained missile defense analyst Jane Roe.', "Jane Roe"),
        # a list of speakers with an aside between it and its verb speaks through the participle too
        (
            "In their first reply, China, North Korea and Russia, longtime rivals of Washington, have all objected to the shield,"
            ' arguing that it is "a step toward war."',
            "China, North Korea and Russia",
        ),
        # one who disagrees speaks the quotation that follows
        (
            'Sen. Angus King said the plan was a fantasy. Gen. Michael Guetlein disagreed.\n"We know what it costs, and we will say."',
            "Michael Guetlein",
        ),
        # "she" is never a person the codebook knows as "he"
        ('Trump\'s claim was disputed by Laura Grego. "The physics has not changed," she said.', "Laura Grego"),
        ('The study\'s co-author, Laura Grego, disputed Trump\'s claim. "The physics has not changed," she said.', "Laura Grego"),
        # a nation's word before a role takes the person introduced as of that nation
        (
            'Canadian Prime Minister Mark Carney met President Donald Trump. "We will decide for ourselves," the Canadian leader said.',
            "Mark Carney",
        ),
        # curly marks typed on the wrong side are read as the side they stand on: closed with an opening mark, opened low
        (
            "China's foreign ministry spokeswoman Mao Ning said the plan was “a serious threat to global stability“, and urged restraint.",
            "Mao Ning",
        ),
        ("Sen. Jack Reed kept his „serious reservations about the schedule” after the hearing.", "Jack Reed"),
        # unnamed people keep the words that say which they are; a common word is in lower case wherever it stands
        ('Army officials said the general\'s talk will stress "the value of layered defense."', "Army officials"),
        ('Defense officials described the plan as "a layered architecture."', "defense officials"),
        ('Greenlandic leaders stress that their island "is no bargaining chip" at all.', "Greenlandic leaders"),
        # ... by a country's name as by its adjective, after "according to" too: the officials, not the country
        ('U.S. officials said the radar site "could be running within two years."', "U.S. officials"),
        ('According to US officials, the radar site "could be running within two years."', "US officials"),
        ('Congressional aides said the vote would be "very close" this week.', "congressional aides"),
        ('But officials called the schedule "premature."', "officials"),
        # a present verb of feature writing, and a person placed by a body's possessive after it
        ('"The two programs share one idea," observes Ann Marlow.', "Ann Marlow"),
        ('"The two programs share one idea," says Leeds University\'s Ann Marlow.', "Ann Marlow"),
        # a title's capitals after "the" are the role, not a name: the person introduced with it
        ('Prime Minister Ravi Anand spoke at the parade. "It will be built at home," the Prime Minister declared.', "Ravi Anand"),
        # a place after the body a person is described at is no speaker; a person after a post placed somewhere is
        ('Mara Quill, a researcher at Brightwater College, North Carolina, puts it bluntly: "It is a distraction."', "Mara Quill"),
        ('At the time, "allies and rivals were suddenly united," a former attache in Washington, Stan Orrin, writes.', "Stan Orrin"),
        # verbs of worrying, clarifying and making clear
        (
            'The plan is nearly done, yet the Defense Department is making it clear it intends to "rigorously" avoid'
            " sharing details.",
            "Pentagon",
        ),
        # a body's leaders speak for it, as its officials do
        ('The agency chose twelve firms, while Space Force leaders warn the system "could prove unaffordable."', "US Space Force"),
        # a body's document speaks for it: by its verb, as the reckoning a sentence goes by, or as where words were stated
        (
            "The Congressional Budget Office released its study on Tuesday. The agency's statement underscores a key limit:"
            ' even a large build "would not be impenetrable," especially against big attacks.',
            "Congressional Budget Office",
        ),
        (
            'Under the CBO\'s notional design, the system would "be able to defeat a small attack."',
            "Congressional Budget Office",
        ),
        ('As stated in the Congressional Budget Office report, "the system would be costly."', "Congressional Budget Office"),
        # a passive of calling, its agent after the words; and "framed … as"
        ('The plan has been termed a "gold-plated fantasy" by Sen. Ann Brook, a Democrat.', "Ann Brook"),
        ('Beijing has framed the plan as a renewed push to "weaponize space."', "China"),
        # what a possessor set out, quoted after "timeline of", is the possessor's words
        (
            'President Donald Trump spoke on Tuesday. Jane Roe said the president\'s stated timeline of "three years at most" is far'
            " too hopeful.",
            "Donald Trump",
        ),
        ("The shield will take longer than Mr Trump's hopeful timeline of \"three years at most\".", "Donald Trump"),
        # a lone surname after "according to", described by a post, is a person "he" stands for after
        (
            'According to Garretson, a leading advocate, the shield could force rivals to rethink. "It makes their forces a'
            ' wasting asset," he stated.',
            "Garretson",
        ),
        # "the country's" body, where only a body of that country was named before
        (
            "According to Iran's state media, the country's foreign ministry condemned the shield as \"reckless.\"",
            "Iran's foreign ministry",
        ),
        # a quotation in a second that-clause is the first verb of speech's, past a finite verb and a participle
        (
            "Tom Bale said the Danish cabinet had written to his office, signalling it wants in, and that he will see that"
            ' Denmark pays "a fair price."',
            "Tom Bale",
        ),
        # ... but a participle right on the first verb's object keeps its own
        (
            'Jane Roe wrote a column. She goes on to quote Gen. Ann Lee saying the office is frugal and that the budget office "priced'
            ' old parts."',
            "Ann Lee",
        ),
        # a body, then "which has" and a verb of speech: the body's words, a phrase it frames a thing as among them
        ('The plan drew fire from Beijing, which has framed it as a bid to "militarize orbit."', "China"),
        # "the statement" is the body's that a sentence opening "In a separate statement," names
        (
            "In a separate statement, the Prime Minister's Office said talks on NORAD would go on. The country \"will stay"
            ' independent,\" the statement said.',
            "Prime Minister's Office",
        ),
        # a post "in charge" is named by the apposition after it, and "he" after it is the one named there
        (
            'Sen. Tom Reyes spoke in June.\n\nThe general in charge, Dan Okafor, is capable. He has told senators he will give'
            ' them "full visibility" into what he buys.',
            "Dan Okafor",
        ),
        # ... and a sentence holding "in charge" after a lone quotation says nothing of who spoke it: no price is charged
        (
            'Sen. Tom Reyes, the committee chairman, said as much in June.\n\n"Nobody is writing a blank check here."\n\nThe'
            " general in charge, Dan Okafor, is by most accounts a capable officer.",
            "Tom Reyes",
        ),
        # a publication's own piece speaks for the publication
        ('An editorial in The Harbour Post called the shield "an expensive dream that leaves the country poorer."', "Harbour Post"),
        # a stock ticker after a company's name is no name: the company speaks past it
        ('Harbour Dynamics (NYSE: HBD) said the award is "a vote of trust in our sensors."', "Harbour Dynamics"),
        # the agent of a passive verb of praise or blame, before the words or after them
        ('Jim Roe, who was introduced by Governor Ada Voss as a "tireless friend of the base," spoke next.', "Ada Voss"),
        ('Gen. Ann Lee was praised as "the one officer fit for the job" by Governor Ada Voss.', "Ada Voss"),
    ],
)
def test_the_speaker_is_found_from_the_grammar_of_the_sentence(text, speaker, grammar):
    assert speakers(text, grammar) == [("quotation", speaker)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an excerpt that opens on "he", naming no one before, is about the person it names most
        (
            "Speaking to reporters after the summit, he said: “We will have the shield up before the vote.”\nLars Holm of"
            " Denmark said talks would go on. Mr Bale has called the shield vital.\nCritics say President Tom Bale wants too"
            " much, too soon.",
            "Tom Bale",
        ),
        # ... but no one where two people are named as often
        (
            "Speaking to reporters after the summit, he said: “We will have the shield up before the vote.”\nLars Holm"
            " and Tom Bale met again. Holm said talks would go on; Bale called the shield vital.",
            "",
        ),
    ],
)
def test_he_opening_an_excerpt_is_the_person_it_names_most(text, speaker, grammar):
    assert speakers(text, grammar)[0] == ("quotation", speaker)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # whatever the other quotation says: its "whether" opens no clause between the first and the verb
        (
            "The shield is meant to “guard the country” against “drones and missiles, whether they carry conventional"
            " or nuclear warheads,” Pete Hegseth, the defense secretary, explained.",
            "Pete Hegseth",
        ),
        # a participle hangs on the clause's subject, not on the relay the sentence opens with
        (
            "According to Iran's state media, the country's foreign ministry denounced the plan as a sign of \"arrogance,\""
            ' asserting that it shows a wish to "arm outer space."',
            "Iran's foreign ministry",
        ),
        # a credit closes its sentence though a clause of when follows it
        (
            "The system would cost roughly $175 billion and be ready “in under three years” with “a success rate near 100%,”"
            " President Donald Trump declared on Wednesday as he laid out the plan.",
            "Donald Trump",
        ),
    ],
)
def test_two_quotations_the_verb_after_them_credits_are_the_same_speakers(text, speaker, grammar):
    assert speakers(text, grammar) == [("quotation", speaker)] * 2


def test_a_spokesman_is_the_person_not_his_country(grammar):
    text = (
        "Kremlin spokesman Dmitry Peskov spoke on Wednesday. "
        '"Every country builds what it can," Peskov told reporters. "We see nothing unusual in it," he added.\n\n'
        '"Talks on stability will have to resume."\n\n'
        'Asked about the timing, the spokesman said it was too early. "Any conclusion would be premature," the spokesman said.'
    )
    assert speakers(text, grammar) == [("quotation", "Dmitry Peskov")] * 4


def test_a_post_quoted_in_full_belongs_to_whoever_the_next_sentence_says_wrote_it(grammar):
    text = (
        "President Donald Trump raised the price again on Monday.\n"
        '"Canada can have the shield for $71 billion, or for free as our 51st state. Their choice!"\n'
        "He wrote the post on Truth Social shortly after midnight."
    )
    found = analyse(text, grammar)
    assert [(q.kind, found.name(q.entity), q.how) for q in found.quotations] == [("quotation", "Donald Trump", "next sentence")]
    owner = owner_of_span(found, text.index("$71"), text.index(" billion, or"))
    assert (owner.name, owner.how) == ("Donald Trump", "quotation")


def test_a_quotation_standing_alone_after_a_sentence_about_someone_who_spoke_is_theirs(grammar):
    text = (
        'Rep. Seth Moulton has been a critic.\n\n"This is a boondoggle for contractors," Moulton said on Tuesday.\n\n'
        "The Massachusetts Democrat sits on the Armed Services Committee.\n\n"
        '"We have no idea what we are buying."'
    )
    found = analyse(text, grammar)
    assert [(found.name(q.entity), q.how) for q in found.quotations][1] == ("Seth Moulton", "continuation")
    # ... not someone who has not spoken: a quotation after a sentence about another person stays unattributed
    other = text.replace("The Massachusetts Democrat sits", "Gen. Michael Guetlein sits")
    assert analyse(other, grammar).quotations[1].entity < 0


def test_the_company_is_the_company_named_before_even_where_its_name_reads_like_a_persons(grammar):
    text = 'The Pentagon named the winners. Lockheed Martin reported earnings on Tuesday. "We are ready," the company said.'
    assert speakers(text, grammar) == [("quotation", "Lockheed Martin")]


def test_drafting_a_law_is_not_speech(grammar):
    found = analyse("The appropriators writing next year's defense bill should withhold the money.", grammar)
    assert found.attributions == [[]]


def test_a_quotation_carrying_on_its_paragraphs_speaker_is_not_the_next_paragraphs(grammar):
    text = (
        'Sen. Jeff Merkley said the report confirmed his fears. "The promise was a bargain," he told reporters. "Somebody'
        ' will make a fortune on this."\n\nRepublicans defended the program.'
    )
    assert [name for _, name in speakers(text, grammar)] == ["Jeff Merkley", "Jeff Merkley"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an excerpt that stops in the middle of a word stops the quotation it was in: still a quotation, still hers
        (
            'Gen. Ann Ruiz spoke to the committee on Tuesday. "The sensors are ready," she said.\n\n'
            '"What we still lack is a way to pay for the interceptors over the long ru',
            [("quotation", "Ann Ruiz"), ("quotation", "Ann Ruiz")],
        ),
        ("Kenji Mori closed the briefing, adding, \u201cThe radars will be built in Japan and then shi", [("quotation", "Kenji Mori")]),
        # the same with straight single marks, as plain-text feeds write them
        (
            "Ann Ruiz also said the shield 'will put sensors on land, at sea and in orbit, including space-based tra",
            [("quotation", "Ann Ruiz")],
        ),
        # a page that forgot the closing mark at the end of a sentence and paragraph
        (
            "As retired Gen. Lena Ortiz explains, radars placed further north \u201cwould let us see over the pole.\n\nTalks go on.",
            [("quotation", "Lena Ortiz")],
        ),
        # a heading run into a paragraph ends in a capital: a stray mark before it opens no quotation
        ('Aso said the talks went well. "We agreed on the basics. Key Dates\n\nThe talks resume in May.', []),
        # a straight single mark closed by a double one, as some re-typed pages write them
        (
            "Spokeswoman Maria Zakharova said the plan 'represented a direct disruption to the foundations of stability.\"",
            [("quotation", "Maria Zakharova")],
        ),
        ("He played rock 'n' roll all night, \"loud and proud,\" he said.", [("term", "")]),
        # a straight single mark opening a sentence after another, the paragraph's end leaving it unclosed
        (
            "Former prime minister Scott Morrison spoke in Sydney.\n'Space is now a frontline in the rivalry,' he said. 'To obtain"
            " control of the domain, major powers are building offensive capabilities.\n",
            [("quotation", "Scott Morrison"), ("quotation", "Scott Morrison")],
        ),
        # a long phrase in straight single marks; a paragraph opening its mark with a space; acute accents as marks
        (
            "Trump said the shield would stop 'hypersonic missiles, ballistic missiles and advanced cruise missiles alike'.",
            [("quotation", "Donald Trump")],
        ),
        (
            "Donald Trump spoke at length.\n\n' Once it is finished, the shield will stop missiles fired from anywhere,' Trump went on.\n",
            [("quotation", "Donald Trump")],
        ),
        ("Researchers such as Laura Grego call the task ´extremely difficult´ and costly.", [("quotation", "Laura Grego")]),
        # a quotation closed with an opening mark by mistake, its credit after it
        (
            "“The threat demands action,” said Rep. Dale Strong.\n\n“North Alabama has led every program,“ continued Strong, citing"
            " Redstone.",
            [("quotation", "Dale Strong"), ("quotation", "Dale Strong")],
        ),
        # a quotation opened with a closing mark by mistake; one opened mid-paragraph that the excerpt's end cuts
        ("Saltzman spoke. ”I am struck by how inventive the industry is,” Saltzman said.", [("quotation", "Saltzman")]),
        (
            "Senator Jane Roe stated: “Our rivals have built faster missiles in recent years. We must answer them with a shield.\n",
            [("quotation", "Jane Roe")],
        ),
        # ... or cut after a comma, in the paragraph that opens it or at the end of a sentence before
        ("The chairman praised the bill.\n“This bill is about the future of our defense, building now, ", [("quotation", "the chairman")]),
        ("Oren Gal wants in, saying Israel could help. “With an ally this close, it can be done,", [("quotation", "Oren Gal")]),
        # a paragraph whose opening mark the page lost, closed and credited after it
        (
            "President Donald Trump spoke first.\n\nWe have picked a design for this system that will put sensors on land and"
            " in orbit,” said the president.\n",
            [("quotation", "Donald Trump")],
        ),
    ],
)
def test_a_quotation_cut_off_by_the_end_of_an_excerpt_is_still_read(text, expected, grammar):
    assert speakers(text, grammar) == expected


def test_a_quotation_standing_alone_continues_the_voice_before_it(grammar):
    text = (
        "Todd Harrison, a defense budget analyst, has modeled the cost. "
        '"The range is wide because the design is unknown," Harrison said. "Nobody can price a secret."'
    )
    assert speakers(text, grammar) == [("quotation", "Todd Harrison"), ("quotation", "Todd Harrison")]


def test_pronouns_go_to_the_last_person_named_not_to_a_platform(grammar):
    text = (
        "Laura Grego of the Union of Concerned Scientists testified. "
        'In a post on Truth Social, she called the layer "a bet against physics."'
    )
    assert speakers(text, grammar) == [("quotation", "Laura Grego")]


def test_a_relaying_outlet_is_kept_apart_from_the_speaker(grammar):
    text = 'North Korea\'s foreign ministry called the plan "a scheme to turn space into a battlefield," according to the official KCNA.'
    assert speakers(text, grammar) == [("quotation", "North Korea's foreign ministry")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('The president signed an order titled "The Iron Dome for America" in January.', "term"),
        ('Its report, "Potential Costs of a National Missile Defense System," came out in May.', "term"),
        ('The so-called "Golden Dome" would cover the whole country.', "term"),
        ('The shield is meant to be "layered", with sensors in orbit.', "term"),
        (
            "Trump's ‘golden dome' shield opens a door for allies, said the former prime minister.",
            "term",
        ),  # a scare-quoted word nobody is said to have said
        # a technical term of the story's codebook, even inside someone's reported words
        ('Analysts said the satellites must strike missiles in their "boost phase," soon after launch.', "term"),
        ('Peskov called the shield "a sovereign matter for the United States."', "quotation"),
        ('"That is the job," Guetlein said.', "quotation"),
        # ... but a name someone is said to call a thing is their words, as readers label it
        ('Though critics call it a new "Star Wars" program, the administration disagrees.', "quotation"),
        ('Critics have called it "Star Wars 2.0."', "quotation"),
        # (a technical term of the codebook stays one: counted on unseen real pages, crediting it made two false quotations)
        ('The Pentagon plan is what experts call a "system of systems."', "term"),
        ('Detractors have dubbed the project "Star Wars."', "term"),
        # a short name filling a bracket after a noun, and words quoted to be talked about, are terms
        ('The agency said it will count every warhead core ("pit") it makes next year.', "term"),
        ('The Defense Department (now the "War Department") said the award was final.', "term"),
        ('Officials, the minister said, avoided the words "space weapons" at the meeting.', "term"),
    ],
)
def test_names_titles_and_scare_quotes_are_terms_not_quotations(text, kind, grammar):
    assert speakers(text, grammar)[0][0] == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a phrase quoted in a person's or body's own clause, without a verb of speech, is theirs
        ('Senator Ellen Park has long opposed the layer and last week warned of "a blank check in orbit."', ("quotation", "Ellen Park")),
        ('Testifying in April, Gen. Dana Holt compared the effort to "a moonshot with a deadline."', ("quotation", "Dana Holt")),
        ('The Missile Defense Agency is pressing industry to "move at the speed of need."', ("quotation", "Missile Defense Agency")),
        # ... but not past a subordinate clause, not a pair's, not inside a reported clause, not a country's policy
        ('As Japan expands its satellite fleet, the Space Force has named it one of its "closest partners."', ("term", "")),
        ('Trump and Ishiba discussed "supply chain resilience" at the summit.', ("term", "")),
        ('Reports suggest that Trump may appoint a "czar" for the shield.', ("term", "")),
        ('Japan decided in 2022 to acquire a "counterstrike capability" for its forces.', ("term", "")),
    ],
)
def test_a_phrase_quoted_in_someones_own_clause_is_theirs(text, expected, grammar):
    found = analyse(text, grammar)
    assert [(q.kind, found.name(q.entity)) for q in found.quotations] == [expected]
    assert [q.how for q in found.quotations] == ["clause subject" if expected[1] else "none"]


def test_words_quoted_in_a_sentence_naming_no_one_carry_on_the_voice_before(grammar):
    text = (
        "The Union of Concerned Scientists said the numbers do not add up. "
        'A single modern missile could need "well over a thousand interceptors" to stop.'
    )
    found = analyse(text, grammar)
    assert [(found.name(q.entity), q.how) for q in found.quotations] == [("Union of Concerned Scientists", "previous sentence")]
    # ... not where the sentence names someone, nor for a sentence the quotation opens (its speaker is after it)
    other = text.replace("A single", "The Pentagon says a single")
    assert [analyse(other, grammar).name(q.entity) for q in analyse(other, grammar).quotations] == ["Pentagon"]
    opening = text.replace(
        'A single modern missile could need "well over a thousand interceptors" to stop.',
        '"We would need well over a thousand," one engineer told me.',
    )
    assert [q.how for q in analyse(opening, grammar).quotations] != ["previous sentence"]


def test_a_term_has_no_speaker_and_short_quotes_with_a_speaker_are_speech(grammar):
    assert quote_kind("Golden Dome", "the so-called ", False, grammar) == "term"
    assert quote_kind("firmly opposes", "Beijing ", True, grammar) == "quotation"


@pytest.mark.parametrize(
    ("text", "owner", "relay"),
    [
        (
            "Defense News reported that the Congressional Budget Office estimates the cost at $1.2 trillion.",
            "Congressional Budget Office",
            "Defense News",
        ),
        (
            "According to Bloomberg, which cited people familiar with the matter, the Pentagon puts it at $210 billion.",
            "Pentagon",
            "Bloomberg",
        ),
        ("The Congressional Budget Office put the interceptor layer at $743 billion.", "Congressional Budget Office", ""),
        ("The budget office's estimate of $542 billion covered only one layer.", "Congressional Budget Office", ""),
        ("Moscow responded to Donald Trump's claim that his $175 billion shield is ready.", "Donald Trump", ""),
        ("The system, which is estimated to cost $175 billion, will take years.", "", ""),
        # a body that decides on money, plans it or asks for it, as its sentence's subject, gives the figure in its clause
        # (an award is a fact the outlet reports, no one's estimate)
        ("The Space Development Agency awarded $3.5 billion in December for 72 tracking satellites.", "", ""),
        ("The administration plans to allocate approximately $175 billion for the project.", "the administration", ""),
        ("Lockheed Martin won a $2 billion share of the work.", "", ""),  # winning money is no decision on it
        # an opening phrase of purpose; an auxiliary between two names ends the first one's run of titles
        (
            "To get around a stalemate, the White House is asking Republicans to use reconciliation for $350 billion of that.",
            "White House",
            "",
        ),
        ("The Liberals committed to add more than $30 billion in new defence spending.", "Liberals", ""),
        # an aim; a request's participle after the clause; a place the subject sits in, being about to
        ("Northrop Grumman aims to win $12 billion of the interceptor work by 2028.", "Northrop Grumman", ""),
        (
            "The Missile Defense Agency released the biggest budget in its history Friday, asking the Senate to fund $9 billion.",
            "Missile Defense Agency",
            "",
        ),
        ("The Liberals in the House of Commons are preparing to propose another $20 billion for radars.", "Liberals", ""),
        # a wire story's dateline is not the sentence's opening
        (
            "\n\nDENVER, Colo. — The Space Development Agency plans to spend $3.5 billion on 72 tracking satellites.",
            "Space Development Agency",
            "",
        ),
        ("The Space Development Agency awarded the work, but contractors expect $3 billion more.", "", ""),
        # "issued estimates indicating", "and has requested"; a verb after a contrasting clause is not the figure's
        (
            "In response, the Congressional Budget Office issued estimates indicating that a limited system could cost $542 billion.",
            "Congressional Budget Office",
            "",
        ),
        ("Donald Trump pitched the shield as a bargain and has requested an initial $25 billion.", "Donald Trump", ""),
        ("The budget stands at $175 billion, though some analysts say the real cost could exceed $500 billion.", "", ""),
        # a dated document speaks for its body; "noted" is not the document word "note"
        ("A July Pentagon presentation indicated that each award would be about $120,000 apiece.", "Pentagon", ""),
        ("The Space Force noted that deals below $9 million do not have to be made public.", "US Space Force", ""),
        # a document's reader between it and its verb; values printed in a document are no thing cited
        ("A Pentagon briefing in June seen by Reuters indicated the awards would run about $120,000 each.", "Pentagon", ""),
        (
            "The service awarded two contracts worth $10 million, according to values printed in a Pentagon slide deck, the sources said.",
            "Pentagon",
            "",
        ),
        # what follows a colon elaborates on the body the sentence opens with
        (
            "The CBO makes the interceptor layer the main driver: building 7,800 of them would cost about $723 billion.",
            "Congressional Budget Office",
            "",
        ),
        # a source named before a spender keeps the figure; a possessive's "cost of"
        ("According to the CBO, the U.S. could end up spending as much as $542 billion on the layer.", "Congressional Budget Office", ""),
        ("It would cost far more than Trump's stated cost of $175 billion.", "Donald Trump", ""),
        ("A system meeting Trump's goals would cost about $1.2 trillion, the study found.", "Congressional Budget Office", ""),
        # a verb of requesting after an intention
        ("In the regular budget, the administration intends to request some $260 billion for buying weapons.", "White House", ""),
        # a relative clause closed before the verb; a date inside a body's document; "according to" before a time
        (
            "Jane Roe, who was budget chief under President George W. Bush, estimated in a column that it could cost $90 billion a year.",
            "Jane Roe",
            "",
        ),
        ("The Pentagon's May 2 budget rollout detailed a procurement account of nearly $250 billion.", "Pentagon", ""),
        (
            "The shield will now cost $190 billion, an increase of $15 billion, according to the program's director on Monday.",
            "the director",
            "",
        ),
        # a body named among several's estimates; where the subject spoke, between it and its verb; "earmarked"
        (
            "Several studies, among them reports, including those by the Congressional Budget Office, place the cost far higher, from"
            " $400 billion to $900 billion.",
            "Congressional Budget Office",
            "",
        ),
        ("Trump speaking at the White House announced a first tranche of $20 billion for the project.", "Donald Trump", ""),
        ("The White House had earmarked $180 billion, with lawmakers approving $20 billion in the summer.", "White House", ""),
        # a verb in an aside closed before the figure is not the clause's; a giver changing its own figure; an unveiling
        ('Trump put the cost of the shield—which Moscow called "reckless"—at around $175 billion.', "Donald Trump", ""),
        ("The Pentagon has raised its cost projection for the shield by $10 billion, to $185 billion.", "Pentagon", ""),
        ("President Donald Trump unveiled a $175 billion plan for the shield on Tuesday.", "Donald Trump", ""),
        # an aside in dashes right before the verb is no part of its subject
        (
            "President Trump — flanked by Hegseth and Sens. Jim Banks and Dan Sullivan (Alaska) — announced that the system"
            " would cost $175 billion.",
            "Donald Trump",
            "",
        ),
        # "mentioned that", and the participle "calculating" after "with"
        ("Trump spoke at length. He also mentioned that the whole system would cost about $175 billion.", "Donald Trump", ""),
        (
            "The sensors would circle the Earth, with the Congressional Budget Office calculating that it all might reach $831 billion.",
            "Congressional Budget Office",
            "",
        ),
        # whoever dismisses others' estimates does not give the figure they put forward
        ("Hegseth dismissed outside estimates that have projected the shield could top $2 trillion.", "outside estimates", ""),
        # a study's maker in commas speaks through it; a body's report "which estimates"; "proposed by" a chief
        (
            "One of them, conducted by the right-leaning American Enterprise Institute, suggests that Americans could spend $3.6 trillion.",
            "American Enterprise Institute",
            "",
        ),
        (
            "Readers will like the latest CBO report, which estimates the shield could cost $1.2T over 20 years.",
            "Congressional Budget Office",
            "",
        ),
        ("That is well above the $185B figure proposed by program chief Gen. Michael Guetlein.", "Michael Guetlein", ""),
        # a possessor's claim as the subject, a passive's agent, the possessor after a fronted figure
        ("Trump's claim on social media suggested a price of $61 billion for Canada to join.", "Donald Trump", ""),
        ("It was announced by President Donald Trump last spring, with an outlay of $175 billion.", "Donald Trump", ""),
        ("At $175bn, Donald Trump's shield already came with a striking price tag.", "Donald Trump", ""),
        # unnamed sources keep how they know in their name
        ("According to people briefed on the plan, the first tranche would be $5 billion.", "people briefed on the plan", ""),
        ("Two people with knowledge of the talks said Tokyo could pledge $3 billion.", "people with knowledge of the talks", ""),
        # two people joined as the subject, the second with a title that holds "of": the first gives it
        (
            "President Trump and Secretary of State Marco Rubio announced the design on Monday, at an expected cost of $176 billion.",
            "Donald Trump",
            "",
        ),
        # a document's title in commas after it
        ('Estimates differ. A Heritage Foundation paper, "Pricing the Shield," put the sensors at $40 billion.', "Heritage Foundation", ""),
        # a document and its date between the subject and its verb, no commas around them
        (
            "For comparison, the Heritage Foundation in a 2024 paper estimated the sensor layer alone at $40 billion.",
            "Heritage Foundation",
            "",
        ),
        # "the budget office" is the body named Budget Office, not the last office named
        (
            "A spokesperson sent questions to the Prime Minister's Office. "
            "The budget office estimated in May that one layer costs $400 billion.",
            "Congressional Budget Office",
            "",
        ),
        # a figure "in one X study"; a body that published a study "that estimates"; titles and plurals after a figure
        ("Outside estimates reach $2.9bn in one Heritage Foundation study.", "Heritage Foundation", ""),
        (
            "The Heritage Foundation published a paper on Monday that estimates the shield could cost $2.9bn to build.",
            "Heritage Foundation",
            "",
        ),
        ("That is above the $190bn baseline Gen. Michael Guetlein made public in March.", "Michael Guetlein", ""),
        ("Canada pushed back on the $60bn figures President Trump has floated since May.", "Donald Trump", ""),
        # a relative clause ending the sentence after a verb of speech is what was said; one set off inside it is not
        ("Trump told donors he had picked an architecture for the shield, which would run to about $175 billion.", "Donald Trump", ""),
        ("Trump promised that the system, which is expected to cost $175 billion, will be ready in three years.", "", ""),
    ],
)
def test_the_owner_of_a_figure_is_who_the_sentence_says_gives_it(text, owner, relay):
    book = load_codebook()
    grammar = compile_grammar(book, extra_verbs=book["money"]["owner_verbs"])  # as the money ledger reads it
    found = analyse("The Congressional Budget Office (CBO) studied it. " + text, grammar)
    start = found.text.index("$")
    got = owner_of_span(found, start, found.text.index(" ", start))
    assert (got.name, got.relayed_by) == (owner, relay)


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        (
            "Trump first priced the shield at $100 billion, while the Pentagon's program office now cites a figure of $190 billion.",
            "Golden Dome office",  # (the program office is the codebook's, alias "Golden Dome program office")
        ),
        ("Trump priced the shield at $100 billion, and Democrats in the Senate have proposed a $9 billion cut.", "Democrats"),
        ("Trump priced the shield at $100 billion; the Missile Defense Agency has requested $9 billion of it.", "Missile Defense Agency"),
        # a joined clause with no verb of giving leaves the figure to the first
        ("Trump priced the shield at $100 billion, and Democrats in the Senate doubt it will stay under $300 billion.", "Donald Trump"),
        # a role names the codebook's one body so named where the text named it only inside a quotation
        (
            'Trump shrugged. "If it costs what the Congressional Budget Office thinks, nobody will care," he said. A spokesperson '
            "sent questions to the Prime Minister's Office. The budget office estimated in May that one layer costs $400bn alone.",
            "Congressional Budget Office",
        ),
        # a figure a body's office uses is that office's
        (
            "The estimate compares with the $175bn Trump cited and the $185bn the Pentagon's Golden Dome office now uses.",
            "Golden Dome office",
        ),
        # the codebook has two bodies with "budget" and "office" in their names: "the budget office" is the one that
        # has the words side by side, the Congressional Budget Office, not the Office of Management and Budget
        (
            "Ottawa wrote to the Prime Minister's Office. The budget office estimated in June that one layer alone costs $410bn in all.",
            "Congressional Budget Office",
        ),
        # a codebook body's name may open a longer one: the White House's budget office is a body of its own
        (
            "Only $390 million of the request sits in the base budget, according to tables from the White House Office of Management "
            "and Budget.",
            "Office of Management and Budget",
        ),
    ],
)
def test_the_owner_of_a_texts_last_figure(text, owner, grammar):
    # (the last figure of each text, after another figure or sentence that could mislead)
    found = analyse(text, grammar)
    start = found.text.rindex("$")
    assert owner_of_span(found, start, found.text.index(" ", start)).name == owner


def test_a_marked_source_binds_the_nearest_figure_only(grammar):
    text = "It will cost $175 billion, with long-term estimates, according to the CBO, reaching $831 billion."
    found = analyse("The Congressional Budget Office (CBO) is busy. " + text, grammar)
    spans = [(found.text.index("$175"), found.text.index("$175") + 12), (found.text.index("$831"), found.text.index("$831") + 12)]
    owners = [owner_of_span(found, a, b, spans).name for a, b in spans]
    assert owners == ["", "Congressional Budget Office"]


def test_reported_clauses_are_someone_elses_words_and_the_rest_is_the_outlets(grammar):
    from mediabrief.attribution import others_spans

    text = "While critics warn of an arms race, the shield is long overdue. Critics say the cost is a scandal."
    found = analyse(text, grammar)
    first, second = found.sentences
    own_part = text.index("the shield")
    assert not any(a <= own_part < b for a, b in others_spans(found, 0))  # the main clause is the outlet's
    assert any(a <= text.index("scandal") < b for a, b in others_spans(found, 1))  # what critics say is theirs
    assert first.text.startswith("While") and second.text.startswith("Critics")


def test_names_are_typed_by_their_words_and_merged_across_spellings():
    assert [entity_type(n) for n in ["Union of Concerned Scientists", "Pacific Rim Dispatch", "Jane Roe", "NATO"]] == [
        "organisation",
        "outlet",
        "name",
        "organisation",
    ]
    merged = merged_names(
        [("Trump", "person"), ("Donald Trump", "person"), ("CBO", "organisation"), ("Congressional Budget Office", "organisation")]
    )
    assert merged["Trump"] == "Donald Trump" and merged["CBO"] == "Congressional Budget Office"


def test_a_pronoun_after_a_passing_mention_goes_to_the_speaker(grammar):
    text = (
        "President Donald Trump said Canada should join. He hosted King Charles at the White House on Monday. "
        '"Canada pays $61 billion or joins as the 51st state," he wrote later that night.'
    )
    assert speakers(text, grammar) == [("quotation", "Donald Trump")]


def test_outlets_credited_by_verb_told_link_and_wire_credit(grammar):
    from mediabrief.attribution import credited_outlets

    text = (
        "WASHINGTON, May 2 (Harbor Wire) - The plan moved ahead, Punchbowl News reported.\n"
        'Sen. Ann Lowry told NPR that "nobody has seen it."\n'
        "As [Defense One](https://www.defenseone.com/x) reported, the bill grew. "
        'Public broadcaster <a href="https://www.nhk.or.jp/news/">NHK</a> said Tokyo would join.'
    )
    found = {(name, how) for _, name, _, _, how in credited_outlets(analyse(text, grammar))}
    assert {
        ("Harbor Wire", "wire credit"),
        ("Punchbowl News", "before"),
        ("NPR", "told"),
        ("Defense One", "link"),
        ("NHK", "link"),
    } <= found
    assert not {name for name, _ in found} & {"Ann Lowry", "Tokyo"}


def test_a_post_quoted_over_several_sentences_after_a_passing_mention_is_the_posters(grammar):
    text = (
        "President Donald Trump spoke on Friday.\n\n"
        "The president first named a price in a post on the day King Charles III opened Parliament.\n\n"
        '"Canada wants in. It will cost them $61 billion as a separate country. As our 51st state, nothing!" he wrote.'
    )
    found = analyse(text, grammar)
    assert [found.name(q.entity) for q in found.quotations] == ["Donald Trump"]


def test_articles_are_read_once_for_all_stages_and_afresh_when_anything_changes():
    import pandas as pd

    from mediabrief import attribution

    book = {"voices": {}}
    articles = pd.DataFrame({"article_id": ["a"], "file": ["a.txt"], "text": ['"It works," Roe said.']})
    first = attribution.analyse_articles(articles, book)
    assert attribution.analyse_articles(articles.copy(), book) is first  # the money, voices and citations stages share it
    changed = attribution.analyse_articles(articles.assign(text=['"It fails," Doe said.']), book)
    assert changed is not first and changed["a"].quotations[0].text == "It fails,"
    assert attribution.analyse_articles(articles, {"voices": {}}) is not first  # another codebook reads afresh


def test_a_role_goes_back_to_the_body_whose_name_says_it_is_one(grammar):
    # "the agency" after "the Missile Defense Agency picked …" and a company named since: the agency, not the company
    text = (
        "More than 60 firms are among those the Missile Defense Agency picked this week. "
        '"It is a hunting license," said Carla Benning, chief executive of Redstone Analytics Group. '
        'In a statement, the agency said the awards were "the first of many in a portfolio of qualified holders."'
    )
    assert speakers(text, grammar)[-1] == ("quotation", "Missile Defense Agency")


def test_a_short_form_a_text_defines_for_a_thing_is_no_speaker(grammar):
    found = analyse("Each space-based interceptor (SBI) is small. The SBI would be launched in batches of forty.", grammar)
    assert "SBI" not in {e.name for e in found.entities}


def test_a_source_closing_a_sentence_credits_all_its_figures_where_no_one_else_is_named(grammar):
    text = (
        "The plan is a $1.5 trillion budget, split into a $1.15 trillion request and $350 billion more, according to a"
        " spokesperson for the Office of Management and Budget. Congress gets it on Friday."
    )
    found = analyse(text, grammar)
    spans = [(found.text.index(s), found.text.index(s) + len(s)) for s in ("$1.5 trillion", "$1.15 trillion", "$350 billion")]
    owners = [owner_of_span(found, a, b, spans).name for a, b in spans]
    assert owners == ["Office of Management and Budget spokesperson"] * 3


def test_a_country_that_issues_a_statement_speaks_through_it(grammar):
    text = (
        "North Korea has issued a stark statement on a 'war in orbit' after the announcement. Trump spoke on Tuesday.\n\n"
        'The statement continued: "The plan turns space into a battlefield."\n\n'
        'The nation added: "We will defend our interests."'
    )
    assert [name for _, name in speakers(text, grammar)] == ["North Korea", "North Korea", "North Korea"]


def test_a_sentence_reporting_a_statement_of_its_own_does_not_point_back(grammar):
    text = (
        'Trump wrote that it would not be cheap. "It will cost $40 billion if they stay apart." '
        "Anne Leclerc replied on X that the offer was unacceptable."
    )
    assert speakers(text, grammar) == [("quotation", "Donald Trump")]
    # ... but adding says the one before was hers
    added = 'Lin Jian spoke first. Mao Ning took questions. "We oppose it." She added that the plan was dangerous.'
    assert speakers(added, grammar) == [("quotation", "Mao Ning")]


def test_a_surname_closing_a_sentence_is_no_body(grammar):
    found = analyse("Many Americans would die, Whitfield said. She spoke for an hour.", grammar)
    assert {found.type(m.entity) for m in found.mentions if found.name(m.entity) == "Whitfield"} <= {"name", "person"}


def test_a_role_in_a_lede_is_the_person_so_titled_named_after_it(grammar):
    text = (
        'WASHINGTON — The general in charge of the shield said the budget office "priced a different system."\n\n'
        '"I cannot show you the plan in this room," Gen. Dana Whitfield told senators.'
    )
    assert [name for _, name in speakers(text, grammar)] == ["Dana Whitfield", "Dana Whitfield"]
    # ... but after someone was named, a role is the last one so titled, not the next
    later = 'Frank Ode, the chief executive, spoke first. "We are ready," the executive said. Priya Anand, an executive, disagreed.'
    assert speakers(later, grammar)[0][1] == "Frank Ode"


def test_a_statement_announced_as_someones_is_theirs_over_its_paragraphs(grammar):
    text = (
        "The House passed the bill on Thursday. Below is a statement by Dana Whitfield, director of the Arms Policy Forum.\n\n"
        "\u201cThe House has chosen a shield over schools, and the bill shows it.\n\n"
        "\u201cIt cuts programs that work to pay for one that does not exist.\u201d\n\n"
        'Another said "it will not pass the Senate" as written.'
    )
    assert speakers(text, grammar)[:2] == [("quotation", "Dana Whitfield"), ("quotation", "Dana Whitfield")]
    # "Another" after a quotation names no one
    assert speakers('Two senators spoke. "It will not pass the Senate this year." Another said it might.', grammar)[0][1] != "Another"


def test_a_quotation_over_two_paragraphs_is_one_speakers(grammar):
    text = (
        "Gen. Michael Guetlein listed the threats. “The adversary has watched the way we fight for years.\n\n"
        "“Worse yet, they are building the weapons to counter us,” Guetlein said. Critics disagreed. “He is wrong.\n\nNot"
        " a real quotation mark said anything here."
    )
    assert speakers(text, grammar)[:2] == [("quotation", "Michael Guetlein"), ("quotation", "Michael Guetlein")]


def test_a_post_in_apposition_is_nobody_new_and_a_single_quoted_passage_may_hold_a_name_in_double_quotes(grammar):
    text = (
        "'The tension keeps rising. Just look at the project called \"Shield of the North,\"' Ivan Petrov, Deputy Chairman"
        " of the Federal Assembly, told a newspaper. He added that the plan 'breaks every promise made before.'"
    )
    assert speakers(text, grammar) == [("quotation", "Ivan Petrov"), ("quotation", "Ivan Petrov")]


def test_a_credit_closing_a_sentence_with_a_description_carries_to_a_quotation_opened_by_a_conjunction(grammar):
    text = (
        "Sensors have become cheaper, said Dana Whitfield, director of research at a Boston think tank. "
        "But 'the interceptors have not gotten much cheaper at all.'"
    )
    assert speakers(text, grammar) == [("quotation", "Dana Whitfield")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a surname after a title is a person, though the excerpt never gave the full name
        (
            'President Okonkwo would revive the plan. Once built, said the president, "the shield will stop missiles from anywhere."',
            [("quotation", "Okonkwo")],
        ),
        # a lone surname the text writes as a name and makes speak, before any quotation
        (
            "And Lindqvist has argued that Norway could join for \u201cnext to nothing\u201d at all. Lindqvist says the offer stands.",
            [("quotation", "Lindqvist")],
        ),
        ("The aim, as Okafor said, is to 'rebuild deterrence in the north.' Okafor says more will follow.", [("quotation", "Okafor")]),
    ],
)
def test_surnames_nobody_introduced_are_people_by_title_or_by_speaking(text, expected, grammar):
    assert speakers(text, grammar) == expected


def test_a_questions_verb_in_a_title_case_headline_is_no_part_of_the_name_after_it(grammar):
    found = analyse("What Is Lindqvist's Arctic Plan?\n\nMaria Lindqvist spoke on Monday.", grammar)
    names = [e.name for e in found.entities]
    assert "Maria Lindqvist" in names and not any(name.startswith("Is ") for name in names), names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pronoun in the subject's own sentence is the subject, not a name in a clause between
        (
            "Ambassador Ruth Amsel met the press. Amsel seemed surprised and, asked about the vote Trump described, she said,"
            " \u201cNo, I do not recall one.\u201d",
            "Ruth Amsel",
        ),
        # the person right after a quotation, whose description runs to the verb without its closing comma
        (
            "'It is all about prestige,' Dana Whitfield, director of studies at the Hoover Institution told a radio host.",
            "Dana Whitfield",
        ),
        # a role written with a capital in an apposition makes the name a person's, whom "he" can stand for
        (
            "Analysts doubt what Trump asserts.\n\n'It is about prestige,' Dana Whitfield, Director of Studies at the Hoover"
            " Institution told a radio host.\n\n'To me, the plan was undercooked,' he said.",
            "Dana Whitfield",
        ),
        # a title in capitals alone names no one; the name after it does
        ('Acme\u2019s CEO, Jo Park, spoke to analysts, stating: "We will fly an interceptor by 2028."', "Jo Park"),
        # a dateline's second part is no speaker, nor is a post alone; the participle goes on with the person the post is held by
        (
            "OTTAWA, ON: Norwegian Ambassador to the US Ingrid Dahl pushed back on Monday, while noting that ties are "
            "\u201cin the middle of a change.\u201d",
            "Ingrid Dahl",
        ),
        # "with" opening a clause whose participle follows: its subject speaks, past a post in apposition
        ("Verdicts varied, with Norway's envoy to the UN, Ola Berg, likening it to a \u201cprotection racket.\u201d", "Ola Berg"),
        # a description of what kind of body a name is, before it, leaves it the subject of its clause
        ("Aerospace and defence manufacturer Norsk Rakett AS is \u201cfully prepared\u201d to build the interceptors.", "Norsk Rakett"),
        # a long opening phrase of circumstance, and "calling it": "it" is the participle's object, never its speaker
        (
            "In her address to the Nordic Council in Oslo on March 3, Prime Minister Ida Lund urged allies to "
            "\u201cstop waiting for Washington,\u201d calling it \u201cour shield, our choice\u201d to the delegates.",
            "Ida Lund",
        ),
        # "it said" right after a quotation is the document its paragraph has just named
        (
            'The ministry plans more radars.\n\n"The Northern Shield," as the executive order calls it, must defend the country '
            "from \u201cattacks from any quarter,\u201d it said.",
            "executive order",
        ),
        # "the X post said": whoever posted it
        (
            "Lockheed Martin wrote on X: \u201cThe shield will be built.\u201d\n\n"
            "\u201cIt is funded in the new budget,\u201d the X post said.",
            "Lockheed Martin",
        ),
        # "he" after a sentence naming someone only as a verb's object is the subject named before
        (
            "President Ana Silva signed an order on Monday. The order requires Defense Minister Tomas Berg to submit plans.\n\n"
            "\u201cI am directing our new minister to build the shield,\u201d she said.",
            "Ana Silva",
        ),
        # a headline's credit after a colon; what someone called a thing; a phrase described by someone as
        ("\u2018That\u2019s our shield\u2019: Lund tells allies to stop waiting\n\nThe talks went on.", "Lund"),
        ("Ida Lund spoke on Monday. She laid out plans for what she called the \u201cbiggest ever Arctic Dome\u201d of all.", "Ida Lund"),
        (
            "The shield, described by the Lithuanian Defence Ministry as a \u201cstate-of-the-art\u201d system, is costly.",
            "Lithuanian Defence Ministry",
        ),
        # a monarch's title is a role that points back to them
        (
            "Queen Margrethe II arrived in Ottawa. Queen Margrethe spoke to Parliament.\n\n"
            "\u201cWe stand at a crossroads,\u201d the Queen said.",
            "Margrethe II",
        ),
        (
            # a person named as a possessor is not "the Ohio Democrat"; the subject of the paragraph is
            "Rep. Nora Feld, who leads the shield caucus, asked Congress to fund President Donald Trump's plan."
            ' "Stopgap budgets starve it," the Ohio Democrat said.',
            "Nora Feld",
        ),
        (
            # "she" after a sentence that opens with a person and names another alongside her, a company first
            'President Donald Trump wants the shield. "Pass a budget," Trump said. Rep. Nora Feld spoke alongside'
            ' Lockheed Martin President Lee Park. She stressed that steady money matters. "Stopgaps fail," she said.',
            "Nora Feld",
        ),
        (
            # a body naming a titled person opens the sentence with the person, who is "he" next
            "Trump has estimated the cost at $175 billion. Space Force Gen. Adam Lind, who now runs the office, compared"
            ' its scale to the Manhattan Project. "Nothing this hard has been tried since," he told the Senate Armed'
            " Services Committee.",
            "Adam Lind",
        ),
        (
            # a country's possessive before a role: the prime minister that country's adjective introduced
            "Norwegian Prime Minister Ane Dahl welcomed the plan. Trump said he had a deal."
            " Norway\u2019s prime minister added that the allies were \u201cwell informed.\u201d",
            "Ane Dahl",
        ),
        (
            # "In a report …, X" makes X the report's author when "the report states" later
            "In a report attached to the bill, Senate appropriators backed the shield but asked the Pentagon for a plan."
            " \u201cWe cannot judge the request,\u201d the report states.",
            "Congress",
        ),
        (
            # a sentence whose long words are mostly capitalised is still a sentence when its verb follows its subject
            "Maj.-Gen. Ann Roy said the work had begun. \u201cEverything is related to Golden Dome,\u201d she added.",
            "Ann Roy",
        ),
        (
            # a passive credit after the quotation
            'Prime Minister Mark Carney confirmed the talks. "We cooperate where it helps us," he was quoted saying.',
            "Mark Carney",
        ),
        (
            # a document that speaks by role: the body that posted it, and "the document" of a fact sheet
            "Last week the Missile Defense Agency posted a solicitation notice for the contract."
            " \u201cThe agency announces the release of a request for proposals,\u201d the notice stated.",
            "Missile Defense Agency",
        ),
        (
            "A White House fact sheet praised the plan. The document went on to say the shield would"
            " \u201cprotect every American city from attack.\u201d",
            "White House",
        ),
        (
            # a body of another country whose name holds the codebook's bare "Ministry of Foreign Affairs" (Japan's)
            "Pyongyang hit back. \u201cThe shield is a blueprint for war in space,\u201d the Research Institute of the DPRK"
            " Ministry of Foreign Affairs said.",
            "Research Institute of the DPRK Ministry of Foreign Affairs",
        ),
        (
            # a description, then the titled name in commas, then the verb
            "\u201cThe comparison holds up well,\u201d a visiting fellow at the Hudson Institute, Colonel Dan Reyes,"
            " tells the Sun from Tokyo.",
            "Dan Reyes",
        ),
        (
            # the short form a text gives an executive order is the same document
            "In January Trump signed an Executive Order (EO) directing the Pentagon to build a shield."
            " \u201cThe homeland will be defended from every aerial attack,\u201d the EO noted.",
            "executive order",
        ),
        (
            # a wire's credit in brackets at the start is not the subject a participle hangs on
            "(MENAFN) Russia described the plan as a \u201cdomestic affair,\u201d asserting that it concerned Washington alone.",
            "Russia",
        ),
    ],
)
def test_pronouns_roles_and_credits_after_a_quotation(text, expected, grammar):
    assert speakers(text, grammar)[-1] == ("quotation", expected)


def test_the_rest_of_a_list_of_terms_nobody_said_are_terms(grammar):
    text = (
        'Panels leaned on phrases like "layered defense," "homeland protection," "a shield for every city in the land"'
        ' and "peace through strength for the next age" all week.'
    )
    assert speakers(text, grammar) == [("term", "")] * 4


def test_a_trade_that_coins_a_technical_name_gives_a_term_not_a_quotation(grammar):
    text = 'Orbits carry most satellites away from the target. Engineers call this the "coverage gap," and it drives cost.'
    assert speakers(text, grammar) == [("term", "")]


def test_a_share_of_a_polls_respondents_speaks_for_them(grammar):
    text = (
        "The survey found that 58 per cent of respondents said Norway 'should stay out of the shield,'"
        " and 31% of voters said it 'should join.'"
    )
    assert speakers(text, grammar) == [("quotation", "respondents"), ("quotation", "voters")]


def test_a_role_with_its_place_and_a_name_in_apposition_is_that_person(grammar):
    found = analyse("In April the President of the Republic, Ana Silva, announced the plan.", grammar)
    assert {found.name(m.entity) for m in found.mentions if m.entity >= 0 and found.type(m.entity) != "country"} == {"Ana Silva"}


def test_a_title_case_headline_names_no_body_and_a_bracketed_credit_on_the_next_line_is_nobodys_acronym(grammar):
    text = "Oslo Reacts to U.S. \u201cGolden Dome\u201d Shield Project\n(MENAFN) Norway called the plan sound, officials said."
    entities, mentions, _ = find_entities(text, grammar)
    names = [entities[m.entity].name for m in mentions]
    assert "Shield Project" not in names and "Oslo Reacts" not in names
    assert "MENAFN" in names


def test_mixed_quotation_marks_pair_without_spanning_the_narration_between(grammar):
    # a curly opening closed by a straight mark, then a straight opening closed by a curly one
    text = (
        'Rita Holm, who runs the state spaceport, said tests matter.\n\u201cYou have to launch targets to test against,"'
        ' she said. "And some sensors need room, and spaceports are good hosts for them.\u201d'
    )
    assert speakers(text, grammar) == [("quotation", "Rita Holm"), ("quotation", "Rita Holm")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a page's extraction broke one paragraph in two inside a quotation: the curly pair still pairs across the break
        (
            "Defence Minister Takeshi Ito urged patience. \u201cWe need to understand the details first.\n"
            "Nothing has been offered yet,\u201d he said.",
            [("quotation", "Takeshi Ito")],
        ),
        # a passage quoted in a press review: a paragraph opens the quotation, ends a sentence and is never closed
        (
            "Missiles beat shields, analyst Vera Lind writes in the weekly Obzor:\n"
            "\u201cDefence always costs more than attack, and the attacker keeps changing the missiles.",
            [("quotation", "Vera Lind")],
        ),
        # ... but a stray mark before narration is no quotation, nor is a pair across a paragraph that reopens it
        ("Critics disagreed.\n\u201cThe plan is sound, the minister said.\nTalks go on.", []),
        (
            "Takeshi Ito spoke first. \u201cWe will pay our share.\n\u201cAnd we will build radars,\u201d he said.",
            [("quotation", "Takeshi Ito"), ("quotation", "Takeshi Ito")],
        ),
    ],
)
def test_a_quotation_a_line_break_cuts_or_a_review_leaves_open_is_still_read(text, expected, grammar):
    assert speakers(text, grammar) == expected


def test_a_plural_title_before_the_first_of_several_names_is_no_part_of_the_name(grammar):
    text = (
        "WASHINGTON - U.S. Senators Ada Lund (R-Alaska) and Ken Moro (R-N.D.) joined the president today.\n"
        "\u201cThe shield is layered and open,\u201d said Sen. Lund."
    )
    assert speakers(text, grammar) == [("quotation", "Ada Lund")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a title in lower case, or a country's possessive, between the verb and the name
        ("The shield creates openings for Australia, says former prime minister Ian Rook, who wants the pact to grow.", ["Ian Rook"]),
        ("The shield works, said former Defense Secretary Ada Lund.", ["Ada Lund"]),
        ("The shield works, said Australia's former prime minister Ian Rook.", ["Ian Rook"]),
        # a surname nobody introduced, closing a sentence or a headline line after the verb
        ("The shield is a golden opportunity, says Rook.", ["Rook"]),
        ("Golden opportunity for the pact in space, says Rook\nThe pact should grow.", ["Rook"]),
        # ... not a day
        ("The plan works, said Monday.", []),
        # someone unnamed, by their role, and the day after them
        (
            "The shield will start a race in orbit, said a Danish foreign ministry spokesperson on Friday.",
            ["Danish foreign ministry spokesperson"],
        ),
        ("The plan cannot work, said a senior U.S. official.", ["senior U.S. official"]),
    ],
)
def test_a_verb_closing_a_sentence_credits_the_name_after_it_past_a_title_in_lower_case(text, expected, grammar):
    analysis = analyse(text, grammar)
    assert [analysis.name(a.entity) for a in analysis.attributions[0]] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "\u201cIt is a very dangerous initiative,\u201d the North Korean foreign ministry said.",
            [("quotation", "North Korean foreign ministry")],
        ),
        (
            "\u201cThe plan is offensive,\u201d the Chinese defense ministry said in a statement.",
            [("quotation", "Chinese defense ministry")],
        ),
        (
            "The Russian foreign ministry warned that the shield would \u201cundermine stability.\u201d",
            [("quotation", "Russian foreign ministry")],
        ),
        ("Chinese state media called the plan \u201ca dangerous provocation.\u201d", [("quotation", "Chinese state media")]),
        (
            "South Korea's presidential office said it was \u201cwatching the talks closely.\u201d",
            [("quotation", "South Korea's presidential office")],
        ),
    ],
)
def test_a_body_a_countrys_adjective_names_in_lower_case_speaks(text, expected, grammar):
    assert speakers(text, grammar) == expected


def test_unnamed_people_of_a_government_are_not_the_government_body(grammar):
    analysis = analyse("Two Japanese government sources said the decision was \u201cmade in principle.\u201d", grammar)
    assert "Japanese government" not in [e.name for e in analysis.entities]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("\u201cIt is affordable,\u201d Wilson, the Pentagon's press secretary, told reporters.", [("quotation", "Wilson")]),
        ("Ryabkov, Russia's deputy foreign minister, said the plan was \u201cdeeply destabilizing.\u201d", [("quotation", "Ryabkov")]),
        ("The plan is \u201cdeeply destabilizing,\u201d Ryabkov was quoted as saying by TASS.", [("quotation", "Ryabkov")]),
        # ... not a place described by a clause that names no post
        ("Ukraine, the country at war, said the shield was \u201cnot our concern.\u201d", [("quotation", "Ukraine")]),
    ],
)
def test_a_surname_nobody_introduced_speaks_past_a_description_of_its_post(text, expected, grammar):
    assert speakers(text, grammar) == expected


def test_a_partys_member_described_by_state_is_the_last_person_named_whatever_kind_the_name_was_read_as(grammar):
    text = "Mark Kelly questioned the cost at a hearing. \u201cIt is a blank check,\u201d the Arizona Democrat said."
    assert speakers(text, grammar) == [("quotation", "Mark Kelly")]


@pytest.mark.parametrize(
    "text",
    [
        "Defense Secretary Pete Hegseth toured the site. In Hegseth's words, the shield is \u201ca generational investment.\u201d",
        "Defense Secretary Pete Hegseth toured the site. The shield, in Hegseth's words, is \u201ca generational investment.\u201d",
    ],
)
def test_words_said_to_be_someones_are_theirs(text, grammar):
    assert speakers(text, grammar) == [("quotation", "Pete Hegseth")]


def test_the_lawmakers_after_a_list_of_them_are_the_list_however_far_on(grammar):
    text = (
        "Sens. Ed Markey and Jeff Merkley, along with Reps. Don Beyer and John Garamendi wrote to Hegseth in June.\n\n"
        '"The plan is costly," the lawmakers wrote.\n\nThe letter went on.\n\n"It also will not work," the lawmakers wrote.'
        ' It would need "a far larger system," they said.'
    )
    assert speakers(text, grammar) == [("quotation", "Ed Markey, Jeff Merkley, Don Beyer and John Garamendi")] * 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # both chambers' committees are one body, not the chamber the codebook knows; "they" after a singular body
        # named since is still the committees, and "the appropriators" are the members of the committee named
        (
            "In a report on the spending bill, the House and Senate Appropriations Committees said the Pentagon had sent "
            'no schedule. "We cannot oversee money we cannot see," they wrote. The appropriators also said the plan was '
            '"too thin to judge."',
            [("quotation", "House and Senate Appropriations Committees")] * 2,
        ),
        # a committee in a person's post after a longer run of capitals stays the person's post
        (
            "Sen. Ann Lee of Ohio, the top Democrat on the Senate Budget Committee, who had sought the figures, said the "
            'plan was "a blank cheque for contractors."',
            [("quotation", "Ann Lee")],
        ),
    ],
)
def test_appropriations_committees_and_their_members_speak_as_one_body(text, expected, grammar):
    assert speakers(text, grammar) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the source", "the person" go back to the unnamed source so described
        (
            'A source familiar with the negotiations said the request would grow. "Nobody expects the number to hold," the '
            "source said.",
            [("quotation", "source familiar with the negotiations")],
        ),
        (
            'A person briefed on the plan said the first launch had slipped. "It is months late," the person said.',
            [("quotation", "person briefed on the plan")],
        ),
        # ... never a name that stands after a word for sources ("sources told Harbor Ledger")
        (
            'Two sources told Harbor Ledger that the first launch had slipped. "It is months late," the source said.',
            [("quotation", "the source")],
        ),
    ],
)
def test_the_source_is_the_unnamed_source_described_before(text, expected, grammar):
    assert speakers(text, grammar) == expected


def test_a_headline_in_capitals_names_only_whom_the_story_knows(grammar):
    text = "Moylan spoke on Guam.\nTRUMP CALLS FOR BIGGER DEFENSE BUDGET TO BUILD 'DREAM FORCE'\nThe test is set for next year."
    found = analyse(text, grammar)
    assert [(found.text[m.start : m.end], found.name(m.entity)) for m in found.mentions if m.kind == "name"][-1] == (
        "TRUMP",
        "Donald Trump",
    )
    assert speakers(text, grammar) == [("quotation", "Donald Trump")]


def test_a_quotation_over_lines_a_wire_wrapped_is_read_whole(grammar):
    from mediabrief.cleaning import clean_article

    raw = (
        "Trump spoke after the meeting with Prime Minister Mark Carney at the White House.\n\n"
        "“Will Canada build it alone or with its neighbour to the\nsouth? That is what we are weighing now,” Carney\n"
        "said of the shield.\n"
    )
    assert speakers(clean_article(raw).text, grammar) == [("quotation", "Mark Carney")]


def test_a_quotation_in_copy_wrapped_throughout_is_read_whole_where_a_name_opens_a_line(grammar):
    from mediabrief.cleaning import clean_article

    # (every line of this copy is cut at a printed width, so a line that opens with a capital is no new paragraph)
    raw = (
        "Leaders in Ottawa spent the week weighing the shield and its\n"
        "price, which the president first put at sixty billion dollars,\n"
        "then raised during a stop in Scotland.\n"
        "Carney told reporters he had spoken to Trump twice and\n"
        "said talks with senior officials would go on. Trump said the\n"
        "Canadian cabinet had written to his office asking to join and\n"
        "that he would make sure the country paid its “proper share.”\n"
        "Officials in both capitals declined to give a date for a deal\n"
        "or to say whether radar sites in the north would count toward\n"
        "any payment.\n"
    )
    assert speakers(clean_article(raw).text, grammar) == [("quotation", "Donald Trump")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # "he" after the one a sentence opening with "He" names as its object is still that sentence's subject
        (
            "Carney's address on Monday drew applause. He called the old order finished.\n\nHe didn't name Trump, but"
            ' he cited pressures associated with the US president.\n\n"Smaller states must stand together," he said.',
            [("quotation", "Mark Carney")],
        ),
        # a name of unknown kind that opens the sentence before, named after the last person, is whom "he" means
        (
            "On the podcast, Ravi Holtby and Ann Greer talked about President Trump's remarks on the shield.\n\n"
            "Ravi explained why joining would be wise.\n\n"
            '"The threats are growing every year," he said.',
            [("quotation", "Ravi Holtby")],
        ),
        # "He's" is "he has", not a possessive
        (
            "Prime Minister Mark Carney weighed the offer for weeks. He's stressed the value of "
            '"a fair deal for both sides" in every interview.',
            [("quotation", "Mark Carney")],
        ),
        # two roles joined by "and" before a name qualify the name, whatever capitalised words open them
        (
            "Former Navy pilot and defense columnist Dana Ortiz has attacked the plan, calling it \u201ca costly mirage.\u201d",
            [("quotation", "Dana Ortiz")],
        ),
    ],
)
def test_whom_a_pronoun_or_a_participle_means_follows_the_sentence_subject(text, expected, grammar):
    assert speakers(text, grammar) == expected


def test_a_first_name_in_a_headline_run_is_no_one_the_story_names_again(grammar):
    text = "Kelly Presses Hard On Costs\nSen. Mark Kelly spoke on Tuesday. \u201cThe bill keeps growing,\u201d said Sen. Kelly."
    assert speakers(text, grammar) == [("quotation", "Mark Kelly")]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Several officials spoke to Reuters. \u201cWe are behind schedule,\u201d one of the U.S. officials told Reuters.",
            [("quotation", "U.S. official")],
        ),
        (
            'A source spoke to CNN about the test. "The first launch comes next year," the CNN source said.',
            [("quotation", "CNN source")],
        ),
    ],
)
def test_an_unnamed_source_among_several_or_an_outlets_source_is_named_as_described(text, expected, grammar):
    assert speakers(text, grammar) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # two senators, each with a title: the first is named too, and "she" is hers, not a body's named later
        (
            "Sen. Ann Roe and Sen. Tom Doe praised the plan. Ms. Roe spoke at Orbit Forum\u2019s summit on Tuesday."
            ' \u201cWe have waited forty years,\u201d she said.',
            [("quotation", "Ann Roe")],
        ),
        # an honorific before a surname the excerpt never gave in full names a person
        ('Ms. Roe, an Ohio Democrat, backs the plan. "It works," she said.', [("quotation", "Roe")]),
        ('"We are not there yet," said Mr. Okafor.', [("quotation", "Okafor")]),
    ],
)
def test_a_name_before_another_title_and_a_surname_after_an_honorific_are_people(text, expected, grammar):
    assert speakers(text, grammar) == expected


def test_a_title_in_a_clause_after_a_name_is_the_next_persons_not_the_names(grammar):
    # a photo caption's "Roe, listens as President Doe speaks": Roe is no president, so "the president" is Doe
    text = (
        "Prime Minister Ann Roe, listens as President Tom Doe speaks at the summit. Roe later met reporters, and the president"
        ' said the deal was "very close."'
    )
    assert speakers(text, grammar) == [("quotation", "Tom Doe")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # an order, treaty or agreement as its clause's subject speaks by what it states or binds one to
        (
            "Washington wants to rewrite its 1951 pact with Denmark. The treaty reportedly obliges the US to"
            ' "notify and consult" Copenhagen before any change.',
            [("quotation", "treaty")],
        ),
        (
            "The order recalls earlier programs. Still, the current order stresses speed, asserting that"
            " \u201cthe danger from modern missiles has only grown since then.\u201d",
            [("quotation", "executive order")],
        ),
        # a joint statement speaks by its participle of promise
        (
            "The two leaders issued a joint statement pledging to open \u201can era of closer ties\u201d between them.",
            [("quotation", "joint statement")],
        ),
    ],
)
def test_a_document_named_as_its_clauses_subject_speaks(text, expected, grammar):
    assert speakers(text, grammar) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "the country's foreign ministry" is that body of the country last named, whoever relays it
        (
            "Pyongyang answered within a day. Citing state radio, Yonhap said the country's foreign ministry called the"
            ' plan "an act of open hostility."',
            [("quotation", "North Korea's foreign ministry")],
        ),
        # an adverb between a name and its participle
        (
            "The plan keeps its backers, with Dana Ortiz of the Arms Control Association bluntly calling it"
            " \u201ca mirage.\u201d",
            [("quotation", "Dana Ortiz")],
        ),
        # "the report", no document introduced before: the outlet just said to have reported
        (
            "The Straits Times reported on Monday that engineers in Singapore built a tracking network.\n\n"
            'The report described it as "the region\'s first full-coverage sensor grid."',
            [("quotation", "Straits Times")],
        ),
    ],
)
def test_a_body_a_role_or_a_relayed_report_names_whose_words_they_are(text, expected, grammar):
    assert speakers(text, grammar) == expected


def test_guillemets_quote_as_curly_marks_do(grammar):
    text = "Moscow answered on Friday.\n\n«This plan turns space into a battlefield», Dmitry Peskov told reporters."
    assert speakers(text, grammar) == [("quotation", "Dmitry Peskov")]
    assert analyse(text, grammar).quotations[0].start == text.index("«")  # one mark for one: offsets hold


def test_a_single_quoted_passage_whose_closing_mark_is_glued_to_the_next_sentence_is_read(grammar):
    text = (
        "Addressing Congress, Trump said, 'My aim is the strongest shield there is. First, I'm asking you to pay for it"
        " - all built at home.'Trump then spoke about ships."
    )
    found = analyse(text, grammar)
    assert [(q.kind, found.name(q.entity)) for q in found.quotations] == [("quotation", "Donald Trump")]
    assert found.quotations[0].text.endswith("all built at home.")


def test_he_after_a_persons_description_naming_another_as_possessor_is_the_described(grammar):
    text = (
        "Gen. Mike Guetlein, President Donald Trump's choice to lead the office, was confirmed last week and said the need"
        " stems from rivals \u201cbuilding arsenals that could end the world.\u201d\nRelated\n- Allies weigh new air"
        " defenses\n- Troops return home\nThe shield will have several layers.\n"
        "\u201cOur rivals keep building faster missiles,\u201d he said at a summit."
    )
    assert speakers(text, grammar) == [("quotation", "Michael Guetlein")] * 2


def test_a_possessive_pronouns_pronouncement_is_its_persons_words(grammar):
    text = (
        "The plan drew a sharp reply from Representative Jane Roe, a Maine Democrat. Her pronouncement that the shield"
        ' would "bankrupt the next generation" made headlines.'
    )
    assert speakers(text, grammar) == [("quotation", "Jane Roe")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a headline crediting a quotation after a colon: the title case is the headline's, not a name's
        (
            "Story text comes first.\n\u2018Ahead of the New Space Age': Tuberville says Huntsville is ready\nMore text.",
            [("quotation", "Tuberville")],
        ),
        # a person's description closed by "who", an aside in commas after it, then the verb
        (
            "Critics were blunt. A harsher view came from Jane Roe, a Stanford University (SU) physicist and former Pentagon"
            " systems adviser who, at a spring lecture, called the plan a \u201cpipe dream\u201d with \u201cno basis.\u201d",
            [("quotation", "Jane Roe"), ("quotation", "Jane Roe")],
        ),
        # one of several sources counted before
        (
            'Two sources spoke to CNN. The second source said the tests may be just the "opening round" of the effort.',
            [("quotation", "second source")],
        ),
        # ... or "another" one, before or after the words, in single or double marks
        ("The launch may be only \u2018a first step,\u2019 another source said.", [("quotation", "another source")]),
        ('According to another source, the launch is just "step one."', [("quotation", "another source")]),
        (
            'Another engineer, who asked not to be named, was blunter. "We are years away," he said.',
            [("quotation", "another engineer")],
        ),
    ],
)
def test_short_phrases_credited_by_a_headline_a_description_or_a_counted_source_are_quotations(text, expected, grammar):
    assert speakers(text, grammar) == expected


def test_words_an_inner_subject_names_a_thing_by_are_its_own_inside_anothers_report(grammar):
    text = (
        "Sen. Lindsey Graham met the Israeli leader. He said Prime Minister Benjamin Netanyahu praised the talks and"
        " called the joint work a \u201cnew Apollo program.\u201d"
    )
    assert speakers(text, grammar) == [("quotation", "Benjamin Netanyahu")]
    # (a document's wording the outer speaker sums up stays the outer speaker's: no object between verb and quotation)
    text = 'A Pentagon spokeswoman said the study described "a shield we never planned to build."'
    assert speakers(text, grammar) == [("quotation", "Pentagon spokeswoman")]


@pytest.mark.parametrize(
    "text",
    [
        'But "work across the whole industry" is likely, wrote Jefferies analyst Jane Roe on Tuesday.',
        'But "work across the whole industry" is likely, said analyst Jane Roe.',
    ],
)
def test_a_verb_closing_a_sentence_credits_a_name_after_a_profession_and_before_a_day(text, grammar):
    assert speakers(text, grammar) == [("quotation", "Jane Roe")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # what a sentence says going by a document is the document's
        (
            "The order names the plan. According to the directive, the Pentagon must draft \u2018a plan for orbiting"
            " interceptors\u2019 within weeks.",
            [("quotation", "directive")],
        ),
        (
            "The base hosts radars. Under the old agreement, the U.S. has the right to \u201cbuild and run facilities\u201d there.",
            [("quotation", "agreement")],
        ),
        # an order's relative clause in the past ("which tasked …") and its other verbs ("outlines")
        (
            "The effort began with a January executive order, which tasked the Pentagon with building a \u201cshield for the"
            " whole nation\u201d against attack.",
            [("quotation", "executive order")],
        ),
        (
            "The order outlines a policy to deter \u201cany aerial attack on the homeland\u201d from abroad.",
            [("quotation", "executive order")],
        ),
    ],
)
def test_a_document_speaks_by_more_of_its_verbs_and_where_a_sentence_goes_by_it(text, expected, grammar):
    assert speakers(text, grammar) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a reporter asking is an unnamed speaker, named as described
        ('"Did the generals ask for this shield?" asked a reporter.', [("quotation", "reporter")]),
        # plural present verbs of emphasis
        (
            'Moscow and Beijing emphasize that the shield "threatens global stability" and must be dropped.',
            [("quotation", "Russia and China")],
        ),
    ],
)
def test_a_reporters_question_and_a_groups_emphasis_are_credited(text, expected, grammar):
    assert speakers(text, grammar) == expected


def test_a_name_closed_with_an_opening_mark_is_a_term(grammar):
    # (quotations so closed, or opened low, are in test_the_speaker_is_found_from_the_grammar_of_the_sentence)
    assert speakers("Trump announced the “Golden Dome“, noting that it would be ready by 2029.", grammar) == [("term", "")]


@pytest.mark.parametrize(
    "headline, body, expected",
    [
        ("Guetlein: CBO Is ‘Pricing A Shield Nobody Ordered’", "Gen. Michael Guetlein spoke on Tuesday.", "Michael Guetlein"),
        ("‘Will Never Get Off The Ground’: Jane Roe Blasts The Shield Plan", "Rep. Jane Roe spoke on Monday.", "Jane Roe"),
        ("Lee Tells Suppliers To ‘Hire Now And Build Faster’", "Adm. Dana Lee spoke on Monday.", "Dana Lee"),
    ],
)
def test_a_headline_credits_a_quotation_by_the_surname_the_story_names_in_full(headline, body, expected, grammar):
    assert speakers(f"{headline}\n\n{body}", grammar) == [("quotation", expected)]


def test_a_dateline_and_a_colon_opening_a_paragraph_credit_no_one(grammar):
    text = "Ottawa: The prime minister weighed joining the ‘Golden Dome’, modelled on Israel’s ‘Iron Dome.’"
    assert [kind for kind, _ in speakers(text, grammar)] == ["term", "term"]


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        # a headline in title case gives a figure to the name its verb follows, as the story names it
        ("Senator Pitches $40 Billion Shield Fund\n\nSen. Maria Alvarez filed the bill on Monday.", ""),
        ("Alvarez Pitches $40 Billion Shield Fund\n\nSen. Maria Alvarez filed the bill on Monday.", "Maria Alvarez"),
        ("Shield Could Cost $2.4 Trillion, Hartwell Estimates\n\nThe analyst Joan Hartwell said so on Friday.", "Joan Hartwell"),
        # ... not a name the story never gives, nor a figure in a sentence of the body
        ("Pentagon Requests $17.5 Billion for the Shield\n\nThe request came on Tuesday.", ""),
    ],
)
def test_a_title_case_headline_gives_its_figure_to_the_name_before_its_verb(text, owner):
    book = load_codebook()
    found = analyse(text, compile_grammar(book, extra_verbs=book["money"]["owner_verbs"]))
    start = found.text.index("$")
    assert owner_of_span(found, start, found.text.index(" ", start)).name == owner


def test_a_bodys_name_holds_no_shorter_body_inside_it(grammar):
    # "The Congressional Budget Office" ends like "the budget office" but is one body, named once
    found = analyse("The Congressional Budget Office released its estimate on Tuesday.", grammar)
    assert [e.name for e in found.entities if e.type == "organisation"] == ["Congressional Budget Office"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # "It" opening a sentence is the order the sentence before opens with, and speaks by its participle or its clause
        (
            "The executive order admits the idea is old. It recalls the Strategic Defense Initiative, noting that the"
            " earlier effort \u201cyielded useful radar work\u201d before it was shelved.",
            [("quotation", "executive order")],
        ),
        (
            "However, the current order argues the danger is new. It singles out \u201crival missiles that fly low and"
            " change course\u201d as the reason.",
            [("quotation", "executive order")],
        ),
        # ... not where the sentence before opens with an order of something else
        (
            "The order for interceptors grows each year. It includes \u201cthree layers of radars and launchers\u201d at most.",
            [("quotation", "")],
        ),
        # a directive named after an executive order is that order
        (
            "The executive order sets a deadline. According to the directive, the Pentagon must draft \u201ca plan for"
            " orbiting interceptors\u201d within weeks.",
            [("quotation", "executive order")],
        ),
        # an order's participle after the date it was signed on, or its purpose
        (
            "The president signed an executive order in late January ordering work on \u201ca shield for the whole"
            " country against missiles\u201d at once.",
            [("quotation", "executive order")],
        ),
        (
            "The president signed an executive order aimed at building \u201ca shield for the whole country against"
            " missiles\u201d at once.",
            [("quotation", "executive order")],
        ),
        # an executive order's short form standing before its number names it
        (
            "In January the president issued Executive Order (EO) 14186. The EO tells the Pentagon to build \u201ca shield"
            " for the whole country\u201d soon.",
            [("quotation", "Executive Order 14186")],
        ),
    ],
)
def test_an_order_is_it_in_the_next_sentence_and_speaks_by_its_purpose_and_short_form(text, expected, grammar):
    assert speakers(text, grammar) == expected


def test_a_document_subject_quoting_a_single_word_names_it_a_term(grammar):
    # an order's clause quoting one word gives the thing the name it is known by; the order says no sentence there
    text = "The executive order named the new post a \u201cczar\u201d for the shield."
    assert speakers(text, grammar) == [("term", "")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a colon credits a quotation opening a line to the body after it, "The" before its name
        ("\u201cNo cause for alarm\u201d: The Russian Foreign Ministry assessed the plans for a shield.", "Russian Foreign Ministry"),
        # a line in capitals, as links to related stories are set, credits the country or person its verb follows
        (
            "China spoke on Monday.\n\nCHINA ACCUSES US OF \u2018MAKING ORBIT A BATTLEFIELD\u2019 WITH SHIELD\n\nMore follows.",
            "China",
        ),
    ],
)
def test_a_headline_credit_after_the_or_in_capitals_names_the_speaker(text, expected, grammar):
    assert speakers(text, grammar) == [("quotation", expected)]


def test_a_place_opening_a_publications_longer_name_is_no_country(grammar):
    # "Tokyo" opens the name of a publication set in three capitalised words; the publication is cited, not Japan
    found = analyse("Within that, according to the Tokyo Security Digest, about ¥90 billion is set aside for radars.", grammar)
    assert [(e.name, e.type) for e in found.entities] == [("Tokyo Security Digest", "outlet")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a committee chair's own title after the post: the holder speaks, not the chamber in the committee's name
        ("\u201cWe are behind on munitions,\u201d said House Armed Services Committee Chairman Rep. Alan Ferris.", "Alan Ferris"),
        # the United Nations is a body, so the envoy set beside it in commas is the one who speaks ...
        ("Canada\u2019s envoy to the United Nations, Jane Roe, said: \u201cThis plan is a mistake.\u201d", "Jane Roe"),
        # ... also through a participle hung on the clause ("posting")
        (
            "Canada\u2019s envoy to the United Nations, Jane Roe, was blunter, posting online: \u201cThis plan is a mistake.\u201d",
            "Jane Roe",
        ),
        # an unnamed "individual" is described by how they know, as a person or a source is
        ("One individual close to the bid called the process \u201cnothing like the usual way.\u201d", "individual close to the bid"),
        # a verb in a clause describing a noun is not the sentence's: the second verb goes back to its subject
        (
            "Dana Whitfield, the envoy, spoke first. Whitfield said she had not seen the $61 billion figure Trump cited, but conceded that"
            " the shield would be \u201ca very expensive project.\u201d",
            "Dana Whitfield",
        ),
    ],
)
def test_a_holders_title_an_envoy_beside_a_body_and_a_describing_clause(text, expected, grammar):
    assert speakers(text, grammar)[-1] == ("quotation", expected)


def test_a_bodys_short_form_ending_a_post_is_no_part_of_the_name_after_it(grammar):
    # "the UN" closes the envoy's post; the person after it is named without it
    text = "Norway\u2019s envoy to the UN Ingrid Halvorsen said that \u201cthis would be called extortion anywhere else.\u201d"
    assert speakers(text, grammar) == [("quotation", "Ingrid Halvorsen")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a prime minister's office is the body known by that name
        ("Prime Minister Mark Carney left Ottawa. \u201cCanada will stay sovereign,\u201d said his office.", "Prime Minister's Office"),
        # anyone else's office speaks for its holder
        ("Sen. Jane Roe left early. \u201cWe will not fund a shield without a plan,\u201d her office said.", "Jane Roe"),
    ],
)
def test_his_or_her_office_is_a_prime_ministers_office_or_speaks_for_its_holder(text, expected, grammar):
    assert speakers(text, grammar) == [("quotation", expected)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # naming words before the thing's own name make the quoted word a term, even with a speaker in the sentence
        (
            "According to Guetlein, his post\u2014informally known as the Golden Dome \u201cczar\u201d\u2014carries wide powers.",
            [("term", "")],
        ),
        # a nickname between a first name and a last one is a term
        ("Gen. Jane Roe met retired Gen. John \u201cJack\u201d Smith on Monday.", [("term", "")]),
        # a country's service, then a title, before the name after the verb: the holder speaks
        (
            "\u201cThe north gives us the warning time,\u201d explained retired U.S. Air Force General Dale Ferris, a former commander.",
            [("quotation", "Dale Ferris")],
        ),
    ],
)
def test_a_name_before_a_named_word_a_nickname_and_a_services_post_before_a_name(text, expected, grammar):
    assert speakers(text, grammar) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dateline in capitals before a colon names no body for an unnamed spokesperson to belong to
        (
            "OTTAWA: Canada is \u201cnot for sale at any price,\u201d a foreign ministry spokesperson said on Monday.",
            [("quotation", "foreign ministry spokesperson")],
        ),
        # a short name a headline sets before the noun it qualifies is a term
        ("Trump Orders Planning For \u2018Silver Lattice\u2019 Missile Shield\n\nTrump signed the order on Monday.", [("term", "")]),
        # "he" after a sentence opening with a person whom a body's name qualifies is that person, not an earlier speaker
        (
            "\u201cIt will be ready in three years,\u201d Trump said in May.\nU.S. Space Force Gen. Michael Guetlein has finished"
            " a blueprint.\n\u201cThe hard part is the interceptor,\u201d he said at a summit.",
            [("quotation", "Donald Trump"), ("quotation", "Michael Guetlein")],
        ),
    ],
)
def test_a_dateline_a_headlines_qualifying_name_and_he_after_a_qualified_subject(text, expected, grammar):
    assert speakers(text, grammar) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an order or a report named by the day it came speaks as "the order", "the report" do
        (
            "The president signed the order on Monday. \u201cThe danger from long-range weapons has only grown,\u201d Monday's"
            " executive order said.",
            [("quotation", "executive order")],
        ),
        (
            "The Congressional Budget Office weighed in on Tuesday. \u201cThe orbital layer drives most of the cost,\u201d"
            " Tuesday's report said.",
            [("quotation", "Congressional Budget Office")],
        ),
        # a possessive body's name never takes in the word that ended the sentence before it
        (
            "Pyongyang condemned the plan, state media said on Tuesday.\n\nPyongyang's foreign ministry rejected it."
            " \u201cThe plan opens a new race in orbit,\u201d it said.",
            [("quotation", "Pyongyang's foreign ministry")],
        ),
    ],
)
def test_a_document_named_by_its_day_and_a_possessive_body_after_a_sentence_end(text, expected, grammar):
    assert speakers(text, grammar) == expected


def test_a_memorandum_relayed_by_a_news_agency_is_its_issuers(grammar):
    # a government's memorandum speaks for the body that issued it; the news agency after the words relays it
    text = (
        "Seoul watched closely. Pyongyang's foreign ministry issued a memorandum calling the system \u201ca reckless bid to"
        " arm the heavens,\u201d the Korean Central News Agency said."
    )
    assert speakers(text, grammar) == [("quotation", "Pyongyang's foreign ministry")]


def test_a_party_before_names_in_a_headline_is_no_part_of_them(grammar):
    # "Republicans Roe, Lee" in a headline: the party is not the first name of the surname the story quotes
    text = (
        "Republicans Roe, Lee launch House shield caucus\n\nRep. Dana Roe, R-Ohio, spoke at a think tank on Tuesday.\n\n"
        "\u201cThe caucus will keep the program on schedule,\u201d Roe told the audience."
    )
    assert speakers(text, grammar) == [("quotation", "Dana Roe")]


def test_the_two_sides_of_a_joint_statement_and_its_it(grammar):
    # "the two sides" are the two countries named before; "it" after their statement stands for them too
    text = (
        "Russia and China warned on Wednesday that the plan would upset the balance.\n\n\u201cThe shield is deeply"
        " destabilizing,\u201d the two sides said in their joint statement. The plan \u201cturns orbit into a battlefield,\u201d"
        " it added."
    )
    assert speakers(text, grammar) == [("quotation", "Russia and China"), ("quotation", "Russia and China")]


def test_a_countrys_body_named_after_it_speaks_for_itself(grammar):
    # "the foreign ministry of X" is a body named as written, not "the ministry" left unnamed
    text = "The foreign ministry of North Korea condemned the plan, calling it \u201ca scheme to put weapons in orbit.\u201d"
    assert speakers(text, grammar) == [("quotation", "foreign ministry of North Korea")]
    # ... but a holder's title after "of" is no country: no body is named "government of Prime"
    text = "The government of Prime Minister Jane Roe has welcomed the plan. \u201cIt keeps us safe,\u201d the government said."
    assert "government of Prime" not in [speaker for _, speaker in speakers(text, grammar)]


def test_confirmed_after_the_words_is_a_verb_of_speech(grammar):
    text = "\u201cThe options will be announced in the coming days,\u201d Pentagon spokesperson Dana Roe confirmed."
    assert speakers(text, grammar) == [("quotation", "Dana Roe")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline that opens with who speaks, their words before a preposition: theirs, a country's too
        ("Pyongyang 'Deeply Worried' Over Orbital Shield\n\nPyongyang is worried about the plan.", [("quotation", "North Korea")]),
        ("Kremlin 'Not Alarmed' About Space Layer\n\nThe Kremlin said it was calm.", [("quotation", "Kremlin")]),
        # ... not words that qualify the noun after them, nor a possessive's thing
        ("Pentagon Weighs 'Sky Fence' Radar Layer\n\nThe Pentagon is weighing a radar.", [("term", "")]),
        ("Trump's 'Sky Fence' Faces Hurdles In Congress\n\nTrump is pushing it.", [("term", "")]),
    ],
)
def test_a_headline_opening_with_who_speaks_credits_their_words(text, expected, grammar):
    assert speakers(text, grammar) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause that sets another's view against the words is not their credit
        (
            "Ambassador Jane Roe has likened the offer to \u201ca shakedown by a neighbour,\u201d while Ottawa insists that talks go on.",
            [("quotation", "Jane Roe")],
        ),
        # a nickname between a first name and a last one leaves the two one name
        (
            'Priya "PJ" Jansen, head of the agency, said the layer will "see every launch from the first second."',
            [("term", ""), ("quotation", "Priya Jansen")],
        ),
        # the commander in chief is the president; "interrupted" and "interjected" are verbs of speech
        (
            "President Dana Cole took questions. \u201cThere is no system at all today, none,\u201d the commander in chief interrupted.",
            [("quotation", "Dana Cole")],
        ),
        ("\u201cThe threat sets the price, not us,\u201d Gen. Jane Roe interjected.", [("quotation", "Jane Roe")]),
    ],
)
def test_a_contrasting_clause_a_nickname_and_the_commander_in_chief(text, expected, grammar):
    assert speakers(text, grammar) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the maker of remarks named before a pronoun's credit: the words are those remarks
        "Governor Dana Cole spoke on Monday. Cole cancelled the visit in reply to remarks Mayor Jane Roe delivered at the port.\n"
        '"Cities have started to treat harbours as weapons and ferries as leverage," she said.',
        "Governor Dana Cole spoke on Monday. Cole cancelled the visit after Mayor Jane Roe's speech at the port.\n"
        '"Cities have started to treat harbours as weapons and ferries as leverage," she said.',
        "Governor Dana Cole spoke on Monday. Cole's outburst came right after Mayor Jane Roe's harbour speech, where she decried"
        " the crumbling 'rules of the old port'.",
    ],
)
def test_a_pronoun_after_the_maker_of_remarks_is_theirs(text, grammar):
    assert speakers(text, grammar)[-1] == ("quotation", "Jane Roe")


@pytest.mark.parametrize(
    "text",
    [
        # "It" speaking is the country the sentence before opens with, not the last body named
        "The Harbor Institute held a panel. Pyongyang derided the plan on Monday. It accused Washington of \u201cplotting to arm"
        " the heavens for good and for ever.\u201d",
        "The Harbor Institute held a panel. On Monday, Pyongyang derided the plan. It accused Washington of \u201cplotting to arm"
        " the heavens for good and for ever.\u201d",
    ],
)
def test_it_speaking_is_the_country_the_sentence_before_opens_with(text, grammar):
    assert speakers(text, grammar) == [("quotation", "North Korea")]


def test_a_headline_names_an_unnamed_role_without_its_article_and_its_nationality_is_no_person(grammar):
    text = "Senior Danish diplomat likens Golden Dome demands to a ‘shakedown’ of allies\n\nThe envoy spoke in Geneva on Monday."
    assert speakers(text, grammar) == [("quotation", "senior Danish diplomat")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline's words that a named person's quotation repeats are that person's: an unnamed role, a body
        (
            "Senior Danish diplomat likens Golden Dome demands to a ‘shakedown of allies’\n\nDenmark's envoy to NATO, Ida Holm, "
            "spoke on Monday.\n\n“Anywhere else this would be called a shakedown of allies,” Holm said.",
            [("quotation", "Ida Holm"), ("quotation", "Ida Holm")],
        ),
        (
            "‘Nobody may say its name’: Pentagon gags staff on missile shield\n\nStaff at the symposium were told to keep quiet, "
            "said Carl Voss, a contractor.\n\n“Nobody may say its name, not even in the hallways,” Voss said.",
            [("quotation", "Carl Voss"), ("quotation", "Carl Voss")],
        ),
        # not where the headline names its speaker, a body right before its words among them, nor where the story's
        # quotation is an unnamed role's
        (
            "Japan ‘Deeply Troubled’ Over Shield Plan\n\nThe foreign minister, Kenta Mori, spoke.\n\n“We are deeply troubled,” Mori said.",
            [("quotation", "Japan"), ("quotation", "Kenta Mori")],
        ),
        (
            "Holm calls the demands a ‘shakedown of allies’\n\nDenmark's envoy to NATO, Ida Holm, spoke. A Danish aide agreed."
            "\n\n“It is a shakedown of allies,” the aide said.",
            [("quotation", "Ida Holm"), ("quotation", "Danish aide")],
        ),
    ],
)
def test_a_headlines_quoted_words_repeated_in_the_story_are_the_speakers_there(text, expected, grammar):
    assert speakers(text, grammar) == expected


def test_a_documents_words_go_on_in_its_sentence_past_a_relative_clause(grammar):
    text = (
        "President Donald Trump issued an executive order in January mandating the creation of a “shield for the homeland,”"
        " which would be a “next-generation defense against every aerial attack.”"
    )
    assert speakers(text, grammar) == [("quotation", "executive order"), ("quotation", "executive order")]


def test_a_document_credited_after_a_quotation_speaks_as_a_person_would(grammar):
    text = (
        "The president signed an executive order on Friday. “The danger from missiles remains the gravest one facing the"
        " nation,” the document reads. “Within 90 days the secretary shall send a plan for the shield,” the order adds."
    )
    assert speakers(text, grammar) == [("quotation", "executive order"), ("quotation", "executive order")]


def test_a_quotation_opening_a_paragraph_goes_on_with_the_voice_of_the_paragraph_before(grammar):
    text = (
        "Jane Roe, a senior fellow at a think tank, emphasizes that the island is vital to the plan. Unlike bases at home,"
        " which leave less margin, sites there offer more warning.\n\n“By having our shield based on the island, every"
        " future attack gets spotted sooner and stopped further from home.”"
    )
    assert speakers(text, grammar) == [("quotation", "Jane Roe")]
    # ... not where a quotation of the paragraph before was someone else's since
    other = text.replace("offer more warning.", "offer more warning, “a gift of minutes,” as Tom Ode put it.")
    assert speakers(other, grammar)[-1] == ("quotation", "Tom Ode")


def test_a_hyphenated_modifier_in_marks_is_a_term_unless_someone_is_credited_with_it(grammar):
    # A firm that "will provide" a service is the sentence's subject, not the one who coined the jargon it qualifies.
    text = 'Orbitline Systems will provide sensor fusion, vital for the "left-of-launch" warning the plan relies on.'
    assert speakers(text, grammar) == [("term", "")]
    assert speakers('Officials say its "hit-to-kill" design has matured.', grammar) == [("term", "")]
    # ... but a naming verb's object, or words a credit follows, stay someone's
    assert speakers('Carney called the accord a "win-win" arrangement for both sides.', grammar) == [("quotation", "Mark Carney")]
    assert speakers('It is a "win-win" arrangement, Carney said.', grammar) == [("quotation", "Mark Carney")]


def test_a_bare_ticker_after_a_company_leaves_the_company_speaking(grammar):
    # Investor notes set the ticker after the name with no brackets.
    text = 'Contractors are keen, with Northrop Grumman NOC calling the shield "a once-in-a-generation build" this week.'
    assert speakers(text, grammar) == [("quotation", "Northrop Grumman")]
    text = 'Shares rose after Palantir Technologies Inc. PLTR said it saw "a generational opening" in the shield.'
    assert speakers(text, grammar) == [("quotation", "Palantir")]


def test_a_colon_closing_a_second_clause_gives_the_words_to_that_clause_s_subject(grammar):
    text = (
        'Trump has praised the plan as "a shield over the whole nation," while Space Command chief Gen. Dana Whitfield'
        ' boils the doctrine down to four words: "defend from the orbit."'
    )
    assert speakers(text, grammar) == [("quotation", "Donald Trump"), ("quotation", "Dana Whitfield")]
    # ... while a second clause with no one in it leaves the words with the sentence's subject
    assert speakers('Trump spoke briefly, but the message was plain: "Pay your share."', grammar) == [("quotation", "Donald Trump")]


def test_a_story_term_whose_naming_the_sentence_credits_is_the_namer_s_words(grammar):
    # The codebook lists "system of systems" as a term of the story; credited to a named officer, it is his phrase.
    text = 'As Gen. Dana Whitfield, the senior officer, described it, the shield is a "system of systems" above the country.'
    assert speakers(text, grammar) == [("quotation", "Dana Whitfield")]
    text = 'The layout was dubbed a "system of systems" by Gen. Dana Whitfield, the senior officer.'
    assert speakers(text, grammar) == [("quotation", "Dana Whitfield")]
    # ... not a generic naming nobody is credited with
    assert speakers('Planners see the shield as a "system of systems" in orbit.', grammar) == [("term", "")]


def test_those_were_the_words_of_a_person_a_description_opens(grammar):
    text = (
        '"We will keep our options open." Those were the words from newly appointed Defence Minister Claire Beaulieu'
        " on Tuesday, before a journalist pressed her on the price."
    )
    assert speakers(text, grammar) == [("quotation", "Claire Beaulieu")]


def test_a_spokesperson_whose_description_names_another_kind_of_body_is_not_the_last_body_s(grammar):
    # A caption named the White House; the foreign ministry's spokesperson is not the White House's.
    text = (
        "The president spoke from the White House's Oval Office on Tuesday.\n\n"
        'Beijing is "gravely worried" about the plan and wants it dropped, a foreign ministry spokesperson said on Wednesday.'
    )
    assert speakers(text, grammar) == [("quotation", "foreign ministry spokesperson")]
    # ... while a word any of the body's staff may go by still places them there
    text = 'Lockheed Martin shares rose. "We are ready to build," a company spokesman said.'
    assert speakers(text, grammar) == [("quotation", "Lockheed Martin spokesman")]


def test_a_body_inside_a_ministry_is_named_with_it_not_as_the_country(grammar):
    text = '"The shield is a blueprint for war in orbit," said the Institute for Disarmament Studies of North Korea\'s foreign ministry.'
    assert speakers(text, grammar) == [("quotation", "Institute for Disarmament Studies of North Korea's foreign ministry")]
