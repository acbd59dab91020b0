"""Claims, not sentences: one sentence, several claims, each an exact clause."""

from factcards.core.clauses import has_verb, split_sentence
from factcards.core.sentences import Span


def _clauses(sentence: str) -> list[str]:
    parts = split_sentence(sentence, Span(0, len(sentence)))
    return [sentence[c.start : c.end] for c in parts.clauses]


def test_a_relative_clause_with_its_own_claim_is_split_off() -> None:
    assert _clauses(
        "Skerrow is using Corvane’s battery packs to build the S40, which is expected to "
        "launch in spring 2027."
    ) == [
        "Skerrow is using Corvane’s battery packs to build the S40",
        "which is expected to launch in spring 2027",
    ]


def test_two_verbs_joined_by_and_are_two_claims() -> None:
    assert _clauses(
        "The company employs 180 people and has delivered 12 electric ferries since 2019."
    ) == ["The company employs 180 people", "has delivered 12 electric ferries since 2019"]


def test_the_attribution_is_set_apart_not_quoted() -> None:
    sentence = (
        "Corvane chief executive Marcus Ebbe is getting involved in day-to-day work, people "
        "familiar with the matter said, and has spent several days a week in Port Ellis."
    )
    parts = split_sentence(sentence, Span(0, len(sentence)))
    assert [sentence[c.start : c.end] for c in parts.clauses] == [
        "Corvane chief executive Marcus Ebbe is getting involved in day-to-day work",
        "has spent several days a week in Port Ellis",
    ]
    assert parts.attributions == ["people familiar with the matter said"]


def test_a_frame_before_the_claim_is_not_quoted() -> None:
    sentence = "Meridian Wire reported that the S40 is due to launch in spring 2027."
    parts = split_sentence(sentence, Span(0, len(sentence)))
    [clause] = parts.clauses
    assert sentence[clause.start : clause.end] == "the S40 is due to launch in spring 2027"
    assert clause.speaker is not None and clause.speaker.strip() == "Meridian Wire"


def test_an_appositive_between_subject_and_verb_is_its_own_claim() -> None:
    assert _clauses(
        "Skerrow, founded in Port Ellis in 2015, builds battery ferries for short crossings."
    ) == ["Skerrow, founded in Port Ellis in 2015", "builds battery ferries for short crossings"]


def test_an_aside_after_a_framed_subject_describes_that_subject() -> None:
    # As when the subject opens the sentence (above), but after a frame: the aside and the
    # clause after it are about "the review", and the frame's speaker says the clause.
    sentence = (
        "Mayor Ines Calloway has promised that the review, led by retired engineer Harriet "
        "Munroe, will be finished by June 30."
    )
    parts = split_sentence(sentence, Span(0, len(sentence)))
    aside, deadline = parts.clauses
    assert sentence[aside.start : aside.end] == "the review, led by retired engineer Harriet Munroe"
    assert aside.speaker is None  # the writer's description, not the mayor's promise
    assert sentence[deadline.start : deadline.end] == "will be finished by June 30"
    assert deadline.subject == "the review"
    assert deadline.speaker is not None and deadline.speaker.strip() == "Mayor Ines Calloway"


def test_a_quotation_a_clause_opens_keeps_its_closing_mark() -> None:
    assert _clauses("A spokesperson said the valve “was on a replacement list”.") == [
        "the valve “was on a replacement list”"
    ]
    assert _clauses('The new ferry is codenamed "Gull".') == ['The new ferry is codenamed "Gull"']
    # A quotation that is the whole clause loses both marks, as before.
    assert _clauses("“The water is safe to drink,” Dr. Okafor said.") == [
        "The water is safe to drink"
    ]


def test_a_role_is_not_a_claim_of_its_own() -> None:
    assert _clauses(
        "Mr. Marcus Ebbe, the chief executive of Corvane, has become more involved in daily "
        "operations."
    ) == [
        "Mr. Marcus Ebbe, the chief executive of Corvane, has become more involved in daily "
        "operations"
    ]


def test_lists_and_dates_do_not_split_a_claim() -> None:
    assert _clauses("The notice was lifted on Wednesday, March 11, after two rounds of tests.") == [
        "The notice was lifted on Wednesday, March 11",
        "after two rounds of tests",
    ]
    assert _clauses("The yard uses cells from Corvane, Calder and Brightwater in testing.") == [
        "The yard uses cells from Corvane, Calder and Brightwater in testing"
    ]


def test_abbreviations_keep_their_full_stop() -> None:
    assert _clauses("The plant is run by Aquenta Utilities Corp.") == [
        "The plant is run by Aquenta Utilities Corp."
    ]


