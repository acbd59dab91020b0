"""Linking: one card per claim across wordings, conflicts flagged, suggestions offered."""

import os
import subprocess
import sys

from factcards.core.extract import find_claims
from factcards.core.link import (
    CONFIDENT_THRESHOLD,
    DISTINCT_FIGURE_BONUS,
    JOIN_THRESHOLD,
    SHARED_FIGURE_BONUS,
    SUGGEST_THRESHOLD,
    ClaimSignature,
    LinkDecision,
    Linker,
    assign_together,
    content_terms,
)


def _linker(*quotes: tuple[int, int, str]) -> Linker:
    """A linker holding (card, source, text) quotes."""
    linker = Linker()
    for quote_id, (card, source, text) in enumerate(quotes, start=1):
        linker.add(quote_id, card, source, ClaimSignature.of(text))
    return linker


def test_a_paraphrase_with_the_same_names_joins_the_card() -> None:
    linker = _linker(
        (
            7,
            1,
            "Corvane chief executive Marcus Ebbe is getting personally involved in "
            "day-to-day work at the ferry maker",
        ),
        (8, 1, "Skerrow will use the money to build a new assembly yard"),
    )
    decision = linker.link(
        ClaimSignature.of(
            "Mr. Marcus Ebbe, the chief executive of Corvane, has become more involved in "
            "daily operations"
        ),
        source_id=2,
    )
    assert decision.card_id == 7
    assert decision.score >= JOIN_THRESHOLD


def test_the_same_amount_written_two_ways_is_one_claim() -> None:
    linker = _linker((3, 1, "The deal is worth €210 million"))
    decision = linker.link(ClaimSignature.of("The deal is valued at 210 million euros"), 2)
    assert decision.card_id == 3


def test_differing_amounts_are_two_cards_and_a_conflict() -> None:
    linker = _linker((3, 1, "The deal is worth €210 million"))
    decision = linker.link(ClaimSignature.of("The deal is worth about €240 million"), 2)
    assert decision.card_id is None
    [conflict] = decision.conflicts
    assert conflict.card_id == 3
    # The reason gives each figure as its quote qualifies it.
    assert conflict.reason == "€210 million vs about €240 million"


def test_differing_dates_of_one_event_conflict() -> None:
    linker = _linker((4, 1, "The boil-water notice was lifted on Wednesday, March 11"))
    decision = linker.link(ClaimSignature.of("The notice was lifted at noon on March 12"), 2)
    assert decision.card_id is None
    assert [c.reason for c in decision.conflicts] == ["March 11 vs March 12"]


def test_contrasting_terms_about_the_same_parties_conflict() -> None:
    linker = _linker(
        (5, 1, "Corvane Industries has signed an investment deal with Skerrow Electric Ferries")
    )
    decision = linker.link(
        ClaimSignature.of("Corvane Industries is buying Skerrow Electric Ferries outright"), 2
    )
    assert decision.card_id is None
    assert [c.reason for c in decision.conflicts] == ["investment deal vs acquisition"]


def test_amounts_of_different_things_do_not_conflict() -> None:
    linker = _linker((3, 1, "The deal is worth €210 million"))
    decision = linker.link(
        ClaimSignature.of(
            "Corvane closed at €41.35, giving the group a market value of €3.9 billion"
        ),
        2,
    )
    assert decision.conflicts == []


def test_sharing_only_names_is_not_one_claim() -> None:
    linker = _linker((9, 1, "Skerrow will build a new assembly yard in Port Ellis"))
    decision = linker.link(ClaimSignature.of("Skerrow, founded in Port Ellis in 2015"), 2)
    assert decision.card_id is None


def test_a_weaker_match_is_suggested_not_joined() -> None:
    linker = _linker((6, 1, "Isle Connect Ferries has ordered four S40 vessels for its routes"))
    decision = linker.link(
        ClaimSignature.of("Four S40 ferries will sail for Isle Connect on the island routes"), 2
    )
    if decision.card_id is None:
        assert decision.suggestions and decision.suggestions[0][0] == 6
        assert SUGGEST_THRESHOLD <= decision.suggestions[0][1] < JOIN_THRESHOLD
    else:
        assert decision.card_id == 6


