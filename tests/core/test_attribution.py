"""Who each claim is attributed to, read through an article in order."""

from factcards.core.extract import SCORE_CUT, find_claims

ARTICLE = """Yard approved

The deal is worth €210 million, people familiar with the matter told Meridian Wire.
Skerrow will hire 400 people, according to a company statement.
“We are on schedule,” chief executive Dana Holt said.
“The first ferry sails in May.”
The yard will open in 2027, the people said.
Meridian Wire reported that the S40 is due to launch in spring 2027.
Analysts at Brightwater Securities wrote in a note that the deal adds €30 million a year.
She said the council had approved the plans.
Corvane shares rose 3% on Tuesday.
"""


def _attributions() -> dict[str, str | None]:
    return {ARTICLE[c.start : c.end]: c.attribution for c in find_claims(ARTICLE)}


def test_attributions_of_every_kind() -> None:
    found = _attributions()
    assert found["The deal is worth €210 million"] == "people familiar with the matter"
    assert found["Skerrow will hire 400 people"] == "a company statement"
    assert found["We are on schedule"] == "chief executive Dana Holt"
    assert found["the S40 is due to launch in spring 2027"] == "Meridian Wire"
    assert found["the deal adds €30 million a year"] == "Analysts at Brightwater Securities"


def test_what_refers_back_is_resolved() -> None:
    found = _attributions()
    # "the people" are the people familiar with the matter named earlier.
    assert found["The yard will open in 2027"] == "people familiar with the matter"
    # A quotation that runs on keeps its speaker.
    assert found["The first ferry sails in May"] == "chief executive Dana Holt"
    # "She" is the last person named.
    assert found["the council had approved the plans"] == "chief executive Dana Holt"


def test_the_outlets_own_voice_has_no_attribution() -> None:
    assert _attributions()["Corvane shares rose 3% on Tuesday"] is None


def test_why_sources_are_anonymous_is_not_a_claim() -> None:
    text = (
        "The yard will close in June, people familiar with the plans said, who asked not to "
        "be named.\nThese people declined to discuss the plans publicly.\n"
        "The sale will close in May, the people said.\n"
    )
    found = {text[c.start : c.end]: c.attribution for c in find_claims(text)}
    assert found == {
        "The yard will close in June": "people familiar with the plans",
        "The sale will close in May": "people familiar with the plans",
    }


def test_a_speaker_with_its_own_statement_speaks_for_that_clause_alone() -> None:
    text = (
        "Athletic on Tuesday confirmed the sale of its striker to Corvane United.\n"
        "The fee is €40 million, Meridian Wire said, and the striker signs a four-year deal.\n"
    )
    found = {text[c.start : c.end]: c.attribution for c in find_claims(text)}
    assert found["Athletic on Tuesday confirmed the sale of its striker to Corvane United"] == (
        "Athletic"
    )
    assert found["The fee is €40 million"] == "Meridian Wire"


def test_what_someone_believes_is_not_attributed_as_said() -> None:
    text = "Dana Holt believes the S40 will be the cheapest ferry on the coast.\n"
    [claim] = find_claims(text)
    assert claim.attribution is None


def test_an_attribution_between_subject_and_verb_keeps_them_one_claim() -> None:
    text = (
        "The harbour board’s estimate, cited by the Tolland Courier, puts the repairs at "
        "$2.4 million.\nThe ferry, the board said, will return in May.\n"
    )
    claims = find_claims(text)
    assert [(text[c.start : c.end], c.attribution, c.wording) for c in claims] == [
        (
            "The harbour board’s estimate, cited by the Tolland Courier, puts the repairs at "
            "$2.4 million",
            "the Tolland Courier",
            "The harbour board’s estimate puts the repairs at $2.4 million",
        ),
        (
            "The ferry, the board said, will return in May",
            "the board",
            "The ferry will return in May",
        ),
    ]


