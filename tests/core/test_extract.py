"""Claim candidates: exact spans, scored, attributed; furniture and headings never."""

from factcards.core.checkworthiness import ATTRIBUTION_BONUS, score_claim
from factcards.core.extract import SCORE_CUT, find_claims

ARTICLE = """Home › Business › Shipping

# Ferry yard approved

By Ann Lowe, Quayside Post

PORT ELLIS, March 3 — The council approved the €18 million ferry yard on Tuesday, the mayor said.

Will it bring the jobs it promises? Perhaps it could, one day.

Skerrow Electric Ferries employs 180 people, according to the company.

Leave a reply

Please enter your name here

0

AI Generated Image
"""


def _texts(text: str) -> list[str]:
    return [text[c.start : c.end] for c in find_claims(text)]


def test_only_article_prose_becomes_candidates() -> None:
    texts = _texts(ARTICLE)
    # Quotes are claims: the attribution ("…, the mayor said") is not part of them.
    assert "The council approved the €18 million ferry yard on Tuesday" in texts
    assert "Skerrow Electric Ferries employs 180 people" in texts
    for furniture in ("Leave a reply", "Please enter", "AI Generated", "Home ›", "By Ann", "0"):
        assert not any(t.startswith(furniture) for t in texts)
    assert not any("Ferry yard approved" in t for t in texts)


def test_the_dateline_is_not_part_of_the_claim() -> None:
    assert not any(t.startswith("PORT ELLIS") for t in _texts(ARTICLE))


def test_spans_are_exact_slices_of_the_text() -> None:
    for candidate in find_claims(ARTICLE):
        piece = ARTICLE[candidate.start : candidate.end]
        assert piece == piece.strip() and piece
        assert 0 <= candidate.score <= 1


def test_attribution_is_read_from_the_sentence() -> None:
    by_text = {ARTICLE[c.start : c.end]: c.attribution for c in find_claims(ARTICLE)}
    assert by_text["The council approved the €18 million ferry yard on Tuesday"] == "the mayor"
    assert by_text["Skerrow Electric Ferries employs 180 people"] == "the company"


def test_checkable_facts_score_above_questions_and_opinion() -> None:
    fact = score_claim(
        "Corvane will pay €210 million for Skerrow, Meridian Wire reported on Tuesday."
    )
    question = score_claim("Will the S40 finally make electric ferries mainstream?")
    opinion = score_claim(
        "It is hard not to see this as the end of an era, and we think it matters."
    )
    assert fact >= SCORE_CUT > question
    assert fact > opinion
    assert opinion < SCORE_CUT


def test_a_sentence_of_appositions_gives_no_fragment_cards() -> None:
    text = (
        "The new ferry, codenamed Tern, is expected to enter service next spring, and may be "
        "sold as a leased vessel — one that the yard can service and that operators can rent "
        "by the month, according to people familiar with the plans, who declined to speak "
        "publicly about internal plans.\n"
    )
    claims = find_claims(text)
    assert [c.wording for c in claims] == [
        "The new ferry, codenamed Tern, is expected to enter service next spring",
        "The new ferry may be sold as a leased vessel — one that the yard can service and that "
        "operators can rent by the month",
    ]
    assert {c.attribution for c in claims} == {"people familiar with the plans"}


def test_a_wording_reads_as_a_sentence() -> None:
    text = (
        "Aquenta said it would cooperate with the city’s review. "
        "The move, which aligns Skerrow with its rival Tolland, was welcomed by the council.\n"
    )
    wordings = [c.wording for c in find_claims(text)]
    assert "Aquenta would cooperate with the city’s review" in wordings
    assert "The move aligns Skerrow with its rival Tolland" in wordings