def test_the_clauses_of_a_sentence_take_distinct_cards_chosen_together() -> None:
    # The first clause fits card 7 best but card 8 too; the second fits only card 7.
    cards = frozenset({7, 8, 9})
    first = LinkDecision(None, ranked=[(7, 0.8), (8, 0.5), (9, 0.3)], joinable=cards)
    second = LinkDecision(None, ranked=[(7, 0.7), (9, 0.35)], joinable=cards)
    assign_together([first, second])
    assert (first.card_id, first.score) == (8, 0.5)
    assert (second.card_id, second.score) == (7, 0.7)
    # A card the other clause is on is never offered either.
    assert first.suggestions == [(9, 0.3)]
    assert second.suggestions == [(9, 0.35)]


def test_a_clause_with_nowhere_else_to_go_gets_a_new_card() -> None:
    first = LinkDecision(None, ranked=[(7, 0.9)], joinable=frozenset({7, 8}))
    second = LinkDecision(None, ranked=[(7, 0.5), (8, 0.3)], joinable=frozenset({7, 8}))
    assign_together([first, second])
    assert (first.card_id, second.card_id) == (7, None)
    assert second.suggestions == [(8, 0.3)]


def test_a_founder_is_a_title_not_the_founding() -> None:
    # "Founder Dana Holt will remain chief executive" says nothing of when or where
    # Skerrow was founded; "Dana Holt, who founded Skerrow in 2015" does.
    title = content_terms("The founder, Dana Holt, will remain chief executive")
    founding = content_terms("Dana Holt, who founded Skerrow in 2015")
    assert not (title.keys() & founding.keys()) - {"dana", "holt"}
    assert content_terms("who founded Skerrow").keys() == content_terms("who set up Skerrow").keys()


def test_a_count_only_one_quote_gives_is_a_claim_of_its_own() -> None:
    # That Harbour runs terminals in 14 ports is not the claim that it runs this one; a
    # small count ("two") says too little to tell.
    linker = _linker(
        (1, 1, "Skerrow will build a new assembly yard in Port Ellis"),
        (2, 1, "Harbour Utilities runs the Tolland ferry terminal"),
    )
    terminal = ClaimSignature.of("Harbour Utilities runs the Tolland ferry terminal")
    counted = ClaimSignature.of("Harbour Utilities runs ferry terminals in 14 ports")
    few = ClaimSignature.of("Harbour Utilities runs ferry terminals in two ports")
    assert linker.similarity(terminal, counted) < 0.7 * linker.similarity(terminal, few)


def test_saying_something_did_not_happen_is_not_saying_it_did() -> None:
    linker = _linker(
        (1, 1, "Skerrow will build a new assembly yard in Port Ellis"),
        (2, 1, "The council issued a boil-water notice on March 2"),
    )
    issued = ClaimSignature.of("The council issued a boil-water notice on March 2")
    never = ClaimSignature.of("The council has not issued a boil-water notice since 2019")
    since = ClaimSignature.of("The council has issued a boil-water notice since 2019")
    assert linker.similarity(issued, never) < 0.7 * linker.similarity(issued, since)
    assert ClaimSignature.of("The agency hasn’t named a cause").negated


def test_content_terms_read_paraphrase_and_drop_stopwords() -> None:
    assert set(content_terms("The CEO stepped down")) == {"ceo", "resign"}
    assert set(content_terms("The chief executive resigned")) == {"ceo", "resign"}
    assert set(content_terms("Some 14,200 homes")) == {"household"}


def test_news_paraphrases_read_as_one_word() -> None:
    # Everyday newsroom synonyms: a sale and sold, a probe and an inquiry, signing off and
    # approving, a consortium and an investor group.
    assert content_terms("the most expensive sale") == content_terms("the most expensive sold")
    assert content_terms("pending an inquiry").keys() == content_terms("pending a probe").keys()
    assert content_terms("the council signed off on the plan").keys() == (
        content_terms("the council approved the plan").keys()
    )
    assert content_terms("an investor group").keys() == content_terms("a consortium").keys()
    assert content_terms("Corvane will pay for the deal from cash reserves").keys() == (
        content_terms("Corvane will fund the deal from cash reserves").keys()
    )


def test_a_bound_and_a_count_inside_it_are_one_claim() -> None:
    linker = _linker((3, 1, "The utility handed out more than 400,000 bottles of water"))
    decision = linker.link(
        ClaimSignature.of("The utility handed out 410,000 bottles of water"), source_id=2
    )
    assert decision.card_id == 3
    assert not decision.conflicts
    other = linker.link(
        ClaimSignature.of("The utility handed out 390,000 bottles of water"), source_id=2
    )
    assert other.card_id != 3


def test_a_plural_in_ies_is_the_word_in_y() -> None:
    # "batteries" and "battery", "supplied" and "supplies": one word each.
    assert content_terms("Corvane batteries").keys() == content_terms("a Corvane battery").keys()
    assert content_terms("Corvane supplied the packs").keys() == (
        content_terms("Corvane supplies the packs").keys()
    )