def test_a_speaker_named_with_a_role_is_one_attribution() -> None:
    text = (
        "“The ferry is back in service,” Dr. Ines Varga, the port’s safety officer, said on "
        "Friday.\n"
        "Dana Holt, Skerrow’s chief executive, told the Tolland Courier the yard would reopen "
        "in May.\n"
    )
    claims = find_claims(text)
    assert [(text[c.start : c.end], c.attribution) for c in claims] == [
        ("The ferry is back in service", "Dr. Ines Varga"),
        ("the yard would reopen in May", "Dana Holt"),
    ]


def test_who_is_told_is_a_name_not_the_claim() -> None:
    text = "Holt told reporters the yard would reopen in May.\n"
    [claim] = find_claims(text)
    assert (text[claim.start : claim.end], claim.attribution) == (
        "the yard would reopen in May",
        "Holt",
    )


def test_adding_that_goes_on_in_the_same_voice() -> None:
    text = "Tolland said the yard would reopen in May, adding that 300 jobs would return.\n"
    claims = find_claims(text)
    assert [(text[c.start : c.end], c.attribution) for c in claims] == [
        ("the yard would reopen in May", "Tolland"),
        ("300 jobs would return", "Tolland"),
    ]


def test_she_is_the_person_named_after_a_role() -> None:
    text = (
        "City council chair Mira Lund said the ferry would sail again.\n"
        "“The first crossing is set for June,” she said.\n"
    )
    found = {text[c.start : c.end]: c.attribution for c in find_claims(text)}
    assert found["The first crossing is set for June"] == "City council chair Mira Lund"


def test_a_report_named_with_its_owner_is_an_attribution() -> None:
    text = "Tolland’s debt stood at €80 million in June, the company said in its annual report.\n"
    [claim] = find_claims(text)
    assert (text[claim.start : claim.end], claim.attribution) == (
        "Tolland’s debt stood at €80 million in June",
        "the company",
    )


def test_it_said_is_the_organisation_that_spoke_last() -> None:
    text = (
        "The yard will reopen in May, the harbour board said.\n"
        "The repairs cost $2.4 million, it added.\n"
    )
    found = {text[c.start : c.end]: c.attribution for c in find_claims(text)}
    assert found["The repairs cost $2.4 million"] == "the harbour board"


def test_a_quotation_of_several_sentences_is_the_speakers_from_its_start() -> None:
    text = (
        "“The yard will reopen in May. We have hired 300 welders,” Dana Holt said.\n"
        "“The ferry sails in June,” Ines Varga said. “The crossing takes an hour. It is "
        "safe,” said Tom Reyes.\n"
    )
    found = {text[c.start : c.end]: c.attribution for c in find_claims(text)}
    assert found["The yard will reopen in May"] == "Dana Holt"
    assert found["We have hired 300 welders"] == "Dana Holt"
    # The second quotation in the paragraph is not the first speaker's.
    assert found["The crossing takes an hour"] == "Tom Reyes"


def test_who_a_speaker_is_belongs_to_the_attribution() -> None:
    text = (
        "Tom Reyes, 64, who has fished from the harbour all his life, said: “Nobody asked us "
        "about the new quay.”\n"
    )
    [claim] = find_claims(text)
    assert (text[claim.start : claim.end], claim.attribution) == (
        "Nobody asked us about the new quay",
        "Tom Reyes",
    )


def test_who_a_speaker_is_with_a_date_is_a_claim_of_its_own() -> None:
    text = "Dana Holt, who founded the yard in 2015, said the ferry would sail in May.\n"
    quotes = [text[c.start : c.end] for c in find_claims(text)]
    assert quotes == ["Dana Holt, who founded the yard in 2015", "the ferry would sail in May"]


def test_a_frame_before_a_claim_too_short_to_read_alone_stays_in_its_quote() -> None:
    text = (
        "Harbour officials say 40 passengers fell ill and six were taken to hospital, per the "
        "Tolland Courier.\nHarbour officials say the ferry will return to service in May.\n"
    )
    claims = find_claims(text)
    assert [(text[c.start : c.end], c.attribution) for c in claims] == [
        # The frame stays in the short quote, and still speaks for the clause after it.
        ("Harbour officials say 40 passengers fell ill", "Harbour officials"),
        ("six were taken to hospital", "Harbour officials"),
        # A claim long enough to read alone is quoted without its frame.
        ("the ferry will return to service in May", "Harbour officials"),
    ]
    assert claims[0].score >= SCORE_CUT