def test_a_clause_opening_with_a_participle_is_worded_with_the_sentences_subject() -> None:
    text = (
        "Skerrow shares rose 4% on Tuesday, outpacing the harbour index's 1.2% gain.\n"
        "It cut its forecast on Monday, lowering its 2027 spending plan to €70 million.\n"
        "The yard hired 40 welders in May, including nothing but local workers.\n"
    )
    wordings = {text[c.start : c.end]: c.wording for c in find_claims(text)}
    assert wordings["outpacing the harbour index's 1.2% gain"] == (
        "Skerrow shares outpacing the harbour index's 1.2% gain"
    )
    # A pronoun is no better than the participle alone; the quote stays verbatim.
    assert wordings["lowering its 2027 spending plan to €70 million"] == (
        "Lowering its 2027 spending plan to €70 million"
    )
    # ...and so is a subject that opens a subordinate clause, and "-ing" words that are
    # the subject of a verb of their own.
    for sentence in (
        "If the deal closes in May, lowering its costs by 4% in 2027.\n",
        "The deal closed in May, and lowering its costs by 4% would follow in 2027.\n",
    ):
        [*_, last] = find_claims(sentence)
        assert last.wording.startswith("Lowering its costs by 4%"), last.wording


def test_a_borrowed_subject_leaves_out_when_it_happened() -> None:
    text = (
        "Tolland Town Council on Tuesday approved a €30 million quay, clearing the way "
        "for the ferry to dock in Port Ellis.\n"
        "The harbour board on Friday said it would pay €2 million towards the quay.\n"
        "The ferry company last week said it would add 40 crossings a month.\n"
    )
    wordings = {text[c.start : c.end]: c.wording for c in find_claims(text)}
    assert wordings["clearing the way for the ferry to dock in Port Ellis"] == (
        "Tolland Town Council clearing the way for the ferry to dock in Port Ellis"
    )
    assert wordings["it would pay €2 million towards the quay"] == (
        "The harbour board would pay €2 million towards the quay"
    )
    assert wordings["it would add 40 crossings a month"] == (
        "The ferry company would add 40 crossings a month"
    )


def test_a_clause_that_only_says_when_is_kept_but_hidden() -> None:
    text = (
        "Some ferry crews were told to stop talking about the old route after the May "
        "timetable change, the board said.\n"
        "The notice was lifted on Wednesday, March 11, after two rounds of tests.\n"
    )
    scores = {text[c.start : c.end]: c.score for c in find_claims(text)}
    assert scores["after the May timetable change"] < SCORE_CUT
    # Counting something of its own, it is a claim to check.
    assert scores["after two rounds of tests"] >= SCORE_CUT


def test_an_opening_phrase_that_says_when_joins_its_clause() -> None:
    text = "After three decades of false starts, Port Ellis Ferries will finally get a new dock.\n"
    assert _texts(text) == [
        "After three decades of false starts, Port Ellis Ferries will finally get a new dock"
    ]


def _only_claim_score(sentence: str) -> float:
    """The score of the one claim a sentence, alone in an article, gives."""
    [claim] = find_claims(sentence + "\n")
    return claim.score


def test_a_silence_an_example_or_a_wondering_is_not_a_claim() -> None:
    for sentence in (
        "The harbour board did not respond to a request for comment on Tuesday.",
        "A spokesperson for Tolland Ferries declined to comment on the price.",
        "One notable example was Tolland Ferries.",
        "Whether the S40 pays off will depend on fuel prices in 2027.",
    ):
        assert _only_claim_score(sentence) < SCORE_CUT, sentence
    # A claim with a figure, said of its own, stays.
    [claim] = find_claims("Tolland Ferries ordered two S40 vessels in 2023.\n")
    assert claim.score >= SCORE_CUT
    for sentence in (
        "The harbour master could not be reached on Friday.",
        "The officials asked not to be identified because the talks are private.",
        "Corvane declined to say how much the refit cost.",
        "Observers ask whether a small yard can keep its independence.",
    ):
        assert _only_claim_score(sentence) < SCORE_CUT, sentence


