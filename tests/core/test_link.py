"""Linking: near-identical sentences from two sources share a card; others do not."""

from factcards.core.link import Linker, content_terms, resemblance
from factcards_db import LinkableQuote


def test_the_same_sentence_told_twice_joins_the_existing_card() -> None:
    linker = Linker(
        [
            LinkableQuote(
                1, 7, 1, "Skerrow will build a new assembly yard on the north quay in Port Ellis."
            )
        ]
    )
    assert (
        linker.best_card("Skerrow will build a new assembly yard on the Port Ellis north quay.")
        == 7
    )


def test_a_different_claim_starts_its_own_card() -> None:
    linker = Linker([LinkableQuote(1, 7, 1, "The deal is worth €210 million, people said.")])
    assert linker.best_card("Holt will remain chief executive of Skerrow.") is None


def test_quotes_added_during_an_import_are_found_by_later_ones() -> None:
    linker = Linker()
    linker.add(3, "Isle Connect Ferries has ordered four S40 vessels from Skerrow.")
    assert (
        linker.best_card("Isle Connect Ferries ordered four of the S40 vessels from Skerrow.") == 3
    )


def test_content_terms_drop_stopwords_and_possessives() -> None:
    assert content_terms("The company’s ferries were ordered") == {"company", "ferri", "order"}


def test_resemblance_is_symmetric_and_bounded() -> None:
    a = content_terms("Skerrow builds battery ferries in Port Ellis")
    b = content_terms("Battery ferries are built by Skerrow in Port Ellis")
    assert resemblance(a, b) == resemblance(b, a)
    assert 0 < resemblance(a, b) <= 1
    assert resemblance(a, frozenset()) == 0