def test_clauses_that_leave_out_their_subject_know_it() -> None:
    sentence = "Dana Holt, who founded Skerrow in 2015, will stay on as chief executive."
    parts = split_sentence(sentence, Span(0, len(sentence)))
    assert [c.subject for c in parts.clauses] == [None, "Dana Holt"]


def test_a_subject_named_twice_before_its_verb_stays_one_claim() -> None:
    # "The head of the port authority, Ines Varga," is only who resigned: one claim.
    assert _clauses("The head of the port authority, Ines Varga, resigned on Monday.") == [
        "The head of the port authority, Ines Varga, resigned on Monday"
    ]


def test_a_description_of_the_subject_without_a_figure_stays_with_its_verb() -> None:
    # Who the subject is, with nothing of its own to check: one claim, not a fragment.
    assert _clauses("Harbour residents, led by the Quayside Society, objected to the plan.") == [
        "Harbour residents, led by the Quayside Society, objected to the plan"
    ]
    assert _clauses("Ines Varga, who founded Tolland, stays on as chair.") == [
        "Ines Varga, who founded Tolland, stays on as chair"
    ]
    # With a date of its own the description is a claim of its own.
    assert _clauses("Ines Varga, who founded Tolland in 2011, stays on as chair.") == [
        "Ines Varga, who founded Tolland in 2011",
        "stays on as chair",
    ]


def test_what_someone_has_not_said_is_a_claim_not_a_frame() -> None:
    assert _clauses("The ministry has not said what caused the outage.") == [
        "The ministry has not said what caused the outage"
    ]


def test_cannot_and_remain_are_verbs() -> None:
    assert _clauses("Without that money the club cannot expand.") == [
        "Without that money the club cannot expand"
    ]
    assert _clauses("Two patients remain in hospital.") == ["Two patients remain in hospital"]


def test_a_participle_with_its_own_figure_is_a_claim_of_its_own() -> None:
    sentence = "The city issued a boil-water notice on March 2 covering 14,200 households."
    parts = split_sentence(sentence, Span(0, len(sentence)))
    assert [sentence[c.start : c.end] for c in parts.clauses] == [
        "The city issued a boil-water notice on March 2",
        "covering 14,200 households",
    ]
    # What the participle is about: a guess for the card's wording, like "which".
    covering = parts.clauses[1]
    assert covering.subject == "a boil-water notice" and covering.relative


def test_a_short_result_after_a_comma_is_split_when_it_gives_a_figure() -> None:
    assert _clauses("The storm hit the coast on Monday, leaving 3,000 homes without power.") == [
        "The storm hit the coast on Monday",
        "leaving 3,000 homes without power",
    ]


def test_a_participle_that_only_colours_the_claim_stays_in_it() -> None:
    # Nothing of its own to check: no figure, no name.
    assert _clauses("The floods hit the valley early on Sunday covering the main roads.") == [
        "The floods hit the valley early on Sunday covering the main roads"
    ]
    # A verb's participle, not a second claim.
    assert _clauses("The company is covering 300 homes in the area.") == [
        "The company is covering 300 homes in the area"
    ]
    # Before the participle, no clause of its own: one quote.
    assert _clauses("Flooding on Sunday covering 300 homes.") == [
        "Flooding on Sunday covering 300 homes"
    ]


def test_the_size_of_what_was_just_named_stays_with_it() -> None:
    assert _clauses("Skerrow launched its largest ferry yet, weighing 900 tonnes empty.") == [
        "Skerrow launched its largest ferry yet, weighing 900 tonnes empty"
    ]


def test_a_noun_phrase_describing_the_noun_before_stays_with_it() -> None:
    assert _clauses("The first to launch will be the T12 — a 150-passenger hybrid ferry.") == [
        "The first to launch will be the T12 — a 150-passenger hybrid ferry"
    ]
    assert _clauses("Tolland’s sales rose 9% to €52 million, the highest in its history.") == [
        "Tolland’s sales rose 9% to €52 million, the highest in its history"
    ]
    # With a verb or a date of its own it tells something of its own.
    assert _clauses("The yard will build the T12, a ferry that will enter service in 2028.") == [
        "The yard will build the T12",
        "a ferry that will enter service in 2028",
    ]


def test_a_label_before_a_colon_is_not_part_of_the_claim() -> None:
    assert _clauses("The bad news: the T12 is still out of service.") == [
        "the T12 is still out of service"
    ]
    # A name before a colon says who speaks, and stays.
    assert _clauses("Varga: the yard will reopen in May.") == ["Varga: the yard will reopen in May"]


