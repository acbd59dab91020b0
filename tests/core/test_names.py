"""Shortened names: an organisation's initials and its kind read as its full name."""

from factcards.core.names import ArticleNames

ARTICLE = """The Valmoran Space Agency said on Tuesday that its satellite had failed.
The VSA has suspended the mission director pending an inquiry.
Kellsbridge Water Authority director Paul Ferrante resigned.
The agency and the water authority declined to comment. The US and the AI group did too.
"""


def _meant(clause: str) -> list[str]:
    return ArticleNames(ARTICLE).meant(clause, ARTICLE.index(clause))


def test_initials_stand_for_the_name_they_are_made_of() -> None:
    assert _meant("The VSA has suspended the mission director") == ["Valmoran Space Agency"]


def test_a_kind_stands_for_the_last_organisation_of_that_kind_named() -> None:
    assert _meant("The agency and the water authority declined to comment") == [
        "Valmoran Space Agency",
        "Kellsbridge Water Authority",
    ]


def test_a_word_before_the_kind_must_be_in_the_name() -> None:
    names = ArticleNames(ARTICLE)
    clause = "the city authority declined"
    assert names.meant(clause, len(ARTICLE)) == []


def test_a_kind_never_means_an_organisation_named_after_it() -> None:
    names = ArticleNames("The agency said so. The Valmoran Space Agency was founded in 1994.")
    assert names.meant("The agency said so", 0) == []


def test_two_capital_letters_are_a_word_as_often_as_initials() -> None:
    # "US" and "AI" are not read as initials, whatever names the article holds.
    names = ArticleNames("Ashgrove Investments and United Shipping met.")
    assert names.meant("The US and the AI group did too", 100) == []