def test_a_statement_of_fact_with_a_name_or_a_source_is_shown() -> None:
    # A subject doing something ("points to", "needs"), said by someone or of something
    # named: a claim to check. The same with neither is kept, below the cut.
    for sentence in (
        "A preliminary review points to a faulty release latch on the ramp, the agency said.",
        "The Corvane deal needs approval from competition regulators.",
    ):
        assert _only_claim_score(sentence) >= SCORE_CUT, sentence
    [plain] = find_claims("A preliminary review points to a faulty release latch on the ramp.\n")
    assert SCORE_CUT - 0.1 < plain.score < SCORE_CUT
    # A name the article writes elsewhere counts when it opens the sentence ("Corvane"),
    # a capitalised first word it never writes as a name does not ("More").
    text = (
        "The ferry maker is owned by Corvane.\n\n"
        "Corvane makes industrial batteries for trucks.\n\n"
        "More streamlined versions like these.\n"
    )
    scores = {text[c.start : c.end]: c.score for c in find_claims(text)}
    assert scores["Corvane makes industrial batteries for trucks"] >= SCORE_CUT
    assert scores["More streamlined versions like these"] < SCORE_CUT
    # Short, but with a figure.
    [claim] = find_claims("Its shares fell 1.9%.\n")
    assert claim.score >= SCORE_CUT


def test_appraisal_and_rhetoric_are_hidden() -> None:
    for sentence in (
        "This is a good deal for Port Ellis, and a fair one.",
        "For a small town like Tolland this is a heavy blow.",
        "Losing the ferry in the same week you open a new dock feels like a gamble.",
        "Harbour chairman Ian Rudd called it “the day this town has waited for”.",
        "The sell-off in Corvane looks overdone after one bad quarter.",
        "Skerrow's readiness to buy a rival's cells suggests a practical streak.",
        "The deal may inspire other yards to follow Port Ellis.",
        "This reflects a wider habit among ferry makers of buying parts from rivals.",
        "This decision represents a surprising turn for Corvane and Skerrow.",
        "The Skerrow order is meaningful for Corvane, a sign of Harbourline's trust in it.",
        "This deal can be seen as a key step for Skerrow in its move to Tolland and Port Ellis.",
    ):
        assert _only_claim_score(sentence) < SCORE_CUT, sentence


def test_a_month_or_a_name_is_no_rhetoric() -> None:
    # "may" is speculation, "May" a month; "good" is appraisal, "Good Friday" a date.
    in_may = score_claim("The council will discuss the yard at its meeting in May")
    assert in_may == score_claim("The council will discuss the yard at its meeting in June")
    assert score_claim("The council may discuss the yard at its meeting in June") < in_may
    # "US" is the country, "us" a writer's voice.
    assert score_claim("Corvane will build a yard in the US") > score_claim(
        "Corvane will build a yard for us"
    )


def test_a_characterisation_with_a_checkable_superlative_is_a_claim() -> None:
    [claim] = find_claims(
        "Mayor Tomas Reyne called the yard “the biggest private investment in Port Ellis in "
        "more than a decade.”\n"
    )
    assert claim.score >= SCORE_CUT
    # A superlative of opinion is not checkable.
    [claim] = find_claims(
        "Harbour chairman Ian Rudd called the vote “the most significant decision for the town "
        "in a century”.\n"
    )
    assert claim.score < SCORE_CUT


def test_only_who_the_news_came_from_or_where_it_was_said_is_no_claim() -> None:
    assert score_claim("Meridian Wire cited people familiar with the matter") < SCORE_CUT
    assert score_claim("In an investor presentation published on Tuesday") < SCORE_CUT
    # With a verb of its own, a phrase that opens with "in" is a claim.
    assert score_claim("In March the yard was sold to Corvane for €20 million") >= SCORE_CUT


def test_an_attributed_quote_scores_a_little_higher() -> None:
    text = "The harbour board approved the plan on Tuesday, the council said.\n"
    [claim] = find_claims(text)
    assert claim.attribution
    assert claim.score > score_claim("The harbour board approved the plan on Tuesday")


def test_a_clause_naming_an_organisation_by_its_initials_is_linked_by_its_name() -> None:
    text = (
        "The Valmoran Space Agency said its satellite failed.\n\n"
        "The VSA has suspended the mission director pending an inquiry.\n"
    )
    [suspended] = [c for c in find_claims(text) if "VSA" in text[c.start : c.end]]
    assert suspended.subject == "Valmoran Space Agency"
    # The card still says what the article said.
    assert suspended.wording.startswith("The VSA has suspended")


def _claims(text: str) -> dict[str, tuple[str, float]]:
    """Each claim's quote, with its card wording and score."""
    return {text[c.start : c.end]: (c.wording, c.score) for c in find_claims(text)}