def test_a_subject_with_its_codename_stays_with_its_verb() -> None:
    # A name in apposition, like "Paul Ferrante", is not a claim of its own.
    assert _clauses("The new ferry, codenamed Tern, is expected to enter service next spring.") == [
        "The new ferry, codenamed Tern, is expected to enter service next spring"
    ]


def test_a_description_after_a_dash_stays_with_what_it_describes() -> None:
    assert _clauses(
        "Skerrow may sell the S40 as a leased vessel — one that operators can rent by the month."
    ) == ["Skerrow may sell the S40 as a leased vessel — one that operators can rent by the month"]


def test_a_phrase_after_a_colon_with_no_verb_spells_out_the_clause_before() -> None:
    assert _clauses(
        "The deal joins two rival yards: Skerrow (a ferry maker) and Tolland (a cell supplier)."
    ) == ["The deal joins two rival yards: Skerrow (a ferry maker) and Tolland (a cell supplier)"]


def test_why_the_sources_are_anonymous_is_neither_claim_nor_attribution() -> None:
    sentence = (
        "The yard will close in June, according to people familiar with the plans, who asked "
        "not to be named because the talks are private."
    )
    parts = split_sentence(sentence, Span(0, len(sentence)))
    assert [sentence[c.start : c.end] for c in parts.clauses] == ["The yard will close in June"]
    assert parts.attributions == ["according to people familiar with the plans"]
    assert _clauses(
        "The yard will close in June, two people with knowledge of the talks said, who were not "
        "authorized to speak publicly."
    ) == ["The yard will close in June"]
    assert _clauses("The same unnamed insiders declined to discuss the deal publicly.") == []


def test_a_prepositional_tail_with_no_verb_stays_with_its_clause() -> None:
    assert _clauses(
        "Holt now spends most of her week at the Port Ellis yard, in a unit called Dock Four."
    ) == ["Holt now spends most of her week at the Port Ellis yard, in a unit called Dock Four"]
    # A tail with a figure of its own, or a verb of its own, still stands.
    assert _clauses(
        "Aquenta runs the plant, under a 10-year contract worth about $18 million a year."
    ) == ["Aquenta runs the plant", "under a 10-year contract worth about $18 million a year"]


def test_a_subordinate_clause_joins_the_main_clause_after_it() -> None:
    assert _clauses(
        "When Skerrow unveiled the S40 in March 2024, the launch was hailed as a turning point."
    ) == ["When Skerrow unveiled the S40 in March 2024, the launch was hailed as a turning point"]
    assert _clauses(
        "Although the yard has paid off its loans, and Holt wants to keep building, investors "
        "remain wary of the cost."
    ) == [
        "Although the yard has paid off its loans, and Holt wants to keep building, investors "
        "remain wary of the cost"
    ]


def test_not_only_and_but_also_are_one_claim() -> None:
    assert _clauses(
        "The yard has used not only Corvane cells but also batteries from Tolland."
    ) == ["The yard has used not only Corvane cells but also batteries from Tolland"]


def test_an_analysts_note_is_an_attribution() -> None:
    sentence = (
        "Skerrow is the cheapest builder in the region, Brightwater analysts wrote in a May note."
    )
    parts = split_sentence(sentence, Span(0, len(sentence)))
    assert [sentence[c.start : c.end] for c in parts.clauses] == [
        "Skerrow is the cheapest builder in the region"
    ]
    assert parts.attributions == ["Brightwater analysts wrote in a May note"]


def test_a_trailing_attribution_with_a_bare_weekday_is_not_a_claim() -> None:
    sentence = "Skerrow is moving its yard to Tolland, Meridian Wire reported Wednesday."
    parts = split_sentence(sentence, Span(0, len(sentence)))
    assert [sentence[c.start : c.end] for c in parts.clauses] == [
        "Skerrow is moving its yard to Tolland"
    ]
    assert parts.attributions == ["Meridian Wire reported Wednesday"]


def test_a_speech_verb_with_an_object_is_a_statement_not_a_frame() -> None:
    sentence = "Athletic on Tuesday confirmed the sale of its striker to Corvane United."
    parts = split_sentence(sentence, Span(0, len(sentence)))
    [clause] = parts.clauses
    # The words stay in the quote; the club is still who said it, for this clause only.
    assert sentence[clause.start : clause.end] == sentence.rstrip(".")
    assert clause.own_voice


def test_an_announcement_joined_to_another_subjects_clause_has_no_speaker() -> None:
    sentence = "Skerrow announced two new ferries and Tolland unveiled a third in May."
    parts = split_sentence(sentence, Span(0, len(sentence)))
    assert all(clause.speaker is None for clause in parts.clauses)
    assert "Skerrow announced two new ferries" in sentence[parts.clauses[0].start :]