def test_a_rare_figure_alone_is_offered_even_with_no_word_in_common() -> None:
    # The same uncommon count of differently named things ("passengers" / none), told
    # in other words: too little to join, enough for the editor to see.
    linker = _linker(
        (5, 1, "The new Tolland terminal will hold 3,400 passengers"),
        (6, 1, "Skerrow has delivered 12 ferries since 2015"),
    )
    decision = linker.link(ClaimSignature.of("Its waiting halls can seat 3,400"), 2)
    assert decision.card_id is None
    assert decision.suggestions == [(5, SHARED_FIGURE_BONUS + DISTINCT_FIGURE_BONUS)]


def test_the_date_of_a_clause_describing_the_subject_is_not_the_claims_date() -> None:
    # "that broke down … on March 3" only says which ferry; the claim is when it was built.
    linker = _linker(
        (1, 1, "The Tern broke down off Port Ellis on March 3"),
        (2, 1, "The ferry was built in 1998"),
        (3, 1, "Skerrow has delivered 12 ferries since 2015"),
    )
    signature = ClaimSignature.of("The ferry that broke down on March 3 was built in 1998")
    assert [figure.text for figure in signature.figures] == ["1998"]
    assert linker.link(signature, 2).card_id == 2
    # A date the quote itself asserts stays its own.
    assert [f.text for f in ClaimSignature.of("The ferry broke down on March 3").figures] == [
        "March 3"
    ]


_CANDIDATES_SCRIPT = """
from factcards.core.link import ClaimSignature, Linker
linker = Linker()
amounts = [f"€{n} million" for n in range(101, 131)]
for quote_id, amount in enumerate(amounts):
    linker.add(quote_id, quote_id, quote_id, ClaimSignature.of(f"The yard paid {amount}."))
new = ClaimSignature.of("Skerrow paid " + ", ".join(amounts) + ".")
print(linker._candidates(new))
"""