def test_a_quotation_closed_after_its_comma_keeps_its_closing_mark() -> None:
    text = 'Corvane launched the ferry app "Tern," which went live in May.\n'
    claims = _claims(text)
    assert 'Corvane launched the ferry app "Tern,"' in claims
    # The wording leaves the comma out, as an editor would.
    assert claims['Corvane launched the ferry app "Tern,"'][0].endswith('"Tern"')


def test_a_past_participle_that_describes_the_noun_before_is_no_claim_of_its_own() -> None:
    text = "Corvane hastily launched the ferry app Tern, based on a rival's software.\n"
    assert list(_claims(text)) == [text.rstrip(".\n")]
    # With a verb of its own after "and", it is a claim.
    text = "The report praised Corvane's cells and pointed to Tern as the best app.\n"
    assert len(_claims(text)) == 2


def test_a_borrowed_subject_leaves_out_how_the_subject_acted() -> None:
    text = "Corvane quietly bought the yard last year, and has since hired 40 welders.\n"
    wordings = [wording for wording, _ in _claims(text).values()]
    assert "Corvane has since hired 40 welders" in wordings


def test_a_speaker_who_declines_after_speaking_is_who_declines() -> None:
    text = (
        "An authority spokesperson said the valve “was on a replacement list” and declined "
        "to comment further.\n"
    )
    claims = _claims(text)
    assert claims["declined to comment further"][0] == (
        "An authority spokesperson declined to comment further"
    )
    assert claims["declined to comment further"][1] < SCORE_CUT
    assert claims["the valve “was on a replacement list”"][1] >= SCORE_CUT


def test_a_span_of_time_before_after_stays_with_it() -> None:
    text = (
        "The director resigned on Friday, less than two weeks after bacteria were found in "
        "the tap water.\n"
    )
    assert list(_claims(text)) == [
        "The director resigned on Friday",
        "less than two weeks after bacteria were found in the tap water",
    ]
    # A day or a year before "after" is when, and "after" still opens a clause of its own.
    text = "Corvane's pricing changed earlier this year after the company unveiled Series 5.\n"
    assert "after the company unveiled Series 5" in _claims(text)


def test_a_place_described_after_its_name_is_a_claim_about_that_place() -> None:
    text = (
        "The yard will be built at Tolland Point, the former naval base south of the "
        "harbour, where 400 people will work.\n"
    )
    wording, score = _claims(text)["the former naval base south of the harbour"]
    assert wording == "Tolland Point is the former naval base south of the harbour"
    assert score >= SCORE_CUT


def test_speculation_in_the_writers_own_voice_counts_against_a_claim_more() -> None:
    # That Skerrow's engineers said the S40 could do it can be checked; the writer's own
    # "could" cannot.
    speculation = "The S40 could cross the bay twice on one charge"
    assert score_claim(speculation) < score_claim(speculation, attributed=True)
    text = (
        "The S40 could cross the bay twice on one charge, Skerrow engineers said.\n\n"
        "The S40 could cross the bay twice on one charge.\n"
    )
    said, own = [c.score for c in find_claims(text)]
    assert said >= SCORE_CUT > own
    # More apart than the attribution's own bonus makes them.
    assert said - own > ATTRIBUTION_BONUS + 0.01


def test_could_not_tells_what_was_so_not_a_guess() -> None:
    failed = score_claim("The S40 could not finish its sea trials in March")
    assert failed > score_claim("The S40 could finish its sea trials in March")
    assert failed == score_claim("The S40 did not finish its sea trials in March")


def test_which_as_the_object_of_its_clause_stays_in_the_wording() -> None:
    # "which aligns …" is the move doing something; "which Holt had pushed for" is not.
    claims = _claims(
        "The move, which aligns Skerrow with its rivals, surprised the market.\n\n"
        "Corvane signed a deal with Skerrow, which Holt had long pushed for.\n"
    )
    wordings = {wording for wording, _ in claims.values()}
    assert "The move aligns Skerrow with its rivals" in wordings
    assert "Corvane signed a deal with Skerrow, which Holt had long pushed for" in wordings