def test_records_that_show_a_claim_are_its_source() -> None:
    text = (
        "The harbour board approved the new quay in 2023, planning records show.\n"
        "The ferry sold 4,000 tickets in May, company filings showed on Monday.\n"
        "The regatta drew 9,000 visitors to the boat show.\n"
    )
    claims = find_claims(text)
    assert [(text[c.start : c.end], c.attribution) for c in claims] == [
        ("The harbour board approved the new quay in 2023", "planning records"),
        ("The ferry sold 4,000 tickets in May", "company filings"),
        # A show that is an event speaks for nothing.
        ("The regatta drew 9,000 visitors to the boat show", None),
    ]


def test_who_puts_a_figure_on_something_gives_their_own_estimate() -> None:
    text = (
        "The harbour board puts the cost of the new quay at €12 million.\n"
        "Tolland declined to comment; people close to the talks put it at about €30 million.\n"
        "The storm flooded 40 homes, which puts the total this year at 300.\n"
    )
    found = {text[c.start : c.end]: c.attribution for c in find_claims(text)}
    assert found["The harbour board puts the cost of the new quay at €12 million"] == (
        "The harbour board"
    )
    assert found["people close to the talks put it at about €30 million"] == (
        "people close to the talks"
    )
    # "which puts …" is the storm's toll, in the outlet's voice.
    assert found["which puts the total this year at 300"] is None


def test_who_a_speaker_named_after_said_is_belongs_to_the_attribution() -> None:
    text = (
        "“The quay floods every spring,” said Tom Reyes, 64, who has fished from the harbour "
        "all his life.\n"
        "“The ferry is late again,” said Ana Ruiz, who founded the harbour club in 1998.\n"
    )
    claims = find_claims(text)
    assert [(text[c.start : c.end], c.attribution) for c in claims] == [
        ("The quay floods every spring", "Tom Reyes"),
        ("The ferry is late again", "Ana Ruiz"),
        # With a date of its own it tells something to check.
        ("who founded the harbour club in 1998", "Ana Ruiz"),
    ]


def test_they_who_spoke_go_on_in_their_own_voice() -> None:
    text = (
        "Analysts at Kestrel Securities wrote in a note that the yard would add €9 million a "
        "year to sales. They raised their price target to €31 from €27.\n"
        "Tolland said it would hire 200 welders. They start in June.\n"
    )
    found = {text[c.start : c.end]: c.attribution for c in find_claims(text)}
    assert found["They raised their price target to €31 from €27"] == (
        "Analysts at Kestrel Securities"
    )
    # "they" after a company is not the company speaking.
    assert found["They start in June"] is None


def test_a_speaker_whose_name_ends_like_is_or_are_still_speaks() -> None:
    text = (
        "Port director Ana Davis said the quay would reopen in May.\n"
        "Harbour pilot Clare said the channel was dredged in March.\n"
        "The quay is said to be the oldest on the coast.\n"
    )
    found = {text[c.start : c.end]: c.attribution for c in find_claims(text)}
    assert found["the quay would reopen in May"] == "Port director Ana Davis"
    assert found["the channel was dredged in March"] == "Harbour pilot Clare"
    # "is said" has no speaker.
    assert found["The quay is said to be the oldest on the coast"] is None