def test_which_quotes_are_compared_does_not_depend_on_the_hash_seed() -> None:
    # More figures than the index looks up, all equally rare: which are looked up must
    # follow the text, not the order Python happens to give a set of strings.
    answers = {
        subprocess.run(
            [sys.executable, "-c", _CANDIDATES_SCRIPT],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3", "4", "5")
    }
    assert len(answers) == 1 and answers.pop().startswith("[")


def test_a_word_and_its_forms_are_one_term() -> None:
    forms = ["cause", "causes", "caused", "causing"]
    assert len({tuple(content_terms(f"the {form} ferry")) for form in forms}) == 1
    assert content_terms("the release").keys() == content_terms("was released").keys()


def test_the_head_of_an_organisation_is_its_director() -> None:
    assert content_terms("the head of the water authority resigned").keys() == (
        content_terms("the director of the water authority resigned").keys()
    )


def test_ever_and_in_the_history_of_say_one_record() -> None:
    assert content_terms("the most expensive sale ever").keys() == (
        content_terms("the most expensive sale in the history of").keys()
    )


def test_initials_and_a_kind_name_one_organisation_across_articles() -> None:
    # One article says "the VSA", another "the agency": both mean the Valmoran Space
    # Agency it named before, so the two reports of the suspension are one claim.
    first = (
        "The Valmoran Space Agency said its satellite failed. "
        "The VSA has suspended the mission director pending an inquiry.\n"
    )
    second = (
        "The Valmoran Space Agency lost its newest satellite on Tuesday. "
        "The agency has suspended mission director Dr. Anneke Voss pending an internal "
        "inquiry.\n"
    )
    linker = Linker()
    for quote_id, candidate in enumerate(find_claims(first)):
        text = first[candidate.start : candidate.end]
        signature = ClaimSignature.of(text, candidate.subject, candidate.context)
        linker.add(quote_id, quote_id, 1, signature)
    [suspended] = [c for c in find_claims(second) if "suspended" in second[c.start : c.end]]
    signature = ClaimSignature.of(
        second[suspended.start : suspended.end], suspended.subject, suspended.context
    )
    assert linker.link(signature, source_id=2).card_id == 1


# Editors keep months of a beat in one project: quotes of different stories meet there,
# and a figure they happen to share must not make them one claim.
_BEAT = (
    (1, 1, "Ferrante, who led the water authority for seven years"),
    (2, 1, "Shares of Aquenta Utilities fell 4.2% on Friday"),
    (3, 2, "Rival Brightwater Dynamics rose 4.2% on Tuesday"),
    (4, 2, "The satellite cost 286 million euros"),
    (5, 3, "Skerrow will build a new assembly yard in Port Ellis"),
)


def _in_the_beat(text: str) -> LinkDecision:
    """Where a quote of a new article goes in the project holding the beat's quotes."""
    return _linker(*_BEAT).link(ClaimSignature.of(text), source_id=4)


def test_a_duration_alone_does_not_join_two_stories() -> None:
    mission = _in_the_beat("Halcyon-2 was designed to monitor sea ice for seven years")
    # Not joined, and not even offered: a director's years in office are no satellite's.
    assert (mission.card_id, mission.suggestions) == (None, [])
    # The same figure in another telling of the tenure still joins.
    assert _in_the_beat("Ferrante had run the water authority for seven years").card_id == 1


def test_what_rose_by_a_percentage_says_which_claim_it_is() -> None:
    # "rose" and "rise" only say which way the figure went: an index is not a company.
    index = _in_the_beat("The mid-cap index posted a 4.2% rise")
    assert (index.card_id, index.suggestions) == (None, [])
    assert _in_the_beat("Brightwater Dynamics shares climbed 4.2%").card_id == 3


def test_one_percentage_of_two_companies_is_two_claims() -> None:
    # However alike the words ("shares fell 4.2% on Friday"), another company's fall is
    # another claim; the same company's, told in other words, is the same one.
    assert _in_the_beat("Shares of Calder Orbital fell 4.2% on Friday").card_id is None
    assert _in_the_beat("Aquenta shares lost 4.2% on Friday").card_id == 2


def test_a_figure_said_to_rise_and_to_fall_is_two_claims() -> None:
    risen = _in_the_beat("Shares of Aquenta Utilities rose 4.2% on Friday")
    assert risen.card_id is None
    assert risen.conflicts == []  # which of two things went which way is not known
    assert ClaimSignature.of("The budget was cut by 18%").direction == -1
    assert ClaimSignature.of("Greyhaven has gained 18% this year").direction == 1
    assert ClaimSignature.of("It fell 1.9% as the index rose 0.7%").direction == 0


def test_amounts_in_different_currencies_are_two_claims() -> None:
    assert _in_the_beat("The construction costs 420 million pounds").card_id is None
    assert _in_the_beat("Halcyon-2 cost 286 million euros, with launch").card_id == 4


def test_a_percentage_of_someone_unnamed_conflicts_with_no_one() -> None:
    # "Its shares" may be any company's: another company's fall is no contradiction.
    assert _in_the_beat("Its shares fell 1.9%").conflicts == []
    # Named, the same company's fall told with another figure is one.
    [conflict] = _in_the_beat("Shares of Aquenta Utilities fell 3.9% on Friday").conflicts
    assert (conflict.card_id, conflict.reason) == (2, "4.2% vs 3.9%")


def _with_filler(*quotes: tuple[int, int, str]) -> Linker:
    """A linker holding these quotes and a few of other stories (for rarity to weigh)."""
    return _linker(
        *quotes,
        (20, 9, "Skerrow will build a new assembly yard in Port Ellis"),
        (21, 9, "The council issued a boil-water notice on March 2"),
        (22, 9, "Harbour Utilities runs the Tolland ferry terminal"),
        (23, 9, "Corvane shares rose 3% in early trading"),
    )


def test_a_weaker_match_joins_only_when_both_say_the_same_of_a_named_subject() -> None:
    # Both name Skerrow and say it brought a battery into its testing: one claim.
    linker = _with_filler(
        (1, 1, "Skerrow has started incorporating Corvane cells into its testing processes")
    )
    decision = linker.link(
        ClaimSignature.of("Skerrow incorporated a foreign battery into its testing"), 2
    )
    assert JOIN_THRESHOLD <= decision.score < CONFIDENT_THRESHOLD
    assert decision.card_id == 1
    # As alike by their words, but one names no one: a general remark is offered, never
    # joined (it would count as a second source of Skerrow's use of Corvane cells).
    linker = _with_filler(
        (1, 1, "Skerrow has started incorporating Corvane cells into its testing processes")
    )
    remark = ClaimSignature.of(
        "as many yards incorporate borrowed ideas into their testing processes"
    )
    decision = linker.link(remark, 2)
    assert JOIN_THRESHOLD <= decision.ranked[0][1] < CONFIDENT_THRESHOLD
    assert decision.card_id is None
    assert [card for card, _ in decision.suggestions] == [1]


def test_a_subject_a_clause_borrows_is_a_name_of_it() -> None:
    # "it would cooperate …" said by Aquenta is about Aquenta, not about whoever ordered
    # the review.
    signature = ClaimSignature.of("it would cooperate with the city’s review", subject="Aquenta")
    assert "aquenta" in signature.names
    assert "aquenta" not in signature.predicate


def test_losing_beside_a_year_is_what_happened_not_which_way_a_figure_went() -> None:
    lost = ClaimSignature.of("Brightwater lost the 2022 tender to Calder")
    assert lost.direction == 0
    assert len(lost.predicate) > len(ClaimSignature.of("Brightwater had the 2022 tender").predicate)
    # Beside a quantity it is the direction, and no key word.
    shares = ClaimSignature.of("Calder shares lost 11.6% on Tuesday")
    assert shares.direction == -1


def test_two_quotes_that_say_when_and_never_the_same_time_are_less_alike() -> None:
    linker = _with_filler((1, 1, "The city issued a boil-water notice on March 2"))
    march = ClaimSignature.of("The city issued a boil-water notice on March 2")
    same_day = ClaimSignature.of("A boil-water notice was issued by the city on March 2")
    other_year = ClaimSignature.of("A boil-water notice was issued by the city in 2019")
    undated = ClaimSignature.of("A boil-water notice was issued by the city")
    assert linker.similarity(march, other_year) < 0.7 * linker.similarity(march, same_day)
    # Saying no time is no disagreement (only the figure's kind is a word less in
    # common); nor is a year and a season of that year.
    assert linker.similarity(march, undated) > 0.9 * linker.similarity(march, same_day)
    spring = ClaimSignature.of("The S40 will launch in spring 2027")
    year = ClaimSignature.of("The S40 will launch in 2027")
    next_year = ClaimSignature.of("The S40 will launch in 2028")
    assert linker.similarity(spring, next_year) < 0.7 * linker.similarity(spring, year)


def test_a_relative_clause_quoted_alone_joins_only_a_confident_match() -> None:
    # "which is building the app Tern" may be of anyone: a weaker match is offered, where
    # the same words with their subject join.
    quote = "Corvane is using a rival model to develop its new ferry app Tern, codenamed Gull"
    relative = _with_filler((1, 1, quote)).link(
        ClaimSignature.of("which is building the app Tern"), 2
    )
    named = _with_filler((1, 1, quote)).link(
        ClaimSignature.of("Gull Labs is building the app Tern"), 2
    )
    assert JOIN_THRESHOLD <= relative.ranked[0][1] < CONFIDENT_THRESHOLD
    assert (relative.card_id, named.card_id) == (None, 1)


def test_using_and_leveraging_and_optimizing_and_refining_are_one_word_each() -> None:
    assert content_terms("Skerrow is leveraging Corvane cells").keys() == (
        content_terms("Skerrow is utilizing Corvane cells").keys()
    )
    assert content_terms("Skerrow used Corvane cells").keys() == (
        content_terms("Skerrow is using Corvane cells").keys()
    )
    assert content_terms("Skerrow refined its hull design").keys() == (
        content_terms("Skerrow optimised its hull design").keys()
    )


def test_a_noun_in_ment_is_the_verb_it_is_made_from() -> None:
    assert content_terms("the development of Tern").keys() == (
        content_terms("to develop Tern").keys()
    )
    assert content_terms("its management").keys() == content_terms("it managed").keys()
    # Short ones are words of their own: a statement is not the state.
    assert content_terms("a statement").keys() != content_terms("the state").keys()


def test_a_clubs_ground_is_its_stadium() -> None:
    # The same capacity, told of the "stadium" and of the "ground": one claim.
    linker = _linker(
        (4, 1, "The stadium will hold 42,000 spectators"),
        (5, 1, "The club's current ground holds 24,500 spectators"),
    )
    decision = linker.link(ClaimSignature.of("The new ground will seat 42,000"), 2)
    assert decision.card_id == 4


def test_patients_gone_home_have_been_discharged() -> None:
    linker = _linker(
        (2, 1, "All have since been discharged"),
        (3, 1, "Six people were taken to hospital"),
    )
    decision = linker.link(ClaimSignature.of("Everyone has since gone home"), 2)
    assert decision.card_id == 2


def test_money_that_goes_or_flows_into_something_is_earmarked_for_it() -> None:
    earmarked = content_terms("part of the fee is earmarked for the stadium").keys()
    assert content_terms("part of the fee will go into the stadium").keys() == earmarked
    assert content_terms("part of the fee flows into the stadium").keys() == earmarked
