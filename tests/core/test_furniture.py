"""Page furniture is recognised, article prose is not mistaken for it."""

import pytest

from factcards.core.furniture import is_furniture


@pytest.mark.parametrize(
    "line",
    [
        "Leave a reply",
        "LEAVE A REPLY",
        "Please enter your comment!",
        "Please enter your name here",
        "NO COMMENTS",
        "Comments",
        "Leave a comment",
        "Exit mobile version",
        "AI Generated Image",
        "Photo: Skerrow Electric Ferries",
        "Explore more exclusive insights at coastwatchdaily.com",
        "0",
        "86",
        "Share this article",
        "Disclaimer: Investing carries risk. This is not financial advice.",
        "© 2026 The Harbour Gazette",
        "Home › Business › Shipping",
        "Sign up for our morning newsletter",
        "By Owen Strand | March 3, 2026, 17:40",
        "3 min read",
    ],
)
def test_furniture_is_recognised(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "The deal is worth €210 million, people familiar with the matter said.",
        "Related party transactions rose 5% in 2025.",
        "Copyright lawsuits against the firm doubled last year.",
        "Subscribers to the ferry pass rose to 4,000.",
        "By Friday the ferries were running again on every route.",
        "Comments by the mayor drew criticism from the council.",
    ],
)
def test_prose_is_not_furniture(line: str) -> None:
    assert not is_furniture(line)