def test_a_continuation_of_the_clause_before_is_not_a_claim_of_its_own() -> None:
    assert _clauses(
        "Regulators have questioned the ferry’s range, particularly in the north where "
        "crossings are longer."
    ) == [
        "Regulators have questioned the ferry’s range, particularly in the north where "
        "crossings are longer"
    ]
    assert _clauses(
        "Skerrow has hired engineers from every yard on the coast, including those in "
        "Tolland who built its first ferries."
    ) == [
        "Skerrow has hired engineers from every yard on the coast, including those in "
        "Tolland who built its first ferries"
    ]


def test_two_words_describing_one_noun_do_not_split_a_claim() -> None:
    assert _clauses("The deal reflects the young and fragmented nature of the ferry market.") == [
        "The deal reflects the young and fragmented nature of the ferry market"
    ]


def test_an_opening_phrase_that_sets_the_scene_is_not_the_subject() -> None:
    sentence = "In a surprising turn, Skerrow sold its Port Ellis yard to Tolland."
    assert split_sentence(sentence, Span(0, len(sentence))).subject == "Skerrow"
    possessive = "Skerrow’s reported use of Corvane cells is a shift for the yard."
    assert split_sentence(possessive, Span(0, len(possessive))).subject is None


def test_a_subject_stays_with_its_verb_across_an_attribution() -> None:
    sentence = "Tolland, according to the Harbour Gazette, plans a second yard."
    parts = split_sentence(sentence, Span(0, len(sentence)))
    assert [sentence[c.start : c.end] for c in parts.clauses] == [sentence.rstrip(".")]
    assert parts.attributions == ["according to the Harbour Gazette"]
    # A clause of its own before the attribution is not joined to what follows it.
    assert _clauses("The yard will close in June, the Gazette reported, and reopen in 2027.") == [
        "The yard will close in June",
        "reopen in 2027",
    ]


def test_a_clause_that_only_repeats_the_predicate_stays_with_it() -> None:
    assert _clauses("The ferry is safe to board, and it has been since Monday.") == [
        "The ferry is safe to board, and it has been since Monday"
    ]
    # A clause with a predicate of its own is a claim of its own.
    assert _clauses("The yard is open, and it is hiring welders.") == [
        "The yard is open",
        "it is hiring welders",
    ]


def test_who_after_a_name_refers_to_that_person() -> None:
    sentence = "The board dismissed chief engineer Dr. Ines Varga, who has run the yard since 2016."
    parts = split_sentence(sentence, Span(0, len(sentence)))
    who = parts.clauses[1]
    assert sentence[who.start : who.end] == "who has run the yard since 2016"
    # A name is surely whom "who" refers to: the subject counts for matching too.
    assert who.subject == "Dr Ines Varga" and not who.relative


def test_a_speech_verb_after_its_or_the_is_a_noun() -> None:
    assert _clauses("Tolland cut its forecast for the year.") == [
        "Tolland cut its forecast for the year"
    ]
    assert _clauses("The stated aim of the merger has worried investors.") == [
        "The stated aim of the merger has worried investors"
    ]


def test_citing_a_reason_is_part_of_the_claim_citing_a_source_is_attribution() -> None:
    assert _clauses("Tolland cut its forecast, citing weaker demand in the north.") == [
        "Tolland cut its forecast, citing weaker demand in the north"
    ]
    sentence = "Tolland cut its forecast, citing people familiar with the plans."
    parts = split_sentence(sentence, Span(0, len(sentence)))
    assert [sentence[c.start : c.end] for c in parts.clauses] == ["Tolland cut its forecast"]
    assert parts.attributions == ["citing people familiar with the plans"]


def test_what_is_confirmed_in_a_when_clause_is_a_claim_in_its_speakers_voice() -> None:
    sentence = (
        "Workers at the yard were left stunned on Friday when the harbour board confirmed "
        "that the S40 ferry would never sail."
    )
    parts = split_sentence(sentence, Span(0, len(sentence)))
    assert [(sentence[c.start : c.end], (c.speaker or "").strip()) for c in parts.clauses] == [
        ("Workers at the yard were left stunned on Friday", ""),
        ("the S40 ferry would never sail", "the harbour board"),
    ]
    # "when" with no one speaking only says when: one claim.
    assert _clauses("The yard will close when the contract ends in May.") == [
        "The yard will close when the contract ends in May"
    ]