def test_a_person_named_again_by_surname_is_who_she_means() -> None:
    text = (
        "Harbour medical officer Dr. K. L. Moreau said 12 sailors were treated. None remain "
        "in hospital, he said.\n"
        "Port director Ana Lindqvist announced the closure on Monday.\n"
        "“We let the town down,” Lindqvist told reporters at City Hall. She said the quay "
        "would reopen in May.\n"
        "Tolland’s chief executive told analysts on a conference call that 300 welders would "
        "return to the yard.\n"
    )
    found = {text[c.start : c.end]: c.attribution for c in find_claims(text)}
    # Initials are part of a person's name.
    assert found["None remain in hospital"] == "Harbour medical officer Dr. K. L. Moreau"
    # "Lindqvist" alone is the port director named before, so "she" is Lindqvist.
    assert found["the quay would reopen in May"] == "Lindqvist"
    # Where it was said belongs to the attribution, not the claim.
    assert "Lindqvist told reporters at City Hall" not in found
    assert found["300 welders would return to the yard"] == "Tolland’s chief executive"


def test_analysts_at_a_firm_are_they_not_he_or_she() -> None:
    text = (
        "Analysts at Kestrel Harbour Research wrote that the yard earns 9% of Tolland’s "
        "revenue. The lease comes up for renewal in 2029, they wrote.\n"
    )
    found = {text[c.start : c.end]: c.attribution for c in find_claims(text)}
    assert found["The lease comes up for renewal in 2029"] == (
        "Analysts at Kestrel Harbour Research"
    )


def test_which_said_is_the_noun_before_it_speaking() -> None:
    text = (
        "The quay is maintained by Marlow Works Ltd., which said in a statement that the "
        "repairs were finished on time.\n"
    )
    found = {text[c.start : c.end]: c.attribution for c in find_claims(text)}
    assert found["the repairs were finished on time"] == "Marlow Works Ltd"


def test_a_promise_to_someone_is_the_promisers_own_statement() -> None:
    text = (
        "Mayor Ana Lindqvist has promised stranded passengers a €50 voucher and has ordered "
        "a safety review, the Tolland Courier said.\n"
    )
    claims = find_claims(text)
    assert [(text[c.start : c.end], c.attribution) for c in claims] == [
        (
            "Mayor Ana Lindqvist has promised stranded passengers a €50 voucher",
            "Mayor Ana Lindqvist",
        ),
        ("has ordered a safety review", "the Tolland Courier"),
    ]


def test_people_who_work_with_someone_are_named_with_their_who() -> None:
    text = "People who work with the skipper say the ferry has run late on 40 crossings.\n"
    [claim] = find_claims(text)
    assert claim.attribution == "People who work with the skipper"
    # Who cited them stays part of their name.
    text = "The yard will close in June, unnamed sources cited by the Tolland Courier said.\n"
    [claim] = find_claims(text)
    assert claim.attribution == "unnamed sources cited by the Tolland Courier"


def test_who_calls_something_by_a_quoted_phrase_speaks_it() -> None:
    text = (
        "Port director Ana Lindqvist called the new quay “the best thing to happen to Tolland "
        "in a generation.”\n"
        "The yard opened a welding shop it called “Dock Four” in 2019.\n"
    )
    found = {text[c.start : c.end]: c.attribution for c in find_claims(text)}
    assert found == {
        "Port director Ana Lindqvist called the new quay “the best thing to happen to Tolland "
        "in a generation.”": "Port director Ana Lindqvist",
        # A name given in quotation marks is no one's statement.
        "The yard opened a welding shop it called “Dock Four” in 2019": None,
    }


def test_how_a_speaker_spoke_is_not_who_spoke() -> None:
    for sentence, speaker in (
        ("Corvane quickly said the deal was done.", "Corvane"),
        ("The club later said the stadium would open in 2027.", "The club"),
        ("A person close to the family said the deal was done.", "A person close to the family"),
    ):
        [claim] = find_claims(sentence + "\n")
        assert claim.attribution == speaker, sentence


def test_what_analysts_note_is_theirs() -> None:
    text = "Industry analysts note that the packs could halve Skerrow's fuel bill.\n"
    (claim,) = find_claims(text)
    assert text[claim.start : claim.end] == "the packs could halve Skerrow's fuel bill"
    assert claim.attribution == "Industry analysts"


def test_note_that_opening_a_sentence_names_no_speaker() -> None:
    text = "Note that the yard will close in June.\n"
    (claim,) = find_claims(text)
    assert claim.attribution is None