def test_an_opening_adverb_does_not_pull_the_frame_into_the_claim() -> None:
    sentence = "Separately, the harbour board said on Friday it would pay €2 million for the quay."
    parts = split_sentence(sentence, Span(0, len(sentence)))
    assert [(sentence[c.start : c.end], c.subject) for c in parts.clauses] == [
        ("it would pay €2 million for the quay", "the harbour board")
    ]
    # Without a frame, the adverb stays with its clause.
    assert _clauses("Meanwhile, the yard will close in June.") == [
        "Meanwhile, the yard will close in June"
    ]


def test_a_closing_participle_with_its_object_tells_what_else_the_subject_does() -> None:
    assert _clauses(
        "The skipper has taken charge of the refit since the spring, visiting the dry dock "
        "every afternoon."
    ) == [
        "The skipper has taken charge of the refit since the spring",
        "visiting the dry dock every afternoon",
    ]
    # A lone participle only colours its clause.
    assert _clauses("The skipper walked along the quay in the rain, smiling.") == [
        "The skipper walked along the quay in the rain, smiling"
    ]


def test_the_value_and_length_of_a_contract_are_a_claim_of_their_own() -> None:
    assert _clauses(
        "Harbourline operates the Tolland ferry route under a 12-year concession worth about "
        "€9 million a year."
    ) == [
        "Harbourline operates the Tolland ferry route",
        "under a 12-year concession worth about €9 million a year",
    ]
    # Terms with no value or length only say how the thing was done.
    assert _clauses("The quay was rebuilt by Marlow Works under a contract signed in 2021.") == [
        "The quay was rebuilt by Marlow Works under a contract signed in 2021"
    ]


def test_has_verb_finds_what_someone_did() -> None:
    assert has_verb("A preliminary review points to a faulty latch")
    assert has_verb("The investigators suspect a defective locking mechanism")
    assert has_verb("A loss of pressure drew groundwater into the system")
    assert has_verb("Ebbe sidelined some board members")
    # A participle or a plural that describes a noun is no verb.
    assert not has_verb("More streamlined versions like Tern")
    assert not has_verb("Based on Calder's licensed software")
    assert not has_verb("repayable over 25 years at a commercial rate")
    assert not has_verb("people familiar with the matter")


def test_two_comparatives_before_one_noun_are_not_two_clauses() -> None:
    assert _clauses(
        "The S40 has become a template for newer, more efficient ferries like the S50."
    ) == ["The S40 has become a template for newer, more efficient ferries like the S50"]
    # A comma before "more than" still ends a clause.
    assert _clauses("Bookings rose 12% in the quarter, more than analysts had expected.") == [
        "Bookings rose 12% in the quarter",
        "more than analysts had expected",
    ]


def test_a_relative_clause_ending_on_its_preposition_describes_the_noun_before() -> None:
    sentence = (
        "Analysts say the packs could help Skerrow win certain routes — such as island "
        "crossings or night services — that Corvane's chemistry is known for."
    )
    assert _clauses(sentence) == [
        "the packs could help Skerrow win certain routes — such as island crossings or "
        "night services — that Corvane's chemistry is known for"
    ]


def test_an_infinitive_after_a_colon_explains_the_noun_before_it() -> None:
    sentence = "The aim is unchanged: to build ferries that can cross the bay on one charge."
    assert _clauses(sentence) == [sentence.rstrip(".")]


def test_not_for_one_reason_but_because_of_another_is_one_claim() -> None:
    sentence = (
        "The order matters to Corvane not for its size but because it proves the packs work at sea."
    )
    assert _clauses(sentence) == [sentence.rstrip(".")]


def test_a_noun_phrase_after_a_name_says_what_the_name_is() -> None:
    sentence = (
        "The yard will be built at Tolland Point, the former naval base south of the "
        "harbour, where 400 people will work."
    )
    parts = split_sentence(sentence, Span(0, len(sentence)))
    described = parts.clauses[1]
    assert sentence[described.start : described.end] == (
        "the former naval base south of the harbour"
    )
    assert (described.subject, described.appositive) == ("Tolland Point", True)
    # A role after a name opening the sentence is no claim of its own, as before.
    assert _clauses("Dana Holt, the founder of Skerrow, will stay on as chief executive.") == [
        "Dana Holt, the founder of Skerrow, will stay on as chief executive"
    ]


def test_a_passive_speech_verb_is_what_happened_not_who_said_it() -> None:
    sentence = "The move, which aligns Skerrow with its rivals, was announced on Monday."
    assert _clauses(sentence)[-1] == "was announced on Monday"
    # "it was reported" still only says where a claim comes from.
    assert _clauses("The deal, it was reported, is worth €210 million.") == [
        "The deal, it was reported, is worth €210 million"
    ]
